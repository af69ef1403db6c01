# Fixtures of the per-endpoint exposure rules (AZA-NET-027..032): VMs, NICs,
# public IPs, subnets and load balancers built from the API example bodies.
import sys, os, json, copy; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *
from network import ex, NETEX, nsg, rule
CEX = 'compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2024-07-01/examples/virtualMachineExamples/'
NIC_EX = ex(NETEX + 'NetworkInterfaceGet.json')
PIP_EX = ex(NETEX + 'PublicIpAddressGet.json')
SUBNET_EX = ex(NETEX + 'SubnetGet.json')
VM_EX = ex(CEX + 'VirtualMachine_Get.json')
N = 'Microsoft.Network'
def nid(*p): return rid('rg-net', N, *p)
SUBNET_ID = nid('virtualNetworks', 'vnet1', 'subnets', 'web')

def subnet(nsg_name=None):
    s = copy.deepcopy(SUBNET_EX)
    s['id'] = SUBNET_ID; s['name'] = 'web'; s['type'] = N + '/virtualNetworks/subnets'
    s['properties']['addressPrefix'] = '10.0.1.0/24'
    if nsg_name: s['properties']['networkSecurityGroup'] = {"id": nid('networkSecurityGroups', nsg_name)}
    return s
def pip(name='pip1', sku='Standard', addr='20.50.60.10', nic='nic1'):
    p = copy.deepcopy(PIP_EX)
    p['id'] = nid('publicIPAddresses', name); p['name'] = name; p['location'] = 'westeurope'
    p['sku'] = {"name": sku, "tier": "Regional"}
    p['properties']['ipAddress'] = addr; p['properties']['publicIPAllocationMethod'] = 'Static'
    if nic: p['properties']['ipConfiguration'] = {"id": nid('networkInterfaces', nic, 'ipConfigurations', 'ipconfig1')}
    else: del p['properties']['ipConfiguration']
    return p
def nic(name='nic1', vm='vm1', pip_name='pip1', nsg_name=None, asgs=None, pools=None, nat=None, ip='10.0.1.4'):
    n = copy.deepcopy(NIC_EX)
    n['id'] = nid('networkInterfaces', name); n['name'] = name; n['location'] = 'westeurope'
    ic = n['properties']['ipConfigurations'][0]
    n['properties']['ipConfigurations'] = [ic]
    ic['id'] = n['id'] + '/ipConfigurations/ipconfig1'
    ic['properties']['privateIPAddress'] = ip
    ic['properties']['subnet'] = {"id": SUBNET_ID}
    if pip_name: ic['properties']['publicIPAddress'] = {"id": nid('publicIPAddresses', pip_name)}
    else: del ic['properties']['publicIPAddress']
    if asgs: ic['properties']['applicationSecurityGroups'] = [{"id": nid('applicationSecurityGroups', a)} for a in asgs]
    if pools: ic['properties']['loadBalancerBackendAddressPools'] = [{"id": p} for p in pools]
    if nat: ic['properties']['loadBalancerInboundNatRules'] = [{"id": p} for p in nat]
    if nsg_name: n['properties']['networkSecurityGroup'] = {"id": nid('networkSecurityGroups', nsg_name)}
    else: del n['properties']['networkSecurityGroup']
    if vm: n['properties']['virtualMachine'] = {"id": rid('rg-net', 'Microsoft.Compute', 'virtualMachines', vm)}
    else: del n['properties']['virtualMachine']
    n['properties'].pop('dscpConfiguration', None)
    return n
def vm(name='vm1', nics=('nic1',)):
    v = copy.deepcopy(VM_EX)
    v['id'] = rid('rg-net', 'Microsoft.Compute', 'virtualMachines', name); v['name'] = name; v['location'] = 'westeurope'
    v.pop('resources', None); v.pop('managedBy', None)
    v['properties']['networkProfile'] = {"networkInterfaces": [{"id": nid('networkInterfaces', n)} for n in nics]}
    return v
LB_ID = nid('loadBalancers', 'lb1')
def lb(rules=(), nats=(), sku='Standard', natpools=()):
    fe = LB_ID + '/frontendIPConfigurations/fe-public'
    return {"name": "lb1", "id": LB_ID, "type": N + "/loadBalancers", "location": "westeurope", "sku": {"name": sku},
            "properties": {"provisioningState": "Succeeded",
                "frontendIPConfigurations": [{"name": "fe-public", "id": fe, "properties": {"publicIPAddress": {"id": nid('publicIPAddresses', 'pip-lb')}}}],
                "backendAddressPools": [{"name": "be-pool", "id": LB_ID + '/backendAddressPools/be-pool', "properties": {}}],
                "loadBalancingRules": [{"name": n, "id": LB_ID + '/loadBalancingRules/' + n, "properties": {
                    "frontendIPConfiguration": {"id": fe}, "frontendPort": f, "backendPort": b, "protocol": p,
                    "backendAddressPool": {"id": LB_ID + '/backendAddressPools/be-pool'}, "enableFloatingIP": False}} for n, f, b, p in rules],
                "inboundNatRules": [{"name": n, "id": LB_ID + '/inboundNatRules/' + n, "properties": {
                    "frontendIPConfiguration": {"id": fe}, "frontendPort": f, "backendPort": b, "protocol": p,
                    "enableFloatingIP": False}} for n, f, b, p in nats],
                "inboundNatPools": [{"name": n, "id": LB_ID + '/inboundNatPools/' + n, "properties": {
                    "frontendIPConfiguration": {"id": fe}, "frontendPortRangeStart": f0, "frontendPortRangeEnd": f1,
                    "backendPort": b, "protocol": p}} for n, f0, f1, b, p in natpools]}}
POOL = LB_ID + '/backendAddressPools/be-pool'
def vmss(name='ss1', natpools=(), pools=(), nsg_name=None, inst_pip=False, inst_ver=None, inst_sku=None):
    ipc = {"name": "ipconfig1", "properties": {"subnet": {"id": SUBNET_ID},
           "loadBalancerBackendAddressPools": [{"id": p} for p in pools],
           "loadBalancerInboundNatPools": [{"id": LB_ID + '/inboundNatPools/' + p} for p in natpools]}}
    if inst_pip: ipc['properties']['publicIPAddressConfiguration'] = {"name": "pub1", "properties": {"idleTimeoutInMinutes": 15}}
    if inst_ver: ipc['properties']['publicIPAddressConfiguration']['properties']['publicIPAddressVersion'] = inst_ver
    if inst_sku: ipc['properties']['publicIPAddressConfiguration']['sku'] = {"name": inst_sku, "tier": "Regional"}
    nc = {"name": "nic-cfg", "properties": {"primary": True, "ipConfigurations": [ipc]}}
    if nsg_name: nc['properties']['networkSecurityGroup'] = {"id": nid('networkSecurityGroups', nsg_name)}
    return {"name": name, "id": rid('rg-net', 'Microsoft.Compute', 'virtualMachineScaleSets', name),
            "type": "Microsoft.Compute/virtualMachineScaleSets", "location": "westeurope", "sku": {"name": "Standard_D2s_v3", "capacity": 3},
            "properties": {"orchestrationMode": "Uniform", "virtualMachineProfile": {"networkProfile": {"networkInterfaceConfigurations": [nc]}}}}
def nsgx(name, rules): return nsg(name, rules)
def world(sub_rules=None, nic_rules=None, sku='Standard', with_subnet=True, extra=(), nic_kw=None):
    res = [vm()]
    res.append(nic(nsg_name='nsg-nic' if nic_rules is not None else None, **(nic_kw or {})))
    if (nic_kw or {}).get('pip_name', 'pip1'): res.append(pip(sku=sku))
    if with_subnet: res.append(subnet('nsg-sub' if sub_rules is not None else None))
    if sub_rules is not None: res.append(nsgx('nsg-sub', sub_rules))
    if nic_rules is not None: res.append(nsgx('nsg-nic', nic_rules))
    return snapshot(res + list(extra))
NA = "NOT_APPLICABLE nic1 ~ attached to VM vm1"

# ---- RDP: the path model's cases ----
R = 'AZA-NET-027'
case(R, 'pass', world([rule('AllowHttps', 100, port='443')], None), "PASS vm1 ~ no internet path reaches TCP 3389 (RDP)\n" + NA)
case(R, 'pass-nic-nsg-blocks', world([rule('AllowRdp', 100, port='3389')], [rule('AllowHttps', 100, port='443')]),
     "PASS vm1 ~ public frontends: pip1 (20.50.60.10)\n" + NA)
case(R, 'pass-shadowed', world([rule('DenyRdp', 100, 'Deny', proto='*', port='3389', src='Internet'), rule('AllowAll', 200, proto='*', port='*')], None),
     "PASS vm1\n" + NA)
case(R, 'pass-no-public-ip', world([rule('AllowRdp', 100, port='3389')], None, nic_kw={'pip_name': None}),
     "PASS vm1 ~ no public IP, public load balancer frontend or DNAT rule reaches it\n" + NA)
case(R, 'pass-standard-no-nsg', world(None, None, sku='Standard'), "PASS vm1\n" + NA)
case(R, 'pass-allowlisted', world([rule('AllowOffice', 100, port='3389', src='203.0.113.0/24')], None),
     "PASS vm1 ~ only allow-listed sources: TCP 3389 (RDP)\n" + NA)
case(R, 'pass-asg-other', world(None, [rule('AllowRdpToJump', 100, port='3389', dst=None)], nic_kw={'asgs': ['asg-web']}) if False else
     snapshot([vm(), nic(nsg_name='nsg-nic', asgs=['asg-web']), pip(), subnet(None),
               nsg('nsg-nic', [dict(rule('AllowRdpToJump', 100, port='3389'), properties=dict(rule('AllowRdpToJump', 100, port='3389')['properties'], destinationAddressPrefix='',
                   destinationApplicationSecurityGroups=[{"id": nid('applicationSecurityGroups', 'asg-jump')}]))])]),
     "PASS vm1\n" + NA)
case(R, 'fail', world([rule('AllowRdp', 100, port='3389', src='Internet')], [rule('AllowRdpNic', 120, port='3380-3390')]),
     "FAIL vm1 ~ TCP 3389 (RDP) reachable at pip1 (20.50.60.10) (ip configuration ipconfig1) from any internet address: public IP pip1 (20.50.60.10) -> subnet NSG nsg-sub rule AllowRdp (priority 100) -> NIC NSG nsg-nic rule AllowRdpNic (priority 120)\n" + NA)
# Ids and references written with a trailing slash name the same resources.
def slashed(d):
    d = copy.deepcopy(d)
    def walk(o):
        if isinstance(o, dict):
            for k, v in o.items():
                if k == 'id' and isinstance(v, str) and v.startswith('/subscriptions/'): o[k] = v + '/'
                else: walk(v)
        elif isinstance(o, list):
            for v in o: walk(v)
    walk(d['resources']); return d
case(R, 'fail-trailing-slash-ids', slashed(world([rule('AllowRdp', 100, port='3389', src='Internet')], [rule('AllowRdpNic', 120, port='3380-3390')])),
     "FAIL vm1 ~ TCP 3389 (RDP) reachable at pip1 (20.50.60.10) (ip configuration ipconfig1) from any internet address: public IP pip1 (20.50.60.10) -> subnet NSG nsg-sub rule AllowRdp\n" + NA)
case(R, 'fail-basic-no-nsg', world(None, None, sku='Basic'), "FAIL vm1 ~ no subnet NSG -> no NIC NSG\n" + NA)
case(R, 'fail-deny-does-not-shadow', world([rule('DenyCorp', 100, 'Deny', port='*', src='10.0.0.0/8'), rule('AllowAll', 200, proto='*', port='*')], None),
     "FAIL vm1 ~ rule AllowAll (priority 200)\n" + NA)
# The client picks its source port: a Deny limited to some source ports is
# evaded with another and shadows nothing.
case(R, 'fail-deny-source-ports', world([dict(rule('DenyHighSourcePorts', 100, 'Deny', proto='*', port='*'),
                                              properties=dict(rule('DenyHighSourcePorts', 100, 'Deny', proto='*', port='*')['properties'], sourcePortRange='1024-65535')),
                                         rule('AllowRdp', 200, port='3389')], None),
     "FAIL vm1 ~ rule AllowRdp (priority 200)\n" + NA)
case(R, 'pass-deny-source-port-list', world([dict(rule('DenyAllSourcePorts', 100, 'Deny', proto='*', port='*'),
                                              properties=dict(rule('DenyAllSourcePorts', 100, 'Deny', proto='*', port='*')['properties'], sourcePortRange=None, sourcePortRanges=['0-1023', '1024-65535'])),
                                         rule('AllowRdp', 200, port='3389')], None),
     "PASS vm1\n" + NA)
case(R, 'fail-asg-member', snapshot([vm(), nic(nsg_name='nsg-nic', asgs=['asg-jump']), pip(), subnet(None),
               nsg('nsg-nic', [dict(rule('AllowRdpToJump', 100, port='3389'), properties=dict(rule('AllowRdpToJump', 100, port='3389')['properties'], destinationAddressPrefix='',
                   destinationApplicationSecurityGroups=[{"id": nid('applicationSecurityGroups', 'asg-jump')}]))])]),
     "FAIL vm1 ~ NIC NSG nsg-nic rule AllowRdpToJump (priority 100)\n" + NA)
case(R, 'fail-lb-nat', snapshot([vm(), nic(pip_name=None, nat=[LB_ID + '/inboundNatRules/rdp-vm1']), subnet('nsg-sub'),
                                 nsg('nsg-sub', [rule('AllowRdp', 100, port='3389')]), pip('pip-lb', nic=None, addr='20.50.60.99'),
                                 lb(nats=[('rdp-vm1', 50001, 3389, 'Tcp')])]),
     "FAIL vm1 ~ TCP 3389 (RDP) (frontend port 50001) reachable at pip-lb (20.50.60.99) (ip configuration ipconfig1) from any internet address: inbound NAT rule lb1/rdp-vm1 -> subnet NSG nsg-sub rule AllowRdp (priority 100) -> no NIC NSG\n" + NA)
case(R, 'unknown', world(None, [rule('AllowRdp', 100, port='3389')], with_subnet=False),
     "UNKNOWN vm1 ~ subnet web is not in the input\n" + NA)
case(R, 'unknown-nic-missing', snapshot([vm(), subnet(None)]), "UNKNOWN vm1 ~ network interface nic1 is not in the input")
case(R, 'unknown-lb-missing', snapshot([vm(), nic(pip_name=None, nsg_name=None, pools=[POOL]), subnet(None)]),
     "UNKNOWN vm1 ~ load balancer lb1 is not in the input\n" + NA)

# ---- SSH: load balancer rules, scale sets ----
R = 'AZA-NET-028'
case(R, 'pass', world([rule('AllowSsh', 100, src='10.0.0.0/8')], None), "PASS vm1\n" + NA)
case(R, 'fail', world([rule('AllowSsh', 100)], None), "FAIL vm1 ~ TCP 22 (SSH) reachable at pip1\n" + NA)
# Address families: a Deny of 0.0.0.0/0 leaves IPv6 open, a Deny of both
# families closes it. A packet keeps its family end to end, so only the
# public IP's family (publicIPAddressVersion, absent: IPv4) counts.
def v6world(rules):
    # an IPv6 public IP on an IPv6 IP configuration
    w = world(rules, None)
    for r in w['resources']:
        if r['type'] == N + '/publicIPAddresses':
            r['properties']['publicIPAddressVersion'] = 'IPv6'; r['properties']['ipAddress'] = '2603:1020:200::10'
        if r['type'] == N + '/networkInterfaces':
            icp = r['properties']['ipConfigurations'][0]['properties']
            icp['privateIPAddressVersion'] = 'IPv6'; icp['privateIPAddress'] = 'fd00:db8:1::4'
    return w
case(R, 'pass-deny-ipv4-allow-internet', world([rule('DenyAll4', 100, 'Deny', src='0.0.0.0/0'), rule('AllowSsh', 200, src='Internet')], None),
     "PASS vm1 ~ public frontends: pip1 (20.50.60.10)\n" + NA)
case(R, 'fail-deny-ipv4-allow-internet-ipv6-public-ip', v6world([rule('DenyAll4', 100, 'Deny', src='0.0.0.0/0'), rule('AllowSsh', 200, src='Internet')]),
     "FAIL vm1 ~ TCP 22 (SSH) reachable at pip1 (2603:1020:200::10) (ip configuration ipconfig1) from any internet address: public IP pip1 (2603:1020:200::10) -> subnet NSG nsg-sub rule AllowSsh (priority 200)\n" + NA)
case(R, 'fail-deny-ipv6-allow-internet', world([rule('DenyAll6', 100, 'Deny', src='::/0'), rule('AllowSsh', 200, src='Internet')], None),
     "FAIL vm1 ~ from any internet address: public IP pip1 (20.50.60.10) -> subnet NSG nsg-sub rule AllowSsh (priority 200)\n" + NA)
case(R, 'pass-deny-ipv6-allow-internet-ipv6-public-ip', v6world([rule('DenyAll6', 100, 'Deny', src='::/0'), rule('AllowSsh', 200, src='Internet')]),
     "PASS vm1 ~ public frontends: pip1 (2603:1020:200::10)\n" + NA)
case(R, 'fail-allow-ipv4-only', world([rule('AllowSsh4', 100, src='0.0.0.0/0')], None),
     "FAIL vm1 ~ from any internet address: public IP pip1 (20.50.60.10) -> subnet NSG nsg-sub rule AllowSsh4 (priority 100)\n" + NA)
# An IPv6 destination longer than /64 holds only the addresses it names: a
# Deny to another host of the IP configuration's /64 does not cover it.
case(R, 'fail-deny-other-ipv6-host', v6world([rule('DenyHost5', 100, 'Deny', dst='fd00:db8:1::5'), rule('AllowSsh', 200, src='Internet')]),
     "FAIL vm1 ~ TCP 22 (SSH) reachable at pip1 (2603:1020:200::10) (ip configuration ipconfig1) from any internet address: public IP pip1 (2603:1020:200::10) -> subnet NSG nsg-sub rule AllowSsh (priority 200)\n" + NA)
case(R, 'pass-deny-ipv6-host', v6world([rule('DenyHost4', 100, 'Deny', dst='fd00:db8:1::4'), rule('AllowSsh', 200, src='Internet')]),
     "PASS vm1 ~ public frontends: pip1 (2603:1020:200::10)\n" + NA)
# IPv6 sources are counted in /64s: a Deny from a source longer than /64
# removes nothing (the rest of its /64 is still internet), so a /32 less one
# host is still wide; an Allow from one counts as its /64 (allow-listed).
case(R, 'fail-deny-ipv6-host-source-wide', v6world([rule('DenyHost', 100, 'Deny', src='2001:db8::1'), rule('AllowWide6', 200, src='2001:db8::/32')]),
     "FAIL vm1 ~ TCP 22 (SSH) reachable at pip1 (2603:1020:200::10) (ip configuration ipconfig1) from 4294967296 internet IPv6 /64s (IPv6 only): public IP pip1 (2603:1020:200::10) -> subnet NSG nsg-sub rule AllowWide6 (priority 200)\n" + NA)
case(R, 'pass-deny-ipv6-host-source-allow-host', v6world([rule('DenyHost', 100, 'Deny', src='2001:db8::1/128'), rule('AllowHost', 200, src='2001:db8::1/128')]),
     "PASS vm1 ~ only allow-listed sources: TCP 22 (SSH)\n" + NA)
case(R, 'pass-allow-ipv6-only-ipv4-public-ip', world([rule('AllowSsh6', 100, src='::/0')], None), "PASS vm1\n" + NA)
# A public IP without properties (a trimmed export) is of either family, as
# one not in the input is: it passed as IPv4.
def pip_trimmed(w):
    for r in w['resources']:
        if r['name'] == 'pip1': del r['properties']
    return w
case(R, 'fail-allow-ipv6-only-public-ip-trimmed', pip_trimmed(world([rule('AllowSsh6', 100, src='::/0')], None)),
     "FAIL vm1 ~ internet IPv6 /64s (IPv6 only): public IP pip1 -> subnet NSG nsg-sub rule AllowSsh6 (priority 100)\n" + NA)
case(R, 'fail-allow-ipv6-only-ipv6-public-ip', v6world([rule('AllowSsh6', 100, src='::/0')]),
     "FAIL vm1 ~ from any internet address: public IP pip1 (2603:1020:200::10) -> subnet NSG nsg-sub rule AllowSsh6 (priority 100)\n" + NA)
# The private address not in the input: it lies in its subnet (10.0.1.0/24
# here). A rule whose destination holds all of the subnet applies, one that
# holds none of it does not; one holding part of it (10.0.1.0/26) may or may
# not: what is reached only when a Deny to it does not cover the address, or
# an Allow to it applies, is UNKNOWN with the rules named, what is reached
# either way a FAIL.
def noaddr(rules):
    w = world(rules, None)
    for r in w['resources']:
        if r['type'] == N + '/networkInterfaces':
            r['properties']['ipConfigurations'][0]['properties'].pop('privateIPAddress', None)
    return w
IN_WEB = "the private address of ip configuration ipconfig1 (in subnet web: 10.0.1.0/24) is not in the input"
case(R, 'unknown-address-deny-prefix', noaddr([rule('DenyWebPart', 100, 'Deny', dst='10.0.1.0/26'), rule('AllowSsh', 200)]),
     "UNKNOWN vm1 ~ TCP 22 (SSH) reachable at pip1 (20.50.60.10) (ip configuration ipconfig1) from any internet address: public IP pip1 (20.50.60.10) -> subnet NSG nsg-sub rule AllowSsh (priority 200) -> no NIC NSG, but " + IN_WEB + ": rule DenyWebPart (priority 100) of NSG nsg-sub was not counted as blocking\n" + NA)
case(R, 'pass-unknown-address-deny-subnet-prefix', noaddr([rule('DenyWebSubnet', 100, 'Deny', dst='10.0.1.0/24'), rule('AllowSsh', 200)]),
     "PASS vm1\n" + NA)
case(R, 'fail-unknown-address-deny-other-subnet', noaddr([rule('DenyDbSubnet', 100, 'Deny', dst='10.0.2.0/24'), rule('AllowSsh', 200)]),
     "FAIL vm1 ~ TCP 22 (SSH) reachable at pip1 (20.50.60.10) (ip configuration ipconfig1) from any internet address: public IP pip1 (20.50.60.10) -> subnet NSG nsg-sub rule AllowSsh (priority 200) -> no NIC NSG\n" + NA)
# Denies to part of the subnet and to an IPv6 prefix (about an IPv6
# address not known either) do not hide an Allow.
case(R, 'unknown-address-deny-prefix-both-families', noaddr([rule('DenyWeb4', 100, 'Deny', dst='10.0.1.0/26'),
                                                             rule('DenyWeb6', 110, 'Deny', dst='fd00:db8:1::/64'), rule('AllowSsh', 200)]),
     "UNKNOWN vm1 ~ from any internet address: public IP pip1 (20.50.60.10) -> subnet NSG nsg-sub rule AllowSsh (priority 200) -> no NIC NSG, but the private address of ip configuration ipconfig1 (in subnet web: 10.0.1.0/24) and its IPv6 address are not in the input: rule DenyWeb4 (priority 100) of NSG nsg-sub was not counted as blocking, rule DenyWeb6 (priority 110) of NSG nsg-sub was not counted as blocking\n" + NA)
case(R, 'unknown-address-allow-prefix', noaddr([rule('AllowSshWebPart', 100, dst='10.0.1.0/26')]),
     "UNKNOWN vm1 ~ but " + IN_WEB + ": rule AllowSshWebPart (priority 100) of NSG nsg-sub was counted as applying\n" + NA)
case(R, 'fail-unknown-address-allow-subnet-prefix', noaddr([rule('AllowSshWeb', 100, dst='10.0.1.0/24')]),
     "FAIL vm1 ~ TCP 22 (SSH) reachable at pip1 (20.50.60.10) (ip configuration ipconfig1) from any internet address: public IP pip1 (20.50.60.10) -> subnet NSG nsg-sub rule AllowSshWeb (priority 100) -> no NIC NSG\n" + NA)
case(R, 'pass-unknown-address-allow-other-subnet', noaddr([rule('AllowSshDb', 100, dst='10.0.2.0/24')]), "PASS vm1\n" + NA)
case(R, 'pass-unknown-address-deny-vnet', noaddr([rule('DenyToVnet', 100, 'Deny', dst='VirtualNetwork'), rule('AllowSsh', 200)]), "PASS vm1\n" + NA)
case(R, 'pass-unknown-address-deny-all-ipv4', noaddr([rule('DenyToAll4', 100, 'Deny', dst='0.0.0.0/0'), rule('AllowSsh', 200)]), "PASS vm1\n" + NA)
case(R, 'fail-unknown-address-deny-prefix-other-port', noaddr([rule('DenyRdpWeb', 100, 'Deny', port='3389', dst='10.0.1.0/26'), rule('AllowAll', 200, port='*')]),
     "FAIL vm1 ~ TCP 22 (SSH) reachable at pip1 (20.50.60.10) (ip configuration ipconfig1) from any internet address: public IP pip1 (20.50.60.10) -> subnet NSG nsg-sub rule AllowAll (priority 200)\n" + NA)
case('AZA-NET-027', 'unknown-address-deny-prefix', noaddr([rule('DenyRdpWeb', 100, 'Deny', port='3389', dst='10.0.1.0/26'), rule('AllowAll', 200, port='*')]),
     "UNKNOWN vm1 ~ TCP 3389 (RDP) reachable at pip1 (20.50.60.10) (ip configuration ipconfig1) from any internet address: public IP pip1 (20.50.60.10) -> subnet NSG nsg-sub rule AllowAll (priority 200) -> no NIC NSG, but " + IN_WEB + ": rule DenyRdpWeb (priority 100) of NSG nsg-sub was not counted as blocking\n" + NA)
# Scale set instances: their addresses are never in the input, but they lie
# in the subnet, read as a resource or inline in its virtual network.
def ssworld(rules, inline=False):
    res = [vmss(natpools=['ssh-pool']), nsg('nsg-sub', rules), pip('pip-lb', nic=None, addr='20.50.60.99'),
           lb(natpools=[('ssh-pool', 50000, 50099, 22, 'Tcp')])]
    sn = subnet('nsg-sub')
    if inline:
        vid = nid('virtualNetworks', 'vnet1')
        res.append({"name": "vnet1", "id": vid, "type": N + "/virtualNetworks", "location": "westeurope",
                    "properties": {"provisioningState": "Succeeded", "addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
                                   "subnets": [{"name": "web", "id": SUBNET_ID, "properties": sn['properties']}]}})
    else:
        res.append(sn)
    return snapshot(res)
case(R, 'pass-vmss-deny-subnet-prefix', ssworld([rule('DenyWebSubnet', 100, 'Deny', dst='10.0.1.0/24'), rule('AllowSsh', 200)]),
     "PASS ss1 ~ public frontends: pip-lb (20.50.60.99)")
case(R, 'pass-vmss-deny-subnet-prefix-vnet-inline', ssworld([rule('DenyWebSubnet', 100, 'Deny', dst='10.0.1.0/24'), rule('AllowSsh', 200)], inline=True),
     "PASS ss1 ~ public frontends: pip-lb (20.50.60.99)")
# An IP configuration trimmed of its properties may hold the public IP the
# others do not: the NIC's (or the model's) exposure is not known.
def trimmed_nic():
    n = nic(pip_name=None)
    n['properties']['ipConfigurations'].append({"name": "ipconfig2", "id": n['id'] + '/ipConfigurations/ipconfig2'})
    return n
case(R, 'unknown-nic-ipconfig-trimmed', snapshot([vm(), trimmed_nic(), subnet('nsg-sub'), nsg('nsg-sub', [rule('AllowSsh', 100)])]),
     "UNKNOWN vm1 ~ NIC nic1 has an IP configuration without readable properties\n" + NA)
def trimmed_ss():
    w = ssworld([rule('AllowSsh', 200)])
    for r in w['resources']:
        if r['name'] == 'ss1':
            r['properties']['virtualMachineProfile']['networkProfile']['networkInterfaceConfigurations'][0]['properties']['ipConfigurations'] = [{"name": "ipconfig1"}]
    return w
case(R, 'unknown-vmss-ipconfig-trimmed', trimmed_ss(),
     "UNKNOWN ss1 ~ NIC configuration nic-cfg has an IP configuration without readable properties")
# An NSG's GET returns its securityRules (an empty array when it has none):
# one without them, and no rule resources collected, has rules not known,
# not none (AZA-NET-001 says so of the NSG itself).
def rules_trimmed():
    w = world([rule('AllowSsh', 100, src='10.0.0.0/8')], None)
    for r in w['resources']:
        if r['type'] == N + '/networkSecurityGroups':
            del r['properties']['securityRules']
    return w
case(R, 'unknown-nsg-security-rules-trimmed', rules_trimmed(),
     "UNKNOWN vm1 ~ NSG nsg-sub has no securityRules (its rules are not known)\n" + NA)
case(R, 'fail-vmss-deny-other-subnet', ssworld([rule('DenyDbSubnet', 100, 'Deny', dst='10.0.2.0/24'), rule('AllowSsh', 200)]),
     "FAIL ss1 ~ TCP 22 (SSH) (frontend port 50000-50099) reachable at pip-lb (20.50.60.99) (ip configuration ipconfig1) from any internet address: inbound NAT pool lb1/ssh-pool -> subnet NSG nsg-sub rule AllowSsh (priority 200)")
def two_prefixes(w):
    for r in w['resources']:
        if r['type'] == N + '/virtualNetworks/subnets': r['properties']['addressPrefixes'] = ['10.0.1.0/24', '10.0.2.0/24']
    return w
case(R, 'unknown-vmss-deny-one-of-two-subnet-prefixes', two_prefixes(ssworld([rule('DenyWebSubnet', 100, 'Deny', dst='10.0.1.0/24'), rule('AllowSsh', 200)])),
     "UNKNOWN ss1 ~ (in subnet web: 10.0.1.0/24, 10.0.2.0/24) is not in the input: rule DenyWebSubnet (priority 100) of NSG nsg-sub was not counted as blocking")
case(R, 'unknown-vmss-deny-part-of-subnet', ssworld([rule('DenyWebPart', 100, 'Deny', dst='10.0.1.0/26'), rule('AllowSsh', 200)]),
     "UNKNOWN ss1 ~ but the private address of ip configuration ipconfig1 (in subnet web: 10.0.1.0/24) is not in the input: rule DenyWebPart (priority 100) of NSG nsg-sub was not counted as blocking")
# A Deny covers a family's traffic only through its destination prefixes of
# that family: scale set instance public IPs carry both families, and a Deny
# to the subnet's IPv4 prefix and to an IPv6 prefix (about the instances'
# IPv6 addresses, not known) does not close IPv6 for certain; the note names
# that IPv6 address (the subnet settles the IPv4 one).
def deny_mixed(ver):
    return snapshot([vmss(inst_pip=True, inst_ver=ver), subnet('nsg-sub'),
               nsg('nsg-sub', [dict(rule('DenyMixed', 100, 'Deny'), properties=dict(rule('DenyMixed', 100, 'Deny')['properties'], destinationAddressPrefix='',
                                    destinationAddressPrefixes=['10.0.1.0/24', '2001:db8:1::/64'])),
                               rule('AllowSsh', 200, src='Internet')])])
case(R, 'unknown-vmss-instance-ip-deny-mixed-families', deny_mixed('IPv6'),
     "UNKNOWN ss1 ~ but the IPv6 address of ip configuration ipconfig1 is not in the input: rule DenyMixed (priority 100) of NSG nsg-sub was not counted as blocking")
# The instance IPs' family is publicIPAddressVersion, IPv4 when absent: the
# Deny to the subnet's IPv4 prefix then closes the only path, and an Allow
# from ::/0 alone opens nothing; an IPv6 instance IP is open through it.
case(R, 'pass-vmss-instance-ip-default-ipv4-deny-subnet', deny_mixed(None), "PASS ss1 ~ pub1 (per instance)")
case(R, 'pass-vmss-instance-ip-ipv4-allow-ipv6-only',
     snapshot([vmss(inst_pip=True, inst_ver='IPv4'), subnet('nsg-sub'), nsg('nsg-sub', [rule('AllowSsh6', 100, src='::/0')])]),
     "PASS ss1 ~ pub1 (per instance)")
case(R, 'fail-vmss-instance-ip-ipv6-allow-ipv6-only',
     snapshot([vmss(inst_pip=True, inst_ver='IPv6'), subnet('nsg-sub'), nsg('nsg-sub', [rule('AllowSsh6', 100, src='::/0')])]),
     "FAIL ss1 ~ TCP 22 (SSH) reachable at pub1 (per instance)")
case(R, 'pass-deny-both-families', world([rule('DenyAll4', 100, 'Deny', src='0.0.0.0/0'), rule('DenyAll6', 110, 'Deny', src='::/0'),
                                          rule('AllowSsh', 200, src='Internet')], None), "PASS vm1\n" + NA)
case(R, 'pass-deny-internet-allow-ipv6', world([rule('DenyNet', 100, 'Deny', src='Internet'), rule('Allow6', 200, src='::/0')], None),
     "PASS vm1\n" + NA)
case(R, 'fail-lb-rule-no-public-ip', snapshot([vm(), nic(pip_name=None, pools=[POOL]), subnet('nsg-sub'),
                                 nsg('nsg-sub', [rule('AllowSsh', 100)]), pip('pip-lb', nic=None, addr='20.50.60.99'),
                                 lb(rules=[('ssh', 2222, 22, 'Tcp')])]),
     "FAIL vm1 ~ TCP 22 (SSH) (frontend port 2222) reachable at pip-lb (20.50.60.99) (ip configuration ipconfig1) from any internet address: load-balancing rule lb1/ssh\n" + NA)
case(R, 'pass-lb-rule-other-port', snapshot([vm(), nic(pip_name=None, pools=[POOL]), subnet('nsg-sub'),
                                 nsg('nsg-sub', [rule('AllowAll', 100, port='*')]), pip('pip-lb', nic=None, addr='20.50.60.99'),
                                 lb(rules=[('web', 80, 8080, 'Tcp')])]),
     "PASS vm1 ~ public frontends: pip-lb (20.50.60.99)\n" + NA)
case(R, 'fail-vmss-nat-pool', snapshot([vmss(natpools=['ssh-pool']), subnet('nsg-sub'), nsg('nsg-sub', [rule('AllowSsh', 100)]),
                                 pip('pip-lb', nic=None, addr='20.50.60.99'), lb(natpools=[('ssh-pool', 50000, 50099, 22, 'Tcp')])]),
     "FAIL ss1 ~ TCP 22 (SSH) (frontend port 50000-50099) reachable at pip-lb (20.50.60.99)")
case(R, 'pass-vmss-instance-ip-standard', snapshot([vmss(inst_pip=True, inst_sku='Standard'), subnet(None)]), "PASS ss1 ~ pub1 (per instance)")
# A load balancer trimmed of what the scale set's NAT pool reference needs
# (its properties, the pool, the pool's protocol, its frontend's settings)
# may forward SSH from a public frontend: each passed with 'no public IP'.
def lb_trimmed(what):
    l = lb(natpools=[('ssh-pool', 50000, 50099, 22, 'Tcp')])
    if what == 'lb': del l['properties']
    elif what == 'pool': l['properties']['inboundNatPools'] = []
    elif what == 'protocol': del l['properties']['inboundNatPools'][0]['properties']['protocol']
    elif what == 'frontend': del l['properties']['frontendIPConfigurations'][0]['properties']
    return snapshot([vmss(natpools=['ssh-pool']), subnet('nsg-sub'), nsg('nsg-sub', [rule('AllowSsh', 100)]),
                     pip('pip-lb', nic=None, addr='20.50.60.99'), l])
case(R, 'unknown-lb-trimmed', lb_trimmed('lb'), "UNKNOWN ss1 ~ load balancer lb1 has no properties (its rules are not known)")
case(R, 'unknown-lb-nat-pool-trimmed', lb_trimmed('pool'),
     "UNKNOWN ss1 ~ load balancer lb1 does not hold ssh-pool, which an IP configuration names")
case(R, 'unknown-lb-nat-pool-protocol-trimmed', lb_trimmed('protocol'),
     "UNKNOWN ss1 ~ rule ssh-pool of load balancer lb1 has no readable protocol")
case(R, 'unknown-lb-frontend-trimmed', lb_trimmed('frontend'),
     "UNKNOWN ss1 ~ rule ssh-pool of load balancer lb1 names a frontend whose settings cannot be read")
# Instance IPs whose configuration names no SKU, with neither NSG: a Uniform
# scale set cannot name one, and scale sets default to Basic, which admits
# every port: not a PASS.
case(R, 'unknown-vmss-instance-ip-no-sku', snapshot([vmss(inst_pip=True), subnet(None)]),
     "UNKNOWN ss1 ~ instance public IP configuration pub1 names no sku.name")
case(R, 'fail-vmss-instance-ip-basic', snapshot([vmss(inst_pip=True, inst_sku='Basic'), subnet(None)]),
     "FAIL ss1 ~ TCP 22 (SSH) reachable at pub1 (per instance)")
case(R, 'unknown', world(None, [rule('AllowSsh', 100)], with_subnet=False), "UNKNOWN vm1 ~ its NSG is not known\n" + NA)
case(R, 'unknown-nsg-missing', snapshot([vm(), nic(nsg_name='nsg-gone'), pip(), subnet(None)]),
     "UNKNOWN vm1 ~ NSG nsg-gone is not in the input\n" + NA)

# ---- the other service families ----
for R, port, label in [('AZA-NET-029', '5985', 'TCP 5985 (WinRM)'), ('AZA-NET-030', '445', 'TCP 445 (SMB)'),
                       ('AZA-NET-031', '1433', 'TCP 1433 (SQL Server)'), ('AZA-NET-032', '6443', 'TCP 6443 (Kubernetes API)')]:
    case(R, 'pass', world([rule('AllowHttps', 100, port='443')], None), "PASS vm1\n" + NA)
    case(R, 'fail', world([rule('AllowSvc', 100, port=port)], None), f"FAIL vm1 ~ {label} reachable at pip1\n" + NA)
    case(R, 'unknown', world(None, [rule('AllowSvc', 100, port=port)], with_subnet=False), "UNKNOWN vm1 ~ subnet web is not in the input\n" + NA)
    case(R, 'pass-unattached-nic', snapshot([nic(vm=None), pip(), subnet('nsg-sub'), nsg('nsg-sub', [rule('AllowHttps', 100, port='443')])]),
         "PASS nic1")

# ---- gaps filled: firewall policy DNAT, IP-based pools, floating IP, VM NIC configurations ----
FW_ID = nid('azureFirewalls', 'fw1'); POL_ID = nid('firewallPolicies', 'pol1'); BASE_ID = nid('firewallPolicies', 'pol-base')
def firewall(policy=POL_ID):
    return {"name": "fw1", "id": FW_ID, "type": N + "/azureFirewalls", "location": "westeurope",
            "properties": {"sku": {"name": "AZFW_VNet", "tier": "Standard"}, "threatIntelMode": "Alert",
                "ipConfigurations": [{"name": "ipconfig1", "id": FW_ID + '/azureFirewallIpConfigurations/ipconfig1', "properties": {
                    "subnet": {"id": nid('virtualNetworks', 'vnet1', 'subnets', 'AzureFirewallSubnet')},
                    "publicIPAddress": {"id": nid('publicIPAddresses', 'pip-fw')}}}],
                "firewallPolicy": {"id": policy}}}
def policy(pid=POL_ID, name='pol1', base=None):
    p = {"name": name, "id": pid, "type": N + "/firewallPolicies", "location": "westeurope",
         "properties": {"threatIntelMode": "Alert", "ruleCollectionGroups": [{"id": pid + '/ruleCollectionGroups/rcg1'}]}}
    if base: p['properties']['basePolicy'] = {"id": base}
    return p
def rcg(pid=POL_ID, rules=(), name='rcg1'):
    return {"name": name, "id": pid + '/ruleCollectionGroups/' + name, "type": N + "/firewallPolicies/ruleCollectionGroups",
            "properties": {"priority": 100, "ruleCollections": [{"name": "Inbound-NAT", "priority": 100,
                "ruleCollectionType": "FirewallPolicyNatRuleCollection", "action": {"type": "DNAT"}, "rules": list(rules)}]}}
def natrule(name='rdp-vm1', src=("*",), groups=(), dport='50001', to='10.0.1.4', tport='3389'):
    return {"name": name, "ruleType": "NatRule", "ipProtocols": ["TCP"], "sourceAddresses": list(src), "sourceIpGroups": list(groups),
            "destinationAddresses": ["20.50.60.77"], "destinationPorts": [dport], "translatedAddress": to, "translatedPort": tport}
def fw_world(rules, extra=()):
    return snapshot([vm(), nic(pip_name=None), subnet(None), pip('pip-fw', nic=None, addr='20.50.60.77'), firewall(), policy(),
                     rcg(rules=rules)] + list(extra))
R = 'AZA-NET-027'
case(R, 'fail-firewall-policy-dnat', fw_world([natrule()]),
     "FAIL vm1 ~ TCP 3389 (RDP) (frontend port 50001) reachable at pip-fw (20.50.60.77) (ip configuration ipconfig1) from any internet address: firewall DNAT rule fw1 policy pol1/rcg1/Inbound-NAT/rdp-vm1\n" + NA)
case(R, 'fail-firewall-base-policy-dnat',
     snapshot([vm(), nic(pip_name=None), subnet(None), pip('pip-fw', nic=None, addr='20.50.60.77'), firewall(),
               policy(base=BASE_ID), rcg(rules=[]), policy(BASE_ID, 'pol-base'), rcg(BASE_ID, [natrule('rdp-base')])]),
     "FAIL vm1 ~ firewall DNAT rule fw1 policy pol-base/rcg1/Inbound-NAT/rdp-base\n" + NA)
case(R, 'pass-firewall-policy-dnat-allowlisted', fw_world([natrule(src=("203.0.113.0/24",))]),
     "PASS vm1 ~ only allow-listed sources: TCP 3389 (RDP) (frontend port 50001)\n" + NA)
case(R, 'pass-firewall-policy-dnat-other-port', fw_world([natrule(tport='443', dport='443')]), "PASS vm1 ~ public frontends: pip-fw\n" + NA)
# A deployed firewall, rule collection group, collection or DNAT rule
# trimmed of what says where it forwards is not known, not free of DNAT:
# each passed with 'no DNAT rule reaches it'.
def fw_trimmed(what):
    w = fw_world([natrule(src=("203.0.113.0/24",))])
    for r in w['resources']:
        if what == 'firewall' and r['name'] == 'fw1': del r['properties']
        if r['name'] != 'rcg1': continue
        col = r['properties']['ruleCollections'][0]
        if what == 'rcg': del r['properties']
        elif what == 'ruleCollectionType': del col['ruleCollectionType']
        elif what == 'sources': del col['rules'][0]['sourceAddresses']; del col['rules'][0]['sourceIpGroups']
        elif what != 'firewall': del col['rules'][0][what]
    return w
case(R, 'unknown-firewall-trimmed', fw_trimmed('firewall'),
     "UNKNOWN vm1 ~ firewall fw1: it has no properties (its DNAT rules are not known)\n" + NA)
case(R, 'unknown-firewall-policy-rcg-trimmed', fw_trimmed('rcg'),
     "UNKNOWN vm1 ~ rule collection group rcg1 of firewall policy pol1 has no properties\n" + NA)
case(R, 'unknown-firewall-policy-collection-type-trimmed', fw_trimmed('ruleCollectionType'),
     "UNKNOWN vm1 ~ rule collection Inbound-NAT of firewall policy pol1/rcg1 has no ruleCollectionType\n" + NA)
case(R, 'unknown-firewall-policy-dnat-sources-trimmed', fw_trimmed('sources'),
     "UNKNOWN vm1 ~ DNAT rule fw1 policy pol1/rcg1/Inbound-NAT/rdp-vm1 names no source address or IP group\n" + NA)
case(R, 'unknown-firewall-policy-dnat-protocols-trimmed', fw_trimmed('ipProtocols'),
     "UNKNOWN vm1 ~ DNAT rule fw1 policy pol1/rcg1/Inbound-NAT/rdp-vm1 names no protocol in ipProtocols\n" + NA)
case(R, 'unknown-firewall-policy-dnat-port-trimmed', fw_trimmed('destinationPorts'),
     "UNKNOWN vm1 ~ DNAT rule fw1 policy pol1/rcg1/Inbound-NAT/rdp-vm1 names no readable destination port\n" + NA)
case(R, 'unknown-firewall-policy-dnat-target-trimmed', fw_trimmed('translatedAddress'),
     "UNKNOWN vm1 ~ DNAT rule fw1 policy pol1/rcg1/Inbound-NAT/rdp-vm1 has no translatedAddress (its target is not known)\n" + NA)
case(R, 'unknown-firewall-policy-ipgroup-missing', fw_world([natrule(src=(), groups=(nid('ipGroups', 'ipg-partners'),))]),
     "UNKNOWN vm1 ~ IP group ipg-partners of DNAT rule fw1 policy pol1/rcg1/Inbound-NAT/rdp-vm1 is not in the input\n" + NA)
case(R, 'fail-firewall-policy-ipgroup', fw_world([natrule(src=(), groups=(nid('ipGroups', 'ipg-any'),))],
     [{"name": "ipg-any", "id": nid('ipGroups', 'ipg-any'), "type": N + "/ipGroups", "location": "westeurope",
       "properties": {"ipAddresses": ["0.0.0.0/0"]}}]),
     "FAIL vm1 ~ from 3702390784 internet IPv4 addresses (IPv4 only): firewall DNAT rule fw1 policy pol1/rcg1/Inbound-NAT/rdp-vm1\n" + NA)
def flexvm(sku='Basic', nsg_name=None):
    v = vm()
    ipc = {"name": "ipconfig1", "properties": {"primary": True, "subnet": {"id": SUBNET_ID},
           "publicIPAddressConfiguration": {"name": "vm1-pip", "properties": {"deleteOption": "Delete"}, "sku": {"name": sku, "tier": "Regional"}}}}
    nc = {"name": "vm1-nic", "properties": {"primary": True, "deleteOption": "Delete", "ipConfigurations": [ipc]}}
    if nsg_name: nc['properties']['networkSecurityGroup'] = {"id": nid('networkSecurityGroups', nsg_name)}
    v['properties']['networkProfile'] = {"networkApiVersion": "2020-11-01", "networkInterfaceConfigurations": [nc]}
    return v
case(R, 'fail-vm-nic-configurations', snapshot([flexvm('Basic'), subnet(None)]),
     "FAIL vm1 ~ TCP 3389 (RDP) reachable at vm1-pip (per instance)")
case(R, 'pass-vm-nic-configurations-standard', snapshot([flexvm('Standard'), subnet(None)]), "PASS vm1 ~ vm1-pip (per instance)")
case(R, 'pass-vm-nic-configurations-nsg', snapshot([flexvm('Basic', 'nsg-nic'), subnet(None), nsg('nsg-nic', [rule('AllowHttps', 100, port='443')])]),
     "PASS vm1 ~ no internet path reaches")
case(R, 'unknown-vm-nic-configurations-nsg-missing', snapshot([flexvm('Basic', 'nsg-gone'), subnet(None)]),
     "UNKNOWN vm1 ~ NSG nsg-gone is not in the input")
# Every VM has a network interface: a networkProfile naming none (no
# networkInterfaces, no configurations) is a trimmed export, not a VM
# without a public IP.
def nicless_vm():
    v = flexvm('Basic')
    del v['properties']['networkProfile']['networkInterfaceConfigurations']
    return v
case(R, 'unknown-vm-network-profile-trimmed', snapshot([nicless_vm(), subnet(None)]),
     "UNKNOWN vm1 ~ networkProfile names no network interface: the VM's network interfaces are not known")

R = 'AZA-NET-028'
def iplb(rules, floating=False, addr='10.0.1.4'):
    l = lb(rules=rules)
    pool = l['properties']['backendAddressPools'][0]
    pool['properties']['loadBalancerBackendAddresses'] = [{"name": "addr1", "properties": {"ipAddress": addr,
        "virtualNetwork": {"id": nid('virtualNetworks', 'vnet1')}}}]
    for r in l['properties']['loadBalancingRules']: r['properties']['enableFloatingIP'] = floating
    return l
case(R, 'fail-lb-ip-based-pool', snapshot([vm(), nic(pip_name=None), subnet('nsg-sub'), nsg('nsg-sub', [rule('AllowSsh', 100)]),
                                           pip('pip-lb', nic=None, addr='20.50.60.99'), iplb([('ssh', 2222, 22, 'Tcp')])]),
     "FAIL vm1 ~ TCP 22 (SSH) (frontend port 2222) reachable at pip-lb (20.50.60.99) (ip configuration ipconfig1) from any internet address: load-balancing rule lb1/ssh -> subnet NSG nsg-sub rule AllowSsh (priority 100)\n" + NA)
case(R, 'pass-lb-ip-based-pool-other-address', snapshot([vm(), nic(pip_name=None), subnet('nsg-sub'), nsg('nsg-sub', [rule('AllowSsh', 100)]),
                                           pip('pip-lb', nic=None, addr='20.50.60.99'), iplb([('ssh', 2222, 22, 'Tcp')], addr='10.0.1.9')]),
     "PASS vm1 ~ no public IP, public load balancer frontend or DNAT rule reaches it\n" + NA)
case(R, 'fail-lb-floating-ip', snapshot([vm(), nic(pip_name=None, pools=[POOL]), subnet('nsg-sub'),
                                         nsg('nsg-sub', [rule('AllowSshToFrontend', 100, dst='20.50.60.99')]),
                                         pip('pip-lb', nic=None, addr='20.50.60.99'), iplb([('ssh', 22, 22, 'Tcp')], floating=True, addr='10.9.9.9')]),
     "FAIL vm1 ~ TCP 22 (SSH) reachable at pip-lb (20.50.60.99) (ip configuration ipconfig1) from any internet address: load-balancing rule lb1/ssh -> subnet NSG nsg-sub rule AllowSshToFrontend (priority 100)\n" + NA)
case(R, 'pass-lb-floating-ip-private-destination', snapshot([vm(), nic(pip_name=None, pools=[POOL]), subnet('nsg-sub'),
                                         nsg('nsg-sub', [rule('AllowSshToSubnet', 100, dst='10.0.1.0/24'), rule('AllowSshToVnet', 110, dst='VirtualNetwork')]),
                                         pip('pip-lb', nic=None, addr='20.50.60.99'), iplb([('ssh', 22, 22, 'Tcp')], floating=True, addr='10.9.9.9')]),
     "PASS vm1 ~ public frontends: pip-lb (20.50.60.99)\n" + NA)
# A load-balancing rule without properties (a trimmed export) names no pool
# and may forward to any of the load balancer's: it passed.
def lbrule_trimmed():
    l = iplb([('ssh', 22, 22, 'Tcp')], floating=True, addr='10.9.9.9')
    del l['properties']['loadBalancingRules'][0]['properties']
    return l
case(R, 'unknown-lb-rule-trimmed', snapshot([vm(), nic(pip_name=None, pools=[POOL]), subnet('nsg-sub'),
                                            nsg('nsg-sub', [rule('AllowSshToSubnet', 100, dst='10.0.1.0/24')]),
                                            pip('pip-lb', nic=None, addr='20.50.60.99'), lbrule_trimmed()]),
     "UNKNOWN vm1 ~ rule ssh of load balancer lb1 names no backend pool\n" + NA)

# floating IP, the frontend's address not in the input (a dynamic public IP not yet allocated): an
# Allow to that one address is taken to apply, so what it admits is UNKNOWN, naming the rule
def noaddr_pip(name, **kw):
    p = pip(name, **kw); p['properties'].pop('ipAddress'); p['properties']['publicIPAllocationMethod'] = 'Dynamic'
    return p
case(R, 'unknown-lb-floating-ip-frontend-address-missing', snapshot([vm(), nic(pip_name=None, pools=[POOL]), subnet('nsg-sub'),
                                         nsg('nsg-sub', [rule('AllowSshToFrontend', 100, dst='20.50.60.99')]),
                                         noaddr_pip('pip-lb', nic=None), iplb([('ssh', 22, 22, 'Tcp')], floating=True, addr='10.9.9.9')]),
     "UNKNOWN vm1 ~ the address of public IP pip-lb (floating IP) is not in the input: rule AllowSshToFrontend (priority 100) of NSG nsg-sub was counted as applying\n" + NA)

# members named only on the load balancer's side (backendIPConfigurations, a NAT rule's
# backendIPConfiguration): the NIC names neither pool nor rule nor public IP
IC1 = nid('networkInterfaces', 'nic1') + '/ipConfigurations/ipconfig1'
def lbside(rules=(), nats=()):
    l = lb(rules=rules, nats=nats)
    l['properties']['backendAddressPools'][0]['properties']['backendIPConfigurations'] = [{"id": IC1}]
    for r in l['properties']['inboundNatRules']: r['properties']['backendIPConfiguration'] = {"id": IC1}
    return l
case(R, 'fail-lb-pool-named-by-lb-only', snapshot([vm(), nic(pip_name=None), subnet('nsg-sub'), nsg('nsg-sub', [rule('AllowSsh', 100)]),
                                                   pip('pip-lb', nic=None, addr='20.50.60.99'), lbside(rules=[('ssh', 2222, 22, 'Tcp')])]),
     "FAIL vm1 ~ TCP 22 (SSH) (frontend port 2222) reachable at pip-lb (20.50.60.99) (ip configuration ipconfig1) from any internet address: load-balancing rule lb1/ssh -> subnet NSG nsg-sub rule AllowSsh (priority 100)\n" + NA)
case(R, 'fail-lb-nat-named-by-lb-only', snapshot([vm(), nic(pip_name=None), subnet('nsg-sub'), nsg('nsg-sub', [rule('AllowSsh', 100)]),
                                                  pip('pip-lb', nic=None, addr='20.50.60.99'), lbside(nats=[('ssh-vm1', 50022, 22, 'Tcp')])]),
     "FAIL vm1 ~ TCP 22 (SSH) (frontend port 50022) reachable at pip-lb (20.50.60.99) (ip configuration ipconfig1) from any internet address: inbound NAT rule lb1/ssh-vm1\n" + NA)
# an address two NICs share (in different virtual networks): the DNAT rule reaches the one read last
case('AZA-NET-027', 'fail-firewall-dnat-address-shared', fw_world([natrule()], extra=(vm('vm2', nics=('nic2',)), nic('nic2', vm='vm2', pip_name=None))),
     "FAIL vm2 ~ firewall DNAT rule fw1 policy pol1/rcg1/Inbound-NAT/rdp-vm1\n" + NA + "\nNOT_APPLICABLE nic2 ~ attached to VM vm2\n"
     "PASS vm1 ~ no public IP, public load balancer frontend or DNAT rule reaches it")

# ---- NSGs with a rule value that cannot be read ----
# A value the NSG evaluator cannot read (here a source that is neither a
# prefix nor a tag: a template expression left in an export) no longer
# leaves every path through the NSG unjudged: the NSG is read between its
# two bounds (aza_nsg_load_bound), the rule as the widest Allow it may be
# and as the widest Deny. What the Deny reading still reaches is exposed
# whatever the value (FAIL), what the Allow reading does not reach is closed
# whatever it is (PASS), the rest is UNKNOWN naming the value.
R = 'AZA-NET-027'
ODD = "[parameters('adminSource')]"
ODD_TXT = "rule %s has source '" + ODD + "', neither an address prefix nor a service tag"
SSH_ODD = rule('SshAdmin', 100, src=ODD)
ADMIN_ODD = rule('Admin', 100, src=ODD, ports=['22', '3389'])
RDP = rule('AllowRdp', 200, port='3389', src='Internet')
RDP_PATH = "TCP 3389 (RDP) reachable at pip1 (20.50.60.10) (ip configuration ipconfig1) from any internet address: public IP pip1 (20.50.60.10) -> "
WHATEVER = ", whatever the value that could not be read (NSG %s: " + ODD_TXT + ")"
for where, sub, nic_ in [('nic', None, 'x'), ('subnet', 'x', None)]:
    lvl = 'NIC' if where == 'nic' else 'subnet'
    nname = 'nsg-nic' if where == 'nic' else 'nsg-sub'
    def w(rules):
        return world(rules if sub else None, rules if nic_ else None)
    hops = lambda r, p: ("no subnet NSG -> NIC NSG nsg-nic rule %s (priority %s)" if where == 'nic' else
                         "subnet NSG nsg-sub rule %s (priority %s) -> no NIC NSG") % (r, p)
    case(R, f'fail-{where}-nsg-unreadable-ssh-source', w([SSH_ODD, RDP]),
         f"FAIL vm1 ~ {RDP_PATH}{hops('AllowRdp', 200)}" + WHATEVER % (nname, 'SshAdmin') + "\n" + NA)
    case(R, f'pass-{where}-nsg-unreadable-ssh-source', w([SSH_ODD]),
         "PASS vm1 ~ no internet path reaches TCP 3389 (RDP), UDP 3389 (RDP) (public frontends: pip1 (20.50.60.10))"
         + WHATEVER % (nname, 'SshAdmin') + "\n" + NA)
    case(R, f'unknown-{where}-nsg-unreadable-admin-source', w([ADMIN_ODD]),
         f"UNKNOWN vm1 ~ {RDP_PATH}{hops('Admin', 100)}, but it depends on a value of NSG {nname} that could not be read: "
         + ODD_TXT % 'Admin' + "\n" + NA)
# Both NSGs must allow: the NIC NSG's Allow with the subnet NSG's lower
# bound is a FAIL; with its upper bound only, UNKNOWN.
case(R, 'fail-subnet-nsg-unreadable-nic-nsg-allows', world([SSH_ODD, RDP], [rule('AllowRdpNic', 120, port='3380-3390')]),
     "FAIL vm1 ~ " + RDP_PATH + "subnet NSG nsg-sub rule AllowRdp (priority 200) -> NIC NSG nsg-nic rule AllowRdpNic (priority 120)"
     + WHATEVER % ('nsg-sub', 'SshAdmin') + "\n" + NA)
case(R, 'unknown-subnet-nsg-unreadable-nic-nsg-allows', world([ADMIN_ODD], [rule('AllowRdpNic', 120, port='3380-3390')]),
     "UNKNOWN vm1 ~ " + RDP_PATH + "subnet NSG nsg-sub rule Admin (priority 100) -> NIC NSG nsg-nic rule AllowRdpNic (priority 120), "
     "but it depends on a value of NSG nsg-sub that could not be read: " + ODD_TXT % 'Admin' + "\n" + NA)
# An unknown protocol on a Deny (an export from a newer API), and a priority
# that cannot be read: the rule is read first, its priority named as not known.
case(R, 'fail-nsg-deny-unknown-protocol-other-port', world([rule('DenyOdd', 100, 'Deny', proto='Sctp', port='22'), RDP], None),
     "FAIL vm1 ~ " + RDP_PATH + "subnet NSG nsg-sub rule AllowRdp (priority 200) -> no NIC NSG, whatever the value that could not be "
     "read (NSG nsg-sub: rule DenyOdd has an unknown protocol 'Sctp')\n" + NA)
case(R, 'unknown-nsg-deny-unknown-protocol', world([rule('DenyOdd', 100, 'Deny', proto='Sctp', port='3389'), RDP], None),
     "UNKNOWN vm1 ~ " + RDP_PATH + "subnet NSG nsg-sub rule AllowRdp (priority 200) -> no NIC NSG, but it depends on a value of NSG "
     "nsg-sub that could not be read: rule DenyOdd has an unknown protocol 'Sctp'\n" + NA)
case(R, 'unknown-nsg-priority-unreadable', world([rule('Weird', 'high', port='3389')], None),
     "UNKNOWN vm1 ~ " + RDP_PATH + "subnet NSG nsg-sub rule Weird (priority not known) -> no NIC NSG, but it depends on a value of "
     "NSG nsg-sub that could not be read: rule Weird has no numeric priority\n" + NA)
# Through a load balancer to scale set instances (their address is not in
# the input): the bounds and the address's two readings together.
R = 'AZA-NET-028'
case(R, 'fail-vmss-nsg-unreadable-other-port', ssworld([rule('DenyOdd', 100, 'Deny', proto='Sctp', port='3389'), rule('AllowSsh', 200)]),
     "FAIL ss1 ~ TCP 22 (SSH) (frontend port 50000-50099) reachable at pip-lb (20.50.60.99) (ip configuration ipconfig1) from any internet address: inbound NAT pool lb1/ssh-pool -> subnet NSG nsg-sub rule AllowSsh (priority 200) -> no NIC NSG, whatever the value that could not be read "
     "(NSG nsg-sub: rule DenyOdd has an unknown protocol 'Sctp')")
case(R, 'unknown-vmss-nsg-unreadable-and-address', ssworld([rule('DenyWebPart', 100, 'Deny', dst='10.0.1.0/26'), rule('AllowSsh', 200, src=ODD)]),
     "UNKNOWN ss1 ~ but the private address of ip configuration ipconfig1 (in subnet web: 10.0.1.0/24) is not in the input: rule DenyWebPart "
     "(priority 100) of NSG nsg-sub was not counted as blocking; it depends on a value of NSG nsg-sub that could not be read: " + ODD_TXT % 'AllowSsh')
case(R, 'pass-vmss-nsg-unreadable-deny-subnet', ssworld([rule('DenyWebSubnet', 100, 'Deny', dst='10.0.1.0/24'), rule('AllowSsh', 200, src=ODD)]),
     "PASS ss1 ~ public frontends: pip-lb (20.50.60.99))" + WHATEVER % ('nsg-sub', 'AllowSsh'))

# A VM with two NICs, each with a public IP and an NSG read between its
# bounds: the FAIL through nic2 names the value nic2's NSG could not read,
# not nic1's (the old note named every bounded NSG on the VM's paths).
WEB_ODD = rule('WebOdd', 100, src=ODD, port='8080')
NA2 = "\nNOT_APPLICABLE nic2 ~ attached to VM vm1"
TWO_NICS = snapshot([vm(nics=('nic1', 'nic2')), nic(nsg_name='nsg-nic'), pip(),
                     nic('nic2', pip_name='pip2', nsg_name='nsg-nic2', ip='10.0.1.5'), pip('pip2', addr='20.50.60.11', nic='nic2'),
                     subnet(), nsg('nsg-nic', [SSH_ODD]), nsg('nsg-nic2', [WEB_ODD, RDP])])
case('AZA-NET-027', 'fail-two-nics-nsg-unreadable-each', TWO_NICS,
     "FAIL vm1 ~ TCP 3389 (RDP) reachable at pip2 (20.50.60.11) (ip configuration ipconfig1) from any internet address: public IP pip2 "
     "(20.50.60.11) -> no subnet NSG -> NIC NSG nsg-nic2 rule AllowRdp (priority 200)" + WHATEVER % ('nsg-nic2', 'WebOdd') + "\n" + NA + NA2)
# The PASS rests on every path of the VM: both NSGs are named.
case('AZA-NET-029', 'pass-two-nics-nsg-unreadable-each', TWO_NICS,
     "PASS vm1 ~ no internet path reaches TCP 5985-5986 (WinRM), TCP 23 (Telnet) (public frontends: pip1 (20.50.60.10), pip2 (20.50.60.11)), "
     "whatever the value that could not be read (NSG nsg-nic2: " + ODD_TXT % 'WebOdd' + "; NSG nsg-nic: " + ODD_TXT % 'SshAdmin' + ")\n" + NA + NA2)
# A scale set's address not in the input is what the UNKNOWN rests on; the
# NSG's rule with a value not read is for another subnet (it applies to no
# address of this one), so its bounds admit the same: the note does not
# name it (it did; tests/exposure checks the note).
R = 'AZA-NET-028'
case(R, 'unknown-vmss-address-nsg-unreadable-elsewhere',
     ssworld([rule('DenyWebPart', 100, 'Deny', dst='10.0.1.0/26'), rule('AllowSsh', 200), rule('OddElsewhere', 300, src=ODD, port='3389', dst='10.0.2.0/24')]),
     "UNKNOWN ss1 ~ but the private address of ip configuration ipconfig1 (in subnet web: 10.0.1.0/24) is not in the input: rule DenyWebPart "
     "(priority 100) of NSG nsg-sub was not counted as blocking")

# ---- the report tests' exposure input (tests/report/exposure.json): an
# injected VM name and NSG rule name that the HTML report must show as text ----
EVIL = '<img src=x onerror=alert(1)>'
def report_fixture():
    v = vm(name=EVIL)
    n = nic(nsg_name='nsg-nic', vm=EVIL)
    r = rule(EVIL, 120, port='3380-3390')
    res = [v, n, pip(), subnet('nsg-sub'), nsg('nsg-sub', [rule('AllowRdp', 100, port='3389', src='Internet'), rule('AllowSsh', 110)]),
           nsg('nsg-nic', [r, rule('AllowSshNic', 130)]),
           vm('vm2', nics=('nic2',)), nic('nic2', vm='vm2', pip_name=None, pools=[POOL], ip='10.0.1.5'),
           pip('pip-lb', nic=None, addr='20.50.60.99'), lb(rules=[('ssh', 2222, 22, 'Tcp')])]
    path = os.path.join(ROOT, '..', 'report', 'exposure.json')
    with open(path, 'w') as f: json.dump(snapshot(res), f, indent=1); f.write('\n')
report_fixture()
