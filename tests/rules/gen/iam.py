import sys; import os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *
import copy
T = '72f988bf-0000-0000-0000-000000000001'
SUBID = f"/subscriptions/{SUB}"
RA = 'Microsoft.Authorization/roleAssignments'
RD = 'Microsoft.Authorization/roleDefinitions'
PA = 'Microsoft.Authorization/policyAssignments'
PD = 'Microsoft.Authorization/policyDefinitions'
OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
CONTRIB = 'b24988ac-6180-42a0-ab88-20f7382dd24c'
UAA = '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9'
READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
GA = '62e90394-69f5-4237-9190-012177145e10'
GREADER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451'

# Graph bodies, shaped after the example responses.
def regrec(id_, upn, mfa, admin=False, utype='member'):
    return {"id": id_, "userPrincipalName": upn, "userDisplayName": upn.split('@')[0], "isAdmin": admin,
            "isSsprRegistered": False, "isSsprEnabled": False, "isSsprCapable": False, "isMfaRegistered": mfa,
            "isMfaCapable": mfa, "isPasswordlessCapable": False, "lastUpdatedDateTime": "2026-10-13T19:15:41.6195833Z",
            "methodsRegistered": ["microsoftAuthenticatorPush"] if mfa else [],
            "isSystemPreferredAuthenticationMethodEnabled": True, "systemPreferredAuthenticationMethods": ["push"] if mfa else [],
            "userPreferredMethodForSecondaryAuthentication": "push" if mfa else "", "userType": utype}
def lst(*items, ctx='users'):
    return {"@odata.context": f"https://graph.microsoft.com/v1.0/$metadata#{ctx}", "value": list(items)}
def user(id_, upn, utype='Member', **kv):
    u = {"businessPhones": [], "displayName": upn.split('@')[0], "givenName": None, "jobTitle": None, "mail": upn,
         "mobilePhone": None, "officeLocation": None, "preferredLanguage": None, "surname": None,
         "userPrincipalName": upn, "id": id_, "userType": utype}
    u.update(kv)
    return u
def dra(pid, role):
    return {"id": f"{role[:8]}-{pid[:8]}-1", "principalId": pid, "resourceScope": "/", "directoryScopeId": "/", "roleDefinitionId": role}
# An eligible directory role assignment (Privileged Identity Management), a
# unifiedRoleEligibilityScheduleInstance shaped after the Graph v1.0
# reference's example (List roleEligibilityScheduleInstances); principal as
# $expand=principal returns it, when given.
ELIGIBLE = 'directoryRoleEligibilityScheduleInstances'
ELI_CTX = 'roleManagement/directory/roleEligibilityScheduleInstances'
def eli(pid, role, principal=None):
    e = {"id": f"{role[:8]}{pid[:8]}-1-e", "principalId": pid, "roleDefinitionId": role, "directoryScopeId": "/",
         "appScopeId": None, "startDateTime": "2026-04-12T14:44:50.287Z", "endDateTime": None, "memberType": "Direct",
         "roleEligibilityScheduleId": f"{pid[:8]}-62f3-4d0c-9f88-0a0391b665cd"}
    if principal: e["principal"] = principal
    return e
NOELIG = lst(ctx=ELI_CTX)
def authz(**kv):
    p = {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#policies/authorizationPolicy/$entity",
         "id": "authorizationPolicy", "allowInvitesFrom": "adminsAndGuestInviters", "allowedToSignUpEmailBasedSubscriptions": True,
         "allowedToUseSSPR": True, "allowEmailVerifiedUsersToJoinOrganization": False, "allowUserConsentForRiskyApps": False,
         "blockMsolPowerShell": None, "displayName": "Authorization Policy",
         "description": "Used to manage authorization related settings across the company.",
         "guestUserRoleId": "2af84b1e-32c8-42b7-82bc-daa82404023b",
         "defaultUserRolePermissions": {"allowedToCreateApps": False, "allowedToCreateSecurityGroups": False,
                                        "allowedToReadOtherUsers": True, "permissionGrantPoliciesAssigned": []}}
    return mod(p, **kv)
def secdef(on):
    return {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#policies/identitySecurityDefaultsEnforcementPolicy",
            "description": "Security defaults is a set of basic identity security mechanisms recommended by Microsoft.",
            "displayName": "Security Defaults", "id": "00000000-0000-0000-0000-000000000005", "isEnabled": on}
def capol(name, state='enabled', users=('All',), apps=('All',), controls=('mfa',), excl=()):
    return {"id": "ad8d2b4a-8d30-413f-88b8-144c6c8d98d9", "displayName": name, "createdDateTime": None, "modifiedDateTime": None,
            "state": state, "sessionControls": None,
            "conditions": {"signInRiskLevels": [], "clientAppTypes": ["all"], "platforms": None, "locations": None,
                           "applications": {"includeApplications": list(apps), "excludeApplications": [], "includeUserActions": []},
                           "users": {"includeUsers": list(users), "excludeUsers": list(excl), "includeGroups": [], "excludeGroups": [],
                                     "includeRoles": [], "excludeRoles": []}},
            "grantControls": {"operator": "OR", "builtInControls": list(controls), "customAuthenticationFactors": [], "termsOfUse": []}}
def gerr(key, status=403, msg="Authorization_RequestDenied: Insufficient privileges to complete the operation."):
    return {"scope": "", "type": key, "api": f"GET graph {key}", "status": status, "message": msg}
# Graph's refusal of the eligibility list in a tenant without Microsoft Entra
# ID P2 or ID Governance (HTTP 400 AadPremiumLicenseRequired, as the
# collector records it: "code: message").
NOP2 = gerr(ELIGIBLE, 400, "AadPremiumLicenseRequired: The tenant needs to have Microsoft Entra ID P2 or Microsoft Entra ID Governance license.")
def ra(name, role, pid, ptype='User', scope=SUBID, rdid=None):
    base = '' if scope == '/' else scope
    return {"properties": {"roleDefinitionId": rdid or f"{SUBID}/providers/Microsoft.Authorization/roleDefinitions/{role}",
                           "principalId": pid, "principalType": ptype, "scope": scope},
            "id": f"{base}/providers/Microsoft.Authorization/roleAssignments/{name}", "type": RA, "name": name}
# An eligible Azure role assignment (Privileged Identity Management for Azure
# resources): a RoleEligibilityScheduleInstance shaped after the REST spec's
# example (Microsoft.Authorization stable 2020-10-01,
# GetRoleEligibilityScheduleInstancesByScope.json), type and id as it spells them.
REI = 'Microsoft.Authorization/roleEligibilityScheduleInstances'
def rei(name, role, pid, ptype='User', scope=SUBID, rname='Owner'):
    base = '' if scope == '/' else scope
    rdid = f"{SUBID}/providers/Microsoft.Authorization/roleDefinitions/{role}"
    return {"properties": {"scope": scope, "roleDefinitionId": rdid, "principalId": pid, "principalType": ptype,
                           "status": "Provisioned",
                           "roleEligibilityScheduleId": f"{base}/providers/Microsoft.Authorization/RoleEligibilitySchedules/{name}",
                           "startDateTime": "2026-09-10T00:32:36.86Z", "endDateTime": "2027-09-10T00:31:41.477Z",
                           "memberType": "Direct", "createdOn": "2026-09-10T00:32:36.86Z",
                           "expandedProperties": {"scope": {"id": scope, "displayName": "fixture-sub", "type": "subscription"},
                                                  "roleDefinition": {"id": rdid, "displayName": rname, "type": "BuiltInRole"},
                                                  "principal": {"id": pid, "displayName": "User Account", "type": ptype}}},
            "name": name, "id": f"{base}/providers/Microsoft.Authorization/RoleEligibilityScheduleInstances/{name}",
            "type": "Microsoft.Authorization/RoleEligibilityScheduleInstances"}
# Resource Manager's refusal of the list (as the collector records it:
# "code: message"): 403 without read access at the scope; 400
# AadPremiumLicenseRequired in a tenant without Microsoft Entra ID P2.
def rei_err(status=403, msg="AuthorizationFailed: The client does not have authorization to perform action "
            "'Microsoft.Authorization/roleEligibilityScheduleInstances/read' over scope.", sub=SUB):
    return {"scope": f"/subscriptions/{sub}", "type": REI, "api": f"/subscriptions/{sub}/providers/{REI}",
            "status": status, "message": msg}
REI_NOP2 = rei_err(400, "AadPremiumLicenseRequired: The tenant needs an AAD Premium 2 license.")
# An eligibility (directory: endDateTime; Azure: properties.endDateTime) that
# ends at `when`: before the fixtures' collected_at (2026-10-31T12:00:00Z) it
# can no longer be activated.
ENDED, ENDS_LATER = "2026-10-01T00:00:00Z", "2026-11-30T00:00:00Z"
def ending(e, when):
    if "properties" in e:
        return dict(e, properties=dict(e["properties"], endDateTime=when))
    return dict(e, endDateTime=when)
def rd(name, rname, rtype='CustomRole', actions=('Microsoft.Compute/*/read',), scopes=(SUBID,), notactions=()):
    return {"properties": {"roleName": rname, "type": rtype, "description": rname, "assignableScopes": list(scopes),
                           "permissions": [{"actions": list(actions), "notActions": list(notactions), "dataActions": [], "notDataActions": []}]},
            "id": f"{SUBID}/providers/Microsoft.Authorization/roleDefinitions/{name}", "type": RD, "name": name}
def snap(resources=(), directory=None, errors=None, datasets=None):
    return snapshot(list(resources), datasets=datasets, errors=errors, directory=directory)
# The users of the groups holding a role, as the collector keeps them under
# directory.groupMembers: GET /groups/{id}/transitiveMembers/microsoft.graph.user
# with $select=id,displayName,userPrincipalName,userType,accountEnabled; a
# group whose call failed has no entry and an error scoped to /groups/{id}
# (older snapshots: to the bare id, which still matches). An entry carries
# the group's displayName (GET /groups/{id}?$select=id,displayName) when
# Graph gave one; older snapshots have none, and the messages keep the id.
GM = 'groupMembers'
def member(id_, upn, utype='Member', enabled=True):
    m = {"id": id_, "displayName": upn.split('@')[0], "userPrincipalName": upn, "userType": utype, "accountEnabled": enabled}
    if utype is DEL: del m["userType"]
    return m
def gmembers(*groups, names=None):
    return [dict({"groupId": g}, **({"displayName": names[g]} if names and g in names else {}), members=list(m)) for g, m in groups]
def gm_err(gid, status=403, msg="Authorization_RequestDenied: Insufficient privileges to complete the operation.", bare=False):
    return {"scope": gid if bare else f"/groups/{gid}", "type": GM, "api": f"/v1.0/groups/{gid}/transitiveMembers/microsoft.graph.user", "status": status, "message": msg}
# Privileged Identity Management for Groups, as the collector keeps it under
# directory.groupEligibility: GET /identityGovernance/privilegedAccess/group/
# eligibilityScheduleInstances?$filter=groupId eq '{id}'&$expand=principal,
# privilegedAccessGroupEligibilityScheduleInstance objects shaped after the
# Graph v1.0 reference's example (List eligibilityScheduleInstances); a
# group whose call failed has no entry and an error scoped to its id.
GE = 'groupEligibility'
GE_API = '/v1.0/identityGovernance/privilegedAccess/group/eligibilityScheduleInstances'
def puser(id_, upn):
    return {"@odata.type": "#microsoft.graph.user", "id": id_, "displayName": upn.split('@')[0], "userPrincipalName": upn}
def pgroup(id_, name):
    return {"@odata.type": "#microsoft.graph.group", "id": id_, "displayName": name, "securityEnabled": True, "mailEnabled": False}
def geli(gid, pid, access='member', end=None, principal=None):
    e = {"id": f"{gid}_{access}_{pid}", "startDateTime": "2026-08-18T00:33:48.8Z", "endDateTime": end, "accessId": access,
         "principalId": pid, "groupId": gid, "memberType": "Direct", "eligibilityScheduleId": f"{gid}_{access}_{pid}"}
    if principal: e["principal"] = principal
    return e
def gelig(*groups):
    return [{"groupId": g, "eligible": list(e)} for g, e in groups]
def ge_err(gid, status=403, msg="UnknownError: {\"errorCode\":\"PermissionScopeNotGranted\",\"message\":\"Authorization failed due to "
           "missing permission scope PrivilegedEligibilitySchedule.Read.AzureADGroup,PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup.\"}"):
    return {"scope": f"/groups/{gid}", "type": GE, "api": GE_API, "status": status, "message": msg}
# Graph's refusal in a tenant without Microsoft Entra ID P2 or ID Governance,
# as for the eligible directory role assignments.
def ge_nop2(gid):
    return ge_err(gid, 400, "AadPremiumLicenseRequired: The tenant needs to have Microsoft Entra ID P2 or Microsoft Entra ID Governance license.")

ALEX, ALLAN, BIANCA, ADELE = ("86462606-fde0-4fc4-9e0c-a20eb73e54c6", "c6ad1942-4afa-47f8-8d48-afb5d8d69d2f",
                             "c8096958-797c-44fa-8fde-a6fb62567cf0", "39807bd1-3dde-48f3-8165-81ddd4e46de0")
REG_OK = lst(regrec(ALEX, "AlexW@contoso.com", True), regrec(BIANCA, "BiancaP@contoso.com", True, admin=True),
             regrec(ALLAN, "AllanD_fabrikam.com#EXT#@contoso.com", False, utype='guest'), ctx='reports/authenticationMethods/userRegistrationDetails')
REG_BAD = lst(regrec(ALEX, "AlexW@contoso.com", False), regrec(BIANCA, "BiancaP@contoso.com", True, admin=True),
              ctx='reports/authenticationMethods/userRegistrationDetails')
DRA = lst(dra(BIANCA, GA), ctx='roleManagement/directory/roleAssignments')
DS = ['Microsoft.Authorization/roleAssignments', 'Microsoft.Authorization/roleDefinitions', PA, PD]
# A snapshot of a collector that read the groups' users but not their
# eligibility: its data sets list groupMembers alone.
DS_OLD = DS + [GM]
TN = T

# 001 security defaults
R = 'AZA-IAM-001'
case(R, 'pass', snap(directory={"identitySecurityDefaultsEnforcementPolicy": secdef(True)}), f"PASS {TN} ~ enabled")
case(R, 'fail', snap(directory={"identitySecurityDefaultsEnforcementPolicy": secdef(False), "conditionalAccessPolicies": lst(capol('off', state='disabled'), ctx='identity/conditionalAccess/policies')}), f"FAIL {TN} ~ isEnabled false")
case(R, 'na-ca', snap(directory={"identitySecurityDefaultsEnforcementPolicy": secdef(False), "conditionalAccessPolicies": lst(capol('mfa all'), ctx='identity/conditionalAccess/policies')}), f"NOT_APPLICABLE {TN} ~ cannot be enabled beside the tenant's 1 enabled Conditional Access policy (Conditional Access takes their place); whether it requires MFA of every user is judged by AZA-IAM-002")
case(R, 'unknown', snap(errors=[gerr("identitySecurityDefaultsEnforcementPolicy")]), f"UNKNOWN {TN} ~ Policy.Read.All")
case(R, 'unknown-type', snap(directory={"identitySecurityDefaultsEnforcementPolicy": secdef("yes")}), f"UNKNOWN {TN} ~ not a boolean")
# A subscription's failed ARM listing says nothing about Graph data: the
# reason is "not collected", not that ARM error.
case(R, 'unknown-subscription-error', snap(errors=[{"scope": "/subscriptions/" + SUB, "api": "ARM", "status": 403, "message": "AuthorizationFailed"}]),
     f"UNKNOWN {TN} ~ 'identitySecurityDefaultsEnforcementPolicy' was not collected")
# security defaults off and Conditional Access not readable: CA may replace them
case(R, 'unknown-ca', snap(directory={"identitySecurityDefaultsEnforcementPolicy": secdef(False)}, errors=[gerr("conditionalAccessPolicies")]), f"UNKNOWN {TN} ~ Policy.Read.All")
# A Graph list wrapper whose value is null is no list of policies: no FAIL
# for "no enabled policy" on it (the old code counted its members).
NULLCA = {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies", "value": None}
case(R, 'unknown-ca-notlist', snap(directory={"identitySecurityDefaultsEnforcementPolicy": secdef(False), "conditionalAccessPolicies": NULLCA}),
     f"UNKNOWN {TN} ~ Microsoft Graph data 'conditionalAccessPolicies' is not a list")

# 002 MFA all users
R = 'AZA-IAM-002'
CAOFF = {"identitySecurityDefaultsEnforcementPolicy": secdef(False)}
case(R, 'pass', snap(directory={"identitySecurityDefaultsEnforcementPolicy": secdef(True)}), f"PASS {TN} ~ security defaults")
case(R, 'pass-ca', snap(directory=dict(CAOFF, conditionalAccessPolicies=lst(capol('Require MFA', excl=['breakglass-id']), ctx='identity/conditionalAccess/policies'))), f"PASS {TN} ~ 'Require MFA' requires MFA")
case(R, 'pass-reg', snap(directory=dict(CAOFF, conditionalAccessPolicies=lst(ctx='x'), userRegistrationDetails=REG_OK)), f"PASS {TN} ~ all 2 member users")
case(R, 'fail', snap(directory=dict(CAOFF, conditionalAccessPolicies=lst(capol('report only', state='enabledForReportingButNotEnforced'), capol('admins', users=['None'])), userRegistrationDetails=REG_BAD)), f"FAIL {TN} ~ AlexW@contoso.com")
case(R, 'unknown', snap(directory=CAOFF, errors=[gerr("userRegistrationDetails"), gerr("conditionalAccessPolicies")]), f"UNKNOWN {TN} ~ AuditLog.Read.All")
# Registration details have no accountEnabled: a disabled account (which
# cannot sign in) is left out when the users list, joined by id, says so.
# The old code counted it, a false FAIL.
NOPOL = dict(CAOFF, conditionalAccessPolicies=lst(ctx='identity/conditionalAccess/policies'))
NESTOR = "ec63c778-24e1-4240-bea3-d12a167d5232"
REG_3 = lst(regrec(ALEX, "AlexW@contoso.com", False), regrec(BIANCA, "BiancaP@contoso.com", True, admin=True),
            regrec(NESTOR, "NestorW@contoso.com", False), ctx='reports/authenticationMethods/userRegistrationDetails')
USERS_EN = lst(user(ALEX, "AlexW@contoso.com", accountEnabled=False), user(BIANCA, "BiancaP@contoso.com", accountEnabled=True),
               user(NESTOR, "NestorW@contoso.com", accountEnabled=True))
case(R, 'pass-reg-disabled', snap(directory=dict(NOPOL, userRegistrationDetails=REG_BAD,
                                                 users=lst(user(ALEX, "AlexW@contoso.com", accountEnabled=False), user(BIANCA, "BiancaP@contoso.com", accountEnabled=True)))),
     f"PASS {TN} ~ all 1 member users are registered for MFA; 1 disabled account(s) (accountEnabled false in users) not counted")
case(R, 'fail-reg-disabled', snap(directory=dict(NOPOL, userRegistrationDetails=REG_3, users=USERS_EN)),
     f"FAIL {TN} ~ 1 member user(s) not registered for MFA: NestorW@contoso.com (no security defaults and no all-users MFA Conditional Access policy); 1 disabled account(s) (accountEnabled false in users) not counted")
# The report holds every user, members and guests; one read with a filter
# (isAdmin eq true) or before a new user appeared holds some only: an
# enabled member of users without a record is not proven registered (the
# old code passed these), a guest or a disabled account without one is not
# counted anyway.
case(R, 'unknown-reg-missing-user', snap(directory=dict(NOPOL, userRegistrationDetails=lst(regrec(BIANCA, "BiancaP@contoso.com", True, admin=True),
                                                                                           ctx='reports/authenticationMethods/userRegistrationDetails'),
                                                        users=USERS_EN)),
     f"UNKNOWN {TN} ~ 1 enabled user(s) in users that are not guests have no userRegistrationDetails record (e.g. NestorW@contoso.com)")
case(R, 'pass-reg-missing-guest-disabled', snap(directory=dict(NOPOL, userRegistrationDetails=lst(regrec(BIANCA, "BiancaP@contoso.com", True, admin=True),
                                                                                                  ctx='reports/authenticationMethods/userRegistrationDetails'),
                                                               users=lst(user(ALEX, "AlexW@contoso.com", accountEnabled=False), user(BIANCA, "BiancaP@contoso.com", accountEnabled=True),
                                                                         user(ALLAN, "AllanD_fabrikam.com#EXT#@contoso.com", 'Guest', accountEnabled=True)))),
     f"PASS {TN} ~ all 1 member users are registered for MFA")
# without the users list every registered member counts, and the FAIL says so
case(R, 'fail-reg-nousers', snap(directory=dict(NOPOL, userRegistrationDetails=REG_3), errors=[gerr("users")]),
     f"FAIL {TN} ~ 2 member user(s) not registered for MFA: AlexW@contoso.com, NestorW@contoso.com (no security defaults and no all-users MFA Conditional Access policy); disabled accounts could not be left out: the users list (accountEnabled) was not read")
# a user missing from users, or without accountEnabled, counts
case(R, 'fail-reg-unknown-account', snap(directory=dict(NOPOL, userRegistrationDetails=REG_3, users=lst(user(ALEX, "AlexW@contoso.com"), user(BIANCA, "BiancaP@contoso.com", accountEnabled=True)))),
     f"FAIL {TN} ~ 2 member user(s) not registered for MFA: AlexW@contoso.com, NestorW@contoso.com")
# isMfaRegistered counts a method "that may not necessarily be allowed by
# the authentication methods policy"; isMfaCapable only one that is (Graph
# v1.0 userRegistrationDetails resource). A user registered only with
# methods the policy does not allow cannot sign in with them, and is asked to
# register at the next MFA prompt, as one not registered is (the old code
# passed these).
REG_NOTCAP = lst(mod(regrec(ALEX, "AlexW@contoso.com", True), isMfaCapable=False, methodsRegistered=["mobilePhone"]),
                 regrec(BIANCA, "BiancaP@contoso.com", True, admin=True), ctx='reports/authenticationMethods/userRegistrationDetails')
case(R, 'fail-reg-not-capable', snap(directory=dict(NOPOL, userRegistrationDetails=REG_NOTCAP)),
     f"FAIL {TN} ~ 1 member user(s) not registered for MFA: AlexW@contoso.com (registered only with methods the authentication methods policy does not allow (isMfaCapable false))")
# without isMfaCapable (a collector that did not read it) isMfaRegistered decides
REG_NOCAPFIELD = lst(mod(regrec(ALEX, "AlexW@contoso.com", True), isMfaCapable=DEL), regrec(BIANCA, "BiancaP@contoso.com", True, admin=True),
                     ctx='reports/authenticationMethods/userRegistrationDetails')
case(R, 'pass-reg-no-capable-field', snap(directory=dict(NOPOL, userRegistrationDetails=REG_NOCAPFIELD)), f"PASS {TN} ~ all 2 member users are registered for MFA")
# A policy for All users and All apps that asks for MFA only on risky sign-ins (or
# outside trusted locations, or on some platforms) does not require MFA for all users.
def narrowed(name, **cond):
    p = capol(name)
    p["conditions"].update(cond)
    return p
CARISK = lst(narrowed('MFA for risky sign-ins', signInRiskLevels=['high', 'medium']), ctx='identity/conditionalAccess/policies')
case(R, 'fail-risk', snap(directory=dict(CAOFF, conditionalAccessPolicies=CARISK, userRegistrationDetails=REG_BAD)),
     f"FAIL {TN} ~ policy 'MFA for risky sign-ins' requires MFA only under conditions.signInRiskLevels")
CALOC = lst(narrowed('MFA off-network', locations={"includeLocations": ["All"], "excludeLocations": ["AllTrusted"]}),
            narrowed('MFA on Android', platforms={"includePlatforms": ["android"], "excludePlatforms": []}),
            narrowed('MFA for legacy clients', clientAppTypes=['exchangeActiveSync', 'other']), ctx='identity/conditionalAccess/policies')
case(R, 'unknown-narrow', snap(directory=dict(CAOFF, conditionalAccessPolicies=CALOC), errors=[gerr("userRegistrationDetails")]), f"UNKNOWN {TN} ~ AuditLog.Read.All")
# Authentication strengths (grantControls.authenticationStrength, a Graph
# authenticationStrengthPolicy): only one whose requirementsSatisfied includes
# mfa, or a built-in one (ids ...0002, ...0003, ...0004) when the property is
# absent, requires MFA. requirementsSatisfied none does not; anything else
# leaves the policy's MFA unknown.
KEEP = object()
def strength(id_, name, req=KEEP, combos=('password',), ptype='custom'):
    s = {"id": id_, "createdDateTime": "2023-03-01T00:00:00Z", "modifiedDateTime": "2023-03-01T00:00:00Z",
         "displayName": name, "description": name, "policyType": ptype, "requirementsSatisfied": req,
         "allowedCombinations": list(combos)}
    if req is KEEP: del s["requirementsSatisfied"]
    return s
def stpol(name, st, controls=(), op='OR'):
    p = capol(name, controls=controls)
    p["grantControls"]["operator"] = op
    p["grantControls"]["authenticationStrength"] = st
    return p
def calist(*pols):
    return lst(*pols, ctx='identity/conditionalAccess/policies')
PWONLY_ID, CUSTOM_ID = '7e1f6b2c-4d3a-4b5e-9f80-1a2b3c4d5e6f', '3c9d0e1f-2a3b-4c4d-8e5f-6a7b8c9d0e1f'
PWONLY = strength(PWONLY_ID, 'Password only', 'none')
CUSTOMST = strength(CUSTOM_ID, 'Contoso strength', combos=('fido2', 'password,sms'))
UNK_CUSTOM = f"authentication strength 'Contoso strength' (id {CUSTOM_ID}, no requirementsSatisfied and not a built-in strength)"
REGERR = [gerr("userRegistrationDetails")]
# a strength that does not grant MFA: the policy does not count, registration decides
case(R, 'fail-strength-none', snap(directory=dict(CAOFF, conditionalAccessPolicies=calist(stpol('Sign-in strength', PWONLY)), userRegistrationDetails=REG_BAD)),
     f"FAIL {TN} ~ policy 'Sign-in strength' does not count: its authentication strength 'Password only' (id {PWONLY_ID}, requirementsSatisfied 'none') does not require MFA")
# with OR, that strength is a way around mfa
case(R, 'fail-or-strength-none', snap(directory=dict(CAOFF, conditionalAccessPolicies=calist(stpol('MFA or password strength', PWONLY, controls=['mfa'])), userRegistrationDetails=REG_BAD)),
     f"FAIL {TN} ~ its grant controls use operator OR, so authentication strength 'Password only' (id {PWONLY_ID}, requirementsSatisfied 'none') can satisfy it instead of MFA")
# with AND, mfa is required whatever the strength
case(R, 'pass-and-strength-none', snap(directory=dict(CAOFF, conditionalAccessPolicies=calist(stpol('MFA and password strength', PWONLY, controls=['mfa'], op='AND')), userRegistrationDetails=REG_BAD)),
     f"PASS {TN} ~ 'MFA and password strength' requires MFA for All users and All cloud apps")
# a built-in strength read without requirementsSatisfied counts by its id
case(R, 'pass-strength-builtin', snap(directory=dict(CAOFF, conditionalAccessPolicies=calist(stpol('Phishing-resistant MFA for all', strength('00000000-0000-0000-0000-000000000004', 'Phishing-resistant MFA', combos=('windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor'), ptype='builtIn'))), userRegistrationDetails=REG_BAD)),
     f"PASS {TN} ~ 'Phishing-resistant MFA for all' requires MFA for All users and All cloud apps with authentication strength 'Phishing-resistant MFA' (id 00000000-0000-0000-0000-000000000004, the built-in Phishing-resistant MFA strength; no requirementsSatisfied)")
# requirementsSatisfied is compared case-insensitively
case(R, 'pass-strength-custom', snap(directory=dict(CAOFF, conditionalAccessPolicies=calist(stpol('Contoso MFA for all', strength(CUSTOM_ID, 'Contoso MFA', 'MFA', combos=('fido2', 'password,sms')))), userRegistrationDetails=REG_BAD)),
     f"PASS {TN} ~ with authentication strength 'Contoso MFA' (id {CUSTOM_ID}, requirementsSatisfied 'MFA')")
# a custom strength without requirementsSatisfied: the policy's MFA is unknown, so no PASS on it
case(R, 'unknown-strength-custom', snap(directory=dict(CAOFF, conditionalAccessPolicies=calist(stpol('Contoso strength for all', CUSTOMST))), errors=REGERR),
     f"UNKNOWN {TN} ~ policy 'Contoso strength for all' covers All users and All cloud apps, but whether its {UNK_CUSTOM} requires MFA is unknown")
# nor a FAIL on registration: if the policy does require MFA, users register at their next sign-in
case(R, 'unknown-strength-unregistered', snap(directory=dict(CAOFF, conditionalAccessPolicies=calist(stpol('Contoso strength for all', CUSTOMST)), userRegistrationDetails=REG_BAD)),
     f"UNKNOWN {TN} ~ 1 member user(s) not registered for MFA: AlexW@contoso.com; that fails only if no Conditional Access policy requires MFA for all users, and policy 'Contoso strength for all' covers All users")
# registration of every member still proves it
case(R, 'pass-reg-strength-unknown', snap(directory=dict(CAOFF, conditionalAccessPolicies=calist(stpol('Contoso strength for all', CUSTOMST)), userRegistrationDetails=REG_OK)),
     f"PASS {TN} ~ all 2 member users are registered for MFA; policy 'Contoso strength for all' covers All users and All cloud apps, but whether its {UNK_CUSTOM} requires MFA is unknown")
# a value azaudit does not know
case(R, 'unknown-strength-value', snap(directory=dict(CAOFF, conditionalAccessPolicies=calist(stpol('Future strength', strength(CUSTOM_ID, 'Future', 'unknownFutureValue')))), errors=REGERR),
     f"UNKNOWN {TN} ~ authentication strength 'Future' (id {CUSTOM_ID}, requirementsSatisfied 'unknownFutureValue', not a value azaudit knows)")
# excludeUsers may hold GuestsOrExternalUsers besides user ids (Graph v1.0
# conditionalAccessUsers: "User IDs excluded from scope of policy and/or
# GuestsOrExternalUsers"): guests are left out, as with
# excludeGuestsOrExternalUsers, so the policy does not count
case(R, 'fail-exclude-guests-value', snap(directory=dict(CAOFF, conditionalAccessPolicies=calist(capol('MFA for members', excl=['breakglass-id', 'GuestsOrExternalUsers'])), userRegistrationDetails=REG_BAD)),
     f"FAIL {TN} ~ policy 'MFA for members' requires MFA only under conditions.users.excludeUsers GuestsOrExternalUsers (guest and external users left out)")
# with OR, mfa does not make up for a strength azaudit cannot judge: either satisfies the policy
case(R, 'unknown-or-strength', snap(directory=dict(CAOFF, conditionalAccessPolicies=calist(stpol('MFA or Contoso strength', CUSTOMST, controls=['mfa']))), errors=REGERR),
     f"UNKNOWN {TN} ~ policy 'MFA or Contoso strength' covers All users and All cloud apps, but whether its {UNK_CUSTOM} requires MFA is unknown")

# 003 MFA privileged
R = 'AZA-IAM-003'
# A collector reads the eligible directory role assignments beside the
# active ones: the cases below hold an empty list of them unless they give
# one (or leave it out, to test its absence). So with the eligible Azure
# role assignments: their data set is listed beside the role assignments
# (none found) unless a case records an error for it.
def snapr(resources=(), directory=None, errors=None, datasets=None):
    if directory is not None and "directoryRoleAssignments" in directory and ELIGIBLE not in directory \
            and not any(e["type"] == ELIGIBLE for e in errors or ()):
        directory = dict(directory, **{ELIGIBLE: NOELIG})
    if R in ('AZA-IAM-003', 'AZA-IAM-004') and datasets is not None and RA in datasets and REI not in datasets:  # the rules that read it
        datasets = datasets + [REI]
    return snap(resources, directory, errors, datasets)
case(R, 'pass', snapr([ra('a1', OWNER, ALEX)], directory={"userRegistrationDetails": REG_OK, "directoryRoleAssignments": DRA}, datasets=DS), f"PASS {TN} ~ all 2 privileged")
case(R, 'fail', snapr([ra('a1', OWNER, ALEX), ra('a2', READER, BIANCA)], directory={"userRegistrationDetails": REG_BAD, "directoryRoleAssignments": DRA}, datasets=DS), f"FAIL {TN} ~ AlexW@contoso.com (Owner)")
case(R, 'fail-dirrole', snapr([], directory={"userRegistrationDetails": lst(regrec(BIANCA, "BiancaP@contoso.com", False)), "directoryRoleAssignments": DRA}, datasets=DS), f"FAIL {TN} ~ Global Administrator")
case(R, 'unknown', snapr([ra('a1', OWNER, ALEX)], directory={"directoryRoleAssignments": DRA}, errors=[gerr("userRegistrationDetails")], datasets=DS), f"UNKNOWN {TN} ~ UserAuthenticationMethod.Read.All")
case(R, 'unknown-norecord', snapr([ra('a1', CONTRIB, ADELE)], directory={"userRegistrationDetails": REG_OK, "directoryRoleAssignments": DRA}, datasets=DS), f"UNKNOWN {TN} ~ no usable MFA registration record")
case(R, 'unknown-type', snapr([], directory={"userRegistrationDetails": lst(mod(regrec(BIANCA, "BiancaP@contoso.com", True), isMfaRegistered="yes")), "directoryRoleAssignments": DRA}, datasets=DS), f"UNKNOWN {TN} ~ not a boolean")
case(R, 'unknown-noroles', snapr([], directory={"userRegistrationDetails": REG_OK, "directoryRoleAssignments": DRA}, datasets=[RD]), f"UNKNOWN {TN} ~ incomplete")
# A Global Administrator registered only with methods the authentication
# methods policy does not allow (isMfaCapable false) has no MFA to sign in
# with (Graph v1.0 userRegistrationDetails resource; the old code passed it).
case(R, 'fail-not-capable', snapr([ra('a1', OWNER, ALEX)], directory={"userRegistrationDetails": lst(regrec(ALEX, "AlexW@contoso.com", True),
                                                                       mod(regrec(BIANCA, "BiancaP@contoso.com", True, admin=True), isMfaCapable=False)),
                                                  "directoryRoleAssignments": DRA}, datasets=DS),
     f"FAIL {TN} ~ 1 privileged user(s) not registered for MFA: BiancaP@contoso.com (directory admin, registered only with methods the authentication methods policy does not allow (isMfaCapable false))")
# Owner held by a group: its members are privileged but not in the input
PRIVGRP = "5d7e1b2a-0000-4000-8000-00000000cafe"
case(R, 'unknown-group', snapr([ra('a1', OWNER, ALEX), ra('g1', OWNER, PRIVGRP, 'Group')], directory={"userRegistrationDetails": REG_OK, "directoryRoleAssignments": DRA}, datasets=DS),
     f"UNKNOWN {TN} ~ group {PRIVGRP} (Owner)")
case(R, 'fail-group', snapr([ra('a1', OWNER, ALEX), ra('g1', OWNER, PRIVGRP, 'Group')], directory={"userRegistrationDetails": REG_BAD, "directoryRoleAssignments": DRA}, datasets=DS),
     f"FAIL {TN} ~ AlexW@contoso.com (Owner)")
MG3 = "/providers/Microsoft.Management/managementGroups/contoso"
# Custom roles granting '*': Owner-equivalent, or Contributor-like when they
# take back Microsoft.Authorization/roleAssignments/write; both are privileged
# at a subscription or above, as Owner and Contributor are.
DIEGO = "e2b8c7a1-3d4f-4a6b-9c8d-7f1e0a2b3c4d"
def reg_with(diego_mfa):
    r = copy.deepcopy(REG_OK)
    r["value"].append(regrec(DIEGO, "DiegoS@contoso.com", diego_mfa))
    return r
OPSC = '11111111-2222-4333-8444-555555555555'
OPS_CONTRIB = rd(OPSC, 'Ops contributor', actions=['*'], notactions=['Microsoft.Authorization/*/Write', 'Microsoft.Authorization/*/Delete'])
DIR3 = {"directoryRoleAssignments": DRA}
case(R, 'fail-custom-contributor', snapr([ra('a1', OWNER, ALEX), OPS_CONTRIB, ra('c1', OPSC, DIEGO)], directory=dict(DIR3, userRegistrationDetails=reg_with(False)), datasets=DS),
     f"FAIL {TN} ~ DiegoS@contoso.com (custom role 'Ops contributor' granting '*' (Contributor-like))")
case(R, 'pass-custom-contributor', snapr([ra('a1', OWNER, ALEX), OPS_CONTRIB, ra('c1', OPSC, DIEGO)], directory=dict(DIR3, userRegistrationDetails=reg_with(True)), datasets=DS),
     f"PASS {TN} ~ all 3 privileged user(s)")
case(R, 'unknown-custom-contributor-group', snapr([ra('a1', OWNER, ALEX), OPS_CONTRIB, ra('g1', OPSC, PRIVGRP, 'Group')], directory=dict(DIR3, userRegistrationDetails=REG_OK), datasets=DS),
     f"UNKNOWN {TN} ~ group {PRIVGRP} (custom role 'Ops contributor' granting '*' (Contributor-like))")
# below a subscription, or without '*', a custom role is not privileged here
case(R, 'pass-custom-contributor-rg', snapr([ra('a1', OWNER, ALEX), OPS_CONTRIB, ra('c1', OPSC, DIEGO, scope=SUBID + '/resourceGroups/rg-ops')], directory=dict(DIR3, userRegistrationDetails=reg_with(False)), datasets=DS),
     f"PASS {TN} ~ all 2 privileged user(s)")
case(R, 'pass-custom-narrow', snapr([ra('a1', OWNER, ALEX), rd(OPSC, 'VM operator', actions=['Microsoft.Compute/*']), ra('c1', OPSC, DIEGO)], directory=dict(DIR3, userRegistrationDetails=reg_with(False)), datasets=DS),
     f"PASS {TN} ~ all 2 privileged user(s)")
# A custom role that grants Microsoft.Authorization/roleAssignments/write
# without '*' is User Access Administrator (actions Microsoft.Authorization/*)
# or Role Based Access Control Administrator under another name: its holder
# can assign itself Owner (Azure built-in roles, Privileged category). The
# old code passed these tenants.
ACCESS_ADMIN = rd(OPSC, 'Access admin', actions=['*/read', 'Microsoft.Authorization/*'])
case(R, 'fail-custom-assigner', snapr([ra('a1', OWNER, ALEX), ACCESS_ADMIN, ra('c1', OPSC, DIEGO)], directory=dict(DIR3, userRegistrationDetails=reg_with(False)), datasets=DS),
     f"FAIL {TN} ~ 1 privileged user(s) not registered for MFA: DiegoS@contoso.com (custom role 'Access admin' granting Microsoft.Authorization/roleAssignments/write (User Access Administrator-like))")
case(R, 'pass-custom-assigner', snapr([ra('a1', OWNER, ALEX), ACCESS_ADMIN, ra('c1', OPSC, DIEGO)], directory=dict(DIR3, userRegistrationDetails=reg_with(True)), datasets=DS),
     f"PASS {TN} ~ all 3 privileged user(s)")
# the right taken back by notActions: not an assigner
case(R, 'pass-custom-assigner-taken', snapr([ra('a1', OWNER, ALEX), rd(OPSC, 'Policy admin', actions=['Microsoft.Authorization/*'], notactions=['Microsoft.Authorization/roleAssignments/*']),
                                             ra('c1', OPSC, DIEGO)], directory=dict(DIR3, userRegistrationDetails=reg_with(False)), datasets=DS),
     f"PASS {TN} ~ all 2 privileged user(s)")
# '*' with every write taken back (a reader with actions) is not Contributor-like
case(R, 'pass-custom-star-readonly', snapr([ra('a1', OWNER, ALEX), rd(OPSC, 'Star reader', actions=['*'], notactions=['*/write', '*/delete']), ra('c1', OPSC, DIEGO)],
                                          directory=dict(DIR3, userRegistrationDetails=reg_with(False)), datasets=DS),
     f"PASS {TN} ~ all 2 privileged user(s)")
# an assignment at a management group names the definition by GUID alone (any
# case): it is found among the definitions collected under a subscription
SUPER = 'a7c3e9d1-5b2f-4e8a-9c6d-0f1e2d3c4b5a'
case(R, 'fail-custom-byguid', snapr([ra('a1', OWNER, ALEX),
                                    rd('0a1b2c3d-0000-4000-8000-000000000001', 'Storage reader'),
                                    rd('ffffffff-0000-4000-8000-000000000002', 'Network reader'),
                                    rd(SUPER, 'SuperOps', actions=['*']),
                                    rd('b0000000-0000-4000-8000-000000000003', 'Backup reader'),
                                    ra('m1', SUPER, DIEGO, scope=MG3, rdid=f"/providers/Microsoft.Authorization/roleDefinitions/{SUPER.upper()}")],
                                   directory=dict(DIR3, userRegistrationDetails=reg_with(False)), datasets=DS),
     f"FAIL {TN} ~ 1 privileged user(s) not registered for MFA: DiegoS@contoso.com (custom role 'SuperOps' granting '*')")
# without the role definitions, a role that is not a privileged built-in may
# be a custom one granting '*': a user's assignment of it leaves the verdict
# open (with them collected, a definition missing from the list is a
# deleted role and is not judged)
DS_NORD = [d for d in DS if d != RD]
case(R, 'unknown-roledefs-missing', snapr([ra('a1', OWNER, ALEX), ra('c1', OPSC, DIEGO)], directory=dict(DIR3, userRegistrationDetails=reg_with(False)), datasets=DS_NORD),
     f"UNKNOWN {TN} ~ 1 role assignment(s) at subscription scope or above name a role whose definition is not in the input")
case(R, 'pass-roledef-deleted', snapr([ra('a1', OWNER, ALEX), ra('c1', OPSC, DIEGO)], directory=dict(DIR3, userRegistrationDetails=reg_with(False)), datasets=DS),
     f"PASS {TN} ~ all 2 privileged user(s)")
# principalType ForeignGroup is a group as well (ARM PrincipalType: User,
# Group, ServicePrincipal, ForeignGroup, Device): its members hold the role
case(R, 'unknown-foreign-group', snapr([ra('a1', OWNER, ALEX), ra('g1', OWNER, PRIVGRP, 'ForeignGroup')], directory={"userRegistrationDetails": REG_OK, "directoryRoleAssignments": DRA}, datasets=DS),
     f"UNKNOWN {TN} ~ foreign group {PRIVGRP} (Owner)")
# principalType is optional in the ARM schema: an assignment without it may
# be a user's or a group's. A collected user without a registration record
# is that user; any other principal is of unknown kind.
NOTYPE = "7c2d9e4f-0000-4000-8000-00000000beef"
def untyped_ra(name, role, pid):
    a = ra(name, role, pid)
    del a["properties"]["principalType"]
    return a
case(R, 'unknown-no-principaltype', snapr([ra('a1', OWNER, ALEX), untyped_ra('x1', OWNER, NOTYPE)], directory={"userRegistrationDetails": REG_OK, "directoryRoleAssignments": DRA}, datasets=DS),
     f"UNKNOWN {TN} ~ {NOTYPE} (Owner, no principalType)")
case(R, 'unknown-no-principaltype-user', snapr([ra('a1', OWNER, ALEX), untyped_ra('x1', OWNER, ADELE)],
                                              directory={"userRegistrationDetails": REG_OK, "directoryRoleAssignments": DRA, "users": lst(user(ADELE, "AdeleV@contoso.com"))}, datasets=DS),
     f"UNKNOWN {TN} ~ no usable MFA registration record for 1 privileged user(s): AdeleV@contoso.com (Owner)")
# directory role assignments that are not a list (a wrapper whose value is
# null) prove nothing about who holds Global Administrator
NULLDRA = {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#roleManagement/directory/roleAssignments", "value": None}
case(R, 'unknown-dra-notlist', snapr([ra('a1', OWNER, ALEX)], directory={"userRegistrationDetails": REG_OK, "directoryRoleAssignments": NULLDRA}, datasets=DS),
     f"UNKNOWN {TN} ~ Microsoft Graph data 'directoryRoleAssignments' is not a list")
# a service principal holding a directory role has no MFA to register
SPAPP = "9a4b1f10-6e2c-4b8f-a3d1-2f6b7c0e5d42"
PRA = 'e8611ab8-c189-46e8-94e1-60213ab1f814'
DRA_SP = lst(dra(BIANCA, GA), dict(dra(SPAPP, PRA), principal={"@odata.type": "#microsoft.graph.servicePrincipal", "id": SPAPP, "displayName": "Provisioning app"}),
             ctx='roleManagement/directory/roleAssignments')
USERS_ALEX = lst(user(ALEX, "AlexW@contoso.com", displayName="Alex Wilber", givenName="Alex", surname="Wilber"))
case(R, 'pass-dirrole-sp', snapr([ra('a1', OWNER, ALEX)], directory={"userRegistrationDetails": REG_OK, "directoryRoleAssignments": DRA_SP, "users": USERS_ALEX}, datasets=DS),
     f"# a service principal holding a directory role has no MFA to register\nPASS {TN} ~ all 2 privileged")
# Eligible directory role assignments (Privileged Identity Management): an
# eligible principal can activate its role at any time, so it is a holder.
# The old code read active assignments only and passed these tenants.
REG_BIANCA_OFF = lst(regrec(ALEX, "AlexW@contoso.com", True), regrec(BIANCA, "BiancaP@contoso.com", False),
                     ctx='reports/authenticationMethods/userRegistrationDetails')
NODRA = lst(ctx='roleManagement/directory/roleAssignments')
ELI_GA = lst(eli(BIANCA, GA), ctx=ELI_CTX)
case(R, 'fail-eligible', snapr([ra('a1', OWNER, ALEX)], directory={"userRegistrationDetails": REG_BIANCA_OFF, "directoryRoleAssignments": NODRA, ELIGIBLE: ELI_GA}, datasets=DS),
     f"# Bianca holds no active role, but is eligible for Global Administrator\nFAIL {TN} ~ 1 privileged user(s) not registered for MFA: BiancaP@contoso.com (eligible for Global Administrator)")
REG_BIANCA_ON = lst(regrec(ALEX, "AlexW@contoso.com", True), regrec(BIANCA, "BiancaP@contoso.com", True),
                    ctx='reports/authenticationMethods/userRegistrationDetails')
case(R, 'pass-eligible', snapr([ra('a1', OWNER, ALEX)], directory={"userRegistrationDetails": REG_BIANCA_ON, "directoryRoleAssignments": NODRA, ELIGIBLE: ELI_GA}, datasets=DS),
     f"PASS {TN} ~ all 2 privileged user(s) are registered for MFA (1 of them only eligible for a privileged directory role)")
# an eligibility that ended before the collection (collected_at) can no longer
# be activated: Bianca holds nothing (the old code counted it, a false FAIL);
# one that ends later still counts
case(R, 'pass-eligible-expired', snapr([ra('a1', OWNER, ALEX)], directory={"userRegistrationDetails": REG_BIANCA_OFF, "directoryRoleAssignments": NODRA,
                                                                         ELIGIBLE: lst(ending(eli(BIANCA, GA), ENDED), ctx=ELI_CTX)}, datasets=DS),
     f"PASS {TN} ~ all 1 privileged user(s) are registered for MFA")
case(R, 'fail-eligible-ends-later', snapr([ra('a1', OWNER, ALEX)], directory={"userRegistrationDetails": REG_BIANCA_OFF, "directoryRoleAssignments": NODRA,
                                                                            ELIGIBLE: lst(ending(eli(BIANCA, GA), ENDS_LATER), ctx=ELI_CTX)}, datasets=DS),
     f"FAIL {TN} ~ 1 privileged user(s) not registered for MFA: BiancaP@contoso.com (eligible for Global Administrator)")
# the eligibility list not collected: an eligible Global Administrator without MFA may be there
case(R, 'unknown-eligible-missing', snap([ra('a1', OWNER, ALEX)], directory={"userRegistrationDetails": REG_OK, "directoryRoleAssignments": DRA}, datasets=DS),
     f"UNKNOWN {TN} ~ 2 privileged user(s) found are registered for MFA, but the set is incomplete: eligible directory role assignments (Privileged Identity Management) are unknown, and an eligible principal can activate its role at any time: Microsoft Graph data '{ELIGIBLE}' was not collected")
case(R, 'unknown-eligible-403', snapr([ra('a1', OWNER, ALEX)], directory={"userRegistrationDetails": REG_OK, "directoryRoleAssignments": DRA}, errors=[gerr(ELIGIBLE)], datasets=DS),
     f"UNKNOWN {TN} ~ HTTP 403: Authorization_RequestDenied: Insufficient privileges to complete the operation.); the scan needs the Graph permission RoleManagement.Read.Directory (or RoleEligibilitySchedule.Read.Directory)")
# Graph refuses the list in a tenant without Microsoft Entra ID P2 or ID
# Governance (400 AadPremiumLicenseRequired); without one, Privileged
# Identity Management keeps no eligible assignment: nothing to miss
case(R, 'pass-eligible-nop2', snapr([ra('a1', OWNER, ALEX)], directory={"userRegistrationDetails": REG_OK, "directoryRoleAssignments": DRA}, errors=[NOP2], datasets=DS),
     f"PASS {TN} ~ all 2 privileged user(s) are registered for MFA; no eligible directory role assignment: the tenant has no Microsoft Entra ID P2 or Microsoft Entra ID Governance license (Graph answered AadPremiumLicenseRequired)")
# the same refusal does not hide a FAIL
case(R, 'fail-eligible-nop2', snapr([ra('a1', OWNER, ALEX)], directory={"userRegistrationDetails": REG_BAD, "directoryRoleAssignments": DRA}, errors=[NOP2], datasets=DS),
     f"FAIL {TN} ~ AlexW@contoso.com (Owner)")
# an eligible role-assignable group: its members can activate the role
TIER0 = "3f0c9b2e-0000-4000-8000-0000000a11ad"
ELI_GRP = lst(eli(TIER0, PRA, principal={"@odata.type": "#microsoft.graph.group", "id": TIER0, "displayName": "Tier0 admins"}), ctx=ELI_CTX)
case(R, 'unknown-eligible-group', snapr([ra('a1', OWNER, ALEX)], directory={"userRegistrationDetails": REG_OK, "directoryRoleAssignments": DRA, ELIGIBLE: ELI_GRP}, datasets=DS),
     f"UNKNOWN {TN} ~ group Tier0 admins (eligible for Privileged Role Administrator)")
# an eligible user without a registration record
MEGAN = "48d31887-5fad-4d73-a9f5-3c356e68a038"
ELI_MEGAN = lst(eli(MEGAN, GA, principal={"@odata.type": "#microsoft.graph.user", "id": MEGAN, "displayName": "Megan Bowen", "userPrincipalName": "MeganB@contoso.com"}), ctx=ELI_CTX)
case(R, 'unknown-eligible-norecord', snapr([ra('a1', OWNER, ALEX)], directory={"userRegistrationDetails": REG_OK, "directoryRoleAssignments": DRA, ELIGIBLE: ELI_MEGAN,
                                                                             "users": lst(user(MEGAN, "MeganB@contoso.com"))}, datasets=DS),
     f"UNKNOWN {TN} ~ no usable MFA registration record for 1 privileged user(s): MeganB@contoso.com (eligible for Global Administrator)")
# eligible assignments that are not a list prove nothing
case(R, 'unknown-eligible-notlist', snapr([ra('a1', OWNER, ALEX)], directory={"userRegistrationDetails": REG_OK, "directoryRoleAssignments": DRA,
                                                                            ELIGIBLE: {"@odata.context": f"https://graph.microsoft.com/v1.0/$metadata#{ELI_CTX}", "value": None}}, datasets=DS),
     f"UNKNOWN {TN} ~ Microsoft Graph data '{ELIGIBLE}' is not a list")
# Eligible Azure role assignments (Privileged Identity Management for Azure
# resources): a user eligible for Owner at a subscription can activate it at
# any time, so it is a holder. The old code read active assignments only
# and passed these tenants.
case(R, 'fail-rbac-eligible', snapr([ra('a1', OWNER, ALEX), rei('e1', OWNER, DIEGO)], directory=dict(DIR3, userRegistrationDetails=reg_with(False)), datasets=DS),
     f"# Diego holds no active role, but is eligible for Owner on the subscription\nFAIL {TN} ~ 1 privileged user(s) not registered for MFA: DiegoS@contoso.com (eligible for Owner)")
case(R, 'pass-rbac-eligible', snapr([ra('a1', OWNER, ALEX), rei('e1', OWNER, DIEGO)], directory=dict(DIR3, userRegistrationDetails=reg_with(True)), datasets=DS),
     f"PASS {TN} ~ all 3 privileged user(s) are registered for MFA (1 of them only eligible for a privileged Azure role)")
# an eligibility that ended before the collection grants nothing (the old code counted it)
case(R, 'pass-rbac-eligible-expired', snapr([ra('a1', OWNER, ALEX), ending(rei('e1', OWNER, DIEGO), ENDED)], directory=dict(DIR3, userRegistrationDetails=reg_with(False)), datasets=DS),
     f"PASS {TN} ~ all 2 privileged user(s) are registered for MFA")
# at a management group (atScope() at the subscription returns it too) it counts as well
case(R, 'fail-rbac-eligible-mg', snapr([ra('a1', OWNER, ALEX), rei('e1', CONTRIB, DIEGO, scope=MG3, rname='Contributor')], directory=dict(DIR3, userRegistrationDetails=reg_with(False)), datasets=DS),
     f"FAIL {TN} ~ DiegoS@contoso.com (eligible for Contributor)")
# below a subscription it is not privileged here, as an active assignment is not
case(R, 'pass-rbac-eligible-rg', snapr([ra('a1', OWNER, ALEX), rei('e1', OWNER, DIEGO, scope=SUBID + '/resourceGroups/rg-ops')], directory=dict(DIR3, userRegistrationDetails=reg_with(False)), datasets=DS),
     f"PASS {TN} ~ all 2 privileged user(s) are registered for MFA")
# a role held is named before one the user is only eligible for
case(R, 'fail-rbac-eligible-held', snapr([ra('a1', OWNER, ALEX), rei('e1', OWNER, ALEX)], directory=dict(DIR3, userRegistrationDetails=REG_BAD), datasets=DS),
     f"FAIL {TN} ~ 1 privileged user(s) not registered for MFA: AlexW@contoso.com (Owner)")
# an eligible group, an eligible user without a registration record
case(R, 'unknown-rbac-eligible-group', snapr([ra('a1', OWNER, ALEX), rei('g1', OWNER, PRIVGRP, 'Group')], directory=dict(DIR3, userRegistrationDetails=REG_OK), datasets=DS),
     f"UNKNOWN {TN} ~ group {PRIVGRP} (eligible for Owner)")
case(R, 'unknown-rbac-eligible-norecord', snapr([ra('a1', OWNER, ALEX), rei('e1', UAA, MEGAN, rname='User Access Administrator')],
                                                directory=dict(DIR3, userRegistrationDetails=REG_OK, users=lst(user(MEGAN, "MeganB@contoso.com"))), datasets=DS),
     f"UNKNOWN {TN} ~ no usable MFA registration record for 1 privileged user(s): MeganB@contoso.com (eligible for User Access Administrator)")
# eligible for a custom role granting '*', or for one whose definition was not collected
case(R, 'fail-rbac-eligible-custom', snapr([ra('a1', OWNER, ALEX), rd(SUPER, 'SuperOps', actions=['*']), rei('e1', SUPER, DIEGO, rname='SuperOps')],
                                           directory=dict(DIR3, userRegistrationDetails=reg_with(False)), datasets=DS),
     f"FAIL {TN} ~ DiegoS@contoso.com (eligible for custom role 'SuperOps' granting '*')")
case(R, 'unknown-rbac-eligible-roledefs-missing', snapr([ra('a1', OWNER, ALEX), rei('e1', OPSC, DIEGO, rname='Ops')],
                                                        directory=dict(DIR3, userRegistrationDetails=reg_with(False)), datasets=DS_NORD),
     f"UNKNOWN {TN} ~ so a custom role granting '*' cannot be ruled out (e.g. User {DIEGO} is eligible for role {OPSC})")
# the list not collected, or refused: an eligible Owner without MFA may be there
case(R, 'unknown-rbac-eligible-missing', snap([ra('a1', OWNER, ALEX)], directory=dict(DIR3, userRegistrationDetails=REG_OK, **{ELIGIBLE: NOELIG}), datasets=DS),
     f"UNKNOWN {TN} ~ 2 privileged user(s) found are registered for MFA, but the set is incomplete: eligible Azure role assignments (Privileged Identity Management for Azure resources) are unknown, and an eligible user can activate a role such as Owner at any time: {REI} was not collected")
case(R, 'unknown-rbac-eligible-403', snapr([ra('a1', OWNER, ALEX)], directory=dict(DIR3, userRegistrationDetails=REG_OK), errors=[rei_err()], datasets=DS),
     f"UNKNOWN {TN} ~ 2 privileged user(s) found are registered for MFA, but the set is incomplete: eligible Azure role assignments (Privileged Identity Management for Azure resources) are unknown, and an eligible user can activate a role such as Owner at any time: {REI} could not be read for /subscriptions/{SUB} (/subscriptions/{SUB}/providers/{REI}, HTTP 403: AuthorizationFailed")
# a FAIL stands whatever is unknown
case(R, 'fail-rbac-eligible-403', snapr([ra('a1', OWNER, ALEX)], directory=dict(DIR3, userRegistrationDetails=REG_BAD), errors=[rei_err()], datasets=DS),
     f"FAIL {TN} ~ 1 privileged user(s) not registered for MFA: AlexW@contoso.com (Owner)")
# Resource Manager refuses the list in a tenant without Microsoft Entra ID
# P2 (400 AadPremiumLicenseRequired, "The tenant needs an AAD Premium 2
# license."); without one, Privileged Identity Management keeps no eligible
# assignment: nothing to miss. With a 403 in another subscription, there may be.
case(R, 'pass-rbac-eligible-nop2', snapr([ra('a1', OWNER, ALEX)], directory=dict(DIR3, userRegistrationDetails=REG_OK), errors=[REI_NOP2], datasets=DS),
     f"PASS {TN} ~ all 2 privileged user(s) are registered for MFA; no eligible Azure role assignment: the tenant has no Microsoft Entra ID P2 or Microsoft Entra ID Governance license (Resource Manager answered AadPremiumLicenseRequired)")
for name, errs in (('unknown-rbac-eligible-nop2-403', [REI_NOP2, rei_err(sub='00000000-0000-0000-0000-000000000002')]),
                   ('unknown-rbac-eligible-403-nop2', [rei_err(sub='00000000-0000-0000-0000-000000000002'), REI_NOP2])):
    case(R, name, snapr([ra('a1', OWNER, ALEX)], directory=dict(DIR3, userRegistrationDetails=REG_OK), errors=errs, datasets=DS),
         f"UNKNOWN {TN} ~ eligible Azure role assignments (Privileged Identity Management for Azure resources) are unknown, and an eligible user can activate a role such as Owner at any time: {REI} could not be read for /subscriptions/00000000-0000-0000-0000-000000000002 (")
# A custom role whose definition cannot be read may grant '*': its holder is
# privileged as far as the data says (the old code took it for a narrow
# role and passed). A registered holder is safe either way.
def odd3(rname, path, val, **kv):
    r = rd(OPSC, rname, actions=['*'], **kv)
    o = r["properties"]
    for k in path[:-1]: o = o[k]
    o[path[-1]] = val
    return r
case(R, 'unknown-custom-unreadable', snapr([ra('a1', OWNER, ALEX), odd3('Odd ops', ['permissions'], None), ra('c1', OPSC, DIEGO)],
                                           directory=dict(DIR3, userRegistrationDetails=reg_with(False)), datasets=DS),
     f"UNKNOWN {TN} ~ 2 privileged user(s) found are registered for MFA, but 1 role assignment(s) at subscription scope or above of principals not proven registered name a role whose definition cannot be read, so it may grant '*' (e.g. User DiegoS@contoso.com: custom role 'Odd ops': permissions is not a list)")
case(R, 'unknown-custom-actions-string', snapr([ra('a1', OWNER, ALEX), odd3('Odd ops', ['permissions', 0, 'actions'], '*'), ra('c1', OPSC, DIEGO)],
                                               directory=dict(DIR3, userRegistrationDetails=reg_with(False)), datasets=DS),
     f"UNKNOWN {TN} ~ custom role 'Odd ops': permissions[0].actions is not a list")
# a type that is neither CustomRole nor BuiltInRole (the placeholder 'roletype' of the REST spec's examples)
case(R, 'unknown-roledef-type', snapr([ra('a1', OWNER, ALEX), rd(OPSC, 'Ops all', rtype='roletype', actions=['*']), ra('c1', OPSC, DIEGO)],
                                      directory=dict(DIR3, userRegistrationDetails=reg_with(False)), datasets=DS),
     f"UNKNOWN {TN} ~ role definition 'Ops all' has type 'roletype' (not CustomRole or BuiltInRole)")
case(R, 'unknown-custom-group-unreadable', snapr([ra('a1', OWNER, ALEX), odd3('Odd ops', ['permissions'], None), ra('g1', OPSC, PRIVGRP, 'Group')],
                                                 directory=dict(DIR3, userRegistrationDetails=REG_OK), datasets=DS),
     f"UNKNOWN {TN} ~ Group {PRIVGRP}: custom role 'Odd ops': permissions is not a list")
case(R, 'pass-custom-unreadable-registered', snapr([ra('a1', OWNER, ALEX), odd3('Odd ops', ['permissions'], None), ra('c1', OPSC, DIEGO)],
                                                   directory=dict(DIR3, userRegistrationDetails=reg_with(True)), datasets=DS),
     f"PASS {TN} ~ all 2 privileged user(s) are registered for MFA")
# Resource Manager lists a custom role (one GUID tenant-wide) under each
# subscription it is read at, and the copies in a snapshot may differ: any
# copy granting '*' makes the role privileged, and one that cannot be read
# makes it unknown when none grants '*' (the old code read the first copy
# only: a narrow first copy passed both).
OPS2 = '00000000-0000-0000-0000-000000000002'
def rd_copy(sub, name, rname, **kv):
    r = rd(name, rname, **kv)
    r["id"] = f"/subscriptions/{sub}/providers/{RD}/{name}"
    return r
case(R, 'fail-custom-second-copy-star', snapr([ra('a1', OWNER, ALEX), rd(OPSC, 'Ops'), rd_copy(OPS2, OPSC, 'Ops', actions=['*']), ra('c1', OPSC, DIEGO)],
                                              directory=dict(DIR3, userRegistrationDetails=reg_with(False)), datasets=DS),
     f"FAIL {TN} ~ 1 privileged user(s) not registered for MFA: DiegoS@contoso.com (custom role 'Ops' granting '*' per its copy read at /subscriptions/{OPS2}, one of 2 that differ)")
ODD_COPY = rd_copy(OPS2, OPSC, 'Ops')
ODD_COPY["properties"]["permissions"] = None
case(R, 'unknown-custom-second-copy-unreadable', snapr([ra('a1', OWNER, ALEX), rd(OPSC, 'Ops'), ODD_COPY, ra('c1', OPSC, DIEGO)],
                                                       directory=dict(DIR3, userRegistrationDetails=reg_with(False)), datasets=DS),
     f"UNKNOWN {TN} ~ name a role whose definition cannot be read, so it may grant '*' (e.g. User DiegoS@contoso.com: custom role 'Ops': permissions is not a list (its copy read at /subscriptions/{OPS2}, one of 2))")

# A disabled account (accountEnabled false in users) cannot sign in: its
# missing MFA registration is no risk while it stays disabled. It is left
# out of the verdict and named in every message (the old code counted it: a
# FAIL on a disabled Owner, an UNKNOWN on one without a record).
NESTOR3 = "ec63c778-24e1-4240-bea3-d12a167d5232"
REG_DIS = lst(regrec(ALEX, "AlexW@contoso.com", True), regrec(BIANCA, "BiancaP@contoso.com", True, admin=True),
              regrec(NESTOR3, "NestorW@contoso.com", False), ctx='reports/authenticationMethods/userRegistrationDetails')
def users_dis(**enabled):
    return lst(user(ALEX, "AlexW@contoso.com", accountEnabled=True), user(BIANCA, "BiancaP@contoso.com", accountEnabled=True),
               *[user(pid, upn, **({} if en is DEL else {"accountEnabled": en})) for pid, upn, en in
                 ((NESTOR3, "NestorW@contoso.com", enabled.get('nestor', False)), (DIEGO, "DiegoS@contoso.com", enabled.get('diego', True)))])
DIS_SUFFIX = "disabled privileged account(s) left out (accountEnabled false in users: no sign-in while disabled; check their MFA before enabling them)"
case(R, 'pass-disabled', snapr([ra('a1', OWNER, ALEX), ra('n1', OWNER, NESTOR3)], directory=dict(DIR3, userRegistrationDetails=REG_DIS, users=users_dis()), datasets=DS),
     f"# Nestor, an Owner without MFA, is disabled\nPASS {TN} ~ all 2 privileged user(s) are registered for MFA; 1 {DIS_SUFFIX}: NestorW@contoso.com (Owner, not registered for MFA)")
REG_DIS_DIEGO = copy.deepcopy(REG_DIS)
REG_DIS_DIEGO["value"].append(regrec(DIEGO, "DiegoS@contoso.com", False))
case(R, 'fail-disabled', snapr([ra('a1', OWNER, ALEX), ra('n1', OWNER, NESTOR3), ra('d1', CONTRIB, DIEGO)],
                               directory=dict(DIR3, userRegistrationDetails=REG_DIS_DIEGO, users=users_dis()), datasets=DS),
     f"FAIL {TN} ~ 1 privileged user(s) not registered for MFA: DiegoS@contoso.com (Contributor); 1 {DIS_SUFFIX}: NestorW@contoso.com (Owner, not registered for MFA)")
# eligible (Privileged Identity Management) while disabled: activation needs a sign-in
case(R, 'pass-disabled-eligible', snapr([ra('a1', OWNER, ALEX)], directory=dict(userRegistrationDetails=REG_DIS, users=users_dis(), directoryRoleAssignments=DRA,
                                                                                **{ELIGIBLE: lst(eli(NESTOR3, GA), ctx=ELI_CTX)}), datasets=DS),
     f"PASS {TN} ~ all 2 privileged user(s) are registered for MFA; 1 {DIS_SUFFIX}: NestorW@contoso.com (eligible for Global Administrator, not registered for MFA)")
# a disabled holder without a registration record is no longer an unknown
case(R, 'pass-disabled-norecord', snapr([ra('a1', OWNER, ALEX), ra('d1', OWNER, DIEGO)], directory=dict(DIR3, userRegistrationDetails=REG_OK, users=users_dis(diego=False)), datasets=DS),
     f"PASS {TN} ~ all 2 privileged user(s) are registered for MFA; 1 {DIS_SUFFIX}: DiegoS@contoso.com (Owner, no registration record)")
case(R, 'pass-disabled-eligible-norecord', snapr([ra('a1', OWNER, ALEX)], directory=dict(userRegistrationDetails=REG_OK, users=users_dis(diego=False), directoryRoleAssignments=DRA,
                                                                                         **{ELIGIBLE: lst(eli(DIEGO, PRA), ctx=ELI_CTX)}), datasets=DS),
     f"PASS {TN} ~ 1 {DIS_SUFFIX}: DiegoS@contoso.com (eligible for Privileged Role Administrator, no registration record)")
# other verdicts name them too
case(R, 'unknown-group-disabled', snapr([ra('a1', OWNER, ALEX), ra('n1', OWNER, NESTOR3), ra('g1', OWNER, PRIVGRP, 'Group')],
                                        directory=dict(DIR3, userRegistrationDetails=REG_DIS, users=users_dis()), datasets=DS),
     f"UNKNOWN {TN} ~ group {PRIVGRP} (Owner); 1 {DIS_SUFFIX}: NestorW@contoso.com (Owner, not registered for MFA)")
# The users of a group holding a privileged role hold it: with the group's
# users collected (groupMembers), the verdict stands on them (these gave
# UNKNOWN before: the members were not in the input).
GRP3 = [ra('a1', OWNER, ALEX), ra('g1', OWNER, PRIVGRP, 'Group')]
case(R, 'pass-group', snapr(GRP3, directory=dict(DIR3, userRegistrationDetails=REG_OK, **{GM: gmembers((PRIVGRP, [member(ALEX, "AlexW@contoso.com"), member(BIANCA, "BiancaP@contoso.com")])),
                                                                                  GE: gelig((PRIVGRP, []))}), datasets=DS),
     f"PASS {TN} ~ all 2 privileged user(s) are registered for MFA")
case(R, 'fail-group-member', snapr(GRP3, directory=dict(DIR3, userRegistrationDetails=REG_DIS, **{GM: gmembers((PRIVGRP, [member(NESTOR3, "NestorW@contoso.com")]))}), datasets=DS),
     f"FAIL {TN} ~ 1 privileged user(s) not registered for MFA: NestorW@contoso.com (Owner via group {PRIVGRP})")
# a role-assignable group eligible for a directory role, named from its expanded principal
# the collector read the group's name: the message names it, with its id (the
# role assignment's principalId); the verdict is the same without it
case(R, 'fail-group-member-named', snapr(GRP3, directory=dict(DIR3, userRegistrationDetails=REG_DIS, **{GM: gmembers((PRIVGRP, [member(NESTOR3, "NestorW@contoso.com")]), names={PRIVGRP: "Platform Admins"})}), datasets=DS),
     f"FAIL {TN} ~ 1 privileged user(s) not registered for MFA: NestorW@contoso.com (Owner via group Platform Admins ({PRIVGRP}))")
case(R, 'fail-group-eligible-dirrole', snapr([ra('a1', OWNER, ALEX)], directory={"userRegistrationDetails": REG_DIS, "directoryRoleAssignments": DRA, ELIGIBLE: ELI_GRP,
                                                                          GM: gmembers((TIER0, [member(NESTOR3, "NestorW@contoso.com")]))}, datasets=DS),
     f"FAIL {TN} ~ NestorW@contoso.com (eligible for Privileged Role Administrator via group Tier0 admins)")
# a disabled member is left out as a disabled direct holder is
case(R, 'pass-group-disabled', snapr(GRP3, directory=dict(DIR3, userRegistrationDetails=REG_DIS, **{GM: gmembers((PRIVGRP, [member(NESTOR3, "NestorW@contoso.com", enabled=False)])),
                                                                                           GE: gelig((PRIVGRP, []))}), datasets=DS),
     f"PASS {TN} ~ 1 {DIS_SUFFIX}: NestorW@contoso.com (Owner via group {PRIVGRP}, not registered for MFA)")
case(R, 'unknown-group-norecord', snapr(GRP3, directory=dict(DIR3, userRegistrationDetails=REG_OK, **{GM: gmembers((PRIVGRP, [member(DIEGO, "DiegoS@contoso.com")]))}), datasets=DS),
     f"UNKNOWN {TN} ~ no usable MFA registration record for 1 privileged user(s): DiegoS@contoso.com (Owner via group {PRIVGRP})")
# the group's call refused (its error is scoped to the group): unknown, as before
for name, bare in (('unknown-group-403', False), ('unknown-group-403-bare-scope', True)):
    case(R, name, snapr(GRP3, directory=dict(DIR3, userRegistrationDetails=REG_OK, **{GM: gmembers()}), errors=[gm_err(PRIVGRP, bare=bare)], datasets=DS),
         f"UNKNOWN {TN} ~ 1 group(s) hold a privileged role and their users are unknown (its users could not be read (/v1.0/groups/{PRIVGRP}/transitiveMembers/microsoft.graph.user, HTTP 403: Authorization_RequestDenied")
# another group's refusal leaves this one's users usable
case(R, 'fail-group-other-403', snapr(GRP3, directory=dict(DIR3, userRegistrationDetails=REG_DIS, **{GM: gmembers((PRIVGRP, [member(NESTOR3, "NestorW@contoso.com")]))}),
                                      errors=[gm_err("9f0e0000-0000-4000-8000-00000000beef")], datasets=DS),
     f"FAIL {TN} ~ NestorW@contoso.com (Owner via group {PRIVGRP})")
case(R, 'unknown-group-noentry', snapr(GRP3, directory=dict(DIR3, userRegistrationDetails=REG_OK, **{GM: gmembers()}), datasets=DS),
     f"UNKNOWN {TN} ~ their users are unknown (its users are not in the input (groupMembers has no entry for it)): group {PRIVGRP} (Owner)")
# Privileged Identity Management for Groups: a user eligible for membership
# (or ownership: an owner can add itself) of a group holding a privileged
# role can activate it at any time, and holds the role as its members do
# (the old code passed these tenants: it read the active members only).
GM3 = gmembers((PRIVGRP, [member(ALEX, "AlexW@contoso.com")]))
def gdir3(reg, elig, **kv):
    return dict(DIR3, userRegistrationDetails=reg, **{GM: GM3, GE: gelig((PRIVGRP, elig))}, **kv)
NESTOR_ELI = geli(PRIVGRP, NESTOR3, principal=puser(NESTOR3, "NestorW@contoso.com"))
case(R, 'fail-group-eligible', snapr(GRP3, directory=gdir3(REG_DIS, [NESTOR_ELI]), datasets=DS),
     f"FAIL {TN} ~ 1 privileged user(s) not registered for MFA: NestorW@contoso.com (Owner eligible via group {PRIVGRP})")
case(R, 'fail-group-eligible-owner', snapr(GRP3, directory=gdir3(REG_DIS, [geli(PRIVGRP, NESTOR3, 'owner', principal=puser(NESTOR3, "NestorW@contoso.com"))]), datasets=DS),
     f"FAIL {TN} ~ NestorW@contoso.com (Owner eligible via group {PRIVGRP} as its owner)")
case(R, 'pass-group-eligible', snapr(GRP3, directory=gdir3(REG_OK, [geli(PRIVGRP, BIANCA, principal=puser(BIANCA, "BiancaP@contoso.com"))]), datasets=DS),
     f"PASS {TN} ~ all 2 privileged user(s) are registered for MFA")
# an instance that ended before the collection (collected_at) no longer counts
case(R, 'pass-group-eligible-expired', snapr(GRP3, directory=gdir3(REG_DIS, [dict(NESTOR_ELI, endDateTime="2026-10-01T00:00:00Z")]), datasets=DS),
     f"PASS {TN} ~ all 2 privileged user(s) are registered for MFA")
# a disabled eligible user is left out, as a disabled member is
case(R, 'pass-group-eligible-disabled', snapr(GRP3, directory=gdir3(REG_DIS, [NESTOR_ELI], users=users_dis()), datasets=DS),
     f"PASS {TN} ~ 1 {DIS_SUFFIX}: NestorW@contoso.com (Owner eligible via group {PRIVGRP}, not registered for MFA)")
# an eligible group passes it to its users (read for it into groupMembers)
NESTED = "6a1f0e2d-0000-4000-8000-0000000e1a57"
case(R, 'fail-group-eligible-nested', snapr(GRP3, directory=dict(gdir3(REG_DIS, [geli(PRIVGRP, NESTED, principal=pgroup(NESTED, "Responders"))]),
                                                                  **{GM: GM3 + gmembers((NESTED, [member(NESTOR3, "NestorW@contoso.com")]))}), datasets=DS),
     f"FAIL {TN} ~ NestorW@contoso.com (Owner eligible via group {PRIVGRP} through group Responders)")
case(R, 'unknown-group-eligible-nested', snapr(GRP3, directory=gdir3(REG_OK, [geli(PRIVGRP, NESTED, principal=pgroup(NESTED, "Responders"))]), datasets=DS),
     f"UNKNOWN {TN} ~ 1 group(s) hold a privileged role and their users are unknown (group Responders is eligible for it and its users are not in the input (groupMembers has no entry for it)): group {PRIVGRP} (Owner)")
# a principal neither expanded nor a collected user may be a group
case(R, 'unknown-group-eligible-untyped', snapr(GRP3, directory=gdir3(REG_OK, [geli(PRIVGRP, NESTED)]), datasets=DS),
     f"UNKNOWN {TN} ~ (its eligible principal {NESTED} is not typed and not a user in the input): group {PRIVGRP} (Owner)")
# the group's eligibility refused: its eligible users are unknown; a FAIL stands
case(R, 'unknown-group-eligible-403', snapr(GRP3, directory=dict(DIR3, userRegistrationDetails=REG_OK, **{GM: GM3, GE: gelig()}), errors=[ge_err(PRIVGRP)], datasets=DS),
     f"UNKNOWN {TN} ~ 1 group(s) hold a privileged role and their users are unknown (its eligible members and owners could not be read ({GE_API}, HTTP 403: UnknownError")
case(R, 'unknown-group-eligible-403-named', snapr(GRP3, directory=dict(DIR3, userRegistrationDetails=REG_OK, **{GM: gmembers((PRIVGRP, [member(ALEX, "AlexW@contoso.com")]), names={PRIVGRP: "Platform Admins"}), GE: gelig()}), errors=[ge_err(PRIVGRP)], datasets=DS),
     f"UNKNOWN {TN} ~ HTTP 403: UnknownError: {{\"errorCode\":\"PermissionScopeNotGranted\",\"message\":\"Authorization failed due to missing permission scope PrivilegedEligibilitySchedule.Read.AzureADGroup,PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup.\"}})): group Platform Admins ({PRIVGRP}) (Owner)")
case(R, 'fail-group-eligible-named', snapr(GRP3, directory=dict(gdir3(REG_DIS, [NESTOR_ELI]), **{GM: gmembers((PRIVGRP, [member(ALEX, "AlexW@contoso.com")]), names={PRIVGRP: "Platform Admins"})}), datasets=DS),
     f"FAIL {TN} ~ 1 privileged user(s) not registered for MFA: NestorW@contoso.com (Owner eligible via group Platform Admins ({PRIVGRP}))")
case(R, 'fail-group-eligible-403', snapr(GRP3, directory=dict(DIR3, userRegistrationDetails=REG_DIS, **{GM: gmembers((PRIVGRP, [member(NESTOR3, "NestorW@contoso.com")])), GE: gelig()}),
                                         errors=[ge_err(PRIVGRP)], datasets=DS),
     f"FAIL {TN} ~ NestorW@contoso.com (Owner via group {PRIVGRP})")
# AadPremiumLicenseRequired: no Microsoft Entra ID P2 or ID Governance, so no eligibility
case(R, 'pass-group-eligible-nop2', snapr(GRP3, directory=dict(DIR3, userRegistrationDetails=REG_OK, **{GM: GM3, GE: gelig()}), errors=[ge_nop2(PRIVGRP)], datasets=DS),
     f"PASS {TN} ~ all 2 privileged user(s) are registered for MFA; no eligible group membership or ownership: the tenant has no Microsoft Entra ID P2")
# a snapshot whose collector read the groups' users but not their eligibility
case(R, 'unknown-group-eligible-missing', snapr(GRP3, directory=dict(DIR3, userRegistrationDetails=REG_OK, **{GM: GM3}), datasets=DS_OLD),
     f"UNKNOWN {TN} ~ (Microsoft Graph data 'groupEligibility' was not collected (the snapshot's data sets list groupMembers but not groupEligibility")
# accountEnabled unknown (absent, not a boolean) or true: the user counts
case(R, 'fail-enabled-unknown', snapr([ra('a1', OWNER, ALEX), ra('n1', OWNER, NESTOR3), ra('d1', CONTRIB, DIEGO)],
                                      directory=dict(DIR3, userRegistrationDetails=REG_DIS_DIEGO, users=users_dis(nestor=DEL, diego=None)), datasets=DS),
     f"FAIL {TN} ~ 2 privileged user(s) not registered for MFA: NestorW@contoso.com (Owner), DiegoS@contoso.com (Contributor)")
# without the users list nobody can be told disabled
case(R, 'fail-disabled-nousers', snapr([ra('a1', OWNER, ALEX), ra('n1', OWNER, NESTOR3)], directory=dict(DIR3, userRegistrationDetails=REG_DIS), errors=[gerr("users")], datasets=DS),
     f"FAIL {TN} ~ 1 privileged user(s) not registered for MFA: NestorW@contoso.com (Owner)")

# 004 guests with roles
R = 'AZA-IAM-004'
GID = "0a1b2c3d-0000-4000-8000-00000000aaaa"
USERS = lst(user(ALEX, "AlexW@contoso.com"), user(BIANCA, "BiancaP@contoso.com"),
            user(GID, "AdeleV_adatum.com#EXT#@contoso.com", 'Guest'))
case(R, 'pass', snapr([ra('a1', OWNER, ALEX)], directory={"users": USERS, "directoryRoleAssignments": DRA}, datasets=DS), f"PASS {TN} ~ 1 guest user(s) (AdeleV_adatum.com#EXT#@contoso.com); none holds")
case(R, 'pass-none', snapr([], directory={"users": lst(user(ALEX, "AlexW@contoso.com"))}), f"PASS {TN} ~ no guest user")
case(R, 'fail', snapr([ra('a1', CONTRIB, GID, scope=SUBID + "/resourceGroups/rg-app")], directory={"users": USERS, "directoryRoleAssignments": DRA}, datasets=DS), f"FAIL {TN} ~ Contributor at {SUBID}/resourceGroups/rg-app")
case(R, 'fail-dirrole', snapr([], directory={"users": USERS, "directoryRoleAssignments": lst(dra(GID, GREADER))}, datasets=DS), f"FAIL {TN} ~ directory role {GREADER}")
case(R, 'unknown', snapr([], errors=[gerr("users"), gerr("userRegistrationDetails")]), f"UNKNOWN {TN} ~ Directory.Read.All")
case(R, 'unknown-ra', snapr([], directory={"users": USERS, "directoryRoleAssignments": DRA}, datasets=[RD]), f"UNKNOWN {TN} ~ Azure role assignments are unknown")
# users without userType (default $select): fall back on registration details
case(R, 'pass-regfallback', snapr([ra('a1', OWNER, ALEX)], directory={"users": lst({"id": ALEX, "displayName": "Alex", "userPrincipalName": "AlexW@contoso.com"}), "userRegistrationDetails": REG_OK, "directoryRoleAssignments": DRA}, datasets=DS), f"PASS {TN} ~ 1 guest user(s) (AllanD_fabrikam.com#EXT#@contoso.com)")
# a guest eligible for a directory role (Privileged Identity Management) can
# activate it at any time (the old code read active assignments only)
case(R, 'fail-eligible', snapr([], directory={"users": USERS, "directoryRoleAssignments": DRA, ELIGIBLE: lst(eli(GID, GREADER), ctx=ELI_CTX)}, datasets=DS),
     f"FAIL {TN} ~ 1 guest user(s) hold role assignments: AdeleV_adatum.com#EXT#@contoso.com (eligible for directory role {GREADER})")
case(R, 'fail-eligible-ga', snapr([], directory={"users": USERS, "directoryRoleAssignments": DRA, ELIGIBLE: lst(eli(GID, GA), ctx=ELI_CTX)}, datasets=DS),
     f"FAIL {TN} ~ AdeleV_adatum.com#EXT#@contoso.com (eligible for Global Administrator)")
# an eligibility that ended before the collection (collected_at) can no longer
# be activated: the guest holds nothing (the old code failed this tenant); one
# that ends later still fails it
case(R, 'pass-eligible-expired', snapr([], directory={"users": USERS, "directoryRoleAssignments": DRA, ELIGIBLE: lst(ending(eli(GID, GA), ENDED), ctx=ELI_CTX)}, datasets=DS),
     f"PASS {TN} ~ 1 guest user(s) (AdeleV_adatum.com#EXT#@contoso.com); none holds")
case(R, 'fail-eligible-ends-later', snapr([], directory={"users": USERS, "directoryRoleAssignments": DRA, ELIGIBLE: lst(ending(eli(GID, GA), ENDS_LATER), ctx=ELI_CTX)}, datasets=DS),
     f"FAIL {TN} ~ 1 guest user(s) hold role assignments: AdeleV_adatum.com#EXT#@contoso.com (eligible for Global Administrator)")
case(R, 'unknown-eligible-missing', snap([ra('a1', OWNER, ALEX)], directory={"users": USERS, "directoryRoleAssignments": DRA}, datasets=DS),
     f"UNKNOWN {TN} ~ 1 guest user(s) (AdeleV_adatum.com#EXT#@contoso.com), but eligible directory role assignments (Privileged Identity Management) are unknown")
case(R, 'pass-eligible-nop2', snapr([ra('a1', OWNER, ALEX)], directory={"users": USERS, "directoryRoleAssignments": DRA}, errors=[NOP2], datasets=DS),
     f"PASS {TN} ~ is eligible for an Azure role, or is eligible for a directory role; no eligible directory role assignment: the tenant has no Microsoft Entra ID P2")
# A guest eligible for an Azure role (Privileged Identity Management for
# Azure resources) can activate it at any time, like an eligible directory
# role; any role at any scope counts, as an active one does. The old code
# read active Azure role assignments only and passed these tenants.
case(R, 'fail-rbac-eligible', snapr([ra('a1', OWNER, ALEX), rei('e1', OWNER, GID)], directory={"users": USERS, "directoryRoleAssignments": DRA}, datasets=DS),
     f"FAIL {TN} ~ 1 guest user(s) hold role assignments: AdeleV_adatum.com#EXT#@contoso.com (eligible for Owner at {SUBID})")
case(R, 'pass-rbac-eligible-expired', snapr([ra('a1', OWNER, ALEX), ending(rei('e1', OWNER, GID), ENDED)], directory={"users": USERS, "directoryRoleAssignments": DRA}, datasets=DS),
     f"PASS {TN} ~ 1 guest user(s) (AdeleV_adatum.com#EXT#@contoso.com); none holds")
case(R, 'fail-rbac-eligible-rg', snapr([rei('e1', READER, GID, scope=SUBID + '/resourceGroups/rg-app', rname='Reader')], directory={"users": USERS, "directoryRoleAssignments": DRA}, datasets=DS),
     f"FAIL {TN} ~ AdeleV_adatum.com#EXT#@contoso.com (eligible for role {READER} at {SUBID}/resourceGroups/rg-app)")
# a role held is named before one the guest is only eligible for
case(R, 'fail-rbac-eligible-held', snapr([ra('a1', CONTRIB, GID), rei('e1', OWNER, GID)], directory={"users": USERS, "directoryRoleAssignments": DRA}, datasets=DS),
     f"FAIL {TN} ~ AdeleV_adatum.com#EXT#@contoso.com (Contributor at {SUBID})")
# the list not collected, or refused: an eligible guest may be there
case(R, 'unknown-rbac-eligible-missing', snap([ra('a1', OWNER, ALEX)], directory={"users": USERS, "directoryRoleAssignments": DRA, ELIGIBLE: NOELIG}, datasets=DS),
     f"UNKNOWN {TN} ~ 1 guest user(s) (AdeleV_adatum.com#EXT#@contoso.com), but eligible Azure role assignments (Privileged Identity Management for Azure resources) are unknown, and an eligible user can activate a role such as Owner at any time: {REI} was not collected")
case(R, 'unknown-rbac-eligible-403', snapr([ra('a1', OWNER, ALEX)], directory={"users": USERS, "directoryRoleAssignments": DRA}, errors=[rei_err()], datasets=DS),
     f"UNKNOWN {TN} ~ {REI} could not be read for /subscriptions/{SUB} (/subscriptions/{SUB}/providers/{REI}, HTTP 403: AuthorizationFailed")
# with a 403 in another subscription beside the license refusal, there may be one
case(R, 'unknown-rbac-eligible-nop2-403', snapr([ra('a1', OWNER, ALEX)], directory={"users": USERS, "directoryRoleAssignments": DRA},
                                                errors=[REI_NOP2, rei_err(sub='00000000-0000-0000-0000-000000000002')], datasets=DS),
     f"UNKNOWN {TN} ~ {REI} could not be read for /subscriptions/00000000-0000-0000-0000-000000000002 (")
# a FAIL stands whatever is unknown
case(R, 'fail-rbac-eligible-403', snapr([ra('a1', READER, GID)], directory={"users": USERS, "directoryRoleAssignments": DRA}, errors=[rei_err()], datasets=DS),
     f"FAIL {TN} ~ AdeleV_adatum.com#EXT#@contoso.com (role {READER} at {SUBID})")
# Resource Manager's AadPremiumLicenseRequired: no Microsoft Entra ID P2, so no eligible assignment
case(R, 'pass-rbac-eligible-nop2', snapr([ra('a1', OWNER, ALEX)], directory={"users": USERS, "directoryRoleAssignments": DRA}, errors=[REI_NOP2], datasets=DS),
     f"PASS {TN} ~ none holds an Azure or directory role assignment, is eligible for an Azure role, or is eligible for a directory role; no eligible Azure role assignment: the tenant has no Microsoft Entra ID P2 or Microsoft Entra ID Governance license (Resource Manager answered AadPremiumLicenseRequired)")
# Every tenant has at least one user (the one who created it): a users list
# read but empty was emptied by a filter or a permission, not a tenant
# without guests (the old code passed it: "no guest user in users").
EMPTY_USERS = "Microsoft Graph data 'users' was read but lists no user, and every tenant has at least one (the user who created it)"
case(R, 'unknown-users-empty', snapr([ra('a1', OWNER, ALEX)], directory={"users": lst(), "directoryRoleAssignments": DRA}, errors=[gerr("userRegistrationDetails")], datasets=DS),
     f"UNKNOWN {TN} ~ guest users cannot be listed: {EMPTY_USERS}")
case(R, 'unknown-users-reg-empty', snapr([ra('a1', OWNER, ALEX)], directory={"users": lst(), "userRegistrationDetails": lst(ctx='reports/authenticationMethods/userRegistrationDetails'),
                                                                           "directoryRoleAssignments": DRA}, datasets=DS),
     f"UNKNOWN {TN} ~ Microsoft Graph data 'userRegistrationDetails' was read but lists no user")
# registration details still list the guests
# A guest holding a role through a group (any role, any scope) holds it; a
# group whose users are unknown leaves guests' roles unknown (the old code
# passed these tenants: it never looked at groups).
GRP4 = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
GRP4_RA = ra('g1', READER, GRP4, 'Group', scope=SUBID + "/resourceGroups/rg-app")
case(R, 'fail-group', snapr([GRP4_RA], directory={"users": USERS, "directoryRoleAssignments": DRA, GM: gmembers((GRP4, [member(ALEX, "AlexW@contoso.com"), member(GID, "AdeleV_adatum.com#EXT#@contoso.com", 'Guest')]))}, datasets=DS),
     f"FAIL {TN} ~ 1 guest user(s) hold role assignments: AdeleV_adatum.com#EXT#@contoso.com (role {READER} at {SUBID}/resourceGroups/rg-app via group {GRP4})")
case(R, 'fail-group-named', snapr([GRP4_RA], directory={"users": USERS, "directoryRoleAssignments": DRA, GM: gmembers((GRP4, [member(GID, "AdeleV_adatum.com#EXT#@contoso.com", 'Guest')]), names={GRP4: "App Readers"})}, datasets=DS),
     f"FAIL {TN} ~ AdeleV_adatum.com#EXT#@contoso.com (role {READER} at {SUBID}/resourceGroups/rg-app via group App Readers ({GRP4}))")
case(R, 'pass-group', snapr([GRP4_RA], directory={"users": USERS, "directoryRoleAssignments": DRA, GM: gmembers((GRP4, [member(ALEX, "AlexW@contoso.com")])), GE: gelig((GRP4, []))}, datasets=DS),
     f"PASS {TN} ~ is eligible for a directory role, directly or through the 1 group(s) holding one")
case(R, 'unknown-group', snapr([GRP4_RA], directory={"users": USERS, "directoryRoleAssignments": DRA}, datasets=DS),
     f"UNKNOWN {TN} ~ 1 guest user(s) (AdeleV_adatum.com#EXT#@contoso.com), but 1 group(s) hold a role and their users are unknown (Microsoft Graph data 'groupMembers' was not collected): group {GRP4} (role {READER} at {SUBID}/resourceGroups/rg-app)")
for name, bare in (('unknown-group-403', False), ('unknown-group-403-bare-scope', True)):
    case(R, name, snapr([GRP4_RA], directory={"users": USERS, "directoryRoleAssignments": DRA, GM: gmembers()}, errors=[gm_err(GRP4, bare=bare)], datasets=DS),
         f"UNKNOWN {TN} ~ their users are unknown (its users could not be read (/v1.0/groups/{GRP4}/transitiveMembers/microsoft.graph.user, HTTP 403")
# a directory role held by a group (read with $expand=principal); the guest's userType comes from users
DGRP = lst(dict(dra(GRP4, GREADER), principal={"@odata.type": "#microsoft.graph.group", "id": GRP4, "displayName": "Partner readers"}), ctx='roleManagement/directory/roleAssignments')
case(R, 'fail-group-dirrole', snapr([], directory={"users": USERS, "directoryRoleAssignments": DGRP, GM: gmembers((GRP4, [member(GID, "AdeleV_adatum.com#EXT#@contoso.com", DEL)]))}, datasets=DS),
     f"FAIL {TN} ~ AdeleV_adatum.com#EXT#@contoso.com (directory role {GREADER} via group Partner readers)")
# a member neither its entry nor the list types
case(R, 'unknown-group-untyped', snapr([GRP4_RA], directory={"users": USERS, "directoryRoleAssignments": DRA, GM: gmembers((GRP4, [member(DIEGO, "DiegoS@contoso.com", DEL)]))}, datasets=DS),
     f"UNKNOWN {TN} ~ 1 user(s) holding a role through a group have no userType")
# Privileged Identity Management for Groups: a guest eligible for membership
# or ownership of a group holding a role can activate it at any time (the
# old code passed these tenants: it read the active members only). The
# guest is told from users, else from the expanded principal.
GM4 = gmembers((GRP4, [member(ALEX, "AlexW@contoso.com")]))
def gdir4(elig, **kv):
    return dict({"users": USERS, "directoryRoleAssignments": DRA, GM: GM4, GE: gelig((GRP4, elig))}, **kv)
GUEST_ELI = geli(GRP4, GID, principal=puser(GID, "AdeleV_adatum.com#EXT#@contoso.com"))
case(R, 'fail-group-eligible', snapr([GRP4_RA], directory=gdir4([GUEST_ELI]), datasets=DS),
     f"FAIL {TN} ~ 1 guest user(s) hold role assignments: AdeleV_adatum.com#EXT#@contoso.com (role {READER} at {SUBID}/resourceGroups/rg-app eligible via group {GRP4})")
case(R, 'fail-group-eligible-owner', snapr([GRP4_RA], directory=gdir4([geli(GRP4, GID, 'owner')]), datasets=DS),
     f"FAIL {TN} ~ AdeleV_adatum.com#EXT#@contoso.com (role {READER} at {SUBID}/resourceGroups/rg-app eligible via group {GRP4} as its owner)")
# the group's users refused: its eligible guest still fails it
case(R, 'fail-group-eligible-members-403', snapr([GRP4_RA], directory=dict(gdir4([GUEST_ELI]), **{GM: gmembers()}), errors=[gm_err(GRP4)], datasets=DS),
     f"FAIL {TN} ~ AdeleV_adatum.com#EXT#@contoso.com (role {READER} at {SUBID}/resourceGroups/rg-app eligible via group {GRP4})")
case(R, 'pass-group-eligible', snapr([GRP4_RA], directory=gdir4([geli(GRP4, BIANCA, principal=puser(BIANCA, "BiancaP@contoso.com"))]), datasets=DS),
     f"PASS {TN} ~ is eligible for a directory role, directly or through the 1 group(s) holding one")
case(R, 'pass-group-eligible-expired', snapr([GRP4_RA], directory=gdir4([dict(GUEST_ELI, endDateTime="2026-10-30T23:59:59Z")]), datasets=DS),
     f"PASS {TN} ~ is eligible for a directory role, directly or through the 1 group(s) holding one")
case(R, 'unknown-group-eligible-403', snapr([GRP4_RA], directory=dict(gdir4([]), **{GE: gelig()}), errors=[ge_err(GRP4)], datasets=DS),
     f"UNKNOWN {TN} ~ 1 guest user(s) (AdeleV_adatum.com#EXT#@contoso.com), but 1 group(s) hold a role and their users are unknown (its eligible members and owners could not be read ({GE_API}, HTTP 403")
case(R, 'pass-group-eligible-nop2', snapr([GRP4_RA], directory=dict(gdir4([]), **{GE: gelig()}), errors=[ge_nop2(GRP4)], datasets=DS),
     f"PASS {TN} ~ directly or through the 1 group(s) holding one; no eligible group membership or ownership: the tenant has no Microsoft Entra ID P2")
case(R, 'unknown-group-eligible-missing', snapr([GRP4_RA], directory={"users": USERS, "directoryRoleAssignments": DRA, GM: GM4}, datasets=DS_OLD),
     f"UNKNOWN {TN} ~ their users are unknown (Microsoft Graph data 'groupEligibility' was not collected (the snapshot's data sets list groupMembers but not groupEligibility")
case(R, 'pass-users-empty-regfallback', snapr([ra('a1', OWNER, ALEX)], directory={"users": lst(), "userRegistrationDetails": REG_OK, "directoryRoleAssignments": DRA}, datasets=DS),
     f"PASS {TN} ~ 1 guest user(s) (AllanD_fabrikam.com#EXT#@contoso.com)")

# 005 stale guests
R = 'AZA-IAM-005'
# signInActivity as Graph v1.0 returns it now: lastSuccessfulSignInDateTime
# (successful sign-ins only, since December 2023) beside the attempt times;
# by default the later attempt succeeded. ok=False leaves it out, as in the
# older example body.
def act(last, nonint="0001-01-01T00:00:00Z", ok=True):
    a = {"lastSignInDateTime": last, "lastSignInRequestId": "d4d31c40-4c36-4775-ad59-7d1e6a171f00",
         "lastNonInteractiveSignInDateTime": nonint, "lastNonInteractiveSignInRequestId": ""}
    if ok is True:
        times = [t for t in (last, nonint) if isinstance(t, str) and not t.startswith("0001-")]
        ok = max(times) if times and all(t[:4].isdigit() for t in times) else None
        if (times and not all(t[:4].isdigit() for t in times)) or any(t is not None and not isinstance(t, str) for t in (last, nonint)):
            ok = False
    if ok is not False:
        a["lastSuccessfulSignInDateTime"] = ok
        a["lastSuccessfulSignInRequestId"] = "d4d31c40-4c36-4775-ad59-7d1e6a171f00" if ok else None
    return a
case(R, 'pass', snap(directory={"users": lst(user(ALEX, "AlexW@contoso.com", signInActivity=act("2021-06-17T16:41:33Z")),
                                              user(GID, "AdeleV_adatum.com#EXT#@contoso.com", 'Guest', signInActivity=act("2021-06-17T16:41:33Z", "2026-10-20T10:00:00Z")),
                                              user(ADELE, "New_adatum.com#EXT#@contoso.com", 'Guest', createdDateTime="2026-10-01T00:00:00Z", signInActivity=act(None)))}),
     f"PASS {TN} ~ all 2 guest user(s) signed in")
case(R, 'fail', snap(directory={"users": lst(user(GID, "AdeleV_adatum.com#EXT#@contoso.com", 'Guest', signInActivity=act("2021-06-17T16:41:33Z")),
                                              user(ADELE, "Old_adatum.com#EXT#@contoso.com", 'Guest', createdDateTime="2024-01-01T00:00:00Z", signInActivity=act(None)))}),
     f"FAIL {TN} ~ 2 guest user(s) without a sign-in for more than 90 days: AdeleV_adatum.com#EXT#@contoso.com (last successful sign-in 1962 days ago), Old_adatum.com#EXT#@contoso.com (never signed in)")
case(R, 'unknown', snap(directory={"users": USERS}), f"UNKNOWN {TN} ~ no signInActivity")
# the attempt times count failed sign-ins too (Graph v1.0 signInActivity:
# "to track actual account access, use the lastSuccessfulSignInDateTime
# property"): a spray against an unused guest makes them recent (the old
# code passed these)
case(R, 'fail-failed-attempts', snap(directory={"users": lst(user(GID, "AdeleV_adatum.com#EXT#@contoso.com", 'Guest', createdDateTime="2024-01-01T00:00:00Z",
                                                                  signInActivity=act("2026-10-20T10:00:00Z", ok="2025-02-03T10:00:00Z")),
                                                             user(ADELE, "Old_adatum.com#EXT#@contoso.com", 'Guest', createdDateTime="2024-01-01T00:00:00Z",
                                                                  signInActivity=act("2026-10-20T10:00:00Z", ok=None)))}),
     f"FAIL {TN} ~ 2 guest user(s) without a sign-in for more than 90 days: AdeleV_adatum.com#EXT#@contoso.com (last successful sign-in 636 days ago), Old_adatum.com#EXT#@contoso.com (no successful sign-in recorded)")
case(R, 'pass-success', snap(directory={"users": lst(user(GID, "AdeleV_adatum.com#EXT#@contoso.com", 'Guest', signInActivity=act("2025-02-03T10:00:00Z", ok="2026-10-20T10:00:00Z")))}),
     f"PASS {TN} ~ all 1 guest user(s) signed in within 90 days")
case(R, 'unknown-attempts-only', snap(directory={"users": lst(user(GID, "AdeleV_adatum.com#EXT#@contoso.com", 'Guest', signInActivity=act("2026-10-20T10:00:00Z", ok=False)))}),
     f"UNKNOWN {TN} ~ 1 guest user(s) have a sign-in attempt within 90 days but no lastSuccessfulSignInDateTime (e.g. AdeleV_adatum.com#EXT#@contoso.com)")
case(R, 'fail-attempts-old', snap(directory={"users": lst(user(GID, "AdeleV_adatum.com#EXT#@contoso.com", 'Guest', signInActivity=act("2021-06-17T16:41:33Z", ok=False)))}),
     f"FAIL {TN} ~ AdeleV_adatum.com#EXT#@contoso.com (last sign-in 1962 days ago)")
case(R, 'unknown-success-baddate', snap(directory={"users": lst(user(GID, "AdeleV_adatum.com#EXT#@contoso.com", 'Guest', signInActivity=act("2026-10-20T10:00:00Z", ok="recently")))}),
     f"UNKNOWN {TN} ~ 1 guest user(s) have a last sign-in time that is not a date")
case(R, 'unknown-error', snap(errors=[gerr("users")]), f"UNKNOWN {TN} ~ HTTP 403")
# a users list read but empty (every tenant has a user): not "no guest" (the old code passed it)
case(R, 'unknown-users-empty', snap(directory={"users": lst(), "guestSignInActivity": lst(ctx='users')}),
     f"UNKNOWN {TN} ~ no stale guest found, but {EMPTY_USERS}")
# a sign-in time that is not a date may be recent: not stale, not fresh
# (the old date reader took "2026-10-20junk" as 2026-10-20, and a guest
# whose only sign-in was unreadable passed as newly invited)
case(R, 'unknown-baddate', snap(directory={"users": lst(user(GID, "AdeleV_adatum.com#EXT#@contoso.com", 'Guest', signInActivity=act("2026-10-20T10:00:00Zjunk")),
                                                        user(ADELE, "New_adatum.com#EXT#@contoso.com", 'Guest', createdDateTime="2026-10-01T00:00:00Z", signInActivity=act("yesterday")))}),
     f"UNKNOWN {TN} ~ 2 guest user(s) have a last sign-in time that is not a date (e.g. AdeleV_adatum.com#EXT#@contoso.com)")
# an old sign-in beside an unreadable one: the unreadable one may be recent
case(R, 'unknown-baddate-other', snap(directory={"users": lst(user(GID, "AdeleV_adatum.com#EXT#@contoso.com", 'Guest', signInActivity=act("2021-06-17T16:41:33Z", 17)))}),
     f"UNKNOWN {TN} ~ 1 guest user(s) have a last sign-in time that is not a date")
# a typed guest is fine, but a user without userType may be a stale guest
case(R, 'unknown-untyped', snap(directory={"users": lst(user(GID, "AdeleV_adatum.com#EXT#@contoso.com", 'Guest', signInActivity=act("2026-10-20T10:00:00Z")),
                                                        {"id": ADELE, "displayName": "Someone", "userPrincipalName": "someone@contoso.com",
                                                         "signInActivity": act("2021-06-17T16:41:33Z")})}),
     f"UNKNOWN {TN} ~ 1 user(s) were collected without userType")
# guestSignInActivity: the guests and their sign-ins, read apart from users
# (Graph refuses a users call selecting signInActivity without AuditLog.Read.All
# and Entra ID P1/P2); entries shaped after users-list-signInActivity.json
GSA = "guestSignInActivity"
def gsa(*items):
    return lst(*items, ctx='users(id,displayName,userPrincipalName,userType,createdDateTime,signInActivity)')
def gentry(id_, upn, created="2024-01-01T00:00:00Z", **kv):
    e = {"id": id_, "displayName": upn.split('@')[0], "userPrincipalName": upn, "userType": "Guest", "createdDateTime": created}
    e.update(kv)
    return e
NEWG = "0a1b2c3d-0000-4000-8000-00000000bbbb"
GUSERS = lst(user(ALEX, "AlexW@contoso.com"), user(GID, "AdeleV_adatum.com#EXT#@contoso.com", 'Guest'),
             user(ADELE, "New_adatum.com#EXT#@contoso.com", 'Guest', createdDateTime="2026-10-01T00:00:00Z"))
# joined by id: recent sign-ins, and a new guest who never signed in
case(R, 'pass-joined', snap(directory={"users": GUSERS, GSA: gsa(gentry(GID, "AdeleV_adatum.com#EXT#@contoso.com", signInActivity=act("2021-06-17T16:41:33Z", "2026-10-20T10:00:00Z")),
                                                                  gentry(ADELE, "New_adatum.com#EXT#@contoso.com", "2026-10-01T00:00:00Z", signInActivity=act(None)))}),
     f"PASS {TN} ~ all 2 guest user(s) signed in within 90 days")
case(R, 'fail-joined', snap(directory={"users": GUSERS, GSA: gsa(gentry(GID, "AdeleV_adatum.com#EXT#@contoso.com", signInActivity=act("2021-06-17T16:41:33Z")),
                                                                  gentry(ADELE, "New_adatum.com#EXT#@contoso.com", "2026-10-01T00:00:00Z", signInActivity=act(None)))}),
     f"FAIL {TN} ~ 1 guest user(s) without a sign-in for more than 90 days: AdeleV_adatum.com#EXT#@contoso.com (last successful sign-in 1962 days ago)")
# the user's own signInActivity wins over the list's
case(R, 'pass-users-first', snap(directory={"users": lst(user(GID, "AdeleV_adatum.com#EXT#@contoso.com", 'Guest', signInActivity=act("2026-10-20T10:00:00Z"))),
                                            GSA: gsa(gentry(GID, "AdeleV_adatum.com#EXT#@contoso.com", signInActivity=act("2021-06-17T16:41:33Z")))}),
     f"PASS {TN} ~ all 1 guest user(s) signed in")
# users without userType (the default $select): the list says who the guests
# are; a guest it holds that users does not (invited in between) counts too
case(R, 'fail-untyped-list', snap(directory={"users": lst({"id": ALEX, "displayName": "Alex", "userPrincipalName": "AlexW@contoso.com"},
                                                          {"id": GID, "displayName": "Adele", "userPrincipalName": "AdeleV@adatum.com"}),
                                             GSA: gsa(gentry(GID, "AdeleV_adatum.com#EXT#@contoso.com", signInActivity=act("2021-06-17T16:41:33Z")),
                                                      gentry(NEWG, "Old_fabrikam.com#EXT#@contoso.com", "2024-01-01T00:00:00Z", signInActivity=act(None)))}),
     f"FAIL {TN} ~ 2 guest user(s) without a sign-in for more than 90 days: AdeleV@adatum.com (last successful sign-in 1962 days ago), Old_fabrikam.com#EXT#@contoso.com (never signed in)")
case(R, 'pass-untyped-list', snap(directory={"users": lst({"id": ALEX, "displayName": "Alex", "userPrincipalName": "AlexW@contoso.com"}), GSA: gsa()}),
     f"PASS {TN} ~ no guest user in the directory")
# the list was refused: the users are still judged, and the verdict names
# what Graph said was missing (its 403 error codes)
NOPREM = "Authentication_RequestFromNonPremiumTenantOrB2CTenant: Neither tenant is B2C or tenant doesn't have premium license"
NOPERM = "Authentication_MSGraphPermissionMissing: Calling principal does not have required MSGraph permissions AuditLog.Read.All"
case(R, 'unknown-nopremium', snap(directory={"users": GUSERS}, errors=[gerr(GSA, msg=NOPREM)]),
     f"UNKNOWN {TN} ~ 2 guest user(s) have no signInActivity: Microsoft Graph data 'guestSignInActivity' could not be read "
     f"(GET graph guestSignInActivity, HTTP 403: {NOPREM}); the tenant has no Microsoft Entra ID P1 or P2 license")
case(R, 'unknown-noauditlog', snap(directory={"users": GUSERS}, errors=[gerr(GSA, msg=NOPERM)]),
     f"UNKNOWN {TN} ~ the identity lacks the Graph permission AuditLog.Read.All")
case(R, 'unknown-denied', snap(directory={"users": GUSERS}, errors=[gerr(GSA)]),
     f"UNKNOWN {TN} ~ the scan needs the Graph permission AuditLog.Read.All and a Microsoft Entra ID P1 or P2 license")
# users without userType and the list refused: neither says who the guests are
case(R, 'unknown-untyped-refused', snap(directory={"users": lst({"id": ALEX, "displayName": "Alex", "userPrincipalName": "AlexW@contoso.com"})},
                                        errors=[gerr(GSA, msg=NOPERM)]),
     f"UNKNOWN {TN} ~ guests cannot be told apart, and the guest list that would tell them (with their sign-ins) is unusable: "
     f"Microsoft Graph data 'guestSignInActivity' could not be read (GET graph guestSignInActivity, HTTP 403: {NOPERM}); the identity lacks the Graph permission AuditLog.Read.All")
# a stale guest fails whatever the list's fate
case(R, 'fail-list-refused', snap(directory={"users": lst(user(GID, "AdeleV_adatum.com#EXT#@contoso.com", 'Guest', signInActivity=act("2021-06-17T16:41:33Z")),
                                                         user(ADELE, "New_adatum.com#EXT#@contoso.com", 'Guest'))}, errors=[gerr(GSA, msg=NOPREM)]),
     f"FAIL {TN} ~ 1 guest user(s) without a sign-in for more than 90 days: AdeleV_adatum.com#EXT#@contoso.com")
# a list whose later pages failed holds some guests only: not used
case(R, 'unknown-list-partial', snap(directory={"users": GUSERS, GSA: gsa(gentry(GID, "AdeleV_adatum.com#EXT#@contoso.com", signInActivity=act("2026-10-20T10:00:00Z")))},
                                     errors=[gerr(GSA, 429, "TooManyRequests: paging stopped after page 1")]),
     f"UNKNOWN {TN} ~ HTTP 429: TooManyRequests: paging stopped after page 1); collect again")
# read, but a guest is missing from it or has no signInActivity object there
case(R, 'unknown-unlisted', snap(directory={"users": GUSERS, GSA: gsa(gentry(GID, "AdeleV_adatum.com#EXT#@contoso.com", signInActivity=act("2026-10-20T10:00:00Z")))}),
     f"UNKNOWN {TN} ~ 1 guest user(s) have no signInActivity (e.g. New_adatum.com#EXT#@contoso.com: not in the guest sign-in list")
# Graph does not return signInActivity for a user with no sign-in recorded
# ("not returned for a user who has never signed in or last signed in
# before April 2020", v1.0 user resource): in the list, read in full, a
# guest without it (null or absent) is stale once created more than 90 days
# ago, and new otherwise (the old code said UNKNOWN for both)
OLDG_USERS = lst(user(ALEX, "AlexW@contoso.com"), user(GID, "AdeleV_adatum.com#EXT#@contoso.com", 'Guest'),
                 user(ADELE, "Old_adatum.com#EXT#@contoso.com", 'Guest', createdDateTime="2024-01-01T00:00:00Z"))
case(R, 'fail-list-null', snap(directory={"users": OLDG_USERS, GSA: gsa(gentry(GID, "AdeleV_adatum.com#EXT#@contoso.com", signInActivity=act("2026-10-20T10:00:00Z")),
                                                                        gentry(ADELE, "Old_adatum.com#EXT#@contoso.com", signInActivity=None))}),
     f"FAIL {TN} ~ 1 guest user(s) without a sign-in for more than 90 days: Old_adatum.com#EXT#@contoso.com (no sign-in recorded since it was created on 2024-01-01, 1035 days ago)")
case(R, 'fail-list-absent', snap(directory={"users": lst(user(ALEX, "AlexW@contoso.com"), user(GID, "AdeleV_adatum.com#EXT#@contoso.com", 'Guest')),
                                            GSA: gsa(gentry(GID, "AdeleV_adatum.com#EXT#@contoso.com", "2025-03-14T09:30:00Z"))}),
     f"FAIL {TN} ~ AdeleV_adatum.com#EXT#@contoso.com (no sign-in recorded since it was created on 2025-03-14")
case(R, 'pass-list-null', snap(directory={"users": GUSERS, GSA: gsa(gentry(GID, "AdeleV_adatum.com#EXT#@contoso.com", signInActivity=act("2026-10-20T10:00:00Z")),
                                                                    gentry(ADELE, "New_adatum.com#EXT#@contoso.com", "2026-10-01T00:00:00Z", signInActivity=None))}),
     f"PASS {TN} ~ all 2 guest user(s) signed in within 90 days")
# without createdDateTime a new guest cannot be told from a stale one
NOCREATED = gentry(ADELE, "New_adatum.com#EXT#@contoso.com", signInActivity=None)
del NOCREATED["createdDateTime"]
case(R, 'unknown-list-null-nocreated', snap(directory={"users": lst(user(ALEX, "AlexW@contoso.com"), user(ADELE, "New_adatum.com#EXT#@contoso.com", 'Guest')),
                                                       GSA: gsa(NOCREATED)}),
     f"UNKNOWN {TN} ~ 1 guest user(s) have no signInActivity (e.g. New_adatum.com#EXT#@contoso.com: the guest sign-in list (guestSignInActivity) records no sign-in for it, and it has no createdDateTime")
# a signInActivity that is there but not an object says nothing
case(R, 'unknown-list-notobject', snap(directory={"users": GUSERS, GSA: gsa(gentry(GID, "AdeleV_adatum.com#EXT#@contoso.com", signInActivity=act("2026-10-20T10:00:00Z")),
                                                                            gentry(ADELE, "New_adatum.com#EXT#@contoso.com", signInActivity="2026-10-20T10:00:00Z"))}),
     f"UNKNOWN {TN} ~ gives a signInActivity that is not an object")
case(R, 'unknown-list-shape', snap(directory={"users": GUSERS, GSA: {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users", "value": None}}),
     f"UNKNOWN {TN} ~ 'guestSignInActivity' is not a list")

# authorization policy rules
def authz_rule(rule, passkw, failkw, unkkw, passmsg, failmsg):
    case(rule, 'pass', snap(directory={"authorizationPolicy": authz(**passkw)}), f"PASS {TN} ~ {passmsg}")
    case(rule, 'fail', snap(directory={"authorizationPolicy": authz(**failkw)}), f"FAIL {TN} ~ {failmsg}")
    case(rule, 'unknown', snap(directory={"authorizationPolicy": authz(**unkkw)}), f"UNKNOWN {TN}")
    case(rule, 'unknown-403', snap(errors=[gerr("authorizationPolicy")]), f"UNKNOWN {TN} ~ Policy.Read.All")
    # a collector that kept the list wrapper of an empty response: no policy
    # object to judge (the old code reached no verdict at all)
    case(rule, 'unknown-empty-list', snap(directory={"authorizationPolicy": {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#policies/authorizationPolicy", "value": []}}),
         f"UNKNOWN {TN} ~ authorizationPolicy is a list with no policy object")
authz_rule('AZA-IAM-006', {}, {"allowInvitesFrom": "everyone"}, {"allowInvitesFrom": "sometimes"}, "adminsAndGuestInviters", "guests included")
case('AZA-IAM-006', 'fail-members', snap(directory={"authorizationPolicy": authz(allowInvitesFrom="adminsGuestInvitersAndAllMembers")}), f"FAIL {TN} ~ every member user")
authz_rule('AZA-IAM-007', {}, {"defaultUserRolePermissions__allowedToCreateSecurityGroups": True}, {"defaultUserRolePermissions__allowedToCreateSecurityGroups": DEL}, "is false", "create security groups")
authz_rule('AZA-IAM-019', {}, {"defaultUserRolePermissions__allowedToCreateApps": True}, {"defaultUserRolePermissions__allowedToCreateApps": 1}, "is false", "register applications")
authz_rule('AZA-IAM-020', {"defaultUserRolePermissions__permissionGrantPoliciesAssigned": ["ManagePermissionGrantsForOwnedResource.microsoft-dynamically-managed-permissions-for-team"]},
           {"defaultUserRolePermissions__permissionGrantPoliciesAssigned": ["ManagePermissionGrantsForSelf.microsoft-user-default-legacy"]},
           {"defaultUserRolePermissions__permissionGrantPoliciesAssigned": "all"}, "cannot consent", "microsoft-user-default-legacy")
# an entry that is not a string may name any policy
case('AZA-IAM-020', 'unknown-entry-type', snap(directory={"authorizationPolicy": authz(defaultUserRolePermissions__permissionGrantPoliciesAssigned=["ManagePermissionGrantsForOwnedResource.microsoft-dynamically-managed-permissions-for-team", None])}),
     f"UNKNOWN {TN} ~ permissionGrantPoliciesAssigned has an entry that is not a string")
authz_rule('AZA-IAM-021', {}, {"guestUserRoleId": "10dae51f-b6af-4016-8d66-8c2a99b929b3"}, {"guestUserRoleId": DEL}, "restricted guest role", "default guest role")
case('AZA-IAM-021', 'fail-member', snap(directory={"authorizationPolicy": authz(guestUserRoleId="a0b1b346-4d3e-4e8b-98f8-753987be4970")}), f"FAIL {TN} ~ member role")

# 008 M365 groups
R = 'AZA-IAM-008'
def unified(create="false", allowed=""):
    vals = [{"name": "EnableMIPLabels", "value": "true"}, {"name": "AllowGuestsToBeGroupOwner", "value": "false"},
            {"name": "AllowGuestsToAccessGroups", "value": "true"}, {"name": "GroupCreationAllowedGroupId", "value": allowed},
            {"name": "AllowToAddGuests", "value": "true"}]
    if create is not None: vals.append({"name": "EnableGroupCreation", "value": create})
    return lst({"id": "f0b2d6f5-097d-4177-91af-a24e530b53cc", "displayName": "Group.Unified", "templateId": "62375ab9-6b52-47ed-826b-58e47e0e304b", "values": vals}, ctx='groupSettings')
case(R, 'pass', snap(directory={"groupSettings": unified()}), f"PASS {TN} ~ only administrators")
case(R, 'pass-delegated', snap(directory={"groupSettings": unified(allowed="7d1c2c8e-0000-4000-8000-000000000001")}), f"PASS {TN} ~ only members of group")
case(R, 'fail', snap(directory={"groupSettings": unified("true")}), f"FAIL {TN} ~ EnableGroupCreation is true")
case(R, 'fail-nosetting', snap(directory={"groupSettings": lst(ctx='groupSettings')}), f"FAIL {TN} ~ no Group.Unified")
case(R, 'fail-novalue', snap(directory={"groupSettings": unified(None)}), f"FAIL {TN} ~ no EnableGroupCreation")
case(R, 'unknown', snap(errors=[gerr("groupSettings")]), f"UNKNOWN {TN} ~ Directory.Read.All")
case(R, 'unknown-value', snap(directory={"groupSettings": unified("perhaps")}), f"UNKNOWN {TN}")
# a Group.Unified object whose values are not a list says nothing about EnableGroupCreation
NOVALS = unified()
NOVALS["value"][0]["values"] = None
case(R, 'unknown-values-notlist', snap(directory={"groupSettings": NOVALS}), f"UNKNOWN {TN} ~ Group.Unified values is not a list")

# manual rules
for n in (9, 10, 11, 12, 13, 22, 23, 24, 25, 26, 27, 28, 29):
    case(f'AZA-IAM-{n:03d}', 'manual', snap(directory={"authorizationPolicy": authz()}), f"MANUAL {TN}")
    # A template-only scan holds no tenant to verify by hand (it was MANUAL).
    case(f'AZA-IAM-{n:03d}', 'na-template',
         template([{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-05-01", "name": "stgtmpl", "location": "westeurope",
                    "kind": "StorageV2", "sku": {"name": "Standard_LRS"}, "properties": {}}]),
         "NOT_APPLICABLE tenant ~ template scan: the tenant itself is not in the input; verify by hand in the tenant the templates are deployed to")

# 014 custom owner roles
R = 'AZA-IAM-014'
MG = "/providers/Microsoft.Management/managementGroups/contoso"
case(R, 'pass', snap([rd('11111111-0000-4000-8000-000000000001', 'VM reader'),
                      rd('11111111-0000-4000-8000-000000000002', 'RG admin', actions=['*'], scopes=[SUBID + '/resourceGroups/rg-app']),
                      rd(OWNER, 'Owner', rtype='BuiltInRole', actions=['*'], scopes=['/'])], datasets=DS), f"PASS {TN} ~ none of the 2 custom role(s)")
case(R, 'fail', snap([rd('11111111-0000-4000-8000-000000000003', 'Sub admin', actions=['*'], scopes=[SUBID]),
                      rd('11111111-0000-4000-8000-000000000004', 'MG admin', actions=['Microsoft.Compute/*', '*'], scopes=[MG])], datasets=DS),
     f"FAIL 11111111-0000-4000-8000-000000000003 ~ 'Sub admin' grants all actions ('*') and is assignable at {SUBID}\nFAIL 11111111-0000-4000-8000-000000000004 ~ {MG}")
# without '*', the right to assign roles (Microsoft.Authorization/*, as User
# Access Administrator has) lets its holder assign itself Owner (Azure
# built-in roles, Privileged category): owner rights all the same (the old
# code passed it); taken back by notActions, or assignable only to a
# resource group, it does not count
case(R, 'fail-assigner', snap([rd('11111111-0000-4000-8000-000000000006', 'Access admin', actions=['Microsoft.Authorization/*', '*/read'], scopes=[SUBID])], datasets=DS),
     f"FAIL 11111111-0000-4000-8000-000000000006 ~ custom role 'Access admin' grants Microsoft.Authorization/roleAssignments/write (User Access Administrator-like: its holder can assign itself Owner) and is assignable at {SUBID}")
case(R, 'pass-assigner-narrowed', snap([rd('11111111-0000-4000-8000-000000000006', 'Lock admin', actions=['Microsoft.Authorization/*', '*/read'], scopes=[SUBID],
                                           notactions=['Microsoft.Authorization/roleAssignments/*', 'Microsoft.Authorization/roleDefinitions/*']),
                                        rd('11111111-0000-4000-8000-000000000007', 'RG access admin', actions=['Microsoft.Authorization/*'], scopes=[SUBID + '/resourceGroups/rg-app'])], datasets=DS),
     f"PASS {TN} ~ none of the 2 custom role(s) grants '*' or role assignment writes")
case(R, 'unknown-assigner-scopes-null', snap([mod(rd('11111111-0000-4000-8000-000000000006', 'Access admin', actions=['Microsoft.Authorization/*']), properties__assignableScopes=None)], datasets=DS),
     f"UNKNOWN {TN} ~ custom role 'Access admin': it grants Microsoft.Authorization/roleAssignments/write and assignableScopes is not a list")
case(R, 'unknown', snap([], datasets=[RA]), f"UNKNOWN {TN} ~ not collected")
case(R, 'unknown-error', snap([], errors=[{"scope": SUBID, "type": RD, "api": "GET roleDefinitions", "status": 403, "message": "AuthorizationFailed"}]), f"UNKNOWN {TN} ~ HTTP 403")
# a custom role whose permissions, actions or assignable scopes are not lists
# may grant '*' anywhere: not a PASS
def odd_rd(name, rname, path, val):
    r = rd(name, rname, actions=['*'])
    o = r["properties"]
    for k in path[:-1]: o = o[k]
    o[path[-1]] = val
    return r
case(R, 'unknown-permissions-null', snap([rd('11111111-0000-4000-8000-000000000001', 'VM reader'), odd_rd('11111111-0000-4000-8000-000000000005', 'Odd admin', ['permissions'], None)], datasets=DS),
     f"UNKNOWN {TN} ~ custom role 'Odd admin': permissions is not a list")
case(R, 'unknown-actions-string', snap([odd_rd('11111111-0000-4000-8000-000000000005', 'Odd admin', ['permissions', 0, 'actions'], '*')], datasets=DS),
     f"UNKNOWN {TN} ~ custom role 'Odd admin': permissions[0].actions is not a list")
case(R, 'unknown-scopes-null', snap([odd_rd('11111111-0000-4000-8000-000000000005', 'Odd admin', ['assignableScopes'], None)], datasets=DS),
     f"UNKNOWN {TN} ~ custom role 'Odd admin': it grants '*' and assignableScopes is not a list")
# Resource Manager returns a custom role (one GUID tenant-wide) under every
# subscription it is listed at, and a snapshot may hold each copy: one
# finding per role definition (its GUID, any case), on the first copy in
# input order, the copies judged together, the worst verdict winning (the
# old code gave a FAIL per copy, and counted each copy as a custom role).
SUB2 = '00000000-0000-0000-0000-000000000002'
def rd_at(sub, name, rname, **kv):
    r = rd(name, rname, **kv)
    r["id"] = f"/subscriptions/{sub}/providers/{RD}/{name}"
    return r
SUBADM = '11111111-0000-4000-8000-000000000003'
case(R, 'fail-copies', snap([rd(SUBADM, 'Sub admin', actions=['*'], scopes=[SUBID, f"/subscriptions/{SUB2}"]),
                             rd_at(SUB2, SUBADM, 'Sub admin', actions=['*'], scopes=[SUBID, f"/subscriptions/{SUB2}"])], datasets=DS),
     f"FAIL {SUBADM} ~ custom role 'Sub admin' grants all actions ('*') and is assignable at {SUBID} (one finding for the 2 copies of this role definition in the input")
# copies that differ: the one granting '*' fails the role, whichever comes first
case(R, 'fail-copies-differ', snap([rd(SUBADM, 'Sub admin'), rd_at(SUB2, SUBADM.upper(), 'Sub admin', actions=['*'], scopes=[f"/subscriptions/{SUB2}"])], datasets=DS),
     f"FAIL {SUBADM} ~ custom role 'Sub admin' grants all actions ('*') and is assignable at /subscriptions/{SUB2} (one finding for the 2 copies")
case(R, 'fail-copies-unreadable', snap([odd_rd(SUBADM, 'Sub admin', ['permissions'], None), rd_at(SUB2, SUBADM, 'Sub admin', actions=['*'])], datasets=DS),
     f"FAIL {SUBADM} ~ custom role 'Sub admin' grants all actions ('*') and is assignable at {SUBID} (one finding for the 2 copies")
# one copy readable and narrow, one that cannot be read: not a PASS
NOPERMS = rd_at(SUB2, SUBADM, 'Sub admin')
NOPERMS["properties"]["permissions"] = None
case(R, 'unknown-copies-unreadable', snap([rd(SUBADM, 'Sub admin'), NOPERMS], datasets=DS),
     f"UNKNOWN {TN} ~ 1 role definition(s) cannot be judged")
case(R, 'pass-copies', snap([rd('11111111-0000-4000-8000-000000000001', 'VM reader'), rd_at(SUB2, '11111111-0000-4000-8000-000000000001', 'VM reader')], datasets=DS),
     f"PASS {TN} ~ none of the 1 custom role(s)")

# 015 deny policy for custom owner roles
R = 'AZA-IAM-015'
# The narrowing to roles granting '*': a count of the actions equal to '*'
# (true when one or more is). A field condition on a [*] alias holds only
# when every selected value meets it (Azure Policy, "Author policies for
# array properties"), so actions[*] equals '*' leaves out a role with '*'
# beside any other action.
ACTIONS = RD + '/permissions[*].actions[*]'
STAR_COUNT = {"count": {"field": ACTIONS, "where": {"field": ACTIONS, "equals": "*"}}, "greater": 0}
STAR_FIELD = {"field": ACTIONS, "equals": "*"}
def pdef(name, effect="[parameters('effect')]", default="Deny", target=RD, star=STAR_COUNT):
    return {"properties": {"displayName": "Deny custom owner roles", "policyType": "Custom", "mode": "All",
                           "parameters": {"effect": {"type": "String", "defaultValue": default, "allowedValues": ["Audit", "Deny", "Disabled"]}},
                           "policyRule": {"if": {"allOf": [{"field": "type", "equals": target}, star]} if star else {"field": "type", "equals": target},
                                          "then": {"effect": effect}}},
            "id": f"{SUBID}/providers/Microsoft.Authorization/policyDefinitions/{name}", "type": PD, "name": name}
def passign(name, defid, scope=SUBID, mode="Default", params=None, notscopes=()):
    return {"properties": {"displayName": name, "description": name, "metadata": {"assignedBy": "Special Someone"},
                           "policyDefinitionId": defid, "notScopes": list(notscopes), "parameters": params or {},
                           "enforcementMode": mode, "scope": scope},
            "id": f"{'' if scope == '/' else scope}/providers/Microsoft.Authorization/policyAssignments/{name}", "type": PA, "name": name}
d = pdef('deny-star-roles')
BUILTIN = "/providers/Microsoft.Authorization/policyDefinitions/a451c1ef-c6ca-483d-87ed-f49761e3ffb5"
case(R, 'pass', snap([d, passign('DenyStarRoles', d['id'])], datasets=DS), "PASS fixture-sub ~ 'DenyStarRoles'")
# The tenant root management group (its id is the tenant id) holds every
# subscription; another group may or may not hold this one, and the input
# does not say (Azure management groups overview: "The ID is the Azure
# Active Directory ID").
ROOTMG = f"/providers/Microsoft.Management/managementGroups/{T}"
dw = pdef('deny-role-writes', star=None)
case(R, 'pass-mg', snap([d, passign('DenyStarRoles', d['id'], scope=ROOTMG)], datasets=DS), "PASS fixture-sub ~ 'DenyStarRoles'")
case(R, 'unknown-mg', snap([dw, passign('DenyRoleWrites', dw['id'], scope=MG)], datasets=DS),
     f"UNKNOWN fixture-sub ~ 1 policy assignment(s) would deny creating custom roles, but the input does not say whether the subscription is below the management group(s) they name: 'DenyRoleWrites' (definition 'deny-role-writes') is assigned at {MG}")
case(R, 'unknown-notscope-mg', snap([dw, passign('DenyRoleWrites', dw['id'], scope=ROOTMG, notscopes=[MG])], datasets=DS),
     f"UNKNOWN fixture-sub ~ the management group(s) they name: 'DenyRoleWrites' (definition 'deny-role-writes') excludes {MG}")
# the member's effect is the initiative parameter roleEffect, assigned Deny
PSD = 'Microsoft.Authorization/policySetDefinitions'
guard = {"id": f"{SUBID}/providers/{PSD}/role-guard", "name": "role-guard", "type": PSD,
         "properties": {"displayName": "Role guard", "policyType": "Custom",
                        "parameters": {"roleEffect": {"type": "String", "defaultValue": "Audit", "allowedValues": ["Audit", "Deny", "Disabled"]}},
                        "policyDefinitions": [{"policyDefinitionReferenceId": "denyStarRoles", "policyDefinitionId": d['id'],
                                               "parameters": {"effect": {"value": "[parameters('roleEffect')]"}}}]}}
case(R, 'pass-initiative', snap([d, guard, passign('DenyStarRoles', guard['id'], params={"roleEffect": {"value": "Deny"}})], datasets=DS + [PSD]),
     "# the member's effect is the initiative parameter roleEffect, assigned Deny\n"
     "PASS fixture-sub ~ (initiative 'role-guard', definition 'deny-star-roles') denies creating custom roles")
dn = pdef('deny-star-roles')
del dn["properties"]["mode"]
case(R, 'unknown-nomode', snap([dn, passign('DenyStarRoles', dn['id'])], datasets=DS), "UNKNOWN fixture-sub ~ the definition has no mode")
# a count azaudit does not evaluate (here: of actions like a pattern) is UNKNOWN, not PASS
dc = pdef('deny-star-roles', star={"count": {"field": ACTIONS, "where": {"field": ACTIONS, "like": "Microsoft.Authorization/*"}}, "greater": 0})
case(R, 'unknown-count', snap([dc, passign('DenyStarRoles', dc['id'])], datasets=DS),
     "UNKNOWN fixture-sub ~ 'DenyStarRoles' (definition 'deny-star-roles'): its condition names Microsoft.Authorization/roleDefinitions, but azaudit cannot evaluate "
     "a count condition on field 'Microsoft.Authorization/roleDefinitions/permissions[*].actions[*]' other than a count of the actions equal to '*' greater than 0")
ds = pdef('deny-only-star-roles', star=STAR_FIELD)
case(R, 'fail-star-alias', snap([ds, passign('DenyOnlyStar', ds['id'])], datasets=DS),
     "FAIL fixture-sub ~ 'DenyOnlyStar' (definition 'deny-only-star-roles'): narrowed by field 'Microsoft.Authorization/roleDefinitions/permissions[*].actions[*]' equals * (true only when every action is '*')")
case(R, 'fail', snap([passign('AuditCustomRoles', BUILTIN), d, passign('AuditOnly', d['id'], params={"effect": {"value": "Audit"}}),
                      passign('NotEnforced', d['id'], mode="DoNotEnforce"), passign('Excluded', d['id'], scope=MG, notscopes=[SUBID])], datasets=DS),
     "FAIL fixture-sub ~ no enforced policy assignment")
case(R, 'unknown', snap([d], datasets=[PD]), "UNKNOWN fixture-sub ~ not collected")
case(R, 'unknown-def', snap([passign('DenyStarRoles', f"{SUBID}/providers/Microsoft.Authorization/policyDefinitions/missing")], datasets=DS), "UNKNOWN fixture-sub ~ DenyStarRoles -> missing")
# An assignment's overrides replace the effect of the definitions they
# select, and its resourceSelectors limit it to the resources they select
# (Azure Policy assignment structure, "Overrides" and "Resource
# selectors"): a deny overridden to Audit, or assigned to other resource
# types only, denies no role definition (the old code passed these).
def with_props(a, **props):
    a["properties"].update(props)
    return a
case(R, 'fail-override-audit', snap([d, with_props(passign('DenyStarRoles', d['id']), overrides=[{"kind": "policyEffect", "value": "Audit"}])], datasets=DS),
     "FAIL fixture-sub ~ not counted: 'DenyStarRoles' (definition 'deny-star-roles'): effect Audit (set by the assignment's overrides), not deny")
OVR_GUARD = [{"kind": "policyEffect", "value": "Disabled", "selectors": [{"kind": "policyDefinitionReferenceId", "in": ["DENYSTARROLES"]}]}]
case(R, 'fail-override-initiative', snap([d, guard, with_props(passign('DenyStarRoles', guard['id'], params={"roleEffect": {"value": "Deny"}}), overrides=OVR_GUARD)], datasets=DS + [PSD]),
     "FAIL fixture-sub ~ (initiative 'role-guard', definition 'deny-star-roles'): effect Disabled (set by the assignment's overrides), not deny")
# an override selecting another member of the initiative leaves this one's deny
OVR_OTHER = [{"kind": "policyEffect", "value": "Disabled", "selectors": [{"kind": "policyDefinitionReferenceId", "in": ["auditTags"]}]}]
case(R, 'pass-override-other', snap([d, guard, with_props(passign('DenyStarRoles', guard['id'], params={"roleEffect": {"value": "Deny"}}), overrides=OVR_OTHER)], datasets=DS + [PSD]),
     "PASS fixture-sub ~ (initiative 'role-guard', definition 'deny-star-roles') denies creating custom roles")
# an override that sets Deny makes an Audit definition deny
case(R, 'pass-override-deny', snap([d, with_props(passign('DenyStarRoles', d['id'], params={"effect": {"value": "Audit"}}), overrides=[{"kind": "policyEffect", "value": "Deny"}])], datasets=DS),
     "PASS fixture-sub ~ policy assignment 'DenyStarRoles' (definition 'deny-star-roles') denies creating custom roles")
# a selector azaudit does not place (by location) may or may not reach role definitions
OVR_LOC = [{"kind": "policyEffect", "value": "Audit", "selectors": [{"kind": "resourceLocation", "in": ["westeurope"]}]}]
case(R, 'unknown-override-location', snap([d, with_props(passign('DenyStarRoles', d['id']), overrides=OVR_LOC)], datasets=DS),
     "UNKNOWN fixture-sub ~ 'DenyStarRoles' (definition 'deny-star-roles'): its overrides[0] sets the effect to Audit, and whether it reaches the definition is unknown: it has a selector of kind 'resourceLocation' that azaudit does not evaluate")
RS_VMS = [{"name": "vms", "selectors": [{"kind": "resourceType", "in": ["Microsoft.Compute/virtualMachines"]}]}]
case(R, 'fail-resource-selector', snap([d, with_props(passign('DenyStarRoles', d['id']), resourceSelectors=RS_VMS)], datasets=DS),
     f"FAIL fixture-sub ~ not counted: 'DenyStarRoles' (definition 'deny-star-roles'): its resourceSelectors select no {RD}")
RS_RD = RS_VMS + [{"name": "roles", "selectors": [{"kind": "resourceType", "in": [RD.lower()]}]}]
case(R, 'pass-resource-selector', snap([d, with_props(passign('DenyStarRoles', d['id']), resourceSelectors=RS_RD)], datasets=DS),
     "PASS fixture-sub ~ policy assignment 'DenyStarRoles' (definition 'deny-star-roles') denies creating custom roles")
# enforcementMode Enroll: "not enforced during resource creation or update
# until the resource or scope of the resource is enrolled to the assignment
# instance" (the policy API's EnforcementMode values, KnownEnforcementMode in
# the Azure SDK reference); the enrollments are not
# in the input (the old code passed it as enforced)
case(R, 'unknown-enroll', snap([d, passign('DenyStarRoles', d['id'], mode="Enroll")], datasets=DS),
     "UNKNOWN fixture-sub ~ 'DenyStarRoles' (definition 'deny-star-roles'): its enforcementMode is Enroll: it denies only at the scopes enrolled to it")
RS_LOC = [{"name": "eu", "selectors": [{"kind": "resourceLocation", "in": ["westeurope"]}]}]
case(R, 'unknown-resource-selector', snap([d, with_props(passign('DenyStarRoles', d['id']), resourceSelectors=RS_LOC)], datasets=DS),
     "UNKNOWN fixture-sub ~ 'DenyStarRoles' (definition 'deny-star-roles'): a resource selector has a selector of kind 'resourceLocation' that azaudit does not evaluate")

# Policy exemptions (Microsoft.Authorization/policyExemptions, shaped after
# the REST specs' listPolicyExemptionsForSubscription example,
# 2022-07-01-preview): one at the subscription that names the deny's
# assignment takes the subscription out of it, so a custom role can be
# created there (the old code passed these). Waiver and Mitigated alike;
# an initiative's exemption reaches the members it lists, or all of them.
PE = 'Microsoft.Authorization/policyExemptions'
DSX = DS + [PE]
DENY = passign('DenyStarRoles', d['id'])
case(R, 'fail-exemption', snap([d, DENY, pexempt('RoleLab', DENY['id'].upper())], datasets=DSX),
     f"FAIL fixture-sub ~ no enforced policy assignment at or above the subscription denies creating custom roles ({RD}); exempted: "
     f"'DenyStarRoles' (definition 'deny-star-roles'): policy exemption 'RoleLab' (Waiver) at {SUBID} exempts the subscription from assignment 'DenyStarRoles'")
GUARDED = passign('DenyStarRoles', guard['id'], params={"roleEffect": {"value": "Deny"}})
case(R, 'fail-exemption-member', snap([d, guard, GUARDED, pexempt('RoleLab', GUARDED['id'], category="Mitigated", refs=["DenyStarRoles"])], datasets=DSX + [PSD]),
     f"FAIL fixture-sub ~ exempted: 'DenyStarRoles' (initiative 'role-guard', definition 'deny-star-roles'): policy exemption 'RoleLab' (Mitigated) "
     f"at {SUBID} exempts the subscription from assignment 'DenyStarRoles' for denyStarRoles")
# an exemption from another member, from another assignment, or one that
# expired before the snapshot was taken (meta.collected_at) takes nothing away
case(R, 'pass-exemption-other', snap([d, guard, GUARDED, pexempt('TagsLab', GUARDED['id'], refs=["auditTags"]),
                                      pexempt('Old', GUARDED['id'], expiresOn="2026-10-30T00:00:00Z"),
                                      pexempt('Other', f"{SUBID}/providers/{PA}/AllowedLocations")], datasets=DSX + [PSD]),
     "PASS fixture-sub ~ policy assignment 'DenyStarRoles' (initiative 'role-guard', definition 'deny-star-roles') denies creating custom roles (mode All, effect deny, type Microsoft.Authorization/roleDefinitions)")
# one still in force at collection time counts, and its expiry is named
case(R, 'fail-exemption-expires', snap([d, DENY, pexempt('RoleLab', DENY['id'], expiresOn="2026-11-30T00:00:00Z")], datasets=DSX),
     "FAIL fixture-sub ~ policy exemption 'RoleLab' (Waiver, expires 2026-11-30T00:00:00Z)")
# resourceSelectors that pick other resource types leave role definitions
# under the deny; a location selector may exempt the scope's role definitions
RS_EX_VMS = [{"name": "vms", "selectors": [{"kind": "resourceType", "in": ["Microsoft.Compute/virtualMachines"]}]}]
case(R, 'pass-exemption-selector', snap([d, DENY, pexempt('VmLab', DENY['id'], resourceSelectors=RS_EX_VMS)], datasets=DSX),
     "PASS fixture-sub ~ policy assignment 'DenyStarRoles' (definition 'deny-star-roles') denies creating custom roles")
case(R, 'unknown-exemption-selector', snap([d, DENY, pexempt('EuLab', DENY['id'], resourceSelectors=RS_LOC)], datasets=DSX),
     "UNKNOWN fixture-sub ~ policy exemption 'EuLab' (Waiver) may exempt the subscription from assignment 'DenyStarRoles': its resourceSelectors exempt only the resources they select")
# at another management group: whether the subscription is below it is not in the input
case(R, 'unknown-exemption-mg', snap([d, DENY, pexempt('GroupLab', DENY['id'], scope=MG)], datasets=DSX),
     f"UNKNOWN fixture-sub ~ policy exemption 'GroupLab' (Waiver) may exempt the subscription from assignment 'DenyStarRoles': it is at {MG}, and the input does not say whether the subscription is below it")
# at the tenant root management group it holds every subscription
case(R, 'fail-exemption-rootmg', snap([d, DENY, pexempt('RootLab', DENY['id'], scope=ROOTMG)], datasets=DSX),
     f"FAIL fixture-sub ~ policy exemption 'RootLab' (Waiver) at {ROOTMG} exempts the subscription")
# Below the subscription: an exemption at a resource group, or at one
# resource, takes what is there out of the deny, so a custom role can be
# created at that scope (Role Definitions - Create Or Update takes any
# scope); the deny no longer holds over all of the subscription (the old
# code passed these: it looked only at the subscription and above)
case(R, 'fail-exemption-rg', snap([d, DENY, pexempt('RgLab', DENY['id'], scope=f"{SUBID}/resourceGroups/lab")], datasets=DSX),
     f"FAIL fixture-sub ~ exempted: 'DenyStarRoles' (definition 'deny-star-roles'): policy exemption 'RgLab' (Waiver) at {SUBID}/resourceGroups/lab "
     "exempts that resource group, within the subscription, from assignment 'DenyStarRoles'")
# A notScope at a resource group of the subscription leaves the deny off
# there as an exemption there does: a custom role can be created at it.
case(R, 'fail-notscope-rg', snap([d, passign('DenyStarRoles', d['id'], notscopes=[f"{SUBID}/resourceGroups/lab"])], datasets=DSX),
     f"FAIL fixture-sub ~ exempted: 'DenyStarRoles' (definition 'deny-star-roles'): assignment 'DenyStarRoles' lists {SUBID}/resourceGroups/lab "
     "in its notScopes: the deny does not reach there, within the subscription, and a custom role can be created there")
case(R, 'fail-exemption-resource', snap([d, DENY, pexempt('OneRole', DENY['id'], scope=f"{SUBID}/providers/{RD}/5d3c8a52-7c1e-4f0a-9b6e-2f4d8e1a7c30")], datasets=DSX),
     f"FAIL fixture-sub ~ policy exemption 'OneRole' (Waiver) at {SUBID}/providers/{RD}/5d3c8a52-7c1e-4f0a-9b6e-2f4d8e1a7c30 exempts that resource, within the subscription")
# a resource group of another subscription is not this subscription's: the
# deny still holds here (the other subscription, which the exemption's id
# brings into the input, has no deny of its own)
case(R, 'pass-exemption-other-sub-rg', snap([d, DENY, pexempt('RgLab', DENY['id'], scope="/subscriptions/00000000-0000-0000-0000-000000000009/resourceGroups/lab")], datasets=DSX),
     "PASS fixture-sub ~ policy assignment 'DenyStarRoles' (definition 'deny-star-roles') denies creating custom roles\n"
     "FAIL 00000000-0000-0000-0000-000000000009 ~ no enforced policy assignment at or above the subscription denies creating custom roles")
# a location selector on a resource group's exemption may or may not reach
# the role definitions created there
case(R, 'unknown-exemption-rg-selector', snap([d, DENY, pexempt('EuRg', DENY['id'], scope=f"{SUBID}/resourceGroups/lab", resourceSelectors=RS_LOC)], datasets=DSX),
     "UNKNOWN fixture-sub ~ policy exemption 'EuRg' (Waiver) may exempt resources of the subscription from assignment 'DenyStarRoles': its resourceSelectors")
# assignmentScopeValidation DoNotValidate only lets Resource Manager create
# an exemption outside its assignment's scope (Default checks it is at or
# under it): where it is decides what it covers, so it fails as any other
case(R, 'fail-exemption-donotvalidate', snap([d, DENY, pexempt('RoleLab', DENY['id'], assignmentScopeValidation="DoNotValidate")], datasets=DSX),
     f"FAIL fixture-sub ~ policy exemption 'RoleLab' (Waiver) at {SUBID} exempts the subscription from assignment 'DenyStarRoles'")
# Resource Manager refused the exemptions: one may take the deny away
case(R, 'unknown-exemption-error', snap([d, DENY], datasets=DSX, errors=[{"scope": SUBID, "type": PE, "api": "/subscriptions/x/providers/Microsoft.Authorization/policyExemptions", "status": 403, "message": "AuthorizationFailed"}]),
     "UNKNOWN fixture-sub ~ 'DenyStarRoles' (definition 'deny-star-roles'): Microsoft.Authorization/policyExemptions could not be read")
# a snapshot without exemptions (an older azaudit) keeps its PASS, and says so
case(R, 'pass-exemption-not-collected', snap([d, DENY], datasets=DS),
     "PASS fixture-sub ~ denies creating custom roles (mode All, effect deny, type Microsoft.Authorization/roleDefinitions); "
     "Microsoft.Authorization/policyExemptions was not collected (not in the snapshot's data sets), so a policy exemption taking the subscription out of this assignment is not ruled out")

# A template-only scan judges what a management group's templates assign
# there (the group's subscriptions inherit it): the verdict is on the group.
# These were FAIL or UNKNOWN "at or above the subscription": the group's
# template was read as the subscription's, and managementGroupResourceId()
# was not evaluated.
def tpl_pdef():
    # "[[" keeps the policy's own expression from the template's evaluation
    return {"type": PD, "apiVersion": "2021-06-01", "name": "deny-star-roles",
            "properties": pdef('deny-star-roles', effect="[[parameters('effect')]")["properties"]}
def tpl_passign(params=None, mode="Default", defid="[managementGroupResourceId('Microsoft.Authorization/policyDefinitions', 'deny-star-roles')]"):
    return {"type": PA, "apiVersion": "2022-06-01", "name": "DenyStarRoles",
            "properties": {"policyDefinitionId": defid, "enforcementMode": mode,
                           "parameters": {k: {"value": v} for k, v in (params or {}).items()}}}
case(R, 'pass-template-mg', mg_template([tpl_pdef(), tpl_passign()]),
     f"PASS {TMG} ~ policy assignment 'DenyStarRoles' (definition 'deny-star-roles') denies creating custom roles")
case(R, 'fail-template-mg', mg_template([tpl_pdef(), tpl_passign({"effect": "Audit"})]),
     f"FAIL {TMG} ~ no enforced policy assignment at or above the management group denies creating custom roles ({RD}); "
     "not counted: 'DenyStarRoles' (definition 'deny-star-roles'): effect Audit, not deny")
case(R, 'fail-template-mg-not-enforced', mg_template([tpl_pdef(), tpl_passign(mode="DoNotEnforce")]),
     f"FAIL {TMG} ~ not counted: 'DenyStarRoles' (definition 'deny-star-roles'): enforcementMode DoNotEnforce")
case(R, 'unknown-template-mg', mg_template([tpl_pdef(), tpl_passign({"effect": "[parameters('denyEffect')]"})], {"denyEffect": {"type": "string"}}),
     f"UNKNOWN {TMG} ~ depends on parameter 'denyEffect' (no value in a parameter file and no defaultValue)")
case(R, 'pass-template-nested-mg',
     tenant_to_mg('alz', [tpl_pdef(), tpl_passign(defid="[extensionResourceId(managementGroup().id, 'Microsoft.Authorization/policyDefinitions', 'deny-star-roles')]")]),
     "PASS alz ~ policy assignment 'DenyStarRoles'")
# an exemption the templates deploy at the group from its own assignment
def tpl_pexempt(refs=None):
    p = {"policyAssignmentId": "[extensionResourceId(managementGroup().id, 'Microsoft.Authorization/policyAssignments', 'DenyStarRoles')]",
         "exemptionCategory": "Waiver"}
    if refs is not None: p["policyDefinitionReferenceIds"] = refs
    return {"type": PE, "apiVersion": "2022-07-01-preview", "name": "RoleLab", "properties": p}
case(R, 'fail-template-mg-exemption', mg_template([tpl_pdef(), tpl_passign(), tpl_pexempt()]),
     f"FAIL {TMG} ~ exempted: 'DenyStarRoles' (definition 'deny-star-roles'): policy exemption 'RoleLab' (Waiver) at")
# Only a built-in policy at the group: none denies custom roles, and a deny
# assigned above the group is not in the input.
case(R, 'na-template-mg-builtin', mg_template([tpl_passign(defid=BUILTIN)]),
     f"NOT_APPLICABLE {TMG} ~ template scan: the templates deploy no policy assignment at the management group that could deny creating custom roles")

# 016 UAA at root
R = 'AZA-IAM-016'
case(R, 'pass', snap([ra('a1', UAA, ALEX), ra('a2', OWNER, ALEX, scope='/')], datasets=DS + [REI]), f"PASS {TN} ~ no User Access Administrator")
# an eligible assignment at the root is the same grant: with the eligible
# ones not collected, no active one proves nothing of them (the old code
# passed); Resource Manager's AadPremiumLicenseRequired means there are none
case(R, 'unknown-eligible-missing', snap([ra('a1', UAA, ALEX), ra('a2', OWNER, ALEX, scope='/')], datasets=DS),
     f"UNKNOWN {TN} ~ no active User Access Administrator assignment at the root scope '/' or at the tenant root management group, but eligible Azure role assignments (Privileged Identity Management for Azure resources) are unknown")
case(R, 'unknown-eligible-denied', snap([ra('a1', UAA, ALEX)], datasets=DS, errors=[rei_err()]),
     f"UNKNOWN {TN} ~ eligible Azure role assignments (Privileged Identity Management for Azure resources) are unknown")
case(R, 'pass-eligible-nop2', snap([ra('a1', UAA, ALEX)], datasets=DS, errors=[REI_NOP2]),
     f"PASS {TN} ~ no User Access Administrator assignment at the root scope '/' or at the tenant root management group; no eligible Azure role assignment: the tenant has no Microsoft Entra ID P2")
case(R, 'fail', snap([ra('root-uaa', UAA, BIANCA, scope='/')], directory={"users": USERS}, datasets=DS), "FAIL root-uaa ~ User BiancaP@contoso.com holds User Access Administrator at the root scope")
case(R, 'unknown', snap([], datasets=[RD]), f"UNKNOWN {TN} ~ not collected")
# The tenant root management group (its id is the tenant id): "any
# assignment of user access or policy assignment on the root management
# group applies to all resources within the directory" (Azure management
# groups overview). User Access Administrator there grants any role on every
# subscription, as at '/' (the old code looked at '/' only and passed).
ROOTMG16 = f"/providers/Microsoft.Management/managementGroups/{T}"
case(R, 'fail-rootmg', snap([ra('mg-uaa', UAA, BIANCA, scope=ROOTMG16, rdid=f"{ROOTMG16}/providers/Microsoft.Authorization/roleDefinitions/{UAA}")],
                            directory={"users": USERS}, datasets=DS),
     f"FAIL mg-uaa ~ User BiancaP@contoso.com holds User Access Administrator at the tenant root management group {ROOTMG16}, whose assignments apply to every management group and subscription of the tenant")
# An eligible User Access Administrator at the tenant root management group
# (Privileged Identity Management for Azure resources): its principal can
# activate it at any time (the old code passed it).
case(R, 'fail-rootmg-eligible', snap([rei('mg-uaa-elig', UAA, BIANCA, scope=ROOTMG16, rname='User Access Administrator')], directory={"users": USERS}, datasets=DS + [REI]),
     f"FAIL mg-uaa-elig ~ User BiancaP@contoso.com is eligible for User Access Administrator at the tenant root management group {ROOTMG16}")
# at another management group it is not the root's grant
case(R, 'pass-mg', snap([ra('mg-uaa', UAA, BIANCA, scope=MG)], datasets=DS + [REI]),
     f"PASS {TN} ~ no User Access Administrator assignment at the root scope '/' or at the tenant root management group")
# without the tenant id, any management group may be the root
NOTENANT = snap([ra('mg-uaa', UAA, BIANCA, scope=ROOTMG16)], datasets=DS)
del NOTENANT["meta"]["tenant_id"]
case(R, 'unknown-mg-notenant', NOTENANT,
     f"UNKNOWN tenant ~ 1 User Access Administrator assignment(s) at a management group (e.g. {ROOTMG16}), and the input names no tenant id")
# An assignment without properties.scope is where its id says: Resource
# Manager makes the id from the scope (RoleAssignments_Get: /{scope}/providers/
# Microsoft.Authorization/roleAssignments/{name}). The old code skipped it and
# passed.
def noscope(a):
    del a["properties"]["scope"]
    return a
case(R, 'fail-root-noscope', snap([noscope(ra('root-uaa', UAA, BIANCA, scope='/'))], directory={"users": USERS}, datasets=DS),
     "FAIL root-uaa ~ User BiancaP@contoso.com holds User Access Administrator at the root scope '/' (the scope its id names: properties.scope is absent or not a string)")
case(R, 'fail-rootmg-noscope', snap([noscope(ra('mg-uaa', UAA, BIANCA, scope=ROOTMG16))], directory={"users": USERS}, datasets=DS),
     f"FAIL mg-uaa ~ User BiancaP@contoso.com holds User Access Administrator at the tenant root management group {ROOTMG16}, whose assignments apply")
case(R, 'fail-rootmg-eligible-noscope', snap([noscope(rei('mg-uaa-elig', UAA, BIANCA, scope=ROOTMG16, rname='User Access Administrator'))],
                                             directory={"users": USERS}, datasets=DS + [REI]),
     f"FAIL mg-uaa-elig ~ User BiancaP@contoso.com is eligible for User Access Administrator at the tenant root management group {ROOTMG16}")
# below the root, still a pass
case(R, 'pass-sub-noscope', snap([noscope(ra('sub-uaa', UAA, BIANCA))], datasets=DS + [REI]),
     f"PASS {TN} ~ no User Access Administrator assignment at the root scope '/'")
# neither properties.scope nor an id of Resource Manager's form: it may be at the root
NOID = noscope(ra('odd-uaa', UAA, BIANCA, scope='/'))
NOID["id"] = "odd-uaa"
case(R, 'unknown-noscope-oddid', snap([NOID], datasets=DS),
     f"UNKNOWN {TN} ~ 1 User Access Administrator assignment(s) (e.g. /odd-uaa) have no properties.scope (a string) and an id that names no scope")
# A template-only scan judges the rule only when the templates deploy a
# role assignment outside the subscriptions: one at a resource group says
# nothing of the root scope (it was PASS, "no User Access Administrator
# assignment at the root scope": any role assignment made it judge the tenant).
TSUB = "00000000-0000-0000-0000-000000000000"  # the subscription of a template-only scan
def tra(role, scope=None, name="[guid(resourceGroup().id, 'ra')]", rdid=None):
    r = {"type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01", "name": name,
         "properties": {"roleDefinitionId": rdid or f"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{role}')]",
                        "principalId": ALEX, "principalType": "User"}}
    if scope: r["scope"] = scope
    return r
case(R, 'na-template-rg-assignment', template([tra(UAA)]),
     "NOT_APPLICABLE tenant ~ template scan: the templates deploy no role assignment at the root scope or a management group")
case(R, 'fail-template-root', dict(template([tra(UAA, scope="/", name="5d3c8a52-7c1e-4f0a-9b6e-2f4d8e1a7c30",
                                               rdid=f"[tenantResourceId('Microsoft.Authorization/roleDefinitions', '{UAA}')]")]),
                                   **{"$schema": "https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#"}),
     f"FAIL 5d3c8a52-7c1e-4f0a-9b6e-2f4d8e1a7c30 ~ User {ALEX} holds User Access Administrator at the root scope '/'")

# 017 owner count
R = 'AZA-IAM-017'
case(R, 'pass', snap([ra('o1', OWNER, ALEX), ra('o2', OWNER, BIANCA), ra('o3', OWNER, ALEX), ra('c1', CONTRIB, ADELE)], directory={"users": USERS}, datasets=DS), "PASS fixture-sub ~ 2 Owner assignments at the subscription: AlexW@contoso.com, BiancaP@contoso.com")
case(R, 'fail', snap([ra('o1', OWNER, ALEX), ra('o2', OWNER, BIANCA, scope=SUBID + '/resourceGroups/rg-app'), ra('o3', OWNER, ADELE, scope=MG)], datasets=DS), "FAIL fixture-sub ~ 1 Owner assignment(s)")
case(R, 'fail-many', snap([ra(f'o{i}', OWNER, f'0000000{i}-1111-4000-8000-000000000000', 'Group') for i in range(5)], datasets=DS), "FAIL fixture-sub ~ 5 Owner assignments")
case(R, 'unknown', snap([], datasets=[RD]), "UNKNOWN fixture-sub ~ not collected")
# An Owner assignment without properties.scope is at the subscription its id
# names (the old code skipped it: FAIL, 1 Owner assignment(s)).
case(R, 'pass-noscope', snap([ra('o1', OWNER, ALEX), noscope(ra('o2', OWNER, BIANCA))], directory={"users": USERS}, datasets=DS),
     "PASS fixture-sub ~ 2 Owner assignments at the subscription: AlexW@contoso.com, BiancaP@contoso.com")
case(R, 'unknown', snap([], datasets=[RD]), "UNKNOWN fixture-sub ~ not collected")
# A template-only scan deploying an Owner assignment at a resource group, not
# at the subscription, cannot count the subscription's owners (it was FAIL,
# "0 Owner assignment(s) at the subscription").
case(R, 'na-template-rg-owner', template([tra(OWNER)]),
     f"NOT_APPLICABLE {TSUB} ~ template scan: the templates deploy no role assignment of the subscription")

# A subscription template adds Owner assignments to those the subscription
# already has: too many is a fact, two is not a PASS (the old code passed it).
def sub_owners(n):
    rs = []
    for i in range(n):
        r = tra(OWNER, name=f"[guid(subscription().id, 'owner{i}')]")
        r["properties"]["principalId"] = f"0000000{i}-2222-4000-8000-000000000000"
        rs.append(r)
    return dict(template(rs), **{"$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#"})
case(R, 'unknown-template-two', sub_owners(2),
     f"UNKNOWN {TSUB} ~ the templates deploy 2 Owner assignment(s) at the subscription")
case(R, 'fail-template-many', sub_owners(4), f"FAIL {TSUB} ~ 4 Owner assignments at the subscription")

# 018 disabled users with roles
R = 'AZA-IAM-018'
# The eligible Azure role assignments are read beside the active ones: the
# cases that pass list their data set (none found).
DS18 = DS + [REI]
DUSERS = lst(user(ALEX, "AlexW@contoso.com", accountEnabled=True), user(BIANCA, "BiancaP@contoso.com", accountEnabled=False))
case(R, 'pass', snap([ra('a1', OWNER, ALEX)], directory={"users": DUSERS}, datasets=DS18), f"PASS {TN} ~ none of the 1 disabled")
case(R, 'fail', snap([ra('a1', READER, BIANCA)], directory={"users": DUSERS}, datasets=DS), f"FAIL {TN} ~ BiancaP@contoso.com ({READER} at {SUBID})")
case(R, 'unknown', snap([ra('a1', OWNER, ALEX)], directory={"users": USERS}, datasets=DS), f"UNKNOWN {TN} ~ without accountEnabled")
case(R, 'unknown-ra', snap([], directory={"users": DUSERS}, datasets=[RD]), f"UNKNOWN {TN} ~ not collected")
case(R, 'unknown-403', snap([], errors=[gerr("users")]), f"UNKNOWN {TN} ~ Directory.Read.All")
# a users list read but empty (every tenant has a user): not "no disabled user" (the old code passed it)
case(R, 'unknown-users-empty', snap([ra('a1', READER, BIANCA)], directory={"users": lst()}, datasets=DS), f"UNKNOWN {TN} ~ {EMPTY_USERS}")
# A disabled user holding an Azure role through a group holds it (the old
# code passed these tenants: it never looked at groups).
GRP18 = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
case(R, 'fail-group', snap([ra('g1', READER, GRP18, 'Group')], directory={"users": DUSERS, GM: gmembers((GRP18, [member(ALEX, "AlexW@contoso.com"), member(BIANCA, "BiancaP@contoso.com")]))}, datasets=DS),
     f"FAIL {TN} ~ 1 disabled user(s) still hold Azure role assignments: BiancaP@contoso.com (role {READER} at {SUBID} via group {GRP18})")
case(R, 'fail-group-named', snap([ra('g1', READER, GRP18, 'Group')], directory={"users": DUSERS, GM: gmembers((GRP18, [member(BIANCA, "BiancaP@contoso.com")]), names={GRP18: "Subscription Readers"})}, datasets=DS),
     f"FAIL {TN} ~ BiancaP@contoso.com (role {READER} at {SUBID} via group Subscription Readers ({GRP18}))")
case(R, 'pass-group', snap([ra('g1', READER, GRP18, 'Group')], directory={"users": DUSERS, GM: gmembers((GRP18, [member(ALEX, "AlexW@contoso.com")])), GE: gelig((GRP18, []))}, datasets=DS18),
     f"PASS {TN} ~ none of the 1 disabled user(s) holds an Azure role assignment, directly or through the 1 group(s) holding one")
case(R, 'unknown-group', snap([ra('g1', READER, GRP18, 'Group')], directory={"users": DUSERS}, datasets=DS),
     f"UNKNOWN {TN} ~ 1 disabled user(s), but 1 group(s) hold an Azure role and their users are unknown (Microsoft Graph data 'groupMembers' was not collected): group {GRP18}")
for name, bare in (('unknown-group-403', False), ('unknown-group-403-bare-scope', True)):
    case(R, name, snap([ra('g1', READER, GRP18, 'Group')], directory={"users": DUSERS, GM: gmembers()}, errors=[gm_err(GRP18, bare=bare)], datasets=DS),
         f"UNKNOWN {TN} ~ their users are unknown (its users could not be read (/v1.0/groups/{GRP18}/transitiveMembers/microsoft.graph.user, HTTP 403")
# Privileged Identity Management for Groups: a disabled user eligible for
# the group's membership or ownership holds its role once re-enabled, as a
# member does (the old code passed these tenants).
GM18 = gmembers((GRP18, [member(ALEX, "AlexW@contoso.com")]))
G18 = [ra('g1', READER, GRP18, 'Group')]
def gdir18(elig):
    return {"users": DUSERS, GM: GM18, GE: gelig((GRP18, elig))}
case(R, 'fail-group-eligible', snap(G18, directory=gdir18([geli(GRP18, BIANCA, principal=puser(BIANCA, "BiancaP@contoso.com"))]), datasets=DS),
     f"FAIL {TN} ~ 1 disabled user(s) still hold Azure role assignments: BiancaP@contoso.com (role {READER} at {SUBID} eligible via group {GRP18})")
case(R, 'pass-group-eligible', snap(G18, directory=gdir18([geli(GRP18, ALEX, 'owner', principal=puser(ALEX, "AlexW@contoso.com"))]), datasets=DS18),
     f"PASS {TN} ~ none of the 1 disabled user(s) holds an Azure role assignment, directly or through the 1 group(s) holding one")
case(R, 'unknown-group-eligible-403', snap(G18, directory=dict(gdir18([]), **{GE: gelig()}), errors=[ge_err(GRP18)], datasets=DS),
     f"UNKNOWN {TN} ~ 1 disabled user(s), but 1 group(s) hold an Azure role and their users are unknown (its eligible members and owners could not be read ({GE_API}, HTTP 403")
case(R, 'pass-group-eligible-nop2', snap(G18, directory=dict(gdir18([]), **{GE: gelig()}), errors=[ge_nop2(GRP18)], datasets=DS18),
     f"PASS {TN} ~ holding one; no eligible group membership or ownership: the tenant has no Microsoft Entra ID P2")
case(R, 'unknown-group-eligible-missing', snap(G18, directory={"users": DUSERS, GM: GM18}, datasets=DS_OLD),
     f"UNKNOWN {TN} ~ (Microsoft Graph data 'groupEligibility' was not collected (the snapshot's data sets list groupMembers but not groupEligibility")
# An eligible Azure role assignment (Privileged Identity Management for
# Azure resources) is re-armed as an active one is: re-enabled, the user can
# activate it (the old code passed these tenants).
case(R, 'fail-eligible', snap([ra('a1', OWNER, ALEX), rei('e1', OWNER, BIANCA)], directory={"users": DUSERS}, datasets=DS18),
     f"FAIL {TN} ~ 1 disabled user(s) still hold Azure role assignments: BiancaP@contoso.com (eligible for Owner at {SUBID})")
case(R, 'unknown-eligible-missing', snap([ra('a1', OWNER, ALEX)], directory={"users": DUSERS}, datasets=DS),
     f"UNKNOWN {TN} ~ 1 disabled user(s) hold no active Azure role assignment, but whether they are eligible for one is unknown")
case(R, 'pass-eligible-nop2', snap([ra('a1', OWNER, ALEX)], directory={"users": DUSERS}, errors=[REI_NOP2], datasets=DS),
     f"PASS {TN} ~ none of the 1 disabled user(s) holds an Azure role assignment; none is eligible for one (Privileged Identity Management); no eligible Azure role assignment: the tenant has no Microsoft Entra ID P2")

# 030 legacy authentication blocked: security defaults, or enabled
# Conditional Access policies that block the legacy client app types
# (exchangeActiveSync and other; Graph conditionalAccessConditionSet
# clientAppTypes) for All users and All resources, as Microsoft Learn's
# common policy "Block legacy authentication" does.
R = 'AZA-IAM-030'
LEGACY = ('exchangeActiveSync', 'other')
BREAKGLASS = "5b2c4f9e-1d3a-4e8b-9c7f-2a6d8e0b4c13"
def legpol(name, types=LEGACY, state='enabled', users=('All',), controls=('block',), excl=(), op='OR', **cond):
    p = capol(name, state=state, users=users, controls=controls, excl=excl)
    p["conditions"]["clientAppTypes"] = list(types)
    p["conditions"].update(cond)
    p["grantControls"]["operator"] = op
    return p
def legsnap(*pols, directory=None, errors=None):
    d = dict(CAOFF, conditionalAccessPolicies=calist(*pols))
    d.update(directory or {})
    return snap(directory=d, errors=errors)
MFAPOL = capol('Require MFA')
case(R, 'pass', snap(directory={"identitySecurityDefaultsEnforcementPolicy": secdef(True)}),
     f"PASS {TN} ~ security defaults are enabled (isEnabled true): they block legacy authentication")
# the common policy, its break-glass exclusion named from the users list
case(R, 'pass-ca', legsnap(MFAPOL, legpol('Block legacy authentication', excl=[BREAKGLASS]),
                           directory={"users": lst(user(BREAKGLASS, "breakglass@contoso.com"))}),
     f"PASS {TN} ~ Conditional Access policy 'Block legacy authentication' blocks legacy authentication (clientAppTypes exchangeActiveSync and other) for All users and All resources (it excludes breakglass@contoso.com: check each is an emergency access account)")
# excluded groups and roles are named too (a role by name when azaudit knows it)
PG = "0c4e8a2f-6b1d-4f3e-8a9c-7d5b2e1f0a34"
case(R, 'pass-excluded-group-role', legsnap(mod(legpol('Block legacy authentication'), conditions__users__excludeGroups=[PG], conditions__users__excludeRoles=[GA])),
     f"PASS {TN} ~ (it excludes group {PG}, role Global Administrator: check each is an emergency access account)")
# two policies that together cover both legacy client types
case(R, 'pass-two-policies', legsnap(legpol('Block ActiveSync', types=['exchangeActiveSync']), legpol('Block other clients', types=['other'])),
     f"PASS {TN} ~ Conditional Access policies 'Block ActiveSync' (exchangeActiveSync) and 'Block other clients' (other) together block legacy authentication for All users and All resources")
# one policy taking in both is named alone, not paired with a partial one
case(R, 'pass-one-of-several', legsnap(legpol('Block ActiveSync', types=['exchangeActiveSync']), legpol('Block legacy authentication')),
     f"PASS {TN} ~ Conditional Access policy 'Block legacy authentication' blocks legacy authentication (clientAppTypes exchangeActiveSync and other) for All users and All resources")
# clientAppTypes all blocks every client, legacy ones included
case(R, 'pass-all-clients', legsnap(legpol('Block everything', types=['all'])),
     f"PASS {TN} ~ 'Block everything' blocks legacy authentication (clientAppTypes all)")
# with AND every control is required: block stands
case(R, 'pass-and', legsnap(legpol('Block legacy and MFA', controls=['block', 'mfa'], op='AND')),
     f"PASS {TN} ~ 'Block legacy and MFA' blocks legacy authentication")
# security defaults unreadable, a policy proves it
case(R, 'pass-sd-unknown', snap(directory={"conditionalAccessPolicies": calist(legpol('Block legacy authentication'))},
                                errors=[gerr("identitySecurityDefaultsEnforcementPolicy")]),
     f"PASS {TN} ~ 'Block legacy authentication' blocks legacy authentication")
case(R, 'fail', legsnap(MFAPOL),
     f"FAIL {TN} ~ security defaults are disabled (isEnabled false) and no enabled Conditional Access policy among the 1 collected blocks legacy authentication (clientAppTypes exchangeActiveSync and other) for All users and All resources")
# report-only (the state Microsoft Learn creates it in) and disabled policies block nothing
case(R, 'fail-report-only', legsnap(MFAPOL, legpol('Block legacy authentication', state='enabledForReportingButNotEnforced'), legpol('Old legacy block', state='disabled')),
     f"FAIL {TN} ~ left out: policy 'Block legacy authentication' (clientAppTypes exchangeActiveSync and other) is report-only (state enabledForReportingButNotEnforced): it logs legacy sign-ins but lets them in, policy 'Old legacy block' (clientAppTypes exchangeActiveSync and other) is disabled (state disabled)")
# ActiveSync alone leaves POP, IMAP, SMTP AUTH open
case(R, 'fail-eas-only', legsnap(legpol('Block ActiveSync', types=['exchangeActiveSync'])),
     f"FAIL {TN} ~ ; enabled policy 'Block ActiveSync' blocks exchangeActiveSync clients for All users and All resources, but none blocks other clients (POP, IMAP, SMTP AUTH, older Office clients)")
# easSupported is ActiveSync on supported platforms only
case(R, 'fail-eas-supported', legsnap(legpol('Block legacy (supported EAS)', types=['easSupported', 'other'])),
     f"FAIL {TN} ~ enabled policy 'Block legacy (supported EAS)' blocks other clients for All users and All resources, but none blocks Exchange ActiveSync clients (exchangeActiveSync)")
# narrowed by platform: legacy clients on other platforms get in
case(R, 'fail-platform', legsnap(legpol('Block legacy on Windows', platforms={"includePlatforms": ["windows"], "excludePlatforms": []})),
     f"FAIL {TN} ~ left out: policy 'Block legacy on Windows' (clientAppTypes exchangeActiveSync and other) blocks only under conditions.platforms")
# a group instead of All users
case(R, 'fail-not-all-users', legsnap(legpol('Block legacy for admins', users=['None'])),
     f"FAIL {TN} ~ left out: policy 'Block legacy for admins' (clientAppTypes exchangeActiveSync and other) does not target All users (conditions.users.includeUsers)")
# with OR, mfa satisfies the policy instead of block
case(R, 'fail-or-mfa', legsnap(legpol('Block or MFA', controls=['block', 'mfa'])),
     f"FAIL {TN} ~ policy 'Block or MFA' (clientAppTypes exchangeActiveSync and other) does not count: its grant controls use operator OR, so mfa can satisfy it instead of block")
case(R, 'unknown', snap(directory=CAOFF, errors=[gerr("conditionalAccessPolicies")]),
     f"UNKNOWN {TN} ~ security defaults are disabled (isEnabled false), and whether a Conditional Access policy blocks legacy authentication is unknown")
case(R, 'unknown-none', snap(errors=[gerr("identitySecurityDefaultsEnforcementPolicy"), gerr("conditionalAccessPolicies")]),
     f"UNKNOWN {TN} ~ whether security defaults or a Conditional Access policy block legacy authentication is unknown")
case(R, 'unknown-ca-notlist', snap(directory=dict(CAOFF, conditionalAccessPolicies=NULLCA)),
     f"UNKNOWN {TN} ~ Microsoft Graph data 'conditionalAccessPolicies' is not a list")
# no policy proof and security defaults unreadable or of the wrong type: no FAIL
case(R, 'unknown-sd', snap(directory={"conditionalAccessPolicies": calist(MFAPOL)}, errors=[gerr("identitySecurityDefaultsEnforcementPolicy")]),
     f"UNKNOWN {TN} ~ and whether security defaults block it is unknown")
case(R, 'unknown-sd-type', snap(directory={"identitySecurityDefaultsEnforcementPolicy": secdef("yes"), "conditionalAccessPolicies": calist(MFAPOL)}),
     f"UNKNOWN {TN} ~ isEnabled is missing or not a boolean")
# an enabled policy whose clientAppTypes is not a list may be the one
case(R, 'unknown-type', legsnap(mod(legpol('Block legacy authentication'), conditions__clientAppTypes='exchangeActiveSync,other')),
     f"UNKNOWN {TN} ~ policy 'Block legacy authentication' cannot be judged: conditions.clientAppTypes is not a list of strings")
case(R, 'unknown-grant-type', legsnap(mod(legpol('Block legacy authentication'), grantControls__builtInControls='block')),
     f"UNKNOWN {TN} ~ policy 'Block legacy authentication' cannot be judged: grantControls.builtInControls is not a list")
# a disabled policy blocks nothing whatever it holds, and a value of the
# wrong type in a policy without block says nothing about legacy clients
case(R, 'fail-malformed-irrelevant', legsnap(mod(legpol('Old legacy block', state='disabled'), conditions__clientAppTypes='other'),
                                             mod(MFAPOL, conditions__users__includeUsers='All')),
     f"FAIL {TN} ~ security defaults are disabled (isEnabled false) and no enabled Conditional Access policy among the 2 collected blocks legacy authentication")
case(R, 'na-template', template([{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-05-01", "name": "st", "location": "westeurope",
                                  "kind": "StorageV2", "sku": {"name": "Standard_LRS"}, "properties": {}}]),
     "NOT_APPLICABLE tenant ~ template scan")
