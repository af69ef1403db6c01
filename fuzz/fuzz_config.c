/*
 * fuzz_config.c - libFuzzer target: a configuration file (docs/config.md)
 * read by aza_ctx_load_config. Any input must give a documented error code
 * with a message, or a configuration a scan then runs with; never a crash,
 * a leak or unbounded work.
 */
#include <stdio.h>

#include "fuzz.h"

#include <azaudit/azaudit.h>

/* A storage account and a VM, so that the tag, extension and age settings
 * are read by rules. */
static const char scan_input[] =
	"[{\"id\":\"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/"
	"Microsoft.Storage/storageAccounts/stgcrit\",\"name\":\"stgcrit\",\"type\":\"Microsoft.Storage/storageAccounts\","
	"\"location\":\"westeurope\",\"tags\":{\"criticality\":\"high\"},\"properties\":{\"supportsHttpsTrafficOnly\":true,"
	"\"keyCreationTime\":{\"key1\":\"2026-01-01T00:00:00Z\",\"key2\":\"2026-01-01T00:00:00Z\"}}},"
	"{\"id\":\"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/"
	"Microsoft.Compute/virtualMachines/vm1\",\"name\":\"vm1\",\"type\":\"Microsoft.Compute/virtualMachines\","
	"\"location\":\"westeurope\",\"properties\":{\"storageProfile\":{\"osDisk\":{\"osType\":\"Linux\"}}},"
	"\"resources\":[{\"id\":\"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/"
	"Microsoft.Compute/virtualMachines/vm1/extensions/ama\",\"name\":\"ama\",\"properties\":{\"publisher\":"
	"\"Microsoft.Azure.Monitor\",\"type\":\"AzureMonitorLinuxAgent\"}}]}]";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	int fd = fuzz_file("fuzz-config", data, size, path, sizeof path);
	if (fd < 0)
		return 0;
	aza_ctx *ctx = aza_ctx_new();
	if (ctx) {
		int rc = aza_ctx_load_config(ctx, path);
		FUZZ_CHECK(rc == 0 || rc == AZA_EPARSE || rc == AZA_EINPUT || rc == AZA_ELIMIT || rc == AZA_ENOMEM || rc == AZA_EIO,
		           "config: an undocumented error code");
		FUZZ_CHECK(rc == 0 || *aza_errmsg(ctx), "config: an error without a message");
		if (rc == 0) {
			/* A configuration that loads is one a scan runs with. */
			aza_scan *s = aza_scan_new(ctx);
			if (s && aza_scan_add_buffer(s, "fuzz-config-scan", scan_input, sizeof scan_input - 1) == 0) {
				int sr = aza_scan_run(s);
				FUZZ_CHECK(sr == 0 || sr == AZA_ENOMEM, "config: a loaded configuration makes the scan fail");
			}
			aza_scan_free(s);
		}
	}
	aza_ctx_free(ctx);
	close(fd);
	return 0;
}
