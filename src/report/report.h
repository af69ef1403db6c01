/*
 * report.h - the reporter interface: one descriptor per output format.
 * Reporters write into a growable buffer; report.c owns writing it to a
 * stream or, atomically, to a file.
 */
#ifndef AZA_REPORT_H
#define AZA_REPORT_H

#include "../lib/scan.h"
#include "../lib/triage.h"
#include "../rules/rule.h"

typedef struct aza_reporter {
	const char *name;
	const char *ext; /* file extension for --output-dir */
	int (*write)(aza_scan *s, const aza_report_opts *o, aza_buf *out);
} aza_reporter;

extern const aza_reporter aza_report_text;
extern const aza_reporter aza_report_json;
extern const aza_reporter aza_report_sarif;
extern const aza_reporter aza_report_csv;
extern const aza_reporter aza_report_junit;
extern const aza_reporter aza_report_markdown;
extern const aza_reporter aza_report_ocsf;
extern const aza_reporter aza_report_ocsf_jsonl;
extern const aza_reporter aza_report_html;

/* Where rule documentation lives; helpUri and links append "#<id-lowercase>". */
#ifndef AZA_DOCS_URL
#define AZA_DOCS_URL "https://azaudit.invalid/docs/rules.md"
#endif

/* A section of a report made before its place in the output comes (the
 * HTML page's resources, messages and findings arrays, which follow each
 * other): streamed to an unlinked temporary file as it grows, so that it
 * is not held in memory, and appended to the report when its turn comes.
 * Without a temporary file it stays in memory. b must not move while in
 * use (its sink points at fd). */
typedef struct aza_side {
	aza_buf b;
	int fd;
} aza_side;
void aza_report__side_init(aza_side *x);
/* Append x's bytes to out and release x: 0, or the errno of what went
 * wrong (ENOMEM out of memory; a failed write or read back: a full disk). */
int aza_report__side_put(aza_buf *out, aza_side *x);

/* ISO 8601 UTC time "2026-11-01T00:00:00Z" of Unix seconds t. */
void aza_report__iso_time(double t, char *out, size_t n);
/* Lower-case rule id, the anchor of the rule in docs/rules.md. */
void aza_report__anchor(const aza_rule *r, char *out, size_t n);
/* Append s escaped for XML/HTML text and attribute values. */
void aza_report__xml(aza_buf *b, const char *s);
/* SHA-256 of data; out gets 32 bytes. */
void aza_report__sha256(const void *data, size_t n, unsigned char out[32]);
/* Stable fingerprint of a finding: hex SHA-256 of rule id + lower-case
 * resource id. 0, or AZA_ENOMEM (out is then ""). */
int aza_report__fingerprint(const aza_finding *f, char out[65]);
/* Is finding f one that formats listing problems show by default
 * (FAIL, UNKNOWN, MANUAL, SUPPRESSED), or all when verbose or a mask is set? */
int aza_report__listed(const aza_report_opts *o, const aza_finding *f);

/* Is finding f shown under the options' status mask? */
int aza_report__shown(const aza_report_opts *o, const aza_finding *f);
/* The same test on a status alone (for the scan's compact records). */
int aza_report__status_shown(const aza_report_opts *o, aza_status st);
/* The subscription (its name, else its id) of a finding on a resource that
 * sits directly under a subscription (a Defender pricing, a security
 * contact, a subscription's diagnostic setting): names such as "Api" or
 * "default" repeat in every subscription. NULL for anything else. */
const char *aza_report__sub_scope(aza_scan *s, const aza_finding *f);
/* What report summaries count, gathered in one pass over the findings
 * (a scan can have millions; a pass per area or row would be many). */
typedef struct aza_report_tally {
	size_t all[AZA_STATUS_COUNT];                  /* shown findings per status */
	size_t area[AZA_AREA_COUNT][AZA_STATUS_COUNT]; /* shown findings per area and status */
	/* The shared-responsibility rows: per area of duty, counts per status
	 * of all findings of rules checking it, and the service models those
	 * rules look at (of findings that apply) among the models in use. */
	size_t resp[AZA_RESP_COUNT][AZA_STATUS_COUNT];
	unsigned resp_models[AZA_RESP_COUNT];
} aza_report_tally;
void aza_report__tally(aza_scan *s, const aza_report_opts *o, aza_report_tally *t);
/* Write the rule's CIS references as a JSON array of {version, id}. */
void aza_report__cis_json(aza_buf *b, const char *cis);
/* Write a space-separated list as a JSON array of strings. */
void aza_report__list_json(aza_buf *b, const char *list);

/* A framework control's aggregated status name ("NOT_EVALUATED" when no finding). */
const char *aza_report__control_status(const aza_fw_control *c);

/* The rule's catalogue entry as a JSON object. */
void aza_report__rule_json(aza_buf *b, const aza_rule *r);

#endif
