/*
 * collect.h - what the parts of live collection share: the HTTP engine
 * (http.c, the only file that includes curl), credentials (auth.c), the
 * collector state and the snapshot writer (collect.c), and the API walkers
 * (arm.c, graph.c, storage.c, keyvault.c). Nothing here is public.
 */
#ifndef AZA_COLLECT_H
#define AZA_COLLECT_H

#include "../lib/internal.h"

/* Token audiences. */
enum { AZA_AUD_NONE = 0, AZA_AUD_ARM, AZA_AUD_GRAPH, AZA_AUD_STORAGE, AZA_AUD_KEYVAULT, AZA_AUD_N };

/* ---- HTTP engine ---- */
typedef struct aza_http aza_http;

typedef struct aza_hresp {
	long status;        /* HTTP status, or 0 when no response was received */
	const char *body;   /* NUL-terminated; "" when none */
	size_t len;
	const char *err;    /* transport failure text when status is 0, else "" */
	int last;           /* no attempt remains: the callback must settle the call */
	double ms;          /* time of the final attempt */
} aza_hresp;

#define AZA_HTTP_RETRY 1 /* callback result: retry (a truncated or invalid body) */

/* Called once a call has a final answer (success, a status that is not
 * retried, or no attempt left). May submit more calls. */
typedef int (*aza_http_cb)(void *ud, const aza_hresp *r);

/* Adds header lines ('\n'-separated) to a request just before it is sent:
 * Shared Key signing, with the date of this attempt. 0, or -1 to fail it. */
typedef int (*aza_http_sign)(void *ud, const char *method, const char *url, aza_buf *out);

typedef struct aza_hreq_opts {
	const char *method;       /* "GET" (default) or "POST" */
	const char *url;
	const char *body;         /* POST body or NULL */
	const char *content_type; /* default application/json when body is set */
	int aud;                  /* AZA_AUD_*: adds "Authorization: Bearer" */
	const char *header;       /* extra header lines ('\n'-separated) or NULL */
	aza_http_sign sign;       /* or NULL */
	void *sign_ud;
	aza_http_cb cb;
	void *ud;
	/* Frees ud when the request is dropped without cb having run (the
	 * collection was cancelled); NULL: ud is owned elsewhere. */
	void (*drop)(void *ud);
} aza_hreq_opts;

/* Supplies the current token of an audience (force: discard the cached one).
 * *tok stays valid until the next call. Returns 0 or -1 with err filled. */
typedef int (*aza_token_fn)(void *ud, int aud, int force, const char **tok, char *err, size_t errlen);

typedef struct aza_http_cfg {
	int per_host;            /* concurrent transfers per host */
	int max_active;          /* concurrent transfers overall */
	int max_attempts;        /* attempts per call, including the first */
	long timeout_ms;         /* whole transfer */
	long retry_base_ms;      /* first backoff; doubles each attempt, with jitter */
	long retry_max_ms;       /* cap of one wait, also of Retry-After */
	size_t max_response;     /* bytes of one response body */
	/* Token buckets per API family (requests per second, burst); 0 = none. */
	double rate[3], burst[3]; /* AZA_FAM_ARM, AZA_FAM_ARG, AZA_FAM_GRAPH */
} aza_http_cfg;
enum { AZA_FAM_ARM = 0, AZA_FAM_ARG, AZA_FAM_GRAPH, AZA_FAM_N };

typedef struct aza_http_stats {
	size_t requests, retries, throttled, refreshes, failures;
	double wait_ms; /* time spent waiting for Retry-After / backoff (sum) */
	size_t paced;   /* starts delayed by a token bucket or a low remaining-reads header */
} aza_http_stats;

aza_http *aza_http__new(const aza_http_cfg *cfg);
void aza_http__free(aza_http *h);
void aza_http__set_token(aza_http *h, aza_token_fn fn, void *ud);
void aza_http__set_log(aza_http *h, void (*fn)(void *ud, const char *line), void *ud);
/* Called about four times a second while requests run: the counters so
 * far, requests in flight and requests waiting to start. */
typedef void (*aza_http_progress)(void *ud, const aza_http_stats *st, size_t active, size_t queued);
void aza_http__set_progress(aza_http *h, aza_http_progress fn, void *ud);
void aza_http__cancel(aza_http *h); /* async-signal-safe */
int aza_http__cancelled(const aza_http *h);
int aza_http__submit(aza_http *h, const aza_hreq_opts *o); /* 0 or AZA_ENOMEM */
int aza_http__run(aza_http *h);                              /* until idle; 0, or AZA_EIO when cancelled */
const aza_http_stats *aza_http__stats(const aza_http *h);
/* One call, synchronously, with the same retry policy (used for tokens). */
int aza_http__fetch(aza_http *h, const aza_hreq_opts *o, aza_buf *out, long *status, char *err,
                    size_t errlen);
/* Percent-encode s; caller frees with aza__free. NULL when out of memory. */
char *aza_http__escape(const char *s);

/* ---- credentials ---- */
typedef struct aza_auth aza_auth;
typedef struct aza_auth_cfg {
	const char *method;     /* NULL/"auto", "secret", "certificate", "workload", "msi", "appservice", "cli" */
	const char *authority;  /* authority host, no trailing slash */
	const char *tenant;     /* overrides AZURE_TENANT_ID */
	const char *scope[AZA_AUD_N]; /* "https://management.azure.com/.default" */
} aza_auth_cfg;
aza_auth *aza_auth__new(aza_http *h, const aza_auth_cfg *cfg, char *err, size_t errlen);
void aza_auth__free(aza_auth *a);
int aza_auth__token(void *ud, int aud, int force, const char **tok, char *err, size_t errlen);
const char *aza_auth__method(const aza_auth *a);
const char *aza_auth__tenant(const aza_auth *a);

/* ---- the collector ---- */
typedef struct aza_collect aza_collector;
/* A list walk: GET url (or POST body for Resource Graph; a single object
 * whose path ends in /list, such as a site's config/metadata/list, is a
 * POST without a body), follow paging, hand each item to the collector. */
typedef struct aza_walk {
	aza_collector *c;
	const char *scope;   /* resource id or "/" (tenant): where a failure applies */
	const char *type;    /* data set (ARM type or directory key) */
	const char *api;     /* path of the first page, for errors */
	int kind;            /* AZA_WALK_* */
	int aud;
	const char *post;    /* Resource Graph query body without $skipToken */
	const char *header;  /* extra request header lines, or NULL */
	void (*each)(aza_collector *c, const aza_json *item); /* ARM/ARG/Graph list items: child walks */
	/* private */
	int pages;
	uint64_t seen[64];
	size_t nseen;
	aza_buf dir; /* graph list: items so far */
	int dir_items;
	char *then;  /* AZA_WALK_GRAPH_MEMBERS read by name first: the users' URL, requested next */
	char *name;  /* the group's displayName, when that read gave one */
} aza_walk;
/* The per-group walks (scope: the group id), each appended to its
 * directory data set once every page is read; a failure is the group's own
 * error record. AZA_WALK_GRAPH_MEMBERS: the users of one group, as
 * {"groupId", "members"} in AZA_GROUP_MEMBERS; AZA_WALK_GRAPH_ELIGIBLE: the
 * principals eligible for its membership or ownership (Privileged Identity
 * Management for Groups), as {"groupId", "eligible"} in
 * AZA_GROUP_ELIGIBILITY. */
enum {
	AZA_WALK_LIST = 0,
	AZA_WALK_ONE,
	AZA_WALK_ARG,
	AZA_WALK_GRAPH,
	AZA_WALK_GRAPH_ONE,
	AZA_WALK_GRAPH_MEMBERS,
	AZA_WALK_GRAPH_ELIGIBLE
};
#define AZA_GROUP_MEMBERS "groupMembers"
#define AZA_GROUP_ELIGIBILITY "groupEligibility"

int aza_coll__walk(aza_collector *c, int kind, const char *url, const char *scope, const char *type,
                   void (*each)(aza_collector *, const aza_json *));
/* An AZA_WALK_GRAPH_MEMBERS walk that reads the group first (name_url,
 * GET /groups/{id}?$select=id,displayName) and then its users (url): the
 * entry carries the group's displayName when Graph gave one. A failed name
 * read is no error: the users are read all the same. */
int aza_coll__walk_members(aza_collector *c, const char *name_url, const char *url, const char *scope, const char *type);
int aza_coll__arg(aza_collector *c, const char *body, const char *scope);
const char *aza_coll__arm(const aza_collector *c);   /* endpoint, no trailing slash */
const char *aza_coll__graph(const aza_collector *c);
/* Are the Microsoft Graph walks part of this run? */
int aza_coll__graph_on(const aza_collector *c);
/* 1 the first time key (compared case-insensitively) is given, else 0;
 * -1 past the limit (AZA_MAX_GROUP_READS) or out of memory. graph.c keeps
 * one key per read of a group: its users, its eligible principals. */
int aza_coll__group_new(aza_collector *c, const char *key);
#define AZA_MAX_GROUP_READS 20000
void aza_coll__dataset(aza_collector *c, const char *type);
/* The selected rules need this type (always 1 without a selection). */
int aza_coll__wants(const aza_collector *c, const char *type);
void aza_coll__error(aza_collector *c, const char *scope, const char *type, const char *api, int status,
                     const char *message);
char *aza_coll__printf(aza_collector *c, const char *fmt, ...) AZA_PRINTF(2, 3); /* lives as long as c */

/* Write an ARM object as a snapshot resource (deduplicated by id). */
void aza_coll__emit(aza_collector *c, const aza_json *o);
/* Emit an object (JSON text) after every other call has ended, unless a
 * resource with its id was written: a fallback source never overrides
 * Resource Manager's own object. */
void aza_coll__emit_late(aza_collector *c, const char *json, size_t len);
/* Append one JSON object (text) to the snapshot's dataplane.<section>. */
void aza_coll__dataplane(aza_collector *c, const char *section, const char *json, size_t len);
aza_http *aza_coll__http(aza_collector *c);
/* Storage data plane options: see collect.c. */
typedef struct aza_stg_cfg {
	int mode;              /* AZA_STG_* */
	const char *ep[3];     /* per service (blob, queue, table): URL template with {account}, or NULL */
	const char *suffix;    /* endpoint suffix, e.g. core.windows.net */
} aza_stg_cfg;
enum { AZA_STG_OFF = 0, AZA_STG_ENTRA, AZA_STG_SHAREDKEY };
const aza_stg_cfg *aza_coll__stg(const aza_collector *c);
void **aza_coll__stg_state(aza_collector *c);
void aza_storage__free(void **state);
/* The members a service properties response body (xml, n bytes) gives the
 * data-plane entry (storage.c); 0, or -1 with the reason in why. */
int aza_storage__props_json(const char *xml, size_t n, aza_buf *out, char *why, size_t cap);

/* Data-plane endpoints (storage.c, shared by keyvault.c): https anywhere,
 * http only to a loopback host. aza_dp__endpoint writes into out (cap
 * bytes) the template tmpl with each field ("{account}") replaced by value,
 * or fallback as it is when tmpl is NULL, without trailing slashes; "" when
 * it does not fit or is not an allowed endpoint. */
int aza_dp__endpoint_ok(const char *url);
/* Is url's host a name under domain ("a.blob.core.windows.net" under
 * "core.windows.net"; not the domain itself, not "evil.com/x.core.windows.net",
 * no user part)? An endpoint a listing names is sent a token only then. */
int aza_dp__host_under(const char *url, const char *domain);
void aza_dp__endpoint(char *out, size_t cap, const char *tmpl, const char *field, const char *value,
                      const char *fallback);

/* Key Vault data plane options (collect.c) and state (keyvault.c). */
int aza_coll__kv_on(const aza_collector *c);
const char *aza_coll__kv_endpoint(const aza_collector *c); /* template with {vault}, or NULL */
const char *aza_coll__kv_suffix(const aza_collector *c);   /* vault.azure.net */
void **aza_coll__kv_state(aza_collector *c);
/* A vault row (Resource Graph): its certificates are listed, and its keys'
 * rotation policies read as the Resource Manager key list names them
 * (aza_keyvault__key, the each of that walk). */
void aza_keyvault__vault(aza_collector *c, const aza_json *item);
void aza_keyvault__key(aza_collector *c, const aza_json *item);
/* Once every call has ended: one dataplane.keyvault entry per vault. */
void aza_keyvault__finish(aza_collector *c);
void aza_keyvault__free(void **state);

/* xml.c: calls fn at each element's end with its path ("A/B/C", namespace
 * prefixes dropped) and its decoded text (NULL when it has child elements
 * or its text is too long). 0, or -1 when the input is not in the subset. */
typedef void (*aza_xml_fn)(void *ud, const char *path, const char *text);
int aza_xml__walk(const char *s, size_t n, aza_xml_fn fn, void *ud);

/* arm.c, graph.c, storage.c */
void aza_arm__subscription(aza_collector *c, const char *sub);
void aza_arm__resource(aza_collector *c, const aza_json *item);
void aza_arm__management_group(aza_collector *c, const char *name);
void aza_arm__datasets(aza_collector *c);
void aza_graph__start(aza_collector *c);
/* graph.c: an Azure role assignment (active or eligible) item; a group
 * principal's users are read (once per group). */
void aza_graph__role_item(aza_collector *c, const aza_json *item);
/* graph.c: what a refused Graph call needed, when only its status and
 * error code tell (NULL: the data set's usual need, aza_graph__need). */
const char *aza_graph__permission(const char *type, int status, const char *message);
const char *aza_graph__need(const char *type);
int aza_storage__children(aza_collector *c, const aza_json *item);
/* What would have let a failed call through (arm.c; Graph data sets from
 * graph.c): the one place the run summary and the errors ask. */
const char *aza_coll__permission(const char *type, const char *api, int status, const char *message);

#endif
