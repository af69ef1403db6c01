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
# An empty diskEncryptionSet id (a template's optional parameter left "")
# names no set: the disk resource decides.
v = vm('vmdesempty', **nohost)
for ref in [v['properties']['storageProfile']['osDisk']] + v['properties']['storageProfile']['dataDisks']:
    ref['managedDisk']['diskEncryptionSet'] = {"id": ""}
case(R, 'fail-empty-des', snapshot([v, disk('vmdesempty-os', 'vmdesempty'), disk('vmdesempty-data0', 'vmdesempty')]),
     "FAIL vmdesempty ~ OS disk 'vmdesempty-os' (platform-managed key only), data disk 'vmdesempty-data0' (platform-managed key only)")
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
     "PASS vmok ~ all 2 installed extensions are approved\nPASS vmnone ~ no extension")
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
# Customer Managed Schedules (AutomaticByPlatform with
# bypassPlatformSafetyChecksOnUserSchedule true): the platform patches only on
# an assigned maintenance configuration's schedule, which is not read.
ups = lambda os: {f'properties__osProfile__{os}Configuration__patchSettings__automaticByPlatformSettings':
                  {"rebootSetting": "IfRequired", "bypassPlatformSafetyChecksOnUserSchedule": True}}
case(R, 'unknown-user-schedule', snapshot([vm('vmwinsched', **ups('windows')), vm('vmlinsched', linux=True, **ups('linux')),
                                           vm('vmlinodd', linux=True, properties__osProfile__linuxConfiguration__patchSettings__automaticByPlatformSettings={"bypassPlatformSafetyChecksOnUserSchedule": "yes"})]),
     "UNKNOWN vmwinsched ~ Customer Managed Schedules\nUNKNOWN vmlinsched ~ without one the VM is not patched\n"
     "UNKNOWN vmlinodd ~ bypassPlatformSafetyChecksOnUserSchedule is not a boolean")

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
# A type whose publisher cannot be read is not matched on the type alone:
# '*IaaSAntimalware' approved a Contoso handler of that type (it passed).
# A readable unapproved one still fails.
e4 = ext('vmnopub', 'av', 'Contoso.Tools', 'IaaSAntimalware'); del e4['properties']['publisher']
e5 = ext('vmnopubcse', 'av', 'Contoso.Tools', 'IaaSAntimalware'); del e5['properties']['publisher']
case('AZA-VM-004', 'unknown-no-publisher',
     snapshot([vm('vmnopub'), e4, vm('vmnopubcse'), e5, ext('vmnopubcse', 'CustomScriptExtension-DSC', 'Microsoft.Compute', 'CustomScriptExtension')], datasets=ds),
     "UNKNOWN vmnopub ~ 1 installed extension has no readable publisher (first: type IaaSAntimalware ('av'))\n"
     "FAIL vmnopubcse ~ 1 extension is not on the approved list: Microsoft.Compute.CustomScriptExtension")
cfgfile('AZA-VM-004', 'unknown-no-publisher', {"approved_extensions": ["*IaaSAntimalware", "Microsoft.Azure.AzureDefenderForServers.*"]})

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

# A deployed Windows VM's GET returns windowsConfiguration.enableAutomaticUpdates
# (VirtualMachine_Get.json): without it and without patchMode the input is
# incomplete (it passed on the template default, true).
case('AZA-VM-010', 'unknown-windows-incomplete', snapshot([vm('vmwinnocfg', properties__osProfile__windowsConfiguration=DEL),
                                                           vm('vmwinempty', properties__osProfile__windowsConfiguration={"provisionVMAgent": True})]),
     "UNKNOWN vmwinnocfg ~ no osProfile.windowsConfiguration: a deployed Windows VM's GET returns\n"
     "UNKNOWN vmwinempty ~ windowsConfiguration has neither patchSettings.patchMode nor enableAutomaticUpdates")
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

# ---- extensions of a VM that is not running; ADE without VolumeType ----
# Instance view shaped on VirtualMachine_Get_InstanceView.json (2024-07-01):
# statuses[] holds ProvisioningState/* and PowerState/* codes. Only a running
# VM's guest agent reports extensions, so the list of a deallocated or
# stopped VM is no evidence of absence (an extension it lists still is).
def ivpower(state, extensions=None):
    st = [{"code": "ProvisioningState/succeeded", "level": "Info", "displayStatus": "Provisioning succeeded",
           "time": "2026-10-30T21:30:12.8051917+00:00"}]
    if state: st.append({"code": "PowerState/" + state, "level": "Info", "displayStatus": "VM " + state})
    v = {"computerName": "vm", "osName": "Windows Server 2022 Datacenter", "statuses": st}
    if extensions is not None: v["extensions"] = extensions
    return v
def ivext(name, full, code="ProvisioningState/succeeded"):
    return {"name": name, "type": full, "typeHandlerVersion": "1.0",
            "statuses": [{"code": code, "level": "Info", "displayStatus": "Provisioning succeeded"}]}
IV_AM = ivext('IaaSAntiMalware-ext0', 'Microsoft.Azure.Security.IaaSAntimalware')
IV_CSE = ivext('CustomScriptExtension-DSC', 'Microsoft.Compute.CustomScriptExtension')
IV_MDE = ivext('MDE.Windows', 'Microsoft.Azure.AzureDefenderForServers.MDE.Windows')

R = 'AZA-VM-004'
case(R, 'unknown-instanceview-not-running',
     snapshot([vm('vmdealloc', properties__instanceView=ivpower('deallocated', [])),
               vm('vmstopped', properties__instanceView=ivpower('stopped', [IV_AM])),
               vm('vmnopower', properties__instanceView=ivpower(None, []))], datasets=[VM]),
     "UNKNOWN vmdealloc ~ power state is PowerState/deallocated\n"
     "UNKNOWN vmstopped ~ power state is PowerState/stopped\n"
     "UNKNOWN vmnopower ~ no PowerState status")
cfgfile(R, 'unknown-instanceview-not-running', cfg)
case(R, 'fail-instanceview-stopped',
     snapshot([vm('vmstopcse', properties__instanceView=ivpower('stopped', [IV_AM, IV_CSE]))], datasets=[VM]),
     "FAIL vmstopcse ~ Microsoft.Compute.CustomScriptExtension ('CustomScriptExtension-DSC')")
cfgfile(R, 'fail-instanceview-stopped', cfg)
vemb = vm('vmdeallocemb', properties__instanceView=ivpower('deallocated', []))
vemb["resources"] = [ext('vmdeallocemb', 'MDE.Windows', 'Microsoft.Azure.AzureDefenderForServers', 'MDE.Windows')]
case(R, 'pass-instanceview',
     snapshot([vm('vmrun', properties__instanceView=ivpower('running', [IV_AM])),
               vm('vmrunnone', properties__instanceView=ivpower('running', [])), vemb]),
     "PASS vmrun ~ Microsoft.Azure.Security.IaaSAntimalware\nPASS vmrunnone ~ no extension is installed\n"
     "PASS vmdeallocemb ~ Microsoft.Azure.AzureDefenderForServers.MDE.Windows")
cfgfile(R, 'pass-instanceview', cfg)
case(R, 'pass-deallocated-resources',
     snapshot([vm('vmdres', properties__instanceView=ivpower('deallocated', [])),
               ext('vmdres', 'IaaSAntiMalware-ext0', 'Microsoft.Azure.Security', 'IaaSAntimalware'),
               vm('vmdnone', properties__instanceView=ivpower('deallocated', []))], datasets=ds),
     "PASS vmdres ~ the 1 installed extension is approved\nPASS vmdnone ~ no extension is installed")
cfgfile(R, 'pass-deallocated-resources', cfg)

R = 'AZA-VM-006'
case(R, 'unknown-instanceview-not-running',
     snapshot([vm('vmdealloc', properties__instanceView=ivpower('deallocated', [])),
               vm('vmstopped', properties__instanceView=ivpower('stopped', [IV_CSE])),
               vm('vmnopower', properties__instanceView=ivpower(None, [IV_CSE]))], datasets=[VM]),
     "UNKNOWN vmdealloc ~ power state is PowerState/deallocated\n"
     "UNKNOWN vmstopped ~ power state is PowerState/stopped\n"
     "UNKNOWN vmnopower ~ no PowerState status")
case(R, 'fail-instanceview',
     snapshot([vm('vmrun', properties__instanceView=ivpower('running', [IV_CSE])),
               vm('vmdres', properties__instanceView=ivpower('deallocated', [])),
               ext('vmdres', 'CustomScriptExtension-DSC', 'Microsoft.Compute', 'CustomScriptExtension')], datasets=ds),
     "FAIL vmrun ~ installed: Microsoft.Compute.CustomScriptExtension\nFAIL vmdres ~ installed: Microsoft.Compute.CustomScriptExtension")
case(R, 'pass-instanceview-not-running',
     snapshot([vm('vmstopmde', properties__instanceView=ivpower('stopped', [IV_MDE])),
               vm('vmdres', properties__instanceView=ivpower('deallocated', [])),
               ext('vmdres', 'MDE.Windows', 'Microsoft.Azure.AzureDefenderForServers', 'MDE.Windows')], datasets=[VM]),
     "PASS vmstopmde ~ MDE.Windows\nPASS vmdres ~ MDE.Windows")

# AZA-VM-001: what ADE encrypts when its settings have no VolumeType.
# Windows (AzureDiskEncryption): Set-AzVMDiskEncryptionExtension documents
# that an omitted VolumeType defaults to All, and then sends "VolumeType": "".
# Linux (AzureDiskEncryptionForLinux): VolumeType is required; the handler's
# fatal prechecks reject a missing or empty one, so it encrypts nothing.
# An extension seen only in the instance view shows no settings at all.
def adevm2(name, typ, settings, linux=False):
    v = vm(name, linux=linux, **nohost)
    x = ext(name, typ, 'Microsoft.Azure.Security', typ)
    x['properties']['settings'] = settings
    v['resources'] = [x]
    return v
KV = {"KeyVaultURL": "https://kv-ade.vault.azure.net/", "KeyVaultResourceId": rid(RG, 'Microsoft.KeyVault', 'vaults', 'kv-ade'),
      "EncryptionOperation": "EnableEncryption"}
R = 'AZA-VM-001'
case(R, 'unknown-ade-volumetype',
     snapshot([adevm2('vmlinnovt', 'AzureDiskEncryptionForLinux', dict(KV), linux=True),
               adevm2('vmlinempty', 'AzureDiskEncryptionForLinux', dict(KV, VolumeType=""), linux=True),
               adevm2('vmnosettings', 'AzureDiskEncryption', None),
               vm('vmivade', properties__securityProfile__encryptionAtHost=False,
                  properties__instanceView=ivpower('running', [ivext('AzureDiskEncryption', 'Microsoft.Azure.Security.AzureDiskEncryption')]))]),
     "UNKNOWN vmlinnovt ~ has no VolumeType (the Linux extension requires one and does not default to All)\n"
     "UNKNOWN vmlinempty ~ has an empty VolumeType (the Linux extension requires one and does not default to All)\n"
     "UNKNOWN vmnosettings ~ has no settings in the input\n"
     "UNKNOWN vmivade ~ seen only in the instance view, which does not show its settings")
case(R, 'pass-ade-windows-default',
     snapshot([adevm2('vmwinnovt', 'AzureDiskEncryption', dict(KV)),
               adevm2('vmwinempty', 'AzureDiskEncryption', dict(KV, VolumeType=""))]),
     "PASS vmwinnovt ~ data disk 'vmwinnovt-data0' (Azure Disk Encryption extension, VolumeType not set: All on Windows)\n"
     "PASS vmwinempty ~ data disk 'vmwinempty-data0' (Azure Disk Encryption extension, VolumeType empty: All on Windows)")
# Without an approved list the rule would list "(none installed)" from the
# empty instance view of a deallocated VM.
case('AZA-VM-004', 'unknown-instanceview-manual',
     snapshot([vm('vmdealloc', properties__instanceView=ivpower('deallocated', []))], datasets=[VM]),
     "UNKNOWN vmdealloc ~ power state is PowerState/deallocated")

# ---- AZA-VM-006: which Defender for Cloud assessment is evidence of what ----
# Assessments are matched on their key (the GUID name of
# Microsoft.Security/assessments), never on a display name: several names
# contain "endpoint protection" with different meanings, and display names
# change (ListAssessments_example.json 2021-06-01 shows 21300918-... as
# "Install endpoint protection solution on virtual machine scale sets", the
# recommendations reference as "Endpoint protection should be installed on
# virtual machine scale sets"). Keys and names from the Defender for Cloud
# docs (recommendations reference for compute; "Remediate EDR
# recommendations (MMA)"; the MMA deprecation table; upcoming changes of
# 2022, which gives the preview and GA keys of the health assessment):
#   installed:  4fb67663-9ab9-475d-b026-8c544cced439 Endpoint protection should be installed on your machines
#               83f577bd-a1b6-b7e1-0891-12ca19d1e6df Install endpoint protection solution on virtual machines
#   health:     37a3689a-818e-4a0e-82ac-b1392b9bb000 Endpoint protection health issues should be resolved on your machines (preview)
#               3bcd234d-c9c7-c2a2-89e0-c01f419c1a8a the same name (GA)
# A health assessment reports on a solution already installed: Healthy is
# no proof that one is.
ASSESS = 'Microsoft.Security/assessments'
EP_INST = ('4fb67663-9ab9-475d-b026-8c544cced439', "Endpoint protection should be installed on your machines")
EP_INST_VM = ('83f577bd-a1b6-b7e1-0891-12ca19d1e6df', "Install endpoint protection solution on virtual machines")
EP_HEALTH = ('37a3689a-818e-4a0e-82ac-b1392b9bb000', "Endpoint protection health issues should be resolved on your machines")
EP_HEALTH_GA = ('3bcd234d-c9c7-c2a2-89e0-c01f419c1a8a', "Endpoint protection health issues should be resolved on your machines")
def epa(vmname, which, code): return assess(vmname, which[0], which[1], code)
R = 'AZA-VM-006'
dsa = [VM, EXT, ASSESS]
case(R, 'unknown-health-healthy',
     snapshot([vm('vmhh'), epa('vmhh', EP_HEALTH_GA, 'Healthy'),
               vm('vmhhcse'), ext('vmhhcse', 'CustomScriptExtension-DSC', 'Microsoft.Compute', 'CustomScriptExtension'),
               epa('vmhhcse', EP_HEALTH, 'Healthy')], datasets=dsa),
     "UNKNOWN vmhh ~ (3bcd234d-c9c7-c2a2-89e0-c01f419c1a8a) is Healthy, which is no evidence that endpoint protection is installed\n"
     "UNKNOWN vmhhcse ~ (37a3689a-818e-4a0e-82ac-b1392b9bb000) is Healthy, which is no evidence that endpoint protection is installed")
case(R, 'unknown-health-healthy-noext',
     snapshot([vm('vmhhgap'), epa('vmhhgap', EP_HEALTH_GA, 'Healthy')], datasets=[VM, ASSESS]),
     "UNKNOWN vmhhgap ~ not collected")
case(R, 'pass-assessment-installed',
     snapshot([vm('vmepinst'), epa('vmepinst', EP_INST, 'Healthy'),
               vm('vmepinst2'), epa('vmepinst2', EP_HEALTH_GA, 'Healthy'), epa('vmepinst2', EP_INST_VM, 'Healthy')], datasets=dsa),
     "PASS vmepinst ~ 'Endpoint protection should be installed on your machines' (4fb67663-9ab9-475d-b026-8c544cced439) is Healthy\n"
     "PASS vmepinst2 ~ 'Install endpoint protection solution on virtual machines' (83f577bd-a1b6-b7e1-0891-12ca19d1e6df) is Healthy")
case(R, 'fail-assessment-not-installed',
     snapshot([vm('vmnotinst'), ext('vmnotinst', 'MDE.Windows', 'Microsoft.Azure.AzureDefenderForServers', 'MDE.Windows'),
               epa('vmnotinst', EP_INST_VM, 'Unhealthy'),
               vm('vmnotinst2'), epa('vmnotinst2', EP_HEALTH_GA, 'Healthy'), epa('vmnotinst2', EP_INST, 'Unhealthy')], datasets=dsa),
     "FAIL vmnotinst ~ (83f577bd-a1b6-b7e1-0891-12ca19d1e6df) is Unhealthy: Defender for Cloud found no endpoint protection solution\n"
     "FAIL vmnotinst2 ~ (4fb67663-9ab9-475d-b026-8c544cced439) is Unhealthy: Defender for Cloud found no endpoint protection solution")
amok = ext('vmepsick2', 'IaaSAntimalware', 'Microsoft.Azure.Security', 'IaaSAntimalware')
amok['properties']['settings'] = {"AntimalwareEnabled": True, "RealtimeProtectionEnabled": "true"}
case(R, 'fail-assessment-unhealthy',
     snapshot([vm('vmepsick'), epa('vmepsick', EP_HEALTH, 'Unhealthy'),
               vm('vmepsick2'), amok, epa('vmepsick2', EP_INST, 'Healthy'), epa('vmepsick2', EP_HEALTH_GA, 'Unhealthy')], datasets=[VM, ASSESS]),
     "FAIL vmepsick ~ (37a3689a-818e-4a0e-82ac-b1392b9bb000) is Unhealthy: the installed endpoint protection has health issues\n"
     "FAIL vmepsick2 ~ (3bcd234d-c9c7-c2a2-89e0-c01f419c1a8a) is Unhealthy: the installed endpoint protection has health issues")
# A display name is no identity: an assessment whose key is none of the
# above (here a custom one) is not evidence, whatever it is called.
case(R, 'fail-unknown-assessment-key',
     snapshot([vm('vmcustom'), assess('vmcustom', '5f3b0a3e-2c0d-4d7e-9a51-3f0f6d1c9b21', EP_INST[1], 'Healthy')], datasets=dsa),
     "FAIL vmcustom ~ no antimalware (IaaSAntimalware) or Defender for Endpoint (MDE.Windows/MDE.Linux) extension; installed: none")

# ---- AZA-VM-001: several ADE extensions; every reason that left a disk uncovered ----
def adevm3(name, exts):
    v = vm(name, **nohost)
    v['resources'] = []
    for typ, settings, state in exts:
        x = ext(name, typ, 'Microsoft.Azure.Security', typ, state=state)
        x['properties']['settings'] = settings
        v['resources'].append(x)
    return v
case('AZA-VM-001', 'unknown-ade-several',
     snapshot([adevm3('vmadeA', [('AzureDiskEncryption', dict(KV, VolumeType="Data"), 'Succeeded'),
                                 ('AzureDiskEncryptionForLinux', dict(KV, VolumeType="All"), 'Failed')]),
               adevm3('vmadeB', [('AzureDiskEncryption', dict(KV, VolumeType="OS"), 'Succeeded'),
                                 ('AzureDiskEncryptionForLinux', dict(KV, VolumeType="All"), 'Deleting')])]),
     "UNKNOWN vmadeA ~ OS disk 'vmadeA-os' (disk resource not in the input; Azure Disk Encryption extension 'AzureDiskEncryption' has VolumeType Data (OS disk not covered); Azure Disk Encryption extension 'AzureDiskEncryptionForLinux' has provisioningState Failed) cannot be told\n"
     "UNKNOWN vmadeB ~ data disk 'vmadeB-data0' (disk resource not in the input; Azure Disk Encryption extension 'AzureDiskEncryption' has VolumeType OS (data disks not covered); Azure Disk Encryption extension 'AzureDiskEncryptionForLinux' has provisioningState Deleting) cannot be told")

# ---- one extension, several sources that disagree ----
# An extension can be listed by its own resource (GET .../extensions), by
# the "resources" array Resource Manager embeds in a VM GET
# (VirtualMachine_Get.json: name, type, properties.provisioningState,
# publisher, type, settings) and by the VM's instance view
# (VirtualMachine_Get_InstanceView.json: name, "Publisher.Type", statuses[]
# with a ProvisioningState/<state> code, no provisioningState, no
# settings). The copies are read at different times and can disagree: the
# worse word counts (Failed, Creating, Updating or Deleting over Succeeded;
# settings that switch protection or encryption off over ones that do not)
# and the message names the sources.
def embed(v, x):
    v.setdefault('resources', []).append(x)
    return v
def extp(vmname, name, publisher, typ, state="Succeeded", settings=None):
    x = ext(vmname, name, publisher, typ, state=state)
    if state is None: del x['properties']['provisioningState']
    if settings is DEL: del x['properties']['settings']
    elif settings is not None: x['properties']['settings'] = settings
    return x
MDE = ('MDE.Windows', 'Microsoft.Azure.AzureDefenderForServers', 'MDE.Windows')
AM = ('IaaSAntimalware', 'Microsoft.Azure.Security', 'IaaSAntimalware')
AMON = {"AntimalwareEnabled": True, "RealtimeProtectionEnabled": "true"}
AMOFF = {"AntimalwareEnabled": False, "RealtimeProtectionEnabled": "true"}
R = 'AZA-VM-006'
case(R, 'fail-sources-disagree',
     snapshot([embed(vm('vmembfail'), extp('vmembfail', *MDE, state='Failed')), extp('vmembfail', *MDE),
               embed(vm('vmemboff'), extp('vmemboff', *AM, settings=AMOFF)), extp('vmemboff', *AM, settings=AMON),
               vm('vmivsays', properties__instanceView=ivpower('running', [ivext('MDE.Windows', 'Microsoft.Azure.AzureDefenderForServers.MDE.Windows')])),
               extp('vmivsays', *MDE, state='Failed')], datasets=ds),
     "FAIL vmembfail ~ its provisioningState is Failed in the VM's embedded resources, Succeeded in the extension resource (the sources disagree: the worse word counts)\n"
     "FAIL vmemboff ~ its settings in the VM's embedded resources say AntimalwareEnabled false (those in the extension resource do not: the sources disagree\n"
     "FAIL vmivsays ~ its provisioningState is Failed in the extension resource, and its instance view status is ProvisioningState/succeeded (the sources disagree")
case(R, 'unknown-sources-disagree',
     snapshot([embed(vm('vmembdel'), extp('vmembdel', *MDE, state='Deleting')), extp('vmembdel', *MDE),
               vm('vmivtrans', properties__instanceView=ivpower('running', [ivext('MDE.Windows', 'Microsoft.Azure.AzureDefenderForServers.MDE.Windows',
                                                                                  code='ProvisioningState/transitioning')])),
               extp('vmivtrans', *MDE)], datasets=ds),
     "UNKNOWN vmembdel ~ its provisioningState is Deleting in the VM's embedded resources, Succeeded in the extension resource (the sources disagree\n"
     "UNKNOWN vmivtrans ~ its instance view status is ProvisioningState/transitioning, and its provisioningState is Succeeded in the extension resource (the sources disagree")
# Copies that agree, or a copy that says nothing beside one that says
# Succeeded: no conflict.
case(R, 'pass-sources-agree',
     snapshot([embed(vm('vmagree'), extp('vmagree', *AM, settings=AMON)), extp('vmagree', *AM, settings=AMON),
               embed(vm('vmfill'), extp('vmfill', *MDE, state=None)), extp('vmfill', *MDE)], datasets=ds),
     "PASS vmagree ~ IaaSAntimalware\nPASS vmfill ~ MDE.Windows")

# A deployed extension without provisioningState: Resource Manager returns
# it on every extension (list, GET, a VM GET's embedded resources), so its
# absence is an incomplete export, not Succeeded. The instance view carries
# a ProvisioningState/<state> status instead; an entry without one tells
# nothing either. A template extension has none before deployment.
case(R, 'unknown-no-provisioningstate',
     snapshot([vm('vmnost'), extp('vmnost', *MDE, state=None),
               embed(vm('vmnostemb'), extp('vmnostemb', *AM, state=None, settings=AMON)),
               vm('vmivnost', properties__instanceView=ivpower('running', [dict(IV_MDE, statuses=[])]))], datasets=ds),
     "UNKNOWN vmnost ~ it has no readable provisioningState in the extension resource (Resource Manager returns one for every deployed extension, so the export is incomplete)\n"
     "UNKNOWN vmnostemb ~ it has no readable provisioningState in the VM's embedded resources\n"
     "UNKNOWN vmivnost ~ it has no ProvisioningState status in the VM's instance view")
# ... unless something else decides.
case(R, 'fail-no-provisioningstate-decided',
     snapshot([vm('vmnostf'), extp('vmnostf', *MDE, state=None), epa('vmnostf', EP_INST, 'Unhealthy'),
               vm('vmnostoff'), extp('vmnostoff', *MDE, state=None), extp('vmnostoff', 'av', *AM[1:], settings=AMOFF)], datasets=dsa),
     "FAIL vmnostf ~ (4fb67663-9ab9-475d-b026-8c544cced439) is Unhealthy\nFAIL vmnostoff ~ AntimalwareEnabled false")
case(R, 'pass-no-provisioningstate-decided',
     snapshot([vm('vmnostp'), extp('vmnostp', *MDE, state=None), extp('vmnostp', *AM, settings=AMON)], datasets=ds),
     "PASS vmnostp ~ IaaSAntimalware")
def vm_ext_template(extprops):
    vm_t = {"type": VM, "apiVersion": "2023-09-01", "name": "vm-t", "location": "westeurope",
            "properties": {"hardwareProfile": {"vmSize": "Standard_D2s_v5"},
                           "storageProfile": {"imageReference": {"publisher": "MicrosoftWindowsServer", "offer": "WindowsServer", "sku": "2022-datacenter-azure-edition", "version": "latest"},
                                              "osDisk": {"createOption": "FromImage", "managedDisk": {"storageAccountType": "Premium_LRS"}}},
                           "osProfile": {"computerName": "vm-t", "adminUsername": "azureuser", "windowsConfiguration": {"enableAutomaticUpdates": True}},
                           "networkProfile": {"networkInterfaces": [{"id": "[resourceId('Microsoft.Network/networkInterfaces', 'nic-t')]"}]}},
            "resources": [{"type": "extensions", "apiVersion": "2023-09-01", "name": extprops["type"], "location": "westeurope",
                           "dependsOn": ["[resourceId('Microsoft.Compute/virtualMachines', 'vm-t')]"], "properties": extprops}]}
    return {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
            "resources": [vm_t]}
case(R, 'pass-template-no-provisioningstate',
     vm_ext_template({"publisher": "Microsoft.Azure.AzureDefenderForServers", "type": "MDE.Windows", "typeHandlerVersion": "1.0",
                      "autoUpgradeMinorVersion": True, "settings": {}}),
     "PASS vm-t ~ MDE.Windows")

R = 'AZA-VM-001'
def adeext(vmname, settings, state='Succeeded'):
    return extp(vmname, 'AzureDiskEncryption', 'Microsoft.Azure.Security', 'AzureDiskEncryption', state=state, settings=settings)
ALL = dict(KV, VolumeType="All")
case(R, 'unknown-ade-sources-disagree',
     snapshot([adevm2('vmadedis', 'AzureDiskEncryption', dict(ALL, EncryptionOperation="DisableEncryption")), adeext('vmadedis', ALL),
               adevm2('vmadefl', 'AzureDiskEncryption', ALL), adeext('vmadefl', ALL, state='Failed'),
               adevm2('vmadeos', 'AzureDiskEncryption', dict(KV, VolumeType="OS")), adeext('vmadeos', ALL)]),
     "UNKNOWN vmadedis ~ has EncryptionOperation DisableEncryption in the VM's embedded resources, VolumeType All in the extension resource (the sources disagree: only what every copy covers counts)\n"
     "UNKNOWN vmadefl ~ has provisioningState Failed in the extension resource, Succeeded in the VM's embedded resources (the sources disagree: the worse word counts)\n"
     "UNKNOWN vmadeos ~ data disk 'vmadeos-data0' (disk resource not in the input; Azure Disk Encryption extension 'AzureDiskEncryption' has VolumeType OS (data disks not covered) in the VM's embedded resources, VolumeType All in the extension resource (the sources disagree")
case(R, 'pass-ade-sources-agree',
     snapshot([adevm2('vmadeboth', 'AzureDiskEncryption', ALL), adeext('vmadeboth', ALL),
               adevm2('vmadefill', 'AzureDiskEncryption', ALL), adeext('vmadefill', DEL, state=None)]),
     "PASS vmadeboth ~ data disk 'vmadeboth-data0' (Azure Disk Encryption extension)\n"
     "PASS vmadefill ~ data disk 'vmadefill-data0' (Azure Disk Encryption extension)")
v = vm('vmadenost', **nohost); v['resources'] = [adeext('vmadenost', ALL, state=None)]
case(R, 'unknown-ade-no-provisioningstate', snapshot([v]),
     "UNKNOWN vmadenost ~ Azure Disk Encryption extension 'AzureDiskEncryption' has no readable provisioningState in the VM's embedded resources")
case(R, 'pass-template-ade-no-provisioningstate',
     vm_ext_template({"publisher": "Microsoft.Azure.Security", "type": "AzureDiskEncryption", "typeHandlerVersion": "2.2",
                      "autoUpgradeMinorVersion": True, "settings": dict(ALL, KeyVaultURL="https://kv-ade.vault.azure.net/",
                                                                        KeyVaultResourceId="[resourceId('Microsoft.KeyVault/vaults', 'kv-ade')]")}),
     "PASS vm-t ~ OS disk '?' (Azure Disk Encryption extension)")

# ---- AZA-VM-005: system-update assessments by key ----
# Keys from the Defender for Cloud compute recommendations reference and
# the release note "Two recommendations related to missing Operating
# System (OS) updates were released to GA":
#   4ab6e3c5-74dd-8b35-9ab9-f61b30875b27 System updates should be installed on your machines (Log Analytics agent, deprecated)
#   e1145ab1-eb4f-43d8-911b-36ddf771d13f System updates should be installed on your machines (powered by Update Center),
#                                        renamed (powered by Azure Update Manager)
#   90386950-71ca-4357-a12e-486d1679427c Machines should be configured to periodically check for missing system updates (not evidence)
# Any other key is not evidence, whatever its display name.
R = 'AZA-VM-005'
SU_OLD = '4ab6e3c5-74dd-8b35-9ab9-f61b30875b27'
SU_AUM = 'e1145ab1-eb4f-43d8-911b-36ddf771d13f'
dsu = [VM, ASSESS]
def nodn(a): del a['properties']['displayName']; return a
case(R, 'unknown-custom-assessment-name',
     snapshot([vm('vmcustok'), assess('vmcustok', '7d5b2a1c-4e3f-4b8a-9c6d-0e1f2a3b4c5d', "System updates should be installed on your machines", 'Healthy'),
               vm('vmcustbad'), assess('vmcustbad', '0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f', SYSUPD, 'Unhealthy')], datasets=dsu),
     "UNKNOWN vmcustok ~ no system-update assessment\nUNKNOWN vmcustbad ~ no system-update assessment")
case(R, 'fail-assessment-key',
     snapshot([vm('vmoldkey'), nodn(assess('vmoldkey', SU_OLD, "", 'Unhealthy')),
               vm('vmaumkey'), assess('vmaumkey', SU_AUM, "System updates should be installed on your machines (powered by Update Center)", 'Unhealthy')], datasets=dsu),
     "FAIL vmoldkey ~ assessment 4ab6e3c5-74dd-8b35-9ab9-f61b30875b27 is Unhealthy\n"
     "FAIL vmaumkey ~ 'System updates should be installed on your machines (powered by Update Center)' (e1145ab1-eb4f-43d8-911b-36ddf771d13f) is Unhealthy")
case(R, 'pass-assessment-key',
     snapshot([vm('vmkeyonly'), nodn(assess('vmkeyonly', SU_AUM, "", 'Healthy'))], datasets=dsu),
     "PASS vmkeyonly ~ assessment e1145ab1-eb4f-43d8-911b-36ddf771d13f is Healthy")
case(R, 'unknown-assessment-notapplicable',
     snapshot([vm('vmna'), assess('vmna', SU_AUM, SYSUPD, 'NotApplicable', cause='OffByPolicy')], datasets=dsu),
     "UNKNOWN vmna ~ (e1145ab1-eb4f-43d8-911b-36ddf771d13f) is NotApplicable: OffByPolicy")

# ---- AZA-VM-006: the agentless EDR assessments ----
# Defender for Cloud compute recommendations reference and "Review and
# remediate endpoint detection and response recommendations (agentless)":
#   06e3a6db-6c0c-4ad9-943f-31d9d73ecf6c EDR solution should be installed on Virtual Machines:
#       Unhealthy = no supported EDR solution detected (Defender for
#       Endpoint, CrowdStrike, Trellix, Symantec, Sophos); Healthy = one was.
#   dc5357d0-3858-4d17-a1a3-072840bff5be EDR configuration issues should be resolved on virtual machines:
#       only for machines with Defender for Endpoint; Unhealthy = scans
#       older than 7 days, signatures out of date, antivirus off or partly
#       configured.
# They replace the Log Analytics agent ones (4fb67663-..., 37a3689a-...).
# Microsoft Antimalware (IaaSAntimalware) is antivirus, not one of the
# supported EDR solutions: an Unhealthy EDR assessment beside it does not
# mean that no endpoint protection runs.
EDR = ('06e3a6db-6c0c-4ad9-943f-31d9d73ecf6c', "EDR solution should be installed on Virtual Machines")
EDR_CONF = ('dc5357d0-3858-4d17-a1a3-072840bff5be', "EDR configuration issues should be resolved on virtual machines")
R = 'AZA-VM-006'
case(R, 'pass-edr-installed',
     snapshot([vm('vmedr'), epa('vmedr', EDR, 'Healthy'),
               vm('vmedrcse'), ext('vmedrcse', 'CustomScriptExtension-DSC', 'Microsoft.Compute', 'CustomScriptExtension'), epa('vmedrcse', EDR, 'Healthy')], datasets=dsa),
     "PASS vmedr ~ 'EDR solution should be installed on Virtual Machines' (06e3a6db-6c0c-4ad9-943f-31d9d73ecf6c) is Healthy: Defender for Cloud detected a supported EDR solution\n"
     "PASS vmedrcse ~ (06e3a6db-6c0c-4ad9-943f-31d9d73ecf6c) is Healthy")
case(R, 'fail-edr-not-installed',
     snapshot([vm('vmnoedr'), ext('vmnoedr', 'CustomScriptExtension-DSC', 'Microsoft.Compute', 'CustomScriptExtension'), epa('vmnoedr', EDR, 'Unhealthy'),
               vm('vmnoedr0'), epa('vmnoedr0', EDR, 'Unhealthy'),
               vm('vmmdenoedr'), extp('vmmdenoedr', *MDE), epa('vmmdenoedr', EDR, 'Unhealthy')], datasets=dsa),
     "FAIL vmnoedr ~ (06e3a6db-6c0c-4ad9-943f-31d9d73ecf6c) is Unhealthy: Defender for Cloud detected no EDR solution, and no antimalware (IaaSAntimalware) extension is installed; installed: Microsoft.Compute.CustomScriptExtension\n"
     "FAIL vmnoedr0 ~ (06e3a6db-6c0c-4ad9-943f-31d9d73ecf6c) is Unhealthy: Defender for Cloud detected no EDR solution, and no antimalware (IaaSAntimalware) extension is installed; installed: none\n"
     "FAIL vmmdenoedr ~ extension Microsoft.Azure.AzureDefenderForServers.MDE.Windows is installed but Defender for Cloud assessment 'EDR solution should be installed on Virtual Machines' (06e3a6db-6c0c-4ad9-943f-31d9d73ecf6c) is Unhealthy: Defender for Endpoint was not detected on the machine")
case(R, 'pass-edr-unhealthy-antimalware',
     snapshot([vm('vmamnoedr'), extp('vmamnoedr', *AM, settings=AMON), epa('vmamnoedr', EDR, 'Unhealthy'),
               vm('vmamivnoedr', properties__instanceView=ivpower('running', [IV_AM])), epa('vmamivnoedr', EDR, 'Unhealthy')], datasets=dsa),
     "PASS vmamnoedr ~ extension Microsoft.Azure.Security.IaaSAntimalware ('IaaSAntimalware') is installed; Defender for Cloud assessment 'EDR solution should be installed on Virtual Machines' (06e3a6db-6c0c-4ad9-943f-31d9d73ecf6c) is Unhealthy: IaaSAntimalware is antivirus, not an EDR solution\n"
     "PASS vmamivnoedr ~ IaaSAntimalware is antivirus, not an EDR solution")
case(R, 'unknown-edr-unhealthy-noext',
     snapshot([vm('vmedrgap'), epa('vmedrgap', EDR, 'Unhealthy')], datasets=[VM, ASSESS]),
     "UNKNOWN vmedrgap ~ (06e3a6db-6c0c-4ad9-943f-31d9d73ecf6c) is Unhealthy: Defender for Cloud detected no EDR solution, but an antimalware (IaaSAntimalware) extension, which is no EDR, may be installed: installed extensions unknown")
case(R, 'fail-edr-configuration',
     snapshot([vm('vmedrconf'), extp('vmedrconf', *MDE), epa('vmedrconf', EDR, 'Healthy'), epa('vmedrconf', EDR_CONF, 'Unhealthy')], datasets=dsa),
     "FAIL vmedrconf ~ 'EDR configuration issues should be resolved on virtual machines' (dc5357d0-3858-4d17-a1a3-072840bff5be) is Unhealthy: the installed endpoint protection has health issues")
case(R, 'unknown-edr-configuration-healthy',
     snapshot([vm('vmconfok'), epa('vmconfok', EDR_CONF, 'Healthy')], datasets=dsa),
     "UNKNOWN vmconfok ~ (dc5357d0-3858-4d17-a1a3-072840bff5be) is Healthy, which is no evidence that endpoint protection is installed")
# Endpoint protection found by the Log Analytics agent assessment but no
# EDR: installed as the rule is worded, the missing EDR named.
case(R, 'pass-edr-unhealthy-installed',
     snapshot([vm('vmavnoedr'), epa('vmavnoedr', EP_INST, 'Healthy'), epa('vmavnoedr', EDR, 'Unhealthy')], datasets=dsa),
     "PASS vmavnoedr ~ (4fb67663-9ab9-475d-b026-8c544cced439) is Healthy: an endpoint protection solution is installed; Defender for Cloud assessment 'EDR solution should be installed on Virtual Machines' (06e3a6db-6c0c-4ad9-943f-31d9d73ecf6c) is Unhealthy: it detected no EDR solution")
# The EDR assessments replace the Log Analytics agent ones (Defender for
# Cloud upcoming changes, "Changes in endpoint protection recommendations",
# 2024): a Healthy successor outranks an Unhealthy legacy reading, and the
# message names both. Before, the legacy Unhealthy one failed these VMs.
SUPER = "and supersedes the Unhealthy legacy assessment"
case(R, 'pass-edr-supersedes-legacy',
     snapshot([vm('vmedrold'), epa('vmedrold', EP_INST, 'Unhealthy'), epa('vmedrold', EDR, 'Healthy'),
               vm('vmedroldmde'), extp('vmedroldmde', *MDE), epa('vmedroldmde', EP_INST_VM, 'Unhealthy'), epa('vmedroldmde', EDR, 'Healthy'),
               vm('vmedroldsick'), epa('vmedroldsick', EP_INST, 'Unhealthy'), epa('vmedroldsick', EP_HEALTH_GA, 'Unhealthy'),
               epa('vmedroldsick', EDR, 'Healthy'), epa('vmedroldsick', EDR_CONF, 'Healthy')], datasets=dsa),
     "PASS vmedrold ~ (06e3a6db-6c0c-4ad9-943f-31d9d73ecf6c) is Healthy: Defender for Cloud detected a supported EDR solution on the machine; "
     f"Defender for Cloud assessment 'EDR solution should be installed on Virtual Machines' (06e3a6db-6c0c-4ad9-943f-31d9d73ecf6c) is Healthy {SUPER} "
     "'Endpoint protection should be installed on your machines' (4fb67663-9ab9-475d-b026-8c544cced439), which relies on the retired Log Analytics agent\n"
     f"PASS vmedroldmde ~ extension Microsoft.Azure.AzureDefenderForServers.MDE.Windows ('MDE.Windows') is installed; Defender for Cloud assessment 'EDR solution should be installed on Virtual Machines' (06e3a6db-6c0c-4ad9-943f-31d9d73ecf6c) is Healthy {SUPER} "
     "'Install endpoint protection solution on virtual machines' (83f577bd-a1b6-b7e1-0891-12ca19d1e6df)\n"
     f"PASS vmedroldsick ~ (dc5357d0-3858-4d17-a1a3-072840bff5be) is Healthy {SUPER} 'Endpoint protection health issues should be resolved on your machines' (3bcd234d-c9c7-c2a2-89e0-c01f419c1a8a)")
# Without a Healthy successor the legacy assessment still decides; an
# Unhealthy EDR assessment never supersedes anything, and each successor
# only replaces its own question (installed, health).
case(R, 'fail-legacy-not-superseded',
     snapshot([vm('vmoldnoedr'), epa('vmoldnoedr', EP_INST, 'Unhealthy'), epa('vmoldnoedr', EDR, 'Unhealthy'),
               vm('vmoldconf'), epa('vmoldconf', EP_INST, 'Unhealthy'), epa('vmoldconf', EDR_CONF, 'Healthy'),
               vm('vmoldhealth'), extp('vmoldhealth', *MDE), epa('vmoldhealth', EP_HEALTH, 'Unhealthy'), epa('vmoldhealth', EDR, 'Healthy'),
               vm('vmedrbad'), epa('vmedrbad', EP_INST, 'Healthy'), epa('vmedrbad', EDR, 'Healthy'), epa('vmedrbad', EDR_CONF, 'Unhealthy')], datasets=dsa),
     "FAIL vmoldnoedr ~ (4fb67663-9ab9-475d-b026-8c544cced439) is Unhealthy: Defender for Cloud found no endpoint protection solution\n"
     "FAIL vmoldconf ~ (4fb67663-9ab9-475d-b026-8c544cced439) is Unhealthy: Defender for Cloud found no endpoint protection solution\n"
     "FAIL vmoldhealth ~ (37a3689a-818e-4a0e-82ac-b1392b9bb000) is Unhealthy: the installed endpoint protection has health issues\n"
     "FAIL vmedrbad ~ (dc5357d0-3858-4d17-a1a3-072840bff5be) is Unhealthy: the installed endpoint protection has health issues")
# A superseded health reading leaves the question of what is installed open.
case(R, 'unknown-legacy-superseded-noext',
     snapshot([vm('vmoldgap'), epa('vmoldgap', EP_HEALTH_GA, 'Unhealthy'), epa('vmoldgap', EDR_CONF, 'Healthy')], datasets=[VM, ASSESS]),
     "UNKNOWN vmoldgap ~ installed extensions unknown")

# ---- AZA-VMSS-*: scale sets, judged on their VM model ----
# Shaped on VirtualMachineScaleSet_Create_WithEncryptionAtHost.json and
# VirtualMachineScaleSet_Create_WithDiskEncryptionSetResource.json (compute
# 2024-07-01, Azure/azure-rest-api-specs): the model is
# properties.virtualMachineProfile, with the VM's securityProfile,
# storageProfile and osProfile under it, and an extensionProfile.
VMSS = 'Microsoft.Compute/virtualMachineScaleSets'
def vmssid(name): return rid(RG, 'Microsoft.Compute', 'virtualMachineScaleSets', name)
def vmss_ext(name, publisher, typ):
    return {"name": name, "properties": {"publisher": publisher, "type": typ, "typeHandlerVersion": "1.0",
                                         "autoUpgradeMinorVersion": True, "provisioningState": "Succeeded", "settings": {}}}
def vmss(name, **kv):
    v = {"sku": {"tier": "Standard", "capacity": 3, "name": "Standard_DS1_v2"}, "name": name, "id": vmssid(name),
         "type": VMSS, "location": "westeurope",
         "properties": {"singlePlacementGroup": True, "overprovision": True, "orchestrationMode": "Uniform",
           "uniqueId": "b9e23088-6ffc-46e0-9e02-b0a6eeef47db",
           "upgradePolicy": {"mode": "Rolling", "automaticOSUpgradePolicy": {"enableAutomaticOSUpgrade": True, "disableAutomaticRollback": False}},
           "virtualMachineProfile": {
             "storageProfile": {
               "imageReference": {"publisher": "MicrosoftWindowsServer", "offer": "WindowsServer", "sku": "2022-datacenter-azure-edition", "version": "latest"},
               "osDisk": {"caching": "ReadWrite", "createOption": "FromImage",
                          "managedDisk": {"storageAccountType": "Standard_LRS", "diskEncryptionSet": {"id": DES}}},
               "dataDisks": [{"caching": "ReadWrite", "diskSizeGB": 1023, "createOption": "Empty", "lun": 0,
                              "managedDisk": {"storageAccountType": "Standard_LRS", "diskEncryptionSet": {"id": DES}}}]},
             "securityProfile": {"encryptionAtHost": True, "securityType": "TrustedLaunch",
                                 "uefiSettings": {"secureBootEnabled": True, "vTpmEnabled": True}},
             "osProfile": {"computerNamePrefix": name, "adminUsername": "azureuser", "secrets": [],
                           "windowsConfiguration": {"provisionVMAgent": True, "enableAutomaticUpdates": False}},
             "extensionProfile": {"extensions": [vmss_ext("MDE.Windows", "Microsoft.Azure.AzureDefenderForServers", "MDE.Windows")]},
             "networkProfile": {"networkInterfaceConfigurations": [{"name": name, "properties": {"primary": True,
               "ipConfigurations": [{"name": name, "properties": {"subnet": {"id": rid(RG, 'Microsoft.Network', 'virtualNetworks', 'vnet', 'subnets', 'snet')},
                                                                 "privateIPAddressVersion": "IPv4"}}]}}]}},
           "provisioningState": "Succeeded"}}
    return mod(v, **kv)
def flex(name):
    v = vmss(name, properties__orchestrationMode="Flexible", properties__platformFaultDomainCount=1)
    del v["properties"]["virtualMachineProfile"]; del v["properties"]["upgradePolicy"]
    return v
MP = 'properties__virtualMachineProfile__'
def vmss_template(name, model, extra_resources=()):
    return {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
            "resources": [{"type": VMSS, "apiVersion": "2024-07-01", "name": name, "location": "westeurope",
                           "sku": {"name": "Standard_DS1_v2", "capacity": 2},
                           "properties": {"orchestrationMode": "Uniform", "upgradePolicy": {"mode": "Manual"}, "virtualMachineProfile": model}}]
                         + list(extra_resources)}

R = 'AZA-VMSS-001'
case(R, 'pass', snapshot([vmss('vmss-host')]), "PASS vmss-host ~ virtualMachineProfile.securityProfile.encryptionAtHost is true")
case(R, 'fail', snapshot([vmss('vmss-off', **{MP + 'securityProfile__encryptionAtHost': False}),
                          vmss('vmss-nosp', **{MP + 'securityProfile': DEL})]),
     "FAIL vmss-off ~ encryptionAtHost is false\nFAIL vmss-nosp ~ encryptionAtHost is not set (false)")
case(R, 'unknown', snapshot([vmss('vmss-odd', **{MP + 'securityProfile__encryptionAtHost': "yes"}),
                             vmss('vmss-nomodel', **{MP[:-2]: DEL})]),
     "UNKNOWN vmss-odd ~ not a boolean\nUNKNOWN vmss-nomodel ~ virtualMachineProfile is absent")
case(R, 'na-flexible', snapshot([flex('vmss-flex')]), "NOT_APPLICABLE vmss-flex ~ Flexible scale set without virtualMachineProfile")

R = 'AZA-VMSS-002'
case(R, 'pass', snapshot([vmss('vmss-cmk'),
                          vmss('vmss-cvm', **{MP + 'storageProfile__osDisk__managedDisk': {"storageAccountType": "Premium_LRS",
                               "securityProfile": {"securityEncryptionType": "DiskWithVMGuestState", "diskEncryptionSet": {"id": DES}}},
                               MP + 'storageProfile__dataDisks': []})]),
     "PASS vmss-cmk ~ OS disk (disk encryption set des-prod), data disk lun 0 (disk encryption set des-prod)\n"
     "PASS vmss-cvm ~ OS disk (disk encryption set des-prod)")
# The REST example without a disk encryption set: platform key.
case(R, 'fail', snapshot([vmss('vmss-plat', **{MP + 'storageProfile__osDisk__managedDisk': {"storageAccountType": "Standard_LRS"}}),
                          vmss('vmss-plat-data', **{MP + 'storageProfile__dataDisks': [{"lun": 1, "createOption": "Empty", "diskSizeGB": 64,
                                                                                        "managedDisk": {"storageAccountType": "Standard_LRS"}}]})]),
     "FAIL vmss-plat ~ this disk without a customer-managed key: OS disk (no diskEncryptionSet\n"
     "FAIL vmss-plat-data ~ data disk lun 1 (no diskEncryptionSet")
case(R, 'fail-template', vmss_template('vmss-t', {"storageProfile": {"imageReference": {"publisher": "Canonical", "offer": "ubuntu-24_04-lts",
                                                                                            "sku": "server", "version": "latest"}}}),
     "FAIL vmss-t ~ storageProfile.osDisk not set: created with a platform-managed key")
case(R, 'unknown', snapshot([vmss('vmss-desodd', **{MP + 'storageProfile__osDisk__managedDisk__diskEncryptionSet': {"name": "des-prod"}}),
                             vmss('vmss-noos', **{MP + 'storageProfile__osDisk': DEL})]),
     "UNKNOWN vmss-desodd ~ managedDisk.diskEncryptionSet has no id string\nUNKNOWN vmss-noos ~ storageProfile.osDisk is absent")
# managedDisk.securityProfile.diskEncryptionSet covers the OS disk only with
# securityEncryptionType DiskWithVMGuestState; VMGuestStateOnly encrypts just
# the VM guest state blob (VMDiskSecurityProfile, Compute API), as AZA-VM-001
# judges a VM. Both passed on the set alone.
def vmss_cvm(name, set_type):
    sp = {"securityEncryptionType": set_type, "diskEncryptionSet": {"id": DES}}
    if set_type is None:
        del sp["securityEncryptionType"]
    return vmss(name, **{MP + 'storageProfile__osDisk__managedDisk': {"storageAccountType": "Premium_LRS", "securityProfile": sp},
                         MP + 'storageProfile__dataDisks': []})
case(R, 'fail-confidential-gueststate-only', snapshot([vmss_cvm('vmss-cvm-gs', 'VMGuestStateOnly')]),
     "FAIL vmss-cvm-gs ~ OS disk (securityEncryptionType VMGuestStateOnly: disk encryption set des-prod encrypts only the VM guest state, "
     "and the disk gets the platform-managed key)")
case(R, 'unknown-confidential-no-type', snapshot([vmss_cvm('vmss-cvm-notype', None)]),
     "UNKNOWN vmss-cvm-notype ~ securityEncryptionType is not readable")
eph = {"caching": "ReadOnly", "createOption": "FromImage", "diffDiskSettings": {"option": "Local", "placement": "ResourceDisk"},
       "managedDisk": {"storageAccountType": "Standard_LRS"}}
case(R, 'na-ephemeral', snapshot([vmss('vmss-eph', **{MP + 'storageProfile__osDisk': eph, MP + 'storageProfile__dataDisks': []}),
                                  vmss('vmss-ephdata', **{MP + 'storageProfile__osDisk': eph})]),
     "NOT_APPLICABLE vmss-eph ~ only disk is an ephemeral OS disk\nPASS vmss-ephdata ~ data disk lun 0 (disk encryption set des-prod); the OS disk is ephemeral")

R = 'AZA-VMSS-003'
cfgv = {"approved_extensions": ["Microsoft.Azure.Security.IaaSAntimalware", "Microsoft.Azure.AzureDefenderForServers.*"]}
cse = vmss_ext("CustomScriptExtension-DSC", "Microsoft.Compute", "CustomScriptExtension")
case(R, 'pass', snapshot([vmss('vmss-ok'), vmss('vmss-noext', **{MP + 'extensionProfile': DEL})]),
     "PASS vmss-ok ~ the 1 installed extension is approved: Microsoft.Azure.AzureDefenderForServers.MDE.Windows\nPASS vmss-noext ~ no extension")
cfgfile(R, 'pass', cfgv)
case(R, 'fail', snapshot([vmss('vmss-cse', **{MP + 'extensionProfile__extensions': [cse]})]),
     "FAIL vmss-cse ~ Microsoft.Compute.CustomScriptExtension ('CustomScriptExtension-DSC')")
cfgfile(R, 'fail', cfgv)
# An extension declared as its own template resource joins the same model.
case(R, 'fail-template-child', vmss_template('vmss-t', {}, [{"type": VMSS + "/extensions", "apiVersion": "2024-07-01", "name": "vmss-t/cse",
                                                             "dependsOn": [f"[resourceId('{VMSS}', 'vmss-t')]"],
                                                             "properties": {"publisher": "Microsoft.Compute", "type": "CustomScriptExtension",
                                                                            "typeHandlerVersion": "1.10"}}]),
     "FAIL vmss-t ~ Microsoft.Compute.CustomScriptExtension ('cse')")
cfgfile(R, 'fail-template-child', cfgv)
case(R, 'manual', snapshot([vmss('vmss-list')]), "MANUAL vmss-list ~ Microsoft.Azure.AzureDefenderForServers.MDE.Windows")
case(R, 'unknown', snapshot([vmss('vmss-extodd', **{MP + 'extensionProfile__extensions': {"MDE.Windows": {}}}),
                             vmss('vmss-notype', **{MP + 'extensionProfile__extensions': [{"name": "mystery", "properties": {}}]})]),
     "UNKNOWN vmss-extodd ~ extensionProfile.extensions is not a list\nUNKNOWN vmss-notype ~ no readable publisher and type (first: 'mystery')")
cfgfile(R, 'unknown', cfgv)

R = 'AZA-VMSS-004'
IMG = MP + 'storageProfile__imageReference'
case(R, 'pass', snapshot([vmss('vmss-auto'),
                          vmss('vmss-gallery', **{IMG: {"id": "/subscriptions/" + SUB + "/resourceGroups/rg-img/providers/Microsoft.Compute/galleries/gal/images/web"}})]),
     "PASS vmss-auto ~ enableAutomaticOSUpgrade is true\nPASS vmss-gallery ~ enableAutomaticOSUpgrade is true")
# The REST examples' upgradePolicy {"mode": "Manual"}: no automaticOSUpgradePolicy, so false.
case(R, 'fail', snapshot([vmss('vmss-manual', properties__upgradePolicy={"mode": "Manual"}),
                          vmss('vmss-autooff', properties__upgradePolicy__automaticOSUpgradePolicy__enableAutomaticOSUpgrade=False)]),
     "FAIL vmss-manual ~ enableAutomaticOSUpgrade is not set (false)\nFAIL vmss-autooff ~ enableAutomaticOSUpgrade is false")
case(R, 'fail-pinned', snapshot([vmss('vmss-pin', **{IMG + '__version': "20348.2527.240606"}),
                                 vmss('vmss-img', **{IMG: {"id": rid(RG, 'Microsoft.Compute', 'images', 'web-image')}}),
                                 vmss('vmss-galv', **{IMG: {"id": "/subscriptions/" + SUB + "/resourceGroups/rg-img/providers/Microsoft.Compute/galleries/gal/images/web/versions/1.2.0"}})]),
     "FAIL vmss-pin ~ imageReference.version is '20348.2527.240606', not 'latest'\n"
     "FAIL vmss-img ~ imageReference.id is a managed image\n"
     "FAIL vmss-galv ~ pins image version 1.2.0")
case(R, 'unknown', snapshot([vmss('vmss-autoodd', properties__upgradePolicy__automaticOSUpgradePolicy__enableAutomaticOSUpgrade="sometimes")]),
     "UNKNOWN vmss-autoodd ~ not a boolean")
# A model without imageReference (an incomplete export) names no image with
# newer versions: not a pass.
case(R, 'unknown-no-image', snapshot([vmss('vmss-noimg', **{IMG: DEL}), vmss('vmss-oddimg', **{IMG: "latest"})]),
     "UNKNOWN vmss-noimg ~ imageReference is absent\nUNKNOWN vmss-oddimg ~ imageReference is not an object")
# true passes only on an image read to have newer versions: an
# imageReference naming neither a platform image (publisher, version
# 'latest') nor a gallery image id may be a pinned version or a managed
# image (it passed). A template whose version comes from a parameter stays
# UNKNOWN.
def vmss_template_auto(name, model):
    t = vmss_template(name, model)
    t["resources"][0]["properties"]["upgradePolicy"] = {"mode": "Automatic", "automaticOSUpgradePolicy": {"enableAutomaticOSUpgrade": True}}
    return t
case(R, 'unknown-template-image', vmss_template_auto('vmss-tp', {"storageProfile": {"imageReference": {
         "publisher": "Canonical", "offer": "ubuntu-24_04-lts", "sku": "server", "version": "[parameters('imageVersion')]"}}})
     | {"parameters": {"imageVersion": {"type": "string"}}},
     "UNKNOWN vmss-tp ~ names neither a platform image with a readable version 'latest' nor a gallery image id")
case(R, 'unknown-image-noname', snapshot([vmss('vmss-imgoffer', **{IMG: {"offer": "WindowsServer", "sku": "2022-datacenter-azure-edition"}})]),
     "UNKNOWN vmss-imgoffer ~ names neither a platform image")

R = 'AZA-VMSS-005'
case(R, 'pass', snapshot([vmss('vmss-tl')]), "PASS vmss-tl ~ securityType is TrustedLaunch with secure boot and vTPM enabled")
case(R, 'fail', snapshot([vmss('vmss-std', **{MP + 'securityProfile': {"encryptionAtHost": True}}),
                          vmss('vmss-nosb', **{MP + 'securityProfile__uefiSettings__secureBootEnabled': False})]),
     "FAIL vmss-std ~ virtualMachineProfile.securityProfile.securityType is not set (Standard)\nFAIL vmss-nosb ~ secure boot disabled")
case(R, 'unknown', snapshot([vmss('vmss-quantum', **{MP + 'securityProfile__securityType': 'Quantum'}),
                             vmss('vmss-tpmodd', **{MP + 'securityProfile__uefiSettings__vTpmEnabled': 'on'})]),
     "UNKNOWN vmss-quantum ~ unknown value 'Quantum'\nUNKNOWN vmss-tpmodd ~ uefiSettings.vTpmEnabled is not a boolean")

# AZA-VM-011 in templates: disablePasswordAuthentication left out with an
# admin password given is password login (Microsoft's vm-simple-linux
# quickstart picks password authentication by leaving out linuxConfiguration
# and passing adminPassword). A secure parameter without a value still gives
# a password; without one the verdict stays open.
def linux_vm_t(name, os_profile, os_type=None):
    disk = {"createOption": "FromImage", "managedDisk": {"storageAccountType": "Premium_LRS"}}
    if os_type: disk["osType"] = os_type
    return {"type": VM, "apiVersion": "2024-07-01", "name": name, "location": "westeurope",
            "properties": {"hardwareProfile": {"vmSize": "Standard_D2s_v5"},
                           "storageProfile": {"imageReference": {"publisher": "Canonical", "offer": "ubuntu-24_04-lts", "sku": "server", "version": "latest"},
                                              "osDisk": disk},
                           "osProfile": dict({"computerName": name, "adminUsername": "azureuser"}, **os_profile),
                           "networkProfile": {"networkInterfaces": [{"id": "[resourceId('Microsoft.Network/networkInterfaces', 'nic')]"}]}}}
KEYS = {"publicKeys": [{"path": "/home/azureuser/.ssh/authorized_keys", "keyData": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHV4 azureuser"}]}
case('AZA-VM-011', 'fail-template-password',
     template([linux_vm_t('vm-pwparam', {"adminPassword": "[parameters('adminPassword')]", "linuxConfiguration": {"provisionVMAgent": True}}),
               linux_vm_t('vm-quickstart', {"adminPassword": "[parameters('adminPassword')]"}, os_type="Linux"),
               linux_vm_t('vm-keys', {"linuxConfiguration": {"ssh": KEYS}}),
               linux_vm_t('vm-keysonly', {"adminPassword": "", "linuxConfiguration": {"disablePasswordAuthentication": True, "ssh": KEYS}})],
              parameters={"adminPassword": {"type": "securestring"}}),
     "FAIL vm-pwparam ~ disablePasswordAuthentication is not set and the template gives osProfile.adminPassword\n"
     "FAIL vm-quickstart ~ no linuxConfiguration (disablePasswordAuthentication not set)\n"
     "UNKNOWN vm-keys ~ disablePasswordAuthentication is absent\n"
     "PASS vm-keysonly ~ SSH keys only")

# Confidential VMs whose OS disk is encrypted with a customer key
# (securityEncryptionType DiskWithVMGuestState and
# managedDisk.securityProfile.diskEncryptionSet, VMDiskSecurityProfile of
# the Compute API): the VM's reference names the set there, not in
# managedDisk.diskEncryptionSet, and the disk resource shows
# securityProfile.securityType ConfidentialVM_DiskEncryptedWithCustomerKey
# with encryption.type EncryptionAtRestWithPlatformKey for the storage
# layer. Both were judged platform key only (FAIL, or UNKNOWN without the
# disk resource).
def cvm(name, set_type="DiskWithVMGuestState"):
    v = vm(name, **nohost)
    v['properties']['securityProfile'] = {"encryptionAtHost": False, "securityType": "ConfidentialVM",
                                          "uefiSettings": {"secureBootEnabled": True, "vTpmEnabled": True}}
    v['properties']['storageProfile']['dataDisks'] = []
    v['properties']['storageProfile']['osDisk']['managedDisk']['securityProfile'] = {
        "securityEncryptionType": set_type, "diskEncryptionSet": {"id": DES}}
    return v
def cvm_disk(name, attached_to=None):
    return disk(name, attached_to, properties__securityProfile={"securityType": "ConfidentialVM_DiskEncryptedWithCustomerKey",
                                                                "secureVMDiskEncryptionSetId": DES})
case('AZA-VM-001', 'pass-confidential-cmk', snapshot([cvm('vm-cvm')]),
     "PASS vm-cvm ~ confidential disk encryption (DiskWithVMGuestState) with disk encryption set des-prod")
# VMGuestStateOnly encrypts the guest state blob, not the disk: the disk
# resource decides.
case('AZA-VM-001', 'fail-confidential-gueststate-only', snapshot([cvm('vm-cvm-gs', 'VMGuestStateOnly'), disk('vm-cvm-gs-os', 'vm-cvm-gs')]),
     "FAIL vm-cvm-gs ~ OS disk 'vm-cvm-gs-os' (platform-managed key only)")
case('AZA-VM-002', 'pass-confidential-cmk', snapshot([cvm_disk('d-cvm', 'vm-cvm')]),
     "PASS d-cvm ~ securityProfile.securityType ConfidentialVM_DiskEncryptedWithCustomerKey, disk encryption set des-prod")
case('AZA-VM-003', 'pass-confidential-cmk', snapshot([cvm_disk('u-cvm')]),
     "PASS u-cvm ~ ConfidentialVM_DiskEncryptedWithCustomerKey")

# A template VM whose disks are made with it (createOption FromImage or
# Empty) and name no encryption set gets the platform-managed key: FAIL, as
# for a scale set model (it was UNKNOWN, "no managed disk id"). With a set
# on each disk it passes; an ephemeral OS disk stays UNKNOWN.
def tvm_disks(name, des=None, ephemeral=False):
    v = linux_vm_t(name, {"linuxConfiguration": {"disablePasswordAuthentication": True, "ssh": KEYS}})
    sp = v["properties"]["storageProfile"]
    sp["dataDisks"] = [{"lun": 0, "createOption": "Empty", "diskSizeGB": 128, "managedDisk": {"storageAccountType": "Premium_LRS"}}]
    if des:
        for ref in [sp["osDisk"]] + sp["dataDisks"]:
            ref["managedDisk"]["diskEncryptionSet"] = {"id": des}
    if ephemeral:
        sp["osDisk"]["diffDiskSettings"] = {"option": "Local"}
        sp["osDisk"]["caching"] = "ReadOnly"
        sp["dataDisks"][0]["managedDisk"]["diskEncryptionSet"] = {"id": DES}
    return v
case('AZA-VM-001', 'fail-template-new-disks',
     template([tvm_disks('tvm-plat'), tvm_disks('tvm-des', des=DES), tvm_disks('tvm-eph', ephemeral=True)]),
     "FAIL tvm-plat ~ OS disk '?' (createOption FromImage without a disk encryption set: the platform-managed key), data disk '?' (createOption Empty\n"
     "PASS tvm-des ~ disk encryption set des-prod\n"
     "UNKNOWN tvm-eph ~ OS disk '?' (no managed disk id)")
