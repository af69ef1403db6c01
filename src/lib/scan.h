/*
 * scan.h - the scan object shared by the input side, the rule engine and the
 * reporters. A scan owns its inventory and its findings (one arena).
 */
#ifndef AZA_SCAN_H
#define AZA_SCAN_H

#include "input.h"
#include "inventory.h"
#include "template.h"

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

/* How many aza_scan_finding results are valid at once (the API promises
 * one; a few more forgive `f(i)->a && f(i)->b`). */
#define AZA_VIEWS 4

struct aza_scan {
	aza_ctx *ctx;
	aza_inv *inv;
	/* selection */
	int max_level;
	aza_severity min_sev;
	char **rule_pats;
	size_t n_rule_pats;
	unsigned area_mask; /* 0 = all */
	/* results */
	aza_flist l;
	/* The findings in catalogue order: order[i] is the record of finding i
	 * (NULL until the engine has sorted, and for no findings). Records
	 * stay in the order rules made them: moving 24-byte records along a
	 * permutation's cycles misses the cache on nearly every step, while
	 * reading them through this index walks them in short strides. */
	uint32_t *order;
	aza_finding view[AZA_VIEWS]; /* aza_scan_finding's results */
	unsigned nview;
	double now; /* reference time, Unix seconds */
	int ran;
	int finished; /* the inventory was finished (by the run or the exposure model) */
	struct aza_expo *expo; /* internet exposure model, built on first use */
	struct aza_tmpl_hook tmpl;
	struct aza_tmpl_opts topts;
	struct aza_triage *triage; /* suppressions, baseline, framework (triage.c) */
	/* Strings the engine made for findings (template notes; the second
	 * thread's messages), one arena per thread, kept with the findings. */
	aza_jintern *wmsgs;
	aza_arena warena[2];
};

int aza_scan__selected(const aza_scan *s, const aza_rule *r);
/* Append a finding and its extras (x, or NULL for none; f->x is ignored);
 * strings must live as long as the scan. */
int aza_scan__add(aza_scan *s, const aza_frec *f, const aza_fx *x);
/* The extras of finding i, made on first use; NULL when out of memory. */
aza_fx *aza_scan__fx(aza_scan *s, size_t i);
/* The record of finding i (i < s->l.nf), in catalogue order once sorted. */
static inline aza_frec *aza_scan__rec(const aza_scan *s, size_t i)
{
	return &s->l.f[s->order ? s->order[i] : i];
}
/* Fill *out with finding i (i < s->l.nf). */
void aza_scan__view(const aza_scan *s, size_t i, aza_finding *out);
/* The rule engine: evaluate every selected rule. */
int aza_engine__run(aza_scan *s);
/* Finish the inventory once (the run and the exposure model both need it). */
int aza_scan__finish(aza_scan *s);
void aza_expo__free(struct aza_expo *x);

#endif
