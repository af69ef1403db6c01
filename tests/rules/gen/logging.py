import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *
# Shapes from monitor/.../getSubscriptionDiagnosticSetting.json, getLogProfile.json,
# ActivityLogAlertRule_ListBySubscriptionId.json, getDiagnosticSetting.json,
# keyvault getVault.json, network NetworkWatcherFlowLogGet.json, storage examples.
SUBID = f"/subscriptions/{SUB}"
S = "fixture-sub"
TSUB = "00000000-0000-0000-0000-000000000000"  # the subscription of a template-only scan
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
# Log profiles were retired on 2026-09-30 (Microsoft Learn, activity log,
# Legacy collection methods; its later legacy collection methods page says
# 2026-09-15): a profile collected before both dates is judged as it was,
# one collected after them (the fixtures' collected_at, 2026-10-31) or
# deployed by a template is no export, and one collected between them
# proves neither.
LOGPROF = "Microsoft.Insights/logprofiles"
def psnap(*a, when="2026-09-01T12:00:00Z", **k):
    s = snapshot(*a, **k); s["meta"]["collected_at"] = when
    return s
MID = "2026-09-20T12:00:00Z"
RETIRED = "log profile 'default' no longer exports the activity log: log profiles were retired on 2026-09-30 and the subscription needs a diagnostic setting"
UNSURE = "but the data was collected on or after 2026-09-15, when Microsoft Learn's legacy collection methods page retires log profiles (its activity log page says 2026-09-30): whether the profile still exported is not known"
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
case(R, 'pass-logprofile', psnap([logprofile()], datasets=[DIAG, "Microsoft.Insights/logprofiles"]), f"PASS {S} ~ log profile 'default'")
case(R, 'fail', snapshot([], datasets=[DIAG]), f"FAIL {S} ~ no subscription diagnostic setting")
case(R, 'fail-nodest', snapshot([subdiag('nowhere', ALL, ws="")]), f"FAIL {S} ~ has no destination")
case(R, 'fail-nologs', snapshot([subdiag('off', [{"categoryGroup": "allLogs", "enabled": False}])]), f"FAIL {S} ~ enables no log category")
# a log profile with a destination but no category (or no location) exports nothing
case(R, 'fail-logprofile-nocategory', psnap([logprofile(categories=())], datasets=[DIAG, "Microsoft.Insights/logprofiles"]), f"FAIL {S} ~ selects no category")
case(R, 'fail-logprofile-nolocation', psnap([logprofile(locations=())], datasets=[DIAG, "Microsoft.Insights/logprofiles"]), f"FAIL {S} ~ selects no location")
case(R, 'unknown', snapshot([]), f"UNKNOWN {S} ~ no {DIAG} data")
case(R, 'unknown-error', snapshot([], datasets=[DIAG], errors=[{"scope": SUBID, "type": DIAG, "api": "GET diagnosticSettings", "status": 403, "message": "AuthorizationFailed"}]), f"UNKNOWN {S} ~ HTTP 403")
# A template-only scan judges the export only when the templates deploy the
# subscription's own diagnostic setting (or log profile): a resource's
# setting says nothing about it (it was FAIL, "no subscription diagnostic
# setting": any diagnostic setting made the rule judge the subscription).
case(R, 'na-template-resource-setting', template([
    {"type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv-app", "location": "westeurope",
     "properties": {"tenantId": "[subscription().tenantId]", "sku": {"family": "A", "name": "standard"}, "enableRbacAuthorization": True}},
    {"type": DIAG, "apiVersion": "2021-05-01-preview", "name": "audit", "scope": "[resourceId('Microsoft.KeyVault/vaults', 'kv-app')]",
     "properties": {"workspaceId": "[resourceId('Microsoft.OperationalInsights/workspaces', 'law-central')]",
                    "logs": [{"categoryGroup": "audit", "enabled": True}]}}]),
     f"NOT_APPLICABLE {TSUB} ~ template scan: the templates deploy no diagnostic setting or logprofile of the subscription")
SUB_TEMPLATE = "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#"
case(R, 'pass-template-subscription-setting', dict(template([
    {"type": DIAG, "apiVersion": "2021-05-01-preview", "name": "activity",
     "properties": {"workspaceId": "[resourceId('rg-mon', 'Microsoft.OperationalInsights/workspaces', 'law-central')]", "logs": ALL}}]),
    **{"$schema": SUB_TEMPLATE}), f"PASS {TSUB} ~ diagnostic setting 'activity' exports the activity log")

# ---- AZA-LOG-002 CIS categories
R = 'AZA-LOG-002'
case(R, 'pass', snapshot([subdiag('cis', cats("Administrative", "Alert", "Policy", "Security"))]), f"PASS {S}")
case(R, 'pass-alllogs', snapshot([subdiag('ds4', ALL)]), f"PASS {S}")
case(R, 'fail', snapshot([subdiag('partial', cats("Administrative", "Alert", "Security"))]), f"FAIL {S} ~ Policy category")
case(R, 'fail-profile-only', psnap([logprofile()], datasets=[DIAG, "Microsoft.Insights/logprofiles"]), f"FAIL {S} ~ only a legacy log profile")
# Two settings, each with a destination, sending two categories each: every
# event of the four categories is exported (it was FAIL, each setting judged
# alone).
case(R, 'pass-split', snapshot([subdiag('to-law', cats("Administrative", "Alert")), subdiag('to-storage', cats("Policy", "Security"), ws="", sa=SAID)]),
     f"PASS {S} ~ together export Administrative, Alert, Policy and Security (Administrative by 'to-law', Alert by 'to-law', Policy by 'to-storage', Security by 'to-storage')")
case(R, 'unknown', snapshot([]), f"UNKNOWN {S} ~ not collected")

# ---- AZA-LOG-003 all categories and regions
R = 'AZA-LOG-003'
case(R, 'pass', snapshot([subdiag('ds4', ALL)]), f"PASS {S} ~ every activity log category")
case(R, 'pass-profile', psnap([logprofile(locations=("global", "westeurope")), acct()], datasets=[DIAG, "Microsoft.Insights/logprofiles", ST]), f"PASS {S} ~ every region in use")
case(R, 'fail', snapshot([subdiag('cis', cats("Administrative", "Alert", "Policy", "Security"))]), f"FAIL {S} ~ ServiceHealth")
case(R, 'fail-profile-region', psnap([logprofile(), acct()], datasets=[DIAG, "Microsoft.Insights/logprofiles", ST]), f"FAIL {S} ~ region 'westeurope'")
# The eight categories split across two settings with destinations (it was
# FAIL on the first setting).
case(R, 'pass-split', snapshot([subdiag('core', cats("Administrative", "Security", "ServiceHealth", "Alert")),
                                subdiag('rest', cats("Recommendation", "Policy", "Autoscale", "ResourceHealth"), ws="", eh=EHID)]),
     f"PASS {S} ~ together export every activity log category")
case(R, 'fail-profile-global', psnap([logprofile(locations=("westeurope",))], datasets=[DIAG, "Microsoft.Insights/logprofiles"]), f"FAIL {S} ~ 'global'")
# A profile that leaves a region out, and diagnostic settings not collected:
# one of them may export it (it was FAIL).
case(R, 'unknown-profile-region-diag-unread', psnap([logprofile(), acct()], datasets=["Microsoft.Insights/logprofiles", ST]),
     f"UNKNOWN {S} ~ log profile 'default' does not include region 'westeurope' (used by stactivity), and ")
case(R, 'unknown', snapshot([]), f"UNKNOWN {S} ~ not collected")

# ---- AZA-LOG-004 retention
R = 'AZA-LOG-004'
case(R, 'pass', snapshot([subdiag('ds4', ALL), workspace(730)], datasets=[DIAG, "AzureResourceManager/diagnosticSettings", "Microsoft.Insights/logprofiles", "Microsoft.OperationalInsights/workspaces", "Microsoft.OperationalInsights/workspaces/tables", ST + "/managementPolicies"]), f"PASS {S} ~ retentionInDays is 730")
case(R, 'pass-table', snapshot([subdiag('ds4', ALL), workspace(30), table(400)]), f"PASS {S} ~ AzureActivity keeps 400 days")
case(R, 'pass-profile-forever', psnap([logprofile(days=0, enabled=False), acct()], datasets=[DIAG, "Microsoft.Insights/logprofiles", ST, ST + "/managementPolicies"]), f"PASS {S} ~ kept indefinitely, and storage account 'stactivity' has no lifecycle management policy")
case(R, 'pass-profile-days', psnap([logprofile(days=365), acct(), mgmtpol([lcrule('expire-diag', 30, ["insights-activity-logs/"])])]), f"PASS {S} ~ retains events 365 days (limit 365), and no lifecycle rule")
# A log profile writes insights-operational-logs/name=default/... blobs: the
# account's lifecycle rules delete them whatever its retentionPolicy says,
# and an account whose rules are not in the input proves nothing.
case(R, 'fail-profile-lifecycle', psnap([logprofile(days=0, enabled=False), acct(), mgmtpol([lcrule('expire-all', 30)])]), f"FAIL {S} ~ 'expire-all' of storage account 'stactivity' deletes activity log blobs after 30 days")
case(R, 'unknown-profile-account', psnap([logprofile(days=0, enabled=False)]), f"UNKNOWN {S} ~ export storage account")
case(R, 'pass-storage-nopolicy', snapshot([subdiag('ds', ALL, ws="", sa=SAID), acct()], datasets=[DIAG, ST, ST + "/managementPolicies"]), f"PASS {S} ~ no lifecycle management policy")
case(R, 'pass-storage-otherblobs', snapshot([subdiag('ds', ALL, ws="", sa=SAID), acct(), mgmtpol([lcrule('tmp', 7, ["scratch/"]), lcrule('blocks', 30, None, ("blockBlob",))])]), f"PASS {S} ~ no lifecycle rule")
case(R, 'fail', psnap([logprofile(days=3)]), f"FAIL {S} ~ retains events 3 days")
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
case(R, 'unknown-profile-servicebus', psnap([lp]), f"UNKNOWN {S} ~ Service Bus or event hub only")
# totalRetentionInDays -1 defaults to the table's retentionInDays, not the workspace's
t = table(-1); t["properties"]["retentionInDays"] = 30
case(R, 'fail-table-retention', snapshot([subdiag('ds4', ALL), workspace(730), t]), f"FAIL {S} ~ AzureActivity retentionInDays is 30")
# A template workspace without retentionInDays is deployed with Azure's
# default (30 days, 90 for the AzureActivity table), short of the limit (it
# was UNKNOWN, "retentionInDays is absent"); a tier whose default is not
# known stays UNKNOWN, and so does a deployed workspace whose GET lacks it.
def tmpl_workspace(props):
    return dict(template([
        {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "mon", "resourceGroup": "rg-mon",
         "properties": {"mode": "Incremental", "template": template([
             {"type": "Microsoft.OperationalInsights/workspaces", "apiVersion": "2022-10-01", "name": "law-central", "location": "westeurope",
              "properties": props}])}},
        {"type": DIAG, "apiVersion": "2021-05-01-preview", "name": "activity",
         "properties": {"workspaceId": "[resourceId('rg-mon', 'Microsoft.OperationalInsights/workspaces', 'law-central')]", "logs": ALL}}]),
        **{"$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#"})
case(R, 'fail-template-workspace-default', tmpl_workspace({"sku": {"name": "PerGB2018"}}),
     f"FAIL {TSUB} ~ workspace 'law-central' sets no retentionInDays: the template deploys the default, 30 days")
case(R, 'pass-template-workspace', tmpl_workspace({"sku": {"name": "PerGB2018"}, "retentionInDays": 730}),
     f"PASS {TSUB} ~ workspace 'law-central' retentionInDays is 730")
case(R, 'unknown-template-workspace-tier', tmpl_workspace({"sku": {"name": "Premium"}}),
     f"UNKNOWN {TSUB} ~ the default of its pricing tier Premium is not known here")
w = workspace(730); del w["properties"]["retentionInDays"]
case(R, 'unknown-workspace-absent', snapshot([subdiag('ds4', ALL), w], datasets=[DIAG, "AzureResourceManager/diagnosticSettings", "Microsoft.Insights/logprofiles", "Microsoft.OperationalInsights/workspaces", "Microsoft.OperationalInsights/workspaces/tables", ST + "/managementPolicies"]),
     f"UNKNOWN {S} ~ workspace 'law-central' retentionInDays is absent")
open(ROOT + '/AZA-LOG-004/fail-workspace-config.config.json', 'w').write('{"log_retention_days": 730}\n')
case(R, 'fail-workspace-config', snapshot([subdiag('ds4', ALL), workspace(400)], datasets=[DIAG, "AzureResourceManager/diagnosticSettings", "Microsoft.Insights/logprofiles", "Microsoft.OperationalInsights/workspaces", "Microsoft.OperationalInsights/workspaces/tables", ST + "/managementPolicies"]), f"FAIL {S} ~ limit 730")

# ---- AZA-LOG-005 export container private
R = 'AZA-LOG-005'
case(R, 'pass', snapshot([subdiag('ds', ALL, ws="", sa=SAID), acct(public=False), container("Container")]), f"PASS {S} ~ allowBlobPublicAccess false")
case(R, 'pass-container', snapshot([subdiag('ds', ALL, ws="", sa=SAID), acct(public=True), container("None")]), f"PASS {S} ~ publicAccess None")
case(R, 'pass-logprofile', psnap([logprofile(), acct(public=False)]), f"PASS {S}")
# A log profile writes to insights-operational-logs (Microsoft Learn, legacy
# activity log export): the insights-activity-logs container of its account
# says nothing of it.
def opcontainer(access):
    c = container(access)
    c["id"] = c["id"].replace("insights-activity-logs", "insights-operational-logs"); c["name"] = "insights-operational-logs"
    return c
case(R, 'fail-logprofile-container', psnap([logprofile(), acct(public=True), container("None"), opcontainer("Blob")]),
     f"FAIL {S} ~ container insights-operational-logs of storage account 'stactivity' has publicAccess Blob")
case(R, 'pass-logprofile-container', psnap([logprofile(), acct(public=True), opcontainer("None")]),
     f"PASS {S} ~ container insights-operational-logs of 'stactivity' has publicAccess None")
case(R, 'fail', snapshot([subdiag('ds', ALL, ws="", sa=SAID), acct(public=True), container("Container")]), f"FAIL {S} ~ publicAccess Container")
case(R, 'unknown', snapshot([subdiag('ds', ALL, ws="", sa=SAID), acct(public=True)]), f"UNKNOWN {S} ~ container is not in the input")
case(R, 'unknown-account', snapshot([subdiag('ds', ALL, ws="", sa=SAID)]), f"UNKNOWN {S} ~ not in the input")
# The account decides as in AZA-STG-004: a public container of an account not in the input is not
# known to be readable, and an account that never set the switch has the default of its creation time.
case(R, 'unknown-account-container', snapshot([subdiag('ds', ALL, ws="", sa=SAID), container("Blob")]),
     f"UNKNOWN {S} ~ has publicAccess Blob, but whether the account allows anonymous access is not known: export storage account")
case(R, 'pass-unset-new', snapshot([subdiag('ds', ALL, ws="", sa=SAID), acct(properties__allowBlobPublicAccess=DEL, properties__creationTime="2024-03-01T10:00:00.0000000Z"),
                                    container("Container")]), f"PASS {S} ~ blocks anonymous access")
case(R, 'fail-unset-old', snapshot([subdiag('ds', ALL, ws="", sa=SAID), acct(properties__allowBlobPublicAccess=DEL, properties__creationTime="2021-03-01T10:00:00.0000000Z"),
                                    container("Container")]), f"FAIL {S} ~ has publicAccess Container and")
# a deployed container always carries publicAccess: absent is an incomplete export, not None
c = container("None"); del c["properties"]["publicAccess"]
case(R, 'unknown-nofield', snapshot([subdiag('ds', ALL, ws="", sa=SAID), acct(public=True), c]), f"UNKNOWN {S} ~ publicAccess is absent")
case(R, 'na-workspace', snapshot([subdiag('ds4', ALL)]), f"NOT_APPLICABLE {S}")
# A template-only scan deploying a storage account but no export: the
# account is only a destination the rule consults (it was UNKNOWN).
case(R, 'na-template-storage', template([
    {"type": ST, "apiVersion": "2023-05-01", "name": "stactivity", "location": "westeurope", "kind": "StorageV2",
     "sku": {"name": "Standard_LRS"}, "properties": {"allowBlobPublicAccess": True}}]),
     f"NOT_APPLICABLE {TSUB} ~ template scan: the templates deploy no diagnostic setting or logprofile of the subscription")
# more export accounts than azaudit judges: the rest is not judged, so no PASS
many = [subdiag(f'ds{i}', ALL, ws="", sa=SAID) for i in range(9)]
case(R, 'unknown-many', snapshot(many + [acct(public=False)]), f"UNKNOWN {S} ~ 9 storage accounts receive the activity log")

# ---- AZA-LOG-006 export storage CMK
R = 'AZA-LOG-006'
case(R, 'pass', snapshot([subdiag('ds', ALL, ws="", sa=SAID), acct(keysource="Microsoft.Keyvault")]), f"PASS {S} ~ customer-managed key")
case(R, 'fail', psnap([logprofile(), acct()]), f"FAIL {S} ~ keySource Microsoft.Storage")
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
    # The flow log's enabled has no documented default: traffic analytics
    # alone does not show that flow logging is on.
    u = flowlog('fl-noflag', tgt, ta=True); del u['properties']['enabled']
    n = flowlog('fl-noflag-nota', tgt); del n['properties']['enabled']
    case(R, 'unknown-enabled-absent', snapshot([u, n]),
         f"UNKNOWN {W}/fl-noflag ~ enabled is not set (no documented default)\nFAIL {W}/fl-noflag-nota ~ not enabled")
    # enabledFilteringCriteria (in NetworkWatcherFlowLogGet.json) and
    # recordTypes (networkWatchers/flowLogs 2025-07-01) keep only the flows
    # they select: the rest never reaches the workspace.
    f = flowlog('fl-filtered', tgt, ta=True); f['properties']['enabledFilteringCriteria'] = "srcIP=158.255.7.8 || dstPort=56891"
    t = flowlog('fl-states', tgt, ta=True); t['properties']['recordTypes'] = "B,E"
    a = flowlog('fl-allstates', tgt, ta=True); a['properties']['recordTypes'] = "B,C,E,D"; a['properties']['enabledFilteringCriteria'] = ""
    case(R, 'fail-filtered', snapshot([f, t, a]),
         f"FAIL {W}/fl-filtered ~ records only traffic matching enabledFilteringCriteria\nFAIL {W}/fl-states ~ flow states of recordTypes 'B,E'\nPASS {W}/fl-allstates ~ workspace")
    o = flowlog('fl-oddfilter', tgt, ta=True); o['properties']['recordTypes'] = ["B"]
    case(R, 'unknown-filter', snapshot([o]), f"UNKNOWN {W}/fl-oddfilter ~ recordTypes is not a string")

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
# Action groups: Microsoft.Insights/actionGroups (api-version 2023-01-01);
# enabled and groupShortName are required, receivers are lists by kind.
AGROUP = "Microsoft.Insights/actionGroups"
def agroup(name='SecOps', rg='rg-mon', enabled=True, receivers=None):
    g = {"id": rid(rg, 'microsoft.insights', 'actionGroups', name), "type": AGROUP, "name": name, "location": "Global",
         "tags": {}, "properties": {"groupShortName": name[:12], "enabled": enabled,
                                    "emailReceivers": [{"name": "secops", "emailAddress": "secops@contoso.com",
                                                        "useCommonAlertSchema": True, "status": "Enabled"}],
                                    "smsReceivers": [], "webhookReceivers": []}}
    if enabled is None: del g["properties"]["enabled"]
    if receivers is not None: g["properties"]["emailReceivers"] = receivers
    return g
def groups_for(res):
    """An enabled group with an email receiver for every action group the
    alerts in res name and res lacks."""
    have = {r["id"].lower() for r in res}
    out = []
    for r in res:
        acts = (r.get("properties") or {}).get("actions")
        groups = acts.get("actionGroups") if isinstance(acts, dict) else None
        for g in groups if isinstance(groups, list) else []:
            i = g.get("actionGroupId") or ""
            if i and i.lower() not in have:
                have.add(i.lower())
                parts = i.split('/')
                out.append(agroup(parts[-1], parts[4]))
    return out
def asnap(res, **kw): return snapshot(res + groups_for(res), **kw)
def silent(a, groups):
    """The alert with its actions replaced (None: no actions member)."""
    if groups is None: del a["properties"]["actions"]
    else: a["properties"]["actions"] = groups
    return a
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
    case(R, 'pass', asnap(EXAMPLE + [alert('al-' + num, opcond(op))]), f"PASS {S} ~ 'al-{num}' fires on {op}")
    case(R, 'fail', asnap(EXAMPLE + [alert('al-other', opcond(other))], datasets=[ALERT]), f"FAIL {S} ~ no enabled activity log alert")
    case(R, 'fail-disabled', asnap([alert('al-off', opcond(op), enabled=False)]), f"FAIL {S} ~ 'al-off' matches but is disabled")
    # The alert matches but its action group list is empty: nobody is told.
    case(R, 'fail-noaction', asnap(EXAMPLE + [silent(alert('al-' + num, opcond(op)), {"actionGroups": []})]),
         f"FAIL {S} ~ alert 'al-{num}' has no action group: it notifies no one")
    case(R, 'unknown', asnap([]), f"UNKNOWN {S} ~ not collected")
R = 'AZA-LOG-020'
OP = OPS[0][1]
case(R, 'pass-case-noenabled', asnap([alert('al-lower', [{"field": "operationName", "equals": OP.lower()}], scopes=(f"subscriptions/{SUB}",), enabled=None)]), f"PASS {S} ~ 'al-lower'")
case(R, 'pass-anyof', asnap([alert('al-any', [{"field": "category", "equals": "Administrative"},
                                                 {"anyOf": [{"field": "operationName", "equals": OP}, {"field": "operationName", "equals": OPS[1][1]}]}])]), f"PASS {S} ~ 'al-any'")
case(R, 'pass-containsany', asnap([alert('al-ca', [{"field": "operationName", "containsAny": [OPS[1][1], OP]}, {"field": "resourceProvider", "equals": "Microsoft.Authorization"}])]), f"PASS {S} ~ 'al-ca'")
case(R, 'fail-rgscope', asnap([alert('al-rg', opcond(OP), scopes=(f"/subscriptions/{SUB}/resourceGroups/rg-app",))], datasets=[ALERT]), f"FAIL {S}")
case(R, 'fail-narrowed', asnap([alert('al-err', opcond(OP) + [{"field": "level", "equals": "Error"}])], datasets=[ALERT]), f"FAIL {S} ~ also filters on 'level'")
# scopes absent or empty is no evidence the alert covers the subscription
a = alert('al-noscope', opcond(OP)); del a["properties"]["scopes"]
case(R, 'fail-noscopes', asnap([a], datasets=[ALERT]), f"FAIL {S} ~ no enabled activity log alert")
case(R, 'fail-emptyscopes', asnap([alert('al-empty', opcond(OP), scopes=())], datasets=[ALERT]), f"FAIL {S} ~ no enabled activity log alert")
case(R, 'pass-scope-slash', asnap([alert('al-slash', opcond(OP), scopes=(f"/subscriptions/{SUB}/",))]), f"PASS {S} ~ 'al-slash'")
# No actions member at all: the alert notifies nobody.
case(R, 'fail-noactions', asnap(EXAMPLE + [silent(alert('al-020', opcond(OP)), None)]), f"FAIL {S} ~ alert 'al-020' has no action group")
# al-020-silent has only an empty actionGroupId; al-020 notifies SecOps.
case(R, 'pass-second-notifies', asnap(EXAMPLE + [silent(alert('al-020-silent', opcond(OP)), {"actionGroups": [{"actionGroupId": "", "webhookProperties": {}}]}),
                                                 alert('al-020', opcond(OP))]),
     f"PASS {S} ~ 'al-020' fires on {OP} and notifies action group 'SecOps'")
case(R, 'unknown-actions', asnap(EXAMPLE + [silent(alert('al-020', opcond(OP)), {"actionGroups": "SecOps"})]),
     f"UNKNOWN {S} ~ alert 'al-020' fires on {OP} but its actions are not")
# The action group is what notifies: disabled, deleted or without a receiver
# it tells no one (before, any actionGroupId passed).
case(R, 'fail-group-disabled', snapshot([alert('al-020', opcond(OP)), agroup(enabled=False)]),
     f"FAIL {S} ~ alert 'al-020' fires on {OP} but notifies no one: its action group 'SecOps' is disabled")
case(R, 'fail-group-noreceiver', snapshot([alert('al-020', opcond(OP)), agroup(receivers=[])]),
     f"FAIL {S} ~ its action group 'SecOps' has no enabled receiver")
case(R, 'fail-group-unsubscribed', snapshot([alert('al-020', opcond(OP)), agroup(receivers=[{"name": "secops", "emailAddress": "secops@contoso.com", "useCommonAlertSchema": True, "status": "Disabled"}])]),
     f"FAIL {S} ~ its action group 'SecOps' has no enabled receiver")
case(R, 'fail-group-deleted', snapshot([alert('al-020', opcond(OP))], datasets=[ALERT, AGROUP]),
     f"FAIL {S} ~ its action group 'SecOps' does not exist")
# A deleted group beside a live one: the live one notifies.
a = alert('al-020', opcond(OP)); a["properties"]["actions"]["actionGroups"].insert(0, {"actionGroupId": rid('rg-mon', 'microsoft.insights', 'actionGroups', 'Gone')})
case(R, 'pass-one-group-live', snapshot([a, agroup()], datasets=[ALERT, AGROUP]), f"PASS {S} ~ notifies action group 'SecOps'")
case(R, 'unknown-group-notcollected', snapshot([alert('al-020', opcond(OP))], datasets=[ALERT]),
     f"UNKNOWN {S} ~ fires on {OP}, but action group 'SecOps' is not in the input: Microsoft.Insights/actionGroups was not collected")
case(R, 'unknown-group-noexport', snapshot([alert('al-020', opcond(OP))]),
     f"UNKNOWN {S} ~ action group 'SecOps' is not in the input: the input has no Microsoft.Insights/actionGroups data")
a = alert('al-020', opcond(OP)); a["properties"]["actions"]["actionGroups"][0]["actionGroupId"] = "/subscriptions/99999999-0000-0000-0000-000000000009/resourceGroups/rg-central/providers/microsoft.insights/actionGroups/Central"
case(R, 'unknown-group-othersub', snapshot([a], datasets=[ALERT, AGROUP]), f"UNKNOWN {S} ~ is in a subscription that is not in the input")
case(R, 'unknown-group-enabled', snapshot([alert('al-020', opcond(OP)), agroup(enabled="yes")]), f"UNKNOWN {S} ~ action group 'SecOps' has a non-boolean 'enabled'")
case(R, 'unknown-group-receivers', snapshot([alert('al-020', opcond(OP)), mod(agroup(), properties__smsReceivers={"name": "x"})]),
     f"UNKNOWN {S} ~ action group 'SecOps': smsReceivers is not an array")
case(R, 'unknown-group-error', snapshot([alert('al-020', opcond(OP))], datasets=[ALERT, AGROUP],
     errors=[{"scope": SUBID, "type": AGROUP, "api": "GET actionGroups", "status": 403, "message": "AuthorizationFailed"}]),
     f"UNKNOWN {S} ~ HTTP 403")
case(R, 'unknown-error', asnap([], datasets=[ALERT], errors=[{"scope": SUBID, "type": ALERT, "api": "GET activityLogAlerts", "status": 403, "message": "AuthorizationFailed"}]), f"UNKNOWN {S} ~ HTTP 403")
# A template-only scan deploying an action group but no alert is NOT_APPLICABLE,
# as one deploying neither is: the alert is the rule's subject, the group it
# only consults (it was UNKNOWN: the group made the rule "read" something).
AG_TEMPLATE = {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
               "resources": [{"type": AGROUP, "apiVersion": "2023-01-01", "name": "SecOps", "location": "Global",
                              "properties": {"groupShortName": "SecOps", "enabled": True,
                                             "emailReceivers": [{"name": "secops", "emailAddress": "secops@contoso.com", "useCommonAlertSchema": True}]}}]}
for R in ['AZA-LOG-020', 'AZA-LOG-033']:
    case(R, 'na-template-action-group-only', AG_TEMPLATE, f"NOT_APPLICABLE {TSUB} ~ template scan: the templates deploy no activity log alert")
R = 'AZA-LOG-033'
case(R, 'pass', asnap(EXAMPLE + [alert('service-health', [{"field": "category", "equals": "ServiceHealth"},
     {"anyOf": [{"field": "properties.incidentType", "equals": "Incident"}, {"field": "properties.incidentType", "equals": "Security"}]}])]), f"PASS {S} ~ 'service-health'")
case(R, 'fail', asnap(EXAMPLE, datasets=[ALERT]), f"FAIL {S} ~ Service Health")
case(R, 'fail-disabled', asnap([alert('sh-off', [{"field": "category", "equals": "ServiceHealth"}], enabled=False)]), f"FAIL {S} ~ disabled")
case(R, 'pass-anyof', asnap([alert('sh-any', [{"anyOf": [{"field": "category", "equals": "ServiceHealth"}, {"field": "category", "equals": "ResourceHealth"}]}])]), f"PASS {S} ~ 'sh-any'")
case(R, 'fail-noaction', asnap(EXAMPLE + [silent(alert('service-health', [{"field": "category", "equals": "ServiceHealth"},
     {"anyOf": [{"field": "properties.incidentType", "equals": "Incident"}, {"field": "properties.incidentType", "equals": "Security"}]}]), {"actionGroups": []})]),
     f"FAIL {S} ~ alert 'service-health' has no action group: it notifies no one")
case(R, 'fail-noactions', asnap(EXAMPLE + [silent(alert('service-health', [{"field": "category", "equals": "ServiceHealth"}]), None)]),
     f"FAIL {S} ~ alert 'service-health' has no action group: it notifies no one (it fires on Service Health events)")
case(R, 'fail-group-disabled', snapshot([alert('sh', [{"field": "category", "equals": "ServiceHealth"}]), agroup(enabled=False)]),
     f"FAIL {S} ~ its action group 'SecOps' is disabled")
case(R, 'unknown-group', snapshot([alert('sh', [{"field": "category", "equals": "ServiceHealth"}])], datasets=[ALERT]),
     f"UNKNOWN {S} ~ action group 'SecOps' is not in the input")
case(R, 'unknown', asnap([]), f"UNKNOWN {S} ~ not collected")

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

# Entra and Intune diagnostic settings are the tenant's (manual, tenant
# scope): MANUAL on the tenant of a snapshot; a template-only scan holds no
# tenant to verify by hand (it was MANUAL, as a typeless resource rule).
for n in (10, 11, 12):
    case(f"AZA-LOG-{n:03d}", "manual", snapshot([]), "MANUAL 72f988bf-0000-0000-0000-000000000001")
    case(f'AZA-LOG-{n:03d}', 'na-template',
         template([{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-05-01", "name": "stgtmpl", "location": "westeurope",
                    "kind": "StorageV2", "sku": {"name": "Standard_LRS"}, "properties": {}}]),
         "NOT_APPLICABLE tenant ~ template scan: the tenant itself is not in the input; verify by hand in the tenant the templates are deployed to")

# ---- wrong-typed and Azure-shaped alert conditions (AZA-LOG-020)
R = 'AZA-LOG-020'
OP = OPS[0][1]
# scopes and condition.allOf are arrays: an object whose members look like
# a scope or a condition is no alert Azure evaluates (both were PASS).
a = alert('al-obj-scopes', opcond(OP)); a["properties"]["scopes"] = {"s": f"/subscriptions/{SUB}"}
case(R, 'fail-scopes-object', asnap([a], datasets=[ALERT]), f"FAIL {S} ~ no enabled activity log alert")
a = alert('al-obj-allof', []); a["properties"]["condition"]["allOf"] = {"c": {"field": "operationName", "equals": OP}}
case(R, 'fail-allof-object', asnap([a], datasets=[ALERT]), f"FAIL {S} ~ alert 'al-obj-allof' has a condition.allOf that is not an array")
# A leaf with both equals and containsAny: only the narrower reading (both
# must hold) is safe; here containsAny leaves the operation out (was PASS).
case(R, 'fail-leaf-both-operators', asnap([alert('al-both', [{"field": "category", "equals": "Administrative"},
                                                             {"field": "operationName", "equals": OP, "containsAny": [OPS[1][1]]}])], datasets=[ALERT]),
     f"FAIL {S} ~ no enabled activity log alert")
# Conditions as Azure returns them, with the operators a leaf does not use
# as null: a null anyOf is a leaf, not an empty alternative (was FAIL).
case(R, 'pass-null-operators', asnap([alert('al-nulls', [{"anyOf": None, "containsAny": None, "equals": "Administrative", "field": "category"},
                                                          {"anyOf": None, "containsAny": None, "equals": OP, "field": "operationName"}])]),
     f"PASS {S} ~ 'al-nulls' fires on {OP}")

# ---- diagnostic settings whose logs is not an array (AZA-LOG-001/002/007)
# LogSettings come in an array; an object's members are no selection Azure
# accepts (they were read as enabled categories: PASS).
OBJ_LOGS = {"a": {"categoryGroup": "allLogs", "enabled": True}}
case('AZA-LOG-001', 'fail-logs-object', snapshot([subdiag('objlogs', OBJ_LOGS)]), f"FAIL {S} ~ 'objlogs' enables no log category")
case('AZA-LOG-002', 'fail-logs-object', snapshot([subdiag('objlogs', OBJ_LOGS)]), f"FAIL {S} ~ 'objlogs' does not export the Administrative category")

# ---- AZA-LOG-006 in templates: keySource left out is the default
# Microsoft.Storage (was UNKNOWN, "has no encryption.keySource").
SUB_TEMPLATE = "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#"
def tmpl_export_account(encryption):
    props = {"allowBlobPublicAccess": False, "minimumTlsVersion": "TLS1_2"}
    if encryption is not None: props["encryption"] = encryption
    return dict(template([
        {"type": "Microsoft.Resources/resourceGroups", "apiVersion": "2022-09-01", "name": "rg-mon", "location": "westeurope"},
        {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "stg", "resourceGroup": "rg-mon",
         "dependsOn": ["[subscriptionResourceId('Microsoft.Resources/resourceGroups', 'rg-mon')]"],
         "properties": {"mode": "Incremental", "template": template([
             {"type": ST, "apiVersion": "2023-05-01", "name": "stactivity", "location": "westeurope", "kind": "StorageV2",
              "sku": {"name": "Standard_GRS"}, "properties": props}])}},
        {"type": DIAG, "apiVersion": "2021-05-01-preview", "name": "activity",
         "properties": {"storageAccountId": "[resourceId('rg-mon', 'Microsoft.Storage/storageAccounts', 'stactivity')]", "logs": ALL}}]),
        **{"$schema": SUB_TEMPLATE})
case('AZA-LOG-006', 'fail-template-no-keysource', tmpl_export_account(None),
     f"FAIL {TSUB} ~ 'stactivity' sets no encryption.keySource: the template deploys it with the default Microsoft.Storage")

# ---- AZA-LOG-003: a log profile's categories and locations are arrays of
# strings; an object's members are no selection (was PASS).
lp = logprofile(locations=("global",))
lp["properties"]["categories"] = {"a": "Write", "b": "Delete", "c": "Action"}
case('AZA-LOG-003', 'unknown-profile-categories-object', psnap([lp], datasets=[DIAG, "Microsoft.Insights/logprofiles"]),
     f"UNKNOWN {S} ~ log profile 'default': categories is not an array")

# ---- log profiles after their retirement (2026-09-30): the profile is no
# export, so no rule passes on it (each was PASS on the same profile
# collected before the date, the psnap cases above); between 2026-09-15 and
# 2026-09-30 the two Microsoft Learn pages disagree, and a verdict the
# profile would pass is UNKNOWN. Without a collected_at, the scan's time
# (2026-11-01 here) decides.
LPDS = [DIAG, LOGPROF]
CONTAINER = ST + "/blobServices/containers"
R = 'AZA-LOG-001'
case(R, 'fail-logprofile-retired', snapshot([logprofile()], datasets=LPDS),
     f"FAIL {S} ~ no subscription diagnostic setting exports the activity log, and {RETIRED}")
s = snapshot([logprofile()], datasets=LPDS); del s["meta"]["collected_at"]
case(R, 'fail-logprofile-retired-now', s, f"FAIL {S} ~ {RETIRED}")
case(R, 'unknown-logprofile-retired-nodiag', snapshot([logprofile()], datasets=[LOGPROF]),
     f"UNKNOWN {S} ~ {DIAG} was not collected (not in the snapshot's data sets); {RETIRED}")
case(R, 'fail-logprofile-retired-nodest', snapshot([logprofile(), subdiag('nowhere', ALL, ws="")], datasets=LPDS),
     f"FAIL {S} ~ diagnostic setting 'nowhere' has no destination; {RETIRED}")
case(R, 'pass-logprofile-retired-setting', snapshot([logprofile(), subdiag('ds4', ALL)], datasets=LPDS),
     f"PASS {S} ~ diagnostic setting 'ds4' exports the activity log")
case(R, 'unknown-logprofile-between', psnap([logprofile()], datasets=LPDS, when=MID),
     f"UNKNOWN {S} ~ legacy log profile 'default' exports the activity log, {UNSURE}")
# A template can no longer deploy a profile, whatever the scan's time.
LP_TEMPLATE = {"type": LOGPROF, "apiVersion": "2016-03-01", "name": "default",
               "properties": {"storageAccountId": "[resourceId('rg-mon', 'Microsoft.Storage/storageAccounts', 'stactivity')]",
                              "serviceBusRuleId": "", "locations": ["global", "westeurope"], "categories": ["Delete", "Write", "Action"],
                              "retentionPolicy": {"enabled": False, "days": 0}}}
case(R, 'fail-template-logprofile', dict(template([LP_TEMPLATE]), **{"$schema": SUB_TEMPLATE}),
     f"FAIL {TSUB} ~ log profile 'default' is no export (a template can no longer deploy one): log profiles were retired on 2026-09-30")

R = 'AZA-LOG-002'
case(R, 'fail-profile-retired', snapshot([logprofile()], datasets=LPDS),
     f"FAIL {S} ~ no subscription diagnostic setting with a destination ({RETIRED})")

R = 'AZA-LOG-003'
case(R, 'fail-profile-retired', snapshot([logprofile(locations=("global", "westeurope")), acct()], datasets=LPDS + [ST]),
     f"FAIL {S} ~ the activity log is not exported: {RETIRED}")
case(R, 'fail-profile-retired-setting', snapshot([logprofile(locations=("global", "westeurope")), subdiag('cis', cats("Administrative", "Alert", "Policy", "Security"))], datasets=LPDS),
     f"FAIL {S} ~ diagnostic setting 'cis' does not export the ServiceHealth category; {RETIRED}")
case(R, 'unknown-profile-between', psnap([logprofile(locations=("global", "westeurope")), acct()], datasets=LPDS + [ST], when=MID),
     f"UNKNOWN {S} ~ every region in use, {UNSURE}")
case(R, 'fail-template-logprofile', dict(template([LP_TEMPLATE]), **{"$schema": SUB_TEMPLATE}),
     f"FAIL {TSUB} ~ the activity log is not exported: log profile 'default' is no export (a template can no longer deploy one)")

R = 'AZA-LOG-004'
case(R, 'fail-profile-retired', snapshot([logprofile(days=0, enabled=False), acct()], datasets=LPDS + [ST, ST + "/managementPolicies"]),
     f"FAIL {S} ~ the activity log is not exported ({RETIRED}): Azure keeps it only 90 days")
case(R, 'unknown-profile-between', psnap([logprofile(days=0, enabled=False), acct()], datasets=LPDS + [ST, ST + "/managementPolicies"], when=MID),
     f"UNKNOWN {S} ~ kept indefinitely, and storage account 'stactivity' has no lifecycle management policy: exported blobs are kept until deleted, {UNSURE}")
# a short retention collected between the dates still fails: the profile kept what it exported that long
case(R, 'fail-profile-between', psnap([logprofile(days=3)], when=MID), f"FAIL {S} ~ retains events 3 days")
# a retired profile beside a setting: the setting alone decides
case(R, 'pass-profile-retired-setting', snapshot([logprofile(days=3), subdiag('ds4', ALL), workspace(730)], datasets=LPDS + ["Microsoft.OperationalInsights/workspaces", "Microsoft.OperationalInsights/workspaces/tables"]),
     f"PASS {S} ~ retentionInDays is 730")

R = 'AZA-LOG-005'
case(R, 'na-logprofile-retired', snapshot([logprofile(), acct(public=True), opcontainer("Blob")], datasets=LPDS + [ST, CONTAINER]),
     f"NOT_APPLICABLE {S} ~ the activity log is not exported to a storage account ({RETIRED})")
# between the dates the profile's account is judged: it holds what the profile wrote either way
case(R, 'pass-logprofile-between', psnap([logprofile(), acct(public=True), opcontainer("None")], when=MID),
     f"PASS {S} ~ container insights-operational-logs of 'stactivity' has publicAccess None")
case(R, 'fail-logprofile-between', psnap([logprofile(), acct(public=True), opcontainer("Blob")], when=MID),
     f"FAIL {S} ~ container insights-operational-logs of storage account 'stactivity' has publicAccess Blob")

R = 'AZA-LOG-006'
case(R, 'na-logprofile-retired', snapshot([logprofile(), acct()], datasets=LPDS + [ST]),
     f"NOT_APPLICABLE {S} ~ the activity log is not exported to a storage account ({RETIRED})")
case(R, 'fail-logprofile-between', psnap([logprofile(), acct()], when=MID), f"FAIL {S} ~ keySource Microsoft.Storage")
case(R, 'pass-profile-retired-setting', snapshot([logprofile(), subdiag('ds', ALL, ws="", sa=SAID.replace('stactivity', 'stcmk')),
                                                   acct(), acct(ident=SAID.replace('stactivity', 'stcmk'), keysource="Microsoft.Keyvault")], datasets=LPDS + [ST]),
     f"PASS {S} ~ storage account 'stcmk' encrypts with a customer-managed key")
# The same template for the other rules that read a profile: no export.
case('AZA-LOG-002', 'fail-template-logprofile', dict(template([LP_TEMPLATE]), **{"$schema": SUB_TEMPLATE}),
     f"FAIL {TSUB} ~ no subscription diagnostic setting with a destination (log profile 'default' is no export (a template can no longer deploy one)")
case('AZA-LOG-004', 'fail-template-logprofile', dict(template([LP_TEMPLATE]), **{"$schema": SUB_TEMPLATE}),
     f"FAIL {TSUB} ~ the activity log is not exported (log profile 'default' is no export (a template can no longer deploy one)")
for r in ('AZA-LOG-005', 'AZA-LOG-006'):
    case(r, 'na-template-logprofile', dict(template([LP_TEMPLATE]), **{"$schema": SUB_TEMPLATE}),
         f"NOT_APPLICABLE {TSUB} ~ the activity log is not exported to a storage account (log profile 'default' is no export (a template can no longer deploy one)")
