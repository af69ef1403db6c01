#!/usr/bin/env python3
"""Writes snapshot.json: the bundled sample tenant "Contoso".

Every resource starts from a real example body of the Azure REST API specs
(../shared/azure-api-examples, found beside the project) and gets new ids,
names and values. Deterministic: no randomness, no clock. Each area has
resources that pass and resources that fail, plus two collection errors.

    python3 examples/sample-tenant/generate.py [--examples DIR]
"""
import copy
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from examplelib import DEL, ex, mod, setp, write_snapshot  # noqa: E402


TENANT = '6f1c2a3b-7d4e-4f5a-8b9c-0d1e2f3a4b5c'
SUBS = [
    ('b7e2c1a0-3f4d-4e5a-9b6c-7d8e9f0a1b01', 'Contoso-Prod', 'westeurope'),
    ('b7e2c1a0-3f4d-4e5a-9b6c-7d8e9f0a1b02', 'Contoso-Dev', 'northeurope'),
    ('b7e2c1a0-3f4d-4e5a-9b6c-7d8e9f0a1b03', 'Contoso-Shared', 'westeurope'),
]
PROD, DEV, SHARED = SUBS
EPOCH_2026_11_01 = 1793491200  # the reference time of the expected findings
DAY = 86400

resources = []


def add(r):
    resources.append(r)
    return r


def sid(sub):
    return f'/subscriptions/{sub[0]}'


def rgid(sub, rg):
    return f'{sid(sub)}/resourceGroups/{rg}'


def rid(sub, rg, prov, *parts):
    return f'{rgid(sub, rg)}/providers/{prov}/' + '/'.join(parts)


def named(body, id_, name, typ=None, location=None):
    body['id'] = id_
    body['name'] = name
    if typ:
        body['type'] = typ
    if location is not None:
        body['location'] = location
    return body


def la_workspace(sub):
    return rid(SHARED, 'rg-monitor', 'Microsoft.OperationalInsights', 'workspaces', 'law-contoso-security')


def action_group(sub):
    return rid(sub, 'rg-monitor', 'microsoft.insights', 'actionGroups', 'ag-secops')


# ---------------------------------------------------------------- resource groups
RG_EX = 'resources/resource-manager/Microsoft.Resources/resources/stable/2024-11-01/examples/CreateResourceGroup.json'
RGS = {
    PROD: ['rg-data', 'rg-web', 'rg-network', 'rg-compute', 'rg-security', 'rg-monitor', 'rg-analytics'],
    DEV: ['rg-data', 'rg-web', 'rg-network', 'rg-compute', 'rg-security', 'rg-monitor', 'rg-analytics'],
    SHARED: ['rg-data', 'rg-network', 'rg-security', 'rg-monitor'],
}
for sub, rgs in RGS.items():
    for rg in rgs:
        b = ex(RG_EX)
        named(b, rgid(sub, rg), rg, 'Microsoft.Resources/resourceGroups', sub[2])
        b['tags'] = {'owner': 'platform-team', 'env': sub[1].split('-')[1].lower()}
        add(b)

# ---------------------------------------------------------------- storage
ST = 'storage/resource-manager/Microsoft.Storage/stable/2023-05-01/examples/'
dataplane = []


def storage_account(sub, rg, name, good, **kv):
    b = ex(ST + 'StorageAccountCreate.json')
    named(b, rid(sub, rg, 'Microsoft.Storage', 'storageAccounts', name), name,
          'Microsoft.Storage/storageAccounts', sub[2])
    b.pop('extendedLocation', None)
    b['kind'] = 'StorageV2'
    b['sku'] = {'name': 'Standard_GRS' if good else 'Standard_LRS', 'tier': 'Standard'}
    b['tags'] = {'env': sub[1].split('-')[1].lower(), 'criticality': 'high' if good else 'low'}
    p = b['properties']
    for ep in ('primaryEndpoints', 'secondaryEndpoints'):
        if ep in p:
            p[ep] = {k: f'https://{name}.{k}.core.windows.net/' for k in ('blob', 'dfs', 'file', 'queue', 'table', 'web')}
    p.update({
        'keyPolicy': {'keyExpirationPeriodInDays': 90},
        'keyCreationTime': {'key1': '2026-09-14T08:12:40.1200000Z', 'key2': '2026-09-15T08:12:40.1200000Z'},
        'isHnsEnabled': False, 'isSftpEnabled': False,
        'allowBlobPublicAccess': False, 'minimumTlsVersion': 'TLS1_2', 'allowSharedKeyAccess': False,
        'allowCrossTenantReplication': False, 'defaultToOAuthAuthentication': True,
        'publicNetworkAccess': 'Disabled', 'supportsHttpsTrafficOnly': True,
        'networkAcls': {'bypass': 'AzureServices', 'virtualNetworkRules': [], 'ipRules': [], 'defaultAction': 'Deny'},
        'privateEndpointConnections': [{
            'id': b['id'] + '/privateEndpointConnections/pe-' + name,
            'properties': {'privateEndpoint': {'id': rid(sub, 'rg-network', 'Microsoft.Network', 'privateEndpoints', 'pe-' + name)},
                           'privateLinkServiceConnectionState': {'status': 'Approved', 'description': 'Auto-Approved', 'actionRequired': 'None'}}}],
        'creationTime': '2024-02-11T10:01:12.4500000Z',
    })
    p['encryption']['requireInfrastructureEncryption'] = bool(good)
    for k, v in kv.items():
        setp(b, k.replace('__', '.'), v)
    return add(b)


def blob_service(acct, **kv):
    b = ex(ST + 'BlobServicesGet.json')
    named(b, acct['id'] + '/blobServices/default', 'default')
    b['properties']['cors'] = {'corsRules': []}
    b['properties'].update({'deleteRetentionPolicy': {'enabled': True, 'days': 14},
                            'containerDeleteRetentionPolicy': {'enabled': True, 'days': 14},
                            'isVersioningEnabled': True, 'changeFeed': {'enabled': True}})
    for k, v in kv.items():
        setp(b, k.replace('__', '.'), v)
    return add(b)


def file_service(acct, good):
    # Same shape as the blob service (ARM fileServices/default).
    b = {'id': acct['id'] + '/fileServices/default', 'name': 'default',
         'type': 'Microsoft.Storage/storageAccounts/fileServices', 'sku': dict(acct['sku']),
         'properties': {'cors': {'corsRules': []},
                        'shareDeleteRetentionPolicy': {'enabled': True, 'days': 7} if good else {'enabled': False},
                        'protocolSettings': {'smb': {'versions': 'SMB3.1.1;', 'channelEncryption': 'AES-256-GCM;',
                                                     'authenticationMethods': 'Kerberos;',
                                                     'kerberosTicketEncryption': 'AES-256;'}} if good else
                        {'smb': {'versions': 'SMB2.1;SMB3.0;SMB3.1.1;', 'channelEncryption': 'AES-128-CCM;AES-128-GCM;AES-256-GCM;'}}}}
    return add(b)


def container(acct, name, access, index=0):
    b = ex(ST + 'BlobContainersList.json', index)
    named(b, acct['id'] + f'/blobServices/default/containers/{name}', name)
    b['properties']['publicAccess'] = access
    b['properties']['lastModifiedTime'] = '2026-06-02T09:30:00Z'
    return add(b)


def logging(acct, service, r=True, w=True, d=True):
    dataplane.append({'account': acct['id'], 'service': service,
                      'logging': {'version': '1.0', 'read': r, 'write': w, 'delete': d,
                                  'retentionPolicy': {'enabled': True, 'days': 90}}})


def storage_diag(acct, service, cats):
    b = ex('monitor/resource-manager/Microsoft.Insights/preview/2021-05-01-preview/examples/getDiagnosticSetting.json')
    named(b, acct['id'] + f'/{service}/default/providers/Microsoft.Insights/diagnosticSettings/to-law', 'to-law',
          'Microsoft.Insights/diagnosticSettings')
    p = b['properties']
    p.update({'storageAccountId': None, 'eventHubAuthorizationRuleId': None, 'eventHubName': None,
              'marketplacePartnerId': None, 'workspaceId': la_workspace(acct),
              'logs': [{'category': c, 'categoryGroup': None, 'enabled': True,
                        'retentionPolicy': {'enabled': False, 'days': 0}} for c in cats],
              'metrics': [{'category': 'Transaction', 'enabled': True, 'retentionPolicy': {'enabled': False, 'days': 0}}]})
    return add(b)


# Contoso-Prod: well-run accounts, one legacy exception.
for i, nm in enumerate(['stcontosoproddata', 'stcontosoprodlogs', 'stcontosoprodbackup']):
    a = storage_account(PROD, 'rg-data', nm, True)
    blob_service(a)
    file_service(a, True)
    container(a, 'invoices', 'None')
    container(a, 'insights-logs-auditevent', 'None', 1)
    for s in ('blob', 'queue', 'table'):
        logging(a, s)
a = storage_account(PROD, 'rg-web', 'stcontosoprodweb', False, properties__allowBlobPublicAccess=True,
                    properties__publicNetworkAccess='Enabled', properties__networkAcls__defaultAction='Allow',
                    properties__privateEndpointConnections=[], properties__allowSharedKeyAccess=True,
                    properties__keyCreationTime__key1='2025-01-20T11:00:00.0000000Z')
blob_service(a, properties__isVersioningEnabled=False)
file_service(a, False)
container(a, '$web', 'Blob')
container(a, 'downloads', 'Container')
container(a, 'uploads', 'None', 1)
for s, cats in (('blobServices', ['StorageRead', 'StorageWrite', 'StorageDelete']),
                ('queueServices', ['StorageWrite', 'StorageDelete']),
                ('tableServices', ['StorageRead', 'StorageWrite', 'StorageDelete'])):
    storage_diag(a, s, cats)

# Contoso-Dev: drift everywhere.
a = storage_account(DEV, 'rg-data', 'stcontosodevdata', False, properties__supportsHttpsTrafficOnly=False,
                    properties__minimumTlsVersion='TLS1_0', properties__allowSharedKeyAccess=DEL,
                    properties__allowCrossTenantReplication=True, properties__defaultToOAuthAuthentication=DEL,
                    properties__publicNetworkAccess=DEL, properties__networkAcls=DEL,
                    properties__privateEndpointConnections=[], properties__keyPolicy=DEL,
                    properties__keyCreationTime__key1='2024-03-18T04:42:22.4322836Z')
blob_service(a, properties__deleteRetentionPolicy={'enabled': False}, properties__containerDeleteRetentionPolicy=DEL,
             properties__isVersioningEnabled=False)
file_service(a, False)
container(a, 'testdata', 'Container')
container(a, 'scratch', 'None', 1)
logging(a, 'blob', r=False)
logging(a, 'queue', r=False, w=False, d=False)
logging(a, 'table', d=False)
a = storage_account(DEV, 'rg-data', 'stcontosodevml', False, properties__minimumTlsVersion='TLS1_1',
                    properties__allowBlobPublicAccess=True, properties__networkAcls__defaultAction='Allow',
                    properties__publicNetworkAccess='Enabled', properties__networkAcls__bypass='None',
                    properties__keyPolicy__keyExpirationPeriodInDays=365)
blob_service(a)
file_service(a, True)
container(a, 'datasets', 'None')
container(a, 'models', 'None', 1)
a = storage_account(DEV, 'rg-analytics', 'stcontosodevlake', True, properties__isHnsEnabled=True)
blob_service(a)
file_service(a, True)
container(a, 'raw', 'None')
for s in ('blob', 'queue', 'table'):
    logging(a, s)
# the blobServices of this one could not be read (see errors below); created
# in 2021, before new accounts stopped allowing anonymous blob access by
# default, and never set: allowBlobPublicAccess null means allowed
a_denied = storage_account(DEV, 'rg-web', 'stcontosodevcdn', False, properties__allowBlobPublicAccess=None,
                           properties__creationTime='2021-06-03T08:12:44.1234567Z')

# Contoso-Shared: the Activity Log and flow log archive.
for nm in ('stcontosoactivitylog', 'stcontosoflowlogs'):
    a = storage_account(SHARED, 'rg-monitor', nm, True, kind='StorageV2')
    blob_service(a)
    file_service(a, True)
    container(a, 'insights-activity-logs', 'None')
    container(a, 'insights-logs-networksecuritygroupflowevent', 'None', 1)
    for s in ('blob', 'queue', 'table'):
        logging(a, s)
a = storage_account(SHARED, 'rg-data', 'stcontososhrfiles', False, kind='FileStorage',
                    sku={'name': 'Premium_ZRS', 'tier': 'Premium'}, properties__allowSharedKeyAccess=True)
file_service(a, False)
STORAGE_FLOW = rid(SHARED, 'rg-monitor', 'Microsoft.Storage', 'storageAccounts', 'stcontosoflowlogs')

# ---------------------------------------------------------------- SQL
SQL = 'sql/resource-manager/Microsoft.Sql/stable/2023-08-01/examples/'
# Settings objects added after every other resource (the end of this file),
# so that the values derived from the resource count (VM ids, addresses) stay
# those of the snapshots before them.
late = []


def sql_server(sub, rg, name, good, audit=True, audit_error=False, express=None):
    s = ex(SQL + 'ServerGet.json')
    named(s, rid(sub, rg, 'Microsoft.Sql', 'servers', name), name, 'Microsoft.Sql/servers', sub[2])
    s['tags'] = {'env': sub[1].split('-')[1].lower()}
    p = s['properties']
    p['fullyQualifiedDomainName'] = f'{name}.database.windows.net'
    p['administratorLogin'] = 'sqladmin'
    p['publicNetworkAccess'] = 'Disabled' if good else 'Enabled'
    p['minimalTlsVersion'] = '1.2' if good else '1.0'
    for pec in p.get('privateEndpointConnections', []):
        pec['id'] = s['id'] + '/privateEndpointConnections/pe-' + name
        if 'properties' in pec and 'privateEndpoint' in pec['properties']:
            pec['properties']['privateEndpoint']['id'] = rid(sub, 'rg-network', 'Microsoft.Network', 'privateEndpoints', 'pe-' + name)
    if not good:
        p['privateEndpointConnections'] = []
    add(s)
    # firewall rules: the example list holds "allow Azure services" (0.0.0.0)
    for i, (fw, lo, hi) in enumerate([('AllowAllWindowsAzureIps', '0.0.0.0', '0.0.0.0'),
                                      ('office-dublin', '203.0.113.0', '203.0.113.255')] +
                                     ([] if good else [('AllowAll', '0.0.0.0', '255.255.255.255')])):
        if good and i == 0:
            continue
        f = ex(SQL + 'FirewallRuleList.json')
        named(f, s['id'] + f'/firewallRules/{fw}', fw)
        f['properties'] = {'startIpAddress': lo, 'endIpAddress': hi}
        add(f)
    # IPv6 firewall rules (Microsoft.Sql/servers/ipv6FirewallRules, in the shape of
    # the spec's IPv6FirewallRuleList example, which the shared examples lack): an
    # office range on every server, and on the others, with their IPv6 endpoint on
    # (isIPv6Enabled), one that admits every IPv6 address. Added late (the end of
    # this file), as the settings objects are.
    if not good:
        p['isIPv6Enabled'] = 'Enabled'
    for fw, lo, hi in [('office-dublin-v6', '2001:db8:ab::', '2001:db8:ab:ffff:ffff:ffff:ffff:ffff')] + \
            ([] if good else [('AllowAllIPv6', '::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')]):
        late.append({'id': s['id'] + f'/ipv6FirewallRules/{fw}', 'name': fw, 'type': 'Microsoft.Sql/servers/ipv6FirewallRules',
                     'properties': {'startIPv6Address': lo, 'endIPv6Address': hi}})
    if audit and not audit_error:
        a = ex(SQL + 'ServerBlobAuditingGet.json')
        named(a, s['id'] + '/auditingSettings/default', 'default')
        if good:
            a['properties'].update({'state': 'Enabled', 'retentionDays': 120, 'isAzureMonitorTargetEnabled': True,
                                    'auditActionsAndGroups': ['SUCCESSFUL_DATABASE_AUTHENTICATION_GROUP',
                                                              'FAILED_DATABASE_AUTHENTICATION_GROUP',
                                                              'BATCH_COMPLETED_GROUP'],
                                    'storageEndpoint': 'https://stcontosoprodlogs.blob.core.windows.net/'})
        a['properties']['storageAccountSubscriptionId'] = sub[0]
        add(a)
    al = ex(SQL + 'ServerSecurityAlertsGet.json')
    named(al, s['id'] + '/securityAlertPolicies/Default', 'Default')
    al['properties'].update({'state': 'Enabled' if good else 'Disabled', 'emailAddresses': ['secops@contoso.com'],
                             'disabledAlerts': [] if good else ['Access_Anomaly'], 'storageEndpoint': '',
                             'creationTime': '2025-04-03T04:41:33.937Z'})
    add(al)
    atp = ex(SQL + 'ServerAdvancedThreatProtectionSettingsGet.json')
    named(atp, s['id'] + '/advancedThreatProtectionSettings/Default', 'Default')
    atp['properties']['state'] = 'Enabled' if good else 'Disabled'
    add(atp)
    if good:
        ad = ex(SQL + 'AdministratorGet.json')
        named(ad, s['id'] + '/administrators/ActiveDirectory', 'ActiveDirectory')
        ad['properties'].update({'login': 'sql-admins@contoso.com', 'sid': '5d2b1e0a-3c4f-4a6b-8d9e-0f1a2b3c4d5e',
                                 'tenantId': TENANT, 'azureADOnlyAuthentication': True})
        add(ad)
    va = ex(SQL + 'ServerVulnerabilityAssessmentGet.json')
    named(va, s['id'] + '/vulnerabilityAssessments/default', 'default')
    va['properties']['recurringScans'] = {'isEnabled': bool(good), 'emailSubscriptionAdmins': bool(good),
                                          'emails': ['secops@contoso.com'] if good else []}
    if good:  # the classic configuration's results container (AZA-SQL-013)
        va['properties']['storageContainerPath'] = 'https://stcontosoactivitylog.blob.core.windows.net/vulnerability-assessment/'
    add(va)
    # The express configuration of the vulnerability assessment (the shape of
    # SqlVulnerabilityAssessmentGet, stable 2023-08-01; the shared examples
    # have none): it scans without the classic configuration (AZA-SQL-013).
    if express is not None:
        late.append({'id': s['id'] + '/sqlVulnerabilityAssessments/default', 'name': 'default',
                     'type': 'Microsoft.Sql/servers/sqlVulnerabilityAssessments', 'properties': {'state': express}})
    # Entra-only authentication, where the setting lives (the shape of
    # AzureADOnlyAuthList's item, stable 2023-08-01): as the administrator's
    # copy says, false without an administrator.
    late.append({'id': s['id'] + '/azureADOnlyAuthentications/Default', 'name': 'Default',
                 'type': 'Microsoft.Sql/servers/azureADOnlyAuthentications', 'properties': {'azureADOnlyAuthentication': bool(good)}})
    ep = {'id': s['id'] + '/encryptionProtector/current', 'name': 'current', 'kind': 'azurekeyvault' if good else 'servicemanaged',
          'type': 'Microsoft.Sql/servers/encryptionProtector',
          'properties': {'serverKeyName': 'kv-contoso-prod_sql-tde_01' if good else 'ServiceManaged',
                         'serverKeyType': 'AzureKeyVault' if good else 'ServiceManaged',
                         'autoRotationEnabled': bool(good)}}
    if good:
        ep['properties']['uri'] = 'https://kv-contoso-prod.vault.azure.net/keys/sql-tde/01'
    add(ep)
    for db, tde in (('appdb', True), ('reporting', good)):
        d = {'id': s['id'] + f'/databases/{db}', 'name': db, 'type': 'Microsoft.Sql/servers/databases',
             'location': sub[2], 'sku': {'name': 'GP_Gen5', 'tier': 'GeneralPurpose', 'family': 'Gen5', 'capacity': 2},
             'kind': 'v12.0,user,vcore',
             'properties': {'collation': 'SQL_Latin1_General_CP1_CI_AS', 'status': 'Online',
                            'zoneRedundant': False, 'requestedBackupStorageRedundancy': 'Geo'}}
        add(d)
        t = ex(SQL + 'TransparentDataEncryptionGet.json')
        named(t, d['id'] + '/transparentDataEncryption/current', 'current')
        t['properties']['state'] = 'Enabled' if tde else 'Disabled'
        add(t)
    return s


sql_server(PROD, 'rg-data', 'sql-contoso-prod', True)
sql_server(PROD, 'rg-analytics', 'sql-contoso-prod-dw', True, audit_error=True)
sql_server(DEV, 'rg-data', 'sql-contoso-dev', False, express='Enabled')  # the classic scans off, the express ones on
sql_server(SHARED, 'rg-data', 'sql-contoso-shared', False, audit=True)

# ---------------------------------------------------------------- PostgreSQL / MySQL flexible servers
PG = 'postgresql/resource-manager/Microsoft.DBforPostgreSQL/stable/2024-08-01/examples/'
MY = 'mysql/resource-manager/Microsoft.DBforMySQL/FlexibleServers/stable/2023-12-30/examples/'


def pg_server(sub, rg, name, good):
    s = ex(PG + 'ServerGet.json')
    named(s, rid(sub, rg, 'Microsoft.DBforPostgreSQL', 'flexibleServers', name), name,
          'Microsoft.DBforPostgreSQL/flexibleServers', sub[2])
    p = s['properties']
    p['fullyQualifiedDomainName'] = f'{name}.postgres.database.azure.com'
    p.setdefault('network', {})['publicNetworkAccess'] = 'Disabled' if good else 'Enabled'
    p.setdefault('backup', {})['geoRedundantBackup'] = 'Enabled' if good else 'Disabled'
    p['authConfig'] = {'activeDirectoryAuth': 'Enabled' if good else 'Disabled', 'passwordAuth': 'Disabled' if good else 'Enabled',
                       'tenantId': TENANT}
    add(s)
    conf = {'require_secure_transport': 'on' if good else 'off', 'log_checkpoints': 'on',
            'log_connections': 'on' if good else 'off', 'log_disconnections': 'on' if good else 'off',
            'connection_throttle.enable': 'on' if good else 'off', 'logfiles.retention_days': '7' if good else '3',
            'ssl_min_protocol_version': 'TLSv1.2'}
    for k, v in conf.items():
        c = ex(PG + 'ConfigurationGet.json')
        named(c, s['id'] + f'/configurations/{k}', k)
        c['properties'].update({'value': v, 'description': f'{k} server parameter.',
                                'source': 'user-override' if v != 'on' else 'system-default',
                                'dataType': 'Boolean' if v in ('on', 'off') else 'String'})
        add(c)
    fr = ex(PG + 'FirewallRuleListByServer.json', 0)
    if good:
        named(fr, s['id'] + '/firewallRules/office-dublin', 'office-dublin')
        fr['properties'] = {'startIpAddress': '203.0.113.0', 'endIpAddress': '203.0.113.255'}
    else:
        named(fr, s['id'] + '/firewallRules/AllowAll', 'AllowAll')
        fr['properties'] = {'startIpAddress': '0.0.0.0', 'endIpAddress': '255.255.255.255'}
    add(fr)


def mysql_server(sub, rg, name, good):
    s = ex(MY + 'ServerGet.json')
    named(s, rid(sub, rg, 'Microsoft.DBforMySQL', 'flexibleServers', name), name,
          'Microsoft.DBforMySQL/flexibleServers', sub[2])
    p = s['properties']
    p['fullyQualifiedDomainName'] = f'{name}.mysql.database.azure.com'
    p.setdefault('network', {})['publicNetworkAccess'] = 'Disabled' if good else 'Enabled'
    p['version'] = '8.0.21' if good else '5.7'
    add(s)
    conf = {'require_secure_transport': 'ON' if good else 'OFF', 'tls_version': 'TLSv1.2' if good else 'TLSv1,TLSv1.1,TLSv1.2',
            'audit_log_enabled': 'ON' if good else 'OFF', 'audit_log_events': 'CONNECTION,ADMIN,DDL' if good else 'CONNECTION'}
    for k, v in conf.items():
        c = ex(MY + 'ConfigurationGet.json')
        named(c, s['id'] + f'/configurations/{k}', k)
        c['properties'].update({'value': v, 'description': f'{k} server parameter.',
                                'source': 'user-override', 'defaultValue': c['properties'].get('defaultValue', 'OFF')})
        add(c)
    # firewall rules have the PostgreSQL flexible server shape
    fr = ex(PG + 'FirewallRuleListByServer.json', 0)
    fname, lo, hi = ('office-dublin', '203.0.113.0', '203.0.113.255') if good else ('AllowAll', '0.0.0.0', '255.255.255.255')
    named(fr, s['id'] + f'/firewallRules/{fname}', fname, 'Microsoft.DBforMySQL/flexibleServers/firewallRules')
    fr['properties'] = {'startIpAddress': lo, 'endIpAddress': hi}
    add(fr)


pg_server(PROD, 'rg-data', 'psql-contoso-prod', True)
pg_server(DEV, 'rg-data', 'psql-contoso-dev', False)
mysql_server(PROD, 'rg-web', 'mysql-contoso-prod', True)
mysql_server(DEV, 'rg-web', 'mysql-contoso-dev', False)

# ---------------------------------------------------------------- network
NET = 'network/resource-manager/Microsoft.Network/stable/2024-05-01/examples/'


def nsg(sub, rg, name, rules):
    b = ex(NET + 'NetworkSecurityGroupGet.json')
    named(b, rid(sub, rg, 'Microsoft.Network', 'networkSecurityGroups', name), name,
          'Microsoft.Network/networkSecurityGroups', sub[2])
    tmpl = b['properties']['securityRules'][0]
    out = []
    for (rn, prio, access, proto, src, port) in rules:
        r = copy.deepcopy(tmpl)
        r['name'] = rn
        r['id'] = b['id'] + '/securityRules/' + rn
        r['properties'].update({'protocol': proto, 'sourcePortRange': '*', 'sourceAddressPrefix': src,
                                'destinationAddressPrefix': '*', 'access': access, 'priority': prio,
                                'direction': 'Inbound'})
        if isinstance(port, list):
            r['properties'].pop('destinationPortRange', None)
            r['properties']['destinationPortRanges'] = port
        else:
            r['properties']['destinationPortRange'] = port
        out.append(r)
    b['properties']['securityRules'] = out
    for d in b['properties']['defaultSecurityRules']:
        d['id'] = b['id'] + '/defaultSecurityRules/' + d['name']
    return add(b)


nsgs = {}
for sub in SUBS:
    env = sub[1].split('-')[1].lower()
    nsgs[(sub, 'web')] = nsg(sub, 'rg-network', f'nsg-{env}-web', [
        ('AllowHttpsInbound', 100, 'Allow', 'Tcp', 'Internet', '443'),
        ('AllowBastionSsh', 110, 'Allow', 'Tcp', '10.10.250.0/26', '22'),
        ('DenyAllInbound', 4096, 'Deny', '*', '*', '*')])
    if sub is SHARED:
        continue
    nsgs[(sub, 'app')] = nsg(sub, 'rg-network', f'nsg-{env}-app', [
        ('DenySshFromInternet', 100, 'Deny', 'Tcp', 'Internet', '22'),
        ('AllowSshLegacy', 200, 'Allow', 'Tcp', 'Internet', '22'),  # shadowed by the Deny above
        ('AllowAppPorts', 300, 'Allow', 'Tcp', 'VirtualNetwork', ['8080', '8443'])])
nsgs[(PROD, 'mgmt')] = nsg(PROD, 'rg-network', 'nsg-prod-mgmt', [
    ('AllowRdpFromInternet', 100, 'Allow', 'Tcp', 'Internet', '3389'),
    ('AllowHttpsInbound', 110, 'Allow', 'Tcp', '*', '443')])
nsgs[(DEV, 'mgmt')] = nsg(DEV, 'rg-network', 'nsg-dev-mgmt', [
    ('AllowFtpRange', 100, 'Allow', 'Tcp', '0.0.0.0/0', '20-30'),
    ('AllowUdpAny', 120, 'Allow', 'Udp', '*', '*'),
    ('AllowSqlFromAnywhere', 130, 'Allow', 'Tcp', 'Any', '1433')])

vnets = {}
for sub in SUBS:
    env = sub[1].split('-')[1].lower()
    n = {'Contoso-Prod': 10, 'Contoso-Dev': 20, 'Contoso-Shared': 30}[sub[1]]
    vid = rid(sub, 'rg-network', 'Microsoft.Network', 'virtualNetworks', f'vnet-{env}')
    subnets = []
    for sn, pfx, ng in (('snet-web', f'10.{n}.1.0/24', 'web'), ('snet-app', f'10.{n}.2.0/24', 'app'),
                        ('snet-mgmt', f'10.{n}.3.0/24', 'mgmt'), ('snet-legacy', f'10.{n}.9.0/24', None),
                        ('GatewaySubnet', f'10.{n}.255.0/27', None)):
        s = ex(NET + 'SubnetGet.json')
        named(s, vid + '/subnets/' + sn, sn, 'Microsoft.Network/virtualNetworks/subnets')
        s['properties']['addressPrefix'] = pfx
        g = nsgs.get((sub, ng)) if ng else None
        if g:
            s['properties']['networkSecurityGroup'] = {'id': g['id']}
        subnets.append(s)
    v = {'id': vid, 'name': f'vnet-{env}', 'type': 'Microsoft.Network/virtualNetworks', 'location': sub[2],
         'properties': {'provisioningState': 'Succeeded', 'addressSpace': {'addressPrefixes': [f'10.{n}.0.0/16']},
                        'subnets': copy.deepcopy(subnets), 'enableDdosProtection': sub is PROD,
                        'virtualNetworkPeerings': []}}
    add(v)
    for s in subnets:
        add(s)
    vnets[sub] = vid


def public_ip(sub, rg, name, nic_cfg=None):
    b = ex(NET + 'PublicIpAddressGet.json')
    named(b, rid(sub, rg, 'Microsoft.Network', 'publicIPAddresses', name), name,
          'Microsoft.Network/publicIPAddresses', sub[2])
    b['properties']['ipAddress'] = '198.51.100.%d' % (len(resources) % 250 + 1)
    if nic_cfg:
        b['properties']['ipConfiguration'] = {'id': nic_cfg}
    else:
        b['properties'].pop('ipConfiguration', None)
    return add(b)


def nic(sub, rg, name, subnet, nsg_id=None, pip=None, vm_id=None):
    b = ex(NET + 'NetworkInterfaceGet.json')
    nid = rid(sub, rg, 'Microsoft.Network', 'networkInterfaces', name)
    named(b, nid, name, 'Microsoft.Network/networkInterfaces', sub[2])
    p = b['properties']
    if nsg_id:
        p['networkSecurityGroup'] = {'id': nsg_id}
    else:
        p.pop('networkSecurityGroup', None)
    if vm_id:
        p['virtualMachine'] = {'id': vm_id}
    else:
        p.pop('virtualMachine', None)
    for c in p['ipConfigurations']:
        c['id'] = nid + '/ipConfigurations/' + c['name']
        c['properties']['subnet'] = {'id': vnets[sub] + '/subnets/' + subnet}
        if pip:
            c['properties']['publicIPAddress'] = {'id': pip}
        else:
            c['properties'].pop('publicIPAddress', None)
    p['enableIPForwarding'] = False
    return add(b)


# network watchers: Prod covers both regions it uses; Dev has none in northeurope.
NW_EX = NET + 'NetworkWatcherList.json'
watchers = {}
for sub, regions in ((PROD, ['westeurope', 'northeurope']), (DEV, ['westeurope']), (SHARED, ['westeurope'])):
    for reg in regions:
        w = ex(NW_EX)
        named(w, rid(sub, 'NetworkWatcherRG', 'Microsoft.Network', 'networkWatchers', f'NetworkWatcher_{reg}'),
              f'NetworkWatcher_{reg}', 'Microsoft.Network/networkWatchers', reg)
        w['tags'] = {}
        add(w)
        watchers[(sub, reg)] = w['id']


def flow_log(sub, reg, name, target, enabled, days, analytics):
    f = ex(NET + 'NetworkWatcherFlowLogGet.json')
    named(f, watchers[(sub, reg)] + '/flowLogs/' + name, name, 'Microsoft.Network/networkWatchers/flowLogs', reg)
    f.pop('identity', None)
    p = f['properties']
    p.update({'targetResourceId': target, 'storageId': STORAGE_FLOW, 'enabled': enabled,
              'retentionPolicy': {'days': days, 'enabled': days > 0}})
    p.pop('enabledFilteringCriteria', None)
    p['flowAnalyticsConfiguration']['networkWatcherFlowAnalyticsConfiguration'].update({
        'enabled': analytics, 'workspaceId': '00000000-aaaa-bbbb-cccc-000000000001' if analytics else '-',
        'workspaceRegion': 'westeurope' if analytics else '-',
        'workspaceResourceId': la_workspace(sub) if analytics else None,
        'trafficAnalyticsInterval': 10 if analytics else 60})
    return add(f)


flow_log(PROD, 'westeurope', 'fl-vnet-prod', vnets[PROD], True, 90, True)
flow_log(PROD, 'westeurope', 'fl-nsg-prod-mgmt', nsgs[(PROD, 'mgmt')]['id'], True, 30, False)
flow_log(DEV, 'westeurope', 'fl-vnet-dev', vnets[DEV], False, 0, False)
flow_log(SHARED, 'westeurope', 'fl-vnet-shared', vnets[SHARED], True, 365, True)

asg = ex(NET + 'ApplicationSecurityGroupList.json')
named(asg, rid(PROD, 'rg-network', 'Microsoft.Network', 'applicationSecurityGroups', 'asg-prod-web'), 'asg-prod-web',
      'Microsoft.Network/applicationSecurityGroups', PROD[2])
add(asg)

# ---------------------------------------------------------------- compute
VM = 'compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2024-07-01/examples/virtualMachineExamples/'
DISK = 'compute/resource-manager/Microsoft.Compute/DiskRP/stable/2024-03-02/examples/'
DES = None


def disk(sub, rg, name, vm_id=None, cmk=False, ade=False, os_type='Windows', size=128):
    d = ex(DISK + 'diskExamples/Disk_Get.json')
    did = rid(sub, rg, 'Microsoft.Compute', 'disks', name)
    named(d, did, name, 'Microsoft.Compute/disks', sub[2])
    d.pop('managedBy', None)
    if vm_id:
        d['managedBy'] = vm_id
    p = d['properties']
    p.pop('purchasePlan', None)
    p['osType'] = os_type
    p['diskSizeGB'] = size
    p['creationData'] = {'createOption': 'FromImage' if vm_id else 'Empty'}
    p['diskState'] = 'Attached' if vm_id else 'Unattached'
    p['networkAccessPolicy'] = 'DenyAll' if cmk else 'AllowAll'
    p['publicNetworkAccess'] = 'Disabled' if cmk else 'Enabled'
    if cmk:
        p['encryption'] = {'type': 'EncryptionAtRestWithCustomerKey', 'diskEncryptionSetId': DES}
    else:
        p['encryption'] = {'type': 'EncryptionAtRestWithPlatformKey'}
    if not ade:
        p.pop('encryptionSettingsCollection', None)
    else:
        vault = rid(sub, 'rg-security', 'Microsoft.KeyVault', 'vaults', 'kv-contoso-' + sub[1].split('-')[1].lower())
        p['encryptionSettingsCollection'] = {'enabled': True, 'encryptionSettingsVersion': '1.1', 'encryptionSettings': [{
            'diskEncryptionKey': {'sourceVault': {'id': vault}, 'secretUrl': 'https://kv-contoso-prod.vault.azure.net/secrets/ade-' + name},
            'keyEncryptionKey': {'sourceVault': {'id': vault}, 'keyUrl': 'https://kv-contoso-prod.vault.azure.net/keys/ade-kek'}}]}
    return add(d)


des = ex(DISK + 'diskEncryptionSetExamples/DiskEncryptionSet_Get.json')
DES = rid(PROD, 'rg-security', 'Microsoft.Compute', 'diskEncryptionSets', 'des-contoso-prod')
named(des, DES, 'des-contoso-prod', 'Microsoft.Compute/diskEncryptionSets', PROD[2])
des['properties']['activeKey'] = {'sourceVault': {'id': rid(PROD, 'rg-security', 'Microsoft.KeyVault', 'vaults', 'kv-contoso-prod')},
                                  'keyUrl': 'https://kv-contoso-prod.vault.azure.net/keys/disk-cmk/6d3e2a1b0c9f4e8d'}
des['properties']['rotationToLatestKeyVersionEnabled'] = True
des['tags'] = {'env': 'prod'}
add(des)


def vm(sub, rg, name, os_type, good, exts, subnet, nsg_key=None, public=False):
    v = ex(VM + ('VirtualMachine_Create_WithEncryptionAtHost.json' if good else 'VirtualMachine_Get.json'))
    vid = rid(sub, rg, 'Microsoft.Compute', 'virtualMachines', name)
    named(v, vid, name, 'Microsoft.Compute/virtualMachines', sub[2])
    v.pop('resources', None)
    v.pop('etag', None)
    v['tags'] = {'env': sub[1].split('-')[1].lower(), 'criticality': 'high' if good else 'low'}
    p = v['properties']
    p.pop('userData', None)
    p.pop('availabilitySet', None)
    p.pop('proximityPlacementGroup', None)
    p['vmId'] = '%08x-0000-4000-8000-%012x' % (len(resources), len(resources) * 7919)
    p['hardwareProfile'] = {'vmSize': 'Standard_D4s_v5'}
    prof = p['osProfile']
    prof['computerName'] = name
    prof['adminUsername'] = 'azureadmin'
    if os_type == 'Linux':
        prof.pop('windowsConfiguration', None)
        prof['linuxConfiguration'] = {'disablePasswordAuthentication': bool(good), 'provisionVMAgent': True,
                                      'patchSettings': {'patchMode': 'AutomaticByPlatform' if good else 'ImageDefault',
                                                        'assessmentMode': 'AutomaticByPlatform' if good else 'ImageDefault'}}
    else:
        prof['windowsConfiguration'] = {'provisionVMAgent': True, 'enableAutomaticUpdates': bool(good),
                                        'patchSettings': {'patchMode': 'AutomaticByPlatform' if good else 'Manual',
                                                          'assessmentMode': 'AutomaticByPlatform' if good else 'ImageDefault'}}
    osd = disk(sub, rg, f'{name}_OsDisk_1', vid, cmk=good, ade=False, os_type=os_type)
    dd = disk(sub, rg, f'{name}_DataDisk_0', vid, cmk=good, ade=not good and os_type == 'Windows', os_type=None, size=512)
    dd['properties'].pop('osType', None)
    sp = p['storageProfile']
    sp['imageReference'] = ({'publisher': 'MicrosoftWindowsServer', 'offer': 'WindowsServer', 'sku': '2022-datacenter-azure-edition', 'version': 'latest'}
                            if os_type == 'Windows' else
                            {'publisher': 'Canonical', 'offer': '0001-com-ubuntu-server-jammy', 'sku': '22_04-lts-gen2', 'version': 'latest'})
    sp['osDisk'] = {'osType': os_type, 'name': osd['name'], 'createOption': 'FromImage', 'caching': 'ReadWrite',
                    'managedDisk': {'id': osd['id'], 'storageAccountType': 'Premium_LRS'}, 'diskSizeGB': 128}
    if good:
        sp['osDisk']['managedDisk']['diskEncryptionSet'] = {'id': DES}
    sp['dataDisks'] = [{'lun': 0, 'name': dd['name'], 'createOption': 'Attach', 'caching': 'ReadOnly',
                        'managedDisk': {'id': dd['id'], 'storageAccountType': 'Premium_LRS'}, 'diskSizeGB': 512}]
    if good:
        p['securityProfile'] = {'encryptionAtHost': True, 'securityType': 'TrustedLaunch',
                                'uefiSettings': {'secureBootEnabled': True, 'vTpmEnabled': True}}
    else:
        p.pop('securityProfile', None)
    p['diagnosticsProfile'] = {'bootDiagnostics': {'enabled': True}}
    env = sub[1].split('-')[1].lower()
    pip = public_ip(sub, 'rg-network', f'pip-{name}', None) if public else None
    nsg_id = nsgs[(sub, nsg_key)]['id'] if nsg_key else None
    n = nic(sub, 'rg-network', f'nic-{name}', subnet, nsg_id, pip['id'] if pip else None, vid)
    if pip:
        pip['properties']['ipConfiguration'] = {'id': n['id'] + '/ipConfigurations/ipconfig1'}
    p['networkProfile'] = {'networkInterfaces': [{'id': n['id'], 'properties': {'primary': True}}]}
    add(v)
    base = ex(VM + 'VirtualMachineExtension_List_MaximumSet_Gen.json')
    for (pub, typ, ver) in exts:
        e = copy.deepcopy(base)
        nm = typ
        named(e, vid + '/extensions/' + nm, nm, 'Microsoft.Compute/virtualMachines/extensions', sub[2])
        e['properties'] = {'autoUpgradeMinorVersion': True, 'provisioningState': 'Succeeded', 'publisher': pub,
                           'type': typ, 'typeHandlerVersion': ver, 'enableAutomaticUpgrade': True,
                           'suppressFailures': False, 'settings': {}}
        add(e)
    return v


AMA_W = ('Microsoft.Azure.Monitor', 'AzureMonitorWindowsAgent', '1.22')
AMA_L = ('Microsoft.Azure.Monitor', 'AzureMonitorLinuxAgent', '1.29')
MDE_W = ('Microsoft.Azure.AzureDefenderForServers', 'MDE.Windows', '1.0')
MDE_L = ('Microsoft.Azure.AzureDefenderForServers', 'MDE.Linux', '1.0')
AM = ('Microsoft.Azure.Security', 'IaaSAntimalware', '1.5')
CSE = ('Microsoft.Compute', 'CustomScriptExtension', '1.10')
RUNCMD = ('Microsoft.CPlat.Core', 'RunCommandLinux', '1.0')
vm(PROD, 'rg-compute', 'vm-prod-web01', 'Windows', True, [AMA_W, MDE_W, AM], 'snet-web', 'web')
vm(PROD, 'rg-compute', 'vm-prod-web02', 'Windows', True, [AMA_W, MDE_W, AM], 'snet-web', 'web')
vm(PROD, 'rg-compute', 'vm-prod-app01', 'Linux', True, [AMA_L, MDE_L], 'snet-app', 'app')
vm(PROD, 'rg-compute', 'vm-prod-jump01', 'Windows', False, [AMA_W, CSE], 'snet-mgmt', 'mgmt', public=True)
vm(DEV, 'rg-compute', 'vm-dev-build01', 'Linux', False, [RUNCMD], 'snet-app', None, public=True)
vm(DEV, 'rg-compute', 'vm-dev-test01', 'Windows', False, [CSE, AM], 'snet-mgmt', 'mgmt')
vm(DEV, 'rg-compute', 'vm-dev-app01', 'Linux', True, [AMA_L, MDE_L], 'snet-app', 'app')
# Scale sets (no scale set example in the shared examples: the response shape of the REST specs'
# VirtualMachineScaleSet_Create_WithEncryptionAtHost.json and _WithDiskEncryptionSetResource.json,
# compute 2024-07-01). Judged on their VM model; no public IP configuration, so the exposure
# rules see them only on their subnet.
def scale_set(sub, rg, name, os_type, good, exts, subnet):
    """A Uniform scale set that passes every AZA-VMSS rule when good and fails each when not."""
    sid_ = rid(sub, rg, 'Microsoft.Compute', 'virtualMachineScaleSets', name)
    disk_ref = lambda: ({'storageAccountType': 'Premium_LRS', 'diskEncryptionSet': {'id': DES}} if good
                        else {'storageAccountType': 'Standard_LRS'})
    img = ({'publisher': 'MicrosoftWindowsServer', 'offer': 'WindowsServer', 'sku': '2022-datacenter-azure-edition'}
           if os_type == 'Windows' else {'publisher': 'Canonical', 'offer': '0001-com-ubuntu-server-jammy', 'sku': '22_04-lts-gen2'})
    img['version'] = 'latest' if good else '20348.2527.240606'
    osp = {'computerNamePrefix': name[:9], 'adminUsername': 'azureadmin', 'secrets': []}
    if os_type == 'Windows':
        osp['windowsConfiguration'] = {'provisionVMAgent': True, 'enableAutomaticUpdates': not good}
    else:
        osp['linuxConfiguration'] = {'disablePasswordAuthentication': True, 'provisionVMAgent': True}
    model = {
        'storageProfile': {'imageReference': img,
                           'osDisk': {'caching': 'ReadWrite', 'createOption': 'FromImage', 'managedDisk': disk_ref()},
                           'dataDisks': [{'lun': 0, 'caching': 'ReadOnly', 'createOption': 'Empty', 'diskSizeGB': 256,
                                          'managedDisk': disk_ref()}]},
        'osProfile': osp,
        'networkProfile': {'networkInterfaceConfigurations': [{'name': f'nic-{name}', 'properties': {
            'primary': True, 'enableAcceleratedNetworking': False, 'dnsSettings': {'dnsServers': []},
            'ipConfigurations': [{'name': 'ipconfig1', 'properties': {'subnet': {'id': vnets[sub] + '/subnets/' + subnet},
                                                                      'privateIPAddressVersion': 'IPv4'}}]}}]},
        'extensionProfile': {'extensions': [{'name': typ, 'properties': {
            'publisher': pub, 'type': typ, 'typeHandlerVersion': ver, 'autoUpgradeMinorVersion': True,
            'provisioningState': 'Succeeded', 'settings': {}}} for (pub, typ, ver) in exts]},
    }
    if good:
        model['securityProfile'] = {'encryptionAtHost': True, 'securityType': 'TrustedLaunch',
                                    'uefiSettings': {'secureBootEnabled': True, 'vTpmEnabled': True}}
    upgrade = ({'mode': 'Rolling', 'automaticOSUpgradePolicy': {'enableAutomaticOSUpgrade': True, 'disableAutomaticRollback': False},
                'rollingUpgradePolicy': {'maxBatchInstancePercent': 20, 'maxUnhealthyInstancePercent': 20,
                                         'maxUnhealthyUpgradedInstancePercent': 20, 'pauseTimeBetweenBatches': 'PT0S'}}
               if good else {'mode': 'Manual'})
    return add({'sku': {'tier': 'Standard', 'capacity': 3 if good else 2, 'name': 'Standard_D2s_v5'}, 'name': name, 'id': sid_,
                'type': 'Microsoft.Compute/virtualMachineScaleSets', 'location': sub[2],
                'tags': {'env': sub[1].split('-')[1].lower()},
                'properties': {'singlePlacementGroup': True, 'overprovision': True, 'orchestrationMode': 'Uniform',
                               'uniqueId': '%08x-6ffc-46e0-9e02-%012x' % (len(resources), len(resources) * 7919),
                               'upgradePolicy': upgrade, 'virtualMachineProfile': model, 'provisioningState': 'Succeeded'}})


scale_set(PROD, 'rg-compute', 'vmss-prod-web', 'Windows', True, [AMA_W, MDE_W], 'snet-web')
# dev: platform keys, no encryption at host, no Trusted Launch, pinned image and manual upgrades, a custom script
scale_set(DEV, 'rg-compute', 'vmss-dev-batch', 'Linux', False, [AMA_L, ('Microsoft.Azure.Extensions', 'CustomScript', '2.1')], 'snet-app')

# unattached disks: one platform-key only, one with customer key
disk(DEV, 'rg-compute', 'disk-dev-orphan01', None, cmk=False)
disk(PROD, 'rg-compute', 'disk-prod-archive01', None, cmk=True)
public_ip(SHARED, 'rg-network', 'pip-shared-unused')

# ---------------------------------------------------------------- Key Vault
KV = 'keyvault/resource-manager/Microsoft.KeyVault/stable/'


def vault(sub, rg, name, good):
    v = ex(KV + ('2024-11-01/examples/createVault.json' if good else '2023-07-01/examples/getVault.json'))
    named(v, rid(sub, rg, 'Microsoft.KeyVault', 'vaults', name), name, 'Microsoft.KeyVault/vaults', sub[2])
    v['tags'] = {'env': sub[1].split('-')[1].lower()}
    p = v['properties']
    p['tenantId'] = TENANT
    p['vaultUri'] = f'https://{name}.vault.azure.net'
    for ap in p.get('accessPolicies', []):
        ap['tenantId'] = TENANT
        ap['objectId'] = '0c8f7d31-9a2b-4c5d-8e6f-1a2b3c4d5e60'
    if good:
        p.update({'enableSoftDelete': True, 'softDeleteRetentionInDays': 90, 'enablePurgeProtection': True,
                  'enableRbacAuthorization': True, 'publicNetworkAccess': 'Disabled', 'accessPolicies': []})
        p['networkAcls'] = {'bypass': 'AzureServices', 'defaultAction': 'Deny', 'ipRules': [], 'virtualNetworkRules': []}
        for pec in p.get('privateEndpointConnections', []):
            pec['id'] = v['id'] + '/privateEndpointConnections/pe-' + name
            pec['etag'] = '"0100a2b3-0000-0d00-0000-63f5a1b20000"'
            pec['properties']['privateEndpoint']['id'] = rid(sub, 'rg-network', 'Microsoft.Network', 'privateEndpoints', 'pe-' + name)
    return add(v)


def kv_item(v, kind, name, created_days_ago, exp_days=None, ex_file=None):
    b = ex(KV + ex_file)
    named(b, v['id'] + f'/{kind}/{name}', name, f'Microsoft.KeyVault/vaults/{kind}', v['location'])
    a = b['properties'].setdefault('attributes', {})
    created = EPOCH_2026_11_01 - created_days_ago * DAY
    a.update({'enabled': True, 'created': created, 'updated': created})
    if exp_days is not None:
        a['exp'] = created + exp_days * DAY
    else:
        a.pop('exp', None)
    if kind == 'keys':
        b['properties']['keyUri'] = f'https://{v["name"]}.vault.azure.net:443/keys/{name}'
        b['properties']['keyUriWithVersion'] = b['properties']['keyUri'] + '/4f0a3b2c1d8e4f6a9b7c5d3e1f0a2b4c'
        a['recoveryLevel'] = 'Recoverable' if v['properties'].get('enablePurgeProtection') else 'Recoverable+Purgeable'
    else:
        b['properties']['secretUri'] = f'https://{v["name"]}.vault.azure.net/secrets/{name}'
        b['properties']['secretUriWithVersion'] = b['properties']['secretUri'] + '/9a8b7c6d5e4f40312a1b0c9d8e7f6a5b'
    return add(b)


def kv_diag(v, good):
    b = ex('monitor/resource-manager/Microsoft.Insights/preview/2021-05-01-preview/examples/getDiagnosticSetting.json')
    named(b, v['id'] + '/providers/Microsoft.Insights/diagnosticSettings/kv-audit', 'kv-audit',
          'Microsoft.Insights/diagnosticSettings')
    p = b['properties']
    p.update({'storageAccountId': rid(SHARED, 'rg-monitor', 'Microsoft.Storage', 'storageAccounts', 'stcontosoactivitylog'),
              'workspaceId': la_workspace(v), 'eventHubAuthorizationRuleId': None, 'eventHubName': None,
              'marketplacePartnerId': None})
    if good:
        p['logs'] = [{'category': None, 'categoryGroup': 'audit', 'enabled': True, 'retentionPolicy': {'enabled': False, 'days': 0}},
                     {'category': None, 'categoryGroup': 'allLogs', 'enabled': True, 'retentionPolicy': {'enabled': False, 'days': 0}}]
    else:
        p['logs'] = [{'category': 'AuditEvent', 'categoryGroup': None, 'enabled': False, 'retentionPolicy': {'enabled': False, 'days': 0}},
                     {'category': 'AzurePolicyEvaluationDetails', 'categoryGroup': None, 'enabled': True, 'retentionPolicy': {'enabled': False, 'days': 0}}]
    return add(b)


K1 = '2023-07-01/examples/getKey.json'
S1 = '2024-11-01/examples/listSecrets.json'
kv = vault(PROD, 'rg-security', 'kv-contoso-prod', True)
kv_item(kv, 'keys', 'disk-cmk', 120, 365, K1)
kv_item(kv, 'keys', 'sql-tde', 400, 730, K1)  # older than key_max_age_days
kv_item(kv, 'keys', 'ade-kek', 60, None, K1)  # no expiry
kv_item(kv, 'secrets', 'sql-admin-password', 30, 180, S1)
kv_item(kv, 'secrets', 'storage-connection', 10, None, S1)
kv_diag(kv, True)
kv = vault(DEV, 'rg-security', 'kv-contoso-dev', False)
kv_item(kv, 'keys', 'signing', 900, None, K1)
kv_item(kv, 'keys', 'encryption', 30, 90, K1)
kv_item(kv, 'secrets', 'api-token', 700, None, S1)
kv_item(kv, 'secrets', 'expired-cert-password', 500, 365, S1)  # expired
kv_diag(kv, False)
kv = vault(SHARED, 'rg-security', 'kv-contoso-shared', True)
kv['properties']['enableRbacAuthorization'] = False
kv['properties']['accessPolicies'] = ex(KV + '2023-07-01/examples/getVault.json')['properties']['accessPolicies']
for ap in kv['properties']['accessPolicies']:
    ap['tenantId'] = TENANT
    ap['objectId'] = '0c8f7d31-9a2b-4c5d-8e6f-1a2b3c4d5e60'
kv_item(kv, 'secrets', 'flowlog-sas', 20, 60, S1)
kv_item(kv, 'keys', 'backup-key', 50, 300, K1)
kv_item(kv, 'keys', 'old-backup-key', 200, None, K1)
kv_item(kv, 'keys', 'old-backup-key-2', 200, None, K1)
# kv-contoso-shared has no diagnostic setting at all

# The Key Vault data plane, as azaudit collect writes it (dataplane.keyvault,
# api-version 7.5): each key's rotation policy (GetKeyRotationPolicy shape)
# and each certificate with its policy (GetCertificates and
# GetCertificatePolicy shapes). The production vault rotates every key and
# issues 12-month certificates; the development vault's keys have the
# policy Key Vault answers for a key without one (Notify before expiry
# only) and a 24-month certificate; the shared vault sits behind a firewall
# that refused the collector.
def kv_rotation(vname, key, rotate):
    acts = [{'trigger': {'timeBeforeExpiry': 'P30D'}, 'action': {'type': 'Notify'}}]
    if rotate:
        acts.insert(0, {'trigger': {'timeAfterCreate': 'P90D'}, 'action': {'type': 'Rotate'}})
    return {'name': key, 'rotationPolicy': {'id': f'https://{vname}.vault.azure.net/keys/{key}/rotationpolicy',
                                            'lifetimeActions': acts,
                                            'attributes': {'expiryTime': 'P2Y', 'created': EPOCH_2026_11_01 - 90 * DAY,
                                                           'updated': EPOCH_2026_11_01 - 90 * DAY} if rotate else {}}}


def kv_cert(vname, name, months):
    return {'id': f'https://{vname}.vault.azure.net/certificates/{name}',
            'attributes': {'enabled': True, 'nbf': EPOCH_2026_11_01 - 30 * DAY, 'exp': EPOCH_2026_11_01 + (months * 30 - 30) * DAY,
                           'created': EPOCH_2026_11_01 - 30 * DAY, 'updated': EPOCH_2026_11_01 - 30 * DAY},
            'policy': {'id': f'https://{vname}.vault.azure.net/certificates/{name}/policy',
                       'key_props': {'exportable': True, 'kty': 'RSA', 'key_size': 2048, 'reuse_key': False},
                       'secret_props': {'contentType': 'application/x-pkcs12'},
                       'x509_props': {'subject': f'CN={name}.contoso.com', 'sans': {'dns_names': [f'{name}.contoso.com']},
                                      'ekus': ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'], 'key_usage': ['digitalSignature', 'keyEncipherment'],
                                      'validity_months': months, 'basic_constraints': {'ca': False}},
                       'lifetime_actions': [{'trigger': {'lifetime_percentage': 80}, 'action': {'action_type': 'AutoRenew'}}],
                       'issuer': {'name': 'Self'},
                       'attributes': {'enabled': True, 'created': EPOCH_2026_11_01 - 30 * DAY, 'updated': EPOCH_2026_11_01 - 30 * DAY}}}


kv_dataplane = [
    {'vault': rid(PROD, 'rg-security', 'Microsoft.KeyVault', 'vaults', 'kv-contoso-prod'),
     'keys': [kv_rotation('kv-contoso-prod', k, True) for k in ('disk-cmk', 'sql-tde', 'ade-kek')],
     'certificates': [kv_cert('kv-contoso-prod', 'portal', 12)]},
    {'vault': rid(DEV, 'rg-security', 'Microsoft.KeyVault', 'vaults', 'kv-contoso-dev'),
     'keys': [kv_rotation('kv-contoso-dev', 'signing', False), kv_rotation('kv-contoso-dev', 'encryption', True)],
     'certificates': [kv_cert('kv-contoso-dev', 'dev-portal', 24)]},
    {'vault': rid(SHARED, 'rg-security', 'Microsoft.KeyVault', 'vaults', 'kv-contoso-shared'),
     'keys': [{'name': k, 'error': 'HTTP 403 Forbidden (ForbiddenByFirewall): Client address is not authorized and caller is not a trusted service.'}
              for k in ('backup-key', 'old-backup-key', 'old-backup-key-2')],
     'error': 'HTTP 403 Forbidden (ForbiddenByFirewall): Client address is not authorized and caller is not a trusted service.'},
]


def managed_hsm(sub, rg, name, good):
    """A Managed HSM in the shape of ManagedHsm_Get (keyvault 2023-07-01): the
    production one with purge protection, no public access, an approved private
    endpoint connection (an item of ManagedHsm_ListPrivateEndpointConnectionsByResource)
    and its audit log kept (PASS AZA-KV-015..018); the development one without
    purge protection, open to every network, without a private endpoint and
    without a diagnostic setting (FAIL)."""
    h = {'id': rid(sub, rg, 'Microsoft.KeyVault', 'managedHSMs', name), 'name': name, 'type': 'Microsoft.KeyVault/managedHSMs',
         'location': sub[2], 'sku': {'family': 'B', 'name': 'Standard_B1'}, 'tags': {'env': sub[1].split('-')[1].lower()},
         'properties': {'tenantId': TENANT, 'hsmUri': f'https://{name}.managedhsm.azure.net',
                        'initialAdminObjectIds': ['0c8f7d31-9a2b-4c5d-8e6f-1a2b3c4d5e60'], 'enableSoftDelete': True,
                        'softDeleteRetentionInDays': 90, 'enablePurgeProtection': good, 'provisioningState': 'Succeeded',
                        'publicNetworkAccess': 'Disabled' if good else 'Enabled',
                        'networkAcls': {'bypass': 'AzureServices', 'defaultAction': 'Deny' if good else 'Allow',
                                        'ipRules': [], 'virtualNetworkRules': []}}}
    if good:
        h['properties']['privateEndpointConnections'] = [{
            'id': h['id'] + '/privateEndpointConnections/pe-' + name, 'etag': '',
            'properties': {'provisioningState': 'Succeeded',
                           'privateEndpoint': {'id': rid(sub, 'rg-network', 'Microsoft.Network', 'privateEndpoints', 'pe-' + name)},
                           'privateLinkServiceConnectionState': {'status': 'Approved', 'description': 'Auto-Approved',
                                                                 'actionsRequired': 'None'}}}]
    return add(h)


hsm = managed_hsm(PROD, 'rg-security', 'hsm-contoso-prod', True)
kv_diag(hsm, True)
managed_hsm(DEV, 'rg-security', 'hsm-contoso-dev', False)  # no diagnostic setting

# ---------------------------------------------------------------- App Service
WEB = 'web/resource-manager/Microsoft.Web/'


def webapp(sub, rg, name, good, stack, auth, slot=None):
    """A site, or with slot its deployment slot `slot` (a live app of its own,
    with its own settings and config objects, GetWebAppSlot's shape)."""
    s = ex(WEB + 'stable/2023-12-01/examples/GetWebApp.json')
    sid_ = rid(sub, rg, 'Microsoft.Web', 'sites', name)
    cfg_type = 'Microsoft.Web/sites/config'
    if slot:
        sid_ += '/slots/' + slot
        named(s, sid_, f'{name}/{slot}', 'Microsoft.Web/sites/slots', sub[2])
        cfg_type = 'Microsoft.Web/sites/slots/config'
        name = f'{name}-{slot}'  # its host name
    else:
        named(s, sid_, name, 'Microsoft.Web/sites', sub[2])
    p = s['properties']
    p['hostNames'] = [f'{name}.azurewebsites.net']
    p['repositorySiteName'] = s['name'].split('/')[0]
    p['enabledHostNames'] = [f'{name}.azurewebsites.net', f'{name}.scm.azurewebsites.net']
    p['hostNameSslStates'] = [{'name': f'{name}.azurewebsites.net', 'sslState': 'Disabled', 'hostType': 'Standard'},
                              {'name': f'{name}.scm.azurewebsites.net', 'sslState': 'Disabled', 'hostType': 'Repository'}]
    p['defaultHostName'] = f'{name}.azurewebsites.net'
    p['serverFarmId'] = rid(sub, rg, 'Microsoft.Web', 'serverfarms', 'asp-' + s['name'].split('/')[0])
    p['httpsOnly'] = bool(good)
    p['clientCertEnabled'] = bool(good)
    p['clientCertMode'] = 'Required' if good else 'Optional'
    p['publicNetworkAccess'] = 'Disabled' if good else 'Enabled'
    if good:
        s['identity'] = {'type': 'SystemAssigned', 'principalId': '7b6a5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c21', 'tenantId': TENANT}
    else:
        s.pop('identity', None)
    for k in list(p):
        if k in ('siteConfig',):
            continue
    sc = p.get('siteConfig', {})
    sc.update({'minTlsVersion': '1.2' if good else '1.0', 'ftpsState': 'Disabled' if good else 'AllAllowed',
               'http20Enabled': bool(good)})
    add(s)
    c = ex(WEB + 'AppService/stable/2025-03-01/examples/GetSiteConfig.json')
    named(c, sid_ + '/config/web', 'web', cfg_type)
    cp = c['properties']
    for k in ('phpVersion', 'pythonVersion', 'nodeVersion', 'powerShellVersion', 'linuxFxVersion', 'javaVersion'):
        if k in cp:
            cp[k] = ''
    kind, ver = stack
    if kind == 'dotnet':
        cp['netFrameworkVersion'] = 'v' + ver
    elif kind == 'php':
        cp['phpVersion'] = ver
    else:
        cp['linuxFxVersion'] = f'{kind.upper()}|{ver}'
        s['kind'] = 'app,linux'
        c['kind'] = 'app,linux'
    cp.update({'minTlsVersion': '1.2' if good else '1.0', 'scmMinTlsVersion': '1.2' if good else '1.0',
               'ftpsState': 'Disabled' if good else 'AllAllowed', 'http20Enabled': bool(good),
               'remoteDebuggingEnabled': not good, 'httpLoggingEnabled': bool(good),
               'detailedErrorLoggingEnabled': bool(good), 'requestTracingEnabled': bool(good)})
    if good:
        cp['remoteDebuggingVersion'] = None
    add(c)
    if auth is not None:
        a = ex(WEB + 'AppService/stable/2025-03-01/examples/GetAuthSettingsV2WithoutSecrets.json')
        named(a, sid_ + '/config/authsettingsV2', 'authsettingsV2', cfg_type)
        a['properties'].setdefault('platform', {})['enabled'] = bool(auth)
        a['properties']['globalValidation']['requireAuthentication'] = bool(auth)
        a['properties']['globalValidation']['unauthenticatedClientAction'] = 'RedirectToLoginPage' if auth else 'AllowAnonymous'
        if name.endswith('-api'):
            # Settings in the resource, not the example's file (which AZA-APP-001 cannot read).
            a['properties']['platform'].pop('configFilePath', None)
        add(a)
    return s


webapp(PROD, 'rg-web', 'app-contoso-portal', True, ('dotnet', '8.0'), True)
webapp(PROD, 'rg-web', 'app-contoso-api', True, ('python', '3.12'), True)
webapp(PROD, 'rg-web', 'app-contoso-legacy', False, ('php', '7.4'), False)
webapp(DEV, 'rg-web', 'app-contoso-dev-portal', False, ('node', '16-lts'), None)
webapp(DEV, 'rg-web', 'app-contoso-dev-api', True, ('java', '17'), False)
# The portal's deployment slots: staging is left open (HTTP served, plain FTP,
# TLS 1.0, no identity) while production is hardened, and is reported on the
# slot; preview is configured like production.
webapp(PROD, 'rg-web', 'app-contoso-portal', False, ('dotnet', '8.0'), False, slot='staging')
webapp(PROD, 'rg-web', 'app-contoso-portal', True, ('dotnet', '8.0'), True, slot='preview')

# ---------------------------------------------------------------- Defender for Cloud
SEC = 'security/resource-manager/Microsoft.Security/'
PLANS = ['VirtualMachines', 'SqlServers', 'AppServices', 'StorageAccounts', 'SqlServerVirtualMachines',
         'KeyVaults', 'Arm', 'OpenSourceRelationalDatabases', 'CosmosDbs', 'Containers', 'CloudPosture', 'Api']
standard = {
    PROD: set(PLANS),
    DEV: {'VirtualMachines', 'CloudPosture'},
    SHARED: {'KeyVaults', 'Arm', 'StorageAccounts', 'CloudPosture'},
}
for sub in SUBS:
    for plan in PLANS:
        b = ex(SEC + 'stable/2024-01-01/examples/Pricings/ListPricings_example.json')
        named(b, f'{sid(sub)}/providers/Microsoft.Security/pricings/{plan}', plan, 'Microsoft.Security/pricings')
        std = plan in standard[sub]
        p = {'pricingTier': 'Standard' if std else 'Free', 'freeTrialRemainingTime': 'PT0S',
             'enforce': 'False'}
        if std:
            p['enablementTime'] = '2025-03-01T12:42:42.1921106Z'
            if plan == 'VirtualMachines':
                p['subPlan'] = 'P2'
                p['extensions'] = [{'name': 'AgentlessVmScanning', 'isEnabled': 'True'},
                                   {'name': 'MdeDesignatedSubscription', 'isEnabled': 'False'}]
            elif plan == 'StorageAccounts':
                p['subPlan'] = 'DefenderForStorageV2'
                p['extensions'] = [{'name': 'OnUploadMalwareScanning', 'isEnabled': 'True',
                                    'additionalExtensionProperties': {'CapGBPerMonthPerStorageAccount': '5000'}},
                                   {'name': 'SensitiveDataDiscovery', 'isEnabled': 'True'}]
            elif plan == 'KeyVaults':
                p['subPlan'] = 'PerKeyVault'
        b['properties'] = p
        add(b)
    c = ex(SEC + 'preview/2023-12-01-preview/examples/SecurityContacts/GetSecurityContact_example.json')
    named(c, f'{sid(sub)}/providers/Microsoft.Security/securityContacts/default', 'default',
          'Microsoft.Security/securityContacts')
    if sub is PROD:
        c['properties'].update({'emails': 'secops@contoso.com;ciso@contoso.com', 'phone': '+353 1 555 0100',
                                'notificationsByRole': {'state': 'On', 'roles': ['Owner']},
                                'notificationsSources': [{'sourceType': 'Alert', 'minimalSeverity': 'High'},
                                                         {'sourceType': 'AttackPath', 'minimalRiskLevel': 'Critical'}]})
    elif sub is DEV:
        c['properties'].update({'emails': '', 'phone': '', 'notificationsByRole': {'state': 'Off', 'roles': []},
                                'notificationsSources': [{'sourceType': 'Alert', 'minimalSeverity': 'Low'}]})
    else:
        c['properties'].update({'emails': 'platform@contoso.com', 'phone': '',
                                'notificationsByRole': {'state': 'On', 'roles': ['Owner', 'ServiceAdmin']},
                                'notificationsSources': [{'sourceType': 'Alert', 'minimalSeverity': 'Medium'}]})
    add(c)
    ap = ex(SEC + 'preview/2017-08-01-preview/examples/AutoProvisioningSettings/GetAutoProvisioningSettingsSubscription_example.json')
    named(ap, f'{sid(sub)}/providers/Microsoft.Security/autoProvisioningSettings/default', 'default',
          'Microsoft.Security/autoProvisioningSettings')
    ap['properties']['autoProvision'] = 'Off' if sub is DEV else 'On'
    add(ap)
    for setting, on in (('MCAS', sub is not DEV), ('WDATP', sub is not DEV)):
        add({'id': f'{sid(sub)}/providers/Microsoft.Security/settings/{setting}', 'name': setting,
             'type': 'Microsoft.Security/settings', 'kind': 'DataExportSettings', 'properties': {'enabled': on}})
    sc = ex(SEC + 'stable/2020-01-01/examples/secureScores/ListSecureScores_example.json')
    named(sc, f'{sid(sub)}/providers/Microsoft.Security/secureScores/ascScore', 'ascScore', 'Microsoft.Security/secureScores')
    sc['properties']['score'] = {'max': 58, 'current': {PROD: 49.3, DEV: 21.75, SHARED: 40.6}[sub],
                                 'percentage': {PROD: 0.85, DEV: 0.375, SHARED: 0.7}[sub]}
    add(sc)

# ---------------------------------------------------------------- Activity Log: alerts, export
ALERT = 'monitor/resource-manager/Microsoft.Insights/stable/2020-10-01/examples/ActivityLogAlertRule_Get.json'
OPS = ['Microsoft.Authorization/policyAssignments/write', 'Microsoft.Authorization/policyAssignments/delete',
       'Microsoft.Network/networkSecurityGroups/write', 'Microsoft.Network/networkSecurityGroups/delete',
       'Microsoft.Network/networkSecurityGroups/securityRules/write',
       'Microsoft.Network/networkSecurityGroups/securityRules/delete',
       'Microsoft.Security/securitySolutions/write', 'Microsoft.Security/securitySolutions/delete',
       'Microsoft.Sql/servers/firewallRules/write', 'Microsoft.Sql/servers/firewallRules/delete',
       'Microsoft.Network/publicIPAddresses/write', 'Microsoft.Network/publicIPAddresses/delete']
covered = {PROD: OPS, DEV: OPS[:2], SHARED: OPS[:6] + OPS[10:]}
for sub in SUBS:
    for op in covered[sub]:
        a = ex(ALERT)
        nm = 'alert-' + op.split('/', 1)[1].replace('/', '-').lower()
        named(a, rid(sub, 'rg-monitor', 'microsoft.insights', 'activityLogAlerts', nm), nm,
              'Microsoft.Insights/ActivityLogAlerts', 'Global')
        a['properties']['scopes'] = [sid(sub)]
        a['properties']['condition']['allOf'] = [{'field': 'category', 'equals': 'Administrative'},
                                                 {'field': 'operationName', 'equals': op}]
        a['properties']['actions']['actionGroups'] = [{'actionGroupId': action_group(sub), 'webhookProperties': {}}]
        a['properties']['description'] = f'Alert on {op}'
        # Dev created its policy alerts but switched one off
        a['properties']['enabled'] = not (sub is DEV and op.endswith('delete'))
        add(a)
    # Service Health
    a = ex(ALERT)
    named(a, rid(sub, 'rg-monitor', 'microsoft.insights', 'activityLogAlerts', 'alert-service-health'),
          'alert-service-health', 'Microsoft.Insights/ActivityLogAlerts', 'Global')
    a['properties']['scopes'] = [sid(sub)]
    a['properties']['condition']['allOf'] = [{'field': 'category', 'equals': 'ServiceHealth'},
                                             {'field': 'properties.incidentType', 'equals': 'Incident'}]
    a['properties']['actions']['actionGroups'] = [{'actionGroupId': action_group(sub), 'webhookProperties': {}}]
    a['properties']['description'] = 'Service Health incidents'
    add(a)

# The action group every alert names (Microsoft.Insights/actionGroups,
# api-version 2023-01-01: no example body is published with the alert
# examples, so the object follows that version's schema). Dev's was
# switched off during an incident and never switched back: its alerts fire
# into the void.
for sub in SUBS:
    add({'id': action_group(sub), 'name': 'ag-secops', 'type': 'Microsoft.Insights/actionGroups', 'location': 'Global',
         'tags': {}, 'properties': {
             'groupShortName': 'secops', 'enabled': sub is not DEV,
             'emailReceivers': [{'name': 'secops-mail', 'emailAddress': 'secops@contoso.com',
                                 'useCommonAlertSchema': True, 'status': 'Enabled'}],
             'smsReceivers': [{'name': 'oncall-sms', 'countryCode': '1', 'phoneNumber': '5555550100',
                               'status': 'Enabled'}],
             'webhookReceivers': [], 'itsmReceivers': [], 'azureAppPushReceivers': [],
             'automationRunbookReceivers': [], 'voiceReceivers': [], 'logicAppReceivers': [],
             'azureFunctionReceivers': [], 'armRoleReceivers': [], 'eventHubReceivers': []}})

SUBDIAG = 'monitor/resource-manager/Microsoft.Insights/preview/2021-05-01-preview/examples/getSubscriptionDiagnosticSetting.json'
for sub, cats in ((PROD, ['Administrative', 'Security', 'ServiceHealth', 'Alert', 'Recommendation', 'Policy', 'Autoscale', 'ResourceHealth']),
                  (SHARED, ['Administrative'])):
    d = ex(SUBDIAG)
    named(d, f'{sid(sub)}/providers/Microsoft.Insights/diagnosticSettings/activitylog-export', 'activitylog-export',
          'Microsoft.Insights/diagnosticSettings')
    d['properties'].update({'storageAccountId': rid(SHARED, 'rg-monitor', 'Microsoft.Storage', 'storageAccounts', 'stcontosoactivitylog'),
                            'workspaceId': la_workspace(sub), 'eventHubAuthorizationRuleId': None,
                            'logs': [{'category': c, 'enabled': True} for c in cats]})
    add(d)
# Contoso-Dev exports nothing.

# ---------------------------------------------------------------- locks, RBAC, policy
LOCK = 'resources/resource-manager/Microsoft.Authorization/stable/2020-05-01/examples/ManagementLocks_ListAtSubscriptionLevel.json'
for scope, nm, level in ((rgid(PROD, 'rg-data'), 'rg-data-nodelete', 'CanNotDelete'),
                         (rgid(SHARED, 'rg-monitor'), 'rg-monitor-nodelete', 'CanNotDelete'),
                         (rid(PROD, 'rg-web', 'Microsoft.Storage', 'storageAccounts', 'stcontosoprodweb'), 'readonly', 'ReadOnly')):
    l = ex(LOCK)
    named(l, scope + '/providers/Microsoft.Authorization/locks/' + nm, nm, 'Microsoft.Authorization/locks')
    l['properties'] = {'level': level, 'notes': 'Managed by the platform team', 'owners': []}
    add(l)

ROLE = 'authorization/resource-manager/Microsoft.Authorization/stable/2022-04-01/examples/'
OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
CONTRIB = 'b24988ac-6180-42a0-ab88-20f7382dd24c'
READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
UAA = '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9'
CUSTOM_ADMIN = '5c0f6b2d-8e1a-4b3c-9d4e-6f7a8b9c0d1e'
CUSTOM_OPS = '1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b'

# users (object ids)
U = {
    'adele': '4a1b2c3d-1111-4e5f-8a9b-000000000001',   # Global Administrator, MFA
    'megan': '4a1b2c3d-1111-4e5f-8a9b-000000000002',   # Global Administrator, no MFA
    'alex': '4a1b2c3d-1111-4e5f-8a9b-000000000003',    # Security Administrator, MFA
    'lee': '4a1b2c3d-1111-4e5f-8a9b-000000000004',     # member, MFA
    'nestor': '4a1b2c3d-1111-4e5f-8a9b-000000000005',  # member, no MFA
    'pradeep': '4a1b2c3d-1111-4e5f-8a9b-000000000006',  # member, disabled
    'isaiah': '4a1b2c3d-1111-4e5f-8a9b-000000000007',  # member
    'breakglass': '4a1b2c3d-1111-4e5f-8a9b-000000000008',
    'diego': '4a1b2c3d-1111-4e5f-8a9b-000000000009',   # eligible (PIM) Privileged Role Administrator, no MFA
    'guest_vendor': '4a1b2c3d-2222-4e5f-8a9b-000000000011',  # guest with Owner on Dev
    'guest_stale': '4a1b2c3d-2222-4e5f-8a9b-000000000012',   # guest, last sign-in 2024
    'guest_auditor': '4a1b2c3d-2222-4e5f-8a9b-000000000013',  # guest, Reader, recent
    'guest_consultant': '4a1b2c3d-2222-4e5f-8a9b-000000000014',  # guest eligible (PIM for Groups) for the platform group
}
SP_DEPLOY = '9f8e7d6c-3333-4b5a-8c9d-000000000021'
GROUP_PLATFORM = '6e5d4c3b-4444-4a5b-8c9d-000000000031'

for sub in SUBS:
    for nm, rname, actions, desc in ((CUSTOM_ADMIN, 'Contoso Subscription Administrator', ['*'],
                                      'Full control over the subscription for the platform team.'),
                                     (CUSTOM_OPS, 'Contoso VM Operator',
                                      ['Microsoft.Compute/virtualMachines/start/action',
                                       'Microsoft.Compute/virtualMachines/restart/action',
                                       'Microsoft.Compute/virtualMachines/read'],
                                      'Start and restart virtual machines.')):
        if sub is SHARED and nm == CUSTOM_ADMIN:
            continue
        d = ex(ROLE + 'GetRoleDefinitionByName.json')
        named(d, f'{sid(sub)}/providers/Microsoft.Authorization/roleDefinitions/{nm}', nm,
              'Microsoft.Authorization/roleDefinitions')
        d['properties'] = {'roleName': rname, 'type': 'CustomRole', 'description': desc,
                           'assignableScopes': [sid(sub)],
                           'permissions': [{'actions': actions, 'notActions': [], 'dataActions': [], 'notDataActions': []}],
                           'createdOn': '2024-05-10T09:00:00.0000000Z', 'updatedOn': '2025-02-01T09:00:00.0000000Z'}
        add(d)
    for bi, (rn, rname) in enumerate(((OWNER, 'Owner'), (CONTRIB, 'Contributor'), (READER, 'Reader'),
                                      (UAA, 'User Access Administrator'))):
        d = ex(ROLE + 'GetRoleDefinitionByName.json')
        named(d, f'{sid(sub)}/providers/Microsoft.Authorization/roleDefinitions/{rn}', rn,
              'Microsoft.Authorization/roleDefinitions')
        d['properties'] = {'roleName': rname, 'type': 'BuiltInRole', 'description': f'{rname} built-in role.',
                           'assignableScopes': ['/'],
                           'permissions': [{'actions': ['*'] if rn in (OWNER, CONTRIB) else (['*/read'] if rn == READER else ['*/read', 'Microsoft.Authorization/*']),
                                            'notActions': ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write'] if rn == CONTRIB else [],
                                            'dataActions': [], 'notDataActions': []}]}
        add(d)

assignments = {
    PROD: [(OWNER, U['adele'], 'User'), (OWNER, U['breakglass'], 'User'), (CONTRIB, SP_DEPLOY, 'ServicePrincipal'),
           (READER, U['guest_auditor'], 'User'), (CUSTOM_ADMIN, GROUP_PLATFORM, 'Group'), (CUSTOM_OPS, U['lee'], 'User')],
    DEV: [(OWNER, U['adele'], 'User'), (OWNER, U['megan'], 'User'), (OWNER, U['nestor'], 'User'),
          (OWNER, U['isaiah'], 'User'), (OWNER, U['guest_vendor'], 'User'), (CONTRIB, U['lee'], 'User'),
          (UAA, U['nestor'], 'User'), (CUSTOM_ADMIN, U['isaiah'], 'User')],
    SHARED: [(OWNER, U['adele'], 'User'), (OWNER, GROUP_PLATFORM, 'Group'), (READER, U['guest_stale'], 'User')],
}
RA = ex(ROLE + 'RoleAssignments_ListForScope.json')
for sub, lst in assignments.items():
    for i, (role, principal, ptype) in enumerate(lst):
        a = copy.deepcopy(RA)
        aid = '%s-%04d-4%03d-8%03d-%012d' % (sub[0][:8], i, SUBS.index(sub), i, i + 1)
        named(a, f'{sid(sub)}/providers/Microsoft.Authorization/roleAssignments/{aid}', aid,
              'Microsoft.Authorization/roleAssignments')
        a['properties'] = {'roleDefinitionId': f'{sid(sub)}/providers/Microsoft.Authorization/roleDefinitions/{role}',
                           'principalId': principal, 'principalType': ptype, 'scope': sid(sub),
                           'createdOn': '2025-06-01T10:00:00.0000000Z'}
        add(a)

POL = 'resources/resource-manager/Microsoft.Authorization/stable/2023-04-01/examples/getPolicyAssignment.json'
MCSB = '/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8'
for sub, mode in ((PROD, 'Default'), (DEV, 'DoNotEnforce'), (SHARED, 'Default')):
    p = ex(POL)
    named(p, f'{sid(sub)}/providers/Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn',
          'SecurityCenterBuiltIn', 'Microsoft.Authorization/policyAssignments')
    p['location'] = sub[2]
    p['identity'] = {'type': 'SystemAssigned', 'principalId': '2b3c4d5e-5555-4f6a-8b9c-%012d' % SUBS.index(sub), 'tenantId': TENANT}
    p['properties'].update({'displayName': 'ASC Default (subscription: %s)' % sub[0],
                            'description': 'Microsoft cloud security benchmark', 'policyDefinitionId': MCSB,
                            'metadata': {'assignedBy': 'Security Center'}, 'parameters': {},
                            'enforcementMode': mode, 'scope': sid(sub), 'notScopes': []})
    add(p)
p = ex(POL)
named(p, f'{sid(PROD)}/providers/Microsoft.Authorization/policyAssignments/allowed-locations',
      'allowed-locations', 'Microsoft.Authorization/policyAssignments')
p['properties'].update({'displayName': 'Allowed locations', 'description': 'EU regions only',
                        'policyDefinitionId': '/providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4c',
                        'metadata': {'assignedBy': 'Platform team'},
                        'parameters': {'listOfAllowedLocations': {'value': ['westeurope', 'northeurope']}},
                        'enforcementMode': 'Default', 'scope': sid(PROD), 'notScopes': []})
add(p)

# ---------------------------------------------------------------- Databricks (no API example: the ARM shape of workspaces)
for sub, name, good in ((PROD, 'dbw-contoso-prod', True), (DEV, 'dbw-contoso-dev', False)):
    wid = rid(sub, 'rg-analytics', 'Microsoft.Databricks', 'workspaces', name)
    p = {'managedResourceGroupId': f'{sid(sub)}/resourceGroups/databricks-rg-{name}',
         'workspaceId': '%d' % (4400000000000000 + SUBS.index(sub)),
         'workspaceUrl': f'adb-{4400000000000000 + SUBS.index(sub)}.12.azuredatabricks.net',
         'provisioningState': 'Succeeded',
         'publicNetworkAccess': 'Disabled' if good else 'Enabled',
         'requiredNsgRules': 'NoAzureDatabricksRules' if good else 'AllRules',
         'parameters': {'enableNoPublicIp': {'type': 'Bool', 'value': bool(good)}}}
    if good:
        p['parameters']['customVirtualNetworkId'] = {'type': 'String', 'value': vnets[sub]}
        p['parameters']['customPublicSubnetName'] = {'type': 'String', 'value': 'snet-dbw-host'}
        p['parameters']['customPrivateSubnetName'] = {'type': 'String', 'value': 'snet-dbw-container'}
        p['encryption'] = {'entities': {'managedServices': {'keySource': 'Microsoft.Keyvault', 'keyVaultProperties': {
            'keyVaultUri': 'https://kv-contoso-prod.vault.azure.net/', 'keyName': 'dbw-cmk', 'keyVersion': '7a6b5c4d3e2f40318293a4b5c6d7e8f9'}}}}
    add({'id': wid, 'name': name, 'type': 'Microsoft.Databricks/workspaces', 'location': sub[2],
         'sku': {'name': 'premium' if good else 'standard'}, 'tags': {'env': sub[1].split('-')[1].lower()},
         'properties': p})
    # AZA-DBX-007: the premium workspace sends its audit logs to Log Analytics (getDiagnosticSetting's
    # shape); the standard one has no setting (diagnostic settings need the Premium tier)
    if good:
        b = ex('monitor/resource-manager/Microsoft.Insights/preview/2021-05-01-preview/examples/getDiagnosticSetting.json')
        named(b, wid + '/providers/Microsoft.Insights/diagnosticSettings/dbw-audit', 'dbw-audit',
              'Microsoft.Insights/diagnosticSettings')
        b['properties'].update({'storageAccountId': None, 'workspaceId': la_workspace(None), 'eventHubAuthorizationRuleId': None,
                                'eventHubName': None, 'marketplacePartnerId': None, 'metrics': [],
                                'logs': [{'category': c, 'categoryGroup': None, 'enabled': True,
                                          'retentionPolicy': {'enabled': False, 'days': 0}}
                                         for c in ('accounts', 'clusters', 'jobs', 'notebook', 'secrets')]})
        add(b)

# ---------------------------------------------------------------- AKS and Container Registry (no API example in
# the shared examples: the response shapes of the REST specs' ManagedClustersGet.json 2024-09-01 and
# RegistryGet.json / PrivateEndpointConnectionGet.json 2023-07-01)
def aks(sub, rg, name, good, version='1.33.5', access=None, addons=None, channel=None):
    """A cluster that passes every AZA-AKS rule when good, fails most when not."""
    p = {'provisioningState': 'Succeeded', 'maxAgentPools': 100, 'kubernetesVersion': version,
         'currentKubernetesVersion': version, 'dnsPrefix': name, 'fqdn': f'{name}-4d7e1a2c.hcp.{sub[2]}.azmk8s.io',
         'agentPoolProfiles': [{'name': 'system', 'count': 3, 'vmSize': 'Standard_D4ds_v5', 'maxPods': 110, 'osType': 'Linux',
                                'type': 'VirtualMachineScaleSets', 'mode': 'System', 'orchestratorVersion': version,
                                'currentOrchestratorVersion': version, 'provisioningState': 'Succeeded',
                                'availabilityZones': ['1', '2', '3']}],
         'nodeResourceGroup': f'MC_{rg}_{name}_{sub[2]}', 'enableRBAC': bool(good),
         'networkProfile': {'networkPlugin': 'azure', 'networkPluginMode': 'overlay', 'podCidr': '192.168.0.0/16',
                            'serviceCidr': '10.0.0.0/16', 'dnsServiceIP': '10.0.0.10', 'outboundType': 'loadBalancer',
                            'loadBalancerSku': 'standard'},
         'addonProfiles': addons if addons is not None else {}}
    if good:
        p['aadProfile'] = {'managed': True, 'enableAzureRBAC': True, 'adminGroupObjectIDs': None, 'tenantID': TENANT}
        p['disableLocalAccounts'] = True
        p['networkProfile']['networkPolicy'] = 'calico'
        p['addonProfiles'] = dict({'omsagent': {'enabled': True, 'config': {'logAnalyticsWorkspaceResourceID': la_workspace(sub)}},
                                   'azurepolicy': {'enabled': True, 'config': None}}, **(addons or {}))
    p['autoUpgradeProfile'] = {'upgradeChannel': channel or ('patch' if good else 'none'), 'nodeOSUpgradeChannel': 'NodeImage'}
    if access is not None:
        p['apiServerAccessProfile'] = access
    return add({'id': rid(sub, rg, 'Microsoft.ContainerService', 'managedClusters', name), 'name': name,
                'type': 'Microsoft.ContainerService/ManagedClusters', 'location': sub[2],
                'sku': {'name': 'Base', 'tier': 'Standard' if good else 'Free'},
                'identity': {'type': 'SystemAssigned'}, 'tags': {'env': sub[1].split('-')[1].lower()}, 'properties': p})


# prod: private API server, Entra ID only, calico, Container insights, Azure Policy, patch channel: passes all
aks(PROD, 'rg-aks', 'aks-contoso-prod', True, access={'enablePrivateCluster': True, 'privateDNSZone': 'system'})
# shared: public API server limited to the office egress range: passes all
aks(SHARED, 'rg-aks', 'aks-contoso-tools', True, access={'enablePrivateCluster': False, 'authorizedIPRanges': ['203.0.113.0/24']})
# dev: RBAC off, local accounts, API server open to 0.0.0.0/0, no policy engine, no monitoring, no upgrades
aks(DEV, 'rg-aks', 'aks-contoso-dev', False, access={'authorizedIPRanges': ['0.0.0.0/0']})
# dev: a forgotten 2020 cluster still running the dashboard add-on (fails AZA-AKS-008 too)
aks(DEV, 'rg-aks-legacy', 'aks-contoso-legacy', False, version='1.18.14', channel='node-image',
    addons={'kubeDashboard': {'enabled': True, 'config': None}, 'omsagent': {'enabled': False, 'config': None}})


def aks_diag(cluster, logs):
    """The cluster's diagnostic setting (getDiagnosticSetting's shape) to the Log Analytics workspace."""
    b = ex('monitor/resource-manager/Microsoft.Insights/preview/2021-05-01-preview/examples/getDiagnosticSetting.json')
    named(b, cluster['id'] + '/providers/Microsoft.Insights/diagnosticSettings/aks-logs', 'aks-logs',
          'Microsoft.Insights/diagnosticSettings')
    b['properties'].update({'storageAccountId': None, 'workspaceId': la_workspace(None), 'eventHubAuthorizationRuleId': None,
                            'eventHubName': None, 'marketplacePartnerId': None, 'metrics': [],
                            'logs': [{'category': c, 'categoryGroup': None, 'enabled': True,
                                      'retentionPolicy': {'enabled': False, 'days': 0}} for c in logs]})
    return add(b)


# AZA-AKS-009: prod and shared keep the API server's audit log (kube-audit-admin); dev sends only the
# API server's and scheduler's own logs; the legacy cluster has no setting
clusters = {r['name']: r for r in resources if r['type'] == 'Microsoft.ContainerService/ManagedClusters'}
aks_diag(clusters['aks-contoso-prod'], ['kube-audit-admin', 'guard'])
aks_diag(clusters['aks-contoso-tools'], ['kube-audit'])
aks_diag(clusters['aks-contoso-dev'], ['kube-apiserver', 'kube-scheduler'])

# ---------------------------------------------------------------- AKS node pools and add-ons (AZA-AKS-010, AZA-AKS-011)
# prod and shared create every node pool with encryption at host (shared also runs a user pool): pass; dev
# adds a batch pool that sets it false and the legacy cluster predates the feature (absent): both fail
def node_pool(cluster, name, mode='User', **kv):
    p = dict(cluster['properties']['agentPoolProfiles'][0], name=name, mode=mode, count=2, **kv)
    cluster['properties']['agentPoolProfiles'].append(p)
    return p


for n in ('aks-contoso-prod', 'aks-contoso-tools'):
    clusters[n]['properties']['agentPoolProfiles'][0]['enableEncryptionAtHost'] = True
node_pool(clusters['aks-contoso-tools'], 'tools', enableEncryptionAtHost=True)
node_pool(clusters['aks-contoso-dev'], 'batch', vmSize='Standard_D8ds_v5', enableEncryptionAtHost=False)

# AZA-AKS-011: prod mounts Key Vault secrets with the CSI driver add-on and rotates them (every 5 minutes); dev
# enabled the add-on without --enable-secret-rotation (the CLI writes "false"); shared and legacy do not use it
clusters['aks-contoso-prod']['properties']['addonProfiles']['azureKeyvaultSecretsProvider'] = {
    'enabled': True, 'config': {'enableSecretRotation': 'true', 'rotationPollInterval': '5m'}}
clusters['aks-contoso-dev']['properties']['addonProfiles']['azureKeyvaultSecretsProvider'] = {
    'enabled': True, 'config': {'enableSecretRotation': 'false', 'rotationPollInterval': '2m'}}
# ---------------------------------------------------------------- end of AKS node pools and add-ons


def registry(sub, rg, name, sku, admin=False, anonymous=False, public='Enabled', rules=None, pe=False):
    r = {'id': rid(sub, rg, 'Microsoft.ContainerRegistry', 'registries', name), 'name': name,
         'type': 'Microsoft.ContainerRegistry/registries', 'location': sub[2], 'tags': {'env': sub[1].split('-')[1].lower()},
         'sku': {'name': sku, 'tier': sku},
         'properties': {'loginServer': f'{name}.azurecr.io', 'creationDate': '2024-03-12T09:41:07.1537861Z',
                        'provisioningState': 'Succeeded', 'adminUserEnabled': admin, 'anonymousPullEnabled': anonymous,
                        'networkRuleSet': rules or {'defaultAction': 'Allow', 'ipRules': []},
                        'policies': {'quarantinePolicy': {'status': 'disabled'}, 'trustPolicy': {'type': 'Notary', 'status': 'disabled'},
                                     'retentionPolicy': {'days': 7, 'status': 'disabled'}, 'exportPolicy': {'status': 'enabled'}},
                        'encryption': {'status': 'disabled'}, 'dataEndpointEnabled': False, 'dataEndpointHostNames': [],
                        'privateEndpointConnections': [], 'publicNetworkAccess': public,
                        'networkRuleBypassOptions': 'AzureServices', 'zoneRedundancy': 'Enabled' if sku == 'Premium' else 'Disabled'}}
    if pe:
        r['properties']['privateEndpointConnections'] = [{
            'id': r['id'] + '/privateEndpointConnections/pe-' + name, 'name': 'pe-' + name,
            'type': 'Microsoft.ContainerRegistry/registries/privateEndpointConnections',
            'properties': {'provisioningState': 'Succeeded',
                           'privateEndpoint': {'id': rid(sub, 'rg-network', 'Microsoft.Network', 'privateEndpoints', 'pe-' + name)},
                           'privateLinkServiceConnectionState': {'status': 'Approved', 'description': 'Auto-Approved',
                                                                 'actionsRequired': 'None'}}}]
    return add(r)


# prod: Premium, private endpoint only: passes all four
registry(PROD, 'rg-aks', 'crcontosoprod', 'Premium', public='Disabled', pe=True)
# shared: Premium, firewall Deny with the build agents' range, no private endpoint (fails AZA-ACR-004 only)
registry(SHARED, 'rg-build', 'crcontosobuild', 'Premium',
         rules={'defaultAction': 'Deny', 'ipRules': [{'action': 'Allow', 'value': '198.51.100.0/26'}]})
# dev: Standard with the admin user and anonymous pull on, open to every network: fails all four
registry(DEV, 'rg-aks', 'crcontosodev', 'Standard', admin=True, anonymous=True)


# ---------------------------------------------------------------- Cosmos DB (no API example in the shared
# examples: the body of the REST spec's CosmosDBDatabaseAccountGet.json, Microsoft.DocumentDB stable 2024-11-15)
def cosmos(sub, rg, name, kind='GlobalDocumentDB', capabilities=(), **kv):
    aid = rid(sub, rg, 'Microsoft.DocumentDB', 'databaseAccounts', name)
    region = {'westeurope': 'West Europe', 'northeurope': 'North Europe'}[sub[2]]
    loc = {'id': f'{name}-{sub[2]}', 'locationName': region, 'documentEndpoint': f'https://{name}-{sub[2]}.documents.azure.com:443/',
           'provisioningState': 'Succeeded', 'failoverPriority': 0}
    p = {'provisioningState': 'Succeeded', 'documentEndpoint': f'https://{name}.documents.azure.com:443/',
         'ipRules': [], 'isVirtualNetworkFilterEnabled': False, 'virtualNetworkRules': [],
         'databaseAccountOfferType': 'Standard', 'disableKeyBasedMetadataWriteAccess': False, 'defaultIdentity': 'FirstPartyIdentity',
         'consistencyPolicy': {'defaultConsistencyLevel': 'Session', 'maxIntervalInSeconds': 5, 'maxStalenessPrefix': 100},
         'writeLocations': [dict(loc)], 'readLocations': [dict(loc)], 'locations': [dict(loc)],
         'failoverPolicies': [{'id': loc['id'], 'locationName': region, 'failoverPriority': 0}],
         'privateEndpointConnections': [], 'cors': [], 'enableFreeTier': False, 'apiProperties': {},
         'capabilities': [{'name': c} for c in capabilities], 'enableAnalyticalStorage': False, 'createMode': 'Default',
         'backupPolicy': {'type': 'Periodic', 'periodicModeProperties': {
             'backupIntervalInMinutes': 240, 'backupRetentionIntervalInHours': 8, 'backupStorageRedundancy': 'Geo'}},
         'networkAclBypass': 'None', 'networkAclBypassResourceIds': [],
         'keysMetadata': {k: {'generationTime': '2025-02-25T20:30:11Z'} for k in
                          ('primaryMasterKey', 'secondaryMasterKey', 'primaryReadonlyMasterKey', 'secondaryReadonlyMasterKey')},
         'enablePartitionMerge': False, 'minimalTlsVersion': 'Tls12', 'publicNetworkAccess': 'Enabled'}
    b = {'id': aid, 'name': name, 'location': sub[2], 'type': 'Microsoft.DocumentDB/databaseAccounts', 'kind': kind,
         'tags': {'env': sub[1].split('-')[1].lower()}, 'properties': p,
         'identity': {'type': 'SystemAssigned', 'principalId': '52f4fef3-3c3f-4ff3-b52e-b5c9eeb68656', 'tenantId': TENANT}}
    return add(mod(b, **kv))


def cosmos_pe(acct, sub):
    n = acct.rsplit('/', 1)[1]
    return [{'id': acct + '/privateEndpointConnections/pe-' + n,
             'properties': {'privateEndpoint': {'id': rid(sub, 'rg-network', 'Microsoft.Network', 'privateEndpoints', 'pe-' + n)},
                            'privateLinkServiceConnectionState': {'status': 'Approved', 'actionsRequired': 'None'}}}]


# Prod orders: private only, Entra ID only, customer-managed key: passes every AZA-COS rule.
a = cosmos(PROD, 'rg-data', 'cosmos-contoso-prod-orders', properties__publicNetworkAccess='Disabled',
           properties__disableLocalAuth=True, properties__disableKeyBasedMetadataWriteAccess=True,
           properties__keyVaultKeyUri='https://kv-contoso-prod.vault.azure.net/keys/cosmos-cmk',
           properties__defaultIdentity='SystemAssignedIdentity')
a['properties']['privateEndpointConnections'] = cosmos_pe(a['id'], PROD)
# Prod catalog (Table API): firewall to the app subnet and an office range, keys still on
# (COS-001, 005, 007 PASS; COS-002, 003, 004, 006 FAIL).
cosmos(PROD, 'rg-web', 'cosmos-contoso-prod-catalog', capabilities=['EnableTable'],
       properties__ipRules=[{'ipAddressOrRange': '203.0.113.0/24'}], properties__isVirtualNetworkFilterEnabled=True,
       properties__virtualNetworkRules=[{'id': vnets[PROD] + '/subnets/snet-app', 'ignoreMissingVNetServiceEndpoint': False}],
       properties__disableKeyBasedMetadataWriteAccess=True)
# Dev: "Accept connections from within public Azure datacenters" and the portal's IPs, TLS 1.0,
# keys for data and metadata: every AZA-COS rule FAILs.
cosmos(DEV, 'rg-data', 'cosmos-contoso-dev', properties__minimalTlsVersion='Tls',
       properties__ipRules=[{'ipAddressOrRange': '0.0.0.0'}, {'ipAddressOrRange': '104.42.195.92'},
                            {'ipAddressOrRange': '40.76.54.131'}])
# Dev MongoDB: open to every network (COS-001, 002, 003, 005, 006 FAIL); Entra ID is not documented
# for the API for MongoDB (COS-004 NOT_APPLICABLE); it works only with TLS 1.2 (COS-007 PASS).
cosmos(DEV, 'rg-analytics', 'cosmos-contoso-dev-mongo', kind='MongoDB', capabilities=['EnableMongo'],
       properties__apiProperties={'serverVersion': '4.2'}, properties__minimalTlsVersion='Tls')
# Shared: "Selected networks" with nothing selected (COS-001 UNKNOWN), Entra ID only, so keys
# cannot write metadata either (COS-004, 005, 007 PASS; COS-002, 003, 006 FAIL).
cosmos(SHARED, 'rg-data', 'cosmos-contoso-shared-config', properties__isVirtualNetworkFilterEnabled=True,
       properties__disableLocalAuth=True)


# ---------------------------------------------------------------- directory (Microsoft Graph)
G = 'graph/'
users_ex = ex(G + 'users-list.json')['value']
signin_ex = ex(G + 'users-list-signInActivity.json')['value'][0]
member_tmpl = users_ex[1]
users = []
for key, (upn, dn, ut, enabled, last) in {
    'adele': ('AdeleV@contoso.com', 'Adele Vance', 'Member', True, '2026-10-30T08:10:00Z'),
    'megan': ('MeganB@contoso.com', 'Megan Bowen', 'Member', True, '2026-10-29T17:42:00Z'),
    'alex': ('AlexW@contoso.com', 'Alex Wilber', 'Member', True, '2026-10-31T07:55:00Z'),
    'lee': ('LeeG@contoso.com', 'Lee Gu', 'Member', True, '2026-10-28T12:01:00Z'),
    'nestor': ('NestorW@contoso.com', 'Nestor Wilke', 'Member', True, '2026-09-02T09:13:00Z'),
    'pradeep': ('PradeepG@contoso.com', 'Pradeep Gupta', 'Member', False, '2025-01-15T10:00:00Z'),
    'isaiah': ('IsaiahL@contoso.com', 'Isaiah Langer', 'Member', True, '2026-10-20T14:30:00Z'),
    'breakglass': ('breakglass01@contoso.onmicrosoft.com', 'Break Glass 01', 'Member', True, '2026-07-01T00:00:00Z'),
    'guest_vendor': ('sam_fabrikam.com#EXT#@contoso.onmicrosoft.com', 'Sam (Fabrikam)', 'Guest', True, '2026-10-15T11:00:00Z'),
    'guest_stale': ('jo_adatum.com#EXT#@contoso.onmicrosoft.com', 'Jo (Adatum)', 'Guest', True, '2024-03-11T09:00:00Z'),
    'guest_auditor': ('kim_auditfirm.com#EXT#@contoso.onmicrosoft.com', 'Kim (Audit firm)', 'Guest', True, '2026-10-27T16:20:00Z'),
    # added after the others, so that their generated sign-in request ids stay put
    'diego': ('DiegoS@contoso.com', 'Diego Siciliani', 'Member', True, '2026-10-30T15:20:00Z'),
    'guest_consultant': ('ana_northwind.com#EXT#@contoso.onmicrosoft.com', 'Ana (Northwind)', 'Guest', True, '2026-10-24T09:40:00Z'),
}.items():
    u = copy.deepcopy(member_tmpl)
    u.update({'id': U[key], 'userPrincipalName': upn, 'displayName': dn, 'mail': upn if ut == 'Member' else upn.split('#')[0].replace('_', '@'),
              'givenName': dn.split()[0], 'surname': dn.split()[-1], 'userType': ut, 'accountEnabled': enabled,
              'createdDateTime': '2023-02-01T10:00:00Z' if ut == 'Member' else '2024-01-10T10:00:00Z',
              'businessPhones': [], 'mobilePhone': None, 'jobTitle': None, 'officeLocation': None})
    if ut == 'Guest':
        u['externalUserState'] = 'Accepted'
    si = copy.deepcopy(signin_ex['signInActivity'])
    # lastSuccessfulSignInDateTime (Graph v1.0 signInActivity, recorded since December 2023; the example body
    # predates it): every sign-in here succeeded
    si.update({'lastSignInDateTime': last, 'lastSignInRequestId': '00000000-0000-0000-0000-%012d' % len(users),
               'lastNonInteractiveSignInDateTime': last, 'lastNonInteractiveSignInRequestId': '',
               'lastSuccessfulSignInDateTime': last, 'lastSuccessfulSignInRequestId': '00000000-0000-0000-0000-%012d' % len(users)})
    u['signInActivity'] = si
    users.append(u)

reg_tmpl = ex(G + 'userRegistrationDetails-list.json')['value'][0]
reg = []
for u in users:
    k = [k for k, v in U.items() if v == u['id']][0]
    r = copy.deepcopy(reg_tmpl)
    mfa = k not in ('megan', 'nestor', 'pradeep', 'diego', 'guest_stale')
    r.update({'id': u['id'], 'userPrincipalName': u['userPrincipalName'], 'userDisplayName': u['displayName'],
              'userType': 'guest' if u['userType'] == 'Guest' else 'member',
              'isAdmin': k in ('adele', 'megan', 'alex'), 'isMfaRegistered': mfa, 'isMfaCapable': mfa,
              'isSsprRegistered': mfa, 'isSsprEnabled': True, 'isSsprCapable': mfa,
              'isPasswordlessCapable': k == 'adele',
              'methodsRegistered': ['microsoftAuthenticatorPush', 'softwareOneTimePasscode'] if mfa else [],
              'lastUpdatedDateTime': '2026-10-01T00:00:00Z'})
    reg.append(r)

authz = ex(G + 'authorizationPolicy-get.json')
authz.pop('@odata.context', None)
authz.update({'allowInvitesFrom': 'adminsAndGuestInviters', 'allowedToSignUpEmailBasedSubscriptions': False,
              'allowEmailVerifiedUsersToJoinOrganization': False, 'allowUserConsentForRiskyApps': False,
              'guestUserRoleId': '10dae51f-b6af-4016-8d66-8c2a99b929b3'})
authz['defaultUserRolePermissions'].update({'allowedToCreateApps': True, 'allowedToCreateSecurityGroups': False,
                                            'allowedToReadOtherUsers': True})
if 'allowedToCreateTenants' in authz['defaultUserRolePermissions']:
    authz['defaultUserRolePermissions']['allowedToCreateTenants'] = False
authz['defaultUserRolePermissions']['permissionGrantPoliciesAssigned'] = ['ManagePermissionGrantsForSelf.microsoft-user-default-low']

ca_ex = ex(G + 'conditionalAccess-policies-list.json')['value']
ca_tmpl = ca_ex[-1]


def ca(pid, name, state, users_, roles, apps, client_apps, grant, exclude=()):
    p = copy.deepcopy(ca_tmpl)
    p.update({'id': pid, 'displayName': name, 'state': state, 'createdDateTime': '2024-11-02T09:00:00Z',
              'modifiedDateTime': '2026-05-12T15:30:00Z', 'sessionControls': None})
    c = p['conditions']
    c['clientAppTypes'] = client_apps
    c['applications'] = {'includeApplications': apps, 'excludeApplications': [], 'includeUserActions': []}
    c['users'] = {'includeUsers': users_, 'excludeUsers': list(exclude), 'includeGroups': [], 'excludeGroups': [],
                  'includeRoles': roles, 'excludeRoles': []}
    c['platforms'] = None
    c['locations'] = None
    c['signInRiskLevels'] = []
    if 'userRiskLevels' in c:
        c['userRiskLevels'] = []
    p['grantControls'] = {'operator': 'OR', 'builtInControls': grant, 'customAuthenticationFactors': [],
                          'termsOfUse': []}
    return p


GA = '62e90394-69f5-4237-9190-012177145e10'
SECADM = '194ae4cb-b126-40b2-bd5b-6091b380977d'
PRA = 'e8611ab8-c189-46e8-94e1-60213ab1f814'
ADMIN_ROLES = [GA, SECADM, 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c', '29232cdf-9323-42fd-ade2-1d097af3e4de',
               'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9', '729827e3-9c14-49f7-bb1b-9608f156bbb8',
               '966707d0-3269-4727-9be2-8c3a10f19b9d', '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
               'e8611ab8-c189-46e8-94e1-60213ab1f814']
capolicies = [
    ca('0a1b2c3d-aaaa-4bbb-8ccc-000000000001', 'CA001: Require MFA for administrators', 'enabled', [], ADMIN_ROLES,
       ['All'], ['all'], ['mfa'], exclude=[U['breakglass']]),
    ca('0a1b2c3d-aaaa-4bbb-8ccc-000000000002', 'CA002: Block legacy authentication', 'enabled', ['All'], [],
       ['All'], ['exchangeActiveSync', 'other'], ['block'], exclude=[U['breakglass']]),
    ca('0a1b2c3d-aaaa-4bbb-8ccc-000000000003', 'CA003: Require MFA for all users', 'enabledForReportingButNotEnforced',
       ['All'], [], ['All'], ['all'], ['mfa'], exclude=[U['breakglass']]),
    ca('0a1b2c3d-aaaa-4bbb-8ccc-000000000004', 'CA004: Require MFA for Azure management', 'disabled', ['All'], [],
       ['797f4846-ba00-4fd7-ba43-dac1f8f63013'], ['all'], ['mfa']),
]

secdef = ex(G + 'identitySecurityDefaultsEnforcementPolicy-get.json')
secdef.pop('@odata.context', None)
secdef['isEnabled'] = False

dra_tmpl = ex(G + 'roleManagement-directory-roleAssignments-list.json')['value'][0]
dras = []
for i, (role, who) in enumerate(((GA, 'adele'), (GA, 'megan'), (GA, 'breakglass'), (SECADM, 'alex'),
                                 ('f2ef992c-3afb-46b9-b7cf-a126ee74c451', 'guest_auditor'))):
    d = copy.deepcopy(dra_tmpl)
    d.update({'id': 'lAPpYvVpN0KRkAEhdxReE%03d-%d' % (i, i), 'principalId': U[who], 'roleDefinitionId': role,
              'resourceScope': '/', 'directoryScopeId': '/'})
    dras.append(d)

# Eligible directory role assignments (Privileged Identity Management), as
# GET /roleManagement/directory/roleEligibilityScheduleInstances?$expand=principal
# returns them (unifiedRoleEligibilityScheduleInstance; principal with the
# default properties of a user). Diego, an identity engineer, is eligible
# for Privileged Role Administrator and never registered for MFA: he holds
# no active role (isAdmin false) but can activate it at any time. Pradeep
# left the company: his account is disabled, his Global Administrator
# eligibility was never removed, and he has no MFA either.
eligible = []
for i, (role, who, start, end) in enumerate(((PRA, 'diego', '2026-06-03T08:00:00Z', '2027-06-03T08:00:00Z'),
                                             (GA, 'pradeep', '2024-09-16T09:30:00Z', None),
                                             (SECADM, 'lee', '2026-02-10T10:00:00Z', '2027-02-10T10:00:00Z'))):
    u = next(x for x in users if x['id'] == U[who])
    principal = {'@odata.type': '#microsoft.graph.user'}
    principal.update({k: u[k] for k in member_tmpl if k in u})
    eligible.append({'id': 'QXBwcm92ZUVsaWdpYmxl%03d-%d-e' % (i, i), 'principalId': U[who], 'roleDefinitionId': role,
                     'directoryScopeId': '/', 'appScopeId': None, 'startDateTime': start, 'endDateTime': end,
                     'memberType': 'Direct', 'roleEligibilityScheduleId': '7c0e3a52-%04d-4b1e-9d2f-5a6b7c8d9e0f' % i,
                     'principal': principal})

gs = ex(G + 'groupSettings-list.json')['value'][0]
for v in gs['values']:
    if v['name'] == 'EnableGroupCreation':
        v['value'] = 'false'
    if v['name'] == 'AllowGuestsToAccessGroups':
        v['value'] = 'false'

# The users of the groups holding a role, as the collector keeps them:
# GET /groups/{id}/transitiveMembers/microsoft.graph.user with
# $select=id,displayName,userPrincipalName,userType,accountEnabled. The
# platform team's group holds Owner on the shared subscription and the
# custom admin role: Alex is in it, so are Nestor, who never registered
# for MFA, and Pradeep, whose account was disabled when he left but who
# was never removed from the group. The group's displayName is read with
# GET /groups/{id}?$select=id,displayName: its role assignments carry only
# its id.
SELECT = ('id', 'displayName', 'userPrincipalName', 'userType', 'accountEnabled')
group_members = [{'groupId': GROUP_PLATFORM, 'displayName': 'Platform Admins',
                  'members': [{k: u[k] for k in SELECT} for u in users if u['id'] in (U['alex'], U['nestor'], U['pradeep'])]}]

# The principals eligible for the membership or ownership of the groups
# holding a role (Privileged Identity Management for Groups), as the
# collector keeps them: GET /identityGovernance/privilegedAccess/group/
# eligibilityScheduleInstances?$filter=groupId eq '{id}'&$expand=principal
# (privilegedAccessGroupEligibilityScheduleInstance; principal with the
# default properties of a user). Ana, a Northwind consultant (a guest),
# was made eligible for the platform group's membership for a migration
# project: she holds no role herself, but can activate the membership, and
# so Owner on Contoso-Shared, at any time (AZA-IAM-004 fails her).
ana = next(x for x in users if x['id'] == U['guest_consultant'])
ana_principal = {'@odata.type': '#microsoft.graph.user'}
ana_principal.update({k: ana[k] for k in member_tmpl if k in ana})
ana_id = '%s_member_%s' % (GROUP_PLATFORM, U['guest_consultant'])
group_eligibility = [{'groupId': GROUP_PLATFORM,
                      'eligible': [{'id': ana_id, 'startDateTime': '2026-09-01T08:00:00Z', 'endDateTime': '2027-03-01T08:00:00Z',
                                    'accessId': 'member', 'principalId': U['guest_consultant'], 'groupId': GROUP_PLATFORM,
                                    'memberType': 'Direct', 'eligibilityScheduleId': ana_id, 'principal': ana_principal}]}]

directory = {
    'users': users,
    'userRegistrationDetails': reg,
    'authorizationPolicy': authz,
    'conditionalAccessPolicies': capolicies,
    'identitySecurityDefaultsEnforcementPolicy': secdef,
    'directoryRoleAssignments': dras,
    'directoryRoleEligibilityScheduleInstances': eligible,
    'groupSettings': [gs],
    'groupMembers': group_members,
    'groupEligibility': group_eligibility,
}

# ---------------------------------------------------------------- collection errors
errors = [
    {'scope': rid(PROD, 'rg-analytics', 'Microsoft.Sql', 'servers', 'sql-contoso-prod-dw'),
     'type': 'Microsoft.Sql/servers/auditingSettings',
     'api': 'GET auditingSettings/default', 'status': 403,
     'message': "AuthorizationFailed: The client does not have authorization to perform action "
                "'Microsoft.Sql/servers/auditingSettings/read' over scope '/subscriptions/"
                + PROD[0] + "/resourceGroups/rg-analytics/providers/Microsoft.Sql/servers/sql-contoso-prod-dw/auditingSettings/default'"},
    {'scope': a_denied['id'], 'type': 'Microsoft.Storage/storageAccounts/blobServices',
     'api': 'GET blobServices/default', 'status': 403,
     'message': 'AuthorizationFailed: the client does not have authorization to perform action '
                "'Microsoft.Storage/storageAccounts/blobServices/read'"},
]

# ================================================================ Recovery Services vaults (AZA-RSV-*).
# Bodies follow the REST specs' GETVault.json (Microsoft.RecoveryServices stable 2025-02-01).
def rsv_vault(sub, rg, name, soft, days, immutability, pna, pe=None, key=None):
    vid = rid(sub, rg, 'Microsoft.RecoveryServices', 'vaults', name)
    p = {'provisioningState': 'Succeeded', 'publicNetworkAccess': pna,
         'monitoringSettings': {'azureMonitorAlertSettings': {'alertsForAllJobFailures': 'Enabled'},
                                'classicAlertSettings': {'alertsForCriticalOperations': 'Disabled'}},
         'privateEndpointConnections': [], 'privateEndpointStateForBackup': 'None', 'privateEndpointStateForSiteRecovery': 'None',
         'securitySettings': {'immutabilitySettings': {'state': immutability},
                              'softDeleteSettings': {'softDeleteRetentionPeriodInDays': days, 'softDeleteState': soft,
                                                     'enhancedSecurityState': 'Enabled'},
                              'multiUserAuthorization': 'Disabled'},
         'redundancySettings': {'standardTierStorageRedundancy': 'GeoRedundant', 'crossRegionRestore': 'Enabled'},
         'secureScore': 'None', 'bcdrSecurityLevel': 'Fair'}
    if pe:
        p['privateEndpointConnections'] = [{
            'id': vid + '/privateEndpointConnections/' + pe + '.backup', 'properties': {
                'provisioningState': 'Succeeded', 'groupIds': ['AzureBackup'],
                'privateEndpoint': {'id': rid(sub, 'rg-network', 'Microsoft.Network', 'privateEndpoints', pe)},
                'privateLinkServiceConnectionState': {'status': 'Approved', 'description': 'None', 'actionsRequired': 'None'}}}]
        p['privateEndpointStateForBackup'] = 'Enabled'
    if key:
        p['encryption'] = {'keyVaultProperties': {'keyUri': key}, 'kekIdentity': {'useSystemAssignedIdentity': True},
                           'infrastructureEncryption': 'Disabled'}
    return add({'id': vid, 'name': name, 'type': 'Microsoft.RecoveryServices/vaults', 'location': sub[2],
                'tags': {'env': sub[1].split('-')[1].lower()}, 'sku': {'name': 'RS0', 'tier': 'Standard'},
                'identity': {'type': 'SystemAssigned', 'principalId': '5a1c9e3d-2b7f-4e60-8d14-7c0b9f2e6a35', 'tenantId': TENANT},
                'properties': p})


# prod: always-on soft delete (30 days), locked immutability, private endpoint only, customer-managed key:
# passes AZA-RSV-001..004
rsv_vault(PROD, 'rg-backup', 'rsv-contoso-prod', 'AlwaysON', 30, 'Locked', 'Disabled', pe='pe-rsv-contoso-prod',
          key='https://kv-contoso-prod.vault.azure.net/keys/cmk-backup/4c8e2a1f9b7d4e6a8c0f2b4d6e8a0c1e')
# shared: soft delete on (14 days) but reversible immutability, a public endpoint, platform-managed keys:
# passes AZA-RSV-001, fails 002..004
rsv_vault(SHARED, 'rg-shared', 'rsv-contoso-shared', 'Enabled', 14, 'Unlocked', 'Enabled')
# dev: soft delete turned off to delete test vaults quickly, no immutability, public, platform-managed keys: fails AZA-RSV-001..004
rsv_vault(DEV, 'rg-app-dev', 'rsv-contoso-dev', 'Disabled', 14, 'Disabled', 'Enabled')
# ================================================================ end of the Recovery Services vaults section

# ================================================================ PaaS services: Azure Cache for Redis,
# Event Hubs, Service Bus, Azure AI services (AZA-RDS/EVH/SBS/AIS). Bodies follow the REST specs'
# examples: RedisCacheGet.json and RedisCacheFirewallRulesList.json (Microsoft.Cache stable 2024-11-01),
# EHNameSpaceCreate.json and SBNameSpaceCreate.json (stable 2024-01-01), EHNetworkRuleSetGet.json
# (Microsoft.EventHub stable 2021-11-01), CreateAccount.json (Microsoft.CognitiveServices 2024-10-01).
def svc_pe(parent, sub, name):
    return [{'id': parent + '/privateEndpointConnections/' + name, 'name': name,
             'properties': {'privateEndpoint': {'id': rid(sub, 'rg-network', 'Microsoft.Network', 'privateEndpoints', name)},
                            'privateLinkServiceConnectionState': {'status': 'Approved', 'description': 'Auto-Approved',
                                                                  'actionsRequired': 'None'},
                            'provisioningState': 'Succeeded'}}]


def redis(sub, rg, name, sku, **props):
    cid = rid(sub, rg, 'Microsoft.Cache', 'Redis', name)
    p = {'provisioningState': 'Succeeded', 'redisVersion': '6.0',
         'sku': {'name': sku, 'family': 'P' if sku == 'Premium' else 'C', 'capacity': 1},
         'enableNonSslPort': False, 'updateChannel': 'Stable', 'redisConfiguration': {'maxmemory-policy': 'volatile-lru'},
         'hostName': f'{name}.redis.cache.windows.net', 'port': 6379, 'sslPort': 6380,
         'instances': [{'sslPort': 15000, 'isMaster': True, 'isPrimary': True}],
         'publicNetworkAccess': 'Enabled', 'privateEndpointConnections': [], 'linkedServers': []}
    p.update(props)
    return add({'id': cid, 'name': name, 'type': 'Microsoft.Cache/Redis', 'location': sub[2],
                'tags': {'env': sub[1].split('-')[1].lower()}, 'properties': p})


def redis_fw(cache, name, start, end):
    return add({'id': cache['id'] + '/firewallRules/' + name, 'name': name,
                'type': 'Microsoft.Cache/Redis/firewallRules', 'properties': {'startIP': start, 'endIP': end}})


# prod: Premium, TLS 1.2 only, private endpoint only, Microsoft Entra ID only: passes AZA-RDS-001..005
rc = redis(PROD, 'rg-app', 'redis-contoso-prod', 'Premium', minimumTlsVersion='1.2', publicNetworkAccess='Disabled',
           disableAccessKeyAuthentication=True, redisConfiguration={'aad-enabled': 'true', 'maxmemory-policy': 'volatile-lru'})
rc['properties']['privateEndpointConnections'] = svc_pe(rc['id'], PROD, 'pe-redis-contoso-prod')
# shared: Premium injected into the shared virtual network (no public endpoint), access keys still on (fails AZA-RDS-004 only;
# AZA-RDS-005 passes: no public endpoint)
redis(SHARED, 'rg-shared', 'redis-contoso-shared', 'Premium', minimumTlsVersion='1.2', staticIP='10.20.4.10',
      subnetId=rid(SHARED, 'rg-network', 'Microsoft.Network', 'virtualNetworks', 'vnet-shared', 'subnets', 'snet-redis'))
# dev: Basic, the non-TLS port on for an old client, minimum TLS 1.0, public, keys, and beside the office range a
# firewall rule for every address added while debugging from home: fails AZA-RDS-001..005
rd = redis(DEV, 'rg-app-dev', 'redis-contoso-dev', 'Basic', enableNonSslPort=True, minimumTlsVersion='1.0',
           instances=[{'sslPort': 15000, 'nonSslPort': 13000, 'isMaster': True, 'isPrimary': True}])
redis_fw(rd, 'office', '203.0.113.0', '203.0.113.255')
redis_fw(rd, 'debug-anywhere', '0.0.0.0', '255.255.255.255')


def msg_ns(sub, rg, prov, name, sku, **props):
    nid = rid(sub, rg, prov, 'namespaces', name)
    p = {'provisioningState': 'Succeeded', 'status': 'Active', 'createdAt': '2024-05-14T08:12:41.107Z',
         'updatedAt': '2025-03-02T10:01:12.29Z', 'serviceBusEndpoint': f'https://{name}.servicebus.windows.net:443/',
         'metricId': f'{sub[0]}:{name}', 'minimumTlsVersion': '1.2', 'disableLocalAuth': False,
         'publicNetworkAccess': 'Enabled', 'zoneRedundant': True, 'privateEndpointConnections': []}
    if prov == 'Microsoft.EventHub':
        p.update({'isAutoInflateEnabled': False, 'maximumThroughputUnits': 0, 'kafkaEnabled': True})
    p.update(props)
    return add({'id': nid, 'name': name, 'type': prov + '/Namespaces', 'location': sub[2],
                'sku': {'name': sku, 'tier': sku, 'capacity': 1}, 'tags': {'env': sub[1].split('-')[1].lower()}, 'properties': p})


# The namespace's one network rule set (networkRuleSets/default, read per namespace).
def rule_set(ns, **props):
    p = {'publicNetworkAccess': ns['properties']['publicNetworkAccess'], 'defaultAction': 'Allow', 'virtualNetworkRules': [],
         'ipRules': [], 'trustedServiceAccessEnabled': False}
    p.update(props)
    return add({'id': ns['id'] + '/networkRuleSets/default', 'name': 'default',
                'type': ns['type'] + '/NetworkRuleSets', 'location': ns['location'], 'properties': p})


# prod: Entra ID only, private endpoints only, TLS 1.2: pass AZA-EVH-001..004 and AZA-SBS-001..004
for prov, name, sku in (('Microsoft.EventHub', 'evhns-contoso-prod', 'Standard'), ('Microsoft.ServiceBus', 'sbns-contoso-prod', 'Premium')):
    ns = msg_ns(PROD, 'rg-app', prov, name, sku, disableLocalAuth=True, publicNetworkAccess='Disabled')
    ns['properties']['privateEndpointConnections'] = svc_pe(ns['id'], PROD, 'pe-' + name)
    rule_set(ns)
# dev: SAS keys, public, and an old TLS minimum kept for a legacy client: fail AZA-EVH-001..003 and AZA-SBS-001..003.
# The event hub namespace admits every network (defaultAction Allow: AZA-EVH-004 FAIL); the Service Bus one only the
# office range (defaultAction Deny: AZA-SBS-004 PASS)
rule_set(msg_ns(DEV, 'rg-app-dev', 'Microsoft.EventHub', 'evhns-contoso-dev', 'Standard', minimumTlsVersion='1.0'))
rule_set(msg_ns(DEV, 'rg-app-dev', 'Microsoft.ServiceBus', 'sbns-contoso-dev', 'Standard', minimumTlsVersion='1.1'),
         defaultAction='Deny', ipRules=[{'ipMask': '203.0.113.0/24', 'action': 'Allow'}])


def ai_account(sub, rg, name, kind, **props):
    aid = rid(sub, rg, 'Microsoft.CognitiveServices', 'accounts', name)
    host = 'openai.azure.com' if kind == 'OpenAI' else 'cognitiveservices.azure.com'
    p = {'endpoint': f'https://{name}.{host}/', 'provisioningState': 'Succeeded', 'customSubDomainName': name,
         'dateCreated': '2025-02-11T14:03:22.5132045Z', 'privateEndpointConnections': []}
    p.update(props)
    return add({'id': aid, 'name': name, 'type': 'Microsoft.CognitiveServices/accounts', 'location': sub[2], 'kind': kind,
                'sku': {'name': 'S0'}, 'tags': {'env': sub[1].split('-')[1].lower()},
                'identity': {'type': 'SystemAssigned', 'principalId': 'd2f4a0c1-6b7e-4c8d-9e0f-1a2b3c4d5e61',
                             'tenantId': TENANT},
                'properties': p})


# prod: Azure OpenAI, Entra ID only, private only, customer-managed key: passes AZA-AIS-001..003
oa = ai_account(PROD, 'rg-ai', 'oai-contoso-prod', 'OpenAI', disableLocalAuth=True, publicNetworkAccess='Disabled',
                encryption={'keySource': 'Microsoft.KeyVault',
                            'keyVaultProperties': {'keyName': 'cmk-openai', 'keyVersion': '6b1f0c2e9d8a4b7c8e5f3a2d1c0b9a87',
                                                   'keyVaultUri': 'https://kv-contoso-prod.vault.azure.net/'}})
oa['properties']['privateEndpointConnections'] = svc_pe(oa['id'], PROD, 'pe-oai-contoso-prod')
# shared: multi-service account behind a firewall (the office range and the apps subnet), keys still on,
# Microsoft-managed keys (AZA-AIS-002 PASS; 001 and 003 FAIL)
ai_account(SHARED, 'rg-shared', 'ais-contoso-shared', 'AIServices', publicNetworkAccess='Enabled',
           networkAcls={'defaultAction': 'Deny', 'ipRules': [{'value': '203.0.113.0/24'}],
                        'virtualNetworkRules': [{'id': rid(SHARED, 'rg-network', 'Microsoft.Network', 'virtualNetworks', 'vnet-shared',
                                                           'subnets', 'snet-apps'), 'state': 'Succeeded',
                                                 'ignoreMissingVnetServiceEndpoint': False}]})
# dev: an Azure OpenAI playground with keys, open to every network: fails AZA-AIS-001..003
ai_account(DEV, 'rg-ai-dev', 'oai-contoso-dev', 'OpenAI', publicNetworkAccess='Enabled')
# ---- App Configuration stores, AI Search services and API Management (AZA-APC/SRH/APM). Bodies follow
# the REST specs' examples: ConfigurationStoresGet.json (Microsoft.AppConfiguration stable 2023-03-01),
# SearchCreateOrUpdateServiceWithCmkEnforcement.json (Microsoft.Search stable 2022-09-01),
# ApiManagementServiceGetService.json (Microsoft.ApiManagement stable 2022-08-01).
def app_config(sub, rg, name, sku, **props):
    sid = rid(sub, rg, 'Microsoft.AppConfiguration', 'configurationStores', name)
    p = {'provisioningState': 'Succeeded', 'creationDate': '2024-09-03T07:41:12+00:00', 'endpoint': f'https://{name}.azconfig.io',
         'encryption': {'keyVaultProperties': {'keyIdentifier': None, 'identityClientId': None}},
         'disableLocalAuth': False, 'privateEndpointConnections': [], 'softDeleteRetentionInDays': 7, 'enablePurgeProtection': False}
    p.update(props)
    return add({'id': sid, 'name': name, 'type': 'Microsoft.AppConfiguration/configurationStores', 'location': sub[2],
                'sku': {'name': sku}, 'tags': {'env': sub[1].split('-')[1].lower()}, 'properties': p})


# prod: Entra ID only, private only, purge protection, a customer-managed key: passes AZA-APC-001..004
ac = app_config(PROD, 'rg-app', 'appcs-contoso-prod', 'Standard', disableLocalAuth=True, publicNetworkAccess='Disabled',
                enablePurgeProtection=True,
                encryption={'keyVaultProperties': {'keyIdentifier': 'https://kv-contoso-prod.vault.azure.net/keys/cmk-appconfig',
                                                   'identityClientId': None}})
ac['properties']['privateEndpointConnections'] = svc_pe(ac['id'], PROD, 'pe-appcs-contoso-prod')
# shared: public access left on Automatic with a private endpoint (AZA-APC-002 PASS), access keys on, no purge protection,
# Microsoft-managed keys
ac = app_config(SHARED, 'rg-shared', 'appcs-contoso-shared', 'Standard')
ac['properties']['privateEndpointConnections'] = svc_pe(ac['id'], SHARED, 'pe-appcs-contoso-shared')
# dev: Free tier, keys, public: fails AZA-APC-001..004
app_config(DEV, 'rg-app-dev', 'appcs-contoso-dev', 'free', publicNetworkAccess='Enabled', softDeleteRetentionInDays=0)


def search_service(sub, rg, name, sku, **props):
    p = {'replicaCount': 1, 'partitionCount': 1, 'status': 'running', 'statusDetails': '', 'hostingMode': 'default',
         'provisioningState': 'succeeded', 'publicNetworkAccess': 'enabled', 'networkRuleSet': {'ipRules': [], 'bypass': 'None'},
         'privateEndpointConnections': [], 'sharedPrivateLinkResources': [],
         'encryptionWithCmk': {'enforcement': 'Unspecified', 'encryptionComplianceStatus': 'Compliant'},
         'disableLocalAuth': False, 'authOptions': {'apiKeyOnly': {}}, 'disabledDataExfiltrationOptions': []}
    p.update(props)
    return add({'id': rid(sub, rg, 'Microsoft.Search', 'searchServices', name), 'name': name, 'type': 'Microsoft.Search/searchServices',
                'location': sub[2], 'sku': {'name': sku}, 'tags': {'env': sub[1].split('-')[1].lower()},
                'identity': {'type': 'SystemAssigned', 'principalId': '5e0c7a1b-2d3f-4a5b-8c9d-0e1f2a3b4c5d', 'tenantId': TENANT},
                'properties': p})


# prod: Entra ID only, private only, customer-managed keys enforced: passes AZA-SRH-001..003
sr = search_service(PROD, 'rg-ai', 'srch-contoso-prod', 'standard', disableLocalAuth=True, authOptions=None,
                    publicNetworkAccess='disabled', encryptionWithCmk={'enforcement': 'Enabled', 'encryptionComplianceStatus': 'Compliant'})
del sr['properties']['authOptions']
sr['properties']['privateEndpointConnections'] = svc_pe(sr['id'], PROD, 'pe-srch-contoso-prod')
# dev: keys and Entra ID, open to every network, no key enforcement: fails AZA-SRH-001..003
search_service(DEV, 'rg-ai-dev', 'srch-contoso-dev', 'basic', authOptions={'aadOrApiKey': {'aadAuthFailureMode': 'http401WithBearerChallenge'}})


APIM_OLD = ['Microsoft.WindowsAzure.ApiManagement.Gateway.Security.' + k for k in (
    'Backend.Protocols.Ssl30', 'Backend.Protocols.Tls10', 'Backend.Protocols.Tls11', 'Ciphers.TripleDes168',
    'Protocols.Ssl30', 'Protocols.Tls10', 'Protocols.Tls11')]


def apim(sub, rg, name, sku, created, custom, **props):
    sid = rid(sub, rg, 'Microsoft.ApiManagement', 'service', name)
    p = {'publisherEmail': 'apis@contoso.com', 'publisherName': 'Contoso', 'notificationSenderEmail': 'apimgmt-noreply@mail.windowsazure.com',
         'provisioningState': 'Succeeded', 'targetProvisioningState': '', 'createdAtUtc': created,
         'gatewayUrl': f'https://{name}.azure-api.net', 'developerPortalUrl': f'https://{name}.developer.azure-api.net',
         'managementApiUrl': f'https://{name}.management.azure-api.net', 'scmUrl': f'https://{name}.scm.azure-api.net',
         'publicIPAddresses': [], 'privateEndpointConnections': [], 'customProperties': custom,
         'virtualNetworkType': 'None', 'certificates': [], 'disableGateway': False, 'platformVersion': 'stv2', 'publicNetworkAccess': 'Enabled'}
    p.update(props)
    return add({'id': sid, 'name': name, 'type': 'Microsoft.ApiManagement/service', 'location': sub[2],
                'sku': {'name': sku, 'capacity': 1}, 'tags': {'env': sub[1].split('-')[1].lower()}, 'properties': p})


# prod: every old protocol and 3DES off, internal virtual network: passes AZA-APM-001..002
apim(PROD, 'rg-app', 'apim-contoso-prod', 'Premium', '2022-03-08T09:14:02.1163912Z', {k: 'False' for k in APIM_OLD},
     virtualNetworkType='Internal', privateIPAddresses=['10.10.6.4'],
     virtualNetworkConfiguration={'subnetResourceId': vnets[PROD] + '/subnets/snet-apim'})
# dev: created in 2017 with nothing set (old protocols on by default), public: fails AZA-APM-001..002
apim(DEV, 'rg-app-dev', 'apim-contoso-dev', 'Developer', '2017-10-19T16:22:40.5304316Z',
     {'Microsoft.WindowsAzure.ApiManagement.Gateway.Protocols.Server.Http2': 'False'}, publicIPAddresses=['20.61.14.88'])
# ---- end of App Configuration, AI Search and API Management


# ---- Machine Learning workspaces, Data Factory, Synapse workspaces (AZA-AML-001..002, AZA-ADF-001,
# AZA-SYN-001..003). The workspace follows Workspace/get.json (Microsoft.MachineLearningServices stable
# 2023-10-01, fewer members, with the ManagedNetworkSettings of that schema); the factory and Synapse bodies carry the FactoryProperties (2018-06-01) and
# WorkspaceProperties (2021-06-01) names.
def data_svc(sub, rg, prov, typ, name, props):
    return add({'id': rid(sub, rg, prov, typ, name), 'name': name, 'type': f'{prov}/{typ}', 'location': sub[2],
                'tags': {'env': sub[1].split('-')[1].lower()}, 'properties': dict({'provisioningState': 'Succeeded'}, **props)})


# prod: public network access disabled everywhere, the Machine Learning workspace's managed virtual network
# allowing only approved outbound traffic, Synapse in a managed virtual network with data exfiltration
# protection: passes; dev: public endpoints on, a managed virtual network that allows internet outbound, no
# Synapse managed virtual network: fails
data_svc(PROD, 'rg-data', 'Microsoft.MachineLearningServices', 'workspaces', 'mlw-contoso-prod',
         {'friendlyName': 'mlw-contoso-prod', 'hbiWorkspace': False, 'publicNetworkAccess': 'Disabled',
          'managedNetwork': {'isolationMode': 'AllowOnlyApprovedOutbound', 'status': {'status': 'Active', 'sparkReady': False},
                             'outboundRules': {'pypi': {'type': 'FQDN', 'category': 'UserDefined', 'status': 'Active',
                                                        'destination': 'pypi.org'}}}})
data_svc(DEV, 'rg-data-dev', 'Microsoft.MachineLearningServices', 'workspaces', 'mlw-contoso-dev',
         {'friendlyName': 'mlw-contoso-dev', 'hbiWorkspace': False, 'publicNetworkAccess': 'Enabled',
          'managedNetwork': {'isolationMode': 'AllowInternetOutbound', 'status': {'status': 'Active', 'sparkReady': False}}})
data_svc(PROD, 'rg-data', 'Microsoft.DataFactory', 'factories', 'adf-contoso-prod',
         {'createTime': '2023-05-02T08:11:40.1134871Z', 'version': '2018-06-01', 'publicNetworkAccess': 'Disabled'})
data_svc(DEV, 'rg-data-dev', 'Microsoft.DataFactory', 'factories', 'adf-contoso-dev',
         {'createTime': '2023-09-14T13:40:02.5519832Z', 'version': '2018-06-01', 'publicNetworkAccess': 'Enabled'})
data_svc(PROD, 'rg-data', 'Microsoft.Synapse', 'workspaces', 'syn-contoso-prod',
         {'publicNetworkAccess': 'Disabled', 'managedVirtualNetwork': 'default',
          'managedVirtualNetworkSettings': {'preventDataExfiltration': True, 'allowedAadTenantIdsForLinking': []}})
syn_dev = data_svc(DEV, 'rg-data-dev', 'Microsoft.Synapse', 'workspaces', 'syn-contoso-dev', {'publicNetworkAccess': 'Enabled'})


def syn_fw(ws, name, start, end):
    """A workspace firewall rule as GetIpFirewallRule.json (synapse 2021-06-01) returns it."""
    return add({'id': ws['id'] + '/firewallRules/' + name, 'type': 'Microsoft.Synapse/workspaces/firewallRules', 'name': name,
                'properties': {'startIpAddress': start, 'endIpAddress': end, 'provisioningState': 'Succeeded'}})


# dev's firewall: the office range, and the portal's "Allow connections from all IP addresses" rule left from
# its creation (fails AZA-SYN-003); prod has no public endpoint (passes whatever its rules)
syn_fw(syn_dev, 'office', '203.0.113.0', '203.0.113.255')
syn_fw(syn_dev, 'allowAll', '0.0.0.0', '255.255.255.255')
# ---- end of Machine Learning, Data Factory and Synapse
# ================================================================ end of the PaaS services section


# ================================================================ Azure Firewall and firewall policies
# (AZA-NET-033, AZA-NET-034). Bodies follow the REST specs' AzureFirewallGet.json (Microsoft.Network
# stable 2024-05-01) and the firewallPolicies properties (threatIntelMode, intrusionDetection, sku).
# No NAT rules and no rule collection groups: nothing here is published to the internet.
def az_firewall(sub, rg, name, ti='Alert', policy=None):
    fid = rid(sub, rg, 'Microsoft.Network', 'azureFirewalls', name)
    p = {'provisioningState': 'Succeeded', 'sku': {'name': 'AZFW_VNet', 'tier': 'Premium' if policy else 'Standard'},
         'threatIntelMode': ti,
         'ipConfigurations': [{'name': 'fw-ipconfig', 'id': fid + '/ipConfigurations/fw-ipconfig',
                               'properties': {'provisioningState': 'Succeeded', 'privateIPAddress': '10.100.0.4',
                                              'subnet': {'id': rid(sub, rg, 'Microsoft.Network', 'virtualNetworks',
                                                                   'vnet-hub', 'subnets', 'AzureFirewallSubnet')}}}],
         'applicationRuleCollections': [], 'natRuleCollections': [], 'networkRuleCollections': [],
         'ipGroups': [], 'additionalProperties': {}}
    if policy:
        p['firewallPolicy'] = {'id': policy['id']}
    return add({'id': fid, 'name': name, 'type': 'Microsoft.Network/azureFirewalls', 'location': sub[2], 'zones': [],
                'tags': {'env': sub[1].split('-')[1].lower()}, 'properties': p})


def fw_policy(sub, rg, name, tier, ti, idps):
    p = {'provisioningState': 'Succeeded', 'sku': {'tier': tier}, 'threatIntelMode': ti,
         'threatIntelWhitelist': {'fqdns': [], 'ipAddresses': []}, 'ruleCollectionGroups': []}
    if idps:
        p['intrusionDetection'] = {'mode': idps, 'configuration': {'signatureOverrides': [], 'bypassTrafficSettings': []}}
    return add({'id': rid(sub, rg, 'Microsoft.Network', 'firewallPolicies', name), 'name': name,
                'type': 'Microsoft.Network/firewallPolicies', 'location': sub[2],
                'tags': {'env': sub[1].split('-')[1].lower()}, 'properties': p})


# shared hub: a Premium policy denying threat-intelligence matches and IDPS matches: passes AZA-NET-033, AZA-NET-034
az_firewall(SHARED, 'rg-network', 'fw-contoso-hub', policy=fw_policy(SHARED, 'rg-network', 'fwpol-contoso-hub', 'Premium', 'Deny', 'Deny'))
# prod: a Premium policy left in Alert mode for both: fails AZA-NET-033, AZA-NET-034
az_firewall(PROD, 'rg-network', 'fw-contoso-prod', policy=fw_policy(PROD, 'rg-network', 'fwpol-contoso-prod', 'Premium', 'Alert', 'Alert'))
# dev: classic rules, threat intelligence at its default (Alert): fails AZA-NET-033; a Standard policy
# nothing uses yet: AZA-NET-034 not applicable
az_firewall(DEV, 'rg-network', 'fw-contoso-dev', ti='Alert')
fw_policy(DEV, 'rg-network', 'fwpol-contoso-dev', 'Standard', 'Alert', None)
# ================================================================ end of the Azure Firewall section


# ================================================================ Front Door and its WAF policy
# (AZA-NET-035..037). Bodies follow the REST specs' Microsoft.Cdn 2024-09-01 examples (Profiles_Get,
# AFDEndpoints_Get, AFDCustomDomains_Get, SecurityPolicies_ListByProfile) and Microsoft.Network 2024-02-01
# WafPolicyGet; Resource Manager spells parts of these ids in lower case.
def afd_profile(sub, rg, name):
    return add({'id': rid(sub, rg, 'Microsoft.Cdn', 'profiles', name), 'name': name, 'type': 'Microsoft.Cdn/profiles',
                'location': 'global', 'tags': {'env': sub[1].split('-')[1].lower()}, 'sku': {'name': 'Premium_AzureFrontDoor'},
                'kind': 'frontdoor', 'properties': {'originResponseTimeoutSeconds': 60, 'provisioningState': 'Succeeded',
                                                    'resourceState': 'Active', 'frontDoorId': '5c1e0f3a-8d2b-4e6f-9a7c-1b3d5f7a9c0e'}})


def afd_endpoint(prof, name):
    return add({'id': prof['id'] + '/afdendpoints/' + name, 'name': name, 'type': 'Microsoft.Cdn/profiles/afdendpoints',
                'location': 'global', 'tags': {}, 'properties': {'hostName': name + '-b7c2d4e6f8a0b1c3.z01.azurefd.net',
                'enabledState': 'Enabled', 'provisioningState': 'Succeeded', 'deploymentStatus': 'NotStarted',
                'autoGeneratedDomainNameLabelScope': 'TenantReuse'}})


def afd_domain(prof, name, host):
    return add({'id': prof['id'] + '/customdomains/' + name, 'name': name, 'type': 'Microsoft.Cdn/profiles/customdomains',
                'properties': {'profileName': prof['name'], 'hostName': host,
                               'tlsSettings': {'certificateType': 'ManagedCertificate', 'minimumTlsVersion': 'TLS12'},
                               'domainValidationState': 'Approved', 'provisioningState': 'Succeeded',
                               'deploymentStatus': 'NotStarted'}})


def afd_waf_policy(sub, rg, name, mode='Prevention'):
    return add({'id': rid(sub, rg, 'Microsoft.Network', 'FrontDoorWebApplicationFirewallPolicies', name), 'name': name,
                'type': 'Microsoft.Network/frontdoorwebapplicationfirewallpolicies', 'location': 'Global',
                'tags': {'env': sub[1].split('-')[1].lower()}, 'sku': {'name': 'Premium_AzureFrontDoor'},
                'properties': {'resourceState': 'Enabled', 'provisioningState': 'Succeeded',
                               'policySettings': {'enabledState': 'Enabled', 'mode': mode, 'requestBodyCheck': 'Enabled'},
                               'customRules': {'rules': []},
                               'managedRules': {'managedRuleSets': [
                                   {'ruleSetType': 'Microsoft_DefaultRuleSet', 'ruleSetVersion': '2.1', 'ruleSetAction': 'Block',
                                    'exclusions': [], 'ruleGroupOverrides': []},
                                   {'ruleSetType': 'Microsoft_BotManagerRuleSet', 'ruleSetVersion': '1.1',
                                    'exclusions': [], 'ruleGroupOverrides': []}]},
                               'frontendEndpointLinks': [], 'securityPolicyLinks': []}})


def afd_security_policy(prof, name, waf, domains, routes=()):
    assoc = {'domains': [{'id': d['id']} for d in domains], 'patternsToMatch': ['/*']}
    if routes:  # associations[].routes, of newer api-versions (2026-04-01-preview)
        assoc['routes'] = [{'id': r['id']} for r in routes]
    return add({'id': prof['id'] + '/securitypolicies/' + name, 'name': name, 'type': 'Microsoft.Cdn/profiles/securitypolicies',
                'properties': {'parameters': {'type': 'WebApplicationFirewall', 'wafPolicy': {'id': waf['id']},
                                              'associations': [assoc]},
                               'deploymentStatus': 'NotStarted', 'provisioningState': 'Succeeded'}})


# Routes_ListByEndpoint (Microsoft.Cdn 2024-09-01): which domains an endpoint serves, its own default domain
# when linkToDefaultDomain is Enabled; Resource Manager spells the id's resourcegroups and afdendpoints so.
def afd_route(ep, name, domains, link):
    rid_ = ep['id'].replace('/resourceGroups/', '/resourcegroups/') + '/routes/' + name
    prof_id = ep['id'].rsplit('/afdendpoints/', 1)[0]
    return add({'id': rid_, 'name': name, 'type': 'Microsoft.Cdn/profiles/afdendpoints/routes',
                'properties': {'customDomains': [{'id': d['id']} for d in domains],
                               'originGroup': {'id': prof_id + '/originGroups/og-' + name}, 'originPath': None, 'ruleSets': [],
                               'supportedProtocols': ['Https', 'Http'], 'patternsToMatch': ['/*'],
                               'cacheConfiguration': None, 'forwardingProtocol': 'HttpsOnly', 'linkToDefaultDomain': link,
                               'httpsRedirect': 'Enabled', 'enabledState': 'Enabled', 'provisioningState': 'Succeeded',
                               'deploymentStatus': 'NotStarted'}})


# prod: the shop's Front Door; its security policy covers the endpoint and www.contoso.com (PASS AZA-NET-035),
# but shop.contoso.com, added later, was never associated (FAIL); the policy has the default rule set and bot
# protection (PASS AZA-NET-036, AZA-NET-037)
afd = afd_profile(PROD, 'rg-web', 'afd-contoso-prod')
afd_ep = afd_endpoint(afd, 'contoso-web')
afd_www = afd_domain(afd, 'www-contoso-com', 'www.contoso.com')
afd_shop = afd_domain(afd, 'shop-contoso-com', 'shop.contoso.com')
afd_security_policy(afd, 'sp-contoso-web', afd_waf_policy(PROD, 'rg-web', 'wafcontosoprod'), [afd_ep, afd_www])
afd_route(afd_ep, 'route-www', [afd_www], 'Enabled')
afd_route(afd_ep, 'route-shop', [afd_shop], 'Disabled')
# dev: its security policy names the dev route (associations[].routes) rather than the domains it serves:
# the endpoint's default domain and dev.contoso.com are covered through it, by a WAF policy left in Detection
# mode (FAIL AZA-NET-035 for both, naming the route)
afd_dev = afd_profile(DEV, 'rg-web', 'afd-contoso-dev')
afd_dev_ep = afd_endpoint(afd_dev, 'contoso-dev')
afd_dev_dom = afd_domain(afd_dev, 'dev-contoso-com', 'dev.contoso.com')
afd_security_policy(afd_dev, 'sp-contoso-dev', afd_waf_policy(DEV, 'rg-web', 'wafcontosodev', mode='Detection'), [],
                    routes=[afd_route(afd_dev_ep, 'route-dev', [afd_dev_dom], 'Enabled')])
# ================================================================ end of the Front Door section

for r in late:
    add(r)

# ---------------------------------------------------------------- policy exemptions (last: earlier ids stay)
# shaped after the REST specs' listPolicyExemptionsForSubscription example (2022-07-01-preview): the
# shared subscription waives the benchmark's disk encryption policy, so its disk encryption recommendations
# are off (FAIL AZA-DEF-021, naming the exemption); the other recommendations stay on
add({'properties': {'policyAssignmentId': f'{sid(SHARED)}/providers/Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn',
                    'policyDefinitionReferenceIds': ['diskEncryptionMonitoring'], 'exemptionCategory': 'Waiver',
                    'displayName': 'Shared services: disks encrypted by the platform team',
                    'description': 'Temporary waiver while the disks move to customer-managed keys',
                    'metadata': {'requestedBy': 'Platform team'}},
     'id': f'{sid(SHARED)}/providers/Microsoft.Authorization/policyExemptions/shared-disk-encryption',
     'type': 'Microsoft.Authorization/policyExemptions', 'name': 'shared-disk-encryption'})


# ================================================================ Application Gateways, VPN gateways, single servers
# (AZA-NET-009, -010, -012..015, -038, AZA-SQL-025/026). Added last so that the ids and addresses above stay.
# The REST specs' examples folder holds none of these types: the bodies follow the ApplicationGateway,
# ApplicationGatewayWebApplicationFirewallPolicy and VirtualNetworkGateway definitions of Microsoft.Network
# 2024-05-01 and the Server definition of the single servers (Microsoft.DBforPostgreSQL / DBforMySQL 2017-12-01).
def gw_public_ip(sub, rg, name, cfg_id):
    b = public_ip(sub, rg, name, cfg_id)
    b['sku'] = {'name': 'Standard', 'tier': 'Regional'}
    b['properties']['publicIPAllocationMethod'] = 'Static'
    b['properties']['ddosSettings'] = {'protectionMode': 'Enabled'}  # DDoS IP Protection, as the other addresses
    b['properties'].pop('ipTags', None)
    return b


def waf_policy(sub, rg, name, mode, body_check, bot):
    sets = [{'ruleSetType': 'OWASP', 'ruleSetVersion': '3.2', 'ruleGroupOverrides': []}]
    if bot:
        sets.append({'ruleSetType': 'Microsoft_BotManagerRuleSet', 'ruleSetVersion': '1.0', 'ruleGroupOverrides': []})
    return add({'id': rid(sub, rg, 'Microsoft.Network', 'ApplicationGatewayWebApplicationFirewallPolicies', name), 'name': name,
                'type': 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies', 'location': sub[2],
                'tags': {'env': sub[1].split('-')[1].lower()},
                'properties': {'provisioningState': 'Succeeded', 'resourceState': 'Enabled', 'customRules': [],
                               'policySettings': {'state': 'Enabled', 'mode': mode, 'requestBodyCheck': body_check,
                                                  'maxRequestBodySizeInKb': 128, 'fileUploadLimitInMb': 100,
                                                  'requestBodyInspectLimitInKB': 128, 'requestBodyEnforcement': True,
                                                  'fileUploadEnforcement': True},
                               'managedRules': {'exclusions': [], 'managedRuleSets': sets},
                               'applicationGateways': [], 'httpListeners': [], 'pathBasedRules': []}})


# One HTTPS listener on a public frontend, routed to an App Service backend (a host name, not a
# virtual machine: the exposure model has no endpoint behind it).
def app_gateway(sub, rg, name, waf, ssl_policy, http2, backend_host, tier='WAF_v2'):
    gid = rid(sub, rg, 'Microsoft.Network', 'applicationGateways', name)
    pip = gw_public_ip(sub, rg, 'pip-' + name, gid + '/frontendIPConfigurations/appGwPublicFrontendIp')

    def sub_(kind, n, props):
        return {'name': n, 'id': f'{gid}/{kind}/{n}', 'etag': 'W/"7d3c1a2b-4e5f-4a6b-8c7d-9e0f1a2b3c4d"',
                'properties': dict({'provisioningState': 'Succeeded'}, **props)}

    def ref(kind, n):
        return {'id': f'{gid}/{kind}/{n}'}
    p = {'provisioningState': 'Succeeded', 'resourceGuid': '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', 'operationalState': 'Running',
         'sku': {'name': tier, 'tier': tier, 'family': 'Generation_1'},
         'autoscaleConfiguration': {'minCapacity': 1, 'maxCapacity': 4},
         'sslPolicy': ssl_policy, 'enableHttp2': http2,
         'gatewayIPConfigurations': [sub_('gatewayIPConfigurations', 'appGatewayIpConfig',
                                          {'subnet': {'id': vnets[sub] + '/subnets/snet-legacy'}})],
         'frontendIPConfigurations': [sub_('frontendIPConfigurations', 'appGwPublicFrontendIp',
                                           {'privateIPAllocationMethod': 'Dynamic', 'publicIPAddress': {'id': pip['id']},
                                            'httpListeners': [ref('httpListeners', 'listener-https')]})],
         'frontendPorts': [sub_('frontendPorts', 'port_443', {'port': 443})],
         'sslCertificates': [sub_('sslCertificates', 'cert-web', {
             'keyVaultSecretId': 'https://kv-contoso-prod.vault.azure.net/secrets/cert-web'})],
         'backendAddressPools': [sub_('backendAddressPools', 'pool-web', {'backendAddresses': [{'fqdn': backend_host}]})],
         'backendHttpSettingsCollection': [sub_('backendHttpSettingsCollection', 'https-settings', {
             'port': 443, 'protocol': 'Https', 'cookieBasedAffinity': 'Disabled', 'requestTimeout': 30,
             'pickHostNameFromBackendAddress': True})],
         'httpListeners': [sub_('httpListeners', 'listener-https', {
             'frontendIPConfiguration': ref('frontendIPConfigurations', 'appGwPublicFrontendIp'),
             'frontendPort': ref('frontendPorts', 'port_443'), 'protocol': 'Https',
             'sslCertificate': ref('sslCertificates', 'cert-web'), 'hostNames': [], 'requireServerNameIndication': False})],
         'requestRoutingRules': [sub_('requestRoutingRules', 'rule-web', {
             'ruleType': 'Basic', 'priority': 100, 'httpListener': ref('httpListeners', 'listener-https'),
             'backendAddressPool': ref('backendAddressPools', 'pool-web'),
             'backendHttpSettings': ref('backendHttpSettingsCollection', 'https-settings')})],
         'probes': [], 'urlPathMaps': [], 'redirectConfigurations': [], 'rewriteRuleSets': [], 'sslProfiles': [],
         'trustedRootCertificates': [], 'trustedClientCertificates': [], 'privateLinkConfigurations': [],
         'privateEndpointConnections': []}
    if waf:
        p['firewallPolicy'] = {'id': waf['id']}
        waf['properties']['applicationGateways'] = [{'id': gid}]
    return add({'id': gid, 'name': name, 'type': 'Microsoft.Network/applicationGateways', 'location': sub[2],
                'tags': {'env': sub[1].split('-')[1].lower()}, 'zones': ['1', '2', '3'],
                'etag': 'W/"7d3c1a2b-4e5f-4a6b-8c7d-9e0f1a2b3c4d"', 'properties': p})


# prod: the shop's regional gateway, its policy blocking (Prevention), inspecting bodies and running the bot
# rule set, TLS 1.2 or later, HTTP/2: passes AZA-NET-010, -012..015 and -038
app_gateway(PROD, 'rg-web', 'agw-contoso-prod', waf_policy(PROD, 'rg-web', 'wafpol-contoso-prod', 'Prevention', True, True),
            {'policyType': 'Predefined', 'policyName': 'AppGwSslPolicy20220101'}, True, 'app-contoso-prod.azurewebsites.net')
# dev: a WAF that only logs (Detection), body inspection turned off after false positives, no bot rule set, the
# 2015 TLS policy (TLS 1.0) kept for an old test client, no HTTP/2: passes AZA-NET-010 (a WAF is there), fails
# AZA-NET-012..015 and -038
app_gateway(DEV, 'rg-web', 'agw-contoso-dev', waf_policy(DEV, 'rg-web', 'wafpol-contoso-dev', 'Detection', False, False),
            {'policyType': 'Predefined', 'policyName': 'AppGwSslPolicy20150501'}, False, 'app-contoso-dev.azurewebsites.net')
# shared: the internal tools' gateway, Standard_v2 (no WAF at all): fails AZA-NET-010 (AZA-NET-038 not
# applicable); a custom TLS policy with minimum TLSv1_2 and HTTP/2: passes AZA-NET-012 and -013
app_gateway(SHARED, 'rg-network', 'agw-contoso-shared', None,
            {'policyType': 'CustomV2', 'minProtocolVersion': 'TLSv1_2',
             'cipherSuites': ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256']},
            True, 'tools-contoso-shared.azurewebsites.net', tier='Standard_v2')


def vpn_gateway(sub, rg, name, client):
    gid = rid(sub, rg, 'Microsoft.Network', 'virtualNetworkGateways', name)
    pip = gw_public_ip(sub, rg, 'pip-' + name, gid + '/ipConfigurations/default')
    p = {'provisioningState': 'Succeeded', 'resourceGuid': '8a2c4e6f-1b3d-4f5a-9c7e-2d4f6a8b0c1e',
         'ipConfigurations': [{'name': 'default', 'id': gid + '/ipConfigurations/default',
                               'properties': {'provisioningState': 'Succeeded', 'privateIPAllocationMethod': 'Dynamic',
                                              'subnet': {'id': vnets[sub] + '/subnets/GatewaySubnet'},
                                              'publicIPAddress': {'id': pip['id']}}}],
         'gatewayType': 'Vpn', 'vpnType': 'RouteBased', 'vpnGatewayGeneration': 'Generation2', 'enableBgp': False,
         'activeActive': False, 'sku': {'name': 'VpnGw2AZ', 'tier': 'VpnGw2AZ', 'capacity': 2},
         'vpnClientConfiguration': client, 'natRules': [], 'enableBgpRouteTranslationForNat': False}
    return add({'id': gid, 'name': name, 'type': 'Microsoft.Network/virtualNetworkGateways', 'location': sub[2],
                'tags': {'env': sub[1].split('-')[1].lower()}, 'etag': 'W/"2b4d6f8a-0c1e-4a3b-8d5f-7a9c1e3b5d7f"',
                'properties': p})


# shared: point-to-site for the staff with Entra ID (OpenVPN, AAD only): passes AZA-NET-009
vpn_gateway(SHARED, 'rg-network', 'vgw-contoso-shared', {
    'vpnClientAddressPool': {'addressPrefixes': ['172.16.30.0/24']}, 'vpnClientProtocols': ['OpenVPN'],
    'vpnAuthenticationTypes': ['AAD'], 'vpnClientRootCertificates': [], 'vpnClientRevokedCertificates': [],
    'radiusServers': [], 'vpnClientIpsecPolicies': [],
    'aadTenant': f'https://login.microsoftonline.com/{TENANT}/', 'aadAudience': '41b23e61-6c1e-4545-b367-cd054e0ed4b4',
    'aadIssuer': f'https://sts.windows.net/{TENANT}/'})
# dev: the contractors' point-to-site with client certificates and the old RADIUS server: fails AZA-NET-009
vpn_gateway(DEV, 'rg-network', 'vgw-contoso-dev', {
    'vpnClientAddressPool': {'addressPrefixes': ['172.16.20.0/24']}, 'vpnClientProtocols': ['IkeV2', 'SSTP'],
    'vpnAuthenticationTypes': ['Certificate', 'Radius'],
    'vpnClientRootCertificates': [{'name': 'contoso-p2s-root',
                                   'id': rid(DEV, 'rg-network', 'Microsoft.Network', 'virtualNetworkGateways', 'vgw-contoso-dev',
                                             'vpnClientRootCertificates', 'contoso-p2s-root'),
                                   'properties': {'provisioningState': 'Succeeded',
                                                  'publicCertData': 'MIIC5zCCAc+gAwIBAgIQFSwsLuUrCIdHwI3hzJbdBjANBgkqhkiG9w0BAQsFADAW'}}],
    'vpnClientRevokedCertificates': [], 'vpnClientIpsecPolicies': [],
    'radiusServers': [{'radiusServerAddress': '10.20.3.10', 'radiusServerScore': 1}],
    'radiusServerAddress': '10.20.3.10'})


# Single servers (retired; still found in older estates), with the log parameters their rules read.
def single_server(sub, rg, prov, name, version, ssl, tls, conf=None):
    host = 'postgres' if 'PostgreSQL' in prov else 'mysql'
    s = add({'sku': {'name': 'GP_Gen5_2', 'tier': 'GeneralPurpose', 'family': 'Gen5', 'capacity': 2},
             'properties': {'administratorLogin': 'contosoadmin',
                            'storageProfile': {'storageMB': 131072, 'backupRetentionDays': 7, 'geoRedundantBackup': 'Disabled',
                                               'storageAutogrow': 'Enabled'},
                            'version': version, 'sslEnforcement': ssl, 'minimalTlsVersion': tls, 'userVisibleState': 'Ready',
                            'fullyQualifiedDomainName': f'{name}.{host}.database.azure.com',
                            'earliestRestoreDate': '2026-10-24T22:15:00+00:00', 'replicationRole': 'None',
                            'masterServerId': '', 'replicaCapacity': 5, 'infrastructureEncryption': 'Disabled',
                            'publicNetworkAccess': 'Enabled', 'privateEndpointConnections': []},
             'location': sub[2], 'tags': {'env': sub[1].split('-')[1].lower()},
             'id': rid(sub, rg, prov, 'servers', name), 'name': name, 'type': prov + '/servers'})
    for k, v in (conf or {}).items():
        add({'properties': {'value': v, 'description': f'{k} server parameter.', 'defaultValue': v,
                            'dataType': 'Boolean' if v in ('on', 'off') else 'Integer',
                            'allowedValues': 'on,off' if v in ('on', 'off') else '1-7', 'source': 'system-default'},
             'id': s['id'] + '/configurations/' + k, 'name': k, 'type': prov + '/servers/configurations'})
    return s


# prod: the reporting database not yet migrated, SSL enforced with TLS 1.2: passes AZA-SQL-025/026
single_server(PROD, 'rg-data', 'Microsoft.DBforPostgreSQL', 'psql-contoso-reporting', '11', 'Enabled', 'TLS1_2',
              {'log_checkpoints': 'on', 'log_connections': 'on', 'log_disconnections': 'on', 'connection_throttling': 'on',
               'log_retention_days': '7'})
# dev: an old MySQL 5.7 test server, SSL enforcement off (minimalTlsVersion then TLSEnforcementDisabled, as the
# service sets it): fails AZA-SQL-025/026
single_server(DEV, 'rg-web', 'Microsoft.DBforMySQL', 'mysql-contoso-legacy', '5.7', 'Disabled', 'TLSEnforcementDisabled')
# ================================================================ end of the gateways and single servers section


# ================================================================ coverage: network
# Resources that give the network rules the side the sections above left out (AZA-NET-005, -011, -022,
# -026, -028..032, -036, -037). Added after every other section so that the ids and addresses above stay.
# Bodies come from the builders above (NetworkSecurityGroupGet, SubnetGet, PublicIpAddressGet,
# NetworkInterfaceGet, NetworkWatcherFlowLogGet and the virtual machine examples; the Front Door builders).
def on_vnet(sub, vid, build, *a, **kw):
    """Builds a NIC (or a VM with its NIC) in virtual network vid rather than the subscription's main one."""
    main = vnets[sub]
    vnets[sub] = vid
    try:
        return build(*a, **kw)
    finally:
        vnets[sub] = main


# prod: the web tier's NSG flow log (created in 2024, before Azure stopped creating NSG flow logs), enabled and
# kept 90 days with traffic analytics: passes AZA-NET-005 and AZA-LOG-008 (the management NSG's, kept 30 days
# and without traffic analytics, fails both above)
flow_log(PROD, 'westeurope', 'fl-nsg-prod-web', nsgs[(PROD, 'web')]['id'], True, 90, True)

# dev: the platform team's Kubernetes lab, a single-node cluster on a VM in its own virtual network. The
# lab's subnet NSG admits SSH (22) and the Kubernetes API (6443) from the Internet for the engineers
# working from home: fails AZA-NET-026 (6443). The Docker daemon's TLS port is denied from the Internet at
# priority 105, before the Allow at 120 that an old how-to left: the Deny wins, so Docker is not admitted.
nsgs[(DEV, 'lab')] = nsg(DEV, 'rg-network', 'nsg-dev-lab', [
    ('AllowSshInbound', 100, 'Allow', 'Tcp', 'Internet', '22'),
    ('DenyDockerFromInternet', 105, 'Deny', 'Tcp', 'Internet', ['2375', '2376']),
    ('AllowKubeApiInbound', 110, 'Allow', 'Tcp', 'Internet', '6443'),
    ('AllowDockerTls', 120, 'Allow', 'Tcp', 'Internet', '2376'),  # shadowed by the Deny at 105
    ('DenyAllInbound', 4096, 'Deny', '*', '*', '*')])
# its virtual network: its one subnet has the NSG: passes AZA-NET-011; no DDoS Network Protection (fails
# AZA-NET-018, as vnet-dev does)
LAB_VNET = rid(DEV, 'rg-network', 'Microsoft.Network', 'virtualNetworks', 'vnet-dev-lab')
lab_snet = ex(NET + 'SubnetGet.json')
named(lab_snet, LAB_VNET + '/subnets/snet-lab', 'snet-lab', 'Microsoft.Network/virtualNetworks/subnets')
lab_snet['properties']['addressPrefix'] = '10.21.1.0/24'
lab_snet['properties']['networkSecurityGroup'] = {'id': nsgs[(DEV, 'lab')]['id']}
add({'id': LAB_VNET, 'name': 'vnet-dev-lab', 'type': 'Microsoft.Network/virtualNetworks', 'location': DEV[2],
     'properties': {'provisioningState': 'Succeeded', 'addressSpace': {'addressPrefixes': ['10.21.0.0/16']},
                    'subnets': [copy.deepcopy(lab_snet)], 'enableDdosProtection': False,
                    'virtualNetworkPeerings': []}})
add(lab_snet)
# the lab VM: a public IP on its NIC in snet-lab, whose NSG admits the Internet: fails AZA-NET-028 (SSH) and
# AZA-NET-032 (Kubernetes API); passes AZA-NET-029..031 (nothing else is admitted). Its address inherits DDoS
# protection from a virtual network that has none: fails AZA-NET-022
k8s = on_vnet(DEV, LAB_VNET, vm, DEV, 'rg-compute', 'vm-dev-k8s01', 'Linux', False, [AMA_L], 'snet-lab', public=True)
k8s_pip = next(r for r in resources if r['id'] == rid(DEV, 'rg-network', 'Microsoft.Network', 'publicIPAddresses', 'pip-vm-dev-k8s01'))
k8s_pip['properties']['ddosSettings'] = {'protectionMode': 'VirtualNetworkInherited'}

# dev: the ERP vendor's test server in snet-legacy (no subnet NSG). The vendor administers it over WinRM
# (HTTPS), reads its SQL Server and uploads files by FTP; its NIC NSG admits those from the Internet because
# the vendor's addresses change: fails AZA-NET-029 (5986), AZA-NET-030 (FTP 20-21) and AZA-NET-031 (1433);
# RDP is denied at priority 100 and SSH is never admitted (passes AZA-NET-028, AZA-NET-032)
nsgs[(DEV, 'erp')] = nsg(DEV, 'rg-network', 'nsg-dev-erp01', [
    ('DenyRdpFromInternet', 100, 'Deny', 'Tcp', 'Internet', '3389'),
    ('AllowVendorWinRmHttps', 110, 'Allow', 'Tcp', 'Internet', '5986'),
    ('AllowVendorSql', 120, 'Allow', 'Tcp', 'Internet', '1433'),
    ('AllowVendorFtp', 130, 'Allow', 'Tcp', 'Internet', ['20', '21']),
    ('DenyAllInbound', 4096, 'Deny', '*', '*', '*')])
vm(DEV, 'rg-compute', 'vm-dev-erp01', 'Windows', False, [AMA_W, AM], 'snet-legacy', 'erp', public=True)

# prod: the documentation site's Front Door on the Standard tier, whose WAF policy (Prevention) can take no
# managed rule sets, and has no custom rules yet: fails AZA-NET-036 (no default rule set) and AZA-NET-037 (no
# bot protection); its endpoint is behind the policy
afd_docs = afd_profile(PROD, 'rg-web', 'afd-contoso-docs')
afd_docs['sku'] = {'name': 'Standard_AzureFrontDoor'}
afd_docs_ep = afd_endpoint(afd_docs, 'contoso-docs')
waf_docs = afd_waf_policy(PROD, 'rg-web', 'wafcontosodocs')
waf_docs['sku'] = {'name': 'Standard_AzureFrontDoor'}
waf_docs['properties']['managedRules'] = {'managedRuleSets': []}
afd_security_policy(afd_docs, 'sp-contoso-docs', waf_docs, [afd_docs_ep])
afd_route(afd_docs_ep, 'route-docs', [], 'Enabled')
# ================================================================ end of the coverage: network section

# ================================================================ coverage: data, identity, logging
# Rules that had only one side on the sample get the other here. Added last so that the ids and addresses above
# stay. New objects are built with the functions above; a setting of an earlier object is changed (found by its id)
# only where no other rule reads it, and the comment says which rule it serves.
def existing(id_):
    for r in resources:
        if r['id'].lower() == id_.lower():
            return r
    sys.exit('generate.py: no resource %s' % id_)


# production's Databricks workspace has public access off and no Azure Databricks NSG rules, which Azure allows
# only with Private Link: its approved front-end endpoint (only AZA-DBX-011 reads it) passes AZA-DBX-011; dev's,
# public, keeps failing
dbw = existing(rid(PROD, 'rg-analytics', 'Microsoft.Databricks', 'workspaces', 'dbw-contoso-prod'))
dbw['properties']['privateEndpointConnections'] = svc_pe(dbw['id'], PROD, 'pe-dbw-contoso-prod')

# dev's Defender CSPM plan was put back on Free to save cost: fails AZA-DEF-001 (production and shared keep it on).
# No other rule reads dev's CloudPosture plan (AZA-DEF-015 reads only its AgentlessVmScanning extension, which it
# never had, so the Servers plan decides there as before)
cspm = existing(f'{sid(DEV)}/providers/Microsoft.Security/pricings/CloudPosture')
cspm['properties']['pricingTier'] = 'Free'
cspm['properties'].pop('enablementTime', None)
# production's Servers Plan 2 turns on file integrity monitoring: passes AZA-DEF-016 (dev's plan does not list
# it, shared's is Free: both fail); the other rules read the plan's other extensions
existing(f'{sid(PROD)}/providers/Microsoft.Security/pricings/VirtualMachines')['properties']['extensions'].append(
    {'name': 'FileIntegrityMonitoring', 'isEnabled': 'True'})

# dev exempts its machines and databases from parts of the benchmark assignment (shaped as the shared
# subscription's exemption above): the build and test machines are rebuilt every night from the hardened image,
# and the test databases hold synthetic data only. Their recommendations are off there: fails AZA-DEF-018, -019,
# -020 (machines) and AZA-DEF-023, -024 (databases), each naming its exemption; production and shared pass
for nm, cat, refs, title, why in (
        ('dev-rebuilt-machines', 'Mitigated',
         ['systemUpdatesMonitoring', 'systemUpdatesV2Monitoring', 'vmssSystemUpdatesMonitoring', 'systemConfigurationsMonitoring',
          'vmssOsVulnerabilitiesMonitoring', 'endpointProtectionMonitoring', 'installEndpointProtection',
          'vmssEndpointProtectionMonitoring'],
         'Dev: build and test machines rebuilt nightly', 'Rebuilt every night from the hardened golden image'),
        ('dev-synthetic-databases', 'Waiver', ['sqlServerAuditingMonitoring', 'sqlDbEncryptionMonitoring'],
         'Dev: test databases', 'Synthetic test data only')):
    add({'properties': {'policyAssignmentId': f'{sid(DEV)}/providers/Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn',
                        'policyDefinitionReferenceIds': refs, 'exemptionCategory': cat, 'displayName': title,
                        'description': why, 'metadata': {'requestedBy': 'Dev team'}},
         'id': f'{sid(DEV)}/providers/Microsoft.Authorization/policyExemptions/{nm}',
         'type': 'Microsoft.Authorization/policyExemptions', 'name': nm})

# Defender for Cloud's system update assessment (Azure Update Manager, key e1145ab1-...; ListAssessments' shape)
# on every machine: production's are up to date (PASS AZA-VM-005), dev's build and test machines miss critical
# updates (FAIL) and dev's app server is up to date (PASS)
for sub, vname, code in ((PROD, 'vm-prod-web01', 'Healthy'), (PROD, 'vm-prod-web02', 'Healthy'), (PROD, 'vm-prod-app01', 'Healthy'),
                         (PROD, 'vm-prod-jump01', 'Healthy'), (DEV, 'vm-dev-build01', 'Unhealthy'),
                         (DEV, 'vm-dev-test01', 'Unhealthy'), (DEV, 'vm-dev-app01', 'Healthy')):
    target = existing(rid(sub, 'rg-compute', 'Microsoft.Compute', 'virtualMachines', vname))['id']
    a = ex(SEC + 'stable/2021-06-01/examples/Assessments/ListAssessments_example.json')
    key = 'e1145ab1-eb4f-43d8-911b-36ddf771d13f'
    named(a, target + '/providers/Microsoft.Security/assessments/' + key, key, 'Microsoft.Security/assessments')
    a['properties']['resourceDetails']['id'] = target
    a['properties']['displayName'] = 'System updates should be installed on your machines (powered by Azure Update Manager)'
    a['properties']['status'] = {'code': code}
    add(a)

# Key Vault. production's application vault (RBAC) gives every key and secret an expiry: passes AZA-KV-001 and
# -003 (kv-contoso-prod keeps failing them). dev's build vault, still on access policies, has the pipeline create its
# signing key and registry token with an expiry: passes AZA-KV-002 (kv-contoso-dev and kv-contoso-shared fail)
kv = vault(PROD, 'rg-security', 'kv-contoso-prod-apps', True)
kv_item(kv, 'keys', 'app-signing', 45, 365, K1)
kv_item(kv, 'secrets', 'app-client-secret', 20, 180, S1)
kv_diag(kv, True)
kv_dataplane.append({'vault': kv['id'], 'keys': [kv_rotation(kv['name'], 'app-signing', True)],
                     'certificates': [kv_cert(kv['name'], 'apps', 12)]})
kv = vault(DEV, 'rg-security', 'kv-contoso-dev-build', False)
kv_item(kv, 'keys', 'build-signing', 100, 365, K1)
kv_item(kv, 'secrets', 'registry-token', 30, 90, S1)
kv_diag(kv, True)
kv_dataplane.append({'vault': kv['id'], 'keys': [kv_rotation(kv['name'], 'build-signing', True)], 'certificates': []})

# SQL: the shared server's threat detection policy (Disabled) names nobody: fails AZA-SQL-005 and -006, which
# alone read these two settings (production's and dev's servers mail the admins and secops: PASS)
al = existing(rid(SHARED, 'rg-data', 'Microsoft.Sql', 'servers', 'sql-contoso-shared') + '/securityAlertPolicies/Default')
al['properties'].update({'emailAccountAdmins': False, 'emailAddresses': []})
# dev's PostgreSQL flexible server: minimum TLS lowered to 1.1 for an old client and checkpoint logging off (both
# set by the user; only AZA-SQL-015 and -016 read them): fails AZA-SQL-015 and -016 (production passes)
for k, v in (('ssl_min_protocol_version', 'TLSv1.1'), ('log_checkpoints', 'off')):
    c = existing(rid(DEV, 'rg-data', 'Microsoft.DBforPostgreSQL', 'flexibleServers', 'psql-contoso-dev') + '/configurations/' + k)
    c['properties'].update({'value': v, 'source': 'user-override'})

# Service Bus: the shared integration namespace (Standard: no private endpoints) takes Entra ID only and TLS 1.2,
# but its network rule set admits every network (defaultAction Allow, the portal's 'All networks'): fails
# AZA-SBS-004 (production's and dev's pass)
rule_set(msg_ns(SHARED, 'rg-data', 'Microsoft.ServiceBus', 'sbns-contoso-shared', 'Standard', disableLocalAuth=True))

# Activity Log. production alerts on security policy changes, through its enabled action group: passes AZA-LOG-032
# (dev and shared have no such alert)
a = ex(ALERT)
nm = 'alert-security-policies-write'
named(a, rid(PROD, 'rg-monitor', 'microsoft.insights', 'activityLogAlerts', nm), nm, 'Microsoft.Insights/ActivityLogAlerts', 'Global')
a['properties']['scopes'] = [sid(PROD)]
a['properties']['condition']['allOf'] = [{'field': 'category', 'equals': 'Administrative'},
                                         {'field': 'operationName', 'equals': 'Microsoft.Security/policies/write'}]
a['properties']['actions']['actionGroups'] = [{'actionGroupId': action_group(PROD), 'webhookProperties': {}}]
a['properties']['description'] = 'Alert on Microsoft.Security/policies/write'
a['properties']['enabled'] = True
add(a)
# shared also sends its Administrative events (the same category, so the category rules are unchanged) to a SIEM
# vendor's pilot account, where anonymous access was allowed so the vendor's collector could read the container
# without a key: fails AZA-LOG-005 (production's one destination blocks anonymous access: PASS)
a = storage_account(SHARED, 'rg-monitor', 'stcontososiempilot', False, properties__allowBlobPublicAccess=True,
                    properties__publicNetworkAccess='Enabled', properties__networkAcls__defaultAction='Allow',
                    properties__privateEndpointConnections=[], properties__allowSharedKeyAccess=True,
                    properties__creationTime='2026-05-12T09:20:31.0000000Z')
blob_service(a)
file_service(a, True)
container(a, 'insights-activity-logs', 'Container')
for s in ('blob', 'queue', 'table'):
    logging(a, s)
d = ex(SUBDIAG)
named(d, f'{sid(SHARED)}/providers/Microsoft.Insights/diagnosticSettings/activitylog-siem-pilot', 'activitylog-siem-pilot',
      'Microsoft.Insights/diagnosticSettings')
d['properties'].update({'storageAccountId': a['id'], 'workspaceId': None, 'eventHubAuthorizationRuleId': None,
                        'logs': [{'category': 'Administrative', 'enabled': True}]})
add(d)
# (production's web NSG flow log, in the network section above, feeds traffic analytics: it passes
# AZA-LOG-008 too)
# ================================================================ end of the coverage: data, identity, logging section

# ================================================================ coverage: the rest
# The last rules that saw only one side on the sample get the other here (AZA-DBX-002, AZA-STG-022, AZA-SQL-027,
# AZA-LOG-004, -006, -040, AZA-NET-017, -018, AZA-IAM-015). Added after every other section so that the ids and
# addresses above stay; an earlier object is changed (found by its id) only where no other rule's verdict moves, and
# the comment says which rule it serves. Types without an example body beside the others follow the Azure REST API
# specification's examples named in each comment (their shape, with Contoso's ids and values).

# Databricks: production's workspace is injected into vnet-prod (snet-dbw-host and snet-dbw-container), subnets the
# network section never created. Both carry the workspace's NSG, nsg-prod-dbw (no rule admits the Internet; it
# passes the NSG port rules): passes AZA-DBX-002 (was UNKNOWN, the subnets not in the input). Bodies as SubnetGet
# (2024-05-01), delegated to Microsoft.Databricks/workspaces as VNet injection requires.
nsgs[(PROD, 'dbw')] = nsg(PROD, 'rg-network', 'nsg-prod-dbw', [])
VNET_PROD = existing(vnets[PROD])
for sn, pfx, ng in (('snet-dbw-host', '10.10.4.0/24', nsgs[(PROD, 'dbw')]['id']),
                    ('snet-dbw-container', '10.10.5.0/24', nsgs[(PROD, 'dbw')]['id']),
                    # the Bastion host's subnet (below; the web NSG already admits SSH from 10.10.250.0/26). It has
                    # no NSG: AZA-NET-011 now names it beside snet-legacy (vnet-prod fails as before)
                    ('AzureBastionSubnet', '10.10.250.0/26', None)):
    s = ex(NET + 'SubnetGet.json')
    named(s, vnets[PROD] + '/subnets/' + sn, sn, 'Microsoft.Network/virtualNetworks/subnets')
    s['properties']['addressPrefix'] = pfx
    if ng:
        s['properties']['networkSecurityGroup'] = {'id': ng}
        s['properties']['delegations'] = [{'name': 'databricks-del', 'id': s['id'] + '/delegations/databricks-del',
                                           'properties': {'serviceName': 'Microsoft.Databricks/workspaces'}}]
    VNET_PROD['properties']['subnets'].append(copy.deepcopy(s))
    add(s)
# (AZA-DBX-002 keeps no FAIL: dev's workspace is not VNet-injected, and Azure Databricks attaches an NSG to each
# injected subnet when it creates the workspace (Microsoft Learn, intra-VNet NSG rule hardening), so an injected
# workspace without one is not credible)

# Network: production's Bastion host (BastionHostGet, 2024-05-01) in AzureBastionSubnet, Standard SKU, with its own
# Standard static public IP: passes AZA-NET-017 (dev and shared have none and keep failing; their admins go
# through production's jump host or the VPN)
BAS = rid(PROD, 'rg-network', 'Microsoft.Network', 'bastionHosts', 'bas-contoso-prod')
bas_pip = gw_public_ip(PROD, 'rg-network', 'pip-bas-contoso-prod', BAS + '/bastionHostIpConfigurations/IpConf')
add({'name': 'bas-contoso-prod', 'id': BAS, 'type': 'Microsoft.Network/bastionHosts',
     'etag': 'W/"5d7f9b1c-3e5a-4c7e-9a1b-3c5e7a9b1d3f"', 'location': PROD[2], 'tags': {'env': 'prod'},
     'sku': {'name': 'Standard'}, 'zones': [],
     'properties': {'provisioningState': 'Succeeded', 'dnsName': 'bst-3c1e5a7b-9d2f-4e6a-8b0c-2d4f6a8c0e1b.bastion.azure.com',
                    'scaleUnits': 2, 'disableCopyPaste': False, 'enableTunneling': True, 'enableIpConnect': False,
                    'enableShareableLink': False, 'enableKerberos': False, 'enableSessionRecording': False,
                    'enablePrivateOnlyBastion': False,
                    'ipConfigurations': [{'name': 'IpConf', 'id': BAS + '/bastionHostIpConfigurations/IpConf',
                                          'etag': 'W/"5d7f9b1c-3e5a-4c7e-9a1b-3c5e7a9b1d3f"',
                                          'type': 'Microsoft.Network/bastionHosts/bastionHostIpConfigurations',
                                          'properties': {'provisioningState': 'Succeeded', 'privateIPAllocationMethod': 'Dynamic',
                                                         'subnet': {'id': vnets[PROD] + '/subnets/AzureBastionSubnet'},
                                                         'publicIPAddress': {'id': bas_pip['id']}}}]}})
# production's DDoS Network Protection plan (DdosProtectionPlanGet, 2024-05-01). vnet-prod had
# enableDdosProtection on with no plan linked (AZA-NET-018 FAIL); it now names the plan: passes AZA-NET-018 (dev's,
# dev's lab and shared's networks keep failing). Its public IPs use DDoS IP Protection, which AZA-NET-022 reads
# before the network (unchanged).
DDOS = rid(PROD, 'rg-network', 'Microsoft.Network', 'ddosProtectionPlans', 'ddos-contoso-prod')
add({'name': 'ddos-contoso-prod', 'id': DDOS, 'type': 'Microsoft.Network/ddosProtectionPlans', 'location': PROD[2],
     'tags': {'env': 'prod'},
     'properties': {'provisioningState': 'Succeeded', 'resourceGuid': '0e2c4a6b-8d1f-4b3e-9c5a-7e9b1d3f5a7c',
                    'publicIPAddresses': [], 'virtualNetworks': [{'id': vnets[PROD]}]}})
VNET_PROD['properties']['ddosProtectionPlan'] = {'id': DDOS}

# Storage: the shared HR file shares are marked mission-critical, but a premium FileStorage account offers only
# LRS and ZRS (no geo-redundancy): fails AZA-STG-022 (the critical GRS accounts pass). Its tag also brings it under
# AZA-KV-014, which it fails (no lock on it or on shared's rg-data)
existing(rid(SHARED, 'rg-data', 'Microsoft.Storage', 'storageAccounts', 'stcontososhrfiles'))['tags']['criticality'] = 'high'

# Databases marked mission-critical (AZA-KV-014 reads the SQL server and flexible servers, not these): the shop's
# application database, backed up geo-redundantly (requestedBackupStorageRedundancy Geo): passes AZA-SQL-027; the
# reporting single server not yet migrated, created with locally redundant backups (geoRedundantBackup Disabled, which
# a single server cannot change after creation): fails AZA-SQL-027
existing(rid(PROD, 'rg-data', 'Microsoft.Sql', 'servers', 'sql-contoso-prod') + '/databases/appdb')['tags'] = {
    'env': 'prod', 'criticality': 'high'}
existing(rid(PROD, 'rg-data', 'Microsoft.DBforPostgreSQL', 'servers', 'psql-contoso-reporting'))['tags']['criticality'] = 'high'

# Activity log archive. stcontosoactivitylog (production's only export destination, shared's first) is now encrypted
# with a customer-managed key in the shared vault (encryption as the Microsoft.Keyvault account of StorageAccountList,
# 2023-05-01; a system-assigned identity reads the key): passes AZA-LOG-006 for production; shared also exports to
# the SIEM pilot account (Microsoft-managed keys) and keeps failing. No other rule reads keySource.
a = existing(rid(SHARED, 'rg-monitor', 'Microsoft.Storage', 'storageAccounts', 'stcontosoactivitylog'))
a['identity'] = {'type': 'SystemAssigned', 'principalId': '7c9e1a3b-5d7f-4a9c-8e1b-3d5f7a9c1e3b', 'tenantId': TENANT}
a['properties']['encryption'].update({
    'keySource': 'Microsoft.Keyvault',
    'keyvaultproperties': {'keyvaulturi': 'https://kv-contoso-shared.vault.azure.net', 'keyname': 'st-activitylog-cmk',
                           'keyversion': '',
                           'currentVersionedKeyIdentifier': 'https://kv-contoso-shared.vault.azure.net/keys/st-activitylog-cmk/3b5d7f9a1c2e4b6d8f0a2c4e6b8d0f1a',
                           'lastKeyRotationTimestamp': '2026-08-03T09:14:27.5120000Z'}})
# its lifecycle management policy (StorageAccountGetManagementPolicy, 2023-05-01) deletes the activity log's append
# blobs two years after they were written: passes AZA-LOG-004 for production and shared (production's workspace is
# still not in the input; the SIEM pilot account has no policy, so keeps its blobs). Dev exports nothing: FAIL
add({'id': a['id'] + '/managementPolicies/default', 'name': 'DefaultManagementPolicy',
     'type': 'Microsoft.Storage/storageAccounts/managementPolicies',
     'properties': {'policy': {'rules': [{'enabled': True, 'name': 'activity-log-two-years', 'type': 'Lifecycle',
                                          'definition': {'filters': {'blobTypes': ['appendBlob'],
                                                                     'prefixMatch': ['insights-activity-logs']},
                                                         'actions': {'baseBlob': {'delete': {'daysAfterModificationGreaterThan': 730}}}}}]},
                    'lastModifiedTime': '2026-03-18T10:42:05.3310000Z'}})

# Application Insights: the shop's web app reports to a workspace-based component (ComponentsGet, 2020-02-02):
# passes AZA-LOG-040 for production (dev and shared have none and keep failing)
add({'id': rid(PROD, 'rg-web', 'Microsoft.Insights', 'components', 'appi-contoso-prod'), 'name': 'appi-contoso-prod',
     'type': 'Microsoft.Insights/components', 'location': PROD[2], 'tags': {'env': 'prod'}, 'kind': 'web',
     'properties': {'ApplicationId': 'appi-contoso-prod', 'AppId': '5e7a9c1b-3d5f-4b7a-9c1e-3f5a7b9d1c3e',
                    'Application_Type': 'web', 'Flow_Type': 'Bluefield', 'Request_Source': 'rest',
                    'InstrumentationKey': '9a1c3e5b-7d9f-4a1c-8e3b-5d7f9a1c3e5b', 'CreationDate': '2025-02-17T13:22:41.1180000+00:00',
                    'TenantId': PROD[0], 'HockeyAppId': '', 'HockeyAppToken': '', 'provisioningState': 'Succeeded',
                    'SamplingPercentage': 100.0, 'WorkspaceResourceId': la_workspace(PROD),
                    'ConnectionString': 'InstrumentationKey=9a1c3e5b-7d9f-4a1c-8e3b-5d7f9a1c3e5b',
                    'DisableIpMasking': False, 'publicNetworkAccessForQuery': 'Enabled',
                    'publicNetworkAccessForIngestion': 'Enabled', 'IngestionMode': 'LogAnalytics'}})

# Policy: production defines and assigns a deny on custom roles whose actions include '*' (getPolicyDefinition
# shape, 2023-04-01; the assignment as the others above): mode All, type equals roleDefinitions, narrowed only by a
# count of permissions[*].actions[*] equal to '*', effect from a parameter defaulting to Deny, enforced: passes
# AZA-IAM-015 (dev and shared have no such assignment and keep failing)
PDEF = f'{sid(PROD)}/providers/Microsoft.Authorization/policyDefinitions/deny-custom-owner-roles'
ACTIONS = 'Microsoft.Authorization/roleDefinitions/permissions[*].actions[*]'
add({'properties': {'mode': 'All', 'displayName': 'Deny custom roles with all actions',
                    'description': "Custom roles may not grant '*' (owner-equivalent)", 'metadata': {'category': 'General'},
                    'version': '1.0.0', 'versions': ['1.0.0'],
                    'policyRule': {'if': {'allOf': [{'field': 'type', 'equals': 'Microsoft.Authorization/roleDefinitions'},
                                                    {'count': {'field': ACTIONS, 'where': {'field': ACTIONS, 'equals': '*'}},
                                                     'greater': 0}]},
                                   'then': {'effect': "[parameters('effect')]"}},
                    'parameters': {'effect': {'type': 'String', 'allowedValues': ['Deny', 'Audit', 'Disabled'],
                                              'defaultValue': 'Deny',
                                              'metadata': {'displayName': 'Effect', 'description': 'Deny, Audit or Disabled'}}},
                    'policyType': 'Custom'},
     'id': PDEF, 'type': 'Microsoft.Authorization/policyDefinitions', 'name': 'deny-custom-owner-roles'})
p = ex(POL)
named(p, f'{sid(PROD)}/providers/Microsoft.Authorization/policyAssignments/deny-custom-owner-roles',
      'deny-custom-owner-roles', 'Microsoft.Authorization/policyAssignments')
p['properties'].update({'displayName': 'Deny custom roles with all actions', 'description': 'Owner stays a built-in role',
                        'policyDefinitionId': PDEF, 'metadata': {'assignedBy': 'Platform team'}, 'parameters': {},
                        'enforcementMode': 'Default', 'scope': sid(PROD), 'notScopes': []})
add(p)

# SQL managed instances (bodies in the shapes of the Microsoft.Sql stable 2023-08-01 examples: ManagedInstanceGet,
# ManagedInstanceAdministratorGet, ManagedInstanceAzureADOnlyAuthCreateOrUpdate, ManagedInstanceEncryptionProtector-
# CreateOrUpdateKeyVault/-ServiceManaged, ManagedServerSecurityAlertGet; the shared examples hold none). Production's
# instance keeps its public data endpoint off, requires TLS 1.2, has an Entra ID administrator with Entra-only
# authentication, a Key Vault TDE protector and advanced threat protection Enabled: passes AZA-SQL-028..033. Dev's
# instance was created without a minimal TLS version (as ManagedInstanceCreateMin answers) and opened its public
# endpoint for a reporting tool; it has no Entra ID administrator (Entra-only authentication false), a
# service-managed protector, and threat protection Disabled with dev's SqlServers plan Free: fails AZA-SQL-028..033.
def managed_instance(sub, name, good):
    mi = rid(sub, 'rg-data', 'Microsoft.Sql', 'managedInstances', name)
    props = {'fullyQualifiedDomainName': f'{name}.3c5e7a9b1d2f.database.windows.net', 'administratorLogin': 'miadmin',
             'subnetId': vnets[sub] + '/subnets/snet-sqlmi',
             'state': 'Ready', 'provisioningState': 'Succeeded', 'vCores': 8, 'storageSizeInGB': 256,
             'licenseType': 'BasePrice', 'collation': 'SQL_Latin1_General_CP1_CI_AS',
             'publicDataEndpointEnabled': not good, 'proxyOverride': 'Redirect', 'dnsZone': '3c5e7a9b1d2f',
             'currentBackupStorageRedundancy': 'Geo', 'requestedBackupStorageRedundancy': 'Geo'}
    if good:
        props['minimalTlsVersion'] = '1.2'
    add({'sku': {'name': 'GP_Gen5', 'tier': 'GeneralPurpose', 'capacity': 8, 'family': 'Gen5'}, 'properties': props,
         'location': sub[2], 'tags': {'env': sub[1].split('-')[1].lower()}, 'id': mi, 'name': name,
         'type': 'Microsoft.Sql/managedInstances'})
    if good:
        add({'id': mi + '/administrators/ActiveDirectory', 'name': 'ActiveDirectory',
             'properties': {'administratorType': 'ActiveDirectory', 'login': 'sql-admins@contoso.com',
                            'sid': '2d4f6a8c-0e1b-4c3d-9f5a-7b9d1f3a5c7e', 'tenantId': TENANT},
             'type': 'Microsoft.Sql/managedInstances/administrators'})
    add({'id': mi + '/azureADOnlyAuthentications/Default', 'name': 'Default',
         'type': 'Microsoft.Sql/managedInstances/azureADOnlyAuthentications',
         'properties': {'azureADOnlyAuthentication': bool(good)}})
    add({'id': mi + '/encryptionProtector/current', 'name': 'current',
         'type': 'Microsoft.Sql/managedInstances/encryptionProtector',
         'kind': 'azurekeyvault' if good else 'servicemanaged',
         'properties': ({'serverKeyName': 'kv-contoso-prod_sqlmi-tde_4b6d8f0a2c4e6b8d0f1a3c5e7b9d1f3a',
                         'serverKeyType': 'AzureKeyVault', 'autoRotationEnabled': True} if good else
                        {'serverKeyName': 'ServiceManaged', 'serverKeyType': 'ServiceManaged'})})
    add({'id': mi + '/advancedThreatProtectionSettings/Default', 'name': 'Default',
         'type': 'Microsoft.Sql/managedInstances/advancedThreatProtectionSettings',
         'properties': {'state': 'Enabled' if good else 'Disabled', 'creationTime': '2025-11-04T09:12:44.1200000Z'}})
    add({'id': mi + '/securityAlertPolicies/Default', 'name': 'Default',
         'type': 'Microsoft.Sql/managedInstances/securityAlertPolicies',
         'properties': {'state': 'Enabled' if good else 'Disabled', 'emailAccountAdmins': True,
                        'emailAddresses': ['secops@contoso.com'] if good else [''], 'disabledAlerts': [''],
                        'retentionDays': 0, 'storageAccountAccessKey': '', 'storageEndpoint': '',
                        'creationTime': '2025-11-04T09:12:44.1200000Z'}})


managed_instance(PROD, 'sqlmi-contoso-prod', True)
managed_instance(DEV, 'sqlmi-contoso-dev', False)

# Left one-sided on purpose. AZA-DEF-034: a full secure score with no unhealthy recommendation would contradict the
# failing findings every subscription has here. AZA-KV-006: since February 2025 Azure enables soft delete on every
# vault and it cannot be turned off, so a 2026 vault without it is not credible. AZA-VM-007: unmanaged disks were
# retired on 30 September 2025 (VMs using them can no longer start), so the running estate has none.
# ================================================================ end of the coverage: the rest section
types = sorted({r['type'] if r.get('type') else '' for r in resources} - {''}, key=str.lower)
DATASETS = sorted(set(t for t in types) | {
    'Microsoft.Storage/storageAccounts/blobServices', 'Microsoft.Storage/storageAccounts/fileServices',
    'Microsoft.Storage/storageAccounts/queueServices', 'Microsoft.Storage/storageAccounts/tableServices',
    'Microsoft.Sql/servers/auditingSettings', 'Microsoft.Insights/diagnosticSettings',
    'Microsoft.Insights/activityLogAlerts', 'Microsoft.Authorization/locks', 'Microsoft.KeyVault/vaults/keys',
    'Microsoft.KeyVault/vaults/secrets', 'Microsoft.Web/sites/config', 'Microsoft.Compute/virtualMachines/extensions',
    'Microsoft.Network/networkWatchers/flowLogs', 'Microsoft.Sql/servers/databases/transparentDataEncryption',
    # the vaults', clusters', Databricks workspaces' and HSMs' own diagnostic
    # settings were read (the type alone comes from the subscriptions' settings too)
    'Microsoft.KeyVault/vaults/providers/Microsoft.Insights/diagnosticSettings',
    'Microsoft.ContainerService/managedClusters/providers/Microsoft.Insights/diagnosticSettings',
    'Microsoft.Databricks/workspaces/providers/Microsoft.Insights/diagnosticSettings',
    'Microsoft.KeyVault/managedHSMs/providers/Microsoft.Insights/diagnosticSettings',
    # collected, and the tenant has none
    'Microsoft.Network/bastionHosts', 'Microsoft.Insights/components', 'Microsoft.Network/ddosProtectionPlans',
    # PIM for Azure resources (Entra ID P2): read at each subscription, no eligible assignment there (the
    # eligible roles are directory roles, above)
    'Microsoft.Authorization/roleEligibilityScheduleInstances',
}, key=str.lower)
# normalise type spellings for meta.datasets (ids decide the real types)
DATASETS = sorted({d for d in DATASETS if d.lower() != 'microsoft.insights/activitylogalerts'} |
                  {'Microsoft.Insights/activityLogAlerts'}, key=str.lower)
DATASETS = [d for d in DATASETS if not d.lower().startswith('microsoft.operationalinsights')]

snapshot = {
    'snapshot_version': '1.0',
    'meta': {
        'tenant_id': TENANT,
        'collected_at': '2026-10-31T22:15:00Z',
        'method': 'collector',
        'tool': 'azaudit collect 0.1.0',
        'subscriptions': [{'id': s[0], 'name': s[1]} for s in SUBS],
        'datasets': DATASETS + ['users', 'userRegistrationDetails', 'authorizationPolicy', 'conditionalAccessPolicies',
                                'identitySecurityDefaultsEnforcementPolicy', 'directoryRoleAssignments',
                                'directoryRoleEligibilityScheduleInstances', 'groupSettings', 'groupMembers', 'groupEligibility',
                                'storage.dataplane'],
    },
    'resources': resources,
    'directory': directory,
    'dataplane': {'storage': dataplane, 'keyvault': kv_dataplane},
    'errors': errors,
}

out = write_snapshot(HERE, snapshot)
print('%s: %d resources, %d types, %d users' % (out, len(resources), len(types), len(users)))
