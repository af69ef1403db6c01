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

struct aza_ev {
	aza_scan *s;
	const aza_rule *rule;
	int emitted;
	int failed; /* out of memory while emitting */
	aza_arena tmp;
};

static void emit(aza_ev *ev, const aza_res *r, aza_status st, const char *fmt, va_list ap)
{
	aza_arena *a = aza_inv__arena(ev->s->inv);
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
	f.message = aza_arena__strdup(a, msg);
	ev->emitted++;
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

const aza_json *aza_doc(aza_ev *ev, const aza_res *r)
{
	(void)ev;
	return r->doc;
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
	const aza_json *v = aza_json_get(aza_json_get(r->doc, "tags"), c->critical_tag_name);
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

static void run_rule(aza_ev *ev)
{
	const aza_rule *rule = ev->rule;
	aza_inv *inv = ev->s->inv;
	const aza_res *tenant = aza_inv_tenant(inv);
	if (!rule->check) {
		aza_manual(ev, tenant, "no API exposes this; verify by hand: %s", rule->manual ? rule->manual : "");
		return;
	}
	switch (rule->scope) {
	case AZA_SCOPE_TENANT:
		run_one(ev, tenant);
		return;
	case AZA_SCOPE_SUBSCRIPTION: {
		size_t n = 0;
		for (const aza_res *r = aza_inv_subs(inv); r; r = r->next_of_type, n++)
			run_one(ev, r);
		if (n == 0)
			aza_na(ev, tenant, "no subscription in the input");
		return;
	}
	case AZA_SCOPE_RESOURCE: {
		size_t n = 0;
		const char *p = rule->types;
		char t[160];
		while (p && *p) {
			size_t l = strcspn(p, " ");
			if (l && l < sizeof t) {
				memcpy(t, p, l);
				t[l] = 0;
				for (const aza_res *r = aza_inv_first(inv, t); r; r = r->next_of_type) {
					if (r->pseudo)
						continue;
					n++;
					/* Some exports (az resource list) carry no properties:
					 * nothing about the configuration can be said. */
					const aza_json *pr = aza_json_get(r->doc, "properties");
					if ((!pr || aza_json_is(pr, AZA_JNULL)) && !*r->api_version) {
						aza_unknown(ev, r, "the input has no \"properties\" for this resource (an export without details?)");
						continue;
					}
					run_one(ev, r);
				}
			}
			p += l;
			while (*p == ' ')
				p++;
		}
		if (n == 0)
			aza_na(ev, tenant, "no %s in the input", rule->types);
		return;
	}
	}
}

int aza_engine__run(aza_scan *s)
{
	aza_ev ev;
	memset(&ev, 0, sizeof ev);
	ev.s = s;
	aza_arena__init(&ev.tmp);
	for (size_t i = 0; i < aza_rule_count(); i++) {
		const aza_rule *r = aza_rule_at(i);
		if (!aza_scan__selected(s, r))
			continue;
		ev.rule = r;
		run_rule(&ev);
		if (ev.failed)
			break;
	}
	aza_arena__release(&ev.tmp);
	if (ev.failed)
		return aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	return 0;
}
