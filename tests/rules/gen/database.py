import sys; import os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *
import json

# Bodies follow the Azure REST API examples (Microsoft.Sql 2023-08-01,
# DBforPostgreSQL flexible 2024-08-01, DBforMySQL flexible 2023-12-30).
SQL = 'Microsoft.Sql/servers'
PG = 'Microsoft.DBforPostgreSQL/flexibleServers'
PGS = 'Microsoft.DBforPostgreSQL/servers'
MY = 'Microsoft.DBforMySQL/flexibleServers'
MYS = 'Microsoft.DBforMySQL/servers'

def server(name, **kv):
    s = {"tags": {"env": "prod"}, "id": rid('rg-db', 'Microsoft.Sql', 'servers', name), "name": name, "type": SQL,
         "location": "westeurope", "kind": "v12.0",
         "properties": {"fullyQualifiedDomainName": f"{name}.database.windows.net", "administratorLogin": "dummylogin",
                        "version": "12.0", "state": "Ready", "workspaceFeature": "Connected",
                        "publicNetworkAccess": "Disabled", "minimalTlsVersion": "1.2",
                        "restrictOutboundNetworkAccess": "Enabled", "privateEndpointConnections": []}}
    return mod(s, **kv)

def child(srv, kind, name, props, typ=None, **extra):
    c = {"id": srv["id"] + f"/{kind}/{name}", "name": name, "type": typ or (srv["type"] + "/" + kind), "properties": props}
    c.update(extra)
    return c

def auditing(srv, **kv):
    p = {"state": "Enabled", "storageEndpoint": "https://auditstg.blob.core.windows.net", "retentionDays": 90,
         "auditActionsAndGroups": ["SUCCESSFUL_DATABASE_AUTHENTICATION_GROUP", "FAILED_DATABASE_AUTHENTICATION_GROUP", "BATCH_COMPLETED_GROUP"],
         "storageAccountSubscriptionId": "00000000-0000-0000-0000-000000000000", "isStorageSecondaryKeyInUse": False,
         "isAzureMonitorTargetEnabled": False, "isManagedIdentityInUse": False}
    p.update(kv)
    return child(srv, 'auditingSettings', 'default', p)

def alerts(srv, **kv):
    p = {"state": "Enabled", "creationTime": "2020-04-03T04:41:33.937Z", "emailAccountAdmins": True,
         "emailAddresses": ["test@consoto.com;user@consoto.com"], "disabledAlerts": [""], "retentionDays": 0,
         "storageEndpoint": "https://mystorage.blob.core.windows.net"}
    p.update(kv)
    return child(srv, 'securityAlertPolicies', 'Default', p)

def atp(srv, state):
    return child(srv, 'advancedThreatProtectionSettings', 'Default', {"state": state, "creationTime": "2022-04-03T04:41:33.937Z"})

def admin(srv, only=True):
    return child(srv, 'administrators', 'ActiveDirectory', {"administratorType": "ActiveDirectory", "login": "bob@contoso.com",
                 "sid": "c6b82b90-a647-49cb-8a62-0d2d3cb7ac7c", "tenantId": "c6b82b90-a647-49cb-8a62-0d2d3cb7ac7c",
                 "azureADOnlyAuthentication": only})

def protector(srv, kt):
    p = {"serverKeyName": "ServiceManaged" if kt == "ServiceManaged" else "kv_key_v1", "serverKeyType": kt, "autoRotationEnabled": False}
    return child(srv, 'encryptionProtector', 'current', p)

def va(srv, on):
    return child(srv, 'vulnerabilityAssessments', 'default', {"recurringScans": {"isEnabled": on, "emailSubscriptionAdmins": True, "emails": ["email1@mail.com"]}})

def db(srv, name, **kv):
    d = {"id": srv["id"] + f"/databases/{name}", "name": name, "type": SQL + "/databases", "location": "westeurope",
         "sku": {"name": "S0", "tier": "Standard"}, "kind": "v12.0,user",
         "properties": {"collation": "SQL_Latin1_General_CP1_CI_AS", "status": "Online", "requestedBackupStorageRedundancy": "Geo",
                        "currentBackupStorageRedundancy": "Geo"}}
    return mod(d, **kv)

def tde(d, state):
    return {"id": d["id"] + "/transparentDataEncryption/current", "name": "current",
            "type": SQL + "/databases/transparentDataEncryption", "properties": {"state": state}}

def bare(o):
    o = json.loads(json.dumps(o)); del o["properties"]; return o

def err(scope, typ, status=403, msg="AuthorizationFailed"):
    return [{"scope": scope, "type": typ, "api": "GET " + typ.split('/')[-1], "status": status, "message": msg}]

# ---- SQL server settings rules ----
def settings_rule(rule, ctype, make_ok, make_bad, passmsg, failmsg, extra_ds=(), unkval=None):
    ds = [SQL, ctype] + list(extra_ds)
    a = server('sqlok'); b = server('sqlbad'); u = server('sqlunk')
    case(rule, 'pass', snapshot([a, make_ok(a)], datasets=ds), f"PASS sqlok ~ {passmsg}")
    case(rule, 'fail', snapshot([b, make_bad(b)], datasets=ds), f"FAIL sqlbad ~ {failmsg}")
    case(rule, 'unknown', snapshot([u], datasets=[SQL]), "UNKNOWN sqlunk ~ not collected")
    case(rule, 'unknown-error', snapshot([u], datasets=ds, errors=err(u["id"], ctype)), "UNKNOWN sqlunk ~ HTTP 403")
    case(rule, 'unknown-noprops', snapshot([bare(server('sqlbare'))]), "UNKNOWN sqlbare ~ no \"properties\"")
    if unkval is not None:
        case(rule, 'unknown-value', snapshot([u, unkval(u)], datasets=ds), "UNKNOWN sqlunk")

AUD = SQL + '/auditingSettings'
settings_rule('AZA-SQL-001', AUD, lambda s: auditing(s), lambda s: auditing(s, state="Disabled", storageEndpoint="", retentionDays=0),
              'state is Enabled', 'state is Disabled', unkval=lambda s: auditing(s, state=1))
case('AZA-SQL-001', 'unknown-missing', snapshot([server('sqlunk')], datasets=[SQL, AUD]), "UNKNOWN sqlunk ~ no auditingSettings object")

settings_rule('AZA-SQL-002', AUD, lambda s: auditing(s), lambda s: auditing(s, retentionDays=30), 'is 90', 'less than 90',
              unkval=lambda s: auditing(s, storageEndpoint="", isAzureMonitorTargetEnabled=True))
a = server('sqlok'); b = server('sqlbad')
case('AZA-SQL-002', 'pass-unlimited', snapshot([a, auditing(a, retentionDays=0)], datasets=[SQL, AUD]), "PASS sqlok ~ without limit")
case('AZA-SQL-002', 'fail-disabled', snapshot([b, auditing(b, state="Disabled")], datasets=[SQL, AUD]), "FAIL sqlbad ~ Disabled")
# a state that is neither Enabled nor Disabled is not evidence of anything
case('AZA-SQL-002', 'unknown-state', snapshot([server('sqlunk'), auditing(server('sqlunk'), state="Paused")], datasets=[SQL, AUD]),
     "UNKNOWN sqlunk ~ state has an unexpected value 'Paused'")
case('AZA-SQL-002', 'fail-config', snapshot([b, auditing(b, retentionDays=120)], datasets=[SQL, AUD]), "FAIL sqlbad ~ less than 180")
open(ROOT + '/AZA-SQL-002/fail-config.config.json', 'w').write(json.dumps({"sql_audit_retention_days": 180}) + "\n")

ATP = SQL + '/advancedThreatProtectionSettings'
SAP = SQL + '/securityAlertPolicies'
PRICE = 'Microsoft.Security/pricings'
settings_rule('AZA-SQL-003', ATP, lambda s: atp(s, "Enabled"), lambda s: atp(s, "Disabled"), 'Enabled', 'Disabled',
              extra_ds=[SAP, PRICE], unkval=lambda s: atp(s, True))
def pricing(tier):
    return {"id": f"/subscriptions/{SUB}/providers/Microsoft.Security/pricings/SqlServers", "name": "SqlServers",
            "type": PRICE, "properties": {"pricingTier": tier, "freeTrialRemainingTime": "P0D"}}
a = server('sqlok')
case('AZA-SQL-003', 'pass-legacy', snapshot([a, atp(a, "Disabled"), alerts(a)], datasets=[SQL, ATP, SAP]), "PASS sqlok ~ securityAlertPolicies state is Enabled")
b = server('sqlbad')
# Without the subscription's plans a Standard SqlServers plan may protect the
# server whatever its own setting says: no verdict.
u = server('sqlunk')
case('AZA-SQL-003', 'unknown-noplans', snapshot([u, atp(u, "Disabled")], datasets=[SQL, ATP, SAP]), "UNKNOWN sqlunk ~ Defender plans are unknown")
def sql_template(name, *kids):
    res = [{"type": SQL, "apiVersion": "2023-08-01", "name": name, "location": "westeurope",
            "properties": {"administratorLogin": "sqladmin", "minimalTlsVersion": "1.2", "publicNetworkAccess": "Disabled"}}]
    for t, n, props in kids:
        res.append({"type": SQL + "/" + t, "apiVersion": "2023-08-01", "name": f"{name}/{n}",
                    "dependsOn": [f"[resourceId('{SQL}', '{name}')]"], "properties": props})
    return {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
            "resources": res}
# a template does not hold the subscription's plans either
case('AZA-SQL-003', 'unknown-template-noplans', sql_template('sqltpl', ('advancedThreatProtectionSettings', 'Default', {"state": "Disabled"})),
     "UNKNOWN sqltpl ~ template does not hold the subscription's Defender plans")
case('AZA-SQL-003', 'fail-plan-free', snapshot([b, atp(b, "Disabled"), pricing("Free")], datasets=[SQL, ATP, SAP, PRICE]), "FAIL sqlbad ~ not on for the subscription")
case('AZA-SQL-003', 'pass-plan', snapshot([a, atp(a, "Disabled"), pricing("Standard")], datasets=[SQL, ATP, PRICE]), "PASS sqlok ~ Defender for SQL")

settings_rule('AZA-SQL-004', SAP, lambda s: alerts(s), lambda s: alerts(s, disabledAlerts=["Sql_Injection", "Access_Anomaly"]),
              'no alert type', '2 alert type(s): Sql_Injection', unkval=lambda s: alerts(s, disabledAlerts="Access_Anomaly"))
# A Disabled policy raises nothing whatever disabledAlerts says, unless the
# subscription plan (or advanced threat protection) is on.
a = server('sqlok'); b = server('sqlbad'); u = server('sqlunk')
case('AZA-SQL-004', 'fail-policy-off', snapshot([b, alerts(b, state="Disabled"), pricing("Free")], datasets=[SQL, SAP, PRICE]),
     "FAIL sqlbad ~ state is Disabled and Defender for SQL is not on")
case('AZA-SQL-004', 'pass-policy-off-plan', snapshot([a, alerts(a, state="Disabled"), pricing("Standard")], datasets=[SQL, SAP, PRICE]),
     "PASS sqlok ~ no alert type")
case('AZA-SQL-004', 'unknown-policy-off', snapshot([u, alerts(u, state="Disabled")], datasets=[SQL, SAP]),
     "UNKNOWN sqlunk ~ Defender plans are unknown")
case('AZA-SQL-004', 'unknown-template-noplans',
     sql_template('sqltpl', ('securityAlertPolicies', 'Default', {"state": "Disabled", "emailAccountAdmins": False, "disabledAlerts": []})),
     "UNKNOWN sqltpl ~ template does not hold the subscription's Defender plans")
# an unexpected state says nothing of whether alerts are raised
case('AZA-SQL-004', 'unknown-state', snapshot([u, alerts(u, state="Sometimes")], datasets=[SQL, SAP]),
     "UNKNOWN sqlunk ~ state has an unexpected value 'Sometimes'")
settings_rule('AZA-SQL-005', SAP, lambda s: alerts(s), lambda s: alerts(s, emailAccountAdmins=False), 'is true', 'is false',
              unkval=lambda s: alerts(s, emailAccountAdmins="yes"))
case('AZA-SQL-005', 'fail-absent', snapshot([server('sqlbad'), alerts(server('sqlbad'), emailAccountAdmins=None)], datasets=[SQL, SAP]), "FAIL sqlbad ~ not set")
settings_rule('AZA-SQL-006', SAP, lambda s: alerts(s), lambda s: alerts(s, emailAddresses=[""]), 'test@consoto.com', 'is empty',
              unkval=lambda s: alerts(s, emailAddresses="a@b.c"))

EP = SQL + '/encryptionProtector'
settings_rule('AZA-SQL-008', EP, lambda s: protector(s, "AzureKeyVault"), lambda s: protector(s, "ServiceManaged"), 'AzureKeyVault',
              'ServiceManaged', unkval=lambda s: protector(s, "Elsewhere"))

VA = SQL + '/vulnerabilityAssessments'
settings_rule('AZA-SQL-013', VA, lambda s: va(s, True), lambda s: va(s, False), 'isEnabled is true', 'isEnabled is false',
              unkval=lambda s: va(s, "sometimes"))
a = server('sqlok')
# express configuration off: the classic assessment decides, and it must have been read
SVA = SQL + '/sqlVulnerabilityAssessments'
b = server('sqlbad'); u = server('sqlunk')
case('AZA-SQL-013', 'fail-express-off', snapshot([b, child(b, 'sqlVulnerabilityAssessments', 'default', {"state": "Disabled"})], datasets=[SQL, VA, SVA]),
     "FAIL sqlbad ~ no classic vulnerability assessment")
case('AZA-SQL-013', 'unknown-express-off-classic', snapshot([u, child(u, 'sqlVulnerabilityAssessments', 'default', {"state": "Disabled"})], datasets=[SQL, SVA]),
     "UNKNOWN sqlunk ~ classic vulnerability assessment is unknown")
case('AZA-SQL-013', 'pass-express', snapshot([a, child(a, 'sqlVulnerabilityAssessments', 'default', {"state": "Enabled"})], datasets=[SQL, VA, SQL + '/sqlVulnerabilityAssessments']), "PASS sqlok ~ express")

# TDE on databases
TDE = SQL + '/databases/transparentDataEncryption'
s = server('sqlsrv')
d_ok = db(s, 'appdb'); d_bad = db(s, 'legacydb'); d_m = db(s, 'master', kind="v12.0,system")
case('AZA-SQL-007', 'pass', snapshot([s, d_ok, tde(d_ok, "Enabled"), d_m], datasets=[SQL, SQL + '/databases', TDE]),
     "PASS sqlsrv/appdb ~ Enabled\nNOT_APPLICABLE sqlsrv/master")
case('AZA-SQL-007', 'fail', snapshot([s, d_bad, tde(d_bad, "Disabled")], datasets=[SQL, SQL + '/databases', TDE]), "FAIL sqlsrv/legacydb ~ Disabled")
case('AZA-SQL-007', 'unknown', snapshot([s, d_ok], datasets=[SQL, SQL + '/databases']), "UNKNOWN sqlsrv/appdb ~ not collected")
case('AZA-SQL-007', 'unknown-error', snapshot([s, d_ok], datasets=[SQL, SQL + '/databases', TDE], errors=err(s["id"], TDE, 500, "InternalServerError")), "UNKNOWN sqlsrv/appdb ~ HTTP 500")
case('AZA-SQL-007', 'unknown-value', snapshot([s, d_ok, tde(d_ok, None)], datasets=[SQL, SQL + '/databases', TDE]), "UNKNOWN sqlsrv/appdb ~ absent")

# server properties
def simple(rule, passmods, failmods, unkmods, passmsg, failmsg):
    case(rule, 'pass', snapshot([server('sqlok', **passmods)]), f"PASS sqlok ~ {passmsg}")
    case(rule, 'fail', snapshot([server('sqlbad', **failmods)]), f"FAIL sqlbad ~ {failmsg}")
    case(rule, 'unknown', snapshot([server('sqlunk', **unkmods)]), "UNKNOWN sqlunk")
    case(rule, 'unknown-noprops', snapshot([bare(server('sqlbare'))]), "UNKNOWN sqlbare ~ no \"properties\"")
simple('AZA-SQL-009', {}, {'properties__minimalTlsVersion': '1.0'}, {'properties__minimalTlsVersion': 12}, 'is 1.2', 'is 1.0')
case('AZA-SQL-009', 'fail-absent', snapshot([server('sqlold', properties__minimalTlsVersion=DEL)]), "FAIL sqlold ~ not set")
case('AZA-SQL-009', 'fail-none', snapshot([server('sqlnone', properties__minimalTlsVersion='None')]), "FAIL sqlnone ~ None")
simple('AZA-SQL-012', {}, {'properties__publicNetworkAccess': 'Enabled'}, {'properties__publicNetworkAccess': 'Sideways'}, 'Disabled', 'Enabled')
case('AZA-SQL-012', 'fail-absent', snapshot([server('sqlold', properties__publicNetworkAccess=DEL)]), "FAIL sqlold ~ not set")

# Entra admin
ADM = SQL + '/administrators'
for rule, passmsg in (('AZA-SQL-010', "bob@contoso.com"), ('AZA-SQL-011', "is true")):
    a = server('sqlok'); b = server('sqlbad'); u = server('sqlunk')
    case(rule, 'pass', snapshot([a, admin(a)], datasets=[SQL, ADM]), f"PASS sqlok ~ {passmsg}")
    case(rule, 'fail', snapshot([b], datasets=[SQL, ADM]), "FAIL sqlbad ~ no Entra ID administrator")
    case(rule, 'unknown', snapshot([u], datasets=[SQL]), "UNKNOWN sqlunk ~ not collected")
    case(rule, 'unknown-error', snapshot([u], datasets=[SQL, ADM], errors=err(u["id"], ADM)), "UNKNOWN sqlunk ~ HTTP 403")
    case(rule, 'unknown-noprops', snapshot([bare(server('sqlbare'))]), "UNKNOWN sqlbare ~ no \"properties\"")
    emb = server('sqlemb', properties__administrators={"administratorType": "ActiveDirectory", "principalType": "Group", "login": "dbadmins",
                 "sid": "c6b82b90-a647-49cb-8a62-0d2d3cb7ac7c", "tenantId": "72f988bf-0000-0000-0000-000000000001", "azureADOnlyAuthentication": True})
    case(rule, 'pass-embedded', snapshot([emb]), "PASS sqlemb")
    # an administrators object without administratorType is not what Azure returns
    u = server('sqlunk'); x = admin(u); del x["properties"]["administratorType"]
    case(rule, 'unknown-admin-notype', snapshot([u, x], datasets=[SQL, ADM]), "UNKNOWN sqlunk ~ has no administratorType")
# an embedded administrators block with empty login and sid names nobody
b = server('sqlbad', properties__administrators={"administratorType": "ActiveDirectory", "login": "", "sid": "", "tenantId": "", "azureADOnlyAuthentication": False})
case('AZA-SQL-010', 'fail-embedded-empty', snapshot([b], datasets=[SQL, ADM]), "FAIL sqlbad ~ no Entra ID administrator")
b = server('sqlmixed')
case('AZA-SQL-011', 'fail-mixed', snapshot([b, admin(b, only=False)], datasets=[SQL, ADM]), "FAIL sqlmixed ~ is false")
u = server('sqlunk')
case('AZA-SQL-011', 'unknown-value', snapshot([u, admin(u, only="maybe")], datasets=[SQL, ADM]), "UNKNOWN sqlunk ~ not a boolean")

# ---- PostgreSQL / MySQL ----
def pg(name, **kv):
    s = {"sku": {"name": "Standard_D4ds_v5", "tier": "GeneralPurpose"}, "systemData": {"createdAt": "2024-08-01T18:30:22.123456Z"},
         "properties": {"replica": {"role": "Primary", "capacity": 5},
                        "storage": {"type": "", "iops": 500, "tier": "P10", "storageSizeGB": 128, "autoGrow": "Disabled"},
                        "network": {"publicNetworkAccess": "Enabled"}, "privateEndpointConnections": [],
                        "dataEncryption": {"type": "SystemManaged"}, "authConfig": {"activeDirectoryAuth": "Disabled", "passwordAuth": "Enabled"},
                        "fullyQualifiedDomainName": f"{name}.postgres.database.azure.com", "version": "16", "minorVersion": "8",
                        "administratorLogin": "administratorlogin", "state": "Ready", "availabilityZone": "1",
                        "backup": {"backupRetentionDays": 7, "geoRedundantBackup": "Enabled", "earliestRestoreDate": "2024-08-01T18:35:22.123456Z"},
                        "highAvailability": {"mode": "Disabled", "state": "NotEnabled"}, "replicationRole": "Primary", "replicaCapacity": 5},
         "location": "westus", "tags": {"env": "prod"},
         "id": rid('rg-db', 'Microsoft.DBforPostgreSQL', 'flexibleServers', name), "name": name, "type": PG}
    return mod(s, **kv)

def mysql(name, **kv):
    s = {"sku": {"name": "Standard_D2ds_v4", "tier": "GeneralPurpose"},
         "properties": {"administratorLogin": "cloudsa", "storage": {"storageSizeGB": 100, "iops": 600, "autoGrow": "Enabled", "autoIoScaling": "Enabled", "storageSku": "Premium_LRS"},
                        "version": "5.7", "state": "Ready", "fullyQualifiedDomainName": f"{name}.database.mysql.azure.com", "availabilityZone": "3",
                        "replicationRole": "None", "replicaCapacity": 10, "network": {"publicNetworkAccess": "Enabled"},
                        "backup": {"backupRetentionDays": 7, "backupIntervalHours": 24, "geoRedundantBackup": "Enabled", "earliestRestoreDate": "2021-06-17T06:11:38.4150019+00:00"},
                        "highAvailability": {"mode": "Disabled", "state": "NotEnabled"}},
         "location": "Southeast Asia", "tags": {"num": "1"},
         "id": rid('rg-db', 'Microsoft.DBforMySQL', 'flexibleServers', name), "name": name, "type": MY}
    return mod(s, **kv)

def single(prov, name, **kv):
    t = prov + '/servers'
    s = {"sku": {"name": "GP_Gen5_2", "tier": "GeneralPurpose", "family": "Gen5", "capacity": 2},
         "properties": {"administratorLogin": "cloudsa", "storageProfile": {"storageMB": 128000, "backupRetentionDays": 7, "geoRedundantBackup": "Enabled"},
                        "version": "11", "sslEnforcement": "Enabled", "minimalTlsVersion": "TLS1_2", "userVisibleState": "Ready",
                        "fullyQualifiedDomainName": f"{name}.database.azure.com", "publicNetworkAccess": "Enabled"},
         "location": "westus", "tags": {},
         "id": rid('rg-db', prov, 'servers', name), "name": name, "type": t}
    return mod(s, **kv)

def conf(srv, name, value, pg_style=True):
    p = {"value": value, "description": "", "defaultValue": value, "dataType": "Boolean" if pg_style else "Enumeration",
         "allowedValues": "on,off" if pg_style else "ON,OFF", "source": "user-override"}
    if not pg_style:
        p.update({"isConfigPendingRestart": "False", "isDynamicConfig": "True", "isReadOnly": "False"})
    return {"properties": p, "id": srv["id"] + f"/configurations/{name}", "name": name, "type": srv["type"] + "/configurations"}

def param_rule(rule, make, param, ok, bad, failmsg, pg_style=True, unkval="maybe", extra_pass=None, with_=()):
    t = make('dbok')["type"]
    ds = [t, t + '/configurations']
    a = make('dbok'); b = make('dbbad'); u = make('dbunk')
    w = lambda srv: [conf(srv, n, v, pg_style) for n, v in with_]
    case(rule, 'pass', snapshot([a, conf(a, param, ok, pg_style)] + w(a), datasets=ds), f"PASS dbok ~ {param} is")
    case(rule, 'fail', snapshot([b, conf(b, param, bad, pg_style)] + w(b), datasets=ds), f"FAIL dbbad ~ {failmsg}")
    case(rule, 'unknown', snapshot([u], datasets=[t]), "UNKNOWN dbunk ~ not collected")
    case(rule, 'unknown-error', snapshot([u], datasets=ds, errors=err(u["id"], t + '/configurations', 429, "TooManyRequests")), "UNKNOWN dbunk ~ HTTP 429")
    case(rule, 'unknown-missing', snapshot([u, conf(u, 'array_nulls', 'on')] + w(u), datasets=ds), f"UNKNOWN dbunk ~ {param} is not in the input")
    case(rule, 'unknown-value', snapshot([u, conf(u, param, unkval, pg_style)] + w(u), datasets=ds), "UNKNOWN dbunk")
    case(rule, 'unknown-noprops', snapshot([bare(make('dbbare'))]), "UNKNOWN dbbare ~ no \"properties\"")

param_rule('AZA-SQL-014', pg, 'require_secure_transport', 'on', 'off', 'without TLS')
# A template that does not declare the parameter: the server default applies,
# which the message says (not "incomplete export").
case('AZA-SQL-014', 'unknown-template-undeclared', {
    "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
    "resources": [{"type": "Microsoft.DBforPostgreSQL/flexibleServers", "apiVersion": "2022-12-01", "name": "pg1", "location": "westeurope",
                   "sku": {"name": "Standard_B1ms", "tier": "Burstable"}, "properties": {"version": "14", "administratorLogin": "pgadmin"}}]},
    "UNKNOWN pg1 ~ server parameter require_secure_transport is not declared in the template: the server default applies")
param_rule('AZA-SQL-015', pg, 'ssl_min_protocol_version', 'TLSv1.2', 'TLSv1.1', 'is TLSv1.1', unkval='SSLv3')
param_rule('AZA-SQL-016', pg, 'log_checkpoints', 'on', 'off', 'not logged')
param_rule('AZA-SQL-017', pg, 'log_connections', 'on', 'off', 'not logged')
param_rule('AZA-SQL-018', pg, 'log_disconnections', 'on', 'off', 'not logged')
param_rule('AZA-SQL-019', pg, 'connection_throttle.enable', 'on', 'off', 'not throttled')
param_rule('AZA-SQL-020', pg, 'logfiles.retention_days', '7', '3', '3 days or less', unkval='week')
# strtod would read "inf" as more than 3 days
u = pg('dbunk')
case('AZA-SQL-020', 'unknown-inf', snapshot([u, conf(u, 'logfiles.retention_days', 'inf')], datasets=[PG, PG + '/configurations']),
     "UNKNOWN dbunk ~ not a whole number")
# single servers use the older parameter names
sp = lambda n, **kv: single('Microsoft.DBforPostgreSQL', n, **kv)
for rule, name, ok, bad in (('AZA-SQL-016', 'log_checkpoints', 'on', 'off'), ('AZA-SQL-019', 'connection_throttling', 'on', 'off'),
                            ('AZA-SQL-020', 'log_retention_days', '4', '2')):
    a = sp('pgsingle'); b = sp('pgsinglebad')
    case(rule, 'pass-single', snapshot([a, conf(a, name, ok)], datasets=[PGS, PGS + '/configurations']), f"PASS pgsingle ~ {name}")
    case(rule, 'fail-single', snapshot([b, conf(b, name, bad)], datasets=[PGS, PGS + '/configurations']), f"FAIL pgsinglebad ~ {name}")

param_rule('AZA-SQL-021', mysql, 'require_secure_transport', 'ON', 'OFF', 'without TLS', pg_style=False)
param_rule('AZA-SQL-022', mysql, 'tls_version', 'TLSv1.2,TLSv1.3', 'TLSv1,TLSv1.1,TLSv1.2', 'TLS 1.0 or 1.1', pg_style=False, unkval='SSLv3')
# every listed protocol is accepted: one unknown entry beside TLSv1.2 is not a PASS
u = mysql('dbunk')
case('AZA-SQL-022', 'unknown-mixed', snapshot([u, conf(u, 'tls_version', 'SSLv3,TLSv1.2', False)], datasets=[MY, MY + '/configurations']),
     "UNKNOWN dbunk ~ unexpected value 'SSLv3,TLSv1.2'")
param_rule('AZA-SQL-023', mysql, 'audit_log_enabled', 'ON', 'OFF', 'no audit log', pg_style=False)
param_rule('AZA-SQL-024', mysql, 'audit_log_events', 'CONNECTION,ADMIN,DDL', 'DDL,DML', 'not audited', pg_style=False, unkval=None,
           with_=[('audit_log_enabled', 'ON')])
# the events alone do not show that the audit log is written
u = mysql('dbunk')
case('AZA-SQL-024', 'unknown-enabled-missing', snapshot([u, conf(u, 'audit_log_events', 'CONNECTION', False)], datasets=[MY, MY + '/configurations']),
     "UNKNOWN dbunk ~ audit_log_enabled is not in the input")
b = mysql('dbbad')
case('AZA-SQL-024', 'fail-off', snapshot([b, conf(b, 'audit_log_enabled', 'OFF', False), conf(b, 'audit_log_events', 'CONNECTION', False)], datasets=[MY, MY + '/configurations']), "FAIL dbbad ~ audit_log_enabled is OFF")

# single servers (PostgreSQL and MySQL)
sm = lambda n, **kv: single('Microsoft.DBforMySQL', n, **kv)
case('AZA-SQL-025', 'pass', snapshot([sp('pgsingle'), sm('mysingle')]), "PASS pgsingle ~ Enabled\nPASS mysingle ~ Enabled")
case('AZA-SQL-025', 'fail', snapshot([sp('pgbad', properties__sslEnforcement='Disabled')]), "FAIL pgbad ~ Disabled")
case('AZA-SQL-025', 'unknown', snapshot([sm('myunk', properties__sslEnforcement=DEL)]), "UNKNOWN myunk ~ absent")
case('AZA-SQL-025', 'unknown-noprops', snapshot([bare(sp('pgbare'))]), "UNKNOWN pgbare ~ no \"properties\"")
case('AZA-SQL-026', 'pass', snapshot([sp('pgsingle'), sm('mysingle')]), "PASS pgsingle ~ TLS1_2\nPASS mysingle ~ TLS1_2")
case('AZA-SQL-026', 'fail', snapshot([sp('pgbad', properties__minimalTlsVersion='TLS1_0'), sm('mynossl', properties__sslEnforcement='Disabled')]),
     "FAIL pgbad ~ TLS1_0\nFAIL mynossl ~ sslEnforcement is Disabled")
case('AZA-SQL-026', 'fail-absent', snapshot([sm('myold', properties__minimalTlsVersion=DEL)]), "FAIL myold ~ not set")
case('AZA-SQL-026', 'unknown', snapshot([sp('pgunk', properties__minimalTlsVersion='TLS9')]), "UNKNOWN pgunk ~ unexpected value")
case('AZA-SQL-026', 'unknown-noprops', snapshot([bare(sm('mybare'))]), "UNKNOWN mybare ~ no \"properties\"")

# geo-redundant backups
s = server('sqlsrv')
case('AZA-SQL-027', 'pass', snapshot([pg('pgok'), mysql('myok'), sp('pgsingle'), s, db(s, 'appdb'), db(s, 'master')]),
     "PASS pgok ~ geoRedundantBackup is Enabled\nPASS myok\nPASS pgsingle\nPASS sqlsrv/appdb ~ Geo\nNOT_APPLICABLE sqlsrv/master")
case('AZA-SQL-027', 'fail', snapshot([pg('pgbad', properties__backup__geoRedundantBackup='Disabled'), s, db(s, 'localdb', properties__requestedBackupStorageRedundancy='Local', properties__currentBackupStorageRedundancy='Local')]),
     "FAIL pgbad ~ Disabled\nFAIL sqlsrv/localdb ~ Local")
case('AZA-SQL-027', 'unknown', snapshot([mysql('myunk', properties__backup=DEL)]), "UNKNOWN myunk ~ absent")
# Geo requested but backups still stored locally (change in progress)
case('AZA-SQL-027', 'fail-migrating', snapshot([s, db(s, 'movingdb', properties__currentBackupStorageRedundancy='Local')]),
     "FAIL sqlsrv/movingdb ~ currentBackupStorageRedundancy is Local")
case('AZA-SQL-027', 'unknown-noprops', snapshot([bare(pg('pgbare'))]), "UNKNOWN pgbare ~ no \"properties\"")
case('AZA-SQL-027', 'pass-critical', snapshot([pg('pgcrit', tags={"criticality": "high"}), mysql('myother', properties__backup__geoRedundantBackup='Disabled')]),
     "PASS pgcrit\nNOT_APPLICABLE myother")
open(ROOT + '/AZA-SQL-027/pass-critical.config.json', 'w').write(json.dumps({"critical_tag": {"name": "criticality", "value": "high"}}) + "\n")
