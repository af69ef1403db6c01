/*
 * texpr.c - the ARM template expression language: parsing and evaluating
 * "[func(args).member[index]]" strings into JSON values.
 *
 * Values are aza_json nodes in the template arena. What cannot be known
 * before deployment (reference(), list*(), utcNow(), a parameter with no
 * value) is an AZA_JUNKNOWN node whose text names the expression; it
 * propagates through every function that uses it, and rules that read it
 * report UNKNOWN (engine.c).
 */
#include "template.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- value constructors ---- */
static aza_json *mk(aza_tctx *c, aza_jkind k)
{
	aza_json *j = aza_arena__alloc(c->a, sizeof *j);
	if (!j) {
		c->oom = 1;
		return NULL;
	}
	memset(j, 0, sizeof *j);
	j->kind = (unsigned char)k;
	j->off = c->off;
	return j;
}

aza_json *aza_t__str(aza_tctx *c, const char *s, size_t n)
{
	aza_json *j = mk(c, AZA_JSTR);
	if (!j)
		return NULL;
	char *d = aza_arena__strndup(c->a, s, n);
	if (!d) {
		c->oom = 1;
		return NULL;
	}
	j->u.s = d;
	j->n = (uint32_t)n;
	return j;
}

static aza_json *str0(aza_tctx *c, const char *s)
{
	return aza_t__str(c, s, strlen(s));
}

static aza_json *num(aza_tctx *c, double v)
{
	aza_json *j = mk(c, AZA_JNUM);
	if (j)
		j->u.num = v;
	return j;
}

static aza_json *boolean(aza_tctx *c, int b)
{
	return mk(c, b ? AZA_JTRUE : AZA_JFALSE);
}

aza_json *aza_t__unknown(aza_tctx *c, const char *fmt, ...)
{
	aza_json *j = mk(c, AZA_JUNKNOWN);
	if (!j)
		return NULL;
	va_list ap;
	va_start(ap, fmt);
	j->u.s = aza_arena__vprintf(c->a, fmt, ap);
	va_end(ap);
	if (!j->u.s)
		c->oom = 1;
	return j;
}

/* Shallow copy with a new key and no sibling. */
aza_json *aza_t__copy(aza_tctx *c, const aza_json *v, const char *key)
{
	aza_json *j = mk(c, (aza_jkind)v->kind);
	if (!j)
		return NULL;
	*j = *v;
	j->key = key;
	j->next = NULL;
	return j;
}

static void push(aza_json *container, aza_json ***tail, aza_json *v)
{
	**tail = v;
	*tail = &v->next;
	container->n++;
}

/* ---- conversions ---- */
static int is_unknown(const aza_json *v)
{
	return v && v->kind == AZA_JUNKNOWN;
}

static int truthy(const aza_json *v)
{
	return v && (v->kind == AZA_JTRUE || (v->kind == AZA_JSTR && aza__strieq(v->u.s, "true")));
}

/* String form of a value (for concat, format, string()). */
static const char *to_text(aza_tctx *c, const aza_json *v)
{
	if (!v)
		return "";
	switch (v->kind) {
	case AZA_JSTR: return v->u.s;
	case AZA_JTRUE: return "True";
	case AZA_JFALSE: return "False";
	case AZA_JNULL: return "";
	case AZA_JNUM: {
		char tmp[64];
		if (v->u.num == floor(v->u.num) && fabs(v->u.num) < 1e15)
			snprintf(tmp, sizeof tmp, "%.0f", v->u.num);
		else
			snprintf(tmp, sizeof tmp, "%g", v->u.num);
		const char *s = aza_arena__strdup(c->a, tmp);
		return s ? s : "";
	}
	default: {
		aza_buf b;
		aza_buf__init(&b, 1 << 20);
		aza_json__write(&b, v);
		const char *s = aza_arena__strndup(c->a, b.p ? b.p : "", b.len);
		aza_buf__release(&b);
		return s ? s : "";
	}
	}
}

static int equal(const aza_json *a, const aza_json *b)
{
	if (!a || !b)
		return a == b;
	if (a->kind != b->kind)
		return 0;
	switch (a->kind) {
	case AZA_JSTR: return aza__strieq(a->u.s, b->u.s); /* ARM compares strings case-insensitively */
	case AZA_JNUM: return a->u.num == b->u.num;
	case AZA_JARR: {
		if (a->n != b->n)
			return 0;
		const aza_json *x = a->u.child, *y = b->u.child;
		for (; x && y; x = x->next, y = y->next)
			if (!equal(x, y))
				return 0;
		return 1;
	}
	case AZA_JOBJ: {
		if (a->n != b->n)
			return 0;
		for (const aza_json *x = a->u.child; x; x = x->next) {
			const aza_json *y = NULL;
			for (const aza_json *k = b->u.child; k; k = k->next)
				if (aza__strieq(k->key, x->key))
					y = k;
			if (!y || !equal(x, y))
				return 0;
		}
		return 1;
	}
	default: return 1;
	}
}

/* ---- the parser/evaluator ---- */
typedef struct X {
	aza_tctx *c;
	const char *s; /* expression text without the outer brackets */
	size_t i, n;
	const char *err;
	const char *full;
} X;

static void ws(X *x)
{
	while (x->i < x->n && isspace((unsigned char)x->s[x->i]))
		x->i++;
}

static aza_json *expr(X *x);

static aza_json *call(X *x, const char *name, size_t nl, aza_json **args, size_t nargs);

#define MAX_ARGS 64

static aza_json *primary(X *x)
{
	ws(x);
	if (x->i >= x->n) {
		x->err = "unexpected end of expression";
		return NULL;
	}
	char ch = x->s[x->i];
	if (ch == '\'') {
		aza_buf b;
		aza_buf__init(&b, AZA_MAX_STRING);
		x->i++;
		for (;;) {
			if (x->i >= x->n) {
				aza_buf__release(&b);
				x->err = "unterminated string literal";
				return NULL;
			}
			if (x->s[x->i] == '\'') {
				if (x->i + 1 < x->n && x->s[x->i + 1] == '\'') {
					aza_buf__addc(&b, '\'');
					x->i += 2;
					continue;
				}
				x->i++;
				break;
			}
			aza_buf__addc(&b, x->s[x->i++]);
		}
		aza_json *v = aza_t__str(x->c, b.p ? b.p : "", b.len);
		aza_buf__release(&b);
		return v;
	}
	if (isdigit((unsigned char)ch) || (ch == '-' && x->i + 1 < x->n && isdigit((unsigned char)x->s[x->i + 1]))) {
		char *end;
		double v = strtod(x->s + x->i, &end);
		x->i = (size_t)(end - x->s);
		return num(x->c, v);
	}
	if (isalpha((unsigned char)ch) || ch == '_') {
		size_t st = x->i;
		while (x->i < x->n && (isalnum((unsigned char)x->s[x->i]) || x->s[x->i] == '_' || x->s[x->i] == '.'))
			x->i++;
		/* A dotted name is a namespaced user function; members come after ')'. */
		size_t nl = x->i - st;
		ws(x);
		if (x->i < x->n && x->s[x->i] == '(') {
			x->i++;
			aza_json *args[MAX_ARGS];
			size_t na = 0;
			ws(x);
			if (x->i < x->n && x->s[x->i] == ')') {
				x->i++;
			} else {
				for (;;) {
					aza_json *a = expr(x);
					if (!a)
						return NULL;
					if (na == MAX_ARGS) {
						x->err = "too many arguments";
						return NULL;
					}
					args[na++] = a;
					ws(x);
					if (x->i < x->n && x->s[x->i] == ',') {
						x->i++;
						continue;
					}
					if (x->i < x->n && x->s[x->i] == ')') {
						x->i++;
						break;
					}
					x->err = "expected ',' or ')' in function arguments";
					return NULL;
				}
			}
			return call(x, x->s + st, nl, args, na);
		}
		x->i = st + nl;
		if (nl == 4 && aza__strnieq(x->s + st, "true", 4))
			return boolean(x->c, 1);
		if (nl == 5 && aza__strnieq(x->s + st, "false", 5))
			return boolean(x->c, 0);
		if (nl == 4 && aza__strnieq(x->s + st, "null", 4))
			return mk(x->c, AZA_JNULL);
		x->err = "expected a function call";
		return NULL;
	}
	x->err = "unexpected character in expression";
	return NULL;
}

static aza_json *member(X *x, aza_json *v, const char *key, size_t kl)
{
	if (!v)
		return NULL;
	if (is_unknown(v))
		return v;
	if (v->kind != AZA_JOBJ)
		return aza_t__unknown(x->c, "member '%.*s' of a non-object in '%s'", (int)kl, key, x->full);
	for (aza_json *m = v->u.child; m; m = m->next)
		if (strlen(m->key) == kl && aza__strnieq(m->key, key, kl))
			return m;
	return aza_t__unknown(x->c, "member '%.*s' that does not exist in '%s'", (int)kl, key, x->full);
}

static aza_json *expr(X *x)
{
	aza_json *v = primary(x);
	while (v && !x->err) {
		ws(x);
		if (x->i < x->n && x->s[x->i] == '.') {
			x->i++;
			ws(x);
			size_t st = x->i;
			while (x->i < x->n && (isalnum((unsigned char)x->s[x->i]) || x->s[x->i] == '_' || x->s[x->i] == '$'))
				x->i++;
			if (x->i == st) {
				x->err = "expected a member name after '.'";
				return NULL;
			}
			v = member(x, v, x->s + st, x->i - st);
		} else if (x->i < x->n && x->s[x->i] == '[') {
			x->i++;
			aza_json *idx = expr(x);
			ws(x);
			if (!idx || x->i >= x->n || x->s[x->i] != ']') {
				if (!x->err)
					x->err = "expected ']'";
				return NULL;
			}
			x->i++;
			if (is_unknown(v) || is_unknown(idx))
				v = is_unknown(v) ? v : idx;
			else if (idx->kind == AZA_JSTR)
				v = member(x, v, idx->u.s, strlen(idx->u.s));
			else if (idx->kind == AZA_JNUM && (v->kind == AZA_JARR || v->kind == AZA_JSTR)) {
				double d = idx->u.num;
				if (d < 0 || d != floor(d) || (v->kind == AZA_JARR && d >= v->n) ||
				    (v->kind == AZA_JSTR && d >= v->n)) {
					v = aza_t__unknown(x->c, "index %g out of range in '%s'", d, x->full);
				} else if (v->kind == AZA_JARR) {
					const aza_json *e = aza_json_at(v, (size_t)d);
					v = (aza_json *)e;
				} else {
					v = aza_t__str(x->c, v->u.s + (size_t)d, 1);
				}
			} else
				v = aza_t__unknown(x->c, "bad index in '%s'", x->full);
		} else {
			break;
		}
	}
	return x->err ? NULL : v;
}

/* Evaluate one expression string (without the outer brackets). */
aza_json *aza_t__eval_expr(aza_tctx *c, const char *s, size_t n, const char **err)
{
	if (++c->depth > 64) {
		c->depth--;
		*err = "expressions nested too deeply (a variable or parameter that refers to itself?)";
		return NULL;
	}
	X x = {c, s, 0, n, NULL, NULL};
	x.full = aza_arena__strndup(c->a, s, n);
	if (!x.full) {
		c->oom = 1;
		c->depth--;
		return NULL;
	}
	aza_json *v = expr(&x);
	if (v && !x.err) {
		ws(&x);
		if (x.i < x.n)
			x.err = "unexpected text after the expression";
	}
	c->depth--;
	if (c->oom) {
		*err = "out of memory";
		return NULL;
	}
	if (x.err) {
		*err = x.err;
		return NULL;
	}
	if (!v)
		*err = "invalid expression";
	return v;
}

/* ---- functions ---- */
static int any_unknown(aza_json **a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (is_unknown(a[i]))
			return (int)i + 1;
	return 0;
}

static uint64_t h64(const char *s, uint64_t seed)
{
	uint64_t h = 1469598103934665603ull ^ seed;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
		h ^= h >> 29;
	}
	return h;
}

static const char *joined(aza_tctx *c, aza_json **a, size_t n)
{
	aza_buf b;
	aza_buf__init(&b, 1 << 20);
	for (size_t i = 0; i < n; i++) {
		if (i)
			aza_buf__addc(&b, '-');
		aza_buf__adds(&b, to_text(c, a[i]));
	}
	const char *s = aza_arena__strndup(c->a, b.p ? b.p : "", b.len);
	aza_buf__release(&b);
	return s ? s : "";
}

/* Build a resource id: prefix + "/providers/" + type segments interleaved
 * with names. Returns NULL with an unknown when the shape is wrong. */
static aza_json *build_id(X *x, const char *prefix, aza_json **a, size_t n)
{
	if (n < 2)
		return aza_t__unknown(x->c, "resource id with too few arguments in '%s'", x->full);
	const char *type = to_text(x->c, a[0]);
	aza_buf b;
	aza_buf__init(&b, 1 << 16);
	aza_buf__adds(&b, prefix);
	aza_buf__adds(&b, "/providers/");
	/* NS/t1/t2... with names n1, n2... */
	const char *slash = strchr(type, '/');
	if (!slash) {
		aza_buf__release(&b);
		return aza_t__unknown(x->c, "resource type '%s' without a namespace in '%s'", type, x->full);
	}
	aza_buf__add(&b, type, (size_t)(slash - type));
	const char *p = slash + 1;
	size_t k = 1;
	while (*p) {
		size_t l = strcspn(p, "/");
		aza_buf__addc(&b, '/');
		aza_buf__add(&b, p, l);
		aza_buf__addc(&b, '/');
		if (k < n) {
			/* A name argument may itself hold several segments ("srv/db"). */
			aza_buf__adds(&b, to_text(x->c, a[k]));
		}
		k++;
		p += l;
		if (*p == '/')
			p++;
	}
	aza_json *v = aza_t__str(x->c, b.p ? b.p : "", b.len);
	aza_buf__release(&b);
	return v;
}

static int looks_like_type(const aza_json *v)
{
	const char *s = aza_json_str(v);
	if (!s || !strchr(s, '/'))
		return 0;
	return isalpha((unsigned char)s[0]) && strchr(s, '.') && strchr(s, '.') < strchr(s, '/');
}

static aza_json *fn_resource_id(X *x, aza_json **a, size_t n, int kind)
{
	aza_tctx *c = x->c;
	char prefix[1024];
	if (kind == 0) { /* resourceId([sub], [rg], type, names...) */
		size_t t = 0;
		while (t < n && !looks_like_type(a[t]))
			t++;
		if (t == n)
			return aza_t__unknown(c, "resourceId() without a resource type in '%s'", x->full);
		const char *sub = c->sub, *rg = c->rg;
		if (t == 1)
			rg = to_text(c, a[0]);
		else if (t >= 2) {
			sub = to_text(c, a[0]);
			rg = to_text(c, a[1]);
		}
		if (c->scope_sub_only && t == 0)
			snprintf(prefix, sizeof prefix, "/subscriptions/%s", sub);
		else
			snprintf(prefix, sizeof prefix, "/subscriptions/%s/resourceGroups/%s", sub, rg);
		return build_id(x, prefix, a + t, n - t);
	}
	if (kind == 1) { /* subscriptionResourceId([sub], type, names...) */
		size_t t = looks_like_type(a[0]) ? 0 : 1;
		snprintf(prefix, sizeof prefix, "/subscriptions/%s", t ? to_text(c, a[0]) : c->sub);
		return build_id(x, prefix, a + t, n - t);
	}
	if (kind == 2) /* tenantResourceId(type, names...) */
		return build_id(x, "", a, n);
	/* extensionResourceId(resourceId, type, names...) */
	if (n < 3)
		return aza_t__unknown(c, "extensionResourceId() with too few arguments in '%s'", x->full);
	return build_id(x, to_text(c, a[0]), a + 1, n - 1);
}

static aza_json *fn_format(X *x, aza_json **a, size_t n)
{
	const char *f = to_text(x->c, a[0]);
	aza_buf b;
	aza_buf__init(&b, AZA_MAX_STRING);
	for (const char *p = f; *p; p++) {
		if (*p == '{' && p[1] == '{') {
			aza_buf__addc(&b, '{');
			p++;
		} else if (*p == '}' && p[1] == '}') {
			aza_buf__addc(&b, '}');
			p++;
		} else if (*p == '{' && isdigit((unsigned char)p[1])) {
			char *end;
			unsigned long k = strtoul(p + 1, &end, 10);
			const char *close = strchr(end, '}');
			if (!close || k + 1 >= n) {
				aza_buf__release(&b);
				return aza_t__unknown(x->c, "format() placeholder out of range in '%s'", x->full);
			}
			aza_buf__adds(&b, to_text(x->c, a[k + 1]));
			p = close;
		} else {
			aza_buf__addc(&b, *p);
		}
	}
	aza_json *v = aza_t__str(x->c, b.p ? b.p : "", b.len);
	aza_buf__release(&b);
	return v;
}

static aza_json *collection_op(X *x, aza_json **a, size_t n, int op)
{
	/* op: 0 union, 1 intersection, 2 concat (arrays) */
	aza_tctx *c = x->c;
	if (a[0]->kind == AZA_JOBJ) {
		aza_json *o = mk(c, AZA_JOBJ);
		if (!o)
			return NULL;
		aza_json **tail = &o->u.child;
		if (op == 0) {
			/* later objects override earlier keys */
			for (size_t i = 0; i < n; i++) {
				if (a[i]->kind != AZA_JOBJ)
					return aza_t__unknown(c, "union() of mixed types in '%s'", x->full);
				for (aza_json *m = a[i]->u.child; m; m = m->next) {
					int later = 0;
					for (size_t k = i + 1; k < n; k++)
						if (aza_json_get(a[k], m->key))
							later = 1;
					if (!later)
						push(o, &tail, aza_t__copy(c, m, m->key));
				}
			}
		} else {
			for (aza_json *m = a[0]->u.child; m; m = m->next) {
				int all = 1;
				for (size_t k = 1; k < n; k++) {
					const aza_json *o2 = aza_json_get(a[k], m->key);
					if (!o2 || !equal(o2, m))
						all = 0;
				}
				if (all)
					push(o, &tail, aza_t__copy(c, m, m->key));
			}
		}
		return o;
	}
	aza_json *r = mk(c, AZA_JARR);
	if (!r)
		return NULL;
	aza_json **tail = &r->u.child;
	for (size_t i = 0; i < n; i++) {
		if (a[i]->kind != AZA_JARR)
			return aza_t__unknown(c, "array function on a non-array in '%s'", x->full);
		if (op == 1 && i > 0)
			break;
		for (aza_json *e = a[i]->u.child; e; e = e->next) {
			int keep = 1;
			if (op == 0)
				for (aza_json *q = r->u.child; q; q = q->next)
					if (equal(q, e))
						keep = 0;
			if (op == 1)
				for (size_t k = 1; k < n && keep; k++) {
					int found = 0;
					for (aza_json *q = a[k]->u.child; q; q = q->next)
						found |= equal(q, e);
					keep = found;
				}
			if (keep)
				push(r, &tail, aza_t__copy(c, e, NULL));
		}
	}
	return r;
}

#define FN(name) (nl == sizeof(name) - 1 && aza__strnieq(fname, name, nl))
#define NEED(k)                                                                        \
	do {                                                                               \
		if (n < (k))                                                                   \
			return aza_t__unknown(c, "%s() needs %d argument(s) in '%s'", nm, (k), x->full); \
	} while (0)

static aza_json *call(X *x, const char *fname, size_t nl, aza_json **a, size_t n)
{
	aza_tctx *c = x->c;
	char nm[64];
	snprintf(nm, sizeof nm, "%.*s", (int)(nl < 63 ? nl : 63), fname);
	/* Functions that decide what is known by themselves. */
	if (FN("parameters") || FN("variables")) {
		NEED(1);
		if (is_unknown(a[0]))
			return a[0];
		return FN("parameters") ? aza_t__param(c, to_text(c, a[0])) : aza_t__var(c, to_text(c, a[0]));
	}
	if (FN("reference") || FN("list") || (nl > 4 && aza__strnieq(fname, "list", 4)) || FN("utcNow") ||
	    FN("newGuid") || FN("pickZones") || FN("managementGroup") || FN("deployer") || FN("getSecret"))
		return aza_t__unknown(c, "'%s' (%s() is only known at deployment)", x->full, nm);
	if (FN("copyIndex")) {
		const char *loop = NULL;
		double off = 0;
		for (size_t i = 0; i < n; i++) {
			if (a[i]->kind == AZA_JSTR)
				loop = a[i]->u.s;
			else if (a[i]->kind == AZA_JNUM)
				off = a[i]->u.num;
		}
		for (int k = c->ncopy - 1; k >= 0; k--)
			if (!loop || aza__strieq(c->copy_name[k], loop))
				return num(c, c->copy_index[k] + off);
		return aza_t__unknown(c, "copyIndex() outside a copy loop in '%s'", x->full);
	}
	if (FN("if")) {
		NEED(3);
		if (is_unknown(a[0]))
			return a[0];
		return truthy(a[0]) ? a[1] : a[2];
	}
	if (FN("coalesce")) {
		for (size_t i = 0; i < n; i++) {
			if (is_unknown(a[i]))
				return a[i];
			if (a[i]->kind != AZA_JNULL)
				return a[i];
		}
		return mk(c, AZA_JNULL);
	}
	int u = any_unknown(a, n);
	if (u)
		return a[u - 1];
	if (FN("concat")) {
		if (n && a[0]->kind == AZA_JARR)
			return collection_op(x, a, n, 2);
		aza_buf b;
		aza_buf__init(&b, AZA_MAX_STRING);
		for (size_t i = 0; i < n; i++)
			aza_buf__adds(&b, to_text(c, a[i]));
		aza_json *v = aza_t__str(c, b.p ? b.p : "", b.len);
		aza_buf__release(&b);
		return v;
	}
	if (FN("format")) {
		NEED(1);
		return fn_format(x, a, n);
	}
	if (FN("string")) {
		NEED(1);
		return str0(c, to_text(c, a[0]));
	}
	if (FN("int")) {
		NEED(1);
		double d;
		if (aza_json_num(a[0], &d))
			return num(c, trunc(d));
		return aza_t__unknown(c, "int() of a non-number in '%s'", x->full);
	}
	if (FN("float")) {
		NEED(1);
		double d;
		if (aza_json_num(a[0], &d))
			return num(c, d);
		return aza_t__unknown(c, "float() of a non-number in '%s'", x->full);
	}
	if (FN("bool")) {
		NEED(1);
		int b;
		if (aza_json_bool(a[0], &b))
			return boolean(c, b);
		if (a[0]->kind == AZA_JNUM)
			return boolean(c, a[0]->u.num != 0);
		return aza_t__unknown(c, "bool() of '%s'", to_text(c, a[0]));
	}
	if (FN("true"))
		return boolean(c, 1);
	if (FN("false"))
		return boolean(c, 0);
	if (FN("null"))
		return mk(c, AZA_JNULL);
	if (FN("json")) {
		NEED(1);
		const char *s = to_text(c, a[0]);
		aza_json *v;
		aza_jerr e;
		if (aza_json__parse_all(c->a, s, strlen(s), &v, &e))
			return aza_t__unknown(c, "json() of invalid JSON in '%s'", x->full);
		return v;
	}
	if (FN("toLower") || FN("toUpper")) {
		NEED(1);
		const char *s = to_text(c, a[0]);
		aza_json *v = str0(c, s);
		if (v)
			for (char *p = (char *)v->u.s; *p; p++)
				*p = (char)(FN("toLower") ? tolower((unsigned char)*p) : toupper((unsigned char)*p));
		return v;
	}
	if (FN("trim")) {
		NEED(1);
		const char *s = to_text(c, a[0]);
		while (isspace((unsigned char)*s))
			s++;
		size_t l = strlen(s);
		while (l && isspace((unsigned char)s[l - 1]))
			l--;
		return aza_t__str(c, s, l);
	}
	if (FN("replace")) {
		NEED(3);
		const char *s = to_text(c, a[0]), *from = to_text(c, a[1]), *to = to_text(c, a[2]);
		size_t fl = strlen(from);
		aza_buf b;
		aza_buf__init(&b, AZA_MAX_STRING);
		while (*s) {
			if (fl && strncmp(s, from, fl) == 0) {
				aza_buf__adds(&b, to);
				s += fl;
			} else {
				aza_buf__addc(&b, *s++);
			}
		}
		aza_json *v = aza_t__str(c, b.p ? b.p : "", b.len);
		aza_buf__release(&b);
		return v;
	}
	if (FN("substring")) {
		NEED(2);
		const char *s = to_text(c, a[0]);
		double st = 0, ln = -1;
		aza_json_num(a[1], &st);
		if (n > 2)
			aza_json_num(a[2], &ln);
		size_t l = strlen(s);
		if (st < 0 || st > l || (ln >= 0 && st + ln > l))
			return aza_t__unknown(c, "substring() out of range in '%s'", x->full);
		return aza_t__str(c, s + (size_t)st, ln < 0 ? l - (size_t)st : (size_t)ln);
	}
	if (FN("split")) {
		NEED(2);
		const char *s = to_text(c, a[0]);
		aza_json *r = mk(c, AZA_JARR);
		if (!r)
			return NULL;
		aza_json **tail = &r->u.child;
		const char *p = s;
		for (;;) {
			size_t best = strlen(p), bl = 0;
			aza_json *delims = a[1]->kind == AZA_JARR ? a[1]->u.child : a[1];
			for (aza_json *d = delims; d; d = a[1]->kind == AZA_JARR ? d->next : NULL) {
				const char *ds = to_text(c, d);
				const char *f = *ds ? strstr(p, ds) : NULL;
				if (f && (size_t)(f - p) < best) {
					best = (size_t)(f - p);
					bl = strlen(ds);
				}
			}
			push(r, &tail, aza_t__str(c, p, best));
			if (!bl)
				break;
			p += best + bl;
		}
		return r;
	}
	if (FN("join")) {
		NEED(2);
		aza_buf b;
		aza_buf__init(&b, AZA_MAX_STRING);
		const char *d = to_text(c, a[1]);
		int first = 1;
		aza_json_each(e, a[0]) {
			if (!first)
				aza_buf__adds(&b, d);
			aza_buf__adds(&b, to_text(c, e));
			first = 0;
		}
		aza_json *v = aza_t__str(c, b.p ? b.p : "", b.len);
		aza_buf__release(&b);
		return v;
	}
	if (FN("length")) {
		NEED(1);
		if (a[0]->kind == AZA_JSTR || a[0]->kind == AZA_JARR || a[0]->kind == AZA_JOBJ)
			return num(c, a[0]->kind == AZA_JSTR ? (double)strlen(a[0]->u.s) : a[0]->n);
		return aza_t__unknown(c, "length() of a scalar in '%s'", x->full);
	}
	if (FN("empty")) {
		NEED(1);
		return boolean(c, a[0]->kind == AZA_JNULL || ((a[0]->kind == AZA_JSTR) && !*a[0]->u.s) ||
		                      ((a[0]->kind == AZA_JARR || a[0]->kind == AZA_JOBJ) && a[0]->n == 0));
	}
	if (FN("contains")) {
		NEED(2);
		if (a[0]->kind == AZA_JSTR)
			return boolean(c, aza__istrstr(a[0]->u.s, to_text(c, a[1])) != NULL);
		if (a[0]->kind == AZA_JOBJ)
			return boolean(c, aza_json_get(a[0], to_text(c, a[1])) != NULL);
		for (aza_json *e = a[0]->kind == AZA_JARR ? a[0]->u.child : NULL; e; e = e->next)
			if (equal(e, a[1]))
				return boolean(c, 1);
		return boolean(c, 0);
	}
	if (FN("first") || FN("last")) {
		NEED(1);
		if (a[0]->kind == AZA_JSTR) {
			size_t l = strlen(a[0]->u.s);
			if (!l)
				return str0(c, "");
			return aza_t__str(c, FN("first") ? a[0]->u.s : a[0]->u.s + l - 1, 1);
		}
		if (a[0]->kind != AZA_JARR || a[0]->n == 0)
			return mk(c, AZA_JNULL);
		return (aza_json *)aza_json_at(a[0], FN("first") ? 0 : a[0]->n - 1);
	}
	if (FN("union")) {
		NEED(1);
		return collection_op(x, a, n, 0);
	}
	if (FN("intersection")) {
		NEED(1);
		return collection_op(x, a, n, 1);
	}
	if (FN("createArray") || FN("array")) {
		if (FN("array") && n == 1 && a[0]->kind == AZA_JARR)
			return a[0];
		aza_json *r = mk(c, AZA_JARR);
		if (!r)
			return NULL;
		aza_json **tail = &r->u.child;
		for (size_t i = 0; i < n; i++)
			push(r, &tail, aza_t__copy(c, a[i], NULL));
		return r;
	}
	if (FN("createObject")) {
		aza_json *o = mk(c, AZA_JOBJ);
		if (!o)
			return NULL;
		aza_json **tail = &o->u.child;
		for (size_t i = 0; i + 1 < n; i += 2)
			push(o, &tail, aza_t__copy(c, a[i + 1], to_text(c, a[i])));
		return o;
	}
	if (FN("items")) {
		NEED(1);
		aza_json *r = mk(c, AZA_JARR);
		if (!r)
			return NULL;
		aza_json **tail = &r->u.child;
		aza_json_each(m, a[0]) {
			aza_json *o = mk(c, AZA_JOBJ);
			if (!o)
				return NULL;
			aza_json **t2 = &o->u.child;
			push(o, &t2, aza_t__copy(c, str0(c, m->key ? m->key : ""), "key"));
			push(o, &t2, aza_t__copy(c, m, "value"));
			push(r, &tail, o);
		}
		return r;
	}
	if (FN("equals")) {
		NEED(2);
		return boolean(c, equal(a[0], a[1]));
	}
	if (FN("not")) {
		NEED(1);
		return boolean(c, !truthy(a[0]));
	}
	if (FN("and") || FN("or")) {
		int r = FN("and");
		for (size_t i = 0; i < n; i++)
			r = FN("and") ? (r && truthy(a[i])) : (r || truthy(a[i]));
		return boolean(c, r);
	}
	if (FN("less") || FN("lessOrEquals") || FN("greater") || FN("greaterOrEquals")) {
		NEED(2);
		int cmp;
		double p, q;
		if (aza_json_num(a[0], &p) && aza_json_num(a[1], &q) && a[0]->kind == AZA_JNUM)
			cmp = p < q ? -1 : p > q;
		else
			cmp = strcmp(to_text(c, a[0]), to_text(c, a[1]));
		int r = FN("less") ? cmp < 0 : FN("lessOrEquals") ? cmp <= 0 : FN("greater") ? cmp > 0 : cmp >= 0;
		return boolean(c, r);
	}
	if (FN("add") || FN("sub") || FN("mul") || FN("div") || FN("mod")) {
		NEED(2);
		double p, q;
		if (!aza_json_num(a[0], &p) || !aza_json_num(a[1], &q))
			return aza_t__unknown(c, "arithmetic on a non-number in '%s'", x->full);
		if ((FN("div") || FN("mod")) && q == 0)
			return aza_t__unknown(c, "division by zero in '%s'", x->full);
		double r = FN("add") ? p + q : FN("sub") ? p - q : FN("mul") ? p * q : FN("div") ? trunc(p / q) : fmod(p, q);
		return num(c, r);
	}
	if (FN("min") || FN("max")) {
		aza_json **v = a;
		size_t k = n;
		if (n == 1 && a[0]->kind == AZA_JARR) {
			k = 0;
			aza_json_each(e, a[0]) k++;
		}
		double best = FN("min") ? INFINITY : -INFINITY;
		if (n == 1 && a[0]->kind == AZA_JARR) {
			aza_json_each(e, a[0]) {
				double d;
				if (aza_json_num(e, &d))
					best = FN("min") ? fmin(best, d) : fmax(best, d);
			}
		} else {
			for (size_t i = 0; i < k; i++) {
				double d;
				if (aza_json_num(v[i], &d))
					best = FN("min") ? fmin(best, d) : fmax(best, d);
			}
		}
		return num(c, best);
	}
	if (FN("range")) {
		NEED(2);
		double st, cnt;
		if (!aza_json_num(a[0], &st) || !aza_json_num(a[1], &cnt) || cnt < 0 || cnt > 10000)
			return aza_t__unknown(c, "range() with bad arguments in '%s'", x->full);
		aza_json *r = mk(c, AZA_JARR);
		if (!r)
			return NULL;
		aza_json **tail = &r->u.child;
		for (int i = 0; i < (int)cnt; i++)
			push(r, &tail, num(c, st + i));
		return r;
	}
	if (FN("take") || FN("skip")) {
		NEED(2);
		double k;
		if (!aza_json_num(a[1], &k))
			return aza_t__unknown(c, "%s() with a bad count in '%s'", nm, x->full);
		if (k < 0)
			k = 0;
		if (a[0]->kind == AZA_JSTR) {
			size_t l = strlen(a[0]->u.s), kk = (size_t)k > l ? l : (size_t)k;
			return FN("take") ? aza_t__str(c, a[0]->u.s, kk) : aza_t__str(c, a[0]->u.s + kk, l - kk);
		}
		aza_json *r = mk(c, AZA_JARR);
		if (!r)
			return NULL;
		aza_json **tail = &r->u.child;
		size_t i = 0;
		aza_json_each(e, a[0]) {
			if ((FN("take") && i < (size_t)k) || (FN("skip") && i >= (size_t)k))
				push(r, &tail, aza_t__copy(c, e, NULL));
			i++;
		}
		return r;
	}
	if (FN("indexOf") || FN("lastIndexOf")) {
		NEED(2);
		const char *s = to_text(c, a[0]), *f = to_text(c, a[1]);
		long r = -1;
		for (const char *p = aza__istrstr(s, f); p; p = *p ? aza__istrstr(p + 1, f) : NULL) {
			r = (long)(p - s);
			if (FN("indexOf") || !*p)
				break;
		}
		return num(c, (double)r);
	}
	if (FN("startsWith")) {
		NEED(2);
		return boolean(c, aza__istarts(to_text(c, a[0]), to_text(c, a[1])));
	}
	if (FN("endsWith")) {
		NEED(2);
		return boolean(c, aza__iends(to_text(c, a[0]), to_text(c, a[1])));
	}
	if (FN("padLeft")) {
		NEED(2);
		const char *s = to_text(c, a[0]);
		double w = 0;
		aza_json_num(a[1], &w);
		char pad = n > 2 ? to_text(c, a[2])[0] : ' ';
		size_t l = strlen(s);
		if (w > 4096)
			w = 4096;
		aza_buf b;
		aza_buf__init(&b, 1 << 16);
		for (size_t i = l; i < (size_t)w; i++)
			aza_buf__addc(&b, pad ? pad : ' ');
		aza_buf__adds(&b, s);
		aza_json *v = aza_t__str(c, b.p ? b.p : "", b.len);
		aza_buf__release(&b);
		return v;
	}
	if (FN("base64")) {
		NEED(1);
		static const char tb[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
		const unsigned char *s = (const unsigned char *)to_text(c, a[0]);
		size_t l = strlen((const char *)s);
		aza_buf b;
		aza_buf__init(&b, AZA_MAX_STRING);
		for (size_t i = 0; i < l; i += 3) {
			unsigned v = (unsigned)s[i] << 16 | (i + 1 < l ? (unsigned)s[i + 1] << 8 : 0) | (i + 2 < l ? s[i + 2] : 0);
			aza_buf__addc(&b, tb[v >> 18 & 63]);
			aza_buf__addc(&b, tb[v >> 12 & 63]);
			aza_buf__addc(&b, i + 1 < l ? tb[v >> 6 & 63] : '=');
			aza_buf__addc(&b, i + 2 < l ? tb[v & 63] : '=');
		}
		aza_json *v = aza_t__str(c, b.p ? b.p : "", b.len);
		aza_buf__release(&b);
		return v;
	}
	if (FN("uri")) {
		NEED(2);
		const char *base = to_text(c, a[0]), *rel = to_text(c, a[1]);
		const char *slash = strrchr(base, '/');
		size_t keep = slash ? (size_t)(slash - base) + 1 : strlen(base);
		aza_json *v = aza_t__str(c, base, keep);
		if (!v)
			return NULL;
		return str0(c, aza_arena__printf(c->a, "%s%s", v->u.s, rel[0] == '/' ? rel + 1 : rel));
	}
	if (FN("uriComponent") || FN("dataUri") || FN("base64ToString") || FN("uriComponentToString")) {
		NEED(1);
		return str0(c, to_text(c, a[0]));
	}
	if (FN("uniqueString")) {
		/* Deterministic and stable, but not Azure's own hash: names made with
		 * it differ from a real deployment's (docs/templates.md). */
		const char *s = joined(c, a, n);
		uint64_t h = h64(s, 0);
		char out[14];
		static const char al[] = "abcdefghijklmnopqrstuvwxyz234567";
		for (int i = 0; i < 13; i++) {
			out[i] = al[h & 31];
			h >>= 5;
			if (i == 11)
				h ^= h64(s, 7);
		}
		out[13] = 0;
		return str0(c, out);
	}
	if (FN("guid")) {
		const char *s = joined(c, a, n);
		uint64_t p = h64(s, 1), q = h64(s, 2);
		char out[40];
		snprintf(out, sizeof out, "%08x-%04x-5%03x-%04x-%012llx", (unsigned)(p >> 32), (unsigned)(p >> 16) & 0xffff,
		         (unsigned)p & 0xfff, (unsigned)((q >> 48) & 0x3fff) | 0x8000,
		         (unsigned long long)(q & 0xffffffffffffull));
		return str0(c, out);
	}
	if (FN("resourceId"))
		return fn_resource_id(x, a, n, 0);
	if (FN("subscriptionResourceId")) {
		NEED(2);
		return fn_resource_id(x, a, n, 1);
	}
	if (FN("tenantResourceId")) {
		NEED(2);
		return fn_resource_id(x, a, n, 2);
	}
	if (FN("extensionResourceId"))
		return fn_resource_id(x, a, n, 3);
	if (FN("resourceGroup") || FN("subscription") || FN("tenant") || FN("deployment") || FN("environment"))
		return aza_t__builtin(c, nm);
	return aza_t__unknown(c, "'%s' (function %s() is not supported by azaudit)", x->full, nm);
}
