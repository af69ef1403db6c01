# Fixtures for the Azure Cache for Redis (AZA-RDS-*), Event Hubs (AZA-EVH-*), Service Bus
# (AZA-SBS-*) and Azure AI services (AZA-AIS-*) rules.
#
# Bodies come from the Azure REST API specs examples (Azure/azure-rest-api-specs):
# - caches: specification/redis/resource-manager/Microsoft.Cache/stable/2024-11-01/examples/
#   RedisCacheGet.json (enableNonSslPort true, publicNetworkAccess Enabled, an approved private
#   endpoint connection, no minimumTlsVersion; sku inside properties) and RedisCacheFirewallRulesList.json
#   (firewallRules children: properties.startIP, endIP);
# - Event Hubs: specification/eventhub/resource-manager/Microsoft.EventHub/stable/2024-01-01/
#   examples/NameSpaces/EHNameSpaceCreate.json (200: disableLocalAuth false, minimumTlsVersion 1.2);
# - Service Bus: specification/servicebus/resource-manager/Microsoft.ServiceBus/stable/2024-01-01/
#   examples/NameSpaces/SBNameSpaceCreate.json (201: disableLocalAuth false, minimumTlsVersion 1.2);
# - network rule sets: specification/eventhub/resource-manager/Microsoft.EventHub/stable/2021-11-01/
#   examples/NameSpaces/VirtualNetworkRule/EHNetworkRuleSetGet.json (defaultAction Allow, publicNetworkAccess
#   Enabled, ipRules [{ipMask, action Allow}], virtualNetworkRules), under each namespace's id; the
#   networkrulessets.json definitions (2021-11-01, 2024-01-01) add trustedServiceAccessEnabled;
# - AI services: specification/cognitiveservices/resource-manager/Microsoft.CognitiveServices/
#   stable/2024-10-01/examples/CreateAccount.json (200).
# Settings the examples do not show are set by their API names: RedisCommonProperties
# minimumTlsVersion, disableAccessKeyAuthentication, subnetId; namespace publicNetworkAccess;
# AccountProperties disableLocalAuth, publicNetworkAccess, networkAcls {defaultAction, ipRules
# [{"value": ...}], virtualNetworkRules}.
import sys, os, copy; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *

RDS = "Microsoft.Cache/redis"
EVH = "Microsoft.EventHub/namespaces"
SBS = "Microsoft.ServiceBus/namespaces"
AIS = "Microsoft.CognitiveServices/accounts"




def bare(c):
    c = copy.deepcopy(c); del c["properties"]; return c


def tpl(rtype, name, props, api, sku=None, extra=None):
    r = {"type": rtype, "apiVersion": api, "name": name, "location": "westeurope", "properties": props}
    if sku: r["sku"] = sku
    if extra: r.update(extra)
    return r


# ---- Azure Cache for Redis ----

def redis_get(name):
    """RedisCacheGet.json (2024-11-01)."""
    rid_ = rid('rg-cache', 'Microsoft.Cache', 'Redis', name)
    return {"id": rid_, "location": "westeurope", "name": name, "type": "Microsoft.Cache/Redis", "tags": {},
            "properties": {
                "provisioningState": "Succeeded", "redisVersion": "6.0",
                "sku": {"name": "Premium", "family": "P", "capacity": 3},
                "enableNonSslPort": True, "replicasPerMaster": 2, "replicasPerPrimary": 2, "updateChannel": "Stable",
                "zonalAllocationPolicy": "Automatic", "redisConfiguration": {},
                "hostName": f"{name}.redis.cache.windows.net", "port": 6379, "sslPort": 6380,
                "instances": [{"sslPort": 15000, "nonSslPort": 13000, "isMaster": True, "isPrimary": True},
                              {"sslPort": 15001, "nonSslPort": 13001, "isMaster": False, "isPrimary": False}],
                "publicNetworkAccess": "Enabled",
                "privateEndpointConnections": [{
                    "id": rid_ + "/privateEndpointConnections/cachePec",
                    "properties": {"privateEndpoint": {"id": rid('rg-cache', 'Microsoft.Network', 'privateEndpoints', 'cachePe')},
                                   "privateLinkServiceConnectionState": {"status": "Approved", "description": "Please approve my connection",
                                                                         "actionsRequired": "None"}}}]}}


def redis_ok(name, **kv):
    c = redis_get(name)
    p = c["properties"]
    p["enableNonSslPort"] = False
    p["minimumTlsVersion"] = "1.2"
    p["publicNetworkAccess"] = "Disabled"
    p["disableAccessKeyAuthentication"] = True
    p["redisConfiguration"] = {"aad-enabled": "true"}
    del p["instances"][1]["nonSslPort"]; del p["instances"][0]["nonSslPort"]
    return mod(c, **kv)


def redis_tpl(name, props, api="2024-11-01"):
    return tpl(RDS, name, dict({"sku": {"name": "Standard", "family": "C", "capacity": 1}}, **props), api)


R = 'AZA-RDS-001'
case(R, 'pass', snapshot([redis_ok('cacheok')]), "PASS cacheok ~ enableNonSslPort is false")
case(R, 'pass-absent', snapshot([redis_ok('cacheok', properties__enableNonSslPort=DEL)]), "PASS cacheok ~ not set (false)")
case(R, 'fail', snapshot([redis_get('cachebad')]), "FAIL cachebad ~ enableNonSslPort is true")
case(R, 'unknown', snapshot([redis_ok('cacheodd', properties__enableNonSslPort="no")]), "UNKNOWN cacheodd ~ not a boolean")
case(R, 'unknown-noprops', snapshot([bare(redis_ok('cachebare'))]), "UNKNOWN cachebare ~ no \"properties\"")
case(R, 'pass-template', template([redis_tpl('cachenew', {})]), "PASS cachenew ~ not set (false)")
case(R, 'fail-template', template([redis_tpl('cachenew', {"enableNonSslPort": True})]), "FAIL cachenew ~ enableNonSslPort is true")

R = 'AZA-RDS-002'
case(R, 'pass', snapshot([redis_ok('cacheok')]), "PASS cacheok ~ minimumTlsVersion is 1.2")
# The GET example returns no minimumTlsVersion; TLS 1.0 and 1.1 were retired for every cache on 1 November 2024.
case(R, 'pass-absent-retired', snapshot([redis_get('cacheold')]), "PASS cacheold ~ retired TLS 1.0 and 1.1 for every cache")
case(R, 'fail', snapshot([redis_ok('cachebad', properties__minimumTlsVersion="1.0")]), "FAIL cachebad ~ minimumTlsVersion is 1.0")
case(R, 'fail-11', snapshot([redis_ok('cachebad', properties__minimumTlsVersion="1.1")]), "FAIL cachebad ~ which the setting does not show")
case(R, 'unknown', snapshot([redis_ok('cacheodd', properties__minimumTlsVersion="TLS1_2")]), "UNKNOWN cacheodd ~ unexpected value 'TLS1_2'")
case(R, 'unknown-type', snapshot([redis_ok('cacheodd', properties__minimumTlsVersion=1.2)]), "UNKNOWN cacheodd ~ not a string")
case(R, 'pass-template', template([redis_tpl('cachenew', {})]), "PASS cachenew ~ a new cache gets 1.2")
case(R, 'fail-template', template([redis_tpl('cachenew', {"minimumTlsVersion": "1.0"})]), "FAIL cachenew ~ minimumTlsVersion is 1.0")

R = 'AZA-RDS-003'
case(R, 'pass', snapshot([redis_ok('cacheok')]), "PASS cacheok ~ publicNetworkAccess is Disabled")
SUBNET = rid('rg-net', 'Microsoft.Network', 'virtualNetworks', 'vnet-cache', 'subnets', 'redis')
case(R, 'pass-vnet', snapshot([redis_get('cachevnet') | {"properties": dict(redis_get('cachevnet')["properties"], subnetId=SUBNET,
                                                                             staticIP="10.0.1.5", privateEndpointConnections=[])}]),
     "PASS cachevnet ~ subnet redis of virtual network vnet-cache")
# An approved private endpoint does not close the public endpoint.
case(R, 'fail', snapshot([redis_get('cachebad')]), "FAIL cachebad ~ publicNetworkAccess is Enabled")
case(R, 'fail-absent', snapshot([redis_ok('cachebad', properties__publicNetworkAccess=DEL)]), "FAIL cachebad ~ defaults to Enabled")
case(R, 'unknown', snapshot([redis_ok('cacheodd', properties__publicNetworkAccess="Private")]), "UNKNOWN cacheodd ~ unexpected value 'Private'")
case(R, 'unknown-subnet-type', snapshot([redis_ok('cacheodd', properties__subnetId=["x"])]), "UNKNOWN cacheodd ~ subnetId is not a string")
case(R, 'pass-template', template([redis_tpl('cachenew', {"publicNetworkAccess": "Disabled"})]), "PASS cachenew")
case(R, 'fail-template', template([redis_tpl('cachenew', {})]), "FAIL cachenew ~ defaults to Enabled")
case(R, 'unknown-template-param', template([redis_tpl('cachenew', {"publicNetworkAccess": "[parameters('pna')]"})], {"pna": {"type": "string"}}),
     "UNKNOWN cachenew ~ only known at deployment")
# publicNetworkAccess is not in the 2019-07-01 schema: Azure may ignore it there.
case(R, 'unknown-template-old-api', template([redis_tpl('cachenew', {"publicNetworkAccess": "Disabled"}, api="2019-07-01")]),
     "UNKNOWN cachenew ~ predates the property")
case(R, 'unknown-template-subnet-param', template([redis_tpl('cachenew', {"subnetId": "[parameters('subnet')]"})], {"subnet": {"type": "string"}}),
     "UNKNOWN cachenew ~ subnetId is only known at deployment")

R = 'AZA-RDS-004'
case(R, 'pass', snapshot([redis_ok('cacheok')]), "PASS cacheok ~ disableAccessKeyAuthentication is true")
case(R, 'fail', snapshot([redis_get('cachebad')]), "FAIL cachebad ~ not set (false)")
case(R, 'fail-false', snapshot([redis_ok('cachebad', properties__disableAccessKeyAuthentication=False)]),
     "FAIL cachebad ~ disableAccessKeyAuthentication is false")
case(R, 'unknown', snapshot([redis_ok('cacheodd', properties__disableAccessKeyAuthentication="true-ish")]), "UNKNOWN cacheodd ~ not a boolean")
case(R, 'pass-template', template([redis_tpl('cachenew', {"disableAccessKeyAuthentication": True, "redisConfiguration": {"aad-enabled": "true"}})]),
     "PASS cachenew")
case(R, 'fail-template', template([redis_tpl('cachenew', {})]), "FAIL cachenew ~ not set (false)")
# The property is first in the stable api-version 2024-03-01.
case(R, 'unknown-template-old-api', template([redis_tpl('cacheold', {"disableAccessKeyAuthentication": True}, api="2023-08-01")]),
     "UNKNOWN cacheold ~ predates the property")
case(R, 'unknown-template-api-param', template([redis_tpl('cachenew', {"disableAccessKeyAuthentication": True}, api="[parameters('apiVersion')]")],
                                               {"apiVersion": {"type": "string"}}),
     "UNKNOWN cachenew ~ only known at deployment")


def redis_fw(cache, name, start, end):
    """An item of RedisCacheFirewallRulesList.json (2024-11-01), under the cache."""
    return {"id": cache["id"] + "/firewallRules/" + name, "name": name, "type": "Microsoft.Cache/Redis/firewallRules",
            "properties": {"startIP": start, "endIP": end}}


def redis_fw_tpl(cache, name, start, end, api="2024-11-01"):
    return {"type": "Microsoft.Cache/redis/firewallRules", "apiVersion": api, "name": f"{cache}/{name}",
            "dependsOn": [f"[resourceId('{RDS}', '{cache}')]"], "properties": {"startIP": start, "endIP": end}}


R = 'AZA-RDS-005'
FWDS = [RDS, RDS + "/firewallRules"]
pub = redis_get('cachepub')
case(R, 'pass', snapshot([pub, redis_fw(pub, 'rule1', '192.168.1.1', '192.168.1.4'), redis_fw(pub, 'rule2', '192.169.1.0', '192.169.1.255')],
                         datasets=FWDS), "PASS cachepub ~ only the ranges of its 2 firewall rules may connect")
case(R, 'pass-disabled', snapshot([redis_ok('cacheok')], datasets=FWDS), "PASS cacheok ~ publicNetworkAccess is Disabled: the cache has no public endpoint")
# With public access disabled an open rule admits no one.
ok = redis_ok('cacheok')
case(R, 'pass-disabled-open-rule', snapshot([ok, redis_fw(ok, 'all', '0.0.0.0', '255.255.255.255')], datasets=FWDS),
     "PASS cacheok ~ publicNetworkAccess is Disabled")
case(R, 'pass-vnet', snapshot([redis_get('cachevnet') | {"properties": dict(redis_get('cachevnet')["properties"], subnetId=SUBNET, staticIP="10.0.1.5")}],
                              datasets=FWDS), "PASS cachevnet ~ injected into subnet redis")
case(R, 'fail', snapshot([pub, redis_fw(pub, 'rule1', '192.168.1.1', '192.168.1.4'), redis_fw(pub, 'all', '0.0.0.0', '255.255.255.255')],
                         datasets=FWDS), "FAIL cachepub ~ firewall rule all (0.0.0.0-255.255.255.255) admits every address")
case(R, 'fail-wide', snapshot([pub, redis_fw(pub, 'wide', '1.0.0.0', '100.255.255.255')], datasets=FWDS),
     "FAIL cachepub ~ firewall rule wide (1.0.0.0-100.255.255.255) admits the internet at large")
case(R, 'fail-none', snapshot([pub], datasets=FWDS), "FAIL cachepub ~ publicNetworkAccess is Enabled and the cache has no firewall rule")
case(R, 'fail-absent', snapshot([redis_ok('cachebad', properties__publicNetworkAccess=DEL)], datasets=FWDS),
     "FAIL cachebad ~ publicNetworkAccess not set (Enabled) and the cache has no firewall rule")
case(R, 'unknown', snapshot([pub], datasets=FWDS, errors=[{"scope": pub["id"], "type": RDS + "/firewallRules", "api": "GET firewallRules",
                                                           "status": 403, "message": "AuthorizationFailed"}]),
     "UNKNOWN cachepub ~ its firewall rules are not known")
case(R, 'unknown-range', snapshot([pub, redis_fw(pub, 'office', 'office', '192.168.1.4')], datasets=FWDS),
     "UNKNOWN cachepub ~ firewall rule office has no readable range")
case(R, 'unknown-reversed', snapshot([pub, redis_fw(pub, 'rev', '192.168.1.9', '192.168.1.4')], datasets=FWDS),
     "UNKNOWN cachepub ~ firewall rule rev has no readable range")
case(R, 'unknown-not-collected', snapshot([pub], datasets=[RDS]), "UNKNOWN cachepub ~ was not collected")
case(R, 'pass-template', template([redis_tpl('cachenew', {}), redis_fw_tpl('cachenew', 'office', '203.0.113.0', '203.0.113.255')]),
     "PASS cachenew ~ not set (Enabled) but only the ranges of its 1 firewall rule may connect")
case(R, 'fail-template', template([redis_tpl('cachenew', {})]), "FAIL cachenew ~ no firewall rule")
case(R, 'fail-template-open', template([redis_tpl('cachenew', {}), redis_fw_tpl('cachenew', 'all', '0.0.0.0', '255.255.255.255')]),
     "FAIL cachenew ~ admits every address")
case(R, 'unknown-template-old-api', template([redis_tpl('cachenew', {"publicNetworkAccess": "Disabled"}, api="2019-07-01")]),
     "UNKNOWN cachenew ~ predates the property")
case(R, 'unknown-template-param', template([redis_tpl('cachenew', {}), redis_fw_tpl('cachenew', 'p', "[parameters('ip')]", "[parameters('ip')]")],
                                           {"ip": {"type": "string"}}),
     "UNKNOWN cachenew")


# ---- Event Hubs and Service Bus namespaces ----

def evh_get(name):
    """EHNameSpaceCreate.json (2024-01-01), 200 response, without the customer-managed key."""
    return {"sku": {"name": "Standard", "tier": "Standard", "capacity": 1},
            "id": rid('rg-msg', 'Microsoft.EventHub', 'namespaces', name), "name": name, "type": "Microsoft.EventHub/Namespaces",
            "location": "westeurope", "tags": {},
            "properties": {"zoneRedundant": False, "isAutoInflateEnabled": False, "disableLocalAuth": False, "maximumThroughputUnits": 0,
                           "minimumTlsVersion": "1.2", "kafkaEnabled": False, "provisioningState": "Succeeded",
                           "metricId": f"MetricGUID:{name}", "createdAt": "2021-02-16T22:36:06.107Z", "updatedAt": "2021-02-16T22:37:42.29Z",
                           "serviceBusEndpoint": f"https://{name}.servicebus.windows.net:443/"}}


def sbs_get(name):
    """SBNameSpaceCreate.json (2024-01-01), 201 response."""
    return {"sku": {"name": "Premium", "tier": "Premium", "capacity": 4},
            "id": rid('rg-msg', 'Microsoft.ServiceBus', 'namespaces', name), "name": name, "type": "Microsoft.ServiceBus/Namespaces",
            "location": "westeurope", "tags": {"tag1": "value1", "tag2": "value2"},
            "properties": {"provisioningState": "Created", "metricId": f"{SUB}:{name}", "createdAt": "2017-05-25T22:26:36.76Z",
                           "updatedAt": "2017-05-25T22:26:36.76Z", "serviceBusEndpoint": f"https://{name}.servicebus.windows.net:443/",
                           "disableLocalAuth": False, "minimumTlsVersion": "1.2", "premiumMessagingPartitions": 2}}


def ns_ok(get, name, **kv):
    c = get(name)
    c["properties"]["disableLocalAuth"] = True
    c["properties"]["publicNetworkAccess"] = "Disabled"
    return mod(c, **kv)


for pfx, TYPE, get, short, sku in (('EVH', EVH, evh_get, 'eh', {"name": "Standard", "tier": "Standard", "capacity": 1}),
                                   ('SBS', SBS, sbs_get, 'sb', {"name": "Premium", "tier": "Premium", "capacity": 1})):
    ok, bad, odd, new, old = short + 'ok', short + 'bad', short + 'odd', short + 'new', short + 'old'
    def nt(name, props, api="2024-01-01", extra=None):
        return tpl(TYPE, name, props, api, sku=sku, extra=extra)

    R = f'AZA-{pfx}-001'
    case(R, 'pass', snapshot([get(ok)]), f"PASS {ok} ~ minimumTlsVersion is 1.2")
    case(R, 'fail', snapshot([mod(get(bad), properties__minimumTlsVersion="1.0")]), f"FAIL {bad} ~ minimumTlsVersion is 1.0")
    case(R, 'fail-11', snapshot([mod(get(bad), properties__minimumTlsVersion="1.1")]), f"FAIL {bad} ~ retired TLS 1.0 and 1.1 on 28 February 2025")
    case(R, 'unknown', snapshot([mod(get(odd), properties__minimumTlsVersion="TLS12")]), f"UNKNOWN {odd} ~ unexpected value 'TLS12'")
    # Azure returns minimumTlsVersion for every namespace (2024-01-01).
    case(R, 'unknown-absent', snapshot([mod(get(odd), properties__minimumTlsVersion=DEL)]), f"UNKNOWN {odd} ~ incomplete export")
    case(R, 'pass-template', template([nt(new, {"minimumTlsVersion": "1.2"})]), f"PASS {new}")
    case(R, 'pass-template-absent', template([nt(new, {})]), f"PASS {new} ~ retired TLS 1.0 and 1.1 on 28 February 2025")
    case(R, 'fail-template', template([nt(new, {"minimumTlsVersion": "1.0"})]), f"FAIL {new} ~ minimumTlsVersion is 1.0")
    # The namespace property is first in the stable api-version 2024-01-01.
    case(R, 'unknown-template-old-api', template([nt(old, {"minimumTlsVersion": "1.2"}, api="2021-11-01")]), f"UNKNOWN {old} ~ predates the property")

    R = f'AZA-{pfx}-002'
    case(R, 'pass', snapshot([ns_ok(get, ok)]), f"PASS {ok} ~ disableLocalAuth is true")
    case(R, 'fail', snapshot([get(bad)]), f"FAIL {bad} ~ disableLocalAuth is false")
    case(R, 'fail-absent', snapshot([mod(get(bad), properties__disableLocalAuth=DEL)]), f"FAIL {bad} ~ not set (false)")
    case(R, 'unknown', snapshot([mod(get(odd), properties__disableLocalAuth="yes")]), f"UNKNOWN {odd} ~ not a boolean")
    case(R, 'pass-template', template([nt(new, {"disableLocalAuth": True})]), f"PASS {new}")
    case(R, 'fail-template', template([nt(new, {})]), f"FAIL {new} ~ not set (false)")
    case(R, 'unknown-template-old-api', template([nt(old, {"disableLocalAuth": True}, api="2017-04-01")]), f"UNKNOWN {old} ~ predates the property")

    R = f'AZA-{pfx}-003'
    case(R, 'pass', snapshot([ns_ok(get, ok)]), f"PASS {ok} ~ publicNetworkAccess is Disabled")
    case(R, 'fail', snapshot([get(bad)]), f"FAIL {bad} ~ defaults to Enabled")
    case(R, 'fail-enabled', snapshot([mod(get(bad), properties__publicNetworkAccess="Enabled")]), f"FAIL {bad} ~ publicNetworkAccess is Enabled")
    case(R, 'fail-perimeter', snapshot([mod(get(bad), properties__publicNetworkAccess="SecuredByPerimeter")]), f"FAIL {bad} ~ not Disabled")
    case(R, 'unknown', snapshot([mod(get(odd), properties__publicNetworkAccess=False)]), f"UNKNOWN {odd} ~ not a string")
    case(R, 'pass-template', template([nt(new, {"publicNetworkAccess": "Disabled"})]), f"PASS {new}")
    case(R, 'fail-template', template([nt(new, {})]), f"FAIL {new} ~ defaults to Enabled")
    case(R, 'unknown-template-old-api', template([nt(old, {"publicNetworkAccess": "Disabled"}, api="2021-11-01")]), f"UNKNOWN {old} ~ predates the property")
    # Before 2024-01-01 the setting lives on the networkRuleSets child, which is not read.
    rs = {"type": f"{TYPE}/networkRuleSets", "apiVersion": "2021-11-01", "name": f"{old}/default",
          "dependsOn": [f"[resourceId('{TYPE}', '{old}')]"],
          "properties": {"publicNetworkAccess": "Disabled", "defaultAction": "Deny", "ipRules": [], "virtualNetworkRules": []}}
    # Read without the namespace's own setting and the rule set refused: what decides is not known.
    case(R, 'unknown-rule-set-error', snapshot([get(odd)], datasets=[TYPE, f"{TYPE}/networkRuleSets"],
                                               errors=[{"scope": get(odd)["id"], "type": f"{TYPE}/networkRuleSets",
                                                        "api": "GET networkRuleSets/default", "status": 403, "message": "AuthorizationFailed"}]),
         f"UNKNOWN {odd} ~ its network rule set (which can set it) is not known")
    case(R, 'pass-template-rule-set', template([nt(old, {}, api="2021-11-01"), rs]),
         f"PASS {old} ~ its network rule set 'default' sets it Disabled")
    case(R, 'fail-template-rule-set', template([nt(old, {}, api="2021-11-01"), dict(rs, properties=dict(rs["properties"], publicNetworkAccess="Enabled"))]),
         f"FAIL {old} ~ defaults to Enabled")
    # The rule set's publicNetworkAccess is first in the stable api-version 2021-11-01.
    case(R, 'unknown-template-rule-set-old-api', template([nt(old, {}, api="2021-11-01"), dict(rs, apiVersion="2017-04-01")]),
         f"UNKNOWN {old} ~ network rule set 'default' sets publicNetworkAccess Disabled but api-version 2017-04-01 predates the property")

    R = f'AZA-{pfx}-004'
    RSDS = [TYPE, f"{TYPE}/networkRuleSets"]
    def ruleset(ns, **props):
        """EHNetworkRuleSetGet.json (2021-11-01), under the namespace, with props replacing its properties."""
        p = {"defaultAction": "Allow", "publicNetworkAccess": "Enabled",
             "virtualNetworkRules": [{"subnet": {"id": rid('rg-net', 'Microsoft.Network', 'virtualNetworks', 'myvn', 'subnets', 'subnet2')},
                                      "ignoreMissingVnetServiceEndpoint": True}],
             "ipRules": [{"ipMask": "1.1.1.1", "action": "Allow"}, {"ipMask": "1.1.1.2", "action": "Allow"}]}
        p.update(props)
        p = {k: v for k, v in p.items() if v is not DEL}
        return {"id": ns["id"] + "/networkRuleSets/default", "name": "default", "type": f"{TYPE}/NetworkRuleSet", "properties": p}
    pubns = mod(get(bad), properties__publicNetworkAccess="Enabled")
    case(R, 'pass', snapshot([pubns, ruleset(pubns, defaultAction="Deny", trustedServiceAccessEnabled=True)], datasets=RSDS),
         f"PASS {bad} ~ defaultAction Deny (2 IP rules, 1 virtual network rule; trusted Microsoft services bypass it)")
    case(R, 'pass-disabled', snapshot([ns_ok(get, ok)], datasets=RSDS), f"PASS {ok} ~ publicNetworkAccess is Disabled")
    case(R, 'pass-rule-set-disabled', snapshot([get(ok), ruleset(get(ok), publicNetworkAccess="Disabled")], datasets=RSDS),
         f"PASS {ok} ~ network rule set 'default' sets publicNetworkAccess Disabled")
    case(R, 'fail', snapshot([pubns, ruleset(pubns)], datasets=RSDS), f"FAIL {bad} ~ defaultAction is Allow: every network may reach the namespace")
    case(R, 'fail-deny-no-rules', snapshot([pubns, ruleset(pubns, defaultAction="Deny", ipRules=[], virtualNetworkRules=[])], datasets=RSDS),
         f"FAIL {bad} ~ defaultAction is Deny with no IP or virtual network rule")
    case(R, 'fail-open-rule', snapshot([pubns, ruleset(pubns, defaultAction="Deny", ipRules=[{"ipMask": "0.0.0.0/0", "action": "Allow"}])], datasets=RSDS),
         f"FAIL {bad} ~ IP rule '0.0.0.0/0' admits every address")
    case(R, 'unknown', snapshot([pubns], datasets=RSDS, errors=[{"scope": pubns["id"], "type": f"{TYPE}/networkRuleSets",
                                                                "api": "GET networkRuleSets/default", "status": 403, "message": "AuthorizationFailed"}]),
         f"UNKNOWN {bad} ~ its network rule set is not known")
    case(R, 'unknown-missing', snapshot([pubns], datasets=RSDS), f"UNKNOWN {bad} ~ the input holds no network rule set")
    case(R, 'unknown-conflict', snapshot([pubns, ruleset(pubns, publicNetworkAccess="Disabled")], datasets=RSDS),
         f"UNKNOWN {bad} ~ which applies is not documented")
    case(R, 'unknown-perimeter', snapshot([mod(get(odd), properties__publicNetworkAccess="SecuredByPerimeter")], datasets=RSDS),
         f"UNKNOWN {odd} ~ network security perimeter")
    case(R, 'unknown-ip-mask', snapshot([pubns, ruleset(pubns, defaultAction="Deny", ipRules=[{"ipMask": "office", "action": "Allow"}])], datasets=RSDS),
         f"UNKNOWN {bad} ~ IP rule ipMask 'office' is not an address")
    case(R, 'unknown-default-action', snapshot([pubns, ruleset(pubns, defaultAction=DEL)], datasets=RSDS),
         f"UNKNOWN {bad} ~ defaultAction is not set (Azure returns it)")
    # defaultAction defaults to Allow from api-version 2021-06-01-preview, to Deny (enforced only with
    # rules) before (Microsoft Learn, "Allow access to ... from specific IP addresses or ranges").
    nodefault = dict(rs, name=f"{new}/default", apiVersion="2024-01-01", dependsOn=[f"[resourceId('{TYPE}', '{new}')]"],
                     properties={"publicNetworkAccess": "Enabled", "ipRules": [{"ipMask": "203.0.113.0/24", "action": "Allow"}]})
    case(R, 'fail-template-default-action', template([nt(new, {}), nodefault]),
         f"FAIL {new} ~ defaultAction is not set (Allow from api-version 2021-06-01-preview)")
    case(R, 'unknown-template-default-action-old-api',
         template([nt(new, {}), dict(nodefault, apiVersion="2017-04-01", properties={"ipRules": [{"ipMask": "203.0.113.0/24", "action": "Allow"}]})]),
         f"UNKNOWN {new} ~ defaultAction is not set at api-version 2017-04-01")
    case(R, 'pass-template', template([nt(new, {}), dict(rs, name=f"{new}/default", apiVersion="2024-01-01",
                                                         dependsOn=[f"[resourceId('{TYPE}', '{new}')]"],
                                                         properties={"defaultAction": "Deny", "publicNetworkAccess": "Enabled",
                                                                     "ipRules": [{"ipMask": "203.0.113.0/24", "action": "Allow"}]})]),
         f"PASS {new} ~ defaultAction Deny (1 IP rule, 0 virtual network rules)")
    case(R, 'fail-template', template([nt(new, {})]), f"FAIL {new} ~ the template deploys no network rule set")
    case(R, 'unknown-template-old-api', template([nt(old, {}, api="2021-11-01"), dict(rs, apiVersion="2017-04-01")]),
         f"UNKNOWN {old} ~ predates the property")
    # The rules a namespace's tier does not have restrict nothing: Event Hubs has no IP firewall or
    # virtual network rules in the Basic tier, Service Bus virtual network rules only in Premium.
    lowns = mod(pubns, sku={"name": "Basic", "tier": "Basic"} if pfx == 'EVH' else {"name": "Standard", "tier": "Standard"})
    lowrs = ruleset(lowns, defaultAction="Deny", ipRules=DEL) if pfx == 'SBS' else ruleset(lowns, defaultAction="Deny")
    case(R, 'unknown-tier', snapshot([lowns, lowrs], datasets=RSDS),
         f"UNKNOWN {bad} ~ " + ("on a Basic namespace: Event Hubs has no IP firewall or virtual network rules in the Basic tier" if pfx == 'EVH'
                                else "only virtual network rules (1) on a Standard namespace: Service Bus has virtual network rules only in the Premium tier"))
    case(R, 'unknown-tier-sku-type', snapshot([mod(pubns, sku__name=7), ruleset(pubns, defaultAction="Deny", ipRules=DEL)], datasets=RSDS),
         f"UNKNOWN {bad} ~ sku.name is not a string")
    if pfx == 'SBS':
        # IP rules work in the Standard tier.
        case(R, 'pass-standard-ip-rules', snapshot([lowns, ruleset(lowns, defaultAction="Deny", virtualNetworkRules=DEL)], datasets=RSDS),
             f"PASS {bad} ~ defaultAction Deny (2 IP rules, 0 virtual network rules)")
    else:
        case(R, 'unknown-template-basic', template([tpl(TYPE, new, {}, "2024-01-01", sku={"name": "Basic", "tier": "Basic"}),
                                                    dict(rs, name=f"{new}/default", apiVersion="2024-01-01",
                                                         dependsOn=[f"[resourceId('{TYPE}', '{new}')]"],
                                                         properties={"defaultAction": "Deny", "publicNetworkAccess": "Enabled",
                                                                     "ipRules": [{"ipMask": "203.0.113.0/24", "action": "Allow"}]})]),
             f"UNKNOWN {new} ~ on a Basic namespace")


# ---- Azure AI services ----

def ai_get(name, kind="OpenAI"):
    """CreateAccount.json (2024-10-01), 200 response, with Microsoft-managed keys."""
    return {"id": rid('rg-ai', 'Microsoft.CognitiveServices', 'accounts', name), "name": name, "type": "Microsoft.CognitiveServices/accounts",
            "location": "westeurope", "sku": {"name": "S0"}, "kind": kind, "etag": "W/\"datetime'2017-04-10T08%3A00%3A05.445595Z'\"",
            "properties": {"endpoint": f"https://{name}.openai.azure.com/", "provisioningState": "Succeeded"},
            "identity": {"principalId": "b5cf119e-a5c2-42c7-802f-592e0efb169f", "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47",
                         "type": "SystemAssigned"}}


def ai_ok(name, **kv):
    c = ai_get(name)
    c["properties"].update({"disableLocalAuth": True, "publicNetworkAccess": "Disabled", "customSubDomainName": name})
    return mod(c, **kv)


ACL = {"defaultAction": "Deny", "ipRules": [{"value": "203.0.113.0/24"}],
       "virtualNetworkRules": [{"id": rid('rg-net', 'Microsoft.Network', 'virtualNetworks', 'vnet-ai', 'subnets', 'apps'), "state": "Succeeded",
                                "ignoreMissingVnetServiceEndpoint": False}]}


def ai_tpl(name, props, api="2024-10-01"):
    return tpl(AIS, name, props, api, sku={"name": "S0"}, extra={"kind": "AIServices"})


R = 'AZA-AIS-001'
case(R, 'pass', snapshot([ai_ok('aiok')]), "PASS aiok ~ disableLocalAuth is true")
case(R, 'fail', snapshot([ai_get('aibad')]), "FAIL aibad ~ not set (false)")
case(R, 'fail-false', snapshot([ai_ok('aibad', properties__disableLocalAuth=False)]), "FAIL aibad ~ disableLocalAuth is false")
case(R, 'unknown', snapshot([ai_ok('aiodd', properties__disableLocalAuth=0)]), "UNKNOWN aiodd ~ not a boolean")
case(R, 'unknown-noprops', snapshot([bare(ai_ok('aibare'))]), "UNKNOWN aibare ~ no \"properties\"")
case(R, 'pass-template', template([ai_tpl('ainew', {"disableLocalAuth": True})]), "PASS ainew")
case(R, 'fail-template', template([ai_tpl('ainew', {})]), "FAIL ainew ~ not set (false)")
# The property is first in the stable api-version 2021-04-30.
case(R, 'unknown-template-old-api', template([ai_tpl('aiold', {"disableLocalAuth": True}, api="2017-04-18")]), "UNKNOWN aiold ~ predates the property")

R = 'AZA-AIS-002'
case(R, 'pass', snapshot([ai_ok('aiok')]), "PASS aiok ~ publicNetworkAccess is Disabled")
case(R, 'pass-firewall', snapshot([ai_ok('aiok', properties__publicNetworkAccess="Enabled", properties__networkAcls=ACL)]),
     "PASS aiok ~ Deny (1 IP rule, 1 virtual network rule)")
case(R, 'fail', snapshot([ai_get('aibad')]), "FAIL aibad ~ not set (Enabled) and networkAcls.defaultAction is not set (Allow)")
case(R, 'fail-allow', snapshot([ai_ok('aibad', properties__publicNetworkAccess="Enabled", properties__networkAcls=dict(ACL, defaultAction="Allow"))]),
     "FAIL aibad ~ defaultAction is Allow")
case(R, 'fail-open-rule', snapshot([ai_ok('aibad', properties__publicNetworkAccess=DEL,
                                          properties__networkAcls=dict(ACL, ipRules=[{"value": "0.0.0.0/0"}]))]),
     "FAIL aibad ~ '0.0.0.0/0' admits every address")
case(R, 'unknown', snapshot([ai_ok('aiodd', properties__publicNetworkAccess="SecuredByPerimeter")]), "UNKNOWN aiodd ~ network security perimeter")
case(R, 'unknown-acl-type', snapshot([ai_ok('aiodd', properties__publicNetworkAccess="Enabled", properties__networkAcls="Deny")]),
     "UNKNOWN aiodd ~ networkAcls is not an object")
case(R, 'unknown-rule', snapshot([ai_ok('aiodd', properties__publicNetworkAccess="Enabled", properties__networkAcls=dict(ACL, ipRules=[{"value": "office"}]))]),
     "UNKNOWN aiodd ~ 'office' is not an address")
case(R, 'pass-template', template([ai_tpl('ainew', {"publicNetworkAccess": "Enabled", "networkAcls": {"defaultAction": "Deny", "ipRules": []}})]),
     "PASS ainew ~ Deny (0 IP rules")
case(R, 'fail-template', template([ai_tpl('ainew', {})]), "FAIL ainew ~ every network may reach the account")
# networkAcls is first in the stable api-version 2017-04-18 (its revised schema); 2016-02-01-preview has none.
case(R, 'unknown-template-old-api', template([ai_tpl('aiold', {"networkAcls": {"defaultAction": "Deny", "ipRules": []}}, api="2016-02-01-preview")]),
     "UNKNOWN aiold ~ networkAcls.defaultAction is Deny but api-version 2016-02-01-preview predates the property (first in the stable api-version 2017-04-18)")
case(R, 'pass-template-first-api', template([ai_tpl('ainew', {"networkAcls": {"defaultAction": "Deny", "ipRules": []}}, api="2017-04-18")]),
     "PASS ainew ~ Deny (0 IP rules")
# publicNetworkAccess likewise: first in the stable api-version 2017-04-18 (its revised schema).
case(R, 'unknown-template-pna-old-api', template([ai_tpl('aiold', {"publicNetworkAccess": "Disabled"}, api="2016-02-01-preview")]),
     "UNKNOWN aiold ~ publicNetworkAccess is Disabled but api-version 2016-02-01-preview predates the property (first in the stable api-version 2017-04-18)")
case(R, 'pass-template-pna-first-api', template([ai_tpl('ainew', {"publicNetworkAccess": "Disabled"}, api="2017-04-18")]),
     "PASS ainew ~ publicNetworkAccess is Disabled: the account is reachable only through private endpoints")

R = 'AZA-AIS-003'
CMK = {"keySource": "Microsoft.KeyVault",
       "keyVaultProperties": {"keyName": "FakeKeyName", "keyVersion": "891CF236-D241-4738-9462-D506AF493DFA",
                              "keyVaultUri": "https://kv-ai.vault.azure.net/"}}
case(R, 'pass', snapshot([ai_ok('aiok', properties__encryption=CMK)]), "PASS aiok ~ key FakeKeyName in https://kv-ai.vault.azure.net/")
case(R, 'fail', snapshot([ai_get('aibad')]), "FAIL aibad ~ Microsoft-managed keys")
case(R, 'fail-service-key', snapshot([ai_ok('aibad', properties__encryption={"keySource": "Microsoft.CognitiveServices"})]),
     "FAIL aibad ~ keySource is Microsoft.CognitiveServices")
case(R, 'unknown', snapshot([ai_ok('aiodd', properties__encryption={"keyVaultProperties": CMK["keyVaultProperties"]})]),
     "UNKNOWN aiodd ~ keySource not set")
case(R, 'unknown-no-key', snapshot([ai_ok('aiodd', properties__encryption={"keySource": "Microsoft.KeyVault"})]),
     "UNKNOWN aiodd ~ does not name a key")
case(R, 'unknown-type', snapshot([ai_ok('aiodd', properties__encryption="cmk")]), "UNKNOWN aiodd ~ encryption is not an object")
case(R, 'unknown-template', template([ai_tpl('ainew', {"encryption": CMK})]), "UNKNOWN ainew ~ always created with Microsoft-managed keys")
case(R, 'fail-template', template([ai_tpl('ainew', {})]), "FAIL ainew ~ Microsoft-managed keys")


# ==== App Configuration stores (AZA-APC-*), AI Search services (AZA-SRH-*) and API Management (AZA-APM-*) ====
#
# Bodies come from the Azure REST API specs examples (Azure/azure-rest-api-specs):
# - stores: specification/appconfiguration/resource-manager/Microsoft.AppConfiguration/stable/2023-03-01/
#   examples/ConfigurationStoresGet.json (disableLocalAuth false, publicNetworkAccess Disabled, no private
#   endpoint connection; enablePurgeProtection and softDeleteRetentionInDays by their API names);
# - search: specification/search/resource-manager/Microsoft.Search/stable/2022-09-01/examples/
#   SearchCreateOrUpdateServiceWithCmkEnforcement.json (200: publicNetworkAccess enabled, no IP rule, disableLocalAuth
#   false, authOptions apiKeyOnly, encryptionWithCmk Enabled/Compliant) and stable/2023-11-01/examples/
#   SearchCreateOrUpdateServiceToAllowAccessFromPublicCustomIPs.json (networkRuleSet.ipRules);
# - API Management: specification/apimanagement/resource-manager/Microsoft.ApiManagement/stable/2022-08-01/examples/
#   ApiManagementServiceGetService.json (every customProperties protocol and cipher key "false",
#   publicNetworkAccess Enabled, virtualNetworkType None, a pending private endpoint connection), trimmed.
APC = "Microsoft.AppConfiguration/configurationStores"
SRH = "Microsoft.Search/searchServices"
APM = "Microsoft.ApiManagement/service"


def apc_get(name):
    """ConfigurationStoresGet.json (2023-03-01)."""
    return {"type": APC, "id": rid('rg-cfg', 'Microsoft.AppConfiguration', 'configurationStores', name), "name": name,
            "location": "westeurope", "tags": {}, "sku": {"name": "Standard"},
            "properties": {"provisioningState": "Succeeded", "creationDate": "2018-04-24T16:30:55+00:00",
                           "endpoint": f"https://{name}.azconfig.io",
                           "encryption": {"keyVaultProperties": {"keyIdentifier": None, "identityClientId": None}},
                           "disableLocalAuth": False, "privateEndpointConnections": [], "publicNetworkAccess": "Disabled"},
            "systemData": {"createdBy": "foo@contoso.com", "createdByType": "User", "createdAt": "2018-04-24T16:30:55+00:00",
                           "lastModifiedBy": "foo@contoso.com", "lastModifiedByType": "User", "lastModifiedAt": "2018-04-24T16:30:55+00:00"},
            "identity": {"principalId": "AAAAAAAA-AAAA-AAAA-AAAA-AAAAAAAAAAAA", "tenantId": "BBBBBBBB-BBBB-BBBB-BBBB-BBBBBBBBBBBB",
                         "type": "SystemAssigned"}}


def apc_ok(name, **kv):
    c = apc_get(name)
    c["properties"].update({"disableLocalAuth": True, "enablePurgeProtection": True, "softDeleteRetentionInDays": 7})
    return mod(c, **kv)


def apc_pec(name, status):
    sid = rid('rg-cfg', 'Microsoft.AppConfiguration', 'configurationStores', name)
    return [{"id": sid + "/privateEndpointConnections/cfgPec", "name": "cfgPec",
             "type": "Microsoft.AppConfiguration/configurationStores/privateEndpointConnections",
             "properties": {"provisioningState": "Succeeded",
                            "privateEndpoint": {"id": rid('rg-cfg', 'Microsoft.Network', 'privateEndpoints', 'cfgPe')},
                            "privateLinkServiceConnectionState": {"status": status, "description": "", "actionsRequired": "None"}}}]


def apc_tpl(name, props, api="2023-03-01"):
    return tpl(APC, name, props, api, sku={"name": "Standard"})


R = 'AZA-APC-001'
case(R, 'pass', snapshot([apc_ok('cfgok')]), "PASS cfgok ~ disableLocalAuth is true")
case(R, 'fail', snapshot([apc_get('cfgbad')]), "FAIL cfgbad ~ disableLocalAuth is false")
case(R, 'fail-absent', snapshot([mod(apc_get('cfgbad'), properties__disableLocalAuth=DEL)]), "FAIL cfgbad ~ not set (false)")
case(R, 'unknown', snapshot([apc_ok('cfgodd', properties__disableLocalAuth="yes")]), "UNKNOWN cfgodd ~ not a boolean")
case(R, 'pass-template', template([apc_tpl('cfgnew', {"disableLocalAuth": True})]), "PASS cfgnew")
case(R, 'fail-template', template([apc_tpl('cfgnew', {})]), "FAIL cfgnew ~ not set (false)")
# The property is first in the stable api-version 2022-05-01.
case(R, 'unknown-template-old-api', template([apc_tpl('cfgold', {"disableLocalAuth": True}, api="2020-06-01")]),
     "UNKNOWN cfgold ~ predates the property")
case(R, 'unknown-template-api-param', template([apc_tpl('cfgnew', {"disableLocalAuth": True}, api="[parameters('apiVersion')]")],
                                               {"apiVersion": {"type": "string"}}), "UNKNOWN cfgnew ~ only known at deployment")

R = 'AZA-APC-002'
case(R, 'pass', snapshot([apc_get('cfgok')]), "PASS cfgok ~ publicNetworkAccess is Disabled")
case(R, 'fail', snapshot([mod(apc_get('cfgbad'), properties__publicNetworkAccess="Enabled")]), "FAIL cfgbad ~ publicNetworkAccess is Enabled")
case(R, 'fail-perimeter', snapshot([mod(apc_get('cfgbad'), properties__publicNetworkAccess="SecuredByPerimeter")]), "FAIL cfgbad ~ not Disabled")
# Unset is "Automatic": public access is on until a private endpoint exists.
case(R, 'fail-automatic', snapshot([mod(apc_get('cfgbad'), properties__publicNetworkAccess=DEL)]),
     "FAIL cfgbad ~ not set (Automatic) and no private endpoint connection")
case(R, 'pass-automatic', snapshot([mod(apc_get('cfgpe'), properties__publicNetworkAccess=DEL,
                                        properties__privateEndpointConnections=apc_pec('cfgpe', "Approved"))]),
     "PASS cfgpe ~ 1 approved private endpoint connection")
case(R, 'unknown-automatic-pending', snapshot([mod(apc_get('cfgpe'), properties__publicNetworkAccess=DEL,
                                                   properties__privateEndpointConnections=apc_pec('cfgpe', "Pending"))]),
     "UNKNOWN cfgpe ~ 1 private endpoint connection is not approved")
case(R, 'unknown', snapshot([mod(apc_get('cfgodd'), properties__publicNetworkAccess="Private")]), "UNKNOWN cfgodd ~ unexpected value 'Private'")
case(R, 'unknown-connections-type', snapshot([mod(apc_get('cfgodd'), properties__publicNetworkAccess=DEL, properties__privateEndpointConnections={})]),
     "UNKNOWN cfgodd ~ privateEndpointConnections is not an array")
case(R, 'pass-template', template([apc_tpl('cfgnew', {"publicNetworkAccess": "Disabled"})]), "PASS cfgnew")
case(R, 'fail-template', template([apc_tpl('cfgnew', {})]), "FAIL cfgnew ~ no private endpoint of the template connects")
case(R, 'unknown-template-endpoint', pe_template(APC, "2023-03-01", ['cfgnew'], [('cfgnew', 'configurationStores', False)],
                                                 extra=lambda n: {"sku": {"name": "Standard"}}),
     "UNKNOWN cfgnew ~ private endpoint 'pe1'")
case(R, 'unknown-template-old-api', template([apc_tpl('cfgold', {"publicNetworkAccess": "Disabled"}, api="2019-10-01")]),
     "UNKNOWN cfgold ~ predates the property")

R = 'AZA-APC-003'
case(R, 'pass', snapshot([apc_ok('cfgok')]), "PASS cfgok ~ enablePurgeProtection is true")
case(R, 'fail', snapshot([apc_get('cfgbad')]), "FAIL cfgbad ~ not set (false)")
case(R, 'fail-false', snapshot([apc_ok('cfgbad', properties__enablePurgeProtection=False)]), "FAIL cfgbad ~ enablePurgeProtection is false")
case(R, 'fail-free', snapshot([mod(apc_get('cfgfree'), sku__name="Free")]), "FAIL cfgfree ~ Free tier")
case(R, 'unknown', snapshot([apc_ok('cfgodd', properties__enablePurgeProtection="on")]), "UNKNOWN cfgodd ~ not a boolean")
case(R, 'pass-template', template([apc_tpl('cfgnew', {"enablePurgeProtection": True, "softDeleteRetentionInDays": 7})]), "PASS cfgnew")
case(R, 'fail-template', template([apc_tpl('cfgnew', {})]), "FAIL cfgnew ~ not set (false)")
case(R, 'unknown-template-old-api', template([apc_tpl('cfgold', {"enablePurgeProtection": True}, api="2020-06-01")]),
     "UNKNOWN cfgold ~ predates the property")
# The Free tier has no soft delete or purge protection: true there is no evidence of protection.
case(R, 'unknown-free', snapshot([apc_ok('cfgfree', sku__name="Free")]), "UNKNOWN cfgfree ~ enablePurgeProtection is true on a Free-tier store")
case(R, 'unknown-template-free', template([dict(apc_tpl('cfgnew', {"enablePurgeProtection": True}), sku={"name": "free"})]),
     "UNKNOWN cfgnew ~ on a free-tier store, which has no soft delete or purge protection")
# Soft delete (so purge protection) is in the Standard and Premium tiers only: the Developer tier has neither.
case(R, 'unknown-developer', snapshot([apc_ok('cfgdev', sku__name="Developer")]),
     "UNKNOWN cfgdev ~ enablePurgeProtection is true on a Developer-tier store")
case(R, 'fail-developer', snapshot([mod(apc_get('cfgdev'), sku__name="developer")]), "FAIL cfgdev ~ on the developer tier, which has no soft delete")


R = 'AZA-APC-004'
KID = "https://contosovault.vault.azure.net/keys/contosokek"   # a key URI (KeyVaultProperties.keyIdentifier)
case(R, 'pass', snapshot([mod(apc_ok('cfgok'), properties__encryption={"keyVaultProperties": {"keyIdentifier": KID,
                                                                                             "identityClientId": "00000000-0000-0000-0000-000000000000"}})]),
     f"PASS cfgok ~ keyIdentifier is {KID}: the store's data is encrypted with that customer-managed key (read with user-assigned identity")
case(R, 'pass-system-identity', snapshot([mod(apc_ok('cfgok'), properties__encryption={"keyVaultProperties": {"keyIdentifier": KID}})]),
     "PASS cfgok ~ read with the system-assigned identity")
case(R, 'fail', snapshot([apc_get('cfgbad')]), "FAIL cfgbad ~ keyIdentifier is not set: the store's data is encrypted with Microsoft-managed keys")
case(R, 'fail-null', snapshot([mod(apc_get('cfgbad'), properties__encryption={"keyVaultProperties": {"keyIdentifier": None, "identityClientId": None}})]),
     "FAIL cfgbad ~ keyIdentifier is not set")
case(R, 'fail-free', snapshot([mod(apc_get('cfgfree'), sku__name="Free")]), "FAIL cfgfree ~ Free tier")
# The Free tier has no customer-managed key encryption: a key set there is no evidence that it applies.
case(R, 'unknown-free', snapshot([mod(apc_get('cfgfree'), sku__name="Free", properties__encryption={"keyVaultProperties": {"keyIdentifier": KID}})]),
     "UNKNOWN cfgfree ~ keyIdentifier is set on a Free-tier store, which has no customer-managed key encryption")
case(R, 'unknown-template-free', template([dict(apc_tpl('cfgnew', {"encryption": {"keyVaultProperties": {"keyIdentifier": KID}}}), sku={"name": "Free"})]),
     "UNKNOWN cfgnew ~ Free-tier store")
# Nor has the Developer tier: Microsoft Learn's customer-managed key page requires a Standard or Premium tier store.
case(R, 'fail-developer', snapshot([mod(apc_get('cfgdev'), sku__name="Developer")]),
     "FAIL cfgdev ~ the store is on the Developer tier, which has no customer-managed key encryption")
case(R, 'unknown-developer', snapshot([mod(apc_get('cfgdev'), sku__name="Developer", properties__encryption={"keyVaultProperties": {"keyIdentifier": KID}})]),
     "UNKNOWN cfgdev ~ keyIdentifier is set on a Developer-tier store, which has no customer-managed key encryption")
case(R, 'pass-premium', snapshot([mod(apc_ok('cfgprem'), sku__name="Premium", properties__encryption={"keyVaultProperties": {"keyIdentifier": KID}})]),
     f"PASS cfgprem ~ keyIdentifier is {KID}")
case(R, 'unknown', snapshot([mod(apc_get('cfgodd'), properties__encryption={"keyVaultProperties": {"keyIdentifier": ["k"]}})]),
     "UNKNOWN cfgodd ~ keyIdentifier is not a string")
case(R, 'unknown-type', snapshot([mod(apc_get('cfgodd'), properties__encryption="cmk")]), "UNKNOWN cfgodd ~ encryption is not an object")
case(R, 'pass-template', template([apc_tpl('cfgnew', {"encryption": {"keyVaultProperties": {"keyIdentifier": KID}}})]), "PASS cfgnew")
case(R, 'fail-template', template([apc_tpl('cfgnew', {})]), "FAIL cfgnew ~ not set")
# encryption is first in the stable api-version 2020-06-01 (not in 2019-10-01).
case(R, 'unknown-template-old-api', template([apc_tpl('cfgold', {"encryption": {"keyVaultProperties": {"keyIdentifier": KID}}}, api="2019-10-01")]),
     "UNKNOWN cfgold ~ predates the property")

# ---- AI Search services ----

def srh_get(name):
    """SearchCreateOrUpdateServiceWithCmkEnforcement.json (2022-09-01), 200 response."""
    return {"id": rid('rg-search', 'Microsoft.Search', 'searchServices', name), "name": name, "location": "westeurope",
            "type": SRH, "tags": {"app-name": "My e-commerce app"}, "sku": {"name": "standard"},
            "properties": {"replicaCount": 3, "partitionCount": 1, "status": "running", "statusDetails": "", "hostingMode": "default",
                           "provisioningState": "succeeded", "publicNetworkAccess": "enabled",
                           "networkRuleSet": {"ipRules": [], "bypass": "None"}, "privateEndpointConnections": [],
                           "sharedPrivateLinkResources": [],
                           "encryptionWithCmk": {"enforcement": "Enabled", "encryptionComplianceStatus": "Compliant"},
                           "disableLocalAuth": False, "authOptions": {"apiKeyOnly": {}}, "disabledDataExfiltrationOptions": []}}


def srh_ok(name, **kv):
    c = srh_get(name)
    p = c["properties"]
    p.update({"disableLocalAuth": True, "publicNetworkAccess": "disabled"})
    del p["authOptions"]
    return mod(c, **kv)


IPRULES = {"ipRules": [{"value": "123.4.5.6"}, {"value": "123.4.6.0/18"}]}   # ...ToAllowAccessFromPublicCustomIPs.json (2023-11-01)


def srh_tpl(name, props, api="2023-11-01"):
    return tpl(SRH, name, dict({"replicaCount": 1, "partitionCount": 1, "hostingMode": "default"}, **props), api, sku={"name": "standard"})


R = 'AZA-SRH-001'
case(R, 'pass', snapshot([srh_ok('srhok')]), "PASS srhok ~ disableLocalAuth is true")
case(R, 'fail', snapshot([srh_get('srhbad')]), "FAIL srhbad ~ disableLocalAuth is false: the service accepts only API keys (authOptions apiKeyOnly)")
case(R, 'fail-absent', snapshot([mod(srh_get('srhbad'), properties__disableLocalAuth=DEL, properties__authOptions=DEL)]),
     "FAIL srhbad ~ disableLocalAuth is not set: the service accepts API keys")
case(R, 'fail-aad-or-key', snapshot([mod(srh_get('srhbad'), properties__authOptions={"aadOrApiKey": {"aadAuthFailureMode": "http401WithBearerChallenge"}})]),
     "FAIL srhbad ~ API keys or Microsoft Entra ID tokens (authOptions aadOrApiKey)")
case(R, 'unknown', snapshot([srh_ok('srhodd', properties__disableLocalAuth="yes")]), "UNKNOWN srhodd ~ not a boolean")
case(R, 'pass-template', template([srh_tpl('srhnew', {"disableLocalAuth": True})]), "PASS srhnew")
case(R, 'fail-template', template([srh_tpl('srhnew', {"authOptions": {"aadOrApiKey": {"aadAuthFailureMode": "http403"}}})]),
     "FAIL srhnew ~ authOptions aadOrApiKey")
# The property is first in the stable api-version 2022-09-01.
case(R, 'unknown-template-old-api', template([srh_tpl('srhold', {"disableLocalAuth": True}, api="2020-08-01")]), "UNKNOWN srhold ~ predates the property")

R = 'AZA-SRH-002'
case(R, 'pass', snapshot([srh_ok('srhok')]), "PASS srhok ~ publicNetworkAccess is disabled")
case(R, 'pass-ip-rules', snapshot([mod(srh_get('srhok'), properties__networkRuleSet=IPRULES)]), "PASS srhok ~ only the 2 IP rules")
# SearchUpdateServiceToAllowAccessFromPublicCustomIPsAndBypass.json (2025-05-01): trusted Azure services pass the IP rules too.
case(R, 'pass-bypass', snapshot([mod(srh_get('srhok'), properties__networkRuleSet={"bypass": "AzureServices", "ipRules": [{"value": "10.2.3.4"}]})]),
     "PASS srhok ~ only the 1 IP rule of networkRuleSet may reach it (bypass AzureServices")
case(R, 'fail', snapshot([srh_get('srhbad')]), "FAIL srhbad ~ publicNetworkAccess is enabled and networkRuleSet has no IP rule")
case(R, 'fail-absent', snapshot([mod(srh_get('srhbad'), properties__publicNetworkAccess=DEL, properties__networkRuleSet=DEL)]),
     "FAIL srhbad ~ not set (Enabled)")
case(R, 'fail-open-rule', snapshot([mod(srh_get('srhbad'), properties__networkRuleSet={"ipRules": [{"value": "0.0.0.0/0"}]})]),
     "FAIL srhbad ~ '0.0.0.0/0' admits every address")
case(R, 'unknown', snapshot([mod(srh_get('srhodd'), properties__publicNetworkAccess="securedByPerimeter")]), "UNKNOWN srhodd ~ network security perimeter")
case(R, 'unknown-rule', snapshot([mod(srh_get('srhodd'), properties__networkRuleSet={"ipRules": [{"value": "office"}]})]),
     "UNKNOWN srhodd ~ 'office' is not an address")
case(R, 'unknown-rules-type', snapshot([mod(srh_get('srhodd'), properties__networkRuleSet={"ipRules": "123.4.5.6"})]),
     "UNKNOWN srhodd ~ networkRuleSet.ipRules is not an array")
case(R, 'pass-template', template([srh_tpl('srhnew', {"publicNetworkAccess": "enabled", "networkRuleSet": IPRULES})]), "PASS srhnew ~ 2 IP rules")
case(R, 'fail-template', template([srh_tpl('srhnew', {})]), "FAIL srhnew ~ every network may reach the service")
case(R, 'unknown-template-old-api', template([srh_tpl('srhold', {"publicNetworkAccess": "disabled"}, api="2015-08-19")]),
     "UNKNOWN srhold ~ predates the property")
# Network rules exist from the Basic tier up ('Configure network access and firewall rules for Azure AI Search').
case(R, 'unknown-free', snapshot([mod(srh_get('srhodd'), sku__name="free", properties__networkRuleSet=IPRULES)]),
     "UNKNOWN srhodd ~ with 2 IP rules on a free service: network rules exist from the Basic tier up")
case(R, 'unknown-sku-type', snapshot([mod(srh_get('srhodd'), sku__name=["free"], properties__networkRuleSet=IPRULES)]),
     "UNKNOWN srhodd ~ sku.name is not a string: the Free tier has no IP firewall")
case(R, 'unknown-template-free', template([dict(srh_tpl('srhnew', {"publicNetworkAccess": "enabled", "networkRuleSet": IPRULES}), sku={"name": "free"})]),
     "UNKNOWN srhnew ~ on a free service")

R = 'AZA-SRH-003'
case(R, 'pass', snapshot([srh_get('srhok')]), "PASS srhok ~ encryptionComplianceStatus is Compliant")
case(R, 'fail', snapshot([mod(srh_get('srhbad'), properties__encryptionWithCmk=DEL)]), "FAIL srhbad ~ not set (Unspecified, as Disabled)")
case(R, 'fail-unspecified', snapshot([mod(srh_get('srhbad'), properties__encryptionWithCmk={"enforcement": "Unspecified", "encryptionComplianceStatus": "Compliant"})]),
     "FAIL srhbad ~ enforcement is Unspecified")
case(R, 'fail-noncompliant', snapshot([mod(srh_get('srhbad'), properties__encryptionWithCmk__encryptionComplianceStatus="NonCompliant")]),
     "FAIL srhbad ~ encryptionComplianceStatus is NonCompliant")
case(R, 'unknown', snapshot([mod(srh_get('srhodd'), properties__encryptionWithCmk__encryptionComplianceStatus=DEL)]),
     "UNKNOWN srhodd ~ encryptionComplianceStatus is not reported")
case(R, 'unknown-value', snapshot([mod(srh_get('srhodd'), properties__encryptionWithCmk__enforcement="Required")]),
     "UNKNOWN srhodd ~ unexpected value 'Required'")
case(R, 'pass-template', template([srh_tpl('srhnew', {"encryptionWithCmk": {"enforcement": "Enabled"}})]), "PASS srhnew")
case(R, 'fail-template', template([srh_tpl('srhnew', {})]), "FAIL srhnew ~ not set")
case(R, 'unknown-template-old-api', template([srh_tpl('srhold', {"encryptionWithCmk": {"enforcement": "Enabled"}}, api="2020-08-01")]),
     "UNKNOWN srhold ~ predates the property")
# Customer-managed keys need a billable tier (Basic or above): Enabled on a new Free service is no evidence.
case(R, 'unknown-template-free', template([dict(srh_tpl('srhfree', {"encryptionWithCmk": {"enforcement": "Enabled"}}), sku={"name": "free"})]),
     "UNKNOWN srhfree ~ Enabled on a free service, which cannot use customer-managed keys")
case(R, 'unknown-template-sku-param', template([dict(srh_tpl('srhnew', {"encryptionWithCmk": {"enforcement": "Enabled"}}), sku={"name": "[parameters('sku')]"})],
                                                parameters={"sku": {"type": "string"}}),
     "UNKNOWN srhnew ~ but sku.name is")


# ---- API Management ----

APM_KEYS = ["Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Ssl30",
            "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls10",
            "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls11",
            "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Ciphers.TripleDes168",
            "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Ssl30",
            "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10",
            "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls11"]
TLS10 = "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10"


def apm_get(name, created="2021-06-16T09:40:00.9453556Z"):
    """ApiManagementServiceGetService.json (2022-08-01), trimmed (no additional location or host names)."""
    sid = rid('rg-apim', 'Microsoft.ApiManagement', 'service', name)
    cp = {"Microsoft.WindowsAzure.ApiManagement.Gateway.Protocols.Server.Http2": "false"}
    cp.update({k: "false" for k in APM_KEYS})
    return {"id": sid, "name": name, "type": APM, "location": "East US", "etag": "AAAAAAAWN/4=",
            "tags": {"ReleaseName": "Z3", "owner": "v-aswmoh"}, "sku": {"name": "Premium", "capacity": 1},
            "properties": {"publisherEmail": "string", "publisherName": "Test Premium", "notificationSenderEmail": "apimgmt-noreply@mail.windowsazure.com",
                           "provisioningState": "Succeeded", "targetProvisioningState": "", "createdAtUtc": created,
                           "gatewayUrl": f"https://{name}.azure-api.net", "gatewayRegionalUrl": f"https://{name}-eastus-01.regional.azure-api.net",
                           "portalUrl": f"https://{name}.portal.azure-api.net", "developerPortalUrl": f"https://{name}.developer.azure-api.net",
                           "managementApiUrl": f"https://{name}.management.azure-api.net", "scmUrl": f"https://{name}.scm.azure-api.net",
                           "publicIPAddresses": ["13.92.130.49"], "privateEndpointConnections": [{
                               "id": sid + "/privateEndpointConnections/privateEndpointProxyName", "name": "privateEndpointProxyName",
                               "type": "Microsoft.ApiManagement/service/privateEndpointConnections",
                               "properties": {"provisioningState": "Succeeded", "groupIds": ["Gateway"],
                                              "privateEndpoint": {"id": rid('rg-apim', 'Microsoft.Network', 'privateEndpoints', 'privateEndpointName')},
                                              "privateLinkServiceConnectionState": {"status": "Pending", "description": "Please approve my request, thanks",
                                                                                    "actionsRequired": "None"}}}],
                           "customProperties": cp, "virtualNetworkType": "None", "certificates": [], "disableGateway": False,
                           "apiVersionConstraint": {"minApiVersion": "2019-12-01"}, "platformVersion": "stv2", "publicNetworkAccess": "Enabled"}}


def apm_tpl(name, props, api="2022-08-01"):
    return tpl(APM, name, dict({"publisherEmail": "apis@contoso.com", "publisherName": "Contoso"}, **props), api,
               sku={"name": "Developer", "capacity": 1})


VNET = {"subnetResourceId": rid('rg-net', 'Microsoft.Network', 'virtualNetworks', 'vnet-apim', 'subnets', 'apim')}

R = 'AZA-APM-001'
case(R, 'pass', snapshot([apm_get('apimok')]), "PASS apimok ~ customProperties sets all 7 settings to False")
case(R, 'pass-absent', snapshot([mod(apm_get('apimok'), properties__customProperties=DEL)]),
     "PASS apimok ~ 0 settings False, 7 not set (the service was created 2021-06-16, after 1 April 2018")
case(R, 'fail', snapshot([mod(apm_get('apimbad'), properties__customProperties={TLS10: "True"})]),
     "FAIL apimbad ~ customProperties turn on TLS 1.0 from clients")
# Unset settings are True on a service created on or before 1 April 2018.
case(R, 'fail-old-default', snapshot([mod(apm_get('apimold', created="2017-11-02T10:00:00Z"), properties__customProperties={TLS10: "False"})]),
     "FAIL apimold ~ leave unset SSL 3.0 from clients, TLS 1.1 from clients")
case(R, 'unknown', snapshot([mod(apm_get('apimodd'), properties__customProperties={TLS10: "maybe"})]), "UNKNOWN apimodd ~ is another value")
case(R, 'unknown-no-created', snapshot([mod(apm_get('apimodd'), properties__customProperties=DEL, properties__createdAtUtc=DEL)]),
     "UNKNOWN apimodd ~ the service has no createdAtUtc")
case(R, 'unknown-type', snapshot([mod(apm_get('apimodd'), properties__customProperties=["Tls10"])]), "UNKNOWN apimodd ~ customProperties is not an object")
case(R, 'pass-template', template([apm_tpl('apimnew', {})]), "PASS apimnew ~ a new service gets False")
case(R, 'fail-template', template([apm_tpl('apimnew', {"customProperties": {"Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls11": "True"}})]),
     "FAIL apimnew ~ TLS 1.1 to backends")
case(R, 'unknown-template-param', template([apm_tpl('apimnew', {"customProperties": {TLS10: "[parameters('tls10')]"}})], {"tls10": {"type": "string"}}),
     "UNKNOWN apimnew ~ only known at deployment")

# Consumption and the v2 tiers do not support changes to the default protocol and cipher configuration (Microsoft Learn,
# "Manage protocols and ciphers in Azure API Management"), which does not say which protocols they accept: customProperties
# that turn nothing on are no evidence there (these passed before); one reported True still fails.
for tier, nm in (("Consumption", 'apimcons'), ("BasicV2", 'apimbv2'), ("StandardV2", 'apimsv2'), ("PremiumV2", 'apimpv2')):
    case(R, f'unknown-tier-{tier.lower()}', snapshot([mod(apm_get(nm), sku={"name": tier, "capacity": 0 if tier == "Consumption" else 1})]),
         f"UNKNOWN {nm} ~ sku.name is {tier}, a tier that does not support changes to the default protocol and cipher configuration")
case(R, 'unknown-tier-v2-absent', snapshot([mod(apm_get('apimsv2'), sku={"name": "StandardV2", "capacity": 1}, properties__customProperties=DEL)]),
     "UNKNOWN apimsv2 ~ sku.name is StandardV2")
case(R, 'fail-tier-v2-on', snapshot([mod(apm_get('apimsv2'), sku={"name": "StandardV2", "capacity": 1}, properties__customProperties={TLS10: "True"})]),
     "FAIL apimsv2 ~ customProperties turn on TLS 1.0 from clients")
case(R, 'unknown-template-tier', template([tpl(APM, 'apimnew', {"publisherEmail": "apis@contoso.com", "publisherName": "Contoso"}, "2024-05-01",
                                               sku={"name": "BasicV2", "capacity": 1})]),
     "UNKNOWN apimnew ~ sku.name is BasicV2")
case(R, 'unknown-template-sku-param', template([tpl(APM, 'apimnew', {"publisherEmail": "apis@contoso.com", "publisherName": "Contoso"}, "2024-05-01",
                                                    sku={"name": "[parameters('tier')]", "capacity": 1})], {"tier": {"type": "string"}}),
     "UNKNOWN apimnew ~ sku.name is only known at deployment")

R = 'AZA-APM-002'
case(R, 'pass', snapshot([mod(apm_get('apimok'), properties__virtualNetworkType="Internal", properties__virtualNetworkConfiguration=VNET)]),
     "PASS apimok ~ virtualNetworkType is Internal")
case(R, 'pass-disabled', snapshot([mod(apm_get('apimok'), properties__publicNetworkAccess="Disabled")]), "PASS apimok ~ publicNetworkAccess is Disabled")
# A pending private endpoint connection does not close the public endpoint.
case(R, 'fail', snapshot([apm_get('apimbad')]), "FAIL apimbad ~ publicNetworkAccess is Enabled and virtualNetworkType is None")
case(R, 'fail-external', snapshot([mod(apm_get('apimbad'), properties__virtualNetworkType="External", properties__virtualNetworkConfiguration=VNET,
                                       properties__publicNetworkAccess=DEL)]),
     "FAIL apimbad ~ publicNetworkAccess not set (Enabled) and virtualNetworkType is External")
case(R, 'unknown', snapshot([mod(apm_get('apimodd'), properties__virtualNetworkType="Private")]), "UNKNOWN apimodd ~ unexpected value 'Private'")
case(R, 'unknown-pna', snapshot([mod(apm_get('apimodd'), properties__publicNetworkAccess=False)]), "UNKNOWN apimodd ~ publicNetworkAccess is not a string")
case(R, 'pass-template', template([apm_tpl('apimnew', {"virtualNetworkType": "Internal", "virtualNetworkConfiguration": VNET})]), "PASS apimnew ~ Internal")
# virtualNetworkType is first in the stable api-version 2017-03-01 (before it the setting was vpnType).
case(R, 'unknown-template-vnet-old-api', template([apm_tpl('apimold', {"virtualNetworkType": "Internal", "virtualNetworkConfiguration": VNET}, api="2016-10-10")]),
     "UNKNOWN apimold ~ virtualNetworkType is Internal but api-version 2016-10-10 predates the property (first in the stable api-version 2017-03-01)")
case(R, 'pass-template-vnet-first-api', template([apm_tpl('apimnew', {"virtualNetworkType": "Internal", "virtualNetworkConfiguration": VNET}, api="2017-03-01")]),
     "PASS apimnew ~ virtualNetworkType is Internal")
# Before 2017-03-01 the setting is vpnType (None, External or Internal) with the subnet in vpnconfiguration
# (2016-07-07 apimdeployment.json; the 2016-10-10 ManageDeployment example).
OLD_VNET = {"subnetResourceId": VNET["subnetResourceId"]}
case(R, 'pass-template-vpn-type', template([apm_tpl('apimold', {"vpnType": "Internal", "vpnconfiguration": OLD_VNET}, api="2016-10-10")]),
     "PASS apimold ~ vpnType is Internal (the name of virtualNetworkType before api-version 2017-03-01)")
case(R, 'pass-template-vpn-type-first-api', template([apm_tpl('apimold', {"vpnType": "Internal", "vpnconfiguration": OLD_VNET}, api="2016-07-07")]),
     "PASS apimold ~ vpnType is Internal")
case(R, 'unknown-template-vpn-type-old-api', template([apm_tpl('apimold', {"vpnType": "Internal", "vpnconfiguration": OLD_VNET}, api="2015-09-15")]),
     "UNKNOWN apimold ~ vpnType is Internal, but api-version 2015-09-15 predates the property (first in the stable api-version 2016-07-07)")
case(R, 'fail-template-vpn-type-external', template([apm_tpl('apimold', {"vpnType": "External", "vpnconfiguration": OLD_VNET}, api="2016-07-07")]),
     "FAIL apimold ~ publicNetworkAccess not set (Enabled) and vpnType is External")
# From 2017-03-01 vpnType is not defined: Azure ignores it.
case(R, 'fail-template-vpn-type-new-api', template([apm_tpl('apimnew', {"vpnType": "Internal", "virtualNetworkConfiguration": VNET}, api="2017-03-01")]),
     "FAIL apimnew ~ virtualNetworkType not set (None)")
case(R, 'unknown-template-vpn-type-param-api', template([apm_tpl('apimodd', {"vpnType": "Internal", "vpnconfiguration": OLD_VNET}, api="[parameters('v')]")],
                                                         {"v": {"type": "string"}}),
     "UNKNOWN apimodd ~ vpnType is Internal, the setting's name before api-version 2017-03-01, but the api-version")
case(R, 'unknown-template-vpn-type-value', template([apm_tpl('apimodd', {"vpnType": "Private"}, api="2016-10-10")]),
     "UNKNOWN apimodd ~ vpnType has an unexpected value 'Private'")
case(R, 'pass-template-disabled', template([apm_tpl('apimnew', {"publicNetworkAccess": "Disabled"})]), "PASS apimnew ~ publicNetworkAccess is Disabled")
case(R, 'fail-template', template([apm_tpl('apimnew', {})]), "FAIL apimnew ~ virtualNetworkType not set (None)")
# The property is first in the stable api-version 2021-08-01.
case(R, 'unknown-template-old-api', template([apm_tpl('apimold', {"publicNetworkAccess": "Disabled"}, api="2020-12-01")]),
     "UNKNOWN apimold ~ predates the property")


# ---- Machine Learning workspaces, Data Factory, Synapse workspaces ----
# Machine Learning: specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/
# stable/2023-10-01/examples/Workspace/get.json (publicNetworkAccess Disabled, an approved private endpoint
# connection; fewer members). Data Factory and Synapse bodies carry the API names of FactoryProperties
# (2018-06-01: publicNetworkAccess) and WorkspaceProperties (2021-06-01: publicNetworkAccess,
# managedVirtualNetwork, managedVirtualNetworkSettings {preventDataExfiltration, allowedAadTenantIdsForLinking}).
AML = "Microsoft.MachineLearningServices/workspaces"
ADF = "Microsoft.DataFactory/factories"
SYN = "Microsoft.Synapse/workspaces"


def aml_get(name, pna="Disabled"):
    rid_ = rid('workspace-1234', 'Microsoft.MachineLearningServices', 'workspaces', name)
    return {"id": rid_, "name": name, "type": AML, "location": "eastus2euap",
            "properties": {"friendlyName": "HelloName", "hbiWorkspace": False, "allowPublicAccessWhenBehindVnet": False,
                           "publicNetworkAccess": pna, "privateEndpointConnections": [{
                               "id": rid_ + "/privateEndpointConnections/testprivatelinkconnection",
                               "properties": {"provisioningState": "Succeeded",
                                              "privateLinkServiceConnectionState": {"status": "Approved", "description": "Auto-Approved",
                                                                                    "actionsRequired": "None"}}}]}}


def adf_get(name, pna="Disabled"):
    return {"id": rid('rg-data', 'Microsoft.DataFactory', 'factories', name), "name": name, "type": ADF, "location": "East US",
            "properties": {"provisioningState": "Succeeded", "createTime": "2024-06-01T10:00:00Z", "version": "2018-06-01",
                           "publicNetworkAccess": pna}}


def syn_get(name, pna="Disabled", mvnet="default", exfil=True):
    p = {"provisioningState": "Succeeded", "publicNetworkAccess": pna,
         "defaultDataLakeStorage": {"accountUrl": "https://accountname.dfs.core.windows.net", "filesystem": "default"}}
    if mvnet is not None: p["managedVirtualNetwork"] = mvnet
    if exfil is not None: p["managedVirtualNetworkSettings"] = {"preventDataExfiltration": exfil, "allowedAadTenantIdsForLinking": []}
    return {"id": rid('rg-data', 'Microsoft.Synapse', 'workspaces', name), "name": name, "type": SYN, "location": "East US",
            "properties": p}


for R, get, typ, api, old, new in (('AZA-AML-001', aml_get, AML, "2023-10-01", "2022-10-01", 'mlnew'),
                                    ('AZA-ADF-001', adf_get, ADF, "2018-06-01", "2017-09-01-preview", 'adfnew'),
                                    ('AZA-SYN-001', syn_get, SYN, "2021-06-01", "2020-12-01", 'synnew')):
    case(R, 'pass', snapshot([get('ok')]), "PASS ok ~ publicNetworkAccess is Disabled")
    case(R, 'fail', snapshot([get('bad', pna="Enabled")]), "FAIL bad ~ publicNetworkAccess is Enabled")
    case(R, 'fail-absent', snapshot([mod(get('bad'), properties__publicNetworkAccess=DEL)]), "FAIL bad ~ publicNetworkAccess not set")
    case(R, 'fail-perimeter', snapshot([get('bad', pna="SecuredByPerimeter")]), "FAIL bad ~ not Disabled")
    case(R, 'unknown', snapshot([get('odd', pna="Sometimes")]), "UNKNOWN odd ~ unexpected value 'Sometimes'")
    case(R, 'unknown-noprops', snapshot([bare(get('bare'))]), "UNKNOWN bare ~ no \"properties\"")
    case(R, 'pass-template', template([tpl(typ, new, {"publicNetworkAccess": "Disabled"}, api)]), f"PASS {new} ~ publicNetworkAccess is Disabled")
    case(R, 'fail-template', template([tpl(typ, new, {}, api)]), f"FAIL {new} ~ publicNetworkAccess not set")
    case(R, 'unknown-template-old-api', template([tpl(typ, new, {"publicNetworkAccess": "Disabled"}, old)]), f"UNKNOWN {new} ~ predates the property")
    case(R, 'unknown-template-param', template([tpl(typ, new, {"publicNetworkAccess": "[parameters('pna')]"}, api)], {"pna": {"type": "string"}}),
         f"UNKNOWN {new} ~ only known at deployment")

# The older boolean, read when publicNetworkAccess is absent: true keeps the public endpoint on beside the private
# endpoints, and the FAIL names it (false is no evidence either way: the same FAIL as fail-absent).
R = 'AZA-AML-001'
case(R, 'fail-behind-vnet', snapshot([mod(aml_get('legacy'), properties__publicNetworkAccess=DEL, properties__allowPublicAccessWhenBehindVnet=True)]),
     "FAIL legacy ~ publicNetworkAccess not set: allowPublicAccessWhenBehindVnet (the older setting) is true")
case(R, 'fail-template-behind-vnet', template([tpl(AML, 'mlold', {"allowPublicAccessWhenBehindVnet": True}, "2021-07-01")]),
     "FAIL mlold ~ allowPublicAccessWhenBehindVnet (the older setting) is true, so the public endpoint stays on")

# AZA-AML-002: properties.managedNetwork (ManagedNetworkSettings, stable 2023-10-01: isolationMode, outboundRules, a map
# of rule name to OutboundRule {type FQDN/PrivateEndpoint/ServiceTag, category Required/Recommended/UserDefined, status,
# destination}, status {status Active/Inactive}). The stable 2023-04-01 WorkspaceProperties has no managedNetwork.
R = 'AZA-AML-002'
AML_RULES = {"__SYS_PE_testworkspace_amlworkspace": {"type": "PrivateEndpoint", "category": "Required", "status": "Active",
                                                     "destination": {"serviceResourceId": rid('workspace-1234', 'Microsoft.MachineLearningServices',
                                                                                              'workspaces', 'testworkspace'),
                                                                     "subresourceTarget": "amlworkspace", "sparkEnabled": False}},
             "pypi": {"type": "FQDN", "category": "UserDefined", "status": "Active", "destination": "pypi.org"}}


def aml_net(name, mode, rules=None):
    mn = {"isolationMode": mode, "status": {"status": "Active", "sparkReady": False}}
    if rules is not None: mn["outboundRules"] = rules
    return mod(aml_get(name), properties__managedNetwork=mn)


case(R, 'pass', snapshot([aml_net('mlok', "AllowOnlyApprovedOutbound", AML_RULES)]),
     "PASS mlok ~ isolationMode is AllowOnlyApprovedOutbound: the workspace's managed compute reaches only the required Azure services "
     "and the destinations of 1 user-defined outbound rule (each one a way out, not judged here)")
case(R, 'pass-no-rules', snapshot([aml_net('mlok', "AllowOnlyApprovedOutbound")]),
     "PASS mlok ~ reaches only the required Azure services and the destinations its outbound rules approve")
case(R, 'fail-internet', snapshot([aml_net('mlopen', "AllowInternetOutbound", AML_RULES)]),
     "FAIL mlopen ~ isolationMode is AllowInternetOutbound: the managed virtual network lets the workspace's compute reach any internet destination")
case(R, 'fail-disabled', snapshot([aml_net('mlnone', "Disabled")]), "FAIL mlnone ~ isolationMode is Disabled: the workspace has no managed virtual network")
# no managedNetwork at all (the Workspace/get example): Disabled, a workspace that may rely on a virtual network of its
# own (its private endpoint connection): this rule judges the managed network only
case(R, 'fail-absent', snapshot([aml_get('mlvnet')]),
     "FAIL mlvnet ~ isolationMode is not set (Disabled): the workspace has no managed virtual network")
case(R, 'unknown', snapshot([aml_net('mlodd', "AllowSome")]), "UNKNOWN mlodd ~ unexpected value 'AllowSome'")
case(R, 'unknown-type', snapshot([aml_net('mlodd', 2)]), "UNKNOWN mlodd ~ isolationMode is not a string")
case(R, 'unknown-not-object', snapshot([mod(aml_get('mlodd'), properties__managedNetwork="AllowOnlyApprovedOutbound")]),
     "UNKNOWN mlodd ~ managedNetwork is not an object")
case(R, 'unknown-noprops', snapshot([bare(aml_get('bare'))]), "UNKNOWN bare ~ no \"properties\"")
case(R, 'pass-template', template([tpl(AML, 'mlnew', {"managedNetwork": {"isolationMode": "AllowOnlyApprovedOutbound"}}, "2023-10-01")]),
     "PASS mlnew ~ isolationMode is AllowOnlyApprovedOutbound")
case(R, 'fail-template', template([tpl(AML, 'mlnew', {"publicNetworkAccess": "Disabled"}, "2024-04-01")]),
     "FAIL mlnew ~ isolationMode is not set (Disabled)")
case(R, 'fail-template-internet', template([tpl(AML, 'mlnew', {"managedNetwork": {"isolationMode": "AllowInternetOutbound"}}, "2024-04-01")]),
     "FAIL mlnew ~ isolationMode is AllowInternetOutbound")
# the stable 2023-04-01 schema has no managedNetwork; a preview version sorts before the stable 2023-10-01 as well
case(R, 'unknown-template-old-api', template([tpl(AML, 'mlold', {"managedNetwork": {"isolationMode": "AllowOnlyApprovedOutbound"}}, "2023-04-01")]),
     "UNKNOWN mlold ~ isolationMode is AllowOnlyApprovedOutbound but api-version 2023-04-01 predates the property")
case(R, 'unknown-template-preview', template([tpl(AML, 'mlold', {"managedNetwork": {"isolationMode": "AllowOnlyApprovedOutbound"}},
                                                  "2023-06-01-preview")]),
     "UNKNOWN mlold ~ api-version 2023-06-01-preview predates the property")
case(R, 'unknown-template-param', template([tpl(AML, 'mlnew', {"managedNetwork": {"isolationMode": "[parameters('mode')]"}}, "2024-04-01")],
                                           {"mode": {"type": "string"}}),
     "UNKNOWN mlnew ~ isolationMode is only known at deployment")
case(R, 'unknown-template-param-object', template([tpl(AML, 'mlnew', {"managedNetwork": "[parameters('net')]"}, "2024-04-01")],
                                                  {"net": {"type": "object"}}),
     "UNKNOWN mlnew ~ not known before deployment")

# Hubs and projects (kind Hub and Project; a project names its hub in properties.hubResourceId). A project takes the
# hub's network settings ("Security settings configured on the hub automatically pass down to each project", public
# network access among them; "A managed virtual network is shared between all projects that share the same hub":
# Microsoft Learn, "Azure AI Studio hubs for projects"): it is judged by its hub when the hub is in the input (a
# project without publicNetworkAccess or managedNetwork of its own failed both rules before), UNKNOWN when it is not.
def aml_hub(name, pna="Disabled", mode="AllowOnlyApprovedOutbound"):
    h = mod(aml_get(name, pna=pna), kind="Hub")
    if mode is not None: h["properties"]["managedNetwork"] = {"isolationMode": mode, "status": {"status": "Active", "sparkReady": False}}
    return h


def aml_project(name, hub):
    p = mod(aml_get(name), kind="Project", properties__hubResourceId=rid('workspace-1234', 'Microsoft.MachineLearningServices', 'workspaces', hub))
    for k in ("publicNetworkAccess", "allowPublicAccessWhenBehindVnet", "privateEndpointConnections"): del p["properties"][k]
    return p


for R in ('AZA-AML-001', 'AZA-AML-002'):
    what = "publicNetworkAccess is Disabled" if R == 'AZA-AML-001' else "isolationMode is AllowOnlyApprovedOutbound"
    case(R, 'pass-project', snapshot([aml_hub('hubok'), aml_project('projok', 'hubok')]),
         f"PASS hubok ~ {what}\nPASS projok ~ hub 'hubok' (a project takes its hub's network settings): ")
    case(R, 'unknown-project-no-hub', snapshot([aml_project('projorphan', 'hubelsewhere')]),
         "UNKNOWN projorphan ~ the project takes its hub's network settings, and its hub "
         + rid('workspace-1234', 'Microsoft.MachineLearningServices', 'workspaces', 'hubelsewhere') + " is not in the input")
    case(R, 'unknown-project-hub-bare', snapshot([bare(aml_hub('hubbare')), aml_project('projbare', 'hubbare')]),
         "UNKNOWN hubbare ~ no \"properties\"\nUNKNOWN projbare ~ its hub 'hubbare' has no \"properties\" in the input")
    case(R, 'unknown-project-no-hubid', snapshot([mod(aml_project('projodd', 'hubok'), properties__hubResourceId=DEL)]),
         "UNKNOWN projodd ~ the project names no hub")
    case(R, 'pass-template-project', template([
        tpl(AML, 'hubnew', {"publicNetworkAccess": "Disabled", "managedNetwork": {"isolationMode": "AllowOnlyApprovedOutbound"}}, "2024-04-01",
            extra={"kind": "Hub"}),
        tpl(AML, 'projnew', {"hubResourceId": "[resourceId('Microsoft.MachineLearningServices/workspaces', 'hubnew')]"}, "2024-04-01",
            extra={"kind": "Project", "dependsOn": ["[resourceId('Microsoft.MachineLearningServices/workspaces', 'hubnew')]"]})]),
         f"PASS hubnew ~ {what}\nPASS projnew ~ hub 'hubnew'")
case('AZA-AML-001', 'fail-project-hub-open', snapshot([aml_hub('hubopen', pna="Enabled"), aml_project('projopen', 'hubopen')]),
     "FAIL hubopen ~ publicNetworkAccess is Enabled\nFAIL projopen ~ hub 'hubopen' (a project takes its hub's network settings): "
     "publicNetworkAccess is Enabled")
case('AZA-AML-001', 'fail-project-own-disabled', snapshot([aml_hub('hubopen', pna="Enabled"),
                                                            mod(aml_project('projclosed', 'hubopen'), properties__publicNetworkAccess="Disabled")]),
     "FAIL hubopen ~ publicNetworkAccess is Enabled\nFAIL projclosed ~ hub 'hubopen' (a project takes its hub's network settings): "
     "publicNetworkAccess is Enabled")
case('AZA-AML-002', 'fail-project-hub-internet', snapshot([aml_hub('hubnet', mode="AllowInternetOutbound"), aml_project('projnet', 'hubnet')]),
     "FAIL hubnet ~ isolationMode is AllowInternetOutbound\nFAIL projnet ~ hub 'hubnet' (a project takes its hub's network settings): "
     "managedNetwork.isolationMode is AllowInternetOutbound")
case('AZA-AML-002', 'fail-project-hub-none', snapshot([aml_hub('hubnone', mode=None), aml_project('projnone', 'hubnone')]),
     "FAIL hubnone ~ isolationMode is not set (Disabled)\nFAIL projnone ~ hub 'hubnone' (a project takes its hub's network settings): "
     "managedNetwork.isolationMode is not set (Disabled)")

R = 'AZA-SYN-002'
case(R, 'pass', snapshot([syn_get('synok')]), "PASS synok ~ preventDataExfiltration true")
case(R, 'fail', snapshot([syn_get('synbad', mvnet=None, exfil=None)]), "FAIL synbad ~ managedVirtualNetwork is not set")
case(R, 'fail-no-protection', snapshot([syn_get('synbad', exfil=False)]), "FAIL synbad ~ preventDataExfiltration is false")
case(R, 'fail-absent', snapshot([syn_get('synbad', exfil=None)]), "FAIL synbad ~ preventDataExfiltration is not set (false)")
case(R, 'unknown', snapshot([syn_get('synodd', mvnet="custom")]), "UNKNOWN synodd ~ unexpected value 'custom'")
case(R, 'unknown-type', snapshot([syn_get('synodd', exfil="yes")]), "UNKNOWN synodd ~ not a boolean")
case(R, 'unknown-noprops', snapshot([bare(syn_get('synbare'))]), "UNKNOWN synbare ~ no \"properties\"")
case(R, 'pass-template', template([tpl(SYN, 'synnew', {"managedVirtualNetwork": "default",
                                                      "managedVirtualNetworkSettings": {"preventDataExfiltration": True}}, "2021-06-01")]),
     "PASS synnew ~ preventDataExfiltration true")
case(R, 'fail-template', template([tpl(SYN, 'synnew', {}, "2021-06-01")]), "FAIL synnew ~ managedVirtualNetwork is not set")
case(R, 'unknown-template-old-api', template([tpl(SYN, 'synold', {"managedVirtualNetwork": "default",
                                                                 "managedVirtualNetworkSettings": {"preventDataExfiltration": True}},
                                                  "2019-06-01-preview")]), "UNKNOWN synold ~ predates the property")
case(R, 'unknown-template-param', template([tpl(SYN, 'synnew', {"managedVirtualNetwork": "default",
                                                               "managedVirtualNetworkSettings": {"preventDataExfiltration": "[parameters('p')]"}},
                                                 "2021-06-01")], {"p": {"type": "bool"}}),
     "UNKNOWN synnew ~ only known at deployment")

# AZA-SYN-003: the workspace's IP firewall rules, read per workspace (IpFirewallRules_ListByWorkspace, synapse
# 2021-06-01). Items follow GetIpFirewallRule.json (properties.startIpAddress, endIpAddress, provisioningState).
R = 'AZA-SYN-003'
SYN_FW = SYN + "/firewallRules"
SDS = [SYN, SYN_FW]


def syn_fw(ws, name, start, end):
    return {"id": ws["id"] + "/firewallRules/" + name, "type": SYN_FW, "name": name,
            "properties": {"startIpAddress": start, "endIpAddress": end, "provisioningState": "Succeeded"}}


def syn_fw_tpl(name, start, end, ws=None, api="2021-06-01"):
    """A firewallRules resource: nested in the workspace (ws None) or top-level."""
    r = {"type": "firewallRules" if ws is None else SYN_FW, "apiVersion": api, "name": name if ws is None else f"{ws}/{name}",
         "properties": {"startIpAddress": start, "endIpAddress": end}}
    r["dependsOn"] = [f"[resourceId('{SYN}', '{ws or 'synnew'}')]"]
    return r


sp = syn_get('synpub', pna="Enabled")
case(R, 'pass', snapshot([sp, syn_fw(sp, 'ExampleIpFirewallRule', '10.0.0.0', '10.0.0.254'), syn_fw(sp, 'office', '203.0.113.0', '203.0.113.255')],
                         datasets=SDS), "PASS synpub ~ publicNetworkAccess is Enabled but only the ranges of its 2 firewall rules may connect")
# unlike a cache, a workspace whose firewall has no rule admits no address
case(R, 'pass-none', snapshot([sp], datasets=SDS), "PASS synpub ~ publicNetworkAccess is Enabled but the workspace has no firewall rule: its firewall admits no address")
case(R, 'pass-disabled', snapshot([syn_get('synok')], datasets=SDS), "PASS synok ~ publicNetworkAccess is Disabled: the workspace has no public endpoint")
so = syn_get('synok')
case(R, 'pass-disabled-open-rule', snapshot([so, syn_fw(so, 'allowAll', '0.0.0.0', '255.255.255.255')], datasets=SDS),
     "PASS synok ~ publicNetworkAccess is Disabled")
case(R, 'fail', snapshot([sp, syn_fw(sp, 'office', '203.0.113.0', '203.0.113.255'), syn_fw(sp, 'allowAll', '0.0.0.0', '255.255.255.255')], datasets=SDS),
     "FAIL synpub ~ publicNetworkAccess is Enabled and firewall rule allowAll (0.0.0.0-255.255.255.255) admits every address")
# 0.0.0.0-0.0.0.0 admits Azure services, not the internet, but every tenant's: a FAIL, as for SQL servers (AZA-NET-019)
case(R, 'fail-azure-services', snapshot([sp, syn_fw(sp, 'AllowAllWindowsAzureIps', '0.0.0.0', '0.0.0.0')], datasets=SDS),
     "FAIL synpub ~ firewall rule AllowAllWindowsAzureIps (0.0.0.0-0.0.0.0) admits every Azure service, other customers' resources included")
case(R, 'fail-wide', snapshot([sp, syn_fw(sp, 'wide', '1.0.0.0', '100.255.255.255')], datasets=SDS),
     "FAIL synpub ~ firewall rule wide (1.0.0.0-100.255.255.255) admits the internet at large")
sa = mod(syn_get('synabsent'), properties__publicNetworkAccess=DEL)
case(R, 'fail-absent', snapshot([sa, syn_fw(sa, 'allowAll', '0.0.0.0', '255.255.255.255')], datasets=SDS),
     "FAIL synabsent ~ publicNetworkAccess not set (Enabled) and firewall rule allowAll")
case(R, 'unknown', snapshot([sp], datasets=SDS, errors=[{"scope": sp["id"], "type": SYN_FW, "api": "GET firewallRules", "status": 403,
                                                         "message": "AuthorizationFailed"}]),
     "UNKNOWN synpub ~ its firewall rules are not known: Microsoft.Synapse/workspaces/firewallRules could not be read")
case(R, 'unknown-not-collected', snapshot([sp], datasets=[SYN]), "UNKNOWN synpub ~ its firewall rules are not known")
case(R, 'unknown-range', snapshot([sp, syn_fw(sp, 'office', 'office', '203.0.113.4')], datasets=SDS),
     "UNKNOWN synpub ~ firewall rule office has no readable range (startIpAddress and endIpAddress IPv4 addresses")
case(R, 'unknown-reversed', snapshot([sp, syn_fw(sp, 'rev', '203.0.113.9', '203.0.113.4')], datasets=SDS),
     "UNKNOWN synpub ~ firewall rule rev has no readable range")
case(R, 'unknown-perimeter', snapshot([syn_get('synnsp', pna="SecuredByPerimeter")], datasets=SDS), "UNKNOWN synnsp ~ perimeter")
case(R, 'unknown-noprops', snapshot([bare(syn_get('synbare'))], datasets=SDS), "UNKNOWN synbare ~ no \"properties\"")
# templates: the template's rules, nested in the workspace or top-level, are the workspace's; none means none
def syn_tpl(props, rules=(), api="2021-06-01"):
    w = tpl(SYN, 'synnew', props, api)
    if rules:
        w["resources"] = list(rules)
    return w
case(R, 'pass-template', template([syn_tpl({}, [syn_fw_tpl('office', '203.0.113.0', '203.0.113.255')])]),
     "PASS synnew ~ publicNetworkAccess not set (Enabled) but only the ranges of its 1 firewall rule may connect")
case(R, 'pass-template-none', template([syn_tpl({})]), "PASS synnew ~ the workspace has no firewall rule")
case(R, 'pass-template-disabled', template([syn_tpl({"publicNetworkAccess": "Disabled"}, [syn_fw_tpl('allowAll', '0.0.0.0', '255.255.255.255')])]),
     "PASS synnew ~ publicNetworkAccess is Disabled")
case(R, 'fail-template', template([syn_tpl({}, [syn_fw_tpl('allowAll', '0.0.0.0', '255.255.255.255')])]),
     "FAIL synnew ~ firewall rule allowAll (0.0.0.0-255.255.255.255) admits every address")
case(R, 'fail-template-top-level', template([syn_tpl({}), syn_fw_tpl('AllowAllWindowsAzureIps', '0.0.0.0', '0.0.0.0', ws='synnew')]),
     "FAIL synnew ~ firewall rule AllowAllWindowsAzureIps (0.0.0.0-0.0.0.0) admits every Azure service")
case(R, 'unknown-template-old-api', template([syn_tpl({"publicNetworkAccess": "Disabled"}, api="2020-12-01")]), "UNKNOWN synnew ~ predates the property")
case(R, 'unknown-template-param', template([syn_tpl({}, [syn_fw_tpl('p', "[parameters('ip')]", "[parameters('ip')]")])], {"ip": {"type": "string"}}),
     "UNKNOWN synnew ~ firewall rule p has no readable range")
