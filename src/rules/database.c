/*
 * database.c - rules of the database area: Azure SQL servers and databases,
 * Azure Database for PostgreSQL and MySQL (flexible servers and the retired
 * single servers), and Azure Cosmos DB accounts.
 *
 * Settings are child resources with full ids (<server>/auditingSettings/
 * default, <server>/configurations/<name>...). Azure always answers a GET of
 * a server's settings object (with its defaults when never set), so a
 * settings object missing from the input means it was not collected or the
 * export is incomplete: UNKNOWN with the reason, never PASS. The exception is
 * the Entra ID administrator, which exists only once set: when the
 * administrators were collected, none means no administrator.
 *
 * The SQL rules judge logical servers (Microsoft.Sql/servers, Synapse
 * dedicated SQL pools of kind v12.0,analytics among them) and their
 * databases; SQL managed instances (Microsoft.Sql/managedInstances) have
 * their own properties and settings objects, judged by AZA-SQL-028..033
 * alone.
 *
 * Cosmos DB settings are properties of the account itself; an unset one is
 * judged by the service's default, named in each rule's .defaults.
 *
 * CIS Azure Foundations v6.0.0 has no database section (it moved to a
 * separate benchmark), so these rules name no CIS id: the SQL, PostgreSQL
 * and MySQL ones map to checklist keys, and the checklist has no Cosmos DB
 * item. The benchmark's one Cosmos DB recommendation, 8.1.7.1 (Defender
 * for Azure Cosmos DB), is AZA-DEF-007.
 */
#include "rule.h"
#include "nsg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SQL "Microsoft.Sql/servers"
#define SQLDB SQL "/databases"
#define MI "Microsoft.Sql/managedInstances"
#define PG "Microsoft.DBforPostgreSQL/flexibleServers"
#define PGS "Microsoft.DBforPostgreSQL/servers"
#define MY "Microsoft.DBforMySQL/flexibleServers"
#define MYS "Microsoft.DBforMySQL/servers"
#define COS "Microsoft.DocumentDB/databaseAccounts"

/* ---- shared helpers ---- */

/* The settings child of `type` under r, or NULL with an UNKNOWN reported. */
static const aza_res *setting(aza_ev *ev, const aza_res *r, const char *type, const char *what)
{
	const aza_res *s = aza_inv_child(aza_ev_inv(ev), r->id, type);
	if (s)
		return s;
	const char *why;
	if (!aza_ev_collected(ev, type, r, &why))
		aza_unknown(ev, r, "%s: %s", what, why);
	else
		aza_unknown(ev, r, "%s: no %s object for this %s in the input", what, strrchr(type, '/') + 1,
		            aza__strieq(r->type, MI) ? "managed instance" : "server");
	return NULL;
}

/* A string property of a settings object; NULL with an UNKNOWN reported
 * when absent or not a string. */
static const char *setting_str(aza_ev *ev, const aza_res *r, const aza_res *s, const char *path)
{
	const char *v;
	int k = aza_prop_str(ev, s, path, &v);
	if (k > 0)
		return v;
	aza_unknown(ev, r, "%s %s is %s", strrchr(s->type, '/') + 1, strchr(path, '.') + 1,
	            k < 0 ? "not a string" : "absent");
	return NULL;
}

static int is_single(const aza_res *r)
{
	return aza__strieq(r->type, PGS) || aza__strieq(r->type, MYS);
}

/* A new server's value of a parameter its template leaves out, where
 * Microsoft Learn documents it. `versions` lists the properties.version
 * values the default is documented for (space-separated, a space at each
 * end), or is NULL when the list of every version gives the same one. */
struct param_default {
	const char *type, *name, *value, *versions, *source;
};

#define PG_LISTS "Microsoft Learn, Server parameters in Azure Database for PostgreSQL flexible server, the parameter list of each version"
#define PGS_LOGS "Microsoft Learn, Logs in Azure Database for PostgreSQL - Single Server"
#define MY_TLS "Microsoft Learn, Connect to Azure Database for MySQL - Flexible Server with encrypted connections"
#define MY_AUDIT "Microsoft Learn, Track database activity with Audit Logs in Azure Database for MySQL - Flexible Server"

static const struct param_default param_defaults[] = {
	{PG, "require_secure_transport", "on", NULL, PG_LISTS},
	/* PostgreSQL 11 has no ssl_min_protocol_version. */
	{PG, "ssl_min_protocol_version", "TLSv1.2", " 12 13 14 15 16 17 18 ", PG_LISTS},
	{PG, "log_checkpoints", "on", NULL, PG_LISTS},
	{PG, "log_connections", "on", NULL, PG_LISTS},
	{PG, "log_disconnections", "on", NULL, PG_LISTS},
	/* The list of PostgreSQL 18 has no connection_throttle.enable. */
	{PG, "connection_throttle.enable", "off", " 11 12 13 14 15 16 17 ", PG_LISTS},
	{PG, "logfiles.retention_days", "3", NULL, PG_LISTS},
	/* "log_checkpoints and log_connections are on by default"; the
	 * short-term log retention (the page names it log_retention_period)
	 * defaults to 3 days. log_disconnections and connection_throttling
	 * have no documented default. */
	{PGS, "log_checkpoints", "on", NULL, PGS_LOGS},
	{PGS, "log_connections", "on", NULL, PGS_LOGS},
	{PGS, "log_retention_days", "3", NULL, PGS_LOGS},
	/* The default configuration: require_secure_transport ON and TLS 1.2,
	 * the tls_version default of MySQL 5.7 and 8.0 in the page's table. */
	{MY, "require_secure_transport", "ON", NULL, MY_TLS},
	{MY, "tls_version", "TLSv1.2", " 5.7 8.0.21 ", MY_TLS},
	{MY, "audit_log_enabled", "OFF", NULL, MY_AUDIT},
};

/* The documented default of parameter `name` that a template deploying r
 * without declaring it gives a new server, with *note saying so for the
 * verdict's message; or NULL with an UNKNOWN reported. */
static const char *param_default(aza_ev *ev, const aza_res *r, const char *name, const char **note)
{
	aza_inv *inv = aza_ev_inv(ev);
	const char *ctype = aza_ev_fmt(ev, "%s/configurations", r->type);
	for (const aza_res *c = aza_inv_child(inv, r->id, ctype); c; c = aza_inv_next_child(c, r->id))
		if (aza_name_unknown(c)) {
			aza_unknown(ev, r, "server parameter %s is not declared by name in the template, but the configurations child '%s', "
			            "whose name is only known at deployment, may be it", name, c->name);
			return NULL;
		}
	/* Only a server created as new starts from the defaults: a replica
	 * or a restored server may take its parameters from its source. */
	const char *cm = NULL;
	int kc = aza_prop_str(ev, r, "properties.createMode", &cm);
	if (kc < 0) {
		aza_unknown(ev, r, "server parameter %s is not declared in the template, and createMode is %s: a replica or a restored server "
		            "may take its parameters from its source server", name, aza_unread_why(ev, r, "properties.createMode"));
		return NULL;
	}
	if (kc > 0 && !aza__strieq(cm, "Default") && !aza__strieq(cm, "Create")) {
		aza_unknown(ev, r, "server parameter %s is not declared in the template, and the server is not created as new (createMode %s): "
		            "its parameters may come from the source server", name, cm);
		return NULL;
	}
	const struct param_default *d = NULL;
	for (size_t i = 0; !d && i < sizeof param_defaults / sizeof *param_defaults; i++)
		if (aza__strieq(param_defaults[i].type, r->type) && aza__strieq(param_defaults[i].name, name))
			d = &param_defaults[i];
	if (!d) {
		aza_unknown(ev, r, "server parameter %s is not declared in the template: the server default applies, which Microsoft Learn "
		            "does not document (declare a configurations child to have it judged)", name);
		return NULL;
	}
	const char *engine = aza__strieq(r->type, MY) ? "MySQL" : "PostgreSQL";
	if (!d->versions) {
		*note = aza_ev_fmt(ev, " (not declared in the template: the default of a new server, per %s)", d->source);
		return d->value;
	}
	const char *ver = NULL;
	int kv = aza_prop_str(ev, r, "properties.version", &ver);
	if (kv <= 0) {
		aza_unknown(ev, r, "server parameter %s is not declared in the template, and its default depends on the %s version, which is %s",
		            name, engine, kv < 0 ? aza_unread_why(ev, r, "properties.version") : "not set");
		return NULL;
	}
	if (!*ver || strchr(ver, ' ') || !strstr(d->versions, aza_ev_fmt(ev, " %s ", ver))) {
		aza_unknown(ev, r, "server parameter %s is not declared in the template, and Microsoft Learn documents no default of it for %s %s",
		            name, engine, ver);
		return NULL;
	}
	*note = aza_ev_fmt(ev, " (not declared in the template: the default of a new %s %s server, per %s)", engine, ver, d->source);
	return d->value;
}

/* The value of server parameter `name` (a configurations child), or NULL
 * with an UNKNOWN reported. *note is "" for a value read, or says that the
 * value is the documented default of a template that leaves it out (a
 * deployed server's parameter missing from the input was not collected). */
static const char *param(aza_ev *ev, const aza_res *r, const char *name, const char **note)
{
	const char *ctype = aza_ev_fmt(ev, "%s/configurations", r->type);
	const aza_res *c = aza_inv_find(aza_ev_inv(ev), aza_ev_fmt(ev, "%s/configurations/%s", r->id, name));
	*note = "";
	if (!c) {
		const char *why;
		if (!aza_ev_collected(ev, ctype, r, &why))
			aza_unknown(ev, r, "server parameter %s: %s", name, why);
		else if (aza_is_template(r))
			return param_default(ev, r, name, note);
		else
			aza_unknown(ev, r, "server parameter %s is not in the input (incomplete export?)", name);
		return NULL;
	}
	const char *v;
	int k = aza_prop_str(ev, c, "properties.value", &v);
	if (k > 0)
		return v;
	aza_unknown(ev, r, "server parameter %s value is %s", name, k < 0 ? "not a string" : "absent");
	return NULL;
}

/* An on/off server parameter that must be on. */
static void param_on(aza_ev *ev, const aza_res *r, const char *name, const char *effect)
{
	const char *note;
	const char *v = param(ev, r, name, &note);
	if (!v)
		return;
	if (aza__strieq(v, "on") || aza__strieq(v, "true"))
		aza_pass(ev, r, "%s is %s%s", name, v, note);
	else if (aza__strieq(v, "off") || aza__strieq(v, "false"))
		aza_fail(ev, r, "%s is %s%s: %s", name, v, note, effect);
	else
		aza_unknown(ev, r, "%s has an unexpected value '%s'", name, v);
}

/* Does the comma-separated list hold a token equal to `want` (or starting
 * with it when prefix is set)? */
static int list_has(const char *list, const char *want, int prefix)
{
	char tmp[512];
	if (!list || strlen(list) >= sizeof tmp)
		return 0;
	strcpy(tmp, list);
	for (char *sv, *t = strtok_r(tmp, ", ;", &sv); t; t = strtok_r(NULL, ", ;", &sv))
		if (prefix ? aza__istarts(t, want) : aza__strieq(t, want))
			return 1;
	return 0;
}

/* ---- Azure SQL ---- */

#define SQL_DIAG "Microsoft.Insights/diagnosticSettings"

/* Were the diagnostic settings of server r's master database read? The
 * subscriptions' own settings list the type too, so a snapshot must list
 * the record of databases' settings; a template declares what it deploys. */
static int master_diag_collected(aza_ev *ev, const aza_res *r, const char **why)
{
	if (!aza_ev_collected(ev, SQL_DIAG, r, why))
		return 0;
	int listed = aza_inv_dataset_listed(aza_ev_inv(ev), AZA_DIAG_OF(SQLDB));
	if (listed == 1 || (listed < 0 && aza_is_template(r)))
		return 1;
	*why = "the diagnostic settings of SQL databases were not collected";
	return 0;
}

static void sql_auditing(aza_ev *ev, const aza_res *r)
{
	const aza_res *s = setting(ev, r, SQL "/auditingSettings", "auditing");
	if (!s)
		return;
	const char *st = setting_str(ev, r, s, "properties.state");
	if (!st)
		return;
	if (aza__strieq(st, "Disabled")) {
		aza_fail(ev, r, "auditingSettings state is Disabled");
		return;
	}
	if (!aza__strieq(st, "Enabled")) {
		aza_unknown(ev, r, "auditingSettings state has an unexpected value '%s'", st);
		return;
	}
	const char *ep = NULL;
	if (aza_prop_str(ev, s, "properties.storageEndpoint", &ep) < 0) {
		aza_unknown(ev, r, "auditingSettings storageEndpoint is not a string");
		return;
	}
	if (ep && *ep) {
		aza_pass(ev, r, "auditingSettings state is Enabled (storage destination %s)", ep);
		return;
	}
	/* Without a storage account, audit events reach Log Analytics or an
	 * Event Hub only through a diagnostic setting on the server's master
	 * database with the SQLSecurityAuditEvents category: the API
	 * (isAzureMonitorTargetEnabled, ServerBlobAuditingPolicyProperties)
	 * says it must be created as well, and the auditing settings do not
	 * show it. An enabled policy with neither writes nowhere. */
	int mon = 0, km = aza_prop_bool(ev, s, "properties.isAzureMonitorTargetEnabled", &mon);
	if (km < 0) {
		aza_unknown(ev, r, "auditingSettings isAzureMonitorTargetEnabled is not a boolean");
		return;
	}
	/* The API returns it with every policy (false when off): a deployed
	 * one without it is an incomplete export. A template leaves it false. */
	if (!km && !aza_is_template(s)) {
		aza_unknown(ev, r, "auditingSettings has no storageEndpoint and isAzureMonitorTargetEnabled is absent: whether audit events "
		                   "reach any destination is not known");
		return;
	}
	if (!mon) {
		aza_fail(ev, r, "auditingSettings state is Enabled but has no destination (no storageEndpoint, isAzureMonitorTargetEnabled %s): "
		                "audit events are written nowhere",
		         km ? "false" : "not set");
		return;
	}
	aza_inv *inv = aza_ev_inv(ev);
	const char *master = aza_ev_fmt(ev, "%s/databases/master", r->id);
	const aza_res *first = NULL;
	for (const aza_res *d = aza_inv_child(inv, master, SQL_DIAG); d; d = aza_inv_next_child(d, master)) {
		const char *on = aza_diag_logs(ev, d, "SQLSecurityAuditEvents", "audit allLogs", NULL);
		if (on && aza_diag_has_dest(ev, d)) {
			aza_pass(ev, r, "auditingSettings state is Enabled to Azure Monitor, and diagnostic setting '%s' of the master database logs %s",
			         aza_last_seg(d->name), on);
			return;
		}
		if (!first)
			first = d;
	}
	const char *why;
	if (first)
		aza_fail(ev, r, "auditingSettings sends audit events to Azure Monitor only, but diagnostic setting '%s' of the master database does "
		                "not log SQLSecurityAuditEvents (nor the audit or allLogs group) to a destination",
		         aza_last_seg(first->name));
	else if (!master_diag_collected(ev, r, &why))
		aza_unknown(ev, r, "auditingSettings sends audit events to Azure Monitor only, which needs a diagnostic setting on the master "
		                   "database with SQLSecurityAuditEvents: %s",
		            why);
	else
		aza_fail(ev, r, "auditingSettings sends audit events to Azure Monitor only, but the master database has no diagnostic setting: "
		                "audit events are written nowhere");
}

static void sql_audit_retention(aza_ev *ev, const aza_res *r)
{
	const aza_res *s = setting(ev, r, SQL "/auditingSettings", "audit retention");
	if (!s)
		return;
	const char *st = setting_str(ev, r, s, "properties.state");
	if (!st)
		return;
	if (aza__strieq(st, "Disabled")) {
		aza_fail(ev, r, "auditingSettings state is %s: no audit log is kept", st);
		return;
	}
	if (!aza__strieq(st, "Enabled")) {
		aza_unknown(ev, r, "auditingSettings state has an unexpected value '%s'", st);
		return;
	}
	int want = aza_ev_cfg(ev)->sql_audit_retention_days;
	const char *ep = aza_json_str(aza_prop(ev, s, "properties.storageEndpoint"));
	if (!ep || !*ep) {
		int mon = 0;
		aza_json_bool(aza_prop(ev, s, "properties.isAzureMonitorTargetEnabled"), &mon);
		aza_unknown(ev, r, "%s: retention is set at the destination (Log Analytics workspace or Event Hub consumer), not in auditingSettings",
		            mon ? "audit logs go to Azure Monitor only" : "auditing has no storage destination");
		return;
	}
	double d;
	int k = aza_prop_num(ev, s, "properties.retentionDays", &d);
	if (k <= 0) {
		aza_unknown(ev, r, "auditingSettings retentionDays is %s", k < 0 ? "not a number" : "absent");
		return;
	}
	if (d == 0)
		aza_pass(ev, r, "auditingSettings retentionDays is 0 (kept without limit)");
	else if (d >= want)
		aza_pass(ev, r, "auditingSettings retentionDays is %.0f (at least %d)", d, want);
	else
		aza_fail(ev, r, "auditingSettings retentionDays is %.0f (less than %d)", d, want);
}

/* Defender for SQL plan on the server's subscription. */
static int sql_plan_on(aza_ev *ev, const aza_res *r)
{
	const aza_res *p = aza_inv_find(aza_ev_inv(ev),
	                                aza_ev_fmt(ev, "/subscriptions/%s/providers/Microsoft.Security/pricings/SqlServers", r->sub));
	const char *tier = p ? aza_json_str(aza_prop(ev, p, "properties.pricingTier")) : NULL;
	return tier && aza__strieq(tier, "Standard");
}

/* Were the subscription's Defender plans read? A template never declares
 * them (they belong to the subscription, outside the deployment), so a
 * template input without any pricings cannot tell. */
static int plans_collected(aza_ev *ev, const aza_res *r, const char **why)
{
	if (aza_is_template(r) && !aza_inv_count(aza_ev_inv(ev), "Microsoft.Security/pricings")) {
		*why = "the template does not hold the subscription's Defender plans";
		return 0;
	}
	return aza_ev_collected(ev, "Microsoft.Security/pricings", r, why);
}

/* Microsoft Defender for SQL on server r, as AZA-SQL-003 judges it and
 * AZA-SQL-013 relies on: the server's advanced threat protection or legacy
 * alert policy Enabled, or the subscription's SqlServers plan Standard.
 * 1 on, 0 known off, -1 not known. d->what names the object whose state
 * decided (NULL for the plan, or when no state was read: d->why then says
 * why) and d->st its state; for an unexpected state d->why is NULL, and
 * otherwise, off or not known, it says why the plans were or were not
 * read. */
struct sql_defender {
	const char *what, *st, *why;
};

/* The same for a server or a managed instance: `parent` is r's type, whose
 * children of the two types are read, and `noun` names it in messages. The
 * subscription's SqlServers plan covers both (Microsoft Learn, Microsoft
 * Defender for SQL: enabled on the subscription level, all databases in
 * Azure SQL Database and Azure SQL Managed Instance are protected). */
static int defender_of(aza_ev *ev, const aza_res *r, const char *parent, const char *noun, struct sql_defender *d)
{
	aza_inv *inv = aza_ev_inv(ev);
	const char *atype = aza_ev_fmt(ev, "%s/advancedThreatProtectionSettings", parent);
	const aza_res *atp = aza_inv_child(inv, r->id, atype);
	const aza_res *sap = aza_inv_child(inv, r->id, aza_ev_fmt(ev, "%s/securityAlertPolicies", parent));
	const char *a = atp ? aza_json_str(aza_prop(ev, atp, "properties.state")) : NULL;
	const char *b = sap ? aza_json_str(aza_prop(ev, sap, "properties.state")) : NULL;
	*d = (struct sql_defender){0};
	if (a && aza__strieq(a, "Enabled")) {
		d->what = "advancedThreatProtectionSettings", d->st = a;
		return 1;
	}
	if (b && aza__strieq(b, "Enabled")) {
		d->what = "securityAlertPolicies", d->st = b;
		return 1;
	}
	if (sql_plan_on(ev, r))
		return 1;
	if (!a && !b) {
		const char *why;
		if (atp || sap)
			d->why = "threat protection state is absent or not a string";
		else if (!aza_ev_collected(ev, atype, r, &why))
			d->why = aza_ev_fmt(ev, "threat protection: %s", why);
		else
			d->why = aza_ev_fmt(ev, "threat protection: no advancedThreatProtectionSettings object for this %s in the input", noun);
		return -1;
	}
	d->what = a ? "advancedThreatProtectionSettings" : "securityAlertPolicies";
	d->st = a ? a : b;
	if (!aza__strieq(d->st, "Disabled") && !aza__strieq(d->st, "New"))
		return -1;
	/* A Standard SqlServers plan protects the server whatever its own
	 * setting says: without the plans there is no verdict. */
	return plans_collected(ev, r, &d->why) ? 0 : -1;
}

static int sql_defender(aza_ev *ev, const aza_res *r, struct sql_defender *d)
{
	return defender_of(ev, r, SQL, "server", d);
}

/* AZA-SQL-003 and, for a managed instance, AZA-SQL-033. */
static void threat_detection(aza_ev *ev, const aza_res *r, const char *parent, const char *noun)
{
	struct sql_defender d;
	int on = defender_of(ev, r, parent, noun, &d);
	if (on > 0 && d.what)
		aza_pass(ev, r, "%s state is Enabled", d.what);
	else if (on > 0)
		aza_pass(ev, r, "Defender for SQL (pricing SqlServers) is Standard on the subscription");
	else if (!d.st)
		aza_unknown(ev, r, "%s", d.why);
	else if (!on)
		aza_fail(ev, r, "%s state is %s and Defender for SQL is not on for the subscription", d.what, d.st);
	else if (!d.why)
		aza_unknown(ev, r, "threat protection state has an unexpected value '%s'", d.st);
	else
		aza_unknown(ev, r, "%s state is %s and the subscription's Defender plans are unknown (a Standard SqlServers plan would protect it): %s",
		            d.what, d.st, d.why);
}

static void sql_threat_detection(aza_ev *ev, const aza_res *r)
{
	threat_detection(ev, r, SQL, "server");
}

static void sql_alert_types(aza_ev *ev, const aza_res *r)
{
	const aza_res *s = setting(ev, r, SQL "/securityAlertPolicies", "alert types");
	if (!s)
		return;
	/* With threat detection off nothing is raised, whatever the list says,
	 * unless the server's advanced threat protection or the subscription's
	 * Defender for SQL plan is on. */
	/* Azure always returns state (and disabledAlerts) with the policy: one
	 * without state is an incomplete export, and whether any alert is
	 * raised at all cannot be told from the list alone. */
	const char *st = setting_str(ev, r, s, "properties.state"), *why;
	if (!st)
		return;
	if (!aza__strieq(st, "Enabled") && !aza__strieq(st, "Disabled") && !aza__strieq(st, "New")) {
		aza_unknown(ev, r, "securityAlertPolicies state has an unexpected value '%s'", st);
		return;
	}
	if (aza__strieq(st, "Disabled") || aza__strieq(st, "New")) {
		struct sql_defender d;
		if (sql_defender(ev, r, &d) <= 0) {
			if (plans_collected(ev, r, &why))
				aza_fail(ev, r, "securityAlertPolicies state is %s and Defender for SQL is not on for the subscription: no alert type is raised", st);
			else
				aza_unknown(ev, r, "securityAlertPolicies state is %s and the subscription's Defender plans are unknown (a Standard SqlServers plan would raise the alerts): %s", st, why);
			return;
		}
	}
	const aza_json *da = aza_prop(ev, s, "properties.disabledAlerts");
	if (da && !aza_json_is(da, AZA_JARR) && !aza_json_is(da, AZA_JNULL)) {
		aza_unknown(ev, r, "securityAlertPolicies disabledAlerts is not an array");
		return;
	}
	aza_json_each(x, da) {
		if (!aza_json_str(x) && !aza_json_is(x, AZA_JNULL)) {
			aza_unknown(ev, r, "securityAlertPolicies disabledAlerts has an entry that is not a string");
			return;
		}
	}
	const char *first = NULL;
	size_t n = 0;
	aza_json_each(x, da) {
		const char *v = aza_json_str(x);
		if (v && *v) {
			if (!first)
				first = v;
			n++;
		}
	}
	if (n)
		aza_fail(ev, r, "securityAlertPolicies disables %zu alert type(s): %s%s", n, first, n > 1 ? ", ..." : "");
	else
		aza_pass(ev, r, "securityAlertPolicies disables no alert type");
}

static void sql_alerts_admins(aza_ev *ev, const aza_res *r)
{
	const aza_res *s = setting(ev, r, SQL "/securityAlertPolicies", "alert recipients");
	if (!s)
		return;
	int b, k = aza_prop_bool(ev, s, "properties.emailAccountAdmins", &b);
	if (k < 0)
		aza_unknown(ev, r, "securityAlertPolicies emailAccountAdmins is not a boolean");
	else if (k && b)
		aza_pass(ev, r, "securityAlertPolicies emailAccountAdmins is true");
	else
		aza_fail(ev, r, "securityAlertPolicies emailAccountAdmins is %s: subscription admins are not emailed",
		         k ? "false" : "not set (false)");
}

static void sql_alerts_email(aza_ev *ev, const aza_res *r)
{
	const aza_res *s = setting(ev, r, SQL "/securityAlertPolicies", "alert recipients");
	if (!s)
		return;
	const aza_json *ea = aza_prop(ev, s, "properties.emailAddresses");
	if (ea && !aza_json_is(ea, AZA_JARR) && !aza_json_is(ea, AZA_JNULL)) {
		aza_unknown(ev, r, "securityAlertPolicies emailAddresses is not an array");
		return;
	}
	aza_json_each(x, ea) {
		const char *v = aza_json_str(x);
		if (v && strchr(v, '@')) {
			aza_pass(ev, r, "security alerts are sent to %s", v);
			return;
		}
	}
	aza_fail(ev, r, "securityAlertPolicies emailAddresses is empty: alerts go to no named address");
}

static int is_master(const aza_res *r)
{
	const char *s = strrchr(r->name, '/');
	return aza__strieq(s ? s + 1 : r->name, "master");
}

static void sql_tde(aza_ev *ev, const aza_res *r)
{
	if (is_master(r)) {
		aza_na(ev, r, "the master database has no TDE setting you control");
		return;
	}
	const char *type = SQLDB "/transparentDataEncryption";
	const aza_res *t = aza_inv_child(aza_ev_inv(ev), r->id, type);
	if (!t) {
		const char *why;
		if (!aza_ev_collected(ev, type, r, &why))
			aza_unknown(ev, r, "transparent data encryption: %s", why);
		else
			aza_unknown(ev, r, "no transparentDataEncryption object for this database in the input");
		return;
	}
	const char *st = setting_str(ev, r, t, "properties.state");
	if (!st)
		return;
	if (aza__strieq(st, "Enabled"))
		aza_pass(ev, r, "transparentDataEncryption state is Enabled");
	else if (aza__strieq(st, "Disabled"))
		aza_fail(ev, r, "transparentDataEncryption state is Disabled: data files and backups are not encrypted");
	else
		aza_unknown(ev, r, "transparentDataEncryption state has an unexpected value '%s'", st);
}

static void sql_tde_cmk(aza_ev *ev, const aza_res *r)
{
	const aza_res *s = setting(ev, r, SQL "/encryptionProtector", "TDE protector");
	if (!s)
		return;
	const char *kt = setting_str(ev, r, s, "properties.serverKeyType");
	if (!kt)
		return;
	if (aza__strieq(kt, "AzureKeyVault"))
		aza_pass(ev, r, "encryptionProtector serverKeyType is AzureKeyVault (key '%s')",
		         aza_json_str(aza_prop(ev, s, "properties.serverKeyName")) ? aza_json_str(aza_prop(ev, s, "properties.serverKeyName")) : "?");
	else if (aza__strieq(kt, "ServiceManaged"))
		aza_fail(ev, r, "encryptionProtector serverKeyType is ServiceManaged: the TDE protector is a Microsoft-managed key");
	else
		aza_unknown(ev, r, "encryptionProtector serverKeyType has an unexpected value '%s'", kt);
}

/* SQL servers: unset (absent or null) and None are the same state, "no
 * minimum": Microsoft Learn (Connectivity settings) gives allowing all
 * versions as the default, and the Azure SQL team's announcement of the
 * end of None (April 2026) says that None admits any TLS version and
 * unencrypted connections; the specification's GET example (2023-08-01)
 * returns no minimalTlsVersion for a server that never set it. Azure SQL
 * retired TLS 1.0 and 1.1 on 31 August 2025, so from then a server refuses
 * them whatever it says; None still does not require TLS, so it fails, with
 * the retirement named. The same announcement says that a server created
 * without the property from 15 July 2026 gets 1.2: a template that omits it
 * then is UNKNOWN (an announcement, not yet the reference documentation),
 * FAIL before. */
#define SQL_TLS_RETIRED 1756598400.0 /* 2025-08-31T00:00:00Z */
#define SQL_TLS_NEW_DEFAULT 1784073600.0 /* 2026-07-15T00:00:00Z */
/* ServerProperties.minimalTlsVersion: first in the stable api-version
 * 2021-11-01 (Azure/azure-rest-api-specs, specification/sql/.../stable/
 * 2021-11-01/Servers.json); the 2014-04-01 servers.json has no such
 * property. A template setting 1.2 at an older api-version sends a
 * property that version does not define. */
#define SQL_TLS_API "2021-11-01"

static void sql_min_tls(aza_ev *ev, const aza_res *r)
{
	const char *v;
	int k = aza_prop_str(ev, r, "properties.minimalTlsVersion", &v);
	if (k < 0) {
		aza_unknown(ev, r, "minimalTlsVersion is not a string");
		return;
	}
	int retired = aza_ev_now(ev) >= SQL_TLS_RETIRED;
	if (!k && aza_is_template(r) && aza_ev_now(ev) >= SQL_TLS_NEW_DEFAULT) {
		aza_unknown(ev, r, "minimalTlsVersion not set: Azure SQL announced that a server created without it from 15 July 2026 gets 1.2 "
		                   "(None, no minimum, before), and a deployment over an existing server may keep its value: set 1.2");
		return;
	}
	if (!k || aza__strieq(v, "None")) {
		const char *what = k ? "minimalTlsVersion is None" : "minimalTlsVersion not set (None)";
		if (retired)
			aza_fail(ev, r, "%s: the server enforces no minimum TLS version and admits unencrypted connections (Azure SQL retired TLS 1.0 "
			                "and 1.1 on 31 August 2025, which the setting does not show: set 1.2)",
			         what);
		else
			aza_fail(ev, r, "%s: the server enforces no minimum TLS version (TLS 1.0 and 1.1 and unencrypted connections are accepted)", what);
		return;
	}
	const char *why;
	if ((aza__strieq(v, "1.2") || aza__strieq(v, "1.3")) && aza_api_predates(ev, r, SQL_TLS_API, &why))
		aza_unknown(ev, r, "minimalTlsVersion is %s, but %s; deploy with a current api-version", v, why);
	else if (aza__strieq(v, "1.2") || aza__strieq(v, "1.3"))
		aza_pass(ev, r, "minimalTlsVersion is %s", v);
	else if ((aza__strieq(v, "1.0") || aza__strieq(v, "1.1")) && retired)
		/* As for storage accounts (AZA-STG-002): the server's own setting
		 * is judged, not the platform's retirement it does not show. */
		aza_fail(ev, r, "minimalTlsVersion is %s: the server's own minimum is TLS %s (Azure SQL retired TLS 1.0 and 1.1 on 31 August 2025, "
		                "which the setting does not show: set 1.2)",
		         v, v);
	else if (aza__strieq(v, "1.0") || aza__strieq(v, "1.1"))
		aza_fail(ev, r, "minimalTlsVersion is %s: the server accepts TLS %s", v, aza__strieq(v, "1.0") ? "1.0 and 1.1" : "1.1");
	else
		aza_unknown(ev, r, "minimalTlsVersion has an unexpected value '%s'", v);
}

/* The Entra ID administrator: the server's (or managed instance's)
 * properties.administrators (some api-versions return it) or the
 * administrators/ActiveDirectory child of type `type`. Returns the JSON
 * object holding administratorType/login/azureADOnlyAuthentication, or
 * NULL: *state 0 no admin (proven), -1 UNKNOWN already reported. With
 * `since`, a template's properties.administrators counts only from that
 * api-version; before it, without an administrators child, UNKNOWN. */
static const aza_json *entra_admin(aza_ev *ev, const aza_res *r, const char *type, const char *since, int *state)
{
	const aza_json *p = aza_prop(ev, r, "properties.administrators");
	const char *pl = aza_json_str(aza_json_get(p, "login")), *ps = aza_json_str(aza_json_get(p, "sid"));
	const char *ignored = NULL;
	if (((pl && *pl) || (ps && *ps)) && (!since || !aza_api_predates(ev, r, since, &ignored)))
		return p;
	const char *odd = NULL;
	for (const aza_res *a = aza_inv_child(aza_ev_inv(ev), r->id, type); a; a = aza_inv_next_child(a, r->id)) {
		const aza_json *ap = aza_prop(ev, a, "properties");
		const char *t = aza_json_str(aza_json_get(ap, "administratorType"));
		const char *al = aza_json_str(aza_json_get(ap, "login")), *as = aza_json_str(aza_json_get(ap, "sid"));
		/* As for properties.administrators: an empty login and sid name nobody. */
		if (t && aza__strieq(t, "ActiveDirectory") && ((al && *al) || (as && *as)))
			return ap;
		odd = a->name;
	}
	if (odd) {
		/* ActiveDirectory is the only administrator type Azure has: an
		 * object without it is not what the API returns. */
		aza_unknown(ev, r, "Entra ID administrator: administrators object '%s' has no administratorType ActiveDirectory with a login or sid",
		            aza_last_seg(odd));
		*state = -1;
		return NULL;
	}
	if (ignored) {
		aza_unknown(ev, r, "properties.administrators names an Entra ID administrator, but %s; deploy with a current api-version", ignored);
		*state = -1;
		return NULL;
	}
	const char *why;
	if (!aza_ev_collected(ev, type, r, &why)) {
		aza_unknown(ev, r, "Entra ID administrator: %s", why);
		*state = -1;
	} else {
		*state = 0;
	}
	return NULL;
}

/* Entra ID administrator set, for a server or (with its own child type
 * and noun) a managed instance. */
static void entra_admin_set(aza_ev *ev, const aza_res *r, const char *type, const char *since, const char *noun)
{
	int st;
	const aza_json *a = entra_admin(ev, r, type, since, &st);
	if (a) {
		const char *login = aza_json_str(aza_json_get(a, "login"));
		aza_pass(ev, r, "Entra ID administrator is '%s'", login ? login : "(sid only)");
	} else if (st == 0) {
		aza_fail(ev, r, "no Entra ID administrator is configured: only SQL logins can administer the %s", noun);
	}
}

/* ServerProperties.administrators (ServerExternalAdministrator, with
 * azureADOnlyAuthentication): first in the server schema of 2020-11-01-preview
 * (Servers.json); the stable 2014-04-01 one and the 2015-05-01-preview,
 * 2019-06-01-preview, 2020-02-02-preview and 2020-08-01-preview ones have
 * none (Azure/azure-rest-api-specs, specification/sql/resource-manager/
 * Microsoft.Sql/preview/<version>/). The administrators/ActiveDirectory
 * child is a resource of its own and needs no gate. */
#define SQL_ADMINS_API "2020-11-01-preview"

static void sql_entra_admin(aza_ev *ev, const aza_res *r)
{
	entra_admin_set(ev, r, SQL "/administrators", SQL_ADMINS_API, "server");
}

/* The azureADOnlyAuthentications/Default child of a server or managed
 * instance (type), where the setting lives and what the remediation
 * writes: the copy on the Entra ID administrator can lag behind it, so the
 * child decides when it says true or false (1, verdict reported). Absent
 * or null in the child (or no child, *c NULL): 0, the administrator's copy
 * decides. */
static int entra_only_child(aza_ev *ev, const aza_res *r, const char *type, const aza_res **c)
{
	int b;
	*c = aza_inv_child(aza_ev_inv(ev), r->id, type);
	if (!*c)
		return 0;
	const char *cn = aza_last_seg((*c)->name);
	int k = aza_prop_bool(ev, *c, "properties.azureADOnlyAuthentication", &b);
	if (k < 0)
		aza_unknown(ev, r, "azureADOnlyAuthentications/%s azureADOnlyAuthentication is not a boolean", cn);
	else if (k && b)
		aza_pass(ev, r, "azureADOnlyAuthentications/%s azureADOnlyAuthentication is true", cn);
	else if (k)
		aza_fail(ev, r, "azureADOnlyAuthentications/%s azureADOnlyAuthentication is false: SQL logins with passwords are accepted", cn);
	return k != 0;
}

static void sql_entra_only(aza_ev *ev, const aza_res *r)
{
	int st, b;
	const aza_res *c;
	if (entra_only_child(ev, r, SQL "/azureADOnlyAuthentications", &c))
		return;
	const aza_json *a = entra_admin(ev, r, SQL "/administrators", SQL_ADMINS_API, &st);
	if (!a) {
		if (st == 0)
			aza_fail(ev, r, "no Entra ID administrator, so SQL authentication is in use");
		return;
	}
	const aza_json *v = aza_json_get(a, "azureADOnlyAuthentication");
	if (aza_json_bool(v, &b)) {
		if (b)
			aza_pass(ev, r, "azureADOnlyAuthentication is true");
		else
			aza_fail(ev, r, "azureADOnlyAuthentication is false: SQL logins with passwords are accepted");
	} else if (!v || aza_json_is(v, AZA_JNULL)) {
		aza_fail(ev, r, "azureADOnlyAuthentication not set (false): SQL logins with passwords are accepted");
	} else {
		aza_unknown(ev, r, "azureADOnlyAuthentication is not a boolean");
	}
}

/* ServerProperties.publicNetworkAccess: first in the stable api-version
 * 2021-11-01 (the 2014-04-01 servers have none). */
#define SQL_PNA_API "2021-11-01"

static void sql_public_network(aza_ev *ev, const aza_res *r)
{
	const char *v = NULL, *why = NULL;
	aza_pna p = aza_public_network_access(ev, r, &v);
	if (p == AZA_PNA_JUDGED)
		return;
	if (p == AZA_PNA_DISABLED && aza_api_predates(ev, r, SQL_PNA_API, &why)) {
		aza_unknown(ev, r, "publicNetworkAccess is %s, but %s; deploy with a current api-version", v, why);
		return;
	}
	/* Resource Manager reports the value at every api-version that has it
	 * (Enabled when never set): a deployed copy without it was read at an
	 * older version, or through a tool that leaves it out, and does not
	 * say what the server does. A template's absence is the default. */
	if (p == AZA_PNA_UNSET && !aza_is_template(r)) {
		aza_unknown(ev, r, "publicNetworkAccess is not reported for the server (Resource Manager returns it from api-version %s): "
		                   "whether the public endpoint is disabled is not known",
		            SQL_PNA_API);
		return;
	}
	aza_public_network_disabled(ev, r, "the public endpoint is enabled", NULL);
}

/* Why the express configuration of the vulnerability assessment
 * (sqlVulnerabilityAssessments/default, ex, its state es) is not known to
 * be off, or NULL when it is: an object whose state cannot be read, or none
 * where the type was not collected. A type collected without an object for
 * the server (or a template that declares none) leaves it off. */
static const char *express_unread(aza_ev *ev, const aza_res *r, const aza_res *ex, const char *es)
{
	const char *why;
	if (ex && !es) {
		const aza_json *v = aza_prop(ev, ex, "properties.state");
		return aza_ev_fmt(ev, "sqlVulnerabilityAssessments state is %s, and the express configuration runs scans without the classic one",
		                  !v || aza_json_is(v, AZA_JNULL) ? "absent" : aza_unread_why(ev, ex, "properties.state"));
	}
	if (!ex && !aza_ev_collected(ev, SQL "/sqlVulnerabilityAssessments", r, &why))
		return aza_ev_fmt(ev, "the express configuration, which runs scans without the classic one, is not known: %s", why);
	return NULL;
}

/* Vulnerability assessment scans are part of Microsoft Defender for SQL
 * (Microsoft Learn, Enable vulnerability assessment on your Azure SQL
 * databases: Defender for Azure SQL must be enabled to run scans, in the
 * express and the classic configuration): a configuration that would scan
 * passes only with Defender for SQL on. */
static void va_pass(aza_ev *ev, const aza_res *r, const char *what)
{
	struct sql_defender d;
	int on = sql_defender(ev, r, &d);
	if (on > 0)
		aza_pass(ev, r, "%s, and Microsoft Defender for SQL is on", what);
	else if (!on)
		aza_fail(ev, r, "%s, but Microsoft Defender for SQL, which runs the scans, is off: advanced threat protection is %s and the "
		                "subscription's SqlServers plan is not Standard",
		         what, d.st);
	else
		aza_unknown(ev, r, "%s, but whether Microsoft Defender for SQL, which runs the scans, is on is not known: %s", what,
		            !d.st   ? "its advanced threat protection state is not in the input"
		            : !d.why ? aza_ev_fmt(ev, "its threat protection state has an unexpected value '%s'", d.st)
		                     : aza_ev_fmt(ev, "its advanced threat protection is %s and the subscription's Defender plans are unknown: %s", d.st,
		                                  d.why));
}

static void sql_va(aza_ev *ev, const aza_res *r)
{
	aza_inv *inv = aza_ev_inv(ev);
	const aza_res *ex = aza_inv_child(inv, r->id, SQL "/sqlVulnerabilityAssessments");
	const char *es = ex ? aza_json_str(aza_prop(ev, ex, "properties.state")) : NULL;
	if (es && aza__strieq(es, "Enabled")) {
		va_pass(ev, r, "sqlVulnerabilityAssessments (express configuration) state is Enabled");
		return;
	}
	const aza_res *s = aza_inv_child(inv, r->id, SQL "/vulnerabilityAssessments");
	if (!s) {
		const char *why;
		if (es && aza_ev_collected(ev, SQL "/vulnerabilityAssessments", r, &why)) {
			aza_fail(ev, r, "sqlVulnerabilityAssessments state is %s and no classic vulnerability assessment is set", es);
			return;
		}
		if (es)
			aza_unknown(ev, r, "sqlVulnerabilityAssessments state is %s and the classic vulnerability assessment is unknown: %s", es, why);
		else if (!aza_ev_collected(ev, SQL "/vulnerabilityAssessments", r, &why))
			aza_unknown(ev, r, "vulnerability assessment: %s", why);
		else
			aza_unknown(ev, r, "vulnerability assessment: no vulnerabilityAssessments object for this server in the input");
		return;
	}
	int b, k = aza_prop_bool(ev, s, "properties.recurringScans.isEnabled", &b);
	if (k < 0) {
		aza_unknown(ev, r, "vulnerabilityAssessments recurringScans.isEnabled is not a boolean");
		return;
	}
	/* The classic object alone cannot fail the server: the express
	 * configuration runs its scans without it, and the classic object
	 * does not show it (a server on express may read as classic scans off). */
	const char *exwhy = express_unread(ev, r, ex, es);
	if (!k || !b) {
		if (exwhy)
			aza_unknown(ev, r, "vulnerabilityAssessments recurringScans.isEnabled is %s, but %s", k ? "false" : "not set", exwhy);
		else
			aza_fail(ev, r, "vulnerabilityAssessments recurringScans.isEnabled is %s: no periodic scans", k ? "false" : "not set");
		return;
	}
	/* The classic configuration keeps scan results in a blob container
	 * (Microsoft Learn: it depends on a storage account; the specification
	 * makes storageContainerPath required): without one, scans have
	 * nowhere to store results. But the specification's GET example
	 * (ServerVulnerabilityAssessmentGet, 2023-08-01) answers recurring scans
	 * enabled without a path, so its absence from a deployed object is not
	 * evidence either way; a template omits what it would send. */
	const aza_json *pv = aza_prop(ev, s, "properties.storageContainerPath");
	const char *path = aza_json_str(pv);
	if (path && *path)
		va_pass(ev, r, aza_ev_fmt(ev, "vulnerabilityAssessments recurringScans.isEnabled is true and storageContainerPath is %s", path));
	else if (pv && !path && !aza_json_is(pv, AZA_JNULL))
		aza_unknown(ev, r, "vulnerabilityAssessments storageContainerPath is not a string");
	else if ((pv || aza_is_template(s)) && exwhy)
		aza_unknown(ev, r, "vulnerabilityAssessments storageContainerPath is %s (the classic configuration has no blob container for scan "
		                   "results), but %s",
		            !pv ? "not set" : path ? "empty" : "null", exwhy);
	else if (pv || aza_is_template(s))
		aza_fail(ev, r, "vulnerabilityAssessments recurringScans.isEnabled is true but storageContainerPath is %s: the classic configuration "
		                "has no blob container to store scan results, so recurring scans cannot run (or use the express configuration)",
		         !pv ? "not set" : path ? "empty" : "null");
	else
		aza_unknown(ev, r, "vulnerabilityAssessments recurringScans.isEnabled is true, but storageContainerPath is absent (the API's own "
		                   "example omits it): whether the classic configuration has a blob container for scan results is not known");
}

/* ---- SQL managed instances ----
 * Microsoft.Sql/managedInstances, as the specification defines them
 * (specification/sql/resource-manager/Microsoft.Sql/stable/2023-08-01,
 * ManagedInstances.json and the files of their settings children). An
 * instance lives in a subnet of a virtual network; its settings are its own
 * properties and children of its own types (<instance>/encryptionProtector/
 * current, <instance>/azureADOnlyAuthentications/Default, <instance>/
 * administrators/ActiveDirectory), not the servers' ones. */

static void mi_public_endpoint(aza_ev *ev, const aza_res *r)
{
	int on;
	int k = aza_prop_bool(ev, r, "properties.publicDataEndpointEnabled", &on);
	if (k < 0) {
		aza_unknown(ev, r, "publicDataEndpointEnabled is not a boolean");
		return;
	}
	/* The specification's examples answer the property with every
	 * instance, false for one created without it (ManagedInstanceCreateMin,
	 * ManagedInstanceGet): a deployed copy without it is an incomplete
	 * export; a template that leaves it out creates the instance without a
	 * public endpoint. */
	if (!k && !aza_is_template(r)) {
		aza_unknown(ev, r, "publicDataEndpointEnabled is not reported for the instance (Resource Manager returns it with every instance, "
		                   "false when never enabled): whether the public endpoint is on is not known");
		return;
	}
	if (!k)
		aza_pass(ev, r, "publicDataEndpointEnabled not set (false: an instance created without it has no public data endpoint)");
	else if (on)
		aza_fail(ev, r, "publicDataEndpointEnabled is true: the instance accepts connections from outside its virtual network on its "
		                "public endpoint (port 3342), limited only by the subnet's network security group");
	else
		aza_pass(ev, r, "publicDataEndpointEnabled is false");
}

/* ManagedInstanceProperties.minimalTlsVersion: "Allowed values: 'None',
 * '1.0', '1.1', '1.2'" (2023-08-01). Unset is no minimum: the
 * specification's example of an instance created without it
 * (ManagedInstanceCreateMin) answers none, and Microsoft Learn (Configure
 * minimal TLS version in Azure SQL Managed Instance) tells those who need
 * unencrypted connections to set no minimal version. */
static void mi_min_tls(aza_ev *ev, const aza_res *r)
{
	const char *v;
	int k = aza_prop_str(ev, r, "properties.minimalTlsVersion", &v);
	if (k < 0) {
		aza_unknown(ev, r, "minimalTlsVersion is not a string");
		return;
	}
	/* The instance's own setting is judged: whether the platform still
	 * accepts TLS 1.0 and 1.1 from managed instances the setting does not
	 * show. */
	if (!k || aza__strieq(v, "None"))
		aza_fail(ev, r, "%s: the instance enforces no minimum TLS version of its own and accepts unencrypted connections: set 1.2",
		         k ? "minimalTlsVersion is None" : "minimalTlsVersion not set (None)");
	else if (aza__strieq(v, "1.2"))
		aza_pass(ev, r, "minimalTlsVersion is %s", v);
	else if (aza__strieq(v, "1.0") || aza__strieq(v, "1.1"))
		aza_fail(ev, r, "minimalTlsVersion is %s: the instance's own minimum is TLS %s: set 1.2", v, v);
	else
		aza_unknown(ev, r, "minimalTlsVersion has an unexpected value '%s' (the API allows None, 1.0, 1.1 and 1.2)", v);
}

/* A managed instance's properties.administrators (ManagedInstanceExternalAdministrator,
 * with azureADOnlyAuthentication) first appears in the 2020-11-01-preview
 * schema (ManagedInstances.json); the 2015-05-01-preview, 2018-06-01-preview,
 * 2020-02-02-preview and 2020-08-01-preview ones have no such property
 * (Azure/azure-rest-api-specs, specification/sql/resource-manager/Microsoft.Sql/
 * preview/<version>/). minimalTlsVersion is in each of those schemas (the
 * 2015-05-01-preview one as revised in place), and an encryptionProtector's
 * serverKeyType is required from its first schema (2017-10-01-preview,
 * ManagedInstanceEncryptionProtectors.json), so neither needs a gate. */
#define MI_ADMINS_API "2020-11-01-preview"

static void mi_entra_admin(aza_ev *ev, const aza_res *r)
{
	entra_admin_set(ev, r, MI "/administrators", MI_ADMINS_API, "instance");
}

/* Unlike a server's, a managed instance's administrators/ActiveDirectory
 * object carries no azureADOnlyAuthentication (ManagedInstanceAdministrator
 * has administratorType, login, sid and tenantId only): the setting is read
 * from the azureADOnlyAuthentications/Default object, else from the
 * instance's properties.administrators (ManagedInstanceExternalAdministrator
 * has it). An administrator known only from the child says nothing of it. */
static void mi_entra_only(aza_ev *ev, const aza_res *r)
{
	const char *otype = MI "/azureADOnlyAuthentications", *why;
	const aza_res *c;
	int b;
	if (entra_only_child(ev, r, otype, &c))
		return;
	int st;
	const aza_json *a = entra_admin(ev, r, MI "/administrators", MI_ADMINS_API, &st);
	if (!a) {
		/* Entra-only authentication needs an Entra ID administrator (the
		 * API refuses it without one: InvalidManagedServerAADOnlyAuthNoAADAdminPropertyName). */
		if (st == 0)
			aza_fail(ev, r, "no Entra ID administrator, so SQL authentication is in use");
		return;
	}
	const aza_json *v = aza_json_get(a, "azureADOnlyAuthentication");
	if (aza_json_bool(v, &b)) {
		if (b)
			aza_pass(ev, r, "administrators azureADOnlyAuthentication is true");
		else
			aza_fail(ev, r, "administrators azureADOnlyAuthentication is false: SQL logins with passwords are accepted");
		return;
	}
	if (v && !aza_json_is(v, AZA_JNULL)) {
		aza_unknown(ev, r, "administrators azureADOnlyAuthentication is not a boolean");
		return;
	}
	/* A template that declares neither leaves the setting at its default,
	 * off. */
	if (aza_is_template(r) && !c) {
		aza_fail(ev, r, "azureADOnlyAuthentication not set (false): SQL logins with passwords are accepted");
		return;
	}
	if (c)
		aza_unknown(ev, r, "azureADOnlyAuthentications/%s has no azureADOnlyAuthentication, and the Entra ID administrator does not show it",
		            aza_last_seg(c->name));
	else if (!aza_ev_collected(ev, otype, r, &why))
		aza_unknown(ev, r, "Entra-only authentication: %s, and the Entra ID administrator does not show it", why);
	else
		aza_unknown(ev, r, "Entra-only authentication: no azureADOnlyAuthentications object for this managed instance in the input, "
		                   "and the Entra ID administrator does not show it");
}

static void mi_threat_detection(aza_ev *ev, const aza_res *r)
{
	threat_detection(ev, r, MI, "managed instance");
}

static void mi_tde_cmk(aza_ev *ev, const aza_res *r)
{
	const aza_res *s = setting(ev, r, MI "/encryptionProtector", "TDE protector");
	if (!s)
		return;
	const char *kt = setting_str(ev, r, s, "properties.serverKeyType");
	if (!kt)
		return;
	const char *kn = aza_json_str(aza_prop(ev, s, "properties.serverKeyName"));
	if (aza__strieq(kt, "AzureKeyVault"))
		aza_pass(ev, r, "encryptionProtector serverKeyType is AzureKeyVault (key '%s')", kn ? kn : "?");
	else if (aza__strieq(kt, "ServiceManaged"))
		aza_fail(ev, r, "encryptionProtector serverKeyType is ServiceManaged: the TDE protector is a Microsoft-managed key");
	else
		aza_unknown(ev, r, "encryptionProtector serverKeyType has an unexpected value '%s'", kt);
}

/* ---- PostgreSQL ---- */

static void pg_secure_transport(aza_ev *ev, const aza_res *r)
{
	param_on(ev, r, "require_secure_transport", "clients may connect without TLS");
}

static void pg_tls_version(aza_ev *ev, const aza_res *r)
{
	const char *note;
	const char *v = param(ev, r, "ssl_min_protocol_version", &note);
	if (!v)
		return;
	if (aza__strieq(v, "TLSv1.2") || aza__strieq(v, "TLSv1.3"))
		aza_pass(ev, r, "ssl_min_protocol_version is %s%s", v, note);
	else if (aza__strieq(v, "TLSv1") || aza__strieq(v, "TLSv1.1"))
		aza_fail(ev, r, "ssl_min_protocol_version is %s", v);
	else
		aza_unknown(ev, r, "ssl_min_protocol_version has an unexpected value '%s'", v);
}

static void pg_log_checkpoints(aza_ev *ev, const aza_res *r)
{
	param_on(ev, r, "log_checkpoints", "checkpoints are not logged");
}

static void pg_log_connections(aza_ev *ev, const aza_res *r)
{
	param_on(ev, r, "log_connections", "connection attempts are not logged");
}

static void pg_log_disconnections(aza_ev *ev, const aza_res *r)
{
	param_on(ev, r, "log_disconnections", "session ends are not logged");
}

static void pg_throttle(aza_ev *ev, const aza_res *r)
{
	param_on(ev, r, is_single(r) ? "connection_throttling" : "connection_throttle.enable",
	         "repeated failed logins are not throttled");
}

static void pg_log_retention(aza_ev *ev, const aza_res *r)
{
	const char *name = is_single(r) ? "log_retention_days" : "logfiles.retention_days";
	const char *note;
	const char *v = param(ev, r, name, &note);
	if (!v)
		return;
	/* A whole number of days, as the service stores it; strtod alone would
	 * take "inf" or "0x10". */
	size_t nd = strspn(v, "0123456789");
	if (!nd || v[nd] || nd > 6) {
		aza_unknown(ev, r, "%s is not a whole number of days ('%s')", name, v);
		return;
	}
	double d = strtod(v, NULL);
	if (d > 3)
		aza_pass(ev, r, "%s is %s (more than 3 days)%s", name, v, note);
	else
		aza_fail(ev, r, "%s is %s%s: server logs are kept 3 days or less", name, v, note);
}

/* ---- MySQL ---- */

static void my_secure_transport(aza_ev *ev, const aza_res *r)
{
	param_on(ev, r, "require_secure_transport", "clients may connect without TLS");
}

static void my_tls_version(aza_ev *ev, const aza_res *r)
{
	const char *note;
	const char *v = param(ev, r, "tls_version", &note);
	if (!v)
		return;
	/* Every listed protocol is accepted: PASS only when each one is known
	 * and 1.2 or later. */
	char tmp[512];
	size_t ngood = 0, nweak = 0, nodd = 0;
	if (strlen(v) < sizeof tmp) {
		strcpy(tmp, v);
		for (char *sv, *t = strtok_r(tmp, ", ;", &sv); t; t = strtok_r(NULL, ", ;", &sv)) {
			if (aza__strieq(t, "TLSv1.2") || aza__strieq(t, "TLSv1.3"))
				ngood++;
			else if (aza__strieq(t, "TLSv1") || aza__strieq(t, "TLSv1.0") || aza__strieq(t, "TLSv1.1"))
				nweak++;
			else
				nodd++;
		}
	} else {
		nodd++;
	}
	if (nweak)
		aza_fail(ev, r, "tls_version is '%s': TLS 1.0 or 1.1 is allowed", v);
	else if (nodd || !ngood)
		aza_unknown(ev, r, "tls_version has an unexpected value '%s'", v);
	else
		aza_pass(ev, r, "tls_version is '%s'%s", v, note);
}

static void my_audit_log(aza_ev *ev, const aza_res *r)
{
	param_on(ev, r, "audit_log_enabled", "no audit log is written");
}

static void my_audit_events(aza_ev *ev, const aza_res *r)
{
	/* Events are only written when the audit log is on: that must be known
	 * before the event list can pass. */
	const char *note;
	const char *en = param(ev, r, "audit_log_enabled", &note);
	if (!en)
		return;
	if (aza__strieq(en, "OFF")) {
		aza_fail(ev, r, "audit_log_enabled is %s%s: no events are audited", en, note);
		return;
	}
	if (!aza__strieq(en, "ON")) {
		aza_unknown(ev, r, "audit_log_enabled has an unexpected value '%s'", en);
		return;
	}
	const char *v = param(ev, r, "audit_log_events", &note);
	if (!v)
		return;
	if (list_has(v, "CONNECTION", 1))
		aza_pass(ev, r, "audit_log_enabled is ON and audit_log_events is '%s'", v);
	else
		aza_fail(ev, r, "audit_log_events is '%s': connections are not audited", v);
}

/* ---- single servers (retired, still found in old subscriptions) ---- */

static void single_ssl(aza_ev *ev, const aza_res *r)
{
	const char *v;
	int k = aza_prop_str(ev, r, "properties.sslEnforcement", &v);
	if (k < 0)
		aza_unknown(ev, r, "sslEnforcement is not a string");
	else if (!k && aza_is_template(r))
		/* Microsoft Learn (SSL/TLS connectivity, single server) enables
		 * enforcement by default for servers created in the portal and
		 * with the CLI only; the API names no default. */
		aza_unknown(ev, r, "sslEnforcement is not set in the template: it is Enabled by default only for servers created in the Azure "
		                   "portal or with the CLI (Microsoft Learn), and the API documents no default");
	else if (!k)
		aza_unknown(ev, r, "sslEnforcement is absent from the server (incomplete export?)");
	else if (aza__strieq(v, "Enabled"))
		aza_pass(ev, r, "sslEnforcement is Enabled");
	else if (aza__strieq(v, "Disabled"))
		aza_fail(ev, r, "sslEnforcement is Disabled: clients may connect without TLS");
	else
		aza_unknown(ev, r, "sslEnforcement has an unexpected value '%s'", v);
}

static void single_tls(aza_ev *ev, const aza_res *r)
{
	const char *ssl = NULL;
	int ks = aza_prop_str(ev, r, "properties.sslEnforcement", &ssl);
	if (ks > 0 && aza__strieq(ssl, "Disabled")) {
		aza_fail(ev, r, "sslEnforcement is Disabled: no TLS version is required");
		return;
	}
	const char *v;
	int k = aza_prop_str(ev, r, "properties.minimalTlsVersion", &v);
	if (k < 0)
		aza_unknown(ev, r, "minimalTlsVersion is not a string");
	else if (!k)
		aza_fail(ev, r, "minimalTlsVersion not set (TLSEnforcementDisabled, the default): any TLS version is accepted");
	else if (aza__strieq(v, "TLS1_2") && !(ks > 0 && aza__strieq(ssl, "Enabled")))
		/* The minimum applies only while SSL is enforced (Disabled fails
		 * above), and the API always returns sslEnforcement: as in
		 * AZA-SQL-025, one that cannot be read leaves the verdict open. */
		aza_unknown(ev, r, "minimalTlsVersion is %s but sslEnforcement %s", v,
		            ks < 0                         ? "is not a string"
		            : ks == 0 && aza_is_template(r) ? "is not set in the template, and the API documents no default (see AZA-SQL-025)"
		            : ks == 0                       ? "is absent or null (the API always returns it: incomplete export?)"
		                                            : aza_ev_fmt(ev, "has an unexpected value '%s'", ssl));
	else if (aza__strieq(v, "TLS1_2"))
		aza_pass(ev, r, "minimalTlsVersion is %s and sslEnforcement is Enabled", v);
	else if (aza__strieq(v, "TLS1_0") || aza__strieq(v, "TLS1_1") || aza__strieq(v, "TLSEnforcementDisabled"))
		aza_fail(ev, r, "minimalTlsVersion is %s", v);
	else
		aza_unknown(ev, r, "minimalTlsVersion has an unexpected value '%s'", v);
}

/* ---- backups ---- */

static void geo_backup(aza_ev *ev, const aza_res *r)
{
	const struct aza_cfg *c = aza_ev_cfg(ev);
	if (aza__strieq(r->type, SQLDB) && is_master(r)) {
		aza_na(ev, r, "the master database is not backed up by you");
		return;
	}
	if (c->critical_tag_name && !aza_ev_is_critical(ev, r)) {
		aza_na(ev, r, "not marked mission-critical (tag '%s')", c->critical_tag_name);
		return;
	}
	const char *path = aza__strieq(r->type, SQLDB) ? "properties.requestedBackupStorageRedundancy"
	                   : is_single(r)              ? "properties.storageProfile.geoRedundantBackup"
	                                               : "properties.backup.geoRedundantBackup";
	const char *v;
	int k;
	/* A SQL database's requested redundancy can still be migrating: the
	 * current one is what backups use today. But a request for local or
	 * zone-redundant storage is the setting new backups follow (the REST
	 * reference: requestedBackupStorageRedundancy is "the storage account
	 * type to be used to store backups"): geo backups that are being given
	 * up are no evidence. */
	const char *rq;
	if (aza__strieq(r->type, SQLDB) && aza_prop_str(ev, r, "properties.currentBackupStorageRedundancy", &v) == 1 &&
	    !(aza_prop_str(ev, r, path, &rq) == 1 && (aza__strieq(rq, "Local") || aza__strieq(rq, "Zone"))))
		path = "properties.currentBackupStorageRedundancy";
	const char *what = strrchr(path, '.') + 1;
	k = aza_prop_str(ev, r, path, &v);
	/* A flexible server's backup.geoRedundantBackup defaults to Disabled
	 * (Backup in the PostgreSQL and MySQL flexible server APIs, "default":
	 * "Disabled"), and it is set only at creation: a template that leaves
	 * it out creates the server with locally redundant backups. A GET
	 * returns it, so a deployed server without it is incomplete input.
	 * Only for a server created as new (createMode absent, Default or
	 * Create): what a replica or a restored server takes is not
	 * documented. */
	const char *cm = NULL;
	int kc = 0;
	if (!k && aza_is_template(r) && (aza__strieq(r->type, PG) || aza__strieq(r->type, MY)))
		kc = aza_prop_str(ev, r, "properties.createMode", &cm);
	if (!k && aza_is_template(r) && (aza__strieq(r->type, PG) || aza__strieq(r->type, MY)) &&
	    (!kc || (kc > 0 && (aza__strieq(cm, "Default") || aza__strieq(cm, "Create"))))) {
		aza_fail(ev, r, "%s not set: defaults to Disabled (set only at creation), so backups do not survive a regional outage", what);
		return;
	}
	if (k <= 0) {
		aza_unknown(ev, r, "%s is %s", what, k < 0 ? "not a string" : "absent");
		return;
	}
	if (aza__strieq(v, "Enabled") || aza__strieq(v, "Geo") || aza__strieq(v, "GeoZone"))
		aza_pass(ev, r, "%s is %s", what, v);
	else if (aza__strieq(v, "Disabled") || aza__strieq(v, "Local") || aza__strieq(v, "Zone"))
		aza_fail(ev, r, "%s is %s: backups do not survive a regional outage", what, v);
	else
		aza_unknown(ev, r, "%s has an unexpected value '%s'", what, v);
}

/* ---- Azure Cosmos DB ---- */

/* A property of an account: 1 with the value, 0 when absent or null, -1
 * when of another type. A template value only known at deployment reads as
 * absent: the engine turns whatever verdict follows into UNKNOWN and names
 * the value. */
static int cos_bool(aza_ev *ev, const aza_res *r, const char *path, int *b)
{
	const aza_json *v = aza_prop(ev, r, path);
	if (!v || aza_json_is(v, AZA_JNULL) || aza_json_is(v, AZA_JUNKNOWN))
		return 0;
	return aza_json_bool(v, b) ? 1 : -1;
}

static int cos_str(aza_ev *ev, const aza_res *r, const char *path, const char **s)
{
	const aza_json *v = aza_prop(ev, r, path);
	if (!v || aza_json_is(v, AZA_JNULL) || aza_json_is(v, AZA_JUNKNOWN))
		return 0;
	*s = aza_json_str(v);
	return *s ? 1 : -1;
}

/* The same for a list: 1 an array, 0 absent, null or only known at
 * deployment, -1 anything else. */
static int cos_list(const aza_json *v)
{
	if (!v || aza_json_is(v, AZA_JNULL) || aza_json_is(v, AZA_JUNKNOWN))
		return 0;
	return aza_json_is(v, AZA_JARR) ? 1 : -1;
}

/* The account's API: kind MongoDB, else the capability that selects one. */
enum cos_api { COS_NOSQL, COS_TABLE, COS_GREMLIN, COS_MONGO, COS_CASSANDRA };
static const char *const cos_api_name[] = {"API for NoSQL", "API for Table", "API for Apache Gremlin", "API for MongoDB",
                                           "API for Apache Cassandra"};

/* Returns the API, or -1 with an UNKNOWN reported when kind or capabilities
 * cannot be read. */
static int cos_api(aza_ev *ev, const aza_res *r)
{
	const char *kind = NULL;
	int k = cos_str(ev, r, "kind", &kind);
	if (k < 0) {
		aza_unknown(ev, r, "kind is not a string: the account's API is unknown");
		return -1;
	}
	if (!k) {
		/* Azure returns kind for every account; a template that leaves it
		 * out gets the specification's default, GlobalDocumentDB. */
		if (!aza_is_template(r)) {
			aza_unknown(ev, r, "kind is absent (Azure returns it for every account): the account's API is unknown");
			return -1;
		}
		kind = "GlobalDocumentDB";
	}
	if (aza__strieq(kind, "MongoDB"))
		return COS_MONGO;
	if (!aza__strieq(kind, "GlobalDocumentDB")) {
		aza_unknown(ev, r, "kind has an unexpected value '%s': the account's API is unknown", kind);
		return -1;
	}
	const aza_json *caps = aza_prop(ev, r, "properties.capabilities");
	if (cos_list(caps) < 0) {
		aza_unknown(ev, r, "capabilities is not an array: the account's API is unknown");
		return -1;
	}
	int api = COS_NOSQL;
	aza_json_each(c, caps) {
		const char *n = aza_json_str(aza_json_get(c, "name"));
		if (!n) {
			aza_unknown(ev, r, "a capabilities entry has no name: the account's API is unknown");
			return -1;
		}
		if (aza__strieq(n, "EnableMongo"))
			api = COS_MONGO;
		else if (aza__strieq(n, "EnableCassandra"))
			api = COS_CASSANDRA;
		else if (aza__strieq(n, "EnableTable") && api == COS_NOSQL)
			api = COS_TABLE;
		else if (aza__strieq(n, "EnableGremlin") && api == COS_NOSQL)
			api = COS_GREMLIN;
	}
	return api;
}

/* Microsoft Learn documents Microsoft Entra ID data-plane authentication,
 * and disableLocalAuth, for the APIs for NoSQL, Table and Gremlin; the
 * built-in policy that sets disableLocalAuth leaves out accounts with
 * EnableMongo or EnableCassandra (and, from before Table and Gremlin had
 * it, those two). */
static int cos_entra_api(int api)
{
	return api == COS_NOSQL || api == COS_TABLE || api == COS_GREMLIN;
}

/* What an account's firewall admits, from its IP and virtual network rules. */
struct cos_fw {
	size_t nip, nvnet;  /* IP rules; subnet rules that apply */
	size_t nvnet_off;   /* subnet rules listed while the filter is off */
	int filter;         /* isVirtualNetworkFilterEnabled */
	const char *open;   /* the first IP rule that opens the account */
	const char *admits; /* what it admits */
};

/* One IP rule: counts it and notes whether it opens the account; 0 with an
 * UNKNOWN reported when it is not an address or CIDR range. */
static int cos_ip_rule(aza_ev *ev, const aza_res *r, const char *v, struct cos_fw *f)
{
	aza_nsg_span sp;
	if (!aza_nsg__prefix(v, &sp)) {
		aza_unknown(ev, r, "IP rule '%s' is not an address or CIDR range", v);
		return 0;
	}
	f->nip++;
	if (f->open)
		return 1;
	if (!sp.v6 && sp.lo == 0 && sp.hi == 0) {
		/* The portal's "Accept connections from within public Azure
		 * datacenters" (Microsoft Learn, Configure IP firewall in Azure
		 * Cosmos DB): every Azure address, other customers' included. */
		f->open = v;
		f->admits = "accepts connections from within Azure datacenters, other customers' services included";
	} else if (aza_nsg__fw_open(&sp) == 2) {
		f->open = v;
		f->admits = "admits every address";
	} else if (aza_nsg__fw_open(&sp)) {
		f->open = v;
		f->admits = "admits " AZA_NSG_FW_WIDE;
	}
	return 1;
}

/* ipRules replaced ipRangeFilter with api-version 2020-04-01 (Microsoft
 * Learn, Configure IP firewall in Azure Cosmos DB). A template sends the
 * property of its own api-version; the other one is not part of that
 * version's request, so nothing says Azure applies it. */
#define COS_IPRULES_API "2020-04-01"
/* publicNetworkAccess is a property of the stable 2020-04-01 schema
 * (DatabaseAccountCreateUpdateProperties), not of 2020-03-01 or before (the
 * template reference for Microsoft.DocumentDB/databaseAccounts 2020-03-01
 * lists no such property). */
#define COS_PNA_API "2020-04-01"
/* disableKeyBasedMetadataWriteAccess is a property of the stable 2019-08-01
 * schema as revised in place (DatabaseAccountCreateUpdateProperties in its
 * latest revision; the first revision lacks it, and its
 * CosmosDBDatabaseAccountCreateMax example returns it), not of 2016-03-31 or
 * 2015-04-08; no earlier preview has an account schema (2019-08-01-preview
 * holds private endpoints only). disableLocalAuth is one of the stable 2021-06-15 schema,
 * not of 2021-05-15, 2021-04-15 or 2021-03-15, and of the previews from
 * 2021-07-01-preview, not of 2021-04-01-preview (Azure/azure-rest-api-specs,
 * specification/cosmos-db/resource-manager/Microsoft.DocumentDB/<stable or
 * preview>/<version>/cosmos-db.json). A template at an older api-version
 * sends a property that version does not define. */
#define COS_META_API "2019-08-01"
#define COS_LOCAL_AUTH_API "2021-06-15"

/* publicNetworkAccess Disabled in a template whose api-version may not have
 * it: 1 with UNKNOWN reported. */
static int cos_pna_too_old(aza_ev *ev, const aza_res *r)
{
	const char *why, *pna = aza_json_str(aza_prop(ev, r, "properties.publicNetworkAccess"));
	if (!pna || !aza__strieq(pna, "Disabled") || !aza_api_predates(ev, r, COS_PNA_API, &why))
		return 0;
	aza_unknown(ev, r, "publicNetworkAccess is Disabled but %s; deploy with a current api-version", why);
	return 1;
}

/* May a resource that sets prop (ipRules when iprules, else ipRangeFilter)
 * be judged by it? 1 when it may; 0 with an UNKNOWN reported for a template
 * whose api-version does not have it or is only known at deployment. */
static int cos_ip_prop_ok(aza_ev *ev, const aza_res *r, int iprules)
{
	const char *prop = iprules ? "ipRules" : "ipRangeFilter";
	if (!aza_is_template(r))
		return 1;
	if (aza_api_version_unknown(r)) {
		aza_unknown(ev, r, "%s is set and the api-version, %s, is only known at deployment (ipRules is a property from %s, "
		                   "ipRangeFilter before)",
		            prop, r->api_version, COS_IPRULES_API);
		return 0;
	}
	if ((strcmp(r->api_version, COS_IPRULES_API) >= 0) == iprules)
		return 1;
	aza_unknown(ev, r, "%s is set but is not a property of api-version %s (ipRules is a property from %s, ipRangeFilter before)", prop,
	            r->api_version, COS_IPRULES_API);
	return 0;
}

/* Reads the account's IP and virtual network rules into f; 0 with an
 * UNKNOWN reported when they cannot be read. */
static int cos_firewall(aza_ev *ev, const aza_res *r, struct cos_fw *f)
{
	const aza_json *ip = aza_prop(ev, r, "properties.ipRules");
	if (cos_list(ip) < 0) {
		aza_unknown(ev, r, "ipRules is not an array");
		return 0;
	}
	if (aza_json_len(ip) && !cos_ip_prop_ok(ev, r, 1))
		return 0;
	aza_json_each(e, ip) {
		const char *v = aza_json_str(aza_json_get(e, "ipAddressOrRange"));
		if (!v) {
			aza_unknown(ev, r, "an ipRules entry has no ipAddressOrRange string");
			return 0;
		}
		if (!cos_ip_rule(ev, r, v, f))
			return 0;
	}
	/* The older form: one comma-separated string. Empty says nothing in
	 * either form, so an empty list or string is no rule whatever the
	 * api-version. */
	const aza_json *rf = aza_prop(ev, r, "properties.ipRangeFilter");
	const char *list = NULL;
	int k = cos_str(ev, r, "properties.ipRangeFilter", &list);
	if (k < 0 && !(aza_json_is(rf, AZA_JARR) && !aza_json_len(rf))) {
		aza_unknown(ev, r, "ipRangeFilter is not a string");
		return 0;
	}
	if (k > 0 && list[strspn(list, " ,")]) {
		if (!cos_ip_prop_ok(ev, r, 0))
			return 0;
		for (const char *p = list; *p;) {
			p += strspn(p, " ,");
			size_t n = strcspn(p, ",");
			while (n && p[n - 1] == ' ')
				n--;
			if (!n)
				break;
			char tok[64];
			if (n >= sizeof tok) {
				aza_unknown(ev, r, "ipRangeFilter entry '%.*s' is not an address or CIDR range", (int)(n > 80 ? 80 : n), p);
				return 0;
			}
			memcpy(tok, p, n);
			tok[n] = 0;
			if (!cos_ip_rule(ev, r, aza_ev_fmt(ev, "%s", tok), f))
				return 0;
			p += n;
		}
	}
	int on = 0;
	k = cos_bool(ev, r, "properties.isVirtualNetworkFilterEnabled", &on);
	if (k < 0) {
		aza_unknown(ev, r, "isVirtualNetworkFilterEnabled is not a boolean");
		return 0;
	}
	f->filter = k && on;
	const aza_json *vr = aza_prop(ev, r, "properties.virtualNetworkRules");
	if (cos_list(vr) < 0) {
		aza_unknown(ev, r, "virtualNetworkRules is not an array");
		return 0;
	}
	if (!f->filter) {
		/* The flag enables the rules (the specification: "Flag to indicate
		 * whether to enable/disable Virtual Network ACL rules"); Azure
		 * PowerShell refuses rules without it ("VirtualNetworkRules should
		 * be specified only if IsVirtualNetworkFilterEnabled is True"). */
		f->nvnet_off = aza_json_len(vr);
		return 1;
	}
	aza_json_each(e, vr) {
		const char *id = aza_json_str(aza_json_get(e, "id"));
		if (!id) {
			aza_unknown(ev, r, "a virtualNetworkRules entry has no id string");
			return 0;
		}
		if (!aza__istrstr(id, "/providers/Microsoft.Network/virtualNetworks/") || !aza__istrstr(id, "/subnets/")) {
			aza_unknown(ev, r, "virtual network rule '%s' is not a subnet id", id);
			return 0;
		}
		f->nvnet++;
	}
	return 1;
}

static void cos_restricted(aza_ev *ev, const aza_res *r)
{
	const char *pna;
	if (cos_pna_too_old(ev, r))
		return;
	aza_pna k = aza_public_network_access(ev, r, &pna);
	if (k == AZA_PNA_JUDGED)
		return;
	if (k == AZA_PNA_DISABLED) {
		aza_pass(ev, r, "publicNetworkAccess is Disabled: the account has no public endpoint");
		return;
	}
	if (k == AZA_PNA_PERIMETER) {
		aza_unknown(ev, r, AZA_PNA_PERIMETER_WHY);
		return;
	}
	const char *state = k == AZA_PNA_ENABLED ? "publicNetworkAccess is Enabled" : "publicNetworkAccess not set (Enabled)";
	struct cos_fw f = {0};
	if (!cos_firewall(ev, r, &f))
		return;
	if (f.open)
		aza_fail(ev, r, "%s and IP rule '%s' %s", state, f.open, f.admits);
	else if (f.nip || f.nvnet)
		aza_pass(ev, r, "%s, limited to %zu IP rule(s) and %zu virtual network rule(s)", state, f.nip, f.nvnet);
	else if (f.filter)
		/* "Selected networks" with nothing selected: Microsoft Learn says
		 * what the rules admit, not what no rule does. */
		aza_unknown(ev, r, "%s and isVirtualNetworkFilterEnabled is true with no IP or virtual network rule: Microsoft Learn does not say "
		                   "whether public traffic is then refused (publicNetworkAccess Disabled closes the public endpoint)",
		            state);
	else
		aza_fail(ev, r, "%s with no IP rule%s: every network may reach the account", state,
		         f.nvnet_off ? " (virtualNetworkRules apply only with isVirtualNetworkFilterEnabled true)" : " or virtual network rule");
}

static void cos_public_disabled(aza_ev *ev, const aza_res *r)
{
	if (cos_pna_too_old(ev, r))
		return;
	aza_public_network_disabled(ev, r, "it defaults to Enabled", "the public endpoint answers (its firewall is judged by AZA-COS-001)");
}

static void cos_private_endpoints(aza_ev *ev, const aza_res *r)
{
	aza_private_endpoints(ev, r, "account");
}

static void cos_local_auth(aza_ev *ev, const aza_res *r)
{
	int b = 0, k = cos_bool(ev, r, "properties.disableLocalAuth", &b);
	if (k < 0) {
		aza_unknown(ev, r, "disableLocalAuth is not a boolean");
		return;
	}
	if (k && b) {
		const char *why;
		if (aza_api_predates(ev, r, COS_LOCAL_AUTH_API, &why))
			aza_unknown(ev, r, "disableLocalAuth is true, but %s; deploy with a current api-version", why);
		else
			aza_pass(ev, r, "disableLocalAuth is true: only Microsoft Entra ID identities are accepted, account keys are refused");
		return;
	}
	int api = cos_api(ev, r);
	if (api < 0)
		return;
	if (!cos_entra_api(api))
		aza_na(ev, r, "an account of the %s: Microsoft Learn documents Microsoft Entra ID data-plane authentication (and "
		              "disableLocalAuth) for the APIs for NoSQL, Table and Apache Gremlin only",
		       cos_api_name[api]);
	else
		aza_fail(ev, r, "disableLocalAuth is %s: account keys authenticate data-plane requests (%s)", k ? "false" : "not set (false)",
		         cos_api_name[api]);
}

static void cos_metadata_write(aza_ev *ev, const aza_res *r)
{
	int b = 0, k = cos_bool(ev, r, "properties.disableKeyBasedMetadataWriteAccess", &b);
	if (k < 0) {
		aza_unknown(ev, r, "disableKeyBasedMetadataWriteAccess is not a boolean");
		return;
	}
	const char *why;
	if (k && b) {
		if (aza_api_predates(ev, r, COS_META_API, &why))
			aza_unknown(ev, r, "disableKeyBasedMetadataWriteAccess is true, but %s; deploy with a current api-version", why);
		else
			aza_pass(ev, r, "disableKeyBasedMetadataWriteAccess is true: databases, containers and throughput change only through Azure "
			                "Resource Manager");
		return;
	}
	const char *is = k ? "false" : "not set (false)";
	/* Keys that authenticate nothing cannot write metadata either. */
	int la = 0, kl = cos_bool(ev, r, "properties.disableLocalAuth", &la);
	if (kl < 0) {
		aza_unknown(ev, r, "disableKeyBasedMetadataWriteAccess is %s and disableLocalAuth is not a boolean (true would refuse keys altogether)", is);
		return;
	}
	if (kl && la) {
		int api = cos_api(ev, r);
		if (api < 0)
			return;
		if (cos_entra_api(api) && aza_api_predates(ev, r, COS_LOCAL_AUTH_API, &why)) {
			aza_unknown(ev, r, "disableKeyBasedMetadataWriteAccess is %s and disableLocalAuth is true, but for disableLocalAuth %s; "
			                   "deploy with a current api-version",
			            is, why);
			return;
		}
		if (cos_entra_api(api)) {
			aza_pass(ev, r, "disableLocalAuth is true: account keys authenticate no request, metadata writes included "
			                "(disableKeyBasedMetadataWriteAccess is %s)",
			         is);
			return;
		}
	}
	aza_fail(ev, r, "disableKeyBasedMetadataWriteAccess is %s: whoever holds an account key can create, change and delete databases and "
	                "containers and change their throughput",
	         is);
}

/* keyVaultKeyUri: Microsoft Learn (Configure customer-managed keys for your
 * Azure Cosmos DB account, "Using an Azure Resource Manager template") asks
 * for api-version 2019-12-12 or later; a template at an older one sends a
 * property its version does not take, and the account gets service-managed
 * keys. */
#define COS_CMK_API "2019-12-12"

static void cos_cmk(aza_ev *ev, const aza_res *r)
{
	const char *v = NULL, *why;
	int k = cos_str(ev, r, "properties.keyVaultKeyUri", &v);
	if (k < 0)
		aza_unknown(ev, r, "keyVaultKeyUri is not a string");
	else if (!k || !*v)
		aza_fail(ev, r, "keyVaultKeyUri %s: data is encrypted with service-managed keys", k ? "is empty" : "not set");
	else if (!aza__istarts(v, "https://"))
		aza_unknown(ev, r, "keyVaultKeyUri '%s' is not a key URI (https://<vault>.vault.azure.net/keys/<key>)", v);
	else if (aza_api_predates(ev, r, COS_CMK_API, &why))
		aza_unknown(ev, r, "keyVaultKeyUri is %s, but %s; deploy with a current api-version", v, why);
	else
		aza_pass(ev, r, "keyVaultKeyUri is %s", v);
}

/* Azure Cosmos DB retired TLS 1.0 and 1.1 for every account on 31 August
 * 2025 (Microsoft Learn, Self-serve minimum TLS version enforcement in
 * Azure Cosmos DB); Unix time of that day, 00:00 UTC. */
#define COS_TLS_RETIRED 1756598400.0

static void cos_min_tls(aza_ev *ev, const aza_res *r)
{
	const char *v = NULL;
	int k = cos_str(ev, r, "properties.minimalTlsVersion", &v);
	if (k < 0) {
		aza_unknown(ev, r, "minimalTlsVersion is not a string");
		return;
	}
	if (!k) {
		if (!aza_is_template(r))
			aza_unknown(ev, r, "minimalTlsVersion is absent (Azure returns it from api-version 2022-11-15): collected with an older "
			                   "api-version, or an incomplete export");
		else if (aza_ev_now(ev) >= COS_TLS_RETIRED)
			aza_pass(ev, r, "minimalTlsVersion not set: a new account gets Tls12, and Azure Cosmos DB retired TLS 1.0 and 1.1 on 31 August "
			                "2025");
		else
			aza_unknown(ev, r, "minimalTlsVersion not set: Microsoft Learn gives Tls12 as the default for new accounts without a date, and "
			                   "TLS 1.0 and 1.1 are accepted until 31 August 2025: set Tls12");
		return;
	}
	if (aza__strieq(v, "Tls12")) {
		aza_pass(ev, r, "minimalTlsVersion is %s", v);
		return;
	}
	if (!aza__strieq(v, "Tls") && !aza__strieq(v, "Tls11")) {
		aza_unknown(ev, r, "minimalTlsVersion has an unexpected value '%s'", v);
		return;
	}
	int api = cos_api(ev, r);
	if (api < 0)
		return;
	if (api == COS_MONGO || api == COS_CASSANDRA)
		/* The specification: "Cassandra and Mongo APIs only work with Tls
		 * 1.2". */
		aza_pass(ev, r, "minimalTlsVersion is %s, but the %s works only with TLS 1.2", v, cos_api_name[api]);
	else if (aza_ev_now(ev) < COS_TLS_RETIRED)
		aza_fail(ev, r, "minimalTlsVersion is %s: the account accepts TLS %s", v, aza__strieq(v, "Tls") ? "1.0 and 1.1" : "1.1");
	else
		/* As for storage accounts (AZA-STG-002): the account's own setting
		 * is judged, not the platform's retirement it does not show. */
		aza_fail(ev, r, "minimalTlsVersion is %s: the account's own minimum is TLS %s (Azure Cosmos DB retired TLS 1.0 and 1.1 on 31 August "
		                "2025, which the setting does not show: set Tls12)",
		         v, aza__strieq(v, "Tls") ? "1.0" : "1.1");
}

#define PAAS_DATA .resp = AZA_RESP_DATA, .models = AZA_PAAS
#define PAAS_NET .resp = AZA_RESP_NETWORK, .models = AZA_PAAS
#define PAAS_ACC .resp = AZA_RESP_ACCOUNTS, .models = AZA_PAAS
#define DB .area = AZA_AREA_DATABASE

#define SETTING_DEFAULTS(obj) \
	"Read from the server's " obj " object (Azure returns it for every server, with defaults when never set); when it was not collected or could not be read: UNKNOWN."
#define PARAM_DEFAULTS \
	"Read from the server's configurations/<name> object (value is a string); when configurations were not collected or could not be read, or a deployed server's parameter is not in the input: UNKNOWN."
/* What a template that leaves the parameter out is judged by. */
#define PARAM_TEMPLATE(what) \
	" A template that creates a new server (createMode absent, Default or Create) without declaring the parameter gives it " what \
	"; a replica or restored server, or a template with a configurations child whose name is only known at deployment: UNKNOWN."

const struct aza_rule aza_rules_database[] = {
	{
		.id = "AZA-SQL-001", .title = "Auditing is enabled on SQL servers",
		DB, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_DATA, .types = SQL,
		.needs = SQL "/auditingSettings " SQL_DIAG " " AZA_DIAG_OF(SQLDB), .checklist = "sql.auditing",
		.rationale = "Server auditing records database events for every database on the server; without it there is no trail of who read or changed data.",
		.portal = "SQL server > Security > Auditing > Enable Azure SQL Auditing, choose a destination, Save.",
		.cli = "az sql server audit-policy update -g <rg> -n <server> --state Enabled --lats Enabled --lawri <workspace id>",
		.arm = "Microsoft.Sql/servers/auditingSettings 'default': properties.state = 'Enabled'",
		.defaults = SETTING_DEFAULTS("auditingSettings/default") " Server-level auditing is judged; database-level auditing alone does not count. "
		            "State Enabled passes with a storageEndpoint. Without one, audit events reach Log Analytics or an Event Hub only when "
		            "isAzureMonitorTargetEnabled is true and a diagnostic setting on the server's master database logs SQLSecurityAuditEvents "
		            "(or the audit or allLogs group) to a destination (the REST reference, ServerBlobAuditingPolicyProperties."
		            "isAzureMonitorTargetEnabled: the diagnostic setting must be created as well): PASS with one, FAIL when the master "
		            "database's diagnostic settings were read without one, UNKNOWN when they were not collected. Enabled with neither "
		            "destination (isAzureMonitorTargetEnabled false, or absent from a template): FAIL; absent from a deployed policy (the API "
		            "returns it): UNKNOWN.",
		.check = sql_auditing,
	},
	{
		.id = "AZA-SQL-002", .title = "SQL server audit retention is long enough",
		DB, .level = 1, .severity = AZA_SEV_LOW, PAAS_DATA, .types = SQL,
		.needs = SQL "/auditingSettings", .checklist = "sql.auditing",
		.rationale = "Intrusions are often found months later; audit records must still exist when they are needed.",
		.portal = "SQL server > Security > Auditing > Storage > Advanced properties > Retention (days): 90 or more (0 keeps logs without limit).",
		.cli = "az sql server audit-policy update -g <rg> -n <server> --state Enabled --bsts Enabled --storage-account <account> --retention-days 90",
		.arm = "auditingSettings: properties.retentionDays >= 90 (or 0 for unlimited)",
		.defaults = "The minimum is sql_audit_retention_days in the configuration (default 90); retentionDays 0 means unlimited (PASS). Auditing disabled: FAIL; a state other than Enabled or Disabled: UNKNOWN. retentionDays only applies to a storage destination; with only Log Analytics or Event Hub, retention is set there: UNKNOWN.",
		.check = sql_audit_retention,
	},
	{
		.id = "AZA-SQL-003", .title = "Microsoft Defender for SQL (advanced threat protection) is on for SQL servers",
		DB, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_DATA, .types = SQL,
		.needs = SQL "/advancedThreatProtectionSettings " SQL "/securityAlertPolicies Microsoft.Security/pricings",
		.checklist = "sql.threat_detection",
		.rationale = "Threat protection detects SQL injection, anomalous access and brute force against the server and raises security alerts.",
		.portal = "SQL server > Security > Microsoft Defender for Cloud > Enable Microsoft Defender for SQL (or enable the Azure SQL Databases plan for the subscription).",
		.cli = "az sql server advanced-threat-protection-setting update -g <rg> -n <server> --state Enabled",
		.arm = "Microsoft.Sql/servers/advancedThreatProtectionSettings 'Default': properties.state = 'Enabled'",
		.defaults = "PASS when the server's advancedThreatProtectionSettings or securityAlertPolicies state is Enabled, or the subscription's Defender plan SqlServers is Standard. Neither settings object collected: UNKNOWN. State Disabled or New: FAIL only when the subscription's plans were read; plans not collected (or a template input, which never holds them): UNKNOWN.",
		.check = sql_threat_detection,
	},
	{
		.id = "AZA-SQL-004", .title = "No SQL threat detection alert type is disabled",
		DB, .level = 1, .severity = AZA_SEV_LOW, PAAS_DATA, .types = SQL,
		.needs = SQL "/securityAlertPolicies " SQL "/advancedThreatProtectionSettings Microsoft.Security/pricings", .checklist = "sql.threat_detection",
		.rationale = "Each disabled alert type (SQL injection, anomalous access, data exfiltration...) is an attack that goes unreported.",
		.portal = "SQL server > Security > Microsoft Defender for Cloud > Configure > Advanced threat protection types: all.",
		.cli = "az sql server threat-policy update -g <rg> -n <server> --disabled-alerts \"\"",
		.arm = "Microsoft.Sql/servers/securityAlertPolicies 'Default': properties.disabledAlerts = []",
		.defaults = SETTING_DEFAULTS("securityAlertPolicies/Default") " Empty strings in disabledAlerts (as the API returns) count as none. A policy without state (Azure always returns it) is UNKNOWN. A policy in state Disabled raises no alert at all: FAIL unless advancedThreatProtectionSettings is Enabled or the subscription's SqlServers plan is Standard (plans not collected, or a template input: UNKNOWN). Any other state: UNKNOWN.",
		.check = sql_alert_types,
	},
	{
		.id = "AZA-SQL-005", .title = "SQL security alerts are emailed to subscription admins",
		DB, .level = 1, .severity = AZA_SEV_LOW, PAAS_DATA, .types = SQL,
		.needs = SQL "/securityAlertPolicies", .checklist = "sql.alerts_to_admins",
		.rationale = "An alert nobody reads protects nothing; admins and co-admins should hear of attacks on their servers.",
		.portal = "SQL server > Security > Microsoft Defender for Cloud > Configure > Also send email notification to admins and subscription owners.",
		.cli = "az sql server threat-policy update -g <rg> -n <server> --email-account-admins true",
		.arm = "securityAlertPolicies: properties.emailAccountAdmins = true",
		.defaults = SETTING_DEFAULTS("securityAlertPolicies/Default") " Absent emailAccountAdmins means false (FAIL).",
		.check = sql_alerts_admins,
	},
	{
		.id = "AZA-SQL-006", .title = "SQL security alerts are sent to a named address",
		DB, .level = 1, .severity = AZA_SEV_LOW, PAAS_DATA, .types = SQL,
		.needs = SQL "/securityAlertPolicies", .checklist = "sql.alerts_to_admins",
		.rationale = "A security team mailbox receives alerts even when admin accounts change or are not monitored.",
		.portal = "SQL server > Security > Microsoft Defender for Cloud > Configure > Send scan reports / alerts to: add an address.",
		.cli = "az sql server threat-policy update -g <rg> -n <server> --email-addresses secops@example.com",
		.arm = "securityAlertPolicies: properties.emailAddresses = ['secops@example.com']",
		.defaults = SETTING_DEFAULTS("securityAlertPolicies/Default") " Entries without an '@' are ignored.",
		.check = sql_alerts_email,
	},
	{
		.id = "AZA-SQL-007", .title = "Transparent data encryption is on for every SQL database",
		DB, .level = 1, .severity = AZA_SEV_HIGH, PAAS_DATA, .types = SQLDB,
		.needs = SQLDB "/transparentDataEncryption", .checklist = "sql.tde",
		.rationale = "TDE encrypts data files, logs and backups at rest; a copied file or backup is useless without the key.",
		.portal = "SQL database > Security > Transparent data encryption > Data encryption: On.",
		.cli = "az sql db tde set -g <rg> -s <server> -d <database> --status Enabled",
		.arm = "Microsoft.Sql/servers/databases/transparentDataEncryption 'current': properties.state = 'Enabled'",
		.defaults = "Read from the database's transparentDataEncryption/current object; not collected: UNKNOWN. The master database is NOT_APPLICABLE.",
		.check = sql_tde,
	},
	{
		.id = "AZA-SQL-008", .title = "The SQL server TDE protector is a customer-managed key",
		DB, .level = 2, .severity = AZA_SEV_LOW, PAAS_DATA, .types = SQL,
		.needs = SQL "/encryptionProtector", .checklist = "sql.tde",
		.rationale = "A customer-managed TDE protector in Key Vault gives you control of the key, its rotation and its revocation, and separates key from data administration.",
		.portal = "SQL server > Security > Transparent data encryption > Customer-managed key: select a Key Vault key.",
		.cli = "az sql server tde-key set -g <rg> -s <server> --server-key-type AzureKeyVault --kid <key id>",
		.arm = "Microsoft.Sql/servers/encryptionProtector 'current': properties.serverKeyType = 'AzureKeyVault'",
		.defaults = SETTING_DEFAULTS("encryptionProtector/current") " ServiceManaged: FAIL.",
		.check = sql_tde_cmk,
	},
	{
		.id = "AZA-SQL-009", .title = "SQL servers require TLS 1.2 or later",
		DB, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = SQL,
		.checklist = "sql.tls_enforced",
		.rationale = "TLS 1.0 and 1.1 have known weaknesses; a minimum of 1.2 stops clients negotiating them.",
		.portal = "SQL server > Security > Networking > Connectivity > Minimum TLS version: 1.2.",
		.cli = "az sql server update -g <rg> -n <server> --minimal-tls-version 1.2",
		.arm = "Microsoft.Sql/servers: properties.minimalTlsVersion = '1.2'",
		.defaults = "Absent, null or 'None' means no minimum (Microsoft Learn: the default allows all versions; None also admits unencrypted "
		            "connections): FAIL. Azure SQL retired TLS 1.0 and 1.1 on 31 August 2025; 1.0, 1.1 and None still fail after that date (the "
		            "server's own setting), the message naming the retirement. A template that omits it: FAIL before 15 July 2026, UNKNOWN from "
		            "then (Azure SQL announced 1.2 as the default for new servers from that date). 1.2 or 1.3: PASS, except in a template at an api-version "
		            "before " SQL_TLS_API " (the first stable one with the property; the 2014-04-01 servers have none) or one only "
		            "known at deployment: UNKNOWN (Azure may ignore a property its version does not have). Any other value: UNKNOWN.",
		.check = sql_min_tls,
	},
	{
		.id = "AZA-SQL-010", .title = "An Entra ID administrator is configured on SQL servers",
		DB, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_ACC, .types = SQL,
		.needs = SQL "/administrators",
		.rationale = "Entra ID authentication gives central identity management, MFA and conditional access for database administrators instead of local SQL logins.",
		.portal = "SQL server > Settings > Microsoft Entra ID > Set admin > Save.",
		.cli = "az sql server ad-admin create -g <rg> -s <server> -u <display name> -i <object id>",
		.arm = "Microsoft.Sql/servers/administrators 'ActiveDirectory' (or properties.administrators at creation)",
		.defaults = "The administrator is read from the server's properties.administrators or its administrators/ActiveDirectory object. Empty login and sid name nobody. Administrators collected and none set: FAIL; not collected, or an administrators object without administratorType ActiveDirectory and a login or sid: UNKNOWN. A template's properties.administrators counts only at api-version " SQL_ADMINS_API " or later (ServerExternalAdministrator, Servers.json: the first server schema with it; the stable 2014-04-01 one and the 2020-08-01-preview one and those before have none); older, or only known at deployment, without an administrators child: UNKNOWN.",
		.check = sql_entra_admin,
	},
	{
		.id = "AZA-SQL-011", .title = "SQL servers allow Entra ID authentication only",
		DB, .level = 2, .severity = AZA_SEV_MEDIUM, PAAS_ACC, .types = SQL,
		.needs = SQL "/administrators " SQL "/azureADOnlyAuthentications",
		.rationale = "With Entra-only authentication, password-based SQL logins (including the server admin) cannot be brute-forced or reused.",
		.portal = "SQL server > Settings > Microsoft Entra ID > Support only Microsoft Entra authentication for this server.",
		.cli = "az sql server ad-only-auth enable -g <rg> -n <server>",
		.arm = "Microsoft.Sql/servers/azureADOnlyAuthentications 'Default': properties.azureADOnlyAuthentication = true",
		.defaults = "Read from the server's azureADOnlyAuthentications/Default object when the input has it (it decides over the administrator's copy), else from the Entra ID administrator (see AZA-SQL-010); no administrator: FAIL; azureADOnlyAuthentication absent: false (FAIL). A template's properties.administrators (and its azureADOnlyAuthentication) counts only at api-version " SQL_ADMINS_API " or later (ServerExternalAdministrator, Servers.json: the stable 2014-04-01 schema and the 2020-08-01-preview one and those before have no administrators); older, or only known at deployment, without an administrators child: UNKNOWN.",
		.check = sql_entra_only,
	},
	{
		.id = "AZA-SQL-012", .title = "SQL server public network access is disabled",
		DB, .level = 2, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = SQL,
		.rationale = "With the public endpoint disabled, only private endpoints reach the server; firewall mistakes cannot expose it.",
		.portal = "SQL server > Security > Networking > Public access > Public network access: Disable.",
		.cli = "az sql server update -g <rg> -n <server> --enable-public-network false",
		.arm = "Microsoft.Sql/servers: properties.publicNetworkAccess = 'Disabled'",
		.defaults = "In a template, absent (or null) means the default, Enabled (FAIL). Resource Manager returns publicNetworkAccess for every server at every api-version that has it (first in the stable 2021-11-01; Enabled when never set), so a deployed server without it was read at an older api-version or through a tool that drops it: UNKNOWN, not a guess. A template setting Disabled at an api-version before 2021-11-01, or at an api-version only known at deployment, is UNKNOWN (Azure may ignore a property its version does not have). SecuredByPerimeter is not Disabled (FAIL): the endpoint stays on and a network security perimeter's inbound access rules can admit public traffic. Another value, or a value only known at deployment: UNKNOWN.",
		.check = sql_public_network,
	},
	{
		.id = "AZA-SQL-013", .title = "Vulnerability assessment runs recurring scans on SQL servers",
		DB, .level = 2, .severity = AZA_SEV_LOW, PAAS_DATA, .types = SQL,
		.needs = SQL "/vulnerabilityAssessments " SQL "/sqlVulnerabilityAssessments " SQL "/advancedThreatProtectionSettings " SQL
		         "/securityAlertPolicies Microsoft.Security/pricings",
		.checklist = "sql.threat_detection",
		.rationale = "Periodic vulnerability scans find misconfigurations, excessive permissions and unprotected sensitive data before attackers do.",
		.portal = "SQL server > Security > Microsoft Defender for Cloud > Configure > Vulnerability assessment settings: Periodic recurring scans On (or the express configuration).",
		.cli = "az sql server va-setting update -g <rg> -s <server> --recurring-scans-enabled true (classic), or enable the express configuration",
		.arm = "Microsoft.Sql/servers/vulnerabilityAssessments 'default': properties.recurringScans.isEnabled = true",
		.defaults = "PASS with the express configuration (sqlVulnerabilityAssessments/default state Enabled), or with the classic configuration when recurringScans.isEnabled is true and storageContainerPath names the blob container for scan results. A classic configuration whose storageContainerPath is empty, null or (in a template) not set: FAIL, scans have nowhere to store results; absent from a deployed object (the API's GET example answers recurring scans enabled without one): UNKNOWN. Express configuration not Enabled and no classic object: FAIL when the classic objects were collected, else UNKNOWN. Neither object collected: UNKNOWN. The express configuration scans a server without the classic one, which does not show it (Microsoft Learn, Enable SQL vulnerability assessment: express and classic configurations), so a classic configuration that fails fails the server only when the express one is known to be off (its state read, or sqlVulnerabilityAssessments collected without an object for the server, or a template that declares none); sqlVulnerabilityAssessments not collected, or its state unreadable: UNKNOWN. Either configuration scans only with Microsoft Defender for SQL on (Microsoft Learn, Enable vulnerability assessment on your Azure SQL databases: Defender for Azure SQL must be enabled to run scans): a configuration that would pass passes when Defender for SQL is on as AZA-SQL-003 reads it, FAILs when it is known off, and is UNKNOWN when that is not known.",
		.check = sql_va,
	},
	{
		.id = "AZA-SQL-014", .title = "PostgreSQL flexible servers require secure transport",
		DB, .level = 1, .severity = AZA_SEV_HIGH, PAAS_NET, .types = PG,
		.needs = PG "/configurations", .checklist = "sql.tls_enforced",
		.rationale = "Without require_secure_transport, clients may connect in clear text and expose credentials and data.",
		.portal = "PostgreSQL flexible server > Settings > Server parameters > require_secure_transport: ON.",
		.cli = "az postgres flexible-server parameter set -g <rg> -s <server> -n require_secure_transport --value on",
		.arm = "Microsoft.DBforPostgreSQL/flexibleServers/configurations 'require_secure_transport': properties.value = 'on'",
		.defaults = PARAM_DEFAULTS PARAM_TEMPLATE("on (PASS), the default of every version (" PG_LISTS ")"),
		.check = pg_secure_transport,
	},
	{
		.id = "AZA-SQL-015", .title = "PostgreSQL flexible servers require TLS 1.2 or later",
		DB, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = PG,
		.needs = PG "/configurations", .checklist = "sql.tls_enforced",
		.rationale = "TLS 1.0 and 1.1 have known weaknesses.",
		.portal = "PostgreSQL flexible server > Settings > Server parameters > ssl_min_protocol_version: TLSv1.2.",
		.cli = "az postgres flexible-server parameter set -g <rg> -s <server> -n ssl_min_protocol_version --value TLSv1.2",
		.arm = "configurations 'ssl_min_protocol_version': properties.value = 'TLSv1.2'",
		.defaults = PARAM_DEFAULTS PARAM_TEMPLATE("TLSv1.2 (PASS) on PostgreSQL 12 to 18 (" PG_LISTS "); PostgreSQL 11 has no such parameter, and another version, or one not set or only known at deployment, is UNKNOWN"),
		.check = pg_tls_version,
	},
	{
		.id = "AZA-SQL-016", .title = "PostgreSQL servers log checkpoints",
		DB, .level = 1, .severity = AZA_SEV_LOW, PAAS_DATA, .types = PG " " PGS,
		.needs = PG "/configurations " PGS "/configurations",
		.rationale = "Checkpoint logs help diagnose performance and recovery problems and show unusual write activity.",
		.portal = "PostgreSQL server > Settings > Server parameters > log_checkpoints: ON.",
		.cli = "az postgres flexible-server parameter set -g <rg> -s <server> -n log_checkpoints --value on",
		.arm = "configurations 'log_checkpoints': properties.value = 'on'",
		.defaults = PARAM_DEFAULTS PARAM_TEMPLATE("on (PASS): on a flexible server, the default of every version (" PG_LISTS "); on a single server, \"on by default\" (" PGS_LOGS ")"),
		.check = pg_log_checkpoints,
	},
	{
		.id = "AZA-SQL-017", .title = "PostgreSQL servers log connections",
		DB, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_DATA, .types = PG " " PGS,
		.needs = PG "/configurations " PGS "/configurations",
		.rationale = "Connection logs record every connection attempt, successful or not, which is needed to investigate brute force or misuse.",
		.portal = "PostgreSQL server > Settings > Server parameters > log_connections: ON.",
		.cli = "az postgres flexible-server parameter set -g <rg> -s <server> -n log_connections --value on",
		.arm = "configurations 'log_connections': properties.value = 'on'",
		.defaults = PARAM_DEFAULTS PARAM_TEMPLATE("on (PASS): on a flexible server, the default of every version (" PG_LISTS "); on a single server, \"on by default\" (" PGS_LOGS ")"),
		.check = pg_log_connections,
	},
	{
		.id = "AZA-SQL-018", .title = "PostgreSQL servers log disconnections",
		DB, .level = 1, .severity = AZA_SEV_LOW, PAAS_DATA, .types = PG " " PGS,
		.needs = PG "/configurations " PGS "/configurations",
		.rationale = "Disconnection logs give session durations, completing the connection trail.",
		.portal = "PostgreSQL server > Settings > Server parameters > log_disconnections: ON.",
		.cli = "az postgres flexible-server parameter set -g <rg> -s <server> -n log_disconnections --value on",
		.arm = "configurations 'log_disconnections': properties.value = 'on'",
		.defaults = PARAM_DEFAULTS PARAM_TEMPLATE("on (PASS) on a flexible server, the default of every version (" PG_LISTS "); a single server's default is not documented (UNKNOWN)"),
		.check = pg_log_disconnections,
	},
	{
		.id = "AZA-SQL-019", .title = "PostgreSQL servers throttle connections after failed logins",
		DB, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_ACC, .types = PG " " PGS,
		.needs = PG "/configurations " PGS "/configurations",
		.rationale = "Connection throttling slows password guessing by temporarily blocking an IP after repeated failed logins.",
		.portal = "PostgreSQL flexible server > Settings > Server parameters > connection_throttle.enable: ON (single server: connection_throttling).",
		.cli = "az postgres flexible-server parameter set -g <rg> -s <server> -n connection_throttle.enable --value on",
		.arm = "configurations 'connection_throttle.enable' (single server 'connection_throttling'): properties.value = 'on'",
		.defaults = PARAM_DEFAULTS PARAM_TEMPLATE("off (FAIL) on PostgreSQL 11 to 17 flexible servers (" PG_LISTS "); the list of PostgreSQL 18 has no connection_throttle.enable, so it, a version not set or only known at deployment, and a single server's connection_throttling (no documented default) are UNKNOWN"),
		.check = pg_throttle,
	},
	{
		.id = "AZA-SQL-020", .title = "PostgreSQL servers keep server logs more than 3 days",
		DB, .level = 1, .severity = AZA_SEV_LOW, PAAS_DATA, .types = PG " " PGS,
		.needs = PG "/configurations " PGS "/configurations",
		.rationale = "Server logs kept only a few days are gone before most incidents are noticed.",
		.portal = "PostgreSQL flexible server > Settings > Server parameters > logfiles.retention_days: 4-7 (single server: log_retention_days).",
		.cli = "az postgres flexible-server parameter set -g <rg> -s <server> -n logfiles.retention_days --value 7",
		.arm = "configurations 'logfiles.retention_days' (single server 'log_retention_days'): properties.value > 3",
		.defaults = PARAM_DEFAULTS " The value must be a whole number of days." PARAM_TEMPLATE("3 days (FAIL): logfiles.retention_days on a flexible server, the default of every version (" PG_LISTS "); log_retention_days on a single server, whose short-term log retention defaults to 3 days (" PGS_LOGS ")"),
		.check = pg_log_retention,
	},
	{
		.id = "AZA-SQL-021", .title = "MySQL flexible servers require secure transport",
		DB, .level = 1, .severity = AZA_SEV_HIGH, PAAS_NET, .types = MY,
		.needs = MY "/configurations", .checklist = "sql.tls_enforced",
		.rationale = "Without require_secure_transport, clients may connect in clear text and expose credentials and data.",
		.portal = "MySQL flexible server > Settings > Server parameters > require_secure_transport: ON.",
		.cli = "az mysql flexible-server parameter set -g <rg> -s <server> -n require_secure_transport --value ON",
		.arm = "Microsoft.DBforMySQL/flexibleServers/configurations 'require_secure_transport': properties.value = 'ON'",
		.defaults = PARAM_DEFAULTS PARAM_TEMPLATE("ON (PASS), the default configuration (" MY_TLS ")"),
		.check = my_secure_transport,
	},
	{
		.id = "AZA-SQL-022", .title = "MySQL flexible servers allow only TLS 1.2 or later",
		DB, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = MY,
		.needs = MY "/configurations", .checklist = "sql.tls_enforced",
		.rationale = "TLS 1.0 and 1.1 have known weaknesses.",
		.portal = "MySQL flexible server > Settings > Server parameters > tls_version: TLSv1.2 (and TLSv1.3).",
		.cli = "az mysql flexible-server parameter set -g <rg> -s <server> -n tls_version --value TLSv1.2",
		.arm = "configurations 'tls_version': properties.value = 'TLSv1.2' or 'TLSv1.2,TLSv1.3'",
		.defaults = PARAM_DEFAULTS " Any TLSv1 or TLSv1.1 in the list: FAIL; PASS only when every listed protocol is TLSv1.2 or TLSv1.3 (an unknown entry: UNKNOWN)." PARAM_TEMPLATE("TLSv1.2 (PASS) on MySQL 5.7 and 8.0.21, the default setting of both in " MY_TLS "; another version, or one not set or only known at deployment, is UNKNOWN"),
		.check = my_tls_version,
	},
	{
		.id = "AZA-SQL-023", .title = "MySQL flexible servers write an audit log",
		DB, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_DATA, .types = MY,
		.needs = MY "/configurations",
		.rationale = "The audit log records connections and statements, the trail needed to investigate misuse.",
		.portal = "MySQL flexible server > Settings > Server parameters > audit_log_enabled: ON.",
		.cli = "az mysql flexible-server parameter set -g <rg> -s <server> -n audit_log_enabled --value ON",
		.arm = "configurations 'audit_log_enabled': properties.value = 'ON'",
		.defaults = PARAM_DEFAULTS PARAM_TEMPLATE("OFF (FAIL): \"by default, audit logs are disabled\" (" MY_AUDIT ")"),
		.check = my_audit_log,
	},
	{
		.id = "AZA-SQL-024", .title = "MySQL flexible server audit log includes connection events",
		DB, .level = 1, .severity = AZA_SEV_LOW, PAAS_DATA, .types = MY,
		.needs = MY "/configurations",
		.rationale = "Connection events (logins, failed logins, disconnects) are the core of an access audit trail.",
		.portal = "MySQL flexible server > Settings > Server parameters > audit_log_events: include CONNECTION.",
		.cli = "az mysql flexible-server parameter set -g <rg> -s <server> -n audit_log_events --value CONNECTION,ADMIN,DDL",
		.arm = "configurations 'audit_log_events': properties.value contains 'CONNECTION'",
		.defaults = PARAM_DEFAULTS " audit_log_enabled must be read as ON before the events can pass; OFF: FAIL whatever the events." PARAM_TEMPLATE("audit_log_enabled OFF (FAIL, " MY_AUDIT "); audit_log_events left out beside audit_log_enabled ON has no documented default (UNKNOWN)"),
		.check = my_audit_events,
	},
	{
		.id = "AZA-SQL-025", .title = "PostgreSQL and MySQL single servers enforce SSL",
		DB, .level = 1, .severity = AZA_SEV_HIGH, PAAS_NET, .types = PGS " " MYS,
		.checklist = "sql.tls_enforced",
		.rationale = "Without SSL enforcement, clients may connect in clear text. Single servers are retired: migrate them to flexible servers.",
		.portal = "Azure Database for PostgreSQL/MySQL server > Settings > Connection security > Enforce SSL connection: ENABLED.",
		.cli = "az postgres server update -g <rg> -n <server> --ssl-enforcement Enabled (az mysql server update ... for MySQL)",
		.arm = "Microsoft.DBforPostgreSQL/servers or Microsoft.DBforMySQL/servers: properties.sslEnforcement = 'Enabled'",
		.defaults = "Absent from a deployed server: UNKNOWN (the API always returns it). Not set in a template: UNKNOWN: Microsoft Learn (SSL/TLS connectivity in Azure Database for PostgreSQL and MySQL single servers) enables enforcement by default for servers created in the Azure portal and with the CLI, and the API documents no default.",
		.check = single_ssl,
	},
	{
		.id = "AZA-SQL-026", .title = "PostgreSQL and MySQL single servers require TLS 1.2",
		DB, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = PGS " " MYS,
		.checklist = "sql.tls_enforced",
		.rationale = "TLS 1.0 and 1.1 have known weaknesses.",
		.portal = "Azure Database for PostgreSQL/MySQL server > Settings > Connection security > Minimum TLS version: TLS 1.2.",
		.cli = "az postgres server update -g <rg> -n <server> --minimal-tls-version TLS1_2",
		.arm = "properties.minimalTlsVersion = 'TLS1_2'",
		.defaults = "Absent means TLSEnforcementDisabled, the default (Microsoft Learn, Configure TLS connectivity in Azure Database for PostgreSQL - Single Server): FAIL; sslEnforcement Disabled: FAIL. TLS1_2 passes only with sslEnforcement Enabled: sslEnforcement absent, null or unreadable is UNKNOWN (the API always returns it, and a template that leaves it out gets no documented default; see AZA-SQL-025).",
		.check = single_tls,
	},
	{
		.id = "AZA-SQL-027", .title = "Mission-critical databases have geo-redundant backups",
		DB, .level = 2, .severity = AZA_SEV_LOW, PAAS_DATA, .types = SQLDB " " PG " " MY " " PGS " " MYS,
		.rationale = "Geo-redundant backup storage lets you restore in another region when the server's region is lost.",
		.portal = "PostgreSQL/MySQL: set Geo-redundancy when creating the server (Compute + storage > Backup). SQL database: Compute + storage > Backup storage redundancy: Geo-redundant.",
		.cli = "az sql db update -g <rg> -s <server> -n <db> --backup-storage-redundancy Geo; az postgres flexible-server create ... --geo-redundant-backup Enabled",
		.arm = "SQL database: properties.requestedBackupStorageRedundancy = 'Geo'; flexible servers: properties.backup.geoRedundantBackup = 'Enabled'",
		.defaults = "With critical_tag configured only tagged resources are judged (others NOT_APPLICABLE); without it, every one. The SQL master database is NOT_APPLICABLE. SQL databases are judged on currentBackupStorageRedundancy when present (the requested value may still be migrating), else requestedBackupStorageRedundancy; a requested Local or Zone decides over a current Geo (the REST reference: the requested value is the storage type to be used for backups). Absent setting: UNKNOWN, except for a flexible server in a template: backup.geoRedundantBackup defaults to Disabled (the flexible server APIs) and can only be set at creation: FAIL when the template creates a new server (createMode absent, Default or Create; a replica or restore stays UNKNOWN).",
		.check = geo_backup,
	},
	/* SQL managed instances. Their properties and children are those of the
	 * specification (Microsoft.Sql stable 2023-08-01). The checklist's
	 * Azure SQL items name SQL servers and databases; only the TLS and
	 * threat detection items are worded for any Azure SQL connection or
	 * Defender for SQL, which covers managed instances. CIS Azure
	 * Foundations v6.0.0 has no managed instance recommendation (its
	 * database section moved to a separate benchmark): no CIS id. */
	{
		.id = "AZA-SQL-028", .title = "SQL managed instance public data endpoint is disabled",
		DB, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = MI,
		.rationale = "The public data endpoint lets clients outside the instance's virtual network connect to it (port 3342), guarded only by the subnet's network security group; without it the instance is reachable only from its virtual network and the networks joined to it.",
		.portal = "SQL managed instance > Security > Virtual network > Public endpoint (data): Disable > Save (and remove the inbound NSG rule for port 3342).",
		.cli = "az sql mi update -g <rg> -n <instance> --set publicDataEndpointEnabled=false",
		.arm = "Microsoft.Sql/managedInstances: properties.publicDataEndpointEnabled = false",
		.defaults = "Read from properties.publicDataEndpointEnabled (ManagedInstances.json, Microsoft.Sql stable 2023-08-01: a boolean). In a template, absent (or null) means false, no public endpoint (PASS): the specification's ManagedInstanceCreateMin example creates an instance without it and answers false. Resource Manager returns it with every instance (ManagedInstanceGet), so a deployed instance without it: UNKNOWN. true: FAIL; another type, or a value only known at deployment: UNKNOWN.",
		.check = mi_public_endpoint,
	},
	{
		.id = "AZA-SQL-029", .title = "SQL managed instances require TLS 1.2",
		DB, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = MI,
		.checklist = "sql.tls_enforced",
		.rationale = "TLS 1.0 and 1.1 have known weaknesses; a minimal TLS version of 1.2 refuses clients that negotiate them, and refuses unencrypted connections.",
		.portal = "Microsoft Learn (Configure minimal TLS version in Azure SQL Managed Instance) documents PowerShell and the Azure CLI only: Set-AzSqlInstance -Name <instance> -ResourceGroupName <rg> -MinimalTlsVersion \"1.2\".",
		.cli = "az sql mi update -g <rg> -n <instance> --set minimalTlsVersion=\"1.2\"",
		.arm = "Microsoft.Sql/managedInstances: properties.minimalTlsVersion = '1.2'",
		.defaults = "Read from properties.minimalTlsVersion (ManagedInstances.json, Microsoft.Sql stable 2023-08-01: allowed values None, 1.0, 1.1 and 1.2, no default stated). Absent, null or None means no minimum, in a template as in deployed data: FAIL (the specification's ManagedInstanceCreateMin example creates an instance without it and answers none; Microsoft Learn, Configure minimal TLS version in Azure SQL Managed Instance, tells those who need unencrypted connections to set no minimal version). 1.0 or 1.1: FAIL. 1.2: PASS. Any other value: UNKNOWN. The instance's own setting is judged, not what the platform may refuse whatever it says.",
		.check = mi_min_tls,
	},
	{
		.id = "AZA-SQL-030", .title = "An Entra ID administrator is configured on SQL managed instances",
		DB, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_ACC, .types = MI,
		.needs = MI "/administrators",
		.rationale = "Entra ID authentication gives central identity management, MFA and conditional access for the instance's administrators instead of local SQL logins.",
		.portal = "SQL managed instance > Settings > Microsoft Entra admin > Set admin > Save.",
		.cli = "az sql mi ad-admin create -g <rg> --mi <instance> -u <display name> -i <object id>",
		.arm = "Microsoft.Sql/managedInstances/administrators 'ActiveDirectory' (or properties.administrators at creation)",
		.defaults = "The administrator is read from the instance's properties.administrators (ManagedInstanceExternalAdministrator, ManagedInstances.json) or its administrators/ActiveDirectory object (ManagedInstanceAdministrators.json, Microsoft.Sql stable 2023-08-01); the object exists only once an administrator is set. Empty login and sid name nobody. Administrators collected (or a template) and none set: FAIL; not collected, or an administrators object without administratorType ActiveDirectory and a login or sid: UNKNOWN. A template's properties.administrators counts only at api-version " MI_ADMINS_API " or later (the first managed instance schema with it; the 2020-08-01-preview one and those before have none); older, or only known at deployment, without an administrators child: UNKNOWN.",
		.check = mi_entra_admin,
	},
	{
		.id = "AZA-SQL-031", .title = "SQL managed instances allow Entra ID authentication only",
		DB, .level = 2, .severity = AZA_SEV_MEDIUM, PAAS_ACC, .types = MI,
		.needs = MI "/administrators " MI "/azureADOnlyAuthentications",
		.rationale = "With Entra-only authentication, password-based SQL logins (including the instance's admin login) cannot be brute-forced or reused.",
		.portal = "SQL managed instance > Settings > Microsoft Entra admin > Support only Microsoft Entra authentication for this managed instance > Save.",
		.cli = "az sql mi ad-only-auth enable --resource-group <rg> --name <instance>",
		.arm = "Microsoft.Sql/managedInstances/azureADOnlyAuthentications 'Default': properties.azureADOnlyAuthentication = true",
		.defaults = "Read from the instance's azureADOnlyAuthentications/Default object (ManagedInstanceAzureADOnlyAuthentications.json, Microsoft.Sql stable 2023-08-01) when the input has it, else from azureADOnlyAuthentication in the instance's properties.administrators (ManagedInstanceExternalAdministrator, ManagedInstances.json). The administrators/ActiveDirectory object does not carry the setting (ManagedInstanceAdministrators.json), so an administrator known only from it is UNKNOWN unless a template declares no azureADOnlyAuthentications object (the setting is then off: FAIL). No administrator (Entra-only authentication needs one): FAIL. Administrators or the Entra-only object not collected: UNKNOWN. A template's properties.administrators (and its azureADOnlyAuthentication) counts only at api-version " MI_ADMINS_API " or later (ManagedInstances.json: the 2020-08-01-preview schema and those before have no administrators); older, or only known at deployment, without an administrators child: UNKNOWN.",
		.check = mi_entra_only,
	},
	{
		.id = "AZA-SQL-032", .title = "The SQL managed instance TDE protector is a customer-managed key",
		DB, .level = 2, .severity = AZA_SEV_LOW, PAAS_DATA, .types = MI,
		.needs = MI "/encryptionProtector",
		.rationale = "A customer-managed TDE protector in Key Vault gives you control of the key that encrypts every database of the instance, its rotation and its revocation, and separates key from data administration.",
		.portal = "SQL managed instance > Security > Transparent data encryption > Customer-managed key: select a Key Vault key > Save.",
		.cli = "az sql mi tde-key set -g <rg> --mi <instance> --server-key-type AzureKeyVault --kid <key id>",
		.arm = "Microsoft.Sql/managedInstances/encryptionProtector 'current': properties.serverKeyType = 'AzureKeyVault'",
		.defaults = "Read from the instance's encryptionProtector/current object (ManagedInstanceEncryptionProtectors.json, Microsoft.Sql stable 2023-08-01: serverKeyType AzureKeyVault or ServiceManaged), which Azure returns for every instance; when it was not collected, could not be read, or a template does not declare it: UNKNOWN. AzureKeyVault: PASS; ServiceManaged: FAIL; another value: UNKNOWN.",
		.check = mi_tde_cmk,
	},
	{
		.id = "AZA-SQL-033", .title = "Microsoft Defender for SQL (advanced threat protection) is on for SQL managed instances",
		DB, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_DATA, .types = MI,
		.needs = MI "/advancedThreatProtectionSettings " MI "/securityAlertPolicies Microsoft.Security/pricings",
		.checklist = "sql.threat_detection",
		.rationale = "Threat protection detects SQL injection, anomalous access and brute force against the instance's databases and raises security alerts.",
		.portal = "SQL managed instance > Security > Microsoft Defender for Cloud > Enable Microsoft Defender for SQL (or enable the Azure SQL Databases plan for the subscription in Defender for Cloud > Environment settings).",
		.cli = "az security pricing create -n SqlServers --tier standard",
		.arm = "Microsoft.Sql/managedInstances/advancedThreatProtectionSettings 'Default': properties.state = 'Enabled'",
		.defaults = "PASS when the instance's advancedThreatProtectionSettings (ManagedInstanceAdvancedThreatProtectionSettings.json) or securityAlertPolicies (ManagedServerSecurityAlertPolicies.json, Microsoft.Sql stable 2023-08-01) state is Enabled, or the subscription's Defender plan SqlServers is Standard (Microsoft Learn, Microsoft Defender for SQL: enabled on the subscription, it protects Azure SQL Managed Instance too). Neither settings object collected: UNKNOWN. State Disabled or New: FAIL only when the subscription's plans were read; plans not collected (or a template input, which never holds them): UNKNOWN. As AZA-SQL-003 for servers.",
		.check = mi_threat_detection,
	},
	{
		.id = "AZA-COS-001", .title = "Cosmos DB accounts accept public traffic only from selected networks",
		DB, .level = 1, .severity = AZA_SEV_HIGH, PAAS_NET, .types = COS,
		.rationale = "By default a Cosmos DB account answers requests from every network, and an account key is then all an attacker needs. IP and virtual network rules limit who can even try; the 'Azure datacenters' rule (0.0.0.0) admits every Azure customer's services.",
		.portal = "Azure Cosmos DB account > Settings > Networking > Public access: Selected networks; add the virtual networks and IP ranges that need access and clear 'Accept connections from within public Azure datacenters' (or Public network access: Disabled).",
		.cli = "az cosmosdb update -g <rg> -n <account> --ip-range-filter <ip or cidr>,... --enable-virtual-network true --virtual-network-rules <subnet id>",
		.arm = "Microsoft.DocumentDB/databaseAccounts: properties.ipRules = [{ipAddressOrRange: '<ip or cidr>'}] without '0.0.0.0', and/or isVirtualNetworkFilterEnabled = true with virtualNetworkRules = [{id: '<subnet id>'}] (or publicNetworkAccess = 'Disabled')",
		.defaults = "publicNetworkAccess Disabled: PASS, except in a template whose api-version predates the property or is only known at deployment: UNKNOWN (it is in the stable 2020-04-01 schema, DatabaseAccountCreateUpdateProperties; the template reference for 2020-03-01 lists no such property). Absent means Enabled (as the built-in policy 'Azure Cosmos DB accounts should have firewall rules' reads it). With the public endpoint on, the account is reachable from the internet unless IP rules or virtual network rules are set, and then only from those (Microsoft Learn, Configure IP firewall in Azure Cosmos DB): FAIL without any. IP rules are ipRules ([{ipAddressOrRange}]) from api-version 2020-04-01 and the comma-separated ipRangeFilter before (same source); a template that sets the other version's property is UNKNOWN (nothing says Azure applies it). virtualNetworkRules count only with isVirtualNetworkFilterEnabled true (the specification: 'Flag to indicate whether to enable/disable Virtual Network ACL rules'). An IP rule 0.0.0.0 ('Accept connections from within public Azure datacenters': every Azure address, other customers' included), every address, or 65,536 public addresses or more (a /16, or an IPv6 /32: the threshold of the NSG and SQL firewall rules too): FAIL. The threshold is the one every firewall's IP rules share with the NSG rules' internet sources (Key Vault, Storage, Azure AI services, Container Registry, AKS authorized IP ranges, Event Hubs, Service Bus, AI Search, the Redis and Synapse firewall rules, and the SQL, PostgreSQL and MySQL server firewall rules, AZA-NET-019..021): private, loopback, link-local, shared and reserved space does not count, so 10.0.0.0/8 passes and 20.0.0.0/12 fails wherever it is. SecuredByPerimeter: a network security perimeter's rules decide: UNKNOWN. isVirtualNetworkFilterEnabled true with no rule at all: Microsoft Learn does not say what that admits: UNKNOWN. A rule that is not what the API takes (an ipRules entry without ipAddressOrRange, a value that is not an address or CIDR range, a virtual network rule whose id is not a subnet id) or a property of the wrong type: UNKNOWN.",
		.check = cos_restricted,
	},
	{
		.id = "AZA-COS-002", .title = "Cosmos DB public network access is disabled",
		DB, .level = 2, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = COS,
		.rationale = "With the public endpoint disabled only private endpoints reach the account; a firewall mistake or a leaked key cannot be used from the internet.",
		.portal = "Azure Cosmos DB account > Settings > Networking > Public access > Public network access: Disabled (create a private endpoint first).",
		.cli = "az cosmosdb update -g <rg> -n <account> --public-network-access DISABLED",
		.arm = "Microsoft.DocumentDB/databaseAccounts: properties.publicNetworkAccess = 'Disabled'",
		.defaults = "Absent means Enabled (FAIL; the built-in policy 'Azure Cosmos DB should disable public network access' flags every value but Disabled). Disabled passes, except in a template whose api-version predates the property (first in the stable 2020-04-01 schema; the template reference for 2020-03-01 lists no such property) or is only known at deployment: UNKNOWN. SecuredByPerimeter is not Disabled (FAIL), as for SQL servers (AZA-SQL-012): the endpoint stays on and a network security perimeter's inbound access rules can admit public traffic. IP and virtual network rules are judged by AZA-COS-001.",
		.check = cos_public_disabled,
	},
	{
		.id = "AZA-COS-003", .title = "Cosmos DB accounts use private endpoints",
		DB, .level = 2, .severity = AZA_SEV_LOW, PAAS_NET, .types = COS,
		.needs = "Microsoft.Network/privateEndpoints",
		.rationale = "Private endpoints keep traffic to the account inside the virtual network and on the Microsoft backbone, and let the public endpoint be disabled.",
		.portal = "Azure Cosmos DB account > Settings > Networking > Private access > + Private endpoint.",
		.cli = "az network private-endpoint create -g <rg> -n <pe> --vnet-name <vnet> --subnet <subnet> --private-connection-resource-id <account id> --group-id Sql --connection-name <name> (group id MongoDB, Cassandra, Gremlin or Table for those APIs)",
		.arm = "Microsoft.Network/privateEndpoints with privateLinkServiceConnections to the account (groupIds ['Sql'] or the API's group)",
		.defaults = "Only connections whose state is Approved count (as the built-in policy 'CosmosDB accounts should use private link' counts them). A template account has no connections before deployment: a Microsoft.Network/privateEndpoints resource of the same template whose privateLinkServiceConnections[].properties.privateLinkServiceId is the account's id counts (Azure approves it on creation; manualPrivateLinkServiceConnections do not count). A private endpoint whose target is only known at deployment makes the verdict UNKNOWN.",
		.check = cos_private_endpoints,
	},
	{
		.id = "AZA-COS-004", .title = "Cosmos DB accounts accept only Microsoft Entra ID authentication",
		DB, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_ACC, .types = COS,
		.rationale = "An account key grants full access to every database of the account, leaves no identity in the logs and escapes conditional access; with local authentication disabled every request needs an Entra ID identity and a data-plane role.",
		.portal = "Give each application a Microsoft Entra identity and a Cosmos DB data-plane role assignment, then set disableLocalAuth with the Azure CLI or a template (Microsoft Learn, Disable key-based authentication with Azure Cosmos DB).",
		.cli = "az cosmosdb update -g <rg> -n <account> --disable-local-auth true",
		.arm = "Microsoft.DocumentDB/databaseAccounts (api-version 2021-06-15 or later): properties.disableLocalAuth = true",
		.defaults = "Absent means false (FAIL; the built-in policy 'Cosmos DB database accounts should have local authentication methods disabled' flags every value but true). Microsoft Learn documents Entra ID data-plane authentication and disableLocalAuth for the APIs for NoSQL, Table and Apache Gremlin; an account of the API for MongoDB (kind MongoDB or capability EnableMongo) or Apache Cassandra (EnableCassandra) with keys on is NOT_APPLICABLE (the built-in policy that sets disableLocalAuth leaves them out). The API is read from kind and capabilities; a template without kind gets GlobalDocumentDB (the specification's default); an unreadable or unexpected kind (Parse included) or capabilities list: UNKNOWN. disableLocalAuth is a property of the stable api-version 2021-06-15 and later (not of 2021-05-15 or before; of the previews from 2021-07-01-preview, not of 2021-04-01-preview: Azure/azure-rest-api-specs, specification/cosmos-db/resource-manager/Microsoft.DocumentDB/<version>/cosmos-db.json): a template setting it true at an older api-version, or one only known at deployment, is UNKNOWN, never PASS.",
		.check = cos_local_auth,
	},
	{
		.id = "AZA-COS-005", .title = "Account keys cannot change Cosmos DB databases and containers",
		DB, .level = 2, .severity = AZA_SEV_LOW, PAAS_ACC, .types = COS,
		.rationale = "By default an account key can also create and delete databases and containers and change throughput. Restricting these metadata writes to Azure Resource Manager puts them under Azure RBAC and the activity log.",
		.portal = "Set it with the Azure CLI or a template: the setting is disableKeyBasedMetadataWriteAccess (Microsoft Learn, Azure role-based access control in Azure Cosmos DB: preventing changes from the SDKs).",
		.cli = "az cosmosdb update -g <rg> -n <account> --disable-key-based-metadata-write-access true",
		.arm = "Microsoft.DocumentDB/databaseAccounts (api-version " COS_META_API " or later): properties.disableKeyBasedMetadataWriteAccess = true",
		.defaults = "Absent means false, the value the specification's example GET (CosmosDBDatabaseAccountGet.json) returns: FAIL. disableLocalAuth true on an account of the API for NoSQL, Table or Gremlin refuses keys altogether, metadata writes included: PASS (see AZA-COS-004 for how the API is read). In a template, disableKeyBasedMetadataWriteAccess true passes only at the stable api-version " COS_META_API " or later (its schema as revised in place has the property, the 2016-03-31 and 2015-04-08 ones do not: Azure/azure-rest-api-specs, specification/cosmos-db/resource-manager/Microsoft.DocumentDB/stable/<version>/cosmos-db.json), and disableLocalAuth true only at 2021-06-15 or later (see AZA-COS-004); older, or only known at deployment: UNKNOWN. A value of the wrong type: UNKNOWN.",
		.check = cos_metadata_write,
	},
	{
		.id = "AZA-COS-006", .title = "Cosmos DB accounts encrypt data with a customer-managed key",
		DB, .level = 2, .severity = AZA_SEV_LOW, PAAS_DATA, .types = COS,
		.rationale = "A customer-managed key in Key Vault adds a layer of encryption under your control: you rotate it and can revoke the service's access to the data.",
		.portal = "When creating the account: Encryption > Customer-managed key, select the Key Vault key; an existing account is moved with the Azure CLI (Microsoft Learn, Configure customer-managed keys for existing accounts). The account's identity needs get, wrap key and unwrap key on the key.",
		.cli = "az cosmosdb update -g <rg> -n <account> --key-uri https://<vault>.vault.azure.net/keys/<key>",
		.arm = "Microsoft.DocumentDB/databaseAccounts: properties.keyVaultKeyUri = 'https://<vault>.vault.azure.net/keys/<key>'",
		.defaults = "Absent or empty keyVaultKeyUri means service-managed keys (FAIL; the built-in policy 'Azure Cosmos DB accounts should use customer-managed keys to encrypt data at rest' flags an account without it). A value that is not an https URI (a placeholder) or not a string: UNKNOWN. A template setting it at an api-version before " COS_CMK_API " (Microsoft Learn, 'Configure customer-managed keys for your Azure Cosmos DB account': templates use 2019-12-12 or later), or at one only known at deployment, is UNKNOWN.",
		.check = cos_cmk,
	},
	{
		.id = "AZA-COS-007", .title = "Cosmos DB accounts require TLS 1.2 or later",
		DB, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = COS,
		.rationale = "TLS 1.0 and 1.1 have known weaknesses; a minimum of 1.2 stops clients negotiating them.",
		.portal = "Azure Cosmos DB account > Settings > Networking > Connectivity > Minimum Transport Layer Security Protocol: TLS 1.2.",
		.cli = "az cosmosdb update -g <rg> -n <account> --minimal-tls-version Tls12",
		.arm = "Microsoft.DocumentDB/databaseAccounts: properties.minimalTlsVersion = 'Tls12'",
		.defaults = "minimalTlsVersion exists from api-version 2022-11-15 and takes Tls (TLS 1.0), Tls11 or Tls12; new accounts get Tls12, and TLS 1.0 and 1.1 were retired for every account on 31 August 2025 (Microsoft Learn, Self-serve minimum TLS version enforcement in Azure Cosmos DB). Tls or Tls11: FAIL, except on an account of the API for MongoDB or Cassandra, which works only with TLS 1.2 (the specification): PASS. Absent from a deployed account (Azure returns it): UNKNOWN. Absent from a template: a new account gets Tls12: PASS when the scan's reference time is on or after 31 August 2025, else UNKNOWN (Learn gives no date for the new default). Any other value: UNKNOWN.",
		.check = cos_min_tls,
	},
};
const size_t aza_rules_database_n = sizeof aza_rules_database / sizeof aza_rules_database[0];
