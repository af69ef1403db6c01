/*
 * network.c - rules of the network area: NSG exposure (through the
 * evaluator in nsg.c), internet exposure per endpoint (the path model in
 * exposure.c), Network Watcher and flow logs, Application Gateway
 * and its WAF policies, Front Door (Standard/Premium and classic) and its
 * WAF policies, Azure Firewall (threat intelligence, and IDPS of its Premium
 * policies), VPN gateways, subnets, DDoS protection, Bastion and the
 * database server firewalls.
 *
 * Absence: Resource Manager returns the properties these rules read on every
 * GET (securityRules, subnets, enableDdosProtection...), so a missing one on
 * a deployed resource is named in the verdict; template resources (with an
 * apiVersion) are judged by the service default, as each .defaults says.
 */
#include "rule.h"
#include "exposure.h"
#include "nsg.h"

#include <arpa/inet.h>
#include <stdint.h>
#include <string.h>

#define NSG "Microsoft.Network/networkSecurityGroups"
#define NSGRULE NSG "/securityRules"
#define NW "Microsoft.Network/networkWatchers"
#define FLOWLOG NW "/flowLogs"
#define VNET "Microsoft.Network/virtualNetworks"
#define SUBNET VNET "/subnets"
#define NIC "Microsoft.Network/networkInterfaces"
#define PIP "Microsoft.Network/publicIPAddresses"
#define APPGW "Microsoft.Network/applicationGateways"
#define WAFPOL "Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies"
#define VNGW "Microsoft.Network/virtualNetworkGateways"
#define BASTION "Microsoft.Network/bastionHosts"

/* The id up to (not including) the segment `seg` ("/subnets/"), or NULL. */
static const char *id_before(aza_ev *ev, const char *id, const char *seg)
{
	const char *p = id ? aza__istrstr(id, seg) : NULL;
	return p ? aza_ev_fmt(ev, "%.*s", (int)(p - id), id) : NULL;
}

/* ---------------------------------------------------------------- NSG */

struct svc {
	const char *name; /* "SSH"; NULL for a single-service rule */
	unsigned proto;
	unsigned lo, hi;
};

static const char *ports_txt(aza_ev *ev, unsigned lo, unsigned hi)
{
	return lo == hi ? aza_ev_fmt(ev, "%u", lo) : aza_ev_fmt(ev, "%u-%u", lo, hi);
}

/* Append s to d[0..*len) within cap bytes (cap > 0; d stays terminated). */
static void put(char *d, size_t cap, size_t *len, const char *s)
{
	size_t l = strlen(s);
	if (l > cap - 1 - *len)
		l = cap - 1 - *len;
	memcpy(d + *len, s, l);
	*len += l;
	d[*len] = 0;
}

static void put_u(char *d, size_t cap, size_t *len, unsigned v)
{
	char num[16], *p = num + sizeof num;
	*--p = 0;
	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	put(d, cap, len, p);
}

/* sep, then "TCP 22" or "TCP 5985-5986 (WinRM)", appended to d[0..*len)
 * within cap bytes: the PASS message lists every service a rule checks. */
static void svc_put(char *d, size_t cap, size_t *len, const char *sep, const struct svc *s, unsigned lo, unsigned hi)
{
	put(d, cap, len, sep);
	put(d, cap, len, aza_nsg_proto_name(s->proto));
	put(d, cap, len, " ");
	put_u(d, cap, len, lo);
	if (lo != hi) {
		put(d, cap, len, "-");
		put_u(d, cap, len, hi);
	}
	if (s->name) {
		put(d, cap, len, " (");
		put(d, cap, len, s->name);
		put(d, cap, len, ")");
	}
}

static const char *svc_txt(aza_ev *ev, const struct svc *s, unsigned lo, unsigned hi)
{
	char b[128];
	size_t l = 0;
	svc_put(b, sizeof b, &l, "", s, lo, hi);
	return aza_ev_fmt(ev, "%s", b);
}

/* Every service of a rule, comma-separated (PASS messages name them). */
static const char *svcs_txt(aza_ev *ev, const struct svc *svcs, size_t n)
{
	char b[AZA_MAX_MSG];
	size_t l = 0;
	b[0] = 0;
	for (size_t i = 0; i < n; i++)
		svc_put(b, sizeof b, &l, i ? ", " : "", &svcs[i], svcs[i].lo, svcs[i].hi);
	return aza_ev_fmt(ev, "%s", b);
}

/* " over IPv6 (IPv4 is denied by rule D (priority 100))" when an Allow
 * whose sources hold both families admits one only; "" otherwise. */
static const char *fam_txt(aza_ev *ev, const aza_nsg_hit *h)
{
	if (!h->only_v4 && !h->only_v6)
		return "";
	const char *other = h->only_v4 ? "IPv6" : "IPv4";
	if (!h->other_denied)
		return aza_ev_fmt(ev, " over %s only", h->only_v4 ? "IPv4" : "IPv6");
	return aza_ev_fmt(ev, " over %s (%s is denied by rule %s (priority %d))", h->only_v4 ? "IPv4" : "IPv6", other,
	                  h->other_denied->name, h->other_denied->priority);
}

/* How much an allow-listed hit admits, in each family's unit (IPv6 in /64s)
 * and against that family's threshold. */
static const char *size_txt(aza_ev *ev, const aza_nsg_hit *h)
{
	if (!h->v6)
		return aza_ev_fmt(ev, "%.0f addresses, under the /16 threshold", h->v4);
	if (!h->v4)
		return aza_ev_fmt(ev, "%.0f IPv6 /64s, under the IPv6 /32 threshold", h->v6);
	return aza_ev_fmt(ev, "%.0f IPv4 addresses and %.0f IPv6 /64s, under the /16 and IPv6 /32 thresholds", h->v4, h->v6);
}

/* What a wide exposure (aza_nsg_exposed returned 2) lets in, naming the
 * rule or the allow-listed rules that together reach the threshold. */
static const char *wide_txt(aza_ev *ev, const struct svc *sv, const aza_nsg_result *res)
{
	const aza_nsg_hit *h = &res->wide;
	if (!res->nsum)
		return aza_ev_fmt(ev, "rule %s (priority %d) allows %s from %s%s", h->rule->name, h->rule->priority,
		                  svc_txt(ev, sv, h->port_lo, h->port_hi), h->rule->source, fam_txt(ev, h));
	/* Allow-listed sources each under the threshold, together over it. */
	const char *who = "";
	for (size_t q = 0; q < res->nsum; q++)
		who = aza_ev_fmt(ev, "%s%s%s (priority %d) from %s", who, q ? ", " : "", res->sum[q]->name,
		                 res->sum[q]->priority, res->sum[q]->source);
	if (res->nsum_all > res->nsum)
		who = aza_ev_fmt(ev, "%s and %zu more", who, res->nsum_all - res->nsum);
	const char *size = !h->v6 ? aza_ev_fmt(ev, "%.0f public addresses, over the /16 threshold", h->v4)
	                   : !h->v4 ? aza_ev_fmt(ev, "%.0f public IPv6 /64s, over the IPv6 /32 threshold", h->v6)
	                   : aza_ev_fmt(ev, "%.0f public IPv4 addresses and %.0f IPv6 /64s, over the /16 or IPv6 /32 threshold",
	                                h->v4, h->v6);
	return aza_ev_fmt(ev, "rule%s %s%s %s from %s", res->nsum_all > 1 ? "s" : "", who,
	                  res->nsum_all > 1 ? " together allow" : " allows", svc_txt(ev, sv, h->port_lo, h->port_hi), size);
}

/* An NSG with a rule value that cannot be read (a template parameter with
 * no value): judged between its two bounds (aza_nsg_load_bound). What the
 * lower bound exposes is exposed whatever the value is (FAIL); what the
 * upper bound does not is closed whatever it is; the rest depends on it
 * (UNKNOWN). 0 when the bounds cannot be read either (the caller keeps its
 * error). */
static int nsg_check_bounds(aza_ev *ev, const aza_res *r, const struct svc *svcs, size_t n)
{
	aza_nsg lo, hi;
	if (aza_nsg_load_bounds(aza_ev_inv(ev), r->id, aza_doc(ev, r), &lo, &hi))
		return 0;
	const char *fails = NULL, *open = NULL;
	int oom = 0;
	for (size_t i = 0; i < n && !oom; i++) {
		aza_nsg_result rl, rh;
		int kl = aza_nsg_exposed(&lo, svcs[i].proto, svcs[i].lo, svcs[i].hi, &rl);
		int kh = kl == 2 ? 2 : aza_nsg_exposed(&hi, svcs[i].proto, svcs[i].lo, svcs[i].hi, &rh);
		if (kl < 0 || kh < 0)
			oom = 1;
		else if (kl == 2) {
			const char *m = wide_txt(ev, &svcs[i], &rl);
			fails = fails ? aza_ev_fmt(ev, "%s; %s", fails, m) : m;
		} else if (kh == 2) {
			const char *sv = svc_txt(ev, &svcs[i], svcs[i].lo, svcs[i].hi);
			open = open ? aza_ev_fmt(ev, "%s, %s", open, sv) : sv;
		}
	}
	const char *why = lo.uncertain ? lo.uncertain : hi.uncertain;
	/* The engine turns a verdict that read a value known only at
	 * deployment into UNKNOWN; this one holds for every value, so the
	 * value read is named here and the mark cleared. */
	const char *t = aza_json__touched();
	const char *whatever = t ? aza_ev_fmt(ev, "whatever the value of %s", t) : "whatever the value";
	if (oom)
		aza_unknown(ev, r, "out of memory evaluating the NSG");
	else if (open)
		aza_unknown(ev, r, "whether %s is open to the internet depends on a value that could not be read: %s", open, why);
	else {
		aza_json__touch_reset();
		if (fails)
			aza_fail(ev, r, "%s, %s (%s)", fails, whatever, why);
		else
			aza_pass(ev, r, "no inbound rule admits %s from the internet, %s (%s)", svcs_txt(ev, svcs, n), whatever, why);
	}
	aza_nsg_free(&lo);
	aza_nsg_free(&hi);
	return 1;
}

/* The parsed NSG, shared by the several rules that run on one NSG. */
struct nsg_memo {
	aza_nsg g;
	int seen, rc;
};

static void nsg_memo_free(void *p)
{
	struct nsg_memo *m = p;
	aza_nsg_free(&m->g);
	aza__free(m);
}

static void nsg_check(aza_ev *ev, const aza_res *r, const struct svc *svcs, size_t n)
{
	struct nsg_memo *mm = aza_ev_memo_get(ev, r, "nsg");
	struct nsg_memo *own = NULL;
	struct nsg_memo lent;
	const aza_nsg *model = NULL;
	/* The exposure model, when built, has parsed the NSGs it reaches:
	 * share its copy. Not for template resources: a FAIL there points at
	 * the property read last, which reading the NSG here decides. */
	if (!mm && !aza_is_template(r) && (model = aza_expo__nsg(ev, r->id))) {
		const aza_json *emb = aza_json_path(aza_doc(ev, r), "properties.securityRules");
		lent.g = *model;
		lent.rc = 0;
		lent.seen = (emb && !aza_json_is(emb, AZA_JNULL)) ||
		            aza_inv_child(aza_ev_inv(ev), r->id, NSGRULE) != NULL;
		mm = &lent;
	}
	if (!mm) {
		mm = aza__malloc(sizeof *mm);
		if (!mm) {
			aza_unknown(ev, r, "out of memory evaluating the NSG");
			return;
		}
		mm->seen = 0;
		mm->rc = aza_nsg_load(ev, r, &mm->g, &mm->seen);
		if (aza_ev_memo_put(ev, r, "nsg", mm, nsg_memo_free))
			own = mm;
	}
	aza_nsg *gp = &mm->g;
#define g (*gp)
	int seen = mm->seen;
	if (mm->rc < 0) {
		if (!nsg_check_bounds(ev, r, svcs, n))
			aza_unknown(ev, r, "cannot evaluate the NSG: %s", g.error ? g.error : "error");
		goto done;
	}
	if (!seen && !aza_is_template(r)) {
		const char *why;
		if (!aza_ev_collected(ev, NSGRULE, r, &why)) {
			aza_unknown(ev, r, "securityRules is absent from the NSG and %s", why);
			goto done;
		}
	}
	const char *fails = NULL, *cloud = NULL;
	size_t nfail = 0;
	/* What only a PASS message names, formatted only for a PASS. */
	aza_nsg_hit narrow = {0};
	size_t narrow_svc = 0;
	const aza_nsg_rule *shadow = NULL;
	for (size_t i = 0; i < n; i++) {
		aza_nsg_result res;
		int k = aza_nsg_exposed(&g, svcs[i].proto, svcs[i].lo, svcs[i].hi, &res);
		if (k < 0) {
			aza_unknown(ev, r, "out of memory evaluating the NSG");
			goto done;
		}
		if (k == 2) {
			const char *m = wide_txt(ev, &svcs[i], &res);
			fails = fails ? aza_ev_fmt(ev, "%s; %s", fails, m) : m;
			nfail++;
		}
		if (res.narrow.rule && !narrow.rule) {
			narrow = res.narrow;
			narrow_svc = i;
		}
		if (res.cloud && !cloud && (k < 2 || res.wide.rule != res.cloud))
			cloud = aza_ev_fmt(ev, "rule %s (priority %d) admits %s from %s: the AzureCloud service tag is not counted as "
			                       "internet (it is Azure's public address space: any Azure customer's resources, not the "
			                       "internet at large)",
			                   res.cloud->name, res.cloud->priority, svc_txt(ev, &svcs[i], svcs[i].lo, svcs[i].hi),
			                   res.cloud->source);
		if (res.shadowed && !shadow)
			shadow = res.shadowed;
	}
	if (nfail) {
		aza_fail(ev, r, "%s%s%s", fails, cloud ? "; " : "", cloud ? cloud : "");
	} else {
		const char *narrow_txt = NULL, *shadow_txt = NULL;
		if (narrow.rule) {
			const aza_nsg_hit *h = &narrow;
			narrow_txt = aza_ev_fmt(ev, "rule %s (priority %d) admits %s only from allow-listed public sources (%s%s: %s)",
			                        h->rule->name, h->rule->priority,
			                        svc_txt(ev, &svcs[narrow_svc], h->port_lo, h->port_hi), h->rule->source,
			                        fam_txt(ev, h), size_txt(ev, h));
		}
		if (shadow)
			shadow_txt = aza_ev_fmt(ev, "Allow rule %s (priority %d) is shadowed by higher-priority Deny rules",
			                        shadow->name, shadow->priority);
		aza_pass(ev, r, "no inbound rule admits %s from the internet (%zu inbound rule%s)%s%s%s%s%s%s",
		         svcs_txt(ev, svcs, n), g.n, g.n == 1 ? "" : "s", cloud ? "; " : "", cloud ? cloud : "",
		         narrow_txt ? "; " : "", narrow_txt ? narrow_txt : "", shadow_txt ? "; " : "", shadow_txt ? shadow_txt : "");
	}
done:
#undef g
	if (own)
		nsg_memo_free(own);
}

#define NSG_RULE(fn, ...) \
	static void fn(aza_ev *ev, const aza_res *r) \
	{ \
		static const struct svc s[] = {__VA_ARGS__}; \
		nsg_check(ev, r, s, sizeof s / sizeof s[0]); \
	}

NSG_RULE(nsg_rdp, {NULL, AZA_NSG_TCP, 3389, 3389}, {NULL, AZA_NSG_UDP, 3389, 3389})
NSG_RULE(nsg_ssh, {NULL, AZA_NSG_TCP, 22, 22})
NSG_RULE(nsg_udp, {NULL, AZA_NSG_UDP, 0, 65535})
NSG_RULE(nsg_http, {NULL, AZA_NSG_TCP, 80, 80}, {NULL, AZA_NSG_TCP, 443, 443})
NSG_RULE(nsg_remote, {"WinRM", AZA_NSG_TCP, 5985, 5986}, {"Telnet", AZA_NSG_TCP, 23, 23})
NSG_RULE(nsg_files, {"SMB", AZA_NSG_TCP, 445, 445}, {"FTP", AZA_NSG_TCP, 20, 21})
NSG_RULE(nsg_db, {"SQL Server", AZA_NSG_TCP, 1433, 1433}, {"MySQL", AZA_NSG_TCP, 3306, 3306},
         {"PostgreSQL", AZA_NSG_TCP, 5432, 5432}, {"MongoDB", AZA_NSG_TCP, 27017, 27017},
         {"Redis", AZA_NSG_TCP, 6379, 6379}, {"Elasticsearch", AZA_NSG_TCP, 9200, 9200})
NSG_RULE(nsg_containers, {"Docker", AZA_NSG_TCP, 2375, 2376}, {"Kubernetes API", AZA_NSG_TCP, 6443, 6443})

/* --------------------------------------------- exposure per endpoint (path) */

/* The per-NSG rules above (CIS 7.1-7.4 and AZA-NET-023..026) judge each NSG
 * on its own, attached or not: an NSG that admits RDP from the internet is
 * a finding wherever it is (or will be) attached. The rules below judge
 * what is actually reachable: each VM, scale set and unattached NIC, through
 * its public frontends (public IP, public load balancer rule or NAT, firewall
 * DNAT), the subnet NSG then the NIC NSG, and name the exact path. */

#define LB "Microsoft.Network/loadBalancers"
#define VM "Microsoft.Compute/virtualMachines"
#define VMSS "Microsoft.Compute/virtualMachineScaleSets"
#define FW "Microsoft.Network/azureFirewalls"
#define EXPO_TYPES VM " " VMSS " " NIC
#define EXPO_NEEDS NSG " " NSGRULE " " PIP " " VNET " " SUBNET " " LB " " APPGW " " FW " " BASTION " " \
	"Microsoft.Network/firewallPolicies Microsoft.Network/firewallPolicies/ruleCollectionGroups Microsoft.Network/ipGroups"

static const char *proto_of(unsigned p)
{
	return aza_nsg_proto_name(p);
}

static const char *hop_txt(aza_ev *ev, const aza_expo_hop *h)
{
	if (!strcmp(h->kind, "subnet-nsg") || !strcmp(h->kind, "nic-nsg")) {
		const char *lvl = h->kind[0] == 's' ? "subnet" : "NIC";
		if (!*h->id)
			return aza_ev_fmt(ev, "no %s NSG", lvl);
		/* A priority that could not be read (0: Azure's are 100-4096). */
		if (!h->priority)
			return aza_ev_fmt(ev, "%s NSG %s rule %s (priority not known)", lvl, h->name, h->rule);
		return aza_ev_fmt(ev, "%s NSG %s rule %s (priority %d)", lvl, h->name, h->rule, h->priority);
	}
	static const char *const names[][2] = {{"public-ip", "public IP"}, {"lb-rule", "load-balancing rule"},
	                                       {"lb-nat-rule", "inbound NAT rule"}, {"lb-nat-pool", "inbound NAT pool"},
	                                       {"firewall-dnat", "firewall DNAT rule"}};
	const char *k = h->kind;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(k, names[i][0]))
			k = names[i][1];
	return aza_ev_fmt(ev, "%s %s", k, h->name);
}

static const char *reach_txt(aza_ev *ev, const aza_expo_endpoint *e, const aza_expo_reach *q, const struct svc *s,
                             unsigned lo, unsigned hi)
{
	const char *front = "";
	if (q->front_lo != q->port_lo || q->front_hi != q->port_hi)
		front = aza_ev_fmt(ev, " (frontend port %s)", ports_txt(ev, q->front_lo, q->front_hi));
	const char *path = "";
	for (size_t h = 0; h < q->nhops; h++)
		path = aza_ev_fmt(ev, "%s%s%s", path, h ? " -> " : "", hop_txt(ev, &q->hops[h]));
	const char *from = q->any_source ? "any internet address"
	                   : !q->sources_v6 ? aza_ev_fmt(ev, "%.0f internet IPv4 addresses (IPv4 only)", q->sources_v4)
	                   : !q->sources_v4 ? aza_ev_fmt(ev, "%.0f internet IPv6 /64s (IPv6 only)", q->sources_v6)
	                   : aza_ev_fmt(ev, "%.0f internet IPv4 addresses and %.0f IPv6 /64s", q->sources_v4, q->sources_v6);
	const char *at = *e->ip_config ? aza_ev_fmt(ev, " (ip configuration %s)", e->ip_config) : "";
	return aza_ev_fmt(ev, "%s%s reachable at %s%s from %s: %s", svc_txt(ev, s, lo, hi), front, e->frontend, at, from, path);
}

/* acc with the values not read of each NSG on q's path read between its
 * bounds (aza_expo__nsg_bounds) that acc does not name yet. */
static const char *hops_bounds(aza_ev *ev, const aza_expo *x, const aza_expo_reach *q, const char *acc)
{
	for (size_t h = 0; h < q->nhops; h++) {
		const char *b = aza_expo__nsg_bounds(x, q->hops[h].id);
		if (b && !(acc && strstr(acc, b)))
			acc = acc ? aza_ev_fmt(ev, "%s; %s", acc, b) : b;
	}
	return acc;
}

#define FRONTS_LISTED 8

/* What the model says of one resource, the same for the six exposure
 * rules that run on it: looked up once per resource (the id's endpoints
 * are a binary search by case-insensitive id, a NIC's VM a hash lookup or
 * a read of its document). Not for template resources, whose verdicts
 * depend on the values each rule reads (run_one). */
struct expo_memo {
	const char *vm;     /* a NIC judged on its VM: the VM's id, else NULL */
	size_t first, ne;   /* its endpoints (aza_expo__for) */
	const char *bnd, *gap; /* aza_expo__bounds_for, aza_expo__gap_for */
};

static void expo_memo_free(void *p)
{
	aza__free(p);
}

static void expo_look(aza_ev *ev, const aza_expo *x, const aza_res *r, struct expo_memo *m)
{
	m->vm = NULL;
	if (aza__strieq(r->type, NIC)) {
		/* Judged on its VM when the input holds the VM (tied by the NIC's
		 * virtualMachine.id, or in a template by the VM's networkProfile);
		 * a NIC whose VM the input lacks is judged itself, as the model
		 * puts its endpoints on it: else no finding would tell. */
		const char *vm = aza_expo__nic_owner(x, r->id);
		if (!vm) { /* a NIC the model did not read (no public frontend names it) */
			vm = aza_json_str(aza_prop(ev, r, "properties.virtualMachine.id"));
			if (vm && !aza_inv_find(aza_ev_inv(ev), vm))
				vm = NULL;
		}
		if ((m->vm = vm))
			return;
	}
	m->ne = aza_expo__for(x, r->id, &m->first);
	m->bnd = aza_expo__bounds_for(x, r->id);
	m->gap = aza_expo__gap_for(x, r->id);
}

static void expo_check(aza_ev *ev, const aza_res *r, const struct svc *svcs, size_t n)
{
	const aza_expo *x = aza_expo__of(ev);
	if (!x) {
		aza_unknown(ev, r, "out of memory building the exposure model");
		return;
	}
	struct expo_memo own, *mm = aza_is_template(r) ? NULL : aza_ev_memo_get(ev, r, "expo");
	if (!mm) {
		struct expo_memo *k = aza_is_template(r) ? NULL : aza__malloc(sizeof *k);
		mm = k ? k : &own;
		expo_look(ev, x, r, mm);
		/* The memo's document (a NIC's, read above) lives as long as
		 * the memo: both go when the engine moves to the next resource. */
		if (k && aza_ev_memo_put(ev, r, "expo", k, expo_memo_free)) {
			own = *k;
			aza__free(k);
			mm = &own;
		}
	}
	const char *vm = mm->vm;
	if (vm) {
		size_t l = strlen(vm);
		while (l > 1 && vm[l - 1] == '/')
			l--; /* a reference written with a trailing slash */
		const char *nm = vm + l;
		while (nm > vm && nm[-1] != '/')
			nm--;
		aza_na(ev, r, "attached to VM %.*s (judged on the VM)", (int)(vm + l - nm), nm);
		return;
	}
	size_t first = mm->first, ne = mm->ne;
	const char *fails = NULL, *unk = NULL, *narrow = NULL;
	const char *fail_bnd = NULL; /* the values not read of the NSGs on the failing paths */
	size_t nfail = 0;
	for (size_t i = 0; i < ne; i++) {
		const aza_expo_endpoint *e = aza_expo__at(x, first + i);
		for (size_t k = 0; k < e->nreach; k++) {
			const aza_expo_reach *q = &e->reach[k];
			if (q->l7)
				continue;
			for (size_t j = 0; j < n; j++) {
				const struct svc *s = &svcs[j];
				if (q->port_hi < s->lo || q->port_lo > s->hi || strcmp(q->protocol, proto_of(s->proto)))
					continue;
				unsigned lo = q->port_lo > s->lo ? q->port_lo : s->lo, hi = q->port_hi < s->hi ? q->port_hi : s->hi;
				/* The path text is built only where the message uses it:
				 * a tenant can have thousands of paths per rule. */
				if (!aza_expo__certain(x, e, k)) {
					if (!unk)
						unk = aza_ev_fmt(ev, "%s, but %s", reach_txt(ev, e, q, s, lo, hi), e->note);
				} else if (q->wide) {
					if (nfail++ < 3) {
						const char *m = reach_txt(ev, e, q, s, lo, hi);
						fails = fails ? aza_ev_fmt(ev, "%s; %s", fails, m) : m;
					}
					fail_bnd = hops_bounds(ev, x, q, fail_bnd);
				} else if (!narrow) {
					narrow = reach_txt(ev, e, q, s, lo, hi);
				}
			}
		}
	}
	/* An NSG on the paths read between its bounds: what is reached for
	 * certain, and what is not reached, holds whatever its values are. A
	 * FAIL rests on its paths, which name their NSGs; a PASS on every path
	 * of the resource. */
	if (nfail) {
		aza_fail(ev, r, "%s%s%s", fails, nfail > 3 ? aza_ev_fmt(ev, "; and %zu more path%s", nfail - 3, nfail == 4 ? "" : "s") : "",
		         fail_bnd ? aza_ev_fmt(ev, ", whatever the value that could not be read (%s)", fail_bnd) : "");
		return;
	}
	const char *bnd = mm->bnd;
	const char *whatever = bnd ? aza_ev_fmt(ev, ", whatever the value that could not be read (%s)", bnd) : "";
	if (unk) {
		aza_unknown(ev, r, "%s", unk);
		return;
	}
	const char *gap = mm->gap;
	if (gap) {
		aza_unknown(ev, r, "%s", gap);
		return;
	}
	const char *what = svcs_txt(ev, svcs, n);
	if (!ne) {
		aza_pass(ev, r, "no public IP, public load balancer frontend or DNAT rule reaches it (%s not exposed)", what);
		return;
	}
	/* The first few frontends: a resource id that several templates
	 * deploy can have thousands, and growing the list one by one was
	 * quadratic. */
	const char *fronts = aza_expo__at(x, first)->frontend;
	for (size_t i = 1; i < ne && i < FRONTS_LISTED; i++)
		fronts = aza_ev_fmt(ev, "%s, %s", fronts, aza_expo__at(x, first + i)->frontend);
	if (ne > FRONTS_LISTED)
		fronts = aza_ev_fmt(ev, "%s and %zu more", fronts, ne - FRONTS_LISTED);
	aza_pass(ev, r, "no internet path reaches %s (public frontends: %s)%s%s%s", what, fronts,
	         narrow ? "; only allow-listed sources: " : "", narrow ? narrow : "", whatever);
}

#define EXPO_RULE(fn, ...) \
	static void fn(aza_ev *ev, const aza_res *r) \
	{ \
		static const struct svc s[] = {__VA_ARGS__}; \
		expo_check(ev, r, s, sizeof s / sizeof s[0]); \
	}

EXPO_RULE(expo_rdp, {"RDP", AZA_NSG_TCP, 3389, 3389}, {"RDP", AZA_NSG_UDP, 3389, 3389})
EXPO_RULE(expo_ssh, {"SSH", AZA_NSG_TCP, 22, 22})
EXPO_RULE(expo_remote, {"WinRM", AZA_NSG_TCP, 5985, 5986}, {"Telnet", AZA_NSG_TCP, 23, 23})
EXPO_RULE(expo_files, {"SMB", AZA_NSG_TCP, 445, 445}, {"FTP", AZA_NSG_TCP, 20, 21})
EXPO_RULE(expo_db, {"SQL Server", AZA_NSG_TCP, 1433, 1433}, {"MySQL", AZA_NSG_TCP, 3306, 3306},
          {"PostgreSQL", AZA_NSG_TCP, 5432, 5432}, {"MongoDB", AZA_NSG_TCP, 27017, 27017},
          {"Redis", AZA_NSG_TCP, 6379, 6379}, {"Elasticsearch", AZA_NSG_TCP, 9200, 9200})
EXPO_RULE(expo_containers, {"Docker", AZA_NSG_TCP, 2375, 2376}, {"Kubernetes API", AZA_NSG_TCP, 6443, 6443})

/* ------------------------------------------------- Network Watcher, flow logs */

static int same_region(const char *a, const char *b)
{
	while (*a || *b) {
		if (*a == ' ') {
			a++;
			continue;
		}
		if (*b == ' ') {
			b++;
			continue;
		}
		if (!*a || !*b || (*a | 32) != (*b | 32))
			return 0;
		a++, b++;
	}
	return 1;
}

static void watcher_regions(aza_ev *ev, const aza_res *sub)
{
	aza_inv *inv = aza_ev_inv(ev);
	const char *why;
	if (!aza_ev_collected(ev, NW, sub, &why)) {
		aza_unknown(ev, sub, "%s", why);
		return;
	}
	const char *missing = NULL, *unread = NULL;
	size_t nreg = 0, nmiss = 0;
	for (size_t i = 0;; i++) {
		const char *reg = aza_inv_sub_region(inv, sub->sub, i);
		if (!reg)
			break;
		nreg++;
		int ok = 0;
		/* This region's first unprovisioned and unreadable watchers. */
		const char *unprov = NULL, *odd = NULL;
		for (const aza_res *w = aza_inv_first(inv, NW); w && !ok; w = w->next_of_type) {
			if (!aza__strieq(w->sub, sub->sub) || !w->location || !same_region(w->location, reg))
				continue;
			const char *ps = NULL;
			int k = aza_prop_str(ev, w, "properties.provisioningState", &ps);
			/* A deployed watcher's GET carries its provisioningState
			 * (NetworkWatcherList.json): one without it may be Failed. A
			 * template's states none. */
			if (k < 0 || (!k && !aza_is_template(w))) {
				if (!odd)
					odd = aza_ev_fmt(ev, "%s (watcher %s: provisioningState is %s)", reg, w->name, k < 0 ? "not a string" : "absent");
			} else if (!k || aza__strieq(ps, "Succeeded"))
				ok = 1;
			else if (!unprov)
				unprov = aza_ev_fmt(ev, "%s (watcher %s is %s)", reg, w->name, ps);
		}
		if (ok)
			continue;
		if (odd && !unprov) { /* a watcher whose state cannot be read decides nothing */
			unread = unread ? unread : odd;
			continue;
		}
		nmiss++;
		const char *m = unprov ? unprov : reg;
		missing = missing ? aza_ev_fmt(ev, "%s, %s", missing, m) : m;
	}
	if (!nreg)
		aza_na(ev, sub, "no regional resource in the subscription");
	else if (!nmiss && unread)
		aza_unknown(ev, sub, "no provisioned Network Watcher is known in %s", unread);
	else if (nmiss)
		aza_fail(ev, sub, "no provisioned Network Watcher in %zu of %zu region%s in use: %s", nmiss, nreg,
		         nreg == 1 ? "" : "s", missing);
	else
		aza_pass(ev, sub, "a Network Watcher is provisioned in each of the %zu region%s in use", nreg, nreg == 1 ? "" : "s");
}

/* 1: the flow log targets an NSG; 2: a virtual network, subnet or NIC; 0 unknown. */
static int flow_target(const char *t)
{
	if (!t)
		return 0;
	if (aza__istrstr(t, "/providers/Microsoft.Network/networkSecurityGroups/"))
		return 1;
	if (aza__istrstr(t, "/providers/Microsoft.Network/virtualNetworks/") ||
	    aza__istrstr(t, "/providers/Microsoft.Network/networkInterfaces/"))
		return 2;
	return 0;
}

static void flow_retention(aza_ev *ev, const aza_res *r, int want)
{
	const char *t = aza_json_str(aza_prop(ev, r, "properties.targetResourceId"));
	int kind = flow_target(t);
	if (!kind) {
		aza_unknown(ev, r, "targetResourceId is %s", t ? aza_ev_fmt(ev, "'%s' (not an NSG, VNet, subnet or NIC)", t) : "absent");
		return;
	}
	if (kind != want) {
		aza_na(ev, r, "the flow log targets %s (see the %s flow log rule)", kind == 1 ? "an NSG" : "a virtual network",
		       kind == 1 ? "NSG" : "virtual network");
		return;
	}
	int b, k = aza_prop_bool(ev, r, "properties.enabled", &b);
	if (k < 0) {
		aza_unknown(ev, r, "enabled is not a boolean");
		return;
	}
	if (!k) { /* only enabled true passes: absent data is not a PASS */
		aza_unknown(ev, r, "enabled is absent: whether the flow log runs is not known");
		return;
	}
	if (k && !b) {
		aza_fail(ev, r, "the flow log is disabled (enabled is false)");
		return;
	}
	const char *sto = NULL;
	if (aza_prop_str(ev, r, "properties.storageId", &sto) <= 0 || !*sto) {
		/* Resource Manager requires it: where the logs are kept is unknown. */
		aza_unknown(ev, r, "storageId is absent or not a string: the storage account the retention applies to is not known");
		return;
	}
	/* The retention policy is the deletion of flow logs older than `days`
	 * from the storage account; without one (enabled false, or none set:
	 * the CLI's "--retention 0, keep forever" sends none) the logs stay
	 * there until someone deletes them. Days 0 with enabled true: forever. */
	int min = aza_ev_cfg(ev)->flow_log_retention_days;
	const aza_json *rp = aza_prop(ev, r, "properties.retentionPolicy");
	if (!rp || aza_json_is(rp, AZA_JNULL)) {
		/* A template that sets none applies none; a deployed flow log's
		 * policy may have been dropped from the input. */
		if (aza_is_template(r))
			aza_pass(ev, r, "no retentionPolicy: none is applied, so the flow logs stay in the storage account until deleted there");
		else
			aza_unknown(ev, r, "retentionPolicy is absent: whether a retention policy deletes the flow logs (and after how many days) is not known");
		return;
	}
	double d;
	int en, hd = aza_json_num(aza_json_get(rp, "days"), &d);
	if (!aza_json_bool(aza_json_get(rp, "enabled"), &en)) {
		aza_unknown(ev, r, "retentionPolicy.enabled is missing or not a boolean: whether the flow logs are deleted is not known");
		return;
	}
	if (!en) {
		/* `days` is not applied while retention is disabled. */
		aza_pass(ev, r, "retentionPolicy.enabled is false: no retention policy deletes the flow logs, which stay in the storage account until deleted there%s",
		         hd && d != 0 ? aza_ev_fmt(ev, " (days %g is not applied)", d) : "");
		return;
	}
	if (!hd)
		aza_unknown(ev, r, "retentionPolicy.enabled is true but retentionPolicy.days is missing or not a number");
	else if (d < 0 || d != (double)(long long)d)
		aza_unknown(ev, r, "retentionPolicy.days is %g, not a number of days", d);
	else if (d == 0)
		aza_pass(ev, r, "retentionPolicy.days is 0: flow logs are kept forever");
	else if (d >= min)
		aza_pass(ev, r, "retentionPolicy.days is %.0f (at least %d)", d, min);
	else
		aza_fail(ev, r, "retentionPolicy.days is %.0f (less than %d)", d, min);
}

static void flow_nsg(aza_ev *ev, const aza_res *r)
{
	flow_retention(ev, r, 1);
}

static void flow_vnet(aza_ev *ev, const aza_res *r)
{
	flow_retention(ev, r, 2);
}

/* ------------------------------------------------------ gateways and WAF */

static void vpn_aad(aza_ev *ev, const aza_res *r)
{
	const char *gt = aza_json_str(aza_prop(ev, r, "properties.gatewayType"));
	if (gt && aza__strieq(gt, "ExpressRoute")) {
		aza_na(ev, r, "an ExpressRoute gateway (no point-to-site VPN)");
		return;
	}
	const aza_json *c = aza_prop(ev, r, "properties.vpnClientConfiguration");
	if (!c || aza_json_is(c, AZA_JNULL)) {
		aza_na(ev, r, "no point-to-site configuration (vpnClientConfiguration not set)");
		return;
	}
	if (aza_not_object(ev, r, "properties.vpnClientConfiguration"))
		return;
	const aza_json *t = aza_json_get(c, "vpnAuthenticationTypes");
	if (t && !aza_json_is(t, AZA_JARR) && !aza_json_is(t, AZA_JNULL)) {
		aza_unknown(ev, r, "vpnAuthenticationTypes is not an array");
		return;
	}
	const char *others = NULL;
	int aad = 0, odd = 0;
	aza_json_each(it, t) {
		const char *s = aza_json_str(it);
		if (!s)
			odd = 1; /* not a string: names no method */
		else if (aza__strieq(s, "AAD"))
			aad = 1;
		else
			others = others ? aza_ev_fmt(ev, "%s, %s", others, s) : s;
	}
	if (odd && !others)
		aza_unknown(ev, r, "vpnAuthenticationTypes holds an entry that is not a string");
	else if (aad && !others)
		aza_pass(ev, r, "vpnAuthenticationTypes is [AAD] only");
	else if (others)
		aza_fail(ev, r, "point-to-site VPN accepts %s authentication%s", others, aad ? " besides AAD" : "");
	else if (aza_json_len(aza_json_get(c, "vpnClientRootCertificates")))
		aza_fail(ev, r, "no vpnAuthenticationTypes and vpnClientRootCertificates is set: certificate authentication");
	else
		aza_unknown(ev, r, "vpnAuthenticationTypes is not set: the authentication method cannot be read");
}

static const aza_res *linked_policy(aza_ev *ev, const aza_res *r)
{
	const char *id = aza_json_str(aza_prop(ev, r, "properties.firewallPolicy.id"));
	return id ? aza_inv_find(aza_ev_inv(ev), id) : NULL;
}

/* Minimum TLS version of a predefined Application Gateway policy. */
static const char *predefined_min(const char *name)
{
	static const char *const map[][2] = {
		{"AppGwSslPolicy20150501", "TLSv1_0"}, {"AppGwSslPolicy20170401", "TLSv1_1"},
		{"AppGwSslPolicy20170401S", "TLSv1_2"}, {"AppGwSslPolicy20220101", "TLSv1_2"},
		{"AppGwSslPolicy20220101S", "TLSv1_2"},
	};
	for (size_t i = 0; name && i < sizeof map / sizeof map[0]; i++)
		if (aza__strieq(name, map[i][0]))
			return map[i][1];
	return NULL;
}

/* Verdicts of the TLS policy judges below, in order of weight. */
enum { TLS_NONE = -1, TLS_PASS, TLS_UNKNOWN, TLS_FAIL };

/* The verdict on a minimum protocol version, with "how: minimum v" in *msg. */
static int tls_verdict(aza_ev *ev, const char *minv, const char *how, const char **msg)
{
	if (aza__strieq(minv, "TLSv1_2") || aza__strieq(minv, "TLSv1_3")) {
		*msg = aza_ev_fmt(ev, "%s: minimum %s", how, minv);
		return TLS_PASS;
	}
	if (aza__strieq(minv, "TLSv1_0") || aza__strieq(minv, "TLSv1_1")) {
		*msg = aza_ev_fmt(ev, "%s: minimum %s", how, minv);
		return TLS_FAIL;
	}
	*msg = aza_ev_fmt(ev, "%s: unknown minimum protocol '%s'", how, minv);
	return TLS_UNKNOWN;
}

/* The verdict on one sslPolicy object, the gateway's or an SSL profile's
 * (both are an ApplicationGatewaySslPolicy), with the evidence in *msg.
 * TLS_NONE when the policy fixes no minimum: no policy type and name that
 * do, no minProtocolVersion, and not both TLS 1.0 and 1.1 disabled. */
static int tls_policy(aza_ev *ev, const aza_json *sp, const char **msg)
{
	const char *type = aza_json_str(aza_json_get(sp, "policyType"));
	const char *name = aza_json_str(aza_json_get(sp, "policyName"));
	const char *minv = aza_json_str(aza_json_get(sp, "minProtocolVersion"));
	if (type && aza__istarts(type, "Custom")) {
		if (minv)
			return tls_verdict(ev, minv, aza_ev_fmt(ev, "sslPolicy %s", type), msg);
		if (aza__strieq(type, "CustomV2")) {
			/* CustomV2 is set with minimum TLSv1_2 or TLSv1_3 only: clients
			 * needing TLS 1.0 or 1.1 require the older policies. */
			*msg = aza_ev_fmt(ev, "sslPolicy %s without minProtocolVersion: a CustomV2 policy's minimum is TLSv1_2 or TLSv1_3", type);
			return TLS_PASS;
		}
		if (aza__strieq(type, "Custom")) {
			*msg = aza_ev_fmt(ev, "sslPolicy %s without minProtocolVersion (defaults to TLSv1_0)", type);
			return TLS_FAIL;
		}
		/* A custom type added after these lines were written: neither
		 * Custom's default nor CustomV2's range is known to hold for it. */
		*msg = aza_ev_fmt(ev, "sslPolicy %s without minProtocolVersion: a policyType other than Custom or CustomV2, whose "
		                  "minimum is not known", type);
		return TLS_UNKNOWN;
	}
	if (name) {
		const char *m = predefined_min(name);
		if (m)
			return tls_verdict(ev, m, aza_ev_fmt(ev, "predefined sslPolicy %s", name), msg);
		*msg = aza_ev_fmt(ev, "unknown predefined sslPolicy '%s'", name);
		return TLS_UNKNOWN;
	}
	if (minv)
		return tls_verdict(ev, minv, "sslPolicy", msg);
	/* The older form: the default policy less the protocols listed. */
	int off10 = 0, off11 = 0;
	aza_json_each(d, aza_json_get(sp, "disabledSslProtocols")) {
		const char *v = aza_json_str(d);
		off10 |= v && aza__strieq(v, "TLSv1_0");
		off11 |= v && aza__strieq(v, "TLSv1_1");
	}
	if (!type && off10 && off11) {
		*msg = "sslPolicy.disabledSslProtocols disables TLSv1_0 and TLSv1_1: minimum TLSv1_2";
		return TLS_PASS;
	}
	return TLS_NONE;
}

/* The gateway's own sslPolicy first appears in the stable api-version
 * 2016-06-01 (network.json: ApplicationGatewayPropertiesFormat.sslPolicy,
 * with disabledSslProtocols only; the 2016-03-30 one has no sslPolicy);
 * policyType, policyName, cipherSuites and minProtocolVersion in 2017-06-01
 * (applicationGateway.json: ApplicationGatewaySslPolicy; the 2017-03-01 and
 * 2016-09-01 ones have disabledSslProtocols only) (Azure/azure-rest-api-specs,
 * specification/network/resource-manager/Microsoft.Network/stable/<version>/).
 * A template at an older api-version sends a policy its version does not
 * define, and the gateway may keep the default AppGwSslPolicy20150501. */
#define APPGW_SSL_POLICY_API "2016-06-01"
#define APPGW_SSL_POLICY_TYPE_API "2017-06-01"

/* A passing verdict on a template gateway's own sslPolicy, checked against
 * the api-version: TLS_PASS when the fields it rests on are defined there,
 * or when disabledSslProtocols alone still disables TLS 1.0 and 1.1 where
 * the newer fields are not; otherwise TLS_UNKNOWN with the reason. */
static int appgw_policy_api(aza_ev *ev, const aza_res *r, const aza_json *sp, const char **msg)
{
	const char *why;
	int typed = aza_json_get(sp, "policyType") || aza_json_get(sp, "policyName") || aza_json_get(sp, "minProtocolVersion");
	if (!aza_api_predates(ev, r, typed ? APPGW_SSL_POLICY_TYPE_API : APPGW_SSL_POLICY_API, &why))
		return TLS_PASS;
	if (typed) {
		const char *why_old;
		int off10 = 0, off11 = 0;
		aza_json_each(d, aza_json_get(sp, "disabledSslProtocols")) {
			const char *v = aza_json_str(d);
			off10 |= v && aza__strieq(v, "TLSv1_0");
			off11 |= v && aza__strieq(v, "TLSv1_1");
		}
		if (off10 && off11 && !aza_api_predates(ev, r, APPGW_SSL_POLICY_API, &why_old)) {
			*msg = aza_ev_fmt(ev, "sslPolicy.disabledSslProtocols disables TLSv1_0 and TLSv1_1: minimum TLSv1_2 (policyType, policyName and "
			                      "minProtocolVersion: %s)", why);
			return TLS_PASS;
		}
		*msg = aza_ev_fmt(ev, "%s, but for policyType, policyName and minProtocolVersion %s; deploy with a current api-version", *msg, why);
	} else
		*msg = aza_ev_fmt(ev, "%s, but for sslPolicy %s; deploy with a current api-version", *msg, why);
	return TLS_UNKNOWN;
}

/* The verdict on the gateway's own policy: the one of its listeners without
 * an SSL profile, or whose profile sets no policy of its own. */
static int appgw_global_tls(aza_ev *ev, const aza_res *r, const char **msg)
{
	const aza_json *sp = aza_prop(ev, r, "properties.sslPolicy");
	if (sp && !aza_json_is(sp, AZA_JNULL)) {
		int v = tls_policy(ev, sp, msg);
		if (v == TLS_PASS && aza_is_template(r))
			v = appgw_policy_api(ev, r, sp, msg);
		if (v != TLS_NONE)
			return v;
	}
	const char *def = aza_json_str(aza_prop(ev, r, "properties.defaultPredefinedSslPolicy"));
	if (def && predefined_min(def))
		return tls_verdict(ev, predefined_min(def), aza_ev_fmt(ev, "no sslPolicy; default policy %s", def), msg);
	if (aza_is_template(r)) {
		if (aza_api_version_unknown(r)) {
			*msg = aza_ev_fmt(ev, "no sslPolicy: the default depends on the api-version, %s, which is only known at deployment",
			                  r->api_version);
			return TLS_UNKNOWN;
		}
		if (strcmp(r->api_version, "2023-02-01") >= 0) {
			*msg = aza_ev_fmt(ev, "no sslPolicy: at api-version %s the default is AppGwSslPolicy20220101 (TLSv1_2)", r->api_version);
			return TLS_PASS;
		}
		*msg = aza_ev_fmt(ev, "no sslPolicy: at api-version %s the default is AppGwSslPolicy20150501 (TLSv1_0)", r->api_version);
		return TLS_FAIL;
	}
	*msg = "no sslPolicy and no defaultPredefinedSslPolicy: the default depends on the gateway's creation API version";
	return TLS_UNKNOWN;
}

/* The verdict on one entry of sslProfiles (the index i names it when it has
 * no name), with the evidence in *msg; *own is 0 when the profile sets no
 * policy, so that its listeners negotiate the gateway's. */
static int appgw_profile_tls(aza_ev *ev, const aza_res *r, const aza_json *p, size_t i, const char **msg, int *own)
{
	const char *n = aza_json_str(aza_json_get(p, "name"));
	const char *who = n && *n ? aza_ev_fmt(ev, "SSL profile '%s'", n) : aza_ev_fmt(ev, "SSL profile #%zu (no name)", i + 1);
	*own = 1;
	if (!aza_json_is(p, AZA_JOBJ)) {
		*msg = aza_ev_fmt(ev, "%s is not an object: its sslPolicy cannot be read", who);
		return TLS_UNKNOWN;
	}
	const aza_json *pp = aza_json_get(p, "properties");
	if (!pp || aza_json_is(pp, AZA_JNULL)) {
		/* A template's profile without properties declares no policy; a
		 * deployed one's GET returns them (provisioningState at least). */
		if (!aza_is_template(r)) {
			*msg = aza_ev_fmt(ev, "%s has no properties: its sslPolicy cannot be read", who);
			return TLS_UNKNOWN;
		}
	} else if (!aza_json_is(pp, AZA_JOBJ)) {
		*msg = aza_ev_fmt(ev, "%s: properties is not an object, so its sslPolicy cannot be read", who);
		return TLS_UNKNOWN;
	}
	const aza_json *sp = aza_json_get(pp, "sslPolicy");
	if (!sp || aza_json_is(sp, AZA_JNULL)) {
		/* A profile may hold client authentication only: its listeners
		 * keep the gateway's policy, judged with it. */
		*msg = aza_ev_fmt(ev, "%s sets no sslPolicy (its listeners use the gateway's)", who);
		*own = 0;
		return TLS_PASS;
	}
	if (!aza_json_is(sp, AZA_JOBJ)) {
		*msg = aza_ev_fmt(ev, "%s: sslPolicy is not an object", who);
		return TLS_UNKNOWN;
	}
	const char *m;
	int v = tls_policy(ev, sp, &m);
	if (v == TLS_NONE) {
		/* Which policy an empty or partial profile policy stands for (the
		 * gateway's, or a default one) is not documented. */
		*msg = aza_ev_fmt(ev, "%s: sslPolicy names no policyName or minProtocolVersion, so its minimum is not known", who);
		return TLS_UNKNOWN;
	}
	*msg = aza_ev_fmt(ev, "%s: %s", who, m);
	return v;
}

/* Append part to the "; "-separated list *l. */
static void tls_add(aza_ev *ev, const char **l, const char *part)
{
	*l = *l ? aza_ev_fmt(ev, "%s; %s", *l, part) : part;
}

/* The listener arrays that can terminate TLS: httpListeners (protocol
 * Https) and the layer-4 listeners (protocol Tls), both of which may name
 * an SSL profile (ApplicationGatewayHttpListener, ApplicationGatewayListener). */
static const char *const appgw_listener_paths[] = {"properties.httpListeners", "properties.listeners"};

/* Does the SSL profile p answer to the id ref a listener names? A deployed
 * profile carries its id; a template's is the gateway's id and its name,
 * as resourceId() builds it. */
static int appgw_profile_is(const aza_res *r, const aza_json *p, const char *ref)
{
	static const char seg[] = "/sslProfiles/";
	const char *id = aza_json_str(aza_json_get(p, "id"));
	if (id && aza__strieq(id, ref))
		return 1;
	const char *n = aza_json_str(aza_json_get(p, "name"));
	size_t l = strlen(r->id);
	return n && *n && aza__strnieq(ref, r->id, l) && aza__istarts(ref + l, seg) && aza__strieq(ref + l + sizeof seg - 1, n);
}

/* What the gateway's listeners negotiate TLS with. */
struct appgw_use {
	int tls;              /* listeners that terminate TLS */
	int dflt;             /* of them, without an SSL profile: the gateway's policy */
	const char *unread;   /* why the listeners cannot all be read, or NULL */
	const char *missing;  /* a listener naming a profile not in the gateway, or NULL */
};

/* A listener that terminates TLS: 1, 0 when not, -1 when its protocol
 * cannot be read. */
static int appgw_tls_listener(const aza_json *l)
{
	const char *proto = aza_json_str(aza_json_path(l, "properties.protocol"));
	if (!proto)
		return -1;
	return aza__strieq(proto, "Https") || aza__strieq(proto, "Tls");
}

static void appgw_listeners(aza_ev *ev, const aza_res *r, const aza_json *profs, struct appgw_use *u)
{
	memset(u, 0, sizeof *u);
	for (size_t k = 0; k < sizeof appgw_listener_paths / sizeof appgw_listener_paths[0]; k++) {
		const char *path = appgw_listener_paths[k];
		const aza_json *ls = aza_prop(ev, r, path);
		if (!ls || aza_json_is(ls, AZA_JNULL)) {
			/* A deployed gateway's GET returns its httpListeners; a
			 * template without them declares none. The layer-4
			 * listeners are newer, and absent when unused. */
			if (k == 0 && !aza_is_template(r))
				u->unread = "httpListeners is not in the input";
			continue;
		}
		if (!aza_json_is(ls, AZA_JARR)) {
			u->unread = aza_ev_fmt(ev, "%s is not an array", path + sizeof "properties." - 1);
			continue;
		}
		aza_json_each(l, ls) {
			const char *ln = aza_json_str(aza_json_get(l, "name"));
			int t = appgw_tls_listener(l);
			if (t < 0) {
				u->unread = aza_ev_fmt(ev, "listener '%s' has no protocol", ln ? ln : "?");
				continue;
			}
			if (!t)
				continue;
			u->tls++;
			const aza_json *sp = aza_json_path(l, "properties.sslProfile");
			if (!sp || aza_json_is(sp, AZA_JNULL)) {
				u->dflt++;
				continue;
			}
			const char *ref = aza_json_str(aza_json_get(sp, "id"));
			int found = 0;
			if (ref && aza_json_is(profs, AZA_JARR)) {
				aza_json_each(p, profs)
					found |= appgw_profile_is(r, p, ref);
			}
			/* sslProfiles of another type is reported on its own. */
			if (!ref)
				u->missing = aza_ev_fmt(ev, "listener '%s': sslProfile names no id", ln ? ln : "?");
			else if (!found && (!profs || aza_json_is(profs, AZA_JNULL) || aza_json_is(profs, AZA_JARR)))
				u->missing = aza_ev_fmt(ev, "listener '%s' names SSL profile '%s', which the gateway does not have",
				                        ln ? ln : "?", aza_last_seg(ref));
		}
	}
}

/* Is profile p named by a listener that terminates TLS? */
static int appgw_profile_used(aza_ev *ev, const aza_res *r, const aza_json *p)
{
	for (size_t k = 0; k < sizeof appgw_listener_paths / sizeof appgw_listener_paths[0]; k++) {
		const aza_json *ls = aza_prop(ev, r, appgw_listener_paths[k]);
		if (!aza_json_is(ls, AZA_JARR))
			continue;
		aza_json_each(l, ls) {
			const char *ref = aza_json_str(aza_json_path(l, "properties.sslProfile.id"));
			if (ref && appgw_tls_listener(l) > 0 && appgw_profile_is(r, p, ref))
				return 1;
		}
	}
	return 0;
}

/* Only what a listener can negotiate counts: the policy of each SSL profile
 * an HTTPS (or TLS) listener names, which replaces the gateway's on it, and
 * the gateway's own policy for the listeners without a profile or whose
 * profile sets none. With no such listener the gateway's policy is judged
 * still: it is what every listener added without a profile gets. A profile
 * no listener names is mentioned, not judged; when the listeners cannot be
 * read, every profile is judged, and one that allows TLS 1.0 or 1.1 makes
 * the gateway UNKNOWN, not FAIL (it may be unused). */
/* sslProfiles (and a listener's sslProfile) first appear in the stable
 * api-version 2020-06-01: its ApplicationGatewayCreate.json example adds
 * them to the otherwise same 2020-05-01 one (Azure/azure-rest-api-specs,
 * specification/network/.../stable/<version>/examples/). A template at an
 * older api-version sends profiles its version does not define, and its
 * listeners may get the gateway's policy instead. */
#define APPGW_SSL_PROFILES_API "2020-06-01"

static void appgw_tls(aza_ev *ev, const aza_res *r)
{
	const char *msg, *by[3] = {NULL, NULL, NULL}, *unused = NULL, *why; /* evidence by verdict */
	int profiled = 0; /* a listener's profile was judged */
	const aza_json *profs = aza_prop(ev, r, "properties.sslProfiles");
	struct appgw_use u;
	appgw_listeners(ev, r, profs, &u);
	int worst = TLS_PASS, global = u.dflt || !u.tls || u.unread;
	if (aza_json_is(profs, AZA_JARR)) {
		size_t i = 0;
		aza_json_each(p, profs) {
			int own, used = u.unread || appgw_profile_used(ev, r, p);
			int v = appgw_profile_tls(ev, r, p, i++, &msg, &own);
			if (!used) {
				const char *n = aza_json_str(aza_json_get(p, "name"));
				tls_add(ev, &unused, aza_ev_fmt(ev, "'%s'", n ? n : "?"));
				continue;
			}
			global |= !own;
			profiled = 1;
			if (u.unread && v == TLS_FAIL) {
				msg = aza_ev_fmt(ev, "%s, but whether a listener uses it is not known (%s)", msg, u.unread);
				v = TLS_UNKNOWN;
			}
			tls_add(ev, &by[v], msg);
			worst = v > worst ? v : worst;
		}
	} else if (profs && !aza_json_is(profs, AZA_JNULL) && (u.unread || u.tls > u.dflt)) {
		tls_add(ev, &by[TLS_UNKNOWN], "sslProfiles is not an array: the SSL profiles' policies cannot be read");
		worst = TLS_UNKNOWN > worst ? TLS_UNKNOWN : worst;
	}
	if (u.missing) {
		tls_add(ev, &by[TLS_UNKNOWN], u.missing);
		worst = TLS_UNKNOWN > worst ? TLS_UNKNOWN : worst;
	}
	if (global) {
		int v = appgw_global_tls(ev, r, &msg);
		if (!u.tls && !u.unread)
			msg = aza_ev_fmt(ev, "%s (no HTTPS listener yet: the policy new listeners get)", msg);
		by[v] = by[v] ? aza_ev_fmt(ev, "%s; %s", msg, by[v]) : msg;
		worst = v > worst ? v : worst;
	} else {
		tls_add(ev, &by[TLS_PASS], "every HTTPS listener has an SSL profile: the gateway's sslPolicy is not used");
	}
	const char *tail = unused ? aza_ev_fmt(ev, "; SSL profiles no listener names, not judged: %s", unused) : "";
	if (worst == TLS_FAIL)
		aza_fail(ev, r, "%s%s%s%s", by[TLS_FAIL], by[TLS_UNKNOWN] ? "; not judged: " : "", by[TLS_UNKNOWN] ? by[TLS_UNKNOWN] : "", tail);
	else if (worst == TLS_UNKNOWN)
		aza_unknown(ev, r, "%s%s", by[TLS_UNKNOWN], tail);
	else if (profiled && aza_api_predates(ev, r, APPGW_SSL_PROFILES_API, &why))
		aza_unknown(ev, r, "%s, but sslProfiles: %s, and the listeners would get the gateway's own policy; deploy with a current api-version%s",
		            by[TLS_PASS], why, tail);
	else
		aza_pass(ev, r, "%s%s", by[TLS_PASS], tail);
}

static void appgw_http2(aza_ev *ev, const aza_res *r)
{
	int b, k = aza_prop_bool(ev, r, "properties.enableHttp2", &b);
	if (k < 0)
		aza_unknown(ev, r, "enableHttp2 is not a boolean");
	else if (k && b)
		aza_pass(ev, r, "enableHttp2 is true");
	else
		aza_fail(ev, r, "enableHttp2 is %s", k ? "false" : "not set (false)");
}

/* Request body inspection is on by default (Microsoft Learn, Application
 * Gateway WAF request and file upload size limits: "By default, the request
 * body inspection is enabled"; the specification's WafPolicyCreateOrUpdate
 * example sends no requestBodyCheck and gets true back). A template that
 * leaves it out gets that default; a deployed policy's GET returns it. */
static void waf_body(aza_ev *ev, const aza_res *r)
{
	int b, k = aza_prop_bool(ev, r, "properties.policySettings.requestBodyCheck", &b);
	if (k < 0)
		aza_unknown(ev, r, "policySettings.requestBodyCheck is not a boolean");
	else if (k && b)
		aza_pass(ev, r, "policySettings.requestBodyCheck is true");
	else if (k)
		aza_fail(ev, r, "policySettings.requestBodyCheck is false: request bodies are not inspected");
	else if (aza_is_template(r))
		aza_pass(ev, r, "policySettings.requestBodyCheck not set: request body inspection is enabled by default");
	else
		aza_unknown(ev, r, "policySettings.requestBodyCheck is absent (Azure returns it for a deployed policy): whether request bodies "
		                   "are inspected is not known");
}

/* The groups of Microsoft_BotManagerRuleSet (Get-AzFrontDoorWafManagedRuleSetDefinition
 * lists BadBots, GoodBots and UnknownBots for version 1.0; the Application
 * Gateway set is taken to have the same three: bad, good and unknown bots). */
static const char *const BOT_GROUPS[] = {"BadBots", "GoodBots", "UnknownBots"};
#define BOT_NGROUPS (sizeof BOT_GROUPS / sizeof *BOT_GROUPS)
#define BOT_DEFAULTS \
	"The set's ruleGroupOverrides: a group listed without rules is switched off as a whole, " \
	"and a listed rule whose state (Application Gateway) or enabledState (Front Door) is absent is disabled (the " \
	"specification's ManagedRuleGroupOverride and ManagedRuleOverride: 'If none specified, all rules in the group will be " \
	"disabled', 'Defaults to Disabled if not specified'). Overrides that switch off BadBots, GoodBots and UnknownBots (the " \
	"set's groups, as Get-AzFrontDoorWafManagedRuleSetDefinition lists them) as a whole: FAIL, the set protects nothing. " \
	"Overrides that disable every rule they list in each of the three groups: UNKNOWN (whether those are all the groups' " \
	"rules is not in the input). Overrides that switch off less: PASS naming them. A rule override action (Log, say) does " \
	"not count as off: Microsoft Learn describes bot protection as blocking or logging requests from known malicious IP " \
	"addresses, and whether the policy blocks at all is its mode's (AZA-NET-035, AZA-NET-038). ruleGroupOverrides, an " \
	"entry or a rule override that cannot be read (not an array or object, no string ruleGroupName or ruleId, a state " \
	"other than Disabled or Enabled): UNKNOWN."

/* What the ruleGroupOverrides of bot rule set s switch off. A group listed
 * without rules is off as a whole, and a listed rule without a state is
 * disabled (ManagedRuleGroupOverride, ManagedRuleOverride: "If none
 * specified, all rules in the group will be disabled"; "Defaults to
 * Disabled if not specified"); the member is state on Application Gateway
 * policies, enabledState on Front Door ones. A rule's action (Log, say)
 * does not switch it off: Microsoft Learn describes bot protection as
 * blocking or logging the requests, and whether the policy blocks at all
 * is its mode's (AZA-NET-035, AZA-NET-038). */
static void waf_bot_overrides(aza_ev *ev, const aza_res *r, const aza_json *s, const char *ver)
{
	const char *st = aza__strieq(r->type, WAFPOL) ? "state" : "enabledState";
	const aza_json *ovs = aza_json_get(s, "ruleGroupOverrides");
	const char *set = aza_ev_fmt(ev, "managed rule set Microsoft_BotManagerRuleSet %s", ver);
	if (ovs && !aza_json_is(ovs, AZA_JARR) && !aza_json_is(ovs, AZA_JNULL)) {
		aza_unknown(ev, r, "%s is assigned, but its ruleGroupOverrides is not an array: what it switches off is not known", set);
		return;
	}
	/* whole: group off as a whole; listed: every rule it lists is disabled
	 * (whether those are all its rules is not known here). */
	int whole[BOT_NGROUPS] = {0}, listed[BOT_NGROUPS] = {0};
	const char *off = NULL;
	aza_json_each(o, ovs) {
		const char *g = aza_json_str(aza_json_get(o, "ruleGroupName"));
		const aza_json *rules = aza_json_get(o, "rules");
		if (!aza_json_is(o, AZA_JOBJ) || !g || (rules && !aza_json_is(rules, AZA_JARR) && !aza_json_is(rules, AZA_JNULL))) {
			aza_unknown(ev, r, "%s is assigned, but a ruleGroupOverrides entry %s: what it switches off is not known", set,
			            !aza_json_is(o, AZA_JOBJ) ? "is not an object" : !g ? "has no string ruleGroupName" : "has rules that are not an array");
			return;
		}
		size_t gi = BOT_NGROUPS;
		for (size_t i = 0; i < BOT_NGROUPS; i++)
			if (aza__strieq(g, BOT_GROUPS[i]))
				gi = i;
		if (!aza_json_len(rules)) {
			off = aza_ev_fmt(ev, "%s%sgroup %s (all its rules)", off ? off : "", off ? ", " : "", g);
			if (gi < BOT_NGROUPS)
				whole[gi] = 1;
			continue;
		}
		const char *ids = NULL;
		int on = 0;
		aza_json_each(rl, rules) {
			const char *id = aza_json_str(aza_json_get(rl, "ruleId"));
			const aza_json *sv = aza_json_get(rl, st);
			const char *v = aza_json_str(sv);
			if (!aza_json_is(rl, AZA_JOBJ) || !id || (sv && !aza_json_is(sv, AZA_JNULL) && !v) ||
			    (v && !aza__strieq(v, "Disabled") && !aza__strieq(v, "Enabled"))) {
				aza_unknown(ev, r, "%s is assigned, but a rule override in group %s %s: what it switches off is not known", set, g,
				            !aza_json_is(rl, AZA_JOBJ) ? "is not an object"
				            : !id                      ? "has no string ruleId"
				            : v                        ? aza_ev_fmt(ev, "has %s '%s' (the API takes Disabled or Enabled)", st, v)
				                                       : aza_ev_fmt(ev, "whose %s is not a string", st));
				return;
			}
			if (v && aza__strieq(v, "Enabled")) {
				on = 1;
				continue;
			}
			ids = aza_ev_fmt(ev, "%s%s%s", ids ? ids : "", ids ? " " : "", id);
		}
		if (ids)
			off = aza_ev_fmt(ev, "%s%srules %s of group %s", off ? off : "", off ? ", " : "", ids, g);
		if (!on && gi < BOT_NGROUPS)
			listed[gi] = 1;
	}
	int all_whole = 1, all_off = 1;
	for (size_t i = 0; i < BOT_NGROUPS; i++) {
		all_whole &= whole[i];
		all_off &= whole[i] | listed[i];
	}
	if (all_whole)
		aza_fail(ev, r, "%s is assigned, but its ruleGroupOverrides switch off every group (%s): it protects nothing", set, off);
	else if (all_off)
		aza_unknown(ev, r, "%s is assigned, but its ruleGroupOverrides disable every rule they list in each of its groups (%s): "
		                   "whether any of its rules is still on is not known",
		            set, off);
	else if (off)
		aza_pass(ev, r, "%s is assigned; its ruleGroupOverrides switch off %s", set, off);
	else
		aza_pass(ev, r, "%s is assigned", set);
}

static void waf_bot(aza_ev *ev, const aza_res *r)
{
	const aza_json *sets = aza_prop(ev, r, "properties.managedRules.managedRuleSets");
	if (sets && !aza_json_is(sets, AZA_JARR)) {
		aza_unknown(ev, r, "managedRules.managedRuleSets is not an array");
		return;
	}
	aza_json_each(s, sets) {
		const char *t = aza_json_str(aza_json_get(s, "ruleSetType"));
		if (t && aza__strieq(t, "Microsoft_BotManagerRuleSet")) {
			const char *v = aza_json_str(aza_json_get(s, "ruleSetVersion"));
			waf_bot_overrides(ev, r, s, v ? v : "(no version)");
			return;
		}
	}
	aza_fail(ev, r, "no Microsoft_BotManagerRuleSet among the managed rule sets");
}

/* ------------------------------------------------ Azure Firewall and policy */

#define FWPOL "Microsoft.Network/firewallPolicies"
#define FWPOL_DEPTH 8 /* parent policies followed (basePolicy ids); a longer chain is UNKNOWN */

/* A firewall policy mode (threatIntelMode, intrusionDetection.mode) reads
 * Off, Alert or Deny (FirewallPolicyPropertiesFormat, 2024-05-01). */
static int fw_mode_known(const char *v)
{
	return aza__strieq(v, "Off") || aza__strieq(v, "Alert") || aza__strieq(v, "Deny");
}

/* For firewall policy p whose own mode at `path` is not Deny: what its
 * parents (properties.basePolicy.id, nearest first, up to FWPOL_DEPTH)
 * say. 1 with *deny the nearest parent that sets Deny; -1 with *why when
 * a parent before it has no string id, is not in the input or has a mode
 * that cannot be read, or the chain loops or runs deeper than FWPOL_DEPTH;
 * 0 when no parent exists or none sets Deny. */
static int fwpol_parents(aza_ev *ev, const aza_res *p, const char *path, const char *what, const aza_res **deny,
                         const char **why)
{
	const aza_res *seen[FWPOL_DEPTH + 1] = {p};
	const aza_res *q = p;
	for (int i = 0; i < FWPOL_DEPTH; i++) {
		const aza_json *b = aza_prop(ev, q, "properties.basePolicy");
		if (!b || aza_json_is(b, AZA_JNULL))
			return 0;
		const char *bid = aza_json_str(aza_json_get(b, "id"));
		if (!bid) {
			*why = aza_ev_fmt(ev, "%s names a parent policy (basePolicy) without a string id, whose %s may be inherited",
			                  q->name, what);
			return -1;
		}
		const aza_res *par = aza_inv_find(aza_ev_inv(ev), bid);
		if (!par) {
			*why = aza_ev_fmt(ev, "its parent policy %s (basePolicy of %s), whose %s may be inherited, is not in the input",
			                  aza_last_seg(bid), q->name, what);
			return -1;
		}
		for (int j = 0; j <= i; j++)
			if (seen[j] == par) {
				*why = aza_ev_fmt(ev, "its parent policies (basePolicy) loop back to %s", par->name);
				return -1;
			}
		seen[i + 1] = par;
		const char *v = NULL;
		int k = aza_prop_str(ev, par, path, &v);
		if (k < 0 || (k > 0 && !fw_mode_known(v))) {
			*why = aza_ev_fmt(ev, "its parent policy %s has a %s that cannot be read", par->name, what);
			return -1;
		}
		if (k > 0 && aza__strieq(v, "Deny")) {
			*deny = par;
			return 1;
		}
		q = par;
	}
	*why = aza_ev_fmt(ev, "its parent policies (basePolicy) go deeper than %d levels", FWPOL_DEPTH);
	return -1;
}

/* One threat intelligence allowlist entry: 2 when it exempts every address
 * or domain ('*', an IPv4 or IPv6 /0), 1 when it exempts the internet at
 * large (a range aza_nsg__fw_open counts so; a wildcard over a whole
 * top-level domain such as '*.com'), 0 when it is narrower, -1 when it is
 * not an address, range or name. */
static int fw_ti_entry(const char *v, int fqdn)
{
	while (*v == ' ')
		v++;
	size_t n = strlen(v);
	while (n && v[n - 1] == ' ')
		n--;
	char buf[256];
	if (!n || n >= sizeof buf)
		return -1;
	memcpy(buf, v, n);
	buf[n] = 0;
	if (!strcmp(buf, "*"))
		return 2;
	if (fqdn) {
		if (buf[0] != '*')
			return 0;
		const char *rest = buf + 1 + (buf[1] == '.');
		return strchr(rest, '.') ? 0 : 1;
	}
	aza_nsg_span sp;
	if (!aza_nsg__prefix(buf, &sp))
		return -1;
	return aza_nsg__fw_open(&sp);
}

/* Entry e of allowlist `what` (f: its FQDN list): 1 with *why naming it
 * when it is too wide, -1 with *why when it cannot be read, else 0. */
static int fw_ti_judge(aza_ev *ev, const char *what, const char *e, int f, const char **why)
{
	int k = fw_ti_entry(e, f);
	if (k < 0)
		*why = aza_ev_fmt(ev, "%s entry '%s' is not %s", what, e, f ? "a domain name" : "an address or address range");
	else if (k)
		*why = aza_ev_fmt(ev, "%s entry '%s' exempts %s", what, e,
		                  k == 2 ? (f ? "every domain" : "every address") : f ? "a whole top-level domain" : AZA_NSG_FW_WIDE);
	return k < 0 ? -1 : k > 0;
}

/* Threat intelligence allowlist entries bypass threat intelligence filtering
 * (Microsoft Learn, Azure Firewall threat intelligence-based filtering:
 * allowlists "exempt specific FQDNs, IP addresses, ranges, or subnets from
 * threat intelligence filtering"), so one that covers
 * everything leaves Deny nothing to deny. The allowlist is a policy's
 * properties.threatIntelWhitelist {ipAddresses, fqdns} (string arrays), or
 * a classic firewall's additionalProperties "ThreatIntel.Whitelist.IpAddresses"
 * and "ThreatIntel.Whitelist.FQDNs" (comma-separated strings, as the Azure
 * CLI and PowerShell write them). Returns 1 with *why naming the first
 * entry that is too wide, -1 with *why when the list cannot be read, 0
 * otherwise. */
static int fw_ti_allowlist(aza_ev *ev, const aza_res *x, int policy, const char **why)
{
	static const char *const keys[2][2] = {{"ThreatIntel.Whitelist.IpAddresses", "ThreatIntel.Whitelist.FQDNs"},
	                                       {"ipAddresses", "fqdns"}};
	const char *holder = policy ? "properties.threatIntelWhitelist" : "properties.additionalProperties";
	const aza_json *o = aza_prop(ev, x, holder);
	if (!o || aza_json_is(o, AZA_JNULL))
		return 0;
	if (!aza_json_is(o, AZA_JOBJ)) {
		*why = aza_ev_fmt(ev, "%s is not an object", holder + 11);
		return -1;
	}
	for (int f = 0; f < 2; f++) {
		const char *key = keys[policy][f];
		const aza_json *l = aza_json_get(o, key);
		if (!l || aza_json_is(l, AZA_JNULL))
			continue;
		const char *what = aza_ev_fmt(ev, policy ? "threatIntelWhitelist.%s" : "additionalProperties \"%s\"", key);
		if (policy ? !aza_json_is(l, AZA_JARR) : !aza_json_str(l)) {
			*why = aza_ev_fmt(ev, "%s is not %s", what, policy ? "an array" : "a string");
			return -1;
		}
		if (!policy) {
			/* "a, b,c": entries between commas; an empty one (a trailing
			 * comma) is nothing. */
			const char *p = aza_json_str(l);
			while (*p) {
				size_t n = strcspn(p, ",");
				size_t lead = strspn(p, " ");
				lead = lead < n ? lead : n;
				size_t len = n - lead;
				while (len && p[lead + len - 1] == ' ')
					len--;
				const char *e = aza_ev_fmt(ev, "%.*s", (int)len, p + lead);
				p += n + (p[n] == ',');
				int k = len ? fw_ti_judge(ev, what, e, f, why) : 0;
				if (k)
					return k;
			}
			continue;
		}
		aza_json_each(it, l) {
			const char *e = aza_json_str(it);
			if (!e) {
				*why = aza_ev_fmt(ev, "%s has an entry that is not a string", what);
				return -1;
			}
			int k = fw_ti_judge(ev, what, e, f, why);
			if (k)
				return k;
		}
	}
	return 0;
}

/* Deny, as `head` says, judged for firewall r on the allowlist of x (a
 * policy, or r itself: fw_ti_allowlist): an entry that covers everything
 * leaves Deny nothing to deny. */
static void fw_ti_deny(aza_ev *ev, const aza_res *r, const aza_res *x, int policy, const char *head)
{
	const char *aw = NULL;
	int ak = fw_ti_allowlist(ev, x, policy, &aw);
	if (ak > 0)
		aza_fail(ev, r, "%s, but its %s from threat intelligence filtering: Deny blocks nothing there", head, aw);
	else if (ak < 0)
		aza_unknown(ev, r, "%s, but %s: what its allowlist exempts is not known", head, aw);
	else
		aza_pass(ev, r, "%s", head);
}

/* Threat intelligence of firewall policy p, for firewall r. */
static void fw_ti_policy(aza_ev *ev, const aza_res *r, const aza_res *p)
{
	/* A deployed policy's GET returns its properties: without them the
	 * input says nothing of its mode. */
	if (!aza_is_template(p) && !aza_json_is(aza_prop(ev, p, "properties"), AZA_JOBJ)) {
		aza_unknown(ev, r, "firewall policy %s is in the input without its properties", p->name);
		return;
	}
	const char *v = NULL;
	int k = aza_prop_str(ev, p, "properties.threatIntelMode", &v);
	if (k < 0 || (k > 0 && !fw_mode_known(v))) {
		aza_unknown(ev, r, "firewall policy %s has a threatIntelMode %s", p->name,
		            k < 0 ? "that is not a string" : aza_ev_fmt(ev, "'%s' that is none of Off, Alert, Deny", v));
		return;
	}
	if (k > 0 && aza__strieq(v, "Deny")) {
		fw_ti_deny(ev, r, p, 1, aza_ev_fmt(ev, "firewall policy %s has threatIntelMode Deny", p->name));
		return;
	}
	/* Absent is Alert: threat intelligence-based filtering is on in Alert
	 * mode by default (Azure Firewall threat intelligence docs). */
	const char *own = k > 0 ? v : "not set (Alert by default)";
	const aza_res *deny = NULL;
	const char *why = NULL;
	int up = fwpol_parents(ev, p, "properties.threatIntelMode", "threatIntelMode", &deny, &why);
	if (up > 0) {
		/* The policy's own allowlist applies to its firewalls; whether a
		 * child takes its parents' allowlists is not documented, so a wide
		 * entry up the chain (to the policy whose Deny applies) leaves it
		 * open. */
		const char *aw = NULL;
		int ak = fw_ti_allowlist(ev, p, 1, &aw);
		if (ak > 0) {
			aza_fail(ev, r, "firewall policy %s inherits threatIntelMode Deny from its parent policy %s, but its %s from threat "
			                "intelligence filtering: Deny blocks nothing there", p->name, deny->name, aw);
			return;
		}
		for (const aza_res *q = p; ak == 0 && q != deny;) {
			q = aza_inv_find(aza_ev_inv(ev), aza_json_str(aza_json_get(aza_prop(ev, q, "properties.basePolicy"), "id")));
			if (!q)
				break;
			if ((ak = fw_ti_allowlist(ev, q, 1, &aw)) > 0)
				aw = aza_ev_fmt(ev, "its parent policy %s's %s, and whether a child policy takes its parent's threat intelligence "
				                "allowlist is not documented", q->name, aw);
			else if (ak < 0)
				aw = aza_ev_fmt(ev, "its parent policy %s's %s", q->name, aw);
		}
		if (ak) {
			aza_unknown(ev, r, "firewall policy %s inherits threatIntelMode Deny from its parent policy %s, but %s%s", p->name, deny->name,
			            ak < 0 && !strstr(aw, "parent policy") ? "its " : "", aw);
			return;
		}
		/* Microsoft Learn, Azure Firewall Manager policy overview
		 * (Hierarchical policies): the mode is inherited from the parent,
		 * and a child can override it only with a stricter value. */
		aza_pass(ev, r, "firewall policy %s has threatIntelMode %s, but inherits Deny from its parent policy %s: a child policy "
		                "can only make the inherited mode stricter",
		         p->name, own, deny->name);
	} else if (up < 0)
		aza_unknown(ev, r, "firewall policy %s has threatIntelMode %s, but %s", p->name, own, why);
	else
		aza_fail(ev, r, "firewall policy %s has threatIntelMode %s: traffic to and from known malicious addresses and domains is %s",
		         p->name, own, k > 0 && aza__strieq(v, "Off") ? "not filtered" : "only logged, not denied");
}

static void fw_threat_intel(aza_ev *ev, const aza_res *r)
{
	/* With a policy, the policy's threat intelligence settings apply and
	 * the firewall's own (classic) threatIntelMode does not. */
	const aza_json *fp = aza_prop(ev, r, "properties.firewallPolicy");
	if (fp && !aza_json_is(fp, AZA_JNULL)) {
		const char *pid = aza_json_str(aza_json_get(fp, "id"));
		if (!pid) {
			aza_unknown(ev, r, "firewallPolicy has no string id: the policy that sets threatIntelMode cannot be read");
			return;
		}
		const aza_res *p = aza_inv_find(aza_ev_inv(ev), pid);
		if (!p) {
			const char *why = NULL;
			int got = aza_ev_collected(ev, FWPOL, r, &why);
			aza_unknown(ev, r, "firewall policy %s, whose threatIntelMode applies, is not in the input%s%s", aza_last_seg(pid),
			            got ? "" : ": ", got ? "" : why);
			return;
		}
		fw_ti_policy(ev, r, p);
		return;
	}
	const char *v = NULL;
	int k = aza_prop_str(ev, r, "properties.threatIntelMode", &v);
	if (k < 0 || (k > 0 && !fw_mode_known(v))) {
		aza_unknown(ev, r, "no firewall policy and threatIntelMode %s", k < 0 ? "is not a string" : aza_ev_fmt(ev, "'%s' is none of Off, Alert, Deny", v));
		return;
	}
	if (k > 0 && aza__strieq(v, "Deny")) {
		const char *why;
		if (aza_api_predates(ev, r, "2018-12-01", &why))
			aza_unknown(ev, r, "threatIntelMode is Deny, but %s", why);
		else
			fw_ti_deny(ev, r, r, 0, "no firewall policy; the firewall's threatIntelMode is Deny");
		return;
	}
	aza_fail(ev, r, "no firewall policy; the firewall's threatIntelMode is %s", k > 0 ? v : "not set (Alert by default)");
}

static void fwpol_idps(aza_ev *ev, const aza_res *r)
{
	const char *tier = NULL;
	const aza_json *sku = aza_prop(ev, r, "properties.sku");
	int tk = aza_prop_str(ev, r, "properties.sku.tier", &tier);
	if (tk < 0 || (sku && !aza_json_is(sku, AZA_JOBJ) && !aza_json_is(sku, AZA_JNULL))) {
		aza_unknown(ev, r, "sku.tier cannot be read: whether the policy is Premium is not known");
		return;
	}
	/* FirewallPolicySku: a policy created without a tier is Standard. */
	if (!tk) {
		aza_na(ev, r, "sku.tier is not set (Standard by default): intrusion detection needs the Premium tier");
		return;
	}
	if (!aza__strieq(tier, "Premium")) {
		aza_na(ev, r, "sku.tier is %s: intrusion detection needs the Premium tier", tier);
		return;
	}
	if (aza_not_object(ev, r, "properties.intrusionDetection"))
		return;
	const char *v = NULL;
	int k = aza_prop_str(ev, r, "properties.intrusionDetection.mode", &v);
	if (k < 0 || (k > 0 && !fw_mode_known(v))) {
		aza_unknown(ev, r, "intrusionDetection.mode %s", k < 0 ? "is not a string" : aza_ev_fmt(ev, "'%s' is none of Off, Alert, Deny", v));
		return;
	}
	if (k > 0 && aza__strieq(v, "Deny")) {
		const char *why, *all = NULL;
		/* A bypass rule of every protocol, source, destination and port
		 * (FirewallPolicyIntrusionDetectionBypassTrafficSpecifications)
		 * exempts all traffic from IDPS: Deny then blocks nothing. */
		const aza_json *byp = aza_prop(ev, r, "properties.intrusionDetection.configuration.bypassTrafficSettings");
		if (byp && !aza_json_is(byp, AZA_JARR) && !aza_json_is(byp, AZA_JNULL)) {
			aza_unknown(ev, r, "intrusionDetection.mode is Deny, but configuration.bypassTrafficSettings is not an array: "
			                   "what IDPS inspects is not known");
			return;
		}
		aza_json_each(b, byp) {
			const char *pr = aza_json_str(aza_json_get(b, "protocol"));
			int every = pr && aza__strieq(pr, "ANY");
			static const char *const sides[] = {"sourceAddresses", "destinationAddresses", "destinationPorts"};
			for (size_t i = 0; i < 3 && every; i++) {
				int star = 0;
				aza_json_each(it, aza_json_get(b, sides[i])) {
					const char *t = aza_json_str(it);
					star |= t && !strcmp(t, "*");
				}
				every = star;
			}
			if (every && !all) {
				const char *nm = aza_json_str(aza_json_get(b, "name"));
				all = nm ? nm : "(unnamed)";
			}
		}
		if (all)
			aza_fail(ev, r, "intrusionDetection.mode is Deny, but bypass rule %s (protocol ANY, sources *, destinations *, "
			                "ports *) exempts all traffic from intrusion detection", all);
		else if (aza_api_predates(ev, r, "2020-11-01", &why))
			aza_unknown(ev, r, "intrusionDetection.mode is Deny, but %s", why);
		else
			aza_pass(ev, r, "sku.tier Premium and intrusionDetection.mode Deny");
		return;
	}
	/* Absent is Off: IDPS inspects nothing until a mode is chosen. */
	const char *own = k > 0 ? v : "not set (Off by default)";
	const aza_res *deny = NULL;
	const char *why = NULL;
	int up = fwpol_parents(ev, r, "properties.intrusionDetection.mode", "intrusionDetection.mode", &deny, &why);
	/* Unlike threatIntelMode, Microsoft Learn does not say whether a child
	 * policy inherits its parent's IDPS mode (the policy overview lists
	 * rule collections, threat intelligence mode and allowlist). */
	if (up > 0)
		aza_unknown(ev, r, "intrusionDetection.mode is %s, but its parent policy %s sets intrusionDetection.mode Deny, and Microsoft "
		                   "Learn does not say whether a child policy inherits it",
		            own, deny->name);
	else if (up < 0)
		aza_unknown(ev, r, "intrusionDetection.mode is %s, but %s", own, why);
	else
		aza_fail(ev, r, "sku.tier Premium but intrusionDetection.mode is %s: matched signatures are %s", own,
		         k > 0 && aza__strieq(v, "Alert") ? "only alerted on, not blocked" : "not inspected");
}

/* ------------------------------------------------ Front Door and its WAF */

#define AFDEP "Microsoft.Cdn/profiles/afdEndpoints"
#define AFDDOM "Microsoft.Cdn/profiles/customDomains"
#define AFDSEC "Microsoft.Cdn/profiles/securityPolicies"
#define AFDROUTE "Microsoft.Cdn/profiles/afdEndpoints/routes"
#define FDWAF "Microsoft.Network/FrontDoorWebApplicationFirewallPolicies"
#define FDCLASSIC "Microsoft.Network/frontDoors"

/* What differs between the two kinds of WAF policy a judge reads: the
 * type (for the collection check), the member of policySettings that holds
 * its state, and the mode a template policy without one gets (NULL: no
 * documented default), with the source that says so. */
typedef struct {
	const char *type, *state, *mode_default, *mode_why;
} waf_kind;

static const waf_kind FD_KIND = {FDWAF, "enabledState", NULL, NULL};
/* The specification's WafPolicyCreateOrUpdate example (2024-05-01) sends
 * policySettings without a mode and gets "mode": "Detection" back (and
 * "state": "Enabled", which AZA-NET-010 relies on); the PolicySettings
 * definition documents no default of its own. */
static const waf_kind AG_KIND = {WAFPOL, "state", "Detection",
                                 "the API's default: the specification's WafPolicyCreateOrUpdate example sends none and gets "
                                 "Detection"};

/* WAF policy pid (of kind k) that what `via` names links, for resource r:
 * NULL, with *msg saying why, when the input does not hold it or holds a
 * deployed one without its properties (its GET returns them: without
 * them the input says nothing of its state or mode). */
static const aza_res *waf_find(aza_ev *ev, const aza_res *r, const waf_kind *k, const char *pid, const char *via,
                               const char **msg)
{
	const aza_res *p = aza_inv_find(aza_ev_inv(ev), pid);
	if (!p) {
		const char *why = NULL;
		int got = aza_ev_collected(ev, k->type, r, &why);
		*msg = aza_ev_fmt(ev, "%s WAF policy %s, which is not in the input%s%s", via, aza_last_seg(pid), got ? "" : ": ",
		                  got ? "" : why);
		return NULL;
	}
	if (!aza_is_template(p) && !aza_json_is(aza_prop(ev, p, "properties"), AZA_JOBJ)) {
		*msg = aza_ev_fmt(ev, "%s WAF policy %s, which is in the input without its properties", via, p->name);
		return NULL;
	}
	return p;
}

/* Whether WAF policy p (of kind k), which what `via` names links, runs:
 * AZA_FAIL when its state is Disabled, AZA_UNKNOWN when the state cannot
 * be read, both with *msg saying why; AZA_PASS when it is Enabled, *st
 * then the value (NULL: not set). PolicySettings: a state absent from a
 * template is Enabled (Front Door: "Defaults to Enabled if not
 * specified"; Application Gateway: the WafPolicyCreateOrUpdate example);
 * a deployed policy's GET returns it. */
static aza_status waf_state(aza_ev *ev, const aza_res *p, const waf_kind *k, const char *via, const char **st,
                            const char **msg)
{
	const char *v = NULL;
	int sk = aza_prop_str(ev, p, aza_ev_fmt(ev, "properties.policySettings.%s", k->state), &v);
	*st = sk > 0 ? v : NULL;
	if (sk > 0 && aza__strieq(v, "Disabled")) {
		*msg = aza_ev_fmt(ev, "%s WAF policy %s, whose policySettings.%s is Disabled: requests bypass it", via, p->name,
		                  k->state);
		return AZA_FAIL;
	}
	if (sk < 0 || (sk > 0 && !aza__strieq(v, "Enabled")) || (!sk && !aza_is_template(p))) {
		*msg = aza_ev_fmt(ev, "%s WAF policy %s, whose policySettings.%s is %s", via, p->name, k->state,
		                  sk > 0 ? aza_ev_fmt(ev, "'%s'", v) : sk < 0 ? "not a string" : "absent");
		return AZA_UNKNOWN;
	}
	return AZA_PASS;
}

/* WAF policy pid (of kind k) as the protection of what `via` names, judged
 * for resource r: AZA_PASS when the policy is in the input, enabled and in
 * Prevention mode; *msg says why in every case. */
static aza_status waf_judge(aza_ev *ev, const aza_res *r, const waf_kind *k, const char *pid, const char *via,
                            const char **msg)
{
	const aza_res *p = waf_find(ev, r, k, pid, via, msg);
	if (!p)
		return AZA_UNKNOWN;
	const char *st = NULL, *mode = NULL;
	aza_status ss = waf_state(ev, p, k, via, &st, msg);
	if (ss == AZA_FAIL)
		return ss;
	int mk = aza_prop_str(ev, p, "properties.policySettings.mode", &mode);
	/* A template policy without a mode gets the API's default, if any. */
	int dflt = !mk && aza_is_template(p) && k->mode_default;
	if (dflt)
		mode = k->mode_default;
	/* Detection fails whatever a state that cannot be read is. */
	if ((mk > 0 || dflt) && aza__strieq(mode, "Detection")) {
		*msg = aza_ev_fmt(ev, "%s WAF policy %s, whose policySettings.mode is %s: matching requests are only logged, "
		                  "not blocked", via, p->name,
		                  dflt ? aza_ev_fmt(ev, "not set (Detection, %s)", k->mode_why) : "Detection");
		return AZA_FAIL;
	}
	if (ss == AZA_UNKNOWN)
		return ss;
	/* Otherwise only Prevention passes: a deployed policy's GET returns
	 * the mode, and Front Door documents no default. */
	if ((mk <= 0 && !dflt) || !aza__strieq(mode, "Prevention")) {
		*msg = aza_ev_fmt(ev, "%s WAF policy %s, whose policySettings.mode is %s", via, p->name,
		                  mk > 0 ? aza_ev_fmt(ev, "'%s'", mode)
		                  : mk < 0 ? "not a string"
		                  : k->mode_default ? "absent"
		                  : "not set (no documented default)");
		return AZA_UNKNOWN;
	}
	*msg = aza_ev_fmt(ev, "%s WAF policy %s (policySettings.%s %s, mode Prevention)", via, p->name, k->state,
	                  st ? st : "not set: Enabled by default");
	return AZA_PASS;
}

/* Front Door WAF policy pid as the protection of what `via` names. */
static aza_status fdwaf_judge(aza_ev *ev, const aza_res *r, const char *pid, const char *via, const char **msg)
{
	return waf_judge(ev, r, &FD_KIND, pid, via, msg);
}

static void verdict(aza_ev *ev, const aza_res *r, aza_status st, const char *msg)
{
	if (st == AZA_PASS)
		aza_pass(ev, r, "%s", msg);
	else if (st == AZA_FAIL)
		aza_fail(ev, r, "%s", msg);
	else
		aza_unknown(ev, r, "%s", msg);
}

/* One of the protections a verdict on r rests on, judged st (msg says
 * why): a FAIL decides, and is reported (1 returned); otherwise the first
 * UNKNOWN's message is kept in *unknown and the PASSes' in *names. */
static int fd_gather(aza_ev *ev, const aza_res *r, aza_status st, const char *msg, const char **unknown, const char **names)
{
	if (st == AZA_FAIL) {
		aza_fail(ev, r, "%s", msg);
		return 1;
	}
	if (st == AZA_UNKNOWN)
		*unknown = *unknown ? *unknown : msg;
	else
		*names = *names ? aza_ev_fmt(ev, "%s; %s", *names, msg) : msg;
	return 0;
}

/* The verdict on r once every protection was gathered without a FAIL
 * (fd_gather): the first UNKNOWN, else the PASSes. */
static void fd_verdict(aza_ev *ev, const aza_res *r, const char *unknown, const char *names)
{
	if (unknown)
		aza_unknown(ev, r, "%s", unknown);
	else
		aza_pass(ev, r, "%s", names);
}

/* ------------------------------------------ Application Gateway WAF */

/* How a judge reads the WAF policy a gateway, listener or path rule links:
 * for its mode (AZA-NET-038) or only for whether it runs (AZA-NET-010). */
typedef aza_status (*ag_judge)(aza_ev *ev, const aza_res *r, const char *pid, const char *via, const char **msg);

static aza_status ag_mode_judge(aza_ev *ev, const aza_res *r, const char *pid, const char *via, const char **msg)
{
	return waf_judge(ev, r, &AG_KIND, pid, via, msg);
}

/* Whether Application Gateway WAF policy pid runs: AZA_FAIL when its
 * policySettings.state is Disabled, AZA_PASS when it is Enabled (absent
 * from a template policy it is Enabled, as waf_judge takes it; a deployed
 * policy's GET returns it). Its mode is AZA-NET-038's. */
static aza_status ag_state_judge(aza_ev *ev, const aza_res *r, const char *pid, const char *via, const char **msg)
{
	const aza_res *p = waf_find(ev, r, &AG_KIND, pid, via, msg);
	if (!p)
		return AZA_UNKNOWN;
	const char *st = NULL;
	aza_status ss = waf_state(ev, p, &AG_KIND, via, &st, msg);
	if (ss == AZA_PASS)
		*msg = aza_ev_fmt(ev, "%s WAF policy %s (policySettings.state %s)", via, p->name, st ? st : "not set: Enabled by default");
	return ss;
}

/* The WAF policy that listener or path rule e of gateway r links (`what`
 * and `name` name it in messages), judged by `judge` and gathered as
 * fd_gather does; 1 when a FAIL was reported. */
static int appgw_sub_policy(aza_ev *ev, const aza_res *r, ag_judge judge, const aza_json *e, const char *what, const char *name,
                            const char **unknown, const char **names)
{
	const aza_json *id = aza_json_path(e, "properties.firewallPolicy.id");
	if (!id || aza_json_is(id, AZA_JNULL))
		return 0; /* the gateway's policy applies */
	const char *pid = aza_json_str(id), *msg = NULL;
	if (!pid)
		return fd_gather(ev, r, AZA_UNKNOWN, aza_ev_fmt(ev, "%s %s links a WAF policy whose id is not a string", what, name),
		                 unknown, names);
	aza_status st = judge(ev, r, pid, aza_ev_fmt(ev, "%s %s uses", what, name), &msg);
	return fd_gather(ev, r, st, msg, unknown, names);
}

/* Whether entry e links a WAF policy of its own (a firewallPolicy that is
 * not null). */
static int appgw_links(const aza_json *e)
{
	const aza_json *fp = aza_json_path(e, "properties.firewallPolicy");
	return fp && !aza_json_is(fp, AZA_JNULL);
}

/* How many httpListeners and urlPathMaps pathRules of gateway r link a WAF
 * policy of their own; *bare names the first listener that links none
 * (NULL when every one does). -1 when either list cannot be read. */
static int appgw_sub_links(aza_ev *ev, const aza_res *r, const char **bare)
{
	int n = 0;
	*bare = NULL;
	const aza_json *ls = aza_prop(ev, r, "properties.httpListeners");
	const aza_json *maps = aza_prop(ev, r, "properties.urlPathMaps");
	if ((ls && !aza_json_is(ls, AZA_JARR) && !aza_json_is(ls, AZA_JNULL)) ||
	    (maps && !aza_json_is(maps, AZA_JARR) && !aza_json_is(maps, AZA_JNULL)))
		return -1;
	aza_json_each(l, ls) {
		if (appgw_links(l))
			n++;
		else if (!*bare) {
			const char *ln = aza_json_str(aza_json_get(l, "name"));
			*bare = ln ? ln : "(unnamed)";
		}
	}
	aza_json_each(m, maps) {
		const aza_json *rules = aza_json_path(m, "properties.pathRules");
		if (rules && !aza_json_is(rules, AZA_JARR) && !aza_json_is(rules, AZA_JNULL))
			return -1;
		aza_json_each(pr, rules) n += appgw_links(pr);
	}
	return n;
}

/* The policies gateway r's listeners and path rules link, each judged by
 * `judge`: the gateway's policy (or legacy configuration) applies to the
 * listeners that link none of their own; a listener's policy replaces it
 * for that listener's traffic, and a path rule's for its paths (Microsoft
 * Learn, Create Web Application Firewall policies for Application
 * Gateway). Gathered as fd_gather does; 1 when a FAIL was reported. */
static int appgw_subs(aza_ev *ev, const aza_res *r, ag_judge judge, const char **unknown, const char **names)
{
	const aza_json *ls = aza_prop(ev, r, "properties.httpListeners");
	/* A deployed gateway's GET returns its httpListeners (appgw_listeners),
	 * each with its properties, and its urlPathMaps' path rules with
	 * theirs: without them (a trimmed export) a listener or path may link
	 * a policy of its own that fails. A template declares what it has. */
	int deployed = !aza_is_template(r);
	if (deployed && (!ls || aza_json_is(ls, AZA_JNULL)))
		*unknown = *unknown ? *unknown
		                    : "httpListeners is not in the input: whether a listener links a WAF policy of its own is not known";
	if (ls && !aza_json_is(ls, AZA_JARR) && !aza_json_is(ls, AZA_JNULL))
		*unknown = *unknown ? *unknown : "httpListeners is not an array: their own WAF policies cannot be read";
	else
		aza_json_each(l, ls) {
			const char *n = aza_json_str(aza_json_get(l, "name"));
			if (deployed && !aza_json_is(aza_json_get(l, "properties"), AZA_JOBJ)) {
				*unknown = *unknown ? *unknown
				                    : aza_ev_fmt(ev, "listener %s has no properties: whether it links a WAF policy of its own is not known",
				                                 n ? n : "(unnamed)");
				continue;
			}
			if (appgw_sub_policy(ev, r, judge, l, "listener", n ? n : "(unnamed)", unknown, names))
				return 1;
		}
	const aza_json *maps = aza_prop(ev, r, "properties.urlPathMaps");
	if (maps && !aza_json_is(maps, AZA_JARR) && !aza_json_is(maps, AZA_JNULL))
		*unknown = *unknown ? *unknown : "urlPathMaps is not an array: their path rules' WAF policies cannot be read";
	else
		aza_json_each(m, maps) {
			const char *mn = aza_json_str(aza_json_get(m, "name"));
			const aza_json *rules = aza_json_path(m, "properties.pathRules");
			if (deployed && !aza_json_is(aza_json_get(m, "properties"), AZA_JOBJ)) {
				*unknown = *unknown ? *unknown
				                    : aza_ev_fmt(ev, "urlPathMaps %s has no properties: whether its path rules link WAF policies of "
				                                     "their own is not known", mn ? mn : "(unnamed)");
				continue;
			}
			if (rules && !aza_json_is(rules, AZA_JARR) && !aza_json_is(rules, AZA_JNULL)) {
				*unknown = *unknown ? *unknown
				                    : aza_ev_fmt(ev, "urlPathMaps %s's pathRules is not an array: their WAF policies cannot be read",
				                                 mn ? mn : "(unnamed)");
				continue;
			}
			aza_json_each(pr, rules) {
				const char *pn = aza_json_str(aza_json_get(pr, "name"));
				if (deployed && !aza_json_is(aza_json_get(pr, "properties"), AZA_JOBJ)) {
					*unknown = *unknown ? *unknown
					                    : aza_ev_fmt(ev, "path rule %s/%s has no properties: whether it links a WAF policy of its own "
					                                     "is not known", mn ? mn : "(unnamed)", pn ? pn : "(unnamed)");
					continue;
				}
				if (appgw_sub_policy(ev, r, judge, pr, "path rule",
				                     aza_ev_fmt(ev, "%s/%s", mn ? mn : "(unnamed)", pn ? pn : "(unnamed)"), unknown, names))
					return 1;
			}
		}
	return 0;
}

/* The mode of Application Gateway r's WAF (AZA-NET-038): the gateway's
 * policy (or legacy configuration) and each listener's and path rule's own
 * (appgw_subs) are judged: the first that fails decides, naming where it
 * applies. A gateway whose own WAF does not run is AZA-NET-010's, unless
 * listeners or path rules link policies of their own: theirs are judged. */
static void appgw_waf_mode(aza_ev *ev, const aza_res *r)
{
	const char *tier = NULL;
	int tk = aza_prop_str(ev, r, "properties.sku.tier", &tier);
	if (tk <= 0) {
		aza_unknown(ev, r, "sku.tier is %s: whether the gateway has a WAF is not known", tk ? "not a string" : "absent");
		return;
	}
	if (!aza__istarts(tier, "WAF")) {
		aza_na(ev, r, "sku.tier is %s: the gateway has no web application firewall (AZA-NET-010)", tier);
		return;
	}
	const char *unknown = NULL, *names = NULL, *msg = NULL, *pid = NULL, *bare = NULL;
	int pk = aza_prop_str(ev, r, "properties.firewallPolicy.id", &pid);
	if (pk < 0) {
		aza_unknown(ev, r, "firewallPolicy.id is %s", aza_unread_why(ev, r, "properties.firewallPolicy.id"));
		return;
	}
	if (pk > 0) {
		const aza_res *p = linked_policy(ev, r);
		const char *st = NULL;
		if (p && aza_prop_str(ev, p, "properties.policySettings.state", &st) > 0 && aza__strieq(st, "Disabled")) {
			aza_na(ev, r, "the gateway's WAF policy %s has policySettings.state Disabled: no WAF runs (AZA-NET-010)", p->name);
			return;
		}
		aza_status s = ag_mode_judge(ev, r, pid, "the gateway links", &msg);
		if (fd_gather(ev, r, s, msg, &unknown, &names))
			return;
	} else {
		int en = 0;
		int ek = aza_prop_bool(ev, r, "properties.webApplicationFirewallConfiguration.enabled", &en);
		if (ek < 0) {
			aza_unknown(ev, r, "no WAF policy is linked and webApplicationFirewallConfiguration.enabled is not a boolean");
			return;
		}
		if (!ek || !en) {
			/* No WAF of the gateway's own: only the listeners and
			 * path rules that link a policy have one. */
			if (appgw_sub_links(ev, r, &bare) == 0) {
				aza_na(ev, r, "sku.tier is %s but no WAF policy is linked and webApplicationFirewallConfiguration is not enabled: "
				              "no WAF runs (AZA-NET-010)",
				       tier);
				return;
			}
			names = "no WAF policy is linked to the gateway (AZA-NET-010 judges the listeners without one of their own)";
		} else {
			/* The API requires firewallMode with enabled and documents
			 * no default: without it (a template too) the mode is not
			 * known. */
			const char *mode = NULL;
			int mk = aza_prop_str(ev, r, "properties.webApplicationFirewallConfiguration.firewallMode", &mode);
			aza_status s = AZA_UNKNOWN;
			if (mk > 0 && aza__strieq(mode, "Detection")) {
				s = AZA_FAIL;
				msg = "webApplicationFirewallConfiguration.firewallMode is Detection: matching requests are only logged, not blocked";
			} else if (mk > 0 && aza__strieq(mode, "Prevention")) {
				s = AZA_PASS;
				msg = "webApplicationFirewallConfiguration.firewallMode is Prevention";
			} else {
				msg = aza_ev_fmt(ev, "webApplicationFirewallConfiguration.firewallMode is %s",
				                 mk > 0 ? aza_ev_fmt(ev, "'%s'", mode)
				                 : mk < 0 ? aza_unread_why(ev, r, "properties.webApplicationFirewallConfiguration.firewallMode")
				                 : "absent (the API requires it and documents no default)");
			}
			if (fd_gather(ev, r, s, msg, &unknown, &names))
				return;
		}
	}
	if (appgw_subs(ev, r, ag_mode_judge, &unknown, &names))
		return;
	fd_verdict(ev, r, unknown, names);
}

/* Whether Application Gateway r has a WAF (AZA-NET-010): a WAF tier with
 * the gateway's policy running (or the legacy configuration enabled), and
 * the policy each listener and path rule links of its own running too, for
 * it replaces the gateway's for their traffic (appgw_subs). A gateway with
 * none of its own is protected where its listeners link one: every
 * listener must. */
static void appgw_waf(aza_ev *ev, const aza_res *r)
{
	const char *tier = NULL;
	int tk = aza_prop_str(ev, r, "properties.sku.tier", &tier);
	if (tk <= 0) {
		aza_unknown(ev, r, "sku.tier is %s", tk ? "not a string" : "absent");
		return;
	}
	if (!aza__istarts(tier, "WAF")) {
		aza_fail(ev, r, "sku.tier is %s: the gateway has no web application firewall", tier);
		return;
	}
	const char *unknown = NULL, *names = NULL, *bare = NULL, *pid = NULL;
	/* A policy id that cannot be read (not a string, a template value only
	 * known at deployment) may name a running policy: not "no policy". */
	int pk = aza_prop_str(ev, r, "properties.firewallPolicy.id", &pid);
	if (pk < 0) {
		aza_unknown(ev, r, "sku.tier is %s and firewallPolicy.id is %s", tier, aza_unread_why(ev, r, "properties.firewallPolicy.id"));
		return;
	}
	int en = 0;
	if (pk > 0) {
		const aza_res *p = linked_policy(ev, r);
		const char *st = NULL;
		int sk = p ? aza_prop_str(ev, p, "properties.policySettings.state", &st) : 0;
		const char *why;
		if (!p) {
			/* The policy's state decides: it may be Disabled. A template
			 * that links a policy it does not deploy says nothing of it
			 * either (as for Front Door policies, AZA-NET-035). */
			if (aza_is_template(r))
				unknown = aza_ev_fmt(ev, "sku.tier is %s with WAF policy %s, which the template does not deploy: its "
				                         "policySettings.state is not known",
				                     tier, aza_last_seg(pid));
			else {
				int got = aza_ev_collected(ev, WAFPOL, r, &why);
				unknown = aza_ev_fmt(ev, "sku.tier is %s with WAF policy %s, which is not in the input%s%s", tier, aza_last_seg(pid),
				                     got ? "" : ": ", got ? "" : why);
			}
		} else if (sk > 0 && aza__strieq(st, "Disabled")) {
			aza_fail(ev, r, "sku.tier is %s but the linked WAF policy %s has policySettings.state Disabled", tier, p->name);
			return;
		} else if (sk < 0 || (sk > 0 && !aza__strieq(st, "Enabled")) || (!sk && !aza_is_template(p))) {
			/* A deployed policy's GET returns policySettings.state:
			 * without it (or with another value) the input says nothing
			 * of it. */
			unknown = aza_ev_fmt(ev, "sku.tier is %s with WAF policy %s, whose policySettings.state is %s", tier, p->name,
			                     sk > 0 ? aza_ev_fmt(ev, "'%s'", st) : sk < 0 ? "not a string" : "absent");
		} else {
			names = aza_ev_fmt(ev, "sku.tier is %s with WAF policy %s (policySettings.state %s)", tier, p->name,
			                   sk > 0 ? "Enabled" : "not set: Enabled");
		}
	} else {
		int ek = aza_prop_bool(ev, r, "properties.webApplicationFirewallConfiguration.enabled", &en);
		if (ek < 0) {
			aza_unknown(ev, r, "sku.tier is %s, no WAF policy is linked and webApplicationFirewallConfiguration.enabled is not a boolean",
			            tier);
			return;
		}
		int subs = ek && en ? 0 : appgw_sub_links(ev, r, &bare);
		if (ek && en)
			names = aza_ev_fmt(ev, "sku.tier is %s and webApplicationFirewallConfiguration.enabled is true", tier);
		else if (subs < 0) {
			aza_unknown(ev, r, "sku.tier is %s but no WAF policy is linked to the gateway and webApplicationFirewallConfiguration is "
			                   "not enabled; its httpListeners or urlPathMaps cannot be read, so whether they link policies of their "
			                   "own is not known",
			            tier);
			return;
		} else if (!subs) {
			aza_fail(ev, r, "sku.tier is %s but no WAF policy is linked and webApplicationFirewallConfiguration is not enabled", tier);
			return;
		} else if (bare) {
			aza_fail(ev, r, "sku.tier is %s but no WAF policy is linked to the gateway and webApplicationFirewallConfiguration is not "
			                "enabled: listener %s links none of its own, so its traffic is not inspected",
			         tier, bare);
			return;
		} else
			names = aza_ev_fmt(ev, "sku.tier is %s with no WAF policy linked to the gateway, but every listener links its own", tier);
	}
	if (appgw_subs(ev, r, ag_state_judge, &unknown, &names))
		return;
	fd_verdict(ev, r, unknown, names);
}

/* parameters.isProfileLevel and associations[].routes are properties of
 * the 2026-04-01-preview, 2026-08-01-preview and 2026-09-01-preview schemas
 * (SecurityPolicyWebApplicationFirewallParameters and
 * SecurityPolicyWebApplicationFirewallAssociation), not of
 * 2025-09-01-preview nor of any stable one, the newest, 2026-07-01,
 * included (Azure/azure-rest-api-specs,
 * specification/cdn/resource-manager/Microsoft.Cdn/Cdn/<preview or
 * stable>/<version>/openapi.json). */
#define AFD_ROUTES_API "2026-04-01-preview"

/* Why template security policy s cannot be taken to apply its
 * isProfileLevel or associations[].routes: its api-version is not a preview
 * from AFD_ROUTES_API on, or is only known at deployment. NULL when it can
 * (deployed policies always: Azure returned what they hold). */
static const char *afd_routes_unsent(aza_ev *ev, const aza_res *s)
{
	if (!aza_is_template(s))
		return NULL;
	if (aza_api_version_unknown(s))
		return aza_ev_fmt(ev, "its api-version, %s, is only known at deployment", s->api_version);
	const char *v = s->api_version ? s->api_version : "";
	size_t n = strlen(v);
	if (n > 8 && !strcmp(v + n - 8, "-preview") && strcmp(v, AFD_ROUTES_API) >= 0)
		return NULL;
	return aza_ev_fmt(ev, "api-version %s does not have them (only the previews from %s do, no stable one through 2026-07-01): "
	                      "Azure may ignore them",
	                  *v ? v : "(none)", AFD_ROUTES_API);
}

/* What the security policies of a Front Door profile say about one domain:
 * the first WAF security policy that names it (in
 * parameters.associations[].domains), with its parameters; one whose
 * parameters cannot be read, which may name it; the first that names
 * routes (associations[].routes) and the first that applies to the whole
 * profile (isProfileLevel), which cover the domains their routes serve;
 * the first template policy that sets either at an api-version
 * without them (unsent, with why); and the first deployed one that may
 * have been read without them (blind, its shape in blind_how). */
typedef struct {
	const aza_res *s;
	const aza_json *par;
	const aza_json *assoc; /* the association of s that names the domain */
	const char *odd, *by_route, *whole, *unsent, *unsent_why, *blind, *blind_how;
} afd_pols;

/* How deployed WAF security policy parameters p may hide what it covers:
 * NULL when they show it, else the shape. Resource Manager leaves out the
 * properties an api-version does not have, so a policy created at a
 * preview from AFD_ROUTES_API as profile-level or route-level, read at an
 * older one (every stable one, the collector's 2024-09-01 included),
 * comes back without isProfileLevel and without associations[].routes:
 * with no associations, or associations that name no domain
 * (SecurityPolicyWebApplicationFirewallParameters requires neither
 * associations nor domains). isProfileLevel present, or routes, show the
 * read was at an api-version that has them. */
static const char *afd_secpol_blind(const aza_json *p)
{
	const aza_json *pl = aza_json_get(p, "isProfileLevel"), *as = aza_json_get(p, "associations");
	if (pl && !aza_json_is(pl, AZA_JNULL))
		return NULL;
	if (!as || aza_json_is(as, AZA_JNULL))
		return "has no associations";
	if (!aza_json_len(as))
		return "has an empty associations list";
	const char *how = NULL;
	aza_json_each(a, as) {
		const aza_json *rs = aza_json_get(a, "routes"), *ds = aza_json_get(a, "domains");
		if (aza_json_is(rs, AZA_JARR) && aza_json_len(rs))
			return NULL;
		if (!aza_json_is(ds, AZA_JARR) || !aza_json_len(ds))
			how = "has an association that names no domain";
	}
	return how;
}

static afd_pols afd_secpol(aza_ev *ev, const char *prof, const char *dom)
{
	afd_pols o = {0};
	aza_inv *inv = aza_ev_inv(ev);
	for (const aza_res *s = aza_inv_child(inv, prof, AFDSEC); s; s = aza_inv_next_child(s, prof)) {
		const aza_json *p = aza_prop(ev, s, "properties.parameters");
		const char *t = aza_json_str(aza_json_get(p, "type"));
		const aza_json *as = aza_json_get(p, "associations");
		int b = 0;
		const aza_json *pl = aza_json_get(p, "isProfileLevel");
		int bad_pl = pl && !aza_json_is(pl, AZA_JNULL) && !aza_json_bool(pl, &b);
		if (!aza_json_is(p, AZA_JOBJ) || !t || (as && !aza_json_is(as, AZA_JARR) && !aza_json_is(as, AZA_JNULL)) || bad_pl) {
			o.odd = o.odd ? o.odd : aza_last_seg(s->id);
			continue;
		}
		if (!aza__strieq(t, "WebApplicationFirewall"))
			continue;
		const char *blind = aza_is_template(s) ? NULL : afd_secpol_blind(p);
		if (blind && !o.blind) {
			o.blind = aza_last_seg(s->id);
			o.blind_how = blind;
		}
		const char *unsent = afd_routes_unsent(ev, s);
		if (b && unsent) {
			if (!o.unsent) {
				o.unsent = aza_last_seg(s->id);
				o.unsent_why = unsent;
			}
		} else if (b && !o.whole)
			o.whole = aza_last_seg(s->id);
		aza_json_each(a, as) {
			const aza_json *rs = aza_json_get(a, "routes");
			if (rs && !aza_json_is(rs, AZA_JARR) && !aza_json_is(rs, AZA_JNULL))
				o.odd = o.odd ? o.odd : aza_last_seg(s->id);
			else if (aza_json_len(rs) && unsent && !o.unsent) {
				o.unsent = aza_last_seg(s->id);
				o.unsent_why = unsent;
			} else if (aza_json_len(rs) && !unsent && !o.by_route)
				o.by_route = aza_last_seg(s->id);
			aza_json_each(d, aza_json_get(a, "domains")) {
				const char *id = aza_json_str(aza_json_get(d, "id"));
				if (id && aza__strieq(id, dom)) {
					o.s = s;
					o.par = p;
					o.assoc = a;
					return o;
				}
			}
		}
	}
	return o;
}

/* The WAF security policy of profile `prof` that covers route `route`
 * (id): the first that names it in associations[].routes, else the first
 * that applies to the whole profile (*whole set); NULL when none does.
 * Policies whose parameters cannot be read were reported before. */
static const aza_res *afd_route_secpol(aza_ev *ev, const char *prof, const char *route, const aza_json **par,
                                       const aza_json **assoc, int *whole)
{
	const aza_res *all = NULL;
	const aza_json *all_par = NULL;
	for (const aza_res *s = aza_inv_child(aza_ev_inv(ev), prof, AFDSEC); s; s = aza_inv_next_child(s, prof)) {
		const aza_json *p = aza_prop(ev, s, "properties.parameters");
		if (!aza__strieq(aza_json_str(aza_json_get(p, "type")), "WebApplicationFirewall") || afd_routes_unsent(ev, s))
			continue;
		int b = 0;
		if (!all && aza_json_bool(aza_json_get(p, "isProfileLevel"), &b) && b) {
			all = s;
			all_par = p;
		}
		aza_json_each(a, aza_json_get(p, "associations")) aza_json_each(rt, aza_json_get(a, "routes")) {
			const char *id = aza_json_str(aza_json_get(rt, "id"));
			if (id && aza__strieq(id, route)) {
				*par = p;
				*assoc = a;
				*whole = 0;
				return s;
			}
		}
	}
	*par = all_par;
	*assoc = NULL;
	*whole = all != NULL;
	return all;
}

/* The paths association a leaves out: NULL when its patternsToMatch holds
 * the pattern of every path, a slash and a star (the only value the Front
 * Door documentation and examples use), or is absent (Resource Manager requires it, so a GET
 * returns it), else what it holds. A WAF policy inspects only the
 * requests whose path matches. */
static const char *afd_paths_left(aza_ev *ev, const aza_json *a)
{
	const aza_json *pm = aza_json_get(a, "patternsToMatch");
	if (!pm || aza_json_is(pm, AZA_JNULL))
		return NULL;
	if (!aza_json_is(pm, AZA_JARR))
		return "patternsToMatch is not a list";
	const char *list = NULL;
	aza_json_each(x, pm) {
		const char *v = aza_json_str(x);
		if (v && !strcmp(v, "/*"))
			return NULL;
		list = aza_ev_fmt(ev, "%s%s'%s'", list ? list : "", list ? ", " : "", v ? v : "?");
	}
	return aza_ev_fmt(ev, "patternsToMatch [%s], not '/*'", list ? list : "");
}

/* Security policy s (parameters par) as the protection of `what`, the
 * domain or route it covers, judged for resource r: the WAF policy it
 * names; *msg says why in every case. */
static aza_status afd_secpol_judge(aza_ev *ev, const aza_res *r, const aza_res *s, const aza_json *par,
                                   const aza_json *assoc, const char *what, const char **msg)
{
	const char *sp = aza_last_seg(s->id), *why = NULL;
	if (aza_api_predates(ev, s, "2020-09-01", &why)) {
		*msg = aza_ev_fmt(ev, "security policy %s names %s, but %s", sp, what, why);
		return AZA_UNKNOWN;
	}
	const char *pid = aza_json_str(aza_json_get(aza_json_get(par, "wafPolicy"), "id"));
	if (!pid) {
		*msg = aza_ev_fmt(ev, "security policy %s names %s without a WAF policy id (parameters.wafPolicy.id)", sp, what);
		return AZA_UNKNOWN;
	}
	aza_status st = fdwaf_judge(ev, r, pid, aza_ev_fmt(ev, "security policy %s associates %s with", sp, what), msg);
	const char *left = st == AZA_PASS ? afd_paths_left(ev, assoc) : NULL;
	if (left) {
		/* Only the paths matched are inspected: the rest may reach the
		 * origin unfiltered. */
		*msg = aza_ev_fmt(ev, "%s, but only for the paths matched (%s): requests to other paths are not shown to be "
		                      "inspected", *msg, left);
		return AZA_UNKNOWN;
	}
	return st;
}

/* Does route rt serve domain d (an endpoint's default domain or a custom
 * domain)? 1 or 0; -1 when it cannot be told, *why saying why. */
static int afd_route_serves(aza_ev *ev, const aza_res *rt, const aza_res *d, const char **why)
{
	/* A deployed route's GET returns its properties. */
	if (!aza_is_template(rt) && !aza_json_is(aza_prop(ev, rt, "properties"), AZA_JOBJ)) {
		*why = "it is in the input without its properties";
		return -1;
	}
	/* enabledState Disabled: the route takes no request. */
	const char *v = NULL;
	int k = aza_prop_str(ev, rt, "properties.enabledState", &v);
	if (k < 0) {
		*why = aza_ev_fmt(ev, "its enabledState is %s", aza_unread_why(ev, rt, "properties.enabledState"));
		return -1;
	}
	if (k > 0 && aza__strieq(v, "Disabled"))
		return 0;
	if (aza__strieq(d->type, AFDEP)) {
		if (!aza__strieq(rt->parent, d->id))
			return 0;
		/* RouteUpdatePropertiesParameters: linkToDefaultDomain "default":
		 * "Disabled", which a template gets; a deployed GET returns it. */
		k = aza_prop_str(ev, rt, "properties.linkToDefaultDomain", &v);
		if (k > 0 && (aza__strieq(v, "Enabled") || aza__strieq(v, "Disabled")))
			return aza__strieq(v, "Enabled");
		if (!k && aza_is_template(rt))
			return 0;
		*why = aza_ev_fmt(ev, "its linkToDefaultDomain is %s", k > 0 ? aza_ev_fmt(ev, "'%s'", v)
		                                                      : k < 0 ? aza_unread_why(ev, rt, "properties.linkToDefaultDomain")
		                                                              : "absent");
		return -1;
	}
	const aza_json *cds = aza_prop(ev, rt, "properties.customDomains");
	if (cds && !aza_json_is(cds, AZA_JARR) && !aza_json_is(cds, AZA_JNULL)) {
		*why = "its customDomains is not an array";
		return -1;
	}
	aza_json_each(c, cds) {
		const char *id = aza_json_str(aza_json_get(c, "id"));
		if (id && aza__strieq(id, d->id))
			return 1;
	}
	return 0;
}

/* Were the routes that may serve domain d read: an endpoint's own, or for
 * a custom domain those of every endpoint of its profile? 0 with *why when
 * not. */
static int afd_routes_read(aza_ev *ev, const aza_res *d, const char **why)
{
	aza_inv *inv = aza_ev_inv(ev);
	int ep = aza__strieq(d->type, AFDEP), any = 0;
	if (!ep && !aza_ev_collected(ev, AFDEP, d, why))
		return 0;
	for (const aza_res *e = ep ? d : aza_inv_child(inv, d->parent, AFDEP); e; e = ep ? NULL : aza_inv_next_child(e, d->parent)) {
		if (!aza_ev_collected(ev, AFDROUTE, e, why))
			return 0;
		any |= aza_inv_child(inv, e->id, AFDROUTE) != NULL;
	}
	/* A template's routes are often deployed apart from its profile: one
	 * that deploys none has not said which domains they serve. */
	if (aza_is_template(d) && !any) {
		*why = aza_ev_fmt(ev, "the input deploys no route of %s", ep ? "the endpoint" : "the profile's endpoints");
		return 0;
	}
	return 1;
}

/* Domain d, which no security policy names, while one (p) names routes or
 * applies to the whole profile: protected when every enabled route that
 * serves it is covered by a security policy whose WAF policy is enabled
 * and in Prevention mode. */
static void afd_waf_routes(aza_ev *ev, const aza_res *d, const char *what, const afd_pols *p)
{
	aza_inv *inv = aza_ev_inv(ev);
	const char *why = NULL, *wide = p->whole ? p->whole : p->by_route;
	const char *how = p->whole ? "applies to the whole profile (isProfileLevel)" : "names routes (associations[].routes)";
	if (!afd_routes_read(ev, d, &why)) {
		aza_unknown(ev, d, "no security policy names %s, and security policy %s %s, but the routes that serve it are not "
		            "known: %s", what, wide, how, why);
		return;
	}
	int ep = aza__strieq(d->type, AFDEP), served = 0;
	const char *unknown = NULL, *names = NULL;
	for (const aza_res *e = ep ? d : aza_inv_child(inv, d->parent, AFDEP); e; e = ep ? NULL : aza_inv_next_child(e, d->parent))
		for (const aza_res *rt = aza_inv_child(inv, e->id, AFDROUTE); rt; rt = aza_inv_next_child(rt, e->id)) {
			const char *rn = aza_ev_fmt(ev, "%s/%s", aza_last_seg(e->id), aza_last_seg(rt->id));
			int k = afd_route_serves(ev, rt, d, &why);
			if (k < 0 && !unknown)
				unknown = aza_ev_fmt(ev, "route %s, which may serve %s, cannot be read: %s", rn, what, why);
			if (k <= 0)
				continue;
			served++;
			const aza_json *par = NULL, *assoc = NULL;
			int whole = 0;
			const aza_res *s = afd_route_secpol(ev, d->parent, rt->id, &par, &assoc, &whole);
			if (!s) {
				aza_fail(ev, d, "route %s serves %s, and no security policy associates the domain or the route with a WAF "
				         "policy: its requests reach the origin uninspected", rn, what);
				return;
			}
			const char *msg;
			aza_status st = afd_secpol_judge(ev, d, s, par, assoc, whole ? "the whole profile (isProfileLevel)"
			                                                      : aza_ev_fmt(ev, "route %s", rn), &msg);
			if (fd_gather(ev, d, st, aza_ev_fmt(ev, "route %s serves %s: %s", rn, what, msg), &unknown, &names))
				return;
		}
	if (unknown)
		aza_unknown(ev, d, "%s", unknown);
	else if (served)
		aza_pass(ev, d, "%s", names);
	else if (p->whole)
		aza_unknown(ev, d, "no security policy names %s and no route serves it; security policy %s applies to the whole "
		            "profile (isProfileLevel), which may cover it", what, p->whole);
	else
		aza_fail(ev, d, "no security policy associates %s with a WAF policy, nor a route that serves it (no route does; "
		         "security policy %s covers the routes it names)", what, p->by_route);
}

/* An endpoint (its default domain) or a custom domain of a Front Door
 * Standard/Premium profile. */
static void afd_waf(aza_ev *ev, const aza_res *r)
{
	const char *host = aza_json_str(aza_prop(ev, r, "properties.hostName"));
	const char *what = aza_ev_fmt(ev, "%s %s%s%s%s", aza__strieq(r->type, AFDEP) ? "endpoint" : "custom domain",
	                              aza_last_seg(r->id), host ? " (" : "", host ? host : "", host ? ")" : "");
	const char *why = NULL;
	afd_pols p = afd_secpol(ev, r->parent, r->id);
	if (!p.s) {
		if (!aza_ev_collected(ev, AFDSEC, r, &why))
			aza_unknown(ev, r, "%s: %s", what, why);
		else if (p.odd)
			aza_unknown(ev, r, "no security policy names %s, and security policy %s, which may, cannot be read", what, p.odd);
		else if (p.unsent)
			/* Applied, isProfileLevel or the routes might cover the
			 * domain; ignored, they cover nothing. */
			aza_unknown(ev, r, "no security policy names %s, and security policy %s sets isProfileLevel or associations[].routes, "
			                   "which may cover it, but %s",
			            what, p.unsent, p.unsent_why);
		else if (p.by_route || p.whole)
			afd_waf_routes(ev, r, what, &p);
		else if (p.blind)
			/* Read without isProfileLevel and associations[].routes,
			 * the policy may cover the domain through either: FAIL
			 * would rest on what the read left out. (A policy of the
			 * profile that shows routes or isProfileLevel, above, was
			 * read at an api-version that has them.) */
			aza_unknown(ev, r, "no security policy names %s, but WAF security policy %s %s: read at an api-version "
			                   "without isProfileLevel and associations[].routes (every stable one, 2024-09-01 "
			                   "included; only the previews from %s have them), a policy that applies to the whole "
			                   "profile or names routes looks so, and it may cover the domain",
			            what, p.blind, p.blind_how, AFD_ROUTES_API);
		else
			aza_fail(ev, r, "no security policy associates %s with a WAF policy: its requests reach the origin uninspected", what);
		return;
	}
	const char *msg;
	aza_status st = afd_secpol_judge(ev, r, p.s, p.par, p.assoc, what, &msg);
	verdict(ev, r, st, msg);
}

/* A routing rule of classic Front Door r that serves frontend endpoint
 * `fe` (id) with a WAF policy of its own, or NULL. */
static const char *fd_rule_waf(aza_ev *ev, const aza_res *r, const char *fe)
{
	if (!fe)
		return NULL;
	aza_json_each(rr, aza_prop(ev, r, "properties.routingRules")) {
		const aza_json *rp = aza_json_get(rr, "properties");
		if (!aza_json_str(aza_json_path(rp, "webApplicationFirewallPolicyLink.id")))
			continue;
		aza_json_each(f, aza_json_get(rp, "frontendEndpoints"))
			if (aza_json_streq(aza_json_get(f, "id"), fe))
				return aza_json_str(aza_json_get(rr, "name"));
	}
	return NULL;
}

/* Classic Front Door: every frontend endpoint links a WAF policy. */
static void fd_classic_waf(aza_ev *ev, const aza_res *r)
{
	const aza_json *fes = aza_prop(ev, r, "properties.frontendEndpoints");
	if (!aza_json_is(fes, AZA_JARR) || !aza_json_len(fes)) {
		aza_unknown(ev, r, "frontendEndpoints is %s", !fes || aza_json_is(fes, AZA_JNULL) ? "absent"
		                                             : aza_json_is(fes, AZA_JARR) ? "empty" : "not an array");
		return;
	}
	const char *unknown = NULL, *names = NULL;
	aza_json_each(fe, fes) {
		const char *name = aza_json_str(aza_json_get(fe, "name"));
		const char *host = aza_json_str(aza_json_path(fe, "properties.hostName"));
		const char *what = aza_ev_fmt(ev, "frontend endpoint %s%s%s%s", name ? name : "(unnamed)", host ? " (" : "",
		                              host ? host : "", host ? ")" : "");
		const aza_json *link = aza_json_path(fe, "properties.webApplicationFirewallPolicyLink");
		const char *pid = aza_json_str(aza_json_get(link, "id"));
		if (!pid) {
			const char *rule = fd_rule_waf(ev, r, aza_json_str(aza_json_get(fe, "id")));
			if (link && !aza_json_is(link, AZA_JNULL))
				unknown = unknown ? unknown : aza_ev_fmt(ev, "%s has a webApplicationFirewallPolicyLink without a string id", what);
			else if (rule)
				unknown = unknown ? unknown : aza_ev_fmt(ev, "%s links no WAF policy, and routing rule %s, which serves it, "
				                                         "links one for its own routes only", what, rule);
			else {
				aza_fail(ev, r, "%s links no WAF policy (webApplicationFirewallPolicyLink): its requests reach the "
				         "backends uninspected", what);
				return;
			}
			continue;
		}
		const char *msg;
		aza_status st = fdwaf_judge(ev, r, pid, aza_ev_fmt(ev, "%s links", what), &msg);
		if (fd_gather(ev, r, st, msg, &unknown, &names))
			return;
	}
	fd_verdict(ev, r, unknown, names);
}

static void fd_waf(aza_ev *ev, const aza_res *r)
{
	if (aza__strieq(r->type, FDCLASSIC))
		fd_classic_waf(ev, r);
	else
		afd_waf(ev, r);
}

/* The default rule set of a Front Door WAF policy: DefaultRuleSet 1.0 or
 * Microsoft_DefaultRuleSet 1.1 and later (WafListManagedRuleSets). */
static void fdwaf_drs(aza_ev *ev, const aza_res *r)
{
	const aza_json *sets = aza_prop(ev, r, "properties.managedRules.managedRuleSets");
	if (sets && !aza_json_is(sets, AZA_JARR) && !aza_json_is(sets, AZA_JNULL)) {
		aza_unknown(ev, r, "managedRules.managedRuleSets is not an array");
		return;
	}
	aza_json_each(s, sets) {
		const char *t = aza_json_str(aza_json_get(s, "ruleSetType"));
		if (!t || (!aza__strieq(t, "DefaultRuleSet") && !aza__strieq(t, "Microsoft_DefaultRuleSet")))
			continue;
		const char *v = aza_json_str(aza_json_get(s, "ruleSetVersion"));
		const aza_json *aj = aza_json_get(s, "ruleSetAction");
		const char *act = aza_json_str(aj);
		const char *set = aza_ev_fmt(ev, "managed rule set %s %s", t, v ? v : "(no version)");
		const char *why;
		/* Absent, the anomaly score action is Block (and DRS before 2.0
		 * blocks what its rules match); a value the API does not take
		 * says nothing of what Azure applies. */
		if ((aj && !aza_json_is(aj, AZA_JNULL) && !act) ||
		    (act && !aza__strieq(act, "Block") && !aza__strieq(act, "Log") && !aza__strieq(act, "Redirect"))) {
			aza_unknown(ev, r, "%s has ruleSetAction %s (the API takes Block, Log or Redirect)", set,
			            act ? aza_ev_fmt(ev, "'%s'", act) : "that is not a string");
			return;
		}
		if (act && aza__strieq(act, "Log")) {
			if (aza_api_predates(ev, r, "2020-11-01", &why))
				aza_unknown(ev, r, "%s has ruleSetAction Log, but %s", set, why);
			else
				aza_fail(ev, r, "%s is assigned with ruleSetAction Log: requests it matches are only logged", set);
			return;
		}
		aza_pass(ev, r, "%s is assigned%s%s", set, act ? " with ruleSetAction " : "", act ? act : "");
		return;
	}
	const char *sku = aza_json_str(aza_prop(ev, r, "sku.name"));
	aza_fail(ev, r, "no DefaultRuleSet or Microsoft_DefaultRuleSet among the managed rule sets%s",
	         sku && aza__strieq(sku, "Standard_AzureFrontDoor") ? " (sku Standard_AzureFrontDoor takes custom rules only: "
	                                                              "managed rule sets need Premium_AzureFrontDoor)" : "");
}

/* ---------------------------------------------------- VNets, subnets, DDoS */

/* Subnets that cannot or need not carry an NSG. */
static int nsg_exempt(const char *name)
{
	return aza__strieq(name, "GatewaySubnet") || aza__strieq(name, "AzureFirewallSubnet") ||
	       aza__strieq(name, "AzureFirewallManagementSubnet") || aza__strieq(name, "RouteServerSubnet");
}

/* A subnet's NSG as read from its properties: 0 set, 1 none, 2 not
 * readable (no properties, or an NSG that is not {"id": "..."}). */
static int subnet_nsg_state(const aza_json *sp)
{
	const aza_json *ng = aza_json_get(sp, "networkSecurityGroup");
	if (!sp || !aza_json_is(sp, AZA_JOBJ) || (ng && !aza_json_is(ng, AZA_JNULL) && !aza_json_str(aza_json_get(ng, "id"))))
		return 2;
	return aza_json_str(aza_json_get(ng, "id")) ? 0 : 1;
}

static const char *subnet_name(const aza_json *s)
{
	const char *nm = aza_json_str(aza_json_get(s, "name"));
	if (!nm && aza_json_str(aza_json_get(s, "id")))
		nm = aza_last_seg(aza_json_str(aza_json_get(s, "id")));
	return nm ? nm : "(unnamed)";
}

static void subnet_nsg(aza_ev *ev, const aza_res *r)
{
	const aza_json *subs = aza_prop(ev, r, "properties.subnets");
	const char *missing = NULL;
	size_t n = 0, nmiss = 0;
	const char *unread = NULL;
	if (subs && !aza_json_is(subs, AZA_JARR) && !aza_json_is(subs, AZA_JNULL)) {
		aza_unknown(ev, r, "subnets is not an array");
		return;
	}
	if (subs && aza_json_is(subs, AZA_JNULL))
		subs = NULL; /* null is absent */
	aza_json_each(s, subs) {
		const char *nm = subnet_name(s);
		if (nsg_exempt(nm))
			continue;
		n++;
		int st = subnet_nsg_state(aza_json_get(s, "properties"));
		if (st == 2)
			unread = unread ? unread : nm;
		else if (st == 1) {
			nmiss++;
			missing = missing ? aza_ev_fmt(ev, "%s, %s", missing, nm) : nm;
		}
	}
	/* Child subnet resources too: a template may declare some subnets in
	 * the virtual network and others (or the same ones again, the later
	 * deployment then replacing the embedded one) as children. One of an
	 * embedded subnet's name is the same subnet: without an NSG in
	 * either reading, it has none for certain only in neither, so it
	 * counts as missing when either lacks one. */
	for (const aza_res *c = aza_inv_child(aza_ev_inv(ev), r->id, SUBNET); c; c = aza_inv_next_child(c, r->id)) {
		const char *nm = strrchr(c->name, '/') ? strrchr(c->name, '/') + 1 : c->name;
		if (nsg_exempt(nm))
			continue;
		int emb = -1; /* the embedded subnet's state, -1 none of that name */
		aza_json_each(s, subs) if (aza__strieq(subnet_name(s), nm)) emb = subnet_nsg_state(aza_json_get(s, "properties"));
		int st = subnet_nsg_state(aza_prop(ev, c, "properties"));
		if (emb < 0)
			n++;
		if (st == 2 && emb != 1)
			unread = unread ? unread : nm;
		else if (st == 1 && emb != 1) {
			nmiss++;
			missing = missing ? aza_ev_fmt(ev, "%s, %s", missing, nm) : nm;
		}
	}
	if (!n && !subs && !aza_is_template(r)) {
		aza_unknown(ev, r, "subnets is absent from the virtual network");
		return;
	}
	if (!n)
		aza_na(ev, r, "no subnet that takes an NSG");
	else if (nmiss)
		aza_fail(ev, r, "%zu of %zu subnet%s without an NSG: %s", nmiss, n, n == 1 ? "" : "s", missing);
	else if (unread)
		aza_unknown(ev, r, "subnet %s has no readable properties.networkSecurityGroup (no properties, or an NSG without a string id)", unread);
	else
		aza_pass(ev, r, "all %zu subnet%s have an NSG", n, n == 1 ? "" : "s");
}

static int vnet_ddos(aza_ev *ev, const aza_res *v)
{
	int b;
	return aza_json_bool(aza_prop(ev, v, "properties.enableDdosProtection"), &b) && b &&
	       aza_json_str(aza_prop(ev, v, "properties.ddosProtectionPlan.id"));
}

static void ddos_vnet(aza_ev *ev, const aza_res *r)
{
	int b, k = aza_prop_bool(ev, r, "properties.enableDdosProtection", &b);
	if (k < 0)
		aza_unknown(ev, r, "enableDdosProtection is not a boolean");
	else if (vnet_ddos(ev, r))
		aza_pass(ev, r, "enableDdosProtection is true with plan %s",
		         aza_last_seg(aza_json_str(aza_prop(ev, r, "properties.ddosProtectionPlan.id"))));
	else if (k && b)
		aza_fail(ev, r, "enableDdosProtection is true but no ddosProtectionPlan is linked");
	else
		aza_fail(ev, r, "enableDdosProtection is %s", k ? "false" : "not set (false)");
}

static void ddos_pip(aza_ev *ev, const aza_res *r)
{
	const char *mode = NULL, *cov = NULL;
	/* DDoS Protection (Network or IP) does not cover NAT Gateway: the DDoS
	 * Protection reference architectures list it among the unsupported
	 * resources, so its outbound IPs cannot meet the rule, whatever their
	 * protectionMode says. */
	const char *nat = aza_json_str(aza_prop(ev, r, "properties.natGateway.id"));
	if (nat) {
		aza_na(ev, r, "the public IP is attached to NAT gateway %s, which DDoS Protection does not support", aza_last_seg(nat));
		return;
	}
	if (aza_prop_str(ev, r, "properties.ddosSettings.protectionMode", &mode) < 0) {
		aza_unknown(ev, r, "ddosSettings.protectionMode is not a string");
		return;
	}
	if (mode && aza__strieq(mode, "Enabled")) {
		aza_pass(ev, r, "ddosSettings.protectionMode is Enabled (IP protection)");
		return;
	}
	/* protectionCoverage (api-versions before protectionMode) is "the DDoS
	 * protection policy customizability of the public IP. Only standard
	 * coverage will have the ability to be customized" (DdosSettings in
	 * the Microsoft.Network specification): whether a custom DDoS policy
	 * may apply, not whether a plan protects the IP, which then came only
	 * from the virtual network. So it decides nothing here; it is named
	 * in the verdict on the virtual network's plan. */
	if (aza_prop_str(ev, r, "properties.ddosSettings.protectionCoverage", &cov) <= 0)
		cov = NULL;
	const char *covnote =
		cov && !mode ? aza_ev_fmt(ev, " (protectionCoverage %s sets only whether a custom DDoS policy may apply)", cov) : "";
	/* Those api-versions had protection on the IP itself too: protectedIP,
	 * "Enables DDoS protection on the public IP" (the same DdosSettings). */
	int pb, pk = mode ? 0 : aza_prop_bool(ev, r, "properties.ddosSettings.protectedIP", &pb);
	if (pk < 0) {
		aza_unknown(ev, r, "ddosSettings.protectedIP is not a boolean");
		return;
	}
	if (pk && pb) {
		aza_pass(ev, r, "ddosSettings.protectedIP is true (IP protection)");
		return;
	}
	if (mode && aza__strieq(mode, "Disabled")) {
		aza_fail(ev, r, "ddosSettings.protectionMode is Disabled");
		return;
	}
	if (mode && !aza__strieq(mode, "VirtualNetworkInherited")) {
		aza_unknown(ev, r, "ddosSettings.protectionMode has an unknown value '%s'", mode);
		return;
	}
	/* Inherited (the default): the virtual network of what the IP is on. */
	const char *ipc = aza_json_str(aza_prop(ev, r, "properties.ipConfiguration.id"));
	if (!ipc) {
		aza_na(ev, r, "the public IP is not attached to anything");
		return;
	}
	const char *nic_id = id_before(ev, ipc, "/ipConfigurations/");
	if (!nic_id || !aza__istrstr(nic_id, "/providers/Microsoft.Network/networkInterfaces/")) {
		aza_unknown(ev, r, "protection is inherited from the virtual network, but the IP is attached to %s, whose virtual network is not resolved",
		            nic_id ? nic_id : ipc);
		return;
	}
	const aza_res *nic = aza_inv_find(aza_ev_inv(ev), nic_id);
	if (!nic) {
		const char *why;
		aza_unknown(ev, r, "protection is inherited from the virtual network, but network interface %s is not in the input%s%s",
		            strrchr(nic_id, '/') + 1, aza_ev_collected(ev, NIC, r, &why) ? "" : ": ",
		            aza_ev_collected(ev, NIC, r, &why) ? "" : why);
		return;
	}
	const char *subnet = NULL;
	aza_json_each(c, aza_prop(ev, nic, "properties.ipConfigurations")) {
		const char *cid = aza_json_str(aza_json_get(c, "id"));
		if (cid && aza__strieq(cid, ipc))
			subnet = aza_json_str(aza_json_path(c, "properties.subnet.id"));
	}
	const char *vnet_id = id_before(ev, subnet, "/subnets/");
	const aza_res *vnet = vnet_id ? aza_inv_find(aza_ev_inv(ev), vnet_id) : NULL;
	if (!vnet) {
		aza_unknown(ev, r, "protection is inherited from the virtual network, which %s", vnet_id ? aza_ev_fmt(ev, "(%s) is not in the input", aza_last_seg(vnet_id)) : "could not be found from the network interface");
		return;
	}
	int vb, vk = aza_prop_bool(ev, vnet, "properties.enableDdosProtection", &vb);
	if (vk < 0 || !aza_json_is(aza_prop(ev, vnet, "properties"), AZA_JOBJ)) {
		aza_unknown(ev, r, "protection is inherited from virtual network %s, whose %s", vnet->name,
		            vk < 0 ? "enableDdosProtection is not a boolean" : "properties are not in the input");
		return;
	}
	if (vnet_ddos(ev, vnet))
		aza_pass(ev, r, "inherits DDoS Network Protection from virtual network %s%s", vnet->name, covnote);
	else
		aza_fail(ev, r, "protection is inherited from virtual network %s, which has no DDoS protection plan%s", vnet->name, covnote);
}

/* A Bastion host counts when it is provisioned (Succeeded, or a template's,
 * which states none); one that Failed or is being deleted serves no one;
 * one in another state (Updating, Creating) or unreadable leaves it open,
 * as does a deployed one without a state (Resource Manager returns it:
 * a trimmed export, or one without properties, may hide a Failed host). */
static void bastion(aza_ev *ev, const aza_res *sub)
{
	const aza_res *broken = NULL, *pending = NULL;
	const char *bst = NULL, *pst = NULL;
	for (const aza_res *b = aza_inv_first(aza_ev_inv(ev), BASTION); b; b = b->next_of_type) {
		if (!aza__strieq(b->sub, sub->sub))
			continue;
		const char *ps = NULL;
		int k = aza_prop_str(ev, b, "properties.provisioningState", &ps);
		if ((k == 0 && aza_is_template(b)) || (k > 0 && aza__strieq(ps, "Succeeded"))) {
			aza_pass(ev, sub, "Bastion host %s exists%s", b->name, k ? " (provisioningState Succeeded)" : "");
			return;
		}
		if (k > 0 && (aza__strieq(ps, "Failed") || aza__strieq(ps, "Deleting"))) {
			if (!broken)
				broken = b, bst = ps;
		} else if (!pending) {
			pending = b, pst = k > 0 ? ps : k == 0 ? NULL : "not a string";
		}
	}
	const char *why;
	if (pending && !pst)
		aza_unknown(ev, sub, "Bastion host %s has no provisioningState (whether it is provisioned is not known)", pending->name);
	else if (pending)
		aza_unknown(ev, sub, "Bastion host %s has provisioningState %s", pending->name, pst);
	else if (!aza_ev_collected(ev, BASTION, sub, &why))
		aza_unknown(ev, sub, "%s", why);
	else if (broken)
		aza_fail(ev, sub, "the only Azure Bastion host, %s, has provisioningState %s", broken->name, bst);
	else
		aza_fail(ev, sub, "no Azure Bastion host in the subscription");
}

/* ------------------------------------------------------ database firewalls */

/* A dotted IPv4 address, four decimal numbers up to 255 and nothing else
 * (sscanf cost more than the rest of the firewall rule). */
static int ip4(const char *s, unsigned *out)
{
	unsigned v = 0;
	if (!s)
		return 0;
	for (int k = 0; k < 4; k++) {
		unsigned o = 0;
		int nd = 0;
		for (; *s >= '0' && *s <= '9' && nd < 4; s++, nd++)
			o = o * 10 + (unsigned)(*s - '0');
		if (!nd || o > 255 || *s != (k < 3 ? '.' : 0))
			return 0;
		v = v << 8 | o;
		s += k < 3;
	}
	*out = v;
	return 1;
}


/* An IPv6 address as the SQL IPv6 firewall rules hold it (full or
 * compressed form, "0000:0000:0000:0000:0000:ffff:0000:0000" in the REST
 * spec's examples): its top and low 64 bits. */
static int ip6(const char *s, uint64_t *hi, uint64_t *lo)
{
	unsigned char a[16];
	if (!s || !strchr(s, ':') || inet_pton(AF_INET6, s, a) != 1)
		return 0;
	*hi = *lo = 0;
	for (int i = 0; i < 8; i++) {
		*hi = *hi << 8 | a[i];
		*lo = *lo << 8 | a[8 + i];
	}
	return 1;
}

/* The IPv6 rules of a SQL server (Microsoft.Sql/servers/ipv6FirewallRules,
 * startIPv6Address-endIPv6Address, stable since 2021-11-01): what the IPv4
 * rules are for clients that reach the server's IPv6 endpoint. Sets *bad
 * (appending) for a rule that admits every IPv6 address or an IPv6 /32 or
 * more (counted in /64 networks, as NSG sources are), *unread for the first
 * rule without two readable addresses; returns the number of rules. */
static size_t sql_fw6(aza_ev *ev, const aza_res *r, const char *fw6type, const char **bad, const char **unread)
{
	size_t n = 0;
	for (const aza_res *f = aza_inv_child(aza_ev_inv(ev), r->id, fw6type); f; f = aza_inv_next_child(f, r->id)) {
		n++;
		const char *nm = strrchr(f->name, '/') ? strrchr(f->name, '/') + 1 : f->name;
		const char *s = aza_json_str(aza_prop(ev, f, "properties.startIPv6Address"));
		const char *e = aza_json_str(aza_prop(ev, f, "properties.endIPv6Address"));
		uint64_t ah, al, bh, bl;
		if (!ip6(s, &ah, &al) || !ip6(e, &bh, &bl) || ah > bh || (ah == bh && al > bl)) {
			*unread = *unread ? *unread : nm;
			continue;
		}
		const char *m = NULL;
		double nets = (double)(bh - ah) + 1.0;
		if (!ah && !al && bh == UINT64_MAX && bl == UINT64_MAX)
			m = aza_ev_fmt(ev, "IPv6 firewall rule %s allows any IPv6 address (%s-%s)", nm, s, e);
		else if (nets >= AZA_NSG_WIDE_V6)
			m = aza_ev_fmt(ev, "IPv6 firewall rule %s (%s-%s) allows %.0f IPv6 /64 networks (a /32 or wider: effectively the internet)",
			               nm, s, e, nets);
		if (m)
			*bad = *bad ? aza_ev_fmt(ev, "%s; %s", *bad, m) : m;
	}
	return n;
}

/* fw6type: the server's IPv6 rules (SQL servers only), or NULL. Their
 * endpoint exists only where isIPv6Enabled is Enabled (an optional property,
 * stable 2023-08-01, whose turning on needs a subscription feature, 400
 * Ipv6FeatureNotEnabled; Resource Manager refuses an IPv6 rule on a server
 * whose IPv6 endpoint is disabled, 400 IPv6EndpointDisabled), so
 * rules that were not read matter only there: a snapshot of an azaudit that
 * did not read them, or a refused read, leaves every other server's verdict
 * as the IPv4 rules give it. Rules that were read are judged unless
 * isIPv6Enabled says Disabled. */
static void db_firewall(aza_ev *ev, const aza_res *r, const char *fwtype, const char *fw6type, const char *pna_path)
{
	const char *pna = aza_json_str(aza_prop(ev, r, pna_path));
	int closed = pna && aza__strieq(pna, "Disabled");
	const char *bad = NULL, *unread = NULL;
	size_t nrules = 0;
	for (const aza_res *f = aza_inv_child(aza_ev_inv(ev), r->id, fwtype); f; f = aza_inv_next_child(f, r->id)) {
		nrules++;
		const char *nm = strrchr(f->name, '/') ? strrchr(f->name, '/') + 1 : f->name;
		const char *s = aza_json_str(aza_prop(ev, f, "properties.startIpAddress"));
		const char *e = aza_json_str(aza_prop(ev, f, "properties.endIpAddress"));
		unsigned a, b;
		if (!ip4(s, &a) || !ip4(e, &b) || a > b) {
			unread = unread ? unread : nm;
			continue;
		}
		const char *m = NULL;
		double pub = aza_nsg__public(&(aza_nsg_span){a, b, 0});
		if (a == 0 && b == 0xFFFFFFFFu)
			m = aza_ev_fmt(ev, "firewall rule %s allows any IP (%s-%s)", nm, s, e);
		else if (a == 0 && b == 0)
			m = aza_ev_fmt(ev, "firewall rule %s (%s-%s) allows all Azure services, including other customers' resources", nm, s, e);
		else if (pub >= AZA_NSG_WIDE_V4)
			m = aza_ev_fmt(ev, "firewall rule %s (%s-%s) allows %.0f public addresses (a /16 or wider: effectively the internet)", nm, s, e, pub);
		if (m)
			bad = bad ? aza_ev_fmt(ev, "%s; %s", bad, m) : m;
	}
	const char *bad6 = NULL, *unread6 = NULL;
	size_t n6 = 0;
	int v6off = 0, v6matters = 0;
	const char *vs = NULL;
	if (fw6type) {
		const aza_json *v6 = aza_prop(ev, r, "properties.isIPv6Enabled");
		vs = aza_json_str(v6);
		v6off = vs && aza__strieq(vs, "Disabled");
		/* Absent (or null) is the default, no IPv6 endpoint; a value other
		 * than Disabled may be one. */
		v6matters = v6 && !aza_json_is(v6, AZA_JNULL) && !v6off;
		n6 = sql_fw6(ev, r, fw6type, &bad6, &unread6);
	}
	if (closed) { /* firewall rules, readable or not, are not applied */
		const char *both = bad && bad6 ? aza_ev_fmt(ev, "%s; %s", bad, bad6) : bad ? bad : bad6;
		if (both)
			aza_pass(ev, r, "public network access is Disabled, so firewall rules are not applied (%s)", both);
		else
			aza_pass(ev, r, "public network access is Disabled");
		return;
	}
	if (bad || (bad6 && !v6off)) {
		aza_fail(ev, r, "%s", bad && bad6 && !v6off ? aza_ev_fmt(ev, "%s; %s", bad, bad6) : bad ? bad : bad6);
		return;
	}
	if (unread) {
		aza_unknown(ev, r, "firewall rule %s has no readable startIpAddress/endIpAddress", unread);
		return;
	}
	if (unread6 && !v6off) {
		aza_unknown(ev, r, "IPv6 firewall rule %s has no readable startIPv6Address/endIPv6Address", unread6);
		return;
	}
	const char *why;
	if (!nrules && !aza_ev_collected(ev, fwtype, r, &why)) {
		aza_unknown(ev, r, "%s", why);
		return;
	}
	if (v6matters && !n6 && !aza_ev_collected(ev, fw6type, r, &why)) {
		aza_unknown(ev, r, "isIPv6Enabled is %s, so IPv6 firewall rules may apply, but %s", vs ? vs : "not a string", why);
		return;
	}
	const char *also6 = !n6 ? "" : aza_ev_fmt(ev, " and %zu IPv6 firewall rule%s", n6, n6 == 1 ? "" : "s");
	aza_pass(ev, r, "none of %zu firewall rule%s%s opens the server to any IP or to all Azure services%s", nrules,
	         nrules == 1 ? "" : "s", also6,
	         bad6 ? aza_ev_fmt(ev, " (isIPv6Enabled is Disabled, so IPv6 firewall rules are not applied: %s)", bad6)
	              : unread6 ? aza_ev_fmt(ev, " (isIPv6Enabled is Disabled, so IPv6 firewall rule %s, unreadable, is not applied)", unread6)
	                        : "");
}

static void sql_fw(aza_ev *ev, const aza_res *r)
{
	db_firewall(ev, r, "Microsoft.Sql/servers/firewallRules", "Microsoft.Sql/servers/ipv6FirewallRules",
	            "properties.publicNetworkAccess");
}

static void pg_fw(aza_ev *ev, const aza_res *r)
{
	db_firewall(ev, r, "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules", NULL,
	            "properties.network.publicNetworkAccess");
}

static void mysql_fw(aza_ev *ev, const aza_res *r)
{
	db_firewall(ev, r, "Microsoft.DBforMySQL/flexibleServers/firewallRules", NULL,
	            "properties.network.publicNetworkAccess");
}

/* ------------------------------------------------------------------ table */

#define IAAS_NET .resp = AZA_RESP_NETWORK, .models = AZA_IAAS
#define PAAS_NET .resp = AZA_RESP_NETWORK, .models = AZA_PAAS
#define NSG_DEFAULTS \
	"Inbound rules only, by priority, first match wins; the default rules never admit the internet, so an NSG without " \
	"a matching Allow passes. Internet sources: *, Any, Internet (IPv4 and IPv6), 0.0.0.0/0 (IPv4 only), ::/0 (IPv6 only), " \
	"public prefixes (their own family), also in sourceAddressPrefixes. Each family is evaluated on its own (first match by " \
	"priority) and either one admitted is a FAIL, naming the family: a Deny of 0.0.0.0/0 before an Allow from Internet leaves " \
	"IPv6 open; a Deny to destination 0.0.0.0/0 denies IPv4 only. A bare 0.0.0.0 is every IPv4 address in an Allow, the one " \
	"host in a Deny. The AzureCloud tag (and AzureCloud.<region>) is not counted as internet; an Allow from it is named in " \
	"the message. " \
	"Public sources admitted for a service (the union over every Allow, after the Denies above each) smaller than a /16 " \
	"(IPv6 /32) in total are an allow-list, not exposure (PASS, named in the message); several allow-listed rules that " \
	"together reach the threshold FAIL, naming them. " \
	"A Deny shadows an Allow only where it covers the same ports, the Allow's destination and internet sources, family by " \
	"family (a Deny's IPv6 destination longer than /64 covers only the addresses it names); a " \
	"Deny of private ranges shadows nothing. IPv6 sources are counted in /64s: a source longer than /64 counts as its /64 in " \
	"an Allow and removes nothing in a Deny (the rest of the /64 is still internet). " \
	"Service tags other than Internet and ASGs are not internet sources. " \
	"A rule value that cannot be read (a prefix that is neither an address nor tag-shaped: a letter, then letters, " \
	"digits, '.', '-', '_', so not \"Internet \" with a space; an unknown access, protocol or direction; an unreadable " \
	"port or priority; a template parameter without a value) does not stop the NSG being judged: it is read both as the " \
	"widest Allow and as the widest Deny it may be (every port, address and protocol it does not name; an unknown " \
	"priority first). What the Deny reading still admits FAILs, what the Allow reading refuses PASSes, both naming the " \
	"value; the rest is UNKNOWN. An inbound Allow and Deny of one priority that share a protocol and port give UNKNOWN " \
	"(Azure rejects duplicate priorities). " \
	"Rules embedded in securityRules and child securityRules resources are both read; a rule of one name in both is read " \
	"once, and UNKNOWN when the two differ (an NSG's GET embeds its rules, so they were read at different times, or a " \
	"template's child resource rewrites the embedded rule)."


#define EXPO_DEFAULTS \
	"Judged on each VM, scale set and NIC without a VM in the input (NICs of a VM, by the NIC's virtualMachine.id or the VM's " \
	"networkProfile: NOT_APPLICABLE, judged on the VM), through every public frontend: " \
	"a public IP on the IP configuration, a public load balancer's load-balancing rules, inbound NAT rules and pools (frontend port " \
	"translated to the backend port), scale set instance public IPs, Azure Firewall DNAT rules. The subnet NSG then the NIC NSG must " \
	"both allow; an absent NSG allows, except that Standard SKU public IPs and load balancers are closed when neither exists. A scale " \
	"set instance public IP configuration that names no sku.name, with neither NSG, is UNKNOWN: a Uniform scale set cannot name one " \
	"(the compute specification) and scale sets default to Basic (Microsoft Learn, Azure Load Balancer common deployment errors). Rules " \
	"apply when their destination is *, a prefix holding the private address, VirtualNetwork, or an ASG of the IP configuration, " \
	"to each family's traffic through their prefixes of that family (IPv6 compared on all 128 bits); " \
	"priority order, first match wins, default rules admit no internet source. IPv4 and IPv6 sources are evaluated apart " \
	"(0.0.0.0/0 is IPv4 only, ::/0 IPv6 only, Internet and * both) and the message says when only one family gets in; a path " \
	"counts the sources of its public IP's family only (publicIPAddressVersion, absent: IPv4; a public IP not in the input, " \
	"or a deployed one without properties, may be of either). When the private address is not " \
	"in the input (scale sets, dynamic addresses in templates), it lies in its subnet (addressPrefix, addressPrefixes): a " \
	"destination prefix holding all of the subnet holds it, one holding none of it does not; for any other, an Allow is taken to " \
	"apply and a Deny not to cover it: what is reachable only under that reading is UNKNOWN, naming the rules. " \
	"An NSG with a rule value that cannot be read (a template parameter without a value, a source that is neither a prefix " \
	"nor a tag, an unknown access, protocol or direction, an unreadable port or priority) is judged between two readings, as the " \
	"per-NSG rules judge it: the rule as the widest Allow it may be and as the widest Deny (every port, address and protocol " \
	"it does not name; an unknown priority first). What the Deny reading still reaches FAILs and what the Allow reading does " \
	"not reach PASSes, both naming the value (\"whatever the value that could not be read\"; a FAIL names the NSGs on its " \
	"failing paths only, a PASS every such NSG on the resource's paths); what only the Allow reading " \
	"reaches is UNKNOWN, naming the NSG and the value (only when its two readings admit differently there: a difference the " \
	"address not known alone makes names the address's rules only). With the private address not known too, the Allow reading goes with the " \
	"address's reading that admits most, the Deny reading with the one that admits least. An NSG whose rules share a " \
	"priority (an Allow and a Deny on a common protocol and port) stays UNKNOWN. " \
	"Internet sources narrower than a /16 are reported " \
	"as allow-listed, not as a failure. A subnet, NSG, NIC, public IP (its SKU) or load balancer the path needs but the input " \
	"lacks, or one without properties, gives UNKNOWN; so does a deployed NSG whose properties hold no securityRules while its " \
	"rule resources were not collected either (the Microsoft.Network specification's NetworkSecurityGroupGet example returns " \
	"securityRules, an empty array when there are none: without it the rules are not known, as AZA-NET-001 finds; a template " \
	"NSG declaring none deploys none), and a NIC, or a VM's or scale set's NIC configuration, with an IP configuration whose " \
	"settings cannot be read (it may hold the public IP the others lack), and a deployed VM whose networkProfile names no " \
	"network interface and no networkInterfaceConfigurations (every VM has one: the compute specification's VirtualMachine_Get " \
	"example returns networkProfile.networkInterfaces). A deployed firewall or rule collection group without properties, a " \
	"rule collection without ruleCollectionType (the discriminator of NAT, network and application collections), and a DNAT " \
	"rule that names no translated address (or FQDN), translated port, destination port, protocol, or source address or IP " \
	"group make the DNAT rules not known, not absent (a template's rule that names none is not read, as before). A deployed load " \
	"balancer without properties or without the pool, inbound NAT rule or NAT pool an IP configuration names, and a rule of it " \
	"whose frontend is not among its frontendIPConfigurations or cannot be read (no public IP, prefix, subnet or private " \
	"address), or without a readable protocol or port, give UNKNOWN to the configurations it would forward to (a load-balancing " \
	"rule naming no backend pool: to the members of each of its pools): Azure does not let a NIC name what the load balancer " \
	"does not hold, so the input is trimmed. DNAT rules not known (a firewall policy or rule collection group not in " \
	"the input) give UNKNOWN to the resources of the firewall's virtual network and its peered ones (any, when its virtual " \
	"network is not in the input); a DNAT or backend pool address tied to no IP configuration, to those whose subnet holds it. " \
	"DNAT to an internal load balancer frontend is followed through its rules. " \
	"Application Gateway backends are HTTP(S)-proxied and not counted. See docs/exposure.md."

const struct aza_rule aza_rules_network[] = {
	{
		.id = "AZA-NET-001", .title = "No NSG admits RDP from the internet",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_HIGH, IAAS_NET, .types = NSG, .needs = NSGRULE,
		.checklist = "network.no_internet_rdp", .cis = "6.0.0:7.1 5.0.0:7.1",
		.rationale = "RDP exposed to the internet is brute-forced within hours and has a history of pre-authentication vulnerabilities; remote administration belongs behind Bastion, VPN or ExpressRoute.",
		.portal = "Network security group > Settings > Inbound security rules: delete or restrict the rule allowing 3389 from Any/Internet (use Azure Bastion or just-in-time access).",
		.cli = "az network nsg rule update -g <rg> --nsg-name <nsg> -n <rule> --access Deny   (or: az network nsg rule delete ...)",
		.arm = "securityRules[]: no Inbound Allow with destination port 3389 and source *, Internet, Any or 0.0.0.0/0",
		.defaults = NSG_DEFAULTS " TCP and UDP 3389 are both checked.",
		.check = nsg_rdp,
	},
	{
		.id = "AZA-NET-002", .title = "No NSG admits SSH from the internet",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_HIGH, IAAS_NET, .types = NSG, .needs = NSGRULE,
		.checklist = "network.no_internet_ssh", .cis = "6.0.0:7.2 5.0.0:7.2",
		.rationale = "SSH exposed to the internet invites credential stuffing and exploitation; use Bastion, VPN or just-in-time access.",
		.portal = "Network security group > Inbound security rules: delete or restrict the rule allowing 22 from Any/Internet.",
		.cli = "az network nsg rule delete -g <rg> --nsg-name <nsg> -n <rule>",
		.arm = "securityRules[]: no Inbound Allow with destination port 22 and an internet source",
		.defaults = NSG_DEFAULTS,
		.check = nsg_ssh,
	},
	{
		.id = "AZA-NET-003", .title = "No NSG admits UDP from the internet",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_MEDIUM, IAAS_NET, .types = NSG, .needs = NSGRULE,
		.cis = "6.0.0:7.3 5.0.0:7.3",
		.rationale = "Internet-reachable UDP services (DNS, NTP, SSDP, CLDAP...) are abused for reflection and amplification DDoS attacks.",
		.portal = "Network security group > Inbound security rules: restrict rules with protocol UDP or Any from Any/Internet.",
		.cli = "az network nsg rule update -g <rg> --nsg-name <nsg> -n <rule> --protocol Tcp   (or restrict --source-address-prefixes)",
		.arm = "securityRules[]: no Inbound Allow with protocol Udp or * and an internet source",
		.defaults = NSG_DEFAULTS " Every UDP port is checked; protocol * counts as UDP.",
		.check = nsg_udp,
	},
	{
		.id = "AZA-NET-004", .title = "No NSG admits HTTP(S) from the internet",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_LOW, IAAS_NET, .types = NSG, .needs = NSGRULE,
		.cis = "6.0.0:7.4 5.0.0:7.4",
		.rationale = "Web servers published straight from an NSG skip the WAF, TLS policy and DDoS layer of Application Gateway or Front Door.",
		.portal = "Network security group > Inbound security rules: restrict rules allowing 80/443 from the internet; publish through Application Gateway or Front Door.",
		.cli = "az network nsg rule update -g <rg> --nsg-name <nsg> -n <rule> --source-address-prefixes GatewayManager   (or the gateway subnet)",
		.arm = "securityRules[]: no Inbound Allow with destination port 80 or 443 and an internet source",
		.defaults = NSG_DEFAULTS " TCP 80 and 443 are checked.",
		.check = nsg_http,
	},
	{
		.id = "AZA-NET-005", .title = "NSG flow logs are retained for the configured period",
		.area = AZA_AREA_NETWORK, .level = 2, .severity = AZA_SEV_LOW, IAAS_NET, .types = FLOWLOG,
		.cis = "6.0.0:7.5 5.0.0:7.5",
		.rationale = "Flow logs are the record of who talked to what; an incident found late needs months of them.",
		.portal = "Network Watcher > Flow logs > select the NSG flow log > Retention days: 90 or more (0 = forever).",
		.cli = "az network watcher flow-log update -l <region> -n <flowlog> --retention 90",
		.arm = "Microsoft.Network/networkWatchers/flowLogs: properties.retentionPolicy = {enabled: true, days: 90}",
		.defaults = "Flow logs whose targetResourceId is an NSG (others: NOT_APPLICABLE, see AZA-NET-008). The minimum is flow_log_retention_days (default 90); days 0 with enabled true means forever (PASS). retentionPolicy.enabled false means no retention policy deletes the logs: they stay in the storage account until deleted there, and days is not applied (PASS; Network Watcher docs: without a retention policy the data stays until manually deleted). No retentionPolicy: templates apply none (PASS, as the CLI's --retention 0 sends none); a deployed flow log without one is UNKNOWN, as is a retentionPolicy without a boolean enabled, or enabled true without a whole non-negative days. Deletion by the storage account's own lifecycle rules is not seen here. A disabled flow log fails; one without enabled is UNKNOWN (only enabled true can pass), as is one without a storageId (Resource Manager requires it).",
		.check = flow_nsg,
	},
	{
		.id = "AZA-NET-006", .title = "Network Watcher is enabled in every region in use",
		.area = AZA_AREA_NETWORK, .level = 2, .severity = AZA_SEV_LOW, IAAS_NET, .scope = AZA_SCOPE_SUBSCRIPTION,
		.needs = NW, .subject = NW, .checklist = "network.watcher_enabled", .cis = "6.0.0:7.6 5.0.0:7.6",
		.rationale = "Network Watcher provides flow logs, connection troubleshooting and topology; a region without it has none of them when an incident happens.",
		.portal = "Network Watcher > Overview > enable Network Watcher in each region that holds resources.",
		.cli = "az network watcher configure -g NetworkWatcherRG --locations <region> [<region>...] --enabled true",
		.arm = "Microsoft.Network/networkWatchers in each region (properties: {})",
		.defaults = "Regions are the locations of every resource of the subscription in the input (any type; 'global', resource groups and authorization objects left out: a policy assignment's location is only where its managed identity lives). A watcher counts when its provisioningState is Succeeded (or absent from a template, which states none); a region whose only watchers have a provisioningState that is not a string, or none on a deployed watcher (Resource Manager returns it: NetworkWatcherList.json of the Network API), is UNKNOWN. Watchers not collected: UNKNOWN.",
		.check = watcher_regions,
	},
	{
		.id = "AZA-NET-007", .title = "Public IP addresses are reviewed periodically",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_INFO, IAAS_NET,
		.cis = "6.0.0:7.7 5.0.0:7.7",
		.rationale = "Forgotten public IPs keep services reachable from the internet after the need has gone.",
		.manual = "List public IPs (az network public-ip list --query \"[].{name:name, ip:ipAddress, attached:ipConfiguration.id}\" -o table, or Portal > Public IP addresses) and confirm with each owner that every address, and what it is attached to, is still needed; record the review date.",
	},
	{
		.id = "AZA-NET-008", .title = "Virtual network flow logs are retained for the configured period",
		.area = AZA_AREA_NETWORK, .level = 2, .severity = AZA_SEV_LOW, IAAS_NET, .types = FLOWLOG,
		.cis = "6.0.0:7.8 5.0.0:7.8",
		.rationale = "VNet flow logs replace NSG flow logs; investigations need them kept long enough.",
		.portal = "Network Watcher > Flow logs > select the virtual network flow log > Retention days: 90 or more (0 = forever).",
		.cli = "az network watcher flow-log update -l <region> -n <flowlog> --retention 90",
		.arm = "flowLogs targeting a VNet, subnet or NIC: properties.retentionPolicy = {enabled: true, days: 90}",
		.defaults = "Flow logs whose targetResourceId is a virtual network, subnet or network interface (NSG targets: NOT_APPLICABLE, see AZA-NET-005). Same retention judgement as AZA-NET-005.",
		.check = flow_vnet,
	},
	{
		.id = "AZA-NET-009", .title = "Point-to-site VPN uses Entra ID authentication only",
		.area = AZA_AREA_NETWORK, .level = 2, .severity = AZA_SEV_MEDIUM, IAAS_NET, .types = VNGW,
		.cis = "6.0.0:7.9 5.0.0:7.9",
		.rationale = "Entra ID authentication brings MFA and conditional access to VPN users; certificates and RADIUS secrets do not.",
		.portal = "Virtual network gateway > Point-to-site configuration > Authentication type: Azure Active Directory only.",
		.cli = "az network vnet-gateway update -g <rg> -n <gw> --vpn-auth-type AAD --aad-tenant <url> --aad-audience <id> --aad-issuer <url>",
		.arm = "properties.vpnClientConfiguration.vpnAuthenticationTypes = ['AAD']",
		.defaults = "ExpressRoute gateways and gateways without vpnClientConfiguration are NOT_APPLICABLE. A vpnAuthenticationTypes entry that is not a string gives UNKNOWN unless another entry is not AAD. No vpnAuthenticationTypes with root certificates means certificate authentication (FAIL).",
		.check = vpn_aad,
	},
	{
		.id = "AZA-NET-010", .title = "Application Gateways have a web application firewall",
		.area = AZA_AREA_NETWORK, .level = 2, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = APPGW, .needs = WAFPOL,
		.cis = "6.0.0:7.10 5.0.0:7.10",
		.rationale = "A WAF blocks common web attacks (injection, XSS, protocol abuse) before they reach the application.",
		.portal = "Application gateway > Web application firewall: upgrade the tier to WAF V2 and associate a WAF policy.",
		.cli = "az network application-gateway update -g <rg> -n <gw> --sku WAF_v2 --set firewallPolicy.id=<policy id>",
		.arm = "properties.sku.tier = 'WAF_v2' and properties.firewallPolicy.id = <WAF policy>",
		.defaults = "A WAF tier with a linked policy (or legacy webApplicationFirewallConfiguration.enabled true) passes; a linked policy with policySettings.state Disabled fails; a linked policy not in the input gives UNKNOWN (its state decides; in a template too, when the template does not deploy it, as for AZA-NET-035), as does a deployed linked policy whose policySettings.state is absent, not a string or neither Enabled nor Disabled (a template policy without it is taken as enabled: the specification's WafPolicyCreateOrUpdate example sends no state and gets Enabled). A policy an httpListeners or urlPathMaps pathRules entry links (properties.firewallPolicy.id) replaces the gateway's for that listener's or path's traffic (Microsoft Learn, Create Web Application Firewall policies for Application Gateway), so each is judged the same way: one Disabled fails, naming the listener or path rule, one not in the input or with an unreadable state is UNKNOWN. A WAF tier without a policy of the gateway's own or an enabled legacy configuration passes when every listener links an enabled policy of its own (the same article: a policy can be associated with any combination of gateways, listeners and path-based rules), fails when none does or a listener links none (its traffic is not inspected), and is UNKNOWN when httpListeners or urlPathMaps cannot be read. A deployed gateway without httpListeners (its GET returns them, as AZA-NET-012 reads them), or with a listener, urlPathMaps entry or path rule without properties, is UNKNOWN where it would pass: that listener or path may link a disabled policy of its own (a template declares what it has). The WAF's mode (Detection or Prevention) is AZA-NET-038's: CIS 7.10 and the built-in policy 'Web Application Firewall (WAF) should be enabled for Application Gateway' ask only for a WAF, and Azure Policy judges the mode in a policy of its own.",
		.check = appgw_waf,
	},
	{
		.id = "AZA-NET-011", .title = "Subnets are associated with a network security group",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_MEDIUM, IAAS_NET, .types = VNET, .needs = SUBNET,
		.cis = "6.0.0:7.11 5.0.0:7.11",
		.rationale = "A subnet without an NSG has no network filtering between it and the rest of the network (and the internet, for public IPs).",
		.portal = "Virtual network > Subnets > select > Network security group: choose an NSG.",
		.cli = "az network vnet subnet update -g <rg> --vnet-name <vnet> -n <subnet> --network-security-group <nsg>",
		.arm = "properties.subnets[].properties.networkSecurityGroup.id",
		.defaults = "GatewaySubnet, AzureFirewallSubnet, AzureFirewallManagementSubnet and RouteServerSubnet do not support NSGs and are skipped. Embedded subnets and child subnet resources are both read (a template may declare some subnets as children); a child of an embedded subnet's name is the same subnet, without an NSG when either reading has none (a template's child subnet deployed after the network replaces the embedded one); subnets null is absent. A subnet without properties, or whose networkSecurityGroup has no string id, is UNKNOWN unless another subnet fails.",
		.check = subnet_nsg,
	},
	{
		.id = "AZA-NET-012", .title = "Application Gateways require TLS 1.2 or later",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = APPGW,
		.cis = "6.0.0:7.12 5.0.0:7.12",
		.rationale = "TLS 1.0 and 1.1 have known weaknesses and are deprecated.",
		.portal = "Application gateway > Listeners > SSL settings / TLS policy: AppGwSslPolicy20220101 (or a custom policy with minimum TLSv1_2); in each SSL profile (Listeners > SSL settings > the profile's SSL Policy tab), the same.",
		.cli = "az network application-gateway ssl-policy set -g <rg> --gateway-name <gw> --policy-type Predefined --name AppGwSslPolicy20220101",
		.arm = "properties.sslPolicy = {policyType: 'Predefined', policyName: 'AppGwSslPolicy20220101'}, and the same in every properties.sslProfiles[].properties.sslPolicy that a listener uses",
		.defaults = "Predefined policies map to their minimum (20150501: TLSv1_0, 20170401: TLSv1_1, 20170401S/20220101/20220101S: TLSv1_2). Custom and CustomV2 policies are judged by minProtocolVersion; without it a Custom policy is taken as TLSv1_0 (FAIL) and a CustomV2 one passes, its minimum being TLSv1_2 or TLSv1_3 (TLS policy overview: clients needing TLS 1.0 must use the older policies). An sslPolicy without policyType, policyName or minProtocolVersion whose disabledSslProtocols holds TLSv1_0 and TLSv1_1 passes. In a template the gateway's own sslPolicy passes only at an api-version that defines what it rests on: policyType, policyName and minProtocolVersion from the stable api-version " APPGW_SSL_POLICY_TYPE_API " (the 2017-03-01 schema has disabledSslProtocols only), disabledSslProtocols from " APPGW_SSL_POLICY_API " (the 2016-03-30 one has no sslPolicy); older, or only known at deployment: UNKNOWN (Azure/azure-rest-api-specs, Microsoft.Network stable schemas). No sslPolicy: defaultPredefinedSslPolicy when returned; templates use the api-version default (AppGwSslPolicy20220101 from 2023-02-01, 20150501 before); otherwise UNKNOWN. A policyType starting with Custom that is neither Custom nor CustomV2, without minProtocolVersion: UNKNOWN. SSL profiles (properties.sslProfiles[], v2 SKUs) carry listener-specific policies that replace the gateway's on the listeners naming them (listener-specific SSL policy docs: the default policy applies unless a listener-specific one overrides it). Only what a listener can negotiate is judged: each profile named by an HTTPS listener (httpListeners[].properties.sslProfile.id) or a TLS listener (listeners[], layer 4), and the gateway's policy when such a listener has no profile or its profile sets no sslPolicy (client authentication only). A profile no listener names is mentioned, not judged. sslProfiles first appear in the stable api-version " APPGW_SSL_PROFILES_API " (its examples add them to the 2020-05-01 ones): a template that would pass on a profile a listener names at an earlier api-version, or at one only known at deployment, is UNKNOWN. No HTTPS or TLS listener: the gateway's policy is judged, being what a listener added without a profile gets. The gateway fails when a judged policy allows TLS 1.0 or 1.1 (the message names the profile), else is UNKNOWN when one cannot be judged. A listener naming a profile the gateway does not have, or one without an id: UNKNOWN. A deployed gateway whose httpListeners are not in the input (or a listener without protocol): every profile is judged, and a weak profile gives UNKNOWN, since it may be unused. A profile sslPolicy naming no policyName or minProtocolVersion (and not disabling both TLSv1_0 and TLSv1_1), or one that is not an object, and a deployed gateway's profile without properties: UNKNOWN.",
		.check = appgw_tls,
	},
	{
		.id = "AZA-NET-013", .title = "Application Gateways have HTTP/2 enabled",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_INFO, PAAS_NET, .types = APPGW,
		.cis = "6.0.0:7.13 5.0.0:7.13",
		.rationale = "HTTP/2 brings header compression and multiplexing; CIS lists it for the gateway's protocol hygiene.",
		.portal = "Application gateway > Configuration > HTTP2: Enabled.",
		.cli = "az network application-gateway update -g <rg> -n <gw> --http2 Enabled",
		.arm = "properties.enableHttp2 = true",
		.defaults = "Absent means false (FAIL): \"By default, HTTP/2 support is disabled\" (Microsoft Learn, 'Application Gateway listener configuration'). The portal's HTTP2 option defaults to Enabled, but it writes enableHttp2 true into the resource, so a gateway or template without the property does not have it.",
		.check = appgw_http2,
	},
	{
		.id = "AZA-NET-014", .title = "WAF policies inspect request bodies",
		.area = AZA_AREA_NETWORK, .level = 2, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = WAFPOL,
		.cis = "6.0.0:7.14 5.0.0:7.14",
		.rationale = "Without body inspection, attacks carried in POST bodies pass the WAF unexamined.",
		.portal = "Web Application Firewall policy > Policy settings > Enforce request body inspection: on.",
		.cli = "az network application-gateway waf-policy policy-setting update -g <rg> --policy-name <policy> --request-body-check true",
		.arm = "properties.policySettings.requestBodyCheck = true",
		.defaults = "Only requestBodyCheck true passes on a deployed policy: false fails, and absent (Azure returns it) or not a boolean is UNKNOWN. Absent from a template means enabled, Azure's default (Microsoft Learn, Application Gateway WAF request and file upload size limits: 'By default, the request body inspection is enabled'; the specification's WafPolicyCreateOrUpdate example sends none and gets true): PASS.",
		.check = waf_body,
	},
	{
		.id = "AZA-NET-015", .title = "WAF policies enable bot protection",
		.area = AZA_AREA_NETWORK, .level = 2, .severity = AZA_SEV_LOW, PAAS_NET, .types = WAFPOL,
		.cis = "6.0.0:7.15 5.0.0:7.15",
		.rationale = "The bot manager rule set blocks known malicious bots and scanners.",
		.portal = "Web Application Firewall policy > Managed rules > Assign > Microsoft_BotManagerRuleSet.",
		.cli = "az network application-gateway waf-policy managed-rule rule-set add -g <rg> --policy-name <policy> --type Microsoft_BotManagerRuleSet --version 1.0",
		.arm = "properties.managedRules.managedRuleSets[] with ruleSetType 'Microsoft_BotManagerRuleSet'",
		.defaults = "No managed rule set of that type: FAIL. " BOT_DEFAULTS,
		.check = waf_bot,
	},
	{
		.id = "AZA-NET-016", .title = "PaaS resources are placed in a Network Security Perimeter",
		.area = AZA_AREA_NETWORK, .level = 2, .severity = AZA_SEV_INFO, PAAS_NET,
		.cis = "6.0.0:7.16 5.0.0:7.16",
		.rationale = "A network security perimeter restricts public access to PaaS resources and logs access across them.",
		.manual = "Portal > Network Security Perimeters: for each PaaS resource that should not be public (storage, Key Vault, SQL, Event Hubs...), confirm it is associated with a perimeter profile in Enforced mode whose inbound/outbound access rules are only the ones you need (az network perimeter list / az network perimeter association list).",
	},
	{
		.id = "AZA-NET-017", .title = "An Azure Bastion host exists",
		.area = AZA_AREA_NETWORK, .level = 2, .severity = AZA_SEV_LOW, IAAS_NET, .scope = AZA_SCOPE_SUBSCRIPTION,
		.needs = BASTION, .subject = BASTION, .cis = "6.0.0:8.4.1",
		.rationale = "Bastion gives browser-based RDP/SSH over TLS without public IPs or open management ports on VMs.",
		.portal = "Bastions > Create: in the virtual network holding the VMs (subnet AzureBastionSubnet).",
		.cli = "az network bastion create -g <rg> -n <bastion> --vnet-name <vnet> --public-ip-address <pip> -l <region>",
		.arm = "Microsoft.Network/bastionHosts",
		.defaults = "A Bastion host in the subscription whose provisioningState is Succeeded (or absent from a template, which states none) passes; one that Failed or is Deleting does not count (FAIL when it is the only one); another state (Updating, Creating), a state that is not a string, or none on a deployed host (Resource Manager returns it, as every Microsoft.Network example response in the specification carries it; one without it, or without properties, may be Failed): UNKNOWN. Bastion hosts not collected: UNKNOWN.",
		.check = bastion,
	},
	{
		.id = "AZA-NET-018", .title = "Virtual networks have DDoS Network Protection",
		.area = AZA_AREA_NETWORK, .level = 2, .severity = AZA_SEV_MEDIUM, IAAS_NET, .types = VNET,
		.cis = "6.0.0:8.5",
		.rationale = "DDoS Network Protection adds adaptive tuning, attack telemetry and cost protection to the public IPs in the network.",
		.portal = "Virtual network > Settings > DDoS protection: Enable, select a DDoS protection plan.",
		.cli = "az network vnet update -g <rg> -n <vnet> --ddos-protection true --ddos-protection-plan <plan id>",
		.arm = "properties.enableDdosProtection = true and properties.ddosProtectionPlan.id",
		.defaults = "Absent enableDdosProtection means false (FAIL); true without a plan fails too.",
		.check = ddos_vnet,
	},
	{
		.id = "AZA-NET-019", .title = "No SQL server firewall rule allows any IP or all Azure services",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_HIGH, PAAS_NET, .types = "Microsoft.Sql/servers",
		.needs = "Microsoft.Sql/servers/firewallRules Microsoft.Sql/servers/ipv6FirewallRules",
		.checklist = "network.sql_no_any_ip",
		.rationale = "A 0.0.0.0-255.255.255.255 rule opens the server to the whole internet; 0.0.0.0 (Allow Azure services) opens it to every Azure tenant's resources, not only yours.",
		.portal = "SQL server > Security > Networking: delete rules covering 0.0.0.0-255.255.255.255 and uncheck 'Allow Azure services and resources to access this server'.",
		.cli = "az sql server firewall-rule delete -g <rg> -s <server> -n <rule>",
		.arm = "Microsoft.Sql/servers/firewallRules: no rule with startIpAddress 0.0.0.0 and endIpAddress 255.255.255.255 or 0.0.0.0; Microsoft.Sql/servers/ipv6FirewallRules: no rule with startIPv6Address :: and endIPv6Address ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, nor one spanning an IPv6 /32 or more",
		.defaults = "The 0.0.0.0-0.0.0.0 'Allow Azure services' rule is a FAIL here (the checklist counts it; many scanners pass it). A range holding 65536 or more public addresses (a /16 or wider, e.g. 0.0.0.0-255.255.255.254 or 1.0.0.0-223.255.255.255) is treated as any IP (FAIL), as NSG sources are. publicNetworkAccess Disabled passes: firewall rules, readable or not, are then not applied. Firewall rules not collected: UNKNOWN. IPv6 firewall rules (Microsoft.Sql/servers/ipv6FirewallRules, startIPv6Address and endIPv6Address, read per server with GET .../ipv6FirewallRules?api-version=2023-08-01, stable since 2021-11-01) admit clients of the server's IPv6 endpoint as the IPv4 rules do: a rule from :: to ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff (every IPv6 address), or one spanning 2^32 /64 networks or more (an IPv6 /32 or wider, the NSG threshold for IPv6 sources), FAILs, naming it; a rule without two readable IPv6 addresses (start not after end): UNKNOWN. The endpoint exists only on a server whose isIPv6Enabled is Enabled (an optional property, Enabled or Disabled, stable 2023-08-01; Resource Manager refuses an IPv6 rule while the endpoint is disabled, 400 IPv6EndpointDisabled, and turning it on needs a subscription feature, 400 Ipv6FeatureNotEnabled). So isIPv6Enabled Disabled passes whatever the IPv6 rules say (named in the message), and absent is read as not enabled: only a server with isIPv6Enabled Enabled (or another value than Disabled) and public access on is UNKNOWN when its IPv6 rules were not collected (a snapshot whose data sets list firewallRules but not ipv6FirewallRules, from an azaudit before it read them, or a refused read). IPv6 rules that were read are judged unless isIPv6Enabled is Disabled, absent included (a server can only have them after its IPv6 endpoint was on).",
		.check = sql_fw,
	},
	{
		.id = "AZA-NET-020", .title = "No PostgreSQL flexible server firewall rule allows any IP or all Azure services",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_HIGH, PAAS_NET,
		.types = "Microsoft.DBforPostgreSQL/flexibleServers", .needs = "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules",
		.checklist = "network.sql_no_any_ip",
		.rationale = "A 0.0.0.0-255.255.255.255 rule exposes the server to the internet; 0.0.0.0 allows every Azure customer's resources.",
		.portal = "PostgreSQL flexible server > Settings > Networking: delete open rules; uncheck 'Allow public access from any Azure service'.",
		.cli = "az postgres flexible-server firewall-rule delete -g <rg> -n <server> -r <rule>",
		.arm = "flexibleServers/firewallRules: no startIpAddress 0.0.0.0 with endIpAddress 255.255.255.255 or 0.0.0.0",
		.defaults = "As AZA-NET-019; network.publicNetworkAccess Disabled (private access) passes.",
		.check = pg_fw,
	},
	{
		.id = "AZA-NET-021", .title = "No MySQL flexible server firewall rule allows any IP or all Azure services",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_HIGH, PAAS_NET,
		.types = "Microsoft.DBforMySQL/flexibleServers", .needs = "Microsoft.DBforMySQL/flexibleServers/firewallRules",
		.checklist = "network.sql_no_any_ip",
		.rationale = "A 0.0.0.0-255.255.255.255 rule exposes the server to the internet; 0.0.0.0 allows every Azure customer's resources.",
		.portal = "MySQL flexible server > Settings > Networking: delete open rules; uncheck 'Allow public access from any Azure service'.",
		.cli = "az mysql flexible-server firewall-rule delete -g <rg> -n <server> -r <rule>",
		.arm = "flexibleServers/firewallRules: no startIpAddress 0.0.0.0 with endIpAddress 255.255.255.255 or 0.0.0.0",
		.defaults = "As AZA-NET-019; network.publicNetworkAccess Disabled (private access) passes.",
		.check = mysql_fw,
	},
	{
		.id = "AZA-NET-022", .title = "Attached public IPs are covered by DDoS protection",
		.area = AZA_AREA_NETWORK, .level = 2, .severity = AZA_SEV_MEDIUM, IAAS_NET, .types = PIP, .needs = NIC " " VNET,
		.rationale = "Public IPs are what a DDoS attack targets; without Network or IP Protection only the basic platform protection applies.",
		.portal = "Public IP address > Settings > Protection: enable IP Protection, or enable DDoS Network Protection on the virtual network it is in.",
		.cli = "az network public-ip update -g <rg> -n <pip> --ddos-protection-mode Enabled",
		.arm = "properties.ddosSettings.protectionMode = 'Enabled' (or VirtualNetworkInherited with a protected VNet)",
		.defaults = "protectionMode absent means VirtualNetworkInherited: the IP's network interface and subnet lead to the VNet, which must have a DDoS plan. Unattached IPs: NOT_APPLICABLE; so are IPs of a NAT gateway (properties.natGateway), which DDoS Network and IP Protection do not support (DDoS Protection reference architectures: unsupported resources), whatever their protectionMode. IPs on load balancers and gateways, or whose NIC/VNet is not in the input (or a VNet without properties or with a non-boolean enableDdosProtection): UNKNOWN; so is a protectionMode that is not a string. protectionCoverage (api-versions before protectionMode) is, in the Microsoft.Network specification's DdosSettings, 'the DDoS protection policy customizability of the public IP' (whether a custom DDoS policy may apply), not protection: Standard or Basic, the IP is judged as inheriting from its VNet. Those api-versions' protectedIP ('Enables DDoS protection on the public IP') true passes without protectionMode; not a boolean: UNKNOWN.",
		.check = ddos_pip,
	},
	{
		.id = "AZA-NET-023", .title = "No NSG admits WinRM or Telnet from the internet",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_HIGH, IAAS_NET, .types = NSG, .needs = NSGRULE,
		.rationale = "WinRM (5985/5986) and Telnet (23) are remote administration protocols; exposed to the internet they are brute-forced and Telnet sends passwords in clear.",
		.portal = "Network security group > Inbound security rules: delete or restrict rules allowing 5985, 5986 or 23 from the internet.",
		.cli = "az network nsg rule delete -g <rg> --nsg-name <nsg> -n <rule>",
		.arm = "securityRules[]: no Inbound Allow to TCP 5985-5986 or 23 from an internet source",
		.defaults = NSG_DEFAULTS,
		.check = nsg_remote,
	},
	{
		.id = "AZA-NET-024", .title = "No NSG admits SMB or FTP from the internet",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_HIGH, IAAS_NET, .types = NSG, .needs = NSGRULE,
		.rationale = "SMB (445) is the vector of wormable exploits and relay attacks; FTP (20-21) sends credentials in clear.",
		.portal = "Network security group > Inbound security rules: delete or restrict rules allowing 445 or 20-21 from the internet.",
		.cli = "az network nsg rule delete -g <rg> --nsg-name <nsg> -n <rule>",
		.arm = "securityRules[]: no Inbound Allow to TCP 445 or 20-21 from an internet source",
		.defaults = NSG_DEFAULTS,
		.check = nsg_files,
	},
	{
		.id = "AZA-NET-025", .title = "No NSG admits database ports from the internet",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_HIGH, IAAS_NET, .types = NSG, .needs = NSGRULE,
		.rationale = "Databases reachable from the internet (SQL Server 1433, MySQL 3306, PostgreSQL 5432, MongoDB 27017, Redis 6379, Elasticsearch 9200) are scanned for continuously; several ship without authentication.",
		.portal = "Network security group > Inbound security rules: delete or restrict rules allowing database ports from the internet; use private endpoints or a VPN.",
		.cli = "az network nsg rule delete -g <rg> --nsg-name <nsg> -n <rule>",
		.arm = "securityRules[]: no Inbound Allow to TCP 1433, 3306, 5432, 27017, 6379 or 9200 from an internet source",
		.defaults = NSG_DEFAULTS,
		.check = nsg_db,
	},
	{
		.id = "AZA-NET-026", .title = "No NSG admits Docker or Kubernetes API ports from the internet",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_HIGH, IAAS_NET, .types = NSG, .needs = NSGRULE,
		.rationale = "An exposed Docker daemon (2375/2376) or Kubernetes API server (6443) hands over the host or the cluster to whoever reaches it without strong authentication.",
		.portal = "Network security group > Inbound security rules: delete or restrict rules allowing 2375-2376 or 6443 from the internet.",
		.cli = "az network nsg rule delete -g <rg> --nsg-name <nsg> -n <rule>",
		.arm = "securityRules[]: no Inbound Allow to TCP 2375-2376 or 6443 from an internet source",
		.defaults = NSG_DEFAULTS,
		.check = nsg_containers,
	},
	{
		.id = "AZA-NET-027", .title = "RDP is not reachable from the internet on any VM or scale set",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_HIGH, IAAS_NET, .types = EXPO_TYPES, .needs = EXPO_NEEDS,
		.checklist = "network.no_internet_rdp",
		.rationale = "RDP reachable from the internet is brute-forced within hours and has a history of pre-authentication vulnerabilities; this rule finds the machines actually reachable and the exact path.",
		.portal = "Network security group of the subnet or NIC on the reported path > Inbound security rules: delete or restrict the named rule; remove the public IP or the load balancer rule / NAT rule on the path; use Azure Bastion or just-in-time access for administration.",
		.cli = "az network nsg rule delete -g <rg> --nsg-name <nsg> -n <rule>   (or: az network nic ip-config update -g <rg> --nic-name <nic> -n <ipconfig> --remove publicIpAddress)",
		.arm = "securityRules[] of the NSGs on the path: no Inbound Allow to TCP and UDP 3389 from internet sources; or no public frontend on the IP configuration",
		.defaults = EXPO_DEFAULTS,
		.check = expo_rdp,
	},
	{
		.id = "AZA-NET-028", .title = "SSH is not reachable from the internet on any VM or scale set",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_HIGH, IAAS_NET, .types = EXPO_TYPES, .needs = EXPO_NEEDS,
		.checklist = "network.no_internet_ssh",
		.rationale = "SSH reachable from the internet invites credential stuffing; this rule finds the machines actually reachable and the exact path.",
		.portal = "Network security group of the subnet or NIC on the reported path > Inbound security rules: delete or restrict the named rule; remove the public IP or the load balancer rule / NAT rule on the path; use Azure Bastion or just-in-time access for administration.",
		.cli = "az network nsg rule delete -g <rg> --nsg-name <nsg> -n <rule>   (or: az network nic ip-config update -g <rg> --nic-name <nic> -n <ipconfig> --remove publicIpAddress)",
		.arm = "securityRules[] of the NSGs on the path: no Inbound Allow to TCP 22 from internet sources; or no public frontend on the IP configuration",
		.defaults = EXPO_DEFAULTS,
		.check = expo_ssh,
	},
	{
		.id = "AZA-NET-029", .title = "WinRM and Telnet are not reachable from the internet",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_HIGH, IAAS_NET, .types = EXPO_TYPES, .needs = EXPO_NEEDS,
		.rationale = "WinRM and Telnet are remote administration protocols; reachable from the internet they are brute-forced, and Telnet sends passwords in clear.",
		.portal = "Network security group of the subnet or NIC on the reported path > Inbound security rules: delete or restrict the named rule; remove the public IP or the load balancer rule / NAT rule on the path; use Azure Bastion or just-in-time access for administration.",
		.cli = "az network nsg rule delete -g <rg> --nsg-name <nsg> -n <rule>   (or: az network nic ip-config update -g <rg> --nic-name <nic> -n <ipconfig> --remove publicIpAddress)",
		.arm = "securityRules[] of the NSGs on the path: no Inbound Allow to TCP 5985-5986 and 23 from internet sources; or no public frontend on the IP configuration",
		.defaults = EXPO_DEFAULTS,
		.check = expo_remote,
	},
	{
		.id = "AZA-NET-030", .title = "SMB and FTP are not reachable from the internet",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_HIGH, IAAS_NET, .types = EXPO_TYPES, .needs = EXPO_NEEDS,
		.rationale = "SMB is the vector of wormable exploits; FTP sends credentials in clear.",
		.portal = "Network security group of the subnet or NIC on the reported path > Inbound security rules: delete or restrict the named rule; remove the public IP or the load balancer rule / NAT rule on the path; use Azure Bastion or just-in-time access for administration.",
		.cli = "az network nsg rule delete -g <rg> --nsg-name <nsg> -n <rule>   (or: az network nic ip-config update -g <rg> --nic-name <nic> -n <ipconfig> --remove publicIpAddress)",
		.arm = "securityRules[] of the NSGs on the path: no Inbound Allow to TCP 445 and 20-21 from internet sources; or no public frontend on the IP configuration",
		.defaults = EXPO_DEFAULTS,
		.check = expo_files,
	},
	{
		.id = "AZA-NET-031", .title = "Database ports are not reachable from the internet",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_HIGH, IAAS_NET, .types = EXPO_TYPES, .needs = EXPO_NEEDS,
		.rationale = "Databases reachable from the internet are scanned for continuously; several ship without authentication.",
		.portal = "Network security group of the subnet or NIC on the reported path > Inbound security rules: delete or restrict the named rule; remove the public IP or the load balancer rule / NAT rule on the path; use Azure Bastion or just-in-time access for administration.",
		.cli = "az network nsg rule delete -g <rg> --nsg-name <nsg> -n <rule>   (or: az network nic ip-config update -g <rg> --nic-name <nic> -n <ipconfig> --remove publicIpAddress)",
		.arm = "securityRules[] of the NSGs on the path: no Inbound Allow to TCP 1433, 3306, 5432, 27017, 6379, 9200 from internet sources; or no public frontend on the IP configuration",
		.defaults = EXPO_DEFAULTS,
		.check = expo_db,
	},
	{
		.id = "AZA-NET-032", .title = "Docker and Kubernetes API ports are not reachable from the internet",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_HIGH, IAAS_NET, .types = EXPO_TYPES, .needs = EXPO_NEEDS,
		.rationale = "An exposed Docker daemon or Kubernetes API server hands over the host or the cluster.",
		.portal = "Network security group of the subnet or NIC on the reported path > Inbound security rules: delete or restrict the named rule; remove the public IP or the load balancer rule / NAT rule on the path; use Azure Bastion or just-in-time access for administration.",
		.cli = "az network nsg rule delete -g <rg> --nsg-name <nsg> -n <rule>   (or: az network nic ip-config update -g <rg> --nic-name <nic> -n <ipconfig> --remove publicIpAddress)",
		.arm = "securityRules[] of the NSGs on the path: no Inbound Allow to TCP 2375-2376 and 6443 from internet sources; or no public frontend on the IP configuration",
		.defaults = EXPO_DEFAULTS,
		.check = expo_containers,
	},
	{
		.id = "AZA-NET-033", .title = "Azure Firewalls deny traffic flagged by threat intelligence",
		.area = AZA_AREA_NETWORK, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = FW, .needs = FWPOL,
		.rationale = "Threat intelligence-based filtering matches traffic to and from addresses and domains Microsoft Threat Intelligence knows to be malicious; in Alert mode (the default) the firewall only logs that traffic and lets it through, in Deny mode it blocks it.",
		.portal = "Firewall policy > Threat Intelligence: Threat intelligence mode 'Alert and deny' (firewalls with classic rules: Azure Firewall > Threat intelligence).",
		.cli = "az network firewall policy update -g <rg> -n <policy> --threat-intel-mode Deny (classic rules: az network firewall update -g <rg> -n <fw> --threat-intel-mode Deny; both in the azure-firewall extension)",
		.arm = "Microsoft.Network/firewallPolicies properties.threatIntelMode = 'Deny' for the policy named in the firewall's properties.firewallPolicy.id; without a policy, the firewall's properties.threatIntelMode = 'Deny'",
		.defaults = "A firewall naming a policy in properties.firewallPolicy.id is judged by that policy's threatIntelMode (the policy's settings replace the classic ones); otherwise by its own threatIntelMode. Absent means Alert, Azure's default (Azure Firewall threat intelligence docs: enabled in Alert mode by default), and fails; only Deny passes. A policy not in the input (or a deployed one without properties), or a value that is not a string or none of Off, Alert, Deny: UNKNOWN. A policy that does not set Deny but names a parent policy (basePolicy) inherits its threatIntelMode, and may override it only with a stricter value (Microsoft Learn, Azure Firewall Manager policy overview, Hierarchical policies: 'Threat Intelligence mode is also inherited from the parent policy... It's only possible to override with a stricter value'): it passes when a parent up the chain sets Deny, whatever the child sets; it is UNKNOWN when a parent before that is not in the input, has no string id or a mode that cannot be read, or the chain loops or runs deeper than 8 policies; it fails when no parent sets Deny. A template firewall setting Deny at an api-version before 2018-12-01 (the first with threatIntelMode) is UNKNOWN. The Basic tier supports only Alert, so a Basic firewall fails. Allowlist entries are exempt (Microsoft Learn, Azure Firewall threat intelligence-based filtering: allowlists 'exempt specific FQDNs, IP addresses, ranges, or subnets from threat intelligence filtering'), so Deny with an allowlist entry that covers everything fails naming it: '*', an IPv4 or IPv6 /0, a range of 65,536 public addresses or more (a /16, or an IPv6 /32: the threshold of the NSG and firewall IP rules), or a domain wildcard over a whole top-level domain ('*.com'; a public suffix of two labels such as '*.co.uk' is not recognised); narrower entries pass. The allowlist is the policy's threatIntelWhitelist {ipAddresses, fqdns} (string arrays) or, without a policy, the firewall's additionalProperties 'ThreatIntel.Whitelist.IpAddresses' and 'ThreatIntel.Whitelist.FQDNs' (comma-separated strings, as the Azure CLI writes them). A policy that inherits Deny is judged on its own allowlist; a wide entry on a parent's (up to the one setting Deny) is UNKNOWN, as whether a child takes its parent's allowlist is not documented. An allowlist that cannot be read (not an object, array or string, an IP entry that is not an address or range): UNKNOWN.",
		.check = fw_threat_intel,
	},
	{
		.id = "AZA-NET-034", .title = "Premium firewall policies deny traffic matched by intrusion detection",
		.area = AZA_AREA_NETWORK, .level = 2, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = FWPOL,
		.rationale = "The Premium tier's intrusion detection and prevention system (IDPS) matches traffic against signatures of known attacks, malware command and control and exploit kits; in Alert mode it only logs the matches, in Deny mode it also blocks them. It is off unless configured.",
		.portal = "Firewall policy (Premium) > IDPS: IDPS mode 'Alert and deny'.",
		.cli = "az network firewall policy update -g <rg> -n <policy> --sku Premium --idps-mode Deny (azure-firewall extension)",
		.arm = "Microsoft.Network/firewallPolicies properties.sku.tier = 'Premium' and properties.intrusionDetection.mode = 'Deny'",
		.defaults = "Only Premium policies are judged (sku.tier; absent means Standard, Azure's default tier: NOT_APPLICABLE, as are Standard and Basic; a sku or tier that cannot be read: UNKNOWN). intrusionDetection.mode absent means Off (IDPS is disabled unless configured) and fails, as do Off and Alert; only Deny passes. A mode that is not a string or none of Off, Alert, Deny, or an intrusionDetection that is not an object: UNKNOWN. A policy that does not set Deny but names a parent policy (basePolicy) is UNKNOWN when a parent sets Deny: Microsoft Learn's Azure Firewall Manager policy overview (Hierarchical policies) says a child inherits the parent's rule collections, threat intelligence mode and allowlist, and says nothing of the IDPS mode, so whether the parent's Deny applies to the child is not documented. It is UNKNOWN too when a parent is not in the input, has no string id or a mode that cannot be read, or the chain loops or runs deeper than 8 policies; it fails when no parent sets Deny. A template setting Deny at an api-version before 2020-11-01 (the first with intrusionDetection and sku) is UNKNOWN. Deny with a configuration.bypassTrafficSettings entry of protocol ANY whose sourceAddresses, destinationAddresses and destinationPorts each hold * fails: that bypass exempts all traffic from IDPS (the Microsoft.Network specification's FirewallPolicyIntrusionDetectionBypassTrafficSpecifications); narrower bypasses are tuning and are not judged. A bypassTrafficSettings that is not an array: UNKNOWN.",
		.check = fwpol_idps,
	},
	{
		.id = "AZA-NET-035", .title = "Front Door domains are protected by a WAF policy in Prevention mode",
		.area = AZA_AREA_NETWORK, .level = 2, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = AFDEP " " AFDDOM " " FDCLASSIC,
		.needs = AFDSEC " " AFDROUTE " " FDWAF,
		.rationale = "Front Door is the internet entry point of the applications behind it: a domain that no WAF policy protects, "
		             "or whose policy is disabled or only detects, passes injection, cross-site scripting and other common web "
		             "attacks to the origin. An endpoint's default domain (*.azurefd.net) is a domain of its own and needs the "
		             "association as much as the custom domains.",
		.portal = "Front Door and CDN profiles > (profile) > Security policies > Add: select a WAF policy in Prevention mode and "
		          "associate every domain (custom domains and the endpoints' default domains); Web Application Firewall "
		          "policies > (policy) > Overview: Switch to prevention mode, and Policy settings: Enabled. Classic Front Door: "
		          "Front Door > Web application firewall > Apply policy to each frontend host.",
		.cli = "az afd security-policy create -g <rg> --profile-name <profile> --security-policy-name <name> --domains "
		       "<custom domain or endpoint id>... --waf-policy <policy id>; az resource update --ids <policy id> --set "
		       "properties.policySettings.enabledState=Enabled properties.policySettings.mode=Prevention",
		.arm = "Microsoft.Cdn/profiles/securityPolicies properties.parameters = {type: 'WebApplicationFirewall', wafPolicy: {id: "
		       "<policy>}, associations: [{domains: [{id: <customDomain or afdEndpoint id>}], patternsToMatch: ['/*']}]} (the "
		       "previews from 2026-04-01-preview: associations[].routes: [{id: <route id>}], or isProfileLevel: true, covering what the routes' "
		       "Microsoft.Cdn/profiles/afdEndpoints/routes properties.customDomains and linkToDefaultDomain serve); "
		       "Microsoft.Network/FrontDoorWebApplicationFirewallPolicies properties.policySettings = {enabledState: 'Enabled', "
		       "mode: 'Prevention'}; classic: Microsoft.Network/frontDoors properties.frontendEndpoints[].properties."
		       "webApplicationFirewallPolicyLink.id",
		.defaults = "Judged on each Front Door Standard/Premium endpoint (its default domain) and custom domain, and on each "
		            "classic Front Door (every frontendEndpoints entry; the first that fails decides). A domain is protected "
		            "when a security policy of its profile of type WebApplicationFirewall lists its id in "
		            "parameters.associations[].domains (ids compare case-insensitively) and the named WAF policy is in the "
		            "input with policySettings.enabledState Enabled and mode Prevention; such a domain is judged by that "
		            "policy alone. Security policies may instead name routes (associations[].routes) or apply to the whole "
		            "profile (isProfileLevel true): they cover the domains those routes, or all the profile's routes, serve. "
		            "Both are properties of the preview api-versions from 2026-04-01-preview (2026-04-01-preview, "
		            "2026-08-01-preview, 2026-09-01-preview), not of 2025-09-01-preview nor of any stable one through "
		            "2026-07-01 (Azure/azure-rest-api-specs, specification/cdn/resource-manager/Microsoft.Cdn/Cdn/<version>/"
		            "openapi.json): a template policy setting either at another api-version, or one only known at "
		            "deployment, is not taken to cover anything, and a domain no policy names is then UNKNOWN (Azure may "
		            "ignore them). A route (Microsoft.Cdn/profiles/afdEndpoints/routes) "
		            "serves its properties.customDomains and, with linkToDefaultDomain Enabled, its endpoint's default "
		            "domain; linkToDefaultDomain absent is Disabled (the API's documented default) for a template route, "
		            "while a deployed route's GET returns it, so without it, or without properties, UNKNOWN; a route with "
		            "enabledState Disabled serves nothing. A domain no security policy names, in a profile with such a "
		            "policy, is protected when every route serving it (its endpoint's routes for a default domain, every "
		            "endpoint's of the profile for a custom domain) is named by, or in the profile of, a WAF security policy "
		            "whose WAF policy passes (a route naming policy first, else a profile-level one); a serving route none "
		            "covers, or a covering WAF policy that fails: FAIL. No route serving it: FAIL, unless a profile-level "
		            "policy may cover it: UNKNOWN. Those routes not collected (errors for the endpoint, data sets, an input "
		            "without route data, a template that deploys no route of them), or a route that cannot be read: UNKNOWN. "
		            "No association and no such policy: FAIL, unless the profile's security policies were not collected "
		            "(errors, data sets) or one cannot be read (parameters, associations, routes or isProfileLevel of "
		            "another type): UNKNOWN; UNKNOWN too, naming it, when a deployed WAF security policy of the profile "
		            "has no associations, an empty list or an association without domains, and neither isProfileLevel "
		            "nor routes: Resource Manager returns only the properties of the api-version read (live collection "
		            "reads security policies at 2024-09-01), so a policy created at a preview as profile-level or "
		            "route-level reads so, and neither associations nor domains is required "
		            "(SecurityPolicyWebApplicationFirewallParameters and SecurityPolicyWebApplicationFirewallAssociation, "
		            "Microsoft.Cdn 2024-09-01 afdx.json and 2026-04-01-preview openapi.json). Such a policy in a profile "
		            "where another shows routes or isProfileLevel (read at an api-version that has them) does not change "
		            "a verdict. enabledState Disabled or mode Detection: FAIL. enabledState absent means "
		            "Enabled (the API's documented default) for a template policy; a deployed policy's GET returns it, so "
		            "without it, or with a value that is neither, UNKNOWN. The API documents no default mode: absent or "
		            "another value is UNKNOWN. A WAF policy not in the input (templates too), or in it without properties: "
		            "UNKNOWN. A template security policy at an api-version before 2020-09-01 (the first stable one with "
		            "security policies) is UNKNOWN. A domain a policy names is judged whether or not a route serves it; "
		            "a route's own patternsToMatch are not compared. A WAF inspects only the requests whose path matches the association's patternsToMatch: an association (of a domain or of a route) whose list holds no '/*' protects some paths only, so what would pass is UNKNOWN, naming the patterns (a FAIL stays FAIL); absent, it is taken as '/*' (Resource Manager requires it, and '/*' is the only value the documentation and examples use). Classic: a frontend endpoint without "
		            "webApplicationFirewallPolicyLink fails unless a routing rule serving it links a policy (its own "
		            "routes only: UNKNOWN).",
		.check = fd_waf,
	},
	{
		.id = "AZA-NET-036", .title = "Front Door WAF policies enable the default managed rule set",
		.area = AZA_AREA_NETWORK, .level = 2, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = FDWAF,
		.rationale = "The default rule set (Microsoft_DefaultRuleSet, DefaultRuleSet on older policies) is the Microsoft-managed "
		             "protection against the OWASP top ten classes of attack; a Front Door WAF policy without it enforces only "
		             "its custom rules. Microsoft recommends the latest default rule set on every Front Door WAF policy.",
		.portal = "Web Application Firewall policies > (Front Door policy) > Managed rules > Assign: Microsoft_DefaultRuleSet "
		          "(latest version), action Block (the policy's tier must be Premium).",
		.cli = "az network front-door waf-policy managed-rules add -g <rg> --policy-name <policy> --type Microsoft_DefaultRuleSet "
		       "--version 2.1 --action Block (front-door extension)",
		.arm = "Microsoft.Network/FrontDoorWebApplicationFirewallPolicies properties.managedRules.managedRuleSets[] with "
		       "ruleSetType 'Microsoft_DefaultRuleSet' (ruleSetVersion '2.1', ruleSetAction 'Block')",
		.defaults = "A managed rule set of type Microsoft_DefaultRuleSet or DefaultRuleSet passes; none (or no managedRules) "
		            "fails, naming the Standard_AzureFrontDoor tier, which takes no managed rule sets. A default rule set "
		            "with ruleSetAction Log (the action on requests over the anomaly threshold) fails; a template that sets "
		            "it at an api-version before 2020-11-01 (the first with ruleSetAction) is UNKNOWN. ruleSetAction absent "
		            "is Block ('Default anomaly score action is Block', Microsoft Learn, Web Application Firewall DRS rule "
		            "groups and rules; DRS versions before 2.0 block what their rules match); a value other than Block, Log "
		            "or Redirect, or one that is not a string: UNKNOWN. managedRuleSets that "
		            "is not an array: UNKNOWN. Whether the policy is enabled and in Prevention mode is AZA-NET-035's.",
		.check = fdwaf_drs,
	},
	{
		.id = "AZA-NET-037", .title = "Front Door WAF policies enable bot protection",
		.area = AZA_AREA_NETWORK, .level = 2, .severity = AZA_SEV_LOW, PAAS_NET, .types = FDWAF,
		.rationale = "The bot manager rule set blocks or logs known malicious bots (scrapers, scanners, credential stuffers) "
		             "identified by Microsoft Threat Intelligence before they reach the origin.",
		.portal = "Web Application Firewall policies > (Front Door policy) > Managed rules > Assign: Microsoft_BotManagerRuleSet "
		          "(the policy's tier must be Premium).",
		.cli = "az network front-door waf-policy managed-rules add -g <rg> --policy-name <policy> --type "
		       "Microsoft_BotManagerRuleSet --version 1.1 (front-door extension)",
		.arm = "Microsoft.Network/FrontDoorWebApplicationFirewallPolicies properties.managedRules.managedRuleSets[] with "
		       "ruleSetType 'Microsoft_BotManagerRuleSet'",
		.defaults = "No managed rule set of that type: FAIL (the Standard_AzureFrontDoor tier takes no managed rule sets). "
		            BOT_DEFAULTS,
		.check = waf_bot,
	},
	{
		.id = "AZA-NET-038", .title = "Application Gateway WAF runs in Prevention mode",
		.area = AZA_AREA_NETWORK, .level = 2, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = APPGW, .needs = WAFPOL,
		.rationale = "A WAF in Detection mode only logs the requests its rules match: injection, cross-site scripting and "
		             "the other attacks it recognizes still reach the application. Detection is for tuning a new policy; "
		             "only Prevention blocks. A listener or path rule with a policy of its own is protected by that policy "
		             "alone, so one in Detection leaves its traffic unblocked whatever the gateway's policy says.",
		.portal = "Web Application Firewall policies > (the gateway's policy, and each listener's or path rule's own) > "
		          "Overview: Switch to prevention mode. Legacy configuration: Application gateway > Web application "
		          "firewall > Firewall mode: Prevention.",
		.cli = "az network application-gateway waf-policy policy-setting update -g <rg> --policy-name <policy> --mode "
		       "Prevention --state Enabled",
		.arm = "Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies properties.policySettings.mode = "
		       "'Prevention' (each policy the gateway, its httpListeners or its urlPathMaps' pathRules link through "
		       "properties.firewallPolicy.id); legacy: Microsoft.Network/applicationGateways "
		       "properties.webApplicationFirewallConfiguration.firewallMode = 'Prevention'",
		.defaults = "Gateways without a WAF are NOT_APPLICABLE (AZA-NET-010 judges them): a sku.tier that is not a WAF "
		            "tier, a linked policy (properties.firewallPolicy.id) whose policySettings.state is Disabled, or, "
		            "without a linked policy, webApplicationFirewallConfiguration.enabled false or absent and no "
		            "listener or path rule linking a policy of its own (if some do, theirs are judged: the listeners "
		            "without one are AZA-NET-010's). A sku.tier "
		            "that is absent or not a string is UNKNOWN. Judged: the gateway's policy (or legacy configuration), "
		            "and the policy each httpListeners entry and each urlPathMaps pathRules entry links "
		            "(properties.firewallPolicy.id), which replaces the gateway's for that listener's or path's traffic "
		            "(Microsoft Learn, Create Web Application Firewall policies for Application Gateway); the first that "
		            "fails decides, naming the listener or path rule, else the first UNKNOWN. A policy in Detection mode "
		            "fails; so does a listener's or path rule's policy with policySettings.state Disabled (its traffic "
		            "bypasses the WAF). policySettings.mode absent from a template policy is Detection (FAIL): the "
		            "PolicySettings definition documents no default, and the specification's WafPolicyCreateOrUpdate "
		            "example (2024-05-01) sends none and gets mode Detection (and state Enabled, which a template policy "
		            "without a state is taken to have); a deployed policy's GET returns both, so without the mode, or "
		            "the state, or with a value of another type or none of the documented ones, UNKNOWN. A linked "
		            "policy not in the input (not collected, or a template that does not deploy it), or in it without "
		            "properties: UNKNOWN. Legacy webApplicationFirewallConfiguration.firewallMode: Prevention passes, "
		            "Detection fails; the API requires it with enabled and documents no default, so absent (a template "
		            "too), not a string or another value is UNKNOWN. A firewallPolicy.id, httpListeners, urlPathMaps or "
		            "pathRules of another type: UNKNOWN; so is a deployed gateway without httpListeners (its GET returns "
		            "them, as AZA-NET-012 reads them), or with a listener, urlPathMaps entry or path rule without "
		            "properties, where it would pass: that listener or path may link a policy of its own in Detection "
		            "(a template declares what it has).",
		.check = appgw_waf_mode,
	},
};
const size_t aza_rules_network_n = sizeof aza_rules_network / sizeof aza_rules_network[0];
