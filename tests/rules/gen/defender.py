# Fixtures for the Defender for Cloud rules (AZA-DEF-*). Bodies follow the
# Microsoft.Security and Microsoft.Authorization API examples.
import sys, os, copy; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *
SUBID = f"/subscriptions/{SUB}"
TEN = "72f988bf-0000-0000-0000-000000000001"
PRICING = "Microsoft.Security/pricings"
CONTACT = "Microsoft.Security/securityContacts"
PA = "Microsoft.Authorization/policyAssignments"

def pricing(plan, tier, **kv):
    p = {"id": f"{SUBID}/providers/{PRICING}/{plan}", "name": plan, "type": PRICING,
         "properties": {"pricingTier": tier, "freeTrialRemainingTime": "PT0S", "enforce": "False",
                        "resourcesCoverageStatus": "FullyCovered" if tier == "Standard" else "NotCovered"}}
    if tier == "Standard":
        p["properties"]["enablementTime"] = "2023-03-01T12:42:42.1921106Z"
    return mod(p, **kv)

def vm_pricing(exts, tier="Standard"):
    p = pricing("VirtualMachines", tier, properties__subPlan="P2", properties__resourcesCoverageStatus="PartiallyCovered")
    p["properties"]["extensions"] = exts
    return p

AGENTLESS = {"name": "AgentlessVmScanning", "isEnabled": "True", "additionalExtensionProperties": {
    "ExclusionTags": "[{\"Key\":\"TestKey1\",\"Value\":\"TestValue1\"},{\"Key\":\"TestKey2\",\"Value\":\"TestValue2\"}]"}}

def err(typ, status=403, msg="AuthorizationFailed"):
    return [{"scope": SUBID, "type": typ, "api": f"GET {typ}", "status": status, "message": msg}]

def manual(rule):
    case(rule, 'manual', snapshot([]), f"MANUAL {TEN}")
    # A template-only scan holds no subscription to verify by hand, even
    # one that deploys a Defender plan (it was MANUAL).
    case(rule, 'na-template', tpl_pricing('VirtualMachines', 'Standard'),
         "NOT_APPLICABLE tenant ~ template scan: the subscription itself is not in the input; verify by hand on the deployed subscription")

# ---- plans ----
plans = [('AZA-DEF-001', 'CloudPosture'), ('AZA-DEF-002', 'Api'), ('AZA-DEF-003', 'VirtualMachines'),
         ('AZA-DEF-004', 'Containers'), ('AZA-DEF-005', 'StorageAccounts'), ('AZA-DEF-006', 'AppServices'),
         ('AZA-DEF-007', 'CosmosDbs'), ('AZA-DEF-008', 'OpenSourceRelationalDatabases'), ('AZA-DEF-009', 'SqlServers'),
         ('AZA-DEF-010', 'SqlServerVirtualMachines'), ('AZA-DEF-011', 'KeyVaults'), ('AZA-DEF-012', 'Arm')]
other = pricing('Dns', 'Standard')
for rule, plan in plans:
    case(rule, 'pass', snapshot([pricing(plan, 'Standard'), other]), f"PASS {plan} ~ pricingTier is Standard")
    case(rule, 'fail', snapshot([pricing(plan, 'Free'), other]), f"FAIL {plan} ~ pricingTier is Free")
    case(rule, 'fail-absent', snapshot([other], datasets=[PRICING]), "FAIL fixture-sub ~ Free tier")
    case(rule, 'unknown', snapshot([]), "UNKNOWN fixture-sub ~ no Microsoft.Security/pricings data")
    case(rule, 'unknown-error', snapshot([], datasets=[PRICING], errors=err(PRICING)), "UNKNOWN fixture-sub ~ HTTP 403")
    case(rule, 'unknown-tier', snapshot([pricing(plan, 'Premium')]), f"UNKNOWN {plan} ~ unexpected value")
# Plan 2 message and the deprecated container plans
case('AZA-DEF-003', 'pass-p2', snapshot([vm_pricing([AGENTLESS])]),
     "# resourcesCoverageStatus PartiallyCovered (as in the ListPricings example): on, with some machines excluded.\n"
     "PASS VirtualMachines ~ subPlan P2: Defender for Servers is on, but resourcesCoverageStatus is PartiallyCovered")
case('AZA-DEF-004', 'fail-deprecated', snapshot([pricing('KubernetesService', 'Free', properties__deprecated=True, properties__replacedBy=["Containers"]),
                                                  pricing('ContainerRegistry', 'Free', properties__deprecated=True, properties__replacedBy=["Containers"])]),
     "FAIL fixture-sub ~ no Containers pricing")

# A template sets only the plans it deploys: the others keep what the subscription has.
def tpl_pricing(plan, tier):
    return {"$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
            "contentVersion": "1.0.0.0",
            "resources": [{"type": PRICING, "apiVersion": "2024-01-01", "name": plan, "properties": {"pricingTier": tier}}]}
case('AZA-DEF-004', 'pass-template', tpl_pricing('Containers', 'Standard'), "PASS Containers ~ pricingTier is Standard")
case('AZA-DEF-004', 'fail-template', tpl_pricing('Containers', 'Free'), "FAIL Containers ~ pricingTier is Free")
case('AZA-DEF-004', 'na-template-other-plan', tpl_pricing('VirtualMachines', 'Standard'),
     "NOT_APPLICABLE 00000000-0000-0000-0000-000000000000 ~ the templates deploy no Containers pricing")
# A pricing named only at deployment may set any plan: neither its absence
# (NOT_APPLICABLE, FAIL) nor its tier (PASS) can be told.
t = tpl_pricing("[parameters('plan')]", 'Standard'); t["parameters"] = {"plan": {"type": "string"}}
case('AZA-DEF-004', 'unknown-template-plan-param', t,
     "UNKNOWN [parameters('plan')] ~ no pricing is named Containers, but pricing '[parameters('plan')]' is named only at deployment")

# ---- servers components ----
case('AZA-DEF-015', 'pass', snapshot([vm_pricing([AGENTLESS])]), "PASS VirtualMachines ~ AgentlessVmScanning isEnabled True")
case('AZA-DEF-015', 'fail', snapshot([vm_pricing([dict(AGENTLESS, isEnabled="False")])]), "FAIL VirtualMachines ~ isEnabled False")
case('AZA-DEF-015', 'fail-free', snapshot([pricing('VirtualMachines', 'Free')]), "FAIL VirtualMachines ~ pricingTier is Free")
case('AZA-DEF-015', 'fail-unlisted', snapshot([vm_pricing([])]), "FAIL VirtualMachines ~ not listed")
case('AZA-DEF-015', 'unknown', snapshot([]), "UNKNOWN fixture-sub")
case('AZA-DEF-015', 'unknown-value', snapshot([vm_pricing([dict(AGENTLESS, isEnabled="Sometimes")])]), "UNKNOWN VirtualMachines ~ not a boolean")
# Agentless machine scanning is a Plan 2 feature of Defender for Servers
# (and a Defender CSPM one): a P1 plan does not scan, whatever its extension
# entry says (it was PASS).
case('AZA-DEF-015', 'fail-p1', snapshot([mod(vm_pricing([AGENTLESS]), properties__subPlan="P1")]),
     "FAIL VirtualMachines ~ subPlan is P1: agentless scanning for machines needs Defender for Servers Plan 2")
# Defender CSPM runs the same scanner with its own AgentlessVmScanning
# extension (the ListPricings example's CloudPosture): the machines are
# scanned whatever the Servers plan (it was FAIL on the Servers plan).
CSPM_AGENTLESS = mod(pricing("CloudPosture", "Standard"), properties__extensions=[AGENTLESS, {"name": "AgentlessDiscoveryForKubernetes", "isEnabled": "True"}])
case('AZA-DEF-015', 'pass-cspm', snapshot([mod(vm_pricing([AGENTLESS]), properties__subPlan="P1"), CSPM_AGENTLESS]),
     "PASS CloudPosture ~ Defender CSPM (pricingTier Standard) has extension AgentlessVmScanning isEnabled True")
case('AZA-DEF-015', 'pass-cspm-servers-free', snapshot([pricing('VirtualMachines', 'Free'), CSPM_AGENTLESS]),
     "PASS CloudPosture ~ agentless scanning for machines is on")
# A CSPM plan whose resources are all excluded (resourcesCoverageStatus
# NotCovered) scans none of them: the Servers plan decides (it was PASS).
case('AZA-DEF-015', 'fail-cspm-not-covered',
     snapshot([pricing('VirtualMachines', 'Free'), mod(CSPM_AGENTLESS, properties__resourcesCoverageStatus="NotCovered")]),
     "FAIL VirtualMachines ~ pricingTier is Free")
FIM = {"name": "FileIntegrityMonitoring", "isEnabled": "True", "additionalExtensionProperties": {"DefinedWorkspaceId": ""}}
case('AZA-DEF-016', 'pass', snapshot([vm_pricing([AGENTLESS, FIM])]), "PASS VirtualMachines ~ FileIntegrityMonitoring")
case('AZA-DEF-016', 'fail', snapshot([vm_pricing([AGENTLESS])]), "FAIL VirtualMachines ~ not listed")
case('AZA-DEF-016', 'fail-absent', snapshot([other], datasets=[PRICING]), "FAIL fixture-sub ~ Free tier")
case('AZA-DEF-016', 'unknown', snapshot([], errors=err(PRICING, 429, "throttled")), "UNKNOWN fixture-sub ~ 429")

def wdatp(enabled):
    return {"id": f"{SUBID}/providers/Microsoft.Security/settings/WDATP", "name": "WDATP", "type": "Microsoft.Security/settings",
            "kind": "DataExportSettings", "properties": {"enabled": enabled}}
case('AZA-DEF-013', 'pass', snapshot([wdatp(True), pricing("VirtualMachines", "Standard", properties__subPlan="P1")]), "PASS WDATP ~ Defender for Servers is Standard")
case('AZA-DEF-013', 'fail', snapshot([wdatp(False)]), "FAIL WDATP ~ enabled is false")
case('AZA-DEF-013', 'fail-absent', snapshot([], datasets=["Microsoft.Security/settings"]), "FAIL fixture-sub ~ no WDATP setting")
case('AZA-DEF-013', 'unknown', snapshot([]), "UNKNOWN fixture-sub ~ not collected")
case('AZA-DEF-013', 'unknown-type', snapshot([wdatp("perhaps")]), "UNKNOWN WDATP ~ not a boolean")
def tpl_setting_param():
    """Servers on, and a setting whose name (MCAS or WDATP) a parameter gives."""
    t = tpl_pricing('VirtualMachines', 'Standard')
    t["parameters"] = {"integrationName": {"type": "string", "allowedValues": ["MCAS", "WDATP"]}}
    t["resources"].append({"type": "Microsoft.Security/settings", "apiVersion": "2021-07-01", "name": "[parameters('integrationName')]",
                           "kind": "DataExportSettings", "properties": {"enabled": True}})
    return t
case('AZA-DEF-013', 'unknown-template-setting-param', tpl_setting_param(),
     "UNKNOWN [parameters('integrationName')] ~ setting '[parameters('integrationName')]' is named only at deployment: it may be WDATP")
# WDATP on beside a pricing named only at deployment: that pricing may be
# the Servers plan the integration needs (it was FAIL: no VirtualMachines
# pricing).
t = tpl_pricing("[parameters('plan')]", 'Standard')
t["parameters"] = {"plan": {"type": "string"}}
t["resources"].append({"type": "Microsoft.Security/settings", "apiVersion": "2021-07-01", "name": "WDATP",
                       "kind": "DataExportSettings", "properties": {"enabled": True}})
case('AZA-DEF-013', 'unknown-template-plan-param', t,
     "UNKNOWN WDATP ~ no pricing is named VirtualMachines and pricing '[parameters('plan')]' is named only at deployment")
# A template deploying the Servers plan but no WDATP setting leaves the
# integration as the subscription has it (it was UNKNOWN: the pricing, which
# the rule only consults, made it judge the subscription).
case('AZA-DEF-013', 'na-template-pricing-only', tpl_pricing('VirtualMachines', 'Standard'),
     "NOT_APPLICABLE 00000000-0000-0000-0000-000000000000 ~ the templates deploy no WDATP setting")
# the integration only deploys to machines covered by Defender for Servers
case('AZA-DEF-013', 'fail-servers-free', snapshot([wdatp(True), pricing("VirtualMachines", "Free")], datasets=["Microsoft.Security/settings", PRICING]),
     "FAIL WDATP ~ Defender for Servers is on the Free tier")
case('AZA-DEF-013', 'pass-servers-on', snapshot([wdatp(True), pricing("VirtualMachines", "Standard", properties__subPlan="P2")], datasets=["Microsoft.Security/settings", PRICING]),
     "PASS WDATP ~ Defender for Servers is Standard")

# AZA-DEF-022: storageEncryptionMonitoringEffect is deprecated and no policy reads it,
# so the rule is checked by hand.
for r in ('AZA-DEF-014', 'AZA-DEF-017', 'AZA-DEF-022', 'AZA-DEF-025', 'AZA-DEF-031', 'AZA-DEF-032'):
    manual(r)

# ---- default initiative parameters ----
MCSB = "/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8"
def assignment(params, scope=SUBID, name="SecurityCenterBuiltIn", definition=MCSB):
    return {"id": f"{scope}/providers/{PA}/{name}", "type": PA, "name": name,
            "properties": {"displayName": "ASC Default (subscription: " + SUB + ")", "metadata": {"assignedBy": "Security Center"},
                           "policyDefinitionId": definition, "notScopes": [],
                           "parameters": {k: {"value": v} for k, v in params.items()},
                           "enforcementMode": "Default", "scope": scope}}
naming = {"properties": {"displayName": "Enforce resource naming rules", "description": "Force resource names to begin with given DeptA and end with -LC",
                         "metadata": {"assignedBy": "Special Someone"},
                         "policyDefinitionId": f"{SUBID}/providers/Microsoft.Authorization/policyDefinitions/ResourceNaming",
                         "notScopes": [], "parameters": {"prefix": {"value": "DeptA"}, "suffix": {"value": "-LC"}},
                         "enforcementMode": "Default", "scope": SUBID},
          "id": f"{SUBID}/providers/{PA}/EnforceNaming", "type": PA, "name": "EnforceNaming"}
# (rule, effect parameter, policyDefinitionReferenceId of the policy it feeds) as
# the initiative writes them (Azure/azure-policy, built-in-policies/policySetDefinitions/
# Security Center/AzureSecurityCenter.json, version 57.37.0). sqlAuditingMonitoringEffect and
# sqlEncryptionMonitoringEffect are declared there but deprecated and read by no policy; their
# policies now take sqlServerAuditingMonitoringEffect and sqlDbEncryptionMonitoringEffect.
recs = [('AZA-DEF-018', 'systemUpdatesMonitoringEffect', 'systemUpdatesMonitoring'),
        ('AZA-DEF-019', 'systemConfigurationsMonitoringEffect', 'systemConfigurationsMonitoring'),
        ('AZA-DEF-020', 'endpointProtectionMonitoringEffect', 'endpointProtectionMonitoring'),
        ('AZA-DEF-021', 'diskEncryptionMonitoringEffect', 'diskEncryptionMonitoring'),
        ('AZA-DEF-023', 'sqlServerAuditingMonitoringEffect', 'sqlServerAuditingMonitoring'),
        ('AZA-DEF-024', 'sqlDbEncryptionMonitoringEffect', 'sqlDbEncryptionMonitoring')]
# The parameters these rules read before: every rule's pass case has the others Disabled,
# so for AZA-DEF-023/024 it also shows the deprecated SQL parameters are ignored.
OLD = ['systemUpdatesMonitoringEffect', 'systemConfigurationsMonitoringEffect', 'endpointProtectionMonitoringEffect',
       'diskEncryptionMonitoringEffect', 'storageEncryptionMonitoringEffect', 'sqlAuditingMonitoringEffect', 'sqlEncryptionMonitoringEffect']
for rule, param, ref in recs:
    others = {p: "Disabled" for p in OLD if p != param}
    case(rule, 'pass', snapshot([assignment(others), naming]), f"PASS SecurityCenterBuiltIn ~ {param} not set")
    case(rule, 'pass-value', snapshot([assignment({param: "AuditIfNotExists"})]), f"PASS SecurityCenterBuiltIn ~ {param} is AuditIfNotExists")
    case(rule, 'fail', snapshot([assignment({param: "Disabled"}), naming]), f"FAIL SecurityCenterBuiltIn ~ {param} is Disabled")
    case(rule, 'fail-absent', snapshot([naming], datasets=[PA]), "FAIL fixture-sub ~ not assigned")
    case(rule, 'unknown', snapshot([]), "UNKNOWN fixture-sub ~ policy assignments")
    case(rule, 'unknown-type', snapshot([assignment({param: ["Disabled"]})]), "UNKNOWN SecurityCenterBuiltIn ~ not a string")
    # a trimmed export: the assignment without its properties says nothing
    # of its parameters (their absence would read as the defaults)
    case(rule, 'unknown-noprops', snapshot([{k: v for k, v in assignment({}).items() if k != "properties"}]),
         "UNKNOWN SecurityCenterBuiltIn ~ assignment 'SecurityCenterBuiltIn' has no properties object")
# assignments elsewhere in the hierarchy
MG = "/providers/Microsoft.Management/managementGroups/contoso"
case('AZA-DEF-018', 'unknown-mg', snapshot([assignment({}, scope=MG, name="mcsb-mg")]), "UNKNOWN fixture-sub ~ managementGroups/contoso")
case('AZA-DEF-018', 'fail-rg', snapshot([assignment({"systemUpdatesMonitoringEffect": "Disabled"}, scope=SUBID, name="custom-mcsb"),
                                          assignment({})]),
     "FAIL custom-mcsb ~ is Disabled")

# Excluded scopes: resources in an assignment's notScopes are not evaluated
# (Microsoft Learn, "Understand scope in Azure Policy"), as under an
# exemption (the old code passed all of these: it did not read notScopes).
ROOT_MG = f"/providers/Microsoft.Management/managementGroups/{TEN}"
case('AZA-DEF-018', 'fail-notscope-rg', snapshot([mod(assignment({}), properties__notScopes=[f"{SUBID}/resourceGroups/lab"])]),
     f"FAIL SecurityCenterBuiltIn ~ assignment 'SecurityCenterBuiltIn' lists {SUBID}/resourceGroups/lab, within the subscription, in its "
     "notScopes: resources there are not evaluated: system update recommendations are off there, so not on for all of the subscription")
case('AZA-DEF-018', 'pass-notscope-rg-second',
     snapshot([mod(assignment({}), properties__notScopes=[f"{SUBID}/resourceGroups/lab"]), assignment({}, name="mcsb-2")]),
     "PASS mcsb-2 ~ systemUpdatesMonitoringEffect not set")
case('AZA-DEF-021', 'fail-notscope-sub', snapshot([mod(assignment({}, scope=ROOT_MG, name="mcsb-root"), properties__notScopes=[SUBID])]),
     f"FAIL mcsb-root ~ assignment 'mcsb-root' lists {SUBID} in its notScopes, which holds the subscription: the assignment does not "
     "evaluate it: disk encryption recommendations are off for the subscription")
case('AZA-DEF-021', 'unknown-notscope-mg',
     snapshot([mod(assignment({}, scope=ROOT_MG, name="mcsb-root"), properties__notScopes=["/providers/Microsoft.Management/managementGroups/sandbox"])]),
     "UNKNOWN mcsb-root ~ assignment 'mcsb-root' lists /providers/Microsoft.Management/managementGroups/sandbox in its notScopes; "
     "the input does not say whether the subscription is below it")
case('AZA-DEF-021', 'pass-root-mg', snapshot([assignment({}, scope=ROOT_MG, name="mcsb-root")]),
     "PASS mcsb-root ~ diskEncryptionMonitoringEffect not set")
case('AZA-DEF-023', 'unknown-notscope-type', snapshot([mod(assignment({}), properties__notScopes=f"{SUBID}/resourceGroups/lab")]),
     "UNKNOWN SecurityCenterBuiltIn ~ notScopes is not an array")
# resourceSelectors limit the assignment to the resources they select (it passed)
case('AZA-DEF-019', 'unknown-resource-selectors',
     snapshot([mod(assignment({}), properties__resourceSelectors=[{"name": "eu", "selectors": [{"kind": "resourceLocation", "in": ["westeurope"]}]}])]),
     "UNKNOWN SecurityCenterBuiltIn ~ assignment 'SecurityCenterBuiltIn' has resourceSelectors: it evaluates only the resources they select")
# A parameter is {"value": ...}: a bare string sets nothing azaudit can read
# (it passed as an unset parameter, AuditIfNotExists).
bare = assignment({}); bare["properties"]["parameters"] = {"sqlDbEncryptionMonitoringEffect": "Disabled"}
case('AZA-DEF-024', 'unknown-param-shape', snapshot([bare]),
     "UNKNOWN SecurityCenterBuiltIn ~ parameter sqlDbEncryptionMonitoringEffect is not an object with a value")

# Policy exemptions (Microsoft.Authorization/policyExemptions, shaped after
# the REST specs' listPolicyExemptionsForSubscription example,
# 2022-07-01-preview): one at the subscription from the benchmark
# assignment, for every policy or for one behind the recommendation, leaves
# the subscription unassessed (the old code passed these). Waiver and
# Mitigated alike.
PE = 'Microsoft.Authorization/policyExemptions'
ASC = assignment({})
for rule, param, ref in recs:
    what = {'AZA-DEF-018': "system update", 'AZA-DEF-019': "OS vulnerability (security configuration)",
            'AZA-DEF-020': "endpoint protection", 'AZA-DEF-021': "disk encryption",
            'AZA-DEF-023': "SQL auditing", 'AZA-DEF-024': "SQL encryption"}[rule]
    case(rule, 'fail-exemption', snapshot([ASC, pexempt('DevSub', ASC['id'])], datasets=[PA, PE]),
         f"FAIL SecurityCenterBuiltIn ~ policy exemption 'DevSub' (Waiver) at {SUBID} exempts the subscription from assignment "
         f"'SecurityCenterBuiltIn': {what} recommendations are off for the subscription")
    case(rule, 'fail-exemption-member', snapshot([ASC, pexempt('DevSub', ASC['id'], category="Mitigated", refs=["auditTags", ref.upper()])], datasets=[PA, PE]),
         f"FAIL SecurityCenterBuiltIn ~ policy exemption 'DevSub' (Mitigated) at {SUBID} exempts the subscription from assignment "
         f"'SecurityCenterBuiltIn' for {ref}: {what} recommendations are off")
    case(rule, 'pass-exemption-other', snapshot([ASC, pexempt('DevSub', ASC['id'], refs=["auditTags"]), pexempt('Naming', naming['id']), naming], datasets=[PA, PE]),
         f"PASS SecurityCenterBuiltIn ~ {param} not set")
    case(rule, 'unknown-exemption-error', snapshot([ASC], datasets=[PA, PE], errors=[{"scope": SUBID, "type": PE, "api": f"{SUBID}/providers/{PE}", "status": 403, "message": "AuthorizationFailed"}]),
         f"UNKNOWN SecurityCenterBuiltIn ~ {PE} could not be read for {SUBID}")
# one of the other policies behind the recommendation
case('AZA-DEF-018', 'fail-exemption-vmss', snapshot([ASC, pexempt('ScaleSets', ASC['id'], refs=["vmssSystemUpdatesMonitoring"])], datasets=[PA, PE]),
     "FAIL SecurityCenterBuiltIn ~ exempts the subscription from assignment 'SecurityCenterBuiltIn' for vmssSystemUpdatesMonitoring")
# the effect parameter's name may be a newer version's reference id
case('AZA-DEF-018', 'unknown-exemption-param', snapshot([ASC, pexempt('DevSub', ASC['id'], refs=["systemUpdatesMonitoringEffect"])], datasets=[PA, PE]),
     "UNKNOWN SecurityCenterBuiltIn ~ the effect parameter, not the policy's reference id (systemUpdatesMonitoring in initiative version 57.37.0")
# expired before the snapshot was taken (meta.collected_at 2026-10-31T12:00:00Z)
case('AZA-DEF-018', 'pass-exemption-expired', snapshot([ASC, pexempt('DevSub', ASC['id'], expiresOn="2026-10-01T00:00:00Z")], datasets=[PA, PE]),
     "PASS SecurityCenterBuiltIn ~ systemUpdatesMonitoringEffect not set")
case('AZA-DEF-018', 'unknown-exemption-mg', snapshot([ASC, pexempt('GroupSub', ASC['id'], scope=MG)], datasets=[PA, PE]),
     f"UNKNOWN SecurityCenterBuiltIn ~ policy exemption 'GroupSub' (Waiver) may exempt the subscription from assignment 'SecurityCenterBuiltIn': it is at {MG}")
case('AZA-DEF-018', 'unknown-exemption-selector',
     snapshot([ASC, pexempt('EuSub', ASC['id'], resourceSelectors=[{"name": "eu", "selectors": [{"kind": "resourceLocation", "in": ["westeurope"]}]}])], datasets=[PA, PE]),
     "UNKNOWN SecurityCenterBuiltIn ~ its resourceSelectors exempt only the resources they select")
# another benchmark assignment that is not exempted still assesses the subscription
OTHER_ASC = assignment({}, name="mcsb-2")
case('AZA-DEF-018', 'pass-exemption-second', snapshot([ASC, OTHER_ASC, pexempt('DevSub', ASC['id'])], datasets=[PA, PE]),
     "PASS mcsb-2 ~ systemUpdatesMonitoringEffect not set")
# Below the subscription: an exemption at a resource group, or at one
# resource, leaves what is there unassessed, so the recommendations are not
# on for all of the subscription (the old code passed these: it looked
# only at the subscription and above)
RG_LAB = f"{SUBID}/resourceGroups/lab"
case('AZA-DEF-018', 'fail-exemption-rg', snapshot([ASC, pexempt('LabRg', ASC['id'], scope=RG_LAB)], datasets=[PA, PE]),
     f"FAIL SecurityCenterBuiltIn ~ policy exemption 'LabRg' (Waiver) at {RG_LAB} exempts that resource group, within the subscription, "
     "from assignment 'SecurityCenterBuiltIn': system update recommendations are off there, so not on for all of the subscription")
case('AZA-DEF-023', 'fail-exemption-resource',
     snapshot([ASC, pexempt('LabSql', ASC['id'], scope=f"{RG_LAB}/providers/Microsoft.Sql/servers/lab-sql", refs=["sqlServerAuditingMonitoring"])], datasets=[PA, PE]),
     f"FAIL SecurityCenterBuiltIn ~ policy exemption 'LabSql' (Waiver) at {RG_LAB}/providers/Microsoft.Sql/servers/lab-sql exempts that resource, "
     "within the subscription, from assignment 'SecurityCenterBuiltIn' for sqlServerAuditingMonitoring: SQL auditing recommendations are off there")
# one that takes the whole subscription out is named before one at a resource group
case('AZA-DEF-018', 'fail-exemption-rg-and-sub', snapshot([ASC, pexempt('LabRg', ASC['id'], scope=RG_LAB), pexempt('DevSub', ASC['id'])], datasets=[PA, PE]),
     f"FAIL SecurityCenterBuiltIn ~ policy exemption 'DevSub' (Waiver) at {SUBID} exempts the subscription from assignment "
     "'SecurityCenterBuiltIn': system update recommendations are off for the subscription")
# another benchmark assignment, not exempted, still assesses the resource group
case('AZA-DEF-018', 'pass-exemption-rg-second', snapshot([ASC, OTHER_ASC, pexempt('LabRg', ASC['id'], scope=RG_LAB)], datasets=[PA, PE]),
     "PASS mcsb-2 ~ systemUpdatesMonitoringEffect not set")
# a resource group of another subscription is not this subscription's (the
# other subscription, which the exemption's id brings into the input, has no
# benchmark assignment of its own)
case('AZA-DEF-018', 'pass-exemption-other-sub-rg',
     snapshot([ASC, pexempt('LabRg', ASC['id'], scope="/subscriptions/00000000-0000-0000-0000-000000000009/resourceGroups/lab")], datasets=[PA, PE]),
     "PASS SecurityCenterBuiltIn ~ systemUpdatesMonitoringEffect not set\n"
     "FAIL 00000000-0000-0000-0000-000000000009 ~ the Microsoft cloud security benchmark initiative is not assigned")
# a snapshot without exemptions (an older azaudit) keeps its PASS, and says so
case('AZA-DEF-018', 'pass-exemption-not-collected', snapshot([ASC], datasets=[PA]),
     f"PASS SecurityCenterBuiltIn ~ recommendations are on; {PE} was not collected (not in the snapshot's data sets), "
     "so a policy exemption taking the subscription out of this assignment is not ruled out")

# A template-only scan judges the benchmark a management group's templates
# assign there (landing zones assign it at a group; its subscriptions inherit
# it). These were FAIL or PASS "for the subscription": the group's template
# was read as the subscription's.
def tpl_mcsb(params, name="Deploy-ASC-Monitoring"):
    return {"type": PA, "apiVersion": "2022-06-01", "name": name, "location": "westeurope",
            "properties": {"policyDefinitionId": "[tenantResourceId('Microsoft.Authorization/policySetDefinitions', '1f3afdf9-d0c9-4c3d-847f-89da613e70a8')]",
                           "parameters": {k: {"value": v} for k, v in params.items()}}}
# (Assigned by a scope naming the group, the pass and unknown cases were
# NOT_APPLICABLE: no subscription in the input.) What each rule calls its
# recommendations, in its messages:
WHAT = {'AZA-DEF-018': "system update", 'AZA-DEF-019': "OS vulnerability (security configuration)",
        'AZA-DEF-020': "endpoint protection", 'AZA-DEF-021': "disk encryption",
        'AZA-DEF-023': "SQL auditing", 'AZA-DEF-024': "SQL encryption"}
for rule, param, ref in recs:
    case(rule, 'pass-template-mg', scoped_to_mg('alz', [tpl_mcsb({param: "AuditIfNotExists"})]),
         f"PASS Deploy-ASC-Monitoring ~ {param} is AuditIfNotExists")
    case(rule, 'fail-template-mg', mg_template([tpl_mcsb({param: "Disabled"})]),
         f"FAIL Deploy-ASC-Monitoring ~ parameter {param} is Disabled: {WHAT[rule]} recommendations are off for the management group")
    case(rule, 'unknown-template-mg', scoped_to_mg('alz', [tpl_mcsb({param: "[parameters('effect')]"})], {"effect": {"type": "string"}}),
         f"UNKNOWN Deploy-ASC-Monitoring ~ parameter {param} is not a string (it depends on parameter 'effect' (no value in a parameter file and no defaultValue)")
case('AZA-DEF-018', 'fail-template-nested-mg', tenant_to_mg('alz', [tpl_mcsb({"systemUpdatesMonitoringEffect": "Disabled"})]),
     "FAIL Deploy-ASC-Monitoring ~ system update recommendations are off for the management group")
# an exemption the templates deploy at the group from the group's benchmark assignment
TPL_EXEMPT = {"type": PE, "apiVersion": "2022-07-01-preview", "name": "SandboxWaiver",
              "properties": {"policyAssignmentId": "[extensionResourceId(managementGroup().id, 'Microsoft.Authorization/policyAssignments', 'Deploy-ASC-Monitoring')]",
                             "exemptionCategory": "Waiver", "policyDefinitionReferenceIds": ["systemUpdatesMonitoring"]}}
case('AZA-DEF-018', 'fail-template-mg-exemption', mg_template([tpl_mcsb({}), TPL_EXEMPT]),
     "FAIL Deploy-ASC-Monitoring ~ policy exemption 'SandboxWaiver' (Waiver) at /providers/Microsoft.Management/managementGroups/")
case('AZA-DEF-019', 'pass-template-mg-exemption', mg_template([tpl_mcsb({}), TPL_EXEMPT]),
     "PASS Deploy-ASC-Monitoring ~ systemConfigurationsMonitoringEffect not set")
# Exemptions in a management group tree the templates deploy: mg-a (the
# benchmark) above mg-b and mg-d, the subscription below mg-b. An exemption
# at mg-b lies between the assignment and the subscription: it covers the
# subscription (FAIL for it, as for mg-b), and takes part of mg-a out (FAIL
# naming that group). One at mg-d, on another branch, does not cover the
# subscription, nor mg-b: both still PASS.
TREE_SUB = "22222222-2222-2222-2222-222222222222"
def mg_tree(exempt_at, not_scopes=None, rg_waiver=False):
    def group(name, parent=None):
        g = {"type": "Microsoft.Management/managementGroups", "apiVersion": "2021-04-01", "name": name, "properties": {"displayName": name}}
        if parent: g["properties"]["details"] = {"parent": {"id": f"[tenantResourceId('Microsoft.Management/managementGroups', '{parent}')]"}}
        return g
    def deploy(mg, resources):
        return {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": f"{mg}-policy", "location": "westeurope",
                "scope": f"Microsoft.Management/managementGroups/{mg}",
                "properties": {"mode": "Incremental", "expressionEvaluationOptions": {"scope": "inner"}, "template": mg_template(resources)}}
    waiver = {"type": PE, "apiVersion": "2022-07-01-preview", "name": "BranchWaiver",
              "properties": {"policyAssignmentId": f"/providers/Microsoft.Management/managementGroups/mg-a/providers/{PA}/Deploy-ASC-Monitoring",
                             "exemptionCategory": "Waiver"}}
    return {"$schema": "https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#", "contentVersion": "1.0.0.0",
            "resources": [group("mg-a"), group("mg-b", "mg-a"), group("mg-d", "mg-a"),
                          {"type": "Microsoft.Management/managementGroups/subscriptions", "apiVersion": "2021-04-01", "name": f"mg-b/{TREE_SUB}"},
                          deploy("mg-a", [mod(tpl_mcsb({}), properties__notScopes=not_scopes) if not_scopes else tpl_mcsb({})]),
                          *([deploy(exempt_at, [waiver])] if exempt_at else []),
                          # the subscription is judged once the templates deploy into it
                          {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "corp", "location": "westeurope",
                           "subscriptionId": TREE_SUB,
                           "properties": {"mode": "Incremental", "template": {
                               "$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
                               "contentVersion": "1.0.0.0",
                               "resources": [{"type": "Microsoft.Resources/resourceGroups", "apiVersion": "2022-09-01", "name": "rg-corp", "location": "westeurope"}]
                                            + ([{"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "rg-corp-waiver", "resourceGroup": "rg-corp",
                                                 "properties": {"mode": "Incremental", "expressionEvaluationOptions": {"scope": "inner"}, "template": {
                                                     "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                                                     "contentVersion": "1.0.0.0", "resources": [waiver]}}}] if rg_waiver else [])}}}]}
TREE_A = "/providers/Microsoft.Management/managementGroups/mg-a"
case('AZA-DEF-018', 'fail-template-mg-between', mg_tree("mg-b"),
     f"FAIL Deploy-ASC-Monitoring ~ at /providers/Microsoft.Management/managementGroups/mg-b exempts that management group, within the management group, from assignment 'Deploy-ASC-Monitoring'\n"
     f"FAIL Deploy-ASC-Monitoring ~ at /providers/Microsoft.Management/managementGroups/mg-b exempts the management group from assignment 'Deploy-ASC-Monitoring'\n"
     f"FAIL Deploy-ASC-Monitoring ~ at /providers/Microsoft.Management/managementGroups/mg-b exempts the subscription from assignment 'Deploy-ASC-Monitoring'\n"
     f"PASS Deploy-ASC-Monitoring ~ for the management group mg-d, below {TREE_A}")
case('AZA-DEF-018', 'pass-template-mg-other-branch', mg_tree("mg-d"),
     f"FAIL Deploy-ASC-Monitoring ~ at /providers/Microsoft.Management/managementGroups/mg-d exempts that management group, within the management group, from assignment 'Deploy-ASC-Monitoring'\n"
     f"FAIL Deploy-ASC-Monitoring ~ at /providers/Microsoft.Management/managementGroups/mg-d exempts the management group from assignment 'Deploy-ASC-Monitoring'\n"
     f"PASS Deploy-ASC-Monitoring ~ for the management group mg-b, below {TREE_A}\n"
     f"PASS Deploy-ASC-Monitoring ~ for the subscription {TREE_SUB}, below {TREE_A}")
# A notScope at a resource group of the subscription the templates place
# below mg-b is below mg-b too, as an exemption there is: the benchmark no
# longer covers all of mg-b (FAIL, was PASS: the notScopes reader placed
# only groups and subscriptions, and a resource group's id names neither).
# mg-d, on another branch, still PASSes.
NS_RG = f"/subscriptions/{TREE_SUB}/resourceGroups/rg-corp"
case('AZA-DEF-018', 'fail-template-mg-notscope-rg', mg_tree(None, [NS_RG]),
     f"FAIL Deploy-ASC-Monitoring ~ assignment 'Deploy-ASC-Monitoring' lists {NS_RG}, within the management group, in its notScopes: resources there are not evaluated\n"
     f"FAIL Deploy-ASC-Monitoring ~ assignment 'Deploy-ASC-Monitoring' lists {NS_RG}, within the management group, in its notScopes: resources there are not evaluated\n"
     f"FAIL Deploy-ASC-Monitoring ~ assignment 'Deploy-ASC-Monitoring' lists {NS_RG}, within the subscription, in its notScopes: resources there are not evaluated\n"
     f"PASS Deploy-ASC-Monitoring ~ for the management group mg-d, below {TREE_A}")
# The same placing for an exemption at that resource group (it was FAIL
# already: exemptions and notScopes now share aza_scope_below).
RG_WAIVER = f"policy exemption 'BranchWaiver' (Waiver) at {NS_RG} exempts that resource group"
case('AZA-DEF-018', 'fail-template-mg-exemption-rg', mg_tree(None, rg_waiver=True),
     f"FAIL Deploy-ASC-Monitoring ~ {RG_WAIVER}, within the management group, from assignment 'Deploy-ASC-Monitoring'\n"
     f"FAIL Deploy-ASC-Monitoring ~ {RG_WAIVER}, within the management group, from assignment 'Deploy-ASC-Monitoring'\n"
     f"FAIL Deploy-ASC-Monitoring ~ {RG_WAIVER}, within the subscription, from assignment 'Deploy-ASC-Monitoring'\n"
     f"PASS Deploy-ASC-Monitoring ~ for the management group mg-d, below {TREE_A}")
# Another initiative at the group: the benchmark, if any, is assigned above it.
LOCATIONS = {"type": PA, "apiVersion": "2022-06-01", "name": "allowed-locations",
             "properties": {"policyDefinitionId": "/providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4c",
                            "parameters": {"listOfAllowedLocations": {"value": ["westeurope"]}}}}
case('AZA-DEF-018', 'na-template-mg-other', mg_template([LOCATIONS]),
     f"NOT_APPLICABLE {TMG} ~ template scan: the templates deploy no Microsoft cloud security benchmark assignment at the management group")
case('AZA-DEF-018', 'unknown-template-mg-definition', mg_template([mod(LOCATIONS, properties__policyDefinitionId="[parameters('initiative')]")],
                                                                   {"initiative": {"type": "string"}}),
     f"UNKNOWN {TMG} ~ policy assignment 'allowed-locations' at the management group assigns a definition only known at deployment")

# policyEffect overrides (properties.overrides): they reach a policy through its
# policyDefinitionReferenceId, looked up in recs, not derived from the parameter's name.
def overridden(a, *ovs):
    a = copy.deepcopy(a)
    a["properties"]["overrides"] = list(ovs)
    return a
def effect(value, *selectors):
    o = {"kind": "policyEffect", "value": value}
    if selectors: o["selectors"] = list(selectors)
    return o
def ids(*refs): return {"kind": "policyDefinitionReferenceId", "in": list(refs)}
def not_ids(*refs): return {"kind": "policyDefinitionReferenceId", "notIn": list(refs)}
for rule, param, ref in recs:
    case(rule, 'fail-override', snapshot([overridden(assignment({param: "AuditIfNotExists"}), effect("Disabled", ids(ref)))]),
         f"# The parameter is AuditIfNotExists; the override wins and disables {ref}.\n"
         f"FAIL SecurityCenterBuiltIn ~ overrides[0] sets the effect to Disabled and its selector lists {ref}")
others18 = {p: "Disabled" for p in OLD if p != 'systemUpdatesMonitoringEffect'}
on18 = assignment({'systemUpdatesMonitoringEffect': "AuditIfNotExists"})
case('AZA-DEF-018', 'fail-override-noselector',
     snapshot([overridden(assignment(others18), {"kind": "definitionVersion", "value": "1.*.*"}, effect("Disabled")), naming]),
     "FAIL SecurityCenterBuiltIn ~ overrides[1] sets the effect to Disabled and it has no selector, so it covers every policy")
case('AZA-DEF-018', 'fail-override-notin', snapshot([overridden(on18, effect("Disabled", not_ids("diskEncryptionMonitoring")))]),
     "FAIL SecurityCenterBuiltIn ~ overrides[0] sets the effect to Disabled and its selector's notIn does not list systemUpdatesMonitoring")
case('AZA-DEF-018', 'pass-override-audit', snapshot([overridden(on18, effect("Audit", ids("systemUpdatesMonitoring")))]),
     "PASS SecurityCenterBuiltIn ~ systemUpdatesMonitoringEffect is AuditIfNotExists")
case('AZA-DEF-018', 'pass-override-excluded',
     snapshot([overridden(on18, effect("Disabled", not_ids("systemUpdatesMonitoring", "systemUpdatesV2Monitoring", "vmssSystemUpdatesMonitoring")))]),
     "# Every policy but the system update ones is disabled.\nPASS SecurityCenterBuiltIn ~ systemUpdatesMonitoringEffect is AuditIfNotExists")
case('AZA-DEF-018', 'pass-override-other', snapshot([overridden(on18, effect("Disabled", ids("diskEncryptionMonitoring")))]),
     "# The override disables another policy of the initiative.\nPASS SecurityCenterBuiltIn ~ systemUpdatesMonitoringEffect is AuditIfNotExists")
case('AZA-DEF-018', 'unknown-override-location',
     snapshot([overridden(on18, effect("Disabled", {"kind": "resourceLocation", "in": ["westeurope"]}))]),
     "# Disabled for the resources of one region: off for some, on for others.\n"
     "UNKNOWN SecurityCenterBuiltIn ~ it has a selector of kind 'resourceLocation' that azaudit does not evaluate")
# A location selector and a reference id selector that leaves this policy out: selectors all have to match.
case('AZA-DEF-018', 'pass-override-location-other',
     snapshot([overridden(on18, effect("Disabled", {"kind": "resourceLocation", "in": ["westeurope"]}, ids("diskEncryptionMonitoring")))]),
     "PASS SecurityCenterBuiltIn ~ systemUpdatesMonitoringEffect is AuditIfNotExists")
case('AZA-DEF-018', 'unknown-override-param', snapshot([overridden(assignment(others18), effect("Disabled", ids("systemUpdatesMonitoringEffect"))), naming]),
     "# The selector names the parameter, which is not a policy definition reference id.\n"
     "UNKNOWN SecurityCenterBuiltIn ~ its selector lists systemUpdatesMonitoringEffect, the effect parameter, not the policy's reference id")
# The parameter's name in notIn leaves this policy in, unless a later version of the
# initiative names the policy after its parameter, as it does its newer ones.
case('AZA-DEF-018', 'unknown-override-param-notin',
     snapshot([overridden(on18, effect("Disabled", not_ids("systemUpdatesMonitoringEffect", "systemUpdatesV2Monitoring", "vmssSystemUpdatesMonitoring")))]),
     "UNKNOWN SecurityCenterBuiltIn ~ its selector lists systemUpdatesMonitoringEffect, the effect parameter, not the policy's reference id "
     "(systemUpdatesMonitoring in initiative version 57.37.0")

# AZA-DEF-018..021: the initiative produces each class of recommendation with several
# policies, each with its own effect parameter (same source, version 57.37.0; every one
# defaults to AuditIfNotExists). (slug, parameter, policyDefinitionReferenceId); the first
# is the one the rules read before.
SETS = {
    'AZA-DEF-018': [('', 'systemUpdatesMonitoringEffect', 'systemUpdatesMonitoring'),
                    ('v2', 'systemUpdatesV2MonitoringEffect', 'systemUpdatesV2Monitoring'),
                    ('vmss', 'vmssSystemUpdatesMonitoringEffect', 'vmssSystemUpdatesMonitoring')],
    'AZA-DEF-019': [('', 'systemConfigurationsMonitoringEffect', 'systemConfigurationsMonitoring'),
                    ('vmss', 'vmssOsVulnerabilitiesMonitoringEffect', 'vmssOsVulnerabilitiesMonitoring'),
                    ('gc-windows', 'windowsGuestConfigBaselinesMonitoringEffect', 'windowsGuestConfigBaselinesMonitoring'),
                    ('gc-linux', 'linuxGuestConfigBaselinesMonitoringEffect', 'linuxGuestConfigBaselinesMonitoring')],
    # endpointProtectionHealthIssuesMonitoringEffect is both parameter and reference id
    'AZA-DEF-020': [('', 'endpointProtectionMonitoringEffect', 'endpointProtectionMonitoring'),
                    ('install', 'installEndpointProtectionMonitoringEffect', 'installEndpointProtection'),
                    ('health', 'endpointProtectionHealthIssuesMonitoringEffect', 'endpointProtectionHealthIssuesMonitoringEffect'),
                    ('vmss', 'vmssEndpointProtectionMonitoringEffect', 'vmssEndpointProtectionMonitoring')],
    'AZA-DEF-021': [('', 'diskEncryptionMonitoringEffect', 'diskEncryptionMonitoring'),
                    ('gc-linux', 'gcLinuxDiskEncryptionMonitoringEffect', 'gcLinuxDiskEncryptionMonitoring'),
                    ('gc-windows', 'gcWindowsDiskEncryptionMonitoringEffect', 'gcWindowsDiskEncryptionMonitoring')],
}
for rule, ps in SETS.items():
    all_on = {p: "AuditIfNotExists" for _, p, _ in ps}
    case(rule, 'pass-all-on', snapshot([assignment(all_on), naming]),
         f"PASS SecurityCenterBuiltIn ~ {len(ps)} effect parameters checked, none Disabled")
    for slug, param, ref in ps[1:]:
        # The parameter the rule read before is on: only the other policy is off.
        case(rule, f'fail-{slug}', snapshot([assignment({ps[0][1]: "AuditIfNotExists", param: "Disabled"}), naming]),
             f"FAIL SecurityCenterBuiltIn ~ parameter {param} is Disabled")
        case(rule, f'fail-override-{slug}', snapshot([overridden(assignment(all_on), effect("Disabled", ids(ref)))]),
             f"FAIL SecurityCenterBuiltIn ~ overrides[0] sets the effect to Disabled and its selector lists {ref}: "
             f"policy {ref} (effect parameter {param}) is off")
    slug, param, ref = ps[1]
    case(rule, f'unknown-type-{slug}', snapshot([assignment({ps[0][1]: "AuditIfNotExists", param: {"value": "Disabled"}})]),
         f"UNKNOWN SecurityCenterBuiltIn ~ parameter {param} is not a string")
# One parameter Disabled fails even when another cannot be read.
case('AZA-DEF-018', 'fail-disabled-beats-unknown',
     snapshot([assignment({'systemUpdatesMonitoringEffect': ["AuditIfNotExists"], 'vmssSystemUpdatesMonitoringEffect': "Disabled"})]),
     "FAIL SecurityCenterBuiltIn ~ parameter vmssSystemUpdatesMonitoringEffect is Disabled")
# ...in another assignment of the benchmark at the subscription, too.
case('AZA-DEF-019', 'fail-disabled-other-assignment',
     snapshot([assignment({'systemConfigurationsMonitoringEffect': 7}),
               assignment({'linuxGuestConfigBaselinesMonitoringEffect': "Disabled"}, name="custom-mcsb")]),
     "FAIL custom-mcsb ~ parameter linuxGuestConfigBaselinesMonitoringEffect is Disabled")
# Every policy but the one the rule read before is disabled.
case('AZA-DEF-018', 'fail-override-notin-one', snapshot([overridden(on18, effect("Disabled", not_ids("systemUpdatesMonitoring")))]),
     "FAIL SecurityCenterBuiltIn ~ its selector's notIn does not list systemUpdatesV2Monitoring: "
     "policy systemUpdatesV2Monitoring (effect parameter systemUpdatesV2MonitoringEffect) is off")
# No selector: every policy of the initiative, these included.
case('AZA-DEF-021', 'fail-override-noselector', snapshot([overridden(assignment({}), effect("Disabled"))]),
     "FAIL SecurityCenterBuiltIn ~ it has no selector, so it covers every policy of the initiative: "
     "policy diskEncryptionMonitoring (effect parameter diskEncryptionMonitoringEffect) is off")
# A selector naming a new policy's parameter, which is not its reference id.
case('AZA-DEF-020', 'unknown-override-param-install',
     snapshot([overridden(assignment({}), effect("Disabled", ids("installEndpointProtectionMonitoringEffect")))]),
     "UNKNOWN SecurityCenterBuiltIn ~ its selector lists installEndpointProtectionMonitoringEffect, the effect parameter, "
     "not the policy's reference id (installEndpointProtection in initiative version 57.37.0")
# An override without a value: which of the policies it switches off cannot be told.
case('AZA-DEF-021', 'unknown-override-novalue', snapshot([overridden(assignment({}), {"kind": "policyEffect", "selectors": [ids("gcLinuxDiskEncryptionMonitoring")]})]),
     "UNKNOWN SecurityCenterBuiltIn ~ overrides[0] has no value string: whether it switches off any of the policies "
     "diskEncryptionMonitoring, gcLinuxDiskEncryptionMonitoring, gcWindowsDiskEncryptionMonitoring cannot be decided")

# AZA-DEF-023/024: the SQL policies take sqlServerAuditingMonitoringEffect and
# sqlDbEncryptionMonitoringEffect; the parameters these rules read before are deprecated.
for rule, param, ref, legacy, assumed in [
        ('AZA-DEF-023', 'sqlServerAuditingMonitoringEffect', 'sqlServerAuditingMonitoring', 'sqlAuditingMonitoringEffect', 'sqlAuditingMonitoring'),
        ('AZA-DEF-024', 'sqlDbEncryptionMonitoringEffect', 'sqlDbEncryptionMonitoring', 'sqlEncryptionMonitoringEffect', 'sqlEncryptionMonitoring')]:
    on = assignment({param: "AuditIfNotExists"})
    case(rule, 'pass-legacy-param', snapshot([assignment({legacy: "Disabled"})]),
         f"# {legacy} is deprecated: no policy reads it.\nPASS SecurityCenterBuiltIn ~ {param} not set: the default effect (AuditIfNotExists) applies")
    case(rule, 'fail-legacy-on', snapshot([assignment({legacy: "AuditIfNotExists", param: "Disabled"})]),
         f"FAIL SecurityCenterBuiltIn ~ {param} is Disabled")
    case(rule, 'pass-override-assumed', snapshot([overridden(on, effect("Disabled", ids(assumed)))]),
         f"# {assumed} ({legacy} without 'Effect') is no reference id of the initiative.\nPASS SecurityCenterBuiltIn ~ {param} is AuditIfNotExists")
    case(rule, 'fail-override-notin-assumed', snapshot([overridden(on, effect("Disabled", not_ids(assumed)))]),
         f"FAIL SecurityCenterBuiltIn ~ overrides[0] sets the effect to Disabled and its selector's notIn does not list {ref}")
    case(rule, 'fail-override-case', snapshot([overridden(on, effect("disabled", ids(ref.upper())))]),
         f"# Reference ids and effects match in any case.\nFAIL SecurityCenterBuiltIn ~ overrides[0] sets the effect to disabled and its selector lists {ref}")
    case(rule, 'unknown-override-param', snapshot([overridden(on, effect("Disabled", ids(param)))]),
         f"UNKNOWN SecurityCenterBuiltIn ~ its selector lists {param}, the effect parameter, not the policy's reference id ({ref} in")
case('AZA-DEF-024', 'fail-override-several',
     snapshot([overridden(assignment({}), effect("Audit", ids("sqlDbEncryptionMonitoring")), effect("Disabled", ids("systemUpdatesMonitoring", "sqlDbEncryptionMonitoring")))]),
     "FAIL SecurityCenterBuiltIn ~ overrides[1] sets the effect to Disabled and its selector lists sqlDbEncryptionMonitoring")

# ---- security contacts ----
def contact(**kv):
    c = {"id": f"{SUBID}/providers/{CONTACT}/default", "name": "default", "type": CONTACT,
         "properties": {"notificationsByRole": {"state": "On", "roles": ["Owner"]}, "isEnabled": True,
                        "emails": "john@contoso.com;jane@contoso.com", "phone": "(214)275-4038",
                        "notificationsSources": [{"sourceType": "AttackPath", "minimalRiskLevel": "Critical"},
                                                 {"sourceType": "Alert", "minimalSeverity": "Medium"}]}}
    return mod(c, **kv)
def contact_listed():
    # the subscription list example, verbatim: singular type in the id
    return {"id": f"{SUBID}/providers/Microsoft.Security/securityContact/default", "name": "default", "type": "Microsoft.Security/securityContact",
            "properties": {"notificationsByRole": {"state": "On", "roles": ["Owner", "Admin"]}, "isEnabled": True,
                           "emails": "john@contoso.com;Jane@contoso.com", "phone": "(214)275-4038",
                           "notificationsSources": [{"sourceType": "AttachPath", "minimalRiskLevel": "Critical"},
                                                    {"sourceType": "Alert", "minimalSeverity": "Medium"}]}}
def contact_cases(rule):
    case(rule, 'fail-absent', snapshot([], datasets=[CONTACT]), "FAIL fixture-sub ~ no security contact")
    case(rule, 'unknown', snapshot([]), "UNKNOWN fixture-sub ~ security contacts")
    case(rule, 'unknown-error', snapshot([], errors=err(CONTACT)), "UNKNOWN fixture-sub ~ HTTP 403")
for rule in ('AZA-DEF-026', 'AZA-DEF-027', 'AZA-DEF-028', 'AZA-DEF-029', 'AZA-DEF-030'):
    contact_cases(rule)
case('AZA-DEF-026', 'pass', snapshot([contact()]), "PASS default ~ includes Owner")
case('AZA-DEF-026', 'pass-listed', snapshot([contact_listed()]), "PASS default ~ includes Owner")
case('AZA-DEF-026', 'fail', snapshot([contact(properties__notificationsByRole={"state": "On", "roles": ["AccountAdmin"]})]), "FAIL default ~ do not include Owner")
case('AZA-DEF-026', 'fail-off', snapshot([contact(properties__notificationsByRole={"state": "Off", "roles": ["Owner"]})]), "FAIL default ~ state is Off")
case('AZA-DEF-026', 'fail-disabled', snapshot([contact(properties__isEnabled=False)]), "FAIL default ~ isEnabled false")
case('AZA-DEF-026', 'unknown-type', snapshot([contact(properties__notificationsByRole={"state": True, "roles": ["Owner"]})]), "UNKNOWN default ~ not a string")
case('AZA-DEF-027', 'pass', snapshot([contact()]), "PASS default ~ 2 addresses")
case('AZA-DEF-027', 'fail', snapshot([contact(properties__emails="")]), "FAIL default ~ emails is empty")
case('AZA-DEF-027', 'unknown-type', snapshot([contact(properties__emails=["a@contoso.com"])]), "UNKNOWN default ~ not a string")
case('AZA-DEF-028', 'pass', snapshot([contact()]), "PASS default ~ phone is set")
case('AZA-DEF-028', 'fail', snapshot([contact(properties__phone=DEL)]), "FAIL default ~ phone is empty")
case('AZA-DEF-028', 'unknown-type', snapshot([contact(properties__phone=2142754038)]), "UNKNOWN default ~ not a string")
case('AZA-DEF-029', 'pass', snapshot([contact()]), "PASS default ~ severity Medium")
case('AZA-DEF-029', 'fail', snapshot([contact(properties__notificationsSources=[{"sourceType": "AttackPath", "minimalRiskLevel": "Critical"}])]), "FAIL default ~ no Alert notification source")
case('AZA-DEF-029', 'fail-disabled', snapshot([contact(properties__isEnabled=False)]), "FAIL default ~ isEnabled false")
# notificationsSources (2023-12-01-preview) decides alone: a stale older-version
# alertNotifications beside a list without Alert sends no alert (it passed)
case('AZA-DEF-029', 'fail-sources-over-legacy',
     snapshot([contact(properties__notificationsSources=[{"sourceType": "AttackPath", "minimalRiskLevel": "Critical"}],
                       properties__alertNotifications={"state": "On", "minimalSeverity": "High"})]),
     "FAIL default ~ no Alert notification source: the contact is not emailed about alerts")
case('AZA-DEF-029', 'unknown-type', snapshot([contact(properties__notificationsSources=[{"sourceType": "Alert"}])]), "UNKNOWN default ~ no minimalSeverity")
# notifications switched on but addressed to nobody
nobody = dict(properties__emails="", properties__notificationsByRole={"state": "Off", "roles": []})
case('AZA-DEF-029', 'fail-no-recipient', snapshot([contact(**nobody)]), "FAIL default ~ nobody receives them")
case('AZA-DEF-030', 'fail-no-recipient', snapshot([contact(**nobody)]), "FAIL default ~ nobody receives them")
case('AZA-DEF-030', 'pass', snapshot([contact()]), "PASS default ~ risk level Critical")
case('AZA-DEF-030', 'fail', snapshot([contact(properties__notificationsSources=[{"sourceType": "Alert", "minimalSeverity": "Medium"}])]), "FAIL default ~ no AttackPath")
# The 2023-12-01-preview list example spells the source "AttachPath"; the
# specification's only value is "AttackPath" (it failed as "not notified")
case('AZA-DEF-030', 'unknown-attachpath', snapshot([contact_listed()]), "UNKNOWN default ~ sourceType 'AttachPath', a misspelling of 'AttackPath'")
case('AZA-DEF-030', 'pass-attachpath-beside', snapshot([contact(properties__notificationsSources=[{"sourceType": "AttachPath", "minimalRiskLevel": "Low"},
                                                                                               {"sourceType": "AttackPath", "minimalRiskLevel": "High"}])]),
     "PASS default ~ risk level High")
case('AZA-DEF-030', 'unknown-type', snapshot([contact(properties__notificationsSources=[{"sourceType": "AttackPath"}])]), "UNKNOWN default ~ no minimalRiskLevel")

# ---- auto provisioning ----
def autoprov(v):
    return {"id": f"{SUBID}/providers/Microsoft.Security/autoProvisioningSettings/default", "name": "default",
            "type": "Microsoft.Security/autoProvisioningSettings", "properties": {"autoProvision": v}}
# AZA-DEF-033 is judged by what deploys Defender for Servers' agent today:
# the WDATP integration with the Servers plan on (AZA-DEF-013's verdict, on
# the same object). The legacy setting deploys the retired Log Analytics
# agent: On counts for nothing, Off is what Microsoft advises.
SETS = ["Microsoft.Security/settings", PRICING, "Microsoft.Security/autoProvisioningSettings"]
SERVERS_P2 = pricing("VirtualMachines", "Standard", properties__subPlan="P2")
# The integration on with the legacy setting Off passes (it was FAIL:
# autoProvision is Off).
case('AZA-DEF-033', 'pass', snapshot([wdatp(True), SERVERS_P2, autoprov("Off")], datasets=SETS),
     "PASS WDATP ~ WDATP enabled is true and Defender for Servers is Standard: Defender for Endpoint is deployed to servers")
# Without any legacy setting it passes the same (it was FAIL: Off by default).
case('AZA-DEF-033', 'pass-legacy-absent', snapshot([wdatp(True), SERVERS_P2], datasets=SETS),
     "PASS WDATP ~ Defender for Endpoint is deployed to servers")
# The old false PASS: the legacy setting On with Defender for Servers Free
# and the integration on deploys no agent at all; the message says why On
# does not count.
case('AZA-DEF-033', 'fail-legacy-on-servers-free', snapshot([wdatp(True), pricing("VirtualMachines", "Free"), autoprov("On")], datasets=SETS),
     "FAIL WDATP ~ Defender for Servers is on the Free tier: the integration deploys Defender for Endpoint to no machine; "
     "autoProvisioningSettings/default is On, but it deploys only the Log Analytics agent, retired on 31 August 2024")
# The legacy setting On alone, with neither the integration nor the plan
# (it was PASS): both are named, and the legacy setting does not count.
case('AZA-DEF-033', 'fail-legacy-on-only', snapshot([autoprov("On")], datasets=SETS),
     "FAIL fixture-sub ~ no WDATP setting for the subscription: the Defender for Endpoint integration is not on; "
     "Defender for Servers is not on either (no VirtualMachines pricing: the Free tier); autoProvisioningSettings/default is On")
# The Servers plan on but the integration off: the integration is what is
# missing (the legacy setting Off is what Microsoft advises, and the rule
# does not name it; an expectation can only say what a message holds).
case('AZA-DEF-033', 'fail', snapshot([wdatp(False), SERVERS_P2, autoprov("Off")], datasets=SETS),
     "FAIL WDATP ~ WDATP enabled is false: the Defender for Endpoint integration is off")
# Both off: the message names the plan as well as the integration.
case('AZA-DEF-033', 'fail-both-off', snapshot([wdatp(False), pricing("VirtualMachines", "Free")], datasets=SETS),
     "FAIL WDATP ~ the Defender for Endpoint integration is off; Defender for Servers is not on either (VirtualMachines pricingTier Free)")
# No WDATP setting in collected settings: the integration is off (the
# absence is on the subscription, which lacks it).
case('AZA-DEF-033', 'fail-absent', snapshot([SERVERS_P2], datasets=SETS),
     "FAIL fixture-sub ~ no WDATP setting for the subscription")
# Settings not collected: whether the integration is on is unknown, whatever
# the legacy setting says (it was PASS on autoProvision On).
case('AZA-DEF-033', 'unknown', snapshot([SERVERS_P2, autoprov("On")], datasets=[PRICING, "Microsoft.Security/autoProvisioningSettings"]),
     "UNKNOWN fixture-sub ~ WDATP setting: Microsoft.Security/settings was not collected")
# The integration on with the pricings not collected: the plan it needs is
# unknown.
case('AZA-DEF-033', 'unknown-pricings', snapshot([wdatp(True)], datasets=["Microsoft.Security/settings"]),
     "UNKNOWN WDATP ~ whether Defender for Servers (the VirtualMachines plan) is on is unknown")
case('AZA-DEF-033', 'unknown-type', snapshot([wdatp("perhaps"), SERVERS_P2], datasets=SETS), "UNKNOWN WDATP ~ enabled is not a boolean")
# A template setting named only at deployment may be WDATP (as in AZA-DEF-013).
case('AZA-DEF-033', 'unknown-template-setting-param', tpl_setting_param(),
     "UNKNOWN [parameters('integrationName')] ~ setting '[parameters('integrationName')]' is named only at deployment: it may be WDATP")
# A template whose legacy setting is named only at deployment no longer
# matters (it was UNKNOWN: it may be default): a template that deploys no
# WDATP setting leaves the integration as the subscription has it.
t = tpl_pricing('VirtualMachines', 'Standard')
t["resources"] = [{"type": "Microsoft.Security/autoProvisioningSettings", "apiVersion": "2017-08-01-preview",
                   "name": "[parameters('settingName')]", "properties": {"autoProvision": "On"}}]
t["parameters"] = {"settingName": {"type": "string"}}
case('AZA-DEF-033', 'na-template-legacy-setting', t, "NOT_APPLICABLE 00000000-0000-0000-0000-000000000000 ~ the templates deploy no WDATP setting")
# A template that deploys the integration and the Servers plan passes; its
# legacy setting, with a value known only at deployment, is not read, so it
# does not make the verdict UNKNOWN.
t = tpl_pricing('VirtualMachines', 'Standard')
t["parameters"] = {"legacy": {"type": "string"}}
t["resources"] += [{"type": "Microsoft.Security/settings", "apiVersion": "2021-07-01", "name": "WDATP",
                    "kind": "DataExportSettings", "properties": {"enabled": True}},
                   {"type": "Microsoft.Security/autoProvisioningSettings", "apiVersion": "2017-08-01-preview",
                    "name": "default", "properties": {"autoProvision": "[parameters('legacy')]"}}]
case('AZA-DEF-033', 'pass-template', t, "PASS WDATP ~ Defender for Endpoint is deployed to servers")

# ---- secure score ----
def score(cur, mx, pct):
    return {"id": f"{SUBID}/providers/Microsoft.Security/secureScores/ascScore", "name": "ascScore", "type": "Microsoft.Security/secureScores",
            "properties": {"displayName": "ASC score", "score": {"max": mx, "current": cur, "percentage": pct}, "weight": 67}}
def assessment(vmss, code, **extra):
    rid_ = f"{SUBID}/resourceGroups/myRg/providers/Microsoft.Compute/virtualMachineScaleSets/{vmss}"
    st = {"code": code}; st.update(extra)
    return {"id": rid_ + "/providers/Microsoft.Security/assessments/21300918-b2e3-0346-785f-c77ff57d243b",
            "name": "21300918-b2e3-0346-785f-c77ff57d243b", "type": "Microsoft.Security/assessments",
            "properties": {"resourceDetails": {"source": "Azure", "id": rid_},
                           "displayName": "Install endpoint protection solution on virtual machine scale sets", "status": st}}
off = assessment("vmss2", "NotApplicable", cause="OffByPolicy",
                 description="The effective policy for the assessment was evaluated to off - use Microsoft.Authorization/policyAssignments to turn this assessment on")
case('AZA-DEF-034', 'pass', snapshot([score(39, 39, 1.0), assessment("vmss1", "Healthy"), off]), "PASS ascScore ~ secure score 100% (39.00 of 39)")
# percentage decides; points the input lacks are not printed as zero
case('AZA-DEF-034', 'pass-no-points', snapshot([mod(score(39, 39, 1.0), properties__score__max=None)]),
     "PASS ascScore ~ secure score 100% (current and maximum points not in the input)")
case('AZA-DEF-034', 'fail', snapshot([score(23.53, 39, 0.6033), assessment("vmss1", "Unhealthy"), off]),
     "FAIL ascScore ~ secure score 60% (23.53 of 39); 1 unhealthy recommendation (e.g. 'Install endpoint protection")
case('AZA-DEF-034', 'fail-unhealthy', snapshot([score(39, 39, 1.0), assessment("vmss1", "Unhealthy")]), "FAIL ascScore ~ 1 unhealthy")
case('AZA-DEF-034', 'unknown', snapshot([]), "UNKNOWN fixture-sub ~ secure score")
# percentage is a ratio (secureScores API, ScoreDetails); a 0-100 figure is
# not one (it passed: 60.33 >= 1)
case('AZA-DEF-034', 'unknown-percent-scale', snapshot([score(23.53, 39, 60.33)]), "UNKNOWN ascScore ~ score.percentage is 60.33, which is no ratio")
case('AZA-DEF-034', 'unknown-type', snapshot([score(23.53, 39, "sixty")]), "UNKNOWN ascScore ~ not a number")
# A score whose maximum is 0 has nothing to assess: its 0% is no score (it
# was FAIL); with an unhealthy recommendation it still fails.
case('AZA-DEF-034', 'na-nothing-assessed', snapshot([score(0, 0, 0)]), "NOT_APPLICABLE ascScore ~ max is 0")
case('AZA-DEF-034', 'fail-max-zero-unhealthy', snapshot([score(0, 0, 0), assessment("vmss1", "Unhealthy")]), "FAIL ascScore ~ 1 unhealthy")

# ---- wrong verdicts fixed later ----
# pricings of another subscription, no data-set metadata: this one's were not collected
SUB2 = "00000000-0000-0000-0000-000000000002"
two_subs = {"subscriptions": [{"id": SUB, "name": "fixture-sub"}, {"id": SUB2, "name": "sub2"}]}
case('AZA-DEF-001', 'unknown-other-sub', snapshot([mod(pricing('CloudPosture', 'Standard'), id=f"/subscriptions/{SUB2}/providers/{PRICING}/CloudPosture")],
                                                  meta_extra=two_subs),
     "UNKNOWN fixture-sub ~ only of others\nPASS CloudPosture ~ pricingTier is Standard")
case('AZA-DEF-001', 'fail-other-sub-listed', snapshot([mod(pricing('CloudPosture', 'Standard'), id=f"/subscriptions/{SUB2}/providers/{PRICING}/CloudPosture")],
                                                      datasets=[PRICING], meta_extra=two_subs),
     "FAIL fixture-sub ~ Free tier\nPASS CloudPosture ~ pricingTier is Standard")
# file integrity monitoring is a Plan 2 feature
case('AZA-DEF-016', 'fail-p1', snapshot([mod(vm_pricing([AGENTLESS, FIM]), properties__subPlan="P1")]), "FAIL VirtualMachines ~ subPlan is P1")
# an assignment named like Defender's default but assigning another initiative
case('AZA-DEF-018', 'fail-custom-definition', snapshot([assignment({}, definition=f"{SUBID}/providers/Microsoft.Authorization/policySetDefinitions/my-own-set")], datasets=[PA]),
     "FAIL fixture-sub ~ not assigned")
# owners are only emailed about alerts the contact sends
case('AZA-DEF-026', 'fail-no-alert-source', snapshot([contact(properties__notificationsSources=[{"sourceType": "AttackPath", "minimalRiskLevel": "Critical"}])]),
     "FAIL default ~ no Alert source")
# Neither notificationsSources nor alertNotifications: no alert is emailed
# (AZA-DEF-029 fails the same contact), so neither are the owners (it was
# PASS on notificationsByRole alone).
case('AZA-DEF-026', 'fail-no-alert-setting', snapshot([contact(properties__notificationsSources=DEL)]),
     "FAIL default ~ no notificationsSources and no alertNotifications state: no alert is emailed, to owners or anyone")
case('AZA-DEF-026', 'unknown-sources-type', snapshot([contact(properties__notificationsSources={"sourceType": "Alert", "minimalSeverity": "High"})]),
     "UNKNOWN default ~ notificationsSources is not an array")
case('AZA-DEF-026', 'fail-alerts-off', snapshot([contact(properties__notificationsSources=DEL, properties__alertNotifications={"state": "Off", "minimalSeverity": "High"})]),
     "FAIL default ~ alertNotifications is Off")

# notificationsSources that is not an array is not "no source": the alert
# and attack path rules cannot read it (as AZA-DEF-026 already says).
for rule, what in (('AZA-DEF-029', 'alerts'), ('AZA-DEF-030', 'attack paths')):
    case(rule, 'unknown-sources-type', snapshot([contact(properties__notificationsSources={"sourceType": "Alert", "minimalSeverity": "High"})]),
         f"UNKNOWN default ~ whether {what} are emailed cannot be read")
# The 2017-08-01-preview API lists several contacts under free names
# (GetSecurityContactsSubscription_example: "john"), each with its own
# settings: the subscription is notified when any one is, so one that is
# not does not fail it.
def contact2017(name, alerts, admins, email=None, phone=None):
    p = {"email": email if email is not None else f"{name}@contoso.com", "alertNotifications": alerts, "alertsToAdmins": admins}
    if phone is not None: p["phone"] = phone
    return {"id": f"{SUBID}/providers/{CONTACT}/{name}", "name": name, "type": CONTACT, "properties": p}
several = [contact2017('john', "Off", "Off", email="", phone="(214)275-4038"), contact2017('jane', "On", "On", phone="")]
case('AZA-DEF-026', 'pass-2017-several', snapshot(several), "PASS jane ~ alertsToAdmins is On")
case('AZA-DEF-027', 'pass-2017-several', snapshot(several), "PASS jane ~ 1 address")
case('AZA-DEF-028', 'pass-2017-several', snapshot(several), "PASS john ~ phone is set")
case('AZA-DEF-029', 'pass-2017-several', snapshot(several), "PASS jane ~ alertNotifications is On")
case('AZA-DEF-029', 'fail-2017-several', snapshot([contact2017('john', "Off", "On"), contact2017('jane', "Off", "On")]),
     "FAIL john ~ alertNotifications is Off")

# AZA-DEF-013: WDATP_EXCLUDE_LINUX_PUBLIC_PREVIEW enabled true keeps Linux
# machines out of the integration (legacy subscriptions; Microsoft's "Enable
# MDE Integration for Linux" script sets it to false).
def linux_excl(enabled):
    return {"id": f"{SUBID}/providers/Microsoft.Security/settings/WDATP_EXCLUDE_LINUX_PUBLIC_PREVIEW", "name": "WDATP_EXCLUDE_LINUX_PUBLIC_PREVIEW",
            "type": "Microsoft.Security/settings", "kind": "DataExportSettings", "properties": {"enabled": enabled}}
case('AZA-DEF-013', 'fail-linux-excluded', snapshot([wdatp(True), linux_excl(True), pricing("VirtualMachines", "Standard", properties__subPlan="P2")]),
     "FAIL WDATP ~ Linux machines are excluded")
case('AZA-DEF-013', 'pass-linux-included', snapshot([wdatp(True), linux_excl(False), pricing("VirtualMachines", "Standard", properties__subPlan="P2")]),
     "PASS WDATP ~ Linux included")
# AZA-DEF-033 takes the verdict over: Linux machines excluded from the
# integration get no agent.
case('AZA-DEF-033', 'fail-linux-excluded', snapshot([wdatp(True), linux_excl(True), SERVERS_P2], datasets=SETS),
     "FAIL WDATP ~ Linux machines are excluded from the Defender for Endpoint integration")

# WDATP_UNIFIED_SOLUTION enabled false: Windows Server 2012 R2 and 2016 get
# no unified agent, but only in a legacy subscription, which the settings do
# not tell apart ("relevant for legacy subscriptions", Microsoft Learn, 'Enable
# Defender for Endpoint integration'): named in the verdict, which it does not
# change; enabled true, or absent, says nothing.
def unified(enabled):
    return {"id": f"{SUBID}/providers/Microsoft.Security/settings/WDATP_UNIFIED_SOLUTION", "name": "WDATP_UNIFIED_SOLUTION",
            "type": "Microsoft.Security/settings", "kind": "DataExportSettings", "properties": {"enabled": enabled}}
case('AZA-DEF-013', 'pass-unified-off', snapshot([wdatp(True), unified(False), pricing("VirtualMachines", "Standard", properties__subPlan="P2")]),
     "PASS WDATP ~ Defender for Endpoint is deployed to servers; WDATP_UNIFIED_SOLUTION enabled is false: in a subscription whose "
     "integration was on before spring 2022, Windows Server 2012 R2 and 2016 machines do not get the unified Defender for Endpoint agent")
case('AZA-DEF-013', 'pass-unified-on', snapshot([wdatp(True), unified(True), linux_excl(False), pricing("VirtualMachines", "Standard", properties__subPlan="P2")]),
     "PASS WDATP ~ Defender for Endpoint is deployed to servers (WDATP_EXCLUDE_LINUX_PUBLIC_PREVIEW enabled false: Linux included)")
case('AZA-DEF-013', 'fail-linux-excluded-unified-off', snapshot([wdatp(True), linux_excl(True), unified(False), pricing("VirtualMachines", "Standard", properties__subPlan="P2")]),
     "FAIL WDATP ~ Linux machines are excluded from the Defender for Endpoint integration; WDATP_UNIFIED_SOLUTION enabled is false")

# A plan on for the subscription whose resources are all excluded one by one
# (resource-level pricing): resourcesCoverageStatus NotCovered covers nothing.
case('AZA-DEF-003', 'fail-not-covered', snapshot([pricing("VirtualMachines", "Standard", properties__subPlan="P2", properties__resourcesCoverageStatus="NotCovered")]),
     "FAIL VirtualMachines ~ resourcesCoverageStatus is NotCovered")
# The message names the Defender for Storage plan: DefenderForStorageV2 (the
# ListPricings example's) or one of the classic plan's two pricings, which
# lack malware scanning and sensitive data threat detection but are on
# (CIS 8.1.5.1 asks only for the plan): PASS either way.
case('AZA-DEF-005', 'pass-v2', snapshot([pricing("StorageAccounts", "Standard", properties__subPlan="DefenderForStorageV2")]),
     "PASS StorageAccounts ~ pricingTier is Standard, subPlan DefenderForStorageV2: Defender for Storage is on")
case('AZA-DEF-005', 'pass-classic', snapshot([pricing("StorageAccounts", "Standard", properties__subPlan="PerTransaction")]),
     "PASS StorageAccounts ~ subPlan PerTransaction: Defender for Storage (classic, per-transaction pricing: without malware "
     "scanning or sensitive data threat detection")
case('AZA-DEF-005', 'pass-classic-per-account', snapshot([pricing("StorageAccounts", "Standard", properties__subPlan="PerStorageAccount")]),
     "PASS StorageAccounts ~ subPlan PerStorageAccount: Defender for Storage (classic, per-storage-account pricing")
case('AZA-DEF-005', 'pass-no-subplan', snapshot([pricing("StorageAccounts", "Standard")]),
     "PASS StorageAccounts ~ subPlan is not set: whether the plan is DefenderForStorageV2 or the classic one is not known")
case('AZA-DEF-005', 'fail-not-covered', snapshot([pricing("StorageAccounts", "Standard", properties__resourcesCoverageStatus="NotCovered")]),
     "FAIL StorageAccounts ~ resourcesCoverageStatus is NotCovered")
case('AZA-DEF-016', 'fail-not-covered', snapshot([mod(vm_pricing([AGENTLESS, FIM]), properties__resourcesCoverageStatus="NotCovered")]),
     "FAIL VirtualMachines ~ resourcesCoverageStatus is NotCovered")
case('AZA-DEF-013', 'fail-servers-not-covered', snapshot([wdatp(True), pricing("VirtualMachines", "Standard", properties__subPlan="P2", properties__resourcesCoverageStatus="NotCovered")]),
     "FAIL WDATP ~ resourcesCoverageStatus is NotCovered")

# An extension isEnabled True whose enablement failed (operationStatus code
# Failed, as in the pricings API's PutPricingByNamePartialSuccess example)
# is not running (it was PASS).
FAILED = {"operationStatus": {"code": "Failed", "message": "Failed assigning roles {d5a2ae44-610b-4500-93be-660a0c5f5ca6} to {identityName} for plan"}}
case('AZA-DEF-015', 'fail-enablement-failed', snapshot([vm_pricing([dict(AGENTLESS, **FAILED)])]),
     "FAIL VirtualMachines ~ extension AgentlessVmScanning isEnabled True, but its enablement failed (operationStatus Failed")
case('AZA-DEF-015', 'fail-cspm-enablement-failed',
     snapshot([pricing('VirtualMachines', 'Free'), mod(CSPM_AGENTLESS, properties__extensions=[dict(AGENTLESS, **FAILED)])]),
     "FAIL VirtualMachines ~ pricingTier is Free")
case('AZA-DEF-015', 'pass-succeeded', snapshot([vm_pricing([dict(AGENTLESS, operationStatus={"code": "Succeeded", "message": "Successfully enabled extension"})])]),
     "PASS VirtualMachines ~ AgentlessVmScanning isEnabled True")
case('AZA-DEF-016', 'fail-enablement-failed', snapshot([vm_pricing([AGENTLESS, dict(FIM, **FAILED)])]),
     "FAIL VirtualMachines ~ extension FileIntegrityMonitoring isEnabled True, but its enablement failed")
# A Servers plan whose machines are all excluded (NotCovered) does not keep
# the CSPM plan from scanning them (it was FAIL on the Servers plan).
case('AZA-DEF-015', 'pass-cspm-servers-not-covered',
     snapshot([mod(vm_pricing([AGENTLESS]), properties__resourcesCoverageStatus="NotCovered"), CSPM_AGENTLESS]),
     "PASS CloudPosture ~ agentless scanning for machines is on")
case('AZA-DEF-015', 'fail-servers-not-covered', snapshot([mod(vm_pricing([AGENTLESS]), properties__resourcesCoverageStatus="NotCovered")]),
     "FAIL VirtualMachines ~ resourcesCoverageStatus is NotCovered")
