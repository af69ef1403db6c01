/*
 * nsg.h - network security group evaluator: can traffic from the internet
 * reach a protocol and port through one NSG?
 *
 * Semantics (as Azure applies them): only Inbound rules count; they are
 * matched by priority ascending and the first rule matching the traffic
 * decides (Allow or Deny); traffic no custom rule matches falls to the
 * default rules, of which only AllowVnetInBound and
 * AllowAzureLoadBalancerInBound allow anything, and neither admits internet
 * sources, so the internet is denied unless a custom Allow lets it in.
 *
 * The evaluator works on (port x source address) regions, exactly: for each
 * Allow rule (in priority order) whose source holds internet addresses, it
 * subtracts, port segment by port segment, the sources of the earlier Deny
 * rules that match the protocol and whose destination covers the Allow's
 * destination. What remains is internet traffic the Allow rule decides.
 * A Deny of 10.0.0.0/8 therefore shadows nothing from `*`, and a Deny from
 * `Internet` on 22 shadows an Allow from `*` on 20-30 only for port 22.
 * Source ports are the client's choice: an Allow limited to some still
 * admits anyone, and a Deny limited to some (not every port 0-65535) is
 * evaded with another source port, so it shadows nothing.
 *
 * Addresses: IPv4 intervals, and IPv6 intervals over the top 64 bits; an
 * IPv6 destination prefix longer than /64 is kept exactly (dst6), since a
 * Deny to one host covers no other host of its /64. Sources are counted in
 * /64s, and an IPv6 source prefix longer than /64 counts as its whole /64
 * in an Allow (more than it admits) and as nothing in a Deny (the rest of
 * the /64 is still internet, so a Deny never removes more than it covers).
 * A packet is IPv4 or IPv6 end to end, and Azure matches a prefix only
 * against its own family: `*`, `Any` and `Internet` hold both families,
 * `0.0.0.0/0` every IPv4 address only, `::/0` every IPv6 address only. So
 * a Deny of 0.0.0.0/0 leaves IPv6 internet traffic to a later Allow from
 * Internet, and sources of a family the destination holds no address of
 * never match (dropped at load). A bare `0.0.0.0` (undocumented) is every
 * IPv4 address in an Allow and the one host in a Deny, so that neither
 * reading gives a false PASS. Traffic is exposed when either family is.
 * The internet is the IPv4 space minus private, loopback, link-local,
 * shared (100.64/10), "this network" (0/8) and multicast/reserved (224/3),
 * plus IPv6 2000::/3. Service tags other than Internet (VirtualNetwork,
 * AzureLoadBalancer, AzureCloud, Storage...) and application security
 * groups hold no internet addresses for this purpose (an Allow from them
 * is not internet exposure, a Deny from them shadows no internet source).
 * A source or destination that is neither an address prefix nor shaped
 * like a tag (a letter, then letters, digits, '.', '-', '_': "Internet "
 * with a space, "10.0.0.0/33") makes the NSG unreadable, as do two inbound
 * rules of one priority, an Allow and a Deny sharing a protocol and port
 * (Azure rejects duplicates; which one decides is unknown).
 */
#ifndef AZA_NSG_H
#define AZA_NSG_H

#include "rule.h"

#include <stdint.h>

/* Protocols, as a bit set. */
enum {
	AZA_NSG_TCP = 1,
	AZA_NSG_UDP = 2,
	AZA_NSG_ICMP = 4,
	AZA_NSG_OTHER = 8, /* Esp, Ah */
	AZA_NSG_ANY = 15
};

/* Internet sources smaller than this many IPv4 addresses (a /16), or an
 * IPv6 /32, count as a deliberate allow-list (a partner, an office egress
 * address), not as internet exposure. */
#define AZA_NSG_WIDE_V4 65536.0
#define AZA_NSG_WIDE_V6 4294967296.0 /* /64 units in a /32 */

typedef struct aza_nsg_span {
	uint64_t lo, hi; /* inclusive */
	unsigned char v6;
} aza_nsg_span;

/* Sort spans (IPv4 first, then by start) and merge overlapping or adjacent
 * ones, in place; returns the new count. Shared by the exposure model. */
size_t aza_nsg__span_norm(aza_nsg_span *s, size_t n);
/* An address prefix ("10.0.1.0/24", "fd00::/64", an address alone) as a
 * span (an IPv6 prefix longer than /64 is held as its /64, more than it
 * is): 1, or 0 when s is not one (a tag, `*`). */
int aza_nsg__prefix(const char *s, aza_nsg_span *sp);
/* Public addresses in sp: an IPv4 span's count, an IPv6 span's /64s, less
 * what is not the internet (private, loopback, link-local, shared,
 * multicast and reserved space; IPv6 outside 2000::/3). */
double aza_nsg__public(const aza_nsg_span *sp);
/* How far a firewall IP rule's span opens a resource (Key Vault, Storage,
 * Container Registry, Cosmos DB, SQL and the other server firewalls): 2
 * when it admits every address (an IPv4 or IPv6 /0), 1 when it admits as
 * many public addresses as an NSG source the exposure rules count as the
 * internet (AZA_NSG_WIDE_V4, a /16; AZA_NSG_WIDE_V6, an IPv6 /32), else 0:
 * one range, one verdict, whichever firewall it is in. */
int aza_nsg__fw_open(const aza_nsg_span *sp);
/* What a span aza_nsg__fw_open gives 1 admits, for messages. */
#define AZA_NSG_FW_WIDE "the internet at large (65,536 public addresses or more: a /16, or an IPv6 /32)"

/* An IPv6 prefix longer than /64, exactly: its top and low 64 bits, and
 * its length (65..128). */
typedef struct aza_nsg_pfx6 {
	uint64_t hi, lo;
	unsigned len;
} aza_nsg_pfx6;

/* Does p hold the IPv6 address (hi, lo), or all of prefix q? */
int aza_nsg__pfx6_holds(const aza_nsg_pfx6 *p, uint64_t hi, uint64_t lo);
int aza_nsg__pfx6_in(const aza_nsg_pfx6 *q, const aza_nsg_pfx6 *p);

typedef struct aza_nsg_rule {
	const char *name;
	const char *source;   /* sources as written, for messages */
	int priority;
	int allow;
	unsigned protos;      /* AZA_NSG_* bits */
	uint32_t (*ports)[2]; /* destination port intervals, inclusive */
	size_t nports;
	aza_nsg_span *src;    /* source addresses (all, not only internet; a
	                         Deny's IPv6 prefixes longer than /64 left out) */
	size_t nsrc;
	aza_nsg_span *dst;    /* destination addresses (exactly: an IPv6
	                         prefix longer than /64 is in dst6, not here) */
	size_t ndst;
	aza_nsg_pfx6 *dst6;   /* IPv6 destination prefixes longer than /64 */
	size_t ndst6;
	const char **dtok;    /* destination tags / ASG ids (lower case) */
	size_t ndtok;
	int dst_all;          /* destination is every address of both families */
	unsigned dst_full;    /* families whose every address the destination holds (1 IPv4, 2 IPv6) */
	int azure_cloud;      /* a source is the AzureCloud tag (or a regional AzureCloud.*) */
	unsigned order;       /* input order: a tie-break that keeps the sort
	                         stable (ties are reported, never decided) */
	aza_nsg_span *inet;   /* an Allow's internet sources (src less the
	                         non-internet ranges, sorted and merged; made at
	                         load: every query of the NSG starts from them) */
	size_t ninet;
} aza_nsg_rule;

typedef struct aza_nsg {
	aza_arena a;
	aza_nsg_rule *rules; /* Inbound rules, by priority ascending */
	size_t n;
	const char *error;   /* why the NSG could not be read (load returned -1) */
	int bound;           /* 0, AZA_NSG_LOWER or AZA_NSG_UPPER (aza_nsg_load_bound) */
	const char *uncertain; /* a bound's reading: the first value it could not read */
} aza_nsg;

/* Read the inbound rules of an NSG resource: properties.securityRules (with
 * or without a "properties" wrapper per rule) and child resources of type
 * Microsoft.Network/networkSecurityGroups/securityRules (the embedded copy
 * wins on a duplicate name). Returns 0, or -1 with n->error set (a rule
 * whose access, direction, priority, protocol, ports or sources cannot be
 * read; out of memory). Always release with aza_nsg_free. *rules_seen is
 * set to 1 when the input held a rule list at all (may be NULL). */
int aza_nsg_load(aza_ev *ev, const aza_res *nsg, aza_nsg *n, int *rules_seen);
/* The same outside a rule: the NSG's document, and (when inv and id are not
 * NULL) its child securityRules resources from the inventory. */
int aza_nsg_load_json(aza_inv *inv, const char *id, const aza_json *doc, aza_nsg *n, int *rules_seen);
/* A bound of an NSG some of whose rule values cannot be read (a template
 * parameter without a value, an unknown protocol): AZA_NSG_UPPER reads each
 * such rule as the widest Allow it may be (an unreadable field matches
 * everything: every port, source, destination, protocol; an unknown
 * priority before every other rule), AZA_NSG_LOWER as the widest Deny; a
 * rule whose access is known to be the other way is left out of that
 * bound. An Allow can only admit more as it matches more, a Deny only less,
 * so internet traffic the lower bound admits is admitted whatever the
 * values are, and traffic the upper bound refuses is refused whatever they
 * are. n->uncertain names the first value not read (NULL: none, the NSG
 * is exact). Errors other than values (out of memory, rules sharing a
 * priority) stay errors. */
enum { AZA_NSG_LOWER = 1, AZA_NSG_UPPER = 2 };
int aza_nsg_load_bound(aza_inv *inv, const char *id, const aza_json *doc, aza_nsg *n, int *rules_seen, int bound);
/* Both bounds of an NSG with a value that cannot be read: 0 with *lo and
 * *hi loaded (lo->uncertain or hi->uncertain names the value); -1 when
 * either bound cannot be read or the NSG has no such value (nothing is
 * then kept: the caller keeps its exact reading's error). */
int aza_nsg_load_bounds(aza_inv *inv, const char *id, const aza_json *doc, aza_nsg *lo, aza_nsg *hi);
void aza_nsg_free(aza_nsg *n);
/* Move n's rules into an arena of one chunk of exactly their size, for an
 * NSG kept long. Parsing leaves doubled arrays and the internet-source
 * work areas behind (a rule took 1.2 KB where it needs about 200 bytes),
 * and the exposure model keeps every NSG a public frontend reaches: 40 MB
 * for the 1,500 NSGs of a 100k-resource tenant, in 64 KiB chunks. 0, or
 * -1 out of memory (n is then unchanged). */
int aza_nsg__compact(aza_nsg *n);

/* What lets internet traffic in. */
typedef struct aza_nsg_hit {
	const aza_nsg_rule *rule; /* the Allow rule that decides it */
	unsigned port_lo, port_hi; /* exposed ports (within the query) */
	double v4, v6;             /* internet addresses it admits (v6 in /64s) */
	int only_v4, only_v6;      /* the Allow's sources hold both families but
	                              it admits one only (a Deny took the other) */
	const aza_nsg_rule *other_denied; /* that Deny */
} aza_nsg_hit;

/* The most Allow rules a summed exposure names. */
#define AZA_NSG_SUM_MAX 8

typedef struct aza_nsg_result {
	aza_nsg_hit wide;           /* first wide exposure (rule NULL: none) */
	/* Allow rules each under the threshold whose admitted internet sources
	 * together reach it: wide.rule is the first of them, wide.v4/v6 the
	 * union, nsum how many rules (0: wide is one rule's own). */
	const aza_nsg_rule *sum[AZA_NSG_SUM_MAX];
	size_t nsum, nsum_all;      /* named, and in all */
	aza_nsg_hit narrow;         /* first exposure below the wide threshold */
	const aza_nsg_rule *shadowed; /* first internet Allow fully shadowed by Denies */
	const aza_nsg_rule *cloud;  /* first Allow from the AzureCloud tag on the
	                               query no single earlier Deny shadows (for
	                               messages: the tag is not internet) */
} aza_nsg_result;

/* Can internet traffic of protocol `proto` (one AZA_NSG_* bit) reach a port
 * in [lo, hi]? Returns 2 for a wide exposure (res->wide), 1 when only
 * allow-listed public ranges get in (res->narrow), 0 when nothing from the
 * internet gets in, -1 out of memory. The threshold applies to the union
 * of what every Allow admits on the query (after the Denies above each),
 * per family: four Allows of a /17 each are a /15 (res->nsum). */
int aza_nsg_exposed(const aza_nsg *n, unsigned proto, unsigned lo, unsigned hi, aza_nsg_result *res);

/* "TCP", "UDP", ... for messages. */
const char *aza_nsg_proto_name(unsigned proto);

#endif
