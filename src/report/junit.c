/*
 * junit.c - JUnit XML, so CI systems list the checks: one test suite per
 * area, one test case per rule and resource. FAIL is a <failure>; MANUAL,
 * UNKNOWN, NOT_APPLICABLE and SUPPRESSED are <skipped> with the message;
 * PASS is an empty test case.
 */
#include "report.h"

#include <string.h>

static int write_junit(aza_scan *s, const aza_report_opts *o, aza_buf *b)
{
	char when[32];
	aza_report__iso_time(s->now, when, sizeof when);
	aza_report_tally t;
	aza_report__tally(s, o, &t);
	const size_t *c = t.all;
	size_t total = 0;
	for (int i = 0; i < AZA_STATUS_COUNT; i++)
		total += c[i];
	aza_buf__adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	aza_buf__printf(b, "<testsuites name=\"azaudit\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\" time=\"0\">\n",
	                total, c[AZA_FAIL], total - c[AZA_FAIL] - c[AZA_PASS]);
	for (int a = 0; a < AZA_AREA_COUNT; a++) {
		const size_t *ac = t.area[a];
		size_t at = 0;
		for (int i = 0; i < AZA_STATUS_COUNT; i++)
			at += ac[i];
		if (!at)
			continue;
		aza_buf__adds(b, "  <testsuite name=\"");
		aza_report__xml(b, aza_area_title((aza_area)a));
		aza_buf__printf(b, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\" time=\"0\" timestamp=\"%.19s\">\n",
		                at, ac[AZA_FAIL], at - ac[AZA_FAIL] - ac[AZA_PASS], when);
		for (size_t i = 0; i < aza_scan_count(s); i++) {
			const aza_finding *f = aza_scan_finding(s, i);
			const aza_rule *r = f->rule;
			if ((int)r->area != a || !aza_report__shown(o, f))
				continue;
			aza_buf__printf(b, "    <testcase classname=\"azaudit.%s.%s\" name=\"", aza_area_name(r->area), r->id);
			aza_buf__printf(b, "%s ", r->id);
			aza_report__xml(b, *f->resource_name ? f->resource_name : f->resource_id);
			aza_buf__adds(b, "\" time=\"0\"");
			if (f->status == AZA_PASS) {
				aza_buf__adds(b, "/>\n");
				continue;
			}
			aza_buf__adds(b, ">\n");
			if (f->status == AZA_FAIL) {
				aza_buf__adds(b, "      <failure message=\"");
				aza_report__xml(b, f->message);
				aza_buf__printf(b, "\" type=\"%s\">", aza_severity_name(r->severity));
				aza_report__xml(b, r->title);
				aza_buf__adds(b, "\nresource: ");
				aza_report__xml(b, f->resource_id);
				aza_buf__adds(b, "\n");
				aza_report__xml(b, f->message);
				if (r->portal) {
					aza_buf__adds(b, "\nportal: ");
					aza_report__xml(b, r->portal);
				}
				if (r->cli) {
					aza_buf__adds(b, "\naz: ");
					aza_report__xml(b, r->cli);
				}
				if (r->arm) {
					aza_buf__adds(b, "\nARM: ");
					aza_report__xml(b, r->arm);
				}
				aza_buf__adds(b, "</failure>\n");
			} else {
				aza_buf__printf(b, "      <skipped message=\"%s: ", aza_status_name(f->status));
				aza_report__xml(b, f->message);
				if (f->status == AZA_SUPPRESSED) {
					aza_buf__printf(b, " (suppressed %s: ", aza_status_name(f->suppressed_status));
					aza_report__xml(b, f->suppress_reason);
					aza_buf__adds(b, ")");
				}
				aza_buf__adds(b, "\"/>\n");
			}
			aza_buf__adds(b, "      <system-out>");
			aza_report__xml(b, f->resource_id);
			aza_buf__adds(b, "</system-out>\n    </testcase>\n");
		}
		aza_buf__adds(b, "  </testsuite>\n");
	}
	aza_buf__adds(b, "</testsuites>\n");
	return 0;
}

const aza_reporter aza_report_junit = {"junit", "junit.xml", write_junit};
