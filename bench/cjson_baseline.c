/*
 * cjson_baseline.c - the comparison behind the choice of JSON parser
 * (docs/json.md): every element of a snapshot's "resources" array parsed
 * one at a time by cJSON (Debian's libcjson-dev) and freed, the way the
 * issue measured it. Element boundaries are found by a bracket scanner.
 * Built only by bench/run.sh when libcjson-dev is installed.
 *
 * usage: cjson_baseline FILE
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK (1u << 20)

int main(int argc, char **argv)
{
	if (argc != 2)
		return fprintf(stderr, "usage: cjson_baseline FILE\n"), 2;
	FILE *fp = fopen(argv[1], "rb");
	if (!fp)
		return perror(argv[1]), 2;
	size_t cap = 8 * CHUNK, len = 0, pos = 0, count = 0;
	char *buf = malloc(cap);
	int eof = 0, started = 0;
	for (;;) {
		if (!eof && len - pos < 4 * CHUNK) {
			memmove(buf, buf + pos, len - pos);
			len -= pos;
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
			char *r = strstr(buf, "\"resources\"");
			pos = r ? (size_t)(strchr(r, '[') - buf) + 1 : 0;
			started = 1;
		}
		while (pos < len && strchr(" \t\r\n,", buf[pos]))
			pos++;
		if (pos >= len || buf[pos] == ']')
			break;
		/* find the end of the element: brackets outside strings */
		size_t i = pos;
		int depth = 0, in_str = 0;
		for (; i < len; i++) {
			char c = buf[i];
			if (in_str) {
				if (c == '\\')
					i++;
				else if (c == '"')
					in_str = 0;
			} else if (c == '"') {
				in_str = 1;
			} else if (c == '{' || c == '[') {
				depth++;
			} else if (c == '}' || c == ']') {
				if (--depth == 0) {
					i++;
					break;
				}
			}
		}
		if (depth != 0) {
			if (eof)
				return fprintf(stderr, "truncated element\n"), 1;
			/* need more data: grow and refill */
			if (cap - len < CHUNK) {
				cap *= 2;
				buf = realloc(buf, cap);
			}
			size_t n = fread(buf + len, 1, cap - len, fp);
			len += n;
			eof = n == 0;
			continue;
		}
		cJSON *j = cJSON_ParseWithLength(buf + pos, i - pos);
		if (!j)
			return fprintf(stderr, "parse error\n"), 1;
		cJSON_Delete(j);
		pos = i;
		count++;
	}
	printf("%zu resources parsed\n", count);
	free(buf);
	return 0;
}
