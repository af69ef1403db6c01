/*
 * util.c - the context and its error convention, the allocation hook, arenas,
 * growable buffers and case-insensitive string helpers.
 */
#include "internal.h"

#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <fcntl.h>

/* ---- allocation hook ----
 * AZA_FAIL_ALLOC=N in the environment makes the N-th allocation (and every
 * later one) fail, so the out-of-memory paths can be tested end to end. */
static _Atomic long alloc_count;
static _Atomic long alloc_fail_at = -1;

static int alloc_should_fail(void)
{
	long at = atomic_load_explicit(&alloc_fail_at, memory_order_relaxed);
	if (at < 0) {
		/* Both threads may read the environment: they agree. */
		const char *e = getenv("AZA_FAIL_ALLOC");
		at = e ? atol(e) : 0;
		atomic_store_explicit(&alloc_fail_at, at, memory_order_relaxed);
	}
	if (at == 0)
		return 0;
	return atomic_fetch_add_explicit(&alloc_count, 1, memory_order_relaxed) + 1 >= at;
}

void *aza__malloc(size_t n)
{
	if (alloc_should_fail())
		return NULL;
	return malloc(n ? n : 1);
}

void *aza__realloc(void *p, size_t n)
{
	if (alloc_should_fail())
		return NULL;
	return realloc(p, n ? n : 1);
}

void aza__free(void *p)
{
	free(p);
}

char *aza__strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = aza__malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

/* ---- context ---- */
aza_ctx *aza_ctx_new(void)
{
	aza_ctx *c = aza__malloc(sizeof *c);
	if (!c)
		return NULL;
	memset(c, 0, sizeof *c);
	aza__cfg_defaults(&c->cfg);
	return c;
}

void aza_ctx_free(aza_ctx *ctx)
{
	if (!ctx)
		return;
	aza__cfg_release(&ctx->cfg);
	aza__free(ctx);
}

const char *aza_errmsg(const aza_ctx *ctx)
{
	if (!ctx)
		return "out of memory";
	if (ctx->oom && !ctx->err[0])
		return "out of memory";
	return ctx->err;
}

int aza__err(aza_ctx *ctx, int code, const char *fmt, ...)
{
	va_list ap;
	if (!ctx)
		return code;
	if (code == AZA_ENOMEM) {
		ctx->oom = 1;
		snprintf(ctx->err, sizeof ctx->err, "out of memory");
		return code;
	}
	va_start(ap, fmt);
	vsnprintf(ctx->err, sizeof ctx->err, fmt, ap);
	va_end(ap);
	return code;
}

void aza_ctx_set_warn(aza_ctx *ctx, void (*fn)(void *ud, const char *msg), void *ud)
{
	ctx->warn = fn;
	ctx->warn_ud = ud;
}

void aza__warn(aza_ctx *ctx, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	if (!ctx || !ctx->warn)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ctx->warn(ctx->warn_ud, msg);
}

/* ---- arena ---- */
struct aza_chunk {
	struct aza_chunk *prev;
	size_t cap, used;
	size_t ready; /* data[0..ready) may be used without a new chunk (prefault) */
	/* data follows, max_align_t aligned */
	_Alignas(max_align_t) char data[];
};

#define CHUNK_MIN ((size_t)64 << 10)

void aza_arena__init(aza_arena *a)
{
	a->head = NULL;
	a->used_total = 0;
	a->chunk_min = 0;
}

void aza_arena__release(aza_arena *a)
{
	struct aza_chunk *c = a->head;
	while (c) {
		struct aza_chunk *p = c->prev;
		aza__free(c);
		c = p;
	}
	a->head = NULL;
	a->used_total = 0;
}

/* A big chunk's pages are made present a window at a time, before they are
 * used, instead of by a page fault each: a fault per 4 KiB page was a sixth
 * of a template scan's time. The window keeps what is made present and not
 * used small. */
#define PREFAULT_WINDOW ((size_t)256 << 10)

static void prefault(struct aza_chunk *c, size_t need)
{
	size_t to = c->ready + PREFAULT_WINDOW;
	if (to < need)
		to = need;
	if (to > c->cap)
		to = c->cap;
#ifdef MADV_POPULATE_WRITE
	/* Whole pages inside the chunk; the kernel may refuse (older than
	 * 5.14): the pages then fault in as they are touched. */
	uintptr_t b = ((uintptr_t)(c->data + c->ready) + 4095) & ~(uintptr_t)4095;
	uintptr_t e = (uintptr_t)(c->data + to) & ~(uintptr_t)4095;
	if (e > b)
		(void)madvise((void *)b, e - b, MADV_POPULATE_WRITE);
#endif
	c->ready = to;
}

void *aza_arena__alloc(aza_arena *a, size_t n)
{
	struct aza_chunk *c = a->head;
	const size_t al = 8; /* pointers and doubles; nothing here needs more */
	n = (n + al - 1) & ~(al - 1);
	/* Re-align: aza_arena__alloc_bytes may have left the offset odd. */
	size_t pad = c ? (al - (c->used & (al - 1))) & (al - 1) : 0;
	if (!c || c->ready - c->used < n + pad) {
		if (n > SIZE_MAX / 2)
			return NULL;
		if (c && c->cap - c->used >= n + pad) {
			prefault(c, c->used + n + pad);
		} else {
			size_t min = a->chunk_min ? a->chunk_min : CHUNK_MIN;
			size_t cap = n > min ? n : min;
			/* Grow chunk sizes with the arena so big scans make few chunks. */
			if (!a->chunk_min && a->used_total / 8 > cap && a->used_total / 8 < ((size_t)64 << 20))
				cap = a->used_total / 8;
			c = aza__malloc(sizeof *c + cap);
			if (!c)
				return NULL;
			c->cap = cap;
			c->used = 0;
			c->ready = cap < PREFAULT_WINDOW ? cap : 0;
			c->prev = a->head;
			a->head = c;
			pad = 0;
			if (c->ready < n)
				prefault(c, n);
		}
	}
	c->used += pad;
	a->used_total += pad;
	void *p = c->data + c->used;
	c->used += n;
	a->used_total += n;
	return p;
}

void aza_arena__shrink(aza_arena *a, void *p, size_t oldn, size_t newn)
{
	struct aza_chunk *c = a->head;
	if (c && newn <= oldn && (char *)p + oldn == c->data + c->used) {
		c->used -= oldn - newn;
		a->used_total -= oldn - newn;
	}
}

/* Strings need no alignment: packing them saves the padding of every one. */
char *aza_arena__alloc_bytes(aza_arena *a, size_t n)
{
	struct aza_chunk *c = a->head;
	if (c && c->ready - c->used >= n) {
		char *p = c->data + c->used;
		c->used += n;
		a->used_total += n;
		return p;
	}
	return aza_arena__alloc(a, n);
}

char *aza_arena__strndup(aza_arena *a, const char *s, size_t n)
{
	char *d = aza_arena__alloc_bytes(a, n + 1);
	if (!d)
		return NULL;
	memcpy(d, s, n);
	d[n] = 0;
	return d;
}

char *aza_arena__strdup(aza_arena *a, const char *s)
{
	return aza_arena__strndup(a, s, strlen(s));
}

/* Rules format a message for each of millions of findings, and glibc's
 * vsnprintf spends most of its time in stdio machinery those messages do
 * not need. */
static char *fmt_u(char *end, unsigned long long v)
{
	do
		*--end = (char)('0' + v % 10);
	while (v /= 10);
	return end;
}

int aza__vfmt(char *d, size_t cap, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	size_t n = 0;
	const char *f = fmt;
	for (;;) {
		const char *pct = strchr(f, '%');
		size_t lit = pct ? (size_t)(pct - f) : strlen(f);
		if (n + lit >= cap)
			goto slow;
		memcpy(d + n, f, lit);
		n += lit;
		if (!pct)
			break;
		f = pct + 1;
		const char *str = NULL;
		size_t sl = 0;
		char num[24], *ne = num + sizeof num, *nb = NULL;
		int neg = 0;
		if (f[0] == 's') {
			str = va_arg(ap, const char *);
			if (!str)
				str = "(null)";
			sl = strlen(str);
			f += 1;
		} else if (f[0] == '.' && f[1] == '*' && f[2] == 's') {
			int prec = va_arg(ap, int);
			str = va_arg(ap, const char *);
			if (!str || prec < 0)
				goto slow; /* rare: let vsnprintf decide */
			sl = strnlen(str, (size_t)prec);
			f += 3;
		} else if (f[0] == 'c') {
			num[0] = (char)va_arg(ap, int);
			str = num;
			sl = 1;
			f += 1;
		} else if (f[0] == '%') {
			str = "%";
			sl = 1;
			f += 1;
		} else if (f[0] == 'd') {
			int v = va_arg(ap, int);
			neg = v < 0;
			nb = fmt_u(ne, neg ? 0ull - (unsigned long long)v : (unsigned long long)v);
			f += 1;
		} else if (f[0] == 'u') {
			nb = fmt_u(ne, va_arg(ap, unsigned));
			f += 1;
		} else if (f[0] == 'l' && f[1] == 'd') {
			long v = va_arg(ap, long);
			neg = v < 0;
			nb = fmt_u(ne, neg ? 0ull - (unsigned long long)v : (unsigned long long)v);
			f += 2;
		} else if (f[0] == 'l' && f[1] == 'u') {
			nb = fmt_u(ne, va_arg(ap, unsigned long));
			f += 2;
		} else if (f[0] == 'z' && f[1] == 'u') {
			nb = fmt_u(ne, va_arg(ap, size_t));
			f += 2;
		} else {
			goto slow;
		}
		if (nb) {
			if (neg)
				*--nb = '-';
			str = nb;
			sl = (size_t)(ne - nb);
		}
		if (n + sl >= cap)
			goto slow;
		memcpy(d + n, str, sl);
		n += sl;
	}
	va_end(cp);
	if (cap)
		d[n] = 0;
	return (int)n;
slow:
	{
		int r = vsnprintf(d, cap, fmt, cp);
		va_end(cp);
		return r;
	}
}

int aza__fmt(char *d, size_t cap, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = aza__vfmt(d, cap, fmt, ap);
	va_end(ap);
	return n;
}

char *aza_arena__vprintf(aza_arena *a, const char *fmt, va_list ap)
{
	char tmp[512];
	va_list cp;
	va_copy(cp, ap);
	int n = aza__vfmt(tmp, sizeof tmp, fmt, cp);
	va_end(cp);
	if (n < 0)
		return NULL;
	char *d = aza_arena__alloc(a, (size_t)n + 1);
	if (!d)
		return NULL;
	if ((size_t)n < sizeof tmp)
		memcpy(d, tmp, (size_t)n + 1);
	else
		vsnprintf(d, (size_t)n + 1, fmt, ap);
	return d;
}

char *aza_arena__printf(aza_arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *d = aza_arena__vprintf(a, fmt, ap);
	va_end(ap);
	return d;
}

aza_arena_mark aza_arena__mark(aza_arena *a)
{
	aza_arena_mark m;
	m.chunk = a->head;
	m.used = a->head ? a->head->used : 0;
	return m;
}

void aza_arena__reset(aza_arena *a, aza_arena_mark m)
{
	while (a->head && a->head != m.chunk) {
		struct aza_chunk *p = a->head->prev;
		a->used_total -= a->head->used;
		aza__free(a->head);
		a->head = p;
	}
	if (a->head) {
		a->used_total -= a->head->used - m.used;
		a->head->used = m.used;
	}
}

void aza_arena__clear(aza_arena *a)
{
	/* The newest chunk is the biggest: keep it for the next use. */
	struct aza_chunk *keep = a->head;
	if (!keep)
		return;
	struct aza_chunk *p = keep->prev;
	while (p) {
		struct aza_chunk *q = p->prev;
		aza__free(p);
		p = q;
	}
	keep->prev = NULL;
	keep->used = 0;
	a->used_total = 0;
}

void aza_arena__adopt(aza_arena *dst, aza_arena *src)
{
	struct aza_chunk *oldest = src->head;
	if (!oldest)
		return;
	while (oldest->prev)
		oldest = oldest->prev;
	if (dst->head) {
		/* Below dst's newest chunk, which dst goes on filling. */
		oldest->prev = dst->head->prev;
		dst->head->prev = src->head;
	} else {
		dst->head = src->head;
	}
	dst->used_total += src->used_total;
	src->head = NULL;
	src->used_total = 0;
}

/* ---- buffers ---- */
void aza_buf__init(aza_buf *b, size_t max)
{
	b->p = NULL;
	b->len = b->cap = 0;
	b->max = max ? max : SIZE_MAX / 2;
	b->oom = 0;
	b->err = 0;
	b->sink = NULL;
	b->sink_ud = NULL;
	b->sink_err = 0;
}

void aza_buf__release(aza_buf *b)
{
	aza__free(b->p);
	aza_buf__init(b, b->max);
}

static char *buf_fail(aza_buf *b, int err)
{
	b->oom = 1;
	b->err = err;
	return NULL;
}

char *aza_buf__grow(aza_buf *b, size_t n)
{
	if (b->oom)
		return NULL;
	if (b->sink && b->len >= AZA_BUF_FLUSH) {
		if (b->sink(b->sink_ud, b->p, b->len)) {
			b->sink_err = errno ? errno : EIO;
			return buf_fail(b, AZA_EIO);
		}
		b->len = 0;
	}
	if (n > b->max || b->len > b->max - n)
		return buf_fail(b, AZA_ELIMIT);
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		/* aza_buf__room's fast path relies on cap <= max + 1. */
		if (b->max < SIZE_MAX && cap > b->max + 1)
			cap = b->max + 1;
		char *q = aza__realloc(b->p, cap);
		if (!q)
			return buf_fail(b, AZA_ENOMEM);
		b->p = q;
		b->cap = cap;
	}
	return b->p + b->len;
}

int aza_buf__addu(aza_buf *b, unsigned long long v)
{
	char tmp[24], *end = tmp + sizeof tmp, *q = end;
	do
		*--q = (char)('0' + v % 10);
	while (v /= 10);
	return aza_buf__add(b, q, (size_t)(end - q));
}

int aza_buf__addi(aza_buf *b, long long v)
{
	if (v >= 0)
		return aza_buf__addu(b, (unsigned long long)v);
	aza_buf__addc(b, '-');
	return aza_buf__addu(b, 0ull - (unsigned long long)v);
}

int aza_buf__printf(aza_buf *b, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		return AZA_EINPUT;
	if ((size_t)n < sizeof tmp)
		return aza_buf__add(b, tmp, (size_t)n);
	char *big = aza__malloc((size_t)n + 1);
	if (!big) {
		b->oom = 1;
		b->err = AZA_ENOMEM;
		return AZA_ENOMEM;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	int rc = aza_buf__add(b, big, (size_t)n);
	aza__free(big);
	return rc;
}

/* Bytes a JSON string escapes: control characters, '"', '\\' and DEL. */
static const unsigned char json_esc[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['"'] = 1, ['\\'] = 1, [0x7f] = 1,
};

void aza_buf__json_strn(aza_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	size_t k = 0;
	while (k < n && !json_esc[p[k]])
		k++;
	/* Most strings need no escape: one copy between the quotes. */
	char *d = aza_buf__room(b, k + 2);
	if (!d)
		return;
	d[0] = '"';
	memcpy(d + 1, p, k);
	if (k == n) {
		d[k + 1] = '"';
		aza_buf__commit(b, k + 2);
		return;
	}
	aza_buf__commit(b, k + 1);
	for (p += k; p < end;) {
		const unsigned char *run = p;
		while (p < end && !json_esc[*p])
			p++;
		aza_buf__add(b, run, (size_t)(p - run));
		if (p == end)
			break;
		unsigned char c = *p++;
		switch (c) {
		case '"': aza_buf__lit(b, "\\\""); break;
		case '\\': aza_buf__lit(b, "\\\\"); break;
		case '\n': aza_buf__lit(b, "\\n"); break;
		case '\r': aza_buf__lit(b, "\\r"); break;
		case '\t': aza_buf__lit(b, "\\t"); break;
		default: {
			char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
			aza_buf__add(b, e, 6);
		}
		}
	}
	aza_buf__addc(b, '"');
}

void aza_buf__json_str(aza_buf *b, const char *s)
{
	s = s ? s : "";
	/* One pass finds the end of a string that needs no escape (the table
	 * marks NUL too); others take the general path. */
	size_t k = 0;
	while (!json_esc[(unsigned char)s[k]])
		k++;
	if (s[k]) {
		aza_buf__json_strn(b, s, k + strlen(s + k));
		return;
	}
	char *d = aza_buf__room(b, k + 2);
	if (!d)
		return;
	d[0] = '"';
	memcpy(d + 1, s, k);
	d[k + 1] = '"';
	aza_buf__commit(b, k + 2);
}

/* ---- strings ---- */
/* ASCII lower-case table: Azure names are ASCII, and tolower() is slow
 * (locale lookups) in the comparisons the rules make millions of times. */
static const unsigned char lower_tab[256] = {
#define L(c) (unsigned char)(((c) >= 'A' && (c) <= 'Z') ? (c) + 32 : (c))
#define R4(b) L(b), L(b + 1), L(b + 2), L(b + 3)
#define R16(b) R4(b), R4(b + 4), R4(b + 8), R4(b + 12)
	R16(0), R16(16), R16(32), R16(48), R16(64), R16(80), R16(96), R16(112),
	R16(128), R16(144), R16(160), R16(176), R16(192), R16(208), R16(224), R16(240)
#undef R16
#undef R4
#undef L
};

/* ARM ids are compared case-insensitively all the time, and they are long
 * (a hundred bytes and more): the C library's strcasecmp_l compares them
 * many bytes at a time, several times faster than a loop over the bytes.
 * It is given the C locale, so it folds ASCII letters only, whatever locale
 * the program using the library set; the loop is the fallback when that
 * locale cannot be made. */
static locale_t c_locale;

__attribute__((constructor)) static void c_locale_init(void)
{
	c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

__attribute__((destructor)) static void c_locale_done(void)
{
	if (c_locale)
		freelocale(c_locale);
	c_locale = (locale_t)0;
}

int aza__strieq(const char *a, const char *b)
{
	if (!a || !b)
		return 0;
	if (lower_tab[(unsigned char)*a] != lower_tab[(unsigned char)*b])
		return 0; /* most keys that differ differ at once */
	return aza__stricmp(a, b) == 0;
}

int aza__stricmp(const char *a, const char *b)
{
	if (c_locale)
		return strcasecmp_l(a, b, c_locale);
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
	while (*p && lower_tab[*p] == lower_tab[*q]) {
		p++;
		q++;
	}
	return (int)lower_tab[*p] - (int)lower_tab[*q];
}

int aza__strnieq(const char *a, const char *b, size_t n)
{
	if (n && lower_tab[(unsigned char)*a] != lower_tab[(unsigned char)*b])
		return 0;
	if (c_locale)
		return strncasecmp_l(a, b, n, c_locale) == 0;
	for (size_t i = 0; i < n; i++) {
		if (lower_tab[(unsigned char)a[i]] != lower_tab[(unsigned char)b[i]])
			return 0;
		if (!a[i])
			return 1;
	}
	return 1;
}

int aza__istarts(const char *s, const char *prefix)
{
	if (!s || !prefix)
		return 0;
	return aza__strnieq(s, prefix, strlen(prefix)) && strlen(s) >= strlen(prefix);
}

int aza__iends(const char *s, const char *suffix)
{
	if (!s || !suffix)
		return 0;
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && aza__strieq(s + a - b, suffix);
}

const char *aza__istrstr(const char *hay, const char *needle)
{
	if (!hay || !needle)
		return NULL;
	size_t n = strlen(needle);
	if (!n)
		return hay;
	unsigned char c0 = lower_tab[(unsigned char)needle[0]];
	for (; *hay; hay++)
		if (lower_tab[(unsigned char)*hay] == c0 && aza__strnieq(hay, needle, n))
			return hay;
	return NULL;
}

int aza__glob(const char *pat, const char *s)
{
	/* Iterative matcher with single backtrack point: linear in practice. */
	const char *star = NULL, *ss = NULL;
	while (*s) {
		if (*pat == '*') {
			star = pat++;
			ss = s;
		} else if (*pat == '?' || tolower((unsigned char)*pat) == tolower((unsigned char)*s)) {
			pat++;
			s++;
		} else if (star) {
			pat = star + 1;
			s = ++ss;
		} else {
			return 0;
		}
	}
	while (*pat == '*')
		pat++;
	return *pat == 0;
}

/* The ASCII letters of eight bytes in lower case, without a branch: a
 * byte's high bit after adding 0x3f says it is >= 'A', after adding 0x25
 * that it is > 'Z' (the high bits are masked first, so no carry crosses
 * bytes, and bytes >= 0x80 are left alone). */
static uint64_t lower8(uint64_t w)
{
	uint64_t low7 = w & 0x7f7f7f7f7f7f7f7full;
	uint64_t upper = (low7 + 0x3f3f3f3f3f3f3f3full) & ~(low7 + 0x2525252525252525ull) & ~w & 0x8080808080808080ull;
	return w | (upper >> 2);
}

/* Eight bytes at a time, ASCII letters folded to lower case when fold
 * (a constant in each caller, so the test goes away). */
static inline uint64_t hash_words(const char *s, size_t n, int fold)
{
	uint64_t h = (uint64_t)n * 0x9e3779b97f4a7c15ull;
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = (h ^ (fold ? lower8(w) : w)) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
		s += 8;
		n -= 8;
	}
	if (n) {
		uint64_t w = 0;
		for (size_t i = 0; i < n; i++)
			w |= (uint64_t)(fold ? lower_tab[(unsigned char)s[i]] : (unsigned char)s[i]) << (8 * i);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
	}
	h ^= h >> 29;
	h *= 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 32);
}

uint64_t aza__hash(const char *s, size_t n)
{
	return hash_words(s, n, 0);
}

uint64_t aza__ihash_fast(const char *s, size_t n)
{
	return hash_words(s, n, 1);
}

uint64_t aza__ihash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++) {
		h ^= lower_tab[(unsigned char)s[i]];
		h *= 1099511628211ull;
	}
	return h;
}

size_t aza__spill_at(void)
{
	static atomic_size_t at;
	size_t v = atomic_load(&at);
	if (!v) {
		const char *e = getenv("AZAUDIT_SPILL_AT");
		v = e && atol(e) > 0 ? (size_t)atol(e) : (size_t)8 << 20;
		atomic_store(&at, v);
	}
	return v;
}

int aza__tmpfile(const char *stem)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	if (snprintf(path, sizeof path, "%s/%s.XXXXXX", dir && *dir ? dir : "/tmp", stem) >= (int)sizeof path)
		return -1;
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	unlink(path);
	return fd;
}

int aza__file_io(int fd, void *p, size_t n, uint64_t at, int wr)
{
	for (size_t o = 0; o < n;) {
		ssize_t k = wr ? pwrite(fd, (char *)p + o, n - o, (off_t)(at + o)) : pread(fd, (char *)p + o, n - o, (off_t)(at + o));
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		o += (size_t)k;
	}
	return 0;
}

/* ---- time ---- */

/* n decimal digits at *p, advancing it; -1 when one is missing. */
static int digits(const char **p, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		char c = (*p)[i];
		if (c < '0' || c > '9')
			return -1;
		v = v * 10 + (c - '0');
	}
	*p += n;
	return v;
}

/* Written by hand rather than with sscanf or strptime: those skip spaces,
 * take signs, read "nan" or "1e9" as seconds and stop silently before
 * trailing text, so a malformed expiry date could become a number the
 * rules compare (NaN compares false both ways: a false PASS). */
int aza__iso_time(const char *s, double *out, int *has_time)
{
	const char *p = s;
	if (!s)
		return -1;
	int y = digits(&p, 4);
	if (y < 0 || *p++ != '-')
		return -1;
	int mo = digits(&p, 2);
	if (mo < 1 || mo > 12 || *p++ != '-')
		return -1;
	int d = digits(&p, 2);
	static const unsigned char mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (d < 1 || d > mdays[mo - 1] + (mo == 2 && leap))
		return -1;
	int h = 0, mi = 0, timed = 0;
	double sec = 0;
	if (*p == 'T' || *p == 't' || (*p == ' ' && p[1])) {
		p++;
		timed = 1;
		h = digits(&p, 2);
		if (h < 0 || h > 23 || *p++ != ':')
			return -1;
		mi = digits(&p, 2);
		if (mi < 0 || mi > 59)
			return -1;
		if (*p == ':') {
			p++;
			int si = digits(&p, 2);
			if (si < 0 || si > 60) /* 60: a leap second */
				return -1;
			sec = si;
			if (*p == '.' || *p == ',') {
				p++;
				if (*p < '0' || *p > '9')
					return -1;
				double scale = 0.1;
				for (; *p >= '0' && *p <= '9'; p++, scale /= 10)
					sec += (*p - '0') * scale;
			}
		}
		if (*p == 'Z' || *p == 'z') {
			p++;
		} else if (*p == '+' || *p == '-') {
			int sign = *p++ == '+' ? 1 : -1;
			int oh = digits(&p, 2), om = 0;
			if (oh < 0 || oh > 23)
				return -1;
			if (*p == ':' || *p) {
				p += *p == ':';
				om = digits(&p, 2);
				if (om < 0 || om > 59)
					return -1;
			}
			sec -= sign * (oh * 3600 + om * 60);
		}
	}
	if (*p)
		return -1;
	/* days from civil (Howard Hinnant's algorithm) */
	int yy = y - (mo <= 2);
	int era = yy / 400; /* yy >= -1: years are four digits */
	if (yy < 0)
		era = -1;
	unsigned yoe = (unsigned)(yy - era * 400);
	unsigned doy = (unsigned)((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	double days = era * 146097.0 + doe - 719468.0;
	*out = days * 86400 + h * 3600 + mi * 60 + sec;
	if (has_time)
		*has_time = timed;
	return 0;
}

int aza_parse_time(const char *s, double *unix_seconds)
{
	return aza__iso_time(s, unix_seconds, NULL);
}

/* ---- output files, written whole or not at all ---- */

int aza__outfile_open(aza_outfile *o, const char *path)
{
	struct stat st;
	memset(o, 0, sizeof *o);
	o->fd = -1;
	/* A symbolic link is followed: the file it names is replaced, the
	 * link stays a link. */
	char *real = lstat(path, &st) == 0 && S_ISLNK(st.st_mode) ? realpath(path, NULL) : NULL;
	const char *p = real ? real : path;
	if (stat(p, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* A device (/dev/null, /dev/stdout) or a FIFO: renaming over it
		 * would put a file in its place, so it is written in place. */
		free(real);
		o->fd = open(path, O_WRONLY | O_CLOEXEC);
		return o->fd < 0 ? -1 : 0;
	}
	size_t len = strlen(p);
	o->path = aza__malloc(2 * len + 16); /* path, then path.tmp.XXXXXX */
	if (!o->path) {
		free(real);
		errno = ENOMEM;
		return -1;
	}
	memcpy(o->path, p, len + 1);
	o->tmp = o->path + len + 1;
	snprintf(o->tmp, len + 15, "%s.tmp.XXXXXX", p);
	free(real);
	o->fd = mkstemp(o->tmp);
	if (o->fd < 0) {
		int e = errno;
		aza__free(o->path);
		o->path = o->tmp = NULL;
		errno = e;
		return -1;
	}
	/* mkstemp creates 0600; an output gets the usual 0666 less the umask. */
	mode_t um = umask(0);
	umask(um);
	if (fchmod(o->fd, 0666 & ~um) != 0) {
		int e = errno;
		aza__outfile_close(o, 0, 0);
		errno = e;
		return -1;
	}
	return 0;
}

int aza__outfile_close(aza_outfile *o, int ok, int fd_closed)
{
	int rc = ok ? 0 : -1, e = 0;
	if (!fd_closed && o->fd >= 0) {
		/* A device or FIFO written in place has nothing to sync. */
		if (rc == 0 && o->tmp && fsync(o->fd) != 0)
			rc = -1, e = errno;
		if (close(o->fd) != 0 && rc == 0)
			rc = -1, e = errno;
	}
	o->fd = -1;
	if (o->tmp) {
		if (rc == 0 && rename(o->tmp, o->path) != 0)
			rc = -1, e = errno;
		if (rc)
			unlink(o->tmp);
		aza__free(o->path);
		o->path = o->tmp = NULL;
	}
	if (e)
		errno = e;
	return rc;
}
