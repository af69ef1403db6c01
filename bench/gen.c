/*
 * gen.c - writes a synthetic tenant snapshot for the benchmark: a realistic,
 * referentially consistent mix of resource types and sizes, deterministic
 * for a given count, streamed to standard output in constant memory.
 *
 * usage: gen N > tenant.json     (N resources, pretty-printed like `az`)
 *        gen N --jsonl > tenant.jsonl
 *
 * Why: the scan's cost is not only bytes parsed. Rules join resources (a VM
 * to its disks and NICs, a server to its auditing settings, a vault to its
 * diagnostic settings) and the exposure model follows NIC -> subnet -> NSG,
 * public IP and load balancer. A tenant whose references dangle measures a
 * scan that has nothing to join, so every reference here points at a
 * resource that is in the output.
 *
 * Mix (share of the N resources, measured at N = 100k):
 *   34%  compute units: NIC, OS disk and VM, consecutive and referring to
 *        one another (VM networkProfile -> NIC, VM osDisk -> disk, NIC
 *        virtualMachine -> VM, disk managedBy -> VM); the NIC is in a subnet
 *        of a VNet already written, about half the NICs have an NSG, and 5%
 *        of units add a public IP on the NIC; with them 1.3% unattached
 *        disks (about 10% of all disks)
 *    5%  load balancer units (0.5% load balancers): a public IP, 2 or 3
 *        compute units whose NICs are in the backend pool (both sides list
 *        it), then the Standard load balancer: TCP 443 to the pool, inbound
 *        NAT 50022 -> 22 to the first NIC
 *    6%  NSGs (random rules: some open SSH, RDP, databases to the internet)
 *    2%  VNets with 2-4 subnets inline, 9 in 10 with an NSG already written
 *    6%  storage accounts
 *  4.5%  key vaults (3%: soft delete, purge protection, RBAC, public access
 *        and firewall varied), half followed by a diagnostic setting
 *    9%  SQL servers (2%) with 1-2 databases, their auditing settings and,
 *        for most, 1-2 firewall rules (some 0.0.0.0-255.255.255.255)
 *    4%  App Service sites (TLS, FTPS, HTTP/2, httpsOnly, runtimes varied)
 *    3%  role assignments (subscription or resource group scope)
 *  0.5%  resource locks (on a resource group or a key vault)
 *   26%  types no rule reads (among them the App Service plans and Log
 *        Analytics workspaces that sites and diagnostic settings refer to)
 *
 * Resources come in units written one after another. A unit lives in one
 * subscription (SUBS), resource group (300) and region (6); what it refers
 * to outside itself is the latest NSG, VNet, storage account, workspace,
 * plan or vault written in the same subscription and region, remembered in
 * a small fixed table (a unit whose prerequisite is missing writes that
 * prerequisite instead). Names come from the index of the unit's first
 * resource. When a unit would not fit in what is left of N, a single
 * resource of another type is written instead, so the count is exact.
 *
 * Shapes: property names and structure follow the example responses of the
 * Azure REST API specifications (network interfaces, public IPs, subnets,
 * NSGs, disks, VMs, storage accounts, key vaults, diagnostic settings, SQL
 * servers, auditing settings and firewall rules, web apps, role
 * assignments, management locks), and ARM GET bodies of virtual networks,
 * load balancers and SQL databases. The few varied properties those
 * examples leave out (a vault's enablePurgeProtection, enableRbacAuthorization
 * and softDeleteRetentionInDays, a SQL server's minimalTlsVersion, a public
 * IP's sku and ipAddress) are named as in the API definitions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long rng = 88172645463325252ull;
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* A GUID-shaped string from a seed, without touching rnd()'s sequence. */
static void guid(char *out, unsigned long long seed)
{
	unsigned long long a = seed * 0x9e3779b97f4a7c15ull + 0x632be59bd9b4e019ull, b;
	a = (a ^ (a >> 30)) * 0xbf58476d1ce4e5b9ull;
	a = (a ^ (a >> 27)) * 0x94d049bb133111ebull;
	a ^= a >> 31;
	b = (a ^ 0xda942042e4dd58b5ull) * 0x9e3779b97f4a7c15ull;
	b ^= b >> 29;
	sprintf(out, "%08llx-%04llx-4%03llx-%04llx-%012llx", a >> 32, (a >> 16) & 0xffff, a & 0xfff,
	        0x8000 | ((b >> 48) & 0x3fff), b & 0xffffffffffffull);
}

static const char *const regions[] = {"westeurope", "northeurope", "eastus", "eastus2", "westus2", "uksouth"};
static int jsonl;
static const char *ind(void) { return jsonl ? "" : "\n    "; }

#define SUBS 8
#define RGS 300
#define NREG 6
#define TENANT "5f1c0b2e-7d3a-4c1e-9a8b-00000000be7c"

static void sub_id(char *out, unsigned i)
{
	sprintf(out, "%08x-1111-4222-8333-%012x", 0xa0000000u + (i % SUBS), i % SUBS);
}

/* What a unit may refer to outside itself: the latest resources of a few
 * types written in one subscription and region (ids, "" when none yet). */
#define NSGS 4
struct slot {
	char nsg[NSGS][256]; /* latest NSGs, newest first */
	unsigned nnsg;
	char vnet[256];
	unsigned oct, nsub, nics; /* the VNet's 10.oct.0.0/16, subnets, NICs placed */
	char st[256], st_name[32], ws[256], plan[256], kv[256];
};
static struct slot slots[SUBS * NREG];
static const char *const subnet_names[] = {"default", "app", "data", "mgmt"};

struct unit {
	unsigned b;   /* index of the unit's first resource */
	unsigned rg;  /* resource group rg-%03u */
	unsigned reg; /* region */
	char sub[40];
	struct slot *sl;
};

static void rid(char *out, const struct unit *u, const char *type, const char *name)
{
	sprintf(out, "/subscriptions/%s/resourceGroups/rg-%03u/providers/%s/%s", u->sub, u->rg, type, name);
}

/* Every resource is written between begin() and end(), which count them
 * and write the separators. */
static unsigned long emitted;
static void begin(void)
{
	if (!jsonl)
		printf(emitted ? ",\n  " : "  ");
	emitted++;
}
static void end(void)
{
	if (jsonl)
		putchar('\n');
}

/* A resource's opening (begin()) and the fields every resource has. */
static void common(const char *id, const char *name, const char *type, const struct unit *u, unsigned i)
{
	begin();
	printf("{%s\"id\": \"%s\",%s\"name\": \"%s\",%s\"type\": \"%s\",%s\"location\": \"%s\",%s\"tags\": {\"env\": \"%s\", \"owner\": \"team-%u\", \"costCenter\": \"cc-%u\"},",
	       ind(), id, ind(), name, ind(), type, ind(), regions[u->reg], ind(), i % 3 ? "prod" : "dev", i % 40, i % 97);
}

/* ------------------------------------------------------------- network */

static void nsg(const struct unit *u)
{
	char id[256], name[64];
	sprintf(name, "nsg-%u", u->b);
	rid(id, u, "Microsoft.Network/networkSecurityGroups", name);
	common(id, name, "Microsoft.Network/networkSecurityGroups", u, u->b);
	printf("%s\"properties\": {\"provisioningState\": \"Succeeded\", \"securityRules\": [", ind());
	unsigned n = 5 + rnd(45);
	static const char *ports[] = {"22", "3389", "443", "80", "1433", "20-30", "*", "8080-8090"};
	static const char *srcs[] = {"*", "Internet", "10.0.0.0/8", "VirtualNetwork", "203.0.113.0/24", "AzureLoadBalancer"};
	for (unsigned k = 0; k < n; k++)
		printf("%s%s  {\"name\": \"rule-%u\", \"id\": \"%s/securityRules/rule-%u\", \"properties\": {\"protocol\": \"%s\", "
		       "\"sourcePortRange\": \"*\", \"destinationPortRange\": \"%s\", \"sourceAddressPrefix\": \"%s\", "
		       "\"destinationAddressPrefix\": \"*\", \"access\": \"%s\", \"priority\": %u, \"direction\": \"%s\", "
		       "\"provisioningState\": \"Succeeded\"}}",
		       k ? "," : "", ind(), k, id, k, rnd(3) ? "Tcp" : "*", ports[rnd(8)], srcs[rnd(6)],
		       rnd(4) ? "Allow" : "Deny", 100 + k * 10, rnd(5) ? "Inbound" : "Outbound");
	printf("%s], \"defaultSecurityRules\": [", ind());
	static const char *defs[] = {"AllowVnetInBound", "AllowAzureLoadBalancerInBound", "DenyAllInBound",
	                             "AllowVnetOutBound", "AllowInternetOutBound", "DenyAllOutBound"};
	for (unsigned k = 0; k < 6; k++)
		printf("%s{\"name\": \"%s\", \"id\": \"%s/defaultSecurityRules/%s\", \"properties\": {\"description\": \"Default rule\", "
		       "\"protocol\": \"*\", \"sourcePortRange\": \"*\", \"destinationPortRange\": \"*\", \"sourceAddressPrefix\": \"*\", "
		       "\"destinationAddressPrefix\": \"*\", \"access\": \"%s\", \"priority\": %u, \"direction\": \"%s\"}}",
		       k ? ", " : "", defs[k], id, defs[k], k % 3 == 2 ? "Deny" : "Allow", 65000 + (k % 3 == 2 ? 500 : k % 3),
		       k < 3 ? "Inbound" : "Outbound");
	printf("]}}");
	end();
	struct slot *s = u->sl;
	memmove(s->nsg[1], s->nsg[0], sizeof s->nsg[0] * (NSGS - 1));
	strcpy(s->nsg[0], id);
	if (s->nnsg < NSGS)
		s->nnsg++;
}

/* A VNet with 2-4 subnets; 9 in 10 subnets have one of the slot's latest NSGs. */
static void vnet(const struct unit *u)
{
	static unsigned seq;
	char id[256], name[64], g[40];
	struct slot *s = u->sl;
	sprintf(name, "vnet-%u", u->b);
	rid(id, u, "Microsoft.Network/virtualNetworks", name);
	guid(g, u->b * 7ull + 1);
	s->oct = seq++ % 256;
	s->nsub = 2 + rnd(3);
	s->nics = 0;
	common(id, name, "Microsoft.Network/virtualNetworks", u, u->b);
	printf("%s\"properties\": {\"provisioningState\": \"Succeeded\", \"resourceGuid\": \"%s\", \"addressSpace\": {\"addressPrefixes\": [\"10.%u.0.0/16\"]}, \"subnets\": [",
	       ind(), g, s->oct);
	for (unsigned j = 0; j < s->nsub; j++) {
		char nsgref[300] = "";
		if (rnd(10))
			sprintf(nsgref, ", \"networkSecurityGroup\": {\"id\": \"%s\"}", s->nsg[j % s->nnsg]);
		printf("%s%s  {\"name\": \"%s\", \"id\": \"%s/subnets/%s\", \"properties\": {\"provisioningState\": \"Succeeded\", "
		       "\"addressPrefix\": \"10.%u.%u.0/24\"%s, \"delegations\": [], \"privateEndpointNetworkPolicies\": \"Disabled\", "
		       "\"privateLinkServiceNetworkPolicies\": \"Enabled\"}}",
		       j ? "," : "", ind(), subnet_names[j], id, subnet_names[j], s->oct, j, nsgref);
	}
	printf("%s], \"virtualNetworkPeerings\": [], \"enableDdosProtection\": false}}", ind());
	end();
	strcpy(s->vnet, id);
}

/* A public IP; ipc: the IP configuration (NIC or load balancer frontend) it is on. */
static void public_ip(const struct unit *u, unsigned b, const char *ipc, char *id)
{
	char name[64];
	int standard = rnd(10) < 7;
	sprintf(name, "pip-%u", b);
	rid(id, u, "Microsoft.Network/publicIPAddresses", name);
	common(id, name, "Microsoft.Network/publicIPAddresses", u, b);
	printf("%s\"sku\": {\"name\": \"%s\", \"tier\": \"Regional\"},%s\"properties\": {\"provisioningState\": \"Succeeded\", "
	       "\"ipAddress\": \"20.%u.%u.%u\", \"publicIPAddressVersion\": \"IPv4\", \"publicIPAllocationMethod\": \"%s\", "
	       "\"idleTimeoutInMinutes\": 4, \"ipConfiguration\": {\"id\": \"%s\"}, \"ddosSettings\": {\"protectionMode\": \"%s\"}, \"ipTags\": []}}",
	       ind(), standard ? "Standard" : "Basic", ind(), 40 + (b >> 16) % 64, (b >> 8) & 255, b & 255,
	       standard || rnd(2) ? "Static" : "Dynamic", ipc, rnd(5) ? "VirtualNetworkInherited" : "Enabled");
	end();
}

static void nic(const struct unit *u, const char *id, const char *name, unsigned b, const char *vm, const char *pip,
                const char *pool, const char *nat)
{
	struct slot *s = u->sl;
	unsigned c = s->nics++, j = c % s->nsub, host = 4 + (c / s->nsub) % 250;
	char pipref[300] = "", lbref[700] = "", nsgref[300] = "";
	if (pip)
		sprintf(pipref, "\"publicIPAddress\": {\"id\": \"%s\"}, ", pip);
	if (pool)
		sprintf(lbref, ", \"loadBalancerBackendAddressPools\": [{\"id\": \"%s\"}]", pool);
	if (nat)
		sprintf(lbref + strlen(lbref), ", \"loadBalancerInboundNatRules\": [{\"id\": \"%s\"}]", nat);
	if (rnd(2))
		sprintf(nsgref, "\"networkSecurityGroup\": {\"id\": \"%s\"}, ", s->nsg[0]);
	common(id, name, "Microsoft.Network/networkInterfaces", u, b);
	printf("%s\"properties\": {\"provisioningState\": \"Succeeded\", \"ipConfigurations\": [{\"name\": \"ipconfig1\", "
	       "\"id\": \"%s/ipConfigurations/ipconfig1\", \"properties\": {\"provisioningState\": \"Succeeded\", \"privateIPAddress\": \"10.%u.%u.%u\", "
	       "\"privateIPAllocationMethod\": \"Dynamic\", %s\"subnet\": {\"id\": \"%s/subnets/%s\"}, "
	       "\"primary\": true, \"privateIPAddressVersion\": \"IPv4\"%s}}], \"dnsSettings\": {\"dnsServers\": [], \"appliedDnsServers\": []}, "
	       "\"macAddress\": \"00-0D-3A-%02X-%02X-%02X\", \"enableAcceleratedNetworking\": true, \"enableIPForwarding\": false, %s"
	       "\"primary\": true, \"virtualMachine\": {\"id\": \"%s\"}}}",
	       ind(), id, s->oct, j, host, pipref, s->vnet, subnet_names[j], lbref, (b >> 16) & 255, (b >> 8) & 255, b & 255,
	       nsgref, vm);
	end();
}

/* A managed disk; vm: the VM it is attached to, or NULL (unattached). */
static void disk(const struct unit *u, const char *id, const char *name, unsigned b, unsigned gb, const char *vm)
{
	char managed[320] = "";
	if (vm)
		sprintf(managed, ", \"managedBy\": \"%s\"", vm);
	common(id, name, "Microsoft.Compute/disks", u, b);
	printf("%s\"sku\": {\"name\": \"Premium_LRS\", \"tier\": \"Premium\"},%s\"properties\": {%s"
	       "\"creationData\": {\"createOption\": \"%s\"}, \"diskSizeGB\": %u, \"diskIOPSReadWrite\": 500, "
	       "\"encryption\": {\"type\": \"%s\"}, \"networkAccessPolicy\": \"%s\", \"publicNetworkAccess\": \"%s\", "
	       "\"timeCreated\": \"2025-03-0%uT10:00:00Z\", \"provisioningState\": \"Succeeded\", \"diskState\": \"%s\", "
	       "\"diskSizeBytes\": %llu, \"uniqueId\": \"%08x-0000-0000-0000-000000000000\"%s}}",
	       ind(), ind(), vm ? "\"osType\": \"Linux\", " : "", vm ? "FromImage" : "Empty", gb,
	       rnd(4) ? "EncryptionAtRestWithPlatformKey" : "EncryptionAtRestWithCustomerKey",
	       rnd(3) ? "AllowAll" : "DenyAll", rnd(3) ? "Enabled" : "Disabled", 1 + rnd(9),
	       vm ? "Attached" : "Unattached", (unsigned long long)gb << 30, b, managed);
	end();
}

static void vm(const struct unit *u, const char *id, const char *name, unsigned b, const char *nicid,
               const char *diskid, const char *diskname, unsigned gb)
{
	common(id, name, "Microsoft.Compute/virtualMachines", u, b);
	printf("%s\"properties\": {\"vmId\": \"%08x-0000-4000-8000-000000000000\", \"hardwareProfile\": {\"vmSize\": \"Standard_D2s_v5\"}, "
	       "\"storageProfile\": {\"imageReference\": {\"publisher\": \"Canonical\", \"offer\": \"0001-com-ubuntu-server-jammy\", \"sku\": \"22_04-lts-gen2\", \"version\": \"latest\"}, "
	       "\"osDisk\": {\"osType\": \"Linux\", \"name\": \"%s\", \"createOption\": \"FromImage\", \"caching\": \"ReadWrite\", "
	       "\"managedDisk\": {\"storageAccountType\": \"Premium_LRS\", \"id\": \"%s\"}, \"diskSizeGB\": %u}, \"dataDisks\": []}, "
	       "\"osProfile\": {\"computerName\": \"vm%u\", \"adminUsername\": \"azureuser\", \"linuxConfiguration\": {\"disablePasswordAuthentication\": %s, "
	       "\"provisionVMAgent\": true, \"patchSettings\": {\"patchMode\": \"%s\", \"assessmentMode\": \"ImageDefault\"}}, "
	       "\"secrets\": [], \"allowExtensionOperations\": true}, \"networkProfile\": {\"networkInterfaces\": [{\"id\": \"%s\"}]}, "
	       "\"securityProfile\": {\"encryptionAtHost\": %s, \"securityType\": \"TrustedLaunch\", \"uefiSettings\": {\"secureBootEnabled\": true, \"vTpmEnabled\": true}}, "
	       "\"diagnosticsProfile\": {\"bootDiagnostics\": {\"enabled\": true}}, \"provisioningState\": \"Succeeded\"}}",
	       ind(), b, diskname, diskid, gb, b, rnd(8) ? "true" : "false", rnd(2) ? "AutomaticByPlatform" : "ImageDefault",
	       nicid, rnd(2) ? "true" : "false");
	end();
}

/* A compute unit with names from b: [pip-b,] nic-b, osdisk-b, vm-b. pool,
 * nat: the load balancer backend pool and NAT rule of the NIC, or NULL;
 * ipc (if not NULL) receives the NIC's IP configuration id. */
static void compute(const struct unit *u, unsigned b, int with_pip, const char *pool, const char *nat, char *ipc)
{
	char vmid[256], vmname[64], nicid[256], nicname[64], diskid[256], diskname[64], pip[256], ipcid[300];
	unsigned gb = 32u << rnd(5);
	sprintf(vmname, "vm-%u", b);
	sprintf(nicname, "nic-%u", b);
	sprintf(diskname, "osdisk-%u", b);
	rid(vmid, u, "Microsoft.Compute/virtualMachines", vmname);
	rid(nicid, u, "Microsoft.Network/networkInterfaces", nicname);
	rid(diskid, u, "Microsoft.Compute/disks", diskname);
	sprintf(ipcid, "%s/ipConfigurations/ipconfig1", nicid);
	if (with_pip)
		public_ip(u, b, ipcid, pip);
	nic(u, nicid, nicname, b, vmid, with_pip ? pip : NULL, pool, nat);
	disk(u, diskid, diskname, b, gb, vmid);
	vm(u, vmid, vmname, b, nicid, diskid, diskname, gb);
	if (ipc)
		strcpy(ipc, ipcid);
}

/* A public Standard load balancer unit: pip-b, m compute units (bases b+1,
 * b+4, ...) in its backend pool, then lb-b: TCP 443 to the pool, inbound NAT
 * 50022 -> 22 to the first NIC. */
static void load_balancer(const struct unit *u, unsigned m)
{
	char id[256], name[64], fe[300], pool[300], rule[300], probe[300], nat[300], pip[256], ipc[3][300];
	unsigned b = u->b;
	sprintf(name, "lb-%u", b);
	rid(id, u, "Microsoft.Network/loadBalancers", name);
	sprintf(fe, "%s/frontendIPConfigurations/fe-public", id);
	sprintf(pool, "%s/backendAddressPools/be-pool", id);
	sprintf(rule, "%s/loadBalancingRules/https", id);
	sprintf(probe, "%s/probes/https-probe", id);
	sprintf(nat, "%s/inboundNatRules/ssh-vm-%u", id, b + 1);
	public_ip(u, b, fe, pip);
	for (unsigned k = 0; k < m; k++)
		compute(u, b + 1 + 3 * k, 0, pool, k ? NULL : nat, ipc[k]);
	common(id, name, "Microsoft.Network/loadBalancers", u, b);
	printf("%s\"sku\": {\"name\": \"Standard\", \"tier\": \"Regional\"},%s\"properties\": {\"provisioningState\": \"Succeeded\", "
	       "\"frontendIPConfigurations\": [{\"name\": \"fe-public\", \"id\": \"%s\", \"properties\": {\"provisioningState\": \"Succeeded\", "
	       "\"privateIPAllocationMethod\": \"Dynamic\", \"publicIPAddress\": {\"id\": \"%s\"}, \"loadBalancingRules\": [{\"id\": \"%s\"}], "
	       "\"inboundNatRules\": [{\"id\": \"%s\"}]}}],%s\"backendAddressPools\": [{\"name\": \"be-pool\", \"id\": \"%s\", "
	       "\"properties\": {\"provisioningState\": \"Succeeded\", \"backendIPConfigurations\": [",
	       ind(), ind(), fe, pip, rule, nat, ind(), pool);
	for (unsigned k = 0; k < m; k++)
		printf("%s{\"id\": \"%s\"}", k ? ", " : "", ipc[k]);
	printf("], \"loadBalancingRules\": [{\"id\": \"%s\"}]}}],%s\"loadBalancingRules\": [{\"name\": \"https\", \"id\": \"%s\", "
	       "\"properties\": {\"provisioningState\": \"Succeeded\", \"frontendIPConfiguration\": {\"id\": \"%s\"}, \"frontendPort\": 443, "
	       "\"backendPort\": 443, \"enableFloatingIP\": false, \"idleTimeoutInMinutes\": 4, \"protocol\": \"Tcp\", \"loadDistribution\": \"Default\", "
	       "\"backendAddressPool\": {\"id\": \"%s\"}, \"probe\": {\"id\": \"%s\"}, \"disableOutboundSnat\": false, \"enableTcpReset\": false}}],"
	       "%s\"probes\": [{\"name\": \"https-probe\", \"id\": \"%s\", \"properties\": {\"provisioningState\": \"Succeeded\", \"protocol\": \"Tcp\", "
	       "\"port\": 443, \"intervalInSeconds\": 15, \"numberOfProbes\": 2, \"loadBalancingRules\": [{\"id\": \"%s\"}]}}],"
	       "%s\"inboundNatRules\": [{\"name\": \"ssh-vm-%u\", \"id\": \"%s\", \"properties\": {\"provisioningState\": \"Succeeded\", "
	       "\"frontendIPConfiguration\": {\"id\": \"%s\"}, \"backendIPConfiguration\": {\"id\": \"%s\"}, \"frontendPort\": 50022, "
	       "\"backendPort\": 22, \"enableFloatingIP\": false, \"idleTimeoutInMinutes\": 4, \"protocol\": \"Tcp\", \"enableTcpReset\": false}}],"
	       "%s\"outboundRules\": [], \"inboundNatPools\": []}}",
	       rule, ind(), rule, fe, pool, probe, ind(), probe, rule, ind(), b + 1, nat, fe, ipc[0], ind());
	end();
}

/* ------------------------------------------------------------- storage */

static void storage(const struct unit *u)
{
	char id[256], name[64];
	sprintf(name, "st%u", u->b);
	rid(id, u, "Microsoft.Storage/storageAccounts", name);
	common(id, name, "Microsoft.Storage/storageAccounts", u, u->b);
	printf("%s\"kind\": \"StorageV2\", \"sku\": {\"name\": \"%s\", \"tier\": \"Standard\"},%s\"properties\": {\"keyCreationTime\": "
	       "{\"key1\": \"2025-0%u-18T04:42:22Z\", \"key2\": \"2025-03-18T04:42:22Z\"}, \"allowBlobPublicAccess\": %s, "
	       "\"minimumTlsVersion\": \"%s\", \"allowSharedKeyAccess\": true, \"networkAcls\": {\"bypass\": \"AzureServices\", "
	       "\"virtualNetworkRules\": [], \"ipRules\": [], \"defaultAction\": \"%s\"}, \"supportsHttpsTrafficOnly\": %s, "
	       "\"encryption\": {\"services\": {\"file\": {\"keyType\": \"Account\", \"enabled\": true}, \"blob\": {\"keyType\": \"Account\", \"enabled\": true}}, "
	       "\"keySource\": \"Microsoft.Storage\"}, \"accessTier\": \"Hot\", \"provisioningState\": \"Succeeded\", "
	       "\"primaryEndpoints\": {\"blob\": \"https://%s.blob.core.windows.net/\", \"queue\": \"https://%s.queue.core.windows.net/\", "
	       "\"table\": \"https://%s.table.core.windows.net/\", \"file\": \"https://%s.file.core.windows.net/\"}, "
	       "\"primaryLocation\": \"%s\", \"statusOfPrimary\": \"available\"}}",
	       ind(), rnd(2) ? "Standard_LRS" : "Standard_GRS", ind(), 1 + rnd(9), rnd(3) ? "false" : "true",
	       rnd(5) ? "TLS1_2" : "TLS1_0", rnd(2) ? "Deny" : "Allow", rnd(8) ? "true" : "false", name, name, name, name,
	       regions[u->reg]);
	end();
	strcpy(u->sl->st, id);
	strcpy(u->sl->st_name, name);
}

/* ------------------------------------------------------------- key vault */

static void vault(const struct unit *u, char *id)
{
	char name[64], acls[300] = "", policies[600] = "", purge[64] = "";
	int rbac = rnd(2), soft = rnd(10) != 0, pna = rnd(3) != 0;
	sprintf(name, "kv-%u", u->b);
	rid(id, u, "Microsoft.KeyVault/vaults", name);
	switch (rnd(3)) {
	case 1:
		sprintf(acls, "\"networkAcls\": {\"bypass\": \"AzureServices\", \"defaultAction\": \"Allow\", \"ipRules\": [], \"virtualNetworkRules\": []}, ");
		break;
	case 2:
		sprintf(acls, "\"networkAcls\": {\"bypass\": \"AzureServices\", \"defaultAction\": \"Deny\", \"ipRules\": [{\"value\": \"%s\"}], \"virtualNetworkRules\": []}, ",
		        rnd(6) ? "203.0.113.0/24" : "0.0.0.0/0");
		break;
	}
	if (!rbac) {
		char oid[40];
		guid(oid, 1000000ull + rnd(500));
		sprintf(policies, "{\"tenantId\": \"%s\", \"objectId\": \"%s\", \"permissions\": {\"keys\": [\"get\", \"list\", \"wrapKey\", \"unwrapKey\"], "
		                  "\"secrets\": [\"get\", \"list\", \"set\", \"delete\"], \"certificates\": [\"get\", \"list\"]}}",
		        TENANT, oid);
	}
	if (soft && rnd(2))
		strcpy(purge, "\"enablePurgeProtection\": true, ");
	common(id, name, "Microsoft.KeyVault/vaults", u, u->b);
	printf("%s\"properties\": {\"sku\": {\"family\": \"A\", \"name\": \"%s\"}, \"tenantId\": \"%s\", %s\"accessPolicies\": [%s], "
	       "\"enabledForDeployment\": false, \"enabledForDiskEncryption\": %s, \"enabledForTemplateDeployment\": false, "
	       "\"enableSoftDelete\": %s, \"softDeleteRetentionInDays\": 90, \"enableRbacAuthorization\": %s, %s"
	       "\"vaultUri\": \"https://%s.vault.azure.net/\", \"provisioningState\": \"Succeeded\", \"publicNetworkAccess\": \"%s\"}}",
	       ind(), rnd(4) ? "standard" : "premium", TENANT, acls, policies, rnd(2) ? "true" : "false", soft ? "true" : "false",
	       rbac ? "true" : "false", purge, name, pna ? "Enabled" : "Disabled");
	end();
	strcpy(u->sl->kv, id);
}

/* A diagnostic setting of the resource `of`, to the slot's latest Log
 * Analytics workspace (or storage account). */
static void diag_setting(const struct unit *u, const char *of)
{
	const struct slot *s = u->sl;
	static const char *logs[] = {"\"categoryGroup\": \"audit\", \"enabled\": true", "\"categoryGroup\": \"allLogs\", \"enabled\": true",
	                             "\"category\": \"AuditEvent\", \"enabled\": true", "\"category\": \"AuditEvent\", \"enabled\": false"};
	char st[300] = "null";
	if (!*s->ws)
		sprintf(st, "\"%s\"", s->st);
	begin();
	printf("{%s\"id\": \"%s/providers/Microsoft.Insights/diagnosticSettings/send-to-%s\",%s\"type\": \"Microsoft.Insights/diagnosticSettings\",%s\"name\": \"send-to-%s\","
	       "%s\"properties\": {\"storageAccountId\": %s, \"workspaceId\": \"%s\", \"logs\": [{%s, \"retentionPolicy\": {\"enabled\": false, \"days\": 0}}], "
	       "\"metrics\": [{\"category\": \"AllMetrics\", \"enabled\": true, \"retentionPolicy\": {\"enabled\": false, \"days\": 0}}]}}",
	       ind(), of, *s->ws ? "workspace" : "storage", ind(), ind(), *s->ws ? "workspace" : "storage", ind(), st, s->ws,
	       logs[rnd(5) ? rnd(3) : 3]);
	end();
}

/* ------------------------------------------------------------- SQL */

static void sql_server(const struct unit *u, char *id)
{
	char name[64];
	static const char *tls[] = {"1.2", "1.2", "1.2", "1.2", "1.2", "1.2", "1.2", "1.2", "1.2", "1.2", "1.2",
	                            "1.3", "1.0", "1.0", "1.1", "1.1", "None", "None", "None", "None"};
	sprintf(name, "sql-%u", u->b);
	rid(id, u, "Microsoft.Sql/servers", name);
	common(id, name, "Microsoft.Sql/servers", u, u->b);
	printf("%s\"kind\": \"v12.0\",%s\"properties\": {\"fullyQualifiedDomainName\": \"%s.database.windows.net\", \"administratorLogin\": \"sqladmin\", "
	       "\"version\": \"12.0\", \"state\": \"Ready\", \"minimalTlsVersion\": \"%s\", \"publicNetworkAccess\": \"%s\", "
	       "\"restrictOutboundNetworkAccess\": \"Disabled\", \"privateEndpointConnections\": []}}",
	       ind(), ind(), name, tls[rnd(20)], rnd(3) ? "Enabled" : "Disabled");
	end();
}

static void sql_database(const struct unit *u, const char *server, unsigned k)
{
	static const char *names[] = {"appdb", "reporting"};
	static const char *red[] = {"Geo", "Geo", "Local", "Zone", "GeoZone"};
	char id[300], g[40];
	int vcore = rnd(2);
	const char *r = red[rnd(5)];
	const char *sku = vcore ? "{\"name\": \"GP_Gen5\", \"tier\": \"GeneralPurpose\", \"family\": \"Gen5\", \"capacity\": 2}"
	                        : "{\"name\": \"Standard\", \"tier\": \"Standard\", \"capacity\": 10}";
	sprintf(id, "%s/databases/%s", server, names[k]);
	guid(g, u->b * 7ull + 2 + k);
	common(id, names[k], "Microsoft.Sql/servers/databases", u, u->b);
	printf("%s\"sku\": %s,%s\"kind\": \"%s\",%s\"properties\": {\"collation\": \"SQL_Latin1_General_CP1_CI_AS\", \"maxSizeBytes\": %s, "
	       "\"status\": \"Online\", \"databaseId\": \"%s\", \"creationDate\": \"2025-0%u-12T09:30:00.00Z\", \"currentServiceObjectiveName\": \"%s\", "
	       "\"requestedServiceObjectiveName\": \"%s\", \"defaultSecondaryLocation\": \"%s\", \"catalogCollation\": \"SQL_Latin1_General_CP1_CI_AS\", "
	       "\"zoneRedundant\": false, \"readScale\": \"Disabled\", \"currentSku\": %s, \"currentBackupStorageRedundancy\": \"%s\", "
	       "\"requestedBackupStorageRedundancy\": \"%s\", \"maintenanceConfigurationId\": \"/subscriptions/%s/providers/Microsoft.Maintenance/publicMaintenanceConfigurations/SQL_Default\", "
	       "\"isLedgerOn\": false, \"isInfraEncryptionEnabled\": false, \"availabilityZone\": \"NoPreference\"}}",
	       ind(), sku, ind(), vcore ? "v12.0,user,vcore" : "v12.0,user", ind(), vcore ? "34359738368" : "268435456000", g,
	       1 + rnd(9), vcore ? "GP_Gen5_2" : "S0", vcore ? "GP_Gen5_2" : "S0", regions[(u->reg + 1) % NREG], sku, r, r, u->sub);
	end();
}

static void sql_auditing(const struct unit *u, const char *server)
{
	static const unsigned days[] = {90, 90, 30, 0, 365, 7};
	const struct slot *s = u->sl;
	int on = rnd(20) < 13, st = on && *s->st_name;
	char ep[128] = "";
	if (st)
		sprintf(ep, "https://%s.blob.core.windows.net/", s->st_name);
	begin();
	printf("{%s\"id\": \"%s/auditingSettings/default\",%s\"name\": \"default\",%s\"type\": \"Microsoft.Sql/servers/auditingSettings\","
	       "%s\"properties\": {\"state\": \"%s\", \"storageEndpoint\": \"%s\", \"retentionDays\": %u, \"auditActionsAndGroups\": [%s], "
	       "\"storageAccountSubscriptionId\": \"%s\", \"isStorageSecondaryKeyInUse\": false, \"isAzureMonitorTargetEnabled\": %s, "
	       "\"isManagedIdentityInUse\": false}}",
	       ind(), server, ind(), ind(), ind(), on ? "Enabled" : "Disabled", ep, st ? days[rnd(6)] : 0,
	       on ? "\"SUCCESSFUL_DATABASE_AUTHENTICATION_GROUP\", \"FAILED_DATABASE_AUTHENTICATION_GROUP\", \"BATCH_COMPLETED_GROUP\"" : "",
	       st ? u->sub : "00000000-0000-0000-0000-000000000000", on && !st ? "true" : "false");
	end();
}

static void sql_firewall(const char *server, unsigned kind)
{
	static const char *const rules[][3] = {{"AllowAllWindowsAzureIps", "0.0.0.0", "0.0.0.0"},
	                                       {"office", "203.0.113.0", "203.0.113.255"},
	                                       {"AllowAll", "0.0.0.0", "255.255.255.255"},
	                                       {"vpn-gateway", "198.51.100.10", "198.51.100.10"}};
	begin();
	printf("{%s\"id\": \"%s/firewallRules/%s\",%s\"name\": \"%s\",%s\"type\": \"Microsoft.Sql/servers/firewallRules\","
	       "%s\"properties\": {\"startIpAddress\": \"%s\", \"endIpAddress\": \"%s\"}}",
	       ind(), server, rules[kind][0], ind(), rules[kind][0], ind(), ind(), rules[kind][1], rules[kind][2]);
	end();
}

/* ------------------------------------------------------------- App Service */

static void site(const struct unit *u)
{
	static const char *tls[] = {"1.2", "1.2", "1.2", "1.2", "1.2", "1.2", "1.2", "1.2", "1.2", "1.2", "1.2", "1.2", "1.2",
	                            "1.2", "1.3", "1.0", "1.0", "1.0", "1.1", "1.1"};
	static const char *ftps[] = {"FtpsOnly", "Disabled", "AllAllowed"};
	static const char *linux_fx[] = {"PYTHON|3.12", "NODE|20-lts", "DOTNETCORE|8.0", "PHP|7.4", "PYTHON|3.7", "JAVA|17-java17"};
	static const char *php[] = {"", "", "8.2", "5.6"};
	char id[256], name[64];
	int lin = rnd(2);
	sprintf(name, "app-%u", u->b);
	rid(id, u, "Microsoft.Web/sites", name);
	common(id, name, "Microsoft.Web/sites", u, u->b);
	printf("%s\"kind\": \"%s\",%s\"properties\": {\"state\": \"Running\", \"hostNames\": [\"%s.azurewebsites.net\"], \"repositorySiteName\": \"%s\", "
	       "\"usageState\": \"Normal\", \"enabled\": true, \"enabledHostNames\": [\"%s.azurewebsites.net\", \"%s.scm.azurewebsites.net\"], "
	       "\"availabilityState\": \"Normal\", \"hostNameSslStates\": [{\"name\": \"%s.azurewebsites.net\", \"sslState\": \"Disabled\", \"hostType\": \"Standard\"}, "
	       "{\"name\": \"%s.scm.azurewebsites.net\", \"sslState\": \"Disabled\", \"hostType\": \"Repository\"}], \"serverFarmId\": \"%s\", "
	       "\"reserved\": %s, \"isXenon\": false, \"hyperV\": false, \"lastModifiedTimeUtc\": \"2025-03-04T17:33:11.641Z\", \"vnetRouteAllEnabled\": false, "
	       "\"siteConfig\": {\"numberOfWorkers\": 1, \"defaultDocuments\": [\"Default.htm\", \"index.html\", \"hostingstart.html\"], "
	       "\"netFrameworkVersion\": \"%s\", \"phpVersion\": \"%s\", \"pythonVersion\": \"\", \"nodeVersion\": \"\", \"powerShellVersion\": \"\", "
	       "\"linuxFxVersion\": \"%s\", \"requestTracingEnabled\": false, \"remoteDebuggingEnabled\": %s, \"httpLoggingEnabled\": %s, "
	       "\"detailedErrorLoggingEnabled\": false, \"use32BitWorkerProcess\": %s, \"webSocketsEnabled\": false, \"alwaysOn\": %s, "
	       "\"managedPipelineMode\": \"Integrated\", \"loadBalancing\": \"LeastRequests\", \"autoHealEnabled\": false, \"vnetRouteAllEnabled\": false, "
	       "\"http20Enabled\": %s, \"minTlsVersion\": \"%s\", \"scmMinTlsVersion\": \"1.2\", \"ftpsState\": \"%s\", \"azureStorageAccounts\": {}}, "
	       "\"scmSiteAlsoStopped\": false, \"clientAffinityEnabled\": true, \"clientCertEnabled\": %s, \"clientCertMode\": \"Required\", "
	       "\"hostNamesDisabled\": false, \"outboundIpAddresses\": \"20.%u.%u.1,20.%u.%u.2\", \"containerSize\": 0, \"dailyMemoryTimeQuota\": 0, "
	       "\"resourceGroup\": \"rg-%03u\", \"defaultHostName\": \"%s.azurewebsites.net\", \"httpsOnly\": %s, \"redundancyMode\": \"None\", "
	       "\"storageAccountRequired\": false, \"keyVaultReferenceIdentity\": \"SystemAssigned\"}}",
	       ind(), lin ? "app,linux" : "app", ind(), name, name, name, name, name, name, u->sl->plan, lin ? "true" : "false",
	       lin ? "" : rnd(2) ? "v8.0" : "v4.0", lin ? "" : php[rnd(4)], lin ? linux_fx[rnd(6)] : "", rnd(10) ? "false" : "true",
	       rnd(2) ? "true" : "false", lin ? "false" : "true", rnd(2) ? "true" : "false", rnd(2) ? "true" : "false",
	       tls[rnd(20)], ftps[rnd(3)], rnd(4) ? "false" : "true", 100 + u->reg, u->b % 250, 100 + u->reg, u->b % 250,
	       u->rg, name, rnd(5) < 3 ? "true" : "false");
	end();
}

/* ------------------------------------------------------------- authorization */

static void role_assignment(const struct unit *u)
{
	/* Owner, Contributor, Reader, User Access Administrator, Key Vault Secrets User, Storage Blob Data Reader */
	static const char *roles[] = {"8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "b24988ac-6180-42a0-ab88-20f7382dd24c",
	                              "acdd72a7-3385-48ef-bd42-f606fba81ae7", "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
	                              "4633458b-17de-408a-b874-0445c86b69e6", "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"};
	static const unsigned weight[] = {4, 24, 44, 47, 70, 100}; /* cumulative, percent */
	static const char *types[] = {"User", "User", "User", "User", "User", "User", "Group", "Group", "ServicePrincipal", "ServicePrincipal"};
	char scope[128], name[40], principal[40];
	unsigned w = rnd(100), r = 0, p = rnd(400);
	while (w >= weight[r])
		r++;
	if (rnd(5) < 2)
		sprintf(scope, "/subscriptions/%s", u->sub);
	else
		sprintf(scope, "/subscriptions/%s/resourceGroups/rg-%03u", u->sub, u->rg);
	guid(name, u->b * 7ull + 3);
	guid(principal, 2000000ull + p);
	begin();
	printf("{%s\"properties\": {\"roleDefinitionId\": \"/providers/Microsoft.Authorization/roleDefinitions/%s\", \"principalId\": \"%s\", "
	       "\"principalType\": \"%s\", \"scope\": \"%s\"},%s\"id\": \"%s/providers/Microsoft.Authorization/roleAssignments/%s\","
	       "%s\"type\": \"Microsoft.Authorization/roleAssignments\",%s\"name\": \"%s\"}",
	       ind(), roles[r], principal, types[p % 10], scope, ind(), scope, name, ind(), ind(), name);
	end();
}

/* A lock on the resource group or on the slot's latest key vault. */
static void lock(const struct unit *u)
{
	char scope[300], name[64];
	if (*u->sl->kv && rnd(2))
		strcpy(scope, u->sl->kv);
	else
		sprintf(scope, "/subscriptions/%s/resourceGroups/rg-%03u", u->sub, u->rg);
	sprintf(name, "lock-%u", u->b);
	begin();
	printf("{%s\"properties\": {\"level\": \"%s\"},%s\"id\": \"%s/providers/Microsoft.Authorization/locks/%s\","
	       "%s\"type\": \"Microsoft.Authorization/locks\",%s\"name\": \"%s\"}",
	       ind(), rnd(3) ? "CanNotDelete" : "ReadOnly", ind(), scope, name, ind(), ind(), name);
	end();
}

/* ------------------------------------------------------------- the rest */

static const char *const other_types[] = {"Microsoft.Web/serverFarms", "Microsoft.Insights/metricAlerts",
                                          "Microsoft.OperationalInsights/workspaces", "Microsoft.Compute/snapshots",
                                          "Microsoft.Network/privateDnsZones", "Microsoft.ManagedIdentity/userAssignedIdentities"};
#define PLAN 0
#define WORKSPACE 2

/* A resource of a type no rule reads; t: its type (index), or -1 for any. */
static void other(const struct unit *u, int t)
{
	char id[256], name[64];
	if (t < 0)
		t = (int)rnd(6);
	sprintf(name, "res-%u", u->b);
	rid(id, u, other_types[t], name);
	common(id, name, other_types[t], u, u->b);
	printf("%s\"properties\": {\"provisioningState\": \"Succeeded\", \"description\": \"synthetic resource of a type no rule reads\", "
	       "\"settings\": {\"a\": %u, \"b\": [1, 2, 3, 4, 5, 6, 7, 8], \"c\": {\"d\": \"%s\", \"e\": null, \"f\": 1.5e3}}}}",
	       ind(), rnd(1000), regions[rnd(6)]);
	end();
	if (t == PLAN)
		strcpy(u->sl->plan, id);
	else if (t == WORKSPACE)
		strcpy(u->sl->ws, id);
}

/* ------------------------------------------------------------- units */

/* Unit weights, per 10000 units (cumulative below). */
enum { U_COMPUTE, U_DISK, U_LB, U_NSG, U_VNET, U_STORAGE, U_KV, U_SQL, U_SITE, U_ROLE, U_LOCK, U_OTHER };
static const unsigned unit_weight[] = {1670, 195, 75, 900, 300, 900, 450, 300, 600, 450, 75, 4085};

static void unit(unsigned long k, unsigned long left)
{
	struct unit u;
	unsigned w = rnd(10000), kind = 0;
	while (w >= unit_weight[kind])
		w -= unit_weight[kind++];
	u.b = (unsigned)emitted;
	u.rg = (unsigned)(k % RGS);
	u.reg = (unsigned)(k / SUBS % NREG);
	sub_id(u.sub, (unsigned)(k % SUBS));
	u.sl = &slots[k % SUBS * NREG + u.reg];
	struct slot *s = u.sl;

	/* Prerequisites first: a VNet needs an NSG, NICs a VNet with room, a site a plan. */
	if ((kind == U_COMPUTE || kind == U_LB || kind == U_VNET) && !s->nnsg)
		kind = U_NSG;
	else if ((kind == U_COMPUTE || kind == U_LB) && (!*s->vnet || s->nics >= 200 * s->nsub))
		kind = U_VNET;
	if (kind == U_SITE && !*s->plan) {
		other(&u, PLAN);
		return;
	}

	switch (kind) {
	case U_COMPUTE: {
		int pip = rnd(20) == 0;
		if (3u + pip > left)
			break;
		compute(&u, u.b, pip, NULL, NULL, NULL);
		return;
	}
	case U_DISK: {
		char id[256], name[64];
		sprintf(name, "disk-%u", u.b);
		rid(id, &u, "Microsoft.Compute/disks", name);
		disk(&u, id, name, u.b, 32u << rnd(5), NULL);
		return;
	}
	case U_LB: {
		unsigned m = 2 + rnd(2);
		if (2 + 3 * m > left)
			break;
		load_balancer(&u, m);
		return;
	}
	case U_NSG:
		nsg(&u);
		return;
	case U_VNET:
		vnet(&u);
		return;
	case U_STORAGE:
		storage(&u);
		return;
	case U_KV: {
		char id[256];
		int diag = rnd(2) && (*s->ws || *s->st);
		if (1u + diag > left)
			break;
		vault(&u, id);
		if (diag)
			diag_setting(&u, id);
		return;
	}
	case U_SQL: {
		char id[256];
		unsigned ndb = 1 + rnd(2), nfw = rnd(10) < 7 ? 1 + rnd(2) : 0, fw = rnd(4), fw2 = (fw + 1 + rnd(3)) % 4;
		if (2 + ndb + nfw > left)
			break;
		sql_server(&u, id);
		for (unsigned d = 0; d < ndb; d++)
			sql_database(&u, id, d);
		sql_auditing(&u, id);
		if (nfw)
			sql_firewall(id, fw);
		if (nfw > 1)
			sql_firewall(id, fw2);
		return;
	}
	case U_SITE:
		site(&u);
		return;
	case U_ROLE:
		role_assignment(&u);
		return;
	case U_LOCK:
		lock(&u);
		return;
	}
	other(&u, -1); /* U_OTHER, or a unit that does not fit in what is left */
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: gen N [--jsonl]\n");
		return 2;
	}
	unsigned long n = strtoul(argv[1], NULL, 10);
	jsonl = argc > 2 && !strcmp(argv[2], "--jsonl");
	static char obuf[1 << 20];
	setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
	if (!jsonl) {
		printf("{\n  \"snapshot_version\": \"1.0\",\n  \"meta\": {\"tenant_id\": \"bench-tenant\", \"method\": \"synthetic\", \"subscriptions\": [");
		for (unsigned s = 0; s < SUBS; s++) {
			char sub[64];
			sub_id(sub, s);
			printf("%s{\"id\": \"%s\", \"name\": \"sub-%u\"}", s ? ", " : "", sub, s);
		}
		printf("]},\n  \"resources\": [\n");
	}
	for (unsigned long k = 0; emitted < n; k++)
		unit(k, n - emitted);
	if (!jsonl)
		printf("\n  ]\n}\n");
	return 0;
}
