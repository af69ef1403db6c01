/*
 * fuzz_exposure.c - libFuzzer target over the internet exposure model
 * builder: the input is read as a scan input (snapshot, ARM array, JSON
 * Lines), the network model is built and written as text and JSON. Any
 * crash, leak or undefined behaviour is a bug; errors are expected.
 *
 * Seeds: tests/rules/AZA-NET-027/ and AZA-NET-028/ (every case is a small
 * tenant with NICs, NSGs, public IPs, load balancers and scale sets).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "azaudit/azaudit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *devnull;
	if (!devnull)
		devnull = fopen("/dev/null", "w");
	aza_ctx *ctx = aza_ctx_new();
	if (!ctx)
		return 0;
	aza_scan *s = aza_scan_new(ctx);
	if (s && aza_scan_add_buffer(s, "fuzz.json", (const char *)data, size) == 0) {
		const aza_exposure *x = NULL;
		if (aza_exposure_compute(s, &x) == 0 && devnull) {
			aza_exposure_write(x, "text", devnull);
			aza_exposure_write(x, "json", devnull);
			for (size_t i = 0; i < aza_exposure_count(x); i++) {
				const aza_expo_endpoint *e = aza_exposure_at(x, i);
				for (size_t k = 0; k < e->nreach; k++)
					if (e->reach[k].port_lo > e->reach[k].port_hi || e->reach[k].nhops == 0)
						__builtin_trap();
			}
			/* the rules reuse the model */
			aza_scan_select_rules(s, "AZA-NET-027,AZA-NET-028");
			aza_scan_run(s);
		}
	}
	aza_scan_free(s);
	aza_ctx_free(ctx);
	return 0;
}
