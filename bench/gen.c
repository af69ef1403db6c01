/*
 * gen.c - writes a synthetic tenant snapshot with a realistic mix of resource
 * types and sizes, for the benchmark. Deterministic for a given count.
 *
 * usage: gen N > tenant.json     (N resources, pretty-printed like `az`)
 *        gen N --jsonl > tenant.jsonl
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

static const char *const regions[] = {"westeurope", "northeurope", "eastus", "eastus2", "westus2", "uksouth"};
static int jsonl;
static const char *ind(void) { return jsonl ? "" : "\n    "; }

#define SUBS 8
static void sub_id(char *out, unsigned i)
{
	sprintf(out, "%08x-1111-4222-8333-%012x", 0xa0000000u + (i % SUBS), i % SUBS);
}

static void head(char *id, unsigned i, const char *type, const char *name, char *sub)
{
	sub_id(sub, i);
	sprintf(id, "/subscriptions/%s/resourceGroups/rg-%03u/providers/%s/%s", sub, i % 300, type, name);
}

static void common(const char *id, const char *name, const char *type, unsigned i)
{
	printf("{%s\"id\": \"%s\",%s\"name\": \"%s\",%s\"type\": \"%s\",%s\"location\": \"%s\",%s\"tags\": {\"env\": \"%s\", \"owner\": \"team-%u\", \"costCenter\": \"cc-%u\"},",
	       ind(), id, ind(), name, ind(), type, ind(), regions[i % 6], ind(), i % 3 ? "prod" : "dev", i % 40,
	       i % 97);
}

static void nsg(unsigned i)
{
	char id[512], sub[64], name[64];
	sprintf(name, "nsg-%u", i);
	head(id, i, "Microsoft.Network/networkSecurityGroups", name, sub);
	common(id, name, "Microsoft.Network/networkSecurityGroups", i);
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
}

static void nic(unsigned i)
{
	char id[512], sub[64], name[64];
	sprintf(name, "nic-%u", i);
	head(id, i, "Microsoft.Network/networkInterfaces", name, sub);
	common(id, name, "Microsoft.Network/networkInterfaces", i);
	printf("%s\"properties\": {\"provisioningState\": \"Succeeded\", \"ipConfigurations\": [{\"name\": \"ipconfig1\", "
	       "\"id\": \"%s/ipConfigurations/ipconfig1\", \"properties\": {\"privateIPAddress\": \"10.%u.%u.%u\", "
	       "\"privateIPAllocationMethod\": \"Dynamic\", \"subnet\": {\"id\": \"/subscriptions/%s/resourceGroups/rg-%03u/providers/Microsoft.Network/virtualNetworks/vnet-%u/subnets/default\"}, "
	       "\"primary\": true, \"privateIPAddressVersion\": \"IPv4\"}}], \"dnsSettings\": {\"dnsServers\": [], \"appliedDnsServers\": []}, "
	       "\"enableAcceleratedNetworking\": true, \"enableIPForwarding\": false, \"networkSecurityGroup\": {\"id\": \"/subscriptions/%s/resourceGroups/rg-%03u/providers/Microsoft.Network/networkSecurityGroups/nsg-%u\"}, "
	       "\"virtualMachine\": {\"id\": \"/subscriptions/%s/resourceGroups/rg-%03u/providers/Microsoft.Compute/virtualMachines/vm-%u\"}}}",
	       ind(), id, i % 250, (i / 250) % 250, i % 200 + 4, sub, i % 300, i % 500, sub, i % 300, i % 1000, sub, i % 300, i);
}

static void disk(unsigned i)
{
	char id[512], sub[64], name[64];
	sprintf(name, "disk-%u", i);
	head(id, i, "Microsoft.Compute/disks", name, sub);
	common(id, name, "Microsoft.Compute/disks", i);
	printf("%s\"sku\": {\"name\": \"Premium_LRS\", \"tier\": \"Premium\"},%s\"properties\": {\"osType\": \"Linux\", "
	       "\"creationData\": {\"createOption\": \"FromImage\"}, \"diskSizeGB\": %u, \"diskIOPSReadWrite\": 500, "
	       "\"encryption\": {\"type\": \"%s\"}, \"networkAccessPolicy\": \"AllowAll\", \"publicNetworkAccess\": \"Enabled\", "
	       "\"timeCreated\": \"2025-03-0%uT10:00:00Z\", \"provisioningState\": \"Succeeded\", \"diskState\": \"%s\", "
	       "\"diskSizeBytes\": %llu, \"uniqueId\": \"%08x-0000-0000-0000-000000000000\"%s}}",
	       ind(), ind(), 32u << rnd(5), rnd(4) ? "EncryptionAtRestWithPlatformKey" : "EncryptionAtRestWithCustomerKey",
	       1 + rnd(9), rnd(10) ? "Attached" : "Unattached", (32ull << 30), i,
	       rnd(10) ? ", \"managedBy\": \"/subscriptions/x/resourceGroups/y/providers/Microsoft.Compute/virtualMachines/z\"" : "");
}

static void vm(unsigned i)
{
	char id[512], sub[64], name[64];
	sprintf(name, "vm-%u", i);
	head(id, i, "Microsoft.Compute/virtualMachines", name, sub);
	common(id, name, "Microsoft.Compute/virtualMachines", i);
	printf("%s\"properties\": {\"vmId\": \"%08x-0000-4000-8000-000000000000\", \"hardwareProfile\": {\"vmSize\": \"Standard_D2s_v5\"}, "
	       "\"storageProfile\": {\"imageReference\": {\"publisher\": \"Canonical\", \"offer\": \"0001-com-ubuntu-server-jammy\", \"sku\": \"22_04-lts-gen2\", \"version\": \"latest\"}, "
	       "\"osDisk\": {\"osType\": \"Linux\", \"name\": \"disk-%u\", \"createOption\": \"FromImage\", \"caching\": \"ReadWrite\", "
	       "\"managedDisk\": {\"storageAccountType\": \"Premium_LRS\", \"id\": \"%s/../disks/disk-%u\"}, \"diskSizeGB\": 30}, \"dataDisks\": []}, "
	       "\"osProfile\": {\"computerName\": \"vm%u\", \"adminUsername\": \"azureuser\", \"linuxConfiguration\": {\"disablePasswordAuthentication\": true, "
	       "\"provisionVMAgent\": true, \"patchSettings\": {\"patchMode\": \"ImageDefault\", \"assessmentMode\": \"ImageDefault\"}}, "
	       "\"secrets\": [], \"allowExtensionOperations\": true}, \"networkProfile\": {\"networkInterfaces\": [{\"id\": \"%s/../networkInterfaces/nic-%u\"}]}, "
	       "\"securityProfile\": {\"encryptionAtHost\": %s, \"securityType\": \"TrustedLaunch\", \"uefiSettings\": {\"secureBootEnabled\": true, \"vTpmEnabled\": true}}, "
	       "\"diagnosticsProfile\": {\"bootDiagnostics\": {\"enabled\": true}}, \"provisioningState\": \"Succeeded\"}}",
	       ind(), i, i, id, i, i, id, i, rnd(2) ? "true" : "false");
}

static void storage(unsigned i)
{
	char id[512], sub[64], name[64];
	sprintf(name, "st%u", i);
	head(id, i, "Microsoft.Storage/storageAccounts", name, sub);
	common(id, name, "Microsoft.Storage/storageAccounts", i);
	printf("%s\"kind\": \"StorageV2\", \"sku\": {\"name\": \"%s\", \"tier\": \"Standard\"},%s\"properties\": {\"keyCreationTime\": "
	       "{\"key1\": \"2025-0%u-18T04:42:22Z\", \"key2\": \"2025-03-18T04:42:22Z\"}, \"allowBlobPublicAccess\": %s, "
	       "\"minimumTlsVersion\": \"%s\", \"allowSharedKeyAccess\": true, \"networkAcls\": {\"bypass\": \"AzureServices\", "
	       "\"virtualNetworkRules\": [], \"ipRules\": [], \"defaultAction\": \"%s\"}, \"supportsHttpsTrafficOnly\": %s, "
	       "\"encryption\": {\"services\": {\"file\": {\"keyType\": \"Account\", \"enabled\": true}, \"blob\": {\"keyType\": \"Account\", \"enabled\": true}}, "
	       "\"keySource\": \"Microsoft.Storage\"}, \"accessTier\": \"Hot\", \"provisioningState\": \"Succeeded\", "
	       "\"primaryEndpoints\": {\"blob\": \"https://%s.blob.core.windows.net/\", \"queue\": \"https://%s.queue.core.windows.net/\", "
	       "\"table\": \"https://%s.table.core.windows.net/\", \"file\": \"https://%s.file.core.windows.net/\"}, "
	       "\"primaryLocation\": \"westeurope\", \"statusOfPrimary\": \"available\"}}",
	       ind(), rnd(2) ? "Standard_LRS" : "Standard_GRS", ind(), 1 + rnd(9), rnd(3) ? "false" : "true",
	       rnd(5) ? "TLS1_2" : "TLS1_0", rnd(2) ? "Deny" : "Allow", rnd(8) ? "true" : "false", name, name, name, name);
}

static void other(unsigned i)
{
	char id[512], sub[64], name[64];
	static const char *types[] = {"Microsoft.Web/serverFarms", "Microsoft.Insights/metricAlerts",
	                              "Microsoft.OperationalInsights/workspaces", "Microsoft.Compute/snapshots",
	                              "Microsoft.Network/privateDnsZones", "Microsoft.ManagedIdentity/userAssignedIdentities"};
	const char *t = types[rnd(6)];
	sprintf(name, "res-%u", i);
	head(id, i, t, name, sub);
	common(id, name, t, i);
	printf("%s\"properties\": {\"provisioningState\": \"Succeeded\", \"description\": \"synthetic resource of a type no rule reads\", "
	       "\"settings\": {\"a\": %u, \"b\": [1, 2, 3, 4, 5, 6, 7, 8], \"c\": {\"d\": \"%s\", \"e\": null, \"f\": 1.5e3}}}}",
	       ind(), rnd(1000), regions[rnd(6)]);
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
	for (unsigned long i = 0; i < n; i++) {
		if (!jsonl && i)
			printf(",\n");
		printf(jsonl ? "" : "  ");
		unsigned k = rnd(100);
		if (k < 30)
			nic((unsigned)i);
		else if (k < 45)
			disk((unsigned)i);
		else if (k < 55)
			vm((unsigned)i);
		else if (k < 63)
			nsg((unsigned)i);
		else if (k < 70)
			storage((unsigned)i);
		else
			other((unsigned)i);
		if (jsonl)
			printf("\n");
	}
	if (!jsonl)
		printf("\n  ]\n}\n");
	return 0;
}
