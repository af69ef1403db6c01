/*
 * findings.c - lists of finding records, and the scan's store that pages
 * them to a temporary file (findings.h says which is used where).
 */
#include "findings.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#define FREC ((size_t)sizeof(aza_frec))

struct aza_fchunk {
	aza_frec *mem;        /* NULL while the chunk is only on the file */
	unsigned long used;   /* tick of its last use */
	unsigned char dirty;  /* mem differs from the file */
	unsigned char onfile; /* the file holds a copy */
};

/* Extras go to a table of their own (few findings have them); x is the
 * 1-based index a record keeps. */
static int fx_add(aza_fx **fx, size_t *n, size_t *cap, const aza_fx *x, uint32_t *idx)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 64;
		aza_fx *v = c < UINT32_MAX ? aza__realloc(*fx, c * sizeof *v) : NULL;
		if (!v)
			return -1;
		*fx = v;
		*cap = c;
	}
	(*fx)[(*n)++] = *x;
	*idx = (uint32_t)*n;
	return 0;
}

static aza_fx *fx_of(aza_fx **fx, size_t *n, size_t *cap, aza_frec *f)
{
	if (!f->x) {
		aza_fx z;
		memset(&z, 0, sizeof z);
		if (fx_add(fx, n, cap, &z, &f->x))
			return NULL;
	}
	return &(*fx)[f->x - 1];
}

/* ---------------------------------------------------------------- lists */

int aza_flist__add(aza_flist *l, const aza_frec *f, const aza_fx *x)
{
	if (l->nf == l->capf) {
		size_t cap = l->capf ? l->capf * 2 : 256;
		aza_frec *v = aza__realloc(l->f, cap * sizeof *v);
		if (!v)
			return -1;
		l->f = v;
		l->capf = cap;
	}
	aza_frec r = *f;
	r.x = 0;
	if (x && fx_add(&l->fx, &l->nfx, &l->capfx, x, &r.x))
		return -1;
	l->f[l->nf++] = r;
	return 0;
}

aza_fx *aza_flist__fx(aza_flist *l, aza_frec *f)
{
	return fx_of(&l->fx, &l->nfx, &l->capfx, f);
}

void aza_flist__release(aza_flist *l)
{
	aza__free(l->f);
	aza__free(l->fx);
	memset(l, 0, sizeof *l);
}

/* ---------------------------------------------------------------- store */

void aza_fstore__init(aza_fstore *st, const aza_res *fallback)
{
	memset(st, 0, sizeof *st);
	/* Chunks of 64k records (1.5 MiB), a few of them in memory; smaller
	 * under a small spill threshold (the test hook), so that small scans
	 * page too. */
	size_t at = aza__spill_at();
	size_t per = at / FREC / 4;
	per = per < 4 ? 4 : per > 65536 ? 65536 : per;
	/* A power of two: finding a record's chunk is a shift, not a division
	 * (the sort and the reports look up every record). */
	st->shift = 2;
	while (((size_t)2 << st->shift) <= per)
		st->shift++;
	st->per = (size_t)1 << st->shift;
	/* Two in memory: every walk over the records is in order (the engine
	 * appends, the sort, triage and the reports read front to back), so a
	 * record being read and the next chunk are all it needs. Five (the
	 * old 8 MiB) held 4.6 MB more at 100k bench resources in the same
	 * time, paired, at 100k and 1M. */
	st->max_resident = 2;
	st->fd = -1;
	st->lost.res = fallback;
	st->lost.message = "finding lost: the temporary findings store could not be read";
	st->lost.status = AZA_UNKNOWN;
}

void aza_fstore__release(aza_fstore *st)
{
	for (size_t k = 0; k < st->nch; k++)
		aza__free(st->ch[k].mem);
	aza__free(st->ch);
	aza__free(st->fx);
	if (st->fd >= 0)
		close(st->fd);
	st->ch = NULL;
	st->fx = NULL;
	st->nch = st->capch = st->nf = st->nfx = st->capfx = st->resident = 0;
	st->fd = -1;
}

/* The store failed: the first cause stays. -1. */
static int fail(aza_fstore *st, int err)
{
	if (!st->ioerr)
		st->ioerr = err;
	return -1;
}

static size_t chunk_len(const aza_fstore *st, size_t k)
{
	size_t first = k * st->per;
	return st->nf - first < st->per ? st->nf - first : st->per;
}

/* Before another chunk comes into memory: when max_resident are there,
 * the least recently used one but `keep` leaves (written back if changed)
 * and its buffer is returned for reuse; NULL means "allocate". The file is
 * made on the first spill; when it cannot be made or written, nothing
 * leaves memory from then on (nothing is lost, only memory is spent). */
static aza_frec *make_room(aza_fstore *st, size_t keep)
{
	if (st->resident < st->max_resident || st->fd == -2)
		return NULL;
	if (st->fd == -1 && (st->fd = aza__tmpfile("azaudit-findings")) < 0) {
		st->fd = -2;
		return NULL;
	}
	size_t v = SIZE_MAX;
	for (size_t k = 0; k < st->nch; k++)
		if (st->ch[k].mem && k != keep && (v == SIZE_MAX || st->ch[k].used < st->ch[v].used))
			v = k;
	if (v == SIZE_MAX)
		return NULL;
	struct aza_fchunk *c = &st->ch[v];
	if (c->dirty) {
		if (aza__file_io(st->fd, c->mem, chunk_len(st, v) * FREC, v * st->per * FREC, 1)) {
			st->max_resident = SIZE_MAX;
			return NULL;
		}
		c->dirty = 0;
		c->onfile = 1;
	}
	aza_frec *m = c->mem;
	c->mem = NULL;
	st->resident--;
	return m;
}

/* Chunk k in memory; NULL (and ioerr set) when it cannot be. */
static struct aza_fchunk *load(aza_fstore *st, size_t k)
{
	struct aza_fchunk *c = &st->ch[k];
	c->used = ++st->tick;
	if (c->mem)
		return c;
	aza_frec *m = make_room(st, k);
	if (!m && !(m = aza__malloc(st->per * FREC))) {
		fail(st, AZA_ENOMEM);
		return NULL;
	}
	if (c->onfile && aza__file_io(st->fd, m, chunk_len(st, k) * FREC, k * st->per * FREC, 0)) {
		aza__free(m);
		fail(st, AZA_EIO);
		return NULL;
	}
	c->mem = m;
	st->resident++;
	return c;
}

const aza_frec *aza_fstore__get(aza_fstore *st, size_t i)
{
	struct aza_fchunk *c = load(st, i >> st->shift);
	return c ? &c->mem[i & (st->per - 1)] : &st->lost;
}

aza_frec *aza_fstore__getw(aza_fstore *st, size_t i)
{
	struct aza_fchunk *c = load(st, i >> st->shift);
	if (!c) {
		st->scratch = st->lost; /* a change to a lost record goes nowhere */
		return &st->scratch;
	}
	c->dirty = 1;
	return &c->mem[i & (st->per - 1)];
}

aza_fx *aza_fstore__fx(aza_fstore *st, size_t i)
{
	return fx_of(&st->fx, &st->nfx, &st->capfx, aza_fstore__getw(st, i));
}

int aza_fstore__add(aza_fstore *st, const aza_frec *f, const aza_fx *x)
{
	size_t k = st->nf >> st->shift;
	if (k == st->nch) {
		if (st->nch == st->capch) {
			size_t cap = st->capch ? st->capch * 2 : 8;
			struct aza_fchunk *v = aza__realloc(st->ch, cap * sizeof *v);
			if (!v)
				return fail(st, AZA_ENOMEM);
			st->ch = v;
			st->capch = cap;
		}
		memset(&st->ch[k], 0, sizeof st->ch[k]);
		st->nch++;
	}
	struct aza_fchunk *c = load(st, k);
	if (!c)
		return -1;
	aza_frec r = *f;
	r.x = 0;
	if (x && fx_add(&st->fx, &st->nfx, &st->capfx, x, &r.x))
		return fail(st, AZA_ENOMEM);
	c->mem[st->nf & (st->per - 1)] = r;
	c->dirty = 1;
	st->nf++;
	return 0;
}

/* A rule's records on their way to their place in the sorted file: the
 * n buffered go just before the rule's next place. */
struct run {
	aza_frec *b;
	size_t n;
};

#define RUN 256

int aza_fstore__sort(aza_fstore *st, size_t nrules)
{
	if (st->nf < 2)
		return 0;
	size_t *next = aza__malloc((nrules + 1) * sizeof *next);
	if (!next)
		return fail(st, AZA_ENOMEM);
	memset(next, 0, (nrules + 1) * sizeof *next);
	/* Count each rule's records (a counting sort), and see whether they
	 * are in order already (a scan of one rule). */
	int sorted = 1;
	unsigned prev = 0;
	for (size_t i = 0; i < st->nf; i++) {
		unsigned r = aza_fstore__get(st, i)->rule;
		if (r >= nrules)
			r = (unsigned)nrules - 1;
		next[r + 1]++;
		sorted &= r >= prev;
		prev = r;
	}
	if (st->ioerr || sorted) {
		aza__free(next);
		return st->ioerr ? -1 : 0;
	}
	for (size_t k = 1; k <= nrules; k++)
		next[k] += next[k - 1];

	/* The sorted records go to a new store: a file of their own when the
	 * records were paged out (written a run of each rule at a time), else
	 * memory. */
	aza_fstore d = *st;
	d.ch = aza__malloc(st->nch * sizeof *d.ch);
	d.capch = d.nch = st->nch;
	d.resident = 0;
	d.fd = st->fd >= 0 ? aza__tmpfile("azaudit-findings") : -2;
	if (d.fd == -1)
		d.fd = -2;
	struct run *runs = d.fd >= 0 ? aza__malloc(nrules * sizeof *runs) : NULL;
	int rc = !d.ch || (d.fd >= 0 && !runs) ? AZA_ENOMEM : 0;
	if (d.ch)
		memset(d.ch, 0, d.nch * sizeof *d.ch);
	if (runs)
		memset(runs, 0, nrules * sizeof *runs);
	for (size_t k = 0; rc == 0 && k < d.nch; k++) {
		if (d.fd >= 0) {
			d.ch[k].onfile = 1;
		} else if ((d.ch[k].mem = aza__malloc(d.per * FREC))) {
			d.ch[k].dirty = 1;
			d.resident++;
		} else {
			rc = AZA_ENOMEM;
		}
	}
	if (d.fd < 0)
		d.max_resident = SIZE_MAX;
	for (size_t i = 0; rc == 0 && i < st->nf; i++) {
		aza_frec f = *aza_fstore__get(st, i);
		unsigned r = f.rule < nrules ? f.rule : (unsigned)nrules - 1;
		if (d.fd < 0) {
			size_t p = next[r]++;
			d.ch[p >> d.shift].mem[p & (d.per - 1)] = f;
			continue;
		}
		struct run *u = &runs[r];
		if (!u->b && !(u->b = aza__malloc(RUN * FREC))) {
			rc = AZA_ENOMEM;
			break;
		}
		u->b[u->n++] = f;
		next[r]++;
		if (u->n == RUN) {
			if (aza__file_io(d.fd, u->b, u->n * FREC, (next[r] - u->n) * FREC, 1))
				rc = AZA_EIO;
			u->n = 0;
		}
	}
	if (rc == 0)
		rc = st->ioerr;
	for (size_t r = 0; runs && r < nrules; r++) {
		if (rc == 0 && runs[r].n && aza__file_io(d.fd, runs[r].b, runs[r].n * FREC, (next[r] - runs[r].n) * FREC, 1))
			rc = AZA_EIO;
		aza__free(runs[r].b);
	}
	aza__free(runs);
	aza__free(next);
	if (rc) {
		if (d.ch)
			for (size_t k = 0; k < d.nch; k++)
				aza__free(d.ch[k].mem);
		aza__free(d.ch);
		if (d.fd >= 0)
			close(d.fd);
		return fail(st, rc);
	}
	/* The extras stay: records keep their index into them. */
	d.fx = st->fx;
	st->fx = NULL;
	aza_fstore__release(st);
	*st = d;
	return 0;
}
