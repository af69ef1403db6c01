/*
 * azaudit.h - the public API of libazaudit, an Azure security posture auditor.
 *
 * How to use it:
 *   aza_ctx *ctx = aza_ctx_new();             // configuration, error message
 *   aza_scan *s = aza_scan_new(ctx);           // one scan: inventory + findings
 *   aza_scan_add_path(s, "tenant.json");       // any number of inputs
 *   aza_scan_run(s);                            // evaluate the rule catalogue
 *   for (i = 0; i < aza_scan_count(s); i++) use(aza_scan_finding(s, i));
 *   aza_scan_free(s); aza_ctx_free(ctx);
 *
 * Conventions:
 *   - Fallible functions return 0 on success or a negative AZA_E* code; the
 *     message is kept on the context: aza_errmsg(ctx). It names the file and
 *     the position when the failure is about input.
 *   - The library never aborts and never prints; out of memory is AZA_ENOMEM.
 *   - Strings returned by the library are owned by the object they came from
 *     (the scan for findings, the static catalogue for rules) and stay valid
 *     until that object is freed.
 */
#ifndef AZAUDIT_H
#define AZAUDIT_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define AZA_API __attribute__((visibility("default")))
#else
#define AZA_API
#endif

#define AZA_VERSION "0.1.0"
#define AZA_JSON_SCHEMA_VERSION "1.0"
#define AZA_SNAPSHOT_VERSION "1.0"

/* Error codes. The list only grows; values are never reused. */
enum {
	AZA_OK = 0,
	AZA_ENOMEM = -1,  /* an allocation failed */
	AZA_EIO = -2,     /* a file could not be opened, read or written */
	AZA_EPARSE = -3,  /* input is not valid JSON (or gzip, or UTF-8) */
	AZA_EINPUT = -4,  /* valid JSON of the wrong shape */
	AZA_ELIMIT = -5,  /* input exceeds a documented limit (size, depth) */
	AZA_EUSAGE = -6,  /* bad argument: unknown rule, format, option value */
	AZA_ENOTFOUND = -7 /* named thing does not exist (rule id, file) */
};

typedef enum {
	AZA_PASS = 0,
	AZA_FAIL,
	AZA_MANUAL,
	AZA_UNKNOWN,
	AZA_NOT_APPLICABLE,
	AZA_SUPPRESSED, /* a FAIL/UNKNOWN/MANUAL accepted by a suppression entry */
	AZA_STATUS_COUNT
} aza_status;

typedef enum {
	AZA_SEV_INFO = 0,
	AZA_SEV_LOW,
	AZA_SEV_MEDIUM,
	AZA_SEV_HIGH,
	AZA_SEV_CRITICAL
} aza_severity;

/* Audit areas, in the order of the reference checklist. */
typedef enum {
	AZA_AREA_IAM = 0,
	AZA_AREA_STORAGE,
	AZA_AREA_DATABASE,
	AZA_AREA_NETWORK,
	AZA_AREA_LOGGING,
	AZA_AREA_VM,
	AZA_AREA_DEFENDER,
	AZA_AREA_KEYVAULT,
	AZA_AREA_APPSERVICE,
	AZA_AREA_OTHER, /* services outside the nine areas (Databricks, AKS...) */
	AZA_AREA_COUNT
} aza_area;

/* Shared responsibility areas a rule checks. */
typedef enum {
	AZA_RESP_DATA = 0,     /* data governance and rights management */
	AZA_RESP_ENDPOINTS,    /* client endpoints */
	AZA_RESP_ACCOUNTS,     /* accounts and access management */
	AZA_RESP_IDENTITY,     /* identity and directory infrastructure */
	AZA_RESP_APPLICATIONS, /* applications */
	AZA_RESP_NETWORK,      /* network controls */
	AZA_RESP_OS,           /* operating system */
	AZA_RESP_COUNT
} aza_resp;

/* Service models, as a bit set. */
enum { AZA_IAAS = 1, AZA_PAAS = 2, AZA_SAAS = 4 };

typedef struct aza_ctx aza_ctx;
typedef struct aza_scan aza_scan;
typedef struct aza_rule aza_rule;

/* One verdict of one rule on one resource (or subscription, or tenant). */
typedef struct aza_finding {
	const aza_rule *rule;
	aza_status status;
	const char *resource_id;   /* ARM id; "/subscriptions/X" for scope rules */
	const char *resource_type; /* canonical ARM type */
	const char *resource_name; /* full hierarchical name: "server/db" */
	const char *subscription_id; /* "" when tenant-wide */
	const char *location;      /* "" when not known */
	const char *message;       /* names the evidence */
	const char *source;        /* input file the resource came from */
	unsigned long line;        /* 1-based line of the resource in source, 0 if unknown */
	/* Triage, filled by aza_scan_suppress() and aza_scan_baseline(). */
	aza_status suppressed_status; /* SUPPRESSED: the verdict it replaced */
	const char *suppress_reason;  /* SUPPRESSED: the entry's reason; else NULL */
	const char *suppress_owner;   /* SUPPRESSED: the entry's owner, or NULL */
	const char *suppress_expires; /* SUPPRESSED: the entry's expiry date, or NULL */
	int baseline;                 /* AZA_BASELINE_* */
	/* Template resources (0 / NULL for other inputs): */
	unsigned long column;      /* 1-based column of the resource object in source */
	const char *pointer;       /* JSON pointer to the resource: "/resources/3/resources/0" */
	/* An inline suppression in the template ("metadata": {"azaudit": {"suppress":
	 * [{"rule": ID, "reason": TEXT}]}}) names this rule: its reason, else NULL.
	 * The status is kept; reports show the finding as suppressed. */
	const char *suppressed_reason;
	/* FAIL findings on template resources: where the property the verdict
	 * read last is written (its value, or the object that lacks it): 1-based
	 * line and column, and its JSON pointer in the evaluated resource
	 * ("/resources/0/properties/supportsHttpsTrafficOnly"); 0 / NULL when
	 * there is none. */
	unsigned long prop_line, prop_column;
	const char *prop_pointer;
} aza_finding;

/* Baseline comparison of a finding (aza_scan_baseline). */
enum { AZA_BASELINE_NONE = 0, AZA_BASELINE_NEW = 1, AZA_BASELINE_UNCHANGED = 2 };

/* ---- context ---- */
AZA_API aza_ctx *aza_ctx_new(void);                 /* NULL only when out of memory */
AZA_API void aza_ctx_free(aza_ctx *ctx);
AZA_API const char *aza_errmsg(const aza_ctx *ctx); /* last error, "" if none */
/* Load a configuration file (JSON, see docs/config.md). */
AZA_API int aza_ctx_load_config(aza_ctx *ctx, const char *path);
/* Warnings are reported to this hook (default: none kept). */
AZA_API void aza_ctx_set_warn(aza_ctx *ctx, void (*fn)(void *ud, const char *msg), void *ud);

/* ---- rule catalogue ---- */
AZA_API size_t aza_rule_count(void);
AZA_API const aza_rule *aza_rule_at(size_t i);
AZA_API const aza_rule *aza_rule_find(const char *id); /* case-insensitive; NULL if none */
AZA_API const char *aza_rule_id(const aza_rule *r);
AZA_API const char *aza_rule_title(const aza_rule *r);
AZA_API aza_area aza_rule_area(const aza_rule *r);
AZA_API int aza_rule_level(const aza_rule *r);
AZA_API aza_severity aza_rule_severity(const aza_rule *r);
AZA_API aza_resp aza_rule_resp(const aza_rule *r);
AZA_API unsigned aza_rule_models(const aza_rule *r);
AZA_API const char *aza_rule_checklist(const aza_rule *r); /* space-separated keys */
AZA_API const char *aza_rule_cis(const aza_rule *r);       /* "6.0.0:9.3.4 5.0.0:3.1" */
AZA_API const char *aza_rule_rationale(const aza_rule *r);
AZA_API const char *aza_rule_portal(const aza_rule *r);    /* remediation: portal steps */
AZA_API const char *aza_rule_cli(const aza_rule *r);       /* remediation: az command */
AZA_API const char *aza_rule_arm(const aza_rule *r);       /* remediation: ARM/Bicep property */
AZA_API const char *aza_rule_manual(const aza_rule *r);    /* steps to verify by hand, or "" */
AZA_API const char *aza_rule_types(const aza_rule *r);     /* resource types it reads */
AZA_API const char *aza_rule_defaults(const aza_rule *r);  /* documented default/absence semantics */
AZA_API int aza_rule_is_manual(const aza_rule *r);

AZA_API const char *aza_status_name(aza_status s);     /* "PASS", ... */
AZA_API const char *aza_severity_name(aza_severity s); /* "high", ... */
AZA_API int aza_severity_parse(const char *s, aza_severity *out);
AZA_API int aza_status_parse(const char *s, aza_status *out);
AZA_API const char *aza_area_name(aza_area a);         /* "storage", ... */
AZA_API const char *aza_area_title(aza_area a);        /* "Storage accounts" */
AZA_API int aza_area_parse(const char *s, aza_area *out);
AZA_API const char *aza_resp_name(aza_resp r);
AZA_API const char *aza_model_name(unsigned model_bit);

/* ---- scan ---- */
AZA_API aza_scan *aza_scan_new(aza_ctx *ctx);
AZA_API void aza_scan_free(aza_scan *s);
/* Add an input: a file (JSON, JSON Lines, gzip), a directory (every *.json,
 * *.jsonl and *.json.gz below it) or "-" for standard input. */
AZA_API int aza_scan_add_path(aza_scan *s, const char *path);
/* Add an in-memory input; name is used in messages. The buffer is copied. */
AZA_API int aza_scan_add_buffer(aza_scan *s, const char *name, const char *data, size_t len);

/* ARM template inputs: "parameters" (a parameter file for every template;
 * default: x.parameters.json beside x.json), "subscription", "resource-group",
 * "location", "tenant", "management-group" (placeholders used to build ids;
 * docs/templates.md). The value
 * string must outlive the scan. Call before adding inputs. */
AZA_API int aza_scan_template_option(aza_scan *s, const char *key, const char *value);

/* Rule selection; all default to "everything". Call before aza_scan_run. */
AZA_API void aza_scan_select_level(aza_scan *s, int max_level);
AZA_API int aza_scan_select_rules(aza_scan *s, const char *csv);  /* ids or globs */
AZA_API int aza_scan_select_areas(aza_scan *s, const char *csv);
AZA_API void aza_scan_select_min_severity(aza_scan *s, aza_severity sev);

/* Reference time for date rules (key ages, expiries), Unix seconds; default
 * now, or AZAUDIT_NOW from the environment. Tests pin it. */
AZA_API void aza_scan_set_now(aza_scan *s, double unix_seconds);
/* A date ("2026-11-01": its midnight UTC) or RFC 3339 date-time
 * ("2026-11-01T12:00:00Z", fractions and offsets allowed), read strictly:
 * nothing may follow, and the calendar is checked. 0 and *unix_seconds,
 * or -1. The rules read the dates of the input the same way. */
AZA_API int aza_parse_time(const char *s, double *unix_seconds);

AZA_API int aza_scan_run(aza_scan *s);
AZA_API size_t aza_scan_count(const aza_scan *s);
/* Finding i (0 <= i < aza_scan_count), or NULL. The scan keeps findings
 * compactly and makes the struct on access: the pointer is valid until the
 * next aza_scan_finding call on the same scan. Copy the struct to keep it;
 * its strings stay valid until the scan is freed. Not for concurrent calls
 * from several threads on one scan. */
AZA_API const aza_finding *aza_scan_finding(const aza_scan *s, size_t i);

/* Inventory facts, for summaries. */
typedef struct aza_scan_stats {
	size_t resources;         /* resources read */
	size_t resources_known;   /* of a type some rule or model reads */
	size_t unknown_types;     /* distinct types nobody reads */
	size_t subscriptions;
	size_t input_errors;      /* collection gaps recorded in snapshots */
	size_t inputs;            /* files read */
	unsigned models_in_use;   /* AZA_IAAS | AZA_PAAS | AZA_SAAS */
	double bytes;             /* input bytes (uncompressed) */
} aza_scan_stats;
AZA_API void aza_scan_stats_get(const aza_scan *s, aza_scan_stats *out);
/* Tenant id recorded in the inputs, or "". */
AZA_API const char *aza_scan_tenant(const aza_scan *s);

/* Display name of a subscription recorded in the inputs, or "". */
AZA_API const char *aza_scan_subscription_name(const aza_scan *s, const char *sub_id);

/* ---- triage (call after aza_scan_run, before writing reports) ---- */
/* Apply a suppressions file (JSON, docs/suppressions.md): every FAIL, UNKNOWN
 * or MANUAL finding an entry matches becomes SUPPRESSED with the entry's
 * reason. Expired entries do not apply and are warned about, as are entries
 * that matched nothing. Returns 0, or AZA_EIO/AZA_EPARSE/AZA_EINPUT. */
AZA_API int aza_scan_suppress(aza_scan *s, const char *path);
/* Compare with a previous JSON report: each finding gets baseline NEW or
 * UNCHANGED (matched by rule id + resource id, case-insensitively, never by
 * message); findings of the previous report that are gone are "resolved".
 * Only findings that were not PASS/NOT_APPLICABLE in the previous report
 * count as present there. */
AZA_API int aza_scan_baseline(aza_scan *s, const char *path);
/* Resolved findings: those the baseline reported that this scan does not. */
typedef struct aza_resolved {
	const char *rule_id;
	const char *resource_id;
	const char *status;  /* status in the baseline */
	const char *message; /* message in the baseline */
} aza_resolved;
AZA_API size_t aza_scan_resolved_count(const aza_scan *s);
AZA_API const aza_resolved *aza_scan_resolved(const aza_scan *s, size_t i);
/* 1 when aza_scan_baseline() was applied. */
AZA_API int aza_scan_has_baseline(const aza_scan *s);

/* ---- frameworks (data files mapping controls to rules) ---- */
/* Directory of installed data (frameworks/): $AZAUDIT_DATADIR, else the
 * compile-time AZA_DATADIR if it exists, else ./ (an uninstalled build). */
AZA_API const char *aza_datadir(void);
/* List the frameworks found ("text" or "json"). */
AZA_API int aza_frameworks_write(aza_ctx *ctx, const char *format, FILE *fp);
/* Report per control of a framework: name is a framework id
 * ("cis-azure-6.0.0") or a path to a framework file. Reports then carry a
 * per-control section (text, json, markdown, html). */
AZA_API int aza_scan_set_framework(aza_scan *s, const char *name);

/* Posture score: severity-weighted share of PASS among PASS+FAIL, 0..100,
 * or -1 when nothing was decided. See docs/scoring.md. */
AZA_API double aza_scan_score(const aza_scan *s);
/* Severity weight used by the score. */
AZA_API int aza_severity_weight(aza_severity sev);

/* ---- reports ---- */
typedef struct aza_report_opts {
	int color;              /* ANSI colours (text) */
	unsigned status_mask;   /* bit (1u << status) shown; 0 = all */
	int verbose;            /* text: also list PASS and NOT_APPLICABLE findings */
} aza_report_opts;
/* Formats: "text", "json", "sarif", "csv", "junit", "markdown", "ocsf"
 * (JSON array), "ocsf-jsonl" (JSON Lines), "html". Writes to fp once the
 * report is complete (it is made in a temporary file in $TMPDIR, or in
 * memory when none can be made): a report that fails writes nothing.
 * Returns 0, AZA_EIO or AZA_ENOMEM. */
AZA_API int aza_report_write(aza_scan *s, const char *format, const aza_report_opts *o, FILE *fp);
/* Write a report atomically to path (temp file in the same directory, then rename). */
AZA_API int aza_report_write_file(aza_scan *s, const char *format, const aza_report_opts *o,
                          const char *path);
AZA_API int aza_report_format_known(const char *format);
/* File name extension of a format ("sarif", "junit.xml"...), or NULL. */
AZA_API const char *aza_report_format_ext(const char *format);
/* Comma-separated list of every format name, for messages. */
AZA_API const char *aza_report_formats(void);

/* ---- internet exposure ----
 * What the internet can reach, computed offline from the inventory the way
 * Azure evaluates inbound traffic: a public IP on a NIC's IP configuration,
 * a public load balancer's load-balancing rules, inbound NAT rules and NAT
 * pools (frontend port translated to the backend port), scale set instance
 * public IPs; then the subnet's NSG and the NIC's NSG, both of which must
 * allow (no NSG allows; Standard SKU public IPs and load balancers are closed
 * when neither has one). Within an NSG, inbound rules by priority, first match
 * wins, then the default rules (none of which admits internet sources).
 * Application Gateways, Azure Firewall DNAT rules and Bastion hosts are
 * reported as fronting hops. docs/exposure.md has the details.
 *
 *   aza_scan *s = aza_scan_new(ctx); aza_scan_add_path(s, "tenant.json");
 *   const aza_exposure *x;
 *   if (aza_exposure_compute(s, &x) == 0)
 *       for (i = 0; i < aza_exposure_count(x); i++) use(aza_exposure_at(x, i));
 *
 * The result is owned by the scan (valid until aza_scan_free) and may be
 * computed before or after aza_scan_run. */
typedef struct aza_exposure aza_exposure;

/* One hop of a path, from the internet inwards. */
typedef struct aza_expo_hop {
	const char *kind;  /* "public-ip", "lb-rule", "lb-nat-rule", "lb-nat-pool",
	                      "subnet-nsg", "nic-nsg", "app-gateway", "firewall-dnat", "bastion" */
	const char *id;    /* resource or sub-resource id ("" when none: no NSG) */
	const char *name;  /* display name */
	const char *rule;  /* NSG hops: the rule that allowed it, "" when no NSG is attached */
	int priority;      /* NSG hops: that rule's priority (0 when none, or
	                      when it could not be read: docs/exposure.md) */
} aza_expo_hop;

/* A protocol and port range reachable from the internet, and why. */
typedef struct aza_expo_reach {
	const char *protocol;       /* "TCP", "UDP", "ICMP", "ESP/AH" */
	unsigned port_lo, port_hi;  /* destination ports on the resource */
	unsigned front_lo, front_hi; /* ports on the public frontend */
	double sources_v4;          /* internet IPv4 source addresses admitted; -1: not evaluated */
	double sources_v6;          /* internet IPv6 sources admitted, in /64s; -1: not evaluated */
	int any_source;             /* 1: every internet address */
	int wide;                   /* 1: a /16 (IPv6: /32) or more of internet sources, not an allow-list */
	int l7;                     /* 1: through an HTTP(S) proxy (Application Gateway) */
	const aza_expo_hop *hops;
	size_t nhops;
} aza_expo_reach;

/* An exposed endpoint: one IP configuration (or Bastion host) behind one
 * public frontend. */
typedef struct aza_expo_endpoint {
	const char *resource_id;    /* VM, scale set, NIC (or Bastion host) */
	const char *resource_type;
	const char *resource_name;
	const char *nic_id;         /* NIC or scale set NIC configuration; "" for Bastion */
	const char *ip_config;      /* IP configuration name */
	const char *private_ip;     /* "" when not known (scale sets, dynamic templates) */
	const char *frontend_id;    /* public IP resource id */
	const char *frontend;       /* "name (address)" */
	const char *via;            /* kind of the first hop */
	const char *note;           /* what could not be evaluated, "" when nothing */
	const aza_expo_reach *reach;
	size_t nreach;
} aza_expo_endpoint;

/* Compute (once; later calls return the same result) the exposure of the
 * scan's inputs. Returns 0, AZA_ENOMEM, or an input error. */
AZA_API int aza_exposure_compute(aza_scan *s, const aza_exposure **out);
AZA_API size_t aza_exposure_count(const aza_exposure *x);
AZA_API const aza_expo_endpoint *aza_exposure_at(const aza_exposure *x, size_t i);
/* Resources whose exposure could not be evaluated (i-th, NULL past the
 * last): *reason says why. */
AZA_API const char *aza_exposure_gap(const aza_exposure *x, size_t i, const char **reason);
/* Write "text" or "json"; 0, AZA_EUSAGE (format) or AZA_EIO. */
AZA_API int aza_exposure_write(const aza_exposure *x, const char *format, FILE *fp);

/* Catalogue listing ("text", "json", "markdown"). */
AZA_API int aza_catalog_write(aza_ctx *ctx, const char *format, FILE *fp);
AZA_API int aza_rule_explain(const aza_rule *r, FILE *fp);

/* ---- live collection (azaudit collect) ----
 *
 *   aza_collect *c = aza_collect_new(ctx);
 *   aza_collect_set(c, "subscription", "<id or name>");   // options, see below
 *   aza_collect_run(c, "snapshot.json.gz");                // writes atomically
 *   for (i = 0; i < aza_collect_error_count(c); i++) use(aza_collect_error_at(c, i));
 *   aza_collect_free(c);
 *
 * Credentials come from the environment, as in Azure's SDKs: AZURE_TENANT_ID,
 * AZURE_CLIENT_ID with AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or
 * AZURE_FEDERATED_TOKEN_FILE; IDENTITY_ENDPOINT/IDENTITY_HEADER (App Service)
 * or AZURE_POD_IDENTITY_AUTHORITY_HOST (instance metadata); otherwise the
 * Azure CLI's login. Endpoints default to the cloud's and may be overridden by
 * AZURE_AUTHORITY_HOST, AZAUDIT_ARM_ENDPOINT, AZAUDIT_GRAPH_ENDPOINT and
 * AZAUDIT_STORAGE_SUFFIX, or by options. Tokens stay in memory; they are never
 * logged, written or passed to a child process's argv. */
typedef struct aza_collect aza_collect;

/* One call that ended in failure; recorded in the snapshot's "errors" so the
 * rules that needed the data report UNKNOWN. Strings are owned by the collector. */
typedef struct aza_collect_error {
	const char *scope;      /* resource or subscription id; "/" for the tenant */
	const char *type;       /* ARM type or directory data set that is missing; "" for all */
	const char *api;        /* path of the call */
	int status;             /* HTTP status; 0 when no response came */
	const char *message;    /* the service's error code and message */
	const char *permission; /* what would let the call through */
} aza_collect_error;

typedef struct aza_collect_stats {
	size_t requests, retries, throttled, refreshes, resources, subscriptions, errors;
	double seconds;
} aza_collect_stats;

AZA_API aza_collect *aza_collect_new(aza_ctx *ctx); /* NULL only when out of memory */
AZA_API void aza_collect_free(aza_collect *c);
/* Set an option by name; values are strings. AZA_EUSAGE for an unknown name
 * or a bad value. Names: cloud (AzureCloud, AzureUSGovernment,
 * AzureChinaCloud), authority-host, arm-endpoint, graph-endpoint,
 * storage-suffix, auth (auto, secret, certificate, workload, msi, appservice,
 * cli), tenant, subscription (repeatable; id or display name), graph (on/off),
 * concurrency (per host), max-active, attempts, timeout (seconds),
 * retry-base-ms, retry-max-ms, max-response (bytes), max-pages, arg-batch
 * (subscriptions per Resource Graph query), page-size (Resource Graph $top). */
AZA_API int aza_collect_set(aza_collect *c, const char *name, const char *value);
/* Each request as "METHOD path status time" (no tokens, signatures blanked). */
AZA_API void aza_collect_set_log(aza_collect *c, void (*fn)(void *ud, const char *line), void *ud);
/* Progress while collecting, about four times a second: counters so far,
 * requests in flight and requests waiting (throttling shows as waiting). */
AZA_API void aza_collect_set_progress(aza_collect *c,
                                      void (*fn)(void *ud, const aza_collect_stats *st, size_t in_flight, size_t queued),
                                      void *ud);
/* Collect and write the snapshot to path (temp file + rename; gzip when path
 * ends in .gz). Failed calls are data, not errors: the run succeeds and
 * records them. Returns AZA_EUSAGE (no credential, bad option), AZA_EIO
 * (cannot authenticate, cannot write, cancelled) or AZA_ENOMEM. */
AZA_API int aza_collect_run(aza_collect *c, const char *path);
/* Collect only the data the rules selected in s need (their declared types
 * and the types they look up, the parents those hang under, Microsoft Graph
 * only for tenant rules, the storage data plane only for storage account
 * rules); meta.datasets then lists only what was collected, so rules left out
 * report UNKNOWN, never PASS. Call before aza_collect_run; s is only read. */
AZA_API int aza_collect_select(aza_collect *c, const aza_scan *s);
/* Stop a run from a signal handler; the run returns AZA_EIO and leaves no file. */
AZA_API void aza_collect_cancel(aza_collect *c);
AZA_API size_t aza_collect_error_count(const aza_collect *c);
AZA_API const aza_collect_error *aza_collect_error_at(aza_collect *c, size_t i);
AZA_API void aza_collect_stats_get(const aza_collect *c, aza_collect_stats *out);

#ifdef __cplusplus
}
#endif
#endif
