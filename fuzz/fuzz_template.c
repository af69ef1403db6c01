/*
 * fuzz_template.c - libFuzzer target: a template text through the scan
 * (expansion, the expression evaluator, the rules). Any input must give a
 * clean error or findings, never a crash, a leak or unbounded work.
 */
#include <stddef.h>
#include <stdint.h>

#include <azaudit/azaudit.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	aza_ctx *ctx = aza_ctx_new();
	if (!ctx)
		return 0;
	aza_scan *s = aza_scan_new(ctx);
	if (s) {
		/* A file name that ends in .json would look for x.parameters.json. */
		if (aza_scan_add_buffer(s, "fuzz-template", (const char *)data, size) == 0)
			aza_scan_run(s);
		aza_scan_free(s);
	}
	aza_ctx_free(ctx);
	return 0;
}
