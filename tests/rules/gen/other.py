# Fixtures for the Databricks rules (AZA-DBX-*). Bodies follow the
# Microsoft.Databricks WorkspaceGetParameters example.
import sys, os, copy; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *
TEN = "72f988bf-0000-0000-0000-000000000001"
DBX = "Microsoft.Databricks/workspaces"
VNETID = rid('rg-dbx', 'Microsoft.Network', 'virtualNetworks', 'dbx-vnet')

def ws(name, **kv):
    wid = rid('rg-dbx', 'Microsoft.Databricks', 'workspaces', name)
    w = {"name": name, "id": wid, "type": DBX, "location": "East US 2", "sku": {"name": "premium"},
         "properties": {"managedResourceGroupId": f"/subscriptions/{SUB}/resourceGroups/{name}-managed",
             "parameters": {"customPrivateSubnetName": {"type": "String", "value": "PrivateBob"},
                            "customPublicSubnetName": {"type": "String", "value": "PublicSarah"},
                            "customVirtualNetworkId": {"type": "String", "value": VNETID},
                            "enableNoPublicIp": {"type": "Bool", "value": True}},
             "provisioningState": "Succeeded", "uiDefinitionUri": "https://path/to/workspaceCreateUiDefinition.json",
             "authorizations": [{"principalId": "00000000-0000-0000-0000-000000000000", "roleDefinitionId": "11111111-1111-1111-1111-111111111111"}],
             "createdDateTime": "2020-02-20T00:10:29.2858439Z", "workspaceId": "5555555555555555",
             "workspaceUrl": "adb-5555555555555555.19.azuredatabricks.net",
             "privateEndpointConnections": [{"id": wid + f"/privateEndpointConnections/{name}.23456789-1111-1111-1111-111111111111",
                 "name": f"{name}.23456789-1111-1111-1111-111111111111", "type": DBX + "/privateEndpointConnections",
                 "properties": {"privateEndpoint": {"id": rid('rg-net', 'Microsoft.Network', 'privateEndpoints', 'myPrivateEndpoint')},
                     "privateLinkServiceConnectionState": {"status": "Approved", "description": "Auto-Approved", "actionsRequired": "None"},
                     "provisioningState": "Succeeded"}}],
             "publicNetworkAccess": "Disabled", "requiredNsgRules": "NoAzureDatabricksRules", "isUcEnabled": False}}
    return mod(w, **kv)

def bare(name):
    w = ws(name); del w["properties"]; return w

def simple(rule, passmods, failmods, unkmods, passmsg, failmsg, unkmsg):
    case(rule, 'pass', snapshot([ws('dbxok', **passmods)]), f"PASS dbxok ~ {passmsg}")
    case(rule, 'fail', snapshot([ws('dbxbad', **failmods)]), f"FAIL dbxbad ~ {failmsg}")
    case(rule, 'unknown', snapshot([ws('dbxunk', **unkmods)]), f"UNKNOWN dbxunk ~ {unkmsg}")
    case(rule, 'unknown-noprops', snapshot([bare('dbxbare')]), "UNKNOWN dbxbare ~ no \"properties\"")

simple('AZA-DBX-001', {}, {'properties__parameters__customVirtualNetworkId': DEL}, {'properties__parameters__customVirtualNetworkId__value': 42},
       'customer virtual network', 'Databricks-managed', 'not a string')
simple('AZA-DBX-009', {}, {'properties__parameters__enableNoPublicIp__value': False}, {'properties__parameters__enableNoPublicIp': DEL},
       'enableNoPublicIp is true', 'enableNoPublicIp is false', 'absent')
case('AZA-DBX-009', 'unknown-type', snapshot([ws('dbxodd', properties__parameters__enableNoPublicIp__value="sure")]), "UNKNOWN dbxodd ~ not a boolean")
simple('AZA-DBX-010', {}, {'properties__publicNetworkAccess': 'Enabled'}, {'properties__publicNetworkAccess': 'Partly'},
       'Disabled', 'is Enabled', 'unexpected value')
# SecuredByPerimeter is not Disabled (as AZA-SQL-012, AZA-COS-002)
case('AZA-DBX-010', 'fail-perimeter', snapshot([ws('dbxnsp', properties__publicNetworkAccess='SecuredByPerimeter')]),
     "FAIL dbxnsp ~ publicNetworkAccess is SecuredByPerimeter, not Disabled")
case('AZA-DBX-010', 'fail-absent', snapshot([ws('dbxold', properties__publicNetworkAccess=DEL)]), "FAIL dbxold ~ defaults to Enabled")
simple('AZA-DBX-011', {}, {'properties__privateEndpointConnections': []}, {'properties__privateEndpointConnections': {"a": 1}},
       '1 approved', 'no approved', 'not an array')
w = ws('dbxpend'); w['properties']['privateEndpointConnections'][0]['properties']['privateLinkServiceConnectionState']['status'] = 'Pending'
case('AZA-DBX-011', 'fail-pending', snapshot([w]), "FAIL dbxpend ~ no approved")
# templates: a private endpoint of the same template with an automatic
# connection to the workspace counts
dbx_extra = lambda n: {"sku": {"name": "premium"}}
case('AZA-DBX-011', 'pass-template-endpoint',
     pe_template(DBX, '2024-05-01', ['dbxnew', 'dbxold'], [('dbxnew', 'databricks_ui_api', False)],
                 {"publicNetworkAccess": "Disabled", "requiredNsgRules": "NoAzureDatabricksRules"}, dbx_extra),
     """PASS dbxnew ~ the template deploys private endpoint 'pe1'
FAIL dbxold ~ no private endpoint of the template connects to the workspace""")
# A deployed workspace without its parameters was exported incompletely:
# whether it is VNet-injected is not known (Resource Manager always returns
# them); a template without them deploys into a managed network.
noparams = snapshot([ws('dbxnop', properties__parameters=DEL)])
case('AZA-DBX-001', 'unknown-noparams', noparams, "UNKNOWN dbxnop ~ properties.parameters is absent")
case('AZA-DBX-002', 'unknown-noparams', noparams, "UNKNOWN dbxnop ~ properties.parameters is absent")
case('AZA-DBX-001', 'fail-template-noparams', pe_template(DBX, '2024-05-01', ['dbxtpl'], [], {"publicNetworkAccess": "Disabled"}, dbx_extra),
     "FAIL dbxtpl ~ Databricks-managed")

# 002 subnet NSGs
NSG = rid('rg-dbx', 'Microsoft.Network', 'networkSecurityGroups', 'dbx-nsg')
def subnet(name, nsg=True):
    s = {"name": name, "id": VNETID + f"/subnets/{name}", "type": "Microsoft.Network/virtualNetworks/subnets",
         "properties": {"addressPrefix": "10.0.0.0/26" if name == "PublicSarah" else "10.0.0.64/26", "provisioningState": "Succeeded",
                        "delegations": [{"name": "databricks-del", "properties": {"serviceName": "Microsoft.Databricks/workspaces"}}]}}
    if nsg: s["properties"]["networkSecurityGroup"] = {"id": NSG}
    return s
def vnet(subnets):
    return {"name": "dbx-vnet", "id": VNETID, "type": "Microsoft.Network/virtualNetworks", "location": "eastus2",
            "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}, "provisioningState": "Succeeded", "subnets": subnets}}
case('AZA-DBX-002', 'pass', snapshot([ws('dbxok'), subnet('PublicSarah'), subnet('PrivateBob')]), "PASS dbxok ~ both workspace subnets")
case('AZA-DBX-002', 'pass-embedded', snapshot([ws('dbxok'), vnet([subnet('PublicSarah'), subnet('PrivateBob')])]), "PASS dbxok")
case('AZA-DBX-002', 'fail', snapshot([ws('dbxbad'), vnet([subnet('PublicSarah'), subnet('PrivateBob', nsg=False)])]), "FAIL dbxbad ~ subnet(s) PrivateBob")
case('AZA-DBX-002', 'na-managed', snapshot([ws('dbxman', properties__parameters__customVirtualNetworkId=DEL)]), "NOT_APPLICABLE dbxman")
case('AZA-DBX-002', 'unknown', snapshot([ws('dbxunk')]), "UNKNOWN dbxunk ~ subnet PublicSarah")
case('AZA-DBX-002', 'unknown-missing', snapshot([ws('dbxunk'), vnet([subnet('PublicSarah')])]), "UNKNOWN dbxunk ~ subnet PrivateBob of")
case('AZA-DBX-002', 'unknown-noprops', snapshot([bare('dbxbare')]), "UNKNOWN dbxbare ~ no \"properties\"")

# 007 diagnostic settings
def diag(w, logs):
    return {"id": w["id"] + "/providers/Microsoft.Insights/diagnosticSettings/audit", "name": "audit", "type": "Microsoft.Insights/diagnosticSettings",
            "properties": {"storageAccountId": None, "workspaceId": rid('rg-mon', 'Microsoft.OperationalInsights', 'workspaces', 'law'),
                           "eventHubAuthorizationRuleId": None, "logs": logs, "metrics": []}}
w = ws('dbxok'); b = ws('dbxbad')
case('AZA-DBX-007', 'pass', snapshot([w, diag(w, [{"category": None, "categoryGroup": "allLogs", "enabled": True, "retentionPolicy": {"enabled": False, "days": 0}}])]),
     "PASS dbxok ~ 'audit' delivers 1 log category")
case('AZA-DBX-007', 'fail', snapshot([b, diag(b, [{"category": "accounts", "enabled": False}])]), "FAIL dbxbad ~ no diagnostic setting")
# logs enabled, but the setting names no destination (only an event hub name)
d = diag(b, [{"category": None, "categoryGroup": "allLogs", "enabled": True}]); d["properties"]["workspaceId"] = ""; d["properties"]["eventHubName"] = "dbx-logs"
case('AZA-DBX-007', 'fail-no-destination', snapshot([b, d]), "FAIL dbxbad ~ names no destination")
case('AZA-DBX-007', 'fail-none', snapshot([b], datasets=[DBX, "Microsoft.Insights/diagnosticSettings", DBX + "/providers/Microsoft.Insights/diagnosticSettings"]),
     "FAIL dbxbad ~ no diagnostic setting with an enabled log category")
# the type alone comes from the subscriptions' own settings: it does not say
# the workspaces' settings were read (a snapshot of azaudit collect before it
# read them lists the type without the workspaces' record)
case('AZA-DBX-007', 'unknown-workspaces-not-collected', snapshot([b], datasets=[DBX, "Microsoft.Insights/diagnosticSettings"]),
     "UNKNOWN dbxbad ~ the diagnostic settings of Microsoft.Databricks/workspaces resources were not collected")
# the record is there, but this workspace's settings were refused: its own error decides
case('AZA-DBX-007', 'unknown-workspace-403', snapshot([b], datasets=[DBX, "Microsoft.Insights/diagnosticSettings", DBX + "/providers/Microsoft.Insights/diagnosticSettings"],
                                                      errors=[{"scope": b["id"], "type": "Microsoft.Insights/diagnosticSettings", "api": b["id"] + "/providers/Microsoft.Insights/diagnosticSettings",
                                                               "status": 403, "message": "AuthorizationFailed"}]),
     "UNKNOWN dbxbad ~ HTTP 403")
case('AZA-DBX-007', 'unknown', snapshot([ws('dbxunk')]), "UNKNOWN dbxunk ~ no Microsoft.Insights/diagnosticSettings data")
case('AZA-DBX-007', 'unknown-noprops', snapshot([bare('dbxbare')]), "UNKNOWN dbxbare ~ no \"properties\"")

for r in ('AZA-DBX-003', 'AZA-DBX-004', 'AZA-DBX-005', 'AZA-DBX-006', 'AZA-DBX-008', 'AZA-DBX-012'):
    case(r, 'manual', snapshot([ws('dbxok')]), f"MANUAL {TEN}")
