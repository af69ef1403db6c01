/*
 * schema_test.c - validates JSON against the published schemas with a small
 * validator for the subset of JSON Schema they use: type, enum, const,
 * properties, required, additionalProperties, items, minimum, maximum,
 * minItems and local $ref ("#/$defs/NAME"). Annotations (title,
 * description, $schema, $id, $comment, default, examples) are ignored; any
 * other keyword is an error, so a schema cannot silently rely on one this
 * validator does not check.
 *
 * Checks: the JSON report of every case under tests/rules/ (all rules run)
 * and of examples/ against docs/report.schema.json; every snapshot among
 * those inputs against docs/snapshot.schema.json; and negative self-tests
 * (a missing required field, a wrong type, an unknown field, a bad enum
 * value) that the validator must reject.
 *
 * usage: schema_test [ROOT]   (ROOT: the source tree, default ".")
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/internal.h"

#define NOW 1793491200.0

static int passed, failed;
static const char *root = ".";

/* ---- the validator ---- */
typedef struct vctx {
	const aza_json *root; /* schema document, for $ref */
	char err[512];        /* first error */
	int nerr;
} vctx;

static void verr(vctx *v, const char *path, const char *fmt, ...) AZA_PRINTF(3, 4);
static void verr(vctx *v, const char *path, const char *fmt, ...)
{
	if (v->nerr++ == 0) {
		char what[256];
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(what, sizeof what, fmt, ap);
		va_end(ap);
		snprintf(v->err, sizeof v->err, "%.200s: %.250s", *path ? path : "(root)", what);
	}
}

/* Exact (case-sensitive) member lookup: aza_json_get ignores case. */
static const aza_json *member(const aza_json *o, const char *key)
{
	if (!aza_json_is(o, AZA_JOBJ))
		return NULL;
	aza_json_each(c, o)
		if (!strcmp(c->key, key))
			return c;
	return NULL;
}

static int json_eq(const aza_json *a, const aza_json *b)
{
	if (a->kind != b->kind)
		return 0;
	switch (a->kind) {
	case AZA_JNUM: return a->u.num == b->u.num;
	case AZA_JSTR: return !strcmp(a->u.s, b->u.s);
	case AZA_JARR: {
		if (a->n != b->n)
			return 0;
		const aza_json *y = b->u.child;
		aza_json_each(x, a) {
			if (!json_eq(x, y))
				return 0;
			y = y->next;
		}
		return 1;
	}
	case AZA_JOBJ:
		if (a->n != b->n)
			return 0;
		aza_json_each(x, a) {
			const aza_json *y = member(b, x->key);
			if (!y || !json_eq(x, y))
				return 0;
		}
		return 1;
	default: return 1;
	}
}

static int type_ok(const char *t, const aza_json *j)
{
	switch (j->kind) {
	case AZA_JNULL: return !strcmp(t, "null");
	case AZA_JTRUE:
	case AZA_JFALSE: return !strcmp(t, "boolean");
	case AZA_JNUM: return !strcmp(t, "number") || (!strcmp(t, "integer") && j->u.num == (double)(long long)j->u.num);
	case AZA_JSTR: return !strcmp(t, "string");
	case AZA_JARR: return !strcmp(t, "array");
	case AZA_JOBJ: return !strcmp(t, "object");
	}
	return 0;
}

static void validate(vctx *v, const aza_json *s, const aza_json *j, const char *path);

static const aza_json *resolve(vctx *v, const char *ref, const char *path)
{
	if (strncmp(ref, "#/$defs/", 8) != 0) {
		verr(v, path, "unsupported $ref '%s'", ref);
		return NULL;
	}
	const aza_json *d = member(member(v->root, "$defs"), ref + 8);
	if (!d)
		verr(v, path, "unresolved $ref '%s'", ref);
	return d;
}

static void validate(vctx *v, const aza_json *s, const aza_json *j, const char *path)
{
	static const char *const annotations[] = {"title", "description", "$schema", "$id", "$comment",
	                                          "default", "examples", "$defs"};
	static const char *const known[] = {"type", "enum", "const", "properties", "required", "additionalProperties",
	                                    "items", "minimum", "maximum", "minItems", "$ref"};
	if (aza_json_is(s, AZA_JTRUE))
		return;
	if (aza_json_is(s, AZA_JFALSE)) {
		verr(v, path, "no value is allowed here");
		return;
	}
	if (!aza_json_is(s, AZA_JOBJ)) {
		verr(v, path, "schema is not an object");
		return;
	}
	aza_json_each(k, s) {
		int ok = 0;
		for (size_t i = 0; i < sizeof annotations / sizeof *annotations; i++)
			ok |= !strcmp(k->key, annotations[i]);
		for (size_t i = 0; i < sizeof known / sizeof *known; i++)
			ok |= !strcmp(k->key, known[i]);
		if (!ok)
			verr(v, path, "schema keyword '%s' is not supported by this validator", k->key);
	}
	const aza_json *kw;
	if ((kw = member(s, "$ref"))) {
		const aza_json *d = resolve(v, aza_json_str(kw) ? kw->u.s : "", path);
		if (d)
			validate(v, d, j, path);
	}
	if ((kw = member(s, "type"))) {
		int ok = 0;
		if (aza_json_str(kw))
			ok = type_ok(kw->u.s, j);
		else
			aza_json_each(t, kw)
				ok |= aza_json_str(t) && type_ok(t->u.s, j);
		if (!ok) {
			aza_buf b;
			aza_buf__init(&b, 0);
			aza_json__write(&b, kw);
			verr(v, path, "wrong type: want %s", b.p ? b.p : "?");
			aza_buf__release(&b);
			return;
		}
	}
	if ((kw = member(s, "const")) && !json_eq(kw, j))
		verr(v, path, "not the constant value");
	if ((kw = member(s, "enum"))) {
		int ok = 0;
		aza_json_each(e, kw)
			ok |= json_eq(e, j);
		if (!ok)
			verr(v, path, "value '%s' not in the enum", aza_json_str(j) ? j->u.s : "(non-string)");
	}
	if (j->kind == AZA_JNUM) {
		if ((kw = member(s, "minimum")) && kw->kind == AZA_JNUM && j->u.num < kw->u.num)
			verr(v, path, "below the minimum");
		if ((kw = member(s, "maximum")) && kw->kind == AZA_JNUM && j->u.num > kw->u.num)
			verr(v, path, "above the maximum");
	}
	if (j->kind == AZA_JARR) {
		if ((kw = member(s, "minItems")) && kw->kind == AZA_JNUM && j->n < kw->u.num)
			verr(v, path, "too few items");
		if ((kw = member(s, "items"))) {
			size_t i = 0;
			aza_json_each(e, j) {
				char p[512];
				snprintf(p, sizeof p, "%s/%zu", path, i++);
				validate(v, kw, e, p);
			}
		}
	}
	if (j->kind == AZA_JOBJ) {
		const aza_json *props = member(s, "properties"), *addl = member(s, "additionalProperties");
		aza_json_each(req, member(s, "required"))
			if (aza_json_str(req) && !member(j, req->u.s))
				verr(v, path, "required field '%s' is missing", req->u.s);
		aza_json_each(m, j) {
			char p[512];
			snprintf(p, sizeof p, "%s/%s", path, m->key);
			const aza_json *ps = member(props, m->key);
			if (ps)
				validate(v, ps, m, p);
			else if (addl && aza_json_is(addl, AZA_JFALSE))
				verr(v, p, "field '%s' is not in the schema", m->key);
			else if (addl)
				validate(v, addl, m, p);
		}
	}
}

/* ---- helpers ---- */
static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	size_t cap = 1 << 16, n = 0, r;
	char *p = malloc(cap);
	while (p && (r = fread(p + n, 1, cap - n, fp)) > 0) {
		n += r;
		if (n == cap) {
			char *q = realloc(p, cap *= 2);
			if (!q)
				free(p);
			p = q;
		}
	}
	fclose(fp);
	if (p)
		*len = n;
	return p;
}

typedef struct doc {
	aza_arena a;
	aza_json *j;
	char *text;
} doc;

static int load(doc *d, const char *text, size_t len, const char *what)
{
	aza_arena__init(&d->a);
	aza_jerr e;
	if (aza_json__parse_all(&d->a, text, len, &d->j, &e)) {
		printf("FAIL %s: not JSON: %s at offset %zu\n", what, e.what, e.off);
		failed++;
		aza_arena__release(&d->a);
		return -1;
	}
	return 0;
}

static int load_file(doc *d, const char *path)
{
	size_t len;
	d->text = slurp(path, &len);
	if (!d->text) {
		printf("FAIL cannot read %s\n", path);
		failed++;
		return -1;
	}
	if (load(d, d->text, len, path)) {
		free(d->text);
		return -1;
	}
	return 0;
}

static void drop(doc *d)
{
	aza_arena__release(&d->a);
	free(d->text);
}

static int check(const aza_json *schema, const aza_json *inst, const char *what)
{
	vctx v = {schema, "", 0};
	validate(&v, schema, inst, "");
	if (v.nerr) {
		printf("FAIL %s: %s%s\n", what, v.err, v.nerr > 1 ? " (and more)" : "");
		failed++;
		return -1;
	}
	passed++;
	return 0;
}

static int expect_invalid(const aza_json *schema, const char *text, const char *want, const char *what)
{
	doc d;
	if (load(&d, text, strlen(text), what))
		return -1;
	vctx v = {schema, "", 0};
	validate(&v, schema, d.j, "");
	if (v.nerr && strstr(v.err, want)) {
		passed++;
	} else {
		printf("FAIL self-test '%s' should be rejected with '%s', got '%s'\n", what, want, v.nerr ? v.err : "valid");
		failed++;
	}
	aza_arena__release(&d.a);
	return 0;
}

/* Scan one input with every rule; validate the report and the snapshot. */
static void one_input(const aza_json *rep_schema, const aza_json *snap_schema, const char *input,
                      const char *config)
{
	doc in;
	if (load_file(&in, input))
		return;
	if (aza_json_is(in.j, AZA_JOBJ) && member(in.j, "snapshot_version"))
		check(snap_schema, in.j, input);
	drop(&in);

	aza_ctx *ctx = aza_ctx_new();
	struct stat st;
	if (config && stat(config, &st) == 0 && aza_ctx_load_config(ctx, config)) {
		printf("FAIL %s: %s\n", config, aza_errmsg(ctx));
		failed++;
		aza_ctx_free(ctx);
		return;
	}
	aza_scan *s = aza_scan_new(ctx);
	aza_scan_set_now(s, NOW);
	int rc = aza_scan_add_path(s, input);
	if (rc == 0)
		rc = aza_scan_run(s);
	if (rc) {
		/* Inputs that are meant to be rejected are the CLI tests' business. */
		aza_scan_free(s);
		aza_ctx_free(ctx);
		return;
	}
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);
	aza_report_opts o;
	memset(&o, 0, sizeof o);
	rc = fp ? aza_report_write(s, "json", &o, fp) : AZA_EIO;
	if (fp)
		fclose(fp);
	if (rc) {
		printf("FAIL %s: JSON report: %s\n", input, aza_errmsg(ctx));
		failed++;
	} else {
		doc r;
		char what[1100];
		snprintf(what, sizeof what, "report of %s", input);
		if (load(&r, out, len, what) == 0) {
			check(rep_schema, r.j, what);
			aza_arena__release(&r.a);
		}
	}
	free(out);
	aza_scan_free(s);
	aza_ctx_free(ctx);
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ends(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && !strcmp(s + a - b, suf);
}

/* Every *.json below dir that is not a *.config.json or a *.expect. */
static void walk(const aza_json *rs, const aza_json *ss, const char *dir, int depth)
{
	DIR *d = opendir(dir);
	if (!d || depth > 4) {
		if (d)
			closedir(d);
		return;
	}
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || !strcmp(e->d_name, "gen"))
			continue;
		char **v = realloc(names, (n + 1) * sizeof *v);
		if (!v)
			break;
		names = v;
		names[n++] = strdup(e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp);
	for (size_t i = 0; i < n; i++) {
		char path[2048], config[2100];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		struct stat st;
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			walk(rs, ss, path, depth + 1);
		} else if (ends(names[i], ".json") && !ends(names[i], ".config.json") &&
		           !ends(names[i], ".schema.json") && strcmp(names[i], "azaudit.config.json")) {
			snprintf(config, sizeof config, "%.*s.config.json", (int)(strlen(path) - 5), path);
			one_input(rs, ss, path, config);
		}
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	if (argc > 1)
		root = argv[1];
	char p1[1024], p2[1024];
	snprintf(p1, sizeof p1, "%s/docs/report.schema.json", root);
	snprintf(p2, sizeof p2, "%s/docs/snapshot.schema.json", root);
	doc rs, ss;
	if (load_file(&rs, p1) || load_file(&ss, p2)) {
		printf("%d passed, %d failed\n", passed, failed + 1);
		return 1;
	}

	/* Negative self-tests: the validator must catch these. */
	const aza_json *R = rs.j, *S = ss.j;
	static const char good_finding[] =
		"\"rule_id\":\"AZA-X-001\",\"title\":\"t\",\"area\":\"storage\",\"level\":1,\"severity\":\"high\","
		"\"status\":\"FAIL\",\"resource_id\":\"/x\",\"resource_type\":\"T\",\"resource_name\":\"n\","
		"\"subscription_id\":\"\",\"location\":\"\",\"message\":\"m\",\"checklist\":[],\"cis\":[],"
		"\"responsibility\":\"endpoints\",\"remediation\":{\"portal\":\"\",\"cli\":\"\",\"arm\":\"\"},"
		"\"source\":{\"file\":\"f\",\"line\":1}";
	char doc_ok[4096], buf[4096];
	static const char head[] =
		"{\"schema_version\":\"1.0\",\"tool\":{\"name\":\"azaudit\",\"version\":\"0\"},"
		"\"scan\":{\"tenant_id\":\"\",\"generated_at\":\"x\",\"inputs\":1,\"resources\":1,\"resources_evaluated\":1,"
		"\"unknown_types\":0,\"subscriptions\":1,\"collection_errors\":0,\"service_models_in_use\":[\"PaaS\"]},"
		"\"summary\":{\"PASS\":0,\"FAIL\":1,\"MANUAL\":0,\"UNKNOWN\":0,\"NOT_APPLICABLE\":0,\"total\":1,\"score\":0},"
		"\"areas\":[],\"responsibility\":[],\"findings\":[{";
	snprintf(doc_ok, sizeof doc_ok, "%s%s}]}", head, good_finding);
	{
		doc d;
		if (load(&d, doc_ok, strlen(doc_ok), "self-test document") == 0) {
			check(R, d.j, "self-test: a minimal valid report");
			aza_arena__release(&d.a);
		}
	}
	/* Remove rule_id: a required field. */
	snprintf(buf, sizeof buf, "%s%s}]}", head, strchr(good_finding, ',') + 1);
	expect_invalid(R, buf, "required field 'rule_id' is missing", "finding without rule_id");
	snprintf(buf, sizeof buf, "{\"schema_version\":\"1.0\"}");
	expect_invalid(R, buf, "required field 'tool' is missing", "report without tool");
	snprintf(buf, sizeof buf, "%s%s,\"extra\":1}]}", head, good_finding);
	expect_invalid(R, buf, "not in the schema", "finding with an unknown field");
	snprintf(buf, sizeof buf, "%s%s}]}", head, good_finding);
	memcpy(strstr(buf, "\"FAIL\",\"resource_id\""), "\"BAD!\"", 6);
	expect_invalid(R, buf, "not in the enum", "bad status");
	snprintf(buf, sizeof buf, "%s%s}]}", head, good_finding);
	memcpy(strstr(buf, "\"file\":\"f\""), "\"file\":1.5", 10);
	expect_invalid(R, buf, "wrong type", "file as a number");
	snprintf(buf, sizeof buf, "%s%s}]}", head, good_finding);
	memcpy(strstr(buf, "\"level\":1"), "\"level\":7", 9);
	expect_invalid(R, buf, "above the maximum", "level 7");
	expect_invalid(S, "{\"snapshot_version\":\"1.0\",\"resources\":[{\"name\":\"no id\"}]}",
	               "required field 'id' is missing", "snapshot resource without id");
	expect_invalid(S, "{\"resources\":[]}", "required field 'snapshot_version' is missing", "snapshot without version");
	expect_invalid(S, "{\"snapshot_version\":\"1.0\",\"errors\":[{\"scope\":\"/\"}]}", "'message' is missing",
	               "gap without message");
	expect_invalid(S, "{\"snapshot_version\":\"1.0\",\"resource\":[]}", "not in the schema", "misspelt member");
	expect_invalid(S, "{\"snapshot_version\":\"1.0\",\"dataplane\":{\"storage\":[{\"account\":\"a\",\"service\":\"disk\"}]}}",
	               "not in the enum", "unknown data-plane service");
	expect_invalid(R, "{\"x\":1}", "", "keyword check") ; /* any error */

	/* Every fixture input and example. */
	char dir[1024];
	snprintf(dir, sizeof dir, "%s/tests/rules", root);
	int before = passed + failed;
	walk(R, S, dir, 0);
	snprintf(dir, sizeof dir, "%s/examples", root);
	walk(R, S, dir, 0);
	if (passed + failed - before < 1) {
		printf("FAIL no fixture or example was validated\n");
		failed++;
	}
	printf("ok %d documents validated\n", passed + failed - before);
	drop(&rs);
	drop(&ss);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
