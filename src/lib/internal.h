/*
 * internal.h - what the parts of libazaudit share: the context, errors,
 * allocation (arena, growable buffers), the JSON model and the limits.
 * Nothing here is public; symbols use the aza_<module>__ prefix.
 */
#ifndef AZA_INTERNAL_H
#define AZA_INTERNAL_H

#include "azaudit/azaudit.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__GNUC__)
#define AZA_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define AZA_HIDDEN __attribute__((visibility("hidden")))
#else
#define AZA_PRINTF(a, b)
#define AZA_HIDDEN
#endif

/* ---- limits (all explicit; see docs/limits.md) ---- */
#define AZA_MAX_DEPTH 256                  /* JSON nesting */
#define AZA_MAX_VALUE ((size_t)512 << 20)  /* one top-level value or resource */
#define AZA_MAX_STRING ((size_t)256 << 20) /* one JSON string */
#define AZA_MAX_MSG 1024                   /* one finding message */
#define AZA_MAX_FILES 100000               /* files below one directory */

/* ---- allocation: one hook so tests can fail the N-th allocation ---- */
void *aza__malloc(size_t n);
void *aza__realloc(void *p, size_t n);
void aza__free(void *p);
char *aza__strdup(const char *s);

/* ---- context ---- */
struct aza_cfg {
	char *critical_tag_name;   /* tag that marks mission-critical resources */
	char *critical_tag_value;  /* NULL: any value */
	char **approved_ext;       /* approved VM extension types (publisher.type) */
	size_t n_approved_ext;
	int approved_ext_set;      /* 0: user gave no list -> MANUAL */
	int key_max_age_days;      /* storage keys, key vault rotation */
	int log_retention_days;    /* activity log retention */
	int flow_log_retention_days;
	int sql_audit_retention_days;
	int cert_max_validity_months;
	char *runtimes_reviewed;   /* date the runtime table was reviewed */
	struct aza_runtime *runtimes;
	size_t n_runtimes;
	int min_owners, max_owners;
};

struct aza_runtime {
	char *stack;   /* "php", "python", "node", "dotnet", "java" */
	char *min;     /* minimum supported version, compared numerically */
};

struct aza_ctx {
	char err[1024];
	int oom;                    /* sticky: set once, reported at the boundary */
	struct aza_cfg cfg;
	void (*warn)(void *ud, const char *msg);
	void *warn_ud;
};

/* Record an error on ctx and return code: `return aza__err(ctx, AZA_EIO, ...)`. */
int aza__err(aza_ctx *ctx, int code, const char *fmt, ...) AZA_PRINTF(3, 4);
void aza__warn(aza_ctx *ctx, const char *fmt, ...) AZA_PRINTF(2, 3);
void aza__cfg_defaults(struct aza_cfg *c);
void aza__cfg_release(struct aza_cfg *c);
/* Minimum supported version of a runtime stack, and the date the table was reviewed. */
const char *aza__cfg_runtime_min(const struct aza_cfg *c, const char *stack, const char **reviewed);

/* ---- arena: many small allocations, freed together ---- */
typedef struct aza_arena {
	struct aza_chunk *head;
	size_t used_total;
	/* 0: chunks of 64 KiB and more, growing with the arena (big scans make
	 * few chunks). Else chunks of at least this size, not growing: for the
	 * many small arenas that live long (a parsed NSG). */
	size_t chunk_min;
} aza_arena;
typedef struct aza_arena_mark {
	struct aza_chunk *chunk;
	size_t used;
} aza_arena_mark;
void aza_arena__init(aza_arena *a);
void aza_arena__release(aza_arena *a);
void *aza_arena__alloc(aza_arena *a, size_t n);           /* NULL when out of memory */
char *aza_arena__alloc_bytes(aza_arena *a, size_t n);     /* unaligned, for strings */
/* Give back the end of the newest allocation p (from oldn to newn bytes). */
void aza_arena__shrink(aza_arena *a, void *p, size_t oldn, size_t newn);
char *aza_arena__strndup(aza_arena *a, const char *s, size_t n);
char *aza_arena__strdup(aza_arena *a, const char *s);
char *aza_arena__printf(aza_arena *a, const char *fmt, ...) AZA_PRINTF(2, 3);
char *aza_arena__vprintf(aza_arena *a, const char *fmt, va_list ap) AZA_PRINTF(2, 0);
/* vsnprintf, faster for the conversions finding messages use (%s, %.*s,
 * %c, %d, %u, %ld, %lu, %zu, %%, no flags or widths); anything else goes to
 * vsnprintf. The same output and return value. */
int aza__vfmt(char *d, size_t cap, const char *fmt, va_list ap) AZA_PRINTF(3, 0);
/* snprintf through aza__vfmt: for paths and ids built on hot paths. */
int aza__fmt(char *d, size_t cap, const char *fmt, ...) AZA_PRINTF(3, 4);
aza_arena_mark aza_arena__mark(aza_arena *a);
void aza_arena__reset(aza_arena *a, aza_arena_mark m);     /* free back to a mark */
void aza_arena__clear(aza_arena *a);   /* empty, keeping its newest chunk for reuse */
/* Move every chunk of src into dst (src is left empty): what src holds now
 * lives as long as dst. dst keeps allocating in its own newest chunk. */
void aza_arena__adopt(aza_arena *dst, aza_arena *src);

/* ---- growable buffer with a hard maximum ---- */
typedef struct aza_buf {
	char *p;
	size_t len, cap, max;
	int oom; /* sticky: an append failed; content is truncated */
	int err; /* the code of the failed append (0 when oom was set by a caller) */
	/* Optional sink (streamed output): once AZA_BUF_FLUSH bytes are
	 * buffered, an append first hands them to sink and empties the buffer,
	 * so what the last append added is always still in the buffer. A sink
	 * failure (it returns nonzero with errno set) sets oom and sink_err. */
	int (*sink)(void *ud, const char *p, size_t n);
	void *sink_ud;
	int sink_err; /* the errno of the sink's failure, taken when it failed; 0 none */
} aza_buf;
#define AZA_BUF_FLUSH ((size_t)1 << 20)
void aza_buf__init(aza_buf *b, size_t max);
void aza_buf__release(aza_buf *b);
/* Room for n more bytes at b->p + b->len, or NULL once the buffer has
 * failed (oom set). The caller writes at most n bytes there, then calls
 * aza_buf__commit with the count it wrote. The next append may hand the
 * buffered bytes to the sink, so the pointer is good until then only.
 * Appends are inline because reports make hundreds of millions of them:
 * the common case is one comparison and a memcpy. */
char *aza_buf__grow(aza_buf *b, size_t n); /* the slow path of aza_buf__room */
static inline char *aza_buf__room(aza_buf *b, size_t n)
{
	/* cap never exceeds max + 1 (aza_buf__grow), so this also keeps the maximum. */
	if (!b->oom && n < b->cap - b->len && !(b->sink && b->len >= AZA_BUF_FLUSH))
		return b->p + b->len;
	return aza_buf__grow(b, n);
}
static inline void aza_buf__commit(aza_buf *b, size_t n)
{
	b->len += n;
	b->p[b->len] = 0;
}
/* The error of a failed buffer: AZA_EIO (sink), AZA_ELIMIT or AZA_ENOMEM. */
static inline int aza_buf__error(const aza_buf *b)
{
	return b->err ? b->err : AZA_ENOMEM;
}
static inline int aza_buf__add(aza_buf *b, const void *p, size_t n)
{
	char *d = aza_buf__room(b, n);
	if (!d)
		return aza_buf__error(b);
	memcpy(d, p, n);
	aza_buf__commit(b, n);
	return 0;
}
static inline int aza_buf__adds(aza_buf *b, const char *s)
{
	return aza_buf__add(b, s, strlen(s));
}
static inline int aza_buf__addc(aza_buf *b, char c)
{
	return aza_buf__add(b, &c, 1);
}
/* Append a string literal (its length known at compile time). */
#define aza_buf__lit(b, lit) aza_buf__add((b), "" lit, sizeof(lit) - 1)
/* Decimal integers, without printf. */
int aza_buf__addu(aza_buf *b, unsigned long long v);
int aza_buf__addi(aza_buf *b, long long v);
int aza_buf__printf(aza_buf *b, const char *fmt, ...) AZA_PRINTF(2, 3);
void aza_buf__json_str(aza_buf *b, const char *s); /* quoted, escaped JSON string; NULL as "" */
void aza_buf__json_strn(aza_buf *b, const char *s, size_t n); /* the same for n bytes */

/* ---- JSON ---- */
typedef enum {
	AZA_JNULL = 0,
	AZA_JFALSE,
	AZA_JTRUE,
	AZA_JNUM,
	AZA_JSTR,
	AZA_JARR,
	AZA_JOBJ,
	AZA_JUNKNOWN /* a template value not known before deployment; u.s says why */
} aza_jkind;

typedef struct aza_json {
	unsigned char kind;
	unsigned char kint;     /* 1: key is a copy interned by the parser's table */
	uint32_t n;             /* string length, or number of children */
	const char *key;        /* member name when inside an object, else NULL */
	size_t off;             /* byte offset of the value in its source */
	union {
		const char *s;      /* NUL-terminated, may contain no NUL */
		double num;
		struct aza_json *child;
	} u;
	struct aza_json *next;
} aza_json;

/* Where a parse failed, for messages "file:line:col: what". */
typedef struct aza_jerr {
	size_t off;
	const char *what;
	int code; /* AZA_EPARSE or AZA_ELIMIT */
	int more; /* 1: ran out of input in the middle of a value */
} aza_jerr;

/* Object keys repeat across resources ("properties", "provisioningState"):
 * an intern table stores each distinct key once. It owns its own arena, so
 * it survives resets of the arena the nodes live in. */
typedef struct aza_jintern aza_jintern;
aza_jintern *aza_jintern__new(void);
/* A table of plain strings (finding messages, names): no ids or folds, so
 * aza_jintern__id, __fold and __byid do not apply to its copies. */
aza_jintern *aza_jintern__new_plain(void);
void aza_jintern__free(aza_jintern *t);
/* The table's copy of s[0..n) (added if new), or NULL when out of memory. */
const char *aza_jintern__get(aza_jintern *t, const char *s, size_t n);
/* The id (1-based) of an interned copy, and the copy of an id (NULL if none). */
uint32_t aza_jintern__id(const char *interned);
const char *aza_jintern__byid(const aza_jintern *t, uint32_t id);
/* The id of the interned copy's ASCII-lower-case form (two copies with the
 * same fold are equal but for case); 0 when not recorded (long strings). */
uint32_t aza_jintern__fold(const char *interned);

/* Compact binary form of a parsed value, kept for every stored resource:
 * about the size of minified text, and unpacked several times faster than
 * text is parsed (no validation, no hashing, strings are not copied).
 * Keys interned by t (kint) are stored as ids. aza_json__pack appends to b
 * (check b->oom); aza_json__unpack builds the tree in a, its strings
 * pointing into blob (which must outlive it) or, for the few stored as a
 * prefix of the value's id and a rest, put together in a. NULL when out of memory or
 * when blob is not a packed value. Node offsets are 0. */
void aza_json__pack(aza_buf *b, const aza_json *j, aza_jintern *in);
const aza_json *aza_json__unpack(aza_arena *a, const aza_jintern *t, const char *blob, size_t len);

/* Parse one JSON value from buf[*pos, len) into arena nodes. On success
 * returns 0 and advances *pos past the value. final=0 means the buffer may
 * be continued: running out of input sets e->more instead of failing.
 * Node offsets are base + offset within buf. */
int aza_json__parse(aza_arena *a, const char *buf, size_t len, size_t *pos, int final,
                    size_t base, int max_depth, aza_json **out, aza_jerr *e);
/* The same, interning keys in t (may be NULL). */
int aza_json__parse_in(aza_arena *a, aza_jintern *t, const char *buf, size_t len, size_t *pos,
                       int final, size_t base, int max_depth, aza_json **out, aza_jerr *e);
/* Parse a complete document (trailing whitespace only). */
int aza_json__parse_all(aza_arena *a, const char *buf, size_t len, aza_json **out,
                        aza_jerr *e);
/* The same, reading what Json.NET (Resource Manager's json()) reads beyond
 * JSON: strings in single quotes, \' escapes, control characters as they
 * are in strings, unquoted property names ([A-Za-z0-9_$]), comments
 * ('//' to the end of the line, '/' '*' ... '*' '/') and one trailing comma
 * in an object or array. Limits, UTF-8 validation and the duplicate-key
 * check are the strict parser's. For template json() only. */
int aza_json__parse_all_lenient(aza_arena *a, const char *buf, size_t len, aza_json **out,
                                aza_jerr *e);
/* Compute 1-based line and column of byte offset off in buf. */
void aza_json__linecol(const char *buf, size_t len, size_t off, unsigned long *line,
                       unsigned long *col);

/* Typed accessors: NULL-safe, keys compare case-insensitively (as Azure). */
const aza_json *aza_json_get(const aza_json *o, const char *key);
/* Several members of an object in one pass over its keys (a reader of many
 * members of one object): out[i] is what aza_json_get(o, keys[i]) finds (the
 * first match), without its effects (the unknown value met, the last value
 * read). Hand each to aza_json__take(o, out[i]) where the reader would have
 * called aza_json_get, so that those effects happen in the same order. The
 * keys (at most AZA_JSON_MEMBERS_MAX, distinct) are prepared once by
 * aza_json__keys_init for many objects; keys must outlive k. */
#define AZA_JSON_MEMBERS_MAX 32
typedef struct aza_jkeys {
	const char *const *key;
	size_t n;
	uint64_t sig[AZA_JSON_MEMBERS_MAX]; /* length and some bytes, folded */
	unsigned char slot[64];             /* open addressing by sig: key index + 1, 0 empty */
} aza_jkeys;
void aza_json__keys_init(aza_jkeys *k, const char *const *keys, size_t n);
void aza_json__members(const aza_json *o, const aza_jkeys *k, const aza_json **out);
const aza_json *aza_json__take(const aza_json *o, const aza_json *c);
/* Dotted path: "properties.networkAcls.defaultAction"; "a.0.b" indexes arrays. */
const aza_json *aza_json_path(const aza_json *o, const char *path);
const char *aza_json_str(const aza_json *j);     /* NULL unless a string */
int aza_json_is(const aza_json *j, aza_jkind k);
/* Booleans, also the strings "true"/"false" (any case) that some APIs send.
 * Returns 1 and sets *out when the value is a boolean, else 0. */
int aza_json_bool(const aza_json *j, int *out);
/* Numbers, also numeric strings. Returns 1 when a number was read. */
int aza_json_num(const aza_json *j, double *out);
size_t aza_json_len(const aza_json *j);          /* array or object size */
const aza_json *aza_json_at(const aza_json *j, size_t i);
#define aza_json_each(it, arr) for (const aza_json *it = aza_json__first(arr); it; it = it->next)
const aza_json *aza_json__first(const aza_json *arr); /* first child, NULL if none */

/* Unknown template values: every accessor that meets one records it, so the
 * engine can turn a verdict that depended on it into UNKNOWN. */
void aza_json__touch_reset(void);
const char *aza_json__touched(void); /* description of the first unknown met, or NULL */
/* The last value aza_json_get() or aza_json_at() found since the reset (the
 * property a verdict most likely rests on: template findings point at it). */
const aza_json *aza_json__last_read(void);
/* Case-insensitive string equality of a JSON string with s. */
int aza_json_streq(const aza_json *j, const char *s);
/* Does the array contain a string equal (case-insensitively) to s? */
int aza_json_has_str(const aza_json *arr, const char *s);
/* Serialize (minified) into b. */
void aza_json__write(aza_buf *b, const aza_json *j);

/* ---- strings ---- */
int aza__strieq(const char *a, const char *b);
int aza__strnieq(const char *a, const char *b, size_t n);
/* Case-insensitive order (ASCII letters fold, whatever the locale), as
 * strcasecmp: <0, 0, >0. */
int aza__stricmp(const char *a, const char *b);
int aza__istarts(const char *s, const char *prefix);

/* An output file written whole or not at all (reports, snapshots): a
 * temporary file beside the target, renamed over it by
 * aza__outfile_close when ok, removed otherwise. A symbolic link is
 * followed (its target is replaced, the link stays); a target that exists
 * and is not a regular file (a device such as /dev/null, a FIFO) is
 * written in place, since a rename would replace the device with a file
 * (tmp is then NULL). Both return 0, or -1 with errno. fd_closed: the
 * caller has closed fd already (through gzclose). */
typedef struct aza_outfile {
	char *path; /* what the temporary file is renamed to; one allocation with tmp */
	char *tmp;
	int fd;
} aza_outfile;
int aza__outfile_open(aza_outfile *o, const char *path);
int aza__outfile_close(aza_outfile *o, int ok, int fd_closed);
int aza__iends(const char *s, const char *suffix);
const char *aza__istrstr(const char *hay, const char *needle);
int aza__glob(const char *pat, const char *s); /* '*' and '?', case-insensitive */
uint64_t aza__ihash(const char *s, size_t n);  /* case-insensitive FNV-1a */
/* Case-insensitive too, eight bytes at a time: for the inventory's id and
 * child tables (ids are long; no output order depends on these values).
 * aza__ihash stays for tables whose iteration order shows. */
uint64_t aza__ihash_fast(const char *s, size_t n);
uint64_t aza__hash(const char *s, size_t n);   /* the same, case-sensitive */

/* ---- time ---- */
/* An ISO 8601 / RFC 3339 date or date-time, strictly: "YYYY-MM-DD", then
 * optionally 'T' (or a space) and "hh:mm", ":ss", a fraction, and 'Z' or an
 * offset (+hh:mm, +hhmm, +hh). Nothing may follow. Fields are checked
 * against the calendar (no February 30, no 24:00). Seconds since the epoch
 * in *out; *has_time (may be NULL) says whether a time was given. 0, or -1
 * when s is not such a date. */
int aza__iso_time(const char *s, double *out, int *has_time);

/* Spilling to temporary files (the inventory's document store, the scan's
 * findings): the bytes kept in memory before the first spill, 8 MiB unless
 * AZAUDIT_SPILL_AT says otherwise (a test hook: a small value makes small
 * inputs use the files). */
size_t aza__spill_at(void);
/* An unlinked temporary file in $TMPDIR (else /tmp) named after stem; -1
 * when none can be made (callers then keep everything in memory). */
int aza__tmpfile(const char *stem);
/* All n bytes at offset at of fd, written (wr) or read; -1 (errno set, or
 * 0 for a short file) on failure. EINTR is retried. */
int aza__file_io(int fd, void *p, size_t n, uint64_t at, int wr);

#endif
