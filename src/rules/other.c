/*
 * other.c - rules for services outside the nine areas. Databricks
 * (AZA-DBX-*): workspace networking, logging and the account-level
 * practices CIS lists as manual.
 *
 * Workspace deployment parameters are objects {type, value} under
 * properties.parameters (customVirtualNetworkId, customPublicSubnetName,
 * customPrivateSubnetName, enableNoPublicIp).
 */
#include "rule.h"

#include <stdio.h>
#include <string.h>

#define DBX "Microsoft.Databricks/workspaces"
#define VNET "Microsoft.Network/virtualNetworks"
#define SUBNET "Microsoft.Network/virtualNetworks/subnets"
#define DIAG "Microsoft.Insights/diagnosticSettings"

/* A workspace parameter's value, or NULL when absent. */
static const aza_json *param(aza_ev *ev, const aza_res *r, const char *name)
{
	char path[128];
	snprintf(path, sizeof path, "properties.parameters.%s.value", name);
	const aza_json *v = aza_prop(ev, r, path);
	return v && !aza_json_is(v, AZA_JNULL) ? v : NULL;
}

static const char *vnet_id(aza_ev *ev, const aza_res *r)
{
	const char *v = aza_json_str(param(ev, r, "customVirtualNetworkId"));
	return v && *v ? v : NULL;
}

/* Resource Manager returns a deployed workspace's parameters (at least
 * enableNoPublicIp and the managed storage account's), so a deployed
 * workspace without them was exported incompletely: whether it is
 * VNet-injected is not known. A template states only what it sets. */
static int params_missing(aza_ev *ev, const aza_res *r)
{
	if (aza_is_template(r) || aza_json_is(aza_prop(ev, r, "properties.parameters"), AZA_JOBJ))
		return 0;
	aza_unknown(ev, r, "properties.parameters is absent from the workspace (incomplete export?): its network is not known");
	return 1;
}

static void vnet_injection(aza_ev *ev, const aza_res *r)
{
	if (params_missing(ev, r))
		return;
	const aza_json *v = param(ev, r, "customVirtualNetworkId");
	if (v && !aza_json_str(v)) {
		aza_unknown(ev, r, "parameters.customVirtualNetworkId.value is not a string");
		return;
	}
	const char *id = vnet_id(ev, r);
	if (id)
		aza_pass(ev, r, "deployed in the customer virtual network %s", id);
	else
		aza_fail(ev, r, "no customVirtualNetworkId: the workspace runs in a Databricks-managed virtual network");
}

/* The subnet `name` of the virtual network, as its own object or inside
 * the network's properties.subnets. *nsg is set to its NSG id or NULL. */
static int find_subnet(aza_ev *ev, const char *vnet, const char *name, const char **nsg)
{
	char id[2048];
	snprintf(id, sizeof id, "%s/subnets/%s", vnet, name);
	aza_inv *inv = aza_ev_inv(ev);
	const aza_res *s = aza_inv_find(inv, id);
	if (s) {
		*nsg = aza_json_str(aza_prop(ev, s, "properties.networkSecurityGroup.id"));
		return 1;
	}
	const aza_res *v = aza_inv_find(inv, vnet);
	aza_json_each(sn, v ? aza_prop(ev, v, "properties.subnets") : NULL) {
		if (aza_json_streq(aza_json_get(sn, "name"), name)) {
			*nsg = aza_json_str(aza_json_path(sn, "properties.networkSecurityGroup.id"));
			return 1;
		}
	}
	return 0;
}

static void subnet_nsgs(aza_ev *ev, const aza_res *r)
{
	if (params_missing(ev, r))
		return;
	const char *vnet = vnet_id(ev, r);
	if (!vnet) {
		aza_na(ev, r, "not VNet-injected (see AZA-DBX-001): the managed network's NSGs are Databricks-controlled");
		return;
	}
	static const char *const which[2] = {"customPublicSubnetName", "customPrivateSubnetName"};
	char missing[256] = "";
	size_t nok = 0;
	for (int i = 0; i < 2; i++) {
		const char *name = aza_json_str(param(ev, r, which[i]));
		if (!name || !*name) {
			aza_unknown(ev, r, "parameters.%s is absent: the subnet cannot be identified", which[i]);
			return;
		}
		const char *nsg = NULL;
		if (!find_subnet(ev, vnet, name, &nsg)) {
			const char *why;
			if (!aza_ev_collected(ev, VNET, r, &why))
				aza_unknown(ev, r, "subnet %s: %s", name, why);
			else
				aza_unknown(ev, r, "subnet %s of %s is not in the input", name, vnet);
			return;
		}
		if (nsg && *nsg) {
			nok++;
		} else {
			size_t l = strlen(missing);
			snprintf(missing + l, sizeof missing - l, "%s%s", l ? ", " : "", name);
		}
	}
	if (*missing)
		aza_fail(ev, r, "no network security group on subnet(s) %s", missing);
	else
		aza_pass(ev, r, "both workspace subnets have a network security group");
}

static void diag_logs(aza_ev *ev, const aza_res *r)
{
	const aza_res *nodest = NULL;
	for (const aza_res *d = aza_inv_child(aza_ev_inv(ev), r->id, DIAG); d; d = aza_inv_next_child(d, r->id)) {
		int b;
		size_t n = 0;
		aza_json_each(l, aza_prop(ev, d, "properties.logs")) {
			if (aza_json_bool(aza_json_get(l, "enabled"), &b) && b)
				n++;
		}
		if (!n)
			continue;
		/* Logs go nowhere without a destination (an event hub name alone
		 * is not one). */
		if (!aza_diag_has_dest(ev, d)) {
			if (!nodest)
				nodest = d;
			continue;
		}
		aza_pass(ev, r, "diagnostic setting '%s' delivers %zu log categor%s", d->name, n, n == 1 ? "y" : "ies");
		return;
	}
	const char *why;
	if (nodest)
		aza_fail(ev, r, "diagnostic setting '%s' enables logs but names no destination (workspace, storage account, event hub authorization rule or partner)",
		         nodest->name);
	else if (!aza_diag_collected(ev, r, &why))
		aza_unknown(ev, r, "%s", why);
	else
		aza_fail(ev, r, "no diagnostic setting with an enabled log category: workspace activity is not delivered to a log destination");
}

static void no_public_ip(aza_ev *ev, const aza_res *r)
{
	const aza_json *v = param(ev, r, "enableNoPublicIp");
	int b;
	if (v) {
		if (!aza_json_bool(v, &b))
			aza_unknown(ev, r, "parameters.enableNoPublicIp.value is not a boolean");
		else if (b)
			aza_pass(ev, r, "enableNoPublicIp is true: cluster nodes have no public IP (secure cluster connectivity)");
		else
			aza_fail(ev, r, "enableNoPublicIp is false: cluster nodes get public IP addresses");
		return;
	}
	if (aza_is_template(r)) {
		/* Secure cluster connectivity became the default with api-version 2024-05-01. */
		if (aza_api_version_unknown(r))
			aza_unknown(ev, r, "enableNoPublicIp not set; its default depends on the api-version, %s, which is only known at deployment",
			            r->api_version);
		else if (strcmp(r->api_version, "2024-05-01") >= 0)
			aza_pass(ev, r, "enableNoPublicIp not set; defaults to true at api-version %s", r->api_version);
		else
			aza_fail(ev, r, "enableNoPublicIp not set; defaults to false at api-version %s (before 2024-05-01)", r->api_version);
		return;
	}
	aza_unknown(ev, r, "parameters.enableNoPublicIp is absent from the workspace (incomplete export?)");
}

static void public_access(aza_ev *ev, const aza_res *r)
{
	aza_public_network_disabled(ev, r, "it defaults to Enabled", "the workspace front end is reachable from the internet");
}

static void private_endpoints(aza_ev *ev, const aza_res *r)
{
	aza_private_endpoints(ev, r, "workspace");
}

#define DBX_NET .resp = AZA_RESP_NETWORK, .models = AZA_PAAS, .types = DBX
#define DBX_MAN .models = AZA_PAAS

const struct aza_rule aza_rules_other[] = {
	{
		.id = "AZA-DBX-001", .title = "Databricks workspaces are deployed in a customer-managed virtual network",
		.area = AZA_AREA_OTHER, .level = 1, .severity = AZA_SEV_MEDIUM, DBX_NET, .cis = "6.0.0:2.1.1",
		.rationale = "VNet injection puts the clusters in your own network, where NSGs, routes, firewalls and private endpoints apply to them.",
		.portal = "Set at creation: Create Azure Databricks workspace > Networking > Deploy in your own Virtual Network: Yes.",
		.cli = "az databricks workspace create ... --vnet <vnet id> --public-subnet <name> --private-subnet <name>",
		.arm = "Microsoft.Databricks/workspaces: properties.parameters.customVirtualNetworkId.value = <vnet id>",
		.defaults = "Absent means a Databricks-managed network (FAIL). It can only be set when the workspace is created (or by migration).",
		.check = vnet_injection,
	},
	{
		.id = "AZA-DBX-002", .title = "Databricks workspace subnets have network security groups",
		.area = AZA_AREA_OTHER, .level = 1, .severity = AZA_SEV_MEDIUM, DBX_NET, .needs = VNET " " SUBNET, .cis = "6.0.0:2.1.2",
		.rationale = "An NSG on the public and private subnets is how cluster traffic is restricted beyond Databricks' own required rules.",
		.portal = "Virtual network > Subnets > <public and private subnet> > Network security group: select an NSG.",
		.cli = "az network vnet subnet update -g <rg> --vnet-name <vnet> -n <subnet> --network-security-group <nsg>",
		.arm = "Microsoft.Network/virtualNetworks/subnets: properties.networkSecurityGroup.id",
		.defaults = "Subnets are found from customVirtualNetworkId and customPublicSubnetName/customPrivateSubnetName, as subnet objects or inside the virtual network. Not VNet-injected: NOT_APPLICABLE. Network not collected: UNKNOWN.",
		.check = subnet_nsgs,
	},
	{
		.id = "AZA-DBX-003", .title = "Traffic between Databricks cluster workers is encrypted",
		.area = AZA_AREA_OTHER, .level = 2, .severity = AZA_SEV_LOW, DBX_MAN, .resp = AZA_RESP_DATA, .cis = "6.0.0:2.1.3",
		.rationale = "Worker-to-worker traffic is not encrypted by default; an init script enables it for sensitive workloads.",
		.manual = "In the Databricks workspace: Compute > each cluster (or cluster policy) > Advanced options > Init scripts: confirm the inter-node encryption init script is configured (see Azure Databricks 'Encrypt traffic between cluster worker nodes').",
	},
	{
		.id = "AZA-DBX-004", .title = "Entra ID users and groups are synced to Databricks (SCIM)",
		.area = AZA_AREA_OTHER, .level = 1, .severity = AZA_SEV_LOW, DBX_MAN, .resp = AZA_RESP_IDENTITY, .cis = "6.0.0:2.1.4",
		.rationale = "Provisioning from Entra ID removes access automatically when people leave or change role.",
		.manual = "Databricks account console > Settings > User provisioning: confirm SCIM provisioning from Microsoft Entra ID (enterprise application 'Azure Databricks SCIM Provisioning Connector') is on and its provisioning logs are recent.",
	},
	{
		.id = "AZA-DBX-005", .title = "Unity Catalog is configured",
		.area = AZA_AREA_OTHER, .level = 1, .severity = AZA_SEV_LOW, DBX_MAN, .resp = AZA_RESP_DATA, .cis = "6.0.0:2.1.5",
		.rationale = "Unity Catalog gives central, audited access control over data across workspaces.",
		.manual = "Databricks account console > Catalog / Workspaces: confirm each workspace is assigned a Unity Catalog metastore (the ARM property isUcEnabled shows workspaces created with it).",
	},
	{
		.id = "AZA-DBX-006", .title = "Databricks personal access tokens are restricted and expire",
		.area = AZA_AREA_OTHER, .level = 1, .severity = AZA_SEV_MEDIUM, DBX_MAN, .resp = AZA_RESP_ACCOUNTS, .cis = "6.0.0:2.1.6",
		.rationale = "Long-lived personal access tokens bypass Entra ID conditional access and outlive the people who created them.",
		.manual = "Workspace admin settings > Advanced > Personal access tokens: limit token use to specific groups and set a maximum lifetime; review existing tokens (Settings > Developer > Access tokens, or the Token Management API).",
	},
	{
		.id = "AZA-DBX-007", .title = "Databricks diagnostic logs are delivered",
		.area = AZA_AREA_OTHER, .level = 1, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_DATA, .models = AZA_PAAS, .types = DBX,
		.needs = DIAG " " AZA_DIAG_OF(DBX), .cis = "6.0.0:2.1.7",
		.rationale = "Workspace audit logs (accounts, clusters, jobs, notebooks, secrets) are the record of who did what in the workspace.",
		.portal = "Databricks workspace > Monitoring > Diagnostic settings > Add diagnostic setting: all logs to a Log Analytics workspace or storage account.",
		.cli = "az monitor diagnostic-settings create --resource <workspace id> -n audit --workspace <law id> --logs '[{\"categoryGroup\":\"allLogs\",\"enabled\":true}]'",
		.arm = "Microsoft.Insights/diagnosticSettings on the workspace with logs[] enabled",
		.defaults = "Any diagnostic setting with an enabled log category or category group and a destination (workspace, storage account, event hub authorization rule or partner) passes (diagnostic settings need the Premium tier). Diagnostic settings not collected: UNKNOWN. A snapshot that lists its data sets (meta.datasets) must list Microsoft.Databricks/workspaces/providers/Microsoft.Insights/diagnosticSettings, which azaudit collect records since it reads each workspace's settings: Microsoft.Insights/diagnosticSettings alone comes from the subscriptions' own settings, and an older snapshot lists it without holding any workspace's, so a workspace without a setting there is UNKNOWN (workspace diagnostic settings were not collected), not a FAIL.",
		.check = diag_logs,
	},
	{
		.id = "AZA-DBX-008", .title = "Databricks data is encrypted with customer-managed keys",
		.area = AZA_AREA_OTHER, .level = 2, .severity = AZA_SEV_LOW, DBX_MAN, .resp = AZA_RESP_DATA, .cis = "6.0.0:2.1.8",
		.rationale = "Customer-managed keys let you control and revoke access to notebooks, managed services data and managed disks.",
		.manual = "Databricks workspace > Settings > Encryption: confirm customer-managed keys for managed services and/or managed disks (ARM: properties.encryption.entities.managedServices / managedDisk keySource 'Microsoft.Keyvault') and DBFS root (parameters.encryption.value.keySource 'Microsoft.Keyvault'), as your data classification requires.",
	},
	{
		.id = "AZA-DBX-009", .title = "Databricks clusters have no public IP addresses",
		.area = AZA_AREA_OTHER, .level = 1, .severity = AZA_SEV_MEDIUM, DBX_NET, .cis = "6.0.0:2.1.9",
		.rationale = "With secure cluster connectivity, cluster nodes have no public IP and no open inbound ports.",
		.portal = "Databricks workspace > Settings > Networking: Deploy Azure Databricks workspace with Secure Cluster Connectivity (No Public IP): Yes.",
		.cli = "az databricks workspace update -g <rg> -n <workspace> --enable-no-public-ip true",
		.arm = "Microsoft.Databricks/workspaces: properties.parameters.enableNoPublicIp.value = true",
		.defaults = "Deployed workspaces: absent gives UNKNOWN. Templates: absent means true from api-version 2024-05-01, false before.",
		.check = no_public_ip,
	},
	{
		.id = "AZA-DBX-010", .title = "Databricks public network access is disabled",
		.area = AZA_AREA_OTHER, .level = 1, .severity = AZA_SEV_MEDIUM, DBX_NET, .cis = "6.0.0:2.1.10",
		.rationale = "With public network access disabled, the workspace UI and APIs are reachable only through private endpoints.",
		.portal = "Databricks workspace > Settings > Networking: Allow Public Network Access: Disabled.",
		.cli = "az databricks workspace update -g <rg> -n <workspace> --public-network-access Disabled",
		.arm = "Microsoft.Databricks/workspaces: properties.publicNetworkAccess = 'Disabled' (with requiredNsgRules 'NoAzureDatabricksRules')",
		.defaults = "Absent means Enabled (FAIL). SecuredByPerimeter is not Disabled (FAIL), as for SQL servers (AZA-SQL-012): the endpoint stays on and a network security perimeter's inbound access rules can admit public traffic. Another value: UNKNOWN.",
		.check = public_access,
	},
	{
		.id = "AZA-DBX-011", .title = "Databricks workspaces use private endpoints",
		.area = AZA_AREA_OTHER, .level = 2, .severity = AZA_SEV_LOW, DBX_NET, .needs = "Microsoft.Network/privateEndpoints", .cis = "6.0.0:2.1.11",
		.rationale = "Private endpoints keep front-end and back-end traffic to the workspace on the Microsoft backbone and inside your network.",
		.portal = "Databricks workspace > Settings > Networking > Private endpoint connections > + Private endpoint.",
		.cli = "az network private-endpoint create --group-id databricks_ui_api --private-connection-resource-id <workspace id> ...",
		.arm = "Microsoft.Network/privateEndpoints with privateLinkServiceConnections to the workspace",
		.defaults = "Only connections whose state is Approved count. A template workspace has no connections before deployment: a Microsoft.Network/privateEndpoints resource of the same template whose privateLinkServiceConnections[].properties.privateLinkServiceId is the workspace's id counts (Azure approves it on creation; manualPrivateLinkServiceConnections do not count). A private endpoint whose target is only known at deployment makes the verdict UNKNOWN.",
		.check = private_endpoints,
	},
	{
		.id = "AZA-DBX-012", .title = "Databricks groups and their members are reviewed periodically",
		.area = AZA_AREA_OTHER, .level = 1, .severity = AZA_SEV_LOW, .resp = AZA_RESP_ACCOUNTS, .models = AZA_PAAS, .cis = "6.0.0:2.1.12",
		.rationale = "Group membership grants data access; reviews catch access that is no longer needed.",
		.manual = "Databricks account console > User management > Groups (and each workspace's admin settings): review group members and entitlements, record the review date and removals; where groups come from Entra ID, review them there (access reviews).",
	},
};
const size_t aza_rules_other_n = sizeof aza_rules_other / sizeof aza_rules_other[0];
