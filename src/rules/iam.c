/*
 * iam.c - rules of the identity and access management area: Microsoft Entra
 * ID (Microsoft Graph data in the snapshot's "directory" object) and Azure
 * RBAC (Microsoft.Authorization role definitions, role assignments and
 * policy assignments).
 *
 * Graph data: a data set the collector could not read (a snapshot "errors"
 * entry, typically HTTP 403 for a missing permission) or never collected
 * gives UNKNOWN naming the Graph permission the scan needs; it never turns
 * into a PASS or into a FAIL of every user.
 *
 * Users in messages: findings that concern many users are reported once per
 * tenant, naming the first ten users and the total count.
 */
#include "rule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RA "Microsoft.Authorization/roleAssignments"
#define RD "Microsoft.Authorization/roleDefinitions"
#define PA "Microsoft.Authorization/policyAssignments"
#define PD "Microsoft.Authorization/policyDefinitions"
#define PSD "Microsoft.Authorization/policySetDefinitions"
/* The eligible Azure role assignments of Privileged Identity Management for
 * Azure resources (GET {scope}/providers/Microsoft.Authorization/
 * roleEligibilityScheduleInstances): an eligible principal can activate its
 * role at any time until properties.endDateTime (one that ended before the
 * collection is left out: pim_ended). Their properties carry the fields of
 * a role assignment (principalId, principalType, scope, roleDefinitionId). */
#define REI "Microsoft.Authorization/roleEligibilityScheduleInstances"

/* Azure built-in role definition ids. */
#define ROLE_OWNER "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
#define ROLE_CONTRIBUTOR "b24988ac-6180-42a0-ab88-20f7382dd24c"
#define ROLE_UAA "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"
#define ROLE_RBAC_ADMIN "f58310d9-a9f6-439a-9e8d-f62e7b41a168"

/* Graph permissions named in UNKNOWN verdicts. */
#define PERM_REG "AuditLog.Read.All and UserAuthenticationMethod.Read.All"
#define PERM_POLICY "Policy.Read.All"
#define PERM_DIR "Directory.Read.All"
#define PERM_ROLES "RoleManagement.Read.Directory (or Directory.Read.All)"
#define PERM_SIGNIN "AuditLog.Read.All"
#define PERM_ELIG "RoleManagement.Read.Directory (or RoleEligibilitySchedule.Read.Directory)"

/* The eligible directory role assignments of Privileged Identity
 * Management (GET /roleManagement/directory/roleEligibilityScheduleInstances):
 * an eligible principal can activate its role at any time until the
 * instance's endDateTime, so the rules that judge who holds a directory
 * role count it as a holder (not once it has ended: pim_ended). */
#define ELIGIBLE "directoryRoleEligibilityScheduleInstances"

#define MAX_NAMES 10
#define STALE_DAYS 90

/* Privileged Microsoft Entra roles (role template ids). */
static const struct {
	const char *id, *name;
} priv_dir_roles[] = {
	{"62e90394-69f5-4237-9190-012177145e10", "Global Administrator"},
	{"e8611ab8-c189-46e8-94e1-60213ab1f814", "Privileged Role Administrator"},
	{"7be44c8a-adaf-4e2a-84d6-ab2649e08a13", "Privileged Authentication Administrator"},
	{"194ae4cb-b126-40b2-bd5b-6091b380977d", "Security Administrator"},
	{"b1be1c3e-b65d-4f19-8427-f6fa0d97feb9", "Conditional Access Administrator"},
	{"c4e39bd9-1100-46d3-8c65-fb160da0071f", "Authentication Administrator"},
	{"fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator"},
	{"9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "Application Administrator"},
	{"158c047a-c907-4556-b7ef-446551a6b5f7", "Cloud Application Administrator"},
	{"29232cdf-9323-42fd-ade2-1d097af3e4de", "Exchange Administrator"},
	{"f28a1f50-f6e7-4571-818b-6a12f2af6b6c", "SharePoint Administrator"},
	{"729827e3-9c14-49f7-bb1b-9608f156bbb8", "Helpdesk Administrator"},
	{"966707d0-3269-4727-9be2-8c3a10f19b9d", "Password Administrator"},
	{"8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2", "Hybrid Identity Administrator"},
	{"3a2c62db-5318-420d-8d74-23affee5d9d5", "Intune Administrator"},
	{"7698a772-787b-4ac8-901f-60d6b08affd2", "Cloud Device Administrator"},
	{"b0f54661-2d74-4c50-afa3-1ec803f12efe", "Billing Administrator"},
};

/* ---- small helpers ---- */

static const char *priv_dir_role(const char *role_def_id)
{
	const char *g = aza_last_seg(role_def_id);
	for (size_t i = 0; i < sizeof priv_dir_roles / sizeof priv_dir_roles[0]; i++)
		if (aza__strieq(g, priv_dir_roles[i].id))
			return priv_dir_roles[i].name;
	return NULL;
}

/* Privileged Azure RBAC roles: Owner, Contributor, User Access Administrator,
 * Role Based Access Control Administrator. */
static const char *priv_rbac_role(const char *role_def_id)
{
	const char *g = aza_last_seg(role_def_id);
	if (aza__strieq(g, ROLE_OWNER))
		return "Owner";
	if (aza__strieq(g, ROLE_CONTRIBUTOR))
		return "Contributor";
	if (aza__strieq(g, ROLE_UAA))
		return "User Access Administrator";
	if (aza__strieq(g, ROLE_RBAC_ADMIN))
		return "Role Based Access Control Administrator";
	return NULL;
}

/* An index of values by id (a GUID, a principal id), sorted
 * case-insensitively (aza__stricmp, whose equality is aza__strieq's), equal
 * ids in the order they were added: lookups that would otherwise walk a
 * list once per query (assignments times definitions, registration records
 * times assignments). */
struct id_ent {
	const char *id;
	const void *val;
	size_t pos;
};
typedef struct {
	size_t n, cap;
	struct id_ent e[];
} idindex;

/* An empty index for up to cap entries (NULL when memory is short). */
static idindex *idx_new(size_t cap)
{
	idindex *x = aza__malloc(sizeof *x + (cap ? cap : 1) * sizeof x->e[0]);
	if (x) {
		x->n = 0;
		x->cap = cap;
	}
	return x;
}

static void idx_add(idindex *x, const char *id, const void *val)
{
	if (x && id && x->n < x->cap) {
		x->e[x->n] = (struct id_ent){id, val, x->n};
		x->n++;
	}
}

/* Adds every object of a Graph list under its "id". */
static void idx_add_ids(idindex *x, const aza_json *list)
{
	aza_json_each(o, list) idx_add(x, aza_json_str(aza_json_get(o, "id")), o);
}

static int id_ent_cmp(const void *a, const void *b)
{
	const struct id_ent *p = a, *q = b;
	int c = aza__stricmp(p->id, q->id);
	return c ? c : (p->pos > q->pos) - (p->pos < q->pos);
}

/* Call once the entries are added, before idx_find. */
static void idx_sort(idindex *x)
{
	if (x && x->n > 1)
		qsort(x->e, x->n, sizeof x->e[0], id_ent_cmp);
}

/* The position of the first entry added under id, or x->n when none; the
 * others added under id follow it, in the order they were added. */
static size_t idx_first(const idindex *x, const char *id)
{
	size_t lo = 0, hi = x->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (aza__stricmp(x->e[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < x->n && aza__strieq(x->e[lo].id, id) ? lo : x->n;
}

/* The value first added under id, or NULL. */
static const void *idx_find(const idindex *x, const char *id)
{
	if (!x || !id)
		return NULL;
	size_t i = idx_first(x, id);
	return i < x->n ? x->e[i].val : NULL;
}

/* The role definitions by GUID (the last segment of their ids), built on
 * the first lookup by GUID and kept until the evaluation ends
 * (aza_ev_keep_put: every rule and subscription asks the same). NULL when
 * memory is short (the scan then fails: aza_ev_nomem). */
static const idindex *role_def_table(aza_ev *ev)
{
	aza_inv *inv = aza_ev_inv(ev);
	idindex *t = aza_ev_keep_get(ev, "iam.roledefs");
	if (t)
		return t;
	if (!(t = idx_new(aza_inv_count(inv, RD)))) {
		aza_ev_nomem(ev);
		return NULL;
	}
	for (const aza_res *d = aza_inv_first(inv, RD); d; d = d->next_of_type)
		idx_add(t, aza_last_seg(d->id), d);
	idx_sort(t);
	if (aza_ev_keep_put(ev, "iam.roledefs", t, aza__free)) {
		aza__free(t);
		aza_ev_nomem(ev);
		return NULL;
	}
	return t;
}

/* Did an eligibility of Privileged Identity Management (an instance whose
 * endDateTime is end: an ISO time, or NULL for a permanent one) end before
 * the data was collected? Its principal can no longer activate anything by
 * it, so it grants nothing. An end that is not a time proves nothing ended:
 * the eligibility counts. Shared by the directory, Azure and group
 * eligibilities, so that all three leave out the same instances. */
static int pim_ended(aza_ev *ev, const char *end)
{
	double t;
	return end && !aza__iso_time(end, &t, NULL) && t <= aza_ev_collected_at(ev);
}

/* Has entry a of a Graph list of directory role assignments ended? Only an
 * eligible one (label not empty: directoryRoleEligibilityScheduleInstances)
 * can: an active assignment has no endDateTime. */
static int dir_ended(aza_ev *ev, const aza_json *a, const char *label)
{
	return *label && pim_ended(ev, aza_json_str(aza_json_get(a, "endDateTime")));
}

/* ---- role assignments, summarized once ----
 * The identity rules read four fields of every role assignment (active, or
 * eligible: the same four fields), for the
 * tenant and again for each subscription. Reading them from the documents
 * each time unpacked every assignment once per rule and per subscription
 * and kept the trees until the call returned (200,000 assignments: some
 * 190 MB, and a walk per subscription). The table copies the four fields
 * (interned: principals, scopes and role ids repeat) once per evaluation,
 * one document at a time, and indexes the rows by principal. */
enum { RA_PID, RA_PTYPE, RA_SCOPE, RA_RD, RA_NF };
static const char *const ra_path[RA_NF] = {"properties.principalId", "properties.principalType", "properties.scope",
                                           "properties.roleDefinitionId"};
typedef struct {
	const aza_res *r;
	const char *f[RA_NF]; /* NULL where the field is not a string */
	unsigned scope_from_id : 1; /* f[RA_SCOPE] is read from the id (ra_id_scope) */
} ra_row;
typedef struct {
	size_t n;
	aza_jintern *strs;
	idindex *by_pid; /* rows by principalId, the first in input order first */
	ra_row row[];
} ra_table;

/* The scope an assignment's id names, for one whose properties.scope is
 * not a string: Resource Manager makes the id of an assignment (active,
 * /{scope}/providers/Microsoft.Authorization/roleAssignments/{name},
 * RoleAssignments_Get; or eligible, .../roleEligibilityScheduleInstances/
 * {name}) from its scope, so what precedes /providers/<its type>/ is the
 * scope, "/" when nothing does (an assignment at the root). Skipping such
 * an assignment instead let one at '/' pass unseen. NULL (and *len 0) when
 * the id is not of that form. */
static const char *ra_id_scope(const aza_res *x, size_t *len)
{
	char mark[128];
	*len = 0;
	if (!x->id || !x->type || snprintf(mark, sizeof mark, "/providers/%s/", x->type) >= (int)sizeof mark)
		return NULL;
	const char *at = NULL;
	for (const char *p = aza__istrstr(x->id, mark); p; p = aza__istrstr(p + 1, mark))
		at = p;
	const char *name = at ? at + strlen(mark) : NULL;
	if (!name || !*name || strchr(name, '/'))
		return NULL;
	if (at == x->id) {
		*len = 1;
		return "/";
	}
	*len = (size_t)(at - x->id);
	return x->id;
}

/* A field of a row. A template's assignment is read from its document
 * each time, so that a value only known at deployment counts as read by
 * the rule (the engine's record of reads), as it always did. */
static const char *ra_get(aza_ev *ev, const ra_row *w, int f)
{
	if (aza_is_template(w->r)) {
		const char *v = aza_json_str(aza_prop(ev, w->r, ra_path[f]));
		size_t n;
		const char *sc = !v && f == RA_SCOPE ? ra_id_scope(w->r, &n) : NULL;
		return sc ? aza_ev_fmt(ev, "%.*s", (int)n, sc) : v;
	}
	return w->f[f];
}

/* Was the scope of a row read from its id (ra_id_scope)? For messages. */
static int ra_scope_from_id(aza_ev *ev, const ra_row *w)
{
	size_t n;
	if (aza_is_template(w->r))
		return !aza_json_str(aza_prop(ev, w->r, ra_path[RA_SCOPE])) && ra_id_scope(w->r, &n);
	return w->scope_from_id;
}

static void ra_table_free(void *p)
{
	ra_table *t = p;
	if (t) {
		aza_jintern__free(t->strs);
		aza__free(t->by_pid);
		aza__free(t);
	}
}

/* The table of the resources of type (RA or REI), made on first use and
 * kept under key until the evaluation ends (aza_ev_keep_put); an eligible
 * one (REI) whose properties.endDateTime is before the collection is left
 * out (pim_ended). NULL when memory is short (the scan then fails:
 * aza_ev_nomem). */
static const ra_table *rows_of(aza_ev *ev, const char *type, const char *key)
{
	ra_table *t = aza_ev_keep_get(ev, key);
	if (t)
		return t;
	aza_inv *inv = aza_ev_inv(ev);
	size_t n = aza_inv_count(inv, type);
	t = aza__malloc(sizeof *t + (n ? n : 1) * sizeof t->row[0]);
	if (!t)
		goto nomem;
	t->n = 0;
	t->strs = aza_jintern__new_plain();
	t->by_pid = idx_new(n);
	if (!t->strs || !t->by_pid)
		goto nomem;
	int eligible = aza__strieq(type, REI);
	for (const aza_res *x = aza_inv_first(inv, type); x && t->n < n; x = x->next_of_type) {
		aza_ev_docmark m = aza_ev_docs_mark(ev);
		if (eligible && pim_ended(ev, aza_json_str(aza_prop(ev, x, "properties.endDateTime")))) {
			aza_ev_docs_drop(ev, m);
			continue;
		}
		ra_row *w = &t->row[t->n++];
		w->r = x;
		w->scope_from_id = 0;
		for (int k = 0; k < RA_NF; k++) {
			const char *v = aza_json_str(aza_prop(ev, x, ra_path[k]));
			size_t vn = v ? strlen(v) : 0;
			if (!v && k == RA_SCOPE && (v = ra_id_scope(x, &vn)))
				w->scope_from_id = 1;
			w->f[k] = v ? aza_jintern__get(t->strs, v, vn) : NULL;
			if (v && !w->f[k]) {
				aza_ev_docs_drop(ev, m);
				goto nomem;
			}
		}
		aza_ev_docs_drop(ev, m);
		idx_add(t->by_pid, w->f[RA_PID], w);
	}
	idx_sort(t->by_pid);
	if (aza_ev_keep_put(ev, key, t, ra_table_free))
		goto nomem;
	return t;
nomem:
	ra_table_free(t);
	aza_ev_nomem(ev);
	return NULL;
}

/* The active role assignments. */
static const ra_table *ra_rows(aza_ev *ev)
{
	return rows_of(ev, RA, "iam.ra-rows");
}

/* The eligible ones (AZA-IAM-003 and AZA-IAM-004 count them). */
static const ra_table *rei_rows(aza_ev *ev)
{
	return rows_of(ev, REI, "iam.rei-rows");
}

/* The first role assignment of principal id, or NULL. */
static const ra_row *first_ra_of(const ra_table *t, const char *id)
{
	return idx_find(t->by_pid, id);
}

/* The collected copies of the role definition an assignment's
 * roleDefinitionId names: Resource Manager lists a custom role (one GUID
 * tenant-wide) under each subscription it is read at, and a snapshot may
 * hold several copies, which need not agree. The copies are the
 * definitions with the id's GUID (as AZA-IAM-014 groups them), in input
 * order; when none has it, the resource with that very id. Fills *c:
 * c->n copies (0: none collected), each read with copy_at. */
typedef struct {
	const idindex *t;
	size_t i, n;
	const aza_res *only;
} rd_copies;

static void role_def_copies(aza_ev *ev, const char *rd, rd_copies *c)
{
	*c = (rd_copies){0};
	if (!rd)
		return;
	const char *g = aza_last_seg(rd);
	c->t = *g ? role_def_table(ev) : NULL;
	if (c->t) {
		c->i = idx_first(c->t, g);
		while (c->i + c->n < c->t->n && aza__strieq(c->t->e[c->i + c->n].id, g))
			c->n++;
	}
	if (!c->n && (c->only = aza_inv_find(aza_ev_inv(ev), rd)))
		c->n = 1;
}

static const aza_res *copy_at(const rd_copies *c, size_t k)
{
	return c->only ? c->only : c->t->e[c->i + k].val;
}

/* Where a copy of a role definition was read, for messages: the scope its
 * id is under ("/" for the tenant root). */
static const char *copy_scope(aza_ev *ev, const aza_res *d)
{
	const char *p = d->id ? aza__istrstr(d->id, "/providers/" RD "/") : NULL;
	if (!p || p == d->id)
		return "/";
	return aza_ev_fmt(ev, "%.*s", (int)(p - d->id), d->id);
}

static const char *role_name(aza_ev *ev, const aza_res *d)
{
	const char *n = aza_json_str(aza_prop(ev, d, "properties.roleName"));
	return n ? n : d->name;
}

/* What a collected custom role (type CustomRole) that grants all actions,
 * or the right to assign roles, is: CUSTOM_OWNER when a permissions entry
 * has actions '*' and its notActions take back no pattern matching
 * Microsoft.Authorization/roleAssignments/write (the right that makes Owner
 * more than Contributor): Owner under another name; CUSTOM_ASSIGNER when an
 * entry without '*' has an action pattern matching that right (every
 * action of the Microsoft.Authorization provider, as User Access
 * Administrator's actions grant, or every verb on roleAssignments) that
 * its notActions do not take back: User Access Administrator or Role Based
 * Access Control Administrator
 * (Microsoft.Authorization/roleAssignments/write) under another name, whose
 * holder can assign itself Owner (Azure built-in roles, Privileged
 * category); CUSTOM_CONTRIBUTOR when every '*' entry takes that right back:
 * Contributor-like (its other notActions are not compared with
 * Contributor's, but an entry that takes back every write on resources is
 * not counted); 0 otherwise, or for a role that is not a custom role. */
#define RA_WRITE "Microsoft.Authorization/roleAssignments/write"
enum { CUSTOM_CONTRIBUTOR = 1, CUSTOM_ASSIGNER = 2, CUSTOM_OWNER = 3 };

static int custom_star_role(aza_ev *ev, const aza_res *d)
{
	const char *t = aza_json_str(aza_prop(ev, d, "properties.type"));
	if (!t || !aza__strieq(t, "CustomRole"))
		return 0;
	/* Writes any Contributor keeps: a '*' entry whose notActions take back
	 * every one of them (actions "*" less every write and delete) changes
	 * nothing, so it is not Contributor-like. */
	static const char *const writes[] = {"Microsoft.Compute/virtualMachines/write", "Microsoft.Storage/storageAccounts/write",
	                                     "Microsoft.Network/networkSecurityGroups/write", "Microsoft.KeyVault/vaults/write",
	                                     "Microsoft.Resources/deployments/write"};
	int kind = 0;
	aza_json_each(p, aza_prop(ev, d, "properties.permissions")) {
		const aza_json *acts = aza_json_get(p, "actions");
		int star = aza_json_has_str(acts, "*"), assigns = 0;
		aza_json_each(a, acts) {
			const char *s = aza_json_str(a);
			if (s && aza__glob(s, RA_WRITE))
				assigns = 1; /* '*' among them */
		}
		if (!assigns)
			continue;
		int taken = 0;
		unsigned gone = 0;
		aza_json_each(n, aza_json_get(p, "notActions")) {
			const char *na = aza_json_str(n);
			if (na && aza__glob(na, RA_WRITE))
				taken = 1;
			for (size_t i = 0; na && i < sizeof writes / sizeof writes[0]; i++)
				if (aza__glob(na, writes[i]))
					gone |= 1u << i;
		}
		if (!taken && star)
			return CUSTOM_OWNER;
		if (!taken && kind < CUSTOM_ASSIGNER)
			kind = CUSTOM_ASSIGNER;
		else if (star && gone != (1u << (sizeof writes / sizeof writes[0])) - 1 && kind < CUSTOM_CONTRIBUTOR)
			kind = CUSTOM_CONTRIBUTOR;
	}
	return kind;
}

/* The privileged RBAC role of an assignment's roleDefinitionId, for a rule
 * that counts Contributor as privileged (AZA-IAM-003): one of the built-in
 * roles above, or a collected custom role granting '*' (Owner-equivalent
 * or Contributor-like) or role assignment writes, in any of its copies
 * (the most it grants). A rule about Owner alone must not use it. */
static const char *priv_rbac_any(aza_ev *ev, const char *rd)
{
	const char *n = priv_rbac_role(rd);
	if (n || !rd)
		return n;
	/* Any copy granting '*' makes the role privileged, whichever comes
	 * first: the copies may differ (one edited, one stale). */
	rd_copies c;
	role_def_copies(ev, rd, &c);
	const aza_res *d = NULL;
	int kind = 0, differ = 0;
	for (size_t k = 0; k < c.n; k++) {
		int kk = custom_star_role(ev, copy_at(&c, k));
		if (k && kk != kind)
			differ = 1;
		if (kk > kind || !k) {
			kind = kk;
			d = copy_at(&c, k);
		}
	}
	if (!kind)
		return NULL;
	return aza_ev_fmt(ev, "custom role '%s' granting %s%s", role_name(ev, d),
	                  kind == CUSTOM_ASSIGNER      ? RA_WRITE " (User Access Administrator-like)"
	                  : kind == CUSTOM_CONTRIBUTOR ? "'*' (Contributor-like)"
	                                               : "'*'",
	                  differ ? aza_ev_fmt(ev, " per its copy read at %s, one of %zu that differ", copy_scope(ev, d), c.n) : "");
}

/* Why a role definition's grant cannot be read, or NULL: it has no
 * properties, a type other than CustomRole or BuiltInRole, or it is a
 * custom role whose permissions are not a list or one of whose entries has
 * actions that are there but not a list (an entry without actions grants
 * none: a data-only role). Each may hide '*'. Sets *custom for a custom
 * role. The text names the role. */
static const char *role_def_odd(aza_ev *ev, const aza_res *d, int *custom)
{
	*custom = 0;
	if (!aza_prop(ev, d, "properties"))
		return aza_ev_fmt(ev, "role definition '%s' has no properties", d->name);
	const char *t = aza_json_str(aza_prop(ev, d, "properties.type"));
	if (!t || (!aza__strieq(t, "CustomRole") && !aza__strieq(t, "BuiltInRole")))
		return aza_ev_fmt(ev, "role definition '%s' has type %s (not CustomRole or BuiltInRole)", role_name(ev, d),
		                  t ? aza_ev_fmt(ev, "'%s'", t) : "missing or not a string");
	if (!aza__strieq(t, "CustomRole"))
		return NULL;
	*custom = 1;
	const aza_json *perms = aza_prop(ev, d, "properties.permissions");
	if (!aza_json_is(perms, AZA_JARR))
		return aza_ev_fmt(ev, "custom role '%s': permissions is not a list", role_name(ev, d));
	size_t i = 0;
	aza_json_each(p, perms) {
		const aza_json *a = aza_json_get(p, "actions");
		if (a && !aza_json_is(a, AZA_JARR))
			return aza_ev_fmt(ev, "custom role '%s': permissions[%zu].actions is not a list", role_name(ev, d), i);
		i++;
	}
	return NULL;
}

/* A scope at or above a subscription: "/", a management group, or a
 * subscription itself (not a resource group or a resource). */
static int scope_is_sub_or_above(const char *s)
{
	if (!s)
		return 0;
	if (!strcmp(s, "/") || !*s)
		return 1;
	if (aza__istarts(s, "/providers/Microsoft.Management/managementGroups/"))
		return !strchr(s + strlen("/providers/Microsoft.Management/managementGroups/"), '/');
	if (aza__istarts(s, "/subscriptions/")) {
		const char *p = strchr(s + strlen("/subscriptions/"), '/');
		return !p || !p[1];
	}
	return 0;
}

/* A set of principal ids seen so far (bounded; past the bound every id
 * counts as new, which only matters for counts above 512). */
typedef struct {
	const char *id[512];
	size_t n;
} idset;

static int ids_add(idset *s, const char *id)
{
	for (size_t i = 0; i < s->n; i++)
		if (aza__strieq(s->id[i], id))
			return 0;
	if (s->n < sizeof s->id / sizeof s->id[0])
		s->id[s->n++] = id;
	return 1;
}

/* A bounded list of names with a total count, for messages. */
typedef struct {
	char buf[900];
	size_t n;
} namelist;

static void nl_add(namelist *l, const char *name)
{
	if (l->n < MAX_NAMES) {
		size_t len = strlen(l->buf);
		snprintf(l->buf + len, sizeof l->buf - len, "%s%s", len ? ", " : "", name ? name : "?");
	}
	l->n++;
}

static const char *nl_str(aza_ev *ev, const namelist *l)
{
	if (l->n > MAX_NAMES)
		return aza_ev_fmt(ev, "%s and %zu more", l->buf, l->n - MAX_NAMES);
	return l->buf;
}

/* A Graph data set, or NULL with *why naming the permission it needs. */
static const aza_json *graph(aza_ev *ev, const char *key, const char *perm, const char **why)
{
	const char *w = NULL;
	const aza_json *d = aza_inv_dir(aza_ev_inv(ev), key, &w);
	if (d)
		return d;
	*why = aza_ev_fmt(ev, "%s; the scan needs the Graph permission %s", w ? w : key, perm);
	return NULL;
}

/* A Graph list data set (users, registration details, policies, role
 * assignments), or NULL with *why. A set that is not an array (a list
 * wrapper whose "value" is null or missing, an object) holds no entries
 * azaudit can count: iterating it would walk the wrapper's members and
 * take "none found" for "none there". */
static const aza_json *graph_list(aza_ev *ev, const char *key, const char *perm, const char **why)
{
	const aza_json *d = graph(ev, key, perm, why);
	if (d && !aza_json_is(d, AZA_JARR)) {
		*why = aza_ev_fmt(ev, "Microsoft Graph data '%s' is not a list (a response without a \"value\" array?)", key);
		return NULL;
	}
	return d;
}

/* Every tenant has at least one user (the one who created it), so a user
 * list (users, userRegistrationDetails) read but empty was cut short by a
 * filter or a permission: it proves nothing about guests or disabled
 * accounts. NULL when list holds an entry (or is not there); else the
 * reason, for an UNKNOWN. */
static const char *no_users(aza_ev *ev, const aza_json *list, const char *key)
{
	if (!list || aza_json_len(list))
		return NULL;
	return aza_ev_fmt(ev, "Microsoft Graph data '%s' was read but lists no user, and every tenant has at least one (the "
	                      "user who created it): a filter or a missing permission emptied it", key);
}

/* The eligible directory role assignments: 1 with *list (NULL when there
 * are none) and *note (text for a verdict, "" when none), or 0 with *why.
 * Graph refuses the list with AadPremiumLicenseRequired in a tenant
 * without Microsoft Entra ID P2 or Microsoft Entra ID Governance, and
 * Privileged Identity Management keeps no eligible assignment without one
 * (an expiring licence removes them): that refusal proves there are none.
 * Any other gap (a missing permission, a set never collected) may hide an
 * eligible Global Administrator, so it leaves the holders unknown. */
static int eligible_roles(aza_ev *ev, const aza_json **list, const char **note, const char **why)
{
	const char *w = NULL;
	*note = "";
	*list = graph_list(ev, ELIGIBLE, PERM_ELIG, &w);
	if (*list)
		return 1;
	if (w && aza__istrstr(w, "AadPremiumLicenseRequired")) {
		*note = "; no eligible directory role assignment: the tenant has no Microsoft Entra ID P2 or Microsoft Entra ID "
		        "Governance license (Graph answered AadPremiumLicenseRequired), and Privileged Identity Management "
		        "keeps none without one";
		return 1;
	}
	*why = aza_ev_fmt(ev, "eligible directory role assignments (Privileged Identity Management) are unknown, and an "
	                  "eligible principal can activate its role at any time: %s", w ? w : ELIGIBLE);
	return 0;
}

/* Display name of a user: userPrincipalName, else displayName, else id. */
static const char *user_name(const aza_json *u)
{
	const char *s = aza_json_str(aza_json_get(u, "userPrincipalName"));
	if (!s)
		s = aza_json_str(aza_json_get(u, "userDisplayName"));
	if (!s)
		s = aza_json_str(aza_json_get(u, "displayName"));
	if (!s)
		s = aza_json_str(aza_json_get(u, "id"));
	return s ? s : "?";
}

/* The entry of a Graph list whose id is `id`. */
static const aza_json *by_id(const aza_json *list, const char *id)
{
	if (!id)
		return NULL;
	aza_json_each(u, list) {
		if (aza_json_streq(aza_json_get(u, "id"), id))
			return u;
	}
	return NULL;
}

/* Best name for a principal id from users or registration details. */
static const char *principal_name(aza_ev *ev, const char *pid)
{
	aza_inv *inv = aza_ev_inv(ev);
	const aza_json *u = by_id(aza_inv_dir(inv, "users", NULL), pid);
	if (!u)
		u = by_id(aza_inv_dir(inv, "userRegistrationDetails", NULL), pid);
	return u ? user_name(u) : (pid ? pid : "?");
}

/* Were role assignments collected for the tenant (all subscriptions)? */
static int ra_collected(aza_ev *ev, const char **why)
{
	return aza_ev_collected(ev, RA, aza_inv_tenant(aza_ev_inv(ev)), why);
}

/* The eligible Azure role assignments: 1 when collected, with *note (text
 * for a verdict, "" when none), or 0 with *why. Resource Manager refuses
 * the list with 400 AadPremiumLicenseRequired in a tenant without
 * Microsoft Entra ID P2 (or ID Governance), where Privileged Identity
 * Management keeps no eligible assignment: that refusal proves there are
 * none, but only when every gap of the list is that refusal (a 403 in
 * another subscription may hide an eligible Owner). */
static int rbac_eligible(aza_ev *ev, const char **note, const char **why)
{
	aza_inv *inv = aza_ev_inv(ev);
	const char *w = NULL;
	*note = "";
	if (aza_ev_collected(ev, REI, aza_inv_tenant(inv), &w))
		return 1;
	int nop2 = 0;
	const aza_gap *other = NULL;
	for (const aza_gap *g = aza_inv_gap(inv, REI, "/"); g && !other; g = g->next) {
		if (*g->type && !aza__strieq(g->type, REI))
			continue;
		if (g->message && aza__istrstr(g->message, "AadPremiumLicenseRequired"))
			nop2 = 1;
		else
			other = g;
	}
	/* Name the gap that leaves the holders unknown, not the refusal. */
	if (nop2 && other)
		w = aza_ev_fmt(ev, "%s could not be read for %s (HTTP %d: %s)", REI, *other->scope ? other->scope : "the tenant",
		               other->status, other->message);
	if (nop2 && !other) {
		*note = "; no eligible Azure role assignment: the tenant has no Microsoft Entra ID P2 or Microsoft Entra ID "
		        "Governance license (Resource Manager answered AadPremiumLicenseRequired), and Privileged Identity "
		        "Management keeps none without one";
		return 1;
	}
	*why = aza_ev_fmt(ev, "eligible Azure role assignments (Privileged Identity Management for Azure resources) are "
	                      "unknown, and an eligible user can activate a role such as Owner at any time: %s", w);
	return 0;
}

/* ---- the users of groups holding a role ----
 * directory "groupMembers": [{"groupId", "members": [users]}], each group's
 * users read with GET /groups/{id}/transitiveMembers/microsoft.graph.user
 * (the users of nested groups too), and "groupEligibility": [{"groupId",
 * "eligible": [instances]}], the principals eligible for each group's
 * membership or ownership (Privileged Identity Management for Groups), read
 * with GET /identityGovernance/privilegedAccess/group/
 * eligibilityScheduleInstances?$filter=groupId eq '{id}'&$expand=principal.
 * A group whose call failed has an error scoped to /groups/{id} (to its
 * bare id in older snapshots) and no entry. */
#define GM "groupMembers"
#define GE "groupEligibility"

/* A per-group data set: its key, the list each entry holds, and what the
 * list is, for messages. */
typedef struct {
	const char *key, *list, *what;
} gset;
static const gset gs_members = {GM, "members", "users"};
static const gset gs_eligible = {GE, "eligible", "eligible members and owners"};

/* The list of group gid in set gs, or NULL with *why: not collected,
 * refused, or not read. */
static const aza_json *group_entry(aza_ev *ev, const gset *gs, const char *gid, const char **why)
{
	aza_inv *inv = aza_ev_inv(ev);
	const char *w = NULL;
	const aza_json *all = aza_inv_dir(inv, gs->key, &w);
	if (!all) {
		*why = w ? w : aza_ev_fmt(ev, "Microsoft Graph data '%s' was not collected", gs->key);
		/* A snapshot that lists the users of groups among its data sets
		 * but not their eligibility comes from a collector that did not
		 * read it: its groups' eligible users are unknown. */
		if (gs == &gs_eligible && !aza_inv_gap(inv, GE, "/") && aza_inv_dataset_listed(inv, GE) == 0 &&
		    aza_inv_dataset_listed(inv, GM) == 1)
			*why = aza_ev_fmt(ev, "%s (the snapshot's data sets list %s but not %s: a collector that did not read "
			                      "Privileged Identity Management for Groups)", *why, GM, GE);
		return NULL;
	}
	const aza_gap *g = gid ? aza_inv_gap(inv, gs->key, aza_ev_fmt(ev, "/groups/%s", gid)) : NULL;
	if (!g && gid)
		g = aza_inv_gap(inv, gs->key, gid);
	if (g) {
		*why = aza_ev_fmt(ev, "its %s could not be read (%s%s%d: %s)", gs->what, g->api, *g->api ? ", HTTP " : "HTTP ",
		                  g->status, g->message);
		return NULL;
	}
	if (!aza_json_is(all, AZA_JARR)) {
		*why = aza_ev_fmt(ev, "Microsoft Graph data '%s' is not a list", gs->key);
		return NULL;
	}
	aza_json_each(e, all) {
		const char *id = aza_json_str(aza_json_get(e, "groupId"));
		if (!id || !gid || !aza__strieq(id, gid))
			continue;
		const aza_json *m = aza_json_get(e, gs->list);
		if (aza_json_is(m, AZA_JARR))
			return m;
		*why = aza_ev_fmt(ev, "its %s entry has no %s list", gs->key, gs->list);
		return NULL;
	}
	*why = aza_ev_fmt(ev, "its %s are not in the input (%s has no entry for it)", gs->what, gs->key);
	return NULL;
}

/* A user who holds a role through a group. */
typedef struct {
	const char *id, *role; /* role: "<role> via group <name>" */
	const aza_json *u;     /* the member entry as Graph returned it */
} gmember;

/* The users of the groups holding a role, each group taken once (with
 * its first role), and the groups whose users are unknown. */
typedef struct {
	gmember *m;
	size_t n, cap;
	idset groups;
	namelist unknown;      /* "group <name> (<role>)" */
	const char *first_why, *first_group; /* why the first of them is unknown */
	int nomem;
	int nop2; /* Graph refused a group's eligibility with AadPremiumLicenseRequired */
} gheld;

/* Why the users of the groups named unknown are, for a message. */
static const char *gh_why(aza_ev *ev, const gheld *h)
{
	if (h->unknown.n == 1)
		return h->first_why;
	return aza_ev_fmt(ev, "group %s: %s", h->first_group, h->first_why);
}

/* For a PASS: what a refused eligibility proves. */
static const char *gh_note(const gheld *h)
{
	return h->nop2 ? "; no eligible group membership or ownership: the tenant has no Microsoft Entra ID P2 or Microsoft "
	                 "Entra ID Governance license (Graph answered AadPremiumLicenseRequired), and Privileged Identity "
	                 "Management for Groups keeps none without one"
	               : "";
}

static void gh_unknown(aza_ev *ev, gheld *h, const char *gn, const char *role, const char *why)
{
	nl_add(&h->unknown, aza_ev_fmt(ev, "group %s (%s)", gn, role));
	if (!h->first_why) {
		h->first_why = why;
		h->first_group = gn;
	}
}

static void gh_push(gheld *h, const char *id, const char *via, const aza_json *u)
{
	if (h->n == h->cap) {
		size_t k = h->cap ? h->cap * 2 : 16;
		gmember *v = aza__realloc(h->m, k * sizeof *v);
		if (!v) {
			h->nomem = 1;
			return;
		}
		h->m = v;
		h->cap = k;
	}
	h->m[h->n].id = id;
	h->m[h->n].role = via;
	h->m[h->n].u = u;
	h->n++;
}

/* Each user of a transitiveMembers list holds the role as via says. */
static void gh_users(gheld *h, const aza_json *mem, const char *via)
{
	aza_json_each(u, mem) {
		const char *ot = aza_json_str(aza_json_get(u, "@odata.type"));
		const char *id = aza_json_str(aza_json_get(u, "id"));
		if (!id || (ot && !aza__strieq(ot, "#microsoft.graph.user")))
			continue; /* the cast returns users; another object has no MFA, guest or enabled state */
		gh_push(h, id, via, u);
	}
}

/* The principals eligible for membership or ownership of group gid
 * (Privileged Identity Management for Groups) can activate it, and so the
 * group's role, at any time: each holds the role as a member does, an
 * eligible owner too (an owner can add itself as a member). An instance
 * that ended before the collection is left out. An eligible group passes
 * it to its users (its groupMembers entry, read for it); a service
 * principal has no MFA, guest or enabled state. NULL when every eligible
 * user is known, else why not: the eligibility could not be read (except
 * Graph's AadPremiumLicenseRequired: a tenant without Microsoft Entra ID
 * P2 or ID Governance has none), a principal is neither typed (the
 * principal expanded) nor a collected user, or an eligible group's users
 * are unknown. The users that are known are added all the same: a FAIL
 * stands whatever else is unknown. */
static const char *gh_eligible(aza_ev *ev, gheld *h, const char *gid, const char *gn, const char *role)
{
	const char *why = NULL;
	const aza_json *el = group_entry(ev, &gs_eligible, gid, &why);
	if (!el) {
		if (why && aza__istrstr(why, "AadPremiumLicenseRequired")) {
			h->nop2 = 1;
			return NULL;
		}
		return why;
	}
	const aza_json *users = aza_inv_dir(aza_ev_inv(ev), "users", NULL);
	const char *unknown = NULL;
	aza_json_each(e, el) {
		if (pim_ended(ev, aza_json_str(aza_json_get(e, "endDateTime"))))
			continue;
		const aza_json *pr = aza_json_get(e, "principal");
		const char *ot = aza_json_str(aza_json_get(pr, "@odata.type"));
		const char *pid = aza_json_str(aza_json_get(e, "principalId"));
		if (!pid)
			pid = aza_json_str(aza_json_get(pr, "id"));
		if (!pid)
			continue; /* names no principal: nobody to activate it */
		const char *acc = aza_json_str(aza_json_get(e, "accessId"));
		const char *via = aza_ev_fmt(ev, "%s eligible via group %s%s", role, gn, acc && aza__strieq(acc, "owner") ? " as its owner" : "");
		if (ot && aza__iends(ot, ".group")) {
			const char *pn = aza_json_str(aza_json_get(pr, "displayName"));
			const char *w = NULL;
			const aza_json *mem = group_entry(ev, &gs_members, pid, &w);
			if (mem)
				gh_users(h, mem, aza_ev_fmt(ev, "%s through group %s", via, pn ? pn : pid));
			else if (!unknown)
				unknown = aza_ev_fmt(ev, "group %s is eligible for it and %s", pn ? pn : pid, w);
			continue;
		}
		if (ot && !aza__iends(ot, ".user"))
			continue;
		const aza_json *u = by_id(users, pid);
		if (!u && ot && aza_json_is(pr, AZA_JOBJ))
			u = pr;
		if (u)
			gh_push(h, pid, via, u);
		else if (!unknown)
			unknown = aza_ev_fmt(ev, "its eligible principal %s is not typed and not a user in the input", pid);
	}
	return unknown;
}

/* The displayName the collector read for group gid with its users (its
 * groupMembers entry), or NULL: an Azure role assignment names its
 * principal by id only. A name is for the message alone, never evidence a
 * verdict rests on: a snapshot without one keeps the id. */
static const char *group_name(aza_ev *ev, const char *gid)
{
	const aza_json *all = aza_inv_dir(aza_ev_inv(ev), GM, NULL);
	if (!gid || !aza_json_is(all, AZA_JARR))
		return NULL;
	aza_json_each(e, all) {
		const char *id = aza_json_str(aza_json_get(e, "groupId"));
		if (!id || !aza__strieq(id, gid))
			continue;
		const char *dn = aza_json_str(aza_json_get(e, "displayName"));
		return dn && *dn ? dn : NULL;
	}
	return NULL;
}

/* The users of group gid, and those eligible for its membership or
 * ownership, hold its role; a group either of whose sets is unknown is
 * named, with the first reason. gname: the name the role assignment
 * carries (a directory one's expanded principal), else NULL. */
static void gh_add(aza_ev *ev, gheld *h, const char *gid, const char *gname, const char *role)
{
	if (!gid || !ids_add(&h->groups, gid))
		return;
	const char *why = NULL, *gn = gname ? gname : gid;
	const char *dn = gname ? NULL : group_name(ev, gid);
	if (dn)
		gn = aza_ev_fmt(ev, "%s (%s)", dn, gid);
	const aza_json *mem = group_entry(ev, &gs_members, gid, &why);
	if (mem)
		gh_users(h, mem, aza_ev_fmt(ev, "%s via group %s", role, gn));
	const char *ewhy = gh_eligible(ev, h, gid, gn, role);
	if (!mem || ewhy)
		gh_unknown(ev, h, gn, role, mem ? ewhy : why);
}

/* The groups holding a directory role in a Graph list of role assignments
 * (label: "" or "eligible for "), read with $expand=principal: privileged
 * roles only (priv), or any role. */
static void gh_dir(aza_ev *ev, gheld *h, const aza_json *list, const char *label, int priv)
{
	aza_json_each(a, list) {
		if (dir_ended(ev, a, label))
			continue;
		const aza_json *pr = aza_json_get(a, "principal");
		const char *ot = aza_json_str(aza_json_get(pr, "@odata.type"));
		if (!ot || !aza__iends(ot, ".group"))
			continue;
		const char *rd = aza_json_str(aza_json_get(a, "roleDefinitionId"));
		const char *role = priv_dir_role(rd);
		if (!role && priv)
			continue;
		if (!role)
			role = aza_ev_fmt(ev, "directory role %s", rd ? rd : "?");
		const char *gid = aza_json_str(aza_json_get(a, "principalId"));
		gh_add(ev, h, gid ? gid : aza_json_str(aza_json_get(pr, "id")), aza_json_str(aza_json_get(pr, "displayName")),
		       aza_ev_fmt(ev, "%s%s", label, role));
	}
}

static const char *ra_role_at(aza_ev *ev, const ra_row *w, const char *label, const char **where);

/* The groups (principalType Group) holding an Azure role in a table of
 * role assignments (label: "" or "eligible for "): a privileged one at a
 * subscription or above (priv), or any role at any scope, named with it. */
static void gh_rbac(aza_ev *ev, gheld *h, const ra_table *rt, const char *label, int priv)
{
	for (size_t i = 0; i < rt->n; i++) {
		const ra_row *w = &rt->row[i];
		const char *pt = ra_get(ev, w, RA_PTYPE);
		if (!pt || !aza__strieq(pt, "Group"))
			continue;
		const char *role, *where = "";
		if (priv) {
			if (!scope_is_sub_or_above(ra_get(ev, w, RA_SCOPE)) || !(role = priv_rbac_any(ev, ra_get(ev, w, RA_RD))))
				continue;
			role = aza_ev_fmt(ev, "%s%s", label, role);
		} else {
			role = ra_role_at(ev, w, label, &where);
			role = aza_ev_fmt(ev, "%s%s", role, where);
		}
		gh_add(ev, h, ra_get(ev, w, RA_PID), NULL, role);
	}
}

/* Is this Graph user a guest? -1 when the entry does not say. */
static int is_guest(const aza_json *u)
{
	const char *t = aza_json_str(aza_json_get(u, "userType"));
	if (t)
		return aza__strieq(t, "Guest");
	const char *upn = aza_json_str(aza_json_get(u, "userPrincipalName"));
	if (upn && aza__istrstr(upn, "#EXT#"))
		return 1;
	return -1;
}

/* ---- Microsoft Entra ID (Graph) ---- */

/* Can the user of a registration record do MFA? 1: isMfaRegistered true
 * and isMfaCapable not false; 0: not registered, or registered only with
 * methods the authentication methods policy does not allow (isMfaCapable
 * false, *disallowed set): Graph v1.0 "userRegistrationDetails resource
 * type" says isMfaRegistered's method "may not necessarily be allowed by
 * the authentication methods policy" while isMfaCapable's "must be
 * allowed". A method the policy does not allow cannot be used to sign in,
 * so such a user, like one not registered, is asked to register at the
 * next MFA prompt, by whoever holds the password. -1: isMfaRegistered is
 * missing or not a boolean. isMfaCapable missing or not a boolean (a
 * collector that did not read it) leaves isMfaRegistered to decide. */
static int mfa_usable(const aza_json *u, int *disallowed)
{
	int b;
	*disallowed = 0;
	if (!aza_json_bool(aza_json_get(u, "isMfaRegistered"), &b))
		return -1;
	if (!b)
		return 0;
	if (aza_json_bool(aza_json_get(u, "isMfaCapable"), &b) && !b) {
		*disallowed = 1;
		return 0;
	}
	return 1;
}

/* For a message: why mfa_usable gave 0. */
#define NOT_CAPABLE "registered only with methods the authentication methods policy does not allow (isMfaCapable false)"

static void security_defaults(aza_ev *ev, const aza_res *r)
{
	const char *why;
	const aza_json *sd = graph(ev, "identitySecurityDefaultsEnforcementPolicy", PERM_POLICY, &why);
	if (!sd) {
		aza_unknown(ev, r, "%s", why);
		return;
	}
	int b;
	if (!aza_json_bool(aza_json_get(sd, "isEnabled"), &b)) {
		aza_unknown(ev, r, "identitySecurityDefaultsEnforcementPolicy.isEnabled is missing or not a boolean");
		return;
	}
	if (b) {
		aza_pass(ev, r, "security defaults are enabled (isEnabled true)");
		return;
	}
	const char *why_ca = NULL;
	const aza_json *ca = graph_list(ev, "conditionalAccessPolicies", PERM_POLICY, &why_ca);
	if (!ca) {
		aza_unknown(ev, r, "security defaults are disabled (isEnabled false), and whether Conditional Access replaces them is unknown: %s", why_ca);
		return;
	}
	size_t enabled = 0;
	aza_json_each(p, ca) {
		if (aza_json_streq(aza_json_get(p, "state"), "enabled"))
			enabled++;
	}
	/* Security defaults cannot be on beside Conditional Access, and a
	 * tenant that uses it (Microsoft Entra ID P1) is told to protect itself
	 * with Conditional Access instead (Microsoft Entra security defaults,
	 * "Who should use Conditional Access?"; CIS: the security defaults
	 * section is for tenants that cannot use it). Whether its policies do
	 * what security defaults did is not shown by their existence: the
	 * message does not claim it, and AZA-IAM-002 judges MFA for every
	 * user. */
	if (enabled)
		aza_na(ev, r, "security defaults are disabled and cannot be enabled beside the tenant's %zu enabled Conditional Access polic%s "
		              "(Conditional Access takes their place); whether %s MFA of every user is judged by AZA-IAM-002",
		       enabled, enabled == 1 ? "y" : "ies", enabled == 1 ? "it requires" : "they require");
	else
		aza_fail(ev, r, "security defaults are disabled (isEnabled false) and no enabled Conditional Access policy exists");
}

/* A non-empty array or object (a condition that is set). */
static int set_cond(const aza_json *j)
{
	return (aza_json_is(j, AZA_JARR) || aza_json_is(j, AZA_JOBJ)) && aza_json_len(j) > 0;
}

/* The first condition of a CA policy that limits it to some sign-ins only
 * (risk levels, platforms, locations, client apps, devices, excluded
 * applications, application filters, excluded guest or external users,
 * authentication flows), or NULL when it applies to every sign-in of its
 * users and applications. client_apps 0: clientAppTypes is left to the
 * caller (AZA-IAM-030 judges which client apps a policy blocks). */
static const char *ca_narrowing(const aza_json *c, int client_apps)
{
	static const char *const risk[] = {"signInRiskLevels", "userRiskLevels", "servicePrincipalRiskLevels"};
	for (size_t i = 0; i < 3; i++)
		if (set_cond(aza_json_get(c, risk[i])))
			return risk[i];
	const char *ir = aza_json_str(aza_json_get(c, "insiderRiskLevels"));
	if (ir && *ir)
		return "insiderRiskLevels";
	const aza_json *cat = aza_json_get(c, "clientAppTypes");
	if (client_apps && set_cond(cat) && !aza_json_has_str(cat, "all"))
		return "clientAppTypes";
	const aza_json *pl = aza_json_get(c, "platforms");
	if (aza_json_is(pl, AZA_JOBJ) &&
	    (!aza_json_has_str(aza_json_get(pl, "includePlatforms"), "all") || set_cond(aza_json_get(pl, "excludePlatforms"))))
		return "platforms";
	const aza_json *lo = aza_json_get(c, "locations");
	if (aza_json_is(lo, AZA_JOBJ) &&
	    (!aza_json_has_str(aza_json_get(lo, "includeLocations"), "All") || set_cond(aza_json_get(lo, "excludeLocations"))))
		return "locations";
	const aza_json *dv = aza_json_get(c, "devices");
	if (aza_json_is(dv, AZA_JOBJ) && (set_cond(aza_json_get(dv, "deviceFilter")) || set_cond(aza_json_get(dv, "includeDevices")) ||
	                                  set_cond(aza_json_get(dv, "excludeDevices"))))
		return "devices";
	if (set_cond(aza_json_path(c, "applications.excludeApplications")))
		return "applications.excludeApplications";
	/* A filter on custom security attributes leaves out the applications
	 * it excludes, or keeps only those it includes: either way not every
	 * cloud app is covered. */
	const aza_json *af = aza_json_path(c, "applications.applicationFilter");
	if (set_cond(af)) {
		const char *m = aza_json_str(aza_json_get(af, "mode"));
		if (m && aza__strieq(m, "exclude"))
			return "applications.applicationFilter (mode exclude)";
		if (m && aza__strieq(m, "include"))
			return "applications.applicationFilter (mode include)";
		return "applications.applicationFilter";
	}
	/* Excluding guest or external user types leaves those users out of an
	 * "All users" policy ("none" is the enum's empty value). */
	const aza_json *eg = aza_json_path(c, "users.excludeGuestsOrExternalUsers");
	if (set_cond(eg)) {
		const char *t = aza_json_str(aza_json_get(eg, "guestOrExternalUserTypes"));
		if (!t || (*t && !aza__strieq(t, "none")))
			return "users.excludeGuestsOrExternalUsers (guest and external users left out)";
	}
	/* excludeUsers holds user ids "and/or GuestsOrExternalUsers" (Graph
	 * conditionalAccessUsers): that value leaves the same users out. */
	if (aza_json_has_str(aza_json_path(c, "users.excludeUsers"), "GuestsOrExternalUsers"))
		return "users.excludeUsers GuestsOrExternalUsers (guest and external users left out)";
	if (set_cond(aza_json_get(c, "authenticationFlows")))
		return "authenticationFlows";
	return NULL;
}

/* The built-in authentication strengths. All three grant the MFA claim
 * (requirementsSatisfied "mfa"), per Microsoft Graph v1.0 "List
 * authenticationStrengthPolicies" (GET /policies/authenticationStrengthPolicies),
 * whose example response lists them with policyType builtIn. */
static const struct {
	const char *id, *name;
} mfa_strengths[] = {
	{"00000000-0000-0000-0000-000000000002", "Multifactor authentication"},
	{"00000000-0000-0000-0000-000000000003", "Passwordless MFA"},
	{"00000000-0000-0000-0000-000000000004", "Phishing-resistant MFA"},
};

/* Does a CA policy's authentication strength require MFA? The grant
 * controls' authenticationStrength is a Graph authenticationStrengthPolicy
 * (properties id, displayName, policyType, requirementsSatisfied,
 * allowedCombinations: Microsoft Graph v1.0, "authenticationStrengthPolicy
 * resource type" and the authenticationStrength relationship of
 * "conditionalAccessGrantControls resource type"). requirementsSatisfied
 * (authenticationStrengthRequirements: none, mfa, unknownFutureValue) says
 * whether satisfying the strength grants the MFA claim; it is read
 * case-insensitively, as comma-separated flags. 1: it grants MFA (mfa among
 * the flags, or, the property absent, the id of a built-in strength); 0: it
 * does not (none alone); -1: azaudit cannot tell. *desc names the strength
 * and that evidence. */
static int strength_mfa(aza_ev *ev, const aza_json *s, const char **desc)
{
	const char *id = aza_json_str(aza_json_get(s, "id"));
	const char *dn = aza_json_str(aza_json_get(s, "displayName"));
	const char *name = aza_ev_fmt(ev, "authentication strength '%s' (id %s", dn ? dn : "?", id ? id : "missing");
	const aza_json *rq = aza_json_get(s, "requirementsSatisfied");
	if (!rq || aza_json_is(rq, AZA_JNULL)) {
		for (size_t i = 0; id && i < sizeof mfa_strengths / sizeof mfa_strengths[0]; i++)
			if (aza__strieq(id, mfa_strengths[i].id)) {
				*desc = aza_ev_fmt(ev, "%s, the built-in %s strength; no requirementsSatisfied)", name, mfa_strengths[i].name);
				return 1;
			}
		*desc = aza_ev_fmt(ev, "%s, no requirementsSatisfied and not a built-in strength)", name);
		return -1;
	}
	const char *v = aza_json_str(rq);
	if (!v) {
		*desc = aza_ev_fmt(ev, "%s, requirementsSatisfied not a string)", name);
		return -1;
	}
	int mfa = 0, none = 0, other = 0;
	for (const char *p = v;;) {
		p += strspn(p, " ,");
		size_t l = strcspn(p, " ,");
		if (!l)
			break;
		if (l == 3 && aza__strnieq(p, "mfa", 3))
			mfa = 1;
		else if (l == 4 && aza__strnieq(p, "none", 4))
			none = 1;
		else
			other = 1;
		p += l;
	}
	if (mfa) {
		*desc = aza_ev_fmt(ev, "%s, requirementsSatisfied '%s')", name, v);
		return 1;
	}
	if (none && !other) {
		*desc = aza_ev_fmt(ev, "%s, requirementsSatisfied '%s')", name, v);
		return 0;
	}
	*desc = aza_ev_fmt(ev, "%s, requirementsSatisfied '%s', not a value azaudit knows)", name, v);
	return -1;
}

/* The grant controls of g other than builtInControls `except`: those a
 * user may satisfy instead when the operator is OR (built-in controls,
 * terms of use, custom factors), added to alt. */
static void grant_others(aza_ev *ev, const aza_json *g, const char *except, namelist *alt)
{
	aza_json_each(x, aza_json_get(g, "builtInControls")) {
		const char *s = aza_json_str(x);
		if (!s || !aza__strieq(s, except))
			nl_add(alt, s);
	}
	aza_json_each(x, aza_json_get(g, "termsOfUse")) {
		const char *s = aza_json_str(x);
		nl_add(alt, aza_ev_fmt(ev, "terms of use %s", s ? s : "?"));
	}
	aza_json_each(x, aza_json_get(g, "customAuthenticationFactors")) {
		const char *s = aza_json_str(x);
		nl_add(alt, aza_ev_fmt(ev, "custom factor %s", s ? s : "?"));
	}
}

/* Do a CA policy's grant controls force MFA? 1 yes, with *why NULL (the mfa
 * control) or naming the authentication strength that does; 0 no, with
 * *why the reason ("" for a policy that asks for no MFA at all: not worth
 * naming); -1 azaudit cannot tell (*why says why). With AND (or a single
 * control) every control is required, so mfa or a strength that grants
 * MFA among them enforces MFA. With OR any one control satisfies the
 * policy, so a single non-MFA alternative (another built-in control, terms
 * of use, a custom factor, a strength that does not grant MFA) lets a user
 * in without MFA, and a strength azaudit cannot judge leaves it unknown. */
static int grant_mfa(aza_ev *ev, const aza_json *g, const char **why)
{
	const aza_json *bic = aza_json_get(g, "builtInControls");
	const aza_json *st = aza_json_get(g, "authenticationStrength");
	int mfa = aza_json_has_str(bic, "mfa"), has_st = aza_json_is(st, AZA_JOBJ), sk = 0;
	const char *sd = NULL;
	if (has_st)
		sk = strength_mfa(ev, st, &sd);
	*why = NULL;
	if (!mfa && (!has_st || sk == 0)) {
		*why = has_st ? aza_ev_fmt(ev, "its %s does not require MFA", sd) : "";
		return 0;
	}
	namelist alt = {{0}, 0};
	grant_others(ev, g, "mfa", &alt);
	if (has_st && sk == 0)
		nl_add(&alt, sd);
	const char *op = aza_json_str(aza_json_get(g, "operator"));
	int all_req = op && aza__strieq(op, "AND");
	if (alt.n && !all_req) {
		*why = aza_ev_fmt(ev, "its grant controls use operator %s, so %s can satisfy it instead of MFA", op ? op : "(none)",
		                  nl_str(ev, &alt));
		return 0;
	}
	/* Every control is required (AND), or every choice is an MFA control. */
	if (all_req ? mfa || sk == 1 : sk != -1) {
		if (has_st && sk == 1 && !(all_req && mfa))
			*why = sd;
		return 1;
	}
	*why = aza_ev_fmt(ev, "whether its %s requires MFA is unknown", sd);
	return -1;
}

/* An enabled CA policy that requires MFA (or an authentication strength
 * that grants it) for All users and All cloud apps, on every sign-in; *how
 * names the strength when that is what requires MFA. *narrow (may be NULL)
 * names the first such policy left out, and why: a narrowing condition, or
 * a grant that a non-MFA control also satisfies. *unsure (not NULL) names
 * the first policy that would count but whose grant azaudit cannot judge. */
static const aza_json *enabled_ca_mfa_all(aza_ev *ev, const aza_json *ca, int *exclusions, const char **narrow,
                                          const char **unsure, const char **how)
{
	aza_json_each(p, ca) {
		if (!aza_json_streq(aza_json_get(p, "state"), "enabled"))
			continue;
		const aza_json *c = aza_json_get(p, "conditions");
		if (!aza_json_has_str(aza_json_path(c, "users.includeUsers"), "All"))
			continue;
		if (!aza_json_has_str(aza_json_path(c, "applications.includeApplications"), "All"))
			continue;
		const char *dn = aza_json_str(aza_json_get(p, "displayName"));
		const char *gw = NULL;
		int k = grant_mfa(ev, aza_json_get(p, "grantControls"), &gw);
		if (k == 0) {
			if (*gw && narrow && !*narrow)
				*narrow = aza_ev_fmt(ev, "policy '%s' does not count: %s", dn ? dn : "?", gw);
			continue;
		}
		const char *nc = ca_narrowing(c, 1);
		if (nc) {
			if (narrow && !*narrow)
				*narrow = aza_ev_fmt(ev, "policy '%s' requires MFA only under conditions.%s", dn ? dn : "?", nc);
			continue;
		}
		if (k < 0) {
			if (!*unsure)
				*unsure = aza_ev_fmt(ev, "policy '%s' covers All users and All cloud apps, but %s", dn ? dn : "?", gw);
			continue;
		}
		if (exclusions)
			*exclusions = (int)(aza_json_len(aza_json_path(c, "users.excludeUsers")) +
			                    aza_json_len(aza_json_path(c, "users.excludeGroups")) +
			                    aza_json_len(aza_json_path(c, "users.excludeRoles")));
		*how = gw;
		return p;
	}
	return NULL;
}

static void mfa_all_users(aza_ev *ev, const aza_res *r)
{
	const char *why_sd = "", *why_ca = "", *why_reg = "";
	int b;
	const aza_json *sd = graph(ev, "identitySecurityDefaultsEnforcementPolicy", PERM_POLICY, &why_sd);
	if (sd && aza_json_bool(aza_json_get(sd, "isEnabled"), &b) && b) {
		aza_pass(ev, r, "security defaults are enabled: every user must register for and use MFA");
		return;
	}
	const aza_json *ca = graph_list(ev, "conditionalAccessPolicies", PERM_POLICY, &why_ca);
	int excl = 0;
	const char *narrow = NULL, *unsure = NULL, *how = NULL;
	const aza_json *p = enabled_ca_mfa_all(ev, ca, &excl, &narrow, &unsure, &how);
	if (p) {
		const char *dn = aza_json_str(aza_json_get(p, "displayName"));
		aza_pass(ev, r, "Conditional Access policy '%s' requires MFA for All users and All cloud apps%s%s", dn ? dn : "?",
		         how ? aza_ev_fmt(ev, " with %s", how) : "",
		         excl ? aza_ev_fmt(ev, " (%d exclusion(s): check they are break-glass accounts)", excl) : "");
		return;
	}
	/* The policies left out are named in every verdict that falls back on
	 * registration, so a reader sees why they did not prove MFA. One that
	 * may require MFA for everyone (unsure) leaves a FAIL on registration
	 * unproven: users not registered yet would have to at their next
	 * sign-in. */
	const char *left = aza_ev_fmt(ev, "%s%s%s%s", narrow ? "; " : "", narrow ? narrow : "", unsure ? "; " : "", unsure ? unsure : "");
	const aza_json *reg = graph_list(ev, "userRegistrationDetails", PERM_REG, &why_reg);
	if (!reg) {
		aza_unknown(ev, r, "no security defaults or all-users MFA Conditional Access policy proven, and %s%s%s%s", why_reg,
		            sd ? "" : aza_ev_fmt(ev, "; %s", why_sd), ca ? "" : aza_ev_fmt(ev, "; %s", why_ca), left);
		return;
	}
	/* Registration details have no accountEnabled: a disabled account,
	 * which cannot sign in, is left out where the users list (joined by
	 * id) says accountEnabled false; without that list, or without the
	 * user in it, it counts. */
	const char *why_users = NULL;
	const aza_json *users = graph_list(ev, "users", PERM_DIR, &why_users);
	idindex *ux = idx_new(aza_json_len(users));
	if (!ux) {
		aza_ev_nomem(ev);
		return;
	}
	idx_add_ids(ux, users);
	idx_sort(ux);
	namelist bad = {{0}, 0};
	size_t members = 0, odd = 0, disabled = 0;
	aza_json_each(u, reg) {
		const char *t = aza_json_str(aza_json_get(u, "userType"));
		if (t && aza__strieq(t, "guest"))
			continue;
		const aza_json *acct = idx_find(ux, aza_json_str(aza_json_get(u, "id")));
		if (acct && aza_json_bool(aza_json_get(acct, "accountEnabled"), &b) && !b) {
			disabled++;
			continue;
		}
		members++;
		int dis, k = mfa_usable(u, &dis);
		if (k < 0) {
			odd++;
			continue;
		}
		if (!k)
			nl_add(&bad, dis ? aza_ev_fmt(ev, "%s (" NOT_CAPABLE ")", user_name(u)) : user_name(u));
	}
	aza__free(ux);
	/* A registration report that leaves out some users (read with a
	 * filter such as isAdmin eq true, or before a new user appeared in
	 * it) proves nothing of theirs: an enabled member in users without a
	 * record keeps a PASS from standing. */
	size_t unreg = 0;
	const char *unreg_name = NULL;
	idindex *rx = users ? idx_new(aza_json_len(reg)) : NULL;
	if (users && !rx) {
		aza_ev_nomem(ev);
		return;
	}
	if (rx) {
		idx_add_ids(rx, reg);
		idx_sort(rx);
		aza_json_each(u, users) {
			const char *id = aza_json_str(aza_json_get(u, "id"));
			if (!id || is_guest(u) == 1 || idx_find(rx, id))
				continue;
			if (aza_json_bool(aza_json_get(u, "accountEnabled"), &b) && !b)
				continue;
			if (!unreg++)
				unreg_name = user_name(u);
		}
		aza__free(rx);
	}
	/* Which accounts were counted; a user found unregistered may be a
	 * disabled one when the users list was not read. */
	const char *left_out = disabled ? aza_ev_fmt(ev, "; %zu disabled account(s) (accountEnabled false in users) not counted", disabled) : "";
	const char *acc = users ? left_out : "; disabled accounts could not be left out: the users list (accountEnabled) was not read";
	if (bad.n && unsure)
		aza_unknown(ev, r, "%zu member user(s) not registered for MFA: %s; that fails only if no Conditional Access policy requires MFA for all users, and %s%s%s",
		            bad.n, nl_str(ev, &bad), unsure, narrow ? aza_ev_fmt(ev, "; %s", narrow) : "", acc);
	else if (bad.n)
		aza_fail(ev, r, "%zu member user(s) not registered for MFA: %s (no security defaults and no all-users MFA Conditional Access policy%s%s)%s",
		         bad.n, nl_str(ev, &bad), ca ? "" : " proven", left, acc);
	else if (odd)
		aza_unknown(ev, r, "%zu registration record(s) lack a boolean isMfaRegistered (no all-users MFA Conditional Access policy%s)",
		            odd, left);
	else if (unreg)
		aza_unknown(ev, r, "%zu enabled user(s) in users that are not guests have no userRegistrationDetails record (e.g. %s): "
		            "their MFA registration is unknown (no all-users MFA Conditional Access policy%s)", unreg, unreg_name, left);
	else if (!members)
		aza_unknown(ev, r, "userRegistrationDetails lists no enabled member user (no all-users MFA Conditional Access policy%s%s)",
		            left, left_out);
	else
		/* CIS 5.1.3 and the checklist count registration; a reader must
		 * still learn that nothing here makes a sign-in ask for it
		 * (per-user MFA, the one other switch, is not read). */
		aza_pass(ev, r, "all %zu member users are registered for MFA%s%s; neither security defaults nor an all-users "
		         "Conditional Access policy%s requires it at sign-in (per-user MFA is not read)",
		         members, left, left_out, ca ? "" : " proven");
}

/* ---- AZA-IAM-030: legacy authentication ---- */

/* The client app types of legacy authentication, as Microsoft Learn's
 * common Conditional Access policy "Block legacy authentication" selects
 * them: Exchange ActiveSync clients and other clients (POP, IMAP, SMTP
 * AUTH, older Office clients). Graph conditionalAccessConditionSet
 * clientAppTypes: all, browser, mobileAppsAndDesktopClients,
 * exchangeActiveSync, easSupported, other. */
enum { LEG_EAS = 1, LEG_OTHER = 2, LEG_ALL = LEG_EAS | LEG_OTHER };

/* The legacy client app types a policy's clientAppTypes take in (LEG_*
 * bits; 0 for none), or -1 when the value is not a list of strings. "all"
 * takes in both, and so does no value (an empty or absent list: since
 * 2020 a policy without the client apps condition applies to every client
 * app, as ca_narrowing reads it for AZA-IAM-002). easSupported is
 * Exchange ActiveSync on supported platforms only, a part of
 * exchangeActiveSync: it does not take in every ActiveSync client. */
static int legacy_types(const aza_json *cat)
{
	if (!cat || aza_json_is(cat, AZA_JNULL))
		return LEG_ALL;
	if (!aza_json_is(cat, AZA_JARR))
		return -1;
	if (!aza_json_len(cat))
		return LEG_ALL;
	int m = 0;
	aza_json_each(x, cat) {
		const char *s = aza_json_str(x);
		if (!s)
			return -1;
		if (aza__strieq(s, "all"))
			m |= LEG_ALL;
		else if (aza__strieq(s, "exchangeActiveSync"))
			m |= LEG_EAS;
		else if (aza__strieq(s, "other"))
			m |= LEG_OTHER;
	}
	return m;
}

static const char *legacy_str(int m)
{
	return m == LEG_ALL ? "exchangeActiveSync and other" : m == LEG_EAS ? "exchangeActiveSync" : "other";
}

/* A policy's clientAppTypes that take in both legacy types, for a PASS. */
static const char *cat_desc(const aza_json *cat)
{
	if (aza_json_has_str(cat, "all"))
		return "all";
	if (!aza_json_len(cat))
		return "not set: every client app";
	return legacy_str(LEG_ALL);
}

/* Does a CA policy's grant block access? 1 yes: builtInControls holds
 * block, and no other control can satisfy the policy instead (block
 * alone, or operator AND: every control is required and block is never
 * satisfied). 0 no, with *why NULL when the grant has no block at all
 * (grantControls null: a policy of session controls only), else naming
 * the alternatives that an OR lets a user satisfy instead (the portal
 * offers Block access alone, but Graph data is judged as it stands). -1
 * grantControls or its builtInControls is of the wrong type (*why says
 * which). */
static int grant_blocks(aza_ev *ev, const aza_json *g, const char **why)
{
	*why = NULL;
	if (!g || aza_json_is(g, AZA_JNULL))
		return 0;
	if (!aza_json_is(g, AZA_JOBJ)) {
		*why = "grantControls is not an object";
		return -1;
	}
	const aza_json *bic = aza_json_get(g, "builtInControls");
	if (bic && !aza_json_is(bic, AZA_JNULL) && !aza_json_is(bic, AZA_JARR)) {
		*why = "grantControls.builtInControls is not a list";
		return -1;
	}
	if (!aza_json_has_str(bic, "block"))
		return 0;
	namelist alt = {{0}, 0};
	grant_others(ev, g, "block", &alt);
	const aza_json *st = aza_json_get(g, "authenticationStrength");
	if (aza_json_is(st, AZA_JOBJ)) {
		const char *dn = aza_json_str(aza_json_get(st, "displayName"));
		nl_add(&alt, aza_ev_fmt(ev, "authentication strength '%s'", dn ? dn : "?"));
	}
	const char *op = aza_json_str(aza_json_get(g, "operator"));
	if (alt.n && !(op && aza__strieq(op, "AND"))) {
		*why = aza_ev_fmt(ev, "its grant controls use operator %s, so %s can satisfy it instead of block", op ? op : "(none)",
		                  nl_str(ev, &alt));
		return 0;
	}
	return 1;
}

/* The users, groups and roles a policy leaves out, for a message (users by
 * name from the collected users, groups by the name their groupMembers
 * entry carries, privileged roles by name; else by id), or NULL. */
static const char *ca_exclusions(aza_ev *ev, const aza_json *c)
{
	namelist l = {{0}, 0};
	aza_json_each(x, aza_json_path(c, "users.excludeUsers"))
		nl_add(&l, principal_name(ev, aza_json_str(x)));
	aza_json_each(x, aza_json_path(c, "users.excludeGroups")) {
		const char *g = aza_json_str(x), *n = group_name(ev, g);
		nl_add(&l, aza_ev_fmt(ev, "group %s", n ? n : g ? g : "?"));
	}
	aza_json_each(x, aza_json_path(c, "users.excludeRoles")) {
		const char *id = aza_json_str(x), *n = priv_dir_role(id);
		nl_add(&l, aza_ev_fmt(ev, "role %s", n ? n : id ? id : "?"));
	}
	return l.n ? aza_ev_fmt(ev, "%s", nl_str(ev, &l)) : NULL;
}

/* A list property of a policy's conditions that is present but not a list. */
static int not_list(const aza_json *j)
{
	return j && !aza_json_is(j, AZA_JNULL) && !aza_json_is(j, AZA_JARR);
}

/* What the collected CA policies do about legacy authentication: the
 * enabled policies that block it for All users and All resources on every
 * sign-in, by the legacy client types they take in (the first one taking
 * in both, and the first for each), the first policies left out and why
 * (left), and the first enabled policy azaudit cannot read (unsure). */
typedef struct {
	const aza_json *both, *eas, *other;
	namelist left;
	const char *unsure;
} legacy_ca;

/* A policy's name for messages: displayName, else its id. */
static const char *pol_name(const aza_json *p)
{
	const char *dn = aza_json_str(aza_json_get(p, "displayName"));
	if (!dn)
		dn = aza_json_str(aza_json_get(p, "id"));
	return dn ? dn : "?";
}

static void legacy_scan(aza_ev *ev, const aza_json *ca, legacy_ca *L)
{
	aza_json_each(p, ca) {
		const char *name = aza_ev_fmt(ev, "policy '%s'", pol_name(p));
		const char *st = aza_json_str(aza_json_get(p, "state"));
		int on = st && aza__strieq(st, "enabled");
		const aza_json *c = aza_json_get(p, "conditions");
		const char *gw = NULL, *bad = NULL;
		int k = grant_blocks(ev, aza_json_get(p, "grantControls"), &gw), t = 0;
		/* A policy without block is not about blocking legacy
		 * authentication, whatever else it holds; the values that say
		 * whether one with block counts must be readable. */
		if (!k && !gw)
			continue;
		if (!st)
			bad = "state is missing or not a string";
		else if (k < 0)
			bad = gw;
		else if (!aza_json_is(c, AZA_JOBJ))
			bad = "conditions is not an object";
		else if ((t = legacy_types(aza_json_get(c, "clientAppTypes"))) < 0)
			bad = "conditions.clientAppTypes is not a list of strings";
		else if (t && not_list(aza_json_path(c, "users.includeUsers")))
			bad = "conditions.users.includeUsers is not a list";
		else if (t && not_list(aza_json_path(c, "applications.includeApplications")))
			bad = "conditions.applications.includeApplications is not a list";
		if (bad) {
			/* A policy that is known to be off blocks nothing. */
			if (!on && st)
				continue;
			if (!L->unsure)
				L->unsure = aza_ev_fmt(ev, "%s cannot be judged: %s", name, bad);
			continue;
		}
		/* No legacy client among its client app types. */
		if (!t)
			continue;
		const char *why = NULL, *nc;
		if (!on)
			why = aza__strieq(st, "enabledForReportingButNotEnforced")
			          ? "is report-only (state enabledForReportingButNotEnforced): it logs legacy sign-ins but lets them in"
			          : aza__strieq(st, "disabled") ? "is disabled (state disabled)" : aza_ev_fmt(ev, "is not enabled (state '%s')", st);
		else if (!k)
			why = aza_ev_fmt(ev, "does not count: %s", gw);
		else if (!aza_json_has_str(aza_json_path(c, "users.includeUsers"), "All"))
			why = "does not target All users (conditions.users.includeUsers)";
		else if (!aza_json_has_str(aza_json_path(c, "applications.includeApplications"), "All"))
			why = "does not target All resources (conditions.applications.includeApplications)";
		else if ((nc = ca_narrowing(c, 0)))
			why = aza_ev_fmt(ev, "blocks only under conditions.%s", nc);
		if (why) {
			nl_add(&L->left, aza_ev_fmt(ev, "%s (clientAppTypes %s) %s", name, legacy_str(t), why));
			continue;
		}
		if (t == LEG_ALL && !L->both)
			L->both = p;
		if ((t & LEG_EAS) && !L->eas)
			L->eas = p;
		if ((t & LEG_OTHER) && !L->other)
			L->other = p;
	}
}

/* " (it excludes ...: ...)" for a policy that counts, or "". */
static const char *legacy_excl(aza_ev *ev, const aza_json *p)
{
	const char *x = ca_exclusions(ev, aza_json_get(p, "conditions"));
	return x ? aza_ev_fmt(ev, " (it excludes %s: check each is an emergency access account)", x) : "";
}

/* Security defaults enabled prove it on their own; otherwise the enabled
 * policies must. Either proof stands whatever else is unknown; a FAIL needs
 * security defaults known to be off and every policy that might count
 * read. */
static void legacy_auth(aza_ev *ev, const aza_res *r)
{
	const char *why_sd = NULL, *why_ca = NULL;
	int b = 0, sd_known = 0;
	const aza_json *sd = graph(ev, "identitySecurityDefaultsEnforcementPolicy", PERM_POLICY, &why_sd);
	if (sd && aza_json_bool(aza_json_get(sd, "isEnabled"), &b)) {
		if (b) {
			aza_pass(ev, r, "security defaults are enabled (isEnabled true): they block legacy authentication");
			return;
		}
		sd_known = 1;
	} else if (sd) {
		why_sd = "identitySecurityDefaultsEnforcementPolicy.isEnabled is missing or not a boolean";
	}
	const aza_json *ca = graph_list(ev, "conditionalAccessPolicies", PERM_POLICY, &why_ca);
	if (!ca) {
		if (sd_known)
			aza_unknown(ev, r, "security defaults are disabled (isEnabled false), and whether a Conditional Access policy "
			                   "blocks legacy authentication is unknown: %s", why_ca);
		else
			aza_unknown(ev, r, "whether security defaults or a Conditional Access policy block legacy authentication is "
			                   "unknown: %s; %s", why_sd, why_ca);
		return;
	}
	legacy_ca L = {0};
	legacy_scan(ev, ca, &L);
	const char *left = L.left.n ? aza_ev_fmt(ev, "; left out: %s", nl_str(ev, &L.left)) : "";
	if (L.both) {
		aza_pass(ev, r, "Conditional Access policy '%s' blocks legacy authentication (clientAppTypes %s) for All users and All resources%s",
		         pol_name(L.both), cat_desc(aza_json_path(L.both, "conditions.clientAppTypes")), legacy_excl(ev, L.both));
		return;
	}
	if (L.eas && L.other) {
		aza_pass(ev, r, "Conditional Access policies '%s' (exchangeActiveSync)%s and '%s' (other)%s together block legacy authentication for All users and All resources",
		         pol_name(L.eas), legacy_excl(ev, L.eas), pol_name(L.other), legacy_excl(ev, L.other));
		return;
	}
	/* One legacy client type blocked leaves the other open. */
	const aza_json *half = L.eas ? L.eas : L.other;
	const char *part = half ? aza_ev_fmt(ev, "; enabled policy '%s' blocks %s clients for All users and All resources, but none blocks %s",
	                                     pol_name(half), L.eas ? "exchangeActiveSync" : "other",
	                                     L.eas ? "other clients (POP, IMAP, SMTP AUTH, older Office clients)" : "Exchange ActiveSync clients (exchangeActiveSync)")
	                        : "";
	size_t n = aza_json_len(ca);
	const char *none = aza_ev_fmt(ev, "no enabled Conditional Access policy among the %zu collected blocks legacy "
	                                  "authentication (clientAppTypes exchangeActiveSync and other) for All users and All resources",
	                              n);
	if (L.unsure)
		aza_unknown(ev, r, "whether an enabled Conditional Access policy blocks legacy authentication (clientAppTypes "
		                   "exchangeActiveSync and other) for All users and All resources is unknown: %s%s%s%s",
		            L.unsure, part, left, sd_known ? "" : aza_ev_fmt(ev, "; %s", why_sd));
	else if (!sd_known)
		aza_unknown(ev, r, "%s%s%s, and whether security defaults block it is unknown: %s", none, part, left, why_sd);
	else
		aza_fail(ev, r, "security defaults are disabled (isEnabled false) and %s%s%s", none, part, left);
}

/* Privileged principals AZA-IAM-003 cannot judge from a registration
 * record, by kind, each named once, and the disabled privileged users it
 * leaves out (off). ux: the collected users by id. */
typedef struct {
	idset seen;
	namelist groups, norec, others, off;
	const idindex *ux;
} priv_left;

/* Is the user disabled: accountEnabled false in its users entry? Such an
 * account cannot sign in, so its missing MFA is no risk while it stays
 * disabled. A user missing from users, or whose entry has no boolean
 * accountEnabled, may sign in: it is not. */
static int user_disabled(const priv_left *p, const char *id)
{
	int b;
	const aza_json *u = idx_find(p->ux, id);
	return u && aza_json_bool(aza_json_get(u, "accountEnabled"), &b) && !b;
}

/* The holders of privileged directory roles in a Graph list of role
 * assignments (active, or eligible ones: label says which) that have no
 * registration record. A Graph role assignment does not say what its
 * principal is unless it was read with $expand=principal; otherwise a
 * principal found in users is a user, and any other is a group or a
 * service principal that cannot be told apart. */
static void dir_holders_left(aza_ev *ev, const aza_json *list, const char *label, const idindex *regx,
                             const aza_json *users, priv_left *p)
{
	aza_json_each(a, list) {
		const char *pid = aza_json_str(aza_json_get(a, "principalId"));
		const char *role = priv_dir_role(aza_json_str(aza_json_get(a, "roleDefinitionId")));
		if (!pid || !role || idx_find(regx, pid) || dir_ended(ev, a, label))
			continue;
		const aza_json *pr = aza_json_get(a, "principal");
		const char *ot = aza_json_str(aza_json_get(pr, "@odata.type"));
		if (ot && aza__iends(ot, ".servicePrincipal"))
			continue; /* an application: no MFA to register */
		if (!ids_add(&p->seen, pid))
			continue;
		if (*label)
			role = aza_ev_fmt(ev, "%s%s", label, role);
		if (ot && aza__iends(ot, ".group")) {
			continue; /* its users are judged, or it is named unknown (gh_dir) */
		} else if ((ot && aza__iends(ot, ".user")) || by_id(users, pid)) {
			nl_add(user_disabled(p, pid) ? &p->off : &p->norec,
			       aza_ev_fmt(ev, "%s (%s%s)", principal_name(ev, pid), role, user_disabled(p, pid) ? ", no registration record" : ""));
		} else {
			nl_add(&p->others, aza_ev_fmt(ev, "%s (%s)", pid, role));
		}
	}
}

/* An index of the principals holding a privileged directory role in a
 * Graph list, to the role's name with label in front. NULL when memory is
 * short (aza_ev_nomem). */
static idindex *dir_holders(aza_ev *ev, const aza_json *list, const char *label)
{
	idindex *x = idx_new(aza_json_len(list));
	if (!x) {
		aza_ev_nomem(ev);
		return NULL;
	}
	aza_json_each(a, list) {
		const char *role = priv_dir_role(aza_json_str(aza_json_get(a, "roleDefinitionId")));
		if (role && !dir_ended(ev, a, label))
			idx_add(x, aza_json_str(aza_json_get(a, "principalId")), *label ? aza_ev_fmt(ev, "%s%s", label, role) : role);
	}
	idx_sort(x);
	return x;
}

/* An index of the principals holding a privileged RBAC role at a
 * subscription or above in a table of role assignments, to the role's name
 * with label in front (the first in input order of each). NULL when memory
 * is short (aza_ev_nomem). */
static idindex *rbac_holders(aza_ev *ev, const ra_table *rt, const char *label)
{
	idindex *x = idx_new(rt->n);
	if (!x) {
		aza_ev_nomem(ev);
		return NULL;
	}
	for (size_t i = 0; i < rt->n; i++) {
		const ra_row *w = &rt->row[i];
		const char *pid = ra_get(ev, w, RA_PID);
		const char *role = pid && scope_is_sub_or_above(ra_get(ev, w, RA_SCOPE)) ? priv_rbac_any(ev, ra_get(ev, w, RA_RD)) : NULL;
		if (role)
			idx_add(x, pid, *label ? aza_ev_fmt(ev, "%s%s", label, role) : role);
	}
	idx_sort(x);
	return x;
}

/* Role assignments whose role may be privileged although azaudit cannot
 * tell: a definition that cannot be read (unreadable), or one not in the
 * input (unresolved); the first of each, for messages. */
typedef struct {
	size_t unresolved, unreadable;
	const char *first_unresolved, *first_unreadable;
} role_doubt;

/* The holders of privileged RBAC roles at a subscription or above in a
 * table of role assignments (active, or eligible ones: label says which)
 * that have no registration record, by principalType (ARM PrincipalType:
 * User, Group, ServicePrincipal, ForeignGroup, Device; optional in the
 * schema): a user lacks a record; a group or a foreign group holds the role
 * for members who are not in the input; an application or a device has no
 * MFA to register. Any other principal (no principalType, another value)
 * is a user when the collected users hold its id, else of unknown kind: it
 * may be a group. */
static void rbac_holders_left(aza_ev *ev, const ra_table *rt, const char *label, const idindex *regx,
                              const aza_json *users, priv_left *left, role_doubt *dq)
{
	for (size_t i = 0; i < rt->n; i++) {
		const ra_row *w = &rt->row[i];
		const char *pt = ra_get(ev, w, RA_PTYPE);
		const char *pid = ra_get(ev, w, RA_PID);
		if (!pid || !scope_is_sub_or_above(ra_get(ev, w, RA_SCOPE)))
			continue;
		if (pt && (aza__strieq(pt, "ServicePrincipal") || aza__strieq(pt, "Device")))
			continue;
		const char *rd = ra_get(ev, w, RA_RD);
		const char *role = priv_rbac_any(ev, rd);
		if (!role) {
			/* Not a privileged built-in and not a custom role granting
			 * '*' as far as its definition can be read. One that cannot
			 * be read may grant '*': its holder is safe only when
			 * registered. One not collected is judged by the caller. */
			rd_copies c;
			role_def_copies(ev, rd, &c);
			const char *odd = NULL;
			for (size_t k = 0; k < c.n && !odd; k++) {
				int custom;
				const aza_res *d = copy_at(&c, k);
				if ((odd = role_def_odd(ev, d, &custom)) && c.n > 1)
					odd = aza_ev_fmt(ev, "%s (its copy read at %s, one of %zu)", odd, copy_scope(ev, d), c.n);
			}
			const aza_json *rec = odd ? idx_find(regx, pid) : NULL;
			int dis;
			if (odd && !(rec && mfa_usable(rec, &dis) > 0) && !dq->unreadable++)
				dq->first_unreadable = aza_ev_fmt(ev, "%s %s%s: %s", pt ? pt : "principal", principal_name(ev, pid),
				                                  *label ? " (eligible)" : "", odd);
			if (rd && !c.n && !dq->unresolved++)
				dq->first_unresolved = aza_ev_fmt(ev, "%s %s %s role %s", pt ? pt : "principal", pid,
				                                  *label ? "is eligible for" : "has", aza_last_seg(rd));
			continue;
		}
		if (idx_find(regx, pid) || !ids_add(&left->seen, pid))
			continue; /* a user with a record (judged by the caller), or named already */
		if (*label)
			role = aza_ev_fmt(ev, "%s%s", label, role);
		if (pt && aza__strieq(pt, "Group"))
			continue; /* its users are judged, or it is named unknown (gh_rbac) */
		if (pt && aza__strieq(pt, "ForeignGroup"))
			nl_add(&left->groups, aza_ev_fmt(ev, "foreign group %s (%s)", pid, role));
		else if ((pt && aza__strieq(pt, "User")) || by_id(users, pid))
			nl_add(user_disabled(left, pid) ? &left->off : &left->norec,
			       aza_ev_fmt(ev, "%s (%s%s)", principal_name(ev, pid), role, user_disabled(left, pid) ? ", no registration record" : ""));
		else
			nl_add(&left->others, aza_ev_fmt(ev, "%s (%s, %s)", pid, role, pt ? aza_ev_fmt(ev, "principalType %s", pt) : "no principalType"));
	}
}

/* Privileged users: RBAC Owner/Contributor/UAA/RBAC admin (or a custom
 * role granting '*', Owner-equivalent or Contributor-like) at subscription
 * scope or above, active or eligible (Privileged Identity Management for
 * Azure resources), privileged Entra roles, active or eligible (Privileged
 * Identity Management), and isAdmin in registration details. */
static void mfa_privileged(aza_ev *ev, const aza_res *r)
{
	const char *why, *why_dr = NULL, *why_el = NULL, *el_note = "";
	const aza_json *reg = graph_list(ev, "userRegistrationDetails", PERM_REG, &why);
	if (!reg) {
		aza_unknown(ev, r, "%s", why);
		return;
	}
	aza_inv *inv = aza_ev_inv(ev);
	const aza_json *dra = graph_list(ev, "directoryRoleAssignments", PERM_ROLES, &why_dr);
	const aza_json *ela = NULL;
	int have_el = eligible_roles(ev, &ela, &el_note, &why_el);
	const char *why_rel = NULL, *rel_note = "";
	int have_rel = rbac_eligible(ev, &rel_note, &why_rel);
	namelist bad = {{0}, 0};
	priv_left left;
	memset(&left, 0, sizeof left);
	size_t npriv = 0, nelig = 0, nrelig = 0;
	int b;
	/* Who holds what, indexed once: the privileged directory role of a
	 * principal, active, then eligible, then its privileged RBAC role at a
	 * subscription or above, active, then eligible (the first in input
	 * order of each), and the registration records. */
	const ra_table *rt = ra_rows(ev), *et = rei_rows(ev);
	if (!rt || !et)
		return;
	/* The users of the groups holding a privileged role hold it too
	 * (directory, then Azure, held, then eligible); a group whose users
	 * are unknown is named. */
	gheld gh;
	memset(&gh, 0, sizeof gh);
	gh_dir(ev, &gh, dra, "", 1);
	gh_rbac(ev, &gh, rt, "", 1);
	gh_dir(ev, &gh, ela, "eligible for ", 1);
	gh_rbac(ev, &gh, et, "eligible for ", 1);
	/* The users by id, for accountEnabled (registration details and role
	 * assignments do not carry it): the users list, then the group
	 * members' own entries. */
	const aza_json *users = aza_inv_dir(inv, "users", NULL);
	idindex *dirx = dir_holders(ev, dra, ""), *elx = dir_holders(ev, ela, "eligible for "), *rbacx = rbac_holders(ev, rt, ""),
	        *erbacx = rbac_holders(ev, et, "eligible for "), *regx = idx_new(aza_json_len(reg)),
	        *ux = idx_new((aza_json_is(users, AZA_JARR) ? aza_json_len(users) : 0) + gh.n), *mx = idx_new(gh.n);
	if (!dirx || !elx || !rbacx || !erbacx || !regx || !ux || !mx || gh.nomem) {
		aza__free(dirx);
		aza__free(elx);
		aza__free(rbacx);
		aza__free(erbacx);
		aza__free(regx);
		aza__free(ux);
		aza__free(mx);
		aza__free(gh.m);
		aza_ev_nomem(ev);
		return;
	}
	idx_add_ids(regx, reg);
	idx_sort(regx);
	if (aza_json_is(users, AZA_JARR))
		idx_add_ids(ux, users);
	for (size_t i = 0; i < gh.n; i++) {
		idx_add(ux, gh.m[i].id, gh.m[i].u);
		idx_add(mx, gh.m[i].id, &gh.m[i]);
	}
	idx_sort(ux);
	idx_sort(mx);
	left.ux = ux;
	/* Each registration record: is the user privileged? A role held is
	 * named before one the user is only eligible for. A disabled user is
	 * left out of the verdict and named, registered or not. */
	aza_json_each(u, reg) {
		const char *id = aza_json_str(aza_json_get(u, "id"));
		const char *role = NULL;
		int only_eligible = 0, only_rbac_eligible = 0;
		if (aza_json_bool(aza_json_get(u, "isAdmin"), &b) && b)
			role = "directory admin";
		if (!role)
			role = idx_find(dirx, id);
		if (!role)
			role = idx_find(rbacx, id);
		if (!role && (role = idx_find(elx, id)))
			only_eligible = 1;
		if (!role && (role = idx_find(erbacx, id)))
			only_rbac_eligible = 1;
		const gmember *gmb = role ? NULL : idx_find(mx, id);
		if (gmb)
			role = gmb->role;
		if (!role)
			continue;
		int dis, k = mfa_usable(u, &dis);
		if (user_disabled(&left, id)) {
			const char *st = k < 0 ? ", isMfaRegistered not a boolean" : dis ? ", " NOT_CAPABLE : !k ? ", not registered for MFA" : "";
			nl_add(&left.off, aza_ev_fmt(ev, "%s (%s%s)", user_name(u), role, st));
			continue;
		}
		nelig += only_eligible;
		nrelig += only_rbac_eligible;
		npriv++;
		if (k < 0)
			nl_add(&left.norec, aza_ev_fmt(ev, "%s (%s, isMfaRegistered not a boolean)", user_name(u), role));
		else if (!k)
			nl_add(&bad, aza_ev_fmt(ev, "%s (%s%s)", user_name(u), role, dis ? ", " NOT_CAPABLE : ""));
	}
	aza__free(dirx);
	aza__free(elx);
	aza__free(rbacx);
	aza__free(erbacx);
	aza__free(mx);
	/* Users holding a privileged role through a group, with no
	 * registration record. */
	for (size_t i = 0; i < gh.n; i++) {
		const gmember *g = &gh.m[i];
		if (idx_find(regx, g->id) || !ids_add(&left.seen, g->id))
			continue;
		int off = user_disabled(&left, g->id);
		nl_add(off ? &left.off : &left.norec, aza_ev_fmt(ev, "%s (%s%s)", user_name(g->u), g->role, off ? ", no registration record" : ""));
	}
	aza__free(gh.m);
	/* Privileged RBAC principals with no registration record at all,
	 * holding the role, then eligible for it. */
	role_doubt dq = {0, 0, NULL, NULL};
	rbac_holders_left(ev, rt, "", regx, users, &left, &dq);
	rbac_holders_left(ev, et, "eligible for ", regx, users, &left, &dq);
	/* The same for privileged directory roles, held, then eligible. */
	dir_holders_left(ev, dra, "", regx, users, &left);
	dir_holders_left(ev, ela, "eligible for ", regx, users, &left);
	aza__free(regx);
	aza__free(ux);
	/* Every verdict names the disabled privileged users left out: they
	 * are safe only while they stay disabled. */
	const char *off = left.off.n ? aza_ev_fmt(ev, "; %zu disabled privileged account(s) left out (accountEnabled false in users: "
	                                              "no sign-in while disabled; check their MFA before enabling them): %s",
	                                          left.off.n, nl_str(ev, &left.off))
	                             : "";
	if (bad.n) {
		aza_fail(ev, r, "%zu privileged user(s) not registered for MFA: %s%s", bad.n, nl_str(ev, &bad), off);
		return;
	}
	const char *why_ra = NULL;
	int have_ra = ra_collected(ev, &why_ra);
	int have_dr = dra != NULL;
	if (left.norec.n) {
		aza_unknown(ev, r, "no usable MFA registration record for %zu privileged user(s): %s%s", left.norec.n, nl_str(ev, &left.norec), off);
		return;
	}
	if (!have_ra || !have_dr) {
		aza_unknown(ev, r, "%zu privileged user(s) found are registered for MFA, but the set is incomplete: %s%s",
		            npriv, !have_ra ? why_ra : why_dr, off);
		return;
	}
	if (gh.unknown.n) {
		aza_unknown(ev, r, "%zu privileged user(s) found are registered for MFA, but %zu group(s) hold a privileged role and their users are unknown (%s): %s%s",
		            npriv, gh.unknown.n, gh_why(ev, &gh), nl_str(ev, &gh.unknown), off);
		return;
	}
	if (left.groups.n) {
		aza_unknown(ev, r, "%zu privileged user(s) found are registered for MFA, but %zu group(s) hold a privileged role and their members are not in the input: %s%s",
		            npriv, left.groups.n, nl_str(ev, &left.groups), off);
		return;
	}
	if (left.others.n) {
		aza_unknown(ev, r, "%zu privileged user(s) found are registered for MFA, but %zu principal(s) holding a privileged role have no registration record and are not users in the input (groups, whose members are not in the input, or service principals): %s%s",
		            npriv, left.others.n, nl_str(ev, &left.others), off);
		return;
	}
	if (dq.unreadable) {
		aza_unknown(ev, r, "%zu privileged user(s) found are registered for MFA, but %zu role assignment(s) at subscription scope or above of principals not proven registered name a role whose definition cannot be read, so it may grant '*' (e.g. %s)%s",
		            npriv, dq.unreadable, dq.first_unreadable, off);
		return;
	}
	/* Without the role definitions, a role that is not a privileged
	 * built-in may be a custom one granting '*' (Owner or Contributor under
	 * another name). With them collected (the list holds the built-in
	 * roles too), a definition missing from it is a deleted role. */
	const char *why_rd = NULL;
	if (dq.unresolved && !aza_ev_collected(ev, RD, r, &why_rd)) {
		aza_unknown(ev, r, "%zu privileged user(s) found are registered for MFA, but %zu role assignment(s) at subscription scope or above name a role whose definition is not in the input (%s), so a custom role granting '*' cannot be ruled out (e.g. %s)%s",
		            npriv, dq.unresolved, why_rd, dq.first_unresolved, off);
		return;
	}
	/* Last of the reasons above, which name a holder: this one names none. */
	if (!have_el || !have_rel) {
		aza_unknown(ev, r, "%zu privileged user(s) found are registered for MFA, but the set is incomplete: %s%s", npriv,
		            !have_el ? why_el : why_rel, off);
		return;
	}
	if (!npriv) {
		aza_unknown(ev, r, "no %sprivileged user found in the data (a tenant has at least one Global Administrator): incomplete collection?%s",
		            left.off.n ? "enabled " : "", off);
		return;
	}
	aza_pass(ev, r, "all %zu privileged user(s) are registered for MFA%s%s%s%s%s%s", npriv,
	         nelig ? aza_ev_fmt(ev, " (%zu of them only eligible for a privileged directory role)", nelig) : "",
	         nrelig ? aza_ev_fmt(ev, " (%zu of them only eligible for a privileged Azure role)", nrelig) : "", el_note,
	         rel_note, gh_note(&gh), off);
}

/* The Graph users list with a userType for each guest decision: users, or
 * registration details as a fallback. NULL with *why when neither says. */
static const aza_json *guest_source(aza_ev *ev, const char **why, const char **src)
{
	const char *w1 = "", *w2 = "";
	const aza_json *users = graph_list(ev, "users", PERM_DIR, &w1);
	const char *empty = no_users(ev, users, "users");
	if (empty) {
		w1 = empty;
	} else if (users) {
		int typed = 0;
		aza_json_each(u, users) {
			if (is_guest(u) >= 0)
				typed++;
		}
		if (typed == (int)aza_json_len(users)) {
			*src = "users";
			return users;
		}
		w1 = "users were collected without userType";
	}
	const aza_json *reg = graph_list(ev, "userRegistrationDetails", PERM_REG, &w2);
	if ((empty = no_users(ev, reg, "userRegistrationDetails")))
		w2 = empty;
	else if (reg) {
		*src = "userRegistrationDetails";
		return reg;
	}
	*why = aza_ev_fmt(ev, "%s; %s", w1, w2);
	return NULL;
}

/* The role of an Azure role assignment row (active, or eligible: label
 * says which) for a message, with *where set to " at <scope>"; NULL for no
 * row. */
static const char *ra_role_at(aza_ev *ev, const ra_row *w, const char *label, const char **where)
{
	if (!w)
		return NULL;
	const char *rd = ra_get(ev, w, RA_RD), *sc = ra_get(ev, w, RA_SCOPE);
	const char *role = priv_rbac_role(rd);
	*where = aza_ev_fmt(ev, " at %s", sc ? sc : w->r->parent);
	return role ? aza_ev_fmt(ev, "%s%s", label, role) : aza_ev_fmt(ev, "%srole %s", label, aza_last_seg(rd));
}

static void guests_with_roles(aza_ev *ev, const aza_res *r)
{
	const char *why, *src;
	const aza_json *list = guest_source(ev, &why, &src);
	if (!list) {
		aza_unknown(ev, r, "guest users cannot be listed: %s", why);
		return;
	}
	const ra_table *rt = ra_rows(ev), *et = rei_rows(ev);
	if (!rt || !et)
		return;
	namelist guests = {{0}, 0}, bad = {{0}, 0};
	const char *why_dr = NULL, *why_el = NULL, *el_note = "", *why_rel = NULL, *rel_note = "";
	const aza_json *dra = graph_list(ev, "directoryRoleAssignments", PERM_ROLES, &why_dr);
	const aza_json *ela = NULL;
	int have_el = eligible_roles(ev, &ela, &el_note, &why_el);
	int have_rel = rbac_eligible(ev, &rel_note, &why_rel);
	/* The users of the groups holding any role hold it too. */
	gheld gh;
	memset(&gh, 0, sizeof gh);
	gh_rbac(ev, &gh, rt, "", 0);
	gh_dir(ev, &gh, dra, "", 0);
	gh_dir(ev, &gh, ela, "eligible for ", 0);
	gh_rbac(ev, &gh, et, "eligible for ", 0);
	idindex *lx = idx_new(aza_json_len(list));
	if (!lx || gh.nomem) {
		aza__free(lx);
		aza__free(gh.m);
		aza_ev_nomem(ev);
		return;
	}
	idx_add_ids(lx, list);
	idx_sort(lx);
	idset named;
	named.n = 0;
	aza_json_each(u, list) {
		if (is_guest(u) != 1)
			continue;
		const char *id = aza_json_str(aza_json_get(u, "id"));
		nl_add(&guests, user_name(u));
		const char *where = "";
		const char *role = ra_role_at(ev, first_ra_of(rt, id), "", &where);
		aza_json_each(a, dra) {
			if (!role && id && aza_json_streq(aza_json_get(a, "principalId"), id)) {
				const char *rd = aza_json_str(aza_json_get(a, "roleDefinitionId"));
				role = priv_dir_role(rd);
				if (!role)
					role = aza_ev_fmt(ev, "directory role %s", rd ? rd : "?");
				where = "";
			}
		}
		/* An eligible role: the guest can activate it at any time, until
		 * its endDateTime. */
		aza_json_each(a, ela) {
			if (!role && id && aza_json_streq(aza_json_get(a, "principalId"), id) && !dir_ended(ev, a, "eligible for ")) {
				const char *rd = aza_json_str(aza_json_get(a, "roleDefinitionId"));
				const char *pr = priv_dir_role(rd);
				role = pr ? aza_ev_fmt(ev, "eligible for %s", pr) : aza_ev_fmt(ev, "eligible for directory role %s", rd ? rd : "?");
				where = "";
			}
		}
		if (!role)
			role = ra_role_at(ev, first_ra_of(et, id), "eligible for ", &where);
		if (role && id && ids_add(&named, id))
			nl_add(&bad, aza_ev_fmt(ev, "%s (%s%s)", user_name(u), role, where));
	}
	/* A guest through a group: its member entry says, else its entry in
	 * the list; a member neither says of cannot be told apart. */
	size_t untyped = 0;
	for (size_t i = 0; i < gh.n; i++) {
		const gmember *g = &gh.m[i];
		int guest = is_guest(g->u);
		const aza_json *e = guest == 1 ? NULL : idx_find(lx, g->id);
		if (e && is_guest(e) >= 0)
			guest = is_guest(e);
		if (guest < 0)
			untyped++;
		else if (guest == 1 && ids_add(&named, g->id))
			nl_add(&bad, aza_ev_fmt(ev, "%s (%s)", user_name(g->u), g->role));
	}
	aza__free(lx);
	aza__free(gh.m);
	if (bad.n) {
		aza_fail(ev, r, "%zu guest user(s) hold role assignments: %s", bad.n, nl_str(ev, &bad));
		return;
	}
	if (untyped) {
		aza_unknown(ev, r, "%zu user(s) holding a role through a group have no userType in their member entry or in %s: guests cannot be told apart",
		            untyped, src);
		return;
	}
	if (!guests.n) {
		aza_pass(ev, r, "no guest user in %s", src);
		return;
	}
	const char *why_ra = NULL;
	if (!ra_collected(ev, &why_ra)) {
		aza_unknown(ev, r, "%zu guest user(s) (%s), but Azure role assignments are unknown: %s", guests.n, nl_str(ev, &guests), why_ra);
		return;
	}
	if (!dra) {
		aza_unknown(ev, r, "%zu guest user(s) (%s), but directory role assignments are unknown: %s", guests.n, nl_str(ev, &guests), why_dr);
		return;
	}
	if (!have_el || !have_rel) {
		aza_unknown(ev, r, "%zu guest user(s) (%s), but %s", guests.n, nl_str(ev, &guests), !have_el ? why_el : why_rel);
		return;
	}
	if (gh.unknown.n) {
		aza_unknown(ev, r, "%zu guest user(s) (%s), but %zu group(s) hold a role and their users are unknown (%s): %s", guests.n,
		            nl_str(ev, &guests), gh.unknown.n, gh_why(ev, &gh), nl_str(ev, &gh.unknown));
		return;
	}
	aza_pass(ev, r, "%zu guest user(s) (%s); none holds an Azure or directory role assignment, is eligible for an Azure role, or is eligible for a directory role%s%s%s%s",
	         guests.n, nl_str(ev, &guests), gh.groups.n ? aza_ev_fmt(ev, ", directly or through the %zu group(s) holding one", gh.groups.n) : "",
	         el_note, rel_note, gh_note(&gh));
}

/* Latest of the interactive and non-interactive sign-ins, in days from now
 * (negative: in the past). 0 when neither is a real date; *bad is set when
 * one is there but not a date (null and Graph's 0001-01-01 mean "never"):
 * that sign-in may be recent, so the guest cannot be called stale or not. */
static int last_signin(aza_ev *ev, const aza_json *act, double *days, int *bad)
{
	int have = 0;
	const char *keys[2] = {"lastSignInDateTime", "lastNonInteractiveSignInDateTime"};
	for (int i = 0; i < 2; i++) {
		const aza_json *t = aza_json_get(act, keys[i]);
		const char *s = aza_json_str(t);
		double d;
		if (!t || aza_json_is(t, AZA_JNULL) || (s && aza__istarts(s, "0001-")))
			continue;
		if (!s || !aza_ev_days_until(ev, t, &d)) {
			*bad = 1;
			continue;
		}
		if (!have || d > *days)
			*days = d;
		have = 1;
	}
	return have;
}

/* The guests and their sign-ins, read apart from users by a userType eq
 * 'Guest' filter (docs/snapshot.md): Graph returns signInActivity only with
 * AuditLog.Read.All in a Microsoft Entra ID P1/P2 tenant, and refuses the
 * whole request without them, so the collector keeps it out of users. */
#define GUEST_SIGNINS "guestSignInActivity"

/* What the guest sign-in list's failure (aza_inv_dir's reason) says is
 * missing. Graph refuses a missing license and a missing permission both
 * with 403; only its error code tells them apart. A call that failed
 * otherwise (throttled, a server error, pages lost) lacked nothing. */
static const char *signin_need(const char *why)
{
	if (why && aza__istrstr(why, "Authentication_RequestFromNonPremiumTenantOrB2CTenant"))
		return "the tenant has no Microsoft Entra ID P1 or P2 license, which Graph requires to return signInActivity";
	if (why && aza__istrstr(why, "Authentication_MSGraphPermissionMissing"))
		return "the identity lacks the Graph permission " PERM_SIGNIN;
	if (why && aza__istrstr(why, "Authentication_RequestFromUnsupportedUserRole"))
		return "the signed-in user holds no directory role allowed to read sign-in reports (e.g. Reports Reader)";
	if (!why || aza__istrstr(why, "HTTP 403") || aza__istrstr(why, "was not collected"))
		return "the scan needs the Graph permission " PERM_SIGNIN " and a Microsoft Entra ID P1 or P2 license";
	return "collect again (reading it needs the Graph permission " PERM_SIGNIN " and a Microsoft Entra ID P1 or P2 license)";
}

/* AZA-IAM-005's tally over the guests. */
typedef struct {
	namelist stale;
	size_t nguests, noact, undated, attempts;
	const char *noact_name, *noact_why, *undated_name, *attempts_name;
} guest_tally;

/* Judge one guest: act is its signInActivity (not an object: none, for
 * the reason why), created its createdDateTime. listed: act comes from the
 * guest sign-in list, read in full, where Graph leaves signInActivity out
 * (or null) for a user with no sign-in recorded ("not returned for a user
 * who has never signed in or last signed in before April 2020", Graph
 * v1.0 user resource): such a guest is stale once it was created more than
 * the window ago. A users entry without it may just not have selected it. */
static void judge_guest(aza_ev *ev, guest_tally *t, const char *name, const aza_json *act, const aza_json *created,
                        const char *why, int listed)
{
	t->nguests++;
	double c;
	if (listed && (!act || aza_json_is(act, AZA_JNULL))) {
		if (!aza_ev_days_until(ev, created, &c))
			why = "the guest sign-in list (" GUEST_SIGNINS ") records no sign-in for it, and it has no createdDateTime "
			      "to tell a new guest from a stale one";
		else if (-c <= STALE_DAYS)
			return;
		else {
			const char *cs = aza_json_str(created);
			nl_add(&t->stale, aza_ev_fmt(ev, "%s (no sign-in recorded since it was created on %.10s, %.0f days ago)", name,
			                             cs ? cs : "a Unix time", -c));
			return;
		}
	}
	if (!aza_json_is(act, AZA_JOBJ)) {
		if (!t->noact++) {
			t->noact_name = name;
			t->noact_why = why;
		}
		return;
	}
	/* lastSignInDateTime and lastNonInteractiveSignInDateTime record
	 * attempts, failed ones too: a password spray against a guest nobody
	 * uses makes them recent. Graph v1.0 signInActivity resource: "to track
	 * actual account access, use the lastSuccessfulSignInDateTime
	 * property", recorded since 1 December 2023 (not backfilled), null
	 * when no successful sign-in is recorded. Without it, attempts older
	 * than the window still prove the guest stale; recent ones prove
	 * nothing. */
	const aza_json *okt = aza_json_get(act, "lastSuccessfulSignInDateTime");
	if (okt) {
		const char *s = aza_json_str(okt);
		double d;
		if (aza_json_is(okt, AZA_JNULL) || (s && aza__istarts(s, "0001-"))) {
			if (aza_ev_days_until(ev, created, &c) && -c <= STALE_DAYS)
				return;
			double a = 0;
			int abad = 0;
			nl_add(&t->stale, aza_ev_fmt(ev, "%s (%s)", name,
			                             last_signin(ev, act, &a, &abad) || abad ? "no successful sign-in recorded" : "never signed in"));
		} else if (!s || !aza_ev_days_until(ev, okt, &d)) {
			if (!t->undated++)
				t->undated_name = name;
		} else if (-d > STALE_DAYS)
			nl_add(&t->stale, aza_ev_fmt(ev, "%s (last successful sign-in %.0f days ago)", name, -d));
		return;
	}
	double d = 0;
	int bad = 0;
	int have = last_signin(ev, act, &d, &bad);
	if (have && -d > STALE_DAYS && !bad) {
		nl_add(&t->stale, aza_ev_fmt(ev, "%s (last sign-in %.0f days ago)", name, -d));
		return;
	}
	if (have && (-d <= STALE_DAYS)) {
		if (!t->attempts++)
			t->attempts_name = name;
		return;
	}
	if (bad) {
		if (!t->undated++)
			t->undated_name = name;
		return;
	}
	/* Never signed in: stale once the invitation is old enough. */
	if (aza_ev_days_until(ev, created, &c) && -c <= STALE_DAYS)
		return;
	nl_add(&t->stale, aza_ev_fmt(ev, "%s (never signed in)", name));
}

static void stale_guests(aza_ev *ev, const aza_res *r)
{
	const char *why;
	const aza_json *users = graph_list(ev, "users", PERM_DIR, &why);
	if (!users) {
		aza_unknown(ev, r, "%s", why);
		return;
	}
	/* The guest list, when it was read in full (a gap hides it): a user's
	 * own signInActivity wins, else the list's entry with its id. */
	const char *why_gl = NULL;
	const aza_json *gl = aza_inv_dir(aza_ev_inv(ev), GUEST_SIGNINS, &why_gl);
	if (gl && !aza_json_is(gl, AZA_JARR)) {
		gl = NULL;
		why_gl = "Microsoft Graph data '" GUEST_SIGNINS "' is not a list (a response without a \"value\" array?)";
	}
	idindex *gx = NULL, *ux = NULL;
	if (gl) {
		gx = idx_new(aza_json_len(gl));
		ux = idx_new(aza_json_len(users));
		if (!gx || !ux) {
			aza__free(gx);
			aza__free(ux);
			aza_ev_nomem(ev);
			return;
		}
		idx_add_ids(gx, gl);
		idx_add_ids(ux, users);
		idx_sort(gx);
		idx_sort(ux);
	}
	guest_tally t;
	memset(&t, 0, sizeof t);
	size_t untyped = 0;
	const char *unlisted = "not in the guest sign-in list (" GUEST_SIGNINS "; a guest added after it was read?)";
	const char *nullact = "the guest sign-in list (" GUEST_SIGNINS ") gives a signInActivity that is not an object";
	aza_json_each(u, users) {
		const aza_json *ge = idx_find(gx, aza_json_str(aza_json_get(u, "id")));
		int g = is_guest(u);
		/* The list holds every guest (userType eq 'Guest'): it types
		 * the users collected without userType. */
		if (g < 0 && gl)
			g = ge != NULL;
		if (g < 0)
			untyped++;
		if (g != 1)
			continue;
		const aza_json *act = aza_json_get(u, "signInActivity");
		const char *w = why_gl;
		int listed = 0;
		if (!aza_json_is(act, AZA_JOBJ) && gl) {
			act = aza_json_get(ge, "signInActivity");
			w = ge ? nullact : unlisted;
			listed = ge != NULL;
		}
		const aza_json *created = aza_json_get(u, "createdDateTime");
		if (!created)
			created = aza_json_get(ge, "createdDateTime");
		judge_guest(ev, &t, user_name(u), act, created, w, listed);
	}
	/* Guests the users list does not hold (invited between the two
	 * calls) are guests of the directory all the same. */
	aza_json_each(e, gl) {
		if (idx_find(ux, aza_json_str(aza_json_get(e, "id"))) || is_guest(e) == 0)
			continue;
		judge_guest(ev, &t, user_name(e), aza_json_get(e, "signInActivity"), aza_json_get(e, "createdDateTime"), nullact, 1);
	}
	aza__free(gx);
	aza__free(ux);
	if (t.stale.n)
		aza_fail(ev, r, "%zu guest user(s) without a sign-in for more than %d days: %s", t.stale.n, STALE_DAYS, nl_str(ev, &t.stale));
	else if (untyped && !t.nguests && !gl)
		aza_unknown(ev, r, "users were collected without userType: guests cannot be told apart, and the guest list "
		            "that would tell them (with their sign-ins) is unusable: %s; %s",
		            why_gl ? why_gl : GUEST_SIGNINS " was not collected", signin_need(why_gl));
	else if (t.noact && !gl)
		aza_unknown(ev, r, "%zu guest user(s) have no signInActivity: %s; %s", t.noact, why_gl ? why_gl : GUEST_SIGNINS " was not collected",
		            signin_need(why_gl));
	else if (t.noact)
		aza_unknown(ev, r, "%zu guest user(s) have no signInActivity (e.g. %s: %s)", t.noact, t.noact_name, t.noact_why);
	else if (t.undated)
		aza_unknown(ev, r, "%zu guest user(s) have a last sign-in time that is not a date (e.g. %s)", t.undated, t.undated_name);
	else if (t.attempts)
		aza_unknown(ev, r, "%zu guest user(s) have a sign-in attempt within %d days but no lastSuccessfulSignInDateTime (e.g. %s): "
		            "lastSignInDateTime and lastNonInteractiveSignInDateTime count failed attempts too, so they do not show the "
		            "account in use", t.attempts, STALE_DAYS, t.attempts_name);
	else if (untyped)
		aza_unknown(ev, r, "%zu user(s) were collected without userType: they may be guests whose sign-ins were not judged", untyped);
	else if ((why = no_users(ev, users, "users")))
		aza_unknown(ev, r, "no stale guest found, but %s", why);
	else if (!t.nguests)
		aza_pass(ev, r, "no guest user in the directory");
	else
		aza_pass(ev, r, "all %zu guest user(s) signed in within %d days", t.nguests, STALE_DAYS);
}

/* authorizationPolicy, or NULL with an UNKNOWN reported. */
static const aza_json *authz_policy(aza_ev *ev, const aza_res *r)
{
	const char *why;
	const aza_json *p = graph(ev, "authorizationPolicy", PERM_POLICY, &why);
	if (!p) {
		aza_unknown(ev, r, "%s", why);
		return NULL;
	}
	/* Some collectors keep the list wrapper: take its first element. An
	 * empty list holds no policy, and a rule must still say so. */
	const aza_json *v = aza_json_get(p, "value");
	if (aza_json_is(v, AZA_JARR)) {
		p = aza_json_at(v, 0);
		if (!aza_json_is(p, AZA_JOBJ)) {
			aza_unknown(ev, r, "authorizationPolicy is a list with no policy object (a \"value\" array whose first entry is %s)",
			            p ? "not an object" : "missing");
			return NULL;
		}
	}
	return p;
}

static void admin_only_invites(aza_ev *ev, const aza_res *r)
{
	const aza_json *p = authz_policy(ev, r);
	if (!p)
		return;
	const char *v = aza_json_str(aza_json_get(p, "allowInvitesFrom"));
	if (!v)
		aza_unknown(ev, r, "authorizationPolicy.allowInvitesFrom is missing or not a string");
	else if (aza__strieq(v, "none") || aza__strieq(v, "adminsAndGuestInviters"))
		aza_pass(ev, r, "allowInvitesFrom is %s", v);
	else if (aza__strieq(v, "adminsGuestInvitersAndAllMembers") || aza__strieq(v, "everyone"))
		aza_fail(ev, r, "allowInvitesFrom is %s: %s can invite guests", v,
		         aza__strieq(v, "everyone") ? "every user, guests included," : "every member user");
	else
		aza_unknown(ev, r, "allowInvitesFrom has an unknown value '%s'", v);
}

/* A defaultUserRolePermissions flag that must be false. */
static void default_perm_false(aza_ev *ev, const aza_res *r, const char *key, const char *what)
{
	const aza_json *p = authz_policy(ev, r);
	if (!p)
		return;
	int b;
	const aza_json *v = aza_json_path(p, aza_ev_fmt(ev, "defaultUserRolePermissions.%s", key));
	if (!aza_json_bool(v, &b))
		aza_unknown(ev, r, "authorizationPolicy.defaultUserRolePermissions.%s is missing or not a boolean", key);
	else if (b)
		aza_fail(ev, r, "defaultUserRolePermissions.%s is true: every member user can %s", key, what);
	else
		aza_pass(ev, r, "defaultUserRolePermissions.%s is false", key);
}

static void admin_only_security_groups(aza_ev *ev, const aza_res *r)
{
	default_perm_false(ev, r, "allowedToCreateSecurityGroups", "create security groups");
}

static void admin_only_apps(aza_ev *ev, const aza_res *r)
{
	default_perm_false(ev, r, "allowedToCreateApps", "register applications");
}

static void user_consent(aza_ev *ev, const aza_res *r)
{
	const aza_json *p = authz_policy(ev, r);
	if (!p)
		return;
	const aza_json *list = aza_json_path(p, "defaultUserRolePermissions.permissionGrantPoliciesAssigned");
	if (!aza_json_is(list, AZA_JARR)) {
		aza_unknown(ev, r, "defaultUserRolePermissions.permissionGrantPoliciesAssigned is missing or not an array");
		return;
	}
	size_t odd = 0;
	aza_json_each(x, list) {
		const char *s = aza_json_str(x);
		if (!s)
			odd++;
		if (s && aza__istarts(s, "ManagePermissionGrantsForSelf.")) {
			aza_fail(ev, r, "permission grant policy '%s' is assigned: users can consent to applications on their own behalf", s);
			return;
		}
	}
	/* An entry that is not a string may stand for any policy, a
	 * ManagePermissionGrantsForSelf one included. */
	if (odd) {
		aza_unknown(ev, r, "defaultUserRolePermissions.permissionGrantPoliciesAssigned has an entry that is not a string (%zu of %zu)", odd,
		            aza_json_len(list));
		return;
	}
	aza_pass(ev, r, "no ManagePermissionGrantsForSelf policy is assigned: users cannot consent to applications");
}

#define GUEST_RESTRICTED "2af84b1e-32c8-42b7-82bc-daa82404023b"
#define GUEST_LIMITED "10dae51f-b6af-4016-8d66-8c2a99b929b3"
#define GUEST_MEMBER "a0b1b346-4d3e-4e8b-98f8-753987be4970"

static void guest_access(aza_ev *ev, const aza_res *r)
{
	const aza_json *p = authz_policy(ev, r);
	if (!p)
		return;
	const char *v = aza_json_str(aza_json_get(p, "guestUserRoleId"));
	if (!v)
		aza_unknown(ev, r, "authorizationPolicy.guestUserRoleId is missing or not a string");
	else if (aza__strieq(v, GUEST_RESTRICTED))
		aza_pass(ev, r, "guestUserRoleId is the restricted guest role: guests see only their own directory objects");
	else if (aza__strieq(v, GUEST_LIMITED))
		aza_fail(ev, r, "guestUserRoleId is the default guest role: guests can enumerate users and groups of the directory");
	else if (aza__strieq(v, GUEST_MEMBER))
		aza_fail(ev, r, "guestUserRoleId is the member role: guests have the same directory access as members");
	else
		aza_unknown(ev, r, "guestUserRoleId has an unknown value '%s'", v);
}

#define GROUP_UNIFIED_TEMPLATE "62375ab9-6b52-47ed-826b-58e47e0e304b"

static void admin_only_m365_groups(aza_ev *ev, const aza_res *r)
{
	const char *why;
	const aza_json *gs = graph_list(ev, "groupSettings", PERM_DIR, &why);
	if (!gs) {
		aza_unknown(ev, r, "%s", why);
		return;
	}
	const aza_json *unified = NULL;
	aza_json_each(s, gs) {
		if (aza_json_streq(aza_json_get(s, "templateId"), GROUP_UNIFIED_TEMPLATE) ||
		    aza_json_streq(aza_json_get(s, "displayName"), "Group.Unified"))
			unified = s;
	}
	if (!unified) {
		aza_fail(ev, r, "no Group.Unified directory setting: the default lets every user create Microsoft 365 groups");
		return;
	}
	/* Without its values the object says nothing of EnableGroupCreation:
	 * the default (true) cannot be assumed from a value that may be there. */
	const aza_json *vals = aza_json_get(unified, "values");
	if (!aza_json_is(vals, AZA_JARR)) {
		aza_unknown(ev, r, "Group.Unified values is not a list: EnableGroupCreation cannot be read");
		return;
	}
	const aza_json *create = NULL, *allowed = NULL;
	aza_json_each(v, vals) {
		if (aza_json_streq(aza_json_get(v, "name"), "EnableGroupCreation"))
			create = aza_json_get(v, "value");
		if (aza_json_streq(aza_json_get(v, "name"), "GroupCreationAllowedGroupId"))
			allowed = aza_json_get(v, "value");
	}
	int b;
	if (!create) {
		aza_fail(ev, r, "Group.Unified has no EnableGroupCreation value: the default (true) lets every user create Microsoft 365 groups");
		return;
	}
	if (!aza_json_bool(create, &b)) {
		aza_unknown(ev, r, "Group.Unified EnableGroupCreation is not \"true\" or \"false\"");
		return;
	}
	const char *g = aza_json_str(allowed);
	if (b)
		aza_fail(ev, r, "Group.Unified EnableGroupCreation is true: every user can create Microsoft 365 groups");
	else if (g && *g)
		aza_pass(ev, r, "Group.Unified EnableGroupCreation is false; only members of group %s may create groups", g);
	else
		aza_pass(ev, r, "Group.Unified EnableGroupCreation is false: only administrators create Microsoft 365 groups");
}

/* ---- Azure RBAC ---- */

/* The first of role definition d's assignableScopes that is a
 * subscription, a management group or the root, or NULL. */
static const char *sub_or_above_scope(aza_ev *ev, const aza_res *d)
{
	aza_json_each(s, aza_prop(ev, d, "properties.assignableScopes")) {
		const char *sc = aza_json_str(s);
		if (sc && scope_is_sub_or_above(sc))
			return sc;
	}
	return NULL;
}

/* A custom role that grants '*' (all actions) assignable at a subscription,
 * a management group or the root. Returns the scope that qualifies. */
static const char *owner_like(aza_ev *ev, const aza_res *d)
{
	const char *t = aza_json_str(aza_prop(ev, d, "properties.type"));
	if (!t || !aza__strieq(t, "CustomRole"))
		return NULL;
	int star = 0;
	aza_json_each(p, aza_prop(ev, d, "properties.permissions")) {
		if (aza_json_has_str(aza_json_get(p, "actions"), "*"))
			star = 1;
	}
	return star ? sub_or_above_scope(ev, d) : NULL;
}

/* A custom role without '*' that grants role assignment writes
 * (CUSTOM_ASSIGNER: User Access Administrator under another name, such as
 * every action of the Microsoft.Authorization provider) assignable at a
 * subscription, a management group or the root: its holder can assign
 * itself Owner there (Azure built-in roles, Privileged category). Returns
 * the scope that qualifies. */
static const char *assigner_like(aza_ev *ev, const aza_res *d)
{
	return custom_star_role(ev, d) == CUSTOM_ASSIGNER ? sub_or_above_scope(ev, d) : NULL;
}

/* Why a role definition cannot be judged by AZA-IAM-014, or NULL: what
 * role_def_odd finds, or a custom role granting '*' whose assignableScopes
 * is not a list. Sets *custom as role_def_odd does. */
static const char *owner_role_odd(aza_ev *ev, const aza_res *d, int *custom)
{
	const char *why = role_def_odd(ev, d, custom);
	/* Where it grants '*', the scopes it is assignable at decide. */
	if (!why && *custom && !aza_json_is(aza_prop(ev, d, "properties.assignableScopes"), AZA_JARR)) {
		int star = 0;
		aza_json_each(p, aza_prop(ev, d, "properties.permissions")) star |= aza_json_has_str(aza_json_get(p, "actions"), "*");
		if (star)
			why = aza_ev_fmt(ev, "custom role '%s': it grants '*' and assignableScopes is not a list", role_name(ev, d));
		else if (custom_star_role(ev, d) == CUSTOM_ASSIGNER)
			why = aza_ev_fmt(ev, "custom role '%s': it grants " RA_WRITE " and assignableScopes is not a list", role_name(ev, d));
	}
	return why;
}

/* One finding per role definition: Resource Manager lists a custom role
 * (one GUID tenant-wide) under every subscription it is listed at, and a
 * snapshot may merge several such lists. The copies are judged together,
 * the worst verdict winning (one that grants '*' fails the role whatever
 * the others say), and the finding is on the first in input order. */
static void custom_owner_roles(aza_ev *ev, const aza_res *r)
{
	aza_inv *inv = aza_ev_inv(ev);
	const idindex *defs = role_def_table(ev);
	if (!defs)
		return;
	size_t ncustom = 0, bad = 0, odd = 0;
	const char *first_odd = NULL;
	for (const aza_res *d = aza_inv_first(inv, RD); d; d = d->next_of_type) {
		size_t i = idx_first(defs, aza_last_seg(d->id));
		if (i < defs->n && defs->e[i].val != d)
			continue; /* a copy, judged with the first */
		const struct id_ent *cp = i < defs->n ? &defs->e[i] : NULL;
		size_t ncopies = 1;
		while (cp && i + ncopies < defs->n && aza__strieq(cp[ncopies].id, cp->id))
			ncopies++;
		const aza_res *owner = NULL, *assigner = NULL;
		const char *sc = NULL, *asc = NULL, *why_odd = NULL;
		int custom = 0;
		for (size_t k = 0; k < ncopies; k++) {
			const aza_res *c = cp ? cp[k].val : d;
			int cu;
			const char *w = owner_role_odd(ev, c, &cu);
			custom |= cu;
			if (w && !why_odd)
				why_odd = w;
			if (!owner && (sc = owner_like(ev, c)))
				owner = c;
			if (!assigner && (asc = assigner_like(ev, c)))
				assigner = c;
		}
		ncustom += (size_t)custom;
		if (owner) {
			aza_fail(ev, d, "custom role '%s' grants all actions ('*') and is assignable at %s%s", role_name(ev, owner), sc,
			         ncopies > 1 ? aza_ev_fmt(ev, " (one finding for the %zu copies of this role definition in the input: "
			                                      "Resource Manager lists a custom role under each subscription it is read at)", ncopies)
			                     : "");
			bad++;
		} else if (assigner) {
			aza_fail(ev, d, "custom role '%s' grants " RA_WRITE " (User Access Administrator-like: its holder can assign itself "
			                "Owner) and is assignable at %s%s", role_name(ev, assigner), asc,
			         ncopies > 1 ? aza_ev_fmt(ev, " (one finding for the %zu copies of this role definition in the input: "
			                                      "Resource Manager lists a custom role under each subscription it is read at)", ncopies)
			                     : "");
			bad++;
		} else if (why_odd && !odd++) {
			first_odd = why_odd;
		}
	}
	if (bad)
		return;
	const char *why;
	if (!aza_ev_collected(ev, RD, r, &why))
		aza_unknown(ev, r, "%s", why);
	else if (odd)
		aza_unknown(ev, r, "%zu role definition(s) cannot be judged (the first: %s)", odd, first_odd);
	else
		aza_pass(ev, r, "none of the %zu custom role(s) grants '*' or role assignment writes over a subscription, management group or the root", ncustom);
}

/* What a policy condition says about writing a custom role definition:
 * false for every one, true for every (Owner-like) one, true only for some
 * (narrowed by another field), or azaudit cannot tell. */
enum { RC_NONE, RC_ALL, RC_SOME, RC_UNSURE };

/* Does a JSON value name the role definitions type anywhere? */
static int names_roledefs(const aza_json *j)
{
	aza_buf b;
	aza_buf__init(&b, 1 << 20);
	aza_json__write(&b, j);
	int names = b.p && aza__istrstr(b.p, RD) != NULL;
	aza_buf__release(&b);
	return names;
}

/* A template expression ("[parameters('x')]"; "[[" escapes a literal). */
static int is_expr(const char *v)
{
	return v && v[0] == '[' && v[1] != '[';
}

#define ACTIONS_ALIAS "roleDefinitions/permissions[*].actions[*]"

/* A count condition {"count": {"field": A, "where": W}, OP: N}: RC_ALL for
 * the count of the actions (A the permissions[*].actions[*] alias) whose W
 * is that alias equals '*', greater than 0 (or greaterOrEquals 1): true for
 * every role granting '*' (Azure Policy, "Author policies for array
 * properties", Count expressions); RC_UNSURE for any other count. */
static int star_count(aza_ev *ev, const aza_json *c, const aza_json *cnt, const char **why)
{
	const char *cf = aza_json_str(aza_json_get(cnt, "field"));
	const aza_json *w = aza_json_get(cnt, "where");
	const char *wf = aza_json_str(aza_json_get(w, "field"));
	const char *wv = aza_json_str(aza_json_get(w, "equals"));
	int counts_star = cf && wf && aza__iends(cf, ACTIONS_ALIAS) && aza__strieq(cf, wf) && aza_json_len(cnt) == 2 &&
	                  aza_json_len(w) == 2 && wv && !strcmp(wv, "*");
	double n = -1;
	int more = 0;
	aza_json_each(m, c) {
		if (aza__strieq(m->key, "count"))
			continue;
		if (aza_json_num(m, &n))
			more = (aza__strieq(m->key, "greater") && n == 0) || (aza__strieq(m->key, "greaterOrEquals") && n == 1);
	}
	if (counts_star && more)
		return RC_ALL;
	*why = aza_ev_fmt(ev, "a count condition on field '%s' other than a count of the actions equal to '*' greater than 0", cf ? cf : "?");
	return RC_UNSURE;
}

/* One leaf condition {"field": F, OP: V}. Conditions on "type" decide
 * whether role definitions are targeted at all; the permissions actions
 * alias equal to '*' narrows the rule to roles whose every action is '*'
 * (the narrowing to Owner-like roles is a count: star_count); any other
 * field narrows the rule to some roles only. */
static int role_leaf(aza_ev *ev, const aza_json *c, const char *field, const char **why)
{
	const char *op = NULL;
	const aza_json *v = NULL;
	aza_json_each(m, c) {
		if (!aza__strieq(m->key, "field")) {
			op = m->key;
			v = m;
		}
	}
	if (!op || aza_json_len(c) != 2) {
		*why = aza_ev_fmt(ev, "a condition on field '%s' that is not one operator and a value", field);
		return RC_UNSURE;
	}
	const char *vs = aza_json_str(v);
	int eq = aza__strieq(op, "equals"), in = aza__strieq(op, "in");
	int ne = aza__strieq(op, "notEquals"), nin = aza__strieq(op, "notIn");
	int perms = aza__istrstr(field, "roleDefinitions/permissions") != NULL;
	if (is_expr(field) || ((perms || aza__strieq(field, "type")) && is_expr(vs))) {
		*why = aza_ev_fmt(ev, "field '%s' %s %s, an expression", field, op, vs ? vs : "?");
		return RC_UNSURE;
	}
	if (aza__strieq(field, "type")) {
		int named = (eq || ne) ? vs && aza__strieq(vs, RD) : aza_json_has_str(v, RD);
		if (eq || in) {
			if (!named)
				*why = aza_ev_fmt(ev, "field 'type' %s another type", op);
			return named ? RC_ALL : RC_NONE;
		}
		if (ne || nin) {
			/* type notEquals X holds for role definitions unless X is them. */
			if (named)
				*why = aza_ev_fmt(ev, "field 'type' %s " RD ": role definitions are left out", op);
			return named ? RC_NONE : RC_ALL;
		}
		*why = aza_ev_fmt(ev, "field 'type' with operator %s", op);
		return RC_UNSURE;
	}
	if (perms) {
		/* A field condition on a [*] alias holds only when every value it
		 * selects meets it (Azure Policy, "Author policies for array
		 * properties"): this one leaves out a role with '*' beside any other
		 * action. A count of the actions equal to '*' is the narrowing
		 * that keeps every such role (star_count). */
		if (aza__iends(field, ACTIONS_ALIAS) && eq && vs && !strcmp(vs, "*")) {
			*why = aza_ev_fmt(ev, "narrowed by field '%s' equals * (true only when every action is '*'), so a role with '*' beside another action is not denied",
			                  field);
			return RC_SOME;
		}
		*why = aza_ev_fmt(ev, "field '%s' %s %s (a permissions test other than actions equals '*')", field, op, vs ? vs : "(a list or object)");
		return RC_UNSURE;
	}
	/* Every custom role has type CustomRole: no narrowing. */
	if (aza__strieq(field, RD "/type") && eq && vs && aza__strieq(vs, "CustomRole"))
		return RC_ALL;
	*why = aza_ev_fmt(ev, "narrowed by field '%s' %s %s", field, op, vs ? vs : "(a list or object)");
	return RC_SOME;
}

/* A policy condition (the "if" of a rule), by the kinds above. */
static int role_cond(aza_ev *ev, const aza_json *c, int depth, const char **why)
{
	if (depth > 32) {
		*why = "a condition nested too deep";
		return RC_UNSURE;
	}
	const char *field = aza_json_str(aza_json_get(c, "field"));
	if (field)
		return role_leaf(ev, c, field, why);
	const aza_json *all = aza_json_get(c, "allOf"), *any = aza_json_get(c, "anyOf"), *no = aza_json_get(c, "not");
	if (aza_json_len(c) == 1 && (aza_json_is(all, AZA_JARR) || aza_json_is(any, AZA_JARR))) {
		/* allOf: one child false for role definitions makes it false, one
		 * narrowed child narrows it. anyOf: one child true for every role
		 * definition makes it true. */
		int isall = all != NULL, res[4] = {0, 0, 0, 0};
		const char *w[4] = {NULL, NULL, NULL, NULL};
		aza_json_each(x, isall ? all : any) {
			const char *cw = NULL;
			int k = role_cond(ev, x, depth + 1, &cw);
			if (!res[k]++)
				w[k] = cw;
		}
		static const int all_order[] = {RC_NONE, RC_UNSURE, RC_SOME, RC_ALL};
		static const int any_order[] = {RC_ALL, RC_UNSURE, RC_SOME, RC_NONE};
		for (int i = 0; i < 4; i++) {
			int k = isall ? all_order[i] : any_order[i];
			if (res[k]) {
				*why = w[k];
				return k;
			}
		}
		*why = aza_ev_fmt(ev, "an empty %s", isall ? "allOf" : "anyOf");
		return RC_UNSURE;
	}
	if (aza_json_len(c) == 1 && aza_json_is(no, AZA_JOBJ)) {
		const char *cw = NULL;
		int k = role_cond(ev, no, depth + 1, &cw);
		if (k == RC_ALL || k == RC_NONE) {
			if (k == RC_ALL)
				*why = "a 'not' condition excludes role definitions";
			return k == RC_ALL ? RC_NONE : RC_ALL;
		}
		*why = k == RC_SOME ? aza_ev_fmt(ev, "a 'not' around a narrowing condition (%s)", cw ? cw : "?")
		                    : aza_ev_fmt(ev, "a 'not' around %s", cw ? cw : "a condition it cannot judge");
		return RC_UNSURE;
	}
	const aza_json *cnt = aza_json_get(c, "count");
	if (aza_json_len(c) == 2 && aza_json_is(cnt, AZA_JOBJ))
		return star_count(ev, c, cnt, why);
	*why = "a count or value condition";
	return RC_UNSURE;
}

/* The value of "[parameters('name')]" from the given parameters ({name:
 * {value}}), else the definitions' defaultValue; NULL when neither has it.
 * Any other string is returned as it is. */
static const char *param_value(const char *v, const aza_json *given, const aza_json *defs)
{
	if (!v || !aza__istarts(v, "[parameters('"))
		return v;
	char pname[128];
	const char *s = v + strlen("[parameters('");
	size_t n = strcspn(s, "'");
	if (n >= sizeof pname || strcmp(s + n, "')]"))
		return v;
	memcpy(pname, s, n);
	pname[n] = 0;
	const char *x = aza_json_str(aza_json_get(aza_json_get(given, pname), "value"));
	return x ? x : aza_json_str(aza_json_get(aza_json_get(defs, pname), "defaultValue"));
}

/* Does a policy definition deny writing custom Owner-like roles? 1 yes; 0
 * no (*why says why when the rule is about role definitions, else NULL);
 * -1 azaudit cannot tell (*why says why). It must have mode All (Indexed
 * mode only evaluates types with tags and location, which role definitions
 * lack), an effect of deny (directly or through a parameter: given by the
 * assignment or the initiative's member entry, whose own value may name an
 * initiative parameter in outer/outer_defs, else defaulted; or the effect
 * an override of the assignment sets, ovr, which replaces the
 * definition's), and a condition true for every role definition write or
 * every one granting '*' (type equals Microsoft.Authorization/
 * roleDefinitions, not narrowed by another field). */
static int rule_denies_roles(aza_ev *ev, const aza_res *def, const aza_json *given, const aza_json *outer,
                             const aza_json *outer_defs, const char *ovr, const char **why)
{
	*why = NULL;
	const aza_json *rule = aza_prop(ev, def, "properties.policyRule");
	const aza_json *cond = aza_json_get(rule, "if");
	if (!cond || !names_roledefs(cond))
		return 0;
	const char *mode = aza_json_str(aza_prop(ev, def, "properties.mode"));
	if (mode && !aza__strieq(mode, "All")) {
		*why = aza_ev_fmt(ev, "mode %s does not evaluate " RD " (only mode All does)", mode);
		return 0;
	}
	const char *eff0 = aza_json_str(aza_json_path(rule, "then.effect"));
	const char *eff = param_value(eff0, given, aza_prop(ev, def, "properties.parameters"));
	if (eff && aza__istarts(eff, "[parameters('"))
		eff = param_value(eff, outer, outer_defs);
	if (ovr)
		eff = eff0 = ovr;
	if (eff && !is_expr(eff) && !aza__strieq(eff, "deny")) {
		*why = aza_ev_fmt(ev, "effect %s%s, not deny", eff, ovr ? " (set by the assignment's overrides)" : "");
		return 0;
	}
	const char *cw = NULL;
	int k = role_cond(ev, cond, 0, &cw);
	if (k == RC_NONE || k == RC_SOME) {
		*why = k == RC_NONE ? aza_ev_fmt(ev, "its condition never matches a role definition (%s)", cw ? cw : "?") : cw;
		return 0;
	}
	if (!mode) {
		*why = "the definition has no mode (only mode All evaluates " RD ")";
		return -1;
	}
	if (!eff || is_expr(eff)) {
		*why = aza_ev_fmt(ev, "effect %s has no value azaudit can resolve", eff0 ? eff0 : "(none)");
		return -1;
	}
	if (k == RC_UNSURE) {
		*why = aza_ev_fmt(ev, "its condition names " RD ", but azaudit cannot evaluate %s", cw ? cw : "it");
		return -1;
	}
	return 1;
}

/* Does an assignment apply to the subscription, or (a template-only scan,
 * rule.h .subject "@@") the management group, scope? 1: it is at scope, at
 * '/' or at the tenant root management group (or, for a subscription, at a
 * scope above it), and no notScope holds scope; 2: the same, through
 * another management group the templates' parents place scope below
 * (aza_ev_mg_within; *why names it); 0: it is elsewhere, or a notScope
 * holds scope; -1: it is at, or its notScopes leave out, another
 * management group, and the input does not hold the management group tree
 * (*why names that scope). */
static int assignment_covers(aza_ev *ev, const aza_res *a, const aza_res *scope, const char **why)
{
	const char *sc = aza_json_str(aza_prop(ev, a, "properties.scope"));
	if (!sc)
		sc = a->parent;
	int st = 0, own = aza__strieq(sc, scope->id);
	*why = NULL;
	if (!strcmp(sc, "/") || aza_ev_root_mg(ev, sc) || (own && aza__istarts(sc, AZA_MG_PREFIX)))
		st = 1;
	else if (aza__istarts(sc, AZA_MG_PREFIX)) {
		st = aza_ev_mg_within(ev, scope->id, sc);
		if (st > 0) {
			st = 2;
			*why = aza_ev_fmt(ev, "at %s, above the %s by the templates' management group parents,", sc, aza_scope_noun(scope));
		} else if (st < 0)
			*why = aza_ev_fmt(ev, "is assigned at %s", sc);
	} else if (aza__istarts(sc, "/subscriptions/") && aza_id_within(scope->id, sc) && scope_is_sub_or_above(sc))
		st = 1;
	if (!st)
		return 0;
	/* A notScope lies within the assignment's scope: at the management
	 * group itself, another group it names is below, never above. The
	 * templates' parents may say whether scope is below one elsewhere;
	 * once one is not placed (or the assignment itself is not), only a
	 * notScope that holds scope by its id still decides. Unlike the
	 * benchmark rules (defender.c, rec_notscope), this asks only whether
	 * scope itself is excluded: a notScope below it is judged with the
	 * exemptions, as one (deny_exempt). NotScopes that are not
	 * a list of strings are passed over, not UNKNOWN: Resource Manager
	 * keeps them as one, and a value only known at deployment makes the
	 * verdict UNKNOWN when read. */
	const aza_json *ns;
	aza_notscopes(ev, a, &ns);
	aza_json_each(n, ns) {
		switch (aza_scope_at(ev, aza_json_str(n), scope, own && aza_is_mg(scope), st > 0 ? AZA_AT_ABOVE : 0)) {
		case AZA_AT_HOLDS:
		case AZA_AT_ABOVE:
			return 0;
		case AZA_AT_UNPLACED:
			st = -1;
			*why = aza_ev_fmt(ev, "excludes %s", aza_json_str(n));
			break;
		}
	}
	return st;
}

/* Does a JSON list hold the string s, compared case-insensitively? */
static int has_stri(const aza_json *list, const char *s)
{
	aza_json_each(x, list) {
		const char *v = aza_json_str(x);
		if (v && aza__strieq(v, s))
			return 1;
	}
	return 0;
}

/* Do an override's selectors reach the definition whose
 * policyDefinitionReferenceId in the assigned initiative is ref (NULL: the
 * assignment is of that definition alone)? 1 yes, 0 no, -1 azaudit cannot
 * tell (*why says why). Without selectors an override reaches every policy
 * of the assignment; a selector of kind policyDefinitionReferenceId keeps
 * the ids its in lists, or those its notIn does not; every selector must
 * match (Azure Policy assignment structure, "Overrides"). Other kinds
 * (resourceLocation) pick resources azaudit does not place. */
static int override_reaches(aza_ev *ev, const aza_json *sels, const char *ref, const char **why)
{
	if (!sels || aza_json_is(sels, AZA_JNULL) || (aza_json_is(sels, AZA_JARR) && !aza_json_len(sels)))
		return 1;
	if (!aza_json_is(sels, AZA_JARR)) {
		*why = "its selectors are not a list";
		return -1;
	}
	int res = 1;
	aza_json_each(sel, sels) {
		const char *kind = aza_json_str(aza_json_get(sel, "kind"));
		const aza_json *in = aza_json_get(sel, "in"), *nin = aza_json_get(sel, "notIn");
		int has_in = in && !aza_json_is(in, AZA_JNULL), has_nin = nin && !aza_json_is(nin, AZA_JNULL);
		if (!kind || !aza__strieq(kind, "policyDefinitionReferenceId")) {
			*why = aza_ev_fmt(ev, "it has a selector of kind '%s' that azaudit does not evaluate", kind ? kind : "(none)");
			res = -1;
		} else if (!ref) {
			*why = "it selects policyDefinitionReferenceIds, and the assignment is of a definition, not an initiative";
			res = -1;
		} else if ((!has_in && !has_nin) || (has_in && !aza_json_is(in, AZA_JARR)) || (has_nin && !aza_json_is(nin, AZA_JARR))) {
			*why = "its policyDefinitionReferenceId selector has no in or notIn list";
			res = -1;
		} else if ((has_in && !has_stri(in, ref)) || (has_nin && has_stri(nin, ref))) {
			return 0;
		}
	}
	return res;
}

/* The effect a policyEffect override of assignment a sets for the
 * definition with reference id ref (as override_reaches): 1 with *val when
 * one reaches it, 0 when none does, -1 when azaudit cannot tell (*why says
 * why). An override replaces the effect of the definitions it selects, a
 * parameterized one or not (aza_override_first), so a deny overridden to
 * Audit or Disabled denies nothing. The first override that reaches the
 * definition, or that azaudit cannot read, decides. */
static int override_effect(aza_ev *ev, const aza_res *a, const char *ref, const char **val, const char **why)
{
	struct aza_override o;
	int st = aza_override_first(ev, a, &o);
	*val = NULL;
	if (st <= 0) {
		if (st < 0)
			*why = "its overrides, which may change the effect, are not a list";
		return st;
	}
	while (aza_override_next(&o)) {
		const char *v = o.value;
		if (!o.kind || !v || is_expr(v)) {
			*why = aza_ev_fmt(ev, "its overrides[%zu] has no %s azaudit can read, so the effect it sets is unknown", o.n,
			                  o.kind ? "value" : "kind");
			return -1;
		}
		const char *rw = NULL;
		int r = override_reaches(ev, aza_json_get(o.entry, "selectors"), ref, &rw);
		if (r < 0) {
			*why = aza_ev_fmt(ev, "its overrides[%zu] sets the effect to %s, and whether it reaches the definition is unknown: %s",
			                  o.n, v, rw);
			return -1;
		}
		if (r > 0) {
			*val = v;
			return 1;
		}
	}
	return 0;
}

/* Do the resourceSelectors of assignment a leave role definitions in? 1
 * yes (none, or one selects them), 0 no (every resource selector leaves
 * them out), -1 azaudit cannot tell (*why says why). An assignment with
 * resource selectors evaluates only the resources one of them selects, and
 * a resource selector selects those that meet all its selectors (Azure
 * Policy assignment structure, "Resource selectors"). Only kind
 * resourceType is judged: role definitions have no location, and whether
 * resourceWithoutLocation or resourceLocation picks them is not
 * documented. */
static int selects_roledefs(aza_ev *ev, const aza_res *a, const char **why)
{
	switch (aza_selectors_reach(ev, a, RD, why)) {
	case AZA_SEL_NONE:
	case AZA_SEL_ALL:
		return 1;
	case AZA_SEL_OUT:
		*why = "its resourceSelectors select no " RD " (only those resources are evaluated)";
		return 0;
	case AZA_SEL_UNREAD:
		*why = "its resourceSelectors, which may leave role definitions out, are not a list";
		return -1;
	}
	return -1;
}

/* A definition's verdict k (rule_denies_roles's, with *why) for an
 * assignment whose override of its effect azaudit cannot read (ok < 0,
 * ow) or whose resource selectors leave role definitions out (rs, rw): a
 * deny that may not apply is no proof. */
static int deny_narrowed(int k, int ok, const char *ow, int rs, const char *rw, const char **why)
{
	if (k <= 0)
		return k;
	if (rs == 0) {
		*why = rw;
		return 0;
	}
	if (ok < 0 || rs < 0) {
		*why = ok < 0 ? ow : rw;
		return -1;
	}
	return k;
}

/* What deny_custom_owner gathers over the assignments that reach its
 * scope. own: on a management group (a template-only scan), how many of
 * those at the group, '/' or the tenant root group it counts. */
struct deny_scan {
	namelist missing, unsure, skipped, elsewhere, exempt;
	size_t own;
	const char *note; /* aza_policy_exempt's clause for a PASS */
};

/* A deny that covers the scope (cov) through assignment a (for the
 * initiative member with reference id ref, NULL for a definition): does a
 * policy exemption take the scope out of it? A role definition is created
 * at the scope, so an exemption there (Waiver or Mitigated alike) lets it
 * through. 1: yes (named in the FAIL), -1: it may (UNKNOWN), 0: the deny
 * holds. */
static int deny_exempt(aza_ev *ev, struct deny_scan *ds, const aza_res *a, const aza_res *r, const char *ref, int cov,
                       const char *what)
{
	const char *m;
	int x = aza_policy_exempt(ev, a, r, ref, RD, &m);
	/* A notScope below the scope (a resource group or resource of the
	 * subscription) leaves the deny off there as an exemption there does
	 * (assignment_covers only asks whether it holds the scope itself), and
	 * a custom role can then be created at it. */
	const aza_json *ns;
	const char *sc = aza_json_str(aza_prop(ev, a, "properties.scope"));
	int own = aza_is_mg(r) && aza__strieq(sc ? sc : a->parent, r->id);
	if (x <= 0 && aza_notscopes(ev, a, &ns) > 0)
		aza_json_each(n, ns) {
			const char *e = aza_json_str(n);
			if (e && aza_scope_at(ev, e, r, own, AZA_AT_BELOW) == AZA_AT_BELOW) {
				x = 2;
				m = aza_ev_fmt(ev, "assignment '%s' lists %s in its notScopes: the deny does not reach there, within the %s, "
				                   "and a custom role can be created there",
				               a->name, e, aza_scope_noun(r));
				break;
			}
		}
	if (x)
		nl_add(x > 0 ? &ds->exempt : &ds->unsure, aza_ev_fmt(ev, "%s: %s", what, m));
	else
		ds->note = m ? m : "";
	ds->own += x && cov > 0;
	return x;
}

/* Note one definition an assignment applies (`what` names both, `where`
 * says where a group's assignment is), given rule_denies_roles's k and
 * why: 1 when it denies creating custom roles over the scope. */
static int deny_note(aza_ev *ev, struct deny_scan *ds, int k, const char *why, int cov, int unenforced, const char *what,
                     const char *where)
{
	if (k > 0 && cov < 0) {
		nl_add(&ds->elsewhere, aza_ev_fmt(ev, "%s %s", what, where));
		return 0;
	}
	/* Deployed to deny, but not enforced: the author meant it, so a
	 * management group holding it is judged (FAIL), not passed over. */
	if (k > 0 && unenforced) {
		nl_add(&ds->skipped, aza_ev_fmt(ev, "%s: enforcementMode DoNotEnforce", what));
		ds->own++;
		return 0;
	}
	if (k > 0)
		return 1;
	if (why) {
		nl_add(k < 0 ? &ds->unsure : &ds->skipped, aza_ev_fmt(ev, "%s: %s", what, why));
		ds->own += cov > 0;
	}
	return 0;
}

static void deny_custom_owner(aza_ev *ev, const aza_res *r)
{
	aza_inv *inv = aza_ev_inv(ev);
	const char *why;
	struct deny_scan ds;
	memset(&ds, 0, sizeof ds);
	int mg = aza_is_mg(r);
	/* A template-only scan judges a subscription without assignments of
	 * its own only for what it inherits through the templates' management
	 * group parents: as a group, it is not the scope when none reaches it. */
	int inherits = !mg && !aza_inv_deployed(inv) && !aza_inv_child(inv, r->id, PA);
	for (const aza_res *a = aza_inv_first(inv, PA); a; a = a->next_of_type) {
		const char *where;
		int cov = assignment_covers(ev, a, r, &where);
		if (!cov)
			continue;
		/* A PASS through a group above says which. */
		const char *via = cov == 2 ? aza_ev_fmt(ev, " %s", where) : "";
		/* Not enforced, it denies nothing; only a management group's own
		 * is looked at, to tell a group that deploys one from a group that
		 * deploys none. */
		const char *mode = aza_json_str(aza_prop(ev, a, "properties.enforcementMode"));
		int unenforced = mode && aza__strieq(mode, "DoNotEnforce");
		if (unenforced && (!mg || cov != 1))
			continue;
		const char *pid = aza_json_str(aza_prop(ev, a, "properties.policyDefinitionId"));
		if (!pid) {
			/* A template's definition only known at deployment may deny:
			 * the verdict, having read it, is UNKNOWN. */
			ds.own += cov > 0 && !unenforced && aza_json_is(aza_prop(ev, a, "properties.policyDefinitionId"), AZA_JUNKNOWN);
			continue;
		}
		/* Built-in definitions and initiatives live at /providers/...; none
		 * of them denies custom role definitions. */
		if (aza__istarts(pid, "/providers/Microsoft.Authorization/"))
			continue;
		const aza_json *params = aza_prop(ev, a, "properties.parameters");
		const char *rw = NULL, *ow = NULL, *ov = NULL;
		int rs = selects_roledefs(ev, a, &rw), ok;
		/* enforcementMode Enroll: "the policy effect is not enforced during
		 * resource creation or update until the resource or scope of the
		 * resource is enrolled to the assignment instance" (the policy
		 * API's EnforcementMode values, as the Azure SDK reference lists
		 * them: KnownEnforcementMode); the enrollment resources are not in
		 * the input. A value azaudit does not know may not enforce either. */
		if (mode && !unenforced && !aza__strieq(mode, "Default") && rs != 0) {
			rs = -1;
			rw = aza__strieq(mode, "Enroll")
			         ? "its enforcementMode is Enroll: it denies only at the scopes enrolled to it (policy enrollment "
			           "resources), which the input does not hold"
			         : aza_ev_fmt(ev, "its enforcementMode '%s' is not a value azaudit knows", mode);
		}
		const aza_res *def = aza_inv_find(inv, pid);
		if (!def) {
			if (!unenforced) {
				nl_add(&ds.missing, aza_ev_fmt(ev, "%s -> %s", a->name, aza_last_seg(pid)));
				ds.own += cov > 0;
			}
			continue;
		}
		if (aza__strieq(def->type, PD)) {
			ok = override_effect(ev, a, NULL, &ov, &ow);
			int k = rule_denies_roles(ev, def, params, NULL, NULL, ok > 0 ? ov : NULL, &why);
			k = deny_narrowed(k, ok, ow, rs, rw, &why);
			const char *what = aza_ev_fmt(ev, "'%s' (definition '%s')", a->name, def->name);
			if (deny_note(ev, &ds, k, why, cov, unenforced, what, where) && !deny_exempt(ev, &ds, a, r, NULL, cov, what)) {
				aza_pass(ev, r, "policy assignment %s%s denies creating custom roles (mode All, effect deny, type " RD ")%s", what,
				         via, ds.note);
				return;
			}
			continue;
		}
		/* An initiative: look at each member definition. */
		const aza_json *idefs = aza_prop(ev, def, "properties.parameters");
		aza_json_each(m, aza_prop(ev, def, "properties.policyDefinitions")) {
			const char *mid = aza_json_str(aza_json_get(m, "policyDefinitionId"));
			const aza_res *md = mid ? aza_inv_find(inv, mid) : NULL;
			if (!md) {
				if (mid && !aza__istarts(mid, "/providers/Microsoft.Authorization/") && !unenforced) {
					nl_add(&ds.missing, aza_ev_fmt(ev, "%s -> %s", a->name, aza_last_seg(mid)));
					ds.own += cov > 0;
				}
				continue;
			}
			ok = override_effect(ev, a, aza_json_str(aza_json_get(m, "policyDefinitionReferenceId")), &ov, &ow);
			int k = rule_denies_roles(ev, md, aza_json_get(m, "parameters"), params, idefs, ok > 0 ? ov : NULL, &why);
			k = deny_narrowed(k, ok, ow, rs, rw, &why);
			const char *what = aza_ev_fmt(ev, "'%s' (initiative '%s', definition '%s')", a->name, def->name, md->name);
			if (deny_note(ev, &ds, k, why, cov, unenforced, what, where) &&
			    !deny_exempt(ev, &ds, a, r, aza_json_str(aza_json_get(m, "policyDefinitionReferenceId")), cov, what)) {
				aza_pass(ev, r, "policy assignment %s%s denies creating custom roles (mode All, effect deny, type " RD ")%s", what,
				         via, ds.note);
				return;
			}
		}
	}
	/* A management group that holds none of the assignments the rule
	 * judges is not its scope: a deny assigned at another group is judged
	 * there, and what the group inherits is not in the input. */
	if ((mg || inherits) && !ds.own) {
		aza_na(ev, r, "template scan: the templates deploy no policy assignment at the %s that could deny creating custom roles "
		              "(a custom definition or initiative whose condition names " RD ")%s%s",
		       aza_scope_noun(r), ds.elsewhere.n ? "; judged at their own management group: " : "",
		       ds.elsewhere.n ? nl_str(ev, &ds.elsewhere) : "");
		return;
	}
	if (!aza_ev_collected(ev, PA, r, &why)) {
		aza_unknown(ev, r, "%s", why);
		return;
	}
	if (ds.missing.n) {
		aza_unknown(ev, r, "custom policy definition(s) referenced by assignments were not collected: %s", nl_str(ev, &ds.missing));
		return;
	}
	if (ds.elsewhere.n) {
		aza_unknown(ev, r, "%zu policy assignment(s) would deny creating custom roles, but the input does not say whether the %s is below the management group(s) they name: %s",
		            ds.elsewhere.n, aza_scope_noun(r), nl_str(ev, &ds.elsewhere));
		return;
	}
	if (ds.unsure.n) {
		aza_unknown(ev, r, "whether %zu policy assignment(s) deny creating custom roles cannot be decided: %s", ds.unsure.n,
		            nl_str(ev, &ds.unsure));
		return;
	}
	aza_fail(ev, r, "no enforced policy assignment at or above the %s denies creating custom roles (" RD ")%s%s%s%s",
	         aza_scope_noun(r), ds.exempt.n ? "; exempted: " : "", ds.exempt.n ? nl_str(ev, &ds.exempt) : "",
	         ds.skipped.n ? "; not counted: " : "", ds.skipped.n ? nl_str(ev, &ds.skipped) : "");
}

/* User Access Administrator at '/' (where a Global Administrator's
 * "elevate access" puts it), or at the tenant root management group, whose
 * assignments apply to every management group and subscription of the
 * tenant (Azure management groups overview, "Important facts about the
 * root management group"): either lets its holder grant any role on all of
 * them. */
static void uaa_root(aza_ev *ev, const aza_res *r)
{
	/* An eligible assignment (Privileged Identity Management for Azure
	 * resources) there is the same grant: its principal can activate it
	 * at any time, as AZA-IAM-003 and AZA-IAM-004 count it. */
	const ra_table *tabs[2] = {ra_rows(ev), rei_rows(ev)};
	if (!tabs[0] || !tabs[1])
		return;
	const char *tid = aza_inv_tenant_id(aza_ev_inv(ev));
	size_t bad = 0, unsure = 0, nowhere = 0;
	const char *first_unsure = NULL, *first_nowhere = NULL;
	for (int t = 0; t < 2; t++)
		for (size_t i = 0; i < tabs[t]->n; i++) {
			const ra_row *w = &tabs[t]->row[i];
			const char *sc = ra_get(ev, w, RA_SCOPE);
			const char *rd = ra_get(ev, w, RA_RD);
			if (!rd || !aza__strieq(aza_last_seg(rd), ROLE_UAA))
				continue;
			if (!sc) {
				/* Neither properties.scope nor the id says where it is:
				 * it may be at the root. */
				if (!nowhere++)
					first_nowhere = w->r->id;
				continue;
			}
			const char *where;
			if (!strcmp(sc, "/"))
				where = "the root scope '/'";
			else if (aza_ev_root_mg(ev, sc))
				where = aza_ev_fmt(ev, "the tenant root management group %s, whose assignments apply to every management group and subscription of the tenant", sc);
			else {
				/* Without the tenant id, any management group may be the root. */
				if ((!tid || !*tid) && aza__istarts(sc, AZA_MG_PREFIX) && scope_is_sub_or_above(sc) && !unsure++)
					first_unsure = sc;
				continue;
			}
			const char *pid = ra_get(ev, w, RA_PID);
			const char *pt = ra_get(ev, w, RA_PTYPE);
			aza_fail(ev, w->r, "%s %s %s User Access Administrator at %s%s%s", pt ? pt : "principal", principal_name(ev, pid),
			         t ? "is eligible for" : "holds", where,
			         t ? " (Privileged Identity Management: it can activate the role at any time)" : "",
			         ra_scope_from_id(ev, w) ? " (the scope its id names: properties.scope is absent or not a string)" : "");
			bad++;
		}
	if (bad)
		return;
	const char *why, *note = "";
	if (!ra_collected(ev, &why))
		aza_unknown(ev, r, "%s", why);
	else if (nowhere)
		aza_unknown(ev, r, "%zu User Access Administrator assignment(s) (e.g. %s) have no properties.scope (a string) and an id that names no scope (not <scope>/providers/<assignment type>/<name>): whether one is at the root scope '/' or at the tenant root management group is unknown",
		            nowhere, first_nowhere);
	else if (unsure)
		aza_unknown(ev, r, "%zu User Access Administrator assignment(s) at a management group (e.g. %s), and the input names no tenant id, so whether it is the tenant root management group (whose id is the tenant id) is unknown",
		            unsure, first_unsure);
	else if (!aza_inv_deployed(aza_ev_inv(ev)))
		aza_pass(ev, r, "the templates deploy no User Access Administrator assignment at the root scope '/' or at the tenant root management group");
	/* An eligible assignment there is the same grant (above): with the
	 * eligible ones unknown, finding no active one proves nothing, as for
	 * AZA-IAM-003, AZA-IAM-004 and AZA-IAM-018. */
	else if (!rbac_eligible(ev, &note, &why))
		aza_unknown(ev, r, "no active User Access Administrator assignment at the root scope '/' or at the tenant root management group, but %s", why);
	else
		aza_pass(ev, r, "no User Access Administrator assignment at the root scope '/' or at the tenant root management group%s", note);
}

static void owner_count(aza_ev *ev, const aza_res *r)
{
	const struct aza_cfg *c = aza_ev_cfg(ev);
	const ra_table *rt = ra_rows(ev);
	if (!rt)
		return;
	namelist owners = {{0}, 0};
	idset seen;
	seen.n = 0;
	for (size_t i = 0; i < rt->n; i++) {
		const ra_row *w = &rt->row[i];
		const char *sc = ra_get(ev, w, RA_SCOPE);
		const char *rd = ra_get(ev, w, RA_RD);
		if (!sc || !rd || !aza__strieq(aza_last_seg(rd), ROLE_OWNER))
			continue;
		if (!aza__istarts(sc, "/subscriptions/") || !scope_is_sub_or_above(sc) || !aza_id_within(sc, r->id) ||
		    !aza_id_within(r->id, sc))
			continue;
		const char *pid = ra_get(ev, w, RA_PID);
		if (pid && ids_add(&seen, pid))
			nl_add(&owners, principal_name(ev, pid));
	}
	const char *why;
	if (!aza_ev_collected(ev, RA, r, &why)) {
		aza_unknown(ev, r, "%s", why);
		return;
	}
	/* Templates only add assignments: too many is a fact, anything else
	 * depends on the owners the subscription already has. */
	if (!aza_inv_deployed(aza_ev_inv(ev)) && owners.n <= (size_t)c->max_owners)
		aza_unknown(ev, r, "the templates deploy %zu Owner assignment(s) at the subscription%s%s; the owners it already has are not in the input (want %d to %d)",
		            owners.n, owners.n ? ": " : "", nl_str(ev, &owners), c->min_owners, c->max_owners);
	else if (owners.n < (size_t)c->min_owners)
		aza_fail(ev, r, "%zu Owner assignment(s) at the subscription%s%s (want %d to %d)", owners.n, owners.n ? ": " : "",
		         nl_str(ev, &owners), c->min_owners, c->max_owners);
	else if (owners.n > (size_t)c->max_owners)
		aza_fail(ev, r, "%zu Owner assignments at the subscription: %s (want %d to %d)", owners.n, nl_str(ev, &owners),
		         c->min_owners, c->max_owners);
	else
		aza_pass(ev, r, "%zu Owner assignments at the subscription: %s", owners.n, nl_str(ev, &owners));
}

static void disabled_users_roles(aza_ev *ev, const aza_res *r)
{
	const char *why;
	const aza_json *users = graph_list(ev, "users", PERM_DIR, &why);
	if (!users || (why = no_users(ev, users, "users"))) {
		aza_unknown(ev, r, "%s", why);
		return;
	}
	/* An eligible Azure role assignment (Privileged Identity Management
	 * for Azure resources) is re-armed as an active one is: once the
	 * account is enabled again, its user can activate the role. */
	const ra_table *rt = ra_rows(ev), *et = rei_rows(ev);
	if (!rt || !et)
		return;
	const char *why_rel = NULL, *rel_note = "";
	int have_rel = rbac_eligible(ev, &rel_note, &why_rel);
	/* The users of the groups holding an Azure role hold it too. */
	gheld gh;
	memset(&gh, 0, sizeof gh);
	gh_rbac(ev, &gh, rt, "", 0);
	gh_rbac(ev, &gh, et, "eligible for ", 0);
	idindex *ux = idx_new(aza_json_len(users));
	if (!ux || gh.nomem) {
		aza__free(ux);
		aza__free(gh.m);
		aza_ev_nomem(ev);
		return;
	}
	idx_add_ids(ux, users);
	idx_sort(ux);
	idset named;
	named.n = 0;
	namelist bad = {{0}, 0};
	size_t untyped = 0, disabled = 0;
	aza_json_each(u, users) {
		int b;
		if (!aza_json_bool(aza_json_get(u, "accountEnabled"), &b)) {
			untyped++;
			continue;
		}
		if (b)
			continue;
		disabled++;
		const char *id = aza_json_str(aza_json_get(u, "id"));
		const ra_row *w = first_ra_of(rt, id);
		const char *label = "";
		if (!w && (w = first_ra_of(et, id)))
			label = "eligible for ";
		if (w && ids_add(&named, id)) {
			const char *rd = ra_get(ev, w, RA_RD);
			const char *role = priv_rbac_role(rd);
			const char *sc = ra_get(ev, w, RA_SCOPE);
			nl_add(&bad, aza_ev_fmt(ev, "%s (%s%s at %s)", user_name(u), label, role ? role : aza_last_seg(rd), sc ? sc : w->r->parent));
		}
	}
	/* A disabled user through a group: its users entry says, else its
	 * member entry. */
	for (size_t i = 0; i < gh.n; i++) {
		const gmember *g = &gh.m[i];
		int b;
		const aza_json *e = idx_find(ux, g->id);
		if (!(e && aza_json_bool(aza_json_get(e, "accountEnabled"), &b)) && !aza_json_bool(aza_json_get(g->u, "accountEnabled"), &b)) {
			untyped++;
			continue;
		}
		if (!b && ids_add(&named, g->id))
			nl_add(&bad, aza_ev_fmt(ev, "%s (%s)", user_name(g->u), g->role));
	}
	aza__free(ux);
	aza__free(gh.m);
	if (bad.n) {
		aza_fail(ev, r, "%zu disabled user(s) still hold Azure role assignments: %s", bad.n, nl_str(ev, &bad));
		return;
	}
	if (untyped) {
		aza_unknown(ev, r, "%zu user(s) were collected without accountEnabled: disabled accounts cannot be told apart", untyped);
		return;
	}
	if (!ra_collected(ev, &why)) {
		aza_unknown(ev, r, "%zu disabled user(s); %s", disabled, why);
		return;
	}
	if (disabled && gh.unknown.n) {
		aza_unknown(ev, r, "%zu disabled user(s), but %zu group(s) hold an Azure role and their users are unknown (%s): %s", disabled,
		            gh.unknown.n, gh_why(ev, &gh), nl_str(ev, &gh.unknown));
		return;
	}
	if (disabled && !have_rel) {
		aza_unknown(ev, r, "%zu disabled user(s) hold no active Azure role assignment, but whether they are eligible for one is unknown: %s",
		            disabled, why_rel);
		return;
	}
	aza_pass(ev, r, "none of the %zu disabled user(s) holds an Azure role assignment%s%s%s%s", disabled,
	         gh.groups.n ? aza_ev_fmt(ev, ", directly or through the %zu group(s) holding one", gh.groups.n) : "",
	         disabled ? gh_note(&gh) : "", disabled ? "; none is eligible for one (Privileged Identity Management)" : "",
	         disabled ? rel_note : "");
}

/* How AZA-IAM-003, AZA-IAM-004 and AZA-IAM-018 read the eligibility of the
 * groups holding a role (gh_eligible), for their defaults text. */
#define PIM_GROUPS_DEFAULTS                                                                                            \
	" Privileged Identity Management for Groups (groupEligibility: GET /identityGovernance/privilegedAccess/group/"     \
	"eligibilityScheduleInstances?$filter=groupId eq '{id}'&$expand=principal, for each group holding a role): a user " \
	"eligible for such a group's membership or ownership (an owner can add itself as a member) can activate it at "   \
	"any time and counts as the group's members do, named '<role> eligible via group <name or id>' ('as its owner' "   \
	"for an owner); an eligible group passes it to its users in groupMembers ('through group <name>'), one level "    \
	"deep; a service principal is not judged; an instance whose endDateTime is before the snapshot's collected_at "    \
	"(without one, the scan's time) does not count. A group whose eligibility is unknown (not collected, as in a "     \
	"snapshot of an older collector whose data sets list groupMembers but not groupEligibility; no entry for it; an "  \
	"error scoped to its id; a principal neither expanded nor a collected user; an eligible group whose users are "    \
	"unknown) is named in an UNKNOWN where the verdict would pass, as a group whose users are unknown is; a FAIL "     \
	"stands. Graph's AadPremiumLicenseRequired refusal (no Microsoft Entra ID P2 or ID Governance) means the group "   \
	"has none, and the PASS says so."

#define ACC .resp = AZA_RESP_ACCOUNTS, .models = AZA_SAAS
#define IDN .resp = AZA_RESP_IDENTITY, .models = AZA_SAAS
#define TENANT .scope = AZA_SCOPE_TENANT

const struct aza_rule aza_rules_iam[] = {
	{
		.id = "AZA-IAM-001", .title = "Microsoft Entra security defaults are enabled",
		.area = AZA_AREA_IAM, .level = 1, .severity = AZA_SEV_HIGH, IDN, TENANT,
		.checklist = "iam.mfa_all_users", .cis = "6.0.0:5.1.1 5.0.0:5.1.1",
		.rationale = "Security defaults require MFA registration for every user, MFA for administrators and block legacy authentication; tenants without Conditional Access have no other baseline.",
		.portal = "Microsoft Entra admin center > Identity > Overview > Properties > Manage security defaults: Enabled.",
		.cli = "az rest --method patch --url https://graph.microsoft.com/v1.0/policies/identitySecurityDefaultsEnforcementPolicy --body '{\"isEnabled\": true}'",
		.arm = "Not an ARM property: Graph policies/identitySecurityDefaultsEnforcementPolicy isEnabled = true",
		.defaults = "isEnabled false with at least one enabled Conditional Access policy is NOT_APPLICABLE (the two are mutually exclusive; AZA-IAM-002 judges MFA coverage); false otherwise is FAIL. Policy (or, when security defaults are off, the Conditional Access policies) not readable: UNKNOWN (Policy.Read.All); Conditional Access policies that are not a list (a response wrapper whose value is null): UNKNOWN, not a FAIL.",
		.check = security_defaults,
	},
	{
		.id = "AZA-IAM-002", .title = "MFA is enabled for all users",
		.area = AZA_AREA_IAM, .level = 1, .severity = AZA_SEV_HIGH, IDN, TENANT,
		.checklist = "iam.mfa_all_users", .cis = "6.0.0:5.1.3 5.0.0:5.1.2",
		.rationale = "A password alone is phished, sprayed or reused; MFA stops most account takeovers.",
		.portal = "Enable security defaults, or Entra admin center > Protection > Conditional Access > New policy: Users All users, Target resources All cloud apps, Grant Require multifactor authentication, Enable policy On.",
		.cli = "az rest --method post --url https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies --body @require-mfa-all-users.json",
		.arm = "Not an ARM property: a Graph conditionalAccessPolicy with includeUsers ['All'], includeApplications ['All'], builtInControls ['mfa'], state 'enabled'",
		.defaults = "PASS on any of: security defaults enabled; an enabled Conditional Access policy for All users and All cloud apps whose grant requires mfa, or an authentication strength that grants MFA, on every sign-in, exclusions of users are reported (a policy limited by risk levels, platforms, locations other than All, client app types other than all, device filters, excluded applications, an application filter (include or exclude), excluded guest or external users (excludeGuestsOrExternalUsers, or the value GuestsOrExternalUsers in excludeUsers, which Graph allows beside user ids) or authentication flows does not count; nor does one whose grant operator is OR with any other choice: another built-in control, terms of use, a custom factor or an authentication strength that does not grant MFA satisfies it without MFA; with AND, or mfa alone, it counts); every member user in userRegistrationDetails has isMfaRegistered true and isMfaCapable not false (Graph userRegistrationDetails: isMfaRegistered counts a method the authentication methods policy may not allow, isMfaCapable only one it allows; a user registered only with disallowed methods cannot use them and is asked to register at the next MFA prompt, so it counts as not registered and is named so; without a boolean isMfaCapable, isMfaRegistered decides). An authentication strength grants MFA when its requirementsSatisfied (read case-insensitively as comma-separated flags) includes mfa; requirementsSatisfied none does not (the policy does not count, as one without MFA); without requirementsSatisfied only the built-in strengths count (ids 00000000-0000-0000-0000-000000000002 Multifactor authentication, ...0003 Passwordless MFA, ...0004 Phishing-resistant MFA). A strength azaudit cannot judge (no requirementsSatisfied and not built-in, another value, not a string) makes that policy's MFA unknown: it does not give a PASS, and with no other proof the verdict is UNKNOWN, also when some users are not registered (they would have to register at their next sign-in if it does require MFA); a PASS on registration alone stands. An enabled user of the users list that is not a guest (userType Guest, or #EXT# in the name) and has no registration record leaves its registration unknown: no PASS on registration (UNKNOWN, naming it), a FAIL stands (the report holds every user of the tenant, members and guests; a filtered read, such as isAdmin eq true, holds some only). Guests are not counted, nor are disabled accounts: registration details have no accountEnabled, so each record is joined by id with the users list, and a user whose entry there has accountEnabled false (who cannot sign in) is left out and counted in the message; a user missing from users, or without accountEnabled there, counts, and without the users list every record counts (the FAIL says disabled accounts could not be left out). Registration details not readable (or not a list) and no policy proof: UNKNOWN (AuditLog.Read.All). The first policy left out is named with the reason.",
		.check = mfa_all_users,
	},
	{
		.id = "AZA-IAM-003", .title = "Every user holding a privileged role is registered for MFA",
		.area = AZA_AREA_IAM, .level = 1, .severity = AZA_SEV_CRITICAL, ACC, TENANT,
		.needs = RA " " RD " " REI, .subject = RA " " REI, .checklist = "iam.mfa_privileged",
		.rationale = "A privileged account without MFA is one stolen password away from control of the subscription or the tenant.",
		.portal = "Entra admin center > Protection > Authentication methods > User registration details: filter Multifactor authentication capable = Not capable; have each listed administrator register, and require MFA for admin roles with Conditional Access.",
		.cli = "az rest --url \"https://graph.microsoft.com/v1.0/reports/authenticationMethods/userRegistrationDetails?\\$filter=isAdmin eq true\"",
		.arm = "Not an ARM property: MFA registration of each privileged user",
		.defaults = "Privileged: users with Owner, Contributor, User Access Administrator or Role Based Access Control Administrator, or a collected custom role (CustomRole) with actions '*' (Owner under another name when that permissions entry's notActions do not take back Microsoft.Authorization/roleAssignments/write, Contributor-like when they do; both count, as Owner and Contributor do, and the message says which), or one with an action pattern matching Microsoft.Authorization/roleAssignments/write (such as the Microsoft.Authorization provider's every action, as User Access Administrator has) that its entry's notActions do not take back, without '*' (User Access Administrator-like: its holder can assign itself Owner, per the Azure built-in roles of the Privileged category; named 'granting Microsoft.Authorization/roleAssignments/write (User Access Administrator-like)'), assigned at a subscription, management group or the root (a custom role's definition is found by its GUID among the collected definitions, else by its id; Resource Manager lists a custom role under each subscription it is read at, and when a snapshot holds several copies that differ, any copy granting '*' or role assignment writes makes the role privileged and the message names the subscription of that copy); users holding a privileged Entra role (Global, Privileged Role, Privileged Authentication, Security, Conditional Access, Authentication, User, Application, Cloud Application, Exchange, SharePoint, Helpdesk, Password, Hybrid Identity, Intune, Cloud Device and Billing Administrator), as an active assignment (directoryRoleAssignments) or an eligible one (Privileged Identity Management, directoryRoleEligibilityScheduleInstances: the user can activate the role at any time; messages say 'eligible for'); users with isAdmin true. Eligible Azure role assignments (Privileged Identity Management for Azure resources, Microsoft.Authorization/roleEligibilityScheduleInstances read at each subscription) count like active ones at a subscription, management group or the root ('eligible for Owner'); not collected or refused: a would-be PASS is UNKNOWN, except when every refusal is AadPremiumLicenseRequired (no Microsoft Entra ID P2: no eligible assignment), and a FAIL stands. An eligible instance, directory or Azure, whose endDateTime is before the snapshot's collected_at (without one, the scan's time) does not count: it can no longer be activated (an endDateTime that is not a time counts). A privileged user whose users entry has accountEnabled false cannot sign in, so its MFA is no risk while it stays disabled: it is left out of the verdict (not counted, not a FAIL, not an UNKNOWN for a missing registration record) and every verdict names it with its role ('N disabled privileged account(s) left out'); a user missing from users, or whose entry has no boolean accountEnabled, counts, and so does every user when the users list was not collected. Eligible assignments not readable: UNKNOWN (they may hide an eligible Global Administrator without MFA), except when Graph refused them with AadPremiumLicenseRequired: a tenant without Microsoft Entra ID P2 or ID Governance has no eligible assignment (Privileged Identity Management removes them when the license ends), so the verdict stands on the active ones and the PASS says so; a FAIL stands whatever is unknown. A privileged user whose record has isMfaRegistered true but isMfaCapable false is registered only with methods the authentication methods policy does not allow (Graph userRegistrationDetails): it cannot use them, and is a FAIL as one not registered is, named 'registered only with methods the authentication methods policy does not allow'; without a boolean isMfaCapable, isMfaRegistered decides. Classic co-administrators are not exposed by these APIs. One finding per tenant listing up to ten users and the count. A group holding a privileged role (principalType Group, or an expanded directory principal of type group; held or eligible) passes it to each of its users in groupMembers (GET /groups/{id}/transitiveMembers/microsoft.graph.user: nested groups' users too), judged as direct holders are and named 'Owner via group <name or id>' (a group holding an Azure role: '<name> (<id>)' with the displayName of its groupMembers entry, else its id): a user not registered is a FAIL, one without a registration record UNKNOWN, a disabled one left out; a group whose users are unknown (groupMembers not collected, no entry for the group, or an error scoped to its id, such as a 403 without GroupMember.Read.All) gives UNKNOWN naming it and why. A privileged user without a registration record (from an RBAC or a directory role assignment), a privileged RBAC role held by a foreign group (its members are not collected), a privileged directory role held by a principal that has no registration record and is not a collected user (a group or a service principal: a Graph role assignment read without $expand=principal does not say which), or role data not collected gives UNKNOWN; a privileged user not registered is a FAIL whatever else is unknown. Service principals and devices (principalType ServicePrincipal or Device, or an expanded principal of type servicePrincipal) are not judged; a ForeignGroup holding a privileged RBAC role counts as a group (UNKNOWN); an RBAC assignment without principalType (optional in the ARM schema) or with another value is a user's when the collected users hold its id, else its principal is of unknown kind (UNKNOWN). Registration details or directory role assignments that are not a list: UNKNOWN. Role definitions not collected while a user or group holds, at a subscription or above, a role that is not a privileged built-in: UNKNOWN (it may be a custom role granting '*'); with them collected, a definition missing from the list is a deleted role. A collected definition (any copy, when none grants '*') that cannot be read (no properties, a type other than CustomRole or BuiltInRole, or a custom role whose permissions, or a permissions entry's actions, are not a list, as AZA-IAM-014 judges them) may grant '*': held at a subscription or above by a principal other than a service principal, a device or a user registered for MFA, it gives UNKNOWN, not a PASS." PIM_GROUPS_DEFAULTS,
		.check = mfa_privileged,
	},
	{
		.id = "AZA-IAM-004", .title = "Guest users hold no Azure or directory role assignment",
		.area = AZA_AREA_IAM, .level = 1, .severity = AZA_SEV_HIGH, ACC, TENANT,
		.needs = RA " " REI, .subject = RA " " REI, .checklist = "iam.no_guests",
		.rationale = "Guests are managed by another organisation: their account hygiene, MFA and offboarding are outside your control. Roles given to them are the usual path for a forgotten partner to keep access.",
		.portal = "Entra admin center > Users > filter User type = Guest; for each, Azure role assignments and Assigned roles: remove those not needed, or delete the guest.",
		.cli = "az role assignment list --all --assignee <guest object id>; az role assignment delete --ids <assignment id>",
		.arm = "Remove the Microsoft.Authorization/roleAssignments whose principalId is a guest",
		.defaults = "Guests are users with userType Guest (or #EXT# in the user principal name); userRegistrationDetails is used when users lack userType. Every guest is listed in the message. Any Azure role assignment (any role, any scope) or directory role assignment of a guest is a FAIL, as is an eligible directory role assignment (Privileged Identity Management: the guest can activate it at any time; the message says 'eligible for'); with guests and role data not collected: UNKNOWN. Eligible assignments not readable: UNKNOWN, except when Graph refused them with AadPremiumLicenseRequired (a tenant without Microsoft Entra ID P2 or ID Governance has none; the PASS says so). Eligible Azure role assignments (Privileged Identity Management for Azure resources, Microsoft.Authorization/roleEligibilityScheduleInstances read at each subscription, with those below it) count like active ones, any role at any scope ('eligible for Owner'); not collected or refused: a would-be PASS is UNKNOWN, except when every refusal is AadPremiumLicenseRequired (no Microsoft Entra ID P2: no eligible assignment), and a FAIL stands. An eligible instance, directory or Azure, whose endDateTime is before the snapshot's collected_at (without one, the scan's time) does not count: it can no longer be activated (an endDateTime that is not a time counts). Users (or, as the fallback, registration details) read but empty: UNKNOWN, not 'no guest' (every tenant has at least one user, the one who created it: an empty list was cut by a filter or a permission). A group holding any Azure role assignment (principalType Group, active or eligible, any scope) or any directory role assignment (an expanded principal of type group, active or eligible) passes it to each of its users in groupMembers (transitiveMembers: nested groups' users too): a guest among them (userType Guest in its member entry, else in the guest list's entry for it) is a FAIL named 'via group <name or id>' (a group holding an Azure role: '<name> (<id>)' with the displayName of its groupMembers entry, else its id); a member neither entry types gives UNKNOWN. With guests in the tenant, a group whose users are unknown (groupMembers not collected, no entry for it, or an error scoped to its id) gives UNKNOWN naming it; with none, no group changes the PASS." PIM_GROUPS_DEFAULTS,
		.check = guests_with_roles,
	},
	{
		.id = "AZA-IAM-005", .title = "No stale guest accounts (no sign-in for 90 days)",
		.area = AZA_AREA_IAM, .level = 1, .severity = AZA_SEV_MEDIUM, ACC, TENANT,
		.checklist = "iam.no_guests",
		.rationale = "A guest who no longer signs in is access nobody uses but an attacker could; removing them shrinks the attack surface.",
		.portal = "Entra admin center > Users > filter User type = Guest, add column Last sign-in; delete guests inactive for 90 days, or set up an access review for guests.",
		.cli = "az rest --url \"https://graph.microsoft.com/v1.0/users?\\$filter=userType eq 'Guest'&\\$select=userPrincipalName,signInActivity,createdDateTime\"",
		.arm = "Not an ARM property: delete the guest users",
		.defaults = "Last activity is signInActivity.lastSuccessfulSignInDateTime (null or 0001-01-01: no successful sign-in recorded, judged as never signed in). Without that property, the later of lastSignInDateTime and lastNonInteractiveSignInDateTime (0001-01-01 means never): both record attempts, failed ones too (Graph v1.0 signInActivity resource: to track actual account access, use lastSuccessfulSignInDateTime, recorded since 1 December 2023), so both older than 90 days make the guest stale, but a recent attempt does not show the account in use: UNKNOWN. signInActivity comes from the user in users, else from the entry with the user's id in guestSignInActivity (the guests and their sign-ins, read apart from users: Graph returns signInActivity only with AuditLog.Read.All in a Microsoft Entra ID P1/P2 tenant); a guest listed there only is judged too, and that list, read in full, says which users without userType are guests. A guest who never signed in is stale once createdDateTime is more than 90 days ago (or unknown). In guestSignInActivity, read in full, a guest's signInActivity absent or null means no sign-in recorded (Graph v1.0 user resource: not returned for a user who has never signed in or last signed in before April 2020): FAIL when createdDateTime is more than 90 days ago ('no sign-in recorded since it was created on ...'), fine when within 90 days, UNKNOWN without a createdDateTime. signInActivity missing otherwise (that list not read, or the guest not in it): UNKNOWN naming what Graph refused, from its error code (the P1/P2 license, AuditLog.Read.All, or a directory role for a signed-in user). A sign-in time that is present but not an RFC 3339 date (trailing text included) may be recent: UNKNOWN, unless the other one is within 90 days. Users without userType (and no #EXT# in the name) may be guests: UNKNOWN unless a stale guest already fails. Users read but empty: UNKNOWN unless a stale guest fails (every tenant has at least one user, the one who created it: an empty list was cut by a filter or a permission).",
		.check = stale_guests,
	},
	{
		.id = "AZA-IAM-006", .title = "Only administrators and Guest Inviters can invite guests",
		.area = AZA_AREA_IAM, .level = 2, .severity = AZA_SEV_MEDIUM, IDN, TENANT,
		.checklist = "iam.admin_only_invites", .cis = "5.0.0:5.16",
		.rationale = "When every user can invite, external accounts enter the directory without review.",
		.portal = "Entra admin center > External Identities > External collaboration settings > Guest invite settings: Only users assigned to specific admin roles can invite guest users.",
		.cli = "az rest --method patch --url https://graph.microsoft.com/v1.0/policies/authorizationPolicy --body '{\"allowInvitesFrom\": \"adminsAndGuestInviters\"}'",
		.arm = "Not an ARM property: Graph authorizationPolicy allowInvitesFrom = 'adminsAndGuestInviters' (or 'none')",
		.defaults = "none and adminsAndGuestInviters pass; adminsGuestInvitersAndAllMembers and everyone (the tenant default) fail. Policy not readable, or a list wrapper with no policy object: UNKNOWN.",
		.check = admin_only_invites,
	},
	{
		.id = "AZA-IAM-007", .title = "Only administrators can create security groups",
		.area = AZA_AREA_IAM, .level = 2, .severity = AZA_SEV_LOW, IDN, TENANT,
		.checklist = "iam.admin_only_security_groups", .cis = "5.0.0:5.19",
		.rationale = "Security groups grant access; when any user can create them, group sprawl hides who has access to what.",
		.portal = "Entra admin center > Groups > General > Users can create security groups in Azure portals, API or PowerShell: No.",
		.cli = "az rest --method patch --url https://graph.microsoft.com/v1.0/policies/authorizationPolicy --body '{\"defaultUserRolePermissions\": {\"allowedToCreateSecurityGroups\": false}}'",
		.arm = "Not an ARM property: Graph authorizationPolicy defaultUserRolePermissions.allowedToCreateSecurityGroups = false",
		.defaults = "The tenant default is true (FAIL). Missing, or a list wrapper with no policy object: UNKNOWN.",
		.check = admin_only_security_groups,
	},
	{
		.id = "AZA-IAM-008", .title = "Only administrators can create Microsoft 365 groups",
		.area = AZA_AREA_IAM, .level = 2, .severity = AZA_SEV_LOW, IDN, TENANT,
		.checklist = "iam.admin_only_m365_groups", .cis = "5.0.0:5.21",
		.rationale = "Self-service Microsoft 365 groups create mailboxes, sites and teams outside any review, and may add guests.",
		.portal = "Entra admin center > Groups > General > Users can create Microsoft 365 groups in Azure portals, API or PowerShell: No.",
		.cli = "az rest --method patch --url https://graph.microsoft.com/v1.0/groupSettings/<Group.Unified id> --body '{\"values\": [{\"name\": \"EnableGroupCreation\", \"value\": \"false\"}]}'",
		.arm = "Not an ARM property: Graph groupSettings Group.Unified EnableGroupCreation = \"false\"",
		.defaults = "Without a Group.Unified setting object (or without EnableGroupCreation in it) the default lets every user create groups (FAIL). EnableGroupCreation false with GroupCreationAllowedGroupId delegates creation to one group (PASS, named). groupSettings not a list, a Group.Unified object whose values are not a list, or an EnableGroupCreation other than \"true\"/\"false\": UNKNOWN.",
		.check = admin_only_m365_groups,
	},
	{
		.id = "AZA-IAM-009", .title = "Self-service group management is restricted",
		.area = AZA_AREA_IAM, .level = 2, .severity = AZA_SEV_LOW, IDN, TENANT,
		.checklist = "iam.no_self_service_group_mgmt", .cis = "5.0.0:5.18 5.0.0:5.20",
		.rationale = "Self-service group management lets owners approve membership requests in My Groups, outside any access review.",
		.manual = "Entra admin center > Groups > General > Self Service Group Management: check 'Owners can manage group membership requests in My Groups' is No and 'Restrict user ability to access groups features in My Groups' is Yes, unless the business has chosen to delegate group membership to owners (record that decision).",
	},
	{
		.id = "AZA-IAM-010", .title = "Users cannot remember MFA on trusted devices",
		.area = AZA_AREA_IAM, .level = 1, .severity = AZA_SEV_MEDIUM, IDN, TENANT,
		.checklist = "iam.no_remember_mfa", .cis = "6.0.0:5.1.4 5.0.0:5.1.3",
		.rationale = "Remembering MFA for days lets a stolen or shared device skip the second factor.",
		.manual = "Entra admin center > Users > All users > Per-user MFA > Service settings: check 'Allow users to remember multifactor authentication on devices they trust' is cleared. With Conditional Access, also check no policy sets a long sign-in frequency or persistent browser session for all users.",
	},
	{
		.id = "AZA-IAM-011", .title = "Users and administrators are notified of password resets",
		.area = AZA_AREA_IAM, .level = 2, .severity = AZA_SEV_LOW, IDN, TENANT,
		.checklist = "iam.notify_password_reset", .cis = "5.0.0:5.10 5.0.0:5.11",
		.rationale = "A notification on reset lets the owner (or other admins) spot a reset they did not make, a sign of account takeover.",
		.manual = "Entra admin center > Protection > Password reset > Notifications: check 'Notify users on password resets?' is Yes and 'Notify all admins when other admins reset their password?' is Yes.",
	},
	{
		.id = "AZA-IAM-012", .title = "Non-administrators cannot access the Entra administration portal",
		.area = AZA_AREA_IAM, .level = 2, .severity = AZA_SEV_LOW, IDN, TENANT,
		.checklist = "iam.restrict_admin_portal", .cis = "5.0.0:5.17",
		.rationale = "Ordinary users browsing the directory in the admin portal help an attacker with a stolen account map users, groups and roles.",
		.manual = "Entra admin center > Users > User settings > Administration center: check 'Restrict access to Microsoft Entra admin center' is Yes. (It only hides the portal; also consider blocking Graph and PowerShell access with Conditional Access.)",
	},
	{
		.id = "AZA-IAM-013", .title = "MFA is required to register or join devices",
		.area = AZA_AREA_IAM, .level = 1, .severity = AZA_SEV_MEDIUM, IDN, TENANT,
		.cis = "6.0.0:5.1.2 5.0.0:5.22",
		.rationale = "A device joined with a stolen password becomes a trusted foothold; MFA at join stops that.",
		.manual = "Entra admin center > Devices > Device settings: check 'Require Multifactor Authentication to register or join devices with Microsoft Entra' is Yes, or (preferred, and then that setting must be No) a Conditional Access policy with the user action 'Register or join devices' requires MFA.",
	},
	{
		.id = "AZA-IAM-014", .title = "No custom role grants owner rights over a subscription",
		.area = AZA_AREA_IAM, .level = 1, .severity = AZA_SEV_HIGH, ACC, TENANT,
		.needs = RD, .subject = RD, .checklist = "iam.no_custom_owner_roles", .cis = "6.0.0:5.4 5.0.0:5.23",
		.rationale = "A custom role with '*' actions is Owner under another name: it escapes reviews that look for Owner and breaks least privilege.",
		.portal = "Subscription > Access control (IAM) > Roles > Type: CustomRole; for each role with '*' in actions, narrow its actions or delete it.",
		.cli = "az role definition list --custom-role-only true --query \"[?contains(permissions[0].actions,'*')]\"; az role definition update --role-definition @role.json",
		.arm = "Microsoft.Authorization/roleDefinitions: properties.permissions[].actions without '*' for roles assignable at '/', a management group or a subscription",
		.defaults = "A custom role (type CustomRole) fails when any permissions[].actions entry is exactly '*' and an assignable scope is '/', a management group or a subscription; roles assignable only to resource groups do not. So does one without '*' whose permissions entry has an action pattern matching Microsoft.Authorization/roleAssignments/write (such as Microsoft.Authorization/*, the actions of User Access Administrator) that its notActions do not take back, assignable there: its holder can assign itself or anyone Owner (Azure built-in roles, Privileged category: User Access Administrator and Role Based Access Control Administrator), as AZA-IAM-003 counts it. One finding per role definition, on its first copy in input order: Resource Manager lists a custom role (one GUID tenant-wide) under each subscription it is read at, so the copies with the same GUID name (any case) are judged together, the worst verdict winning (a copy granting '*' fails the role whatever the others say; one that cannot be read leaves the others' PASS UNKNOWN); a PASS on the tenant counts distinct custom roles. Role definitions not collected: UNKNOWN; so is a PASS over a definition that cannot be read: no properties, a type other than CustomRole or BuiltInRole, or a custom role whose permissions (or a permissions entry's actions, when present) are not a list, or that grants '*' or role assignment writes with assignableScopes not a list.",
		.check = custom_owner_roles,
	},
	{
		.id = "AZA-IAM-015", .title = "A policy prevents creating custom owner roles",
		.area = AZA_AREA_IAM, .level = 2, .severity = AZA_SEV_MEDIUM, ACC, .scope = AZA_SCOPE_SUBSCRIPTION,
		.needs = PA " " PD " " PSD " " AZA_PE_TYPE, .subject = "@@" PA, .checklist = "iam.deny_custom_owner_roles",
		.rationale = "Checking today's roles is not enough: a deny policy keeps anyone with role-write rights from creating an owner-equivalent custom role tomorrow.",
		.portal = "Policy > Definitions > + Policy definition: a rule on type Microsoft.Authorization/roleDefinitions and a count of Microsoft.Authorization/roleDefinitions/permissions[*].actions[*] where that alias equals '*', greater than 0, with effect Deny (a plain field condition actions[*] equals '*' only matches roles whose every action is '*'); then Assign it at the management group or subscription with enforcement Enabled.",
		.cli = "az policy definition create -n deny-custom-owner-roles --mode All --rules @deny-star-roles.json; az policy assignment create --policy deny-custom-owner-roles --scope /subscriptions/<id>",
		.arm = "Microsoft.Authorization/policyAssignments (enforcementMode Default) of a definition with mode All whose policyRule.if has type equals Microsoft.Authorization/roleDefinitions and whose effect is Deny",
		.defaults = "PASS needs an enforced assignment at the subscription, at '/' or at the tenant root management group (whose id is the tenant id; every subscription is below it), not excluded by notScopes (a notScope at a resource group or resource of the subscription, or, in a template-only scan, below the management group judged, leaves the deny off there as an exemption there does: FAIL naming it, as below), of a custom definition, or an initiative containing one, with mode All (Indexed mode does not evaluate Microsoft.Authorization/roleDefinitions), an effect of deny (directly, or through a parameter assigned or defaulting to Deny, also through an initiative parameter) and an if-condition where field type equals (or is in) Microsoft.Authorization/roleDefinitions, within allOf/anyOf, not narrowed by an allOf sibling on another field (roleName, description...); the only narrowing accepted is a count of permissions[*].actions[*] whose where is that alias equals '*', greater than 0 (or greaterOrEquals 1). A field condition permissions[*].actions[*] equals '*' narrows: a condition on a [*] alias holds only when every selected value meets it, so it leaves out a role with '*' beside another action. Definitions with another mode or effect, type notEquals/notIn, or a narrowing sibling do not count and are named in the FAIL. No built-in policy denies custom roles, so built-in assignments do not count. An assignment with enforcementMode Enroll denies only at the scopes enrolled to it (the policy API's EnforcementMode values, KnownEnforcementMode in the Azure SDK reference: not enforced until the resource or its scope is enrolled), and the input holds no enrollment: a deny there gives UNKNOWN, as does an enforcementMode other than Default, DoNotEnforce and Enroll. An assignment's overrides (kind policyEffect) replace the effect of the definitions they select (Azure Policy assignment structure, Overrides): one without selectors, or whose policyDefinitionReferenceId selectors (in/notIn, case-insensitive) reach the member, sets its effect, so a deny overridden to Audit or Disabled does not count and one overridden to Deny does; an override azaudit cannot read (no kind or value, selectors not a list, another selector kind such as resourceLocation) leaves a deny UNKNOWN. An assignment's resourceSelectors limit it to the resources one of them selects (Resource selectors): when every one has a resourceType selector whose in leaves out (or notIn lists) Microsoft.Authorization/roleDefinitions, the deny does not count (named in the FAIL); other selector kinds (resourceLocation, resourceWithoutLocation) leave it UNKNOWN. An assignment that would deny, but at another management group or with another management group among its notScopes, gives UNKNOWN: the input does not hold the management group tree (in a template-only scan, unless the templates deploy it: management groups whose properties.details.parent.id names their parent, and Microsoft.Management/managementGroups/subscriptions resources placing a subscription under a group; followed up transitively, they say whether the scope is below that group). A policy exemption (Microsoft.Authorization/policyExemptions; Waiver and Mitigated alike take the scope out of the assignment's evaluation, so a role definition created there is not denied) at the subscription, at '/' or at the tenant root management group (in a template-only scan, at the management group judged) whose policyAssignmentId is the deny's assignment (case-insensitive) and whose policyDefinitionReferenceIds are empty or, for an initiative, list the denying member's reference id (case-insensitive) takes that deny away: FAIL naming the exemption and its category, unless another assignment denies. One below the subscription (at a resource group or a single resource of it; in a template-only scan, also at a group or subscription the templates' parent links place below the management group judged, or at a resource group or resource of such a subscription) takes only what is there out of the deny, but a custom role can then be created at that scope (Role Definitions - Create Or Update takes the scope to create it at), so the deny no longer holds over all of the subscription: FAIL naming the exemption and where it is, as for one at the subscription (which is named first when both exist). An exemption at a management group between the assignment's and the subscription (by the templates' parent links) covers the subscription; one at a group on another branch (below a group the subscription's parents lead to, but not on the way) does not. An exemption's assignmentScopeValidation (Default or DoNotValidate) only decides whether Resource Manager checks, when it is created, that it is at or under the assignment's scope: where it is decides what it covers, so it is not read. One whose expiresOn is at or before the snapshot's meta.collected_at (else the scan's time, --now) no longer applies; one whose resourceSelectors all have a resourceType selector leaving out Microsoft.Authorization/roleDefinitions does not reach role definitions; other resourceSelectors, an exemption at another management group, one naming an assignment only known at deployment, one listing reference ids for a definition (not initiative) assignment, or exemptions Resource Manager refused to list for the subscription give UNKNOWN. Exemptions not in the input (a snapshot from an azaudit that did not collect them, or an export without them) keep the PASS, whose message then says an exemption is not ruled out. A custom definition referenced but not collected, one without a mode or a resolvable effect, or a condition azaudit does not evaluate (other count or value expressions, other operators on type, a parameter as the type, 'not' around a narrowed condition) gives UNKNOWN; policy assignments not collected: UNKNOWN. In a template-only scan, the policy assignments the templates deploy at a management group (a managementGroupDeploymentTemplate, a nested deployment scoped to one, or a scope naming one) are judged on that group, as at a subscription: an assignment there covers it (a notScope naming another group leaves it in: that group is below it), one at another group gives UNKNOWN only when it would deny (one at a group the templates' parent links place it below covers it, the PASS naming that group); one there with enforcementMode DoNotEnforce that would deny is named in the FAIL. A group whose deployed assignments include none that could deny (of a custom definition or initiative whose condition names Microsoft.Authorization/roleDefinitions, or whose definition is not in the input or only known at deployment) is NOT_APPLICABLE: a deny at another group is judged at that group.",
		.check = deny_custom_owner,
	},
	{
		.id = "AZA-IAM-016", .title = "User Access Administrator is not assigned at the root scope",
		.area = AZA_AREA_IAM, .level = 1, .severity = AZA_SEV_HIGH, ACC, TENANT,
		.needs = RA " " REI, .subject = "@" RA, .cis = "6.0.0:5.3.3 5.0.0:5.3.3",
		.rationale = "User Access Administrator at '/' (left behind by a Global Administrator's 'elevate access') can grant any role on every subscription and management group.",
		.portal = "Entra admin center > Identity > Overview > Properties > Access management for Azure resources: No (for the elevated account); Azure portal > Management groups > Tenant Root Group > Access control: remove other root assignments.",
		.cli = "az role assignment delete --role \"User Access Administrator\" --scope / --assignee <principal id> (at the tenant root group: --scope /providers/Microsoft.Management/managementGroups/<tenant id>)",
		.arm = "Remove the Microsoft.Authorization/roleAssignments at scope '/' or at the tenant root management group with role 18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
		.defaults = "A FAIL on each User Access Administrator assignment at the root scope '/' (CIS's audit, where 'elevate access' puts it) and at the tenant root management group (/providers/Microsoft.Management/managementGroups/<tenant id>: any assignment there applies to every management group and subscription of the tenant, so it grants the same power over Azure resources); An eligible assignment there (Privileged Identity Management for Azure resources, Microsoft.Authorization/roleEligibilityScheduleInstances, whose endDateTime is not before the collection) fails too: its principal can activate the role at any time (named 'is eligible for'); eligible assignments not collected or refused make a would-be PASS UNKNOWN (its principal could activate the role at any time, as AZA-IAM-003, AZA-IAM-004 and AZA-IAM-018 read it), except when every refusal is AadPremiumLicenseRequired (no Microsoft Entra ID P2: no eligible assignment; the PASS says so); a template-only scan is judged on the assignments it deploys. PASS on the tenant when none. An assignment at another management group is not judged; without a tenant id in the input, one at any management group may be the root's: UNKNOWN. An assignment without properties.scope (a string) is at the scope its id names (Resource Manager makes the id /{scope}/providers/Microsoft.Authorization/roleAssignments/{name}, and likewise for eligible ones: what precedes /providers/<its type>/ is the scope, '/' when nothing does; the FAIL says the scope was read from the id), as every identity rule reading assignment scopes takes it; a User Access Administrator assignment whose id names no scope either: UNKNOWN. Role assignments not collected: UNKNOWN (a collector must list assignments with access at '/').",
		.check = uaa_root,
	},
	{
		.id = "AZA-IAM-017", .title = "Each subscription has two or three owners",
		.area = AZA_AREA_IAM, .level = 1, .severity = AZA_SEV_MEDIUM, ACC, .scope = AZA_SCOPE_SUBSCRIPTION,
		.needs = RA, .subject = "@" RA, .cis = "6.0.0:5.7 5.0.0:5.27",
		.rationale = "One owner is a single point of failure; many owners multiply the accounts that can take over the subscription.",
		.portal = "Subscription > Access control (IAM) > Role assignments > filter Role = Owner; add or remove assignments to reach two or three.",
		.cli = "az role assignment list --role Owner --scope /subscriptions/<id> --query \"[?scope=='/subscriptions/<id>']\"",
		.arm = "Microsoft.Authorization/roleAssignments with the Owner role at the subscription scope",
		.defaults = "Counts distinct principals (users, groups or service principals) with Owner assigned at exactly the subscription scope (an assignment without properties.scope: the scope its id names, as for AZA-IAM-016); inherited management-group assignments are not counted. Bounds come from owners.min/owners.max in the configuration (default 2 and 3). A template-only scan sees only the owners the templates add: more than the maximum fails, any other count is UNKNOWN (the subscription's existing owners decide).",
		.check = owner_count,
	},
	{
		.id = "AZA-IAM-018", .title = "Disabled users hold no Azure role assignment",
		.area = AZA_AREA_IAM, .level = 1, .severity = AZA_SEV_MEDIUM, ACC, TENANT,
		.needs = RA " " REI, .subject = RA " " REI, .cis = "6.0.0:5.3.5 5.0.0:5.3.5",
		.rationale = "A disabled account that keeps its roles is re-armed the moment someone re-enables it, and clutters access reviews.",
		.portal = "Entra admin center > Users > filter Account enabled = No; for each, Azure role assignments: remove them.",
		.cli = "az role assignment delete --assignee <user object id>",
		.arm = "Remove the Microsoft.Authorization/roleAssignments of disabled users",
		.defaults = "Reads users.accountEnabled (collect users with $select including accountEnabled); users without it give UNKNOWN, and so does a users list read but empty (every tenant has at least one user, the one who created it: an empty list was cut by a filter or a permission). Any role at any scope counts, and so does an eligible Azure role assignment (Privileged Identity Management for Azure resources, Microsoft.Authorization/roleEligibilityScheduleInstances read at each subscription: re-enabled, the user can activate the role at any time, so it is re-armed as an active one is; named 'eligible for <role>'); an eligible instance whose endDateTime is before the snapshot's collected_at does not count. Eligible assignments not collected or refused: with a disabled user, a would-be PASS is UNKNOWN, except when every refusal is AadPremiumLicenseRequired (no Microsoft Entra ID P2: no eligible assignment; the PASS says so), and a FAIL stands. A group holding an Azure role assignment (principalType Group, active or eligible) passes it to each of its users in groupMembers (transitiveMembers: nested groups' users too): a disabled one (accountEnabled false in users, else in its member entry) is a FAIL named 'via group <name or id>' (a group holding an Azure role: '<name> (<id>)' with the displayName of its groupMembers entry, else its id); a member whose accountEnabled neither says gives UNKNOWN. With a disabled user in the tenant, a group whose users are unknown (groupMembers not collected, no entry for it, or an error scoped to its id) gives UNKNOWN naming it; with none, no group changes the PASS." PIM_GROUPS_DEFAULTS " CIS lists this as manual; azaudit automates it.",
		.check = disabled_users_roles,
	},
	{
		.id = "AZA-IAM-019", .title = "Users cannot register applications",
		.area = AZA_AREA_IAM, .level = 1, .severity = AZA_SEV_MEDIUM, IDN, TENANT, .cis = "5.0.0:5.14",
		.rationale = "Applications registered by any user can be granted consent and secrets outside IT control, a common persistence path.",
		.portal = "Entra admin center > Users > User settings > Users can register applications: No.",
		.cli = "az rest --method patch --url https://graph.microsoft.com/v1.0/policies/authorizationPolicy --body '{\"defaultUserRolePermissions\": {\"allowedToCreateApps\": false}}'",
		.arm = "Not an ARM property: Graph authorizationPolicy defaultUserRolePermissions.allowedToCreateApps = false",
		.defaults = "The tenant default is true (FAIL). Missing, or a list wrapper with no policy object: UNKNOWN.",
		.check = admin_only_apps,
	},
	{
		.id = "AZA-IAM-020", .title = "Users cannot consent to applications on their own",
		.area = AZA_AREA_IAM, .level = 1, .severity = AZA_SEV_HIGH, IDN, TENANT, .cis = "5.0.0:5.12",
		.rationale = "Illicit consent grants (consent phishing) give an attacker's application lasting access to mail and files without a password.",
		.portal = "Entra admin center > Enterprise applications > Consent and permissions > User consent settings: Do not allow user consent (use the admin consent workflow).",
		.cli = "az rest --method patch --url https://graph.microsoft.com/v1.0/policies/authorizationPolicy --body '{\"defaultUserRolePermissions\": {\"permissionGrantPoliciesAssigned\": []}}'",
		.arm = "Not an ARM property: Graph authorizationPolicy defaultUserRolePermissions.permissionGrantPoliciesAssigned without ManagePermissionGrantsForSelf.* entries",
		.defaults = "Any ManagePermissionGrantsForSelf.* policy (microsoft-user-default-legacy: all apps; microsoft-user-default-low: verified publishers, low-risk permissions) fails; ManagePermissionGrantsForOwnedResource.* (group owner consent) is not judged here. permissionGrantPoliciesAssigned not a list, an entry that is not a string (it may name any policy), or a list wrapper with no policy object: UNKNOWN.",
		.check = user_consent,
	},
	{
		.id = "AZA-IAM-021", .title = "Guest access to directory objects is restricted",
		.area = AZA_AREA_IAM, .level = 1, .severity = AZA_SEV_MEDIUM, IDN, TENANT,
		.checklist = "iam.no_guests", .cis = "5.0.0:5.15",
		.rationale = "By default guests can enumerate users and groups, handing a partner's compromised account a map of your organisation.",
		.portal = "Entra admin center > External Identities > External collaboration settings > Guest user access: Guest user access is restricted to properties and memberships of their own directory objects.",
		.cli = "az rest --method patch --url https://graph.microsoft.com/v1.0/policies/authorizationPolicy --body '{\"guestUserRoleId\": \"2af84b1e-32c8-42b7-82bc-daa82404023b\"}'",
		.arm = "Not an ARM property: Graph authorizationPolicy guestUserRoleId = 2af84b1e-32c8-42b7-82bc-daa82404023b",
		.defaults = "2af84b1e-32c8-42b7-82bc-daa82404023b (restricted) passes; 10dae51f-b6af-4016-8d66-8c2a99b929b3 (the default, limited) and a0b1b346-4d3e-4e8b-98f8-753987be4970 (same as members) fail. Missing, another value, or a list wrapper with no policy object: UNKNOWN.",
		.check = guest_access,
	},
	{
		.id = "AZA-IAM-022", .title = "Only MFA-registered identities can reach privileged virtual machines",
		.area = AZA_AREA_IAM, .level = 2, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_ACCOUNTS, .models = AZA_IAAS, TENANT,
		.checklist = "iam.mfa_privileged", .cis = "6.0.0:3.1.1",
		.rationale = "Administrators of sensitive VMs can read their data and pivot; each must be protected by MFA.",
		.manual = "For each VM holding sensitive data: Virtual machine > Access control (IAM) > Role assignments; list users with Owner, Contributor, Virtual Machine Administrator Login or Virtual Machine Contributor (including inherited assignments and group members). Check each in Entra admin center > Protection > Authentication methods > User registration details shows 'Multifactor authentication capable', and that a Conditional Access policy requires MFA for them.",
	},
	{
		.id = "AZA-IAM-023", .title = "Administrative accounts are not used for daily work",
		.area = AZA_AREA_IAM, .level = 1, .severity = AZA_SEV_MEDIUM, ACC, TENANT,
		.cis = "6.0.0:5.3.1 5.0.0:5.3.1",
		.rationale = "Reading mail and browsing with an admin account exposes its privileges to phishing and drive-by attacks.",
		.manual = "List holders of privileged Entra roles (Entra admin center > Roles & admins) and subscription Owner/Contributor. Check each is a separate, cloud-only admin account without a mailbox or Microsoft 365 licence, and in sign-in logs that it signs in only to admin portals and tools.",
	},
	{
		.id = "AZA-IAM-024", .title = "Guest users are reviewed regularly",
		.area = AZA_AREA_IAM, .level = 1, .severity = AZA_SEV_MEDIUM, ACC, TENANT,
		.checklist = "iam.no_guests", .cis = "6.0.0:5.3.2 5.0.0:5.3.2",
		.rationale = "Guests accumulate as projects end; only a regular review removes those no longer needed.",
		.manual = "Entra admin center > Users > filter User type = Guest: check each guest is still needed (sponsor, project). Check Identity Governance > Access reviews has a recurring review of guest users (or of groups and apps with guests). AZA-IAM-004 and AZA-IAM-005 list guests, their roles and stale ones.",
	},
	{
		.id = "AZA-IAM-025", .title = "Privileged role assignments are reviewed periodically",
		.area = AZA_AREA_IAM, .level = 1, .severity = AZA_SEV_MEDIUM, ACC, TENANT,
		.cis = "6.0.0:5.3.4 5.0.0:5.3.4",
		.rationale = "Privileges granted for a task stay long after it ends unless someone reviews them.",
		.manual = "For each subscription: Access control (IAM) > Role assignments > filter privileged roles (Owner, Contributor, User Access Administrator, RBAC Administrator); check each assignment is still justified. In Entra admin center > Roles & admins, do the same for privileged directory roles, and check a recurring access review (Identity Governance > Access reviews or PIM) covers them.",
	},
	{
		.id = "AZA-IAM-026", .title = "Tenant Creator role assignments are reviewed",
		.area = AZA_AREA_IAM, .level = 1, .severity = AZA_SEV_LOW, IDN, TENANT,
		.cis = "6.0.0:5.3.6 5.0.0:5.3.6",
		.rationale = "Tenant Creators can create new tenants outside the organisation's governance.",
		.manual = "Entra admin center > Roles & admins > Tenant Creator > Assignments: check every holder is justified; also check User settings > 'Restrict non-admin users from creating tenants' is Yes.",
	},
	{
		.id = "AZA-IAM-027", .title = "Non-privileged role assignments are reviewed periodically",
		.area = AZA_AREA_IAM, .level = 1, .severity = AZA_SEV_LOW, ACC, TENANT,
		.cis = "6.0.0:5.3.7 5.0.0:5.3.7",
		.rationale = "Reader and data roles also expose data; unreviewed they grow into broad standing access.",
		.manual = "For each subscription: Access control (IAM) > Role assignments: review non-privileged assignments (Reader, data and service-specific roles) for principals that left or no longer need them; check a recurring access review covers them.",
	},
	{
		.id = "AZA-IAM-028", .title = "A custom role is used for resource lock administration",
		.area = AZA_AREA_IAM, .level = 2, .severity = AZA_SEV_LOW, ACC, TENANT,
		.cis = "6.0.0:5.5 5.0.0:5.24",
		.rationale = "Giving lock management its own narrow role keeps people who only need to manage locks from holding Owner.",
		.manual = "Subscription > Access control (IAM) > Roles > Type: CustomRole: check a role exists whose actions are Microsoft.Authorization/locks/* (and read actions), and that lock administrators hold it instead of Owner or User Access Administrator.",
	},
	{
		.id = "AZA-IAM-029", .title = "Moving subscriptions into or out of the tenant is restricted",
		.area = AZA_AREA_IAM, .level = 2, .severity = AZA_SEV_MEDIUM, ACC, TENANT,
		.cis = "6.0.0:5.6 5.0.0:5.25",
		.rationale = "A subscription moved out of the tenant leaves your security controls, and one moved in brings unknown resources.",
		.manual = "Azure portal > Subscriptions > Manage policies: check 'Subscription leaving Microsoft Entra tenant' and 'Subscription entering Microsoft Entra tenant' are set to 'Permit no one' and the exempted users list holds only justified accounts.",
	},
	{
		.id = "AZA-IAM-030", .title = "Legacy authentication is blocked",
		.area = AZA_AREA_IAM, .level = 1, .severity = AZA_SEV_HIGH, IDN, TENANT,
		.rationale = "Legacy authentication clients (Exchange ActiveSync, POP, IMAP, SMTP AUTH, older Office clients) cannot do MFA: a password sprayed or phished signs in through them whatever MFA policy the tenant has. Security defaults block them; a tenant that turns security defaults off for Conditional Access must block them with a policy.",
		.portal = "Enable security defaults, or Microsoft Entra admin center > Entra ID > Conditional Access > Policies > New policy: Users Include All users, Exclude the emergency access accounts; Target resources All resources; Conditions > Client apps Configure Yes, only Exchange ActiveSync clients and Other clients; Grant Block access; Enable policy On (Report-only first, to find the sign-ins it would stop).",
		.cli = "az rest --method post --url https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies --body '{\"displayName\": \"Block legacy authentication\", \"state\": \"enabled\", \"conditions\": {\"users\": {\"includeUsers\": [\"All\"], \"excludeUsers\": [\"<emergency access account id>\"]}, \"applications\": {\"includeApplications\": [\"All\"]}, \"clientAppTypes\": [\"exchangeActiveSync\", \"other\"]}, \"grantControls\": {\"operator\": \"OR\", \"builtInControls\": [\"block\"]}}'",
		.arm = "Not an ARM property: a Graph conditionalAccessPolicy with includeUsers ['All'], includeApplications ['All'], clientAppTypes ['exchangeActiveSync', 'other'], builtInControls ['block'], state 'enabled'",
		.defaults = "PASS on security defaults enabled (identitySecurityDefaultsEnforcementPolicy isEnabled true: they block legacy authentication), or on enabled Conditional Access policies (state enabled; enabledForReportingButNotEnforced, report-only, only logs) that block, for All users and All resources (includeUsers and includeApplications All), the client app types exchangeActiveSync and other: one policy taking in both, or several that together do. clientAppTypes all takes in both, as does an absent or empty clientAppTypes (a policy without the client apps condition applies to every client app); easSupported (Exchange ActiveSync on supported platforms only) does not take in every ActiveSync client. The grant blocks when builtInControls holds block and nothing else can satisfy the policy: block alone, or operator AND; with OR, another built-in control, terms of use, a custom factor or an authentication strength beside block lets a user in instead. A policy limited by risk levels, platforms, locations other than All, device filters, excluded applications, an application filter, excluded guest or external users or authentication flows does not count (as for AZA-IAM-002); excluded users, groups and roles are allowed and named in the PASS, to be checked as emergency access accounts. FAIL: security defaults off (isEnabled false) and no such policy among the collected ones; the message names the closest policies left out (report-only, disabled, not for All users or All resources, narrowed, blocking one legacy client type only). Security defaults or Conditional Access policies not readable (Policy.Read.All), isEnabled not a boolean, policies that are not a list, or, among the policies, one whose grantControls or builtInControls is of the wrong type, or one with block whose state, conditions, clientAppTypes, includeUsers or includeApplications is (a disabled or report-only one aside), and no policy proof: UNKNOWN, not a FAIL.",
		.check = legacy_auth,
	},
};
const size_t aza_rules_iam_n = sizeof aza_rules_iam / sizeof aza_rules_iam[0];
