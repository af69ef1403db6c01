/*
 * containers.c - rules for container services outside the nine areas:
 * Azure Kubernetes Service clusters and their node pools (AZA-AKS-*) and
 * Azure Container Registry registries (AZA-ACR-*).
 *
 * Both are read from their Resource Manager body (a GET or a Resource Graph
 * row; a template resource before deployment). Add-on profiles are a map
 * under properties.addonProfiles whose keys Azure matches without regard to
 * case (omsagent / omsAgent); aza_json_get does the same. A template leaves
 * out what it does not set, and absence then means the API's default, named
 * in each rule's .defaults with its source.
 */
#include "rule.h"
#include "nsg.h"

#include <string.h>

#define AKS "Microsoft.ContainerService/managedClusters"
#define AKS_POOL "Microsoft.ContainerService/managedClusters/agentPools"
#define ACR "Microsoft.ContainerRegistry/registries"
#define PE "Microsoft.Network/privateEndpoints"

/* The first stable api-version of managed clusters whose schema has
 * disableLocalAccounts: the 2021-03-01 managedClusters.json has no such
 * property, the 2021-05-01 one has it (Azure/azure-rest-api-specs,
 * specification/containerservice/.../stable/<version>/managedClusters.json). */
#define LOCAL_ACCOUNTS_API "2021-05-01"

/* The first stable api-version known to take enableEncryptionAtHost on a
 * node pool: the 2020-09-01 managedClusters.json has no such property, the
 * 2020-12-01 examples set it (AgentPoolsCreate_EnableEncryptionAtHost.json).
 * 2020-11-01 may have it too; without evidence it counts as before. */
#define HOST_ENCRYPTION_API "2020-12-01"

/* The first stable api-version of managed clusters with enableRBAC and
 * addonProfiles: the 2017-08-31 managedClusters.json has neither (its
 * ManagedClusterProperties holds the DNS prefix, Kubernetes version, agent
 * pools, Linux and service principal profiles only); the 2018-03-31
 * ManagedClustersCreate_Update.json example sets both. */
#define AKS_RBAC_ADDONS_API "2018-03-31"

/* RegistryProperties.publicNetworkAccess: first in the stable api-version
 * 2021-09-01 (its RegistryCreate.json example returns it); the 2019-05-01
 * containerregistry.json, the stable one before it, has none (its registry
 * update parameters are adminUserEnabled, networkRuleSet and policies). */
#define ACR_PNA_API "2021-09-01"

static int is_null(const aza_json *j)
{
	return !j || aza_json_is(j, AZA_JNULL);
}

/* The first entry of an array of address ranges that opens it to the
 * internet at large (every address, or as many public addresses as
 * aza_nsg__fw_open counts as the internet).
 * Entries are strings or, with key set, objects whose member key is the
 * string (registry ipRules {"action": "Allow", "value": "1.2.3.0/24"}).
 * Returns 1 with *val and *all (it admits every address) set, 0 when none
 * does, -1 with *val the reason when an entry cannot be read. */
static int open_range(aza_ev *ev, const aza_json *arr, const char *what, const char *key, const char **val, int *all)
{
	aza_json_each(e, arr) {
		const char *v = aza_json_str(key ? aza_json_get(e, key) : e);
		aza_nsg_span sp;
		if (!v || !aza_nsg__prefix(v, &sp)) {
			*val = v ? aza_ev_fmt(ev, "%s entry '%s' is not an address or address range", what, v)
			         : aza_ev_fmt(ev, "an entry of %s is not a string%s", what, key ? " value" : "");
			return -1;
		}
		int open = aza_nsg__fw_open(&sp);
		*all = open == 2;
		if (open) {
			*val = v;
			return 1;
		}
	}
	return 0;
}

/* ---- Azure Kubernetes Service ---- */

static void rbac(aza_ev *ev, const aza_res *r)
{
	const char *why;
	int b, k = aza_prop_bool(ev, r, "properties.enableRBAC", &b);
	if (k < 0)
		aza_unknown(ev, r, "enableRBAC is not a boolean");
	else if (k && b && aza_api_predates(ev, r, AKS_RBAC_ADDONS_API, &why))
		aza_unknown(ev, r, "enableRBAC is true but %s; deploy with a current api-version", why);
	else if (k && b)
		aza_pass(ev, r, "enableRBAC is true: Kubernetes RBAC authorizes every request to the API server");
	else if (k)
		aza_fail(ev, r, "enableRBAC is false: without Kubernetes RBAC every authenticated identity has full access to the cluster (it can only be set when the cluster is created)");
	else if (aza_is_template(r))
		aza_unknown(ev, r, "enableRBAC not set: the managed clusters API documents no default, and the sources disagree on what an unset value does (Microsoft said in 2019 that templates leave Kubernetes RBAC off; clusters created without it have since been reported with it on): set it to true");
	else
		aza_unknown(ev, r, "enableRBAC is absent from the cluster (Resource Manager returns it for every cluster: incomplete export?)");
}

static void local_accounts(aza_ev *ev, const aza_res *r)
{
	const char *why, *sku = NULL;
	int b, k = aza_prop_bool(ev, r, "properties.disableLocalAccounts", &b);
	if (k < 0)
		aza_unknown(ev, r, "disableLocalAccounts is not a boolean");
	/* An AKS Automatic cluster sets its own authentication: Microsoft
	 * Entra ID with Azure RBAC is preconfigured ('What is Azure Kubernetes
	 * Service (AKS) Automatic?') and Microsoft's Automatic samples
	 * (Azure-Samples/aks-samples, automatic/) set no authentication
	 * property, so a template's cluster need not get the API default
	 * false; nothing documents whether the local accounts stay (the open
	 * question of AZA-AKS-004 on such a cluster). A deployed cluster's GET
	 * returns what Automatic set, so there absent is the default false. */
	else if (!k && aza_is_template(r) && aza_prop_str(ev, r, "sku.name", &sku) == 1 && aza__strieq(sku, "Automatic"))
		aza_unknown(ev, r, "disableLocalAccounts not set on an AKS Automatic cluster (sku.name Automatic), which is preconfigured with Microsoft Entra ID and Azure RBAC: the API default is false, but whether Automatic leaves the local accounts on is not documented; set disableLocalAccounts to true");
	else if (!k)
		aza_fail(ev, r, "disableLocalAccounts not set: it defaults to false, so the static local cluster credentials (az aks get-credentials --admin) work and bypass Microsoft Entra ID");
	else if (!b)
		aza_fail(ev, r, "disableLocalAccounts is false: the static local cluster credentials (az aks get-credentials --admin) work and bypass Microsoft Entra ID");
	else if (aza_api_predates(ev, r, LOCAL_ACCOUNTS_API, &why))
		aza_unknown(ev, r, "disableLocalAccounts is true but %s and keep local accounts; deploy with a current api-version", why);
	else
		aza_pass(ev, r, "disableLocalAccounts is true: the static local cluster credentials are disabled");
}

static void api_access(aza_ev *ev, const aza_res *r)
{
	if (aza_not_object(ev, r, "properties.apiServerAccessProfile"))
		return;
	int priv, kp = aza_prop_bool(ev, r, "properties.apiServerAccessProfile.enablePrivateCluster", &priv);
	if (kp < 0) {
		aza_unknown(ev, r, "apiServerAccessProfile.enablePrivateCluster is not a boolean");
		return;
	}
	if (kp && priv) {
		aza_pass(ev, r, "enablePrivateCluster is true: the API server has only a private endpoint in the cluster's virtual network");
		return;
	}
	const aza_json *ips = aza_prop(ev, r, "properties.apiServerAccessProfile.authorizedIPRanges");
	if (!is_null(ips) && !aza_json_is(ips, AZA_JARR)) {
		aza_unknown(ev, r, "apiServerAccessProfile.authorizedIPRanges is not an array");
		return;
	}
	size_t n = aza_json_len(ips);
	if (n) {
		const char *v = NULL;
		int all = 0, k = open_range(ev, ips, "authorizedIPRanges", NULL, &v, &all);
		if (k < 0)
			aza_unknown(ev, r, "%s", v);
		else if (k)
			aza_fail(ev, r, "the public API server's authorizedIPRanges entry '%s' admits %s", v,
			         all ? "every address" : AZA_NSG_FW_WIDE);
		else
			aza_pass(ev, r, "the public API server accepts only %zu authorized IP range%s", n, n > 1 ? "s" : "");
		return;
	}
	/* The 2019 preview put the ranges at properties.apiServerAuthorizedIPRanges
	 * (az aks show printed apiServerAuthorizedIpRanges); the current API
	 * reads only apiServerAccessProfile. */
	const aza_json *old = aza_prop(ev, r, "properties.apiServerAuthorizedIPRanges");
	if (!is_null(old) && !(aza_json_is(old, AZA_JARR) && !aza_json_len(old))) {
		aza_unknown(ev, r, "apiServerAuthorizedIPRanges is the 2019 preview form of apiServerAccessProfile.authorizedIPRanges; whether Azure applies it%s is not known",
		            aza_is_template(r) ? aza_ev_fmt(ev, " at api-version %s", r->api_version) : "");
		return;
	}
	aza_fail(ev, r, "the API server has a public endpoint that accepts every address: %s and no authorizedIPRanges",
	         kp ? "enablePrivateCluster is false" : "not a private cluster");
}

static void network_policy(aza_ev *ev, const aza_res *r)
{
	if (aza_not_object(ev, r, "properties.networkProfile"))
		return;
	const char *p = NULL;
	int k = aza_prop_str(ev, r, "properties.networkProfile.networkPolicy", &p);
	if (k < 0) {
		aza_unknown(ev, r, "networkProfile.networkPolicy is not a string");
		return;
	}
	if (k) {
		if (aza__strieq(p, "azure") || aza__strieq(p, "calico") || aza__strieq(p, "cilium"))
			aza_pass(ev, r, "networkPolicy is %s: Kubernetes network policies are enforced", p);
		else if (!*p || aza__strieq(p, "none"))
			aza_fail(ev, r, "networkPolicy is %s: Kubernetes network policies are not enforced, every pod can reach every other pod",
			         *p ? p : "empty");
		else
			aza_unknown(ev, r, "networkProfile.networkPolicy has an unexpected value '%s'", p);
		return;
	}
	const char *dp = NULL, *sku = NULL;
	int kd = aza_prop_str(ev, r, "properties.networkProfile.networkDataplane", &dp);
	if (kd < 0)
		aza_unknown(ev, r, "networkPolicy not set and networkProfile.networkDataplane is not a string");
	else if (kd && aza__strieq(dp, "cilium"))
		aza_unknown(ev, r, "networkPolicy not set with networkDataplane cilium: the API names none as the default, while Azure CNI Powered by Cilium enforces policies itself; set networkPolicy to cilium");
	/* An AKS Automatic cluster gets Azure CNI Overlay powered by Cilium
	 * without being asked ("preconfigured on every AKS Automatic cluster",
	 * Microsoft Learn, 'Configure Azure CNI Powered by Cilium in AKS'): in
	 * a template, the same open question as an explicit cilium dataplane.
	 * A deployed cluster's GET returns the network profile Automatic set
	 * (its networkDataplane cilium above), so there absent is none. */
	else if (!kd && aza_is_template(r) && aza_prop_str(ev, r, "sku.name", &sku) == 1 && aza__strieq(sku, "Automatic"))
		aza_unknown(ev, r, "networkPolicy not set on an AKS Automatic cluster (sku.name Automatic), which is preconfigured with Azure CNI Powered by Cilium: the API names none as the default, while Cilium enforces policies itself; set networkPolicy to cilium");
	else
		aza_fail(ev, r, "networkPolicy not set: it defaults to none, so Kubernetes network policies are not enforced and every pod can reach every other pod");
}

/* An add-on profile: 1 enabled, 0 disabled or absent (*present says
 * which), -1 when it cannot be read (*why says why). */
static int addon(aza_ev *ev, const aza_res *r, const char *name, int *present, const char **why)
{
	*present = 0;
	const aza_json *all = aza_prop(ev, r, "properties.addonProfiles");
	if (!is_null(all) && !aza_json_is(all, AZA_JOBJ) && !aza_json_is(all, AZA_JUNKNOWN)) {
		*why = "addonProfiles is not an object";
		return -1;
	}
	const aza_json *a = aza_json_get(all, name);
	if (is_null(a))
		return 0;
	*present = 1;
	if (!aza_json_is(a, AZA_JOBJ)) {
		*why = aza_ev_fmt(ev, "addonProfiles.%s is not an object", name);
		return -1;
	}
	const aza_json *e = aza_json_get(a, "enabled");
	int b;
	if (aza_json_bool(e, &b))
		return b;
	/* enabled is required in ManagedClusterAddonProfile. */
	*why = is_null(e) ? aza_ev_fmt(ev, "addonProfiles.%s has no enabled", name)
	                  : aza_ev_fmt(ev, "addonProfiles.%s.enabled is not a boolean", name);
	return -1;
}

static void monitoring(aza_ev *ev, const aza_res *r)
{
	int present = 0;
	const char *why = NULL;
	int on = addon(ev, r, "omsagent", &present, &why);
	if (on > 0 && aza_api_predates(ev, r, AKS_RBAC_ADDONS_API, &why)) {
		aza_unknown(ev, r, "the Container insights add-on (omsagent) is enabled in addonProfiles but %s; deploy with a current api-version", why);
		return;
	}
	if (on > 0) {
		/* The workspace only names it: a template's may be known only at
		 * deployment, and reading it would make the verdict wait for it. */
		const char *ws = aza_is_template(r) ? NULL
		                 : aza_json_str(aza_prop(ev, r, "properties.addonProfiles.omsagent.config.logAnalyticsWorkspaceResourceID"));
		aza_pass(ev, r, "the Container insights add-on (omsagent) is enabled%s", ws && *ws ? aza_ev_fmt(ev, ", workspace %s", aza_last_seg(ws)) : "");
		return;
	}
	/* Preview api-versions configure Container insights here instead. */
	if (aza_not_object(ev, r, "properties.azureMonitorProfile") || aza_not_object(ev, r, "properties.azureMonitorProfile.containerInsights"))
		return;
	int b, k = aza_prop_bool(ev, r, "properties.azureMonitorProfile.containerInsights.enabled", &b);
	if (k > 0 && b) {
		aza_pass(ev, r, "azureMonitorProfile.containerInsights is enabled");
		return;
	}
	if (k < 0)
		aza_unknown(ev, r, "azureMonitorProfile.containerInsights.enabled is not a boolean");
	else if (on < 0)
		aza_unknown(ev, r, "%s", why);
	else
		aza_fail(ev, r, "Container insights is not enabled: %s and azureMonitorProfile.containerInsights %s",
		         present ? "the omsagent add-on is disabled" : "no omsagent add-on",
		         k ? "is disabled" : "is not set");
}

static void upgrade_channel(aza_ev *ev, const aza_res *r)
{
	if (aza_not_object(ev, r, "properties.autoUpgradeProfile"))
		return;
	const char *c = NULL;
	int k = aza_prop_str(ev, r, "properties.autoUpgradeProfile.upgradeChannel", &c);
	if (k < 0) {
		aza_unknown(ev, r, "autoUpgradeProfile.upgradeChannel is not a string");
		return;
	}
	if (k) {
		if (aza__strieq(c, "patch") || aza__strieq(c, "stable") || aza__strieq(c, "rapid"))
			aza_pass(ev, r, "upgradeChannel is %s: Kubernetes versions are upgraded automatically", c);
		else if (aza__strieq(c, "node-image"))
			aza_fail(ev, r, "upgradeChannel is node-image: only node images are updated, the Kubernetes version is never upgraded automatically (use patch or stable, and nodeOSUpgradeChannel for node images)");
		else if (aza__strieq(c, "none"))
			aza_fail(ev, r, "upgradeChannel is none: the cluster is not upgraded automatically and falls behind Kubernetes security patches");
		else
			aza_unknown(ev, r, "autoUpgradeProfile.upgradeChannel has an unexpected value '%s'", c);
		return;
	}
	const char *sku = NULL;
	int ks = aza_prop_str(ev, r, "sku.name", &sku);
	if (ks < 0)
		aza_unknown(ev, r, "upgradeChannel not set and sku.name is not a string (AKS Automatic clusters default to the stable channel, others to none)");
	else if (ks && aza__strieq(sku, "Automatic"))
		aza_pass(ev, r, "upgradeChannel not set: an AKS Automatic cluster uses the stable channel");
	else
		aza_fail(ev, r, "upgradeChannel not set: it defaults to none, so the cluster is not upgraded automatically");
}

static void policy_addon(aza_ev *ev, const aza_res *r)
{
	int present = 0;
	const char *why = NULL;
	int on = addon(ev, r, "azurepolicy", &present, &why);
	if (on < 0)
		aza_unknown(ev, r, "%s", why);
	else if (on)
		aza_pass(ev, r, "the Azure Policy add-on (azurepolicy) is enabled");
	else
		aza_fail(ev, r, "%s: Azure Policy cannot audit or enforce rules on the cluster's workloads",
		         present ? "the Azure Policy add-on is disabled" : "no Azure Policy add-on");
}

static void dashboard(aza_ev *ev, const aza_res *r)
{
	int present = 0;
	const char *why = NULL;
	int on = addon(ev, r, "kubeDashboard", &present, &why);
	if (on < 0)
		aza_unknown(ev, r, "%s", why);
	else if (on)
		aza_fail(ev, r, "the kubeDashboard add-on is enabled: a web UI with the dashboard's service account permissions runs in the cluster");
	else if (present)
		aza_pass(ev, r, "the kubeDashboard add-on is disabled");
	else
		aza_pass(ev, r, "no kubeDashboard add-on (add-ons are off unless listed; the dashboard add-on is retired)");
}

/* Host encryption of node pools (AZA-AKS-010). A pool is a profile of the
 * cluster's agentPoolProfiles or an agentPools resource (properties): both
 * carry ManagedClusterAgentPoolProfileProperties. */

/* A template that asks for host encryption at an api-version that may not
 * know the property: reports UNKNOWN and returns 1. */
static int eah_api_unsure(aza_ev *ev, const aza_res *r, const char *what)
{
	const char *why;
	if (!aza_api_predates(ev, r, HOST_ENCRYPTION_API, &why))
		return 0;
	aza_unknown(ev, r, "%s, but %s and create the nodes without host encryption; deploy with a current api-version", what, why);
	return 1;
}

static void cluster_eah(aza_ev *ev, const aza_res *r)
{
	const aza_json *pools = aza_prop(ev, r, "properties.agentPoolProfiles");
	if (is_null(pools)) {
		if (aza_is_template(r))
			aza_unknown(ev, r, "agentPoolProfiles not set: the cluster declares no node pool here, so which pools it runs (and whether they encrypt at host) is not known");
		else
			aza_unknown(ev, r, "agentPoolProfiles is absent from the cluster (Resource Manager returns every node pool: incomplete export?)");
		return;
	}
	if (!aza_json_is(pools, AZA_JARR)) {
		aza_unknown(ev, r, "agentPoolProfiles is not an array");
		return;
	}
	size_t n = 0, on = 0, off = 0;
	const char *first_off = NULL, *first_bad = NULL;
	aza_json_each(p, pools) {
		size_t i = n++;
		const char *name = aza_json_str(aza_json_get(p, "name"));
		const char *label = name ? aza_ev_fmt(ev, "'%s'", name) : aza_ev_fmt(ev, "agentPoolProfiles[%zu]", i);
		if (!aza_json_is(p, AZA_JOBJ)) {
			if (!first_bad)
				first_bad = aza_ev_fmt(ev, "agentPoolProfiles[%zu] is not an object", i);
			continue;
		}
		const aza_json *e = aza_json_get(p, "enableEncryptionAtHost");
		int b;
		if (is_null(e)) {
			off++;
			if (!first_off)
				first_off = aza_ev_fmt(ev, "node pool %s has enableEncryptionAtHost not set (false)", label);
		} else if (!aza_json_bool(e, &b)) {
			if (!first_bad)
				first_bad = aza_ev_fmt(ev, "node pool %s: enableEncryptionAtHost is not a boolean", label);
		} else if (!b) {
			off++;
			if (!first_off)
				first_off = aza_ev_fmt(ev, "node pool %s has enableEncryptionAtHost false", label);
		} else {
			on++;
		}
	}
	if (off) {
		aza_fail(ev, r, "%s%s: the nodes' temp disks and OS and data disk caches are not encrypted at the host", first_off,
		         off > 1 ? aza_ev_fmt(ev, "; %zu of %zu node pools are without host encryption", off, n) : "");
		return;
	}
	if (first_bad) {
		aza_unknown(ev, r, "%s", first_bad);
		return;
	}
	if (!n) {
		aza_unknown(ev, r, "agentPoolProfiles is empty: the cluster lists no node pool");
		return;
	}
	const char *what = aza_ev_fmt(ev, "enableEncryptionAtHost is true on %s %zu node pool%s", n > 1 ? "all" : "its", n, n > 1 ? "s" : "");
	if (!eah_api_unsure(ev, r, what))
		aza_pass(ev, r, "%s: temp disks and disk caches are encrypted at the host", what);
}

/* A template value only known at deployment? Asked without counting it
 * as read (aza_json_is does not for this kind). */
static int unknown_val(const aza_json *j)
{
	return j && aza_json_is(j, AZA_JUNKNOWN);
}

/* Member key of o (any case), or NULL, read without counting a template
 * value only known at deployment as read, as aza_json_get would: the
 * parent cluster's values choose where a pool is judged, and must not
 * turn the pool's own verdict into "depends on". */
static const aza_json *quiet_get(const aza_json *o, const char *key)
{
	if (!o || unknown_val(o))
		return NULL;
	aza_json_each(m, o) {
		if (m->key && aza__strieq(m->key, key))
			return m;
	}
	return NULL;
}

/* A pool's enableEncryptionAtHost: 1 true, 0 false or not set, -1 any
 * other value (one only known at deployment too). */
static int eah_word(const aza_json *e)
{
	int b;
	if (unknown_val(e))
		return -1;
	if (is_null(e))
		return 0;
	return aza_json_bool(e, &b) ? b : -1;
}

/* The cluster in the input that an agentPools resource belongs to, when
 * its agentPoolProfiles lists the same pool (by name, any case), with
 * *entry that profile; else NULL. Resource Manager returns a cluster's
 * pools both ways, so a snapshot may hold each pool twice. */
static const aza_res *pool_in_cluster(aza_ev *ev, const aza_res *r, const aza_json **entry)
{
	static const char seg[] = "/agentPools/";
	const size_t k = sizeof seg - 1;
	const char *name = aza_last_seg(r->id);
	size_t n = (size_t)(name - r->id);
	*entry = NULL;
	if (!*name || n <= k || !aza__strnieq(r->id + n - k, seg, k))
		return NULL;
	const aza_res *c = aza_inv_find(aza_ev_inv(ev), aza_ev_fmt(ev, "%.*s", (int)(n - k), r->id));
	if (!c || !aza__strieq(c->type, AKS))
		return NULL;
	const aza_json *pools = quiet_get(quiet_get(aza_doc(ev, c), "properties"), "agentPoolProfiles");
	if (!pools || unknown_val(pools) || !aza_json_is(pools, AZA_JARR))
		return NULL;
	aza_json_each(p, pools) {
		const aza_json *pn = quiet_get(p, "name");
		if (pn && !unknown_val(pn) && aza_json_str(pn) && aza__strieq(aza_json_str(pn), name)) {
			*entry = p;
			return c;
		}
	}
	return NULL;
}

static void pool_eah(aza_ev *ev, const aza_res *r)
{
	/* A pool the cluster's verdict covers is not judged twice, unless the
	 * two copies disagree (read at different times, or one edited): then
	 * each copy has its own verdict. */
	const aza_json *entry;
	int w = eah_word(aza_prop(ev, r, "properties.enableEncryptionAtHost"));
	const aza_res *c = w >= 0 ? pool_in_cluster(ev, r, &entry) : NULL;
	if (c && w == eah_word(quiet_get(entry, "enableEncryptionAtHost"))) {
		aza_na(ev, r, "node pool '%s' is also in agentPoolProfiles of its cluster '%s', with enableEncryptionAtHost %s there too: "
		       "its verdict is on the cluster",
		       aza_last_seg(r->id), c->name, w ? "true" : "false or not set");
		return;
	}
	int b, k = aza_prop_bool(ev, r, "properties.enableEncryptionAtHost", &b);
	if (k < 0)
		aza_unknown(ev, r, "enableEncryptionAtHost is not a boolean");
	else if (!k || !b)
		aza_fail(ev, r, "enableEncryptionAtHost is %s: the pool's temp disks and OS and data disk caches are not encrypted at the host",
		         k ? "false" : "not set (false)");
	else if (!eah_api_unsure(ev, r, "enableEncryptionAtHost is true"))
		aza_pass(ev, r, "enableEncryptionAtHost is true: temp disks and disk caches are encrypted at the host");
}

static void host_encryption(aza_ev *ev, const aza_res *r)
{
	if (aza__strieq(r->type, AKS_POOL))
		pool_eah(ev, r);
	else
		cluster_eah(ev, r);
}

/* The Azure Key Vault provider for the Secrets Store CSI driver
 * (AZA-AKS-011). Add-on config values are strings ("true"); some templates
 * write booleans, which aza_json_bool reads alike. */
static void secret_rotation(aza_ev *ev, const aza_res *r)
{
	int present = 0;
	const char *why = NULL;
	int on = addon(ev, r, "azureKeyvaultSecretsProvider", &present, &why);
	if (on < 0) {
		aza_unknown(ev, r, "%s", why);
		return;
	}
	/* Add-on profiles only known at deployment may enable it. The engine
	 * would turn the NOT_APPLICABLE below into UNKNOWN on its own, but
	 * quoting the "no add-on" message; this one names what is unknown.
	 * (An entry only known at deployment is not an object: above.) */
	if (!on && unknown_val(aza_prop(ev, r, "properties.addonProfiles"))) {
		aza_unknown(ev, r, "addonProfiles is only known at deployment: whether the azureKeyvaultSecretsProvider add-on is enabled is unknown");
		return;
	}
	if (!on) {
		aza_na(ev, r, "%s: the cluster mounts no Key Vault secrets through the Secrets Store CSI driver add-on",
		       present ? "the azureKeyvaultSecretsProvider add-on is disabled" : "no azureKeyvaultSecretsProvider add-on");
		return;
	}
	if (aza_not_object(ev, r, "properties.addonProfiles.azureKeyvaultSecretsProvider.config"))
		return;
	const aza_json *v = aza_prop(ev, r, "properties.addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation");
	int b;
	if (is_null(v)) {
		aza_fail(ev, r, "the azureKeyvaultSecretsProvider add-on is enabled with enableSecretRotation not set (false): secrets rotated in Key Vault reach pods only when they are recreated");
		return;
	}
	if (!aza_json_bool(v, &b)) {
		const char *t = aza_json_str(v);
		aza_unknown(ev, r, "azureKeyvaultSecretsProvider config enableSecretRotation %s",
		            t ? aza_ev_fmt(ev, "has an unexpected value '%s'", t) : "is not a string");
		return;
	}
	if (!b) {
		aza_fail(ev, r, "the azureKeyvaultSecretsProvider add-on has enableSecretRotation false: secrets rotated in Key Vault reach pods only when they are recreated");
		return;
	}
	const char *poll = aza_json_str(aza_prop(ev, r, "properties.addonProfiles.azureKeyvaultSecretsProvider.config.rotationPollInterval"));
	aza_pass(ev, r, "the azureKeyvaultSecretsProvider add-on has enableSecretRotation true: mounted secrets follow Key Vault, polled every %s",
	         poll && *poll ? poll : "2m (the default)");
}

/* ---- Azure Container Registry ---- */

static void admin_user(aza_ev *ev, const aza_res *r)
{
	int b, k = aza_prop_bool(ev, r, "properties.adminUserEnabled", &b);
	if (k < 0)
		aza_unknown(ev, r, "adminUserEnabled is not a boolean");
	else if (k && b)
		aza_fail(ev, r, "adminUserEnabled is true: a shared admin user name and passwords give push and pull access outside Microsoft Entra ID");
	else
		aza_pass(ev, r, "adminUserEnabled is %s", k ? "false" : "not set (false)");
}

static void anonymous_pull(aza_ev *ev, const aza_res *r)
{
	int b, k = aza_prop_bool(ev, r, "properties.anonymousPullEnabled", &b);
	if (k < 0) {
		aza_unknown(ev, r, "anonymousPullEnabled is not a boolean");
		return;
	}
	if (!k || !b) {
		aza_pass(ev, r, "anonymousPullEnabled is %s", k ? "false" : "not set (false)");
		return;
	}
	/* A deployed registry reports what applies. A template asks: anonymous
	 * pull exists only in the Standard and Premium tiers, and what Azure
	 * does with the request on Basic (refuse or ignore) is not documented. */
	const char *sku = NULL;
	int ks = aza_is_template(r) ? aza_prop_str(ev, r, "sku.name", &sku) : 0;
	if (aza_is_template(r) && (ks <= 0 || (!aza__strieq(sku, "Standard") && !aza__strieq(sku, "Premium"))))
		aza_unknown(ev, r, "anonymousPullEnabled is true on a registry whose sku.name is %s: anonymous pull exists only in the Standard and Premium tiers, and whether Azure refuses or ignores the setting on another is not documented",
		            ks > 0 ? sku : ks < 0 ? "not a string" : "not set");
	else
		aza_fail(ev, r, "anonymousPullEnabled is true: anyone who can reach the registry can pull its images without signing in");
}

/* Is r a template registry whose sku.name is not read as Premium? Azure
 * keeps disabling public network access and private link to Premium
 * (DisablingPublicNetworkAccessNotSupported: "Disabling public network
 * access is not supported for the SKU Basic"), so such a registry is not
 * deployed as declared; a deployed one reports what applies. *ks is what
 * reading sku.name returned (aza_prop_str), *sku the name when read. */
static int template_below_premium(aza_ev *ev, const aza_res *r, int *ks, const char **sku)
{
	if (!aza_is_template(r))
		return 0;
	*ks = aza_prop_str(ev, r, "sku.name", sku);
	return *ks != 1 || !aza__strieq(*sku, "Premium");
}

static void registry_network(aza_ev *ev, const aza_res *r)
{
	const char *p = NULL;
	int k = aza_prop_str(ev, r, "properties.publicNetworkAccess", &p);
	if (k < 0) {
		aza_unknown(ev, r, "publicNetworkAccess is not a string");
		return;
	}
	if (k && aza__strieq(p, "Disabled")) {
		/* A deployed registry reports what applies; a template asks, and
		 * Azure refuses Disabled below Premium. */
		const char *sku = NULL;
		int ks = 1;
		const char *why;
		if (template_below_premium(ev, r, &ks, &sku))
			aza_unknown(ev, r, "publicNetworkAccess is Disabled on a registry whose sku.name is %s: Azure refuses to disable public network access below Premium, so the registry is not deployed as declared",
			            ks > 0 ? sku : ks < 0 ? "not a string" : "not set");
		else if (aza_api_predates(ev, r, ACR_PNA_API, &why))
			aza_unknown(ev, r, "publicNetworkAccess is Disabled, but %s; deploy with a current api-version", why);
		else
			aza_pass(ev, r, "publicNetworkAccess is Disabled: the registry is reachable only through private endpoints");
		return;
	}
	if (k && !aza__strieq(p, "Enabled")) {
		aza_unknown(ev, r, "publicNetworkAccess has an unexpected value '%s'", p);
		return;
	}
	const char *pub = k ? "publicNetworkAccess is Enabled" : "publicNetworkAccess not set (Enabled)";
	if (aza_not_object(ev, r, "properties.networkRuleSet"))
		return;
	const char *da = NULL;
	int kd = aza_prop_str(ev, r, "properties.networkRuleSet.defaultAction", &da);
	if (kd < 0) {
		aza_unknown(ev, r, "networkRuleSet.defaultAction is not a string");
		return;
	}
	if (!kd || aza__strieq(da, "Allow")) {
		aza_fail(ev, r, "%s and the firewall default action is %s: every network may reach the registry", pub, kd ? "Allow" : "not set (Allow)");
		return;
	}
	if (!aza__strieq(da, "Deny")) {
		aza_unknown(ev, r, "networkRuleSet.defaultAction has an unexpected value '%s'", da);
		return;
	}
	/* IP network rules are a Premium feature. */
	const char *sku = NULL;
	int ks = aza_prop_str(ev, r, "sku.name", &sku);
	if (ks <= 0) {
		aza_unknown(ev, r, "%s with firewall default action Deny, but sku.name is %s: network rules apply only to Premium registries", pub,
		            ks ? "not a string" : "not set");
		return;
	}
	if (!aza__strieq(sku, "Premium")) {
		aza_unknown(ev, r, "%s with firewall default action Deny on a %s registry: network rules are a Premium feature, so the firewall does not apply as declared", pub, sku);
		return;
	}
	const aza_json *ips = aza_prop(ev, r, "properties.networkRuleSet.ipRules");
	if (!is_null(ips) && !aza_json_is(ips, AZA_JARR)) {
		aza_unknown(ev, r, "networkRuleSet.ipRules is not an array");
		return;
	}
	const char *v = NULL;
	int all = 0, ko = open_range(ev, ips, "ipRules", "value", &v, &all);
	if (ko < 0)
		aza_unknown(ev, r, "networkRuleSet.defaultAction is Deny but %s", v);
	else if (ko)
		aza_fail(ev, r, "networkRuleSet.defaultAction is Deny but IP rule '%s' admits %s", v,
		         all ? "every address" : AZA_NSG_FW_WIDE);
	else
		aza_pass(ev, r, "%s with firewall default action Deny (%zu IP rule%s)", pub, aza_json_len(ips), aza_json_len(ips) == 1 ? "" : "s");
}

static void registry_private_endpoints(aza_ev *ev, const aza_res *r)
{
	/* Private link is a Premium feature: a template endpoint to a Basic
	 * or Standard registry is refused when deployed, so the one it
	 * declares proves nothing (a deployed registry's approved
	 * connections are what Azure made). */
	const char *sku = NULL;
	int ks = 1;
	const aza_res *tpe = template_below_premium(ev, r, &ks, &sku) ? aza_template_endpoint(ev, r) : NULL;
	if (tpe) {
		aza_unknown(ev, r, "the template deploys private endpoint '%s' to the registry, but its sku.name is %s: private link needs "
		                   "Premium, so the endpoint is not deployed as declared",
		            tpe->name, ks == 1 ? sku : ks ? aza_unread_why(ev, r, "sku.name") : "absent");
		return;
	}
	aza_private_endpoints(ev, r, "registry");
}

/* The API server's audit log (kube-audit, or kube-audit-admin without the
 * get and list events) is a resource log: only a diagnostic setting on the
 * cluster keeps it (Microsoft Learn, "Monitor AKS": supported log
 * categories of Microsoft.ContainerService/managedClusters). */
static void audit_logs(aza_ev *ev, const aza_res *r)
{
	aza_diag_audit(ev, r, "kube-audit kube-audit-admin", "audit allLogs",
	               "kube-audit or kube-audit-admin (nor the audit or allLogs group)",
	               "the API server's audit log (who did what in the cluster) is not kept");
}

#define AKS_RULE .area = AZA_AREA_OTHER, .models = AZA_PAAS, .types = AKS
#define ACR_RULE .area = AZA_AREA_OTHER, .models = AZA_PAAS, .types = ACR

#define ADDON_DEFAULTS "An add-on is on only when addonProfiles lists it with enabled true (ManagedClusterAddonProfile requires enabled); an absent entry is off. addonProfiles keys match without regard to case. addonProfiles or the entry not an object, or enabled not a boolean: UNKNOWN."

const struct aza_rule aza_rules_containers[] = {
	{
		.id = "AZA-AKS-001", .title = "AKS clusters have Kubernetes RBAC enabled",
		.level = 1, .severity = AZA_SEV_HIGH, .resp = AZA_RESP_ACCOUNTS, AKS_RULE,
		.rationale = "Without Kubernetes role-based access control every identity that authenticates to the API server can do anything in the cluster; RBAC limits users and service accounts to what their roles grant.",
		.portal = "Set at creation only: Create Kubernetes cluster > Security > Authentication and authorization: Microsoft Entra ID authentication with Kubernetes RBAC (or Azure RBAC). An existing cluster without RBAC must be recreated.",
		.cli = "az aks create -g <rg> -n <cluster> --enable-aad --enable-azure-rbac ...  (do not pass --disable-rbac)",
		.arm = "Microsoft.ContainerService/managedClusters: properties.enableRBAC = true",
		.defaults = "true passes, false fails. The managed clusters API documents no default for enableRBAC (\"Whether to enable Kubernetes Role-Based Access Control\", managedClusters.json), and the evidence on what an unset value does is mixed: Microsoft answered in 2019 that RBAC is on by default only from the CLI, not from templates (MicrosoftDocs/azure-docs pull request 22220), Cluster API Provider Azure reported in 2021 that a cluster created without it got RBAC (kubernetes-sigs/cluster-api-provider-azure pull request 1678), and the built-in Azure Policy 'Azure Role-Based Access Control (RBAC) should be used on Kubernetes Services' flags an unset value. A template without it is therefore UNKNOWN, never PASS. Resource Manager returns enableRBAC for every deployed cluster (ManagedClustersGet example), so a deployed cluster without it is an incomplete export: UNKNOWN. enableRBAC first appears in the stable api-version " AKS_RBAC_ADDONS_API " (the 2017-08-31 managedClusters.json has none): a template that sets it true at an earlier api-version, or at one only known at deployment, is UNKNOWN.",
		.check = rbac,
	},
	{
		.id = "AZA-AKS-002", .title = "AKS clusters have local accounts disabled",
		.level = 1, .severity = AZA_SEV_HIGH, .resp = AZA_RESP_IDENTITY, AKS_RULE,
		.rationale = "Local accounts give a static cluster-admin credential that bypasses Microsoft Entra ID, conditional access and per-user audit; with them disabled every user signs in with Entra ID.",
		.portal = "Kubernetes service > Settings > Security configuration > Authentication and Authorization: Microsoft Entra ID authentication with Azure RBAC (or Kubernetes RBAC), and Local accounts: disabled.",
		.cli = "az aks update -g <rg> -n <cluster> --enable-aad --aad-admin-group-object-ids <group id> --disable-local-accounts",
		.arm = "Microsoft.ContainerService/managedClusters: properties.disableLocalAccounts = true (with aadProfile.managed = true)",
		.defaults = "disableLocalAccounts absent means false: local accounts are enabled by default (Microsoft Learn, 'Manage local accounts with AKS-managed Microsoft Entra integration'), FAIL. A template's AKS Automatic cluster (sku.name Automatic) that leaves it out is UNKNOWN: Microsoft Learn lists Microsoft Entra ID with Azure RBAC for Kubernetes authorization as preconfigured on them ('What is Azure Kubernetes Service (AKS) Automatic?') and Microsoft's Automatic samples (Azure-Samples/aks-samples, automatic/) set no authentication property, so Automatic configures authentication itself and the API default need not apply, but nothing documents whether the local accounts stay on. false fails there too, and a deployed Automatic cluster is judged like any other: its GET returns what Automatic set. The property first appears in the stable api-version 2021-05-01 (the 2021-03-01 managedClusters.json has no such property): a template that sets it true at an earlier api-version, or at one only known at deployment, is UNKNOWN. After disabling local accounts on an existing cluster, rotate the cluster certificates to revoke credentials already handed out.",
		.check = local_accounts,
	},
	{
		.id = "AZA-AKS-003", .title = "AKS API server access is private or limited to authorized IP ranges",
		.level = 1, .severity = AZA_SEV_HIGH, .resp = AZA_RESP_NETWORK, AKS_RULE,
		.rationale = "The Kubernetes API server controls the whole cluster; a public endpoint open to every address exposes it to credential attacks and unpatched API server flaws from the internet.",
		.portal = "Kubernetes service > Settings > Networking: Set authorized IP ranges (or create the cluster as a private cluster).",
		.cli = "az aks update -g <rg> -n <cluster> --api-server-authorized-ip-ranges <cidr>[,<cidr>...]  (or az aks create ... --enable-private-cluster)",
		.arm = "Microsoft.ContainerService/managedClusters: properties.apiServerAccessProfile.enablePrivateCluster = true, or apiServerAccessProfile.authorizedIPRanges = ['<cidr>', ...]",
		.defaults = "A cluster is public unless apiServerAccessProfile.enablePrivateCluster is true, and its public API server accepts every address unless authorizedIPRanges lists ranges (ManagedClusterAPIServerAccessProfile; an empty list means no restriction). An authorized range of every address or of 65,536 public addresses or more (a /16, or an IPv6 /32: the threshold of the NSG and SQL firewall rules too) fails. An entry that is not an address or range, a profile that is not an object, or enablePrivateCluster that is not a boolean: UNKNOWN. The 2019 preview property apiServerAuthorizedIPRanges (outside apiServerAccessProfile) is not read by the current API: UNKNOWN when only it is set.",
		.check = api_access,
	},
	{
		.id = "AZA-AKS-004", .title = "AKS clusters enforce Kubernetes network policies",
		.level = 2, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, AKS_RULE,
		.rationale = "Without a network policy engine every pod can reach every other pod, so one compromised workload can probe the rest of the cluster; a network policy engine lets namespaces restrict that traffic.",
		.portal = "Set at creation (or by migration): Create Kubernetes cluster > Networking > Network policy: Azure, Calico or Cilium.",
		.cli = "az aks update -g <rg> -n <cluster> --network-policy <azure|calico|cilium>",
		.arm = "Microsoft.ContainerService/managedClusters: properties.networkProfile.networkPolicy = 'azure' | 'calico' | 'cilium'",
		.defaults = "networkPolicy none, empty or absent fails: 'none' is 'the default value when NetworkPolicy is not specified' and means network policies are not enforced (NetworkPolicy enum, managed clusters API). azure, calico and cilium pass. Absent together with networkDataplane cilium is UNKNOWN: the API names none as the default, while Azure CNI Powered by Cilium enforces policies itself. So is absent (with no networkDataplane) on a template's AKS Automatic cluster (sku.name Automatic), which gets Azure CNI Overlay powered by Cilium without being asked (Microsoft Learn, 'Configure Azure CNI Powered by Cilium in AKS': \"preconfigured on every AKS Automatic cluster\"); a deployed cluster's GET returns the profile Automatic set, so there it is judged like any other. This checks that an engine is installed, not that namespaces define policies.",
		.check = network_policy,
	},
	{
		.id = "AZA-AKS-005", .title = "AKS clusters send container logs and metrics to Azure Monitor (Container insights)",
		.level = 1, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_DATA, AKS_RULE,
		.rationale = "Container insights collects container logs, events and inventory into a Log Analytics workspace, which investigations and alerts on cluster activity depend on.",
		.portal = "Kubernetes service > Monitoring > Insights: Configure monitoring, choose a Log Analytics workspace.",
		.cli = "az aks enable-addons -g <rg> -n <cluster> -a monitoring --workspace-resource-id <workspace id>",
		.arm = "Microsoft.ContainerService/managedClusters: properties.addonProfiles.omsagent = {enabled: true, config: {logAnalyticsWorkspaceResourceID: <id>}}",
		.defaults = ADDON_DEFAULTS " Passes on the omsagent add-on enabled, or on azureMonitorProfile.containerInsights.enabled true (preview api-versions); fails otherwise. Managed Prometheus (azureMonitorProfile.metrics) carries metrics only and does not count. An AKS Automatic cluster (sku.name Automatic) is judged the same: Container insights is its default only \"when using Azure CLI or the Azure portal\" (Microsoft Learn, 'What is Azure Kubernetes Service (AKS) Automatic?'), which write the add-on into the cluster, so a template that leaves it out gets none. addonProfiles first appears in the stable api-version " AKS_RBAC_ADDONS_API " (the 2017-08-31 managedClusters.json has none): a template that enables the add-on at an earlier api-version, or at one only known at deployment, is UNKNOWN. Control-plane resource logs (kube-audit) are diagnostic settings and are not judged here.",
		.check = monitoring,
	},
	{
		.id = "AZA-AKS-006", .title = "AKS clusters have an automatic upgrade channel",
		.level = 1, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_OS, AKS_RULE,
		.rationale = "Kubernetes patch releases fix security flaws; an auto-upgrade channel applies them without waiting for someone to upgrade by hand and keeps the cluster within the supported version window.",
		.portal = "Kubernetes service > Settings > Cluster configuration > Automatic upgrade: Enabled with patch (recommended) or stable.",
		.cli = "az aks update -g <rg> -n <cluster> --auto-upgrade-channel patch",
		.arm = "Microsoft.ContainerService/managedClusters: properties.autoUpgradeProfile.upgradeChannel = 'patch' | 'stable' | 'rapid'",
		.defaults = "upgradeChannel patch, stable or rapid passes. Absent means none: 'The upgrade channel for auto upgrade. The default is none' (ManagedClusterAutoUpgradeProfile, managed clusters API), FAIL; except that an AKS Automatic cluster (sku.name Automatic) uses the stable channel (Microsoft Learn, 'Automatically upgrade an AKS cluster'): PASS. none fails, and node-image fails because it updates node images only, never the Kubernetes version (the API suggests nodeOSUpgradeChannel for node images).",
		.check = upgrade_channel,
	},
	{
		.id = "AZA-AKS-007", .title = "AKS clusters have the Azure Policy add-on enabled",
		.level = 2, .severity = AZA_SEV_LOW, .resp = AZA_RESP_APPLICATIONS, AKS_RULE,
		.rationale = "The Azure Policy add-on (Gatekeeper) audits and enforces pod security and other rules on what runs in the cluster, centrally from Azure Policy.",
		.portal = "Kubernetes service > Settings > Policies: Enable add-on.",
		.cli = "az aks enable-addons -g <rg> -n <cluster> -a azure-policy",
		.arm = "Microsoft.ContainerService/managedClusters: properties.addonProfiles.azurepolicy.enabled = true",
		.defaults = ADDON_DEFAULTS " The add-on only enforces the policy assignments made to the cluster; which ones apply is not judged here.",
		.check = policy_addon,
	},
	{
		.id = "AZA-AKS-008", .title = "AKS clusters do not run the Kubernetes dashboard add-on",
		.level = 1, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_APPLICATIONS, AKS_RULE,
		.rationale = "The Kubernetes dashboard is a web UI acting with its own service account; exposed or over-privileged, it has been used to take over clusters. The AKS add-on is deprecated and the upstream project was archived in January 2026.",
		.portal = "Disable the add-on, then use the Kubernetes resources view of the cluster in the Azure portal.",
		.cli = "az aks disable-addons -g <rg> -n <cluster> -a kube-dashboard",
		.arm = "Microsoft.ContainerService/managedClusters: properties.addonProfiles.kubeDashboard.enabled = false (or no kubeDashboard entry)",
		.defaults = ADDON_DEFAULTS " kubeDashboard enabled fails; disabled or absent passes (the add-on is deprecated, Microsoft Learn 'Access the Kubernetes web dashboard in AKS', and AKS upgrades clusters that fall out of the supported version window, Microsoft Learn 'Automatically upgrade an AKS cluster').",
		.check = dashboard,
	},
	{
		.id = "AZA-AKS-009", .title = "AKS clusters keep the Kubernetes audit log",
		.level = 1, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_ACCOUNTS, AKS_RULE,
		.needs = "Microsoft.Insights/diagnosticSettings " AZA_DIAG_OF(AKS),
		.rationale = "The API server's audit log records who created, changed, deleted or exec'd into what in the cluster; without it an intrusion through a stolen kubeconfig or service account token leaves no trace outside the nodes.",
		.portal = "Kubernetes service > Monitoring > Diagnostic settings > Add diagnostic setting: kube-audit-admin (or kube-audit, or the audit category group) to a Log Analytics workspace, storage account or event hub.",
		.cli = "az monitor diagnostic-settings create -n aks-audit --resource <cluster id> --workspace <workspace id> --logs '[{\"category\":\"kube-audit-admin\",\"enabled\":true}]'",
		.arm = "Microsoft.Insights/diagnosticSettings on the cluster: logs[] with category 'kube-audit-admin' or 'kube-audit' (or categoryGroup 'audit'/'allLogs') enabled, and a destination",
		.defaults = "A cluster has no diagnostic setting unless one is created, and Container insights (AZA-AKS-005) does not collect the control-plane logs. A setting passes with kube-audit or kube-audit-admin (which leaves out get and list events), or the audit or allLogs category group, enabled, and a destination (a workspace, storage account, event hub or partner solution; an empty or '-' one is none). A setting without them fails; no setting fails. Diagnostic settings not collected for the cluster: UNKNOWN. A snapshot that lists its data sets (meta.datasets) must list Microsoft.ContainerService/managedClusters/providers/Microsoft.Insights/diagnosticSettings, which azaudit collect records since it reads each cluster's settings: Microsoft.Insights/diagnosticSettings alone comes from the subscriptions' own settings, and an older snapshot lists it without holding any cluster's, so a cluster without a setting there is UNKNOWN (cluster diagnostic settings were not collected), not a FAIL.",
		.check = audit_logs,
	},
	{
		.id = "AZA-AKS-010", .title = "AKS node pools encrypt at host",
		.level = 2, .severity = AZA_SEV_LOW, .resp = AZA_RESP_DATA, .area = AZA_AREA_OTHER, .models = AZA_PAAS,
		.types = AKS " " AKS_POOL,
		.rationale = "Server-side encryption protects the managed OS and data disks in Azure Storage, but not the node VMs' temp disks (where an ephemeral OS disk lives, and with it the container images and emptyDir volumes) or the disk caches on the host. Host-based encryption encrypts those on the VM host too, so data also flows encrypted to Storage.",
		.portal = "Set when a node pool is created: Kubernetes service > Settings > Node pools > Add node pool > Enable encryption at host (or on the cluster's pools at creation); move the workloads, then delete the pool without it.",
		.cli = "az aks nodepool add -g <rg> --cluster-name <cluster> -n <pool> --enable-encryption-at-host  (az aks create ... --enable-encryption-at-host for a new cluster; the subscription needs the Microsoft.Compute EncryptionAtHost feature registered)",
		.arm = "Microsoft.ContainerService/managedClusters: properties.agentPoolProfiles[].enableEncryptionAtHost = true; Microsoft.ContainerService/managedClusters/agentPools: properties.enableEncryptionAtHost = true",
		.defaults = "The same reasoning as AZA-VM-008 for the nodes' scale sets. enableEncryptionAtHost absent means false (host-based encryption is off unless requested; Microsoft Learn, 'Host-based encryption on Azure Kubernetes Service (AKS)'), FAIL, as false does. A cluster fails when any node pool of agentPoolProfiles has it off (the message names the first and counts them), passes when every pool has it true; an entry that is not an object or a value that is not a boolean: UNKNOWN. A cluster without agentPoolProfiles, or with an empty list: UNKNOWN. An agentPools resource (a template's, or one in a snapshot) is judged on its own properties, except one whose pool is also in agentPoolProfiles of its parent cluster in the input (same name, any case; Resource Manager returns a cluster's pools both ways): the cluster's verdict covers it, so it is NOT_APPLICABLE naming the cluster, unless the two disagree about enableEncryptionAtHost (absent counts as false; a value that is not a boolean counts as a disagreement), when the pool resource is judged itself as well. The property is first known in the stable api-version " HOST_ENCRYPTION_API " (the 2020-09-01 managedClusters.json has none; the 2020-12-01 examples set it): a template that sets it true at an earlier api-version, or one only known at deployment, is UNKNOWN. Only settable when a pool is created, only on VM sizes and in regions that support it, and the subscription must have the Microsoft.Compute EncryptionAtHost feature registered.",
		.check = host_encryption,
	},
	{
		.id = "AZA-AKS-011", .title = "AKS clusters rotate Key Vault secrets mounted by the Secrets Store CSI driver",
		.level = 2, .severity = AZA_SEV_LOW, .resp = AZA_RESP_APPLICATIONS, AKS_RULE,
		.rationale = "The Azure Key Vault provider for the Secrets Store CSI driver copies secrets, keys and certificates into pod volumes (and synced Kubernetes secrets) when a pod starts. Without autorotation a secret rotated in Key Vault, after a leak or on schedule, reaches the workloads only when every pod using it is recreated, so rotation is slow and costly and old values stay in use.",
		.portal = "Not in the portal: use the CLI.",
		.cli = "az aks addon update -g <rg> -n <cluster> -a azure-keyvault-secrets-provider --enable-secret-rotation [--rotation-poll-interval 2m]  (az aks enable-addons ... --enable-secret-rotation when enabling the add-on)",
		.arm = "Microsoft.ContainerService/managedClusters: properties.addonProfiles.azureKeyvaultSecretsProvider = {enabled: true, config: {enableSecretRotation: 'true', rotationPollInterval: '2m'}}",
		.defaults = "Judged only where the add-on is used: no azureKeyvaultSecretsProvider entry, or one with enabled false, is NOT_APPLICABLE; a template's addonProfiles only known at deployment is UNKNOWN. " ADDON_DEFAULTS " With the add-on enabled, config.enableSecretRotation 'true' passes (the managed clusters API's ManagedClustersCreate_AzureKeyvaultSecretsProvider example; config values are strings, a boolean is read alike); 'false' fails, and absent fails because autorotation is off unless asked for (Microsoft Learn, 'Azure Key Vault provider for Secrets Store CSI Driver for AKS configuration options'; the CLI writes 'false' without --enable-secret-rotation). Another value, or config that is not an object: UNKNOWN. rotationPollInterval (default two minutes) is named in the message, not judged. Applications that read a secret once at start-up, or from environment variables, still need a restart.",
		.check = secret_rotation,
	},
	{
		.id = "AZA-ACR-001", .title = "Container registries have the admin user disabled",
		.level = 1, .severity = AZA_SEV_HIGH, .resp = AZA_RESP_ACCOUNTS, ACR_RULE,
		.rationale = "The admin user is a single shared account whose passwords grant push and pull to the whole registry, outside Microsoft Entra ID, role assignments and per-user audit.",
		.portal = "Container registry > Settings > Access keys: Admin user: off.",
		.cli = "az acr update -n <registry> --admin-enabled false",
		.arm = "Microsoft.ContainerRegistry/registries: properties.adminUserEnabled = false",
		.defaults = "adminUserEnabled absent means false (the admin account is disabled by default, Microsoft Learn 'Authenticate with an Azure container registry'; the built-in policy 'Configure container registries to disable local admin account' acts only on true): PASS. true fails.",
		.check = admin_user,
	},
	{
		.id = "AZA-ACR-002", .title = "Container registries do not allow anonymous pull",
		.level = 1, .severity = AZA_SEV_HIGH, .resp = AZA_RESP_ACCOUNTS, ACR_RULE,
		.rationale = "With anonymous pull anyone who can reach the registry downloads its images, and the secrets, code and internal addresses baked into them, without signing in.",
		.portal = "Not in the portal: use the CLI.",
		.cli = "az acr update -n <registry> --anonymous-pull-enabled false",
		.arm = "Microsoft.ContainerRegistry/registries: properties.anonymousPullEnabled = false",
		.defaults = "anonymousPullEnabled absent means false ('Enables registry-wide pull from unauthenticated clients', off unless set; the built-in policy 'Container registries should have anonymous authentication disabled' flags only true): PASS. true on a deployed registry fails. Anonymous pull exists only in the Standard and Premium tiers (Microsoft Learn, 'Make your container registry content publicly available'): a template that sets it true on a Standard or Premium registry fails, on another SKU or an unreadable one is UNKNOWN (whether Azure refuses or ignores it is not documented).",
		.check = anonymous_pull,
	},
	{
		.id = "AZA-ACR-003", .title = "Container registry public network access is disabled or restricted",
		.level = 1, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, ACR_RULE,
		.rationale = "A registry open to every network can be probed and, with any leaked credential or token, read or written from anywhere; disabling public access or a deny-by-default firewall limits who can reach it.",
		.portal = "Container registry > Settings > Networking > Public access: Disabled, or Selected networks with the allowed IP ranges (Premium).",
		.cli = "az acr update -n <registry> --public-network-enabled false  (or --default-action Deny with az acr network-rule add --ip-address <cidr>)",
		.arm = "Microsoft.ContainerRegistry/registries: properties.publicNetworkAccess = 'Disabled', or networkRuleSet.defaultAction = 'Deny' with networkRuleSet.ipRules (Premium)",
		.defaults = "publicNetworkAccess absent means Enabled and networkRuleSet.defaultAction absent means Allow (NetworkRuleSet, 'default': 'Allow', container registry API): FAIL. publicNetworkAccess Disabled passes, except in a template whose registry is not Premium (or whose sku.name cannot be read): Azure refuses to disable public network access below Premium (Resource Manager answers DisablingPublicNetworkAccessNotSupported, 'Disabling public network access is not supported for the SKU Basic' or 'Standard', as quoted in hashicorp/terraform-provider-azurerm pull request 26054 and Azure-Samples/dotNET-Frontend-AB-Testing-on-Azure-Container-Apps issue 5), so the registry is not deployed as declared: UNKNOWN. publicNetworkAccess first appears in the stable api-version " ACR_PNA_API " (2019-05-01 has none): a template that sets Disabled at an earlier api-version, or at one only known at deployment, is UNKNOWN. A deployed registry reports what applies. defaultAction Deny passes on a Premium registry unless an IP rule admits every address or 65,536 public addresses or more (a /16, or an IPv6 /32: the threshold of the NSG and SQL firewall rules too) (FAIL); network rules are a Premium feature, so Deny on another or an unreadable SKU is UNKNOWN. Wrong types and unknown values: UNKNOWN.",
		.check = registry_network,
	},
	{
		.id = "AZA-ACR-004", .title = "Container registries use private endpoints",
		.level = 2, .severity = AZA_SEV_LOW, .resp = AZA_RESP_NETWORK, ACR_RULE, .needs = PE,
		.rationale = "Private endpoints let clusters and build agents pull and push over the virtual network, so the registry's public endpoint can be closed.",
		.portal = "Container registry > Settings > Networking > Private access > + Create a private endpoint connection (Premium).",
		.cli = "az network private-endpoint create -g <rg> -n <pe> --vnet-name <vnet> --subnet <subnet> --private-connection-resource-id <registry id> --group-id registry --connection-name <name>",
		.arm = "Microsoft.Network/privateEndpoints with privateLinkServiceConnections to the registry (groupIds ['registry'])",
		.defaults = "Only connections whose state is Approved count (private link requires the Premium SKU). A template registry has no connections before deployment: a Microsoft.Network/privateEndpoints resource of the same template whose privateLinkServiceConnections[].properties.privateLinkServiceId is the registry's id counts (Azure approves it on creation; manualPrivateLinkServiceConnections do not count), on a Premium registry only: to a Basic or Standard registry, or one whose sku.name is absent or only known at deployment, it is not deployed as declared (UNKNOWN). A private endpoint whose target is only known at deployment makes the verdict UNKNOWN.",
		.check = registry_private_endpoints,
	},
};
const size_t aza_rules_containers_n = sizeof aza_rules_containers / sizeof aza_rules_containers[0];
