/*
 * inventory.c - the resource index: hash by id, chains by type, directory
 * and data-plane facts, collection gaps and snapshot metadata. Everything is
 * allocated in the inventory's arena and freed with it.
 */
#include "inventory.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ID_BUCKETS_MIN 4096
#define TYPE_BUCKETS 1024

struct aza_inv {
	aza_ctx *ctx;
	aza_arena a;
	aza_arena ta; /* the type registry */
	aza_arena sa; /* scratch for one aza_inv__add call */
	aza_jintern *keys; /* interned object keys of every resource */
	aza_jintern *strs; /* subscriptions, groups, locations, parents of resources */
	aza_buf pk;        /* packing buffer for aza_inv__add */
	/* The packed documents. They are most of what a scan reads, so they
	 * go to an unlinked temporary file (the page cache keeps them close)
	 * in chunks of aza__spill_at() bytes, and memory holds only the index. */
	struct {
		int fd;            /* -1: not created (or not possible: kept in memory) */
		int off;           /* 1: spilling is not possible, keep in memory */
		char *buf;         /* the part not written yet */
		size_t len, cap;
		uint64_t written;  /* bytes in the file */
		atomic_int rerr;   /* errno of the first failed read (0: none) */
	} st;
	aza_res **ids;
	size_t nids, nbuckets;
	/* (type, parent) -> first child, made by aza_inv__finish: open
	 * addressing, nchild a power of two (0: not made). */
	struct child_slot {
		const aza_tinfo *t;
		aza_res *first, *last;
	} *children;
	size_t nchild;
	aza_tinfo *types[TYPE_BUCKETS];
	aza_res *subs_first;
	aza_res tenant;
	const char *tenant_id;
	double collected_at; /* the latest meta.collected_at, or 0 */
	aza_gap *gaps;
	size_t ngaps;
	/* Resources read twice with different contents (few: a list). */
	struct conflict {
		const aza_res *r;
		const char *other;
		struct conflict *next;
	} *conflicts;
	unsigned long epoch; /* aza_inv__mark */
	aza_json *dir_keys[32];
	const char *dir_names[32];
	size_t ndir;
	const aza_json *dataplane[64];
	size_t ndataplane;
	const char **datasets;
	size_t ndatasets;
	int datasets_listed;
	struct subname {
		const char *id, *name;
	} *subnames;
	size_t nsubnames, capsubnames;
	struct subregion {
		const char *sub, *loc;
	} *regions;
	size_t nregions, capregions;
	size_t resources, unknown_types, inputs;
	double bytes;
	aza_res *last; /* kept by the last aza_inv__add */
	int deployed;  /* some input describes a deployed tenant (not only templates) */
};

/* Types every scan knows, with the service model they belong to. Rules add
 * the types they read; this table also gives the model of types that are
 * read only for context (resource groups, subscriptions). */
static const struct {
	const char *type;
	unsigned model;
} base_types[] = {
	{"Microsoft.Resources/subscriptions", 0},
	{"Microsoft.Resources/resourceGroups", 0},
	{"Microsoft.Management/managementGroups", 0},
	/* A template placing a subscription under a management group: the
	 * rules follow it up the groups (aza_ev_mg_within). */
	{"Microsoft.Management/managementGroups/subscriptions", 0},
	{"Microsoft.Resources/tenants", AZA_SAAS},
	{"Microsoft.Compute/virtualMachines", AZA_IAAS},
	{"Microsoft.Compute/virtualMachines/extensions", AZA_IAAS},
	{"Microsoft.Compute/virtualMachineScaleSets", AZA_IAAS},
	{"Microsoft.Compute/disks", AZA_IAAS},
	{"Microsoft.Compute/diskEncryptionSets", AZA_IAAS},
	{"Microsoft.Network/networkSecurityGroups", AZA_IAAS},
	{"Microsoft.Network/networkSecurityGroups/securityRules", AZA_IAAS},
	{"Microsoft.Network/virtualNetworks", AZA_IAAS},
	{"Microsoft.Network/virtualNetworks/subnets", AZA_IAAS},
	{"Microsoft.Network/networkInterfaces", AZA_IAAS},
	{"Microsoft.Network/publicIPAddresses", AZA_IAAS},
	{"Microsoft.Network/loadBalancers", AZA_IAAS},
	{"Microsoft.Network/applicationSecurityGroups", AZA_IAAS},
	{"Microsoft.Network/networkWatchers", AZA_IAAS},
	{"Microsoft.Network/networkWatchers/flowLogs", AZA_IAAS},
	{"Microsoft.Network/bastionHosts", AZA_PAAS},
	{"Microsoft.Network/applicationGateways", AZA_PAAS},
	{"Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies", AZA_PAAS},
	{"Microsoft.Network/azureFirewalls", AZA_PAAS},
	{"Microsoft.Network/virtualNetworkGateways", AZA_IAAS},
	{"Microsoft.Network/ddosProtectionPlans", AZA_PAAS},
	{"Microsoft.Storage/storageAccounts", AZA_PAAS},
	{"Microsoft.Storage/storageAccounts/blobServices", AZA_PAAS},
	{"Microsoft.Storage/storageAccounts/blobServices/containers", AZA_PAAS},
	{"Microsoft.Storage/storageAccounts/fileServices", AZA_PAAS},
	{"Microsoft.Storage/storageAccounts/queueServices", AZA_PAAS},
	{"Microsoft.Storage/storageAccounts/tableServices", AZA_PAAS},
	{"Microsoft.Sql/servers", AZA_PAAS},
	{"Microsoft.Sql/servers/databases", AZA_PAAS},
	{"Microsoft.Sql/servers/firewallRules", AZA_PAAS},
	{"Microsoft.Sql/servers/auditingSettings", AZA_PAAS},
	{"Microsoft.Sql/servers/securityAlertPolicies", AZA_PAAS},
	{"Microsoft.Sql/servers/advancedThreatProtectionSettings", AZA_PAAS},
	{"Microsoft.Sql/servers/administrators", AZA_PAAS},
	{"Microsoft.Sql/servers/vulnerabilityAssessments", AZA_PAAS},
	{"Microsoft.Sql/servers/encryptionProtector", AZA_PAAS},
	{"Microsoft.Sql/servers/databases/transparentDataEncryption", AZA_PAAS},
	{"Microsoft.Sql/servers/databases/auditingSettings", AZA_PAAS},
	{"Microsoft.DBforPostgreSQL/flexibleServers", AZA_PAAS},
	{"Microsoft.DBforPostgreSQL/flexibleServers/configurations", AZA_PAAS},
	{"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules", AZA_PAAS},
	{"Microsoft.DBforPostgreSQL/servers", AZA_PAAS},
	{"Microsoft.DBforPostgreSQL/servers/configurations", AZA_PAAS},
	{"Microsoft.DBforPostgreSQL/servers/firewallRules", AZA_PAAS},
	{"Microsoft.DBforMySQL/flexibleServers", AZA_PAAS},
	{"Microsoft.DBforMySQL/flexibleServers/configurations", AZA_PAAS},
	{"Microsoft.DBforMySQL/flexibleServers/firewallRules", AZA_PAAS},
	{"Microsoft.DBforMySQL/servers", AZA_PAAS},
	{"Microsoft.KeyVault/vaults", AZA_PAAS},
	{"Microsoft.KeyVault/vaults/keys", AZA_PAAS},
	{"Microsoft.KeyVault/vaults/secrets", AZA_PAAS},
	{"Microsoft.KeyVault/managedHSMs", AZA_PAAS},
	{"Microsoft.Web/sites", AZA_PAAS},
	{"Microsoft.Web/sites/config", AZA_PAAS},
	{"Microsoft.Insights/diagnosticSettings", AZA_PAAS},
	{"Microsoft.Insights/activityLogAlerts", AZA_PAAS},
	{"Microsoft.Insights/actionGroups", AZA_PAAS},
	{"Microsoft.Insights/logprofiles", AZA_PAAS},
	{"Microsoft.Insights/components", AZA_PAAS},
	{"Microsoft.Security/pricings", AZA_SAAS},
	{"Microsoft.Security/securityContacts", AZA_SAAS},
	{"Microsoft.Security/autoProvisioningSettings", AZA_SAAS},
	{"Microsoft.Security/settings", AZA_SAAS},
	{"Microsoft.Security/secureScores", AZA_SAAS},
	{"Microsoft.Security/assessments", AZA_SAAS},
	{"Microsoft.Authorization/roleDefinitions", AZA_SAAS},
	{"Microsoft.Authorization/roleAssignments", AZA_SAAS},
	{"Microsoft.Authorization/roleEligibilityScheduleInstances", AZA_SAAS},
	{"Microsoft.Authorization/locks", AZA_SAAS},
	{"Microsoft.Authorization/policyAssignments", AZA_SAAS},
	{"Microsoft.Authorization/policyDefinitions", AZA_SAAS},
	{"Microsoft.Authorization/policyExemptions", AZA_SAAS},
	{"Microsoft.Databricks/workspaces", AZA_PAAS},
	{"Microsoft.ContainerService/managedClusters", AZA_PAAS},
	{"Microsoft.ContainerRegistry/registries", AZA_PAAS},
	{"Microsoft.DocumentDB/databaseAccounts", AZA_PAAS},
	{"Microsoft.Cache/redis", AZA_PAAS},
	{"Microsoft.EventHub/namespaces", AZA_PAAS},
	{"Microsoft.ServiceBus/namespaces", AZA_PAAS},
	{"Microsoft.CognitiveServices/accounts", AZA_PAAS},
	/* Recovery Services vaults (src/rules/backup.c) */
	{"Microsoft.RecoveryServices/vaults", AZA_PAAS},
	/* App Configuration, AI Search and API Management (services.c) */
	{"Microsoft.AppConfiguration/configurationStores", AZA_PAAS},
	{"Microsoft.Search/searchServices", AZA_PAAS},
	{"Microsoft.ApiManagement/service", AZA_PAAS},
};

static void block_free(struct aza_tblock *b);

aza_inv *aza_inv__new(aza_ctx *ctx)
{
	aza_inv *inv = aza__malloc(sizeof *inv);
	if (!inv)
		return NULL;
	memset(inv, 0, sizeof *inv);
	inv->ctx = ctx;
	aza_arena__init(&inv->a);
	aza_arena__init(&inv->ta);
	aza_arena__init(&inv->sa);
	aza_buf__init(&inv->pk, 0);
	inv->st.fd = -1;
	inv->keys = aza_jintern__new();
	inv->nbuckets = ID_BUCKETS_MIN;
	inv->ids = aza__malloc(inv->nbuckets * sizeof *inv->ids);
	if (!inv->ids || !inv->keys) {
		aza__free(inv->ids);
		aza_jintern__free(inv->keys);
		aza__free(inv);
		return NULL;
	}
	memset(inv->ids, 0, inv->nbuckets * sizeof *inv->ids);
	inv->tenant.id = "/";
	inv->tenant.type = "Microsoft.Resources/tenants";
	inv->tenant.name = "tenant";
	inv->tenant.sub = "";
	inv->tenant.rg = "";
	inv->tenant.location = "";
	inv->tenant.parent = "";
	inv->tenant.source = "";
	inv->tenant.api_version = "";
	inv->tenant.pseudo = 1;
	inv->tenant_id = "";
	for (size_t i = 0; i < sizeof base_types / sizeof base_types[0]; i++)
		if (aza_inv__declare(inv, base_types[i].type, base_types[i].model)) {
			aza_inv__free(inv);
			return NULL;
		}
	return inv;
}

void aza_inv__free(aza_inv *inv)
{
	if (!inv)
		return;
	/* The blocks first: the type entries are in inv->ta. */
	for (size_t k = 0; k < TYPE_BUCKETS; k++)
		for (aza_tinfo *t = inv->types[k]; t; t = t->hnext)
			block_free(t->blk);
	aza__free(inv->ids);
	aza__free(inv->children);
	aza__free(inv->subnames);
	aza__free(inv->regions);
	aza_arena__release(&inv->a);
	aza_arena__release(&inv->ta);
	aza_arena__release(&inv->sa);
	aza_jintern__free(inv->keys);
	aza_jintern__free(inv->strs);
	aza_buf__release(&inv->pk);
	if (inv->st.fd >= 0)
		close(inv->st.fd);
	aza__free(inv->st.buf);
	aza__free(inv);
}

aza_jintern *aza_inv__intern(aza_inv *inv)
{
	return inv->keys;
}

aza_ctx *aza_inv__ctx(aza_inv *inv)
{
	return inv->ctx;
}

aza_arena *aza_inv__arena(aza_inv *inv)
{
	return &inv->a;
}

static aza_tinfo *type_lookup(aza_inv *inv, const char *t, size_t n, int create)
{
	uint64_t h = aza__ihash(t, n) % TYPE_BUCKETS;
	for (aza_tinfo *e = inv->types[h]; e; e = e->hnext)
		if (strlen(e->name) == n && aza__strnieq(e->name, t, n))
			return e;
	if (!create)
		return NULL;
	/* The registry outlives every resource: an arena of its own. */
	aza_tinfo *e = aza_arena__alloc(&inv->ta, sizeof *e);
	if (!e)
		return NULL;
	memset(e, 0, sizeof *e);
	e->name = aza_arena__strndup(&inv->ta, t, n);
	if (!e->name)
		return NULL;
	e->hnext = inv->types[h];
	inv->types[h] = e;
	return e;
}

int aza_inv__declare(aza_inv *inv, const char *type, unsigned model)
{
	aza_tinfo *e = type_lookup(inv, type, strlen(type), 1);
	if (!e)
		return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
	/* Keep the canonical (table) spelling. */
	if (!e->known)
		e->name = type;
	e->known = 1;
	if (model)
		e->model = model;
	return 0;
}

int aza_inv__keeps(aza_inv *inv, const char *type, size_t len)
{
	aza_tinfo *e = type_lookup(inv, type, len, 0);
	return e && e->known;
}

aza_tinfo *aza_inv_type(aza_inv *inv, const char *type)
{
	return type_lookup(inv, type, strlen(type), 0);
}

void aza_inv__count_unknown(aza_inv *inv, const char *type)
{
	aza_tinfo *e = type_lookup(inv, type, strlen(type), 1);
	if (!e)
		return;
	if (e->count++ == 0 && !e->known)
		inv->unknown_types++;
	inv->resources++;
}

/* ---- ids ---- */

/* Split an id into segments on '/'. Returns the count (max n). */
static size_t split(const char *id, const char **seg, size_t *len, size_t n)
{
	size_t k = 0;
	const char *p = id;
	while (*p == '/')
		p++;
	while (*p && k < n) {
		const char *e = strchr(p, '/');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		seg[k] = p;
		len[k] = l;
		k++;
		p += l;
		while (*p == '/')
			p++;
	}
	return k;
}

/* A bounded string on the stack (as the 4 KiB aza_buf it replaces: longer
 * is out of memory). */
#define IDBUF 4096
struct sbuf {
	char *p;
	size_t len;
	int oom;
};

static void sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->oom || n > IDBUF - b->len) {
		b->oom = 1;
		return;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

int aza_id_parse(aza_arena *a, const char *id, const char **type, const char **name,
                 const char **sub, const char **rg, const char **parent)
{
	const char *seg[64];
	size_t len[64];
	size_t n = split(id, seg, len, 64);
	size_t prov = (size_t)-1;
	*sub = "";
	*rg = "";
	for (size_t i = 0; i + 1 < n; i++) {
		if (aza__strnieq(seg[i], "subscriptions", len[i]) && len[i] == 13 && !**sub && i == 0)
			*sub = aza_arena__strndup(a, seg[i + 1], len[i + 1]);
		else if (len[i] == 14 && aza__strnieq(seg[i], "resourceGroups", 14) && i == 2)
			*rg = aza_arena__strndup(a, seg[i + 1], len[i + 1]);
		if (len[i] == 9 && aza__strnieq(seg[i], "providers", 9))
			prov = i;
	}
	if (!*sub || !*rg)
		return AZA_ENOMEM;
	/* Type and name on the stack: this runs for every resource read. */
	char tbuf[IDBUF], nbuf[IDBUF];
	struct sbuf t = {tbuf, 0, 0}, nm = {nbuf, 0, 0};
	const char *par = "";
	size_t parlen = 0;
	int rc = 0;
	if (prov != (size_t)-1 && prov + 3 < n + 1 && n - prov >= 4 && (n - prov) % 2 == 0) {
		/* providers/NS/t1/n1[/t2/n2...] */
		sb_add(&t, seg[prov + 1], len[prov + 1]);
		for (size_t i = prov + 2; i + 1 < n; i += 2) {
			sb_add(&t, "/", 1);
			sb_add(&t, seg[i], len[i]);
			if (nm.len)
				sb_add(&nm, "/", 1);
			sb_add(&nm, seg[i + 1], len[i + 1]);
		}
		/* Parent: drop the last type/name pair, or the whole provider part. */
		if (n - prov > 4) {
			par = id;
			parlen = (size_t)(seg[n - 2] - id);
		} else {
			par = id;
			parlen = (size_t)(seg[prov] - id);
		}
		while (parlen > 0 && par[parlen - 1] == '/')
			parlen--;
	} else if (n == 2 && *sub[0] && aza__strnieq(seg[0], "subscriptions", 13)) {
		sb_add(&t, "Microsoft.Resources/subscriptions", 33);
		sb_add(&nm, seg[1], len[1]);
	} else if (n == 4 && **rg) {
		sb_add(&t, "Microsoft.Resources/resourceGroups", 34);
		sb_add(&nm, seg[3], len[3]);
		par = id;
		parlen = (size_t)(seg[2] - id);
		while (parlen > 0 && par[parlen - 1] == '/')
			parlen--;
	} else if (n == 2 && aza__strnieq(seg[0], "tenants", 7)) {
		sb_add(&t, "Microsoft.Resources/tenants", 27);
		sb_add(&nm, seg[1], len[1]);
	} else {
		rc = 1; /* not an ARM id (not -1, which is AZA_ENOMEM) */
	}
	if (rc == 0) {
		if (t.oom || nm.oom) {
			rc = AZA_ENOMEM;
		} else {
			*type = aza_arena__strndup(a, t.p, t.len);
			*name = aza_arena__strndup(a, nm.p, nm.len);
			*parent = aza_arena__strndup(a, par, parlen);
			if (!*type || !*name || !*parent)
				rc = AZA_ENOMEM;
		}
	}
	return rc;
}

int aza_id_within(const char *id, const char *scope)
{
	if (!scope || !*scope || (scope[0] == '/' && scope[1] == 0))
		return 1;
	size_t n = strlen(scope);
	while (n > 0 && scope[n - 1] == '/')
		n--;
	if (!aza__strnieq(id, scope, n) || strlen(id) < n)
		return 0;
	return id[n] == 0 || id[n] == '/';
}

static void id_insert(aza_inv *inv, aza_res *r)
{
	if (inv->nids * 2 > inv->nbuckets) {
		size_t nb = inv->nbuckets * 4;
		aza_res **t = aza__malloc(nb * sizeof *t);
		if (t) {
			memset(t, 0, nb * sizeof *t);
			for (size_t i = 0; i < inv->nbuckets; i++) {
				aza_res *e = inv->ids[i];
				while (e) {
					aza_res *nx = e->hnext;
					uint64_t h = aza__ihash_fast(e->id, strlen(e->id)) % nb;
					e->hnext = t[h];
					t[h] = e;
					e = nx;
				}
			}
			aza__free(inv->ids);
			inv->ids = t;
			inv->nbuckets = nb;
		}
	}
	uint64_t h = aza__ihash_fast(r->id, strlen(r->id)) % inv->nbuckets;
	r->hnext = inv->ids[h];
	inv->ids[h] = r;
	inv->nids++;
}

const aza_res *aza_inv_find(aza_inv *inv, const char *id)
{
	if (!id)
		return NULL;
	if (id[0] == '/' && id[1] == 0)
		return &inv->tenant;
	size_t n = strlen(id);
	while (n > 1 && id[n - 1] == '/')
		n--; /* a reference written with a trailing slash */
	uint64_t h = aza__ihash_fast(id, n) % inv->nbuckets;
	for (aza_res *e = inv->ids[h]; e; e = e->hnext)
		if (aza__strnieq(e->id, id, n) && e->id[n] == 0)
			return e;
	return NULL;
}

static void type_append(aza_tinfo *t, aza_res *r)
{
	r->t = t;
	r->next_of_type = NULL;
	t->linked = 0; /* until aza_inv__finish links it again */
	if (t->last)
		t->last->next_of_type = r;
	else
		t->first = r;
	t->last = r;
	t->count++;
	if (!r->pseudo)
		t->real++;
}

/* Regions used by each subscription, from every resource read (also the
 * ones no rule keeps): "westeurope" and "West Europe" are one region.
 * Resource groups hold only metadata where they are, and the location of
 * an authorization object (a policy assignment's, a policy exemption's) is
 * only where its managed identity lives (policyAssignments API: "The
 * location of the policy assignment. Only required when utilizing managed
 * identity"): neither deploys anything in the region. */
static int note_region(aza_inv *inv, const char *sub, const char *loc, const char *type)
{
	char norm[64];
	size_t n = 0;
	if (!sub || !*sub || !loc || !*loc || aza__istarts(type, "Microsoft.Resources/") ||
	    aza__istarts(type, "Microsoft.Authorization/"))
		return 0;
	for (const char *p = loc; *p && n + 1 < sizeof norm; p++)
		if (*p != ' ')
			norm[n++] = (char)tolower((unsigned char)*p);
	norm[n] = 0;
	if (!n || aza__strieq(norm, "global"))
		return 0;
	for (size_t i = 0; i < inv->nregions; i++)
		if (aza__strieq(inv->regions[i].loc, norm) && aza__strieq(inv->regions[i].sub, sub))
			return 0;
	if (inv->nregions == inv->capregions) {
		size_t cap = inv->capregions ? inv->capregions * 2 : 16;
		void *p = aza__realloc(inv->regions, cap * sizeof *inv->regions);
		if (!p)
			return -1;
		inv->regions = p;
		inv->capregions = cap;
	}
	const char *l = aza_arena__strdup(&inv->a, norm);
	const char *sb = aza_arena__strdup(&inv->a, sub);
	if (!l || !sb)
		return -1;
	inv->regions[inv->nregions].sub = sb;
	inv->regions[inv->nregions].loc = l;
	inv->nregions++;
	return 0;
}

const char *aza_inv_sub_region(aza_inv *inv, const char *sub_id, size_t i)
{
	for (size_t k = 0; k < inv->nregions; k++)
		if (aza__strieq(inv->regions[k].sub, sub_id) && i-- == 0)
			return inv->regions[k].loc;
	return NULL;
}

static int add_subname(aza_inv *inv, const char *id, const char *name);

/* r->text of a document in the store's file (its offset is r->stored_at),
 * or in the open block of its type (offset r->stored_at in that block). */
static const char spilled[1], pending[1];

static int store_file(aza_inv *inv)
{
	int fd = aza__tmpfile("azaudit-store");
	if (fd < 0)
		return -1;
	inv->st.fd = fd;
	return 0;
}

/* Once the store is a file, each type's documents are gathered into blocks
 * of this size before they are written: evaluation goes type by type, so
 * it reads a block with one pread (aza_docwin) instead of one per document
 * (a 100k-resource scan made 108,000 of them). A document this size or
 * larger is written on its own. AZAUDIT_SPILL_AT below it makes blocks of
 * that size (at least 256 bytes), so that the tests fill and write blocks. */
#define STORE_BLOCK ((size_t)64 << 10)

struct aza_tblock {
	char *p;        /* block_size() bytes */
	size_t len;
	aza_res **res;  /* the documents in it, to point at the file when written */
	size_t n, cap;
};

static size_t block_size(void)
{
	size_t at = aza__spill_at();
	return at >= STORE_BLOCK ? STORE_BLOCK : at < 256 ? 256 : at;
}

static int write_at(aza_inv *inv, const char *p, size_t n)
{
	errno = 0;
	if (aza__file_io(inv->st.fd, (void *)p, n, inv->st.written, 1))
		return aza__err(inv->ctx, AZA_EIO, "cannot write the temporary document store: %s",
		                errno ? strerror(errno) : "disk full?");
	inv->st.written += n;
	return 0;
}

static int block_flush(aza_inv *inv, struct aza_tblock *b)
{
	if (!b || !b->len)
		return 0;
	uint64_t at = inv->st.written;
	int rc = write_at(inv, b->p, b->len);
	if (rc)
		return rc;
	for (size_t i = 0; i < b->n; i++) {
		b->res[i]->text = spilled;
		b->res[i]->stored_at += at;
	}
	b->len = b->n = 0;
	return 0;
}

static void block_free(struct aza_tblock *b)
{
	if (b) {
		aza__free(b->p);
		aza__free(b->res);
		aza__free(b);
	}
}

/* Flush every open block and free it (aza_inv__finish: evaluation only
 * reads, and from more than one thread). */
static int blocks_close(aza_inv *inv)
{
	for (size_t k = 0; k < TYPE_BUCKETS; k++)
		for (aza_tinfo *t = inv->types[k]; t; t = t->hnext) {
			int rc = block_flush(inv, t->blk);
			if (rc)
				return rc;
			block_free(t->blk);
			t->blk = NULL;
		}
	return 0;
}

/* Add r's packed document to its type's block (file mode). */
static int block_add(aza_inv *inv, aza_tinfo *t, aza_res *r, const char *blob, size_t n)
{
	size_t bs = block_size();
	r->textlen = (uint32_t)n;
	if (n >= bs) {
		r->text = spilled;
		r->stored_at = inv->st.written;
		return write_at(inv, blob, n);
	}
	struct aza_tblock *b = t->blk;
	if (!b) {
		if (!(b = aza__malloc(sizeof *b)))
			return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
		memset(b, 0, sizeof *b);
		if (!(b->p = aza__malloc(bs))) {
			aza__free(b);
			return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
		}
		t->blk = b;
	}
	int rc;
	if (b->len + n > bs && (rc = block_flush(inv, b)))
		return rc;
	if (b->n == b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 64;
		aza_res **p = aza__realloc(b->res, cap * sizeof *p);
		if (!p)
			return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
		b->res = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, blob, n);
	r->text = pending;
	r->stored_at = b->len;
	b->res[b->n++] = r;
	b->len += n;
	return 0;
}

/* The first spill: the documents kept so far (in input order in st.buf)
 * go to their types' blocks like the ones after them. */
static int regroup(aza_inv *inv)
{
	for (size_t k = 0; k < TYPE_BUCKETS; k++)
		for (aza_tinfo *t = inv->types[k]; t; t = t->hnext)
			for (aza_res *r = t->first; r; r = r->next_of_type)
				if (r->text == spilled) {
					int rc = block_add(inv, t, r, inv->st.buf + r->stored_at, r->textlen);
					if (rc)
						return rc;
				}
	aza__free(inv->st.buf);
	inv->st.buf = NULL;
	inv->st.len = inv->st.cap = 0;
	return 0;
}

static int store(aza_inv *inv, aza_tinfo *t, aza_res *r, const char *blob, size_t n)
{
	if (n > UINT32_MAX)
		return aza__err(inv->ctx, AZA_ELIMIT, "a resource's document is too large (%zu bytes packed)", n);
	if (!inv->st.off && inv->st.fd < 0 && inv->st.len + n > aza__spill_at() && inv->st.len) {
		int rc;
		if (store_file(inv))
			inv->st.off = 1; /* no temporary directory: keep documents in memory */
		else if ((rc = regroup(inv)))
			return rc;
	}
	if (inv->st.fd >= 0)
		return block_add(inv, t, r, blob, n);
	if (inv->st.off) {
		char *d = aza_arena__alloc_bytes(&inv->a, n);
		if (!d)
			return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
		memcpy(d, blob, n);
		r->text = d;
		r->textlen = (uint32_t)n;
		return 0;
	}
	if (inv->st.len + n > inv->st.cap) {
		size_t cap = inv->st.cap ? inv->st.cap : 64 << 10;
		while (cap < inv->st.len + n)
			cap *= 2;
		char *b = aza__realloc(inv->st.buf, cap);
		if (!b)
			return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
		inv->st.buf = b;
		inv->st.cap = cap;
	}
	memcpy(inv->st.buf + inv->st.len, blob, n);
	r->text = spilled;
	r->textlen = (uint32_t)n;
	r->stored_at = inv->st.len;
	inv->st.len += n;
	return 0;
}

static const char *keep_str(aza_inv *inv, const char *s)
{
	return aza_arena__strdup(&inv->a, s ? s : "");
}

/* A top-level resource's name is the last segment of its id: the id's
 * copy holds it already (a copy per resource less). NULL when name is not
 * the id's tail after a '/' (a child's "server/db", a name that differs). */
static const char *id_tail(const char *id, const char *name)
{
	if (!id || !name)
		return NULL;
	size_t il = strlen(id), nl = strlen(name);
	if (!nl || nl >= il || id[il - nl - 1] != '/' || memcmp(id + il - nl, name, nl) != 0)
		return NULL;
	return id + il - nl;
}

/* Subscriptions, groups, locations and parents repeat: one copy each. */
static const char *keep_shared(aza_inv *inv, const char *s)
{
	if (!s)
		s = "";
	if (!inv->strs && !(inv->strs = aza_jintern__new_plain()))
		return NULL;
	return aza_jintern__get(inv->strs, s, strlen(s));
}

/* ---- the same resource from two inputs ----
 * Two copies of one resource (two exports, an export and a Resource Graph
 * dump, `az resource list` and `az ... show`) are compared by what they
 * say, not by their shape:
 * - at the top level, a member absent or null in one copy is not said
 *   there, so it disagrees with nothing: Resource Graph rows hold null
 *   for what Resource Manager leaves out (managedBy, sku, identity, zones,
 *   plan, extendedLocation...), and `az resource list` gives no (or null)
 *   "properties";
 * - tenantId, resourceGroup and subscriptionId, which Resource Graph adds
 *   to every row of its Resources table, are left out: the last two
 *   restate the id both copies share, the first is where the dump was
 *   taken, and no rule reads them;
 * - id, name, type and managedBy (ids, or parts of one) compare without
 *   regard to case, as Azure compares them (`az graph query` gives types
 *   in lower case), and location also without spaces ("West Europe" is
 *   "westeurope");
 * - member names compare without regard to case at every level (as the
 *   parser, which rejects two keys that differ only in case, and
 *   aza_json_get read them), members in any order;
 * - an empty string, object or array at the top level says "none", as
 *   an absent member does in Resource Manager's answers (Resource Graph
 *   gives managedBy "" and tags {} where ARM gives none): it disagrees
 *   with a value in the other copy, but is not more than its absence;
 *   "properties": {} is an answer, though, and no properties none;
 * - inside a value that both copies give ("properties", "sku", ...),
 *   everything counts: a member in one copy and not in the other, even a
 *   null one, a string that differs in case, an array in another order.
 *   Both copies come from the same provider's answer there, so a
 *   difference is a change or another API version, and either may change
 *   a verdict (a rule reads the value of a member that the other copy
 *   lacks).
 * A member both copies say with different values is a conflict: which
 *   copy is current is unknown, the kept one is marked, and the engine
 *   makes a PASS on it UNKNOWN (a FAIL stays, naming the other copy).
 * Copies that agree may still each say something the other does not (a
 * copy with properties, one without; createdTime in `az resource list`,
 * etag in an export). What both say is then judged as one document: the
 * copy with "properties" (when one alone has them; else the one that
 * alone says more; else the first read) with the top-level members it
 * lacks taken from the other, and findings name that copy's input. The
 * judged document is stored again (the store only appends: the old bytes
 * stay unread), so no verdict is made on less than was read. Template
 * resources are compared as before (as packed trees, byte for byte) and
 * never replaced: a template is what would be deployed, not a reading
 * of the tenant, and its findings point into its text. */

/* Append to object or array o (at *tail, its last next pointer) a copy of m
 * whose value is shared; -1 when out of memory. */
static int append_copy(aza_arena *a, aza_json *o, aza_json ***tail, const aza_json *m)
{
	aza_json *d = aza_arena__alloc(a, sizeof *d);
	if (!d)
		return -1;
	*d = *m;
	d->next = NULL;
	**tail = d;
	*tail = &d->next;
	o->n++;
	return 0;
}

/* Resource Graph's own members of every row (see above). */
static int bookkeeping(const char *k)
{
	return aza__strieq(k, "tenantId") || aza__strieq(k, "resourceGroup") || aza__strieq(k, "subscriptionId");
}

static int said(const aza_json *v)
{
	return v && v->kind != AZA_JNULL;
}

/* Does top-level member k = v say something its absence does not? An
 * empty string, object or array says "none", as Resource Manager's
 * absence does (Resource Graph gives managedBy "" and tags {} where ARM
 * gives none); but "properties": {} is an answer, where no properties is
 * none (a listing without details). */
static int adds(const char *k, const aza_json *v)
{
	if (!said(v))
		return 0;
	if (aza__strieq(k, "properties"))
		return 1;
	if (v->kind == AZA_JSTR)
		return v->u.s[0] != 0;
	if (v->kind == AZA_JARR || v->kind == AZA_JOBJ)
		return v->u.child != NULL;
	return 1;
}

static int by_key(const void *a, const void *b)
{
	const aza_json *x = *(const aza_json *const *)a, *y = *(const aza_json *const *)b;
	return aza__stricmp(x->key, y->key);
}

/* The members of an object from c on, sorted by name without regard to
 * case, into a (*n of them). NULL when out of memory; *dup is set to a
 * name two members have (the parser rejects that: a tree made otherwise). */
static const aza_json **sorted(aza_arena *a, const aza_json *c, size_t *n, const char **dup)
{
	size_t k = 0;
	for (const aza_json *x = c; x; x = x->next)
		k++;
	const aza_json **v = aza_arena__alloc(a, (k ? k : 1) * sizeof *v);
	if (!v)
		return NULL;
	k = 0;
	for (const aza_json *x = c; x; x = x->next)
		v[k++] = x;
	qsort(v, k, sizeof *v, by_key);
	for (size_t i = 1; i < k; i++)
		if (aza__strieq(v[i - 1]->key, v[i]->key))
			*dup = v[i]->key;
	*n = k;
	return v;
}

static int same_value(aza_arena *a, const aza_json *x, const aza_json *y);

/* 1 when two objects have the same members with the same values, 0 when
 * not, -1 when out of memory. */
static int same_object(aza_arena *a, const aza_json *x, const aza_json *y)
{
	const aza_json *p = x->u.child, *q = y->u.child;
	/* Copies mostly list members in the same order: in step until they part. */
	while (p && q && aza__strieq(p->key, q->key)) {
		int rc = same_value(a, p, q);
		if (rc != 1)
			return rc;
		p = p->next;
		q = q->next;
	}
	if (!p || !q)
		return !p && !q;
	size_t np, nq;
	const char *dup = NULL;
	aza_arena_mark m = aza_arena__mark(a);
	const aza_json **vp = sorted(a, p, &np, &dup), **vq = vp ? sorted(a, q, &nq, &dup) : NULL;
	if (!vq)
		return -1;
	int rc = np == nq && !dup;
	for (size_t i = 0; rc == 1 && i < np; i++)
		rc = aza__strieq(vp[i]->key, vq[i]->key) ? same_value(a, vp[i], vq[i]) : 0;
	aza_arena__reset(a, m);
	return rc;
}

static int same_value(aza_arena *a, const aza_json *x, const aza_json *y)
{
	if (x->kind != y->kind)
		return 0;
	switch (x->kind) {
	case AZA_JNUM:
		return !(x->u.num < y->u.num || x->u.num > y->u.num);
	case AZA_JSTR:
	case AZA_JUNKNOWN:
		return strcmp(x->u.s, y->u.s) == 0;
	case AZA_JARR: {
		const aza_json *p = x->u.child, *q = y->u.child;
		for (; p && q; p = p->next, q = q->next) {
			int rc = same_value(a, p, q);
			if (rc != 1)
				return rc;
		}
		return !p && !q;
	}
	case AZA_JOBJ:
		return same_object(a, x, y);
	default:
		return 1; /* null, true, false */
	}
}

/* Is s the same location as t: "West Europe" and "westeurope". */
static int same_location(const char *s, const char *t)
{
	for (;;) {
		while (*s == ' ')
			s++;
		while (*t == ' ')
			t++;
		if (!*s || !*t)
			return !*s && !*t;
		if (tolower((unsigned char)*s) != tolower((unsigned char)*t))
			return 0;
		s++, t++;
	}
}

/* Two values of the top-level member k, both said. */
static int same_top(aza_arena *a, const char *k, const aza_json *x, const aza_json *y)
{
	if (x->kind == AZA_JSTR && y->kind == AZA_JSTR) {
		if (aza__strieq(k, "location"))
			return same_location(x->u.s, y->u.s);
		if (aza__strieq(k, "id") || aza__strieq(k, "name") || aza__strieq(k, "type") || aza__strieq(k, "managedBy"))
			return aza__strieq(x->u.s, y->u.s);
	}
	return same_value(a, x, y);
}

/* What two copies say, top-level member by member. */
struct facts {
	const char *differ; /* the first member they say differently, or NULL */
	int old_more, new_more; /* says a member the other does not */
	const aza_json **o, **n; /* paired by name: np entries each, NULL where absent */
	size_t np;
};

/* Pair the members of old and new and compare them; -1 when out of memory. */
static int compare_facts(aza_arena *a, const aza_json *old, const aza_json *new, struct facts *f)
{
	memset(f, 0, sizeof *f);
	size_t no, nn;
	const char *dup = NULL;
	const aza_json **vo = sorted(a, old->u.child, &no, &dup), **vn = vo ? sorted(a, new->u.child, &nn, &dup) : NULL;
	if (!vn || !(f->o = aza_arena__alloc(a, (no + nn + 1) * sizeof *f->o)) ||
	    !(f->n = aza_arena__alloc(a, (no + nn + 1) * sizeof *f->n)))
		return -1;
	if (dup) {
		f->differ = dup;
		return 0;
	}
	for (size_t i = 0, j = 0; i < no || j < nn;) {
		int c = i == no ? 1 : j == nn ? -1 : aza__stricmp(vo[i]->key, vn[j]->key);
		const aza_json *x = c <= 0 ? vo[i++] : NULL, *y = c >= 0 ? vn[j++] : NULL;
		f->o[f->np] = x;
		f->n[f->np++] = y;
		const char *k = x ? x->key : y->key;
		if (bookkeeping(k))
			continue;
		if (said(x) && said(y)) {
			int rc = same_top(a, k, x, y);
			if (rc < 0)
				return -1;
			if (!rc) {
				f->differ = k;
				return 0;
			}
		} else if (adds(k, x)) {
			f->old_more = 1;
		} else if (adds(k, y)) {
			f->new_more = 1;
		}
	}
	return 0;
}

/* The document of copies that agree: base's members, with those base does
 * not say taken from the other copy (and Resource Graph's bookkeeping
 * from base alone), in a. */
static aza_json *merged(aza_arena *a, const aza_json *base, const struct facts *f, int base_new)
{
	aza_json *o = aza_arena__alloc(a, sizeof *o);
	if (!o)
		return NULL;
	*o = *base;
	o->u.child = NULL;
	o->n = 0;
	aza_json **tail = &o->u.child;
	for (size_t i = 0; i < f->np; i++) {
		const aza_json *b = base_new ? f->n[i] : f->o[i], *t = base_new ? f->o[i] : f->n[i];
		const aza_json *m = said(b) || bookkeeping(b ? b->key : t->key) || !said(t) ? b : t;
		if (m && append_copy(a, o, &tail, m))
			return NULL;
	}
	return o;
}

/* Take r out of its type's open block (its document is stored again). */
static void unblock(aza_res *r)
{
	struct aza_tblock *b = r->text == pending && r->t ? r->t->blk : NULL;
	for (size_t i = 0; b && i < b->n; i++)
		if (b->res[i] == r) {
			memmove(b->res + i, b->res + i + 1, (b->n - i - 1) * sizeof *b->res);
			b->n--;
			break;
		}
}

/* Make doc the document judged for r (stored anew, in place of r's). */
static int rejudge(aza_inv *inv, aza_res *r, const aza_json *doc)
{
	inv->pk.len = 0;
	aza_json__pack(&inv->pk, doc, inv->keys);
	if (inv->pk.oom)
		return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
	unblock(r);
	r->text = NULL; /* not a document of the store while it is stored again (regroup) */
	r->doc = NULL;
	int rc = store(inv, r->t, r, inv->pk.p, inv->pk.len);
	if (rc)
		return rc;
	const char *loc = aza_json_str(aza_json_get(doc, "location"));
	if (!*r->location && loc && *loc && !(r->location = keep_shared(inv, loc)))
		return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
	if (aza__strieq(r->t->name, "Microsoft.Resources/subscriptions")) {
		const char *dn = aza_json_str(aza_json_get(doc, "displayName"));
		if (dn && (rc = add_subname(inv, r->sub, dn)))
			return rc;
	}
	return 0;
}

static int mark_conflict(aza_inv *inv, aza_res *dup, const char *source, const char *what)
{
	if (!dup->conflict) {
		struct conflict *c = aza_arena__alloc(&inv->a, sizeof *c);
		if (!c)
			return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
		c->r = dup;
		c->other = source;
		c->next = inv->conflicts;
		inv->conflicts = c;
		dup->conflict = 1;
	}
	aza__warn(inv->ctx, "%s: resource %s differs from its copy in %s, which is the one judged: its PASS verdicts are "
	                    "UNKNOWN%s%.100s%s",
	          source, dup->id, dup->source, what ? " (they differ in \"" : "", what ? what : "", what ? "\")" : "");
	return 1;
}

/* A template resource and another copy: the same packed trees or not. */
static int duplicate_exact(aza_inv *inv, aza_res *dup, const aza_json *old, const aza_json *doc, const char *source)
{
	aza_buf a, b;
	aza_buf__init(&a, 0);
	aza_buf__init(&b, 0);
	aza_json__pack(&a, doc, inv->keys);
	aza_json__pack(&b, old, inv->keys);
	int oom = a.oom || b.oom, same = !oom && a.len == b.len && !memcmp(a.p, b.p, a.len);
	aza_buf__release(&a);
	aza_buf__release(&b);
	if (oom)
		return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
	if (same) {
		aza__warn(inv->ctx, "%s: duplicate resource %s ignored (the same as the copy from %s)", source, dup->id,
		          dup->source);
		return 1;
	}
	return mark_conflict(inv, dup, source, NULL);
}

/* doc (from source, at line) is another copy of dup: see above. 1 (the
 * new copy is not a resource of its own), or an error. */
static int duplicate(aza_inv *inv, aza_res *dup, const aza_json *doc, const char *source, unsigned long line,
                     const char *api_version)
{
	aza_arena tmp;
	aza_arena__init(&tmp);
	const aza_json *old = aza_inv__doc(inv, dup, &tmp, NULL);
	int rc;
	if (!old) {
		int e = aza_inv__store_rerr(inv);
		aza_arena__release(&tmp);
		if (e)
			return aza__err(inv->ctx, AZA_EIO, "cannot read the temporary document store: %s", strerror(e));
		return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
	}
	if ((api_version && *api_version) || *dup->api_version || dup->tpos || !aza_json_is(old, AZA_JOBJ) ||
	    !aza_json_is(doc, AZA_JOBJ)) {
		rc = duplicate_exact(inv, dup, old, doc, source);
		aza_arena__release(&tmp);
		return rc;
	}
	struct facts f;
	if (compare_facts(&tmp, old, doc, &f)) {
		aza_arena__release(&tmp);
		return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
	}
	const char *was = dup->source;
	if (f.differ) {
		rc = mark_conflict(inv, dup, source, f.differ);
	} else if (!f.old_more && !f.new_more) {
		aza__warn(inv->ctx, "%s: duplicate resource %s ignored (the same as the copy from %s)", source, dup->id, was);
		rc = 1;
	} else {
		/* The judged copy: the one with properties, else the one that
		 * alone says more, else the first. */
		int po = said(aza_json_get(old, "properties")), pn = said(aza_json_get(doc, "properties"));
		int base_new = po != pn ? pn : f.new_more && !f.old_more;
		const aza_json *judged = NULL;
		if (!base_new && !f.new_more) {
			aza__warn(inv->ctx, "%s: duplicate resource %s ignored (it says nothing its copy from %s does not: "
			                    "that copy is judged)", source, dup->id, was);
		} else if (base_new && !f.old_more) {
			judged = doc;
			aza__warn(inv->ctx, "%s: resource %s says more than its copy from %s, with which it agrees: this "
			                    "copy is judged", source, dup->id, was);
		} else if (!(judged = merged(&tmp, base_new ? doc : old, &f, base_new))) {
			aza_arena__release(&tmp);
			return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
		} else {
			aza__warn(inv->ctx, "%s: resource %s and its copy from %s agree, and each says something the "
			                    "other does not: both are judged as one resource, named after %s",
			          source, dup->id, was, base_new ? source : was);
		}
		rc = judged ? rejudge(inv, dup, judged) : 0;
		if (!rc && judged && base_new) {
			dup->source = source;
			dup->line = line;
		}
		if (!rc)
			rc = 1;
	}
	aza_arena__release(&tmp);
	return rc;
}

const char *aza_inv_conflict(const aza_inv *inv, const aza_res *r)
{
	if (!r->conflict)
		return NULL;
	for (const struct conflict *c = inv->conflicts; c; c = c->next)
		if (c->r == r)
			return c->other;
	return NULL;
}

/* O(1), as it runs for every input (a folder may hold 100,000 files): a
 * type notes its count the first time it grows after the mark. */
void aza_inv__mark(aza_inv *inv)
{
	inv->epoch++;
}

/* The one place gaps are made: from a snapshot's errors (aza_inv__add_gap)
 * and from inputs that hold part of a listing (aza_inv__gap). NULL strings
 * read as "". */
static int push_gap(aza_inv *inv, const char *scope, const char *type, const char *api, int status, const char *message)
{
	aza_gap *g = aza_arena__alloc(&inv->a, sizeof *g);
	if (!g || !message)
		return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
	*g = (aza_gap){scope ? scope : "", type ? type : "", api ? api : "", message, status, inv->gaps};
	inv->gaps = g;
	inv->ngaps++;
	return 0;
}

int aza_inv__gap(aza_inv *inv, const char *type, const char *source, const char *why)
{
	return push_gap(inv, "", type, "input", 0, aza_arena__printf(&inv->a, "%s: %s", source, why));
}

/* A gap for each known type: every one (all), or those the input added
 * since the mark. */
static int gap_types(aza_inv *inv, const char *source, const char *why, int all)
{
	int rc;
	for (size_t k = 0; k < TYPE_BUCKETS; k++)
		for (aza_tinfo *t = inv->types[k]; t; t = t->hnext) {
			if (!t->known || (!all && (t->mark_epoch != inv->epoch || t->count <= t->mark)))
				continue;
			if ((rc = aza_inv__gap(inv, t->name, source, why)))
				return rc;
			if (!all)
				t->mark = t->count;
		}
	return 0;
}

int aza_inv__gap_since_mark(aza_inv *inv, const char *source, const char *why)
{
	return gap_types(inv, source, why, 0);
}

int aza_inv__gap_all_types(aza_inv *inv, const char *source, const char *why)
{
	return gap_types(inv, source, why, 1);
}

int aza_inv__add(aza_inv *inv, const aza_json *doc, const char *source, unsigned long line,
                 const char *api_version, const char *raw, size_t rawlen)
{
	if (!api_version || !*api_version)
		inv->deployed = 1;
	aza_arena_mark m0 = {0, 0};
	aza_arena__reset(&inv->sa, m0);
	const char *id = aza_json_str(aza_json_get(doc, "id"));
	if (!id || !*id)
		return aza__err(inv->ctx, AZA_EINPUT, "resource has no \"id\"");
	if (id[0] != '/') {
		/* Seen in real responses (subscription diagnostic settings). */
		id = aza_arena__printf(&inv->sa, "/%s", id);
		if (!id)
			return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
	}
	size_t idl = strlen(id);
	if (idl > 1 && id[idl - 1] == '/') {
		/* "/subscriptions/.../vm1/" names vm1, as Resource Manager reads it. */
		while (idl > 1 && id[idl - 1] == '/')
			idl--;
		id = aza_arena__printf(&inv->sa, "%.*s", (int)idl, id);
		if (!id)
			return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
	}
	const char *type, *name, *sub = NULL, *rg = NULL, *parent;
	int rc = aza_id_parse(&inv->sa, id, &type, &name, &sub, &rg, &parent);
	if (rc == AZA_ENOMEM)
		return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
	if (rc) {
		/* Not a parseable ARM id: fall back on the type field. */
		const char *tf = aza_json_str(aza_json_get(doc, "type"));
		if (!tf)
			return aza__err(inv->ctx, AZA_EINPUT, "resource id '%.200s' is not an ARM id and it has no \"type\"", id);
		type = tf;
		name = aza_json_str(aza_json_get(doc, "name"));
		if (!name)
			name = "";
		parent = "";
	}
	inv->resources++;
	if (note_region(inv, sub, aza_json_str(aza_json_get(doc, "location")), type))
		return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
	aza_tinfo *t = type_lookup(inv, type, strlen(type), 1);
	if (!t)
		return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
	if (!t->known) {
		if (t->count++ == 0)
			inv->unknown_types++;
		return 1;
	}
	aza_res *dup = (aza_res *)aza_inv_find(inv, id);
	/* Two templates may well deploy the same placeholder id: they are
	 * separate deployments, so both are kept. */
	if (dup && !(api_version && *api_version && !aza__strieq(dup->source, source)))
		return duplicate(inv, dup, doc, source, line, api_version);
	aza_res *r = aza_arena__alloc(&inv->a, sizeof *r);
	if (!r)
		return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
	memset(r, 0, sizeof *r);
	const char *loc = aza_json_str(aza_json_get(doc, "location"));
	r->id = keep_str(inv, id);
	r->type = t->name;
	r->name = id_tail(r->id, name);
	if (!r->name)
		r->name = keep_str(inv, name);
	r->sub = keep_shared(inv, sub);
	r->rg = keep_shared(inv, rg);
	r->location = keep_shared(inv, loc);
	r->parent = keep_shared(inv, parent);
	if (!r->id || !r->name || !r->sub || !r->rg || !r->location || !r->parent)
		return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
	r->source = source;
	r->line = line;
	r->api_version = api_version ? api_version : "";
	if (raw) {
		/* The packed form of the tree (json.c), not the text: unpacking
		 * it costs a fraction of parsing text again. */
		(void)rawlen;
		inv->pk.len = 0;
		aza_json__pack(&inv->pk, doc, inv->keys);
		if (inv->pk.oom)
			return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
		if ((rc = store(inv, t, r, inv->pk.p, inv->pk.len)))
			return rc;
		r->doc = NULL;
	} else {
		r->doc = doc;
	}
	if (aza__strieq(t->name, "Microsoft.Resources/subscriptions")) {
		const char *dn = aza_json_str(aza_json_get(doc, "displayName"));
		if (dn && (rc = add_subname(inv, r->sub, dn)))
			return rc;
	}
	if (t->mark_epoch != inv->epoch) {
		t->mark_epoch = inv->epoch;
		t->mark = t->count;
	}
	type_append(t, r);
	id_insert(inv, r);
	inv->last = r;
	return 0;
}

int aza_inv_deployed(aza_inv *inv)
{
	return inv->deployed;
}

aza_res *aza_inv__last(aza_inv *inv)
{
	return inv->last;
}

/* The window's size: a block and a bit, so that a block read from its
 * second document on still comes in one read. */
#define DOCWIN ((size_t)80 << 10)

/* Copy r's stored form (in the file) to b, through w when given: a read
 * that starts where the last one ended, or where the window ends, is a
 * walk through a type's block, and loads a window there; any other read
 * (a lookup of another resource) reads just the document and leaves the
 * window alone. */
static int read_doc(const aza_inv *inv, const aza_res *r, char *b, aza_docwin *w)
{
	errno = 0;
	uint64_t at = r->stored_at;
	size_t n = r->textlen;
	if (!w || n >= DOCWIN)
		return aza__file_io(inv->st.fd, b, n, at, 0);
	if (w->buf && at >= w->off && at + n <= w->off + w->len) {
		memcpy(b, w->buf + (at - w->off), n);
		w->next = at + n;
		return 0;
	}
	int walk = (w->next && at == w->next) || (w->len && at == w->off + w->len);
	w->next = at + n;
	if (!walk)
		return aza__file_io(inv->st.fd, b, n, at, 0);
	if (!w->buf && !(w->buf = aza__malloc(DOCWIN)))
		return aza__file_io(inv->st.fd, b, n, at, 0);
	/* The file holds written bytes: a window short of them is an error. */
	size_t want = inv->st.written - at < DOCWIN ? (size_t)(inv->st.written - at) : DOCWIN;
	w->len = 0;
	if (want < n || aza__file_io(inv->st.fd, w->buf, want, at, 0))
		return -1;
	w->off = at;
	w->len = want;
	memcpy(b, w->buf, n);
	return 0;
}

int aza_inv__store_rerr(aza_inv *inv)
{
	return atomic_load(&inv->st.rerr);
}

void aza_docwin__release(aza_docwin *w)
{
	aza__free(w->buf);
	memset(w, 0, sizeof *w);
}

const aza_json *aza_inv__doc(aza_inv *inv, const aza_res *r, aza_arena *a, aza_docwin *w)
{
	if (!r || r->doc || !r->text)
		return r ? r->doc : NULL;
	if (r->text != spilled && r->text != pending)
		return aza_json__unpack(a, inv->keys, r->text, r->textlen);
	/* A copy in a: the tree's strings point into it. */
	char *b = aza_arena__alloc_bytes(a, r->textlen);
	if (!b)
		return NULL;
	if (r->text == pending)
		memcpy(b, r->t->blk->p + r->stored_at, r->textlen);
	else if (inv->st.fd < 0)
		memcpy(b, inv->st.buf + r->stored_at, r->textlen);
	else if (read_doc(inv, r, b, w)) {
		/* Sticky: what read the document sees only NULL, as for memory;
		 * the scan then fails naming the store (aza_inv__store_rerr). */
		int zero = 0, e = errno ? errno : EIO;
		atomic_compare_exchange_strong(&inv->st.rerr, &zero, e);
		return NULL;
	}
	return aza_json__unpack(a, inv->keys, b, r->textlen);
}

/* ---- subscriptions ---- */
static int add_subname(aza_inv *inv, const char *id, const char *name)
{
	/* Copies: the names may come from a document that is freed later. */
	if (name && *name && !(name = aza_arena__strdup(&inv->a, name)))
		return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
	for (size_t i = 0; i < inv->nsubnames; i++)
		if (aza__strieq(inv->subnames[i].id, id)) {
			if (name && *name)
				inv->subnames[i].name = name;
			return 0;
		}
	if (!(id = aza_arena__strdup(&inv->a, id)))
		return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
	if (inv->nsubnames == inv->capsubnames) {
		size_t cap = inv->capsubnames ? inv->capsubnames * 2 : 16;
		void *p = aza__realloc(inv->subnames, cap * sizeof *inv->subnames);
		if (!p)
			return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
		inv->subnames = p;
		inv->capsubnames = cap;
	}
	inv->subnames[inv->nsubnames].id = id;
	inv->subnames[inv->nsubnames].name = name ? name : "";
	inv->nsubnames++;
	return 0;
}

const char *aza_inv_sub_name(aza_inv *inv, const char *sub_id)
{
	for (size_t i = 0; i < inv->nsubnames; i++)
		if (aza__strieq(inv->subnames[i].id, sub_id))
			return inv->subnames[i].name;
	return "";
}

int aza_inv__add_meta(aza_inv *inv, const aza_json *meta, const char *source)
{
	inv->deployed = 1;
	if (!aza_json_is(meta, AZA_JOBJ))
		return aza__err(inv->ctx, AZA_EINPUT, "%s: \"meta\" must be an object", source);
	const char *tid = aza_json_str(aza_json_get(meta, "tenant_id"));
	if (tid && *tid)
		inv->tenant_id = tid;
	double at;
	const char *when = aza_json_str(aza_json_get(meta, "collected_at"));
	if (when && !aza__iso_time(when, &at, NULL) && at > inv->collected_at)
		inv->collected_at = at;
	aza_json_each(s, aza_json_get(meta, "subscriptions")) {
		const char *id = aza_json_str(aza_json_get(s, "id"));
		if (!id)
			id = aza_json_str(aza_json_get(s, "subscriptionId"));
		if (!id)
			return aza__err(inv->ctx, AZA_EINPUT, "%s: meta.subscriptions entry without \"id\"", source);
		if (aza__istarts(id, "/subscriptions/"))
			id += 15;
		const char *nm = aza_json_str(aza_json_get(s, "name"));
		if (!nm)
			nm = aza_json_str(aza_json_get(s, "displayName"));
		int rc = add_subname(inv, id, nm);
		if (rc)
			return rc;
	}
	const aza_json *ds = aza_json_get(meta, "datasets");
	if (ds) {
		if (!aza_json_is(ds, AZA_JARR))
			return aza__err(inv->ctx, AZA_EINPUT, "%s: meta.datasets must be an array of type names", source);
		size_t n = inv->ndatasets + aza_json_len(ds);
		const char **v = aza_arena__alloc(&inv->a, (n ? n : 1) * sizeof *v);
		if (!v)
			return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
		if (inv->ndatasets)
			memcpy(v, inv->datasets, inv->ndatasets * sizeof *v);
		size_t k = inv->ndatasets;
		aza_json_each(d, ds) {
			if (aza_json_str(d))
				v[k++] = d->u.s;
		}
		inv->datasets = v;
		inv->ndatasets = k;
		inv->datasets_listed = 1;
	}
	return 0;
}

int aza_inv_dataset_listed(aza_inv *inv, const char *type)
{
	if (!inv->datasets_listed)
		return -1;
	for (size_t i = 0; i < inv->ndatasets; i++)
		if (aza__strieq(inv->datasets[i], type))
			return 1;
	return 0;
}

int aza_inv__add_gap(aza_inv *inv, const aza_json *e, const char *source)
{
	inv->deployed = 1;
	if (!aza_json_is(e, AZA_JOBJ))
		return aza__err(inv->ctx, AZA_EINPUT, "%s: each entry of \"errors\" must be an object", source);
	const char *m = aza_json_str(aza_json_get(e, "message"));
	double st = 0;
	return push_gap(inv, aza_json_str(aza_json_get(e, "scope")), aza_json_str(aza_json_get(e, "type")),
	                aza_json_str(aza_json_get(e, "api")), aza_json_num(aza_json_get(e, "status"), &st) ? (int)st : 0,
	                m ? m : "");
}

const aza_gap *aza_inv_gap(aza_inv *inv, const char *type, const char *id)
{
	for (const aza_gap *g = inv->gaps; g; g = g->next) {
		if (*g->type && !aza__strieq(g->type, type))
			continue;
		/* A gap covers the resource when its scope is an ancestor of the
		 * resource, or when the resource is the scope's subscription. */
		if (aza_id_within(id, g->scope) || aza_id_within(g->scope, id))
			return g;
	}
	return NULL;
}

/* One array of a's elements then b's: the element nodes are copied (their
 * subtrees shared), as each array's chain ends in its own last node. */
static aza_json *concat(aza_inv *inv, const aza_json *a, const aza_json *b)
{
	aza_json *o = aza_arena__alloc(&inv->a, sizeof *o);
	if (!o)
		return NULL;
	*o = *a;
	o->u.child = NULL;
	o->n = 0;
	aza_json **tail = &o->u.child;
	for (int k = 0; k < 2; k++)
		for (const aza_json *c = (k ? b : a)->u.child; c; c = c->next)
			if (append_copy(&inv->a, o, &tail, c))
				return NULL;
	return o;
}

int aza_inv__add_directory(aza_inv *inv, const char *key, const aza_json *v, const char *source)
{
	inv->deployed = 1;
	/* A Graph list response with @odata.nextLink is one page: the data
	 * set is then incomplete (a gap), unless merged with the rest
	 * beforehand. */
	const char *more = aza_json_is(v, AZA_JOBJ) ? aza_json_str(aza_json_get(v, "@odata.nextLink")) : NULL;
	if (more && *more) {
		aza__warn(inv->ctx, "%s: '%s' is one page of a Microsoft Graph listing (@odata.nextLink is set): the rules "
		                    "that read it give UNKNOWN; merge every page into one value array", source, key);
		int rc = aza_inv__gap(inv, key, source, "one page of a Microsoft Graph listing (@odata.nextLink is set): the later pages were not read");
		if (rc)
			return rc;
	}
	/* Graph list responses wrap arrays in {"value": [...]}: accept both. */
	if (aza_json_is(v, AZA_JOBJ) && aza_json_is(aza_json_get(v, "value"), AZA_JARR) &&
	    !aza__strieq(key, "authorizationPolicy") &&
	    !aza__strieq(key, "identitySecurityDefaultsEnforcementPolicy"))
		v = aza_json_get(v, "value");
	for (size_t i = 0; i < inv->ndir; i++)
		if (aza__strieq(inv->dir_names[i], key)) {
			/* The same list in two inputs (pages saved one per file):
			 * one list of both, so no element of either is lost. */
			const aza_json *old = inv->dir_keys[i];
			if (aza_json_is(old, AZA_JARR) && aza_json_is(v, AZA_JARR)) {
				if (!(v = concat(inv, old, v)))
					return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
			} else if (!aza_json_is(old, AZA_JNULL) && !aza_json_is(v, AZA_JNULL)) {
				aza__warn(inv->ctx, "%s: directory data '%s' given twice: the copy read last is used", source, key);
			} else if (aza_json_is(v, AZA_JNULL)) {
				v = old; /* "not collected" adds nothing to data */
			}
			inv->dir_keys[i] = (aza_json *)v;
			return 0;
		}
	if (inv->ndir >= sizeof inv->dir_keys / sizeof inv->dir_keys[0])
		return aza__err(inv->ctx, AZA_ELIMIT, "too many directory data sets");
	inv->dir_names[inv->ndir] = key;
	inv->dir_keys[inv->ndir] = (aza_json *)v;
	inv->ndir++;
	return 0;
}

const aza_json *aza_inv_dir(aza_inv *inv, const char *key, const char **why)
{
	/* Graph data is tenant-wide: a gap names the data set, or covers every
	 * type at the tenant scope; one at a subscription (an ARM listing that
	 * failed) says nothing about Graph. A gap wins over data of the set:
	 * a list whose later pages failed (a 429 on page 3) holds some of the
	 * users, and a verdict over "all users" from it would be a guess. */
	const aza_gap *g = NULL;
	int per_group = aza__strieq(key, "groupMembers") || aza__strieq(key, "groupEligibility");
	for (const aza_gap *e = inv->gaps; e && !g; e = e->next) {
		int tenant = !*e->scope || !strcmp(e->scope, "/");
		/* groupMembers and groupEligibility hold one entry per group: a
		 * gap scoped to a group (/groups/{id}, or the bare id in older
		 * snapshots) is that group's alone (aza_inv_gap
		 * finds it). */
		if (*e->type ? aza__strieq(e->type, key) && (tenant || !per_group) : tenant)
			g = e;
	}
	for (size_t i = 0; i < inv->ndir && !g; i++)
		if (aza__strieq(inv->dir_names[i], key)) {
			if (aza_json_is(inv->dir_keys[i], AZA_JNULL))
				break;
			return inv->dir_keys[i];
		}
	if (why) {
		/* The reason lives in the inventory's arena, which the rule
		 * engine's threads share. */
		static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
		pthread_mutex_lock(&mu);
		if (g && !strcmp(g->api, "input")) /* aza_inv__gap */
			*why = aza_arena__printf(&inv->a, "Microsoft Graph data '%s' could not be read in full (%s)", key, g->message);
		else if (g)
			*why = aza_arena__printf(&inv->a, "Microsoft Graph data '%s' could not be read (%s%s%d: %s)", key,
			                         g->api, *g->api ? ", HTTP " : "HTTP ", g->status, g->message);
		else
			*why = aza_arena__printf(&inv->a, "Microsoft Graph data '%s' was not collected", key);
		pthread_mutex_unlock(&mu);
		if (!*why)
			*why = "directory data not collected";
	}
	return NULL;
}

int aza_inv__add_dataplane(aza_inv *inv, const aza_json *v)
{
	inv->deployed = 1;
	if (inv->ndataplane >= sizeof inv->dataplane / sizeof inv->dataplane[0])
		return aza__err(inv->ctx, AZA_ELIMIT, "too many data-plane sections");
	inv->dataplane[inv->ndataplane++] = v;
	return 0;
}

int aza_inv_has_dataplane(aza_inv *inv)
{
	return inv->ndataplane > 0;
}

const aza_json *aza_inv_dataplane(aza_inv *inv, const char *account_id, const char *service)
{
	for (size_t i = 0; i < inv->ndataplane; i++) {
		aza_json_each(e, aza_json_get(inv->dataplane[i], "storage")) {
			const char *acc = aza_json_str(aza_json_get(e, "account"));
			if (acc && aza__strieq(acc, account_id) &&
			    aza_json_streq(aza_json_get(e, "service"), service))
				return e;
		}
	}
	return NULL;
}

const aza_json *aza_inv_dataplane_entry(aza_inv *inv, const char *section, const char *key, const char *id)
{
	for (size_t i = 0; i < inv->ndataplane; i++) {
		aza_json_each(e, aza_json_get(inv->dataplane[i], section)) {
			const char *v = aza_json_str(aza_json_get(e, key));
			if (v && aza__strieq(v, id))
				return e;
		}
	}
	return NULL;
}

/* ---- finishing ---- */
static size_t child_find(const struct child_slot *v, size_t cap, const aza_tinfo *t, const char *parent)
{
	uint64_t h = aza__ihash_fast(parent, strlen(parent)) ^ ((uint64_t)(uintptr_t)t * 0x9e3779b97f4a7c15ull);
	size_t mask = cap - 1, i = (size_t)(h ^ (h >> 29)) & mask;
	for (;;) {
		const struct child_slot *c = &v[i];
		if (!c->t || (c->t == t && aza__strieq(c->first->parent, parent)))
			return i;
		i = (i + 1) & mask;
	}
}

static size_t child_slot(const aza_inv *inv, const aza_tinfo *t, const char *parent)
{
	return child_find(inv->children, inv->nchild, t, parent);
}

/* Chain each resource to the next of its type with the same parent, so
 * aza_inv_child does not walk every resource of the type for each parent
 * (a rule asking for the diagnostic settings of each of n resources).
 * The table grows with the (type, parent) pairs, not the resources: most
 * resources share theirs (their resource group), and a table sized for
 * every resource was 100 MB at 1M. */
static int link_children(aza_inv *inv)
{
	size_t cap = 1024, used = 0;
	aza__free(inv->children);
	inv->children = NULL;
	inv->nchild = 0; /* until done, aza_inv_child walks the type */
	struct child_slot *v = aza__malloc(cap * sizeof *v);
	if (!v)
		return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
	memset(v, 0, cap * sizeof *v);
	for (size_t b = 0; b < TYPE_BUCKETS; b++)
		for (aza_tinfo *t = inv->types[b]; t; t = t->hnext) {
			for (aza_res *r = t->first; r; r = r->next_of_type) {
				r->next_child = NULL;
				if ((used + 1) * 2 > cap) {
					struct child_slot *w = aza__malloc(2 * cap * sizeof *w);
					if (!w) {
						aza__free(v);
						return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
					}
					memset(w, 0, 2 * cap * sizeof *w);
					for (size_t i = 0; i < cap; i++)
						if (v[i].t)
							w[child_find(w, 2 * cap, v[i].t, v[i].first->parent)] = v[i];
					aza__free(v);
					v = w;
					cap *= 2;
				}
				struct child_slot *c = &v[child_find(v, cap, t, r->parent)];
				if (c->t) {
					c->last->next_child = r;
				} else {
					c->t = t, c->first = r;
					used++;
				}
				c->last = r;
			}
			t->linked = 1;
		}
	inv->children = v;
	inv->nchild = cap;
	return 0;
}

/* A scope resource azaudit makes (a subscription, a management group) of
 * type t, or NULL when out of memory. */
static aza_res *add_pseudo(aza_inv *inv, aza_tinfo *t, const char *id, const char *name, const char *sub)
{
	aza_res *r = aza_arena__alloc(&inv->a, sizeof *r);
	if (!r)
		return NULL;
	memset(r, 0, sizeof *r);
	r->id = id;
	r->name = name;
	r->sub = sub;
	r->rg = "";
	r->location = "";
	r->parent = "";
	r->source = "";
	r->api_version = "";
	r->pseudo = 1;
	r->type = t->name;
	type_append(t, r);
	id_insert(inv, r);
	return r;
}

/* A pseudo-resource for each management group the templates deploy to (a
 * resource's id lies below it) that they do not declare: the scope the
 * rules that judge what a management group holds report on (rule.h,
 * .subject "@@"). Only in a template-only scan: in deployed data a group's
 * assignments are judged on the subscriptions below it, which inherit
 * them. 0, or -1 when out of memory. */
static int template_mgs(aza_inv *inv)
{
	aza_tinfo *mt = type_lookup(inv, AZA_MG_TYPE, strlen(AZA_MG_TYPE), 1);
	if (!mt)
		return -1;
	size_t pl = strlen(AZA_MG_PREFIX);
	for (size_t b = 0; b < TYPE_BUCKETS; b++)
		for (aza_tinfo *t = inv->types[b]; t; t = t->hnext)
			for (aza_res *r = t->first; r; r = r->next_of_type) {
				if (r->id[1] != 'p' || !aza__istarts(r->id, AZA_MG_PREFIX))
					continue;
				size_t n = strcspn(r->id + pl, "/");
				if (!n)
					continue;
				const char *id = aza_arena__strndup(&inv->a, r->id, pl + n);
				if (!id)
					return -1;
				if (aza_inv_find(inv, id))
					continue; /* declared, or made for an earlier resource */
				if (!add_pseudo(inv, mt, id, id + pl, ""))
					return -1;
			}
	return 0;
}

int aza_inv__finish(aza_inv *inv)
{
	int brc = blocks_close(inv);
	if (brc)
		return brc;
	/* Subscriptions: those named in metadata and those seen in ids. */
	aza_tinfo *st = type_lookup(inv, "Microsoft.Resources/subscriptions", 33, 1);
	if (!st)
		return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
	/* r->sub is interned: a run of one subscription's resources is one
	 * lookup among the names (a linear search). */
	const char *last = NULL;
	for (size_t b = 0; b < TYPE_BUCKETS; b++)
		for (aza_tinfo *t = inv->types[b]; t; t = t->hnext)
			for (aza_res *r = t->first; r; r = r->next_of_type)
				if (*r->sub && r->sub != last) {
					if (add_subname(inv, r->sub, NULL))
						return AZA_ENOMEM;
					last = r->sub;
				}
	for (size_t i = 0; i < inv->nsubnames; i++) {
		const char *id = aza_arena__printf(&inv->a, "/subscriptions/%s", inv->subnames[i].id);
		if (!id)
			return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
		aza_res *r = (aza_res *)aza_inv_find(inv, id);
		if (r)
			continue; /* a subscription object was in the input (its name noted in add) */
		if (!add_pseudo(inv, st, id, *inv->subnames[i].name ? inv->subnames[i].name : inv->subnames[i].id, inv->subnames[i].id))
			return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
	}
	for (aza_res *r = st->first; r; r = r->next_of_type) {
		const char *nm = aza_inv_sub_name(inv, r->sub);
		if (*nm)
			r->name = nm;
	}
	inv->tenant.name = *inv->tenant_id ? inv->tenant_id : "tenant";
	if (!inv->deployed && template_mgs(inv))
		return aza__err(inv->ctx, AZA_ENOMEM, "out of memory");
	return link_children(inv);
}

const aza_res *aza_inv_first(aza_inv *inv, const char *type)
{
	aza_tinfo *t = aza_inv_type(inv, type);
	return t ? t->first : NULL;
}

size_t aza_inv_count(aza_inv *inv, const char *type)
{
	aza_tinfo *t = aza_inv_type(inv, type);
	return t ? t->count : 0;
}

const aza_res *aza_inv_child(aza_inv *inv, const char *parent_id, const char *type)
{
	aza_tinfo *t = aza_inv_type(inv, type);
	if (!t || !parent_id)
		return NULL;
	if (t->linked && inv->nchild) {
		const struct child_slot *c = &inv->children[child_slot(inv, t, parent_id)];
		return c->t ? c->first : NULL;
	}
	for (const aza_res *r = t->first; r; r = r->next_of_type)
		if (aza__strieq(r->parent, parent_id))
			return r;
	return NULL;
}

const aza_res *aza_inv_next_child(const aza_res *prev, const char *parent_id)
{
	if (prev->t && prev->t->linked && aza__strieq(prev->parent, parent_id))
		return prev->next_child;
	for (const aza_res *r = prev->next_of_type; r; r = r->next_of_type)
		if (aza__strieq(r->parent, parent_id))
			return r;
	return NULL;
}

const aza_res *aza_inv_subs(aza_inv *inv)
{
	return aza_inv_first(inv, "Microsoft.Resources/subscriptions");
}

const aza_res *aza_inv_tenant(aza_inv *inv)
{
	return &inv->tenant;
}

double aza_inv_collected_at(aza_inv *inv)
{
	return inv->collected_at;
}

const char *aza_inv_tenant_id(aza_inv *inv)
{
	return inv->tenant_id;
}

void aza_inv__note_input(aza_inv *inv, double bytes)
{
	inv->inputs++;
	inv->bytes += bytes;
}

void aza_inv__stats(aza_inv *inv, aza_inv_stats *s)
{
	memset(s, 0, sizeof *s);
	s->resources = inv->resources;
	s->unknown_types = inv->unknown_types;
	s->gaps = inv->ngaps;
	s->inputs = inv->inputs;
	s->bytes = inv->bytes;
	for (size_t b = 0; b < TYPE_BUCKETS; b++)
		for (aza_tinfo *t = inv->types[b]; t; t = t->hnext) {
			if (!t->known)
				continue;
			/* Counted as they were added: walking every chain
			 * here cost a cache miss per resource, per report. */
			s->kept += t->real;
			if (t->real)
				s->models |= t->model;
		}
	s->subs = aza_inv_count(inv, "Microsoft.Resources/subscriptions");
	if (inv->ndir)
		s->models |= AZA_SAAS;
}
