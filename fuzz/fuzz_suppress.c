/*
 * fuzz_suppress.c - libFuzzer target: a suppressions file (accepted risks,
 * docs/suppressions.md: globs, regular expressions, tags, expiry dates)
 * applied to a small scan by aza_scan_suppress. Any input must give a
 * documented error code with a message, or a scan whose findings are each
 * kept or suppressed; never a crash, a leak or unbounded work.
 */
#include <stdio.h>

#include "fuzz.h"

#include <azaudit/azaudit.h>

/* Two storage accounts, one that passes secure transfer and one that
 * fails, tagged so that tag matches are tried. */
static const char scan_input[] =
	"[{\"id\":\"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/"
	"Microsoft.Storage/storageAccounts/legacy1\",\"name\":\"legacy1\",\"type\":\"Microsoft.Storage/storageAccounts\","
	"\"location\":\"westeurope\",\"tags\":{\"env\":\"prod\"},\"properties\":{\"supportsHttpsTrafficOnly\":false}},"
	"{\"id\":\"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/"
	"Microsoft.Storage/storageAccounts/stgok\",\"name\":\"stgok\",\"type\":\"Microsoft.Storage/storageAccounts\","
	"\"location\":\"westeurope\",\"properties\":{\"supportsHttpsTrafficOnly\":true}}]";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	int fd = fuzz_file("fuzz-suppress", data, size, path, sizeof path);
	if (fd < 0)
		return 0;
	aza_ctx *ctx = aza_ctx_new();
	aza_scan *s = ctx ? aza_scan_new(ctx) : NULL;
	if (s && aza_scan_add_buffer(s, "fuzz-suppress-scan", scan_input, sizeof scan_input - 1) == 0 &&
	    aza_scan_select_rules(s, "AZA-STG-001") == 0 && aza_scan_run(s) == 0) {
		size_t before = aza_scan_count(s);
		int rc = aza_scan_suppress(s, path);
		FUZZ_CHECK(rc == 0 || rc == AZA_EPARSE || rc == AZA_EINPUT || rc == AZA_ELIMIT || rc == AZA_ENOMEM || rc == AZA_EIO,
		           "suppressions: an undocumented error code");
		FUZZ_CHECK(rc == 0 || *aza_errmsg(ctx), "suppressions: an error without a message");
		FUZZ_CHECK(aza_scan_count(s) == before, "suppressions: findings added or lost");
	}
	aza_scan_free(s);
	aza_ctx_free(ctx);
	close(fd);
	return 0;
}
