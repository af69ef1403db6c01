/*
 * findings.h - how findings are kept: 24-byte records, a side table of the
 * few extras, lists of them in memory (an evaluator's round) and the scan's
 * store, which moves them to a temporary file once they pass
 * aza__spill_at() bytes (findings.c).
 */
#ifndef AZA_FINDINGS_H
#define AZA_FINDINGS_H

#include <stdint.h>

#include "inventory.h"

/* A finding as the scan keeps it: 24 bytes where the public aza_finding is
 * 168 (a 1M-resource tenant has about 6M findings). The public struct is
 * made on access (aza_scan_finding) from the resource's inventory record,
 * which lives as long as the scan, and the rule table. What few findings
 * carry beyond that (template positions, triage reasons) is in a side
 * table, s->l.fx. */
typedef struct aza_frec {
	const aza_res *res;  /* what the verdict is about (a pseudo-resource for scopes) */
	const char *message;
	uint16_t rule;       /* index in the rule table */
	uint8_t status;      /* aza_status */
	uint8_t tri;         /* triage: FREC_SUPST bits, FREC_BASE bits */
	uint32_t x;          /* 1-based index of its extras in s->l.fx, 0 for none */
} aza_frec;

#define FREC_SUPST(f) ((aza_status)((f)->tri & 0x0f))              /* SUPPRESSED: what it replaced */
#define FREC_BASE(f) ((int)((f)->tri >> 4))                        /* AZA_BASELINE_* */
#define FREC_SET_SUPST(f, st) ((f)->tri = (uint8_t)(((f)->tri & 0xf0) | ((unsigned)(st) & 0x0f)))
#define FREC_SET_BASE(f, b) ((f)->tri = (uint8_t)(((f)->tri & 0x0f) | ((unsigned)(b) << 4)))

typedef struct aza_fx {
	unsigned long prop_line, prop_column;
	const char *prop_pointer;
	const char *suppressed_reason; /* inline template suppression */
	const char *suppress_reason, *suppress_owner, *suppress_expires;
} aza_fx;

/* A list of finding records and their extras (x indexes fx, 1-based): the
 * scan's, and the second evaluator's round before it joins the scan's. */
typedef struct aza_flist {
	aza_frec *f;
	size_t nf, capf;
	aza_fx *fx;
	size_t nfx, capfx;
} aza_flist;

/* Append f with extras x (NULL for none; f->x is ignored). -1 when out of
 * memory (nothing is reported: the caller knows its context). */
int aza_flist__add(aza_flist *l, const aza_frec *f, const aza_fx *x);
/* Extras for record k, made empty on first use; NULL when out of memory. */
aza_fx *aza_flist__fx(aza_flist *l, aza_frec *f);
void aza_flist__release(aza_flist *l);

/* The scan's findings. A 1M-resource tenant has about 6M findings (140 MB
 * of records): past two chunks of `per` records (64k, sized from
 * aza__spill_at()) the records live in an unlinked temporary file, of
 * which at most `max_resident` (2) chunks are in memory (least recently used goes first; a changed
 * chunk is written back). Records are read in long sequential runs (the
 * engine appends, the sort and the reports walk in order), so the page
 * cache serves them. Without a temporary file, or after a failed write,
 * everything stays in memory. Any failure of the store (a read, the sort's
 * writes, memory) sets `ioerr` for good (a failed read also gives the
 * `lost` record, an UNKNOWN saying so): the run and the reporters then
 * fail (aza_scan__store_error) rather than report what looks complete. */
typedef struct aza_fstore {
	size_t nf;           /* records */
	size_t per;          /* records per chunk, a power of two */
	unsigned shift;      /* log2(per): record i is in chunk i >> shift */
	struct aza_fchunk *ch;
	size_t nch, capch;
	size_t resident, max_resident;
	unsigned long tick;  /* for least recently used */
	int fd;              /* temporary file; -1 none yet, -2 none wanted or possible */
	int ioerr;           /* 0, or AZA_EIO / AZA_ENOMEM: a record may be lost */
	aza_frec lost, scratch;
	aza_fx *fx;          /* extras, as in aza_flist */
	size_t nfx, capfx;
} aza_fstore;

/* fallback is the resource the `lost` record names (the tenant). */
void aza_fstore__init(aza_fstore *st, const aza_res *fallback);
void aza_fstore__release(aza_fstore *st);
/* Append f with extras x (NULL for none); -1 (and ioerr) on failure. */
int aza_fstore__add(aza_fstore *st, const aza_frec *f, const aza_fx *x);
/* Record i (i < nf), to read, or to change (aza_fstore__getw). The pointer
 * is valid until the store is next used for another chunk: the last
 * max_resident (at least 2) chunks used stay put. */
const aza_frec *aza_fstore__get(aza_fstore *st, size_t i);
aza_frec *aza_fstore__getw(aza_fstore *st, size_t i);
/* Extras of record i, made empty on first use; NULL when out of memory. */
aza_fx *aza_fstore__fx(aza_fstore *st, size_t i);
/* Put the records in order of their rule (stable), rules 0..nrules-1:
 * the order the catalogue lists them. 0, or -1 with ioerr set. */
int aza_fstore__sort(aza_fstore *st, size_t nrules);

#endif
