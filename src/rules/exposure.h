/*
 * exposure.h - the internet exposure model: which IP configurations the
 * internet reaches, through which public frontend, on which protocols and
 * ports, and the path (frontend, subnet NSG rule, NIC NSG rule).
 *
 * Inbound evaluation, as Azure applies it to traffic from the internet:
 *   - the frontend is a public IP on the IP configuration (every port), a
 *     public load balancer's load-balancing rule or inbound NAT rule or pool
 *     (frontend port -> backend port), or a scale set instance public IP;
 *   - the subnet's NSG is evaluated, then the NIC's; both must allow. An
 *     absent NSG allows, except that Standard SKU public IPs and load
 *     balancers are closed to inbound traffic when neither NSG exists;
 *   - within an NSG: the Inbound rules whose destination matches the IP
 *     configuration (`*`, a prefix holding its private address, the
 *     VirtualNetwork tag, an application security group it is a member of),
 *     by priority, first match decides; then the default rules, none of
 *     which admits an internet source (so the rest is denied);
 *   - sources are exact interval sets over the internet (nsg.h): a Deny of
 *     10.0.0.0/8 shadows nothing, a Deny from Internet on 22 shadows an
 *     Allow from * on 20-30 only on port 22; a path counts the sources of
 *     its public IP's family only (publicIPAddressVersion);
 *   - a private address not known is evaluated under two readings
 *     (aza_expo_dst.best) for the rules whose destination prefixes may or
 *     may not hold it (those that hold all of its subnet's prefixes do,
 *     those that hold none of them do not); what only the one that admits
 *     most reaches is marked (aza_expo__certain) and named in the
 *     endpoint's note;
 *   - an NSG with a rule value that cannot be read (a template parameter
 *     without a value, an unknown protocol) is evaluated between its
 *     bounds (aza_nsg_load_bound), together with those readings: the upper
 *     bound with the one that admits most, the lower with the other; what
 *     only the upper bound reaches is marked and named in the note the
 *     same way, what the lower reaches holds whatever the value is.
 * Application Gateway listeners and Azure Firewall DNAT rules are fronting
 * hops: their backends are reported with the hop (the NSGs then see the
 * gateway or firewall as the source, so they are not evaluated). Bastion
 * hosts are reported as TCP 443 endpoints.
 */
#ifndef AZA_EXPOSURE_H
#define AZA_EXPOSURE_H

#include "nsg.h"

/* Destination side of one IP configuration. */
typedef struct aza_expo_dst {
	int has_ip;           /* 0: private address not known (see best) */
	aza_nsg_span ip;      /* lo == hi (IPv6: the top 64 bits) */
	uint64_t ip_low;      /* IPv6: the low 64 bits of the address */
	unsigned fam;         /* the address's family: 1 IPv4, 2 IPv6 (0: IPv4) */
	int best;             /* address not known: 0 the reading that admits
	                         most (an Allow with a destination prefix
	                         applies, a Deny applies only when its prefix
	                         holds every address of the family), 1 the one
	                         that admits least (the reverse) */
	const aza_nsg_span *net; /* address not known: its subnet's prefixes
	                            (NULL: not known); it lies in one of those
	                            of its family */
	size_t nnet;
	const char **asgs;    /* application security group ids */
	size_t nasgs;
	int no_vnet;          /* the address is public (floating IP): the
	                         VirtualNetwork tag does not hold it */
} aza_expo_dst;

/* One piece of the reachable set. */
typedef struct aza_expo_seg {
	unsigned proto;          /* one AZA_NSG_* bit */
	unsigned lo, hi;         /* destination ports */
	aza_nsg_span *src;       /* internet sources admitted (sorted, merged) */
	size_t nsrc;
	double v4, v6;           /* their size (v6 in /64s) */
	const aza_nsg_rule *r1;  /* rule of the first NSG that allowed it (NULL: no NSG) */
	const aza_nsg_rule *r2;  /* rule of the second */
} aza_expo_seg;

typedef struct aza_expo_map {
	aza_expo_seg *seg;
	size_t n;
} aza_expo_map;

/* The internet address set (sorted, merged). */
const aza_nsg_span *aza_expo__internet(size_t *n);
/* The families of traffic to dst that rule r applies to: 1 IPv4, 2 IPv6,
 * 3 both, 0 none (each family on its own: a Deny whose IPv4 prefix holds
 * the address does not cover IPv6 traffic for it). */
unsigned aza_expo__dst_match(const aza_nsg_rule *r, const aza_expo_dst *dst);
/* Internet traffic reaching dst through NSG `first` then NSG `second`
 * (either NULL: no NSG there). Allocates in a. 0, or -1 out of memory. */
int aza_expo__eval(aza_arena *a, const aza_nsg *first, const aza_nsg *second, const aza_expo_dst *dst,
                   aza_expo_map *out);

/* The model of an inventory. */
typedef struct aza_expo aza_expo;
int aza_expo__build(aza_inv *inv, aza_expo **out);
void aza_expo__free(aza_expo *x);
/* The model of the scan being evaluated, built on first use (NULL: out of memory). */
const aza_expo *aza_expo__of(aza_ev *ev);
/* The NSG id as the model parsed it, when the model is built (it never
 * builds it), read it, read all of it (not between bounds) and nothing in
 * it depended on a template value not known yet (so reading it again would
 * mark no value as touched); else NULL. The NSG rules share it instead of
 * parsing every NSG a second time. The model is read-only once built: safe
 * from both evaluators. */
const aza_nsg *aza_expo__nsg(aza_ev *ev, const char *id);
size_t aza_expo__count(const aza_expo *x);
const aza_expo_endpoint *aza_expo__at(const aza_expo *x, size_t i);
/* Endpoints on a resource (VM, scale set, NIC): *first and the count. */
size_t aza_expo__for(const aza_expo *x, const char *resource_id, size_t *first);
/* 1: reach k of endpoint e rests on nothing the input lacks; 0: it is
 * reached only under a reading the note names (the endpoint's note: an
 * NSG or subnet not in the input, an address not known...). */
int aza_expo__certain(const aza_expo *x, const aza_expo_endpoint *e, size_t k);
/* The values the NSGs on a resource's paths could not read, when one was
 * read between its bounds ("NSG nsg-web: rule ssh has ..."), or NULL: what
 * the resource's endpoints reach for certain, and what they do not reach,
 * holds whatever those values are. */
const char *aza_expo__bounds_for(const aza_expo *x, const char *resource_id);
/* The values NSG nsg_id could not read ("NSG nsg-web: rule ssh has ..."),
 * when it was read between its bounds on some endpoint's path, or NULL:
 * for a verdict that rests on the paths through it only. */
const char *aza_expo__nsg_bounds(const aza_expo *x, const char *nsg_id);
/* Why part of a resource's exposure could not be evaluated, or NULL. */
const char *aza_expo__gap_for(const aza_expo *x, const char *resource_id);
/* The id of the VM in the input that NIC nic_id's endpoints are on (its
 * virtualMachine.id, or a VM whose networkProfile names it), for the NICs
 * the model read; NULL: none (a NIC whose VM the input lacks is judged
 * itself). */
const char *aza_expo__nic_owner(const aza_expo *x, const char *nic_id);
/* Bytes the model holds (for the benchmark). */
size_t aza_expo__bytes(const aza_expo *x);
/* The model for a report: the one the rules built, else built now when an
 * exposure rule was selected and the scan ran; NULL otherwise. */
const aza_expo *aza_expo__of_scan(aza_scan *s);
/* Whether one of the rules that read the model is selected. */
int aza_expo__selected(const aza_scan *s);
/* Is r one of the rules that read the model? */
int aza_expo__rule(const aza_rule *r);
size_t aza_expo__ngaps(const aza_expo *x);
/* The endpoints, and the resources not evaluated, as JSON arrays (the
 * shape of `azaudit exposure -f json`); str writes a JSON string (NULL:
 * plain escaping). */
void aza_expo__json_endpoints(const aza_expo *x, aza_buf *b, void (*str)(aza_buf *, const char *));
void aza_expo__json_gaps(const aza_expo *x, aza_buf *b, void (*str)(aza_buf *, const char *));

#endif
