/*
 * fuzz_baseline.c - libFuzzer target: a baseline (a previous JSON report,
 * untrusted) read against a small scan (triage.c walks it one finding at a
 * time from a mapping of the file). Any input must give a clean error or
 * marks on every finding, never a crash, a leak or unbounded work.
 */
#include <stdio.h>
#include <string.h>

#include "fuzz.h"

#include <azaudit/azaudit.h>

/* Two storage accounts, one that passes secure transfer and one that
 * fails: the corpus's reports name them. */
static const char scan_input[] =
	"[{\"id\":\"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/"
	"Microsoft.Storage/storageAccounts/stgok\",\"name\":\"stgok\",\"type\":\"Microsoft.Storage/storageAccounts\","
	"\"location\":\"westeurope\",\"properties\":{\"supportsHttpsTrafficOnly\":true,\"minimumTlsVersion\":\"TLS1_2\"}},"
	"{\"id\":\"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/"
	"Microsoft.Storage/storageAccounts/stgbad\",\"name\":\"stgbad\",\"type\":\"Microsoft.Storage/storageAccounts\","
	"\"location\":\"westeurope\",\"properties\":{\"supportsHttpsTrafficOnly\":false,\"minimumTlsVersion\":\"TLS1_0\"}}]";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The baseline is a path: a memory file, a regular file to the reader. */
	char path[64];
	int fd = fuzz_file("fuzz-baseline", data, size, path, sizeof path);
	if (fd < 0)
		return 0;
	aza_ctx *ctx = aza_ctx_new();
	aza_scan *s = ctx ? aza_scan_new(ctx) : NULL;
	if (s && aza_scan_add_buffer(s, "fuzz-baseline-scan", scan_input, sizeof scan_input - 1) == 0 &&
	    aza_scan_select_rules(s, "AZA-STG-001,AZA-STG-002") == 0 && aza_scan_run(s) == 0) {
		int rc = aza_scan_baseline(s, path);
		FUZZ_CHECK(rc == 0 || rc == AZA_EPARSE || rc == AZA_EINPUT || rc == AZA_ELIMIT || rc == AZA_ENOMEM || rc == AZA_EIO,
		           "baseline: an undocumented error code");
		FUZZ_CHECK(rc == 0 || *aza_errmsg(ctx), "baseline: an error without a message");
		if (rc == 0) {
			FUZZ_CHECK(aza_scan_has_baseline(s), "baseline read but not recorded");
			for (size_t i = 0; i < aza_scan_count(s); i++) {
				const aza_finding *f = aza_scan_finding(s, i);
				FUZZ_CHECK(f->baseline == AZA_BASELINE_NEW || f->baseline == AZA_BASELINE_UNCHANGED,
				           "a finding without a baseline mark");
			}
			for (size_t i = 0; i < aza_scan_resolved_count(s); i++) {
				const aza_resolved *z = aza_scan_resolved(s, i);
				FUZZ_CHECK(z && z->rule_id && z->resource_id && z->status && z->message, "a resolved entry without its fields");
			}
		}
	}
	aza_scan_free(s);
	aza_ctx_free(ctx);
	close(fd);
	return 0;
}
