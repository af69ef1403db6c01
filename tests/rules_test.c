/*
 * rules_test.c - runs the rule fixtures in tests/rules/ (format in
 * tests/rules/README.md) and enforces that every automated rule has cases
 * that PASS, FAIL and are UNKNOWN, and every manual rule one that is MANUAL.
 *
 * usage: rules_test [DIR] [RULE-GLOB]
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/internal.h"
#include "rules/rule.h"

#define NOW 1793491200.0 /* 2026-11-01T00:00:00Z: fixtures' reference time */

static int failures, passes;

static char *slurp(const char *path)
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
	p[n] = 0;
	fclose(fp);
	return p;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int file_exists(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0;
}

/* Run one case; returns a bit set of the statuses it expects (1 << status). */
static unsigned run_case(const aza_rule *rule, const char *dir, const char *name)
{
	char input[1024], expect[1024], config[1024];
	snprintf(input, sizeof input, "%s/%s", dir, name);
	snprintf(expect, sizeof expect, "%s/%.*s.expect", dir, (int)(strlen(name) - 5), name);
	snprintf(config, sizeof config, "%s/%.*s.config.json", dir, (int)(strlen(name) - 5), name);
	char *exp = slurp(expect);
	if (!exp) {
		printf("FAIL %s %s: no %s\n", rule->id, name, expect);
		failures++;
		return 0;
	}
	aza_ctx *ctx = aza_ctx_new();
	if (file_exists(config) && aza_ctx_load_config(ctx, config)) {
		printf("FAIL %s %s: config: %s\n", rule->id, name, aza_errmsg(ctx));
		failures++;
		free(exp);
		aza_ctx_free(ctx);
		return 0;
	}
	aza_scan *s = aza_scan_new(ctx);
	aza_scan_set_now(s, NOW);
	aza_scan_select_rules(s, rule->id);
	int rc = aza_scan_add_path(s, input);
	if (rc == 0)
		rc = aza_scan_run(s);
	unsigned statuses = 0;
	char *got[512], *want[512];
	const char *want_msg[512];
	size_t ngot = 0, nwant = 0;
	int ok = 1;
	char why[2048] = "";
	if (rc) {
		snprintf(why, sizeof why, "scan failed: %s", aza_errmsg(ctx));
		ok = 0;
	} else {
		for (size_t i = 0; i < aza_scan_count(s) && ngot < 512; i++) {
			const aza_finding *f = aza_scan_finding(s, i);
			char line[1024];
			snprintf(line, sizeof line, "%s %s", aza_status_name(f->status), f->resource_name);
			got[ngot++] = strdup(line);
		}
		for (char *l = strtok(exp, "\n"); l; l = strtok(NULL, "\n")) {
			while (*l == ' ')
				l++;
			if (!*l || *l == '#')
				continue;
			char *tilde = strstr(l, " ~ ");
			want_msg[nwant] = NULL;
			if (tilde) {
				*tilde = 0;
				want_msg[nwant] = tilde + 3;
			}
			size_t n = strlen(l);
			while (n && l[n - 1] == ' ')
				l[--n] = 0;
			aza_status st;
			char stname[32];
			sscanf(l, "%31s", stname);
			if (aza_status_parse(stname, &st) == 0)
				statuses |= 1u << st;
			if (nwant < 512)
				want[nwant++] = l;
		}
		/* Message checks: each "STATUS name ~ text" needs a finding with that text. */
		for (size_t w = 0; w < nwant && ok; w++) {
			if (!want_msg[w])
				continue;
			int found = 0;
			for (size_t i = 0; i < aza_scan_count(s); i++) {
				const aza_finding *f = aza_scan_finding(s, i);
				char line[1024];
				snprintf(line, sizeof line, "%s %s", aza_status_name(f->status), f->resource_name);
				if (!strcmp(line, want[w]) && strstr(f->message, want_msg[w]))
					found = 1;
			}
			if (!found) {
				snprintf(why, sizeof why, "no finding '%s' with message containing '%s'", want[w], want_msg[w]);
				ok = 0;
			}
		}
		qsort(got, ngot, sizeof *got, cmp);
		char **ws = malloc((nwant + 1) * sizeof *ws);
		memcpy(ws, want, nwant * sizeof *ws);
		qsort(ws, nwant, sizeof *ws, cmp);
		int same = ngot == nwant;
		for (size_t i = 0; same && i < ngot; i++)
			same = strcmp(got[i], ws[i]) == 0;
		if (ok && !same) {
			size_t o = (size_t)snprintf(why, sizeof why, "findings differ\n      expected:");
			for (size_t i = 0; i < nwant && o < sizeof why; i++)
				o += (size_t)snprintf(why + o, sizeof why - o, "\n        %s", ws[i]);
			if (o < sizeof why)
				o += (size_t)snprintf(why + o, sizeof why - o, "\n      got:");
			for (size_t i = 0; i < ngot && o < sizeof why; i++) {
				const char *msg = "";
				for (size_t k = 0; k < aza_scan_count(s); k++) {
					const aza_finding *f = aza_scan_finding(s, k);
					char line[1024];
					snprintf(line, sizeof line, "%s %s", aza_status_name(f->status), f->resource_name);
					if (!strcmp(line, got[i]))
						msg = f->message;
				}
				o += (size_t)snprintf(why + o, sizeof why - o, "\n        %s ~ %s", got[i], msg);
			}
			ok = 0;
		}
		free(ws);
	}
	for (size_t i = 0; i < ngot; i++)
		free(got[i]);
	if (ok) {
		passes++;
	} else {
		printf("FAIL %s %s: %s\n", rule->id, name, why);
		failures++;
	}
	free(exp);
	aza_scan_free(s);
	aza_ctx_free(ctx);
	return ok ? statuses : 0;
}

static int starts(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static int ends(const char *s, const char *p)
{
	size_t a = strlen(s), b = strlen(p);
	return a >= b && strcmp(s + a - b, p) == 0;
}

/* A rule's .subject (rule.h): only on scope rules, and each entry's type is
 * among its .needs, so that it is collected and kept. */
static void subject_ok(const aza_rule *r)
{
	if (r->subject && r->scope == AZA_SCOPE_RESOURCE) {
		printf("FAIL %s: a resource rule with a .subject\n", r->id);
		failures++;
		return;
	}
	const char *p = r->subject;
	aza_subject e;
	while (aza_rule__subject_next(&p, &e)) {
		int found = 0;
		for (const char *q = r->needs ? r->needs : ""; *q && !found; q += strspn(q, " ")) {
			size_t ql = strcspn(q, " ");
			found = ql == e.tl && aza__strnieq(q, e.type, e.tl);
			q += ql;
		}
		if (!found || (e.name && !e.nl)) {
			printf("FAIL %s: .subject entry '%.*s' is malformed or its type is not in .needs\n", r->id, (int)e.tl, e.type);
			failures++;
		}
		/* A management group is judged only in place of a subscription. */
		if (e.mg && r->scope != AZA_SCOPE_SUBSCRIPTION) {
			printf("FAIL %s: .subject entry '@@%.*s' on a rule that is not a subscription rule\n", r->id, (int)e.tl, e.type);
			failures++;
		}
	}
}

int main(int argc, char **argv)
{
	const char *root = argc > 1 ? argv[1] : "tests/rules";
	const char *only = argc > 2 ? argv[2] : "*";
	size_t rules = 0;
	for (size_t i = 0; i < aza_rule_count(); i++) {
		const aza_rule *r = aza_rule_at(i);
		if (!aza__glob(only, r->id))
			continue;
		rules++;
		subject_ok(r);
		char dir[512];
		snprintf(dir, sizeof dir, "%s/%s", root, r->id);
		DIR *d = opendir(dir);
		if (!d) {
			printf("FAIL %s: no fixtures (%s/)\n", r->id, dir);
			failures++;
			continue;
		}
		char *names[256];
		size_t n = 0;
		struct dirent *e;
		while ((e = readdir(d)) && n < 256)
			if (ends(e->d_name, ".json") && !ends(e->d_name, ".config.json"))
				names[n++] = strdup(e->d_name);
		closedir(d);
		qsort(names, n, sizeof *names, cmp);
		unsigned have = 0;
		for (size_t k = 0; k < n; k++) {
			unsigned st = run_case(r, dir, names[k]);
			/* A case named pass* must expect a PASS, and so on. */
			if (starts(names[k], "pass") && (st & (1u << AZA_PASS)))
				have |= 1u << AZA_PASS;
			if (starts(names[k], "fail") && (st & (1u << AZA_FAIL)))
				have |= 1u << AZA_FAIL;
			if (starts(names[k], "unknown") && (st & (1u << AZA_UNKNOWN)))
				have |= 1u << AZA_UNKNOWN;
			if (starts(names[k], "manual") && (st & (1u << AZA_MANUAL)))
				have |= 1u << AZA_MANUAL;
			free(names[k]);
		}
		unsigned need = r->check ? (1u << AZA_PASS) | (1u << AZA_FAIL) | (1u << AZA_UNKNOWN) : 1u << AZA_MANUAL;
		if ((have & need) != need) {
			printf("FAIL %s: missing fixtures:%s%s%s%s\n", r->id,
			       (need & ~have & (1u << AZA_PASS)) ? " pass" : "",
			       (need & ~have & (1u << AZA_FAIL)) ? " fail" : "",
			       (need & ~have & (1u << AZA_UNKNOWN)) ? " unknown" : "",
			       (need & ~have & (1u << AZA_MANUAL)) ? " manual" : "");
			failures++;
		}
	}
	printf("rules: %zu rules checked\n", rules);
	printf("%d passed, %d failed\n", passes, failures);
	return failures ? 1 : 0;
}
