import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *
# Shapes from monitor/.../getSubscriptionDiagnosticSetting.json, getLogProfile.json,
# ActivityLogAlertRule_ListBySubscriptionId.json, getDiagnosticSetting.json,
# keyvault getVault.json, network NetworkWatcherFlowLogGet.json, storage examples.
SUBID = f"/subscriptions/{SUB}"
S = "fixture-sub"
DIAG = "Microsoft.Insights/diagnosticSettings"
ALERT = "Microsoft.Insights/activityLogAlerts"
ST = "Microsoft.Storage/storageAccounts"
WSID = rid('rg-mon', 'Microsoft.OperationalInsights', 'workspaces', 'law-central')
SAID = rid('rg-mon', 'Microsoft.Storage', 'storageAccounts', 'stactivity')
EHID = rid('rg-mon', 'microsoft.eventhub', 'namespaces', 'mynamespace', 'authorizationrules', 'RootManageSharedAccessKey')

def subdiag(name, logs, ws=WSID, sa="", eh=""):
    return {"id": f"{SUBID}/providers/Microsoft.Insights/diagnosticSettings/{name}", "type": None, "name": name,
            "properties": {"storageAccountId": sa, "workspaceId": ws, "eventHubAuthorizationRuleId": eh, "logs": logs}}
ALL = [{"categoryGroup": "allLogs", "enabled": True}]
def cats(*cs): return [{"category": c, "enabled": True} for c in cs]
def logprofile(days=3, enabled=True, locations=("global",), categories=("Delete", "Write", "Action"), sa=SAID):
    return {"id": f"{SUBID}/providers/microsoft.insights/logprofiles/default", "type": "", "name": "default", "location": "", "tags": None,
            "properties": {"storageAccountId": sa, "serviceBusRuleId": "", "locations": list(locations),
                           "categories": list(categories), "retentionPolicy": {"enabled": enabled, "days": days}}}
def workspace(days, ident=WSID):
    return {"id": ident, "name": ident.rsplit('/', 1)[1], "type": "Microsoft.OperationalInsights/workspaces", "location": "westeurope",
            "properties": {"provisioningState": "Succeeded", "sku": {"name": "PerGB2018"}, "retentionInDays": days, "publicNetworkAccessForIngestion": "Enabled"}}
def table(total, ident=WSID):
    return {"id": ident + "/tables/AzureActivity", "name": "AzureActivity", "type": "Microsoft.OperationalInsights/workspaces/tables",
            "properties": {"retentionInDays": 90, "totalRetentionInDays": total, "plan": "Analytics"}}
def acct(ident=SAID, public=False, keysource="Microsoft.Storage", **kv):
    name = ident.rsplit('/', 1)[1]
    a = {"id": ident, "name": name, "type": ST, "kind": "StorageV2", "location": "westeurope",
         "sku": {"name": "Standard_GRS", "tier": "Standard"},
         "properties": {"allowBlobPublicAccess": public, "minimumTlsVersion": "TLS1_2", "supportsHttpsTrafficOnly": True,
                        "encryption": {"services": {"blob": {"keyType": "Account", "enabled": True}}, "keySource": keysource}}}
    if keysource == "Microsoft.Keyvault":
        a["properties"]["encryption"]["keyvaultproperties"] = {"keyvaulturi": "https://kv-cmk.vault.azure.net", "keyname": "stg", "keyversion": ""}
    return mod(a, **kv)
def container(access, acc=SAID):
    return {"id": acc + "/blobServices/default/containers/insights-activity-logs", "name": "insights-activity-logs",
            "type": ST + "/blobServices/containers", "etag": "\"0x8D589847D51C7DE\"",
            "properties": {"publicAccess": access, "leaseStatus": "Unlocked", "hasImmutabilityPolicy": False, "hasLegalHold": False}}
def mgmtpol(rules, acc=SAID):
    return {"id": acc + "/managementPolicies/default", "name": "DefaultManagementPolicy", "type": ST + "/managementPolicies",
            "properties": {"policy": {"rules": rules}}}
def lcrule(name, days, prefixes=None, types=("blockBlob", "appendBlob")):
    f = {"blobTypes": list(types)}
    if prefixes is not None: f["prefixMatch"] = prefixes
    return {"enabled": True, "name": name, "type": "Lifecycle",
            "definition": {"filters": f, "actions": {"baseBlob": {"delete": {"daysAfterModificationGreaterThan": days}}}}}

# ---- AZA-LOG-001 export exists
R = 'AZA-LOG-001'
case(R, 'pass', snapshot([subdiag('ds4', ALL, sa=SAID, eh=EHID)]), f"PASS {S} ~ 'ds4' exports")
case(R, 'pass-logprofile', snapshot([logprofile()], datasets=[DIAG, "Microsoft.Insights/logprofiles"]), f"PASS {S} ~ log profile 'default'")
case(R, 'fail', snapshot([], datasets=[DIAG]), f"FAIL {S} ~ no subscription diagnostic setting")
case(R, 'fail-nodest', snapshot([subdiag('nowhere', ALL, ws="")]), f"FAIL {S} ~ has no destination")
case(R, 'fail-nologs', snapshot([subdiag('off', [{"categoryGroup": "allLogs", "enabled": False}])]), f"FAIL {S} ~ enables no log category")
# a log profile with a destination but no category (or no location) exports nothing
case(R, 'fail-logprofile-nocategory', snapshot([logprofile(categories=())], datasets=[DIAG, "Microsoft.Insights/logprofiles"]), f"FAIL {S} ~ selects no category")
case(R, 'fail-logprofile-nolocation', snapshot([logprofile(locations=())], datasets=[DIAG, "Microsoft.Insights/logprofiles"]), f"FAIL {S} ~ selects no location")
case(R, 'unknown', snapshot([]), f"UNKNOWN {S} ~ no {DIAG} data")
case(R, 'unknown-error', snapshot([], datasets=[DIAG], errors=[{"scope": SUBID, "type": DIAG, "api": "GET diagnosticSettings", "status": 403, "message": "AuthorizationFailed"}]), f"UNKNOWN {S} ~ HTTP 403")

# ---- AZA-LOG-002 CIS categories
R = 'AZA-LOG-002'
case(R, 'pass', snapshot([subdiag('cis', cats("Administrative", "Alert", "Policy", "Security"))]), f"PASS {S}")
case(R, 'pass-alllogs', snapshot([subdiag('ds4', ALL)]), f"PASS {S}")
case(R, 'fail', snapshot([subdiag('partial', cats("Administrative", "Alert", "Security"))]), f"FAIL {S} ~ Policy category")
case(R, 'fail-profile-only', snapshot([logprofile()], datasets=[DIAG, "Microsoft.Insights/logprofiles"]), f"FAIL {S} ~ only a legacy log profile")
case(R, 'unknown', snapshot([]), f"UNKNOWN {S} ~ not collected")

# ---- AZA-LOG-003 all categories and regions
R = 'AZA-LOG-003'
case(R, 'pass', snapshot([subdiag('ds4', ALL)]), f"PASS {S} ~ every activity log category")
case(R, 'pass-profile', snapshot([logprofile(locations=("global", "westeurope")), acct()], datasets=[DIAG, "Microsoft.Insights/logprofiles", ST]), f"PASS {S} ~ every region in use")
case(R, 'fail', snapshot([subdiag('cis', cats("Administrative", "Alert", "Policy", "Security"))]), f"FAIL {S} ~ ServiceHealth")
case(R, 'fail-profile-region', snapshot([logprofile(), acct()], datasets=[DIAG, "Microsoft.Insights/logprofiles", ST]), f"FAIL {S} ~ region 'westeurope'")
case(R, 'fail-profile-global', snapshot([logprofile(locations=("westeurope",))], datasets=[DIAG, "Microsoft.Insights/logprofiles"]), f"FAIL {S} ~ 'global'")
case(R, 'unknown', snapshot([]), f"UNKNOWN {S} ~ not collected")

# ---- AZA-LOG-004 retention
R = 'AZA-LOG-004'
case(R, 'pass', snapshot([subdiag('ds4', ALL), workspace(730)], datasets=[DIAG, "AzureResourceManager/diagnosticSettings", "Microsoft.Insights/logprofiles", "Microsoft.OperationalInsights/workspaces", "Microsoft.OperationalInsights/workspaces/tables", ST + "/managementPolicies"]), f"PASS {S} ~ retentionInDays is 730")
case(R, 'pass-table', snapshot([subdiag('ds4', ALL), workspace(30), table(400)]), f"PASS {S} ~ AzureActivity keeps 400 days")
case(R, 'pass-profile-forever', snapshot([logprofile(days=0, enabled=False)]), f"PASS {S} ~ kept indefinitely")
case(R, 'pass-profile-days', snapshot([logprofile(days=365)]), f"PASS {S} ~ retains events 365 days")
case(R, 'pass-storage-nopolicy', snapshot([subdiag('ds', ALL, ws="", sa=SAID), acct()], datasets=[DIAG, ST, ST + "/managementPolicies"]), f"PASS {S} ~ no lifecycle management policy")
case(R, 'pass-storage-otherblobs', snapshot([subdiag('ds', ALL, ws="", sa=SAID), acct(), mgmtpol([lcrule('tmp', 7, ["scratch/"]), lcrule('blocks', 30, None, ("blockBlob",))])]), f"PASS {S} ~ no lifecycle rule")
case(R, 'fail', snapshot([logprofile(days=3)]), f"FAIL {S} ~ retains events 3 days")
case(R, 'fail-workspace', snapshot([subdiag('ds4', ALL), workspace(90)], datasets=[DIAG, "AzureResourceManager/diagnosticSettings", "Microsoft.Insights/logprofiles", "Microsoft.OperationalInsights/workspaces", "Microsoft.OperationalInsights/workspaces/tables", ST + "/managementPolicies"]), f"FAIL {S} ~ retentionInDays is 90")
case(R, 'fail-storage-lifecycle', snapshot([subdiag('ds', ALL, ws="", sa=SAID), acct(), mgmtpol([lcrule('expire-logs', 90, ["insights-activity-logs/"])])]), f"FAIL {S} ~ 'expire-logs'")
case(R, 'fail-noexport', snapshot([], datasets=[DIAG]), f"FAIL {S} ~ only 90 days")
case(R, 'unknown', snapshot([subdiag('ds4', ALL)]), f"UNKNOWN {S} ~ not in the input")
case(R, 'unknown-storage', snapshot([subdiag('ds', ALL, ws="", sa=SAID), acct()], datasets=[DIAG, ST]), f"UNKNOWN {S} ~ lifecycle management policies were not collected")
case(R, 'unknown-eventhub', snapshot([subdiag('eh', ALL, ws="", eh=EHID)]), f"UNKNOWN {S} ~ event hub")
case(R, 'unknown-nodata', snapshot([]), f"UNKNOWN {S} ~ not collected")
# the account is outside the input: a collected data set says nothing of its policies
case(R, 'unknown-storage-account', snapshot([subdiag('ds', ALL, ws="", sa=SAID)], datasets=[DIAG, ST, ST + "/managementPolicies"]), f"UNKNOWN {S} ~ export storage account")
mp = mgmtpol([]); mp["properties"]["policy"]["rules"] = {"name": "expire-logs"}
case(R, 'unknown-storage-rules', snapshot([subdiag('ds', ALL, ws="", sa=SAID), acct(), mp]), f"UNKNOWN {S} ~ policy.rules is not an array")
# a log profile's retentionPolicy applies to its storage account only
lp = logprofile(days=0, enabled=False, sa=""); lp["properties"]["serviceBusRuleId"] = EHID
case(R, 'unknown-profile-servicebus', snapshot([lp]), f"UNKNOWN {S} ~ Service Bus or event hub only")
# totalRetentionInDays -1 defaults to the table's retentionInDays, not the workspace's
t = table(-1); t["properties"]["retentionInDays"] = 30
case(R, 'fail-table-retention', snapshot([subdiag('ds4', ALL), workspace(730), t]), f"FAIL {S} ~ AzureActivity retentionInDays is 30")
open(ROOT + '/AZA-LOG-004/fail-workspace-config.config.json', 'w').write('{"log_retention_days": 730}\n')
case(R, 'fail-workspace-config', snapshot([subdiag('ds4', ALL), workspace(400)], datasets=[DIAG, "AzureResourceManager/diagnosticSettings", "Microsoft.Insights/logprofiles", "Microsoft.OperationalInsights/workspaces", "Microsoft.OperationalInsights/workspaces/tables", ST + "/managementPolicies"]), f"FAIL {S} ~ limit 730")

# ---- AZA-LOG-005 export container private
R = 'AZA-LOG-005'
case(R, 'pass', snapshot([subdiag('ds', ALL, ws="", sa=SAID), acct(public=False), container("Container")]), f"PASS {S} ~ allowBlobPublicAccess false")
case(R, 'pass-container', snapshot([subdiag('ds', ALL, ws="", sa=SAID), acct(public=True), container("None")]), f"PASS {S} ~ publicAccess None")
case(R, 'pass-logprofile', snapshot([logprofile(), acct(public=False)]), f"PASS {S}")
case(R, 'fail', snapshot([subdiag('ds', ALL, ws="", sa=SAID), acct(public=True), container("Container")]), f"FAIL {S} ~ publicAccess Container")
case(R, 'unknown', snapshot([subdiag('ds', ALL, ws="", sa=SAID), acct(public=True)]), f"UNKNOWN {S} ~ container is not in the input")
case(R, 'unknown-account', snapshot([subdiag('ds', ALL, ws="", sa=SAID)]), f"UNKNOWN {S} ~ not in the input")
# a deployed container always carries publicAccess: absent is an incomplete export, not None
c = container("None"); del c["properties"]["publicAccess"]
case(R, 'unknown-nofield', snapshot([subdiag('ds', ALL, ws="", sa=SAID), acct(public=True), c]), f"UNKNOWN {S} ~ publicAccess is absent")
case(R, 'na-workspace', snapshot([subdiag('ds4', ALL)]), f"NOT_APPLICABLE {S}")
# more export accounts than azaudit judges: the rest is not judged, so no PASS
many = [subdiag(f'ds{i}', ALL, ws="", sa=SAID) for i in range(9)]
case(R, 'unknown-many', snapshot(many + [acct(public=False)]), f"UNKNOWN {S} ~ 9 storage accounts receive the activity log")

# ---- AZA-LOG-006 export storage CMK
R = 'AZA-LOG-006'
case(R, 'pass', snapshot([subdiag('ds', ALL, ws="", sa=SAID), acct(keysource="Microsoft.Keyvault")]), f"PASS {S} ~ customer-managed key")
case(R, 'fail', snapshot([logprofile(), acct()]), f"FAIL {S} ~ keySource Microsoft.Storage")
case(R, 'unknown', snapshot([subdiag('ds', ALL, ws="", sa=SAID)]), f"UNKNOWN {S} ~ not in the input")
case(R, 'na-workspace', snapshot([subdiag('ds4', ALL)]), f"NOT_APPLICABLE {S}")

# ---- AZA-LOG-007 Key Vault logging
R = 'AZA-LOG-007'
VT = "Microsoft.KeyVault/vaults"
def vault(name):
    return {"id": rid('rg-sec', 'Microsoft.KeyVault', 'vaults', name), "name": name, "type": VT, "location": "westus", "tags": {},
            "properties": {"sku": {"family": "A", "name": "standard"}, "tenantId": "00000000-0000-0000-0000-000000000000",
                           "accessPolicies": [], "enabledForDeployment": True, "enabledForDiskEncryption": True,
                           "enabledForTemplateDeployment": True, "vaultUri": f"https://{name}.vault.azure.net", "provisioningState": "Succeeded",
                           "publicNetworkAccess": "Enabled"}}
def vdiag(v, name, logs, ws=WSID, sa=""):
    return {"id": v["id"] + f"/providers/microsoft.insights/diagnosticSettings/{name}", "type": DIAG, "name": name,
            "properties": {"storageAccountId": sa, "workspaceId": ws, "eventHubAuthorizationRuleId": None,
                           "metrics": [{"category": "AllMetrics", "enabled": True, "retentionPolicy": {"enabled": False, "days": 0}}],
                           "logs": logs}}
ok, ok2, bad, unk = vault('kv-ok'), vault('kv-event'), vault('kv-bad'), vault('kv-unk')
case(R, 'pass', snapshot([ok, vdiag(ok, 'audit', [{"categoryGroup": "audit", "enabled": True}]),
                          ok2, vdiag(ok2, 'events', [{"category": "AuditEvent", "enabled": True, "retentionPolicy": {"enabled": False, "days": 0}}], ws="", sa=SAID)]),
     "PASS kv-ok ~ 'audit'\nPASS kv-event ~ 'events'")
case(R, 'fail', snapshot([bad, vdiag(bad, 'policy', [{"category": "AzurePolicyEvaluationDetails", "enabled": True}, {"category": "AuditEvent", "enabled": False}])]),
     "FAIL kv-bad ~ does not log AuditEvent")
case(R, 'fail-nodest', snapshot([bad, vdiag(bad, 'nowhere', ALL, ws="")]), "FAIL kv-bad ~ has no destination")
case(R, 'fail-none', snapshot([bad], datasets=[VT, DIAG]), "FAIL kv-bad ~ no diagnostic setting")
case(R, 'unknown', snapshot([unk]), "UNKNOWN kv-unk ~ not collected")
u2 = vault('kv-bare'); del u2['properties']
case(R, 'unknown-noprops', snapshot([u2]), "UNKNOWN kv-bare ~ no \"properties\"")

# ---- AZA-LOG-008 / 009 flow logs to Log Analytics
NW = rid('rg-net', 'Microsoft.Network', 'networkWatchers', 'NetworkWatcher_westeurope')
def flowlog(name, target, ta=False, enabled=True):
    return {"name": name, "id": NW + f"/FlowLogs/{name}", "etag": "W/\"00000000-0000-0000-0000-000000000000\"",
            "properties": {"provisioningState": "Succeeded", "targetResourceId": target,
                           "targetResourceGuid": "00000000-0000-0000-0000-000000000000",
                           "storageId": rid('rg-net', 'Microsoft.Storage', 'storageAccounts', 'wzstorage002'), "enabled": enabled,
                           "flowAnalyticsConfiguration": {"networkWatcherFlowAnalyticsConfiguration":
                               ({"enabled": True, "workspaceId": "00000000-0000-0000-0000-0000000000aa", "workspaceRegion": "westeurope",
                                 "workspaceResourceId": WSID, "trafficAnalyticsInterval": 60} if ta else
                                {"enabled": False, "workspaceId": "-", "workspaceRegion": "-", "trafficAnalyticsInterval": 60})},
                           "retentionPolicy": {"days": 0, "enabled": False}, "format": {"type": "JSON", "version": 2}},
            "location": "westeurope", "type": "Microsoft.Network/networkWatchers/FlowLogs"}
NSG = rid('rg-net', 'Microsoft.Network', 'networkSecurityGroups', 'vm5-nsg')
VNET = rid('rg-net', 'Microsoft.Network', 'virtualNetworks', 'vnet-hub')
W = 'NetworkWatcher_westeurope'
for R, tgt, other in [('AZA-LOG-008', NSG, VNET), ('AZA-LOG-009', VNET, NSG)]:
    case(R, 'pass', snapshot([flowlog('fl-ok', tgt, ta=True), flowlog('fl-other', other, ta=False)]), f"PASS {W}/fl-ok ~ workspace\nNOT_APPLICABLE {W}/fl-other")
    case(R, 'fail', snapshot([flowlog('fl-bad', tgt)]), f"FAIL {W}/fl-bad ~ not enabled")
    case(R, 'fail-disabled', snapshot([flowlog('fl-off', tgt, ta=True, enabled=False)]), f"FAIL {W}/fl-off ~ disabled")
    u = flowlog('fl-unk', tgt); del u['properties']['targetResourceId']
    case(R, 'unknown', snapshot([u]), f"UNKNOWN {W}/fl-unk ~ targetResourceId")
    u = flowlog('fl-odd', tgt, ta=True); u['properties']['enabled'] = "sometimes"
    case(R, 'unknown-enabled', snapshot([u]), f"UNKNOWN {W}/fl-odd ~ enabled is not a boolean")

# ---- manual rules
for R in ['AZA-LOG-010', 'AZA-LOG-011', 'AZA-LOG-012', 'AZA-LOG-041', 'AZA-LOG-042', 'AZA-LOG-043']:
    case(R, 'manual', snapshot([]), "MANUAL 72f988bf-0000-0000-0000-000000000001")

# ---- activity log alerts
def alert(name, conds, scopes=(f"/subscriptions/{SUB}",), enabled=True, rg='rg-mon'):
    a = {"id": f"/subscriptions/{SUB}/resourceGroups/{rg}/providers/microsoft.insights/activityLogAlerts/{name}",
         "type": "Microsoft.Insights/ActivityLogAlerts", "name": name, "location": "Global", "tags": {},
         "properties": {"scopes": list(scopes), "condition": {"allOf": conds},
                        "actions": {"actionGroups": [{"actionGroupId": rid(rg, 'microsoft.insights', 'actionGroups', 'SecOps'), "webhookProperties": {}}]},
                        "description": "Security alert"}}
    if enabled is not None: a["properties"]["enabled"] = enabled
    return a
def opcond(op): return [{"field": "category", "equals": "Administrative"}, {"field": "operationName", "equals": op}]
# The two alerts of ActivityLogAlertRule_ListBySubscriptionId.json (subscription scope and resource-group scope).
EXAMPLE = [alert("SampleActivityLogAlertRule1", [{"field": "category", "equals": "Administrative"}, {"field": "level", "equals": "Error"}],
                 scopes=(f"subscriptions/{SUB}",), rg="MyResourceGroup1"),
           alert("SampleActivityLogAlertRule2", [{"field": "category", "equals": "Administrative"}, {"field": "status", "equals": "Succeeded"}],
                 scopes=(f"subscriptions/{SUB}/resourceGroups/MyResourceGroup2",), rg="MyResourceGroup2")]
OPS = [('020', "Microsoft.Authorization/policyAssignments/write"), ('021', "Microsoft.Authorization/policyAssignments/delete"),
       ('022', "Microsoft.Network/networkSecurityGroups/write"), ('023', "Microsoft.Network/networkSecurityGroups/delete"),
       ('024', "Microsoft.Network/networkSecurityGroups/securityRules/write"), ('025', "Microsoft.Network/networkSecurityGroups/securityRules/delete"),
       ('026', "Microsoft.Security/securitySolutions/write"), ('027', "Microsoft.Security/securitySolutions/delete"),
       ('028', "Microsoft.Sql/servers/firewallRules/write"), ('029', "Microsoft.Sql/servers/firewallRules/delete"),
       ('030', "Microsoft.Network/publicIPAddresses/write"), ('031', "Microsoft.Network/publicIPAddresses/delete"),
       ('032', "Microsoft.Security/policies/write")]
for num, op in OPS:
    R = 'AZA-LOG-' + num
    other = OPS[(OPS.index((num, op)) + 1) % len(OPS)][1]
    case(R, 'pass', snapshot(EXAMPLE + [alert('al-' + num, opcond(op))]), f"PASS {S} ~ 'al-{num}' fires on {op}")
    case(R, 'fail', snapshot(EXAMPLE + [alert('al-other', opcond(other))], datasets=[ALERT]), f"FAIL {S} ~ no enabled activity log alert")
    case(R, 'fail-disabled', snapshot([alert('al-off', opcond(op), enabled=False)]), f"FAIL {S} ~ 'al-off' matches but is disabled")
    case(R, 'unknown', snapshot([]), f"UNKNOWN {S} ~ not collected")
R = 'AZA-LOG-020'
OP = OPS[0][1]
case(R, 'pass-case-noenabled', snapshot([alert('al-lower', [{"field": "operationName", "equals": OP.lower()}], scopes=(f"subscriptions/{SUB}",), enabled=None)]), f"PASS {S} ~ 'al-lower'")
case(R, 'pass-anyof', snapshot([alert('al-any', [{"field": "category", "equals": "Administrative"},
                                                 {"anyOf": [{"field": "operationName", "equals": OP}, {"field": "operationName", "equals": OPS[1][1]}]}])]), f"PASS {S} ~ 'al-any'")
case(R, 'pass-containsany', snapshot([alert('al-ca', [{"field": "operationName", "containsAny": [OPS[1][1], OP]}, {"field": "resourceProvider", "equals": "Microsoft.Authorization"}])]), f"PASS {S} ~ 'al-ca'")
case(R, 'fail-rgscope', snapshot([alert('al-rg', opcond(OP), scopes=(f"/subscriptions/{SUB}/resourceGroups/rg-app",))], datasets=[ALERT]), f"FAIL {S}")
case(R, 'fail-narrowed', snapshot([alert('al-err', opcond(OP) + [{"field": "level", "equals": "Error"}])], datasets=[ALERT]), f"FAIL {S} ~ also filters on 'level'")
# scopes absent or empty is no evidence the alert covers the subscription
a = alert('al-noscope', opcond(OP)); del a["properties"]["scopes"]
case(R, 'fail-noscopes', snapshot([a], datasets=[ALERT]), f"FAIL {S} ~ no enabled activity log alert")
case(R, 'fail-emptyscopes', snapshot([alert('al-empty', opcond(OP), scopes=())], datasets=[ALERT]), f"FAIL {S} ~ no enabled activity log alert")
case(R, 'pass-scope-slash', snapshot([alert('al-slash', opcond(OP), scopes=(f"/subscriptions/{SUB}/",))]), f"PASS {S} ~ 'al-slash'")
case(R, 'unknown-error', snapshot([], datasets=[ALERT], errors=[{"scope": SUBID, "type": ALERT, "api": "GET activityLogAlerts", "status": 403, "message": "AuthorizationFailed"}]), f"UNKNOWN {S} ~ HTTP 403")
R = 'AZA-LOG-033'
case(R, 'pass', snapshot(EXAMPLE + [alert('service-health', [{"field": "category", "equals": "ServiceHealth"},
     {"anyOf": [{"field": "properties.incidentType", "equals": "Incident"}, {"field": "properties.incidentType", "equals": "Security"}]}])]), f"PASS {S} ~ 'service-health'")
case(R, 'fail', snapshot(EXAMPLE, datasets=[ALERT]), f"FAIL {S} ~ Service Health")
case(R, 'fail-disabled', snapshot([alert('sh-off', [{"field": "category", "equals": "ServiceHealth"}], enabled=False)]), f"FAIL {S} ~ disabled")
case(R, 'pass-anyof', snapshot([alert('sh-any', [{"anyOf": [{"field": "category", "equals": "ServiceHealth"}, {"field": "category", "equals": "ResourceHealth"}]}])]), f"PASS {S} ~ 'sh-any'")
case(R, 'unknown', snapshot([]), f"UNKNOWN {S} ~ not collected")

# ---- AZA-LOG-040 Application Insights
R = 'AZA-LOG-040'
COMP = "Microsoft.Insights/components"
comp = {"id": rid('rg-app', 'Microsoft.Insights', 'components', 'appi-shop'), "name": "appi-shop", "type": "microsoft.insights/components",
        "location": "westeurope", "kind": "web", "properties": {"ApplicationId": "appi-shop", "Application_Type": "web",
        "Flow_Type": "Redfield", "Request_Source": "IbizaAIExtension", "IngestionMode": "LogAnalytics",
        "WorkspaceResourceId": WSID, "provisioningState": "Succeeded"}}
case(R, 'pass', snapshot([comp]), f"PASS {S} ~ 'appi-shop'")
case(R, 'fail', snapshot([], datasets=[COMP]), f"FAIL {S} ~ no Application Insights")
case(R, 'unknown', snapshot([]), f"UNKNOWN {S} ~ not collected")
