/*
 * replay.c - runs a fuzz target over files without libFuzzer, so every
 * corpus is replayed by `make check` under the normal compiler (and under
 * the sanitizers by `make asan`).
 *
 * usage: replay FILE|DIR...   (a directory: every regular file in it)
 * Prints "N passed, 0 failed"; a broken property aborts.
 */
#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int passed;

static void run_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		printf("FAIL cannot open %s\n", path);
		printf("%d passed, 1 failed\n", passed);
		exit(1);
	}
	size_t cap = 4096, len = 0, n;
	uint8_t *buf = malloc(cap);
	while (buf && (n = fread(buf + len, 1, cap - len, fp)) > 0) {
		len += n;
		if (len == cap) {
			uint8_t *nb = realloc(buf, cap *= 2);
			if (!nb)
				free(buf);
			buf = nb;
		}
	}
	fclose(fp);
	if (!buf) {
		printf("FAIL out of memory reading %s\n", path);
		exit(1);
	}
	/* An exact-size copy so overreads are caught by the sanitizers. */
	uint8_t *exact = malloc(len ? len : 1);
	if (!exact)
		exit(1);
	memcpy(exact, buf, len);
	free(buf);
	LLVMFuzzerTestOneInput(exact, len);
	free(exact);
	passed++;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_path(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
		run_file(path);
		return;
	}
	DIR *d = opendir(path);
	if (!d) {
		run_file(path);
		return;
	}
	char **names = NULL;
	size_t nn = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char **v = realloc(names, (nn + 1) * sizeof *v);
		if (!v)
			exit(1);
		names = v;
		names[nn++] = strdup(e->d_name);
	}
	closedir(d);
	if (nn)
		qsort(names, nn, sizeof *names, cmp);
	for (size_t i = 0; i < nn; i++) {
		size_t l = strlen(path) + strlen(names[i]) + 2;
		char *full = malloc(l);
		if (!full)
			exit(1);
		snprintf(full, l, "%s/%s", path, names[i]);
		if (stat(full, &st) == 0 && S_ISREG(st.st_mode))
			run_file(full);
		free(full);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		run_path(argv[i]);
	printf("%d passed, 0 failed\n", passed);
	return 0;
}
