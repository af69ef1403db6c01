/*
 * csv.c - one row per finding, RFC 4180: comma-separated, CRLF line ends,
 * fields with a comma, quote, CR or LF quoted with quotes doubled. A value
 * starting with = + - @ (or tab/CR) gets a leading single quote, so
 * spreadsheets never evaluate it as a formula.
 */
#include "report.h"

#include <stdio.h>
#include <string.h>

static void field(aza_buf *b, const char *s, int first)
{
	if (!first)
		aza_buf__addc(b, ',');
	s = s ? s : "";
	size_t n = strlen(s);
	int guard = n && strchr("=+-@\t\r", s[0]) != NULL;
	int quote = guard || strpbrk(s, ",\"\r\n") != NULL || s[0] == ' ' || (n && s[n - 1] == ' ');
	if (!quote) {
		aza_buf__add(b, s, n);
		return;
	}
	aza_buf__addc(b, '"');
	if (guard)
		aza_buf__addc(b, '\'');
	/* Copy up to and including each quote, then double it. */
	const char *p = s, *end = s + n, *q;
	while ((q = memchr(p, '"', (size_t)(end - p))) != NULL) {
		aza_buf__add(b, p, (size_t)(q - p) + 1);
		aza_buf__addc(b, '"');
		p = q + 1;
	}
	aza_buf__add(b, p, (size_t)(end - p));
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
	/* The rule's columns are quoted once per run of findings of one rule. */
	const aza_rule *cached = NULL;
	aza_buf rule_a, rule_b;
	aza_buf__init(&rule_a, 1 << 20);
	aza_buf__init(&rule_b, 1 << 20);
	for (size_t i = 0; i < aza_scan_count(s); i++) {
		const aza_finding *f = aza_scan_finding(s, i);
		if (!aza_report__shown(o, f))
			continue;
		const aza_rule *r = f->rule;
		if (r != cached) {
			cached = r;
			rule_a.len = rule_b.len = 0;
			char level[8];
			snprintf(level, sizeof level, "%d", r->level);
			field(&rule_a, r->id, 1);
			field(&rule_a, r->title, 0);
			field(&rule_a, aza_area_name(r->area), 0);
			field(&rule_a, level, 0);
			field(&rule_a, aza_severity_name(r->severity), 0);
			field(&rule_b, r->cis, 0);
			field(&rule_b, r->checklist, 0);
			field(&rule_b, r->portal, 0);
			field(&rule_b, r->cli, 0);
			field(&rule_b, r->arm, 0);
			if (rule_a.oom || rule_b.oom)
				b->oom = 1;
		}
		aza_buf__add(b, rule_a.p, rule_a.len);
		field(b, aza_status_name(f->status), 0);
		field(b, f->resource_id, 0);
		field(b, f->resource_name, 0);
		field(b, f->resource_type, 0);
		field(b, f->subscription_id, 0);
		field(b, aza_scan_subscription_name(s, f->subscription_id), 0);
		field(b, f->location, 0);
		field(b, f->message, 0);
		aza_buf__add(b, rule_b.p, rule_b.len);
		field(b, f->source, 0);
		aza_buf__addc(b, ',');
		if (f->line)
			aza_buf__addu(b, f->line);
		field(b, f->status == AZA_SUPPRESSED ? aza_status_name(f->suppressed_status) : "", 0);
		field(b, f->suppress_reason, 0);
		field(b, f->suppress_owner, 0);
		field(b, f->suppress_expires, 0);
		field(b, f->baseline == AZA_BASELINE_NEW ? "new" : f->baseline == AZA_BASELINE_UNCHANGED ? "unchanged" : "", 0);
		aza_buf__lit(b, "\r\n");
	}
	aza_buf__release(&rule_a);
	aza_buf__release(&rule_b);
	return 0;
}

const aza_reporter aza_report_csv = {"csv", "csv", write_csv};
