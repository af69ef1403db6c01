/*
 * csv.c - one row per finding, RFC 4180: comma-separated, CRLF line ends,
 * fields with a comma, quote, CR or LF quoted with quotes doubled. A value
 * starting with = + - @ (or tab/CR) gets a leading single quote, so
 * spreadsheets never evaluate it as a formula.
 */
#include "report.h"

#include <string.h>

static void field(aza_buf *b, const char *s, int first)
{
	if (!first)
		aza_buf__addc(b, ',');
	s = s ? s : "";
	int guard = strchr("=+-@\t\r", s[0]) != NULL && s[0];
	int quote = guard || strpbrk(s, ",\"\r\n") != NULL || s[0] == ' ' || (s[0] && s[strlen(s) - 1] == ' ');
	if (quote)
		aza_buf__addc(b, '"');
	if (guard)
		aza_buf__addc(b, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			aza_buf__addc(b, '"');
		aza_buf__addc(b, *p);
	}
	if (quote)
		aza_buf__addc(b, '"');
}

static int write_csv(aza_scan *s, const aza_report_opts *o, aza_buf *b)
{
	static const char *const cols[] = {
		"rule_id", "title", "area", "level", "severity", "status", "resource_id", "resource_name",
		"resource_type", "subscription_id", "subscription_name", "location", "message", "cis", "checklist",
		"remediation_portal", "remediation_cli", "remediation_arm", "source", "line", "suppressed_status",
		"suppression_reason", "suppression_owner", "suppression_expires", "baseline"};
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
		field(b, cols[i], i == 0);
	aza_buf__adds(b, "\r\n");
	for (size_t i = 0; i < aza_scan_count(s); i++) {
		const aza_finding *f = aza_scan_finding(s, i);
		if (!aza_report__shown(o, f))
			continue;
		const aza_rule *r = f->rule;
		char level[8], line[24];
		snprintf(level, sizeof level, "%d", r->level);
		snprintf(line, sizeof line, "%lu", f->line);
		field(b, r->id, 1);
		field(b, r->title, 0);
		field(b, aza_area_name(r->area), 0);
		field(b, level, 0);
		field(b, aza_severity_name(r->severity), 0);
		field(b, aza_status_name(f->status), 0);
		field(b, f->resource_id, 0);
		field(b, f->resource_name, 0);
		field(b, f->resource_type, 0);
		field(b, f->subscription_id, 0);
		field(b, aza_scan_subscription_name(s, f->subscription_id), 0);
		field(b, f->location, 0);
		field(b, f->message, 0);
		field(b, r->cis, 0);
		field(b, r->checklist, 0);
		field(b, r->portal, 0);
		field(b, r->cli, 0);
		field(b, r->arm, 0);
		field(b, f->source, 0);
		field(b, f->line ? line : "", 0);
		field(b, f->status == AZA_SUPPRESSED ? aza_status_name(f->suppressed_status) : "", 0);
		field(b, f->suppress_reason, 0);
		field(b, f->suppress_owner, 0);
		field(b, f->suppress_expires, 0);
		field(b, f->baseline == AZA_BASELINE_NEW ? "new" : f->baseline == AZA_BASELINE_UNCHANGED ? "unchanged" : "", 0);
		aza_buf__adds(b, "\r\n");
	}
	return 0;
}

const aza_reporter aza_report_csv = {"csv", "csv", write_csv};
