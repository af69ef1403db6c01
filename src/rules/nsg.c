/*
 * nsg.c - the network security group evaluator (semantics in nsg.h).
 */
#include "nsg.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#define NSG_RULE_TYPE "Microsoft.Network/networkSecurityGroups/securityRules"
#define V4MAX 0xFFFFFFFFull
#define V6MAX 0xFFFFFFFFFFFFFFFFull

/* Address ranges that are not the internet. */
static const aza_nsg_span not_internet[] = {
	{0x00000000ull, 0x00FFFFFFull, 0}, /* 0.0.0.0/8 */
	{0x0A000000ull, 0x0AFFFFFFull, 0}, /* 10.0.0.0/8 */
	{0x64400000ull, 0x647FFFFFull, 0}, /* 100.64.0.0/10 */
	{0x7F000000ull, 0x7FFFFFFFull, 0}, /* 127.0.0.0/8 */
	{0xA9FE0000ull, 0xA9FEFFFFull, 0}, /* 169.254.0.0/16 */
	{0xAC100000ull, 0xAC1FFFFFull, 0}, /* 172.16.0.0/12 */
	{0xC0A80000ull, 0xC0A8FFFFull, 0}, /* 192.168.0.0/16 */
	{0xE0000000ull, 0xFFFFFFFFull, 0}, /* 224.0.0.0/3 */
	{0x0000000000000000ull, 0x1FFFFFFFFFFFFFFFull, 1}, /* below 2000::/3 */
	{0x4000000000000000ull, 0xFFFFFFFFFFFFFFFFull, 1}, /* above 2000::/3 */
};
#define N_NOT_INTERNET (sizeof not_internet / sizeof not_internet[0])

const char *aza_nsg_proto_name(unsigned proto)
{
	switch (proto) {
	case AZA_NSG_TCP: return "TCP";
	case AZA_NSG_UDP: return "UDP";
	case AZA_NSG_ICMP: return "ICMP";
	case AZA_NSG_OTHER: return "ESP/AH";
	default: return "any protocol";
	}
}

/* ---- parsing ---- */

typedef struct grow {
	void *p;
	size_t n, cap, size;
} grow;

static void *grow_add(aza_arena *a, grow *g)
{
	if (g->n == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 4;
		void *np = aza_arena__alloc(a, cap * g->size);
		if (!np)
			return NULL;
		if (g->n)
			memcpy(np, g->p, g->n * g->size);
		g->p = np;
		g->cap = cap;
	}
	return (char *)g->p + g->size * g->n++;
}

/* Families, as a bit set (rule masks, covers). */
#define FAM4 1u
#define FAM6 2u
#define FAM(v6) ((v6) ? FAM6 : FAM4)

/* One address prefix: 1 parsed into *sp, or into *all (a FAM* set: every
 * address of those families); 0 a tag. `*` and `Any` are both families; a
 * /0 is every address of its own family only (0.0.0.0/0 is IPv4, ::/0
 * IPv6), as Azure matches a prefix only against its own family. A bare
 * 0.0.0.0 is not documented: read so that neither reading can give a false
 * PASS (every IPv4 address in an Allow, the one host in a Deny). An IPv6
 * prefix longer than /64 is also written exactly into *fine (len 0 for any
 * other prefix): its span, the /64, holds more than it does. */
static int parse_prefix(const char *s, int allow, aza_nsg_span *sp, unsigned *all, aza_nsg_pfx6 *fine)
{
	char buf[64];
	*all = 0;
	fine->len = 0;
	if (!strcmp(s, "*") || aza__strieq(s, "Any")) {
		*all = FAM4 | FAM6;
		return 1;
	}
	if (!strcmp(s, "0.0.0.0") && allow) {
		*all = FAM4;
		return 1;
	}
	size_t l = strlen(s);
	if (l >= sizeof buf)
		return 0;
	memcpy(buf, s, l + 1);
	char *slash = strchr(buf, '/');
	long plen = -1;
	if (slash) {
		char *end;
		*slash = 0;
		plen = strtol(slash + 1, &end, 10);
		if (end == slash + 1 || *end || plen < 0)
			return 0;
	}
	unsigned char a[16];
	if (inet_pton(AF_INET, buf, a) == 1) {
		if (plen > 32)
			return 0;
		if (plen == 0) {
			*all = FAM4;
			return 1;
		}
		uint64_t v = ((uint64_t)a[0] << 24) | ((uint64_t)a[1] << 16) | ((uint64_t)a[2] << 8) | a[3];
		int bits = plen < 0 ? 32 : (int)plen;
		uint64_t host = bits == 32 ? 0 : ((1ull << (32 - bits)) - 1);
		sp->lo = v & ~host & V4MAX;
		sp->hi = sp->lo | host;
		sp->v6 = 0;
		return 1;
	}
	if (inet_pton(AF_INET6, buf, a) == 1) {
		if (plen > 128)
			return 0;
		if (plen == 0) {
			*all = FAM6;
			return 1;
		}
		uint64_t v = 0, low = 0;
		for (int i = 0; i < 8; i++) {
			v = (v << 8) | a[i];
			low = (low << 8) | a[8 + i];
		}
		int bits = plen < 0 || plen > 64 ? 64 : (int)plen;
		if (plen < 0 || plen > 64) {
			unsigned len = plen < 0 ? 128 : (unsigned)plen;
			*fine = (aza_nsg_pfx6){v, len == 128 ? low : low & ~((1ull << (128 - len)) - 1), len};
		}
		uint64_t host = bits == 64 ? 0 : ((1ull << (64 - bits)) - 1);
		sp->lo = v & ~host;
		sp->hi = sp->lo | host;
		sp->v6 = 1;
		return 1;
	}
	return 0;
}

int aza_nsg__pfx6_holds(const aza_nsg_pfx6 *p, uint64_t hi, uint64_t lo)
{
	return hi == p->hi && (p->len == 128 ? lo == p->lo : (lo >> (128 - p->len)) == (p->lo >> (128 - p->len)));
}

int aza_nsg__pfx6_in(const aza_nsg_pfx6 *q, const aza_nsg_pfx6 *p)
{
	return q->len >= p->len && aza_nsg__pfx6_holds(p, q->hi, q->lo);
}

int aza_nsg__prefix(const char *s, aza_nsg_span *sp)
{
	unsigned full;
	aza_nsg_pfx6 fine;
	if (!parse_prefix(s, 0, sp, &full, &fine) || full == (FAM4 | FAM6))
		return 0;
	if (full)
		*sp = (aza_nsg_span){0, full == FAM6 ? V6MAX : V4MAX, (unsigned char)(full == FAM6)};
	return 1;
}

/* Add the whole space of each family in fam. */
static int add_all(aza_arena *a, grow *g, unsigned fam)
{
	for (int v6 = 0; v6 < 2; v6++) {
		if (!(fam & FAM(v6)))
			continue;
		aza_nsg_span *s = grow_add(a, g);
		if (!s)
			return -1;
		*s = (aza_nsg_span){0, v6 ? V6MAX : V4MAX, (unsigned char)v6};
	}
	return 0;
}

/* The AzureCloud service tag, or a regional one (AzureCloud.westeurope). */
static int is_azure_cloud(const char *s)
{
	return aza__strieq(s, "AzureCloud") || (aza__istarts(s, "AzureCloud.") && s[11]);
}

/* Shaped like a service tag ("VirtualNetwork", "Storage.WestEurope",
 * "AzureFrontDoor.Backend"): a letter, then letters, digits, '.', '-' or
 * '_'. There is no list of tags to check against (new ones appear), so
 * the shape is what separates a tag from a typo or a broken prefix. */
static int tag_shaped(const char *s)
{
	if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')))
		return 0;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '.' ||
		      *s == '-' || *s == '_'))
			return 0;
	return 1;
}

/* The members of a rule's properties that parse_rule reads, looked up in one
 * pass (aza_json__members); each is taken where it is read. */
enum {
	F_DIRECTION,
	F_ACCESS,
	F_PRIORITY,
	F_PROTOCOL,
	F_DPORT,
	F_DPORTS,
	F_SPORT,
	F_SPORTS,
	F_SPREFIX, /* the source side: prefix, prefixes, ASGs (parse_side) */
	F_SPREFIXES,
	F_SASGS,
	F_DPREFIX, /* the destination side, in the same order */
	F_DPREFIXES,
	F_DASGS,
	F_N
};
static const char *const rule_keys[F_N] = {
	"direction",
	"access",
	"priority",
	"protocol",
	"destinationPortRange",
	"destinationPortRanges",
	"sourcePortRange",
	"sourcePortRanges",
	"sourceAddressPrefix",
	"sourceAddressPrefixes",
	"sourceApplicationSecurityGroups",
	"destinationAddressPrefix",
	"destinationAddressPrefixes",
	"destinationApplicationSecurityGroups",
};

/* Read an address side: the source (src 1) or the destination, from its
 * members of p m[0..2] (AddressPrefix, AddressPrefixes,
 * ApplicationSecurityGroups). Returns 0, 1 (no prefix at all), -1 out
 * of memory, -2 not a string, -3 neither a prefix nor tag-shaped (*bad
 * gets it). */
/* Store a parsed side (sources, or destinations with their tags, long
 * IPv6 prefixes and the families held whole) in r. */
static void set_side(aza_nsg_rule *r, int src, const grow *spans, const grow *toks, const grow *fines, unsigned all)
{
	if (src) {
		r->src = spans->p;
		r->nsrc = spans->n;
		return;
	}
	r->dst = spans->p;
	r->ndst = spans->n;
	r->dtok = toks->p;
	r->ndtok = toks->n;
	r->dst6 = fines->p;
	r->ndst6 = fines->n;
	r->dst_full = all;
	r->dst_all = all == (FAM4 | FAM6);
}

static int parse_side(aza_arena *a, const aza_json *p, const aza_json *const *m, int src, aza_nsg_rule *r,
                      aza_buf *text, const char **bad)
{
	grow spans = {.size = sizeof(aza_nsg_span)};
	grow toks = {.size = sizeof(const char *)};
	grow fines = {.size = sizeof(aza_nsg_pfx6)};
	int any = 0;
	unsigned all = 0;
	const aza_json *lists[2];
	lists[0] = aza_json__take(p, m[0]);
	lists[1] = aza_json__take(p, m[1]);
	for (int k = 0; k < 2; k++) {
		const aza_json *v = lists[k];
		if (!v || aza_json_is(v, AZA_JNULL))
			continue;
		int single = aza_json_is(v, AZA_JSTR);
		if (!single && !aza_json_is(v, AZA_JARR))
			return -2;
		for (const aza_json *it = single ? v : v->u.child; it; it = single ? NULL : it->next) {
			const char *s = aza_json_str(it);
			if (!s)
				return -2;
			if (!*s)
				continue;
			any = 1;
			if (text && src) {
				if (text->len)
					aza_buf__adds(text, ", ");
				aza_buf__adds(text, s);
			}
			aza_nsg_span sp;
			unsigned full;
			aza_nsg_pfx6 fine;
			if (parse_prefix(s, r->allow, &sp, &full, &fine)) {
				if (fine.len && !src) {
					/* kept exactly: its /64 would cover other hosts */
					aza_nsg_pfx6 *f = grow_add(a, &fines);
					if (!f)
						return -1;
					*f = fine;
				} else if (fine.len && !r->allow) {
					/* A Deny source narrower than a /64: sources are
					 * counted in /64s and the rest of this one is still
					 * internet, so it removes none (never more than it
					 * covers: that would hide what a later Allow admits). */
				} else if (full) {
					all |= full;
					if (add_all(a, &spans, full))
						return -1;
				} else {
					aza_nsg_span *d = grow_add(a, &spans);
					if (!d)
						return -1;
					*d = sp;
				}
			} else if (!tag_shaped(s)) {
				/* Read as a tag it would admit (or deny) nothing:
				 * a silent PASS for "Internet " with a space. */
				*bad = s;
				return -3;
			} else if (src && aza__strieq(s, "Internet")) {
				if (add_all(a, &spans, FAM4 | FAM6))
					return -1;
			} else {
				if (src && is_azure_cloud(s))
					r->azure_cloud = 1;
				/* A service tag: no internet address for a source; a
				 * symbolic destination compared by name. */
				const char **t = grow_add(a, &toks);
				if (!t || !(*t = aza_arena__strdup(a, s)))
					return -1;
			}
		}
	}
	aza_json_each(g, aza_json__take(p, m[2])) {
		const char *id = aza_json_str(aza_json_get(g, "id"));
		if (!id)
			continue;
		any = 1;
		if (text && src) {
			const char *nm = strrchr(id, '/');
			if (text->len)
				aza_buf__adds(text, ", ");
			aza_buf__printf(text, "ASG %s", nm ? nm + 1 : id);
		}
		const char **t = grow_add(a, &toks);
		if (!t || !(*t = aza_arena__strdup(a, id)))
			return -1;
	}
	set_side(r, src, &spans, &toks, &fines, all);
	return any ? 0 : 1;
}

/* A side that could not be read, widened to every address of both
 * families (a bound's reading, see aza_nsg_load_bound). */
static int side_all(aza_arena *a, aza_nsg_rule *r, int src)
{
	grow spans = {.size = sizeof(aza_nsg_span)}, none = {.size = sizeof(void *)};
	if (add_all(a, &spans, FAM4 | FAM6))
		return -1;
	set_side(r, src, &spans, &none, &none, FAM4 | FAM6);
	return 0;
}

/* "22", "20-30", "*" (or a JSON number). 0 on success. */
static int parse_port(const aza_json *v, uint32_t out[2])
{
	double d;
	if (aza_json_is(v, AZA_JNUM) && aza_json_num(v, &d) && d >= 0 && d <= 65535) {
		out[0] = out[1] = (uint32_t)d;
		return 0;
	}
	const char *s = aza_json_str(v);
	if (!s)
		return -1;
	if (!strcmp(s, "*") || aza__strieq(s, "Any")) {
		out[0] = 0;
		out[1] = 65535;
		return 0;
	}
	char *end;
	long a = strtol(s, &end, 10), b = a;
	if (end == s)
		return -1;
	if (*end == '-') {
		const char *q = end + 1;
		b = strtol(q, &end, 10);
		if (end == q)
			return -1;
	}
	if (*end || a < 0 || b > 65535 || a > b)
		return -1;
	out[0] = (uint32_t)a;
	out[1] = (uint32_t)b;
	return 0;
}

static const char *rule_name(const aza_json *item)
{
	const char *n = aza_json_str(aza_json_get(item, "name"));
	if (n) {
		const char *sl = strrchr(n, '/');
		return sl ? sl + 1 : n;
	}
	const char *id = aza_json_str(aza_json_get(item, "id"));
	if (id && strrchr(id, '/'))
		return strrchr(id, '/') + 1;
	return "(unnamed)";
}

/* Parse one rule item; keys is rule_keys, prepared. Returns 0 (inbound,
 * added), 1 (skipped: outbound), -1 with n->error set. */
static int parse_rule(aza_nsg *n, grow *rules, const aza_jkeys *keys, const aza_json *item)
{
	aza_arena *a = &n->a;
	const char *name = rule_name(item);
	const aza_json *p = aza_json_get(item, "properties");
	if (!aza_json_is(p, AZA_JOBJ))
		p = item; /* flattened (CLI output) */
	const aza_json *f[F_N];
	aza_json__members(p, keys, f);
#define BAD(...) do { n->error = aza_arena__printf(a, __VA_ARGS__); return -1; } while (0)
	/* A value that cannot be read: an error, or, for a bound's reading
	 * (n->bound), the widest value (the rule then matches more), noted
	 * once in n->uncertain. Whether the rule then allows or denies is
	 * settled at the end. */
	int unsure = 0, acc_known = 1;
#define UNSURE(...) do { \
		if (!n->bound) \
			BAD(__VA_ARGS__); \
		if (!n->uncertain) \
			n->uncertain = aza_arena__printf(a, __VA_ARGS__); \
		unsure = 1; \
	} while (0)
	const char *dir = aza_json_str(aza_json__take(p, f[F_DIRECTION]));
	if (dir && aza__strieq(dir, "Outbound"))
		return 1;
	if (!dir)
		UNSURE("rule %s has no direction", name);
	else if (!aza__strieq(dir, "Inbound"))
		UNSURE("rule %s has an unknown direction '%s'", name, dir);
	aza_nsg_rule *r = grow_add(a, rules);
	if (!r)
		BAD("out of memory");
	memset(r, 0, sizeof *r);
	r->name = aza_arena__strdup(a, name);
	const char *acc = aza_json_str(aza_json__take(p, f[F_ACCESS]));
	if (acc && aza__strieq(acc, "Allow"))
		r->allow = 1;
	else if (!acc || !aza__strieq(acc, "Deny")) {
		UNSURE("rule %s has %s access", name, acc ? "an unknown" : "no");
		acc_known = 0;
		/* Read as the bound needs it: the Allow it may be for the upper
		 * bound, the Deny for the lower (which sides mean). */
		r->allow = n->bound == AZA_NSG_UPPER;
	}
	double pr;
	if (!aza_json_is(aza_json__take(p, f[F_PRIORITY]), AZA_JNUM) ||
	    !aza_json_num(aza_json__take(p, f[F_PRIORITY]), &pr)) {
		UNSURE("rule %s has no numeric priority", name);
		/* Before every rule of known priority (100 to 4096), each its own
		 * (a tie would be read as inconsistent data). */
		pr = -1.0 - (double)rules->n;
	}
	r->priority = (int)pr;
	const char *proto = aza_json_str(aza_json__take(p, f[F_PROTOCOL]));
	if (!proto) {
		UNSURE("rule %s has no protocol", name);
		r->protos = AZA_NSG_ANY;
	} else if (aza__strieq(proto, "Tcp"))
		r->protos = AZA_NSG_TCP;
	else if (aza__strieq(proto, "Udp"))
		r->protos = AZA_NSG_UDP;
	else if (aza__strieq(proto, "Icmp"))
		r->protos = AZA_NSG_ICMP;
	else if (aza__strieq(proto, "Esp") || aza__strieq(proto, "Ah"))
		r->protos = AZA_NSG_OTHER;
	else if (!strcmp(proto, "*") || aza__strieq(proto, "Any") || aza__strieq(proto, "Asterisk"))
		r->protos = AZA_NSG_ANY;
	else {
		UNSURE("rule %s has an unknown protocol '%s'", name, proto);
		r->protos = AZA_NSG_ANY;
	}
	/* destination ports */
	grow ports = {.size = sizeof(uint32_t[2])};
	const aza_json *one = aza_json__take(p, f[F_DPORT]);
	const aza_json *many = aza_json__take(p, f[F_DPORTS]);
	int all_ports = 0;
	if (one && !aza_json_is(one, AZA_JNULL)) {
		uint32_t *d = grow_add(a, &ports);
		if (!d)
			BAD("out of memory");
		if (parse_port(one, d)) {
			UNSURE("rule %s has an unreadable destinationPortRange", name);
			all_ports = 1;
		}
	}
	if (many && !aza_json_is(many, AZA_JNULL) && !aza_json_is(many, AZA_JARR)) {
		UNSURE("rule %s: destinationPortRanges is not an array", name);
		all_ports = 1;
	}
	if (aza_json_is(many, AZA_JARR))
		aza_json_each(it, many) {
			uint32_t *d = grow_add(a, &ports);
			if (!d)
				BAD("out of memory");
			if (parse_port(it, d)) {
				UNSURE("rule %s has an unreadable destinationPortRanges entry", name);
				all_ports = 1;
			}
		}
	if (!ports.n && !all_ports) {
		UNSURE("rule %s has no destination port", name);
		all_ports = 1;
	}
	if (all_ports) {
		uint32_t *d = ports.n ? ports.p : grow_add(a, &ports);
		if (!d)
			BAD("out of memory");
		d[0] = 0;
		d[1] = 65535;
		ports.n = 1;
	}
	r->ports = ports.p;
	r->nports = ports.n;
	/* Source ports: the client picks its own, so an Allow limited to some
	 * source ports still admits anyone, and a Deny limited to some is
	 * evaded by using another: it shadows nothing and is skipped. */
	if (!r->allow) {
		uint32_t sp[2];
		int every = 1;
		const aza_json *sone = aza_json__take(p, f[F_SPORT]);
		const aza_json *smany = aza_json__take(p, f[F_SPORTS]);
		/* An unreadable source port: the Deny may apply to every port
		 * (the lower bound's reading; the upper drops the Deny). */
		int sport_unsure = 0;
		if (smany && !aza_json_is(smany, AZA_JNULL) && !aza_json_is(smany, AZA_JARR)) {
			UNSURE("rule %s: sourcePortRanges is not an array", name);
			sport_unsure = 1;
		}
		if (sone && !aza_json_is(sone, AZA_JNULL)) {
			if (parse_port(sone, sp)) {
				UNSURE("rule %s has an unreadable sourcePortRange", name);
				sport_unsure = 1;
			} else
				every = sp[0] == 0 && sp[1] == 65535;
		}
		if (aza_json_is(smany, AZA_JARR) && smany->u.child) {
			/* a list covers every port only when its ranges join up */
			uint32_t cover = 0;
			int grew = 1;
			while (grew && cover <= 65535) {
				grew = 0;
				aza_json_each(it, smany) {
					if (parse_port(it, sp)) {
						UNSURE("rule %s has an unreadable sourcePortRanges entry", name);
						sport_unsure = 1;
						continue;
					}
					if (sp[0] <= cover && sp[1] + 1 > cover) {
						cover = sp[1] + 1;
						grew = 1;
					}
				}
			}
			if (!(sone && !aza_json_is(sone, AZA_JNULL) && every))
				every = cover > 65535;
		}
		if (sport_unsure)
			every = 1;
		if (!every) {
			rules->n--; /* drop the Deny just added */
			return 1;
		}
	}
	/* addresses */
	aza_buf text;
	aza_buf__init(&text, 512);
	const char *bad = NULL;
	int k = parse_side(a, p, &f[F_SPREFIX], 1, r, &text, &bad);
	r->source = text.oom ? "(sources)" : aza_arena__strdup(a, text.len ? text.p : "");
	aza_buf__release(&text);
	if (k == -1)
		BAD("out of memory");
	if (k == -2)
		UNSURE("rule %s has an unreadable source address prefix", name);
	if (k == -3)
		UNSURE("rule %s has source '%s', neither an address prefix nor a service tag", name, bad);
	if (k == 1)
		UNSURE("rule %s has no source", name);
	if (k && (side_all(a, r, 1) || !(r->source = aza_arena__strdup(a, "(a source not known)"))))
		BAD("out of memory");
	k = parse_side(a, p, &f[F_DPREFIX], 0, r, NULL, &bad);
	if (k == -1)
		BAD("out of memory");
	if (k == -2)
		UNSURE("rule %s has an unreadable destination address prefix", name);
	if (k == -3)
		UNSURE("rule %s has destination '%s', neither an address prefix nor a service tag", name, bad);
	if (k == 1)
		UNSURE("rule %s has no destination", name);
	if (k && side_all(a, r, 0))
		BAD("out of memory");
	/* A packet's source and destination are of one family: sources of a
	 * family the destination holds no address of never match. */
	unsigned fam = r->dst_full | (r->ndtok ? FAM4 | FAM6 : 0) | (r->ndst6 ? FAM6 : 0);
	for (size_t i = 0; i < r->ndst; i++)
		fam |= FAM(r->dst[i].v6);
	size_t keep = 0;
	for (size_t i = 0; i < r->nsrc; i++)
		if (fam & FAM(r->src[i].v6))
			r->src[keep++] = r->src[i];
	r->nsrc = keep;
	if (!r->name || !r->source)
		BAD("out of memory");
	/* An uncertain rule, widened: the upper bound keeps it as the Allow
	 * it may be, the lower as the Deny it may be; one whose access is
	 * known to be the other way is left out of that bound. */
	if (unsure && acc_known && r->allow != (n->bound == AZA_NSG_UPPER)) {
		rules->n--;
		return 1;
	}
#undef UNSURE
#undef BAD
	return 0;
}

static int internet_sources(aza_arena *a, aza_nsg_rule *r);

static int by_priority(const void *a, const void *b)
{
	const aza_nsg_rule *x = a, *y = b;
	if (x->priority != y->priority)
		return (x->priority > y->priority) - (x->priority < y->priority);
	return (x->order > y->order) - (x->order < y->order);
}

#define A8(x) (((x) + 7) & ~(size_t)7)

static size_t str_size(const char *s)
{
	return s ? A8(strlen(s) + 1) : 0;
}

/* Copy src's n elements of size sz into a (NULL for none). */
static void *copy_arr(aza_arena *a, const void *src, size_t n, size_t sz, int *oom)
{
	if (!n || !src)
		return NULL;
	void *d = aza_arena__alloc(a, n * sz);
	if (!d)
		*oom = 1;
	else
		memcpy(d, src, n * sz);
	return d;
}

static const char *copy_str(aza_arena *a, const char *s, int *oom)
{
	if (!s)
		return NULL;
	const char *d = aza_arena__strdup(a, s);
	if (!d)
		*oom = 1;
	return d;
}

int aza_nsg__compact(aza_nsg *n)
{
	size_t sz = A8(n->n * sizeof *n->rules);
	for (size_t i = 0; i < n->n; i++) {
		const aza_nsg_rule *r = &n->rules[i];
		sz += A8(r->nports * sizeof *r->ports) + A8(r->nsrc * sizeof *r->src) + A8(r->ndst * sizeof *r->dst) +
		      A8(r->ndst6 * sizeof *r->dst6) + A8(r->ndtok * sizeof *r->dtok) + A8(r->ninet * sizeof *r->inet) +
		      str_size(r->name) + str_size(r->source);
		for (size_t k = 0; k < r->ndtok; k++)
			sz += str_size(r->dtok[k]);
	}
	aza_arena b;
	aza_arena__init(&b);
	b.chunk_min = sz ? sz : 8;
	int oom = 0;
	aza_nsg_rule *rules = copy_arr(&b, n->rules, n->n, sizeof *n->rules, &oom);
	for (size_t i = 0; i < n->n && !oom; i++) {
		aza_nsg_rule *r = &rules[i];
		const aza_nsg_rule *o = &n->rules[i];
		r->name = copy_str(&b, o->name, &oom);
		r->source = copy_str(&b, o->source, &oom);
		r->ports = copy_arr(&b, o->ports, o->nports, sizeof *o->ports, &oom);
		r->src = copy_arr(&b, o->src, o->nsrc, sizeof *o->src, &oom);
		r->dst = copy_arr(&b, o->dst, o->ndst, sizeof *o->dst, &oom);
		r->dst6 = copy_arr(&b, o->dst6, o->ndst6, sizeof *o->dst6, &oom);
		r->inet = copy_arr(&b, o->inet, o->ninet, sizeof *o->inet, &oom);
		r->dtok = copy_arr(&b, o->dtok, o->ndtok, sizeof *o->dtok, &oom);
		for (size_t k = 0; k < o->ndtok && !oom; k++)
			r->dtok[k] = copy_str(&b, o->dtok[k], &oom);
	}
	if (oom) {
		aza_arena__release(&b);
		return -1;
	}
	aza_arena__release(&n->a);
	n->a = b;
	n->rules = rules;
	return 0;
}

/* Could two rules of one priority decide a packet differently? */
static int tie_matters(const aza_nsg_rule *x, const aza_nsg_rule *y)
{
	if (x->allow == y->allow || !(x->protos & y->protos))
		return 0;
	/* ICMP and ESP/AH have no ports (Azure stores "*") */
	if (!((x->protos & y->protos) & (AZA_NSG_TCP | AZA_NSG_UDP)))
		return 1;
	for (size_t a = 0; a < x->nports; a++)
		for (size_t b = 0; b < y->nports; b++)
			if (x->ports[a][0] <= y->ports[b][1] && y->ports[b][0] <= x->ports[a][1])
				return 1;
	return 0;
}

static int same_spans(const aza_nsg_span *a, const aza_nsg_span *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i].lo != b[i].lo || a[i].hi != b[i].hi || a[i].v6 != b[i].v6)
			return 0;
	return 1;
}

/* Do two parsed rules (NULL: none kept, as for an outbound rule) decide
 * inbound internet traffic alike? */
static int same_rule(const aza_nsg_rule *x, const aza_nsg_rule *y)
{
	if (!x || !y)
		return x == y;
	if (x->allow != y->allow || x->priority != y->priority || x->protos != y->protos || x->nports != y->nports ||
	    x->nsrc != y->nsrc || x->ndst != y->ndst || x->ndst6 != y->ndst6 || x->ndtok != y->ndtok ||
	    x->dst_all != y->dst_all || x->dst_full != y->dst_full || x->azure_cloud != y->azure_cloud)
		return 0;
	for (size_t i = 0; i < x->nports; i++)
		if (x->ports[i][0] != y->ports[i][0] || x->ports[i][1] != y->ports[i][1])
			return 0;
	if (!same_spans(x->src, y->src, x->nsrc) || !same_spans(x->dst, y->dst, x->ndst))
		return 0;
	for (size_t i = 0; i < x->ndst6; i++)
		if (x->dst6[i].hi != y->dst6[i].hi || x->dst6[i].lo != y->dst6[i].lo || x->dst6[i].len != y->dst6[i].len)
			return 0;
	for (size_t i = 0; i < x->ndtok; i++)
		if (!aza__strieq(x->dtok[i], y->dtok[i]))
			return 0;
	return 1;
}

int aza_nsg_load_json(aza_inv *inv, const char *id, const aza_json *doc, aza_nsg *n, int *rules_seen)
{
	return aza_nsg_load_bound(inv, id, doc, n, rules_seen, 0);
}

int aza_nsg_load_bound(aza_inv *inv, const char *id, const aza_json *doc, aza_nsg *n, int *rules_seen, int bound)
{
	memset(n, 0, sizeof *n);
	n->bound = bound;
	aza_arena__init(&n->a);
	grow rules = {.size = sizeof(aza_nsg_rule)};
	int seen = 0;
	aza_jkeys keys;
	aza_json__keys_init(&keys, rule_keys, F_N);
	const aza_json *emb = aza_json_path(doc, "properties.securityRules");
	if (emb && !aza_json_is(emb, AZA_JNULL)) {
		if (!aza_json_is(emb, AZA_JARR)) {
			n->error = "securityRules is not an array";
			return -1;
		}
		seen = 1;
		aza_json_each(it, emb) if (parse_rule(n, &rules, &keys, it) < 0) return -1;
	}
	size_t nemb = rules.n;
	/* Child rule resources may be stored as text: parse each into a scratch
	 * arena (parse_rule copies what it keeps). */
	aza_arena scratch;
	aza_arena__init(&scratch);
	for (const aza_res *c = inv && id ? aza_inv_child(inv, id, NSG_RULE_TYPE) : NULL; c; c = aza_inv_next_child(c, id)) {
		seen = 1;
		const aza_json *cd = aza_inv__doc(inv, c, &scratch, NULL);
		const char *nm = rule_name(cd);
		int dup = 0;
		size_t emb_at = nemb;
		for (size_t i = 0; i < nemb; i++)
			if (aza__strieq(((aza_nsg_rule *)rules.p)[i].name, nm))
				dup = 1, emb_at = i;
		if (!dup && emb && aza_json_is(emb, AZA_JARR))
			aza_json_each(it, emb) if (aza__strieq(rule_name(it), nm)) dup = 1;
		size_t before = rules.n;
		if (parse_rule(n, &rules, &keys, cd) < 0) {
			aza_arena__release(&scratch);
			return -1;
		}
		if (!dup)
			continue;
		/* The same rule as an embedded one (an NSG's GET embeds its
		 * rules): read once. Read differently (an inbound Allow in one, a
		 * Deny or an outbound rule in the other), the two were read at
		 * different times, or a template's child resource rewrites the
		 * embedded rule: which one applies is not known. */
		aza_nsg_rule *rs = rules.p;
		int same = same_rule(emb_at < nemb ? &rs[emb_at] : NULL, rules.n > before ? &rs[before] : NULL);
		rules.n = before;
		if (!same) {
			n->error = aza_arena__printf(&n->a, "rule %s differs between the NSG's securityRules and its child resource: "
			                                    "which one applies is not known", nm);
			if (!n->error)
				n->error = "out of memory";
			aza_arena__release(&scratch);
			return -1;
		}
	}
	aza_arena__release(&scratch);
	n->rules = rules.p;
	n->n = rules.n;
	for (size_t i = 0; i < n->n; i++)
		n->rules[i].order = (unsigned)i;
	if (n->n)
		qsort(n->rules, n->n, sizeof *n->rules, by_priority);
	/* Azure rejects two rules of one priority in one direction: with both
	 * in the input, which one decides is unknown. That matters when they
	 * could decide the same packet differently (an Allow and a Deny on a
	 * common protocol and port); otherwise no verdict follows input order. */
	for (size_t i = 0; i < n->n; i++)
		for (size_t j = i + 1; j < n->n && n->rules[j].priority == n->rules[i].priority; j++)
			if (tie_matters(&n->rules[i], &n->rules[j])) {
				n->error = aza_arena__printf(&n->a, "rules %s and %s share priority %d: inconsistent data",
				                             n->rules[i].name, n->rules[j].name, n->rules[i].priority);
				if (!n->error)
					n->error = "out of memory";
				return -1;
			}
	for (size_t i = 0; i < n->n; i++)
		if (n->rules[i].allow && internet_sources(&n->a, &n->rules[i])) {
			n->error = "out of memory";
			return -1;
		}
	if (rules_seen)
		*rules_seen = seen;
	return 0;
}

int aza_nsg_load(aza_ev *ev, const aza_res *res, aza_nsg *n, int *rules_seen)
{
	return aza_nsg_load_json(aza_ev_inv(ev), res->id, aza_doc(ev, res), n, rules_seen);
}

int aza_nsg_load_bounds(aza_inv *inv, const char *id, const aza_json *doc, aza_nsg *lo, aza_nsg *hi)
{
	/* Both loaded (and so both freed) whatever the first gives. */
	int lrc = aza_nsg_load_bound(inv, id, doc, lo, NULL, AZA_NSG_LOWER);
	int hrc = aza_nsg_load_bound(inv, id, doc, hi, NULL, AZA_NSG_UPPER);
	if (!lrc && !hrc && (lo->uncertain || hi->uncertain))
		return 0;
	aza_nsg_free(lo);
	aza_nsg_free(hi);
	return -1;
}

void aza_nsg_free(aza_nsg *n)
{
	aza_arena__release(&n->a);
	memset(n, 0, sizeof *n);
}

/* ---- interval sets ---- */

/* out = in minus cut; out has room for n + 1. Returns the new count. */
static size_t cut_one(const aza_nsg_span *in, size_t n, aza_nsg_span cut, aza_nsg_span *out)
{
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		aza_nsg_span s = in[i];
		if (s.v6 != cut.v6 || s.hi < cut.lo || s.lo > cut.hi) {
			out[m++] = s;
			continue;
		}
		if (s.lo < cut.lo)
			out[m++] = (aza_nsg_span){s.lo, cut.lo - 1, s.v6};
		if (s.hi > cut.hi)
			out[m++] = (aza_nsg_span){cut.hi + 1, s.hi, s.v6};
	}
	return m;
}

static int span_cmp(const void *a, const void *b)
{
	const aza_nsg_span *x = a, *y = b;
	if (x->v6 != y->v6)
		return x->v6 - y->v6;
	return (x->lo > y->lo) - (x->lo < y->lo);
}

size_t aza_nsg__span_norm(aza_nsg_span *s, size_t n)
{
	if (!n)
		return 0;
	qsort(s, n, sizeof *s, span_cmp);
	size_t m = 0;
	for (size_t i = 1; i < n; i++) {
		if (s[i].v6 == s[m].v6 && (s[m].hi == (s[m].v6 ? V6MAX : V4MAX) || s[i].lo <= s[m].hi + 1)) {
			if (s[i].hi > s[m].hi)
				s[m].hi = s[i].hi;
		} else {
			s[++m] = s[i];
		}
	}
	return m + 1;
}

/* Subtract every span of `cuts` of the families in fam from (buf, *n),
 * ping-ponging with tmp. */
static aza_nsg_span *cut_fam(aza_nsg_span *buf, aza_nsg_span *tmp, size_t *n, const aza_nsg_span *cuts, size_t ncuts,
                             unsigned fam)
{
	for (size_t i = 0; i < ncuts && *n; i++) {
		if (!(fam & FAM(cuts[i].v6)))
			continue;
		*n = cut_one(buf, *n, cuts[i], tmp);
		aza_nsg_span *t = buf;
		buf = tmp;
		tmp = t;
	}
	return buf;
}

static aza_nsg_span *cut_all(aza_nsg_span *buf, aza_nsg_span *tmp, size_t *n, const aza_nsg_span *cuts, size_t ncuts)
{
	return cut_fam(buf, tmp, n, cuts, ncuts, FAM4 | FAM6);
}

/* Set r->inet from r->src. Room: each cut splits at most one span. 0, or -1
 * out of memory. */
static int internet_sources(aza_arena *a, aza_nsg_rule *r)
{
	size_t ns = r->nsrc, cap = ns + N_NOT_INTERNET + 2;
	if (!ns)
		return 0;
	aza_nsg_span *b1 = aza_arena__alloc(a, cap * sizeof *b1), *b2 = aza_arena__alloc(a, cap * sizeof *b2);
	if (!b1 || !b2)
		return -1;
	memcpy(b1, r->src, ns * sizeof *b1);
	ns = aza_nsg__span_norm(b1, ns);
	r->inet = cut_all(b1, b2, &ns, not_internet, N_NOT_INTERNET);
	r->ninet = aza_nsg__span_norm(r->inet, ns);
	return 0;
}

static void count(const aza_nsg_span *s, size_t n, double *v4, double *v6)
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

/* The families (FAM*) in which D's destination covers A's. A tag or ASG
 * holds addresses of both families, so only a destination holding every
 * address of a family, or the same tags, covers it there. D's IPv6
 * prefixes longer than /64 cover only A's that lie inside one of them (a
 * Deny to one host of a /64 leaves the others open). */
static unsigned dst_covers(const aza_nsg_rule *d, const aza_nsg_rule *a, aza_nsg_span *buf, aza_nsg_span *tmp)
{
	unsigned cov = 0;
	for (int v6 = 0; v6 < 2; v6++) {
		unsigned f = FAM(v6);
		if (d->dst_all || (d->dst_full & f)) {
			cov |= f;
			continue;
		}
		if (a->dst_all || (a->dst_full & f))
			continue;
		int ok = 1;
		for (size_t i = 0; i < a->ndtok && ok; i++) {
			int found = 0;
			for (size_t j = 0; j < d->ndtok && !found; j++)
				found = aza__strieq(a->dtok[i], d->dtok[j]);
			ok = found;
		}
		for (size_t i = 0; i < a->ndst && ok; i++) {
			if (a->dst[i].v6 != v6)
				continue;
			size_t n = 1;
			buf[0] = a->dst[i];
			cut_all(buf, tmp, &n, d->dst, d->ndst);
			ok = !n;
		}
		for (size_t i = 0; v6 && i < a->ndst6 && ok; i++) {
			const aza_nsg_pfx6 *q = &a->dst6[i];
			int in = 0;
			for (size_t j = 0; j < d->ndst && !in; j++)
				in = d->dst[j].v6 && d->dst[j].lo <= q->hi && q->hi <= d->dst[j].hi;
			for (size_t j = 0; j < d->ndst6 && !in; j++)
				in = aza_nsg__pfx6_in(q, &d->dst6[j]);
			ok = in;
		}
		if (ok)
			cov |= f;
	}
	return cov;
}

/* The families present in a span set. */
static unsigned fams(const aza_nsg_span *s, size_t n)
{
	unsigned f = 0;
	for (size_t i = 0; i < n; i++)
		f |= FAM(s[i].v6);
	return f;
}

static int port_in(const aza_nsg_rule *r, uint32_t p)
{
	for (size_t i = 0; i < r->nports; i++)
		if (p >= r->ports[i][0] && p <= r->ports[i][1])
			return 1;
	return 0;
}

static int u32cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* Whole internet of both families in the sources of r? */
static int src_whole_internet(const aza_nsg_rule *r)
{
	aza_nsg_span in[N_NOT_INTERNET + 2], tmp[N_NOT_INTERNET + 2];
	size_t n = 0;
	for (int v6 = 0; v6 < 2; v6++)
		in[n++] = (aza_nsg_span){0, v6 ? V6MAX : V4MAX, (unsigned char)v6};
	aza_nsg_span *rest = cut_all(in, tmp, &n, not_internet, N_NOT_INTERNET);
	/* rest has at most 8 spans (the IPv4 internet's gaps and 2000::/3) */
	aza_nsg_span a[N_NOT_INTERNET + 2], b[N_NOT_INTERNET + 2];
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		a[m++] = rest[i];
	for (size_t i = 0; i < r->nsrc && m; i++) {
		if (m + 1 > sizeof a / sizeof a[0])
			return 0;
		m = cut_one(a, m, r->src[i], b);
		memcpy(a, b, m * sizeof *a);
	}
	return !m;
}

/* The first Allow from the AzureCloud tag on proto and [lo, hi] that no
 * single earlier Deny (from every internet address, on all those ports, to
 * its destination in both families) shadows; NULL when there is none. The
 * tag holds no internet address for the verdict (nsg.h); this is for the
 * message only. */
static const aza_nsg_rule *cloud_allow(const aza_nsg *n, unsigned proto, unsigned lo, unsigned hi)
{
	aza_nsg_span b1[64], b2[64];
	for (size_t i = 0; i < n->n; i++) {
		const aza_nsg_rule *A = &n->rules[i];
		if (!A->allow || !A->azure_cloud || !(A->protos & proto))
			continue;
		int touches = proto == AZA_NSG_ICMP || proto == AZA_NSG_OTHER;
		for (size_t k = 0; k < A->nports; k++)
			if (A->ports[k][0] <= hi && A->ports[k][1] >= lo)
				touches = 1;
		if (!touches)
			continue;
		int shadowed = 0;
		for (size_t j = 0; j < i && !shadowed; j++) {
			const aza_nsg_rule *D = &n->rules[j];
			if (D->allow || !(D->protos & proto) || (!D->azure_cloud && !src_whole_internet(D)))
				continue;
			if (A->ndst + D->ndst + 1 > sizeof b1 / sizeof b1[0] || dst_covers(D, A, b1, b2) != (FAM4 | FAM6))
				continue;
			int all = 1;
			for (size_t k = 0; k < A->nports && all && proto != AZA_NSG_ICMP && proto != AZA_NSG_OTHER; k++) {
				uint32_t a0 = A->ports[k][0] < lo ? lo : A->ports[k][0];
				uint32_t a1 = A->ports[k][1] > hi ? hi : A->ports[k][1];
				if (a0 > a1)
					continue;
				int in = 0;
				for (size_t q = 0; q < D->nports && !in; q++)
					in = D->ports[q][0] <= a0 && D->ports[q][1] >= a1;
				all = in;
			}
			shadowed = all;
		}
		if (!shadowed)
			return A;
	}
	return NULL;
}

/* Scratch for aza_nsg_exposed, in one allocation sized for any rule of n:
 * the Allow's internet sources, every earlier Deny's source spans and the
 * destination spans, one split per cut (b1, b2); port boundaries (bp); the
 * Denies that can shadow it and their families (ds, dfam). */
typedef struct scratch {
	void *mem;
	aza_nsg_span *b1, *b2;
	const aza_nsg_rule **ds;
	unsigned *dfam;
	uint32_t *bp;
} scratch;

static int scratch_init(scratch *w, const aza_nsg *n)
{
	size_t cap = N_NOT_INTERNET + 2, nb = 2;
	for (size_t j = 0; j < n->n; j++) {
		cap += n->rules[j].nsrc + n->rules[j].ndst + 1;
		nb += 2 * n->rules[j].nports;
	}
	size_t nr = n->n + 1;
	char *m = aza__malloc(2 * cap * sizeof *w->b1 + nr * sizeof *w->ds + nr * sizeof *w->dfam +
	                      (nb + 1) * sizeof *w->bp);
	if (!m)
		return -1;
	w->mem = m;
	w->b1 = (aza_nsg_span *)(void *)m;
	w->b2 = w->b1 + cap;
	w->ds = (const aza_nsg_rule **)(void *)(w->b2 + cap);
	w->dfam = (unsigned *)(void *)(w->ds + nr);
	w->bp = (uint32_t *)(void *)(w->dfam + nr);
	return 0;
}

/* The internet sources the narrow hits admit, gathered to judge their
 * union against the threshold (nsg.h). */
typedef struct acc {
	aza_nsg_span *s;
	size_t n, cap;
} acc;

static int acc_add(acc *c, const aza_nsg_span *s, size_t n)
{
	if (c->n + n > c->cap) {
		size_t cap = c->cap ? c->cap : 16;
		while (cap < c->n + n)
			cap *= 2;
		aza_nsg_span *p = aza__realloc(c->s, cap * sizeof *p);
		if (!p)
			return -1;
		c->s = p;
		c->cap = cap;
	}
	memcpy(c->s + c->n, s, n * sizeof *s);
	c->n += n;
	return 0;
}

int aza_nsg_exposed(const aza_nsg *n, unsigned proto, unsigned lo, unsigned hi, aza_nsg_result *res)
{
	memset(res, 0, sizeof *res);
	int rc = 0;
	scratch w = {0};
	acc sum = {0};
	unsigned sum_lo = hi, sum_hi = lo;
	size_t nrules = 0; /* every rule with a narrow hit, even past AZA_NSG_SUM_MAX */
	const aza_nsg_rule *last = NULL;
	for (size_t i = 0; i < n->n && rc < 2; i++) {
		const aza_nsg_rule *A = &n->rules[i];
		/* An Allow from no internet address decides no internet traffic. */
		if (!A->allow || !(A->protos & proto) || !A->ninet)
			continue;
		int touches = 0;
		for (size_t k = 0; k < A->nports; k++)
			if (A->ports[k][0] <= hi && A->ports[k][1] >= lo)
				touches = 1;
		if (!touches && proto != AZA_NSG_ICMP)
			continue;
		if (!w.mem && scratch_init(&w, n))
			return -1;
		aza_nsg_span *b1 = w.b1, *b2 = w.b2;
		uint32_t *bp = w.bp;
		const aza_nsg_rule **ds = w.ds;
		unsigned *dfam = w.dfam;
		const aza_nsg_span *s0 = A->inet;
		size_t ns = A->ninet;
		/* Earlier Denies that can shadow it. */
		size_t nd = 0;
		for (size_t j = 0; j < i && ns; j++) {
			const aza_nsg_rule *D = &n->rules[j];
			if (D->allow || !(D->protos & proto) || !D->nsrc)
				continue;
			/* A Deny shadows only in the families where it covers the
			 * Allow's destination (a Deny to 0.0.0.0/0 leaves IPv6). */
			unsigned cov = dst_covers(D, A, b1, b2);
			if (cov) {
				dfam[nd] = cov;
				ds[nd++] = D;
			}
		}
		/* Port segments: boundaries of the Allow's and the Denies' ranges. */
		size_t m = 0;
		int icmp = proto == AZA_NSG_ICMP;
		if (icmp) {
			bp[m++] = 0;
		} else {
			for (size_t k = 0; k < A->nports; k++) {
				uint32_t a0 = A->ports[k][0] < lo ? lo : A->ports[k][0];
				uint32_t a1 = A->ports[k][1] > hi ? hi : A->ports[k][1];
				if (a0 > a1)
					continue;
				bp[m++] = a0;
				bp[m++] = a1 + 1;
			}
			for (size_t j = 0; j < nd; j++)
				for (size_t k = 0; k < ds[j]->nports; k++) {
					bp[m++] = ds[j]->ports[k][0];
					bp[m++] = ds[j]->ports[k][1] + 1;
				}
			qsort(bp, m, sizeof *bp, u32cmp);
		}
		/* Unique boundaries; segment k is [bp[k], bp[k+1] - 1]. */
		size_t u = 0;
		for (size_t k = 0; k < m; k++)
			if (!u || bp[k] != bp[u - 1])
				bp[u++] = bp[k];
		if (icmp)
			bp[u++] = 1;
		int shadowed = ns > 0;
		for (size_t k = 0; k + 1 < u && ns && rc < 2; k++) {
			uint32_t seg_lo = bp[k], seg_hi = bp[k + 1] - 1;
			if (!icmp && (seg_lo < lo || seg_lo > hi || !port_in(A, seg_lo)))
				continue;
			size_t nr = ns;
			memcpy(b1, s0, ns * sizeof *b1);
			aza_nsg_span *R = b1, *T = b2;
			/* the Deny that took the last of each family, for messages */
			const aza_nsg_rule *took[2] = {NULL, NULL};
			unsigned have = fams(s0, ns);
			for (size_t j = 0; j < nd && nr; j++) {
				if (!icmp && !port_in(ds[j], seg_lo))
					continue;
				aza_nsg_span *out = cut_fam(R, T, &nr, ds[j]->src, ds[j]->nsrc, dfam[j]);
				T = out == R ? T : R;
				R = out;
				unsigned now = fams(R, nr);
				for (int v6 = 0; v6 < 2; v6++)
					if ((have & FAM(v6)) && !(now & FAM(v6)))
						took[v6] = ds[j];
				have = now;
			}
			if (!nr)
				continue;
			shadowed = 0;
			double v4, v6;
			count(R, nr, &v4, &v6);
			aza_nsg_hit h = {A, seg_lo, seg_hi, v4, v6, 0, 0, NULL};
			if (fams(s0, ns) == (FAM4 | FAM6) && have != (FAM4 | FAM6)) {
				h.only_v6 = have == FAM6;
				h.only_v4 = have == FAM4;
				h.other_denied = took[have == FAM4];
			}
			if (v4 >= AZA_NSG_WIDE_V4 || v6 >= AZA_NSG_WIDE_V6) {
				res->wide = h;
				rc = 2;
				continue;
			}
			if (!res->narrow.rule) {
				res->narrow = h;
				rc = 1;
			}
			if (acc_add(&sum, R, nr)) {
				rc = -1;
				break;
			}
			if (last != A) {
				if (nrules < AZA_NSG_SUM_MAX)
					res->sum[nrules] = A;
				nrules++;
				last = A;
			}
			if (seg_lo < sum_lo)
				sum_lo = seg_lo;
			if (seg_hi > sum_hi)
				sum_hi = seg_hi;
		}
		if (rc < 0)
			break;
		if (shadowed && !res->shadowed)
			res->shadowed = A;
	}
	aza__free(w.mem);
	/* Each Allow under the threshold, but together over it: one wide
	 * exposure (a /16 split into /17s is still a /16). */
	if (rc == 1) {
		double v4, v6;
		size_t m = aza_nsg__span_norm(sum.s, sum.n);
		count(sum.s, m, &v4, &v6);
		if (v4 >= AZA_NSG_WIDE_V4 || v6 >= AZA_NSG_WIDE_V6) {
			res->wide = (aza_nsg_hit){res->sum[0], sum_lo, sum_hi, v4, v6, 0, 0, NULL};
			res->nsum = nrules > AZA_NSG_SUM_MAX ? AZA_NSG_SUM_MAX : nrules;
			res->nsum_all = nrules;
			rc = 2;
		}
	}
	if (rc != 2 || !res->nsum) {
		memset(res->sum, 0, sizeof res->sum);
		res->nsum = res->nsum_all = 0;
	}
	aza__free(sum.s);
	if (rc >= 0)
		res->cloud = cloud_allow(n, proto, lo, hi);
	return rc;
}

double aza_nsg__public(const aza_nsg_span *sp)
{
	/* As an NSG rule's internet sources are found (internet_sources):
	 * each cut splits at most one span. */
	aza_nsg_span a[N_NOT_INTERNET + 2] = {*sp}, b[N_NOT_INTERNET + 2];
	size_t n = 1;
	double v4, v6;
	const aza_nsg_span *rest = cut_all(a, b, &n, not_internet, N_NOT_INTERNET);
	count(rest, n, &v4, &v6);
	return sp->v6 ? v6 : v4;
}

int aza_nsg__fw_open(const aza_nsg_span *sp)
{
	if (sp->lo == 0 && sp->hi == (sp->v6 ? UINT64_MAX : 0xffffffffu))
		return 2;
	return aza_nsg__public(sp) >= (sp->v6 ? AZA_NSG_WIDE_V6 : AZA_NSG_WIDE_V4);
}
