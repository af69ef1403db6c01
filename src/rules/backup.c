/*
 * backup.c - rules for Recovery Services vaults (AZA-RSV-*), the store of
 * Azure Backup for virtual machines, SQL Server and SAP HANA in VMs and
 * file shares: the first thing ransomware operators try to delete.
 *
 * Read from the vault's own Resource Manager body (a GET or a Resource Graph
 * row; a template resource before deployment), nothing else is collected.
 * The vault schema gained its security settings over several api-versions,
 * so a template that sets one at an older api-version may have it ignored:
 * a wanted value set there is UNKNOWN, never PASS.
 *
 * Storage redundancy and cross-region restore (properties.redundancySettings)
 * are not judged: they decide availability in a regional outage, not who
 * can read or destroy backups, they are read-only on the vault in most
 * api-versions (set through the backupstorageconfig child), and locally or
 * zone-redundant storage is often a deliberate data-residency choice.
 */
#include "rule.h"

#include <string.h>

#define RSV "Microsoft.RecoveryServices/vaults"
#define RSV_CONFIG RSV "/backupconfig"

/* First stable api-versions of the vault properties read here (vaults.json
 * of Azure/azure-rest-api-specs, specification/recoveryservices/
 * resource-manager/Microsoft.RecoveryServices/stable/<version>):
 * securitySettings.immutabilitySettings is in 2022-08-01, not 2022-05-01;
 * publicNetworkAccess is in 2022-10-01, not 2022-09-10;
 * securitySettings.softDeleteSettings is in 2023-04-01, not 2023-02-01;
 * encryption is in 2020-02-02 (the first stable version after 2016-06-01,
 * whose generated Bicep types have no encryption). */
#define ENCRYPTION_API "2020-02-02"
#define IMMUTABILITY_API "2022-08-01"
#define PUBLIC_ACCESS_API "2022-10-01"
#define SOFT_DELETE_API "2023-04-01"

/* Enhanced soft delete keeps deleted backup data 14 to 180 days, 14 by
 * default (Microsoft Learn, enhanced soft delete for Azure Backup). */
#define RETENTION_MIN 14
#define RETENTION_MAX 180

/* ---- soft delete (AZA-RSV-001) ---- */

/* The template's backup configuration child of vault r
 * (vaults/backupconfig, named vaultconfig), or NULL. */
static const aza_res *config_child(aza_ev *ev, const aza_res *r)
{
	return aza_inv_child(aza_ev_inv(ev), r->id, RSV_CONFIG);
}

/* The retention of deleted backup data, for a message: 1 with *days set
 * (the default when absent), 0 after reporting UNKNOWN. */
static int retention(aza_ev *ev, const aza_res *r, const char **days)
{
	double d;
	int k = aza_prop_num(ev, r, "properties.securitySettings.softDeleteSettings.softDeleteRetentionPeriodInDays", &d);
	if (k < 0) {
		int later = aza_json_is(aza_prop(ev, r, "properties.securitySettings.softDeleteSettings.softDeleteRetentionPeriodInDays"), AZA_JUNKNOWN);
		aza_unknown(ev, r, "softDeleteRetentionPeriodInDays is %s", later ? "only known at deployment" : "not a number");
		return 0;
	}
	if (!k) {
		*days = "14 days (the default)";
		return 1;
	}
	if (d < RETENTION_MIN || d > RETENTION_MAX || d != (double)(long)d) {
		aza_unknown(ev, r, "softDeleteRetentionPeriodInDays is %g, outside the 14 to 180 whole days Azure Backup accepts", d);
		return 0;
	}
	*days = aza_ev_fmt(ev, "%ld days", (long)d);
	return 1;
}

static void soft_delete(aza_ev *ev, const aza_res *r)
{
	if (aza_not_object(ev, r, "properties.securitySettings") || aza_not_object(ev, r, "properties.securitySettings.softDeleteSettings"))
		return;
	/* A template may turn soft delete off through the vault's backup
	 * configuration child instead (softDeleteFeatureState). */
	const aza_res *c = aza_is_template(r) ? config_child(ev, r) : NULL;
	const char *cs = NULL;
	int kc = c ? aza_prop_str(ev, c, "properties.softDeleteFeatureState", &cs) : 0;
	if (kc < 0) {
		aza_unknown(ev, r, "the vault's backup configuration '%s' has a softDeleteFeatureState that cannot be read here (it can turn soft delete off)",
		            aza_last_seg(c->name));
		return;
	}
	if (kc > 0 && aza__strieq(cs, "Disabled")) {
		aza_fail(ev, r, "the vault's backup configuration '%s' sets softDeleteFeatureState Disabled: deleted backup data is purged at once",
		         aza_last_seg(c->name));
		return;
	}
	if (kc > 0 && !aza__strieq(cs, "Enabled") && !aza__strieq(cs, "AlwaysON")) {
		aza_unknown(ev, r, "the vault's backup configuration '%s' has an unexpected softDeleteFeatureState '%s'", aza_last_seg(c->name), cs);
		return;
	}
	const char *s = NULL;
	int k = aza_prop_str(ev, r, "properties.securitySettings.softDeleteSettings.softDeleteState", &s);
	if (k < 0) {
		aza_unknown(ev, r, "softDeleteState is %s", aza_unread_why(ev, r, "properties.securitySettings.softDeleteSettings.softDeleteState"));
		return;
	}
	if (!k) {
		if (!aza_is_template(r))
			aza_unknown(ev, r, "softDeleteSettings.softDeleteState is absent (Azure returns it from api-version " SOFT_DELETE_API
			                   "): collected with an older api-version, or an incomplete export");
		else if (c && !kc)
			aza_unknown(ev, r, "softDeleteState not set, and the vault's backup configuration '%s' (which can turn soft delete off) does not set softDeleteFeatureState",
			            aza_last_seg(c->name));
		else
			aza_pass(ev, r, "softDeleteState not set: a new vault has soft delete enabled, keeping deleted backup data 14 days%s",
			         kc > 0 ? aza_ev_fmt(ev, " (its backup configuration '%s' sets softDeleteFeatureState %s)", aza_last_seg(c->name), cs) : "");
		return;
	}
	if (aza__strieq(s, "Disabled")) {
		aza_fail(ev, r, "softDeleteState is Disabled: deleted backup data is purged at once, and whoever can delete a backup destroys it");
		return;
	}
	if (!aza__strieq(s, "Enabled") && !aza__strieq(s, "AlwaysON")) {
		aza_unknown(ev, r, "softDeleteState has an unexpected value '%s'", s);
		return;
	}
	const char *days = NULL, *why = NULL;
	if (!retention(ev, r, &days))
		return;
	int always = aza__strieq(s, "AlwaysON");
	if (aza_api_predates(ev, r, SOFT_DELETE_API, &why))
		/* Soft delete is on for a new vault whatever the api-version; only
		 * the always-on state and the retention may not apply. */
		aza_pass(ev, r, "softDeleteState is %s, but %s; a new vault has soft delete enabled anyway, keeping deleted backup data 14 days", s, why);
	else if (always)
		aza_pass(ev, r, "softDeleteState is %s: deleted backup data is kept %s, and soft delete can no longer be turned off", s, days);
	else
		aza_pass(ev, r, "softDeleteState is %s: deleted backup data is kept %s (AlwaysON would also stop anyone turning it off)", s, days);
}

/* ---- immutability (AZA-RSV-002) ---- */

static void immutability(aza_ev *ev, const aza_res *r)
{
	if (aza_not_object(ev, r, "properties.securitySettings") || aza_not_object(ev, r, "properties.securitySettings.immutabilitySettings"))
		return;
	const char *s = NULL;
	int k = aza_prop_str(ev, r, "properties.securitySettings.immutabilitySettings.state", &s);
	if (k < 0) {
		aza_unknown(ev, r, "immutabilitySettings.state is %s", aza_unread_why(ev, r, "properties.securitySettings.immutabilitySettings.state"));
		return;
	}
	if (!k) {
		aza_fail(ev, r, "immutabilitySettings.state not %s (immutability is off unless enabled): recovery points can be deleted, and their retention cut, before they expire",
		         aza_is_template(r) ? "set" : "reported");
		return;
	}
	if (aza__strieq(s, "Disabled")) {
		aza_fail(ev, r, "immutabilitySettings.state is Disabled: recovery points can be deleted, and their retention cut, before they expire");
		return;
	}
	if (aza__strieq(s, "Unlocked")) {
		aza_fail(ev, r, "immutabilitySettings.state is Unlocked: immutability is on but reversible, so anyone who can change the vault can turn it off and then delete recovery points; lock it");
		return;
	}
	if (!aza__strieq(s, "Locked")) {
		aza_unknown(ev, r, "immutabilitySettings.state has an unexpected value '%s'", s);
		return;
	}
	const char *why = NULL;
	if (aza_api_predates(ev, r, IMMUTABILITY_API, &why))
		aza_unknown(ev, r, "immutabilitySettings.state is Locked, but %s; deploy with a current api-version", why);
	else
		aza_pass(ev, r, "immutabilitySettings.state is Locked: recovery points cannot be deleted or their retention cut before they expire, and immutability cannot be turned off");
}

/* ---- public network access (AZA-RSV-003) ---- */

static void public_access(aza_ev *ev, const aza_res *r)
{
	const char *v = NULL, *why = NULL;
	aza_pna p = aza_public_network_access(ev, r, &v);
	if (p == AZA_PNA_JUDGED)
		return;
	if (p == AZA_PNA_DISABLED) {
		if (aza_api_predates(ev, r, PUBLIC_ACCESS_API, &why))
			aza_unknown(ev, r, "publicNetworkAccess is %s, but %s; deploy with a current api-version", v, why);
		else
			aza_pass(ev, r, "publicNetworkAccess is %s: backup and restore traffic reaches the vault only through its private endpoints", v);
		return;
	}
	aza_public_network_disabled(ev, r, "it defaults to Enabled",
	                            "backup agents and restores reach the vault's public endpoint from any network");
}

/* ---- customer-managed key (AZA-RSV-004) ---- */

static void cmk(aza_ev *ev, const aza_res *r)
{
	if (aza_not_object(ev, r, "properties.encryption") || aza_not_object(ev, r, "properties.encryption.keyVaultProperties"))
		return;
	const char *uri = NULL, *why = NULL;
	int k = aza_prop_str(ev, r, "properties.encryption.keyVaultProperties.keyUri", &uri);
	if (k < 0) {
		aza_unknown(ev, r, "encryption.keyVaultProperties.keyUri is %s", aza_unread_why(ev, r, "properties.encryption.keyVaultProperties.keyUri"));
		return;
	}
	if (!k || !*uri) {
		aza_fail(ev, r, "encryption.keyVaultProperties.keyUri %s: backup data is encrypted with platform-managed keys",
		         k ? "is empty" : "not set");
		return;
	}
	if (aza_api_predates(ev, r, ENCRYPTION_API, &why)) {
		aza_unknown(ev, r, "encryption.keyVaultProperties.keyUri is set, but %s; deploy with a current api-version", why);
		return;
	}
	const char *ie = NULL;
	int ki = aza_prop_str(ev, r, "properties.encryption.infrastructureEncryption", &ie);
	aza_pass(ev, r, "backup data is encrypted with the customer-managed key %s%s", uri,
	         ki > 0 && aza__strieq(ie, "Enabled") ? " and a second, infrastructure layer (infrastructureEncryption Enabled)" : "");
}

#define RSV_RULE .area = AZA_AREA_OTHER, .models = AZA_PAAS, .types = RSV

const struct aza_rule aza_rules_backup[] = {
	{
		.id = "AZA-RSV-001", .title = "Recovery Services vaults keep deleted backups (soft delete enabled)",
		.level = 1, .severity = AZA_SEV_HIGH, .resp = AZA_RESP_DATA, RSV_RULE, .needs = RSV_CONFIG,
		.rationale = "Ransomware operators and malicious insiders delete backups before they encrypt the data, so that nothing can be restored. With soft delete, deleted backup data is kept for at least 14 more days and can be undeleted; with it disabled, a delete is final.",
		.portal = "Recovery Services vault > Settings > Properties > Security settings: Soft delete and security settings: Update; Enable soft delete (and, once tested, Enable always-on soft delete), retention 14 to 180 days; Update.",
		.cli = "az backup vault backup-properties set -g <rg> -n <vault> --soft-delete-feature-state AlwaysOn --soft-delete-duration 14",
		.arm = "Microsoft.RecoveryServices/vaults (api-version 2023-04-01 or later): properties.securitySettings.softDeleteSettings = {softDeleteState: 'AlwaysON' (or 'Enabled'), softDeleteRetentionPeriodInDays: 14..180}",
		.defaults = "softDeleteState Enabled or AlwaysON passes (AlwaysON cannot be turned off again; the message says which), Disabled fails, another value (Invalid) is UNKNOWN. softDeleteRetentionPeriodInDays absent means 14 days; a value outside 14 to 180 days is UNKNOWN (Microsoft Learn, enhanced soft delete for Azure Backup). In a template, absent means enabled: 'By default, the soft delete state will be enabled for any newly created Recovery Services vault' (Microsoft Learn, 'Update Azure Recovery Services vault configurations using REST API'): PASS; unless the template deploys the vault's backupconfig child (vaultconfig), whose softDeleteFeatureState Disabled fails and which, unreadable or of another value than Enabled or AlwaysON, makes it UNKNOWN, as does one without the state when the vault sets none. softDeleteSettings first appears in the stable api-version 2023-04-01 (not in 2023-02-01): Enabled or AlwaysON set at an older or unknown api-version still passes, on the default, with the message saying the always-on state and retention may not apply. Azure returns softDeleteSettings in the vault GET (2025-02-01 example), so a deployed vault without it is UNKNOWN (an older api-version or an incomplete export). Covers vaulted backups; Microsoft Learn notes enhanced soft delete does not cover operational-tier backups (Azure Files snapshots, VM snapshots).",
		.check = soft_delete,
	},
	{
		.id = "AZA-RSV-002", .title = "Recovery Services vaults are immutable and locked",
		.level = 2, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_DATA, RSV_RULE,
		.rationale = "An immutable vault refuses operations that would lose recovery points: stopping protection with delete, cutting retention in a policy, deleting them before they expire. Locked, immutability itself cannot be turned off, so even an attacker holding the vault's owner role cannot destroy the backups early.",
		.portal = "Recovery Services vault > Settings > Properties > Immutable vault: Settings; Enable vault immutability; Apply; then, after testing, Lock immutability (irreversible).",
		.cli = "az backup vault update -g <rg> -n <vault> --immutability-state Locked  (Unlocked first to test; Locked cannot be undone)",
		.arm = "Microsoft.RecoveryServices/vaults (api-version 2022-08-01 or later): properties.securitySettings.immutabilitySettings.state = 'Locked'",
		.defaults = "Locked passes. Unlocked fails: immutability is then on but reversible, and anyone who can update the vault can disable it and then delete recovery points (Microsoft Learn, immutable vault for Azure Backup: locking is what makes it irreversible). Disabled fails; absent fails too: 'By default, immutability is \"Disabled\" for the vault' (az backup vault create --immutability-state; the vault GET returns state Disabled then, 2025-02-01 example; a deployed vault collected at an api-version before 2022-08-01 would lack it and fail: a false FAIL, never a false PASS). immutabilitySettings first appears in the stable api-version 2022-08-01 (not in 2022-05-01): Locked in a template at an older or unknown api-version is UNKNOWN. Another value, or settings that are not objects: UNKNOWN.",
		.check = immutability,
	},
	{
		.id = "AZA-RSV-003", .title = "Recovery Services vault public network access is disabled",
		.level = 2, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_NETWORK, RSV_RULE,
		.rationale = "With public network access disabled, backup agents and restores reach the vault only through private endpoints in the organization's virtual networks, so stolen credentials or vault credential files cannot be used from anywhere on the internet.",
		.portal = "Recovery Services vault > Settings > Networking > Public access: Deny (after creating private endpoints under Private access); Apply.",
		.cli = "az backup vault update -g <rg> -n <vault> --public-network-access Disable",
		.arm = "Microsoft.RecoveryServices/vaults (api-version 2022-10-01 or later): properties.publicNetworkAccess = 'Disabled' (with Microsoft.Network/privateEndpoints, groupIds ['AzureBackup'] or ['AzureSiteRecovery'])",
		.defaults = "publicNetworkAccess absent means Enabled ('It is enabled by default', az backup vault create --public-network-access; the API's create example sets Enabled, PUTVault 2025-02-01): FAIL. Disabled passes; Enabled fails. The property first appears in the stable api-version 2022-10-01 (not in 2022-09-10): Disabled in a template at an older or unknown api-version is UNKNOWN. Another value, or one that is not a string: UNKNOWN. Private endpoints are not judged on their own: with public access enabled they are an alternative path, not a restriction.",
		.check = public_access,
	},
	{
		.id = "AZA-RSV-004", .title = "Recovery Services vaults encrypt backup data with a customer-managed key",
		.level = 2, .severity = AZA_SEV_LOW, .resp = AZA_RESP_DATA, RSV_RULE,
		.rationale = "With a customer-managed key in Key Vault the organization controls, rotates and can revoke the key that protects every backup in the vault, and Key Vault logs each use of it; with platform-managed keys only Microsoft holds the key.",
		.portal = "Recovery Services vault > Settings > Properties > Encryption settings: Update; Use your own key; enter the key URI or select the key from Key Vault; choose the vault's managed identity; Save (the identity needs get, wrapKey and unwrapKey on the key).",
		.cli = "az backup vault encryption update -g <rg> -n <vault> --encryption-key-id https://<vault>.vault.azure.net/keys/<key>/<version> --mi-system-assigned",
		.arm = "Microsoft.RecoveryServices/vaults: properties.encryption = {keyVaultProperties: {keyUri: '<key URI>'}, kekIdentity: {useSystemAssignedIdentity: true} (or userAssignedIdentity: '<id>'), infrastructureEncryption: 'Enabled' (optional)}",
		.defaults = "No encryption object, or no keyUri (absent or empty), means platform-managed keys: backup data is encrypted with them by default (Microsoft Learn, encryption of backup data using customer-managed keys): FAIL. A keyUri passes; the message names the key and says when infrastructureEncryption (double encryption) is Enabled, which is not required. The API's create example sets the key at creation (PUTVault_WithCMK, 2025-02-01), so a template that sets one passes, unless its api-version predates the property (first in the stable api-version 2020-02-02; the 2016-06-01 schema as Azure's Bicep types publish it has none) or is only known at deployment, or the key URI itself is: UNKNOWN. Settings that are not objects, or a keyUri that is not a string: UNKNOWN. Whether the key exists, is enabled, and the identity may use it is not read here.",
		.check = cmk,
	},
};
const size_t aza_rules_backup_n = sizeof aza_rules_backup / sizeof aza_rules_backup[0];
