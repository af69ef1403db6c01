/*
 * ocsf.c - OCSF Compliance Finding events (class 2003), one per finding,
 * as a JSON array ("ocsf") or JSON Lines ("ocsf-jsonl"). docs/ocsf.md
 * documents the field mapping.
 */
#include "report.h"

#include <stdio.h>
#include <string.h>

#define OCSF_VERSION "1.1.0"

static int severity_id(aza_severity s)
{
	switch (s) {
	case AZA_SEV_INFO: return 1;
	case AZA_SEV_LOW: return 2;
	case AZA_SEV_MEDIUM: return 3;
	case AZA_SEV_HIGH: return 4;
	case AZA_SEV_CRITICAL: return 5;
	}
	return 0;
}

static const char *severity_label(aza_severity s)
{
	static const char *const l[] = {"Informational", "Low", "Medium", "High", "Critical"};
	return (unsigned)s <= AZA_SEV_CRITICAL ? l[s] : "Unknown";
}

/* compliance.status_id: 0 Unknown, 1 Pass, 2 Warning, 3 Fail, 99 Other. */
static void compliance_status(aza_status st, int *id, const char **name)
{
	switch (st) {
	case AZA_PASS: *id = 1, *name = "Pass"; break;
	case AZA_FAIL: *id = 3, *name = "Fail"; break;
	case AZA_MANUAL: *id = 2, *name = "Warning"; break;
	case AZA_NOT_APPLICABLE: *id = 99, *name = "Not Applicable"; break;
	default: *id = 0, *name = "Unknown"; break;
	}
}

/* The text of an event that depends only on its rule (and the scan),
 * made once per run of findings of one rule: six pieces that the
 * finding's own fields go between. */
enum { P_HEAD, P_CONTROL, P_TITLE, P_TYPES, P_REMEDIATION, P_UNMAPPED, P_COUNT };
typedef struct rule_parts {
	const aza_rule *rule;
	aza_buf b;
	size_t end[P_COUNT];
} rule_parts;

static void make_parts(aza_scan *s, const aza_rule *r, rule_parts *rp, aza_buf *out)
{
	aza_buf *b = &rp->b;
	rp->rule = r;
	b->len = 0;
	long long ms = (long long)s->now * 1000;
	char anchor[64];
	aza_report__anchor(r, anchor, sizeof anchor);

	aza_buf__printf(b, "{\"class_uid\":2003,\"class_name\":\"Compliance Finding\",\"category_uid\":2,"
	                   "\"category_name\":\"Findings\",\"activity_id\":1,\"activity_name\":\"Create\",\"type_uid\":200301,"
	                   "\"type_name\":\"Compliance Finding: Create\",\"time\":%lld,\"severity_id\":%d,\"severity\":\"%s\",",
	                ms, severity_id(r->severity), severity_label(r->severity));
	rp->end[P_HEAD] = b->len;

	aza_buf__adds(b, ",\"compliance\":{\"control\":");
	aza_buf__json_str(b, r->id);
	aza_buf__adds(b, ",\"requirements\":[");
	int first = 1;
	const char *p = r->cis ? r->cis : "";
	while (*p) {
		size_t n = strcspn(p, " ");
		if (n) {
			char req[96];
			snprintf(req, sizeof req, "CIS Azure %.*s", (int)(n < 80 ? n : 80), p);
			char *colon = strchr(req, ':');
			if (colon)
				*colon = ' ';
			if (!first)
				aza_buf__addc(b, ',');
			aza_buf__json_str(b, req);
			first = 0;
		}
		p += n;
		while (*p == ' ')
			p++;
	}
	aza_buf__adds(b, "],\"standards\":[");
	first = 1;
	if (r->cis && strstr(r->cis, "6.0.0:")) {
		aza_buf__adds(b, "\"CIS Microsoft Azure Foundations Benchmark v6.0.0\"");
		first = 0;
	}
	if (r->cis && strstr(r->cis, "5.0.0:"))
		aza_buf__printf(b, "%s\"CIS Microsoft Azure Foundations Benchmark v5.0.0\"", first ? "" : ",");
	aza_buf__adds(b, "],\"status_id\":");
	rp->end[P_CONTROL] = b->len;

	aza_buf__adds(b, ",\"title\":");
	aza_buf__json_str(b, r->title);
	aza_buf__adds(b, ",\"desc\":");
	rp->end[P_TITLE] = b->len;

	aza_buf__adds(b, ",\"types\":[");
	aza_buf__json_str(b, aza_area_title(r->area));
	aza_buf__printf(b, "],\"created_time\":%lld", ms);
	aza_buf__printf(b, ",\"src_url\":\"%s#%s\"}", AZA_DOCS_URL, anchor);
	aza_buf__adds(b, ",\"resources\":[{\"uid\":");
	rp->end[P_TYPES] = b->len;

	aza_buf__adds(b, "},\"remediation\":{\"desc\":");
	char rem[4096];
	snprintf(rem, sizeof rem, "%s%s%s%s%s%s", r->portal ? "Portal: " : "", r->portal ? r->portal : "",
	         r->cli ? " | az: " : "", r->cli ? r->cli : "", r->arm ? " | ARM/Bicep: " : "", r->arm ? r->arm : "");
	aza_buf__json_str(b, r->manual && !r->portal ? r->manual : rem);
	aza_buf__printf(b, ",\"references\":[\"%s#%s\"]}", AZA_DOCS_URL, anchor);
	aza_buf__printf(b, ",\"metadata\":{\"version\":\"%s\",\"product\":{\"name\":\"azaudit\",\"vendor_name\":\"azaudit\","
	                   "\"version\":\"%s\"},\"uid\":\"",
	                OCSF_VERSION, AZA_VERSION);
	rp->end[P_REMEDIATION] = b->len;

	aza_buf__addc(b, '"');
	if (*aza_scan_tenant(s)) {
		aza_buf__adds(b, ",\"tenant_uid\":");
		aza_buf__json_str(b, aza_scan_tenant(s));
	}
	aza_buf__adds(b, "},\"unmapped\":{\"rule_id\":");
	aza_buf__json_str(b, r->id);
	aza_buf__printf(b, ",\"level\":%d,\"area\":\"%s\",\"azaudit_status\":\"", r->level, aza_area_name(r->area));
	rp->end[P_UNMAPPED] = b->len;
	if (b->oom)
		out->oom = 1;
}

static void part(aza_buf *b, const rule_parts *rp, int k)
{
	size_t from = k ? rp->end[k - 1] : 0;
	aza_buf__add(b, rp->b.p + from, rp->end[k] - from);
}

static void event(aza_scan *s, const aza_finding *f, rule_parts *rp, aza_buf *b)
{
	if (f->rule != rp->rule)
		make_parts(s, f->rule, rp, b);
	aza_status verdict = f->status == AZA_SUPPRESSED ? f->suppressed_status : f->status;
	int cid;
	const char *cname;
	compliance_status(verdict, &cid, &cname);
	char fp[65];
	if (aza_report__fingerprint(f, fp))
		b->oom = 1;
	const char *status = aza_status_name(f->status);

	part(b, rp, P_HEAD);
	/* Finding workflow status: 1 New, 3 Suppressed. */
	if (f->status == AZA_SUPPRESSED)
		aza_buf__lit(b, "\"status_id\":3,\"status\":\"Suppressed\",");
	else
		aza_buf__lit(b, "\"status_id\":1,\"status\":\"New\",");
	aza_buf__lit(b, "\"message\":");
	aza_buf__json_str(b, f->message);
	part(b, rp, P_CONTROL);
	aza_buf__addi(b, cid);
	aza_buf__lit(b, ",\"status\":\"");
	aza_buf__adds(b, cname);
	aza_buf__lit(b, "\",\"status_detail\":");
	aza_buf__json_str(b, status);
	aza_buf__lit(b, "},\"finding_info\":{\"uid\":\"");
	aza_buf__add(b, fp, 64);
	aza_buf__addc(b, '"');
	part(b, rp, P_TITLE);
	aza_buf__json_str(b, f->message);
	part(b, rp, P_TYPES);
	aza_buf__json_str(b, f->resource_id);
	aza_buf__lit(b, ",\"type\":");
	aza_buf__json_str(b, f->resource_type);
	aza_buf__lit(b, ",\"name\":");
	aza_buf__json_str(b, f->resource_name);
	aza_buf__lit(b, ",\"region\":");
	aza_buf__json_str(b, f->location);
	aza_buf__lit(b, "}],\"cloud\":{\"provider\":\"Azure\"");
	if (*f->subscription_id) {
		aza_buf__lit(b, ",\"account\":{\"type_id\":99,\"type\":\"Azure Subscription\",\"uid\":");
		aza_buf__json_str(b, f->subscription_id);
		aza_buf__lit(b, ",\"name\":");
		aza_buf__json_str(b, aza_scan_subscription_name(s, f->subscription_id));
		aza_buf__addc(b, '}');
	}
	if (*f->location) {
		aza_buf__lit(b, ",\"region\":");
		aza_buf__json_str(b, f->location);
	}
	part(b, rp, P_REMEDIATION);
	aza_buf__add(b, fp, 64);
	part(b, rp, P_UNMAPPED);
	aza_buf__adds(b, status);
	aza_buf__addc(b, '"');
	if (f->status == AZA_SUPPRESSED) {
		aza_buf__lit(b, ",\"suppression_reason\":");
		aza_buf__json_str(b, f->suppress_reason);
	}
	if (f->baseline == AZA_BASELINE_NEW)
		aza_buf__lit(b, ",\"baseline\":\"new\"");
	else if (f->baseline)
		aza_buf__lit(b, ",\"baseline\":\"unchanged\"");
	aza_buf__lit(b, "}}");
}

static int write_array(aza_scan *s, const aza_report_opts *o, aza_buf *b)
{
	rule_parts rp = {.rule = NULL};
	aza_buf__init(&rp.b, 1 << 20);
	aza_buf__addc(b, '[');
	int first = 1;
	for (size_t i = 0; i < aza_scan_count(s); i++) {
		const aza_finding *f = aza_scan_finding(s, i);
		if (!aza_report__shown(o, f))
			continue;
		aza_buf__adds(b, first ? "\n" : ",\n");
		first = 0;
		event(s, f, &rp, b);
	}
	aza_buf__adds(b, "\n]\n");
	aza_buf__release(&rp.b);
	return 0;
}

static int write_lines(aza_scan *s, const aza_report_opts *o, aza_buf *b)
{
	rule_parts rp = {.rule = NULL};
	aza_buf__init(&rp.b, 1 << 20);
	for (size_t i = 0; i < aza_scan_count(s); i++) {
		const aza_finding *f = aza_scan_finding(s, i);
		if (!aza_report__shown(o, f))
			continue;
		event(s, f, &rp, b);
		aza_buf__addc(b, '\n');
	}
	aza_buf__release(&rp.b);
	return 0;
}

const aza_reporter aza_report_ocsf = {"ocsf", "ocsf.json", write_array};
const aza_reporter aza_report_ocsf_jsonl = {"ocsf-jsonl", "ocsf.jsonl", write_lines};
