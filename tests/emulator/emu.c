/*
 * emu.c - a loopback HTTP/1.1 emulator of the Azure token endpoints,
 * Resource Manager, Resource Graph and Microsoft Graph, serving a
 * multi-subscription tenant built from the example bodies in
 * shared/azure-api-examples, with injectable faults. For tests only.
 *
 *   emu --examples DIR --port-file F [--subs N] [--page-size N] [--mg-page-size N] [--latency MS]
 *       [--fault KIND[:COUNT][@MATCH]]... [--token-ttl S] [--extra N] [--log F]
 *   emu --examples DIR --dump OUTDIR [--datasets-from SNAPSHOT]
 *
 * Faults (COUNT: times to fire, default 1, 0 = always; MATCH: substring of
 * "path?query body"): 429 500 503 403 404 slow truncate invalid reset expire
 * loop tokenfail, and Graph's two refusals of a call selecting
 * signInActivity: nopremium (403 Authentication_RequestFromNonPremiumTenantOrB2CTenant,
 * a tenant without Microsoft Entra ID P1/P2) and noauditlog (403
 * Authentication_MSGraphPermissionMissing, no AuditLog.Read.All); nop2,
 * Graph's refusal of the Privileged Identity Management calls in a tenant
 * without Microsoft Entra ID P2 (400 AadPremiumLicenseRequired), for Graph and
 * Resource Manager (roleEligibilityScheduleInstances) alike; partiallogging,
 * a storage data-plane service properties document whose Logging lacks Read;
 * novalue, a 200 list response without its "value" list.
 * Control: GET /_emu/stats, POST /_emu/fault?spec=...
 *
 * Graph: GET /v1.0/users with signInActivity in $select answers from
 * users-list-signInActivity.json (its two users stand for the tenant's
 * guests: $filter is not applied), every other users call from the users
 * examples. A next link keeps the request's query options. The eligible
 * directory role assignments (roleEligibilityScheduleInstances), of which
 * the shared examples hold none, answer the Graph reference's example body;
 * so do the eligible Azure role assignments of each subscription, from the
 * REST spec's example (see rbac_eligible_body). Two groups hold directory
 * roles (group_roles_body); GET /v1.0/groups/{id}/transitiveMembers/
 * microsoft.graph.user lists their users, and is refused (400
 * Request_UnsupportedQuery) without ConsistencyLevel eventual and
 * $count=true, as Graph refuses an OData cast without them; GET
 * /v1.0/groups/{id} answers each group's id and displayName ($select is
 * not applied), 404 Request_ResourceNotFound for any other group. Their
 * eligible members and owners (Privileged Identity Management for Groups)
 * answer GET /v1.0/identityGovernance/privilegedAccess/group/
 * eligibilityScheduleInstances?$filter=groupId eq '{id}' (group_eligible),
 * refused (400) without that $filter.
 *
 * App Service: each site's config/metadata (CURRENT_STACK) answers POST
 * .../config/metadata/list only (the API defines no GET of it); so does each
 * deployment slot's (build_slots: staging fails the App Service rules,
 * secure passes them).
 *
 * SQL: each server lists its express vulnerability assessment
 * (sqlVulnerabilityAssessments), its Entra-only authentication
 * (azureADOnlyAuthentications) and its IPv6 firewall rules
 * (ipv6FirewallRules), bodies written here (build_sql_settings). Each
 * subscription has a SQL managed instance, testinstance, with its
 * administrator, Entra-only authentication, TDE protector, advanced threat
 * protection and security alert policy (build_mi).
 *
 * Storage: POST <account>/listKeys returns --storage-key (default: the
 * storage emulator's published development key); the data plane is served
 * under /_dp/<service>/<account>/ (service properties and container
 * listings, Entra tokens for Storage only), with Storage Analytics logging
 * on everywhere except the queue service of the account named sto1125.
 * --azurite-account NAME adds a StorageV2 account NAME to the first
 * subscription, with no Resource Manager containers (tests point its data
 * plane at a real storage emulator).
 *
 * Key Vault: the data plane of each vault is served under /_kv/<vault>/
 * (Entra tokens for Key Vault only; api-version 7.5 only): GET keys/{name}/
 * rotationpolicy and certificates (paged, one per page, by nextLink) and
 * certificates/{name}/policy, in the shapes of the 7.5 examples
 * (GetKeyRotationPolicy, GetCertificates, GetCertificatePolicy). In
 * sample-vault, sample-key-name-1 rotates (Rotate after 90 days) and
 * sample-key-name-2 has the policy Key Vault returns for a key without one
 * (Notify 30 days before expiry); its certificates are valid 12 and 24
 * months. The first subscription adds kvpass, whose one key rotates and
 * whose one certificate is valid 12 months. The 403 fault on a /_kv/ path
 * answers as a vault firewall does (ForbiddenByFirewall).
 *
 * Management groups: the tenant root group (named after the tenant id) with
 * children emu-mg-a (with its own child emu-mg-a1) and emu-mg-b; subscription
 * i (from 0) sits under root, emu-mg-a, emu-mg-b, emu-mg-a1 for i % 4 = 0..3.
 * GET .../managementGroups/{g}/descendants lists every level below g, paged
 * by --mg-page-size (default --page-size). The root holds a policy
 * assignment and emu-mg-a a role assignment; .../{g}/providers/
 * Microsoft.Authorization/{policy,role}Assignments lists those at g and its
 * ancestors (as $filter=atScope() does). Subscription lists do not repeat
 * them, so collections without management groups are unchanged.
 * --hidden-subs N leaves the last N subscriptions out of GET /subscriptions
 * (an identity that can list a group but not read all its subscriptions).
 */
#include "lib/internal.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <openssl/x509.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define TENANT "72f988bf-0000-0000-0000-000000000001"
#define CLIENT "emu-client"

/* ---- store ---- */
typedef struct obj {
	char *id, *text;
	int sub, arg;
} obj;
typedef struct entry {
	char *key;
	int one;          /* object index, or -1 */
	int *items;
	size_t n, cap;
	int page;         /* this list's page size, or 0 for --page-size */
	struct entry *next;
} entry;
#define NB 65536
static entry *tab[NB];
static obj *objs;
static size_t nobjs, capobjs;
static char **subs;
static int nsubs = 3;
static const char *root = "../shared/azure-api-examples";
static int page_size = 1000, latency_ms, port, token_ttl = 3600, extra, mg_page_size, hidden_subs;
static FILE *logfp;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long n_requests, n_tokens, n_arm, n_graph, n_arg, n_faults;
static const char *azurite_account,
	*storage_key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
static const char *cli_token, *secret = "emu-secret-value", *fedtoken, *idheader = "emu-identity-header", *certpath;

static void die(const char *m)
{
	fprintf(stderr, "emu: %s\n", m);
	exit(2);
}

static char *lower(const char *s, size_t n)
{
	char *r = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		r[i] = (char)tolower((unsigned char)s[i]);
	r[n] = 0;
	return r;
}

static entry *get(const char *key, size_t n, int create)
{
	char *k = lower(key, n);
	uint64_t h = aza__ihash(k, n) % NB;
	for (entry *e = tab[h]; e; e = e->next)
		if (!strcmp(e->key, k)) {
			free(k);
			return e;
		}
	if (!create) {
		free(k);
		return NULL;
	}
	entry *e = calloc(1, sizeof *e);
	e->key = k;
	e->one = -1;
	e->next = tab[h];
	tab[h] = e;
	return e;
}

static void push(entry *e, int i)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 8;
		e->items = realloc(e->items, e->cap * sizeof *e->items);
	}
	e->items[e->n++] = i;
}

/* Register text (an object with id) as an object and as an item of coll
 * (default: its id without the last segment). */
static void add(char *text, const char *id, const char *coll, int sub, int arg)
{
	if (get(id, strlen(id), 0) && get(id, strlen(id), 0)->one >= 0) {
		free(text);
		return;
	}
	if (nobjs == capobjs) {
		capobjs = capobjs ? capobjs * 2 : 256;
		objs = realloc(objs, capobjs * sizeof *objs);
	}
	obj *o = &objs[nobjs];
	o->id = strdup(id);
	o->text = text;
	o->sub = sub;
	o->arg = arg;
	get(id, strlen(id), 1)->one = (int)nobjs;
	if (coll)
		push(get(coll, strlen(coll), 1), (int)nobjs);
	else {
		const char *sl = strrchr(id, '/');
		push(get(id, (size_t)(sl - id), 1), (int)nobjs);
	}
	nobjs++;
}

/* ---- example bodies ---- */
static aza_arena ar;

static const aza_json *load(const char *rel, const char *path)
{
	char fn[1024];
	snprintf(fn, sizeof fn, "%s/%s", root, rel);
	FILE *fp = fopen(fn, "rb");
	if (!fp) {
		fprintf(stderr, "emu: cannot open %s\n", fn);
		exit(2);
	}
	aza_buf b;
	aza_buf__init(&b, 1 << 26);
	char tmp[65536];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, fp)) > 0)
		aza_buf__add(&b, tmp, n);
	fclose(fp);
	aza_json *j;
	aza_jerr e;
	char *copy = aza_arena__strndup(&ar, b.p, b.len);
	if (aza_json__parse_all(&ar, copy, b.len, &j, &e))
		die("bad example JSON");
	aza_buf__release(&b);
	const aza_json *r = path ? aza_json_path(j, path) : j;
	if (!r) {
		fprintf(stderr, "emu: %s has no %s\n", rel, path);
		exit(2);
	}
	return r;
}

/* A body given in this file, parsed as load() parses a file. */
static const aza_json *parse_text(const char *text)
{
	aza_json *j = NULL;
	aza_jerr e;
	char *copy = aza_arena__strdup(&ar, text);
	if (!copy || aza_json__parse_all(&ar, copy, strlen(text), &j, &e))
		die("bad built-in JSON");
	return j;
}

/* Write object o, its members named in over (an object, or NULL) replaced
 * by over's. */
static void write_over(aza_buf *b, const aza_json *o, const aza_json *over)
{
	aza_buf__addc(b, '{');
	int first = 1;
	aza_json_each(m, o) {
		if (!first)
			aza_buf__addc(b, ',');
		first = 0;
		aza_buf__json_str(b, m->key);
		aza_buf__addc(b, ':');
		const aza_json *v = aza_json_get(over, m->key);
		aza_json__write(b, v ? v : m);
	}
	aza_buf__addc(b, '}');
}

/* Serialize o with its id replaced (and, when given, its type, and the
 * members of its properties that props_over holds), then point every
 * subscription id in it at sub. */
static char *render_as(const aza_json *o, const char *newid, const char *newtype, const aza_json *props_over, const char *sub)
{
	aza_buf b;
	aza_buf__init(&b, 1 << 26);
	aza_buf__addc(&b, '{');
	int first = 1;
	aza_json_each(m, o) {
		if (!first)
			aza_buf__addc(&b, ',');
		first = 0;
		aza_buf__json_str(&b, m->key);
		aza_buf__addc(&b, ':');
		if (newid && aza__strieq(m->key, "id"))
			aza_buf__json_str(&b, newid);
		else if (newtype && aza__strieq(m->key, "type"))
			aza_buf__json_str(&b, newtype);
		else if (props_over && aza__strieq(m->key, "properties"))
			write_over(&b, m, props_over);
		else
			aza_json__write(&b, m);
	}
	aza_buf__addc(&b, '}');
	aza_buf__addc(&b, 0);
	aza_buf out;
	aza_buf__init(&out, 1 << 26);
	const char *p = b.p;
	while (*p) {
		if (sub && aza__strnieq(p, "/subscriptions/", 15)) {
			aza_buf__add(&out, p, 15);
			aza_buf__adds(&out, sub);
			p += 15;
			p += strcspn(p, "/\"");
			continue;
		}
		aza_buf__addc(&out, *p++);
	}
	aza_buf__addc(&out, 0);
	aza_buf__release(&b);
	return out.p;
}

static char *render(const aza_json *o, const char *newid, const char *sub)
{
	return render_as(o, newid, NULL, NULL, sub);
}

/* Original id with its subscription replaced. */
static char *subid(const char *id, const char *sub)
{
	aza_buf b;
	aza_buf__init(&b, 1 << 16);
	if (*id != '/')
		aza_buf__addc(&b, '/');
	const char *p = strstr(id, "ubscriptions/");
	if (!p)
		return strdup(id);
	p += 13;
	aza_buf__printf(&b, "%.*s%s%s", (int)(p - id), id, sub, p + strcspn(p, "/"));
	aza_buf__addc(&b, 0);
	return b.p;
}

/* parent + the last k segments of id. */
static char *reparent(const char *parent, const char *id, int k)
{
	const char *p = id + strlen(id);
	for (int i = 0; i < k && p > id; i++) {
		p--;
		while (p > id && *p != '/')
			p--;
	}
	size_t n = strlen(parent) + strlen(p) + 2;
	char *r = malloc(n);
	snprintf(r, n, "%s%s%s", parent, *p == '/' ? "" : "/", p);
	return r;
}

static const char *S(const char *rel)
{
	return rel;
}

/* Add the items of a list (or one object) at parent (k trailing id
 * segments kept; k = 0: ids only moved to sub). */
static int add_items(const aza_json *v, int isarr, const char *parent, int k, const char *coll, int si, int arg,
                     char **first_id)
{
	int n = 0;
	const aza_json *it = isarr ? aza_json__first(v) : v;
	for (; it; it = isarr ? it->next : NULL) {
		const char *id = aza_json_str(aza_json_get(it, "id"));
		if (!id)
			continue;
		char *nid = k ? reparent(parent, id, k) : subid(id, subs[si]);
		char *text = render(it, nid, subs[si]);
		if (first_id && !*first_id)
			*first_id = strdup(nid);
		add(text, nid, coll, si, arg);
		free(nid);
		n++;
	}
	return n;
}

/* The same from an example file's member path. */
static int add_from(const char *rel, const char *path, int isarr, const char *parent, int k, const char *coll,
                    int si, int arg, char **first_id)
{
	return add_items(load(rel, path), isarr, parent, k, coll, si, arg, first_id);
}

/* The response of GET /subscriptions/{id}/providers/Microsoft.Authorization/
 * policyExemptions?$filter=atScope() in the Azure REST API specs,
 * Microsoft.Authorization preview 2022-07-01-preview,
 * examples/listPolicyExemptionsForSubscription.json: its body as
 * published, on fewer lines, systemData left out (its subscription is moved
 * to each emulated one). Two exemptions at the subscription from
 * assignments of management group DevOrg, which the emulated tenant does
 * not have: a Waiver for one member of an initiative and a Mitigated one.
 * The shared examples have no exemption body. */
static const char policy_exemptions_body[] =
	"{\"value\": [{\"properties\": {\"policyAssignmentId\": \"/providers/Microsoft.Management/managementGroups/DevOrg/"
	"providers/Microsoft.Authorization/policyAssignments/CostManagement\", \"policyDefinitionReferenceIds\": [\"Limit_Skus\"],"
	" \"exemptionCategory\": \"Waiver\", \"displayName\": \"Exempt demo cluster\","
	" \"description\": \"Exempt demo cluster from limit sku\","
	" \"metadata\": {\"reason\": \"Temporary exemption for a expensive VM demo\"}},"
	" \"id\": \"/subscriptions/ae640e6b-ba3e-4256-9d62-2993eecfa6f2/providers/Microsoft.Authorization/policyExemptions/TestVMSub\","
	" \"type\": \"Microsoft.Authorization/policyExemptions\", \"name\": \"TestVMSub\"},"
	" {\"properties\": {\"policyAssignmentId\": \"/providers/Microsoft.Management/managementGroups/DevOrg/"
	"providers/Microsoft.Authorization/policyAssignments/LimitPorts\", \"exemptionCategory\": \"Mitigated\","
	" \"displayName\": \"Exempt jump box open ports\", \"description\": \"Exempt jump box open ports from limit ports policy\","
	" \"metadata\": {\"reason\": \"Need to open RDP port to corp net\"}},"
	" \"id\": \"/subscriptions/ae640e6b-ba3e-4256-9d62-2993eecfa6f2/providers/Microsoft.Authorization/policyExemptions/TestVNetSub\","
	" \"type\": \"Microsoft.Authorization/policyExemptions\", \"name\": \"TestVNetSub\"}]}";

/* The same at a management group (examples/listPolicyExemptionsForManagementGroup.json,
 * same version): its first exemption, ResearchBudgetExemption, a Waiver at
 * group DevOrg from an assignment of group HardwareDivision (moved to an
 * emulated group, listed there and below it). */
static const char mg_policy_exemption[] =
	"{\"properties\": {\"policyAssignmentId\": \"/providers/Microsoft.Management/managementGroups/HardwareDivision/"
	"providers/Microsoft.Authorization/policyAssignments/CostManagement\", \"policyDefinitionReferenceIds\": [\"Limit_Skus\"],"
	" \"exemptionCategory\": \"Waiver\", \"displayName\": \"Exempt demo cluster\","
	" \"description\": \"Exempt demo cluster from limit sku\","
	" \"metadata\": {\"reason\": \"Temporary exemption for a expensive VM demo\"}},"
	" \"id\": \"/providers/Microsoft.Management/managementGroups/DevOrg/providers/Microsoft.Authorization/policyExemptions/"
	"ResearchBudgetExemption\", \"type\": \"Microsoft.Authorization/policyExemptions\", \"name\": \"ResearchBudgetExemption\"}";

/* The response of GET {scope}/providers/Microsoft.Authorization/
 * roleEligibilityScheduleInstances (Privileged Identity Management for
 * Azure resources) in the Azure REST API specs, Microsoft.Authorization
 * stable 2020-10-01, examples/GetRoleEligibilityScheduleInstancesByScope.json:
 * its body as published, on fewer lines (its subscription is moved to each
 * emulated one; type and id spelled as there). A user eligible for
 * Contributor (b24988ac-...) at the subscription. One change: endDateTime
 * is null (a permanent eligibility, which the API allows) instead of the
 * example's 2021 date, so that the eligibility is current at collection
 * time and the rules count it. The shared examples have no eligibility
 * body. */
static const char rbac_eligible_body[] =
	"{\"value\": [{\"properties\": {\"scope\": \"/subscriptions/dfa2a084-766f-4003-8ae1-c4aeb893a99f\","
	" \"roleDefinitionId\": \"/subscriptions/dfa2a084-766f-4003-8ae1-c4aeb893a99f/providers/Microsoft.Authorization/"
	"roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c\","
	" \"principalId\": \"a3bb8764-cb92-4276-9d2a-ca1e895e55ea\", \"principalType\": \"User\", \"status\": \"Provisioned\","
	" \"roleEligibilityScheduleId\": \"/subscriptions/dfa2a084-766f-4003-8ae1-c4aeb893a99f/providers/Microsoft.Authorization/"
	"RoleEligibilitySchedules/b1477448-2cc6-4ceb-93b4-54a202a89413\","
	" \"startDateTime\": \"2020-09-10T00:32:36.86Z\", \"endDateTime\": null, \"memberType\": \"Direct\","
	" \"createdOn\": \"2020-09-10T00:32:36.86Z\","
	" \"condition\": \"@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:ContainerName] StringEqualsIgnoreCase"
	" 'foo_storage_container'\", \"conditionVersion\": \"1.0\","
	" \"expandedProperties\": {\"scope\": {\"id\": \"/subscriptions/dfa2a084-766f-4003-8ae1-c4aeb893a99f\","
	" \"displayName\": \"Pay-As-You-Go\", \"type\": \"subscription\"},"
	" \"roleDefinition\": {\"id\": \"/subscriptions/dfa2a084-766f-4003-8ae1-c4aeb893a99f/providers/Microsoft.Authorization/"
	"roleDefinitions/c8d4ff99-41c3-41a8-9f60-21dfdad59608\", \"displayName\": \"Contributor\", \"type\": \"BuiltInRole\"},"
	" \"principal\": {\"id\": \"a3bb8764-cb92-4276-9d2a-ca1e895e55ea\", \"displayName\": \"User Account\","
	" \"email\": \"user@my-tenant.com\", \"type\": \"User\"}}},"
	" \"name\": \"21e4b59a-0499-4fe0-a3c3-43a3055b773a\","
	" \"id\": \"/subscriptions/dfa2a084-766f-4003-8ae1-c4aeb893a99f/providers/Microsoft.Authorization/"
	"RoleEligibilityScheduleInstances/21e4b59a-0499-4fe0-a3c3-43a3055b773a\","
	" \"type\": \"Microsoft.Authorization/RoleEligibilityScheduleInstances\"}]}";

#define SQLX "sql/resource-manager/Microsoft.Sql/stable/2023-08-01/examples/"
#define STGX "storage/resource-manager/Microsoft.Storage/stable/2023-05-01/examples/"
#define NETX "network/resource-manager/Microsoft.Network/stable/2024-05-01/examples/"
#define KVX "keyvault/resource-manager/Microsoft.KeyVault/stable/"
#define WEBX "web/resource-manager/Microsoft.Web/"
#define SECX "security/resource-manager/Microsoft.Security/"
#define MONX "monitor/resource-manager/Microsoft.Insights/"
#define B "responses.200.body"
#define V "responses.200.body.value"

/* A Front Door Premium profile with endpoints endpoint1 and endpoint2 and
 * custom domains domain1 (www.contoso.com) and domain2 (shop.contoso.com),
 * and a WAF policy (Resource Graph rows), in the shapes of the REST specs'
 * examples (Microsoft.Cdn 2024-09-01 Profiles_Get, AFDEndpoints_Get,
 * AFDCustomDomains_Get, SecurityPolicies_ListByProfile, Routes_ListByEndpoint;
 * Microsoft.Network 2024-02-01 WafPolicyGet, fewer members), which the
 * shared examples lack. Security policies (GET {profile}/securityPolicies):
 * securityPolicy1 associates endpoint1 and domain1 with the policy,
 * securityPolicy2 names route2 (associations[].routes, of newer
 * api-versions). Routes (GET {endpoint}/routes, endpoint1's in two pages):
 * route1 serves domain1 and endpoint1's default domain, route2 domain2,
 * route3 endpoint2's default domain, which no security policy covers. */
static void build_frontdoor(int si)
{
	char prof[300], waf[300], id[400], text[2000];
	snprintf(prof, sizeof prof, "/subscriptions/%s/resourceGroups/RG/providers/Microsoft.Cdn/profiles/profile1", subs[si]);
	snprintf(waf, sizeof waf, "/subscriptions/%s/resourceGroups/RG/providers/Microsoft.Network/frontdoorwebapplicationfirewallpolicies/wafTest",
	         subs[si]);
	snprintf(text, sizeof text, "{\"name\":\"profile1\",\"id\":\"%s\",\"type\":\"Microsoft.Cdn/profiles\",\"tags\":{},"
	         "\"location\":\"global\",\"sku\":{\"name\":\"Premium_AzureFrontDoor\"},\"kind\":\"frontdoor\",\"properties\":{"
	         "\"originResponseTimeoutSeconds\":30,\"frontDoorId\":\"3b4682da-b3e2-47a1-96ca-08ab3cb7294e\","
	         "\"provisioningState\":\"Succeeded\",\"resourceState\":\"Active\"}}", prof);
	add(strdup(text), prof, NULL, si, 1);
	static const char *const eps[] = {"endpoint1", "endpoint2"};
	for (size_t i = 0; i < sizeof eps / sizeof eps[0]; i++) {
		snprintf(id, sizeof id, "%s/afdEndpoints/%s", prof, eps[i]);
		snprintf(text, sizeof text, "{\"name\":\"%s\",\"id\":\"%s\",\"type\":\"Microsoft.Cdn/profiles/afdendpoints\",\"tags\":{},"
		         "\"location\":\"global\",\"properties\":{\"hostName\":\"%s-abcdefghijklmnop.z01.azurefd.net\","
		         "\"enabledState\":\"Enabled\",\"provisioningState\":\"Succeeded\",\"deploymentStatus\":\"NotStarted\","
		         "\"autoGeneratedDomainNameLabelScope\":\"TenantReuse\"}}", eps[i], id, eps[i]);
		add(strdup(text), id, NULL, si, 1);
	}
	snprintf(text, sizeof text, "{\"name\":\"wafTest\",\"id\":\"%s\",\"type\":\"Microsoft.Network/frontdoorwebapplicationfirewallpolicies\","
	         "\"tags\":{},\"location\":\"Global\",\"sku\":{\"name\":\"Premium_AzureFrontDoor\"},\"properties\":{"
	         "\"resourceState\":\"Enabled\",\"provisioningState\":\"Succeeded\",\"policySettings\":{\"enabledState\":\"Enabled\","
	         "\"mode\":\"Prevention\",\"requestBodyCheck\":\"Enabled\"},\"customRules\":{\"rules\":[]},\"managedRules\":{"
	         "\"managedRuleSets\":[{\"ruleSetType\":\"Microsoft_DefaultRuleSet\",\"ruleSetVersion\":\"2.1\",\"ruleSetAction\":\"Block\","
	         "\"exclusions\":[],\"ruleGroupOverrides\":[]}]},\"frontendEndpointLinks\":[],\"securityPolicyLinks\":[]}}", waf);
	add(strdup(text), waf, NULL, si, 1);
	static const char *const doms[][2] = {{"domain1", "www.contoso.com"}, {"domain2", "shop.contoso.com"}};
	for (size_t i = 0; i < sizeof doms / sizeof doms[0]; i++) {
		snprintf(id, sizeof id, "%s/customdomains/%s", prof, doms[i][0]);
		snprintf(text, sizeof text, "{\"id\":\"%s\",\"name\":\"%s\",\"type\":\"Microsoft.Cdn/profiles/customdomains\",\"properties\":{"
		         "\"profileName\":\"profile1\",\"hostName\":\"%s\",\"tlsSettings\":{\"certificateType\":\"ManagedCertificate\","
		         "\"minimumTlsVersion\":\"TLS12\",\"secret\":{\"id\":\"\"}},\"azureDnsZone\":{\"id\":\"\"},"
		         "\"domainValidationState\":\"Approved\",\"provisioningState\":\"Succeeded\",\"deploymentStatus\":\"NotStarted\"}}",
		         id, doms[i][0], doms[i][1]);
		add(strdup(text), id, NULL, si, 0);
	}
	snprintf(id, sizeof id, "%s/securitypolicies/securityPolicy1", prof);
	snprintf(text, sizeof text, "{\"name\":\"securityPolicy1\",\"id\":\"%s\",\"type\":\"Microsoft.Cdn/profiles/securitypolicies\","
	         "\"properties\":{\"parameters\":{\"type\":\"WebApplicationFirewall\",\"wafPolicy\":{\"id\":\"%s\"},"
	         "\"associations\":[{\"domains\":[{\"id\":\"%s/afdEndpoints/endpoint1\"},{\"id\":\"%s/customdomains/domain1\"}],"
	         "\"patternsToMatch\":[\"/*\"]}]},\"deploymentStatus\":\"NotStarted\",\"provisioningState\":\"Succeeded\"}}",
	         id, waf, prof, prof);
	add(strdup(text), id, NULL, si, 0);
	snprintf(id, sizeof id, "%s/securitypolicies/securityPolicy2", prof);
	snprintf(text, sizeof text, "{\"name\":\"securityPolicy2\",\"id\":\"%s\",\"type\":\"Microsoft.Cdn/profiles/securitypolicies\","
	         "\"properties\":{\"parameters\":{\"type\":\"WebApplicationFirewall\",\"wafPolicy\":{\"id\":\"%s\"},"
	         "\"associations\":[{\"domains\":[],\"patternsToMatch\":[\"/*\"],"
	         "\"routes\":[{\"id\":\"%s/afdEndpoints/endpoint1/routes/route2\"}]}]},"
	         "\"deploymentStatus\":\"NotStarted\",\"provisioningState\":\"Succeeded\"}}", id, waf, prof);
	add(strdup(text), id, NULL, si, 0);
	/* Routes_ListByEndpoint's item, its ids spelled as there (resourcegroups,
	 * afdendpoints; customDomains' as given). */
	static const char *const routes[][4] = {{"endpoint1", "route1", "domain1", "Enabled"},
	                                        {"endpoint1", "route2", "domain2", "Disabled"},
	                                        {"endpoint2", "route3", NULL, "Enabled"}};
	char lprof[300], doms_json[400];
	snprintf(lprof, sizeof lprof, "/subscriptions/%s/resourcegroups/RG/providers/Microsoft.Cdn/profiles/profile1", subs[si]);
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
		snprintf(id, sizeof id, "%s/afdendpoints/%s/routes/%s", lprof, routes[i][0], routes[i][1]);
		if (routes[i][2])
			snprintf(doms_json, sizeof doms_json, "{\"id\":\"%s/customDomains/%s\"}", prof, routes[i][2]);
		else
			doms_json[0] = 0;
		snprintf(text, sizeof text, "{\"name\":\"%s\",\"id\":\"%s\",\"type\":\"Microsoft.Cdn/profiles/afdendpoints/routes\","
		         "\"properties\":{\"customDomains\":[%s],\"originGroup\":{\"id\":\"%s/originGroups/originGroup1\"},"
		         "\"originPath\":null,\"ruleSets\":[],\"supportedProtocols\":[\"Https\",\"Http\"],\"patternsToMatch\":[\"/*\"],"
		         "\"cacheConfiguration\":{\"compressionSettings\":{\"contentTypesToCompress\":[\"text/html\","
		         "\"application/octet-stream\"],\"isCompressionEnabled\":true},\"queryStringCachingBehavior\":\"IgnoreQueryString\","
		         "\"queryParameters\":null},\"forwardingProtocol\":\"MatchRequest\",\"linkToDefaultDomain\":\"%s\","
		         "\"httpsRedirect\":\"Enabled\",\"enabledState\":\"Enabled\",\"provisioningState\":\"Succeeded\","
		         "\"deploymentStatus\":\"NotStarted\"}}", routes[i][1], id, doms_json, prof, routes[i][3]);
		add(strdup(text), id, NULL, si, 0);
	}
	/* endpoint1's routes one a page: the collector follows nextLink. */
	snprintf(id, sizeof id, "%s/afdendpoints/endpoint1/routes", lprof);
	get(id, strlen(id), 1)->page = 1;
}

/* Two deployment slots of the example site (Resource Graph rows of type
 * Microsoft.Web/sites/slots), which the shared examples lack: rows in the
 * shape of GetWebAppSlot (Microsoft.Web stable 2023-12-01, fewer members;
 * name "site/slot"), each with its own config/web (the shared GetSiteConfig
 * body, retyped Microsoft.Web/sites/slots/config as a slot's config objects
 * are), config/authsettingsV2 (the shared GetAuthSettingsV2WithoutSecrets
 * body without its configFilePath) and config/metadata (WebApps_ListMetadataSlot,
 * POST .../slots/{slot}/config/metadata/list only). staging is the
 * example's slot: HTTP served (httpsOnly false), FTP allowed (ftpsState
 * AllAllowed), PHP 5.6, no client certificate, no managed identity,
 * authentication off. secure passes every App Service rule: HTTPS only,
 * FTP disabled, HTTP/2, a required client certificate, a system-assigned
 * identity, authentication required, .NET Framework 4.x (CURRENT_STACK
 * dotnet). Both are Windows apps, as their site is (a slot runs on its
 * site's plan). */
static void build_slots(int si, const char *web)
{
	static const struct {
		const char *name, *https, *cert, *identity, *web_over, *platform, *stack;
	} slots[] = {
		{"staging", "false", "false", "", "{}", "{\"enabled\":false,\"runtimeVersion\":\"~1\"}", "php"},
		{"secure", "true", "true", ",\"identity\":{\"type\":\"SystemAssigned\",\"tenantId\":\"" TENANT "\","
		 "\"principalId\":\"11111111-2222-3333-4444-555555555555\"}",
		 "{\"phpVersion\":\"\",\"ftpsState\":\"Disabled\",\"http20Enabled\":true}",
		 "{\"enabled\":true,\"runtimeVersion\":\"~1\"}", "dotnet"},
	};
	const char *site = strrchr(web, '/') + 1;
	const aza_json *cfg = load(WEBX "AppService/stable/2025-03-01/examples/GetSiteConfig.json", B);
	const aza_json *auth = load(WEBX "AppService/stable/2025-03-01/examples/GetAuthSettingsV2WithoutSecrets.json", B);
	for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++) {
		char id[600], cid[700], text[3000];
		const char *n = slots[i].name;
		snprintf(id, sizeof id, "%s/slots/%s", web, n);
		snprintf(text, sizeof text, "{\"id\":\"%s\",\"name\":\"%s/%s\",\"type\":\"Microsoft.Web/sites/slots\",\"kind\":\"app\","
		         "\"location\":\"East US\"%s,\"properties\":{\"state\":\"Running\",\"hostNames\":[\"%s-%s.azurewebsites.net\"],"
		         "\"repositorySiteName\":\"%s\",\"usageState\":\"Normal\",\"enabled\":true,\"availabilityState\":\"Normal\","
		         "\"serverFarmId\":\"/subscriptions/%s/resourceGroups/testrg123/providers/Microsoft.Web/serverfarms/DefaultAsp\","
		         "\"reserved\":false,\"isXenon\":false,\"hyperV\":false,\"lastModifiedTimeUtc\":\"2020-03-04T17:33:11.641Z\","
		         "\"siteConfig\":{\"numberOfWorkers\":1,\"linuxFxVersion\":\"\",\"http20Enabled\":false,\"minTlsVersion\":null,"
		         "\"ftpsState\":null},\"scmSiteAlsoStopped\":false,\"clientAffinityEnabled\":true,\"clientCertEnabled\":%s,"
		         "\"clientCertMode\":\"Required\",\"hostNamesDisabled\":false,\"containerSize\":0,\"dailyMemoryTimeQuota\":0,"
		         "\"resourceGroup\":\"testrg123\",\"defaultHostName\":\"%s-%s.azurewebsites.net\",\"httpsOnly\":%s,"
		         "\"redundancyMode\":\"None\",\"storageAccountRequired\":false,\"keyVaultReferenceIdentity\":\"SystemAssigned\"}}",
		         id, site, n, slots[i].identity, site, n, site, subs[si], slots[i].cert, site, n, slots[i].https);
		add(strdup(text), id, NULL, si, 1);
		snprintf(cid, sizeof cid, "%s/config/web", id);
		add(render_as(cfg, cid, "Microsoft.Web/sites/slots/config", parse_text(slots[i].web_over), subs[si]), cid, NULL, si, 0);
		snprintf(cid, sizeof cid, "%s/config/authsettingsV2", id);
		snprintf(text, sizeof text, "{\"platform\":%s}", slots[i].platform);
		add(render_as(auth, cid, "Microsoft.Web/sites/slots/config", parse_text(text), subs[si]), cid, NULL, si, 0);
		snprintf(cid, sizeof cid, "%s/config/metadata", id);
		snprintf(text, sizeof text, "{\"id\":\"%s\",\"name\":\"metadata\",\"type\":\"Microsoft.Web/sites/slots/config\","
		         "\"properties\":{\"CURRENT_STACK\":\"%s\"}}", cid, slots[i].stack);
		add(strdup(text), cid, NULL, si, 0);
	}
}

/* The express configuration of the SQL vulnerability assessment and the
 * Entra-only authentication of a server, which the shared examples lack:
 * bodies in the shapes of SqlVulnerabilityAssessmentGet (GET
 * .../sqlVulnerabilityAssessments/default: name default, properties.state
 * Enabled or Disabled) and AzureADOnlyAuthList (its item, id and type
 * spelled as there: .../azureadonlyauthentications/default, name Default),
 * Microsoft.Sql stable 2023-08-01, each listed under the server. The first
 * two subscriptions have the express configuration Enabled, the third
 * Disabled; the second has Entra-only authentication false (its
 * administrator's copy, from AdministratorGet, says true: the child
 * decides). The IPv6 firewall rules, which the shared examples lack too,
 * are built from the spec's IPv6FirewallRuleList example (Microsoft.Sql
 * stable 2021-11-01; the list is unchanged in 2023-08-01): its first item,
 * firewallrulecrudtest-2304, type Microsoft.Sql/servers/ipv6FirewallRules,
 * startIPv6Address = endIPv6Address =
 * 0000:0000:0000:0000:0000:ffff:0000:0000, one address. */
static void build_sql_settings(int si, const char *sql)
{
	char id[600], text[900];
	snprintf(id, sizeof id, "%s/sqlVulnerabilityAssessments/default", sql);
	snprintf(text, sizeof text, "{\"id\":\"%s\",\"name\":\"default\",\"type\":\"Microsoft.Sql/servers/sqlVulnerabilityAssessments\","
	         "\"properties\":{\"state\":\"%s\"}}", id, si < 2 ? "Enabled" : "Disabled");
	add(strdup(text), id, NULL, si, 0);
	snprintf(id, sizeof id, "%s/azureadonlyauthentications/default", sql);
	snprintf(text, sizeof text, "{\"id\":\"%s\",\"name\":\"Default\",\"type\":\"Microsoft.Sql/servers/azureadonlyauthentications\","
	         "\"properties\":{\"azureADOnlyAuthentication\":%s}}", id, si == 1 ? "false" : "true");
	add(strdup(text), id, NULL, si, 0);
	snprintf(id, sizeof id, "%s/ipv6FirewallRules/firewallrulecrudtest-2304", sql);
	snprintf(text, sizeof text, "{\"id\":\"%s\",\"name\":\"firewallrulecrudtest-2304\",\"type\":\"Microsoft.Sql/servers/ipv6FirewallRules\","
	         "\"properties\":{\"startIPv6Address\":\"0000:0000:0000:0000:0000:ffff:0000:0000\","
	         "\"endIPv6Address\":\"0000:0000:0000:0000:0000:ffff:0000:0000\"}}", id);
	add(strdup(text), id, NULL, si, 0);
}

/* A SQL managed instance and its settings, which the shared examples lack:
 * bodies in the shapes of the specification's examples (Microsoft.Sql
 * stable 2023-08-01): the instance as ManagedInstanceGet (testrg/
 * testinstance) or, in the second subscription, as ManagedInstanceCreateMin
 * answers an instance created without minimalTlsVersion, with its public
 * data endpoint enabled; administrators/ActiveDirectory as
 * ManagedInstanceAdministratorGet; the Entra-only object as
 * ManagedInstanceAzureADOnlyAuthCreateOrUpdate (id spelled as there:
 * .../azureadonlyauthentications/default, name Default), false in the
 * second subscription; the TDE protector as
 * ManagedInstanceEncryptionProtectorCreateOrUpdateKeyVault in the first
 * subscription, ...ServiceManaged elsewhere; advanced threat protection
 * (ManagedInstanceAdvancedThreatProtectionSettings, name Default) Enabled,
 * Disabled in the second subscription; the security alert policy as
 * ManagedServerSecurityAlertGet (state Disabled). Each child is listed
 * under the instance. */
static void build_mi(int si)
{
	char mi[300], id[600], text[1600];
	snprintf(mi, sizeof mi, "/subscriptions/%s/resourceGroups/testrg/providers/Microsoft.Sql/managedInstances/testinstance", subs[si]);
	snprintf(text, sizeof text,
	         "{\"sku\":{\"name\":\"GP_Gen5\",\"tier\":\"GeneralPurpose\",\"capacity\":8,\"family\":\"Gen5\"},"
	         "\"properties\":{\"fullyQualifiedDomainName\":\"testinstance.1b4e2caff2530.database.windows.net\","
	         "\"administratorLogin\":\"dummylogin\",\"subnetId\":\"/subscriptions/%s/resourceGroups/testrg/providers/"
	         "Microsoft.Network/virtualNetworks/vnet1/subnets/subnet1\",\"state\":\"Ready\",\"provisioningState\":\"Succeeded\","
	         "\"vCores\":8,\"storageSizeInGB\":1024,\"licenseType\":\"LicenseIncluded\",\"collation\":\"SQL_Latin1_General_CP1_CI_AS\","
	         "\"publicDataEndpointEnabled\":%s,\"proxyOverride\":\"Default\",%s\"dnsZone\":\"1b4e2caff2530\","
	         "\"currentBackupStorageRedundancy\":\"Geo\",\"requestedBackupStorageRedundancy\":\"Geo\"},"
	         "\"location\":\"japaneast\",\"tags\":{\"key\":\"value\"},\"id\":\"%s\",\"name\":\"testinstance\","
	         "\"type\":\"Microsoft.Sql/managedInstances\"}",
	         subs[si], si == 1 ? "true" : "false", si == 1 ? "" : "\"minimalTlsVersion\":\"1.2\",", mi);
	add(strdup(text), mi, NULL, si, 1);
	snprintf(id, sizeof id, "%s/administrators/ActiveDirectory", mi);
	snprintf(text, sizeof text, "{\"id\":\"%s\",\"name\":\"ActiveDirectory\",\"properties\":{\"administratorType\":\"ActiveDirectory\","
	         "\"login\":\"bob@contoso.com\",\"sid\":\"44444444-3333-2222-1111-000000000000\","
	         "\"tenantId\":\"55555555-4444-3333-2222-111111111111\"},\"type\":\"Microsoft.Sql/managedInstances/administrators\"}", id);
	add(strdup(text), id, NULL, si, 0);
	snprintf(id, sizeof id, "%s/azureadonlyauthentications/default", mi);
	snprintf(text, sizeof text, "{\"id\":\"%s\",\"name\":\"Default\",\"type\":\"Microsoft.Sql/managedInstances/azureadonlyauthentications\","
	         "\"properties\":{\"azureADOnlyAuthentication\":%s}}", id, si == 1 ? "false" : "true");
	add(strdup(text), id, NULL, si, 0);
	snprintf(id, sizeof id, "%s/encryptionProtector/current", mi);
	snprintf(text, sizeof text, "{\"id\":\"%s\",\"name\":\"current\",\"type\":\"Microsoft.Sql/managedInstances/encryptionProtector\","
	         "\"kind\":\"%s\",\"properties\":{\"serverKeyName\":\"%s\",\"serverKeyType\":\"%s\"%s}}", id,
	         si == 0 ? "azurekeyvault" : "servicemanaged",
	         si == 0 ? "someVault_someKey_01234567890123456789012345678901" : "ServiceManaged",
	         si == 0 ? "AzureKeyVault" : "ServiceManaged", si == 0 ? ",\"autoRotationEnabled\":false" : "");
	add(strdup(text), id, NULL, si, 0);
	snprintf(id, sizeof id, "%s/advancedThreatProtectionSettings/Default", mi);
	snprintf(text, sizeof text, "{\"id\":\"%s\",\"name\":\"Default\",\"type\":\"Microsoft.Sql/managedInstances/advancedThreatProtectionSettings\","
	         "\"properties\":{\"state\":\"%s\",\"creationTime\":\"2022-04-03T04:41:33.937Z\"}}", id, si == 1 ? "Disabled" : "Enabled");
	add(strdup(text), id, NULL, si, 0);
	snprintf(id, sizeof id, "%s/securityAlertPolicies/Default", mi);
	snprintf(text, sizeof text, "{\"id\":\"%s\",\"name\":\"Default\",\"type\":\"Microsoft.Sql/managedInstances/securityAlertPolicies\","
	         "\"properties\":{\"state\":\"Disabled\",\"emailAccountAdmins\":true,\"emailAddresses\":[\"test@consoto.com;user@consoto.com\"],"
	         "\"disabledAlerts\":[\"Access_Anomaly\"],\"retentionDays\":0,\"storageAccountAccessKey\":\"\",\"storageEndpoint\":\"\","
	         "\"creationTime\":\"2020-04-03T04:41:33.937Z\"}}", id);
	add(strdup(text), id, NULL, si, 0);
}

static void build_sub(int si)
{
	const char *sub = subs[si];
	char subscope[128];
	snprintf(subscope, sizeof subscope, "/subscriptions/%s", sub);
	char coll[512];
	/* Top-level resources (Resource Graph rows). */
	char *sql = NULL, *pg = NULL, *my = NULL, *kv = NULL, *web = NULL, *nw = NULL, *stg = NULL;
	add_from(STGX "StorageAccountList.json", V, 1, NULL, 0, NULL, si, 1, &stg);
	add_from(SQLX "ServerGet.json", B, 0, NULL, 0, NULL, si, 1, &sql);
	add_from("postgresql/resource-manager/Microsoft.DBforPostgreSQL/stable/2024-08-01/examples/ServerGet.json", B, 0,
	         NULL, 0, NULL, si, 1, &pg);
	add_from("mysql/resource-manager/Microsoft.DBforMySQL/FlexibleServers/stable/2023-12-30/examples/ServerGet.json",
	         B, 0, NULL, 0, NULL, si, 1, &my);
	add_from(KVX "2023-07-01/examples/getVault.json", B, 0, NULL, 0, NULL, si, 1, &kv);
	add_from(WEBX "stable/2023-12-01/examples/GetWebApp.json", B, 0, NULL, 0, NULL, si, 1, &web);
	add_from(NETX "NetworkSecurityGroupListAll.json", V, 1, NULL, 0, NULL, si, 1, NULL);
	add_from(NETX "NetworkWatcherList.json", V, 1, NULL, 0, NULL, si, 1, &nw);
	add_from(NETX "PublicIpAddressGet.json", B, 0, NULL, 0, NULL, si, 1, NULL);
	add_from("compute/resource-manager/Microsoft.Compute/DiskRP/stable/2024-03-02/examples/diskExamples/"
	         "Disk_ListBySubscription.json", V, 1, NULL, 0, NULL, si, 1, NULL);
	add_from("compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2024-07-01/examples/virtualMachineExamples/"
	         "VirtualMachine_Get.json", B, 0, NULL, 0, NULL, si, 1, NULL);
	/* Bulk resources with no settings of their own (bench). */
	if (extra) {
		const aza_json *nsg = aza_json__first(load(NETX "NetworkSecurityGroupListAll.json", V));
		for (int i = 0; i < extra; i++) {
			char id[300];
			snprintf(id, sizeof id, "/subscriptions/%s/resourceGroups/rg-bulk/providers/Microsoft.Network/"
			         "networkSecurityGroups/bulk-nsg-%05d", sub, i);
			add(render(nsg, id, sub), id, NULL, si, 1);
		}
	}
	/* A database of the server, for its TDE setting. */
	const aza_json *tde = load(SQLX "TransparentDataEncryptionGet.json", B);
	/* (The example's id is the database's, without the setting's suffix.) */
	char *db = reparent(sql, aza_json_str(aza_json_get(tde, "id")), 2);
	char dbtext[1024];
	const char *dbname = strrchr(db, '/') + 1;
	snprintf(dbtext, sizeof dbtext, "{\"id\":\"%s\",\"name\":\"%s\",\"type\":\"Microsoft.Sql/servers/databases\","
	         "\"location\":\"eastus\",\"properties\":{\"status\":\"Online\"}}", db, dbname);
	add(strdup(dbtext), db, NULL, si, 1);
	/* Settings and children through Resource Manager. */
	if (si == 1) {
		/* The second subscription's server audits to Azure Monitor only:
		 * the example's policy Enabled with isAzureMonitorTargetEnabled
		 * and no storage, and the monitor example's diagnostic setting
		 * (allLogs) moved onto its master database, which carries the
		 * events (AZA-SQL-001). */
		char audid[600], masterid[600];
		snprintf(audid, sizeof audid, "%s/auditingSettings/default", sql);
		add(render_as(load(SQLX "ServerBlobAuditingGet.json", B), audid, NULL,
		              parse_text("{\"state\":\"Enabled\",\"isAzureMonitorTargetEnabled\":true}"), sub),
		    audid, NULL, si, 0);
		snprintf(masterid, sizeof masterid, "%s/databases/master", sql);
		add_from(MONX "preview/2021-05-01-preview/examples/getDiagnosticSetting.json", B, 0, masterid, 4, NULL, si, 0, NULL);
	} else {
		add_from(SQLX "ServerBlobAuditingGet.json", B, 0, sql, 2, NULL, si, 0, NULL);
	}
	add_from(SQLX "ServerSecurityAlertsGet.json", B, 0, sql, 2, NULL, si, 0, NULL);
	add_from(SQLX "ServerAdvancedThreatProtectionSettingsGet.json", B, 0, sql, 2, NULL, si, 0, NULL);
	add_from(SQLX "AdministratorGet.json", B, 0, sql, 2, NULL, si, 0, NULL);
	add_from(SQLX "FirewallRuleList.json", V, 1, sql, 2, NULL, si, 0, NULL);
	add_from(SQLX "ServerVulnerabilityAssessmentGet.json", B, 0, sql, 2, NULL, si, 0, NULL);
	build_sql_settings(si, sql);
	build_mi(si);
	char tdeid[600];
	snprintf(tdeid, sizeof tdeid, "%s/transparentDataEncryption/current", db);
	add(render(tde, tdeid, sub), tdeid, NULL, si, 0);
	add_from("postgresql/resource-manager/Microsoft.DBforPostgreSQL/stable/2024-08-01/examples/"
	         "FirewallRuleListByServer.json", V, 1, pg, 2, NULL, si, 0, NULL);
	add_from("postgresql/resource-manager/Microsoft.DBforPostgreSQL/stable/2024-08-01/examples/ConfigurationGet.json",
	         B, 0, pg, 2, NULL, si, 0, NULL);
	add_from("mysql/resource-manager/Microsoft.DBforMySQL/FlexibleServers/stable/2023-12-30/examples/"
	         "ConfigurationGet.json", B, 0, my, 2, NULL, si, 0, NULL);
	add_from(WEBX "AppService/stable/2025-03-01/examples/GetSiteConfig.json", B, 0, web, 2, NULL, si, 0, NULL);
	add_from(WEBX "AppService/stable/2025-03-01/examples/GetAuthSettingsV2WithoutSecrets.json", B, 0, web, 2, NULL,
	         si, 0, NULL);
	/* The site's metadata (WebApps_ListMetadata: a StringDictionary, read
	 * with POST .../config/metadata/list only). The example site is a
	 * Windows .NET Framework app (netFrameworkVersion v4.0). */
	char mdid[600], mdtext[900];
	snprintf(mdid, sizeof mdid, "%s/config/metadata", web);
	snprintf(mdtext, sizeof mdtext, "{\"id\":\"%s\",\"name\":\"metadata\",\"type\":\"Microsoft.Web/sites/config\","
	         "\"properties\":{\"CURRENT_STACK\":\"dotnet\"}}", mdid);
	add(strdup(mdtext), mdid, NULL, si, 0);
	build_slots(si, web);
	add_from(KVX "2023-07-01/examples/listKeys.json", V, 1, kv, 2, NULL, si, 0, NULL);
	add_from(KVX "2024-11-01/examples/listSecrets.json", V, 1, kv, 2, NULL, si, 0, NULL);
	add_from(MONX "preview/2021-05-01-preview/examples/getDiagnosticSetting.json", B, 0, kv, 4, NULL, si, 0, NULL);
	add_from(MONX "preview/2021-05-01-preview/examples/listDiagnosticSettings.json", V, 1, stg, 4, NULL, si, 0, NULL);
	add_from(NETX "NetworkWatcherFlowLogList.json", V, 1, nw, 2, NULL, si, 0, NULL);
	/* Every storage account: blob service and containers. */
	for (size_t i = 0; i < nobjs; i++) {
		if (objs[i].sub != si || !objs[i].arg || !aza__istrstr(objs[i].id, "/storageAccounts/"))
			continue;
		char *acc = strdup(objs[i].id);
		add_from(STGX "BlobServicesGet.json", B, 0, acc, 2, NULL, si, 0, NULL);
		add_from(STGX "BlobContainersList.json", V, 1, acc, 4, NULL, si, 0, NULL);
		free(acc);
	}
	if (azurite_account && si == 0) {
		char id[400], text[1200];
		snprintf(id, sizeof id, "/subscriptions/%s/resourceGroups/rg-azurite/providers/Microsoft.Storage/"
		         "storageAccounts/%s", sub, azurite_account);
		snprintf(text, sizeof text, "{\"id\":\"%s\",\"name\":\"%s\",\"type\":\"Microsoft.Storage/storageAccounts\","
		         "\"kind\":\"StorageV2\",\"location\":\"eastus\",\"sku\":{\"name\":\"Standard_LRS\"},"
		         "\"properties\":{\"allowBlobPublicAccess\":true,\"supportsHttpsTrafficOnly\":true,"
		         "\"minimumTlsVersion\":\"TLS1_2\",\"primaryEndpoints\":{\"blob\":\"https://%s.blob.core.windows.net/\"}}}",
		         id, azurite_account, azurite_account);
		add(strdup(text), id, NULL, si, 1);
	}
	/* Subscription-level lists. */
	static const struct {
		const char *rel, *path;
		int arr;
		const char *coll;
	} sl[] = {
		{MONX "preview/2021-05-01-preview/examples/getSubscriptionDiagnosticSetting.json", B, 0,
		 "/providers/Microsoft.Insights/diagnosticSettings"},
		{MONX "stable/2020-10-01/examples/ActivityLogAlertRule_ListBySubscriptionId.json", V, 1,
		 "/providers/Microsoft.Insights/activityLogAlerts"},
		{MONX "stable/2016-03-01/examples/getLogProfile.json", B, 0, "/providers/Microsoft.Insights/logprofiles"},
		{SECX "stable/2024-01-01/examples/Pricings/ListPricings_example.json", V, 1, "/providers/Microsoft.Security/pricings"},
		{SECX "preview/2023-12-01-preview/examples/SecurityContacts/GetSecurityContactsSubscription_example.json", V, 1,
		 "/providers/Microsoft.Security/securityContacts"},
		{SECX "preview/2017-08-01-preview/examples/AutoProvisioningSettings/"
		      "GetAutoProvisioningSettingsSubscription_example.json", V, 1,
		 "/providers/Microsoft.Security/autoProvisioningSettings"},
		{SECX "stable/2020-01-01/examples/secureScores/ListSecureScores_example.json", V, 1,
		 "/providers/Microsoft.Security/secureScores"},
		{SECX "stable/2021-06-01/examples/Assessments/ListAssessments_example.json", V, 1,
		 "/providers/Microsoft.Security/assessments"},
		{"authorization/resource-manager/Microsoft.Authorization/preview/2018-01-01-preview/examples/"
		 "GetRoleDefinitionAtScope.json", V, 1, "/providers/Microsoft.Authorization/roleDefinitions"},
		{"authorization/resource-manager/Microsoft.Authorization/stable/2022-04-01/examples/"
		 "RoleAssignments_ListForScope.json", V, 1, "/providers/Microsoft.Authorization/roleAssignments"},
		{"resources/resource-manager/Microsoft.Authorization/stable/2020-05-01/examples/"
		 "ManagementLocks_ListAtSubscriptionLevel.json", V, 1, "/providers/Microsoft.Authorization/locks"},
		{"resources/resource-manager/Microsoft.Authorization/stable/2023-04-01/examples/listPolicyAssignments.json", V,
		 1, "/providers/Microsoft.Authorization/policyAssignments"},
	};
	for (size_t i = 0; i < sizeof sl / sizeof sl[0]; i++) {
		snprintf(coll, sizeof coll, "%s%s", subscope, sl[i].coll);
		get(coll, strlen(coll), 1);
		add_from(S(sl[i].rel), sl[i].path, sl[i].arr, NULL, 0, coll, si, 0, NULL);
	}
	/* The eligible role assignments, from the body above (the example's one
	 * is at the subscription). */
	snprintf(coll, sizeof coll, "%s/providers/Microsoft.Authorization/roleEligibilityScheduleInstances", subscope);
	get(coll, strlen(coll), 1);
	add_items(aza_json_get(parse_text(rbac_eligible_body), "value"), 1, NULL, 0, coll, si, 0, NULL);
	snprintf(coll, sizeof coll, "%s/providers/Microsoft.Authorization/policyExemptions", subscope);
	get(coll, strlen(coll), 1);
	add_items(aza_json_get(parse_text(policy_exemptions_body), "value"), 1, NULL, 0, coll, si, 0, NULL);
	/* And one at a resource group of the subscription, which the list
	 * holds only without $filter=atScope(): the example's Mitigated one,
	 * moved to resource group rg-lab. */
	char peid[300], petext[1000];
	snprintf(peid, sizeof peid, "%s/resourceGroups/rg-lab/providers/Microsoft.Authorization/policyExemptions/TestVNetRg", subscope);
	snprintf(petext, sizeof petext, "{\"properties\": {\"policyAssignmentId\": \"/providers/Microsoft.Management/managementGroups/"
	         "DevOrg/providers/Microsoft.Authorization/policyAssignments/LimitPorts\", \"exemptionCategory\": \"Mitigated\","
	         " \"displayName\": \"Exempt jump box open ports\", \"description\": \"Exempt jump box open ports from limit "
	         "ports policy\", \"metadata\": {\"reason\": \"Need to open RDP port to corp net\"}}, \"id\": \"%s\","
	         " \"type\": \"Microsoft.Authorization/policyExemptions\", \"name\": \"TestVNetRg\"}", peid);
	add(strdup(petext), peid, coll, si, 0);
	/* The action group the first example alert names (api-version
	 * 2023-01-01 shape: the alert examples come without one). */
	char agid[300], agtext[1200];
	snprintf(agid, sizeof agid, "%s/resourceGroups/MyResourceGroup1/providers/microsoft.insights/actionGroups/"
	         "SampleActionGroup", subscope);
	snprintf(agtext, sizeof agtext, "{\"id\":\"%s\",\"name\":\"SampleActionGroup\",\"type\":\"Microsoft.Insights/ActionGroups\","
	         "\"location\":\"Global\",\"tags\":{},\"properties\":{\"groupShortName\":\"sample\",\"enabled\":true,"
	         "\"emailReceivers\":[{\"name\":\"John Doe's email\",\"emailAddress\":\"johndoe@email.com\","
	         "\"useCommonAlertSchema\":false,\"status\":\"Enabled\"}],\"smsReceivers\":[],\"webhookReceivers\":[]}}", agid);
	snprintf(coll, sizeof coll, "%s/providers/Microsoft.Insights/actionGroups", subscope);
	add(strdup(agtext), agid, coll, si, 0);
	/* An AKS cluster (a Resource Graph row in the shape of ManagedClustersGet,
	 * containerservice 2024-09-01, fewer members) whose diagnostic setting is
	 * the monitor example's, moved onto it: it logs no kube-audit category. */
	char aksid[300], akstext[900];
	snprintf(aksid, sizeof aksid, "%s/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/clustername1",
	         subscope);
	snprintf(akstext, sizeof akstext, "{\"id\":\"%s\",\"name\":\"clustername1\",\"type\":"
	         "\"Microsoft.ContainerService/ManagedClusters\",\"location\":\"location1\",\"properties\":{"
	         "\"provisioningState\":\"Succeeded\",\"kubernetesVersion\":\"1.29.8\",\"dnsPrefix\":\"dnsprefix1\","
	         "\"enableRBAC\":true,\"disableLocalAccounts\":true,\"networkProfile\":{\"networkPlugin\":\"kubenet\"}}}",
	         aksid);
	add(strdup(akstext), aksid, NULL, si, 1);
	add_from(MONX "preview/2021-05-01-preview/examples/listDiagnosticSettings.json", V, 1, aksid, 4, NULL, si, 0, NULL);
	/* Two Databricks workspaces (Resource Graph rows in the ARM shape of
	 * Workspaces_Get, databricks 2024-05-01, fewer members: the shared
	 * examples have none). The first has the monitor example's setting,
	 * moved onto it (allLogs to a storage account and an event hub); the
	 * second has none, so its settings list is empty (AZA-DBX-007). */
	static const char *const dbw[] = {"dbwlogged", "dbwunlogged"};
	for (size_t i = 0; i < sizeof dbw / sizeof dbw[0]; i++) {
		char dbwid[300], dbwtext[1200];
		snprintf(dbwid, sizeof dbwid, "%s/resourceGroups/rg1/providers/Microsoft.Databricks/workspaces/%s", subscope, dbw[i]);
		snprintf(dbwtext, sizeof dbwtext, "{\"id\":\"%s\",\"name\":\"%s\",\"type\":\"Microsoft.Databricks/workspaces\","
		         "\"location\":\"westus\",\"sku\":{\"name\":\"premium\"},\"properties\":{\"managedResourceGroupId\":"
		         "\"%s/resourceGroups/databricks-rg-%s\",\"parameters\":{\"enableNoPublicIp\":{\"type\":\"Bool\","
		         "\"value\":true}},\"provisioningState\":\"Succeeded\",\"publicNetworkAccess\":\"Enabled\","
		         "\"requiredNsgRules\":\"AllRules\"}}",
		         dbwid, dbw[i], subscope, dbw[i]);
		add(strdup(dbwtext), dbwid, NULL, si, 1);
		if (i == 0)
			add_from(MONX "preview/2021-05-01-preview/examples/listDiagnosticSettings.json", V, 1, dbwid, 4, NULL, si, 0,
			         NULL);
	}
	/* A Managed HSM (a Resource Graph row in the shape of ManagedHsm_Get,
	 * keyvault 2023-07-01, fewer members) whose diagnostic setting is the
	 * monitor example's, moved onto it: it logs the allLogs group
	 * (AZA-KV-017). Its privateEndpointConnections hold the first approved
	 * item of ManagedHsm_ListPrivateEndpointConnectionsByResource (AZA-KV-018). */
	char hsmid[300], hsmtext[2000];
	snprintf(hsmid, sizeof hsmid, "%s/resourceGroups/hsm-group/providers/Microsoft.KeyVault/managedHSMs/hsm1", subscope);
	snprintf(hsmtext, sizeof hsmtext, "{\"id\":\"%s\",\"name\":\"hsm1\",\"type\":\"Microsoft.KeyVault/managedHSMs\","
	         "\"location\":\"westus\",\"sku\":{\"family\":\"B\",\"name\":\"Standard_B1\"},\"tags\":{\"Dept\":\"hsm\","
	         "\"Environment\":\"dogfood\"},\"properties\":{\"tenantId\":\"00000000-0000-0000-0000-000000000000\","
	         "\"hsmUri\":\"https://westus.hsm1.managedhsm.azure.net\",\"initialAdminObjectIds\":[\"00000000-0000-0000-0000-000000000000\"],"
	         "\"enableSoftDelete\":true,\"softDeleteRetentionInDays\":90,\"enablePurgeProtection\":true,"
	         "\"provisioningState\":\"Succeeded\",\"privateEndpointConnections\":[{\"id\":\"%s/privateEndpointConnections/sample-pec1\","
	         "\"etag\":\"\",\"properties\":{\"provisioningState\":\"Succeeded\",\"privateEndpoint\":{\"id\":\"%s/resourceGroups/"
	         "hsm-group/providers/Microsoft.Network/privateEndpoints/sample-pe1\"},\"privateLinkServiceConnectionState\":{\"status\":"
	         "\"Approved\",\"description\":\"This was automatically approved by user1234@contoso.com\",\"actionsRequired\":\"None\"}}}],"
	         "\"publicNetworkAccess\":\"Disabled\"}}", hsmid, hsmid, subscope);
	add(strdup(hsmtext), hsmid, NULL, si, 1);
	/* A second vault in the first subscription (Vaults_Get, keyvault
	 * 2023-07-01, fewer members) whose one key rotates and whose one
	 * certificate is valid 12 months (its data plane: kv_dataplane). */
	if (si == 0) {
		char kvid[300], kvtext[1200], kkid[400], kktext[700];
		snprintf(kvid, sizeof kvid, "%s/resourceGroups/kv-group/providers/Microsoft.KeyVault/vaults/kvpass", subscope);
		snprintf(kvtext, sizeof kvtext, "{\"id\":\"%s\",\"name\":\"kvpass\",\"type\":\"Microsoft.KeyVault/vaults\","
		         "\"location\":\"westus\",\"tags\":{},\"properties\":{\"sku\":{\"family\":\"A\",\"name\":\"standard\"},"
		         "\"tenantId\":\"00000000-0000-0000-0000-000000000000\",\"accessPolicies\":[],\"enableRbacAuthorization\":true,"
		         "\"enableSoftDelete\":true,\"softDeleteRetentionInDays\":90,\"enablePurgeProtection\":true,"
		         "\"vaultUri\":\"https://kvpass.vault.azure.net/\",\"provisioningState\":\"Succeeded\","
		         "\"publicNetworkAccess\":\"Enabled\"}}", kvid);
		add(strdup(kvtext), kvid, NULL, si, 1);
		snprintf(kkid, sizeof kkid, "%s/keys/rotated-key", kvid);
		snprintf(kktext, sizeof kktext, "{\"id\":\"%s\",\"name\":\"rotated-key\",\"type\":\"Microsoft.KeyVault/vaults/keys\","
		         "\"location\":\"westus\",\"properties\":{\"attributes\":{\"enabled\":true,\"created\":1596493796,"
		         "\"updated\":1596493796,\"recoveryLevel\":\"Recoverable\"},\"keyUri\":\"https://kvpass.vault.azure.net:443/keys/"
		         "rotated-key\"}}", kkid);
		add(strdup(kktext), kkid, NULL, si, 0);
	}
	add_from(MONX "preview/2021-05-01-preview/examples/listDiagnosticSettings.json", V, 1, hsmid, 4, NULL, si, 0, NULL);
	/* A cache (RedisCacheGet, redis 2024-11-01, fewer members) with the two
	 * firewall rules of RedisCacheFirewallRulesList (a child list Resource
	 * Graph does not return): narrow ranges on a public endpoint. */
	char rdsid[300], rdstext[900], fwid[400], fwtext[600];
	snprintf(rdsid, sizeof rdsid, "%s/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1", subscope);
	snprintf(rdstext, sizeof rdstext, "{\"id\":\"%s\",\"name\":\"cache1\",\"type\":\"Microsoft.Cache/Redis\",\"location\":\"West US\","
	         "\"tags\":{},\"properties\":{\"provisioningState\":\"Succeeded\",\"redisVersion\":\"6.0\",\"sku\":{\"name\":\"Premium\","
	         "\"family\":\"P\",\"capacity\":3},\"enableNonSslPort\":false,\"minimumTlsVersion\":\"1.2\",\"hostName\":"
	         "\"cache1.redis.cache.windows.net\",\"port\":6379,\"sslPort\":6380,\"publicNetworkAccess\":\"Enabled\"}}", rdsid);
	add(strdup(rdstext), rdsid, NULL, si, 1);
	static const char *const fw[][3] = {{"rule1", "192.168.1.1", "192.168.1.4"}, {"rule2", "192.169.1.0", "192.169.1.255"}};
	for (size_t i = 0; i < sizeof fw / sizeof fw[0]; i++) {
		snprintf(fwid, sizeof fwid, "%s/firewallRules/%s", rdsid, fw[i][0]);
		snprintf(fwtext, sizeof fwtext, "{\"id\":\"%s\",\"name\":\"%s\",\"type\":\"Microsoft.Cache/Redis/firewallRules\","
		         "\"properties\":{\"startIP\":\"%s\",\"endIP\":\"%s\"}}", fwid, fw[i][0], fw[i][1], fw[i][2]);
		add(strdup(fwtext), fwid, NULL, si, 0);
	}
	/* An Event Hubs and a Service Bus namespace (EHNameSpaceCreate and
	 * SBNameSpaceCreate, 2024-01-01, fewer members) and the network rule set
	 * of each (GET .../networkRuleSets/default: a proxy child Resource Graph
	 * does not return; EHNetworkRuleSetGet, 2021-11-01, with the namespace's
	 * id): the Event Hubs one admits every network (defaultAction Allow),
	 * the Service Bus one denies by default with one IP rule. */
	static const struct {
		const char *prov, *name, *type, *rules;
	} ns[] = {
		{"Microsoft.EventHub", "sdk-Namespace-6019", "Microsoft.EventHub/Namespaces",
		 "\"defaultAction\":\"Allow\",\"publicNetworkAccess\":\"Enabled\",\"virtualNetworkRules\":[],"
		 "\"ipRules\":[{\"ipMask\":\"1.1.1.1\",\"action\":\"Allow\"},{\"ipMask\":\"1.1.1.2\",\"action\":\"Allow\"}]"},
		{"Microsoft.ServiceBus", "sdk-Namespace-2924", "Microsoft.ServiceBus/Namespaces",
		 "\"defaultAction\":\"Deny\",\"publicNetworkAccess\":\"Enabled\",\"trustedServiceAccessEnabled\":false,"
		 "\"virtualNetworkRules\":[],\"ipRules\":[{\"ipMask\":\"1.1.1.1\",\"action\":\"Allow\"}]"},
	};
	for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) {
		char nsid[300], nstext[900], rsid[400], rstext[900];
		snprintf(nsid, sizeof nsid, "%s/resourceGroups/ArunMonocle/providers/%s/namespaces/%s", subscope, ns[i].prov, ns[i].name);
		snprintf(nstext, sizeof nstext, "{\"id\":\"%s\",\"name\":\"%s\",\"type\":\"%s\",\"location\":\"South Central US\","
		         "\"sku\":{\"name\":\"Premium\",\"tier\":\"Premium\",\"capacity\":1},\"properties\":{\"provisioningState\":"
		         "\"Succeeded\",\"disableLocalAuth\":false,\"minimumTlsVersion\":\"1.2\",\"publicNetworkAccess\":\"Enabled\","
		         "\"serviceBusEndpoint\":\"https://%s.servicebus.windows.net:443/\"}}", nsid, ns[i].name, ns[i].type, ns[i].name);
		add(strdup(nstext), nsid, NULL, si, 1);
		snprintf(rsid, sizeof rsid, "%s/networkRuleSets/default", nsid);
		snprintf(rstext, sizeof rstext, "{\"id\":\"%s\",\"name\":\"default\",\"type\":\"%s/NetworkRuleSet\",\"properties\":{%s}}",
		         rsid, ns[i].type, ns[i].rules);
		add(strdup(rstext), rsid, NULL, si, 0);
	}
	/* A Machine Learning workspace (Workspace/get, machinelearningservices
	 * 2023-10-01, fewer members: public access disabled; with the
	 * ManagedNetworkSettings of the same schema, in allow only approved
	 * outbound mode with one user-defined FQDN rule), a data factory
	 * and a Synapse workspace (the FactoryProperties and WorkspaceProperties
	 * names: public endpoints on, no managed virtual network). */
	static const struct {
		const char *prov, *type, *name, *props;
	} dsvc[] = {
		{"Microsoft.MachineLearningServices", "workspaces", "testworkspace",
		 "\"hbiWorkspace\":false,\"allowPublicAccessWhenBehindVnet\":false,\"publicNetworkAccess\":\"Disabled\","
		 "\"managedNetwork\":{\"isolationMode\":\"AllowOnlyApprovedOutbound\",\"status\":{\"status\":\"Active\"},\"outboundRules\":"
		 "{\"pypi\":{\"type\":\"FQDN\",\"category\":\"UserDefined\",\"status\":\"Active\",\"destination\":\"pypi.org\"}}}"},
		{"Microsoft.DataFactory", "factories", "exampleFactoryName", "\"version\":\"2018-06-01\",\"publicNetworkAccess\":\"Enabled\""},
		{"Microsoft.Synapse", "workspaces", "workspaceName", "\"publicNetworkAccess\":\"Enabled\""},
	};
	for (size_t i = 0; i < sizeof dsvc / sizeof dsvc[0]; i++) {
		char did[300], dtext[1024];
		snprintf(did, sizeof did, "%s/resourceGroups/rg1/providers/%s/%s/%s", subscope, dsvc[i].prov, dsvc[i].type, dsvc[i].name);
		snprintf(dtext, sizeof dtext, "{\"id\":\"%s\",\"name\":\"%s\",\"type\":\"%s/%s\",\"location\":\"East US\","
		         "\"properties\":{\"provisioningState\":\"Succeeded\",%s}}", did, dsvc[i].name, dsvc[i].prov, dsvc[i].type, dsvc[i].props);
		add(strdup(dtext), did, NULL, si, 1);
	}
	/* The Synapse workspace's firewall rules (IpFirewallRules_ListByWorkspace,
	 * synapse 2021-06-01, a child list Resource Graph does not return): the
	 * GetIpFirewallRule example's narrow range, then AllowAllWindowsAzureIps
	 * (the portal's "Allow Azure services and resources"), which AZA-SYN-003
	 * fails; with --page-size 1 that one is only on the second page. */
	static const char *const synfw[][3] = {{"ExampleIpFirewallRule", "10.0.0.0", "10.0.0.254"},
	                                       {"AllowAllWindowsAzureIps", "0.0.0.0", "0.0.0.0"}};
	for (size_t i = 0; i < sizeof synfw / sizeof synfw[0]; i++) {
		char sid[400], stext[700];
		snprintf(sid, sizeof sid, "%s/resourceGroups/rg1/providers/Microsoft.Synapse/workspaces/workspaceName/firewallRules/%s", subscope,
		         synfw[i][0]);
		snprintf(stext, sizeof stext, "{\"id\":\"%s\",\"type\":\"Microsoft.Synapse/workspaces/firewallRules\",\"name\":\"%s\","
		         "\"properties\":{\"startIpAddress\":\"%s\",\"endIpAddress\":\"%s\",\"provisioningState\":\"Succeeded\"}}",
		         sid, synfw[i][0], synfw[i][1], synfw[i][2]);
		add(strdup(stext), sid, NULL, si, 0);
	}
	build_frontdoor(si);
	free(sql);
	free(pg);
	free(my);
	free(kv);
	free(web);
	free(nw);
	free(stg);
	free(db);
}

/* The store's key of the users listing that selects signInActivity. */
#define USERS_SIGNIN "/v1.0/users#signInActivity"

/* The response of GET /v1.0/roleManagement/directory/roleEligibilityScheduleInstances
 * in the Microsoft Graph v1.0 reference, "List roleEligibilityScheduleInstances"
 * (api-reference/v1.0/api/rbacapplication-list-roleeligibilityscheduleinstances.md
 * in microsoftgraph/microsoft-graph-docs-contrib): its JSON as published,
 * on fewer lines. The shared examples have no eligibility body. */
static const char eligible_body[] =
	"{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#roleManagement/directory/roleEligibilityScheduleInstances\","
	" \"value\": [{\"id\": \"8MYkhImhnkm70CbBdTyW1BbHHAdHgZdDpbqyEFlRzAs-1-e\","
	" \"principalId\": \"071cc716-8147-4397-a5ba-b2105951cc0b\", \"roleDefinitionId\": \"8424c6f0-a189-499e-bbd0-26c1753c96d4\","
	" \"directoryScopeId\": \"/\", \"appScopeId\": null, \"startDateTime\": \"2022-04-12T14:44:50.287Z\","
	" \"endDateTime\": \"2024-04-10T00:00:00Z\", \"memberType\": \"Direct\","
	" \"roleEligibilityScheduleId\": \"77f71919-62f3-4d0c-9f88-0a0391b665cd\"}]}";

/* Two groups holding directory roles, in the shape of a role assignment
 * read with $expand=principal (the shared example's assignments name
 * users, without their principal): a role-assignable security group
 * (the Graph reference's group ids, from "List group transitive
 * members") holding Security Administrator and User Administrator, and
 * another holding Helpdesk Administrator. GET /v1.0/groups/{id}/
 * transitiveMembers/microsoft.graph.user answers with the users of
 * users-list.json for the first (the properties the collector selects)
 * and none for the second. */
#define GROUP_A "02bd9fd6-8f93-4758-87c3-1fb73740a315"
#define GROUP_B "4d0ef681-e88f-42a3-a2db-e6bf1e249e10"
#define GROUP_PRINCIPAL(id, name)                                                                                  \
	"\"principal\": {\"@odata.type\": \"#microsoft.graph.group\", \"id\": \"" id "\", \"displayName\": \"" name "\","     \
	" \"mailEnabled\": false, \"securityEnabled\": true, \"isAssignableToRole\": true, \"groupTypes\": []}"
static const char group_roles_body[] =
	"{\"value\": ["
	"{\"id\": \"y0q0GbK1GU-EJ_b6Fw0AfdafvQKT2FhHh8MftzdAoxU-1\", \"principalId\": \"" GROUP_A "\","
	" \"directoryScopeId\": \"/\", \"roleDefinitionId\": \"194ae4cb-b126-40b2-bd5b-6091b380977d\", "
	GROUP_PRINCIPAL(GROUP_A, "Security Operators") "},"
	"{\"id\": \"vpOT_mJeLkqb5rFpFqOpXtafvQKT2FhHh8MftzdAoxU-1\", \"principalId\": \"" GROUP_A "\","
	" \"directoryScopeId\": \"/\", \"roleDefinitionId\": \"fe930be7-5e62-47db-91af-98c3a49a38b1\", "
	GROUP_PRINCIPAL(GROUP_A, "Security Operators") "},"
	"{\"id\": \"kieYcvx4TEmaKi6bWKFprIH2Dk2P6KNCotvmvx4knhA-1\", \"principalId\": \"" GROUP_B "\","
	" \"directoryScopeId\": \"/\", \"roleDefinitionId\": \"729827e3-9c14-49f7-bb1b-9608f156bbb8\", "
	GROUP_PRINCIPAL(GROUP_B, "Executives") "}]}";
#define MEMBERS_OF(g) "/v1.0/groups/" g "/transitiveMembers/microsoft.graph.user"
/* GET /v1.0/groups/{id}?$select=id,displayName, in the shape of the Graph
 * reference's example (Get group). */
#define GROUP_OBJ(id, name)                                                                                         \
	"{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#groups(id,displayName)/$entity\","           \
	" \"id\": \"" id "\", \"displayName\": \"" name "\"}"
/* Privileged Identity Management for Groups: GET .../group/
 * eligibilityScheduleInstances answers the instances of the group its
 * $filter (groupId eq '<id>', which the API requires) names, with their
 * principal expanded, in the shape of the Graph reference's example (List
 * eligibilityScheduleInstances): for the first group, a user eligible for
 * its ownership (Alex, registered for MFA) and a third group eligible for
 * its membership, whose one user (Bianca) is disabled; for the second, a
 * guest eligible for its membership (Allan, userType guest in the
 * registration details, not registered for MFA); none for any other. */
#define GROUP_C "2a7c4f3e-5b1d-4e8a-9c6f-0d3b8e1a7f52"
#define GELIG "/v1.0/identityGovernance/privilegedAccess/group/eligibilityScheduleInstances"
#define GELIG_ITEM(g, access, pid, principal)                                                                        \
	"{\"id\": \"" g "_" access "_" pid "\", \"startDateTime\": \"2023-08-18T00:33:48.8Z\", \"endDateTime\": null,"       \
	" \"accessId\": \"" access "\", \"principalId\": \"" pid "\", \"groupId\": \"" g "\", \"memberType\": \"Direct\","   \
	" \"eligibilityScheduleId\": \"" g "_" access "_" pid "\", \"principal\": " principal "}"
#define PUSER(id, name, upn) "{\"@odata.type\": \"#microsoft.graph.user\", \"id\": \"" id "\", \"displayName\": \"" name "\", \"userPrincipalName\": \"" upn "\"}"
static const char *const group_eligible[][2] = {
	{GROUP_A, GELIG_ITEM(GROUP_A, "owner", "86462606-fde0-4fc4-9e0c-a20eb73e54c6",
	                     PUSER("86462606-fde0-4fc4-9e0c-a20eb73e54c6", "Alex Wilber", "AlexW@Contoso.com"))},
	{GROUP_A, GELIG_ITEM(GROUP_A, "member", GROUP_C,
	                     "{\"@odata.type\": \"#microsoft.graph.group\", \"id\": \"" GROUP_C "\", \"displayName\": \"Responders\","
	                     " \"mailEnabled\": false, \"securityEnabled\": true, \"groupTypes\": []}")},
	{GROUP_B, GELIG_ITEM(GROUP_B, "member", "c6ad1942-4afa-47f8-8d48-afb5d8d69d2f",
	                     PUSER("c6ad1942-4afa-47f8-8d48-afb5d8d69d2f", "Allan Deyoung", "AllanD@Contoso.com"))},
};

static const struct gfile {
	const char *path, *file;
	int one;
	const char *body; /* the body itself, where no shared example holds it (file NULL) */
} gfiles[] = {
	{"/v1.0/users", "users-list.json", 0, NULL},
	{"/v1.0/users", "users-list-b2b-guests.json", 0, NULL},
	{USERS_SIGNIN, "users-list-signInActivity.json", 0, NULL},
	{"/v1.0/reports/authenticationMethods/userRegistrationDetails", "userRegistrationDetails-list.json", 0, NULL},
	{"/v1.0/policies/authorizationPolicy", "authorizationPolicy-get.json", 1, NULL},
	{"/v1.0/identity/conditionalAccess/policies", "conditionalAccess-policies-list.json", 0, NULL},
	{"/v1.0/policies/identitySecurityDefaultsEnforcementPolicy", "identitySecurityDefaultsEnforcementPolicy-get.json", 1, NULL},
	{"/v1.0/roleManagement/directory/roleAssignments", "roleManagement-directory-roleAssignments-list.json", 0, NULL},
	{"/v1.0/roleManagement/directory/roleAssignments", NULL, 0, group_roles_body},
	{"/v1.0/roleManagement/directory/roleEligibilityScheduleInstances", NULL, 0, eligible_body},
	{"/v1.0/groupSettings", "groupSettings-list.json", 0, NULL},
};
static const char *gkeys[] = {"users", "users", "guestSignInActivity", "userRegistrationDetails", "authorizationPolicy",
                              "conditionalAccessPolicies", "identitySecurityDefaultsEnforcementPolicy",
                              "directoryRoleAssignments", "directoryRoleAssignments",
                              "directoryRoleEligibilityScheduleInstances", "groupSettings"};

/* The users of group A: each user of users-list.json with the properties
 * the collector selects (the example has no userType or accountEnabled:
 * a member account, enabled). */
static void build_members(void)
{
	add(strdup(GROUP_OBJ(GROUP_A, "Security Operators")), "/v1.0/groups/" GROUP_A, "graph:groups", -1, 0);
	add(strdup(GROUP_OBJ(GROUP_B, "Executives")), "/v1.0/groups/" GROUP_B, "graph:groups", -1, 0);
	add(strdup(GROUP_OBJ(GROUP_C, "Responders")), "/v1.0/groups/" GROUP_C, "graph:groups", -1, 0);
	get(MEMBERS_OF(GROUP_A), strlen(MEMBERS_OF(GROUP_A)), 1);
	get(MEMBERS_OF(GROUP_B), strlen(MEMBERS_OF(GROUP_B)), 1);
	add(strdup("{\"id\":\"c8096958-797c-44fa-8fde-a6fb62567cf0\",\"displayName\":\"Bianca Pisani\","
	           "\"userPrincipalName\":\"BiancaP@Contoso.com\",\"userType\":\"Member\",\"accountEnabled\":false}"),
	    "graph:member:" GROUP_C "/c8096958-797c-44fa-8fde-a6fb62567cf0", MEMBERS_OF(GROUP_C), -1, 0);
	for (size_t i = 0; i < sizeof group_eligible / sizeof group_eligible[0]; i++) {
		char key[256], oid[300];
		snprintf(key, sizeof key, GELIG "/%s", group_eligible[i][0]);
		snprintf(oid, sizeof oid, "graph:eligible:%s/%zu", group_eligible[i][0], i);
		add(strdup(group_eligible[i][1]), oid, key, -1, 0);
	}
	aza_json_each(u, load("graph/users-list.json", "value")) {
		const char *id = aza_json_str(aza_json_get(u, "id"));
		const char *dn = aza_json_str(aza_json_get(u, "displayName"));
		const char *upn = aza_json_str(aza_json_get(u, "userPrincipalName"));
		if (!id || !dn || !upn)
			continue;
		char text[1024], oid[256];
		snprintf(text, sizeof text, "{\"id\":\"%s\",\"displayName\":\"%s\",\"userPrincipalName\":\"%s\","
		         "\"userType\":\"Member\",\"accountEnabled\":true}", id, dn, upn);
		snprintf(oid, sizeof oid, "graph:member:" GROUP_A "/%s", id);
		add(strdup(text), oid, MEMBERS_OF(GROUP_A), -1, 0);
	}
}

static void build_graph(void)
{
	for (size_t i = 0; i < sizeof gfiles / sizeof gfiles[0]; i++) {
		const aza_json *j;
		if (gfiles[i].file) {
			char rel[256];
			snprintf(rel, sizeof rel, "graph/%s", gfiles[i].file);
			j = load(rel, NULL);
		} else {
			j = parse_text(gfiles[i].body);
		}
		entry *e = get(gfiles[i].path, strlen(gfiles[i].path), 1);
		if (gfiles[i].one) {
			aza_buf b;
			aza_buf__init(&b, 1 << 24);
			aza_json__write(&b, j);
			aza_buf__addc(&b, 0);
			char id[300];
			snprintf(id, sizeof id, "graph:%s", gfiles[i].path);
			add(b.p, id, "graph:singletons", -1, 0);
			e->one = (int)nobjs - 1;
			continue;
		}
		aza_json_each(it, aza_json_get(j, "value")) {
			aza_buf b;
			aza_buf__init(&b, 1 << 24);
			aza_json__write(&b, it);
			aza_buf__addc(&b, 0);
			char id[400];
			snprintf(id, sizeof id, "graph:%s/%zu", gfiles[i].path, nobjs);
			add(b.p, id, gfiles[i].path, -1, 0);
		}
	}
}


/* ---- management groups ---- */
#define MGP "/providers/Microsoft.Management/managementGroups/"
static const struct mgdef {
	const char *name, *display;
	int parent; /* index, or -1 */
} mgdefs[] = {
	{TENANT, "Tenant Root Group", -1},
	{"emu-mg-a", "Production", 0},
	{"emu-mg-b", "Sandbox", 0},
	{"emu-mg-a1", "Production EU", 1},
};
#define NMG (sizeof mgdefs / sizeof mgdefs[0])

static int mg_of_sub(int si)
{
	static const int place[4] = {0, 1, 2, 3};
	return place[si % 4];
}

/* Is group a at or below group b? */
static int mg_within(int a, int b)
{
	for (; a >= 0; a = mgdefs[a].parent)
		if (a == b)
			return 1;
	return 0;
}

/* text with every "/subscriptions/MGMARK" replaced by the group's id. */
static char *to_mg(char *text, const char *mgid)
{
	const char *mark = "/subscriptions/MGMARK";
	aza_buf b;
	aza_buf__init(&b, 1 << 24);
	for (const char *p = text; *p;) {
		const char *q = strstr(p, mark);
		if (!q) {
			aza_buf__adds(&b, p);
			break;
		}
		aza_buf__add(&b, p, (size_t)(q - p));
		aza_buf__adds(&b, mgid);
		p = q + strlen(mark);
	}
	aza_buf__addc(&b, 0);
	free(text);
	return b.p;
}

/* An assignment (item 'which' of an example list) at group g, listed at g
 * and every group below it. */
static void mg_item(const aza_json *it, int g, const char *kind);

static void mg_assignment(const char *rel, int which, int g, const char *kind)
{
	const aza_json *it = aza_json__first(load(rel, V));
	for (int i = 0; i < which && it; i++)
		it = it->next;
	if (!it)
		die("assignment example too short");
	mg_item(it, g, kind);
}

/* Object it (an assignment or exemption) at group g, listed at g and every
 * group below it. */
static void mg_item(const aza_json *it, int g, const char *kind)
{
	char mgid[256], id[600], coll[600];
	snprintf(mgid, sizeof mgid, MGP "%s", mgdefs[g].name);
	const char *nm = strrchr(aza_json_str(aza_json_get(it, "id")), '/') + 1;
	snprintf(id, sizeof id, "%s/providers/Microsoft.Authorization/%s/%s", mgid, kind, nm);
	char *text = to_mg(render(it, id, "MGMARK"), mgid);
	snprintf(coll, sizeof coll, "%s/providers/Microsoft.Authorization/%s", mgid, kind);
	add(text, id, coll, -1, 0);
	int idx = (int)nobjs - 1;
	for (size_t k = 0; k < NMG; k++) {
		if ((int)k == g || !mg_within((int)k, g))
			continue;
		snprintf(coll, sizeof coll, MGP "%s/providers/Microsoft.Authorization/%s", mgdefs[k].name, kind);
		push(get(coll, strlen(coll), 1), idx);
	}
}

static void build_mg(void)
{
	char key[600], id[300], text[1200];
	for (size_t k = 0; k < NMG; k++) {
		static const char *kinds[] = {"policyAssignments", "roleAssignments", "policyExemptions"};
		for (int j = 0; j < 3; j++) {
			snprintf(key, sizeof key, MGP "%s/providers/Microsoft.Authorization/%s", mgdefs[k].name, kinds[j]);
			get(key, strlen(key), 1);
		}
		snprintf(key, sizeof key, MGP "%s/descendants", mgdefs[k].name);
		get(key, strlen(key), 1);
	}
	/* Descendant items: each group and subscription, listed under every
	 * group above it, groups before subscriptions (depth-first order). */
	for (size_t k = 1; k < NMG; k++) {
		snprintf(id, sizeof id, "mgdesc:%s", mgdefs[k].name);
		snprintf(text, sizeof text, "{\"name\":\"%s\",\"type\":\"Microsoft.Management/managementGroups\",\"id\":\""
		         MGP "%s\",\"properties\":{\"displayName\":\"%s\",\"parent\":{\"id\":\"" MGP "%s\"}}}",
		         mgdefs[k].name, mgdefs[k].name, mgdefs[k].display, mgdefs[mgdefs[k].parent].name);
		snprintf(key, sizeof key, MGP "%s/descendants", mgdefs[mgdefs[k].parent].name);
		add(strdup(text), id, key, -1, 0);
		int idx = (int)nobjs - 1;
		for (int a = mgdefs[mgdefs[k].parent].parent; a >= 0; a = mgdefs[a].parent) {
			snprintf(key, sizeof key, MGP "%s/descendants", mgdefs[a].name);
			push(get(key, strlen(key), 1), idx);
		}
	}
	for (int si = 0; si < nsubs; si++) {
		int g = mg_of_sub(si);
		snprintf(id, sizeof id, "mgdesc:%s", subs[si]);
		snprintf(text, sizeof text, "{\"name\":\"%s\",\"type\":\"Microsoft.Management/managementGroups/subscriptions\","
		         "\"id\":\"/subscriptions/%s\",\"properties\":{\"displayName\":\"emu-sub-%d\",\"parent\":{\"id\":\""
		         MGP "%s\"}}}", subs[si], subs[si], si + 1, mgdefs[g].name);
		snprintf(key, sizeof key, MGP "%s/descendants", mgdefs[g].name);
		add(strdup(text), id, key, -1, 0);
		int idx = (int)nobjs - 1;
		for (int a = mgdefs[g].parent; a >= 0; a = mgdefs[a].parent) {
			snprintf(key, sizeof key, MGP "%s/descendants", mgdefs[a].name);
			push(get(key, strlen(key), 1), idx);
		}
	}
	mg_assignment("resources/resource-manager/Microsoft.Authorization/stable/2023-04-01/examples/listPolicyAssignments.json",
	              1, 0, "policyAssignments");
	mg_assignment("authorization/resource-manager/Microsoft.Authorization/stable/2022-04-01/examples/"
	              "RoleAssignments_ListForScope.json", 0, 1, "roleAssignments");
	mg_item(parse_text(mg_policy_exemption), 1, "policyExemptions");
}

/* ---- faults ---- */
typedef struct fault {
	char kind[16];
	char match[256];
	int count; /* remaining; -1 = always */
} fault;
static fault faults[64];
static int nfaults;
static int retry_after = 1, slow_ms = 3000;

static int add_fault(const char *spec)
{
	if (nfaults >= 64)
		return -1;
	fault *f = &faults[nfaults];
	memset(f, 0, sizeof *f);
	const char *at = strchr(spec, '@');
	size_t kl = at ? (size_t)(at - spec) : strlen(spec);
	char head[64];
	snprintf(head, sizeof head, "%.*s", (int)kl, spec);
	char *colon = strchr(head, ':');
	f->count = 1;
	if (colon) {
		*colon = 0;
		f->count = atoi(colon + 1);
		if (f->count == 0)
			f->count = -1;
	}
	snprintf(f->kind, sizeof f->kind, "%.15s", head);
	if (at)
		snprintf(f->match, sizeof f->match, "%s", at + 1);
	nfaults++;
	return 0;
}

/* The fault that applies to this request, if any (consumes one firing). */
static const char *take_fault(const char *target, const char *body)
{
	const char *kind = NULL;
	pthread_mutex_lock(&mu);
	for (int i = 0; i < nfaults && !kind; i++) {
		fault *f = &faults[i];
		if (!f->count)
			continue;
		if (*f->match && !aza__istrstr(target, f->match) && !(body && aza__istrstr(body, f->match)))
			continue;
		if (!strcmp(f->kind, "tokenfail") != (aza__istrstr(target, "oauth2") != NULL))
			continue;
		if (f->count > 0)
			f->count--;
		kind = f->kind;
		n_faults++;
	}
	pthread_mutex_unlock(&mu);
	return kind;
}

/* ---- tokens ---- */
typedef struct tok {
	char s[64];
	int aud;
	time_t exp;
	int expired;
} tok;
static tok toks[4096];
static int ntoks;

static const char *issue(int aud)
{
	pthread_mutex_lock(&mu);
	tok *t = &toks[ntoks % 4096];
	snprintf(t->s, sizeof t->s, "emu.%d.%d.%08lx", aud, ntoks, (unsigned long)random());
	t->aud = aud;
	t->exp = time(NULL) + token_ttl;
	t->expired = 0;
	ntoks++;
	n_tokens++;
	pthread_mutex_unlock(&mu);
	return t->s;
}

/* 0 valid, else an error code for the 401. */
static const char *check_token(const char *auth, int aud, int expire)
{
	if (!auth || strncmp(auth, "Bearer ", 7))
		return "AuthenticationFailed";
	if (cli_token && !strcmp(auth + 7, cli_token))
		return NULL;
	const char *r = "InvalidAuthenticationToken";
	pthread_mutex_lock(&mu);
	for (int i = 0; i < ntoks && i < 4096; i++) {
		tok *t = &toks[i];
		if (strcmp(t->s, auth + 7))
			continue;
		if (expire)
			t->expired = 1;
		if (t->expired || time(NULL) >= t->exp)
			r = "ExpiredAuthenticationToken";
		else if (t->aud != aud)
			r = "InvalidAuthenticationTokenAudience";
		else
			r = NULL;
		break;
	}
	pthread_mutex_unlock(&mu);
	return r;
}

static int aud_of(const char *s)
{
	if (aza__istrstr(s, "graph"))
		return 2;
	if (aza__istrstr(s, "storage"))
		return 3;
	if (aza__istrstr(s, "vault"))
		return 4;
	return 1;
}

/* ---- HTTP ---- */
typedef struct req {
	char method[16], target[8192], path[8192], query[8192];
	char auth[512], metadata[32], idh[256], consistency[32];
	char *body;
	size_t blen;
	int close;
} req;

static void send_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t k = send(fd, p, n, MSG_NOSIGNAL);
		if (k <= 0)
			return;
		p += k;
		n -= (size_t)k;
	}
}

/* A header every response of this request carries (the remaining reads). */
static __thread char auto_hdr[128];

static void respond(int fd, int status, const char *extra_hdr, const char *body, size_t len)
{
	char h[1280];
	const char *reason = status == 200 ? "OK" : status == 401 ? "Unauthorized" : status == 403 ? "Forbidden" :
	                     status == 404 ? "Not Found" : status == 429 ? "Too Many Requests" : status == 503 ? "Service Unavailable" : "Error";
	int n = snprintf(h, sizeof h, "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n%s%s\r\n",
	                 status, reason, len, extra_hdr ? extra_hdr : "", auto_hdr);
	send_all(fd, h, (size_t)n);
	send_all(fd, body, len);
}

static void respond_err(int fd, int status, const char *code, const char *msg, const char *hdr)
{
	char b[1024];
	int n = snprintf(b, sizeof b, "{\"error\":{\"code\":\"%s\",\"message\":\"%s\"}}", code, msg);
	respond(fd, status, hdr, b, (size_t)n);
}

static char *qparam(const char *q, const char *name)
{
	size_t nl = strlen(name);
	const char *p = q;
	while (p && *p) {
		if (aza__strnieq(p, name, nl) && p[nl] == '=') {
			const char *v = p + nl + 1;
			size_t n = strcspn(v, "&");
			char *r = malloc(n + 1);
			size_t o = 0;
			for (size_t i = 0; i < n; i++) {
				if (v[i] == '%' && i + 2 < n + 1 && isxdigit((unsigned char)v[i + 1]) && isxdigit((unsigned char)v[i + 2])) {
					char hx[3] = {v[i + 1], v[i + 2], 0};
					r[o++] = (char)strtol(hx, NULL, 16);
					i += 2;
				} else
					r[o++] = v[i] == '+' ? ' ' : v[i];
			}
			r[o] = 0;
			return r;
		}
		p = strchr(p, '&');
		if (p)
			p++;
	}
	return NULL;
}

/* A page of a list: items [off, off+ps) and a next link when more remain. */
static void page(int fd, entry *e, const char *path, const char *query, int graph, int loop)
{
	char *st = qparam(query, "$skiptoken");
	size_t off = st ? strtoul(st, NULL, 10) : 0;
	free(st);
	aza_buf b;
	aza_buf__init(&b, (size_t)1 << 30);
	aza_buf__adds(&b, graph ? "{\"@odata.context\":\"emu\",\"value\":[" : "{\"value\":[");
	size_t psz = (size_t)(e && e->page ? e->page : mg_page_size && aza__iends(path, "/descendants") ? mg_page_size : page_size);
	size_t n = e ? e->n : 0, end = off + psz < n ? off + psz : n;
	/* $filter=atScope() on a policy exemption list leaves out the
	 * exemptions below the scope listed (at its resource groups and
	 * resources): the scope is the path before /providers/Microsoft.
	 * Authorization/. */
	const char *pex = graph ? NULL : aza__istrstr(path, "/providers/Microsoft.Authorization/policyExemptions");
	int at_scope = pex && strstr(query, "atScope()");
	size_t slen = pex ? (size_t)(pex - path) : 0;
	for (size_t i = off, k = 0; i < end; i++) {
		const char *id = objs[e->items[i]].id;
		const char *own = id ? aza__istrstr(id, "/providers/Microsoft.Authorization/policyExemptions/") : NULL;
		if (at_scope && own && (size_t)(own - id) > slen && aza__strnieq(id, path, slen))
			continue;
		if (k++)
			aza_buf__addc(&b, ',');
		aza_buf__adds(&b, objs[e->items[i]].text);
	}
	aza_buf__addc(&b, ']');
	if (end < n || loop) {
		char *av = graph ? NULL : qparam(query, "api-version");
		aza_buf__printf(&b, ",\"%s\":\"http://127.0.0.1:%d%s?%s%s%s", graph ? "@odata.nextLink" : "nextLink", port, path,
		                av ? "api-version=" : "", av ? av : "", av ? "&" : "");
		/* Graph's next link keeps the query options ($select, $filter,
		 * $top): a later page answers the same request. */
		for (const char *p = graph ? query : NULL; p && *p;) {
			size_t k = strcspn(p, "&");
			if (k && !aza__strnieq(p, "$skiptoken=", 11) && !memchr(p, '"', k) && !memchr(p, '\\', k))
				aza_buf__printf(&b, "%.*s&", (int)k, p);
			p += k + (p[k] == '&');
		}
		aza_buf__printf(&b, "$skiptoken=%zu\"", loop ? (size_t)0 : end);
		free(av);
	}
	aza_buf__addc(&b, '}');
	respond(fd, 200, NULL, b.p, b.len);
	aza_buf__release(&b);
}

/* Whether a filter entry is a resource type: "Ns.X/t(/t)*", where an
 * extension "/providers/Ns.Y/t..." needs a type after its namespace.
 * Resource Graph would match such strings against nothing; the emulator
 * refuses them so that the collector's filter stays exact. */
static int arg_type_ok(const char *t, size_t n)
{
	size_t seg = 0, nseg = 0;
	int ns_next = 1; /* the segment due is a namespace */
	for (size_t i = 0; i <= n; i++) {
		if (i < n && t[i] != '/')
			continue;
		size_t len = i - seg;
		if (!len)
			return 0;
		nseg++;
		if (ns_next) {
			if (!memchr(t + seg, '.', len))
				return 0;
			ns_next = 0;
		} else if (len == 9 && aza__strnieq(t + seg, "providers", 9)) {
			if (i == n)
				return 0;
			ns_next = 1;
			nseg = 0;
		}
		seg = i + 1;
	}
	return !ns_next && nseg >= 2;
}

static void arg_query(int fd, req *r)
{
	aza_arena a;
	aza_arena__init(&a);
	aza_json *j;
	aza_jerr je;
	if (!r->body || aza_json__parse_all(&a, r->body, r->blen, &j, &je)) {
		respond_err(fd, 400, "BadRequest", "invalid query body", NULL);
		aza_arena__release(&a);
		return;
	}
	const char *qs = aza_json_str(aza_json_get(j, "query"));
	const char *qin = qs ? strstr(qs, "type in~ (") : NULL;
	for (const char *p = qin ? qin + 10 : NULL; p && *p && *p != ')'; p++) {
		if (*p != '\'')
			continue;
		size_t n = strcspn(p + 1, "'");
		if (n && !arg_type_ok(p + 1, n)) {
			char msg[400];
			snprintf(msg, sizeof msg, "not a resource type in the filter: '%.*s'", (int)(n < 300 ? n : 300), p + 1);
			respond_err(fd, 400, "InvalidQuery", msg, NULL);
			aza_arena__release(&a);
			return;
		}
		p += n + 1;
	}
	const aza_json *sl = aza_json_get(j, "subscriptions");
	const char *sk = aza_json_str(aza_json_path(j, "options.$skipToken"));
	double top = 1000;
	aza_json_num(aza_json_path(j, "options.$top"), &top);
	size_t off = sk ? strtoul(sk, NULL, 10) : 0, ps = (size_t)top < (size_t)page_size ? (size_t)top : (size_t)page_size;
	aza_buf b;
	aza_buf__init(&b, (size_t)1 << 30);
	aza_buf__adds(&b, "{\"data\":[");
	size_t k = 0, emitted = 0, more = 0;
	for (size_t i = 0; i < nobjs; i++) {
		if (!objs[i].arg || objs[i].sub < 0)
			continue;
		int want = 0;
		aza_json_each(s, sl) want |= aza__strieq(aza_json_str(s), subs[objs[i].sub]);
		if (!want)
			continue;
		/* "| where type in~ ('a','b')": the row's type must be listed. */
		const char *q = aza_json_str(aza_json_get(j, "query"));
		const char *in = q ? strstr(q, "type in~ (") : NULL;
		if (in) {
			int listed = 0;
			for (const char *p = in + 10; *p && *p != ')' && !listed;) {
				if (*p == '\'') {
					size_t n = strcspn(p + 1, "'");
					char pat[300];
					snprintf(pat, sizeof pat, "\"type\":\"%.*s\"", (int)(n < 280 ? n : 280), p + 1);
					listed = aza__istrstr(objs[i].text, pat) != NULL;
					p += n + 2;
				} else
					p++;
			}
			if (!listed)
				continue;
		}
		if (k++ < off)
			continue;
		if (emitted == ps) {
			more = 1;
			break;
		}
		if (emitted++)
			aza_buf__addc(&b, ',');
		aza_buf__adds(&b, objs[i].text);
	}
	aza_buf__printf(&b, "],\"count\":%zu,\"resultTruncated\":\"false\"", emitted);
	if (more)
		aza_buf__printf(&b, ",\"$skipToken\":\"%zu\"", off + emitted);
	aza_buf__addc(&b, '}');
	respond(fd, 200, NULL, b.p, b.len);
	aza_buf__release(&b);
	aza_arena__release(&a);
}

/* Verify an RS256 client assertion against the configured certificate. */
static int verify_assertion(const char *jwt)
{
	if (!certpath)
		return 0;
	const char *d1 = strchr(jwt, '.'), *d2 = d1 ? strchr(d1 + 1, '.') : NULL;
	if (!d2)
		return 0;
	FILE *fp = fopen(certpath, "r");
	if (!fp)
		return 0;
	X509 *x = PEM_read_X509(fp, NULL, NULL, NULL);
	fclose(fp);
	if (!x)
		return 0;
	/* base64url decode of the signature */
	const char *s = d2 + 1;
	size_t n = strlen(s);
	unsigned char *sig = malloc(n + 4);
	size_t o = 0;
	unsigned acc = 0;
	int bits = 0;
	for (size_t i = 0; i < n; i++) {
		const char *tabs = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		const char *p = strchr(tabs, s[i]);
		if (!p)
			break;
		acc = acc << 6 | (unsigned)(p - tabs);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			sig[o++] = (unsigned char)(acc >> bits);
		}
	}
	EVP_PKEY *k = X509_get_pubkey(x);
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	int ok = EVP_DigestVerifyInit(md, NULL, EVP_sha256(), NULL, k) == 1 &&
	         EVP_DigestVerify(md, sig, o, (const unsigned char *)jwt, (size_t)(d2 - jwt)) == 1;
	EVP_MD_CTX_free(md);
	EVP_PKEY_free(k);
	X509_free(x);
	free(sig);
	return ok;
}

static void token_reply(int fd, int aud, int msi)
{
	const char *t = issue(aud);
	char b[512];
	int n = msi ? snprintf(b, sizeof b, "{\"access_token\":\"%s\",\"expires_on\":\"%ld\",\"resource\":\"x\","
	                       "\"token_type\":\"Bearer\"}", t, (long)time(NULL) + token_ttl)
	            : snprintf(b, sizeof b, "{\"token_type\":\"Bearer\",\"expires_in\":%d,\"access_token\":\"%s\"}",
	                       token_ttl, t);
	respond(fd, 200, NULL, b, (size_t)n);
}

/* ---- storage data plane ---- */
static int dp_logging(const char *account, const char *svc)
{
	return !(aza__strieq(account, "sto1125") && !strcmp(svc, "queue"));
}

/* Services an account has, by kind (as the collector judges them). */
static int dp_services(const char *text)
{
	const char *k = strstr(text, "\"kind\":\"");
	if (k && !strncmp(k + 8, "FileStorage\"", 12))
		return 0;
	if (k && (!strncmp(k + 8, "BlockBlobStorage\"", 17) || !strncmp(k + 8, "BlobStorage\"", 12)))
		return 1;
	return 7;
}

static int is_account(const obj *o)
{
	const char *p = aza__istrstr(o->id, "/storageAccounts/");
	return o->arg && p && !strchr(p + 17, '/');
}

static void dp_props_xml(aza_buf *b, const char *account, const char *svc)
{
	const char *on = dp_logging(account, svc) ? "true" : "false";
	aza_buf__printf(b, "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?><StorageServiceProperties><Logging>"
	                "<Version>1.0</Version><Read>%s</Read><Write>%s</Write><Delete>%s</Delete><RetentionPolicy>"
	                "<Enabled>true</Enabled><Days>7</Days></RetentionPolicy></Logging><HourMetrics><Version>1.0"
	                "</Version><Enabled>false</Enabled><RetentionPolicy><Enabled>false</Enabled></RetentionPolicy>"
	                "</HourMetrics><Cors /></StorageServiceProperties>", on, on, on);
}

static void dataplane(int fd, req *r)
{
	char svc[16] = "", account[64] = "";
	if (sscanf(r->path, "/_dp/%15[a-z]/%63[a-z0-9]", svc, account) != 2) {
		respond_err(fd, 400, "InvalidUri", "bad data-plane path", NULL);
		return;
	}
	char *comp = qparam(r->query, "comp");
	aza_buf b;
	aza_buf__init(&b, 1 << 24);
	if (comp && !strcmp(comp, "properties")) {
		dp_props_xml(&b, account, svc);
	} else if (comp && !strcmp(comp, "list") && !strcmp(svc, "blob")) {
		const obj *acc = NULL;
		for (size_t i = 0; i < nobjs && !acc; i++)
			if (is_account(&objs[i]) && aza__iends(objs[i].id, account) && objs[i].id[strlen(objs[i].id) - strlen(account) - 1] == '/')
				acc = &objs[i];
		char *mk = qparam(r->query, "marker");
		size_t off = mk ? strtoul(mk + (*mk == 'm'), NULL, 10) : 0;
		free(mk);
		aza_buf__adds(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?><EnumerationResults ServiceEndpoint=\"x\"><Containers>");
		size_t k = 0, emitted = 0;
		int more = 0;
		char key[600];
		entry *e = NULL;
		if (acc) {
			snprintf(key, sizeof key, "%s/blobServices/default/containers", acc->id);
			e = get(key, strlen(key), 0);
		}
		for (size_t i = 0; e && i < e->n; i++, k++) {
			if (k < off)
				continue;
			if (emitted == (size_t)page_size) {
				more = 1;
				break;
			}
			aza_arena a;
			aza_arena__init(&a);
			aza_json *j;
			aza_jerr je;
			const char *t = objs[e->items[i]].text;
			if (!aza_json__parse_all(&a, t, strlen(t), &j, &je)) {
				const char *nm = aza_json_str(aza_json_get(j, "name"));
				const char *pa = aza_json_str(aza_json_path(j, "properties.publicAccess"));
				aza_buf__printf(&b, "<Container><Name>%s</Name><Properties><Etag>&quot;0x1&quot;</Etag>", nm ? nm : "x");
				if (pa && !aza__strieq(pa, "None"))
					aza_buf__printf(&b, "<PublicAccess>%s</PublicAccess>", aza__strieq(pa, "Container") ? "container" : "blob");
				aza_buf__adds(&b, "</Properties></Container>");
				emitted++;
			}
			aza_arena__release(&a);
		}
		aza_buf__adds(&b, "</Containers>");
		if (more)
			aza_buf__printf(&b, "<NextMarker>m%zu</NextMarker>", off + emitted);
		else
			aza_buf__adds(&b, "<NextMarker />");
		aza_buf__adds(&b, "</EnumerationResults>");
	} else {
		free(comp);
		aza_buf__release(&b);
		respond_err(fd, 400, "InvalidQueryParameterValue", "unsupported data-plane request", NULL);
		return;
	}
	free(comp);
	respond(fd, 200, NULL, b.p, b.len);
	aza_buf__release(&b);
}

/* ---- Key Vault data plane ---- */
/* The rotation policy of a key (GetKeyRotationPolicy-example, 7.5): 1
 * written into b, 0 for a key the vault does not hold. */
static int kv_key_policy(aza_buf *b, const char *vault, const char *key)
{
	int rotate = (!strcmp(vault, "kvpass") && !strcmp(key, "rotated-key")) ||
	             (strcmp(vault, "kvpass") && !strcmp(key, "sample-key-name-1"));
	int notify = strcmp(vault, "kvpass") && !strcmp(key, "sample-key-name-2");
	if (!rotate && !notify)
		return 0;
	aza_buf__printf(b, "{\"id\":\"https://%s.vault.azure.net/keys/%s/rotationpolicy\",\"lifetimeActions\":[", vault, key);
	if (rotate)
		aza_buf__adds(b, "{\"trigger\":{\"timeAfterCreate\":\"P90D\"},\"action\":{\"type\":\"Rotate\"}},");
	aza_buf__adds(b, "{\"trigger\":{\"timeBeforeExpiry\":\"P30D\"},\"action\":{\"type\":\"Notify\"}}],\"attributes\":");
	aza_buf__adds(b, rotate ? "{\"expiryTime\":\"P2Y\",\"created\":1482188947,\"updated\":1482188948}}" : "{}}");
	return 1;
}

/* The certificates of a vault, in list order, and their validity. */
static int kv_certs(const char *vault, const char **names, int *months)
{
	if (!strcmp(vault, "kvpass")) {
		names[0] = "kvpass-cert";
		months[0] = 12;
		return 1;
	}
	names[0] = "cert12";
	months[0] = 12;
	names[1] = "cert24";
	months[1] = 24;
	return 2;
}

/* A certificate list item (GetCertificates-example, 7.5). */
static void kv_cert_item(aza_buf *b, const char *vault, const char *name)
{
	aza_buf__printf(b, "{\"id\":\"https://%s.vault.azure.net/certificates/%s\",\"x5t\":\"fLi3U52HunIVNXubkEnf8tP6Wbo\","
	                "\"attributes\":{\"enabled\":true,\"nbf\":1430344421,\"exp\":2208988799,\"created\":1482188987,"
	                "\"updated\":1482188987}}", vault, name);
}

/* A certificate policy (GetCertificatePolicy-example, 7.5). */
static void kv_cert_policy(aza_buf *b, const char *vault, const char *name, int months)
{
	aza_buf__printf(b, "{\"id\":\"https://%s.vault.azure.net/certificates/%s/policy\",\"key_props\":{\"exportable\":true,"
	                "\"kty\":\"RSA\",\"key_size\":2048,\"reuse_key\":false},\"secret_props\":{\"contentType\":"
	                "\"application/x-pkcs12\"},\"x509_props\":{\"subject\":\"CN=%s\",\"ekus\":[],\"key_usage\":[],"
	                "\"validity_months\":%d},\"lifetime_actions\":[{\"trigger\":{\"lifetime_percentage\":80},\"action\":"
	                "{\"action_type\":\"EmailContacts\"}}],\"issuer\":{\"name\":\"Self\"},\"attributes\":{\"enabled\":true,"
	                "\"created\":1482188947,\"updated\":1482188947}}", vault, name, name, months);
}

static int is_vault(const obj *o)
{
	const char *p = aza__istrstr(o->id, "/providers/Microsoft.KeyVault/vaults/");
	return o->arg && p && !strchr(p + 37, '/');
}

static void kv_dataplane(int fd, req *r)
{
	char vault[64] = "", a[32] = "", nm[128] = "", b2[32] = "";
	int n = sscanf(r->path, "/_kv/%63[a-z0-9-]/%31[^/]/%127[^/]/%31s", vault, a, nm, b2);
	char *ver = qparam(r->query, "api-version");
	int v75 = ver && !strcmp(ver, "7.5");
	free(ver);
	if (n < 2) {
		respond_err(fd, 400, "BadParameter", "bad data-plane path", NULL);
		return;
	}
	if (!v75) {
		respond_err(fd, 400, "BadParameter", "The specified version is not recognized. Consider using the latest supported version.", NULL);
		return;
	}
	aza_buf b;
	aza_buf__init(&b, 1 << 20);
	const char *names[4];
	int months[4], nc = kv_certs(vault, names, months);
	if (n == 4 && !strcmp(a, "keys") && !strcmp(b2, "rotationpolicy")) {
		if (!kv_key_policy(&b, vault, nm)) {
			aza_buf__release(&b);
			respond_err(fd, 404, "KeyNotFound", "A key with (name/id) was not found in this key vault.", NULL);
			return;
		}
	} else if (n == 2 && !strcmp(a, "certificates")) {
		char *st = qparam(r->query, "$skiptoken");
		int off = st ? atoi(st) : 0;
		free(st);
		aza_buf__adds(&b, "{\"value\":[");
		if (off >= 0 && off < nc)
			kv_cert_item(&b, vault, names[off]);
		if (off + 1 < nc)
			aza_buf__printf(&b, "],\"nextLink\":\"http://127.0.0.1:%d/_kv/%s/certificates?api-version=7.5&$skiptoken=%d"
			                "&maxresults=1\"}", port, vault, off + 1);
		else
			aza_buf__adds(&b, "],\"nextLink\":null}");
	} else if (n == 4 && !strcmp(a, "certificates") && !strcmp(b2, "policy")) {
		int i = 0;
		while (i < nc && strcmp(names[i], nm))
			i++;
		if (i == nc) {
			aza_buf__release(&b);
			respond_err(fd, 404, "CertificateNotFound", "A certificate with (name/id) was not found in this key vault.", NULL);
			return;
		}
		kv_cert_policy(&b, vault, names[i], months[i]);
	} else {
		aza_buf__release(&b);
		respond_err(fd, 404, "NotFound", "unsupported data-plane request", NULL);
		return;
	}
	respond(fd, 200, NULL, b.p, b.len);
	aza_buf__release(&b);
}

/* --budget RATE:BURST: Resource Manager reads (Resource Graph included) as
 * a token bucket; each response tells the reads left, an empty bucket
 * answers 429 with Retry-After. */
static double budget_rate, budget_burst, budget_tokens, budget_last;
static long n_throttled;

static int take_budget(void)
{
	if (budget_rate <= 0)
		return 0;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	double t = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
	pthread_mutex_lock(&mu);
	if (budget_last == 0)
		budget_tokens = budget_burst;
	else
		budget_tokens += (t - budget_last) * budget_rate;
	if (budget_tokens > budget_burst)
		budget_tokens = budget_burst;
	budget_last = t;
	int wait = 0;
	if (budget_tokens < 1) {
		wait = (int)((1 - budget_tokens) / budget_rate) + 1;
		n_throttled++;
	} else
		budget_tokens -= 1;
	snprintf(auto_hdr, sizeof auto_hdr, "x-ms-ratelimit-remaining-subscription-reads: %ld\r\n", (long)budget_tokens);
	pthread_mutex_unlock(&mu);
	return wait;
}

static void handle(int fd, req *r)
{
	auto_hdr[0] = 0;
	pthread_mutex_lock(&mu);
	n_requests++;
	if (logfp) {
		fprintf(logfp, "%s %s\n", r->method, r->path);
		fflush(logfp);
	}
	pthread_mutex_unlock(&mu);
	if (!strncmp(r->path, "/_emu/", 6)) {
		char b[512];
		if (!strcmp(r->path, "/_emu/fault")) {
			char *sp = qparam(r->query, "spec");
			int rc = sp ? add_fault(sp) : -1;
			free(sp);
			respond(fd, rc ? 400 : 200, NULL, "{}", 2);
			return;
		}
		int n = snprintf(b, sizeof b, "{\"requests\":%ld,\"tokens\":%ld,\"arm\":%ld,\"graph\":%ld,\"arg\":%ld,"
		                 "\"faults\":%ld,\"throttled\":%ld}", n_requests, n_tokens, n_arm, n_graph, n_arg, n_faults,
		                 n_throttled);
		respond(fd, 200, NULL, b, (size_t)n);
		return;
	}
	if (latency_ms) {
		struct timespec ts = {latency_ms / 1000, (long)(latency_ms % 1000) * 1000000L};
		nanosleep(&ts, NULL);
	}
	const char *fk = take_fault(r->target, r->body);
	/* Token endpoints. */
	if (aza__istrstr(r->path, "/oauth2/v2.0/token")) {
		if (fk) {
			respond_err(fd, 401, "invalid_client", "AADSTS7000215: Invalid client secret provided.", NULL);
			return;
		}
		char *cid = qparam(r->body ? r->body : "", "client_id");
		char *cs = qparam(r->body ? r->body : "", "client_secret");
		char *ca = qparam(r->body ? r->body : "", "client_assertion");
		char *sc = qparam(r->body ? r->body : "", "scope");
		int ok = cid && !strcmp(cid, CLIENT) && sc &&
		         ((cs && !strcmp(cs, secret)) || (ca && fedtoken && !strcmp(ca, fedtoken)) ||
		          (ca && verify_assertion(ca)));
		if (ok)
			token_reply(fd, aud_of(sc), 0);
		else
			respond(fd, 401, NULL, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215\"}", 61);
		free(cid);
		free(cs);
		free(ca);
		free(sc);
		return;
	}
	if (!strcmp(r->path, "/metadata/identity/oauth2/token") || !strcmp(r->path, "/msi/token")) {
		int imds = r->path[1] == 'm' && r->path[2] == 'e';
		char *res = qparam(r->query, "resource");
		if ((imds && strcmp(r->metadata, "true")) || (!imds && strcmp(r->idh, idheader)) || !res)
			respond_err(fd, 400, "bad_request", "missing header or resource", NULL);
		else
			token_reply(fd, aud_of(res), 1);
		free(res);
		return;
	}
	int graph = !strncmp(r->path, "/v1.0/", 6);
	int dp = !strncmp(r->path, "/_dp/", 5);
	int kvdp = !strncmp(r->path, "/_kv/", 5);
	const char *terr = check_token(r->auth, graph ? 2 : dp ? 3 : kvdp ? 4 : 1, fk && !strcmp(fk, "expire"));
	if (terr) {
		respond_err(fd, 401, terr, "The access token is invalid or has expired.",
		            "WWW-Authenticate: Bearer error=\"invalid_token\"\r\n");
		return;
	}
	if (!graph && !dp && !kvdp) {
		int wait = take_budget();
		if (wait) {
			char h[64];
			snprintf(h, sizeof h, "Retry-After: %d\r\n", wait);
			respond_err(fd, 429, "ResourceCollectionRequestsThrottled", "Operation was throttled: the read budget is spent.", h);
			return;
		}
	}
	if (fk) {
		if (!strcmp(fk, "429")) {
			char h[64];
			snprintf(h, sizeof h, "Retry-After: %d\r\n", retry_after);
			respond_err(fd, 429, "TooManyRequests", "Rate limit exceeded", h);
			return;
		}
		if (!strcmp(fk, "500") || !strcmp(fk, "503")) {
			respond_err(fd, atoi(fk), "ServerError", "The server had an error", NULL);
			return;
		}
		if (!strcmp(fk, "403")) {
			if (kvdp) {
				/* A vault firewall's refusal, as Key Vault words it. */
				const char *x = "{\"error\":{\"code\":\"Forbidden\",\"message\":\"Client address is not authorized and "
				                "caller is not a trusted service.\\r\\nClient address: 127.0.0.1\\r\\nCaller: appid=emu-client\","
				                "\"innererror\":{\"code\":\"ForbiddenByFirewall\"}}}";
				respond(fd, 403, NULL, x, strlen(x));
			} else if (dp) {
				const char *x = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthorizationPermissionMismatch"
				                "</Code><Message>This request is not authorized to perform this operation using this "
				                "permission.\nRequestId:0</Message></Error>";
				respond(fd, 403, NULL, x, strlen(x));
			} else if (graph)
				respond_err(fd, 403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", NULL);
			else
				respond_err(fd, 403, "AuthorizationFailed", "The client does not have authorization to perform action "
				            "over scope or the scope is invalid.", NULL);
			return;
		}
		if (!strcmp(fk, "404")) {
			respond_err(fd, 404, "ResourceNotFound", "not found", NULL);
			return;
		}
		if (!strcmp(fk, "nopremium")) {
			respond_err(fd, 403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
			            "Neither tenant is B2C or tenant doesn't have premium license", NULL);
			return;
		}
		if (!strcmp(fk, "nop2")) {
			/* Resource Manager's Privileged Identity Management calls
			 * word it as reported for roleAssignmentScheduleInstances
			 * (JulianHayward/Azure-MG-Sub-Governance-Reporting#114). */
			respond_err(fd, 400, "AadPremiumLicenseRequired",
			            graph ? "The tenant needs to have Microsoft Entra ID P2 or Microsoft Entra ID Governance license."
			                  : "The tenant needs an AAD Premium 2 license.", NULL);
			return;
		}
		if (!strcmp(fk, "noauditlog")) {
			respond_err(fd, 403, "Authentication_MSGraphPermissionMissing",
			            "Calling principal does not have required MSGraph permissions AuditLog.Read.All", NULL);
			return;
		}
		if (!strcmp(fk, "slow")) {
			struct timespec ts = {slow_ms / 1000, (long)(slow_ms % 1000) * 1000000L};
			nanosleep(&ts, NULL);
		}
		if (!strcmp(fk, "reset")) {
			struct linger lg = {1, 0};
			setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
			r->close = 2;
			return;
		}
		if (!strcmp(fk, "novalue")) {
			/* A 200 whose body lacks the list ("value"): valid JSON of the
			 * wrong shape, which must not read as an empty list. */
			respond(fd, 200, NULL, "{}", 2);
			return;
		}
		if (!strcmp(fk, "invalid")) {
			respond(fd, 200, NULL, "{\"value\": [ {\"id\": ", 19);
			return;
		}
		if (!strcmp(fk, "truncate")) {
			const char *h = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"value\":[{\"id\":\"/subscriptions/x";
			send_all(fd, h, strlen(h));
			r->close = 1;
			return;
		}
	}
	int loop = fk && !strcmp(fk, "loop");
	if (dp && fk && !strcmp(fk, "partiallogging")) {
		/* Service properties whose Logging element lacks Read (an XML the
		 * REST reference does not allow, seen from proxies that rewrite it):
		 * the collector leaves the member out rather than say false. */
		const char *x = "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?><StorageServiceProperties><Logging>"
		                "<Version>1.0</Version><Write>true</Write><Delete>true</Delete><RetentionPolicy>"
		                "<Enabled>true</Enabled><Days>7</Days></RetentionPolicy></Logging></StorageServiceProperties>";
		respond(fd, 200, NULL, x, strlen(x));
		return;
	}
	if (dp) {
		dataplane(fd, r);
		return;
	}
	if (kvdp) {
		kv_dataplane(fd, r);
		return;
	}
	if (!strcmp(r->method, "POST") && aza__iends(r->path, "/listKeys")) {
		char b[512];
		int n = snprintf(b, sizeof b, "{\"keys\":[{\"keyName\":\"key1\",\"value\":\"%s\",\"permissions\":\"FULL\"},"
		                 "{\"keyName\":\"key2\",\"value\":\"%s\",\"permissions\":\"FULL\"}]}", storage_key, storage_key);
		respond(fd, 200, NULL, b, (size_t)n);
		return;
	}
	if (graph) {
		pthread_mutex_lock(&mu);
		n_graph++;
		pthread_mutex_unlock(&mu);
		/* Graph returns signInActivity only when it is selected. */
		char *sel = qparam(r->query, "$select");
		const char *key = aza__strieq(r->path, "/v1.0/users") && sel && aza__istrstr(sel, "signInActivity") ? USERS_SIGNIN
		                                                                                                   : r->path;
		free(sel);
		/* An OData cast of a directory object list is an advanced query:
		 * without ConsistencyLevel eventual and $count=true Graph refuses it. */
		char *cnt = qparam(r->query, "$count");
		int adv = !strcmp(r->consistency, "eventual") && cnt && !strcmp(cnt, "true");
		free(cnt);
		if (aza__istrstr(r->path, "/transitiveMembers/microsoft.graph.") && !adv) {
			respond_err(fd, 400, "Request_UnsupportedQuery", "Unsupported Query.", NULL);
			return;
		}
		/* The group's eligibilities, by the group its $filter names. */
		char gkey[256];
		if (aza__strieq(r->path, GELIG)) {
			char *f = qparam(r->query, "$filter");
			const char *q = f && aza__istarts(f, "groupId eq '") ? f + 12 : NULL;
			size_t n = q ? strcspn(q, "'") : 0;
			if (!q || q[n] != '\'' || q[n + 1] || n > 64) {
				free(f);
				respond_err(fd, 400, "BadRequest", "The request requires a $filter on groupId or principalId.", NULL);
				return;
			}
			snprintf(gkey, sizeof gkey, GELIG "/%.*s", (int)n, q);
			free(f);
			entry *ge = get(gkey, strlen(gkey), 0);
			page(fd, ge, r->path, r->query, 1, loop);
			return;
		}
		entry *e = get(key, strlen(key), 0);
		if (!e) {
			respond_err(fd, 404, "Request_ResourceNotFound", "Resource not found for the segment.", NULL);
			return;
		}
		if (e->one >= 0) {
			const char *t = objs[e->one].text;
			respond(fd, 200, NULL, t, strlen(t));
			return;
		}
		page(fd, e, r->path, r->query, 1, loop);
		return;
	}
	if (!strcmp(r->method, "POST") && aza__istrstr(r->path, "/providers/Microsoft.ResourceGraph/resources")) {
		pthread_mutex_lock(&mu);
		n_arg++;
		pthread_mutex_unlock(&mu);
		arg_query(fd, r);
		return;
	}
	pthread_mutex_lock(&mu);
	n_arm++;
	pthread_mutex_unlock(&mu);
	/* A site's metadata is read with POST .../config/metadata/list only. */
	if (aza__iends(r->path, "/config/metadata") || aza__iends(r->path, "/config/metadata/list")) {
		int list = aza__iends(r->path, "/list");
		entry *m = get(r->path, strlen(r->path) - (list ? 5 : 0), 0);
		if (!list || strcmp(r->method, "POST"))
			respond_err(fd, 405, "MethodNotAllowed", "The requested method is not allowed.", NULL);
		else if (!m || m->one < 0)
			respond_err(fd, 404, "ResourceNotFound", "The resource was not found.", NULL);
		else
			respond(fd, 200, NULL, objs[m->one].text, strlen(objs[m->one].text));
		return;
	}
	if (!strcmp(r->path, "/subscriptions")) {
		aza_buf b;
		aza_buf__init(&b, 1 << 26);
		aza_buf__adds(&b, "{\"value\":[");
		for (int i = 0; i < nsubs - hidden_subs; i++)
			aza_buf__printf(&b, "%s{\"id\":\"/subscriptions/%s\",\"subscriptionId\":\"%s\",\"tenantId\":\"" TENANT
			                "\",\"displayName\":\"emu-sub-%d\",\"state\":\"Enabled\"}", i ? "," : "", subs[i],
			                subs[i], i + 1);
		aza_buf__adds(&b, "]}");
		respond(fd, 200, NULL, b.p, b.len);
		aza_buf__release(&b);
		return;
	}
	entry *e = get(r->path, strlen(r->path), 0);
	if (e && e->one >= 0) {
		const char *t = objs[e->one].text;
		respond(fd, 200, NULL, t, strlen(t));
		return;
	}
	if (e || loop) {
		page(fd, e, r->path, r->query, 0, loop);
		return;
	}
	/* An empty list below an object that exists, else 404. */
	size_t n = strlen(r->path);
	while (n > 1) {
		while (n > 0 && r->path[n - 1] != '/')
			n--;
		if (n <= 1)
			break;
		n--;
		entry *p = get(r->path, n, 0);
		int is_sub = 0;
		for (int i = 0; i < nsubs; i++) {
			char s[128];
			int sl = snprintf(s, sizeof s, "/subscriptions/%s", subs[i]);
			is_sub |= (size_t)sl == n && aza__strnieq(r->path, s, n);
		}
		if ((p && p->one >= 0) || is_sub) {
			page(fd, NULL, r->path, r->query, 0, 0);
			return;
		}
	}
	respond_err(fd, 404, "ResourceNotFound", "The resource was not found.", NULL);
}

static int read_req(int fd, char *buf, size_t cap, size_t *have, req *r)
{
	char *end;
	for (;;) {
		buf[*have] = 0;
		if ((end = strstr(buf, "\r\n\r\n")))
			break;
		if (*have + 1 >= cap)
			return -1;
		ssize_t k = recv(fd, buf + *have, cap - 1 - *have, 0);
		if (k <= 0)
			return -1;
		*have += (size_t)k;
	}
	memset(r, 0, sizeof *r);
	size_t hlen = (size_t)(end - buf) + 4;
	if (sscanf(buf, "%15s %8191s", r->method, r->target) != 2)
		return -1;
	size_t clen = 0;
	for (char *l = strstr(buf, "\r\n"); l && l < end; l = strstr(l + 2, "\r\n")) {
		char *h = l + 2;
		if (aza__strnieq(h, "Content-Length:", 15))
			clen = strtoul(h + 15, NULL, 10);
		else if (aza__strnieq(h, "Authorization:", 14))
			sscanf(h + 14, " %511[^\r]", r->auth);
		else if (aza__strnieq(h, "Metadata:", 9))
			sscanf(h + 9, " %31[^\r]", r->metadata);
		else if (aza__strnieq(h, "ConsistencyLevel:", 17))
			sscanf(h + 17, " %31[^\r]", r->consistency);
		else if (aza__strnieq(h, "X-IDENTITY-HEADER:", 18))
			sscanf(h + 18, " %255[^\r]", r->idh);
		else if (aza__strnieq(h, "Connection: close", 17))
			r->close = 1;
	}
	char *q = strchr(r->target, '?');
	snprintf(r->path, sizeof r->path, "%.*s", (int)(q ? (size_t)(q - r->target) : strlen(r->target)), r->target);
	snprintf(r->query, sizeof r->query, "%s", q ? q + 1 : "");
	r->body = malloc(clen + 1);
	size_t got = *have - hlen < clen ? *have - hlen : clen;
	memcpy(r->body, buf + hlen, got);
	while (got < clen) {
		ssize_t k = recv(fd, r->body + got, clen - got, 0);
		if (k <= 0) {
			free(r->body);
			return -1;
		}
		got += (size_t)k;
	}
	r->body[clen] = 0;
	r->blen = clen;
	size_t used = hlen + (*have - hlen < clen ? *have - hlen : clen);
	memmove(buf, buf + used, *have - used);
	*have -= used;
	return 0;
}

static void *conn(void *arg)
{
	int fd = (int)(intptr_t)arg;
	size_t cap = 1 << 20, have = 0;
	char *buf = malloc(cap);
	req *r = malloc(sizeof *r);
	while (read_req(fd, buf, cap, &have, r) == 0) {
		handle(fd, r);
		free(r->body);
		if (r->close)
			break;
	}
	close(fd);
	free(buf);
	free(r);
	return NULL;
}

/* ---- dump: the same tenant as offline files ---- */
static void dump(const char *dir, const char *from)
{
	mkdir(dir, 0755);
	char fn[1024];
	snprintf(fn, sizeof fn, "%s/resources.json", dir);
	FILE *fp = fopen(fn, "w");
	if (!fp)
		die("cannot write the dump");
	fputs("[\n", fp);
	int first = 1;
	for (size_t i = 0; i < nobjs; i++) {
		if (objs[i].sub < 0)
			continue;
		fprintf(fp, "%s%s", first ? "" : ",\n", objs[i].text);
		first = 0;
	}
	fputs("\n]\n", fp);
	fclose(fp);
	snprintf(fn, sizeof fn, "%s/tenant.json", dir);
	fp = fopen(fn, "w");
	fprintf(fp, "{\"snapshot_version\":\"1.0\",\"meta\":{\"tenant_id\":\"" TENANT "\",\"subscriptions\":[");
	for (int i = 0; i < nsubs; i++)
		fprintf(fp, "%s{\"id\":\"%s\",\"name\":\"emu-sub-%d\"}", i ? "," : "", subs[i], i + 1);
	fprintf(fp, "]");
	if (from) {
		/* The data sets the collector listed: what was asked for. */
		FILE *sf = fopen(from, "rb");
		aza_buf b;
		aza_buf__init(&b, (size_t)1 << 30);
		char tmp[65536];
		size_t n;
		while (sf && (n = fread(tmp, 1, sizeof tmp, sf)) > 0)
			aza_buf__add(&b, tmp, n);
		if (sf)
			fclose(sf);
		aza_json *j;
		aza_jerr je;
		if (b.p && !aza_json__parse_all(&ar, b.p, b.len, &j, &je)) {
			aza_buf o;
			aza_buf__init(&o, 1 << 24);
			aza_json__write(&o, aza_json_path(j, "meta.datasets"));
			aza_buf__addc(&o, 0);
			fprintf(fp, ",\"datasets\":%s", o.p);
			aza_buf__release(&o);
		}
		aza_buf__release(&b);
	}
	fprintf(fp, "},\"directory\":{");
	int fk = 1;
	for (size_t g = 0; g < sizeof gfiles / sizeof gfiles[0]; g++) {
		if (g > 0 && !strcmp(gfiles[g].path, gfiles[g - 1].path))
			continue;
		if (gfiles[g].body) {
			/* A body of this file: saved as the bare Graph response it is
			 * (its @odata.context names the data set), as a user saves
			 * what az rest prints. */
			char gn[1024];
			snprintf(gn, sizeof gn, "%s/graph-%s.json", dir, gkeys[g]);
			FILE *gf = fopen(gn, "w");
			if (!gf || fputs(gfiles[g].body, gf) < 0 || fclose(gf))
				die("cannot write the dump");
			continue;
		}
		entry *e = get(gfiles[g].path, strlen(gfiles[g].path), 0);
		fprintf(fp, "%s\"%s\":", fk ? "" : ",", gkeys[g]);
		fk = 0;
		if (e->one >= 0) {
			fputs(objs[e->one].text, fp);
			continue;
		}
		fputc('[', fp);
		for (size_t i = 0; i < e->n; i++)
			fprintf(fp, "%s%s", i ? "," : "", objs[e->items[i]].text);
		fputc(']', fp);
	}
	/* The users of the groups holding a role and of the group eligible for
	 * one's membership, and the eligibilities of the first two, as the
	 * collector keeps them. */
	static const char *groups[] = {GROUP_A, GROUP_B, GROUP_C};
	static const char *names[] = {"Security Operators", "Executives", "Responders"};
	for (int set = 0; set < 2; set++) {
		fprintf(fp, set ? ",\"groupEligibility\":[" : ",\"groupMembers\":[");
		for (size_t g = 0; g < (set ? 2u : 3u); g++) {
			char key[256];
			if (set)
				snprintf(key, sizeof key, GELIG "/%s", groups[g]);
			else
				snprintf(key, sizeof key, "/v1.0/groups/%s/transitiveMembers/microsoft.graph.user", groups[g]);
			entry *e = get(key, strlen(key), 0);
			fprintf(fp, "%s{\"groupId\":\"%s\"", g ? "," : "", groups[g]);
			if (!set)
				fprintf(fp, ",\"displayName\":\"%s\"", names[g]);
			fprintf(fp, ",\"%s\":[", set ? "eligible" : "members");
			for (size_t i = 0; e && i < e->n; i++)
				fprintf(fp, "%s%s", i ? "," : "", objs[e->items[i]].text);
			fputs("]}", fp);
		}
		fputc(']', fp);
	}
	fprintf(fp, "},\"dataplane\":{\"storage\":[");
	int fd1 = 1;
	for (size_t i = 0; i < nobjs; i++) {
		if (!is_account(&objs[i]))
			continue;
		int mask = dp_services(objs[i].text);
		const char *nm = strrchr(objs[i].id, '/') + 1;
		static const char *sv[] = {"blob", "queue", "table"};
		for (int k = 0; k < 3; k++) {
			if (!(mask & 1 << k))
				continue;
			const char *on = dp_logging(nm, sv[k]) ? "true" : "false";
			fprintf(fp, "%s{\"account\":\"%s\",\"service\":\"%s\",\"logging\":{\"version\":\"1.0\",\"read\":%s,"
			        "\"write\":%s,\"delete\":%s,\"retentionPolicy\":{\"enabled\":true,\"days\":7}}}", fd1 ? "" : ",",
			        objs[i].id, sv[k], on, on, on);
			fd1 = 0;
		}
	}
	/* Each vault's entry, as the collector writes it. */
	fprintf(fp, "],\"keyvault\":[");
	int fv = 1;
	for (size_t i = 0; i < nobjs; i++) {
		if (!is_vault(&objs[i]))
			continue;
		const char *vn = strrchr(objs[i].id, '/') + 1;
		aza_buf b;
		aza_buf__init(&b, 1 << 24);
		aza_buf__printf(&b, "%s{\"vault\":\"%s\",\"keys\":[", fv ? "" : ",", objs[i].id);
		fv = 0;
		char key[600];
		snprintf(key, sizeof key, "%s/keys", objs[i].id);
		entry *e = get(key, strlen(key), 0);
		for (size_t k = 0; e && k < e->n; k++) {
			const char *kn = strrchr(objs[e->items[k]].id, '/') + 1;
			aza_buf__printf(&b, "%s{\"name\":\"%s\",\"rotationPolicy\":", k ? "," : "", kn);
			if (!kv_key_policy(&b, vn, kn))
				aza_buf__adds(&b, "{}");
			aza_buf__addc(&b, '}');
		}
		aza_buf__adds(&b, "],\"certificates\":[");
		const char *cnames[4];
		int months[4], nc = kv_certs(vn, cnames, months);
		for (int k = 0; k < nc; k++) {
			aza_buf__adds(&b, k ? ",{" : "{");
			aza_buf__printf(&b, "\"id\":\"https://%s.vault.azure.net/certificates/%s\",\"policy\":", vn, cnames[k]);
			kv_cert_policy(&b, vn, cnames[k], months[k]);
			aza_buf__addc(&b, '}');
		}
		aza_buf__adds(&b, "]}");
		fwrite(b.p, 1, b.len, fp);
		aza_buf__release(&b);
	}
	fprintf(fp, "]}}\n");
	fclose(fp);
}

int main(int argc, char **argv)
{
	const char *port_file = NULL, *dumpdir = NULL, *from = NULL;
	aza_arena__init(&ar);
	signal(SIGPIPE, SIG_IGN);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
#define OPT(name) (!strcmp(a, name) && v && (i++, 1))
		if (OPT("--examples"))
			root = v;
		else if (OPT("--port-file"))
			port_file = v;
		else if (OPT("--subs"))
			nsubs = atoi(v);
		else if (OPT("--page-size"))
			page_size = atoi(v);
		else if (OPT("--mg-page-size"))
			mg_page_size = atoi(v);
		else if (OPT("--hidden-subs"))
			hidden_subs = atoi(v);
		else if (OPT("--latency"))
			latency_ms = atoi(v);
		else if (OPT("--token-ttl"))
			token_ttl = atoi(v);
		else if (OPT("--extra"))
			extra = atoi(v);
		else if (OPT("--retry-after"))
			retry_after = atoi(v);
		else if (OPT("--slow-ms"))
			slow_ms = atoi(v);
		else if (OPT("--cli-token"))
			cli_token = v;
		else if (OPT("--secret"))
			secret = v;
		else if (OPT("--federated-token"))
			fedtoken = v;
		else if (OPT("--identity-header"))
			idheader = v;
		else if (OPT("--budget")) {
			if (sscanf(v, "%lf:%lf", &budget_rate, &budget_burst) != 2 || budget_rate <= 0 || budget_burst < 1)
				die("--budget RATE:BURST");
		} else if (OPT("--azurite-account"))
			azurite_account = v;
		else if (OPT("--storage-key"))
			storage_key = v;
		else if (OPT("--cert"))
			certpath = v;
		else if (OPT("--dump"))
			dumpdir = v;
		else if (OPT("--datasets-from"))
			from = v;
		else if (OPT("--log"))
			logfp = fopen(v, "a");
		else if (OPT("--fault")) {
			if (add_fault(v))
				die("too many faults");
		} else {
			fprintf(stderr, "emu: bad argument '%s'\n", a);
			return 2;
		}
	}
	if (nsubs < 1 || page_size < 1)
		die("bad --subs or --page-size");
	subs = calloc((size_t)nsubs, sizeof *subs);
	for (int i = 0; i < nsubs; i++) {
		subs[i] = malloc(64);
		snprintf(subs[i], 64, "00000000-0000-0000-0000-%012d", i + 1);
	}
	for (int i = 0; i < nsubs; i++)
		build_sub(i);
	build_graph();
	build_members();
	build_mg();
	if (dumpdir) {
		dump(dumpdir, from);
		return 0;
	}
	int s = socket(AF_INET, SOCK_STREAM, 0);
	int one = 1;
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	struct sockaddr_in sa;
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t sl = sizeof sa;
	if (bind(s, (struct sockaddr *)&sa, sizeof sa) || listen(s, 512) || getsockname(s, (struct sockaddr *)&sa, &sl))
		die("cannot listen on loopback");
	port = ntohs(sa.sin_port);
	if (port_file) {
		char tmp[1024];
		snprintf(tmp, sizeof tmp, "%s.tmp", port_file);
		FILE *fp = fopen(tmp, "w");
		fprintf(fp, "%d\n", port);
		fclose(fp);
		rename(tmp, port_file);
	} else {
		printf("%d\n", port);
		fflush(stdout);
	}
	for (;;) {
		int c = accept(s, NULL, NULL);
		if (c < 0) {
			if (errno == EINTR)
				continue;
			die("accept failed");
		}
		setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
		pthread_t t;
		pthread_attr_t at;
		pthread_attr_init(&at);
		pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
		pthread_attr_setstacksize(&at, 256 << 10);
		if (pthread_create(&t, &at, conn, (void *)(intptr_t)c))
			close(c);
		pthread_attr_destroy(&at);
	}
}
