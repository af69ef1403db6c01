/*
 * parse_baseline.c - the bare streaming parse the scan is measured against:
 * every element of the snapshot's "resources" array (or every JSON Lines
 * record) is parsed by azaudit's JSON parser into an arena and dropped,
 * single-threaded, with no inventory and no rules.
 *
 * usage: parse_baseline FILE
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/internal.h"

#define CHUNK (1u << 20)

int main(int argc, char **argv)
{
	if (argc != 2)
		return fprintf(stderr, "usage: parse_baseline FILE\n"), 2;
	FILE *fp = fopen(argv[1], "rb");
	if (!fp)
		return perror(argv[1]), 2;
	size_t cap = 4 * CHUNK, len = 0, pos = 0, base = 0, count = 0;
	char *buf = malloc(cap);
	int eof = 0, started = 0;
	aza_arena a;
	aza_arena__init(&a);
	for (;;) {
		if (!eof && len - pos < CHUNK) {
			memmove(buf, buf + pos, len - pos);
			len -= pos;
			base += pos;
			pos = 0;
			if (cap - len < CHUNK) {
				cap *= 2;
				buf = realloc(buf, cap);
			}
			size_t n = fread(buf + len, 1, cap - len, fp);
			len += n;
			eof = n == 0;
		}
		if (!started) {
			char *p = memchr(buf, '{', len);
			char *r = p ? strstr(p, "\"resources\"") : NULL;
			if (r) {
				pos = (size_t)(strchr(r, '[') - buf) + 1;
			} else {
				pos = 0; /* JSON Lines */
			}
			started = 1;
		}
		while (pos < len && strchr(" \t\r\n,", buf[pos]))
			pos++;
		if (pos >= len && eof)
			break;
		if (pos < len && buf[pos] == ']')
			break;
		aza_json *j;
		aza_jerr e;
		aza_arena_mark m = aza_arena__mark(&a);
		size_t p2 = pos;
		int rc = aza_json__parse(&a, buf, len, &p2, eof, base, AZA_MAX_DEPTH, &j, &e);
		aza_arena__reset(&a, m);
		if (rc) {
			if (e.more && !eof) {
				/* force a refill */
				size_t keep = len - pos;
				memmove(buf, buf + pos, keep);
				base += pos;
				len = keep;
				pos = 0;
				if (cap - len < CHUNK) {
					cap *= 2;
					buf = realloc(buf, cap);
				}
				size_t n = fread(buf + len, 1, cap - len, fp);
				len += n;
				eof = n == 0;
				continue;
			}
			fprintf(stderr, "parse error at %zu: %s\n", e.off, e.what);
			return 1;
		}
		pos = p2;
		count++;
	}
	aza_arena__release(&a);
	printf("%zu resources parsed\n", count);
	return 0;
}
