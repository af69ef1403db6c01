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
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond, what)                                                   \
	do {                                                                         \
		if (!(cond)) {                                                           \
			fprintf(stderr, "%s:%d: property violated: %s\n", __FILE__, __LINE__, \
			        what);                                                       \
			abort();                                                             \
		}                                                                        \
	} while (0)

/* The input as a file for readers that take a path: a memory file whose
 * /proc/self/fd path goes to path (cap bytes). Returns its descriptor (the
 * caller closes it), or -1 when it cannot be made or written whole. */
static inline int fuzz_file(const char *name, const uint8_t *data, size_t size, char *path, size_t cap)
{
	int fd = memfd_create(name, MFD_CLOEXEC);
	if (fd < 0)
		return -1;
	size_t off = 0;
	while (off < size) {
		ssize_t w = write(fd, data + off, size - off);
		if (w <= 0) {
			close(fd);
			return -1;
		}
		off += (size_t)w;
	}
	snprintf(path, cap, "/proc/self/fd/%d", fd);
	return fd;
}

#endif
