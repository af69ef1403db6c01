/*
 * exposure_gen.c - writes a synthetic tenant for the exposure benchmark:
 * NSGS network security groups of RULES rules each (half attached to
 * subnets, half to NICs), NICS network interfaces spread over subnets of
 * 100-subnet virtual networks, a public IP on every fifth NIC, and public
 * load balancers (two load-balancing rules and an SSH NAT rule per member)
 * fronting every tenth NIC. Deterministic.
 *
 * usage: exposure_gen [NSGS [RULES [NICS]]] > tenant.json   (10000 50 100000)
 *        exposure_gen --measure tenant.json
 *
 * --measure (link with libazaudit.a, -Isrc) reads the file into a scan and
 * prints the time to read and index the inventory, the time to build the
 * exposure model, and the bytes the model holds; compare also with
 * bench/parse_baseline on the same file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/scan.h"
#include "rules/exposure.h"

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU time of the process: steadier than wall time on a shared machine. */
static double cpu_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int measure(const char *path)
{
	aza_ctx *ctx = aza_ctx_new();
	aza_scan *s = aza_scan_new(ctx);
	double t0 = now_s(), c0 = cpu_s();
	if (aza_scan_add_path(s, path) || aza_scan__finish(s))
		return fprintf(stderr, "%s\n", aza_errmsg(ctx)), 1;
	double t1 = now_s(), c1 = cpu_s();
	aza_expo *x;
	if (aza_expo__build(s->inv, &x))
		return fprintf(stderr, "out of memory\n"), 1;
	double t2 = now_s(), c2 = cpu_s();
	size_t rules = 0, nsgs = 0;
	aza_arena a;
	aza_arena__init(&a);
	for (const aza_res *r = aza_inv_first(s->inv, "Microsoft.Network/networkSecurityGroups"); r; r = r->next_of_type, nsgs++) {
		aza_arena_mark m = aza_arena__mark(&a);
		rules += aza_json_len(aza_json_path(aza_inv__doc(s->inv, r, &a), "properties.securityRules"));
		aza_arena__reset(&a, m);
	}
	aza_arena__release(&a);
	size_t reach = 0;
	for (size_t i = 0; i < aza_expo__count(x); i++)
		reach += aza_expo__at(x, i)->nreach;
	printf("inventory: %zu NSGs, %zu rules, %zu NICs read and indexed in %.3f s (CPU %.3f s)\n", nsgs, rules,
	       aza_inv_count(s->inv, "Microsoft.Network/networkInterfaces"), t1 - t0, c1 - c0);
	printf("exposure model: %.3f s (CPU %.3f s), %zu endpoints, %zu reachable ranges, %.1f MB (%.0f bytes per rule)\n", t2 - t1, c2 - c1,
	       aza_expo__count(x), reach, aza_expo__bytes(x) / 1048576.0, rules ? (double)aza_expo__bytes(x) / (double)rules : 0);
	aza_expo__free(x);
	aza_scan_free(s);
	aza_ctx_free(ctx);
	return 0;
}

static unsigned long long rng = 88172645463325252ull;
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

#define SUB "a0000000-1111-4222-8333-000000000001"
#define RG(i) (i) % 200
#define PFX "/subscriptions/" SUB "/resourceGroups/rg-%03u/providers/"

static const char *const ports[] = {"22", "3389", "443", "80", "1433", "20-30", "*", "8080-8090", "5985-5986", "6443"};
static const char *const srcs[] = {"*", "Internet", "10.0.0.0/8", "VirtualNetwork", "203.0.113.0/24", "AzureLoadBalancer",
                                   "0.0.0.0/0", "198.51.100.7"};
static const char *const dsts[] = {"*", "*", "*", "VirtualNetwork", "10.1.0.0/16", "10.%u.%u.4"};

static void nsg(unsigned i, unsigned nrules, int first)
{
	printf("%s{\"id\": \"" PFX "Microsoft.Network/networkSecurityGroups/nsg-%u\", \"name\": \"nsg-%u\", "
	       "\"type\": \"Microsoft.Network/networkSecurityGroups\", \"location\": \"westeurope\", \"properties\": "
	       "{\"provisioningState\": \"Succeeded\", \"securityRules\": [",
	       first ? "" : ",\n", RG(i), i, i);
	for (unsigned k = 0; k < nrules; k++) {
		char dst[64];
		unsigned d = rnd(6);
		if (d == 5)
			snprintf(dst, sizeof dst, "10.%u.%u.4", rnd(100), rnd(100));
		else
			snprintf(dst, sizeof dst, "%s", dsts[d]);
		printf("%s{\"name\": \"rule-%u\", \"properties\": {\"protocol\": \"%s\", \"sourcePortRange\": \"*\", "
		       "\"destinationPortRange\": \"%s\", \"sourceAddressPrefix\": \"%s\", \"destinationAddressPrefix\": \"%s\", "
		       "\"access\": \"%s\", \"priority\": %u, \"direction\": \"%s\"}}",
		       k ? ", " : "", k, rnd(3) ? "Tcp" : (rnd(2) ? "Udp" : "*"), ports[rnd(10)], srcs[rnd(8)], dst,
		       rnd(4) ? "Allow" : "Deny", 100 + k * 10, rnd(5) ? "Inbound" : "Outbound");
	}
	printf("]}}");
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "--measure"))
		return measure(argv[2]);
	unsigned nnsg = argc > 1 ? (unsigned)atoi(argv[1]) : 10000;
	unsigned nrules = argc > 2 ? (unsigned)atoi(argv[2]) : 50;
	unsigned nnic = argc > 3 ? (unsigned)atoi(argv[3]) : 100000;
	unsigned nsub = nnsg / 2 ? nnsg / 2 : 1, nvnet = (nsub + 99) / 100, nlb = nnic / 200 ? nnic / 200 : 1;
	printf("{\"snapshot_version\": \"1.0\", \"meta\": {\"tenant_id\": \"72f988bf-0000-0000-0000-0000000000ff\", "
	       "\"subscriptions\": [{\"id\": \"" SUB "\", \"name\": \"bench\"}]}, \"resources\": [\n");
	for (unsigned i = 0; i < nnsg; i++)
		nsg(i, nrules, i == 0);
	/* virtual networks with embedded subnets; subnet s has NSG s */
	for (unsigned v = 0; v < nvnet; v++) {
		printf(",\n{\"id\": \"" PFX "Microsoft.Network/virtualNetworks/vnet-%u\", \"name\": \"vnet-%u\", "
		       "\"type\": \"Microsoft.Network/virtualNetworks\", \"location\": \"westeurope\", \"properties\": "
		       "{\"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/8\"]}, \"subnets\": [",
		       RG(v), v, v);
		for (unsigned k = 0; k < 100 && v * 100 + k < nsub; k++) {
			unsigned s = v * 100 + k;
			printf("%s{\"name\": \"snet-%u\", \"id\": \"" PFX "Microsoft.Network/virtualNetworks/vnet-%u/subnets/snet-%u\", "
			       "\"properties\": {\"addressPrefix\": \"10.%u.%u.0/24\", \"networkSecurityGroup\": {\"id\": \"" PFX
			       "Microsoft.Network/networkSecurityGroups/nsg-%u\"}}}",
			       k ? ", " : "", s, RG(v), v, s, s / 256 % 256, s % 256, RG(s), s);
		}
		printf("]}}");
	}
	for (unsigned j = 0; j < nnic; j++) {
		unsigned s = j % nsub, v = s / 100;
		char nsgref[256] = "", pipref[256] = "", pools[512] = "";
		if (j % 3 == 0) {
			unsigned n = nsub + j % (nnsg - nsub ? nnsg - nsub : 1);
			snprintf(nsgref, sizeof nsgref, ", \"networkSecurityGroup\": {\"id\": \"" PFX "Microsoft.Network/networkSecurityGroups/nsg-%u\"}", RG(n), n);
		}
		if (j % 5 == 0)
			snprintf(pipref, sizeof pipref, ", \"publicIPAddress\": {\"id\": \"" PFX "Microsoft.Network/publicIPAddresses/pip-%u\"}", RG(j), j);
		if (j % 10 == 1) {
			unsigned lb = (j / 10) % nlb;
			snprintf(pools, sizeof pools, ", \"loadBalancerBackendAddressPools\": [{\"id\": \"" PFX
			         "Microsoft.Network/loadBalancers/lb-%u/backendAddressPools/pool\"}], \"loadBalancerInboundNatRules\": [{\"id\": \"" PFX
			         "Microsoft.Network/loadBalancers/lb-%u/inboundNatRules/ssh-%u\"}]",
			         RG(lb), lb, RG(lb), lb, j);
		}
		printf(",\n{\"id\": \"" PFX "Microsoft.Network/networkInterfaces/nic-%u\", \"name\": \"nic-%u\", "
		       "\"type\": \"Microsoft.Network/networkInterfaces\", \"location\": \"westeurope\", \"properties\": {"
		       "\"ipConfigurations\": [{\"name\": \"ipconfig1\", \"id\": \"" PFX "Microsoft.Network/networkInterfaces/nic-%u/ipConfigurations/ipconfig1\", "
		       "\"properties\": {\"privateIPAddress\": \"10.%u.%u.%u\", \"subnet\": {\"id\": \"" PFX
		       "Microsoft.Network/virtualNetworks/vnet-%u/subnets/snet-%u\"}%s%s}}]%s, "
		       "\"virtualMachine\": {\"id\": \"" PFX "Microsoft.Compute/virtualMachines/vm-%u\"}}}",
		       RG(j), j, j, RG(j), j, s / 256 % 256, s % 256, 4 + j / nsub % 250, RG(v), v, s, pipref, pools, nsgref, RG(j), j);
		if (j % 5 == 0)
			printf(",\n{\"id\": \"" PFX "Microsoft.Network/publicIPAddresses/pip-%u\", \"name\": \"pip-%u\", "
			       "\"type\": \"Microsoft.Network/publicIPAddresses\", \"location\": \"westeurope\", \"sku\": {\"name\": \"%s\"}, "
			       "\"properties\": {\"ipAddress\": \"20.%u.%u.%u\", \"publicIPAllocationMethod\": \"Static\"}}",
			       RG(j), j, j, j % 2 ? "Basic" : "Standard", j >> 16 & 255, j >> 8 & 255, j & 255);
	}
	for (unsigned lb = 0; lb < nlb; lb++) {
		const char *id = "Microsoft.Network/loadBalancers";
		printf(",\n{\"id\": \"" PFX "%s/lb-%u\", \"name\": \"lb-%u\", \"type\": \"%s\", \"location\": \"westeurope\", "
		       "\"sku\": {\"name\": \"Standard\"}, \"properties\": {\"frontendIPConfigurations\": [{\"name\": \"fe\", \"id\": \"" PFX
		       "%s/lb-%u/frontendIPConfigurations/fe\", \"properties\": {\"publicIPAddress\": {\"id\": \"" PFX
		       "Microsoft.Network/publicIPAddresses/pip-lb-%u\"}}}], \"backendAddressPools\": [{\"name\": \"pool\", \"id\": \"" PFX
		       "%s/lb-%u/backendAddressPools/pool\"}], \"loadBalancingRules\": [",
		       RG(lb), id, lb, lb, id, RG(lb), id, lb, RG(lb), lb, RG(lb), id, lb);
		static const unsigned fp[][2] = {{80, 8080}, {443, 443}};
		for (int k = 0; k < 2; k++)
			printf("%s{\"name\": \"r%d\", \"id\": \"" PFX "%s/lb-%u/loadBalancingRules/r%d\", \"properties\": {\"frontendIPConfiguration\": {\"id\": \"" PFX
			       "%s/lb-%u/frontendIPConfigurations/fe\"}, \"backendAddressPool\": {\"id\": \"" PFX
			       "%s/lb-%u/backendAddressPools/pool\"}, \"protocol\": \"Tcp\", \"frontendPort\": %u, \"backendPort\": %u}}",
			       k ? ", " : "", k, RG(lb), id, lb, k, RG(lb), id, lb, RG(lb), id, lb, fp[k][0], fp[k][1]);
		printf("], \"inboundNatRules\": [");
		int first = 1;
		for (unsigned j = lb * 10 + 1; j < nnic; j += nlb * 10, first = 0)
			printf("%s{\"name\": \"ssh-%u\", \"id\": \"" PFX "%s/lb-%u/inboundNatRules/ssh-%u\", \"properties\": {\"frontendIPConfiguration\": {\"id\": \"" PFX
			       "%s/lb-%u/frontendIPConfigurations/fe\"}, \"protocol\": \"Tcp\", \"frontendPort\": %u, \"backendPort\": 22}}",
			       first ? "" : ", ", j, RG(lb), id, lb, j, RG(lb), id, lb, 50000 + j / (nlb * 10) % 15000);
		printf("]}}");
	}
	printf("\n]}\n");
	return 0;
}
