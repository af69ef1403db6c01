/*
 * expr_test.c - table-driven tests of the template expression evaluator.
 *
 * usage: expr_test CONTEXT.json CASES.txt
 * CONTEXT.json: {"template": {parameters, variables}, "parameters": {a
 * parameter file's "parameters"}}. CASES.txt: one case a line,
 *   <template string value><TAB><expected>
 * where <expected> is "= JSON" (the value), "! text" (an invalid
 * expression whose message contains text) or "? text" (an unknown value
 * whose description contains text). '#' starts a comment line.
 * Prints "ok"/"FAIL" lines and "N passed, M failed".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/template.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	char *p = malloc((size_t)n + 1);
	if (!p || fread(p, 1, (size_t)n, fp) != (size_t)n) {
		fclose(fp);
		free(p);
		return NULL;
	}
	fclose(fp);
	p[n] = 0;
	*len = (size_t)n;
	return p;
}

/* Like aza_json__write, but unknown values show as <?description>. */
static void show(aza_buf *b, const aza_json *j)
{
	if (j && j->kind == AZA_JUNKNOWN) {
		aza_buf__printf(b, "<?%s>", j->u.s ? j->u.s : "");
		return;
	}
	if (j && (j->kind == AZA_JARR || j->kind == AZA_JOBJ)) {
		int obj = j->kind == AZA_JOBJ;
		aza_buf__addc(b, obj ? '{' : '[');
		for (const aza_json *c = j->u.child; c; c = c->next) {
			if (c != j->u.child)
				aza_buf__addc(b, ',');
			if (obj) {
				aza_buf__json_str(b, c->key);
				aza_buf__addc(b, ':');
			}
			show(b, c);
		}
		aza_buf__addc(b, obj ? '}' : ']');
		return;
	}
	aza_json__write(b, j);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: expr_test CONTEXT.json CASES.txt\n");
		return 2;
	}
	size_t clen, tlen;
	char *ctxt = slurp(argv[1], &clen), *cases = slurp(argv[2], &tlen);
	if (!ctxt || !cases) {
		fprintf(stderr, "cannot read inputs\n");
		return 2;
	}
	aza_arena a;
	aza_arena__init(&a);
	aza_json *cj;
	aza_jerr je;
	if (aza_json__parse_all(&a, ctxt, clen, &cj, &je)) {
		fprintf(stderr, "%s: %s\n", argv[1], je.what);
		return 2;
	}
	const aza_json *tmpl = aza_json_get(cj, "template"), *pv = aza_json_get(cj, "parameters");
	int passed = 0, failed = 0, lineno = 0;
	for (char *line = strtok(cases, "\n"); line; line = strtok(NULL, "\n")) {
		lineno++;
		if (!*line || *line == '#')
			continue;
		char *tab = strchr(line, '\t');
		if (!tab || !tab[1] || !strchr("=!?", tab[1])) {
			printf("FAIL line %d: malformed case\n", lineno);
			failed++;
			continue;
		}
		*tab = 0;
		char kind = tab[1];
		const char *want = tab + 2;
		while (*want == ' ')
			want++;
		aza_ctx *ctx = aza_ctx_new();
		aza_arena_mark m = aza_arena__mark(&a);
		aza_json in;
		memset(&in, 0, sizeof in);
		in.kind = AZA_JSTR;
		in.u.s = line;
		in.n = (uint32_t)strlen(line);
		const char *err = NULL;
		aza_json *v = aza_tmpl__eval_value(ctx, &a, tmpl, pv, &in, &err);
		aza_buf got;
		aza_buf__init(&got, 1 << 24);
		if (v)
			show(&got, v);
		else
			aza_buf__printf(&got, "error: %s", err ? err : "?");
		const char *g = got.p ? got.p : "";
		int ok = 0;
		if (kind == '!') {
			ok = !v && err && strstr(err, want);
		} else if (kind == '?') {
			ok = v && v->kind == AZA_JUNKNOWN && v->u.s && strstr(v->u.s, want);
		} else {
			aza_json *w;
			aza_buf exp;
			aza_buf__init(&exp, 1 << 24);
			if (aza_json__parse_all(&a, want, strlen(want), &w, &je)) {
				printf("FAIL line %d: expected value is not JSON: %s\n", lineno, want);
			} else {
				show(&exp, w);
				ok = v && exp.p && strcmp(exp.p, g) == 0;
			}
			aza_buf__release(&exp);
		}
		if (ok) {
			passed++;
			printf("ok %d %s\n", lineno, line);
		} else {
			failed++;
			printf("FAIL line %d: %s\n  expected %c %s\n  got      %s\n", lineno, line, kind, want, g);
		}
		aza_buf__release(&got);
		aza_arena__reset(&a, m);
		aza_ctx_free(ctx);
	}
	aza_arena__release(&a);
	free(ctxt);
	free(cases);
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
