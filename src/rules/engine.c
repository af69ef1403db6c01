/*
 * engine.c - runs the selected rules over the inventory and records the
 * findings. Owns the rule-facing helpers declared in rule.h (emitters,
 * coverage, dates).
 */
#include "rule.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../lib/scan.h"
#include "../lib/template.h"

struct aza_ev {
	aza_scan *s;
	const aza_rule *rule;
	uint32_t rule_idx;  /* the rule's position in the table */
	int emitted;
	int failed; /* out of memory while emitting */
	aza_arena tmp;
	/* Documents parsed from stored text while rules look at them. */
	aza_arena docs;
	aza_res **loaded;
	size_t nloaded, caploaded;
	uint32_t *order;    /* rule index of each finding, for the final sort */
	size_t caporder;
	aza_jintern *msgs;  /* messages repeat ("minimumTlsVersion is TLS1_2"): one copy each */
	struct memo {
		const aza_res *r;
		const char *tag;
		void *val;
		void (*free_fn)(void *);
	} memo[16];
	size_t nmemo;
};

void *aza_ev_memo_get(aza_ev *ev, const aza_res *r, const char *tag)
{
	for (size_t i = 0; i < ev->nmemo; i++)
		if (ev->memo[i].r == r && strcmp(ev->memo[i].tag, tag) == 0)
			return ev->memo[i].val;
	return NULL;
}

int aza_ev_memo_put(aza_ev *ev, const aza_res *r, const char *tag, void *val, void (*free_fn)(void *))
{
	if (ev->nmemo == sizeof ev->memo / sizeof ev->memo[0])
		return -1; /* full: the caller keeps ownership and frees val itself */
	ev->memo[ev->nmemo].r = r;
	ev->memo[ev->nmemo].tag = tag;
	ev->memo[ev->nmemo].val = val;
	ev->memo[ev->nmemo].free_fn = free_fn;
	ev->nmemo++;
	return 0;
}

static void emit(aza_ev *ev, const aza_res *r, aza_status st, const char *fmt, va_list ap) AZA_PRINTF(4, 0);
static void emit(aza_ev *ev, const aza_res *r, aza_status st, const char *fmt, va_list ap)
{
	aza_arena *a = aza_inv__arena(ev->s->inv);
	const aza_json *read = aza_json__last_read(); /* before the reads below */
	char msg[AZA_MAX_MSG];
	vsnprintf(msg, sizeof msg, fmt, ap);
	aza_finding f;
	memset(&f, 0, sizeof f);
	f.rule = ev->rule;
	f.status = st;
	f.resource_id = r->id;
	f.resource_type = r->type;
	f.resource_name = r->name;
	f.subscription_id = r->sub;
	f.location = r->location;
	f.source = r->source;
	f.line = r->line;
	f.column = r->column;
	f.pointer = r->pointer;
	/* Inline suppressions (template metadata): plain strings, made by the
	 * expander, so reading them touches no unknown value. */
	for (const aza_json *e = r->suppress ? r->suppress->u.child : NULL; e; e = e->next)
		if (aza__strieq(aza_json_str(aza_json_get(e, "rule")), ev->rule->id) ||
		    aza__glob(aza_json_str(aza_json_get(e, "rule")), ev->rule->id))
			f.suppressed_reason = aza_json_str(aza_json_get(e, "reason"));
	/* A template resource's FAIL points at the property it read last. */
	if (st == AZA_FAIL && r->lines)
		aza_tmpl__prop_pos(a, r, read, &f.prop_line, &f.prop_column, &f.prop_pointer);
	f.message = aza_jintern__get(ev->msgs, msg, strlen(msg));
	ev->emitted++;
	if (ev->s->nf >= ev->caporder) {
		size_t cap = ev->caporder ? ev->caporder * 2 : 1024;
		uint32_t *o = aza__realloc(ev->order, cap * sizeof *o);
		if (!o) {
			ev->failed = 1;
			return;
		}
		ev->order = o;
		ev->caporder = cap;
	}
	if (ev->s->nf >= UINT32_MAX) {
		ev->failed = 1; /* the sort numbers findings in 32 bits */
		return;
	}
	ev->order[ev->s->nf] = ev->rule_idx;
	if (!f.message || aza_scan__add(ev->s, &f))
		ev->failed = 1;
}

#define EMITTER(fn, st)                                                  \
	void fn(aza_ev *ev, const aza_res *r, const char *fmt, ...)          \
	{                                                                    \
		va_list ap;                                                      \
		va_start(ap, fmt);                                               \
		emit(ev, r, st, fmt, ap);                                        \
		va_end(ap);                                                      \
	}
EMITTER(aza_pass, AZA_PASS)
EMITTER(aza_fail, AZA_FAIL)
EMITTER(aza_unknown, AZA_UNKNOWN)
EMITTER(aza_manual, AZA_MANUAL)
EMITTER(aza_na, AZA_NOT_APPLICABLE)

/* Parse a stored resource text on first use; the tree lives until the
 * engine releases the documents (after each resource or scope-wide call). */
const aza_json *aza_doc(aza_ev *ev, const aza_res *r)
{
	if (!r || r->doc || !r->text)
		return r ? r->doc : NULL;
	if (ev->nloaded == ev->caploaded) {
		size_t cap = ev->caploaded ? ev->caploaded * 2 : 64;
		aza_res **v = aza__realloc(ev->loaded, cap * sizeof *v);
		if (!v) {
			ev->failed = 1;
			return NULL;
		}
		ev->loaded = v;
		ev->caploaded = cap;
	}
	const aza_json *j = aza_inv__doc(ev->s->inv, r, &ev->docs);
	if (!j) {
		/* The stored form was made from a parsed tree: only memory can fail here. */
		ev->failed = 1;
		return NULL;
	}
	aza_res *w = (aza_res *)r; /* the cache field is the engine's to set */
	w->doc = j;
	ev->loaded[ev->nloaded++] = w;
	return j;
}

static void release_docs(aza_ev *ev)
{
	for (size_t i = 0; i < ev->nmemo; i++)
		if (ev->memo[i].free_fn)
			ev->memo[i].free_fn(ev->memo[i].val);
	ev->nmemo = 0;
	for (size_t i = 0; i < ev->nloaded; i++)
		ev->loaded[i]->doc = NULL;
	ev->nloaded = 0;
	aza_arena_mark m0 = {0, 0};
	aza_arena__reset(&ev->docs, m0);
}

const aza_json *aza_prop(aza_ev *ev, const aza_res *r, const char *path)
{
	return aza_json_path(aza_doc(ev, r), path);
}

int aza_prop_bool(aza_ev *ev, const aza_res *r, const char *path, int *out)
{
	const aza_json *j = aza_prop(ev, r, path);
	if (!j || aza_json_is(j, AZA_JNULL))
		return 0;
	return aza_json_bool(j, out) ? 1 : -1;
}

int aza_prop_str(aza_ev *ev, const aza_res *r, const char *path, const char **out)
{
	const aza_json *j = aza_prop(ev, r, path);
	if (!j || aza_json_is(j, AZA_JNULL))
		return 0;
	*out = aza_json_str(j);
	return *out ? 1 : -1;
}

int aza_prop_num(aza_ev *ev, const aza_res *r, const char *path, double *out)
{
	const aza_json *j = aza_prop(ev, r, path);
	if (!j || aza_json_is(j, AZA_JNULL))
		return 0;
	return aza_json_num(j, out) ? 1 : -1;
}

aza_scan *aza_ev__scan(aza_ev *ev)
{
	return ev->s;
}

aza_inv *aza_ev_inv(aza_ev *ev)
{
	return ev->s->inv;
}

const struct aza_cfg *aza_ev_cfg(aza_ev *ev)
{
	return &ev->s->ctx->cfg;
}

const char *aza_ev_fmt(aza_ev *ev, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *s = aza_arena__vprintf(&ev->tmp, fmt, ap);
	va_end(ap);
	return s ? s : "";
}

int aza_ev_collected(aza_ev *ev, const char *type, const aza_res *r, const char **why)
{
	aza_inv *inv = ev->s->inv;
	const aza_gap *g = aza_inv_gap(inv, type, r->id);
	if (g) {
		*why = aza_ev_fmt(ev, "%s could not be read for %s (%s%sHTTP %d: %s)", type,
		                  *g->scope ? g->scope : "the tenant", g->api, *g->api ? ", " : "", g->status,
		                  g->message);
		return 0;
	}
	int listed = aza_inv_dataset_listed(inv, type);
	if (listed == 1)
		return 1;
	if (listed == 0) {
		*why = aza_ev_fmt(ev, "%s was not collected (not in the snapshot's data sets)", type);
		return 0;
	}
	/* No metadata: an export that holds any object of the type is taken to
	 * hold all of them; one that holds none cannot prove an absence. */
	if (aza_inv_count(inv, type) > 0)
		return 1;
	/* A template declares what it deploys: a setting it does not declare
	 * keeps Azure's default, which is what the rule then judges. */
	if (r && r->api_version && *r->api_version)
		return 1;
	*why = aza_ev_fmt(ev, "the input has no %s data (not collected?)", type);
	return 0;
}

double aza_ev_now(aza_ev *ev)
{
	return ev->s->now;
}

/* Parse "2024-05-01T12:00:00Z" (fractional seconds and offsets allowed). */
static int parse_iso(const char *s, double *out)
{
	int y, mo, d, h = 0, mi = 0;
	double sec = 0;
	int n = 0;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3)
		return 0;
	const char *p = s + n;
	if (*p == 'T' || *p == ' ') {
		int m = 0;
		if (sscanf(p + 1, "%2d:%2d:%lf%n", &h, &mi, &sec, &m) < 2)
			return 0;
		p += 1 + m;
	}
	if (mo < 1 || mo > 12 || d < 1 || d > 31)
		return 0;
	/* days from civil (Howard Hinnant's algorithm) */
	int yy = y - (mo <= 2);
	int era = (yy >= 0 ? yy : yy - 399) / 400;
	unsigned yoe = (unsigned)(yy - era * 400);
	unsigned doy = (unsigned)((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	double days = era * 146097.0 + doe - 719468.0;
	double t = days * 86400 + h * 3600 + mi * 60 + sec;
	int oh = 0, om = 0;
	if ((*p == '+' || *p == '-') && sscanf(p + 1, "%2d:%2d", &oh, &om) >= 1)
		t -= (*p == '+' ? 1 : -1) * (oh * 3600 + om * 60);
	*out = t;
	return 1;
}

int aza_ev_days_until(aza_ev *ev, const aza_json *when, double *days)
{
	double t;
	const char *s = aza_json_str(when);
	if (s) {
		if (!parse_iso(s, &t))
			return 0;
	} else if (!aza_json_num(when, &t)) {
		return 0;
	}
	*days = (t - ev->s->now) / 86400.0;
	return 1;
}

int aza_ev_is_critical(aza_ev *ev, const aza_res *r)
{
	const struct aza_cfg *c = aza_ev_cfg(ev);
	if (!c->critical_tag_name)
		return 0;
	const aza_json *v = aza_json_get(aza_json_get(aza_doc(ev, r), "tags"), c->critical_tag_name);
	if (!v)
		return 0;
	return !c->critical_tag_value || aza_json_streq(v, c->critical_tag_value);
}

/* Run one check on one target; a check that says nothing is a bug we
 * report as UNKNOWN rather than letting it read as compliant. */
static void run_one(aza_ev *ev, const aza_res *r)
{
	aza_arena_mark m = aza_arena__mark(&ev->tmp);
	int before = ev->emitted;
	size_t first = ev->s->nf;
	aza_json__touch_reset();
	ev->rule->check(ev, r);
	if (ev->emitted == before)
		aza_unknown(ev, r, "rule reached no verdict (this is a bug in azaudit; please report it)");
	/* A verdict that read a value only known at deployment (a template's
	 * reference(), a parameter without value) is not a verdict. */
	const char *t = aza_json__touched();
	if (t) {
		for (size_t i = first; i < ev->s->nf; i++) {
			aza_finding *f = &ev->s->f[i];
			if (f->status == AZA_UNKNOWN) {
				/* Already UNKNOWN (a wrong-typed value): say which value. */
				f->message = aza_arena__printf(aza_inv__arena(ev->s->inv), "%s (it depends on %s, which is not known before deployment)",
				                               f->message, t);
				if (!f->message)
					ev->failed = 1;
				continue;
			}
			if (f->status != AZA_PASS && f->status != AZA_FAIL)
				continue;
			f->status = AZA_UNKNOWN;
			f->message = aza_arena__printf(aza_inv__arena(ev->s->inv), "depends on %s, which is not known before deployment (%s)",
			                               t, f->message);
			if (!f->message)
				ev->failed = 1;
		}
	}
	aza_arena__reset(&ev->tmp, m);
}

/* Evaluation order: every rule that reads a type runs on a resource while
 * its document is parsed, then the document is dropped, so only one
 * resource's tree (and what its rules look up) is in memory at a time. */
struct typejob {
	const char *type;
	uint32_t rules[256];
	size_t nrules;
};

static void run_resource_rule(aza_ev *ev, const aza_res *r)
{
	/* Some exports (az resource list) carry no properties: nothing about
	 * the configuration can be said. */
	const aza_json *pr = aza_json_get(aza_doc(ev, r), "properties");
	if ((!pr || aza_json_is(pr, AZA_JNULL)) && !*r->api_version) {
		aza_unknown(ev, r, "the input has no \"properties\" for this resource (an export without details?)");
		return;
	}
	run_one(ev, r);
}

/* A template-only scan describes resources to deploy, not the tenant or
 * subscription they land in: a scope-wide rule that reads nothing the
 * templates deploy is not applicable rather than unknown. When they do
 * deploy something it reads (a log profile, an alert) it is judged as
 * usual. */
/* Does the input hold any resource of a type the rule reads? */
static int rule_has_data(aza_ev *ev)
{
	const char *lists[2] = {ev->rule->types, ev->rule->needs};
	for (int k = 0; k < 2; k++) {
		const char *p = lists[k];
		while (p && *p) {
			size_t l = strcspn(p, " ");
			char t[160];
			if (l && l < sizeof t) {
				memcpy(t, p, l);
				t[l] = 0;
				for (const aza_res *r = aza_inv_first(ev->s->inv, t); r; r = r->next_of_type)
					if (!r->pseudo)
						return 1;
			}
			p += l;
			while (*p == ' ')
				p++;
		}
	}
	return 0;
}

static void template_scope(aza_ev *ev, size_t first)
{
	if (aza_inv_deployed(ev->s->inv) || rule_has_data(ev))
		return;
	for (size_t i = first; i < ev->s->nf; i++) {
		aza_finding *f = &ev->s->f[i];
		if (f->status != AZA_UNKNOWN)
			continue;
		f->status = AZA_NOT_APPLICABLE;
		f->message = aza_arena__printf(aza_inv__arena(ev->s->inv),
		                               "template scan: the templates deploy nothing this rule reads (%s)", f->message);
		if (!f->message)
			ev->failed = 1;
	}
}

static void run_scope_rule(aza_ev *ev)
{
	const aza_rule *rule = ev->rule;
	aza_inv *inv = ev->s->inv;
	const aza_res *tenant = aza_inv_tenant(inv);
	if (!rule->check) {
		aza_manual(ev, tenant, "no API exposes this; verify by hand: %s", rule->manual ? rule->manual : "");
		return;
	}
	size_t first = ev->s->nf;
	if (rule->scope == AZA_SCOPE_TENANT) {
		run_one(ev, tenant);
		release_docs(ev);
		template_scope(ev, first);
		return;
	}
	size_t n = 0;
	for (const aza_res *r = aza_inv_subs(inv); r; r = r->next_of_type, n++) {
		first = ev->s->nf;
		run_one(ev, r);
		release_docs(ev);
		template_scope(ev, first);
	}
	if (n == 0)
		aza_na(ev, tenant, "no subscription in the input");
}

/* Stable order of findings by rule, as the catalogue lists them. The
 * findings are moved in place along the cycles of the permutation, so the
 * sort needs 4 bytes per finding, not a second copy of them. */
static int sort_findings(aza_ev *ev)
{
	aza_scan *s = ev->s;
	size_t nr = aza_rule_count() + 1;
	size_t *start = aza__malloc(nr * sizeof *start);
	if (!start)
		return -1;
	memset(start, 0, nr * sizeof *start);
	for (size_t i = 0; i < s->nf; i++)
		start[ev->order[i] + 1]++;
	for (size_t k = 1; k < nr; k++)
		start[k] += start[k - 1];
	/* order[i] becomes the destination of finding i. */
	for (size_t i = 0; i < s->nf; i++)
		ev->order[i] = (uint32_t)start[ev->order[i]]++;
	aza__free(start);
	for (size_t i = 0; i < s->nf; i++) {
		while (ev->order[i] != i) {
			uint32_t d = ev->order[i];
			aza_finding t = s->f[d];
			s->f[d] = s->f[i];
			s->f[i] = t;
			ev->order[i] = ev->order[d];
			ev->order[d] = d;
		}
	}
	return 0;
}

int aza_engine__run(aza_scan *s)
{
	aza_ev ev;
	memset(&ev, 0, sizeof ev);
	ev.s = s;
	aza_arena__init(&ev.tmp);
	aza_arena__init(&ev.docs);
	ev.msgs = aza_inv__messages(s->inv);
	aza_inv *inv = s->inv;
	size_t nrules = aza_rule_count();
	struct typejob *jobs = NULL;
	size_t njobs = 0;
	size_t *seen = aza__malloc((nrules ? nrules : 1) * sizeof *seen);
	int rc = 0;
	if (!seen || !ev.msgs) {
		rc = AZA_ENOMEM;
		goto out;
	}
	memset(seen, 0, nrules * sizeof *seen);
	/* Group resource-scope rules by the types they read. */
	for (size_t i = 0; i < nrules; i++) {
		const aza_rule *r = aza_rule_at(i);
		if (!aza_scan__selected(s, r) || !r->check || r->scope != AZA_SCOPE_RESOURCE)
			continue;
		const char *p = r->types;
		while (p && *p) {
			size_t l = strcspn(p, " ");
			char t[160];
			if (l && l < sizeof t) {
				memcpy(t, p, l);
				t[l] = 0;
				aza_tinfo *ti = aza_inv_type(inv, t);
				const char *canon = ti ? ti->name : NULL;
				struct typejob *j = NULL;
				for (size_t k = 0; canon && k < njobs; k++)
					if (jobs[k].type == canon)
						j = &jobs[k];
				if (canon && !j) {
					struct typejob *nj = aza__realloc(jobs, (njobs + 1) * sizeof *nj);
					if (!nj) {
						rc = AZA_ENOMEM;
						goto out;
					}
					jobs = nj;
					j = &jobs[njobs++];
					j->type = canon;
					j->nrules = 0;
				}
				if (j && j->nrules < sizeof j->rules / sizeof j->rules[0])
					j->rules[j->nrules++] = (uint32_t)i;
			}
			p += l;
			while (*p == ' ')
				p++;
		}
	}
	for (size_t k = 0; k < njobs && !ev.failed; k++) {
		for (const aza_res *r = aza_inv_first(inv, jobs[k].type); r && !ev.failed; r = r->next_of_type) {
			if (r->pseudo)
				continue;
			for (size_t q = 0; q < jobs[k].nrules; q++) {
				ev.rule_idx = jobs[k].rules[q];
				ev.rule = aza_rule_at(ev.rule_idx);
				seen[ev.rule_idx]++;
				run_resource_rule(&ev, r);
			}
			release_docs(&ev);
		}
	}
	for (size_t i = 0; i < nrules && !ev.failed; i++) {
		const aza_rule *r = aza_rule_at(i);
		if (!aza_scan__selected(s, r))
			continue;
		ev.rule = r;
		ev.rule_idx = (uint32_t)i;
		if (r->check && r->scope == AZA_SCOPE_RESOURCE) {
			if (!seen[i])
				aza_na(&ev, aza_inv_tenant(inv), "no %s in the input", r->types);
			continue;
		}
		run_scope_rule(&ev);
	}
	if (!ev.failed && sort_findings(&ev))
		ev.failed = 1;
out:
	release_docs(&ev);
	aza__free(ev.loaded);
	aza__free(ev.order);
	aza__free(seen);
	aza__free(jobs);
	aza_arena__release(&ev.docs);
	aza_arena__release(&ev.tmp);
	if (rc || ev.failed)
		return aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	return 0;
}
