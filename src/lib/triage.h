/*
 * triage.h - what a scan keeps for triage: the baseline's resolved findings
 * and the framework chosen for per-control reporting. Suppressions change
 * findings in place and keep their strings here.
 */
#ifndef AZA_TRIAGE_H
#define AZA_TRIAGE_H

#include "internal.h"

/* One control of a framework, after evaluation. */
typedef struct aza_fw_control {
	const char *id, *title, *section;
	const char *assessment; /* "automated" or "manual" */
	int level;              /* 0 when the framework has no levels */
	const char **rules;     /* rule ids */
	size_t nrules;
	aza_status status;      /* aggregated; AZA_STATUS_COUNT when no finding */
	size_t counts[AZA_STATUS_COUNT];
} aza_fw_control;

typedef struct aza_fw_gap {
	const char *id, *title, *reason;
} aza_fw_gap;

typedef struct aza_framework {
	const char *id, *title, *version, *source, *path;
	int partial;
	aza_fw_control *ctl;
	size_t nctl;
	aza_fw_gap *gap;
	size_t ngap;
} aza_framework;

struct aza_triage {
	aza_arena a;
	int has_baseline;
	aza_resolved *resolved;
	size_t nresolved;
	aza_framework *fw; /* NULL when none chosen */
};

void aza_triage__free(struct aza_triage *t);
/* The scan's framework with statuses aggregated from its findings, or NULL. */
const aza_framework *aza_triage__framework(aza_scan *s);
/* Read a whole file into b (limit max bytes); error on ctx. */
int aza_triage__read(aza_ctx *ctx, const char *path, size_t max, aza_buf *b);

#endif
