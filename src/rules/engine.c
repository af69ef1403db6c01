/*
 * engine.c - runs the selected rules over the inventory and records the
 * findings. Owns the rule-facing helpers declared in rule.h (emitters,
 * coverage, dates).
 */
#include "rule.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../lib/msgs.h"
#include "../lib/scan.h"
#include "../lib/template.h"
#include "exposure.h"
#include "nsg.h"

/* An evaluator: one per thread. The first (the calling thread's) appends
 * findings to the scan; the second appends to its own buffer, which the
 * first moves to the scan after its own part of the same resources. */
struct aza_ev {
	aza_scan *s;
	const aza_rule *rule;
	uint32_t rule_idx;  /* the rule's position in the table */
	int emitted;
	int failed; /* out of memory while emitting */
	aza_arena tmp;
	aza_arena *keep;    /* strings of findings made here (the scan's warena) */
	/* Documents unpacked from the store while rules look at them, by
	 * resource (open addressing; the slots used are listed in loaded). */
	aza_arena docs;
	struct dslot {
		const aza_res *r;
		const aza_json *doc;
	} *dt;
	size_t dcap;
	size_t *loaded;
	size_t nloaded, caploaded;
	aza_docwin win;     /* its window on the document store */
	/* The second evaluator's findings (own = 1), and their rule indexes. */
	int own;
	aza_flist l;
	aza_msgs *msgs;     /* the scan's message store for this thread (msgs.h) */
	struct memo {
		const aza_res *r;
		const char *tag;
		void *val;
		void (*free_fn)(void *);
	} memo[16];
	size_t nmemo;
	struct memo kept[8]; /* aza_ev_keep_put: until the evaluation ends */
	size_t nkept;
};

static size_t ev_nf(const aza_ev *ev)
{
	return ev->own ? ev->l.nf : ev->s->l.nf;
}

static aza_frec *ev_f(aza_ev *ev, size_t i)
{
	return ev->own ? &ev->l.f[i] : aza_scan__recw(ev->s, i);
}

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

void *aza_ev_keep_get(aza_ev *ev, const char *tag)
{
	for (size_t i = 0; i < ev->nkept; i++)
		if (strcmp(ev->kept[i].tag, tag) == 0)
			return ev->kept[i].val;
	return NULL;
}

int aza_ev_keep_put(aza_ev *ev, const char *tag, void *val, void (*free_fn)(void *))
{
	if (ev->nkept == sizeof ev->kept / sizeof ev->kept[0])
		return -1;
	ev->kept[ev->nkept++] = (struct memo){NULL, tag, val, free_fn};
	return 0;
}

static void release_kept(aza_ev *ev)
{
	for (size_t i = 0; i < ev->nkept; i++)
		if (ev->kept[i].free_fn)
			ev->kept[i].free_fn(ev->kept[i].val);
	ev->nkept = 0;
}

aza_ev_docmark aza_ev_docs_mark(aza_ev *ev)
{
	return (aza_ev_docmark){ev->nloaded, aza_arena__mark(&ev->docs)};
}

/* The slots of documents loaded since the mark are the last ones listed:
 * emptied newest first, they leave every older entry's probe sequence
 * intact (linear probing placed each older one before them). */
void aza_ev_docs_drop(aza_ev *ev, aza_ev_docmark m)
{
	if (ev->nloaded <= m.nloaded)
		return;
	while (ev->nloaded > m.nloaded)
		ev->dt[ev->loaded[--ev->nloaded]].r = NULL;
	aza_arena__reset(&ev->docs, m.arena);
}

/* Append a finding to the scan; -1 when out of memory or past the 32-bit
 * finding numbers the text report's index by area uses. */
static int add_finding(aza_ev *ev, const aza_frec *f, const aza_fx *x)
{
	if (ev->s->l.nf >= UINT32_MAX)
		return -1;
	return aza_scan__add(ev->s, f, x) ? -1 : 0;
}

static void emit(aza_ev *ev, const aza_res *r, aza_status st, const char *fmt, va_list ap) AZA_PRINTF(4, 0);
static void emit(aza_ev *ev, const aza_res *r, aza_status st, const char *fmt, va_list ap)
{
	aza_arena *a = ev->keep;
	const aza_json *read = aza_json__last_read(); /* before the reads below */
	char msg[AZA_MAX_MSG];
	aza__vfmt(msg, sizeof msg, fmt, ap);
	/* A resource read twice with different contents: the verdict is on the
	 * copy read first, and which copy is current is unknown, so a PASS on
	 * it proves nothing (aza_inv_conflict). */
	const char *other = r->conflict ? aza_inv_conflict(ev->s->inv, r) : NULL;
	if (other) {
		size_t n = strlen(msg);
		if (st == AZA_PASS) {
			st = AZA_UNKNOWN;
			snprintf(msg + n, sizeof msg - n, " (this copy passes, but %s holds a different copy of the resource: which one is current is unknown)", other);
		} else if (st == AZA_FAIL) {
			snprintf(msg + n, sizeof msg - n, " (%s holds a different copy of the resource)", other);
		}
	}
	aza_frec f;
	aza_fx x;
	int has_x = 0;
	memset(&f, 0, sizeof f);
	memset(&x, 0, sizeof x);
	f.res = r;
	f.rule = (uint16_t)ev->rule_idx;
	f.status = (uint8_t)st;
	/* Inline suppressions (template metadata): plain strings, made by the
	 * expander, so reading them touches no unknown value. */
	const aza_json *supp = r->tpos ? r->tpos->suppress : NULL;
	for (const aza_json *e = supp ? supp->u.child : NULL; e; e = e->next)
		if (aza__strieq(aza_json_str(aza_json_get(e, "rule")), ev->rule->id) ||
		    aza__glob(aza_json_str(aza_json_get(e, "rule")), ev->rule->id)) {
			x.suppressed_reason = aza_json_str(aza_json_get(e, "reason"));
			has_x = 1;
		}
	/* A template resource's FAIL points at the property it read last. */
	if (st == AZA_FAIL && r->tpos && r->tpos->lines) {
		aza_tmpl__prop_pos(a, r, read, &x.prop_line, &x.prop_column, &x.prop_pointer);
		has_x |= x.prop_line || x.prop_pointer;
	}
	f.message = aza_msgs__get(ev->msgs, msg, strlen(msg));
	ev->emitted++;
	if (!f.message) {
		ev->failed = 1;
		return;
	}
	/* The second evaluator keeps its round's findings apart (round_run). */
	const aza_fx *xp = has_x ? &x : NULL;
	if (ev->own ? aza_flist__add(&ev->l, &f, xp) : add_finding(ev, &f, xp))
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

static size_t ptr_hash(const aza_res *r)
{
	uint64_t h = (uint64_t)(uintptr_t)r * 0x9e3779b97f4a7c15ull;
	return (size_t)(h >> 20);
}

/* Unpack a stored resource on first use; the tree lives until the
 * evaluator releases its documents (after each resource or scope-wide
 * call). The cache is the evaluator's: resources are shared by threads. */
const aza_json *aza_doc(aza_ev *ev, const aza_res *r)
{
	if (!r || r->doc || !r->text)
		return r ? r->doc : NULL;
	size_t h = 0;
	if (ev->dcap) {
		h = ptr_hash(r) & (ev->dcap - 1);
		while (ev->dt[h].r) {
			if (ev->dt[h].r == r)
				return ev->dt[h].doc;
			h = (h + 1) & (ev->dcap - 1);
		}
	}
	if ((ev->nloaded + 1) * 2 > ev->dcap) {
		/* Grow the table (and the list of used slots with it). */
		size_t cap = ev->dcap ? ev->dcap * 2 : 64;
		struct dslot *t = aza__malloc(cap * sizeof *t);
		size_t *l = aza__malloc(cap * sizeof *l);
		if (!t || !l) {
			aza__free(t);
			aza__free(l);
			ev->failed = 1;
			return NULL;
		}
		memset(t, 0, cap * sizeof *t);
		for (size_t i = 0; i < ev->nloaded; i++) {
			struct dslot *o = &ev->dt[ev->loaded[i]];
			size_t k = ptr_hash(o->r) & (cap - 1);
			while (t[k].r)
				k = (k + 1) & (cap - 1);
			t[k] = *o;
			l[i] = k;
		}
		aza__free(ev->dt);
		aza__free(ev->loaded);
		ev->dt = t;
		ev->loaded = l;
		ev->dcap = ev->caploaded = cap;
		h = ptr_hash(r) & (cap - 1);
		while (ev->dt[h].r)
			h = (h + 1) & (cap - 1);
	}
	const aza_json *j = aza_inv__doc(ev->s->inv, r, &ev->docs, &ev->win);
	if (!j) {
		/* The stored form was made from a parsed tree: only memory can fail here. */
		ev->failed = 1;
		return NULL;
	}
	ev->dt[h].r = r;
	ev->dt[h].doc = j;
	ev->loaded[ev->nloaded++] = h;
	return j;
}

static void release_docs(aza_ev *ev)
{
	for (size_t i = 0; i < ev->nmemo; i++)
		if (ev->memo[i].free_fn)
			ev->memo[i].free_fn(ev->memo[i].val);
	ev->nmemo = 0;
	for (size_t i = 0; i < ev->nloaded; i++)
		ev->dt[ev->loaded[i]].r = NULL;
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

void aza_ev_nomem(aza_ev *ev)
{
	ev->failed = 1;
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
		const char *scope = *g->scope ? g->scope : "the tenant";
		if (!strcmp(g->api, "input")) /* an input that holds part of a listing (aza_inv__gap) */
			*why = aza_ev_fmt(ev, "%s could not be read in full for %s (%s)", type, scope, g->message);
		else
			*why = aza_ev_fmt(ev, "%s could not be read for %s (%s%sHTTP %d: %s)", type, scope, g->api,
			                  *g->api ? ", " : "", g->status, g->message);
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
	if (r && aza_is_template(r))
		return 1;
	*why = aza_ev_fmt(ev, "the input has no %s data (not collected?)", type);
	return 0;
}

/* ---- policy exemptions ----
 * An exemption (Microsoft.Authorization/policyExemptions) takes its scope
 * and everything below it out of the evaluation of one assignment, or of
 * the members of an initiative assignment that its
 * policyDefinitionReferenceIds list (none: every member). Both categories,
 * Waiver and Mitigated, do: the category records why, not whether, the
 * scope is left out (Azure Policy exemption structure). An exemption whose
 * expiresOn has passed no longer applies. */

/* The scope an exemption lives at: its id before the provider segment
 * ("/" for one at the root). */
static const char *exemption_scope(aza_ev *ev, const aza_res *e)
{
	const char *p = aza__istrstr(e->id, "/providers/" AZA_PE_TYPE "/");
	if (!p)
		return e->parent && *e->parent ? e->parent : NULL;
	return p == e->id ? "/" : aza_ev_fmt(ev, "%.*s", (int)(p - e->id), e->id);
}

int aza_ev_root_mg(aza_ev *ev, const char *sc)
{
	const char *t = aza_inv_tenant_id(aza_ev_inv(ev));
	if (!t || !*t || !aza__istarts(sc, AZA_MG_PREFIX))
		return 0;
	sc += strlen(AZA_MG_PREFIX);
	size_t n = strlen(t);
	return aza__strnieq(sc, t, n) && (!sc[n] || !strcmp(sc + n, "/"));
}

/* Are two resource ids the same, case-insensitively and without a
 * trailing slash? */
static int same_id(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	while (n > 1 && a[n - 1] == '/')
		n--;
	while (m > 1 && b[m - 1] == '/')
		m--;
	return n == m && aza__strnieq(a, b, n);
}

#define AZA_MG_SUB_TYPE AZA_MG_TYPE "/subscriptions"

/* The management group the templates place subscription id sub under (a
 * Microsoft.Management/managementGroups/subscriptions resource, whose id
 * is <group id>/subscriptions/<subscription id>): NULL when none does, or
 * when two place it under different groups (which one Azure ends with
 * depends on the order of the deployments). */
static const char *template_sub_group(aza_ev *ev, const char *sub)
{
	const char *g = NULL;
	size_t gl = 0;
	for (const aza_res *r = aza_inv_first(aza_ev_inv(ev), AZA_MG_SUB_TYPE); r; r = r->next_of_type) {
		const char *s = aza__istrstr(r->id, "/subscriptions/");
		if (!aza_is_template(r) || !s || !aza__strieq(s + strlen("/subscriptions/"), sub))
			continue;
		size_t n = (size_t)(s - r->id);
		if (g && (n != gl || !aza__strnieq(g, r->id, n)))
			return NULL;
		g = r->id;
		gl = n;
	}
	return g ? aza_ev_fmt(ev, "%.*s", (int)gl, g) : NULL;
}

/* Management groups nest at most six levels below the root (Azure
 * management groups overview); a longer chain of parents is a loop. */
#define MG_DEPTH 10

/* The parent the templates give management group g (its
 * properties.details.parent.id), or NULL when they deploy no such group or
 * do not say. */
static const char *mg_parent(aza_ev *ev, const char *g)
{
	const aza_res *m = aza_inv_find(aza_ev_inv(ev), g);
	if (!m || !aza_is_template(m) || strcmp(m->type, AZA_MG_TYPE))
		return NULL;
	const char *p = aza_json_str(aza_prop(ev, m, "properties.details.parent.id"));
	return p && aza__istarts(p, AZA_MG_PREFIX) ? p : NULL;
}

int aza_ev_mg_within(aza_ev *ev, const char *child, const char *anc)
{
	if (!child || !anc || !aza__istarts(anc, AZA_MG_PREFIX) || strchr(anc + strlen(AZA_MG_PREFIX), '/'))
		return -1;
	if (same_id(child, anc) || aza_ev_root_mg(ev, anc))
		return 1;
	const char *g = child;
	if (aza__istarts(child, "/subscriptions/")) {
		const char *sub = child + strlen("/subscriptions/");
		if (!*sub || strchr(sub, '/') || !(g = template_sub_group(ev, sub)))
			return -1;
	} else if (!aza__istarts(child, AZA_MG_PREFIX)) {
		return -1;
	}
	/* Up the parents the templates give. */
	for (int depth = 0; depth < MG_DEPTH; depth++) {
		if (same_id(g, anc))
			return 1;
		/* The top of the tree: anc is not on the way. */
		if (aza_ev_root_mg(ev, g))
			return 0;
		const char *p = mg_parent(ev, g);
		if (!p) {
			/* Where g sits is not known, but when anc's own parents lead
			 * to g, anc is below g, on another branch: not above child
			 * (a group below g cannot also be above it). */
			const char *x = anc;
			for (int d = 0; x && d < MG_DEPTH; d++, x = mg_parent(ev, x))
				if (same_id(x, g))
					return 0;
			return -1;
		}
		g = p;
	}
	return -1;
}

/* The groups aza_ev_mg_within(ev, child, anc) compares anc with, for
 * every anc at once: child's group (itself, or the group the templates
 * place subscription child under) and its parents, up to the tenant root
 * group, a group whose parent the templates do not give, or MG_DEPTH.
 * Returns how many (0: child is placed nowhere). */
static size_t mg_chain(aza_ev *ev, const char *child, const char **up)
{
	const char *g = child;
	size_t n = 0;
	if (aza__istarts(child, "/subscriptions/")) {
		const char *sub = child + strlen("/subscriptions/");
		if (!*sub || strchr(sub, '/') || !(g = template_sub_group(ev, sub)))
			return 0;
	} else if (!aza__istarts(child, AZA_MG_PREFIX)) {
		return 0;
	}
	while (g && n < MG_DEPTH) {
		up[n++] = g;
		if (aza_ev_root_mg(ev, g))
			break;
		g = mg_parent(ev, g);
	}
	return n;
}

/* Is aza_ev_mg_within(ev, child, anc) 1, given child's chain (mg_chain)?
 * The answers 0 and -1 are not told apart. */
static int mg_on_chain(aza_ev *ev, const char *child, const char *const *up, size_t n, const char *anc)
{
	if (!anc || !aza__istarts(anc, AZA_MG_PREFIX) || strchr(anc + strlen(AZA_MG_PREFIX), '/'))
		return 0;
	if (same_id(child, anc) || aza_ev_root_mg(ev, anc))
		return 1;
	for (size_t i = 0; i < n; i++)
		if (same_id(up[i], anc))
			return 1;
	return 0;
}

int aza_selectors_reach(aza_ev *ev, const aza_res *x, const char *rtype, const char **why)
{
	const aza_json *rs = aza_prop(ev, x, "properties.resourceSelectors");
	*why = NULL;
	if (!rs || aza_json_is(rs, AZA_JNULL) || (aza_json_is(rs, AZA_JARR) && !aza_json_len(rs)))
		return AZA_SEL_NONE;
	if (!aza_json_is(rs, AZA_JARR))
		return AZA_SEL_UNREAD;
	if (!rtype) {
		*why = "they select resources by type or location, and the verdict is about resources of every type";
		return AZA_SEL_UNSURE;
	}
	int res = AZA_SEL_OUT;
	const char *uw = NULL;
	aza_json_each(r, rs) {
		const aza_json *sels = aza_json_get(r, "selectors");
		int one = 1;
		if (!aza_json_is(sels, AZA_JARR) || !aza_json_len(sels)) {
			one = -1;
			uw = "a resource selector has no selectors list";
		}
		aza_json_each(sel, sels) {
			const char *kind = aza_json_str(aza_json_get(sel, "kind"));
			const aza_json *in = aza_json_get(sel, "in"), *nin = aza_json_get(sel, "notIn");
			int has_in = aza_json_is(in, AZA_JARR), has_nin = aza_json_is(nin, AZA_JARR);
			if (!kind || !aza__strieq(kind, "resourceType") || (!has_in && !has_nin)) {
				if (one > 0)
					one = -1;
				if (!uw)
					uw = aza_ev_fmt(ev, "a resource selector has a selector of kind '%s' that azaudit does not evaluate",
					                kind ? kind : "(none)");
			} else if ((has_in && !aza_json_has_str(in, rtype)) || (has_nin && aza_json_has_str(nin, rtype))) {
				one = 0;
			}
		}
		if (one > 0)
			return AZA_SEL_ALL;
		if (one < 0)
			res = AZA_SEL_UNSURE;
	}
	if (res < 0)
		*why = uw;
	return res;
}

/* Do an exemption's resourceSelectors leave resources of rtype in (NULL:
 * the verdict is about resources of any type)? 1 yes (none: the exemption
 * covers every resource of its scope), 0 no (every resource selector has
 * a resourceType selector leaving rtype out), -1 azaudit cannot tell: a
 * selector that picks some resources of the type (by location, say)
 * exempts part of what the verdict is about. A selector that picks every
 * resource of the type by its type alone (AZA_SEL_ALL: an assignment with
 * one reaches them all, iam.c) is -1 here too, as before the reader was
 * shared: judging such an exemption as one without selectors would turn
 * these UNKNOWNs into FAILs, a change of its own. */
static int exemption_selects(aza_ev *ev, const aza_res *e, const char *rtype, const char **why)
{
	int s = aza_selectors_reach(ev, e, rtype, why);
	*why = "its resourceSelectors exempt only the resources they select, which azaudit cannot place";
	return s == AZA_SEL_NONE ? 1 : s == AZA_SEL_OUT ? 0 : -1;
}

/* Is es, an exemption's scope or a notScopes entry, below the scope judged:
 * a resource group or a resource of the subscription or, for a management
 * group (a template-only scan), a group or subscription the templates'
 * parents place below it, or a resource group or resource of such a
 * subscription (placed by its subscription, the part of its id a
 * Microsoft.Management/managementGroups/subscriptions resource names)? Its
 * resources are then out of the assignment while the rest of the scope
 * stays in. Returns what es is, for the message ("resource group"), or
 * NULL. */
const char *aza_scope_below(aza_ev *ev, const char *es, const aza_res *scope)
{
	if (!strcmp(es, "/") || same_id(es, scope->id))
		return NULL;
	const char *top = es, *kind = "resource";
	if (aza__istarts(es, "/subscriptions/")) {
		const char *s = es + strlen("/subscriptions/"), *end = strchr(s, '/');
		const char *rg = end && aza__istarts(end, "/resourceGroups/") ? end + strlen("/resourceGroups/") : NULL;
		if (!end || (end[0] == '/' && !end[1]))
			kind = "subscription";
		else if (rg && *rg && (!strchr(rg, '/') || !strcmp(strchr(rg, '/'), "/")))
			kind = "resource group";
		if (end)
			top = aza_ev_fmt(ev, "%.*s", (int)(end - es), es);
	} else if (aza__istarts(es, AZA_MG_PREFIX)) {
		kind = "management group";
	} else {
		return NULL;
	}
	if (aza_id_within(es, scope->id))
		return kind;
	return aza_is_mg(scope) && aza_ev_mg_within(ev, top, scope->id) > 0 ? kind : NULL;
}

int aza_notscopes(aza_ev *ev, const aza_res *a, const aza_json **list)
{
	const aza_json *ns = aza_prop(ev, a, "properties.notScopes");
	*list = NULL;
	if (!ns || aza_json_is(ns, AZA_JNULL))
		return 0;
	if (!aza_json_is(ns, AZA_JARR))
		return -1;
	*list = ns;
	return 1;
}

int aza_scope_at(aza_ev *ev, const char *x, const aza_res *scope, int own, int what)
{
	if (!x)
		return AZA_AT_UNREAD;
	if (aza_id_within(scope->id, x) || aza_ev_root_mg(ev, x))
		return AZA_AT_HOLDS;
	/* A notScope lies within its assignment's scope: at the scope judged,
	 * one that does not hold it is below it. */
	if (own)
		return AZA_AT_BELOW;
	if ((what & AZA_AT_ABOVE) && aza__istarts(x, AZA_MG_PREFIX)) {
		int in = aza_ev_mg_within(ev, scope->id, x);
		if (in)
			return in > 0 ? AZA_AT_ABOVE : AZA_AT_UNPLACED;
	}
	return (what & AZA_AT_BELOW) && aza_scope_below(ev, x, scope) ? AZA_AT_BELOW : AZA_AT_APART;
}

int aza_policy_exempt(aza_ev *ev, const aza_res *a, const aza_res *scope, const char *ref, const char *rtype,
                      const char **msg)
{
	aza_inv *inv = aza_ev_inv(ev);
	double at = aza_ev_collected_at(ev);
	const char *unsure = NULL, *partial = NULL;
	*msg = NULL;
	for (const aza_res *e = aza_inv_first(inv, AZA_PE_TYPE); e; e = e->next_of_type) {
		const aza_json *pa = aza_prop(ev, e, "properties.policyAssignmentId");
		const char *pas = aza_json_str(pa);
		const char *es = exemption_scope(ev, e);
		if (!es)
			continue;
		/* Where it is: at the scope judged, at the root, or (for a
		 * subscription) at the subscription itself; one at another
		 * management group may be above the scope, and the input does not
		 * hold the management group tree. */
		int here = aza__strieq(es, scope->id) || !strcmp(es, "/") || aza_ev_root_mg(ev, es);
		int other_mg = !here && aza__istarts(es, AZA_MG_PREFIX);
		/* Unless the templates' management group parents place the
		 * scope below it, or away from it. */
		int within = other_mg ? aza_ev_mg_within(ev, scope->id, es) : -1;
		if (within > 0) {
			here = 1;
			other_mg = 0;
		}
		/* Or below it: a resource group, a resource, a group below the
		 * group judged. The assignment still covers the rest of the
		 * scope, but not all of it. */
		const char *part = here ? NULL : aza_scope_below(ev, es, scope);
		if (part) {
			other_mg = 0;
			within = -1;
		}
		if ((!here && !other_mg && !part) || !within)
			continue;
		if (pas ? !aza__strieq(pas, a->id) : !aza_json_is(pa, AZA_JUNKNOWN))
			continue;
		const char *exp = aza_json_str(aza_prop(ev, e, "properties.expiresOn"));
		double t;
		if (exp && !aza__iso_time(exp, &t, NULL) && t <= at)
			continue;
		const aza_json *refs = aza_prop(ev, e, "properties.policyDefinitionReferenceIds");
		int listed = aza_json_is(refs, AZA_JARR) && aza_json_len(refs);
		if (listed && ref && !aza_json_has_str(refs, ref))
			continue;
		const char *cat = aza_json_str(aza_prop(ev, e, "properties.exemptionCategory"));
		const char *what = aza_ev_fmt(ev, "policy exemption '%s' (%s%s%s)", e->name, cat ? cat : "no category",
		                              exp ? ", expires " : "", exp ? exp : "");
		const char *sw = NULL;
		int sel = exemption_selects(ev, e, rtype, &sw);
		if (!sel)
			continue;
		if (!pas)
			sw = "it names a policy assignment only known at deployment";
		else if (other_mg)
			sw = aza_ev_fmt(ev, "it is at %s, and the input does not say whether the %s is below it", es,
			                aza_scope_noun(scope));
		else if (listed && !ref)
			sw = "it lists policyDefinitionReferenceIds, and the assignment is of a definition, not an initiative";
		else if (sel > 0 && part) {
			/* One that takes the whole scope out, found later, is named
			 * instead. */
			if (!partial)
				partial = aza_ev_fmt(ev, "%s at %s exempts that %s, within the %s, from assignment '%s'%s%s", what, es, part,
				                     aza_scope_noun(scope), a->name, listed ? " for " : "", listed ? ref : "");
			continue;
		} else if (sel > 0) {
			*msg = aza_ev_fmt(ev, "%s at %s exempts the %s from assignment '%s'%s%s", what, es, aza_scope_noun(scope),
			                  a->name, listed ? " for " : "", listed ? ref : "");
			return 1;
		}
		if (!unsure)
			unsure = aza_ev_fmt(ev, "%s may exempt %sthe %s from assignment '%s': %s", what, part ? "resources of " : "",
			                    aza_scope_noun(scope), a->name, sw);
	}
	if (partial) {
		*msg = partial;
		return 2;
	}
	if (unsure) {
		*msg = unsure;
		return -1;
	}
	/* A template's assignment is judged with the exemptions the templates
	 * deploy: what Azure holds is outside a template scan. */
	const char *why;
	if (aza_is_template(a) || aza_ev_collected(ev, AZA_PE_TYPE, scope, &why))
		return 0;
	/* Azure refused the list: an exemption may be there. A snapshot from
	 * before exemptions were collected (or an export without them) keeps
	 * its verdict, which says so. */
	if (aza_inv_gap(inv, AZA_PE_TYPE, scope->id)) {
		*msg = why;
		return -1;
	}
	*msg = aza_ev_fmt(ev, "; %s, so a policy exemption taking the %s out of this assignment is not ruled out", why,
	                  aza_scope_noun(scope));
	return 0;
}

int aza_override_first(aza_ev *ev, const aza_res *a, struct aza_override *o)
{
	const aza_json *ovs = aza_prop(ev, a, "properties.overrides");
	memset(o, 0, sizeof *o);
	if (!ovs || aza_json_is(ovs, AZA_JNULL))
		return 0;
	if (!aza_json_is(ovs, AZA_JARR))
		return -1;
	o->at_ = aza_json__first(ovs);
	return 1;
}

int aza_override_next(struct aza_override *o)
{
	for (; o->at_; o->at_ = o->at_->next, o->at_n_++) {
		const aza_json *e = o->at_;
		const char *kind = aza_json_str(aza_json_get(e, "kind"));
		if (kind && !aza__strieq(kind, "policyEffect"))
			continue;
		o->n = o->at_n_;
		o->kind = kind;
		o->value = aza_json_str(aza_json_get(e, "value"));
		o->entry = e;
		o->at_ = e->next;
		o->at_n_++;
		return 1;
	}
	return 0;
}

double aza_ev_now(aza_ev *ev)
{
	return ev->s->now;
}

double aza_ev_collected_at(aza_ev *ev)
{
	double t = aza_inv_collected_at(ev->s->inv);
	return t > 0 ? t : aza_ev_now(ev);
}

int aza_ev_days_until(aza_ev *ev, const aza_json *when, double *days)
{
	double t;
	const char *s = aza_json_str(when);
	if (s) {
		if (aza__iso_time(s, &t, NULL))
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

#define LOCK_TYPE "Microsoft.Authorization/locks"

static int delete_level(aza_ev *ev, const aza_res *l, const char **level)
{
	const char *lv = aza_json_str(aza_prop(ev, l, "properties.level"));
	if (!lv || !(aza__strieq(lv, "CanNotDelete") || aza__strieq(lv, "ReadOnly")))
		return 0;
	if (level)
		*level = lv;
	return 1;
}

/* A lock applies to its scope and everything below it: the locks that can
 * apply to r are those whose scope is r's id or a prefix of it ending at a
 * segment, found through the inventory's (type, parent) index instead of
 * testing every lock of the tenant for each resource (quadratic: with
 * 5,000 locks, a 1M-resource tenant spent a tenth of its scan there). The
 * nearest scope is looked at first (r itself, then the resources above it,
 * its resource group, its subscription), each scope's locks in input order:
 * the lock a finding names is the one closest to the resource. */
const aza_res *aza_ev_delete_lock(aza_ev *ev, const aza_res *r, const char **level)
{
	aza_inv *inv = aza_ev_inv(ev);
	size_t n = strlen(r->id);
	char buf[1024], *scope = n < sizeof buf ? buf : aza__malloc(n + 1);
	const aza_res *found = NULL;
	if (!scope) {
		ev->failed = 1;
		return NULL;
	}
	/* r's id, then each prefix that ends at a segment, then "/" and ""
	 * (scopes of everything). */
	memcpy(scope, r->id, n + 1);
	for (size_t p = n; !found; p--) {
		if (p > 1 && p < n && r->id[p] != '/')
			continue;
		scope[p] = 0;
		for (const aza_res *l = aza_inv_child(inv, scope, LOCK_TYPE); l && !found; l = aza_inv_next_child(l, scope))
			if (delete_level(ev, l, level))
				found = l;
		if (p == 0)
			break;
	}
	if (scope != buf)
		aza__free(scope);
	return found;
}

/* Run one check on one target; a check that says nothing is a bug we
 * report as UNKNOWN rather than letting it read as compliant. */
static void run_one(aza_ev *ev, const aza_res *r)
{
	aza_arena_mark m = aza_arena__mark(&ev->tmp);
	int before = ev->emitted;
	size_t first = ev_nf(ev);
	aza_json__touch_reset();
	ev->rule->check(ev, r);
	if (ev->emitted == before)
		aza_unknown(ev, r, "rule reached no verdict (this is a bug in azaudit; please report it)");
	/* A verdict that read a value only known at deployment (a template's
	 * reference(), a parameter without value) is not a verdict. */
	const char *t = aza_json__touched();
	if (t) {
		for (size_t i = first; i < ev_nf(ev); i++) {
			aza_frec *f = ev_f(ev, i);
			if (f->status == AZA_UNKNOWN) {
				/* Already UNKNOWN (a wrong-typed value): say which value. */
				f->message = aza_arena__printf(ev->keep, "%s (it depends on %s, which is not known before deployment)",
				                               f->message, t);
				if (!f->message)
					ev->failed = 1;
				continue;
			}
			/* NOT_APPLICABLE too: "nothing in scope" read from a value
			 * only known at deployment (addonProfiles a parameter) is
			 * no more known than a PASS. */
			if (f->status != AZA_PASS && f->status != AZA_FAIL && f->status != AZA_NOT_APPLICABLE)
				continue;
			f->status = AZA_UNKNOWN;
			f->message = aza_arena__printf(ev->keep, "depends on %s, which is not known before deployment (%s)",
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

/* Some exports (az resource list) carry no properties: nothing about the
 * configuration can be said. The same for every rule of the resource, so
 * asked once per resource (it was a lookup per rule and resource). */
static int no_properties(aza_ev *ev, const aza_res *r)
{
	const aza_json *pr = aza_json_get(aza_doc(ev, r), "properties");
	return (!pr || aza_json_is(pr, AZA_JNULL)) && !*r->api_version;
}

/* A template-only scan describes resources to deploy, not the tenant or
 * subscription they land in: a scope-wide rule is judged only when the
 * templates deploy its subject (rule.h, .subject), what its verdict is
 * about. Types it merely consults (the action groups an alert notifies, the
 * plan a setting depends on) do not count: without the subject every
 * verdict would rest on what the scope holds outside the templates, which
 * the input does not show, so the rule is not applicable, rather than
 * UNKNOWN or a FAIL or PASS on an absence. */

/* Does the input hold a resource of entry e for scope resource `scope`? */
static int subject_entry_held(aza_ev *ev, const aza_res *scope, const aza_subject *e)
{
	char t[160];
	if (!e->tl || e->tl >= sizeof t)
		return 0;
	memcpy(t, e->type, e->tl);
	t[e->tl] = 0;
	aza_inv *inv = ev->s->inv;
	/* The scope's own: a subscription's (or management group's) children;
	 * for the tenant, what lies in no subscription ('/', a management
	 * group). */
	int child = e->at && scope != aza_inv_tenant(inv);
	for (const aza_res *r = child ? aza_inv_child(inv, scope->id, t) : aza_inv_first(inv, t); r;
	     r = child ? aza_inv_next_child(r, scope->id) : r->next_of_type) {
		if (r->pseudo || (e->at && !child && *r->sub))
			continue;
		/* A template name only known at deployment ("[parameters('n')]")
		 * may be the one. */
		if (!e->name || (strlen(r->name) == e->nl && aza__strnieq(r->name, e->name, e->nl)) || aza_name_unknown(r))
			return 1;
	}
	return 0;
}

/* A management group holds only the entries a rule judges there (@@).
 * What a group holds (@@) a subscription or group below it inherits: one
 * the templates' management group parents place below a group holding it
 * (aza_ev_mg_within) is judged too. */
static int subject_held(aza_ev *ev, const aza_res *scope)
{
	const char *p = ev->rule->subject;
	aza_subject e;
	int mg = aza_is_mg(scope);
	/* The groups above the scope, walked up once (as aza_ev_mg_within
	 * walks them) rather than once for every group of the input. */
	const char *up[MG_DEPTH];
	size_t nup = 0;
	int walked = 0;
	while (aza_rule__subject_next(&p, &e)) {
		if ((!mg || e.mg) && subject_entry_held(ev, scope, &e))
			return 1;
		if (!e.mg)
			continue;
		if (!walked++)
			nup = mg_chain(ev, scope->id, up);
		for (const aza_res *g = aza_inv_first(ev->s->inv, AZA_MG_TYPE); g; g = g->next_of_type)
			if (g != scope && mg_on_chain(ev, scope->id, up, nup, g->id) && subject_entry_held(ev, g, &e))
				return 1;
	}
	return 0;
}

/* Does the rule judge what a management group holds (.subject "@@")? */
static int subject_mg(const aza_rule *rule)
{
	const char *p = rule->subject;
	aza_subject e;
	while (aza_rule__subject_next(&p, &e))
		if (e.mg)
			return 1;
	return 0;
}

/* Entry e in a message: its type's last segment in the singular, split
 * into words ("activityLogAlerts": "activity log alert", "managedHSMs":
 * "managed HSM"), after the name when it has one ("Containers pricing"). */
static const char *subject_words(aza_ev *ev, const aza_subject *e)
{
	const char *p = e->type;
	size_t s = e->tl, end = e->tl;
	while (s && p[s - 1] != '/')
		s--;
	int ies = end - s > 3 && aza__strnieq(p + end - 3, "ies", 3);
	if (ies)
		end -= 3;
	else if (end - s > 1 && p[end - 1] == 's' && p[end - 2] != 's')
		end--;
	char w[160];
	size_t n = 0;
	for (size_t i = s; i < end && n + 3 < sizeof w; i++) {
		char c = p[i];
		int up = c >= 'A' && c <= 'Z';
		int up_before = i > s && p[i - 1] >= 'A' && p[i - 1] <= 'Z';
		int up_after = i + 1 < end && p[i + 1] >= 'A' && p[i + 1] <= 'Z';
		if (up && i > s && !up_before)
			w[n++] = ' ';
		/* An acronym (HSM) keeps its capitals. */
		w[n++] = up && !up_before && !up_after ? (char)(c - 'A' + 'a') : c;
	}
	if (ies)
		w[n++] = 'y';
	if (e->name)
		return aza_ev_fmt(ev, "%.*s %.*s", (int)e->nl, e->name, (int)n, w);
	return aza_ev_fmt(ev, "%.*s", (int)n, w);
}

/* The verdict of a rule whose subject the templates do not deploy. */
static void template_na(aza_ev *ev, const aza_res *scope)
{
	int tenant = scope == aza_inv_tenant(ev->s->inv), mg = aza_is_mg(scope);
	const char *whose = tenant ? "tenant" : aza_scope_noun(scope);
	const char *own = tenant ? " at the root scope or a management group" : mg ? " of the management group" : " of the subscription";
	const char *pc[32], *p = ev->rule->subject;
	size_t np = 0, nat = 0, nent = 0;
	aza_subject e;
	while (aza_rule__subject_next(&p, &e)) {
		if (mg && !e.mg)
			continue;
		nent++;
		nat += (size_t)e.at;
	}
	aza_arena_mark m = aza_arena__mark(&ev->tmp);
	/* When every entry is the scope's own, the message says so once, after
	 * the list. */
	for (p = ev->rule->subject; np < sizeof pc / sizeof pc[0] && aza_rule__subject_next(&p, &e);) {
		if (mg && !e.mg)
			continue;
		const char *w = subject_words(ev, &e);
		if (e.at && nat < nent)
			w = aza_ev_fmt(ev, "%s%s", w, own);
		size_t k = 0;
		while (k < np && strcmp(pc[k], w))
			k++;
		if (k == np)
			pc[np++] = w;
	}
	const char *what = np ? pc[0] : "";
	for (size_t k = 1; k < np; k++)
		what = aza_ev_fmt(ev, "%s%s%s", what, k + 1 < np ? ", " : " or ", pc[k]);
	/* A template may declare a management group, never what it already
	 * holds. */
	const char *gap = mg ? "what the management group holds outside the templates is not in the input"
	                     : aza_ev_fmt(ev, "the %s itself is not in the input", whose);
	if (!np)
		aza_na(ev, scope, "template scan: the templates deploy nothing this rule judges (%s)", gap);
	else
		aza_na(ev, scope, "template scan: the templates deploy no %s%s, which this rule judges (%s)", what,
		       nat == nent ? own : "", gap);
	aza_arena__reset(&ev->tmp, m);
}

/* Run a scope rule's check on scope resource r, unless it is not applicable
 * to a template-only scan. */
static void run_scope_one(aza_ev *ev, const aza_res *r)
{
	if (!aza_inv_deployed(ev->s->inv) && !subject_held(ev, r))
		template_na(ev, r);
	else
		run_one(ev, r);
	release_docs(ev);
}

static void run_scope_rule(aza_ev *ev)
{
	const aza_rule *rule = ev->rule;
	aza_inv *inv = ev->s->inv;
	const aza_res *tenant = aza_inv_tenant(inv);
	if (!rule->check) {
		const char *steps = rule->manual ? rule->manual : "";
		/* A template-only scan describes neither the subscription nor the
		 * tenant a manual scope rule is about, so there is nothing in the
		 * input to verify by hand: the check belongs to the scope the
		 * templates are deployed to. A manual rule on resources keeps
		 * MANUAL: the templates may deploy them. */
		if (rule->scope != AZA_SCOPE_RESOURCE && !aza_inv_deployed(inv)) {
			if (rule->scope == AZA_SCOPE_TENANT)
				aza_na(ev, tenant,
				       "template scan: the tenant itself is not in the input; verify by hand in the tenant the templates are deployed to: %s",
				       steps);
			else
				aza_na(ev, tenant,
				       "template scan: the subscription itself is not in the input; verify by hand on the deployed subscription: %s",
				       steps);
		} else {
			aza_manual(ev, tenant, "no API exposes this; verify by hand: %s", steps);
		}
		return;
	}
	if (rule->scope == AZA_SCOPE_TENANT) {
		run_scope_one(ev, tenant);
		return;
	}
	size_t n = 0;
	for (const aza_res *r = aza_inv_subs(inv); r; r = r->next_of_type, n++)
		run_scope_one(ev, r);
	/* A template-only scan also judges the management groups the
	 * templates deploy to, for a rule that judges what one holds: the
	 * subscriptions below inherit it, and none of them need be in the
	 * input (a landing zone's policy assignments). */
	if (!aza_inv_deployed(inv) && subject_mg(rule))
		for (const aza_res *r = aza_inv_first(inv, AZA_MG_TYPE); r; r = r->next_of_type, n++)
			run_scope_one(ev, r);
	if (n == 0)
		aza_na(ev, tenant, "no subscription in the input");
}

/* A resource rule that saw none of its resources: NOT_APPLICABLE, unless
 * "none" is not known. When the listing of one of its types failed for a
 * subscription (an error for the type there, or for all of that
 * subscription's data), that subscription is UNKNOWN; when a snapshot's
 * data sets leave a type out, the tenant is. An input without metadata (an
 * export, a template) holds what it holds: NOT_APPLICABLE. */
/* A child type whose parent type was collected and has no resource: no
 * child can exist, whether or not its listing was recorded (the collector
 * records a child listing when it lists some parent's children). */
static int childless(aza_inv *inv, const char *t)
{
	const char *last = strrchr(t, '/');
	if (!last || last == strchr(t, '/'))
		return 0;
	char parent[256];
	size_t n = (size_t)(last - t);
	if (n >= sizeof parent)
		return 0;
	memcpy(parent, t, n);
	parent[n] = 0;
	return aza_inv_dataset_listed(inv, parent) == 1 && aza_inv_count(inv, parent) == 0;
}

/* Is the absence of one of the rule's types at scope not proven? By the
 * data sets (at NULL: a type the snapshot's data sets leave out, unless no
 * child can exist), or by a gap at `at`; 1 with *why from aza_ev_collected. */
static int unproven(aza_ev *ev, const aza_res *scope, const char *at, const char **why)
{
	aza_inv *inv = ev->s->inv;
	char t[256];
	for (const char *p = aza_rule_types(ev->rule); *p;) {
		size_t n = strcspn(p, " ");
		if (n && n < sizeof t) {
			memcpy(t, p, n);
			t[n] = 0;
			int open = at ? aza_inv_gap(inv, t, at) != NULL : aza_inv_dataset_listed(inv, t) == 0 && !childless(inv, t);
			if (open && !aza_ev_collected(ev, t, scope, why))
				return 1;
		}
		p += n + (p[n] == ' ');
	}
	return 0;
}

static void none_seen(aza_ev *ev)
{
	aza_inv *inv = ev->s->inv;
	const aza_res *tenant = aza_inv_tenant(inv);
	const char *why;
	if (unproven(ev, tenant, NULL, &why)) {
		aza_unknown(ev, tenant, "none in the input, but %s", why);
		return;
	}
	int unknown = 0;
	for (const aza_res *sub = aza_inv_subs(inv); sub; sub = sub->next_of_type)
		if (unproven(ev, sub, sub->id, &why)) {
			aza_unknown(ev, sub, "none in the input, but %s", why);
			unknown = 1;
		}
	/* No subscription to put it on (an empty page of a listing): the tenant. */
	if (!unknown && !aza_inv_subs(inv) && unproven(ev, tenant, "/", &why)) {
		aza_unknown(ev, tenant, "none in the input, but %s", why);
		unknown = 1;
	}
	if (!unknown)
		aza_na(ev, tenant, "no %s in the input", ev->rule->types);
}

/* Resources [from, to) of a type's chain, every rule of the job on each. */
static void run_span(aza_ev *ev, const struct typejob *job, const aza_res *from, const aza_res *to)
{
	for (const aza_res *r = from; r != to && !ev->failed; r = r->next_of_type) {
		if (r->pseudo)
			continue;
		int bare = no_properties(ev, r);
		for (size_t q = 0; q < job->nrules; q++) {
			ev->rule_idx = job->rules[q];
			ev->rule = aza_rule_at(ev->rule_idx);
			if (bare)
				aza_unknown(ev, r, "the input has no \"properties\" for this resource (an export without details?)");
			else
				run_one(ev, r);
		}
		release_docs(ev);
	}
}

/* A piece of a type's chain with the rules to run on it. */
struct seg {
	const struct typejob *job;
	const aza_res *from, *to;
	size_t n; /* resources (not pseudo) */
};

/* Move the second evaluator's findings [from, to) after the first's. */
static void take_range(aza_ev *ev, aza_ev *ev2, size_t from, size_t to)
{
	aza_flist *l = &ev2->l;
	for (size_t i = from; i < to && !ev->failed; i++)
		if (add_finding(ev, &l->f[i], l->f[i].x ? &l->fx[l->f[i].x - 1] : NULL))
			ev->failed = 1;
}

/* The exposure model built on the other thread while this one evaluates
 * the types whose rules do not read it (storage, SQL, ...): building it
 * is a tenth of a scan, and it needs the whole inventory, so it cannot
 * start earlier. The model is read-only once built; the inventory is
 * read-only during evaluation (aza_inv_dir's writes take a lock). */
struct expo_build {
	aza_inv *inv;
	aza_expo *x;
	int rc, running;
	atomic_int done;
	pthread_t th;
};

static void *expo_thread(void *arg)
{
	struct expo_build *b = arg;
	b->rc = aza_expo__build(b->inv, &b->x);
	atomic_store(&b->done, 1);
	return NULL;
}

/* Give the scan the model once it is built (waiting for it when wait):
 * from then on the NSG rules share its parsed NSGs. -1 when the build
 * failed (the exposure rules then try again themselves, on one thread). */
static int expo_take(aza_scan *s, struct expo_build *b, int wait)
{
	if (!b->running || (!wait && !atomic_load(&b->done)))
		return 0;
	pthread_join(b->th, NULL);
	b->running = 0;
	if (b->rc)
		return -1;
	s->expo = b->x;
	b->x = NULL;
	return 0;
}

static int job_reads_expo(const struct typejob *j)
{
	for (size_t q = 0; q < j->nrules; q++)
		if (aza_expo__rule(aza_rule_at(j->rules[q])))
			return 1;
	return 0;
}

/* Evaluation in rounds. The resources of consecutive types are gathered
 * until a round holds ROUND rule evaluations (resources times the rules of
 * their type); the two threads then share the round's chunks (struct
 * share), and the other thread's findings follow this one's, as on one
 * thread. So small types (a folder of templates has many) are shared too,
 * and the other thread's buffer holds one round's findings at most. A
 * round of fewer evaluations than split_min() runs on one thread; a test
 * hook, AZAUDIT_THREADS=2, splits every round of two resources or more. */
#define ROUND ((size_t)1 << 17)
#define STEP 256

static size_t split_min(void)
{
	const char *e = getenv("AZAUDIT_THREADS");
	return e && atoi(e) == 2 ? 2 : 1024;
}

struct round {
	struct seg *seg;
	size_t nseg, cap;
	size_t evals;   /* rule evaluations gathered */
	size_t n;       /* resources gathered */
};

/* Append a piece to the round (0), or -1 when out of memory. */
static int round_add(struct round *rd, const struct typejob *job, const aza_res *from, const aza_res *to, size_t n)
{
	if (rd->nseg == rd->cap) {
		size_t cap = rd->cap ? rd->cap * 2 : 32;
		struct seg *v = aza__realloc(rd->seg, cap * sizeof *v);
		if (!v)
			return -1;
		rd->seg = v;
		rd->cap = cap;
	}
	rd->seg[rd->nseg++] = (struct seg){job, from, to, n};
	rd->evals += n * job->nrules;
	rd->n += n;
	return 0;
}

/* A place in a round: a resource of piece seg, or the end (seg == nseg). */
struct rpos {
	size_t seg;
	const aza_res *r;
};

/* A round cut into up to NCHUNK chunks of about as many evaluations. The
 * calling thread takes chunks from the front, the other thread from the
 * back, until they meet: what each takes depends on how fast it goes (the
 * rules of some types cost far more than others), and the calling
 * thread's chunks stay a prefix of the round, so its findings go straight
 * to the scan while the other's wait in its buffer. */
#define NCHUNK 64

struct share {
	aza_ev *ev;
	const struct round *rd;
	const struct rpos *at; /* chunk i is [at[i], at[i + 1]) */
	pthread_mutex_t mu;
	size_t lo, hi;         /* chunks not taken: [lo, hi) */
	size_t start[NCHUNK];  /* where the other thread's chunks' findings start in its
	                          buffer, in the order taken (the round's, reversed) */
	size_t ntook;
};

static void run_chunk(aza_ev *ev, const struct round *rd, struct rpos a, struct rpos b)
{
	for (size_t g = a.seg; g < rd->nseg && g <= b.seg && !ev->failed; g++) {
		const struct seg *sg = &rd->seg[g];
		const aza_res *from = g == a.seg ? a.r : sg->from, *to = g == b.seg ? b.r : sg->to;
		run_span(ev, sg->job, from, to);
	}
}

/* Take the next chunk from the front (front) or the back; SIZE_MAX: none left. */
static size_t share_take(struct share *sh, int front)
{
	size_t i = SIZE_MAX;
	pthread_mutex_lock(&sh->mu);
	if (sh->lo < sh->hi)
		i = front ? sh->lo++ : --sh->hi;
	pthread_mutex_unlock(&sh->mu);
	return i;
}

static void *share_thread(void *arg)
{
	struct share *sh = arg;
	size_t i;
	while (!sh->ev->failed && (i = share_take(sh, 0)) != SIZE_MAX) {
		sh->start[sh->ntook++] = sh->ev->l.nf;
		run_chunk(sh->ev, sh->rd, sh->at[i], sh->at[i + 1]);
	}
	return NULL;
}

/* Run the round gathered and empty it: on two threads when threads and
 * it is big enough, else on this one. */
static void round_run(aza_ev *ev, aza_ev *ev2, struct round *rd, int threads, size_t min)
{
	struct rpos at[NCHUNK + 1];
	size_t nch = 0;
	at[nch++] = (struct rpos){0, rd->nseg ? rd->seg[0].from : NULL};
	if (threads && rd->n >= 2 && rd->evals >= min) {
		/* Chunk starts: after the resource that fills a chunk. */
		size_t want = rd->evals / NCHUNK, acc = 0;
		if (!want)
			want = 1;
		for (size_t g = 0; g < rd->nseg && nch < NCHUNK; g++)
			for (const aza_res *r = rd->seg[g].from; r != rd->seg[g].to && nch < NCHUNK; r = r->next_of_type) {
				if (r->pseudo || (acc += rd->seg[g].job->nrules) < want)
					continue;
				acc = 0;
				if (r->next_of_type != rd->seg[g].to)
					at[nch++] = (struct rpos){g, r->next_of_type};
				else if (g + 1 < rd->nseg)
					at[nch++] = (struct rpos){g + 1, rd->seg[g + 1].from};
			}
	}
	at[nch] = (struct rpos){rd->nseg, NULL};
	struct share sh;
	sh.ev = ev2;
	sh.rd = rd;
	sh.at = at;
	sh.lo = 0;
	sh.hi = nch;
	sh.ntook = 0;
	pthread_t th;
	int two = nch > 1 && pthread_mutex_init(&sh.mu, NULL) == 0;
	if (two && pthread_create(&th, NULL, share_thread, &sh) != 0) {
		pthread_mutex_destroy(&sh.mu);
		two = 0;
	}
	if (!two) {
		run_chunk(ev, rd, at[0], at[nch]);
	} else {
		size_t i;
		while (!ev->failed && (i = share_take(&sh, 1)) != SIZE_MAX)
			run_chunk(ev, rd, at[i], at[i + 1]);
		pthread_join(th, NULL);
		pthread_mutex_destroy(&sh.mu);
		if (ev2->failed)
			ev->failed = 1;
		/* Its chunks were taken from the back: in round order, the last
		 * taken first. */
		for (size_t k = sh.ntook; k-- > 0;)
			take_range(ev, ev2, sh.start[k], k + 1 < sh.ntook ? sh.start[k + 1] : ev2->l.nf);
		ev2->l.nf = 0;
		ev2->l.nfx = 0;
	}
	rd->nseg = 0;
	rd->evals = 0;
	rd->n = 0;
}

int aza_engine__run(aza_scan *s)
{
	if (aza_rule_count() > UINT16_MAX) /* aza_frec.rule is 16 bits */
		return aza__err(s->ctx, AZA_EUSAGE, "too many rules (%zu)", aza_rule_count());
	aza_ev ev, ev2;
	memset(&ev, 0, sizeof ev);
	memset(&ev2, 0, sizeof ev2);
	ev.s = s;
	aza_arena__init(&ev.tmp);
	aza_arena__init(&ev.docs);
	ev.msgs = aza_scan__msgs(s, 0);
	ev.keep = &s->warena[0]; /* not the inventory's: aza_inv_dir writes there */
	ev2.s = s;
	ev2.own = 1;
	aza_arena__init(&ev2.tmp);
	aza_arena__init(&ev2.docs);
	ev2.keep = &s->warena[1];
	aza_inv *inv = s->inv;
	/* Two threads share the resources of each type, each with its own
	 * documents, memo, scratch, messages and findings. The exposure model
	 * (built on first use) is built on the second thread while the first
	 * evaluates the types that do not need it (struct expo_build), else
	 * before. */
	int threads = aza_input__threads() > 1;
	size_t min = split_min();
	struct expo_build xb;
	memset(&xb, 0, sizeof xb);
	struct round rd;
	memset(&rd, 0, sizeof rd);
	xb.inv = s->inv;
	if (threads && !aza_scan__msgs(s, 1))
		threads = 0;
	if (aza_expo__selected(s) && !s->expo) {
		if (threads && pthread_create(&xb.th, NULL, expo_thread, &xb) == 0)
			xb.running = 1;
		else if (!aza_expo__of_scan(s))
			threads = 0; /* out of memory: the rules say so, on one thread */
	}
	ev2.msgs = s->msgs[1];
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
		if (expo_take(s, &xb, job_reads_expo(&jobs[k])))
			threads = 0;
		const aza_res *first = aza_inv_first(inv, jobs[k].type);
		size_t n = 0;
		for (const aza_res *r = first; r; r = r->next_of_type)
			n += !r->pseudo;
		if (n)
			for (size_t q = 0; q < jobs[k].nrules; q++)
				seen[jobs[k].rules[q]]++;
		/* While the other thread builds the exposure model, this one
		 * goes on alone, in short steps so as to split the rest of the
		 * type as soon as the model is there. */
		while (first && xb.running && !ev.failed) {
			const aza_res *end = first;
			for (size_t m = 0; end && m < STEP;) {
				m += !end->pseudo;
				end = end->next_of_type;
			}
			run_span(&ev, &jobs[k], first, end);
			first = end;
			if (expo_take(s, &xb, 0))
				threads = 0;
		}
		if (!first)
			continue;
		if (!threads) {
			round_run(&ev, &ev2, &rd, 0, min); /* what was gathered first */
			run_span(&ev, &jobs[k], first, NULL);
			continue;
		}
		/* Into rounds, cut where a round is full. */
		for (const aza_res *from = first; from && !ev.failed;) {
			size_t room = (ROUND - rd.evals) / jobs[k].nrules, m = 0;
			if (!room)
				room = 1;
			const aza_res *end = from;
			while (end && m < room) {
				m += !end->pseudo;
				end = end->next_of_type;
			}
			if (round_add(&rd, &jobs[k], from, end, m)) {
				ev.failed = 1;
				break;
			}
			if (rd.evals >= ROUND)
				round_run(&ev, &ev2, &rd, threads, min);
			from = end;
		}
	}
	if (!ev.failed)
		round_run(&ev, &ev2, &rd, threads, min);
	if (expo_take(s, &xb, 1))
		threads = 0;
	for (size_t i = 0; i < nrules && !ev.failed; i++) {
		const aza_rule *r = aza_rule_at(i);
		if (!aza_scan__selected(s, r))
			continue;
		ev.rule = r;
		ev.rule_idx = (uint32_t)i;
		if (r->check && r->scope == AZA_SCOPE_RESOURCE) {
			if (!seen[i])
				none_seen(&ev);
			continue;
		}
		run_scope_rule(&ev);
	}
	/* Catalogue order. */
	if (!ev.failed && aza_fstore__sort(&s->l, aza_rule_count()))
		ev.failed = 1;
out:
	expo_take(s, &xb, 1);
	aza_expo__free(xb.x);
	/* The rules are done with the model: the reports do not read it, so it
	 * does not stay for them, unless the caller holds it
	 * (aza_exposure_compute). */
	if (!s->expo_public) {
		aza_expo__free(s->expo);
		s->expo = NULL;
	}
	release_docs(&ev);
	release_kept(&ev);
	aza__free(ev.loaded);
	aza__free(ev.dt);
	release_docs(&ev2);
	release_kept(&ev2);
	aza__free(ev2.loaded);
	aza__free(ev2.dt);
	aza_flist__release(&ev2.l);
	aza_arena__release(&ev2.docs);
	aza_arena__release(&ev2.tmp);
	aza_docwin__release(&ev2.win);
	aza__free(seen);
	aza__free(rd.seg);
	aza__free(jobs);
	aza_arena__release(&ev.docs);
	aza_arena__release(&ev.tmp);
	aza_docwin__release(&ev.win);
	if (s->l.ioerr || aza_inv__store_rerr(s->inv))
		return aza_scan__store_error(s);
	if (rc || ev.failed)
		return aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	return 0;
}

/* The first IP rule of the list at `path` ([{key: ...}]) that opens the
 * firewall (aza_nsg__fw_open: a /16 of public addresses, an IPv6 /32): 1 with *val and *all (it
 * admits every address) set; 0 when none does; -1 when the rules cannot be
 * read (not an array, a value that is not an address range), with *val set
 * to the reason. */
int aza_ip_rules_open_at(aza_ev *ev, const aza_res *r, const char *path, const char *key, const char **val, int *all)
{
	const aza_json *rules = aza_prop(ev, r, path);
	if (rules && !aza_json_is(rules, AZA_JARR) && !aza_json_is(rules, AZA_JNULL)) {
		*val = aza_ev_fmt(ev, "%s is not an array", strncmp(path, "properties.", 11) ? path : path + 11);
		return -1;
	}
	aza_json_each(rule, rules) {
		const char *v = aza_json_str(aza_json_get(rule, key));
		aza_nsg_span sp;
		if (!v || !aza_nsg__prefix(v, &sp)) {
			*val = v ? aza_ev_fmt(ev, "IP rule %s '%s' is not an address or address range", key, v)
			         : aza_ev_fmt(ev, "an IP rule has no string %s", key);
			return -1;
		}
		/* A range as wide as the internet opens the firewall even though the
		 * default action is Deny. */
		int open = aza_nsg__fw_open(&sp);
		*all = open == 2;
		if (open) {
			*val = v;
			return 1;
		}
	}
	return 0;
}

int aza_ip_rules_open(aza_ev *ev, const aza_res *r, const char *path, const char **val, int *all)
{
	return aza_ip_rules_open_at(ev, r, path, "value", val, all);
}

int aza_deny_ip_rules_open(aza_ev *ev, const aza_res *r)
{
	const char *open = NULL;
	int all = 0, k = aza_ip_rules_open(ev, r, "properties.networkAcls.ipRules", &open, &all);
	if (k < 0)
		aza_unknown(ev, r, "networkAcls.defaultAction is Deny but %s", open);
	else if (k)
		aza_fail(ev, r, "networkAcls.defaultAction is Deny but IP rule '%s' admits %s", open,
		         all ? "every address" : AZA_NSG_FW_WIDE);
	return k != 0;
}

/* A template's resource has no privateEndpointConnections until deployed:
 * its private endpoint is a Microsoft.Network/privateEndpoints resource of
 * the same template whose automatic connection (privateLinkServiceConnections;
 * manual ones wait for approval) names the resource, and Azure approves
 * such a connection when it creates it. The id is compared as the expander
 * built it (resourceId() gives the same id as the resource's own); a target
 * only known at deployment makes the verdict UNKNOWN (the engine's rule for
 * reading one). */
const aza_res *aza_template_endpoint(aza_ev *ev, const aza_res *r)
{
	for (const aza_res *pe = aza_inv_first(aza_ev_inv(ev), "Microsoft.Network/privateEndpoints"); pe; pe = pe->next_of_type) {
		if (!aza_is_template(pe) || strcmp(pe->source, r->source))
			continue;
		aza_json_each(c, aza_prop(ev, pe, "properties.privateLinkServiceConnections")) {
			const char *id = aza_json_str(aza_json_path(c, "properties.privateLinkServiceId"));
			if (id && aza__strieq(id, r->id))
				return pe;
		}
	}
	return NULL;
}

void aza_private_endpoints(aza_ev *ev, const aza_res *r, const char *what)
{
	const aza_json *pe = aza_prop(ev, r, "properties.privateEndpointConnections");
	size_t approved = 0, other = 0;
	if (pe && !aza_json_is(pe, AZA_JARR) && !aza_json_is(pe, AZA_JNULL)) {
		aza_unknown(ev, r, "privateEndpointConnections is not an array");
		return;
	}
	aza_json_each(c, pe) {
		const char *st = aza_json_str(aza_json_path(c, "properties.privateLinkServiceConnectionState.status"));
		if (st && aza__strieq(st, "Approved"))
			approved++;
		else
			other++;
	}
	int tmpl = aza_is_template(r);
	const aza_res *tpe = !approved && tmpl ? aza_template_endpoint(ev, r) : NULL;
	if (approved)
		aza_pass(ev, r, "%zu approved private endpoint connection(s)", approved);
	else if (tpe)
		aza_pass(ev, r, "the template deploys private endpoint '%s' with an automatic connection (privateLinkServiceConnections) to the %s",
		         tpe->name, what);
	else
		aza_fail(ev, r, "no approved private endpoint connection%s%s",
		         other ? aza_ev_fmt(ev, " (%zu pending or rejected)", other) : "",
		         tmpl ? aza_ev_fmt(ev, " and no private endpoint of the template connects to the %s", what) : "");
}

aza_pna aza_public_network_access_of(aza_ev *ev, const aza_res *r, const aza_res *src, const char **value)
{
	const char *v = NULL;
	int k = aza_prop_str(ev, src, "properties.publicNetworkAccess", &v);
	/* A child's setting (a namespace's network rule set) is named in the
	 * verdict of r. */
	const char *of = src == r ? "" : aza_ev_fmt(ev, "%s '%s': ", strrchr(src->type, '/') + 1, aza_last_seg(src->name));
	*value = v;
	if (k < 0) {
		aza_unknown(ev, r, "%spublicNetworkAccess is %s", of, aza_unread_why(ev, src, "properties.publicNetworkAccess"));
		return AZA_PNA_JUDGED;
	}
	if (!k)
		return AZA_PNA_UNSET;
	if (aza__strieq(v, "Enabled"))
		return AZA_PNA_ENABLED;
	if (aza__strieq(v, "Disabled"))
		return AZA_PNA_DISABLED;
	if (aza__strieq(v, "SecuredByPerimeter"))
		return AZA_PNA_PERIMETER;
	aza_unknown(ev, r, "%spublicNetworkAccess has an unexpected value '%s' (Enabled, Disabled or SecuredByPerimeter)", of, v);
	return AZA_PNA_JUDGED;
}

aza_pna aza_public_network_access(aza_ev *ev, const aza_res *r, const char **value)
{
	return aza_public_network_access_of(ev, r, r, value);
}

void aza_public_network_disabled(aza_ev *ev, const aza_res *r, const char *unset, const char *note)
{
	const char *v;
	switch (aza_public_network_access(ev, r, &v)) {
	case AZA_PNA_DISABLED:
		aza_pass(ev, r, "publicNetworkAccess is %s", v);
		break;
	case AZA_PNA_PERIMETER:
		aza_fail(ev, r, "publicNetworkAccess is %s, not Disabled: the public endpoint stays on, and a network security perimeter's inbound "
		                "access rules can admit public IP ranges and subscriptions",
		         v);
		break;
	case AZA_PNA_ENABLED:
		aza_fail(ev, r, "publicNetworkAccess is %s%s%s", v, note ? ": " : "", note ? note : "");
		break;
	case AZA_PNA_UNSET:
		aza_fail(ev, r, "publicNetworkAccess not set: %s%s%s", unset, note ? ": " : "", note ? note : "");
		break;
	case AZA_PNA_JUDGED:
		break;
	}
}

int aza_not_object(aza_ev *ev, const aza_res *r, const char *path)
{
	const aza_json *v = aza_prop(ev, r, path);
	if (!v || v->kind == AZA_JNULL || v->kind == AZA_JOBJ || v->kind == AZA_JUNKNOWN)
		return 0;
	const char *dot = strchr(path, '.');
	aza_unknown(ev, r, "%s is not an object", dot ? dot + 1 : path);
	return 1;
}

int aza_diag_has_dest(aza_ev *ev, const aza_res *d)
{
	static const char *const dest[] = {"properties.workspaceId", "properties.storageAccountId",
	                                   "properties.eventHubAuthorizationRuleId", "properties.marketplacePartnerId"};
	for (size_t i = 0; i < sizeof dest / sizeof dest[0]; i++) {
		const char *v = aza_json_str(aza_prop(ev, d, dest[i]));
		if (v && *v && strcmp(v, "-") != 0)
			return 1;
	}
	return 0;
}

const char *aza_unread_why(aza_ev *ev, const aza_res *r, const char *path)
{
	return aza_json_is(aza_prop(ev, r, path), AZA_JUNKNOWN) ? "only known at deployment" : "not a string";
}

/* Is word w (case-insensitively) one of the space-separated words of list? */
static int in_words(const char *list, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = list; *p;) {
		while (*p == ' ')
			p++;
		size_t k = strcspn(p, " ");
		if (k == n && aza__strnieq(p, w, n))
			return 1;
		p += k;
	}
	return 0;
}

const char *aza_diag_logs(aza_ev *ev, const aza_res *d, const char *cats, const char *groups, int *group)
{
	int b, g0;
	if (!group)
		group = &g0;
	/* logs is an array of LogSettings; anything else (an object whose
	 * members look like entries) is no selection Azure would accept. */
	const aza_json *logs = aza_prop(ev, d, "properties.logs");
	if (!aza_json_is(logs, AZA_JARR))
		return NULL;
	aza_json_each(l, logs) {
		if (!aza_json_bool(aza_json_get(l, "enabled"), &b) || !b)
			continue;
		const char *c = aza_json_str(aza_json_get(l, "category"));
		const char *g = aza_json_str(aza_json_get(l, "categoryGroup"));
		*group = !c;
		if (!cats && (c || g))
			return c ? c : g;
		if (c && cats && in_words(cats, c))
			return c;
		*group = 1;
		if (g && groups && in_words(groups, g))
			return g;
	}
	return NULL;
}

#define DIAG_TYPE "Microsoft.Insights/diagnosticSettings"

int aza_diag_collected(aza_ev *ev, const aza_res *r, const char **why)
{
	if (!aza_ev_collected(ev, DIAG_TYPE, r, why))
		return 0;
	/* The subscriptions' own settings list the type whatever else was
	 * read, so a snapshot whose collector did not read the settings of
	 * r's type (azaudit before it read clusters') lists it all the same.
	 * A rule whose needs name the record of r's type asks for it. */
	const char *own = aza_ev_fmt(ev, "%s/providers/" DIAG_TYPE, r->type);
	if (!ev->rule->needs || !in_words(ev->rule->needs, own) || aza_inv_dataset_listed(ev->s->inv, own) != 0)
		return 1;
	*why = aza_ev_fmt(ev, "the diagnostic settings of %s resources were not collected (the snapshot's data sets list "
	                      "%s, which the subscriptions' own settings also give, but not %s)",
	                  r->type, DIAG_TYPE, own);
	return 0;
}

void aza_diag_audit(aza_ev *ev, const aza_res *r, const char *cats, const char *groups, const char *names,
                    const char *none)
{
	const aza_res *first = NULL;
	int nodest = 0;
	for (const aza_res *d = aza_inv_child(aza_ev_inv(ev), r->id, DIAG_TYPE); d; d = aza_inv_next_child(d, r->id)) {
		int group;
		const char *on = aza_diag_logs(ev, d, cats, groups, &group);
		int dest = aza_diag_has_dest(ev, d);
		if (on && dest) {
			aza_pass(ev, r, "diagnostic setting '%s' logs %s%s%s", d->name, group ? "the " : "", on,
			         group ? " category group" : "");
			return;
		}
		if (!first) {
			first = d;
			nodest = on && !dest;
		}
	}
	if (first) {
		if (nodest)
			aza_fail(ev, r, "diagnostic setting '%s' has no destination", first->name);
		else
			aza_fail(ev, r, "diagnostic setting '%s' does not log %s", first->name, names);
		return;
	}
	const char *why;
	if (!aza_diag_collected(ev, r, &why))
		aza_unknown(ev, r, "%s", why);
	else
		aza_fail(ev, r, "no diagnostic setting: %s", none);
}

int aza_api_predates(aza_ev *ev, const aza_res *r, const char *since, const char **why)
{
	if (!aza_is_template(r))
		return 0;
	if (aza_api_version_unknown(r))
		*why = aza_ev_fmt(ev, "the api-version, %s, is only known at deployment, and versions before %s do not have the property",
		                  r->api_version, since);
	else if (strcmp(r->api_version, since) < 0)
		*why = aza_ev_fmt(ev, "api-version %s predates the property (first in the %sapi-version %s): Azure may ignore it",
		                  r->api_version, strstr(since, "-preview") ? "" : "stable ", since);
	else
		return 0;
	return 1;
}
