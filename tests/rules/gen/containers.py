# Fixtures for the AKS (AZA-AKS-*) and Container Registry (AZA-ACR-*) rules.
#
# Bodies come from the Azure REST API specs examples (Azure/azure-rest-api-specs):
# - clusters: specification/containerservice/resource-manager/Microsoft.ContainerService/
#   aks/stable/2024-09-01/examples/ManagedClustersGet.json (enableRBAC false, no
#   networkPolicy, no add-ons), ManagedClustersCreate_UpdateWithEnableAzureRBAC.json
#   (200 response: enableRBAC true, aadProfile managed), ManagedClustersCreate_
#   PrivateClusterFQDNSubdomain.json (apiServerAccessProfile.enablePrivateCluster) and
#   ManagedClustersCreate_AzureKeyvaultSecretsProvider.json (the add-on profile shape
#   {"enabled": true, "config": {...}}; AZA-AKS-011 uses its config strings);
# - node pools: .../stable/2020-12-01/examples/AgentPoolsCreate_EnableEncryptionAtHost.json (AZA-AKS-010);
# - registries: specification/containerregistry/resource-manager/Microsoft.ContainerRegistry/
#   Registry/stable/2023-07-01/examples/RegistryGet.json and PrivateEndpointConnectionGet.json.
# Settings the examples do not show are set by their API names: ManagedClusterProperties
# disableLocalAccounts, autoUpgradeProfile.upgradeChannel, azureMonitorProfile.containerInsights;
# ContainerServiceNetworkProfile networkPolicy / networkDataplane; add-on keys omsagent,
# azurepolicy, kubeDashboard; RegistryProperties anonymousPullEnabled, networkRuleSet.ipRules
# [{"action": "Allow", "value": ...}].
import sys, os, copy; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *

AKS = "Microsoft.ContainerService/managedClusters"
ACR = "Microsoft.ContainerRegistry/registries"
LAW = rid('rg-mon', 'Microsoft.OperationalInsights', 'workspaces', 'law-aks')


def _aks_common(name):
    return {"id": rid('rg-aks', 'Microsoft.ContainerService', 'managedClusters', name), "location": "westeurope",
            "name": name, "tags": {"archv2": "", "tier": "production"}, "type": "Microsoft.ContainerService/ManagedClusters"}


def aks_get(name):
    """ManagedClustersGet.json: Kubernetes RBAC off, kubenet without a network policy."""
    c = _aks_common(name)
    c["eTag"] = "beywbwei"
    c["properties"] = {
        "provisioningState": "Succeeded", "maxAgentPools": 1, "kubernetesVersion": "1.9.6", "currentKubernetesVersion": "1.9.6",
        "dnsPrefix": "dnsprefix1", "fqdn": "dnsprefix1-abcd1234.hcp.eastus.azmk8s.io",
        "azurePortalFQDN": "dnsprefix1-abcd1234.portal.hcp.eastus.azmk8s.io",
        "agentPoolProfiles": [{"name": "nodepool1", "count": 3, "vmSize": "Standard_DS1_v2", "maxPods": 110, "osType": "Linux",
                               "eTag": "nvewbvoi", "provisioningState": "Succeeded", "orchestratorVersion": "1.9.6",
                               "currentOrchestratorVersion": "1.9.6", "availabilityZones": ["1", "2", "3"],
                               "nodeImageVersion": "AKSUbuntu:1604:2020.03.11", "upgradeSettings": {"maxSurge": "33%"}}],
        "linuxProfile": {"adminUsername": "azureuser", "ssh": {"publicKeys": [{"keyData": "keydata"}]}},
        "servicePrincipalProfile": {"clientId": "clientid"}, "nodeResourceGroup": f"MC_rg-aks_{name}_westeurope",
        "enableRBAC": False,
        "diskEncryptionSetID": rid('rg1', 'Microsoft.Compute', 'diskEncryptionSets', 'des'),
        "networkProfile": {"networkPlugin": "kubenet", "podCidr": "10.244.0.0/16", "serviceCidr": "10.0.0.0/16", "dnsServiceIP": "10.0.0.10",
                           "loadBalancerSku": "standard", "outboundType": "loadBalancer", "podCidrs": ["10.244.0.0/16"],
                           "serviceCidrs": ["10.0.0.0/16"], "ipFamilies": ["IPv4"]},
        "upgradeSettings": {"overrideSettings": {"forceUpgrade": True, "until": "2022-11-01T13:00:00Z"}}}
    return c


def aks_rbac(name):
    """ManagedClustersCreate_UpdateWithEnableAzureRBAC.json (200): RBAC on, AKS-managed Entra ID."""
    c = _aks_common(name)
    c["properties"] = {
        "provisioningState": "Succeeded", "maxAgentPools": 1, "kubernetesVersion": "1.9.6", "currentKubernetesVersion": "1.9.6",
        "dnsPrefix": "dnsprefix1",
        "agentPoolProfiles": [{"name": "nodepool1", "count": 3, "vmSize": "Standard_DS1_v2", "maxPods": 110, "osType": "Linux",
                               "provisioningState": "Succeeded", "orchestratorVersion": "1.9.6", "currentOrchestratorVersion": "1.9.6",
                               "type": "VirtualMachineScaleSets", "availabilityZones": ["1", "2", "3"], "enableNodePublicIP": True,
                               "mode": "System", "nodeImageVersion": "AKSUbuntu:1604:2020.03.11"}],
        "linuxProfile": {"adminUsername": "azureuser", "ssh": {"publicKeys": [{"keyData": "keydata"}]}},
        "windowsProfile": {"adminUsername": "azureuser"}, "servicePrincipalProfile": {"clientId": "clientid"},
        "nodeResourceGroup": f"MC_rg-aks_{name}_westeurope", "enableRBAC": True,
        "diskEncryptionSetID": rid('rg1', 'Microsoft.Compute', 'diskEncryptionSets', 'des'),
        "enablePodSecurityPolicy": True, "fqdn": "dnsprefix1-abcd1234.hcp.eastus.azmk8s.io",
        "networkProfile": {"loadBalancerSku": "basic", "networkPlugin": "kubenet", "podCidr": "10.244.0.0/16", "serviceCidr": "10.0.0.0/16",
                           "dnsServiceIP": "10.0.0.10", "outboundType": "loadBalancer", "podCidrs": ["10.244.0.0/16"],
                           "serviceCidrs": ["10.0.0.0/16"], "ipFamilies": ["IPv4"]},
        "aadProfile": {"managed": True, "adminGroupObjectIDs": None, "enableAzureRBAC": True, "tenantID": "tenantID"},
        "autoScalerProfile": {"scan-interval": "20s", "scale-down-delay-after-add": "15m"}}
    return c


def aks_hardened(name, **kv):
    """The RBAC body with every setting the rules want."""
    c = aks_rbac(name)
    p = c["properties"]
    p["disableLocalAccounts"] = True
    # ManagedClustersCreate_PrivateClusterFQDNSubdomain.json
    p["apiServerAccessProfile"] = {"enablePrivateCluster": True,
                                   "privateDNSZone": rid('rg1', 'Microsoft.Network', 'privateDnsZones', 'privatelink.westeurope.azmk8s.io')}
    p["privateFQDN"] = "domain1.privatelink.westeurope.azmk8s.io"
    p["networkProfile"]["networkPlugin"] = "azure"
    p["networkProfile"]["networkPolicy"] = "calico"
    p["addonProfiles"] = {"omsagent": {"enabled": True, "config": {"logAnalyticsWorkspaceResourceID": LAW}},
                          "azurepolicy": {"enabled": True, "config": None}}
    p["autoUpgradeProfile"] = {"upgradeChannel": "patch", "nodeOSUpgradeChannel": "NodeImage"}
    return mod(c, **kv)


def bare(c):
    c = copy.deepcopy(c); del c["properties"]; return c




def aks_tpl(name, props, api="2024-09-01", sku=None):
    r = {"type": AKS, "apiVersion": api, "name": name, "location": "westeurope", "identity": {"type": "SystemAssigned"},
         "properties": dict({"dnsPrefix": name, "agentPoolProfiles": [{"name": "system", "count": 3, "vmSize": "Standard_D4ds_v5",
                                                                       "osType": "Linux", "mode": "System"}]}, **props)}
    if sku: r["sku"] = sku
    return r


# ---- AZA-AKS-001 Kubernetes RBAC ----
R = 'AZA-AKS-001'
case(R, 'pass', snapshot([aks_rbac('aksok')]), "PASS aksok ~ enableRBAC is true")
case(R, 'fail', snapshot([aks_get('aksbad')]), "FAIL aksbad ~ enableRBAC is false")
case(R, 'unknown', snapshot([mod(aks_rbac('aksodd'), properties__enableRBAC="maybe")]), "UNKNOWN aksodd ~ not a boolean")
case(R, 'unknown-absent', snapshot([mod(aks_rbac('akspart'), properties__enableRBAC=DEL)]), "UNKNOWN akspart ~ incomplete export")
case(R, 'unknown-noprops', snapshot([bare(aks_rbac('aksbare'))]), "UNKNOWN aksbare ~ no \"properties\"")
case(R, 'unknown-template-absent', template([aks_tpl('aksnew', {})]), "UNKNOWN aksnew ~ documents no default")
case(R, 'pass-template', template([aks_tpl('aksnew', {"enableRBAC": True})]), "PASS aksnew")
# A string "false" is the boolean the API reads.
case(R, 'fail-template-string', template([aks_tpl('aksnew', {"enableRBAC": "false"})]), "FAIL aksnew ~ enableRBAC is false")
case(R, 'unknown-template-param', template([aks_tpl('aksnew', {"enableRBAC": "[parameters('rbac')]"})], {"rbac": {"type": "bool"}}),
     "UNKNOWN aksnew ~ not known before deployment")
# enableRBAC is first in the stable api-version 2018-03-31 (2017-08-31 has none).
case(R, 'unknown-template-old-api', template([aks_tpl('aksold', {"enableRBAC": True}, api="2017-08-31")]),
     "UNKNOWN aksold ~ predates the property (first in the stable api-version 2018-03-31)")
case(R, 'pass-template-first-api', template([aks_tpl('aksnew', {"enableRBAC": True}, api="2018-03-31")]), "PASS aksnew ~ enableRBAC is true")

# ---- AZA-AKS-002 local accounts ----
R = 'AZA-AKS-002'
case(R, 'pass', snapshot([aks_hardened('aksok')]), "PASS aksok ~ disableLocalAccounts is true")
case(R, 'fail', snapshot([aks_rbac('aksbad')]), "FAIL aksbad ~ defaults to false")
case(R, 'fail-false', snapshot([aks_hardened('aksbad', properties__disableLocalAccounts=False)]), "FAIL aksbad ~ disableLocalAccounts is false")
case(R, 'unknown', snapshot([aks_hardened('aksodd', properties__disableLocalAccounts=1)]), "UNKNOWN aksodd ~ not a boolean")
case(R, 'pass-template', template([aks_tpl('aksnew', {"disableLocalAccounts": True, "aadProfile": {"managed": True, "enableAzureRBAC": True}})]),
     "PASS aksnew")
case(R, 'fail-template', template([aks_tpl('aksnew', {})]), "FAIL aksnew ~ defaults to false")
# The property is first in the stable api-version 2021-05-01.
case(R, 'unknown-template-old-api', template([aks_tpl('aksold', {"disableLocalAccounts": True}, api="2021-03-01")]),
     "UNKNOWN aksold ~ predates the property")
case(R, 'unknown-template-api-param', template([aks_tpl('aksnew', {"disableLocalAccounts": True}, api="[parameters('apiVersion')]")],
                                               {"apiVersion": {"type": "string"}}),
     "UNKNOWN aksnew ~ only known at deployment")

# An AKS Automatic cluster sets its authentication itself (Entra ID with
# Azure RBAC preconfigured): disableLocalAccounts left out is not known to
# be false there (it was FAIL, "defaults to false"). False is still FAIL,
# and a Base cluster leaving it out too.
case(R, 'unknown-template-automatic', template([aks_tpl('aksauto', {}, sku={"name": "Automatic", "tier": "Standard"}),
                                                aks_tpl('aksbase', {}, sku={"name": "Base", "tier": "Free"})]),
     "UNKNOWN aksauto ~ AKS Automatic cluster (sku.name Automatic)\nFAIL aksbase ~ defaults to false")
case(R, 'fail-template-automatic-false', template([aks_tpl('aksauto', {"disableLocalAccounts": False}, sku={"name": "Automatic", "tier": "Standard"})]),
     "FAIL aksauto ~ disableLocalAccounts is false")
# A deployed cluster's GET returns what Automatic set: absent is false.
case(R, 'fail-automatic-deployed', snapshot([mod(aks_rbac('aksauto'), sku={"name": "Automatic", "tier": "Standard"})]),
     "FAIL aksauto ~ defaults to false")

# ---- AZA-AKS-003 API server access ----
R = 'AZA-AKS-003'
case(R, 'pass', snapshot([aks_hardened('aksok')]), "PASS aksok ~ enablePrivateCluster is true")
ranges = {"enablePrivateCluster": False, "authorizedIPRanges": ["73.140.245.0/24", "20.50.1.10"]}
case(R, 'pass-ranges', snapshot([aks_hardened('aksok', properties__apiServerAccessProfile=ranges)]),
     "PASS aksok ~ only 2 authorized IP ranges")
case(R, 'fail', snapshot([aks_rbac('aksbad')]), "FAIL aksbad ~ not a private cluster and no authorizedIPRanges")
case(R, 'fail-empty', snapshot([aks_hardened('aksbad', properties__apiServerAccessProfile={"enablePrivateCluster": False, "authorizedIPRanges": []})]),
     "FAIL aksbad ~ enablePrivateCluster is false and no authorizedIPRanges")
case(R, 'fail-all', snapshot([aks_hardened('aksbad', properties__apiServerAccessProfile={"authorizedIPRanges": ["10.1.0.0/16", "0.0.0.0/0"]})]),
     "FAIL aksbad ~ '0.0.0.0/0' admits every address")
case(R, 'fail-wide', snapshot([aks_hardened('aksbad', properties__apiServerAccessProfile={"authorizedIPRanges": ["64.0.0.0/3"]})]),
     "FAIL aksbad ~ the internet at large")
case(R, 'unknown', snapshot([aks_hardened('aksodd', properties__apiServerAccessProfile={"authorizedIPRanges": ["office"]})]),
     "UNKNOWN aksodd ~ 'office' is not an address")
case(R, 'unknown-type', snapshot([aks_hardened('aksodd', properties__apiServerAccessProfile="private")]),
     "UNKNOWN aksodd ~ apiServerAccessProfile is not an object")
case(R, 'unknown-private-type', snapshot([aks_hardened('aksodd', properties__apiServerAccessProfile={"enablePrivateCluster": "sure"})]),
     "UNKNOWN aksodd ~ enablePrivateCluster is not a boolean")
# The 2019 preview property outside apiServerAccessProfile.
case(R, 'unknown-template-legacy', template([aks_tpl('aksold', {"apiServerAuthorizedIPRanges": ["73.140.245.0/24"]}, api="2019-02-01")]),
     "UNKNOWN aksold ~ 2019 preview form")
case(R, 'fail-template', template([aks_tpl('aksnew', {})]), "FAIL aksnew ~ public endpoint that accepts every address")

# ---- AZA-AKS-004 network policy ----
R = 'AZA-AKS-004'
case(R, 'pass', snapshot([aks_hardened('aksok')]), "PASS aksok ~ networkPolicy is calico")
case(R, 'fail', snapshot([aks_get('aksbad')]), "FAIL aksbad ~ defaults to none")
case(R, 'fail-none', snapshot([aks_hardened('aksbad', properties__networkProfile__networkPolicy="none")]), "FAIL aksbad ~ networkPolicy is none")
case(R, 'fail-empty', snapshot([aks_hardened('aksbad', properties__networkProfile__networkPolicy="")]), "FAIL aksbad ~ networkPolicy is empty")
case(R, 'unknown', snapshot([aks_hardened('aksodd', properties__networkProfile__networkPolicy="weave")]), "UNKNOWN aksodd ~ unexpected value 'weave'")
case(R, 'unknown-type', snapshot([aks_hardened('aksodd', properties__networkProfile="kubenet")]), "UNKNOWN aksodd ~ networkProfile is not an object")
cil = {"networkPlugin": "azure", "networkPluginMode": "overlay", "networkDataplane": "cilium", "podCidr": "192.168.0.0/16"}
case(R, 'pass-cilium', snapshot([aks_hardened('aksok', properties__networkProfile=dict(cil, networkPolicy="cilium"))]), "PASS aksok ~ cilium")
case(R, 'unknown-cilium-unset', snapshot([aks_hardened('aksodd', properties__networkProfile=cil)]), "UNKNOWN aksodd ~ networkDataplane cilium")
case(R, 'fail-template', template([aks_tpl('aksnew', {"networkProfile": {"networkPlugin": "azure"}})]), "FAIL aksnew ~ defaults to none")
# An AKS Automatic cluster is preconfigured with Azure CNI Overlay powered
# by Cilium (Microsoft Learn, 'Configure Azure CNI Powered by Cilium in
# AKS'): a template that leaves the network profile out is the open
# question of an explicit cilium dataplane, not a FAIL (it was FAIL,
# "defaults to none"). A Standard cluster is still FAIL.
case(R, 'unknown-template-automatic', template([aks_tpl('aksauto', {}, sku={"name": "Automatic", "tier": "Standard"}),
                                                aks_tpl('aksbase', {}, sku={"name": "Base", "tier": "Free"})]),
     "UNKNOWN aksauto ~ AKS Automatic cluster (sku.name Automatic)\nFAIL aksbase ~ defaults to none")
# A deployed cluster's GET holds the network profile Automatic set (its
# networkDataplane cilium gives the UNKNOWN above): one without a policy or a
# dataplane enforces none, Automatic or not (it was UNKNOWN).
case(R, 'fail-automatic-deployed', snapshot([mod(aks_hardened('aksauto', properties__networkProfile={"networkPlugin": "azure"}),
                                                  sku={"name": "Automatic", "tier": "Standard"})]),
     "FAIL aksauto ~ defaults to none")

# ---- AZA-AKS-005 Container insights ----
R = 'AZA-AKS-005'
case(R, 'pass', snapshot([aks_hardened('aksok')]), "PASS aksok ~ omsagent) is enabled, workspace law-aks")
case(R, 'pass-case', snapshot([aks_hardened('aksok', properties__addonProfiles={"omsAgent": {"enabled": True, "config": {"logAnalyticsWorkspaceResourceID": LAW}}})]),
     "PASS aksok ~ omsagent) is enabled")
amp = {"metrics": {"enabled": True}, "containerInsights": {"enabled": True, "logAnalyticsWorkspaceResourceId": LAW}}
case(R, 'pass-monitor-profile', snapshot([aks_hardened('aksok', properties__addonProfiles={}, properties__azureMonitorProfile=amp)]),
     "PASS aksok ~ azureMonitorProfile.containerInsights is enabled")
case(R, 'fail', snapshot([aks_get('aksbad')]), "FAIL aksbad ~ no omsagent add-on and azureMonitorProfile.containerInsights is not set")
case(R, 'fail-disabled', snapshot([aks_hardened('aksbad', properties__addonProfiles__omsagent={"enabled": False, "config": None})]),
     "FAIL aksbad ~ the omsagent add-on is disabled")
# Managed Prometheus alone carries metrics, not container logs.
case(R, 'fail-metrics-only', snapshot([aks_hardened('aksbad', properties__addonProfiles={}, properties__azureMonitorProfile={"metrics": {"enabled": True}})]),
     "FAIL aksbad ~ not set")
case(R, 'unknown', snapshot([aks_hardened('aksodd', properties__addonProfiles__omsagent={"enabled": "yes"})]), "UNKNOWN aksodd ~ omsagent.enabled is not a boolean")
case(R, 'unknown-type', snapshot([aks_hardened('aksodd', properties__addonProfiles="yo")]), "UNKNOWN aksodd ~ addonProfiles is not an object")
case(R, 'pass-template', template([aks_tpl('aksnew', {"addonProfiles": {"omsagent": {"enabled": True, "config": {"logAnalyticsWorkspaceResourceID": "[parameters('law')]"}}}})],
                                  {"law": {"type": "string"}}),
     "PASS aksnew ~ omsagent) is enabled")
# addonProfiles is first in the stable api-version 2018-03-31 (2017-08-31 has none).
case(R, 'unknown-template-old-api', template([aks_tpl('aksold', {"addonProfiles": {"omsagent": {"enabled": True}}}, api="2017-08-31")]),
     "UNKNOWN aksold ~ predates the property (first in the stable api-version 2018-03-31)")
case(R, 'pass-template-first-api', template([aks_tpl('aksnew', {"addonProfiles": {"omsagent": {"enabled": True}}}, api="2018-03-31")]),
     "PASS aksnew ~ omsagent) is enabled")

# ---- AZA-AKS-006 auto-upgrade channel ----
R = 'AZA-AKS-006'
case(R, 'pass', snapshot([aks_hardened('aksok')]), "PASS aksok ~ upgradeChannel is patch")
case(R, 'fail', snapshot([aks_rbac('aksbad')]), "FAIL aksbad ~ defaults to none")
case(R, 'fail-none', snapshot([aks_hardened('aksbad', properties__autoUpgradeProfile__upgradeChannel="none")]), "FAIL aksbad ~ upgradeChannel is none")
case(R, 'fail-node-image', snapshot([aks_hardened('aksbad', properties__autoUpgradeProfile__upgradeChannel="node-image")]),
     "FAIL aksbad ~ never upgraded automatically")
case(R, 'unknown', snapshot([aks_hardened('aksodd', properties__autoUpgradeProfile__upgradeChannel="weekly")]), "UNKNOWN aksodd ~ unexpected value 'weekly'")
case(R, 'unknown-type', snapshot([aks_hardened('aksodd', properties__autoUpgradeProfile=["stable"])]), "UNKNOWN aksodd ~ autoUpgradeProfile is not an object")
case(R, 'pass-template-automatic', template([aks_tpl('aksauto', {}, sku={"name": "Automatic", "tier": "Standard"})]),
     "PASS aksauto ~ AKS Automatic")
case(R, 'fail-template', template([aks_tpl('aksnew', {}, sku={"name": "Base", "tier": "Free"})]), "FAIL aksnew ~ defaults to none")

# ---- AZA-AKS-007 Azure Policy add-on ----
R = 'AZA-AKS-007'
case(R, 'pass', snapshot([aks_hardened('aksok')]), "PASS aksok ~ azurepolicy) is enabled")
case(R, 'fail', snapshot([aks_get('aksbad')]), "FAIL aksbad ~ no Azure Policy add-on")
case(R, 'fail-disabled', snapshot([aks_hardened('aksbad', properties__addonProfiles__azurepolicy={"enabled": False})]),
     "FAIL aksbad ~ add-on is disabled")
case(R, 'unknown', snapshot([aks_hardened('aksodd', properties__addonProfiles__azurepolicy={"config": None})]), "UNKNOWN aksodd ~ has no enabled")

# ---- AZA-AKS-008 dashboard add-on ----
R = 'AZA-AKS-008'
case(R, 'pass', snapshot([aks_hardened('aksok')]), "PASS aksok ~ no kubeDashboard add-on")
case(R, 'pass-disabled', snapshot([aks_hardened('aksok', properties__addonProfiles__kubeDashboard={"enabled": False, "config": None})]),
     "PASS aksok ~ add-on is disabled")
case(R, 'fail', snapshot([aks_hardened('aksbad', properties__addonProfiles__kubeDashboard={"enabled": True, "config": None})]),
     "FAIL aksbad ~ kubeDashboard add-on is enabled")
case(R, 'unknown', snapshot([aks_hardened('aksodd', properties__addonProfiles__kubeDashboard=True)]), "UNKNOWN aksodd ~ kubeDashboard is not an object")
case(R, 'unknown-template-param', template([aks_tpl('aksnew', {"addonProfiles": "[parameters('addons')]"})], {"addons": {"type": "object"}}),
     "UNKNOWN aksnew ~ not known before deployment")


# ---- AZA-AKS-009 Kubernetes audit log ----
R = 'AZA-AKS-009'
DIAG = "Microsoft.Insights/diagnosticSettings"
# The shape of getDiagnosticSetting (monitor, 2021-05-01-preview), on a cluster.
def kdiag(c, name, logs, ws=LAW, sa=""):
    return {"id": c["id"] + f"/providers/microsoft.insights/diagnosticSettings/{name}", "type": DIAG, "name": name,
            "properties": {"storageAccountId": sa, "workspaceId": ws, "eventHubAuthorizationRuleId": None,
                           "metrics": [{"category": "AllMetrics", "enabled": True, "retentionPolicy": {"enabled": False, "days": 0}}],
                           "logs": logs}}
ka, kb, ku = aks_hardened('aksok'), aks_hardened('aksbad'), aks_hardened('aksunk')
ka2, ka3 = aks_hardened('aksfull'), aks_hardened('aksgroup')
def lg(cat, on=True, group=False):
    return {"categoryGroup" if group else "category": cat, "enabled": on}
case(R, 'pass', snapshot([ka, kdiag(ka, 'audit-admin', [lg("kube-apiserver"), lg("kube-audit-admin")]),
                          ka2, kdiag(ka2, 'everything', [lg("kube-audit")], ws="", sa=rid('rg-mon', 'Microsoft.Storage', 'storageAccounts', 'staudit')),
                          ka3, kdiag(ka3, 'groups', [lg("audit", group=True)])]),
     "PASS aksok ~ 'audit-admin' logs kube-audit-admin\nPASS aksfull ~ logs kube-audit\nPASS aksgroup ~ logs the audit category group")
# Control-plane categories that are not the audit log, or the audit log disabled.
case(R, 'fail', snapshot([kb, kdiag(kb, 'control-plane', [lg("kube-apiserver"), lg("guard"), lg("kube-audit", on=False)])]),
     "FAIL aksbad ~ 'control-plane' does not log kube-audit or kube-audit-admin")
case(R, 'fail-nodest', snapshot([kb, kdiag(kb, 'nowhere', [lg("kube-audit-admin")], ws="")]), "FAIL aksbad ~ has no destination")
case(R, 'fail-dash', snapshot([kb, kdiag(kb, 'dash', [lg("allLogs", group=True)], ws="-")]), "FAIL aksbad ~ has no destination")
# The collector records that it read the clusters' own settings; the type
# alone is listed by the subscriptions' settings too, so a snapshot taken
# before clusters' settings were read lists it without holding any.
AKS_DIAG = AKS + "/providers/" + DIAG
case(R, 'fail-none', snapshot([kb], datasets=[AKS, DIAG, AKS_DIAG]), "FAIL aksbad ~ no diagnostic setting: the API server's audit log")
case(R, 'unknown-older-snapshot', snapshot([ku], datasets=[AKS, DIAG]),
     "UNKNOWN aksunk ~ the diagnostic settings of Microsoft.ContainerService/managedClusters resources were not collected "
     "(the snapshot's data sets list Microsoft.Insights/diagnosticSettings, which the subscriptions' own settings also give, "
     "but not Microsoft.ContainerService/managedClusters/providers/Microsoft.Insights/diagnosticSettings)")
case(R, 'unknown', snapshot([ku], datasets=[AKS]), "UNKNOWN aksunk ~ was not collected")
case(R, 'unknown-error', snapshot([ku], datasets=[AKS, DIAG],
                                  errors=[{"scope": ku["id"], "type": DIAG, "api": "GET diagnosticSettings", "status": 403, "message": "AuthorizationFailed"}]),
     "UNKNOWN aksunk ~ HTTP 403")
# No cluster in the input: NOT_APPLICABLE only when the clusters' listing is
# known to be complete. A failed Resource Graph batch (an error for all of a
# subscription's data) or a snapshot whose data sets leave clusters out
# cannot prove that there is none.
case(R, 'na-none', snapshot([], datasets=[AKS, DIAG, AKS_DIAG]), "NOT_APPLICABLE 72f988bf-0000-0000-0000-000000000001 ~ no Microsoft.ContainerService/managedClusters in the input")
case(R, 'unknown-listing-failed', snapshot([], datasets=[AKS, DIAG, AKS_DIAG],
                                           errors=[{"scope": f"/subscriptions/{SUB}", "type": "", "api": "/providers/Microsoft.ResourceGraph/resources",
                                                    "status": 500, "message": "ServerError: The server had an error"}]),
     "UNKNOWN fixture-sub ~ none in the input, but Microsoft.ContainerService/managedClusters could not be read for /subscriptions/")
case(R, 'unknown-not-listed', snapshot([], datasets=[DIAG]),
     "UNKNOWN 72f988bf-0000-0000-0000-000000000001 ~ none in the input, but Microsoft.ContainerService/managedClusters was not collected (not in the snapshot's data sets)")
# One page of a Resource Graph result (a skip token): the later pages may
# hold clusters, whichever types the page holds. An ARM list page holds one
# collection: a page of other types says nothing about clusters.
st = {"id": rid('rg-st', 'Microsoft.Storage', 'storageAccounts', 'st1'), "name": "st1", "type": "microsoft.storage/storageaccounts",
      "location": "westeurope", "subscriptionId": SUB, "resourceGroup": "rg-st", "properties": {"supportsHttpsTrafficOnly": True}}
case(R, 'unknown-graph-page', {"totalRecords": 2, "count": 1, "data": [st], "$skipToken": "ew0KICAiJGlkIjogIjEiLA0K"},
     "UNKNOWN 00000000-0000-0000-0000-000000000001 ~ none in the input, but Microsoft.ContainerService/managedClusters could not be read in full for the tenant")
case(R, 'unknown-graph-page-empty', {"data": [], "$skipToken": "ew0KICAiJGlkIjogIjEiLA0K"},
     "UNKNOWN tenant ~ none in the input, but Microsoft.ContainerService/managedClusters could not be read in full")
case(R, 'na-other-list-page', {"value": [st], "nextLink": "https://management.azure.com/subscriptions/" + SUB +
                                "/providers/Microsoft.Storage/storageAccounts?api-version=2023-05-01&$skipToken=2"},
     "NOT_APPLICABLE tenant ~ no Microsoft.ContainerService/managedClusters in the input")
# A template's setting is an extension resource on the cluster.
tdiag = {"type": DIAG, "apiVersion": "2021-05-01-preview", "name": "audit", "scope": "[resourceId('Microsoft.ContainerService/managedClusters', 'aksnew')]",
         "properties": {"workspaceId": LAW, "logs": [lg("kube-audit-admin")]}}
case(R, 'pass-template', template([aks_tpl('aksnew', {}), tdiag]), "PASS aksnew ~ logs kube-audit-admin")
case(R, 'fail-template', template([aks_tpl('aksnew', {})]), "FAIL aksnew ~ no diagnostic setting")


# ---- AZA-AKS-010 host encryption of node pools ----
R = 'AZA-AKS-010'
POOL = "Microsoft.ContainerService/managedClusters/agentPools"


def eah(c, *flags):
    """Cluster c with one node pool per flag (DEL: the property left out)."""
    base = c["properties"]["agentPoolProfiles"][0]
    pools = []
    for i, f in enumerate(flags):
        p = copy.deepcopy(base)
        p["name"] = base["name"] if i == 0 else f"pool{i + 1}"
        if i: p["mode"] = "User"
        if f is not DEL: p["enableEncryptionAtHost"] = f
        pools.append(p)
    c = copy.deepcopy(c)
    c["properties"]["agentPoolProfiles"] = pools
    return c


def agent_pool(cluster, name, **kv):
    """AgentPoolsCreate_EnableEncryptionAtHost.json (2020-12-01), 200 response."""
    b = {"id": rid('rg-aks', 'Microsoft.ContainerService', 'managedClusters', cluster, 'agentPools', name), "type": POOL, "name": name,
         "properties": {"provisioningState": "Succeeded", "orchestratorVersion": "1.17.13", "count": 3, "vmSize": "Standard_DS2_v2",
                        "maxPods": 110, "osType": "Linux", "enableEncryptionAtHost": True}}
    return mod(b, **kv)


def pool_tpl(cluster, name, props, api="2024-09-01"):
    return {"type": POOL, "apiVersion": api, "name": f"{cluster}/{name}",
            "properties": dict({"count": 3, "vmSize": "Standard_D4ds_v5", "osType": "Linux", "mode": "User"}, **props)}


case(R, 'pass', snapshot([eah(aks_rbac('aksok'), True, True)]), "PASS aksok ~ enableEncryptionAtHost is true on all 2 node pools")
case(R, 'fail', snapshot([aks_get('aksbad')]), "FAIL aksbad ~ node pool 'nodepool1' has enableEncryptionAtHost not set (false)")
# One pool without it is enough: its nodes keep clear temp disks and caches.
case(R, 'fail-one-pool', snapshot([eah(aks_rbac('aksbad'), True, False, DEL)]),
     "FAIL aksbad ~ node pool 'pool2' has enableEncryptionAtHost false; 2 of 3 node pools are without host encryption: the nodes' temp disks")
case(R, 'unknown', snapshot([eah(aks_rbac('aksodd'), True, "yes")]), "UNKNOWN aksodd ~ node pool 'pool2': enableEncryptionAtHost is not a boolean")
case(R, 'unknown-absent', snapshot([mod(aks_rbac('akspart'), properties__agentPoolProfiles=DEL)]), "UNKNOWN akspart ~ incomplete export")
case(R, 'unknown-empty', snapshot([mod(aks_rbac('akspart'), properties__agentPoolProfiles=[])]), "UNKNOWN akspart ~ agentPoolProfiles is empty")
case(R, 'unknown-not-array', snapshot([mod(aks_rbac('aksodd'), properties__agentPoolProfiles={"name": "nodepool1"})]),
     "UNKNOWN aksodd ~ agentPoolProfiles is not an array")
# A node pool read as its own resource.
case(R, 'pass-pool', snapshot([agent_pool('aksok', 'agentpool1')]), "PASS aksok/agentpool1 ~ enableEncryptionAtHost is true")
case(R, 'fail-pool', snapshot([agent_pool('aksbad', 'agentpool1', properties__enableEncryptionAtHost=DEL)]),
     "FAIL aksbad/agentpool1 ~ enableEncryptionAtHost is not set (false)")
case(R, 'unknown-pool', snapshot([agent_pool('aksodd', 'agentpool1', properties__enableEncryptionAtHost=1)]),
     "UNKNOWN aksodd/agentpool1 ~ enableEncryptionAtHost is not a boolean")
# Resource Manager returns a cluster's pools in its agentPoolProfiles and as
# agentPools resources, and a snapshot may hold both: the cluster's verdict
# covers a pool it lists, so the pool resource is NOT_APPLICABLE (the old
# code judged it again: a second PASS or FAIL for the same pool), unless the
# two copies disagree, when the pool resource is judged as well.
case(R, 'na-pool-in-cluster', snapshot([eah(aks_rbac('aksok'), True, True), agent_pool('aksok', 'NodePool1')]),
     "PASS aksok ~ enableEncryptionAtHost is true on all 2 node pools\n"
     "NOT_APPLICABLE aksok/NodePool1 ~ node pool 'NodePool1' is also in agentPoolProfiles of its cluster 'aksok', with enableEncryptionAtHost true there too: its verdict is on the cluster")
case(R, 'na-pool-in-failing-cluster', snapshot([eah(aks_rbac('aksbad'), DEL, True), agent_pool('aksbad', 'nodepool1', properties__enableEncryptionAtHost=False)]),
     "FAIL aksbad ~ node pool 'nodepool1' has enableEncryptionAtHost not set (false)\n"
     "NOT_APPLICABLE aksbad/nodepool1 ~ with enableEncryptionAtHost false or not set there too")
case(R, 'fail-pool-disagrees-with-cluster', snapshot([eah(aks_rbac('aksmix'), True, True), agent_pool('aksmix', 'pool2', properties__enableEncryptionAtHost=DEL)]),
     "PASS aksmix ~ enableEncryptionAtHost is true on all 2 node pools\nFAIL aksmix/pool2 ~ enableEncryptionAtHost is not set (false)")
case(R, 'unknown-pool-odd-in-cluster', snapshot([eah(aks_rbac('aksodd'), True), agent_pool('aksodd', 'nodepool1', properties__enableEncryptionAtHost=1)]),
     "PASS aksodd ~ enableEncryptionAtHost is true on its 1 node pool\nUNKNOWN aksodd/nodepool1 ~ enableEncryptionAtHost is not a boolean")
# a pool the cluster does not list (added after the cluster was read), or of a cluster not in the input
case(R, 'pass-pool-not-in-cluster', snapshot([eah(aks_rbac('aksok'), True), agent_pool('aksok', 'user2'), agent_pool('aksother', 'nodepool1')]),
     "PASS aksok ~ enableEncryptionAtHost is true on its 1 node pool\nPASS aksok/user2 ~ enableEncryptionAtHost is true\n"
     "PASS aksother/nodepool1 ~ enableEncryptionAtHost is true")
# Templates: the cluster's pools and agentPools child resources.
on = [{"name": "system", "count": 3, "vmSize": "Standard_D4ds_v5", "osType": "Linux", "mode": "System", "enableEncryptionAtHost": True}]
case(R, 'pass-template', template([aks_tpl('aksnew', {"agentPoolProfiles": on}), pool_tpl('aksnew', 'user1', {"enableEncryptionAtHost": True})]),
     "PASS aksnew ~ enableEncryptionAtHost is true on its 1 node pool\nPASS aksnew/user1 ~ enableEncryptionAtHost is true")
case(R, 'fail-template', template([aks_tpl('aksnew', {}), pool_tpl('aksnew', 'user1', {"enableEncryptionAtHost": False})]),
     "FAIL aksnew ~ node pool 'system' has enableEncryptionAtHost not set (false)\nFAIL aksnew/user1 ~ enableEncryptionAtHost is false")
# The property is first known in the stable api-version 2020-12-01.
case(R, 'unknown-template-old-api', template([aks_tpl('aksold', {"agentPoolProfiles": on}, api="2020-09-01"),
                                             pool_tpl('aksold', 'user1', {"enableEncryptionAtHost": True}, api="2020-06-01")]),
     "UNKNOWN aksold ~ api-version 2020-09-01 predates the property\nUNKNOWN aksold/user1 ~ api-version 2020-06-01 predates the property")
case(R, 'unknown-template-api-param', template([aks_tpl('aksnew', {"agentPoolProfiles": on}, api="[parameters('apiVersion')]")],
                                               {"apiVersion": {"type": "string"}}),
     "UNKNOWN aksnew ~ only known at deployment")
case(R, 'unknown-template-param', template([aks_tpl('aksnew', {"agentPoolProfiles": [dict(on[0], enableEncryptionAtHost="[parameters('eah')]")]})],
                                           {"eah": {"type": "bool"}}),
     "UNKNOWN aksnew ~ not known before deployment")
case(R, 'na-template-pool-in-cluster', template([aks_tpl('aksnew', {"agentPoolProfiles": on}), pool_tpl('aksnew', 'system', {"enableEncryptionAtHost": True, "mode": "System"})]),
     "PASS aksnew ~ enableEncryptionAtHost is true on its 1 node pool\nNOT_APPLICABLE aksnew/system ~ its verdict is on the cluster")
case(R, 'unknown-template-no-pools', template([aks_tpl('aksnew', {"agentPoolProfiles": None})]), "UNKNOWN aksnew ~ agentPoolProfiles not set")


# ---- AZA-AKS-011 Secrets Store CSI driver secret rotation ----
R = 'AZA-AKS-011'
# ManagedClustersCreate_AzureKeyvaultSecretsProvider.json (2024-09-01): the add-on with its config strings.
KVP = {"enabled": True, "config": {"enableSecretRotation": "true", "rotationPollInterval": "2m"}}


def kvp(name, **cfg):
    a = copy.deepcopy(KVP)
    for k, v in cfg.items():
        if v is DEL: a["config"].pop(k, None)
        else: a["config"][k] = v
    return aks_hardened(name, properties__addonProfiles__azureKeyvaultSecretsProvider=a)


case(R, 'pass', snapshot([kvp('aksok')]), "PASS aksok ~ enableSecretRotation true: mounted secrets follow Key Vault, polled every 2m")
case(R, 'pass-default-interval', snapshot([kvp('aksok', rotationPollInterval=DEL)]), "PASS aksok ~ polled every 2m (the default)")
case(R, 'fail', snapshot([kvp('aksbad', enableSecretRotation="false")]), "FAIL aksbad ~ enableSecretRotation false")
# As az aks enable-addons without --enable-secret-rotation leaves it, or with the key left out.
case(R, 'fail-absent', snapshot([kvp('aksbad', enableSecretRotation=DEL)]), "FAIL aksbad ~ enableSecretRotation not set (false)")
case(R, 'fail-no-config', snapshot([aks_hardened('aksbad', properties__addonProfiles__azureKeyvaultSecretsProvider={"enabled": True, "config": None})]),
     "FAIL aksbad ~ enableSecretRotation not set (false)")
case(R, 'unknown', snapshot([kvp('aksodd', enableSecretRotation="sometimes")]), "UNKNOWN aksodd ~ unexpected value 'sometimes'")
case(R, 'unknown-config', snapshot([aks_hardened('aksodd', properties__addonProfiles__azureKeyvaultSecretsProvider={"enabled": True, "config": "on"})]),
     "UNKNOWN aksodd ~ is not an object")
case(R, 'unknown-enabled', snapshot([aks_hardened('aksodd', properties__addonProfiles__azureKeyvaultSecretsProvider={"enabled": "yes"})]),
     "UNKNOWN aksodd ~ azureKeyvaultSecretsProvider.enabled is not a boolean")
# Only clusters that use the add-on are judged.
case(R, 'na', snapshot([aks_hardened('aksnone')]), "NOT_APPLICABLE aksnone ~ no azureKeyvaultSecretsProvider add-on")
case(R, 'na-disabled', snapshot([aks_hardened('aksoff', properties__addonProfiles__azureKeyvaultSecretsProvider={"enabled": False, "config": None})]),
     "NOT_APPLICABLE aksoff ~ add-on is disabled")
case(R, 'pass-template', template([aks_tpl('aksnew', {"addonProfiles": {"azureKeyvaultSecretsProvider": copy.deepcopy(KVP)}})]), "PASS aksnew")
# Templates may write the value as a boolean (the API's config is a map of strings).
case(R, 'fail-template-bool', template([aks_tpl('aksnew', {"addonProfiles": {"azureKeyvaultSecretsProvider": {"enabled": True, "config": {"enableSecretRotation": False}}}})]),
     "FAIL aksnew ~ enableSecretRotation false")
case(R, 'unknown-template-param', template([aks_tpl('aksnew', {"addonProfiles": {"azureKeyvaultSecretsProvider": {"enabled": True, "config": {"enableSecretRotation": "[parameters('rotate')]"}}}})],
                                           {"rotate": {"type": "string"}}),
     "UNKNOWN aksnew ~ not known before deployment")
# Add-on profiles only known at deployment may enable the add-on: not
# NOT_APPLICABLE (it was, as a value only known at deployment leaves that).
case(R, 'unknown-template-addons-param', template([aks_tpl('aksnew', {"addonProfiles": "[parameters('addons')]"})], {"addons": {"type": "object"}}),
     "UNKNOWN aksnew ~ addonProfiles is only known at deployment")

# ---- Container Registry ----
def acr(name, sku="Standard", **kv):
    """RegistryGet.json (2023-07-01)."""
    r = {"id": rid('rg-acr', 'Microsoft.ContainerRegistry', 'registries', name), "name": name, "type": ACR, "location": "westeurope",
         "tags": {"key": "value"}, "sku": {"name": sku, "tier": sku},
         "properties": {"loginServer": f"{name}.azurecr.io", "creationDate": "2021-06-15T21:38:26.1537861Z", "provisioningState": "Succeeded",
                        "adminUserEnabled": False, "networkRuleSet": {"defaultAction": "Allow", "ipRules": []},
                        "policies": {"quarantinePolicy": {"status": "disabled"}, "trustPolicy": {"type": "Notary", "status": "disabled"},
                                     "retentionPolicy": {"days": 7, "lastUpdatedTime": "2021-06-15T21:40:12.8506835+00:00", "status": "disabled"},
                                     "exportPolicy": {"status": "enabled"}},
                        "encryption": {"status": "disabled"}, "status": None, "dataEndpointEnabled": False, "dataEndpointHostNames": [],
                        "privateEndpointConnections": [], "publicNetworkAccess": "Enabled", "networkRuleBypassOptions": "AzureServices",
                        "zoneRedundancy": "Disabled"}}
    return mod(r, **kv)


def pec(reg, status="Approved"):
    """PrivateEndpointConnectionGet.json (2023-07-01)."""
    rid_ = reg["id"]
    return {"id": rid_ + "/privateEndpointConnections/myConnection", "name": "myConnection",
            "type": ACR + "/privateEndpointConnections",
            "properties": {"provisioningState": "Succeeded",
                           "privateEndpoint": {"id": rid('rg-net', 'Microsoft.Network', 'privateEndpoints', 'peexample01')},
                           "privateLinkServiceConnectionState": {"status": status, "description": "Auto-Approved", "actionsRequired": "None"}}}


def acr_tpl(name, props, sku="Premium", api="2023-07-01"):
    r = {"type": ACR, "apiVersion": api, "name": name, "location": "westeurope", "properties": props}
    if sku: r["sku"] = {"name": sku}
    return r


# ---- AZA-ACR-001 admin user ----
R = 'AZA-ACR-001'
case(R, 'pass', snapshot([acr('acrok')]), "PASS acrok ~ adminUserEnabled is false")
case(R, 'pass-absent', snapshot([acr('acrok', properties__adminUserEnabled=DEL)]), "PASS acrok ~ not set (false)")
case(R, 'fail', snapshot([acr('acrbad', properties__adminUserEnabled=True)]), "FAIL acrbad ~ adminUserEnabled is true")
case(R, 'unknown', snapshot([acr('acrodd', properties__adminUserEnabled="enabled")]), "UNKNOWN acrodd ~ not a boolean")
case(R, 'unknown-noprops', snapshot([bare(acr('acrbare'))]), "UNKNOWN acrbare ~ no \"properties\"")
case(R, 'fail-template', template([acr_tpl('acrnew', {"adminUserEnabled": True})]), "FAIL acrnew")

# ---- AZA-ACR-002 anonymous pull ----
R = 'AZA-ACR-002'
case(R, 'pass', snapshot([acr('acrok')]), "PASS acrok ~ not set (false)")
case(R, 'pass-false', snapshot([acr('acrok', sku="Premium", properties__anonymousPullEnabled=False)]), "PASS acrok ~ anonymousPullEnabled is false")
case(R, 'fail', snapshot([acr('acrbad', properties__anonymousPullEnabled=True)]), "FAIL acrbad ~ anonymousPullEnabled is true")
case(R, 'unknown', snapshot([acr('acrodd', properties__anonymousPullEnabled=[])]), "UNKNOWN acrodd ~ not a boolean")
case(R, 'fail-template', template([acr_tpl('acrnew', {"anonymousPullEnabled": True}, sku="Standard")]), "FAIL acrnew ~ anonymousPullEnabled is true")
# Anonymous pull exists only in Standard and Premium.
case(R, 'unknown-template-basic', template([acr_tpl('acrnew', {"anonymousPullEnabled": True}, sku="Basic")]), "UNKNOWN acrnew ~ sku.name is Basic")
case(R, 'unknown-template-nosku', template([acr_tpl('acrnew', {"anonymousPullEnabled": True}, sku=None)]), "UNKNOWN acrnew ~ sku.name is not set")

# ---- AZA-ACR-003 public network access ----
R = 'AZA-ACR-003'
deny = {"defaultAction": "Deny", "ipRules": [{"action": "Allow", "value": "203.0.113.0/24"}, {"action": "Allow", "value": "198.51.100.7"}]}
case(R, 'pass', snapshot([acr('acrok', sku="Premium", properties__publicNetworkAccess="Disabled")]), "PASS acrok ~ publicNetworkAccess is Disabled")
case(R, 'pass-firewall', snapshot([acr('acrok', sku="Premium", properties__networkRuleSet=deny)]), "PASS acrok ~ default action Deny (2 IP rules)")
case(R, 'fail', snapshot([acr('acrbad')]), "FAIL acrbad ~ publicNetworkAccess is Enabled and the firewall default action is Allow")
case(R, 'fail-open-rule', snapshot([acr('acrbad', sku="Premium", properties__networkRuleSet={"defaultAction": "Deny", "ipRules": [{"action": "Allow", "value": "0.0.0.0/0"}]})]),
     "FAIL acrbad ~ IP rule '0.0.0.0/0' admits every address")
case(R, 'unknown', snapshot([acr('acrodd', properties__publicNetworkAccess="Sometimes")]), "UNKNOWN acrodd ~ unexpected value 'Sometimes'")
case(R, 'unknown-rule', snapshot([acr('acrodd', sku="Premium", properties__networkRuleSet={"defaultAction": "Deny", "ipRules": [{"action": "Allow"}]})]),
     "UNKNOWN acrodd ~ not a string value")
# Network rules are a Premium feature.
case(R, 'unknown-standard-deny', snapshot([acr('acrodd', properties__networkRuleSet=deny)]), "UNKNOWN acrodd ~ on a Standard registry")
case(R, 'unknown-ruleset-type', snapshot([acr('acrodd', properties__networkRuleSet="Deny")]), "UNKNOWN acrodd ~ networkRuleSet is not an object")
case(R, 'fail-template', template([acr_tpl('acrnew', {})]), "FAIL acrnew ~ publicNetworkAccess not set (Enabled) and the firewall default action is not set (Allow)")
case(R, 'pass-template', template([acr_tpl('acrnew', {"publicNetworkAccess": "Disabled"})]), "PASS acrnew")
# publicNetworkAccess is first in the stable api-version 2021-09-01 (2019-05-01 has none).
case(R, 'unknown-template-old-api', template([acr_tpl('acrold', {"publicNetworkAccess": "Disabled"}, api="2019-05-01")]),
     "UNKNOWN acrold ~ publicNetworkAccess is Disabled, but api-version 2019-05-01 predates the property (first in the stable api-version 2021-09-01)")
case(R, 'pass-template-first-api', template([acr_tpl('acrnew', {"publicNetworkAccess": "Disabled"}, api="2021-09-01")]),
     "PASS acrnew ~ publicNetworkAccess is Disabled")
# Azure refuses publicNetworkAccess Disabled below Premium
# (DisablingPublicNetworkAccessNotSupported): the template's registry is not
# deployed as declared (it was PASS).
case(R, 'unknown-template-disabled-standard', template([acr_tpl('acrnew', {"publicNetworkAccess": "Disabled"}, sku="Standard")]),
     "UNKNOWN acrnew ~ sku.name is Standard: Azure refuses to disable public network access below Premium")
case(R, 'unknown-template-disabled-nosku', template([acr_tpl('acrnew', {"publicNetworkAccess": "Disabled"}, sku=None)]),
     "UNKNOWN acrnew ~ sku.name is not set")

# ---- AZA-ACR-004 private endpoints ----
R = 'AZA-ACR-004'
ok = acr('acrok', sku="Premium"); ok["properties"]["privateEndpointConnections"] = [pec(ok)]
case(R, 'pass', snapshot([ok]), "PASS acrok ~ 1 approved private endpoint connection")
case(R, 'fail', snapshot([acr('acrbad')]), "FAIL acrbad ~ no approved private endpoint connection")
pend = acr('acrbad', sku="Premium"); pend["properties"]["privateEndpointConnections"] = [pec(pend, "Pending")]
case(R, 'fail-pending', snapshot([pend]), "FAIL acrbad ~ 1 pending or rejected")
case(R, 'unknown', snapshot([acr('acrodd', properties__privateEndpointConnections={"a": 1})]), "UNKNOWN acrodd ~ not an array")
case(R, 'pass-template-endpoint',
     pe_template(ACR, '2023-07-01', ['acrnew', 'acrold'], [('acrnew', 'registry', False)], {"publicNetworkAccess": "Disabled"},
                 lambda n: {"sku": {"name": "Premium"}}),
     """PASS acrnew ~ the template deploys private endpoint 'pe1'
FAIL acrold ~ no private endpoint of the template connects to the registry""")
# private link needs Premium: an endpoint to a Standard registry is refused
# when deployed (it passed)
case(R, 'unknown-template-endpoint-standard',
     pe_template(ACR, '2023-07-01', ['acrstd'], [('acrstd', 'registry', False)], {"publicNetworkAccess": "Enabled"},
                 lambda n: {"sku": {"name": "Standard"}}),
     "UNKNOWN acrstd ~ its sku.name is Standard: private link needs Premium")
