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
    p = {k: v for k, v in p.items() if v is not DEL}
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

VA_PATH = "https://vastore.blob.core.windows.net/vulnerability-assessment/"
def va(srv, on, path=VA_PATH):
    p = {"recurringScans": {"isEnabled": on, "emailSubscriptionAdmins": True, "emails": ["email1@mail.com"]}}
    if path is not DEL: p["storageContainerPath"] = path
    return child(srv, 'vulnerabilityAssessments', 'default', p)

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

def sql_template(name, *kids):
    res = [{"type": SQL, "apiVersion": "2023-08-01", "name": name, "location": "westeurope",
            "properties": {"administratorLogin": "sqladmin", "minimalTlsVersion": "1.2", "publicNetworkAccess": "Disabled"}}]
    for t, n, props in kids:
        res.append({"type": SQL + "/" + t, "apiVersion": "2023-08-01", "name": f"{name}/{n}",
                    "dependsOn": [f"[resourceId('{SQL}', '{name}')]"], "properties": props})
    return {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
            "resources": res}

# ---- SQL server settings rules ----
def settings_rule(rule, ctype, make_ok, make_bad, passmsg, failmsg, extra_ds=(), unkval=None):
    ds = [SQL, ctype] + list(extra_ds)
    a = server('sqlok'); b = server('sqlbad'); u = server('sqlunk')
    ok = make_ok(a)
    case(rule, 'pass', snapshot([a] + (ok if isinstance(ok, list) else [ok]), datasets=ds), f"PASS sqlok ~ {passmsg}")
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
# Without a storage account, audit events reach Log Analytics or an Event
# Hub only through a diagnostic setting on the master database with the
# SQLSecurityAuditEvents category (the REST reference of
# isAzureMonitorTargetEnabled): the auditing settings alone are no evidence.
DIAG = 'Microsoft.Insights/diagnosticSettings'
DBDIAG = SQL + '/databases/providers/' + DIAG
WS = f"/subscriptions/{SUB}/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/law-sec"
def master_diag(srv, logs, name='audit-to-law', **dest):
    mid = srv["id"] + "/databases/master"
    p = {"logs": logs, "metrics": []}
    p.update(dest or {"workspaceId": WS})
    return {"id": mid + "/providers/microsoft.insights/diagnosticSettings/" + name, "name": name, "type": DIAG, "properties": p}
AUDLOG = [{"category": "SQLSecurityAuditEvents", "enabled": True, "retentionPolicy": {"enabled": False, "days": 0}}]
a = server('sqlok'); b = server('sqlbad'); u = server('sqlunk')
mon = lambda s: auditing(s, storageEndpoint="", isAzureMonitorTargetEnabled=True)
case('AZA-SQL-001', 'pass-monitor', snapshot([a, mon(a), master_diag(a, AUDLOG)], datasets=[SQL, AUD, DIAG, DBDIAG]),
     "PASS sqlok ~ diagnostic setting 'audit-to-law' of the master database logs SQLSecurityAuditEvents")
case('AZA-SQL-001', 'fail-monitor-nodiag', snapshot([b, mon(b)], datasets=[SQL, AUD, DIAG, DBDIAG]),
     "FAIL sqlbad ~ the master database has no diagnostic setting")
case('AZA-SQL-001', 'fail-monitor-category', snapshot([b, mon(b), master_diag(b, [{"category": "SQLInsights", "enabled": True}])],
                                                      datasets=[SQL, AUD, DIAG, DBDIAG]),
     "FAIL sqlbad ~ does not log SQLSecurityAuditEvents")
case('AZA-SQL-001', 'fail-monitor-nodest', snapshot([b, mon(b), master_diag(b, AUDLOG, workspaceId="")], datasets=[SQL, AUD, DIAG, DBDIAG]),
     "FAIL sqlbad ~ to a destination")
# the subscriptions' own settings list the type too: databases' must be listed
case('AZA-SQL-001', 'unknown-monitor-uncollected', snapshot([u, mon(u)], datasets=[SQL, AUD, DIAG]),
     "UNKNOWN sqlunk ~ the diagnostic settings of SQL databases were not collected")
case('AZA-SQL-001', 'fail-nodest', snapshot([b, auditing(b, storageEndpoint="")], datasets=[SQL, AUD]),
     "FAIL sqlbad ~ has no destination (no storageEndpoint, isAzureMonitorTargetEnabled false)")
# the API returns isAzureMonitorTargetEnabled with every policy: absent is an incomplete export
case('AZA-SQL-001', 'unknown-nodest-absent', snapshot([u, auditing(u, storageEndpoint=DEL, isAzureMonitorTargetEnabled=DEL)], datasets=[SQL, AUD]),
     "UNKNOWN sqlunk ~ isAzureMonitorTargetEnabled is absent")
t = sql_template('sqltpl', ('auditingSettings', 'default', {"state": "Enabled"}))
case('AZA-SQL-001', 'fail-template-nodest', t, "FAIL sqltpl ~ has no destination (no storageEndpoint, isAzureMonitorTargetEnabled not set)")
t = sql_template('sqltpl', ('auditingSettings', 'default', {"state": "Enabled", "isAzureMonitorTargetEnabled": True}))
case('AZA-SQL-001', 'fail-template-monitor-nodiag', t, "FAIL sqltpl ~ the master database has no diagnostic setting")
t = sql_template('sqltpl', ('auditingSettings', 'default', {"state": "Enabled", "isAzureMonitorTargetEnabled": True}))
t["resources"].append({"type": DIAG, "apiVersion": "2021-05-01-preview", "name": "audit",
                       "scope": "[format('Microsoft.Sql/servers/{0}/databases/{1}', 'sqltpl', 'master')]",
                       "properties": {"workspaceId": WS, "logs": [{"category": "SQLSecurityAuditEvents", "enabled": True}]}})
case('AZA-SQL-001', 'pass-template-monitor', t, "PASS sqltpl ~ diagnostic setting 'audit' of the master database")

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
SVA = SQL + '/sqlVulnerabilityAssessments'
# The classic object fails the server only when the express configuration
# is known to be off: here sqlVulnerabilityAssessments was read and holds
# nothing for the server.
settings_rule('AZA-SQL-013', VA, lambda s: [va(s, True), atp(s, "Enabled")], lambda s: va(s, False), 'isEnabled is true', 'isEnabled is false',
              extra_ds=[SVA, ATP], unkval=lambda s: va(s, "sometimes"))
# Scans, express or classic, are part of Microsoft Defender for SQL
# (Microsoft Learn, Enable vulnerability assessment on your Azure SQL
# databases: Defender for Azure SQL must be enabled to run scans).
a = server('sqlok'); b = server('sqlbad'); u = server('sqlunk')
case('AZA-SQL-013', 'fail-defender-off', snapshot([b, va(b, True), atp(b, "Disabled"), pricing("Free")], datasets=[SQL, VA, SVA, ATP, PRICE]),
     "FAIL sqlbad ~ but Microsoft Defender for SQL, which runs the scans, is off")
case('AZA-SQL-013', 'fail-express-defender-off',
     snapshot([b, child(b, 'sqlVulnerabilityAssessments', 'default', {"state": "Enabled"}), atp(b, "Disabled"), pricing("Free")],
              datasets=[SQL, VA, SVA, ATP, PRICE]),
     "FAIL sqlbad ~ express configuration) state is Enabled, but Microsoft Defender for SQL")
case('AZA-SQL-013', 'unknown-defender-noplans', snapshot([u, va(u, True), atp(u, "Disabled")], datasets=[SQL, VA, SVA, ATP]),
     "UNKNOWN sqlunk ~ the subscription's Defender plans are unknown")
case('AZA-SQL-013', 'pass-plan', snapshot([a, child(a, 'sqlVulnerabilityAssessments', 'default', {"state": "Enabled"}), atp(a, "Disabled"),
                                           pricing("Standard")], datasets=[SQL, VA, SVA, ATP, PRICE]),
     "PASS sqlok ~ Microsoft Defender for SQL is on")
a = server('sqlok')
# express configuration off: the classic assessment decides, and it must have been read
b = server('sqlbad'); u = server('sqlunk')
case('AZA-SQL-013', 'fail-express-off', snapshot([b, child(b, 'sqlVulnerabilityAssessments', 'default', {"state": "Disabled"})], datasets=[SQL, VA, SVA]),
     "FAIL sqlbad ~ no classic vulnerability assessment")
case('AZA-SQL-013', 'unknown-express-off-classic', snapshot([u, child(u, 'sqlVulnerabilityAssessments', 'default', {"state": "Disabled"})], datasets=[SQL, SVA]),
     "UNKNOWN sqlunk ~ classic vulnerability assessment is unknown")
# The classic configuration stores scan results in a blob container: without
# storageContainerPath (empty or null as Azure states it, or left out of a
# template) recurring scans have nowhere to store results. The API's GET
# example at 2023-08-01 (the shape below) answers recurring scans enabled
# without a path: absent from a deployed object says nothing.
case('AZA-SQL-013', 'fail-path-empty', snapshot([b, va(b, True, "")], datasets=[SQL, VA, SVA]), "FAIL sqlbad ~ storageContainerPath is empty: the classic configuration has no blob container")
case('AZA-SQL-013', 'fail-path-null', snapshot([b, va(b, True, None)], datasets=[SQL, VA, SVA]), "FAIL sqlbad ~ storageContainerPath is null")
# The express configuration scans without the classic one, which does not
# show it: a classic configuration that is off (or has no container) says
# nothing while the express one was not read (azaudit's own collector reads
# only the classic object) or its state cannot be read.
case('AZA-SQL-013', 'unknown-express-uncollected', snapshot([u, va(u, False)], datasets=[SQL, VA]),
     "UNKNOWN sqlunk ~ recurringScans.isEnabled is false, but the express configuration, which runs scans without the classic one, is not known: "
     "Microsoft.Sql/servers/sqlVulnerabilityAssessments was not collected")
case('AZA-SQL-013', 'unknown-express-uncollected-path', snapshot([u, va(u, True, "")], datasets=[SQL, VA]),
     "UNKNOWN sqlunk ~ storageContainerPath is empty (the classic configuration has no blob container for scan results), but the express configuration")
case('AZA-SQL-013', 'unknown-express-error', snapshot([u, va(u, False)], datasets=[SQL, VA, SVA], errors=err(u["id"], SVA)),
     "UNKNOWN sqlunk ~ is not known: Microsoft.Sql/servers/sqlVulnerabilityAssessments could not be read")
case('AZA-SQL-013', 'unknown-express-state', snapshot([u, va(u, False), child(u, 'sqlVulnerabilityAssessments', 'default', {"state": None})],
                                                      datasets=[SQL, VA, SVA]),
     "UNKNOWN sqlunk ~ sqlVulnerabilityAssessments state is absent, and the express configuration runs scans without the classic one")
case('AZA-SQL-013', 'unknown-path-absent', snapshot([u, va(u, True, DEL)], datasets=[SQL, VA]), "UNKNOWN sqlunk ~ storageContainerPath is absent")
case('AZA-SQL-013', 'unknown-path-type', snapshot([u, va(u, True, 5)], datasets=[SQL, VA]), "UNKNOWN sqlunk ~ storageContainerPath is not a string")
case('AZA-SQL-013', 'fail-template-no-path',
     sql_template('sqltpl', ('vulnerabilityAssessments', 'default', {"recurringScans": {"isEnabled": True, "emailSubscriptionAdmins": True}})),
     "FAIL sqltpl ~ storageContainerPath is not set")
case('AZA-SQL-013', 'pass-template',
     sql_template('sqltpl', ('vulnerabilityAssessments', 'default', {"recurringScans": {"isEnabled": True}, "storageContainerPath": VA_PATH}),
                  ('advancedThreatProtectionSettings', 'Default', {"state": "Enabled"})),
     "PASS sqltpl ~ storageContainerPath is " + VA_PATH)
case('AZA-SQL-013', 'pass-express', snapshot([a, child(a, 'sqlVulnerabilityAssessments', 'default', {"state": "Enabled"}), atp(a, "Enabled")],
                                             datasets=[SQL, VA, SQL + '/sqlVulnerabilityAssessments', ATP]), "PASS sqlok ~ express")

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
# Unset and None are "no minimum" (Learn: the default allows all versions);
# after the retirement of TLS 1.0 and 1.1 (31 August 2025) None still admits
# unencrypted connections. 1.0 and 1.1 fail as the server's own setting.
case('AZA-SQL-009', 'fail-absent', snapshot([server('sqlold', properties__minimalTlsVersion=DEL)]),
     "FAIL sqlold ~ minimalTlsVersion not set (None): the server enforces no minimum TLS version and admits unencrypted connections (Azure SQL retired TLS 1.0 and 1.1 on 31 August 2025")
case('AZA-SQL-009', 'fail-null', snapshot([server('sqlnull', properties__minimalTlsVersion=None)]), "FAIL sqlnull ~ not set (None)")
case('AZA-SQL-009', 'fail-none', snapshot([server('sqlnone', properties__minimalTlsVersion='None')]), "FAIL sqlnone ~ minimalTlsVersion is None: the server enforces no minimum")
case('AZA-SQL-009', 'fail-tls11', snapshot([server('sqltls11', properties__minimalTlsVersion='1.1')]),
     "FAIL sqltls11 ~ minimalTlsVersion is 1.1: the server's own minimum is TLS 1.1 (Azure SQL retired TLS 1.0 and 1.1 on 31 August 2025")
case('AZA-SQL-009', 'pass-tls13', snapshot([server('sqltls13', properties__minimalTlsVersion='1.3')]), "PASS sqltls13 ~ minimalTlsVersion is 1.3")
case('AZA-SQL-009', 'unknown-value', snapshot([server('sqlodd', properties__minimalTlsVersion='1.4')]), "UNKNOWN sqlodd ~ unexpected value '1.4'")
# A template creates the server now: Azure SQL announced 1.2 as the default
# for servers created without the property from 15 July 2026 (before the
# fixtures' reference time), which Learn does not yet state: no verdict.
t = sql_template('sqltpl'); del t["resources"][0]["properties"]["minimalTlsVersion"]
case('AZA-SQL-009', 'unknown-template-absent', t, "UNKNOWN sqltpl ~ a server created without it from 15 July 2026 gets 1.2")
t = sql_template('sqltpl'); t["resources"][0]["properties"]["minimalTlsVersion"] = "None"
case('AZA-SQL-009', 'fail-template-none', t, "FAIL sqltpl ~ minimalTlsVersion is None")
case('AZA-SQL-009', 'pass-template', sql_template('sqltpl'), "PASS sqltpl ~ minimalTlsVersion is 1.2")
# minimalTlsVersion is first in the stable api-version 2021-11-01 (the 2014-04-01 servers have none).
t = sql_template('sqltpl'); t["resources"][0]["apiVersion"] = "2014-04-01"
case('AZA-SQL-009', 'unknown-template-old-api', t,
     "UNKNOWN sqltpl ~ minimalTlsVersion is 1.2, but api-version 2014-04-01 predates the property (first in the stable api-version 2021-11-01)")
t = sql_template('sqltpl'); t["resources"][0]["apiVersion"] = "2021-11-01"
case('AZA-SQL-009', 'pass-template-first-api', t, "PASS sqltpl ~ minimalTlsVersion is 1.2")
simple('AZA-SQL-012', {}, {'properties__publicNetworkAccess': 'Enabled'}, {'properties__publicNetworkAccess': 'Sideways'}, 'Disabled', 'Enabled')
case('AZA-SQL-012', 'fail-perimeter', snapshot([server('sqlnsp', properties__publicNetworkAccess='SecuredByPerimeter')]),
     "FAIL sqlnsp ~ publicNetworkAccess is SecuredByPerimeter, not Disabled: the public endpoint stays on")
t = sql_template('sqltpl'); t["parameters"] = {"pna": {"type": "string"}}; t["resources"][0]["properties"]["publicNetworkAccess"] = "[parameters('pna')]"
case('AZA-SQL-012', 'unknown-template-param', t, "UNKNOWN sqltpl ~ publicNetworkAccess is only known at deployment")
# Resource Manager reports publicNetworkAccess at every api-version that has
# it (2021-11-01 on): a deployed copy without it says nothing (UNKNOWN); in a
# template absence is the default, Enabled (FAIL)
case('AZA-SQL-012', 'unknown-absent', snapshot([server('sqlold', properties__publicNetworkAccess=DEL), server('sqlnull', properties__publicNetworkAccess=None)]),
     "UNKNOWN sqlold ~ publicNetworkAccess is not reported for the server (Resource Manager returns it from api-version 2021-11-01)\n"
     "UNKNOWN sqlnull ~ publicNetworkAccess is not reported")
t = sql_template('sqltpl'); del t["resources"][0]["properties"]["publicNetworkAccess"]
case('AZA-SQL-012', 'fail-template-absent', t, "FAIL sqltpl ~ publicNetworkAccess not set: the public endpoint is enabled")
case('AZA-SQL-012', 'pass-template', sql_template('sqltpl'), "PASS sqltpl ~ publicNetworkAccess is Disabled")
t = sql_template('sqltpl'); t["resources"][0]["apiVersion"] = "2014-04-01"
case('AZA-SQL-012', 'unknown-template-old-api', t,
     "UNKNOWN sqltpl ~ publicNetworkAccess is Disabled, but api-version 2014-04-01 predates the property (first in the stable api-version 2021-11-01)")

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
# so does an administrators/ActiveDirectory object with neither (not what the API returns)
u = server('sqlunk'); x = admin(u); x["properties"]["login"] = ""; x["properties"]["sid"] = ""
case('AZA-SQL-010', 'unknown-admin-empty', snapshot([u, x], datasets=[SQL, ADM]), "UNKNOWN sqlunk ~ with a login or sid")
b = server('sqlmixed')
case('AZA-SQL-011', 'fail-mixed', snapshot([b, admin(b, only=False)], datasets=[SQL, ADM]), "FAIL sqlmixed ~ is false")
u = server('sqlunk')
case('AZA-SQL-011', 'unknown-value', snapshot([u, admin(u, only="maybe")], datasets=[SQL, ADM]), "UNKNOWN sqlunk ~ not a boolean")
# properties.administrators is first in the server schema of 2020-11-01-preview
# (the stable 2014-04-01 and the previews up to 2020-08-01-preview have none).
def sql_template_admins(api):
    t = sql_template('sqltpl'); t["resources"][0]["apiVersion"] = api
    t["resources"][0]["properties"]["administrators"] = {"administratorType": "ActiveDirectory", "principalType": "Group", "login": "dbadmins",
        "sid": "c6b82b90-a647-49cb-8a62-0d2d3cb7ac7c", "tenantId": "72f988bf-0000-0000-0000-000000000001", "azureADOnlyAuthentication": True}
    return t
for R_, ok in (('AZA-SQL-010', "PASS sqltpl ~ Entra ID administrator is 'dbadmins'"),
               ('AZA-SQL-011', "PASS sqltpl ~ azureADOnlyAuthentication is true")):
    case(R_, 'unknown-template-admins-old-api', sql_template_admins("2020-08-01-preview"),
         "UNKNOWN sqltpl ~ properties.administrators names an Entra ID administrator, but api-version 2020-08-01-preview predates the property "
         "(first in the api-version 2020-11-01-preview)")
    case(R_, 'pass-template-admins-first-api', sql_template_admins("2020-11-01-preview"), ok)

# ---- SQL managed instances ----
# Bodies in the shapes of the specification's examples (Microsoft.Sql stable
# 2023-08-01): ManagedInstanceGet, ManagedInstanceAdministratorGet,
# ManagedInstanceAzureADOnlyAuthCreateOrUpdate, ManagedInstanceEncryption-
# ProtectorCreateOrUpdateKeyVault, ManagedServerSecurityAlertGet and
# ManagedInstanceAdvancedThreatProtectionSettings.json.
MI = 'Microsoft.Sql/managedInstances'
def mi(name, **kv):
    s = {"sku": {"name": "GP_Gen5", "tier": "GeneralPurpose", "capacity": 8, "family": "Gen5"},
         "id": rid('rg-mi', 'Microsoft.Sql', 'managedInstances', name), "name": name, "type": MI, "location": "westeurope",
         "tags": {"env": "prod"},
         "properties": {"fullyQualifiedDomainName": f"{name}.1b4e2caff2530.database.windows.net", "administratorLogin": "dummylogin",
                        "subnetId": f"/subscriptions/{SUB}/resourceGroups/rg-mi/providers/Microsoft.Network/virtualNetworks/vnet-mi/subnets/mi",
                        "state": "Ready", "provisioningState": "Succeeded", "vCores": 8, "storageSizeInGB": 1024,
                        "licenseType": "LicenseIncluded", "collation": "SQL_Latin1_General_CP1_CI_AS",
                        "publicDataEndpointEnabled": False, "proxyOverride": "Default", "minimalTlsVersion": "1.2",
                        "dnsZone": "1b4e2caff2530", "currentBackupStorageRedundancy": "Geo", "requestedBackupStorageRedundancy": "Geo"}}
    return mod(s, **kv)
def mi_admin(inst, **kv):
    p = {"administratorType": "ActiveDirectory", "login": "bob@contoso.com", "sid": "44444444-3333-2222-1111-000000000000",
         "tenantId": "55555555-4444-3333-2222-111111111111"}
    p.update(kv)
    return child(inst, 'administrators', 'ActiveDirectory', p)
def mi_only(inst, on):
    return child(inst, 'azureadonlyauthentications', 'Default', {"azureADOnlyAuthentication": on}, typ=MI + '/azureadonlyauthentications')
def mi_protector(inst, kt):
    p = {"serverKeyName": "ServiceManaged" if kt == "ServiceManaged" else "someVault_someKey_01234567890123456789012345678901",
         "serverKeyType": kt, "autoRotationEnabled": False}
    c = child(inst, 'encryptionProtector', 'current', p)
    c["kind"] = "azurekeyvault" if kt == "AzureKeyVault" else "servicemanaged"
    return c
def mi_atp(inst, state):
    return child(inst, 'advancedThreatProtectionSettings', 'Default', {"state": state, "creationTime": "2022-04-03T04:41:33.937Z"})
def mi_alerts(inst, state):
    return child(inst, 'securityAlertPolicies', 'Default', {"state": state, "emailAccountAdmins": True,
                 "emailAddresses": ["test@consoto.com;user@consoto.com"], "disabledAlerts": [""], "retentionDays": 0,
                 "storageAccountAccessKey": "", "storageEndpoint": "", "creationTime": "2020-04-03T04:41:33.937Z"})
EXT_ADMIN = {"principalType": "User", "login": "bob@contoso.com", "sid": "00000011-1111-2222-2222-123456789111",
             "tenantId": "00000011-1111-2222-2222-123456789111", "azureADOnlyAuthentication": True}
def mi_template(name, props=None, *kids):
    p = {"administratorLogin": "dummylogin", "administratorLoginPassword": "[parameters('pw')]",
         "subnetId": "/subscriptions/x/resourceGroups/rg-mi/providers/Microsoft.Network/virtualNetworks/vnet-mi/subnets/mi",
         "vCores": 8, "storageSizeInGB": 1024, "licenseType": "LicenseIncluded"}
    p.update(props or {})
    res = [{"type": MI, "apiVersion": "2023-08-01", "name": name, "location": "westeurope",
            "sku": {"name": "GP_Gen5", "tier": "GeneralPurpose"}, "properties": {k: v for k, v in p.items() if v is not DEL}}]
    for t, n, kp in kids:
        res.append({"type": MI + "/" + t, "apiVersion": "2023-08-01", "name": f"{name}/{n}",
                    "dependsOn": [f"[resourceId('{MI}', '{name}')]"], "properties": kp})
    return template(res, parameters={"pw": {"type": "securestring"}})

# AZA-SQL-028: the public data endpoint
case('AZA-SQL-028', 'pass', snapshot([mi('miok')]), "PASS miok ~ publicDataEndpointEnabled is false")
case('AZA-SQL-028', 'fail', snapshot([mi('mibad', properties__publicDataEndpointEnabled=True)]),
     "FAIL mibad ~ publicDataEndpointEnabled is true: the instance accepts connections from outside its virtual network")
case('AZA-SQL-028', 'unknown', snapshot([mi('miunk', properties__publicDataEndpointEnabled="sometimes")]),
     "UNKNOWN miunk ~ publicDataEndpointEnabled is not a boolean")
# Resource Manager returns the property with every instance: absent from a
# deployed copy is an incomplete export, absent from a template is false.
case('AZA-SQL-028', 'unknown-absent', snapshot([mi('miold', properties__publicDataEndpointEnabled=DEL)]),
     "UNKNOWN miold ~ publicDataEndpointEnabled is not reported for the instance")
case('AZA-SQL-028', 'unknown-noprops', snapshot([bare(mi('mibare'))]), "UNKNOWN mibare ~ no \"properties\"")
case('AZA-SQL-028', 'pass-template-absent', mi_template('mitpl'), "PASS mitpl ~ publicDataEndpointEnabled not set (false")
case('AZA-SQL-028', 'fail-template', mi_template('mitpl', {"publicDataEndpointEnabled": True}), "FAIL mitpl ~ publicDataEndpointEnabled is true")
t = mi_template('mitpl', {"publicDataEndpointEnabled": "[parameters('pub')]"}); t["parameters"]["pub"] = {"type": "bool"}
case('AZA-SQL-028', 'unknown-template-param', t, "UNKNOWN mitpl ~ not known before deployment")

# AZA-SQL-029: the minimal TLS version (allowed: None, 1.0, 1.1, 1.2)
case('AZA-SQL-029', 'pass', snapshot([mi('miok')]), "PASS miok ~ minimalTlsVersion is 1.2")
case('AZA-SQL-029', 'fail', snapshot([mi('mibad', properties__minimalTlsVersion='1.0')]), "FAIL mibad ~ minimalTlsVersion is 1.0: the instance's own minimum is TLS 1.0")
case('AZA-SQL-029', 'fail-tls11', snapshot([mi('mibad', properties__minimalTlsVersion='1.1')]), "FAIL mibad ~ own minimum is TLS 1.1")
case('AZA-SQL-029', 'fail-none', snapshot([mi('minone', properties__minimalTlsVersion='None')]), "FAIL minone ~ minimalTlsVersion is None: the instance enforces no minimum TLS version of its own and accepts unencrypted connections")
# ManagedInstanceCreateMin creates an instance without it and answers none: no minimum
case('AZA-SQL-029', 'fail-absent', snapshot([mi('miold', properties__minimalTlsVersion=DEL)]), "FAIL miold ~ minimalTlsVersion not set (None)")
case('AZA-SQL-029', 'fail-template-absent', mi_template('mitpl'), "FAIL mitpl ~ minimalTlsVersion not set (None)")
case('AZA-SQL-029', 'pass-template', mi_template('mitpl', {"minimalTlsVersion": "1.2"}), "PASS mitpl ~ minimalTlsVersion is 1.2")
case('AZA-SQL-029', 'unknown', snapshot([mi('miunk', properties__minimalTlsVersion=12)]), "UNKNOWN miunk ~ minimalTlsVersion is not a string")
case('AZA-SQL-029', 'unknown-value', snapshot([mi('miodd', properties__minimalTlsVersion='1.3')]),
     "UNKNOWN miodd ~ unexpected value '1.3' (the API allows None, 1.0, 1.1 and 1.2)")
case('AZA-SQL-029', 'unknown-noprops', snapshot([bare(mi('mibare'))]), "UNKNOWN mibare ~ no \"properties\"")

# AZA-SQL-030 and -031: the Entra ID administrator, Entra-only authentication
MADM = MI + '/administrators'
MONLY = MI + '/azureADOnlyAuthentications'
a = mi('miok'); b = mi('mibad'); u = mi('miunk')
case('AZA-SQL-030', 'pass', snapshot([a, mi_admin(a)], datasets=[MI, MADM]), "PASS miok ~ Entra ID administrator is 'bob@contoso.com'")
case('AZA-SQL-030', 'pass-embedded', snapshot([mi('miemb', properties__administrators=EXT_ADMIN)]), "PASS miemb ~ 'bob@contoso.com'")
case('AZA-SQL-030', 'fail', snapshot([b], datasets=[MI, MADM]), "FAIL mibad ~ only SQL logins can administer the instance")
case('AZA-SQL-030', 'fail-template', mi_template('mitpl'), "FAIL mitpl ~ no Entra ID administrator")
case('AZA-SQL-030', 'unknown', snapshot([u], datasets=[MI]), "UNKNOWN miunk ~ Microsoft.Sql/managedInstances/administrators was not collected")
case('AZA-SQL-030', 'unknown-error', snapshot([u], datasets=[MI, MADM], errors=err(u["id"], MADM)), "UNKNOWN miunk ~ HTTP 403")
x = mi_admin(u); del x["properties"]["administratorType"]
case('AZA-SQL-030', 'unknown-admin-notype', snapshot([u, x], datasets=[MI, MADM]), "UNKNOWN miunk ~ has no administratorType")
case('AZA-SQL-030', 'unknown-noprops', snapshot([bare(mi('mibare'))]), "UNKNOWN mibare ~ no \"properties\"")
case('AZA-SQL-031', 'pass', snapshot([a, mi_admin(a), mi_only(a, True)], datasets=[MI, MADM, MONLY]),
     "PASS miok ~ azureADOnlyAuthentications/Default azureADOnlyAuthentication is true")
case('AZA-SQL-031', 'pass-embedded', snapshot([mi('miemb', properties__administrators=EXT_ADMIN)], datasets=[MI, MADM, MONLY]),
     "PASS miemb ~ administrators azureADOnlyAuthentication is true")
case('AZA-SQL-031', 'fail', snapshot([b, mi_admin(b), mi_only(b, False)], datasets=[MI, MADM, MONLY]),
     "FAIL mibad ~ azureADOnlyAuthentication is false: SQL logins with passwords are accepted")
case('AZA-SQL-031', 'fail-noadmin', snapshot([b], datasets=[MI, MADM, MONLY]), "FAIL mibad ~ no Entra ID administrator")
# the Entra-only object decides over the instance's copy
case('AZA-SQL-031', 'fail-child-decides', snapshot([mi('mibad', properties__administrators=EXT_ADMIN), mi_only(b, False)], datasets=[MI, MADM, MONLY]),
     "FAIL mibad ~ azureADOnlyAuthentications/Default azureADOnlyAuthentication is false")
case('AZA-SQL-031', 'fail-template', mi_template('mitpl', {}, ('administrators', 'ActiveDirectory',
     {"administratorType": "ActiveDirectory", "login": "bob@contoso.com", "sid": "44444444-3333-2222-1111-000000000000"})),
     "FAIL mitpl ~ azureADOnlyAuthentication not set (false)")
case('AZA-SQL-031', 'pass-template', mi_template('mitpl', {"administrators": EXT_ADMIN}), "PASS mitpl ~ administrators azureADOnlyAuthentication is true")
# properties.administrators is first in the managed instance schema of 2020-11-01-preview
# (2020-08-01-preview and the previews before have none).
def mi_template_api(api, props):
    t = mi_template('mitpl', props); t["resources"][0]["apiVersion"] = api
    return t
for R_, ok in (('AZA-SQL-030', "PASS mitpl ~ Entra ID administrator is 'bob@contoso.com'"),
               ('AZA-SQL-031', "PASS mitpl ~ administrators azureADOnlyAuthentication is true")):
    case(R_, 'unknown-template-admins-old-api', mi_template_api("2020-08-01-preview", {"administrators": EXT_ADMIN}),
         "UNKNOWN mitpl ~ properties.administrators names an Entra ID administrator, but api-version 2020-08-01-preview predates the property "
         "(first in the api-version 2020-11-01-preview)")
    case(R_, 'pass-template-admins-first-api', mi_template_api("2020-11-01-preview", {"administrators": EXT_ADMIN}), ok)
# the administrators object of an instance does not carry the setting: an
# administrator known only from it says nothing without the Entra-only object
case('AZA-SQL-031', 'unknown', snapshot([u, mi_admin(u)], datasets=[MI, MADM]),
     "UNKNOWN miunk ~ Entra-only authentication: Microsoft.Sql/managedInstances/azureADOnlyAuthentications was not collected")
case('AZA-SQL-031', 'unknown-missing', snapshot([u, mi_admin(u)], datasets=[MI, MADM, MONLY]),
     "UNKNOWN miunk ~ no azureADOnlyAuthentications object for this managed instance in the input")
case('AZA-SQL-031', 'unknown-error', snapshot([u, mi_admin(u)], datasets=[MI, MADM, MONLY], errors=err(u["id"], MONLY)), "UNKNOWN miunk ~ HTTP 403")
case('AZA-SQL-031', 'unknown-value', snapshot([u, mi_admin(u), mi_only(u, "maybe")], datasets=[MI, MADM, MONLY]), "UNKNOWN miunk ~ not a boolean")
case('AZA-SQL-031', 'unknown-noadmins', snapshot([u], datasets=[MI]), "UNKNOWN miunk ~ administrators was not collected")
case('AZA-SQL-031', 'unknown-noprops', snapshot([bare(mi('mibare'))]), "UNKNOWN mibare ~ no \"properties\"")

# AZA-SQL-032: the TDE protector
MEP = MI + '/encryptionProtector'
case('AZA-SQL-032', 'pass', snapshot([a, mi_protector(a, "AzureKeyVault")], datasets=[MI, MEP]),
     "PASS miok ~ encryptionProtector serverKeyType is AzureKeyVault (key 'someVault_someKey_01234567890123456789012345678901')")
case('AZA-SQL-032', 'fail', snapshot([b, mi_protector(b, "ServiceManaged")], datasets=[MI, MEP]), "FAIL mibad ~ serverKeyType is ServiceManaged")
case('AZA-SQL-032', 'unknown', snapshot([u], datasets=[MI]), "UNKNOWN miunk ~ TDE protector: Microsoft.Sql/managedInstances/encryptionProtector was not collected")
case('AZA-SQL-032', 'unknown-missing', snapshot([u], datasets=[MI, MEP]), "UNKNOWN miunk ~ no encryptionProtector object for this managed instance")
case('AZA-SQL-032', 'unknown-error', snapshot([u], datasets=[MI, MEP], errors=err(u["id"], MEP)), "UNKNOWN miunk ~ HTTP 403")
case('AZA-SQL-032', 'unknown-value', snapshot([u, mi_protector(u, "Elsewhere")], datasets=[MI, MEP]), "UNKNOWN miunk ~ unexpected value 'Elsewhere'")
case('AZA-SQL-032', 'unknown-template', mi_template('mitpl'), "UNKNOWN mitpl ~ no encryptionProtector object for this managed instance")
case('AZA-SQL-032', 'pass-template', mi_template('mitpl', {}, ('encryptionProtector', 'current',
     {"serverKeyType": "AzureKeyVault", "serverKeyName": "someVault_someKey_01234567890123456789012345678901"})),
     "PASS mitpl ~ AzureKeyVault")
case('AZA-SQL-032', 'unknown-noprops', snapshot([bare(mi('mibare'))]), "UNKNOWN mibare ~ no \"properties\"")

# AZA-SQL-033: Microsoft Defender for SQL, as AZA-SQL-003 for servers
MATP = MI + '/advancedThreatProtectionSettings'
MSAP = MI + '/securityAlertPolicies'
case('AZA-SQL-033', 'pass', snapshot([a, mi_atp(a, "Enabled")], datasets=[MI, MATP, MSAP]), "PASS miok ~ advancedThreatProtectionSettings state is Enabled")
case('AZA-SQL-033', 'pass-legacy', snapshot([a, mi_atp(a, "Disabled"), mi_alerts(a, "Enabled")], datasets=[MI, MATP, MSAP]),
     "PASS miok ~ securityAlertPolicies state is Enabled")
case('AZA-SQL-033', 'pass-plan', snapshot([a, mi_atp(a, "Disabled"), pricing("Standard")], datasets=[MI, MATP, MSAP, PRICE]),
     "PASS miok ~ Defender for SQL (pricing SqlServers) is Standard")
case('AZA-SQL-033', 'fail', snapshot([b, mi_atp(b, "Disabled"), mi_alerts(b, "Disabled"), pricing("Free")], datasets=[MI, MATP, MSAP, PRICE]),
     "FAIL mibad ~ advancedThreatProtectionSettings state is Disabled and Defender for SQL is not on for the subscription")
case('AZA-SQL-033', 'unknown', snapshot([u], datasets=[MI]), "UNKNOWN miunk ~ Microsoft.Sql/managedInstances/advancedThreatProtectionSettings was not collected")
case('AZA-SQL-033', 'unknown-missing', snapshot([u], datasets=[MI, MATP, MSAP]),
     "UNKNOWN miunk ~ no advancedThreatProtectionSettings object for this managed instance in the input")
case('AZA-SQL-033', 'unknown-noplans', snapshot([u, mi_atp(u, "Disabled")], datasets=[MI, MATP, MSAP]), "UNKNOWN miunk ~ Defender plans are unknown")
case('AZA-SQL-033', 'unknown-template-noplans', mi_template('mitpl', {}, ('advancedThreatProtectionSettings', 'Default', {"state": "Disabled"})),
     "UNKNOWN mitpl ~ template does not hold the subscription's Defender plans")
case('AZA-SQL-033', 'unknown-value', snapshot([u, mi_atp(u, "Sometimes")], datasets=[MI, MATP, MSAP, PRICE]),
     "UNKNOWN miunk ~ unexpected value 'Sometimes'")
case('AZA-SQL-033', 'unknown-noprops', snapshot([bare(mi('mibare'))]), "UNKNOWN mibare ~ no \"properties\"")

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

# ---- templates that leave a server parameter out ----
# A new server gets the default Microsoft Learn documents for it (for some
# parameters, for its engine version only); a replica or restored server, an
# undocumented default, a version only known at deployment and a
# configurations child whose name is only known at deployment stay UNKNOWN.
def srv_t(rtype, name, version=None, **props):
    api = {PG: "2024-08-01", MY: "2023-12-30"}.get(rtype, "2017-12-01")
    p = {"administratorLogin": "dbadmin", "administratorLoginPassword": "[parameters('pw')]"}
    if version is not None: p["version"] = version
    p.update(props)
    return {"type": rtype, "apiVersion": api, "name": name, "location": "westeurope", "properties": p}

def conf_t(srv, name, value):
    return {"type": srv["type"] + "/configurations", "apiVersion": srv["apiVersion"], "name": f"{srv['name']}/{name}",
            "dependsOn": [srv["name"]], "properties": {"value": value, "source": "user-override"}}

def tpl_case(rule, name, resources, expect, ver=False):
    params = {"pw": {"type": "securestring"}}
    if ver: params["ver"] = {"type": "string"}
    case(rule, name, template(resources, parameters=params), expect)

PG_REPLICA = dict(createMode="Replica", sourceServerResourceId=rid('rg-db', 'Microsoft.DBforPostgreSQL', 'flexibleServers', 'pgok'))
# a configurations child named by a parameter may be the one a rule reads
pgdyn = srv_t(PG, 'pg-t-dyn', "16")
pgdyn_conf = conf_t(pgdyn, 'x', 'on'); pgdyn_conf["name"] = "[concat('pg-t-dyn/', parameters('ver'))]"
tpl_case('AZA-SQL-014', 'template-default',
         [srv_t(PG, 'pg-t-new', "16"), srv_t(PG, 'pg-t-replica', "16", **PG_REPLICA), pgdyn, pgdyn_conf],
         "PASS pg-t-new ~ require_secure_transport is on (not declared in the template: the default of a new server, per Microsoft Learn\n"
         "UNKNOWN pg-t-replica ~ not created as new (createMode Replica)\n"
         "UNKNOWN pg-t-dyn ~ whose name is only known at deployment, may be it", ver=True)
tpl_case('AZA-SQL-015', 'template-default',
         [srv_t(PG, 'pg-t-new', "16"), srv_t(PG, 'pg-t-11', "11"), srv_t(PG, 'pg-t-ver', "[parameters('ver')]")],
         "PASS pg-t-new ~ ssl_min_protocol_version is TLSv1.2 (not declared in the template: the default of a new PostgreSQL 16 server\n"
         "# PostgreSQL 11 has no ssl_min_protocol_version\n"
         "UNKNOWN pg-t-11 ~ documents no default of it for PostgreSQL 11\n"
         "UNKNOWN pg-t-ver ~ depends on the PostgreSQL version", ver=True)
PGS_T = 'Microsoft.DBforPostgreSQL/servers'
for rule, param in (('AZA-SQL-016', 'log_checkpoints'), ('AZA-SQL-017', 'log_connections')):
    tpl_case(rule, 'template-default', [srv_t(PG, 'pg-t-new', "16"), srv_t(PGS_T, 'pgs-t-new', "11", createMode="Default")],
             f"PASS pg-t-new ~ {param} is on (not declared in the template: the default of a new server\n"
             f"PASS pgs-t-new ~ {param} is on (not declared in the template: the default of a new server, per Microsoft Learn, Logs in Azure Database for PostgreSQL - Single Server")
tpl_case('AZA-SQL-018', 'template-default', [srv_t(PG, 'pg-t-new', "16"), srv_t(PGS_T, 'pgs-t-new', "11", createMode="Default")],
         "PASS pg-t-new ~ log_disconnections is on (not declared in the template\n"
         "UNKNOWN pgs-t-new ~ which Microsoft Learn does not document")
tpl_case('AZA-SQL-019', 'template-default',
         [srv_t(PG, 'pg-t-new', "16"), srv_t(PG, 'pg-t-18', "18"), srv_t(PGS_T, 'pgs-t-new', "11", createMode="Default")],
         "FAIL pg-t-new ~ connection_throttle.enable is off (not declared in the template: the default of a new PostgreSQL 16 server\n"
         "# the parameter list of PostgreSQL 18 has no connection_throttle.enable\n"
         "UNKNOWN pg-t-18 ~ documents no default of it for PostgreSQL 18\n"
         "UNKNOWN pgs-t-new ~ connection_throttling is not declared in the template: the server default applies, which Microsoft Learn does not document")
pgkeep = srv_t(PG, 'pg-t-kept', "16")
tpl_case('AZA-SQL-020', 'template-default',
         [srv_t(PG, 'pg-t-new', "16"), pgkeep, conf_t(pgkeep, 'logfiles.retention_days', '7'),
          srv_t(PGS_T, 'pgs-t-new', "11", createMode="Default")],
         "FAIL pg-t-new ~ logfiles.retention_days is 3 (not declared in the template\n"
         "PASS pg-t-kept ~ logfiles.retention_days is 7 (more than 3 days)\n"
         "FAIL pgs-t-new ~ log_retention_days is 3 (not declared in the template")
tpl_case('AZA-SQL-021', 'template-default', [srv_t(MY, 'my-t-new', "8.0.21"), srv_t(MY, 'my-t-restore', "8.0.21", createMode="PointInTimeRestore")],
         "PASS my-t-new ~ require_secure_transport is ON (not declared in the template: the default of a new server, per Microsoft Learn\n"
         "UNKNOWN my-t-restore ~ createMode PointInTimeRestore")
tpl_case('AZA-SQL-022', 'template-default', [srv_t(MY, 'my-t-57', "5.7"), srv_t(MY, 'my-t-80', "8.0.21"), srv_t(MY, 'my-t-84', "8.4")],
         "PASS my-t-57 ~ tls_version is 'TLSv1.2' (not declared in the template: the default of a new MySQL 5.7 server\n"
         "PASS my-t-80 ~ the default of a new MySQL 8.0.21 server\n"
         "UNKNOWN my-t-84 ~ documents no default of it for MySQL 8.4")
tpl_case('AZA-SQL-023', 'template-default', [srv_t(MY, 'my-t-new', "8.0.21")],
         "FAIL my-t-new ~ audit_log_enabled is OFF (not declared in the template: the default of a new server")
myon = srv_t(MY, 'my-t-on', "8.0.21")
tpl_case('AZA-SQL-024', 'template-default', [srv_t(MY, 'my-t-new', "8.0.21"), myon, conf_t(myon, 'audit_log_enabled', 'ON')],
         "FAIL my-t-new ~ audit_log_enabled is OFF (not declared in the template\n"
         "# audit_log_events has no documented default\n"
         "UNKNOWN my-t-on ~ audit_log_events is not declared in the template")
MYS_T = 'Microsoft.DBforMySQL/servers'
tpl_case('AZA-SQL-025', 'unknown-template',
         [srv_t(PGS_T, 'pgs-t-new', "11", createMode="Default"), srv_t(MYS_T, 'mys-t-on', "5.7", createMode="Default", sslEnforcement="Enabled")],
         "# enforcement is documented as the default of the portal and the CLI, not of the API\n"
         "UNKNOWN pgs-t-new ~ sslEnforcement is not set in the template\n"
         "PASS mys-t-on ~ sslEnforcement is Enabled")
tpl_case('AZA-SQL-026', 'template-default',
         [srv_t(PGS_T, 'pgs-t-new', "11", createMode="Default"), srv_t(MYS_T, 'mys-t-tls', "5.7", createMode="Default", minimalTlsVersion="TLS1_2")],
         "FAIL pgs-t-new ~ TLSEnforcementDisabled, the default\n"
         "UNKNOWN mys-t-tls ~ sslEnforcement is not set in the template, and the API documents no default")

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
# a database moving from geo to local backups: the request decides
case('AZA-SQL-027', 'fail-requested-local', snapshot([s, db(s, 'leavingdb', properties__requestedBackupStorageRedundancy='Local')]),
     "FAIL sqlsrv/leavingdb ~ requestedBackupStorageRedundancy is Local")
case('AZA-SQL-027', 'unknown-noprops', snapshot([bare(pg('pgbare'))]), "UNKNOWN pgbare ~ no \"properties\"")
case('AZA-SQL-027', 'pass-critical', snapshot([pg('pgcrit', tags={"criticality": "high"}), mysql('myother', properties__backup__geoRedundantBackup='Disabled')]),
     "PASS pgcrit\nNOT_APPLICABLE myother")
open(ROOT + '/AZA-SQL-027/pass-critical.config.json', 'w').write(json.dumps({"critical_tag": {"name": "criticality", "value": "high"}}) + "\n")

# ---- Azure Cosmos DB ----
# The account body is the response of the Azure REST API example
# CosmosDBDatabaseAccountGet.json (Microsoft.DocumentDB stable 2024-11-15),
# with the properties that example leaves out taken from
# CosmosDBDatabaseAccountCreateMax.json of the same version
# (publicNetworkAccess, keyVaultKeyUri, the ipRules and virtualNetworkRules
# shapes) and disableLocalAuth (the specification; Microsoft Learn, Disable
# key-based authentication with Azure Cosmos DB). The compliant base sets
# each one; cases change one at a time.
COS = 'Microsoft.DocumentDB/databaseAccounts'
COS_SUBNET = f"/subscriptions/{SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/subnet1"

def cosmos(name, **kv):
    loc = {"id": f"{name}-eastus", "locationName": "East US", "documentEndpoint": f"https://{name}-eastus.documents.azure.com:443/",
           "provisioningState": "Succeeded", "failoverPriority": 0}
    a = {"id": rid('rg-db', 'Microsoft.DocumentDB', 'databaseAccounts', name), "name": name, "location": "West US", "type": COS,
         "kind": "GlobalDocumentDB", "tags": {},
         "properties": {"provisioningState": "Succeeded", "documentEndpoint": f"https://{name}.documents.azure.com:443/",
                        "ipRules": [], "isVirtualNetworkFilterEnabled": False, "virtualNetworkRules": [],
                        "databaseAccountOfferType": "Standard", "disableKeyBasedMetadataWriteAccess": True,
                        "defaultIdentity": "FirstPartyIdentity",
                        "consistencyPolicy": {"defaultConsistencyLevel": "Session", "maxIntervalInSeconds": 5, "maxStalenessPrefix": 100},
                        "writeLocations": [dict(loc)], "readLocations": [dict(loc)], "locations": [dict(loc)],
                        "failoverPolicies": [{"id": f"{name}-eastus", "locationName": "East US", "failoverPriority": 0}],
                        "privateEndpointConnections": [{
                            "id": rid('rg-db', 'Microsoft.DocumentDB', 'databaseAccounts', name, 'privateEndpointConnections', 'pe1'),
                            "properties": {"privateEndpoint": {"id": rid('rg-net', 'Microsoft.Network', 'privateEndpoints', 'pe1')},
                                           "privateLinkServiceConnectionState": {"status": "Approved", "actionsRequired": "None"}}}],
                        "cors": [], "enableFreeTier": False, "apiProperties": {}, "enableAnalyticalStorage": True,
                        "analyticalStorageConfiguration": {"schemaType": "WellDefined"}, "instanceId": "d9b26648-2f53-4541-b3d8-3044f4f9810d",
                        "createMode": "Default",
                        "backupPolicy": {"type": "Periodic", "periodicModeProperties": {"backupIntervalInMinutes": 240, "backupRetentionIntervalInHours": 8,
                                                                                          "backupStorageRedundancy": "Geo"}},
                        "networkAclBypass": "None", "networkAclBypassResourceIds": [],
                        "keysMetadata": {k: {"generationTime": "2022-02-25T20:30:11Z"} for k in
                                         ("primaryMasterKey", "secondaryMasterKey", "primaryReadonlyMasterKey", "secondaryReadonlyMasterKey")},
                        "enablePartitionMerge": True, "minimalTlsVersion": "Tls12",
                        "publicNetworkAccess": "Disabled", "keyVaultKeyUri": "https://mykeyvault.vault.azure.net/keys/cosmoskey",
                        "disableLocalAuth": True},
         "identity": {"type": "SystemAssigned", "principalId": "52f4fef3-3c3f-4ff3-b52e-b5c9eeb68656",
                      "tenantId": "33e01921-4d64-4f8c-a055-5bdaffd5e33d"}}
    return mod(a, **kv)

def ip_rules(*vals):
    return [{"ipAddressOrRange": v} for v in vals]

def cos_template(api, props, kind="GlobalDocumentDB", name="costpl", extra=()):
    """A template deploying one account (the Learn firewall example's shape:
    consistencyPolicy, locations, databaseAccountOfferType) with props."""
    p = {"databaseAccountOfferType": "Standard", "consistencyPolicy": {"defaultConsistencyLevel": "Session"},
         "locations": [{"locationName": "westeurope", "failoverPriority": 0, "isZoneRedundant": False}]}
    p.update(props)
    r = {"type": COS, "apiVersion": api, "name": name, "location": "westeurope", "properties": p}
    if kind is not None:
        r["kind"] = kind
    return {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
            "resources": [r] + list(extra)}

def cos_noprops(rule):
    case(rule, 'unknown-noprops', snapshot([bare(cosmos('cosbare'))]), "UNKNOWN cosbare ~ no \"properties\"")

MONGO = dict(kind="MongoDB", properties__apiProperties={"serverVersion": "4.2"})
CASSANDRA = dict(properties__capabilities=[{"name": "EnableCassandra"}])

# AZA-COS-001: public access restricted to selected networks
R = 'AZA-COS-001'
OPEN = dict(properties__publicNetworkAccess="Enabled")
case(R, 'pass', snapshot([cosmos('cosok')]), "PASS cosok ~ publicNetworkAccess is Disabled")
# the CreateMax example's firewall: two IP ranges and a subnet (its second range
# narrowed from a /12 to a /20: fail-wide-12 below)
case(R, 'pass-firewall', snapshot([cosmos('cosfw', **OPEN, properties__ipRules=ip_rules("23.43.230.120", "110.12.240.0/20"),
                                         properties__isVirtualNetworkFilterEnabled=True,
                                         properties__virtualNetworkRules=[{"id": COS_SUBNET, "ignoreMissingVNetServiceEndpoint": False}])]),
     "PASS cosfw ~ limited to 2 IP rule(s) and 1 virtual network rule(s)")
case(R, 'pass-vnet-only', snapshot([cosmos('cosvnet', **OPEN, properties__isVirtualNetworkFilterEnabled=True,
                                           properties__virtualNetworkRules=[{"id": COS_SUBNET}])]),
     "PASS cosvnet ~ 0 IP rule(s) and 1 virtual network rule(s)")
# an account read with an api-version before 2020-04-01: the comma-separated
# ipRangeFilter (Microsoft Learn's example: the portal's addresses)
old = cosmos('cosold', **OPEN, properties__ipRules=DEL, properties__ipRangeFilter="40.76.54.131,52.176.6.30,52.169.50.45,52.187.184.26")
case(R, 'pass-iprangefilter', snapshot([old]), "PASS cosold ~ limited to 4 IP rule(s)")
case(R, 'fail', snapshot([cosmos('cosopen', **OPEN)]), "FAIL cosopen ~ publicNetworkAccess is Enabled with no IP rule or virtual network rule")
case(R, 'fail-absent', snapshot([cosmos('cosdef', properties__publicNetworkAccess=DEL)]), "FAIL cosdef ~ not set (Enabled)")
# "Accept connections from within public Azure datacenters" beside a real rule
case(R, 'fail-azure-datacenters', snapshot([cosmos('cosazure', **OPEN, properties__ipRules=ip_rules("104.42.195.92", "0.0.0.0"))]),
     "FAIL cosazure ~ IP rule '0.0.0.0' accepts connections from within Azure datacenters")
case(R, 'fail-iprangefilter-azure', snapshot([mod(old, properties__ipRangeFilter="0.0.0.0,40.76.54.131")]),
     "FAIL cosold ~ IP rule '0.0.0.0' accepts connections")
case(R, 'fail-every-address', snapshot([cosmos('cosall', **OPEN, properties__ipRules=ip_rules("0.0.0.0/0"))]),
     "FAIL cosall ~ admits every address")
case(R, 'fail-wide', snapshot([cosmos('coswide', **OPEN, properties__ipRules=ip_rules("64.0.0.0/2"))]),
     "FAIL coswide ~ admits the internet at large (65,536 public addresses or more")
# the CreateMax example's own 110.12.240.0/12: a million public addresses, as
# many as an NSG source or a SQL firewall rule the exposure rules count as the
# internet (one range, one verdict across every firewall)
case(R, 'fail-wide-12', snapshot([cosmos('cos12', **OPEN, properties__ipRules=ip_rules("23.43.230.120", "110.12.240.0/12"))]),
     "FAIL cos12 ~ IP rule '110.12.240.0/12' admits the internet at large")
# a private range holds no internet address, however wide
case(R, 'pass-private-range', snapshot([cosmos('cospriv', **OPEN, properties__ipRules=ip_rules("10.0.0.0/8"))]),
     "PASS cospriv ~ limited to 1 IP rule(s)")
# subnet rules with the filter off are not applied
case(R, 'fail-filter-off', snapshot([cosmos('cosoff', **OPEN, properties__virtualNetworkRules=[{"id": COS_SUBNET}])]),
     "FAIL cosoff ~ virtualNetworkRules apply only with isVirtualNetworkFilterEnabled true")
case(R, 'unknown', snapshot([cosmos('cosunk', properties__publicNetworkAccess=1)]), "UNKNOWN cosunk ~ publicNetworkAccess is not a string")
case(R, 'unknown-perimeter', snapshot([cosmos('cosnsp', properties__publicNetworkAccess="SecuredByPerimeter")]),
     "UNKNOWN cosnsp ~ network security perimeter")
# "Selected networks" with nothing selected: not documented either way
case(R, 'unknown-filter-no-rules', snapshot([cosmos('cosempty', **OPEN, properties__isVirtualNetworkFilterEnabled=True)]),
     "UNKNOWN cosempty ~ isVirtualNetworkFilterEnabled is true with no IP or virtual network rule")
case(R, 'unknown-iprule-string', snapshot([cosmos('cosstr', **OPEN, properties__ipRules=["192.0.0.1"])]),
     "UNKNOWN cosstr ~ an ipRules entry has no ipAddressOrRange string")
case(R, 'unknown-iprule-value', snapshot([cosmos('cosname', **OPEN, properties__ipRules=ip_rules("office"))]),
     "UNKNOWN cosname ~ IP rule 'office' is not an address or CIDR range")
case(R, 'unknown-subnet-placeholder', snapshot([cosmos('cosph', **OPEN, properties__isVirtualNetworkFilterEnabled=True,
                                                       properties__virtualNetworkRules=[{"id": "Microsoft.virtualNetworks"}])]),
     "UNKNOWN cosph ~ virtual network rule 'Microsoft.virtualNetworks' is not a subnet id")
case(R, 'unknown-filter-type', snapshot([cosmos('cosft', **OPEN, properties__isVirtualNetworkFilterEnabled="yes")]),
     "UNKNOWN cosft ~ isVirtualNetworkFilterEnabled is not a boolean")
cos_noprops(R)
# templates: each api-version has its own property for IP rules
case(R, 'pass-template', cos_template("2024-11-15", {"ipRules": ip_rules("40.76.54.131")}), "PASS costpl ~ not set (Enabled), limited to 1 IP rule(s)")
case(R, 'pass-template-old', cos_template("2019-08-01", {"ipRangeFilter": "40.76.54.131,52.176.6.30"}), "PASS costpl ~ limited to 2 IP rule(s)")
case(R, 'unknown-template-iprangefilter', cos_template("2024-11-15", {"ipRangeFilter": "40.76.54.131"}),
     "UNKNOWN costpl ~ ipRangeFilter is set but is not a property of api-version 2024-11-15")
case(R, 'unknown-template-iprules-old', cos_template("2019-08-01", {"ipRules": ip_rules("40.76.54.131")}),
     "UNKNOWN costpl ~ ipRules is set but is not a property of api-version 2019-08-01")
t = cos_template("[parameters('apiVersion')]", {"ipRules": ip_rules("40.76.54.131")})
t["parameters"] = {"apiVersion": {"type": "string"}}
case(R, 'unknown-template-api-param', t, "UNKNOWN costpl ~ is only known at deployment")
# the CKV_AZURE_99 fixtures' empty list: no rule in either form
case(R, 'fail-template', cos_template("2024-11-15", {"ipRangeFilter": [], "isVirtualNetworkFilterEnabled": False}),
     "FAIL costpl ~ not set (Enabled) with no IP rule")
t = cos_template("2024-11-15", {"publicNetworkAccess": "[parameters('publicAccess')]", "ipRules": ip_rules("40.76.54.131")})
t["parameters"] = {"publicAccess": {"type": "string"}}
case(R, 'unknown-template-parameter', t, "UNKNOWN costpl ~ not known before deployment")
# publicNetworkAccess is in the stable 2020-04-01 schema, not in 2020-03-01
case(R, 'pass-template-disabled', cos_template("2020-04-01", {"publicNetworkAccess": "Disabled"}), "PASS costpl ~ publicNetworkAccess is Disabled")
case(R, 'unknown-template-pna-old', cos_template("2020-03-01", {"publicNetworkAccess": "Disabled"}),
     "UNKNOWN costpl ~ api-version 2020-03-01 predates the property")

# AZA-COS-002: public network access disabled
R = 'AZA-COS-002'
case(R, 'pass', snapshot([cosmos('cosok')]), "PASS cosok ~ Disabled")
case(R, 'fail', snapshot([cosmos('cosopen', **OPEN, properties__ipRules=ip_rules("23.43.230.120"))]), "FAIL cosopen ~ Enabled")
case(R, 'fail-absent', snapshot([cosmos('cosdef', properties__publicNetworkAccess=DEL)]), "FAIL cosdef ~ defaults to Enabled")
case(R, 'fail-perimeter', snapshot([cosmos('cosnsp', properties__publicNetworkAccess="SecuredByPerimeter")]), "FAIL cosnsp ~ not Disabled")
case(R, 'unknown', snapshot([cosmos('cosunk', properties__publicNetworkAccess="Sideways")]), "UNKNOWN cosunk ~ unexpected value 'Sideways'")
case(R, 'unknown-type', snapshot([cosmos('cosunk', properties__publicNetworkAccess=False)]), "UNKNOWN cosunk ~ not a string")
cos_noprops(R)
case(R, 'fail-template', cos_template("2024-11-15", {}), "FAIL costpl ~ not set")
case(R, 'pass-template', cos_template("2020-04-01", {"publicNetworkAccess": "Disabled"}), "PASS costpl ~ Disabled")
case(R, 'unknown-template-old-api', cos_template("2019-12-12", {"publicNetworkAccess": "Disabled"}),
     "UNKNOWN costpl ~ api-version 2019-12-12 predates the property")

# AZA-COS-003: private endpoints
R = 'AZA-COS-003'
PE = 'Microsoft.Network/privateEndpoints'
case(R, 'pass', snapshot([cosmos('cosok')]), "PASS cosok ~ 1 approved")
case(R, 'fail', snapshot([cosmos('cosnope', properties__privateEndpointConnections=[])]), "FAIL cosnope ~ no approved private endpoint")
pend = cosmos('cospend')
pend["properties"]["privateEndpointConnections"][0]["properties"]["privateLinkServiceConnectionState"]["status"] = "Pending"
case(R, 'fail-pending', snapshot([pend]), "FAIL cospend ~ (1 pending or rejected)")
case(R, 'unknown', snapshot([cosmos('cosunk', properties__privateEndpointConnections="pe1")]), "UNKNOWN cosunk ~ not an array")
cos_noprops(R)
# a template's own private endpoint (groupId Sql for the API for NoSQL)
case(R, 'pass-template', pe_template(COS, "2024-11-15", ["costpl"], [("costpl", "Sql", False)],
                                     props={"databaseAccountOfferType": "Standard",
                                            "locations": [{"locationName": "westeurope", "failoverPriority": 0}]}),
     "PASS costpl ~ private endpoint 'pe1'")
case(R, 'fail-template-manual', pe_template(COS, "2024-11-15", ["costpl"], [("costpl", "Sql", True)],
                                            props={"databaseAccountOfferType": "Standard",
                                                   "locations": [{"locationName": "westeurope", "failoverPriority": 0}]}),
     "FAIL costpl ~ no private endpoint of the template connects to the account")

# AZA-COS-004: local (key) authentication disabled
R = 'AZA-COS-004'
case(R, 'pass', snapshot([cosmos('cosok')]), "PASS cosok ~ disableLocalAuth is true")
case(R, 'fail', snapshot([cosmos('coskeys', properties__disableLocalAuth=False)]), "FAIL coskeys ~ disableLocalAuth is false")
# the GET example returns no disableLocalAuth for an account that never set it
case(R, 'fail-absent', snapshot([cosmos('cosdef', properties__disableLocalAuth=DEL)]), "FAIL cosdef ~ not set (false)")
case(R, 'fail-table', snapshot([cosmos('costable', properties__disableLocalAuth=False, properties__capabilities=[{"name": "EnableTable"}])]),
     "FAIL costable ~ API for Table")
case(R, 'unknown', snapshot([cosmos('cosunk', properties__disableLocalAuth="enabled")]), "UNKNOWN cosunk ~ not a boolean")
case(R, 'unknown-kind', snapshot([cosmos('cosparse', kind="Parse", properties__disableLocalAuth=False)]),
     "UNKNOWN cosparse ~ kind has an unexpected value 'Parse'")
case(R, 'unknown-capabilities', snapshot([cosmos('coscap', properties__disableLocalAuth=False, properties__capabilities="EnableCassandra")]),
     "UNKNOWN coscap ~ capabilities is not an array")
case(R, 'unknown-kind-absent', snapshot([cosmos('cosnokind', kind=DEL, properties__disableLocalAuth=False)]),
     "UNKNOWN cosnokind ~ kind is absent")
cos_noprops(R)
# MongoDB (RU) and Cassandra accounts have no documented Entra ID data plane
case(R, 'na-mongo', snapshot([cosmos('cosmongo', **MONGO, properties__disableLocalAuth=False)]),
     "NOT_APPLICABLE cosmongo ~ API for MongoDB")
case(R, 'na-cassandra', snapshot([cosmos('coscass', **CASSANDRA, properties__disableLocalAuth=DEL)]),
     "NOT_APPLICABLE coscass ~ API for Apache Cassandra")
case(R, 'pass-mongo', snapshot([cosmos('cosmongo', **MONGO)]), "PASS cosmongo ~ disableLocalAuth is true")
case(R, 'fail-template', cos_template("2024-11-15", {}, kind=None), "FAIL costpl ~ not set (false): account keys authenticate data-plane requests (API for NoSQL)")
# disableLocalAuth is in the stable 2021-06-15 schema, not in 2021-05-15, and in
# the previews from 2021-07-01-preview, not in 2021-04-01-preview
case(R, 'pass-template', cos_template("2021-06-15", {"disableLocalAuth": True}), "PASS costpl ~ disableLocalAuth is true")
case(R, 'pass-template-preview', cos_template("2021-07-01-preview", {"disableLocalAuth": True}), "PASS costpl ~ disableLocalAuth is true")
case(R, 'unknown-template-old-api', cos_template("2021-05-15", {"disableLocalAuth": True}),
     "UNKNOWN costpl ~ disableLocalAuth is true, but api-version 2021-05-15 predates the property (first in the stable api-version 2021-06-15)")
case(R, 'unknown-template-old-preview', cos_template("2021-04-01-preview", {"disableLocalAuth": True}),
     "UNKNOWN costpl ~ api-version 2021-04-01-preview predates the property")
t = cos_template("[parameters('apiVersion')]", {"disableLocalAuth": True})
t["parameters"] = {"apiVersion": {"type": "string"}}
case(R, 'unknown-template-api-param', t, "UNKNOWN costpl ~ disableLocalAuth is true, but the api-version, [parameters('apiVersion')], is only known at deployment")

# AZA-COS-005: key-based metadata writes disabled
R = 'AZA-COS-005'
KEYS = dict(properties__disableLocalAuth=False)
case(R, 'pass', snapshot([cosmos('cosok', **KEYS)]), "PASS cosok ~ disableKeyBasedMetadataWriteAccess is true")
case(R, 'fail', snapshot([cosmos('cosmeta', **KEYS, properties__disableKeyBasedMetadataWriteAccess=False)]),
     "FAIL cosmeta ~ disableKeyBasedMetadataWriteAccess is false")
case(R, 'fail-absent', snapshot([cosmos('cosdef', **KEYS, properties__disableKeyBasedMetadataWriteAccess=DEL)]), "FAIL cosdef ~ not set (false)")
# keys refused altogether (API for NoSQL)
case(R, 'pass-local-auth-off', snapshot([cosmos('cosentra', properties__disableKeyBasedMetadataWriteAccess=False)]),
     "PASS cosentra ~ disableLocalAuth is true: account keys authenticate no request")
# ...but not on an API without a documented Entra ID data plane
case(R, 'fail-mongo', snapshot([cosmos('cosmongo', **MONGO, properties__disableKeyBasedMetadataWriteAccess=False)]),
     "FAIL cosmongo ~ disableKeyBasedMetadataWriteAccess is false")
case(R, 'unknown', snapshot([cosmos('cosunk', properties__disableKeyBasedMetadataWriteAccess="yes")]), "UNKNOWN cosunk ~ not a boolean")
case(R, 'unknown-local-auth', snapshot([cosmos('cosunk', properties__disableKeyBasedMetadataWriteAccess=False, properties__disableLocalAuth=1)]),
     "UNKNOWN cosunk ~ disableLocalAuth is not a boolean")
cos_noprops(R)
case(R, 'fail-template', cos_template("2024-11-15", {}), "FAIL costpl ~ not set (false)")
# disableKeyBasedMetadataWriteAccess is in the stable 2019-08-01 schema (as
# revised in place), not in 2016-03-31; disableLocalAuth from 2021-06-15
case(R, 'pass-template', cos_template("2019-12-12", {"disableKeyBasedMetadataWriteAccess": True}),
     "PASS costpl ~ disableKeyBasedMetadataWriteAccess is true")
case(R, 'pass-template-first-api', cos_template("2019-08-01", {"disableKeyBasedMetadataWriteAccess": True}),
     "PASS costpl ~ disableKeyBasedMetadataWriteAccess is true")
case(R, 'unknown-template-old-api', cos_template("2016-03-31", {"disableKeyBasedMetadataWriteAccess": True}),
     "UNKNOWN costpl ~ disableKeyBasedMetadataWriteAccess is true, but api-version 2016-03-31 predates the property (first in the stable "
     "api-version 2019-08-01)")
case(R, 'pass-template-local-auth-off', cos_template("2021-06-15", {"disableLocalAuth": True}),
     "PASS costpl ~ disableLocalAuth is true: account keys authenticate no request")
case(R, 'unknown-template-local-auth-old-api', cos_template("2021-05-15", {"disableLocalAuth": True}),
     "UNKNOWN costpl ~ disableKeyBasedMetadataWriteAccess is not set (false) and disableLocalAuth is true, but for disableLocalAuth "
     "api-version 2021-05-15 predates the property")

# AZA-COS-006: customer-managed key
R = 'AZA-COS-006'
case(R, 'pass', snapshot([cosmos('cosok')]), "PASS cosok ~ keyVaultKeyUri is https://mykeyvault.vault.azure.net/keys/cosmoskey")
case(R, 'fail', snapshot([cosmos('cossmk', properties__keyVaultKeyUri=DEL)]), "FAIL cossmk ~ not set: data is encrypted with service-managed keys")
case(R, 'fail-empty', snapshot([cosmos('cosempty', properties__keyVaultKeyUri="")]), "FAIL cosempty ~ is empty")
case(R, 'unknown', snapshot([cosmos('cosunk', properties__keyVaultKeyUri=42)]), "UNKNOWN cosunk ~ not a string")
case(R, 'unknown-placeholder', snapshot([cosmos('cosph', properties__keyVaultKeyUri="<key uri>")]), "UNKNOWN cosph ~ is not a key URI")
cos_noprops(R)
case(R, 'pass-template', cos_template("2024-11-15", {"keyVaultKeyUri": "https://mykeyvault.vault.azure.net/keys/cosmoskey"}), "PASS costpl")
case(R, 'fail-template', cos_template("2024-11-15", {}), "FAIL costpl ~ not set")
# Microsoft Learn asks templates for api-version 2019-12-12 or later.
case(R, 'unknown-template-old-api', cos_template("2019-08-01", {"keyVaultKeyUri": "https://mykeyvault.vault.azure.net/keys/cosmoskey"}),
     "UNKNOWN costpl ~ api-version 2019-08-01 predates the property (first in the stable api-version 2019-12-12)")
case(R, 'pass-template-first-api', cos_template("2019-12-12", {"keyVaultKeyUri": "https://mykeyvault.vault.azure.net/keys/cosmoskey"}),
     "PASS costpl ~ keyVaultKeyUri is https://mykeyvault.vault.azure.net/keys/cosmoskey")

# AZA-COS-007: minimum TLS version
R = 'AZA-COS-007'
case(R, 'pass', snapshot([cosmos('cosok')]), "PASS cosok ~ minimalTlsVersion is Tls12")
# the GET example's own value
case(R, 'fail', snapshot([cosmos('costls', properties__minimalTlsVersion="Tls")]), "FAIL costls ~ the account's own minimum is TLS 1.0")
case(R, 'fail-tls11', snapshot([cosmos('costls11', properties__minimalTlsVersion="Tls11")]), "FAIL costls11 ~ own minimum is TLS 1.1")
# the APIs for MongoDB and Cassandra work only with TLS 1.2
case(R, 'pass-mongo', snapshot([cosmos('cosmongo', **MONGO, properties__minimalTlsVersion="Tls")]), "PASS cosmongo ~ works only with TLS 1.2")
case(R, 'unknown', snapshot([cosmos('cosunk', properties__minimalTlsVersion="Ssl3")]), "UNKNOWN cosunk ~ unexpected value 'Ssl3'")
case(R, 'unknown-type', snapshot([cosmos('cosunk', properties__minimalTlsVersion=12)]), "UNKNOWN cosunk ~ not a string")
# Azure returns it from api-version 2022-11-15: absent means older data
case(R, 'unknown-absent', snapshot([cosmos('cosold', properties__minimalTlsVersion=DEL)]), "UNKNOWN cosold ~ absent")
cos_noprops(R)
case(R, 'pass-template', cos_template("2021-10-15", {}), "PASS costpl ~ a new account gets Tls12")
case(R, 'fail-template', cos_template("2024-11-15", {"minimalTlsVersion": "Tls11"}), "FAIL costpl ~ Tls11")

# AZA-SQL-027 in templates: a flexible server's backup.geoRedundantBackup
# defaults to Disabled ("default": "Disabled" in the PostgreSQL and MySQL
# flexible server APIs) and is set only at creation.
def flex_t(rtype, name, backup):
    props = {"version": "16" if 'PostgreSQL' in rtype else "8.0.21", "administratorLogin": "dbadmin",
             "administratorLoginPassword": "[parameters('pw')]", "storage": {"storageSizeGB": 128}}
    if backup is not None: props["backup"] = backup
    return {"type": rtype, "apiVersion": "2024-08-01" if 'PostgreSQL' in rtype else "2023-12-30", "name": name, "location": "westeurope",
            "sku": {"name": "Standard_D2ds_v5", "tier": "GeneralPurpose"}, "properties": props}
replica = flex_t(PG, 'pg-t-replica', None)
replica["properties"]["createMode"] = "Replica"
replica["properties"]["sourceServerResourceId"] = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-db/providers/Microsoft.DBforPostgreSQL/flexibleServers/pgok"
case('AZA-SQL-027', 'fail-template-default',
     template([flex_t(PG, 'pg-t-nobackup', None), flex_t(MY, 'my-t-retention', {"backupRetentionDays": 14}),
               flex_t(PG, 'pg-t-geo', {"geoRedundantBackup": "Enabled"}), replica], parameters={"pw": {"type": "securestring"}}),
     "FAIL pg-t-nobackup ~ geoRedundantBackup not set: defaults to Disabled\n"
     "FAIL my-t-retention ~ geoRedundantBackup not set: defaults to Disabled\n"
     "PASS pg-t-geo ~ geoRedundantBackup is Enabled\n"
     "# what a replica takes is not documented\n"
     "UNKNOWN pg-t-replica ~ geoRedundantBackup is absent")
