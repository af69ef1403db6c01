/*
 * keyvault.c - rules of the Key Vault area: vault recovery, access model and
 * network settings, key and secret expiry and rotation, certificate validity,
 * Managed HSM purge protection, network access, private endpoints and
 * audit logging, and resource locks on mission-critical resources.
 *
 * Key and secret findings go on the vault and name the offending keys or
 * secrets: the vault is what an owner remediates and what CIS splits by
 * access model (RBAC vs access policies). Keys and secrets are read from the
 * Resource Manager children Microsoft.KeyVault/vaults/keys and /secrets
 * (properties.attributes.exp in Unix seconds; absent = never expires); only
 * enabled ones count. Key rotation policies and certificate policies exist
 * only on the data plane: a snapshot may carry them under
 * dataplane.keyvault[] as {"vault": <vault id>, "keys": [{"name",
 * "rotationPolicy" | "error"}], "certificates": [<data-plane certificate
 * item with its policy>]}, with "error" in place of "certificates" when
 * they could not be listed.
 */
#include "rule.h"
#include <string.h>

#define KV "Microsoft.KeyVault/vaults"
#define KVKEY KV "/keys"
#define KVSECRET KV "/secrets"
#define LOCKS "Microsoft.Authorization/locks"
#define HSM "Microsoft.KeyVault/managedHSMs"

/* Resource types whose critical-tagged instances must carry a lock. */
#define CRITICAL_TYPES                                                                                   \
	"Microsoft.Resources/resourceGroups Microsoft.KeyVault/vaults Microsoft.Storage/storageAccounts "    \
	"Microsoft.Sql/servers Microsoft.Compute/virtualMachines Microsoft.Compute/disks "                  \
	"Microsoft.Web/sites Microsoft.DocumentDB/databaseAccounts Microsoft.DBforPostgreSQL/flexibleServers " \
	"Microsoft.DBforMySQL/flexibleServers Microsoft.Network/virtualNetworks "                           \
	"Microsoft.ContainerService/managedClusters Microsoft.RecoveryServices/vaults "                     \
	"Microsoft.OperationalInsights/workspaces Microsoft.KeyVault/managedHSMs"

/* API version from which a vault created without enableRbacAuthorization
 * gets Azure RBAC (true); before it, and for vaults that exist (their
 * enableRbacAuthorization stays null), access policies. */
#define RBAC_DEFAULT_API "2026-02-01"
/* VaultProperties.enableRbacAuthorization: first in the stable api-version
 * 2019-09-01 (Azure/azure-rest-api-specs, specification/keyvault/.../stable/
 * 2019-09-01/keyvault.json); the 2018-02-14 keyvault.json, the stable one
 * before it, has no such property. */
#define RBAC_API "2019-09-01"

/* enableRbacAuthorization as it applies: 1 true, 0 false, 2 absent and
 * true by the template's API version, 3 absent and false, -1 not a boolean,
 * -2 absent in a template whose API version is only known at deployment. */
static int rbac_setting(aza_ev *ev, const aza_res *r)
{
	int b, k = aza_prop_bool(ev, r, "properties.enableRbacAuthorization", &b);
	if (k < 0)
		return -1;
	if (k)
		return b;
	if (!aza_is_template(r))
		return 3;
	if (aza_api_version_unknown(r))
		return -2;
	return strcmp(r->api_version, RBAC_DEFAULT_API) >= 0 ? 2 : 3;
}

static void rbac_unknown(aza_ev *ev, const aza_res *r, int s)
{
	if (s == -1)
		aza_unknown(ev, r, "enableRbacAuthorization is not a boolean");
	else
		aza_unknown(ev, r, "enableRbacAuthorization not set and the api-version %s is only known at deployment (from " RBAC_DEFAULT_API " a new vault defaults to RBAC, before it to access policies)",
		            r->api_version);
}

/* 1 RBAC vault, 0 access-policy vault, -1 unreadable (UNKNOWN reported). */
static int vault_rbac(aza_ev *ev, const aza_res *r)
{
	int s = rbac_setting(ev, r);
	if (s < 0) {
		rbac_unknown(ev, r, s);
		return -1;
	}
	return s == 1 || s == 2;
}

/* Whether a key, secret or certificate is enabled, from the object holding
 * its "attributes" (a key's properties, a data-plane certificate bundle):
 * 1 enabled (also when enabled is absent or null: the default), 0 disabled,
 * -1 when it cannot be read because enabled, attributes or the holder is of
 * another type. A wrong type is not what Azure returns: the item is neither
 * counted as enabled nor skipped. *note completes "attributes.enabled is not
 * a boolean" for the last two cases (holder_note for the holder). */
static int attr_enabled(const aza_json *holder, const char *holder_note, const char **note)
{
	*note = "";
	if (!holder || aza_json_is(holder, AZA_JNULL))
		return 1;
	if (!aza_json_is(holder, AZA_JOBJ)) {
		*note = holder_note;
		return -1;
	}
	const aza_json *a = aza_json_get(holder, "attributes");
	if (!a || aza_json_is(a, AZA_JNULL))
		return 1;
	if (!aza_json_is(a, AZA_JOBJ)) {
		*note = aza_json_is(a, AZA_JUNKNOWN) ? " (attributes is only known at deployment)" : " (attributes is not an object)";
		return -1;
	}
	const aza_json *v = aza_json_get(a, "enabled");
	int b;
	if (aza_json_bool(v, &b))
		return b;
	if (v && !aza_json_is(v, AZA_JNULL))
		return -1;
	return 1;
}

/* As attr_enabled for a key or secret resource, and -2 for a deployed one
 * without properties: Resource Manager returns every key and secret with
 * them, so the input is an export without details (the engine says the
 * same of a vault), not an enabled item without an expiry. A template item
 * is what will be deployed. */
#define ITEM_BARE (-2)
static int item_enabled(aza_ev *ev, const aza_res *it, const char **note)
{
	const aza_json *p = aza_prop(ev, it, "properties");
	if ((!p || aza_json_is(p, AZA_JNULL)) && !aza_is_template(it)) {
		*note = "";
		return ITEM_BARE;
	}
	return attr_enabled(p, " (properties is not an object)", note);
}

/* Appends 'name' to the list *names of *n items. */
static void item_list(aza_ev *ev, const char **names, size_t *n, const aza_res *it)
{
	*names = aza_ev_fmt(ev, "%s%s'%s'", *names, (*n)++ ? ", " : "", aza_last_seg(it->name));
}

/* The enabled state of key or secret c for a rule that judges the enabled
 * ones: 1 (enabled) or -1 (cannot be read) for an item the caller judges;
 * 0 for one it skips, counted in *ndis when disabled or listed in *bare
 * when it has no properties (ITEM_BARE). *note as item_enabled's. */
static int item_judged(aza_ev *ev, const aza_res *c, const char **note, size_t *ndis, const char **bare, size_t *nbare)
{
	int on = item_enabled(ev, c, note);
	if (on == ITEM_BARE) {
		item_list(ev, bare, nbare, c);
		return 0;
	}
	if (!on)
		(*ndis)++;
	return on;
}

static void bare_unknown(aza_ev *ev, const aza_res *r, const char *what, size_t n, const char *names, const char *unread)
{
	aza_unknown(ev, r, "%s%s %s %s no \"properties\" in the input (an export without details?): whether %s enabled and %s cannot be read", what,
	            n > 1 ? "s" : "", names, n > 1 ? "have" : "has", n > 1 ? "they are" : "it is", unread);
}

/* Keys or secrets of a vault: verdict on the vault naming those without an
 * expiration date. want_rbac selects the vaults this rule judges. */
static void expiry(aza_ev *ev, const aza_res *r, const char *type, int want_rbac, const char *what, const char *other)
{
	int rb = vault_rbac(ev, r);
	if (rb < 0)
		return;
	if (rb != want_rbac) {
		aza_na(ev, r, "%s vault: judged by %s", rb ? "RBAC" : "access-policy", other);
		return;
	}
	size_t n = 0, ndis = 0, nbad = 0, nodd = 0, nen = 0, nbare = 0;
	const char *bad = "", *odd = "", *en = "", *bare = "";
	for (const aza_res *c = aza_inv_child(aza_ev_inv(ev), r->id, type); c; c = aza_inv_next_child(c, r->id)) {
		const char *note;
		int on = item_judged(ev, c, &note, &ndis, &bare, &nbare);
		if (!on)
			continue;
		const aza_json *exp = aza_prop(ev, c, "properties.attributes.exp");
		double d;
		if (on < 0) {
			/* Enabled or not, an item with a readable date is fine; one
			 * without could be disabled: neither PASS nor FAIL. */
			if (!exp || aza_json_is(exp, AZA_JNULL) || !aza_ev_days_until(ev, exp, &d))
				en = aza_ev_fmt(ev, "%s%s'%s'%s", en, nen++ ? ", " : "", aza_last_seg(c->name), note);
			else
				n++;
			continue;
		}
		n++;
		if (!exp || aza_json_is(exp, AZA_JNULL))
			item_list(ev, &bad, &nbad, c);
		else if (!aza_ev_days_until(ev, exp, &d))
			item_list(ev, &odd, &nodd, c);
	}
	if (nbad) {
		aza_fail(ev, r, "%zu of %zu enabled %s%s no expiration date: %s", nbad, n, what, nbad > 1 || n > 1 ? "s have" : " has", bad);
		return;
	}
	if (nodd) {
		aza_unknown(ev, r, "attributes.exp is not a Unix time for %s %s", what, odd);
		return;
	}
	if (nen) {
		aza_unknown(ev, r, "attributes.enabled is not a boolean for %s %s, which has no readable expiration date", what, en);
		return;
	}
	if (nbare) {
		bare_unknown(ev, r, what, nbare, bare, nbare > 1 ? "when they expire" : "when it expires");
		return;
	}
	/* Items in the input prove nothing about those a failed or partial
	 * listing left out. */
	const char *why;
	if (!aza_ev_collected(ev, type, r, &why)) {
		aza_unknown(ev, r, "%ss of the vault unknown: %s%s", what, why,
		            n || ndis ? aza_ev_fmt(ev, " (%zu enabled and %zu disabled in the input)", n, ndis) : "");
		return;
	}
	if (n) {
		aza_pass(ev, r, "all %zu enabled %s%s an expiration date", n, what, n > 1 ? "s have" : " has");
		return;
	}
	aza_na(ev, r, "the vault has no enabled %s%s", what, ndis ? aza_ev_fmt(ev, " (%zu disabled)", ndis) : "");
}

static void key_expiry_rbac(aza_ev *ev, const aza_res *r)
{
	expiry(ev, r, KVKEY, 1, "key", "AZA-KV-002");
}
static void key_expiry_ap(aza_ev *ev, const aza_res *r)
{
	expiry(ev, r, KVKEY, 0, "key", "AZA-KV-001");
}
static void secret_expiry_rbac(aza_ev *ev, const aza_res *r)
{
	expiry(ev, r, KVSECRET, 1, "secret", "AZA-KV-004");
}
static void secret_expiry_ap(aza_ev *ev, const aza_res *r)
{
	expiry(ev, r, KVSECRET, 0, "secret", "AZA-KV-003");
}

static void purge_protection(aza_ev *ev, const aza_res *r)
{
	int pp, sd;
	int kp = aza_prop_bool(ev, r, "properties.enablePurgeProtection", &pp);
	int ks = aza_prop_bool(ev, r, "properties.enableSoftDelete", &sd);
	if (kp < 0 || ks < 0) {
		aza_unknown(ev, r, "%s is not a boolean", kp < 0 ? "enablePurgeProtection" : "enableSoftDelete");
		return;
	}
	if (ks && !sd)
		aza_fail(ev, r, "enableSoftDelete is false: deleted vaults and objects cannot be recovered, so purge protection cannot apply");
	else if (kp && pp)
		aza_pass(ev, r, "enablePurgeProtection is true");
	else
		aza_fail(ev, r, "enablePurgeProtection is %s: soft-deleted vaults and objects can be purged before the retention period ends",
		         kp ? "false" : "not set (off)");
}

/* attributes.recoveryLevel of the vault's keys and secrets reflects "the
 * deletion recovery level currently in effect" for the vault's items (Key
 * Vault REST, DeletionRecoveryLevel): exactly "Purgeable" when soft delete is
 * off; every other level (Recoverable+Purgeable, Recoverable,
 * CustomizedRecoverable...) contains "Recoverable" and means it is on.
 * Counts the items of each kind, naming the first ("key 'k' has
 * recoveryLevel L"). */
static void recovery_levels(aza_ev *ev, const aza_res *r, size_t *npurge, const char **purge, size_t *nrecov, const char **recov)
{
	static const char *const types[] = {KVKEY, KVSECRET};
	static const char *const what[] = {"key", "secret"};
	*npurge = *nrecov = 0;
	for (int i = 0; i < 2; i++) {
		for (const aza_res *c = aza_inv_child(aza_ev_inv(ev), r->id, types[i]); c; c = aza_inv_next_child(c, r->id)) {
			const char *lv = aza_json_str(aza_prop(ev, c, "properties.attributes.recoveryLevel"));
			if (!lv)
				continue;
			if (aza__strieq(lv, "Purgeable")) {
				if (!(*npurge)++)
					*purge = aza_ev_fmt(ev, "%s '%s'", what[i], aza_last_seg(c->name));
			} else if (aza__istrstr(lv, "Recoverable") && !(*nrecov)++) {
				*recov = aza_ev_fmt(ev, "%s '%s' has recoveryLevel %s", what[i], aza_last_seg(c->name), lv);
			}
		}
	}
}

/* From this api-version a vault created without enableSoftDelete gets soft
 * delete (Azure Policy built-in "Key vaults should have deletion protection
 * enabled" flags an unset value only on requests before it). */
#define SOFT_DELETE_DEFAULT_API "2019-09-01"

static void soft_delete(aza_ev *ev, const aza_res *r)
{
	int sd, k = aza_prop_bool(ev, r, "properties.enableSoftDelete", &sd);
	double days = 0;
	int kd = aza_prop_num(ev, r, "properties.softDeleteRetentionInDays", &days);
	if (k < 0) {
		aza_unknown(ev, r, "enableSoftDelete is not a boolean");
		return;
	}
	if (k && !sd) {
		aza_fail(ev, r, "enableSoftDelete is false: a deleted key, secret or the vault itself is gone at once");
		return;
	}
	const char *ret = kd == 1 ? aza_ev_fmt(ev, ", retention %.0f days", days) : "";
	if (k) {
		aza_pass(ev, r, "enableSoftDelete is true%s", ret);
		return;
	}
	/* Unset: the vault's own items show what a delete does now. */
	const char *purge = NULL, *recov = NULL;
	size_t np, nr;
	recovery_levels(ev, r, &np, &purge, &nr, &recov);
	if (np) {
		aza_fail(ev, r, "enableSoftDelete %s and %s has recoveryLevel Purgeable: deleted items of this vault cannot be recovered",
		         aza_is_template(r) ? "not set" : "not returned",
		         np > 1 ? aza_ev_fmt(ev, "%s (and %zu more key(s) or secret(s))", purge, np - 1) : purge);
		return;
	}
	if (aza_is_template(r)) {
		if (aza_api_version_unknown(r))
			aza_unknown(ev, r, "enableSoftDelete not set; its default depends on the api-version, %s, which is only known at deployment", r->api_version);
		else if (strcmp(r->api_version, SOFT_DELETE_DEFAULT_API) >= 0)
			aza_pass(ev, r, "enableSoftDelete not set: at api-version %s a new vault gets soft delete (true), which cannot be turned off%s", r->api_version, ret);
		else
			aza_unknown(ev, r, "enableSoftDelete not set at api-version %s: before " SOFT_DELETE_DEFAULT_API " an unset value is not documented to turn soft delete on; set it to true",
			            r->api_version);
		return;
	}
	if (nr)
		aza_pass(ev, r, "enableSoftDelete not returned, but %s: deletes in this vault are recoverable%s", recov, ret);
	else
		aza_unknown(ev, r, "enableSoftDelete not returned and no key in the input shows the vault's recoveryLevel: vaults created before soft delete "
		                   "became the default may still lack it (Microsoft announced it on for every vault from February 2025 but documents no "
		                   "completion), and an export may omit the property");
}

static void rbac(aza_ev *ev, const aza_res *r)
{
	const char *why;
	int s = rbac_setting(ev, r);
	if (s < 0)
		rbac_unknown(ev, r, s);
	else if (s == 1 && aza_api_predates(ev, r, RBAC_API, &why))
		aza_unknown(ev, r, "enableRbacAuthorization is true, but %s; deploy with a current api-version", why);
	else if (s == 1)
		aza_pass(ev, r, "enableRbacAuthorization is true");
	else if (s == 2)
		aza_pass(ev, r, "enableRbacAuthorization not set: at api-version %s a new vault gets Azure RBAC (true)", r->api_version);
	else
		aza_fail(ev, r, "enableRbacAuthorization is %s: data-plane access is granted by vault access policies (%zu)",
		         s == 0 ? "false" : aza_is_template(r) ? aza_ev_fmt(ev, "not set (false at api-version %s)", r->api_version) : "not set (false)",
		         aza_json_len(aza_prop(ev, r, "properties.accessPolicies")));
}

static void public_access(aza_ev *ev, const aza_res *r)
{
	const aza_json *v = aza_prop(ev, r, "properties.publicNetworkAccess");
	const char *p = aza_json_str(v);
	const char *da = aza_json_str(aza_prop(ev, r, "properties.networkAcls.defaultAction"));
	if (p && aza__strieq(p, "Disabled"))
		aza_pass(ev, r, "publicNetworkAccess is Disabled");
	/* A vault in a network security perimeter's enforced mode reports
	 * SecuredByPerimeter: its public endpoint stays, for whatever the
	 * perimeter's inbound access rules admit (rule.h; as AZA-STG-006). */
	else if (p && aza__strieq(p, "SecuredByPerimeter"))
		aza_fail(ev, r, "publicNetworkAccess is %s, not Disabled: the public endpoint stays on, and a network security perimeter's inbound "
		                "access rules can admit public IP ranges and subscriptions",
		         p);
	else if (p && !aza__strieq(p, "Enabled"))
		aza_unknown(ev, r, "publicNetworkAccess has an unknown value '%s'", p);
	else if (!p && v && !aza_json_is(v, AZA_JNULL))
		aza_unknown(ev, r, "publicNetworkAccess is not a string");
	else
		aza_fail(ev, r, "publicNetworkAccess is %s (firewall default action %s)", p ? p : "not set (Enabled)",
		         da ? da : "not set: Allow");
}

static void firewall(aza_ev *ev, const aza_res *r)
{
	const char *p = aza_json_str(aza_prop(ev, r, "properties.publicNetworkAccess"));
	if (p && aza__strieq(p, "Disabled")) {
		aza_pass(ev, r, "publicNetworkAccess is Disabled (no public endpoint)");
		return;
	}
	/* A perimeter's inbound access rules (and its access mode), not
	 * networkAcls alone, then decide which networks reach the vault: a
	 * Deny proves nothing (rule.h; as AZA-STG-005). */
	if (p && aza__strieq(p, "SecuredByPerimeter")) {
		aza_unknown(ev, r, "%s", AZA_PNA_PERIMETER_WHY);
		return;
	}
	if (aza_not_object(ev, r, "properties.networkAcls"))
		return;
	/* Read last: a template's FAIL points at it. */
	const aza_json *v = aza_prop(ev, r, "properties.networkAcls.defaultAction");
	const char *da = aza_json_str(v);
	if (da && aza__strieq(da, "Deny")) {
		if (!aza_deny_ip_rules_open(ev, r))
			aza_pass(ev, r, "networkAcls.defaultAction is Deny (%zu IP rule(s), %zu virtual network rule(s))",
			         aza_json_len(aza_prop(ev, r, "properties.networkAcls.ipRules")),
			         aza_json_len(aza_prop(ev, r, "properties.networkAcls.virtualNetworkRules")));
	} else if (da && aza__strieq(da, "Allow")) {
		aza_fail(ev, r, "networkAcls.defaultAction is Allow: every network may reach the vault");
	} else if (da || (v && !aza_json_is(v, AZA_JNULL))) {
		aza_unknown(ev, r, "networkAcls.defaultAction has an unexpected value");
	} else {
		aza_fail(ev, r, "networkAcls not set: the default action is Allow (every network)");
	}
}

static void private_endpoints(aza_ev *ev, const aza_res *r)
{
	aza_private_endpoints(ev, r, "vault");
}

static int has_rotate(const aza_json *pol)
{
	aza_json_each(a, aza_json_get(pol, "lifetimeActions")) {
		if (aza_json_streq(aza_json_path(a, "action.type"), "rotate"))
			return 1;
	}
	return 0;
}

/* The rotation policy the vault's data-plane entry (e) holds for key name:
 * the policy, or NULL with why it is not known in *why. */
static const aza_json *dp_policy(aza_ev *ev, const aza_json *e, const char *name, const char **why)
{
	aza_json_each(k, aza_json_get(e, "keys")) {
		if (!aza_json_streq(aza_json_get(k, "name"), name))
			continue;
		const aza_json *pol = aza_json_get(k, "rotationPolicy");
		const aza_json *err = aza_json_get(k, "error");
		if (err && !aza_json_is(err, AZA_JNULL)) {
			const char *t = aza_json_str(err);
			*why = aza_ev_fmt(ev, "not read: %s", t ? t : "(error is not a string)");
			return NULL;
		}
		if (aza_json_is(pol, AZA_JOBJ))
			return pol;
		*why = pol ? "rotationPolicy is not an object" : "no rotationPolicy in its data-plane item";
		return NULL;
	}
	/* Not in the entry: read after the listing, or not read at all. */
	const aza_json *ej = aza_json_get(e, "error");
	const char *et = aza_json_str(ej);
	*why = et ? aza_ev_fmt(ev, "not in the data-plane entry (the vault's data plane: %s)", et)
	          : "not in the data-plane entry";
	return NULL;
}

static void key_rotation(aza_ev *ev, const aza_res *r)
{
	size_t n = 0, ndis = 0, nbad = 0, nunk = 0, nen = 0, nbare = 0, ndp = 0;
	const char *bad = "", *unk = "", *en = "", *bare = "", *dpunk = "";
	/* Resource Manager's key list and GET do not return the rotation
	 * policy; a collected snapshot holds it in the vault's data-plane
	 * entry. */
	const aza_json *e = aza_inv_dataplane_entry(aza_ev_inv(ev), "keyvault", "vault", r->id);
	for (const aza_res *c = aza_inv_child(aza_ev_inv(ev), r->id, KVKEY); c; c = aza_inv_next_child(c, r->id)) {
		const char *note;
		int on = item_judged(ev, c, &note, &ndis, &bare, &nbare);
		if (!on)
			continue;
		const aza_json *pol = aza_prop(ev, c, "properties.rotationPolicy");
		const char *dpwhy = NULL;
		if (!aza_json_is(pol, AZA_JOBJ) && !aza_is_template(c) && e)
			pol = dp_policy(ev, e, aza_last_seg(c->name), &dpwhy);
		if (on < 0) {
			/* Enabled or not, a key that rotates is fine; for one that
			 * does not, it is not known whether it counts. */
			if (aza_json_is(pol, AZA_JOBJ) && has_rotate(pol))
				n++;
			else
				en = aza_ev_fmt(ev, "%s%s'%s'%s", en, nen++ ? ", " : "", aza_last_seg(c->name), note);
			continue;
		}
		n++;
		/* Absent from a deployed key means not collected (unless the
		 * data plane gave it); absent from a template means none is set. */
		if (dpwhy)
			dpunk = aza_ev_fmt(ev, "%s%s'%s' (%s)", dpunk, ndp++ ? ", " : "", aza_last_seg(c->name), dpwhy);
		else if (!aza_json_is(pol, AZA_JOBJ) && !aza_is_template(c))
			item_list(ev, &unk, &nunk, c);
		else if (!has_rotate(pol))
			item_list(ev, &bad, &nbad, c);
	}
	if (nbad) {
		aza_fail(ev, r, "%zu of %zu enabled key%s no rotation policy with a Rotate action: %s", nbad, n, n > 1 ? "s have" : " has", bad);
		return;
	}
	if (ndp) {
		aza_unknown(ev, r, "rotation policy not known for key%s %s", ndp > 1 ? "s" : "", dpunk);
		return;
	}
	if (nunk) {
		const char *uri = aza_json_str(aza_prop(ev, r, "properties.vaultUri"));
		size_t ul = uri ? strlen(uri) : 0;
		while (ul && uri[ul - 1] == '/')
			ul--;
		aza_unknown(ev, r, "no rotationPolicy in the input for key%s %s: Resource Manager does not return it (data plane: GET %.*s/keys/{name}/rotationpolicy)",
		            nunk > 1 ? "s" : "", unk, uri ? (int)ul : (int)strlen("{vaultUri}"), uri ? uri : "{vaultUri}");
		return;
	}
	if (nen) {
		aza_unknown(ev, r, "attributes.enabled is not a boolean for key%s %s, which has no rotation policy with a Rotate action", nen > 1 ? "s" : "", en);
		return;
	}
	if (nbare) {
		bare_unknown(ev, r, "key", nbare, bare, nbare > 1 ? "how they rotate" : "how it rotates");
		return;
	}
	/* Keys in the input prove nothing about those a failed or partial
	 * listing left out. */
	const char *why;
	if (!aza_ev_collected(ev, KVKEY, r, &why)) {
		aza_unknown(ev, r, "keys of the vault unknown: %s%s", why,
		            n || ndis ? aza_ev_fmt(ev, " (%zu enabled and %zu disabled in the input)", n, ndis) : "");
		return;
	}
	if (n) {
		aza_pass(ev, r, "all %zu enabled key%s rotated automatically", n, n > 1 ? "s are" : " is");
		return;
	}
	aza_na(ev, r, "the vault has no enabled key%s", ndis ? aza_ev_fmt(ev, " (%zu disabled)", ndis) : "");
}

/* "https://v.vault.azure.net/certificates/<name>[/<version>]" -> name */
static const char *cert_name(aza_ev *ev, const char *id)
{
	const char *p = id ? aza__istrstr(id, "/certificates/") : NULL;
	if (!p)
		return id ? id : "?";
	p += strlen("/certificates/");
	return aza_ev_fmt(ev, "%.*s", (int)strcspn(p, "/"), p);
}

static void cert_validity(aza_ev *ev, const aza_res *r)
{
	const aza_json *e = aza_inv_dataplane_entry(aza_ev_inv(ev), "keyvault", "vault", r->id);
	if (!e) {
		const char *uri = aza_json_str(aza_prop(ev, r, "properties.vaultUri"));
		if (!uri)
			uri = "{vaultUri}";
		size_t ul = strlen(uri);
		while (ul && uri[ul - 1] == '/')
			ul--;
		aza_unknown(ev, r, "certificate policies are data-plane only (GET %.*s/certificates/{name}/policy) and the input has none for this vault",
		            (int)ul, uri);
		return;
	}
	const aza_json *ej = aza_json_get(e, "error");
	if (ej && !aza_json_is(ej, AZA_JNULL)) {
		/* Any error, whatever its shape: the list may be partial. */
		const char *err = aza_json_str(ej);
		if (!err)
			err = aza_json_str(aza_json_get(ej, "message"));
		aza_unknown(ev, r, "certificates could not be read from the data plane: %s", err ? err : "(error is not a string)");
		return;
	}
	const aza_json *certs = aza_json_get(e, "certificates");
	if (!aza_json_is(certs, AZA_JARR)) {
		aza_unknown(ev, r, "the data-plane entry for this vault has no certificates array");
		return;
	}
	int max = aza_ev_cfg(ev)->cert_max_validity_months;
	size_t n = 0, nbad = 0, nunk = 0, nen = 0;
	const char *bad = "", *unk = "", *en = "";
	aza_json_each(c, certs) {
		const char *note;
		int on = attr_enabled(c, " (the certificate is not an object)", &note);
		if (!on)
			continue;
		const char *nm = cert_name(ev, aza_json_str(aza_json_get(c, "id")));
		double m;
		int known = aza_json_num(aza_json_path(c, "policy.x509_props.validity_months"), &m);
		if (on < 0) {
			/* Enabled or not, a certificate within the limit is fine;
			 * one over it or without a readable validity may be
			 * disabled: neither PASS nor FAIL. */
			if (known && m <= max)
				n++;
			else
				en = aza_ev_fmt(ev, "%s%s'%s'%s", en, nen++ ? ", " : "", nm, note);
			continue;
		}
		n++;
		/* A policy read that failed says why in the certificate's item. */
		const aza_json *perr = aza_json_get(c, "error");
		const char *pe = aza_json_str(perr) ? aza_json_str(perr) : aza_json_str(aza_json_get(perr, "message"));
		if (!known && pe)
			unk = aza_ev_fmt(ev, "%s%s'%s' (policy not read: %s)", unk, nunk++ ? ", " : "", nm, pe);
		else if (!known)
			unk = aza_ev_fmt(ev, "%s%s'%s'", unk, nunk++ ? ", " : "", nm);
		else if (m > max)
			bad = aza_ev_fmt(ev, "%s%s'%s' (%.0f months)", bad, nbad++ ? ", " : "", nm, m);
	}
	if (nbad)
		aza_fail(ev, r, "%zu certificate%s valid longer than %d months: %s", nbad, nbad > 1 ? "s are" : " is", max, bad);
	else if (nunk)
		aza_unknown(ev, r, "no policy.x509_props.validity_months for certificate%s %s", nunk > 1 ? "s" : "", unk);
	else if (nen)
		aza_unknown(ev, r, "attributes.enabled is not a boolean for certificate%s %s, which %s valid longer than %d months or %s no readable policy.x509_props.validity_months",
		            nen > 1 ? "s" : "", en, nen > 1 ? "are" : "is", max, nen > 1 ? "have" : "has");
	else if (n)
		aza_pass(ev, r, "all %zu enabled certificate%s valid for at most %d months", n, n > 1 ? "s are" : " is", max);
	else
		aza_na(ev, r, "the vault has no enabled certificate");
}

/* ---- locks on mission-critical resources (subscription scope) ---- */

static void critical_locks(aza_ev *ev, const aza_res *sub)
{
	const struct aza_cfg *cfg = aza_ev_cfg(ev);
	if (!cfg->critical_tag_name) {
		aza_manual(ev, sub, "no critical_tag configured: list the mission-critical resources and check that each carries a CanNotDelete or ReadOnly lock on itself, its resource group or the subscription (az lock list)");
		return;
	}
	const char *tag = cfg->critical_tag_value ? aza_ev_fmt(ev, "%s=%s", cfg->critical_tag_name, cfg->critical_tag_value)
	                                          : cfg->critical_tag_name;
	const char *why;
	int collected = aza_ev_collected(ev, LOCKS, sub, &why);
	size_t n = 0;
	const char *p = CRITICAL_TYPES;
	char t[128];
	while (*p) {
		size_t l = strcspn(p, " ");
		if (l && l < sizeof t) {
			memcpy(t, p, l);
			t[l] = 0;
			for (const aza_res *r = aza_inv_first(aza_ev_inv(ev), t); r; r = r->next_of_type) {
				if (r->pseudo || !aza__strieq(r->sub, aza_last_seg(sub->id)) || !aza_ev_is_critical(ev, r))
					continue;
				n++;
				const char *lv;
				const aza_res *lk = aza_ev_delete_lock(ev, r, &lv);
				if (lk) {
					const char *at = aza__strieq(lk->parent, r->id) ? "the resource itself" : lk->parent;
					aza_pass(ev, r, "tagged %s; lock '%s' (%s) at %s", tag, aza_last_seg(lk->name), lv, at);
				} else if (!collected) {
					aza_unknown(ev, r, "tagged %s; %s", tag, why);
				} else {
					aza_fail(ev, r, "tagged %s but no CanNotDelete or ReadOnly lock on it, its resource group or the subscription", tag);
				}
			}
		}
		p += l;
		while (*p == ' ')
			p++;
	}
	if (!n)
		aza_na(ev, sub, "no resource in this subscription carries the critical tag %s (types read: resource groups, vaults, storage, SQL, VMs, disks, web apps, Cosmos DB, PostgreSQL, MySQL, VNets, AKS, Recovery Services, Log Analytics, managed HSMs)",
		       tag);
}

/* ---- Managed HSM (AZA-KV-015..018) ---- */

/* The first stable api-version of managedHSMs with publicNetworkAccess and
 * networkAcls (2020-04-01-preview has neither; 2021-10-01 has both). */
#define HSM_NETWORK_API "2021-10-01"

static void hsm_purge_protection(aza_ev *ev, const aza_res *r)
{
	int pp, k = aza_prop_bool(ev, r, "properties.enablePurgeProtection", &pp);
	if (k < 0)
		aza_unknown(ev, r, "enablePurgeProtection is not a boolean");
	else if (k && pp)
		aza_pass(ev, r, "enablePurgeProtection is true: deleted HSMs and keys cannot be purged before the retention period ends");
	else if (k)
		aza_fail(ev, r, "enablePurgeProtection is false: the soft-deleted HSM and its soft-deleted keys can be purged at once");
	/* The REST specification (managedHsm.json) gives it "default": true
	 * while Microsoft Learn documents no default: an unset value is not
	 * evidence either way. */
	else if (aza_is_template(r))
		aza_unknown(ev, r, "enablePurgeProtection not set: the REST specification documents a default of true, Microsoft Learn none; set it to true");
	else
		aza_unknown(ev, r, "enablePurgeProtection not in the input: whether purge protection is on cannot be read");
}

static void hsm_network(aza_ev *ev, const aza_res *r)
{
	const char *v = NULL, *why = NULL;
	aza_pna p = aza_public_network_access(ev, r, &v);
	if (p == AZA_PNA_JUDGED)
		return;
	if (p == AZA_PNA_PERIMETER) {
		aza_unknown(ev, r, "%s", AZA_PNA_PERIMETER_WHY);
		return;
	}
	if (p == AZA_PNA_DISABLED) {
		if (aza_api_predates(ev, r, HSM_NETWORK_API, &why))
			aza_unknown(ev, r, "publicNetworkAccess is %s, but %s; deploy with a current api-version", v, why);
		else
			aza_pass(ev, r, "publicNetworkAccess is %s: only private endpoints reach the HSM", v);
		return;
	}
	if (aza_not_object(ev, r, "properties.networkAcls"))
		return;
	const char *pna = p == AZA_PNA_ENABLED ? "publicNetworkAccess is Enabled" : "publicNetworkAccess not set (Enabled)";
	const aza_json *dv = aza_prop(ev, r, "properties.networkAcls.defaultAction");
	const char *da = aza_json_str(dv);
	if (da && aza__strieq(da, "Deny")) {
		if (aza_deny_ip_rules_open(ev, r))
			return;
		const char *bp = aza_json_str(aza_prop(ev, r, "properties.networkAcls.bypass"));
		if (aza_api_predates(ev, r, HSM_NETWORK_API, &why))
			aza_unknown(ev, r, "networkAcls.defaultAction is Deny, but %s; deploy with a current api-version", why);
		else
			aza_pass(ev, r, "%s, but networkAcls.defaultAction is Deny (%zu IP rule(s), %zu virtual network rule(s), bypass %s)", pna,
			         aza_json_len(aza_prop(ev, r, "properties.networkAcls.ipRules")),
			         aza_json_len(aza_prop(ev, r, "properties.networkAcls.virtualNetworkRules")),
			         bp ? bp : "not set: AzureServices");
	} else if (da && aza__strieq(da, "Allow")) {
		aza_fail(ev, r, "%s and networkAcls.defaultAction is Allow: every network may reach the HSM's data plane", pna);
	} else if (da || (dv && !aza_json_is(dv, AZA_JNULL))) {
		aza_unknown(ev, r, "networkAcls.defaultAction has an unexpected value");
	} else {
		aza_fail(ev, r, "%s and no networkAcls.defaultAction: no firewall limits which networks reach the HSM's data plane", pna);
	}
}

static void hsm_logging(aza_ev *ev, const aza_res *r)
{
	aza_diag_audit(ev, r, "AuditEvent", "audit allLogs", "AuditEvent (nor the audit or allLogs group)",
	               "no record is kept of who used, managed or deleted the HSM's keys");
}

/* As a vault's (AZA-KV-010): the HSM's privateEndpointConnections
 * (MHSMPrivateEndpointConnectionItem, managedHsm.json) carry the same
 * privateLinkServiceConnectionState.status. */
static void hsm_private_endpoints(aza_ev *ev, const aza_res *r)
{
	aza_private_endpoints(ev, r, "HSM");
}

#define PAAS_DATA .resp = AZA_RESP_DATA, .models = AZA_PAAS
#define PAAS_NET .resp = AZA_RESP_NETWORK, .models = AZA_PAAS
#define PAAS_ACC .resp = AZA_RESP_ACCOUNTS, .models = AZA_PAAS

#define EXPIRY_DEFAULTS "Judged on the vault, naming each enabled item without properties.attributes.exp (Unix seconds; absent means it never expires). Disabled items are ignored; attributes.enabled absent means enabled, and one that cannot be read (enabled not a boolean, attributes or properties not an object) on an item without a date gives UNKNOWN. A deployed key or secret without properties (absent or null; Resource Manager always returns them) is an export without details, not an enabled item without expiry: UNKNOWN, unless another item fails. enableRbacAuthorization absent means an access-policy vault, except in a template at api-version 2026-02-01 or later (a new vault then gets RBAC; an api-version known only at deployment: UNKNOWN). A vault with no enabled item is NOT_APPLICABLE; items not collected, or a listing that failed in part, without an item that fails: UNKNOWN."

const struct aza_rule aza_rules_keyvault[] = {
	{
		.id = "AZA-KV-001", .title = "Keys in RBAC key vaults have an expiration date",
		.area = AZA_AREA_KEYVAULT, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_DATA, .types = KV,
		.needs = KVKEY, .checklist = "keyvault.expiration", .cis = "6.0.0:8.3.1 5.0.0:8.3.1",
		.rationale = "A key without an expiration date can be used forever; an expiry forces rotation and limits how long a leaked key is useful.",
		.portal = "Key vault > Objects > Keys > key > current version > Set expiration date.",
		.cli = "az keyvault key set-attributes --vault-name <vault> -n <key> --expires 2027-01-01T00:00:00Z",
		.arm = "Microsoft.KeyVault/vaults/keys: properties.attributes.exp (Unix seconds)",
		.defaults = EXPIRY_DEFAULTS " Access-policy vaults are NOT_APPLICABLE here (AZA-KV-002).",
		.check = key_expiry_rbac,
	},
	{
		.id = "AZA-KV-002", .title = "Keys in access-policy key vaults have an expiration date",
		.area = AZA_AREA_KEYVAULT, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_DATA, .types = KV,
		.needs = KVKEY, .checklist = "keyvault.expiration", .cis = "6.0.0:8.3.2",
		.rationale = "A key without an expiration date can be used forever; an expiry forces rotation and limits how long a leaked key is useful.",
		.portal = "Key vault > Objects > Keys > key > current version > Set expiration date.",
		.cli = "az keyvault key set-attributes --vault-name <vault> -n <key> --expires 2027-01-01T00:00:00Z",
		.arm = "Microsoft.KeyVault/vaults/keys: properties.attributes.exp (Unix seconds)",
		.defaults = EXPIRY_DEFAULTS " RBAC vaults are NOT_APPLICABLE here (AZA-KV-001).",
		.check = key_expiry_ap,
	},
	{
		.id = "AZA-KV-003", .title = "Secrets in RBAC key vaults have an expiration date",
		.area = AZA_AREA_KEYVAULT, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_DATA, .types = KV,
		.needs = KVSECRET, .checklist = "keyvault.expiration", .cis = "6.0.0:8.3.3",
		.rationale = "A secret without an expiration date tends never to be rotated; an expiry makes its owner renew it.",
		.portal = "Key vault > Objects > Secrets > secret > current version > Set expiration date.",
		.cli = "az keyvault secret set-attributes --vault-name <vault> -n <secret> --expires 2027-01-01T00:00:00Z",
		.arm = "Microsoft.KeyVault/vaults/secrets: properties.attributes.exp (Unix seconds)",
		.defaults = EXPIRY_DEFAULTS " Access-policy vaults are NOT_APPLICABLE here (AZA-KV-004).",
		.check = secret_expiry_rbac,
	},
	{
		.id = "AZA-KV-004", .title = "Secrets in access-policy key vaults have an expiration date",
		.area = AZA_AREA_KEYVAULT, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_DATA, .types = KV,
		.needs = KVSECRET, .checklist = "keyvault.expiration", .cis = "6.0.0:8.3.4",
		.rationale = "A secret without an expiration date tends never to be rotated; an expiry makes its owner renew it.",
		.portal = "Key vault > Objects > Secrets > secret > current version > Set expiration date.",
		.cli = "az keyvault secret set-attributes --vault-name <vault> -n <secret> --expires 2027-01-01T00:00:00Z",
		.arm = "Microsoft.KeyVault/vaults/secrets: properties.attributes.exp (Unix seconds)",
		.defaults = EXPIRY_DEFAULTS " RBAC vaults are NOT_APPLICABLE here (AZA-KV-003).",
		.check = secret_expiry_ap,
	},
	{
		.id = "AZA-KV-005", .title = "Key vaults have purge protection enabled",
		.area = AZA_AREA_KEYVAULT, .level = 1, .severity = AZA_SEV_HIGH, PAAS_DATA, .types = KV,
		.checklist = "keyvault.recoverable", .cis = "6.0.0:8.3.5 5.0.0:8.3.5",
		.rationale = "Without purge protection a compromised or careless administrator can delete and purge a vault or key at once, destroying everything encrypted with it.",
		.portal = "Key vault > Settings > Properties > Purge protection: Enable purge protection (cannot be undone).",
		.cli = "az keyvault update -g <rg> -n <vault> --enable-purge-protection true",
		.arm = "Microsoft.KeyVault/vaults: properties.enablePurgeProtection = true",
		.defaults = "enablePurgeProtection absent means off (FAIL). enableSoftDelete explicitly false fails as well.",
		.check = purge_protection,
	},
	{
		.id = "AZA-KV-006", .title = "Key vaults have soft delete enabled",
		.area = AZA_AREA_KEYVAULT, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_DATA, .types = KV,
		.checklist = "keyvault.recoverable", .cis = "6.0.0:8.3.5",
		.rationale = "Soft delete keeps deleted vaults, keys, secrets and certificates recoverable for the retention period.",
		.portal = "Key vault > Settings > Properties > Soft-delete: enabled (on by default).",
		.cli = "az keyvault update -g <rg> -n <vault> --set properties.enableSoftDelete=true",
		.arm = "Microsoft.KeyVault/vaults: properties.enableSoftDelete = true",
		.defaults = "enableSoftDelete true passes, false fails. Once on, soft delete cannot be turned off (Microsoft Learn, Azure Key Vault soft-delete overview). Absent from a deployed vault proves nothing: vaults created before soft delete became the default (for vaults created after 1 September 2019, per Microsoft's built-in policy \"Key vaults should have deletion protection enabled\") did not have it unless enabled, Microsoft Learn (Soft-delete will be enabled on all key vaults) only announces that in February 2025 it will enable soft delete on every vault and remove the opt-out, and Microsoft's own built-in policy \"Key vaults should have soft delete enabled\" treats an absent enableSoftDelete as non-compliant. It is then judged by the vault's keys and secrets in the input: attributes.recoveryLevel Purgeable (soft delete off) fails, a level containing Recoverable (Recoverable+Purgeable is soft delete without purge protection) passes, none gives UNKNOWN. A template creates the vault: absent passes from api-version 2019-09-01 (an unset value creates it with soft delete on; built-in policy \"Key vaults should have deletion protection enabled\") and is UNKNOWN before it or when the api-version is only known at deployment.",
		.check = soft_delete,
	},
	{
		.id = "AZA-KV-007", .title = "Key vaults use Azure RBAC for data-plane access",
		.area = AZA_AREA_KEYVAULT, .level = 2, .severity = AZA_SEV_MEDIUM, PAAS_ACC, .types = KV,
		.cis = "6.0.0:8.3.6",
		.rationale = "Azure RBAC gives per-object scopes, PIM, conditional access and one audit trail; vault access policies grant broad vault-wide permissions outside them.",
		.portal = "Key vault > Settings > Access configuration > Permission model: Azure role-based access control.",
		.cli = "az keyvault update -g <rg> -n <vault> --enable-rbac-authorization true",
		.arm = "Microsoft.KeyVault/vaults: properties.enableRbacAuthorization = true",
		.defaults = "Absent means false (access policies) for existing vaults (FAIL), and in a template before api-version 2026-02-01; from 2026-02-01 a vault created without it gets Azure RBAC (PASS); a template api-version known only at deployment: UNKNOWN. true passes, except in a template at an api-version before " RBAC_API " (the first stable one with the property; 2018-02-14 has none) or one only known at deployment: UNKNOWN (Azure may ignore a property its version does not have). Assign data-plane roles before switching, or callers lose access.",
		.check = rbac,
	},
	{
		.id = "AZA-KV-008", .title = "Key vault public network access is disabled",
		.area = AZA_AREA_KEYVAULT, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = KV,
		.cis = "6.0.0:8.3.7",
		.rationale = "With public network access disabled only private endpoints reach the vault.",
		.portal = "Key vault > Settings > Networking > Firewalls and virtual networks: Disable public access.",
		.cli = "az keyvault update -g <rg> -n <vault> --public-network-access Disabled",
		.arm = "Microsoft.KeyVault/vaults: properties.publicNetworkAccess = 'Disabled'",
		.defaults = "Absent means Enabled (FAIL). SecuredByPerimeter (a vault in a network security perimeter's enforced mode) is not Disabled (FAIL), as for storage accounts (AZA-STG-006): the endpoint stays on and the perimeter's inbound access rules can admit public traffic. Another value, or one that is not a string: UNKNOWN. A firewall with default action Deny is judged by AZA-KV-009, not here.",
		.check = public_access,
	},
	{
		.id = "AZA-KV-009", .title = "Key vault firewall denies access by default",
		.area = AZA_AREA_KEYVAULT, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = KV,
		.rationale = "A firewall default action of Deny limits the public endpoint to selected networks and trusted services.",
		.portal = "Key vault > Settings > Networking: Allow public access from specific virtual networks and IP addresses.",
		.cli = "az keyvault update -g <rg> -n <vault> --default-action Deny",
		.arm = "Microsoft.KeyVault/vaults: properties.networkAcls.defaultAction = 'Deny'",
		.defaults = "networkAcls absent means default action Allow (FAIL). publicNetworkAccess Disabled passes. publicNetworkAccess SecuredByPerimeter: a network security perimeter's inbound access rules (and its access mode) decide which networks reach the vault, whatever networkAcls says: UNKNOWN, as for storage accounts (AZA-STG-005). Deny with an IPv4 rule of prefix length below 8 (0.0.0.0/0, 0.0.0.0/1...) or an IPv6 /0 opens the vault to the internet at large: FAIL. networkAcls that is not an object, ipRules that is not an array, or a rule value that is not an address or range: UNKNOWN.",
		.check = firewall,
	},
	{
		.id = "AZA-KV-010", .title = "Key vaults use private endpoints",
		.area = AZA_AREA_KEYVAULT, .level = 2, .severity = AZA_SEV_LOW, PAAS_NET, .types = KV,
		.needs = "Microsoft.Network/privateEndpoints", .cis = "6.0.0:8.3.8",
		.rationale = "Private endpoints keep traffic to the vault inside the virtual network and on the Microsoft backbone.",
		.portal = "Key vault > Settings > Networking > Private endpoint connections > + Create.",
		.cli = "az network private-endpoint create -g <rg> -n <pe> --vnet-name <vnet> --subnet <subnet> --private-connection-resource-id <vault id> --group-id vault --connection-name <name>",
		.arm = "Microsoft.Network/privateEndpoints with privateLinkServiceConnections to the vault (groupIds ['vault'])",
		.defaults = "Only connections whose state is Approved count. A template vault has no connections before deployment: a Microsoft.Network/privateEndpoints resource of the same template whose privateLinkServiceConnections[].properties.privateLinkServiceId is the vault's id counts (Azure approves it on creation; manualPrivateLinkServiceConnections do not count). A private endpoint whose target is only known at deployment makes the verdict UNKNOWN.",
		.check = private_endpoints,
	},
	{
		.id = "AZA-KV-011", .title = "Key vault keys rotate automatically",
		.area = AZA_AREA_KEYVAULT, .level = 2, .severity = AZA_SEV_LOW, PAAS_DATA, .types = KV,
		.needs = KVKEY, .checklist = "keyvault.expiration", .cis = "6.0.0:8.3.9",
		.rationale = "A rotation policy with a Rotate action creates new key versions on schedule, so rotation does not depend on someone remembering.",
		.portal = "Key vault > Objects > Keys > key > Rotation policy: set Enable auto rotation and the rotation time.",
		.cli = "az keyvault key rotation-policy update --vault-name <vault> -n <key> --value policy.json",
		.arm = "Microsoft.KeyVault/vaults/keys: properties.rotationPolicy.lifetimeActions[] with action.type 'rotate'",
		.defaults = "Judged on the vault, naming each enabled key whose rotationPolicy has no lifetime action of type rotate (a notify-only policy fails, and so does the default policy Key Vault returns for a key without one, Notify 30 days before expiry). Resource Manager's key list does not return rotationPolicy: for a deployed key the rule reads the key's item in the vault's dataplane.keyvault entry (keys[]: {name, rotationPolicy}, as azaudit collect reads GET {vaultUri}/keys/{name}/rotationpolicy); a key whose item carries an error, or that the entry does not list, is UNKNOWN naming why; without an entry, absent from a deployed key gives UNKNOWN; absent from a template key means no policy (FAIL). A vault with no enabled key is NOT_APPLICABLE; keys not collected, or a listing that failed in part, without a key that fails: UNKNOWN. attributes.enabled that cannot be read (not a boolean, attributes or properties not an object) on a key without a Rotate action: UNKNOWN. A deployed key without properties (absent or null) is an export without details: UNKNOWN, unless another key fails.",
		.check = key_rotation,
	},
	{
		.id = "AZA-KV-012", .title = "Managed HSM is used where FIPS 140-3 Level 3 single-tenant keys are required",
		.area = AZA_AREA_KEYVAULT, .level = 2, .severity = AZA_SEV_INFO, PAAS_DATA, .cis = "6.0.0:8.3.10",
		.rationale = "Some regulations require keys in a dedicated, single-tenant HSM under the customer's security domain; key vaults (even Premium) are multi-tenant.",
		.manual = "Decide which workloads must keep keys in a single-tenant FIPS 140-3 Level 3 HSM (regulatory or contractual requirement). For those, confirm their keys live in a Managed HSM (az keyvault list --resource-type hsm) and not in a standard or premium vault; record the decision for the others.",
	},
	{
		.id = "AZA-KV-013", .title = "Key vault certificates are valid for at most 12 months",
		.area = AZA_AREA_KEYVAULT, .level = 1, .severity = AZA_SEV_LOW, PAAS_DATA, .types = KV,
		.cis = "6.0.0:8.3.11",
		.rationale = "Short-lived certificates limit how long a stolen private key stays usable and keep renewal automated and practised.",
		.portal = "Key vault > Objects > Certificates > certificate > Issuance Policy > Validity Period (in months): 12 or less.",
		.cli = "az keyvault certificate set-attributes --vault-name <vault> -n <cert> --policy @policy.json  (x509CertificateProperties.validityInMonths <= 12)",
		.arm = "Not in Resource Manager: certificate policy x509_props.validity_months on the data plane",
		.defaults = "Certificate policies exist only on the data plane; without a collected dataplane.keyvault entry for the vault, or with an entry carrying an error (a string or any other value), the rule says UNKNOWN, never PASS. The limit is cert_max_validity_months in the configuration (default 12). Disabled certificates are ignored; attributes.enabled absent means enabled. A certificate whose enabled cannot be read (not a boolean, or attributes not an object) counts if it is within the limit and otherwise gives UNKNOWN, unless an enabled certificate fails.",
		.check = cert_validity,
	},
	{
		.id = "AZA-KV-014", .title = "Mission-critical resources carry a delete or read-only lock",
		/* No .models: the rule spans IaaS and PaaS types, and a model here
		 * would relabel every type in .needs when the inventory declares it. */
		.area = AZA_AREA_KEYVAULT, .level = 2, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_DATA, .scope = AZA_SCOPE_SUBSCRIPTION,
		.needs = LOCKS " " CRITICAL_TYPES, .subject = CRITICAL_TYPES, .checklist = "keyvault.locks",
		.rationale = "A CanNotDelete or ReadOnly lock stops a mission-critical resource being deleted by mistake or by a compromised identity until someone deliberately removes the lock.",
		.portal = "Resource (or its resource group) > Settings > Locks > + Add: Lock type Delete.",
		.cli = "az lock create --name no-delete --lock-type CanNotDelete --resource <resource id>",
		.arm = "Microsoft.Authorization/locks with properties.level 'CanNotDelete' at the resource, its resource group or the subscription",
		.defaults = "Critical means carrying the configured critical_tag (name, optionally value). Without critical_tag the rule is MANUAL per subscription. Locks are inherited: one on the resource group or subscription counts. Findings go on each tagged resource; a subscription with no tagged resource is NOT_APPLICABLE. Only the resource types listed in .needs are read.",
		.check = critical_locks,
	},
	{
		.id = "AZA-KV-015", .title = "Managed HSMs have purge protection enabled",
		.area = AZA_AREA_KEYVAULT, .level = 1, .severity = AZA_SEV_HIGH, PAAS_DATA, .types = HSM,
		.checklist = "keyvault.recoverable",
		.rationale = "Soft delete is always on for a Managed HSM, but without purge protection a compromised or careless administrator can delete and then purge the HSM or its keys at once, destroying everything encrypted with them.",
		.portal = "No portal step is documented: use the az command, or Update-AzKeyVaultManagedHsm -EnablePurgeProtection in PowerShell (Microsoft Learn, Managed HSM soft-delete and purge protection). It cannot be undone.",
		.cli = "az keyvault update-hsm -g <rg> --hsm-name <hsm> --enable-purge-protection true",
		.arm = "Microsoft.KeyVault/managedHSMs: properties.enablePurgeProtection = true",
		.defaults = "enablePurgeProtection true passes, false fails, another type is UNKNOWN. Soft delete cannot be disabled for a Managed HSM (Microsoft Learn, Managed HSM soft-delete and purge protection), so it is not judged. Absent is UNKNOWN, deployed or in a template: the REST specification (managedHsm.json, 2021-10-01 and later) gives the property a default of true, while Microsoft Learn documents no default and its examples set it explicitly; set it to true.",
		.check = hsm_purge_protection,
	},
	{
		.id = "AZA-KV-016", .title = "Managed HSM public network access is disabled or its firewall denies by default",
		.area = AZA_AREA_KEYVAULT, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = HSM,
		.rationale = "With public network access disabled only private endpoints reach the HSM; a firewall default action of Deny limits the public endpoint to selected networks and trusted services.",
		.portal = "No portal step is documented: use the az command, or in PowerShell Update-AzKeyVaultManagedHsm -PublicNetworkAccess Disabled or Update-AzKeyVaultManagedHsmNetworkRuleSet -DefaultAction Deny.",
		.cli = "az keyvault update-hsm -g <rg> --hsm-name <hsm> --set properties.publicNetworkAccess=Disabled  (or --default-action Deny)",
		.arm = "Microsoft.KeyVault/managedHSMs: properties.publicNetworkAccess = 'Disabled', or properties.networkAcls.defaultAction = 'Deny'",
		.defaults = "publicNetworkAccess Disabled passes. Otherwise (Enabled, or absent, which the REST specification documents as Enabled) networkAcls.defaultAction decides: Deny passes, Allow fails, absent (no networkAcls) fails, another value is UNKNOWN. Deny with an IPv4 rule of prefix length below 8 (0.0.0.0/0...) or an IPv6 /0 opens the HSM to the internet at large: FAIL. networkAcls.bypass (absent means AzureServices) is named, not judged. SecuredByPerimeter, networkAcls that is not an object, or ipRules that cannot be read: UNKNOWN. Both properties are first in the stable api-version " HSM_NETWORK_API " (2020-04-01-preview has neither): a template that sets Disabled or Deny at an earlier api-version, or one only known at deployment, is UNKNOWN.",
		.check = hsm_network,
	},
	{
		.id = "AZA-KV-017", .title = "Managed HSM audit events are logged",
		.area = AZA_AREA_KEYVAULT, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_DATA, .types = HSM,
		.needs = "Microsoft.Insights/diagnosticSettings " AZA_DIAG_OF(HSM),
		.rationale = "AuditEvent records every authenticated request to the HSM (key use, key and role management); without it misuse of the most sensitive keys leaves no trace.",
		.portal = "Managed HSM > Monitoring > Diagnostic settings > Add diagnostic setting: audit (or allLogs) to a Log Analytics workspace or storage account.",
		.cli = "az monitor diagnostic-settings create -n audit --resource <hsm id> --workspace <workspace id> --logs '[{\"category\":\"AuditEvent\",\"enabled\":true}]'",
		.arm = "Microsoft.Insights/diagnosticSettings on the HSM: logs[] with category 'AuditEvent' or categoryGroup 'audit'/'allLogs' enabled, and a destination",
		.defaults = "An HSM has no diagnostic setting unless one is created. A setting passes with an enabled AuditEvent category (or audit/allLogs group) and a destination (a workspace, storage account, event hub or partner solution; an empty or '-' one is none); a setting without them fails; no setting fails. Diagnostic settings not collected for the HSM, or their read failed: UNKNOWN. A snapshot that lists its data sets must list Microsoft.KeyVault/managedHSMs/providers/Microsoft.Insights/diagnosticSettings, which azaudit collect records since it reads each HSM's settings: Microsoft.Insights/diagnosticSettings alone comes from the subscriptions' own settings.",
		.check = hsm_logging,
	},
	{
		.id = "AZA-KV-018", .title = "Managed HSMs use private endpoints",
		.area = AZA_AREA_KEYVAULT, .level = 2, .severity = AZA_SEV_LOW, PAAS_NET, .types = HSM,
		.needs = "Microsoft.Network/privateEndpoints",
		.rationale = "Private endpoints keep traffic to the HSM's keys inside the virtual network and on the Microsoft backbone; with public network access then disabled (AZA-KV-016) nothing reaches the HSM from the internet.",
		.portal = "No portal step is documented for Managed HSM (Microsoft Learn, 'Integrate Managed HSM with Azure Private Link', uses the CLI): use the az command, or Private endpoints > + Create with resource type Microsoft.KeyVault/managedHSMs and the HSM as the resource.",
		.cli = "az network private-endpoint create -g <rg> -n <pe> --vnet-name <vnet> --subnet <subnet> --private-connection-resource-id <hsm id> --group-id managedhsm --connection-name <name> --location <region>",
		.arm = "Microsoft.Network/privateEndpoints with privateLinkServiceConnections to the HSM (groupIds ['managedhsm'])",
		.defaults = "As AZA-KV-010 for vaults. Only connections in properties.privateEndpointConnections (MHSMPrivateEndpointConnectionItem, managedHsm.json; the HSM's GET returns them) whose privateLinkServiceConnectionState.status is Approved count; pending, rejected or disconnected ones are counted in the FAIL. A template HSM has no connections before deployment: a Microsoft.Network/privateEndpoints resource of the same template whose privateLinkServiceConnections[].properties.privateLinkServiceId is the HSM's id counts (Azure approves it on creation; manualPrivateLinkServiceConnections do not count). A private endpoint whose target is only known at deployment makes the verdict UNKNOWN; privateEndpointConnections that is not an array: UNKNOWN.",
		.check = hsm_private_endpoints,
	},
};
const size_t aza_rules_keyvault_n = sizeof aza_rules_keyvault / sizeof aza_rules_keyvault[0];
