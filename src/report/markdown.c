/*
 * markdown.c - a short summary for pull request comments and CI job
 * summaries: score, counts per status and per area, the top failures by
 * severity, baseline and framework summaries. Every value in a table is
 * escaped: pipes, Markdown punctuation and HTML (GitHub renders HTML).
 */
#include "report.h"

#include <string.h>

#define TOP 25

static void cell(aza_buf *b, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		switch (*p) {
		case '|': aza_buf__adds(b, "\\|"); break;
		case '<': aza_buf__adds(b, "&lt;"); break;
		case '>': aza_buf__adds(b, "&gt;"); break;
		case '&': aza_buf__adds(b, "&amp;"); break;
		case '\n':
		case '\r': aza_buf__addc(b, ' '); break;
		case '\\':
		case '`':
		case '*':
		case '_':
		case '[':
		case ']':
		case '#':
		case '~':
			aza_buf__addc(b, '\\');
			aza_buf__addc(b, *p);
			break;
		default: aza_buf__addc(b, *p);
		}
	}
}

static int write_md(aza_scan *s, const aza_report_opts *o, aza_buf *b)
{
	aza_scan_stats st;
	aza_scan_stats_get(s, &st);
	aza_report_tally t;
	aza_report__tally(s, o, &t);
	const size_t *c = t.all;
	double score = aza_scan_score(s);
	char when[32];
	aza_report__iso_time(s->now, when, sizeof when);

	aza_buf__adds(b, "## azaudit report\n\n");
	if (score >= 0)
		aza_buf__printf(b, "**Posture score: %.1f / 100**", score);
	else
		aza_buf__adds(b, "**Posture score: n/a**");
	aza_buf__adds(b, " · tenant `");
	cell(b, *aza_scan_tenant(s) ? aza_scan_tenant(s) : "unknown");
	aza_buf__printf(b, "` · %zu subscription(s) · %zu resources · %s\n\n", st.subscriptions, st.resources, when);

	aza_buf__adds(b, "| status | findings |\n|---|---:|\n");
	for (int i = 0; i < AZA_STATUS_COUNT; i++)
		if (c[i] || i <= AZA_UNKNOWN)
			aza_buf__printf(b, "| %s | %zu |\n", aza_status_name((aza_status)i), c[i]);

	aza_buf__adds(b, "\n| area | fail | unknown | manual | pass |\n|---|---:|---:|---:|---:|\n");
	for (int a = 0; a < AZA_AREA_COUNT; a++) {
		const size_t *ac = t.area[a];
		if (!ac[AZA_FAIL] && !ac[AZA_UNKNOWN] && !ac[AZA_MANUAL] && !ac[AZA_PASS])
			continue;
		aza_buf__printf(b, "| %s | %zu | %zu | %zu | %zu |\n", aza_area_title((aza_area)a), ac[AZA_FAIL],
		                ac[AZA_UNKNOWN], ac[AZA_MANUAL], ac[AZA_PASS]);
	}

	if (aza_scan_has_baseline(s)) {
		size_t nnew = 0;
		for (size_t i = 0; i < aza_scan_count(s); i++) {
			const aza_finding *f = aza_scan_finding(s, i);
			nnew += aza_report__shown(o, f) && f->status == AZA_FAIL && f->baseline == AZA_BASELINE_NEW;
		}
		aza_buf__printf(b, "\n**Since the baseline:** %zu new failure(s), %zu resolved finding(s).\n", nnew,
		                aza_scan_resolved_count(s));
	}

	if (c[AZA_FAIL]) {
		aza_buf__adds(b, "\n### Top failures\n\n| severity | rule | resource | finding |\n|---|---|---|---|\n");
		size_t shown = 0;
		for (int sev = AZA_SEV_CRITICAL; sev >= AZA_SEV_INFO && shown < TOP; sev--)
			for (size_t i = 0; i < aza_scan_count(s) && shown < TOP; i++) {
				const aza_finding *f = aza_scan_finding(s, i);
				if (f->status != AZA_FAIL || (int)f->rule->severity != sev || !aza_report__shown(o, f))
					continue;
				char anchor[64];
				aza_report__anchor(f->rule, anchor, sizeof anchor);
				aza_buf__printf(b, "| %s | [%s](%s#%s)%s | ", aza_severity_name(f->rule->severity), f->rule->id,
				                AZA_DOCS_URL, anchor, f->baseline == AZA_BASELINE_NEW ? " **new**" : "");
				cell(b, *f->resource_name ? f->resource_name : f->resource_id);
				const char *in_sub = aza_report__sub_scope(s, f);
				if (in_sub) {
					aza_buf__adds(b, " (subscription ");
					cell(b, in_sub);
					aza_buf__addc(b, ')');
				}
				aza_buf__adds(b, " | ");
				cell(b, f->message);
				aza_buf__adds(b, " |\n");
				shown++;
			}
		if (c[AZA_FAIL] > shown)
			aza_buf__printf(b, "\n%zu more failure(s) not shown.\n", c[AZA_FAIL] - shown);
	}

	const aza_framework *fw = aza_triage__framework(s);
	if (fw) {
		size_t fc[AZA_STATUS_COUNT + 1] = {0};
		for (size_t i = 0; i < fw->nctl; i++)
			fc[fw->ctl[i].status]++;
		aza_buf__adds(b, "\n### ");
		cell(b, fw->title);
		aza_buf__printf(b, "\n\n%zu controls: %zu fail, %zu unknown, %zu manual, %zu pass, %zu not evaluated; %zu not covered.\n",
		                fw->nctl, fc[AZA_FAIL], fc[AZA_UNKNOWN], fc[AZA_MANUAL], fc[AZA_PASS], fc[AZA_STATUS_COUNT],
		                fw->ngap);
		if (fc[AZA_FAIL]) {
			aza_buf__adds(b, "\n| control | title | status |\n|---|---|---|\n");
			for (size_t i = 0; i < fw->nctl; i++)
				if (fw->ctl[i].status == AZA_FAIL) {
					aza_buf__adds(b, "| ");
					cell(b, fw->ctl[i].id);
					aza_buf__adds(b, " | ");
					cell(b, fw->ctl[i].title);
					aza_buf__adds(b, " | FAIL |\n");
				}
		}
	}
	return 0;
}

const aza_reporter aza_report_markdown = {"markdown", "md", write_md};
