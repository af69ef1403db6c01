/*
 * tmpl_parse.c - the bare parse the template scan is compared with: every
 * file named on standard input (one per line) is read and parsed whole by
 * azaudit's JSON parser into an arena, then dropped. No expansion, no rules.
 *
 * usage: find DIR -name '*.json' | tmpl_parse
 *
 * The stages of a scan, measured the same way (through the library, no
 * report): `tmpl_parse expand DIR` reads, parses and expands every template
 * under DIR into an inventory; `tmpl_parse rules DIR` also runs the rules.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <azaudit/azaudit.h>

#include "lib/internal.h"

static int stages(const char *mode, const char *dir)
{
	aza_ctx *ctx = aza_ctx_new();
	aza_scan *s = ctx ? aza_scan_new(ctx) : NULL;
	if (!s)
		return 3;
	if (aza_scan_add_path(s, dir)) {
		fprintf(stderr, "tmpl_parse: %s\n", aza_errmsg(ctx));
		return 2;
	}
	size_t n = 0;
	if (!strcmp(mode, "rules")) {
		if (aza_scan_run(s))
			return 2;
		n = aza_scan_count(s);
	}
	printf("%s: %zu findings\n", mode, n);
	aza_scan_free(s);
	aza_ctx_free(ctx);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3)
		return stages(argv[1], argv[2]);
	char path[4096];
	size_t files = 0, bytes = 0, bad = 0;
	aza_arena a;
	aza_arena__init(&a);
	char *buf = NULL;
	size_t cap = 0;
	while (fgets(path, sizeof path, stdin)) {
		path[strcspn(path, "\n")] = 0;
		FILE *fp = fopen(path, "rb");
		if (!fp)
			continue;
		size_t len = 0, n;
		for (;;) {
			if (cap - len < 65536) {
				cap = cap ? cap * 2 : 1 << 20;
				buf = realloc(buf, cap);
				if (!buf)
					return 3;
			}
			n = fread(buf + len, 1, cap - len, fp);
			if (!n)
				break;
			len += n;
		}
		fclose(fp);
		aza_arena_mark m = aza_arena__mark(&a);
		aza_json *j;
		aza_jerr e;
		if (aza_json__parse_all(&a, buf, len, &j, &e))
			bad++;
		aza_arena__reset(&a, m);
		files++;
		bytes += len;
	}
	printf("parsed %zu files, %zu bytes, %zu invalid\n", files, bytes, bad);
	free(buf);
	aza_arena__release(&a);
	return 0;
}
