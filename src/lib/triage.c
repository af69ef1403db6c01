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
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <time.h>

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
static int parse_expiry(const char *s, double *out)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	const char *p = strptime(s, "%Y-%m-%dT%H:%M:%S", &tm);
	if (p && (*p == 0 || !strcmp(p, "Z"))) {
		*out = (double)timegm(&tm);
		return 0;
	}
	memset(&tm, 0, sizeof tm);
	p = strptime(s, "%Y-%m-%d", &tm);
	if (!p || *p)
		return -1;
	*out = (double)timegm(&tm) + 86400.0;
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

/* ---- baselines ---- */

typedef struct bentry {
	const char *rule, *res, *status, *message;
	uint64_t h;
	int seen;
} bentry;

static uint64_t key_hash(const char *rule, const char *res)
{
	uint64_t h = aza__ihash(rule, strlen(rule));
	return h * 1099511628211ULL ^ aza__ihash(res, strlen(res));
}

/* The verdict a finding stands for: a suppressed FAIL is still a FAIL. */
static const char *verdict(const aza_frec *f)
{
	return aza_status_name(f->status == AZA_SUPPRESSED ? FREC_SUPST(f) : (aza_status)f->status);
}

int aza_scan_baseline(aza_scan *s, const char *path)
{
	struct aza_triage *t = triage_of(s);
	if (!t)
		return aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	aza_arena tmp;
	aza_arena__init(&tmp);
	aza_buf b;
	aza_json *j;
	int rc = parse_file(s->ctx, &tmp, path, (size_t)2048 << 20, &b, &j);
	if (rc) {
		aza_arena__release(&tmp);
		return rc;
	}
	aza_buf__release(&b);
	const aza_json *list = aza_json_get(j, "findings");
	if (!aza_json_is(list, AZA_JARR)) {
		aza_arena__release(&tmp);
		return aza__err(s->ctx, AZA_EINPUT, "%s: not an azaudit JSON report (no \"findings\" array)", path);
	}
	size_t n = aza_json_len(list), cap = 16;
	while (cap < n * 2)
		cap *= 2;
	bentry *tab = aza__malloc(cap * sizeof *tab);
	if (!tab) {
		aza_arena__release(&tmp);
		return aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	}
	memset(tab, 0, cap * sizeof *tab);
	aza_json_each(it, list) {
		const char *rule = jstr(it, "rule_id"), *res = jstr(it, "resource_id"), *st = jstr(it, "status");
		if (!rule || !res || !st)
			continue;
		if (aza__strieq(st, "SUPPRESSED") && jstr(it, "suppressed_status"))
			st = jstr(it, "suppressed_status");
		uint64_t h = key_hash(rule, res);
		size_t i = (size_t)h & (cap - 1);
		while (tab[i].rule)
			i = (i + 1) & (cap - 1);
		tab[i] = (bentry){rule, res, st, jstr(it, "message"), h, 0};
	}
	/* Each finding: unchanged when the baseline had the same rule, resource
	 * and verdict; new otherwise (a changed verdict is new). */
	for (size_t k = 0; k < s->l.nf; k++) {
		aza_frec *f = aza_scan__recw(s, k);
		const char *rid = aza_rule_at(f->rule)->id;
		uint64_t h = key_hash(rid, f->res->id);
		const char *v = verdict(f);
		FREC_SET_BASE(f, AZA_BASELINE_NEW);
		for (size_t i = (size_t)h & (cap - 1); tab[i].rule; i = (i + 1) & (cap - 1))
			if (tab[i].h == h && aza__strieq(tab[i].rule, rid) && aza__strieq(tab[i].res, f->res->id)) {
				if (aza__strieq(tab[i].status, v)) {
					FREC_SET_BASE(f, AZA_BASELINE_UNCHANGED);
					tab[i].seen = 1;
					break;
				}
			}
	}
	/* Resolved: problems of the baseline (not PASS, not NOT_APPLICABLE)
	 * that this scan no longer reports with the same verdict. */
	size_t nres = 0;
	for (size_t i = 0; i < cap; i++)
		if (tab[i].rule && !tab[i].seen && !aza__strieq(tab[i].status, "PASS") &&
		    !aza__strieq(tab[i].status, "NOT_APPLICABLE"))
			nres++;
	aza__free(t->resolved);
	t->resolved = aza__malloc((nres + 1) * sizeof *t->resolved);
	t->nresolved = 0;
	if (!t->resolved)
		rc = aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	/* In baseline order, so the output is stable. */
	aza_json_each(it, list) {
		if (rc)
			break;
		const char *rule = jstr(it, "rule_id"), *res = jstr(it, "resource_id");
		if (!rule || !res)
			continue;
		uint64_t h = key_hash(rule, res);
		for (size_t i = (size_t)h & (cap - 1); tab[i].rule; i = (i + 1) & (cap - 1)) {
			bentry *x = &tab[i];
			if (x->rule != rule || x->res != res)
				continue;
			if (!x->seen && !aza__strieq(x->status, "PASS") && !aza__strieq(x->status, "NOT_APPLICABLE")) {
				aza_resolved *z = &t->resolved[t->nresolved++];
				z->rule_id = aza_arena__strdup(&t->a, x->rule);
				z->resource_id = aza_arena__strdup(&t->a, x->res);
				z->status = aza_arena__strdup(&t->a, x->status);
				z->message = aza_arena__strdup(&t->a, x->message ? x->message : "");
				if (!z->rule_id || !z->resource_id || !z->status || !z->message)
					rc = aza__err(s->ctx, AZA_ENOMEM, "out of memory");
			}
			break;
		}
	}
	aza__free(tab);
	aza_arena__release(&tmp);
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
