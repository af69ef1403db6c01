import sys, os, json, copy; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *
EX = os.path.join(ROOT, '..', '..', '..', 'shared', 'azure-api-examples')
if not os.path.isdir(EX):  # a worktree one level deeper
    EX = os.path.join(ROOT, '..', '..', '..', '..', 'shared', 'azure-api-examples')
def ex(path):
    return json.load(open(os.path.join(EX, path)))['responses']['200']['body']
NETEX = 'network/resource-manager/Microsoft.Network/stable/2024-05-01/examples/'
NSG_EX = ex(NETEX + 'NetworkSecurityGroupGet.json')
TENANT = '72f988bf-0000-0000-0000-000000000001'
NS = 'Microsoft.Network/networkSecurityGroups'

def nsg(name, rules, example_rules=False):
    n = copy.deepcopy(NSG_EX)
    n['name'] = name; n['id'] = rid('rg-net', 'Microsoft.Network', 'networkSecurityGroups', name); n['location'] = 'westeurope'
    for d in n['properties']['defaultSecurityRules']:
        d['id'] = n['id'] + '/defaultSecurityRules/' + d['name']
    if not example_rules:
        n['properties']['securityRules'] = []
    else:
        for r in n['properties']['securityRules']:
            r['id'] = n['id'] + '/securityRules/' + r['name']
    for r in rules:
        r = copy.deepcopy(r); r['id'] = n['id'] + '/securityRules/' + r['name']
        n['properties']['securityRules'].append(r)
    return n
def rule(name, prio, access='Allow', proto='Tcp', src='*', port='22', direction='Inbound', dst='*', srcs=None, ports=None):
    p = {"provisioningState": "Succeeded", "protocol": proto, "sourcePortRange": "*", "access": access, "priority": prio, "direction": direction}
    if srcs is not None: p["sourceAddressPrefixes"] = srcs; p["sourceAddressPrefix"] = ""
    else: p["sourceAddressPrefix"] = src
    if ports is not None: p["destinationPortRanges"] = ports
    else: p["destinationPortRange"] = port
    p["destinationAddressPrefix"] = dst
    return {"name": name, "properties": p}
def bare(res):
    r = copy.deepcopy(res); del r['properties']; return r
def nsgcase(rid_, cname, rules, expect, example_rules=False, extra=None):
    case(rid_, cname, snapshot([nsg('nsg1', rules, example_rules)] + (extra or [])), expect)

# ---- SSH (the evaluator's semantics) ----
R = 'AZA-NET-002'
nsgcase(R, 'pass', [rule('AllowSSHCorp', 100, src='10.0.0.0/8')], "PASS nsg1 ~ no inbound rule admits TCP 22", example_rules=True)
nsgcase(R, 'pass-shadowed', [rule('DenySSH', 100, 'Deny', src='Internet'), rule('AllowAll', 200, proto='*', port='*')],
        "PASS nsg1 ~ Allow rule AllowAll (priority 200) is shadowed")
nsgcase(R, 'pass-deny-port-inside-range', [rule('DenySSH', 100, 'Deny', src='*'), rule('AllowRange', 200, ports=['20-30'])],
        "PASS nsg1")
nsgcase(R, 'pass-deny-covers-dest', [rule('DenySSH', 100, 'Deny', src='*', dst='*'), rule('AllowVm', 200, dst='10.0.0.4')], "PASS nsg1")
nsgcase(R, 'pass-outbound', [rule('AllowSSHOut', 100, direction='Outbound', src='*')], "PASS nsg1")
nsgcase(R, 'pass-allowlisted', [rule('AllowPartner', 100, src='203.0.113.0/24')], "PASS nsg1 ~ allow-listed public sources (203.0.113.0/24: 256 addresses")
nsgcase(R, 'pass-allowlisted-both-families', [rule('AllowPartner', 100, srcs=['203.0.113.0/24', '2001:db8::/48'])],
        "PASS nsg1 ~ allow-listed public sources (203.0.113.0/24, 2001:db8::/48: 256 IPv4 addresses and 65536 IPv6 /64s, under the /16 and IPv6 /32 thresholds)")
nsgcase(R, 'pass-service-tag', [rule('AllowLB', 100, src='AzureLoadBalancer'), rule('AllowVnet', 110, src='VirtualNetwork')], "PASS nsg1")
nsgcase(R, 'fail', [rule('AllowSSH', 100, src='Internet')], "FAIL nsg1 ~ rule AllowSSH (priority 100) allows TCP 22 from Internet")
nsgcase(R, 'fail-partial-deny', [rule('DenyCorp', 100, 'Deny', src='10.0.0.0/8'), rule('AllowAll', 200, src='*', port='*')],
        "FAIL nsg1 ~ rule AllowAll (priority 200) allows TCP 22 from *")
nsgcase(R, 'fail-deny-lower-priority', [rule('AllowSSH', 100, src='0.0.0.0/0'), rule('DenySSH', 200, 'Deny', src='*')],
        "FAIL nsg1 ~ rule AllowSSH (priority 100)")
nsgcase(R, 'fail-deny-other-dest', [rule('DenyOne', 100, 'Deny', src='*', dst='10.0.0.4'), rule('AllowSSH', 200, src='Any')],
        "FAIL nsg1 ~ rule AllowSSH (priority 200)")
nsgcase(R, 'fail-deny-udp-only', [rule('DenyUdp', 100, 'Deny', proto='Udp', src='*'), rule('AllowSSH', 200, proto='*', src='*')],
        "FAIL nsg1 ~ AllowSSH (priority 200)")
nsgcase(R, 'fail-range-list', [rule('AllowMgmt', 300, proto='*', srcs=['10.0.0.0/8', '0.0.0.0/0'], ports=['80', '20-30'])],
        "FAIL nsg1 ~ rule AllowMgmt (priority 300) allows TCP 22 from 10.0.0.0/8, 0.0.0.0/0")
nsgcase(R, 'fail-wide-public', [rule('AllowCloud', 100, src='20.0.0.0/8')], "FAIL nsg1 ~ from 20.0.0.0/8")
nsgcase(R, 'fail-ipv6', [rule('AllowV6', 100, src='::/0')], "FAIL nsg1 ~ from ::/0")
# Address families: 0.0.0.0/0 is IPv4 only and ::/0 IPv6 only; Internet, * and Any hold both.
nsgcase(R, 'fail-deny-ipv4-allow-internet', [rule('DenyAll4', 100, 'Deny', src='0.0.0.0/0'), rule('AllowSSH', 200, src='Internet')],
        "FAIL nsg1 ~ rule AllowSSH (priority 200) allows TCP 22 from Internet over IPv6 (IPv4 is denied by rule DenyAll4 (priority 100))")
nsgcase(R, 'fail-deny-ipv6-allow-internet', [rule('DenyAll6', 100, 'Deny', src='::/0'), rule('AllowSSH', 200, src='Internet')],
        "FAIL nsg1 ~ rule AllowSSH (priority 200) allows TCP 22 from Internet over IPv4 (IPv6 is denied by rule DenyAll6 (priority 100))")
nsgcase(R, 'fail-deny-to-ipv4-destinations', [rule('DenyTo4', 100, 'Deny', src='*', dst='0.0.0.0/0'), rule('AllowSSH', 200, src='*')],
        "FAIL nsg1 ~ rule AllowSSH (priority 200) allows TCP 22 from * over IPv6 (IPv4 is denied by rule DenyTo4 (priority 100))")
nsgcase(R, 'fail-deny-bare-zero-address', [rule('DenyZero', 100, 'Deny', src='0.0.0.0'), rule('AllowSSH', 200, src='*')],
        "FAIL nsg1 ~ rule AllowSSH (priority 200) allows TCP 22 from *")
nsgcase(R, 'pass-deny-both-families', [rule('DenyAll4', 100, 'Deny', src='0.0.0.0/0'), rule('DenyAll6', 110, 'Deny', src='::/0'),
                                       rule('AllowSSH', 200, src='Internet')],
        "PASS nsg1 ~ Allow rule AllowSSH (priority 200) is shadowed")
nsgcase(R, 'pass-deny-internet-allow-ipv6', [rule('DenyNet', 100, 'Deny', src='Internet'), rule('Allow6', 200, src='::/0')],
        "PASS nsg1 ~ Allow rule Allow6 (priority 200) is shadowed")
nsgcase(R, 'pass-deny-ipv4-allow-to-ipv4-address', [rule('DenyAll4', 100, 'Deny', src='0.0.0.0/0'), rule('AllowSSH', 200, src='Internet', dst='10.0.0.4')],
        "PASS nsg1 ~ Allow rule AllowSSH (priority 200) is shadowed")
# An IPv6 destination longer than /64 holds only the addresses it names: a
# Deny to one host does not shadow an Allow to another host of its /64.
nsgcase(R, 'fail-deny-other-ipv6-host', [rule('DenyHost5', 100, 'Deny', src='*', dst='2001:db8:1::5'), rule('AllowHost6', 200, src='*', dst='2001:db8:1::6')],
        "FAIL nsg1 ~ rule AllowHost6 (priority 200) allows TCP 22 from *")
nsgcase(R, 'pass-deny-ipv6-range-holds-host', [rule('DenyHosts', 100, 'Deny', src='*', dst='2001:db8:1::/120'), rule('AllowHost6', 200, src='*', dst='2001:db8:1::6')],
        "PASS nsg1 ~ Allow rule AllowHost6 (priority 200) is shadowed")
# A Deny covers a family only through its destination prefixes of that family.
nsgcase(R, 'fail-deny-mixed-families-other-ipv6-prefix',
        [dict(rule('DenyMixed', 100, 'Deny', src='*'), properties=dict(rule('DenyMixed', 100, 'Deny', src='*')['properties'], destinationAddressPrefix='',
              destinationAddressPrefixes=['10.0.0.0/24', '2001:db8:1::/64'])),
         dict(rule('AllowMixed', 200, src='*'), properties=dict(rule('AllowMixed', 200, src='*')['properties'], destinationAddressPrefix='',
              destinationAddressPrefixes=['10.0.0.0/24', '2001:db8:2::/64']))],
        "FAIL nsg1 ~ rule AllowMixed (priority 200) allows TCP 22 from * over IPv6 (IPv4 is denied by rule DenyMixed (priority 100))")
# IPv6 sources are counted in /64s: a Deny from a source longer than /64
# removes nothing (the rest of its /64 is still internet), so a /32 less one
# host is still a wide exposure; an Allow from one counts as its /64.
nsgcase(R, 'fail-deny-ipv6-host-source-wide', [rule('DenyHost', 100, 'Deny', src='2001:db8::1'), rule('AllowWide6', 200, src='2001:db8::/32')],
        "FAIL nsg1 ~ rule AllowWide6 (priority 200) allows TCP 22 from 2001:db8::/32")
nsgcase(R, 'pass-deny-ipv6-host-source-allow-host', [rule('DenyHost', 100, 'Deny', src='2001:db8::1/128'), rule('AllowHost', 200, src='2001:db8::1/128')],
        "PASS nsg1 ~ allow-listed public sources (2001:db8::1/128: 1 IPv6 /64s, under the IPv6 /32 threshold)")
# The AzureCloud tag is not internet; the verdict says so.
nsgcase(R, 'pass-azurecloud', [rule('AllowCloudSsh', 100, src='AzureCloud')],
        "PASS nsg1 ~ rule AllowCloudSsh (priority 100) admits TCP 22 from AzureCloud: the AzureCloud service tag is not counted as internet")
nsgcase(R, 'pass-azurecloud-denied', [rule('DenySSH', 100, 'Deny', src='*'), rule('AllowCloudSsh', 200, src='AzureCloud.westeurope')],
        "PASS nsg1 ~ no inbound rule admits TCP 22 from the internet (2 inbound rules)")
nsgcase(R, 'fail-azurecloud-and-internet', [rule('AllowSSH', 100, src='Internet'), rule('AllowCloudSsh', 110, src='AzureCloud.westeurope')],
        "FAIL nsg1 ~ rule AllowSSH (priority 100) allows TCP 22 from Internet; rule AllowCloudSsh (priority 110) admits TCP 22 from AzureCloud.westeurope: the AzureCloud service tag is not counted as internet")
# rules as separate child resources, and the CLI's flattened shape
n = nsg('nsg1', [])
child = rule('AllowSSH', 100, src='Internet'); child['id'] = n['id'] + '/securityRules/AllowSSH'; child['type'] = NS + '/securityRules'
case(R, 'fail-child', snapshot([n, child]), "FAIL nsg1 ~ rule AllowSSH (priority 100)")
# The same rule embedded in the NSG and as a child resource, read once when
# both say the same; when they disagree (an embedded Deny, a child Allow of
# the same name), which applies is not known: not a PASS on the embedded one.
n = nsg('nsg1', [rule('AllowSSH', 100, src='Internet')])
child = rule('AllowSSH', 100, src='Internet'); child['id'] = n['id'] + '/securityRules/AllowSSH'; child['type'] = NS + '/securityRules'
case(R, 'fail-child-same-as-embedded', snapshot([n, child]), "FAIL nsg1 ~ rule AllowSSH (priority 100)")
n = nsg('nsg1', [rule('SSH', 100, 'Deny', src='Internet')])
child = rule('SSH', 100, src='Internet'); child['id'] = n['id'] + '/securityRules/SSH'; child['type'] = NS + '/securityRules'
case(R, 'unknown-child-differs-from-embedded', snapshot([n, child]),
     "UNKNOWN nsg1 ~ rule SSH differs between the NSG's securityRules and its child resource")
n = nsg('nsg1', [dict(rule('SSH', 100, src='Internet'), properties=dict(rule('SSH', 100, src='Internet')['properties'], direction='Outbound'))])
child = rule('SSH', 100, src='Internet'); child['id'] = n['id'] + '/securityRules/SSH'; child['type'] = NS + '/securityRules'
case(R, 'unknown-child-inbound-embedded-outbound', snapshot([n, child]),
     "UNKNOWN nsg1 ~ rule SSH differs between the NSG's securityRules and its child resource")
flat = rule('AllowFlat', 150, src='*'); flat = dict(name='AllowFlat', **flat['properties'])
n = nsg('nsg1', []); n['properties']['securityRules'].append(flat)
case(R, 'fail-flattened', snapshot([n]), "FAIL nsg1 ~ rule AllowFlat (priority 150)")
bad = rule('Weird', 'high', src='*')
nsgcase(R, 'unknown-priority', [bad], "UNKNOWN nsg1 ~ rule Weird has no numeric priority")
case(R, 'unknown-noprops', snapshot([bare(nsg('nsg1', []))]), "UNKNOWN nsg1 ~ no \"properties\"")
# A rule value that cannot be read (a template parameter without a value,
# an unknown protocol) no longer leaves the whole NSG unjudged: the NSG is
# judged between two bounds, the rule read as the widest Allow it may be and
# as the widest Deny (aza_nsg_load_bound). Traffic the Deny bound still
# admits is open whatever the value; traffic the Allow bound refuses is
# closed whatever it is; the rest depends on it.
def tnsg(rules, params):
    return template([{"type": NS, "apiVersion": "2023-09-01", "name": "tnsg", "location": "westeurope",
                      "properties": {"securityRules": rules}}], parameters=params)
P_SRC = {"adminSource": {"type": "string"}}
P_PORT = {"blockedPort": {"type": "string"}}
case(R, 'pass-template-unknown-other-port', tnsg([rule('rdp', 100, src="[parameters('adminSource')]", port='3389')], P_SRC),
     "PASS tnsg ~ no inbound rule admits TCP 22 from the internet, whatever the value of parameter 'adminSource'")
case(R, 'fail-template-unknown-later-rule', tnsg([rule('AllowSSH', 100, src='Internet'),
                                                  rule('DenyPort', 200, 'Deny', src='*', port="[parameters('blockedPort')]")], P_PORT),
     "FAIL tnsg ~ rule AllowSSH (priority 100) allows TCP 22 from Internet, whatever the value of parameter 'blockedPort'")
case(R, 'unknown-template-deny-port', tnsg([rule('DenyPort', 100, 'Deny', src='*', port="[parameters('blockedPort')]"),
                                            rule('AllowSSH', 200, src='Internet')], P_PORT),
     "UNKNOWN tnsg ~ whether TCP 22 is open to the internet depends on a value that could not be read: rule DenyPort has an unreadable destinationPortRange")
case(R, 'unknown-template-source', tnsg([rule('ssh', 100, src="[parameters('adminSource')]")], P_SRC),
     "UNKNOWN tnsg ~ rule ssh has an unreadable source address prefix (it depends on parameter 'adminSource'")
# The same in collected data: an access that is neither Allow nor Deny.
nsgcase(R, 'pass-unknown-access-other-port', [rule('Odd', 100, 'Maybe', src='*', port='3389')],
        "PASS nsg1 ~ no inbound rule admits TCP 22 from the internet, whatever the value (rule Odd has an unknown access)")
nsgcase(R, 'unknown-access', [rule('Odd', 100, 'Maybe', src='*')],
        "UNKNOWN nsg1 ~ whether TCP 22 is open to the internet depends on a value that could not be read: rule Odd has an unknown access")
# A Deny of unknown protocol above an Allow: the Allow's SSH may be denied.
nsgcase(R, 'unknown-deny-protocol', [rule('DenyOdd', 100, 'Deny', proto='Sctp', src='*'), rule('AllowSSH', 200, src='Internet')],
        "UNKNOWN nsg1 ~ rule DenyOdd has an unknown protocol 'Sctp'")
n = nsg('nsg1', []); del n['properties']['securityRules']
case(R, 'unknown-norules', snapshot([n]), "UNKNOWN nsg1 ~ securityRules is absent")
n = nsg('nsg1', []); n['properties']['securityRules'] = []
case(R, 'pass-empty', snapshot([n]), "PASS nsg1 ~ (0 inbound rules)")

# ---- RDP, UDP, HTTP(S), risky services ----
R = 'AZA-NET-001'
nsgcase(R, 'pass', [], "PASS nsg1", example_rules=True)
nsgcase(R, 'fail', [rule('AllowRDP', 110, src='Any', port='3389')], "FAIL nsg1 ~ rule AllowRDP (priority 110) allows TCP 3389 from Any")
nsgcase(R, 'fail-udp', [rule('AllowRDPUdp', 120, proto='Udp', src='Internet', port='3389')], "FAIL nsg1 ~ UDP 3389")
# A Deny limited to some source ports is evaded with another source port.
nsgcase(R, 'fail-deny-source-ports', [dict(rule('DenyLowSourcePorts', 100, 'Deny', proto='*', port='*'),
                                           properties=dict(rule('DenyLowSourcePorts', 100, 'Deny', proto='*', port='*')['properties'], sourcePortRange='0-1023')),
                                      rule('AllowRDP', 200, src='Internet', port='3389')],
        "FAIL nsg1 ~ rule AllowRDP (priority 200) allows TCP 3389 from Internet")
case(R, 'unknown', snapshot([bare(nsg('nsg1', []))]), "UNKNOWN nsg1")
R = 'AZA-NET-003'
nsgcase(R, 'pass', [rule('AllowVnetUdp', 100, proto='Udp', src='VirtualNetwork', port='*'), rule('AllowHttps', 110, port='443')], "PASS nsg1")
nsgcase(R, 'fail', [rule('AllowDns', 100, proto='*', src='*', port='53')], "FAIL nsg1 ~ rule AllowDns (priority 100) allows UDP 53 from *")
nsgcase(R, 'pass-denied', [rule('DenyUdp', 100, 'Deny', proto='Udp', src='Internet', port='*'), rule('AllowDns', 200, proto='*', src='*', port='53')],
        "PASS nsg1 ~ shadowed")
case(R, 'unknown', snapshot([bare(nsg('nsg1', []))]), "UNKNOWN nsg1")
R = 'AZA-NET-004'
nsgcase(R, 'pass', [rule('AllowSSHCorp', 100, src='10.1.0.0/16')], "PASS nsg1")
nsgcase(R, 'fail', [], "FAIL nsg1 ~ rule rule1 (priority 130) allows TCP 80 from *", example_rules=True)
case(R, 'unknown', snapshot([bare(nsg('nsg1', []))]), "UNKNOWN nsg1")
for R, okrule, failrule, msg in [
    ('AZA-NET-023', rule('AllowWinRMCorp', 100, src='10.0.0.0/8', port='5985-5986'), rule('AllowWinRM', 100, src='Internet', port='5986'), "allows TCP 5986 (WinRM) from Internet"),
    ('AZA-NET-024', rule('AllowSMBCorp', 100, src='192.168.0.0/16', port='445'), rule('AllowFtp', 100, src='*', port='21'), "allows TCP 21 (FTP) from *"),
    ('AZA-NET-025', rule('AllowSqlCorp', 100, src='172.16.0.0/12', port='1433'), rule('AllowDb', 100, src='*', ports=['3306', '6379']), "allows TCP 3306 (MySQL) from *; rule AllowDb (priority 100) allows TCP 6379 (Redis)"),
    ('AZA-NET-026', rule('AllowK8sCorp', 100, src='10.0.0.0/8', port='6443'), rule('AllowAll', 4096, proto='*', src='Internet', port='*'), "allows TCP 2375-2376 (Docker) from Internet; rule AllowAll (priority 4096) allows TCP 6443 (Kubernetes API)"),
]:
    nsgcase(R, 'pass', [okrule], "PASS nsg1")
    nsgcase(R, 'fail', [failrule], "FAIL nsg1 ~ " + msg)
    case(R, 'unknown', snapshot([bare(nsg('nsg1', []))]), "UNKNOWN nsg1")

# ---- flow logs ----
FL_EX = ex(NETEX + 'NetworkWatcherFlowLogGet.json')
nsg_id = rid('rg-net', 'Microsoft.Network', 'networkSecurityGroups', 'nsg1')
vnet_id = rid('rg-net', 'Microsoft.Network', 'virtualNetworks', 'vnet1')
def flowlog(name, target, **kv):
    f = copy.deepcopy(FL_EX)
    f['id'] = rid('NetworkWatcherRG', 'Microsoft.Network', 'networkWatchers', 'NetworkWatcher_westeurope', 'flowLogs', name)
    f['name'] = name; f['location'] = 'westeurope'
    f['properties']['targetResourceId'] = target
    f['properties']['storageId'] = rid('rg-logs', 'Microsoft.Storage', 'storageAccounts', 'flowlogstore')
    return mod(f, **kv)
FLN = 'NetworkWatcher_westeurope/'
for R, mine, other in [('AZA-NET-005', nsg_id, vnet_id), ('AZA-NET-008', vnet_id, nsg_id)]:
    case(R, 'pass', snapshot([flowlog('fl-ok', mine, properties__retentionPolicy={"days": 90, "enabled": True}),
                              flowlog('fl-forever', mine, properties__retentionPolicy={"days": 0, "enabled": True}),
                              flowlog('fl-other', other, properties__retentionPolicy={"days": 7, "enabled": True})]),
         f"PASS {FLN}fl-ok ~ days is 90\nPASS {FLN}fl-forever ~ kept forever\nNOT_APPLICABLE {FLN}fl-other")
    case(R, 'fail', snapshot([flowlog('fl-short', mine, properties__retentionPolicy={"days": 30, "enabled": True}),
                              flowlog('fl-89', mine, properties__retentionPolicy={"days": 89, "enabled": True}),
                              flowlog('fl-off', mine, properties__enabled=False, properties__retentionPolicy={"days": 365, "enabled": True})]),
         f"FAIL {FLN}fl-short ~ retentionPolicy.days is 30 (less than 90)\nFAIL {FLN}fl-89 ~ retentionPolicy.days is 89 (less than 90)\nFAIL {FLN}fl-off ~ disabled")
    # Retention is the deletion of logs older than `days`: with it disabled
    # (NetworkWatcherFlowLogGet: days 0, enabled false) the logs stay in the
    # storage account until deleted there, and `days` is not applied.
    case(R, 'pass-retention-disabled', snapshot([flowlog('fl-example', mine), flowlog('fl-off7', mine, properties__retentionPolicy={"days": 7, "enabled": False})]),
         f"PASS {FLN}fl-example ~ retentionPolicy.enabled is false: no retention policy deletes the flow logs\n"
         f"PASS {FLN}fl-off7 ~ retentionPolicy.enabled is false: no retention policy deletes the flow logs, which stay in the storage account until deleted there (days 7 is not applied)")
    # A deployed flow log without retentionPolicy: whether one deletes the logs is not in the input.
    case(R, 'unknown-retention-absent', snapshot([flowlog('fl-norp', mine, properties__retentionPolicy=DEL)]),
         f"UNKNOWN {FLN}fl-norp ~ retentionPolicy is absent")
    case(R, 'unknown-retention-enabled-type', snapshot([flowlog('fl-odd', mine, properties__retentionPolicy={"days": 90, "enabled": "yes"})]),
         f"UNKNOWN {FLN}fl-odd ~ retentionPolicy.enabled is missing or not a boolean")
    # A template that sets no retentionPolicy applies none (the CLI's --retention 0,
    # "keep forever", sends none): the logs are kept until deleted.
    case(R, 'pass-template-no-retention', {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
         "resources": [{"type": "Microsoft.Network/networkWatchers/flowLogs", "apiVersion": "2024-05-01", "name": "NetworkWatcher_westeurope/fl-tpl",
                        "location": "westeurope", "properties": {"targetResourceId": mine, "enabled": True,
                        "storageId": rid('rg-logs', 'Microsoft.Storage', 'storageAccounts', 'flowlogstore')}}]},
         "PASS NetworkWatcher_westeurope/fl-tpl ~ no retentionPolicy")
    case(R, 'unknown', snapshot([flowlog('fl-notarget', mine, properties__targetResourceId=DEL)]), f"UNKNOWN {FLN}fl-notarget ~ targetResourceId is absent")
    case(R, 'unknown-noprops', snapshot([bare(flowlog('fl-bare', mine))]), f"UNKNOWN {FLN}fl-bare")
case('AZA-NET-005', 'pass-config', snapshot([flowlog('fl-30', nsg_id, properties__retentionPolicy={"days": 30, "enabled": True})]), f"PASS {FLN}fl-30 ~ at least 30")
open(os.path.join(ROOT, 'AZA-NET-005', 'pass-config.config.json'), 'w').write(json.dumps({"flow_log_retention_days": 30}) + "\n")
sub_vnet = rid('rg-net', 'Microsoft.Network', 'virtualNetworks', 'vnet1', 'subnets', 'default')
case('AZA-NET-008', 'pass-subnet-target', snapshot([flowlog('fl-subnet', sub_vnet, properties__retentionPolicy={"days": 120, "enabled": True})]), f"PASS {FLN}fl-subnet")
# storageId is required by Resource Manager: without it the retention judged applies to nothing known
case('AZA-NET-005', 'unknown-nostorage', snapshot([flowlog('fl-nostore', nsg_id, properties__retentionPolicy={"days": 90, "enabled": True}, properties__storageId=DEL)]),
     f"UNKNOWN {FLN}fl-nostore ~ storageId is absent")
case('AZA-NET-005', 'unknown-negative', snapshot([flowlog('fl-neg', nsg_id, properties__retentionPolicy={"days": -5, "enabled": True})]), f"UNKNOWN {FLN}fl-neg ~ not a number of days")

# ---- Network Watcher ----
W_EX = ex(NETEX + 'NetworkWatcherList.json')['value'][0]
def watcher(loc, state='Succeeded'):
    w = copy.deepcopy(W_EX); name = 'NetworkWatcher_' + loc
    w['id'] = rid('NetworkWatcherRG', 'Microsoft.Network', 'networkWatchers', name); w['name'] = name; w['location'] = loc
    w['properties']['provisioningState'] = state
    return w
def other(kind, name, loc):  # a resource of a type no rule reads: only its region counts
    return {"id": rid('rg-app', kind.split('/')[0], kind.split('/')[1], name), "name": name, "type": kind, "location": loc, "properties": {}}
R = 'AZA-NET-006'
case(R, 'pass', snapshot([watcher('westeurope'), watcher('northeurope'), nsg('nsg1', []), other('Microsoft.Cache/redis', 'cache1', 'North Europe'),
                          other('Microsoft.Network/dnszones', 'example.com', 'global')]),
     "PASS fixture-sub ~ each of the 2 regions")
# a policy assignment's location is only where its managed identity lives: the
# region is not in use (it failed, naming eastus2)
pa = {"id": f"/subscriptions/{SUB}/providers/Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn",
      "name": "SecurityCenterBuiltIn", "type": "Microsoft.Authorization/policyAssignments", "location": "eastus2",
      "identity": {"type": "SystemAssigned"}, "properties": {"enforcementMode": "Default"}}
case(R, 'pass-policy-identity-region', snapshot([watcher('westeurope'), nsg('nsg1', []), pa]), "PASS fixture-sub ~ each of the 1 region")
case(R, 'fail', snapshot([watcher('eastus'), nsg('nsg1', []), other('Microsoft.Cache/redis', 'cache1', 'North Europe')]),
     "FAIL fixture-sub ~ no provisioned Network Watcher in 2 of 3 regions in use: westeurope, northeurope")
case(R, 'fail-unprovisioned', snapshot([watcher('westeurope', 'Failed'), nsg('nsg1', [])]), "FAIL fixture-sub ~ is Failed")
# each region names its own failed watcher
case(R, 'fail-unprovisioned-two-regions', snapshot([watcher('westeurope', 'Failed'), watcher('northeurope', 'Failed'), nsg('nsg1', []),
                                                   other('Microsoft.Cache/redis', 'cache1', 'North Europe')]),
     "FAIL fixture-sub ~ westeurope (watcher NetworkWatcher_westeurope is Failed), northeurope (watcher NetworkWatcher_northeurope is Failed)")
# a provisioningState that is not a string proves nothing
case(R, 'unknown-state-type', snapshot([watcher('westeurope', 7), nsg('nsg1', [])]), "UNKNOWN fixture-sub ~ provisioningState is not a string")
# a deployed watcher's GET carries its provisioningState: one without it
# (a trimmed export) may be Failed (it passed)
nostate = watcher('westeurope'); del nostate['properties']['provisioningState']
case(R, 'unknown-state-trimmed', snapshot([nostate, nsg('nsg1', [])]), "UNKNOWN fixture-sub ~ provisioningState is absent")
case(R, 'unknown', snapshot([nsg('nsg1', [])]), "UNKNOWN fixture-sub ~ not collected")
case(R, 'unknown-error', snapshot([nsg('nsg1', [])], datasets=[NS, 'Microsoft.Network/networkWatchers'],
     errors=[{"scope": f"/subscriptions/{SUB}", "type": "Microsoft.Network/networkWatchers", "api": "GET networkWatchers", "status": 403, "message": "AuthorizationFailed"}]),
     "UNKNOWN fixture-sub ~ HTTP 403")

# ---- manual ----
case('AZA-NET-007', 'manual', snapshot([]), f"MANUAL {TENANT}")
case('AZA-NET-016', 'manual', snapshot([]), f"MANUAL {TENANT}")

# ---- VPN gateway ----
def vngw(name, **kv):
    g = {"id": rid('rg-net', 'Microsoft.Network', 'virtualNetworkGateways', name), "name": name, "type": "Microsoft.Network/virtualNetworkGateways",
         "location": "westeurope", "properties": {"provisioningState": "Succeeded", "gatewayType": "Vpn", "vpnType": "RouteBased",
         "sku": {"name": "VpnGw1", "tier": "VpnGw1"},
         "vpnClientConfiguration": {"vpnClientAddressPool": {"addressPrefixes": ["172.16.201.0/24"]}, "vpnClientProtocols": ["OpenVPN"],
            "vpnAuthenticationTypes": ["AAD"], "aadTenant": f"https://login.microsoftonline.com/{TENANT}/",
            "aadAudience": "41b23e61-6c1e-4545-b367-cd054e0ed4b4", "aadIssuer": f"https://sts.windows.net/{TENANT}/"}}}
    return mod(g, **kv)
R = 'AZA-NET-009'
case(R, 'pass', snapshot([vngw('gw-aad'), vngw('gw-s2s', properties__vpnClientConfiguration=DEL), vngw('gw-er', properties__gatewayType='ExpressRoute')]),
     "PASS gw-aad\nNOT_APPLICABLE gw-s2s\nNOT_APPLICABLE gw-er")
case(R, 'fail', snapshot([vngw('gw-cert', properties__vpnClientConfiguration__vpnAuthenticationTypes=['Certificate', 'AAD'])]), "FAIL gw-cert ~ Certificate authentication besides AAD")
case(R, 'fail-rootcert', snapshot([vngw('gw-old', properties__vpnClientConfiguration__vpnAuthenticationTypes=DEL,
     properties__vpnClientConfiguration__vpnClientRootCertificates=[{"name": "root", "properties": {"publicCertData": "MIIC..."}}])]), "FAIL gw-old ~ certificate")
case(R, 'unknown', snapshot([vngw('gw-odd', properties__vpnClientConfiguration__vpnAuthenticationTypes='AAD')]), "UNKNOWN gw-odd ~ not an array")
case(R, 'unknown-entry-type', snapshot([vngw('gw-odd', properties__vpnClientConfiguration__vpnAuthenticationTypes=['AAD', 5])]), "UNKNOWN gw-odd ~ not a string")

# ---- Application Gateway and WAF policies ----
pol_id = rid('rg-net', 'Microsoft.Network', 'ApplicationGatewayWebApplicationFirewallPolicies', 'wafpol1')
def appgw(name, **kv):
    g = {"id": rid('rg-net', 'Microsoft.Network', 'applicationGateways', name), "name": name, "type": "Microsoft.Network/applicationGateways",
         "location": "westeurope", "properties": {"provisioningState": "Succeeded", "operationalState": "Running",
         "sku": {"name": "WAF_v2", "tier": "WAF_v2", "capacity": 2}, "firewallPolicy": {"id": pol_id},
         "sslPolicy": {"policyType": "Predefined", "policyName": "AppGwSslPolicy20220101"}, "enableHttp2": True,
         "gatewayIPConfigurations": [{"name": "appgwipc", "id": rid('rg-net', 'Microsoft.Network', 'applicationGateways', name, 'gatewayIPConfigurations', 'appgwipc'),
            "properties": {"subnet": {"id": rid('rg-net', 'Microsoft.Network', 'virtualNetworks', 'vnet1', 'subnets', 'appgwsubnet')}}}]}}
    return mod(g, **kv)
def agid(gw, *parts):
    return rid('rg-net', 'Microsoft.Network', 'applicationGateways', gw, *parts)
def listener(gw, name, policy=None):
    l = {"name": name, "id": agid(gw, 'httpListeners', name),
         "properties": {"provisioningState": "Succeeded", "protocol": "Https", "hostName": name + ".contoso.com",
                        "frontendIPConfiguration": {"id": agid(gw, 'frontendIPConfigurations', 'appgwfip')},
                        "frontendPort": {"id": agid(gw, 'frontendPorts', 'port443')}, "requireServerNameIndication": True}}
    if policy:
        l["properties"]["firewallPolicy"] = {"id": rid('rg-net', 'Microsoft.Network', 'ApplicationGatewayWebApplicationFirewallPolicies', policy)}
    return l
def wafpol(name, **kv):
    p = {"id": rid('rg-net', 'Microsoft.Network', 'ApplicationGatewayWebApplicationFirewallPolicies', name), "name": name,
         "type": "Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies", "location": "westeurope",
         "properties": {"provisioningState": "Succeeded", "resourceState": "Enabled", "customRules": [],
            "policySettings": {"state": "Enabled", "mode": "Prevention", "requestBodyCheck": True, "maxRequestBodySizeInKb": 128, "fileUploadLimitInMb": 100},
            "managedRules": {"exclusions": [], "managedRuleSets": [{"ruleSetType": "OWASP", "ruleSetVersion": "3.2", "ruleGroupOverrides": []},
                                                                  {"ruleSetType": "Microsoft_BotManagerRuleSet", "ruleSetVersion": "1.0", "ruleGroupOverrides": []}]}}}
    return mod(p, **kv)
R = 'AZA-NET-010'
# A deployed gateway's GET returns its httpListeners: the passing cases
# carry one (without them a listener may link a policy of its own).
case(R, 'pass', snapshot([appgw('agw1', properties__httpListeners=[listener('agw1', 'www')]), wafpol('wafpol1')]), "PASS agw1 ~ WAF policy wafpol1")
case(R, 'pass-legacy', snapshot([appgw('agw2', properties__firewallPolicy=DEL, properties__httpListeners=[listener('agw2', 'www')], properties__webApplicationFirewallConfiguration={"enabled": True, "firewallMode": "Prevention", "ruleSetType": "OWASP", "ruleSetVersion": "3.2"})]), "PASS agw2 ~ webApplicationFirewallConfiguration.enabled")
case(R, 'unknown-listeners-trimmed', snapshot([appgw('agw1'), wafpol('wafpol1')]),
     "UNKNOWN agw1 ~ httpListeners is not in the input: whether a listener links a WAF policy of its own is not known")
case(R, 'fail', snapshot([appgw('agw-std', properties__sku={"name": "Standard_v2", "tier": "Standard_v2", "capacity": 2}, properties__firewallPolicy=DEL)]), "FAIL agw-std ~ sku.tier is Standard_v2")
case(R, 'fail-policy-off', snapshot([appgw('agw1'), wafpol('wafpol1', properties__policySettings__state='Disabled')]), "FAIL agw1 ~ Disabled")
case(R, 'unknown', snapshot([appgw('agw-nosku', properties__sku=DEL)]), "UNKNOWN agw-nosku ~ sku.tier is absent")
# the linked policy is not in the input: its state (possibly Disabled) is unknown
case(R, 'unknown-policy', snapshot([appgw('agw1')], datasets=["Microsoft.Network/applicationGateways"]), "UNKNOWN agw1 ~ wafpol1, which is not in the input")
# the linked policy is in the input but says nothing of its state
case(R, 'unknown-policy-bare', snapshot([appgw('agw1'), bare(wafpol('wafpol1'))]), "UNKNOWN agw1 ~ policySettings.state is absent")
case(R, 'unknown-policy-state-type', snapshot([appgw('agw1'), wafpol('wafpol1', properties__policySettings__state=1)]), "UNKNOWN agw1 ~ policySettings.state is not a string")
case(R, 'unknown-legacy-type', snapshot([appgw('agw2', properties__firewallPolicy=DEL, properties__webApplicationFirewallConfiguration={"enabled": 1})]),
     "UNKNOWN agw2 ~ enabled is not a boolean")
# a policy id that is not a string may name a running policy: it failed as "no WAF policy is linked"
case(R, 'unknown-policy-id-type', snapshot([appgw('agw1', properties__firewallPolicy={"id": 7})]),
     "UNKNOWN agw1 ~ sku.tier is WAF_v2 and firewallPolicy.id is not a string")
# Templates: a policy the template deploys without policySettings.state is
# Enabled (the WafPolicyCreateOrUpdate example sends none and gets Enabled);
# one it only links may be Disabled, as for Front Door (AZA-NET-035).
def tagw(name, policy):
    return {"type": "Microsoft.Network/applicationGateways", "apiVersion": "2024-05-01", "name": name, "location": "westeurope",
            "properties": {"sku": {"name": "WAF_v2", "tier": "WAF_v2", "capacity": 2}, "enableHttp2": True,
                           "firewallPolicy": {"id": policy}}}
TWAF = "Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies"
case(R, 'template', template([tagw('tagw-own', f"[resourceId('{TWAF}', 'twaf')]"),
                              {"type": TWAF, "apiVersion": "2024-05-01", "name": "twaf", "location": "westeurope",
                               "properties": {"policySettings": {"mode": "Prevention"},
                                              "managedRules": {"managedRuleSets": [{"ruleSetType": "OWASP", "ruleSetVersion": "3.2"}]}}},
                              tagw('tagw-ext', rid('rg-sec', 'Microsoft.Network', 'ApplicationGatewayWebApplicationFirewallPolicies', 'shared-waf'))]),
     "PASS tagw-own ~ WAF policy twaf (policySettings.state not set: Enabled)\n"
     "UNKNOWN tagw-ext ~ WAF policy shared-waf, which the template does not deploy")
R = 'AZA-NET-012'
case(R, 'pass', snapshot([appgw('agw1'), appgw('agw-custom', properties__sslPolicy={"policyType": "CustomV2", "minProtocolVersion": "TLSv1_3"})]), "PASS agw1 ~ TLSv1_2\nPASS agw-custom ~ TLSv1_3")
case(R, 'fail', snapshot([appgw('agw-old', properties__sslPolicy={"policyType": "Predefined", "policyName": "AppGwSslPolicy20150501"}),
                          appgw('agw-custom', properties__sslPolicy={"policyType": "Custom", "minProtocolVersion": "TLSv1_1", "cipherSuites": ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]})]),
     "FAIL agw-old ~ TLSv1_0\nFAIL agw-custom ~ TLSv1_1")
case(R, 'unknown', snapshot([appgw('agw-nopolicy', properties__sslPolicy=DEL)]), "UNKNOWN agw-nopolicy ~ creation API version")
# CustomV2 takes only TLSv1_2 or TLSv1_3 as its minimum (TLS policy overview:
# clients needing TLS 1.0 must use the older predefined or Custom policies).
case(R, 'pass-customv2-nomin', snapshot([appgw('agw-v2', properties__sslPolicy={"policyType": "CustomV2", "cipherSuites": ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]})]),
     "PASS agw-v2 ~ sslPolicy CustomV2 without minProtocolVersion: a CustomV2 policy's minimum is TLSv1_2 or TLSv1_3")
case(R, 'fail-custom-nomin', snapshot([appgw('agw-c1', properties__sslPolicy={"policyType": "Custom", "cipherSuites": ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]})]),
     "FAIL agw-c1 ~ sslPolicy Custom without minProtocolVersion")
# the older form: the default policy less the protocols listed
case(R, 'pass-disabled-protocols', snapshot([appgw('agw-legacy', properties__sslPolicy={"disabledSslProtocols": ["TLSv1_0", "TLSv1_1"]},
                                                   properties__defaultPredefinedSslPolicy='AppGwSslPolicy20150501')]),
     "PASS agw-legacy ~ disables TLSv1_0 and TLSv1_1")
# A policyType that starts with "Custom" but is neither Custom nor CustomV2 (a
# type Azure may add) says nothing of the minimum it takes when none is set.
case(R, 'unknown-custom-future', snapshot([appgw('agw-c3', properties__sslPolicy={"policyType": "CustomV3", "cipherSuites": ["TLS_AES_128_GCM_SHA256"]})]),
     "UNKNOWN agw-c3 ~ sslPolicy CustomV3 without minProtocolVersion: a policyType other than Custom or CustomV2, whose minimum is not known")
# Listener-specific TLS policies: SSL profiles (sslProfiles[].properties.sslPolicy,
# shape of ApplicationGatewayListAll) referenced by HTTPS listeners
# (httpListeners[].properties.sslProfile.id). A listener whose profile sets no
# sslPolicy uses the gateway's (listener-specific SSL policy docs).
def sslprofile(gw, name, policy=DEL, props=True):
    gid = rid('rg-net', 'Microsoft.Network', 'applicationGateways', gw)
    p = {"name": name, "id": gid + '/sslProfiles/' + name}
    if props:
        p["properties"] = {"provisioningState": "Succeeded",
                           "clientAuthConfiguration": {"verifyClientCertIssuerDN": True, "verifyClientRevocation": "OCSP"},
                           "trustedClientCertificates": [{"id": gid + '/trustedClientCertificates/clientcert'}]}
        if policy is not DEL:
            p["properties"]["sslPolicy"] = policy
    return p
def httpslistener(gw, name, profile):
    gid = rid('rg-net', 'Microsoft.Network', 'applicationGateways', gw)
    return {"name": name, "id": gid + '/httpListeners/' + name,
            "properties": {"provisioningState": "Succeeded", "protocol": "Https",
                           "frontendIPConfiguration": {"id": gid + '/frontendIPConfigurations/appgwfip'},
                           "frontendPort": {"id": gid + '/frontendPorts/appgwfp'},
                           "sslCertificate": {"id": gid + '/sslCertificates/sslcert'},
                           "sslProfile": {"id": gid + '/sslProfiles/' + profile}, "requireServerNameIndication": False}}
def agw_profiles(name, profiles, **kv):
    return appgw(name, properties__sslProfiles=profiles,
                 properties__httpListeners=[httpslistener(name, 'l-' + (p.get("name") or str(i)), p.get("name") or str(i))
                                            for i, p in enumerate(profiles)], **kv)
case(R, 'pass-ssl-profiles', snapshot([
        agw_profiles('agw-prof', [sslprofile('agw-prof', 'strict', {"policyType": "Predefined", "policyName": "AppGwSslPolicy20220101S"}),
                                  sslprofile('agw-prof', 'v2', {"policyType": "CustomV2", "minProtocolVersion": "TLSv1_3",
                                                                "cipherSuites": ["TLS_AES_256_GCM_SHA384"]})]),
        agw_profiles('agw-mtls', [sslprofile('agw-mtls', 'mtls')])]),
     "PASS agw-prof ~ SSL profile 'strict': predefined sslPolicy AppGwSslPolicy20220101S: minimum TLSv1_2; SSL profile 'v2': sslPolicy "
     "CustomV2: minimum TLSv1_3; every HTTPS listener has an SSL profile: the gateway's sslPolicy is not used\n"
     "PASS agw-mtls ~ predefined sslPolicy AppGwSslPolicy20220101: minimum TLSv1_2; SSL profile 'mtls' sets no sslPolicy (its listeners use the gateway's)")
# The global policy is fine; a profile's policy lets TLS 1.0 or 1.1 in on its listeners.
case(R, 'fail-ssl-profile', snapshot([
        agw_profiles('agw-legacy', [sslprofile('agw-legacy', 'legacy', {"policyType": "Custom", "minProtocolVersion": "TLSv1_0",
                                                                        "cipherSuites": ["TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"]})]),
        agw_profiles('agw-old', [sslprofile('agw-old', 'ok', {"policyType": "Predefined", "policyName": "AppGwSslPolicy20220101"}),
                                 sslprofile('agw-old', 'old', {"policyType": "Predefined", "policyName": "AppGwSslPolicy20170401"})]),
        # a failing profile decides over one that cannot be judged
        agw_profiles('agw-mixed', [sslprofile('agw-mixed', 'odd', {"policyType": "Predefined", "policyName": "AppGwSslPolicy20990101"}),
                                   sslprofile('agw-mixed', 'weak', {"policyType": "Custom", "cipherSuites": ["TLS_RSA_WITH_AES_128_GCM_SHA256"]})]),
        # and over a global policy that cannot be judged
        agw_profiles('agw-noglobal', [sslprofile('agw-noglobal', 'tls10', {"policyType": "Custom", "minProtocolVersion": "TLSv1_0"})],
                     properties__sslPolicy=DEL)]),
     "FAIL agw-legacy ~ SSL profile 'legacy': sslPolicy Custom: minimum TLSv1_0\n"
     "FAIL agw-old ~ SSL profile 'old': predefined sslPolicy AppGwSslPolicy20170401: minimum TLSv1_1\n"
     "FAIL agw-mixed ~ SSL profile 'weak': sslPolicy Custom without minProtocolVersion (defaults to TLSv1_0); not judged: SSL profile 'odd': "
     "unknown predefined sslPolicy 'AppGwSslPolicy20990101'\n"
     "FAIL agw-noglobal ~ SSL profile 'tls10': sslPolicy Custom: minimum TLSv1_0")
# A profile whose policy cannot be judged leaves the gateway UNKNOWN.
case(R, 'unknown-ssl-profile', snapshot([
        agw_profiles('agw-p1', [sslprofile('agw-p1', 'future', {"policyType": "Predefined", "policyName": "AppGwSslPolicy20990101"})]),
        agw_profiles('agw-p2', [sslprofile('agw-p2', 'half', {"policyType": "Predefined"})]),
        agw_profiles('agw-p3', [sslprofile('agw-p3', 'bare', props=False)]),
        appgw('agw-p4', properties__sslProfiles={"name": "notalist"}),
        agw_profiles('agw-p5', [sslprofile('agw-p5', 'str', "AppGwSslPolicy20220101")]),
        agw_profiles('agw-p6', [sslprofile('agw-p6', 'c3', {"policyType": "CustomV3"})])]),
     "UNKNOWN agw-p1 ~ SSL profile 'future': unknown predefined sslPolicy 'AppGwSslPolicy20990101'\n"
     "UNKNOWN agw-p2 ~ SSL profile 'half': sslPolicy names no policyName or minProtocolVersion, so its minimum is not known\n"
     "UNKNOWN agw-p3 ~ SSL profile 'bare' has no properties: its sslPolicy cannot be read\n"
     "UNKNOWN agw-p4 ~ sslProfiles is not an array\n"
     "UNKNOWN agw-p5 ~ SSL profile 'str': sslPolicy is not an object\n"
     "UNKNOWN agw-p6 ~ SSL profile 'c3': sslPolicy CustomV3 without minProtocolVersion")
# A template's profile without properties declares no policy: its listeners use the gateway's.
# Listeners name profiles by resourceId() of the gateway's child.
def tpl_listener(name, profile, proto="Https"):
    l = {"name": name, "properties": {"protocol": proto, "frontendPort": {"id": "[resourceId('Microsoft.Network/applicationGateways/frontendPorts', 'agwtpl', 'p443')]"}}}
    if profile:
        l["properties"]["sslProfile"] = {"id": f"[resourceId('Microsoft.Network/applicationGateways/sslProfiles', 'agwtpl', '{profile}')]"}
    return l
def tpl_agw(profiles, listeners, l4=None, policy={"policyType": "Predefined", "policyName": "AppGwSslPolicy20220101"}):
    props = {"sku": {"name": "WAF_v2", "tier": "WAF_v2", "capacity": 2}, "sslProfiles": profiles, "httpListeners": listeners}
    if policy: props["sslPolicy"] = policy
    if l4 is not None: props["listeners"] = l4
    return {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
            "resources": [{"type": "Microsoft.Network/applicationGateways", "apiVersion": "2024-05-01", "name": "agwtpl", "location": "westeurope",
                           "properties": props}]}
tls12 = {"name": "tls12", "properties": {"sslPolicy": {"policyType": "Custom", "minProtocolVersion": "TLSv1_2",
                                                       "cipherSuites": ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]}}}
legacy = {"name": "legacy", "properties": {"sslPolicy": {"policyType": "Predefined", "policyName": "AppGwSslPolicy20150501"}}}
case(R, 'pass-template-ssl-profile', tpl_agw([{"name": "noprops"}, tls12], [tpl_listener("l1", "noprops"), tpl_listener("l2", "tls12")]),
     "PASS agwtpl ~ predefined sslPolicy AppGwSslPolicy20220101: minimum TLSv1_2; SSL profile 'noprops' sets no sslPolicy (its listeners use the gateway's); "
     "SSL profile 'tls12': sslPolicy Custom: minimum TLSv1_2")
# Only what a listener negotiates counts: a weak profile no listener names is
# mentioned, not judged (it gave FAIL before).
case(R, 'pass-unused-profile', tpl_agw([tls12, legacy], [tpl_listener("l1", "tls12"), tpl_listener("plain", None, "Http")]),
     "PASS agwtpl ~ SSL profile 'tls12': sslPolicy Custom: minimum TLSv1_2; every HTTPS listener has an SSL profile: the gateway's sslPolicy is not used; "
     "SSL profiles no listener names, not judged: 'legacy'")
# The gateway's weak policy is not negotiated when every HTTPS listener has a profile ...
case(R, 'pass-global-unused', tpl_agw([tls12], [tpl_listener("l1", "tls12")], policy={"policyType": "Predefined", "policyName": "AppGwSslPolicy20150501"}),
     "PASS agwtpl ~ every HTTPS listener has an SSL profile: the gateway's sslPolicy is not used")
# sslProfiles are first in the stable api-version 2020-06-01: before it the
# profiles are not part of the request, and the listeners get the gateway's policy.
t = tpl_agw([tls12], [tpl_listener("l1", "tls12")]); t["resources"][0]["apiVersion"] = "2020-05-01"
case(R, 'unknown-template-profile-old-api', t,
     "UNKNOWN agwtpl ~ every HTTPS listener has an SSL profile: the gateway's sslPolicy is not used, but sslProfiles: api-version 2020-05-01 "
     "predates the property (first in the stable api-version 2020-06-01)")
t = tpl_agw([tls12], [tpl_listener("l1", "tls12")]); t["resources"][0]["apiVersion"] = "2020-06-01"
case(R, 'pass-template-profile-first-api', t, "PASS agwtpl ~ every HTTPS listener has an SSL profile: the gateway's sslPolicy is not used")
# The gateway's own sslPolicy: policyType, policyName and minProtocolVersion are
# first in the stable api-version 2017-06-01 (2017-03-01 has disabledSslProtocols
# only), disabledSslProtocols in 2016-06-01 (2016-03-30 has no sslPolicy).
def tpl_agw_api(api, policy):
    t = tpl_agw([], [tpl_listener("l1", None)], policy=policy); t["resources"][0]["apiVersion"] = api
    del t["resources"][0]["properties"]["sslProfiles"]
    return t
P2022 = {"policyType": "Predefined", "policyName": "AppGwSslPolicy20220101"}
case(R, 'unknown-template-policy-old-api', tpl_agw_api("2017-03-01", P2022),
     "UNKNOWN agwtpl ~ predefined sslPolicy AppGwSslPolicy20220101: minimum TLSv1_2, but for policyType, policyName and minProtocolVersion "
     "api-version 2017-03-01 predates the property (first in the stable api-version 2017-06-01)")
case(R, 'pass-template-policy-first-api', tpl_agw_api("2017-06-01", P2022), "PASS agwtpl ~ predefined sslPolicy AppGwSslPolicy20220101: minimum TLSv1_2")
OFF = {"disabledSslProtocols": ["TLSv1_0", "TLSv1_1"]}
case(R, 'unknown-template-disabled-old-api', tpl_agw_api("2016-03-30", OFF),
     "UNKNOWN agwtpl ~ disables TLSv1_0 and TLSv1_1: minimum TLSv1_2, but for sslPolicy api-version 2016-03-30 predates the property "
     "(first in the stable api-version 2016-06-01)")
case(R, 'pass-template-disabled-first-api', tpl_agw_api("2016-06-01", OFF), "PASS agwtpl ~ disables TLSv1_0 and TLSv1_1: minimum TLSv1_2")
# At 2016-06-01 to 2017-03-01 disabledSslProtocols still counts when the newer fields do not.
case(R, 'pass-template-disabled-with-name-old-api', tpl_agw_api("2016-09-01", dict(P2022, **OFF)),
     "PASS agwtpl ~ sslPolicy.disabledSslProtocols disables TLSv1_0 and TLSv1_1: minimum TLSv1_2 (policyType, policyName and minProtocolVersion: "
     "api-version 2016-09-01 predates the property")
case(R, 'unknown-template-policy-param-api', tpl_agw_api("[parameters('v')]", P2022) | {"parameters": {"v": {"type": "string"}}},
     "UNKNOWN agwtpl ~ is only known at deployment")
# ... but is when one has none, and a weak profile named by a layer-4 TLS listener counts.
case(R, 'fail-listener-default', tpl_agw([tls12], [tpl_listener("l1", "tls12"), tpl_listener("l2", None)],
                                         policy={"policyType": "Predefined", "policyName": "AppGwSslPolicy20150501"}),
     "FAIL agwtpl ~ predefined sslPolicy AppGwSslPolicy20150501: minimum TLSv1_0")
case(R, 'fail-tls-listener', tpl_agw([tls12, legacy], [tpl_listener("l1", "tls12")], l4=[tpl_listener("tcp1", "legacy", "Tls")]),
     "FAIL agwtpl ~ SSL profile 'legacy': predefined sslPolicy AppGwSslPolicy20150501: minimum TLSv1_0")
# No HTTPS listener: the gateway's policy, which a new listener gets, is judged.
case(R, 'fail-no-https-listener', tpl_agw([], [tpl_listener("plain", None, "Http")], policy={"policyType": "Custom", "minProtocolVersion": "TLSv1_1"}),
     "FAIL agwtpl ~ sslPolicy Custom: minimum TLSv1_1 (no HTTPS listener yet: the policy new listeners get)")
# A listener naming a profile the gateway lacks.
case(R, 'unknown-missing-profile', snapshot([appgw('agw-m', properties__sslProfiles=[sslprofile('agw-m', 'a', {"policyType": "Predefined", "policyName": "AppGwSslPolicy20220101"})],
                                                   properties__httpListeners=[httpslistener('agw-m', 'l-a', 'a'), httpslistener('agw-m', 'l-gone', 'gone')])]),
     "UNKNOWN agw-m ~ listener 'l-gone' names SSL profile 'gone', which the gateway does not have")
# Deployed gateway whose listeners are not in the input: a weak profile may be unused.
case(R, 'unknown-listeners-unread', snapshot([appgw('agw-u', properties__sslProfiles=[sslprofile('agw-u', 'old', {"policyType": "Predefined", "policyName": "AppGwSslPolicy20170401"})])]),
     "UNKNOWN agw-u ~ SSL profile 'old': predefined sslPolicy AppGwSslPolicy20170401: minimum TLSv1_1, but whether a listener uses it is not known (httpListeners is not in the input)")
R = 'AZA-NET-013'
case(R, 'pass', snapshot([appgw('agw1')]), "PASS agw1")
case(R, 'fail', snapshot([appgw('agw-h1', properties__enableHttp2=DEL)]), "FAIL agw-h1 ~ not set")
case(R, 'unknown', snapshot([appgw('agw-odd', properties__enableHttp2='sometimes')]), "UNKNOWN agw-odd")
R = 'AZA-NET-014'
case(R, 'pass', snapshot([wafpol('wafpol1')]), "PASS wafpol1")
case(R, 'fail', snapshot([wafpol('wafpol2', properties__policySettings__requestBodyCheck=False)]), "FAIL wafpol2 ~ is false")
case(R, 'unknown', snapshot([wafpol('wafpol3', properties__policySettings__requestBodyCheck=[])]), "UNKNOWN wafpol3")
# Request body inspection is on by default (Learn, WAF request size limits;
# the WafPolicyCreateOrUpdate example): a template without requestBodyCheck
# gets it; a deployed policy's GET returns it, so its absence says nothing.
case(R, 'unknown-absent', snapshot([wafpol('wafpol4', properties__policySettings__requestBodyCheck=DEL)]), "UNKNOWN wafpol4 ~ requestBodyCheck is absent")
case(R, 'pass-template-default', template([{"type": "Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies", "apiVersion": "2024-05-01",
                                            "name": "twafpol", "location": "westeurope", "properties": {
                                              "policySettings": {"state": "Enabled", "mode": "Prevention"},
                                              "managedRules": {"managedRuleSets": [{"ruleSetType": "OWASP", "ruleSetVersion": "3.2"}]}}},
                                           {"type": "Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies", "apiVersion": "2024-05-01",
                                            "name": "twafpol-off", "location": "westeurope", "properties": {
                                              "policySettings": {"state": "Enabled", "mode": "Prevention", "requestBodyCheck": False},
                                              "managedRules": {"managedRuleSets": [{"ruleSetType": "OWASP", "ruleSetVersion": "3.2"}]}}}]),
     "PASS twafpol ~ not set: request body inspection is enabled by default\nFAIL twafpol-off ~ is false")
R = 'AZA-NET-015'
case(R, 'pass', snapshot([wafpol('wafpol1')]), "PASS wafpol1 ~ Microsoft_BotManagerRuleSet 1.0")
case(R, 'fail', snapshot([wafpol('wafpol2', properties__managedRules__managedRuleSets=[{"ruleSetType": "OWASP", "ruleSetVersion": "3.2"}])]), "FAIL wafpol2")
case(R, 'unknown', snapshot([wafpol('wafpol3', properties__managedRules__managedRuleSets={})]), "UNKNOWN wafpol3")
# ruleGroupOverrides: a group listed without rules is off as a whole, a listed
# rule without a state is disabled (ManagedRuleGroupOverride, ManagedRuleOverride)
def agbot(overrides):
    return [{"ruleSetType": "OWASP", "ruleSetVersion": "3.2", "ruleGroupOverrides": []},
            {"ruleSetType": "Microsoft_BotManagerRuleSet", "ruleSetVersion": "1.0", "ruleGroupOverrides": overrides}]
case(R, 'fail-all-groups-off', snapshot([wafpol('wafpol4', properties__managedRules__managedRuleSets=agbot(
        [{"ruleGroupName": "BadBots", "rules": []}, {"ruleGroupName": "GoodBots"}, {"ruleGroupName": "UnknownBots", "rules": []}]))]),
     "FAIL wafpol4 ~ managed rule set Microsoft_BotManagerRuleSet 1.0 is assigned, but its ruleGroupOverrides switch off every group "
     "(group BadBots (all its rules), group GoodBots (all its rules), group UnknownBots (all its rules)): it protects nothing")
case(R, 'pass-some-off', snapshot([wafpol('wafpol5', properties__managedRules__managedRuleSets=agbot(
        [{"ruleGroupName": "GoodBots", "rules": []}, {"ruleGroupName": "BadBots", "rules": [{"ruleId": "Bot100200", "state": "Disabled"},
                                                                                          {"ruleId": "Bot100100", "state": "Enabled", "action": "Log"}]}]))]),
     "PASS wafpol5 ~ is assigned; its ruleGroupOverrides switch off group GoodBots (all its rules), rules Bot100200 of group BadBots")
case(R, 'unknown-rules-listed-off', snapshot([wafpol('wafpol6', properties__managedRules__managedRuleSets=agbot(
        [{"ruleGroupName": "BadBots", "rules": [{"ruleId": "Bot100100", "state": "Disabled"}, {"ruleId": "Bot100200"}]},
         {"ruleGroupName": "GoodBots", "rules": []}, {"ruleGroupName": "UnknownBots", "rules": []}]))]),
     "UNKNOWN wafpol6 ~ disable every rule they list in each of its groups (rules Bot100100 Bot100200 of group BadBots")
case(R, 'unknown-overrides', snapshot([wafpol('wafpol7', properties__managedRules__managedRuleSets=agbot({"ruleGroupName": "BadBots"}))]),
     "UNKNOWN wafpol7 ~ its ruleGroupOverrides is not an array")
case(R, 'unknown-rule-state', snapshot([wafpol('wafpol8', properties__managedRules__managedRuleSets=agbot(
        [{"ruleGroupName": "BadBots", "rules": [{"ruleId": "Bot100100", "state": "Off"}]}]))]),
     "UNKNOWN wafpol8 ~ a rule override in group BadBots has state 'Off' (the API takes Disabled or Enabled)")

# ---- virtual networks ----
plan_id = rid('rg-net', 'Microsoft.Network', 'ddosProtectionPlans', 'plan1')
def vnet(name, subnets=None, **kv):
    vid = rid('rg-net', 'Microsoft.Network', 'virtualNetworks', name)
    if subnets is None:
        subnets = [('default', True), ('GatewaySubnet', False)]
    v = {"id": vid, "name": name, "type": "Microsoft.Network/virtualNetworks", "location": "westeurope",
         "properties": {"provisioningState": "Succeeded", "addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
           "subnets": [{"name": s, "id": vid + '/subnets/' + s, "properties": dict({"addressPrefix": f"10.0.{i}.0/24", "provisioningState": "Succeeded"},
                        **({"networkSecurityGroup": {"id": nsg_id}} if has else {}))} for i, (s, has) in enumerate(subnets)],
           "enableDdosProtection": True, "ddosProtectionPlan": {"id": plan_id}}}
    return mod(v, **kv)
R = 'AZA-NET-011'
case(R, 'pass', snapshot([vnet('vnet1')]), "PASS vnet1 ~ all 1 subnet")
case(R, 'fail', snapshot([vnet('vnet2', [('web', True), ('data', False), ('AzureFirewallSubnet', False)])]), "FAIL vnet2 ~ 1 of 2 subnets without an NSG: data")
v = vnet('vnet3'); del v['properties']['subnets']
case(R, 'unknown', snapshot([v]), "UNKNOWN vnet3 ~ subnets is absent")
SUB_EX = ex(NETEX + 'SubnetGet.json')
v = vnet('vnet4'); v['properties']['subnets'] = []
s = copy.deepcopy(SUB_EX); s['id'] = v['id'] + '/subnets/subnet1'; s['name'] = 'subnet1'
case(R, 'fail-child', snapshot([v, s]), "FAIL vnet4 ~ subnet1")
# Embedded subnets and child subnet resources are both read: a template may
# declare some subnets in the network and others as children.
v = vnet('vnet7')
s = copy.deepcopy(SUB_EX); s['id'] = v['id'] + '/subnets/data'; s['name'] = 'data'
case(R, 'fail-child-beside-embedded', snapshot([v, s]), "FAIL vnet7 ~ 1 of 2 subnets without an NSG: data")
v = vnet('vnet8')
s = copy.deepcopy(SUB_EX); s['id'] = v['id'] + '/subnets/default'; s['name'] = 'default'
case(R, 'fail-child-differs-from-embedded', snapshot([v, s]), "FAIL vnet8 ~ 1 of 1 subnet without an NSG: default")
v = vnet('vnet5'); v['properties']['subnets'] = None
case(R, 'unknown-null', snapshot([v]), "UNKNOWN vnet5 ~ subnets is absent")
v = vnet('vnet6'); v['properties']['subnets'] = [{"id": v['id'] + '/subnets/web'}]
case(R, 'unknown-subnet-ref', snapshot([v]), "UNKNOWN vnet6 ~ subnet web has no readable")
R = 'AZA-NET-018'
case(R, 'pass', snapshot([vnet('vnet1')]), "PASS vnet1 ~ plan1")
case(R, 'fail', snapshot([vnet('vnet2', properties__enableDdosProtection=False, properties__ddosProtectionPlan=DEL)]), "FAIL vnet2 ~ is false")
case(R, 'fail-noplan', snapshot([vnet('vnet3', properties__ddosProtectionPlan=DEL)]), "FAIL vnet3 ~ no ddosProtectionPlan")
case(R, 'unknown', snapshot([vnet('vnet4', properties__enableDdosProtection='perhaps')]), "UNKNOWN vnet4")
case(R, 'pass-plan-name', snapshot([vnet('vnet5', properties__ddosProtectionPlan={"id": "plan1"})]), "PASS vnet5 ~ plan plan1")

# ---- public IP DDoS ----
PIP_EX = ex(NETEX + 'PublicIpAddressGet.json')
NIC_EX = ex(NETEX + 'NetworkInterfaceGet.json')
def pip(name, **kv):
    p = copy.deepcopy(PIP_EX); p['id'] = rid('rg-net', 'Microsoft.Network', 'publicIPAddresses', name); p['name'] = name
    p['properties']['ipConfiguration']['id'] = rid('rg-net', 'Microsoft.Network', 'networkInterfaces', 'nic1', 'ipConfigurations', 'ipconfig1')
    p['properties']['ddosSettings']['ddosProtectionPlan']['id'] = plan_id
    return mod(p, **kv)
def nic(vnet_name):
    n = copy.deepcopy(NIC_EX); n['id'] = rid('rg-net', 'Microsoft.Network', 'networkInterfaces', 'nic1'); n['name'] = 'nic1'
    for c in n['properties']['ipConfigurations']:
        c['id'] = n['id'] + '/ipConfigurations/' + c['name']
        c['properties']['subnet']['id'] = rid('rg-net', 'Microsoft.Network', 'virtualNetworks', vnet_name, 'subnets', 'default')
        c['properties'].pop('publicIPAddress', None)
    n['properties'].pop('networkSecurityGroup', None); n['properties'].pop('virtualMachine', None)
    return n
inh = {'properties__ddosSettings': {"protectionMode": "VirtualNetworkInherited"}}
R = 'AZA-NET-022'
case(R, 'pass', snapshot([pip('pip-ip'), pip('pip-inh', **inh), nic('vnet1'), vnet('vnet1'), pip('pip-free', properties__ipConfiguration=DEL, properties__ddosSettings=DEL)]),
     "PASS pip-ip ~ IP protection\nPASS pip-inh ~ inherits DDoS Network Protection from virtual network vnet1\nNOT_APPLICABLE pip-free")
case(R, 'fail', snapshot([pip('pip-off', properties__ddosSettings={"protectionMode": "Disabled"}), pip('pip-inh', **inh), nic('vnet2'),
                          vnet('vnet2', properties__enableDdosProtection=False, properties__ddosProtectionPlan=DEL)]),
     "FAIL pip-off ~ Disabled\nFAIL pip-inh ~ vnet2, which has no DDoS protection plan")
case(R, 'unknown', snapshot([pip('pip-inh', **inh)]), "UNKNOWN pip-inh ~ nic1 is not in the input")
# DDoS Protection does not support NAT Gateway (reference architectures:
# unsupported resources): its IPs are outside the rule, even when Disabled or Enabled.
natgw = {'properties__ipConfiguration': DEL, 'properties__natGateway': {"id": rid('rg-net', 'Microsoft.Network', 'natGateways', 'nat1')}}
case(R, 'na-natgateway', snapshot([pip('pip-nat-off', properties__ddosSettings={"protectionMode": "Disabled"}, **natgw),
                                   pip('pip-nat-inh', properties__ddosSettings=DEL, **natgw), pip('pip-nat-on', **natgw)]),
     "NOT_APPLICABLE pip-nat-off ~ NAT gateway nat1, which DDoS Protection does not support\nNOT_APPLICABLE pip-nat-inh ~ NAT gateway nat1\n"
     "NOT_APPLICABLE pip-nat-on ~ NAT gateway nat1")
lb = rid('rg-net', 'Microsoft.Network', 'loadBalancers', 'lb1', 'frontendIPConfigurations', 'fe1')
case(R, 'unknown-lb', snapshot([pip('pip-lb', properties__ddosSettings=DEL, properties__ipConfiguration={"id": lb})]), "UNKNOWN pip-lb ~ loadBalancers/lb1")
case(R, 'unknown-mode-type', snapshot([pip('pip-odd', properties__ddosSettings={"protectionMode": 1}), nic('vnet1'), vnet('vnet1')]), "UNKNOWN pip-odd ~ not a string")
case(R, 'unknown-vnet-type', snapshot([pip('pip-inh', **inh), nic('vnet1'), vnet('vnet1', properties__enableDdosProtection='perhaps')]),
     "UNKNOWN pip-inh ~ enableDdosProtection is not a boolean")
case(R, 'unknown-vnet-bare', snapshot([pip('pip-inh', **inh), nic('vnet1'), bare(vnet('vnet1'))]), "UNKNOWN pip-inh ~ properties are not in the input")
# protectionCoverage (api-versions before protectionMode) is "the DDoS
# protection policy customizability of the public IP" (DdosSettings in the
# Microsoft.Network specification): Standard is not protection, the IP
# inherits its virtual network's plan (or none).
cov = {'properties__ddosSettings': {"protectionCoverage": "Standard"}}
case(R, 'fail-coverage-standard', snapshot([pip('pip-cov', **cov), nic('vnet2'), vnet('vnet2', properties__enableDdosProtection=False, properties__ddosProtectionPlan=DEL),
                                            pip('pip-cov-free', properties__ipConfiguration=DEL, **cov)]),
     "FAIL pip-cov ~ vnet2, which has no DDoS protection plan (protectionCoverage Standard sets only whether a custom DDoS policy may apply)\n"
     "NOT_APPLICABLE pip-cov-free ~ not attached")
case(R, 'pass-coverage-standard', snapshot([pip('pip-cov', **cov), nic('vnet1'), vnet('vnet1')]),
     "PASS pip-cov ~ inherits DDoS Network Protection from virtual network vnet1 (protectionCoverage Standard")
case(R, 'na-coverage-template', template([{"type": "Microsoft.Network/publicIPAddresses", "apiVersion": "2020-11-01", "name": "tpip", "location": "westeurope",
                                           "sku": {"name": "Standard"}, "properties": {"publicIPAllocationMethod": "Static",
                                           "ddosSettings": {"protectionCoverage": "Standard"}}}]),
     "NOT_APPLICABLE tpip ~ not attached")

# The same api-versions' protectedIP ("Enables DDoS protection on the public
# IP") is protection on the IP itself.
case(R, 'pass-protected-ip', snapshot([pip('pip-pip', properties__ddosSettings={"protectionCoverage": "Basic", "protectedIP": True}), nic('vnet2'),
                                       vnet('vnet2', properties__enableDdosProtection=False, properties__ddosProtectionPlan=DEL)]),
     "PASS pip-pip ~ ddosSettings.protectedIP is true")
case(R, 'unknown-protected-ip-type', snapshot([pip('pip-pip', properties__ddosSettings={"protectedIP": "yes"}), nic('vnet1'), vnet('vnet1')]),
     "UNKNOWN pip-pip ~ protectedIP is not a boolean")

# ---- Bastion ----
R = 'AZA-NET-017'
bast = {"id": rid('rg-net', 'Microsoft.Network', 'bastionHosts', 'bastion1'), "name": "bastion1", "type": "Microsoft.Network/bastionHosts", "location": "westeurope",
        "properties": {"provisioningState": "Succeeded", "ipConfigurations": [{"name": "bastionHostIpConfiguration", "properties": {
          "subnet": {"id": rid('rg-net', 'Microsoft.Network', 'virtualNetworks', 'vnet1', 'subnets', 'AzureBastionSubnet')},
          "publicIPAddress": {"id": rid('rg-net', 'Microsoft.Network', 'publicIPAddresses', 'bastion-pip')}}}]}}
case(R, 'pass', snapshot([bast, vnet('vnet1')]), "PASS fixture-sub ~ bastion1")
case(R, 'fail', snapshot([vnet('vnet1')], datasets=['Microsoft.Network/virtualNetworks', 'Microsoft.Network/bastionHosts']), "FAIL fixture-sub")
case(R, 'unknown', snapshot([vnet('vnet1')]), "UNKNOWN fixture-sub ~ not collected")
case(R, 'fail-failed', snapshot([mod(bast, properties__provisioningState='Failed'), vnet('vnet1')]), "FAIL fixture-sub ~ bastion1, has provisioningState Failed")
case(R, 'unknown-updating', snapshot([mod(bast, properties__provisioningState='Updating'), vnet('vnet1')]), "UNKNOWN fixture-sub ~ bastion1 has provisioningState Updating")
# A deployed host without a state (a trimmed export) may be Failed: it passed.
case(R, 'unknown-state-trimmed', snapshot([mod(bast, properties__provisioningState=DEL), vnet('vnet1')]),
     "UNKNOWN fixture-sub ~ Bastion host bastion1 has no provisioningState (whether it is provisioned is not known)")

# ---- database firewalls ----
SQLFW = ex('sql/resource-manager/Microsoft.Sql/stable/2023-08-01/examples/FirewallRuleList.json')['value']
SQL_EX = ex('sql/resource-manager/Microsoft.Sql/stable/2023-08-01/examples/ServerGet.json')
PGFW = ex('postgresql/resource-manager/Microsoft.DBforPostgreSQL/stable/2024-08-01/examples/FirewallRuleListByServer.json')['value']
PG_EX = ex('postgresql/resource-manager/Microsoft.DBforPostgreSQL/stable/2024-08-01/examples/ServerGet.json')
MY_EX = ex('mysql/resource-manager/Microsoft.DBforMySQL/FlexibleServers/stable/2023-12-30/examples/ServerGet.json')
def server(example, prov, typ, name, **kv):
    s = copy.deepcopy(example); s['id'] = rid('rg-data', prov, typ, name); s['name'] = name
    return mod(s, **kv)
def fw(srv, fwtype, name, start, end):
    return {"id": srv['id'] + '/firewallRules/' + name, "name": name, "type": fwtype, "properties": {"startIpAddress": start, "endIpAddress": end}}
for R, example, prov, typ, pna, pna_off in [
    ('AZA-NET-019', SQL_EX, 'Microsoft.Sql', 'servers', 'properties__publicNetworkAccess', 'Disabled'),
    ('AZA-NET-020', PG_EX, 'Microsoft.DBforPostgreSQL', 'flexibleServers', 'properties__network__publicNetworkAccess', 'Disabled'),
    ('AZA-NET-021', MY_EX, 'Microsoft.DBforMySQL', 'flexibleServers', 'properties__network__publicNetworkAccess', 'Disabled'),
]:
    ft = f"{prov}/{typ}/firewallRules"
    ok = server(example, prov, typ, 'dbok'); bad = server(example, prov, typ, 'dbopen'); az = server(example, prov, typ, 'dbazure')
    priv = server(example, prov, typ, 'dbprivate', **{pna: pna_off})
    case(R, 'pass', snapshot([ok, fw(ok, ft, 'office', '198.51.100.10', '198.51.100.20'), priv, fw(priv, ft, 'AllowAll', '0.0.0.0', '255.255.255.255')]),
         "PASS dbok ~ none of 1 firewall rule\nPASS dbprivate ~ not applied")
    case(R, 'fail', snapshot([bad, fw(bad, ft, 'AllowAll', '0.0.0.0', '255.255.255.255'), az, fw(az, ft, 'AllowAllWindowsAzureIps', '0.0.0.0', '0.0.0.0')]),
         "FAIL dbopen ~ firewall rule AllowAll allows any IP (0.0.0.0-255.255.255.255)\nFAIL dbazure ~ allows all Azure services")
    case(R, 'unknown', snapshot([server(example, prov, typ, 'dbunk')]), "UNKNOWN dbunk ~ not collected")
    case(R, 'pass-norules', snapshot([server(example, prov, typ, 'dbnone')], datasets=[f"{prov}/{typ}", ft]), "PASS dbnone ~ none of 0 firewall rules")
    # a range that is not literally 0.0.0.0-255.255.255.255 but still admits most of the internet
    wide = server(example, prov, typ, 'dbwide')
    case(R, 'fail-wide', snapshot([wide, fw(wide, ft, 'almost', '1.0.0.0', '223.255.255.255'), fw(wide, ft, 'vnet', '10.0.0.0', '10.255.255.255'),
                                   fw(wide, ft, 'office', '198.51.100.0', '198.51.100.255')]),
         "FAIL dbwide ~ firewall rule almost (1.0.0.0-223.255.255.255) allows")
    # addresses that are not four decimal numbers up to 255: not judged (a reversed range neither)
    for nm, st, en in [('short', '10.0.0', '10.0.0.9'), ('big', '10.0.0.1', '10.0.0.256'), ('trail', '10.0.0.1', '10.0.0.9 '),
                       ('sign', '+10.0.0.1', '10.0.0.9'), ('reversed', '10.0.0.9', '10.0.0.1'), ('empty', '', '10.0.0.1')]:
        odd = server(example, prov, typ, 'db' + nm)
        case(R, 'unknown-' + nm, snapshot([odd, fw(odd, ft, nm, st, en)]),
             f"UNKNOWN db{nm} ~ firewall rule {nm} has no readable startIpAddress/endIpAddress")
    # public access Disabled: firewall rules, readable or not, are not applied
    cl = server(example, prov, typ, 'dbclosed', **{pna: pna_off})
    case(R, 'pass-closed-unreadable', snapshot([cl, fw(cl, ft, 'odd', '10.0.0', '10.0.0.9')]), "PASS dbclosed ~ public network access is Disabled")
    # leading zeros are decimal, as Azure reads them
    lz = server(example, prov, typ, 'dblz')
    case(R, 'pass-zeros', snapshot([lz, fw(lz, ft, 'office', '198.051.100.010', '198.051.100.020')], datasets=[f"{prov}/{typ}", ft]),
         "PASS dblz ~ none of 1 firewall rule")
# the real example lists, unchanged but for the ids
s = server(SQL_EX, 'Microsoft.Sql', 'servers', 'sqlexample')
rules = [dict(copy.deepcopy(r), id=s['id'] + '/firewallRules/' + r['name']) for r in SQLFW]
case('AZA-NET-019', 'fail-example', snapshot([s] + rules), "FAIL sqlexample ~ firewallrulecrudtest-2304 (0.0.0.0-0.0.0.0)")
# SQL IPv6 firewall rules (Microsoft.Sql/servers/ipv6FirewallRules, stable
# 2021-11-01 and later), in the shape of the spec's IPv6FirewallRuleList
# example (startIPv6Address, endIPv6Address; its own addresses are IPv4-mapped
# single hosts such as 0000:0000:0000:0000:0000:ffff:0000:0000). The server's
# IPv6 endpoint is on only with isIPv6Enabled Enabled (optional, stable
# 2023-08-01): rules that were not read matter only there.
SQL_T, FW4, FW6 = 'Microsoft.Sql/servers', 'Microsoft.Sql/servers/firewallRules', 'Microsoft.Sql/servers/ipv6FirewallRules'
def fw6(srv, name, start, end):
    return {"id": srv['id'] + '/ipv6FirewallRules/' + name, "name": name, "type": FW6,
            "properties": {"startIPv6Address": start, "endIPv6Address": end}}
def sql6(name, v6=None, **kv):
    return server(SQL_EX, 'Microsoft.Sql', 'servers', name, **({'properties__isIPv6Enabled': v6} if v6 else {}), **kv)
R = 'AZA-NET-019'
ALL6 = ('::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')
ok6, narrow6, off6 = sql6('sqlv6ok', 'Enabled'), sql6('sqlv6narrow', 'Enabled'), sql6('sqlv6off', 'Disabled')
case(R, 'pass-ipv6', snapshot([ok6, fw(ok6, FW4, 'office', '198.51.100.10', '198.51.100.20'),
                               fw6(ok6, 'firewallrulecrudtest-2304', '0000:0000:0000:0000:0000:ffff:0000:0000', '0000:0000:0000:0000:0000:ffff:0000:0000'),
                               narrow6, fw6(narrow6, 'office6', '2001:db8:1234::', '2001:db8:1234:ffff:ffff:ffff:ffff:ffff'),
                               off6, fw6(off6, 'AllowAll6', *ALL6)], datasets=[SQL_T, FW4, FW6]),
     "PASS sqlv6ok ~ none of 1 firewall rule and 1 IPv6 firewall rule opens the server\n"
     "PASS sqlv6narrow ~ none of 0 firewall rules and 1 IPv6 firewall rule opens the server\n"
     "PASS sqlv6off ~ isIPv6Enabled is Disabled, so IPv6 firewall rules are not applied: IPv6 firewall rule AllowAll6 allows any IPv6 address")
open6, wide6, absent6 = sql6('sqlv6open', 'Enabled'), sql6('sqlv6wide', 'Enabled'), sql6('sqlv6absent')
case(R, 'fail-ipv6', snapshot([open6, fw(open6, FW4, 'office', '198.51.100.10', '198.51.100.20'), fw6(open6, 'AllowAll6', *ALL6),
                               wide6, fw6(wide6, 'almost', '2000::', '3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'),
                               absent6, fw6(absent6, 'AllowAll6', '0000:0000:0000:0000:0000:0000:0000:0000', 'FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF')],
                              datasets=[SQL_T, FW4, FW6]),
     "FAIL sqlv6open ~ IPv6 firewall rule AllowAll6 allows any IPv6 address (::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff)\n"
     "FAIL sqlv6wide ~ IPv6 firewall rule almost (2000::-3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff) allows 2305843009213693952 IPv6 /64 networks\n"
     "FAIL sqlv6absent ~ IPv6 firewall rule AllowAll6 allows any IPv6 address")
# both families open: both named
both = sql6('sqlv6both', 'Enabled')
case(R, 'fail-ipv4-and-ipv6', snapshot([both, fw(both, FW4, 'AllowAll', '0.0.0.0', '255.255.255.255'), fw6(both, 'AllowAll6', *ALL6)]),
     "FAIL sqlv6both ~ firewall rule AllowAll allows any IP (0.0.0.0-255.255.255.255); IPv6 firewall rule AllowAll6 allows any IPv6 address")
# public network access Disabled: neither family's rules are applied
cl6 = sql6('sqlv6closed', 'Enabled', properties__publicNetworkAccess='Disabled')
case(R, 'pass-ipv6-closed', snapshot([cl6, fw6(cl6, 'AllowAll6', *ALL6)]),
     "PASS sqlv6closed ~ public network access is Disabled, so firewall rules are not applied (IPv6 firewall rule AllowAll6 allows any IPv6 address (::-ffff")
# IPv6 rules not collected (a snapshot of an azaudit that did not read them:
# its data sets list the IPv4 rules only) or refused: UNKNOWN only where the
# IPv6 endpoint is on and public access is not Disabled
unk6, old6, pcl6 = sql6('sqlv6unknown', 'Enabled'), sql6('sqlv6default'), sql6('sqlv6private', 'Enabled', properties__publicNetworkAccess='Disabled')
dis6 = sql6('sqlv6disabled', 'Disabled')
case(R, 'unknown-ipv6-not-collected', snapshot([unk6, fw(unk6, FW4, 'office', '198.51.100.10', '198.51.100.20'), old6, pcl6, dis6],
                                               datasets=[SQL_T, FW4]),
     "UNKNOWN sqlv6unknown ~ isIPv6Enabled is Enabled, so IPv6 firewall rules may apply, but Microsoft.Sql/servers/ipv6FirewallRules was not collected (not in the snapshot's data sets)\n"
     "PASS sqlv6default ~ none of 0 firewall rules opens\nPASS sqlv6private ~ public network access is Disabled\n"
     "PASS sqlv6disabled ~ none of 0 firewall rules opens")
err6 = sql6('sqlv6error', 'Enabled')
case(R, 'unknown-ipv6-error', snapshot([err6], datasets=[SQL_T, FW4, FW6],
                                       errors=[{"scope": err6['id'], "type": FW6, "api": "2023-08-01", "status": 403, "message": "AuthorizationFailed"}]),
     "UNKNOWN sqlv6error ~ Microsoft.Sql/servers/ipv6FirewallRules could not be read for " + err6['id'] + " (2023-08-01, HTTP 403: AuthorizationFailed)")
# not two readable IPv6 addresses (an IPv4 address, a reversed range): UNKNOWN, unless the endpoint is Disabled
for nm, st, en in [('v4', '10.0.0.1', '10.0.0.9'), ('reversed6', '2001:db8::9', '2001:db8::1'), ('bad6', '2001:db8::g', '2001:db8::1'),
                   ('prefix6', '2001:db8::/64', '2001:db8::1')]:
    odd = sql6('sql' + nm.replace('6', ''), 'Enabled')
    case(R, 'unknown-ipv6-' + nm, snapshot([odd, fw6(odd, nm, st, en)], datasets=[SQL_T, FW4, FW6]),
         f"UNKNOWN {odd['name']} ~ IPv6 firewall rule {nm} has no readable startIPv6Address/endIPv6Address")
# a template's ipv6FirewallRules (nested here) are its server's rules; a server
# without any in the template has none
case(R, 'fail-ipv6-template', {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                               "contentVersion": "1.0.0.0", "resources": [
    {"type": SQL_T, "apiVersion": "2023-08-01", "name": "sqltpl", "location": "westeurope",
     "properties": {"administratorLogin": "sqladmin", "isIPv6Enabled": "Enabled"},
     "resources": [{"type": "ipv6FirewallRules", "apiVersion": "2023-08-01", "name": "AllowAll6", "dependsOn": ["sqltpl"],
                    "properties": {"startIPv6Address": ALL6[0], "endIPv6Address": ALL6[1]}}]},
    {"type": SQL_T, "apiVersion": "2023-08-01", "name": "sqltplnone", "location": "westeurope",
     "properties": {"administratorLogin": "sqladmin", "isIPv6Enabled": "Enabled"}}]},
     "FAIL sqltpl ~ IPv6 firewall rule AllowAll6 allows any IPv6 address\nPASS sqltplnone ~ none of 0 firewall rules opens")
s = server(PG_EX, 'Microsoft.DBforPostgreSQL', 'flexibleServers', 'pgexample')
rules = [dict(copy.deepcopy(r), id=s['id'] + '/firewallRules/' + r['name']) for r in PGFW]
case('AZA-NET-020', 'fail-example', snapshot([s] + rules), "FAIL pgexample ~ examplefirewallrule1 allows any IP")

# ---- Azure Firewall and firewall policies (AZA-NET-033, AZA-NET-034) ----
# Shapes: AzureFirewallGet (2024-05-01) and FirewallPolicyPropertiesFormat
# (threatIntelMode, intrusionDetection.mode, sku.tier, basePolicy).
def fwpol_id(name):
    return rid('rg-net', 'Microsoft.Network', 'firewallPolicies', name)
def azfw(name, policy=None, **kv):
    f = {"id": rid('rg-net', 'Microsoft.Network', 'azureFirewalls', name), "name": name, "type": "Microsoft.Network/azureFirewalls",
         "location": "westeurope", "zones": [],
         "properties": {"provisioningState": "Succeeded", "sku": {"name": "AZFW_VNet", "tier": "Standard"}, "threatIntelMode": "Alert",
            "ipConfigurations": [{"name": "fwipc", "id": rid('rg-net', 'Microsoft.Network', 'azureFirewalls', name, 'ipConfigurations', 'fwipc'),
                "properties": {"privateIPAddress": "10.0.1.4",
                    "subnet": {"id": rid('rg-net', 'Microsoft.Network', 'virtualNetworks', 'vnet1', 'subnets', 'AzureFirewallSubnet')},
                    "publicIPAddress": {"id": rid('rg-net', 'Microsoft.Network', 'publicIPAddresses', 'pip-fw')}}}],
            "applicationRuleCollections": [], "natRuleCollections": [], "networkRuleCollections": [], "ipGroups": [], "additionalProperties": {}}}
    if policy:
        f["properties"]["firewallPolicy"] = {"id": fwpol_id(policy)}
    return mod(f, **kv)
def fwpol(name, tier="Premium", ti="Deny", idps="Deny", base=None, **kv):
    p = {"id": fwpol_id(name), "name": name, "type": "Microsoft.Network/firewallPolicies", "location": "westeurope",
         "properties": {"provisioningState": "Succeeded", "sku": {"tier": tier}, "threatIntelMode": ti,
            "threatIntelWhitelist": {"fqdns": [], "ipAddresses": []}, "ruleCollectionGroups": [],
            "intrusionDetection": {"mode": idps, "configuration": {"signatureOverrides": [], "bypassTrafficSettings": []}}}}
    if base:
        p["properties"]["basePolicy"] = {"id": fwpol_id(base)}
    return mod(p, **kv)
FWT = 'Microsoft.Network/azureFirewalls'
FPT = 'Microsoft.Network/firewallPolicies'
def fwtpl(name, api, props):
    return {"type": FWT, "apiVersion": api, "name": name, "location": "westeurope", "properties": props}
def fptpl(name, api, props):
    return {"type": FPT, "apiVersion": api, "name": name, "location": "westeurope", "properties": props}

R = 'AZA-NET-033'
case(R, 'pass', snapshot([azfw('fw1', 'fwpol1'), fwpol('fwpol1')]), "PASS fw1 ~ firewall policy fwpol1 has threatIntelMode Deny")
case(R, 'pass-classic', snapshot([azfw('fw-classic', properties__threatIntelMode='Deny')]), "PASS fw-classic ~ the firewall's threatIntelMode is Deny")
case(R, 'fail', snapshot([azfw('fw1', 'fwpol1'), fwpol('fwpol1', ti='Alert')]), "FAIL fw1 ~ firewall policy fwpol1 has threatIntelMode Alert: traffic to and from known malicious addresses and domains is only logged")
case(R, 'fail-off', snapshot([azfw('fw1', 'fwpol1'), fwpol('fwpol1', ti='Off')]), "FAIL fw1 ~ threatIntelMode Off: traffic to and from known malicious addresses and domains is not filtered")
case(R, 'fail-policy-unset', snapshot([azfw('fw1', 'fwpol1'), fwpol('fwpol1', properties__threatIntelMode=DEL)]), "FAIL fw1 ~ threatIntelMode not set (Alert by default)")
case(R, 'fail-classic', snapshot([azfw('fw-classic')]), "FAIL fw-classic ~ no firewall policy; the firewall's threatIntelMode is Alert")
case(R, 'fail-classic-unset', snapshot([azfw('fw-classic', properties__threatIntelMode=DEL)]), "FAIL fw-classic ~ threatIntelMode is not set (Alert by default)")
# the firewall's own Deny does not apply when a policy is attached: the policy decides
case(R, 'fail-policy-over-classic', snapshot([azfw('fw1', 'fwpol1', properties__threatIntelMode='Deny'), fwpol('fwpol1', ti='Alert')]), "FAIL fw1 ~ firewall policy fwpol1 has threatIntelMode Alert")
# parent policies: the mode is inherited and a child may only make it
# stricter (Azure Firewall Manager policy overview), so a parent up the chain
# setting Deny passes; no parent setting Deny fails; a parent missing before
# one that does, or a loop, is UNKNOWN
case(R, 'fail-parent-alert', snapshot([azfw('fw1', 'child'), fwpol('child', ti='Alert', base='parent'), fwpol('parent', ti='Alert')]),
     "FAIL fw1 ~ firewall policy child has threatIntelMode Alert")
case(R, 'pass-parent-deny', snapshot([azfw('fw1', 'child'), fwpol('child', ti='Alert', base='parent'), fwpol('parent', ti='Deny')]),
     "PASS fw1 ~ firewall policy child has threatIntelMode Alert, but inherits Deny from its parent policy parent: a child policy can only make the inherited mode stricter")
case(R, 'pass-grandparent-deny', snapshot([azfw('fw1', 'child'), fwpol('child', base='parent', properties__threatIntelMode=DEL),
                                          fwpol('parent', ti='Alert', base='root'), fwpol('root', ti='Deny')]),
     "PASS fw1 ~ firewall policy child has threatIntelMode not set (Alert by default), but inherits Deny from its parent policy root")
case(R, 'unknown-parent-missing', snapshot([azfw('fw1', 'child'), fwpol('child', ti='Alert', base='parent')]),
     "UNKNOWN fw1 ~ its parent policy parent (basePolicy of child), whose threatIntelMode may be inherited, is not in the input")
case(R, 'unknown-grandparent-missing', snapshot([azfw('fw1', 'child'), fwpol('child', ti='Alert', base='parent'), fwpol('parent', ti='Alert', base='root')]),
     "UNKNOWN fw1 ~ its parent policy root (basePolicy of parent), whose threatIntelMode may be inherited, is not in the input")
case(R, 'unknown-parent-loop', snapshot([azfw('fw1', 'child'), fwpol('child', ti='Alert', base='parent'), fwpol('parent', ti='Alert', base='child')]),
     "UNKNOWN fw1 ~ its parent policies (basePolicy) loop back to child")
case(R, 'pass-child-deny', snapshot([azfw('fw1', 'child'), fwpol('child', ti='Deny', base='parent'), fwpol('parent', ti='Off')]),
     "PASS fw1 ~ firewall policy child has threatIntelMode Deny")
# the policy is not in the input: its mode decides
case(R, 'unknown', snapshot([azfw('fw1', 'fwpol-gone')], datasets=[FWT]),
     "UNKNOWN fw1 ~ firewall policy fwpol-gone, whose threatIntelMode applies, is not in the input: ")
case(R, 'unknown-policy-collected', snapshot([azfw('fw1', 'fwpol-gone')], datasets=[FWT, FPT]),
     "UNKNOWN fw1 ~ firewall policy fwpol-gone, whose threatIntelMode applies, is not in the input")
case(R, 'unknown-mode-type', snapshot([azfw('fw1', 'fwpol1'), fwpol('fwpol1', ti=True)]), "UNKNOWN fw1 ~ threatIntelMode that is not a string")
case(R, 'unknown-mode-value', snapshot([azfw('fw1', 'fwpol1'), fwpol('fwpol1', ti='Block')]), "UNKNOWN fw1 ~ 'Block' that is none of Off, Alert, Deny")
case(R, 'unknown-policy-noid', snapshot([azfw('fw1', properties__firewallPolicy={"id": None})]), "UNKNOWN fw1 ~ firewallPolicy has no string id")
case(R, 'unknown-classic-value', snapshot([azfw('fw-classic', properties__threatIntelMode=2)]), "UNKNOWN fw-classic ~ threatIntelMode is not a string")
# templates: the policy in the same template; absent means Alert; Deny on a
# firewall at an api-version without threatIntelMode (2018-10-01) is UNKNOWN
case(R, 'pass-template', template([
        fptpl('tplpol', '2024-05-01', {"threatIntelMode": "Deny"}),
        fwtpl('tplfw', '2024-05-01', {"sku": {"name": "AZFW_VNet", "tier": "Standard"},
                                      "firewallPolicy": {"id": f"[resourceId('{FPT}', 'tplpol')]"}})]),
     "PASS tplfw ~ firewall policy tplpol has threatIntelMode Deny")
case(R, 'pass-template-classic', template([fwtpl('tplfw', '2023-09-01', {"threatIntelMode": "Deny"})]), "PASS tplfw ~ threatIntelMode is Deny")
case(R, 'fail-template', template([
        fptpl('tplpol', '2024-05-01', {"sku": {"tier": "Standard"}}),
        fwtpl('tplfw', '2024-05-01', {"firewallPolicy": {"id": f"[resourceId('{FPT}', 'tplpol')]"}})]),
     "FAIL tplfw ~ firewall policy tplpol has threatIntelMode not set (Alert by default)")
case(R, 'fail-template-classic', template([fwtpl('tplfw', '2023-09-01', {})]), "FAIL tplfw ~ threatIntelMode is not set (Alert by default)")
case(R, 'unknown-template-old-api', template([fwtpl('tplfw', '2018-10-01', {"threatIntelMode": "Deny"})]), "UNKNOWN tplfw ~ threatIntelMode is Deny, but")
# allowlist entries are exempt from threat intelligence filtering: one that
# covers everything leaves Deny nothing to deny; narrower ones are tuning
TIW = 'properties__threatIntelWhitelist'
case(R, 'fail-allowlist-fqdn-all', snapshot([azfw('fw1', 'fwpol1'), fwpol('fwpol1', **{TIW: {"fqdns": ["*.contoso.com", "*"], "ipAddresses": []}})]),
     "FAIL fw1 ~ firewall policy fwpol1 has threatIntelMode Deny, but its threatIntelWhitelist.fqdns entry '*' exempts every domain from threat intelligence filtering")
case(R, 'fail-allowlist-ip-all', snapshot([azfw('fw1', 'fwpol1'), fwpol('fwpol1', **{TIW: {"fqdns": [], "ipAddresses": ["20.3.4.5", "0.0.0.0/0"]}})]),
     "FAIL fw1 ~ threatIntelWhitelist.ipAddresses entry '0.0.0.0/0' exempts every address")
case(R, 'fail-allowlist-ip-wide', snapshot([azfw('fw1', 'fwpol1'), fwpol('fwpol1', **{TIW: {"ipAddresses": ["20.0.0.0/8"]}})]),
     "FAIL fw1 ~ threatIntelWhitelist.ipAddresses entry '20.0.0.0/8' exempts the internet at large")
case(R, 'fail-allowlist-tld', snapshot([azfw('fw1', 'fwpol1'), fwpol('fwpol1', **{TIW: {"fqdns": ["*.com"]}})]),
     "FAIL fw1 ~ threatIntelWhitelist.fqdns entry '*.com' exempts a whole top-level domain")
# the specification's FirewallPolicyGet example allowlist: narrow, passes
case(R, 'pass-allowlist-narrow', snapshot([azfw('fw1', 'fwpol1'), fwpol('fwpol1', **{TIW: {"ipAddresses": ["20.3.4.5", "10.0.0.0/8"], "fqdns": ["*.microsoft.com"]}})]),
     "PASS fw1 ~ firewall policy fwpol1 has threatIntelMode Deny")
case(R, 'unknown-allowlist', snapshot([azfw('fw1', 'fwpol1'), fwpol('fwpol1', **{TIW: {"ipAddresses": ["any"]}})]),
     "UNKNOWN fw1 ~ threatIntelWhitelist.ipAddresses entry 'any' is not an address or address range")
case(R, 'fail-allowlist-classic', snapshot([azfw('fw-classic', properties__threatIntelMode='Deny', properties__additionalProperties={
        "ThreatIntel.Whitelist.FQDNs": "www.bing.com, *", "ThreatIntel.Whitelist.IpAddresses": "10.0.0.0, 10.0.0.1"})]),
     "FAIL fw-classic ~ the firewall's threatIntelMode is Deny, but its additionalProperties \"ThreatIntel.Whitelist.FQDNs\" entry '*' exempts every domain")
case(R, 'pass-allowlist-classic', snapshot([azfw('fw-classic', properties__threatIntelMode='Deny', properties__additionalProperties={
        "ThreatIntel.Whitelist.FQDNs": "www.bing.com, *.microsoft.com, *google.com", "ThreatIntel.Whitelist.IpAddresses": "10.0.0.0,10.0.0.1"})]),
     "PASS fw-classic ~ the firewall's threatIntelMode is Deny")
case(R, 'unknown-allowlist-classic', snapshot([azfw('fw-classic', properties__threatIntelMode='Deny', properties__additionalProperties={
        "ThreatIntel.Whitelist.IpAddresses": ["0.0.0.0/0"]})]),
     "UNKNOWN fw-classic ~ additionalProperties \"ThreatIntel.Whitelist.IpAddresses\" is not a string")
case(R, 'fail-allowlist-inherited', snapshot([azfw('fw1', 'child'), fwpol('child', ti='Alert', base='parent', **{TIW: {"ipAddresses": ["::/0"]}}),
                                             fwpol('parent', ti='Deny')]),
     "FAIL fw1 ~ firewall policy child inherits threatIntelMode Deny from its parent policy parent, but its threatIntelWhitelist.ipAddresses entry '::/0' exempts every address")
case(R, 'unknown-allowlist-parent', snapshot([azfw('fw1', 'child'), fwpol('child', ti='Alert', base='parent'),
                                             fwpol('parent', ti='Deny', **{TIW: {"fqdns": ["*"]}})]),
     "UNKNOWN fw1 ~ but its parent policy parent's threatIntelWhitelist.fqdns entry '*' exempts every domain, and whether a child policy takes")

R = 'AZA-NET-034'
case(R, 'pass', snapshot([fwpol('fwpol1')]), "PASS fwpol1 ~ sku.tier Premium and intrusionDetection.mode Deny")
case(R, 'fail', snapshot([fwpol('fwpol1', idps='Alert')]), "FAIL fwpol1 ~ intrusionDetection.mode is Alert: matched signatures are only alerted on, not blocked")
case(R, 'fail-off', snapshot([fwpol('fwpol1', idps='Off')]), "FAIL fwpol1 ~ intrusionDetection.mode is Off")
case(R, 'fail-unset', snapshot([fwpol('fwpol1', properties__intrusionDetection=DEL)]), "FAIL fwpol1 ~ intrusionDetection.mode is not set (Off by default): matched signatures are not inspected")
case(R, 'na-standard', snapshot([fwpol('fwpol-std', tier='Standard', idps='Off'), fwpol('fwpol-nosku', properties__sku=DEL)]),
     "NOT_APPLICABLE fwpol-std ~ sku.tier is Standard\nNOT_APPLICABLE fwpol-nosku ~ sku.tier is not set (Standard by default)")
case(R, 'unknown', snapshot([fwpol('fwpol1', idps=['Deny'])]), "UNKNOWN fwpol1 ~ intrusionDetection.mode is not a string")
case(R, 'unknown-value', snapshot([fwpol('fwpol1', idps='Block')]), "UNKNOWN fwpol1 ~ 'Block' is none of Off, Alert, Deny")
case(R, 'unknown-tier', snapshot([fwpol('fwpol1', properties__sku="Premium")]), "UNKNOWN fwpol1 ~ sku.tier cannot be read")
case(R, 'unknown-not-object', snapshot([fwpol('fwpol1', properties__intrusionDetection="Deny")]), "UNKNOWN fwpol1 ~ intrusionDetection")
# A bypass of every protocol, source, destination and port exempts all
# traffic from IDPS: Deny then blocks nothing. A narrower one is tuning.
BYPASS_ALL = {"name": "everything", "description": "", "protocol": "ANY", "sourceAddresses": ["*"], "destinationAddresses": ["*"],
              "destinationPorts": ["*"], "sourceIpGroups": [], "destinationIpGroups": []}
case(R, 'fail-bypass-all', snapshot([fwpol('fwpol1', properties__intrusionDetection__configuration__bypassTrafficSettings=[BYPASS_ALL])]),
     "FAIL fwpol1 ~ intrusionDetection.mode is Deny, but bypass rule everything (protocol ANY, sources *, destinations *, ports *) exempts all traffic")
case(R, 'pass-bypass-narrow', snapshot([fwpol('fwpol1', properties__intrusionDetection__configuration__bypassTrafficSettings=[
        dict(BYPASS_ALL, name='backup', protocol='TCP', sourceAddresses=['10.0.2.0/24'], destinationPorts=['445'])])]),
     "PASS fwpol1 ~ sku.tier Premium and intrusionDetection.mode Deny")
case(R, 'unknown-bypass-not-array', snapshot([fwpol('fwpol1', properties__intrusionDetection__configuration__bypassTrafficSettings={"name": "x"})]),
     "UNKNOWN fwpol1 ~ bypassTrafficSettings is not an array")
# Microsoft Learn does not say whether a child inherits the IDPS mode
case(R, 'unknown-parent-deny', snapshot([fwpol('child', idps='Alert', base='parent'), fwpol('parent')]),
     "UNKNOWN child ~ its parent policy parent sets intrusionDetection.mode Deny, and Microsoft Learn does not say whether a child policy inherits it\nPASS parent")
case(R, 'unknown-parent-loop', snapshot([fwpol('child', idps='Alert', base='parent'), fwpol('parent', idps='Off', base='child')]),
     "UNKNOWN child ~ its parent policies (basePolicy) loop back to child\nUNKNOWN parent ~ its parent policies (basePolicy) loop back to parent")
case(R, 'unknown-parent-missing', snapshot([fwpol('child', idps='Off', base='parent')]),
     "UNKNOWN child ~ its parent policy parent (basePolicy of child), whose intrusionDetection.mode may be inherited, is not in the input")
case(R, 'fail-parent-off', snapshot([fwpol('child', idps='Alert', base='parent'), fwpol('parent', idps='Off')]),
     "FAIL child ~ intrusionDetection.mode is Alert\nFAIL parent ~ intrusionDetection.mode is Off")
case(R, 'pass-template', template([fptpl('tplpol', '2024-05-01', {"sku": {"tier": "Premium"}, "intrusionDetection": {"mode": "Deny"}})]),
     "PASS tplpol ~ intrusionDetection.mode Deny")
case(R, 'fail-template', template([fptpl('tplpol', '2024-05-01', {"sku": {"tier": "Premium"}})]),
     "FAIL tplpol ~ intrusionDetection.mode is not set (Off by default)")
case(R, 'unknown-template-old-api', template([fptpl('tplpol', '2020-07-01', {"sku": {"tier": "Premium"}, "intrusionDetection": {"mode": "Deny"}})]),
     "UNKNOWN tplpol ~ intrusionDetection.mode is Deny, but")
case('AZA-NET-033', 'unknown-policy-bare', snapshot([azfw('fw1', 'fwpol1'), bare(fwpol('fwpol1'))]), "UNKNOWN fw1 ~ firewall policy fwpol1 is in the input without its properties")
case('AZA-NET-034', 'unknown-bare', snapshot([bare(fwpol('fwpol1'))]), "UNKNOWN fwpol1 ~ no \"properties\"")

# ---- Front Door and its WAF policies (AZA-NET-035, 036, 037) ----
# Shapes: Profiles_Get, AFDEndpoints_Get, AFDCustomDomains_Get and
# SecurityPolicies_ListByProfile (Microsoft.Cdn 2024-09-01), WafPolicyGet
# (Microsoft.Network FrontDoorWebApplicationFirewallPolicies 2024-02-01) and
# FrontdoorGet (classic, 2021-06-01). Resource Manager returns these ids in
# lower case in places (resourcegroups, customdomains): ids compare
# case-insensitively.
CDN = 'Microsoft.Cdn/profiles'
FDW = 'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies'
def fdprof_id(p='fdprof1'):
    return rid('rg-fd', 'Microsoft.Cdn', 'profiles', p)
def fdwaf_id(name):
    return rid('rg-fd', 'Microsoft.Network', 'FrontDoorWebApplicationFirewallPolicies', name)
def fdprofile(p='fdprof1', sku='Premium_AzureFrontDoor'):
    return {"id": fdprof_id(p), "name": p, "type": CDN, "location": "global", "tags": {}, "sku": {"name": sku}, "kind": "frontdoor",
            "properties": {"originResponseTimeoutSeconds": 30, "frontDoorId": "3b4682da-b3e2-47a1-96ca-08ab3cb7294e",
                           "provisioningState": "Succeeded", "resourceState": "Active"}}
def afdep(name, p='fdprof1', **kv):
    e = {"id": fdprof_id(p) + '/afdendpoints/' + name, "name": name, "type": "Microsoft.Cdn/profiles/afdendpoints", "tags": {},
         "location": "global", "properties": {"hostName": f"{name}-abcdefghijklmnop.z01.azurefd.net", "enabledState": "Enabled",
            "provisioningState": "Succeeded", "deploymentStatus": "NotStarted", "autoGeneratedDomainNameLabelScope": "TenantReuse"}}
    return mod(e, **kv)
def afddom(name, host, p='fdprof1'):
    return {"id": fdprof_id(p) + '/customdomains/' + name, "name": name, "type": "Microsoft.Cdn/profiles/customdomains",
            "properties": {"profileName": p, "hostName": host,
                "tlsSettings": {"certificateType": "ManagedCertificate", "minimumTlsVersion": "TLS12", "secret": {"id": ""}},
                "azureDnsZone": {"id": ""}, "preValidatedCustomDomainResourceId": {"id": ""},
                "domainValidationState": "Approved", "provisioningState": "Succeeded", "deploymentStatus": "NotStarted"}}
def secpol(name, waf, domains, p='fdprof1', **kv):
    s = {"id": fdprof_id(p) + '/securitypolicies/' + name, "name": name, "type": "Microsoft.Cdn/profiles/securitypolicies",
         "properties": {"parameters": {"type": "WebApplicationFirewall", "wafPolicy": {"id": fdwaf_id(waf).replace('FrontDoorWeb', 'frontdoorweb')},
            "associations": [{"domains": [{"id": d} for d in domains], "patternsToMatch": ["/*"]}]},
            "deploymentStatus": "NotStarted", "provisioningState": "Succeeded"}}
    return mod(s, **kv)
DRS = {"ruleSetType": "Microsoft_DefaultRuleSet", "ruleSetVersion": "2.1", "ruleSetAction": "Block", "exclusions": [], "ruleGroupOverrides": []}
BOT = {"ruleSetType": "Microsoft_BotManagerRuleSet", "ruleSetVersion": "1.1", "exclusions": [], "ruleGroupOverrides": []}
def fdwaf(name, mode='Prevention', state='Enabled', sets=(DRS, BOT), sku='Premium_AzureFrontDoor', **kv):
    w = {"id": fdwaf_id(name), "name": name, "type": "Microsoft.Network/frontdoorwebapplicationfirewallpolicies", "location": "Global",
         "tags": {}, "sku": {"name": sku},
         "properties": {"resourceState": "Enabled", "provisioningState": "Succeeded",
            "policySettings": {"enabledState": state, "mode": mode, "requestBodyCheck": "Enabled", "logScrubbing": None},
            "customRules": {"rules": []}, "managedRules": {"managedRuleSets": [copy.deepcopy(x) for x in sets]},
            "frontendEndpointLinks": [], "securityPolicyLinks": []}}
    return mod(w, **kv)
EP1 = fdprof_id() + '/afdendpoints/ep1'
D1 = fdprof_id() + '/customdomains/www-contoso'
def fdset(waf=None, sp=None, extra=()):
    """A profile with endpoint ep1 and custom domain www-contoso (www.contoso.com)."""
    res = [fdprofile(), afdep('ep1'), afddom('www-contoso', 'www.contoso.com')]
    if sp is not None: res += sp
    if waf is not None: res += waf
    return res + list(extra)

R = 'AZA-NET-035'
case(R, 'pass', snapshot(fdset([fdwaf('fdwaf1')], [secpol('sp1', 'fdwaf1', [EP1, D1])])),
     "PASS fdprof1/ep1 ~ security policy sp1 associates endpoint ep1 (ep1-abcdefghijklmnop.z01.azurefd.net) with WAF policy fdwaf1 (policySettings.enabledState Enabled, mode Prevention)\n"
     "PASS fdprof1/www-contoso ~ security policy sp1 associates custom domain www-contoso (www.contoso.com) with WAF policy fdwaf1")
# patternsToMatch: a WAF inspects only the paths the association matches
def psecpol(name, waf, domains, pats):
    return secpol(name, waf, [], properties__parameters__associations=[{"domains": [{"id": d} for d in domains], "patternsToMatch": pats}])
case(R, 'unknown-paths', snapshot(fdset([fdwaf('fdwaf1')], [psecpol('sp1', 'fdwaf1', [EP1, D1], ["/api/*"])])),
     "UNKNOWN fdprof1/ep1 ~ security policy sp1 associates endpoint ep1 (ep1-abcdefghijklmnop.z01.azurefd.net) with WAF policy fdwaf1 "
     "(policySettings.enabledState Enabled, mode Prevention), but only for the paths matched (patternsToMatch ['/api/*'], not '/*'): "
     "requests to other paths are not shown to be inspected\n"
     "UNKNOWN fdprof1/www-contoso ~ security policy sp1 associates custom domain www-contoso (www.contoso.com) with WAF policy fdwaf1")
case(R, 'pass-paths-all', snapshot(fdset([fdwaf('fdwaf1')], [psecpol('sp1', 'fdwaf1', [EP1, D1], ["/api/*", "/*"])])),
     "PASS fdprof1/ep1 ~ security policy sp1 associates endpoint ep1\n"
     "PASS fdprof1/www-contoso ~ security policy sp1 associates custom domain www-contoso")
case(R, 'fail-paths-detection', snapshot(fdset([fdwaf('fdwaf1', mode='Detection')], [psecpol('sp1', 'fdwaf1', [EP1, D1], ["/api/*"])])),
     "FAIL fdprof1/ep1 ~ security policy sp1 associates endpoint ep1 (ep1-abcdefghijklmnop.z01.azurefd.net) with WAF policy fdwaf1, whose policySettings.mode is Detection\n"
     "FAIL fdprof1/www-contoso ~ security policy sp1 associates custom domain www-contoso")
case(R, 'unknown-paths-not-list', snapshot(fdset([fdwaf('fdwaf1')], [psecpol('sp1', 'fdwaf1', [EP1, D1], "/*")])),
     "UNKNOWN fdprof1/ep1 ~ security policy sp1 associates endpoint ep1 (ep1-abcdefghijklmnop.z01.azurefd.net) with WAF policy fdwaf1 "
     "(policySettings.enabledState Enabled, mode Prevention), but only for the paths matched (patternsToMatch is not a list)\n"
     "UNKNOWN fdprof1/www-contoso ~ security policy sp1")
# the custom domain is protected, the endpoint's default domain is not
case(R, 'fail', snapshot(fdset([fdwaf('fdwaf1')], [secpol('sp1', 'fdwaf1', [D1])])),
     "FAIL fdprof1/ep1 ~ no security policy associates endpoint ep1 (ep1-abcdefghijklmnop.z01.azurefd.net) with a WAF policy\nPASS fdprof1/www-contoso")
# the security policies were collected (data sets) and none exists
case(R, 'fail-no-policy', snapshot(fdset(sp=[]), datasets=[CDN, "Microsoft.Cdn/profiles/afdEndpoints", "Microsoft.Cdn/profiles/customDomains",
                                                       "Microsoft.Cdn/profiles/securityPolicies", FDW]),
     "FAIL fdprof1/ep1 ~ no security policy associates\nFAIL fdprof1/www-contoso ~ no security policy associates custom domain www-contoso (www.contoso.com)")
case(R, 'fail-detection', snapshot(fdset([fdwaf('fdwaf1', mode='Detection')], [secpol('sp1', 'fdwaf1', [EP1, D1])])),
     "FAIL fdprof1/ep1 ~ policySettings.mode is Detection: matching requests are only logged, not blocked\nFAIL fdprof1/www-contoso ~ mode is Detection")
case(R, 'fail-disabled', snapshot(fdset([fdwaf('fdwaf1', state='Disabled')], [secpol('sp1', 'fdwaf1', [EP1, D1])])),
     "FAIL fdprof1/ep1 ~ policySettings.enabledState is Disabled: requests bypass it\nFAIL fdprof1/www-contoso ~ enabledState is Disabled")
# the profile's security policies could not be read (an error recorded for the profile)
ERR = [{"scope": fdprof_id(), "type": "Microsoft.Cdn/profiles/securityPolicies", "api": fdprof_id() + "/securityPolicies",
        "status": 403, "message": "AuthorizationFailed: no read access"}]
case(R, 'unknown', snapshot(fdset([fdwaf('fdwaf1')], []), errors=ERR),
     "UNKNOWN fdprof1/ep1 ~ Microsoft.Cdn/profiles/securityPolicies could not be read for\nUNKNOWN fdprof1/www-contoso ~ HTTP 403")
# no data at all of security policies: not an absence
case(R, 'unknown-no-data', snapshot(fdset([fdwaf('fdwaf1')], [])),
     "UNKNOWN fdprof1/ep1 ~ the input has no Microsoft.Cdn/profiles/securityPolicies data\nUNKNOWN fdprof1/www-contoso ~ not collected?")
case(R, 'unknown-not-collected', snapshot(fdset([fdwaf('fdwaf1')], []), datasets=[CDN, "Microsoft.Cdn/profiles/afdEndpoints", "Microsoft.Cdn/profiles/customDomains", FDW]),
     "UNKNOWN fdprof1/ep1 ~ Microsoft.Cdn/profiles/securityPolicies was not collected\nUNKNOWN fdprof1/www-contoso ~ not collected")
# the WAF policy named is not in the input: its state and mode decide
case(R, 'unknown-policy-missing', snapshot(fdset([], [secpol('sp1', 'fdwaf-gone', [EP1, D1])])),
     "UNKNOWN fdprof1/ep1 ~ with WAF policy fdwaf-gone, which is not in the input\nUNKNOWN fdprof1/www-contoso ~ fdwaf-gone, which is not in the input")
case(R, 'unknown-mode-unset', snapshot(fdset([fdwaf('fdwaf1', properties__policySettings__mode=DEL)], [secpol('sp1', 'fdwaf1', [EP1, D1])])),
     "UNKNOWN fdprof1/ep1 ~ policySettings.mode is not set (no documented default)\nUNKNOWN fdprof1/www-contoso ~ mode is not set")
case(R, 'unknown-state-unset', snapshot(fdset([fdwaf('fdwaf1', properties__policySettings__enabledState=DEL)], [secpol('sp1', 'fdwaf1', [EP1, D1])])),
     "UNKNOWN fdprof1/ep1 ~ policySettings.enabledState is absent\nUNKNOWN fdprof1/www-contoso ~ enabledState is absent")
case(R, 'unknown-policy-bare', snapshot(fdset([bare(fdwaf('fdwaf1'))], [secpol('sp1', 'fdwaf1', [EP1, D1])])),
     "UNKNOWN fdprof1/ep1 ~ which is in the input without its properties\nUNKNOWN fdprof1/www-contoso ~ without its properties")
# a security policy that cannot be read, or that also applies by profile (newer api-versions)
case(R, 'unknown-secpol-bare', snapshot(fdset([fdwaf('fdwaf1')], [bare(secpol('sp1', 'fdwaf1', [EP1, D1]))])),
     "UNKNOWN fdprof1/ep1 ~ security policy sp1, which may, cannot be read\nUNKNOWN fdprof1/www-contoso ~ cannot be read")
# a profile-level policy covers what the profile's routes serve: none were read here
case(R, 'unknown-profile-level', snapshot(fdset([fdwaf('fdwaf1')], [secpol('sp1', 'fdwaf1', [D1], properties__parameters__isProfileLevel=True)])),
     "UNKNOWN fdprof1/ep1 ~ security policy sp1 applies to the whole profile (isProfileLevel), but the routes that serve it are not "
     "known: the input has no Microsoft.Cdn/profiles/afdEndpoints/routes data\nPASS fdprof1/www-contoso")
case(R, 'unknown-no-waf-id', snapshot(fdset([fdwaf('fdwaf1')], [secpol('sp1', 'fdwaf1', [EP1, D1], properties__parameters__wafPolicy=DEL)])),
     "UNKNOWN fdprof1/ep1 ~ without a WAF policy id (parameters.wafPolicy.id)\nUNKNOWN fdprof1/www-contoso ~ without a WAF policy id")
# another profile's security policy does not protect this profile's domains
case(R, 'fail-other-profile', snapshot(fdset([fdwaf('fdwaf1')], [secpol('sp1', 'fdwaf1', [EP1, D1], p='fdprof2')], extra=[fdprofile('fdprof2')])),
     "FAIL fdprof1/ep1 ~ no security policy associates\nFAIL fdprof1/www-contoso ~ no security policy associates")
# Resource Manager returns only the properties of the api-version read: a policy created at a preview
# (2026-04-01-preview on) as profile-level (isProfileLevel) or naming routes (associations[].routes), read at
# 2024-09-01 as live collection does, comes back without either, with no associations or none naming a
# domain. It may cover the domains no policy names: UNKNOWN naming it, not FAIL (as 'fail' above gives).
# A policy that names the domain decides as before.
case(R, 'unknown-secpol-no-assoc', snapshot(fdset([fdwaf('fdwaf1')], [secpol('sp1', 'fdwaf1', [D1]),
                                                                      secpol('sp2', 'fdwaf1', [], properties__parameters__associations=DEL)])),
     "UNKNOWN fdprof1/ep1 ~ no security policy names endpoint ep1 (ep1-abcdefghijklmnop.z01.azurefd.net), but WAF security policy sp2 "
     "has no associations: read at an api-version without isProfileLevel and associations[].routes (every stable one, 2024-09-01 "
     "included; only the previews from 2026-04-01-preview have them), a policy that applies to the whole profile or names routes "
     "looks so, and it may cover the domain\n"
     "PASS fdprof1/www-contoso ~ security policy sp1 associates custom domain www-contoso (www.contoso.com) with WAF policy fdwaf1")
case(R, 'unknown-secpol-empty-assoc', snapshot(fdset([fdwaf('fdwaf1')], [secpol('sp1', 'fdwaf1', [], properties__parameters__associations=[])])),
     "UNKNOWN fdprof1/ep1 ~ but WAF security policy sp1 has an empty associations list: read at an api-version without isProfileLevel\n"
     "UNKNOWN fdprof1/www-contoso ~ no security policy names custom domain www-contoso (www.contoso.com), but WAF security policy sp1 "
     "has an empty associations list")
# a route-level policy so read: its association keeps patternsToMatch, its domains list is empty
case(R, 'unknown-secpol-assoc-no-domains', snapshot(fdset([fdwaf('fdwaf1')], [secpol('sp1', 'fdwaf1', [D1]), secpol('sp2', 'fdwaf1', [])])),
     "UNKNOWN fdprof1/ep1 ~ but WAF security policy sp2 has an association that names no domain: read at an api-version without\n"
     "PASS fdprof1/www-contoso ~ security policy sp1 associates custom domain www-contoso")
# isProfileLevel returned (false): read at an api-version that has it and routes, so the policy covers nothing
case(R, 'fail-secpol-empty-not-profile-level', snapshot(fdset([fdwaf('fdwaf1')], [secpol('sp1', 'fdwaf1', [D1]),
        secpol('sp2', 'fdwaf1', [], properties__parameters__associations=[], properties__parameters__isProfileLevel=False)])),
     "FAIL fdprof1/ep1 ~ no security policy associates endpoint ep1 (ep1-abcdefghijklmnop.z01.azurefd.net) with a WAF policy: its "
     "requests reach the origin uninspected\nPASS fdprof1/www-contoso ~ security policy sp1 associates")
# a WAF policy that fails decides a domain a policy names, whatever else the profile holds
case(R, 'fail-secpol-named-detection', snapshot(fdset([fdwaf('fdwaf1', mode='Detection')], [secpol('sp1', 'fdwaf1', [EP1, D1]),
                                                                                             secpol('sp2', 'fdwaf1', [])])),
     "FAIL fdprof1/ep1 ~ policySettings.mode is Detection\nFAIL fdprof1/www-contoso ~ mode is Detection")

# Routes (Routes_ListByEndpoint, Microsoft.Cdn 2024-09-01): a route serves its customDomains and, with
# linkToDefaultDomain Enabled, its endpoint's default domain. Security policies of newer api-versions
# (2026-04-01-preview) name routes (associations[].routes) or apply to the whole profile (isProfileLevel):
# they cover the domains those routes serve, and a domain is protected when every route serving it is.
ROUTE = 'Microsoft.Cdn/profiles/afdEndpoints/routes'
def route_id(name, ep='ep1', p='fdprof1'):
    return fdprof_id(p).replace('/resourceGroups/', '/resourcegroups/') + '/afdendpoints/' + ep + '/routes/' + name
def route(name, ep='ep1', domains=(), link='Enabled', p='fdprof1', **kv):
    r = {"name": name, "id": route_id(name, ep, p), "type": "Microsoft.Cdn/profiles/afdendpoints/routes",
         "properties": {"customDomains": [{"id": d} for d in domains], "originGroup": {"id": fdprof_id(p) + '/originGroups/og1'},
            "originPath": None, "ruleSets": [], "supportedProtocols": ["Https", "Http"], "patternsToMatch": ["/*"],
            "cacheConfiguration": {"compressionSettings": {"contentTypesToCompress": ["text/html"], "isCompressionEnabled": True},
                                   "queryStringCachingBehavior": "IgnoreQueryString", "queryParameters": None},
            "forwardingProtocol": "MatchRequest", "linkToDefaultDomain": link, "httpsRedirect": "Enabled", "enabledState": "Enabled",
            "provisioningState": "Succeeded", "deploymentStatus": "NotStarted"}}
    return mod(r, **kv)
def rsecpol(name, waf, routes, p='fdprof1', **kv):
    """A security policy that names routes, not domains."""
    return secpol(name, waf, [], p, properties__parameters__associations=[{"domains": [], "patternsToMatch": ["/*"],
                                                                            "routes": [{"id": r} for r in routes]}], **kv)
case(R, 'unknown-route-paths', snapshot(fdset([fdwaf('fdwaf1')], [secpol('sp1', 'fdwaf1', [], properties__parameters__associations=[
         {"domains": [], "patternsToMatch": ["/static/*"], "routes": [{"id": route_id('route1')}]}])], extra=[route('route1', domains=[D1])])),
     "UNKNOWN fdprof1/ep1 ~ route ep1/route1 serves endpoint ep1 (ep1-abcdefghijklmnop.z01.azurefd.net): security policy sp1 associates "
     "route ep1/route1 with WAF policy fdwaf1 (policySettings.enabledState Enabled, mode Prevention), but only for the paths matched "
     "(patternsToMatch ['/static/*'], not '/*')\n"
     "UNKNOWN fdprof1/www-contoso ~ route ep1/route1 serves custom domain www-contoso (www.contoso.com): security policy sp1 associates route ep1/route1")
FDSETS = [CDN, "Microsoft.Cdn/profiles/afdEndpoints", "Microsoft.Cdn/profiles/customDomains", "Microsoft.Cdn/profiles/securityPolicies", FDW]
# route1 serves www.contoso.com and the endpoint's default domain; route3, disabled, takes no request
R1, R2 = route_id('route1'), route_id('route2')
ROUTES = [route('route1', domains=[D1]), route('route3', properties__enabledState='Disabled')]
case(R, 'pass-route', snapshot(fdset([fdwaf('fdwaf1')], [rsecpol('sp1', 'fdwaf1', [R1])], extra=ROUTES)),
     "PASS fdprof1/ep1 ~ route ep1/route1 serves endpoint ep1 (ep1-abcdefghijklmnop.z01.azurefd.net): security policy sp1 associates "
     "route ep1/route1 with WAF policy fdwaf1 (policySettings.enabledState Enabled, mode Prevention)\n"
     "PASS fdprof1/www-contoso ~ route ep1/route1 serves custom domain www-contoso (www.contoso.com): security policy sp1 associates route ep1/route1 with WAF policy fdwaf1")
case(R, 'pass-profile-level-route', snapshot(fdset([fdwaf('fdwaf1')], [secpol('sp1', 'fdwaf1', [], properties__parameters__isProfileLevel=True)], extra=ROUTES)),
     "PASS fdprof1/ep1 ~ route ep1/route1 serves endpoint ep1 (ep1-abcdefghijklmnop.z01.azurefd.net): security policy sp1 associates "
     "the whole profile (isProfileLevel) with WAF policy fdwaf1\nPASS fdprof1/www-contoso ~ associates the whole profile (isProfileLevel) with WAF policy fdwaf1")
# route2 also serves the endpoint's default domain, and no security policy names it
case(R, 'fail-route-uncovered', snapshot(fdset([fdwaf('fdwaf1')], [rsecpol('sp1', 'fdwaf1', [R1])], extra=ROUTES + [route('route2')])),
     "FAIL fdprof1/ep1 ~ route ep1/route2 serves endpoint ep1 (ep1-abcdefghijklmnop.z01.azurefd.net), and no security policy associates "
     "the domain or the route with a WAF policy\nPASS fdprof1/www-contoso ~ route ep1/route1 serves custom domain www-contoso")
# a route of another endpoint of the profile serves the custom domain too
case(R, 'fail-route-other-endpoint', snapshot(fdset([fdwaf('fdwaf1')], [rsecpol('sp1', 'fdwaf1', [R1])],
                                                   extra=ROUTES + [afdep('ep2'), route('route2', ep='ep2', domains=[D1], link='Disabled')])),
     "PASS fdprof1/ep1 ~ route ep1/route1 serves endpoint ep1\n"
     "FAIL fdprof1/www-contoso ~ route ep2/route2 serves custom domain www-contoso (www.contoso.com), and no security policy associates\n"
     "FAIL fdprof1/ep2 ~ no security policy associates endpoint ep2 (ep2-abcdefghijklmnop.z01.azurefd.net) with a WAF policy, nor a route "
     "that serves it (no route does; security policy sp1 covers the routes it names)")
case(R, 'fail-route-detection', snapshot(fdset([fdwaf('fdwaf1', mode='Detection')], [rsecpol('sp1', 'fdwaf1', [R1])], extra=ROUTES)),
     "FAIL fdprof1/ep1 ~ route ep1/route1 serves endpoint ep1 (ep1-abcdefghijklmnop.z01.azurefd.net): security policy sp1 associates "
     "route ep1/route1 with WAF policy fdwaf1, whose policySettings.mode is Detection\nFAIL fdprof1/www-contoso ~ mode is Detection")
# the routes of ep2 could not be read (an error recorded for the endpoint): what serves the custom domain
# is not known, ep1's own default domain is
ERR2 = [{"scope": fdprof_id() + '/afdEndpoints/ep2', "type": ROUTE, "api": fdprof_id() + "/afdEndpoints/ep2/routes",
         "status": 403, "message": "AuthorizationFailed: no read access"}]
case(R, 'unknown-routes-refused', snapshot(fdset([fdwaf('fdwaf1')], [rsecpol('sp1', 'fdwaf1', [R1])], extra=ROUTES + [afdep('ep2')]),
                                           datasets=FDSETS + [ROUTE], errors=ERR2),
     "PASS fdprof1/ep1 ~ route ep1/route1 serves endpoint ep1\n"
     "UNKNOWN fdprof1/www-contoso ~ no security policy names custom domain www-contoso (www.contoso.com), and security policy sp1 names "
     "routes (associations[].routes), but the routes that serve it are not known: Microsoft.Cdn/profiles/afdEndpoints/routes could not "
     "be read for " + fdprof_id() + "/afdEndpoints/ep2 (" + fdprof_id() + "/afdEndpoints/ep2/routes, HTTP 403\n"
     "UNKNOWN fdprof1/ep2 ~ HTTP 403")
# a snapshot made before routes were collected: its data sets do not list them
case(R, 'unknown-routes-not-collected', snapshot(fdset([fdwaf('fdwaf1')], [rsecpol('sp1', 'fdwaf1', [R1])]), datasets=FDSETS),
     "UNKNOWN fdprof1/ep1 ~ the routes that serve it are not known: Microsoft.Cdn/profiles/afdEndpoints/routes was not collected\n"
     "UNKNOWN fdprof1/www-contoso ~ was not collected (not in the snapshot's data sets)")
case(R, 'unknown-route-bare', snapshot(fdset([fdwaf('fdwaf1')], [rsecpol('sp1', 'fdwaf1', [R1])], extra=[bare(route('route1', domains=[D1]))])),
     "UNKNOWN fdprof1/ep1 ~ route ep1/route1, which may serve endpoint ep1 (ep1-abcdefghijklmnop.z01.azurefd.net), cannot be read: it is "
     "in the input without its properties\nUNKNOWN fdprof1/www-contoso ~ route ep1/route1, which may serve custom domain www-contoso")
# every route read, none serves the endpoint's default domain: a profile-level policy may cover it, a
# route-level one does not
case(R, 'unknown-profile-level-unserved', snapshot(fdset([fdwaf('fdwaf1')], [secpol('sp1', 'fdwaf1', [], properties__parameters__isProfileLevel=True)],
                                                    extra=[route('route1', domains=[D1], link='Disabled')]), datasets=FDSETS + [ROUTE]),
     "UNKNOWN fdprof1/ep1 ~ no security policy names endpoint ep1 (ep1-abcdefghijklmnop.z01.azurefd.net) and no route serves it; "
     "security policy sp1 applies to the whole profile (isProfileLevel), which may cover it\nPASS fdprof1/www-contoso ~ associates the whole profile")
case(R, 'fail-route-unserved', snapshot(fdset([fdwaf('fdwaf1')], [rsecpol('sp1', 'fdwaf1', [R1])],
                                              extra=[route('route1', domains=[D1], link='Disabled')]), datasets=FDSETS + [ROUTE]),
     "FAIL fdprof1/ep1 ~ nor a route that serves it (no route does\nPASS fdprof1/www-contoso ~ route ep1/route1 serves custom domain")

# classic Front Door: frontendEndpoints[].properties.webApplicationFirewallPolicyLink
def classic(name, links, rule_link=None):
    fid = rid('rg-fd', 'Microsoft.Network', 'frontDoors', name)
    fes = []
    for fe, host, pol in links:
        p = {"hostName": host, "sessionAffinityEnabledState": "Disabled", "sessionAffinityTtlSeconds": 0}
        if pol: p["webApplicationFirewallPolicyLink"] = {"id": fdwaf_id(pol)}
        fes.append({"id": fid + '/frontendEndpoints/' + fe, "name": fe, "properties": p})
    rr = {"id": fid + '/routingRules/routingRule1', "name": "routingRule1",
          "properties": {"frontendEndpoints": [{"id": f["id"]} for f in fes], "acceptedProtocols": ["Https"], "patternsToMatch": ["/*"],
                         "routeConfiguration": {"@odata.type": "#Microsoft.Azure.FrontDoor.Models.FrontdoorForwardingConfiguration",
                            "forwardingProtocol": "MatchRequest", "backendPool": {"id": fid + '/backendPools/backendPool1'}},
                         "enabledState": "Enabled"}}
    if rule_link: rr["properties"]["webApplicationFirewallPolicyLink"] = {"id": fdwaf_id(rule_link)}
    return {"id": fid, "name": name, "type": "Microsoft.Network/frontDoor", "location": "global", "tags": {},
            "properties": {"routingRules": [rr], "frontendEndpoints": fes, "enabledState": "Enabled", "resourceState": "Enabled",
                           "provisioningState": "Succeeded", "cname": f"{name}.azurefd.net", "backendPools": [],
                           "healthProbeSettings": [], "loadBalancingSettings": []}}
CLW = fdwaf('fdwaf-classic', sku='Classic_AzureFrontDoor', sets=({"ruleSetType": "DefaultRuleSet", "ruleSetVersion": "1.0", "exclusions": [], "ruleGroupOverrides": []},))
case(R, 'pass-classic', snapshot([classic('fd1', [('frontendEndpoint1', 'www.contoso.com', 'fdwaf-classic'), ('default', 'fd1.azurefd.net', 'fdwaf-classic')]), CLW]),
     "PASS fd1 ~ frontend endpoint frontendEndpoint1 (www.contoso.com) links WAF policy fdwaf-classic (policySettings.enabledState Enabled, mode Prevention); frontend endpoint default")
case(R, 'fail-classic', snapshot([classic('fd1', [('frontendEndpoint1', 'www.contoso.com', 'fdwaf-classic'), ('default', 'fd1.azurefd.net', None)]), CLW]),
     "FAIL fd1 ~ frontend endpoint default (fd1.azurefd.net) links no WAF policy (webApplicationFirewallPolicyLink)")
case(R, 'unknown-classic-routing-rule', snapshot([classic('fd1', [('default', 'fd1.azurefd.net', None)], rule_link='fdwaf-classic'), CLW]),
     "UNKNOWN fd1 ~ routing rule routingRule1, which serves it, links one for its own routes only")

# templates: the security policy names the domains by resourceId(); a policy
# without enabledState is Enabled (the API's default)
def cdn_tpl(name, api, props, **kv):
    r = {"type": name[0], "apiVersion": api, "name": name[1], "properties": props}
    r.update(kv)
    return r
def afd_template(sp_api='2024-09-01', secpol_on=True, waf_settings={"mode": "Prevention"}, routes=None, by_route=None, profile_level=False):
    res = [cdn_tpl((CDN, 'fdtpl'), '2024-09-01', {"originResponseTimeoutSeconds": 60}, location="global", sku={"name": "Premium_AzureFrontDoor"}),
           cdn_tpl((CDN + '/afdEndpoints', 'fdtpl/ep1'), '2024-09-01', {"enabledState": "Enabled"}, location="global",
                   dependsOn=[f"[resourceId('{CDN}', 'fdtpl')]"]),
           cdn_tpl((CDN + '/customDomains', 'fdtpl/www'), '2024-09-01', {"hostName": "www.contoso.com",
                   "tlsSettings": {"certificateType": "ManagedCertificate", "minimumTlsVersion": "TLS12"}},
                   dependsOn=[f"[resourceId('{CDN}', 'fdtpl')]"]),
           cdn_tpl((FDW, 'fdtplwaf'), '2024-02-01', {"policySettings": waf_settings,
                   "managedRules": {"managedRuleSets": [{"ruleSetType": "Microsoft_DefaultRuleSet", "ruleSetVersion": "2.1", "ruleSetAction": "Block"}]}},
                   location="Global", sku={"name": "Premium_AzureFrontDoor"})]
    # routes: (name, route properties), deployed under ep1
    for name, props in routes or []:
        res.append(cdn_tpl((ROUTE, 'fdtpl/ep1/' + name), '2024-09-01', dict({"originGroup": {"id": f"[resourceId('{CDN}/originGroups', 'fdtpl', 'og1')]"},
                   "patternsToMatch": ["/*"], "supportedProtocols": ["Https"]}, **props), dependsOn=[f"[resourceId('{CDN}/afdEndpoints', 'fdtpl', 'ep1')]"]))
    if secpol_on:
        assoc = ({"domains": [], "patternsToMatch": ["/*"], "routes": [{"id": f"[resourceId('{ROUTE}', 'fdtpl', 'ep1', '{n}')]"} for n in by_route]}
                 if by_route else
                 {"domains": [], "patternsToMatch": ["/*"]} if profile_level else
                 {"domains": [{"id": f"[resourceId('{CDN}/afdEndpoints', 'fdtpl', 'ep1')]"},
                              {"id": f"[resourceId('{CDN}/customDomains', 'fdtpl', 'www')]"}], "patternsToMatch": ["/*"]})
        par = {"type": "WebApplicationFirewall", "wafPolicy": {"id": f"[resourceId('{FDW}', 'fdtplwaf')]"}, "associations": [assoc]}
        if profile_level:
            par["isProfileLevel"] = True
        res.append(cdn_tpl((CDN + '/securityPolicies', 'fdtpl/sp1'), sp_api, {"parameters": par},
                   dependsOn=[f"[resourceId('{CDN}/customDomains', 'fdtpl', 'www')]", f"[resourceId('{FDW}', 'fdtplwaf')]"]))
    return template(res)
case(R, 'pass-template', afd_template(),
     "PASS fdtpl/ep1 ~ WAF policy fdtplwaf (policySettings.enabledState not set: Enabled by default, mode Prevention)\nPASS fdtpl/www ~ security policy sp1 associates custom domain www (www.contoso.com)")
case(R, 'fail-template', afd_template(secpol_on=False),
     "FAIL fdtpl/ep1 ~ no security policy associates endpoint ep1\nFAIL fdtpl/www ~ no security policy associates custom domain www")
case(R, 'fail-template-detection', afd_template(waf_settings={"mode": "Detection", "enabledState": "Enabled"}),
     "FAIL fdtpl/ep1 ~ mode is Detection\nFAIL fdtpl/www ~ mode is Detection")
case(R, 'unknown-template-mode-unset', afd_template(waf_settings={}),
     "UNKNOWN fdtpl/ep1 ~ policySettings.mode is not set\nUNKNOWN fdtpl/www ~ policySettings.mode is not set")
# a security policy naming a route the template deploys; linkToDefaultDomain absent is Disabled (the API's default)
TPL_WWW = {"customDomains": [{"id": f"[resourceId('{CDN}/customDomains', 'fdtpl', 'www')]"}]}
case(R, 'pass-template-route', afd_template(sp_api='2026-04-01-preview', by_route=['route1'], routes=[('route1', dict(TPL_WWW, linkToDefaultDomain='Enabled'))]),
     "PASS fdtpl/ep1 ~ route ep1/route1 serves endpoint ep1: security policy sp1 associates route ep1/route1 with WAF policy fdtplwaf\n"
     "PASS fdtpl/www ~ route ep1/route1 serves custom domain www (www.contoso.com): security policy sp1 associates route ep1/route1")
case(R, 'fail-template-route-default', afd_template(sp_api='2026-04-01-preview', by_route=['route1'], routes=[('route1', TPL_WWW)]),
     "FAIL fdtpl/ep1 ~ no security policy associates endpoint ep1 with a WAF policy, nor a route that serves it\n"
     "PASS fdtpl/www ~ route ep1/route1 serves custom domain www")
# the template deploys no route: which domains the named routes serve is not in the input
case(R, 'unknown-template-no-route', afd_template(sp_api='2026-04-01-preview', by_route=['route1']),
     "UNKNOWN fdtpl/ep1 ~ the routes that serve it are not known: the input deploys no route of the endpoint\n"
     "UNKNOWN fdtpl/www ~ the input deploys no route of the profile's endpoints")
# isProfileLevel and associations[].routes are properties of the previews from
# 2026-04-01-preview only: not of the stable 2026-07-01, nor of 2025-09-01-preview
TPL_ROUTE = [('route1', dict(TPL_WWW, linkToDefaultDomain='Enabled'))]
case(R, 'pass-template-route-later-preview', afd_template(sp_api='2026-09-01-preview', by_route=['route1'], routes=TPL_ROUTE),
     "PASS fdtpl/ep1 ~ security policy sp1 associates route ep1/route1 with WAF policy fdtplwaf\n"
     "PASS fdtpl/www ~ security policy sp1 associates route ep1/route1")
case(R, 'unknown-template-route-stable', afd_template(sp_api='2026-07-01', by_route=['route1'], routes=TPL_ROUTE),
     "UNKNOWN fdtpl/ep1 ~ no security policy names endpoint ep1, and security policy sp1 sets isProfileLevel or associations[].routes, "
     "which may cover it, but api-version 2026-07-01 does not have them (only the previews from 2026-04-01-preview do\n"
     "UNKNOWN fdtpl/www ~ api-version 2026-07-01 does not have them")
case(R, 'unknown-template-route-old-preview', afd_template(sp_api='2025-09-01-preview', by_route=['route1'], routes=TPL_ROUTE),
     "UNKNOWN fdtpl/ep1 ~ api-version 2025-09-01-preview does not have them\nUNKNOWN fdtpl/www ~ 2025-09-01-preview does not have them")
case(R, 'pass-template-profile-level', afd_template(sp_api='2026-04-01-preview', profile_level=True, routes=TPL_ROUTE),
     "PASS fdtpl/ep1 ~ associates the whole profile (isProfileLevel) with WAF policy fdtplwaf\n"
     "PASS fdtpl/www ~ associates the whole profile (isProfileLevel)")
case(R, 'unknown-template-profile-level-stable', afd_template(sp_api='2024-09-01', profile_level=True, routes=TPL_ROUTE),
     "UNKNOWN fdtpl/ep1 ~ security policy sp1 sets isProfileLevel or associations[].routes, which may cover it, but api-version "
     "2024-09-01 does not have them\nUNKNOWN fdtpl/www ~ 2024-09-01 does not have them")
t = afd_template(sp_api="[parameters('cdnApi')]", profile_level=True, routes=TPL_ROUTE)
t["parameters"] = {"cdnApi": {"type": "string"}}
case(R, 'unknown-template-profile-level-api-param', t,
     "UNKNOWN fdtpl/ep1 ~ its api-version, [parameters('cdnApi')], is only known at deployment\nUNKNOWN fdtpl/www ~ only known at deployment")
case(R, 'unknown-template-old-api', afd_template(sp_api='2020-04-15'),
     "UNKNOWN fdtpl/ep1 ~ security policy sp1 names endpoint ep1, but api-version 2020-04-15 predates the property\nUNKNOWN fdtpl/www ~ predates")

R = 'AZA-NET-036'
case(R, 'pass', snapshot([fdwaf('fdwaf1')]), "PASS fdwaf1 ~ managed rule set Microsoft_DefaultRuleSet 2.1 is assigned with ruleSetAction Block")
case(R, 'pass-classic', snapshot([CLW]), "PASS fdwaf-classic ~ managed rule set DefaultRuleSet 1.0 is assigned")
case(R, 'fail', snapshot([fdwaf('fdwaf1', sets=(BOT,))]), "FAIL fdwaf1 ~ no DefaultRuleSet or Microsoft_DefaultRuleSet among the managed rule sets")
case(R, 'fail-standard', snapshot([fdwaf('fdwaf-std', sets=(), sku='Standard_AzureFrontDoor')]),
     "FAIL fdwaf-std ~ (sku Standard_AzureFrontDoor takes custom rules only: managed rule sets need Premium_AzureFrontDoor)")
case(R, 'fail-log', snapshot([fdwaf('fdwaf1', sets=(dict(DRS, ruleSetAction="Log"), BOT))]),
     "FAIL fdwaf1 ~ Microsoft_DefaultRuleSet 2.1 is assigned with ruleSetAction Log: requests it matches are only logged")
case(R, 'unknown', snapshot([fdwaf('fdwaf1', properties__managedRules__managedRuleSets={"ruleSetType": "Microsoft_DefaultRuleSet"})]),
     "UNKNOWN fdwaf1 ~ managedRules.managedRuleSets is not an array")
# absent, the anomaly score action is Block (Microsoft Learn, DRS rule groups)
case(R, 'pass-no-action', snapshot([fdwaf('fdwaf1', sets=(mod(DRS, ruleSetAction=DEL), BOT))]),
     "PASS fdwaf1 ~ managed rule set Microsoft_DefaultRuleSet 2.1 is assigned")
# a value the API does not take proves nothing (it passed as if absent)
case(R, 'unknown-action-value', snapshot([fdwaf('fdwaf1', sets=(dict(DRS, ruleSetAction="Allow"), BOT))]),
     "UNKNOWN fdwaf1 ~ has ruleSetAction 'Allow' (the API takes Block, Log or Redirect)")
case(R, 'unknown-action-type', snapshot([fdwaf('fdwaf1', sets=(dict(DRS, ruleSetAction=1), BOT))]),
     "UNKNOWN fdwaf1 ~ has ruleSetAction that is not a string")
def waf_tpl(api, sets):
    return template([{"type": FDW, "apiVersion": api, "name": "tplwaf", "location": "Global",
                      "properties": {"policySettings": {"mode": "Prevention"}, "managedRules": {"managedRuleSets": sets}}}])
case(R, 'pass-template', waf_tpl('2024-02-01', [{"ruleSetType": "Microsoft_DefaultRuleSet", "ruleSetVersion": "2.1", "ruleSetAction": "Block"}]),
     "PASS tplwaf ~ Microsoft_DefaultRuleSet 2.1")
case(R, 'unknown-template-old-api', waf_tpl('2020-04-01', [{"ruleSetType": "Microsoft_DefaultRuleSet", "ruleSetVersion": "1.1", "ruleSetAction": "Log"}]),
     "UNKNOWN tplwaf ~ has ruleSetAction Log, but api-version 2020-04-01 predates the property")

R = 'AZA-NET-037'
case(R, 'pass', snapshot([fdwaf('fdwaf1')]), "PASS fdwaf1 ~ managed rule set Microsoft_BotManagerRuleSet 1.1 is assigned")
case(R, 'fail', snapshot([fdwaf('fdwaf1', sets=(DRS,))]), "FAIL fdwaf1 ~ no Microsoft_BotManagerRuleSet among the managed rule sets")
case(R, 'unknown', snapshot([fdwaf('fdwaf1', properties__managedRules__managedRuleSets="Microsoft_BotManagerRuleSet")]),
     "UNKNOWN fdwaf1 ~ managedRules.managedRuleSets is not an array")
# Front Door rule overrides read enabledState (absent: Disabled)
case(R, 'fail-all-groups-off', snapshot([fdwaf('fdwaf1', sets=(DRS, dict(BOT, ruleGroupOverrides=[
        {"ruleGroupName": "BadBots"}, {"ruleGroupName": "GoodBots", "rules": []}, {"ruleGroupName": "UnknownBots", "rules": None}])))]),
     "FAIL fdwaf1 ~ Microsoft_BotManagerRuleSet 1.1 is assigned, but its ruleGroupOverrides switch off every group")
case(R, 'pass-some-off', snapshot([fdwaf('fdwaf1', sets=(DRS, dict(BOT, ruleGroupOverrides=[
        {"ruleGroupName": "UnknownBots", "rules": [{"ruleId": "Bot300100", "enabledState": "Disabled"}]},
        {"ruleGroupName": "BadBots", "rules": [{"ruleId": "Bot100100", "enabledState": "Enabled", "action": "Log"}]}])))]),
     "PASS fdwaf1 ~ is assigned; its ruleGroupOverrides switch off rules Bot300100 of group UnknownBots")
case(R, 'unknown-rules-listed-off', snapshot([fdwaf('fdwaf1', sets=(DRS, dict(BOT, ruleGroupOverrides=[
        {"ruleGroupName": "BadBots", "rules": [{"ruleId": "Bot100100"}, {"ruleId": "Bot100200", "enabledState": "Disabled"}]},
        {"ruleGroupName": "GoodBots"}, {"ruleGroupName": "UnknownBots"}])))]),
     "UNKNOWN fdwaf1 ~ whether any of its rules is still on is not known")
case(R, 'unknown-rule-state', snapshot([fdwaf('fdwaf1', sets=(DRS, dict(BOT, ruleGroupOverrides=[
        {"ruleGroupName": "BadBots", "rules": [{"ruleId": "Bot100100", "enabledState": False}]}])))]),
     "UNKNOWN fdwaf1 ~ a rule override in group BadBots whose enabledState is not a string")

# ---- Application Gateway WAF mode (AZA-NET-038) ----
# appgw() and wafpol() are the AZA-NET-010 shapes: a WAF_v2 gateway linking
# wafpol1, a policy Enabled in Prevention mode.
R = 'AZA-NET-038'
LEG = {"enabled": True, "firewallMode": "Prevention", "ruleSetType": "OWASP", "ruleSetVersion": "3.2"}
def pathmap(gw, name, rules):
    return {"name": name, "id": agid(gw, 'urlPathMaps', name),
            "properties": {"provisioningState": "Succeeded", "pathRules": [
                {"name": rn, "id": agid(gw, 'urlPathMaps', name, 'pathRules', rn),
                 "properties": {"paths": ["/" + rn + "/*"], "firewallPolicy": {"id": rid('rg-net', 'Microsoft.Network', 'ApplicationGatewayWebApplicationFirewallPolicies', pol)}}}
                for rn, pol in rules]}}
case(R, 'pass', snapshot([appgw('agw1', properties__httpListeners=[listener('agw1', 'www')]), wafpol('wafpol1')]),
     "PASS agw1 ~ the gateway links WAF policy wafpol1 (policySettings.state Enabled, mode Prevention)")
case(R, 'pass-legacy', snapshot([appgw('agw2', properties__firewallPolicy=DEL, properties__httpListeners=[listener('agw2', 'www')], properties__webApplicationFirewallConfiguration=LEG)]),
     "PASS agw2 ~ webApplicationFirewallConfiguration.firewallMode is Prevention")
# A listener or path rule trimmed of its properties may link a policy of its
# own in Detection: not a PASS on the gateway's (it was).
def trimmed_listener():
    l = listener('agw3', 'shop', 'wafpol-shop'); del l['properties']
    return l
case(R, 'unknown-listener-trimmed', snapshot([appgw('agw3', properties__httpListeners=[trimmed_listener(), listener('agw3', 'www')]), wafpol('wafpol1')]),
     "UNKNOWN agw3 ~ listener shop has no properties: whether it links a WAF policy of its own is not known")
case(R, 'pass-listeners', snapshot([appgw('agw3', properties__httpListeners=[listener('agw3', 'shop', 'wafpol-shop'), listener('agw3', 'www')],
                                          properties__urlPathMaps=[pathmap('agw3', 'map1', [('api', 'wafpol-shop')])]),
                                    wafpol('wafpol1'), wafpol('wafpol-shop')]),
     "PASS agw3 ~ the gateway links WAF policy wafpol1 (policySettings.state Enabled, mode Prevention); listener shop uses WAF policy "
     "wafpol-shop (policySettings.state Enabled, mode Prevention); path rule map1/api uses WAF policy wafpol-shop")
case(R, 'fail', snapshot([appgw('agw1'), wafpol('wafpol1', properties__policySettings__mode='Detection')]),
     "FAIL agw1 ~ the gateway links WAF policy wafpol1, whose policySettings.mode is Detection: matching requests are only logged, not blocked")
case(R, 'fail-legacy', snapshot([appgw('agw2', properties__firewallPolicy=DEL, properties__webApplicationFirewallConfiguration=dict(LEG, firewallMode="Detection"))]),
     "FAIL agw2 ~ webApplicationFirewallConfiguration.firewallMode is Detection: matching requests are only logged, not blocked")
# A listener's policy replaces the gateway's for that listener's traffic
# (Create Web Application Firewall policies for Application Gateway): one in
# Detection leaves it unblocked, whatever the gateway's policy.
case(R, 'fail-listener', snapshot([appgw('agw3', properties__httpListeners=[listener('agw3', 'www'), listener('agw3', 'shop', 'wafpol-shop')]),
                                   wafpol('wafpol1'), wafpol('wafpol-shop', properties__policySettings__mode='Detection')]),
     "FAIL agw3 ~ listener shop uses WAF policy wafpol-shop, whose policySettings.mode is Detection")
case(R, 'fail-listener-disabled', snapshot([appgw('agw3', properties__httpListeners=[listener('agw3', 'shop', 'wafpol-shop')]),
                                            wafpol('wafpol1'), wafpol('wafpol-shop', properties__policySettings__state='Disabled')]),
     "FAIL agw3 ~ listener shop uses WAF policy wafpol-shop, whose policySettings.state is Disabled: requests bypass it")
case(R, 'fail-path-rule', snapshot([appgw('agw3', properties__urlPathMaps=[pathmap('agw3', 'map1', [('api', 'wafpol1'), ('admin', 'wafpol-admin')])]),
                                    wafpol('wafpol1'), wafpol('wafpol-admin', properties__policySettings__mode='Detection')]),
     "FAIL agw3 ~ path rule map1/admin uses WAF policy wafpol-admin, whose policySettings.mode is Detection")
# the linked policy is not in the input: its mode is not known
case(R, 'unknown', snapshot([appgw('agw1')], datasets=["Microsoft.Network/applicationGateways"]),
     "UNKNOWN agw1 ~ the gateway links WAF policy wafpol1, which is not in the input")
case(R, 'unknown-listener-policy', snapshot([appgw('agw3', properties__httpListeners=[listener('agw3', 'shop', 'wafpol-shop')]), wafpol('wafpol1')]),
     "UNKNOWN agw3 ~ listener shop uses WAF policy wafpol-shop, which is not in the input")
# a deployed policy's GET returns the mode
case(R, 'unknown-mode-absent', snapshot([appgw('agw1'), wafpol('wafpol1', properties__policySettings__mode=DEL)]),
     "UNKNOWN agw1 ~ the gateway links WAF policy wafpol1, whose policySettings.mode is absent")
case(R, 'unknown-mode-type', snapshot([appgw('agw1'), wafpol('wafpol1', properties__policySettings__mode=1)]),
     "UNKNOWN agw1 ~ whose policySettings.mode is not a string")
case(R, 'unknown-policy-bare', snapshot([appgw('agw1'), bare(wafpol('wafpol1'))]),
     "UNKNOWN agw1 ~ the gateway links WAF policy wafpol1, which is in the input without its properties")
case(R, 'unknown-legacy-mode', snapshot([appgw('agw2', properties__firewallPolicy=DEL, properties__webApplicationFirewallConfiguration={k: v for k, v in LEG.items() if k != 'firewallMode'}),
                                         appgw('agw4', properties__firewallPolicy=DEL, properties__webApplicationFirewallConfiguration=dict(LEG, firewallMode=True))]),
     "UNKNOWN agw2 ~ webApplicationFirewallConfiguration.firewallMode is absent (the API requires it and documents no default)\n"
     "UNKNOWN agw4 ~ webApplicationFirewallConfiguration.firewallMode is not a string")
case(R, 'unknown-listeners-type', snapshot([appgw('agw3', properties__httpListeners={"name": "shop"}), wafpol('wafpol1')]),
     "UNKNOWN agw3 ~ httpListeners is not an array")
# Gateways without a WAF are AZA-NET-010's.
case(R, 'na-no-waf', snapshot([appgw('agw-std', properties__sku={"name": "Standard_v2", "tier": "Standard_v2", "capacity": 2}, properties__firewallPolicy=DEL),
                               appgw('agw1'), wafpol('wafpol1', properties__policySettings__state='Disabled', properties__policySettings__mode='Detection'),
                               appgw('agw2', properties__firewallPolicy=DEL, properties__webApplicationFirewallConfiguration=dict(LEG, enabled=False, firewallMode="Detection"))]),
     "NOT_APPLICABLE agw-std ~ sku.tier is Standard_v2: the gateway has no web application firewall\n"
     "NOT_APPLICABLE agw1 ~ the gateway's WAF policy wafpol1 has policySettings.state Disabled\n"
     "NOT_APPLICABLE agw2 ~ webApplicationFirewallConfiguration is not enabled")
# Listeners and path rules that link policies of their own on a gateway
# with none: their policies' modes are judged (it was NOT_APPLICABLE).
case(R, 'fail-listeners-only', snapshot([appgw('agw5', properties__firewallPolicy=DEL,
                                               properties__httpListeners=[listener('agw5', 'shop', 'wafpol-shop'), listener('agw5', 'www', 'wafpol1')]),
                                         wafpol('wafpol1'), wafpol('wafpol-shop', properties__policySettings__mode='Detection')]),
     "FAIL agw5 ~ listener shop uses WAF policy wafpol-shop, whose policySettings.mode is Detection")
case(R, 'pass-listeners-only', snapshot([appgw('agw5', properties__firewallPolicy=DEL,
                                               properties__httpListeners=[listener('agw5', 'shop', 'wafpol-shop'), listener('agw5', 'www', 'wafpol1')]),
                                         wafpol('wafpol1'), wafpol('wafpol-shop')]),
     "PASS agw5 ~ no WAF policy is linked to the gateway (AZA-NET-010 judges the listeners without one of their own); listener shop "
     "uses WAF policy wafpol-shop (policySettings.state Enabled, mode Prevention)")

# AZA-NET-010 judges the policies listeners and path rules link as well: each
# replaces the gateway's for its traffic (Microsoft Learn, Create Web
# Application Firewall policies for Application Gateway), so the gateway
# has a WAF for all its traffic only when each of them runs; and a gateway
# without a policy of its own has one where its listeners link theirs.
R = 'AZA-NET-010'
# every listener links an enabled policy of its own (it was FAIL)
case(R, 'pass-listeners-only', snapshot([appgw('agw5', properties__firewallPolicy=DEL,
                                               properties__httpListeners=[listener('agw5', 'shop', 'wafpol-shop'), listener('agw5', 'www', 'wafpol1')]),
                                         wafpol('wafpol1', properties__policySettings__mode='Detection'), wafpol('wafpol-shop')]),
     "PASS agw5 ~ sku.tier is WAF_v2 with no WAF policy linked to the gateway, but every listener links its own; listener shop uses "
     "WAF policy wafpol-shop (policySettings.state Enabled); listener www uses WAF policy wafpol1 (policySettings.state Enabled)")
# one listener links none and the gateway has none: its traffic is not inspected
case(R, 'fail-listener-bare', snapshot([appgw('agw5', properties__firewallPolicy=DEL,
                                              properties__httpListeners=[listener('agw5', 'shop', 'wafpol-shop'), listener('agw5', 'www')]),
                                        wafpol('wafpol-shop')]),
     "FAIL agw5 ~ listener www links none of its own, so its traffic is not inspected")
# listeners that cannot be read on a gateway without a policy (it was FAIL)
case(R, 'unknown-listeners-type', snapshot([appgw('agw5', properties__firewallPolicy=DEL, properties__httpListeners={"name": "shop"})]),
     "UNKNOWN agw5 ~ httpListeners or urlPathMaps cannot be read")
# the gateway's policy runs, a listener's or path rule's does not (it was PASS)
case(R, 'fail-listener-disabled', snapshot([appgw('agw3', properties__httpListeners=[listener('agw3', 'www'), listener('agw3', 'shop', 'wafpol-shop')]),
                                            wafpol('wafpol1'), wafpol('wafpol-shop', properties__policySettings__state='Disabled')]),
     "FAIL agw3 ~ listener shop uses WAF policy wafpol-shop, whose policySettings.state is Disabled: requests bypass it")
case(R, 'fail-path-rule-disabled', snapshot([appgw('agw3', properties__urlPathMaps=[pathmap('agw3', 'map1', [('api', 'wafpol1'), ('admin', 'wafpol-admin')])]),
                                             wafpol('wafpol1'), wafpol('wafpol-admin', properties__policySettings__state='Disabled')]),
     "FAIL agw3 ~ path rule map1/admin uses WAF policy wafpol-admin, whose policySettings.state is Disabled")
# a listener's policy not in the input may be Disabled (it was PASS)
case(R, 'unknown-listener-policy', snapshot([appgw('agw3', properties__httpListeners=[listener('agw3', 'shop', 'wafpol-shop')]), wafpol('wafpol1')]),
     "UNKNOWN agw3 ~ listener shop uses WAF policy wafpol-shop, which is not in the input")
# a listener's policy in Detection mode still runs: the mode is AZA-NET-038's
case(R, 'pass-listener-detection', snapshot([appgw('agw3', properties__httpListeners=[listener('agw3', 'shop', 'wafpol-shop')]),
                                             wafpol('wafpol1'), wafpol('wafpol-shop', properties__policySettings__mode='Detection')]),
     "PASS agw3 ~ sku.tier is WAF_v2 with WAF policy wafpol1 (policySettings.state Enabled); listener shop uses WAF policy wafpol-shop "
     "(policySettings.state Enabled)")
R = 'AZA-NET-038'
# Templates: a policy the template deploys without a mode gets Detection (the
# specification's WafPolicyCreateOrUpdate example sends none and gets
# Detection); one it only links is not known; a legacy configuration
# without firewallMode is not known either (the API requires it).
def tpol(name, settings):
    return {"type": TWAF, "apiVersion": "2024-05-01", "name": name, "location": "westeurope",
            "properties": {"policySettings": settings, "managedRules": {"managedRuleSets": [{"ruleSetType": "OWASP", "ruleSetVersion": "3.2"}]}}}
case(R, 'template', template([tagw('tagw-default', f"[resourceId('{TWAF}', 'twaf-default')]"), tpol('twaf-default', {"requestBodyCheck": True}),
                              tagw('tagw-prev', f"[resourceId('{TWAF}', 'twaf-prev')]"), tpol('twaf-prev', {"mode": "Prevention"}),
                              tagw('tagw-ext', rid('rg-sec', 'Microsoft.Network', 'ApplicationGatewayWebApplicationFirewallPolicies', 'shared-waf'))]),
     "FAIL tagw-default ~ the gateway links WAF policy twaf-default, whose policySettings.mode is not set (Detection, the API's default\n"
     "PASS tagw-prev ~ WAF policy twaf-prev (policySettings.state not set: Enabled by default, mode Prevention)\n"
     "UNKNOWN tagw-ext ~ the gateway links WAF policy shared-waf, which is not in the input")
