/*
 * input.c - reading inputs into the inventory: snapshots, arrays of ARM
 * resources, Resource Graph results, ARM list responses, single resources,
 * JSON Lines, Graph responses, directories, gzip and standard input.
 *
 * Big inputs stream: the elements of a top-level "resources", "data" or
 * "value" array (and JSON Lines records) are parsed one at a time from a
 * sliding buffer, and a resource of a type no rule reads is dropped at once.
 * The only file that includes zlib.
 */
#include "input.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define CHUNK ((size_t)1 << 20)

typedef struct rd {
	aza_ctx *ctx;
	aza_inv *inv;
	aza_arena *a;
	const char *name;
	gzFile gz;  /* NULL: the whole input is in buf */
	char *buf;
	size_t len, cap, pos;
	int list_empty;           /* the last streamed list was [] */
	size_t base;              /* absolute offset of buf[0] */
	size_t lc_off;            /* line tracker: absolute offset ... */
	unsigned long lc_line;    /* ... and the line it is on */
	size_t lc_linestart;      /* absolute offset where that line starts */
	int eof;
	double total;
	const struct aza_tmpl_hook *tmpl;
	aza_tdefer *def; /* reading off the inventory: templates only, into def */
	int bail;        /* (def) not a template: the inventory's thread reads it */
	int no_intern;   /* the parse interns no keys (the worker of a pipeline: packing interns them) */
	int borrowed;    /* buf is the caller's (the whole input was in memory) */
	aza_arena tmp; /* one streamed resource at a time */
	/* Offsets of line starts of the first NL_INDEX_MAX bytes, so positions
	 * inside a template can be told after its text left the buffer. */
	size_t *nl;
	size_t nnl, capnl, nl_upto;
	int nl_off;
} rd;

#define NL_INDEX_MAX ((size_t)64 << 20)

/* No line index from here on: positions are for templates only. */
static void lines_off(rd *r)
{
	aza__free(r->nl);
	r->nl = NULL;
	r->nnl = 0;
	r->nl_off = 1;
}

/* Record line starts in newly read bytes [from, len). */
static void index_lines(rd *r, size_t from)
{
	if (r->nl_off)
		return;
	for (size_t i = from; i < r->len; i++) {
		if (r->base + i >= NL_INDEX_MAX) {
			/* Past the limit a template is too big to be one anyway. */
			lines_off(r);
			return;
		}
		if (r->buf[i] != '\n') {
			const char *nl = memchr(r->buf + i, '\n', r->len - i);
			if (!nl)
				return;
			i = (size_t)(nl - r->buf);
			if (r->base + i >= NL_INDEX_MAX)
				continue; /* the check at the top of the loop */
		}
		if (r->nnl == r->capnl) {
			size_t cap = r->capnl ? r->capnl * 2 : 1024;
			size_t *v = aza__realloc(r->nl, cap * sizeof *v);
			if (!v) {
				r->nl_off = 1;
				return;
			}
			r->nl = v;
			r->capnl = cap;
		}
		r->nl[r->nnl++] = r->base + i + 1;
	}
}

static void pos_fn(void *ud, size_t off, unsigned long *line, unsigned long *col)
{
	rd *r = ud;
	if (r->nl_off || off >= NL_INDEX_MAX) {
		*line = *col = 0;
		return;
	}
	/* binary search: number of line starts <= off */
	size_t lo = 0, hi = r->nnl;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (r->nl[mid] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	*line = (unsigned long)lo + 1;
	*col = (unsigned long)(off - (lo ? r->nl[lo - 1] : 0)) + 1;
}

/* Advance the line tracker to absolute offset off (must be in the buffer). */
static void track(rd *r, size_t off)
{
	if (off < r->lc_off || off < r->base)
		return;
	size_t from = r->lc_off > r->base ? r->lc_off - r->base : 0;
	size_t to = off - r->base;
	if (to > r->len)
		to = r->len;
	const char *p = r->buf + from, *e = r->buf + to;
	while (p < e) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		if (!nl)
			break;
		r->lc_line++;
		r->lc_linestart = r->base + (size_t)(nl - r->buf) + 1;
		p = nl + 1;
	}
	r->lc_off = off;
}

static void position(rd *r, size_t off, unsigned long *line, unsigned long *col)
{
	track(r, off);
	*line = r->lc_line;
	*col = (unsigned long)(off - r->lc_linestart) + 1;
}

static int fill(rd *r)
{
	if (r->eof)
		return 0;
	/* Drop what was consumed, keeping the line tracker consistent. */
	if (r->pos > 0) {
		track(r, r->base + r->pos);
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->len -= r->pos;
		r->base += r->pos;
		r->pos = 0;
	}
	if (r->cap - r->len < CHUNK / 2) {
		size_t cap = r->cap ? r->cap * 2 : CHUNK;
		if (cap > AZA_MAX_VALUE + CHUNK)
			return aza__err(r->ctx, AZA_ELIMIT, "%s: a single value is larger than the limit (%zu MiB)",
			                r->name, AZA_MAX_VALUE >> 20);
		char *nb = aza__realloc(r->buf, cap);
		if (!nb)
			return aza__err(r->ctx, AZA_ENOMEM, "out of memory");
		r->buf = nb;
		r->cap = cap;
	}
	size_t want = r->cap - r->len;
	if (want > (size_t)1 << 30)
		want = (size_t)1 << 30;
	int n = gzread(r->gz, r->buf + r->len, (unsigned)want);
	if (n < 0) {
		int zerr;
		const char *m = gzerror(r->gz, &zerr);
		return aza__err(r->ctx, AZA_EPARSE, "%s: cannot read: %s", r->name,
		                zerr == Z_ERRNO ? strerror(errno) : m);
	}
	if (n == 0) {
		int zerr;
		const char *m = gzerror(r->gz, &zerr);
		if (zerr != Z_OK && zerr != Z_STREAM_END)
			return aza__err(r->ctx, AZA_EPARSE, "%s: %s (truncated or corrupt gzip?)", r->name, m);
		r->eof = 1;
		return 0;
	}
	size_t from = r->len;
	r->len += (size_t)n;
	index_lines(r, from);
	r->total += n;
	if ((size_t)n < want && gzeof(r->gz)) {
		int zerr;
		const char *m = gzerror(r->gz, &zerr);
		if (zerr != Z_OK && zerr != Z_STREAM_END)
			return aza__err(r->ctx, AZA_EPARSE, "%s: %s (truncated or corrupt gzip?)", r->name, m);
		r->eof = 1;
	}
	return 0;
}

static int perr(rd *r, size_t off, int code, const char *what)
{
	unsigned long line, col;
	position(r, off, &line, &col);
	return aza__err(r->ctx, code, "%s:%lu:%lu: %s", r->name, line, col, what);
}

/* Skip whitespace; returns the next byte or -1 at end of input, or an error. */
static int peek(rd *r, int *c)
{
	for (;;) {
		while (r->pos < r->len) {
			char ch = r->buf[r->pos];
			if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
				r->pos++;
				continue;
			}
			*c = (unsigned char)ch;
			return 0;
		}
		if (r->eof) {
			*c = -1;
			return 0;
		}
		int rc = fill(r);
		if (rc)
			return rc;
	}
}

static int expect(rd *r, char want, const char *what)
{
	int c, rc = peek(r, &c);
	if (rc)
		return rc;
	if (c != (unsigned char)want) {
		if (c < 0)
			return perr(r, r->base + r->pos, AZA_EPARSE, "unexpected end of input");
		return perr(r, r->base + r->pos, AZA_EPARSE, what);
	}
	r->pos++;
	return 0;
}

/* Parse one whole value at the current position into arena a. */
static int value(rd *r, aza_arena *a, aza_json **out)
{
	for (;;) {
		int c, rc = peek(r, &c);
		if (rc)
			return rc;
		if (c < 0)
			return perr(r, r->base + r->pos, AZA_EPARSE, "unexpected end of input");
		aza_arena_mark m = aza_arena__mark(a);
		size_t pos = r->pos;
		aza_jerr e;
		rc = aza_json__parse_in(a, r->def || r->no_intern ? NULL : aza_inv__intern(r->inv), r->buf, r->len, &pos, r->eof,
		                        r->base, AZA_MAX_DEPTH,
		                        out, &e);
		if (rc == 0) {
			r->pos = pos;
			return 0;
		}
		aza_arena__reset(a, m);
		if (rc == AZA_ENOMEM)
			return aza__err(r->ctx, AZA_ENOMEM, "out of memory");
		if (e.more && !r->eof) {
			rc = fill(r);
			if (rc)
				return rc;
			continue;
		}
		return perr(r, e.off, rc, e.what);
	}
}

static const char *arena_name(rd *r)
{
	return r->name;
}

/* An element of a resource list, found at line:col. raw: its text was in
 * the buffer, and the inventory keeps its packed form. */
static int resource_at(rd *r, const aza_json *j, size_t index, const char *list, unsigned long line,
                       unsigned long col, int raw)
{
	if (!aza_json_is(j, AZA_JOBJ))
		return aza__err(r->ctx, AZA_EINPUT, "%s:%lu:%lu: %s[%zu] is not an object", r->name, line, col,
		                list, index);
	const aza_json *id = aza_json_get(j, "id");
	if (!aza_json_str(id)) {
		if (aza_json_get(j, "class_uid") && aza_json_get(j, "finding_info"))
			return aza__err(r->ctx, AZA_EINPUT,
			                "%s:%lu:%lu: %s[%zu] is an OCSF finding of a scan (findings, not resources), not a "
			                "resource: reports are not read back; keep them out of a scanned directory",
			                r->name, line, col, list, index);
		if (aza_json_get(j, "apiVersion") && aza_json_get(j, "type"))
			return aza__err(r->ctx, AZA_EINPUT,
			                "%s:%lu:%lu: %s[%zu] looks like a template resource (no \"id\"); "
			                "scan the whole template file instead", r->name, line, col, list, index);
		return aza__err(r->ctx, AZA_EINPUT, "%s:%lu:%lu: %s[%zu] has no string \"id\"", r->name, line, col,
		                list, index);
	}
	/* Resource Manager's "properties" is an object. Another kind (a query
	 * that projected tostring(properties), a hand-made export) would be
	 * read as an object without members, and the rules that take an unset
	 * member as its secure default would pass on it; null stays "no
	 * properties" (az resource list), which the rules report UNKNOWN. */
	const aza_json *props = aza_json_get(j, "properties");
	if (props && !aza_json_is(props, AZA_JOBJ) && !aza_json_is(props, AZA_JNULL))
		return aza__err(r->ctx, AZA_EINPUT,
		                "%s:%lu:%lu: %s[%zu] (%.200s): \"properties\" is %s, not an object: export the "
		                "resource's properties as Resource Manager returns them",
		                r->name, line, col, list, index, aza_json_str(id),
		                aza_json_is(props, AZA_JSTR) ? "a string (JSON text?)"
		                : aza_json_is(props, AZA_JARR) ? "an array" : "a number or boolean");
	int rc = aza_inv__add(r->inv, j, arena_name(r), line, NULL, raw ? "" : NULL, 0);
	if (rc < 0) {
		char msg[512];
		snprintf(msg, sizeof msg, "%s", aza_errmsg(r->ctx));
		return aza__err(r->ctx, rc, "%s:%lu:%lu: %s[%zu]: %s", r->name, line, col, list, index, msg);
	}
	return rc; /* 0 kept, 1 dropped */
}

/* Whether the text of j (ending at the current position) is in the buffer. */
static int in_buffer(const rd *r, const aza_json *j)
{
	return j->off >= r->base && r->base + r->pos >= j->off;
}

static int resource(rd *r, const aza_json *j, size_t index, const char *list, int raw)
{
	unsigned long line, col;
	position(r, j->off, &line, &col);
	return resource_at(r, j, index, list, line, col, raw && in_buffer(r, j));
}

/* `az account list` output: subscriptions with a GUID id and a tenantId. */
static int account_entry(rd *r, const aza_json *j)
{
	const char *id = aza_json_str(aza_json_get(j, "id"));
	const char *tid = aza_json_str(aza_json_get(j, "tenantId"));
	if (!id || !tid || id[0] == '/' || !aza_json_get(j, "isDefault"))
		return 0;
	aza_arena *a = aza_inv__arena(r->inv);
	aza_json *meta = aza_arena__alloc(a, sizeof *meta * 3);
	if (!meta)
		return aza__err(r->ctx, AZA_ENOMEM, "out of memory");
	/* Build {"subscriptions": [ j ]} without copying j. */
	aza_json *arr = meta + 1;
	memset(meta, 0, sizeof *meta * 2);
	meta->kind = AZA_JOBJ;
	meta->n = 1;
	meta->u.child = arr;
	arr->kind = AZA_JARR;
	arr->key = "subscriptions";
	arr->n = 1;
	aza_json *copy = meta + 2;
	*copy = *j;
	copy->next = NULL;
	arr->u.child = copy;
	return aza_inv__add_meta(r->inv, meta, r->name); /* kept: meta points into it */
}

/* One element of a streamed array: an `az account list` entry or a resource. */
static int element(rd *r, const aza_json *j, size_t i, const char *list, unsigned long line, unsigned long col,
                   int raw)
{
	if (aza_json_is(j, AZA_JOBJ) && aza_json_get(j, "tenantId") && aza_json_get(j, "isDefault"))
		return account_entry(r, j);
	return resource_at(r, j, i, list, line, col, raw);
}

/* ---- two threads for big arrays ----
 * A worker thread reads, decompresses and parses the elements (and tracks
 * their lines) into batches; the calling thread adds them to the inventory
 * (checks, packing, the index, the document store) in input order, so the
 * inventory is the same as with one thread. The worker owns the reader
 * while it runs and records its errors on a context of its own: an error
 * of the calling thread comes first (its element precedes whatever the
 * worker was parsing), then the worker's. AZAUDIT_THREADS=1: one thread. */
#define BATCH_MAX 256
#define BATCH_BYTES ((size_t)2 << 20)
#define NSLOTS 4

typedef struct elem {
	aza_json *j;
	size_t index;
	unsigned long line, col;
	int raw;
} elem;

typedef struct slot {
	aza_arena a;
	elem e[BATCH_MAX];
	size_t n;
} slot;

typedef struct pipeline {
	rd *r;
	const char *list;
	aza_ctx wctx; /* the worker's errors */
	pthread_mutex_t mu;
	pthread_cond_t cv;
	slot slots[NSLOTS];
	size_t head, tail; /* full slots: [tail, head) */
	int done, rc, stop;
} pipeline;

int aza_input__threads(void)
{
	static atomic_int n; /* read once; scans on several threads may ask first */
	int v = atomic_load(&n);
	if (!v) {
		const char *e = getenv("AZAUDIT_THREADS");
		v = e && atoi(e) == 1 ? 1 : 2;
		atomic_store(&n, v);
	}
	return v;
}

/* Worker: publish the slot being filled; wait for a free one. 0, or 1: stop. */
static int pl_publish(pipeline *p)
{
	pthread_mutex_lock(&p->mu);
	p->head++;
	pthread_cond_broadcast(&p->cv);
	while (p->head - p->tail == NSLOTS && !p->stop)
		pthread_cond_wait(&p->cv, &p->mu);
	int stop = p->stop;
	pthread_mutex_unlock(&p->mu);
	return stop;
}

static int pl_parse(pipeline *p)
{
	rd *r = p->r;
	int c, rc;
	for (size_t i = 0;; i++) {
		slot *s = &p->slots[p->head % NSLOTS];
		aza_json *j;
		if ((rc = value(r, &s->a, &j)))
			return rc;
		elem *e = &s->e[s->n++];
		e->j = j;
		e->index = i;
		e->raw = in_buffer(r, j);
		position(r, j->off, &e->line, &e->col);
		if ((rc = peek(r, &c)))
			return rc;
		int end = c == ']';
		if (c != ',' && !end) {
			if (c < 0)
				return perr(r, r->base + r->pos, AZA_EPARSE, "unexpected end of input");
			return perr(r, r->base + r->pos, AZA_EPARSE, "expected ',' or ']' after array element");
		}
		r->pos++;
		if (end)
			return 0;
		if ((s->n == BATCH_MAX || s->a.used_total >= BATCH_BYTES) && pl_publish(p))
			return 0; /* the other thread failed: its error is the one reported */
	}
}

static void *pl_worker(void *arg)
{
	pipeline *p = arg;
	int rc = pl_parse(p);
	pthread_mutex_lock(&p->mu);
	if (!p->stop && p->slots[p->head % NSLOTS].n)
		p->head++; /* the last, partial batch */
	p->rc = rc;
	p->done = 1;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* The elements of the array at the current position (after '[' and a
 * first element), on two threads. *started = 0: no thread could be made,
 * nothing was read. */
static int stream_threaded(rd *r, const char *list, int *started)
{
	pipeline *p = aza__malloc(sizeof *p);
	*started = 0;
	if (!p)
		return 0;
	memset(p, 0, sizeof *p);
	p->r = r;
	p->list = list;
	p->wctx.cfg = r->ctx->cfg; /* only errors are written to it */
	for (size_t k = 0; k < NSLOTS; k++)
		aza_arena__init(&p->slots[k].a);
	aza_ctx *ctx = r->ctx;
	/* This thread's view of the reader: ctx, inv and name; every other
	 * field belongs to the worker until the join. */
	rd me = *r;
	pthread_t th;
	if (pthread_mutex_init(&p->mu, NULL)) {
		aza__free(p);
		return 0;
	}
	if (pthread_cond_init(&p->cv, NULL)) {
		pthread_mutex_destroy(&p->mu);
		aza__free(p);
		return 0;
	}
	r->ctx = &p->wctx;
	/* The parse was the busier half: the calling thread interns the keys
	 * as it packs the documents (aza_json__pack), and it alone writes the
	 * intern table. */
	r->no_intern = 1;
	if (pthread_create(&th, NULL, pl_worker, p)) {
		r->ctx = ctx;
		r->no_intern = 0;
		pthread_cond_destroy(&p->cv);
		pthread_mutex_destroy(&p->mu);
		aza__free(p);
		return 0;
	}
	*started = 1;
	int rc = 0;
	for (;;) {
		pthread_mutex_lock(&p->mu);
		while (p->tail == p->head && !p->done)
			pthread_cond_wait(&p->cv, &p->mu);
		int empty = p->tail == p->head;
		pthread_mutex_unlock(&p->mu);
		if (empty)
			break;
		slot *s = &p->slots[p->tail % NSLOTS];
		for (size_t k = 0; k < s->n && !rc; k++) {
			elem *e = &s->e[k];
			int erc = element(&me, e->j, e->index, list, e->line, e->col, e->raw);
			if (erc < 0)
				rc = erc;
		}
		s->n = 0;
		aza_arena__clear(&s->a);
		pthread_mutex_lock(&p->mu);
		p->tail++;
		if (rc)
			p->stop = 1;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
		if (rc)
			break;
	}
	pthread_join(th, NULL);
	r->ctx = ctx;
	r->no_intern = 0;
	if (!rc && p->rc) {
		rc = p->rc;
		if (p->wctx.oom)
			aza__err(ctx, AZA_ENOMEM, "out of memory");
		else
			aza__err(ctx, rc, "%s", p->wctx.err);
	}
	for (size_t k = 0; k < NSLOTS; k++)
		aza_arena__release(&p->slots[k].a);
	pthread_cond_destroy(&p->cv);
	pthread_mutex_destroy(&p->mu);
	aza__free(p);
	return rc;
}

/* Off the inventory: leave the input to the inventory's thread. */
static int bail(rd *r)
{
	r->bail = 1;
	return AZA_EINPUT;
}

/* Stream the array at the current position; each element goes to resource(). */
static int stream_array(rd *r, const char *list)
{
	aza_arena *a = &r->tmp;
	if (r->def)
		return bail(r);
	/* A resource list, not a template: element positions come from the
	 * line tracker, and indexing every line of a big export (the first
	 * 64 MiB of it) would cost time and memory for nothing. */
	lines_off(r);
	int rc = expect(r, '[', "expected '['");
	if (rc)
		return rc;
	int c;
	if ((rc = peek(r, &c)))
		return rc;
	r->list_empty = c == ']';
	if (c == ']') {
		r->pos++;
		return 0;
	}
	if (aza_input__threads() > 1) {
		int started;
		rc = stream_threaded(r, list, &started);
		if (started)
			return rc;
	}
	for (size_t i = 0;; i++) {
		aza_arena_mark m = aza_arena__mark(a);
		aza_json *j;
		if ((rc = value(r, a, &j)))
			return rc;
		unsigned long line, col;
		position(r, j->off, &line, &col);
		rc = element(r, j, i, list, line, col, in_buffer(r, j));
		aza_arena__reset(a, m); /* the inventory copied what it keeps */
		if (rc < 0)
			return rc;
		if ((rc = peek(r, &c)))
			return rc;
		if (c == ',') {
			r->pos++;
			continue;
		}
		if (c == ']') {
			r->pos++;
			return 0;
		}
		if (c < 0)
			return perr(r, r->base + r->pos, AZA_EPARSE, "unexpected end of input");
		return perr(r, r->base + r->pos, AZA_EPARSE, "expected ',' or ']' after array element");
	}
}

/* Graph responses name their data set in @odata.context. */
static const char *graph_dataset(const char *ctxurl)
{
	static const struct {
		const char *frag, *key;
	} map[] = {
		{"#reports/authenticationMethods/userRegistrationDetails", "userRegistrationDetails"},
		{"#users", "users"},
		{"#policies/authorizationPolicy", "authorizationPolicy"},
		{"#identity/conditionalAccess/policies", "conditionalAccessPolicies"},
		{"#policies/identitySecurityDefaultsEnforcementPolicy", "identitySecurityDefaultsEnforcementPolicy"},
		{"#roleManagement/directory/roleAssignments", "directoryRoleAssignments"},
		{"#roleManagement/directory/roleEligibilityScheduleInstances", "directoryRoleEligibilityScheduleInstances"},
		{"#roleManagement/directory/roleDefinitions", "directoryRoleDefinitions"},
		{"#groupSettings", "groupSettings"},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (aza__istrstr(ctxurl, map[i].frag))
			return map[i].key;
	return NULL;
}

/* Why a listing ({"value": ...} or {"data": ...}) holds only part of what
 * it lists, or NULL: an ARM list's nextLink, a Resource Graph skip token,
 * fewer records than its total, or a result Resource Graph truncated. */
static const char *paged(const aza_json *obj)
{
	const char *nl = aza_json_str(aza_json_get(obj, "nextLink"));
	if (nl && *nl)
		return "one page of a paged listing (nextLink is set): the later pages were not read";
	static const char *const tok[] = {"$skipToken", "skip_token", "skipToken"};
	for (size_t i = 0; i < sizeof tok / sizeof tok[0]; i++) {
		const char *t = aza_json_str(aza_json_get(obj, tok[i]));
		if (t && *t)
			return "one page of a Resource Graph result (a skip token is set): the later pages were not read";
	}
	double total, count;
	if ((aza_json_num(aza_json_get(obj, "totalRecords"), &total) ||
	     aza_json_num(aza_json_get(obj, "total_records"), &total)) &&
	    aza_json_num(aza_json_get(obj, "count"), &count) && total > count)
		return "a Resource Graph result with fewer records than its total: the rest was not read";
	const aza_json *tr = aza_json_get(obj, "resultTruncated");
	int b;
	if ((aza_json_str(tr) && aza__strieq(aza_json_str(tr), "true")) || (aza_json_bool(tr, &b) && b))
		return "a Resource Graph result that was truncated (resultTruncated): the rest was not read";
	return NULL;
}

static int top_object(rd *r, int *jsonl)
{
	aza_arena *a = r->def ? &r->def->a : aza_inv__arena(r->inv);
	size_t start = r->base + r->pos;
	if (!r->def)
		aza_inv__mark(r->inv);
	int rc = expect(r, '{', "expected '{'");
	if (rc)
		return rc;
	/* Members we keep whole, as a synthetic object (for classification). */
	aza_json *obj = aza_arena__alloc(a, sizeof *obj);
	if (!obj)
		return aza__err(r->ctx, AZA_ENOMEM, "out of memory");
	memset(obj, 0, sizeof *obj);
	obj->kind = AZA_JOBJ;
	obj->off = start;
	aza_json **tail = &obj->u.child;
	int streamed = 0, is_template = 0, is_graph = 0, is_ocsf = 0;
	const char *streamed_key = NULL;
	int c;
	if ((rc = peek(r, &c)))
		return rc;
	if (c == '}') {
		r->pos++;
		return aza__err(r->ctx, AZA_EINPUT, "%s: empty object: not a snapshot, resource list or resource",
		                r->name);
	}
	for (;;) {
		aza_json *k;
		if ((rc = peek(r, &c)))
			return rc;
		if (c != '"')
			return perr(r, r->base + r->pos, AZA_EPARSE, "expected a string key");
		if ((rc = value(r, a, &k)))
			return rc;
		if ((rc = expect(r, ':', "expected ':' after key")))
			return rc;
		if ((rc = peek(r, &c)))
			return rc;
		for (aza_json *x = obj->u.child; x; x = x->next)
			if (aza__strieq(x->key, k->u.s))
				return perr(r, k->off, AZA_EPARSE, "duplicate key in object");
		if (c == '[' && !is_template && !is_graph && !is_ocsf &&
		    (aza__strieq(k->u.s, "resources") || aza__strieq(k->u.s, "data") ||
		     aza__strieq(k->u.s, "value"))) {
			if ((rc = stream_array(r, k->u.s)))
				return rc;
			streamed = 1;
			streamed_key = k->u.s;
		} else {
			aza_json *v;
			if ((rc = value(r, a, &v)))
				return rc;
			v->key = k->u.s;
			*tail = v;
			tail = &v->next;
			obj->n++;
			if (aza__strieq(k->u.s, "$schema") && aza__istrstr(aza_json_str(v), "deploymentTemplate"))
				is_template = 1;
			if (aza__strieq(k->u.s, "@odata.context"))
				is_graph = 1;
			/* An OCSF finding: its "resources" are not ARM resources. */
			if (aza__strieq(k->u.s, "class_uid"))
				is_ocsf = 1;
		}
		if ((rc = peek(r, &c)))
			return rc;
		if (c == ',') {
			r->pos++;
			continue;
		}
		if (c == '}') {
			r->pos++;
			break;
		}
		if (c < 0)
			return perr(r, r->base + r->pos, AZA_EPARSE, "unexpected end of input");
		return perr(r, r->base + r->pos, AZA_EPARSE, "expected ',' or '}' after object member");
	}

	/* Classify what we read. */
	const aza_json *schema = aza_json_get(obj, "$schema");
	/* A report (one left in a scanned directory, or given by mistake) holds
	 * findings, not the tenant: the error names it as one, rather than
	 * "not an input" or its OCSF "resources" as resources without an id. */
	const char *report = NULL;
	if (is_ocsf && aza_json_get(obj, "finding_info"))
		report = "an OCSF finding";
	else if (aza_json_get(obj, "schema_version") && aza_json_get(obj, "findings"))
		report = "a JSON report";
	else if (aza__istrstr(aza_json_str(schema), "sarif") && aza_json_get(obj, "runs"))
		report = "a SARIF log";
	if (report && !streamed && !aza_json_get(obj, "id"))
		return aza__err(r->ctx, AZA_EINPUT,
		                "%s: %s of a scan (findings, not resources), not an input: reports are not read "
		                "back; scan the inputs it was made from, and keep reports out of a scanned directory",
		                r->name, report);
	/* A deployment ({"properties": {"template": {...}, "parameters": ...}}). */
	if (!is_template && !streamed &&
	    aza__istrstr(aza_json_str(aza_json_path(obj, "properties.template.$schema")), "deploymentTemplate"))
		is_template = 1;
	if (is_template) {
		struct aza_pos pos = {pos_fn, r, r->nl_off ? NULL : r->nl, r->nl_off ? 0 : r->nnl};
		if (r->def)
			return r->tmpl && r->tmpl->expand_off ? r->tmpl->expand_off(r->tmpl->ud, r->def, obj, r->name, &pos)
			                                      : bail(r);
		if (r->tmpl && r->tmpl->expand)
			return r->tmpl->expand(r->tmpl->ud, r->inv, obj, r->name, &pos);
		return aza__err(r->ctx, AZA_EINPUT, "%s: ARM templates are not supported by this build", r->name);
	}
	if (schema && aza__istrstr(aza_json_str(schema), "deploymentParameters"))
		return 0; /* a parameter file: read with its template */
	if (r->def)
		return bail(r);
	if (is_graph) {
		const char *key = graph_dataset(aza_json_str(aza_json_get(obj, "@odata.context")));
		if (!key)
			return aza__err(r->ctx, AZA_EINPUT, "%s: Microsoft Graph response of a kind azaudit does not read (%.120s)",
			                r->name, aza_json_str(aza_json_get(obj, "@odata.context")));
		return aza_inv__add_directory(r->inv, key, obj, r->name);
	}
	const aza_json *sv = aza_json_get(obj, "snapshot_version");
	if (sv || aza_json_get(obj, "meta") || aza_json_get(obj, "directory") || aza_json_get(obj, "errors") ||
	    aza_json_get(obj, "dataplane")) {
		if (sv) {
			const char *v = aza_json_str(sv);
			if (!v)
				return aza__err(r->ctx, AZA_EINPUT, "%s: \"snapshot_version\" must be a string", r->name);
			if (atoi(v) != atoi(AZA_SNAPSHOT_VERSION))
				return aza__err(r->ctx, AZA_EINPUT, "%s: snapshot version %s is not supported (this azaudit reads %s)",
				                r->name, v, AZA_SNAPSHOT_VERSION);
		}
		const aza_json *m = aza_json_get(obj, "meta");
		if (m && (rc = aza_inv__add_meta(r->inv, m, r->name)))
			return rc;
		const aza_json *d = aza_json_get(obj, "directory");
		if (d) {
			if (!aza_json_is(d, AZA_JOBJ))
				return aza__err(r->ctx, AZA_EINPUT, "%s: \"directory\" must be an object", r->name);
			aza_json_each(x, d)
				if ((rc = aza_inv__add_directory(r->inv, x->key, x, r->name)))
					return rc;
		}
		const aza_json *dp = aza_json_get(obj, "dataplane");
		if (dp) {
			if (!aza_json_is(dp, AZA_JOBJ))
				return aza__err(r->ctx, AZA_EINPUT, "%s: \"dataplane\" must be an object", r->name);
			if ((rc = aza_inv__add_dataplane(r->inv, dp)))
				return rc;
		}
		const aza_json *er = aza_json_get(obj, "errors");
		if (er) {
			if (!aza_json_is(er, AZA_JARR))
				return aza__err(r->ctx, AZA_EINPUT, "%s: \"errors\" must be an array", r->name);
			aza_json_each(x, er)
				if ((rc = aza_inv__add_gap(r->inv, x, r->name)))
					return rc;
		}
		const aza_json *res = aza_json_get(obj, "resources");
		if (res)
			return aza__err(r->ctx, AZA_EINPUT, "%s: \"resources\" must be an array", r->name);
		return 0;
	}
	if (streamed) {
		/* {"data": [...]} or {"value": [...]}: one page of a listing
		 * holds part of it, and an absence over it proves nothing. */
		const char *why = paged(obj);
		if (why) {
			aza__warn(r->ctx, "%s: %s: the rules give UNKNOWN where the rest could matter; merge every page "
			                  "into one list or collect with azaudit collect", r->name, why);
			/* A Resource Graph page may be any query's: its later pages
			 * may hold any type. An ARM list page lists one collection:
			 * the types it holds, or, when it holds none, any. */
			int any = aza__strieq(streamed_key, "data") || r->list_empty;
			if ((rc = any ? aza_inv__gap_all_types(r->inv, r->name, why)
			              : aza_inv__gap_since_mark(r->inv, r->name, why)))
				return rc;
		}
		return 0;
	}
	if (aza_json_get(obj, "id")) {
		/* A single resource (az ... show), possibly the first JSON Lines record. */
		rc = resource(r, obj, 0, "resource", 0);
		if (rc < 0)
			return rc;
		*jsonl = 1;
		return 0;
	}
	if (aza_json_get(obj, "resources"))
		return aza__err(r->ctx, AZA_EINPUT, "%s: \"resources\" must be an array", r->name);
	return aza__err(r->ctx, AZA_EINPUT,
	                "%s: not an input azaudit reads (expected a snapshot, an array of resources, "
	                "{\"data\": [...]}, {\"value\": [...]}, a resource, or an ARM template)", r->name);
}

static int read_all(rd *r)
{
	int c, rc = peek(r, &c);
	if (rc)
		return rc;
	if (c < 0)
		return aza__err(r->ctx, AZA_EINPUT, "%s: empty input", r->name);
	/* A UTF-8 byte order mark, as some editors write. */
	if (c == 0xef && r->len - r->pos >= 3 && (unsigned char)r->buf[r->pos + 1] == 0xbb &&
	    (unsigned char)r->buf[r->pos + 2] == 0xbf) {
		r->pos += 3;
		if ((rc = peek(r, &c)))
			return rc;
	}
	int jsonl = 0;
	if (c == '[') {
		if ((rc = stream_array(r, "[]")))
			return rc;
	} else if (c == '{') {
		if ((rc = top_object(r, &jsonl)))
			return rc;
	} else {
		return perr(r, r->base + r->pos, AZA_EPARSE, "expected a JSON object or array");
	}
	if ((rc = peek(r, &c)))
		return rc;
	if (c >= 0 && !jsonl)
		return perr(r, r->base + r->pos, AZA_EPARSE, "unexpected data after the JSON value");
	/* JSON Lines: one resource object per line. */
	aza_arena *a = &r->tmp;
	for (size_t i = 1; c >= 0; i++) {
		aza_arena_mark m = aza_arena__mark(a);
		aza_json *j;
		if ((rc = value(r, a, &j)))
			return rc;
		rc = resource(r, j, i, "line", 1);
		aza_arena__reset(a, m);
		if (rc < 0)
			return rc;
		if ((rc = peek(r, &c)))
			return rc;
	}
	return 0;
}

/* Read one input (gz, or the whole of it in mem) into the inventory, or,
 * with def, a template into def's events (*bail: it is not one). The
 * input's name is kept in *name and its size in *total. */
static int read_input(aza_ctx *ctx, aza_inv *inv, aza_tdefer *def, const char *name, gzFile gz, const char *mem,
                      size_t memlen, const struct aza_tmpl_hook *tmpl, int *bailed, double *total,
                      const char **kept_name)
{
	rd r;
	memset(&r, 0, sizeof r);
	*bailed = 0;
	*total = 0;
	r.ctx = ctx;
	r.inv = inv;
	r.def = def;
	r.gz = gz;
	r.lc_line = 1;
	r.tmpl = tmpl;
	r.name = aza_arena__strdup(def ? &def->a : aza_inv__arena(inv), name);
	*kept_name = r.name;
	if (!r.name)
		return aza__err(ctx, AZA_ENOMEM, "out of memory");
	if (!gz) {
		/* The whole input is there: parse it in place. */
		r.buf = (char *)mem;
		r.len = r.cap = memlen;
		r.borrowed = 1;
		r.eof = 1;
		r.total = (double)memlen;
		index_lines(&r, 0);
	}
	if (gz)
		gzbuffer(gz, 256 << 10);
	aza_arena__init(&r.tmp);
	int rc = read_all(&r);
	aza_arena__release(&r.tmp);
	if (!r.borrowed)
		aza__free(r.buf);
	aza__free(r.nl);
	*bailed = r.bail;
	*total = r.total;
	return rc;
}

static int read_stream(aza_ctx *ctx, aza_inv *inv, const char *name, gzFile gz, const char *mem,
                       size_t memlen, const struct aza_tmpl_hook *tmpl)
{
	int bailed;
	double total;
	const char *kept;
	int rc = read_input(ctx, inv, NULL, name, gz, mem, memlen, tmpl, &bailed, &total, &kept);
	if (rc == 0)
		aza_inv__note_input(inv, total);
	return rc;
}

/* Case-insensitive: exports saved on Windows are often "X.JSON". */
static int has_suffix(const char *s, const char *suf)
{
	return aza__iends(s, suf);
}

static int wanted_file(const char *name)
{
	return has_suffix(name, ".json") || has_suffix(name, ".jsonl") || has_suffix(name, ".json.gz") ||
	       has_suffix(name, ".jsonl.gz");
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int read_file(aza_ctx *ctx, aza_inv *inv, const char *path, const struct aza_tmpl_hook *tmpl);

/* ---- directories ----
 * A directory is listed first (the whole tree, in sorted order) into a
 * plan; then its files are read in that order. With two threads both
 * take the small files of the plan in turn, each the next one nobody
 * took, read them, and parse and expand the templates among them off the
 * inventory (aza_tdefer: into memory of their own, recording what the
 * expansion would do to the inventory). The calling thread, which owns the
 * inventory, goes through the plan in order: it replays each expanded
 * file, reads the others itself (big, gzip, not a template), and works on
 * files ahead when the next one is not ready; so the inventory, the
 * warnings and the first error are those of one thread. An error met
 * while listing is a step of the plan, reported when reading reaches it. */

#define AHEAD_FILES 64                 /* files read ahead of the parser, at most */
#define AHEAD_BYTES ((size_t)16 << 20) /* bytes read ahead, at most */
#define AHEAD_MAX ((size_t)1 << 20)    /* bigger files stream as before */

typedef struct step {
	char *path;   /* the file; NULL: an error met while listing */
	int err;      /* the error (path NULL) */
	char *msg;    /* its message (path NULL) */
	char *data;   /* read ahead: the file's bytes */
	size_t len;
	_Atomic int state; /* 0 not yet, 1 data read, 2 the parser opens it itself, 3 expanded */
	/* state 3: the expansion's events, then its error (rc, emsg), or the size read */
	const aza_tev *ev;
	const char *name, *emsg;
	int rc, oom;
	double total;
} step;

/* The threads hand steps over through state and done; they take the lock
 * only to sleep and to wake one that sleeps (waits says who). */
typedef struct plan {
	step *v;
	size_t n, cap;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	_Atomic size_t done;  /* steps the parser finished with */
	_Atomic size_t next;  /* the step the reader waits to read */
	_Atomic size_t ahead; /* bytes read and not yet parsed */
	_Atomic int stop;
	_Atomic int waits;    /* 1: the parser sleeps, 2: the reader sleeps */
	_Atomic size_t claim; /* the next step nobody took */
	const struct aza_tmpl_hook *tmpl;
	aza_tdefer off[2];    /* what each thread made: [0] the calling thread's */
} plan;

/* May the reader read step i? Once stopped it goes on only when the parser
 * has caught up halfway (slack 2), not at each step it finishes. */
static int reader_may_go(plan *p, size_t i, size_t slack)
{
	return atomic_load(&p->stop) ||
	       (i < atomic_load(&p->done) + AHEAD_FILES / slack && atomic_load(&p->ahead) <= AHEAD_BYTES / slack);
}

static void plan_wake(plan *p, int who, size_t i)
{
	if (atomic_load(&p->waits) == who && (who == 1 || reader_may_go(p, i, 2))) {
		pthread_mutex_lock(&p->mu);
		atomic_store(&p->waits, 0);
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
}

static step *plan_push(aza_ctx *ctx, plan *p)
{
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 256;
		step *v = aza__realloc(p->v, cap * sizeof *v);
		if (!v) {
			aza__err(ctx, AZA_ENOMEM, "out of memory");
			return NULL;
		}
		p->v = v;
		p->cap = cap;
	}
	step *st = &p->v[p->n++];
	memset(st, 0, sizeof *st);
	return st;
}

/* Record the error on ctx as the next step of the plan (1), or fail (<0). */
static int plan_error(aza_ctx *ctx, plan *p, int err)
{
	step *st = plan_push(ctx, p);
	if (!st)
		return AZA_ENOMEM;
	st->err = err;
	st->msg = aza__strdup(aza_errmsg(ctx));
	if (!st->msg) {
		p->n--;
		return aza__err(ctx, AZA_ENOMEM, "out of memory");
	}
	return 1;
}

/* List path into the plan: 0, 1 when an error step ends the listing, <0. */
static int list_dir(aza_ctx *ctx, plan *p, const char *path, int depth, size_t *nfiles)
{
	if (depth > 32)
		return plan_error(ctx, p, aza__err(ctx, AZA_ELIMIT, "%s: directories nested too deeply", path));
	DIR *d = opendir(path);
	if (!d)
		return plan_error(ctx, p, aza__err(ctx, AZA_EIO, "%s: cannot open directory: %s", path, strerror(errno)));
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue; /* hidden files and ., .. */
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			char **nn = aza__realloc(names, cap * sizeof *nn);
			if (!nn) {
				rc = aza__err(ctx, AZA_ENOMEM, "out of memory");
				break;
			}
			names = nn;
		}
		/* The type byte follows the name, to sort them together. */
		size_t l = strlen(e->d_name);
		names[n] = aza__malloc(l + 2);
		if (!names[n]) {
			rc = aza__err(ctx, AZA_ENOMEM, "out of memory");
			break;
		}
		memcpy(names[n], e->d_name, l + 1);
		names[n][l + 1] = (char)e->d_type;
		n++;
	}
	closedir(d);
	if (rc == 0)
		qsort(names, n, sizeof *names, cmp_str); /* deterministic order */
	for (size_t i = 0; i < n && rc == 0; i++) {
		size_t l = strlen(path) + strlen(names[i]) + 2;
		char *full = aza__malloc(l);
		if (!full) {
			rc = aza__err(ctx, AZA_ENOMEM, "out of memory");
			break;
		}
		aza__fmt(full, l, "%s%s%s", path, has_suffix(path, "/") ? "" : "/", names[i]);
		/* The directory entry's type spares a stat, except for links
		 * and file systems that do not tell it. */
		unsigned char dt = (unsigned char)names[i][strlen(names[i]) + 1];
		struct stat st;
		int isdir = dt == DT_DIR;
		if (dt != DT_DIR && dt != DT_REG)
			isdir = stat(full, &st) == 0 && S_ISDIR(st.st_mode);
		if (isdir) {
			rc = list_dir(ctx, p, full, depth + 1, nfiles);
		} else if (wanted_file(names[i])) {
			if (++*nfiles > AZA_MAX_FILES) {
				rc = plan_error(ctx, p, aza__err(ctx, AZA_ELIMIT, "%s: more than %d input files", path, AZA_MAX_FILES));
			} else {
				step *s = plan_push(ctx, p);
				if (!s)
					rc = AZA_ENOMEM;
				else
					s->path = full, full = NULL;
			}
		}
		aza__free(full);
	}
	for (size_t i = 0; i < n; i++)
		aza__free(names[i]);
	aza__free(names);
	return rc;
}

/* Read a small plain file whole into st (1), or leave it to the parser
 * (2): big, gzip, unreadable (the parser reports why). */
static int read_ahead(step *st)
{
	int fd = open(st->path, O_RDONLY | O_CLOEXEC);
	struct stat sb;
	if (fd < 0 || fstat(fd, &sb) || !S_ISREG(sb.st_mode) || (size_t)sb.st_size > AHEAD_MAX) {
		if (fd >= 0)
			close(fd);
		return 2;
	}
	size_t cap = (size_t)sb.st_size + 1, len = 0; /* + 1: sees a file that grew */
	char *b = aza__malloc(cap);
	while (b && len < cap) {
		ssize_t k = read(fd, b + len, cap - len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		len += (size_t)k;
	}
	close(fd);
	if (!b || len != (size_t)sb.st_size || (len >= 2 && (unsigned char)b[0] == 0x1f && (unsigned char)b[1] == 0x8b)) {
		aza__free(b);
		return 2;
	}
	st->data = b;
	st->len = len;
	return 1;
}

/* A warning of an expansion off the inventory: an event of its file. */
static void off_warn(void *ud, const char *msg)
{
	aza_tdefer *d = ud;
	aza_tev *ev = aza_arena__alloc(&d->a, sizeof *ev);
	char *m = ev ? aza_arena__strdup(&d->a, msg) : NULL;
	if (!m)
		return; /* out of memory: the warning is lost, nothing else */
	memset(ev, 0, sizeof *ev);
	ev->kind = AZA_TEV_WARN;
	ev->warn = m;
	*d->tail = ev;
	d->tail = &ev->next;
}

/* Read step i and, when it is a template, parse and expand it into d. */
static void produce(plan *p, aza_tdefer *d, size_t i)
{
	step *st = &p->v[i];
	int state = st->path ? read_ahead(st) : 2;
	if (state == 1 && p->tmpl && p->tmpl->expand_off && p->tmpl->replay) {
		int bailed;
		d->head = NULL;
		d->tail = &d->head;
		d->ctx.err[0] = 0;
		d->ctx.oom = 0;
		int rc = read_input(&d->ctx, NULL, d, st->path, NULL, st->data, st->len, p->tmpl, &bailed, &st->total,
		                    &st->name);
		if (!bailed) {
			st->ev = d->head;
			st->rc = rc;
			st->oom = d->ctx.oom;
			if (rc && rc != AZA_ENOMEM && !(st->emsg = aza_arena__strdup(&d->a, d->ctx.err)))
				st->rc = AZA_ENOMEM, st->oom = 1;
			aza__free(st->data); /* the tree holds copies */
			st->data = NULL;
			state = 3;
		}
	}
	atomic_fetch_add(&p->ahead, st->len);
	atomic_store(&st->state, state); /* last: hands the step over */
}

/* The second thread: takes the next step nobody took, while it is not too
 * far ahead of the calling thread. */
static void *ahead_thread(void *arg)
{
	plan *p = arg;
	while (!atomic_load(&p->stop)) {
		size_t i = atomic_load(&p->claim);
		if (i >= p->n)
			break;
		if (!reader_may_go(p, i, 1)) {
			pthread_mutex_lock(&p->mu);
			atomic_store(&p->next, i);
			atomic_store(&p->waits, 2);
			while (!reader_may_go(p, i, 2))
				pthread_cond_wait(&p->cv, &p->mu);
			pthread_mutex_unlock(&p->mu);
			continue;
		}
		if (!atomic_compare_exchange_weak(&p->claim, &i, i + 1))
			continue;
		produce(p, &p->off[1], i);
		plan_wake(p, 1, 0);
	}
	return NULL;
}

/* Add an expanded step to the inventory: its events, then its error. */
static int replay(aza_ctx *ctx, aza_inv *inv, const step *st, const struct aza_tmpl_hook *tmpl)
{
	int rc = tmpl->replay(tmpl->ud, inv, st->ev, st->name);
	if (rc)
		return rc;
	if (st->rc) {
		if (st->oom)
			aza__err(ctx, AZA_ENOMEM, "out of memory");
		if (st->rc != AZA_ENOMEM)
			aza__err(ctx, st->rc, "%s", st->emsg);
		return st->rc;
	}
	aza_inv__note_input(inv, st->total);
	return 0;
}

static int read_dir(aza_ctx *ctx, aza_inv *inv, const char *path, const struct aza_tmpl_hook *tmpl, size_t *nfiles)
{
	plan p;
	memset(&p, 0, sizeof p);
	int rc = list_dir(ctx, &p, path, 0, nfiles);
	if (rc < 0)
		goto out;
	rc = 0;
	int threaded = 0;
	pthread_t th;
	p.tmpl = tmpl;
	for (int k = 0; k < 2; k++) {
		aza_arena__init(&p.off[k].a);
		p.off[k].ctx.cfg = ctx->cfg; /* read only */
		if (ctx->warn) {
			p.off[k].ctx.warn = off_warn;
			p.off[k].ctx.warn_ud = &p.off[k];
		}
	}
	if (aza_input__threads() > 1 && p.n > 1) {
		if (pthread_mutex_init(&p.mu, NULL) == 0) {
			if (pthread_cond_init(&p.cv, NULL) == 0) {
				if (pthread_create(&th, NULL, ahead_thread, &p) == 0)
					threaded = 1;
				else
					pthread_cond_destroy(&p.cv);
			}
			if (!threaded)
				pthread_mutex_destroy(&p.mu);
		}
	}
	for (size_t i = 0; i < p.n && rc == 0; i++) {
		step *st = &p.v[i];
		int state = 2;
		while (threaded && !(state = atomic_load(&st->state))) {
			/* Not ready: work on the next file nobody took, or wait. */
			size_t j = atomic_load(&p.claim);
			if (j < p.n && j < i + AHEAD_FILES) {
				if (atomic_compare_exchange_strong(&p.claim, &j, j + 1))
					produce(&p, &p.off[0], j);
				continue;
			}
			pthread_mutex_lock(&p.mu);
			atomic_store(&p.waits, 1);
			while (!(state = atomic_load(&st->state)))
				pthread_cond_wait(&p.cv, &p.mu);
			pthread_mutex_unlock(&p.mu);
		}
		if (!st->path)
			rc = aza__err(ctx, st->err, "%s", st->msg);
		else if (state == 3)
			rc = replay(ctx, inv, st, tmpl);
		else if (state == 1)
			rc = read_stream(ctx, inv, st->path, NULL, st->data, st->len, tmpl);
		else
			rc = read_file(ctx, inv, st->path, tmpl);
		if (threaded) {
			atomic_fetch_sub(&p.ahead, st->len);
			atomic_store(&p.done, i + 1);
			plan_wake(&p, 2, atomic_load(&p.next));
		}
		aza__free(st->data);
		st->data = NULL;
		st->len = 0;
	}
	if (threaded) {
		pthread_mutex_lock(&p.mu);
		atomic_store(&p.stop, 1);
		pthread_cond_broadcast(&p.cv);
		pthread_mutex_unlock(&p.mu);
		pthread_join(th, NULL);
		pthread_cond_destroy(&p.cv);
		pthread_mutex_destroy(&p.mu);
	}
	/* The inventory may point into what either thread made. */
	for (int k = 0; k < 2; k++)
		aza_arena__adopt(aza_inv__arena(inv), &p.off[k].a);
out:
	for (size_t i = 0; i < p.n; i++) {
		aza__free(p.v[i].path);
		aza__free(p.v[i].msg);
		aza__free(p.v[i].data);
	}
	aza__free(p.v);
	return rc;
}

static int read_file(aza_ctx *ctx, aza_inv *inv, const char *path, const struct aza_tmpl_hook *tmpl)
{
	gzFile gz = gzopen(path, "rb");
	if (!gz)
		return aza__err(ctx, AZA_EIO, "%s: cannot open: %s", path, strerror(errno ? errno : ENOMEM));
	int rc = read_stream(ctx, inv, path, gz, NULL, 0, tmpl);
	gzclose(gz);
	return rc;
}

int aza_input__path(aza_ctx *ctx, aza_inv *inv, const char *path, const struct aza_tmpl_hook *tmpl)
{
	if (strcmp(path, "-") == 0) {
		int fd = dup(0);
		if (fd < 0)
			return aza__err(ctx, AZA_EIO, "stdin: %s", strerror(errno));
		gzFile gz = gzdopen(fd, "rb");
		if (!gz) {
			close(fd);
			return aza__err(ctx, AZA_ENOMEM, "out of memory");
		}
		int rc = read_stream(ctx, inv, "<stdin>", gz, NULL, 0, tmpl);
		gzclose(gz);
		return rc;
	}
	struct stat st;
	if (stat(path, &st) != 0)
		return aza__err(ctx, errno == ENOENT ? AZA_ENOTFOUND : AZA_EIO, "%s: %s", path, strerror(errno));
	if (S_ISDIR(st.st_mode)) {
		size_t nfiles = 0;
		int rc = read_dir(ctx, inv, path, tmpl, &nfiles);
		if (rc == 0 && nfiles == 0)
			return aza__err(ctx, AZA_EINPUT, "%s: no *.json, *.jsonl or *.json.gz files below this directory", path);
		return rc;
	}
	return read_file(ctx, inv, path, tmpl);
}

int aza_input__buffer(aza_ctx *ctx, aza_inv *inv, const char *name, const char *data, size_t len,
                      const struct aza_tmpl_hook *tmpl)
{
	return read_stream(ctx, inv, name, NULL, data, len, tmpl);
}
