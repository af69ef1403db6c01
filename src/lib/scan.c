/*
 * scan.c - the public scan API: inputs, rule selection, running, findings,
 * statistics and the posture score.
 */
#include "scan.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../rules/rule.h"
#include "msgs.h"
#include "triage.h"

aza_scan *aza_scan_new(aza_ctx *ctx)
{
	aza_scan *s = aza__malloc(sizeof *s);
	if (!s) {
		aza__err(ctx, AZA_ENOMEM, "out of memory");
		return NULL;
	}
	memset(s, 0, sizeof *s);
	aza_fstore__init(&s->l, NULL);
	s->ctx = ctx;
	s->max_level = 2;
	s->min_sev = AZA_SEV_INFO;
	s->now = (double)time(NULL);
	const char *env = getenv("AZAUDIT_NOW");
	if (env && *env)
		s->now = atof(env);
	s->tmpl.expand = aza_tmpl__expand;
	s->tmpl.expand_off = aza_tmpl__expand_off;
	s->tmpl.replay = aza_tmpl__replay;
	s->tmpl.ud = &s->topts;
	s->inv = aza_inv__new(ctx);
	if (!s->inv) {
		aza__free(s);
		aza__err(ctx, AZA_ENOMEM, "out of memory");
		return NULL;
	}
	s->l.lost.res = aza_inv_tenant(s->inv);
	/* Every type a rule reads is kept in full. */
	for (size_t i = 0; i < aza_rule_count(); i++) {
		const aza_rule *r = aza_rule_at(i);
		const char *lists[2] = {r->types, r->needs};
		for (int k = 0; k < 2; k++) {
			const char *p = lists[k];
			while (p && *p) {
				size_t n = strcspn(p, " ");
				if (n) {
					char *t = aza_arena__strndup(aza_inv__arena(s->inv), p, n);
					if (!t || aza_inv__declare(s->inv, t, r->models)) {
						aza_scan_free(s);
						aza__err(ctx, AZA_ENOMEM, "out of memory");
						return NULL;
					}
				}
				p += n;
				while (*p == ' ')
					p++;
			}
		}
	}
	return s;
}

void aza_scan_free(aza_scan *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n_rule_pats; i++)
		aza__free(s->rule_pats[i]);
	aza__free(s->rule_pats);
	aza_fstore__release(&s->l);
	aza_triage__free(s->triage);
	aza_expo__free(s->expo);
	aza_msgs__free(s->msgs[0]);
	aza_msgs__free(s->msgs[1]);
	aza_arena__release(&s->warena[0]);
	aza_arena__release(&s->warena[1]);
	aza_inv__free(s->inv);
	aza__free(s);
}

void aza_scan_set_now(aza_scan *s, double unix_seconds)
{
	s->now = unix_seconds;
}

int aza_scan_add_path(aza_scan *s, const char *path)
{
	return aza_input__path(s->ctx, s->inv, path, s->tmpl.expand ? &s->tmpl : NULL);
}

int aza_scan_add_buffer(aza_scan *s, const char *name, const char *data, size_t len)
{
	return aza_input__buffer(s->ctx, s->inv, name, data, len, s->tmpl.expand ? &s->tmpl : NULL);
}

int aza_scan_template_option(aza_scan *s, const char *key, const char *value)
{
	if (aza__strieq(key, "parameters"))
		s->topts.params_path = value;
	else if (aza__strieq(key, "subscription"))
		s->topts.sub = value;
	else if (aza__strieq(key, "resource-group"))
		s->topts.rg = value;
	else if (aza__strieq(key, "location"))
		s->topts.location = value;
	else if (aza__strieq(key, "tenant"))
		s->topts.tenant = value;
	else if (aza__strieq(key, "management-group"))
		s->topts.mg = value;
	else
		return aza__err(s->ctx, AZA_EUSAGE, "unknown template option '%s'", key);
	return 0;
}

void aza_scan_select_level(aza_scan *s, int max_level)
{
	s->max_level = max_level;
}

void aza_scan_select_min_severity(aza_scan *s, aza_severity sev)
{
	s->min_sev = sev;
}

int aza_scan_select_rules(aza_scan *s, const char *csv)
{
	const char *p = csv;
	while (*p) {
		size_t n = strcspn(p, ",");
		if (n) {
			char *pat = aza__malloc(n + 1);
			if (!pat)
				return aza__err(s->ctx, AZA_ENOMEM, "out of memory");
			memcpy(pat, p, n);
			pat[n] = 0;
			int any = 0;
			for (size_t i = 0; i < aza_rule_count() && !any; i++)
				any = aza__glob(pat, aza_rule_at(i)->id);
			if (!any) {
				int rc = aza__err(s->ctx, AZA_EUSAGE, "no rule matches '%s' (see 'azaudit rules')", pat);
				aza__free(pat);
				return rc;
			}
			char **v = aza__realloc(s->rule_pats, (s->n_rule_pats + 1) * sizeof *v);
			if (!v) {
				aza__free(pat);
				return aza__err(s->ctx, AZA_ENOMEM, "out of memory");
			}
			s->rule_pats = v;
			s->rule_pats[s->n_rule_pats++] = pat;
		}
		p += n;
		if (*p == ',')
			p++;
	}
	return 0;
}

int aza_scan_select_areas(aza_scan *s, const char *csv)
{
	const char *p = csv;
	while (*p) {
		size_t n = strcspn(p, ",");
		char name[64];
		if (n == 0 || n >= sizeof name)
			return aza__err(s->ctx, AZA_EUSAGE, "bad area list '%s'", csv);
		memcpy(name, p, n);
		name[n] = 0;
		aza_area a;
		if (aza_area_parse(name, &a))
			return aza__err(s->ctx, AZA_EUSAGE, "unknown area '%s' (areas: iam, storage, database, network, "
			                                    "logging, vm, defender, keyvault, appservice, other)", name);
		s->area_mask |= 1u << a;
		p += n;
		if (*p == ',')
			p++;
	}
	return 0;
}

int aza_scan__selected(const aza_scan *s, const aza_rule *r)
{
	if (r->replaced_by)
		return 0;
	if (r->level > s->max_level)
		return 0;
	if (r->severity < s->min_sev)
		return 0;
	if (s->area_mask && !(s->area_mask & (1u << r->area)))
		return 0;
	if (s->n_rule_pats) {
		for (size_t i = 0; i < s->n_rule_pats; i++)
			if (aza__glob(s->rule_pats[i], r->id))
				return 1;
		return 0;
	}
	return 1;
}

int aza_scan__add(aza_scan *s, const aza_frec *f, const aza_fx *x)
{
	return aza_fstore__add(&s->l, f, x) ? aza_scan__store_error(s) : 0;
}

int aza_scan__store_error(aza_scan *s)
{
	int e = aza_inv__store_rerr(s->inv);
	if (e)
		return aza__err(s->ctx, AZA_EIO, "cannot read the temporary document store: %s", strerror(e));
	if (s->l.ioerr == AZA_EIO)
		return aza__err(s->ctx, AZA_EIO, "cannot write or read the temporary findings store (disk full?)");
	return aza__err(s->ctx, AZA_ENOMEM, "out of memory");
}

aza_fx *aza_scan__fx(aza_scan *s, size_t i)
{
	aza_fx *x = aza_fstore__fx(&s->l, i);
	if (!x)
		aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	return x;
}

aza_msgs *aza_scan__msgs(aza_scan *s, int k)
{
	/* Text past an eighth of the spill threshold (1 MiB by default, split
	 * between the two threads) goes to the store's file. */
	if (!s->msgs[k])
		s->msgs[k] = aza_msgs__new(aza__spill_at() / 16);
	return s->msgs[k];
}

/* Sets every field of aza_finding (no memset: reporters make millions of
 * these); a field added to the struct must be added here. */
void aza_scan__view(const aza_scan *s, size_t i, aza_finding *out)
{
	/* Reading messages maps their pages back in: let them go now and
	 * then, so that a report over millions of findings does not hold
	 * every message (the scan itself is never const, as in
	 * aza_scan_finding). */
	aza_scan *w = (aza_scan *)s;
	if ((++w->views & 0x3ff) == 0) {
		aza_msgs__trim(w->msgs[0]);
		aza_msgs__trim(w->msgs[1]);
	}
	const aza_frec *f = aza_scan__rec(s, i);
	const aza_res *r = f->res;
	/* Reports walk the findings in order, and each names a resource
	 * record (and strings) somewhere in the inventory's 0.17x-the-input
	 * arena: ask for those of the findings a little ahead, within the
	 * chunk f is in (records of a chunk are contiguous), so that they are
	 * in cache when their turn comes. */
	size_t left = f == &s->l.lost ? 0 : s->l.per - 1 - (i & (s->l.per - 1));
	if (left > s->l.nf - 1 - i)
		left = s->l.nf - 1 - i;
	if (left >= 16)
		__builtin_prefetch(f[16].res);
	if (left >= 8) {
		__builtin_prefetch(f[8].res->id);
		__builtin_prefetch(f[8].message);
	}
	out->rule = aza_rule_at(f->rule);
	out->status = (aza_status)f->status;
	out->resource_id = r->id;
	out->resource_type = r->type;
	out->resource_name = r->name;
	out->subscription_id = r->sub;
	out->location = r->location;
	out->message = f->message;
	out->source = r->source;
	out->line = r->line;
	out->column = r->tpos ? r->tpos->column : 0;
	out->pointer = r->tpos ? r->tpos->pointer : NULL;
	out->suppressed_status = FREC_SUPST(f);
	out->baseline = FREC_BASE(f);
	static const aza_fx none;
	const aza_fx *x = f->x ? &s->l.fx[f->x - 1] : &none;
	out->prop_line = x->prop_line;
	out->prop_column = x->prop_column;
	out->prop_pointer = x->prop_pointer;
	out->suppressed_reason = x->suppressed_reason;
	out->suppress_reason = x->suppress_reason;
	out->suppress_owner = x->suppress_owner;
	out->suppress_expires = x->suppress_expires;
}

int aza_scan__finish(aza_scan *s)
{
	if (s->finished)
		return 0;
	int rc = aza_inv__finish(s->inv);
	if (!rc)
		s->finished = 1;
	return rc;
}

int aza_scan_run(aza_scan *s)
{
	if (s->ran)
		return aza__err(s->ctx, AZA_EUSAGE, "scan already ran");
	int rc = aza_scan__finish(s);
	if (rc)
		return rc;
	s->ran = 1;
	rc = aza_engine__run(s);
	aza_msgs__trim(s->msgs[0]);
	aza_msgs__trim(s->msgs[1]);
	return rc;
}

size_t aza_scan_count(const aza_scan *s)
{
	return s->l.nf;
}

const aza_finding *aza_scan_finding(const aza_scan *s, size_t i)
{
	if (i >= s->l.nf)
		return NULL;
	/* The views are scratch space, not state: a const scan may fill
	 * them (the scan object itself is never const). */
	aza_scan *w = (aza_scan *)s;
	aza_finding *f = &w->view[w->nview++ % AZA_VIEWS];
	aza_scan__view(s, i, f);
	return f;
}

void aza_scan_stats_get(const aza_scan *s, aza_scan_stats *out)
{
	aza_inv_stats st;
	aza_inv__stats(s->inv, &st);
	out->resources = st.resources;
	out->resources_known = st.kept;
	out->unknown_types = st.unknown_types;
	out->subscriptions = st.subs;
	out->input_errors = st.gaps;
	out->inputs = st.inputs;
	out->models_in_use = st.models;
	out->bytes = st.bytes;
}

const char *aza_scan_subscription_name(const aza_scan *s, const char *sub_id)
{
	return aza_inv_sub_name(s->inv, sub_id ? sub_id : "");
}

const char *aza_scan_tenant(const aza_scan *s)
{
	return aza_inv_tenant_id(s->inv);
}

int aza_severity_weight(aza_severity sev)
{
	static const int w[] = {0, 1, 3, 6, 10};
	return (sev >= AZA_SEV_INFO && sev <= AZA_SEV_CRITICAL) ? w[sev] : 0;
}

double aza_scan_score(const aza_scan *s)
{
	double pass = 0, total = 0;
	for (size_t i = 0; i < s->l.nf; i++) {
		const aza_frec *f = aza_scan__rec(s, i);
		if (f->status != AZA_PASS && f->status != AZA_FAIL)
			continue;
		int w = aza_severity_weight(aza_rule_severity(aza_rule_at(f->rule)));
		total += w;
		if (f->status == AZA_PASS)
			pass += w;
	}
	return total > 0 ? 100.0 * pass / total : -1;
}
