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
int aza_t__charge(aza_tctx *c, size_t n)
{
	c->bytes += n;
	if (c->bytes > AZA_TMPL_MAX_BYTES) {
		c->oom = 1;
		c->over = 1;
		return -1;
	}
	return 0;
}

static aza_json *mk(aza_tctx *c, aza_jkind k)
{
	if (aza_t__charge(c, sizeof(aza_json)))
		return NULL;
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
	if (!j || aza_t__charge(c, n))
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
	if (!v)
		return; /* out of memory: already recorded on the context */
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

/* The first value only known at deployment anywhere inside v (v itself,
 * an element or a member at any depth), or NULL. */
static const aza_json *inner_unknown(const aza_json *v)
{
	if (!v)
		return NULL;
	if (v->kind == AZA_JUNKNOWN)
		return v;
	if (v->kind == AZA_JARR || v->kind == AZA_JOBJ)
		for (const aza_json *m = v->u.child; m; m = m->next) {
			const aza_json *u = inner_unknown(m);
			if (u)
				return u;
		}
	return NULL;
}

/* One member's equality (equal(): 1, 0, -1 unknown) folded into the
 * whole's r: a difference decides, an unknown member makes a known whole
 * unknown. */
static int meet(int r, int e)
{
	return !e ? 0 : e < 0 ? -1 : r;
}

/* equals(): 1 equal, 0 not, -1 when it depends on a value only known at
 * deployment. A known difference decides even beside an unknown element:
 * ["a", <unknown>] is not ["b", <unknown>], nor a 3-element array. */
static int equal(const aza_json *a, const aza_json *b)
{
	if (!a || !b)
		return a == b;
	if (a->kind == AZA_JUNKNOWN || b->kind == AZA_JUNKNOWN)
		return -1;
	if (a->kind != b->kind)
		return 0;
	switch (a->kind) {
	case AZA_JSTR: return strcmp(a->u.s, b->u.s) == 0; /* case-sensitive, as equals() */
	case AZA_JNUM: return a->u.num == b->u.num;
	case AZA_JARR: {
		if (a->n != b->n)
			return 0;
		int r = 1;
		const aza_json *x = a->u.child, *y = b->u.child;
		for (; x && y && r; x = x->next, y = y->next)
			r = meet(r, equal(x, y));
		return r;
	}
	case AZA_JOBJ: {
		if (a->n != b->n)
			return 0;
		int r = 1;
		for (const aza_json *x = a->u.child; x; x = x->next) {
			const aza_json *y = NULL;
			for (const aza_json *k = b->u.child; k; k = k->next)
				if (aza__strieq(k->key, x->key))
					y = k;
			if (!y || !(r = meet(r, equal(x, y))))
				return 0;
		}
		return r;
	}
	default: return 1;
	}
}

/* less() and friends order strings as .NET's culture-aware comparison
 * does, not by byte: Microsoft's reference gives greater('A', 'a') as
 * True. Letters compare without case first ('a' < 'B'), digits before
 * letters, other ASCII punctuation and blanks before both; when all that
 * is equal, lower case sorts before upper case at the first place they
 * differ. Where that ordering is not certain (two different punctuation
 * characters, a hyphen or apostrophe, which word sort ignores, or a byte
 * outside ASCII) returns 2: the caller cannot decide. */
static int sort_class(unsigned char ch)
{
	if (ch >= 0x80 || ch == '-' || ch == '\'' || iscntrl(ch))
		return -1; /* uncertain */
	if (isalpha(ch))
		return 2;
	if (isdigit(ch))
		return 1;
	return 0; /* punctuation and blanks */
}

static int culture_cmp(const char *a, const char *b)
{
	int tie = 0;
	size_t i = 0;
	for (;; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
		if (!x || !y) {
			const char *rest = x ? a + i : y ? b + i : "";
			for (const char *p = rest; *p; p++)
				if (sort_class((unsigned char)*p) < 0)
					return 2;
			if (x || y)
				return x ? 1 : -1;
			return tie;
		}
		if (x == y)
			continue;
		if (isalpha(x) && isalpha(y) && tolower(x) == tolower(y)) {
			if (!tie)
				tie = islower(x) ? -1 : 1;
			continue;
		}
		int cx = sort_class(x), cy = sort_class(y);
		if (cx < 0 || cy < 0 || (cx == 0 && cy == 0))
			return 2;
		if (cx != cy)
			return cx < cy ? -1 : 1;
		return tolower(x) < tolower(y) ? -1 : 1;
	}
}

/* items() order: by key, letters without case first. */
static int items_before(const char *a, const char *b)
{
	int r = aza__stricmp(a ? a : "", b ? b : "");
	return r < 0 || (r == 0 && strcmp(a ? a : "", b ? b : "") < 0);
}

/* ---- the parser/evaluator ---- */
typedef struct X {
	aza_tctx *c;
	const char *s; /* expression text without the outer brackets */
	size_t i, n;
	const char *err;
	const char *full_; /* the expression text for messages, made on first use (xfull) */
	int skip; /* > 0: parsing a branch that is not taken (if, and, or, coalesce) */
	int nest; /* current nesting of calls and index brackets */
} X;

/* The whole expression, for messages (copied only when one is made). */
static const char *xfull(X *x)
{
	if (!x->full_) {
		x->full_ = aza_arena__strndup(x->c->a, x->s, x->n);
		if (!x->full_) {
			x->c->oom = 1;
			return "";
		}
	}
	return x->full_;
}

/* A type or arity error: the template is invalid (Resource Manager would
 * reject it). Ignored inside a branch that is not evaluated. */
static aza_json *xerr(X *x, const char *fmt, ...) AZA_PRINTF(2, 3);
static aza_json *xerr(X *x, const char *fmt, ...)
{
	if (x->err)
		return NULL;
	va_list ap;
	va_start(ap, fmt);
	char *m = aza_arena__vprintf(x->c->a, fmt, ap);
	va_end(ap);
	x->err = m ? m : "invalid expression";
	if (!m)
		x->c->oom = 1;
	return NULL;
}

static void ws(X *x)
{
	while (x->i < x->n && isspace((unsigned char)x->s[x->i]))
		x->i++;
}

static aza_json *expr(X *x);

/* After a function argument: 1 at ',' (another follows), 0 at ')' (the
 * list ends), -1 on anything else (x->err set). Consumes the separator. */
static int arg_sep(X *x)
{
	ws(x);
	if (x->i < x->n && (x->s[x->i] == ',' || x->s[x->i] == ')'))
		return x->s[x->i++] == ',';
	x->err = "expected ',' or ')' in function arguments";
	return -1;
}

static aza_json *call(X *x, const char *name, size_t nl, aza_json **args, size_t nargs);

#define MAX_ARGS 64

/* Functions that do not evaluate every argument: if() evaluates only the
 * branch it takes (so "[if(empty(x), '', x[0])]" is valid on an empty x),
 * and() and or() stop at the first deciding value, coalesce() at the first
 * non-null one. Returns 1 when argument number na is not evaluated. */
static int lazy_skip(const char *f, size_t nl, aza_json **a, size_t na)
{
#define LZ(name) (nl == sizeof(name) - 1 && aza__strnieq(f, name, nl))
	if (na == 0)
		return 0;
	if (LZ("if")) {
		if (a[0]->kind == AZA_JUNKNOWN)
			return 1;
		int t = a[0]->kind == AZA_JTRUE || (a[0]->kind == AZA_JSTR && aza__strieq(a[0]->u.s, "true"));
		return na == 1 ? !t : na == 2 ? t : 0;
	}
	if (LZ("and") || LZ("or")) {
		for (size_t i = 0; i < na; i++)
			if (a[i]->kind == (LZ("and") ? AZA_JFALSE : AZA_JTRUE))
				return 1;
		return 0;
	}
	if (LZ("coalesce")) {
		for (size_t i = 0; i < na; i++)
			if (a[i]->kind != AZA_JNULL)
				return 1;
		return 0;
	}
	return 0;
#undef LZ
}

/* lambda('p1', ..., body): the body is kept as text and evaluated by the
 * function that applies it (apply_lambda), with lambdaVariables('p1') bound.
 * The value is an object whose first member (key "\1") is the body text and
 * the next ones (key "\2") the parameter names. */
static aza_json *parse_lambda(X *x)
{
	size_t span[MAX_ARGS][2], k = 0;
	x->i++; /* '(' */
	for (;;) {
		ws(x);
		if (k == MAX_ARGS) {
			x->err = "too many arguments";
			return NULL;
		}
		span[k][0] = x->i;
		x->skip++;
		aza_json *a = expr(x);
		x->skip--;
		if (!a)
			return NULL;
		span[k++][1] = x->i;
		int sep = arg_sep(x);
		if (sep < 0)
			return NULL;
		if (sep == 0)
			break;
	}
	if (x->skip)
		return mk(x->c, AZA_JNULL);
	if (k < 2)
		return xerr(x, "lambda() needs parameter names and a body, got %zu argument(s)", k);
	aza_json *lam = mk(x->c, AZA_JOBJ);
	if (!lam)
		return NULL;
	aza_json **tail = &lam->u.child;
	aza_json *body = aza_t__str(x->c, x->s + span[k - 1][0], span[k - 1][1] - span[k - 1][0]);
	if (!body)
		return NULL;
	body->key = "\1";
	push(lam, &tail, body);
	for (size_t i = 0; i + 1 < k; i++) {
		X sub = {x->c, x->s + span[i][0], 0, span[i][1] - span[i][0], NULL, NULL, 0, x->nest};
		aza_json *p = expr(&sub);
		if (!p || p->kind != AZA_JSTR)
			return xerr(x, "lambda() parameter names must be strings");
		p = aza_t__copy(x->c, p, "\2");
		if (!p)
			return NULL;
		push(lam, &tail, p);
	}
	return lam;
}

static int is_lambda(const aza_json *v)
{
	return v && v->kind == AZA_JOBJ && v->u.child && v->u.child->key && v->u.child->key[0] == '\1';
}

/* Apply lambda lam to vals (as many as it has parameters, at most nv). */
static aza_json *apply_lambda(X *x, const aza_json *lam, const aza_json **vals, size_t nv)
{
	aza_tctx *c = x->c;
	const aza_json *body = lam->u.child;
	size_t np = 0;
	for (const aza_json *p = body->next; p; p = p->next)
		np++;
	if (np > nv)
		return xerr(x, "the lambda takes %zu parameters, at most %zu are given", np, nv);
	if (c->nlv + (int)np > AZA_TMPL_MAX_NEST)
		return xerr(x, "lambdas nested too deeply");
	int base = c->nlv;
	size_t i = 0;
	for (const aza_json *p = body->next; p; p = p->next, i++) {
		c->lv_name[c->nlv] = p->u.s;
		c->lv_val[c->nlv++] = vals[i];
	}
	X sub = {c, body->u.s, 0, body->n, NULL, NULL, 0, x->nest};
	aza_json *v = expr(&sub);
	if (v && !sub.err) {
		ws(&sub);
		if (sub.i < sub.n)
			sub.err = "unexpected text after the expression";
	}
	c->nlv = base;
	if (sub.err || !v) {
		if (!x->err)
			x->err = sub.err ? sub.err : "invalid lambda";
		return NULL;
	}
	return v;
}

/* The functions that build names and ids from their arguments' text. */
static int names_fn(const char *f, size_t nl)
{
	static const char *const fns[] = {"concat", "format", "resourceId", "subscriptionResourceId",
	                                  "extensionResourceId", "tenantResourceId", "managementGroupResourceId"};
	for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
		if (nl == strlen(fns[i]) && aza__strnieq(f, fns[i], nl))
			return 1;
	return 0;
}

aza_json *aza_t__placeholder(aza_tctx *c, const char *s, size_t n)
{
	/* "[" + the text without the blanks outside literals + "]": the same
	 * expression written with other spacing gives the same placeholder. */
	aza_buf b;
	aza_buf__init(&b, AZA_MAX_STRING);
	aza_buf__addc(&b, '[');
	int lit = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\'')
			lit = !lit; /* '' inside a literal toggles twice */
		else if (!lit && isspace((unsigned char)s[i]))
			continue;
		aza_buf__addc(&b, s[i]);
	}
	aza_buf__addc(&b, ']');
	aza_json *v = b.oom ? NULL : aza_t__str(c, b.p, b.len);
	aza_buf__release(&b);
	if (!v)
		c->oom = 1;
	return v;
}

static aza_json *primary(X *x)
{
	ws(x);
	if (x->i >= x->n) {
		x->err = "unexpected end of expression";
		return NULL;
	}
	char ch = x->s[x->i];
	if (ch == '\'') {
		/* Most literals have no '' escape: take the text as it is. */
		size_t e = x->i + 1;
		while (e < x->n && x->s[e] != '\'')
			e++;
		if (e < x->n && !(e + 1 < x->n && x->s[e + 1] == '\'')) {
			aza_json *v = aza_t__str(x->c, x->s + x->i + 1, e - x->i - 1);
			x->i = e + 1;
			return v;
		}
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
		if (nl == 6 && aza__strnieq(x->s + st, "lambda", 6) && x->i < x->n && x->s[x->i] == '(')
			return parse_lambda(x);
		if (x->i < x->n && x->s[x->i] == '(') {
			x->i++;
			aza_json *args[MAX_ARGS];
			size_t na = 0, at[MAX_ARGS], end[MAX_ARGS];
			ws(x);
			if (x->i < x->n && x->s[x->i] == ')') {
				x->i++;
			} else {
				for (;;) {
					int sk = lazy_skip(x->s + st, nl, args, na);
					x->skip += sk;
					size_t from = x->i;
					aza_json *a = expr(x);
					x->skip -= sk;
					if (!a)
						return NULL;
					if (na == MAX_ARGS) {
						x->err = "too many arguments";
						return NULL;
					}
					at[na] = from;
					end[na] = x->i;
					args[na++] = a;
					int sep = arg_sep(x);
					if (sep < 0)
						return NULL;
					if (sep == 0)
						break;
				}
			}
			if (x->skip)
				return mk(x->c, AZA_JNULL); /* not evaluated */
			if (x->c->names && names_fn(x->s + st, nl)) {
				/* A resource name: the unknown parts of an id or a name
				 * become their expression text, so a child that builds its
				 * name from the same expression as its parent gets the
				 * parent's id (see aza_t__placeholder). */
				for (size_t k = 0; k < na; k++)
					if (is_unknown(args[k]) &&
					    !(args[k] = aza_t__placeholder(x->c, x->s + at[k], end[k] - at[k])))
						return NULL;
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
		return aza_t__unknown(x->c, "member '%.*s' of a non-object in '%s'", (int)kl, key, xfull(x));
	for (aza_json *m = v->u.child; m; m = m->next)
		if (aza__strnieq(m->key, key, kl) && m->key[kl] == 0)
			return m;
	return aza_t__unknown(x->c, "member '%.*s' that does not exist in '%s'", (int)kl, key, xfull(x));
}

static aza_json *expr_in(X *x);

static aza_json *expr(X *x)
{
	if (++x->nest > AZA_TMPL_MAX_EXPR_DEPTH) {
		x->nest--;
		if (!x->err)
			x->err = "expression nested too deeply";
		return NULL;
	}
	aza_json *v = expr_in(x);
	x->nest--;
	return v;
}

static aza_json *expr_in(X *x)
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
					v = aza_t__unknown(x->c, "index %g out of range in '%s'", d, xfull(x));
				} else if (v->kind == AZA_JARR) {
					const aza_json *e = aza_json_at(v, (size_t)d);
					v = (aza_json *)e;
				} else {
					v = aza_t__str(x->c, v->u.s + (size_t)d, 1);
				}
			} else
				v = aza_t__unknown(x->c, "bad index in '%s'", xfull(x));
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
	X x = {c, s, 0, n, NULL, NULL, 0, 0};
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
		return aza_t__unknown(x->c, "resource id with too few arguments in '%s'", xfull(x));
	const char *type = to_text(x->c, a[0]);
	aza_buf b;
	aza_buf__init(&b, 1 << 16);
	aza_buf__adds(&b, prefix);
	aza_buf__adds(&b, "/providers/");
	/* NS/t1/t2... with names n1, n2... */
	const char *slash = strchr(type, '/');
	if (!slash) {
		aza_buf__release(&b);
		return aza_t__unknown(x->c, "resource type '%s' without a namespace in '%s'", type, xfull(x));
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
			return aza_t__unknown(c, "resourceId() without a resource type in '%s'", xfull(x));
		const char *sub = c->sub, *rg = c->rg;
		if (t == 1)
			rg = to_text(c, a[0]);
		else if (t >= 2) {
			sub = to_text(c, a[0]);
			rg = to_text(c, a[1]);
		}
		/* In a management-group or tenant deployment resourceId(type,
		 * names) is the tenant-level id, /providers/{type}/{names} (Learn, "resourceId":
		 * "Management group or tenant scope"); a subscription or resource
		 * group given as arguments still names one. */
		if ((c->mg || c->at_tenant) && t == 0)
			prefix[0] = 0;
		else if (c->scope_sub_only && t == 0)
			aza__fmt(prefix, sizeof prefix, "/subscriptions/%s", sub);
		else
			aza__fmt(prefix, sizeof prefix, "/subscriptions/%s/resourceGroups/%s", sub, rg);
		return build_id(x, prefix, a + t, n - t);
	}
	if (kind == 1) { /* subscriptionResourceId([sub], type, names...) */
		size_t t = looks_like_type(a[0]) ? 0 : 1;
		aza__fmt(prefix, sizeof prefix, "/subscriptions/%s", t ? to_text(c, a[0]) : c->sub);
		return build_id(x, prefix, a + t, n - t);
	}
	if (kind == 2) /* tenantResourceId(type, names...) */
		return build_id(x, "", a, n);
	if (kind == 4) { /* managementGroupResourceId([group], type, names...) */
		size_t t = looks_like_type(a[0]) ? 0 : 1;
		const char *mg = t ? to_text(c, a[0]) : c->mg;
		if (t && aza__istarts(mg, AZA_MG_PREFIX))
			mg += strlen(AZA_MG_PREFIX);
		/* The deployment's own group by its placeholder is only known at
		 * deployment, except as a name (see aza_tctx.names). */
		if (!mg || (!t && strchr(mg, '[') && !c->names))
			return aza_t__unknown(c, "'%s' (%s)", xfull(x),
			                      mg ? "the management group is only known at deployment"
			                         : "managementGroupResourceId() outside a management-group deployment");
		aza__fmt(prefix, sizeof prefix, AZA_MG_PREFIX "%s", mg);
		return build_id(x, prefix, a + t, n - t);
	}
	/* extensionResourceId(resourceId, type, names...) */
	if (n < 3)
		return aza_t__unknown(c, "extensionResourceId() with too few arguments in '%s'", xfull(x));
	return build_id(x, to_text(c, a[0]), a + 1, n - 1);
}

/* One .NET format item's value: "{i,align:spec}". Numbers take the
 * standard specifiers D, N, F and X (Microsoft's reference formats
 * 8175133 with {0:N0} as 8,175,133); strings and booleans ignore the
 * spec, as .NET does. Returns NULL for a spec azaudit does not know. */
static const char *format_item(aza_tctx *c, const aza_json *v, long align, const char *spec, size_t sl)
{
	const char *t = to_text(c, v);
	if (sl && v->kind == AZA_JNUM) {
		char kind = (char)toupper((unsigned char)spec[0]);
		int prec = -1;
		if (sl > 1) {
			prec = 0;
			for (size_t i = 1; i < sl; i++) {
				if (!isdigit((unsigned char)spec[i]) || prec > 99)
					return NULL;
				prec = prec * 10 + (spec[i] - '0');
			}
		}
		double d = v->u.num;
		char tmp[512];
		if ((kind == 'D' || kind == 'X') && (d != floor(d) || fabs(d) > 9e15))
			return NULL; /* an error in .NET: integers only */
		if (kind == 'D') {
			snprintf(tmp, sizeof tmp, "%s%0*.0f", d < 0 ? "-" : "", prec < 0 ? 1 : prec, fabs(d));
		} else if (kind == 'X') {
			if (d < 0)
				return NULL;
			snprintf(tmp, sizeof tmp, spec[0] == 'x' ? "%0*llx" : "%0*llX", prec < 0 ? 1 : prec,
			         (unsigned long long)d);
		} else if (kind == 'F' || kind == 'N') {
			char raw[400];
			snprintf(raw, sizeof raw, "%.*f", prec < 0 ? 2 : prec, fabs(d));
			size_t o = 0;
			const char *dot = strchr(raw, '.');
			size_t ip = dot ? (size_t)(dot - raw) : strlen(raw);
			int neg = d < 0 && strspn(raw, "0.") != strlen(raw);
			if (neg)
				tmp[o++] = '-';
			for (size_t i = 0; i < ip; i++) {
				if (kind == 'N' && i && (ip - i) % 3 == 0)
					tmp[o++] = ',';
				tmp[o++] = raw[i];
			}
			snprintf(tmp + o, sizeof tmp - o, "%s", dot ? dot : "");
		} else {
			return NULL;
		}
		t = aza_arena__strdup(c->a, tmp);
		if (!t)
			return NULL;
	}
	size_t l = strlen(t), w = (size_t)labs(align);
	if (w <= l || w > 4096)
		return t;
	return aza_arena__printf(c->a, align < 0 ? "%-*s" : "%*s", (int)w, t);
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
				return aza_t__unknown(x->c, "format() placeholder out of range in '%s'", xfull(x));
			}
			long align = 0;
			const char *spec = end;
			if (*end == ',')
				align = strtol(end + 1, (char **)&spec, 10);
			while (spec < close && *spec == ' ')
				spec++;
			if (*spec == ':')
				spec++;
			else if (spec != close)
				spec = NULL; /* not "{i}", "{i,n}" nor "{i[,n]:spec}" */
			const char *item = spec ? format_item(x->c, a[k + 1], align, spec, (size_t)(close - spec)) : NULL;
			if (!item) {
				aza_buf__release(&b);
				if (x->c->oom)
					return NULL;
				return aza_t__unknown(x->c, "format item '%.*s' that azaudit does not format, in '%s'",
				                      (int)(close - p + 1), p, xfull(x));
			}
			aza_buf__adds(&b, item);
			p = close;
		} else {
			aza_buf__addc(&b, *p);
		}
	}
	aza_json *v = aza_t__str(x->c, b.p ? b.p : "", b.len);
	aza_buf__release(&b);
	return v;
}

static const char *kind_name(const aza_json *v)
{
	switch (v->kind) {
	case AZA_JNULL: return "null";
	case AZA_JTRUE:
	case AZA_JFALSE: return "a boolean";
	case AZA_JNUM: return "a number";
	case AZA_JSTR: return "a string";
	case AZA_JARR: return "an array";
	case AZA_JOBJ: return "an object";
	default: return "an unknown value";
	}
}

/* Copy the members of object src into object o (new nodes; a key already
 * in o is replaced in place). deep: two objects under the same key are
 * merged recursively, as union() does; else the later one wins, as in
 * shallowMerge(). Nothing given is modified. -1 when out of memory. */
static int merge_into(aza_tctx *c, aza_json *o, const aza_json *src, int deep)
{
	for (const aza_json *m = src->u.child; m; m = m->next) {
		aza_json **at = &o->u.child;
		while (*at && !aza__strieq((*at)->key, m->key))
			at = &(*at)->next;
		aza_json *nv;
		if (*at && deep && (*at)->kind == AZA_JUNKNOWN && m->kind == AZA_JOBJ) {
			/* union() would merge m into what the unknown holds: the
			 * members it adds are not known. */
			nv = aza_t__copy(c, *at, m->key);
			if (!nv)
				return -1;
		} else if (*at && deep && (*at)->kind == AZA_JOBJ && m->kind == AZA_JOBJ) {
			nv = mk(c, AZA_JOBJ);
			if (!nv)
				return -1;
			nv->key = (*at)->key;
			nv->off = m->off;
			if (merge_into(c, nv, *at, 1) || merge_into(c, nv, m, 1))
				return -1;
		} else {
			nv = aza_t__copy(c, m, m->key);
			if (!nv)
				return -1;
		}
		if (*at) {
			nv->next = (*at)->next;
			*at = nv;
		} else {
			*at = nv;
			o->n++;
		}
	}
	return 0;
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
			/* Later objects override earlier keys; objects under the same
			 * key are merged recursively (arrays under it are replaced). */
			for (size_t i = 0; i < n; i++) {
				if (a[i]->kind != AZA_JOBJ)
					return xerr(x, "union() of an object and %s", kind_name(a[i]));
				if (merge_into(c, o, a[i], 1))
					return NULL;
			}
		} else {
			for (aza_json *m = a[0]->u.child; m; m = m->next) {
				int all = 1;
				for (size_t k = 1; k < n; k++) {
					if (a[k]->kind != AZA_JOBJ)
						return xerr(x, "intersection() of an object and %s", kind_name(a[k]));
					const aza_json *o2 = aza_json_get(a[k], m->key);
					int e = o2 ? equal(o2, m) : 0;
					if (e < 0)
						return aza_t__copy(c, inner_unknown(o2) ? inner_unknown(o2) : inner_unknown(m), NULL);
					if (!e)
						all = 0;
				}
				if (all)
					push(o, &tail, aza_t__copy(c, m, m->key));
			}
		}
		return o;
	}
	/* union() drops repeated elements and intersection() keeps common ones:
	 * an element only known at deployment may be any of them. */
	for (size_t i = 0; i < n && op != 2; i++)
		if (inner_unknown(a[i]))
			return aza_t__copy(c, inner_unknown(a[i]), NULL);
	aza_json *r = mk(c, AZA_JARR);
	if (!r)
		return NULL;
	aza_json **tail = &r->u.child;
	for (size_t i = 0; i < n; i++) {
		if (a[i]->kind != AZA_JARR)
			return xerr(x, "%s of an array and %s", op == 0 ? "union()" : op == 1 ? "intersection()" : "concat()",
			            kind_name(a[i]));
		if (op == 1 && i > 0)
			break;
		for (aza_json *e = a[i]->u.child; e; e = e->next) {
			int keep = 1;
			if (op == 0)
				for (aza_json *q = r->u.child; q; q = q->next)
					if (equal(q, e) > 0)
						keep = 0;
			if (op == 1)
				for (size_t k = 1; k < n && keep; k++) {
					int found = 0;
					for (aza_json *q = a[k]->u.child; q; q = q->next)
						found |= equal(q, e) > 0;
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
			return xerr(x, "%s() needs at least %d argument(s), got %zu", nm, (k), n); \
	} while (0)
#define KIND(i, k, what)                                                               \
	do {                                                                               \
		if (a[i]->kind != (k))                                                         \
			return xerr(x, "%s() expects %s as argument %d, got %s", nm, what, (int)(i) + 1, kind_name(a[i])); \
	} while (0)

/* The value of JSON text given to json() or base64ToJson(). Resource
 * Manager reads it with Json.NET, which takes '...' strings (the usual way
 * to write JSON inside a '...' template literal), unquoted names, comments
 * and a trailing comma (docs/templates.md); Microsoft's own base64ToJson
 * example decodes {'one': 'a', 'two': 'b'}. */
static aza_json *json_text(X *x, const char *fn, const char *s)
{
	aza_tctx *c = x->c;
	aza_json *v;
	aza_jerr e;
	size_t len = strlen(s);
	if (aza_json__parse_all_lenient(c->a, s, len, &v, &e)) {
		unsigned long line, col;
		aza_json__linecol(s, len, e.off, &line, &col);
		if (line > 1)
			return xerr(x, "%s() of invalid JSON (line %lu, column %lu of its argument): %s", fn, line, col,
			            e.what);
		return xerr(x, "%s() of invalid JSON (column %lu of its argument): %s", fn, col, e.what);
	}
	aza_t__reoff(v, c->off);
	return v;
}

static int is_bool(const aza_json *v)
{
	return v->kind == AZA_JTRUE || v->kind == AZA_JFALSE ||
	       (v->kind == AZA_JSTR && (aza__strieq(v->u.s, "true") || aza__strieq(v->u.s, "false")));
}

static aza_json *call(X *x, const char *fname, size_t nl, aza_json **a, size_t n)
{
	aza_tctx *c = x->c;
	char nm[64];
	size_t nml = strnlen(fname, nl < 63 ? nl : 63); /* for messages */
	memcpy(nm, fname, nml);
	nm[nml] = 0;
	/* Functions that decide what is known by themselves. */
	if (FN("parameters") || FN("variables")) {
		NEED(1);
		if (is_unknown(a[0]))
			return a[0];
		return FN("parameters") ? aza_t__param(c, to_text(c, a[0])) : aza_t__var(c, to_text(c, a[0]));
	}
	if (FN("lambdaVariables")) {
		NEED(1);
		KIND(0, AZA_JSTR, "a string");
		for (int k = c->nlv - 1; k >= 0; k--)
			if (!strcmp(c->lv_name[k], a[0]->u.s))
				return (aza_json *)c->lv_val[k];
		return xerr(x, "lambdaVariables('%s') outside a lambda with that parameter", a[0]->u.s);
	}
	if (FN("managementGroup")) {
		/* Known in a management-group deployment, like subscription() in
		 * a subscription's; a management group named by arguments is not
		 * in the template. */
		aza_json *mg = n ? NULL : aza_t__management_group(c);
		if (mg || c->oom)
			return mg;
	}
	if (FN("reference") || FN("list") || (nl > 4 && aza__strnieq(fname, "list", 4)) || FN("utcNow") ||
	    FN("newGuid") || FN("pickZones") || FN("managementGroup") || FN("deployer") || FN("getSecret"))
		return aza_t__unknown(c, "'%s' (%s() is only known at deployment)", xfull(x), nm);
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
		if (loop)
			return xerr(x, "copyIndex('%s') outside a copy loop of that name", loop);
		return xerr(x, "copyIndex() outside a copy loop");
	}
	if (FN("if")) {
		if (n != 3)
			return xerr(x, "if() needs 3 arguments, got %zu", n);
		if (is_unknown(a[0]))
			return a[0];
		if (!is_bool(a[0]))
			return xerr(x, "if() expects a boolean condition, got %s", kind_name(a[0]));
		return truthy(a[0]) ? a[1] : a[2];
	}
	if (FN("and") || FN("or")) {
		/* A deciding known value wins over an unknown one. */
		int isand = FN("and");
		NEED(1);
		aza_json *unk = NULL;
		for (size_t i = 0; i < n; i++) {
			if (is_unknown(a[i])) {
				if (!unk)
					unk = a[i];
				continue;
			}
			if (a[i]->kind == AZA_JNULL)
				continue; /* an argument that was not evaluated */
			if (!is_bool(a[i]))
				return xerr(x, "%s() expects booleans, got %s", nm, kind_name(a[i]));
			if (truthy(a[i]) != isand)
				return boolean(c, !isand);
		}
		return unk ? unk : boolean(c, isand);
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
	/* A value only known at deployment inside an array or object argument:
	 * the functions that move elements and members around keep it in place;
	 * the others (string(), join(), concat() of strings, format(), json(),
	 * the comparisons...) would read it as null and make a wrong value. */
	if (!(FN("createArray") || FN("array") || FN("createObject") || FN("union") || FN("intersection") ||
	      FN("shallowMerge") || FN("concat") || FN("length") || FN("empty") || FN("first") || FN("last") ||
	      FN("take") || FN("skip") || FN("items") || FN("objectKeys") || FN("tryGet") || FN("filter") ||
	      FN("map") || FN("sort") || FN("reduce") || FN("toObject") || FN("mapValues") || FN("contains") ||
	      FN("equals")))
		for (size_t i = 0; i < n; i++)
			if (inner_unknown(a[i]))
				return aza_t__copy(c, inner_unknown(a[i]), NULL);
	if (FN("concat") && n && a[0]->kind != AZA_JARR)
		for (size_t i = 0; i < n; i++)
			if (inner_unknown(a[i]))
				return aza_t__copy(c, inner_unknown(a[i]), NULL);
	if (FN("filter") || FN("map") || FN("sort") || FN("toObject") || FN("reduce") || FN("mapValues")) {
		int red = FN("reduce");
		NEED(red ? 3 : 2);
		if (!is_lambda(a[red ? 2 : 1]))
			return xerr(x, "%s() expects a lambda as argument %d", nm, red ? 3 : 2);
		if (FN("mapValues"))
			KIND(0, AZA_JOBJ, "an object");
		else
			KIND(0, AZA_JARR, "an array");
		const aza_json *lam = a[red ? 2 : 1];
		aza_json *r = mk(c, FN("toObject") || FN("mapValues") ? AZA_JOBJ : AZA_JARR);
		if (!r)
			return NULL;
		aza_json **tail = &r->u.child;
		aza_json *acc = red ? a[1] : NULL;
		size_t i = 0;
		for (aza_json *e = a[0]->u.child; e; e = e->next, i++) {
			aza_json *idx = num(c, (double)i);
			if (!idx)
				return NULL;
			if (FN("sort")) {
				/* Insertion sort: e goes before the first element it sorts before. */
				aza_json **at = &r->u.child;
				for (; *at; at = &(*at)->next) {
					const aza_json *pair[2] = {e, *at};
					aza_json *lt = apply_lambda(x, lam, pair, 2);
					if (!lt || is_unknown(lt))
						return lt;
					if (!is_bool(lt))
						return xerr(x, "sort() expects the lambda to return a boolean, got %s", kind_name(lt));
					if (truthy(lt))
						break;
				}
				aza_json *cp = aza_t__copy(c, e, NULL);
				if (!cp)
					return NULL;
				cp->next = *at;
				*at = cp;
				r->n++;
				continue;
			}
			const aza_json *args[3] = {red ? acc : e, red ? e : idx, idx};
			aza_json *v = apply_lambda(x, lam, args, red ? 3 : 2);
			if (!v || (is_unknown(v) && !red))
				return v;
			if (red) {
				acc = v;
			} else if (FN("filter")) {
				if (!is_bool(v))
					return xerr(x, "filter() expects the lambda to return a boolean, got %s", kind_name(v));
				if (truthy(v))
					push(r, &tail, aza_t__copy(c, e, NULL));
			} else if (FN("map")) {
				push(r, &tail, aza_t__copy(c, v, NULL));
			} else if (FN("mapValues")) {
				push(r, &tail, aza_t__copy(c, v, e->key));
			} else { /* toObject(array, key lambda[, value lambda]) */
				if (v->kind != AZA_JSTR)
					return xerr(x, "toObject() expects the key lambda to return a string, got %s", kind_name(v));
				aza_json *val = e;
				if (n > 2) {
					if (!is_lambda(a[2]))
						return xerr(x, "toObject() expects a lambda as argument 3");
					val = apply_lambda(x, a[2], args, 2);
					if (!val)
						return NULL;
				}
				aza_json *one = mk(c, AZA_JOBJ);
				if (!one)
					return NULL;
				aza_json **t1 = &one->u.child;
				push(one, &t1, aza_t__copy(c, val, v->u.s));
				if (merge_into(c, r, one, 0)) /* a repeated key: the last one wins */
					return NULL;
			}
		}
		return red ? acc : r;
	}
	if (FN("shallowMerge")) {
		NEED(1);
		KIND(0, AZA_JARR, "an array");
		aza_json *r = mk(c, AZA_JOBJ);
		if (!r)
			return NULL;
		for (aza_json *e = a[0]->u.child; e; e = e->next) {
			if (is_unknown(e))
				return e;
			if (e->kind != AZA_JOBJ)
				return xerr(x, "shallowMerge() expects an array of objects, got %s in it", kind_name(e));
			if (merge_into(c, r, e, 0))
				return NULL;
		}
		return r;
	}
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
		if ((a[0]->kind == AZA_JNUM || a[0]->kind == AZA_JSTR) && aza_json_num(a[0], &d))
			return num(c, trunc(d));
		return xerr(x, "int() cannot convert %s '%s' to an integer", kind_name(a[0]), to_text(c, a[0]));
	}
	if (FN("float")) {
		NEED(1);
		double d;
		if ((a[0]->kind == AZA_JNUM || a[0]->kind == AZA_JSTR) && aza_json_num(a[0], &d))
			return num(c, d);
		return xerr(x, "float() cannot convert %s '%s' to a number", kind_name(a[0]), to_text(c, a[0]));
	}
	if (FN("bool")) {
		NEED(1);
		int b;
		if (aza_json_bool(a[0], &b))
			return boolean(c, b);
		if (a[0]->kind == AZA_JNUM)
			return boolean(c, a[0]->u.num != 0);
		return xerr(x, "bool() cannot convert %s '%s' to a boolean", kind_name(a[0]), to_text(c, a[0]));
	}
	if (FN("true"))
		return boolean(c, 1);
	if (FN("false"))
		return boolean(c, 0);
	if (FN("null"))
		return mk(c, AZA_JNULL);
	if (FN("json")) {
		NEED(1);
		KIND(0, AZA_JSTR, "a string");
		return json_text(x, "json", to_text(c, a[0]));
	}
	if (FN("toLower") || FN("toUpper")) {
		NEED(1);
		KIND(0, AZA_JSTR, "a string");
		const char *s = to_text(c, a[0]);
		aza_json *v = str0(c, s);
		if (v)
			for (char *p = (char *)v->u.s; *p; p++)
				*p = (char)(FN("toLower") ? tolower((unsigned char)*p) : toupper((unsigned char)*p));
		return v;
	}
	if (FN("trim")) {
		NEED(1);
		KIND(0, AZA_JSTR, "a string");
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
		KIND(0, AZA_JSTR, "a string");
		KIND(1, AZA_JSTR, "a string");
		KIND(2, AZA_JSTR, "a string");
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
		KIND(0, AZA_JSTR, "a string");
		KIND(1, AZA_JNUM, "a number");
		st = a[1]->u.num;
		if (n > 2) {
			KIND(2, AZA_JNUM, "a number");
			ln = a[2]->u.num;
			if (ln < 0)
				return xerr(x, "substring() length %g is negative", ln);
		}
		size_t l = strlen(s);
		if (st < 0 || st > l || (ln >= 0 && st + ln > l))
			return xerr(x, "substring() range %g+%g is outside the string (length %zu)", st, ln < 0 ? 0 : ln, l);
		return aza_t__str(c, s + (size_t)st, ln < 0 ? l - (size_t)st : (size_t)ln);
	}
	if (FN("split")) {
		NEED(2);
		KIND(0, AZA_JSTR, "a string");
		if (a[1]->kind != AZA_JSTR && a[1]->kind != AZA_JARR)
			return xerr(x, "split() expects a string or an array of delimiters, got %s", kind_name(a[1]));
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
		KIND(0, AZA_JARR, "an array");
		KIND(1, AZA_JSTR, "a string");
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
		return xerr(x, "length() expects a string, an array or an object, got %s", kind_name(a[0]));
	}
	if (FN("empty")) {
		NEED(1);
		return boolean(c, a[0]->kind == AZA_JNULL || ((a[0]->kind == AZA_JSTR) && !*a[0]->u.s) ||
		                      ((a[0]->kind == AZA_JARR || a[0]->kind == AZA_JOBJ) && a[0]->n == 0));
	}
	if (FN("contains")) {
		NEED(2);
		/* Strings: case-sensitive; object keys: case-insensitive. */
		if (a[0]->kind != AZA_JARR && inner_unknown(a[1]))
			return aza_t__copy(c, inner_unknown(a[1]), NULL);
		if (a[0]->kind == AZA_JSTR)
			return boolean(c, strstr(a[0]->u.s, to_text(c, a[1])) != NULL);
		if (a[0]->kind == AZA_JOBJ)
			return boolean(c, aza_json_get(a[0], to_text(c, a[1])) != NULL);
		if (a[0]->kind != AZA_JARR)
			return xerr(x, "contains() expects a string, an array or an object, got %s", kind_name(a[0]));
		/* Found is found; not found is unknown when an element (or the
		 * value sought) is only known at deployment. */
		const aza_json *unk = NULL;
		for (aza_json *e = a[0]->u.child; e; e = e->next) {
			int eq = equal(e, a[1]);
			if (eq > 0)
				return boolean(c, 1);
			if (eq < 0 && !unk)
				unk = inner_unknown(e) ? inner_unknown(e) : inner_unknown(a[1]);
		}
		return unk ? aza_t__copy(c, unk, NULL) : boolean(c, 0);
	}
	if (FN("first") || FN("last")) {
		NEED(1);
		if (a[0]->kind == AZA_JSTR) {
			size_t l = strlen(a[0]->u.s);
			if (!l)
				return str0(c, "");
			return aza_t__str(c, FN("first") ? a[0]->u.s : a[0]->u.s + l - 1, 1);
		}
		if (a[0]->kind != AZA_JARR)
			return xerr(x, "%s() expects a string or an array, got %s", nm, kind_name(a[0]));
		if (a[0]->n == 0)
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
		if (n % 2)
			return xerr(x, "createObject() needs an even number of arguments, got %zu", n);
		for (size_t i = 0; i < n; i += 2) {
			KIND(i, AZA_JSTR, "a string key");
			push(o, &tail, aza_t__copy(c, a[i + 1], a[i]->u.s));
		}
		return o;
	}
	if (FN("items")) {
		NEED(1);
		aza_json *r = mk(c, AZA_JARR);
		if (!r)
			return NULL;
		aza_json **tail = &r->u.child;
		KIND(0, AZA_JOBJ, "an object");
		/* In the keys' alphabetical order, not the template's: Microsoft's
		 * items() example lists item001 before item002 though declared the
		 * other way round. */
		const aza_json **keys = a[0]->n ? aza_arena__alloc(c->a, a[0]->n * sizeof *keys) : NULL;
		size_t nk = 0;
		if (a[0]->n && !keys) {
			c->oom = 1;
			return NULL;
		}
		aza_json_each(m, a[0]) {
			if (nk == a[0]->n)
				break;
			size_t at = nk++;
			while (at && items_before(m->key, keys[at - 1]->key)) {
				keys[at] = keys[at - 1];
				at--;
			}
			keys[at] = m;
		}
		for (size_t i = 0; i < nk; i++) {
			const aza_json *m = keys[i];
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
		int eq = equal(a[0], a[1]);
		if (eq < 0)
			return aza_t__copy(c, inner_unknown(a[0]) ? inner_unknown(a[0]) : inner_unknown(a[1]), NULL);
		return boolean(c, eq);
	}
	if (FN("not")) {
		NEED(1);
		if (!is_bool(a[0]))
			return xerr(x, "not() expects a boolean, got %s", kind_name(a[0]));
		return boolean(c, !truthy(a[0]));
	}
	if (FN("less") || FN("lessOrEquals") || FN("greater") || FN("greaterOrEquals")) {
		NEED(2);
		int cmp;
		if (a[0]->kind == AZA_JNUM && a[1]->kind == AZA_JNUM)
			cmp = a[0]->u.num < a[1]->u.num ? -1 : a[0]->u.num > a[1]->u.num;
		else if (a[0]->kind == AZA_JSTR && a[1]->kind == AZA_JSTR) {
			cmp = culture_cmp(a[0]->u.s, a[1]->u.s);
			if (cmp == 2)
				return aza_t__unknown(c, "'%s' (%s() of strings whose order depends on Azure's culture rules)",
				                      xfull(x), nm);
		} else
			return xerr(x, "%s() compares two numbers or two strings, got %s and %s", nm, kind_name(a[0]),
			            kind_name(a[1]));
		int r = FN("less") ? cmp < 0 : FN("lessOrEquals") ? cmp <= 0 : FN("greater") ? cmp > 0 : cmp >= 0;
		return boolean(c, r);
	}
	if (FN("add") || FN("sub") || FN("mul") || FN("div") || FN("mod")) {
		NEED(2);
		KIND(0, AZA_JNUM, "a number");
		KIND(1, AZA_JNUM, "a number");
		double p = a[0]->u.num, q = a[1]->u.num;
		if ((FN("div") || FN("mod")) && q == 0)
			return xerr(x, "%s() by zero", nm);
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
		if (k == 0)
			return xerr(x, "%s() of no numbers", nm);
		/* Only numbers: a string or boolean is an error in Azure, not a
		 * value to pass over. */
		if (n == 1 && a[0]->kind == AZA_JARR) {
			aza_json_each(e, a[0]) {
				if (e->kind != AZA_JNUM)
					return xerr(x, "%s() expects numbers, got %s", nm, kind_name(e));
				best = FN("min") ? fmin(best, e->u.num) : fmax(best, e->u.num);
			}
		} else {
			for (size_t i = 0; i < k; i++) {
				if (v[i]->kind != AZA_JNUM)
					return xerr(x, "%s() expects numbers, got %s", nm, kind_name(v[i]));
				best = FN("min") ? fmin(best, v[i]->u.num) : fmax(best, v[i]->u.num);
			}
		}
		return num(c, best);
	}
	if (FN("range")) {
		NEED(2);
		KIND(0, AZA_JNUM, "a number");
		KIND(1, AZA_JNUM, "a number");
		double st = a[0]->u.num, cnt = a[1]->u.num;
		if (cnt < 0 || cnt > 10000 || st + cnt > 2147483647)
			return xerr(x, "range() count %g is outside 0..10000", cnt);
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
		KIND(1, AZA_JNUM, "a number");
		double k = a[1]->u.num;
		if (a[0]->kind != AZA_JSTR && a[0]->kind != AZA_JARR)
			return xerr(x, "%s() expects a string or an array, got %s", nm, kind_name(a[0]));
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
	if (FN("uriComponent")) {
		NEED(1);
		KIND(0, AZA_JSTR, "a string");
		aza_buf b;
		aza_buf__init(&b, AZA_MAX_STRING);
		for (const unsigned char *p = (const unsigned char *)a[0]->u.s; *p; p++) {
			if (isalnum(*p) || strchr("-_.~", *p))
				aza_buf__addc(&b, (char)*p);
			else
				aza_buf__printf(&b, "%%%02X", *p);
		}
		aza_json *v = aza_t__str(c, b.p ? b.p : "", b.len);
		aza_buf__release(&b);
		return v;
	}
	if (FN("uriComponentToString")) {
		NEED(1);
		KIND(0, AZA_JSTR, "a string");
		aza_buf b;
		aza_buf__init(&b, AZA_MAX_STRING);
		for (const char *p = a[0]->u.s; *p; p++) {
			if (*p == '%' && isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2])) {
				char h[3] = {p[1], p[2], 0};
				aza_buf__addc(&b, (char)strtol(h, NULL, 16));
				p += 2;
			} else {
				aza_buf__addc(&b, *p);
			}
		}
		aza_json *v = aza_t__str(c, b.p ? b.p : "", b.len);
		aza_buf__release(&b);
		return v;
	}
	if (FN("base64ToString") || FN("base64ToJson")) {
		NEED(1);
		KIND(0, AZA_JSTR, "a string");
		aza_buf b;
		aza_buf__init(&b, AZA_MAX_STRING);
		unsigned acc = 0;
		int bits = 0;
		for (const char *p = a[0]->u.s; *p && *p != '='; p++) {
			const char *q = strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", *p);
			if (!q || !*p) {
				aza_buf__release(&b);
				return xerr(x, "%s() of invalid base64", nm);
			}
			acc = (acc << 6 | (unsigned)(q - "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")) & 0xffffff;
			bits += 6;
			if (bits >= 8) {
				bits -= 8;
				aza_buf__addc(&b, (char)(acc >> bits & 0xff));
			}
		}
		aza_json *v = aza_t__str(c, b.p ? b.p : "", b.len);
		aza_buf__release(&b);
		if (v && FN("base64ToJson"))
			return json_text(x, "base64ToJson", v->u.s);
		return v;
	}
	if (FN("dataUri")) {
		NEED(1);
		aza_json *b64 = call(x, "base64", 6, a, 1);
		if (!b64)
			return NULL;
		return str0(c, aza_arena__printf(c->a, "data:text/plain;charset=utf8;base64,%s", b64->u.s));
	}
	if (FN("tryGet")) {
		/* tryGet(value, key or index, ...): each further key goes one level
		 * deeper (value.?a.?b); a missing one gives null. */
		NEED(2);
		const aza_json *m = a[0];
		for (size_t i = 1; i < n && m; i++) {
			if (is_unknown(m))
				return (aza_json *)m;
			if (m->kind == AZA_JOBJ && a[i]->kind == AZA_JSTR)
				m = aza_json_get(m, a[i]->u.s);
			else if (m->kind == AZA_JARR && a[i]->kind == AZA_JNUM)
				m = a[i]->u.num >= 0 ? aza_json_at(m, (size_t)a[i]->u.num) : NULL;
			else
				m = NULL;
		}
		return m ? (aza_json *)m : mk(c, AZA_JNULL);
	}
	if (FN("objectKeys")) {
		NEED(1);
		KIND(0, AZA_JOBJ, "an object");
		aza_json *r = mk(c, AZA_JARR);
		if (!r)
			return NULL;
		aza_json **tail = &r->u.child;
		for (aza_json *m = a[0]->u.child; m; m = m->next)
			push(r, &tail, str0(c, m->key ? m->key : ""));
		return r;
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
	if (FN("managementGroupResourceId")) {
		NEED(2);
		return fn_resource_id(x, a, n, 4);
	}
	if (FN("resourceGroup") || FN("subscription") || FN("tenant") || FN("deployment") || FN("environment"))
		return aza_t__builtin(c, nm);
	return aza_t__unknown(c, "'%s' (function %s() is not supported by azaudit)", xfull(x), nm);
}
