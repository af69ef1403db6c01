/*
 * scan.h - the scan object shared by the input side, the rule engine and the
 * reporters. A scan owns its inventory and its findings (one arena).
 */
#ifndef AZA_SCAN_H
#define AZA_SCAN_H

#include "input.h"
#include "inventory.h"
#include "findings.h"
#include "template.h"

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
	/* results: in the order rules made them, in catalogue order once the
	 * engine has sorted them (aza_fstore__sort) */
	aza_fstore l;
	aza_finding view[AZA_VIEWS]; /* aza_scan_finding's results */
	unsigned nview;
	double now; /* reference time, Unix seconds */
	int ran;
	int finished; /* the inventory was finished (by the run or the exposure model) */
	struct aza_expo *expo; /* internet exposure model, built on first use */
	int expo_public;       /* handed out by aza_exposure_compute: kept until aza_scan_free */
	struct aza_tmpl_hook tmpl;
	struct aza_tmpl_opts topts;
	struct aza_triage *triage; /* suppressions, baseline, framework (triage.c) */
	/* Strings the engine made for findings: messages in a store per
	 * thread (msgs.h, made on first use), template notes in an arena per
	 * thread; kept with the findings. */
	struct aza_msgs *msgs[2];
	aza_arena warena[2];
	unsigned long views; /* aza_scan__view calls, to let message pages go now and then */
};

int aza_scan__selected(const aza_scan *s, const aza_rule *r);
/* Append a finding and its extras (x, or NULL for none; f->x is ignored);
 * strings must live as long as the scan. */
int aza_scan__add(aza_scan *s, const aza_frec *f, const aza_fx *x);
/* The findings store failed (s->l.ioerr): record its error on the context
 * and return its code (AZA_EIO, else AZA_ENOMEM). */
int aza_scan__store_error(aza_scan *s);
/* The extras of finding i, made on first use; NULL when out of memory. */
aza_fx *aza_scan__fx(aza_scan *s, size_t i);
/* The record of finding i (i < s->l.nf), in catalogue order once sorted,
 * to read or to change (aza_scan__recw); valid as aza_fstore__get says.
 * The store pages records in and out: a const scan is still changed. */
static inline const aza_frec *aza_scan__rec(const aza_scan *s, size_t i)
{
	return aza_fstore__get((aza_fstore *)&s->l, i);
}
static inline aza_frec *aza_scan__recw(aza_scan *s, size_t i)
{
	return aza_fstore__getw(&s->l, i);
}
/* Evaluator k's message store (0 or 1), made on first use; NULL when out
 * of memory. */
struct aza_msgs *aza_scan__msgs(aza_scan *s, int k);
/* Fill *out with finding i (i < s->l.nf). */
void aza_scan__view(const aza_scan *s, size_t i, aza_finding *out);
/* The rule engine: evaluate every selected rule. */
int aza_engine__run(aza_scan *s);
/* Finish the inventory once (the run and the exposure model both need it). */
int aza_scan__finish(aza_scan *s);
void aza_expo__free(struct aza_expo *x);

#endif
