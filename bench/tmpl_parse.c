/*
 * tmpl_parse.c - the bare parse the template scan is compared with: every
 * file named on standard input (one per line) is read and parsed whole by
 * azaudit's JSON parser into an arena, then dropped. No expansion, no rules.
 *
 * usage: find DIR -name '*.json' | tmpl_parse
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/internal.h"

int main(void)
{
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
