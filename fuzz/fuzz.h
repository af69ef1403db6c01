/*
 * fuzz.h - what the fuzz targets share. Each target defines
 * LLVMFuzzerTestOneInput; libFuzzer drives it when built with clang
 * -fsanitize=fuzzer, and replay.c drives it over the corpus in `make check`.
 * FUZZ_CHECK aborts (also under NDEBUG) so a broken property is a crash.
 */
#ifndef AZA_FUZZ_H
#define AZA_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond, what)                                                   \
	do {                                                                         \
		if (!(cond)) {                                                           \
			fprintf(stderr, "%s:%d: property violated: %s\n", __FILE__, __LINE__, \
			        what);                                                       \
			abort();                                                             \
		}                                                                        \
	} while (0)

#endif
