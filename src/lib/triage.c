/*
 * triage.c - what happens to findings between the rule engine and the
 * reports: suppressions (accepted risks), baselines (what is new since a
 * previous report) and frameworks (per-control reporting from data files).
 * docs/suppressions.md and docs/frameworks.md describe the files.
 */
#include "triage.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "../rules/rule.h"
#include "scan.h"

#ifndef AZA_DATADIR
#define AZA_DATADIR "/usr/local/share/azaudit"
#endif

static struct aza_triage *triage_of(aza_scan *s)
{
	if (!s->triage) {
		s->triage = aza__malloc(sizeof *s->triage);
		if (!s->triage)
			return NULL;
		memset(s->triage, 0, sizeof *s->triage);
		aza_arena__init(&s->triage->a);
	}
	return s->triage;
}

void aza_triage__free(struct aza_triage *t)
{
	if (!t)
		return;
	aza__free(t->resolved);
	if (t->fw) {
		for (size_t i = 0; i < t->fw->nctl; i++)
			aza__free(t->fw->ctl[i].rules);
		aza__free(t->fw->ctl);
		aza__free(t->fw->gap);
		aza__free(t->fw);
	}
	aza_arena__release(&t->a);
	aza__free(t);
}

int aza_triage__read(aza_ctx *ctx, const char *path, size_t max, aza_buf *b)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return aza__err(ctx, AZA_EIO, "%s: cannot open: %s", path, strerror(errno));
	aza_buf__init(b, max);
	char tmp[65536];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, fp)) > 0)
		if (aza_buf__add(b, tmp, n)) {
			fclose(fp);
			aza_buf__release(b);
			return aza__err(ctx, AZA_ELIMIT, "%s: file larger than %zu MiB", path, max >> 20);
		}
	int bad = ferror(fp);
	fclose(fp);
	if (bad) {
		aza_buf__release(b);
		return aza__err(ctx, AZA_EIO, "%s: cannot read", path);
	}
	return 0;
}

/* Parse a whole JSON file into arena a; messages name file:line:col. */
static int parse_file(aza_ctx *ctx, aza_arena *a, const char *path, size_t max, aza_buf *b, aza_json **out)
{
	int rc = aza_triage__read(ctx, path, max, b);
	if (rc)
		return rc;
	aza_jerr e;
	rc = aza_json__parse_all(a, b->p ? b->p : "", b->len, out, &e);
	if (rc) {
		unsigned long line, col;
		aza_json__linecol(b->p ? b->p : "", b->len, e.off, &line, &col);
		aza_buf__release(b);
		return aza__err(ctx, rc == AZA_ENOMEM ? AZA_ENOMEM : rc, "%s:%lu:%lu: %s", path, line, col, e.what);
	}
	return 0;
}

static unsigned long line_of(const aza_buf *b, const aza_json *j)
{
	unsigned long line, col;
	aza_json__linecol(b->p ? b->p : "", b->len, j->off, &line, &col);
	return line;
}

/* ---- suppressions ---- */

typedef struct supp {
	const char *rule, *resource, *subscription, *reason, *owner, *expires;
	const aza_json *tags;
	int is_regex;
	regex_t re;
	double expires_at; /* first second after the expiry date; 0 = never */
	unsigned long line;
	size_t matched;
} supp;

/* "2027-01-31" or "2027-01-31T12:00:00Z": the moment the entry stops applying.
 * A bare date is valid through that day (UTC). */
/* Why a suppression's regular expression is refused before regcomp, or
 * NULL. glibc compiles a bounded repeat by copying its operand: nested
 * bounds multiply, and ((a{255}){255}){255} takes seconds and gigabytes;
 * back-references make matching exponential. Resource ids are short, so
 * no useful pattern comes near these limits. */
static const char *regex_cost(const char *pat)
{
	if (strlen(pat) > 1024)
		return "longer than 1024 characters";
	double cost = 1;
	for (const char *p = pat; *p; p++) {
		if (*p == '\\' && p[1]) {
			if (p[1] >= '1' && p[1] <= '9')
				return "back-references (\\1 to \\9) are not supported";
			p++;
			continue;
		}
		if (*p != '{')
			continue;
		/* {m}, {m,} or {m,n}: the largest count the operand is copied. */
		char *e;
		unsigned long m = strtoul(p + 1, &e, 10), n = m;
		if (e == p + 1)
			continue;
		if (*e == ',')
			n = e[1] == '}' ? m : strtoul(e + 1, &e, 10);
		cost *= (double)(n > 1 ? n : 1);
		if (cost > 100000)
			return "its bounded repeats ({m,n}) multiply to more than 100000 copies";
	}
	return NULL;
}

static int parse_expiry(const char *s, double *out)
{
	int timed;
	if (aza__iso_time(s, out, &timed))
		return -1;
	if (!timed)
		*out += 86400.0;
	return 0;
}

/* The resource's tags; its stored text is parsed into a (released by the caller). */
static const aza_json *tags_of(aza_scan *s, const aza_finding *f, aza_arena *a)
{
	const aza_res *r = aza_inv_find(s->inv, f->resource_id);
	return aza_json_get(aza_inv__doc(s->inv, r, a, NULL), "tags");
}

static int supp_matches(aza_scan *s, const supp *e, const aza_finding *f)
{
	if (!aza__glob(e->rule, f->rule->id))
		return 0;
	if (e->resource) {
		if (e->is_regex) {
			if (regexec(&e->re, f->resource_id, 0, NULL, 0) != 0)
				return 0;
		} else if (!aza__glob(e->resource, f->resource_id)) {
			return 0;
		}
	}
	if (e->subscription && !aza__strieq(e->subscription, f->subscription_id) &&
	    !aza__strieq(e->subscription, aza_inv_sub_name(s->inv, f->subscription_id)))
		return 0;
	if (e->tags) {
		aza_arena ta;
		aza_arena__init(&ta);
		const aza_json *have = tags_of(s, f, &ta);
		int match = 1;
		aza_json_each(t, e->tags) {
			const char *want = aza_json_str(t);
			const aza_json *v = aza_json_get(have, t->key);
			if (!v || !aza_json_str(v) || (want && strcmp(want, "*") && !aza__strieq(want, aza_json_str(v)))) {
				match = 0;
				break;
			}
		}
		aza_arena__release(&ta);
		if (!match)
			return 0;
	}
	return 1;
}

static const char *jstr(const aza_json *o, const char *key)
{
	return aza_json_str(aza_json_get(o, key));
}

int aza_scan_suppress(aza_scan *s, const char *path)
{
	struct aza_triage *t = triage_of(s);
	if (!t)
		return aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	aza_buf b;
	aza_json *j;
	int rc = parse_file(s->ctx, &t->a, path, (size_t)64 << 20, &b, &j);
	if (rc)
		return rc;
	const aza_json *list = aza_json_is(j, AZA_JARR) ? j : aza_json_get(j, "suppressions");
	if (!aza_json_is(list, AZA_JARR)) {
		aza_buf__release(&b);
		return aza__err(s->ctx, AZA_EINPUT, "%s: expected {\"suppressions\": [...]} (see docs/suppressions.md)", path);
	}
	size_t n = aza_json_len(list), k = 0;
	supp *e = aza__malloc((n + 1) * sizeof *e);
	if (!e) {
		aza_buf__release(&b);
		return aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	}
	memset(e, 0, (n + 1) * sizeof *e);
	static const char *const known[] = {"rule", "resource", "subscription", "tags", "reason", "expires", "owner", "comment"};
	aza_json_each(it, list) {
		supp *x = &e[k];
		x->line = line_of(&b, it);
		if (!aza_json_is(it, AZA_JOBJ)) {
			rc = aza__err(s->ctx, AZA_EINPUT, "%s:%lu: a suppression must be an object", path, x->line);
			break;
		}
		aza_json_each(m, it) {
			int ok = 0;
			for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
				ok |= aza__strieq(m->key, known[i]);
			if (!ok) {
				rc = aza__err(s->ctx, AZA_EINPUT, "%s:%lu: unknown field \"%s\" (see docs/suppressions.md)", path,
				              line_of(&b, m), m->key);
				break;
			}
		}
		if (rc)
			break;
		x->rule = jstr(it, "rule");
		x->resource = jstr(it, "resource");
		x->subscription = jstr(it, "subscription");
		x->reason = jstr(it, "reason");
		x->owner = jstr(it, "owner");
		x->expires = jstr(it, "expires");
		x->tags = aza_json_get(it, "tags");
		if (!x->rule || !*x->rule) {
			rc = aza__err(s->ctx, AZA_EINPUT, "%s:%lu: a suppression needs a \"rule\" (an id or a glob)", path, x->line);
			break;
		}
		if (!x->reason || !*x->reason) {
			rc = aza__err(s->ctx, AZA_EINPUT, "%s:%lu: a suppression needs a \"reason\"", path, x->line);
			break;
		}
		if (x->tags && !aza_json_is(x->tags, AZA_JOBJ)) {
			rc = aza__err(s->ctx, AZA_EINPUT, "%s:%lu: \"tags\" must be an object of tag name to value", path, x->line);
			break;
		}
		if (x->expires && parse_expiry(x->expires, &x->expires_at)) {
			rc = aza__err(s->ctx, AZA_EINPUT, "%s:%lu: \"expires\" must be a date (YYYY-MM-DD): \"%s\"", path, x->line,
			              x->expires);
			break;
		}
		size_t rl = x->resource ? strlen(x->resource) : 0;
		if (rl >= 2 && x->resource[0] == '/' && x->resource[rl - 1] == '/') {
			char *pat = aza_arena__strndup(&t->a, x->resource + 1, rl - 2);
			if (!pat) {
				rc = aza__err(s->ctx, AZA_ENOMEM, "out of memory");
				break;
			}
			const char *big = regex_cost(pat);
			if (big) {
				rc = aza__err(s->ctx, AZA_ELIMIT, "%s:%lu: regular expression %s: %s", path, x->line, x->resource, big);
				break;
			}
			int rr = regcomp(&x->re, pat, REG_EXTENDED | REG_ICASE | REG_NOSUB);
			if (rr) {
				char why[256];
				regerror(rr, &x->re, why, sizeof why);
				rc = aza__err(s->ctx, AZA_EINPUT, "%s:%lu: bad regular expression %s: %s", path, x->line, x->resource,
				              why);
				break;
			}
			x->is_regex = 1;
		}
		k++;
	}
	if (rc == 0) {
		for (size_t i = 0; i < s->l.nf && rc == 0; i++) {
			const aza_frec *r = aza_scan__rec(s, i);
			if (r->status != AZA_FAIL && r->status != AZA_UNKNOWN && r->status != AZA_MANUAL)
				continue;
			aza_finding f;
			aza_scan__view(s, i, &f);
			for (size_t q = 0; q < k; q++) {
				if (e[q].expires_at && s->now >= e[q].expires_at)
					continue;
				if (!supp_matches(s, &e[q], &f))
					continue;
				aza_fx *x = aza_scan__fx(s, i);
				if (!x) {
					rc = AZA_ENOMEM;
					break;
				}
				e[q].matched++;
				aza_frec *w = aza_scan__recw(s, i);
				FREC_SET_SUPST(w, w->status);
				w->status = AZA_SUPPRESSED;
				x->suppress_reason = e[q].reason;
				x->suppress_owner = e[q].owner;
				x->suppress_expires = e[q].expires;
				break;
			}
		}
		for (size_t q = 0; q < k; q++) {
			if (e[q].expires_at && s->now >= e[q].expires_at)
				aza__warn(s->ctx, "%s:%lu: suppression of %s expired on %s and no longer applies%s%s", path,
				          e[q].line, e[q].rule, e[q].expires, e[q].owner ? " (owner: " : "",
				          e[q].owner ? e[q].owner : "");
			else if (!e[q].matched)
				aza__warn(s->ctx, "%s:%lu: suppression of %s%s%s matched no FAIL, UNKNOWN or MANUAL finding", path,
				          e[q].line, e[q].rule, e[q].resource ? " on " : "", e[q].resource ? e[q].resource : "");
		}
	}
	for (size_t q = 0; q < n; q++)
		if (e[q].is_regex)
			regfree(&e[q].re);
	aza__free(e);
	/* Strings stay in the triage arena; the file text is no longer needed
	 * because the parser copied them. */
	aza_buf__release(&b);
	return rc;
}

/* ---- baselines ----
 *
 * A baseline is a previous JSON report, as big as the scan's own: 670 MB
 * at 100k bench resources, 6.7 GB at 1M. Parsed whole it took 2 GB at
 * 100k. It is now mapped (a gzip one, or one from a pipe, copied into a
 * temporary file first; into memory only when no temporary file can be
 * made) and walked one finding at a time, each parsed into a scratch arena
 * that is reset; what is kept per finding is a 32-byte entry and its
 * resource id, once per resource. The pages behind the walk are let go as
 * it goes, and a finding that turns out resolved is parsed again from its
 * place in the file. */

#define NO_RULE 0xffff /* a rule id the catalogue no longer has */
#define NO_STATUS 0xff

typedef struct bentry {
	uint64_t h;      /* key_hash of its rule and resource id */
	const char *res; /* its resource id, interned (compared in any case) */
	uint64_t off;    /* where its object starts in the file */
	uint16_t rule;   /* rule index, NO_RULE */
	uint8_t st;      /* its verdict (a suppressed one's suppressed_status), NO_STATUS */
	uint8_t seen;    /* this scan has the same rule, resource and verdict */
} bentry;

typedef struct bwalk {
	aza_scan *s;
	const char *path, *buf;
	size_t len;
	int mapped;       /* buf is a mapping whose pages can be let go */
	size_t let_go;    /* bytes of buf before this were let go */
	aza_arena tmp;    /* one value at a time */
	aza_jintern *ids; /* resource ids */
	bentry *e;
	size_t n, cap;
	size_t rule_hint;
} bwalk;

static uint64_t key_hash(size_t rule, const char *res)
{
	return ((uint64_t)rule + 1) * 0x9e3779b97f4a7c15ULL ^ aza__ihash(res, strlen(res));
}

/* The verdict a finding stands for: a suppressed FAIL is still a FAIL. */
static aza_status verdict(const aza_frec *f)
{
	return f->status == AZA_SUPPRESSED ? FREC_SUPST(f) : (aza_status)f->status;
}

static unsigned status_of(const char *name)
{
	for (int k = 0; k < AZA_STATUS_COUNT; k++)
		if (aza__strieq(aza_status_name((aza_status)k), name))
			return (unsigned)k;
	return NO_STATUS;
}

/* Reports list findings rule by rule: the last rule found is tried first. */
static unsigned rule_index(bwalk *w, const char *id)
{
	size_t n = aza_rule_count();
	if (w->rule_hint < n && aza__strieq(aza_rule_at(w->rule_hint)->id, id))
		return (unsigned)w->rule_hint;
	for (size_t i = 0; i < n; i++)
		if (aza__strieq(aza_rule_at(i)->id, id))
			return (unsigned)(w->rule_hint = i);
	return NO_RULE;
}

static int walk_err(bwalk *w, int code, size_t off, const char *what)
{
	unsigned long line, col;
	aza_json__linecol(w->buf, w->len, off, &line, &col);
	return aza__err(w->s->ctx, code, "%s:%lu:%lu: %s", w->path, line, col, what);
}

static void skip_ws(const bwalk *w, size_t *i)
{
	while (*i < w->len && (w->buf[*i] == ' ' || w->buf[*i] == '\n' || w->buf[*i] == '\t' || w->buf[*i] == '\r'))
		(*i)++;
}

/* One value at *i into w->tmp (reset by the caller). */
static int walk_value(bwalk *w, size_t *i, aza_json **out)
{
	aza_jerr e;
	int rc = aza_json__parse_in(&w->tmp, NULL, w->buf, w->len, i, 1, 0, AZA_MAX_DEPTH, out, &e);
	if (rc)
		return walk_err(w, rc == AZA_ENOMEM ? AZA_ENOMEM : rc, e.off, e.what);
	/* Let the pages behind go, 16 MiB at a time (they are the file's). */
	if (w->mapped && *i > w->let_go && *i - w->let_go >= ((size_t)16 << 20)) {
		size_t upto = *i & ~(((size_t)16 << 20) - 1);
		(void)madvise((void *)w->buf, upto, MADV_DONTNEED);
		w->let_go = upto;
	}
	return 0;
}

/* After a member or element: 1 past a ',', 0 past the closing bracket,
 * else the error (negative). */
static int walk_sep(bwalk *w, size_t *i, char close)
{
	skip_ws(w, i);
	if (*i < w->len && w->buf[*i] == ',') {
		(*i)++;
		return 1;
	}
	if (*i < w->len && w->buf[*i] == close) {
		(*i)++;
		return 0;
	}
	return walk_err(w, AZA_EPARSE, *i,
	                *i >= w->len ? "unexpected end of input" : close == ']' ? "expected ',' or ']'" : "expected ',' or '}'");
}

/* Keep what matching needs of the finding at off. */
static int keep_finding(bwalk *w, const aza_json *it, size_t off)
{
	const char *rule = jstr(it, "rule_id"), *res = jstr(it, "resource_id"), *st = jstr(it, "status");
	if (!rule || !res || !st)
		return 0;
	if (aza__strieq(st, "SUPPRESSED") && jstr(it, "suppressed_status"))
		st = jstr(it, "suppressed_status");
	if (w->n == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 1024;
		bentry *e = aza__realloc(w->e, cap * sizeof *e);
		if (!e)
			return aza__err(w->s->ctx, AZA_ENOMEM, "out of memory");
		w->e = e;
		w->cap = cap;
	}
	unsigned ri = rule_index(w, rule);
	const char *id = aza_jintern__get(w->ids, res, strlen(res));
	if (!id)
		return aza__err(w->s->ctx, AZA_ENOMEM, "out of memory");
	w->e[w->n++] = (bentry){key_hash(ri, id), id, off, (uint16_t)ri, (uint8_t)status_of(st), 0};
	return 0;
}

/* One member of the top-level object at *i: the "findings" array one
 * element at a time, anything else parsed (it must be JSON) and dropped. */
static int walk_member(bwalk *w, size_t *i, int *have)
{
	aza_arena_mark m = aza_arena__mark(&w->tmp);
	aza_json *k;
	int rc = walk_value(w, i, &k);
	if (rc)
		return rc;
	if (!aza_json_is(k, AZA_JSTR))
		return walk_err(w, AZA_EPARSE, k->off, "expected a string key");
	int findings = !strcmp(aza_json_str(k), "findings");
	aza_arena__reset(&w->tmp, m);
	skip_ws(w, i);
	if (*i >= w->len || w->buf[*i] != ':')
		return walk_err(w, AZA_EPARSE, *i, "expected ':'");
	(*i)++;
	skip_ws(w, i);
	if (!findings) {
		aza_json *v;
		rc = walk_value(w, i, &v);
		aza_arena__reset(&w->tmp, m);
		return rc;
	}
	if (*have)
		return walk_err(w, AZA_EPARSE, *i, "duplicate key \"findings\"");
	if (*i >= w->len || w->buf[*i] != '[')
		return walk_err(w, AZA_EINPUT, *i, "not an azaudit JSON report (\"findings\" is not an array)");
	*have = 1;
	(*i)++;
	skip_ws(w, i);
	if (*i < w->len && w->buf[*i] == ']') {
		(*i)++;
		return 0;
	}
	do {
		skip_ws(w, i);
		size_t at = *i;
		aza_json *it;
		if ((rc = walk_value(w, i, &it)) || (rc = keep_finding(w, it, at)))
			return rc;
		aza_arena__reset(&w->tmp, m);
	} while ((rc = walk_sep(w, i, ']')) > 0);
	return rc;
}

/* The top-level object, member by member. */
static int walk_report(bwalk *w)
{
	size_t i = 0;
	int have = 0, rc;
	if (w->len >= 3 && (unsigned char)w->buf[0] == 0xef && (unsigned char)w->buf[1] == 0xbb &&
	    (unsigned char)w->buf[2] == 0xbf)
		i = 3;
	skip_ws(w, &i);
	if (i >= w->len || w->buf[i] != '{')
		return walk_err(w, i >= w->len ? AZA_EPARSE : AZA_EINPUT, i,
		                i >= w->len ? "unexpected end of input" : "not an azaudit JSON report (not a JSON object)");
	i++;
	skip_ws(w, &i);
	if (i < w->len && w->buf[i] == '}') {
		i++;
	} else {
		do {
			skip_ws(w, &i);
			if ((rc = walk_member(w, &i, &have)))
				return rc;
		} while ((rc = walk_sep(w, &i, '}')) > 0);
		if (rc < 0)
			return rc;
	}
	skip_ws(w, &i);
	if (i < w->len)
		return walk_err(w, AZA_EPARSE, i, "unexpected data after the JSON value");
	if (!have)
		return aza__err(w->s->ctx, AZA_EINPUT, "%s: not an azaudit JSON report (no \"findings\" array)", w->path);
	return 0;
}

/* Mark each finding new or unchanged; list the baseline's problems this
 * scan no longer reports, in baseline order. */
static int match(bwalk *w, struct aza_triage *t)
{
	aza_scan *s = w->s;
	size_t cap = 16;
	while (cap < w->n * 2)
		cap *= 2;
	uint32_t *ix = aza__malloc(cap * sizeof *ix); /* 1-based entry index; 0 empty */
	if (!ix || w->n >= UINT32_MAX) {
		aza__free(ix);
		return aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	}
	memset(ix, 0, cap * sizeof *ix);
	for (size_t k = 0; k < w->n; k++) {
		size_t i = (size_t)w->e[k].h & (cap - 1);
		while (ix[i])
			i = (i + 1) & (cap - 1);
		ix[i] = (uint32_t)(k + 1);
	}
	/* Each finding: unchanged when the baseline had the same rule, resource
	 * and verdict; new otherwise (a changed verdict is new). */
	for (size_t k = 0; k < s->l.nf; k++) {
		aza_frec *f = aza_scan__recw(s, k);
		uint64_t h = key_hash(f->rule, f->res->id);
		aza_status v = verdict(f);
		FREC_SET_BASE(f, AZA_BASELINE_NEW);
		for (size_t i = (size_t)h & (cap - 1); ix[i]; i = (i + 1) & (cap - 1)) {
			bentry *x = &w->e[ix[i] - 1];
			if (x->h == h && x->rule == f->rule && x->st == (unsigned)v && aza__strieq(x->res, f->res->id)) {
				FREC_SET_BASE(f, AZA_BASELINE_UNCHANGED);
				x->seen = 1;
				break;
			}
		}
	}
	aza__free(ix);
	/* Resolved: problems of the baseline (not PASS, not NOT_APPLICABLE)
	 * that this scan no longer reports with the same verdict. */
	size_t nres = 0;
	for (size_t k = 0; k < w->n; k++)
		nres += !w->e[k].seen && w->e[k].st != AZA_PASS && w->e[k].st != AZA_NOT_APPLICABLE;
	aza__free(t->resolved);
	t->nresolved = 0;
	if (!(t->resolved = aza__malloc((nres + 1) * sizeof *t->resolved)))
		return aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	/* The resolved ones are read again front to back: let the pages go as
	 * that walk passes them too. */
	if (w->mapped) {
		(void)madvise((void *)w->buf, w->len, MADV_DONTNEED);
		w->let_go = 0;
	}
	for (size_t k = 0; k < w->n; k++) {
		const bentry *x = &w->e[k];
		if (x->seen || x->st == AZA_PASS || x->st == AZA_NOT_APPLICABLE)
			continue;
		size_t at = (size_t)x->off;
		aza_arena_mark m = aza_arena__mark(&w->tmp);
		aza_json *it;
		int rc = walk_value(w, &at, &it);
		if (rc)
			return rc;
		const char *st = jstr(it, "status");
		if (aza__strieq(st, "SUPPRESSED") && jstr(it, "suppressed_status"))
			st = jstr(it, "suppressed_status");
		const char *msg = jstr(it, "message");
		aza_resolved *z = &t->resolved[t->nresolved++];
		z->rule_id = aza_arena__strdup(&t->a, jstr(it, "rule_id"));
		z->resource_id = aza_arena__strdup(&t->a, jstr(it, "resource_id"));
		z->status = aza_arena__strdup(&t->a, st);
		z->message = aza_arena__strdup(&t->a, msg ? msg : "");
		aza_arena__reset(&w->tmp, m);
		if (!z->rule_id || !z->resource_id || !z->status || !z->message)
			return aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	}
	return 0;
}

/* A gzip baseline (reports are often kept compressed), or one that cannot
 * be mapped (a pipe: `--baseline <(zcat old.json.gz)`, standard input), is
 * copied into an unlinked temporary file, returned in *out to be mapped
 * like a plain file, or into mem when no temporary file can be made. zlib
 * inflates a gzip stream and passes anything else through as it is, so a
 * piped baseline may be compressed or not. */
static int spool(aza_scan *s, const char *path, int stdin_, int *out, aza_buf *mem)
{
	*out = -1;
	int in = stdin_ ? dup(STDIN_FILENO) : -1;
	gzFile gz = stdin_ ? (in >= 0 ? gzdopen(in, "rb") : NULL) : gzopen(path, "rb");
	if (!gz) {
		int e = errno;
		if (in >= 0)
			close(in);
		return aza__err(s->ctx, AZA_EIO, "%s: cannot open: %s", path, strerror(e));
	}
	int fd = aza__tmpfile("azaudit-baseline"), rc = 0;
	size_t cap = (size_t)1 << 20;
	uint64_t at = 0;
	char *buf = aza__malloc(cap);
	if (!buf)
		rc = aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	if (fd < 0)
		aza_buf__init(mem, (size_t)2048 << 20);
	while (!rc) {
		int n = gzread(gz, buf, (unsigned)cap), zerr = Z_OK;
		const char *m = n <= 0 ? gzerror(gz, &zerr) : NULL;
		size_t pl = strlen(path);
		if (m && !strncmp(m, path, pl) && m[pl] == ':' && m[pl + 1] == ' ')
			m += pl + 2; /* zlib names the file too */
		if (n < 0 || (n == 0 && zerr != Z_OK && zerr != Z_STREAM_END))
			rc = aza__err(s->ctx, AZA_EPARSE, "%s: %s (truncated or corrupt gzip?)", path,
			              n < 0 && zerr == Z_ERRNO ? strerror(errno) : m);
		else if (n == 0)
			break;
		else if (fd >= 0 && aza__file_io(fd, buf, (size_t)n, at, 1))
			rc = aza__err(s->ctx, AZA_EIO, "%s: cannot write its copy to a temporary file: %s", path, strerror(errno));
		else if (fd < 0 && aza_buf__add(mem, buf, (size_t)n))
			rc = aza__err(s->ctx, mem->oom && mem->len < ((size_t)2048 << 20) ? AZA_ENOMEM : AZA_ELIMIT,
			              "%s: larger than 2048 MiB (inflated; and no temporary file to copy it to)", path);
		at += (uint64_t)(n > 0 ? n : 0);
	}
	aza__free(buf);
	gzclose(gz);
	if (rc && fd >= 0)
		close(fd);
	else
		*out = fd;
	return rc;
}

int aza_scan_baseline(aza_scan *s, const char *path)
{
	struct aza_triage *t = triage_of(s);
	if (!t)
		return aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	bwalk w;
	memset(&w, 0, sizeof w);
	w.s = s;
	aza_arena__init(&w.tmp);
	aza_buf b;
	aza_buf__init(&b, 0);
	void *map = MAP_FAILED;
	struct stat st;
	int stdin_ = !strcmp(path, "-");
	if (stdin_)
		path = "<stdin>"; /* as inputs name it, in messages */
	w.path = path;
	int fd = stdin_ ? dup(STDIN_FILENO) : open(path, O_RDONLY | O_CLOEXEC), rc = 0;
	if (fd < 0)
		return aza__err(s->ctx, AZA_EIO, "%s: cannot open: %s", path, strerror(errno));
	unsigned char magic[2] = {0, 0};
	int regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	/* Copied first: a gzip file, and what cannot be mapped (a pipe). */
	int copied = !regular || (pread(fd, magic, 2, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b);
	if (copied) {
		close(fd);
		if ((rc = spool(s, path, stdin_, &fd, &b)) == 0 && fd >= 0 && fstat(fd, &st) != 0)
			st.st_size = 0;
	}
	if (!rc && fd >= 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (fd >= 0)
		close(fd);
	if (rc) {
		/* spool said why */
	} else if (map != MAP_FAILED) {
		w.buf = map;
		w.len = (size_t)st.st_size;
		w.mapped = 1;
		(void)madvise(map, w.len, MADV_SEQUENTIAL);
	} else if (copied || st.st_size == 0 || stdin_) {
		/* copied into memory; an empty file; (rare) an unmappable one */
		w.buf = b.p ? b.p : "";
		w.len = b.len;
		if (!copied && st.st_size)
			rc = aza__err(s->ctx, AZA_EIO, "%s: cannot map: %s", path, strerror(errno));
	} else if (!(rc = aza_triage__read(s->ctx, path, (size_t)2048 << 20, &b))) {
		w.buf = b.p ? b.p : "";
		w.len = b.len;
	}
	if (!rc && !(w.ids = aza_jintern__new_plain()))
		rc = aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	if (!rc)
		rc = walk_report(&w);
	if (!rc)
		rc = match(&w, t);
	if (map != MAP_FAILED)
		munmap(map, w.len);
	aza_buf__release(&b);
	aza_jintern__free(w.ids);
	aza__free(w.e);
	aza_arena__release(&w.tmp);
	if (rc == 0)
		t->has_baseline = 1;
	return rc;
}

size_t aza_scan_resolved_count(const aza_scan *s)
{
	return s->triage ? s->triage->nresolved : 0;
}

const aza_resolved *aza_scan_resolved(const aza_scan *s, size_t i)
{
	return s->triage && i < s->triage->nresolved ? &s->triage->resolved[i] : NULL;
}

int aza_scan_has_baseline(const aza_scan *s)
{
	return s->triage && s->triage->has_baseline;
}

/* ---- frameworks ---- */

const char *aza_datadir(void)
{
	const char *env = getenv("AZAUDIT_DATADIR");
	if (env && *env)
		return env;
	struct stat st;
	if (stat(AZA_DATADIR "/frameworks", &st) == 0 && S_ISDIR(st.st_mode))
		return AZA_DATADIR;
	/* An uninstalled build (build/azaudit) finds the source tree's
	 * frameworks/ one level above the executable, from any directory. */
	static char beside[4096];
	ssize_t n = readlink("/proc/self/exe", beside, sizeof beside - 32);
	if (n > 0) {
		beside[n] = 0;
		char *slash = strrchr(beside, '/');
		if (slash) {
			strcpy(slash, "/..");
			char probe[4200];
			snprintf(probe, sizeof probe, "%s/frameworks", beside);
			if (stat(probe, &st) == 0 && S_ISDIR(st.st_mode))
				return beside;
		}
	}
	return ".";
}

static const char *astr(aza_arena *a, const char *s)
{
	return s ? aza_arena__strdup(a, s) : NULL;
}

/* Load a framework file into fw (strings in arena a). */
static int fw_load(aza_ctx *ctx, aza_arena *a, const char *path, aza_framework *fw)
{
	aza_arena tmp;
	aza_arena__init(&tmp);
	aza_buf b;
	aza_json *j;
	memset(fw, 0, sizeof *fw);
	int rc = parse_file(ctx, &tmp, path, (size_t)16 << 20, &b, &j);
	if (rc) {
		aza_arena__release(&tmp);
		return rc;
	}
	aza_buf__release(&b);
	const aza_json *ctl = aza_json_get(j, "controls"), *nc = aza_json_get(j, "not_covered");
	if (!jstr(j, "id") || !aza_json_is(ctl, AZA_JARR) || (nc && !aza_json_is(nc, AZA_JARR))) {
		aza_arena__release(&tmp);
		return aza__err(ctx, AZA_EINPUT, "%s: not a framework file (needs \"id\" and \"controls\"; see docs/frameworks.md)",
		                path);
	}
	fw->id = astr(a, jstr(j, "id"));
	fw->title = astr(a, jstr(j, "title") ? jstr(j, "title") : jstr(j, "id"));
	fw->version = astr(a, jstr(j, "version") ? jstr(j, "version") : "");
	fw->source = astr(a, jstr(j, "source") ? jstr(j, "source") : "");
	fw->path = astr(a, path);
	int partial = 0;
	aza_json_bool(aza_json_get(j, "partial"), &partial);
	fw->partial = partial;
	fw->ctl = aza__malloc((aza_json_len(ctl) + 1) * sizeof *fw->ctl);
	fw->gap = aza__malloc((aza_json_len(nc) + 1) * sizeof *fw->gap);
	if (!fw->ctl || !fw->gap)
		rc = aza__err(ctx, AZA_ENOMEM, "out of memory");
	aza_json_each(c, ctl) {
		if (rc)
			break;
		aza_fw_control *x = &fw->ctl[fw->nctl];
		memset(x, 0, sizeof *x);
		if (!jstr(c, "id")) {
			rc = aza__err(ctx, AZA_EINPUT, "%s: a control has no \"id\"", path);
			break;
		}
		x->id = astr(a, jstr(c, "id"));
		x->title = astr(a, jstr(c, "title") ? jstr(c, "title") : "");
		x->section = astr(a, jstr(c, "section") ? jstr(c, "section") : "");
		x->assessment = astr(a, jstr(c, "assessment") ? jstr(c, "assessment") : "automated");
		double lv = 0;
		if (aza_json_num(aza_json_get(c, "level"), &lv))
			x->level = (int)lv;
		const aza_json *rl = aza_json_get(c, "rules");
		x->rules = aza__malloc((aza_json_len(rl) + 1) * sizeof *x->rules);
		fw->nctl++;
		if (!x->rules) {
			rc = aza__err(ctx, AZA_ENOMEM, "out of memory");
			break;
		}
		aza_json_each(r, rl) {
			const char *id = aza_json_str(r);
			if (!id)
				continue;
			if (!aza_rule_find(id)) {
				rc = aza__err(ctx, AZA_EINPUT, "%s: control %s names rule %s, which does not exist", path, x->id, id);
				break;
			}
			x->rules[x->nrules++] = aza_rule_id(aza_rule_find(id));
		}
	}
	aza_json_each(g, nc) {
		if (rc)
			break;
		aza_fw_gap *x = &fw->gap[fw->ngap++];
		x->id = astr(a, jstr(g, "id") ? jstr(g, "id") : "");
		x->title = astr(a, jstr(g, "title") ? jstr(g, "title") : "");
		x->reason = astr(a, jstr(g, "reason") ? jstr(g, "reason") : "");
	}
	aza_arena__release(&tmp);
	return rc;
}

static void fw_release(aza_framework *fw)
{
	for (size_t i = 0; i < fw->nctl; i++)
		aza__free(fw->ctl[i].rules);
	aza__free(fw->ctl);
	aza__free(fw->gap);
}

/* A framework id names datadir/frameworks/<id>.json; anything with a '/'
 * or ending in .json is a path. */
static void fw_path(const char *name, char *out, size_t n)
{
	if (strchr(name, '/') || aza__iends(name, ".json"))
		snprintf(out, n, "%s", name);
	else
		snprintf(out, n, "%s/frameworks/%s.json", aza_datadir(), name);
}

int aza_scan_set_framework(aza_scan *s, const char *name)
{
	struct aza_triage *t = triage_of(s);
	if (!t)
		return aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	char path[4096];
	fw_path(name, path, sizeof path);
	struct stat st;
	if (stat(path, &st) != 0)
		return aza__err(s->ctx, AZA_ENOTFOUND, "unknown framework '%s' (no %s; see 'azaudit frameworks')", name, path);
	aza_framework *fw = aza__malloc(sizeof *fw);
	if (!fw)
		return aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	int rc = fw_load(s->ctx, &t->a, path, fw);
	if (rc) {
		fw_release(fw);
		aza__free(fw);
		return rc;
	}
	if (t->fw) {
		fw_release(t->fw);
		aza__free(t->fw);
	}
	t->fw = fw;
	return 0;
}

/* Aggregate: FAIL if any FAIL, else UNKNOWN, else MANUAL, else SUPPRESSED,
 * else PASS, else NOT_APPLICABLE; AZA_STATUS_COUNT when no finding. */
static const aza_status agg_order[] = {AZA_FAIL, AZA_UNKNOWN, AZA_MANUAL, AZA_SUPPRESSED, AZA_PASS, AZA_NOT_APPLICABLE};

const aza_framework *aza_triage__framework(aza_scan *s)
{
	if (!s->triage || !s->triage->fw)
		return NULL;
	aza_framework *fw = s->triage->fw;
	for (size_t i = 0; i < fw->nctl; i++) {
		aza_fw_control *c = &fw->ctl[i];
		memset(c->counts, 0, sizeof c->counts);
		for (size_t k = 0; k < s->l.nf; k++) {
			const aza_frec *f = aza_scan__rec(s, k);
			for (size_t r = 0; r < c->nrules; r++)
				if (aza_rule_at(f->rule)->id == c->rules[r] || aza__strieq(aza_rule_at(f->rule)->id, c->rules[r])) {
					c->counts[f->status]++;
					break;
				}
		}
		c->status = AZA_STATUS_COUNT;
		for (size_t q = 0; q < sizeof agg_order / sizeof agg_order[0]; q++)
			if (c->counts[agg_order[q]]) {
				c->status = agg_order[q];
				break;
			}
	}
	return fw;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int aza_frameworks_write(aza_ctx *ctx, const char *format, FILE *fp)
{
	int json = aza__strieq(format, "json");
	if (!json && !aza__strieq(format, "text"))
		return aza__err(ctx, AZA_EUSAGE, "unknown format '%s' (text, json)", format);
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/frameworks", aza_datadir());
	DIR *d = opendir(dir);
	if (!d)
		return aza__err(ctx, AZA_ENOTFOUND, "%s: cannot open: %s (set AZAUDIT_DATADIR?)", dir, strerror(errno));
	char **names = NULL;
	size_t n = 0;
	int rc = 0;
	for (struct dirent *e; (e = readdir(d));) {
		if (e->d_name[0] == '.' || !aza__iends(e->d_name, ".json"))
			continue;
		char **v = aza__realloc(names, (n + 1) * sizeof *v);
		if (!v || !(v[n] = aza__strdup(e->d_name))) {
			names = v ? v : names;
			rc = aza__err(ctx, AZA_ENOMEM, "out of memory");
			break;
		}
		names = v;
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	aza_buf b;
	aza_buf__init(&b, 0);
	if (json)
		aza_buf__adds(&b, "{\"frameworks\":[");
	else
		aza_buf__printf(&b, "%-22s %8s %8s %11s  %s\n", "id", "controls", "manual", "not covered", "title");
	for (size_t i = 0; i < n && rc == 0; i++) {
		char path[8192];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		aza_arena a;
		aza_arena__init(&a);
		aza_framework fw;
		rc = fw_load(ctx, &a, path, &fw);
		if (rc == 0) {
			size_t manual = 0;
			for (size_t k = 0; k < fw.nctl; k++)
				manual += aza__strieq(fw.ctl[k].assessment, "manual");
			if (json) {
				aza_buf__adds(&b, i ? ",\n{\"id\":" : "\n{\"id\":");
				aza_buf__json_str(&b, fw.id);
				aza_buf__adds(&b, ",\"title\":");
				aza_buf__json_str(&b, fw.title);
				aza_buf__adds(&b, ",\"version\":");
				aza_buf__json_str(&b, fw.version);
				aza_buf__printf(&b, ",\"controls\":%zu,\"manual\":%zu,\"not_covered\":%zu,\"partial\":%s}", fw.nctl,
				                manual, fw.ngap, fw.partial ? "true" : "false");
			} else {
				aza_buf__printf(&b, "%-22s %8zu %8zu %11zu  %s%s\n", fw.id, fw.nctl, manual, fw.ngap, fw.title,
				                fw.partial ? " (partial)" : "");
			}
		}
		fw_release(&fw);
		aza_arena__release(&a);
	}
	if (json)
		aza_buf__adds(&b, "\n]}\n");
	for (size_t i = 0; i < n; i++)
		aza__free(names[i]);
	aza__free(names);
	if (rc == 0 && b.oom)
		rc = aza__err(ctx, AZA_ENOMEM, "out of memory");
	if (rc == 0 && (fwrite(b.p, 1, b.len, fp) != b.len || fflush(fp) != 0))
		rc = aza__err(ctx, AZA_EIO, "cannot write: %s", strerror(errno));
	aza_buf__release(&b);
	return rc;
}
