#!/usr/bin/env python3
"""Writes snapshot.json: the second example tenant "Fabrikam".

A small company with one subscription and a Microsoft Entra directory, run
carefully where the sample tenant (Contoso) is not, and the other way round:
each tenant-wide rule gets on one tenant the verdict it does not get on the
other (see README.md). Like Contoso's generate.py, every object starts from a
real example body of the Azure REST API specs or the Microsoft Graph
documentation (../shared/azure-api-examples, found beside the project) and
gets new ids, names and values. Deterministic: no randomness, no clock.

    python3 examples/second-tenant/generate.py [--examples DIR]
"""
import copy
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from examplelib import ex, write_snapshot  # noqa: E402


def named(body, id_, name, typ):
    body.update({'id': id_, 'name': name, 'type': typ})
    return body


TENANT = '3c8e5f2a-9b1d-4e7c-a6f0-2d4b8e1c5a97'
SUB = '5d2a7c9e-1f3b-4a6d-8e0c-9b7f5a3d1c02'
SUBID = f'/subscriptions/{SUB}'
LOCATION = 'westus2'
resources = []
add = resources.append

# ---------------------------------------------------------------- resource groups
RG_EX = 'resources/resource-manager/Microsoft.Resources/resources/stable/2024-11-01/examples/CreateResourceGroup.json'
for rg in ('rg-fabrikam-web', 'rg-fabrikam-shared'):
    b = named(ex(RG_EX), f'{SUBID}/resourceGroups/{rg}', rg, 'Microsoft.Resources/resourceGroups')
    b['location'] = LOCATION
    b['tags'] = {'owner': 'it@fabrikam.com'}
    add(b)

# ---------------------------------------------------------------- people
# object ids: members, then the guest
U = {
    'kai': '7b3f1e2d-5555-4c6a-9d8e-000000000001',     # IT manager: Global Administrator, Owner
    'breakglass': '7b3f1e2d-5555-4c6a-9d8e-000000000002',  # emergency access: Global Administrator, Owner
    'priya': '7b3f1e2d-5555-4c6a-9d8e-000000000003',   # web developer: Contributor on the web group
    'tomas': '7b3f1e2d-5555-4c6a-9d8e-000000000004',   # operations: the custom site operator role
    'mia': '7b3f1e2d-5555-4c6a-9d8e-000000000005',     # sales
    'oliver': '7b3f1e2d-5555-4c6a-9d8e-000000000006',  # finance
    'leah': '7b3f1e2d-5555-4c6a-9d8e-000000000007',    # left in August: disabled, her roles removed
    'guest_accountant': '7b3f1e2d-6666-4c6a-9d8e-000000000011',  # the external accountant, no role
}

# ---------------------------------------------------------------- RBAC
ROLE = 'authorization/resource-manager/Microsoft.Authorization/stable/2022-04-01/examples/'
OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
CONTRIB = 'b24988ac-6180-42a0-ab88-20f7382dd24c'
READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
UAA = '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9'
SITE_OPS = '2a4c6e8f-0b1d-4f3a-8c5e-7d9f1b3a5c70'


def rdid(role, scope=SUBID):
    return f'{scope}/providers/Microsoft.Authorization/roleDefinitions/{role}'


# One custom role, narrow: restart the web apps and read their logs. No
# custom role grants '*' (AZA-IAM-014 passes).
d = named(ex(ROLE + 'GetRoleDefinitionByName.json'), rdid(SITE_OPS), SITE_OPS, 'Microsoft.Authorization/roleDefinitions')
d['properties'] = {'roleName': 'Fabrikam Site Operator', 'type': 'CustomRole',
                   'description': 'Restart the web apps and read their logs.', 'assignableScopes': [SUBID],
                   'permissions': [{'actions': ['Microsoft.Web/sites/read', 'Microsoft.Web/sites/restart/action',
                                                'Microsoft.Web/sites/logs/read'],
                                    'notActions': [], 'dataActions': [], 'notDataActions': []}],
                   'createdOn': '2025-11-04T09:00:00.0000000Z', 'updatedOn': '2025-11-04T09:00:00.0000000Z'}
add(d)
for rn, rname in ((OWNER, 'Owner'), (CONTRIB, 'Contributor'), (READER, 'Reader'), (UAA, 'User Access Administrator')):
    d = named(ex(ROLE + 'GetRoleDefinitionByName.json'), rdid(rn), rn, 'Microsoft.Authorization/roleDefinitions')
    d['properties'] = {'roleName': rname, 'type': 'BuiltInRole', 'description': f'{rname} built-in role.',
                       'assignableScopes': ['/'],
                       'permissions': [{'actions': ['*'] if rn in (OWNER, CONTRIB) else (['*/read'] if rn == READER else ['*/read', 'Microsoft.Authorization/*']),
                                        'notActions': ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write'] if rn == CONTRIB else [],
                                        'dataActions': [], 'notDataActions': []}]}
    add(d)

# Two owners (Kai and the emergency access account), Priya contributes to the
# web group, Tomas restarts the sites. The last one is the leftover of
# 'elevate access': Kai, as Global Administrator, gave himself User Access
# Administrator at the root scope in 2025 to take the subscription over from
# the agency that had set it up, and never switched it off (AZA-IAM-016 fails).
RA = ex(ROLE + 'RoleAssignments_ListForScope.json')
RG_WEB = f'{SUBID}/resourceGroups/rg-fabrikam-web'
for i, (role, who, scope, created) in enumerate(((OWNER, 'kai', SUBID, '2025-03-03T09:00:00.0000000Z'),
                                                 (OWNER, 'breakglass', SUBID, '2025-03-03T09:05:00.0000000Z'),
                                                 (CONTRIB, 'priya', RG_WEB, '2025-04-14T10:00:00.0000000Z'),
                                                 (SITE_OPS, 'tomas', RG_WEB, '2025-11-04T09:30:00.0000000Z'),
                                                 (UAA, 'kai', '/', '2025-02-27T16:12:00.0000000Z'))):
    a = copy.deepcopy(RA)
    aid = '9c1e5a3b-%04d-4d2f-8a6b-%012d' % (i, i + 1)
    base = '' if scope == '/' else scope
    named(a, f'{base}/providers/Microsoft.Authorization/roleAssignments/{aid}', aid, 'Microsoft.Authorization/roleAssignments')
    a['properties'] = {'roleDefinitionId': rdid(role, '' if scope == '/' else SUBID), 'principalId': U[who],
                       'principalType': 'User', 'scope': scope, 'createdOn': created}
    add(a)

POL = 'resources/resource-manager/Microsoft.Authorization/stable/2023-04-01/examples/getPolicyAssignment.json'
p = named(ex(POL), f'{SUBID}/providers/Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn',
          'SecurityCenterBuiltIn', 'Microsoft.Authorization/policyAssignments')
p['location'] = LOCATION
p['identity'] = {'type': 'SystemAssigned', 'principalId': '4e6a8c0b-7777-4d2f-9a1c-000000000001', 'tenantId': TENANT}
p['properties'].update({'displayName': 'ASC Default (subscription: %s)' % SUB,
                        'description': 'Microsoft cloud security benchmark',
                        'policyDefinitionId': '/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8',
                        'metadata': {'assignedBy': 'Security Center'}, 'parameters': {},
                        'enforcementMode': 'Default', 'scope': SUBID, 'notScopes': []})
add(p)

# ---------------------------------------------------------------- Defender for Cloud
# Every plan on Standard (billed per resource, and there are few), a contact,
# auto provisioning, and a full secure score: the subscription's identity
# recommendations (Defender for Cloud's identity recommendations V2, by
# assessment key) are all healthy, as the directory below bears out: owners
# and writers registered for MFA, no guest and no blocked account holding a
# role. AZA-DEF-034 passes.
SEC = 'security/resource-manager/Microsoft.Security/'
for plan in ('VirtualMachines', 'SqlServers', 'AppServices', 'StorageAccounts', 'SqlServerVirtualMachines',
             'KeyVaults', 'Arm', 'OpenSourceRelationalDatabases', 'CosmosDbs', 'Containers', 'CloudPosture', 'Api'):
    b = named(ex(SEC + 'stable/2024-01-01/examples/Pricings/ListPricings_example.json'),
              f'{SUBID}/providers/Microsoft.Security/pricings/{plan}', plan, 'Microsoft.Security/pricings')
    b['properties'] = {'pricingTier': 'Standard', 'freeTrialRemainingTime': 'PT0S', 'enforce': 'False',
                       'enablementTime': '2025-03-10T08:00:00.0000000Z'}
    if plan == 'VirtualMachines':
        b['properties']['subPlan'] = 'P2'
    elif plan == 'StorageAccounts':
        b['properties']['subPlan'] = 'DefenderForStorageV2'
    elif plan == 'KeyVaults':
        b['properties']['subPlan'] = 'PerKeyVault'
    add(b)
c = named(ex(SEC + 'preview/2023-12-01-preview/examples/SecurityContacts/GetSecurityContact_example.json'),
          f'{SUBID}/providers/Microsoft.Security/securityContacts/default', 'default', 'Microsoft.Security/securityContacts')
c['properties'].update({'emails': 'it@fabrikam.com', 'phone': '+1 425 555 0142',
                        'notificationsByRole': {'state': 'On', 'roles': ['Owner']},
                        'notificationsSources': [{'sourceType': 'Alert', 'minimalSeverity': 'Medium'}]})
add(c)
ap = named(ex(SEC + 'preview/2017-08-01-preview/examples/AutoProvisioningSettings/GetAutoProvisioningSettingsSubscription_example.json'),
           f'{SUBID}/providers/Microsoft.Security/autoProvisioningSettings/default', 'default',
           'Microsoft.Security/autoProvisioningSettings')
ap['properties']['autoProvision'] = 'On'
add(ap)
for setting in ('MCAS', 'WDATP'):
    add({'id': f'{SUBID}/providers/Microsoft.Security/settings/{setting}', 'name': setting,
         'type': 'Microsoft.Security/settings', 'kind': 'DataExportSettings', 'properties': {'enabled': True}})
for key, title in (('6240402e-f77c-46fa-9060-a7ce53997754', 'Accounts with owner permissions on Azure resources should be MFA enabled'),
                   ('c0cb17b2-0607-48a7-b0e0-903ed22de39b', 'Accounts with write permissions on Azure resources should be MFA enabled'),
                   ('dabc9bc4-b8a8-45bd-9a5a-43000df8aa1c', 'Accounts with read permissions on Azure resources should be MFA enabled'),
                   ('20606e75-05c4-48c0-9d97-add6daa2109a', 'Guest accounts with owner permissions on Azure resources should be removed'),
                   ('0354476c-a12a-4fcc-a79d-f0ab7ffffdbb', 'Guest accounts with write permissions on Azure resources should be removed'),
                   ('fde1c0c9-0fd2-4ecc-87b5-98956cbc1095', 'Guest accounts with read permissions on Azure resources should be removed'),
                   ('050ac097-3dda-4d24-ab6d-82568e7a50cf', 'Blocked accounts with owner permissions on Azure resources should be removed'),
                   ('1ff0b4c9-ed56-4de6-be9c-d7ab39645926', 'Blocked accounts with read and write permissions on Azure resources should be removed')):
    a = named(ex(SEC + 'stable/2021-06-01/examples/Assessments/ListAssessments_example.json'),
              f'{SUBID}/providers/Microsoft.Security/assessments/{key}', key, 'Microsoft.Security/assessments')
    a['properties']['resourceDetails']['id'] = SUBID
    a['properties']['displayName'] = title
    a['properties']['status'] = {'code': 'Healthy'}
    add(a)
sc = named(ex(SEC + 'stable/2020-01-01/examples/secureScores/ListSecureScores_example.json'),
           f'{SUBID}/providers/Microsoft.Security/secureScores/ascScore', 'ascScore', 'Microsoft.Security/secureScores')
sc['properties']['score'] = {'max': 14, 'current': 14, 'percentage': 1.0}
add(sc)

# ---------------------------------------------------------------- directory (Microsoft Graph)
# Microsoft 365 Business Premium: Microsoft Entra ID P1 (Conditional Access,
# sign-in activity), no P2 (no Privileged Identity Management).
G = 'graph/'
member_tmpl = ex(G + 'users-list.json')['value'][1]
signin_tmpl = ex(G + 'users-list-signInActivity.json')['value'][0]['signInActivity']
users = []
for key, (upn, dn, ut, enabled, created, last) in {
    'kai': ('KaiC@fabrikam.com', 'Kai Carter', 'Member', True, '2023-05-02T09:00:00Z', '2026-10-31T08:40:00Z'),
    'breakglass': ('emergency01@fabrikam.onmicrosoft.com', 'Emergency Access 01', 'Member', True, '2023-05-02T09:10:00Z',
                   '2026-08-04T10:00:00Z'),
    'priya': ('PriyaP@fabrikam.com', 'Priya Patel', 'Member', True, '2023-05-08T09:00:00Z', '2026-10-30T16:05:00Z'),
    'tomas': ('TomasN@fabrikam.com', 'Tomas Novak', 'Member', True, '2023-06-12T09:00:00Z', '2026-10-31T07:12:00Z'),
    'mia': ('MiaC@fabrikam.com', 'Mia Chen', 'Member', True, '2024-01-15T09:00:00Z', '2026-10-29T13:30:00Z'),
    'oliver': ('OliverB@fabrikam.com', 'Oliver Brandt', 'Member', True, '2024-09-02T09:00:00Z', '2026-10-31T09:55:00Z'),
    'leah': ('LeahS@fabrikam.com', 'Leah Stone', 'Member', False, '2023-05-08T09:00:00Z', '2026-08-29T17:20:00Z'),
    'guest_accountant': ('dana_northwindaccounting.com#EXT#@fabrikam.onmicrosoft.com', 'Dana (Northwind Accounting)', 'Guest',
                         True, '2025-01-20T10:00:00Z', '2026-10-16T11:45:00Z'),
}.items():
    u = copy.deepcopy(member_tmpl)
    u.update({'id': U[key], 'userPrincipalName': upn, 'displayName': dn,
              'mail': upn if ut == 'Member' else upn.split('#')[0].replace('_', '@'),
              'givenName': dn.split()[0], 'surname': dn.split()[-1] if ut == 'Member' else None, 'userType': ut,
              'accountEnabled': enabled, 'createdDateTime': created, 'businessPhones': [], 'mobilePhone': None,
              'jobTitle': None, 'officeLocation': None})
    if ut == 'Guest':
        u['externalUserState'] = 'Accepted'
    si = copy.deepcopy(signin_tmpl)
    # lastSuccessfulSignInDateTime (Graph v1.0 signInActivity, recorded since December 2023; the example body
    # predates it): every sign-in here succeeded
    si.update({'lastSignInDateTime': last, 'lastSignInRequestId': '00000000-0000-0000-0000-%012d' % (100 + len(users)),
               'lastNonInteractiveSignInDateTime': last, 'lastNonInteractiveSignInRequestId': '',
               'lastSuccessfulSignInDateTime': last,
               'lastSuccessfulSignInRequestId': '00000000-0000-0000-0000-%012d' % (100 + len(users))})
    u['signInActivity'] = si
    users.append(u)

# Everyone registered for MFA in 2023, when security defaults made them:
# AZA-IAM-002 and -003 pass.
reg_tmpl = ex(G + 'userRegistrationDetails-list.json')['value'][0]
reg = []
for u in users:
    k = next(k for k, v in U.items() if v == u['id'])
    r = copy.deepcopy(reg_tmpl)
    r.update({'id': u['id'], 'userPrincipalName': u['userPrincipalName'], 'userDisplayName': u['displayName'],
              'userType': 'guest' if u['userType'] == 'Guest' else 'member', 'isAdmin': k in ('kai', 'breakglass'),
              'isMfaRegistered': True, 'isMfaCapable': True, 'isSsprRegistered': k != 'breakglass',
              'isSsprEnabled': k != 'breakglass', 'isSsprCapable': k != 'breakglass',
              'isPasswordlessCapable': False,
              'methodsRegistered': ['microsoftAuthenticatorPush', 'softwareOneTimePasscode'],
              'lastUpdatedDateTime': '2026-10-01T00:00:00Z'})
    reg.append(r)

# After a consent-phishing attempt in 2025, Kai stopped user app registration
# and user consent and restricted what guests see (AZA-IAM-019, -020, -021
# pass); the collaboration defaults stay, as the staff work with partners in
# Teams: every user invites guests and creates security and Microsoft 365
# groups (AZA-IAM-006, -007, -008 fail; no Group.Unified settings object).
authz = ex(G + 'authorizationPolicy-get.json')
authz.pop('@odata.context', None)
authz.update({'allowInvitesFrom': 'everyone', 'allowedToSignUpEmailBasedSubscriptions': False,
              'allowEmailVerifiedUsersToJoinOrganization': False, 'allowUserConsentForRiskyApps': False,
              'guestUserRoleId': '2af84b1e-32c8-42b7-82bc-daa82404023b'})
authz['defaultUserRolePermissions'].update({'allowedToCreateApps': False, 'allowedToCreateSecurityGroups': True,
                                            'allowedToReadOtherUsers': True, 'permissionGrantPoliciesAssigned': []})

# Security defaults were turned off in September 2026, when they broke the
# office scanner's scan-to-email (SMTP AUTH, a legacy protocol), to move to
# Conditional Access; the two policies meant to replace them are still in
# report-only mode. Nothing enforces MFA or blocks legacy authentication now
# (AZA-IAM-001 and -030 fail; AZA-IAM-002 passes on registration alone).
secdef = ex(G + 'identitySecurityDefaultsEnforcementPolicy-get.json')
secdef.pop('@odata.context', None)
secdef['isEnabled'] = False
ca_tmpl = ex(G + 'conditionalAccess-policies-list.json')['value'][-1]


def ca(pid, name, client_apps, grant):
    p = copy.deepcopy(ca_tmpl)
    p.update({'id': pid, 'displayName': name, 'state': 'enabledForReportingButNotEnforced',
              'createdDateTime': '2026-09-14T10:00:00Z', 'modifiedDateTime': '2026-09-14T10:00:00Z'})
    c = p['conditions']
    c['clientAppTypes'] = client_apps
    c['applications'] = {'includeApplications': ['All'], 'excludeApplications': [], 'includeUserActions': []}
    c['users'] = {'includeUsers': ['All'], 'excludeUsers': [U['breakglass']], 'includeGroups': [], 'excludeGroups': [],
                  'includeRoles': [], 'excludeRoles': []}
    p['grantControls'] = {'operator': 'OR', 'builtInControls': grant, 'customAuthenticationFactors': [], 'termsOfUse': []}
    return p


capolicies = [ca('5f7a9c1e-bbbb-4d3f-8a2c-000000000001', 'Require MFA for all users', ['all'], ['mfa']),
              ca('5f7a9c1e-bbbb-4d3f-8a2c-000000000002', 'Block legacy authentication', ['exchangeActiveSync', 'other'],
                 ['block'])]

GA = '62e90394-69f5-4237-9190-012177145e10'
dra_tmpl = ex(G + 'roleManagement-directory-roleAssignments-list.json')['value'][0]
dras = []
for i, who in enumerate(('kai', 'breakglass')):
    d = copy.deepcopy(dra_tmpl)
    d.update({'id': 'lAPpYvVpN0KRkAEhdxReF%03d-%d' % (i, i), 'principalId': U[who], 'roleDefinitionId': GA,
              'resourceScope': '/', 'directoryScopeId': '/'})
    dras.append(d)

directory = {
    'users': users,
    'userRegistrationDetails': reg,
    'authorizationPolicy': authz,
    'conditionalAccessPolicies': capolicies,
    'identitySecurityDefaultsEnforcementPolicy': secdef,
    'directoryRoleAssignments': dras,
    'groupSettings': [],
    # no group holds a role: nothing to expand
    'groupMembers': [],
    'groupEligibility': [],
}

# ---------------------------------------------------------------- collection errors
# Without Microsoft Entra ID P2 there is no Privileged Identity Management:
# Graph and Resource Manager refuse the eligible assignments (as the
# collector records them), which proves there are none.
errors = [
    {'scope': '', 'type': 'directoryRoleEligibilityScheduleInstances',
     'api': 'GET graph directoryRoleEligibilityScheduleInstances', 'status': 400,
     'message': 'AadPremiumLicenseRequired: The tenant needs to have Microsoft Entra ID P2 or Microsoft Entra ID Governance license.'},
    {'scope': SUBID, 'type': 'Microsoft.Authorization/roleEligibilityScheduleInstances',
     'api': f'{SUBID}/providers/Microsoft.Authorization/roleEligibilityScheduleInstances', 'status': 400,
     'message': 'AadPremiumLicenseRequired: The tenant needs an AAD Premium 2 license.'},
]

# Fabrikam runs its business on Microsoft 365 and has deployed almost
# nothing in Azure yet: the collector read every data set it knows (those
# of the sample tenant's collection) and found nothing else. Each absent
# type is then known to be absent, not left unknown.
COLLECTED = '''
Microsoft.ApiManagement/service Microsoft.AppConfiguration/configurationStores Microsoft.Authorization/locks
Microsoft.Authorization/policyAssignments Microsoft.Authorization/policyDefinitions
Microsoft.Authorization/policyExemptions Microsoft.Authorization/roleAssignments
Microsoft.Authorization/roleDefinitions Microsoft.Cache/Redis Microsoft.Cache/Redis/firewallRules
Microsoft.Cdn/profiles Microsoft.Cdn/profiles/afdendpoints Microsoft.Cdn/profiles/afdendpoints/routes
Microsoft.Cdn/profiles/customdomains Microsoft.Cdn/profiles/securitypolicies Microsoft.CognitiveServices/accounts
Microsoft.Compute/diskEncryptionSets Microsoft.Compute/disks Microsoft.Compute/virtualMachines
Microsoft.Compute/virtualMachines/extensions Microsoft.Compute/virtualMachineScaleSets
Microsoft.ContainerRegistry/registries Microsoft.ContainerService/ManagedClusters
Microsoft.ContainerService/managedClusters/providers/Microsoft.Insights/diagnosticSettings
Microsoft.Databricks/workspaces Microsoft.Databricks/workspaces/providers/Microsoft.Insights/diagnosticSettings
Microsoft.DataFactory/factories Microsoft.DBforMySQL/flexibleServers
Microsoft.DBforMySQL/flexibleServers/configurations Microsoft.DBforMySQL/flexibleServers/firewallRules
Microsoft.DBforMySQL/servers Microsoft.DBforPostgreSQL/flexibleServers
Microsoft.DBforPostgreSQL/flexibleServers/configurations Microsoft.DBforPostgreSQL/flexibleServers/firewallRules
Microsoft.DBforPostgreSQL/servers Microsoft.DBforPostgreSQL/servers/configurations
Microsoft.DocumentDB/databaseAccounts Microsoft.EventHub/Namespaces Microsoft.EventHub/Namespaces/NetworkRuleSets
Microsoft.Insights/actionGroups Microsoft.Insights/activityLogAlerts Microsoft.Insights/components
Microsoft.Insights/diagnosticSettings Microsoft.KeyVault/managedHSMs
Microsoft.KeyVault/managedHSMs/providers/Microsoft.Insights/diagnosticSettings Microsoft.KeyVault/vaults
Microsoft.KeyVault/vaults/keys Microsoft.KeyVault/vaults/providers/Microsoft.Insights/diagnosticSettings
Microsoft.KeyVault/vaults/secrets Microsoft.MachineLearningServices/workspaces Microsoft.Network/applicationGateways
Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies Microsoft.Network/applicationSecurityGroups
Microsoft.Network/azureFirewalls Microsoft.Network/bastionHosts Microsoft.Network/ddosProtectionPlans
Microsoft.Network/firewallPolicies Microsoft.Network/frontdoorwebapplicationfirewallpolicies
Microsoft.Network/networkInterfaces Microsoft.Network/networkSecurityGroups Microsoft.Network/networkWatchers
Microsoft.Network/networkWatchers/flowLogs Microsoft.Network/publicIPAddresses
Microsoft.Network/virtualNetworkGateways Microsoft.Network/virtualNetworks Microsoft.Network/virtualNetworks/subnets
Microsoft.RecoveryServices/vaults Microsoft.Resources/resourceGroups Microsoft.Search/searchServices
Microsoft.Security/assessments Microsoft.Security/autoProvisioningSettings Microsoft.Security/pricings
Microsoft.Security/secureScores Microsoft.Security/securityContacts Microsoft.Security/settings
Microsoft.ServiceBus/Namespaces Microsoft.ServiceBus/Namespaces/NetworkRuleSets Microsoft.Sql/managedInstances
Microsoft.Sql/managedInstances/administrators Microsoft.Sql/managedInstances/advancedThreatProtectionSettings
Microsoft.Sql/managedInstances/azureADOnlyAuthentications Microsoft.Sql/managedInstances/encryptionProtector
Microsoft.Sql/managedInstances/securityAlertPolicies Microsoft.Sql/servers
Microsoft.Sql/servers/administrators Microsoft.Sql/servers/advancedThreatProtectionSettings
Microsoft.Sql/servers/auditingSettings Microsoft.Sql/servers/azureADOnlyAuthentications
Microsoft.Sql/servers/databases Microsoft.Sql/servers/databases/transparentDataEncryption
Microsoft.Sql/servers/encryptionProtector Microsoft.Sql/servers/firewallRules
Microsoft.Sql/servers/ipv6FirewallRules Microsoft.Sql/servers/securityAlertPolicies
Microsoft.Sql/servers/sqlVulnerabilityAssessments Microsoft.Sql/servers/vulnerabilityAssessments
Microsoft.Storage/storageAccounts Microsoft.Storage/storageAccounts/blobServices
Microsoft.Storage/storageAccounts/blobServices/containers Microsoft.Storage/storageAccounts/fileServices
Microsoft.Storage/storageAccounts/managementPolicies Microsoft.Storage/storageAccounts/queueServices
Microsoft.Storage/storageAccounts/tableServices Microsoft.Synapse/workspaces
Microsoft.Synapse/workspaces/firewallRules Microsoft.Web/sites Microsoft.Web/sites/config Microsoft.Web/sites/slots
Microsoft.Web/sites/slots/config
'''.split()
DATASETS = sorted(set(COLLECTED) | {r['type'] for r in resources}, key=str.lower)

snapshot = {
    'snapshot_version': '1.0',
    'meta': {
        'tenant_id': TENANT,
        'collected_at': '2026-10-31T21:40:00Z',
        'method': 'collector',
        'tool': 'azaudit collect 0.1.0',
        'subscriptions': [{'id': SUB, 'name': 'Fabrikam'}],
        'datasets': DATASETS + ['users', 'userRegistrationDetails', 'authorizationPolicy', 'conditionalAccessPolicies',
                                'identitySecurityDefaultsEnforcementPolicy', 'directoryRoleAssignments',
                                'groupSettings', 'groupMembers', 'groupEligibility'],
    },
    'resources': resources,
    'directory': directory,
    'errors': errors,
}

out = write_snapshot(HERE, snapshot)
print('%s: %d resources, %d users' % (out, len(resources), len(users)))
