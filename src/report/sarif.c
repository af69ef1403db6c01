/*
 * sarif.c - SARIF 2.1.0 (OASIS), for code scanning dashboards and CI.
 *
 * One run; tool.driver.rules describes every rule that produced a finding
 * (help text, helpUri into docs/rules.md, default level from severity).
 * Results: FAIL, UNKNOWN, MANUAL and SUPPRESSED findings by default (every
 * finding with --verbose or a status filter). A FAIL has kind "fail" and its
 * level from the rule's severity; other statuses have level "none" and kinds
 * "open" (UNKNOWN), "review" (MANUAL), "pass", "notApplicable". Suppressed
 * findings carry the original verdict and an accepted external suppression.
 * partialFingerprints hash rule id + resource id, so they survive message
 * changes. Locations: the input file and line of the resource, and the ARM
 * id as a logical location.
 */
#include "report.h"

#include <ctype.h>
#include <string.h>

static const char *level_of(aza_severity s)
{
	switch (s) {
	case AZA_SEV_CRITICAL:
	case AZA_SEV_HIGH: return "error";
	case AZA_SEV_MEDIUM: return "warning";
	default: return "note";
	}
}

/* GitHub code scanning reads "security-severity" (0.0-10.0). */
static const char *security_severity(aza_severity s)
{
	switch (s) {
	case AZA_SEV_CRITICAL: return "9.5";
	case AZA_SEV_HIGH: return "8.0";
	case AZA_SEV_MEDIUM: return "5.5";
	case AZA_SEV_LOW: return "3.0";
	default: return "0.0";
	}
}

static const char *kind_of(aza_status st)
{
	switch (st) {
	case AZA_FAIL: return "fail";
	case AZA_PASS: return "pass";
	case AZA_MANUAL: return "review";
	case AZA_UNKNOWN: return "open";
	case AZA_NOT_APPLICABLE: return "notApplicable";
	case AZA_SUPPRESSED: return "fail";
	default: return "informational";
	}
}

/* A file path as a URI reference: relative paths stay relative, absolute
 * ones become file:// URIs; everything outside the unreserved set and '/'
 * is percent-encoded. */
static void path_uri(aza_buf *b, const char *path)
{
	aza_buf tmp;
	aza_buf__init(&tmp, 0);
	if (path[0] == '/')
		aza_buf__adds(&tmp, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (isalnum(*p) || strchr("-._~/", *p))
			aza_buf__addc(&tmp, (char)*p);
		else
			aza_buf__printf(&tmp, "%%%02X", *p);
	}
	aza_buf__addc(&tmp, 0);
	aza_buf__json_str(b, tmp.p ? tmp.p : "");
	aza_buf__release(&tmp);
}

static void rule_obj(aza_buf *b, const aza_rule *r)
{
	char anchor[64];
	aza_report__anchor(r, anchor, sizeof anchor);
	aza_buf__adds(b, "{\"id\":");
	aza_buf__json_str(b, r->id);
	aza_buf__adds(b, ",\"name\":");
	aza_buf__json_str(b, r->id);
	aza_buf__adds(b, ",\"shortDescription\":{\"text\":");
	aza_buf__json_str(b, r->title);
	aza_buf__adds(b, "},\"fullDescription\":{\"text\":");
	aza_buf__json_str(b, r->rationale ? r->rationale : r->title);
	aza_buf__adds(b, "},\"helpUri\":");
	aza_buf__printf(b, "\"%s#%s\"", AZA_DOCS_URL, anchor);

	/* help: what to check or fix, as text and Markdown. */
	aza_buf text, md;
	aza_buf__init(&text, 0);
	aza_buf__init(&md, 0);
	if (r->rationale) {
		aza_buf__printf(&text, "%s\n", r->rationale);
		aza_buf__printf(&md, "%s\n", r->rationale);
	}
	if (r->manual) {
		aza_buf__printf(&text, "\nVerify by hand: %s\n", r->manual);
		aza_buf__printf(&md, "\n**Verify by hand:** %s\n", r->manual);
	}
	if (r->portal) {
		aza_buf__printf(&text, "\nPortal: %s\n", r->portal);
		aza_buf__printf(&md, "\n**Portal:** %s\n", r->portal);
	}
	if (r->cli) {
		aza_buf__printf(&text, "\naz: %s\n", r->cli);
		aza_buf__printf(&md, "\n**az:**\n\n```\n%s\n```\n", r->cli);
	}
	if (r->arm) {
		aza_buf__printf(&text, "\nARM/Bicep: %s\n", r->arm);
		aza_buf__printf(&md, "\n**ARM/Bicep:** %s\n", r->arm);
	}
	aza_buf__addc(&text, 0);
	aza_buf__addc(&md, 0);
	aza_buf__adds(b, ",\"help\":{\"text\":");
	aza_buf__json_str(b, text.p ? text.p : "");
	aza_buf__adds(b, ",\"markdown\":");
	aza_buf__json_str(b, md.p ? md.p : "");
	aza_buf__release(&text);
	aza_buf__release(&md);

	aza_buf__printf(b, "},\"defaultConfiguration\":{\"level\":\"%s\"},\"properties\":{\"tags\":[\"security\",\"%s\"",
	                r->check ? level_of(r->severity) : "note", aza_area_name(r->area));
	const char *p = r->cis ? r->cis : "";
	while (*p) {
		size_t n = strcspn(p, " ");
		if (n) {
			char tag[96];
			snprintf(tag, sizeof tag, "CIS %.*s", (int)(n < 80 ? n : 80), p);
			char *colon = strchr(tag, ':');
			if (colon)
				*colon = ' ';
			aza_buf__addc(b, ',');
			aza_buf__json_str(b, tag);
		}
		p += n;
		while (*p == ' ')
			p++;
	}
	aza_buf__printf(b, "],\"security-severity\":\"%s\",\"severity\":\"%s\",\"level\":%d,\"kind\":\"%s\",\"cis\":",
	                security_severity(r->severity), aza_severity_name(r->severity), r->level,
	                r->check ? "automated" : "manual");
	aza_report__cis_json(b, r->cis);
	aza_buf__adds(b, ",\"checklist\":");
	aza_report__list_json(b, r->checklist);
	aza_buf__adds(b, "}}");
}

static int write_sarif(aza_scan *s, const aza_report_opts *o, aza_buf *b)
{
	size_t nrules = aza_rule_count();
	/* Index of each catalogue rule in driver.rules, or -1. */
	long *idx = aza__malloc((nrules + 1) * sizeof *idx);
	if (!idx)
		return aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	for (size_t i = 0; i < nrules; i++)
		idx[i] = -1;
	long nused = 0;
	const aza_rule *seen = NULL; /* findings come grouped by rule */
	for (size_t i = 0; i < aza_scan_count(s); i++) {
		const aza_finding *f = aza_scan_finding(s, i);
		if (!aza_report__listed(o, f) || f->rule == seen)
			continue;
		seen = f->rule;
		for (size_t k = 0; k < nrules; k++)
			if (aza_rule_at(k) == f->rule) {
				if (idx[k] < 0)
					idx[k] = nused++;
				break;
			}
	}
	/* Resolved findings (baseline) refer to rules too. */
	for (size_t i = 0; i < aza_scan_resolved_count(s); i++) {
		const aza_rule *r = aza_rule_find(aza_scan_resolved(s, i)->rule_id);
		for (size_t k = 0; r && k < nrules; k++)
			if (aza_rule_at(k) == r && idx[k] < 0)
				idx[k] = nused++;
	}

	char when[32];
	aza_report__iso_time(s->now, when, sizeof when);
	aza_buf__adds(b, "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{\n"
	                 "\"tool\":{\"driver\":{\"name\":\"azaudit\",");
	aza_buf__printf(b, "\"version\":\"%s\",\"semanticVersion\":\"%s\",\"rules\":[", AZA_VERSION, AZA_VERSION);
	/* Rules in driver order. */
	for (long want = 0; want < nused; want++)
		for (size_t k = 0; k < nrules; k++)
			if (idx[k] == want) {
				aza_buf__adds(b, want ? ",\n" : "\n");
				rule_obj(b, aza_rule_at(k));
				break;
			}
	aza_buf__printf(b, "]}},\n\"invocations\":[{\"executionSuccessful\":true,\"endTimeUtc\":\"%s\"}],\n", when);
	aza_buf__adds(b, "\"properties\":{\"tenantId\":");
	aza_buf__json_str(b, aza_scan_tenant(s));
	aza_buf__adds(b, "},\n\"results\":[");
	int first = 1;
	const aza_rule *cached = NULL;
	long cached_ri = -1;
	/* Findings of one input share its file's URI: encode it once. */
	aza_buf src, uri;
	aza_buf__init(&src, 0);
	aza_buf__init(&uri, 0);
	for (size_t i = 0; i < aza_scan_count(s); i++) {
		const aza_finding *f = aza_scan_finding(s, i);
		if (!aza_report__listed(o, f))
			continue;
		const aza_rule *r = f->rule;
		if (r != cached) {
			cached = r;
			cached_ri = -1;
			for (size_t k = 0; k < nrules; k++)
				if (aza_rule_at(k) == r) {
					cached_ri = idx[k];
					break;
				}
		}
		aza_status st = f->status == AZA_SUPPRESSED ? f->suppressed_status : f->status;
		if (first)
			aza_buf__lit(b, "\n{");
		else
			aza_buf__lit(b, ",\n{");
		first = 0;
		aza_buf__lit(b, "\"ruleId\":");
		aza_buf__json_str(b, r->id);
		aza_buf__lit(b, ",\"ruleIndex\":");
		aza_buf__addi(b, cached_ri);
		aza_buf__lit(b, ",\"kind\":\"");
		aza_buf__adds(b, kind_of(st));
		aza_buf__lit(b, "\",\"level\":\"");
		aza_buf__adds(b, st == AZA_FAIL ? level_of(r->severity) : "none");
		aza_buf__lit(b, "\",\"message\":{\"text\":");
		const char *name = *f->resource_name ? f->resource_name : f->resource_id;
		char msg[2048];
		size_t ml = 0;
		/* "STATUS: message (name)", cut at 2047 bytes as it always was. */
		const char *part[] = {aza_status_name(f->status), ": ", f->message, " (", name, ")"};
		for (size_t k = 0; k < sizeof part / sizeof part[0] && ml < sizeof msg - 1; k++) {
			size_t pl = strlen(part[k]);
			if (pl > sizeof msg - 1 - ml)
				pl = sizeof msg - 1 - ml;
			memcpy(msg + ml, part[k], pl);
			ml += pl;
		}
		aza_buf__json_strn(b, msg, ml);
		aza_buf__lit(b, "},\"locations\":[{");
		if (f->source && *f->source && strcmp(f->source, "-") && f->line > 0) {
			aza_buf__lit(b, "\"physicalLocation\":{\"artifactLocation\":{\"uri\":");
			if (!src.p || strcmp(src.p, f->source)) {
				src.len = uri.len = 0;
				aza_buf__adds(&src, f->source);
				path_uri(&uri, f->source);
				if (src.oom || uri.oom)
					b->oom = 1;
			}
			aza_buf__add(b, uri.p, uri.len);
			/* Template findings: the offending property, else the resource. */
			unsigned long ln = f->prop_line ? f->prop_line : f->line, co = f->prop_line ? f->prop_column : f->column;
			aza_buf__lit(b, "},\"region\":{\"startLine\":");
			aza_buf__addu(b, ln);
			if (co) {
				aza_buf__lit(b, ",\"startColumn\":");
				aza_buf__addu(b, co);
			}
			aza_buf__lit(b, "}},");
		}
		aza_buf__lit(b, "\"logicalLocations\":[{\"name\":");
		aza_buf__json_str(b, name);
		aza_buf__lit(b, ",\"fullyQualifiedName\":");
		aza_buf__json_str(b, f->resource_id);
		aza_buf__lit(b, ",\"kind\":\"resource\"}]}]");
		char fp[65];
		if (aza_report__fingerprint(f, fp))
			b->oom = 1;
		aza_buf__lit(b, ",\"partialFingerprints\":{\"azauditFinding/v1\":\"");
		aza_buf__add(b, fp, 64);
		aza_buf__lit(b, "\"}");
		if (f->baseline == AZA_BASELINE_NEW)
			aza_buf__lit(b, ",\"baselineState\":\"new\"");
		else if (f->baseline)
			aza_buf__lit(b, ",\"baselineState\":\"unchanged\"");
		if (f->status == AZA_SUPPRESSED) {
			aza_buf__adds(b, ",\"suppressions\":[{\"kind\":\"external\",\"status\":\"accepted\",\"justification\":");
			aza_buf__json_str(b, f->suppress_reason ? f->suppress_reason : "");
			aza_buf__adds(b, "}]");
		}
		aza_buf__lit(b, ",\"properties\":{\"status\":");
		aza_buf__json_str(b, aza_status_name(f->status));
		aza_buf__lit(b, ",\"severity\":");
		aza_buf__json_str(b, aza_severity_name(r->severity));
		aza_buf__lit(b, ",\"resourceType\":");
		aza_buf__json_str(b, f->resource_type);
		aza_buf__lit(b, ",\"subscriptionId\":");
		aza_buf__json_str(b, f->subscription_id);
		aza_buf__lit(b, ",\"location\":");
		aza_buf__json_str(b, f->location);
		aza_buf__lit(b, "}}");
	}
	aza_buf__release(&src);
	aza_buf__release(&uri);
	/* Findings of the baseline that are gone. */
	for (size_t i = 0; i < aza_scan_resolved_count(s); i++) {
		const aza_resolved *z = aza_scan_resolved(s, i);
		const aza_rule *r = aza_rule_find(z->rule_id);
		long ri = -1;
		for (size_t k = 0; r && k < nrules; k++)
			if (aza_rule_at(k) == r)
				ri = idx[k];
		aza_buf__adds(b, first ? "\n{" : ",\n{");
		first = 0;
		aza_buf__adds(b, "\"ruleId\":");
		aza_buf__json_str(b, z->rule_id);
		if (ri >= 0)
			aza_buf__printf(b, ",\"ruleIndex\":%ld", ri);
		aza_buf__adds(b, ",\"kind\":\"pass\",\"level\":\"none\",\"baselineState\":\"absent\",\"message\":{\"text\":");
		char msg[2048];
		snprintf(msg, sizeof msg, "resolved since the baseline (was %s: %s)", z->status, z->message);
		aza_buf__json_str(b, msg);
		aza_buf__adds(b, "},\"locations\":[{\"logicalLocations\":[{\"fullyQualifiedName\":");
		aza_buf__json_str(b, z->resource_id);
		aza_finding tmp;
		memset(&tmp, 0, sizeof tmp);
		char fp[65] = "";
		if (r) {
			tmp.rule = r;
			tmp.resource_id = z->resource_id;
			if (aza_report__fingerprint(&tmp, fp))
				b->oom = 1;
		}
		aza_buf__adds(b, ",\"kind\":\"resource\"}]}]");
		if (r)
			aza_buf__printf(b, ",\"partialFingerprints\":{\"azauditFinding/v1\":\"%s\"}", fp);
		aza_buf__adds(b, "}");
	}
	aza_buf__adds(b, "\n]}]}\n");
	aza__free(idx);
	return 0;
}

const aza_reporter aza_report_sarif = {"sarif", "sarif", write_sarif};
