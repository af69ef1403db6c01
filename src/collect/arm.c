/*
 * arm.c - Resource Manager walks: per subscription (Defender, authorization,
 * locks, policy, activity log alerts and their action groups, diagnostic
 * settings), and per resource
 * from Resource Graph, the settings and child objects Resource Graph does not
 * return (SQL, PostgreSQL, MySQL, Key Vault, Managed HSM, App Service and its
 * deployment slots, Network Watcher,
 * Azure Cache for Redis, Synapse Analytics, Event Hubs, Service Bus and
 * Front Door).
 * A path ending in /list is an ARM list action: collect.c sends it as a POST.
 */
#include "collect.h"

#include <string.h>

/* A walk of a list (or one object) below a scope, recorded as type; with
 * at_scope, only the objects at the scope and its ancestors
 * ($filter=atScope()). */
static void walk(aza_collector *c, int kind, const char *scope, const char *path, const char *api_version,
                 const char *type, int at_scope)
{
	if (!aza_coll__wants(c, type))
		return;
	const char *url = aza_coll__printf(c, "%s%s%s?api-version=%s%s", aza_coll__arm(c), scope, path, api_version,
	                                   at_scope ? "&$filter=atScope()" : "");
	/* A group holding a role, active or eligible: its users are read. */
	int roles = aza__strieq(type, "Microsoft.Authorization/roleAssignments") ||
	            aza__strieq(type, "Microsoft.Authorization/roleEligibilityScheduleInstances");
	/* A key the vault's list names: its rotation policy is read on the
	 * data plane (keyvault.c), which Resource Manager does not return. */
	void (*each)(aza_collector *, const aza_json *) =
		roles ? aza_graph__role_item : aza__strieq(type, "Microsoft.KeyVault/vaults/keys") ? aza_keyvault__key : NULL;
	if (!url || aza_coll__walk(c, kind, url, scope, type, each))
		aza_coll__error(c, scope, type, path, 0, "out of memory");
}

static const struct subcall {
	const char *path, *version, *type;
} sub_calls[] = {
	{"/providers/Microsoft.Insights/diagnosticSettings", "2021-05-01-preview", "Microsoft.Insights/diagnosticSettings"},
	{"/providers/Microsoft.Insights/activityLogAlerts", "2020-10-01", "Microsoft.Insights/activityLogAlerts"},
	{"/providers/Microsoft.Insights/actionGroups", "2023-01-01", "Microsoft.Insights/actionGroups"},
	{"/providers/Microsoft.Insights/logprofiles", "2016-03-01", "Microsoft.Insights/logprofiles"},
	{"/providers/Microsoft.Security/pricings", "2024-01-01", "Microsoft.Security/pricings"},
	{"/providers/Microsoft.Security/securityContacts", "2023-12-01-preview", "Microsoft.Security/securityContacts"},
	{"/providers/Microsoft.Security/autoProvisioningSettings", "2017-08-01-preview", "Microsoft.Security/autoProvisioningSettings"},
	{"/providers/Microsoft.Security/settings", "2022-05-01", "Microsoft.Security/settings"},
	{"/providers/Microsoft.Security/secureScores", "2020-01-01", "Microsoft.Security/secureScores"},
	{"/providers/Microsoft.Security/assessments", "2021-06-01", "Microsoft.Security/assessments"},
	{"/providers/Microsoft.Authorization/roleDefinitions", "2022-04-01", "Microsoft.Authorization/roleDefinitions"},
	{"/providers/Microsoft.Authorization/roleAssignments", "2022-04-01", "Microsoft.Authorization/roleAssignments"},
	{"/providers/Microsoft.Authorization/locks", "2020-05-01", "Microsoft.Authorization/locks"},
	{"/providers/Microsoft.Authorization/policyAssignments", "2023-04-01", "Microsoft.Authorization/policyAssignments"},
};

/* The eligible role assignments of Privileged Identity Management for Azure
 * resources (AZA-IAM-003: an eligible Owner can activate the role at any
 * time; AZA-IAM-004: a guest eligible for any role anywhere). No filter,
 * as for the role assignments: those at the subscription, above it and
 * below it (resource groups, resources); atScope() would leave out those
 * below, which AZA-IAM-004 judges. In a
 * tenant without Microsoft Entra ID P2 Resource Manager refuses it (400
 * AadPremiumLicenseRequired): recorded for this data set alone. */
/* The policy exemptions of the subscription, with no filter: those at the
 * subscription, at the management groups above it and at its resource
 * groups and resources (PolicyExemptions_List, paged; the API has only
 * preview versions; atScope() would leave out the last two). An exemption
 * takes its scope out of one assignment: the whole subscription, or the
 * part of it an exemption below it names (AZA-IAM-015, AZA-DEF-018..021,
 * 023, 024). */
static const struct subcall exemption_call = {"/providers/Microsoft.Authorization/policyExemptions", "2022-07-01-preview",
                                              "Microsoft.Authorization/policyExemptions"};

static const struct subcall eligible_call = {"/providers/Microsoft.Authorization/roleEligibilityScheduleInstances",
                                             "2020-10-01", "Microsoft.Authorization/roleEligibilityScheduleInstances"};

void aza_arm__subscription(aza_collector *c, const char *sub)
{
	const char *scope = aza_coll__printf(c, "/subscriptions/%s", sub);
	if (!scope)
		return;
	for (size_t i = 0; i < sizeof sub_calls / sizeof sub_calls[0]; i++)
		walk(c, AZA_WALK_LIST, scope, sub_calls[i].path, sub_calls[i].version, sub_calls[i].type, 0);
	walk(c, AZA_WALK_LIST, scope, exemption_call.path, exemption_call.version, exemption_call.type, 0);
	walk(c, AZA_WALK_LIST, scope, eligible_call.path, eligible_call.version, eligible_call.type, 0);
}

/* Policy and role assignments, and policy exemptions, at a management
 * group: $filter=atScope() returns those at the group and at its ancestors
 * (without a filter, role assignments would include every one below the
 * group). The subscription lists already include the assignments and
 * exemptions inherited from groups; these show them even where a
 * subscription cannot be read. */
void aza_arm__management_group(aza_collector *c, const char *name)
{
	static const struct subcall mg_calls[] = {
		{"/providers/Microsoft.Authorization/policyAssignments", "2023-04-01", "Microsoft.Authorization/policyAssignments"},
		{"/providers/Microsoft.Authorization/roleAssignments", "2022-04-01", "Microsoft.Authorization/roleAssignments"},
		{"/providers/Microsoft.Authorization/policyExemptions", "2022-07-01-preview", "Microsoft.Authorization/policyExemptions"},
	};
	const char *scope = aza_coll__printf(c, "/providers/Microsoft.Management/managementGroups/%s", name);
	if (!scope)
		return;
	for (size_t i = 0; i < sizeof mg_calls / sizeof mg_calls[0]; i++)
		walk(c, AZA_WALK_LIST, scope, mg_calls[i].path, mg_calls[i].version, mg_calls[i].type, 1);
}

#define DIAG_PATH "/providers/Microsoft.Insights/diagnosticSettings"

/* Child calls by the type of a Resource Graph row (lower case there). */
static const struct childcall {
	const char *parent; /* type of the row */
	int kind;
	const char *path, *version, *type;
} child_calls[] = {
	{"microsoft.sql/servers", AZA_WALK_LIST, "/auditingSettings", "2023-08-01", "Microsoft.Sql/servers/auditingSettings"},
	{"microsoft.sql/servers", AZA_WALK_LIST, "/securityAlertPolicies", "2023-08-01", "Microsoft.Sql/servers/securityAlertPolicies"},
	{"microsoft.sql/servers", AZA_WALK_LIST, "/advancedThreatProtectionSettings", "2023-08-01", "Microsoft.Sql/servers/advancedThreatProtectionSettings"},
	{"microsoft.sql/servers", AZA_WALK_LIST, "/administrators", "2023-08-01", "Microsoft.Sql/servers/administrators"},
	{"microsoft.sql/servers", AZA_WALK_LIST, "/firewallRules", "2023-08-01", "Microsoft.Sql/servers/firewallRules"},
	/* The IPv6 rules, which the IPv4 list leaves out (AZA-NET-019):
	 * IPv6FirewallRules_ListByServer, paged, items of type
	 * Microsoft.Sql/servers/ipv6FirewallRules with properties
	 * startIPv6Address and endIPv6Address (stable since 2021-11-01). */
	{"microsoft.sql/servers", AZA_WALK_LIST, "/ipv6FirewallRules", "2023-08-01", "Microsoft.Sql/servers/ipv6FirewallRules"},
	{"microsoft.sql/servers", AZA_WALK_LIST, "/encryptionProtector", "2023-08-01", "Microsoft.Sql/servers/encryptionProtector"},
	{"microsoft.sql/servers", AZA_WALK_LIST, "/vulnerabilityAssessments", "2023-08-01", "Microsoft.Sql/servers/vulnerabilityAssessments"},
	/* The express configuration of the vulnerability assessment, which
	 * scans without the classic one and which the classic object does not
	 * show (AZA-SQL-013): SqlVulnerabilityAssessmentsSettings_ListByServer,
	 * paged, one object named default with properties.state Enabled or
	 * Disabled (stable 2023-08-01). */
	{"microsoft.sql/servers", AZA_WALK_LIST, "/sqlVulnerabilityAssessments", "2023-08-01", "Microsoft.Sql/servers/sqlVulnerabilityAssessments"},
	/* Microsoft Entra-only authentication, where the setting lives (the
	 * administrator's copy can lag behind it; AZA-SQL-011):
	 * ServerAzureADOnlyAuthentications_ListByServer, one object named
	 * Default with properties.azureADOnlyAuthentication. */
	{"microsoft.sql/servers", AZA_WALK_LIST, "/azureADOnlyAuthentications", "2023-08-01", "Microsoft.Sql/servers/azureADOnlyAuthentications"},
	/* Auditing to Log Analytics or an Event Hub goes through a diagnostic
	 * setting on the server's master database with the
	 * SQLSecurityAuditEvents category (isAzureMonitorTargetEnabled,
	 * ServerBlobAuditingPolicyProperties; AZA-SQL-001). Read per server,
	 * by name: a listing need not hold master. */
	{"microsoft.sql/servers", AZA_WALK_LIST, "/databases/master" DIAG_PATH, "2021-05-01-preview", "Microsoft.Insights/diagnosticSettings"},
	/* A managed instance's settings are children of its own types
	 * (AZA-SQL-030..033), each listed below the instance (Microsoft.Sql
	 * stable 2023-08-01): ManagedInstanceAdministrators_ListByInstance,
	 * ManagedInstanceAzureADOnlyAuthentications_ListByInstance (one object
	 * named Default), ManagedInstanceEncryptionProtectors_ListByInstance
	 * (one named current), ManagedInstanceAdvancedThreatProtectionSettings_
	 * ListByInstance and ManagedServerSecurityAlertPolicies_ListByInstance
	 * (one named Default each). Its public data endpoint and minimal TLS
	 * version are properties of the Resource Graph row. */
	{"microsoft.sql/managedinstances", AZA_WALK_LIST, "/administrators", "2023-08-01", "Microsoft.Sql/managedInstances/administrators"},
	{"microsoft.sql/managedinstances", AZA_WALK_LIST, "/azureADOnlyAuthentications", "2023-08-01", "Microsoft.Sql/managedInstances/azureADOnlyAuthentications"},
	{"microsoft.sql/managedinstances", AZA_WALK_LIST, "/encryptionProtector", "2023-08-01", "Microsoft.Sql/managedInstances/encryptionProtector"},
	{"microsoft.sql/managedinstances", AZA_WALK_LIST, "/advancedThreatProtectionSettings", "2023-08-01", "Microsoft.Sql/managedInstances/advancedThreatProtectionSettings"},
	{"microsoft.sql/managedinstances", AZA_WALK_LIST, "/securityAlertPolicies", "2023-08-01", "Microsoft.Sql/managedInstances/securityAlertPolicies"},
	{"microsoft.sql/servers/databases", AZA_WALK_LIST, "/transparentDataEncryption", "2023-08-01", "Microsoft.Sql/servers/databases/transparentDataEncryption"},
	{"microsoft.dbforpostgresql/flexibleservers", AZA_WALK_LIST, "/configurations", "2024-08-01", "Microsoft.DBforPostgreSQL/flexibleServers/configurations"},
	{"microsoft.dbforpostgresql/flexibleservers", AZA_WALK_LIST, "/firewallRules", "2024-08-01", "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules"},
	{"microsoft.dbforpostgresql/servers", AZA_WALK_LIST, "/configurations", "2017-12-01", "Microsoft.DBforPostgreSQL/servers/configurations"},
	{"microsoft.dbformysql/flexibleservers", AZA_WALK_LIST, "/configurations", "2023-12-30", "Microsoft.DBforMySQL/flexibleServers/configurations"},
	{"microsoft.dbformysql/flexibleservers", AZA_WALK_LIST, "/firewallRules", "2023-12-30", "Microsoft.DBforMySQL/flexibleServers/firewallRules"},
	{"microsoft.dbformysql/servers", AZA_WALK_LIST, "/configurations", "2017-12-01", "Microsoft.DBforMySQL/servers/configurations"},
	{"microsoft.web/sites", AZA_WALK_ONE, "/config/web", "2023-12-01", "Microsoft.Web/sites/config"},
	{"microsoft.web/sites", AZA_WALK_ONE, "/config/authsettingsV2", "2023-12-01", "Microsoft.Web/sites/config"},
	/* A Windows site's current stack (CURRENT_STACK), which config/web does
	 * not hold: a StringDictionary {id, name, type, properties}. Not
	 * config/appsettings/list, whose values hold secrets. */
	{"microsoft.web/sites", AZA_WALK_ONE, "/config/metadata/list", "2023-12-01", "Microsoft.Web/sites/config"},
	/* A deployment slot is a live app with its own host name and its own
	 * site configuration, authentication and current stack (Resource Graph
	 * has its row, microsoft.web/sites/slots): the same three reads below
	 * it (WebApps_GetConfigurationSlot, WebApps_GetAuthSettingsV2WithoutSecretsSlot,
	 * WebApps_ListMetadataSlot), whose objects are of type
	 * Microsoft.Web/sites/slots/config. */
	{"microsoft.web/sites/slots", AZA_WALK_ONE, "/config/web", "2023-12-01", "Microsoft.Web/sites/slots/config"},
	{"microsoft.web/sites/slots", AZA_WALK_ONE, "/config/authsettingsV2", "2023-12-01", "Microsoft.Web/sites/slots/config"},
	{"microsoft.web/sites/slots", AZA_WALK_ONE, "/config/metadata/list", "2023-12-01", "Microsoft.Web/sites/slots/config"},
	{"microsoft.keyvault/vaults", AZA_WALK_LIST, "/keys", "2023-07-01", "Microsoft.KeyVault/vaults/keys"},
	{"microsoft.keyvault/vaults", AZA_WALK_LIST, "/secrets", "2023-07-01", "Microsoft.KeyVault/vaults/secrets"},
	{"microsoft.keyvault/vaults", AZA_WALK_LIST, DIAG_PATH, "2021-05-01-preview", "Microsoft.Insights/diagnosticSettings"},
	/* A Managed HSM's AuditEvent log is a resource log (AZA-KV-017). */
	{"microsoft.keyvault/managedhsms", AZA_WALK_LIST, DIAG_PATH, "2021-05-01-preview", "Microsoft.Insights/diagnosticSettings"},
	/* The API server's audit log is a resource log (AZA-AKS-009). */
	{"microsoft.containerservice/managedclusters", AZA_WALK_LIST, DIAG_PATH, "2021-05-01-preview", "Microsoft.Insights/diagnosticSettings"},
	/* A workspace's audit logs (accounts, clusters, jobs, notebooks,
	 * secrets) are resource logs too (AZA-DBX-007). */
	{"microsoft.databricks/workspaces", AZA_WALK_LIST, DIAG_PATH, "2021-05-01-preview", "Microsoft.Insights/diagnosticSettings"},
	{"microsoft.network/networkwatchers", AZA_WALK_LIST, "/flowLogs", "2024-05-01", "Microsoft.Network/networkWatchers/flowLogs"},
	/* Proxy children Resource Graph does not return: a cache's and a
	 * Synapse workspace's firewall rules (AZA-RDS-005, AZA-SYN-003;
	 * IpFirewallRules_ListByWorkspace, paged) and a namespace's one network
	 * rule set, named default (AZA-EVH-003/004, AZA-SBS-003/004). */
	{"microsoft.cache/redis", AZA_WALK_LIST, "/firewallRules", "2024-11-01", "Microsoft.Cache/redis/firewallRules"},
	{"microsoft.synapse/workspaces", AZA_WALK_LIST, "/firewallRules", "2021-06-01", "Microsoft.Synapse/workspaces/firewallRules"},
	{"microsoft.eventhub/namespaces", AZA_WALK_ONE, "/networkRuleSets/default", "2024-01-01", "Microsoft.EventHub/namespaces/networkRuleSets"},
	{"microsoft.servicebus/namespaces", AZA_WALK_ONE, "/networkRuleSets/default", "2024-01-01", "Microsoft.ServiceBus/namespaces/networkRuleSets"},
	/* A Front Door profile's custom domains and security policies (which
	 * domains a WAF policy protects, AZA-NET-035) are proxy resources:
	 * Resource Graph has its endpoints, not these. */
	{"microsoft.cdn/profiles", AZA_WALK_LIST, "/customDomains", "2024-09-01", "Microsoft.Cdn/profiles/customDomains"},
	{"microsoft.cdn/profiles", AZA_WALK_LIST, "/securityPolicies", "2024-09-01", "Microsoft.Cdn/profiles/securityPolicies"},
	/* An endpoint's routes say which domains it serves (customDomains, and
	 * its own default domain when linkToDefaultDomain is Enabled): what a
	 * security policy that names routes, or applies to the whole profile,
	 * covers (AZA-NET-035). Proxy resources too, read per endpoint (the
	 * endpoints are Resource Graph rows), a failure recorded for that
	 * endpoint. */
	{"microsoft.cdn/profiles/afdendpoints", AZA_WALK_LIST, "/routes", "2024-09-01", "Microsoft.Cdn/profiles/afdEndpoints/routes"},
};

/* A CDN profile that is not a Front Door Standard/Premium one (sku
 * Standard_Microsoft, ...) has neither list: the calls would only fail. */
static int afd_profile(const aza_json *item)
{
	const char *sku = aza_json_str(aza_json_path(item, "sku.name"));
	return !sku || aza__iends(sku, "_AzureFrontDoor");
}

void aza_arm__resource(aza_collector *c, const aza_json *item)
{
	const char *id = aza_json_str(aza_json_get(item, "id"));
	const char *type = aza_json_str(aza_json_get(item, "type"));
	const char *site_kind = aza_json_str(aza_json_get(item, "kind"));
	if (!id || !type)
		return;
	aza_coll__dataset(c, type);
	if (aza__strieq(type, "microsoft.storage/storageaccounts")) {
		aza_storage__children(c, item);
		return;
	}
	/* Before the key list is asked for: its keys find their vault. */
	if (aza__strieq(type, "microsoft.keyvault/vaults"))
		aza_keyvault__vault(c, item);
	for (size_t i = 0; i < sizeof child_calls / sizeof child_calls[0]; i++) {
		const struct childcall *k = &child_calls[i];
		if (!aza__strieq(k->parent, type))
			continue;
		/* master holds no user data and has no TDE setting of its own. */
		if (aza__iends(id, "/databases/master") && aza__strieq(k->parent, "microsoft.sql/servers/databases"))
			continue;
		/* A Linux site names its stack in linuxFxVersion: no metadata call. */
		if (aza__strieq(k->path, "/config/metadata/list") && site_kind && aza__istrstr(site_kind, "linux"))
			continue;
		if (aza__strieq(k->parent, "microsoft.cdn/profiles") && !afd_profile(item))
			continue;
		const char *scope = aza_coll__printf(c, "%s", id);
		if (scope)
			walk(c, k->kind, scope, k->path, k->version, k->type, 0);
	}
}

/* Top-level types read through Resource Graph: with no error recorded, an
 * absence of one of them is real. */
void aza_arm__datasets(aza_collector *c)
{
	static const char *types[] = {
		"Microsoft.Storage/storageAccounts", "Microsoft.Sql/servers", "Microsoft.Sql/servers/databases",
		"Microsoft.Sql/managedInstances",
		"Microsoft.DBforPostgreSQL/flexibleServers", "Microsoft.DBforPostgreSQL/servers",
		"Microsoft.DBforMySQL/flexibleServers", "Microsoft.DBforMySQL/servers", "Microsoft.KeyVault/vaults",
		"Microsoft.KeyVault/managedHSMs",
		"Microsoft.Web/sites", "Microsoft.Web/sites/slots", "Microsoft.Network/networkWatchers", "Microsoft.Network/networkSecurityGroups",
		"Microsoft.Network/virtualNetworks", "Microsoft.Network/publicIPAddresses",
		"Microsoft.Network/applicationGateways", "Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies",
		"Microsoft.Network/virtualNetworkGateways",
		"Microsoft.Network/networkInterfaces", "Microsoft.Compute/virtualMachines", "Microsoft.Compute/disks",
		"Microsoft.Compute/virtualMachineScaleSets",
		"Microsoft.OperationalInsights/workspaces", "Microsoft.Insights/components",
		"Microsoft.ContainerService/managedClusters", "Microsoft.ContainerRegistry/registries",
		/* a cluster's pools come in its agentPoolProfiles: all of them */
		"Microsoft.ContainerService/managedClusters/agentPools",
		"Microsoft.DocumentDB/databaseAccounts", "Microsoft.Databricks/workspaces",
		"Microsoft.Cache/redis", "Microsoft.EventHub/namespaces", "Microsoft.ServiceBus/namespaces",
		"Microsoft.CognitiveServices/accounts",
		/* Recovery Services vaults (src/rules/backup.c) */
		"Microsoft.RecoveryServices/vaults",
		/* App Configuration, AI Search and API Management (services.c) */
		"Microsoft.AppConfiguration/configurationStores", "Microsoft.Search/searchServices",
		"Microsoft.ApiManagement/service",
		/* Machine Learning, Data Factory and Synapse workspaces (services.c) */
		"Microsoft.MachineLearningServices/workspaces", "Microsoft.DataFactory/factories", "Microsoft.Synapse/workspaces",
		/* Azure Firewall and its policies (network.c, AZA-NET-033/034) */
		"Microsoft.Network/azureFirewalls", "Microsoft.Network/firewallPolicies",
		/* Front Door and its WAF policies (AZA-NET-035..037) */
		"Microsoft.Cdn/profiles", "Microsoft.Cdn/profiles/afdEndpoints",
		"Microsoft.Network/FrontDoorWebApplicationFirewallPolicies", "Microsoft.Network/frontDoors",
		"Microsoft.Resources/subscriptions",
	};
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		aza_coll__dataset(c, types[i]);
		/* The subscriptions' own settings list the diagnostic settings
		 * type too, so the settings read on each resource of a type are
		 * recorded apart, as "<type>/providers/<settings type>": a
		 * snapshot without that record did not read them (AZA-AKS-009).
		 * Those read on a named child ("/databases/master" and the
		 * settings path) are recorded for the child's type. */
		for (size_t k = 0; k < sizeof child_calls / sizeof child_calls[0]; k++) {
			const struct childcall *cc = &child_calls[k];
			size_t pl = strlen(cc->path), dl = strlen(DIAG_PATH), ml;
			if (!aza__strieq(cc->parent, types[i]) || pl < dl || !aza__strieq(cc->path + pl - dl, DIAG_PATH) ||
			    !aza_coll__wants(c, types[i]) || !aza_coll__wants(c, cc->type))
				continue;
			for (ml = pl - dl; ml && cc->path[ml - 1] != '/'; ml--)
				;
			const char *own = aza_coll__printf(c, "%s%.*s%s", types[i], (int)(ml ? ml - 1 : 0), cc->path, DIAG_PATH);
			if (own)
				aza_coll__dataset(c, own);
		}
	}
}

/* Which permission would have let a failed call through. */
const char *aza_coll__permission(const char *type, const char *api, int status, const char *message)
{
	const char *g = aza_graph__permission(type, status, message);
	if (g)
		return g;
	if (status == 401)
		return "a valid credential (the token was rejected)";
	if (status == 404 && aza__iends(api, "/descendants"))
		return "none: no management group has this id (give its id, not its display name)";
	if (status == 404 && !aza__istarts(type, "dataplane/"))
		return "none: the API or resource provider is absent here (register the provider, or the resource is gone)";
	if (status == 0 || status >= 500 || status == 429)
		return "none: the service failed or throttled; run again later";
	/* A 400 on the eligibilities is, as reported, the missing license
	 * (AadPremiumLicenseRequired); the message, which would tell it from a
	 * rejected request, is not passed here, so the text names both. */
	if (status == 400 && aza__iends(api, "/providers/Microsoft.Authorization/roleEligibilityScheduleInstances"))
		return "none if Resource Manager answered AadPremiumLicenseRequired: the tenant has no Microsoft Entra ID P2 or "
		       "Microsoft Entra ID Governance license, so Privileged Identity Management keeps no eligible role "
		       "assignment (the rules count none); any other 400 is a rejected request";
	if (aza__istarts(type, "dataplane/storage"))
		return status == 404 ? "none: the account or its service endpoint was not found"
		                     : "a Storage data-plane role on the account for Entra (e.g. Storage Account Contributor), "
		                       "or --storage-auth sharedkey with Microsoft.Storage/storageAccounts/listKeys/action; "
		                       "a firewall or private endpoint also refuses it";
	if (aza__istarts(type, "dataplane/keyvault"))
		return status == 404 ? "none: the vault, the key or the certificate was not found (deleted while read)"
		                     : "Key Vault Reader on the vault (Azure RBAC permission model), or an access policy "
		                       "with keys List, Get and Get Rotation Policy and certificates List and Get; a vault "
		                       "firewall or private endpoint also refuses it (ForbiddenByFirewall)";
	if (!aza__istarts(api, "/subscriptions") && !aza__istarts(api, "/providers"))
		return aza_graph__need(type);
	if (aza__istarts(api, "/providers/Microsoft.Management/managementGroups/")) {
		if (aza__iends(api, "/descendants"))
			return "Management Group Reader (or Reader) on the management group; without it, its subscriptions "
			       "are not listed";
		return "Reader on the management group";
	}
	if (aza__istrstr(api, "/Microsoft.Security/"))
		return "Security Reader (or Reader) on the subscription";
	/* A slot's list action is an operation of its own (sites/slots/config). */
	if (aza__iends(api, "/config/metadata/list") && aza__istrstr(api, "/slots/"))
		return "Microsoft.Web/sites/slots/config/list/action on the slot (not in Reader; it also lets the identity read app "
		       "settings and connection strings, which azaudit does not ask for); without it AZA-APP-005 reports UNKNOWN for "
		       "Windows slots whose stack version config/web does not show";
	if (aza__iends(api, "/config/metadata/list"))
		return "Microsoft.Web/sites/config/list/action on the site (not in Reader; it also lets the identity read app settings "
		       "and connection strings, which azaudit does not ask for); without it AZA-APP-005 reports UNKNOWN for Windows apps "
		       "whose stack version config/web does not show";
	if (aza__istrstr(api, "/Microsoft.ResourceGraph/"))
		return "Reader on the subscription (Resource Graph shows only what the identity can read)";
	return "Reader on the subscription";
}
