/*
 * text.c - the terminal report: findings grouped by area, a summary per
 * area, the posture score and the shared-responsibility table.
 */
#include "report.h"
#include "../lib/scan.h"

#include <string.h>

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_DIM "\033[2m"

static const char *status_color(aza_status s)
{
	switch (s) {
	case AZA_PASS: return "\033[32m";
	case AZA_FAIL: return "\033[31m";
	case AZA_MANUAL: return "\033[36m";
	case AZA_UNKNOWN: return "\033[33m";
	default: return "\033[2m";
	}
}

/* Append s left-justified in a field of width w ("%-*s"), w at most 12. */
static void pad(aza_buf *b, const char *s, size_t w)
{
	size_t n = strlen(s);
	aza_buf__add(b, s, n);
	if (n < w)
		aza_buf__add(b, "            ", w - n);
}

static int write_text(aza_scan *s, const aza_report_opts *o, aza_buf *b)
{
	int color = o && o->color;
	int verbose = o && o->verbose;
	aza_scan_stats st;
	aza_scan_stats_get(s, &st);
	const char *bold = color ? C_BOLD : "", *reset = color ? C_RESET : "", *dim = color ? C_DIM : "";

	aza_buf__printf(b, "%sazaudit %s%s  tenant %s  %zu subscription(s), %zu resources read, %zu evaluated",
	                bold, AZA_VERSION, reset, *aza_scan_tenant(s) ? aza_scan_tenant(s) : "(unknown)",
	                st.subscriptions, st.resources, st.resources_known);
	if (st.unknown_types)
		aza_buf__printf(b, ", %zu type(s) no rule reads", st.unknown_types);
	if (st.input_errors)
		aza_buf__printf(b, ", %zu collection error(s)", st.input_errors);
	aza_buf__adds(b, "\n");

	/* The shown findings grouped by area (a scan can have millions): the
	 * tally gives each area's share, a second pass places them. */
	size_t nf = aza_scan_count(s);
	aza_report_tally t;
	aza_report__tally(s, o, &t);
	size_t astart[AZA_AREA_COUNT + 1], fill[AZA_AREA_COUNT];
	uint32_t *byarea = aza__malloc((nf ? nf : 1) * sizeof *byarea); /* finding indexes are 32-bit (engine) */
	if (!byarea)
		return aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	astart[0] = 0;
	for (int a = 0; a < AZA_AREA_COUNT; a++) {
		size_t n = 0;
		for (int k = 0; k < AZA_STATUS_COUNT; k++)
			n += t.area[a][k];
		astart[a + 1] = astart[a] + n;
		fill[a] = astart[a];
	}
	/* The findings listed, by area, from the scan's compact records (the
	 * public view is made only for those printed): without -v and a
	 * status filter, PASS and NOT_APPLICABLE are counted, not listed. */
	int hide_passing = !verbose && (!o || !o->status_mask);
	for (size_t i = 0; i < nf; i++) {
		const aza_frec *r = aza_scan__rec(s, i);
		int a = (int)aza_rule_area(aza_rule_at(r->rule));
		if (a < 0 || a >= AZA_AREA_COUNT)
			continue;
		if (!aza_report__status_shown(o, (aza_status)r->status))
			continue;
		if (hide_passing && (r->status == AZA_PASS || r->status == AZA_NOT_APPLICABLE))
			continue;
		byarea[fill[a]++] = (uint32_t)i;
	}

	/* A finding's lines are "  STATUS  RULE-ID  severity  name\n" and
	 * "          title: message\n": the rule's parts are made once per run
	 * of findings of one rule, and everything is appended without printf. */
	const aza_rule *cached = NULL;
	aza_buf rule_mid, rule_title;
	aza_buf__init(&rule_mid, 1 << 20);
	aza_buf__init(&rule_title, 1 << 20);
	size_t boldn = strlen(bold), resetn = strlen(reset), dimn = strlen(dim);
	for (int a = 0; a < AZA_AREA_COUNT; a++) {
		const size_t *c = t.area[a];
		if (astart[a + 1] == astart[a])
			continue;
		aza_buf__printf(b, "\n%s== %s ==%s\n", bold, aza_area_title((aza_area)a), reset);
		for (size_t q = astart[a]; q < fill[a]; q++) {
			const aza_finding *f = aza_scan_finding(s, byarea[q]);
			if (f->rule != cached) {
				cached = f->rule;
				rule_mid.len = rule_title.len = 0;
				aza_buf__addc(&rule_mid, ' ');
				pad(&rule_mid, aza_rule_id(cached), 12);
				aza_buf__addc(&rule_mid, ' ');
				pad(&rule_mid, aza_severity_name(aza_rule_severity(cached)), 8);
				aza_buf__addc(&rule_mid, ' ');
				aza_buf__add(&rule_mid, bold, boldn);
				aza_buf__lit(&rule_title, "          ");
				aza_buf__add(&rule_title, dim, dimn);
				aza_buf__adds(&rule_title, aza_rule_title(cached));
				aza_buf__add(&rule_title, reset, resetn);
				aza_buf__lit(&rule_title, ": ");
				if (rule_mid.oom || rule_title.oom)
					b->oom = 1;
			}
			aza_buf__lit(b, "  ");
			if (color)
				aza_buf__adds(b, status_color(f->status));
			pad(b, f->status == AZA_NOT_APPLICABLE ? "N/A" : aza_status_name(f->status), 7);
			aza_buf__add(b, reset, resetn);
			aza_buf__add(b, rule_mid.p, rule_mid.len);
			aza_buf__adds(b, *f->resource_name ? f->resource_name : f->resource_id);
			const char *in_sub = aza_report__sub_scope(s, f);
			if (in_sub) {
				aza_buf__lit(b, " (subscription ");
				aza_buf__adds(b, in_sub);
				aza_buf__addc(b, ')');
			}
			aza_buf__add(b, reset, resetn);
			if (f->baseline == AZA_BASELINE_NEW)
				aza_buf__lit(b, "  [new]");
			aza_buf__addc(b, '\n');
			aza_buf__add(b, rule_title.p, rule_title.len);
			aza_buf__adds(b, f->message);
			aza_buf__addc(b, '\n');
			if (f->status == AZA_SUPPRESSED)
				aza_buf__printf(b, "          %ssuppressed %s: %s%s%s%s%s%s\n", dim,
				                aza_status_name(f->suppressed_status), f->suppress_reason,
				                f->suppress_owner ? " (owner " : "", f->suppress_owner ? f->suppress_owner : "",
				                f->suppress_owner ? ")" : "", f->suppress_expires ? ", expires " : "",
				                f->suppress_expires ? f->suppress_expires : "");
			if (f->status == AZA_SUPPRESSED && dim[0])
				aza_buf__adds(b, reset);
		}
		aza_buf__printf(b, "  %s%zu pass, %zu fail, %zu manual, %zu unknown, %zu not applicable", dim,
		                c[AZA_PASS], c[AZA_FAIL], c[AZA_MANUAL], c[AZA_UNKNOWN], c[AZA_NOT_APPLICABLE]);
		if (c[AZA_SUPPRESSED])
			aza_buf__printf(b, ", %zu suppressed", c[AZA_SUPPRESSED]);
		aza_buf__printf(b, "%s\n", reset);
	}
	aza_buf__release(&rule_mid);
	aza_buf__release(&rule_title);

	const size_t *c = t.all;
	double score = aza_scan_score(s);
	aza_buf__printf(b, "\n%sSummary%s  %zu pass, %zu fail, %zu manual, %zu unknown, %zu not applicable", bold,
	                reset, c[AZA_PASS], c[AZA_FAIL], c[AZA_MANUAL], c[AZA_UNKNOWN], c[AZA_NOT_APPLICABLE]);
	if (c[AZA_SUPPRESSED])
		aza_buf__printf(b, ", %zu suppressed", c[AZA_SUPPRESSED]);
	aza_buf__adds(b, "\n");
	if (aza_scan_has_baseline(s)) {
		size_t nnew = 0, nsame = 0;
		for (size_t i = 0; i < aza_scan_count(s); i++) {
			const aza_finding *f = aza_scan_finding(s, i);
			if (!aza_report__shown(o, f))
				continue;
			nnew += f->baseline == AZA_BASELINE_NEW;
			nsame += f->baseline == AZA_BASELINE_UNCHANGED;
		}
		aza_buf__printf(b, "%sBaseline%s  %zu new, %zu unchanged, %zu resolved\n", bold, reset, nnew, nsame,
		                aza_scan_resolved_count(s));
		for (size_t i = 0; i < aza_scan_resolved_count(s); i++) {
			const aza_resolved *z = aza_scan_resolved(s, i);
			aza_buf__printf(b, "  resolved %-12s %s (was %s)\n", z->rule_id, z->resource_id, z->status);
		}
	}
	if (score >= 0)
		aza_buf__printf(b, "%sPosture score%s %.1f / 100 (severity-weighted share of passing checks)\n", bold, reset,
		                score);
	else
		aza_buf__printf(b, "%sPosture score%s n/a (no check passed or failed)\n", bold, reset);

	aza_buf__printf(b, "\n%sShared responsibility%s (customer duties checked)\n", bold, reset);
	aza_buf__printf(b, "  %-40s %7s %7s %8s  %s\n", "area", "checks", "failed", "unknown", "service models in use");
	for (int r = 0; r < AZA_RESP_COUNT; r++) {
		const size_t *rc = t.resp[r];
		unsigned models = t.resp_models[r];
		char m[32] = "";
		for (unsigned bit = 1; bit <= AZA_SAAS; bit <<= 1)
			if (models & bit) {
				if (m[0])
					strcat(m, ", ");
				strcat(m, aza_model_name(bit));
			}
		aza_buf__printf(b, "  %-40s %7zu %7zu %8zu  %s\n", aza_resp_name((aza_resp)r), rc[AZA_PASS] + rc[AZA_FAIL],
		                rc[AZA_FAIL], rc[AZA_UNKNOWN], m[0] ? m : "-");
	}
	const aza_framework *fw = aza_triage__framework(s);
	if (fw) {
		aza_buf__printf(b, "\n%s%s%s (%s)\n", bold, fw->title, reset, fw->id);
		for (size_t i = 0; i < fw->nctl; i++) {
			const aza_fw_control *c2 = &fw->ctl[i];
			aza_buf__printf(b, "  %-13s %-9s %s\n", aza_report__control_status(c2), c2->id, c2->title);
			if (c2->status == AZA_MANUAL)
				for (size_t r = 0; r < c2->nrules; r++) {
					const aza_rule *ru = aza_rule_find(c2->rules[r]);
					if (ru && aza_rule_is_manual(ru))
						aza_buf__printf(b, "                %s%s: %s%s\n", dim, ru->id, aza_rule_manual(ru), reset);
				}
		}
		if (fw->ngap) {
			aza_buf__printf(b, "  %sNot covered%s\n", bold, reset);
			for (size_t i = 0; i < fw->ngap; i++)
				aza_buf__printf(b, "  %-13s %-9s %s: %s\n", "NOT_COVERED", fw->gap[i].id, fw->gap[i].title,
				                fw->gap[i].reason);
		}
	}
	aza__free(byarea);
	return 0;
}

const aza_reporter aza_report_text = {"text", "txt", write_text};
