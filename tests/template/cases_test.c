/*
 * cases_test.c - template cases: each directory under DIR holds
 *   template.json              the template (x.parameters.json beside it is read)
 *   options                    optional lines "key=value": rules=IDS (the rules
 *                              to run, comma-separated), and the template
 *                              options parameters=FILE (relative to the case),
 *                              subscription=, resource-group=, location=;
 *                              props=1 adds where FAIL findings point
 *                              ("prop @LINE:COL POINTER", aza_finding.prop_*)
 *   expected                   the findings, one a line:
 *                              STATUS RULE TYPE NAME @LINE:COL POINTER [| suppressed: REASON] [| message]
 *                              (NOT_APPLICABLE and findings not on a template
 *                              resource are left out), or
 *   expected-error             a text the scan's error message must contain.
 * A case may set "message" in options (message=1) to add the messages.
 * With AZAUDIT_UPDATE=1 the expected files are rewritten (review them!).
 * Prints "ok NAME" / "FAIL NAME" and "N passed, M failed".
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <azaudit/azaudit.h>

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *p = malloc(cap);
	size_t k;
	while (p && (k = fread(p + n, 1, cap - n - 1, fp)) > 0) {
		n += k;
		if (cap - n < 2) {
			char *q = realloc(p, cap *= 2);
			if (!q) {
				free(p);
				p = NULL;
			}
			p = q;
		}
	}
	fclose(fp);
	if (p)
		p[n] = 0;
	return p;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void warn_cb(void *ud, const char *msg)
{
	FILE *fp = ud;
	fprintf(fp, "warning: %s\n", msg);
}

static int run_case(const char *dir, const char *name, int update)
{
	char path[4096], tmpl[4096];
	snprintf(path, sizeof path, "%s/%s/options", dir, name);
	snprintf(tmpl, sizeof tmpl, "%s/%s/template.json", dir, name);
	char *opts = slurp(path);
	const char *rules = NULL, *secret = NULL;
	int with_msg = 0, all = 0, leaked = 0, props = 0;
	aza_ctx *ctx = aza_ctx_new();
	aza_scan *s = aza_scan_new(ctx);
	char *warnings = NULL;
	size_t wlen = 0;
	FILE *wfp = open_memstream(&warnings, &wlen);
	aza_ctx_set_warn(ctx, warn_cb, wfp);
	aza_scan_set_now(s, 1790000000);
	char pbuf[4096];
	int rc = 0;
	for (char *l = opts ? strtok(opts, "\n") : NULL; l; l = strtok(NULL, "\n")) {
		char *eq = strchr(l, '=');
		if (!eq || *l == '#')
			continue;
		*eq = 0;
		if (!strcmp(l, "rules"))
			rules = eq + 1;
		else if (!strcmp(l, "message"))
			with_msg = 1;
		else if (!strcmp(l, "props"))
			props = 1; /* add where FAIL findings point: prop @LINE:COL POINTER */
		else if (!strcmp(l, "all"))
			all = 1; /* also findings not on a template resource (subscription scope) */
		else if (!strcmp(l, "secret"))
			secret = eq + 1; /* must appear in no finding */
		else if (!strcmp(l, "parameters")) {
			snprintf(pbuf, sizeof pbuf, "%s/%s/%s", dir, name, eq + 1);
			rc = rc ? rc : aza_scan_template_option(s, "parameters", pbuf);
		} else
			rc = rc ? rc : aza_scan_template_option(s, l, eq + 1);
	}
	if (!rc && rules)
		rc = aza_scan_select_rules(s, rules);
	if (!rc)
		rc = aza_scan_add_path(s, tmpl);
	if (!rc)
		rc = aza_scan_run(s);
	fflush(wfp);
	/* the actual output */
	char *out = NULL;
	size_t olen = 0;
	FILE *ofp = open_memstream(&out, &olen);
	const char *what = "expected";
	if (rc) {
		what = "expected-error";
		fprintf(ofp, "%s\n", aza_errmsg(ctx));
	} else {
		size_t n = aza_scan_count(s), k = 0;
		char **lines = calloc(n + 1, sizeof *lines);
		for (size_t i = 0; i < n; i++) {
			const aza_finding *f = aza_scan_finding(s, i);
			if (secret && (strstr(f->message, secret) || strstr(f->resource_id, secret) ||
			               strstr(f->resource_name, secret)))
				leaked = 1;
			if (f->status == AZA_NOT_APPLICABLE || (!f->pointer && !all))
				continue;
			char *ln = NULL;
			size_t ll = 0;
			FILE *lf = open_memstream(&ln, &ll);
			fprintf(lf, "%s %s %s %s @%lu:%lu %s", aza_status_name(f->status), aza_rule_id(f->rule), f->resource_type,
			        f->resource_name, f->line, f->column, f->pointer ? f->pointer : "-");
			if (props && f->prop_line)
				fprintf(lf, " prop @%lu:%lu %s", f->prop_line, f->prop_column, f->prop_pointer);
			if (f->suppressed_reason)
				fprintf(lf, " | suppressed: %s", f->suppressed_reason);
			if (with_msg)
				fprintf(lf, " | %s", f->message);
			fclose(lf);
			lines[k++] = ln;
		}
		qsort(lines, k, sizeof *lines, cmp);
		for (size_t i = 0; i < k; i++) {
			fprintf(ofp, "%s\n", lines[i]);
			free(lines[i]);
		}
		free(lines);
	}
	fclose(ofp);
	snprintf(path, sizeof path, "%s/%s/%s", dir, name, what);
	int ok;
	if (update) {
		FILE *fp = fopen(path, "w");
		if (fp) {
			fputs(rc ? aza_errmsg(ctx) : out, fp);
			if (rc)
				fputc('\n', fp);
			fclose(fp);
		}
		ok = 1;
	} else {
		char *want = slurp(path);
		if (rc) {
			/* expected-error: a substring (first line) of the message */
			if (want && strchr(want, '\n'))
				*strchr(want, '\n') = 0;
			ok = want && *want && strstr(aza_errmsg(ctx), want);
		} else {
			ok = want && strcmp(want, out) == 0;
		}
		if (leaked) {
			ok = 0;
			printf("FAIL %s: a finding shows the secret value\n", name);
		}
		if (!ok)
			printf("FAIL %s\n--- expected (%s)\n%s--- got\n%s%s", name, what, want ? want : "(missing)\n", out,
			       warnings && *warnings ? warnings : "");
		else
			printf("ok %s\n", name);
		free(want);
	}
	free(out);
	fclose(wfp);
	free(warnings);
	free(opts);
	aza_scan_free(s);
	aza_ctx_free(ctx);
	return ok;
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "tests/template/cases";
	int update = getenv("AZAUDIT_UPDATE") && *getenv("AZAUDIT_UPDATE") == '1';
	DIR *d = opendir(dir);
	if (!d) {
		printf("cannot open %s\n0 passed, 1 failed\n", dir);
		return 1;
	}
	char *names[1024];
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < 1024)
		if (e->d_name[0] != '.')
			names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, n, sizeof *names, cmp);
	int passed = 0, failed = 0;
	for (size_t i = 0; i < n; i++) {
		if (run_case(dir, names[i], update))
			passed++;
		else
			failed++;
		free(names[i]);
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
