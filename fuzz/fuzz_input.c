/*
 * fuzz_input.c - the whole pipeline on arbitrary bytes: input detection and
 * streaming, the inventory, every rule, and the text and JSON reports.
 *
 * Properties checked: no crash, leak or undefined behaviour; a failure is a
 * documented error code with a message; the JSON report of a successful scan
 * is valid JSON with the fields every report has.
 */
#include <string.h>

#include "fuzz.h"
#include "lib/internal.h"

static void quiet(void *ud, const char *msg)
{
	(void)ud;
	FUZZ_CHECK(msg && *msg, "warnings have text");
}

static void report(aza_scan *s, const char *format, int color, int verbose)
{
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);
	if (!fp)
		return;
	aza_report_opts o;
	memset(&o, 0, sizeof o);
	o.color = color;
	o.verbose = verbose;
	int rc = aza_report_write(s, format, &o, fp);
	fclose(fp);
	FUZZ_CHECK(rc == 0 || rc == AZA_ENOMEM, "a report is written");
	if (rc == 0 && !strcmp(format, "json")) {
		aza_arena a;
		aza_arena__init(&a);
		aza_json *j;
		aza_jerr e;
		int prc = aza_json__parse_all(&a, out, len, &j, &e);
		if (prc)
			fprintf(stderr, "JSON report invalid at %zu: %s\n", e.off, e.what);
		FUZZ_CHECK(prc == 0, "the JSON report is valid JSON");
		FUZZ_CHECK(aza_json_str(aza_json_get(j, "schema_version")) != NULL, "report has schema_version");
		FUZZ_CHECK(aza_json_is(aza_json_get(j, "findings"), AZA_JARR), "report has findings");
		FUZZ_CHECK(aza_json_len(aza_json_get(j, "findings")) == aza_scan_count(s), "every finding is reported");
		aza_arena__release(&a);
	}
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	aza_ctx *ctx = aza_ctx_new();
	if (!ctx)
		return 0;
	aza_ctx_set_warn(ctx, quiet, NULL);
	aza_scan *s = aza_scan_new(ctx);
	if (!s) {
		aza_ctx_free(ctx);
		return 0;
	}
	aza_scan_set_now(s, 1793491200.0);
	int rc = aza_scan_add_buffer(s, "fuzz.json", (const char *)data, size);
	if (rc == 0)
		rc = aza_scan_run(s);
	if (rc) {
		FUZZ_CHECK(rc >= AZA_ENOTFOUND && rc < 0, "a documented error code");
		FUZZ_CHECK(*aza_errmsg(ctx), "an error has a message");
	} else {
		for (size_t i = 0; i < aza_scan_count(s); i++) {
			const aza_finding *f = aza_scan_finding(s, i);
			FUZZ_CHECK(f->rule && f->resource_id && f->message && f->source, "findings are complete");
			FUZZ_CHECK((int)f->status >= 0 && f->status < AZA_STATUS_COUNT, "status in range");
		}
		double score = aza_scan_score(s);
		FUZZ_CHECK(score == -1 || (score >= 0 && score <= 100), "score in range");
		report(s, "json", 0, 0);
		report(s, "text", 1, 1);
	}
	aza_scan_free(s);
	aza_ctx_free(ctx);
	return 0;
}
