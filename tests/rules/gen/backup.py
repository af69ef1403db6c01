# Fixtures for the Recovery Services vault rules (AZA-RSV-*).
#
# Bodies come from the Azure REST API specs examples (Azure/azure-rest-api-specs,
# specification/recoveryservices/resource-manager/Microsoft.RecoveryServices/stable/2025-02-01/
# examples/GETVault.json: publicNetworkAccess Enabled, an approved AzureBackup private endpoint
# connection, securitySettings {immutabilitySettings {state Disabled}, softDeleteSettings
# {softDeleteRetentionPeriodInDays 14, softDeleteState Enabled, enhancedSecurityState Enabled}},
# redundancySettings). Templates use the PUTVault.json request shape (sku Standard, a system-assigned
# identity). The backup configuration child (vaults/backupconfig, named vaultconfig) carries
# softDeleteFeatureState.
import sys, os, copy; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *

RSV = "Microsoft.RecoveryServices/vaults"




def vault_get(name):
    """GETVault.json (2025-02-01)."""
    vid = rid('rg-backup', 'Microsoft.RecoveryServices', 'vaults', name)
    return {"location": "westeurope", "name": name, "etag": "W/\"datetime'2017-12-15T12%3A36%3A51.68Z'\"",
            "tags": {"TestUpdatedKey": "TestUpdatedValue"},
            "identity": {"tenantId": "d676e86e-2206-4a7c-999c-ece52c144b5b", "principalId": "3137d6c7-5d6c-411c-b934-7a2a729ee247",
                         "type": "SystemAssigned"},
            "properties": {
                "publicNetworkAccess": "Enabled",
                "monitoringSettings": {"azureMonitorAlertSettings": {"alertsForAllJobFailures": "Enabled", "alertsForAllReplicationIssues": "Enabled",
                                                                     "alertsForAllFailoverIssues": "Disabled"},
                                       "classicAlertSettings": {"alertsForCriticalOperations": "Disabled", "emailNotificationsForSiteRecovery": "Enabled"}},
                "provisioningState": "Succeeded",
                "privateEndpointConnections": [{
                    "id": vid + "/privateEndpointConnections/pe114-rsv.5944358949303501042.backup.75061caa-cba4-4849-8e09-608da4914aad",
                    "properties": {"provisioningState": "Succeeded",
                                   "privateEndpoint": {"id": rid('rg-backup', 'Microsoft.Network', 'privateEndpoints', 'pe114-rsv')},
                                   "groupIds": ["AzureBackup"],
                                   "privateLinkServiceConnectionState": {"status": "Approved", "description": "None", "actionsRequired": "None"}}}],
                "privateEndpointStateForBackup": "Enabled", "privateEndpointStateForSiteRecovery": "None",
                "securitySettings": {"immutabilitySettings": {"state": "Disabled"},
                                     "softDeleteSettings": {"softDeleteRetentionPeriodInDays": 14, "softDeleteState": "Enabled",
                                                            "enhancedSecurityState": "Enabled"},
                                     "multiUserAuthorization": "Disabled",
                                     "sourceScanConfiguration": {"state": "Enabled", "sourceScanIdentity": {"identityType": "SystemAssigned"}}},
                "redundancySettings": {"standardTierStorageRedundancy": "GeoRedundant", "crossRegionRestore": "Enabled"},
                "secureScore": "None", "bcdrSecurityLevel": "Poor"},
            "id": vid, "type": "Microsoft.RecoveryServices/vaults", "sku": {"name": "Standard"}}


def vault_ok(name, **kv):
    v = vault_get(name)
    p = v["properties"]
    p["publicNetworkAccess"] = "Disabled"
    p["securitySettings"]["immutabilitySettings"]["state"] = "Locked"
    p["securitySettings"]["softDeleteSettings"].update({"softDeleteState": "AlwaysON", "softDeleteRetentionPeriodInDays": 30})
    return mod(v, **kv)


def bare(v):
    v = copy.deepcopy(v); del v["properties"]; return v


def vt(name, props, api="2025-02-01"):
    """A vault resource of a template (PUTVault.json request shape)."""
    return {"type": RSV, "apiVersion": api, "name": name, "location": "westeurope", "sku": {"name": "Standard"},
            "identity": {"type": "SystemAssigned"}, "properties": props}


def vconfig(vault, state, api="2025-02-01"):
    """The vault's backup configuration child (vaults/backupconfig, vaultconfig)."""
    props = {"enhancedSecurityState": "Enabled"}
    if state is not None: props["softDeleteFeatureState"] = state
    return {"type": RSV + "/backupconfig", "apiVersion": api, "name": f"{vault}/vaultconfig",
            "dependsOn": [f"[resourceId('{RSV}', '{vault}')]"], "properties": props}


def sec(soft=None, days=None, imm=None):
    s = {}
    if soft is not None or days is not None:
        s["softDeleteSettings"] = {}
        if soft is not None: s["softDeleteSettings"]["softDeleteState"] = soft
        if days is not None: s["softDeleteSettings"]["softDeleteRetentionPeriodInDays"] = days
    if imm is not None: s["immutabilitySettings"] = {"state": imm}
    return {"securitySettings": s}


R = 'AZA-RSV-001'
case(R, 'pass', snapshot([vault_ok('rsvok')]), "PASS rsvok ~ softDeleteState is AlwaysON: deleted backup data is kept 30 days")
case(R, 'pass-enabled', snapshot([vault_get('rsvon')]), "PASS rsvon ~ softDeleteState is Enabled: deleted backup data is kept 14 days")
case(R, 'pass-default-retention', snapshot([vault_ok('rsvok', properties__securitySettings__softDeleteSettings__softDeleteRetentionPeriodInDays=DEL)]),
     "PASS rsvok ~ 14 days (the default)")
case(R, 'fail', snapshot([mod(vault_get('rsvbad'), properties__securitySettings__softDeleteSettings__softDeleteState="Disabled")]),
     "FAIL rsvbad ~ softDeleteState is Disabled")
case(R, 'unknown', snapshot([mod(vault_get('rsvodd'), properties__securitySettings__softDeleteSettings__softDeleteState="Invalid")]),
     "UNKNOWN rsvodd ~ unexpected value 'Invalid'")
# Azure returns softDeleteSettings from api-version 2023-04-01.
case(R, 'unknown-absent', snapshot([mod(vault_get('rsvodd'), properties__securitySettings__softDeleteSettings=DEL)]),
     "UNKNOWN rsvodd ~ collected with an older api-version")
case(R, 'unknown-retention', snapshot([mod(vault_get('rsvodd'), properties__securitySettings__softDeleteSettings__softDeleteRetentionPeriodInDays=7)]),
     "UNKNOWN rsvodd ~ outside the 14 to 180 whole days")
case(R, 'unknown-type', snapshot([mod(vault_get('rsvodd'), properties__securitySettings="on")]), "UNKNOWN rsvodd ~ securitySettings is not an object")
case(R, 'unknown-noprops', snapshot([bare(vault_get('rsvbare'))]), "UNKNOWN rsvbare ~ no \"properties\"")
# A new vault has soft delete enabled by default.
case(R, 'pass-template', template([vt('rsvnew', {"publicNetworkAccess": "Enabled"})]), "PASS rsvnew ~ a new vault has soft delete enabled")
case(R, 'pass-template-alwayson', template([vt('rsvnew', sec("AlwaysON", 60))]), "PASS rsvnew ~ kept 60 days, and soft delete can no longer be turned off")
case(R, 'fail-template', template([vt('rsvnew', sec("Disabled"))]), "FAIL rsvnew ~ softDeleteState is Disabled")
case(R, 'fail-template-config', template([vt('rsvnew', {}), vconfig('rsvnew', "Disabled")]),
     "FAIL rsvnew ~ backup configuration 'vaultconfig' sets softDeleteFeatureState Disabled")
case(R, 'pass-template-config', template([vt('rsvnew', {}), vconfig('rsvnew', "Enabled")]),
     "PASS rsvnew ~ its backup configuration 'vaultconfig' sets softDeleteFeatureState Enabled")
case(R, 'unknown-template-config', template([vt('rsvnew', {}), vconfig('rsvnew', "[parameters('softDelete')]")], {"softDelete": {"type": "string"}}),
     "UNKNOWN rsvnew ~ cannot be read here")
case(R, 'unknown-template-config-invalid', template([vt('rsvnew', {}), vconfig('rsvnew', "Invalid")]),
     "UNKNOWN rsvnew ~ unexpected softDeleteFeatureState 'Invalid'")
case(R, 'unknown-template-config-unset', template([vt('rsvnew', {}), vconfig('rsvnew', None)]), "UNKNOWN rsvnew ~ does not set softDeleteFeatureState")
# softDeleteSettings is first in the stable api-version 2023-04-01: the default still applies.
case(R, 'pass-template-old-api', template([vt('rsvold', sec("AlwaysON", 30), api="2023-02-01")]),
     "PASS rsvold ~ predates the property (first in the stable api-version 2023-04-01)")
case(R, 'unknown-template-param', template([vt('rsvnew', sec("[parameters('state')]"))], {"state": {"type": "string"}}),
     "UNKNOWN rsvnew ~ softDeleteState is only known at deployment")

R = 'AZA-RSV-002'
case(R, 'pass', snapshot([vault_ok('rsvok')]), "PASS rsvok ~ immutabilitySettings.state is Locked")
case(R, 'fail', snapshot([vault_get('rsvbad')]), "FAIL rsvbad ~ immutabilitySettings.state is Disabled")
case(R, 'fail-unlocked', snapshot([vault_ok('rsvbad', properties__securitySettings__immutabilitySettings__state="Unlocked")]),
     "FAIL rsvbad ~ Unlocked: immutability is on but reversible")
case(R, 'fail-absent', snapshot([vault_ok('rsvbad', properties__securitySettings__immutabilitySettings=DEL)]),
     "FAIL rsvbad ~ not reported (immutability is off unless enabled)")
case(R, 'unknown', snapshot([vault_ok('rsvodd', properties__securitySettings__immutabilitySettings__state="Enabled")]),
     "UNKNOWN rsvodd ~ unexpected value 'Enabled'")
case(R, 'unknown-type', snapshot([vault_ok('rsvodd', properties__securitySettings__immutabilitySettings="Locked")]),
     "UNKNOWN rsvodd ~ immutabilitySettings is not an object")
case(R, 'pass-template', template([vt('rsvnew', sec(imm="Locked"))]), "PASS rsvnew ~ Locked")
case(R, 'fail-template', template([vt('rsvnew', {})]), "FAIL rsvnew ~ not set (immutability is off unless enabled)")
# immutabilitySettings is first in the stable api-version 2022-08-01.
case(R, 'unknown-template-old-api', template([vt('rsvold', sec(imm="Locked"), api="2022-05-01")]), "UNKNOWN rsvold ~ predates the property")
case(R, 'unknown-template-api-param', template([vt('rsvnew', sec(imm="Locked"), api="[parameters('apiVersion')]")], {"apiVersion": {"type": "string"}}),
     "UNKNOWN rsvnew ~ only known at deployment")

R = 'AZA-RSV-003'
case(R, 'pass', snapshot([vault_ok('rsvok')]), "PASS rsvok ~ publicNetworkAccess is Disabled")
# An approved private endpoint does not close the public endpoint.
case(R, 'fail', snapshot([vault_get('rsvbad')]), "FAIL rsvbad ~ publicNetworkAccess is Enabled")
case(R, 'fail-absent', snapshot([vault_ok('rsvbad', properties__publicNetworkAccess=DEL)]), "FAIL rsvbad ~ defaults to Enabled")
case(R, 'unknown', snapshot([vault_ok('rsvodd', properties__publicNetworkAccess="Deny")]), "UNKNOWN rsvodd ~ unexpected value 'Deny'")
case(R, 'unknown-type', snapshot([vault_ok('rsvodd', properties__publicNetworkAccess=False)]), "UNKNOWN rsvodd ~ not a string")
case(R, 'pass-template', template([vt('rsvnew', {"publicNetworkAccess": "Disabled"})]), "PASS rsvnew")
case(R, 'fail-template', template([vt('rsvnew', {})]), "FAIL rsvnew ~ defaults to Enabled")
# publicNetworkAccess is first in the stable api-version 2022-10-01.
case(R, 'unknown-template-old-api', template([vt('rsvold', {"publicNetworkAccess": "Disabled"}, api="2022-09-10")]),
     "UNKNOWN rsvold ~ predates the property")
case(R, 'unknown-template-param', template([vt('rsvnew', {"publicNetworkAccess": "[parameters('pna')]"})], {"pna": {"type": "string"}}),
     "UNKNOWN rsvnew ~ only known at deployment")

R = 'AZA-RSV-004'
# PUTVault_WithCMK.json (2025-02-01): a key URI, a user-assigned key identity, infrastructure encryption.
KEY = "https://cmk2xkv.vault.azure.net/keys/Key1/0767b348bb1a4c07baa6c4ec0055d2b3"
UAI = rid('defaultrg', 'Microsoft.ManagedIdentity', 'userAssignedIdentities', 'examplemsi')
CMK = {"keyVaultProperties": {"keyUri": KEY}, "kekIdentity": {"userAssignedIdentity": UAI, "useSystemAssignedIdentity": False},
       "infrastructureEncryption": "Enabled"}
case(R, 'pass', snapshot([vault_ok('rsvok', properties__encryption=CMK)]), f"PASS rsvok ~ customer-managed key {KEY} and a second, infrastructure layer")
case(R, 'pass-single', snapshot([vault_ok('rsvok', properties__encryption={"keyVaultProperties": {"keyUri": KEY},
                                                                          "kekIdentity": {"useSystemAssignedIdentity": True}})]),
     f"PASS rsvok ~ customer-managed key {KEY}")
case(R, 'fail', snapshot([vault_get('rsvbad')]), "FAIL rsvbad ~ keyUri not set: backup data is encrypted with platform-managed keys")
case(R, 'fail-empty', snapshot([vault_ok('rsvbad', properties__encryption={"keyVaultProperties": {"keyUri": ""}})]), "FAIL rsvbad ~ keyUri is empty")
case(R, 'unknown', snapshot([vault_ok('rsvodd', properties__encryption={"keyVaultProperties": {"keyUri": 42}})]), "UNKNOWN rsvodd ~ keyUri is not a string")
case(R, 'unknown-type', snapshot([vault_ok('rsvodd', properties__encryption="cmk")]), "UNKNOWN rsvodd ~ encryption is not an object")
case(R, 'pass-template', template([vt('rsvnew', {"encryption": CMK})]), "PASS rsvnew ~ customer-managed key")
case(R, 'fail-template', template([vt('rsvnew', {})]), "FAIL rsvnew ~ platform-managed keys")
case(R, 'unknown-template-param', template([vt('rsvnew', {"encryption": {"keyVaultProperties": {"keyUri": "[parameters('keyUri')]"}}})],
                                           {"keyUri": {"type": "string"}}),
     "UNKNOWN rsvnew ~ keyUri is only known at deployment")
# encryption is first in the stable api-version 2020-02-02.
case(R, 'unknown-template-old-api', template([vt('rsvold', {"encryption": CMK}, api="2016-06-01")]), "UNKNOWN rsvold ~ predates the property")
