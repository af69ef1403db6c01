/*
 * logging.c - rules of the logging and monitoring area: activity log export
 * (subscription diagnostic settings and the legacy log profile), its
 * retention and destination, activity log alerts, Key Vault audit logging,
 * flow logs sent to Log Analytics and Application Insights.
 *
 * Subscription-level findings (exports, alerts) are reported on the
 * subscription: they are about something missing from it. A verdict that
 * needs a data set the snapshot did not collect is UNKNOWN, never FAIL.
 */
#include "rule.h"

#include <stdio.h>
#include <string.h>

#define DIAG "Microsoft.Insights/diagnosticSettings"
/* Some subscription-level settings come back with this provider in their id
 * (seen in the service's own examples); they are the same object. */
#define DIAG_ARM "AzureResourceManager/diagnosticSettings"
#define LOGPROF "Microsoft.Insights/logprofiles"
#define ALERT "Microsoft.Insights/activityLogAlerts"
#define AGROUP "Microsoft.Insights/actionGroups"
#define COMPONENT "Microsoft.Insights/components"
#define STG "Microsoft.Storage/storageAccounts"
#define CONTAINER STG "/blobServices/containers"
#define MGMTPOL STG "/managementPolicies"
#define WS "Microsoft.OperationalInsights/workspaces"
#define WSTABLE WS "/tables"
#define VAULT "Microsoft.KeyVault/vaults"
#define FLOWLOG "Microsoft.Network/networkWatchers/flowLogs"
#define EXPORT_CONTAINER "insights-activity-logs"
/* The container a legacy log profile writes to. */
#define PROFILE_CONTAINER "insights-operational-logs"

/* ---- subscription activity log export ---- */

static const char *const diag_types[] = {DIAG, DIAG_ARM};

/* The n-th subscription-level diagnostic setting of `sub` (across both
 * spellings of the type), or NULL. */
static const aza_res *sub_setting(aza_ev *ev, const aza_res *sub, size_t n)
{
	for (size_t t = 0; t < 2; t++)
		for (const aza_res *d = aza_inv_child(aza_ev_inv(ev), sub->id, diag_types[t]); d;
		     d = aza_inv_next_child(d, sub->id))
			if (n-- == 0)
				return d;
	return NULL;
}

static const char *nonempty(const aza_json *j)
{
	const char *s = aza_json_str(j);
	return s && *s && strcmp(s, "-") != 0 ? s : NULL;
}


static const aza_res *log_profile(aza_ev *ev, const aza_res *sub)
{
	return aza_inv_child(aza_ev_inv(ev), sub->id, LOGPROF);
}

/* Log profiles were retired on 30 September 2026 and replaced with
 * diagnostic settings (Microsoft Learn, activity log, Legacy collection
 * methods). Learn's later page on the legacy collection methods gives 15
 * September 2026 instead, and no new profile since 15 September 2025: data
 * collected between the two dates proves no export by a profile, nor its
 * absence. A template deploys after both, whatever the scan's time. */
#define PROFILE_RETIRED 1790726400.0 /* 2026-09-30T00:00:00Z */
#define PROFILE_RETIRED_EARLY 1789430400.0 /* 2026-09-15T00:00:00Z */

enum { PROFILE_LIVE, PROFILE_UNSURE, PROFILE_GONE };

/* Whether log profile p still exported the activity log when the data was
 * collected (the snapshot's collected_at, else the scan's time). */
static int profile_state(aza_ev *ev, const aza_res *p)
{
	if (aza_is_template(p))
		return PROFILE_GONE;
	double at = aza_ev_collected_at(ev);
	return at >= PROFILE_RETIRED ? PROFILE_GONE : at >= PROFILE_RETIRED_EARLY ? PROFILE_UNSURE : PROFILE_LIVE;
}

/* Why the subscription's log profile exports nothing since the
 * retirement, or NULL (no profile, or one that may still export). */
static const char *profile_gone(aza_ev *ev, const aza_res *sub)
{
	const aza_res *p = log_profile(ev, sub);
	if (!p || profile_state(ev, p) != PROFILE_GONE)
		return NULL;
	return aza_ev_fmt(ev, "log profile '%s' %s: log profiles were retired on 2026-09-30 and the subscription needs a diagnostic setting",
	                  p->name, aza_is_template(p) ? "is no export (a template can no longer deploy one)" : "no longer exports the activity log");
}

/* The end of a verdict that a profile collected between the two dates
 * would pass. */
#define PROFILE_UNSURE_WHY                                                                                                  \
	"but the data was collected on or after 2026-09-15, when Microsoft Learn's legacy collection methods page retires log " \
	"profiles (its activity log page says 2026-09-30): whether the profile still exported is not known"

static int profile_has_dest(aza_ev *ev, const aza_res *p)
{
	return nonempty(aza_prop(ev, p, "properties.storageAccountId")) ||
	       nonempty(aza_prop(ev, p, "properties.serviceBusRuleId"));
}

/* Why a log profile with a destination still exports nothing (no category
 * or no location selected), or NULL. */
static const char *profile_empty(aza_ev *ev, const aza_res *p)
{
	const aza_json *cats = aza_prop(ev, p, "properties.categories");
	const aza_json *locs = aza_prop(ev, p, "properties.locations");
	if (!aza_json_is(cats, AZA_JARR) || aza_json_len(cats) == 0)
		return "selects no category";
	if (!aza_json_is(locs, AZA_JARR) || aza_json_len(locs) == 0)
		return "selects no location";
	return NULL;
}

/* UNKNOWN (and 1) when subscription diagnostic settings were not
 * collected; the message ends with gone (a retired log profile) unless
 * NULL. A template's log profile is judged as the templates declare the
 * export: with no setting beside it, none is deployed. */
/* Why the subscription's diagnostic settings are not known, or NULL when
 * they were collected. */
static const char *diag_unread(aza_ev *ev, const aza_res *sub)
{
	const char *why;
	const aza_res *p = log_profile(ev, sub);
	if (aza_ev_collected(ev, DIAG, sub, &why) || (p && aza_is_template(p) && aza_ev_collected(ev, DIAG, p, &why)))
		return NULL;
	return why;
}

static int diag_not_collected(aza_ev *ev, const aza_res *sub, const char *gone)
{
	const char *why = diag_unread(ev, sub);
	if (!why)
		return 0;
	aza_unknown(ev, sub, "%s%s%s", why, gone ? "; " : "", gone ? gone : "");
	return 1;
}

static void activity_export(aza_ev *ev, const aza_res *sub)
{
	const aza_res *d, *bad = NULL;
	int bad_dest = 0;
	for (size_t i = 0; (d = sub_setting(ev, sub, i)); i++) {
		int dest = aza_diag_has_dest(ev, d), on = aza_diag_logs(ev, d, NULL, NULL, NULL) != NULL;
		if (dest && on) {
			aza_pass(ev, sub, "diagnostic setting '%s' exports the activity log", d->name);
			return;
		}
		if (!bad) {
			bad = d;
			bad_dest = !dest;
		}
	}
	const aza_res *p = log_profile(ev, sub);
	const char *gone = profile_gone(ev, sub);
	if (gone)
		p = NULL;
	const char *empty = p && profile_has_dest(ev, p) ? profile_empty(ev, p) : NULL;
	if (p && profile_has_dest(ev, p) && !empty) {
		if (profile_state(ev, p) == PROFILE_UNSURE)
			aza_unknown(ev, sub, "legacy log profile '%s' exports the activity log, " PROFILE_UNSURE_WHY, p->name);
		else
			aza_pass(ev, sub, "legacy log profile '%s' exports the activity log", p->name);
		return;
	}
	if (bad) {
		aza_fail(ev, sub, "diagnostic setting '%s' %s%s%s", bad->name,
		         bad_dest ? "has no destination" : "enables no log category", gone ? "; " : "", gone ? gone : "");
		return;
	}
	if (diag_not_collected(ev, sub, gone))
		return;
	if (gone) {
		aza_fail(ev, sub, "no subscription diagnostic setting exports the activity log, and %s", gone);
		return;
	}
	if (empty) {
		aza_fail(ev, sub, "no subscription diagnostic setting exports the activity log, and log profile '%s' %s", p->name,
		         empty);
		return;
	}
	aza_fail(ev, sub, "no subscription diagnostic setting%s exports the activity log",
	         p ? " (and the log profile has no destination)" : " or log profile");
}

static const char *const cis_categories[] = {"Administrative", "Alert", "Policy", "Security"};
static const char *const all_categories[] = {"Administrative", "Security", "ServiceHealth", "Alert",
                                             "Recommendation", "Policy", "Autoscale", "ResourceHealth"};

/* First category of `cats` the setting does not export, or NULL. */
static const char *missing_category(aza_ev *ev, const aza_res *d, const char *const *cats, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!aza_diag_logs(ev, d, cats[i], "allLogs", NULL))
			return cats[i];
	return NULL;
}

/* The subscription's settings with a destination, taken together: each of
 * up to five may send some categories to its own destination, and an
 * event is exported when any one of them sends its category somewhere.
 * The first category of `cats` none exports, or NULL with *by naming, for
 * each category, the setting that exports it. */
static const char *union_missing(aza_ev *ev, const aza_res *sub, const char *const *cats, size_t n, const char **by)
{
	*by = NULL;
	for (size_t c = 0; c < n; c++) {
		const aza_res *d, *hit = NULL;
		for (size_t i = 0; !hit && (d = sub_setting(ev, sub, i)); i++)
			if (aza_diag_has_dest(ev, d) && aza_diag_logs(ev, d, cats[c], "allLogs", NULL))
				hit = d;
		if (!hit)
			return cats[c];
		const char *one = aza_ev_fmt(ev, "%s by '%s'", cats[c], hit->name);
		*by = *by ? aza_ev_fmt(ev, "%s, %s", *by, one) : one;
	}
	return NULL;
}

static void export_categories(aza_ev *ev, const aza_res *sub)
{
	const aza_res *d, *first = NULL;
	size_t ndest = 0;
	for (size_t i = 0; (d = sub_setting(ev, sub, i)); i++) {
		if (!aza_diag_has_dest(ev, d))
			continue;
		ndest++;
		if (!missing_category(ev, d, cis_categories, 4)) {
			aza_pass(ev, sub, "diagnostic setting '%s' exports Administrative, Alert, Policy and Security", d->name);
			return;
		}
		if (!first)
			first = d;
	}
	if (first) {
		const char *by, *miss = union_missing(ev, sub, cis_categories, 4, &by);
		if (!miss)
			aza_pass(ev, sub, "the subscription's diagnostic settings together export Administrative, Alert, Policy and Security (%s)", by);
		else
			aza_fail(ev, sub, "diagnostic setting '%s' does not export the %s category%s", first->name, miss,
			         ndest > 1 ? ", nor does any other setting with a destination" : "");
		return;
	}
	const char *gone = profile_gone(ev, sub);
	if (diag_not_collected(ev, sub, gone))
		return;
	aza_fail(ev, sub, "no subscription diagnostic setting with a destination%s%s%s", gone ? " (" : "", gone ? gone : "",
	         gone ? ")" : log_profile(ev, sub) ? " (only a legacy log profile, which has no category selection)" : "");
}

/* Regions in use: locations of the regional resources of the subscription. */
static const char *const regional_types[] = {
	"Microsoft.Compute/virtualMachines", "Microsoft.Compute/disks", STG, "Microsoft.Network/virtualNetworks",
	"Microsoft.Network/networkSecurityGroups", "Microsoft.Network/publicIPAddresses",
	"Microsoft.Network/networkWatchers", "Microsoft.Sql/servers", VAULT, "Microsoft.Web/sites",
};

/* What a log profile that leaves something out says when the diagnostic
 * settings are not known (unread: why): one of them may export it. */
static void profile_short(aza_ev *ev, const aza_res *sub, const char *unread, const char *msg)
{
	if (unread)
		aza_unknown(ev, sub, "%s, and %s: a diagnostic setting may export what it does not", msg, unread);
	else
		aza_fail(ev, sub, "%s", msg);
}

static void profile_all(aza_ev *ev, const aza_res *sub, const aza_res *p, const char *unread)
{
	int unsure = profile_state(ev, p) == PROFILE_UNSURE;
	const aza_json *cats = aza_prop(ev, p, "properties.categories");
	const aza_json *locs = aza_prop(ev, p, "properties.locations");
	static const char *const need[] = {"Write", "Delete", "Action"};
	/* Both are arrays of strings; an object's members are not a selection. */
	if ((cats && !aza_json_is(cats, AZA_JNULL) && !aza_json_is(cats, AZA_JARR)) ||
	    (locs && !aza_json_is(locs, AZA_JNULL) && !aza_json_is(locs, AZA_JARR))) {
		aza_unknown(ev, sub, "log profile '%s': %s is not an array", p->name,
		            cats && !aza_json_is(cats, AZA_JNULL) && !aza_json_is(cats, AZA_JARR) ? "categories" : "locations");
		return;
	}
	for (size_t i = 0; i < 3; i++)
		if (!aza_json_has_str(cats, need[i])) {
			profile_short(ev, sub, unread, aza_ev_fmt(ev, "log profile '%s' does not export the %s category", p->name, need[i]));
			return;
		}
	if (!aza_json_has_str(locs, "global")) {
		profile_short(ev, sub, unread, aza_ev_fmt(ev, "log profile '%s' does not include the 'global' location", p->name));
		return;
	}
	for (size_t t = 0; t < sizeof regional_types / sizeof regional_types[0]; t++)
		for (const aza_res *r = aza_inv_first(aza_ev_inv(ev), regional_types[t]); r; r = r->next_of_type) {
			if (r->pseudo || !aza__strieq(r->sub, sub->sub) || !*r->location ||
			    aza__strieq(r->location, "global"))
				continue;
			if (!aza_json_has_str(locs, r->location)) {
				profile_short(ev, sub, unread,
				              aza_ev_fmt(ev, "log profile '%s' does not include region '%s' (used by %s)", p->name, r->location, r->name));
				return;
			}
		}
	if (unsure)
		aza_unknown(ev, sub, "log profile '%s' exports Write, Delete and Action for 'global' and every region in use, " PROFILE_UNSURE_WHY,
		            p->name);
	else
		aza_pass(ev, sub, "log profile '%s' exports Write, Delete and Action for 'global' and every region in use", p->name);
}

static void export_all(aza_ev *ev, const aza_res *sub)
{
	const aza_res *d, *first = NULL;
	const char *miss = NULL, *by = NULL;
	size_t ndest = 0;
	for (size_t i = 0; (d = sub_setting(ev, sub, i)); i++) {
		if (!aza_diag_has_dest(ev, d))
			continue;
		ndest++;
		if (!missing_category(ev, d, all_categories, 8)) {
			aza_pass(ev, sub, "diagnostic setting '%s' exports every activity log category (settings cover all regions and global)",
			         d->name);
			return;
		}
		if (!first)
			first = d;
	}
	if (first && !(miss = union_missing(ev, sub, all_categories, 8, &by))) {
		aza_pass(ev, sub, "the subscription's diagnostic settings together export every activity log category (%s; settings cover all regions and global)",
		         by);
		return;
	}
	const aza_res *p = log_profile(ev, sub);
	const char *gone = profile_gone(ev, sub);
	if (p && !gone && profile_has_dest(ev, p)) {
		profile_all(ev, sub, p, first ? NULL : diag_unread(ev, sub));
		return;
	}
	if (first) {
		aza_fail(ev, sub, "diagnostic setting '%s' does not export the %s category%s%s%s", first->name, miss,
		         ndest > 1 ? ", nor does any other setting with a destination" : "", gone ? "; " : "", gone ? gone : "");
		return;
	}
	if (diag_not_collected(ev, sub, gone))
		return;
	aza_fail(ev, sub, "the activity log is not exported%s%s", gone ? ": " : "", gone ? gone : "");
}

/* ---- retention ---- */

enum { R_PASS, R_FAIL, R_UNKNOWN };

/* A verdict for one destination with its sentence. */
struct rv {
	int st;
	const char *msg;
};

static void rv_keep(struct rv *best, int st, const char *msg)
{
	/* One destination that keeps the logs long enough suffices; a short one
	 * fails only when no destination is known to be long enough. */
	static const int rank[] = {[R_PASS] = 3, [R_FAIL] = 2, [R_UNKNOWN] = 1};
	if (!best->msg || rank[st] > rank[best->st]) {
		best->st = st;
		best->msg = msg;
	}
}

/* A template workspace that sets no retentionInDays is deployed with the
 * default: tables keep data 30 days, the AzureActivity table 90 (Microsoft
 * Learn, Manage data retention in a Log Analytics workspace; the legacy
 * Free tier keeps 7). A GET always returns the value, so only a template
 * leaves it out. The legacy Premium tier and other named tiers keep other
 * defaults, and a limit of 90 days or less may be met by the AzureActivity
 * table: UNKNOWN. */
static struct rv workspace_default(aza_ev *ev, const aza_res *w)
{
	int limit = aza_ev_cfg(ev)->log_retention_days;
	struct rv v = {R_UNKNOWN, NULL};
	const char *sku = NULL;
	int ks = aza_prop_str(ev, w, "properties.sku.name", &sku);
	if (ks < 0) {
		v.msg = aza_ev_fmt(ev, "workspace '%s' sets no retentionInDays and its sku.name is %s", w->name,
		                   aza_unread_why(ev, w, "properties.sku.name"));
		return v;
	}
	if (ks == 1 && !aza__strieq(sku, "PerGB2018") && !aza__strieq(sku, "CapacityReservation") && !aza__strieq(sku, "Free")) {
		v.msg = aza_ev_fmt(ev, "workspace '%s' sets no retentionInDays: the default of its pricing tier %s is not known here",
		                   w->name, sku);
		return v;
	}
	if (limit <= 90) {
		v.msg = aza_ev_fmt(ev, "workspace '%s' sets no retentionInDays: the default keeps its tables 30 days but the AzureActivity "
		                   "table 90, which may meet the limit of %d",
		                   w->name, limit);
		return v;
	}
	v.st = R_FAIL;
	v.msg = aza_ev_fmt(ev, "workspace '%s' sets no retentionInDays: the template deploys the default, %s (limit %d)", w->name,
	                   ks == 1 && aza__strieq(sku, "Free") ? "7 days on the Free tier" : "30 days, 90 for the AzureActivity table", limit);
	return v;
}

static struct rv workspace_retention(aza_ev *ev, const char *ws_id)
{
	int limit = aza_ev_cfg(ev)->log_retention_days;
	aza_inv *inv = aza_ev_inv(ev);
	struct rv v = {R_UNKNOWN, NULL};
	double days;
	const aza_res *t = aza_inv_find(inv, aza_ev_fmt(ev, "%s/tables/AzureActivity", ws_id));
	if (t && aza_prop_num(ev, t, "properties.totalRetentionInDays", &days) == 1 && days > 0) {
		v.st = days >= limit ? R_PASS : R_FAIL;
		v.msg = aza_ev_fmt(ev, "workspace table AzureActivity keeps %.0f days (limit %d)", days, limit);
		return v;
	}
	/* totalRetentionInDays -1 (or absent) defaults to the table's own
	 * retentionInDays, which -1 defaults to the workspace's. */
	if (t && aza_prop_num(ev, t, "properties.retentionInDays", &days) == 1 && days > 0) {
		v.st = days >= limit ? R_PASS : R_FAIL;
		v.msg = aza_ev_fmt(ev, "workspace table AzureActivity retentionInDays is %.0f with no longer total retention (limit %d)",
		                   days, limit);
		return v;
	}
	const aza_res *w = aza_inv_find(inv, ws_id);
	if (!w) {
		v.msg = aza_ev_fmt(ev, "workspace %s is not in the input: its retention is unknown", ws_id);
		return v;
	}
	int k = aza_prop_num(ev, w, "properties.retentionInDays", &days);
	if (k == 0 && aza_is_template(w))
		return workspace_default(ev, w);
	if (k != 1) {
		v.msg = aza_ev_fmt(ev, "workspace '%s' retentionInDays is %s", w->name, k ? "not a number" : "absent");
		return v;
	}
	/* The AzureActivity table can set its own retention, shorter or longer
	 * than the workspace's: the workspace default only decides when the
	 * tables were read and that table has no setting of its own. */
	const char *why;
	if (!t && !aza_ev_collected(ev, WSTABLE, w, &why)) {
		v.msg = aza_ev_fmt(ev, "workspace '%s' retentionInDays is %.0f, but the AzureActivity table may set its own retention: %s",
		                   w->name, days, why);
		return v;
	}
	v.st = days >= limit ? R_PASS : R_FAIL;
	v.msg = aza_ev_fmt(ev, "workspace '%s' retentionInDays is %.0f (limit %d; workspace default, no AzureActivity table setting in the input)",
	                   w->name, days, limit);
	return v;
}

/* Does a lifecycle rule's prefix filter reach blobs of the export
 * container ("<container>/")? */
static int prefix_hits(const aza_json *prefixes, const char *c)
{
	if (!prefixes || aza_json_len(prefixes) == 0)
		return 1;
	aza_json_each(p, prefixes) {
		const char *s = aza_json_str(p);
		if (!s)
			continue;
		size_t n = strlen(s) < strlen(c) ? strlen(s) : strlen(c);
		if (aza__strnieq(s, c, n))
			return 1;
	}
	return 0;
}

static struct rv storage_retention(aza_ev *ev, const char *acc_id, const char *container)
{
	int limit = aza_ev_cfg(ev)->log_retention_days;
	aza_inv *inv = aza_ev_inv(ev);
	struct rv v = {R_UNKNOWN, NULL};
	const aza_res *acc = aza_inv_find(inv, acc_id);
	const aza_res *mp = aza_inv_child(inv, acc_id, MGMTPOL);
	const char *an = acc ? acc->name : acc_id;
	if (!acc && !mp) {
		/* A data set collected for the scanned subscriptions says nothing of
		 * an account outside them. */
		v.msg = aza_ev_fmt(ev, "export storage account %s is not in the input: its lifecycle policy is unknown", acc_id);
		return v;
	}
	if (!mp) {
		const char *why;
		const aza_res fake = {.id = acc_id};
		if (aza_ev_collected(ev, MGMTPOL, acc ? acc : &fake, &why)) {
			v.st = R_PASS;
			v.msg = aza_ev_fmt(ev, "storage account '%s' has no lifecycle management policy: exported blobs are kept until deleted", an);
		} else {
			v.msg = aza_ev_fmt(ev, "storage account '%s': lifecycle management policies were not collected, so blob retention is unknown", an);
		}
		return v;
	}
	double worst = -1;
	const char *worst_rule = NULL;
	const aza_json *rules = aza_prop(ev, mp, "properties.policy.rules");
	if (!aza_json_is(rules, AZA_JARR)) {
		v.msg = aza_ev_fmt(ev, "lifecycle management policy of storage account '%s': policy.rules is %s", an,
		                   rules ? "not an array" : "absent");
		return v;
	}
	aza_json_each(rule, rules) {
		int en = 1;
		aza_json_bool(aza_json_get(rule, "enabled"), &en);
		if (!en)
			continue;
		const aza_json *def = aza_json_get(rule, "definition");
		const aza_json *bt = aza_json_path(def, "filters.blobTypes");
		/* Activity logs are written as append blobs. */
		if (bt && aza_json_len(bt) && !aza_json_has_str(bt, "appendBlob"))
			continue;
		if (!prefix_hits(aza_json_path(def, "filters.prefixMatch"), container))
			continue;
		static const char *const keys[] = {"daysAfterModificationGreaterThan", "daysAfterCreationGreaterThan",
		                                   "daysAfterLastAccessTimeGreaterThan"};
		for (size_t i = 0; i < 3; i++) {
			double d;
			if (aza_json_num(aza_json_path(def, aza_ev_fmt(ev, "actions.baseBlob.delete.%s", keys[i])), &d) &&
			    (worst < 0 || d < worst)) {
				worst = d;
				worst_rule = aza_json_str(aza_json_get(rule, "name"));
			}
		}
	}
	if (worst < 0) {
		v.st = R_PASS;
		v.msg = aza_ev_fmt(ev, "no lifecycle rule of storage account '%s' deletes the exported activity logs", an);
	} else {
		v.st = worst >= limit ? R_PASS : R_FAIL;
		v.msg = aza_ev_fmt(ev, "lifecycle rule '%s' of storage account '%s' deletes activity log blobs after %.0f days (limit %d)",
		                   worst_rule ? worst_rule : "?", an, worst, limit);
	}
	return v;
}

static void retention(aza_ev *ev, const aza_res *sub)
{
	int limit = aza_ev_cfg(ev)->log_retention_days;
	struct rv best = {R_UNKNOWN, NULL};
	const aza_res *d;
	for (size_t i = 0; (d = sub_setting(ev, sub, i)); i++) {
		if (!aza_diag_logs(ev, d, NULL, NULL, NULL))
			continue;
		const char *ws = nonempty(aza_prop(ev, d, "properties.workspaceId"));
		const char *sa = nonempty(aza_prop(ev, d, "properties.storageAccountId"));
		if (ws) {
			struct rv v = workspace_retention(ev, ws);
			rv_keep(&best, v.st, v.msg);
		}
		if (sa) {
			struct rv v = storage_retention(ev, sa, EXPORT_CONTAINER "/");
			rv_keep(&best, v.st, v.msg);
		}
		if (!ws && !sa && aza_diag_has_dest(ev, d))
			rv_keep(&best, R_UNKNOWN,
			        aza_ev_fmt(ev, "diagnostic setting '%s' sends to an event hub or partner only: retention is decided downstream", d->name));
	}
	const aza_res *p = log_profile(ev, sub);
	const char *gone = profile_gone(ev, sub);
	if (gone) {
		/* Retired: no destination of the activity log. */
	} else if (p && !nonempty(aza_prop(ev, p, "properties.storageAccountId")) && profile_has_dest(ev, p)) {
		/* retentionPolicy applies to the storage account only. */
		rv_keep(&best, R_UNKNOWN,
		        aza_ev_fmt(ev, "log profile '%s' sends to a Service Bus or event hub only: retention is decided downstream", p->name));
	} else if (p && profile_has_dest(ev, p)) {
		int en = 0;
		double days = 0;
		const aza_json *rp = aza_prop(ev, p, "properties.retentionPolicy");
		int ke = aza_json_bool(aza_json_get(rp, "enabled"), &en);
		int kd = aza_json_num(aza_json_get(rp, "days"), &days);
		struct rv v = {R_UNKNOWN, aza_ev_fmt(ev, "log profile '%s' retentionPolicy is missing or malformed", p->name)};
		if (ke && !en)
			v = (struct rv){R_PASS, aza_ev_fmt(ev, "log profile '%s' retention policy is disabled: events are kept indefinitely", p->name)};
		else if (ke && kd && days == 0)
			v = (struct rv){R_PASS, aza_ev_fmt(ev, "log profile '%s' retention days is 0: events are kept indefinitely", p->name)};
		else if (ke && kd)
			v = (struct rv){days >= limit ? R_PASS : R_FAIL,
			                aza_ev_fmt(ev, "log profile '%s' retains events %.0f days (limit %d)", p->name, days, limit)};
		/* The account's lifecycle rules delete the profile's blobs
		 * (insights-operational-logs/name=default/...) whatever its
		 * retentionPolicy says: the shorter keeping decides, and an
		 * account whose rules are not known proves nothing. */
		if (v.st != R_FAIL) {
			struct rv sv = storage_retention(ev, nonempty(aza_prop(ev, p, "properties.storageAccountId")), PROFILE_CONTAINER "/");
			if (sv.st == R_FAIL || (sv.st == R_UNKNOWN && v.st == R_PASS))
				v = sv;
			else if (sv.st == R_PASS && v.st == R_PASS)
				v.msg = aza_ev_fmt(ev, "%s, and %s", v.msg, sv.msg);
		}
		if (v.st == R_PASS && profile_state(ev, p) == PROFILE_UNSURE)
			v = (struct rv){R_UNKNOWN, aza_ev_fmt(ev, "%s, " PROFILE_UNSURE_WHY, v.msg)};
		rv_keep(&best, v.st, v.msg);
	}
	if (best.msg) {
		if (best.st == R_PASS)
			aza_pass(ev, sub, "%s", best.msg);
		else if (best.st == R_FAIL)
			aza_fail(ev, sub, "%s", best.msg);
		else
			aza_unknown(ev, sub, "%s", best.msg);
		return;
	}
	if (diag_not_collected(ev, sub, gone))
		return;
	aza_fail(ev, sub, "the activity log is not exported%s%s%s: Azure keeps it only 90 days", gone ? " (" : "", gone ? gone : "",
	         gone ? ")" : "");
}

/* Storage accounts receiving the subscription's activity log, at most
 * EXPORT_MAX (Azure allows five diagnostic settings and one log profile);
 * returns how many there are, which may be more: the callers then say the
 * rest was not judged rather than judge part of them. cont, unless NULL,
 * gets the container each writes to. */
#define EXPORT_MAX 8
static size_t export_accounts(aza_ev *ev, const aza_res *sub, const char **out, const char **cont)
{
	size_t n = 0;
	const aza_res *d;
	for (size_t i = 0; (d = sub_setting(ev, sub, i)); i++) {
		const char *sa = nonempty(aza_prop(ev, d, "properties.storageAccountId"));
		if (sa && aza_diag_logs(ev, d, NULL, NULL, NULL) && n++ < EXPORT_MAX) {
			out[n - 1] = sa;
			if (cont)
				cont[n - 1] = EXPORT_CONTAINER;
		}
	}
	/* A retired profile receives nothing. One collected between the two
	 * dates is judged: its account holds what it wrote either way. */
	const aza_res *p = profile_gone(ev, sub) ? NULL : log_profile(ev, sub);
	const char *sa = p ? nonempty(aza_prop(ev, p, "properties.storageAccountId")) : NULL;
	if (sa && n++ < EXPORT_MAX) {
		out[n - 1] = sa;
		if (cont)
			cont[n - 1] = PROFILE_CONTAINER;
	}
	return n;
}

/* No export account (NOT_APPLICABLE, or UNKNOWN when settings were not
 * collected), or more than azaudit judges (UNKNOWN): reported, 1. */
static int export_unjudged(aza_ev *ev, const aza_res *sub, size_t n)
{
	if (!n) {
		const char *gone = profile_gone(ev, sub);
		if (!diag_not_collected(ev, sub, gone))
			aza_na(ev, sub, "the activity log is not exported to a storage account%s%s%s", gone ? " (" : "", gone ? gone : "",
			       gone ? ")" : "");
		return 1;
	}
	if (n > EXPORT_MAX) {
		aza_unknown(ev, sub, "%zu storage accounts receive the activity log; azaudit judges at most %d", n, EXPORT_MAX);
		return 1;
	}
	return 0;
}

static void container_private(aza_ev *ev, const aza_res *sub)
{
	const char *accs[EXPORT_MAX], *conts[EXPORT_MAX];
	size_t n = export_accounts(ev, sub, accs, conts);
	if (export_unjudged(ev, sub, n))
		return;
	aza_inv *inv = aza_ev_inv(ev);
	const char *unk = NULL, *ok = NULL;
	for (size_t i = 0; i < n; i++) {
		const aza_res *acc = aza_inv_find(inv, accs[i]);
		const char *an = acc ? acc->name : accs[i], *why;
		/* The account's switch decides first, as for AZA-STG-004: set, or
		 * the default it got; an account not in the input is unknown. */
		aza_status blocks = acc ? aza_stg_blocks_anonymous(ev, acc, &why) : AZA_UNKNOWN;
		if (!acc)
			why = aza_ev_fmt(ev, "export storage account %s is not in the input", accs[i]);
		if (blocks == AZA_PASS) {
			ok = aza_ev_fmt(ev, "storage account '%s' blocks anonymous access: %s", an, why);
			continue;
		}
		/* A log profile writes to its own container (PROFILE_CONTAINER). */
		const char *cn = conts[i];
		const aza_res *c = aza_inv_find(inv, aza_ev_fmt(ev, "%s/blobServices/default/containers/%s", accs[i], cn));
		if (c) {
			const char *pa = aza_json_str(aza_prop(ev, c, "properties.publicAccess"));
			const aza_json *pav = aza_prop(ev, c, "properties.publicAccess");
			if (!pa && pav && !aza_json_is(pav, AZA_JNULL)) {
				unk = aza_ev_fmt(ev, "container %s of '%s': publicAccess is not a string", cn, an);
			} else if (!pa && !aza_is_template(c)) {
				/* Resource Manager returns publicAccess on every container. */
				unk = aza_ev_fmt(ev, "container %s of '%s': publicAccess is absent (incomplete export?)", cn, an);
			} else if (!pa || aza__strieq(pa, "None")) {
				ok = aza_ev_fmt(ev, "container %s of '%s' has publicAccess None", cn, an);
			} else if (blocks == AZA_FAIL) {
				aza_fail(ev, sub, "container %s of storage account '%s' has publicAccess %s and %s: the activity log is readable anonymously",
				         cn, an, pa, why);
				return;
			} else {
				unk = aza_ev_fmt(ev, "container %s of '%s' has publicAccess %s, but whether the account allows anonymous access is not known: %s",
				                 cn, an, pa, why);
			}
			continue;
		}
		unk = blocks == AZA_FAIL
		      ? aza_ev_fmt(ev, "storage account '%s' allows public blob access (%s) and its %s container is not in the input", an, why, cn)
		      : why;
	}
	if (unk)
		aza_unknown(ev, sub, "%s", unk);
	else
		aza_pass(ev, sub, "%s", ok);
}

static void export_cmk(aza_ev *ev, const aza_res *sub)
{
	const char *accs[EXPORT_MAX];
	size_t n = export_accounts(ev, sub, accs, NULL);
	if (export_unjudged(ev, sub, n))
		return;
	const char *ok = NULL, *unk = NULL;
	for (size_t i = 0; i < n; i++) {
		const aza_res *acc = aza_inv_find(aza_ev_inv(ev), accs[i]);
		const aza_json *ksj = acc ? aza_prop(ev, acc, "properties.encryption.keySource") : NULL;
		const char *ks = aza_json_str(ksj);
		if (!acc)
			unk = aza_ev_fmt(ev, "export storage account %s is not in the input", accs[i]);
		else if (!ks && (!ksj || aza_json_is(ksj, AZA_JNULL)) && aza_is_template(acc)) {
			/* Encryption.keySource defaults to Microsoft.Storage (storage.json
			 * of the Storage API), the Microsoft-managed key; Resource Manager
			 * returns it on every deployed account, so only a template may
			 * leave it out. */
			aza_fail(ev, sub, "activity log storage account '%s' sets no encryption.keySource: the template deploys it with the default Microsoft.Storage (Microsoft-managed keys)",
			         acc->name);
			return;
		} else if (!ks)
			unk = aza_ev_fmt(ev, "storage account '%s' has %s encryption.keySource", acc->name, ksj ? "a non-string" : "no");
		else if (aza__strieq(ks, "Microsoft.Keyvault"))
			ok = aza_ev_fmt(ev, "storage account '%s' encrypts with a customer-managed key (keySource %s)", acc->name, ks);
		else {
			aza_fail(ev, sub, "activity log storage account '%s' uses keySource %s (Microsoft-managed keys)", acc->name, ks);
			return;
		}
	}
	if (unk)
		aza_unknown(ev, sub, "%s", unk);
	else
		aza_pass(ev, sub, "%s", ok);
}

/* ---- Key Vault audit logging ---- */

static void keyvault_logging(aza_ev *ev, const aza_res *r)
{
	aza_diag_audit(ev, r, "AuditEvent", "audit allLogs", "AuditEvent (nor the audit or allLogs group)",
	               "Key Vault access is not logged");
}

/* ---- flow logs to Log Analytics ---- */

/* What the flow log's filters keep, or NULL when it logs every flow;
 * *odd names a filter that is not a string. An empty or null value is no
 * filter. recordTypes keeps the flow states it lists (B begin, C continue,
 * E end, D deny): all four are every flow. */
static const char *flow_filter(aza_ev *ev, const aza_res *r, const char **odd)
{
	*odd = NULL;
	const aza_json *fc = aza_prop(ev, r, "properties.enabledFilteringCriteria");
	const aza_json *rt = aza_prop(ev, r, "properties.recordTypes");
	const char *f = aza_json_str(fc), *t = aza_json_str(rt);
	if (fc && !f && !aza_json_is(fc, AZA_JNULL)) {
		*odd = "enabledFilteringCriteria";
		return NULL;
	}
	if (rt && !t && !aza_json_is(rt, AZA_JNULL)) {
		*odd = "recordTypes";
		return NULL;
	}
	if (f && f[strspn(f, " ")])
		return aza_ev_fmt(ev, "traffic matching enabledFilteringCriteria '%s'", f);
	if (t && t[strspn(t, " ")]) {
		static const char states[] = "BCED";
		for (size_t i = 0; states[i]; i++)
			if (!strchr(t, states[i]) && !strchr(t, states[i] - 'A' + 'a'))
				return aza_ev_fmt(ev, "the flow states of recordTypes '%s'", t);
	}
	return NULL;
}

static void flow_analytics(aza_ev *ev, const aza_res *r, int want_nsg)
{
	const char *t = aza_json_str(aza_prop(ev, r, "properties.targetResourceId"));
	if (!t) {
		aza_unknown(ev, r, "targetResourceId is absent or not a string");
		return;
	}
	int nsg = aza__istrstr(t, "/networkSecurityGroups/") != NULL;
	if (nsg != want_nsg) {
		aza_na(ev, r, "the flow log targets %s", want_nsg ? "a virtual network, subnet or interface" : "a network security group");
		return;
	}
	int en;
	int ke = aza_prop_bool(ev, r, "properties.enabled", &en);
	if (ke == 1 && !en) {
		aza_fail(ev, r, "the flow log is disabled");
		return;
	}
	if (ke < 0) {
		aza_unknown(ev, r, "the flow log's enabled is not a boolean");
		return;
	}
	const aza_json *ta = aza_prop(ev, r, "properties.flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration");
	int k = aza_json_bool(aza_json_get(ta, "enabled"), &en);
	const char *ws = nonempty(aza_json_get(ta, "workspaceResourceId"));
	if (!ws)
		ws = nonempty(aza_json_get(ta, "workspaceId"));
	/* The flow log's own enabled has no documented default (FlowLogPropertiesFormat,
	 * networkWatcher.json: "Flag to enable/disable flow logging"), and a GET
	 * returns it: traffic analytics sends nothing of a flow log that may be
	 * off. Without traffic analytics it fails either way. */
	/* enabledFilteringCriteria and recordTypes keep only the flows they
	 * select ("if not specified, all network traffic will be logged",
	 * FlowLogPropertiesFormat): what they drop never reaches the
	 * workspace, as an alert that also filters on level misses events. */
	const char *filt = NULL, *fodd = NULL;
	if (k && en && ws)
		filt = flow_filter(ev, r, &fodd);
	if (fodd)
		aza_unknown(ev, r, "traffic analytics sends to workspace %s, but %s is not a string: which flows are logged is not known", ws, fodd);
	else if (filt)
		aza_fail(ev, r, "traffic analytics sends to workspace %s, but the flow log records only %s: other traffic does not reach Log Analytics",
		         ws, filt);
	else if (k && en && ws && ke == 0)
		aza_unknown(ev, r, "traffic analytics sends to workspace %s, but the flow log's enabled is not set (no documented default): whether "
		                   "flow logging is on is not known", ws);
	else if (k && en && ws)
		aza_pass(ev, r, "traffic analytics sends the flow log to workspace %s", ws);
	else if (ta && aza_json_get(ta, "enabled") && !k)
		aza_unknown(ev, r, "flowAnalyticsConfiguration enabled is not a boolean");
	else
		aza_fail(ev, r, "traffic analytics is %s: the flow log does not reach Log Analytics",
		         k && en ? "enabled without a workspace" : "not enabled");
}

static void nsg_flow_analytics(aza_ev *ev, const aza_res *r)
{
	flow_analytics(ev, r, 1);
}

static void vnet_flow_analytics(aza_ev *ev, const aza_res *r)
{
	flow_analytics(ev, r, 0);
}

/* ---- activity log alerts ---- */

/* Does the leaf's test (equals, containsAny or both) accept value v? A
 * null operator is no operator (Azure returns "containsAny": null beside
 * equals); with both given, both must accept it, since a leaf that needs
 * either would fire on more events than one that needs both, and only the
 * narrower reading is safe. containsAny must be an array of strings. */
static int leaf_accepts(const aza_json *eq, const aza_json *any, const char *v)
{
	if (aza_json_is(eq, AZA_JNULL))
		eq = NULL;
	if (aza_json_is(any, AZA_JNULL))
		any = NULL;
	if (!eq && !any)
		return 0;
	if (eq && !aza_json_streq(eq, v))
		return 0;
	return !any || (aza_json_is(any, AZA_JARR) && aza_json_has_str(any, v));
}

/* Does the leaf condition hold for an event with category `cat` and
 * operation `op` (op NULL: a Service Health event)? Sets *has_op when it
 * names the operation. */
static int leaf_holds(const aza_json *leaf, const char *cat, const char *op, int *has_op, const char **narrow)
{
	const char *f = aza_json_str(aza_json_get(leaf, "field"));
	const aza_json *eq = aza_json_get(leaf, "equals");
	const aza_json *any = aza_json_get(leaf, "containsAny");
	if (!f)
		return 0;
#define MATCHES(v) leaf_accepts(eq, any, (v))
	if (aza__strieq(f, "category"))
		return MATCHES(cat);
	if (!op) /* Service Health: any further filter is the owner's choice. */
		return 1;
	if (aza__strieq(f, "operationName")) {
		if (MATCHES(op)) {
			*has_op = 1;
			return 1;
		}
		return 0;
	}
	/* The operation's provider and resource type match themselves. */
	char type[160];
	snprintf(type, sizeof type, "%s", op);
	char *slash = strrchr(type, '/');
	if (slash)
		*slash = 0;
	if (aza__strieq(f, "resourceType"))
		return MATCHES(type);
	if (aza__strieq(f, "resourceProvider")) {
		char *s = strchr(type, '/');
		if (s)
			*s = 0;
		return MATCHES(type);
	}
#undef MATCHES
	*narrow = f;
	return 0;
}

/* Does the alert fire for every such event in the subscription? */
static int alert_fires(aza_ev *ev, const aza_res *a, const aza_res *sub, const char *op, const char **note)
{
	int en;
	int k = aza_prop_bool(ev, a, "properties.enabled", &en);
	const aza_json *scopes = aza_prop(ev, a, "properties.scopes");
	int in_scope = 0;
	/* No scopes is not the subscription: only a listed scope is evidence,
	 * in the array of strings the API takes (an object's members are not
	 * scopes). */
	if (!aza_json_is(scopes, AZA_JARR))
		return 0;
	aza_json_each(s, scopes) {
		const char *v = aza_json_str(s);
		if (!v)
			continue;
		const char *full = v[0] == '/' ? v : aza_ev_fmt(ev, "/%s", v);
		size_t n = strlen(full);
		while (n > 1 && full[n - 1] == '/')
			n--;
		if (n == strlen(sub->id) && aza__strnieq(full, sub->id, n))
			in_scope = 1;
	}
	if (!in_scope)
		return 0;
	const char *cat = op ? "Administrative" : "ServiceHealth";
	int has_op = 0, has_cat = 0, all = 1;
	const char *narrow = NULL;
	const aza_json *allof = aza_prop(ev, a, "properties.condition.allOf");
	/* allOf and anyOf are arrays of conditions: an object in their place
	 * is no condition Azure evaluates, and its members must not pass for
	 * one. */
	if (!aza_json_is(allof, AZA_JARR)) {
		*note = aza_ev_fmt(ev, "; alert '%s' has a condition.allOf that is not an array", a->name);
		return 0;
	}
	aza_json_each(c, allof) {
		const aza_json *anyof = aza_json_get(c, "anyOf");
		int ok = 0;
		if (aza_json_is(anyof, AZA_JNULL)) /* a leaf as Azure returns it */
			anyof = NULL;
		if (anyof && !aza_json_is(anyof, AZA_JARR)) {
			/* ok stays 0: the alert is not counted */
		} else if (anyof) {
			int all_cat = 1;
			aza_json_each(l, anyof) {
				const char *f = aza_json_str(aza_json_get(l, "field"));
				if (!f || !aza__strieq(f, "category"))
					all_cat = 0;
				if (leaf_holds(l, cat, op, &has_op, &narrow))
					ok = 1;
			}
			/* anyOf of categories only, one of them ours */
			if (ok && all_cat && aza_json_len(anyof))
				has_cat = 1;
		} else {
			ok = leaf_holds(c, cat, op, &has_op, &narrow);
			const char *f = aza_json_str(aza_json_get(c, "field"));
			if (ok && f && aza__strieq(f, "category"))
				has_cat = 1;
		}
		if (!ok)
			all = 0;
	}
	int targets = op ? has_op : has_cat;
	if (!targets)
		return 0;
	if (k < 0) {
		*note = aza_ev_fmt(ev, "; alert '%s' has a non-boolean 'enabled'", a->name);
		return 0;
	}
	if (k == 1 && !en) {
		*note = aza_ev_fmt(ev, "; alert '%s' matches but is disabled", a->name);
		return 0;
	}
	if (!all) {
		*note = aza_ev_fmt(ev, "; alert '%s' matches but also filters on '%s'", a->name, narrow ? narrow : "another field");
		return 0;
	}
	return 1;
}

/* The receiver lists of an action group (Microsoft.Insights/actionGroups,
 * api-version 2023-01-01; eventHubReceivers since 2022-06-01,
 * incidentReceivers in the 2024 previews). */
static const char *const receiver_lists[] = {
	"emailReceivers",         "smsReceivers",      "webhookReceivers",       "itsmReceivers",
	"azureAppPushReceivers",  "voiceReceivers",    "automationRunbookReceivers", "logicAppReceivers",
	"azureFunctionReceivers", "armRoleReceivers",  "eventHubReceivers",      "incidentReceivers",
};

enum { AG_LIVE, AG_DEAD, AG_UNSURE };

/* The subscription resource an id lies in, or NULL when the input does not
 * hold that subscription. */
static const aza_res *sub_of(aza_ev *ev, const aza_res *sub, const char *id)
{
	static const char pfx[] = "/subscriptions/";
	if (!aza__strnieq(id, pfx, sizeof pfx - 1))
		return NULL;
	size_t n = sizeof pfx - 1 + strcspn(id + sizeof pfx - 1, "/");
	if (strlen(sub->id) == n && aza__strnieq(id, sub->id, n))
		return sub;
	const aza_res *s = aza_inv_find(aza_ev_inv(ev), aza_ev_fmt(ev, "%.*s", (int)n, id));
	return s && aza__strieq(s->type, "Microsoft.Resources/subscriptions") ? s : NULL;
}

/* Does the action group `id`, named by alert `a` of subscription `sub`,
 * notify anyone? The group is what emails, texts or calls: a disabled one
 * sends nothing ("none of its receivers will receive communications"), a
 * deleted one neither, and a receiver whose status is Disabled (an
 * unsubscribed address) does not count. AG_DEAD and AG_UNSURE set *why. */
static int group_state(aza_ev *ev, const aza_res *sub, const aza_res *a, const char *id, const char **why)
{
	const aza_res *g = aza_inv_find(aza_ev_inv(ev), id);
	const char *nm = aza_last_seg(id);
	if (!g) {
		const aza_res *gs = sub_of(ev, sub, id);
		const char *w;
		if (aza_is_template(a)) {
			/* A group the template does not deploy exists, or not, outside it. */
			*why = aza_ev_fmt(ev, "action group '%s' is not deployed by the template: whether it exists and notifies anyone is not known", nm);
			return AG_UNSURE;
		}
		if (!gs) {
			*why = aza_ev_fmt(ev, "action group %s is in a subscription that is not in the input", id);
			return AG_UNSURE;
		}
		if (!aza_ev_collected(ev, AGROUP, gs, &w)) {
			*why = aza_ev_fmt(ev, "action group '%s' is not in the input: %s", nm, w);
			return AG_UNSURE;
		}
		*why = aza_ev_fmt(ev, "its action group '%s' does not exist (deleted?)", nm);
		return AG_DEAD;
	}
	int en;
	int k = aza_prop_bool(ev, g, "properties.enabled", &en);
	if (k <= 0) {
		/* enabled is required by the API: absent is an incomplete export. */
		*why = aza_ev_fmt(ev, "action group '%s' has %s 'enabled'", g->name, k < 0 ? "a non-boolean" : "no");
		return AG_UNSURE;
	}
	if (!en) {
		*why = aza_ev_fmt(ev, "its action group '%s' is disabled", g->name);
		return AG_DEAD;
	}
	int n = 0;
	for (size_t i = 0; i < sizeof receiver_lists / sizeof receiver_lists[0]; i++) {
		const aza_json *l = aza_prop(ev, g, aza_ev_fmt(ev, "properties.%s", receiver_lists[i]));
		if (l && !aza_json_is(l, AZA_JNULL) && !aza_json_is(l, AZA_JARR)) {
			*why = aza_ev_fmt(ev, "action group '%s': %s is not an array", g->name, receiver_lists[i]);
			return AG_UNSURE;
		}
		aza_json_each(e, l) {
			const char *st = aza_json_str(aza_json_get(e, "status"));
			if (aza_json_is(e, AZA_JOBJ) && !(st && aza__strieq(st, "Disabled")))
				n++;
		}
	}
	if (!n) {
		*why = aza_ev_fmt(ev, "its action group '%s' has no enabled receiver", g->name);
		return AG_DEAD;
	}
	return AG_LIVE;
}

/* What the alert's action groups do: AG_LIVE when one notifies someone
 * (*live is its name), else AG_UNSURE when one cannot be judged, else
 * AG_DEAD (none, or all disabled, deleted or without receivers). *why
 * explains the last two; -1 when actions is not the shape Azure returns. */
static int alert_groups(aza_ev *ev, const aza_res *sub, const aza_res *a, const char **live, const char **why)
{
	const aza_json *acts = aza_prop(ev, a, "properties.actions");
	const aza_json *ags = aza_json_get(acts, "actionGroups");
	if ((acts && !aza_json_is(acts, AZA_JNULL) && !aza_json_is(acts, AZA_JOBJ)) ||
	    (ags && !aza_json_is(ags, AZA_JNULL) && !aza_json_is(ags, AZA_JARR)))
		return -1;
	int st = AG_DEAD;
	const char *unsure = NULL, *dead = NULL;
	aza_json_each(g, ags) {
		const char *id = nonempty(aza_json_get(g, "actionGroupId"));
		if (!id)
			continue;
		const char *w;
		int s = group_state(ev, sub, a, id, &w);
		if (s == AG_LIVE) {
			*live = aza_last_seg(id);
			return AG_LIVE;
		}
		if (s == AG_UNSURE && !unsure)
			unsure = w;
		if (s == AG_DEAD && !dead)
			dead = w;
	}
	if (unsure) {
		st = AG_UNSURE;
		*why = unsure;
	} else {
		*why = dead; /* NULL: no action group at all */
	}
	return st;
}

static void alert_check(aza_ev *ev, const aza_res *sub, const char *op)
{
	const char *note = "";
	const char *what = op ? op : "Service Health events";
	const aza_res *silent = NULL, *odd = NULL, *unsure = NULL;
	const char *silent_why = NULL, *unsure_why = NULL;
	for (const aza_res *a = aza_inv_first(aza_ev_inv(ev), ALERT); a; a = a->next_of_type) {
		if (!alert_fires(ev, a, sub, op, &note))
			continue;
		const char *live = NULL, *why = NULL;
		int n = alert_groups(ev, sub, a, &live, &why);
		if (n == AG_LIVE) {
			aza_pass(ev, sub, "activity log alert '%s' fires on %s and notifies action group '%s'", a->name, what, live);
			return;
		}
		if (n < 0 && !odd)
			odd = a;
		else if (n == AG_UNSURE && !unsure) {
			unsure = a;
			unsure_why = why;
		} else if (n == AG_DEAD && !silent) {
			silent = a;
			silent_why = why;
		}
	}
	const char *why;
	if (!aza_ev_collected(ev, ALERT, sub, &why))
		aza_unknown(ev, sub, "%s", why);
	else if (odd)
		aza_unknown(ev, sub, "activity log alert '%s' fires on %s but its actions are not an object with an actionGroups array",
		            odd->name, what);
	else if (unsure)
		aza_unknown(ev, sub, "activity log alert '%s' fires on %s, but %s", unsure->name, what, unsure_why);
	else if (silent) {
		if (silent_why)
			aza_fail(ev, sub, "activity log alert '%s' fires on %s but notifies no one: %s", silent->name, what, silent_why);
		else
			aza_fail(ev, sub, "activity log alert '%s' has no action group: it notifies no one (it fires on %s)", silent->name, what);
	} else
		aza_fail(ev, sub, "no enabled activity log alert on the subscription fires on %s%s", what, note);
}

#define ALERT_FN(fn, op)                                     \
	static void fn(aza_ev *ev, const aza_res *r)             \
	{                                                        \
		alert_check(ev, r, op);                              \
	}
#define OP_PA_W "Microsoft.Authorization/policyAssignments/write"
#define OP_PA_D "Microsoft.Authorization/policyAssignments/delete"
#define OP_NSG_W "Microsoft.Network/networkSecurityGroups/write"
#define OP_NSG_D "Microsoft.Network/networkSecurityGroups/delete"
#define OP_NSGR_W "Microsoft.Network/networkSecurityGroups/securityRules/write"
#define OP_NSGR_D "Microsoft.Network/networkSecurityGroups/securityRules/delete"
#define OP_SS_W "Microsoft.Security/securitySolutions/write"
#define OP_SS_D "Microsoft.Security/securitySolutions/delete"
#define OP_SQLFW_W "Microsoft.Sql/servers/firewallRules/write"
#define OP_SQLFW_D "Microsoft.Sql/servers/firewallRules/delete"
#define OP_PIP_W "Microsoft.Network/publicIPAddresses/write"
#define OP_PIP_D "Microsoft.Network/publicIPAddresses/delete"
#define OP_SECPOL_W "Microsoft.Security/policies/write"
ALERT_FN(alert_pa_w, OP_PA_W)
ALERT_FN(alert_pa_d, OP_PA_D)
ALERT_FN(alert_nsg_w, OP_NSG_W)
ALERT_FN(alert_nsg_d, OP_NSG_D)
ALERT_FN(alert_nsgr_w, OP_NSGR_W)
ALERT_FN(alert_nsgr_d, OP_NSGR_D)
ALERT_FN(alert_ss_w, OP_SS_W)
ALERT_FN(alert_ss_d, OP_SS_D)
ALERT_FN(alert_sqlfw_w, OP_SQLFW_W)
ALERT_FN(alert_sqlfw_d, OP_SQLFW_D)
ALERT_FN(alert_pip_w, OP_PIP_W)
ALERT_FN(alert_pip_d, OP_PIP_D)
ALERT_FN(alert_secpol_w, OP_SECPOL_W)
ALERT_FN(alert_service_health, NULL)

/* ---- Application Insights ---- */

static void app_insights(aza_ev *ev, const aza_res *sub)
{
	size_t n = 0;
	const char *first = NULL;
	for (const aza_res *c = aza_inv_first(aza_ev_inv(ev), COMPONENT); c; c = c->next_of_type)
		if (!c->pseudo && aza__strieq(c->sub, sub->sub)) {
			if (!n)
				first = c->name;
			n++;
		}
	if (n) {
		aza_pass(ev, sub, "%zu Application Insights component(s), e.g. '%s'", n, first);
		return;
	}
	const char *why;
	if (!aza_ev_collected(ev, COMPONENT, sub, &why))
		aza_unknown(ev, sub, "%s", why);
	else
		aza_fail(ev, sub, "no Application Insights component in the subscription");
}

/* ---- the table ---- */

#define SUB_LOG .area = AZA_AREA_LOGGING, .resp = AZA_RESP_DATA, .models = AZA_PAAS, .scope = AZA_SCOPE_SUBSCRIPTION
/* Entra and Intune diagnostic settings (AZA-LOG-010..012) are the tenant's,
 * not a subscription's or a resource's: those rules are of tenant scope. */
#define MANUAL_LOG .area = AZA_AREA_LOGGING, .resp = AZA_RESP_DATA, .models = AZA_PAAS
#define EXPORT_NEEDS DIAG " " DIAG_ARM " " LOGPROF
/* The export itself: the subscription's diagnostic settings and log
 * profile, not a resource's settings nor the destinations it names. */
#define EXPORT_SUBJECT "@" DIAG " @" DIAG_ARM " @" LOGPROF
/* How the export rules read a log profile since its retirement
 * (PROFILE_RETIRED); each rule's text then says what follows. */
#define PROFILE_DEFAULTS                                                                                                     \
	" Log profiles were retired on 30 September 2026 and replaced with diagnostic settings (Microsoft Learn, activity log, " \
	"Legacy collection methods; Learn's later legacy collection methods page gives 15 September 2026, and no new profile "   \
	"from 15 September 2025). The snapshot's meta.collected_at decides, else the scan's time (--now): a profile collected "  \
	"before 15 September 2026 is judged as above; one collected on or after 30 September 2026, or deployed by a template " \
	"(judged on the settings the templates declare: a profile with no setting beside it deploys no export), is no export"

#define ALERT_PORTAL(sig) "Monitor > Alerts > Create > Alert rule: Scope the subscription; Condition: Activity log signal '" sig "'; Actions: an action group that notifies the security team."
#define ALERT_CLI(op) "az monitor activity-log alert create -g <rg> -n <name> --scope /subscriptions/<id> --condition category=Administrative and operationName=" op " --action-group <action group id>"
#define ALERT_ARM(op) "Microsoft.Insights/activityLogAlerts: properties.scopes = ['/subscriptions/<id>'], properties.condition.allOf = [{field: 'category', equals: 'Administrative'}, {field: 'operationName', equals: '" op "'}], properties.enabled = true, properties.actions.actionGroups = [{actionGroupId: '<id of an enabled Microsoft.Insights/actionGroups with a receiver>'}]"
#define ALERT_DEFAULTS "An alert counts when it is enabled (absent means enabled), its scopes (an array) include the subscription itself (a resource-group scope does not cover the subscription), and its condition (allOf and anyOf arrays; a leaf operator that is null is absent, and a leaf with both equals and containsAny must satisfy both) names the operation (operationName equals or containsAny, case-insensitive); other conditions may only be category Administrative or the operation's own resourceType/resourceProvider, since a filter on level, status or caller would miss events. It must also notify someone: one of its actions.actionGroups must name an action group that is in the input, enabled, and has a receiver (email, SMS, webhook, voice, push, ITSM, runbook, Logic App, function, ARM role, event hub or incident) whose status is not Disabled. No action group, or only groups that are disabled, have no receiver, or do not exist while the subscription's action groups were collected: FAIL. A group that is not in the input (not collected, another subscription, or outside a template) or has an unreadable 'enabled': UNKNOWN. Alerts not collected: UNKNOWN; a template-only scan that deploys no alert is NOT_APPLICABLE, also when it deploys action groups."

#define ALERT_RULE(num, op, what, sig, ck, cisid, fn)                                                  \
	{                                                                                                  \
		.id = "AZA-LOG-" num, .title = "An activity log alert fires on " what, SUB_LOG, .level = 1,     \
		.severity = AZA_SEV_MEDIUM, .needs = ALERT " " AGROUP, .subject = ALERT, .checklist = ck,       \
		.cis = cisid,                                                                                   \
		.rationale = "An alert on " what " tells the security team at once about a change that can open access, hide activity or weaken controls.", \
		.portal = ALERT_PORTAL(sig), .cli = ALERT_CLI(op), .arm = ALERT_ARM(op), .defaults = ALERT_DEFAULTS, \
		.check = fn,                                                                                    \
	}

const struct aza_rule aza_rules_logging[] = {
	{
		.id = "AZA-LOG-001", .title = "The subscription activity log is exported",
		SUB_LOG, .level = 1, .severity = AZA_SEV_MEDIUM, .needs = EXPORT_NEEDS, .subject = EXPORT_SUBJECT,
		.checklist = "logging.activity_export", .cis = "6.0.0:6.1.1.1 5.0.0:6.1.1.1",
		.rationale = "Azure keeps the activity log 90 days; exporting it keeps control-plane history for investigations and lets it be queried and alerted on.",
		.portal = "Monitor > Activity log > Export Activity Logs > Add diagnostic setting: select the log categories and a Log Analytics workspace or storage account.",
		.cli = "az monitor diagnostic-settings subscription create -n activity-export --location <region> --workspace <workspace id> --logs '[{\"categoryGroup\":\"allLogs\",\"enabled\":true}]'",
		.arm = "Microsoft.Insights/diagnosticSettings at subscription scope with a destination (workspaceId, storageAccountId or eventHubAuthorizationRuleId) and logs[].enabled = true",
		.defaults = "A subscription diagnostic setting with a destination and an enabled log category, or a legacy log profile with a destination and at least one category and location, passes. Settings present but sending nowhere fail. Diagnostic settings not collected: UNKNOWN." PROFILE_DEFAULTS ": without a setting that exports, FAIL naming the retirement (UNKNOWN when the settings were not collected). Collected between the two dates, a profile that would pass gives UNKNOWN: the two pages disagree on whether it still exported.",
		.check = activity_export,
	},
	{
		.id = "AZA-LOG-002", .title = "The activity log export includes the Administrative, Alert, Policy and Security categories",
		SUB_LOG, .level = 1, .severity = AZA_SEV_MEDIUM, .needs = EXPORT_NEEDS, .subject = EXPORT_SUBJECT,
		.checklist = "logging.activity_export", .cis = "6.0.0:6.1.1.2 5.0.0:6.1.1.2",
		.rationale = "These categories record resource changes, alert activations, policy decisions and Defender for Cloud alerts: the events an investigation needs.",
		.portal = "Monitor > Activity log > Export Activity Logs > edit the setting: check Administrative, Alert, Policy and Security (or allLogs).",
		.cli = "az monitor diagnostic-settings subscription create -n activity-export --location <region> --workspace <workspace id> --logs '[{\"category\":\"Administrative\",\"enabled\":true},{\"category\":\"Alert\",\"enabled\":true},{\"category\":\"Policy\",\"enabled\":true},{\"category\":\"Security\",\"enabled\":true}]'",
		.arm = "subscription diagnostic setting: logs[] with Administrative, Alert, Policy and Security enabled (or categoryGroup 'allLogs')",
		.defaults = "A setting must have a destination; the allLogs category group covers every category. The subscription's settings with a destination are taken together (Azure allows five, each may send some categories to its own destination): each category must be exported by one of them. A legacy log profile has no category selection and does not satisfy this recommendation." PROFILE_DEFAULTS ": the FAIL without a setting names the retirement.",
		.check = export_categories,
	},
	{
		.id = "AZA-LOG-003", .title = "The activity log export captures all categories and all regions including global",
		SUB_LOG, .level = 1, .severity = AZA_SEV_MEDIUM, .needs = EXPORT_NEEDS, .subject = EXPORT_SUBJECT,
		.checklist = "logging.activity_export",
		.rationale = "An export that leaves out categories or regions silently drops events; global covers tenant-wide services such as Entra ID and RBAC.",
		.portal = "Monitor > Activity log > Export Activity Logs > edit the setting: select allLogs (every category).",
		.cli = "az monitor diagnostic-settings subscription create -n activity-export --location <region> --workspace <workspace id> --logs '[{\"categoryGroup\":\"allLogs\",\"enabled\":true}]'",
		.arm = "subscription diagnostic setting: logs = [{categoryGroup: 'allLogs', enabled: true}] (legacy log profile: categories Write, Delete, Action; locations every region used plus 'global')",
		.defaults = "Diagnostic settings are not regional: every category (allLogs, or Administrative, Security, ServiceHealth, Alert, Recommendation, Policy, Autoscale and ResourceHealth), exported by the subscription's settings with a destination taken together (each category by one of them), passes. A legacy log profile must list Write, Delete and Action and 'global' plus every location of the subscription's resources in the input (one that leaves something out while the diagnostic settings were not collected gives UNKNOWN: a setting may export it); categories or locations that are not an array: UNKNOWN." PROFILE_DEFAULTS ": the settings decide, and without one that exports the rule fails naming the retirement. Collected between the two dates, a profile that would pass gives UNKNOWN.",
		.check = export_all,
	},
	{
		.id = "AZA-LOG-004", .title = "Exported activity logs are retained for 365 days or longer",
		SUB_LOG, .level = 1, .severity = AZA_SEV_MEDIUM, .needs = EXPORT_NEEDS " " WS " " WSTABLE " " MGMTPOL,
		.subject = EXPORT_SUBJECT,
		.checklist = "logging.retention_365",
		.rationale = "Intrusions are often found months after they begin; a year of control-plane history lets the investigation reach the start.",
		.portal = "Log Analytics workspace > Usage and estimated costs > Data retention (or Tables > AzureActivity > Manage table: total retention); storage: Lifecycle management rules must not delete insights-activity-logs sooner.",
		.cli = "az monitor log-analytics workspace update -g <rg> -n <workspace> --retention-time 365",
		.arm = "Microsoft.OperationalInsights/workspaces: properties.retentionInDays >= 365 (or tables/AzureActivity totalRetentionInDays); legacy log profile: retentionPolicy {enabled: true, days: >= 365 or 0}",
		.defaults = "The limit is log_retention_days in the configuration (default 365). One destination keeping the logs long enough passes. Log profile: retentionPolicy disabled or days 0 means kept indefinitely, but the storage account's lifecycle rules (read as below for the container it writes to, insights-operational-logs, per Microsoft Learn's legacy activity log export) delete its blobs whatever the profile says: the shorter keeping decides, and an account or policies not in the input give UNKNOWN. Workspace: the AzureActivity table's totalRetentionInDays when in the input (its retentionInDays when the total is -1), else the workspace retentionInDays when the workspace's tables were collected (UNKNOWN when they were not, or could not be read, since the table can override the workspace); absent from a deployed workspace (a GET returns it): UNKNOWN; absent from a template workspace of the PerGB2018, CapacityReservation or Free tier, or of none: the default it is deployed with, 30 days for the tables and 90 for AzureActivity (Microsoft Learn, Manage data retention in a Log Analytics workspace; 7 on the legacy Free tier), a FAIL under a limit above 90 and UNKNOWN otherwise, and UNKNOWN for another tier. Storage: only a collected lifecycle management policy of an account in the input proves retention (no rule deleting append blobs under insights-activity-logs, or one deleting after the limit); otherwise UNKNOWN. Event hub destinations, and a log profile without a storage account (its retentionPolicy applies to storage only): UNKNOWN (retention is downstream)." PROFILE_DEFAULTS ": no destination, and without another one the FAIL (not exported) names the retirement. Collected between the two dates, a profile's retention that would pass gives UNKNOWN; a short one still fails (what the profile exported is kept no longer than that).",
		.check = retention,
	},
	{
		.id = "AZA-LOG-005", .title = "The storage container receiving the activity log is not publicly accessible",
		SUB_LOG, .level = 1, .severity = AZA_SEV_HIGH, .needs = EXPORT_NEEDS " " STG " " CONTAINER,
		.subject = EXPORT_SUBJECT,
		.checklist = "logging.export_container_private",
		.rationale = "The activity log reveals the environment's structure, identities and changes; an anonymous container publishes it.",
		.portal = "Storage account > Data storage > Containers > insights-activity-logs > Change access level: Private; or Configuration > Allow Blob anonymous access: Disabled.",
		.cli = "az storage account update -g <rg> -n <account> --allow-blob-public-access false",
		.arm = "Microsoft.Storage/storageAccounts: properties.allowBlobPublicAccess = false (or the container's publicAccess = 'None')",
		.defaults = "An account that blocks anonymous access (allowBlobPublicAccess false, set or, when unset, the default its creation time or template api-version gives, as AZA-STG-003 reads it) passes whatever the container; otherwise the container the export writes to (insights-activity-logs for a diagnostic setting, insights-operational-logs for a legacy log profile, per Microsoft Learn's legacy activity log export) must be in the input with publicAccess None (absent publicAccess means None only in a template; on a deployed container it gives UNKNOWN, as AZA-STG-004). A public container fails when the account allows anonymous access, and is UNKNOWN when that is not known (the account not in the input, or its value not readable). No storage destination: NOT_APPLICABLE. More than eight export storage accounts (Azure allows five diagnostic settings and one log profile): UNKNOWN." PROFILE_DEFAULTS ": its storage account is not judged, and without another storage destination the NOT_APPLICABLE names the retirement (a public container there is AZA-STG-004's). Collected between the two dates, the profile's account is judged: it holds what the profile wrote either way.",
		.check = container_private,
	},
	{
		.id = "AZA-LOG-006", .title = "The activity log storage account is encrypted with a customer-managed key",
		SUB_LOG, .level = 2, .severity = AZA_SEV_LOW, .needs = EXPORT_NEEDS " " STG,
		.subject = EXPORT_SUBJECT,
		.cis = "6.0.0:6.1.1.3 5.0.0:6.1.1.3",
		.rationale = "A customer-managed key lets the organisation control and revoke access to the exported audit trail.",
		.portal = "Storage account > Security + networking > Encryption > Encryption type: Customer-managed keys; select the key vault and key.",
		.cli = "az storage account update -g <rg> -n <account> --encryption-key-source Microsoft.Keyvault --encryption-key-vault <vault uri> --encryption-key-name <key>",
		.arm = "Microsoft.Storage/storageAccounts: properties.encryption.keySource = 'Microsoft.Keyvault' with keyvaultproperties",
		.defaults = "CIS marks this manual; azaudit reads encryption.keySource of each export storage account: Microsoft.Keyvault passes, Microsoft.Storage fails. Absent means the default Microsoft.Storage (Encryption.keySource, storage.json of the Storage API) in a template (FAIL); on a deployed account, where Resource Manager always returns it, absent or not a string is UNKNOWN. No storage destination: NOT_APPLICABLE. More than eight export storage accounts (Azure allows five diagnostic settings and one log profile): UNKNOWN." PROFILE_DEFAULTS ": its storage account is not judged, and without another storage destination the NOT_APPLICABLE names the retirement. Collected between the two dates, the profile's account is judged: it holds what the profile wrote either way.",
		.check = export_cmk,
	},
	{
		.id = "AZA-LOG-007", .title = "Key Vault audit events are logged",
		.area = AZA_AREA_LOGGING, .resp = AZA_RESP_DATA, .models = AZA_PAAS, .level = 1, .severity = AZA_SEV_MEDIUM,
		.types = VAULT, .needs = DIAG, .checklist = "logging.keyvault_logging", .cis = "6.0.0:6.1.1.4 5.0.0:6.1.1.4",
		.rationale = "AuditEvent records who read or changed keys, secrets and certificates; without it misuse of a vault leaves no trace.",
		.portal = "Key vault > Monitoring > Diagnostic settings > Add diagnostic setting: audit (or allLogs) to a Log Analytics workspace or storage account.",
		.cli = "az monitor diagnostic-settings create -n audit --resource <vault id> --workspace <workspace id> --logs '[{\"categoryGroup\":\"audit\",\"enabled\":true}]'",
		.arm = "Microsoft.Insights/diagnosticSettings on the vault: logs[] with category 'AuditEvent' or categoryGroup 'audit'/'allLogs' enabled, and a destination",
		.defaults = "A setting needs an enabled AuditEvent category (or audit/allLogs group) and a destination. Diagnostic settings not collected: UNKNOWN. Microsoft.Insights/diagnosticSettings in meta.datasets is taken to cover vaults: azaudit collect has read each vault's own settings whenever it lists that type (unlike clusters', AZA-AKS-009).",
		.check = keyvault_logging,
	},
	{
		.id = "AZA-LOG-008", .title = "NSG flow logs are sent to Log Analytics",
		.area = AZA_AREA_LOGGING, .resp = AZA_RESP_NETWORK, .models = AZA_IAAS, .level = 2, .severity = AZA_SEV_LOW,
		.types = FLOWLOG, .cis = "6.0.0:6.1.1.5 5.0.0:6.1.1.5",
		.rationale = "Traffic analytics in a Log Analytics workspace makes flow data searchable and lets unusual traffic be spotted.",
		.portal = "Network Watcher > Flow logs > select > Traffic analytics: Enabled, with a Log Analytics workspace.",
		.cli = "az network watcher flow-log update -l <region> -n <flow log> --workspace <workspace id> --traffic-analytics true",
		.arm = "Microsoft.Network/networkWatchers/flowLogs: properties.flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration = {enabled: true, workspaceResourceId: <id>}",
		.defaults = "Judged on flow logs whose target is a network security group (others NOT_APPLICABLE). CIS marks this manual; azaudit reads the traffic analytics configuration. A disabled flow log fails; one without properties.enabled (no documented default; a GET returns it) and with traffic analytics configured is UNKNOWN. A flow log that records only part of the traffic fails: a non-empty enabledFilteringCriteria, or a recordTypes that does not list all of B, C, E and D (FlowLogPropertiesFormat, networkWatcher.json, and Microsoft Learn, Microsoft.Network networkWatchers/flowLogs 2025-07-01: if not specified, all network traffic is logged); either one not a string: UNKNOWN.",
		.check = nsg_flow_analytics,
	},
	{
		.id = "AZA-LOG-009", .title = "Virtual network flow logs are sent to Log Analytics",
		.area = AZA_AREA_LOGGING, .resp = AZA_RESP_NETWORK, .models = AZA_IAAS, .level = 2, .severity = AZA_SEV_LOW,
		.types = FLOWLOG, .cis = "6.0.0:6.1.1.6 5.0.0:6.1.1.7",
		.rationale = "Traffic analytics in a Log Analytics workspace makes virtual network flow data searchable and lets unusual traffic be spotted.",
		.portal = "Network Watcher > Flow logs > select the virtual network flow log > Traffic analytics: Enabled, with a Log Analytics workspace.",
		.cli = "az network watcher flow-log update -l <region> -n <flow log> --workspace <workspace id> --traffic-analytics true",
		.arm = "Microsoft.Network/networkWatchers/flowLogs (target a virtual network, subnet or NIC): flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration = {enabled: true, workspaceResourceId: <id>}",
		.defaults = "Judged on flow logs whose target is not a network security group (those are NOT_APPLICABLE). CIS marks this manual; azaudit reads the traffic analytics configuration. A disabled flow log fails; one without properties.enabled (no documented default; a GET returns it) and with traffic analytics configured is UNKNOWN. A flow log that records only part of the traffic fails: a non-empty enabledFilteringCriteria, or a recordTypes that does not list all of B, C, E and D (FlowLogPropertiesFormat, networkWatcher.json, and Microsoft Learn, Microsoft.Network networkWatchers/flowLogs 2025-07-01: if not specified, all network traffic is logged); either one not a string: UNKNOWN.",
		.check = vnet_flow_analytics,
	},
	{
		.id = "AZA-LOG-010", .title = "Entra diagnostic settings send Microsoft Graph activity logs to Log Analytics",
		MANUAL_LOG, .scope = AZA_SCOPE_TENANT, .level = 2, .severity = AZA_SEV_LOW, .cis = "6.0.0:6.1.1.7 5.0.0:6.1.1.8",
		.rationale = "Graph activity logs record every API request made to the tenant's directory data, including by compromised applications.",
		.manual = "Sign in to the Entra admin center (Security Administrator or higher) > Identity > Monitoring & health > Diagnostic settings. Confirm a setting exists whose categories include MicrosoftGraphActivityLogs and whose destination is a Log Analytics workspace. CLI: az rest --method get --url 'https://management.azure.com/providers/microsoft.aadiam/diagnosticSettings?api-version=2017-04-01-preview' and check logs[] for MicrosoftGraphActivityLogs enabled with a workspaceId.",
	},
	{
		.id = "AZA-LOG-011", .title = "Entra diagnostic settings send Entra activity logs to Log Analytics",
		MANUAL_LOG, .scope = AZA_SCOPE_TENANT, .level = 2, .severity = AZA_SEV_LOW, .cis = "6.0.0:6.1.1.8 5.0.0:6.1.1.9",
		.rationale = "Audit and sign-in logs kept in a workspace outlive the 30-day Entra retention and can be correlated and alerted on.",
		.manual = "Entra admin center > Identity > Monitoring & health > Diagnostic settings. Confirm a setting with a Log Analytics workspace destination enables AuditLogs, SignInLogs, NonInteractiveUserSignInLogs, ServicePrincipalSignInLogs, ManagedIdentitySignInLogs, ProvisioningLogs, ADFSSignInLogs, RiskyUsers, UserRiskEvents, RiskyServicePrincipals and ServicePrincipalRiskEvents. CLI: az rest --method get --url 'https://management.azure.com/providers/microsoft.aadiam/diagnosticSettings?api-version=2017-04-01-preview'.",
	},
	{
		.id = "AZA-LOG-012", .title = "Intune logs are sent to Log Analytics",
		MANUAL_LOG, .scope = AZA_SCOPE_TENANT, .level = 2, .severity = AZA_SEV_LOW, .cis = "6.0.0:6.1.1.9 5.0.0:6.1.1.10",
		.rationale = "Intune audit and operational logs in a workspace show changes to device policy and enrolment.",
		.manual = "Intune admin center (intune.microsoft.com) > Reports > Diagnostic settings. Confirm a setting sends AuditLogs, OperationalLogs, DeviceComplianceOrg and Devices to a Log Analytics workspace.",
	},
	ALERT_RULE("020", OP_PA_W, "policy assignment create or update", "Create policy assignment (Policy assignment)",
	           "logging.alert_policy_assignment", "6.0.0:6.1.2.1 5.0.0:6.1.2.1", alert_pa_w),
	ALERT_RULE("021", OP_PA_D, "policy assignment delete", "Delete policy assignment (Policy assignment)", NULL,
	           "6.0.0:6.1.2.2 5.0.0:6.1.2.2", alert_pa_d),
	ALERT_RULE("022", OP_NSG_W, "network security group create or update",
	           "Create or Update Network Security Group", "logging.alert_nsg_write", "6.0.0:6.1.2.3 5.0.0:6.1.2.3", alert_nsg_w),
	ALERT_RULE("023", OP_NSG_D, "network security group delete", "Delete Network Security Group",
	           "logging.alert_nsg_delete", "6.0.0:6.1.2.4 5.0.0:6.1.2.4", alert_nsg_d),
	ALERT_RULE("024", OP_NSGR_W, "network security group rule create or update", "Create or Update Security Rule",
	           "logging.alert_nsg_rule_write", NULL, alert_nsgr_w),
	ALERT_RULE("025", OP_NSGR_D, "network security group rule delete", "Delete Security Rule",
	           "logging.alert_nsg_rule_delete", NULL, alert_nsgr_d),
	ALERT_RULE("026", OP_SS_W, "security solution create or update", "Create or Update Security Solutions", NULL,
	           "6.0.0:6.1.2.5 5.0.0:6.1.2.5", alert_ss_w),
	ALERT_RULE("027", OP_SS_D, "security solution delete", "Delete Security Solutions", NULL, "6.0.0:6.1.2.6 5.0.0:6.1.2.6",
	           alert_ss_d),
	ALERT_RULE("028", OP_SQLFW_W, "SQL server firewall rule create or update", "Create/Update server firewall rule",
	           "logging.alert_sql_firewall_write", "6.0.0:6.1.2.7 5.0.0:6.1.2.7", alert_sqlfw_w),
	ALERT_RULE("029", OP_SQLFW_D, "SQL server firewall rule delete", "Delete server firewall rule",
	           "logging.alert_sql_firewall_delete", "6.0.0:6.1.2.8 5.0.0:6.1.2.8", alert_sqlfw_d),
	ALERT_RULE("030", OP_PIP_W, "public IP address create or update", "Create or Update Public Ip Address", NULL,
	           "6.0.0:6.1.2.9 5.0.0:6.1.2.9", alert_pip_w),
	ALERT_RULE("031", OP_PIP_D, "public IP address delete", "Delete Public Ip Address", NULL, "6.0.0:6.1.2.10 5.0.0:6.1.2.10",
	           alert_pip_d),
	ALERT_RULE("032", OP_SECPOL_W, "security policy update", "Update security policy (Security policy)", NULL, NULL,
	           alert_secpol_w),
	{
		.id = "AZA-LOG-033", .title = "An activity log alert fires on Service Health events",
		SUB_LOG, .level = 1, .severity = AZA_SEV_LOW, .needs = ALERT " " AGROUP, .subject = ALERT, .cis = "6.0.0:6.1.2.11 5.0.0:6.1.2.11",
		.rationale = "Service Health alerts announce Azure incidents, planned maintenance and security advisories that affect your resources.",
		.portal = "Monitor > Service Health > Create service health alert: the subscription, all services, regions and event types; an action group.",
		.cli = "az monitor activity-log alert create -g <rg> -n service-health --scope /subscriptions/<id> --condition category=ServiceHealth --action-group <action group id>",
		.arm = "Microsoft.Insights/activityLogAlerts: properties.condition.allOf = [{field: 'category', equals: 'ServiceHealth'}], scopes the subscription, enabled true",
		.defaults = "An enabled alert scoped to the subscription whose condition (scopes, allOf and anyOf read as for AZA-LOG-020) has category ServiceHealth counts; further filters (services, regions, event types) are the owner's choice. It must notify someone through an action group, judged as for the operation alerts (AZA-LOG-020): in the input, enabled and with a receiver that is not Disabled; a group that is not in the input gives UNKNOWN, none that notifies anyone FAIL. Alerts not collected: UNKNOWN; a template-only scan that deploys no alert is NOT_APPLICABLE, also when it deploys action groups.",
		.check = alert_service_health,
	},
	{
		.id = "AZA-LOG-040", .title = "Application Insights is configured",
		.area = AZA_AREA_LOGGING, .resp = AZA_RESP_APPLICATIONS, .models = AZA_PAAS, .scope = AZA_SCOPE_SUBSCRIPTION, .level = 2, .severity = AZA_SEV_LOW, .needs = COMPONENT, .subject = COMPONENT,
		.cis = "6.0.0:6.1.3.1 5.0.0:6.1.3.1",
		.rationale = "Application Insights collects application telemetry (requests, failures, dependencies) that helps detect attacks against the application layer.",
		.portal = "Application Insights > Create: choose the subscription, resource group and a Log Analytics workspace; then instrument the applications.",
		.cli = "az monitor app-insights component create --app <name> -g <rg> -l <region> --workspace <workspace id>",
		.arm = "Microsoft.Insights/components with properties.WorkspaceResourceId",
		.defaults = "At least one Microsoft.Insights/components resource in the subscription passes (whether every application is instrumented is not visible in the control plane). Components not collected: UNKNOWN.",
		.check = app_insights,
	},
	{
		.id = "AZA-LOG-041", .title = "Diagnostic (resource) logging is enabled for every service that supports it",
		MANUAL_LOG, .level = 1, .severity = AZA_SEV_MEDIUM, .cis = "6.0.0:6.1.4 5.0.0:6.1.4",
		.rationale = "Resource logs record data-plane operations that the activity log does not; without them access to data is invisible.",
		.manual = "For each subscription run: az resource list --query '[].id' -o tsv, and for each id: az monitor diagnostic-settings list --resource <id>. Every resource whose type supports diagnostic settings (az monitor diagnostic-settings categories list --resource <id> returns categories) must have a setting with its audit categories (or allLogs) enabled and a destination. Azure Policy's built-in initiative 'Enable allLogs category group resource logging for supported resources' reports the gaps.",
	},
	{
		.id = "AZA-LOG-042", .title = "Production workloads do not use Basic, Free or Consumption SKUs",
		MANUAL_LOG, .level = 2, .severity = AZA_SEV_LOW, .cis = "6.0.0:6.1.5 5.0.0:6.1.5",
		.rationale = "Basic and free tiers lack SLAs and security features (private networking, diagnostic logs, Defender coverage) that production needs.",
		.manual = "Run in Azure Resource Graph: Resources | where sku.name =~ 'Basic' or sku.tier =~ 'Basic' or sku.name =~ 'Free' or sku.tier =~ 'Free' or sku.name =~ 'Consumption' or sku.tier =~ 'Consumption' | project id, type, sku. For each result, confirm with the owner whether it serves production; those that do must move to a Standard or higher tier.",
	},
	{
		.id = "AZA-LOG-043", .title = "Mission-critical resources carry resource locks",
		MANUAL_LOG, .level = 2, .severity = AZA_SEV_LOW, .cis = "6.0.0:6.2 5.0.0:6.2",
		.rationale = "A CanNotDelete or ReadOnly lock stops mission-critical resources being deleted or changed by mistake or by a compromised identity.",
		.manual = "List the resources the business marks mission-critical. For each: az lock list --resource <id> (locks inherited from the resource group or subscription count). Confirm a CanNotDelete or ReadOnly lock applies. Portal: resource > Settings > Locks.",
	},
};
const size_t aza_rules_logging_n = sizeof aza_rules_logging / sizeof aza_rules_logging[0];
