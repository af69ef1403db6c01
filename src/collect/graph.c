/*
 * graph.c - Microsoft Graph walks: the directory data sets the identity
 * rules read, each kept under its key in the snapshot's "directory".
 */
#include "collect.h"

static const struct gcall {
	const char *key, *path;
	int one;
} calls[] = {
	{"users", "/v1.0/users?$select=id,displayName,userPrincipalName,userType,accountEnabled,createdDateTime,"
	          "externalUserState,mail&$top=999", 0},
	{"userRegistrationDetails", "/v1.0/reports/authenticationMethods/userRegistrationDetails", 0},
	{"authorizationPolicy", "/v1.0/policies/authorizationPolicy", 1},
	{"conditionalAccessPolicies", "/v1.0/identity/conditionalAccess/policies", 0},
	{"identitySecurityDefaultsEnforcementPolicy", "/v1.0/policies/identitySecurityDefaultsEnforcementPolicy", 1},
	/* With its principal, so that the rules can tell a user from a group or
	 * an application holding a directory role (AZA-IAM-003). */
	{"directoryRoleAssignments", "/v1.0/roleManagement/directory/roleAssignments?$expand=principal", 0},
	{"directoryRoleDefinitions", "/v1.0/roleManagement/directory/roleDefinitions", 0},
	{"groupSettings", "/v1.0/groupSettings", 0},
};

void aza_graph__start(aza_collector *c)
{
	for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++) {
		const char *url = aza_coll__printf(c, "%s%s", aza_coll__graph(c), calls[i].path);
		if (!url || aza_coll__walk(c, calls[i].one ? AZA_WALK_GRAPH_ONE : AZA_WALK_GRAPH, url, "/", calls[i].key,
		                           NULL))
			aza_coll__error(c, "/", calls[i].key, calls[i].path, 0, "out of memory");
	}
}
