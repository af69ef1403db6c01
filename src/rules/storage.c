/*
 * storage.c - rules of the storage area: storage accounts, their blob, file,
 * queue and table services, containers and data-plane logging.
 *
 * Absence: Resource Manager returns every account property it knows, so a
 * property missing from a deployed account means either an old account that
 * never had it set (then Azure applies the historical default, named in each
 * rule's .defaults) or an incomplete export. For template resources the
 * api-version decides the default (see .defaults).
 */
#include "rule.h"

#include <string.h>

#define STG "Microsoft.Storage/storageAccounts"
#define PRIVATE_ENDPOINT "Microsoft.Network/privateEndpoints"

/* Account kinds and SKUs without some services (defined with the service
 * rules below). */
static int no_blobs(aza_ev *ev, const aza_res *r);
static const char *blob_only(aza_ev *ev, const aza_res *r);

/* A template resource (not deployed) carries its apiVersion. */
static void secure_transfer(aza_ev *ev, const aza_res *r)
{
	int b;
	const aza_json *v = aza_prop(ev, r, "properties.supportsHttpsTrafficOnly");
	if (aza_json_bool(v, &b)) {
		if (b)
			aza_pass(ev, r, "supportsHttpsTrafficOnly is true");
		else
			aza_fail(ev, r, "supportsHttpsTrafficOnly is false: HTTP requests are accepted");
		return;
	}
	if (v && !aza_json_is(v, AZA_JNULL) && !aza_json_is(v, AZA_JUNKNOWN)) {
		/* Set to something that is not a boolean (0, "yes"): not absent,
		 * so the default says nothing about it. A value only known at
		 * deployment goes on to the default; the engine makes it UNKNOWN. */
		aza_unknown(ev, r, "supportsHttpsTrafficOnly is not a boolean");
		return;
	}
	if (aza_is_template(r)) {
		/* The service default became true with api-version 2019-04-01. */
		if (aza_api_version_unknown(r))
			aza_unknown(ev, r, "supportsHttpsTrafficOnly not set; its default depends on the api-version, %s, which is only known at deployment",
			            r->api_version);
		else if (strcmp(r->api_version, "2019-04-01") >= 0)
			aza_pass(ev, r, "supportsHttpsTrafficOnly not set; defaults to true at api-version %s", r->api_version);
		else
			aza_fail(ev, r, "supportsHttpsTrafficOnly not set; defaults to false at api-version %s (before 2019-04-01)",
			         r->api_version);
		return;
	}
	aza_unknown(ev, r, "supportsHttpsTrafficOnly is absent from the account (incomplete export?)");
}

/* A boolean property: 1 (value in *b) when set, 0 when absent or null, -1
 * with an UNKNOWN reported when it is of another type. */
static int bool_or_unknown(aza_ev *ev, const aza_res *r, const char *path, int *b)
{
	int k = aza_prop_bool(ev, r, path, b);
	if (k < 0)
		aza_unknown(ev, r, "%s is not a boolean", strchr(path, '.') ? strchr(path, '.') + 1 : path);
	return k;
}

/* A boolean property that is false or unset, as the message names it: an
 * explicit null is the API's "not set", not the value false. */
static const char *false_or_unset(aza_ev *ev, const aza_res *r, const char *path)
{
	const aza_json *v = aza_prop(ev, r, path);
	if (!v)
		return "not set (false)";
	return aza_json_is(v, AZA_JNULL) ? "null (not set: false)" : "false";
}

/* Every api-version documents TLS 1.0 as the default of an unset
 * minimumTlsVersion (storage specification, 2019-04-01 to 2025-06-01), and
 * only the portal sets TLS1_2 when it creates an account (Microsoft Learn,
 * Enforce a minimum required version of TLS for requests to a storage
 * account). Microsoft then retired TLS 1.0 and 1.1 on Azure Storage for
 * every existing and new account (Microsoft Learn, Migrate to TLS 1.2 for
 * Azure Blob Storage: announced for 1 November 2024, moved to 1 November
 * 2025, then to 3 February 2026). From that day an unset value no longer
 * says what a client can use, and nothing in the account shows that the
 * retirement applies to it. Unix time of 3 February 2026, 00:00 UTC. */
#define TLS_RETIRED 1770076800.0

static void min_tls(aza_ev *ev, const aza_res *r)
{
	const char *v = NULL;
	int k = aza_prop_str(ev, r, "properties.minimumTlsVersion", &v);
	if (k < 0) {
		aza_unknown(ev, r, "minimumTlsVersion is not a string");
		return;
	}
	if (!k) {
		/* A template creates the account when it is deployed, at the
		 * scan's reference time at the earliest. */
		if (aza_ev_now(ev) < TLS_RETIRED)
			aza_fail(ev, r, "minimumTlsVersion not set: the account accepts TLS 1.0 (the default when unset) until Azure Storage retires TLS 1.0 "
			                "and 1.1 on 3 February 2026");
		else
			aza_unknown(ev, r, "minimumTlsVersion not set: unset means TLS 1.0 at every api-version, but Azure Storage retired TLS 1.0 and 1.1 for "
			                   "every account on 3 February 2026, which the account's properties do not show: set TLS1_2 to require TLS 1.2 on the "
			                   "account itself");
		return;
	}
	if (aza__strieq(v, "TLS1_2")) {
		aza_pass(ev, r, "minimumTlsVersion is %s", v);
	} else if (aza__strieq(v, "TLS1_3")) {
		/* The specification lists TLS1_3 but says "Minimum TLS version 1.3
		 * version is not supported", and Learn (Enforce a minimum required
		 * version of TLS, September 2025) that enforcing 1.3 as the minimum
		 * "isn't currently supported": which minimum an account showing it
		 * enforces is documented nowhere. */
		aza_unknown(ev, r, "minimumTlsVersion is %s, which Azure Storage documents it does not support as a minimum: which version the account "
		                   "requires is not documented; set TLS1_2", v);
	} else if (aza__strieq(v, "TLS1_0") || aza__strieq(v, "TLS1_1")) {
		/* Unlike an unset value, an explicit one is the account's own
		 * statement that it accepts the old version. The retirement is
		 * Azure's, not the account's: its dates moved three times, and the
		 * setting takes effect again wherever it does not apply. */
		if (aza_ev_now(ev) < TLS_RETIRED)
			aza_fail(ev, r, "minimumTlsVersion is %s: clients may connect with TLS %s", v, v[5] == '0' ? "1.0" : "1.1");
		else
			aza_fail(ev, r, "minimumTlsVersion is %s: the account is set to accept TLS %s (Azure Storage announced the retirement of TLS 1.0 and "
			                "1.1 for 3 February 2026, but the account's own setting still allows it): set TLS1_2",
			         v, v[5] == '0' ? "1.0" : "1.1");
	} else {
		aza_unknown(ev, r, "minimumTlsVersion has an unknown value '%s'", v);
	}
}

/* A boolean property whose default Azure changed to false for new accounts
 * only: an account that never set it keeps the default of the day it was
 * created, which its properties.creationTime tells; a template creates the
 * account now, with the default its api-version documents. */
struct new_default {
	const char *prop;      /* under properties */
	const char *api;       /* first api-version documenting false as the default */
	double old_before;     /* created before (Unix time): the old default, true */
	double new_from;       /* created from: the new default, false */
	const char *old_until; /* old_before in words: "15 December 2023" */
	const char *new_since; /* when new_from starts: "after 15 December 2023" */
	const char *between;   /* why an account created in between is undecided */
	const char *on;        /* what the old default does: "permits ..." */
	const char *off_one;   /* the new default, for "a new account ..." */
	const char *off_all;   /* the same for "accounts created ... ..." */
};

/* Cross-tenant replication became "not permitted by default for a storage
 * account created after Dec 15, 2023" (Microsoft Learn, Prevent object
 * replication across Microsoft Entra tenants); an older account that never
 * set allowCrossTenantReplication (null) permits it. Which default an
 * account created during the 15th got is not documented. The api-version
 * 2023-01-01 is the first whose specification gives false as the default
 * for new accounts; earlier ones document true. */
static const struct new_default ctr_default = {
	.prop = "allowCrossTenantReplication", .api = "2023-01-01",
	.old_before = 1702598400.0, /* 2023-12-15T00:00:00Z */
	.new_from = 1702684800.0,   /* 2023-12-16T00:00:00Z */
	.old_until = "15 December 2023", .new_since = "after 15 December 2023",
	.between = "the day the default changed (15 December 2023)",
	.on = "permits cross-tenant replication",
	.off_one = "does not permit cross-tenant replication",
	.off_all = "do not permit cross-tenant replication",
};

/* Anonymous access: an account that never set allowBlobPublicAccess (null)
 * permits it (Microsoft Learn, Remediate anonymous read access to blob data:
 * "null or true"). Azure began a phased rollout of false for new accounts,
 * whatever the api-version, in August 2023, rolled it back later that month,
 * resumed it and expected it complete by 5 December 2023 (Azure CLI team,
 * Azure/azure-cli#27014 and #27250; Azure/azure-powershell#22360); Learn
 * gives no date for this property, unlike cross-tenant replication. An
 * account created from 1 August to 5 December 2023 may have either default.
 * The specification documents false from api-version 2023-01-01 (true in
 * 2022-09-01). */
static const struct new_default abpa_default = {
	.prop = "allowBlobPublicAccess", .api = "2023-01-01",
	.old_before = 1690848000.0, /* 2023-08-01T00:00:00Z */
	.new_from = 1701820800.0,   /* 2023-12-06T00:00:00Z */
	.old_until = "1 August 2023", .new_since = "from 6 December 2023",
	.between = "while the new default was being rolled out (1 August to 5 December 2023, with a rollback in August)",
	.on = "permits anonymous access (any container can be made public)",
	.off_one = "disallows anonymous access to its blobs",
	.off_all = "disallow anonymous access to their blobs",
};

/* What an account whose c->prop is absent or null has: AZA_FAIL when the
 * old default (true) applies, AZA_PASS when the new one (false) does,
 * AZA_UNKNOWN when which one is not known; *why says which and why, for the
 * verdict of the account or of what depends on it. */
static aza_status unset_default(aza_ev *ev, const aza_res *r, const struct new_default *c, const char **why)
{
	if (aza_is_template(r)) {
		/* The template creates the account now, after the change. */
		if (aza_api_version_unknown(r)) {
			*why = aza_ev_fmt(ev, "%s not set; its default depends on the api-version, %s, which is only known at deployment", c->prop,
			                  r->api_version);
			return AZA_UNKNOWN;
		}
		if (strcmp(r->api_version, c->api) >= 0) {
			*why = aza_ev_fmt(ev, "%s not set: at api-version %s a new account %s (false is the default)", c->prop, r->api_version, c->off_one);
			return AZA_PASS;
		}
		*why = aza_ev_fmt(ev, "%s not set at api-version %s, which documents true as the default (false from %s, and for every account created %s): "
		                      "set it to false",
		                  c->prop, r->api_version, c->api, c->new_since);
		return AZA_UNKNOWN;
	}
	/* Deployed: the default is the one of the account's creation date. */
	const aza_json *ct = aza_prop(ev, r, "properties.creationTime");
	const char *cts = aza_json_str(ct);
	double d;
	if (!ct || aza_json_is(ct, AZA_JNULL)) {
		*why = aza_ev_fmt(ev, "%s not set and the account has no creationTime: unset %s on accounts created before %s, not on those created %s",
		                  c->prop, c->on, c->old_until, c->new_since);
		return AZA_UNKNOWN;
	}
	if (!cts || !aza_ev_days_until(ev, ct, &d)) {
		*why = aza_ev_fmt(ev, "%s not set and creationTime is not a date", c->prop);
		return AZA_UNKNOWN;
	}
	double t = aza_ev_now(ev) + d * 86400.0;
	if (t < c->old_before) {
		*why = aza_ev_fmt(ev, "%s not set on an account created %.10s, before %s: unset (null) %s", c->prop, cts, c->old_until, c->on);
		return AZA_FAIL;
	}
	if (t >= c->new_from) {
		*why = aza_ev_fmt(ev, "%s not set on an account created %.10s: accounts created %s %s by default", c->prop, cts, c->new_since, c->off_all);
		return AZA_PASS;
	}
	*why = aza_ev_fmt(ev, "%s not set on an account created %.10s, %s: which default it got is not documented", c->prop, cts, c->between);
	return AZA_UNKNOWN;
}

/* The verdict on an account whose c->prop is absent or null. */
static void unset_by_creation(aza_ev *ev, const aza_res *r, const struct new_default *c)
{
	const char *why;
	aza_status st = unset_default(ev, r, c, &why);
	if (st == AZA_PASS)
		aza_pass(ev, r, "%s", why);
	else if (st == AZA_FAIL)
		aza_fail(ev, r, "%s", why);
	else
		aza_unknown(ev, r, "%s", why);
}

/* A FileStorage account (premium file shares) holds Azure Files only
 * (Microsoft Learn, Storage account overview): with no blob service there
 * is nothing anonymous access could reach, whatever the switch says. */
static void blob_public_account(aza_ev *ev, const aza_res *r)
{
	if (no_blobs(ev, r))
		return;
	int b, k = bool_or_unknown(ev, r, "properties.allowBlobPublicAccess", &b);
	if (k < 0)
		return;
	if (k) {
		if (b)
			aza_fail(ev, r, "allowBlobPublicAccess is true: containers may be made anonymous");
		else
			aza_pass(ev, r, "allowBlobPublicAccess is false");
		return;
	}
	unset_by_creation(ev, r, &abpa_default);
}

/* Whether a container's account blocks anonymous access, whatever the
 * container's own level (rule.h): the set value, or the default the account
 * got (abpa_default). */
aza_status aza_stg_blocks_anonymous(aza_ev *ev, const aza_res *a, const char **why)
{
	int b;
	/* A template's account without properties has every default. */
	if (!aza_is_template(a) && !aza_json_is(aza_prop(ev, a, "properties"), AZA_JOBJ)) {
		*why = "the account has no properties (an export without details?)";
		return AZA_UNKNOWN;
	}
	const aza_json *v = aza_prop(ev, a, "properties.allowBlobPublicAccess");
	if (aza_json_bool(v, &b)) {
		*why = b ? "the account sets allowBlobPublicAccess true" : "the account sets allowBlobPublicAccess false";
		return b ? AZA_FAIL : AZA_PASS;
	}
	if (v && !aza_json_is(v, AZA_JNULL)) {
		*why = "the account's allowBlobPublicAccess is not a boolean";
		return AZA_UNKNOWN;
	}
	return unset_default(ev, a, &abpa_default, why);
}

/* Container access, judged with the account switch: an account that
 * disallows anonymous access blocks it whatever the container says. The
 * account is read only for a container that is not private, so that a value
 * of the account known only at deployment does not cloud a private one. */
static void container_public(aza_ev *ev, const aza_res *r)
{
	const aza_json *v = aza_prop(ev, r, "properties.publicAccess");
	const char *pa = aza_json_str(v);
	if (pa && aza__strieq(pa, "None")) {
		aza_pass(ev, r, "publicAccess is None");
		return;
	}
	if (!v || aza_json_is(v, AZA_JNULL)) {
		if (!v && aza_prop(ev, r, "properties") && !aza_is_template(r))
			aza_unknown(ev, r, "publicAccess is absent from the container");
		else
			aza_pass(ev, r, "publicAccess not set (None)");
		return;
	}
	/* The account is the parent of blobServices/default, two levels up. An
	 * account that is not in the input may block anonymous access whatever
	 * the container's level (allowBlobPublicAccess false), so its absence
	 * leaves the verdict unknown. */
	char acc[2048];
	const char *p = strstr(r->id, "/blobServices/");
	if (!p)
		p = aza__istrstr(r->id, "/blobServices/");
	size_t n = p ? (size_t)(p - r->id) : 0;
	const aza_res *a = NULL;
	if (n && n < sizeof acc) {
		memcpy(acc, r->id, n);
		acc[n] = 0;
		a = aza_inv_find(aza_ev_inv(ev), acc);
	}
	const char *why;
	aza_status st;
	if (a)
		st = aza_stg_blocks_anonymous(ev, a, &why);
	else {
		st = AZA_UNKNOWN;
		why = n && n < sizeof acc
		      ? aza_ev_fmt(ev, "its storage account %s is not in the input (its allowBlobPublicAccess is not known)", aza_last_seg(acc))
		      : "its storage account cannot be told from the container id";
	}
	int level = pa && (aza__strieq(pa, "Blob") || aza__strieq(pa, "Container"));
	const char *what = level ? aza_ev_fmt(ev, "publicAccess is %s", pa)
	                   : pa  ? aza_ev_fmt(ev, "publicAccess has an unexpected value '%s' (None, Blob or Container)", pa)
	                         : "publicAccess is not a string (None, Blob or Container)";
	if (st == AZA_PASS)
		aza_pass(ev, r, "%s, but the account blocks anonymous access: %s", what, why);
	else if (!level)
		aza_unknown(ev, r, "%s", what);
	else if (st == AZA_FAIL)
		aza_fail(ev, r, "%s: anonymous clients can read %s (%s)", what, aza__strieq(pa, "Container") ? "and list blobs" : "blobs", why);
	else
		aza_unknown(ev, r, "%s, but whether the account allows anonymous access is not known: %s", what, why);
}

static void default_deny(aza_ev *ev, const aza_res *r)
{
	const char *pna;
	aza_pna k = aza_public_network_access(ev, r, &pna);
	if (k == AZA_PNA_JUDGED)
		return;
	if (k == AZA_PNA_DISABLED) {
		aza_pass(ev, r, "publicNetworkAccess is Disabled (no public endpoint)");
		return;
	}
	if (k == AZA_PNA_PERIMETER) {
		aza_unknown(ev, r, AZA_PNA_PERIMETER_WHY);
		return;
	}
	if (aza_not_object(ev, r, "properties.networkAcls"))
		return;
	/* Read last: a template's FAIL points at it. */
	const aza_json *v = aza_prop(ev, r, "properties.networkAcls.defaultAction");
	const char *da = aza_json_str(v);
	if (da && aza__strieq(da, "Deny")) {
		/* An IP rule as wide as the internet undoes the Deny (as for
		 * Key Vault, AZA-KV-009). */
		if (!aza_deny_ip_rules_open(ev, r))
			aza_pass(ev, r, "networkAcls.defaultAction is Deny");
		return;
	}
	if (da && aza__strieq(da, "Allow"))
		aza_fail(ev, r, "networkAcls.defaultAction is %s: all networks may connect", da);
	else if (da || (v && !aza_json_is(v, AZA_JNULL)))
		aza_unknown(ev, r, "networkAcls.defaultAction has an unexpected value");
	else if (v)
		/* null is the API's "not set": the service applies Allow. */
		aza_fail(ev, r, "networkAcls.defaultAction is null: the default action is Allow (all networks)");
	else
		aza_fail(ev, r, "networkAcls not set: the default action is Allow (all networks)");
}

static void public_network(aza_ev *ev, const aza_res *r)
{
	aza_public_network_disabled(ev, r, "public access is not disabled", NULL);
}

static void trusted_services(aza_ev *ev, const aza_res *r)
{
	if (aza_not_object(ev, r, "properties.networkAcls"))
		return;
	const aza_json *acls = aza_prop(ev, r, "properties.networkAcls");
	const char *by = aza_json_str(aza_json_get(acls, "bypass"));
	if (aza_json_get(acls, "bypass") && !by && !aza_json_is(aza_json_get(acls, "bypass"), AZA_JNULL)) {
		aza_unknown(ev, r, "networkAcls.bypass is not a string");
		return;
	}
	if (!acls) {
		aza_pass(ev, r, "networkAcls not set: bypass defaults to AzureServices");
		return;
	}
	if (!by) {
		/* The API default of bypass is AzureServices. */
		aza_pass(ev, r, "networkAcls.bypass not set: defaults to AzureServices");
		return;
	}
	if (aza__istrstr(by, "AzureServices"))
		aza_pass(ev, r, "networkAcls.bypass is '%s'", by);
	else
		aza_fail(ev, r, "networkAcls.bypass is '%s': trusted Microsoft services are not allowed", by ? by : "None");
}

static void private_endpoints(aza_ev *ev, const aza_res *r)
{
	aza_private_endpoints(ev, r, "account");
}

static void key_reminder(aza_ev *ev, const aza_res *r)
{
	double d;
	int max = aza_ev_cfg(ev)->key_max_age_days;
	if (aza_not_object(ev, r, "properties.keyPolicy"))
		return;
	const aza_json *kp = aza_prop(ev, r, "properties.keyPolicy");
	if (!kp || aza_json_is(kp, AZA_JNULL)) {
		aza_fail(ev, r, "%s: no key rotation reminder is set", kp ? "keyPolicy is null" : "no keyPolicy");
		return;
	}
	int k = aza_prop_num(ev, r, "properties.keyPolicy.keyExpirationPeriodInDays", &d);
	if (k < 0) {
		aza_unknown(ev, r, "keyPolicy.keyExpirationPeriodInDays is not a number");
		return;
	}
	if (!k) {
		/* The API requires keyExpirationPeriodInDays in a KeyPolicy (the
		 * storage specification): a keyPolicy without it is neither what
		 * Azure returns nor a policy it accepts. */
		aza_unknown(ev, r, "%s, which the API requires in a keyPolicy: the reminder period is not known (an incomplete export?)",
		            aza_json_get(kp, "keyExpirationPeriodInDays") ? "keyPolicy.keyExpirationPeriodInDays is null"
		                                                          : "keyPolicy has no keyExpirationPeriodInDays");
		return;
	}
	if (d <= max)
		aza_pass(ev, r, "keyPolicy.keyExpirationPeriodInDays is %.0f", d);
	else
		aza_fail(ev, r, "keyPolicy.keyExpirationPeriodInDays is %.0f (more than %d)", d, max);
}

static void key_age(aza_ev *ev, const aza_res *r)
{
	int b;
	if (aza_is_template(r)) {
		aza_na(ev, r, "keys are generated when the template is deployed: their age is a deployed account's");
		return;
	}
	if (aza_json_bool(aza_prop(ev, r, "properties.allowSharedKeyAccess"), &b) && !b) {
		aza_pass(ev, r, "allowSharedKeyAccess is false: access keys cannot be used");
		return;
	}
	const aza_json *kc = aza_prop(ev, r, "properties.keyCreationTime");
	if (!kc) {
		aza_unknown(ev, r, "keyCreationTime is absent (keys created before it was recorded): key age unknown");
		return;
	}
	int max = aza_ev_cfg(ev)->key_max_age_days;
	const char *names[2] = {"key1", "key2"};
	double worst = 0;
	const char *worst_name = NULL;
	for (int i = 0; i < 2; i++) {
		double d;
		const aza_json *t = aza_json_get(kc, names[i]);
		if (!t || aza_json_is(t, AZA_JNULL) || !aza_ev_days_until(ev, t, &d)) {
			aza_unknown(ev, r, "keyCreationTime.%s is missing or not a date", names[i]);
			return;
		}
		if (-d > worst) {
			worst = -d;
			worst_name = names[i];
		}
	}
	if (worst_name && worst > max)
		aza_fail(ev, r, "%s was created %.0f days ago (limit %d)", worst_name, worst, max);
	else
		aza_pass(ev, r, "both access keys are younger than %d days", max);
}

static void shared_key(aza_ev *ev, const aza_res *r)
{
	int b, k = bool_or_unknown(ev, r, "properties.allowSharedKeyAccess", &b);
	if (k < 0)
		return;
	if (k) {
		if (!b)
			aza_pass(ev, r, "allowSharedKeyAccess is false");
		else
			aza_fail(ev, r, "allowSharedKeyAccess is true: requests may be signed with the account keys");
		return;
	}
	aza_fail(ev, r, "allowSharedKeyAccess not set: shared key authorization is allowed (null means true)");
}

/* Why the account cannot take part in object replication, which is what
 * allowCrossTenantReplication governs, or NULL. Microsoft Learn, Object
 * replication for block blobs: it is supported for general-purpose v2 and
 * premium block blob accounts only, and "supports block blobs only; append
 * blobs and page blobs are not supported"; it needs
 * blob versioning on both accounts, which an account with a hierarchical
 * namespace does not support (Blob versioning; Blob Storage feature
 * support in Azure Storage accounts lists object replication as not
 * supported with one). */
static const char *no_object_replication(aza_ev *ev, const aza_res *r)
{
	const char *kind = aza_json_str(aza_prop(ev, r, "kind"));
	int h;
	if (kind && (aza__strieq(kind, "FileStorage") || aza__strieq(kind, "Storage") || aza__strieq(kind, "BlobStorage")))
		return aza_ev_fmt(ev, "account kind %s", kind);
	const char *bo = blob_only(ev, r);
	if (bo && kind && aza__strieq(kind, "StorageV2"))
		return bo;
	if (aza_prop_bool(ev, r, "properties.isHnsEnabled", &h) == 1 && h)
		return "an account with a hierarchical namespace (isHnsEnabled true, no blob versioning)";
	return NULL;
}

static void cross_tenant(aza_ev *ev, const aza_res *r)
{
	const char *nor = no_object_replication(ev, r);
	if (nor) {
		aza_na(ev, r, "%s does not support object replication, so no replication policy can reach another tenant", nor);
		return;
	}
	int b, k = bool_or_unknown(ev, r, "properties.allowCrossTenantReplication", &b);
	if (k < 0)
		return;
	if (k) {
		if (!b)
			aza_pass(ev, r, "allowCrossTenantReplication is false");
		else
			aza_fail(ev, r, "allowCrossTenantReplication is true");
		return;
	}
	unset_by_creation(ev, r, &ctr_default);
}

static void oauth_default(aza_ev *ev, const aza_res *r)
{
	int b, k = bool_or_unknown(ev, r, "properties.defaultToOAuthAuthentication", &b);
	if (k < 0)
		return;
	if (k && b)
		aza_pass(ev, r, "defaultToOAuthAuthentication is true");
	else
		aza_fail(ev, r, "defaultToOAuthAuthentication is %s: the portal uses the account key by default",
		         false_or_unset(ev, r, "properties.defaultToOAuthAuthentication"));
}

static void infra_encryption(aza_ev *ev, const aza_res *r)
{
	int b, k = bool_or_unknown(ev, r, "properties.encryption.requireInfrastructureEncryption", &b);
	if (k < 0)
		return;
	if (k && b)
		aza_pass(ev, r, "encryption.requireInfrastructureEncryption is true");
	else
		aza_fail(ev, r, "encryption.requireInfrastructureEncryption is %s: data is encrypted once, not twice",
		         false_or_unset(ev, r, "properties.encryption.requireInfrastructureEncryption"));
}

static void geo_redundant(aza_ev *ev, const aza_res *r)
{
	if (aza_ev_cfg(ev)->critical_tag_name && !aza_ev_is_critical(ev, r)) {
		aza_na(ev, r, "not marked mission-critical (tag '%s')", aza_ev_cfg(ev)->critical_tag_name);
		return;
	}
	if (aza_not_object(ev, r, "sku"))
		return;
	const char *sku = NULL;
	int k = aza_prop_str(ev, r, "sku.name", &sku);
	if (k <= 0) {
		/* Resource Manager always returns the SKU (a template must give
		 * it): without a readable name the redundancy is not known. */
		aza_unknown(ev, r, "sku.name is %s", k < 0 ? "not a string" : aza_prop(ev, r, "sku.name") ? "null" : "absent");
		return;
	}
	if (aza__iends(sku, "GRS") || aza__iends(sku, "GZRS"))
		aza_pass(ev, r, "sku.name is %s (geo-redundant)", sku);
	else
		aza_fail(ev, r, "sku.name is %s: data does not survive a regional outage", sku);
}

/* The service child (blobServices/default...) of an account, or NULL with
 * an UNKNOWN already reported. */
/* A template that declares no service object leaves the service with the
 * API's defaults: soft delete and versioning off, every SMB version and
 * channel cipher allowed. Rules read that as an empty properties object. */
static const aza_json tmpl_props = {.kind = AZA_JOBJ, .key = "properties"};
static const aza_json tmpl_doc = {.kind = AZA_JOBJ, .n = 1, .u = {.child = (aza_json *)&tmpl_props}};
static const aza_res tmpl_service = {.id = "", .type = "", .name = "(API defaults)", .sub = "", .rg = "",
                                     .location = "", .parent = "", .source = "", .api_version = "",
                                     .doc = &tmpl_doc};

static const aza_res *service(aza_ev *ev, const aza_res *r, const char *type, const char *what)
{
	const aza_res *s = aza_inv_child(aza_ev_inv(ev), r->id, type);
	if (s && !aza_is_template(s) && !aza_json_is(aza_prop(ev, s, "properties"), AZA_JOBJ)) {
		/* Resource Manager returns the service's settings under
		 * properties: without them nothing says they are off. */
		aza_unknown(ev, r, "%s: the %s object has no \"properties\" (an export without details?)", what,
		            strrchr(type, '/') + 1);
		return NULL;
	}
	if (s)
		return s;
	if (aza_is_template(r) && !aza__iends(type, "/fileServices"))
		return &tmpl_service;
	if (aza_is_template(r)) {
		aza_unknown(ev, r, "%s: the template declares no fileServices object, and whether share soft delete is on "
		                   "by default depends on how the account is created", what);
		return NULL;
	}
	const char *why;
	if (!aza_ev_collected(ev, type, r, &why))
		aza_unknown(ev, r, "%s: %s", what, why);
	else
		aza_unknown(ev, r, "%s: no %s object for this account in the input", what, strrchr(type, '/') + 1);
	return NULL;
}

/* A retention policy object of a service ({"enabled": true, "days": 7}):
 * 1 when enabled, 0 when absent, null or not enabled, -1 (UNKNOWN reported)
 * when it or its enabled is of another type. Soft delete is on only when
 * enabled is true: the specification gives enabled no default. */
static int policy_enabled(aza_ev *ev, const aza_res *r, const aza_json *p, const char *name)
{
	int b;
	if (!p || aza_json_is(p, AZA_JNULL))
		return 0;
	if (!aza_json_is(p, AZA_JOBJ)) {
		if (aza_json_is(p, AZA_JUNKNOWN)) /* the engine says which value */
			aza_unknown(ev, r, "%s is only known at deployment", name);
		else
			aza_unknown(ev, r, "%s is not an object", name);
		return -1;
	}
	const aza_json *e = aza_json_get(p, "enabled");
	if (!e || aza_json_is(e, AZA_JNULL))
		return 0;
	if (!aza_json_bool(e, &b)) {
		if (!aza_json_is(e, AZA_JUNKNOWN))
			aza_unknown(ev, r, "%s.enabled is not a boolean", name);
		else /* only known at deployment: the engine says which value */
			aza_unknown(ev, r, "%s.enabled is only known at deployment", name);
		return -1;
	}
	return b;
}

/* What a policy that policy_enabled found off holds, for the FAIL message:
 * null is the API's "not set", not a policy that says disabled. */
static const char *policy_off(const aza_json *p)
{
	if (!p)
		return "is not set (disabled)";
	if (aza_json_is(p, AZA_JNULL))
		return "is null (not set: disabled)";
	const aza_json *e = aza_json_get(p, "enabled");
	if (!e)
		return "has no enabled (disabled: soft delete is on only when enabled is true)";
	if (aza_json_is(e, AZA_JNULL))
		return "has enabled null (not set: disabled)";
	return "is disabled (enabled false)";
}

/* ", 7 days" for an enabled policy's days, or what stands there instead. */
static const char *policy_days(aza_ev *ev, const aza_json *p)
{
	double d;
	const aza_json *v = aza_json_get(p, "days");
	if (aza_json_num(v, &d))
		return aza_ev_fmt(ev, " (%.0f days)", d);
	if (!v || aza_json_is(v, AZA_JNULL))
		return " (days not set)";
	return " (days is not a number)";
}

/* FileStorage (premium file shares) accounts have no blob service. */
static int no_blobs(aza_ev *ev, const aza_res *r)
{
	const char *kind = aza_json_str(aza_prop(ev, r, "kind"));
	if (kind && aza__strieq(kind, "FileStorage")) {
		aza_na(ev, r, "account kind FileStorage has no blob service");
		return 1;
	}
	return 0;
}

static void blob_soft_delete(aza_ev *ev, const aza_res *r)
{
	if (no_blobs(ev, r))
		return;
	const aza_res *s = service(ev, r, STG "/blobServices", "blob soft delete");
	if (!s)
		return;
	const aza_json *p = aza_prop(ev, s, "properties.deleteRetentionPolicy");
	int en = policy_enabled(ev, r, p, "blob deleteRetentionPolicy");
	if (en < 0)
		return;
	if (!en) {
		aza_fail(ev, r, "blob deleteRetentionPolicy %s", policy_off(p));
		return;
	}
	/* allowPermanentDelete lets a caller purge soft-deleted versions and
	 * snapshots at once, which undoes the retention it is set on. */
	const aza_json *apd = aza_json_get(p, "allowPermanentDelete");
	int perm = 0;
	if (apd && !aza_json_is(apd, AZA_JNULL) && !aza_json_bool(apd, &perm))
		aza_unknown(ev, r, "blob deleteRetentionPolicy.allowPermanentDelete is not a boolean");
	else if (perm)
		aza_fail(ev, r, "blob deleteRetentionPolicy enabled%s but allowPermanentDelete is true: soft-deleted blob versions and snapshots can be "
		                "purged at once", policy_days(ev, p));
	else
		aza_pass(ev, r, "blob deleteRetentionPolicy enabled%s%s", policy_days(ev, p),
		         apd && !aza_json_is(apd, AZA_JNULL) ? ", allowPermanentDelete false" : "");
}

static void container_soft_delete(aza_ev *ev, const aza_res *r)
{
	if (no_blobs(ev, r))
		return;
	const aza_res *s = service(ev, r, STG "/blobServices", "container soft delete");
	if (!s)
		return;
	const aza_json *p = aza_prop(ev, s, "properties.containerDeleteRetentionPolicy");
	int en = policy_enabled(ev, r, p, "containerDeleteRetentionPolicy");
	if (en > 0)
		aza_pass(ev, r, "containerDeleteRetentionPolicy enabled%s", policy_days(ev, p));
	else if (!en)
		aza_fail(ev, r, "containerDeleteRetentionPolicy %s", policy_off(p));
}

static void versioning(aza_ev *ev, const aza_res *r)
{
	if (no_blobs(ev, r))
		return;
	const aza_res *s = service(ev, r, STG "/blobServices", "blob versioning");
	if (!s)
		return;
	int b, k = aza_prop_bool(ev, s, "properties.isVersioningEnabled", &b);
	if (k < 0) {
		aza_unknown(ev, r, "isVersioningEnabled is not a boolean");
		return;
	}
	if (k && b) {
		aza_pass(ev, r, "isVersioningEnabled is true");
		return;
	}
	/* Microsoft Learn, "Blob versioning": storage accounts with a
	 * hierarchical namespace (Data Lake Storage) are not supported, and
	 * NFS 3.0 and SFTP need one: such an account cannot turn versioning
	 * on, so its absence is no finding. */
	static const char *const hns[] = {"isHnsEnabled", "isNfsV3Enabled", "isSftpEnabled"};
	for (size_t i = 0; i < sizeof hns / sizeof hns[0]; i++) {
		int h;
		if (aza_prop_bool(ev, r, aza_ev_fmt(ev, "properties.%s", hns[i]), &h) == 1 && h) {
			aza_na(ev, r, "%s is true: blob versioning is not supported on accounts with a hierarchical namespace", hns[i]);
			return;
		}
	}
	/* The same page: versioning "is available for standard
	 * general-purpose v2, premium block blob, and legacy Blob storage
	 * accounts", so neither a general-purpose v1 account (kind Storage)
	 * nor a premium page blob one (StorageV2 with a premium SKU) can turn
	 * it on. */
	const char *kind = aza_json_str(aza_prop(ev, r, "kind"));
	const char *bo = blob_only(ev, r);
	if (kind && aza__strieq(kind, "Storage")) {
		aza_na(ev, r, "account kind Storage (general-purpose v1) does not support blob versioning");
		return;
	}
	if (bo && kind && aza__strieq(kind, "StorageV2")) {
		aza_na(ev, r, "%s does not support blob versioning", bo);
		return;
	}
	aza_fail(ev, r, "isVersioningEnabled is %s", false_or_unset(ev, s, "properties.isVersioningEnabled"));
}

/* An account whose only service is blob storage: what it is ("account
 * kind BlockBlobStorage"), or NULL. BlobStorage and BlockBlobStorage hold
 * block and append blobs; a general-purpose account (Storage, StorageV2)
 * with a premium SKU holds page blobs only: Azure Files, queues and tables
 * are not supported there (Microsoft Learn, Storage account overview:
 * premium page blobs; Using Blob service operations with Azure Premium
 * Storage). Premium file shares and block blobs have kinds of their own
 * (FileStorage, BlockBlobStorage), so the SKU tells which a general-purpose
 * one is; without a readable SKU the account is taken to have them all. */
static const char *blob_only(aza_ev *ev, const aza_res *r)
{
	const char *kind = aza_json_str(aza_prop(ev, r, "kind"));
	if (!kind)
		return NULL;
	if (aza__strieq(kind, "BlobStorage") || aza__strieq(kind, "BlockBlobStorage"))
		return aza_ev_fmt(ev, "account kind %s", kind);
	const char *sku = aza_json_str(aza_prop(ev, r, "sku.name"));
	if ((aza__strieq(kind, "Storage") || aza__strieq(kind, "StorageV2")) && sku && aza__istarts(sku, "Premium_"))
		return aza_ev_fmt(ev, "a premium %s account (sku %s: page blobs only)", kind, sku);
	return NULL;
}

static void share_soft_delete(aza_ev *ev, const aza_res *r)
{
	const char *bo = blob_only(ev, r);
	if (bo) {
		aza_na(ev, r, "%s has no file service", bo);
		return;
	}
	const aza_res *s = service(ev, r, STG "/fileServices", "file share soft delete");
	if (!s)
		return;
	const aza_json *p = aza_prop(ev, s, "properties.shareDeleteRetentionPolicy");
	int en = policy_enabled(ev, r, p, "shareDeleteRetentionPolicy");
	if (en > 0)
		aza_pass(ev, r, "shareDeleteRetentionPolicy enabled%s", policy_days(ev, p));
	else if (!en)
		aza_fail(ev, r, "shareDeleteRetentionPolicy %s", policy_off(p));
}

/* SMB settings are ';'-separated lists; absent means every value is allowed. */
static int only(const char *list, const char *want)
{
	char tmp[256];
	if (!list || strlen(list) >= sizeof tmp)
		return 0;
	strcpy(tmp, list);
	int seen = 0;
	for (char *sv, *t = strtok_r(tmp, ";, ", &sv); t; t = strtok_r(NULL, ";, ", &sv)) {
		if (!aza__strieq(t, want))
			return 0;
		seen = 1;
	}
	return seen;
}

static void smb_setting(aza_ev *ev, const aza_res *r, const char *prop, const char *want, const char *what)
{
	const char *bo = blob_only(ev, r);
	if (bo) {
		aza_na(ev, r, "%s has no file service", bo);
		return;
	}
	/* Undeclared in a template: SMB settings take the API default (all allowed). */
	const aza_res *s;
	if (aza_is_template(r) && !aza_inv_child(aza_ev_inv(ev), r->id, STG "/fileServices"))
		s = &tmpl_service;
	else if (!(s = service(ev, r, STG "/fileServices", what)))
		return;
	char path[128];
	aza__fmt(path, sizeof path, "properties.protocolSettings.smb.%s", prop);
	const char *v = NULL;
	if (aza_prop_str(ev, s, path, &v) < 0) {
		aza_unknown(ev, r, "SMB %s is not a string", prop);
		return;
	}
	if (only(v, want))
		aza_pass(ev, r, "SMB %s is %s", prop, v);
	else if (v)
		aza_fail(ev, r, "SMB %s is '%s' (want only %s)", prop, v, want);
	else
		aza_fail(ev, r, "SMB %s not set: every value is allowed (want only %s)", prop, want);
}

static void smb_version(aza_ev *ev, const aza_res *r)
{
	smb_setting(ev, r, "versions", "SMB3.1.1", "SMB protocol version");
}

static void smb_encryption(aza_ev *ev, const aza_res *r)
{
	smb_setting(ev, r, "channelEncryption", "AES-256-GCM", "SMB channel encryption");
}

/* The request types a storage service must log, as bits. */
enum { LOG_READ = 1, LOG_WRITE = 2, LOG_DELETE = 4, LOG_ALL = 7 };
static const char *const log_cat[3] = {"StorageRead", "StorageWrite", "StorageDelete"};
static const char *const log_key[3] = {"read", "write", "delete"};

/* What the diagnostic settings of a service deliver of StorageRead,
 * StorageWrite and StorageDelete, combined over its settings (one may carry
 * reads and writes, another deletes): each category named, or all three with
 * the allLogs category group (every category of the service). A setting
 * without a destination delivers nothing; *nodest names the first that
 * enables logs anyway. The audit group proves none of the three: Microsoft
 * picks its categories per resource type (the service reports them as
 * categoryGroups of diagnosticSettingsCategories, which the inventory does
 * not hold), documents none for the storage services and may change them.
 * *audit then names a setting enabling it, so that the service is UNKNOWN,
 * not FAIL. */
static unsigned diag_rwd(aza_ev *ev, const char *service_id, const char **audit, const char **nodest)
{
	unsigned got = 0;
	*audit = *nodest = NULL;
	for (const aza_res *d = aza_inv_child(aza_ev_inv(ev), service_id, "Microsoft.Insights/diagnosticSettings"); d;
	     d = aza_inv_next_child(d, service_id)) {
		unsigned cats = 0;
		int aud = 0, b;
		aza_json_each(l, aza_prop(ev, d, "properties.logs")) {
			if (!aza_json_bool(aza_json_get(l, "enabled"), &b) || !b)
				continue;
			const char *c = aza_json_str(aza_json_get(l, "category"));
			const char *g = aza_json_str(aza_json_get(l, "categoryGroup"));
			if (g && aza__strieq(g, "allLogs"))
				cats = LOG_ALL;
			else if (g && aza__strieq(g, "audit"))
				aud = 1;
			for (int k = 0; k < 3; k++)
				if (c && aza__strieq(c, log_cat[k]))
					cats |= 1u << k;
		}
		if (!cats && !aud)
			continue;
		if (!aza_diag_has_dest(ev, d)) {
			if (!*nodest)
				*nodest = aza_last_seg(d->name);
			continue;
		}
		got |= cats;
		if (aud && !*audit)
			*audit = aza_last_seg(d->name);
	}
	return got;
}

/* Classic Storage Analytics logging of a service from its data-plane entry
 * ({"logging": {"read": true, "write": true, "delete": true}}): *on and *off
 * get the request types it proves logged and not logged; for each of the
 * others gap[k] says why the entry does not tell (no logging object, a value
 * that is not a boolean), which is not "off". */
static void dataplane_rwd(aza_ev *ev, const aza_json *dp, unsigned *on, unsigned *off, const char *gap[3])
{
	*on = *off = 0;
	const aza_json *lg = aza_json_get(dp, "logging");
	const char *all = !lg ? "has no logging object" : aza_json_is(lg, AZA_JNULL) ? "has logging null"
	                  : !aza_json_is(lg, AZA_JOBJ)                              ? "has a logging that is not an object"
	                                                                            : NULL;
	for (int k = 0; k < 3; k++) {
		const aza_json *v = all ? NULL : aza_json_get(lg, log_key[k]);
		int b;
		gap[k] = NULL;
		if (!all && aza_json_bool(v, &b))
			*(b ? on : off) |= 1u << k;
		else
			gap[k] = all ? all : aza_ev_fmt(ev, "has logging.%s %s", log_key[k], v ? "that is not a boolean" : "missing");
	}
}

/* The categories of `bits`: "StorageDelete", "StorageRead or StorageWrite"... */
static const char *log_cats(aza_ev *ev, unsigned bits)
{
	const char *t = "";
	int n = 0, left = (bits & LOG_READ ? 1 : 0) + (bits & LOG_WRITE ? 1 : 0) + (bits & LOG_DELETE ? 1 : 0);
	for (int k = 0; k < 3; k++)
		if (bits & (1u << k)) {
			n++;
			t = aza_ev_fmt(ev, "%s%s%s", t, n == 1 ? "" : n == left ? " or " : ", ", log_cat[k]);
		}
	return t;
}

static void analytics_logging(aza_ev *ev, const aza_res *r)
{
	static const char *const svc[] = {"blob", "queue", "table"};
	static const char *const svctype[] = {"blobServices", "queueServices", "tableServices"};
	const char *missing[3];
	size_t nmissing = 0, nunknown = 0, naudit = 0, nnodest = 0;
	const char *unknown_why = "", *uncollected = "", *audit_svcs = "", *audit_name = "", *partial = "", *nodests = "";
	/* Premium block blob, premium page blob and legacy blob accounts have
	 * no queue or table service; FileStorage accounts have none of the
	 * three. */
	const char *kind = aza_json_str(aza_prop(ev, r, "kind"));
	const char *bo = blob_only(ev, r);
	int nsvc = bo ? 1 : 3;
	if (kind && aza__strieq(kind, "FileStorage")) {
		aza_na(ev, r, "account kind FileStorage has no blob, queue or table service");
		return;
	}
	for (int i = 0; i < nsvc; i++) {
		char sid[2048];
		aza__fmt(sid, sizeof sid, "%s/%s/default", r->id, svctype[i]);
		const char *audit, *nodest;
		unsigned logged = diag_rwd(ev, sid, &audit, &nodest);
		/* The two sources combine: deletes logged by classic logging and
		 * reads and writes by a diagnostic setting are all logged. */
		const aza_json *dp = aza_inv_dataplane(aza_ev_inv(ev), r->id, svc[i]);
		const aza_json *err = dp ? aza_json_get(dp, "error") : NULL;
		unsigned dpon = 0, dpoff = 0;
		const char *gap[3] = {NULL, NULL, NULL};
		if (dp && (!err || aza_json_is(err, AZA_JNULL))) {
			err = NULL;
			dataplane_rwd(ev, dp, &dpon, &dpoff, gap);
		}
		unsigned todo = LOG_ALL & ~(logged | dpon);
		if (!todo)
			continue;
		if (nodest)
			nodests = aza_ev_fmt(ev, "%s%s'%s' (%s)", nodests, nnodest++ ? ", " : "", nodest, svc[i]);
		if (err) {
			/* A failed read says nothing about the service. */
			nunknown++;
			unknown_why = aza_ev_fmt(ev, "%s service properties could not be read: %s", svc[i],
			                         aza_json_str(err) ? aza_json_str(err) : "error");
			continue;
		}
		if ((todo & dpoff) && !audit) {
			/* Classic logging is off for a request type no diagnostic
			 * setting delivers. */
			missing[nmissing++] = svc[i];
			continue;
		}
		if (audit) {
			/* Logging off on the data plane, or unknown there, but the
			 * audit group may hold the categories: UNKNOWN, not FAIL. */
			if (!naudit++)
				audit_name = audit;
			audit_svcs = aza_ev_fmt(ev, "%s%s%s", audit_svcs, *audit_svcs ? ", " : "", svc[i]);
			continue;
		}
		if (dp) {
			/* The entry does not say whether the rest is logged: none of
			 * the request types left is on or off there. */
			int k = 0;
			while (k < 2 && !((todo & (1u << k)) && gap[k]))
				k++;
			nunknown++;
			partial = aza_ev_fmt(ev, "%s%sthe %s service's data-plane entry %s and no diagnostic setting delivers %s", partial, *partial ? "; " : "",
			                     svc[i], gap[k] ? gap[k] : "does not say", log_cats(ev, todo));
			continue;
		}
		/* Neither source says logging is on, and only this account's own
		 * data-plane entry can prove classic logging off: a scan whose data
		 * plane covers other accounts says nothing about this one (its
		 * endpoint may have been unreachable or the account skipped). */
		const char *why;
		int diag = aza_ev_collected(ev, "Microsoft.Insights/diagnosticSettings", r, &why);
		nunknown++;
		if (aza_inv_has_dataplane(aza_ev_inv(ev))) {
			uncollected = aza_ev_fmt(ev, "%s%s%s", uncollected, *uncollected ? ", " : "", svc[i]);
			unknown_why = aza_ev_fmt(ev, "%s data-plane logging properties were not collected for this account%s%s", uncollected,
			                         diag ? " and no diagnostic setting has StorageRead/Write/Delete" : "; ", diag ? "" : why);
		} else if (diag)
			unknown_why = aza_ev_fmt(ev, "no %s data-plane logging facts and no diagnostic setting delivers %s", svc[i], log_cats(ev, todo));
		else
			unknown_why = aza_ev_fmt(ev, "%s logging: storage data-plane properties were not collected and %s", svc[i], why);
	}
	/* Reasons for UNKNOWN: incomplete entries, then what was not collected,
	 * then the settings that would have counted with a destination. */
	const char *notes = nnodest ? aza_ev_fmt(ev, "; diagnostic setting%s %s name%s no destination (workspace, storage account, event hub authorization "
	                                             "rule or partner), so %s nothing",
	                                         nnodest > 1 ? "s" : "", nodests, nnodest > 1 ? "" : "s", nnodest > 1 ? "they deliver" : "it delivers")
	                            : "";
	if (*partial && *unknown_why)
		unknown_why = aza_ev_fmt(ev, "%s; %s", partial, unknown_why);
	else if (*partial)
		unknown_why = partial;
	if (nmissing)
		aza_fail(ev, r, "read/write/delete logging is off for the %s%s%s%s%s service%s", missing[0],
		         nmissing > 1 ? ", " : "", nmissing > 1 ? missing[1] : "", nmissing > 2 ? ", " : "",
		         nmissing > 2 ? missing[2] : "", nmissing > 1 ? "s" : "");
	else if (naudit)
		aza_unknown(ev, r, "%s: diagnostic setting '%s' enables categoryGroup audit, which is not documented to hold StorageRead, StorageWrite and "
		                   "StorageDelete for storage services (allLogs or the three categories prove logging)%s%s%s",
		            audit_svcs, audit_name, nunknown ? "; " : "", nunknown ? unknown_why : "", notes);
	else if (nunknown)
		aza_unknown(ev, r, "%s%s", unknown_why, notes);
	else
		aza_pass(ev, r, "read, write and delete requests are logged for %s",
		         bo ? aza_ev_fmt(ev, "blob (the only service of %s)", bo) : "blob, queue and table");
}

static void delete_lock(aza_ev *ev, const aza_res *r)
{
	const char *why, *lv;
	const aza_res *l = aza_ev_delete_lock(ev, r, &lv);
	if (l) {
		aza_pass(ev, r, "lock '%s' (%s) at %s", l->name, lv, aza__strieq(l->parent, r->id) ? "the account" : l->parent);
		return;
	}
	if (!aza_ev_collected(ev, "Microsoft.Authorization/locks", r, &why)) {
		aza_unknown(ev, r, "%s", why);
		return;
	}
	aza_fail(ev, r, "no CanNotDelete or ReadOnly lock on the account, its resource group or subscription");
}

#define PAAS_DATA .resp = AZA_RESP_DATA, .models = AZA_PAAS
#define PAAS_NET .resp = AZA_RESP_NETWORK, .models = AZA_PAAS
#define PAAS_ACC .resp = AZA_RESP_ACCOUNTS, .models = AZA_PAAS

const struct aza_rule aza_rules_storage[] = {
	{
		.id = "AZA-STG-001", .title = "Storage accounts require secure transfer (HTTPS only)",
		.area = AZA_AREA_STORAGE, .level = 1, .severity = AZA_SEV_HIGH, PAAS_NET, .types = STG,
		.checklist = "storage.secure_transfer", .cis = "6.0.0:9.3.4 5.0.0:9.3.4",
		.rationale = "Without secure transfer, requests (and the shared keys or SAS tokens in them) can travel over plain HTTP and be read or altered on the way.",
		.portal = "Storage account > Settings > Configuration > Secure transfer required: Enabled.",
		.cli = "az storage account update -g <rg> -n <account> --https-only true",
		.arm = "Microsoft.Storage/storageAccounts: properties.supportsHttpsTrafficOnly = true",
		.defaults = "Deployed accounts: the property is always returned; absent gives UNKNOWN. Templates: absent means true from api-version 2019-04-01, false before.",
		.check = secure_transfer,
	},
	{
		.id = "AZA-STG-002", .title = "Storage accounts require TLS 1.2 or later",
		.area = AZA_AREA_STORAGE, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = STG,
		.checklist = "storage.min_tls", .cis = "6.0.0:9.3.6 5.0.0:9.3.6",
		.rationale = "TLS 1.0 and 1.1 have known weaknesses; requiring TLS 1.2 keeps clients from negotiating them.",
		.portal = "Storage account > Settings > Configuration > Minimum TLS version: Version 1.2.",
		.cli = "az storage account update -g <rg> -n <account> --min-tls-version TLS1_2",
		.arm = "properties.minimumTlsVersion = 'TLS1_2'",
		.defaults = "Absent or null: every api-version of the storage specification (2019-04-01 to 2025-06-01) documents TLS 1.0 as the default, "
		            "and only the portal sets TLS1_2 on the accounts it creates (Microsoft Learn, Enforce a minimum required version of TLS for "
		            "requests to a storage account); templates, the CLI and PowerShell leave it unset. Azure Storage retired TLS 1.0 and 1.1 for every "
		            "existing and new account on 3 February 2026 (Microsoft Learn, Migrate to TLS 1.2 for Azure Blob Storage; announced for 1 "
		            "November 2024, then moved to 1 November 2025 and to 3 February 2026). Before that date (the scan's reference time) an unset "
		            "value accepts TLS 1.0: FAIL; from it, an unset value no longer says what clients can use and the account does not show that "
		            "the retirement applies to it: UNKNOWN (set TLS1_2). An explicit TLS1_0 or TLS1_1 fails whatever the date, and after it the "
		            "message names the retirement: unlike an unset value it is the account's own statement that it accepts the old version, the "
		            "retirement is Azure's (its date moved three times) and does not change the setting. TLS1_3: UNKNOWN, since the specification "
		            "lists it but says \"Minimum TLS version 1.3 version is not supported\" and Learn (Enforce a minimum required version of TLS) that "
		            "enforcing TLS 1.3 as the minimum \"isn't currently supported\", so what such an account requires is not documented. A value that "
		            "is not a string or not a known version: UNKNOWN.",
		.check = min_tls,
	},
	{
		.id = "AZA-STG-003", .title = "Anonymous blob access is disallowed on the storage account",
		.area = AZA_AREA_STORAGE, .level = 1, .severity = AZA_SEV_HIGH, PAAS_DATA, .types = STG,
		.checklist = "storage.no_anonymous_blob", .cis = "6.0.0:9.3.8 5.0.0:9.3.8",
		.rationale = "When the account allows it, any container can be switched to anonymous read, exposing its blobs to the internet.",
		.portal = "Storage account > Settings > Configuration > Allow Blob anonymous access: Disabled.",
		.cli = "az storage account update -g <rg> -n <account> --allow-blob-public-access false",
		.arm = "properties.allowBlobPublicAccess = false",
		.defaults = "Absent or null: an account that never set it permits anonymous access (Microsoft Learn, Remediate anonymous read access to "
		            "blob data: \"null or true\"), except where Azure's new default applies: false for accounts created after a phased rollout, "
		            "whatever the api-version, that began in August 2023, was rolled back that month and was expected complete by 5 December 2023 "
		            "(Azure CLI team, Azure/azure-cli#27014 and #27250; Azure/azure-powershell#22360; Learn gives no date for this property, unlike "
		            "cross-tenant replication's 15 December 2023). A deployed account is judged by properties.creationTime: created before 1 August "
		            "2023 FAIL, from 6 December 2023 PASS; created in between, without creationTime or with one that is not a date: UNKNOWN. A "
		            "template creates the account now: PASS from api-version 2023-01-01, whose specification gives false as the default (2022-09-01 "
		            "documents true); an earlier api-version or one known only at deployment: UNKNOWN. A value that is not a boolean: UNKNOWN. "
		            "FileStorage accounts hold Azure Files only (Microsoft Learn, Storage account overview: premium file shares): with no blob "
		            "service there is nothing to reach anonymously (NOT_APPLICABLE).",
		.check = blob_public_account,
	},
	{
		.id = "AZA-STG-004", .title = "No blob container allows anonymous access",
		.area = AZA_AREA_STORAGE, .level = 1, .severity = AZA_SEV_HIGH, PAAS_DATA,
		.types = STG "/blobServices/containers",
		.checklist = "storage.no_anonymous_blob logging.export_container_private",
		.rationale = "A container with Blob or Container access serves its data to anyone who knows or guesses the URL.",
		.portal = "Storage account > Data storage > Containers > select > Change access level: Private.",
		.cli = "az storage container set-permission --account-name <account> -n <container> --public-access off",
		.arm = "Microsoft.Storage/storageAccounts/blobServices/containers: properties.publicAccess = 'None'",
		.defaults = "A container whose account disallows anonymous access is not reachable anonymously whatever its own level (PASS, with the reason): "
		            "the account sets allowBlobPublicAccess false, or leaves it unset (absent or null) where AZA-STG-003 finds that the default is "
		            "false (a deployed account created from 6 December 2023, a template at api-version 2023-01-01 or later). A Blob or Container "
		            "level fails when the account sets it true or got the old default (created before 1 August 2023); "
		            "UNKNOWN when the account is not in the input (its switch may block the container), its default is undecided (created during the rollout, no creationTime or one that is not a date, a "
		            "template at an older api-version or one known only at deployment), its allowBlobPublicAccess is not a boolean, or it has no "
		            "properties. publicAccess None passes without reading the account; null means None; absent from a deployed container, not a "
		            "string or not None, Blob or Container: UNKNOWN unless the account blocks anonymous access.",
		.check = container_public,
	},
	{
		.id = "AZA-STG-005", .title = "Storage account default network access rule is Deny",
		.area = AZA_AREA_STORAGE, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = STG,
		.checklist = "storage.default_network_deny", .cis = "6.0.0:9.3.2.3 5.0.0:9.3.2.3",
		.rationale = "With default action Allow, the account accepts connections from any network; Deny limits it to selected networks and private endpoints.",
		.portal = "Storage account > Security + networking > Networking > Public network access: Enabled from selected virtual networks and IP addresses.",
		.cli = "az storage account update -g <rg> -n <account> --default-action Deny",
		.arm = "properties.networkAcls.defaultAction = 'Deny'",
		.defaults = "networkAcls or its defaultAction absent (or null) means defaultAction Allow (FAIL). publicNetworkAccess Disabled passes: there is no public endpoint at all. SecuredByPerimeter: a network security perimeter's inbound access rules (and its access mode) decide which networks reach the account: UNKNOWN; a publicNetworkAccess that is not a string or none of Enabled, Disabled and SecuredByPerimeter: UNKNOWN. With Deny, an IP rule of 65,536 public addresses or more (a /16, or an IPv6 /32: the threshold of the NSG and SQL firewall rules too) (or every address) opens the account to the internet at large (FAIL, as for Key Vault), and ipRules that cannot be read give UNKNOWN, as does networkAcls that is not an object.",
		.check = default_deny,
	},
	{
		.id = "AZA-STG-006", .title = "Storage account public network access is disabled",
		.area = AZA_AREA_STORAGE, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = STG,
		.checklist = "storage.default_network_deny", .cis = "6.0.0:9.3.2.2 5.0.0:9.3.2.2",
		.rationale = "Disabling the public endpoint leaves private endpoints as the only way in.",
		.portal = "Storage account > Security + networking > Networking > Public network access: Disabled.",
		.cli = "az storage account update -g <rg> -n <account> --public-network-access Disabled",
		.arm = "properties.publicNetworkAccess = 'Disabled'",
		.defaults = "Absent (or null) means not disabled (FAIL). SecuredByPerimeter is not Disabled (FAIL), as for SQL servers (AZA-SQL-012): the endpoint stays on and a network security perimeter's inbound access rules can admit public traffic. A value that is not a string, or another value: UNKNOWN.",
		.check = public_network,
	},
	{
		.id = "AZA-STG-007", .title = "Trusted Microsoft services may bypass the storage firewall",
		.area = AZA_AREA_STORAGE, .level = 2, .severity = AZA_SEV_LOW, PAAS_NET, .types = STG,
		.checklist = "storage.default_network_deny", .cis = "6.0.0:9.3.5 5.0.0:9.3.5",
		.rationale = "With a restrictive firewall, Azure services such as Backup, Monitor and Defender still need access; the AzureServices bypass grants it without opening the account.",
		.portal = "Storage account > Networking > Exceptions: Allow Azure services on the trusted services list.",
		.cli = "az storage account update -g <rg> -n <account> --bypass AzureServices",
		.arm = "properties.networkAcls.bypass contains 'AzureServices'",
		.defaults = "networkAcls or its bypass absent (or null): bypass defaults to AzureServices (PASS). 'None' or a list without AzureServices fails. networkAcls or bypass of another type: UNKNOWN.",
		.check = trusted_services,
	},
	{
		.id = "AZA-STG-008", .title = "Storage accounts use private endpoints",
		.area = AZA_AREA_STORAGE, .level = 2, .severity = AZA_SEV_LOW, PAAS_NET, .types = STG,
		.cis = "6.0.0:9.3.2.1 5.0.0:9.3.2.1",
		.rationale = "Private endpoints keep traffic to the account on the Microsoft backbone and inside your virtual network.",
		.portal = "Storage account > Networking > Private endpoint connections > + Private endpoint.",
		.cli = "az network private-endpoint create --group-id blob --private-connection-resource-id <account id> ...",
		.needs = PRIVATE_ENDPOINT,
		.arm = "Microsoft.Network/privateEndpoints with privateLinkServiceConnections to the account",
		.defaults = "Only connections whose state is Approved count. A template account has no connections before deployment: a Microsoft.Network/privateEndpoints resource of the same template whose privateLinkServiceConnections[].properties.privateLinkServiceId is the account's id counts (Azure approves it on creation; manualPrivateLinkServiceConnections do not count). A private endpoint whose target is only known at deployment makes the verdict UNKNOWN.",
		.check = private_endpoints,
	},
	{
		.id = "AZA-STG-009", .title = "Storage account key rotation reminders are set",
		.area = AZA_AREA_STORAGE, .level = 1, .severity = AZA_SEV_LOW, PAAS_ACC, .types = STG,
		.checklist = "storage.key_rotation", .cis = "6.0.0:9.3.1.1 5.0.0:9.3.1.1",
		.rationale = "A key expiration policy reminds owners to rotate keys and flags keys past the period.",
		.portal = "Storage account > Security + networking > Access keys > Set rotation reminder.",
		.cli = "az storage account update -g <rg> -n <account> --key-exp-days 90",
		.arm = "properties.keyPolicy.keyExpirationPeriodInDays = 90",
		.defaults = "The limit is key_max_age_days in the configuration (default 90). keyPolicy absent or null: no reminder (FAIL). The API requires "
		            "keyExpirationPeriodInDays in a keyPolicy (storage specification, KeyPolicy): a keyPolicy without it or with null, a keyPolicy that "
		            "is not an object or a period that is not a number: UNKNOWN.",
		.check = key_reminder,
	},
	{
		.id = "AZA-STG-010", .title = "Storage account access keys were regenerated recently",
		.area = AZA_AREA_STORAGE, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_ACC, .types = STG,
		.checklist = "storage.key_rotation", .cis = "6.0.0:9.3.1.2 5.0.0:9.3.1.2",
		.rationale = "An access key grants full control of the account; the longer it lives, the more places it has leaked to.",
		.portal = "Storage account > Security + networking > Access keys > Rotate key (key1, then key2).",
		.cli = "az storage account keys renew -g <rg> -n <account> --key key1",
		.arm = "Not a template property: rotate keys operationally.",
		.defaults = "Ages come from keyCreationTime.key1/key2 against the scan time; accounts without keyCreationTime give UNKNOWN. Accounts with shared key access disabled pass.",
		.check = key_age,
	},
	{
		.id = "AZA-STG-011", .title = "Shared key authorization is disabled on storage accounts",
		.area = AZA_AREA_STORAGE, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_ACC, .types = STG,
		.cis = "6.0.0:9.3.1.3 5.0.0:9.3.1.3",
		.rationale = "Account keys and SAS signed with them bypass Entra ID, conditional access and per-identity auditing.",
		.portal = "Storage account > Settings > Configuration > Allow storage account key access: Disabled.",
		.cli = "az storage account update -g <rg> -n <account> --allow-shared-key-access false",
		.arm = "properties.allowSharedKeyAccess = false",
		.defaults = "null or absent means shared key access is allowed (FAIL).",
		.check = shared_key,
	},
	{
		.id = "AZA-STG-012", .title = "Cross-tenant replication is disabled on storage accounts",
		.area = AZA_AREA_STORAGE, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_DATA, .types = STG,
		.cis = "6.0.0:9.3.7 5.0.0:9.3.7",
		.rationale = "Object replication to an account in another tenant can copy data out of your organisation's control.",
		.portal = "Storage account > Data management > Object replication > Advanced settings: uncheck Allow cross-tenant replication.",
		.cli = "az storage account update -g <rg> -n <account> --allow-cross-tenant-replication false",
		.arm = "properties.allowCrossTenantReplication = false",
		.defaults = "Absent or null: accounts created after 15 December 2023 do not permit cross-tenant replication; older accounts that never set it do "
		            "(Microsoft Learn, Prevent object replication across Microsoft Entra tenants: null or true permits it; \"not permitted by default for a "
		            "storage account created after Dec 15, 2023\"). A deployed account is judged by properties.creationTime: before 15 December 2023 FAIL, "
		            "from 16 December PASS; created on the 15th, without creationTime or with one that is not a date: UNKNOWN. A template creates the "
		            "account now: PASS from api-version 2023-01-01, whose specification gives false as the default for new accounts; an earlier "
		            "api-version (documented default true) or one known only at deployment: UNKNOWN. The setting governs object replication, which is "
		            "supported for general-purpose v2 and premium block blob accounts only, for block blobs only, and needs blob "
		            "versioning on both accounts (Microsoft Learn, Object replication for block blobs); an account with a hierarchical namespace "
		            "has no versioning (Microsoft Learn, Blob versioning; Blob Storage feature support in Azure Storage accounts). FileStorage, "
		            "Storage (general-purpose v1) and BlobStorage accounts, premium page blob accounts (StorageV2 with sku.name Premium_*) and "
		            "accounts with isHnsEnabled true cannot replicate objects to another tenant: NOT_APPLICABLE, whatever the setting.",
		.check = cross_tenant,
	},
	{
		.id = "AZA-STG-013", .title = "The portal defaults to Entra ID authorization for storage",
		.area = AZA_AREA_STORAGE, .level = 1, .severity = AZA_SEV_LOW, PAAS_ACC, .types = STG,
		.cis = "6.0.0:9.3.3.1 5.0.0:9.3.3.1",
		.rationale = "Defaulting to Entra ID makes portal data access follow RBAC and leave an identity in the logs instead of using the account key.",
		.portal = "Storage account > Settings > Configuration > Default to Microsoft Entra authorization in the Azure portal: Enabled.",
		.cli = "az storage account update -g <rg> -n <account> --set defaultToOAuthAuthentication=true",
		.arm = "properties.defaultToOAuthAuthentication = true",
		.defaults = "Absent or null means false (the specification: \"the default interpretation is false\"): FAIL, and the message says which of "
		            "the two it is. A value that is not a boolean: UNKNOWN.",
		.check = oauth_default,
	},
	{
		.id = "AZA-STG-014", .title = "Blob soft delete is enabled",
		.area = AZA_AREA_STORAGE, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_DATA, .types = STG,
		.needs = STG "/blobServices", .cis = "6.0.0:9.2.1 5.0.0:9.2.1",
		.rationale = "Soft delete lets you recover blobs deleted or overwritten by mistake or by an attacker.",
		.portal = "Storage account > Data management > Data protection > Enable soft delete for blobs.",
		.cli = "az storage account blob-service-properties update -g <rg> --account-name <account> --enable-delete-retention true --delete-retention-days 7",
		.arm = "Microsoft.Storage/storageAccounts/blobServices: properties.deleteRetentionPolicy.enabled = true, allowPermanentDelete = false",
		.defaults = "Read from the account's blobServices/default object; when it was not collected: UNKNOWN. Soft delete is on only when "
		            "deleteRetentionPolicy.enabled is true (the specification gives it no default): the policy absent or null, or its enabled absent, "
		            "null or false, fails, and the message says which. deleteRetentionPolicy.allowPermanentDelete true fails (soft-deleted versions "
		            "and snapshots can be purged at once); absent or null means false. A blobServices object without properties, or a policy, "
		            "enabled or allowPermanentDelete of another type: UNKNOWN. FileStorage accounts have no blob service (NOT_APPLICABLE).",
		.check = blob_soft_delete,
	},
	{
		.id = "AZA-STG-015", .title = "Container soft delete is enabled",
		.area = AZA_AREA_STORAGE, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_DATA, .types = STG,
		.needs = STG "/blobServices", .cis = "6.0.0:9.2.2 5.0.0:9.2.2",
		.rationale = "Container soft delete recovers whole containers deleted by mistake or maliciously.",
		.portal = "Storage account > Data management > Data protection > Enable soft delete for containers.",
		.cli = "az storage account blob-service-properties update -g <rg> --account-name <account> --enable-container-delete-retention true --container-delete-retention-days 7",
		.arm = "blobServices: properties.containerDeleteRetentionPolicy.enabled = true",
		.defaults = "Container soft delete is on only when containerDeleteRetentionPolicy.enabled is true (the specification gives it no default): "
		            "the policy absent or null, or its enabled absent, null or false, fails, and the message says which. blobServices not collected, "
		            "without properties, or the policy or its enabled of another type: UNKNOWN. FileStorage accounts have no blob service "
		            "(NOT_APPLICABLE).",
		.check = container_soft_delete,
	},
	{
		.id = "AZA-STG-016", .title = "Blob versioning is enabled",
		.area = AZA_AREA_STORAGE, .level = 2, .severity = AZA_SEV_LOW, PAAS_DATA, .types = STG,
		.needs = STG "/blobServices", .cis = "6.0.0:9.2.3 5.0.0:9.2.3",
		.rationale = "Versioning keeps previous versions of blobs so overwritten data can be restored.",
		.portal = "Storage account > Data management > Data protection > Enable versioning for blobs.",
		.cli = "az storage account blob-service-properties update -g <rg> --account-name <account> --enable-versioning true",
		.arm = "blobServices: properties.isVersioningEnabled = true",
		.defaults = "Absent or null means disabled (FAIL; the message says which). blobServices not collected, without properties, or the setting of another type: UNKNOWN. FileStorage accounts have no blob service (NOT_APPLICABLE). Accounts with a hierarchical namespace (isHnsEnabled, which NFS 3.0 and SFTP need) cannot enable versioning (Microsoft Learn, 'Blob versioning': not supported): NOT_APPLICABLE unless it is on. The same page makes versioning available for standard general-purpose v2, premium block blob (BlockBlobStorage) and legacy Blob storage (BlobStorage) accounts only: a general-purpose v1 account (kind Storage) and a premium page blob account (StorageV2 with sku.name Premium_*) cannot enable it either: NOT_APPLICABLE unless it is on.",
		.check = versioning,
	},
	{
		.id = "AZA-STG-017", .title = "File share soft delete is enabled",
		.area = AZA_AREA_STORAGE, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_DATA, .types = STG,
		.needs = STG "/fileServices", .cis = "6.0.0:9.1.1 5.0.0:9.1.1",
		.rationale = "Soft delete recovers file shares deleted by mistake or by ransomware.",
		.portal = "Storage account > Data storage > File shares > File share settings > Soft delete: Enabled.",
		.cli = "az storage account file-service-properties update -g <rg> --account-name <account> --enable-delete-retention true",
		.arm = "Microsoft.Storage/storageAccounts/fileServices: properties.shareDeleteRetentionPolicy.enabled = true",
		.defaults = "Share soft delete is on only when shareDeleteRetentionPolicy.enabled is true (the specification gives it no default): the "
		            "policy absent or null, or its enabled absent, null or false, fails, and the message says which. fileServices not collected, "
		            "without properties, or the policy or its enabled of another type: UNKNOWN. BlobStorage and BlockBlobStorage accounts have no "
		            "file service (NOT_APPLICABLE), nor has a premium page blob account. A general-purpose account (Storage or StorageV2) with a premium SKU (sku.name Premium_*) holds page blobs only: Azure Files, queues and tables are not supported there (Microsoft Learn, Storage account overview: premium page blobs).",
		.check = share_soft_delete,
	},
	{
		.id = "AZA-STG-018", .title = "SMB file shares require SMB 3.1.1",
		.area = AZA_AREA_STORAGE, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = STG,
		.needs = STG "/fileServices", .cis = "6.0.0:9.1.2 5.0.0:9.1.2",
		.rationale = "Older SMB dialects lack the integrity and encryption protections of 3.1.1.",
		.portal = "Storage account > File shares > File share settings > Security: Maximum security (or SMB versions: SMB 3.1.1 only).",
		.cli = "az storage account file-service-properties update -g <rg> --account-name <account> --versions SMB3.1.1",
		.arm = "fileServices: properties.protocolSettings.smb.versions = 'SMB3.1.1;'",
		.defaults = "Absent means every version is allowed (FAIL). fileServices not collected or without properties, or the setting not a string: UNKNOWN. BlobStorage, BlockBlobStorage and premium page blob accounts have no file service (NOT_APPLICABLE). A general-purpose account (Storage or StorageV2) with a premium SKU (sku.name Premium_*) holds page blobs only: Azure Files, queues and tables are not supported there (Microsoft Learn, Storage account overview: premium page blobs).",
		.check = smb_version,
	},
	{
		.id = "AZA-STG-019", .title = "SMB channel encryption is AES-256-GCM only",
		.area = AZA_AREA_STORAGE, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = STG,
		.needs = STG "/fileServices", .cis = "6.0.0:9.1.3 5.0.0:9.1.3",
		.rationale = "AES-128 variants are weaker; AES-256-GCM is the strongest channel encryption SMB offers.",
		.portal = "Storage account > File shares > File share settings > Security: SMB channel encryption AES-256-GCM.",
		.cli = "az storage account file-service-properties update -g <rg> --account-name <account> --channel-encryption AES-256-GCM",
		.arm = "fileServices: properties.protocolSettings.smb.channelEncryption = 'AES-256-GCM;'",
		.defaults = "Absent means every algorithm is allowed (FAIL). fileServices not collected or without properties, or the setting not a string: UNKNOWN. BlobStorage, BlockBlobStorage and premium page blob accounts have no file service (NOT_APPLICABLE). A general-purpose account (Storage or StorageV2) with a premium SKU (sku.name Premium_*) holds page blobs only: Azure Files, queues and tables are not supported there (Microsoft Learn, Storage account overview: premium page blobs).",
		.check = smb_encryption,
	},
	{
		.id = "AZA-STG-020", .title = "Storage logging records read, write and delete requests for blob, queue and table",
		.area = AZA_AREA_STORAGE, .level = 2, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_DATA, .models = AZA_PAAS,
		.types = STG, .needs = "Microsoft.Insights/diagnosticSettings",
		.checklist = "storage.analytics_logging",
		.rationale = "Without request logs there is no record of who read, changed or deleted data.",
		.portal = "Storage account > Monitoring > Diagnostic settings > blob, queue and table: add a setting with StorageRead, StorageWrite and StorageDelete.",
		.cli = "az monitor diagnostic-settings create --resource <account id>/queueServices/default -n audit --workspace <id> --logs '[{\"category\":\"StorageRead\",\"enabled\":true},{\"category\":\"StorageWrite\",\"enabled\":true},{\"category\":\"StorageDelete\",\"enabled\":true}]'",
		.arm = "Microsoft.Insights/diagnosticSettings on <account>/<service>Services/default with StorageRead, StorageWrite, StorageDelete",
		.defaults = "Either source proves logging, and they combine per service and request type: the categories that the service's diagnostic settings deliver (StorageRead, StorageWrite, StorageDelete, or all three with the allLogs category group), over all its settings that name a destination (workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId; an empty string is none), and what classic Storage Analytics logging from the data plane logs (logging.read, write and delete). A setting without a destination delivers nothing and proves nothing. A data-plane entry without a logging object, or whose read, write or delete is missing or not a boolean, does not say the request type is off: UNKNOWN unless another source logs it or another service is proven off. The audit category group proves none of the three: Microsoft defines it per resource type as logs of interactions with data or settings, documents no members for the storage services and may change them (Azure Monitor, Diagnostic settings: Category groups); a service whose only setting enables audit is UNKNOWN, even when classic logging is off. Only the account's own data-plane entry proves logging off (FAIL, for a request type no setting delivers); a service with neither proof nor its own data-plane entry is UNKNOWN, even when the scan holds data-plane facts of other accounts. BlobStorage, BlockBlobStorage and premium page blob accounts have only the blob service (queue and table are not judged); a general-purpose account (Storage or StorageV2) with a premium SKU (sku.name Premium_*) holds page blobs only: Azure Files, queues and tables are not supported there (Microsoft Learn, Storage account overview: premium page blobs); FileStorage accounts are NOT_APPLICABLE.",
		.check = analytics_logging,
	},
	{
		.id = "AZA-STG-021", .title = "Storage accounts use infrastructure (double) encryption",
		.area = AZA_AREA_STORAGE, .level = 2, .severity = AZA_SEV_LOW, PAAS_DATA, .types = STG,
		.rationale = "A second layer of encryption at the infrastructure level protects against a compromise of one algorithm or key.",
		.portal = "Set at creation: Storage account > Encryption > Enable infrastructure encryption.",
		.cli = "az storage account create ... --require-infrastructure-encryption true",
		.arm = "properties.encryption.requireInfrastructureEncryption = true (creation only)",
		.defaults = "Absent or null means false (infrastructure encryption is set only when the account is created): FAIL, and the message says "
		            "which of the two it is. A value that is not a boolean: UNKNOWN.",
		.check = infra_encryption,
	},
	{
		.id = "AZA-STG-022", .title = "Mission-critical storage accounts are geo-redundant",
		.area = AZA_AREA_STORAGE, .level = 2, .severity = AZA_SEV_LOW, PAAS_DATA, .types = STG,
		.cis = "6.0.0:9.3.11 5.0.0:9.3.11",
		.rationale = "Geo-redundant replication keeps three copies in a paired region so data survives a regional outage.",
		.portal = "Storage account > Data management > Redundancy: GRS, RA-GRS, GZRS or RA-GZRS.",
		.cli = "az storage account update -g <rg> -n <account> --sku Standard_GRS",
		.arm = "sku.name = 'Standard_GRS' (or *_RAGRS, *_GZRS, *_RAGZRS)",
		.defaults = "With critical_tag configured only tagged accounts are judged (others NOT_APPLICABLE); without it, every account. Resource Manager "
		            "always returns sku.name (a template must give it): absent, null, not a string, or sku not an object: UNKNOWN, saying which.",
		.check = geo_redundant,
	},
	{
		.id = "AZA-STG-023", .title = "Storage accounts carry a delete lock",
		.area = AZA_AREA_STORAGE, .level = 1, .severity = AZA_SEV_LOW, PAAS_DATA, .types = STG,
		.needs = "Microsoft.Authorization/locks", .cis = "6.0.0:9.3.9 5.0.0:9.3.9",
		.rationale = "A CanNotDelete lock stops an account (and all its data) being deleted by mistake or by a compromised identity.",
		.portal = "Storage account > Settings > Locks > Add: Lock type Delete.",
		.cli = "az lock create --name no-delete --lock-type CanNotDelete --resource <account id>",
		.arm = "Microsoft.Authorization/locks with scope the account, level CanNotDelete",
		.defaults = "Locks are inherited: one on the resource group or the subscription counts. CIS lists this as manual; azaudit reads the locks.",
		.check = delete_lock,
	},
	{
		.id = "AZA-STG-024", .title = "ReadOnly locks are considered for storage accounts",
		.area = AZA_AREA_STORAGE, .level = 2, .severity = AZA_SEV_INFO, PAAS_DATA, .types = STG,
		.cis = "6.0.0:9.3.10 5.0.0:9.3.10",
		.rationale = "A ReadOnly lock prevents configuration changes but also blocks list-keys and some data operations; whether it fits is a judgement call.",
		.manual = "For each storage account holding critical data, decide whether a ReadOnly lock is acceptable (it blocks listKeys and management writes). Portal: Storage account > Locks; record the decision.",
	},
};
const size_t aza_rules_storage_n = sizeof aza_rules_storage / sizeof aza_rules_storage[0];
