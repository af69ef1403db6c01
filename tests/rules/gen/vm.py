import sys; import os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *
import json
VM = 'Microsoft.Compute/virtualMachines'
DISK = 'Microsoft.Compute/disks'
EXT = VM + '/extensions'
RG = 'rg-compute'
def did(name): return rid(RG, 'Microsoft.Compute', 'disks', name)
def vmid(name): return rid(RG, 'Microsoft.Compute', 'virtualMachines', name)
DES = rid(RG, 'Microsoft.Compute', 'diskEncryptionSets', 'des-prod')

# Shaped on VirtualMachine_Get.json / VirtualMachine_Create_WithEncryptionAtHost.json (2024-07-01).
def vm(name, linux=False, **kv):
    osp = {"computerName": name, "adminUsername": "azureuser", "secrets": []}
    if linux:
        osp["linuxConfiguration"] = {"disablePasswordAuthentication": True, "provisionVMAgent": True,
                                     "patchSettings": {"patchMode": "AutomaticByPlatform", "assessmentMode": "AutomaticByPlatform"}}
    else:
        osp["windowsConfiguration"] = {"provisionVMAgent": True, "enableAutomaticUpdates": True,
                                       "patchSettings": {"patchMode": "AutomaticByPlatform", "assessmentMode": "AutomaticByPlatform"}}
    v = {"name": name, "id": vmid(name), "type": VM, "location": "westeurope", "tags": {"env": "prod"},
         "properties": {"vmId": "0f47b100-583c-48e3-a4c0-aefc2c9bbcc1", "hardwareProfile": {"vmSize": "Standard_DS3_v2"},
           "storageProfile": {
             "imageReference": {"publisher": "MicrosoftWindowsServer", "offer": "WindowsServer", "sku": "2022-datacenter-azure-edition", "version": "latest"},
             "osDisk": {"osType": "Linux" if linux else "Windows", "name": name + "-os", "createOption": "FromImage", "caching": "ReadWrite",
                        "managedDisk": {"storageAccountType": "Premium_LRS", "id": did(name + "-os")}, "diskSizeGB": 30},
             "dataDisks": [{"lun": 0, "name": name + "-data0", "createOption": "Empty", "caching": "ReadWrite",
                            "managedDisk": {"storageAccountType": "Premium_LRS", "id": did(name + "-data0")}, "diskSizeGB": 30}]},
           "osProfile": osp,
           "securityProfile": {"encryptionAtHost": True, "securityType": "TrustedLaunch", "uefiSettings": {"secureBootEnabled": True, "vTpmEnabled": True}},
           "networkProfile": {"networkInterfaces": [{"id": rid(RG, 'Microsoft.Network', 'networkInterfaces', name + '-nic')}]},
           "diagnosticsProfile": {"bootDiagnostics": {"enabled": True}},
           "provisioningState": "Succeeded", "timeCreated": "2025-06-27T01:02:38.3138469+00:00"}}
    return mod(v, **kv)
def bare_vm(name):
    v = vm(name); del v["properties"]; return v

# Shaped on Disk_Get.json / Disk_ListBySubscription.json (2024-03-02).
def disk(name, attached_to=None, cmk=False, ade=False, **kv):
    d = {"id": did(name), "name": name, "type": DISK, "location": "westeurope", "sku": {"name": "Premium_LRS"},
         "tags": {"department": "Development"},
         "properties": {"osType": "Windows", "hyperVGeneration": "V2", "creationData": {"createOption": "Empty"}, "diskSizeGB": 30,
            "encryption": {"type": "EncryptionAtRestWithCustomerKey", "diskEncryptionSetId": DES} if cmk else {"type": "EncryptionAtRestWithPlatformKey"},
            "networkAccessPolicy": "DenyAll", "publicNetworkAccess": "Disabled",
            "timeCreated": "2025-01-28T04:41:35.079872+00:00", "provisioningState": "Succeeded"}}
    if ade:
        d["properties"]["encryptionSettingsCollection"] = {"enabled": True, "encryptionSettings": [{
            "diskEncryptionKey": {"sourceVault": {"id": rid(RG, 'Microsoft.KeyVault', 'vaults', 'kv-ade')}, "secretUrl": "https://kv-ade.vault.azure.net/secrets/ade/1"},
            "keyEncryptionKey": {"sourceVault": {"id": rid(RG, 'Microsoft.KeyVault', 'vaults', 'kv-ade')}, "keyUrl": "https://kv-ade.vault.azure.net/keys/kek/1"}}]}
    if attached_to:
        d["managedBy"] = vmid(attached_to)
    return mod(d, **kv)
def bare_disk(name):
    d = disk(name); del d["properties"]; return d

def ext(vmname, name, publisher, typ, state="Succeeded"):
    return {"name": name, "type": EXT, "id": vmid(vmname) + "/extensions/" + name, "location": "westeurope",
            "properties": {"autoUpgradeMinorVersion": True, "provisioningState": state, "publisher": publisher, "type": typ,
                           "typeHandlerVersion": "1.0", "settings": {}}}
def assess(vmname, key, display, code, cause=None):
    st = {"code": code}
    if cause: st["cause"] = cause
    return {"id": vmid(vmname) + "/providers/Microsoft.Security/assessments/" + key, "name": key, "type": "Microsoft.Security/assessments",
            "properties": {"resourceDetails": {"source": "Azure", "id": vmid(vmname)}, "displayName": display, "status": st}}

NOPROPS = "UNKNOWN {} ~ no \"properties\""

# AZA-VM-001 disk encryption beyond platform default
R = 'AZA-VM-001'
nohost = {'properties__securityProfile__encryptionAtHost': False}
case(R, 'pass', snapshot([vm('vmhost'),
                          vm('vmcmk', **nohost), disk('vmcmk-os', 'vmcmk', cmk=True), disk('vmcmk-data0', 'vmcmk', cmk=True),
                          vm('vmade', **nohost), disk('vmade-os', 'vmade', ade=True), disk('vmade-data0', 'vmade', ade=True)]),
     "PASS vmhost ~ encryptionAtHost is true\nPASS vmcmk ~ EncryptionAtRestWithCustomerKey\nPASS vmade ~ Azure Disk Encryption")
v = vm('vmdes', **nohost)
for ref in [v['properties']['storageProfile']['osDisk']] + v['properties']['storageProfile']['dataDisks']:
    ref['managedDisk']['diskEncryptionSet'] = {"id": DES}
case(R, 'pass-des-reference', snapshot([v]), "PASS vmdes ~ disk encryption set des-prod")
case(R, 'fail', snapshot([vm('vmplat', **nohost), disk('vmplat-os', 'vmplat'), disk('vmplat-data0', 'vmplat', cmk=True)]),
     "FAIL vmplat ~ OS disk 'vmplat-os' (platform-managed key only)")
case(R, 'unknown', snapshot([vm('vmunk', **nohost)]), "UNKNOWN vmunk ~ disk resource not in the input")
case(R, 'unknown-noprops', snapshot([bare_vm('vmbare')]), NOPROPS.format('vmbare'))

# AZA-VM-002 attached disks use CMK
R = 'AZA-VM-002'
case(R, 'pass', snapshot([disk('dcmk', 'vm1', cmk=True), disk('dfree', None)]), "PASS dcmk ~ des-prod\nNOT_APPLICABLE dfree ~ AZA-VM-003")
case(R, 'fail', snapshot([disk('dplat', 'vm1'), disk('dnoenc', 'vm1', properties__encryption=DEL)]),
     "FAIL dplat ~ EncryptionAtRestWithPlatformKey\nFAIL dnoenc ~ not set")
case(R, 'unknown', snapshot([disk('dodd', 'vm1', properties__encryption__type='EncryptionAtRestWithMagic'), disk('dmb', None, managedBy=5)]),
     "UNKNOWN dodd ~ not a known value\nUNKNOWN dmb ~ managedBy is not a string")
case(R, 'unknown-noprops', snapshot([bare_disk('dbare')]), NOPROPS.format('dbare'))

# AZA-VM-003 unattached disks
R = 'AZA-VM-003'
case(R, 'pass', snapshot([disk('ucmk', None, cmk=True), disk('uade', None, ade=True), disk('att', 'vm1')]),
     "PASS ucmk ~ EncryptionAtRestWithCustomerKey\nPASS uade ~ Azure Disk Encryption\nNOT_APPLICABLE att ~ attached to vm1")
case(R, 'fail', snapshot([disk('uplat', None), disk('ustate', 'vm1', properties__diskState='Unattached')]),
     "FAIL uplat ~ platform-managed key only\nFAIL ustate ~ diskState is Unattached")
case(R, 'pass-reserved', snapshot([disk('resv', None, properties__diskState='Reserved')]), "NOT_APPLICABLE resv ~ Reserved")
case(R, 'unknown', snapshot([disk('uodd', None, properties__encryption__type=7)]), "UNKNOWN uodd ~ not a known value")
case(R, 'unknown-noprops', snapshot([bare_disk('ubare')]), NOPROPS.format('ubare'))

# AZA-VM-004 approved extensions
R = 'AZA-VM-004'
ds = [VM, EXT]
cfg = {"approved_extensions": ["Microsoft.Azure.Security.IaaSAntimalware", "Microsoft.Azure.AzureDefenderForServers.*"]}
def cfgfile(rule, name, c):
    open(os.path.join(ROOT, rule, name + '.config.json'), 'w').write(json.dumps(c) + "\n")
case(R, 'pass', snapshot([vm('vmok'), ext('vmok', 'IaaSAntiMalware-ext0', 'Microsoft.Azure.Security', 'IaaSAntimalware'),
                          ext('vmok', 'MDE.Windows', 'Microsoft.Azure.AzureDefenderForServers', 'MDE.Windows'), vm('vmnone')], datasets=ds),
     "PASS vmok ~ 2 installed extensions are approved\nPASS vmnone ~ no extension")
cfgfile(R, 'pass', cfg)
case(R, 'fail', snapshot([vm('vmbad'), ext('vmbad', 'CustomScriptExtension-DSC', 'Microsoft.Compute', 'CustomScriptExtension'),
                          ext('vmbad', 'IaaSAntiMalware-ext0', 'Microsoft.Azure.Security', 'IaaSAntimalware')], datasets=ds),
     "FAIL vmbad ~ Microsoft.Compute.CustomScriptExtension ('CustomScriptExtension-DSC')")
cfgfile(R, 'fail', cfg)
# embedded resources, as VirtualMachine_Get.json returns them
ve = vm('vmemb'); ve["resources"] = [ext('vmemb', 'CustomScriptExtension-DSC', 'Microsoft.Compute', 'CustomScriptExtension')]
case(R, 'fail-embedded', snapshot([ve]), "FAIL vmemb ~ CustomScriptExtension")
cfgfile(R, 'fail-embedded', cfg)
case(R, 'manual', snapshot([vm('vmlist'), ext('vmlist', 'CustomScriptExtension-DSC', 'Microsoft.Compute', 'CustomScriptExtension')], datasets=ds),
     "MANUAL vmlist ~ Microsoft.Compute.CustomScriptExtension")
case(R, 'unknown', snapshot([vm('vmunk')], datasets=[VM]), "UNKNOWN vmunk ~ not collected")
cfgfile(R, 'unknown', cfg)
case(R, 'unknown-error', snapshot([vm('vmerr')], errors=[{"scope": vmid('vmerr'), "type": EXT, "api": "GET extensions", "status": 403, "message": "AuthorizationFailed"}]),
     "UNKNOWN vmerr ~ HTTP 403")

# AZA-VM-005 OS patches (instanceView shaped on VirtualMachine_Get_InstanceView.json)
R = 'AZA-VM-005'
def iv(count, status="Succeeded", when="2026-10-30T21:02:04.2556154Z"):
    return {"computerName": "vm", "osName": "Windows Server 2022 Datacenter",
            "patchStatus": {"availablePatchSummary": {"status": status, "assessmentActivityId": "68f8b292-dfc2-4646-9781-33cc88631968",
                "rebootPending": False, "criticalAndSecurityPatchCount": count, "otherPatchCount": 2,
                "startTime": when, "lastModifiedTime": when, "error": None}},
            "statuses": [{"code": "PowerState/running", "level": "Info", "displayStatus": "VM running"}]}
SYSUPD = "System updates should be installed on your machines (powered by Azure Update Manager)"
case(R, 'pass', snapshot([vm('vmpatched', properties__instanceView=iv(0)), vm('vmdef'), assess('vmdef', 'e1145ab1-eb4f-43d8-911b-36ddf771d13f', SYSUPD, 'Healthy')]),
     "PASS vmpatched ~ no critical or security update missing\nPASS vmdef ~ Healthy")
case(R, 'fail', snapshot([vm('vmmiss', properties__instanceView=iv(1)), vm('vmdef'), assess('vmdef', 'e1145ab1-eb4f-43d8-911b-36ddf771d13f', SYSUPD, 'Unhealthy')]),
     "FAIL vmmiss ~ 1 critical or security update is missing\nFAIL vmdef ~ Unhealthy")
case(R, 'unknown', snapshot([vm('vmnone')]), "UNKNOWN vmnone ~ not collected")
case(R, 'unknown-stale', snapshot([vm('vmold', properties__instanceView=iv(0, when="2020-04-24T21:02:04.2556154Z")),
                                   vm('vmoldmiss', properties__instanceView=iv(2, when="2020-04-24T21:02:04.2556154Z")),
                                   vm('vmfailed', properties__instanceView=iv(0, status="Failed"))]),
     "UNKNOWN vmold ~ days old\nUNKNOWN vmoldmiss ~ 2 critical or security updates missing then\nUNKNOWN vmfailed ~ status Failed")
case(R, 'unknown-noprops', snapshot([bare_vm('vmbare')]), NOPROPS.format('vmbare'))
# A Healthy "periodically check for missing system updates" assessment says
# nothing about missing updates; an Unhealthy one among several wins.
PERIODIC = "Machines should be configured to periodically check for missing system updates"
case(R, 'unknown-periodic-only', snapshot([vm('vmper'), assess('vmper', '90386950-71ca-4357-a12e-486d1679427c', PERIODIC, 'Healthy')], datasets=[VM, 'Microsoft.Security/assessments']),
     "UNKNOWN vmper ~ no system-update assessment")
case(R, 'fail-mixed', snapshot([vm('vmmix'), assess('vmmix', '90386950-71ca-4357-a12e-486d1679427c', PERIODIC, 'Healthy'),
                                assess('vmmix', '4ab6e3c5-74dd-8b35-9ab9-f61b30875b27', "System updates should be installed on your machines", 'Healthy'),
                                assess('vmmix', 'e1145ab1-eb4f-43d8-911b-36ddf771d13f', SYSUPD, 'Unhealthy')]),
     "FAIL vmmix ~ Unhealthy")

# AZA-VM-006 endpoint protection
R = 'AZA-VM-006'
ivx = {"extensions": [{"name": "IaaSAntiMalware-ext0", "type": "Microsoft.Azure.Security.IaaSAntimalware", "typeHandlerVersion": "1.5.5.9",
        "statuses": [{"code": "ProvisioningState/succeeded", "level": "Info", "displayStatus": "Provisioning succeeded", "message": "Microsoft Antimalware enabled"}]}]}
case(R, 'pass', snapshot([vm('vmmde'), ext('vmmde', 'MDE.Windows', 'Microsoft.Azure.AzureDefenderForServers', 'MDE.Windows'),
                          vm('vmiv', properties__instanceView=ivx)], datasets=ds),
     "PASS vmmde ~ MDE.Windows\nPASS vmiv ~ Microsoft.Azure.Security.IaaSAntimalware")
case(R, 'fail', snapshot([vm('vmnoav'), ext('vmnoav', 'CustomScriptExtension-DSC', 'Microsoft.Compute', 'CustomScriptExtension'),
                          vm('vmbroken'), ext('vmbroken', 'MDE.Linux', 'Microsoft.Azure.AzureDefenderForServers', 'MDE.Linux', state='Failed')], datasets=ds),
     "FAIL vmnoav ~ installed: Microsoft.Compute.CustomScriptExtension\nFAIL vmbroken ~ Failed")
case(R, 'unknown', snapshot([vm('vmunk')], datasets=[VM]), "UNKNOWN vmunk ~ not collected")
case(R, 'unknown-noprops', snapshot([bare_vm('vmbare')]), NOPROPS.format('vmbare'))
# Installed is not running: antimalware switched off in its settings, or
# Defender reporting the solution unhealthy.
amoff = ext('vmamoff', 'IaaSAntimalware', 'Microsoft.Azure.Security', 'IaaSAntimalware')
amoff['properties']['settings'] = {"AntimalwareEnabled": "false", "RealtimeProtectionEnabled": "true", "ScheduledScanSettings": {"isEnabled": "false"}}
ephealth = "Endpoint protection health issues should be resolved on your machines"
case(R, 'fail-installed-not-running', snapshot([vm('vmamoff'), amoff,
                                                vm('vmsick'), ext('vmsick', 'MDE.Windows', 'Microsoft.Azure.AzureDefenderForServers', 'MDE.Windows'),
                                                assess('vmsick', '3bcd234d-c9c7-c2a2-89e0-c01f419c1a8a', ephealth, 'Unhealthy')], datasets=ds),
     "FAIL vmamoff ~ AntimalwareEnabled false\nFAIL vmsick ~ Unhealthy")

# AZA-VM-007 managed disks
R = 'AZA-VM-007'
case(R, 'pass', snapshot([vm('vmmd')]), "PASS vmmd ~ all 2 disks are managed")
v = vm('vmvhd'); os_ = v['properties']['storageProfile']['osDisk']; del os_['managedDisk']; os_['vhd'] = {"uri": "https://stgvhds.blob.core.windows.net/vhds/vmvhd-os.vhd"}
case(R, 'fail', snapshot([v]), "FAIL vmvhd ~ OS disk 'vmvhd-os'")
v = vm('vmodd'); del v['properties']['storageProfile']['dataDisks'][0]['managedDisk']
case(R, 'unknown', snapshot([v, vm('vmnosp', properties__storageProfile=DEL)]), "UNKNOWN vmodd ~ neither managedDisk nor vhd\nUNKNOWN vmnosp ~ osDisk is absent")
# An export that writes "managedDisk": null beside the VHD is still unmanaged.
v = vm('vmnullmd'); os_ = v['properties']['storageProfile']['osDisk']; os_['managedDisk'] = None; os_['vhd'] = {"uri": "https://stgvhds.blob.core.windows.net/vhds/vmnullmd-os.vhd"}
case(R, 'fail-null-managed', snapshot([v]), "FAIL vmnullmd ~ OS disk 'vmnullmd-os'")
# managedDisk and vhd together (Azure rejects it; seen in templates): the VHD is not managed.
v = vm('vmboth'); v['properties']['storageProfile']['osDisk']['vhd'] = {"uri": "https://stgvhds.blob.core.windows.net/vhds/vmboth-os.vhd"}
case(R, 'fail-both', snapshot([v]), "FAIL vmboth ~ OS disk 'vmboth-os'")

# AZA-VM-008 encryption at host
R = 'AZA-VM-008'
case(R, 'pass', snapshot([vm('vmhost')]), "PASS vmhost")
case(R, 'fail', snapshot([vm('vmoff', **nohost), vm('vmabsent', properties__securityProfile=DEL)]), "FAIL vmoff ~ is false\nFAIL vmabsent ~ not set")
case(R, 'unknown', snapshot([vm('vmodd', properties__securityProfile__encryptionAtHost="sometimes")]), "UNKNOWN vmodd ~ not a boolean")
case(R, 'unknown-noprops', snapshot([bare_vm('vmbare')]), NOPROPS.format('vmbare'))

# AZA-VM-009 trusted launch
R = 'AZA-VM-009'
case(R, 'pass', snapshot([vm('vmtl')]), "PASS vmtl ~ TrustedLaunch")
case(R, 'fail', snapshot([vm('vmstd', properties__securityProfile={"encryptionAtHost": True}),
                          vm('vmnosb', properties__securityProfile__uefiSettings__secureBootEnabled=False)]),
     "FAIL vmstd ~ not set (Standard)\nFAIL vmnosb ~ secure boot disabled")
case(R, 'unknown', snapshot([vm('vmodd', properties__securityProfile__securityType='Quantum')]), "UNKNOWN vmodd ~ unknown value")
case(R, 'unknown-noprops', snapshot([bare_vm('vmbare')]), NOPROPS.format('vmbare'))

# AZA-VM-010 automatic OS updates
R = 'AZA-VM-010'
case(R, 'pass', snapshot([vm('vmwin'), vm('vmlin', linux=True),
                          vm('vmold', properties__osProfile__windowsConfiguration={"provisionVMAgent": True, "enableAutomaticUpdates": True})]),
     "PASS vmwin ~ AutomaticByPlatform\nPASS vmlin ~ AutomaticByPlatform\nPASS vmold ~ AutomaticByOS")
case(R, 'fail', snapshot([vm('vmman', properties__osProfile__windowsConfiguration={"provisionVMAgent": True, "enableAutomaticUpdates": False}),
                          vm('vmimg', linux=True, properties__osProfile__linuxConfiguration__patchSettings=DEL)]),
     "FAIL vmman ~ enableAutomaticUpdates is false\nFAIL vmimg ~ ImageDefault")
case(R, 'unknown', snapshot([vm('vmspec', properties__osProfile=DEL)]), "UNKNOWN vmspec ~ no osProfile")
case(R, 'unknown-noprops', snapshot([bare_vm('vmbare')]), NOPROPS.format('vmbare'))

# AZA-VM-011 Linux SSH keys only
R = 'AZA-VM-011'
case(R, 'pass', snapshot([vm('vmlin', linux=True), vm('vmwin')]), "PASS vmlin ~ SSH keys only\nNOT_APPLICABLE vmwin")
case(R, 'fail', snapshot([vm('vmpw', linux=True, properties__osProfile__linuxConfiguration__disablePasswordAuthentication=False)]), "FAIL vmpw ~ password")
case(R, 'unknown', snapshot([vm('vmabs', linux=True, properties__osProfile__linuxConfiguration__disablePasswordAuthentication=DEL)]), "UNKNOWN vmabs ~ absent")
case(R, 'unknown-noprops', snapshot([bare_vm('vmbare')]), NOPROPS.format('vmbare'))

# AZA-VM-012 disk export network policy
R = 'AZA-VM-012'
case(R, 'pass', snapshot([disk('dprivate', 'vm1', properties__networkAccessPolicy='AllowPrivate', properties__publicNetworkAccess='Enabled'), disk('ddeny', 'vm1')]),
     "PASS dprivate ~ AllowPrivate\nPASS ddeny ~ DenyAll")
case(R, 'fail', snapshot([disk('dopen', None, properties__networkAccessPolicy='AllowAll', properties__publicNetworkAccess='Enabled'),
                          disk('ddefault', None, properties__networkAccessPolicy=DEL, properties__publicNetworkAccess=DEL)]),
     "FAIL dopen ~ AllowAll\nFAIL ddefault ~ not set (AllowAll)")
case(R, 'unknown', snapshot([disk('dodd', None, properties__networkAccessPolicy=['AllowAll'])]), "UNKNOWN dodd ~ not a string")
case(R, 'unknown-noprops', snapshot([bare_disk('dbare')]), NOPROPS.format('dbare'))

# ---- wrong verdicts found in review ----
# AZA-VM-001: an Azure Disk Encryption extension is evidence only once it
# succeeded, from its real publisher, with settings of the right shape.
def adevm(name, state='Succeeded', settings=None, publisher='Microsoft.Azure.Security'):
    v = vm(name, **nohost)
    x = ext(name, 'AzureDiskEncryption', publisher, 'AzureDiskEncryption', state=state)
    if settings is not None: x['properties']['settings'] = settings
    v['resources'] = [x]
    return v
case('AZA-VM-001', 'unknown-ade-not-evidence',
     snapshot([adevm('vmadedel', state='Deleting'), adevm('vmadestr', settings='{"VolumeType": "OS"}'),
               adevm('vmadeop', settings={"EncryptionOperation": ["DisableEncryption"]}), adevm('vmadepub', publisher='Contoso.Tools')]),
     "UNKNOWN vmadedel ~ provisioningState Deleting\nUNKNOWN vmadestr ~ settings that are not an object\n"
     "UNKNOWN vmadeop ~ EncryptionOperation that is not a string\nUNKNOWN vmadepub ~ disk resource not in the input")

# AZA-VM-002 / 003: a diskState of the wrong type is not "no diskState".
case('AZA-VM-002', 'unknown-diskstate-type', snapshot([disk('dst', 'vm1', properties__diskState=['Attached'])]),
     "UNKNOWN dst ~ diskState is not a string")
case('AZA-VM-003', 'unknown-diskstate-type', snapshot([disk('dst', None, properties__diskState=5)]),
     "UNKNOWN dst ~ diskState is not a string")

# AZA-VM-004: an extension whose type cannot be read cannot be approved.
e1 = ext('vmnotype', 'Mystery', 'Contoso.Tools', 'Backdoor'); del e1['properties']['type']
e2 = ext('vmnoprops', 'Mystery', 'Contoso.Tools', 'Backdoor'); del e2['properties']
case('AZA-VM-004', 'unknown-untyped', snapshot([vm('vmnotype'), e1, vm('vmnoprops'), e2], datasets=ds),
     "UNKNOWN vmnotype ~ no readable publisher and type (first: 'Mystery')\nUNKNOWN vmnoprops ~ no readable publisher and type")
cfgfile('AZA-VM-004', 'unknown-untyped', cfg)

# AZA-VM-006: an endpoint protection type from another publisher is no
# evidence; a handler still being created or deleted is not yet (or no
# longer) protection; an extension without a type may be one.
e3 = ext('vmeptyp', 'MDE.Windows', 'Microsoft.Azure.AzureDefenderForServers', 'MDE.Windows'); del e3['properties']
case('AZA-VM-006', 'unknown-not-evidence',
     snapshot([vm('vmepdel'), ext('vmepdel', 'MDE.Windows', 'Microsoft.Azure.AzureDefenderForServers', 'MDE.Windows', state='Deleting'),
               vm('vmeptyp'), e3], datasets=ds),
     "UNKNOWN vmepdel ~ provisioningState is Deleting\nUNKNOWN vmeptyp ~ no readable type")
case('AZA-VM-006', 'fail-other-publisher',
     snapshot([vm('vmfake'), ext('vmfake', 'av', 'Contoso.Tools', 'IaaSAntimalware')], datasets=ds),
     "FAIL vmfake ~ installed: Contoso.Tools.IaaSAntimalware")

# AZA-VM-007: "vhd": null beside no managedDisk is not a VHD.
v = vm('vmvhdnull'); os_ = v['properties']['storageProfile']['osDisk']; del os_['managedDisk']; os_['vhd'] = None
case('AZA-VM-007', 'unknown-vhd-null', snapshot([v]), "UNKNOWN vmvhdnull ~ neither managedDisk nor vhd")

# AZA-VM-009: uefiSettings of the wrong type.
case('AZA-VM-009', 'unknown-uefi-type', snapshot([vm('vmsbodd', properties__securityProfile__uefiSettings__secureBootEnabled="yes")]),
     "UNKNOWN vmsbodd ~ secureBootEnabled is not a boolean")

# AZA-VM-010 / 011: OS signals that disagree, and patchMode of the wrong type.
conf = [vm('vmboth', linux=True, properties__osProfile__linuxConfiguration__disablePasswordAuthentication=False,
           properties__osProfile__windowsConfiguration={"provisionVMAgent": True, "enableAutomaticUpdates": True}),
        vm('vmostype', properties__storageProfile__osDisk__osType='Linux')]
case('AZA-VM-010', 'unknown-os-conflict', snapshot(conf + [
        vm('vmpmwin', properties__osProfile__windowsConfiguration__patchSettings__patchMode=5),
        vm('vmpmlin', linux=True, properties__osProfile__linuxConfiguration__patchSettings__patchMode=5)]),
     "UNKNOWN vmboth ~ both windowsConfiguration and linuxConfiguration\nUNKNOWN vmostype ~ osDisk.osType is Linux\n"
     "UNKNOWN vmpmwin ~ patchMode is not a string\nUNKNOWN vmpmlin ~ patchMode is not a string")
case('AZA-VM-011', 'unknown-os-conflict', snapshot(conf),
     "UNKNOWN vmboth ~ both windowsConfiguration and linuxConfiguration\nUNKNOWN vmostype ~ osDisk.osType is Linux")

# AZA-VM-012: publicNetworkAccess of the wrong type is not "not set".
case('AZA-VM-012', 'unknown-pna-type', snapshot([disk('dpna', None, properties__networkAccessPolicy='AllowAll', properties__publicNetworkAccess=False)]),
     "UNKNOWN dpna ~ publicNetworkAccess is not a string")

# Templates: a disk has no diskState or managedBy before deployment; it is
# attached when a VM of the same template names it, else unattached.
def disk_vm_template():
    disk_t = lambda n: {"type": "Microsoft.Compute/disks", "apiVersion": "2023-04-02", "name": n, "location": "westeurope",
                        "sku": {"name": "Premium_LRS"}, "properties": {"creationData": {"createOption": "Empty"}, "diskSizeGB": 64}}
    vm_t = {"type": "Microsoft.Compute/virtualMachines", "apiVersion": "2023-09-01", "name": "vm-t", "location": "westeurope",
            "dependsOn": ["[resourceId('Microsoft.Compute/disks', 'data-att')]"],
            "properties": {"hardwareProfile": {"vmSize": "Standard_D2s_v5"},
                           "storageProfile": {"imageReference": {"publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest"},
                                              "osDisk": {"createOption": "FromImage", "managedDisk": {"storageAccountType": "Premium_LRS"}},
                                              "dataDisks": [{"lun": 0, "createOption": "Attach", "managedDisk": {"id": "[resourceId('Microsoft.Compute/disks', 'data-att')]"}}]},
                           "osProfile": {"computerName": "vm-t", "adminUsername": "azureuser", "linuxConfiguration": {"disablePasswordAuthentication": True}},
                           "networkProfile": {"networkInterfaces": [{"id": "[resourceId('Microsoft.Network/networkInterfaces', 'nic-t')]"}]}}}
    return {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
            "resources": [disk_t('data-att'), disk_t('data-loose'), vm_t]}
case('AZA-VM-003', 'fail-template', disk_vm_template(), "NOT_APPLICABLE data-att ~ attached to VM vm-t of the template\nFAIL data-loose")
case('AZA-VM-002', 'fail-template', disk_vm_template(), "FAIL data-att\nNOT_APPLICABLE data-loose ~ no VM of the template attaches it")
