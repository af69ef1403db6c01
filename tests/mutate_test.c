/*
 * mutate_test.c - every rule on every rule fixture made wrong in the ways
 * real exports are wrong: ids without a '/', strings where objects or
 * numbers belong, numbers and booleans spelled as strings, arrays that
 * are objects and objects that are arrays, empty strings, nulls.
 *
 * usage: mutate_test DIR...   (tests/rules, template cases, the sample tenant)
 *
 * Each fixture input (a snapshot, a resource list, a template) is parsed,
 * one kind of mutation is applied to every value it can reach, and the
 * result is scanned in memory with the whole catalogue. A scan must end
 * with a documented error code and a message, or with findings that are
 * complete; anything else (and, in the sanitizer build, any memory error)
 * fails. The parts that identify a resource (its id, type, name and
 * apiVersion) and the snapshot's meta are left alone, so that the scan
 * reaches the rules instead of stopping at a resource without an id. Why:
 * fuzzing finds crashes in the parser's paths quickly, but a rule that
 * takes strrchr(id, '/') + 1 of an id without a '/' needs a fuzzer to
 * invent a whole valid snapshot first; these inputs start from one.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/internal.h"

enum { M_IDS, M_STR2NUM, M_BOOL2STR, M_NUM2STR, M_ARR2OBJ, M_OBJ2ARR, M_EMPTY, M_NULL, M_COUNT };
static const char *const mname[M_COUNT] = {"ids without '/'", "strings as numbers", "booleans as strings",
                                           "numbers as strings", "arrays as objects", "objects as arrays",
                                           "empty strings", "nulls"};

static int failures, scans, errors; /* errors: scans that ended with an input error */

static void quiet(void *ud, const char *msg)
{
	(void)ud;
	(void)msg;
}

/* Does this object look like a resource (it has a "type" string)? */
static int resource_like(const aza_json *o)
{
	return o && o->kind == AZA_JOBJ && aza_json_str(aza_json_get(o, "type")) != NULL;
}

static int identity_key(const char *k)
{
	return k && (aza__strieq(k, "id") || aza__strieq(k, "type") || aza__strieq(k, "name") ||
	             aza__strieq(k, "apiVersion"));
}

/* Apply mutation m to the values below node j (depth: j's). */
static void mutate(aza_json *j, const aza_json *parent, int depth, int m)
{
	if (depth == 1 && j->key && aza__strieq(j->key, "meta"))
		return;
	if (parent && identity_key(j->key) && resource_like(parent))
		return;
	int deep = depth >= 2;
	switch (j->kind) {
	case AZA_JSTR:
		if (!deep)
			break;
		if (m == M_IDS && strchr(j->u.s, '/')) {
			j->u.s = "x";
			j->n = 1;
		} else if (m == M_STR2NUM) {
			j->kind = AZA_JNUM;
			j->u.num = 7;
		} else if (m == M_EMPTY) {
			j->u.s = "";
			j->n = 0;
		} else if (m == M_NULL) {
			j->kind = AZA_JNULL;
		}
		break;
	case AZA_JTRUE:
	case AZA_JFALSE:
		if (deep && m == M_BOOL2STR) {
			j->kind = AZA_JSTR;
			j->u.s = "maybe";
			j->n = 5;
		} else if (deep && m == M_NULL) {
			j->kind = AZA_JNULL;
		}
		break;
	case AZA_JNUM:
		if (deep && m == M_NUM2STR) {
			j->kind = AZA_JSTR;
			j->u.s = "n";
			j->n = 1;
		} else if (deep && m == M_NULL) {
			j->kind = AZA_JNULL;
		}
		break;
	case AZA_JARR:
	case AZA_JOBJ:
		/* Containers of the envelope (a snapshot's resources, a
		 * template's) keep their shape; below a resource they change. */
		if (depth >= 3 && m == M_ARR2OBJ && j->kind == AZA_JARR) {
			j->kind = AZA_JOBJ;
			j->u.child = NULL;
			j->n = 0;
			break;
		}
		if (depth >= 3 && m == M_OBJ2ARR && j->kind == AZA_JOBJ && !resource_like(j)) {
			j->kind = AZA_JARR;
			j->u.child = NULL;
			j->n = 0;
			break;
		}
		for (aza_json *c = j->u.child; c; c = c->next)
			mutate(c, j, depth + 1, m);
		break;
	default:
		break;
	}
}

static void scan_one(const char *path, int m, const char *text, size_t len)
{
	aza_ctx *ctx = aza_ctx_new();
	if (!ctx) {
		printf("FAIL out of memory\n");
		failures++;
		return;
	}
	aza_ctx_set_warn(ctx, quiet, NULL);
	aza_scan *s = aza_scan_new(ctx);
	int rc = s ? aza_scan_add_buffer(s, path, text, len) : AZA_ENOMEM;
	if (rc == 0) {
		aza_scan_set_now(s, 1793491200.0);
		rc = aza_scan_run(s);
	}
	scans++;
	if (rc) {
		errors++;
		if (rc >= 0 || !*aza_errmsg(ctx)) {
			printf("FAIL %s (%s): error %d without a documented code or message\n", path, mname[m], rc);
			failures++;
		}
	} else {
		for (size_t i = 0; i < aza_scan_count(s); i++) {
			const aza_finding *f = aza_scan_finding(s, i);
			if (!f || !f->rule || !f->resource_id || !f->message || !*f->message || (int)f->status < 0 ||
			    f->status >= AZA_STATUS_COUNT) {
				printf("FAIL %s (%s): finding %zu is incomplete\n", path, mname[m], i);
				failures++;
				break;
			}
		}
	}
	aza_scan_free(s);
	aza_ctx_free(ctx);
}

static void one_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return;
	aza_buf in;
	aza_buf__init(&in, 0);
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		aza_buf__add(&in, chunk, n);
	fclose(fp);
	for (int m = 0; m < M_COUNT && !in.oom; m++) {
		aza_arena a;
		aza_arena__init(&a);
		aza_json *j = NULL;
		aza_jerr e;
		if (aza_json__parse_all(&a, in.p, in.len, &j, &e) == 0) {
			mutate(j, NULL, 0, m);
			aza_buf out;
			aza_buf__init(&out, 0);
			aza_json__write(&out, j);
			if (!out.oom)
				scan_one(path, m, out.p, out.len);
			aza_buf__release(&out);
		}
		aza_arena__release(&a);
	}
	aza_buf__release(&in);
}

static int is_input(const char *name)
{
	size_t l = strlen(name);
	return l > 5 && !strcmp(name + l - 5, ".json") && !(l > 12 && !strcmp(name + l - 12, ".config.json"));
}

static void walk(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char p[4096];
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		struct stat st;
		if (stat(p, &st))
			continue;
		if (S_ISDIR(st.st_mode))
			walk(p);
		else if (is_input(e->d_name))
			one_file(p);
	}
	closedir(d);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: mutate_test DIR...\n");
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		int before = scans;
		walk(argv[i]);
		if (scans == before) {
			printf("FAIL no fixture input under %s\n", argv[i]);
			failures++;
		}
	}
	printf("mutate: %d scans of mutated fixtures, %d of them ended with an input error\n%d passed, %d failed\n", scans, errors,
	       scans - failures, failures);
	return failures ? 1 : 0;
}
