import sys; import os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *
ST = 'Microsoft.Storage/storageAccounts'
def acct(name, **kv):
    a = {"id": rid('rg-data', 'Microsoft.Storage', 'storageAccounts', name), "name": name, "type": ST,
         "kind": "StorageV2", "location": "westeurope", "sku": {"name": "Standard_GRS", "tier": "Standard"},
         "tags": {"env": "prod"},
         "properties": {"keyPolicy": {"keyExpirationPeriodInDays": 90},
           "keyCreationTime": {"key1": "2026-09-20T04:42:22.4322836Z", "key2": "2026-09-21T04:42:22.4322836Z"},
           "allowBlobPublicAccess": False, "minimumTlsVersion": "TLS1_2", "allowSharedKeyAccess": False,
           "allowCrossTenantReplication": False, "defaultToOAuthAuthentication": True,
           "publicNetworkAccess": "Disabled",
           "networkAcls": {"bypass": "AzureServices", "virtualNetworkRules": [], "ipRules": [], "defaultAction": "Deny"},
           "privateEndpointConnections": [{"id": rid('rg-data','Microsoft.Storage','storageAccounts',name,'privateEndpointConnections','pe1'),
              "properties": {"privateLinkServiceConnectionState": {"status": "Approved", "description": "auto"}}}],
           "encryption": {"services": {"blob": {"keyType": "Account", "enabled": True}}, "requireInfrastructureEncryption": True, "keySource": "Microsoft.Storage"},
           "provisioningState": "Succeeded", "supportsHttpsTrafficOnly": True}}
    return mod(a, **kv)
def svc(acc, kind, props):
    return {"id": acc["id"] + f"/{kind}/default", "name": "default", "type": ST + "/" + kind, "properties": props}
def bare(name):
    a = acct(name); del a["properties"]; return a
# A template deploying one account (stgtmpl) at api-version `api`.
def stgtemplate(api, props=None):
    t = {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
         "resources": [{"type": ST, "apiVersion": api, "name": "stgtmpl", "location": "westeurope", "kind": "StorageV2",
                        "sku": {"name": "Standard_GRS"}, "properties": props or {}}]}
    if api.startswith('['): t["parameters"] = {"v": {"type": "string"}}
    return t
OK = "PASS stgok"
def simple(rule, passmods, failmods, unkmods=None, passmsg='', failmsg=''):
    case(rule, 'pass', snapshot([acct('stgok', **passmods)]), f"PASS stgok" + (f" ~ {passmsg}" if passmsg else ''))
    case(rule, 'fail', snapshot([acct('stgbad', **failmods)]), f"FAIL stgbad" + (f" ~ {failmsg}" if failmsg else ''))
    if unkmods is not None:
        case(rule, 'unknown', snapshot([acct('stgunk', **unkmods)]), "UNKNOWN stgunk")
    case(rule, 'unknown-noprops', snapshot([bare('stgbare')]), "UNKNOWN stgbare ~ no \"properties\"")

simple('AZA-STG-001', {}, {'properties__supportsHttpsTrafficOnly': False}, {'properties__supportsHttpsTrafficOnly': DEL}, 'is true', 'is false')
# An explicit TLS1_0 or TLS1_1 still fails after Azure Storage's retirement of
# TLS 1.0 and 1.1 (3 February 2026, before the fixtures' reference time): it
# is the account's own statement, which the message sets beside the retirement.
simple('AZA-STG-002', {}, {'properties__minimumTlsVersion': 'TLS1_0'}, {'properties__minimumTlsVersion': 'TLS9'}, 'TLS1_2',
       'minimumTlsVersion is TLS1_0: the account is set to accept TLS 1.0 (Azure Storage announced the retirement of TLS 1.0 and 1.1 for 3 February 2026')
# minimumTlsVersion unset: every api-version documents TLS 1.0 as the default,
# but Azure Storage stops accepting TLS 1.0 and 1.1 for every account on
# 3 February 2026, before the fixtures' reference time: the account's own
# setting no longer says what a client can use.
case('AZA-STG-002', 'unknown-absent', snapshot([acct('stgold', properties__minimumTlsVersion=DEL)]),
     "UNKNOWN stgold ~ minimumTlsVersion not set: unset means TLS 1.0")
case('AZA-STG-002', 'unknown-null', snapshot([acct('stgnull', properties__minimumTlsVersion=None)]), "UNKNOWN stgnull ~ 3 February 2026")
case('AZA-STG-002', 'unknown-template-absent', stgtemplate('2023-05-01'), "UNKNOWN stgtmpl ~ 3 February 2026")
case('AZA-STG-002', 'fail-template-explicit', stgtemplate('2023-05-01', {"minimumTlsVersion": "TLS1_1"}),
     "FAIL stgtmpl ~ minimumTlsVersion is TLS1_1: the account is set to accept TLS 1.1 (Azure Storage announced the retirement")
# TLS1_3: the specification lists it but says "Minimum TLS version 1.3 version
# is not supported" (Learn: enforcing 1.3 as the minimum "isn't currently
# supported"): what the account requires is not documented.
case('AZA-STG-002', 'unknown-tls13', snapshot([acct('stgtls13', properties__minimumTlsVersion='TLS1_3')]),
     "UNKNOWN stgtls13 ~ minimumTlsVersion is TLS1_3, which Azure Storage documents it does not support as a minimum")
case('AZA-STG-002', 'unknown-template-tls13', stgtemplate('2023-05-01', {"minimumTlsVersion": "TLS1_3"}), "UNKNOWN stgtmpl ~ does not support as a minimum")
simple('AZA-STG-003', {}, {'properties__allowBlobPublicAccess': True}, {'properties__allowBlobPublicAccess': 'sometimes'})
# allowBlobPublicAccess unset: Azure rolled out false as the default for new
# accounts from August 2023 (rolled back and resumed) and expected to finish
# by 5 December 2023; older accounts that never set it (null) permit
# anonymous access. A deployed account's properties.creationTime says which.
def unset_prop(name, prop, created, val=DEL):
    a = acct(name, **{'properties__' + prop: val})
    if created is not None: a['properties']['creationTime'] = created
    return a
def unset_abpa(name, created, val=DEL):
    return unset_prop(name, 'allowBlobPublicAccess', created, val)
case('AZA-STG-003', 'fail-null', snapshot([unset_abpa('stgnull', '2021-03-18T04:42:22.4322836Z', None)]),
     "FAIL stgnull ~ allowBlobPublicAccess not set on an account created 2021-03-18, before 1 August 2023")
case('AZA-STG-003', 'fail-absent-before-rollout', snapshot([unset_abpa('stgjuly', '2023-07-31T23:59:59Z')]), "FAIL stgjuly ~ created 2023-07-31")
case('AZA-STG-003', 'pass-absent-new', snapshot([unset_abpa('stgnew', '2024-02-01T09:30:00.1234567Z')]),
     "PASS stgnew ~ allowBlobPublicAccess not set on an account created 2024-02-01")
case('AZA-STG-003', 'pass-absent-after-rollout', snapshot([unset_abpa('stgdec', '2023-12-06T00:00:00Z')]), "PASS stgdec ~ created 2023-12-06")
# created while the new default was being rolled out: either default
case('AZA-STG-003', 'unknown-absent-rollout', snapshot([unset_abpa('stgoct', '2023-10-02T10:00:00Z'), unset_abpa('stgaug', '2023-08-01T00:00:00Z'),
                                                       unset_abpa('stgdec5', '2023-12-05T23:59:59Z', None)]),
     "UNKNOWN stgoct ~ created 2023-10-02, while\nUNKNOWN stgaug ~ created 2023-08-01\nUNKNOWN stgdec5 ~ which default it got is not documented")
case('AZA-STG-003', 'unknown-absent-nocreation', snapshot([unset_abpa('stgunk', None)]), "UNKNOWN stgunk ~ no creationTime")
case('AZA-STG-003', 'unknown-creation-type', snapshot([unset_abpa('stgodd', 1702598400)]), "UNKNOWN stgodd ~ creationTime is not a date")
# Templates create the account now: from api-version 2023-01-01 the API
# documents false as the default; earlier api-versions document true.
case('AZA-STG-003', 'pass-template-default', stgtemplate('2023-05-01'), "PASS stgtmpl ~ not set: at api-version 2023-05-01 a new account disallows")
case('AZA-STG-003', 'unknown-template-old-api', stgtemplate('2022-09-01'), "UNKNOWN stgtmpl ~ api-version 2022-09-01, which documents true")
case('AZA-STG-003', 'unknown-template-api-param', stgtemplate("[parameters('v')]"), "UNKNOWN stgtmpl ~ only known at deployment")
case('AZA-STG-003', 'fail-template-explicit', stgtemplate('2023-05-01', {"allowBlobPublicAccess": True}), "FAIL stgtmpl ~ allowBlobPublicAccess is true")
simple('AZA-STG-005', {}, {'properties__networkAcls__defaultAction': 'Allow', 'properties__publicNetworkAccess': 'Enabled'}, {'properties__networkAcls__defaultAction': 'Maybe', 'properties__publicNetworkAccess': 'Enabled'})
case('AZA-STG-005', 'fail-absent', snapshot([acct('stgnoacl', properties__networkAcls=DEL, properties__publicNetworkAccess=DEL)]), "FAIL stgnoacl ~ default action is Allow")
# SecuredByPerimeter: a network security perimeter's inbound access rules
# (in enforced mode only they; in transition mode the account's own firewall
# as well) decide who reaches the account. The Deny default action alone
# proves nothing then; the public endpoint is not disabled either.
case('AZA-STG-005', 'unknown-perimeter', snapshot([acct('stgnsp', properties__publicNetworkAccess='SecuredByPerimeter')]),
     "UNKNOWN stgnsp ~ publicNetworkAccess is SecuredByPerimeter: the inbound access rules (and access mode) of a network security perimeter decide")
case('AZA-STG-005', 'unknown-pna-value', snapshot([acct('stgodd', properties__publicNetworkAccess='Sideways')]),
     "UNKNOWN stgodd ~ publicNetworkAccess has an unexpected value 'Sideways'")
simple('AZA-STG-006', {}, {'properties__publicNetworkAccess': 'Enabled'}, {'properties__publicNetworkAccess': 'Sideways'})
case('AZA-STG-006', 'fail-perimeter', snapshot([acct('stgnsp', properties__publicNetworkAccess='SecuredByPerimeter')]),
     "FAIL stgnsp ~ publicNetworkAccess is SecuredByPerimeter, not Disabled: the public endpoint stays on")
case('AZA-STG-006', 'fail-absent', snapshot([acct('stgnopna', properties__publicNetworkAccess=DEL)]), "FAIL stgnopna ~ not set")
simple('AZA-STG-007', {}, {'properties__networkAcls__bypass': 'None'}, {'properties__networkAcls__bypass': 7})
# networkAcls without bypass: the API default is AzureServices
case('AZA-STG-007', 'pass-nobypass', snapshot([acct('stgdef', properties__networkAcls__bypass=DEL)]), "PASS stgdef ~ defaults to AzureServices")
simple('AZA-STG-008', {}, {'properties__privateEndpointConnections': []}, {'properties__privateEndpointConnections': {}})
case('AZA-STG-008', 'fail-pending', snapshot([acct('stgpend', properties__privateEndpointConnections=[{"id":"x","properties":{"privateLinkServiceConnectionState":{"status":"Pending"}}}])]), "FAIL stgpend")
simple('AZA-STG-009', {}, {'properties__keyPolicy': DEL}, {'properties__keyPolicy__keyExpirationPeriodInDays': 'ninety'})
# keyPolicy.keyExpirationPeriodInDays is required by the API: a keyPolicy
# without it (or with null) is not what Azure returns, not "no keyPolicy".
case('AZA-STG-009', 'unknown-keypolicy-no-period', snapshot([acct('stgkp', properties__keyPolicy={})]), "UNKNOWN stgkp ~ keyPolicy has no keyExpirationPeriodInDays")
case('AZA-STG-009', 'unknown-keypolicy-null-period', snapshot([acct('stgkp', properties__keyPolicy={"keyExpirationPeriodInDays": None})]),
     "UNKNOWN stgkp ~ keyPolicy.keyExpirationPeriodInDays is null")
case('AZA-STG-009', 'unknown-keypolicy-type', snapshot([acct('stgkp', properties__keyPolicy="P90D")]), "UNKNOWN stgkp ~ keyPolicy is not an object")
case('AZA-STG-009', 'fail-keypolicy-null', snapshot([acct('stgkp', properties__keyPolicy=None)]), "FAIL stgkp ~ keyPolicy is null")
case('AZA-STG-009', 'fail-long', snapshot([acct('stglong', properties__keyPolicy__keyExpirationPeriodInDays=400)]), "FAIL stglong ~ more than 90")
simple('AZA-STG-010', {'properties__allowSharedKeyAccess': True}, {'properties__allowSharedKeyAccess': True, 'properties__keyCreationTime__key1': '2021-03-18T04:42:22.4322836Z'}, {'properties__allowSharedKeyAccess': True, 'properties__keyCreationTime': DEL}, 'younger than 90', 'key1 was created')
simple('AZA-STG-011', {}, {'properties__allowSharedKeyAccess': True}, {'properties__allowSharedKeyAccess': 'nope'})
case('AZA-STG-011', 'fail-absent', snapshot([acct('stgsk', properties__allowSharedKeyAccess=DEL)]), "FAIL stgsk ~ null means true")
simple('AZA-STG-012', {}, {'properties__allowCrossTenantReplication': True}, {'properties__allowCrossTenantReplication': 3})
# allowCrossTenantReplication unset: accounts created after 15 December 2023
# do not permit cross-tenant replication; older ones that never set it (null)
# do. A deployed account's properties.creationTime says which applies.
def unset_ctr(name, created, val=DEL):
    return unset_prop(name, 'allowCrossTenantReplication', created, val)
case('AZA-STG-012', 'fail-absent-old', snapshot([unset_ctr('stgold', '2021-03-18T04:42:22.4322836Z')]),
     "FAIL stgold ~ allowCrossTenantReplication not set on an account created 2021-03-18")
case('AZA-STG-012', 'fail-null-old', snapshot([unset_ctr('stgnull', '2023-12-14T23:59:59Z', None)]), "FAIL stgnull ~ created 2023-12-14")
case('AZA-STG-012', 'pass-absent-new', snapshot([unset_ctr('stgnew', '2024-02-01T09:30:00.1234567Z')]),
     "PASS stgnew ~ allowCrossTenantReplication not set on an account created 2024-02-01")
case('AZA-STG-012', 'unknown-absent-nocreation', snapshot([unset_ctr('stgunk', None)]), "UNKNOWN stgunk ~ no creationTime")
# created on the day of the change: which default it got is not documented
case('AZA-STG-012', 'unknown-absent-boundary', snapshot([unset_ctr('stgday', '2023-12-15T10:00:00Z')]), "UNKNOWN stgday ~ 15 December 2023")
case('AZA-STG-012', 'unknown-creation-type', snapshot([unset_ctr('stgodd', 1702598400)]), "UNKNOWN stgodd ~ creationTime is not a date")
case('AZA-STG-012', 'pass-template-default', stgtemplate('2023-05-01'), "PASS stgtmpl ~ not set: at api-version 2023-05-01 a new account")
case('AZA-STG-012', 'unknown-template-old-api', stgtemplate('2022-09-01'), "UNKNOWN stgtmpl ~ api-version 2022-09-01")
case('AZA-STG-012', 'unknown-template-api-param', stgtemplate("[parameters('v')]"), "UNKNOWN stgtmpl ~ only known at deployment")
case('AZA-STG-012', 'fail-template-explicit', stgtemplate('2023-05-01', {"allowCrossTenantReplication": True}), "FAIL stgtmpl ~ allowCrossTenantReplication is true")
simple('AZA-STG-013', {}, {'properties__defaultToOAuthAuthentication': DEL}, {'properties__defaultToOAuthAuthentication': 'maybe'})
# null is the API's "not set" (false): say so, not "false"
case('AZA-STG-013', 'fail-null', snapshot([acct('stgnull', properties__defaultToOAuthAuthentication=None)]), "FAIL stgnull ~ defaultToOAuthAuthentication is null")
simple('AZA-STG-021', {}, {'properties__encryption__requireInfrastructureEncryption': False}, {'properties__encryption__requireInfrastructureEncryption': []})
case('AZA-STG-021', 'fail-null', snapshot([acct('stgnull', properties__encryption__requireInfrastructureEncryption=None)]),
     "FAIL stgnull ~ encryption.requireInfrastructureEncryption is null")
simple('AZA-STG-022', {}, {'sku__name': 'Standard_LRS'}, {'sku': DEL})
case('AZA-STG-022', 'unknown-sku-name-type', snapshot([acct('stgsku', sku={"name": 5, "tier": "Standard"})]), "UNKNOWN stgsku ~ sku.name is not a string")
case('AZA-STG-022', 'unknown-sku-type', snapshot([acct('stgsku', sku="Standard_GRS")]), "UNKNOWN stgsku ~ sku is not an object")
case('AZA-STG-022', 'pass-critical', snapshot([acct('stgcrit', tags={"criticality": "high"}), acct('stgother', sku={"name": "Standard_LRS"})]), "PASS stgcrit\nNOT_APPLICABLE stgother")
import json
open(ROOT + '/AZA-STG-022/pass-critical.config.json', 'w').write(json.dumps({"critical_tag": {"name": "criticality", "value": "high"}}) + "\n")

# containers
def cont(acc, name, access):
    c = {"id": acc["id"] + f"/blobServices/default/containers/{name}", "name": name, "type": ST + "/blobServices/containers",
         "etag": "\"0x8D589847D51C7DE\"", "properties": {"publicAccess": access, "leaseStatus": "Unlocked", "hasImmutabilityPolicy": False, "hasLegalHold": False}}
    return c
a_open = acct('stgopen', properties__allowBlobPublicAccess=True)
a_closed = acct('stgclosed')
case('AZA-STG-004', 'pass', snapshot([a_open, cont(a_open, 'private', 'None'), a_closed, cont(a_closed, 'blocked', 'Container')]),
     "PASS stgopen/default/private ~ None\nPASS stgclosed/default/blocked ~ but the account blocks anonymous access: the account sets allowBlobPublicAccess false")
case('AZA-STG-004', 'fail', snapshot([a_open, cont(a_open, 'public', 'Container'), cont(a_open, 'blobonly', 'Blob')]),
     "FAIL stgopen/default/public ~ list blobs\nFAIL stgopen/default/blobonly")
c = cont(a_open, 'nofield', 'None'); del c['properties']['publicAccess']
case('AZA-STG-004', 'unknown', snapshot([a_open, c]), "UNKNOWN stgopen/default/nofield ~ absent")
# An account that leaves allowBlobPublicAccess unset has the default of its
# creation date (AZA-STG-003): false from 6 December 2023, which blocks a
# public container; true before 1 August 2023; either in between.
a_new, a_newnull = unset_abpa('stgnew', '2024-02-01T09:30:00.1234567Z'), unset_abpa('stgnewnull', '2023-12-06T00:00:00Z', None)
case('AZA-STG-004', 'pass-account-default-false', snapshot([a_new, cont(a_new, 'public', 'Container'), a_newnull, cont(a_newnull, 'blobonly', 'Blob')]),
     "PASS stgnew/default/public ~ publicAccess is Container, but the account blocks anonymous access: allowBlobPublicAccess not set on an account created 2024-02-01\n"
     "PASS stgnewnull/default/blobonly ~ publicAccess is Blob, but the account blocks anonymous access: allowBlobPublicAccess not set on an account created 2023-12-06")
a_old = unset_abpa('stgold', '2021-03-18T04:42:22.4322836Z', None)
case('AZA-STG-004', 'fail-account-default-true', snapshot([a_old, cont(a_old, 'public', 'Container')]),
     "FAIL stgold/default/public ~ anonymous clients can read and list blobs (allowBlobPublicAccess not set on an account created 2021-03-18, before 1 August 2023")
case('AZA-STG-004', 'fail-account-true', snapshot([a_open, cont(a_open, 'blobonly', 'Blob')]),
     "FAIL stgopen/default/blobonly ~ publicAccess is Blob: anonymous clients can read blobs (the account sets allowBlobPublicAccess true)")
# An account that is not in the input may block anonymous access (its
# allowBlobPublicAccess false) whatever the container's level: UNKNOWN, naming
# the account; a private container passes without it.
a_gone = acct('stggone', properties__allowBlobPublicAccess=True)
case('AZA-STG-004', 'unknown-account-missing', snapshot([cont(a_gone, 'public', 'Container'), cont(a_gone, 'blobonly', 'Blob'), cont(a_gone, 'private', 'None')]),
     "UNKNOWN stggone/default/public ~ publicAccess is Container, but whether the account allows anonymous access is not known: its storage account stggone is not in the input\n"
     "UNKNOWN stggone/default/blobonly ~ publicAccess is Blob, but whether the account allows anonymous access is not known: its storage account stggone is not in the input\n"
     "PASS stggone/default/private ~ publicAccess is None")
# created during the rollout, without a creationTime, with an
# allowBlobPublicAccess that is not a boolean, or without properties: the
# account may or may not block the container; a private one passes anyway.
a_oct, a_noct, a_odd, a_bare = unset_abpa('stgoct', '2023-10-02T10:00:00Z'), unset_abpa('stgnoct', None), acct('stgodd', properties__allowBlobPublicAccess='sometimes'), bare('stgbare')
case('AZA-STG-004', 'unknown-account-default-undecided', snapshot([a_oct, cont(a_oct, 'public', 'Container'), cont(a_oct, 'private', 'None'), a_noct, cont(a_noct, 'public', 'Blob')]),
     "UNKNOWN stgoct/default/public ~ publicAccess is Container, but whether the account allows anonymous access is not known: allowBlobPublicAccess not set on an account created 2023-10-02\n"
     "PASS stgoct/default/private ~ publicAccess is None\n"
     "UNKNOWN stgnoct/default/public ~ allowBlobPublicAccess not set and the account has no creationTime")
case('AZA-STG-004', 'unknown-account-unreadable', snapshot([a_odd, cont(a_odd, 'public', 'Container'), a_bare, cont(a_bare, 'public', 'Container')]),
     "UNKNOWN stgodd/default/public ~ the account's allowBlobPublicAccess is not a boolean\n"
     "UNKNOWN stgbare/default/public ~ the account has no properties")
# A level that is none of None, Blob and Container says nothing, unless the
# account blocks anonymous access whatever the level.
case('AZA-STG-004', 'unknown-unexpected-level', snapshot([a_open, cont(a_open, 'odd', 'Public'), a_new, cont(a_new, 'odd', 'Public')]),
     "UNKNOWN stgopen/default/odd ~ publicAccess has an unexpected value 'Public'\n"
     "PASS stgnew/default/odd ~ publicAccess has an unexpected value 'Public' (None, Blob or Container), but the account blocks anonymous access")
# A template creates the account now: from api-version 2023-01-01 a new
# account disallows anonymous access unless the template allows it.
def conttemplate(api, props=None):
    t = stgtemplate(api, props)
    t["resources"].append({"type": ST + "/blobServices/containers", "apiVersion": api, "name": "stgtmpl/default/public",
                           "dependsOn": [f"[resourceId('{ST}', 'stgtmpl')]"], "properties": {"publicAccess": "Container"}})
    return t
case('AZA-STG-004', 'pass-template-default', conttemplate('2023-05-01'),
     "PASS stgtmpl/default/public ~ the account blocks anonymous access: allowBlobPublicAccess not set: at api-version 2023-05-01 a new account disallows")
# (a template's account without properties has every default, unlike an
# exported account without them)
t = conttemplate('2023-05-01'); del t["resources"][0]["properties"]
case('AZA-STG-004', 'pass-template-account-no-properties', t, "PASS stgtmpl/default/public ~ at api-version 2023-05-01 a new account disallows")
case('AZA-STG-004', 'unknown-template-old-api', conttemplate('2022-09-01'), "UNKNOWN stgtmpl/default/public ~ api-version 2022-09-01, which documents true")
case('AZA-STG-004', 'fail-template-explicit', conttemplate('2023-05-01', {"allowBlobPublicAccess": True}),
     "FAIL stgtmpl/default/public ~ (the account sets allowBlobPublicAccess true)")

# blob service rules
def blobsvc(acc, **props):
    p = {"deleteRetentionPolicy": {"enabled": True, "days": 14}, "containerDeleteRetentionPolicy": {"enabled": True, "days": 14}, "isVersioningEnabled": True, "changeFeed": {"enabled": True}}
    p.update(props)
    return svc(acc, 'blobServices', p)
ds_blob = [ST, ST + '/blobServices']
for rule, key, badval in [('AZA-STG-014', 'deleteRetentionPolicy', {"enabled": False}), ('AZA-STG-015', 'containerDeleteRetentionPolicy', {"enabled": False}), ('AZA-STG-016', 'isVersioningEnabled', False)]:
    a = acct('stgok'); b = acct('stgbad')
    case(rule, 'pass', snapshot([a, blobsvc(a)], datasets=ds_blob), "PASS stgok")
    case(rule, 'fail', snapshot([b, blobsvc(b, **{key: badval})], datasets=ds_blob), "FAIL stgbad")
    bb = blobsvc(b); del bb['properties'][key]
    case(rule, 'fail-absent', snapshot([b, bb], datasets=ds_blob), "FAIL stgbad ~ not set")
    case(rule, 'unknown', snapshot([acct('stgunk')], datasets=[ST], ), "UNKNOWN stgunk ~ not collected")
    # premium file share accounts have no blob service
    case(rule, 'na-filestorage', snapshot([acct('stgfiles', kind='FileStorage')], datasets=ds_blob), "NOT_APPLICABLE stgfiles ~ FileStorage")
    case(rule, 'unknown-error', snapshot([acct('stgunk')], datasets=ds_blob, errors=[{"scope": acct('stgunk')['id'], "type": ST + "/blobServices", "api": "GET blobServices/default", "status": 403, "message": "AuthorizationFailed"}]), "UNKNOWN stgunk ~ HTTP 403")

# A retention policy is on only when its enabled is true; the message says
# what is there: null is the API's "not set", not a policy that says disabled.
for rule, key in [('AZA-STG-014', 'deleteRetentionPolicy'), ('AZA-STG-015', 'containerDeleteRetentionPolicy')]:
    b = acct('stgbad'); a = acct('stgok')
    case(rule, 'fail-disabled', snapshot([b, blobsvc(b, **{key: {"enabled": False, "days": 7}})], datasets=ds_blob), "FAIL stgbad ~ is disabled (enabled false)")
    case(rule, 'fail-null', snapshot([b, blobsvc(b, **{key: None})], datasets=ds_blob), f"FAIL stgbad ~ {key} is null (not set: disabled)")
    case(rule, 'fail-enabled-absent', snapshot([b, blobsvc(b, **{key: {"days": 7}})], datasets=ds_blob), f"FAIL stgbad ~ {key} has no enabled")
    case(rule, 'fail-enabled-null', snapshot([b, blobsvc(b, **{key: {"enabled": None, "days": 7}})], datasets=ds_blob), f"FAIL stgbad ~ {key} has enabled null (not set")
    case(rule, 'pass-days', snapshot([a, blobsvc(a)], datasets=ds_blob), f"PASS stgok ~ {key} enabled (14 days)")
    case(rule, 'pass-no-days', snapshot([a, blobsvc(a, **{key: {"enabled": True}})], datasets=ds_blob), f"PASS stgok ~ {key} enabled (days not set)")
    case(rule, 'unknown-policy-type', snapshot([b, blobsvc(b, **{key: "enabled"})], datasets=ds_blob), f"UNKNOWN stgbad ~ {key} is not an object")

# null is the API's "not set" (false): say so, not "false"
b = acct('stgbad')
case('AZA-STG-016', 'fail-null', snapshot([b, blobsvc(b, isVersioningEnabled=None)], datasets=ds_blob), "FAIL stgbad ~ isVersioningEnabled is null")

def filesvc(acc, **props):
    p = {"shareDeleteRetentionPolicy": {"enabled": True, "days": 7}, "protocolSettings": {"smb": {"versions": "SMB3.1.1;", "channelEncryption": "AES-256-GCM;"}}}
    p.update(props)
    return svc(acc, 'fileServices', p)
ds_file = [ST, ST + '/fileServices']
a = acct('stgok'); b = acct('stgbad')
case('AZA-STG-017', 'pass', snapshot([a, filesvc(a)], datasets=ds_file), "PASS stgok")
case('AZA-STG-017', 'fail', snapshot([b, filesvc(b, shareDeleteRetentionPolicy={"enabled": False})], datasets=ds_file), "FAIL stgbad")
case('AZA-STG-017', 'unknown', snapshot([acct('stgunk')], datasets=[ST]), "UNKNOWN stgunk")
for name, pol, want in [('fail-disabled', {"enabled": False, "days": 7}, "is disabled (enabled false)"), ('fail-null', None, "is null (not set: disabled)"),
                        ('fail-enabled-absent', {"days": 7}, "has no enabled"), ('fail-enabled-null', {"enabled": None}, "has enabled null (not set")]:
    case('AZA-STG-017', name, snapshot([b, filesvc(b, shareDeleteRetentionPolicy=pol)], datasets=ds_file), f"FAIL stgbad ~ shareDeleteRetentionPolicy {want}")
case('AZA-STG-017', 'pass-days', snapshot([a, filesvc(a)], datasets=ds_file), "PASS stgok ~ shareDeleteRetentionPolicy enabled (7 days)")
case('AZA-STG-017', 'unknown-policy-type', snapshot([b, filesvc(b, shareDeleteRetentionPolicy=[])], datasets=ds_file), "UNKNOWN stgbad ~ shareDeleteRetentionPolicy is not an object")
case('AZA-STG-017', 'pass-blobkind', snapshot([acct('stgblob', kind='BlockBlobStorage')], datasets=ds_file), "NOT_APPLICABLE stgblob")
case('AZA-STG-018', 'pass', snapshot([a, filesvc(a)], datasets=ds_file), "PASS stgok")
case('AZA-STG-018', 'fail', snapshot([b, filesvc(b, protocolSettings={"smb": {"versions": "SMB2.1;SMB3.0;SMB3.1.1"}})], datasets=ds_file), "FAIL stgbad ~ SMB2.1")
case('AZA-STG-018', 'fail-absent', snapshot([b, filesvc(b, protocolSettings={})], datasets=ds_file), "FAIL stgbad ~ not set")
case('AZA-STG-018', 'unknown', snapshot([acct('stgunk')], datasets=[ST]), "UNKNOWN stgunk")
case('AZA-STG-019', 'pass', snapshot([a, filesvc(a)], datasets=ds_file), "PASS stgok")
case('AZA-STG-019', 'fail', snapshot([b, filesvc(b, protocolSettings={"smb": {"channelEncryption": "AES-128-CCM;AES-256-GCM"}})], datasets=ds_file), "FAIL stgbad ~ AES-128-CCM")
case('AZA-STG-019', 'unknown', snapshot([acct('stgunk')], errors=[{"scope": f"/subscriptions/{SUB}", "type": ST + "/fileServices", "status": 429, "message": "throttled"}]), "UNKNOWN stgunk ~ 429")

# analytics logging: dataplane or diagnostic settings
def dp(acc, svc_, r=True, w=True, d=True):
    return {"account": acc["id"], "service": svc_, "logging": {"version": "1.0", "read": r, "write": w, "delete": d, "retentionPolicy": {"enabled": True, "days": 90}}}
def diag(acc, svcname, cats):
    sid = acc["id"] + f"/{svcname}/default"
    return {"id": sid + "/providers/Microsoft.Insights/diagnosticSettings/audit", "name": "audit", "type": "Microsoft.Insights/diagnosticSettings",
            "properties": {"workspaceId": "/subscriptions/x/resourceGroups/y/providers/Microsoft.OperationalInsights/workspaces/w",
                           "logs": [{"category": c, "categoryGroup": None, "enabled": True} for c in cats]}}
case('AZA-STG-020', 'pass', snapshot([a], dataplane={"storage": [dp(a, 'blob'), dp(a, 'queue'), dp(a, 'table')]}), "PASS stgok")
case('AZA-STG-020', 'pass-diag', snapshot([a] + [diag(a, s, ["StorageRead", "StorageWrite", "StorageDelete"]) for s in ("blobServices", "queueServices", "tableServices")], datasets=[ST, "Microsoft.Insights/diagnosticSettings"]), "PASS stgok")
case('AZA-STG-020', 'fail', snapshot([b], dataplane={"storage": [dp(b, 'blob'), dp(b, 'queue', d=False), dp(b, 'table', r=False)]}), "FAIL stgbad ~ queue, table")
case('AZA-STG-020', 'unknown', snapshot([acct('stgunk')]), "UNKNOWN stgunk ~ not collected")
# premium block blob accounts have no queue or table service; FileStorage none of the three
bb = acct('stgpremium', kind='BlockBlobStorage')
case('AZA-STG-020', 'pass-blockblob', snapshot([bb], dataplane={"storage": [dp(bb, 'blob')]}), "PASS stgpremium ~ blob (the only service")
case('AZA-STG-020', 'na-filestorage', snapshot([acct('stgfiles', kind='FileStorage')], dataplane={"storage": []}), "NOT_APPLICABLE stgfiles")
# Category groups: allLogs is every category of the service; which categories
# audit holds is Microsoft's choice per resource type, undocumented for
# storage and subject to change, so it proves none of the three.
def diag_group(acc, svcname, group):
    d = diag(acc, svcname, [])
    d["properties"]["logs"] = [{"category": None, "categoryGroup": group, "enabled": True}]
    return d
SVCS = ("blobServices", "queueServices", "tableServices")
DS_DIAG = [ST, "Microsoft.Insights/diagnosticSettings"]
au = acct('stgaudit')
case('AZA-STG-020', 'pass-alllogs', snapshot([a] + [diag_group(a, s, "allLogs") for s in SVCS], datasets=DS_DIAG), "PASS stgok")
case('AZA-STG-020', 'unknown-audit-group', snapshot([au] + [diag_group(au, s, "audit") for s in SVCS], datasets=DS_DIAG),
     "UNKNOWN stgaudit ~ blob, queue, table: diagnostic setting 'audit' enables categoryGroup audit")
# classic logging off, but the audit group may hold the categories: not a FAIL either
case('AZA-STG-020', 'unknown-audit-dataplane-off', snapshot([au] + [diag_group(au, s, "audit") for s in SVCS], datasets=DS_DIAG,
                                                          dataplane={"storage": [dp(au, 'blob', r=False), dp(au, 'queue', r=False), dp(au, 'table', r=False)]}),
     "UNKNOWN stgaudit ~ categoryGroup audit")
case('AZA-STG-020', 'unknown-audit-one-service', snapshot([au, diag_group(au, "blobServices", "audit")] + [diag(au, s, ["StorageRead", "StorageWrite", "StorageDelete"]) for s in SVCS[1:]], datasets=DS_DIAG),
     "UNKNOWN stgaudit ~ blob: diagnostic setting 'audit' enables categoryGroup audit")
# a service proven off fails whatever the others' audit group holds
case('AZA-STG-020', 'fail-audit-and-off', snapshot([au, diag_group(au, "blobServices", "audit"), diag(au, "tableServices", ["StorageRead", "StorageWrite", "StorageDelete"])],
                                                 datasets=DS_DIAG, dataplane={"storage": [dp(au, 'queue', d=False)]}),
     "FAIL stgaudit ~ logging is off for the queue service")

# (a) A service's categories may be split over several diagnostic settings:
# together they log all three, as long as each names a destination.
def diag_named(acc, svcname, name, cats, dest=True):
    d = diag(acc, svcname, cats)
    d["id"] = d["id"].rsplit("/", 1)[0] + "/" + name
    d["name"] = name
    if not dest:
        d["properties"]["workspaceId"] = ""
    return d
sp = acct('stgsplit')
case('AZA-STG-020', 'pass-diag-split', snapshot([sp] + [diag_named(sp, s, "reads-writes", ["StorageRead", "StorageWrite"]) for s in SVCS]
                                               + [diag_named(sp, s, "deletes", ["StorageDelete"]) for s in SVCS], datasets=DS_DIAG),
     "PASS stgsplit ~ read, write and delete requests are logged")
# a setting without a destination delivers nothing: it proves no logging
nd = acct('stgnodest')
case('AZA-STG-020', 'unknown-diag-no-destination', snapshot([nd] + [diag_named(nd, s, "nowhere", ["StorageRead", "StorageWrite", "StorageDelete"], dest=False) for s in SVCS],
                                                           datasets=DS_DIAG),
     "UNKNOWN stgnodest ~ diagnostic settings 'nowhere' (blob), 'nowhere' (queue), 'nowhere' (table) name no destination")
# ...and does not complete a split with one that has
case('AZA-STG-020', 'unknown-diag-split-no-destination', snapshot([nd] + [diag_named(nd, s, "reads-writes", ["StorageRead", "StorageWrite"]) for s in SVCS]
                                                                 + [diag_named(nd, s, "nowhere", ["StorageDelete"], dest=False) for s in SVCS], datasets=DS_DIAG),
     "UNKNOWN stgnodest ~ no table data-plane logging facts and no diagnostic setting delivers StorageDelete; diagnostic settings 'nowhere' (blob), 'nowhere' (queue), 'nowhere' (table) name no destination")
# the two sources combine too: reads and writes to a workspace, deletes by
# classic logging
mx = acct('stgmixed')
case('AZA-STG-020', 'pass-diag-and-classic', snapshot([mx] + [diag_named(mx, s, "reads-writes", ["StorageRead", "StorageWrite"]) for s in SVCS], datasets=DS_DIAG,
                                                     dataplane={"storage": [dp(mx, v, r=False, w=False) for v in ('blob', 'queue', 'table')]}),
     "PASS stgmixed")
case('AZA-STG-020', 'fail-diag-and-classic-no-delete', snapshot([mx] + [diag_named(mx, s, "reads-writes", ["StorageRead", "StorageWrite"]) for s in SVCS], datasets=DS_DIAG,
                                                               dataplane={"storage": [dp(mx, v, d=False) for v in ('blob', 'queue', 'table')]}),
     "FAIL stgmixed ~ blob, queue, table services")
# (b) a data-plane entry that does not say whether logging is on is not "off"
inc = acct('stgpart')
def dp_raw(acc, svc_, logging):
    e = {"account": acc["id"], "service": svc_}
    if logging is not DEL: e["logging"] = logging
    return e
case('AZA-STG-020', 'unknown-dataplane-no-logging', snapshot([inc], dataplane={"storage": [dp_raw(inc, v, DEL) for v in ('blob', 'queue', 'table')]}),
     "UNKNOWN stgpart ~ data-plane entry has no logging object")
# (a null logging is outside the snapshot schema: the absent case above stands for it)
case('AZA-STG-020', 'unknown-dataplane-not-boolean', snapshot([inc], dataplane={"storage": [dp(inc, 'blob', r=1), dp(inc, 'queue'), dp(inc, 'table', d=None)]}),
     "UNKNOWN stgpart ~ the blob service's data-plane entry has logging.read that is not a boolean and no diagnostic setting delivers StorageRead; the table")
# what the collector writes for a Logging element without Read (the member
# left out) and for a Delete that is not true or false (its text): neither
# says the request type is off
def dp_members(acc, svc_, **members):
    return {"account": acc["id"], "service": svc_, "logging": dict({"version": "1.0"}, **members)}
case('AZA-STG-020', 'unknown-dataplane-member-missing', snapshot([inc], dataplane={"storage": [dp_members(inc, 'blob', write=True, delete=True),
                                                                                            dp_members(inc, 'queue', read=True, write=True, delete="yes"),
                                                                                            dp(inc, 'table')]}),
     "UNKNOWN stgpart ~ the blob service's data-plane entry has logging.read missing and no diagnostic setting delivers StorageRead; the queue "
     "service's data-plane entry has logging.delete that is not a boolean")
# a service proven off fails whatever another's entry lacks
case('AZA-STG-020', 'fail-off-and-incomplete', snapshot([inc], dataplane={"storage": [dp(inc, 'blob', w=False), dp_raw(inc, 'queue', DEL), dp(inc, 'table')]}),
     "FAIL stgpart ~ logging is off for the blob service")

# locks
def lock(scope, name, level):
    return {"id": scope + f"/providers/Microsoft.Authorization/locks/{name}", "name": name, "type": "Microsoft.Authorization/locks", "properties": {"level": level, "notes": ""}}
rg = f"/subscriptions/{SUB}/resourceGroups/rg-data"
case('AZA-STG-023', 'pass', snapshot([acct('stgok'), lock(rg, 'rg-nodelete', 'CanNotDelete'), acct('stgown'), lock(acct('stgown')['id'], 'own', 'ReadOnly')]), "PASS stgok ~ rg-data\nPASS stgown")
case('AZA-STG-023', 'fail', snapshot([acct('stgbad'), lock(f"/subscriptions/{SUB}/resourceGroups/rg-other", 'elsewhere', 'CanNotDelete')], datasets=[ST, "Microsoft.Authorization/locks"]), "FAIL stgbad")
case('AZA-STG-023', 'unknown', snapshot([acct('stgunk')]), "UNKNOWN stgunk ~ not collected")
case('AZA-STG-024', 'manual', snapshot([acct('stgok')]), "MANUAL 72f988bf-0000-0000-0000-000000000001")

# wrong types and incomplete service objects are not "off": UNKNOWN
case('AZA-STG-007', 'unknown-acl-notobject', snapshot([acct('stgunk', properties__networkAcls="Deny")]), "UNKNOWN stgunk ~ networkAcls is not an object")
case('AZA-STG-005', 'unknown-acl-notobject', snapshot([acct('stgunk', properties__networkAcls="Deny", properties__publicNetworkAccess='Enabled')]), "UNKNOWN stgunk ~ networkAcls is not an object")
for rule, key, badval in [('AZA-STG-014', 'deleteRetentionPolicy', {"enabled": 1, "days": 7}), ('AZA-STG-015', 'containerDeleteRetentionPolicy', {"enabled": 1, "days": 7}), ('AZA-STG-016', 'isVersioningEnabled', 1)]:
    b = acct('stgunk')
    case(rule, 'unknown-wrongtype', snapshot([b, blobsvc(b, **{key: badval})], datasets=ds_blob), "UNKNOWN stgunk ~ not a")
    bs = blobsvc(b); del bs['properties']
    case(rule, 'unknown-svc-noprops', snapshot([b, bs], datasets=ds_blob), "UNKNOWN stgunk ~ no \"properties\"")
b = acct('stgunk')
case('AZA-STG-017', 'unknown-wrongtype', snapshot([b, filesvc(b, shareDeleteRetentionPolicy={"enabled": 1, "days": 7})], datasets=ds_file), "UNKNOWN stgunk ~ not a boolean")
fs = filesvc(b); del fs['properties']
for rule in ('AZA-STG-017', 'AZA-STG-018', 'AZA-STG-019'):
    case(rule, 'unknown-svc-noprops', snapshot([b, fs], datasets=ds_file), "UNKNOWN stgunk ~ no \"properties\"")
case('AZA-STG-018', 'unknown-wrongtype', snapshot([b, filesvc(b, protocolSettings={"smb": {"versions": ["SMB3.1.1"]}})], datasets=ds_file), "UNKNOWN stgunk ~ not a string")
case('AZA-STG-019', 'unknown-wrongtype', snapshot([b, filesvc(b, protocolSettings={"smb": {"channelEncryption": ["AES-256-GCM"]}})], datasets=ds_file), "UNKNOWN stgunk ~ not a string")

# A general-purpose account (Storage or StorageV2) with a premium SKU holds
# page blobs only: Azure Files, queues and tables are not supported there
# (Learn, Storage account overview: premium page blobs). Premium file shares
# and block blobs have kinds of their own (FileStorage, BlockBlobStorage).
pg = acct('stgpageblob', sku={"name": "Premium_LRS", "tier": "Premium"})
pg1 = acct('stgpagev1', kind='Storage', sku={"name": "premium_lrs", "tier": "Premium"})
for rule in ('AZA-STG-017', 'AZA-STG-018', 'AZA-STG-019'):
    case(rule, 'na-premium-pageblob', snapshot([pg, pg1], datasets=ds_file),
         "NOT_APPLICABLE stgpageblob ~ a premium StorageV2 account (sku Premium_LRS: page blobs only) has no file service\n"
         "NOT_APPLICABLE stgpagev1 ~ a premium Storage account (sku premium_lrs: page blobs only)")
case('AZA-STG-018', 'na-template-premium-pageblob',
     template([{"type": ST, "apiVersion": "2023-05-01", "name": "stgtmpl", "location": "westeurope", "kind": "StorageV2",
                "sku": {"name": "Premium_LRS"}, "properties": {}}]),
     "NOT_APPLICABLE stgtmpl ~ (sku Premium_LRS: page blobs only) has no file service")
case('AZA-STG-020', 'pass-premium-pageblob', snapshot([pg], dataplane={"storage": [dp(pg, 'blob')]}),
     "PASS stgpageblob ~ blob (the only service of a premium StorageV2 account (sku Premium_LRS: page blobs only))")

# AZA-STG-016: accounts with a hierarchical namespace (which NFS 3.0 and SFTP
# need) cannot turn blob versioning on (Microsoft Learn, "Blob versioning":
# not supported), so its absence is no finding; one that has it on passes.
h = acct('stghns', properties__isHnsEnabled=True)
n = acct('stgnfs', properties__isHnsEnabled=True, properties__isNfsV3Enabled=True)
f = acct('stgflat', properties__isHnsEnabled=False)
case('AZA-STG-016', 'na-hierarchical-namespace',
     snapshot([h, blobsvc(h, isVersioningEnabled=False), n, blobsvc(n, isVersioningEnabled=None), f, blobsvc(f, isVersioningEnabled=False)], datasets=ds_blob),
     "NOT_APPLICABLE stghns ~ isHnsEnabled is true\nNOT_APPLICABLE stgnfs ~ isHnsEnabled is true\nFAIL stgflat ~ isVersioningEnabled is false")
# ...and Learn's "Blob versioning" makes it available for standard
# general-purpose v2, premium block blob and legacy Blob storage accounts only:
# a general-purpose v1 account (kind Storage) and a premium page blob account
# (StorageV2 with a premium SKU) cannot turn it on either. BlobStorage can.
v1 = acct('stgv1', kind='Storage', sku={"name": "Standard_GRS", "tier": "Standard"})
pgv = acct('stgpageblob', sku={"name": "Premium_LRS", "tier": "Premium"})
lg = acct('stglegacy', kind='BlobStorage')
case('AZA-STG-016', 'na-unsupported-kind',
     snapshot([v1, blobsvc(v1, isVersioningEnabled=False), pgv, blobsvc(pgv, isVersioningEnabled=None), lg, blobsvc(lg, isVersioningEnabled=False)], datasets=ds_blob),
     "NOT_APPLICABLE stgv1 ~ account kind Storage (general-purpose v1) does not support blob versioning\n"
     "NOT_APPLICABLE stgpageblob ~ a premium StorageV2 account (sku Premium_LRS: page blobs only) does not support blob versioning\n"
     "FAIL stglegacy ~ isVersioningEnabled is false")

# AZA-STG-003: a FileStorage account holds Azure Files only (Learn, Storage
# account overview): anonymous blob access has nothing to reach, whether the
# switch is unset on an old account or set true.
fso = unset_abpa('stgfilesold', '2021-03-18T04:42:22.4322836Z', None); fso['kind'] = 'FileStorage'
fst = acct('stgfilestrue', kind='FileStorage', properties__allowBlobPublicAccess=True)
case('AZA-STG-003', 'na-filestorage', snapshot([fso, fst]),
     "NOT_APPLICABLE stgfilesold ~ account kind FileStorage has no blob service\nNOT_APPLICABLE stgfilestrue ~ FileStorage")

# AZA-STG-012: allowCrossTenantReplication governs object replication, which
# only general-purpose v2 and premium block blob accounts support, for block
# blobs, with blob versioning on both sides (Learn, Object replication for
# block blobs): accounts of the other kinds, premium page blob accounts and
# accounts with a hierarchical namespace (no versioning) cannot replicate.
def old_ctr(name, **kv):
    a = unset_ctr(name, '2021-03-18T04:42:22.4322836Z', None)
    for k, v in kv.items():
        if k == 'hns': a['properties']['isHnsEnabled'] = v
        else: a[k] = v
    return a
case('AZA-STG-012', 'na-no-object-replication',
     snapshot([old_ctr('stgfiles', kind='FileStorage'), old_ctr('stgv1', kind='Storage'), old_ctr('stglegacy', kind='BlobStorage'),
               old_ctr('stgpageblob', sku={"name": "Premium_LRS", "tier": "Premium"}), old_ctr('stglake', hns=True),
               acct('stglaketrue', properties__isHnsEnabled=True, properties__allowCrossTenantReplication=True),
               old_ctr('stgblock', kind='BlockBlobStorage', sku={"name": "Premium_LRS", "tier": "Premium"}), old_ctr('stgflat', hns=False)]),
     "NOT_APPLICABLE stgfiles ~ account kind FileStorage does not support object replication\n"
     "NOT_APPLICABLE stgv1 ~ account kind Storage does not support\n"
     "NOT_APPLICABLE stglegacy ~ account kind BlobStorage\n"
     "NOT_APPLICABLE stgpageblob ~ a premium StorageV2 account (sku Premium_LRS: page blobs only) does not support object replication\n"
     "NOT_APPLICABLE stglake ~ hierarchical namespace\n"
     "NOT_APPLICABLE stglaketrue ~ isHnsEnabled true\n"
     "FAIL stgblock ~ created 2021-03-18\n"
     "FAIL stgflat ~ created 2021-03-18")
