/*
 * exposure.c - the internet exposure model (semantics in exposure.h): the
 * evaluator over NSG pairs, the network model built from the inventory, the
 * public aza_exposure_* API and its text and JSON writers.
 */
#include "exposure.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/scan.h"

#define T_NSG "Microsoft.Network/networkSecurityGroups"
#define T_NIC "Microsoft.Network/networkInterfaces"
#define T_PIP "Microsoft.Network/publicIPAddresses"
#define T_VNET "Microsoft.Network/virtualNetworks"
#define T_SUBNET T_VNET "/subnets"
#define T_LB "Microsoft.Network/loadBalancers"
#define T_APPGW "Microsoft.Network/applicationGateways"
#define T_FW "Microsoft.Network/azureFirewalls"
#define T_BASTION "Microsoft.Network/bastionHosts"
#define T_VM "Microsoft.Compute/virtualMachines"
#define T_VMSS "Microsoft.Compute/virtualMachineScaleSets"

#define V4MAX 0xFFFFFFFFull
#define V6MAX 0xFFFFFFFFFFFFFFFFull
#define NPROTO 4

/* ------------------------------------------------------------ interval sets */

static const aza_nsg_span internet[] = {
	{0x01000000ull, 0x09FFFFFFull, 0}, {0x0B000000ull, 0x643FFFFFull, 0}, {0x64800000ull, 0x7EFFFFFFull, 0},
	{0x80000000ull, 0xA9FDFFFFull, 0}, {0xA9FF0000ull, 0xAC0FFFFFull, 0}, {0xAC200000ull, 0xC0A7FFFFull, 0},
	{0xC0A90000ull, 0xDFFFFFFFull, 0}, {0x2000000000000000ull, 0x3FFFFFFFFFFFFFFFull, 1},
};
#define N_INTERNET (sizeof internet / sizeof internet[0])

const aza_nsg_span *aza_expo__internet(size_t *n)
{
	*n = N_INTERNET;
	return internet;
}

/* out = a AND b (both normalized); out has room for na + nb. */
static size_t set_and(const aza_nsg_span *a, size_t na, const aza_nsg_span *b, size_t nb, aza_nsg_span *out)
{
	size_t i = 0, j = 0, m = 0;
	while (i < na && j < nb) {
		if (a[i].v6 != b[j].v6) {
			if (a[i].v6 < b[j].v6)
				i++;
			else
				j++;
			continue;
		}
		uint64_t lo = a[i].lo > b[j].lo ? a[i].lo : b[j].lo;
		uint64_t hi = a[i].hi < b[j].hi ? a[i].hi : b[j].hi;
		if (lo <= hi)
			out[m++] = (aza_nsg_span){lo, hi, a[i].v6};
		if (a[i].hi < b[j].hi)
			i++;
		else
			j++;
	}
	return m;
}

/* out = a MINUS b (both normalized); out has room for na + nb. */
static size_t set_sub(const aza_nsg_span *a, size_t na, const aza_nsg_span *b, size_t nb, aza_nsg_span *out)
{
	size_t m = 0, j = 0;
	for (size_t i = 0; i < na; i++) {
		aza_nsg_span cur = a[i];
		int live = 1;
		while (j < nb && (b[j].v6 < cur.v6 || (b[j].v6 == cur.v6 && b[j].hi < cur.lo)))
			j++;
		for (size_t k = j; live && k < nb && b[k].v6 == cur.v6 && b[k].lo <= cur.hi; k++) {
			if (b[k].lo > cur.lo)
				out[m++] = (aza_nsg_span){cur.lo, b[k].lo - 1, cur.v6};
			if (b[k].hi >= cur.hi)
				live = 0;
			else
				cur.lo = b[k].hi + 1;
		}
		if (live)
			out[m++] = cur;
	}
	return m;
}

static void set_count(const aza_nsg_span *s, size_t n, double *v4, double *v6)
{
	*v4 = *v6 = 0;
	for (size_t i = 0; i < n; i++) {
		double w = (double)(s[i].hi - s[i].lo) + 1.0;
		if (s[i].v6)
			*v6 += w;
		else
			*v4 += w;
	}
}

static double internet_v4(void)
{
	double v4, v6;
	set_count(internet, N_INTERNET, &v4, &v6);
	return v4;
}

static double internet_v6(void)
{
	double v4, v6;
	set_count(internet, N_INTERNET, &v4, &v6);
	return v6;
}

static int set_eq(const aza_nsg_span *a, size_t na, const aza_nsg_span *b, size_t nb)
{
	if (na != nb)
		return 0;
	for (size_t i = 0; i < na; i++)
		if (a[i].lo != b[i].lo || a[i].hi != b[i].hi || a[i].v6 != b[i].v6)
			return 0;
	return 1;
}

static aza_nsg_span *set_dup(aza_arena *a, const aza_nsg_span *s, size_t n)
{
	aza_nsg_span *d = aza_arena__alloc(a, (n ? n : 1) * sizeof *d);
	if (d && n)
		memcpy(d, s, n * sizeof *d);
	return d;
}

/* ---------------------------------------------------------- one NSG, one dst */

/* Does r's destination hold every address of span s (of s's family)? */
static int dst_holds(const aza_nsg_rule *r, const aza_nsg_span *s)
{
	uint64_t cur = s->lo;
	for (size_t n = 0; n <= r->ndst; n++) {
		size_t i = 0;
		while (i < r->ndst && (r->dst[i].v6 != s->v6 || r->dst[i].lo > cur || r->dst[i].hi < cur))
			i++;
		if (i == r->ndst)
			return 0;
		if (r->dst[i].hi >= s->hi)
			return 1;
		cur = r->dst[i].hi + 1;
	}
	return 0;
}

/* r's destination prefixes against the subnet prefixes of the family v6
 * that the address not known lies in: 2 they hold all of them, 0 none of
 * their addresses, 1 part (or the subnet's prefixes are not known). An
 * IPv6 prefix longer than /64 (dst6) never holds all of a subnet's prefix
 * for certain (that is held as a /64, and Azure's are /64 or wider). */
static int dst_vs_net(const aza_nsg_rule *r, const aza_expo_dst *d, unsigned char v6)
{
	size_t n = 0;
	int all = 1, none = 1;
	for (size_t i = 0; i < d->nnet; i++) {
		const aza_nsg_span *s = &d->net[i];
		if (s->v6 != v6)
			continue;
		n++;
		for (size_t j = 0; j < r->ndst && none; j++)
			if (r->dst[j].v6 == v6 && r->dst[j].lo <= s->hi && s->lo <= r->dst[j].hi)
				none = 0;
		for (size_t j = 0; v6 && j < r->ndst6 && none; j++)
			if (s->lo <= r->dst6[j].hi && r->dst6[j].hi <= s->hi)
				none = 0;
		if (all && !dst_holds(r, s))
			all = 0;
	}
	if (!n)
		return 1;
	if (all)
		return 2;
	return none ? 0 : 1;
}

/* Does r have a destination prefix of the family v6? */
static int dst_has_fam(const aza_nsg_rule *r, unsigned char v6)
{
	if (v6 && r->ndst6)
		return 1;
	for (size_t i = 0; i < r->ndst; i++)
		if (r->dst[i].v6 == v6)
			return 1;
	return 0;
}

/* Does r's destination hold the known address of d (in full: a prefix
 * longer than /64 holds only the addresses it names)? */
static int dst_holds_ip(const aza_nsg_rule *r, const aza_expo_dst *d)
{
	for (size_t i = 0; i < r->ndst; i++)
		if (r->dst[i].v6 == d->ip.v6 && r->dst[i].lo <= d->ip.lo && d->ip.lo <= r->dst[i].hi)
			return 1;
	for (size_t i = 0; d->ip.v6 && i < r->ndst6; i++)
		if (aza_nsg__pfx6_holds(&r->dst6[i], d->ip.lo, d->ip_low))
			return 1;
	return 0;
}

unsigned aza_expo__dst_match(const aza_nsg_rule *r, const aza_expo_dst *d)
{
	if (r->dst_all)
		return 3;
	for (size_t i = 0; i < r->ndtok; i++) {
		if ((r->dtok[i][0] | 0x20) == 'v' && !d->no_vnet && aza__strieq(r->dtok[i], "VirtualNetwork"))
			return 3;
		for (size_t k = 0; k < d->nasgs; k++)
			if (aza__strieq(r->dtok[i], d->asgs[k]))
				return 3;
	}
	/* Each family on its own: a packet is of one family end to end, and a
	 * destination prefix matches only traffic of its own family, so a Deny
	 * to [10.0.1.0/24, 2001:db8:1::/64] covers IPv4 traffic to 10.0.1.4
	 * and IPv6 traffic only when that prefix holds the IPv6 address. */
	unsigned fam = d->has_ip ? (d->ip.v6 ? 2u : 1u) : d->fam ? d->fam : 1u, m = 0;
	for (unsigned f = 1; f <= 2; f++) {
		unsigned char v6 = f == 2;
		if (!dst_has_fam(r, v6))
			continue;
		if (f == fam && d->has_ip) {
			if (dst_holds_ip(r, d))
				m |= f;
			continue;
		}
		/* A prefix of the other family than the known address is about
		 * the IP configuration's address of that family, which the model
		 * does not know: an Allow to it is taken to apply, a Deny not, so
		 * that neither gives a false PASS. */
		if (d->has_ip) {
			if (r->allow)
				m |= f;
			continue;
		}
		/* Address not known: a prefix holding every address of its family
		 * holds it; so do prefixes holding all of its subnet's prefixes
		 * (of its family), and prefixes holding none of them do not. Any
		 * other prefix, and one of the other family (about an address of
		 * that family, not known either), may or may not. The model
		 * evaluates both readings (d->best) and reports what only the
		 * first admits as resting on the address, so a Deny that may not
		 * cover it never hides an Allow. */
		int rel = 1;
		if (f == fam)
			rel = r->dst_full & f ? 2 : dst_vs_net(r, d, v6);
		if (rel == 2 || (rel == 1 && r->allow != d->best))
			m |= f;
	}
	return m;
}

/* A rule's internet sources, normalized. */
typedef struct prep {
	aza_nsg_span **isrc;
	size_t *nisrc;
} prep;

/* The rules' internet sources, in a; tmp holds the work areas. When they
 * differ, what stays in a is exactly its size (the model keeps it for
 * every NSG a frontend reaches). */
static int prep_nsg(aza_arena *a, aza_arena *tmp, const aza_nsg *g, prep *p)
{
	p->isrc = aza_arena__alloc(a, (g->n + 1) * sizeof *p->isrc);
	p->nisrc = aza_arena__alloc(a, (g->n + 1) * sizeof *p->nisrc);
	if (!p->isrc || !p->nisrc)
		return -1;
	for (size_t i = 0; i < g->n; i++) {
		const aza_nsg_rule *r = &g->rules[i];
		aza_arena_mark m = aza_arena__mark(tmp);
		aza_nsg_span *s = set_dup(tmp, r->src, r->nsrc);
		aza_nsg_span *o = aza_arena__alloc(tmp, (r->nsrc + N_INTERNET + 1) * sizeof *o);
		if (!s || !o)
			return -1;
		size_t n = aza_nsg__span_norm(s, r->nsrc);
		p->nisrc[i] = set_and(s, n, internet, N_INTERNET, o);
		if (tmp != a) {
			aza_nsg_span *k = set_dup(a, o, p->nisrc[i]);
			aza_arena__reset(tmp, m);
			if (!(o = k))
				return -1;
		}
		p->isrc[i] = o;
	}
	return 0;
}

typedef struct allow {
	const aza_nsg_rule *r;
	aza_nsg_span *s;
	size_t n;
} allow;

typedef struct vseg {
	unsigned lo, hi;
	aza_nsg_span *u; /* union of the allows */
	size_t nu;
	allow *al;
	size_t nal;
} vseg;

/* What one NSG lets in from the internet for one destination. */
typedef struct view {
	vseg *seg[NPROTO];
	size_t nseg[NPROTO];
} view;

static int port_in(const aza_nsg_rule *r, unsigned p)
{
	for (size_t i = 0; i < r->nports; i++)
		if (p >= r->ports[i][0] && p <= r->ports[i][1])
			return 1;
	return 0;
}

static int ucmp(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
	return (x > y) - (x < y);
}

static int allows_eq(const vseg *x, const vseg *y)
{
	if (x->nal != y->nal)
		return 0;
	for (size_t i = 0; i < x->nal; i++)
		if (x->al[i].r != y->al[i].r || !set_eq(x->al[i].s, x->al[i].n, y->al[i].s, y->al[i].n))
			return 0;
	return 1;
}

/* Build the view of NSG g (prepared as p) for the rules in `use` (indices,
 * priority order), each applying to the traffic of the families fam[k]
 * (1 IPv4, 2 IPv6, 3 both). a holds the result; t is scratch. */
static int view_build(aza_arena *a, aza_arena *t, const aza_nsg *g, const prep *p, const size_t *use,
                      const unsigned char *fam, size_t nuse, view *v)
{
	memset(v, 0, sizeof *v);
	aza_arena_mark m0 = aza_arena__mark(t);
	size_t cap = N_INTERNET + 2;
	for (size_t k = 0; k < nuse; k++)
		cap += 2 * p->nisrc[use[k]] + 2;
	size_t nbp_cap = 2;
	for (size_t k = 0; k < nuse; k++)
		nbp_cap += 2 * g->rules[use[k]].nports;
	unsigned *bp = aza_arena__alloc(t, nbp_cap * sizeof *bp);
	aza_nsg_span *rem = aza_arena__alloc(t, cap * sizeof *rem), *tmp = aza_arena__alloc(t, cap * sizeof *tmp);
	aza_nsg_span *got = aza_arena__alloc(t, cap * sizeof *got);
	allow *al = aza_arena__alloc(t, (nuse + 1) * sizeof *al);
	if (!bp || !rem || !tmp || !got || !al)
		return -1;
	for (int k = 0; k < NPROTO; k++) {
		unsigned bit = 1u << k;
		int ported = bit == AZA_NSG_TCP || bit == AZA_NSG_UDP;
		size_t nb = 0;
		bp[nb++] = 0;
		bp[nb++] = 65536;
		if (ported)
			for (size_t q = 0; q < nuse; q++) {
				const aza_nsg_rule *r = &g->rules[use[q]];
				if (!(r->protos & bit))
					continue;
				for (size_t i = 0; i < r->nports; i++) {
					bp[nb++] = r->ports[i][0];
					bp[nb++] = r->ports[i][1] + 1;
				}
			}
		qsort(bp, nb, sizeof *bp, ucmp);
		size_t u = 0;
		for (size_t i = 0; i < nb; i++)
			if (!u || bp[i] != bp[u - 1])
				bp[u++] = bp[i];
		vseg *out = aza_arena__alloc(a, u * sizeof *out);
		if (!out)
			return -1;
		size_t nout = 0;
		for (size_t s = 0; s + 1 < u; s++) {
			unsigned lo = bp[s], hi = bp[s + 1] - 1;
			size_t nrem = N_INTERNET, nal = 0;
			memcpy(rem, internet, sizeof internet);
			for (size_t q = 0; q < nuse && nrem; q++) {
				size_t i = use[q];
				const aza_nsg_rule *r = &g->rules[i];
				if (!(r->protos & bit) || (ported && !port_in(r, lo)))
					continue;
				/* its sources of the families it applies to (IPv4 first) */
				const aza_nsg_span *src = p->isrc[i];
				size_t nsrc = p->nisrc[i];
				if (fam[q] != 3) {
					size_t n4 = 0;
					while (n4 < nsrc && !src[n4].v6)
						n4++;
					if (fam[q] == 1)
						nsrc = n4;
					else
						src += n4, nsrc -= n4;
				}
				if (!nsrc)
					continue;
				if (r->allow) {
					size_t ng = set_and(rem, nrem, src, nsrc, got);
					if (ng) {
						al[nal].r = r;
						al[nal].n = ng;
						if (!(al[nal].s = set_dup(a, got, ng)))
							return -1;
						nal++;
					}
				}
				nrem = set_sub(rem, nrem, src, nsrc, tmp);
				aza_nsg_span *x = rem;
				rem = tmp;
				tmp = x;
			}
			if (!nal)
				continue;
			vseg cur = {lo, hi, NULL, 0, al, nal};
			if (nout && out[nout - 1].hi + 1 == lo && allows_eq(&out[nout - 1], &cur)) {
				out[nout - 1].hi = hi;
				continue;
			}
			/* union: internet minus what the allows left out */
			size_t nu = 0;
			for (size_t i = 0; i < nal; i++)
				nu += al[i].n;
			aza_nsg_span *un = aza_arena__alloc(a, (nu ? nu : 1) * sizeof *un);
			allow *alc = aza_arena__alloc(a, nal * sizeof *alc);
			if (!un || !alc)
				return -1;
			nu = 0;
			for (size_t i = 0; i < nal; i++) {
				memcpy(un + nu, al[i].s, al[i].n * sizeof *un);
				nu += al[i].n;
			}
			memcpy(alc, al, nal * sizeof *alc);
			out[nout++] = (vseg){lo, hi, un, aza_nsg__span_norm(un, nu), alc, nal};
		}
		v->seg[k] = out;
		v->nseg[k] = nout;
	}
	aza_arena__reset(t, m0);
	return 0;
}

static const aza_nsg_rule *first_allow(const vseg *s, const aza_nsg_span *r, size_t nr, aza_nsg_span *tmp)
{
	for (size_t i = 0; i < s->nal; i++)
		if (set_and(s->al[i].s, s->al[i].n, r, nr, tmp))
			return s->al[i].r;
	return s->nal ? s->al[0].r : NULL;
}

static const vseg full_seg = {0, 65535, (aza_nsg_span *)internet, N_INTERNET, NULL, 0};

/* Combine two views (NULL: no NSG) into a map. */
static int combine(aza_arena *a, aza_arena *t, const view *v1, const view *v2, aza_expo_map *out)
{
	size_t cap = 0;
	for (int k = 0; k < NPROTO; k++)
		cap += (v1 ? v1->nseg[k] : 1) + (v2 ? v2->nseg[k] : 1);
	aza_expo_seg *seg = aza_arena__alloc(a, (cap ? cap : 1) * sizeof *seg);
	if (!seg)
		return -1;
	size_t n = 0;
	aza_arena_mark m0 = aza_arena__mark(t);
	for (int k = 0; k < NPROTO; k++) {
		const vseg *A = v1 ? v1->seg[k] : &full_seg, *B = v2 ? v2->seg[k] : &full_seg;
		size_t na = v1 ? v1->nseg[k] : 1, nb = v2 ? v2->nseg[k] : 1;
		size_t i = 0, j = 0;
		while (i < na && j < nb) {
			unsigned lo = A[i].lo > B[j].lo ? A[i].lo : B[j].lo;
			unsigned hi = A[i].hi < B[j].hi ? A[i].hi : B[j].hi;
			if (lo <= hi) {
				aza_arena_mark m = aza_arena__mark(t);
				aza_nsg_span *r = aza_arena__alloc(t, (A[i].nu + B[j].nu + 1) * sizeof *r);
				aza_nsg_span *x = aza_arena__alloc(t, (A[i].nu + B[j].nu + 1) * sizeof *x);
				if (!r || !x)
					return -1;
				size_t nr = set_and(A[i].u, A[i].nu, B[j].u, B[j].nu, r);
				if (nr) {
					const aza_nsg_rule *r1 = v1 ? first_allow(&A[i], r, nr, x) : NULL;
					const aza_nsg_rule *r2 = v2 ? first_allow(&B[j], r, nr, x) : NULL;
					aza_expo_seg *p = n ? &seg[n - 1] : NULL;
					if (p && p->proto == (1u << k) && p->hi + 1 == lo && p->r1 == r1 && p->r2 == r2 &&
					    set_eq(p->src, p->nsrc, r, nr)) {
						p->hi = hi;
					} else {
						aza_expo_seg *s = &seg[n++];
						memset(s, 0, sizeof *s);
						s->proto = 1u << k;
						s->lo = lo;
						s->hi = hi;
						if (!(s->src = set_dup(a, r, nr)))
							return -1;
						s->nsrc = nr;
						set_count(r, nr, &s->v4, &s->v6);
						s->r1 = r1;
						s->r2 = r2;
					}
				}
				aza_arena__reset(t, m);
			}
			if (A[i].hi < B[j].hi)
				i++;
			else
				j++;
		}
	}
	aza_arena__reset(t, m0);
	out->seg = seg;
	out->n = n;
	return 0;
}

/* The rules of g that apply to d (indices) and the families each applies to. */
static int use_list(aza_arena *t, const aza_nsg *g, const prep *p, const aza_expo_dst *d, size_t **use,
                    unsigned char **fam, size_t *n)
{
	*use = aza_arena__alloc(t, (g->n + 1) * sizeof **use);
	*fam = aza_arena__alloc(t, g->n + 1);
	if (!*use || !*fam)
		return -1;
	*n = 0;
	for (size_t i = 0; i < g->n; i++) {
		unsigned f = p->nisrc[i] ? aza_expo__dst_match(&g->rules[i], d) : 0;
		if (f) {
			(*fam)[*n] = (unsigned char)f;
			(*use)[(*n)++] = i;
		}
	}
	return 0;
}

int aza_expo__eval(aza_arena *a, const aza_nsg *first, const aza_nsg *second, const aza_expo_dst *dst, aza_expo_map *out)
{
	aza_arena t;
	aza_arena__init(&t);
	const aza_nsg *g[2] = {first, second};
	view v[2];
	int rc = 0;
	for (int i = 0; i < 2 && !rc; i++) {
		if (!g[i])
			continue;
		prep p;
		size_t *use, n;
		unsigned char *fam;
		if (prep_nsg(&t, &t, g[i], &p) || use_list(&t, g[i], &p, dst, &use, &fam, &n) ||
		    view_build(a, &t, g[i], &p, use, fam, n, &v[i]))
			rc = -1;
	}
	if (!rc)
		rc = combine(a, &t, first ? &v[0] : NULL, second ? &v[1] : NULL, out);
	aza_arena__release(&t);
	return rc;
}

/* -------------------------------------------------------------- hash table */

typedef struct hent {
	const char *key;
	const void *k2; /* second key (pointer), for pair caches */
	void *val;
	struct hent *next;
	uint64_t h;
} hent;

typedef struct htab {
	hent **b;
	size_t nb, n;
} htab;

static int ht_init(htab *h, size_t expect)
{
	size_t nb = 64;
	while (nb < expect * 2)
		nb <<= 1;
	h->b = aza__malloc(nb * sizeof *h->b);
	if (!h->b)
		return -1;
	memset(h->b, 0, nb * sizeof *h->b);
	h->nb = nb;
	h->n = 0;
	return 0;
}

/* Case-insensitive hash of ids, eight bytes at a time: OR-ing 0x20 into
 * every byte folds ASCII case (and merges a few non-letters, which only
 * makes rare collisions the comparison then sorts out). */
static uint64_t ht_hash(const char *key, const void *k2)
{
	uint64_t h = 1469598103934665603ull;
	if (key) {
		size_t n = strlen(key), i = 0;
		for (; i + 8 <= n; i += 8) {
			uint64_t w;
			memcpy(&w, key + i, 8);
			w |= 0x2020202020202020ull;
			h = (h ^ w) * 0x9E3779B97F4A7C15ull;
			h ^= h >> 29;
		}
		uint64_t w = 0;
		for (size_t k = 0; i < n; i++, k++)
			w |= (uint64_t)((unsigned char)key[i] | 0x20) << (8 * k);
		h = (h ^ w ^ n) * 0x9E3779B97F4A7C15ull;
		h ^= h >> 32;
	}
	return h ^ ((uint64_t)(uintptr_t)k2 * 0x9E3779B97F4A7C15ull);
}

static hent *ht_get_h(const htab *h, uint64_t hv, const char *key, const void *k2)
{
	if (!h->b)
		return NULL;
	for (hent *e = h->b[hv & (h->nb - 1)]; e; e = e->next)
		if (e->h == hv && e->k2 == k2 &&
		    (key == e->key || (key && e->key && (!strcmp(key, e->key) || aza__strieq(key, e->key)))))
			return e;
	return NULL;
}

static hent *ht_get(const htab *h, const char *key, const void *k2)
{
	return h->b ? ht_get_h(h, ht_hash(key, k2), key, k2) : NULL;
}

static hent *ht_put_h(aza_arena *a, htab *h, uint64_t hv, const char *key, const void *k2, void *val)
{
	hent *e = aza_arena__alloc(a, sizeof *e);
	if (!e)
		return NULL;
	/* Grow when chains get long (sizes guessed at init can be far off,
	 * e.g. one gap per NIC): a failed growth keeps the table as it is. */
	if (h->n >= h->nb) {
		size_t nb = h->nb * 4;
		hent **t = aza__malloc(nb * sizeof *t);
		if (t) {
			memset(t, 0, nb * sizeof *t);
			for (size_t i = 0; i < h->nb; i++)
				for (hent *x = h->b[i], *nx; x; x = nx) {
					nx = x->next;
					size_t k = x->h & (nb - 1);
					x->next = t[k];
					t[k] = x;
				}
			aza__free(h->b);
			h->b = t;
			h->nb = nb;
		}
	}
	h->n++;
	size_t b = hv & (h->nb - 1);
	*e = (hent){key, k2, val, h->b[b], hv};
	h->b[b] = e;
	return e;
}

static hent *ht_put(aza_arena *a, htab *h, const char *key, const void *k2, void *val)
{
	return ht_put_h(a, h, ht_hash(key, k2), key, k2, val);
}

/* Empty the table, keeping its buckets. */
static void ht_clear(htab *h)
{
	memset(h->b, 0, h->nb * sizeof *h->b);
	h->n = 0;
}

/* ------------------------------------------------------------------ model */

typedef struct nsgent {
	const char *id, *name;
	int ok;
	const char *err; /* when !ok */
	aza_nsg g;
	prep p;
	const char *note; /* depends on a template value not known yet */
	/* An NSG with a rule value that cannot be read (a template parameter
	 * without a value, an unknown protocol) is read between its two bounds
	 * (aza_nsg_load_bound): g is then the upper one, lower an entry of its
	 * own holding the lower one (not in the nsgs table: its views are
	 * cached apart, keyed by it), uncertain the value not read, for notes.
	 * NULL: g is the NSG itself. */
	struct nsgent *lower;
	const char *uncertain;
} nsgent;

/* What evaluating an IP configuration adds (ipc_eval). Most are never
 * evaluated (no public frontend reaches them): until then they share an
 * empty one, which keeps a 1M-resource tenant's model some 25 MB smaller. */
typedef struct ipc_ev {
	int nsg_none;         /* neither the subnet nor the NIC has an NSG */
	aza_expo_map map;     /* address not known, or an NSG read between
	                         bounds: the reading that admits most */
	aza_expo_map sure;    /* ... that admits least (when addr_note) */
	aza_expo_map assumed; /* map minus sure (when addr_note) */
	const char *addr_note; /* what the difference rests on (the rules
	                          reading the address, the values not read), or NULL */
	nsgent *hop[2];       /* NULL: no NSG */
	const char *map_note;
} ipc_ev;

static const ipc_ev ipc_ev_none;

typedef struct ipc {
	const char *id, *name, *nic_id;
	const char *res_id, *res_type, *res_name;
	const char *subnet_id, *nsg_id, *pip_id;
	const char *inst_pip; /* scale set instance public IP configuration name */
	int inst_basic;       /* ... of the Basic SKU (open without NSG) */
	int inst_standard;    /* ... of the Standard SKU (closed without NSG); neither: not named */
	unsigned inst_fam;    /* ... its family: 1 IPv4, 2 IPv6, 3 not known */
	const char *ip_text;
	aza_expo_dst dst;
	const char *note;
	int done;             /* evaluated once (in some epoch) */
	unsigned epoch;       /* the cache epoch of ev */
	const ipc_ev *ev;     /* &ipc_ev_none until evaluated; valid in its epoch only */
	struct eplink *eps;   /* endpoints built on it */
	struct ipc *next_all; /* every IP configuration, newest first */
	unsigned nic_n;       /* on a NIC's newest configuration: how many it has */
	int vm_cfg;           /* made from a VM's or scale set's NIC configuration */
} ipc;

typedef struct eplink {
	size_t i; /* index in x->ep */
	struct eplink *next;
} eplink;

typedef struct member {
	ipc *c;
	struct member *next;
} member;

typedef struct epb { /* endpoint under construction */
	aza_expo_endpoint e;
	aza_expo_reach *r;
	unsigned char *as; /* per reach: 1 it rests on an address not known */
	const char *anote; /* why, when a reach does */
	size_t n, cap;
} epb;

/* An endpoint with reaches resting on an address not known. */
typedef struct epassume {
	const unsigned char *as; /* per reach */
	int other;               /* the endpoint has other notes */
} epassume;

/* The cache's bound (bytes; AZAUDIT_EXPO_CACHE overrides it). Unbounded,
 * it held some 26 MB at 100k resources of the benchmark and 214 MB at 1M.
 * An emptied cache costs re-evaluations (NSGs parsed again, the load
 * balancers revisiting IP configurations the public IPs evaluated), but
 * on the benchmark the model's build time does not depend on the bound
 * (1M: 1.41 s at 1 MiB, 1.44 s at 8, 1.50 s at 32), while the scan's peak
 * does (100k: 58 MB at 8 MiB, 75 MB at 32). 8 MiB still holds the parsed
 * NSGs of thousands of frontends, for tenants that share them more. */
#define EXPO_CACHE_MAX ((size_t)8 << 20)

struct aza_expo {
	aza_arena a, t;
	/* The cache: parsed NSGs, their views and pair maps, and the IP
	 * configurations' evaluations (nsgs, views, pairs, ipc_ev). Whatever
	 * an endpoint keeps is copied out of it (keep). Emptied when it outgrows
	 * cache_max, between frontends only (cache_trim), so that the model
	 * does not grow with the NSGs a tenant's frontends reach; an IP
	 * configuration evaluated in an older epoch is evaluated again. */
	aza_arena c;
	size_t cache_max, cache_nsg; /* cache_nsg: the parsed NSGs' own arenas */
	unsigned epoch;
	aza_arena d; /* documents parsed for a moment (doc_tmp) */
	aza_docwin win; /* the building thread's window on the document store */
	aza_inv *inv;
	htab nsgs, subnets, ipcs, members, views, pairs, eps, ips, gaps, docs, strs, pips;
	htab nics;        /* NICs whose IP configurations are in the model -> their newest ipc */
	htab nicvm;       /* NIC (resource) -> the VM whose networkProfile names it */
	htab owners;      /* NIC id -> the id of the VM it is judged on (NICs read only) */
	htab assumes; /* reach array of an output endpoint -> epassume */
	htab bounds;      /* resource id -> the values its NSGs could not read (bound_note) */
	htab nsgbounds;   /* NSG id -> the values it could not read, "NSG <name>: ..." (bound_note) */
	struct ipc *all;  /* every IP configuration, newest first */
	int ips_built;    /* the ips table (by private address) is filled */
	size_t nvms;      /* VMs in the inventory */
	epb *ep;
	size_t nep, capep;
	aza_expo_endpoint *out; /* sorted by resource id */
	size_t nout;
	const char **gap_id, **gap_why;
	size_t ngap, capgap;
	int oom;
};

/* A resource's document for the model's lifetime. Exported resources are
 * stored as text (inventory.h): each is parsed once, into the model's
 * arena, because the model keeps pointers into it. */
static const aza_json *doc_of(aza_expo *x, const aza_res *r)
{
	if (!r || !r->text)
		return r ? r->doc : NULL;
	hent *e = ht_get(&x->docs, NULL, r);
	if (e)
		return e->val;
	const aza_json *d = aza_inv__doc(x->inv, r, &x->a, &x->win);
	if (!d || !ht_put(&x->a, &x->docs, NULL, r, (void *)d)) {
		x->oom = 1;
		return NULL;
	}
	return d;
}

/* A resource's document parsed into the scratch arena x->d: valid until the
 * caller resets x->d to a mark taken before. Most documents (NICs, NSGs,
 * subnets, public IPs) are read once, and what the model keeps is copied
 * (keep, nsg.c), so they need not stay parsed. */
static const aza_json *doc_tmp(aza_expo *x, const aza_res *r)
{
	if (!r || !r->text)
		return r ? r->doc : NULL;
	const aza_json *d = aza_inv__doc(x->inv, r, &x->d, &x->win);
	if (!d)
		x->oom = 1;
	return d;
}

/* The model's copy of an id (each distinct one once; NULL stays NULL). */
static const char *keep(aza_expo *x, const char *s)
{
	if (!s)
		return NULL;
	uint64_t hv = ht_hash(s, NULL);
	hent *e = ht_get_h(&x->strs, hv, s, NULL);
	if (e)
		return e->key;
	const char *c = aza_arena__strdup(&x->a, s);
	if (!c || !ht_put_h(&x->a, &x->strs, hv, c, NULL, NULL)) {
		x->oom = 1;
		return NULL;
	}
	return c;
}

static const char *jstr(const aza_json *o, const char *path)
{
	return aza_json_str(aza_json_path(o, path));
}

static const aza_json *props(const aza_json *item)
{
	const aza_json *p = aza_json_get(item, "properties");
	return aza_json_is(p, AZA_JOBJ) ? p : item;
}

static const char *touched_note(aza_expo *x)
{
	const char *t = aza_json__touched();
	aza_json__touch_reset();
	return t ? aza_arena__printf(&x->a, "depends on %s, which is not known before deployment", t) : NULL;
}

static void gap(aza_expo *x, const char *res_id, const char *why)
{
	if (!why || ht_get(&x->gaps, res_id, NULL))
		return;
	if (x->ngap == x->capgap) {
		size_t cap = x->capgap ? x->capgap * 2 : 16;
		const char **a = aza__realloc(x->gap_id, cap * sizeof *a);
		if (!a) {
			x->oom = 1;
			return;
		}
		x->gap_id = a;
		const char **b = aza__realloc(x->gap_why, cap * sizeof *b);
		if (!b) {
			x->oom = 1;
			return;
		}
		x->gap_why = b;
		x->capgap = cap;
	}
	x->gap_id[x->ngap] = res_id;
	x->gap_why[x->ngap] = why;
	if (!ht_put(&x->a, &x->gaps, res_id, NULL, (void *)why))
		x->oom = 1;
	x->ngap++;
}

/* NSG n, which could not be read (n->g holds the failed reading), read
 * between its bounds instead (aza_nsg_load_bound): traffic the lower bound
 * admits is admitted whatever the values not read are, traffic the upper
 * bound refuses is refused whatever they are. 1 when both bounds read (n->g
 * is then the upper one, n->lower the lower, n->uncertain the first value
 * not read); 0 when they could not be either (out of memory, rules sharing
 * a priority: n keeps its error). */
static int nsg_bounds(aza_expo *x, const aza_res *r, const aza_json *doc, nsgent *n)
{
	aza_nsg up, lo;
	int rc = aza_nsg_load_bounds(x->inv, r->id, doc, &lo, &up);
	/* A template expression without a value (a parameter with none) is
	 * what was not read: named here, not made a note on the whole NSG,
	 * since what the bounds decide holds whatever it is. The bounds' own
	 * arenas are compacted later, so the text is copied. */
	const char *t = aza_json__touched();
	aza_json__touch_reset();
	if (rc)
		return 0;
	const char *why = up.uncertain ? up.uncertain : lo.uncertain;
	nsgent *l = aza_arena__alloc(&x->c, sizeof *l);
	n->uncertain = t ? aza_arena__printf(&x->c, "%s (it depends on %s, which is not known before deployment)", why, t)
	                 : aza_arena__strdup(&x->c, why);
	if (!l || !n->uncertain) {
		x->oom = 1;
		n->uncertain = NULL;
		aza_nsg_free(&up);
		aza_nsg_free(&lo);
		return 0;
	}
	aza_nsg_free(&n->g);
	n->g = up;
	memset(l, 0, sizeof *l);
	l->id = n->id;
	l->name = n->name;
	l->g = lo;
	n->lower = l;
	return 1;
}

/* Were an NSG's rules collected as resources of their own? What
 * aza_ev_collected asks of Microsoft.Network/networkSecurityGroups/
 * securityRules, for the model, which has no evaluator: a gap for its
 * scope, the snapshot's data sets, else whether the input holds any. */
static int nsg_rules_collected(aza_expo *x, const aza_res *r)
{
	static const char *const t = "Microsoft.Network/networkSecurityGroups/securityRules";
	if (aza_inv_gap(x->inv, t, r->id))
		return 0;
	int listed = aza_inv_dataset_listed(x->inv, t);
	return listed == 1 || (listed < 0 && aza_inv_count(x->inv, t) > 0);
}

static nsgent *nsg_get(aza_expo *x, const char *id)
{
	hent *e = ht_get(&x->nsgs, id, NULL);
	if (e)
		return e->val;
	nsgent *n = aza_arena__alloc(&x->c, sizeof *n);
	if (!n || !ht_put(&x->c, &x->nsgs, id, NULL, n)) {
		x->oom = 1;
		return NULL;
	}
	memset(n, 0, sizeof *n);
	n->id = id;
	n->name = aza_last_seg(id);
	const aza_res *r = aza_inv_find(x->inv, id);
	if (!r) {
		n->err = aza_arena__printf(&x->c, "NSG %s is not in the input", n->name);
		return n;
	}
	n->name = r->name;
	aza_json__touch_reset();
	aza_arena_mark dm = aza_arena__mark(&x->d);
	const aza_json *doc = doc_tmp(x, r);
	/* No properties: its rules are not known (docs/snapshot.md), not none. */
	int bare = doc && !aza_json_is(aza_json_get(doc, "properties"), AZA_JOBJ);
	int seen = 0;
	int rc = bare ? 0 : aza_nsg_load_json(x->inv, r->id, doc, &n->g, &seen);
	/* A reading that failed on a rule has seen rules. */
	if (rc < 0 && nsg_bounds(x, r, doc, n))
		rc = 0, seen = 1;
	aza_arena__reset(&x->d, dm);
	/* Resource Manager returns an NSG with its securityRules (an empty
	 * array when it has none): a deployed NSG without them, and without
	 * rule resources of its own when those were collected, is a trimmed
	 * export whose rules are not known, as AZA-NET-001 finds (nsg_check).
	 * A template's NSG that declares none deploys none. */
	if (bare) {
		n->err = aza_arena__printf(&x->c, "NSG %s has no properties (its rules are not known)", n->name);
	} else if (rc >= 0 && !seen && !aza_is_template(r) && !nsg_rules_collected(x, r)) {
		n->err = aza_arena__printf(&x->c, "NSG %s has no securityRules (its rules are not known)", n->name);
		if (!n->err)
			x->oom = 1;
	} else if (rc < 0) {
		n->err = aza_arena__printf(&x->c, "NSG %s cannot be read: %s", n->name, n->g.error ? n->g.error : "error");
		if (!n->err)
			x->oom = 1;
	} else {
		/* A bound's reading holds whatever the values are: what it
		 * read of them is named in n->uncertain, not a note on it all. */
		n->note = n->lower ? NULL : touched_note(x);
		nsgent *l = n->lower;
		if (aza_nsg__compact(&n->g) || prep_nsg(&x->c, &x->t, &n->g, &n->p) ||
		    (l && (aza_nsg__compact(&l->g) || prep_nsg(&x->c, &x->t, &l->g, &l->p))))
			x->oom = 1;
		else
			n->ok = 1;
	}
	/* The NSGs' own arenas (both bounds): freed by cache_trim. */
	x->cache_nsg += n->g.a.used_total + (n->lower ? n->lower->g.a.used_total : 0);
	return n;
}

/* Free an entry's parsed NSGs (the entry itself is in the cache arena). */
static void nsgent_free(nsgent *n)
{
	aza_nsg_free(&n->g);
	if (n->lower)
		aza_nsg_free(&n->lower->g);
}

/* What the model reads of a subnet. */
typedef struct subent {
	int bare;            /* no properties: its NSG and prefixes are not known */
	const char *nsg;     /* its NSG id (NULL: none) */
	aza_nsg_span *pfx;   /* its address prefixes (NULL: not known) */
	size_t npfx;
	const char *pfx_text; /* as written, for notes */
} subent;

/* A subnet's address prefixes: addressPrefix and addressPrefixes (every
 * address of the subnet is in one of them). Any that cannot be read (a
 * template value not known, not a prefix) makes them all not known, since
 * the address may be in that one. */
static void subnet_prefixes(aza_expo *x, const aza_json *sp, subent *e)
{
	const aza_json *one = aza_json_get(sp, "addressPrefix"), *list = aza_json_get(sp, "addressPrefixes");
	if (aza_json_is(one, AZA_JNULL))
		one = NULL;
	if (aza_json_is(list, AZA_JNULL))
		list = NULL;
	size_t cap = (one ? 1 : 0) + aza_json_len(list), n = 0;
	if (!cap || (list && !aza_json_is(list, AZA_JARR)))
		return;
	aza_nsg_span *p = aza_arena__alloc(&x->a, cap * sizeof *p);
	const char *text = "";
	if (!p) {
		x->oom = 1;
		return;
	}
	for (size_t k = 0; k < cap; k++) {
		const char *t = aza_json_str(one && !k ? one : aza_json_at(list, one ? k - 1 : k));
		if (!t || !aza_nsg__prefix(t, &p[n]))
			return;
		if (k && one && !strcmp(t, aza_json_str(one)))
			continue; /* addressPrefix again in the list */
		n++;
		if (!(text = aza_arena__printf(&x->a, "%s%s%s", text, *text ? ", " : "", t))) {
			x->oom = 1;
			return;
		}
	}
	e->pfx = p;
	e->npfx = n;
	e->pfx_text = text;
}

/* Remember what the model reads of a subnet (item: the resource, or the
 * entry of its virtual network's subnets). */
static void subnet_put(aza_expo *x, const char *sid, const aza_json *item)
{
	if (!sid || ht_get(&x->subnets, sid, NULL))
		return;
	subent *e = aza_arena__alloc(&x->a, sizeof *e);
	if (!e) {
		x->oom = 1;
		return;
	}
	memset(e, 0, sizeof *e);
	const aza_json *sp = aza_json_get(item, "properties");
	if (aza_json_is(sp, AZA_JOBJ)) {
		e->nsg = keep(x, jstr(sp, "networkSecurityGroup.id"));
		subnet_prefixes(x, sp, e);
	} else {
		e->bare = 1; /* not "no NSG": nothing is known of it */
	}
	if (!(sid = keep(x, sid)) || !ht_put(&x->a, &x->subnets, sid, NULL, e))
		x->oom = 1;
}

/* A subnet (NULL: not in the input). A virtual network's embedded subnets
 * are all remembered when it is read. */
static const subent *subnet_get(aza_expo *x, const char *sid)
{
	hent *e = ht_get(&x->subnets, sid, NULL);
	if (!e) {
		aza_arena_mark dm = aza_arena__mark(&x->d);
		const aza_res *s = aza_inv_find(x->inv, sid);
		if (s) {
			subnet_put(x, sid, doc_tmp(x, s));
		} else {
			const char *cut = aza__istrstr(sid, "/subnets/");
			if (cut) {
				char *vid = aza_arena__strndup(&x->d, sid, (size_t)(cut - sid));
				const aza_res *v = vid ? aza_inv_find(x->inv, vid) : NULL;
				aza_json_each(it, v ? aza_json_path(doc_tmp(x, v), "properties.subnets") : NULL) {
					const char *nm = aza_json_str(aza_json_get(it, "name"));
					const char *iid = aza_json_str(aza_json_get(it, "id"));
					const char *byname = nm ? aza_arena__printf(&x->d, "%s/subnets/%s", vid, nm) : NULL;
					subnet_put(x, iid, it);
					subnet_put(x, byname, it);
				}
			}
		}
		aza_arena__reset(&x->d, dm);
		e = ht_get(&x->subnets, sid, NULL);
	}
	return e ? e->val : NULL;
}

static ipc *ipc_by_id(aza_expo *x, const char *id);
static void nic_owner(aza_expo *x, const aza_res *nic, const aza_json *nd, const char **id, const char **type, const char **name);
static void nic_read(aza_expo *x, const aza_res *nic, int lazy);

/* The table of IP configurations by private address, filled on first use
 * (only firewall DNAT rules and gateway pools need it): every NIC is read. */
static void ips_build(aza_expo *x)
{
	if (!x->ips_built) {
		x->ips_built = 1;
		if (ht_init(&x->ips, 1024)) {
			x->oom = 1;
			return;
		}
		/* Every NIC's configurations are needed now. */
		for (const aza_res *nic = aza_inv_first(x->inv, T_NIC); nic && !x->oom; nic = nic->next_of_type)
			if (!nic->pseudo)
				nic_read(x, nic, 0);
		/* In the order the NICs are in the input, then the configurations
		 * of VMs and scale sets (the order they were made in): oldest
		 * first, so the newest of an address is found first. */
		size_t n = 0;
		for (ipc *c = x->all; c; c = c->next_all)
			n++;
		ipc **v = aza__malloc((n ? n : 1) * sizeof *v);
		if (!v) {
			x->oom = 1;
			return;
		}
		size_t k = 0;
		for (const aza_res *nic = aza_inv_first(x->inv, T_NIC); nic; nic = nic->next_of_type) {
			hent *e = nic->pseudo ? NULL : ht_get(&x->nics, NULL, nic);
			ipc *c = e ? e->val : NULL;
			size_t m = c ? c->nic_n : 0;
			for (size_t i = 0; i < m && c && k < n; i++, c = c->next_all)
				v[k + m - 1 - i] = c; /* newest first in x->all */
			k += m;
		}
		size_t cfg = k;
		for (ipc *c = x->all; c && k < n; c = c->next_all)
			if (c->vm_cfg)
				v[k++] = c;
		for (size_t i = cfg, j = k; i + 1 < j; i++, j--) { /* oldest first */
			ipc *t = v[i];
			v[i] = v[j - 1];
			v[j - 1] = t;
		}
		for (size_t i = 0; i < k; i++)
			if (*v[i]->ip_text && !ht_put(&x->a, &x->ips, v[i]->ip_text, NULL, v[i]))
				x->oom = 1;
		aza__free(v);
	}
}

/* The IP configuration with private address ip (the newest read). */
static ipc *ip_find(aza_expo *x, const char *ip)
{
	if (!ip)
		return NULL;
	ips_build(x);
	if (x->oom)
		return NULL;
	hent *e = ht_get(&x->ips, ip, NULL);
	return e ? e->val : NULL;
}

/* The IP configuration with private address ip in virtual network vnet
 * (or subnet; either may be NULL: any). */
static ipc *ip_find_in(aza_expo *x, const char *ip, const char *vnet, const char *subnet)
{
	if (!ip_find(x, ip))
		return NULL;
	uint64_t hv = ht_hash(ip, NULL);
	for (hent *e = x->ips.b[hv & (x->ips.nb - 1)]; e; e = e->next) {
		ipc *c = e->val;
		if (e->h != hv || strcmp(e->key, ip))
			continue;
		if (subnet && (!c->subnet_id || !aza__strieq(c->subnet_id, subnet)))
			continue;
		size_t vl = vnet ? strlen(vnet) : 0;
		if (vnet && (!c->subnet_id || !aza__strnieq(c->subnet_id, vnet, vl) || !aza__strnieq(c->subnet_id + vl, "/subnets/", 9)))
			continue;
		return c;
	}
	return NULL;
}

static void member_add(aza_expo *x, const char *ref, ipc *c)
{
	if (!ref)
		return;
	hent *e = ht_get(&x->members, ref, NULL);
	if (!e && (!(ref = aza_arena__strdup(&x->a, ref)) || !(e = ht_put(&x->a, &x->members, ref, NULL, NULL)))) {
		x->oom = 1;
		return;
	}
	for (member *m = e->val; m; m = m->next)
		if (m->c == c)
			return;
	member *m = aza_arena__alloc(&x->a, sizeof *m);
	if (!m) {
		x->oom = 1;
		return;
	}
	m->c = c;
	m->next = e->val;
	e->val = m;
}

static member *members_of(aza_expo *x, const char *ref)
{
	hent *e = ref ? ht_get(&x->members, ref, NULL) : NULL;
	return e ? e->val : NULL;
}

/* An address (a prefix length after it is ignored) as a span of one
 * address; for IPv6 the span holds the top 64 bits and *low (when not
 * NULL) the low 64. */
static int parse_ip(const char *s, aza_nsg_span *out, uint64_t *low)
{
	char buf[64];
	size_t l = strcspn(s, "/");
	if (l >= sizeof buf)
		return 0;
	memcpy(buf, s, l);
	buf[l] = 0;
	unsigned char a[16];
	if (inet_pton(AF_INET, buf, a) == 1) {
		uint64_t v = ((uint64_t)a[0] << 24) | ((uint64_t)a[1] << 16) | ((uint64_t)a[2] << 8) | a[3];
		*out = (aza_nsg_span){v, v, 0};
		return 1;
	}
	if (inet_pton(AF_INET6, buf, a) == 1) {
		uint64_t v = 0, w = 0;
		for (int i = 0; i < 8; i++) {
			v = (v << 8) | a[i];
			w = (w << 8) | a[8 + i];
		}
		*out = (aza_nsg_span){v, v, 1};
		if (low)
			*low = w;
		return 1;
	}
	return 0;
}

/* The family a public IP's publicIPAddressVersion names: 1 IPv4 (also
 * when absent, the API's default), 2 IPv6, 3 either (a value not read: a
 * template expression). */
static unsigned version_fam(const aza_json *ver)
{
	const char *vs = aza_json_str(ver);
	return !ver ? 1u : !vs ? 3u : aza__strieq(vs, "IPv4") ? 1u : aza__strieq(vs, "IPv6") ? 2u : 3u;
}

#define IPC_SEP "/ipConfigurations/"

/* id is NIC id, "/ipConfigurations/" and name (as Azure compares ids). */
static int ipc_id_eq_parts(const char *nic_id, const char *name, const char *id)
{
	size_t n = strlen(nic_id), k = sizeof IPC_SEP - 1;
	return aza__strnieq(id, nic_id, n) && strlen(id) > n && aza__strnieq(id + n, IPC_SEP, k) &&
	       aza__strieq(id + n + k, name);
}

/* The hash of an IP configuration's id: ht_hash of its whole text, made
 * in the scratch arena when it is not kept. */
static uint64_t ipc_hash(aza_expo *x, const ipc *c)
{
	if (c->id)
		return ht_hash(c->id, NULL);
	aza_arena_mark m = aza_arena__mark(&x->t);
	char *t = aza_arena__printf(&x->t, "%s" IPC_SEP "%s", c->nic_id, c->name);
	uint64_t h = t ? ht_hash(t, NULL) : 0;
	if (!t)
		x->oom = 1;
	aza_arena__reset(&x->t, m);
	return h;
}

/* Read one IP configuration (of a NIC or a scale set NIC configuration). */
static ipc *ipc_add(aza_expo *x, const aza_json *item, const char *nic_id, const char *nsg_id, const char *res_id,
                    const char *res_type, const char *res_name, int vmss)
{
	const aza_json *p = props(item);
	ipc *c = aza_arena__alloc(&x->a, sizeof *c);
	if (!c) {
		x->oom = 1;
		return NULL;
	}
	memset(c, 0, sizeof *c);
	c->ev = &ipc_ev_none;
	c->vm_cfg = vmss;
	c->name = aza_json_str(aza_json_get(item, "name"));
	c->name = c->name ? aza_arena__strdup(&x->a, c->name) : "(unnamed)";
	/* Its id is almost always the NIC's id, "/ipConfigurations/" and its
	 * name: then it is not copied (c->id NULL, ipc_id_eq_parts compares the
	 * parts; at 1M resources the copies were some 50 MB). */
	const char *iid = aza_json_str(aza_json_get(item, "id"));
	if (!c->name || (iid && !ipc_id_eq_parts(nic_id, c->name, iid) && !(c->id = aza_arena__strdup(&x->a, iid)))) {
		x->oom = 1;
		return NULL;
	}
	c->nic_id = nic_id;
	c->nsg_id = nsg_id;
	c->res_id = res_id;
	c->res_type = res_type;
	c->res_name = res_name;
	c->subnet_id = keep(x, jstr(p, "subnet.id"));
	c->ip_text = "";
	if (vmss) {
		const aza_json *pc = aza_json_get(p, "publicIPAddressConfiguration");
		const char *isku = jstr(pc, "sku.name");
		c->inst_basic = isku && aza__strieq(isku, "Basic");
		c->inst_standard = isku && aza__strieq(isku, "Standard");
		c->inst_fam = version_fam(aza_json_path(pc, "properties.publicIPAddressVersion"));
		if (pc && !aza_json_is(pc, AZA_JNULL))
			c->inst_pip = aza_json_str(aza_json_get(pc, "name")) ? aza_arena__strdup(&x->a, aza_json_str(aza_json_get(pc, "name")))
			                                                     : "instance public IP";
	} else {
		c->pip_id = jstr(p, "publicIPAddress.id");
		if (c->pip_id && !(c->pip_id = aza_arena__strdup(&x->a, c->pip_id))) {
			x->oom = 1;
			return NULL;
		}
		const char *ip = jstr(p, "privateIPAddress");
		if (ip && parse_ip(ip, &c->dst.ip, &c->dst.ip_low)) {
			c->dst.has_ip = 1;
			size_t l = strcspn(ip, "/");
			c->ip_text = aza_arena__strndup(&x->a, ip, l);
			if (!c->ip_text)
				x->oom = 1;
		}
	}
	/* The family of the address (absent: IPv4), for the prefixes that
	 * hold every address of it when the address itself is not known. */
	const char *ver = jstr(p, "privateIPAddressVersion");
	c->dst.fam = c->dst.has_ip ? (c->dst.ip.v6 ? 2u : 1u) : ver && aza__strieq(ver, "IPv6") ? 2u : 1u;
	size_t na = aza_json_len(aza_json_get(p, "applicationSecurityGroups"));
	if (na) {
		c->dst.asgs = aza_arena__alloc(&x->a, na * sizeof *c->dst.asgs);
		if (!c->dst.asgs) {
			x->oom = 1;
			return NULL;
		}
		aza_json_each(g, aza_json_get(p, "applicationSecurityGroups")) {
			const char *gid = aza_json_str(aza_json_get(g, "id"));
			if (gid && (gid = keep(x, gid)))
				c->dst.asgs[c->dst.nasgs++] = gid;
		}
	}
	static const char *const refs[] = {"loadBalancerBackendAddressPools", "loadBalancerInboundNatRules",
	                                   "loadBalancerInboundNatPools", "applicationGatewayBackendAddressPools"};
	for (size_t k = 0; k < sizeof refs / sizeof refs[0]; k++)
		aza_json_each(it, aza_json_get(p, refs[k])) member_add(x, aza_json_str(aza_json_get(it, "id")), c);
	if (!ht_put_h(&x->a, &x->ipcs, ipc_hash(x, c), c->id, NULL, c))
		x->oom = 1;
	c->next_all = x->all;
	x->all = c;
	return c;
}

/* Which rules of an NSG apply, as a cache key. */
static const view *view_for(aza_expo *x, nsgent *n, const aza_expo_dst *d)
{
	aza_arena_mark m = aza_arena__mark(&x->t);
	size_t *use, nuse;
	unsigned char *fam;
	if (use_list(&x->t, &n->g, &n->p, d, &use, &fam, &nuse)) {
		x->oom = 1;
		return NULL;
	}
	/* the key: two bits per rule, the families it applies to */
	size_t nbytes = (2 * n->g.n + 8) / 8;
	unsigned char *mask = aza_arena__alloc(&x->t, nbytes + 1);
	char *key = aza_arena__alloc(&x->t, 2 * nbytes + 2);
	if (!mask || !key) {
		x->oom = 1;
		return NULL;
	}
	memset(mask, 0, nbytes);
	for (size_t i = 0; i < nuse; i++)
		mask[2 * use[i] / 8] |= (unsigned char)(fam[i] << (2 * use[i] % 8));
	for (size_t i = 0; i < nbytes; i++) {
		key[2 * i] = (char)('a' + (mask[i] & 15));
		key[2 * i + 1] = (char)('a' + (mask[i] >> 4));
	}
	key[2 * nbytes] = 0;
	hent *e = ht_get(&x->views, key, n);
	if (e) {
		aza_arena__reset(&x->t, m);
		return e->val;
	}
	view *v = aza_arena__alloc(&x->c, sizeof *v);
	const char *k = aza_arena__strdup(&x->c, key);
	if (!v || !k || view_build(&x->c, &x->t, &n->g, &n->p, use, fam, nuse, v) || !ht_put(&x->c, &x->views, k, n, v)) {
		x->oom = 1;
		return NULL;
	}
	aza_arena__reset(&x->t, m);
	return v;
}

/* Internet traffic through two views (NULL: no NSG), computed once per pair:
 * keyed by the two views (key: the first as a pointer, never read as a string). */
static const aza_expo_map *pair_map(aza_expo *x, const view *v0, const view *v1)
{
	uint64_t pv = ht_hash(NULL, v1) ^ ((uint64_t)(uintptr_t)v0 * 0xC2B2AE3D27D4EB4Full);
	for (hent *q = x->pairs.b[pv & (x->pairs.nb - 1)]; q; q = q->next)
		if (q->h == pv && q->key == (const char *)v0 && q->k2 == v1)
			return q->val;
	aza_expo_map *m = aza_arena__alloc(&x->c, sizeof *m);
	if (!m || combine(&x->c, &x->t, v0, v1, m) || !ht_put_h(&x->c, &x->pairs, pv, (const char *)v0, v1, m)) {
		x->oom = 1;
		return NULL;
	}
	return m;
}

static int map_eq(const aza_expo_map *a, const aza_expo_map *b)
{
	if (a->n != b->n)
		return 0;
	for (size_t i = 0; i < a->n; i++) {
		const aza_expo_seg *x = &a->seg[i], *y = &b->seg[i];
		if (x->proto != y->proto || x->lo != y->lo || x->hi != y->hi || !set_eq(x->src, x->nsrc, y->src, y->nsrc))
			return 0;
	}
	return 1;
}

/* out = w minus b: the traffic of w that b does not admit, with w's rules
 * (b admits nothing w does not: it has fewer Allows, more Denies). Maps
 * hold, per protocol, segments in port order that do not overlap. */
static int map_minus(aza_arena *a, const aza_expo_map *w, const aza_expo_map *b, aza_expo_map *out)
{
	size_t cap = 1;
	for (size_t i = 0; i < w->n; i++) {
		cap++;
		for (size_t j = 0; j < b->n; j++)
			cap += b->seg[j].proto == w->seg[i].proto ? 2 : 0;
	}
	aza_expo_seg *o = aza_arena__alloc(a, cap * sizeof *o);
	if (!o)
		return -1;
	size_t n = 0;
	for (size_t i = 0; i < w->n; i++) {
		const aza_expo_seg *W = &w->seg[i];
		unsigned cur = W->lo;
		int done = 0;
		for (size_t j = 0; j <= b->n && !done; j++) {
			const aza_expo_seg *B = j < b->n ? &b->seg[j] : NULL;
			if (B && (B->proto != W->proto || B->hi < cur || B->lo > W->hi))
				continue;
			/* the ports before B (or to the end): w's sources whole */
			if (!B || B->lo > cur) {
				o[n] = *W;
				o[n].lo = cur;
				o[n].hi = B ? B->lo - 1 : W->hi;
				n++;
			}
			if (!B)
				break;
			unsigned lo = B->lo > cur ? B->lo : cur, hi = B->hi < W->hi ? B->hi : W->hi;
			aza_nsg_span *d = aza_arena__alloc(a, (W->nsrc + B->nsrc + 1) * sizeof *d);
			if (!d)
				return -1;
			size_t nd = set_sub(W->src, W->nsrc, B->src, B->nsrc, d);
			if (nd) {
				o[n] = *W;
				o[n].lo = lo;
				o[n].hi = hi;
				o[n].src = d;
				o[n].nsrc = nd;
				set_count(d, nd, &o[n].v4, &o[n].v6);
				n++;
			}
			if (hi == W->hi)
				done = 1;
			else
				cur = hi + 1;
		}
	}
	out->seg = o;
	out->n = n;
	return 0;
}

/* Is one of c's NSGs read between bounds (nsgent.lower)? */
static int ev_bounded(const ipc *c)
{
	return (c->ev->hop[0] && c->ev->hop[0]->lower) || (c->ev->hop[1] && c->ev->hop[1]->lower);
}

/* Does the value NSG hop i of c could not read make a difference for d?
 * most and least are c's maps for d under the readings that admit most
 * (upper bounds, d's address read to admit most) and least (lower bounds,
 * the reverse): 1 when hop i's lower bound in most, or its upper bound in
 * least, admits other traffic than that reading does; 0 when neither
 * does: what the readings differ on then rests on the address or the
 * other NSG, whatever this one's values are. -1 out of memory (x->oom). */
static int bound_matters(aza_expo *x, const ipc *c, int i, const aza_expo_dst *d, const aza_expo_map *most,
                         const aza_expo_map *least)
{
	aza_expo_dst bd = *d;
	bd.best = 1;
	for (int r = 0; r < 2; r++) {
		const view *v[2] = {NULL, NULL};
		for (int k = 0; k < 2; k++) {
			nsgent *h = c->ev->hop[k];
			/* Reading most (r 0): hop i at its lower bound, the other at
			 * its upper; reading least (r 1): the reverse. */
			int low = (k == i) == (r == 0);
			if (h && !(v[k] = view_for(x, low && h->lower ? h->lower : h, r ? &bd : d)))
				return -1;
		}
		const aza_expo_map *p = pair_map(x, v[0], v[1]);
		if (!p)
			return -1;
		if (!map_eq(p, r ? least : most))
			return 1;
	}
	return 0;
}

/* The map `most` of c's NSGs for d was evaluated with the readings that
 * admit most: for an address of d not known, an Allow to a prefix that
 * may hold it applies and a Deny to one does not cover it (exposure.h);
 * for an NSG with values that cannot be read, its upper bound. Evaluate
 * the readings that admit least (the reverse, and the lower bounds);
 * whatever the address and the values are, what Azure admits lies
 * between the two. When they differ, *sure is the second, *assumed what
 * only `most` admits, and *note says what the difference rests on: the
 * rules whose reading of the address decides and the address they are
 * about, of d's family ("the <addr> of <who><in>") or of the other (the
 * family's address of <who>: a rule may differ only through a destination
 * prefix of the other family, an IPv4 IP configuration's IPv6 address,
 * never in the input), and each value of an NSG that could not be read.
 * Marks x->oom on failure. */
static void least_reading(aza_expo *x, ipc *c, const aza_expo_dst *d, const char *addr, const char *who, const char *in,
                          const aza_expo_map *most, aza_expo_map *sure, aza_expo_map *assumed, const char **note)
{
	*note = NULL;
	aza_expo_dst bd = *d;
	bd.best = 1;
	const view *v[2] = {NULL, NULL};
	for (int i = 0; i < 2; i++) {
		nsgent *h = c->ev->hop[i];
		if (h && !(v[i] = view_for(x, h->lower ? h->lower : h, &bd)))
			return;
	}
	const aza_expo_map *m = pair_map(x, v[0], v[1]);
	if (!m || !who || !in) {
		x->oom = 1;
		return;
	}
	if (map_eq(m, most))
		return;
	*sure = *m;
	if (map_minus(&x->c, most, m, assumed)) {
		x->oom = 1;
		return;
	}
	const char *names = "";
	size_t n = 0;
	unsigned diff = 0; /* the families whose address the rules differ on */
	for (int i = 0; i < 2; i++)
		for (size_t k = 0; c->ev->hop[i] && k < c->ev->hop[i]->g.n; k++) {
			const aza_nsg_rule *r = &c->ev->hop[i]->g.rules[k];
			unsigned f = aza_expo__dst_match(r, d) ^ aza_expo__dst_match(r, &bd);
			if (!c->ev->hop[i]->p.nisrc[k] || !f)
				continue;
			diff |= f;
			if (n++ < 3)
				names = aza_arena__printf(&x->c, "%s%srule %s (priority %d) of NSG %s was %s", names, *names ? ", " : "", r->name,
				                          r->priority, c->ev->hop[i]->name, r->allow ? "counted as applying" : "not counted as blocking");
			if (!names) {
				x->oom = 1;
				return;
			}
		}
	const char *t = "";
	if (n || !ev_bounded(c)) {
		unsigned own = d->fam == 2 ? 2u : 1u;
		const char *other = own == 2 ? "IPv4" : "IPv6";
		const char *what = !(diff & own) ? aza_arena__printf(&x->c, "the %s address of %s is", other, who)
		                   : diff & ~own ? aza_arena__printf(&x->c, "the %s of %s%s and its %s address are", addr, who, in, other)
		                                 : aza_arena__printf(&x->c, "the %s of %s%s is", addr, who, in);
		t = what ? aza_arena__printf(&x->c, "%s not in the input: %s%s", what, names,
		                             n > 3 ? aza_arena__printf(&x->c, " (and %zu more rules)", n - 3) : "")
		         : NULL;
	}
	/* Each NSG read between bounds whose values make a difference here
	 * (bound_matters): one whose bounds admit the same is not what the
	 * readings differ on, though the address may be. When none does on
	 * its own and nothing else is named, the two NSGs' values together
	 * do: both are named. */
	int bm[2] = {0, 0};
	for (int i = 0; i < 2; i++)
		if (c->ev->hop[i] && c->ev->hop[i]->lower && (bm[i] = bound_matters(x, c, i, d, most, m)) < 0)
			return;
	if (!bm[0] && !bm[1] && t && !*t)
		bm[0] = bm[1] = 1;
	for (int i = 0; i < 2 && t; i++) {
		const nsgent *h = c->ev->hop[i];
		if (h && h->lower && bm[i])
			t = aza_arena__printf(&x->c, "%s%sit depends on a value of NSG %s that could not be read: %s", t, *t ? "; " : "",
			                      h->name, h->uncertain);
	}
	if (!(*note = t))
		x->oom = 1;
}

/* Evaluate an IP configuration's NSGs once. */
static void ipc_eval(aza_expo *x, ipc *c)
{
	if (c->done && c->epoch == x->epoch)
		return;
	c->done = 1;
	c->epoch = x->epoch;
	ipc_ev *e = aza_arena__alloc(&x->c, sizeof *e);
	if (!e) {
		c->ev = &ipc_ev_none;
		x->oom = 1;
		return;
	}
	memset(e, 0, sizeof *e);
	c->ev = e;
	const char *notes = c->note;
#define NOTE(s) (notes = notes ? aza_arena__printf(&x->c, "%s; %s", notes, (s)) : (s))
	const char *ids[2] = {NULL, c->nsg_id};
	const subent *sn = NULL;
	if (c->subnet_id) {
		if (!(sn = subnet_get(x, c->subnet_id)))
			NOTE(aza_arena__printf(&x->c, "subnet %s is not in the input (its NSG is not known)", aza_last_seg(c->subnet_id)));
		else if (sn->bare)
			NOTE(aza_arena__printf(&x->c, "subnet %s has no properties (its NSG is not known)", aza_last_seg(c->subnet_id)));
		else
			ids[0] = sn->nsg;
	} else {
		NOTE("the IP configuration names no subnet");
	}
	/* The address not known lies in its subnet: rules whose destination
	 * holds all of the subnet or none of it apply or not for certain. */
	if (!c->dst.has_ip && sn && sn->pfx) {
		c->dst.net = sn->pfx;
		c->dst.nnet = sn->npfx;
	}
	const view *v[2] = {NULL, NULL};
	for (int i = 0; i < 2; i++) {
		if (!ids[i])
			continue;
		nsgent *n = nsg_get(x, ids[i]);
		if (!n)
			return;
		if (!n->ok) {
			NOTE(n->err);
			continue;
		}
		if (n->note)
			NOTE(n->note);
		e->hop[i] = n;
		if (!(v[i] = view_for(x, n, &c->dst)))
			return;
	}
	e->nsg_none = !ids[0] && !ids[1] && c->subnet_id && !notes;
	const aza_expo_map *m = pair_map(x, v[0], v[1]);
	if (!m)
		return;
	e->map = *m;
	e->map_note = notes;
	if (!c->dst.has_ip || ev_bounded(c))
		least_reading(x, c, &c->dst, "private address", aza_arena__printf(&x->c, "ip configuration %s", c->name),
		              c->dst.net ? aza_arena__printf(&x->c, " (in subnet %s: %s)", aza_last_seg(c->subnet_id), sn->pfx_text) : "",
		              &e->map, &e->sure, &e->assumed, &e->addr_note);
#undef NOTE
}

/* The map of c's NSGs for another destination d (floating IP: the
 * frontend address), and when d's address is not known, the split of
 * least_reading (who: whose address it is, for the note). NULL out of
 * memory. */
static const aza_expo_map *map_for_dst(aza_expo *x, ipc *c, const aza_expo_dst *d, const char *who, aza_expo_map *sure,
                                       aza_expo_map *assumed, const char **note)
{
	ipc_eval(x, c);
	*note = NULL;
	const view *v[2] = {NULL, NULL};
	for (int i = 0; i < 2; i++)
		if (c->ev->hop[i] && !(v[i] = view_for(x, c->ev->hop[i], d)))
			return NULL;
	const aza_expo_map *m = x->oom ? NULL : pair_map(x, v[0], v[1]);
	if (m && (!d->has_ip || ev_bounded(c)))
		least_reading(x, c, d, "address", who, "", m, sure, assumed, note);
	return x->oom ? NULL : m;
}

static epb *ep_get(aza_expo *x, ipc *c, const char *front_id, const char *front, const char *via, const char *res_id,
                   const char *res_type, const char *res_name)
{
	const char *key = NULL;
	if (c) {
		for (eplink *l = c->eps; l; l = l->next) {
			const aza_expo_endpoint *e = &x->ep[l->i].e;
			if (!strcmp(e->via, via) && (e->frontend_id == front_id || !strcmp(e->frontend_id, front_id) ||
			                      aza__strieq(e->frontend_id, front_id)))
				return &x->ep[l->i];
		}
	} else {
		key = aza_arena__printf(&x->a, "%s|%s|%s", res_id, front_id, via);
		if (!key) {
			x->oom = 1;
			return NULL;
		}
		hent *e = ht_get(&x->eps, key, NULL);
		if (e)
			return &x->ep[(size_t)(uintptr_t)e->val - 1];
	}
	if (x->nep == x->capep) {
		size_t cap = x->capep ? x->capep * 2 : 64;
		epb *n = aza__realloc(x->ep, cap * sizeof *n);
		if (!n) {
			x->oom = 1;
			return NULL;
		}
		x->ep = n;
		x->capep = cap;
	}
	epb *b = &x->ep[x->nep++];
	memset(b, 0, sizeof *b);
	if (c) {
		eplink *l = aza_arena__alloc(&x->a, sizeof *l);
		if (!l) {
			x->oom = 1;
			return NULL;
		}
		l->i = x->nep - 1;
		l->next = c->eps;
		c->eps = l;
	} else if (!ht_put(&x->a, &x->eps, key, NULL, (void *)(uintptr_t)x->nep)) {
		x->oom = 1;
		return NULL;
	}
	aza_expo_endpoint *ep = &b->e;
	ep->resource_id = c ? c->res_id : res_id;
	ep->resource_type = c ? c->res_type : res_type;
	ep->resource_name = c ? c->res_name : res_name;
	ep->nic_id = c ? c->nic_id : "";
	ep->ip_config = c ? c->name : "";
	ep->private_ip = c ? c->ip_text : "";
	ep->frontend_id = front_id;
	ep->frontend = front;
	ep->via = via;
	/* The note of its NSGs, when c was evaluated (in this epoch or an
	 * older one: evaluating it again gives the same note). */
	ep->note = "";
	if (c && c->done) {
		ipc_eval(x, c);
		if (c->ev->map_note && !(ep->note = keep(x, c->ev->map_note)))
			return NULL;
	}
	return b;
}

static aza_expo_reach *reach_add(aza_expo *x, epb *b)
{
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 4;
		aza_expo_reach *r = aza__realloc(b->r, cap * sizeof *r);
		if (!r) {
			x->oom = 1;
			return NULL;
		}
		b->r = r;
		b->cap = cap;
	}
	if (!(b->n & 15)) {
		unsigned char *as = aza__realloc(b->as, b->n + 16);
		if (!as) {
			x->oom = 1;
			return NULL;
		}
		b->as = as;
	}
	b->as[b->n] = 0;
	aza_expo_reach *r = &b->r[b->n++];
	memset(r, 0, sizeof *r);
	return r;
}

typedef struct pipinfo {
	const char *display; /* "name (address)" */
	int standard;        /* 1: Standard SKU (closed without NSG), 0 Basic or unknown */
	int has_addr;        /* addr is known */
	aza_nsg_span addr;   /* the public address */
	uint64_t addr_low;   /* IPv6: its low 64 bits */
	unsigned fam;        /* its family: 1 IPv4, 2 IPv6, 3 not known */
	int known;           /* in the input (else its SKU is not known either) */
} pipinfo;

static const pipinfo *pip_info(aza_expo *x, const char *pip_id)
{
	static const pipinfo none = {"", 0, 0, {0, 0, 0}, 0, 3, 0};
	hent *e = ht_get(&x->pips, pip_id, NULL);
	if (e)
		return e->val;
	pipinfo *pi = aza_arena__alloc(&x->a, sizeof *pi);
	if (!pi || !(pip_id = keep(x, pip_id))) {
		x->oom = 1;
		return &none;
	}
	aza_arena_mark dm = aza_arena__mark(&x->d);
	const aza_res *r = aza_inv_find(x->inv, pip_id);
	const aza_json *d = r ? doc_tmp(x, r) : NULL;
	const char *addr = jstr(d, "properties.ipAddress"), *sku = jstr(d, "sku.name");
	const char *nm = r ? r->name : aza_last_seg(pip_id);
	pi->display = addr ? aza_arena__printf(&x->a, "%s (%s)", nm, addr) : nm;
	pi->standard = sku && aza__strieq(sku, "Standard");
	pi->has_addr = addr && parse_ip(addr, &pi->addr, &pi->addr_low);
	/* The address's family when the input has it; a public IP not in the
	 * input, or a deployed one without properties (docs/snapshot.md: not
	 * known, not IPv4 by default): either. */
	unsigned vf = version_fam(aza_json_path(d, "properties.publicIPAddressVersion"));
	int bare = r && !aza_is_template(r) && !aza_json_is(aza_json_get(d, "properties"), AZA_JOBJ);
	pi->fam = !r || bare ? 3u : pi->has_addr ? (pi->addr.v6 ? 2u : 1u) : vf;
	pi->known = r != NULL;
	aza_arena__reset(&x->d, dm);
	if (!pi->display || !ht_put(&x->a, &x->pips, pip_id, NULL, pi)) {
		x->oom = 1;
		return &none;
	}
	return pi;
}

static const char *front_name(aza_expo *x, const char *pip_id)
{
	return pip_info(x, pip_id)->display;
}

/* 1: Standard SKU (closed without NSG), 0 Basic or unknown. */
static int pip_standard(aza_expo *x, const char *pip_id)
{
	return pip_info(x, pip_id)->standard;
}

/* Note on c's resource each of c's NSGs read between bounds, once: what
 * its endpoints are found to admit or refuse for certain holds whatever
 * the values not read are, which the verdicts then say. Each such NSG's
 * own note is kept by its id too: a verdict resting on some paths only
 * (a FAIL) names the NSGs on those (aza_expo__nsg_bounds), not those of
 * another NIC of the resource. */
static void bound_note(aza_expo *x, const ipc *c)
{
	for (int i = 0; i < 2; i++) {
		const nsgent *h = c->ev->hop[i];
		if (!h || !h->lower)
			continue;
		hent *e = ht_get(&x->bounds, c->res_id, NULL);
		aza_arena_mark m = aza_arena__mark(&x->t);
		const char *t = aza_arena__printf(&x->t, "NSG %s: %s", h->name, h->uncertain);
		if (t && !ht_get(&x->nsgbounds, h->id, NULL)) {
			const char *id = keep(x, h->id), *own = aza_arena__strdup(&x->a, t);
			if (!id || !own || !ht_put(&x->a, &x->nsgbounds, id, NULL, (void *)own))
				x->oom = 1;
		}
		if (t && e && strstr(e->val, t)) {
			aza_arena__reset(&x->t, m);
			continue;
		}
		const char *k = t ? aza_arena__printf(&x->a, "%s%s%s", e ? (const char *)e->val : "", e ? "; " : "", t) : NULL;
		aza_arena__reset(&x->t, m);
		if (!k)
			x->oom = 1;
		else if (e)
			e->val = (void *)k;
		else if (!ht_put(&x->a, &x->bounds, c->res_id, NULL, (void *)k))
			x->oom = 1;
	}
}

/* Add the NSG-evaluated reach of c on protocols `protos`, backend ports
 * [lo, hi], frontend ports mapped by offset (front_lo - lo) or, when
 * fixed_front, the whole front range; sources of the families fam only
 * (the frontend's: a packet keeps its family end to end). anote: the
 * map rests on an address not known, and why (NULL: it does not). */
static void add_reach_map(aza_expo *x, epb *b, ipc *c, const aza_expo_map *map, unsigned protos, unsigned lo, unsigned hi,
                          unsigned flo, unsigned fhi, int fixed_front, const aza_expo_hop *front_hop, int standard,
                          unsigned fam, const char *anote)
{
	if (standard && c->ev->nsg_none)
		return;
	if (ev_bounded(c))
		bound_note(x, c);
	for (size_t i = 0; i < map->n; i++) {
		const aza_expo_seg *s = &map->seg[i];
		double v4 = fam & 1 ? s->v4 : 0, v6 = fam & 2 ? s->v6 : 0;
		if (!(s->proto & protos) || s->hi < lo || s->lo > hi || (!v4 && !v6))
			continue;
		int ported = s->proto == AZA_NSG_TCP || s->proto == AZA_NSG_UDP;
		aza_expo_reach *r = reach_add(x, b);
		aza_expo_hop *h = aza_arena__alloc(&x->a, 3 * sizeof *h);
		if (!r || !h) {
			x->oom = 1;
			return;
		}
		r->protocol = aza_nsg_proto_name(s->proto);
		r->port_lo = ported ? (s->lo > lo ? s->lo : lo) : 0;
		r->port_hi = ported ? (s->hi < hi ? s->hi : hi) : 0;
		if (fixed_front) {
			r->front_lo = flo;
			r->front_hi = fhi;
		} else {
			r->front_lo = ported ? r->port_lo - lo + flo : 0;
			r->front_hi = ported ? r->port_hi - lo + flo : 0;
		}
		r->sources_v4 = v4;
		r->sources_v6 = v6;
		r->any_source = (!(fam & 1) || v4 == internet_v4()) && (!(fam & 2) || v6 == internet_v6());
		r->wide = v4 >= AZA_NSG_WIDE_V4 || v6 >= AZA_NSG_WIDE_V6;
		if (anote) {
			b->as[b->n - 1] = 1;
			if (!b->anote || strcmp(b->anote, anote))
				b->anote = b->anote ? aza_arena__printf(&x->a, "%s; %s", b->anote, anote) : keep(x, anote);
		}
		h[0] = *front_hop;
		for (int k = 0; k < 2; k++) {
			const nsgent *n = c->ev->hop[k];
			const aza_nsg_rule *rule = k ? s->r2 : s->r1;
			/* n and rule are the cache's: the endpoint keeps copies. A
			 * priority that could not be read (an upper bound reads the
			 * rule first, under a number below every real one) is 0. */
			h[k + 1] = (aza_expo_hop){k ? "nic-nsg" : "subnet-nsg", n ? n->id : "", n ? n->name : "(none)",
			                          rule && rule->name ? keep(x, rule->name) : "", rule && rule->priority > 0 ? rule->priority : 0};
			if (!h[k + 1].rule)
				x->oom = 1;
		}
		r->hops = h;
		r->nhops = 3;
	}
}

/* add_reach_map of map (evaluated for c), or when it rests on an address
 * not known (anote), of what is reached whatever the address (sure) and,
 * marked, of the rest (assumed). */
static void add_reach(aza_expo *x, epb *b, ipc *c, const aza_expo_map *map, const aza_expo_map *sure,
                      const aza_expo_map *assumed, const char *anote, unsigned protos, unsigned lo, unsigned hi, unsigned flo,
                      unsigned fhi, int fixed_front, const aza_expo_hop *front_hop, int standard, unsigned fam)
{
	if (!anote) {
		add_reach_map(x, b, c, map, protos, lo, hi, flo, fhi, fixed_front, front_hop, standard, fam, NULL);
		return;
	}
	add_reach_map(x, b, c, sure, protos, lo, hi, flo, fhi, fixed_front, front_hop, standard, fam, NULL);
	add_reach_map(x, b, c, assumed, protos, lo, hi, flo, fhi, fixed_front, front_hop, standard, fam, anote);
}

/* One IP configuration's own public IP (or scale set instance IPs). */
static int direct_pip(aza_expo *x, ipc *c)
{
	ipc_eval(x, c);
	if (x->oom)
		return -1;
	const char *fid = c->pip_id ? c->pip_id : "";
	const char *fname = c->pip_id ? front_name(x, c->pip_id) : aza_arena__printf(&x->a, "%s (per instance)", c->inst_pip);
	epb *b = ep_get(x, c, fid, fname, "public-ip", NULL, NULL, NULL);
	if (!b || !fname)
		return -1;
	aza_expo_hop fh = {"public-ip", fid, fname, "", 0};
	/* A public IP the input lacks, with neither NSG: open if it is Basic,
	 * closed if Standard, and its SKU is not known, so what it would
	 * admit is marked as resting on that (UNKNOWN, not FAIL). With an
	 * NSG the SKU does not matter. */
	if (c->pip_id && !pip_info(x, c->pip_id)->known && c->ev->nsg_none) {
		const char *why = aza_arena__printf(&x->a, "public IP %s is not in the input (its SKU is not known: a Standard one "
		                                            "admits nothing without an NSG)", aza_last_seg(c->pip_id));
		if (!why) {
			x->oom = 1;
			return -1;
		}
		add_reach_map(x, b, c, &c->ev->map, AZA_NSG_ANY, 0, 65535, 0, 65535, 0, &fh, 0, pip_info(x, c->pip_id)->fam, why);
		return 0;
	}
	/* Instance public IPs whose configuration names no SKU, with neither
	 * NSG: the SKU is not known either. A Uniform scale set cannot name one
	 * (the compute specification: sku "can only be set with
	 * OrchestrationMode as Flexible"), and scale sets default to Basic
	 * when none is given (Microsoft Learn, Azure Load Balancer common
	 * deployment errors, DifferentSkuLoadBalancerAndPublicIPAddressNotAllowedInVMSS):
	 * a Basic one admits every port, a Standard one nothing. */
	if (!c->pip_id && !c->inst_basic && !c->inst_standard && c->ev->nsg_none) {
		const char *why = aza_arena__printf(&x->a, "instance public IP configuration %s names no sku.name (a Basic one admits "
		                                            "every port without an NSG, a Standard one nothing)", c->inst_pip);
		if (!why) {
			x->oom = 1;
			return -1;
		}
		add_reach_map(x, b, c, &c->ev->map, AZA_NSG_ANY, 0, 65535, 0, 65535, 0, &fh, 0, c->inst_fam, why);
		return 0;
	}
	add_reach(x, b, c, &c->ev->map, &c->ev->sure, &c->ev->assumed, c->ev->addr_note, AZA_NSG_ANY, 0, 65535, 0, 65535, 0, &fh,
	          c->pip_id ? pip_standard(x, c->pip_id) : c->inst_standard,
	          c->pip_id ? pip_info(x, c->pip_id)->fam : c->inst_fam);
	return 0;
}

/* Empty the cache when it has outgrown its bound. Called only where no
 * pointer into it is held: before a frontend's endpoints are built. */
static void cache_trim(aza_expo *x)
{
	if (x->c.used_total + x->cache_nsg <= x->cache_max)
		return;
	for (size_t b = 0; b < x->nsgs.nb; b++)
		for (hent *e = x->nsgs.b[b]; e; e = e->next)
			nsgent_free(e->val);
	ht_clear(&x->nsgs);
	ht_clear(&x->views);
	ht_clear(&x->pairs);
	aza_arena__clear(&x->c);
	x->cache_nsg = 0;
	x->epoch++;
}

/* Every IP configuration's own public IP, newest first: of two read with
 * the same id (templates that deploy the same NIC), the newest is judged
 * first, as a lookup by id finds it. */
static void direct_pips(aza_expo *x)
{
	for (ipc *c = x->all; c; c = c->next_all) {
		if (!c->pip_id && !c->inst_pip)
			continue;
		cache_trim(x);
		if (direct_pip(x, c))
			return;
	}
}

static unsigned lb_protos(const char *p)
{
	if (!p)
		return 0;
	if (aza__strieq(p, "Tcp"))
		return AZA_NSG_TCP;
	if (aza__strieq(p, "Udp"))
		return AZA_NSG_UDP;
	if (aza__strieq(p, "All"))
		return AZA_NSG_TCP | AZA_NSG_UDP;
	return 0;
}

static int num(const aza_json *o, const char *k, unsigned *out)
{
	double d;
	if (!aza_json_num(aza_json_get(o, k), &d) || d < 0 || d > 65535)
		return 0;
	*out = (unsigned)d;
	return 1;
}

/* Where a firewall's DNAT rules can translate to, as far as the input
 * tells: its own virtual network and those peered with it (either side
 * naming the other). When its virtual network is not in the input, its
 * peerings are not known: any virtual network may be. */
typedef struct fwscope {
	int all;
	const char **vnet;
	size_t n;
	const char *text; /* for notes */
} fwscope;

/* The virtual networks a virtual network's peerings name (inline
 * virtualNetworkPeerings, or child peering resources), appended to out
 * (cap: room for them, counted by the first call with out NULL). */
static size_t vnet_peers(aza_expo *x, const aza_res *v, const char **out, size_t n)
{
	aza_arena_mark dm = aza_arena__mark(&x->d);
	aza_json_each(pe, aza_json_path(doc_tmp(x, v), "properties.virtualNetworkPeerings")) {
		const char *rid = jstr(props(pe), "remoteVirtualNetwork.id");
		if (rid && out && !(out[n] = keep(x, rid)))
			break;
		n += rid != NULL;
	}
	aza_arena__reset(&x->d, dm);
	for (const aza_res *c = aza_inv_child(x->inv, v->id, T_VNET "/virtualNetworkPeerings"); c && !x->oom;
	     c = aza_inv_next_child(c, v->id)) {
		dm = aza_arena__mark(&x->d);
		const char *rid = jstr(doc_tmp(x, c), "properties.remoteVirtualNetwork.id");
		if (rid && out && !(out[n] = keep(x, rid)))
			x->oom = 1;
		n += rid != NULL;
		aza_arena__reset(&x->d, dm);
	}
	return n;
}

static void fw_scope(aza_expo *x, const aza_json *fp, fwscope *sc)
{
	memset(sc, 0, sizeof *sc);
	sc->all = 1;
	sc->text = "any virtual network: its own is not in the input, so its peerings are not known";
	const char *sid = NULL;
	aza_json_each(ic, aza_json_get(fp, "ipConfigurations")) if (!sid) sid = jstr(props(ic), "subnet.id");
	const char *cut = sid ? aza__istrstr(sid, "/subnets/") : NULL;
	const char *vid = cut ? keep(x, aza_arena__strndup(&x->t, sid, (size_t)(cut - sid))) : NULL;
	const aza_res *v = vid ? aza_inv_find(x->inv, vid) : NULL;
	if (!v)
		return;
	size_t cap = 1 + vnet_peers(x, v, NULL, 0) + aza_inv_count(x->inv, T_VNET);
	const char **l = aza_arena__alloc(&x->a, cap * sizeof *l);
	if (!l) {
		x->oom = 1;
		return;
	}
	l[0] = vid;
	size_t n = vnet_peers(x, v, l, 1);
	/* A peering is made on both sides, but the input may hold one. */
	for (const aza_res *w = aza_inv_first(x->inv, T_VNET); w && !x->oom && n < cap; w = w->next_of_type) {
		if (aza__strieq(w->id, vid))
			continue;
		aza_arena_mark m = aza_arena__mark(&x->t);
		size_t k = vnet_peers(x, w, NULL, 0);
		const char **t = aza_arena__alloc(&x->t, (k ? k : 1) * sizeof *t);
		if (!t) {
			x->oom = 1;
			return;
		}
		k = vnet_peers(x, w, t, 0);
		for (size_t i = 0; i < k; i++)
			if (t[i] && aza__strieq(t[i], vid)) {
				l[n++] = w->id;
				break;
			}
		aza_arena__reset(&x->t, m);
	}
	sc->all = 0;
	sc->vnet = l;
	sc->n = n;
	sc->text = n == 1 ? aza_arena__printf(&x->a, "virtual network %s (no peering in the input)", aza_last_seg(vid))
	                  : aza_arena__printf(&x->a, "virtual network %s and %zu peered with it", aza_last_seg(vid), n - 1);
	if (!sc->text)
		x->oom = 1;
}

/* Is subnet sid (NULL: not known) in one of the virtual networks of sc? */
static int in_scope(const fwscope *sc, const char *sid)
{
	if (!sc || sc->all || !sid)
		return 1;
	for (size_t i = 0; i < sc->n; i++)
		if (aza_id_within(sid, sc->vnet[i]))
			return 1;
	return 0;
}

/* Give why (UNKNOWN in the rules) to every resource with an IP
 * configuration that may have address addr (NULL: any address) in the
 * virtual networks of sc (NULL: any): traffic is sent to an address the
 * input ties to no IP configuration (a DNAT or backend address, or DNAT
 * rules not known), so any configuration whose address is not known and
 * whose subnet holds it (or whose subnet's prefixes are not known) may be
 * the one. */
static void targets_gap(aza_expo *x, const char *addr, const fwscope *sc, const char *why)
{
	aza_nsg_span a;
	int have = addr && parse_ip(addr, &a, NULL);
	if (!why) {
		x->oom = 1;
		return;
	}
	ips_build(x);
	for (ipc *c = x->all; c && !x->oom; c = c->next_all) {
		if (!in_scope(sc, c->subnet_id))
			continue;
		if (have) {
			if (c->dst.has_ip)
				continue; /* another address (ip_find would have found this one) */
			const subent *sn = c->subnet_id ? subnet_get(x, c->subnet_id) : NULL;
			int in = !sn || !sn->pfx;
			for (size_t k = 0; !in && k < sn->npfx; k++)
				in = sn->pfx[k].v6 == a.v6 && sn->pfx[k].lo <= a.lo && a.lo <= sn->pfx[k].hi;
			if (!in)
				continue;
		}
		gap(x, c->res_id, why);
	}
}

/* The addresses of an IP-based backend pool that match no IP
 * configuration in the input: any configuration in the pool's virtual
 * network whose address is not known and whose subnet holds one may be
 * the member, so it gets why (UNKNOWN), not a PASS. */
static void pool_unmatched(aza_expo *x, const aza_res *lb, const aza_json *pool)
{
	const char *pid = aza_json_str(aza_json_get(pool, "id"));
	aza_json_each(ba, aza_json_get(props(pool), "loadBalancerBackendAddresses")) {
		const aza_json *bp = props(ba);
		const char *addr = jstr(bp, "ipAddress"), *vnet = jstr(bp, "virtualNetwork.id");
		if (!addr || ipc_by_id(x, jstr(bp, "networkInterfaceIPConfiguration.id")) || ip_find_in(x, addr, vnet, jstr(bp, "subnet.id")))
			continue;
		fwscope one = {!vnet, &vnet, vnet ? 1 : 0, NULL};
		targets_gap(x, addr, &one,
		            aza_arena__printf(&x->a, "backend address %s of pool %s of load balancer %s matches no IP configuration in the "
		                                     "input: this resource's address is not known and may be it",
		                              addr, aza_last_seg(pid), lb->name));
	}
}

/* why (UNKNOWN in the rules) on each member of a pool or rule. */
static void members_gap(aza_expo *x, member *ms, const char *why);

/* Can a load balancer frontend (fe) be told public or internal? A public
 * one names its public IP or prefix, an internal one its subnet or
 * private address. */
static int fe_readable(const aza_json *fe)
{
	const aza_json *p = props(fe);
	return fe && (jstr(p, "publicIPAddress.id") || jstr(p, "publicIPPrefix.id") || jstr(p, "subnet.id") ||
	              jstr(p, "privateIPAddress"));
}

/* Does deployed load balancer lb hold ref, a pool, inbound NAT rule or
 * pool an IP configuration names? Azure ties a NIC only to what its load
 * balancer holds: a load balancer without properties, or without the one
 * named (a trimmed export), may forward to ms from a public frontend. */
static void lb_holds(aza_expo *x, const aza_res *lb, const char *ref, member *ms)
{
	aza_arena_mark dm = aza_arena__mark(&x->d);
	const aza_json *lp = aza_json_get(doc_tmp(x, lb), "properties");
	static const char *const lists[] = {"backendAddressPools", "inboundNatRules", "inboundNatPools", "loadBalancingRules"};
	int found = 0;
	for (int li = 0; li < 4 && !found; li++)
		aza_json_each(it, aza_json_get(lp, lists[li])) {
			const char *id = aza_json_str(aza_json_get(it, "id"));
			if (id && aza__strieq(id, ref))
				found = 1;
		}
	int bare = !aza_json_is(lp, AZA_JOBJ);
	aza_arena__reset(&x->d, dm);
	if (found)
		return;
	members_gap(x, ms, !bare
	                       ? aza_arena__printf(&x->a, "load balancer %s does not hold %s, which an IP configuration names (its rules "
	                                                  "for it are not known)", lb->name, aza_last_seg(ref))
	                       : aza_arena__printf(&x->a, "load balancer %s has no properties (its rules are not known)", lb->name));
}

static void members_gap(aza_expo *x, member *ms, const char *why)
{
	if (!why) {
		x->oom = 1;
		return;
	}
	for (member *m = ms; m; m = m->next)
		gap(x, m->c->res_id, why);
}

static void load_balancers(aza_expo *x)
{
	for (const aza_res *lb = aza_inv_first(x->inv, T_LB); lb && !x->oom; lb = lb->next_of_type) {
		cache_trim(x);
		aza_json__touch_reset();
		/* Read for this loop only: what an endpoint keeps of it (the
		 * frontend's public IP id, the rule's id) is copied (keep). */
		aza_arena_mark dm = aza_arena__mark(&x->d);
		const aza_json *doc = doc_tmp(x, lb);
		const aza_json *lp = aza_json_get(doc, "properties");
		const char *sku = jstr(doc, "sku.name");
		int standard = sku && aza__strieq(sku, "Standard"), public = 0;
		int deployed = !aza_is_template(lb);
		aza_json_each(fe, aza_json_get(lp, "frontendIPConfigurations")) public |= jstr(props(fe), "publicIPAddress.id") != NULL;
		/* backend pools listed on the LB side */
		aza_json_each(pool, aza_json_get(lp, "backendAddressPools")) {
			const char *pid = aza_json_str(aza_json_get(pool, "id"));
			aza_json_each(bc, aza_json_get(props(pool), "backendIPConfigurations")) {
				ipc *c = ipc_by_id(x, aza_json_str(aza_json_get(bc, "id")));
				if (c && pid)
					member_add(x, pid, c);
			}
			/* IP-based pools: members by private address in a virtual network */
			aza_json_each(ba, aza_json_get(props(pool), "loadBalancerBackendAddresses")) {
				const aza_json *bp = props(ba);
				const char *addr = jstr(bp, "ipAddress");
				ipc *c = ipc_by_id(x, jstr(bp, "networkInterfaceIPConfiguration.id"));
				if (!c && addr)
					c = ip_find_in(x, addr, jstr(bp, "virtualNetwork.id"), jstr(bp, "subnet.id"));
				if (c && pid)
					member_add(x, pid, c);
				else if (addr && pid)
					gap(x, lb->id, aza_arena__printf(&x->a, "backend address %s of pool %s matches no IP configuration in the input",
					                                 addr, aza_last_seg(pid)));
			}
			/* Behind a public frontend, the resources that may hold such an
			 * address are not known to be closed (an internal one is reached
			 * only through a DNAT rule: dnat_ilb). */
			if (public)
				pool_unmatched(x, lb, pool);
		}
		static const char *const lists[] = {"loadBalancingRules", "inboundNatRules", "inboundNatPools"};
		static const char *const kinds[] = {"lb-rule", "lb-nat-rule", "lb-nat-pool"};
		for (int li = 0; li < 3; li++)
			aza_json_each(rule, aza_json_get(lp, lists[li])) {
				const aza_json *rp = props(rule);
				const char *fid = jstr(rp, "frontendIPConfiguration.id");
				const char *pip = NULL;
				const aza_json *fdoc = NULL;
				aza_json_each(fe, aza_json_get(lp, "frontendIPConfigurations")) {
					const char *id = aza_json_str(aza_json_get(fe, "id"));
					if (fid && id && aza__strieq(id, fid)) {
						fdoc = fe;
						pip = jstr(props(fe), "publicIPAddress.id");
					}
				}
				/* A deployed rule names a frontend of its load balancer, a
				 * protocol and ports: one whose frontend is not held or
				 * cannot be read, or without the others (a trimmed
				 * export), may forward from a public frontend to its
				 * members. */
				const char *lrid = aza_json_str(aza_json_get(rule, "id"));
				member *lms = deployed ? members_of(x, li == 0 || (li == 1 && jstr(rp, "backendAddressPool.id"))
				                                               ? jstr(rp, "backendAddressPool.id") : lrid) : NULL;
				const char *lrn = aza_json_str(aza_json_get(rule, "name")) ? aza_json_str(aza_json_get(rule, "name")) : "?";
				/* A load-balancing rule that names no pool (no properties,
				 * a trimmed export) may forward to any of them. */
				if (deployed && li == 0 && !jstr(rp, "backendAddressPool.id") && !aza_json_len(aza_json_get(rp, "backendAddressPools"))) {
					const char *why = aza_arena__printf(&x->a, "rule %s of load balancer %s names no backend pool (which of its pools it "
					                                           "forwards to is not known)", lrn, lb->name);
					aza_json_each(pool, aza_json_get(lp, "backendAddressPools"))
						members_gap(x, members_of(x, aza_json_str(aza_json_get(pool, "id"))), why);
					continue;
				}
				if (lms && !fe_readable(fdoc)) {
					members_gap(x, lms, aza_arena__printf(&x->a, "rule %s of load balancer %s %s (whether it is public is not known)", lrn,
					                                      lb->name, !fid    ? "names no frontend"
					                                                : fdoc ? "names a frontend whose settings cannot be read"
					                                                       : "names a frontend its frontendIPConfigurations do not hold"));
					continue;
				}
				if (!pip)
					continue; /* an internal frontend */
				unsigned protos = lb_protos(jstr(rp, "protocol")), fp = 0, bp = 0, flo = 0, fhi = 0;
				if (!protos) {
					if (lms)
						members_gap(x, lms, aza_arena__printf(&x->a, "rule %s of load balancer %s has no readable protocol", lrn, lb->name));
					continue;
				}
				const char *rid = aza_json_str(aza_json_get(rule, "id"));
				if (!(pip = keep(x, pip)) || (rid && !(rid = keep(x, rid))))
					return;
				const char *rname = aza_arena__printf(&x->a, "%s/%s", lb->name, aza_json_str(aza_json_get(rule, "name")) ? aza_json_str(aza_json_get(rule, "name")) : "?");
				int have_b = num(rp, "backendPort", &bp);
				int ranged = num(rp, "frontendPortRangeStart", &flo) && num(rp, "frontendPortRangeEnd", &fhi);
				int have_f = num(rp, "frontendPort", &fp);
				member *ms = NULL;
				if (li == 0)
					ms = members_of(x, jstr(rp, "backendAddressPool.id"));
				else if (li == 1 && jstr(rp, "backendAddressPool.id"))
					ms = members_of(x, jstr(rp, "backendAddressPool.id"));
				else
					ms = members_of(x, rid);
				if (li == 1 && !ms) {
					ipc *c = ipc_by_id(x, jstr(rp, "backendIPConfiguration.id"));
					if (c) {
						member_add(x, rid, c);
						ms = members_of(x, rid);
					}
				}
				if (!have_b || (!ranged && !have_f)) {
					if (deployed && ms)
						members_gap(x, ms, aza_arena__printf(&x->a, "rule %s of load balancer %s has no readable %s port", lrn, lb->name,
						                                     have_b ? "frontend" : "backend"));
					continue;
				}
				unsigned blo = bp, bhi = bp;
				if (li == 0 && fp == 0 && bp == 0) { /* HA ports */
					bhi = 65535;
					fhi = 65535;
					flo = 0;
				} else if (!ranged) {
					flo = fhi = fp;
				}
				const char *fname = front_name(x, pip);
				const char *tn = touched_note(x);
				aza_expo_hop fh = {kinds[li], rid ? rid : lb->id, rname, "", 0};
				/* Floating IP: the backend sees the frontend address and port,
				 * so the NSGs are evaluated for that destination and port. */
				const aza_json *fl = aza_json_get(rp, "enableFloatingIP");
				int floating = li < 2 && aza_json_is(fl, AZA_JTRUE);
				if (floating && !ranged) {
					blo = flo;
					bhi = fhi;
				}
				const pipinfo *pi = pip_info(x, pip);
				for (member *m = ms; m && !x->oom; m = m->next) {
					ipc_eval(x, m->c);
					const aza_expo_map *map = &m->c->ev->map, *sure = &m->c->ev->sure, *assumed = &m->c->ev->assumed;
					const char *anote = m->c->ev->addr_note;
					aza_expo_map fs, fa;
					if (floating) {
						aza_expo_dst fd = m->c->dst;
						fd.has_ip = pi->has_addr;
						fd.ip = pi->addr;
						fd.ip_low = pi->addr_low;
						fd.fam = pi->fam == 2 ? 2u : 1u;
						fd.no_vnet = 1;
						fd.net = NULL; /* the frontend's address is not in the subnet */
						fd.nnet = 0;
						const char *who = aza_arena__printf(&x->c, "public IP %s (floating IP)", fname);
						if (!(map = map_for_dst(x, m->c, &fd, who, &fs, &fa, &anote)))
							return;
						sure = &fs;
						assumed = &fa;
					}
					epb *b = ep_get(x, m->c, pip, fname, "load-balancer", NULL, NULL, NULL);
					if (!b)
						return;
					if (tn)
						b->e.note = *b->e.note ? aza_arena__printf(&x->a, "%s; %s", b->e.note, tn) : tn;
					add_reach(x, b, m->c, map, sure, assumed, anote, protos, blo, bhi, flo, fhi, ranged || li == 2, &fh, standard,
					          pi->fam);
				}
			}
		aza_arena__reset(&x->d, dm);
	}
}

static void bastions(aza_expo *x)
{
	for (const aza_res *bh = aza_inv_first(x->inv, T_BASTION); bh && !x->oom; bh = bh->next_of_type)
		aza_json_each(ic, aza_json_path(doc_of(x, bh), "properties.ipConfigurations")) {
			const char *pip = jstr(props(ic), "publicIPAddress.id");
			if (!pip)
				continue;
			const char *fname = front_name(x, pip);
			epb *b = ep_get(x, NULL, pip, fname, "bastion", bh->id, bh->type, bh->name);
			aza_expo_reach *r = b ? reach_add(x, b) : NULL;
			aza_expo_hop *h = aza_arena__alloc(&x->a, 2 * sizeof *h);
			if (!r || !h) {
				x->oom = 1;
				return;
			}
			h[0] = (aza_expo_hop){"public-ip", pip, fname, "", 0};
			h[1] = (aza_expo_hop){"bastion", bh->id, bh->name, "", 0};
			double v4, v6;
			set_count(internet, N_INTERNET, &v4, &v6);
			*r = (aza_expo_reach){"TCP", 443, 443, 443, 443, v4, v6, 1, 1, 0, h, 2};
		}
}

static const aza_json *by_id(const aza_json *arr, const char *id)
{
	aza_json_each(it, arr) if (id && aza_json_streq(aza_json_get(it, "id"), id)) return it;
	return NULL;
}

static void app_gateways(aza_expo *x)
{
	for (const aza_res *gw = aza_inv_first(x->inv, T_APPGW); gw && !x->oom; gw = gw->next_of_type) {
		const aza_json *gp = aza_json_get(doc_of(x, gw), "properties");
		aza_json_each(rr, aza_json_get(gp, "requestRoutingRules")) {
			const aza_json *rp = props(rr);
			const aza_json *ls = by_id(aza_json_get(gp, "httpListeners"), jstr(rp, "httpListener.id"));
			const aza_json *fe = by_id(aza_json_get(gp, "frontendIPConfigurations"), jstr(props(ls), "frontendIPConfiguration.id"));
			const char *pip = jstr(props(fe), "publicIPAddress.id");
			if (!pip)
				continue;
			const aza_json *fpo = by_id(aza_json_get(gp, "frontendPorts"), jstr(props(ls), "frontendPort.id"));
			const aza_json *bs = by_id(aza_json_get(gp, "backendHttpSettingsCollection"), jstr(rp, "backendHttpSettings.id"));
			unsigned fport = 0, bport = 0;
			num(props(fpo), "port", &fport);
			num(props(bs), "port", &bport);
			const char *poolid = jstr(rp, "backendAddressPool.id");
			const aza_json *pool = by_id(aza_json_get(gp, "backendAddressPools"), poolid);
			aza_json_each(bc, aza_json_get(props(pool), "backendIPConfigurations")) {
				ipc *c = ipc_by_id(x, aza_json_str(aza_json_get(bc, "id")));
				if (c)
					member_add(x, poolid, c);
			}
			aza_json_each(ba, aza_json_get(props(pool), "backendAddresses")) {
				ipc *c = ip_find(x, jstr(ba, "ipAddress"));
				if (c)
					member_add(x, poolid, c);
			}
			const char *fname = front_name(x, pip);
			const char *hn = aza_arena__printf(&x->a, "%s listener %s, rule %s", gw->name, aza_last_seg(jstr(rp, "httpListener.id")),
			                                   aza_json_str(aza_json_get(rr, "name")) ? aza_json_str(aza_json_get(rr, "name")) : "?");
			for (member *m = members_of(x, poolid); m && !x->oom; m = m->next) {
				epb *b = ep_get(x, m->c, pip, fname, "app-gateway", NULL, NULL, NULL);
				aza_expo_reach *r = b ? reach_add(x, b) : NULL;
				aza_expo_hop *h = aza_arena__alloc(&x->a, sizeof *h);
				if (!r || !h || !hn) {
					x->oom = 1;
					return;
				}
				*h = (aza_expo_hop){"app-gateway", gw->id, hn, "", 0};
				*r = (aza_expo_reach){"TCP", bport, bport, fport, fport, -1, -1, 0, 0, 1, h, 1};
			}
		}
	}
}

/* Add the addresses of one source entry ("*", an address, a prefix, a
 * range "10.0.0.1-10.0.0.9") to src[*n]. 0: it cannot be read (the caller
 * reports it: skipping it could hide an internet source). */
static int src_add(const char *s, aza_nsg_span *src, size_t *n)
{
	if (!s)
		return 0;
	if (!strcmp(s, "*") || aza__strieq(s, "Any") || aza__strieq(s, "Internet")) {
		src[(*n)++] = (aza_nsg_span){0, V4MAX, 0};
		src[(*n)++] = (aza_nsg_span){0, V6MAX, 1};
		return 1;
	}
	const char *dash = strchr(s, '-');
	if (dash) {
		char buf[64];
		size_t l = (size_t)(dash - s);
		aza_nsg_span a, b;
		if (l >= sizeof buf || strchr(s, '/'))
			return 0;
		memcpy(buf, s, l);
		buf[l] = 0;
		/* IPv6 spans hold the top 64 bits: a range is counted in the
		 * /64s it touches, as the NSG sources are. */
		if (!parse_ip(buf, &a, NULL) || !parse_ip(dash + 1, &b, NULL) || a.v6 != b.v6 || a.lo > b.lo)
			return 0;
		src[(*n)++] = (aza_nsg_span){a.lo, b.lo, a.v6};
		return 1;
	}
	if (!aza_nsg__prefix(s, &src[*n]))
		return 0;
	(*n)++;
	return 1;
}

/* A DNAT rule being read. */
typedef struct dnat {
	const aza_res *fw;
	const char *pip, *hop_name;
	const aza_json *rule;
	double v4, v6;    /* its internet sources */
	const char *why;  /* part of its sources or protocols is not known (NULL: none) */
	const fwscope *sc;
} dnat;

/* The reaches of DNAT rule d on c: its destination ports, protocols
 * protos, translated to port bport; lb: the internal load balancer rule
 * it is forwarded by (NULL: none). */
static void dnat_reach(aza_expo *x, const dnat *d, ipc *c, unsigned protos, unsigned bport, const aza_expo_hop *lb)
{
	if (d->why)
		gap(x, c->res_id, d->why);
	if (!protos || (!d->v4 && !d->v6))
		return;
	const char *fname = d->pip ? front_name(x, d->pip) : d->fw->name;
	epb *b = ep_get(x, c, d->pip ? d->pip : d->fw->id, fname, "firewall-dnat", NULL, NULL, NULL);
	if (!b)
		return;
	aza_json_each(dp, aza_json_get(d->rule, "destinationPorts")) {
		const char *ds = aza_json_str(dp);
		if (!ds)
			continue;
		for (unsigned bit = AZA_NSG_TCP; bit <= AZA_NSG_UDP; bit <<= 1) {
			if (!(protos & bit))
				continue;
			aza_expo_reach *r = reach_add(x, b);
			aza_expo_hop *h = aza_arena__alloc(&x->a, 2 * sizeof *h);
			if (!r || !h) {
				x->oom = 1;
				return;
			}
			h[0] = (aza_expo_hop){"firewall-dnat", d->fw->id, d->hop_name, "", 0};
			if (lb)
				h[1] = *lb;
			unsigned fport = (unsigned)atoi(ds);
			*r = (aza_expo_reach){aza_nsg_proto_name(bit), bport, bport, fport, fport, d->v4, d->v6,
			                      d->v4 == internet_v4() && d->v6 == internet_v6(),
			                      d->v4 >= AZA_NSG_WIDE_V4 || d->v6 >= AZA_NSG_WIDE_V6, 0, h, lb ? 2 : 1};
		}
	}
}

/* DNAT to an internal load balancer's frontend address: Azure Firewall
 * translates to it, and the load balancer forwards to its backends by its
 * load-balancing and inbound NAT rules on that frontend and port. 1: addr
 * is the private address of a load balancer frontend. */
static int dnat_ilb(aza_expo *x, const dnat *d, const char *addr, unsigned tport, unsigned protos)
{
	int found = 0;
	for (const aza_res *lb = aza_inv_first(x->inv, T_LB); lb && !x->oom; lb = lb->next_of_type) {
		aza_arena_mark dm = aza_arena__mark(&x->d);
		const aza_json *lp = aza_json_get(doc_tmp(x, lb), "properties");
		aza_json_each(fe, aza_json_get(lp, "frontendIPConfigurations")) {
			const char *fa = jstr(props(fe), "privateIPAddress"), *fid = aza_json_str(aza_json_get(fe, "id"));
			if (!fa || strcmp(fa, addr) || !fid)
				continue;
			found = 1;
			for (int li = 0; li < 2; li++)
				aza_json_each(rule, aza_json_get(lp, li ? "inboundNatRules" : "loadBalancingRules")) {
					const aza_json *rp = props(rule);
					const char *rf = jstr(rp, "frontendIPConfiguration.id"), *pool = jstr(rp, "backendAddressPool.id");
					unsigned p = lb_protos(jstr(rp, "protocol")) & protos, fp, bp;
					if (!rf || !aza__strieq(rf, fid) || !p || !num(rp, "frontendPort", &fp) || !num(rp, "backendPort", &bp))
						continue;
					int ha = !li && !fp && !bp; /* HA ports: every port as it comes */
					if (!ha && fp != tport)
						continue;
					const char *rid = keep(x, aza_json_str(aza_json_get(rule, "id")));
					const char *rn = aza_json_str(aza_json_get(rule, "name"));
					aza_expo_hop h = {li ? "lb-nat-rule" : "lb-rule", rid ? rid : lb->id,
					                  aza_arena__printf(&x->a, "%s/%s", lb->name, rn ? rn : "?"), "", 0};
					if (!h.name) {
						x->oom = 1;
						break;
					}
					member *ms = pool ? members_of(x, pool) : NULL, one;
					if (li && !pool) {
						ipc *c = ipc_by_id(x, jstr(rp, "backendIPConfiguration.id"));
						one = (member){c, NULL};
						ms = c ? &one : NULL;
					}
					for (member *m = ms; m && !x->oom; m = m->next)
						dnat_reach(x, d, m->c, p, ha ? tport : bp, &h);
					aza_json_each(pl, aza_json_get(lp, "backendAddressPools")) {
						const char *plid = aza_json_str(aza_json_get(pl, "id"));
						if (pool && plid && aza__strieq(plid, pool))
							pool_unmatched(x, lb, pl);
					}
				}
		}
		aza_arena__reset(&x->d, dm);
	}
	return found;
}

/* The protocols of a DNAT rule's protocol value (classic protocols:
 * TCP, UDP, Any, ICMP; policy ipProtocols the same); ICMP has no ports
 * and reaches no TCP or UDP service. 0 with *ok 0: not a known value. */
static unsigned dnat_protos(const char *p, int *ok)
{
	*ok = 1;
	if (p && aza__strieq(p, "Any"))
		return AZA_NSG_TCP | AZA_NSG_UDP;
	if (p && aza__strieq(p, "ICMP"))
		return 0;
	unsigned v = lb_protos(p);
	*ok = v && !aza__strieq(p, "All");
	return *ok ? v : 0;
}

/* One DNAT rule (classic natRuleCollections or a firewall policy's
 * FirewallPolicyNatRuleCollection): the translated address's IP
 * configuration is reached on the translated port from the rule's internet
 * sources. protos_key: "protocols" (classic) or "ipProtocols" (policy).
 * deployed: the rule was read from Azure (not a template), where a rule
 * that names no target, source or protocol is a trimmed export, not a
 * rule that admits nothing. */
static void dnat_rule(aza_expo *x, const aza_res *fw, const char *pip, const char *hop_name, const aza_json *rule,
                      const char *protos_key, const fwscope *sc, int deployed)
{
	const char *ta = jstr(rule, "translatedAddress"), *tp = jstr(rule, "translatedPort");
	if (!ta && jstr(rule, "translatedFqdn")) {
		const char *why = aza_arena__printf(&x->a, "DNAT rule %s translates to the FQDN %s, which is not resolved", hop_name,
		                                    jstr(rule, "translatedFqdn"));
		gap(x, fw->id, why);
		/* Any address the firewall reaches may be the one. */
		targets_gap(x, NULL, sc, aza_arena__printf(&x->a, "%s; this resource may be its target (the firewall reaches %s)",
		                                           why, sc->text));
		return;
	}
	if (!ta || !tp) {
		if (!deployed)
			return;
		/* A DNAT rule translates to an address and a port: without
		 * them its target is not known, and may be any address the
		 * firewall reaches (one with a known address: that one). */
		const char *why = aza_arena__printf(&x->a, "DNAT rule %s has no %s (its target is not known)", hop_name,
		                                    ta ? "translatedPort" : "translatedAddress");
		ipc *c = ta && why ? ip_find(x, ta) : NULL;
		gap(x, fw->id, why);
		if (c)
			gap(x, c->res_id, why);
		else
			targets_gap(x, ta, sc, why ? aza_arena__printf(&x->a, "%s; this resource may be its target (the firewall reaches %s)",
			                                               why, sc->text) : NULL);
		return;
	}
	/* sources: the rule's addresses (and IP groups) that are internet */
	aza_arena_mark mk = aza_arena__mark(&x->t);
	size_t ns = aza_json_len(aza_json_get(rule, "sourceAddresses"));
	aza_json_each(g, aza_json_get(rule, "sourceIpGroups")) {
		const aza_res *ig = aza_inv_find(x->inv, aza_json_str(g));
		ns += aza_json_len(aza_json_path(doc_of(x, ig), "properties.ipAddresses"));
	}
	aza_nsg_span *src = aza_arena__alloc(&x->t, (2 * ns + 2) * sizeof *src),
	             *o = aza_arena__alloc(&x->t, (2 * ns + N_INTERNET + 2) * sizeof *o);
	if (!src || !o) {
		x->oom = 1;
		return;
	}
	size_t n = 0;
	const char *missing = NULL, *bad = NULL;
	aza_json_each(sa, aza_json_get(rule, "sourceAddresses")) {
		if (!src_add(aza_json_str(sa), src, &n) && !bad)
			bad = aza_json_str(sa) ? aza_json_str(sa) : "(not a string)";
	}
	aza_json_each(g, aza_json_get(rule, "sourceIpGroups")) {
		const aza_res *ig = aza_inv_find(x->inv, aza_json_str(g));
		if (!ig)
			missing = aza_json_str(g);
		aza_json_each(a, aza_json_path(doc_of(x, ig), "properties.ipAddresses")) {
			if (!src_add(aza_json_str(a), src, &n) && !bad)
				bad = aza_json_str(a) ? aza_json_str(a) : "(not a string)";
		}
	}
	n = aza_nsg__span_norm(src, n);
	size_t ni = set_and(src, n, internet, N_INTERNET, o);
	dnat d = {fw, pip, hop_name, rule, 0, 0, NULL, sc};
	set_count(o, ni, &d.v4, &d.v6);
	aza_arena__reset(&x->t, mk);
	if (missing)
		d.why = aza_arena__printf(&x->a, "IP group %s of DNAT rule %s is not in the input", aza_last_seg(missing), hop_name);
	else if (bad)
		d.why = aza_arena__printf(&x->a, "source '%s' of DNAT rule %s cannot be read", bad, hop_name);
	if ((missing || bad) && !d.why)
		x->oom = 1;
	if (deployed && !d.why && !aza_json_len(aza_json_get(rule, "sourceAddresses")) &&
	    !aza_json_len(aza_json_get(rule, "sourceIpGroups")) &&
	    !(d.why = aza_arena__printf(&x->a, "DNAT rule %s names no source address or IP group (its sources are not known)", hop_name)))
		x->oom = 1;
	if (deployed && !d.why && !aza_json_len(aza_json_get(rule, protos_key)) &&
	    !(d.why = aza_arena__printf(&x->a, "DNAT rule %s names no protocol in %s (what it forwards is not known)", hop_name, protos_key)))
		x->oom = 1;
	/* The port it listens on: without one the translated port is still
	 * reached, on a frontend port not known. */
	int dports_ok = aza_json_len(aza_json_get(rule, "destinationPorts")) > 0;
	aza_json_each(dp, aza_json_get(rule, "destinationPorts")) dports_ok &= aza_json_str(dp) != NULL;
	if (deployed && !d.why && !dports_ok &&
	    !(d.why = aza_arena__printf(&x->a, "DNAT rule %s names no readable destination port (the frontend port it forwards is not "
	                                       "known)", hop_name)))
		x->oom = 1;
	unsigned protos = 0;
	aza_json_each(pr, aza_json_get(rule, protos_key)) {
		int ok;
		protos |= dnat_protos(aza_json_str(pr), &ok);
		if (!ok && !d.why)
			d.why = aza_arena__printf(&x->a, "protocol '%s' of DNAT rule %s cannot be read",
			                          aza_json_str(pr) ? aza_json_str(pr) : "(not a string)", hop_name);
	}
	if ((!ni || !protos) && !d.why)
		return;
	ipc *c = ip_find(x, ta);
	unsigned bport = (unsigned)atoi(tp);
	if (c)
		dnat_reach(x, &d, c, protos, bport, NULL);
	else if (!dnat_ilb(x, &d, ta, bport, protos))
		targets_gap(x, ta, sc,
		            aza_arena__printf(&x->a, "DNAT rule %s translates to %s, which is no IP configuration or load balancer frontend "
		                                     "in the input: this resource's address is not known and may be it",
		                              hop_name, ta));
}

#define T_FWPOL "Microsoft.Network/firewallPolicies"
#define T_RCG T_FWPOL "/ruleCollectionGroups"

/* DNAT rules of a firewall that are not known: any address the firewall
 * reaches may be a target (why, on the firewall and those resources). */
static void dnat_unknown(aza_expo *x, const aza_res *fw, const fwscope *sc, const char *why)
{
	if (!why) {
		x->oom = 1;
		return;
	}
	gap(x, fw->id, why);
	targets_gap(x, NULL, sc, aza_arena__printf(&x->a, "firewall %s: %s; this resource may be a DNAT target (the firewall reaches %s)",
	                                           fw->name, why, sc->text));
}

/* The DNAT rules of a firewall policy and of its base policies. */
static void policy_dnat(aza_expo *x, const aza_res *fw, const char *pip, const char *pol_id, int depth, const fwscope *sc)
{
	const aza_res *pol = pol_id ? aza_inv_find(x->inv, pol_id) : NULL;
	if (!pol) {
		if (pol_id)
			dnat_unknown(x, fw, sc, aza_arena__printf(&x->a, "firewall policy %s is not in the input (its DNAT rules are not known)",
			                                          aza_last_seg(pol_id)));
		return;
	}
	if (depth > 8)
		return;
	const char *base = jstr(doc_of(x, pol), "properties.basePolicy.id");
	if (base)
		policy_dnat(x, fw, pip, base, depth + 1, sc);
	int groups = 0;
	for (const aza_res *g = aza_inv_child(x->inv, pol->id, T_RCG); g && !x->oom; g = aza_inv_next_child(g, pol->id)) {
		groups++;
		int deployed = !aza_is_template(g);
		/* Not a template's: a group without properties, or a collection
		 * without its type (the discriminator of NAT, filter and
		 * application collections), is not known, not free of DNAT
		 * rules (docs/snapshot.md). */
		if (deployed && !aza_json_is(aza_json_get(doc_of(x, g), "properties"), AZA_JOBJ)) {
			dnat_unknown(x, fw, sc, aza_arena__printf(&x->a, "rule collection group %s of firewall policy %s has no properties (its "
			                                                 "DNAT rules are not known)", aza_last_seg(g->name), pol->name));
			continue;
		}
		aza_json_each(col, aza_json_path(doc_of(x, g), "properties.ruleCollections")) {
			const char *ct = jstr(col, "ruleCollectionType");
			if (!ct && deployed) {
				dnat_unknown(x, fw, sc, aza_arena__printf(&x->a, "rule collection %s of firewall policy %s/%s has no ruleCollectionType "
				                                                 "(whether it holds DNAT rules is not known)",
				                                          jstr(col, "name") ? jstr(col, "name") : "?", pol->name, aza_last_seg(g->name)));
				continue;
			}
			if (!ct || !aza__strieq(ct, "FirewallPolicyNatRuleCollection"))
				continue;
			aza_json_each(rule, aza_json_get(col, "rules")) {
				const char *rt = jstr(rule, "ruleType");
				if (rt && !aza__strieq(rt, "NatRule"))
					continue;
				const char *hn = aza_arena__printf(&x->a, "%s policy %s/%s/%s/%s", fw->name, pol->name, aza_last_seg(g->name),
				                                   jstr(col, "name") ? jstr(col, "name") : "?", jstr(rule, "name") ? jstr(rule, "name") : "?");
				if (!hn) {
					x->oom = 1;
					return;
				}
				dnat_rule(x, fw, pip, hn, rule, "ipProtocols", sc, deployed);
			}
		}
	}
	size_t listed = aza_json_len(aza_json_path(doc_of(x, pol), "properties.ruleCollectionGroups"));
	if ((size_t)groups < listed)
		dnat_unknown(x, fw, sc,
		             aza_arena__printf(&x->a, "%zu rule collection group%s of firewall policy %s %s not in the input", listed - (size_t)groups,
		                               listed - (size_t)groups == 1 ? "" : "s", pol->name, listed - (size_t)groups == 1 ? "is" : "are"));
}

static void firewalls(aza_expo *x)
{
	for (const aza_res *fw = aza_inv_first(x->inv, T_FW); fw && !x->oom; fw = fw->next_of_type) {
		const aza_json *fp = aza_json_get(doc_of(x, fw), "properties");
		const char *pip = NULL;
		aza_json_each(ic, aza_json_get(fp, "ipConfigurations")) if (!pip) pip = jstr(props(ic), "publicIPAddress.id");
		fwscope sc;
		fw_scope(x, fp, &sc);
		int deployed = !aza_is_template(fw);
		/* A deployed firewall without properties: its DNAT rules, and
		 * its policy's, are not known (docs/snapshot.md), not none. */
		if (deployed && !aza_json_is(fp, AZA_JOBJ)) {
			dnat_unknown(x, fw, &sc, aza_arena__printf(&x->a, "it has no properties (its DNAT rules are not known)"));
			continue;
		}
		aza_json_each(col, aza_json_get(fp, "natRuleCollections")) {
			aza_json_each(rule, aza_json_get(props(col), "rules")) {
				const char *hn = aza_arena__printf(&x->a, "%s/%s/%s", fw->name, aza_json_str(aza_json_get(col, "name")) ? aza_json_str(aza_json_get(col, "name")) : "?",
				                                   aza_json_str(aza_json_get(rule, "name")) ? aza_json_str(aza_json_get(rule, "name")) : "?");
				if (!hn) {
					x->oom = 1;
					return;
				}
				dnat_rule(x, fw, pip, hn, rule, "protocols", &sc, deployed);
			}
		}
		const char *pol = jstr(fp, "firewallPolicy.id");
		if (pol)
			policy_dnat(x, fw, pip, pol, 0, &sc);
	}
}

/* Resource of a NIC: its VM when the input has it (named by the NIC's
 * virtualMachine.id, or naming the NIC in its networkProfile), else the
 * NIC itself: endpoints on a VM the input lacks would reach no finding. */
static void nic_owner(aza_expo *x, const aza_res *nic, const aza_json *nd, const char **id, const char **type, const char **name)
{
	const char *vm = jstr(nd, "properties.virtualMachine.id");
	*id = nic->id;
	*type = nic->type;
	*name = nic->name;
	const aza_res *r = vm && x->nvms ? aza_inv_find(x->inv, vm) : NULL;
	if (!r) {
		hent *e = ht_get(&x->nicvm, NULL, nic);
		r = e ? e->val : NULL;
	}
	if (!r)
		return;
	*id = r->id;
	*type = r->type;
	*name = r->name;
	if (!ht_get(&x->owners, nic->id, NULL) && !ht_put(&x->a, &x->owners, nic->id, NULL, (void *)r->id))
		x->oom = 1;
}

/* Does an IP configuration need its record from the start: a public IP
 * of its own, or a pool, NAT rule or gateway pool that names it from the
 * NIC's side? The others are read when something names them (ipc_by_id,
 * ip_find): in a tenant most NICs have no public frontend, and their
 * records were most of the model (some 150 MB at 1M resources). */
/* Can an IP configuration's settings be read? Resource Manager returns
 * each with its properties, the Azure CLI flattens them: either way it
 * names its subnet or private IP allocation. One that names nothing (an
 * export trimmed of its properties) may hold a public IP. */
static int ipc_readable(const aza_json *ic)
{
	const aza_json *p = props(ic);
	static const char *const any[] = {"subnet", "privateIPAllocationMethod", "privateIPAddress", "publicIPAddress",
	                                  "provisioningState"};
	if (!aza_json_is(p, AZA_JOBJ))
		return 0;
	for (size_t k = 0; k < sizeof any / sizeof any[0]; k++)
		if (aza_json_get(p, any[k]))
			return 1;
	return 0;
}

static int ipc_wanted(const aza_json *ic)
{
	const aza_json *p = props(ic);
	/* One that cannot be read is read with its NIC, which records the gap
	 * (nic_read). */
	if (!ipc_readable(ic))
		return 1;
	static const char *const refs[] = {"publicIPAddress", "loadBalancerBackendAddressPools", "loadBalancerInboundNatRules",
	                                   "loadBalancerInboundNatPools", "applicationGatewayBackendAddressPools"};
	for (size_t k = 0; k < sizeof refs / sizeof refs[0]; k++) {
		const aza_json *v = aza_json_get(p, refs[k]);
		if (v && !aza_json_is(v, AZA_JNULL) && !(aza_json_is(v, AZA_JARR) && !aza_json_len(v)))
			return 1;
	}
	return 0;
}

/* The IP configurations of a NIC configuration (np, its properties) of a
 * scale set's model or a VM's networkInterfaceConfigurations, as NIC nid
 * of owner. A configuration without any, or with one whose settings
 * cannot be read (ipc_readable), leaves owner's exposure unknown. */
static void cfg_read(aza_expo *x, const aza_json *np, const char *nid, const aza_res *owner)
{
	const aza_json *ics = aza_json_get(np, "ipConfigurations");
	if (!aza_json_is(ics, AZA_JARR) || !aza_json_len(ics))
		gap(x, owner->id, aza_arena__printf(&x->a, "NIC configuration %s has no readable ipConfigurations", aza_last_seg(nid)));
	aza_json_each(ic, ics) {
		ipc *c = ipc_add(x, ic, nid, keep(x, jstr(np, "networkSecurityGroup.id")), owner->id, owner->type, owner->name, 1);
		if (c)
			c->note = touched_note(x);
		if (!ipc_readable(ic))
			gap(x, owner->id, aza_arena__printf(&x->a, "NIC configuration %s has an IP configuration without readable properties "
			                                           "(whether it has a public IP is not known)", aza_last_seg(nid)));
	}
}

/* Read a NIC's IP configurations into the model; lazy: only when one of
 * them is wanted (ipc_wanted) or the NIC is a template resource (whose
 * notes depend on the order values are read in). */
static void nic_read(aza_expo *x, const aza_res *nic, int lazy)
{
	if (ht_get(&x->nics, NULL, nic))
		return;
	/* Template values not known yet are only in documents without text
	 * (template resources): only then is the unknown-value record reset. */
	if (!nic->text)
		aza_json__touch_reset();
	aza_arena_mark dm = aza_arena__mark(&x->d);
	const aza_json *nd = doc_tmp(x, nic);
	const aza_json *ics = aza_json_path(nd, "properties.ipConfigurations");
	if (lazy && nic->text) {
		int any = 0, want = 0;
		aza_json_each(ic, ics) {
			any = 1;
			want |= ipc_wanted(ic);
		}
		if (any && !want) {
			aza_arena__reset(&x->d, dm);
			return;
		}
	}
	const char *id, *type, *name;
	nic_owner(x, nic, nd, &id, &type, &name);
	const char *nsg = keep(x, jstr(nd, "properties.networkSecurityGroup.id"));
	const char *nn = nic->text ? NULL : touched_note(x);
	ipc *newest = NULL;
	unsigned made = 0;
	const char *unread = NULL;
	aza_json_each(ic, ics) {
		ipc *c = ipc_add(x, ic, nic->id, nsg, id, type, name, 0);
		const char *tn = nic->text ? NULL : touched_note(x);
		if (c) {
			c->note = tn ? tn : nn;
			newest = c;
			made++;
		}
		/* Resource Manager returns every IP configuration with its
		 * properties: one without them (a trimmed export) may hold the
		 * public IP the others do not. */
		if (!unread && !ipc_readable(ic))
			unread = aza_arena__printf(&x->a, "NIC %s has an IP configuration without readable properties (whether it has a "
			                                  "public IP is not known)", nic->name);
	}
	if (!newest && nd)
		gap(x, id, aza_json_get(nd, "properties") ? aza_arena__printf(&x->a, "NIC %s has no readable ipConfigurations", nic->name)
		                                          : aza_arena__printf(&x->a, "NIC %s has no properties (its IP configurations are not known)", nic->name));
	else if (unread)
		gap(x, id, unread);
	/* ip_find walks a NIC's records from its newest (x->all order). */
	if (newest)
		newest->nic_n = made;
	if (!ht_put(&x->a, &x->nics, NULL, nic, newest))
		x->oom = 1;
	aza_arena__reset(&x->d, dm);
}

static ipc *ipc_lookup(aza_expo *x, const char *id, uint64_t hv)
{
	for (hent *e = x->ipcs.b[hv & (x->ipcs.nb - 1)]; e; e = e->next) {
		const ipc *c = e->val;
		if (e->h == hv && (c->id ? aza__strieq(c->id, id) : ipc_id_eq_parts(c->nic_id, c->name, id)))
			return e->val;
	}
	return NULL;
}

/* An IP configuration by id; its NIC is read now if it was not (nic_read). */
static ipc *ipc_by_id(aza_expo *x, const char *id)
{
	if (!id || !x->ipcs.b)
		return NULL;
	uint64_t hv = ht_hash(id, NULL);
	ipc *c = ipc_lookup(x, id, hv);
	const char *cut = c ? NULL : aza__istrstr(id, IPC_SEP);
	for (const char *more; cut && (more = aza__istrstr(cut + 1, IPC_SEP));)
		cut = more;
	if (!cut)
		return c;
	aza_arena_mark m = aza_arena__mark(&x->t);
	const char *nid = aza_arena__strndup(&x->t, id, (size_t)(cut - id));
	const aza_res *nic = nid ? aza_inv_find(x->inv, nid) : NULL;
	aza_arena__reset(&x->t, m);
	if (!nid)
		x->oom = 1;
	if (nic && !nic->pseudo && aza__strieq(nic->type, T_NIC)) {
		nic_read(x, nic, 0); /* nothing when it was read */
		c = ipc_lookup(x, id, hv);
	}
	return c;
}

static int ep_cmp(const void *a, const void *b)
{
	const aza_expo_endpoint *x = a, *y = b;
	int c = aza__stricmp(x->resource_id, y->resource_id);
	if (c)
		return c;
	c = strcmp(x->via, y->via);
	if (!c)
		c = strcmp(x->frontend, y->frontend);
	if (!c)
		c = strcmp(x->nic_id, y->nic_id);
	return c ? c : strcmp(x->ip_config, y->ip_config);
}

int aza_expo__build(aza_inv *inv, aza_expo **out)
{
	*out = NULL;
	aza_expo *x = aza__malloc(sizeof *x);
	if (!x)
		return AZA_ENOMEM;
	memset(x, 0, sizeof *x);
	aza_arena__init(&x->a);
	aza_arena__init(&x->t);
	aza_arena__init(&x->d);
	aza_arena__init(&x->c);
	x->epoch = 1;
	x->cache_max = EXPO_CACHE_MAX;
	const char *cm = getenv("AZAUDIT_EXPO_CACHE"); /* tests: a small bound empties it often */
	if (cm && *cm)
		x->cache_max = strtoull(cm, NULL, 10);
	x->inv = inv;
	x->nvms = aza_inv_count(inv, T_VM);
	/* Small tables that grow with what they hold: most NICs and NSGs of a
	 * tenant never get into the model (nic_read). */
	if (ht_init(&x->nsgs, 1024) || ht_init(&x->subnets, 1024) || ht_init(&x->ipcs, 1024) ||
	    ht_init(&x->members, 1024) || ht_init(&x->views, 1024) || ht_init(&x->pairs, 1024) ||
	    ht_init(&x->eps, 1024) || ht_init(&x->gaps, 256) ||
	    ht_init(&x->docs, 1024) || ht_init(&x->strs, 1024) || ht_init(&x->pips, 1024) ||
	    ht_init(&x->assumes, 64) || ht_init(&x->bounds, 64) || ht_init(&x->nsgbounds, 64) || ht_init(&x->nics, 1024) || ht_init(&x->nicvm, 1024) ||
	    ht_init(&x->owners, 1024)) {
		aza_expo__free(x);
		return AZA_ENOMEM;
	}
	/* VMs: the NICs they name (read before the NICs, whose owner they
	 * may be: nic_owner), and NICs the input does not hold */
	for (const aza_res *vm = aza_inv_first(inv, T_VM); vm && !x->oom; vm = vm->next_of_type) {
		aza_arena_mark dm = aza_arena__mark(&x->d);
		const aza_json *vd = doc_tmp(x, vm);
		const aza_json *np = aza_json_path(vd, "properties.networkProfile");
		if (!aza_json_get(vd, "properties") || !np) {
			if (!np && aza_json_get(vd, "properties"))
				gap(x, vm->id, "networkProfile is absent: the VM's network interfaces are not known");
			aza_arena__reset(&x->d, dm);
			continue;
		}
		/* VMs that declare networkInterfaceConfigurations (flexible
		 * orchestration, or templates) get NICs created from them: when
		 * none of the VM's NICs is in the input, the configurations are the
		 * model (like a scale set's: NSG, subnet, pools, public IP config). */
		const aza_json *cfgs = aza_json_get(np, "networkInterfaceConfigurations");
		size_t found = 0;
		aza_json_each(ni, aza_json_get(np, "networkInterfaces")) {
			const char *nid = aza_json_str(aza_json_get(ni, "id"));
			const aza_res *nr = nid ? aza_inv_find(inv, nid) : NULL;
			found += nr != NULL;
			/* The VM names its NICs: in a template that is the only tie
			 * (a NIC's virtualMachine.id is filled at deployment). */
			if (nr && !ht_get(&x->nicvm, NULL, nr) && !ht_put(&x->a, &x->nicvm, NULL, nr, (void *)vm))
				x->oom = 1;
		}
		/* Every VM has a network interface (Resource Manager's GET names
		 * it in networkInterfaces): a deployed VM whose networkProfile
		 * names none, and declares no configuration to make one, is a
		 * trimmed export, not a VM without a public IP. */
		if (!aza_json_len(cfgs) && !aza_json_len(aza_json_get(np, "networkInterfaces")) && !aza_is_template(vm))
			gap(x, vm->id, "networkProfile names no network interface: the VM's network interfaces are not known");
		if (aza_json_len(cfgs) && !found) {
			aza_json__touch_reset();
			aza_json_each(nc, cfgs) {
				const aza_json *ncp = props(nc);
				const char *cname = aza_json_str(aza_json_get(nc, "name"));
				const char *nid = aza_arena__printf(&x->a, "%s/networkInterfaceConfigurations/%s", vm->id, cname ? cname : "?");
				if (!nid) {
					x->oom = 1;
					break;
				}
				cfg_read(x, ncp, nid, vm);
			}
		} else {
			aza_json_each(ni, aza_json_get(np, "networkInterfaces")) {
				const char *nid = aza_json_str(aza_json_get(ni, "id"));
				if (nid && !aza_inv_find(inv, nid))
					gap(x, vm->id, aza_arena__printf(&x->a, "network interface %s is not in the input", aza_last_seg(nid)));
			}
		}
		aza_arena__reset(&x->d, dm);
	}
	/* NICs */
	for (const aza_res *nic = aza_inv_first(inv, T_NIC); nic && !x->oom; nic = nic->next_of_type)
		if (!nic->pseudo)
			nic_read(x, nic, 1);
	/* Scale sets */
	for (const aza_res *ss = aza_inv_first(inv, T_VMSS); ss && !x->oom; ss = ss->next_of_type) {
		aza_json__touch_reset();
		aza_arena_mark dm = aza_arena__mark(&x->d);
		aza_json_each(nc, aza_json_path(doc_tmp(x, ss), "properties.virtualMachineProfile.networkProfile.networkInterfaceConfigurations")) {
			const aza_json *np = props(nc);
			const char *cname = aza_json_str(aza_json_get(nc, "name"));
			const char *nid = aza_arena__printf(&x->a, "%s/networkInterfaceConfigurations/%s", ss->id, cname ? cname : "?");
			if (!nid) {
				x->oom = 1;
				break;
			}
			cfg_read(x, np, nid, ss);
		}
		aza_arena__reset(&x->d, dm);
	}
	/* LB pools whose load balancer is not in the input */
	for (size_t b = 0; b < x->members.nb && !x->oom; b++)
		for (hent *e = x->members.b[b]; e; e = e->next) {
			const char *lbcut = aza__istrstr(e->key, "/providers/Microsoft.Network/loadBalancers/");
			if (!lbcut)
				continue;
			const char *after = lbcut + strlen("/providers/Microsoft.Network/loadBalancers/");
			const char *sl = strchr(after, '/');
			char *lbid = sl ? aza_arena__strndup(&x->t, e->key, (size_t)(sl - e->key)) : NULL;
			const aza_res *lbr = lbid ? aza_inv_find(inv, lbid) : NULL;
			if (lbid && !lbr)
				for (member *m = e->val; m; m = m->next)
					gap(x, m->c->res_id, aza_arena__printf(&x->a, "load balancer %s is not in the input", aza_last_seg(lbid)));
			else if (lbr && !aza_is_template(lbr))
				lb_holds(x, lbr, e->key, e->val);
		}
	if (!x->oom)
		direct_pips(x);
	if (!x->oom)
		load_balancers(x);
	if (!x->oom)
		bastions(x);
	if (!x->oom)
		app_gateways(x);
	if (!x->oom)
		firewalls(x);
	aza_json__touch_reset();
	if (!x->oom) {
		x->out = aza__malloc((x->nep ? x->nep : 1) * sizeof *x->out);
		if (!x->out)
			x->oom = 1;
	}
	if (x->oom) {
		aza_expo__free(x);
		return AZA_ENOMEM;
	}
	for (size_t i = 0; i < x->nep && !x->oom; i++) {
		epb *b = &x->ep[i];
		x->out[i] = b->e;
		x->out[i].reach = b->r;
		x->out[i].nreach = b->n;
		if (!b->anote)
			continue;
		/* The reaches resting on the address are told apart by their
		 * array (aza_expo__certain); the note says why. */
		epassume *pa = aza_arena__alloc(&x->a, sizeof *pa);
		x->out[i].note = *b->e.note ? aza_arena__printf(&x->a, "%s; %s", b->e.note, b->anote) : b->anote;
		if (!pa || !x->out[i].note || !ht_put(&x->a, &x->assumes, NULL, b->r, pa)) {
			x->oom = 1;
			break;
		}
		*pa = (epassume){b->as, *b->e.note != 0};
	}
	if (x->oom) {
		aza_expo__free(x);
		return AZA_ENOMEM;
	}
	x->nout = x->nep;
	if (x->nout)
		qsort(x->out, x->nout, sizeof *x->out, ep_cmp);
	aza_arena__release(&x->t);
	aza_arena__init(&x->t);
	aza_arena__release(&x->d);
	aza_arena__init(&x->d);
	aza_docwin__release(&x->win);
	*out = x;
	return 0;
}

void aza_expo__free(aza_expo *x)
{
	if (!x)
		return;
	for (size_t b = 0; b < x->nsgs.nb; b++)
		for (hent *e = x->nsgs.b[b]; e; e = e->next)
			nsgent_free(e->val);
	for (size_t i = 0; i < x->nep; i++) {
		aza__free(x->ep[i].r);
		aza__free(x->ep[i].as);
	}
	aza__free(x->ep);
	aza__free(x->out);
	aza__free(x->gap_id);
	aza__free(x->gap_why);
	htab *hs[] = {&x->nsgs,  &x->subnets, &x->ipcs, &x->members, &x->views, &x->pairs,
	              &x->eps,   &x->ips,     &x->gaps, &x->docs,    &x->strs,  &x->pips, &x->assumes, &x->nics,
	              &x->nicvm, &x->owners, &x->bounds, &x->nsgbounds};
	for (size_t i = 0; i < sizeof hs / sizeof hs[0]; i++)
		aza__free(hs[i]->b);
	aza_arena__release(&x->a);
	aza_arena__release(&x->c);
	aza_arena__release(&x->t);
	aza_arena__release(&x->d);
	aza_docwin__release(&x->win);
	aza__free(x);
}

size_t aza_expo__count(const aza_expo *x)
{
	return x->nout;
}

const aza_expo_endpoint *aza_expo__at(const aza_expo *x, size_t i)
{
	return i < x->nout ? &x->out[i] : NULL;
}

size_t aza_expo__for(const aza_expo *x, const char *res_id, size_t *first)
{
	size_t lo = 0, hi = x->nout;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (aza__stricmp(x->out[mid].resource_id, res_id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	size_t n = 0;
	while (lo + n < x->nout && aza__strieq(x->out[lo + n].resource_id, res_id))
		n++;
	return n;
}

/* 1: reach k of e is reached only under the reading the note names. */
static int reach_assumed(const aza_expo *x, const aza_expo_endpoint *e, size_t k)
{
	hent *h = e->nreach ? ht_get(&x->assumes, NULL, e->reach) : NULL;
	return h && k < e->nreach && ((const epassume *)h->val)->as[k];
}

int aza_expo__certain(const aza_expo *x, const aza_expo_endpoint *e, size_t k)
{
	hent *h = e->nreach ? ht_get(&x->assumes, NULL, e->reach) : NULL;
	if (!h)
		return !*e->note;
	const epassume *pa = h->val;
	return !pa->other && k < e->nreach && !pa->as[k];
}

const char *aza_expo__bounds_for(const aza_expo *x, const char *res_id)
{
	hent *e = ht_get(&x->bounds, res_id, NULL);
	return e ? e->val : NULL;
}

const char *aza_expo__nsg_bounds(const aza_expo *x, const char *nsg_id)
{
	hent *e = nsg_id && *nsg_id ? ht_get(&x->nsgbounds, nsg_id, NULL) : NULL;
	return e ? e->val : NULL;
}

const char *aza_expo__gap_for(const aza_expo *x, const char *res_id)
{
	hent *e = ht_get(&x->gaps, res_id, NULL);
	return e ? e->val : NULL;
}

const char *aza_expo__nic_owner(const aza_expo *x, const char *nic_id)
{
	hent *e = ht_get(&x->owners, nic_id, NULL);
	return e ? e->val : NULL;
}

size_t aza_expo__bytes(const aza_expo *x)
{
	size_t n = x->a.used_total + x->c.used_total + x->cache_nsg;
	return n + x->nep * sizeof(epb) + x->nout * sizeof *x->out;
}

const aza_nsg *aza_expo__nsg(aza_ev *ev, const char *id)
{
	const aza_expo *x = aza_ev__scan(ev)->expo;
	hent *e = x ? ht_get(&x->nsgs, id, NULL) : NULL;
	const nsgent *n = e ? e->val : NULL;
	return n && n->ok && !n->note && !n->lower ? &n->g : NULL;
}

const aza_expo *aza_expo__of(aza_ev *ev)
{
	aza_scan *s = aza_ev__scan(ev);
	if (!s->expo && aza_expo__build(s->inv, &s->expo))
		return NULL;
	return s->expo;
}

/* ------------------------------------------------------------- public API */

struct aza_exposure {
	int unused;
};

int aza_exposure_compute(aza_scan *s, const aza_exposure **out)
{
	*out = NULL;
	if (!s->expo) {
		int rc = aza_scan__finish(s);
		if (rc)
			return rc;
		if (aza_expo__build(s->inv, &s->expo))
			return aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	}
	s->expo_public = 1;
	*out = (const aza_exposure *)s->expo;
	return 0;
}

size_t aza_exposure_count(const aza_exposure *x)
{
	return aza_expo__count((const aza_expo *)x);
}

const aza_expo_endpoint *aza_exposure_at(const aza_exposure *x, size_t i)
{
	return aza_expo__at((const aza_expo *)x, i);
}

const char *aza_exposure_gap(const aza_exposure *xx, size_t i, const char **reason)
{
	const aza_expo *x = (const aza_expo *)xx;
	if (i >= x->ngap)
		return NULL;
	*reason = x->gap_why[i];
	return x->gap_id[i];
}

static void ports_txt(aza_buf *b, unsigned lo, unsigned hi)
{
	if (lo == hi)
		aza_buf__printf(b, "%u", lo);
	else
		aza_buf__printf(b, "%u-%u", lo, hi);
}

static void write_text(const aza_expo *x, aza_buf *b)
{
	size_t nexp = 0;
	for (size_t i = 0; i < x->nout; i++)
		nexp += x->out[i].nreach > 0;
	aza_buf__printf(b, "Internet exposure: %zu endpoint%s reachable, %zu public frontend%s closed\n", nexp, nexp == 1 ? "" : "s",
	                x->nout - nexp, x->nout - nexp == 1 ? "" : "s");
	for (size_t i = 0; i < x->nout; i++) {
		const aza_expo_endpoint *e = &x->out[i];
		aza_buf__printf(b, "\n%s (%s)", e->resource_name, aza_last_seg(e->resource_type));
		if (*e->ip_config)
			aza_buf__printf(b, " ip configuration %s%s%s%s", e->ip_config, *e->private_ip ? " [" : "", e->private_ip,
			                *e->private_ip ? "]" : "");
		aza_buf__printf(b, "\n  via %s %s\n", e->via, e->frontend);
		if (!e->nreach)
			aza_buf__adds(b, "  nothing reachable\n");
		for (size_t k = 0; k < e->nreach; k++) {
			const aza_expo_reach *r = &e->reach[k];
			aza_buf__printf(b, "  %s ", r->protocol);
			if (strcmp(r->protocol, "TCP") && strcmp(r->protocol, "UDP"))
				aza_buf__adds(b, "(no ports)");
			else {
				ports_txt(b, r->port_lo, r->port_hi);
				if (r->front_lo != r->port_lo || r->front_hi != r->port_hi) {
					aza_buf__adds(b, " (frontend ");
					ports_txt(b, r->front_lo, r->front_hi);
					aza_buf__adds(b, ")");
				}
			}
			if (r->any_source)
				aza_buf__adds(b, " from any internet address");
			else if (r->sources_v4 >= 0)
				aza_buf__printf(b, " from %s%.0f IPv4 address%s and %.0f IPv6 /64%s", r->wide ? "" : "allow-listed sources: ",
				                r->sources_v4, r->sources_v4 == 1 ? "" : "es", r->sources_v6, r->sources_v6 == 1 ? "" : "s");
			if (r->l7)
				aza_buf__adds(b, " through the gateway's HTTP(S) proxy");
			if (reach_assumed(x, e, k))
				aza_buf__adds(b, " (only under the reading in the note)");
			aza_buf__adds(b, "\n    path:");
			for (size_t h = 0; h < r->nhops; h++) {
				const aza_expo_hop *p = &r->hops[h];
				aza_buf__printf(b, "%s %s %s", h ? " ->" : "", p->kind, p->name);
				if (*p->rule && !p->priority)
					aza_buf__printf(b, " rule %s (priority not known)", p->rule);
				else if (*p->rule)
					aza_buf__printf(b, " rule %s (priority %d)", p->rule, p->priority);
				else if (!*p->id)
					aza_buf__adds(b, " (no NSG: allowed)");
			}
			aza_buf__adds(b, "\n");
		}
		if (*e->note)
			aza_buf__printf(b, "  note: %s\n", e->note);
	}
	for (size_t i = 0; i < x->ngap; i++)
		aza_buf__printf(b, "%snot evaluated: %s: %s\n", i ? "" : "\n", aza_last_seg(x->gap_id[i]), x->gap_why[i]);
}

typedef void (*strfn)(aza_buf *, const char *);

static void json_str_plain(aza_buf *b, const char *s)
{
	aza_buf__json_str(b, s ? s : "");
}

static void jkv(aza_buf *b, strfn str, const char *k, const char *v, int comma)
{
	aza_buf__printf(b, "%s\"%s\": ", comma ? ", " : "", k);
	str(b, v ? v : "");
}

void aza_expo__json_endpoints(const aza_expo *x, aza_buf *b, void (*str)(aza_buf *, const char *))
{
	if (!str)
		str = json_str_plain;
	aza_buf__adds(b, "[");
	for (size_t i = 0; i < x->nout; i++) {
		const aza_expo_endpoint *e = &x->out[i];
		aza_buf__adds(b, i ? ",\n  {" : "\n  {");
		jkv(b, str, "resource_id", e->resource_id, 0);
		jkv(b, str, "resource_type", e->resource_type, 1);
		jkv(b, str, "resource_name", e->resource_name, 1);
		jkv(b, str, "nic_id", e->nic_id, 1);
		jkv(b, str, "ip_configuration", e->ip_config, 1);
		jkv(b, str, "private_ip", e->private_ip, 1);
		jkv(b, str, "frontend_id", e->frontend_id, 1);
		jkv(b, str, "frontend", e->frontend, 1);
		jkv(b, str, "via", e->via, 1);
		jkv(b, str, "note", e->note, 1);
		aza_buf__adds(b, ", \"reach\": [");
		for (size_t k = 0; k < e->nreach; k++) {
			const aza_expo_reach *r = &e->reach[k];
			aza_buf__adds(b, k ? ", {" : "{");
			jkv(b, str, "protocol", r->protocol, 0);
			aza_buf__printf(b, ", \"ports\": [%u, %u], \"frontend_ports\": [%u, %u], \"sources_v4\": %.0f, \"sources_v6\": %.0f, \"any_source\": %s, \"wide\": %s, \"l7\": %s, \"path\": [",
			                r->port_lo, r->port_hi, r->front_lo, r->front_hi, r->sources_v4, r->sources_v6,
			                r->any_source ? "true" : "false", r->wide ? "true" : "false",
			                r->l7 ? "true" : "false");
			for (size_t h = 0; h < r->nhops; h++) {
				const aza_expo_hop *p = &r->hops[h];
				aza_buf__adds(b, h ? ", {" : "{");
				jkv(b, str, "kind", p->kind, 0);
				jkv(b, str, "id", p->id, 1);
				jkv(b, str, "name", p->name, 1);
				if (strstr(p->kind, "nsg")) {
					jkv(b, str, "rule", p->rule, 1);
					aza_buf__printf(b, ", \"priority\": %d", p->priority);
				}
				aza_buf__adds(b, "}");
			}
			aza_buf__adds(b, "]}");
		}
		aza_buf__adds(b, "]}");
	}
	aza_buf__adds(b, x->nout ? "\n]" : "]");
}

void aza_expo__json_gaps(const aza_expo *x, aza_buf *b, void (*str)(aza_buf *, const char *))
{
	if (!str)
		str = json_str_plain;
	aza_buf__adds(b, "[");
	for (size_t i = 0; i < x->ngap; i++) {
		aza_buf__adds(b, i ? ", {" : "{");
		jkv(b, str, "resource_id", x->gap_id[i], 0);
		jkv(b, str, "reason", x->gap_why[i], 1);
		aza_buf__adds(b, "}");
	}
	aza_buf__adds(b, "]");
}

static void write_json(const aza_expo *x, aza_buf *b)
{
	aza_buf__adds(b, "{\"endpoints\": ");
	aza_expo__json_endpoints(x, b, NULL);
	aza_buf__adds(b, ", \"not_evaluated\": ");
	aza_expo__json_gaps(x, b, NULL);
	aza_buf__adds(b, "}\n");
}

size_t aza_expo__ngaps(const aza_expo *x)
{
	return x->ngap;
}

/* The exposure rules: a report shows the model when one of them was selected. */
static const char *const expo_rule_ids[] = {"AZA-NET-027", "AZA-NET-028", "AZA-NET-029",
                                            "AZA-NET-030", "AZA-NET-031", "AZA-NET-032"};

int aza_expo__rule(const aza_rule *r)
{
	for (size_t i = 0; i < sizeof expo_rule_ids / sizeof expo_rule_ids[0]; i++)
		if (!strcmp(r->id, expo_rule_ids[i]))
			return 1;
	return 0;
}

int aza_expo__selected(const aza_scan *s)
{
	for (size_t i = 0; i < sizeof expo_rule_ids / sizeof expo_rule_ids[0]; i++) {
		const aza_rule *r = aza_rule_find(expo_rule_ids[i]);
		if (r && aza_scan__selected(s, r))
			return 1;
	}
	return 0;
}

const aza_expo *aza_expo__of_scan(aza_scan *s)
{
	if (s->expo)
		return s->expo;
	if (!s->ran)
		return NULL;
	if (!aza_expo__selected(s) || aza_expo__build(s->inv, &s->expo))
		return NULL;
	return s->expo;
}

int aza_exposure_write(const aza_exposure *xx, const char *format, FILE *fp)
{
	const aza_expo *x = (const aza_expo *)xx;
	int json = !strcmp(format, "json");
	if (!json && strcmp(format, "text"))
		return AZA_EUSAGE;
	aza_buf b;
	aza_buf__init(&b, (size_t)1 << 34);
	if (json)
		write_json(x, &b);
	else
		write_text(x, &b);
	int rc = b.oom ? AZA_ENOMEM : (fwrite(b.p, 1, b.len, fp) == b.len ? 0 : AZA_EIO);
	aza_buf__release(&b);
	return rc;
}
