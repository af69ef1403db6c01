/*
 * dir_gen.c - writes a synthetic snapshot whose weight is in the directory
 * and in role assignments: the identity rules (AZA-IAM-*) join users,
 * registration records, directory role assignments and Azure role
 * assignments by principal id, and a join that walks one list per element
 * of another grows with their product. bench/gen.c's tenant has no
 * directory, so it cannot show that.
 *
 * usage: dir_gen USERS > snapshot.json
 *
 * USERS users (one in ten a guest, one in twenty disabled), a registration
 * record each (one in fifty not registered for MFA), ten Azure role
 * assignments per user at the subscription (97% Reader, the rest Owner or
 * Contributor, principals drawn at random), the three role definitions
 * they name, and a Global Administrator assignment per thousand users.
 * Shapes follow the Microsoft Graph examples (users, userRegistrationDetails,
 * roleManagement/directory/roleAssignments) and Resource Manager's role
 * assignments and definitions. Deterministic for a given USERS.
 */
#include <stdio.h>
#include <stdlib.h>

#define SUB "00000000-0000-4000-8000-0000000000b1"

static unsigned long long seed = 88172645463325252ULL;

static unsigned long long rnd(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return seed;
}

/* The i-th user's object id: a GUID made from i. */
static void uid(char out[37], unsigned long i)
{
	snprintf(out, 37, "%08lx-0000-4000-8000-%012lx", i, i * 2654435761UL % 0xffffffffffffUL);
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 0;
	if (n <= 0) {
		fprintf(stderr, "usage: dir_gen USERS > snapshot.json\n");
		return 2;
	}
	static const char *const roles[3] = {"acdd72a7-3385-48ef-bd42-f606fba81ae7", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
	                                     "b24988ac-6180-42a0-ab88-20f7382dd24c"};
	static const char *const names[3] = {"Reader", "Owner", "Contributor"};
	char id[37];
	printf("{\"snapshot_version\":\"1.0\",\"meta\":{\"tenant_id\":\"bench-directory\",\"method\":\"synthetic\","
	       "\"subscriptions\":[{\"id\":\"%s\",\"name\":\"sub-0\"}],\"datasets\":[\"Microsoft.Authorization/roleAssignments\","
	       "\"Microsoft.Authorization/roleDefinitions\"]},\n\"resources\":[\n", SUB);
	for (long i = 0; i < 10 * n; i++) {
		unsigned long r = (unsigned long)(rnd() % 100);
		int role = r < 97 ? 0 : r < 98 ? 1 : 2;
		uid(id, (unsigned long)(rnd() % (unsigned long long)n));
		printf("{\"id\":\"/subscriptions/%s/providers/Microsoft.Authorization/roleAssignments/ra-%ld\",\"type\":"
		       "\"Microsoft.Authorization/roleAssignments\",\"name\":\"ra-%ld\",\"properties\":{\"roleDefinitionId\":"
		       "\"/subscriptions/%s/providers/Microsoft.Authorization/roleDefinitions/%s\",\"principalId\":\"%s\","
		       "\"principalType\":\"User\",\"scope\":\"/subscriptions/%s\"}},\n",
		       SUB, i, i, SUB, roles[role], id, SUB);
	}
	for (int k = 0; k < 3; k++)
		printf("{\"id\":\"/subscriptions/%s/providers/Microsoft.Authorization/roleDefinitions/%s\",\"type\":"
		       "\"Microsoft.Authorization/roleDefinitions\",\"name\":\"%s\",\"properties\":{\"roleName\":\"%s\","
		       "\"type\":\"BuiltInRole\",\"assignableScopes\":[\"/\"],\"permissions\":[{\"actions\":[\"%s\"],"
		       "\"notActions\":[]}]}}%s\n",
		       SUB, roles[k], roles[k], names[k], k ? "*" : "*/read", k < 2 ? "," : "");
	printf("],\n\"directory\":{\"users\":{\"value\":[\n");
	for (long i = 0; i < n; i++) {
		uid(id, (unsigned long)i);
		printf("{\"id\":\"%s\",\"displayName\":\"User %ld\",\"userPrincipalName\":\"user%ld%s\",\"userType\":\"%s\","
		       "\"accountEnabled\":%s,\"createdDateTime\":\"2024-01-01T00:00:00Z\",\"signInActivity\":"
		       "{\"lastSignInDateTime\":\"2026-10-%02ldT00:00:00Z\"}}%s\n",
		       id, i, i, i % 10 ? "@contoso.com" : "_fabrikam.com#EXT#@contoso.com", i % 10 ? "Member" : "Guest",
		       i % 20 == 1 ? "false" : "true", 1 + i % 28, i + 1 < n ? "," : "");
	}
	printf("]},\n\"userRegistrationDetails\":{\"value\":[\n");
	for (long i = 0; i < n; i++) {
		uid(id, (unsigned long)i);
		int mfa = i % 50 != 7;
		printf("{\"id\":\"%s\",\"userPrincipalName\":\"user%ld@contoso.com\",\"userDisplayName\":\"User %ld\","
		       "\"userType\":\"%s\",\"isAdmin\":false,\"isMfaRegistered\":%s,\"isMfaCapable\":%s,"
		       "\"methodsRegistered\":[%s]}%s\n",
		       id, i, i, i % 10 ? "member" : "guest", mfa ? "true" : "false", mfa ? "true" : "false",
		       mfa ? "\"microsoftAuthenticatorPush\"" : "", i + 1 < n ? "," : "");
	}
	printf("]},\n\"directoryRoleAssignments\":{\"value\":[\n");
	long nga = n / 1000 + 1;
	for (long i = 0; i < nga; i++) {
		uid(id, (unsigned long)(i * 997 % n));
		printf("{\"id\":\"ga-%ld\",\"principalId\":\"%s\",\"directoryScopeId\":\"/\","
		       "\"roleDefinitionId\":\"62e90394-69f5-4237-9190-012177145e10\"}%s\n",
		       i, id, i + 1 < nga ? "," : "");
	}
	printf("]}}}\n");
	return 0;
}
