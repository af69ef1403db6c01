/*
 * rule.h - what a rule is and what it may call. Rules never see the input
 * format or the JSON parser internals: they get resources from the
 * inventory, read them with the aza_json_* accessors, and report verdicts
 * with aza_pass/aza_fail/aza_unknown/aza_manual.
 *
 * How to add a rule:
 *   1. Pick the area file src/rules/<area>.c and add a check function.
 *   2. Add an entry to that file's rule array (designated initializers; see
 *      the fields below). Ids are stable and never reused.
 *   3. Add fixtures under tests/rules/<RULE-ID>/ : pass.json, fail.json,
 *      unknown.json, each with an "expect" file (see tests/rules/README.md).
 *      tests/run-rules refuses a rule without all three.
 *   4. `make docs` regenerates docs/rules.md from the table.
 */
#ifndef AZA_RULE_H
#define AZA_RULE_H

#include "../lib/internal.h"
#include "../lib/inventory.h"
#include <string.h>

typedef struct aza_ev aza_ev;

/* What a rule is evaluated against. */
typedef enum {
	AZA_SCOPE_RESOURCE = 0, /* once per resource of each type in .types */
	AZA_SCOPE_SUBSCRIPTION, /* once per subscription */
	AZA_SCOPE_TENANT        /* once per scan */
} aza_scope;

/* A check reports one or more verdicts through the aza_* emitters. A check
 * that reports nothing gets an UNKNOWN "rule reached no verdict" from the
 * engine, so a forgotten branch can never become a silent PASS. */
typedef void (*aza_check_fn)(aza_ev *ev, const aza_res *r);

struct aza_rule {
	const char *id;        /* "AZA-STG-001": stable, never reused */
	const char *title;     /* what must be true: "Secure transfer is required" */
	aza_area area;
	int level;             /* 1 or 2 */
	aza_severity severity;
	aza_resp resp;         /* shared responsibility area checked */
	unsigned models;       /* AZA_IAAS | AZA_PAAS | AZA_SAAS of the resources read */
	aza_scope scope;
	const char *types;     /* space-separated types the rule is evaluated on (RESOURCE) */
	const char *needs;     /* space-separated types whose collection it depends on */
	/* SUBSCRIPTION and TENANT rules: what the verdict is about, the
	 * resources the rule judges or looks for, as opposed to those it only
	 * consults (each type is also in .needs). Space-separated entries:
	 *   TYPE        any resource of the type in the input;
	 *   @TYPE       the scope's own: directly under the subscription, or,
	 *               for a TENANT rule, in no subscription ('/', a
	 *               management group);
	 *   @@TYPE      (SUBSCRIPTION rules) the same, and in a template-only
	 *               scan also a management group's own: the check then
	 *               also runs on each management group the templates
	 *               deploy one to (a scope resource of type
	 *               Microsoft.Management/managementGroups, aza_is_mg),
	 *               since every subscription below it inherits what it
	 *               holds (policy assignments);
	 *   ...=NAME    only one named NAME (@Microsoft.Security/pricings=Arm),
	 *               or a template's whose name is only known at
	 *               deployment ("[parameters('plan')]"), which may be it.
	 * A template-only scan (no deployed data) that deploys none of them
	 * does not run the check: the rule is NOT_APPLICABLE, since every
	 * verdict would rest on what the scope holds outside the templates.
	 * NULL: nothing a template deploys (Microsoft Graph data). Resource
	 * rules judge their .types and leave this NULL. */
	const char *subject;
	const char *checklist; /* space-separated checklist keys */
	const char *cis;       /* "6.0.0:9.3.4 5.0.0:3.1" */
	const char *rationale;
	const char *portal;    /* remediation: portal steps */
	const char *cli;       /* remediation: az command */
	const char *arm;       /* remediation: ARM/Bicep property */
	const char *manual;    /* MANUAL rules: exact steps to verify by hand */
	const char *defaults;  /* how absence / API-version defaults are judged */
	aza_check_fn check;    /* NULL: a MANUAL rule (a subscription or tenant
	                        * one is NOT_APPLICABLE in a template-only scan:
	                        * there is no scope to verify) */
	const char *replaced_by; /* retired rules: the successor id */
};

/* One entry of a rule's .subject, "@TYPE=NAME" (the @, or @@, and =NAME
 * are optional): the type and name are not terminated, tl and nl long. */
typedef struct {
	int at;
	int mg; /* @@: also a management group's own */
	const char *type, *name; /* name NULL when the entry has none */
	size_t tl, nl;
} aza_subject;
/* The next entry of the subject list at *p, moving *p past it; 0 at the
 * end (catalog.c). */
int aza_rule__subject_next(const char **p, aza_subject *e);

/* The one rule table: the area arrays, in order (table.c, areas.h). */
const struct aza_rule *const *aza_rule_table__get(size_t *n);

/* ---- what checks may call ---- */

/* Verdicts. The message names the evidence; it is printf-formatted. */
void aza_pass(aza_ev *ev, const aza_res *r, const char *fmt, ...) AZA_PRINTF(3, 4);
void aza_fail(aza_ev *ev, const aza_res *r, const char *fmt, ...) AZA_PRINTF(3, 4);
void aza_unknown(aza_ev *ev, const aza_res *r, const char *fmt, ...) AZA_PRINTF(3, 4);
void aza_manual(aza_ev *ev, const aza_res *r, const char *fmt, ...) AZA_PRINTF(3, 4);
void aza_na(aza_ev *ev, const aza_res *r, const char *fmt, ...) AZA_PRINTF(3, 4);

/* The resource's JSON document (as Resource Manager returns it). */
const aza_json *aza_doc(aza_ev *ev, const aza_res *r);
/* Shorthand: aza_json_path(aza_doc(ev, r), path). */
const aza_json *aza_prop(aza_ev *ev, const aza_res *r, const char *path);

/* Typed property reads: 1 when present with the right type (value stored),
 * 0 when absent or null, -1 when present with another type (a rule should
 * then say UNKNOWN: the input is not what Azure returns). */
int aza_prop_bool(aza_ev *ev, const aza_res *r, const char *path, int *out);
int aza_prop_str(aza_ev *ev, const aza_res *r, const char *path, const char **out);
int aza_prop_num(aza_ev *ev, const aza_res *r, const char *path, double *out);

/* The last segment of an id ("" for NULL): a resource's or a role's name,
 * a GUID. */
static inline const char *aza_last_seg(const char *id)
{
	const char *s = id ? strrchr(id, '/') : NULL;
	return s ? s + 1 : (id ? id : "");
}

/* A resource read from an ARM template (it carries the apiVersion it is
 * deployed with), not from the tenant: its absent settings are the API's
 * defaults, not an incomplete export. */
static inline int aza_is_template(const aza_res *r)
{
	return r->api_version && *r->api_version;
}

/* A management group as the scope of a subscription rule (rule.h,
 * .subject "@@"): what it holds applies to every subscription below it. */
static inline int aza_is_mg(const aza_res *r)
{
	return r && !strcmp(r->type, AZA_MG_TYPE);
}

/* The scope a subscription rule runs on, for messages: "subscription" or
 * "management group". */
static inline const char *aza_scope_noun(const aza_res *r)
{
	return aza_is_mg(r) ? "management group" : "subscription";
}

/* A template resource whose apiVersion is only known at deployment (a
 * parameter without a default: the expander keeps its expression text,
 * "[parameters('v')]"). A rule that judges a default by the API version
 * must then say UNKNOWN: the text would sort after every date. */
static inline int aza_api_version_unknown(const aza_res *r)
{
	return r->api_version && r->api_version[0] == '[';
}

/* A template resource whose name is only known at deployment: it holds a
 * placeholder, the expression text of its unknown part
 * ("[parameters('plan')]"), so it may be the resource of any name. */
static inline int aza_name_unknown(const aza_res *r)
{
	return aza_is_template(r) && strchr(r->name, '[') != NULL;
}

/* For a firewall whose networkAcls.defaultAction is Deny (Key Vault,
 * Storage): reports FAIL when one of its ipRules ([{"value": "1.2.3.0/24"}])
 * opens it to the internet at large (an IPv4 prefix below /8, or every
 * address) and UNKNOWN when they cannot be read, and returns 1; returns 0,
 * reporting nothing, when the rules are an allow-list. */
int aza_deny_ip_rules_open(aza_ev *ev, const aza_res *r);
/* What aza_deny_ip_rules_open reads, for a list at another path (such as
 * "properties.networkRuleSet.ipRules"), reporting nothing: 1 when an IP rule
 * opens the firewall to the internet at large (*val names it, *all says it
 * admits every address), 0 when none does, -1 when the rules cannot be read
 * (*val says why). */
int aza_ip_rules_open(aza_ev *ev, const aza_res *r, const char *path, const char **val, int *all);
/* The same for a list whose rules hold the address under another member
 * (Event Hubs and Service Bus network rule sets: [{"ipMask": ...}]). */
int aza_ip_rules_open_at(aza_ev *ev, const aza_res *r, const char *path, const char *key, const char **val, int *all);

/* A setting object (path "properties.networkAcls") of another type than
 * an object or null: what it holds cannot be read, so its defaults say
 * nothing. Reports UNKNOWN ("networkAcls is not an object") and returns 1;
 * 0 otherwise, also for a template value only known at deployment, which
 * the engine reports for whatever the rule then reads through it. */
int aza_not_object(aza_ev *ev, const aza_res *r, const char *path);

/* properties.publicNetworkAccess, read one way for every resource type:
 * Enabled, Disabled, or SecuredByPerimeter (the access rules of a network
 * security perimeter allow or deny public traffic; Microsoft Learn, What is
 * a network security perimeter: in enforced mode only its inbound access
 * rules, which may list IP ranges and subscriptions, admit public traffic;
 * in transition mode the resource's own firewall still applies). So two
 * kinds of rule read it two ways:
 *   - "the public endpoint is disabled": only Disabled passes;
 *     SecuredByPerimeter keeps the endpoint and fails
 *     (aza_public_network_disabled);
 *   - "the public endpoint admits only listed networks": SecuredByPerimeter
 *     puts the list in a perimeter this scan does not read: UNKNOWN, with
 *     AZA_PNA_PERIMETER_WHY.
 * A value that is not a string, or none of the three, is reported UNKNOWN
 * here and gives AZA_PNA_JUDGED; *value gets the string otherwise. */
typedef enum {
	AZA_PNA_JUDGED = 0, /* UNKNOWN already reported */
	AZA_PNA_UNSET,      /* absent or null */
	AZA_PNA_ENABLED,
	AZA_PNA_DISABLED,
	AZA_PNA_PERIMETER   /* SecuredByPerimeter */
} aza_pna;
aza_pna aza_public_network_access(aza_ev *ev, const aza_res *r, const char **value);
/* The same read from src, a settings child of r that carries its own
 * publicNetworkAccess (a namespace's network rule set); UNKNOWN verdicts
 * are r's and name the child. */
aza_pna aza_public_network_access_of(aza_ev *ev, const aza_res *r, const aza_res *src, const char **value);
#define AZA_PNA_PERIMETER_WHY                                                                                                   \
	"publicNetworkAccess is SecuredByPerimeter: the inbound access rules (and access mode) of a network security perimeter decide " \
	"which networks reach the resource, and they are not read here"
/* The "public endpoint is disabled" rule: PASS on Disabled; FAIL on Enabled,
 * on SecuredByPerimeter and when unset (`unset` says what the type's
 * default is); `note` (or NULL) is added to the FAIL on Enabled or unset to
 * say what the open endpoint exposes. */
void aza_public_network_disabled(aza_ev *ev, const aza_res *r, const char *unset, const char *note);

/* Why aza_prop_str could not read the string at path of r: "only known at
 * deployment" (a template value the engine cannot know) or "not a string". */
const char *aza_unread_why(aza_ev *ev, const aza_res *r, const char *path);

/* A template resource that sets a property first defined at api-version
 * `since` (a stable version, compared as text): 1 with *why saying why the
 * value may not apply (its api-version is older, or only known at
 * deployment: Azure may ignore a property its version does not have); 0
 * otherwise, and always for a deployed resource. */
int aza_api_predates(aza_ev *ev, const aza_res *r, const char *since, const char **why);

/* Whether storage account a blocks anonymous blob access whatever a
 * container's own level: AZA_PASS when it does (allowBlobPublicAccess false,
 * set or the default the account got by its creation time or template
 * api-version), AZA_FAIL when it does not, AZA_UNKNOWN when that is not
 * known; *why gives the account's evidence (storage.c). */
aza_status aza_stg_blocks_anonymous(aza_ev *ev, const aza_res *a, const char **why);

/* The private endpoints rule of a PaaS resource (storage account, key
 * vault, Databricks workspace; `what` names it in messages): PASS on an
 * Approved properties.privateEndpointConnections entry or, for a template
 * resource, on a private endpoint of the same template whose automatic
 * connection targets it; FAIL otherwise; UNKNOWN when the list is not one. */
void aza_private_endpoints(aza_ev *ev, const aza_res *r, const char *what);
/* A private endpoint of template resource r's own template whose automatic
 * connection (privateLinkServiceConnections) targets r, or NULL. */
const aza_res *aza_template_endpoint(aza_ev *ev, const aza_res *r);
/* Does diagnostic setting d name a destination (a Log Analytics workspace, a
 * storage account, an event hub authorization rule or a partner solution)?
 * Resource Manager returns an unused one as "" (getDiagnosticSetting,
 * 2021-05-01-preview), some exporters as "-": neither is one. A setting
 * without a destination delivers nothing. */
int aza_diag_has_dest(aza_ev *ev, const aza_res *d);
/* The first enabled log entry of diagnostic setting d whose category is one
 * of the space-separated `cats` or whose categoryGroup is one of `groups`
 * (cats NULL: any category or group): its name, or NULL; *group (when not
 * NULL) says it is a category group. */
const char *aza_diag_logs(aza_ev *ev, const aza_res *d, const char *cats, const char *groups, int *group);
/* Were r's own diagnostic settings collected? 0 with *why when not: the
 * type not collected for r (aza_ev_collected), or, for a rule whose needs
 * name "<r's type>/providers/Microsoft.Insights/diagnosticSettings", a
 * snapshot whose data sets do not list that record (the type alone is
 * listed by the subscriptions' own settings too). */
int aza_diag_collected(aza_ev *ev, const aza_res *r, const char **why);
/* That record, for a type given as a string literal. */
#define AZA_DIAG_OF(type) type "/providers/Microsoft.Insights/diagnosticSettings"
/* A resource's own audit logging: PASS on a diagnostic setting of r that
 * logs one of `cats` (or `groups`) and has a destination; FAIL on the first
 * setting otherwise, or on none (`none` says what is then lost); UNKNOWN
 * when diagnostic settings were not collected for r (aza_diag_collected). `names` words the
 * categories in a FAIL ("AuditEvent (nor the audit or allLogs group)"). */
void aza_diag_audit(aza_ev *ev, const aza_res *r, const char *cats, const char *groups, const char *names,
                    const char *none);

/* The inventory, for rules that look across resources. */
aza_inv *aza_ev_inv(aza_ev *ev);
const struct aza_cfg *aza_ev_cfg(aza_ev *ev);
/* The scan being evaluated (for models shared by several rules). */
aza_scan *aza_ev__scan(aza_ev *ev);

/* Was data of `type` collected for the scope of `r` (a resource id or a
 * subscription)? Returns 1 when it was; 0 when it was not or nobody can
 * tell, with *why set to a sentence to quote in the UNKNOWN verdict. */
int aza_ev_collected(aza_ev *ev, const char *type, const aza_res *r, const char **why);

/* Is scope sc the tenant root management group? Its id is the tenant id,
 * and every subscription of the tenant is below it (Azure management
 * groups overview, "Important facts about the root management group"). */
int aza_ev_root_mg(aza_ev *ev, const char *sc);

/* Is child (a subscription or management group id) at or below
 * management group anc, by the parents the templates give? A template may
 * deploy the tree: Microsoft.Management/managementGroups resources whose
 * properties.details.parent.id names their parent group, and
 * Microsoft.Management/managementGroups/subscriptions resources placing a
 * subscription under a group. Followed transitively, ids compared
 * case-insensitively. 1: yes (also when anc is child, or the tenant root
 * management group); 0: the parents lead to the tenant root group without
 * passing anc, or to a group whose parent they do not give but that anc's
 * own parents place above anc (anc is then on another branch); -1: not
 * known (a group on the way whose parent the
 * templates do not say, a subscription they place nowhere). */
int aza_ev_mg_within(aza_ev *ev, const char *child, const char *anc);

/* Policy exemptions. Does one take `scope` (a subscription, or a
 * management group in a template-only scan) out of policy assignment a,
 * for the initiative member whose policyDefinitionReferenceId is ref (NULL:
 * a definition assignment)? An exemption applies when it names a (its
 * policyAssignmentId, case-insensitive), lives at the scope, at '/', at
 * the tenant root management group or at a group the templates' parents
 * place the scope below (aza_ev_mg_within), lists ref in its
 * policyDefinitionReferenceIds or lists none, and its expiresOn is after
 * the snapshot's collected_at (else the scan's time). rtype: the resource
 * type the verdict is about, which resourceSelectors of kind resourceType
 * can leave out (NULL: any). 1: one does (*msg names it, its category and
 * scope); 2: none does, but one takes part of the scope out (at a resource
 * group or a resource of the subscription, or at a group or subscription
 * the templates' parents place below the management group, or a resource
 * group or resource of such a subscription: aza_scope_below): the
 * assignment no longer covers all of the scope (*msg names it and where it
 * is); -1: one may (at another management group, naming an assignment
 * only known at deployment, with resourceSelectors that could matter), or
 * Azure refused the list (*msg says why); 0: none does, *msg NULL, or, when
 * the input has no exemption data (an older snapshot), a clause starting
 * "; " for the PASS to end with. */
#define AZA_PE_TYPE "Microsoft.Authorization/policyExemptions"
int aza_policy_exempt(aza_ev *ev, const aza_res *a, const aza_res *scope, const char *ref, const char *rtype,
                      const char **msg);

/* Is es (an exemption's scope, or an entry of an assignment's notScopes)
 * below scope (a subscription, or a management group in a template-only
 * scan): a resource group or resource of the subscription, or a group,
 * subscription, or resource group or resource of a subscription, that the
 * templates' management group parents place below the group
 * (aza_ev_mg_within)? What is there is then out of the assignment while the
 * rest of the scope stays in. Returns what es is, for messages ("resource
 * group", "subscription", "management group", "resource"), or NULL: es is
 * the scope itself, above it, elsewhere, or not placed. */
const char *aza_scope_below(aza_ev *ev, const char *es, const aza_res *scope);

/* An assignment's notScopes (properties.notScopes): scopes it does not
 * evaluate (Microsoft Learn, "Understand scope in Azure Policy"). 0: none
 * (absent or null), -1: not a list, 1: *list holds them. Each entry is
 * placed against the scope judged by aza_scope_at: x is the entry (NULL
 * when not a string: AZA_AT_UNREAD), own says the assignment is at the
 * scope judged (its notScopes then lie within it: an entry that does not
 * hold the scope is below it), what which placings to try
 * (AZA_AT_ABOVE: a management group the templates' parents place above
 * the scope, or do not place, aza_ev_mg_within; AZA_AT_BELOW:
 * aza_scope_below). AZA_AT_HOLDS: the entry is the scope, above it by its
 * id, '/' or the tenant root management group; AZA_AT_APART: none of
 * those tried. */
enum { AZA_AT_APART = 0, AZA_AT_HOLDS = 1, AZA_AT_ABOVE = 2, AZA_AT_BELOW = 4, AZA_AT_UNPLACED = 8, AZA_AT_UNREAD = 16 };
int aza_notscopes(aza_ev *ev, const aza_res *a, const aza_json **list);
int aza_scope_at(aza_ev *ev, const char *x, const aza_res *scope, int own, int what);

/* The resourceSelectors of x (a policy assignment or exemption: it
 * reaches only the resources one of them selects, and one selects those
 * that meet all its selectors; Azure Policy assignment structure,
 * "Resource selectors"), for the resources of type rtype a verdict is
 * about (NULL: of every type). AZA_SEL_NONE: it has none (absent, null or
 * an empty list), so it reaches every resource of its scope; AZA_SEL_ALL:
 * one selects every resource of rtype (all its selectors are of kind
 * resourceType, with an in list holding rtype or a notIn list without it,
 * case-insensitive); AZA_SEL_OUT: every one has a resourceType selector
 * leaving rtype out; AZA_SEL_UNSURE: azaudit cannot tell (another selector
 * kind, resourceLocation or resourceWithoutLocation, which it does not
 * place; a resource selector without a selectors list; rtype NULL), *why
 * says why; AZA_SEL_UNREAD: they are not a list. */
enum { AZA_SEL_UNREAD = -2, AZA_SEL_UNSURE = -1, AZA_SEL_OUT = 0, AZA_SEL_ALL = 1, AZA_SEL_NONE = 2 };
int aza_selectors_reach(aza_ev *ev, const aza_res *x, const char *rtype, const char **why);

/* The policyEffect overrides of policy assignment a, in order, for the
 * rules that read what effect an assignment runs a policy with
 * (properties.overrides, policyAssignments 2022-06-01 and later: an
 * override of kind policyEffect replaces the effect of the definitions its
 * selectors reach with its value; Azure Policy assignment structure,
 * "Overrides"). Those of another kind (definitionVersion) change no effect
 * and are skipped; one without a kind string may be a policyEffect one and
 * is returned with kind NULL. aza_override_first returns 0 when a has no
 * overrides (absent or null), -1 when they are not a list, else 1; each
 * aza_override_next then fills in the next override and returns 1, or 0
 * after the last. Whether its selectors reach a policy is the caller's to
 * judge. */
struct aza_override {
	size_t n;                  /* its index in overrides[], for messages */
	const char *kind, *value;  /* NULL when not a string */
	const aza_json *entry;     /* the override: its selectors are read only
	                            * when needed, so that an unknown template
	                            * value there marks only a verdict that
	                            * turns on it */
	const aza_json *at_;       /* the walk: the entry to look at next */
	size_t at_n_;
};
int aza_override_first(aza_ev *ev, const aza_res *a, struct aza_override *o);
int aza_override_next(struct aza_override *o);

/* A value derived from resource r (a parsed NSG, say) that the rules run on
 * r can share: get returns what put stored under the same tag, or NULL. The
 * engine calls free_fn on it when it moves to the next resource or scope. */
void *aza_ev_memo_get(aza_ev *ev, const aza_res *r, const char *tag);
int aza_ev_memo_put(aza_ev *ev, const aza_res *r, const char *tag, void *val, void (*free_fn)(void *));

/* Like the memo, but kept until the evaluation ends (every rule and scope
 * of this evaluator): a summary of many resources that several rules or
 * scopes read. put returns -1 when full (the caller keeps val). */
void *aza_ev_keep_get(aza_ev *ev, const char *tag);
int aza_ev_keep_put(aza_ev *ev, const char *tag, void *val, void (*free_fn)(void *));

/* Documents unpacked after a mark are dropped by aza_ev_docs_drop, so a
 * rule that summarizes many resources (copying what it needs) holds one
 * tree at a time, not all of them until it returns. Nothing may point into
 * a dropped document; one loaded before the mark stays. */
typedef struct {
	size_t nloaded;
	aza_arena_mark arena;
} aza_ev_docmark;
aza_ev_docmark aza_ev_docs_mark(aza_ev *ev);
void aza_ev_docs_drop(aza_ev *ev, aza_ev_docmark m);

/* A temporary formatted string valid until the check returns. */
const char *aza_ev_fmt(aza_ev *ev, const char *fmt, ...) AZA_PRINTF(2, 3);

/* A rule's own allocation failed: the scan ends with AZA_ENOMEM instead of
 * reporting the rule's verdicts (a rule must not guess on less data). */
void aza_ev_nomem(aza_ev *ev);

/* Days from now (the scan's reference time, --now) to an ISO-8601 date-time
 * or a Unix time in seconds; returns 1 when the value could be read. */
int aza_ev_days_until(aza_ev *ev, const aza_json *when, double *days);
/* The scan's reference time (Unix seconds). */
double aza_ev_now(aza_ev *ev);
/* When the data was collected (Unix seconds): the snapshot's
 * meta.collected_at (the latest, over several inputs), else the scan's
 * reference time. */
double aza_ev_collected_at(aza_ev *ev);

/* Common helper: the resource carries the user's "mission-critical" tag. */
int aza_ev_is_critical(aza_ev *ev, const aza_res *r);
/* The CanNotDelete or ReadOnly lock whose scope holds r nearest to it (r
 * itself, then a resource above it, its resource group, its subscription;
 * at one scope the first in input order), or NULL; *level (may be NULL)
 * gets its level. */
const aza_res *aza_ev_delete_lock(aza_ev *ev, const aza_res *r, const char **level);

#endif
