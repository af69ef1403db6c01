/*
 * scan.h - the scan object shared by the input side, the rule engine and the
 * reporters. A scan owns its inventory and its findings (one arena).
 */
#ifndef AZA_SCAN_H
#define AZA_SCAN_H

#include "input.h"
#include "inventory.h"
#include "template.h"

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
	aza_finding *f;
	size_t nf, capf;
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
/* Append a finding; strings must live in the inventory arena. */
int aza_scan__add(aza_scan *s, const aza_finding *f);
/* The rule engine: evaluate every selected rule. */
int aza_engine__run(aza_scan *s);
/* Finish the inventory once (the run and the exposure model both need it). */
int aza_scan__finish(aza_scan *s);
void aza_expo__free(struct aza_expo *x);

#endif
