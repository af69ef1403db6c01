import sys; import os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *
import json
KV = 'Microsoft.KeyVault/vaults'
RG = 'rg-sec'
def kvid(name): return rid(RG, 'Microsoft.KeyVault', 'vaults', name)
TEN = "72f988bf-0000-0000-0000-000000000001"
PERMS = {"keys": ["get", "list", "create", "update", "import", "delete", "backup", "restore", "recover", "purge"],
         "secrets": ["get", "list", "set", "delete", "backup", "restore", "recover", "purge"],
         "certificates": ["get", "list", "delete", "create", "import", "update"]}
# Shaped on getVault.json (2023-07-01) and createVault.json (2024-11-01).
def vault(name, rbac=True, **kv):
    v = {"id": kvid(name), "name": name, "type": KV, "location": "westeurope", "tags": {},
         "systemData": {"createdBy": "keyVaultUser1", "createdByType": "User", "createdAt": "2025-01-01T12:00:00.0000000Z"},
         "properties": {"sku": {"family": "A", "name": "standard"}, "tenantId": TEN,
            "accessPolicies": [] if rbac else [{"tenantId": TEN, "objectId": "00000000-0000-0000-0000-0000000000a1", "permissions": PERMS}],
            "enabledForDeployment": False, "enabledForDiskEncryption": False, "enabledForTemplateDeployment": False,
            "enableSoftDelete": True, "softDeleteRetentionInDays": 90, "enablePurgeProtection": True, "enableRbacAuthorization": rbac,
            "networkAcls": {"bypass": "AzureServices", "defaultAction": "Deny", "ipRules": [{"value": "203.0.113.0/24"}], "virtualNetworkRules": []},
            "privateEndpointConnections": [{"id": kvid(name) + "/privateEndpointConnections/pe1", "etag": "",
               "properties": {"provisioningState": "Succeeded", "privateEndpoint": {"id": rid(RG, 'Microsoft.Network', 'privateEndpoints', 'pe1')},
                              "privateLinkServiceConnectionState": {"status": "Approved", "actionsRequired": "None"}}}],
            "vaultUri": f"https://{name}.vault.azure.net", "provisioningState": "Succeeded", "publicNetworkAccess": "Disabled"}}
    return mod(v, **kv)
def bare(name):
    v = vault(name); del v["properties"]; return v
EXP = 1830297600  # 2028-01-01
ROT = {"attributes": {"expiryTime": "P1Y"}, "lifetimeActions": [{"trigger": {"timeAfterCreate": "P11M"}, "action": {"type": "rotate"}},
                                                                 {"trigger": {"timeBeforeExpiry": "P30D"}, "action": {"type": "notify"}}]}
# Shaped on getKey.json / listKeys.json (2023-07-01).
def key(vname, name, exp=EXP, enabled=True, rotation=ROT):
    a = {"enabled": enabled, "created": 1598533051, "updated": 1598533051, "recoveryLevel": "Recoverable+Purgeable"}
    if exp is not None: a["exp"] = exp
    p = {"attributes": a, "kty": "RSA", "keyOps": ["encrypt", "decrypt", "sign", "verify", "wrapKey", "unwrapKey"], "keySize": 2048,
         "keyUri": f"https://{vname}.vault.azure.net:443/keys/{name}",
         "keyUriWithVersion": f"https://{vname}.vault.azure.net:443/keys/{name}/fd618d9519b74f9aae94ade66b876acc"}
    if rotation is not None: p["rotationPolicy"] = rotation
    return {"id": kvid(vname) + "/keys/" + name, "name": name, "type": KV + "/keys", "location": "westeurope", "properties": p}
# Shaped on listSecrets.json (2024-11-01).
def secret(vname, name, exp=EXP, enabled=True):
    a = {"created": 1514941476, "enabled": enabled, "updated": 1514941476}
    if exp is not None: a["exp"] = exp
    return {"name": name, "type": KV + "/secrets", "id": kvid(vname) + "/secrets/" + name, "location": "westeurope",
            "properties": {"attributes": a, "secretUri": f"https://{vname}.vault.azure.net/secrets/{name}",
                           "secretUriWithVersion": f"https://{vname}.vault.azure.net/secrets/{name}/40af42fbc10047f8a756a73211492f56"}}
NOPROPS = "UNKNOWN {} ~ no \"properties\""

# expiry rules
for R, mk, typ, rbac, other in [('AZA-KV-001', key, 'keys', True, 'AZA-KV-002'), ('AZA-KV-002', key, 'keys', False, 'AZA-KV-001'),
                                ('AZA-KV-003', secret, 'secrets', True, 'AZA-KV-004'), ('AZA-KV-004', secret, 'secrets', False, 'AZA-KV-003')]:
    what = typ[:-1]
    ds = [KV, KV + '/' + typ]
    case(R, 'pass', snapshot([vault('kvok', rbac), mk('kvok', 'a'), mk('kvok', 'old', exp=None, enabled=False), vault('kvother', not rbac), mk('kvother', 'x', exp=None),
                              vault('kvempty', rbac)], datasets=ds),
         f"PASS kvok ~ all 1 enabled {what} has an expiration date\nNOT_APPLICABLE kvother ~ {other}\nNOT_APPLICABLE kvempty ~ no enabled {what}")
    case(R, 'fail', snapshot([vault('kvbad', rbac), mk('kvbad', 'signing', exp=None), mk('kvbad', 'fine')], datasets=ds),
         f"FAIL kvbad ~ 1 of 2 enabled {what}s have no expiration date: 'signing'")
    case(R, 'unknown', snapshot([vault('kvunk', rbac)], datasets=[KV]), f"UNKNOWN kvunk ~ not collected")
    case(R, 'unknown-error', snapshot([vault('kverr', rbac)], datasets=ds, errors=[{"scope": kvid('kverr'), "type": KV + '/' + typ, "api": f"GET {typ}", "status": 403, "message": "Forbidden"}]),
         "UNKNOWN kverr ~ HTTP 403")
    case(R, 'unknown-noprops', snapshot([bare('kvbare')]), NOPROPS.format('kvbare'))
    # A listing that failed part way: the items in the input prove nothing
    # about those it left out.
    case(R, 'unknown-partial', snapshot([vault('kvpart', rbac), mk('kvpart', 'a')], datasets=ds,
                                        errors=[{"scope": kvid('kvpart'), "type": KV + '/' + typ, "api": f"GET {typ}", "status": 429, "message": "Too Many Requests"}]),
         f"UNKNOWN kvpart ~ HTTP 429: Too Many Requests) (1 enabled and 0 disabled in the input)")
    # enabled that is not a boolean: the item may be disabled, so a missing
    # date is no FAIL; a date is fine either way.
    case(R, 'unknown-enabled-type', snapshot([vault('kvodd', rbac), mk('kvodd', 'maybe', exp=None, enabled=0), mk('kvodd', 'dated', enabled=1)], datasets=ds),
         f"UNKNOWN kvodd ~ attributes.enabled is not a boolean for {what} 'maybe'")
    # attributes of another type: whether the item is enabled cannot be read
    raw = mk('kvattr', 'raw', exp=None); raw['properties']['attributes'] = "enabled"
    case(R, 'unknown-attributes-type', snapshot([vault('kvattr', rbac), raw, mk('kvattr', 'dated')], datasets=ds),
         f"UNKNOWN kvattr ~ for {what} 'raw' (attributes is not an object)")
    # A deployed item without properties is an export without details (as
    # the engine says of a vault): neither enabled without expiry (FAIL) nor
    # fine. An item that fails still fails.
    bare_item = mk('kvpart', 'bare'); del bare_item['properties']
    null_item = mk('kvpart', 'nulled'); null_item['properties'] = None
    case(R, 'unknown-item-noprops', snapshot([vault('kvpart', rbac), mk('kvpart', 'dated'), bare_item], datasets=ds),
         f"UNKNOWN kvpart ~ {what} 'bare' has no \"properties\" in the input")
    # null properties is outside the snapshot schema: a plain export
    case(R, 'unknown-item-nullprops', [vault('kvpart', rbac), mk('kvpart', 'dated'), null_item],
         f"UNKNOWN kvpart ~ {what} 'nulled' has no \"properties\" in the input")
    case(R, 'fail-item-noprops', snapshot([vault('kvpart', rbac), mk('kvpart', 'undated', exp=None), bare_item], datasets=ds),
         f"FAIL kvpart ~ 1 of 1 enabled {what} has no expiration date: 'undated'")
# getVault.json: enableRbacAuthorization absent = access-policy vault
case('AZA-KV-002', 'fail-absent-rbac', snapshot([vault('kvap', False, properties__enableRbacAuthorization=DEL), key('kvap', 'k1', exp=None)]), "FAIL kvap ~ 'k1'")

# From api-version 2026-02-01 a vault created without enableRbacAuthorization
# uses Azure RBAC; before it, access policies.
def kvtemplate(api, rbac=DEL, keyexp=None):
    p = {"tenantId": TEN, "sku": {"family": "A", "name": "standard"}, "accessPolicies": []}
    if rbac is not DEL: p["enableRbacAuthorization"] = rbac
    a = {"enabled": True}
    if keyexp is not None: a["exp"] = keyexp
    t = {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
         "resources": [{"type": KV, "apiVersion": api, "name": "kvtmpl", "location": "westeurope", "properties": p},
                       {"type": KV + "/keys", "apiVersion": api, "name": "kvtmpl/cmk", "dependsOn": ["kvtmpl"],
                        "properties": {"kty": "RSA", "keySize": 3072, "attributes": a}}]}
    if api.startswith('['):
        t["parameters"] = {"v": {"type": "string"}}
    return t
case('AZA-KV-001', 'fail-template-rbac-default', kvtemplate('2026-02-01'), "FAIL kvtmpl ~ 'cmk'")
case('AZA-KV-002', 'pass-template-rbac-default', kvtemplate('2026-02-01'), "NOT_APPLICABLE kvtmpl ~ RBAC vault")
case('AZA-KV-002', 'fail-template-ap-default', kvtemplate('2023-07-01'), "FAIL kvtmpl ~ 'cmk'")
case('AZA-KV-002', 'unknown-template-api-param', kvtemplate("[parameters('v')]"), "UNKNOWN kvtmpl ~ only known at deployment")

def simple(R, passmods, failmods, unkmods, passmsg='', failmsg='', unkmsg=''):
    case(R, 'pass', snapshot([vault('kvok', **passmods)]), "PASS kvok" + (f" ~ {passmsg}" if passmsg else ''))
    case(R, 'fail', snapshot([vault('kvbad', **failmods)]), "FAIL kvbad" + (f" ~ {failmsg}" if failmsg else ''))
    case(R, 'unknown', snapshot([vault('kvunk', **unkmods)]), "UNKNOWN kvunk" + (f" ~ {unkmsg}" if unkmsg else ''))
    case(R, 'unknown-noprops', snapshot([bare('kvbare')]), NOPROPS.format('kvbare'))

simple('AZA-KV-005', {}, {'properties__enablePurgeProtection': DEL}, {'properties__enablePurgeProtection': 'yes'}, 'is true', 'not set', 'not a boolean')
case('AZA-KV-005', 'fail-softdelete-off', snapshot([vault('kvsd', properties__enableSoftDelete=False, properties__enablePurgeProtection=DEL)]), "FAIL kvsd ~ enableSoftDelete is false")
simple('AZA-KV-006', {}, {'properties__enableSoftDelete': False}, {'properties__enableSoftDelete': 1}, 'retention 90 days', 'is false', 'not a boolean')
# enableSoftDelete not returned: vaults created before soft delete became the
# default never had it, and Microsoft's February 2025 enforcement is an
# announcement; only the vault's own items show what a delete does now.
case('AZA-KV-006', 'unknown-absent', snapshot([vault('kvunset', properties__enableSoftDelete=DEL, properties__softDeleteRetentionInDays=DEL)]),
     "UNKNOWN kvunset ~ enableSoftDelete not returned")
rs = {"id": kvid('kvsoft') + "/secrets/db-password", "name": "kvsoft/db-password", "type": KV + "/secrets", "location": "westeurope",
      "properties": {"attributes": {"created": 1514941476, "enabled": True, "updated": 1514941476, "recoveryLevel": "Recoverable+Purgeable"},
                     "secretUri": "https://kvsoft.vault.azure.net/secrets/db-password"}}
rk = {"id": kvid('kvsoft') + "/keys/cmk", "name": "kvsoft/cmk", "type": KV + "/keys", "location": "westeurope",
      "properties": {"attributes": {"enabled": True, "created": 1598533051, "updated": 1598533051, "recoveryLevel": "Recoverable+Purgeable"},
                     "kty": "RSA", "keySize": 2048, "keyUri": "https://kvsoft.vault.azure.net:443/keys/cmk"}}
case('AZA-KV-006', 'pass-recoverable-items', snapshot([vault('kvsoft', properties__enableSoftDelete=DEL, properties__softDeleteRetentionInDays=DEL), rs, rk]),
     "# Recoverable+Purgeable: soft delete on without purge protection (AZA-KV-005's concern)\nPASS kvsoft ~ key 'cmk' has recoveryLevel Recoverable+Purgeable")
# a template vault is created now: from api-version 2019-09-01 an unset
# enableSoftDelete creates it with soft delete on
case('AZA-KV-006', 'pass-template-absent', kvtemplate('2023-07-01'), "PASS kvtmpl ~ enableSoftDelete not set: at api-version 2023-07-01")
case('AZA-KV-006', 'unknown-template-old-api', kvtemplate('2018-02-14'), "UNKNOWN kvtmpl ~ api-version 2018-02-14")
case('AZA-KV-006', 'unknown-template-api-param', kvtemplate("[parameters('v')]"), "UNKNOWN kvtmpl ~ only known at deployment")
simple('AZA-KV-007', {}, {'properties__enableRbacAuthorization': False}, {'properties__enableRbacAuthorization': 'on'}, 'is true', 'access policies', 'not a boolean')
case('AZA-KV-007', 'fail-absent', snapshot([vault('kvold', False, properties__enableRbacAuthorization=DEL)]), "FAIL kvold ~ not set (false)")
case('AZA-KV-007', 'pass-template-default', kvtemplate('2026-02-01'), "PASS kvtmpl ~ at api-version 2026-02-01 a new vault gets Azure RBAC")
case('AZA-KV-007', 'fail-template-default', kvtemplate('2024-11-01'), "FAIL kvtmpl ~ not set (false at api-version 2024-11-01)")
case('AZA-KV-007', 'pass-template-explicit-old-api', kvtemplate('2023-07-01', rbac=True), "PASS kvtmpl ~ is true")
# enableRbacAuthorization is first in the stable api-version 2019-09-01 (2018-02-14 has none).
case('AZA-KV-007', 'unknown-template-before-property', kvtemplate('2018-02-14', rbac=True),
     "UNKNOWN kvtmpl ~ enableRbacAuthorization is true, but api-version 2018-02-14 predates the property (first in the stable api-version 2019-09-01)")
case('AZA-KV-007', 'pass-template-first-api', kvtemplate('2019-09-01', rbac=True), "PASS kvtmpl ~ enableRbacAuthorization is true")
case('AZA-KV-007', 'fail-template-explicit-new-api', kvtemplate('2026-02-01', rbac=False), "FAIL kvtmpl ~ enableRbacAuthorization is false")
case('AZA-KV-007', 'unknown-template-api-param', kvtemplate("[parameters('v')]"), "UNKNOWN kvtmpl ~ only known at deployment")
simple('AZA-KV-008', {}, {'properties__publicNetworkAccess': 'Enabled'}, {'properties__publicNetworkAccess': 'Partly'}, 'Disabled', 'Enabled (firewall default action Deny)', 'unknown value')
case('AZA-KV-008', 'fail-absent', snapshot([vault('kvpna', properties__publicNetworkAccess=DEL, properties__networkAcls=DEL)]), "FAIL kvpna ~ not set: Allow")
# A vault in a network security perimeter's enforced mode keeps its public
# endpoint for the perimeter's inbound access rules: not Disabled (it was
# UNKNOWN, an unknown value).
case('AZA-KV-008', 'fail-perimeter', snapshot([vault('kvnsp', properties__publicNetworkAccess='SecuredByPerimeter')]),
     "FAIL kvnsp ~ publicNetworkAccess is SecuredByPerimeter, not Disabled")
simple('AZA-KV-009', {'properties__publicNetworkAccess': 'Enabled'}, {'properties__publicNetworkAccess': 'Enabled', 'properties__networkAcls__defaultAction': 'Allow'},
       {'properties__publicNetworkAccess': 'Enabled', 'properties__networkAcls__defaultAction': 'Maybe'}, 'Deny (1 IP rule', 'Allow', 'unexpected value')
case('AZA-KV-009', 'fail-absent', snapshot([vault('kvnoacl', properties__publicNetworkAccess='Enabled', properties__networkAcls=DEL)]), "FAIL kvnoacl ~ networkAcls not set")
# Deny with an IP rule for the whole address space admits everyone.
case('AZA-KV-009', 'fail-open-ip-rule', snapshot([vault('kvopen', properties__publicNetworkAccess='Enabled',
                                                        properties__networkAcls__ipRules=[{"value": "203.0.113.0/24"}, {"value": "0.0.0.0/0"}])]),
     "FAIL kvopen ~ IP rule '0.0.0.0/0' admits every address")
# A public /12 (1,048,576 addresses) is the internet at large, as an NSG source
# or a SQL firewall rule of that size is (it passed while the resource
# firewalls' threshold was a /8); an IPv6 /32 likewise.
case('AZA-KV-009', 'fail-wide-ip-rule', snapshot([vault('kvwide', properties__publicNetworkAccess='Enabled',
                                                        properties__networkAcls__ipRules=[{"value": "20.32.0.0/12"}])]),
     "FAIL kvwide ~ IP rule '20.32.0.0/12' admits the internet at large (65,536 public addresses or more")
case('AZA-KV-009', 'fail-wide-ipv6-rule', snapshot([vault('kvwide6', properties__publicNetworkAccess='Enabled',
                                                         properties__networkAcls__ipRules=[{"value": "2001:db8::/32"}])]),
     "FAIL kvwide6 ~ IP rule '2001:db8::/32' admits the internet at large")
case('AZA-KV-009', 'pass-narrow-ip-rules', snapshot([vault('kvnarrow', properties__publicNetworkAccess='Enabled',
                                                          properties__networkAcls__ipRules=[{"value": "20.32.0.0/17"}, {"value": "2001:db8::/33"}])]),
     "PASS kvnarrow ~ Deny (2 IP rule")
case('AZA-KV-009', 'unknown-acl-type', snapshot([vault('kvacl', properties__publicNetworkAccess='Enabled', properties__networkAcls='Deny')]), "UNKNOWN kvacl ~ networkAcls is not an object")
case('AZA-KV-009', 'pass-private', snapshot([vault('kvpriv', properties__networkAcls=DEL)]), "PASS kvpriv ~ publicNetworkAccess is Disabled")
# SecuredByPerimeter: the perimeter's inbound access rules, which may admit
# any public range, decide, not the vault's Deny (it was PASS).
case('AZA-KV-009', 'unknown-perimeter', snapshot([vault('kvnsp', properties__publicNetworkAccess='SecuredByPerimeter')]),
     "UNKNOWN kvnsp ~ publicNetworkAccess is SecuredByPerimeter: the inbound access rules (and access mode) of a network security perimeter decide")
simple('AZA-KV-010', {}, {'properties__privateEndpointConnections': DEL}, {'properties__privateEndpointConnections': {"a": 1}}, '1 approved', 'no approved', 'not an array')
pend = vault('kvpend'); pend['properties']['privateEndpointConnections'][0]['properties']['privateLinkServiceConnectionState']['status'] = 'Pending'
case('AZA-KV-010', 'fail-pending', snapshot([pend]), "FAIL kvpend ~ 1 pending or rejected")
# templates: the vault's connections exist only once deployed; a private
# endpoint of the same template with an automatic connection to it counts,
# a manual one (waiting for approval) does not
case('AZA-KV-010', 'pass-template-endpoint',
     pe_template('Microsoft.KeyVault/vaults', '2023-07-01', ['kvnew', 'kvold', 'kvmanual'], [('kvnew', 'vault', False), ('kvmanual', 'vault', True)],
                 {"tenantId": "[subscription().tenantId]", "sku": {"family": "A", "name": "standard"}, "accessPolicies": []}),
     """PASS kvnew ~ the template deploys private endpoint 'pe1'
FAIL kvold ~ no private endpoint of the template connects to the vault
FAIL kvmanual ~ no private endpoint of the template connects to the vault""")

# rotation
R = 'AZA-KV-011'; ds = [KV, KV + '/keys']
case(R, 'pass', snapshot([vault('kvok'), key('kvok', 'k1'), key('kvok', 'k2'), key('kvok', 'retired', enabled=False, rotation=None), vault('kvempty')], datasets=ds),
     "PASS kvok ~ all 2 enabled keys are rotated\nNOT_APPLICABLE kvempty")
case(R, 'fail', snapshot([vault('kvbad'), key('kvbad', 'norot', rotation={"attributes": {"expiryTime": "P1Y"}, "lifetimeActions": []}),
                          key('kvbad', 'notifyonly', rotation={"attributes": {"expiryTime": "P1Y"}, "lifetimeActions": [{"trigger": {"timeBeforeExpiry": "P30D"}, "action": {"type": "notify"}}]})], datasets=ds),
     "FAIL kvbad ~ 'norot', 'notifyonly'")
# Resource Manager's key list (listKeys.json shape) carries no rotationPolicy:
# that is missing data, not a key without rotation.
lk = lambda n: {"id": kvid('kvlist') + "/keys/" + n, "name": n, "type": KV + "/keys", "location": "westus",
                "properties": {"attributes": {"enabled": True, "created": 1596493796, "updated": 1596493796, "recoveryLevel": "Purgeable"},
                               "keyUri": f"https://kvlist.vault.azure.net:443/keys/{n}"}}
case(R, 'unknown-arm-list', snapshot([vault('kvlist'), lk('sample-key-name-1'), lk('sample-key-name-2')], datasets=ds),
     "UNKNOWN kvlist ~ Resource Manager does not return it")
# The data plane holds it: a collected snapshot has the vault's dataplane.keyvault
# entry with each key's rotation policy (GetKeyRotationPolicy shape, api 7.5).
DPROT = {"id": "https://kvlist.vault.azure.net/keys/sample-key-name-1/rotationpolicy",
         "lifetimeActions": [{"trigger": {"timeAfterCreate": "P90D"}, "action": {"type": "Rotate"}},
                             {"trigger": {"timeBeforeExpiry": "P30D"}, "action": {"type": "Notify"}}],
         "attributes": {"expiryTime": "P2Y", "created": 1482188947, "updated": 1482188948}}
# What Key Vault returns for a key without a policy: Notify before expiry only.
DPNOTIFY = {"id": "https://kvlist.vault.azure.net/keys/sample-key-name-2/rotationpolicy",
            "lifetimeActions": [{"trigger": {"timeBeforeExpiry": "P30D"}, "action": {"type": "Notify"}}], "attributes": {}}
def dpk(keys, **kw): return {"keyvault": [dict({"vault": kvid('kvlist'), "keys": keys}, **kw)]}
case(R, 'pass-dataplane', snapshot([vault('kvlist'), lk('sample-key-name-1'), lk('sample-key-name-2')], datasets=ds,
                                   dataplane=dpk([{"name": "sample-key-name-1", "rotationPolicy": DPROT}, {"name": "SAMPLE-KEY-NAME-2", "rotationPolicy": DPROT}])),
     "PASS kvlist ~ all 2 enabled keys are rotated")
case(R, 'fail-dataplane', snapshot([vault('kvlist'), lk('sample-key-name-1'), lk('sample-key-name-2')], datasets=ds,
                                   dataplane=dpk([{"name": "sample-key-name-1", "rotationPolicy": DPROT}, {"name": "sample-key-name-2", "rotationPolicy": DPNOTIFY}])),
     "FAIL kvlist ~ 1 of 2 enabled keys have no rotation policy with a Rotate action: 'sample-key-name-2'")
case(R, 'unknown-dataplane-error', snapshot([vault('kvlist'), lk('sample-key-name-1'), lk('sample-key-name-2')], datasets=ds,
                                   dataplane=dpk([{"name": "sample-key-name-1", "rotationPolicy": DPROT},
                                                  {"name": "sample-key-name-2", "error": "HTTP 403 Forbidden (ForbiddenByFirewall): Client address is not authorized"}])),
     "UNKNOWN kvlist ~ rotation policy not known for key 'sample-key-name-2' (not read: HTTP 403 Forbidden (ForbiddenByFirewall)")
case(R, 'unknown-dataplane-missing', snapshot([vault('kvlist'), lk('sample-key-name-1'), lk('sample-key-name-2')], datasets=ds,
                                   dataplane=dpk([{"name": "sample-key-name-1", "rotationPolicy": DPROT}])),
     "UNKNOWN kvlist ~ rotation policy not known for key 'sample-key-name-2' (not in the data-plane entry)")
case(R, 'unknown-dataplane-vault-error', snapshot([vault('kvlist'), lk('sample-key-name-1')], datasets=ds,
                                   dataplane=dpk([], error="HTTP 403 Forbidden (ForbiddenByFirewall)")),
     "UNKNOWN kvlist ~ 'sample-key-name-1' (not in the data-plane entry (the vault's data plane: HTTP 403 Forbidden (ForbiddenByFirewall)))")
# A failing key stands whatever the data plane could not tell.
case(R, 'fail-dataplane-partial', snapshot([vault('kvlist'), lk('sample-key-name-1'), lk('sample-key-name-2')], datasets=ds,
                                   dataplane=dpk([{"name": "sample-key-name-1", "rotationPolicy": DPNOTIFY}, {"name": "sample-key-name-2", "error": "HTTP 500"}])),
     "FAIL kvlist ~ 'sample-key-name-1'")
case(R, 'unknown-dataplane-policy-type', snapshot([vault('kvlist'), lk('sample-key-name-1')], datasets=ds,
                                   dataplane=dpk([{"name": "sample-key-name-1", "rotationPolicy": "Rotate"}])),
     "UNKNOWN kvlist ~ 'sample-key-name-1' (rotationPolicy is not an object)")
# In a template, a key without rotationPolicy is deployed without one.
tmpl = {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
        "resources": [{"type": KV, "apiVersion": "2023-07-01", "name": "kvtmpl", "location": "westeurope",
                       "properties": {"tenantId": TEN, "sku": {"family": "A", "name": "standard"}, "enableRbacAuthorization": True}},
                      {"type": KV + "/keys", "apiVersion": "2023-07-01", "name": "kvtmpl/cmk", "dependsOn": ["kvtmpl"],
                       "properties": {"kty": "RSA", "keySize": 3072, "attributes": {"enabled": True, "exp": EXP}}}]}
case(R, 'fail-template', tmpl, "FAIL kvtmpl ~ 'cmk'")
case(R, 'unknown', snapshot([vault('kvunk')], datasets=[KV]), "UNKNOWN kvunk ~ not collected")
case(R, 'unknown-noprops', snapshot([bare('kvbare')]), NOPROPS.format('kvbare'))
case(R, 'unknown-partial', snapshot([vault('kvpart'), key('kvpart', 'k1')], datasets=ds,
                                    errors=[{"scope": kvid('kvpart'), "type": KV + '/keys', "api": "GET keys", "status": 429, "message": "Too Many Requests"}]),
     "UNKNOWN kvpart ~ HTTP 429: Too Many Requests) (1 enabled and 0 disabled in the input)")
case(R, 'unknown-enabled-type', snapshot([vault('kvodd'), key('kvodd', 'maybe', enabled=0, rotation=None), key('kvodd', 'rotates', enabled=1)], datasets=ds),
     "UNKNOWN kvodd ~ attributes.enabled is not a boolean for key 'maybe'")
raw = key('kvattr', 'raw', rotation={"attributes": {"expiryTime": "P1Y"}, "lifetimeActions": []}); raw['properties']['attributes'] = "enabled"
case(R, 'unknown-attributes-type', snapshot([vault('kvattr'), raw, key('kvattr', 'rotates')], datasets=ds),
     "UNKNOWN kvattr ~ for key 'raw' (attributes is not an object)")

bare_key = key('kvpart', 'bare'); del bare_key['properties']
case(R, 'unknown-item-noprops', snapshot([vault('kvpart'), key('kvpart', 'rotates'), bare_key], datasets=ds),
     "UNKNOWN kvpart ~ key 'bare' has no \"properties\" in the input")

case('AZA-KV-012', 'manual', snapshot([vault('kvok')]), "MANUAL 72f988bf-0000-0000-0000-000000000001")

# certificate validity: data-plane certificate bundles (GetCertificate shape, api 7.5)
def cert(vname, name, months, enabled=True):
    return {"id": f"https://{vname}.vault.azure.net/certificates/{name}/a4a6b5b1c2d34e5f8a9b0c1d2e3f4a5b",
            "attributes": {"enabled": enabled, "nbf": 1767225600, "exp": 1798761600, "created": 1767225600, "updated": 1767225600, "recoveryLevel": "Recoverable+Purgeable"},
            "policy": {"id": f"https://{vname}.vault.azure.net/certificates/{name}/policy",
                       "key_props": {"exportable": True, "kty": "RSA", "key_size": 2048, "reuse_key": False},
                       "secret_props": {"contentType": "application/x-pkcs12"},
                       "x509_props": {"subject": f"CN={name}.contoso.com", "ekus": ["1.3.6.1.5.5.7.3.1"], "key_usage": ["digitalSignature", "keyEncipherment"], "validity_months": months},
                       "lifetime_actions": [{"trigger": {"lifetime_percentage": 80}, "action": {"action_type": "AutoRenew"}}],
                       "issuer": {"name": "Self"}, "attributes": {"enabled": True}}}
R = 'AZA-KV-013'
case(R, 'pass', snapshot([vault('kvok'), vault('kvnone')], dataplane={"keyvault": [{"vault": kvid('kvok'), "certificates": [cert('kvok', 'web', 12), cert('kvok', 'legacy', 60, enabled=False)]},
                                                                      {"vault": kvid('kvnone'), "certificates": []}]}),
     "PASS kvok ~ all 1 enabled certificate is valid for at most 12 months\nNOT_APPLICABLE kvnone")
case(R, 'fail', snapshot([vault('kvbad')], dataplane={"keyvault": [{"vault": kvid('kvbad'), "certificates": [cert('kvbad', 'web', 24), cert('kvbad', 'api', 12)]}]}),
     "FAIL kvbad ~ 'web' (24 months)")
case(R, 'unknown', snapshot([vault('kvunk')]), "UNKNOWN kvunk ~ data-plane only (GET https://kvunk.vault.azure.net/certificates/{name}/policy)")
case(R, 'unknown-error', snapshot([vault('kverr')], dataplane={"keyvault": [{"vault": kvid('kverr'), "error": "Forbidden: caller lacks certificates/list"}]}), "UNKNOWN kverr ~ Forbidden")
case(R, 'unknown-noprops', snapshot([bare('kvbare')]), NOPROPS.format('kvbare'))
# An error that is not a plain string still means the list may be partial.
case(R, 'unknown-error-object', snapshot([vault('kverr')], dataplane={"keyvault": [{"vault": kvid('kverr'), "error": {"code": "Forbidden", "message": "caller lacks certificates/list"}, "certificates": []}]}),
     "UNKNOWN kverr ~ caller lacks certificates/list")
# attributes.enabled of another type: a certificate within the limit is fine
# either way; one over it may be disabled, so it is neither PASS nor FAIL
case(R, 'unknown-enabled-type', snapshot([vault('kvodd')], dataplane={"keyvault": [{"vault": kvid('kvodd'), "certificates": [
         cert('kvodd', 'web', 12), cert('kvodd', 'legacy', 60, enabled="no"), cert('kvodd', 'short', 6, enabled=1)]}]}),
     "UNKNOWN kvodd ~ attributes.enabled is not a boolean for certificate 'legacy', which is valid longer than 12 months")
case(R, 'fail-enabled-type', snapshot([vault('kvbad')], dataplane={"keyvault": [{"vault": kvid('kvbad'), "certificates": [
         cert('kvbad', 'web', 24), cert('kvbad', 'legacy', 60, enabled="no")]}]}),
     "FAIL kvbad ~ 1 certificate is valid longer than 12 months: 'web' (24 months)")
# A certificate whose policy read failed: the collector keeps the list item
# with "error" instead of "policy"; the verdict names why it is unknown.
perr = cert('kvpol', 'api', 12); del perr['policy']; perr['error'] = "HTTP 403 Forbidden (Forbidden): caller lacks certificates/get"
case(R, 'unknown-policy-error', snapshot([vault('kvpol')], dataplane={"keyvault": [{"vault": kvid('kvpol'), "certificates": [cert('kvpol', 'web', 12), perr]}]}),
     "UNKNOWN kvpol ~ 'api' (policy not read: HTTP 403 Forbidden (Forbidden): caller lacks certificates/get)")
rawc = cert('kvattr', 'raw', 36); rawc['attributes'] = "enabled"
case(R, 'unknown-attributes-type', snapshot([vault('kvattr')], dataplane={"keyvault": [{"vault": kvid('kvattr'), "certificates": [cert('kvattr', 'web', 12), rawc]}]}),
     "UNKNOWN kvattr ~ for certificate 'raw' (attributes is not an object)")

# locks on mission-critical resources (subscription scope)
R = 'AZA-KV-014'
def lock(scope, name, level):
    return {"id": scope + f"/providers/Microsoft.Authorization/locks/{name}", "name": name, "type": "Microsoft.Authorization/locks", "properties": {"level": level, "notes": ""}}
rg = f"/subscriptions/{SUB}/resourceGroups/{RG}"
crit = {"tier": "critical"}
def stg(name, tags):
    return {"id": rid('rg-data', 'Microsoft.Storage', 'storageAccounts', name), "name": name, "type": "Microsoft.Storage/storageAccounts",
            "kind": "StorageV2", "location": "westeurope", "sku": {"name": "Standard_GRS"}, "tags": tags, "properties": {"supportsHttpsTrafficOnly": True}}
def cfgfile(name, c):
    open(os.path.join(ROOT, R, name + '.config.json'), 'w').write(json.dumps(c) + "\n")
CFG = {"critical_tag": {"name": "tier", "value": "critical"}}
ds = [KV, "Microsoft.Storage/storageAccounts", "Microsoft.Authorization/locks"]
case(R, 'pass', snapshot([vault('kvcrit', tags=crit), lock(rg, 'rg-nodelete', 'CanNotDelete'), stg('stgcrit', crit), lock(stg('stgcrit', crit)['id'], 'own', 'ReadOnly'),
                          vault('kvplain')], datasets=ds),
     "PASS kvcrit ~ lock 'rg-nodelete' (CanNotDelete) at /subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-sec\nPASS stgcrit ~ the resource itself")
cfgfile('pass', CFG)
case(R, 'fail', snapshot([vault('kvcrit', tags=crit), lock(f"/subscriptions/{SUB}/resourceGroups/rg-other", 'elsewhere', 'CanNotDelete'), stg('stgcrit', crit)], datasets=ds),
     "FAIL kvcrit ~ tagged tier=critical but no CanNotDelete\nFAIL stgcrit")
cfgfile('fail', CFG)
case(R, 'pass-none-tagged', snapshot([vault('kvplain')], datasets=ds), "NOT_APPLICABLE fixture-sub ~ no resource in this subscription carries the critical tag tier=critical")
cfgfile('pass-none-tagged', CFG)
case(R, 'unknown', snapshot([vault('kvcrit', tags=crit)], datasets=[KV]), "UNKNOWN kvcrit ~ not collected")
cfgfile('unknown', CFG)
case(R, 'manual', snapshot([vault('kvcrit', tags=crit)]), "MANUAL fixture-sub ~ no critical_tag configured")

# ---- Managed HSM (AZA-KV-015..017)
HSM = 'Microsoft.KeyVault/managedHSMs'
DIAG = "Microsoft.Insights/diagnosticSettings"
HSM_DIAG = HSM + "/providers/" + DIAG
def hsmid(name): return rid(RG, 'Microsoft.KeyVault', 'managedHSMs', name)
# Shaped on ManagedHsm_Get (2023-07-01).
def hsm(name, **kv):
    h = {"id": hsmid(name), "name": name, "type": HSM, "location": "westus", "sku": {"family": "B", "name": "Standard_B1"}, "tags": {},
         "properties": {"tenantId": TEN, "hsmUri": f"https://{name}.managedhsm.azure.net", "initialAdminObjectIds": ["00000000-0000-0000-0000-0000000000a1"],
                        "enableSoftDelete": True, "softDeleteRetentionInDays": 90, "enablePurgeProtection": True, "provisioningState": "Succeeded",
                        "networkAcls": {"bypass": "AzureServices", "defaultAction": "Deny", "ipRules": [{"value": "203.0.113.0/24"}], "virtualNetworkRules": []},
                        "publicNetworkAccess": "Disabled"}}
    return mod(h, **kv)
def hsm_bare(name):
    h = hsm(name); del h["properties"]; return h
def hsmtemplate(api, **props):
    p = {"tenantId": "[subscription().tenantId]", "initialAdminObjectIds": ["00000000-0000-0000-0000-0000000000a1"]}
    for k, v in props.items():
        setp(p, k.replace('__', '.'), v)
    params = {"v": {"type": "string"}} if api.startswith('[') else None
    return template([{"type": HSM, "apiVersion": api, "name": "hsmtmpl", "location": "westus",
                      "sku": {"family": "B", "name": "Standard_B1"}, "properties": p}], params)

R = 'AZA-KV-015'
case(R, 'pass', snapshot([hsm('hsmok')]), "PASS hsmok ~ enablePurgeProtection is true")
case(R, 'fail', snapshot([hsm('hsmbad', properties__enablePurgeProtection=False)]), "FAIL hsmbad ~ enablePurgeProtection is false")
case(R, 'unknown', snapshot([hsm('hsmunk', properties__enablePurgeProtection=1)]), "UNKNOWN hsmunk ~ not a boolean")
# the REST specification's default (true) is not documented on Microsoft Learn
case(R, 'unknown-absent', snapshot([hsm('hsmunset', properties__enablePurgeProtection=DEL)]), "UNKNOWN hsmunset ~ enablePurgeProtection not in the input")
case(R, 'unknown-noprops', snapshot([hsm_bare('hsmbare')]), NOPROPS.format('hsmbare'))
case(R, 'pass-template', hsmtemplate('2023-07-01', enablePurgeProtection=True), "PASS hsmtmpl ~ enablePurgeProtection is true")
case(R, 'fail-template', hsmtemplate('2021-10-01', enablePurgeProtection=False), "FAIL hsmtmpl ~ enablePurgeProtection is false")
case(R, 'unknown-template-absent', hsmtemplate('2023-07-01'), "UNKNOWN hsmtmpl ~ documents a default of true, Microsoft Learn none")

R = 'AZA-KV-016'
case(R, 'pass', snapshot([hsm('hsmok'), hsm('hsmfw', properties__publicNetworkAccess='Enabled')]),
     "PASS hsmok ~ publicNetworkAccess is Disabled\nPASS hsmfw ~ networkAcls.defaultAction is Deny (1 IP rule(s), 0 virtual network rule(s), bypass AzureServices)")
case(R, 'fail', snapshot([hsm('hsmbad', properties__publicNetworkAccess='Enabled', properties__networkAcls__defaultAction='Allow')]),
     "FAIL hsmbad ~ publicNetworkAccess is Enabled and networkAcls.defaultAction is Allow")
case(R, 'fail-absent', snapshot([hsm('hsmopen', properties__publicNetworkAccess=DEL, properties__networkAcls=DEL)]),
     "FAIL hsmopen ~ publicNetworkAccess not set (Enabled) and no networkAcls.defaultAction")
case(R, 'fail-open-ip-rule', snapshot([hsm('hsmwide', properties__publicNetworkAccess='Enabled', properties__networkAcls__ipRules=[{"value": "0.0.0.0/0"}])]),
     "FAIL hsmwide ~ IP rule '0.0.0.0/0' admits every address")
case(R, 'unknown', snapshot([hsm('hsmunk', properties__publicNetworkAccess='Enabled', properties__networkAcls__defaultAction='Maybe')]),
     "UNKNOWN hsmunk ~ networkAcls.defaultAction has an unexpected value")
case(R, 'unknown-pna-value', snapshot([hsm('hsmodd', properties__publicNetworkAccess='Partly')]), "UNKNOWN hsmodd ~ unexpected value 'Partly'")
case(R, 'unknown-acl-type', snapshot([hsm('hsmacl', properties__publicNetworkAccess='Enabled', properties__networkAcls='Deny')]), "UNKNOWN hsmacl ~ networkAcls is not an object")
case(R, 'unknown-noprops', snapshot([hsm_bare('hsmbare')]), NOPROPS.format('hsmbare'))
# both properties are first in the stable 2021-10-01; 2020-04-01-preview has neither
case(R, 'pass-template', hsmtemplate('2021-10-01', publicNetworkAccess='Disabled'), "PASS hsmtmpl ~ publicNetworkAccess is Disabled")
case(R, 'unknown-template-old-api', hsmtemplate('2020-04-01-preview', publicNetworkAccess='Disabled'),
     "UNKNOWN hsmtmpl ~ api-version 2020-04-01-preview predates the property (first in the stable api-version 2021-10-01)")
case(R, 'unknown-template-old-api-acl', hsmtemplate('2020-04-01-preview', networkAcls={"defaultAction": "Deny", "bypass": "None"}),
     "UNKNOWN hsmtmpl ~ networkAcls.defaultAction is Deny, but api-version 2020-04-01-preview predates the property")
case(R, 'unknown-template-api-param', hsmtemplate("[parameters('v')]", publicNetworkAccess='Disabled'), "UNKNOWN hsmtmpl ~ only known at deployment")
case(R, 'fail-template-absent', hsmtemplate('2023-07-01'), "FAIL hsmtmpl ~ publicNetworkAccess not set (Enabled)")

R = 'AZA-KV-017'
LAWID = rid('rg-mon', 'Microsoft.OperationalInsights', 'workspaces', 'law-sec')
def hdiag(h, name, logs, ws=LAWID, sa=""):
    return {"id": h["id"] + f"/providers/microsoft.insights/diagnosticSettings/{name}", "type": DIAG, "name": name,
            "properties": {"storageAccountId": sa, "workspaceId": ws, "eventHubAuthorizationRuleId": None,
                           "metrics": [{"category": "AllMetrics", "enabled": True, "retentionPolicy": {"enabled": False, "days": 0}}],
                           "logs": logs}}
ha, hb, hc, hu = hsm('hsmok'), hsm('hsmgroup'), hsm('hsmbad'), hsm('hsmunk')
case(R, 'pass', snapshot([ha, hdiag(ha, 'audit', [{"category": "AuditEvent", "enabled": True}]),
                          hb, hdiag(hb, 'all', [{"categoryGroup": "allLogs", "enabled": True}], ws="", sa=rid('rg-mon', 'Microsoft.Storage', 'storageAccounts', 'staudit'))]),
     "PASS hsmok ~ 'audit' logs AuditEvent\nPASS hsmgroup ~ logs the allLogs category group")
case(R, 'fail', snapshot([hc, hdiag(hc, 'off', [{"category": "AuditEvent", "enabled": False}])]), "FAIL hsmbad ~ 'off' does not log AuditEvent")
case(R, 'fail-nodest', snapshot([hc, hdiag(hc, 'nowhere', [{"categoryGroup": "audit", "enabled": True}], ws="-")]), "FAIL hsmbad ~ has no destination")
case(R, 'fail-none', snapshot([hc], datasets=[HSM, DIAG, HSM_DIAG]), "FAIL hsmbad ~ no diagnostic setting: no record is kept")
# the type alone is listed by the subscriptions' own settings too
case(R, 'unknown-older-snapshot', snapshot([hu], datasets=[HSM, DIAG]),
     "UNKNOWN hsmunk ~ the diagnostic settings of Microsoft.KeyVault/managedHSMs resources were not collected")
case(R, 'unknown', snapshot([hu], datasets=[HSM]), "UNKNOWN hsmunk ~ was not collected")
case(R, 'unknown-error', snapshot([hu], datasets=[HSM, DIAG, HSM_DIAG],
                                  errors=[{"scope": hu["id"], "type": DIAG, "api": "GET diagnosticSettings", "status": 403, "message": "AuthorizationFailed"}]),
     "UNKNOWN hsmunk ~ HTTP 403")
case(R, 'unknown-noprops', snapshot([hsm_bare('hsmbare')]), NOPROPS.format('hsmbare'))

R = 'AZA-KV-018'
# privateEndpointConnections items as ManagedHsm_ListPrivateEndpointConnectionsByResource (2023-07-01) lists them
# (MHSMPrivateEndpointConnectionItem of the HSM's GET: id, etag, properties).
def hsm_pec(h, name, status):
    return {"id": h["id"] + "/privateEndpointConnections/" + name, "etag": "",
            "properties": {"provisioningState": "Succeeded",
                           "privateEndpoint": {"id": rid(RG, 'Microsoft.Network', 'privateEndpoints', 'pe-' + name)},
                           "privateLinkServiceConnectionState": {"status": status, "description": "", "actionsRequired": "None"}}}
hp, hq = hsm('hsmpe'), hsm('hsmpend')
hp["properties"]["privateEndpointConnections"] = [hsm_pec(hp, 'pec1', 'Approved'), hsm_pec(hp, 'pec2', 'Approved')]
hq["properties"]["privateEndpointConnections"] = [hsm_pec(hq, 'pec1', 'Pending'), hsm_pec(hq, 'pec2', 'Rejected')]
case(R, 'pass', snapshot([hp]), "PASS hsmpe ~ 2 approved private endpoint connection(s)")
case(R, 'fail', snapshot([hsm('hsmbad')]), "FAIL hsmbad ~ no approved private endpoint connection")
case(R, 'fail-pending', snapshot([hq]), "FAIL hsmpend ~ no approved private endpoint connection (2 pending or rejected)")
case(R, 'unknown', snapshot([hsm('hsmunk', properties__privateEndpointConnections={"a": 1})]), "UNKNOWN hsmunk ~ privateEndpointConnections is not an array")
case(R, 'unknown-noprops', snapshot([hsm_bare('hsmbare')]), NOPROPS.format('hsmbare'))
# templates: the HSM's connections exist only once deployed; a private endpoint of the same template with an
# automatic connection to it (groupIds ['managedhsm']) counts, a manual one (waiting for approval) does not
case(R, 'pass-template-endpoint',
     pe_template(HSM, '2023-07-01', ['hsmnew', 'hsmold', 'hsmmanual'], [('hsmnew', 'managedhsm', False), ('hsmmanual', 'managedhsm', True)],
                 {"tenantId": "[subscription().tenantId]", "initialAdminObjectIds": ["00000000-0000-0000-0000-0000000000a1"]},
                 lambda n: {"sku": {"family": "B", "name": "Standard_B1"}}),
     """PASS hsmnew ~ the template deploys private endpoint 'pe1' with an automatic connection (privateLinkServiceConnections) to the HSM
FAIL hsmold ~ no private endpoint of the template connects to the HSM
FAIL hsmmanual ~ no private endpoint of the template connects to the HSM""")
