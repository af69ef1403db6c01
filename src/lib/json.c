/*
 * json.c - the JSON parser and the typed accessors rules use.
 *
 * Why our own parser and not one of Debian's libraries: findings on templates
 * need the line and column of every value, streaming needs a parser that can
 * say "ran out of input" and be resumed on a longer buffer, and untrusted
 * input needs hard limits (depth, string size), UTF-8 validation and
 * duplicate-key detection. Nodes live in an arena, so a resource is freed in
 * one step. docs/json.md has the measurements against cJSON.
 */
#include "internal.h"

#include <assert.h>
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct aza_jintern {
	aza_arena a;
	const char **slot; /* open addressing; NULL = empty */
	uint32_t *len;
	size_t cap, n;
	const char **byid; /* id - 1 -> string (ids are stored before each string) */
	size_t capid;
	int plain; /* strings only: no ids, no folds (finding messages, names) */
};

aza_jintern *aza_jintern__new(void)
{
	aza_jintern *t = aza__malloc(sizeof *t);
	if (!t)
		return NULL;
	t->plain = 0;
	aza_arena__init(&t->a);
	t->cap = 1024;
	t->n = 0;
	t->byid = NULL;
	t->capid = 0;
	t->slot = aza__malloc(t->cap * sizeof *t->slot);
	t->len = aza__malloc(t->cap * sizeof *t->len);
	if (!t->slot || !t->len) {
		aza_jintern__free(t);
		return NULL;
	}
	memset(t->slot, 0, t->cap * sizeof *t->slot);
	return t;
}

aza_jintern *aza_jintern__new_plain(void)
{
	aza_jintern *t = aza_jintern__new();
	if (t)
		t->plain = 1;
	return t;
}

void aza_jintern__free(aza_jintern *t)
{
	if (!t)
		return;
	aza_arena__release(&t->a);
	aza__free(t->slot);
	aza__free(t->len);
	aza__free(t->byid);
	aza__free(t);
}

/* The interned copy of s[0..n), or NULL when out of memory. Each copy is
 * preceded by its 4-byte id (1-based), see aza_jintern__id, and before that
 * by the id of its ASCII-lower-case form (its fold, aza_jintern__fold; 0
 * for strings longer than FOLD_MAX): keys compare case-insensitively, and
 * the parser's duplicate-key check compares folds instead of strings. */
#define FOLD_MAX 64
static const char *intern(aza_jintern *t, const char *s, size_t n)
{
	if (t->n * 2 >= t->cap) {
		size_t cap = t->cap * 2;
		const char **slot = aza__malloc(cap * sizeof *slot);
		uint32_t *len = aza__malloc(cap * sizeof *len);
		if (!slot || !len) {
			aza__free(slot);
			aza__free(len);
			return NULL;
		}
		memset(slot, 0, cap * sizeof *slot);
		for (size_t i = 0; i < t->cap; i++)
			if (t->slot[i]) {
				size_t h = aza__hash(t->slot[i], t->len[i]) & (cap - 1);
				while (slot[h])
					h = (h + 1) & (cap - 1);
				slot[h] = t->slot[i];
				len[h] = t->len[i];
			}
		aza__free(t->slot);
		aza__free(t->len);
		t->slot = slot;
		t->len = len;
		t->cap = cap;
	}
	size_t h = aza__hash(s, n) & (t->cap - 1);
	while (t->slot[h]) {
		if (t->len[h] == n && memcmp(t->slot[h], s, n) == 0)
			return t->slot[h];
		h = (h + 1) & (t->cap - 1);
	}
	if (t->plain) {
		char *d = aza_arena__alloc_bytes(&t->a, n + 1);
		if (!d)
			return NULL;
		memcpy(d, s, n);
		d[n] = 0;
		t->slot[h] = d;
		t->len[h] = (uint32_t)n;
		t->n++;
		return d;
	}
	/* New: its fold is its own id when it has no upper-case letter, else
	 * the id of its lower-case form, interned first. */
	uint32_t fold = 0;
	if (n <= FOLD_MAX) {
		size_t u = 0;
		while (u < n && !(s[u] >= 'A' && s[u] <= 'Z'))
			u++;
		if (u < n) {
			char low[FOLD_MAX];
			for (size_t i = 0; i < n; i++)
				low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
			const char *l = intern(t, low, n);
			if (!l)
				return NULL;
			fold = aza_jintern__id(l);
			/* That insertion may have grown the table: find the
			 * free slot again. */
			h = aza__hash(s, n) & (t->cap - 1);
			while (t->slot[h])
				h = (h + 1) & (t->cap - 1);
		}
	}
	if (t->n >= UINT32_MAX - 1)
		return NULL;
	if (t->n == t->capid) {
		size_t cap = t->capid ? t->capid * 2 : 256;
		const char **v = aza__realloc(t->byid, cap * sizeof *v);
		if (!v)
			return NULL;
		t->byid = v;
		t->capid = cap;
	}
	char *d = aza_arena__alloc_bytes(&t->a, n + 9);
	if (!d)
		return NULL;
	uint32_t id = (uint32_t)t->n + 1;
	if (n <= FOLD_MAX && !fold)
		fold = id; /* already lower case */
	memcpy(d, &fold, 4);
	memcpy(d + 4, &id, 4);
	memcpy(d + 8, s, n);
	d[8 + n] = 0;
	d += 8;
	t->slot[h] = d;
	t->len[h] = (uint32_t)n;
	t->byid[t->n] = d;
	t->n++;
	return d;
}

const char *aza_jintern__get(aza_jintern *t, const char *s, size_t n)
{
	return intern(t, s, n);
}

uint32_t aza_jintern__id(const char *interned)
{
	uint32_t id;
	memcpy(&id, interned - 4, 4);
	return id;
}

uint32_t aza_jintern__fold(const char *interned)
{
	uint32_t f;
	memcpy(&f, interned - 8, 4);
	return f;
}

const char *aza_jintern__byid(const aza_jintern *t, uint32_t id)
{
	return !t->plain && id >= 1 && id <= t->n ? t->byid[id - 1] : NULL;
}

typedef struct P {
	aza_arena *a;
	aza_jintern *in;
	const char *s;
	size_t len, i, base;
	int final, depth, max_depth;
	aza_jerr *e;
	unsigned char key_interned; /* the last key parse_str returned is interned */
	/* Json.NET's reading, for template json() arguments (aza_json__parse_all_lenient):
	 * '...' strings, \' escapes, unquoted names, comments, a trailing comma. */
	unsigned char lenient;
	size_t open_comment; /* 1 + offset of a '/' '*' comment the input ended in, else 0 */
} P;

static int fail(P *p, size_t at, const char *what)
{
	p->e->off = p->base + at;
	p->e->what = what;
	p->e->code = AZA_EPARSE;
	p->e->more = 0;
	return -1;
}

/* End of buffer inside a value: with more input to come, ask for it. */
static int eob(P *p)
{
	if (p->open_comment)
		return fail(p, p->open_comment - 1, "comment not closed ('*/' missing)");
	if (!p->final) {
		p->e->more = 1;
		p->e->off = p->base + p->len;
		p->e->what = "unexpected end of input";
		p->e->code = AZA_EPARSE;
		return -1;
	}
	return fail(p, p->len, "unexpected end of input");
}

/* A comment at p->i (lenient only), skipped as Json.NET skips it: '//' to
 * the end of the line (or of the input), '/' '*' to the next '*' '/'. 0 when
 * there is none. One not closed before the end of the input is skipped to
 * it, noted in open_comment, and reported where the end is met. */
static int skip_comment(P *p)
{
	if (p->i + 1 >= p->len || p->s[p->i] != '/')
		return 0;
	if (p->s[p->i + 1] == '/') {
		const char *nl = memchr(p->s + p->i, '\n', p->len - p->i);
		const char *cr = memchr(p->s + p->i, '\r', nl ? (size_t)(nl - (p->s + p->i)) : p->len - p->i);
		p->i = cr ? (size_t)(cr - p->s) : nl ? (size_t)(nl - p->s) : p->len;
		return 1;
	}
	if (p->s[p->i + 1] != '*')
		return 0;
	for (size_t k = p->i + 2; k + 1 < p->len; k++)
		if (p->s[k] == '*' && p->s[k + 1] == '/') {
			p->i = k + 2;
			return 1;
		}
	p->open_comment = p->i + 1;
	p->i = p->len;
	return 1;
}

static __attribute__((noinline)) void skip_ws_loop(P *p)
{
	while (p->i < p->len) {
		char c = p->s[p->i];
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
			p->i++;
		else if (!(c == '/' && p->lenient && skip_comment(p)))
			break;
	}
}

/* Called between every two tokens (twenty million times at 100k
 * resources), where there is mostly nothing to skip or one space (", ",
 * ": "): those two cases inline, anything else (a byte below '!', which
 * takes in all white space, or a '/' that may open a comment) in the loop. */
static inline void skip_ws(P *p)
{
	size_t i = p->i;
	if (i + 1 < p->len) {
		unsigned char c = (unsigned char)p->s[i];
		if (c > ' ' && c != '/')
			return;
		unsigned char d = (unsigned char)p->s[i + 1];
		if (c == ' ' && d > ' ' && d != '/') {
			p->i = i + 1;
			return;
		}
	}
	skip_ws_loop(p);
}

static aza_json *node(P *p, aza_jkind k, size_t off)
{
	aza_json *j = aza_arena__alloc(p->a, sizeof *j);
	if (!j) {
		p->e->code = AZA_ENOMEM;
		p->e->what = "out of memory";
		p->e->off = p->base + off;
		p->e->more = 0;
		return NULL;
	}
	j->kind = (unsigned char)k;
	j->kint = 0;
	j->n = 0;
	j->key = NULL;
	j->off = p->base + off;
	j->u.child = NULL;
	j->next = NULL;
	return j;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Length of the valid UTF-8 sequence at s (max n bytes), 0 if invalid,
 * -1 if it may be valid but is cut by the end of the buffer. */
static int utf8_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	int len;
	unsigned cp;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	for (int k = 1; k < len; k++) {
		if ((size_t)k >= n)
			return -1;
		if ((s[k] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[k] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

static size_t put_utf8(char *d, unsigned cp)
{
	if (cp < 0x80) {
		d[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		d[0] = (char)(0xc0 | (cp >> 6));
		d[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		d[0] = (char)(0xe0 | (cp >> 12));
		d[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		d[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	d[0] = (char)(0xf0 | (cp >> 18));
	d[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	d[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	d[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* Parse a string at p->i (which is '"', or in lenient mode also '\''):
 * returns arena copy (unescaped). */
static int parse_str(P *p, const char **out, uint32_t *outlen, int is_key)
{
	size_t start = p->i + 1, i = start;
	const unsigned char quote = (unsigned char)p->s[p->i];
	int esc = 0;
	/* First pass: find the end, validate, learn whether escapes exist.
	 * Eight bytes at a time while none of them is the quote, '\\', a control
	 * character or non-ASCII (a false alarm only falls back to bytes). */
	for (;;) {
		while (i + 8 <= p->len) {
			uint64_t x;
			memcpy(&x, p->s + i, 8);
			const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
			uint64_t q = x ^ (ones * quote), b = x ^ (ones * '\\');
			uint64_t t = ((q - ones) & ~q) | ((b - ones) & ~b) | ((x - ones * 0x20) & ~x) | x;
			if (t & high)
				break;
			i += 8;
		}
		if (i >= p->len)
			return eob(p);
		unsigned char c = (unsigned char)p->s[i];
		if (c == quote)
			break;
		if (c == '\\') {
			esc = 1;
			if (i + 1 >= p->len)
				return eob(p);
			i += 2;
			continue;
		}
		/* Json.NET takes control characters in a string as they are;
		 * NUL stays refused (strings are C strings). */
		if (c < 0x20 && (!p->lenient || c == 0))
			return fail(p, i, p->lenient ? "NUL character in string" : "control character in string");
		if (c >= 0x80) {
			int l = utf8_len((const unsigned char *)p->s + i, p->len - i);
			if (l < 0)
				return eob(p);
			if (l == 0)
				return fail(p, i, "invalid UTF-8 in string");
			i += (size_t)l;
			continue;
		}
		i++;
	}
	size_t n = i - start;
	if (n > AZA_MAX_STRING) {
		p->e->code = AZA_ELIMIT;
		p->e->off = p->base + start;
		p->e->what = "string longer than the limit (256 MiB)";
		p->e->more = 0;
		return -1;
	}
	p->key_interned = 0;
	if (is_key && p->in && !esc && n <= 64) {
		const char *k = intern(p->in, p->s + start, n);
		if (!k) {
			p->e->code = AZA_ENOMEM;
			p->e->what = "out of memory";
			return -1;
		}
		*out = k;
		*outlen = (uint32_t)n;
		p->key_interned = 1;
		p->i = i + 1;
		return 0;
	}
	char *d = aza_arena__alloc_bytes(p->a, n + 1);
	if (!d) {
		p->e->code = AZA_ENOMEM;
		p->e->what = "out of memory";
		return -1;
	}
	if (!esc) {
		memcpy(d, p->s + start, n);
		d[n] = 0;
		*out = d;
		*outlen = (uint32_t)n;
		p->i = i + 1;
		return 0;
	}
	size_t o = 0;
	for (size_t k = start; k < i;) {
		char c = p->s[k];
		if (c != '\\') {
			d[o++] = c;
			k++;
			continue;
		}
		char x = p->s[k + 1];
		k += 2;
		switch (x) {
		case '"': d[o++] = '"'; break;
		case '\'':
			if (!p->lenient)
				return fail(p, k - 2, "bad escape in string");
			d[o++] = '\'';
			break;
		case '\\': d[o++] = '\\'; break;
		case '/': d[o++] = '/'; break;
		case 'b': d[o++] = '\b'; break;
		case 'f': d[o++] = '\f'; break;
		case 'n': d[o++] = '\n'; break;
		case 'r': d[o++] = '\r'; break;
		case 't': d[o++] = '\t'; break;
		case 'u': {
			unsigned cp = 0;
			if (k + 4 > i)
				return fail(p, k - 2, "bad \\u escape");
			for (int q = 0; q < 4; q++) {
				int h = hexval(p->s[k + (size_t)q]);
				if (h < 0)
					return fail(p, k - 2, "bad \\u escape");
				cp = cp * 16 + (unsigned)h;
			}
			k += 4;
			if (cp >= 0xd800 && cp <= 0xdbff) {
				unsigned lo = 0;
				if (k + 6 > i || p->s[k] != '\\' || p->s[k + 1] != 'u')
					return fail(p, k - 6, "unpaired UTF-16 surrogate in \\u escape");
				for (int q = 0; q < 4; q++) {
					int h = hexval(p->s[k + 2 + (size_t)q]);
					if (h < 0)
						return fail(p, k, "bad \\u escape");
					lo = lo * 16 + (unsigned)h;
				}
				if (lo < 0xdc00 || lo > 0xdfff)
					return fail(p, k, "unpaired UTF-16 surrogate in \\u escape");
				k += 6;
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			} else if (cp >= 0xdc00 && cp <= 0xdfff) {
				return fail(p, k - 6, "unpaired UTF-16 surrogate in \\u escape");
			}
			if (cp == 0)
				return fail(p, k - 6, "NUL character (\\u0000) in string");
			o += put_utf8(d + o, cp);
			break;
		}
		default:
			return fail(p, k - 2, "bad escape in string");
		}
	}
	d[o] = 0;
	*out = d;
	*outlen = (uint32_t)o;
	p->i = i + 1;
	return 0;
}

static int parse_num(P *p, aza_json **out)
{
	size_t st = p->i, i = p->i;
	if (i < p->len && p->s[i] == '-')
		i++;
	if (i >= p->len)
		return eob(p);
	if (p->s[i] == '0') {
		i++;
	} else if (p->s[i] >= '1' && p->s[i] <= '9') {
		while (i < p->len && isdigit((unsigned char)p->s[i]))
			i++;
	} else {
		return fail(p, st, "invalid number");
	}
	if (i < p->len && p->s[i] == '.') {
		i++;
		if (i >= p->len)
			return eob(p);
		if (!isdigit((unsigned char)p->s[i]))
			return fail(p, st, "invalid number");
		while (i < p->len && isdigit((unsigned char)p->s[i]))
			i++;
	}
	if (i < p->len && (p->s[i] == 'e' || p->s[i] == 'E')) {
		i++;
		if (i < p->len && (p->s[i] == '+' || p->s[i] == '-'))
			i++;
		if (i >= p->len)
			return eob(p);
		if (!isdigit((unsigned char)p->s[i]))
			return fail(p, st, "invalid number");
		while (i < p->len && isdigit((unsigned char)p->s[i]))
			i++;
	}
	/* A number that touches the end of a partial buffer may continue. */
	if (i >= p->len && !p->final)
		return eob(p);
	char tmp[64];
	size_t n = i - st;
	double v;
	if (n < sizeof tmp) {
		memcpy(tmp, p->s + st, n);
		tmp[n] = 0;
		v = strtod(tmp, NULL);
	} else {
		v = (p->s[st] == '-') ? -HUGE_VAL : HUGE_VAL;
	}
	aza_json *j = node(p, AZA_JNUM, st);
	if (!j)
		return -1;
	j->u.num = v;
	p->i = i;
	*out = j;
	return 0;
}

static int lit(P *p, const char *w, aza_jkind k, aza_json **out)
{
	size_t n = strlen(w);
	for (size_t q = 0; q < n; q++) {
		if (p->i + q >= p->len)
			return eob(p);
		if (p->s[p->i + q] != w[q])
			return fail(p, p->i, "invalid literal");
	}
	aza_json *j = node(p, k, p->i);
	if (!j)
		return -1;
	p->i += n;
	*out = j;
	return 0;
}

static int cmp_key(const void *a, const void *b)
{
	const aza_json *x = *(const aza_json *const *)a, *y = *(const aza_json *const *)b;
	const unsigned char *s = (const unsigned char *)x->key, *t = (const unsigned char *)y->key;
	for (;; s++, t++) {
		int c = tolower(*s) - tolower(*t);
		if (c || !*s)
			return c;
	}
}

/* Keys compare case-insensitively in Azure: two keys differing only in case
 * are as ambiguous as two equal ones, so both are rejected. */
static int check_dups(P *p, aza_json *obj)
{
	if (obj->n < 2)
		return 0;
	if (obj->n <= 12) {
		for (aza_json *x = obj->u.child; x; x = x->next) {
			uint32_t fx = x->kint ? aza_jintern__fold(x->key) : 0;
			for (aza_json *y = x->next; y; y = y->next) {
				uint32_t fy = fx && y->kint ? aza_jintern__fold(y->key) : 0;
				if (fy ? fx == fy : aza__strieq(x->key, y->key))
					return fail(p, y->off - p->base, "duplicate key in object");
			}
		}
		return 0;
	}
	aza_json **v = aza__malloc(obj->n * sizeof *v);
	if (!v) {
		p->e->code = AZA_ENOMEM;
		p->e->what = "out of memory";
		return -1;
	}
	size_t k = 0;
	for (aza_json *x = obj->u.child; x; x = x->next)
		v[k++] = x;
	qsort(v, k, sizeof *v, cmp_key);
	for (size_t q = 1; q < k; q++)
		if (cmp_key(&v[q - 1], &v[q]) == 0) {
			size_t off = v[q]->off > v[q - 1]->off ? v[q]->off : v[q - 1]->off;
			aza__free(v);
			return fail(p, off - p->base, "duplicate key in object");
		}
	aza__free(v);
	return 0;
}

static int value(P *p, aza_json **out);

/* Json.NET's characters of an unquoted property name (char.IsLetterOrDigit,
 * '_', '$'), ASCII only here. */
static int name_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
}

/* An unquoted property name at p->i (lenient only): name characters up to
 * white space or ':', as Json.NET reads one. */
static int parse_name(P *p, const char **out, uint32_t *outlen)
{
	size_t start = p->i, i = start;
	while (i < p->len && name_char((unsigned char)p->s[i]))
		i++;
	if (i >= p->len)
		return eob(p);
	char c = p->s[i];
	if (c != ':' && c != ' ' && c != '\n' && c != '\t' && c != '\r')
		return fail(p, i, (unsigned char)c >= 0x80 ? "non-ASCII character in an unquoted property name"
		                                           : "unexpected character in an unquoted property name");
	size_t n = i - start;
	p->key_interned = 0;
	if (p->in && n <= 64) {
		*out = intern(p->in, p->s + start, n);
		p->key_interned = 1;
	} else {
		char *d = aza_arena__alloc_bytes(p->a, n + 1);
		if (d) {
			memcpy(d, p->s + start, n);
			d[n] = 0;
		}
		*out = d;
	}
	if (!*out) {
		p->e->code = AZA_ENOMEM;
		p->e->what = "out of memory";
		return -1;
	}
	*outlen = (uint32_t)n;
	p->i = i;
	return 0;
}

static int parse_container(P *p, aza_json **out, int is_obj)
{
	size_t st = p->i;
	if (++p->depth > p->max_depth) {
		p->e->code = AZA_ELIMIT;
		p->e->off = p->base + st;
		p->e->what = "nesting deeper than the limit";
		p->e->more = 0;
		return -1;
	}
	aza_json *j = node(p, is_obj ? AZA_JOBJ : AZA_JARR, st);
	if (!j)
		return -1;
	aza_json **tail = &j->u.child;
	char close = is_obj ? '}' : ']';
	p->i++;
	skip_ws(p);
	if (p->i >= p->len)
		return eob(p);
	if (p->s[p->i] == close) {
		p->i++;
		p->depth--;
		*out = j;
		return 0;
	}
	for (;;) {
		const char *key = NULL;
		uint32_t klen = 0;
		size_t koff = p->i;
		unsigned char key_interned = 0;
		if (is_obj) {
			if (p->i >= p->len)
				return eob(p);
			char q = p->s[p->i];
			if (q == '"' || (p->lenient && q == '\'')) {
				if (parse_str(p, &key, &klen, 1))
					return -1;
			} else if (p->lenient && name_char((unsigned char)q)) {
				if (parse_name(p, &key, &klen))
					return -1;
			} else {
				return fail(p, p->i, "expected a string key");
			}
			key_interned = p->key_interned;
			skip_ws(p);
			if (p->i >= p->len)
				return eob(p);
			if (p->s[p->i] != ':')
				return fail(p, p->i, "expected ':' after key");
			p->i++;
			skip_ws(p);
		}
		aza_json *v;
		if (value(p, &v))
			return -1;
		if (is_obj) {
			v->key = key;
			v->kint = key_interned;
			v->off = p->base + koff; /* a member's position is its key's */
		}
		*tail = v;
		tail = &v->next;
		if (j->n == UINT32_MAX)
			return fail(p, p->i, "too many elements");
		j->n++;
		skip_ws(p);
		if (p->i >= p->len)
			return eob(p);
		char c = p->s[p->i];
		if (c == ',') {
			p->i++;
			skip_ws(p);
			if (p->i >= p->len)
				return eob(p);
			if (p->s[p->i] == close) {
				if (!p->lenient)
					return fail(p, p->i, "trailing comma");
				p->i++; /* Json.NET ends the container at it */
				break;
			}
			continue;
		}
		if (c == close) {
			p->i++;
			break;
		}
		return fail(p, p->i, is_obj ? "expected ',' or '}' after object member"
		                            : "expected ',' or ']' after array element");
	}
	if (is_obj && check_dups(p, j))
		return -1;
	p->depth--;
	*out = j;
	return 0;
}

static int value(P *p, aza_json **out)
{
	skip_ws(p);
	if (p->i >= p->len)
		return eob(p);
	char c = p->s[p->i];
	switch (c) {
	case '{': return parse_container(p, out, 1);
	case '[': return parse_container(p, out, 0);
	case '\'':
		if (!p->lenient)
			return fail(p, p->i, "unexpected character");
		/* fall through */
	case '"': {
		const char *s;
		uint32_t n;
		size_t st = p->i;
		if (parse_str(p, &s, &n, 0))
			return -1;
		aza_json *j = node(p, AZA_JSTR, st);
		if (!j)
			return -1;
		j->u.s = s;
		j->n = n;
		*out = j;
		return 0;
	}
	case 't': return lit(p, "true", AZA_JTRUE, out);
	case 'f': return lit(p, "false", AZA_JFALSE, out);
	case 'n': return lit(p, "null", AZA_JNULL, out);
	default:
		if (c == '-' || (c >= '0' && c <= '9'))
			return parse_num(p, out);
		if ((unsigned char)c == 0xef && p->i + 2 < p->len &&
		    (unsigned char)p->s[p->i + 1] == 0xbb && (unsigned char)p->s[p->i + 2] == 0xbf)
			return fail(p, p->i, "byte order mark inside the document");
		return fail(p, p->i, "unexpected character");
	}
}

int aza_json__parse(aza_arena *a, const char *buf, size_t len, size_t *pos, int final,
                    size_t base, int max_depth, aza_json **out, aza_jerr *e)
{
	return aza_json__parse_in(a, NULL, buf, len, pos, final, base, max_depth, out, e);
}

int aza_json__parse_in(aza_arena *a, aza_jintern *in, const char *buf, size_t len, size_t *pos,
                       int final, size_t base, int max_depth, aza_json **out, aza_jerr *e)
{
	P p = {a, in, buf, len, *pos, base, final, 0, max_depth > 0 ? max_depth : AZA_MAX_DEPTH, e, 0, 0, 0};
	e->more = 0;
	e->code = 0;
	if (value(&p, out))
		return e->code ? e->code : AZA_EPARSE;
	*pos = p.i;
	return 0;
}

static int parse_doc(aza_arena *a, const char *buf, size_t len, aza_json **out, aza_jerr *e, int lenient)
{
	size_t pos = 0;
	/* Tolerate a UTF-8 byte order mark at the start, as editors write one. */
	if (len >= 3 && (unsigned char)buf[0] == 0xef && (unsigned char)buf[1] == 0xbb &&
	    (unsigned char)buf[2] == 0xbf)
		pos = 3;
	P p = {a, NULL, buf, len, pos, 0, 1, 0, AZA_MAX_DEPTH, e, 0, (unsigned char)lenient, 0};
	e->more = 0;
	e->code = 0;
	if (value(&p, out))
		return e->code ? e->code : AZA_EPARSE;
	skip_ws(&p); /* and, lenient, comments */
	if (p.open_comment) {
		fail(&p, p.open_comment - 1, "comment not closed ('*/' missing)");
		return AZA_EPARSE;
	}
	if (p.i < len) {
		e->off = p.i;
		e->what = "unexpected data after the JSON value";
		e->code = AZA_EPARSE;
		return AZA_EPARSE;
	}
	return 0;
}

int aza_json__parse_all(aza_arena *a, const char *buf, size_t len, aza_json **out,
                        aza_jerr *e)
{
	return parse_doc(a, buf, len, out, e, 0);
}

int aza_json__parse_all_lenient(aza_arena *a, const char *buf, size_t len, aza_json **out,
                                aza_jerr *e)
{
	return parse_doc(a, buf, len, out, e, 1);
}

void aza_json__linecol(const char *buf, size_t len, size_t off, unsigned long *line,
                       unsigned long *col)
{
	unsigned long l = 1;
	size_t ls = 0;
	if (off > len)
		off = len;
	for (size_t i = 0; i < off; i++)
		if (buf[i] == '\n') {
			l++;
			ls = i + 1;
		}
	*line = l;
	*col = (unsigned long)(off - ls) + 1;
}

/* ---- accessors ---- */

/* Per thread: the reader's thread looks members up while another parses. */
static _Thread_local const char *touched;
static _Thread_local const aza_json *last_read; /* the last member or element aza_json_get/_at found */

void aza_json__touch_reset(void)
{
	touched = NULL;
	last_read = NULL;
}

const aza_json *aza_json__last_read(void)
{
	return last_read;
}

const char *aza_json__touched(void)
{
	return touched;
}

static int unk(const aza_json *j)
{
	if (j && j->kind == AZA_JUNKNOWN) {
		if (!touched)
			touched = j->u.s ? j->u.s : "a value not known before deployment";
		return 1;
	}
	return 0;
}

const aza_json *aza_json__first(const aza_json *arr)
{
	if (unk(arr))
		return NULL;
	return (arr && (arr->kind == AZA_JARR || arr->kind == AZA_JOBJ)) ? arr->u.child : NULL;
}

const aza_json *aza_json_get(const aza_json *o, const char *key)
{
	if (unk(o) || !o || o->kind != AZA_JOBJ || !key)
		return NULL;
	/* Cheap first-letter filter before the full comparison. */
	unsigned char k0 = (unsigned char)(key[0] | 0x20);
	for (const aza_json *c = o->u.child; c; c = c->next)
		if ((unsigned char)(c->key[0] | 0x20) == k0 && aza__strieq(c->key, key)) {
			unk(c);
			last_read = c;
			return c;
		}
	return NULL;
}

/* A key's length, with its first, middle and last bytes folded to ASCII
 * lower case: keys equal but for case have the same (a filter before
 * aza__strieq, which decides). Cheaper than a hash of every byte, and
 * enough to tell apart keys that share a long prefix
 * (destinationPortRange, destinationAddressPrefix...). */
static uint64_t key_sig(const char *k)
{
	size_t l = strlen(k);
	if (!l)
		return 0;
	unsigned char a = (unsigned char)(k[0] | 0x20), b = (unsigned char)(k[l / 2] | 0x20);
	unsigned char c = (unsigned char)(k[l - 1] | 0x20);
	return (uint64_t)l << 24 | (uint64_t)a << 16 | (uint64_t)b << 8 | c;
}

/* The slot of a signature in aza_jkeys.slot. */
#define SIG_SLOT(g) ((size_t)(((g) * 0x9E3779B97F4A7C15ull) >> 58))

void aza_json__keys_init(aza_jkeys *k, const char *const *keys, size_t n)
{
	assert(n <= AZA_JSON_MEMBERS_MAX && AZA_JSON_MEMBERS_MAX < 64);
	k->key = keys;
	k->n = n;
	memset(k->slot, 0, sizeof k->slot);
	for (size_t i = 0; i < n; i++) {
		k->sig[i] = key_sig(keys[i]);
		size_t h = SIG_SLOT(k->sig[i]);
		while (k->slot[h])
			h = (h + 1) & 63;
		k->slot[h] = (unsigned char)(i + 1);
	}
}

void aza_json__members(const aza_json *o, const aza_jkeys *k, const aza_json **out)
{
	for (size_t i = 0; i < k->n; i++)
		out[i] = NULL;
	if (!o || o->kind != AZA_JOBJ)
		return;
	/* Each key of o is looked up by its signature; keys of one signature
	 * (and any that follow them) share a probe run, which ends at an empty slot. */
	for (const aza_json *c = o->u.child; c; c = c->next) {
		uint64_t g = key_sig(c->key);
		for (size_t h = SIG_SLOT(g); k->slot[h]; h = (h + 1) & 63) {
			size_t i = k->slot[h] - 1u;
			/* Keys are mostly spelt as documented: equal bytes need no folding. */
			if (k->sig[i] == g && !out[i] &&
			    (!memcmp(c->key, k->key[i], g >> 24) || aza__strieq(c->key, k->key[i])))
				out[i] = c;
		}
	}
}

const aza_json *aza_json__take(const aza_json *o, const aza_json *c)
{
	if (unk(o) || !o || o->kind != AZA_JOBJ)
		return NULL;
	if (c) {
		unk(c);
		last_read = c;
	}
	return c;
}

const aza_json *aza_json_path(const aza_json *o, const char *path)
{
	char seg[128];
	const char *p = path;
	while (o && *p) {
		size_t n = strcspn(p, ".");
		if (n >= sizeof seg)
			return NULL;
		memcpy(seg, p, n);
		seg[n] = 0;
		if (o->kind == AZA_JARR && isdigit((unsigned char)seg[0]))
			o = aza_json_at(o, (size_t)strtoul(seg, NULL, 10));
		else
			o = aza_json_get(o, seg);
		p += n;
		if (*p == '.')
			p++;
	}
	return o;
}

const char *aza_json_str(const aza_json *j)
{
	unk(j);
	return (j && j->kind == AZA_JSTR) ? j->u.s : NULL;
}

int aza_json_is(const aza_json *j, aza_jkind k)
{
	if (k != AZA_JUNKNOWN)
		unk(j);
	return j && j->kind == k;
}

int aza_json_bool(const aza_json *j, int *out)
{
	if (!j || unk(j))
		return 0;
	if (j->kind == AZA_JTRUE || j->kind == AZA_JFALSE) {
		*out = j->kind == AZA_JTRUE;
		return 1;
	}
	if (j->kind == AZA_JSTR) {
		if (aza__strieq(j->u.s, "true")) {
			*out = 1;
			return 1;
		}
		if (aza__strieq(j->u.s, "false")) {
			*out = 0;
			return 1;
		}
	}
	return 0;
}

int aza_json_num(const aza_json *j, double *out)
{
	if (!j || unk(j))
		return 0;
	if (j->kind == AZA_JNUM) {
		*out = j->u.num;
		return 1;
	}
	if (j->kind == AZA_JSTR && j->n > 0 && j->n < 64) {
		/* Only decimal numbers: strtod would also take "inf", "nan", hex. */
		for (const char *q = j->u.s; *q; q++)
			if (!((*q >= '0' && *q <= '9') || *q == '-' || *q == '+' || *q == '.' || *q == 'e' || *q == 'E'))
				return 0;
		char *end;
		double v = strtod(j->u.s, &end);
		if (*end == 0 && end != j->u.s) {
			*out = v;
			return 1;
		}
	}
	return 0;
}

size_t aza_json_len(const aza_json *j)
{
	unk(j);
	return (j && (j->kind == AZA_JARR || j->kind == AZA_JOBJ)) ? j->n : 0;
}

const aza_json *aza_json_at(const aza_json *j, size_t i)
{
	if (unk(j) || !j || (j->kind != AZA_JARR && j->kind != AZA_JOBJ))
		return NULL;
	const aza_json *c = j->u.child;
	while (c && i--)
		c = c->next;
	if (c)
		last_read = c;
	return c;
}

int aza_json_streq(const aza_json *j, const char *s)
{
	unk(j);
	return j && j->kind == AZA_JSTR && aza__strieq(j->u.s, s);
}

int aza_json_has_str(const aza_json *arr, const char *s)
{
	aza_json_each(it, arr)
		if (aza_json_streq(it, s))
			return 1;
	return 0;
}

void aza_json__write(aza_buf *b, const aza_json *j)
{
	if (!j) {
		aza_buf__adds(b, "null");
		return;
	}
	switch (j->kind) {
	case AZA_JNULL: aza_buf__adds(b, "null"); break;
	case AZA_JTRUE: aza_buf__adds(b, "true"); break;
	case AZA_JFALSE: aza_buf__adds(b, "false"); break;
	case AZA_JNUM:
		if (isfinite(j->u.num))
			aza_buf__printf(b, "%.17g", j->u.num);
		else
			aza_buf__adds(b, "null");
		break;
	case AZA_JSTR: aza_buf__json_str(b, j->u.s); break;
	case AZA_JUNKNOWN: aza_buf__adds(b, "null"); break;
	case AZA_JARR:
	case AZA_JOBJ: {
		int obj = j->kind == AZA_JOBJ;
		aza_buf__addc(b, obj ? '{' : '[');
		for (const aza_json *c = j->u.child; c; c = c->next) {
			if (c != j->u.child)
				aza_buf__addc(b, ',');
			if (obj) {
				aza_buf__json_str(b, c->key);
				aza_buf__addc(b, ':');
			}
			aza_json__write(b, c);
		}
		aza_buf__addc(b, obj ? '}' : ']');
		break;
	}
	}
}

/* ---- packed form ----
 * header: varint node count; varint length and bytes of the reference
 * string (the value's "id" member, or empty); then each node in pre-order:
 *   tag byte: kind (bits 0-2) | KEY_ID (key: varint intern id follows)
 *             | KEY_INLINE (key: varint length, bytes, NUL follow)
 *             | NUM_INT (a number stored as a varint, else 8 bytes)
 *             | STR_PFX (a string that starts with the reference's first
 *               bytes: varint prefix length, then the rest as below)
 *   string: varint length, bytes, NUL; array/object: varint count, children.
 * ARM ids are a third of an export's bytes, and most of them (the ids of
 * a resource's sub-objects, of the subnet or vault it points at) share
 * the resource's own id up to its last segments: with STR_PFX the store
 * the inventory writes (and reads back) is about a third smaller.
 * Unknown template values are not stored (template resources keep trees). */
#define TAG_KEY_ID 0x10
#define TAG_KEY_INLINE 0x20
#define TAG_NUM_INT 0x40
#define TAG_STR_PFX 0x40 /* strings only: the same bit as NUM_INT */
#define TAG_NUM_NEG 0x80
#define PFX_MIN 16 /* shorter shared prefixes are not worth the indirection */

typedef struct PK {
	aza_buf *b;
	const char *ref;
	size_t reflen;
	aza_jintern *in; /* interns the keys the parser did not (NULL: they stay inline) */
} PK;

/* Room for n more bytes at the end of b (NULL, and b->oom, when none). */
static unsigned char *reserve(aza_buf *b, size_t n)
{
	if (b->oom)
		return NULL;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		if (cap > b->max) {
			b->oom = 1;
			return NULL;
		}
		char *q = aza__realloc(b->p, cap);
		if (!q) {
			b->oom = 1;
			return NULL;
		}
		b->p = q;
		b->cap = cap;
	}
	return (unsigned char *)b->p + b->len;
}

static unsigned char *put_varint(unsigned char *d, uint64_t v)
{
	while (v >= 0x80) {
		*d++ = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	*d++ = (unsigned char)v;
	return d;
}

static size_t count_nodes(const aza_json *j)
{
	size_t n = 1;
	if (j->kind == AZA_JARR || j->kind == AZA_JOBJ)
		for (const aza_json *c = j->u.child; c; c = c->next)
			n += count_nodes(c);
	return n;
}

/* Length of the prefix s[0..n) shares with the reference. */
static size_t common_prefix(const PK *k, const char *s, size_t n)
{
	size_t m = n < k->reflen ? n : k->reflen, i = 0;
	while (i + 8 <= m) {
		uint64_t x, y;
		memcpy(&x, s + i, 8);
		memcpy(&y, k->ref + i, 8);
		if (x != y)
			break;
		i += 8;
	}
	while (i < m && s[i] == k->ref[i])
		i++;
	return i;
}

static void pack_node(PK *k, const aza_json *j, int in_obj)
{
	aza_buf *b = k->b;
	unsigned char tag = j->kind == AZA_JUNKNOWN ? AZA_JNULL : j->kind;
	double v = 0;
	size_t klen = 0;
	if (j->kind == AZA_JNUM) {
		v = j->u.num;
		if (v == v && fabs(v) < 9007199254740992.0 && v == (double)(int64_t)v && !(v == 0 && signbit(v)))
			tag |= v < 0 ? TAG_NUM_INT | TAG_NUM_NEG : TAG_NUM_INT;
	}
	const char *key = j->key;
	if (in_obj && key) {
		int kint = j->kint;
		if (!kint) {
			klen = strlen(key);
			/* As the parser would have (keys up to 64 bytes). */
			if (k->in && klen <= 64) {
				if (!(key = aza_jintern__get(k->in, key, klen))) {
					b->oom = 1;
					return;
				}
				kint = 1;
				klen = 0;
			}
		}
		tag |= kint ? TAG_KEY_ID : TAG_KEY_INLINE;
	}
	size_t slen = j->kind == AZA_JSTR ? (size_t)j->n : 0, pfx = 0;
	if (slen >= PFX_MIN && j->u.s[0] == '/' && k->reflen && (pfx = common_prefix(k, j->u.s, slen)) >= PFX_MIN)
		tag |= TAG_STR_PFX;
	else
		pfx = 0;
	unsigned char *d = reserve(b, 1 + 10 + klen + 1 + 10 + 10 + slen + 1 + sizeof(double));
	if (!d)
		return;
	unsigned char *d0 = d;
	*d++ = tag;
	if (tag & TAG_KEY_ID) {
		d = put_varint(d, aza_jintern__id(key));
	} else if (tag & TAG_KEY_INLINE) {
		d = put_varint(d, klen);
		memcpy(d, key, klen + 1);
		d += klen + 1;
	}
	switch (j->kind) {
	case AZA_JNUM:
		if (tag & TAG_NUM_INT) {
			d = put_varint(d, (uint64_t)(v < 0 ? -v : v));
		} else {
			memcpy(d, &v, sizeof v);
			d += sizeof v;
		}
		break;
	case AZA_JSTR:
		if (tag & TAG_STR_PFX)
			d = put_varint(d, pfx);
		d = put_varint(d, slen - pfx);
		memcpy(d, j->u.s + pfx, slen - pfx + 1);
		d += slen - pfx + 1;
		break;
	case AZA_JARR:
	case AZA_JOBJ:
		d = put_varint(d, j->n);
		break;
	default:
		break;
	}
	b->len += (size_t)(d - d0);
	if (j->kind == AZA_JARR || j->kind == AZA_JOBJ)
		for (const aza_json *c = j->u.child; c; c = c->next)
			pack_node(k, c, j->kind == AZA_JOBJ);
}

void aza_json__pack(aza_buf *b, const aza_json *j, aza_jintern *in)
{
	PK k = {b, NULL, 0, in};
	if (j->kind == AZA_JOBJ)
		for (const aza_json *c = j->u.child; c; c = c->next)
			if (c->kind == AZA_JSTR && aza__strieq(c->key, "id")) {
				k.ref = c->u.s;
				k.reflen = c->n;
				break;
			}
	unsigned char *d = reserve(b, 20 + k.reflen);
	if (!d)
		return;
	unsigned char *d0 = d;
	d = put_varint(d, count_nodes(j));
	d = put_varint(d, k.reflen);
	if (k.reflen)
		memcpy(d, k.ref, k.reflen);
	d += k.reflen;
	b->len += (size_t)(d - d0);
	pack_node(&k, j, 0);
}

typedef struct U {
	const unsigned char *p, *end;
	const aza_jintern *t;
	aza_arena *a;       /* prefix-coded strings are put together here */
	const char *ref;
	size_t reflen;
	aza_json *nodes;
	size_t k, n;
	int bad;
} U;

static uint64_t get_varint(U *u)
{
	uint64_t v = 0;
	for (int sh = 0; sh < 64 && u->p < u->end; sh += 7) {
		unsigned char c = *u->p++;
		v |= (uint64_t)(c & 0x7f) << sh;
		if (!(c & 0x80))
			return v;
	}
	u->bad = 1;
	return 0;
}

/* A NUL-terminated run of n bytes at u->p, or NULL. */
static const char *get_bytes(U *u, uint64_t n)
{
	if (n >= (uint64_t)(u->end - u->p)) {
		u->bad = 1;
		return NULL;
	}
	const char *s = (const char *)u->p;
	u->p += n + 1;
	return s;
}

static aza_json *unpack_node(U *u, int in_obj, int depth)
{
	if (u->k >= u->n || u->p >= u->end || depth > AZA_MAX_DEPTH) {
		u->bad = 1;
		return NULL;
	}
	aza_json *j = &u->nodes[u->k++];
	unsigned char tag = *u->p++;
	j->kind = tag & 7;
	j->kint = 0;
	j->n = 0;
	j->key = NULL;
	j->off = 0;
	j->u.child = NULL;
	j->next = NULL;
	if (tag & TAG_KEY_ID) {
		j->key = aza_jintern__byid(u->t, (uint32_t)get_varint(u));
		j->kint = 1;
	} else if (tag & TAG_KEY_INLINE) {
		j->key = get_bytes(u, get_varint(u));
	}
	if (in_obj && !j->key) {
		u->bad = 1;
		return NULL;
	}
	switch (j->kind) {
	case AZA_JNUM:
		if (tag & TAG_NUM_INT) {
			double v = (double)get_varint(u);
			j->u.num = (tag & TAG_NUM_NEG) ? -v : v;
		} else if (u->end - u->p >= (ptrdiff_t)sizeof(double)) {
			memcpy(&j->u.num, u->p, sizeof(double));
			u->p += sizeof(double);
		} else {
			u->bad = 1;
		}
		break;
	case AZA_JSTR: {
		uint64_t pfx = (tag & TAG_STR_PFX) ? get_varint(u) : 0;
		uint64_t n = get_varint(u);
		const char *rest = get_bytes(u, n);
		if (!rest || pfx > u->reflen || n > UINT32_MAX - pfx) {
			u->bad = 1;
			break;
		}
		if (pfx) {
			char *s = aza_arena__alloc_bytes(u->a, (size_t)(pfx + n + 1));
			if (!s) {
				u->bad = 1;
				break;
			}
			memcpy(s, u->ref, (size_t)pfx);
			memcpy(s + pfx, rest, (size_t)n + 1);
			rest = s;
		}
		j->u.s = rest;
		j->n = (uint32_t)(pfx + n);
		break;
	}
	case AZA_JARR:
	case AZA_JOBJ: {
		uint64_t n = get_varint(u);
		aza_json **tail = &j->u.child;
		for (uint64_t i = 0; i < n && !u->bad; i++) {
			aza_json *c = unpack_node(u, j->kind == AZA_JOBJ, depth + 1);
			if (!c)
				break;
			*tail = c;
			tail = &c->next;
		}
		j->n = (uint32_t)n;
		break;
	}
	case AZA_JNULL:
	case AZA_JTRUE:
	case AZA_JFALSE:
		break;
	default:
		u->bad = 1;
	}
	return u->bad ? NULL : j;
}

const aza_json *aza_json__unpack(aza_arena *a, const aza_jintern *t, const char *blob, size_t len)
{
	U u = {(const unsigned char *)blob, (const unsigned char *)blob + len, t, a, NULL, 0, NULL, 0, 0, 0};
	uint64_t n = get_varint(&u);
	if (u.bad || n == 0 || n > len)
		return NULL;
	uint64_t reflen = get_varint(&u);
	if (u.bad || reflen > (uint64_t)(u.end - u.p))
		return NULL;
	u.ref = (const char *)u.p;
	u.reflen = (size_t)reflen;
	u.p += reflen;
	u.nodes = aza_arena__alloc(a, (size_t)n * sizeof *u.nodes);
	if (!u.nodes)
		return NULL;
	u.n = (size_t)n;
	return unpack_node(&u, 0, 0);
}
