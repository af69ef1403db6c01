/*
 * graph.c - Microsoft Graph walks: the directory data sets the identity
 * rules read, each kept under its key in the snapshot's "directory".
 */
#include "collect.h"

#include <string.h>

/* The guests with their last sign-ins (AZA-IAM-005). */
#define GUEST_SIGNINS "guestSignInActivity"
/* The eligible directory role assignments of Privileged Identity
 * Management (AZA-IAM-003, AZA-IAM-004): an eligible Global Administrator
 * is one activation away from holding the role. */
#define ELIGIBLE "directoryRoleEligibilityScheduleInstances"
/* The users of each group holding an Azure or directory role (AZA-IAM-003,
 * AZA-IAM-004, AZA-IAM-018): [{"groupId", "members": [users]}]. */
#define MEMBERS AZA_GROUP_MEMBERS
/* transitiveMembers: the users of nested groups too. The cast to
 * microsoft.graph.user is an advanced query ($count=true with the
 * ConsistencyLevel header the walk sends); a page holds up to 999. */
#define MEMBERS_PATH "/v1.0/groups/%s/transitiveMembers/microsoft.graph.user"
#define MEMBERS_QUERY "?$count=true&$select=id,displayName,userPrincipalName,userType,accountEnabled&$top=999"
/* Read first, for the entry's displayName: an Azure role assignment names
 * its group by principalId alone, and neither the users' read nor the
 * eligibility's (empty for most groups, refused without P2) returns the
 * group itself. GroupMember.Read.All, which the users' read needs, reads
 * it too. */
#define GROUP_NAME_PATH "/v1.0/groups/%s?$select=id,displayName"
/* Privileged Identity Management for Groups: the principals eligible for
 * membership or ownership of each group holding a role, who can activate
 * it (and so the role) at any time: [{"groupId", "eligible": [instances]}].
 * The list requires a $filter on groupId (or principalId); the instances,
 * not the schedules, are the eligibilities in force. With their principal,
 * so that the rules can tell a user from a group, whose users are read in
 * turn (members only: the rules go no deeper). */
#define ELIGIBILITY AZA_GROUP_ELIGIBILITY
#define ELIGIBILITY_PATH "/v1.0/identityGovernance/privilegedAccess/group/eligibilityScheduleInstances"
#define ELIGIBILITY_QUERY "?$filter=groupId%%20eq%%20'%s'&$expand=principal"

/* An object id that can go into a path and a $filter literal as it is. */
static int group_id_ok(const char *id)
{
	return id && *id && !id[strcspn(id, "/?#%' &")];
}

static void eligible_item(aza_collector *c, const aza_json *it);

/* Read one set of group id: its users (kind AZA_WALK_GRAPH_MEMBERS) or its
 * eligible principals (AZA_WALK_GRAPH_ELIGIBLE), once per group. */
static void group_read(aza_collector *c, const char *id, int kind)
{
	int users = kind == AZA_WALK_GRAPH_MEMBERS;
	const char *type = users ? MEMBERS : ELIGIBILITY;
	const char *key = aza_coll__printf(c, "%s %s", type, id);
	int first = key ? aza_coll__group_new(c, key) : -1;
	if (!first)
		return;
	const char *scope = aza_coll__printf(c, "/groups/%s", id);
	const char *path = users ? aza_coll__printf(c, MEMBERS_PATH, id) : ELIGIBILITY_PATH;
	if (first < 0) {
		const char *msg = aza_coll__printf(c, "not read: more than %d reads of groups holding a role (limit)", AZA_MAX_GROUP_READS);
		if (scope && path && msg)
			aza_coll__error(c, scope, type, path, 0, msg);
		return;
	}
	const char *q = users ? MEMBERS_QUERY : aza_coll__printf(c, ELIGIBILITY_QUERY, id);
	const char *url = path && q ? aza_coll__printf(c, "%s%s%s", aza_coll__graph(c), path, q) : NULL;
	const char *nurl = users ? aza_coll__printf(c, "%s" GROUP_NAME_PATH, aza_coll__graph(c), id) : NULL;
	int rc = !scope || !url || (users && !nurl) ? AZA_ENOMEM
	         : users                            ? aza_coll__walk_members(c, nurl, url, scope, type)
	                                            : aza_coll__walk(c, kind, url, scope, type, eligible_item);
	if (rc)
		aza_coll__error(c, scope ? scope : "/", type, path ? path : "", 0, "out of memory");
}

/* A group eligible for membership or ownership of a group holding a role:
 * its users can activate it, so they are read too. */
static void eligible_item(aza_collector *c, const aza_json *it)
{
	const aza_json *pr = aza_json_get(it, "principal");
	const char *ot = aza_json_str(aza_json_get(pr, "@odata.type"));
	const char *id = aza_json_str(aza_json_get(it, "principalId"));
	if (!id)
		id = aza_json_str(aza_json_get(pr, "id"));
	if (ot && aza__strieq(ot, "#microsoft.graph.group") && group_id_ok(id))
		group_read(c, id, AZA_WALK_GRAPH_MEMBERS);
}

/* A group holding a role: its users and its eligible principals are read. */
static void group_holds_role(aza_collector *c, const char *id)
{
	if (!group_id_ok(id))
		return;
	group_read(c, id, AZA_WALK_GRAPH_MEMBERS);
	group_read(c, id, AZA_WALK_GRAPH_ELIGIBLE);
}

/* A directory role assignment, active or eligible, read with
 * $expand=principal: a group principal's users and eligible principals are
 * read. */
static void dir_role_item(aza_collector *c, const aza_json *it)
{
	const aza_json *pr = aza_json_get(it, "principal");
	const char *ot = aza_json_str(aza_json_get(pr, "@odata.type"));
	if (!ot || !aza__strieq(ot, "#microsoft.graph.group"))
		return;
	const char *id = aza_json_str(aza_json_get(pr, "id"));
	group_holds_role(c, id ? id : aza_json_str(aza_json_get(it, "principalId")));
}

void aza_graph__role_item(aza_collector *c, const aza_json *item)
{
	const char *pt = aza_json_str(aza_json_path(item, "properties.principalType"));
	if (aza_coll__graph_on(c) && pt && aza__strieq(pt, "Group"))
		group_holds_role(c, aza_json_str(aza_json_path(item, "properties.principalId")));
}

static const struct gcall {
	const char *key, *path;
	int one;
} calls[] = {
	{"users", "/v1.0/users?$select=id,displayName,userPrincipalName,userType,accountEnabled,createdDateTime,"
	          "externalUserState,mail&$top=999", 0},
	/* Not in the users call: Graph returns signInActivity only with
	 * AuditLog.Read.All in a Microsoft Entra ID P1/P2 tenant and otherwise
	 * refuses the whole request (403), which would cost every user of a
	 * free tenant. Apart, only this key fails, with Graph's own reason.
	 * userType eq is a default $filter (no ConsistencyLevel or $count);
	 * with signInActivity selected a page holds at most 120 users. */
	{GUEST_SIGNINS, "/v1.0/users?$filter=userType%20eq%20'Guest'&$select=id,displayName,userPrincipalName,userType,"
	                "createdDateTime,signInActivity&$top=120", 0},
	{"userRegistrationDetails", "/v1.0/reports/authenticationMethods/userRegistrationDetails", 0},
	{"authorizationPolicy", "/v1.0/policies/authorizationPolicy", 1},
	{"conditionalAccessPolicies", "/v1.0/identity/conditionalAccess/policies", 0},
	{"identitySecurityDefaultsEnforcementPolicy", "/v1.0/policies/identitySecurityDefaultsEnforcementPolicy", 1},
	/* With its principal, so that the rules can tell a user from a group or
	 * an application holding a directory role (AZA-IAM-003). */
	{"directoryRoleAssignments", "/v1.0/roleManagement/directory/roleAssignments?$expand=principal", 0},
	{"directoryRoleDefinitions", "/v1.0/roleManagement/directory/roleDefinitions", 0},
	/* Apart from the role assignments: Graph answers it only in a tenant
	 * with Microsoft Entra ID P2 (or ID Governance), and refuses it
	 * otherwise (400 AadPremiumLicenseRequired), which must not cost the
	 * active assignments. The instances, not the schedules: they are the
	 * eligibilities in force now, without the requests' statuses (Denied,
	 * Revoked, PendingApproval...) a schedule carries. */
	{ELIGIBLE, "/v1.0/roleManagement/directory/roleEligibilityScheduleInstances?$expand=principal", 0},
	{"groupSettings", "/v1.0/groupSettings", 0},
};

void aza_graph__start(aza_collector *c)
{
	for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++) {
		const char *url = aza_coll__printf(c, "%s%s", aza_coll__graph(c), calls[i].path);
		int roles = !strcmp(calls[i].key, "directoryRoleAssignments") || !strcmp(calls[i].key, ELIGIBLE);
		if (!url || aza_coll__walk(c, calls[i].one ? AZA_WALK_GRAPH_ONE : AZA_WALK_GRAPH, url, "/", calls[i].key,
		                           roles ? dir_role_item : NULL))
			aza_coll__error(c, "/", calls[i].key, calls[i].path, 0, "out of memory");
	}
	/* Listed whenever the groups were looked for; each group whose call
	 * failed has its own error record (scope: /groups/{id}). */
	aza_coll__dataset(c, MEMBERS);
	aza_coll__dataset(c, ELIGIBILITY);
}

/* What would have let a refused Graph call through, for the data sets whose
 * need the generic table (aza_coll__permission) cannot tell: the guests'
 * sign-ins fail with 403 for a missing license as for a missing permission,
 * and only Graph's error code says which; the eligible role assignments
 * and group memberships (Privileged Identity Management) fail with 400
 * AadPremiumLicenseRequired in a tenant without P2 or ID Governance, where
 * there is nothing to read. NULL: ask the generic table
 * (aza_coll__permission, which calls this first). */
const char *aza_graph__permission(const char *type, int status, const char *message)
{
	int elig = type && aza__strieq(type, ELIGIBLE), gelig = type && aza__strieq(type, ELIGIBILITY);
	if ((elig || gelig) && message && aza__istrstr(message, "AadPremiumLicenseRequired"))
		return elig ? "none: the tenant has no Microsoft Entra ID P2 or Microsoft Entra ID Governance license, so "
		              "Privileged Identity Management keeps no eligible role assignment (the rules count none)"
		            : "none: the tenant has no Microsoft Entra ID P2 or Microsoft Entra ID Governance license, so "
		              "Privileged Identity Management for Groups keeps no eligible membership or ownership (the rules "
		              "count none)";
	int members = type && aza__strieq(type, MEMBERS), signins = type && aza__strieq(type, GUEST_SIGNINS);
	if (!elig && !gelig && !members && !signins)
		return NULL;
	if (status == 400)
		return "none: Graph rejected the query itself (HTTP 400); no permission would change that";
	if (members && status == 404)
		return "none: the group no longer exists (Request_ResourceNotFound); remove the role assignments that name it";
	if (status != 403)
		return NULL;
	if (gelig)
		return "Microsoft Graph PrivilegedEligibilitySchedule.Read.AzureADGroup (a signed-in user also needs a "
		       "directory role that may read them, such as Global Reader or Privileged Role Administrator for a "
		       "role-assignable group)";
	if (members)
		return "Microsoft Graph GroupMember.Read.All (or Directory.Read.All); a group whose membership is hidden "
		       "also needs Member.Read.Hidden";
	if (elig)
		return "Microsoft Graph RoleManagement.Read.Directory (or RoleEligibilitySchedule.Read.Directory)";
	if (message && aza__istrstr(message, "Authentication_RequestFromNonPremiumTenantOrB2CTenant"))
		return "a Microsoft Entra ID P1 or P2 license in the tenant (Graph returns signInActivity only in a premium "
		       "tenant), then Microsoft Graph AuditLog.Read.All";
	if (message && aza__istrstr(message, "Authentication_MSGraphPermissionMissing"))
		return "Microsoft Graph AuditLog.Read.All (signInActivity also needs Microsoft Entra ID P1 or P2 in the tenant)";
	if (message && aza__istrstr(message, "Authentication_RequestFromUnsupportedUserRole"))
		return "for a signed-in user, a directory role allowed to read sign-in reports (e.g. Reports Reader), "
		       "with Microsoft Graph AuditLog.Read.All";
	return "Microsoft Graph AuditLog.Read.All and User.Read.All, in a tenant with Microsoft Entra ID P1 or P2";
}

/* The permission a Graph data set needs. */
const char *aza_graph__need(const char *type)
{
	static const struct {
		const char *key, *perm;
	} g[] = {
		{"users", "Microsoft Graph User.Read.All"},
		{"userRegistrationDetails", "Microsoft Graph AuditLog.Read.All (and Entra ID P1/P2)"},
		{"authorizationPolicy", "Microsoft Graph Policy.Read.All"},
		{"conditionalAccessPolicies", "Microsoft Graph Policy.Read.All"},
		{"identitySecurityDefaultsEnforcementPolicy", "Microsoft Graph Policy.Read.All"},
		{"directoryRoleAssignments", "Microsoft Graph RoleManagement.Read.Directory"},
		{"directoryRoleDefinitions", "Microsoft Graph RoleManagement.Read.Directory"},
		{"groupSettings", "Microsoft Graph Directory.Read.All"},
		{MEMBERS, "Microsoft Graph GroupMember.Read.All (or Directory.Read.All)"},
		{ELIGIBILITY, "Microsoft Graph PrivilegedEligibilitySchedule.Read.AzureADGroup"},
	};
	for (size_t i = 0; i < sizeof g / sizeof g[0]; i++)
		if (type && aza__strieq(type, g[i].key))
			return g[i].perm;
	return "Microsoft Graph Directory.Read.All";
}
