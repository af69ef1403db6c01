/*
 * services.c - rules for widely used PaaS services outside the nine areas:
 * Azure Cache for Redis (AZA-RDS-*), Event Hubs and Service Bus namespaces
 * (AZA-EVH-*, AZA-SBS-*, which share one shape and one set of checks) and
 * Azure AI services accounts (AZA-AIS-*), App Configuration stores
 * (AZA-APC-*), Azure AI Search services (AZA-SRH-*) and API Management
 * services (AZA-APM-*), Machine Learning workspaces (AZA-AML-*), data
 * factories (AZA-ADF-*) and Synapse Analytics workspaces (AZA-SYN-*).
 *
 * Each is read from its Resource Manager body (a GET or a Resource Graph
 * row; a template resource before deployment) and, for a cache's or a
 * Synapse workspace's firewall rules and a namespace's network rule set,
 * from those child resources (read per resource by the collector). A
 * template leaves out what it does not set, and absence then means the
 * API's default, named in each rule's .defaults with its source; a
 * property newer than the template's api-version may be ignored by Azure,
 * so a wanted value set at an older api-version is UNKNOWN, never PASS.
 */
#include "nsg.h"
#include "rule.h"

#include <string.h>

#define RDS "Microsoft.Cache/redis"
#define RDS_FW RDS "/firewallRules"
#define EVH "Microsoft.EventHub/namespaces"
#define SBS "Microsoft.ServiceBus/namespaces"
#define AIS "Microsoft.CognitiveServices/accounts"

/* The first stable redis api-version with disableAccessKeyAuthentication:
 * the 2023-08-01 schema has no such property, the 2024-03-01 one has it
 * (Azure/azure-rest-api-specs, specification/redis/.../stable/<version>). */
#define REDIS_KEYS_API "2024-03-01"
#define REDIS_PNA_API "2020-06-01"
/* Event Hubs and Service Bus namespaces: disableLocalAuth is in the stable
 * 2021-11-01 schema; minimumTlsVersion and the namespace's own
 * publicNetworkAccess first appear in the stable 2024-01-01 one (2021-11-01
 * has publicNetworkAccess only on the networkRuleSets child). */
#define MSG_LOCAL_AUTH_API "2021-11-01"
#define MSG_NS_API "2024-01-01"
/* The networkRuleSets child has publicNetworkAccess (and
 * trustedServiceAccessEnabled) from the stable 2021-11-01 schema; the
 * 2017-04-01 one has only defaultAction and the IP and virtual network
 * rules. */
#define MSG_RULE_SET_PNA_API "2021-11-01"
/* The rule set's defaultAction defaults to Allow from api-version
 * 2021-06-01-preview; before, to Deny, enforced only with IP or virtual
 * network rules (Microsoft Learn, the Event Hubs and Service Bus articles
 * "Allow access to ... from specific IP addresses or ranges", "Default
 * action and public network access"). */
#define MSG_DEFAULT_ALLOW_API "2021-06-01"
/* AI services accounts: disableLocalAuth is in the stable 2021-04-30
 * schema, not in the 2017-04-18 one before it. */
#define AI_LOCAL_AUTH_API "2021-04-30"
/* AI services accounts: networkAcls is in the stable 2017-04-18 schema as
 * revised in place (CognitiveServicesAccountProperties.networkAcls, a
 * NetworkRuleSet, in its latest revision), and in every later version; the
 * one before, 2016-02-01-preview, takes an empty properties object
 * (CognitiveServicesAccountPropertiesCreateParameters). */
#define AI_NETWORK_ACLS_API "2017-04-18"

/* publicNetworkAccess on AI services accounts: likewise in the stable
 * 2017-04-18 schema as revised in place (CognitiveServicesAccountProperties,
 * 'Enabled' or 'Disabled', in its latest revision of stable/2017-04-18/
 * cognitiveservices.json, Azure/azure-rest-api-specs) and every later
 * version; 2016-02-01-preview takes an empty properties object. */
#define AI_PNA_API "2017-04-18"

/* TLS 1.0 and 1.1 retirement, 00:00 UTC of the day (Unix time). Azure Cache
 * for Redis: 1 November 2024 (Microsoft Learn, "Remove TLS 1.0 and 1.1 from
 * use with Azure Cache for Redis": the service updates every cache's minimum
 * to 1.2). Event Hubs and Service Bus: 28 February 2025 (Microsoft Learn,
 * "Enforce a minimum required version of TLS": "The minimum TLS version will
 * be 1.2 for all ... deployments"). */
#define REDIS_TLS_RETIRED 1730419200.0
#define MSG_TLS_RETIRED 1740700800.0

/* A template sets a property first defined at api-version `since`: 1 when
 * its api-version is known and not older; otherwise reports UNKNOWN (`what`
 * names the setting) and returns 0. Deployed resources always return 1. */
static int api_has(aza_ev *ev, const aza_res *r, const char *what, const char *since)
{
	const char *why;
	if (!aza_api_predates(ev, r, since, &why))
		return 1;
	aza_unknown(ev, r, "%s but %s; deploy with a current api-version", what, why);
	return 0;
}

/* publicNetworkAccess Disabled: PASS saying `closed`, once the template's
 * api-version has the property when `since` is given. 1 when it was. */
static int pna_closed(aza_ev *ev, const aza_res *r, aza_pna p, const char *v, const char *since, const char *closed)
{
	if (p != AZA_PNA_DISABLED)
		return 0;
	if (!since || api_has(ev, r, aza_ev_fmt(ev, "publicNetworkAccess is %s", v), since))
		aza_pass(ev, r, "publicNetworkAccess is %s: %s", v, closed);
	return 1;
}

/* The public endpoint in front of a resource's network rules. NULL when it
 * decided the verdict: disabled (PASS saying `closed`, once the template's
 * api-version has the property when `since` is given), a perimeter
 * (UNKNOWN), or a value that could not be read; else the evidence that the
 * endpoint is open, for the network rules' message (*pp, when given, says
 * whether it was set or absent). */
static const char *public_gate(aza_ev *ev, const aza_res *r, const char *since, const char *closed, aza_pna *pp)
{
	const char *v = NULL;
	aza_pna p = aza_public_network_access(ev, r, &v);
	if (pp)
		*pp = p;
	if (p == AZA_PNA_JUDGED)
		return NULL;
	if (pna_closed(ev, r, p, v, since, closed))
		return NULL;
	if (p == AZA_PNA_PERIMETER) {
		aza_unknown(ev, r, "%s", AZA_PNA_PERIMETER_WHY);
		return NULL;
	}
	return p == AZA_PNA_ENABLED ? aza_ev_fmt(ev, "publicNetworkAccess is %s", v) : "publicNetworkAccess not set (Enabled)";
}

/* A boolean that, true, turns key or SAS authentication off (its default
 * false): PASS on true (at an api-version that has it), FAIL on false or
 * absent; `keys` names what stays usable otherwise. */
static void keys_off(aza_ev *ev, const aza_res *r, const char *prop, const char *since, const char *keys)
{
	int b, k = aza_prop_bool(ev, r, aza_ev_fmt(ev, "properties.%s", prop), &b);
	if (k < 0)
		aza_unknown(ev, r, "%s is not a boolean", prop);
	else if (!k || !b)
		aza_fail(ev, r, "%s is %s: %s authenticate requests outside Microsoft Entra ID", prop, k ? "false" : "not set (false)", keys);
	else if (!since || api_has(ev, r, aza_ev_fmt(ev, "%s is true", prop), since))
		aza_pass(ev, r, "%s is true: only Microsoft Entra ID identities are accepted, %s are refused", prop, keys);
}

/* ---- Azure Cache for Redis ---- */

static void redis_non_tls(aza_ev *ev, const aza_res *r)
{
	int b, k = aza_prop_bool(ev, r, "properties.enableNonSslPort", &b);
	if (k < 0)
		aza_unknown(ev, r, "enableNonSslPort is not a boolean");
	else if (k && b)
		aza_fail(ev, r, "enableNonSslPort is true: port 6379 accepts unencrypted connections, access key and data in clear text");
	else
		aza_pass(ev, r, "enableNonSslPort is %s: only the TLS port (6380) answers", k ? "false" : "not set (false)");
}

static void redis_min_tls(aza_ev *ev, const aza_res *r)
{
	const char *v = NULL;
	int k = aza_prop_str(ev, r, "properties.minimumTlsVersion", &v);
	if (k < 0) {
		aza_unknown(ev, r, "minimumTlsVersion is not a string");
		return;
	}
	int retired = aza_ev_now(ev) >= REDIS_TLS_RETIRED;
	if (!k) {
		/* New caches have defaulted to 1.2 since January 2020; the GET
		 * example (2024-11-01) returns no minimumTlsVersion, so a deployed
		 * cache without it may be one created before then with 1.0. */
		if (aza_is_template(r))
			aza_pass(ev, r, "minimumTlsVersion not set: a new cache gets 1.2 (the default since January 2020; 1.0 and 1.1 cannot be chosen since March 2024)");
		else if (retired)
			aza_pass(ev, r, "minimumTlsVersion not reported: Azure Cache for Redis retired TLS 1.0 and 1.1 for every cache on 1 November 2024");
		else
			aza_unknown(ev, r, "minimumTlsVersion not reported: a cache created before January 2020 without it accepts TLS 1.0 until the retirement on 1 November 2024");
		return;
	}
	if (aza__strieq(v, "1.2") || aza__strieq(v, "1.3"))
		aza_pass(ev, r, "minimumTlsVersion is %s", v);
	else if (aza__strieq(v, "1.0") || aza__strieq(v, "1.1"))
		aza_fail(ev, r, "minimumTlsVersion is %s: the cache's own minimum is TLS %s%s", v, v,
		         retired ? " (Azure Cache for Redis retired TLS 1.0 and 1.1 on 1 November 2024, which the setting does not show: set 1.2)" : "");
	else
		aza_unknown(ev, r, "minimumTlsVersion has an unexpected value '%s'", v);
}

/* A cache injected into a virtual network (Premium) has no public endpoint:
 * only the virtual network reaches it (Microsoft Learn, "Configure virtual
 * network support for a Premium Azure Cache for Redis instance"). 1 with
 * *why naming the subnet, 0 when the cache has no subnetId, -1 with UNKNOWN
 * reported. */
static int redis_injected(aza_ev *ev, const aza_res *r, const char **why)
{
	const char *sn = NULL;
	int ks = aza_prop_str(ev, r, "properties.subnetId", &sn);
	if (ks < 0) {
		aza_unknown(ev, r, "subnetId is %s", aza_unread_why(ev, r, "properties.subnetId"));
		return -1;
	}
	if (!ks || !*sn)
		return 0;
	const char *vn = aza__istrstr(sn, "/virtualNetworks/");
	int len = vn ? (int)strcspn(vn + 17, "/") : 1;
	*why = aza_ev_fmt(ev, "subnetId is set: the cache is injected into subnet %s of virtual network %.*s and has no public endpoint",
	                  aza_last_seg(sn), len, vn ? vn + 17 : "?");
	return 1;
}

/* redis_injected, with its verdict given: 1 when that decided. */
static int redis_injected_judged(aza_ev *ev, const aza_res *r)
{
	const char *why;
	int inj = redis_injected(ev, r, &why);
	if (inj > 0)
		aza_pass(ev, r, "%s", why);
	return inj != 0;
}

static void redis_public(aza_ev *ev, const aza_res *r)
{
	const char *why;
	if (redis_injected_judged(ev, r))
		return;
	/* publicNetworkAccess came with private endpoints: the stable 2019-07-01
	 * schema has neither, 2020-06-01 has both. */
	const char *pna = aza_json_str(aza_prop(ev, r, "properties.publicNetworkAccess"));
	if (pna && aza__strieq(pna, "Disabled") && aza_api_predates(ev, r, REDIS_PNA_API, &why)) {
		aza_unknown(ev, r, "publicNetworkAccess is Disabled but %s; deploy with a current api-version", why);
		return;
	}
	aza_public_network_disabled(ev, r, "it defaults to Enabled", "the cache answers on the internet (its firewall rules are judged by AZA-RDS-005)");
}

/* A service's IP firewall: child resources, each an IPv4 range from a start
 * to an end address, that allow-list its public endpoint. What no rule
 * means differs: a cache with none admits every address, a Synapse
 * workspace with none admits no one (its firewall denies by default). */
struct ip_fw {
	const char *child;       /* the rules' type */
	const char *start, *end; /* their range's properties, below "properties." */
	const char *what;        /* the resource, in messages: "cache" */
	int none_open;           /* no rule: every address may connect */
	int azure_rule;          /* 0.0.0.0-0.0.0.0 is the portal's "Allow Azure services" rule */
};

/* Rule f's range: two IPv4 addresses, the start not after the end. 1 with
 * *sp and the two strings set, 0 when the rule is not one. */
static int fw_range(aza_ev *ev, const aza_res *f, const struct ip_fw *w, const char **s, const char **e, aza_nsg_span *sp)
{
	*s = aza_json_str(aza_prop(ev, f, aza_ev_fmt(ev, "properties.%s", w->start)));
	*e = aza_json_str(aza_prop(ev, f, aza_ev_fmt(ev, "properties.%s", w->end)));
	aza_nsg_span a, b;
	if (!*s || !*e || strchr(*s, '/') || strchr(*e, '/') || !aza_nsg__prefix(*s, &a) || !aza_nsg__prefix(*e, &b) || a.v6 || b.v6 ||
	    a.lo != a.hi || b.lo != b.hi || a.lo > b.lo)
		return 0;
	*sp = (aza_nsg_span){a.lo, b.lo, 0};
	return 1;
}

/* The firewall rules of r, whose public endpoint is open (`pub` says why):
 * FAIL on the first rule that admits every address, the internet at large
 * (aza_nsg__fw_open), or
 * (w->azure_rule) every Azure service; UNKNOWN when a rule has no readable
 * range or the rules were not read; otherwise what no rule or the rules'
 * ranges admit. */
static void ip_firewall(aza_ev *ev, const aza_res *r, const char *pub, const struct ip_fw *w)
{
	const char *why, *unread = NULL;
	size_t n = 0;
	for (const aza_res *f = aza_inv_child(aza_ev_inv(ev), r->id, w->child); f; f = aza_inv_next_child(f, r->id)) {
		const char *s, *e;
		aza_nsg_span sp;
		n++;
		if (!fw_range(ev, f, w, &s, &e, &sp)) {
			unread = unread ? unread : aza_last_seg(f->name);
			continue;
		}
		int open = aza_nsg__fw_open(&sp);
		const char *admits = open == 2 ? "every address"
		                     : open    ? AZA_NSG_FW_WIDE
		                     : w->azure_rule && !sp.lo && !sp.hi
		                             ? "every Azure service, other customers' resources included ('Allow Azure services and resources')"
		                             : NULL;
		if (admits) {
			aza_fail(ev, r, "%s and firewall rule %s (%s-%s) admits %s", pub, aza_last_seg(f->name), s, e, admits);
			return;
		}
	}
	if (unread)
		aza_unknown(ev, r, "%s and firewall rule %s has no readable range (%s and %s IPv4 addresses, start not after end)", pub, unread,
		            w->start, w->end);
	else if (!n && !aza_ev_collected(ev, w->child, r, &why))
		aza_unknown(ev, r, "%s and its firewall rules are not known: %s", pub, why);
	else if (!n && w->none_open)
		aza_fail(ev, r, "%s and the %s has no firewall rule: every address may connect", pub, w->what);
	else if (!n)
		aza_pass(ev, r, "%s but the %s has no firewall rule: its firewall admits no address", pub, w->what);
	else
		aza_pass(ev, r, "%s but only the ranges of its %zu firewall rule%s may connect", pub, n, n == 1 ? "" : "s");
}

/* The firewall rules (the firewallRules child, startIP-endIP) are an
 * allow-list of the public endpoint: "If no firewall rules are set and
 * public access is not disabled, then all IP addresses are allowed to
 * access the cache" (Azure/PSRule.Rules.Azure, Azure.Redis.FirewallIPRange). */
static void redis_firewall(aza_ev *ev, const aza_res *r)
{
	static const struct ip_fw fw = {RDS_FW, "startIP", "endIP", "cache", 1, 0};
	if (redis_injected_judged(ev, r))
		return;
	const char *pub = public_gate(ev, r, REDIS_PNA_API, "the cache has no public endpoint, so no firewall rule admits the internet", NULL);
	if (pub)
		ip_firewall(ev, r, pub, &fw);
}

static void redis_keys(aza_ev *ev, const aza_res *r)
{
	keys_off(ev, r, "disableAccessKeyAuthentication", REDIS_KEYS_API, "the cache's access keys");
}

/* ---- Event Hubs and Service Bus namespaces ---- */

/* Which service a namespace rule runs for. */
struct msg {
	const char *name;   /* "Event Hubs" */
	const char *child;  /* the network rule set child type */
	/* The tiers where the rule set's rules do not restrict: Event Hubs
	 * has no IP firewall or virtual network rules in the Basic tier
	 * ("This feature isn't supported in the basic tier", Microsoft Learn,
	 * "Allow access to Azure Event Hubs namespaces from specific IP
	 * addresses or ranges"); Service Bus has virtual network rules
	 * (service endpoints) only in the Premium tier ("Private Endpoints
	 * and Service Endpoints are supported only in the premium tier",
	 * Microsoft Learn, "Allow access to Azure Service Bus namespace from
	 * specific IP addresses or ranges"). NULL: every tier. */
	const char *no_rules_tier;  /* no IP or virtual network rules */
	const char *vnet_only_tier; /* virtual network rules in this tier only */
};
static const struct msg MSG_EVH = {"Event Hubs", EVH "/networkRuleSets", "Basic", NULL};
static const struct msg MSG_SBS = {"Service Bus", SBS "/networkRuleSets", NULL, "Premium"};

static void msg_min_tls(aza_ev *ev, const aza_res *r, const struct msg *m)
{
	const char *v = NULL;
	int k = aza_prop_str(ev, r, "properties.minimumTlsVersion", &v);
	if (k < 0) {
		aza_unknown(ev, r, "minimumTlsVersion is not a string");
		return;
	}
	int retired = aza_ev_now(ev) >= MSG_TLS_RETIRED;
	if (!k) {
		if (!aza_is_template(r))
			aza_unknown(ev, r, "minimumTlsVersion is absent (Azure returns it from api-version %s): collected with an older api-version, or an incomplete export",
			            MSG_NS_API);
		else if (retired)
			aza_pass(ev, r, "minimumTlsVersion not set: %s retired TLS 1.0 and 1.1 on 28 February 2025 (1.2 is the minimum of every namespace)", m->name);
		else
			aza_fail(ev, r, "minimumTlsVersion not set: the namespace accepts TLS 1.0 and later");
		return;
	}
	if (aza__strieq(v, "1.2") || aza__strieq(v, "1.3")) {
		if (api_has(ev, r, aza_ev_fmt(ev, "minimumTlsVersion is %s", v), MSG_NS_API))
			aza_pass(ev, r, "minimumTlsVersion is %s", v);
	} else if (aza__strieq(v, "1.0") || aza__strieq(v, "1.1"))
		aza_fail(ev, r, "minimumTlsVersion is %s: the namespace's own minimum is TLS %s%s", v, v,
		         retired ? aza_ev_fmt(ev, " (%s retired TLS 1.0 and 1.1 on 28 February 2025, which the setting does not show: set 1.2)", m->name) : "");
	else
		aza_unknown(ev, r, "minimumTlsVersion has an unexpected value '%s'", v);
}

/* The template's network rule set child of namespace r, or NULL. */
static const aza_res *rule_set_child(aza_ev *ev, const aza_res *r, const struct msg *m)
{
	size_t n = strlen(r->id);
	for (const aza_res *c = aza_inv_first(aza_ev_inv(ev), m->child); c; c = c->next_of_type)
		if (aza__strnieq(c->id, r->id, n) && c->id[n] == '/')
			return c;
	return NULL;
}

/* The publicNetworkAccess of network rule set c of namespace r; Disabled
 * in a template at an api-version before the child had it is UNKNOWN
 * (reported, AZA_PNA_JUDGED). */
static aza_pna rule_set_pna(aza_ev *ev, const aza_res *r, const aza_res *c, const char **v)
{
	const char *why;
	aza_pna p = aza_public_network_access_of(ev, r, c, v);
	if (p == AZA_PNA_DISABLED && aza_api_predates(ev, c, MSG_RULE_SET_PNA_API, &why)) {
		aza_unknown(ev, r, "network rule set '%s' sets publicNetworkAccess Disabled but %s; deploy with a current api-version",
		            aza_last_seg(c->name), why);
		return AZA_PNA_JUDGED;
	}
	return p;
}

static void msg_public(aza_ev *ev, const aza_res *r, const struct msg *m)
{
	const char *v = NULL;
	aza_pna p = aza_public_network_access(ev, r, &v);
	if (p == AZA_PNA_JUDGED)
		return;
	if (p == AZA_PNA_DISABLED) {
		if (api_has(ev, r, "publicNetworkAccess is Disabled", MSG_NS_API))
			aza_pass(ev, r, "publicNetworkAccess is %s: the namespace is reachable only through private endpoints", v);
		return;
	}
	/* Templates (and api-versions before 2024-01-01) set it on the
	 * namespace's network rule set instead. */
	const aza_res *c = p == AZA_PNA_UNSET ? rule_set_child(ev, r, m) : NULL;
	const char *why;
	if (p == AZA_PNA_UNSET && !c && aza_inv_gap(aza_ev_inv(ev), m->child, r->id) && !aza_ev_collected(ev, m->child, r, &why)) {
		aza_unknown(ev, r, "publicNetworkAccess not set on the namespace, and its network rule set (which can set it) is not known: %s", why);
		return;
	}
	if (c) {
		aza_pna cp = rule_set_pna(ev, r, c, &v);
		if (cp == AZA_PNA_JUDGED)
			return;
		if (cp == AZA_PNA_DISABLED) {
			aza_pass(ev, r, "publicNetworkAccess not set on the namespace, and its network rule set '%s' sets it %s: the namespace is "
			                "reachable only through private endpoints",
			         aza_last_seg(c->name), v);
			return;
		}
	}
	aza_public_network_disabled(ev, r, "it defaults to Enabled", "the namespace answers on the internet to any holder of a valid key or token");
}

/* Reachable from every network: the public endpoint on and the network
 * rule set (defaultAction, IP and virtual network rules) admitting all. */
static void msg_network(aza_ev *ev, const aza_res *r, const struct msg *m)
{
	const char *why;
	aza_pna p;
	const char *pub = public_gate(ev, r, MSG_NS_API, "the namespace is reachable only through private endpoints", &p);
	if (!pub)
		return;
	const aza_res *c = rule_set_child(ev, r, m);
	if (!c) {
		if (!aza_ev_collected(ev, m->child, r, &why))
			aza_unknown(ev, r, "%s and its network rule set is not known: %s", pub, why);
		else if (!aza_is_template(r))
			aza_unknown(ev, r, "%s and the input holds no network rule set (networkRuleSets/default) of the namespace", pub);
		else
			aza_fail(ev, r, "%s and the template deploys no network rule set: every network may reach the namespace", pub);
		return;
	}
	const char *cn = aza_last_seg(c->name), *cv = NULL;
	aza_pna cp = rule_set_pna(ev, r, c, &cv);
	if (cp == AZA_PNA_JUDGED)
		return;
	if (cp == AZA_PNA_DISABLED && p == AZA_PNA_ENABLED) {
		aza_unknown(ev, r, "%s on the namespace but %s on its network rule set '%s': which applies is not documented", pub, cv, cn);
		return;
	}
	if (cp == AZA_PNA_DISABLED) {
		aza_pass(ev, r, "network rule set '%s' sets publicNetworkAccess %s: the namespace is reachable only through private endpoints", cn, cv);
		return;
	}
	if (cp == AZA_PNA_PERIMETER) {
		aza_unknown(ev, r, "network rule set '%s': %s", cn, AZA_PNA_PERIMETER_WHY);
		return;
	}
	const char *da = NULL;
	int kd = aza_prop_str(ev, c, "properties.defaultAction", &da);
	if (!kd && aza_is_template(c) && !aza_api_predates(ev, c, MSG_DEFAULT_ALLOW_API, &why)) {
		aza_fail(ev, r, "%s and network rule set '%s' defaultAction is not set (Allow from api-version 2021-06-01-preview): every network may "
		                "reach the namespace",
		         pub, cn);
		return;
	}
	if (!kd && aza_is_template(c)) {
		aza_unknown(ev, r, "%s and network rule set '%s' defaultAction is not set at api-version %s: its default is Allow from "
		                   "2021-06-01-preview, Deny (enforced only with IP or virtual network rules) before",
		            pub, cn, c->api_version);
		return;
	}
	if (kd < 0 || !kd) {
		aza_unknown(ev, r, "%s and network rule set '%s' defaultAction is %s", pub, cn, kd ? "not a string" : "not set (Azure returns it)");
		return;
	}
	if (aza__strieq(da, "Allow")) {
		aza_fail(ev, r, "%s and network rule set '%s' defaultAction is %s: every network may reach the namespace", pub, cn, da);
		return;
	}
	if (!aza__strieq(da, "Deny")) {
		aza_unknown(ev, r, "network rule set '%s' defaultAction has an unexpected value '%s' (Allow or Deny)", cn, da);
		return;
	}
	const char *open = NULL;
	int all = 0, k = aza_ip_rules_open_at(ev, c, "properties.ipRules", "ipMask", &open, &all);
	if (k < 0) {
		aza_unknown(ev, r, "%s and network rule set '%s' defaultAction is Deny but %s", pub, cn, open);
		return;
	}
	if (k) {
		aza_fail(ev, r, "%s and network rule set '%s' defaultAction is Deny but IP rule '%s' admits %s", pub, cn, open,
		         all ? "every address" : AZA_NSG_FW_WIDE);
		return;
	}
	const aza_json *vr = aza_prop(ev, c, "properties.virtualNetworkRules");
	if (vr && !aza_json_is(vr, AZA_JARR) && !aza_json_is(vr, AZA_JNULL)) {
		aza_unknown(ev, r, "network rule set '%s' virtualNetworkRules is not an array", cn);
		return;
	}
	size_t ni = aza_json_len(aza_prop(ev, c, "properties.ipRules")), nv = aza_json_len(vr);
	int trusted = 0;
	aza_prop_bool(ev, c, "properties.trustedServiceAccessEnabled", &trusted);
	if (!ni && !nv) {
		aza_fail(ev, r, "%s and network rule set '%s' defaultAction is Deny with no IP or virtual network rule: %s then accepts every network", pub,
		         cn, m->name);
		return;
	}
	/* Rules the namespace's tier does not have restrict nothing, and
	 * whether Azure refuses or ignores them is not documented: what would
	 * pass on them is UNKNOWN. */
	const char *sku = NULL;
	int ks = aza_prop_str(ev, r, "sku.name", &sku);
	int vnet_only = m->vnet_only_tier && !ni;
	if ((m->no_rules_tier || vnet_only) && ks < 0)
		aza_unknown(ev, r, "%s with network rule set '%s' defaultAction Deny, but sku.name is %s: %s", pub, cn,
		            aza_unread_why(ev, r, "sku.name"),
		            m->no_rules_tier ? aza_ev_fmt(ev, "the %s tier has no IP or virtual network rules", m->no_rules_tier)
		                             : aza_ev_fmt(ev, "virtual network rules apply only in the %s tier", m->vnet_only_tier));
	else if (m->no_rules_tier && ks > 0 && aza__strieq(sku, m->no_rules_tier))
		aza_unknown(ev, r, "%s with network rule set '%s' defaultAction Deny on a %s namespace: %s has no IP firewall or virtual network rules in "
		                   "the %s tier, so the rules do not restrict it as declared",
		            pub, cn, sku, m->name, m->no_rules_tier);
	else if (vnet_only && ks > 0 && !aza__strieq(sku, m->vnet_only_tier))
		aza_unknown(ev, r, "%s with network rule set '%s' defaultAction Deny and only virtual network rules (%zu) on a %s namespace: %s has "
		                   "virtual network rules only in the %s tier, so they do not restrict it as declared",
		            pub, cn, nv, sku, m->name, m->vnet_only_tier);
	else
		aza_pass(ev, r, "%s with network rule set '%s' defaultAction Deny (%zu IP rule%s, %zu virtual network rule%s%s)", pub, cn, ni,
		         ni == 1 ? "" : "s", nv, nv == 1 ? "" : "s", trusted ? "; trusted Microsoft services bypass it" : "");
}

static void msg_local_auth(aza_ev *ev, const aza_res *r)
{
	keys_off(ev, r, "disableLocalAuth", MSG_LOCAL_AUTH_API, "shared access signature (SAS) keys");
}

static void evh_min_tls(aza_ev *ev, const aza_res *r) { msg_min_tls(ev, r, &MSG_EVH); }
static void sbs_min_tls(aza_ev *ev, const aza_res *r) { msg_min_tls(ev, r, &MSG_SBS); }
static void evh_public(aza_ev *ev, const aza_res *r) { msg_public(ev, r, &MSG_EVH); }
static void sbs_public(aza_ev *ev, const aza_res *r) { msg_public(ev, r, &MSG_SBS); }
static void evh_network(aza_ev *ev, const aza_res *r) { msg_network(ev, r, &MSG_EVH); }
static void sbs_network(aza_ev *ev, const aza_res *r) { msg_network(ev, r, &MSG_SBS); }

/* ---- Azure AI services ---- */

static void ai_local_auth(aza_ev *ev, const aza_res *r)
{
	keys_off(ev, r, "disableLocalAuth", AI_LOCAL_AUTH_API, "the account's API keys");
}

/* Customer-managed keys: encryption.keySource Microsoft.KeyVault with the
 * key named in keyVaultProperties. The API gives Microsoft.KeyVault as the
 * default of keySource, yet an account without an encryption object uses
 * Microsoft-managed keys (Microsoft Learn, "Azure AI services encryption of
 * data at rest"), so an encryption object without keySource is UNKNOWN. */
static void ai_cmk(aza_ev *ev, const aza_res *r)
{
	if (aza_not_object(ev, r, "properties.encryption"))
		return;
	const aza_json *enc = aza_prop(ev, r, "properties.encryption");
	if (!enc || aza_json_is(enc, AZA_JNULL)) {
		aza_fail(ev, r, "no encryption settings: data at rest is encrypted with Microsoft-managed keys");
		return;
	}
	const char *ks = NULL;
	int k = aza_prop_str(ev, r, "properties.encryption.keySource", &ks);
	if (k < 0)
		aza_unknown(ev, r, "encryption.keySource is not a string");
	else if (!k)
		aza_unknown(ev, r, "encryption.keySource not set: the API names Microsoft.KeyVault as its default, but no key can apply without keyVaultProperties; set it explicitly");
	else if (aza__strieq(ks, "Microsoft.CognitiveServices"))
		aza_fail(ev, r, "encryption.keySource is %s: data at rest is encrypted with Microsoft-managed keys", ks);
	else if (!aza__strieq(ks, "Microsoft.KeyVault"))
		aza_unknown(ev, r, "encryption.keySource has an unexpected value '%s'", ks);
	else {
		const char *kn = NULL, *uri = NULL;
		int kk = aza_prop_str(ev, r, "properties.encryption.keyVaultProperties.keyName", &kn);
		int ku = aza_prop_str(ev, r, "properties.encryption.keyVaultProperties.keyVaultUri", &uri);
		if (kk > 0 && ku > 0 && *kn && *uri && aza_is_template(r))
			aza_unknown(ev, r, "encryption.keySource is %s with key %s, but Microsoft Learn says a new account is always created with Microsoft-managed keys "
			                   "(customer-managed keys are enabled afterwards) while the API's CreateAccount example sets one at creation: whether this "
			                   "deployment applies the key is not known",
			            ks, kn);
		else if (kk > 0 && ku > 0 && *kn && *uri)
			aza_pass(ev, r, "encryption.keySource is %s: key %s in %s", ks, kn, uri);
		else
			aza_unknown(ev, r, "encryption.keySource is %s but keyVaultProperties does not name a key (keyName and keyVaultUri)", ks);
	}
}

static void ai_network(aza_ev *ev, const aza_res *r)
{
	const char *pub = public_gate(ev, r, AI_PNA_API, "the account is reachable only through private endpoints", NULL);
	if (!pub)
		return;
	if (aza_not_object(ev, r, "properties.networkAcls"))
		return;
	const char *da = NULL;
	int kd = aza_prop_str(ev, r, "properties.networkAcls.defaultAction", &da);
	if (kd < 0)
		aza_unknown(ev, r, "networkAcls.defaultAction is not a string");
	else if (!kd || aza__strieq(da, "Allow"))
		aza_fail(ev, r, "%s and networkAcls.defaultAction is %s: every network may reach the account", pub, kd ? "Allow" : "not set (Allow)");
	else if (!aza__strieq(da, "Deny"))
		aza_unknown(ev, r, "networkAcls.defaultAction has an unexpected value '%s'", da);
	else if (!aza_deny_ip_rules_open(ev, r) && api_has(ev, r, "networkAcls.defaultAction is Deny", AI_NETWORK_ACLS_API))
		aza_pass(ev, r, "%s with networkAcls.defaultAction Deny (%zu IP rule%s, %zu virtual network rule%s)", pub,
		         aza_json_len(aza_prop(ev, r, "properties.networkAcls.ipRules")),
		         aza_json_len(aza_prop(ev, r, "properties.networkAcls.ipRules")) == 1 ? "" : "s",
		         aza_json_len(aza_prop(ev, r, "properties.networkAcls.virtualNetworkRules")),
		         aza_json_len(aza_prop(ev, r, "properties.networkAcls.virtualNetworkRules")) == 1 ? "" : "s");
}

/* ==== App Configuration stores, AI Search services, API Management ==== */

#define APC "Microsoft.AppConfiguration/configurationStores"
#define SRH "Microsoft.Search/searchServices"
#define APM "Microsoft.ApiManagement/service"

/* App Configuration stores: publicNetworkAccess and encryption
 * (keyVaultProperties.keyIdentifier) are in the stable 2020-06-01 schema,
 * not in the 2019-10-01 one; disableLocalAuth and enablePurgeProtection
 * first appear in the stable 2022-05-01 one (the 2020-06-01 schema has
 * neither). */
#define APC_PNA_API "2020-06-01"
#define APC_CMK_API "2020-06-01"
#define APC_API "2022-05-01"
/* AI Search services: publicNetworkAccess and networkRuleSet are in the
 * stable 2020-03-13 schema; disableLocalAuth, authOptions and
 * encryptionWithCmk in the stable 2022-09-01 one (its examples
 * SearchUpdateServiceDisableLocalAuth and
 * SearchCreateOrUpdateServiceWithCmkEnforcement), not in 2020-08-01. */
#define SRH_PNA_API "2020-03-13"
#define SRH_API "2022-09-01"
/* API Management: publicNetworkAccess first in the stable 2021-08-01
 * schema (the 2020-12-01 one has no such property). */
#define APM_PNA_API "2021-08-01"
/* API Management: virtualNetworkType first in the stable 2017-03-01 schema
 * (apimdeployment.json); the 2016-07-07 and 2016-10-10 ones name the
 * setting vpnType (ApiManagementServiceProperties.vpnType: None, External
 * or Internal, default None; the 2016-10-10 ManageDeployment example
 * returns it), so a template at those api-versions sends a property they
 * do not define, and its vpnType is read instead. */
#define APM_VNET_TYPE_API "2017-03-01"
/* vpnType itself: the stable 2016-07-07 schema is the first the REST
 * specifications hold for the service. */
#define APM_VPN_TYPE_API "2016-07-07"
/* The protocol and cipher settings of customProperties default to True
 * (enabled) for a service created on or before 1 April 2018 and to False
 * after (service API, customProperties): 2018-04-02T00:00:00Z. */
#define APM_OLD_DEFAULTS_UNTIL 1522627200.0

/* The Approved entries of properties.privateEndpointConnections: their
 * number, or -1 (UNKNOWN reported) when the list is not an array; *other
 * gets the pending, rejected or disconnected ones. */
static long approved_endpoints(aza_ev *ev, const aza_res *r, long *other)
{
	const aza_json *pe = aza_prop(ev, r, "properties.privateEndpointConnections");
	long n = 0;
	*other = 0;
	if (pe && !aza_json_is(pe, AZA_JARR) && !aza_json_is(pe, AZA_JNULL)) {
		aza_unknown(ev, r, "privateEndpointConnections is not an array");
		return -1;
	}
	aza_json_each(c, pe) {
		const char *st = aza_json_str(aza_json_path(c, "properties.privateLinkServiceConnectionState.status"));
		if (st && aza__strieq(st, "Approved"))
			n++;
		else
			(*other)++;
	}
	return n;
}

/* ---- App Configuration stores ---- */

static void apc_local_auth(aza_ev *ev, const aza_res *r)
{
	keys_off(ev, r, "disableLocalAuth", APC_API, "the store's access keys (connection strings)");
}

/* publicNetworkAccess unset is the portal's "Automatic": public access is on
 * until a private endpoint is created, then App Configuration turns it off
 * (Microsoft Learn, "Network security for Azure App Configuration"). */
static void apc_public(aza_ev *ev, const aza_res *r)
{
	const char *v = NULL;
	aza_pna p = aza_public_network_access(ev, r, &v);
	if (p == AZA_PNA_JUDGED)
		return;
	if (p == AZA_PNA_DISABLED) {
		if (api_has(ev, r, "publicNetworkAccess is Disabled", APC_PNA_API))
			aza_pass(ev, r, "publicNetworkAccess is %s: the store is reachable only through private endpoints", v);
		return;
	}
	if (p != AZA_PNA_UNSET) {
		aza_public_network_disabled(ev, r, NULL, "every network may reach the store with a valid key or token");
		return;
	}
	if (aza_is_template(r)) {
		const aza_res *pe = aza_template_endpoint(ev, r);
		if (pe)
			aza_unknown(ev, r, "publicNetworkAccess not set (Automatic): public access ends once private endpoint '%s' of the template connects, which "
			                   "only the deployment shows; set Disabled",
			            pe->name);
		else
			aza_fail(ev, r, "publicNetworkAccess not set (Automatic) and no private endpoint of the template connects to the store: it is reachable "
			                "from every network");
		return;
	}
	long other, n = approved_endpoints(ev, r, &other);
	if (n < 0)
		return;
	if (n > 0)
		aza_pass(ev, r, "publicNetworkAccess not set (Automatic) with %ld approved private endpoint connection%s: App Configuration turns public "
		                "access off once a private endpoint exists",
		         n, n == 1 ? "" : "s");
	else if (other > 0)
		aza_unknown(ev, r, "publicNetworkAccess not set (Automatic) and %ld private endpoint connection%s not approved: whether Automatic has "
		                   "turned public access off is not known; set Disabled",
		            other, other == 1 ? " is" : "s are");
	else
		aza_fail(ev, r, "publicNetworkAccess not set (Automatic) and no private endpoint connection: the store is reachable from every network");
}

/* Soft delete, and so purge protection, exists only in the Standard and
 * Premium tiers ("automatically enabled for all stores in the Standard and
 * Premium tiers", Microsoft Learn, "Soft delete in Azure App Configuration"):
 * the Free and Developer tiers have neither. */
static int apc_no_soft_delete(int ks, const char *sku)
{
	return ks > 0 && (aza__strieq(sku, "Free") || aza__strieq(sku, "Developer"));
}

static void apc_purge(aza_ev *ev, const aza_res *r)
{
	const char *sku = NULL;
	int ks = aza_prop_str(ev, r, "sku.name", &sku);
	int b, k = aza_prop_bool(ev, r, "properties.enablePurgeProtection", &b);
	if (k < 0)
		aza_unknown(ev, r, "enablePurgeProtection is not a boolean");
	else if (k && b && apc_no_soft_delete(ks, sku))
		/* Without soft delete there is no purge protection: the value
		 * does not protect the store as declared. */
		aza_unknown(ev, r, "enablePurgeProtection is true on a %s-tier store, which has no soft delete or purge protection: whether Azure refuses or "
		                   "ignores the setting is not documented",
		            sku);
	else if (k && b) {
		double days = 7;
		int kd = aza_prop_num(ev, r, "properties.softDeleteRetentionInDays", &days);
		if (api_has(ev, r, "enablePurgeProtection is true", APC_API))
			aza_pass(ev, r, "enablePurgeProtection is true: a deleted store stays recoverable for its %g-day retention period%s", days,
			         kd > 0 ? "" : " (softDeleteRetentionInDays not set: 7 days)");
	} else if (apc_no_soft_delete(ks, sku))
		aza_fail(ev, r, "the store is on the %s tier, which has no soft delete or purge protection: a deleted store and its settings are gone at once",
		         sku);
	else
		aza_fail(ev, r, "enablePurgeProtection is %s: a deleted store can be purged before its retention period ends", k ? "false" : "not set (false)");
}

/* Customer-managed keys: encryption.keyVaultProperties.keyIdentifier names
 * the key; without it the store's data is encrypted with Microsoft-managed
 * keys (Microsoft Learn, "Use customer-managed keys to encrypt your App
 * Configuration data"). The same page requires "a Standard or Premium tier
 * Azure App Configuration instance": the Free and Developer tiers have no
 * customer-managed key encryption. */
static int apc_no_cmk(int ks, const char *sku)
{
	return ks > 0 && (aza__strieq(sku, "Free") || aza__strieq(sku, "Developer"));
}

static void apc_cmk(aza_ev *ev, const aza_res *r)
{
	if (aza_not_object(ev, r, "properties.encryption") || aza_not_object(ev, r, "properties.encryption.keyVaultProperties"))
		return;
	const char *kid = NULL, *sku = NULL, *cid = NULL;
	int k = aza_prop_str(ev, r, "properties.encryption.keyVaultProperties.keyIdentifier", &kid);
	int ks = aza_prop_str(ev, r, "sku.name", &sku);
	if (k < 0)
		aza_unknown(ev, r, "encryption.keyVaultProperties.keyIdentifier is not a string");
	else if (k && *kid && apc_no_cmk(ks, sku))
		/* A tier without customer-managed key encryption: the key does
		 * not encrypt the store as declared. */
		aza_unknown(ev, r, "encryption.keyVaultProperties.keyIdentifier is set on a %s-tier store, which has no customer-managed key encryption: "
		                   "whether Azure refuses or ignores the key is not documented",
		            sku);
	else if (k && *kid) {
		int kc = aza_prop_str(ev, r, "properties.encryption.keyVaultProperties.identityClientId", &cid);
		if (api_has(ev, r, "encryption.keyVaultProperties.keyIdentifier is set", APC_CMK_API))
			aza_pass(ev, r, "encryption.keyVaultProperties.keyIdentifier is %s: the store's data is encrypted with that customer-managed key "
			                "(read with %s)",
			         kid, kc > 0 && *cid ? aza_ev_fmt(ev, "user-assigned identity %s", cid) : "the system-assigned identity");
	} else if (apc_no_cmk(ks, sku))
		aza_fail(ev, r, "the store is on the %s tier, which has no customer-managed key encryption: its data is encrypted with Microsoft-managed keys",
		         sku);
	else
		aza_fail(ev, r, "encryption.keyVaultProperties.keyIdentifier is %s: the store's data is encrypted with Microsoft-managed keys",
		         k ? "empty" : "not set");
}

/* ---- AI Search services ---- */

static void srh_local_auth(aza_ev *ev, const aza_res *r)
{
	int b, k = aza_prop_bool(ev, r, "properties.disableLocalAuth", &b);
	if (k < 0) {
		aza_unknown(ev, r, "disableLocalAuth is not a boolean");
		return;
	}
	if (k && b) {
		if (api_has(ev, r, "disableLocalAuth is true", SRH_API))
			aza_pass(ev, r, "disableLocalAuth is true: only Microsoft Entra ID tokens (with a role) are accepted, the admin and query API keys are refused");
		return;
	}
	/* authOptions says which of the two key-accepting modes is on. */
	const char *mode = "API keys";
	if (aza_prop(ev, r, "properties.authOptions.aadOrApiKey"))
		mode = "API keys or Microsoft Entra ID tokens (authOptions aadOrApiKey)";
	else if (aza_prop(ev, r, "properties.authOptions.apiKeyOnly"))
		mode = "only API keys (authOptions apiKeyOnly)";
	aza_fail(ev, r, "disableLocalAuth is %s: the service accepts %s, and an admin key has full control of its content", k ? "false" : "not set", mode);
}

static void srh_network(aza_ev *ev, const aza_res *r)
{
	const char *pub = public_gate(ev, r, SRH_PNA_API, "the service is reachable only through private endpoints", NULL);
	if (!pub)
		return;
	if (aza_not_object(ev, r, "properties.networkRuleSet"))
		return;
	const aza_json *rules = aza_prop(ev, r, "properties.networkRuleSet.ipRules");
	const char *open = NULL, *sku = NULL;
	int ks, all = 0, k = aza_ip_rules_open(ev, r, "properties.networkRuleSet.ipRules", &open, &all);
	size_t n = aza_json_len(rules);
	if (k < 0)
		aza_unknown(ev, r, "%s and %s", pub, open);
	else if (k)
		aza_fail(ev, r, "%s and IP rule '%s' admits %s", pub, open, all ? "every address" : AZA_NSG_FW_WIDE);
	else if (!n)
		aza_fail(ev, r, "%s and networkRuleSet has no IP rule: every network may reach the service", pub);
	else if ((ks = aza_prop_str(ev, r, "sku.name", &sku)) < 0)
		aza_unknown(ev, r, "%s with %zu IP rule%s, but sku.name is %s: the Free tier has no IP firewall", pub, n, n == 1 ? "" : "s",
		            aza_unread_why(ev, r, "sku.name"));
	else if (ks && aza__strieq(sku, "free"))
		aza_unknown(ev, r, "%s with %zu IP rule%s on a %s service: network rules exist from the Basic tier up, so they do not restrict a Free "
		                   "service as declared (whether Azure refuses or ignores them is not documented)",
		            pub, n, n == 1 ? "" : "s", sku);
	else if (api_has(ev, r, aza_ev_fmt(ev, "networkRuleSet lists %zu IP rule%s", n, n == 1 ? "" : "s"), SRH_PNA_API)) {
		/* bypass admits trusted Azure services (or, in previews, the
		 * portal) past the IP rules: Microsoft's services, not the
		 * internet, so it is named, not judged. */
		const char *by = aza_json_str(aza_prop(ev, r, "properties.networkRuleSet.bypass"));
		aza_pass(ev, r, "%s but only the %zu IP rule%s of networkRuleSet may reach it%s", pub, n, n == 1 ? "" : "s",
		         by && !aza__strieq(by, "None") ? aza_ev_fmt(ev, " (bypass %s: those Azure sources pass the rules too)", by) : "");
	}
}

static void srh_cmk(aza_ev *ev, const aza_res *r)
{
	if (aza_not_object(ev, r, "properties.encryptionWithCmk"))
		return;
	const char *e = NULL;
	int k = aza_prop_str(ev, r, "properties.encryptionWithCmk.enforcement", &e);
	if (k < 0) {
		aza_unknown(ev, r, "encryptionWithCmk.enforcement is not a string");
		return;
	}
	if (!k || aza__strieq(e, "Unspecified") || aza__strieq(e, "Disabled")) {
		aza_fail(ev, r, "encryptionWithCmk.enforcement is %s: indexes, synonym maps and other objects may be stored without a customer-managed key",
		         k ? e : "not set (Unspecified, as Disabled)");
		return;
	}
	if (!aza__strieq(e, "Enabled")) {
		aza_unknown(ev, r, "encryptionWithCmk.enforcement has an unexpected value '%s' (Enabled, Disabled or Unspecified)", e);
		return;
	}
	if (aza_is_template(r)) {
		/* A new service holds no object yet, so the template's setting is
		 * the only evidence; customer-managed keys need a billable tier
		 * (Basic or above), so on a Free service it is none. */
		const char *sku = NULL;
		int ks = aza_prop_str(ev, r, "sku.name", &sku);
		if (ks < 0)
			aza_unknown(ev, r, "encryptionWithCmk.enforcement is Enabled, but sku.name is %s: the Free tier has no customer-managed key encryption",
			            aza_unread_why(ev, r, "sku.name"));
		else if (ks && aza__strieq(sku, "free"))
			aza_unknown(ev, r, "encryptionWithCmk.enforcement is Enabled on a %s service, which cannot use customer-managed keys (Basic tier or "
			                   "above): whether Azure refuses or ignores the setting is not documented",
			            sku);
		else if (api_has(ev, r, "encryptionWithCmk.enforcement is Enabled", SRH_API))
			aza_pass(ev, r, "encryptionWithCmk.enforcement is Enabled: the service is marked non-compliant while an index or other object is not encrypted with a customer-managed key (the API's SearchEncryptionWithCmk: Enabled)");
		return;
	}
	const char *st = NULL;
	int ks = aza_prop_str(ev, r, "properties.encryptionWithCmk.encryptionComplianceStatus", &st);
	if (ks > 0 && aza__strieq(st, "Compliant"))
		aza_pass(ev, r, "encryptionWithCmk.enforcement is Enabled and encryptionComplianceStatus is %s: every object is encrypted with a customer-managed key", st);
	else if (ks > 0 && aza__strieq(st, "NonCompliant"))
		aza_fail(ev, r, "encryptionWithCmk.enforcement is Enabled but encryptionComplianceStatus is %s: the service holds objects that are "
		                "not encrypted with a customer-managed key",
		         st);
	else if (ks > 0)
		aza_unknown(ev, r, "encryptionWithCmk.encryptionComplianceStatus has an unexpected value '%s' (Compliant or NonCompliant)", st);
	else
		aza_unknown(ev, r, "encryptionWithCmk.enforcement is Enabled but encryptionComplianceStatus is %s: whether existing objects use a "
		                   "customer-managed key is not known",
		            ks < 0 ? "not a string" : "not reported");
}

/* ---- API Management ---- */

/* The customProperties settings that, true, keep an old protocol or cipher
 * on: the gateway's client side and its connections to backends. */
static const struct {
	const char *key;
	const char *what;
} APM_OLD[] = {
	{"Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Ssl30", "SSL 3.0 from clients"},
	{"Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10", "TLS 1.0 from clients"},
	{"Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls11", "TLS 1.1 from clients"},
	{"Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Ssl30", "SSL 3.0 to backends"},
	{"Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls10", "TLS 1.0 to backends"},
	{"Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls11", "TLS 1.1 to backends"},
	{"Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Ciphers.TripleDes168", "the 3DES cipher (TLS_RSA_WITH_3DES_EDE_CBC_SHA)"},
};

/* What an unset setting defaults to: 1 (on) for a service created on or
 * before 1 April 2018, 0 after or in a template (a new service), -1 when
 * the creation date is not known (*why says so). */
static int apm_old_default(aza_ev *ev, const aza_res *r, const char **why)
{
	if (aza_is_template(r)) {
		*why = "a new service gets False";
		return 0;
	}
	const aza_json *ct = aza_prop(ev, r, "properties.createdAtUtc");
	const char *cts = aza_json_str(ct);
	double d;
	if (!cts || !aza_ev_days_until(ev, ct, &d)) {
		*why = ct && !aza_json_is(ct, AZA_JNULL) ? "createdAtUtc is not a date" : "the service has no createdAtUtc";
		return -1;
	}
	if (aza_ev_now(ev) + d * 86400.0 < APM_OLD_DEFAULTS_UNTIL) {
		*why = aza_ev_fmt(ev, "the service was created %.10s, on or before 1 April 2018, so it defaults to True", cts);
		return 1;
	}
	*why = aza_ev_fmt(ev, "the service was created %.10s, after 1 April 2018, so it defaults to False", cts);
	return 0;
}

/* The tiers whose defaults cannot be changed: "The following tiers don't
 * support changes to the default cipher configuration: Consumption, Basic
 * v2, Standard v2, Premium v2" (Microsoft Learn, "Manage protocols and
 * ciphers in Azure API Management"), with no word on which protocols they
 * accept; sku.name as the service API spells them. */
static const char *const APM_FIXED_TIERS[] = {"Consumption", "BasicV2", "StandardV2", "PremiumV2"};

static void apm_tls(aza_ev *ev, const aza_res *r)
{
	if (aza_not_object(ev, r, "properties.customProperties"))
		return;
	const aza_json *cp = aza_prop(ev, r, "properties.customProperties");
	const size_t n = sizeof APM_OLD / sizeof APM_OLD[0];
	const char *on = NULL, *unset = NULL;
	size_t nunset = 0;
	for (size_t i = 0; i < n; i++) {
		const aza_json *v = aza_json_is(cp, AZA_JOBJ) ? aza_json_get(cp, APM_OLD[i].key) : NULL;
		int b;
		if (!v || aza_json_is(v, AZA_JNULL)) {
			unset = unset ? aza_ev_fmt(ev, "%s, %s", unset, APM_OLD[i].what) : APM_OLD[i].what;
			nunset++;
			continue;
		}
		/* The API's values are the strings "True"/"False"; a boolean reads the same. */
		if (!aza_json_bool(v, &b)) {
			aza_unknown(ev, r, "customProperties '%s' is %s, not \"true\" or \"false\"", APM_OLD[i].key,
			            aza_json_is(v, AZA_JUNKNOWN) ? "only known at deployment" : "another value");
			return;
		}
		if (b)
			on = on ? aza_ev_fmt(ev, "%s, %s", on, APM_OLD[i].what) : APM_OLD[i].what;
	}
	const char *why = NULL, *sku = NULL;
	int def = nunset ? apm_old_default(ev, r, &why) : 0;
	int ks = aza_prop_str(ev, r, "sku.name", &sku), fixed = 0;
	for (size_t i = 0; ks == 1 && i < sizeof APM_FIXED_TIERS / sizeof APM_FIXED_TIERS[0]; i++)
		fixed |= aza__strieq(sku, APM_FIXED_TIERS[i]);
	if (on && def == 1)
		aza_fail(ev, r, "customProperties turn on %s, and leave unset %s: %s", on, unset, why);
	else if (on)
		aza_fail(ev, r, "customProperties turn on %s", on);
	else if (fixed)
		aza_unknown(ev, r, "sku.name is %s, a tier that does not support changes to the default protocol and cipher configuration: its "
		                   "customProperties are not evidence of what the gateway offers, and Microsoft Learn does not say which protocols "
		                   "and ciphers the tier accepts",
		            sku);
	else if (def == 1)
		aza_fail(ev, r, "customProperties leave unset %s: %s", unset, why);
	else if (def < 0)
		aza_unknown(ev, r, "customProperties leave unset %s and %s: unset they are on for a service created on or before 1 April 2018", unset, why);
	else if (ks != 1)
		aza_unknown(ev, r, "customProperties turn nothing on, but sku.name is %s: on the Consumption and v2 tiers customProperties do not decide "
		                   "the protocols and ciphers",
		            ks ? aza_unread_why(ev, r, "sku.name") : "absent");
	else if (nunset)
		aza_pass(ev, r, "SSL 3.0, TLS 1.0, TLS 1.1 and 3DES are off: %zu setting%s False, %zu not set (%s)", n - nunset, n - nunset == 1 ? "" : "s",
		         nunset, why);
	else
		aza_pass(ev, r, "SSL 3.0, TLS 1.0, TLS 1.1 and 3DES are off: customProperties sets all %zu settings to False", n);
}

/* A template at 2016-07-07 or 2016-10-10 names the setting vpnType (None,
 * External or Internal, default None: apimdeployment.json of those
 * versions): Internal passes there as virtualNetworkType does later. At an
 * api-version only known at deployment it may be either name, so vpnType
 * Internal is UNKNOWN, as it is before 2016-07-07; from 2017-03-01 vpnType
 * is not defined and is not read. 1 when the verdict was given; `old` is
 * set to the vpnType value to name when the FAIL rests on it. */
static int apm_vpn_type(aza_ev *ev, const aza_res *r, const char **old)
{
	const char *vt = NULL;
	int unknown = aza_api_version_unknown(r);
	*old = NULL;
	if (!aza_is_template(r) || (!unknown && strcmp(r->api_version, APM_VNET_TYPE_API) >= 0))
		return 0;
	int k = aza_prop_str(ev, r, "properties.vpnType", &vt);
	if (k < 0) {
		aza_unknown(ev, r, "vpnType is %s", aza_unread_why(ev, r, "properties.vpnType"));
		return 1;
	}
	if (!k)
		return 0;
	if (!aza__strieq(vt, "None") && !aza__strieq(vt, "External") && !aza__strieq(vt, "Internal")) {
		aza_unknown(ev, r, "vpnType has an unexpected value '%s' (None, External or Internal)", vt);
		return 1;
	}
	if (unknown) {
		if (aza__strieq(vt, "Internal")) {
			aza_unknown(ev, r, "vpnType is %s, the setting's name before api-version %s, but the api-version, %s, is only known at deployment",
			            vt, APM_VNET_TYPE_API, r->api_version);
			return 1;
		}
		return 0;
	}
	const char *why;
	if (aza__strieq(vt, "Internal") && aza_api_predates(ev, r, APM_VPN_TYPE_API, &why)) {
		aza_unknown(ev, r, "vpnType is %s, but %s; deploy with a current api-version", vt, why);
		return 1;
	}
	if (aza__strieq(vt, "Internal")) {
		aza_pass(ev, r, "vpnType is %s (the name of virtualNetworkType before api-version %s): the gateway and portals have only private "
		                "addresses in the virtual network",
		         vt, APM_VNET_TYPE_API);
		return 1;
	}
	*old = vt;
	return 0;
}

static void apm_network(aza_ev *ev, const aza_res *r)
{
	const char *vt = NULL, *old;
	int kt = aza_prop_str(ev, r, "properties.virtualNetworkType", &vt);
	if (kt < 0) {
		aza_unknown(ev, r, "virtualNetworkType is %s", aza_unread_why(ev, r, "properties.virtualNetworkType"));
		return;
	}
	if (apm_vpn_type(ev, r, &old))
		return;
	if (kt && aza__strieq(vt, "Internal")) {
		if (api_has(ev, r, aza_ev_fmt(ev, "virtualNetworkType is %s", vt), APM_VNET_TYPE_API))
			aza_pass(ev, r, "virtualNetworkType is %s: the gateway and portals have only private addresses in the virtual network", vt);
		return;
	}
	if (kt && !aza__strieq(vt, "None") && !aza__strieq(vt, "External")) {
		aza_unknown(ev, r, "virtualNetworkType has an unexpected value '%s' (None, External or Internal)", vt);
		return;
	}
	const char *v = NULL;
	aza_pna p = aza_public_network_access(ev, r, &v);
	if (p == AZA_PNA_JUDGED)
		return;
	if (p == AZA_PNA_DISABLED) {
		if (api_has(ev, r, "publicNetworkAccess is Disabled", APM_PNA_API))
			aza_pass(ev, r, "publicNetworkAccess is %s: the gateway is reachable only through private endpoints", v);
		return;
	}
	const char *net = old ? aza_ev_fmt(ev, "vpnType is %s", old) : kt ? aza_ev_fmt(ev, "virtualNetworkType is %s", vt) : "virtualNetworkType not set (None)";
	if (p == AZA_PNA_PERIMETER)
		aza_fail(ev, r, "publicNetworkAccess is %s and %s: the gateway keeps a public endpoint", v, net);
	else
		aza_fail(ev, r, "%s and %s: the gateway answers on the internet", p == AZA_PNA_ENABLED ? aza_ev_fmt(ev, "publicNetworkAccess is %s", v) :
		                                                              "publicNetworkAccess not set (Enabled)", net);
}

/* ==== end of App Configuration, AI Search and API Management ==== */

/* ==== Machine Learning workspaces, Data Factory, Synapse workspaces ==== */

#define AML "Microsoft.MachineLearningServices/workspaces"
#define ADF "Microsoft.DataFactory/factories"
#define SYN "Microsoft.Synapse/workspaces"
#define SYN_FW SYN "/firewallRules"

/* Machine Learning workspaces: publicNetworkAccess is in the stable
 * 2023-10-01 schema and its Workspace/get example; earlier stable versions
 * are not counted (as this rule reads it). Data Factory has one stable
 * api-version, 2018-06-01, whose FactoryProperties has publicNetworkAccess.
 * Synapse workspaces: publicNetworkAccess ('default': 'Enabled') first in
 * the stable 2021-06-01 schema (the 2020-12-01 one has no such property);
 * managedVirtualNetwork and managedVirtualNetworkSettings.
 * preventDataExfiltration are in the stable 2020-12-01 one. */
#define AML_PNA_API "2023-10-01"
/* managedNetwork (ManagedNetworkSettings: isolationMode Disabled,
 * AllowInternetOutbound or AllowOnlyApprovedOutbound, no default) is in the
 * stable 2023-10-01 WorkspaceProperties; the stable 2023-04-01 one before it
 * has no such property (the feature came in 2023 previews). */
#define AML_MNET_API "2023-10-01"
#define ADF_PNA_API "2018-06-01"
#define SYN_PNA_API "2021-06-01"
#define SYN_MVNET_API "2020-12-01"

/* "Public network access is disabled" for a service whose property came at
 * api-version `since`: Disabled passes only where the template's version
 * has it; the rest as aza_public_network_disabled. */
static void pna_since(aza_ev *ev, const aza_res *r, const char *since, const char *unset, const char *closed, const char *note)
{
	const char *v = NULL;
	aza_pna p = aza_public_network_access(ev, r, &v);
	if (p == AZA_PNA_JUDGED || pna_closed(ev, r, p, v, since, closed))
		return;
	aza_public_network_disabled(ev, r, unset, note);
}

/* A project (kind Project) has no network settings of its own: "Security
 * settings configured on the hub automatically pass down to each project",
 * public network access among them, and "a managed virtual network is
 * shared between all projects that share the same hub" (Microsoft Learn,
 * "Azure AI Studio hubs for projects"); the project names its hub in
 * properties.hubResourceId. The workspace whose settings decide: r itself
 * (a hub or a plain workspace), the project's hub, or NULL after UNKNOWN
 * (the hub is not in the input, or the project names none). *who gets ""
 * or the hub's name for the verdict. */
static const aza_res *aml_settings(aza_ev *ev, const aza_res *r, const char **who)
{
	*who = "";
	const char *kind = NULL, *hid = NULL;
	int kk = aza_prop_str(ev, r, "kind", &kind);
	if (kk < 0) {
		aza_unknown(ev, r, "kind is %s: a project (kind Project) takes its hub's network settings", aza_unread_why(ev, r, "kind"));
		return NULL;
	}
	if (!kk || !aza__strieq(kind, "Project"))
		return r;
	int kh = aza_prop_str(ev, r, "properties.hubResourceId", &hid);
	if (kh < 0) {
		aza_unknown(ev, r, "the project's hubResourceId is %s: a project takes its hub's network settings",
		            aza_unread_why(ev, r, "properties.hubResourceId"));
		return NULL;
	}
	if (!kh) {
		aza_unknown(ev, r, "the project names no hub (no hubResourceId): a project takes its hub's network settings");
		return NULL;
	}
	const aza_res *h = aza_inv_find(aza_ev_inv(ev), hid);
	if (!h) {
		aza_unknown(ev, r, "the project takes its hub's network settings, and its hub %s is not in the input", hid);
		return NULL;
	}
	const aza_json *hp = aza_prop(ev, h, "properties");
	if (!aza_json_is(hp, AZA_JOBJ) && !aza_json_is(hp, AZA_JUNKNOWN)) {
		aza_unknown(ev, r, "the project takes its hub's network settings, and its hub '%s' has no \"properties\" in the input", h->name);
		return NULL;
	}
	*who = aza_ev_fmt(ev, "hub '%s' (a project takes its hub's network settings): ", h->name);
	return h;
}

/* allowPublicAccessWhenBehindVnet is the older switch: true keeps the
 * public endpoint on beside the workspace's private endpoints ("To enable
 * public access to a private link-enabled workspace": Workspace.update(
 * allow_public_access_when_behind_vnet=True), Microsoft Learn, SDK and CLI
 * v1). Without publicNetworkAccess it names why the endpoint is open; false
 * is no evidence that it is closed (the workspace may have no private
 * endpoint), so the verdict is the same either way. */
static void aml_public(aza_ev *ev, const aza_res *r)
{
	const char *who;
	const aza_res *s = aml_settings(ev, r, &who);
	if (!s)
		return;
	int behind = 0;
	aza_prop_bool(ev, s, "properties.allowPublicAccessWhenBehindVnet", &behind);
	const char *unset = behind ? "allowPublicAccessWhenBehindVnet (the older setting) is true, so the public endpoint stays on beside any private "
	                             "endpoint"
	                           : "only Disabled turns the workspace's public endpoint off";
	const char *note = "the workspace, its studio and its APIs answer on the internet for any valid token";
	if (s == r) {
		pna_since(ev, r, AML_PNA_API, unset, "the workspace is reachable only through private endpoints", note);
		return;
	}
	const char *v = NULL, *why;
	switch (aza_public_network_access_of(ev, r, s, &v)) {
	case AZA_PNA_JUDGED:
		break;
	case AZA_PNA_DISABLED:
		if (aza_api_predates(ev, s, AML_PNA_API, &why))
			aza_unknown(ev, r, "%spublicNetworkAccess is %s but %s; deploy with a current api-version", who, v, why);
		else
			aza_pass(ev, r, "%spublicNetworkAccess is %s: the hub and its projects are reachable only through private endpoints", who, v);
		break;
	case AZA_PNA_PERIMETER:
		aza_fail(ev, r, "%spublicNetworkAccess is %s, not Disabled: the public endpoint stays on", who, v);
		break;
	case AZA_PNA_ENABLED:
		aza_fail(ev, r, "%spublicNetworkAccess is %s: %s", who, v, note);
		break;
	case AZA_PNA_UNSET:
		aza_fail(ev, r, "%spublicNetworkAccess not set: %s: %s", who, unset, note);
		break;
	}
}

/* The managed virtual network isolates outbound traffic only in
 * AllowOnlyApprovedOutbound mode: AllowInternetOutbound lets the managed
 * compute reach any internet destination, and Disabled (the mode of a
 * workspace without managedNetwork) restricts nothing, or leaves it to a
 * virtual network of the customer's, which this rule does not read: it
 * judges the managed network alone (Microsoft Learn, "Workspace managed
 * virtual network isolation": the three outbound modes). User-defined
 * outbound rules widen what is approved ("If you add outbound rules,
 * Microsoft can't guarantee data exfiltration"); the PASS counts them. */
static void aml_outbound(aza_ev *ev, const aza_res *r)
{
	const char *who, *why;
	const aza_res *s = aml_settings(ev, r, &who);
	if (!s)
		return;
	const aza_json *mn = aza_prop(ev, s, "properties.managedNetwork");
	if (mn && !aza_json_is(mn, AZA_JNULL) && !aza_json_is(mn, AZA_JOBJ) && !aza_json_is(mn, AZA_JUNKNOWN)) {
		aza_unknown(ev, r, "%smanagedNetwork is not an object", who);
		return;
	}
	const char *m = NULL;
	int k = aza_prop_str(ev, s, "properties.managedNetwork.isolationMode", &m);
	if (k < 0) {
		aza_unknown(ev, r, "%smanagedNetwork.isolationMode is %s", who, aza_unread_why(ev, s, "properties.managedNetwork.isolationMode"));
		return;
	}
	if (!k || aza__strieq(m, "Disabled")) {
		aza_fail(ev, r, "%smanagedNetwork.isolationMode is %s: the workspace has no managed virtual network, so it does not restrict where its "
		                "compute instances, clusters, serverless compute and managed online endpoints connect (a virtual network of yours may; "
		                "this rule does not read it)",
		         who, k ? m : "not set (Disabled)");
		return;
	}
	if (aza__strieq(m, "AllowInternetOutbound")) {
		aza_fail(ev, r, "%smanagedNetwork.isolationMode is %s: the managed virtual network lets the workspace's compute reach any internet "
		                "destination, so code it runs can send data anywhere",
		         who, m);
		return;
	}
	if (!aza__strieq(m, "AllowOnlyApprovedOutbound")) {
		aza_unknown(ev, r, "%smanagedNetwork.isolationMode has an unexpected value '%s' (Disabled, AllowInternetOutbound or AllowOnlyApprovedOutbound)",
		            who, m);
		return;
	}
	if (aza_api_predates(ev, s, AML_MNET_API, &why)) {
		aza_unknown(ev, r, "%smanagedNetwork.isolationMode is %s but %s; deploy with a current api-version", who, m, why);
		return;
	}
	size_t n = 0;
	const aza_json *rules = aza_prop(ev, s, "properties.managedNetwork.outboundRules");
	if (aza_json_is(rules, AZA_JOBJ))
		aza_json_each(o, rules)
			if (aza_json_streq(aza_json_get(o, "category"), "UserDefined"))
				n++;
	aza_pass(ev, r, "%smanagedNetwork.isolationMode is %s: the workspace's managed compute reaches only the required Azure services%s", who, m,
	         n ? aza_ev_fmt(ev, " and the destinations of %zu user-defined outbound rule%s (each one a way out, not judged here)", n, n == 1 ? "" : "s")
	           : " and the destinations its outbound rules approve");
}

static void adf_public(aza_ev *ev, const aza_res *r)
{
	pna_since(ev, r, ADF_PNA_API, "only Disabled turns the factory's public endpoint off",
	          "the factory (authoring and self-hosted integration runtimes) is reachable only through private endpoints",
	          "the factory's authoring and self-hosted integration runtime endpoints answer on the internet");
}

static void syn_public(aza_ev *ev, const aza_res *r)
{
	pna_since(ev, r, SYN_PNA_API, "it defaults to Enabled",
	          "the workspace's SQL, development and studio endpoints are reachable only through private endpoints",
	          "the workspace's SQL and development endpoints answer on the internet, limited only by its IP firewall rules");
}

/* Data exfiltration protection is a setting of the managed virtual network
 * (managedVirtualNetworkSettings), so without one it has no effect; the
 * managed virtual network itself is chosen when the workspace is created. */
static void syn_exfiltration(aza_ev *ev, const aza_res *r)
{
	const char *mv = NULL;
	int km = aza_prop_str(ev, r, "properties.managedVirtualNetwork", &mv);
	if (km < 0) {
		aza_unknown(ev, r, "managedVirtualNetwork is %s", aza_unread_why(ev, r, "properties.managedVirtualNetwork"));
		return;
	}
	if (!km || !*mv) {
		aza_fail(ev, r, "managedVirtualNetwork is %s: the workspace has no managed virtual network, so its Spark pools and pipelines may reach "
		                "any destination",
		         km ? "empty" : "not set");
		return;
	}
	if (!aza__strieq(mv, "default")) {
		aza_unknown(ev, r, "managedVirtualNetwork has an unexpected value '%s' ('default' or none)", mv);
		return;
	}
	if (aza_not_object(ev, r, "properties.managedVirtualNetworkSettings"))
		return;
	int b, k = aza_prop_bool(ev, r, "properties.managedVirtualNetworkSettings.preventDataExfiltration", &b);
	if (k < 0)
		aza_unknown(ev, r, "managedVirtualNetworkSettings.preventDataExfiltration is %s",
		            aza_json_is(aza_prop(ev, r, "properties.managedVirtualNetworkSettings.preventDataExfiltration"), AZA_JUNKNOWN) ?
		                    "only known at deployment" : "not a boolean");
	else if (!k || !b)
		aza_fail(ev, r, "managedVirtualNetwork is %s but managedVirtualNetworkSettings.preventDataExfiltration is %s: managed private endpoints "
		                "may target resources in any Microsoft Entra tenant",
		         mv, k ? "false" : "not set (false)");
	else if (api_has(ev, r, "managedVirtualNetworkSettings.preventDataExfiltration is true", SYN_MVNET_API)) {
		size_t n = aza_json_len(aza_prop(ev, r, "properties.managedVirtualNetworkSettings.allowedAadTenantIdsForLinking"));
		aza_pass(ev, r, "managedVirtualNetwork is %s with preventDataExfiltration true: outbound traffic leaves only through managed private "
		                "endpoints to the workspace's tenant%s",
		         mv, n ? aza_ev_fmt(ev, " and %zu allowed tenant%s", n, n == 1 ? "" : "s") : "");
	}
}

/* The workspace's IP firewall (the firewallRules child, startIpAddress-
 * endIpAddress) "grant[s] or den[ies] access ... based on the originating
 * IP address" on all its public endpoints (Microsoft Learn, "Azure Synapse
 * Analytics IP firewall rules"): with no rule no address gets in. The rule
 * 0.0.0.0-0.0.0.0 (AllowAllWindowsAzureIps, the portal's "Allow Azure
 * services and resources to access this workspace") admits every Azure
 * customer's resources, and fails as it does for SQL servers (AZA-NET-019). */
static void syn_firewall(aza_ev *ev, const aza_res *r)
{
	static const struct ip_fw fw = {SYN_FW, "startIpAddress", "endIpAddress", "workspace", 0, 1};
	const char *pub = public_gate(ev, r, SYN_PNA_API, "the workspace has no public endpoint, so no firewall rule admits the internet", NULL);
	if (pub)
		ip_firewall(ev, r, pub, &fw);
}

/* ==== end of Machine Learning, Data Factory and Synapse ==== */

#define RDS_RULE .area = AZA_AREA_OTHER, .models = AZA_PAAS, .types = RDS
#define EVH_RULE .area = AZA_AREA_OTHER, .models = AZA_PAAS, .types = EVH
#define SBS_RULE .area = AZA_AREA_OTHER, .models = AZA_PAAS, .types = SBS
#define AIS_RULE .area = AZA_AREA_OTHER, .models = AZA_PAAS, .types = AIS
#define APC_RULE .area = AZA_AREA_OTHER, .models = AZA_PAAS, .types = APC
#define SRH_RULE .area = AZA_AREA_OTHER, .models = AZA_PAAS, .types = SRH
#define APM_RULE .area = AZA_AREA_OTHER, .models = AZA_PAAS, .types = APM
#define AML_RULE .area = AZA_AREA_OTHER, .models = AZA_PAAS, .types = AML
#define ADF_RULE .area = AZA_AREA_OTHER, .models = AZA_PAAS, .types = ADF
#define SYN_RULE .area = AZA_AREA_OTHER, .models = AZA_PAAS, .types = SYN

#define MSG_TLS_DEFAULTS(svc)                                                                                                          \
	"1.2 passes; 1.0 and 1.1 fail (the namespace's own setting is judged, with the retirement named). Azure returns minimumTlsVersion " \
	"for every namespace (" svc " namespace GET example, 2024-01-01), so a deployed namespace without it is UNKNOWN. Absent in a "      \
	"template: namespaces accept TLS 1.0 and later unless it is set (Microsoft Learn, 'Enforce a minimum required version of TLS'), "  \
	"FAIL before 28 February 2025, when " svc " retired TLS 1.0 and 1.1 for every namespace; PASS from then. The property first "      \
	"appears in the stable api-version 2024-01-01 (the 2021-11-01 schema has no such property): 1.2 set at an older api-version, or "  \
	"at one only known at deployment, is UNKNOWN."
#define MSG_LOCAL_DEFAULTS(svc)                                                                                                        \
	"disableLocalAuth absent means false: SAS authentication is on unless disabled ('This property disables SAS authentication for "    \
	"the " svc " namespace', namespaces API; Microsoft Learn, 'Disable local or shared access key authentication'), FAIL. true passes, " \
	"except in a template whose api-version predates the property (first in the stable 2021-11-01) or is only known at deployment: "   \
	"UNKNOWN. Authorization rules and SAS tokens remain defined but are refused while it is true."
#define MSG_PUBLIC_DEFAULTS(svc, pe)                                                                                                   \
	"publicNetworkAccess absent means Enabled ('This determines if traffic is allowed over public network. By default it is "          \
	"enabled.', namespaces API): FAIL. Disabled passes; SecuredByPerimeter fails (the public endpoint stays on; a network security "   \
	"perimeter's inbound rules can admit public ranges). An IP firewall with default action Deny (the networkRuleSets child) still "   \
	"leaves a public endpoint and does not pass. The namespace property first appears in the stable api-version 2024-01-01: "          \
	"Disabled in a template at an older or unknown api-version is UNKNOWN. When the namespace leaves it unset (a template, or a "      \
	"namespace read at an older api-version), its network rule set (networkRuleSets/default, read per namespace) decides: "          \
	"publicNetworkAccess Disabled there passes (in a template only at the stable api-version 2021-11-01 or later, the first with "     \
	"it on the rule set); otherwise the namespace's default, Enabled, fails; a rule set that could not be read is UNKNOWN. " pe
#define MSG_NETWORK_DEFAULTS(svc, tiers)                                                                                               \
	"The namespace's publicNetworkAccess Disabled passes (in a template only at the stable api-version 2024-01-01 or later); "          \
	"SecuredByPerimeter is UNKNOWN (the perimeter's rules decide). Otherwise (Enabled, or absent: 'By default it is enabled', "          \
	"namespaces API) the network rule set (networkRuleSets/default, read per namespace: Resource Graph does not return it) decides: "   \
	"its own publicNetworkAccess Disabled passes (stable api-version 2021-11-01 or later in a template; Disabled there while the "       \
	"namespace says Enabled is UNKNOWN), defaultAction Allow fails (every network), and defaultAction Deny passes with at least one "   \
	"IP rule (ipMask) or virtual network rule, unless an IP rule admits every address or 65,536 public addresses or more (a /16, or an IPv6 /32: the threshold of the NSG and SQL firewall rules too) (FAIL). "       \
	"Deny with no rule at all fails: 'If there are no IP and virtual network rules, the namespace can be accessed over the public "    \
	"internet (using the access key)' (Microsoft Learn, the " svc " article 'Allow access to ... from specific IP addresses or ranges'). defaultAction absent in a template means its api-version's default: " \
	"Allow from 2021-06-01-preview (FAIL), Deny before, enforced only with IP or virtual network rules (UNKNOWN; the same article, 'Default " \
	"action and public network access'); absent on a deployed namespace, which Azure returns it for, or at an api-version only known at " \
	"deployment: UNKNOWN. trustedServiceAccessEnabled lets trusted Microsoft services past the rules; they are not the internet, so a PASS "   \
	"names it without changing the verdict. A template that deploys no rule set leaves the namespace open to every network (FAIL); "   \
	"a deployed namespace without one in the input, or whose rule set could not be read, is UNKNOWN. " tiers " Wrong types and "      \
	"unknown values: UNKNOWN."

const struct aza_rule aza_rules_services[] = {
	{
		.id = "AZA-RDS-001", .title = "Azure Cache for Redis accepts only TLS connections (non-TLS port disabled)",
		.level = 1, .severity = AZA_SEV_HIGH, .resp = AZA_RESP_NETWORK, RDS_RULE,
		.rationale = "The non-TLS port (6379) carries the cache's access key and every cached value in clear text, readable and alterable by anyone on the network path.",
		.portal = "Azure Cache for Redis > Settings > Advanced settings: Non-TLS port: disabled (only the TLS port 6380 answers); Save.",
		.cli = "az redis update -g <rg> -n <cache> --set enableNonSslPort=false",
		.arm = "Microsoft.Cache/redis: properties.enableNonSslPort = false",
		.defaults = "enableNonSslPort absent means false ('default': false, redis API, RedisCommonProperties): PASS. true fails. Not a boolean: UNKNOWN.",
		.check = redis_non_tls,
	},
	{
		.id = "AZA-RDS-002", .title = "Azure Cache for Redis requires TLS 1.2 or later",
		.level = 1, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, RDS_RULE,
		.rationale = "TLS 1.0 and 1.1 have known weaknesses (BEAST, POODLE) and lack the cipher suites current standards require; a 1.2 minimum refuses clients that would negotiate them.",
		.portal = "Azure Cache for Redis > Settings > Advanced settings: Minimum TLS version: 1.2; Save.",
		.cli = "az redis update -g <rg> -n <cache> --set minimumTlsVersion=1.2",
		.arm = "Microsoft.Cache/redis: properties.minimumTlsVersion = '1.2'",
		.defaults = "1.2 passes; 1.0 and 1.1 fail (the cache's own setting is judged; after the retirement the message names it). The redis API documents no default, and its GET example (2024-11-01) returns no minimumTlsVersion. Microsoft Learn ('Remove TLS 1.0 and 1.1 from use with Azure Cache for Redis'): new caches get a 1.2 minimum since January 2020 (1.0 before), 1.0 and 1.1 cannot be chosen since 1 March 2024, and from 1 November 2024 every cache requires TLS 1.2. Absent in a template: PASS (a new cache gets 1.2). Absent on a deployed cache: PASS from 1 November 2024, UNKNOWN before (a cache created before 2020 accepted TLS 1.0). The Enterprise tiers (Microsoft.Cache/redisEnterprise) are not judged here.",
		.check = redis_min_tls,
	},
	{
		.id = "AZA-RDS-003", .title = "Azure Cache for Redis public network access is disabled",
		.level = 2, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, RDS_RULE,
		.rationale = "A cache with a public endpoint can be probed and, with a leaked access key, read or overwritten from anywhere; private endpoints keep it on the virtual network.",
		.portal = "Azure Cache for Redis > Settings > Private Endpoint: add a private endpoint, then Enable public network access: No; Save.",
		.cli = "az redis update -g <rg> -n <cache> --set publicNetworkAccess=Disabled",
		.arm = "Microsoft.Cache/redis: properties.publicNetworkAccess = 'Disabled' (with a Microsoft.Network/privateEndpoints resource, groupIds ['redisCache'])",
		.defaults = "publicNetworkAccess absent means Enabled ('Default value is Enabled'; 'If Disabled, private endpoints are the exclusive access method', redis API): FAIL. Disabled passes, except in a template whose api-version predates the property (first in the stable 2020-06-01, with private endpoints; 2019-07-01 has neither) or is only known at deployment: UNKNOWN. A cache injected into a virtual network (properties.subnetId, Premium) passes: it is not publicly addressable and only the virtual network reaches it (Microsoft Learn, 'Configure virtual network support for a Premium Azure Cache for Redis instance'). Firewall rules (the firewallRules child) restrict a public endpoint but do not remove it: AZA-RDS-005 judges them. Wrong types and unknown values: UNKNOWN.",
		.check = redis_public,
	},
	{
		.id = "AZA-RDS-004", .title = "Azure Cache for Redis accepts only Microsoft Entra ID authentication (access keys disabled)",
		.level = 2, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_ACCOUNTS, RDS_RULE,
		.rationale = "Access keys are shared secrets with full control of the cache, outside per-identity access control and audit; with them disabled every client authenticates with Microsoft Entra ID and an access policy.",
		.portal = "Azure Cache for Redis > Settings > Authentication: Microsoft Entra Authentication: enable; Access keys: Disable Access Keys Authentication; Save.",
		.cli = "az redis update -g <rg> -n <cache> --set disableAccessKeyAuthentication=true  (after 'az redis update ... --set redisConfiguration.aad-enabled=true')",
		.arm = "Microsoft.Cache/redis: properties.disableAccessKeyAuthentication = true, with properties.redisConfiguration['aad-enabled'] = 'true'",
		.defaults = "disableAccessKeyAuthentication absent means false ('Default value is false', redis API): FAIL. true passes, except in a template whose api-version predates the property (first in the stable api-version 2024-03-01; the 2023-08-01 schema has no such property) or is only known at deployment: UNKNOWN. Microsoft Entra authentication itself (aad-enabled) is needed to disable access keys and is not judged separately.",
		.check = redis_keys,
	},
	{
		.id = "AZA-RDS-005", .title = "Azure Cache for Redis accepts public traffic only from listed address ranges (firewall rules)",
		.level = 1, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, RDS_RULE, .needs = RDS_FW,
		.rationale = "A public endpoint without firewall rules, or with a rule spanning the whole address space, lets anyone on the internet try leaked or guessed access keys and probe the cache; a short allow-list limits who can connect.",
		.portal = "Azure Cache for Redis > Settings > Firewall: delete rules that cover every address (0.0.0.0-255.255.255.255) or other very wide ranges, and add rules only for the client ranges; Save. Or disable public network access (AZA-RDS-003).",
		.cli = "az redis firewall-rules delete --name <cache> --resource-group <rg> --rule-name <rule>; az redis firewall-rules create --name <cache> --resource-group <rg> --rule-name <rule> --start-ip <first address> --end-ip <last address>",
		.arm = "Microsoft.Cache/redis/firewallRules: properties.startIP and properties.endIP spanning only the client ranges (no 0.0.0.0-255.255.255.255), or Microsoft.Cache/redis: properties.publicNetworkAccess = 'Disabled'",
		.defaults = "An extension of AZA-RDS-003 kept as its own rule: that one asks for no public endpoint (Level 2), this one for a narrow one where the endpoint stays. Firewall rules (Microsoft.Cache/redis/firewallRules, startIP and endIP, read per cache: Resource Graph does not return them) restrict the public endpoint to their ranges; with none every address may connect ('If no firewall rules are set and public access is not disabled, then all IP addresses are allowed to access the cache', Azure/PSRule.Rules.Azure, Azure.Redis.FirewallIPRange). So: publicNetworkAccess Disabled passes (no public endpoint: the rules admit no one; in a template only at the stable api-version 2020-06-01 or later, as AZA-RDS-003), and a cache injected into a virtual network (subnetId) passes as in AZA-RDS-003. Otherwise (Enabled, or absent: 'Default value is Enabled', redis API) a rule whose range covers every IPv4 address, or 65,536 public addresses or more (a /16, or an IPv6 /32: the threshold of the NSG and SQL firewall rules too), fails, naming it; no rule fails; one or more narrower rules pass. A rule without two readable IPv4 addresses (start not after end): UNKNOWN. Firewall rules that could not be read (the collector's errors): UNKNOWN. SecuredByPerimeter: UNKNOWN (the perimeter's rules decide). The Enterprise tiers (Microsoft.Cache/redisEnterprise) are not judged here.",
		.check = redis_firewall,
	},
	{
		.id = "AZA-EVH-001", .title = "Event Hubs namespaces require TLS 1.2 or later",
		.level = 1, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, EVH_RULE,
		.rationale = "TLS 1.0 and 1.1 have known weaknesses; a 1.2 minimum on the namespace refuses producers and consumers that would negotiate them.",
		.portal = "Event Hubs namespace > Settings > Configuration: Minimum TLS version: 1.2; Save.",
		.cli = "az eventhubs namespace update -g <rg> -n <namespace> --minimum-tls-version 1.2",
		.arm = "Microsoft.EventHub/namespaces (api-version 2024-01-01 or later): properties.minimumTlsVersion = '1.2'",
		.defaults = MSG_TLS_DEFAULTS("Event Hubs"),
		.check = evh_min_tls,
	},
	{
		.id = "AZA-EVH-002", .title = "Event Hubs namespaces accept only Microsoft Entra ID authentication (local SAS authentication disabled)",
		.level = 1, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_ACCOUNTS, EVH_RULE,
		.rationale = "Shared access signature keys are long-lived shared secrets that grant send, listen or manage rights to anyone who holds them, outside Microsoft Entra ID, conditional access and per-identity audit.",
		.portal = "Event Hubs namespace > Overview: Local Authentication: Enabled (select it), choose Disabled; OK.",
		.cli = "az eventhubs namespace update -g <rg> -n <namespace> --disable-local-auth true",
		.arm = "Microsoft.EventHub/namespaces: properties.disableLocalAuth = true",
		.defaults = MSG_LOCAL_DEFAULTS("Event Hubs"),
		.check = msg_local_auth,
	},
	{
		.id = "AZA-EVH-003", .title = "Event Hubs namespace public network access is disabled",
		.level = 2, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, EVH_RULE, .needs = EVH "/networkRuleSets",
		.rationale = "A namespace with a public endpoint accepts connections from anywhere for any leaked key or token; private endpoints keep event traffic on the virtual network.",
		.portal = "Event Hubs namespace > Settings > Networking > Public access: Disabled (after adding a private endpoint under Private access); Save.",
		.cli = "az eventhubs namespace update -g <rg> -n <namespace> --public-network-access Disabled",
		.arm = "Microsoft.EventHub/namespaces (api-version 2024-01-01 or later): properties.publicNetworkAccess = 'Disabled'",
		.defaults = MSG_PUBLIC_DEFAULTS("Event Hubs", "Private endpoints need the Standard tier or above."),
		.check = evh_public,
	},
	{
		.id = "AZA-EVH-004", .title = "Event Hubs namespaces accept public traffic only from selected networks",
		.level = 1, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, EVH_RULE, .needs = EVH "/networkRuleSets",
		.rationale = "A namespace whose public endpoint admits every network accepts producers and consumers from anywhere for any leaked SAS key or token; a deny-by-default network rule set, or no public endpoint, limits who can reach it.",
		.portal = "Event Hubs namespace > Settings > Networking > Public access: Selected networks (add the allowed IP ranges or virtual network subnets) or Disabled; Save.",
		.cli = "az eventhubs namespace network-rule-set update -g <rg> --namespace-name <namespace> --default-action Deny  (after adding rules with 'az eventhubs namespace network-rule-set ip-rule add'; or --public-network-access Disabled)",
		.arm = "Microsoft.EventHub/namespaces/networkRuleSets (name 'default'): properties.defaultAction = 'Deny' with ipRules [{ipMask: '<cidr>', action: 'Allow'}] or virtualNetworkRules, or properties.publicNetworkAccess = 'Disabled'",
		.defaults = MSG_NETWORK_DEFAULTS("Event Hubs", "The Basic tier has no IP firewall or virtual network rules ('This feature isn't supported in the basic tier', Microsoft Learn, 'Allow access to Azure Event Hubs namespaces from specific IP addresses or ranges'): Deny with rules that would pass is UNKNOWN on a Basic namespace (whether Azure refuses or ignores them is not documented), and so is it when sku.name cannot be read."),
		.check = evh_network,
	},
	{
		.id = "AZA-SBS-001", .title = "Service Bus namespaces require TLS 1.2 or later",
		.level = 1, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, SBS_RULE,
		.rationale = "TLS 1.0 and 1.1 have known weaknesses; a 1.2 minimum on the namespace refuses senders and receivers that would negotiate them.",
		.portal = "Service Bus namespace > Settings > Configuration: Minimum TLS version: 1.2; Save.",
		.cli = "az servicebus namespace update -g <rg> -n <namespace> --minimum-tls-version 1.2",
		.arm = "Microsoft.ServiceBus/namespaces (api-version 2024-01-01 or later): properties.minimumTlsVersion = '1.2'",
		.defaults = MSG_TLS_DEFAULTS("Service Bus"),
		.check = sbs_min_tls,
	},
	{
		.id = "AZA-SBS-002", .title = "Service Bus namespaces accept only Microsoft Entra ID authentication (local SAS authentication disabled)",
		.level = 1, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_ACCOUNTS, SBS_RULE,
		.rationale = "Shared access signature keys are long-lived shared secrets that grant send, listen or manage rights to anyone who holds them, outside Microsoft Entra ID, conditional access and per-identity audit.",
		.portal = "Service Bus namespace > Overview: Local Authentication: Enabled (select it), choose Disabled; OK.",
		.cli = "az servicebus namespace update -g <rg> -n <namespace> --disable-local-auth true",
		.arm = "Microsoft.ServiceBus/namespaces: properties.disableLocalAuth = true",
		.defaults = MSG_LOCAL_DEFAULTS("Service Bus"),
		.check = msg_local_auth,
	},
	{
		.id = "AZA-SBS-003", .title = "Service Bus namespace public network access is disabled",
		.level = 2, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, SBS_RULE, .needs = SBS "/networkRuleSets",
		.rationale = "A namespace with a public endpoint accepts connections from anywhere for any leaked key or token; private endpoints keep message traffic on the virtual network.",
		.portal = "Service Bus namespace > Settings > Networking > Public access: Disabled (after adding a private endpoint under Private access; Premium); Save.",
		.cli = "az servicebus namespace update -g <rg> -n <namespace> --public-network-access Disabled",
		.arm = "Microsoft.ServiceBus/namespaces (api-version 2024-01-01 or later): properties.publicNetworkAccess = 'Disabled'",
		.defaults = MSG_PUBLIC_DEFAULTS("Service Bus", "Private endpoints are supported only in the Premium tier (Microsoft Learn, 'Network security for Azure Service Bus'), so a Basic or Standard namespace cannot pass."),
		.check = sbs_public,
	},
	{
		.id = "AZA-SBS-004", .title = "Service Bus namespaces accept public traffic only from selected networks",
		.level = 1, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, SBS_RULE, .needs = SBS "/networkRuleSets",
		.rationale = "A namespace whose public endpoint admits every network accepts senders and receivers from anywhere for any leaked SAS key or token; a deny-by-default network rule set, or no public endpoint, limits who can reach it.",
		.portal = "Service Bus namespace > Settings > Networking > Public access: Selected networks (add the allowed IP ranges; virtual networks need Premium) or Disabled; Save.",
		.cli = "az servicebus namespace network-rule-set update -g <rg> --namespace-name <namespace> --default-action Deny  (after adding rules with 'az servicebus namespace network-rule-set ip-rule add'; or --public-network-access Disabled)",
		.arm = "Microsoft.ServiceBus/namespaces/networkRuleSets (name 'default'): properties.defaultAction = 'Deny' with ipRules [{ipMask: '<cidr>', action: 'Allow'}] or virtualNetworkRules, or properties.publicNetworkAccess = 'Disabled'",
		.defaults = MSG_NETWORK_DEFAULTS("Service Bus", "Virtual network rules (service endpoints) exist only in the Premium tier ('Private Endpoints and Service Endpoints are supported only in the premium tier of Service Bus', Microsoft Learn, 'Allow access to Azure Service Bus namespace from specific IP addresses or ranges'), while IP rules work in the other tiers too: Deny with virtual network rules and no IP rule is UNKNOWN on a namespace that is not Premium (whether Azure refuses or ignores the rules is not documented), and so is it when sku.name cannot be read."),
		.check = sbs_network,
	},
	{
		.id = "AZA-AIS-001", .title = "Azure AI services accounts accept only Microsoft Entra ID authentication (key access disabled)",
		.level = 1, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_ACCOUNTS, AIS_RULE,
		.rationale = "API keys are shared secrets that call every model and service of the account, outside Microsoft Entra ID, conditional access and per-identity audit; a leaked key is spent until it is rotated.",
		.portal = "Not in the portal: use the CLI or a template (then grant callers a role such as Cognitive Services User).",
		.cli = "az resource update -g <rg> -n <account> --resource-type Microsoft.CognitiveServices/accounts --set properties.disableLocalAuth=true",
		.arm = "Microsoft.CognitiveServices/accounts: properties.disableLocalAuth = true",
		.defaults = "disableLocalAuth absent means false: key authentication is on unless disabled (Microsoft Learn, 'Disable local authentication in Azure AI Services'; the built-in policy 'Azure AI Services resources should have key access disabled' flags an unset value): FAIL. true passes, except in a template whose api-version predates the property (first in the stable 2021-04-30; the 2017-04-18 schema has no such property) or is only known at deployment: UNKNOWN. Covers every kind (OpenAI, AIServices, the single services).",
		.check = ai_local_auth,
	},
	{
		.id = "AZA-AIS-002", .title = "Azure AI services accounts accept public traffic only from selected networks",
		.level = 1, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, AIS_RULE,
		.rationale = "An account open to every network answers prompts and API calls from anywhere for any leaked key or token; a deny-by-default firewall or a private-only endpoint limits who can reach it.",
		.portal = "Azure AI services account > Resource Management > Networking > Firewalls and virtual networks: Selected Networks and Private Endpoints (with the allowed ranges) or Disabled; Save.",
		.cli = "az cognitiveservices account network-rule add -g <rg> -n <account> --ip-address <cidr>; then az resource update --ids <account id> --set properties.networkAcls.defaultAction=Deny  (or --set properties.publicNetworkAccess=Disabled)",
		.arm = "Microsoft.CognitiveServices/accounts: properties.publicNetworkAccess = 'Disabled', or properties.networkAcls = {defaultAction: 'Deny', ipRules: [{value: '<cidr>'}], virtualNetworkRules: [...]}",
		.defaults = "publicNetworkAccess Disabled passes; in a template only at the stable api-version " AI_PNA_API " or later (its revised schema has publicNetworkAccess; the 2016-02-01-preview one takes an empty properties object; older or only known at deployment: UNKNOWN). Otherwise (Enabled, or absent: the public endpoint is on) networkAcls decides: absent or defaultAction Allow fails (every network), Deny passes unless an IP rule admits every address or 65,536 public addresses or more (a /16, or an IPv6 /32: the threshold of the NSG and SQL firewall rules too) (FAIL); in a template only at the stable api-version " AI_NETWORK_ACLS_API " or later (its revised schema has networkAcls; the 2016-02-01-preview one takes an empty properties object; older or only known at deployment: UNKNOWN). SecuredByPerimeter: UNKNOWN (the perimeter's rules decide). Wrong types and unknown values: UNKNOWN.",
		.check = ai_network,
	},
	{
		.id = "AZA-AIS-003", .title = "Azure AI services accounts encrypt data with a customer-managed key",
		.level = 2, .severity = AZA_SEV_LOW, .resp = AZA_RESP_DATA, AIS_RULE,
		.rationale = "A customer-managed key in Key Vault lets the organization control, rotate and revoke access to the account's stored data (fine-tuning files, uploaded content), and log every use of the key.",
		.portal = "Azure AI services account > Resource Management > Encryption: Customer-managed keys, select the key vault and key; Save.",
		.cli = "az cognitiveservices account update -g <rg> -n <account> --encryption '{\"keySource\":\"Microsoft.KeyVault\",\"keyVaultProperties\":{\"keyName\":\"<key>\",\"keyVaultUri\":\"https://<vault>.vault.azure.net/\"}}'  (after giving the account's managed identity get, wrapKey and unwrapKey on the key)",
		.arm = "Microsoft.CognitiveServices/accounts: properties.encryption = {keySource: 'Microsoft.KeyVault', keyVaultProperties: {keyName, keyVaultUri, keyVersion}}",
		.defaults = "No encryption object (absent or null) means Microsoft-managed keys (Microsoft Learn, 'Azure AI services encryption of data at rest': data is encrypted with Microsoft-managed keys by default): FAIL; keySource Microsoft.CognitiveServices fails too. keySource Microsoft.KeyVault passes on a deployed account when keyVaultProperties names keyName and keyVaultUri, UNKNOWN otherwise. In a template it is UNKNOWN: Microsoft Learn (Azure AI services encryption of data at rest) says a new account is always created with Microsoft-managed keys and customer-managed keys cannot be enabled at creation, while the API's CreateAccount example (2024-10-01) sets one at creation. An encryption object without keySource is UNKNOWN: the API gives Microsoft.KeyVault as the default of keySource while no key can apply without keyVaultProperties. Not every kind supports customer-managed keys; the key's own state in Key Vault is not read.",
		.check = ai_cmk,
	},
	/* ==== App Configuration, AI Search and API Management ==== */
	{
		.id = "AZA-APC-001", .title = "App Configuration stores accept only Microsoft Entra ID authentication (access keys disabled)",
		.level = 1, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_ACCOUNTS, APC_RULE,
		.rationale = "Access keys and the connection strings built from them are shared secrets that read or change every setting and feature flag of the store, outside Microsoft Entra ID, conditional access and per-identity audit.",
		.portal = "App Configuration store > Settings > Access settings: Enable access keys: off (after granting callers App Configuration Data Reader or Data Owner); Apply.",
		.cli = "az appconfig update -g <rg> -n <store> --disable-local-auth true",
		.arm = "Microsoft.AppConfiguration/configurationStores (api-version 2022-05-01 or later): properties.disableLocalAuth = true",
		.defaults = "disableLocalAuth absent means false ('default': false, configurationStores API; Microsoft Learn, 'Manage access key authentication for an Azure App Configuration instance': access keys are enabled by default): FAIL. true passes, except in a template whose api-version predates the property (first in the stable 2022-05-01; the 2020-06-01 schema has no such property) or is only known at deployment: UNKNOWN. Not a boolean: UNKNOWN.",
		.check = apc_local_auth,
	},
	{
		.id = "AZA-APC-002", .title = "App Configuration store public network access is disabled",
		.level = 2, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, APC_RULE,
		.rationale = "A store with a public endpoint answers from anywhere for any leaked access key or token, and its settings often hold connection details of other services; private endpoints keep it on the virtual network.",
		.portal = "App Configuration store > Settings > Networking: add a private endpoint under Private access, then Public network access: Disabled; Apply.",
		.cli = "az appconfig update -g <rg> -n <store> --enable-public-network false",
		.arm = "Microsoft.AppConfiguration/configurationStores: properties.publicNetworkAccess = 'Disabled' (with a Microsoft.Network/privateEndpoints resource, groupIds ['configurationStores'])",
		.defaults = "Disabled passes (in a template at the stable api-version 2020-06-01 or later; older or only known at deployment: UNKNOWN). Enabled fails; SecuredByPerimeter fails (the public endpoint stays on for the perimeter's inbound rules). publicNetworkAccess absent is the 'Automatic' mode (Microsoft Learn, 'Network security for Azure App Configuration': public access is enabled as long as the store has no private endpoint; once one is created App Configuration disables public access): a deployed store passes with an Approved privateEndpointConnections entry, fails with none, and is UNKNOWN when its connections are only pending, rejected or disconnected. In a template, absent fails unless a private endpoint of the same template connects to the store (UNKNOWN: whether it connects shows only after deployment). Private endpoints need the Standard tier or above. Wrong types and unknown values: UNKNOWN.",
		.check = apc_public,
	},
	{
		.id = "AZA-APC-003", .title = "App Configuration stores have purge protection enabled",
		.level = 2, .severity = AZA_SEV_LOW, .resp = AZA_RESP_DATA, APC_RULE,
		.rationale = "Soft delete keeps a deleted store recoverable for its retention period, but without purge protection anyone allowed to purge can destroy it and every setting at once; purge protection blocks that until the retention period ends.",
		.portal = "App Configuration store (Standard tier or above): enable purge protection in its soft delete (recovery) settings; it cannot be turned off afterwards.",
		.cli = "az appconfig update -g <rg> -n <store> --enable-purge-protection true",
		.arm = "Microsoft.AppConfiguration/configurationStores (api-version 2022-05-01 or later, sku.name Standard): properties.enablePurgeProtection = true (softDeleteRetentionInDays 1 to 7, 7 by default)",
		.defaults = "enablePurgeProtection absent means false ('default': false, configurationStores API): FAIL; false fails. true passes, except in a template whose api-version predates the property (first in the stable 2022-05-01; the 2020-06-01 schema has no such property) or is only known at deployment: UNKNOWN. A Free- or Developer-tier store (sku.name Free or Developer) has no soft delete or purge protection ('Purge protection is only available for configuration stores that use the standard SKU', Azure/PSRule.Rules.Azure, Azure.AppConfig.PurgeProtect; soft delete is 'automatically enabled for all stores in the Standard and Premium tiers', Microsoft Learn, 'Soft delete in Azure App Configuration'): one without it fails, with the tier named, and one that sets it true is UNKNOWN (whether Azure refuses or ignores it is not documented), never PASS. Not a boolean: UNKNOWN.",
		.check = apc_purge,
	},
	{
		.id = "AZA-APC-004", .title = "App Configuration stores encrypt data with a customer-managed key",
		.level = 2, .severity = AZA_SEV_LOW, .resp = AZA_RESP_DATA, APC_RULE,
		.rationale = "A customer-managed key in Key Vault lets the organization control, rotate and revoke access to every setting, feature flag and secret reference the store holds, and log every use of the key.",
		.portal = "App Configuration store (Standard or Premium tier) > Settings > Encryption: Customer-managed key, select the key vault, key and managed identity; Apply (after giving the identity get, wrapKey and unwrapKey on the key).",
		.cli = "az appconfig update -g <rg> -n <store> --encryption-key-name <key> --encryption-key-vault https://<vault>.vault.azure.net --identity-client-id <client id of a user-assigned identity>  (without --identity-client-id the system-assigned identity is used)",
		.arm = "Microsoft.AppConfiguration/configurationStores (api-version 2020-06-01 or later, sku.name Standard or Premium): properties.encryption = {keyVaultProperties: {keyIdentifier: 'https://<vault>.vault.azure.net/keys/<key>', identityClientId: '<client id>'}}",
		.defaults = "encryption (or its keyVaultProperties, or keyIdentifier) absent or empty means Microsoft-managed keys (Microsoft Learn, 'Use customer-managed keys to encrypt your App Configuration data': data is encrypted at rest with a Microsoft-provided key unless a customer-managed key is set): FAIL. A Free- or Developer-tier store (sku.name Free or Developer) cannot use a customer-managed key (the same page requires 'a Standard or Premium tier Azure App Configuration instance'): without one it fails, with the tier named, and with a keyIdentifier it is UNKNOWN (whether Azure refuses or ignores the key is not documented), never PASS. A keyIdentifier passes, naming the key and the identity that reads it (identityClientId, or the system-assigned identity when it is absent); in a template only at the stable api-version 2020-06-01 or later (the 2019-10-01 schema has no encryption; older or only known at deployment: UNKNOWN). The key's own state in Key Vault is not read. Wrong types: UNKNOWN.",
		.check = apc_cmk,
	},
	{
		.id = "AZA-SRH-001", .title = "Azure AI Search services accept only Microsoft Entra ID authentication (API keys disabled)",
		.level = 1, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_ACCOUNTS, SRH_RULE,
		.rationale = "Admin API keys give full control of every index, indexer and data source connection, and query keys read every document, outside Microsoft Entra ID, conditional access and per-identity audit; with keys disabled every caller needs a token and a role.",
		.portal = "Search service > Settings > Keys: API access control: Role-based access control; Save (after granting callers Search Index Data Reader, Search Index Data Contributor or Search Service Contributor).",
		.cli = "az search service update -g <rg> -n <service> --disable-local-auth true",
		.arm = "Microsoft.Search/searchServices (api-version 2022-09-01 or later): properties.disableLocalAuth = true, without properties.authOptions",
		.defaults = "disableLocalAuth absent or false: the service accepts API keys (authOptions apiKeyOnly, the default: Microsoft Learn, Azure AI Search role-based access, lists API keys as the default; or aadOrApiKey, which accepts both; the searchServices API gives disableLocalAuth no default and 'This cannot be set to true if authOptions are defined'): FAIL, naming the mode. true passes, except in a template whose api-version predates the property (first in the stable 2022-09-01 as this rule counts; the 2020-08-01 schema has no such property) or is only known at deployment: UNKNOWN. Not a boolean: UNKNOWN.",
		.check = srh_local_auth,
	},
	{
		.id = "AZA-SRH-002", .title = "Azure AI Search services accept public traffic only from selected networks",
		.level = 1, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, SRH_RULE,
		.rationale = "A service open to every network answers queries and, with an admin key, index changes from anywhere; an IP firewall or a private-only endpoint limits who can reach it.",
		.portal = "Search service > Settings > Networking: Public network access: Selected IP addresses (with the allowed ranges) or Disabled (after adding a private endpoint); Save.",
		.cli = "az search service update -g <rg> -n <service> --public-network-access disabled  (or --ip-rules '<cidr>;<cidr>')",
		.arm = "Microsoft.Search/searchServices: properties.publicNetworkAccess = 'disabled', or properties.networkRuleSet = {ipRules: [{value: '<cidr>'}]}",
		.defaults = "publicNetworkAccess (the API's values are lowercase, 'enabled' and 'disabled'; read in any case) disabled passes. Otherwise (enabled, or absent: 'default': 'enabled', searchServices API) networkRuleSet.ipRules decides: the rules apply only while public access is enabled and block every other public network, so one or more rules pass, unless a rule admits every address or 65,536 public addresses or more (a /16, or an IPv6 /32: the threshold of the NSG and SQL firewall rules too) (FAIL); no rule fails (every network). A template at an api-version before the stable 2020-03-13 (the first with both properties) or only known at deployment: UNKNOWN where it would pass. IP rules exist only from the Basic tier up ('Networking options are available on the Basic tier and higher', Microsoft Learn, 'Configure network access and firewall rules for Azure AI Search'): rules that would pass on a Free service (sku.name free), or with a sku.name that cannot be read, are UNKNOWN (whether Azure refuses or ignores them is not documented). securedByPerimeter: UNKNOWN (the perimeter's rules decide). networkRuleSet.bypass (None or AzureServices in the stable 2025-05-01 schema; AzurePortal in earlier previews) lets trusted Azure services (or the portal) past the IP rules: Microsoft's own services acting for the customer, not the internet at large, so it does not change the verdict and a PASS names it. Wrong types and unknown values: UNKNOWN.",
		.check = srh_network,
	},
	{
		.id = "AZA-SRH-003", .title = "Azure AI Search services enforce customer-managed key encryption",
		.level = 2, .severity = AZA_SEV_LOW, .resp = AZA_RESP_DATA, SRH_RULE,
		.rationale = "Customer-managed keys let the organization control, rotate and revoke access to indexes and synonym maps; enforcement makes the service refuse objects created without one, so no content silently stays on Microsoft-managed keys.",
		.portal = "Use the CLI or a template: the enforcement is a property of the service's management API. Give every index, synonym map, indexer, data source and skillset an encryptionKey first (objects cannot be encrypted after they are created).",
		.cli = "az resource update --ids <service id> --set properties.encryptionWithCmk.enforcement=Enabled",
		.arm = "Microsoft.Search/searchServices (api-version 2022-09-01 or later): properties.encryptionWithCmk = {enforcement: 'Enabled'}",
		.defaults = "encryptionWithCmk.enforcement absent or Unspecified ('the behavior being the same as if it were set to Disabled', searchServices API) or Disabled: FAIL. Enabled: a deployed service passes when encryptionComplianceStatus is Compliant and fails when it is NonCompliant (objects without a customer-managed key exist); without a status: UNKNOWN. In a template Enabled passes at the stable api-version 2022-09-01 or later (the first with the property), UNKNOWN at an older one or one only known at deployment. A template's Enabled on a Free service (sku.name free), or with a sku.name that cannot be read, is UNKNOWN, never PASS: customer-managed key encryption needs a billable tier, Basic or above (Microsoft Learn, 'Configure customer-managed keys for data encryption in Azure AI Search', prerequisites; 'Encryption with customer-managed keys is not available for free search services', Azure.Search.Documents, SearchIndex.EncryptionKey), and whether Azure refuses or ignores the setting there is not documented. The keys themselves (each object's encryptionKey, in the data plane) are not read. Wrong types and unknown values: UNKNOWN.",
		.check = srh_cmk,
	},
	{
		.id = "AZA-APM-001", .title = "API Management services disable SSL 3.0, TLS 1.0, TLS 1.1 and 3DES (client and backend)",
		.level = 1, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, APM_RULE,
		.rationale = "SSL 3.0, TLS 1.0 and 1.1 and the 3DES cipher have known weaknesses (POODLE, BEAST, Sweet32); a gateway that still offers them to clients, or uses them with backends, lets a network attacker downgrade and read API traffic and credentials.",
		.portal = "API Management service > Security > Protocols + ciphers: turn off SSL 3.0, TLS 1.0 and TLS 1.1 on the client side and the backend side, and the cipher TLS_RSA_WITH_3DES_EDE_CBC_SHA; Save.",
		.cli = "az rest --method patch --url 'https://management.azure.com<service id>?api-version=2022-08-01' --body '{\"properties\":{\"customProperties\":{\"Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10\":\"False\", ...}}}'  (all seven keys: a PATCH resets the ones it leaves out to their defaults)",
		.arm = "Microsoft.ApiManagement/service: properties.customProperties = {'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10': 'False', ...Protocols.Tls11, ...Protocols.Ssl30, ...Backend.Protocols.Tls10, ...Backend.Protocols.Tls11, ...Backend.Protocols.Ssl30, ...Ciphers.TripleDes168: 'False'}",
		.defaults = "Seven customProperties keys are read: Gateway.Security.Protocols.Ssl30, Tls10 and Tls11, the same under Gateway.Security.Backend.Protocols, and Gateway.Security.Ciphers.TripleDes168 (all prefixed Microsoft.WindowsAzure.ApiManagement.; the service GET example, 2022-08-01, returns all seven). Any set to True fails. An unset key takes its default, which the service API documents by creation date: 'True if the service was created on or before April 1, 2018 and False otherwise'. So on a deployed service unset keys fail when properties.createdAtUtc is on or before 1 April 2018, pass after it, and are UNKNOWN without a createdAtUtc or with one that is not a date; a template creates a new service and its unset keys pass (False). The values are the strings 'True' and 'False' (any case; booleans read the same); another value, or one only known at deployment, is UNKNOWN. The Consumption, BasicV2, StandardV2 and PremiumV2 tiers (sku.name) 'don't support changes to the default cipher configuration' (Microsoft Learn, 'Manage protocols and ciphers in Azure API Management'), and the article does not say which protocols they accept: there a key set to True still fails, and otherwise the verdict is UNKNOWN (customProperties are no evidence), not PASS; a sku.name only known at deployment, or absent, is UNKNOWN where the verdict would pass. The other cipher settings and Http2 are not judged.",
		.check = apm_tls,
	},
	{
		.id = "AZA-APM-002", .title = "API Management gateway is not reachable from the internet (public network access disabled or internal virtual network)",
		.level = 2, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, APM_RULE,
		.rationale = "A gateway with a public endpoint exposes every published API, and its developer portal, to the internet; an internal virtual network deployment or private endpoints with public access disabled keep API traffic on private networks, with a WAF or Application Gateway in front where public exposure is needed.",
		.portal = "API Management service > Deployment + infrastructure > Network: Virtual network: Internal (Developer or Premium tier), or Inbound private endpoint connections plus Public network access: off; Save.",
		.cli = "az apim update -g <rg> -n <service> --set publicNetworkAccess=Disabled  (or --virtual-network Internal, with the subnet in virtualNetworkConfiguration)",
		.arm = "Microsoft.ApiManagement/service: properties.virtualNetworkType = 'Internal' (with properties.virtualNetworkConfiguration.subnetResourceId), or properties.publicNetworkAccess = 'Disabled' (api-version 2021-08-01 or later, with a private endpoint)",
		.defaults = "virtualNetworkType Internal passes ('only accessible from within the virtual network', service API), in a template only at the stable api-version " APM_VNET_TYPE_API " or later (the 2016-07-07 and 2016-10-10 schemas call it vpnType, with the same values and default None: a template at those api-versions is judged by vpnType, Internal passing, and vpnType Internal at an older one is UNKNOWN; virtualNetworkType Internal at an older api-version, or either Internal at one only known at deployment: UNKNOWN). Otherwise (None, the default, or External, which keeps an internet-facing endpoint) publicNetworkAccess decides: Disabled passes ('private endpoints are the exclusive access method'), in a template only at the stable api-version 2021-08-01 or later (the 2020-12-01 schema has no such property; older or only known at deployment: UNKNOWN); Enabled or absent ('Default value is Enabled') fails; SecuredByPerimeter fails (the public endpoint stays on). Additional regions (additionalLocations) are not read separately. Wrong types and unknown values: UNKNOWN.",
		.check = apm_network,
	},
	/* ==== end of App Configuration, AI Search and API Management ==== */
	/* ==== Machine Learning workspaces, Data Factory, Synapse workspaces ==== */
	{
		.id = "AZA-AML-001", .title = "Azure Machine Learning workspace public network access is disabled",
		.level = 2, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, AML_RULE,
		.rationale = "A workspace with a public endpoint exposes its studio, experiments, models, datastores and endpoints management to the internet for any leaked or phished token; private endpoints keep it on the virtual network.",
		.portal = "Azure Machine Learning workspace > Settings > Networking > Public access: Public network access: Disabled (after adding a private endpoint under Private endpoint connections); Save.",
		.cli = "az resource update --ids <workspace id> --set properties.publicNetworkAccess=Disabled",
		.arm = "Microsoft.MachineLearningServices/workspaces (api-version 2023-10-01 or later): properties.publicNetworkAccess = 'Disabled' (with a Microsoft.Network/privateEndpoints resource, groupIds ['amlworkspace'])",
		.defaults = "Disabled passes (the Workspace/get example, stable 2023-10-01, returns it with an approved private endpoint); in a template only at the stable api-version 2023-10-01 or later, as this rule counts (older, or only known at deployment: UNKNOWN). Enabled fails; SecuredByPerimeter fails (the public endpoint stays on). Absent fails: the workspaces API gives publicNetworkAccess no default, and only Disabled is evidence that the public endpoint is off. allowPublicAccessWhenBehindVnet, the older boolean ('The flag to indicate whether to allow public access when behind VNet', workspaces API), is read only when publicNetworkAccess is absent: true keeps the public endpoint on beside the workspace's private endpoints (Microsoft Learn, SDK and CLI v1: 'To enable public access to a private link-enabled workspace', allow_public_access_when_behind_vnet=True) and the FAIL names it; false or absent is no evidence that the endpoint is off (a workspace without a private endpoint stays public), so the FAIL stands. Projects (kind Project, Azure AI Foundry hub-based projects) are judged by their hub, the workspace their properties.hubResourceId names: 'Security settings configured on the hub automatically pass down to each project' (public network access among them), and 'A managed virtual network is shared between all projects that share the same hub' (Microsoft Learn, 'Azure AI Studio hubs for projects'); the verdict names the hub, and is UNKNOWN when the hub is not in the input (or is there without properties) or the project names none. Hubs (kind Hub) and other workspaces are judged on their own properties. Wrong types and unknown values: UNKNOWN.",
		.check = aml_public,
	},
	{
		.id = "AZA-AML-002", .title = "Azure Machine Learning workspaces use a managed virtual network that allows only approved outbound traffic",
		.level = 2, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, AML_RULE,
		.rationale = "A workspace's compute instances, clusters, serverless compute and managed online endpoints run code that reads its datastores; with outbound traffic open to the internet that code can send models and data anywhere. The managed virtual network in 'allow only approved outbound' mode limits them to the required Azure services and the private endpoints, service tags and FQDNs you approve. Level 2: it is defence in depth behind identity and data access controls, and it costs effort (packages and models must come from approved or private sources; FQDN rules add an Azure Firewall).",
		.portal = "Azure Machine Learning workspace > Settings > Networking > Workspace managed outbound access: Private with Approved Outbound (add the outbound rules the workloads need); Save. A workspace in 'allow only approved outbound' mode cannot be moved back to 'allow internet outbound'.",
		.cli = "az ml workspace update --name <workspace> --resource-group <rg> --managed-network allow_only_approved_outbound",
		.arm = "Microsoft.MachineLearningServices/workspaces (api-version 2023-10-01 or later): properties.managedNetwork.isolationMode = 'AllowOnlyApprovedOutbound' (approved destinations in properties.managedNetwork.outboundRules)",
		.defaults = "isolationMode AllowOnlyApprovedOutbound passes, counting the user-defined outbound rules (category UserDefined: private endpoint, service tag or FQDN destinations, each one a way out that is named, not judged); in a template only at the stable api-version 2023-10-01 or later, the first whose WorkspaceProperties has managedNetwork (the stable 2023-04-01 one has none: older, or only known at deployment, is UNKNOWN). AllowInternetOutbound fails: the managed network allows all internet outbound traffic (Microsoft Learn, 'Workspace managed virtual network isolation'). Disabled fails, and so does managedNetwork absent: the API gives isolationMode no default, and a workspace without a managed network is in the article's Disabled mode ('Inbound and outbound traffic isn't restricted or you're using your own Azure Virtual Network'). The rule judges the managed network only: a workspace that keeps its compute in a virtual network of yours, reached through private endpoints, fails it although that network's NSGs, routes or firewall may restrict outbound traffic; those are not read here (suppress the finding with that justification, or move to the managed network, which Microsoft recommends). Projects (kind Project, Azure AI Foundry hub-based projects) are judged by their hub, the workspace their properties.hubResourceId names: 'Security settings configured on the hub automatically pass down to each project' (public network access among them), and 'A managed virtual network is shared between all projects that share the same hub' (Microsoft Learn, 'Azure AI Studio hubs for projects'); the verdict names the hub, and is UNKNOWN when the hub is not in the input (or is there without properties) or the project names none. Hubs (kind Hub) and other workspaces are judged on their own properties. Wrong types, unknown values and values only known at deployment: UNKNOWN.",
		.check = aml_outbound,
	},
	{
		.id = "AZA-ADF-001", .title = "Azure Data Factory public network access is disabled",
		.level = 2, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, ADF_RULE,
		.rationale = "A factory with a public endpoint accepts authoring and self-hosted integration runtime connections from the internet; its pipelines and linked services hold the credentials and paths of other data stores. Private endpoints keep that traffic on the virtual network.",
		.portal = "Data factory > Settings > Networking: Public network access: Disabled (after adding a private endpoint under Private endpoint connections); Save.",
		.cli = "az resource update --ids <factory id> --set properties.publicNetworkAccess=Disabled",
		.arm = "Microsoft.DataFactory/factories (api-version 2018-06-01): properties.publicNetworkAccess = 'Disabled' (with a Microsoft.Network/privateEndpoints resource, groupIds ['dataFactory'])",
		.defaults = "Disabled passes (api-version 2018-06-01, the only stable one, has the property; a preview template version before it, or one only known at deployment: UNKNOWN). Enabled fails; SecuredByPerimeter fails (the public endpoint stays on). Absent fails: the factories API ('Whether or not public network access is allowed for the data factory', Enabled or Disabled) gives no default, and only Disabled is evidence that the public endpoint is off. The setting covers the factory's own endpoints and self-hosted integration runtimes, not the Azure integration runtime's outbound connections. Wrong types and unknown values: UNKNOWN.",
		.check = adf_public,
	},
	{
		.id = "AZA-SYN-001", .title = "Azure Synapse Analytics workspace public network access is disabled",
		.level = 2, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, SYN_RULE,
		.rationale = "A workspace with a public endpoint exposes its dedicated and serverless SQL endpoints and its development endpoint to the internet, guarded only by IP firewall rules and credentials; with public access disabled only private endpoints reach it.",
		.portal = "Synapse workspace > Security > Networking: Public network access to workspace endpoints: Disabled (after adding private endpoints); Save.",
		.cli = "az resource update --ids <workspace id> --set properties.publicNetworkAccess=Disabled",
		.arm = "Microsoft.Synapse/workspaces (api-version 2021-06-01 or later): properties.publicNetworkAccess = 'Disabled'",
		.defaults = "publicNetworkAccess absent means Enabled ('default': 'Enabled', workspaces API, stable 2021-06-01): FAIL. Disabled passes, except in a template whose api-version predates the property (first in the stable 2021-06-01; the 2020-12-01 schema has no such property) or is only known at deployment: UNKNOWN. Enabled fails; SecuredByPerimeter fails (the public endpoint stays on). IP firewall rules (the firewallRules child) narrow a public endpoint but do not remove it: AZA-SYN-003 judges them. Wrong types and unknown values: UNKNOWN.",
		.check = syn_public,
	},
	{
		.id = "AZA-SYN-002", .title = "Azure Synapse Analytics workspaces use a managed virtual network with data exfiltration protection",
		.level = 2, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, SYN_RULE,
		.rationale = "Without a managed virtual network, Spark pools and pipelines reach any destination; with one but without data exfiltration protection, managed private endpoints can still target resources in any tenant. Together they limit outbound traffic to approved targets in approved Microsoft Entra tenants.",
		.portal = "Create the workspace with Networking > Managed virtual network: Enable, and Allow outbound data traffic only to approved targets: Yes (the managed virtual network is chosen at creation; a workspace without one has to be recreated).",
		.cli = "Azure PowerShell: $c = New-AzSynapseManagedVirtualNetworkConfig -PreventDataExfiltration -AllowedAadTenantIdsForLinking <tenant id>; New-AzSynapseWorkspace ... -ManagedVirtualNetwork $c  (an existing managed virtual network: Get-AzSynapseWorkspace ... | Update-AzSynapseManagedVirtualNetworkConfig -PreventDataExfiltration $true | Update-AzSynapseWorkspace)",
		.arm = "Microsoft.Synapse/workspaces (api-version 2020-12-01 or later): properties.managedVirtualNetwork = 'default', properties.managedVirtualNetworkSettings = {preventDataExfiltration: true, allowedAadTenantIdsForLinking: [...]}",
		.defaults = "managedVirtualNetwork 'default' with managedVirtualNetworkSettings.preventDataExfiltration true passes, naming the allowed tenants (allowedAadTenantIdsForLinking); in a template only at the stable api-version 2020-12-01 or later (older or only known at deployment: UNKNOWN). managedVirtualNetwork absent or empty fails (no managed virtual network: 'Setting this to 'default' will ensure that all compute for this workspace is in a virtual network managed on behalf of the user', workspaces API). preventDataExfiltration false or absent fails (the API gives no default; exfiltration protection is an opt-in at creation). Another managedVirtualNetwork value, wrong types, and values only known at deployment: UNKNOWN.",
		.check = syn_exfiltration,
	},
	{
		.id = "AZA-SYN-003", .title = "Azure Synapse Analytics workspace firewall rules admit neither the internet nor all Azure services",
		.level = 1, .severity = AZA_SEV_HIGH, .resp = AZA_RESP_NETWORK, SYN_RULE, .needs = SYN_FW, .checklist = "network.sql_no_any_ip",
		.rationale = "The workspace firewall guards its dedicated and serverless SQL endpoints and its development endpoint; a rule for 0.0.0.0-255.255.255.255 (the portal's 'Allow connections from all IP addresses') or another very wide range lets anyone on the internet try credentials against them, and 0.0.0.0 ('Allow Azure services and resources') admits every Azure customer's resources, not only yours.",
		.portal = "Synapse workspace > Security > Networking: under Firewall rules delete 'allowAll' (0.0.0.0-255.255.255.255) and other very wide ranges, clear 'Allow Azure services and resources to access this workspace', and add rules only for the client ranges; Save. Or disable public network access (AZA-SYN-001).",
		.cli = "az synapse workspace firewall-rule delete --name <rule> --workspace-name <workspace> --resource-group <rg> --yes; az synapse workspace firewall-rule create --name <rule> --workspace-name <workspace> --resource-group <rg> --start-ip-address <first address> --end-ip-address <last address>",
		.arm = "Microsoft.Synapse/workspaces/firewallRules (api-version 2021-06-01): properties.startIpAddress and properties.endIpAddress spanning only the client ranges (no 0.0.0.0-255.255.255.255, no 0.0.0.0-0.0.0.0), or Microsoft.Synapse/workspaces: properties.publicNetworkAccess = 'Disabled'",
		.defaults = "Firewall rules (Microsoft.Synapse/workspaces/firewallRules, startIpAddress and endIpAddress, read per workspace with GET .../firewallRules?api-version=2021-06-01: Resource Graph does not return them) grant access to the workspace's public endpoints by originating IP address; a workspace with none admits no address (Microsoft Learn, 'Azure Synapse Analytics IP firewall rules'). publicNetworkAccess Disabled passes whatever the rules say (no public endpoint; in a template only at the stable api-version 2021-06-01 or later, as AZA-SYN-001). Otherwise (Enabled, or absent: 'default': 'Enabled', workspaces API) a rule whose range covers every IPv4 address, or 65,536 public addresses or more (a /16, or an IPv6 /32: the threshold of the NSG and SQL firewall rules too), fails, naming it; so does 0.0.0.0-0.0.0.0 (AllowAllWindowsAzureIps, 'Allow Azure services and resources to access this workspace'): it admits Azure services, not the internet at large, but those are every Azure tenant's, and the SQL server firewall rules (AZA-NET-019..021) fail it too. No rule, or only narrower ones, passes. A rule without two readable IPv4 addresses (start not after end): UNKNOWN. Firewall rules that were not collected or could not be read (the collector records a refused read for that workspace): UNKNOWN. A template's firewallRules resources (top-level or nested in the workspace) are its rules; a workspace without any in the template has none, as for AZA-RDS-005. SecuredByPerimeter: UNKNOWN (the perimeter's rules decide).",
		.check = syn_firewall,
	},
	/* ==== end of Machine Learning, Data Factory and Synapse ==== */
};
const size_t aza_rules_services_n = sizeof aza_rules_services / sizeof aza_rules_services[0];
