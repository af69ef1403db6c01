/*
 * collect.c - live collection: options and clouds, the run (subscriptions,
 * then Resource Graph, Resource Manager and Microsoft Graph walks in one
 * concurrent pass), list walks with paging guards, the error record, and
 * the snapshot writer (temp file + rename; gzip when the name ends in .gz).
 */
#include "collect.h"
#include "../lib/scan.h"
#include "../rules/rule.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#define MAX_SUBS_FILTER 256
#define MAX_MG_FILTER 64
#define MAX_DIRS 32
/* The per-group directory data sets (per_group[]). */
#define N_PER_GROUP 2
#define MG_PREFIX "/providers/Microsoft.Management/managementGroups/"

typedef struct cerror {
	char *scope, *type, *api, *message;
	int status;
} cerror;

struct aza_collect {
	aza_ctx *ctx;
	/* options */
	char *cloud, *authority, *arm, *graph, *storage_suffix, *method, *tenant;
	char *want[MAX_SUBS_FILTER];
	size_t nwant;
	char *mg_want[MAX_MG_FILTER]; /* --management-group: group ids (names) */
	size_t nmg_want;
	aza_http_cfg hcfg;
	int max_pages, arg_batch, arg_top, want_graph;
	void (*log)(void *ud, const char *line);
	void *log_ud;
	void (*progress)(void *ud, const aza_collect_stats *st, size_t in_flight, size_t queued);
	void *progress_ud;
	/* run state */
	aza_http *h;
	aza_auth *auth;
	aza_arena strs;   /* strings that live as long as the collector */
	aza_arena ar;     /* one response at a time */
	gzFile out;
	int out_err;
	size_t nres;
	uint64_t *seen;
	size_t nseen, capseen;
	struct sub {
		char *id, *name;
		char *mg; /* parent management group id (name), or NULL */
	} *subs;
	size_t nsubs, capsubs;
	size_t ncoll;  /* the first ncoll subscriptions are collected; the rest are unreadable */
	/* Management groups: the ones asked for and their descendant groups. */
	struct mg {
		char *name, *display, *parent;
		int requested;
	} *mgs;
	size_t nmgs, capmgs;
	struct sub *mgsubs; /* subscriptions below the groups asked for */
	size_t nmgsubs, capmgsubs;
	int subs_oom; /* a subscription could not be kept: the scope is not known */
	int listing_subs;
	char *tenant_seen;
	cerror *errs;
	size_t nerrs, caperrs;
	aza_collect_error *pub;
	char **ds;
	size_t nds, capds;
	struct dir {
		char *key;
		aza_buf json;
	} dirs[MAX_DIRS];
	size_t ndirs;
	aza_collect_stats st;
	volatile int cancel;
	/* storage data plane */
	aza_stg_cfg stg;
	char *stg_ep[3];
	void *stg_state;
	aza_buf dp_storage;
	size_t dp_nstorage;
	/* Key Vault data plane */
	int kv_on;
	char *kv_ep;
	const char *kv_suffix;
	void *kv_state;
	aza_buf dp_keyvault;
	size_t dp_nkeyvault;
	aza_buf late; /* objects to emit at the end, NUL-separated */
	/* The reads of groups made (hashes of their keys), and the entries of
	 * the per-group directory data sets read so far (per_group[]). */
	int graph_on;
	uint64_t *groups;
	size_t ngroups, capgroups;
	struct {
		aza_buf json;
		size_t n;
	} pg[N_PER_GROUP];
	/* selection: the types to collect (NULL: everything) */
	char **types;
	size_t ntypes, captypes;
	int selected, want_dir;
};

static const struct cloud {
	const char *name, *authority, *arm, *graph, *suffix, *arm_scope, *graph_scope;
	/* Key Vault: the DNS suffix of a vault and the token audience of its
	 * data plane, which differs per cloud. */
	const char *kv_suffix, *kv_scope;
} clouds[] = {
	{"AzureCloud", "https://login.microsoftonline.com", "https://management.azure.com",
	 "https://graph.microsoft.com", "core.windows.net", "https://management.azure.com/.default",
	 "https://graph.microsoft.com/.default", "vault.azure.net", "https://vault.azure.net/.default"},
	{"AzureUSGovernment", "https://login.microsoftonline.us", "https://management.usgovcloudapi.net",
	 "https://graph.microsoft.us", "core.usgovcloudapi.net", "https://management.usgovcloudapi.net/.default",
	 "https://graph.microsoft.us/.default", "vault.usgovcloudapi.net", "https://vault.usgovcloudapi.net/.default"},
	{"AzureChinaCloud", "https://login.chinacloudapi.cn", "https://management.chinacloudapi.cn",
	 "https://microsoftgraph.chinacloudapi.cn", "core.chinacloudapi.cn",
	 "https://management.chinacloudapi.cn/.default", "https://microsoftgraph.chinacloudapi.cn/.default",
	 "vault.azure.cn", "https://vault.azure.cn/.default"},
};

static const struct cloud *find_cloud(const char *name)
{
	for (size_t i = 0; i < sizeof clouds / sizeof clouds[0]; i++)
		if (aza__strieq(clouds[i].name, name))
			return &clouds[i];
	return NULL;
}

static int set_str(char **dst, const char *v)
{
	char *n = v ? aza__strdup(v) : NULL;
	if (v && !n)
		return AZA_ENOMEM;
	/* No trailing slash on endpoints. */
	if (n) {
		size_t k = strlen(n);
		while (k > 1 && n[k - 1] == '/')
			n[--k] = 0;
	}
	aza__free(*dst);
	*dst = n;
	return 0;
}

aza_collect *aza_collect_new(aza_ctx *ctx)
{
	aza_collect *c = aza__malloc(sizeof *c);
	if (!c)
		return NULL;
	memset(c, 0, sizeof *c);
	c->ctx = ctx;
	aza_arena__init(&c->strs);
	aza_arena__init(&c->ar);
	c->hcfg.per_host = 8;
	c->hcfg.max_active = 32;
	c->hcfg.max_attempts = 5;
	c->hcfg.timeout_ms = 60000;
	c->hcfg.retry_base_ms = 1000;
	c->hcfg.retry_max_ms = 60000;
	c->hcfg.max_response = (size_t)64 << 20;
	/* Resource Graph: a user's quota is 15 queries per 5 seconds. Resource
	 * Manager and Graph: paced by their remaining-reads headers and 429s. */
	c->hcfg.rate[AZA_FAM_ARG] = 3;
	c->hcfg.burst[AZA_FAM_ARG] = 15;
	c->max_pages = 2000;
	c->arg_batch = 1000;
	c->arg_top = 1000;
	c->want_graph = 1;
	c->stg.mode = AZA_STG_ENTRA;
	c->kv_on = 1;
	const char *e;
	int bad = set_str(&c->cloud, "AzureCloud");
	if ((e = getenv("AZURE_AUTHORITY_HOST")) && *e)
		bad |= set_str(&c->authority, e);
	if ((e = getenv("AZAUDIT_ARM_ENDPOINT")) && *e)
		bad |= set_str(&c->arm, e);
	if ((e = getenv("AZAUDIT_GRAPH_ENDPOINT")) && *e)
		bad |= set_str(&c->graph, e);
	if ((e = getenv("AZAUDIT_STORAGE_SUFFIX")) && *e)
		bad |= set_str(&c->storage_suffix, e);
	if ((e = getenv("AZAUDIT_STORAGE_ENDPOINT")) && *e)
		bad |= aza_collect_set(c, "storage-endpoint", e) != 0;
	if ((e = getenv("AZAUDIT_KEYVAULT_ENDPOINT")) && *e)
		bad |= aza_collect_set(c, "keyvault-endpoint", e) != 0;
	if (bad) {
		aza_collect_free(c);
		return NULL;
	}
	return c;
}

static void free_run(aza_collect *c)
{
	aza_auth__free(c->auth);
	c->auth = NULL;
	aza_http__free(c->h);
	c->h = NULL;
	aza__free(c->seen);
	c->seen = NULL;
	c->nseen = c->capseen = 0;
	for (size_t i = 0; i < c->ndirs; i++)
		aza_buf__release(&c->dirs[i].json);
	c->ndirs = 0;
	aza_storage__free(&c->stg_state);
	aza_buf__release(&c->dp_storage);
	c->dp_nstorage = 0;
	aza_keyvault__free(&c->kv_state);
	aza_buf__release(&c->dp_keyvault);
	c->dp_nkeyvault = 0;
	aza_buf__release(&c->late);
	aza__free(c->groups);
	c->groups = NULL;
	c->ngroups = c->capgroups = 0;
	for (size_t i = 0; i < N_PER_GROUP; i++) {
		aza_buf__release(&c->pg[i].json);
		c->pg[i].n = 0;
	}
}

void aza_collect_free(aza_collect *c)
{
	if (!c)
		return;
	free_run(c);
	aza__free(c->cloud);
	aza__free(c->authority);
	aza__free(c->arm);
	aza__free(c->graph);
	aza__free(c->storage_suffix);
	aza__free(c->method);
	aza__free(c->tenant);
	for (int i = 0; i < 3; i++)
		aza__free(c->stg_ep[i]);
	aza__free(c->kv_ep);
	for (size_t i = 0; i < c->nwant; i++)
		aza__free(c->want[i]);
	for (size_t i = 0; i < c->nmg_want; i++)
		aza__free(c->mg_want[i]);
	aza__free(c->types);
	aza__free(c->subs);
	aza__free(c->mgs);
	aza__free(c->mgsubs);
	aza__free(c->errs);
	aza__free(c->pub);
	aza__free(c->ds);
	aza_arena__release(&c->ar);
	aza_arena__release(&c->strs);
	aza__free(c);
}

static int num_opt(aza_collect *c, const char *name, const char *v, double lo, double hi, double *out)
{
	char *end;
	double d = strtod(v, &end);
	if (end == v || *end || d < lo || d > hi)
		return aza__err(c->ctx, AZA_EUSAGE, "collect: %s must be a number from %g to %g", name, lo, hi);
	*out = d;
	return 0;
}

/* A data-plane URL template (--storage-endpoint, --keyvault-endpoint): it
 * names field; plain http only to a loopback host (an emulator). */
static int endpoint_template(aza_collect *c, const char *name, const char *v, const char *field)
{
	if (!strstr(v, field))
		return aza__err(c->ctx, AZA_EUSAGE, "collect: --%s needs %s in the URL", name, field);
	int http = aza__istarts(v, "http://");
	if (!http && !aza__istarts(v, "https://"))
		return aza__err(c->ctx, AZA_EUSAGE, "collect: --%s must be an https URL", name);
	if (http) {
		const char *h = v + 7;
		int lb = !strncmp(h, "127.", 4) || !strncmp(h, "localhost", 9) || !strncmp(h, "[::1]", 5);
		if (!lb)
			return aza__err(c->ctx, AZA_EUSAGE, "collect: --%s: plain http is allowed only to a loopback host", name);
	}
	return 0;
}

int aza_collect_set(aza_collect *c, const char *name, const char *v)
{
	double d = 0;
	int rc;
	if (!v)
		return aza__err(c->ctx, AZA_EUSAGE, "collect: option '%s' needs a value", name);
	if (!strcmp(name, "cloud")) {
		if (!find_cloud(v))
			return aza__err(c->ctx, AZA_EUSAGE, "collect: unknown cloud '%s' (AzureCloud, AzureUSGovernment, AzureChinaCloud)", v);
		return set_str(&c->cloud, v);
	}
	if (!strcmp(name, "authority-host"))
		return set_str(&c->authority, v);
	if (!strcmp(name, "arm-endpoint"))
		return set_str(&c->arm, v);
	if (!strcmp(name, "graph-endpoint"))
		return set_str(&c->graph, v);
	if (!strcmp(name, "storage-suffix"))
		return set_str(&c->storage_suffix, v);
	if (!strcmp(name, "auth"))
		return set_str(&c->method, v);
	if (!strcmp(name, "tenant"))
		return set_str(&c->tenant, v);
	if (!strcmp(name, "storage-auth")) {
		if (!strcmp(v, "off"))
			c->stg.mode = AZA_STG_OFF;
		else if (!strcmp(v, "entra"))
			c->stg.mode = AZA_STG_ENTRA;
		else if (!strcmp(v, "sharedkey"))
			c->stg.mode = AZA_STG_SHAREDKEY;
		else
			return aza__err(c->ctx, AZA_EUSAGE, "collect: --storage-auth must be entra, sharedkey or off");
		return 0;
	}
	if (!strcmp(name, "keyvault-dataplane")) {
		if (strcmp(v, "on") && strcmp(v, "off"))
			return aza__err(c->ctx, AZA_EUSAGE, "collect: --keyvault-dataplane must be on or off");
		c->kv_on = !strcmp(v, "on");
		return 0;
	}
	if (!strcmp(name, "keyvault-endpoint")) {
		if ((rc = endpoint_template(c, name, v, "{vault}")))
			return rc;
		return set_str(&c->kv_ep, v);
	}
	static const char *svcs[3] = {"blob", "queue", "table"};
	if (!strcmp(name, "storage-endpoint") || !strcmp(name, "blob-endpoint") || !strcmp(name, "queue-endpoint") ||
	    !strcmp(name, "table-endpoint")) {
		/* A URL template with {account} (and {service} for storage-endpoint). */
		if ((rc = endpoint_template(c, name, v, "{account}")))
			return rc;
		for (int i = 0; i < 3; i++) {
			if (name[0] != 's' && strncmp(name, svcs[i], strlen(svcs[i])))
				continue;
			aza_buf b;
			aza_buf__init(&b, 4096);
			for (const char *p = v; *p;) {
				if (!strncmp(p, "{service}", 9)) {
					aza_buf__adds(&b, svcs[i]);
					p += 9;
				} else {
					aza_buf__addc(&b, *p++);
				}
			}
			aza_buf__addc(&b, 0);
			if (b.oom) {
				aza_buf__release(&b);
				return aza__err(c->ctx, AZA_ENOMEM, "out of memory");
			}
			aza__free(c->stg_ep[i]);
			c->stg_ep[i] = aza__strdup(b.p);
			aza_buf__release(&b);
			if (!c->stg_ep[i])
				return aza__err(c->ctx, AZA_ENOMEM, "out of memory");
		}
		return 0;
	}
	if (!strcmp(name, "arm-rate") || !strcmp(name, "arg-rate") || !strcmp(name, "graph-rate")) {
		/* RATE[:BURST] requests per second; 0 = no client-side bucket. */
		int f = name[1] == 'r' && name[2] == 'm' ? AZA_FAM_ARM : name[1] == 'r' ? AZA_FAM_ARG : AZA_FAM_GRAPH;
		char *end;
		double rate = strtod(v, &end), burst = rate;
		if (end != v && *end == ':') {
			const char *b = end + 1;
			burst = strtod(b, &end);
			if (end == b)
				end = (char *)b - 1;
		}
		if (end == v || *end || rate < 0 || rate > 1e6 || burst < (rate > 0 ? 1 : 0) || burst > 1e6)
			return aza__err(c->ctx, AZA_EUSAGE, "collect: --%s takes RATE[:BURST] (requests per second)", name);
		c->hcfg.rate[f] = rate;
		c->hcfg.burst[f] = burst;
		return 0;
	}
	if (!strcmp(name, "graph")) {
		c->want_graph = strcmp(v, "off") && strcmp(v, "0") && strcmp(v, "no");
		return 0;
	}
	if (!strcmp(name, "subscription")) {
		if (c->nwant >= MAX_SUBS_FILTER)
			return aza__err(c->ctx, AZA_ELIMIT, "collect: more than %d --subscription options", MAX_SUBS_FILTER);
		if (!(c->want[c->nwant] = aza__strdup(v)))
			return aza__err(c->ctx, AZA_ENOMEM, "out of memory");
		c->nwant++;
		return 0;
	}
	if (!strcmp(name, "management-group")) {
		/* A group id (its name, not its display name), or its full id. */
		if (aza__istarts(v, MG_PREFIX))
			v += strlen(MG_PREFIX);
		size_t n = strlen(v);
		int ok = n > 0 && n <= 90;
		for (size_t i = 0; ok && i < n; i++)
			ok = (v[i] >= 'a' && v[i] <= 'z') || (v[i] >= 'A' && v[i] <= 'Z') || (v[i] >= '0' && v[i] <= '9') ||
			     strchr("-_.()", v[i]);
		if (!ok)
			return aza__err(c->ctx, AZA_EUSAGE, "collect: --management-group takes a group id (letters, digits, "
			                "'-', '_', '.', '(', ')'; up to 90), not '%s'", v);
		if (c->nmg_want >= MAX_MG_FILTER)
			return aza__err(c->ctx, AZA_ELIMIT, "collect: more than %d --management-group options", MAX_MG_FILTER);
		if (!(c->mg_want[c->nmg_want] = aza__strdup(v)))
			return aza__err(c->ctx, AZA_ENOMEM, "out of memory");
		c->nmg_want++;
		return 0;
	}
	static const struct {
		const char *name;
		double lo, hi;
	} nums[] = {{"concurrency", 1, 256},      {"max-active", 1, 1024},     {"attempts", 1, 20},
	            {"timeout", 0.05, 3600},      {"retry-base-ms", 0, 600000}, {"retry-max-ms", 0, 3600000},
	            {"max-response", 1024, 4e9},  {"max-pages", 1, 1e6},       {"arg-batch", 1, 1000},
	            {"page-size", 1, 1000}};
	for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
		if (strcmp(nums[i].name, name))
			continue;
		if ((rc = num_opt(c, name, v, nums[i].lo, nums[i].hi, &d)))
			return rc;
		switch (i) {
		case 0: c->hcfg.per_host = (int)d; break;
		case 1: c->hcfg.max_active = (int)d; break;
		case 2: c->hcfg.max_attempts = (int)d; break;
		case 3: c->hcfg.timeout_ms = (long)(d * 1000); break;
		case 4: c->hcfg.retry_base_ms = (long)d; break;
		case 5: c->hcfg.retry_max_ms = (long)d; break;
		case 6: c->hcfg.max_response = (size_t)d; break;
		case 7: c->max_pages = (int)d; break;
		case 8: c->arg_batch = (int)d; break;
		case 9: c->arg_top = (int)d; break;
		}
		return 0;
	}
	return aza__err(c->ctx, AZA_EUSAGE, "collect: unknown option '%s'", name);
}

void aza_collect_set_log(aza_collect *c, void (*fn)(void *ud, const char *line), void *ud)
{
	c->log = fn;
	c->log_ud = ud;
}

void aza_collect_cancel(aza_collect *c)
{
	c->cancel = 1;
	if (c->h)
		aza_http__cancel(c->h);
}

/* ---- selection ---- */
static int add_type(aza_collect *c, const char *t, size_t n)
{
	for (size_t i = 0; i < c->ntypes; i++)
		if (strlen(c->types[i]) == n && aza__strnieq(c->types[i], t, n))
			return 0;
	if (c->ntypes == c->captypes) {
		size_t k = c->captypes ? c->captypes * 2 : 64;
		char **v = aza__realloc(c->types, k * sizeof *v);
		if (!v)
			return AZA_ENOMEM;
		c->types = v;
		c->captypes = k;
	}
	char *s = aza_arena__strndup(&c->strs, t, n);
	if (!s)
		return AZA_ENOMEM;
	c->types[c->ntypes++] = s;
	return 0;
}

/* A type and the parents it hangs under ("A/b/c/d": A/b/c, A/b). An
 * extension type ("A/b/providers/M.N/x") hangs under A/b: "A/b/providers"
 * and "A/b/providers/M.N" are no types, and listing them in the Resource
 * Graph filter only lengthens the query. */
static int add_types(aza_collect *c, const char *list)
{
	for (const char *p = list ? list : ""; *p;) {
		size_t n = strcspn(p, " ");
		if (n) {
			int slashes = 0;
			size_t seg = 0; /* start of the segment that ends at i */
			int after_providers = 0;
			for (size_t i = 0; i < n; i++) {
				if (p[i] != '/')
					continue;
				int providers = i - seg == 9 && aza__strnieq(p + seg, "providers", 9);
				if (++slashes >= 2 && !providers && !after_providers && add_type(c, p, i))
					return AZA_ENOMEM;
				after_providers = providers;
				seg = i + 1;
			}
			if (add_type(c, p, n))
				return AZA_ENOMEM;
		}
		p += n;
		while (*p == ' ')
			p++;
	}
	return 0;
}

int aza_collect_select(aza_collect *c, const aza_scan *s)
{
	c->selected = 1;
	c->ntypes = 0;
	c->want_dir = 0;
	for (size_t i = 0; i < aza_rule_count(); i++) {
		const aza_rule *r = aza_rule_at(i);
		if (!aza_scan__selected(s, r))
			continue;
		if (r->scope == AZA_SCOPE_TENANT)
			c->want_dir = 1;
		if (add_types(c, aza_rule_types(r)) || add_types(c, r->needs))
			return aza__err(c->ctx, AZA_ENOMEM, "out of memory");
	}
	return 0;
}

int aza_coll__wants(const aza_collector *c, const char *type)
{
	if (!c->selected)
		return 1;
	for (size_t i = 0; i < c->ntypes; i++)
		if (aza__strieq(c->types[i], type))
			return 1;
	return 0;
}

/* ---- shared with arm.c and graph.c ---- */
const char *aza_coll__arm(const aza_collector *c)
{
	return c->arm;
}

const char *aza_coll__graph(const aza_collector *c)
{
	return c->graph;
}

int aza_coll__graph_on(const aza_collector *c)
{
	return c->graph_on;
}

int aza_coll__group_new(aza_collector *c, const char *key)
{
	uint64_t hv = aza__ihash(key, strlen(key)) | 1;
	if (c->ngroups * 2 >= c->capgroups) {
		size_t n = c->capgroups ? c->capgroups * 2 : 256;
		uint64_t *v = aza__malloc(n * sizeof *v);
		if (!v)
			return -1;
		memset(v, 0, n * sizeof *v);
		for (size_t i = 0; i < c->capgroups; i++)
			if (c->groups[i]) {
				size_t k = c->groups[i] & (n - 1);
				while (v[k])
					k = (k + 1) & (n - 1);
				v[k] = c->groups[i];
			}
		aza__free(c->groups);
		c->groups = v;
		c->capgroups = n;
	}
	size_t k = hv & (c->capgroups - 1);
	while (c->groups[k]) {
		if (c->groups[k] == hv)
			return 0;
		k = (k + 1) & (c->capgroups - 1);
	}
	if (c->ngroups >= AZA_MAX_GROUP_READS)
		return -1;
	c->groups[k] = hv;
	c->ngroups++;
	return 1;
}

aza_http *aza_coll__http(aza_collector *c)
{
	return c->h;
}

const aza_stg_cfg *aza_coll__stg(const aza_collector *c)
{
	return &c->stg;
}

void **aza_coll__stg_state(aza_collector *c)
{
	return &c->stg_state;
}

int aza_coll__kv_on(const aza_collector *c)
{
	return c->kv_on;
}

const char *aza_coll__kv_endpoint(const aza_collector *c)
{
	return c->kv_ep;
}

const char *aza_coll__kv_suffix(const aza_collector *c)
{
	return c->kv_suffix;
}

void **aza_coll__kv_state(aza_collector *c)
{
	return &c->kv_state;
}

void aza_coll__emit_late(aza_collector *c, const char *json, size_t len)
{
	aza_buf__add(&c->late, json, len);
	aza_buf__addc(&c->late, 0);
}

static void emit_late_all(aza_collect *c)
{
	for (size_t off = 0; c->late.p && off < c->late.len;) {
		size_t n = strlen(c->late.p + off);
		aza_arena_mark m = aza_arena__mark(&c->ar);
		aza_json *j;
		aza_jerr je;
		if (!aza_json__parse_all(&c->ar, c->late.p + off, n, &j, &je))
			aza_coll__emit(c, j);
		aza_arena__reset(&c->ar, m);
		off += n + 1;
	}
}

void aza_coll__dataplane(aza_collector *c, const char *section, const char *json, size_t len)
{
	int kv = !strcmp(section, "keyvault");
	aza_buf *b = kv ? &c->dp_keyvault : &c->dp_storage;
	if ((*(kv ? &c->dp_nkeyvault : &c->dp_nstorage))++)
		aza_buf__addc(b, ',');
	aza_buf__adds(b, "\n");
	aza_buf__add(b, json, len);
}

char *aza_coll__printf(aza_collector *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = aza_arena__vprintf(&c->strs, fmt, ap);
	va_end(ap);
	return s;
}

void aza_coll__dataset(aza_collector *c, const char *type)
{
	if (!aza_coll__wants(c, type) && !aza__strieq(type, "Microsoft.Resources/subscriptions"))
		return;
	for (size_t i = 0; i < c->nds; i++)
		if (aza__strieq(c->ds[i], type))
			return;
	if (c->nds == c->capds) {
		size_t n = c->capds ? c->capds * 2 : 64;
		char **v = aza__realloc(c->ds, n * sizeof *v);
		if (!v)
			return;
		c->ds = v;
		c->capds = n;
	}
	char *s = aza_arena__strdup(&c->strs, type);
	if (s)
		c->ds[c->nds++] = s;
}

void aza_coll__error(aza_collector *c, const char *scope, const char *type, const char *api, int status,
                     const char *message)
{
	if (c->nerrs == c->caperrs) {
		size_t n = c->caperrs ? c->caperrs * 2 : 32;
		cerror *v = aza__realloc(c->errs, n * sizeof *v);
		if (!v)
			return;
		c->errs = v;
		c->caperrs = n;
	}
	cerror *e = &c->errs[c->nerrs];
	e->scope = aza_arena__strdup(&c->strs, scope ? scope : "");
	e->type = aza_arena__strdup(&c->strs, type ? type : "");
	e->api = aza_arena__strdup(&c->strs, api ? api : "");
	e->message = aza_arena__strndup(&c->strs, message ? message : "", message ? strnlen(message, 400) : 0);
	e->status = status;
	if (e->scope && e->type && e->api && e->message)
		c->nerrs++;
}

/* ---- output ---- */
static void out_write(aza_collect *c, const char *p, size_t n)
{
	if (c->out_err || !n)
		return;
	if (gzwrite(c->out, p, (unsigned)n) != (int)n)
		c->out_err = 1;
}

static void out_str(aza_collect *c, const char *s)
{
	out_write(c, s, strlen(s));
}

static int seen_add(aza_collect *c, const char *id)
{
	uint64_t hv = aza__ihash(id, strlen(id)) | 1;
	if (c->nseen * 2 >= c->capseen) {
		size_t n = c->capseen ? c->capseen * 2 : 4096;
		uint64_t *v = aza__malloc(n * sizeof *v);
		if (!v)
			return 1; /* cannot dedupe: keep the resource */
		memset(v, 0, n * sizeof *v);
		for (size_t i = 0; i < c->capseen; i++)
			if (c->seen[i]) {
				size_t k = c->seen[i] & (n - 1);
				while (v[k])
					k = (k + 1) & (n - 1);
				v[k] = c->seen[i];
			}
		aza__free(c->seen);
		c->seen = v;
		c->capseen = n;
	}
	size_t k = hv & (c->capseen - 1);
	while (c->seen[k]) {
		if (c->seen[k] == hv)
			return 0;
		k = (k + 1) & (c->capseen - 1);
	}
	c->seen[k] = hv;
	c->nseen++;
	return 1;
}

/* Write one ARM object as a snapshot resource; ids lacking the leading
 * slash (subscription diagnostic settings) get it. */
void aza_coll__emit(aza_collector *c, const aza_json *o)
{
	const char *id = aza_json_str(aza_json_get(o, "id"));
	if (!aza_json_is(o, AZA_JOBJ) || !id || !*id)
		return;
	char *fixed = NULL;
	if (id[0] != '/')
		fixed = aza_arena__printf(&c->ar, "/%s", id);
	if (!seen_add(c, fixed ? fixed : id))
		return;
	aza_buf b;
	aza_buf__init(&b, AZA_MAX_VALUE);
	aza_buf__adds(&b, c->nres ? ",\n" : "\n");
	aza_buf__addc(&b, '{');
	int first = 1;
	aza_json_each(m, o) {
		if (!first)
			aza_buf__addc(&b, ',');
		first = 0;
		aza_buf__json_str(&b, m->key);
		aza_buf__addc(&b, ':');
		if (fixed && aza__strieq(m->key, "id"))
			aza_buf__json_str(&b, fixed);
		else
			aza_json__write(&b, m);
	}
	aza_buf__addc(&b, '}');
	if (b.oom)
		c->out_err = 1;
	else
		out_write(c, b.p, b.len);
	aza_buf__release(&b);
	c->nres++;
}

/* The per-group directory data sets, by walk kind: each entry is
 * {"groupId", <list>: [the walk's items]}. */
static const struct per_group {
	int kind;
	const char *key, *list, *toobig;
} per_group[N_PER_GROUP] = {
	{AZA_WALK_GRAPH_MEMBERS, AZA_GROUP_MEMBERS, "members", "the group's users exceed the size limit of one data set"},
	{AZA_WALK_GRAPH_ELIGIBLE, AZA_GROUP_ELIGIBILITY, "eligible",
	 "the group's eligible members and owners exceed the size limit of one data set"},
};

static const struct per_group *per_group_of(int kind)
{
	for (size_t i = 0; i < sizeof per_group / sizeof per_group[0]; i++)
		if (per_group[i].kind == kind)
			return &per_group[i];
	return NULL;
}

static struct dir *dir_slot(aza_collect *c, const char *key)
{
	for (size_t i = 0; i < c->ndirs; i++)
		if (!strcmp(c->dirs[i].key, key))
			return &c->dirs[i];
	if (c->ndirs >= MAX_DIRS)
		return NULL;
	struct dir *d = &c->dirs[c->ndirs++];
	d->key = aza_arena__strdup(&c->strs, key);
	aza_buf__init(&d->json, AZA_MAX_VALUE);
	return d;
}

/* ---- walks ---- */
static void walk_free(aza_walk *w)
{
	aza_buf__release(&w->dir);
	aza__free(w->then);
	aza__free(w->name);
	aza__free(w);
}

/* A walk whose page request was dropped by a cancel. */
static void walk_drop(void *ud)
{
	walk_free(ud);
}

/* "code: message" from an ARM or Graph error body, else a short excerpt. */
static void error_text(aza_collect *c, const aza_hresp *r, char *out, size_t cap)
{
	if (!r->status) {
		snprintf(out, cap, "%s", r->err);
		return;
	}
	aza_arena_mark m = aza_arena__mark(&c->ar);
	aza_json *j;
	aza_jerr je;
	out[0] = 0;
	if (r->len && !aza_json__parse_all(&c->ar, r->body, r->len, &j, &je)) {
		const aza_json *e = aza_json_get(j, "error");
		const char *code = aza_json_str(aza_json_get(e, "code"));
		const char *msg = aza_json_str(aza_json_get(e, "message"));
		if (!code && !msg)
			msg = aza_json_str(e);
		snprintf(out, cap, "%s%s%s", code ? code : "", code && msg ? ": " : "", msg ? msg : "");
	}
	aza_arena__reset(&c->ar, m);
	if (!out[0])
		snprintf(out, cap, "HTTP %ld", r->status);
}

static int submit_page(aza_collect *c, aza_walk *w, const char *url, const char *skip);

/* The group read before its users: its displayName, when Graph gives one,
 * names the group in messages (an Azure role assignment carries only its
 * principalId). It is no evidence a verdict rests on, so a refusal, a
 * missing group or an odd body records nothing: the users' read that
 * follows has its own errors. */
static int group_name_cb(aza_collect *c, aza_walk *w, const aza_hresp *r)
{
	if (r->status >= 200 && r->status <= 299) {
		aza_arena_mark m = aza_arena__mark(&c->ar);
		aza_json *j = NULL;
		aza_jerr je;
		if (aza_json__parse_all(&c->ar, r->body, r->len, &j, &je)) {
			j = NULL;
			if (!r->last) {
				aza_arena__reset(&c->ar, m);
				return AZA_HTTP_RETRY;
			}
		}
		const char *dn = j ? aza_json_str(aza_json_get(j, "displayName")) : NULL;
		if (dn && *dn)
			w->name = aza__strdup(dn);
		aza_arena__reset(&c->ar, m);
	}
	char *url = w->then;
	w->then = NULL;
	/* The cast the users' read makes is an advanced query. */
	w->header = "ConsistencyLevel: eventual";
	if (submit_page(c, w, url, NULL)) {
		aza_coll__error(c, w->scope, w->type, w->api, 0, "out of memory");
		walk_free(w);
	}
	aza__free(url);
	return 0;
}

/* Record a failed call. A Resource Graph batch that fails is recorded
 * against each of its subscriptions, never against the tenant. */
static void arg_error(aza_collect *c, aza_walk *w, int status, const char *msg)
{
	if (w->kind != AZA_WALK_ARG || strcmp(w->scope, "/")) {
		aza_coll__error(c, w->scope, w->type, w->api, status, msg);
		return;
	}
	aza_arena_mark m = aza_arena__mark(&c->ar);
	aza_json *j;
	aza_jerr je;
	if (!aza_json__parse_all(&c->ar, w->post, strlen(w->post), &j, &je))
		aza_json_each(s, aza_json_get(j, "subscriptions")) {
			char *scope = aza_arena__printf(&c->ar, "/subscriptions/%s", aza_json_str(s));
			aza_coll__error(c, scope, "", w->api, status, msg);
		}
	aza_arena__reset(&c->ar, m);
}

static int walk_cb(void *ud, const aza_hresp *r)
{
	aza_walk *w = ud;
	aza_collect *c = w->c;
	char msg[512];
	if (w->then)
		return group_name_cb(c, w, r);
	if (r->status < 200 || r->status > 299) {
		error_text(c, r, msg, sizeof msg);
		arg_error(c, w, (int)r->status, msg);
		walk_free(w);
		return 0;
	}
	aza_arena_mark m = aza_arena__mark(&c->ar);
	aza_json *j;
	aza_jerr je;
	if (aza_json__parse_all(&c->ar, r->body, r->len, &j, &je) || !aza_json_is(j, AZA_JOBJ)) {
		aza_arena__reset(&c->ar, m);
		if (!r->last)
			return AZA_HTTP_RETRY;
		snprintf(msg, sizeof msg, "the response is not a JSON object (%zu bytes; truncated or invalid)", r->len);
		arg_error(c, w, (int)r->status, msg);
		walk_free(w);
		return 0;
	}
	const char *next = NULL, *skip = NULL;
	switch (w->kind) {
	case AZA_WALK_ONE:
		aza_coll__emit(c, j);
		if (w->each)
			w->each(c, j);
		break;
	case AZA_WALK_LIST:
	case AZA_WALK_ARG: {
		const aza_json *arr = aza_json_get(j, w->kind == AZA_WALK_ARG ? "data" : "value");
		/* A list response without its list proves nothing about what the
		 * list holds: recorded, not read as empty. */
		if (!aza_json_is(arr, AZA_JARR)) {
			aza_coll__error(c, w->scope, w->type, w->api, (int)r->status,
			                arr ? "unexpected response shape" : "unexpected response shape (no list in the response)");
			break;
		}
		aza_json_each(it, arr) {
			if (c->listing_subs) {
				w->each(c, it);
				continue;
			}
			if (w->kind == AZA_WALK_ARG && c->selected) {
				const char *t = aza_json_str(aza_json_get(it, "type"));
				if (!t || !aza_coll__wants(c, t))
					continue;
			}
			aza_coll__emit(c, it);
			if (w->each)
				w->each(c, it);
		}
		if (w->kind == AZA_WALK_ARG)
			skip = aza_json_str(aza_json_get(j, "$skipToken"));
		else
			next = aza_json_str(aza_json_get(j, "nextLink"));
		break;
	}
	case AZA_WALK_GRAPH:
	case AZA_WALK_GRAPH_MEMBERS:
	case AZA_WALK_GRAPH_ELIGIBLE: {
		const aza_json *arr = aza_json_get(j, "value");
		if (!aza_json_is(arr, AZA_JARR)) {
			/* Not a list: nothing proves what the set holds (it was
			 * written as an empty list before). */
			arg_error(c, w, (int)r->status, "unexpected response shape (no \"value\" array)");
			aza_arena__reset(&c->ar, m);
			walk_free(w);
			return 0;
		}
		aza_json_each(it, arr) {
			if (w->dir_items++)
				aza_buf__addc(&w->dir, ',');
			aza_json__write(&w->dir, it);
			if (w->each)
				w->each(c, it);
		}
		next = aza_json_str(aza_json_get(j, "@odata.nextLink"));
		break;
	}
	case AZA_WALK_GRAPH_ONE: {
		struct dir *d = dir_slot(c, w->type);
		if (d) {
			d->json.len = 0;
			aza_json__write(&d->json, j);
		}
		break;
	}
	}
	if (next && !*next)
		next = NULL;
	if (skip && !*skip)
		skip = NULL;
	int rc = 0;
	if (next || skip) {
		const char *link = next ? next : skip;
		uint64_t hv = aza__ihash(link, strlen(link));
		int loop = 0;
		for (size_t i = 0; i < w->nseen; i++)
			loop |= w->seen[i] == hv;
		if (loop) {
			arg_error(c, w, (int)r->status,
			          "paging stopped: the service returned a next page link it had already returned");
			rc = -1;
		} else if (++w->pages >= c->max_pages) {
			snprintf(msg, sizeof msg, "paging stopped after %d pages (limit)", c->max_pages);
			arg_error(c, w, (int)r->status, msg);
			rc = -1;
		} else {
			w->seen[w->nseen++ % (sizeof w->seen / sizeof w->seen[0])] = hv;
			if (w->nseen > sizeof w->seen / sizeof w->seen[0])
				w->nseen = sizeof w->seen / sizeof w->seen[0];
			char *url = next ? aza__strdup(next) : NULL;
			char *sk = skip ? aza__strdup(skip) : NULL;
			aza_arena__reset(&c->ar, m);
			if ((next && !url) || (skip && !sk) || submit_page(c, w, url, sk)) {
				aza_coll__error(c, w->scope, w->type, w->api, 0, "out of memory");
				aza__free(url);
				aza__free(sk);
				walk_free(w);
				return 0;
			}
			aza__free(url);
			aza__free(sk);
			return 0;
		}
	}
	aza_arena__reset(&c->ar, m);
	const struct per_group *pgk = per_group_of(w->kind);
	if (pgk && rc == 0 && w->dir.oom) {
		aza_coll__error(c, w->scope, w->type, w->api, 0, pgk->toobig);
	} else if (pgk && rc == 0) {
		aza_buf *o = &c->pg[pgk - per_group].json;
		aza_buf__adds(o, c->pg[pgk - per_group].n++ ? ",\n{\"groupId\":" : "\n{\"groupId\":");
		/* The walk's scope is the group's path, /groups/{id}. */
		aza_buf__json_str(o, aza__istarts(w->scope, "/groups/") ? w->scope + 8 : w->scope);
		if (w->name) {
			aza_buf__adds(o, ",\"displayName\":");
			aza_buf__json_str(o, w->name);
		}
		aza_buf__printf(o, ",\"%s\":[", pgk->list);
		aza_buf__add(o, w->dir.p ? w->dir.p : "", w->dir.len);
		aza_buf__adds(o, "]}");
	}
	if (w->kind == AZA_WALK_GRAPH && rc == 0) {
		struct dir *d = dir_slot(c, w->type);
		if (d) {
			d->json.len = 0;
			aza_buf__addc(&d->json, '[');
			aza_buf__add(&d->json, w->dir.p ? w->dir.p : "", w->dir.len);
			aza_buf__addc(&d->json, ']');
		}
	}
	walk_free(w);
	return 0;
}

static int submit_page(aza_collect *c, aza_walk *w, const char *url, const char *skip)
{
	aza_hreq_opts o;
	memset(&o, 0, sizeof o);
	o.cb = walk_cb;
	o.ud = w;
	o.drop = walk_drop;
	o.aud = w->aud;
	o.header = w->header;
	if (w->kind == AZA_WALK_ARG) {
		/* The query body again, with the page's $skipToken in its options. */
		aza_buf b;
		aza_buf__init(&b, (size_t)1 << 24);
		size_t n = strlen(w->post);
		aza_buf__add(&b, w->post, n - 1); /* without the final '}' */
		aza_buf__printf(&b, ",\"options\":{\"resultFormat\":\"objectArray\",\"$top\":%d", c->arg_top);
		if (skip) {
			aza_buf__adds(&b, ",\"$skipToken\":");
			aza_buf__json_str(&b, skip);
		}
		aza_buf__adds(&b, "}}");
		aza_buf__addc(&b, 0);
		if (b.oom) {
			aza_buf__release(&b);
			return AZA_ENOMEM;
		}
		o.method = "POST";
		o.url = aza_coll__printf(c, "%s/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01", c->arm);
		o.body = b.p;
		int rc = o.url ? aza_http__submit(c->h, &o) : AZA_ENOMEM;
		aza_buf__release(&b);
		return rc;
	}
	o.url = url;
	/* An ARM list action (config/metadata/list) is a POST without a body. */
	if (w->kind == AZA_WALK_ONE && aza__iends(w->api, "/list"))
		o.method = "POST";
	return aza_http__submit(c->h, &o);
}

static aza_walk *walk_new(aza_collect *c, int kind, const char *scope, const char *type, const char *api)
{
	aza_walk *w = aza__malloc(sizeof *w);
	if (!w)
		return NULL;
	memset(w, 0, sizeof *w);
	w->c = c;
	w->kind = kind;
	w->scope = scope;
	w->type = type;
	w->api = api;
	w->aud = kind == AZA_WALK_GRAPH || kind == AZA_WALK_GRAPH_ONE || per_group_of(kind) ? AZA_AUD_GRAPH : AZA_AUD_ARM;
	/* The cast to microsoft.graph.user is an advanced query: Graph wants
	 * ConsistencyLevel eventual with $count=true (the URL has it). */
	if (kind == AZA_WALK_GRAPH_MEMBERS)
		w->header = "ConsistencyLevel: eventual";
	aza_buf__init(&w->dir, AZA_MAX_VALUE);
	return w;
}

/* The path of a call, for error records. */
static const char *walk_api(aza_collect *c, const char *url)
{
	const char *p = strstr(url, "://");
	p = p ? strchr(p + 3, '/') : url;
	return aza_coll__printf(c, "%.*s", (int)strcspn(p ? p : "/", "?"), p ? p : "/");
}

int aza_coll__walk(aza_collector *c, int kind, const char *url, const char *scope, const char *type,
                   void (*each)(aza_collector *, const aza_json *))
{
	const char *api = walk_api(c, url);
	aza_walk *w = api ? walk_new(c, kind, scope, type, api) : NULL;
	if (!w)
		return AZA_ENOMEM;
	w->each = each;
	aza_coll__dataset(c, type);
	int rc = submit_page(c, w, url, NULL);
	if (rc)
		walk_free(w);
	return rc;
}

int aza_coll__walk_members(aza_collector *c, const char *name_url, const char *url, const char *scope, const char *type)
{
	const char *api = walk_api(c, url);
	aza_walk *w = api ? walk_new(c, AZA_WALK_GRAPH_MEMBERS, scope, type, api) : NULL;
	if (!w)
		return AZA_ENOMEM;
	w->then = aza__strdup(url);
	w->header = NULL; /* set again for the users' read */
	aza_coll__dataset(c, type);
	int rc = w->then ? submit_page(c, w, name_url, NULL) : AZA_ENOMEM;
	if (rc)
		walk_free(w);
	return rc;
}

int aza_coll__arg(aza_collector *c, const char *body, const char *scope)
{
	aza_walk *w = walk_new(c, AZA_WALK_ARG, scope, "", "/providers/Microsoft.ResourceGraph/resources");
	if (!w)
		return AZA_ENOMEM;
	w->post = aza_arena__strdup(&c->strs, body);
	w->each = aza_arm__resource;
	int rc = w->post ? submit_page(c, w, NULL, NULL) : AZA_ENOMEM;
	if (rc)
		walk_free(w);
	return rc;
}

/* ---- subscriptions ---- */
/* Add subscription id to a list (once, ids compare as Azure compares
 * them). Out of memory is remembered: a subscription silently left out
 * would be a part of the tenant nobody audits. */
static struct sub *sub_add(aza_collector *c, struct sub **v, size_t *n, size_t *cap, const char *id, const char *name)
{
	for (size_t i = 0; i < *n; i++)
		if (aza__strieq((*v)[i].id, id))
			return NULL;
	if (*n == *cap) {
		size_t k = *cap ? *cap * 2 : 16;
		struct sub *w = aza__realloc(*v, k * sizeof *w);
		if (!w) {
			c->subs_oom = 1;
			return NULL;
		}
		*v = w;
		*cap = k;
	}
	struct sub *s = &(*v)[*n];
	s->id = aza_arena__strdup(&c->strs, id);
	s->name = aza_arena__strdup(&c->strs, name ? name : "");
	s->mg = NULL;
	if (!s->id || !s->name) {
		c->subs_oom = 1;
		return NULL;
	}
	(*n)++;
	return s;
}

static void on_sub(aza_collector *c, const aza_json *it)
{
	const char *id = aza_json_str(aza_json_get(it, "subscriptionId"));
	const char *tid = aza_json_str(aza_json_get(it, "tenantId"));
	if (!id)
		return;
	sub_add(c, &c->subs, &c->nsubs, &c->capsubs, id, aza_json_str(aza_json_get(it, "displayName")));
	if (tid && !c->tenant_seen)
		c->tenant_seen = aza_arena__strdup(&c->strs, tid);
}

/* ---- management groups ---- */
static struct mg *mg_find(aza_collect *c, const char *name)
{
	for (size_t i = 0; i < c->nmgs; i++)
		if (aza__strieq(c->mgs[i].name, name))
			return &c->mgs[i];
	return NULL;
}

static struct mg *mg_add(aza_collect *c, const char *name, const char *display, const char *parent, int requested)
{
	struct mg *g = mg_find(c, name);
	if (!g) {
		if (c->nmgs == c->capmgs) {
			size_t n = c->capmgs ? c->capmgs * 2 : 16;
			struct mg *v = aza__realloc(c->mgs, n * sizeof *v);
			if (!v)
				return NULL;
			c->mgs = v;
			c->capmgs = n;
		}
		g = &c->mgs[c->nmgs];
		memset(g, 0, sizeof *g);
		if (!(g->name = aza_arena__strdup(&c->strs, name)))
			return NULL;
		c->nmgs++;
	}
	g->requested |= requested;
	if (display && !g->display)
		g->display = aza_arena__strdup(&c->strs, display);
	if (parent && !g->parent)
		g->parent = aza_arena__strdup(&c->strs, parent);
	return g;
}

/* The group name of a management group id (or the id itself). */
static const char *mg_name(const char *id)
{
	return id && aza__istarts(id, MG_PREFIX) ? id + strlen(MG_PREFIX) : id;
}

/* One item of GET .../managementGroups/{id}/descendants: a subscription or
 * a management group, at any depth below the group asked for. */
static void on_mg_item(aza_collector *c, const aza_json *it)
{
	const char *type = aza_json_str(aza_json_get(it, "type"));
	const char *id = aza_json_str(aza_json_get(it, "id"));
	const char *name = aza_json_str(aza_json_get(it, "name"));
	const char *display = aza_json_str(aza_json_path(it, "properties.displayName"));
	const char *parent = mg_name(aza_json_str(aza_json_path(it, "properties.parent.id")));
	if (!type || !id)
		return;
	if (aza__strieq(type, "Microsoft.Management/managementGroups/subscriptions") || aza__strieq(type, "/subscriptions")) {
		const char *sid = aza__istarts(id, "/subscriptions/") ? id + 15 : name;
		if (!sid || !*sid || strchr(sid, '/'))
			return;
		struct sub *s = sub_add(c, &c->mgsubs, &c->nmgsubs, &c->capmgsubs, sid, display);
		if (s && parent && !(s->mg = aza_arena__strdup(&c->strs, parent)))
			c->subs_oom = 1;
	} else if (aza__strieq(type, "Microsoft.Management/managementGroups")) {
		const char *g = mg_name(id);
		if (g && *g && !strchr(g, '/'))
			mg_add(c, g, display, parent, 0);
	}
}

/* Did listing this management group's descendants fail? */
static int mg_failed(aza_collect *c, const char *name)
{
	char *scope = aza_arena__printf(&c->ar, MG_PREFIX "%s", name);
	int f = 0;
	for (size_t i = 0; scope && i < c->nerrs && !f; i++)
		f = aza__strieq(c->errs[i].scope, scope) && aza__strieq(c->errs[i].type, "Microsoft.Management/managementGroups");
	return f;
}

/* The scope: every subscription the identity can read, or the union of the
 * --subscription ones and those below each --management-group. A
 * subscription below a group that the identity cannot list is kept (last,
 * not collected) with an error, so its rules report UNKNOWN. */
static int resolve_scope(aza_collect *c)
{
	if (c->subs_oom)
		return aza__err(c->ctx, AZA_ENOMEM, "out of memory listing subscriptions");
	c->ncoll = c->nsubs;
	if (!c->nwant && !c->nmg_want)
		return 0;
	struct sub *keep = aza__malloc((c->nsubs + c->nmgsubs + 1) * sizeof *keep);
	if (!keep)
		return aza__err(c->ctx, AZA_ENOMEM, "out of memory");
	size_t k = 0;
	for (size_t i = 0; i < c->nsubs; i++) {
		int want = 0;
		for (size_t j = 0; j < c->nwant && !want; j++)
			want = aza__strieq(c->want[j], c->subs[i].id) || !strcmp(c->want[j], c->subs[i].name);
		for (size_t j = 0; j < c->nmgsubs; j++)
			if (aza__strieq(c->mgsubs[j].id, c->subs[i].id)) {
				c->subs[i].mg = c->mgsubs[j].mg;
				want = 1;
				break;
			}
		if (want)
			keep[k++] = c->subs[i];
	}
	for (size_t j = 0; j < c->nwant; j++) {
		int found = 0, byname = 0;
		for (size_t i = 0; i < k; i++) {
			found += aza__strieq(c->want[j], keep[i].id) || !strcmp(c->want[j], keep[i].name);
			byname += !strcmp(c->want[j], keep[i].name);
		}
		if (!found) {
			char *scope = aza_arena__printf(&c->strs, "/subscriptions/%s", c->want[j]);
			aza_coll__error(c, scope, "", "/subscriptions", 404,
			                "subscription not found or not readable by this identity");
			if (c->ctx->warn)
				aza__warn(c->ctx, "subscription '%s' is not visible to this identity", c->want[j]);
		} else if (byname > 1) {
			aza__warn(c->ctx, "subscription name '%s' matches %d subscriptions: collecting all of them "
			          "(give ids to choose)", c->want[j], byname);
		}
	}
	c->ncoll = k;
	for (size_t j = 0; j < c->nmgsubs; j++) {
		int seen = 0;
		for (size_t i = 0; i < c->nsubs && !seen; i++)
			seen = aza__strieq(c->mgsubs[j].id, c->subs[i].id);
		if (seen)
			continue;
		keep[k++] = c->mgsubs[j];
		char *scope = aza_arena__printf(&c->strs, "/subscriptions/%s", c->mgsubs[j].id);
		char *msg = aza_arena__printf(&c->strs, "subscription below management group '%s' is not in this "
		                              "identity's subscription list: it cannot be read",
		                              c->mgsubs[j].mg ? c->mgsubs[j].mg : "?");
		aza_coll__error(c, scope, "", "/subscriptions", 403, msg ? msg : "subscription not readable");
	}
	aza__free(c->subs);
	c->subs = keep;
	c->nsubs = k;
	c->capsubs = k + 1;
	return 0;
}

static void http_log(void *ud, const char *line)
{
	aza_collect *c = ud;
	if (c->log)
		c->log(c->log_ud, line);
}

static void http_progress(void *ud, const aza_http_stats *hs, size_t active, size_t queued)
{
	aza_collect *c = ud;
	if (!c->progress)
		return;
	aza_collect_stats st = c->st;
	st.requests = hs->requests;
	st.retries = hs->retries;
	st.throttled = hs->throttled;
	st.resources = c->nres;
	c->progress(c->progress_ud, &st, active, queued);
}

void aza_collect_set_progress(aza_collect *c,
                              void (*fn)(void *ud, const aza_collect_stats *st, size_t in_flight, size_t queued),
                              void *ud)
{
	c->progress = fn;
	c->progress_ud = ud;
}

static int run_phase(aza_collect *c)
{
	int rc = aza_http__run(c->h);
	if (rc || c->cancel)
		return aza__err(c->ctx, AZA_EIO, "collection interrupted");
	return 0;
}

static void write_tail(aza_collect *c, const char *method, double secs)
{
	aza_buf b;
	aza_buf__init(&b, (size_t)1 << 30);
	aza_buf__adds(&b, "\n],\n\"directory\":{");
	for (size_t i = 0; i < c->ndirs; i++) {
		if (i)
			aza_buf__addc(&b, ',');
		aza_buf__adds(&b, "\n");
		aza_buf__json_str(&b, c->dirs[i].key);
		aza_buf__addc(&b, ':');
		aza_buf__add(&b, c->dirs[i].json.p ? c->dirs[i].json.p : "null", c->dirs[i].json.p ? c->dirs[i].json.len : 4);
	}
	aza_buf__adds(&b, "},\n");
	if (c->dp_nstorage || c->dp_nkeyvault) {
		if (c->dp_storage.oom || c->dp_keyvault.oom)
			c->out_err = 1;
		aza_buf__adds(&b, "\"dataplane\":{");
		if (c->dp_nstorage) {
			aza_buf__adds(&b, "\"storage\":[");
			aza_buf__add(&b, c->dp_storage.p, c->dp_storage.len);
			aza_buf__adds(&b, c->dp_nkeyvault ? "\n]," : "\n]");
		}
		if (c->dp_nkeyvault) {
			aza_buf__adds(&b, "\"keyvault\":[");
			aza_buf__add(&b, c->dp_keyvault.p, c->dp_keyvault.len);
			aza_buf__adds(&b, "\n]");
		}
		aza_buf__adds(&b, "},\n");
	}
	aza_buf__adds(&b, "\"errors\":[");
	for (size_t i = 0; i < c->nerrs; i++) {
		cerror *e = &c->errs[i];
		aza_buf__adds(&b, i ? ",\n{\"scope\":" : "\n{\"scope\":");
		aza_buf__json_str(&b, e->scope);
		aza_buf__adds(&b, ",\"type\":");
		aza_buf__json_str(&b, e->type);
		aza_buf__adds(&b, ",\"api\":");
		aza_buf__json_str(&b, e->api);
		aza_buf__printf(&b, ",\"status\":%d,\"message\":", e->status);
		aza_buf__json_str(&b, e->message);
		aza_buf__addc(&b, '}');
	}
	aza_buf__adds(&b, "],\n\"meta\":{\"tenant_id\":");
	aza_buf__json_str(&b, c->tenant_seen ? c->tenant_seen : c->tenant ? c->tenant : "");
	char ts[32];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
	aza_buf__printf(&b, ",\"collected_at\":\"%s\",\"method\":\"live\",\"tool\":\"azaudit %s\",\"cloud\":", ts,
	                AZA_VERSION);
	aza_buf__json_str(&b, c->cloud);
	aza_buf__adds(&b, ",\"auth\":");
	aza_buf__json_str(&b, method);
	aza_buf__adds(&b, ",\"subscriptions\":[");
	for (size_t i = 0; i < c->nsubs; i++) {
		aza_buf__adds(&b, i ? ",{\"id\":" : "{\"id\":");
		aza_buf__json_str(&b, c->subs[i].id);
		aza_buf__adds(&b, ",\"name\":");
		aza_buf__json_str(&b, c->subs[i].name);
		if (c->subs[i].mg) {
			aza_buf__adds(&b, ",\"management_group\":");
			aza_buf__json_str(&b, c->subs[i].mg);
		}
		if (i >= c->ncoll)
			aza_buf__adds(&b, ",\"collected\":false");
		aza_buf__addc(&b, '}');
	}
	if (c->nmg_want) {
		/* The groups asked for and every group below them, with their parents. */
		aza_buf__adds(&b, "],\"management_groups\":[");
		for (size_t i = 0; i < c->nmgs; i++) {
			struct mg *g = &c->mgs[i];
			aza_buf__adds(&b, i ? ",{\"id\":" : "{\"id\":");
			char *gid = aza_arena__printf(&c->ar, MG_PREFIX "%s", g->name);
			aza_buf__json_str(&b, gid ? gid : "");
			aza_buf__adds(&b, ",\"name\":");
			aza_buf__json_str(&b, g->name);
			if (g->display) {
				aza_buf__adds(&b, ",\"displayName\":");
				aza_buf__json_str(&b, g->display);
			}
			if (g->parent) {
				aza_buf__adds(&b, ",\"parent\":");
				aza_buf__json_str(&b, g->parent);
			}
			aza_buf__printf(&b, ",\"requested\":%s,\"read\":%s}", g->requested ? "true" : "false",
			                mg_failed(c, g->name) ? "false" : "true");
		}
	}
	aza_buf__adds(&b, "],\"datasets\":[");
	for (size_t i = 0; i < c->nds; i++) {
		if (i)
			aza_buf__addc(&b, ',');
		aza_buf__json_str(&b, c->ds[i]);
	}
	const aza_http_stats *hs = aza_http__stats(c->h);
	aza_buf__printf(&b, "],\"stats\":{\"requests\":%zu,\"retries\":%zu,\"throttled\":%zu,\"resources\":%zu,"
	                "\"errors\":%zu,\"seconds\":%.3f}}}\n", hs->requests, hs->retries, hs->throttled, c->nres,
	                c->nerrs, secs);
	if (b.oom)
		c->out_err = 1;
	else
		out_write(c, b.p, b.len);
	aza_buf__release(&b);
}

static double mono(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int aza_collect_run(aza_collect *c, const char *path)
{
	double t0 = mono();
	free_run(c);
	c->nsubs = 0;
	c->ncoll = 0;
	c->nmgs = 0;
	c->nmgsubs = 0;
	c->nerrs = 0;
	c->nds = 0;
	c->nres = 0;
	c->out_err = 0;
	c->tenant_seen = NULL;
	aza__free(c->pub);
	c->pub = NULL;
	memset(&c->st, 0, sizeof c->st);
	const struct cloud *cl = find_cloud(c->cloud);
	const char *arm = c->arm ? c->arm : cl->arm;
	const char *graph = c->graph ? c->graph : cl->graph;
	if ((arm != c->arm && set_str(&c->arm, arm)) || (graph != c->graph && set_str(&c->graph, graph)) ||
	    (!c->storage_suffix && set_str(&c->storage_suffix, cl->suffix)))
		return aza__err(c->ctx, AZA_ENOMEM, "out of memory");
	c->stg.suffix = c->storage_suffix;
	for (int i = 0; i < 3; i++)
		c->stg.ep[i] = c->stg_ep[i];
	aza_buf__init(&c->dp_storage, (size_t)1 << 30);
	aza_buf__init(&c->dp_keyvault, (size_t)1 << 30);
	c->kv_suffix = cl->kv_suffix;
	aza_buf__init(&c->late, (size_t)1 << 30);
	for (size_t i = 0; i < N_PER_GROUP; i++)
		aza_buf__init(&c->pg[i].json, (size_t)1 << 30);
	c->graph_on = c->want_graph && (!c->selected || c->want_dir);
	c->h = aza_http__new(&c->hcfg);
	if (!c->h)
		return aza__err(c->ctx, AZA_ENOMEM, "cannot start the HTTP engine");
	aza_http__set_log(c->h, http_log, c);
	aza_http__set_progress(c->h, http_progress, c);
	if (c->cancel)
		aza_http__cancel(c->h);
	aza_auth_cfg ac;
	memset(&ac, 0, sizeof ac);
	ac.method = c->method;
	ac.authority = c->authority ? c->authority : cl->authority;
	ac.tenant = c->tenant;
	ac.scope[AZA_AUD_ARM] = cl->arm_scope;
	ac.scope[AZA_AUD_GRAPH] = cl->graph_scope;
	ac.scope[AZA_AUD_STORAGE] = "https://storage.azure.com/.default";
	ac.scope[AZA_AUD_KEYVAULT] = cl->kv_scope;
	char err[512];
	c->auth = aza_auth__new(c->h, &ac, err, sizeof err);
	if (!c->auth)
		return aza__err(c->ctx, AZA_EUSAGE, "collect: %s", err);
	aza_http__set_token(c->h, aza_auth__token, c->auth);
	/* Fail early, with the credential's own message, when no token comes. */
	const char *tok;
	if (aza_auth__token(c->auth, AZA_AUD_ARM, 0, &tok, err, sizeof err))
		return aza__err(c->ctx, AZA_EIO, "collect: cannot authenticate: %s", err);

	/* The output: a temp file beside the final name. */
	size_t pl = strlen(path);
	int gz = pl > 3 && !strcmp(path + pl - 3, ".gz");
	aza_outfile of;
	if (aza__outfile_open(&of, path) != 0)
		return aza__err(c->ctx, AZA_EIO, "cannot create %s: %s", path, strerror(errno));
	c->out = gzdopen(of.fd, gz ? "wb6" : "wbT");
	if (!c->out) {
		aza__outfile_close(&of, 0, 0);
		return aza__err(c->ctx, AZA_EIO, "cannot write %s", path);
	}
	out_str(c, "{\"snapshot_version\":\"" AZA_SNAPSHOT_VERSION "\",\n\"resources\":[");

	/* 1. Subscriptions, and those below each management group asked for
	 * (descendants lists every level: child groups and their subscriptions). */
	int rc;
	c->listing_subs = 1;
	rc = aza_coll__walk(c, AZA_WALK_LIST, aza_coll__printf(c, "%s/subscriptions?api-version=2022-12-01", c->arm),
	                    "/", "Microsoft.Resources/subscriptions", on_sub);
	for (size_t i = 0; !rc && i < c->nmg_want; i++) {
		if (!mg_add(c, c->mg_want[i], NULL, NULL, 1))
			rc = aza__err(c->ctx, AZA_ENOMEM, "out of memory");
		const char *scope = aza_coll__printf(c, MG_PREFIX "%s", c->mg_want[i]);
		const char *url = aza_coll__printf(c, "%s%s/descendants?api-version=2020-05-01", c->arm, scope ? scope : "");
		if (!rc && (!scope || !url))
			rc = aza__err(c->ctx, AZA_ENOMEM, "out of memory");
		if (!rc)
			rc = aza_coll__walk(c, AZA_WALK_LIST, url, scope, "Microsoft.Management/managementGroups", on_mg_item);
	}
	if (!rc)
		rc = run_phase(c);
	c->listing_subs = 0;
	if (!rc)
		rc = resolve_scope(c);
	if (!rc && !c->nsubs && !c->nerrs)
		aza__warn(c->ctx, "the identity can read no subscription");
	/* 2. Everything else, concurrently. */
	for (size_t i = 0; !rc && i < c->ncoll; i += (size_t)c->arg_batch) {
		aza_buf q;
		aza_buf__init(&q, (size_t)1 << 24);
		aza_buf__adds(&q, "{\"subscriptions\":[");
		size_t end = i + (size_t)c->arg_batch < c->ncoll ? i + (size_t)c->arg_batch : c->ncoll;
		for (size_t k = i; k < end; k++) {
			if (k > i)
				aza_buf__addc(&q, ',');
			aza_buf__json_str(&q, c->subs[k].id);
		}
		aza_buf__adds(&q, "],\"query\":\"Resources");
		if (c->selected) {
			/* Only the rows of the types the selected rules read (and their parents). */
			aza_buf__adds(&q, " | where type in~ (");
			int n = 0;
			for (size_t t = 0; t < c->ntypes; t++) {
				if (strchr(c->types[t], '\'') || strchr(c->types[t], '"') || strchr(c->types[t], '\\'))
					continue;
				aza_buf__printf(&q, "%s'%s'", n++ ? "," : "", c->types[t]);
			}
			if (!n)
				aza_buf__adds(&q, "''");
			aza_buf__adds(&q, ")");
		}
		aza_buf__adds(&q, " | order by id asc\"}");
		aza_buf__addc(&q, 0);
		/* A failed batch is recorded against each of its subscriptions. */
		const char *scope = end - i == 1 ? aza_coll__printf(c, "/subscriptions/%s", c->subs[i].id) : "/";
		rc = q.oom ? AZA_ENOMEM : aza_coll__arg(c, q.p, scope);
		aza_buf__release(&q);
	}
	for (size_t i = 0; !rc && i < c->ncoll; i++)
		aza_arm__subscription(c, c->subs[i].id);
	/* Policy and role assignments at each group (also at a group whose
	 * descendants could not be listed: each failure is its own record). */
	for (size_t i = 0; !rc && i < c->nmgs; i++)
		aza_arm__management_group(c, c->mgs[i].name);
	if (!rc && c->graph_on)
		aza_graph__start(c);
	if (!rc)
		rc = run_phase(c);
	if (!rc) {
		emit_late_all(c);
		aza_keyvault__finish(c);
		aza_arm__datasets(c);
		/* The per-group data sets, each group whose call succeeded: []
		 * when no group holds a role. */
		for (size_t i = 0; c->graph_on && i < N_PER_GROUP; i++) {
			struct dir *d = dir_slot(c, per_group[i].key);
			if (!d)
				continue;
			d->json.len = 0;
			aza_buf__addc(&d->json, '[');
			aza_buf__add(&d->json, c->pg[i].json.p ? c->pg[i].json.p : "", c->pg[i].json.len);
			aza_buf__adds(&d->json, "\n]");
			if (c->pg[i].json.oom || d->json.oom)
				c->out_err = 1;
		}
	}
	const aza_http_stats *hs = aza_http__stats(c->h);
	c->st.seconds = mono() - t0;
	if (!rc)
		write_tail(c, aza_auth__method(c->auth), c->st.seconds);
	c->st.requests = hs->requests;
	c->st.retries = hs->retries;
	c->st.throttled = hs->throttled;
	c->st.refreshes = hs->refreshes;
	c->st.resources = c->nres;
	c->st.subscriptions = c->ncoll;
	c->st.errors = c->nerrs;
	int cerr = gzclose(c->out);
	c->out = NULL;
	if (!rc && (c->out_err || cerr != Z_OK))
		rc = aza__err(c->ctx, AZA_EIO, "cannot write %s", path);
	if (aza__outfile_close(&of, !rc, 1) != 0 && !rc)
		rc = aza__err(c->ctx, AZA_EIO, "cannot write %s into place: %s", path, strerror(errno));
	return rc;
}

void aza_collect_stats_get(const aza_collect *c, aza_collect_stats *out)
{
	*out = c->st;
}

size_t aza_collect_error_count(const aza_collect *c)
{
	return c->nerrs;
}

const aza_collect_error *aza_collect_error_at(aza_collect *c, size_t i)
{
	if (i >= c->nerrs)
		return NULL;
	if (!c->pub) {
		c->pub = aza__malloc((c->nerrs ? c->nerrs : 1) * sizeof *c->pub);
		if (!c->pub)
			return NULL;
		for (size_t k = 0; k < c->nerrs; k++) {
			cerror *e = &c->errs[k];
			c->pub[k].scope = e->scope;
			c->pub[k].type = e->type;
			c->pub[k].api = e->api;
			c->pub[k].status = e->status;
			c->pub[k].message = e->message;
			c->pub[k].permission = aza_coll__permission(e->type, e->api, e->status, e->message);
		}
	}
	return &c->pub[i];
}
