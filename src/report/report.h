/*
 * report.h - the reporter interface: one descriptor per output format.
 * Reporters write into a growable buffer; report.c owns writing it to a
 * stream or, atomically, to a file.
 */
#ifndef AZA_REPORT_H
#define AZA_REPORT_H

#include "../lib/scan.h"
#include "../rules/rule.h"

typedef struct aza_reporter {
	const char *name;
	const char *ext; /* file extension for --output-dir */
	int (*write)(aza_scan *s, const aza_report_opts *o, aza_buf *out);
} aza_reporter;

extern const aza_reporter aza_report_text;
extern const aza_reporter aza_report_json;

/* Is finding f shown under the options' status mask? */
int aza_report__shown(const aza_report_opts *o, const aza_finding *f);
/* Counts per status over the shown findings; per area when area >= 0. */
void aza_report__counts(aza_scan *s, const aza_report_opts *o, int area, size_t counts[AZA_STATUS_COUNT]);
/* Write the rule's CIS references as a JSON array of {version, id}. */
void aza_report__cis_json(aza_buf *b, const char *cis);
/* Write a space-separated list as a JSON array of strings. */
void aza_report__list_json(aza_buf *b, const char *list);

/* The rule's catalogue entry as a JSON object. */
void aza_report__rule_json(aza_buf *b, const aza_rule *r);

#endif
