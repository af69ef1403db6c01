# Fixtures for the App Service rules (AZA-APP-*). Bodies follow GetWebApp,
# GetSiteConfig and GetAuthSettingsV2WithoutSecrets.
import sys, os, copy, json; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *
TEN = "72f988bf-0000-0000-0000-000000000001"
SITE = "Microsoft.Web/sites"
CFG = SITE + "/config"

SITECONFIG = {
    "numberOfWorkers": 1, "defaultDocuments": ["Default.htm", "Default.html", "index.html", "hostingstart.html"],
    "netFrameworkVersion": "v4.0", "phpVersion": "5.6", "pythonVersion": "", "nodeVersion": "", "powerShellVersion": "",
    "linuxFxVersion": "", "requestTracingEnabled": False, "remoteDebuggingEnabled": False, "httpLoggingEnabled": False,
    "acrUseManagedIdentityCreds": False, "logsDirectorySizeLimit": 35, "detailedErrorLoggingEnabled": False,
    "use32BitWorkerProcess": True, "webSocketsEnabled": False, "alwaysOn": False, "appCommandLine": "",
    "managedPipelineMode": "Integrated",
    "virtualApplications": [{"virtualPath": "/", "physicalPath": "site\\wwwroot", "preloadEnabled": False}],
    "loadBalancing": "LeastRequests", "autoHealEnabled": False, "vnetName": "", "vnetRouteAllEnabled": False,
    "vnetPrivatePortsCount": 0, "http20Enabled": False, "minTlsVersion": "1.2", "scmMinTlsVersion": "1.2",
    "ftpsState": "AllAllowed", "functionAppScaleLimit": 0, "functionsRuntimeScaleMonitoringEnabled": False,
    "minimumElasticInstanceCount": 0, "azureStorageAccounts": {}}

def example_site(name):
    """GetWebApp.json, under the fixture subscription."""
    sid = rid('rg-web', 'Microsoft.Web', 'sites', name)
    return {"id": sid, "name": name, "type": SITE, "kind": "app", "location": "East US",
            "properties": {"state": "Running", "hostNames": [f"{name}.azurewebsites.net"], "repositorySiteName": name,
                "usageState": "Normal", "enabled": True,
                "enabledHostNames": [f"{name}.azurewebsites.net", f"{name}.scm.azurewebsites.net"], "availabilityState": "Normal",
                "hostNameSslStates": [{"name": f"{name}.azurewebsites.net", "sslState": "Disabled", "hostType": "Standard"},
                                      {"name": f"{name}.scm.azurewebsites.net", "sslState": "Disabled", "hostType": "Repository"}],
                "serverFarmId": rid('rg-web', 'Microsoft.Web', 'serverfarms', 'DefaultAsp'),
                "reserved": False, "isXenon": False, "hyperV": False, "lastModifiedTimeUtc": "2020-03-04T17:33:11.641Z",
                "vnetRouteAllEnabled": False, "vnetImagePullEnabled": False, "vnetContentShareEnabled": False,
                "siteConfig": copy.deepcopy(SITECONFIG), "scmSiteAlsoStopped": False, "clientAffinityEnabled": True,
                "clientCertEnabled": False, "clientCertMode": "Required", "hostNamesDisabled": False,
                "outboundIpAddresses": "70.37.102.201,20.225.43.144", "containerSize": 0, "dailyMemoryTimeQuota": 0,
                "resourceGroup": "rg-web", "defaultHostName": f"{name}.azurewebsites.net", "httpsOnly": False,
                "redundancyMode": "None", "storageAccountRequired": False, "keyVaultReferenceIdentity": "SystemAssigned",
                "resourceConfig": {"cpu": 1.0, "memory": "2.0Gi"}}}

def site(name, **kv):
    """A well-configured Linux app."""
    s = example_site(name)
    s["kind"] = "app,linux"
    s["identity"] = {"type": "SystemAssigned", "tenantId": TEN, "principalId": "11111111-2222-3333-4444-555555555555"}
    s["properties"].update({"httpsOnly": True, "clientCertEnabled": True, "reserved": True})
    s["properties"]["siteConfig"].update({"http20Enabled": True, "ftpsState": "FtpsOnly", "linuxFxVersion": "PYTHON|3.11",
                                          "phpVersion": "", "netFrameworkVersion": "v4.0"})
    return mod(s, **kv)

def listed(name, **kv):
    """A site as a list export returns it: siteConfig fields null."""
    s = site(name, **kv)
    s["properties"]["siteConfig"] = {k: None for k in SITECONFIG}
    return s

def webcfg(s, **props):
    p = copy.deepcopy(SITECONFIG); p.update(props)
    return {"id": s["id"] + "/config/web", "name": "web", "type": CFG, "kind": "app", "properties": p}

def auth(s, file=False, **kv):
    """The site's config/authsettingsV2 (GetAuthSettingsV2WithoutSecrets);
    without file, platform.configFilePath is dropped: the example uses
    file-based configuration, so its globalValidation is not what runs."""
    a = {"name": "authsettingsv2", "type": "Microsoft.Web/sites/authsettingsv2", "id": s["id"] + "/config/authsettingsv2", "kind": "app",
         "properties": {"globalValidation": {"excludedPaths": ["/nosecrets/Path"], "requireAuthentication": True, "unauthenticatedClientAction": "Return403"},
             "httpSettings": {"forwardProxy": {"convention": "Standard", "customHostHeaderName": "authHeader", "customProtoHeaderName": "customProtoHeader"},
                              "requireHttps": True, "routes": {"apiPrefix": "/authv2/"}},
             "identityProviders": {"google": {"enabled": True, "login": {"scopes": ["admin"]},
                 "registration": {"clientId": "42d795a9-8abb-4d06-8534-39528af40f8e.apps.googleusercontent.com", "clientSecretSettingName": "ClientSecret"},
                 "validation": {"allowedAudiences": ["https://example.com"]}}},
             "login": {"allowedExternalRedirectUrls": ["https://someurl.com"], "nonce": {"validateNonce": True}, "preserveUrlFragmentsForLogins": True,
                       "tokenStore": {"enabled": True, "fileSystem": {"directory": "/wwwroot/sites/example"}, "tokenRefreshExtensionHours": 96}},
             "platform": {"configFilePath": "/auth/config.json", "enabled": True, "runtimeVersion": "~1"}}}
    if not file:
        del a["properties"]["platform"]["configFilePath"]
    return mod(a, **kv)

def winsite(name, **cfg):
    """A Windows app as Resource Manager returns it (GetWebApp), PHP off, with
    its config/web (GetSiteConfig) holding cfg."""
    s = example_site(name)
    s["properties"].update({"httpsOnly": True})
    cfg = {"phpVersion": "", **cfg}
    s["properties"]["siteConfig"].update(cfg)
    return [s, webcfg(s, **cfg)]

def metadata(s, **props):
    """POST config/metadata/list (WebApps_ListMetadata): a StringDictionary."""
    return {"id": s["id"] + "/config/metadata", "name": "metadata", "type": CFG, "properties": props}

def bare(name):
    s = site(name); del s["properties"]; return s

def noprops(rule):
    case(rule, 'unknown-noprops', snapshot([bare('appbare')]), "UNKNOWN appbare ~ no \"properties\"")

def listed_unknown(rule, field):
    case(rule, 'unknown', snapshot([listed('applist')]), f"UNKNOWN applist ~ {field}: the site's siteConfig has no value")
    s = listed('applist')
    case(rule, 'unknown-error', snapshot([s], errors=[{"scope": s["id"], "type": CFG, "api": "GET config/web", "status": 403, "message": "AuthorizationFailed"}]),
         "UNKNOWN applist ~ HTTP 403")

# 001 authentication
a = site('appok'); b = site('appbad')
case('AZA-APP-001', 'pass', snapshot([a, auth(a)]), "PASS appok ~ required (unauthenticated requests: Return403)")
case('AZA-APP-001', 'fail', snapshot([b, auth(b, file=True, properties__platform__enabled=False)]), "FAIL appbad ~ platform.enabled is false")
case('AZA-APP-001', 'fail-anonymous', snapshot([b, auth(b, properties__globalValidation={"requireAuthentication": False, "unauthenticatedClientAction": "AllowAnonymous"})]),
     "FAIL appbad ~ anonymous requests reach the app")
# requireAuthentication true does not outweigh the action taken for an
# unauthenticated client: AllowAnonymous lets it through.
case('AZA-APP-001', 'fail-required-anonymous', snapshot([b, auth(b, properties__globalValidation={"requireAuthentication": True, "unauthenticatedClientAction": "AllowAnonymous"})]),
     "FAIL appbad ~ unauthenticatedClientAction AllowAnonymous")
# excludedPaths: requests there skip authentication; the root is every
# request (it passed), other paths are named in the PASS
RQ = {"requireAuthentication": True, "unauthenticatedClientAction": "Return401"}
case('AZA-APP-001', 'fail-excluded-root', snapshot([b, auth(b, properties__globalValidation=dict(RQ, excludedPaths=["/health", "/*"]))]),
     "FAIL appbad ~ excludedPaths holds '/*': every request reaches the app without authentication")
case('AZA-APP-001', 'pass-excluded-paths', snapshot([a, auth(a, properties__globalValidation=dict(RQ, excludedPaths=["/health", "/robots.txt"]))]),
     "PASS appok ~ 2 path(s) excluded from it reach the app anonymously (e.g. '/health')")
case('AZA-APP-001', 'unknown-excluded-type', snapshot([a, auth(a, properties__globalValidation=dict(RQ, excludedPaths="/health"))]),
     "UNKNOWN appok ~ excludedPaths is not an array")
legacy = {"id": a["id"] + "/config/authsettings", "name": "authsettings", "type": CFG,
          "properties": {"enabled": True, "unauthenticatedClientAction": "RedirectToLoginPage", "defaultProvider": "AzureActiveDirectory"}}
case('AZA-APP-001', 'pass-legacy', snapshot([a, legacy]), "PASS appok ~ RedirectToLoginPage")
case('AZA-APP-001', 'unknown', snapshot([site('appunk')]), "UNKNOWN appunk ~ authentication settings")
case('AZA-APP-001', 'unknown-missing', snapshot([site('appunk'), webcfg(site('appunk'))], datasets=[SITE, CFG]), "UNKNOWN appunk ~ no config/authsettingsV2")
case('AZA-APP-001', 'unknown-type', snapshot([a, auth(a, properties__platform__enabled="perhaps")]), "UNKNOWN appok ~ not a boolean")
noprops('AZA-APP-001')
# File-based configuration (the API's own example sets configFilePath): the
# file in the app's content decides, not globalValidation, whichever way
# that reads; the legacy object says so with isAuthFromFile "true".
c = site('appfile'); d = site('appfileoff'); e = site('appfilebad')
case('AZA-APP-001', 'unknown-config-file',
     snapshot([c, auth(c, file=True), d, auth(d, file=True, properties__globalValidation__requireAuthentication=False),
               e, auth(e, file=True, properties__platform__configFilePath=7)]),
     "UNKNOWN appfile ~ file-based configuration (authsettingsV2 platform.configFilePath '/auth/config.json')\n"
     "UNKNOWN appfileoff ~ file-based configuration\nUNKNOWN appfilebad ~ configFilePath is not a string")
legacy_file = mod(legacy, properties__isAuthFromFile="true", properties__authFilePath="auth.json")
case('AZA-APP-001', 'unknown-legacy-file', snapshot([a, legacy_file]), "UNKNOWN appok ~ isAuthFromFile true")

# 002 https only
case('AZA-APP-002', 'pass', snapshot([site('appok')]), "PASS appok ~ httpsOnly is true")
case('AZA-APP-002', 'fail', snapshot([example_site('sitef6141')]), "FAIL sitef6141 ~ httpsOnly is false")
case('AZA-APP-002', 'fail-absent', snapshot([site('appold', properties__httpsOnly=DEL)]), "FAIL appold ~ not set")
case('AZA-APP-002', 'unknown', snapshot([site('appunk', properties__httpsOnly="yes")]), "UNKNOWN appunk ~ not a boolean")
noprops('AZA-APP-002')

# 003 / 010 TLS
for rule, field in (('AZA-APP-003', 'minTlsVersion'), ('AZA-APP-010', 'scmMinTlsVersion')):
    case(rule, 'pass', snapshot([site('appok')]), f"PASS appok ~ {field} is 1.2")
    case(rule, 'fail', snapshot([site('appbad', **{'properties__siteConfig__' + field: '1.0'})]), f"FAIL appbad ~ {field} is 1.0")
    s = listed('applist')
    case(rule, 'pass-webcfg', snapshot([s, webcfg(s, **{field: '1.3'})]), f"PASS applist ~ {field} is 1.3")
    s = site('appcfg')
    case(rule, 'fail-webcfg', snapshot([s, webcfg(s, **{field: '1.1'})]), f"FAIL appcfg ~ {field} is 1.1")
    case(rule, 'unknown-value', snapshot([site('appodd', **{'properties__siteConfig__' + field: 'TLS1_2'})]), "UNKNOWN appodd ~ unexpected value")
    listed_unknown(rule, field)
    noprops(rule)

# 004 FTPS
case('AZA-APP-004', 'pass', snapshot([site('appok')]), "PASS appok ~ FtpsOnly")
case('AZA-APP-004', 'pass-disabled', snapshot([site('appoff', properties__siteConfig__ftpsState='Disabled')]), "PASS appoff ~ Disabled")
case('AZA-APP-004', 'fail', snapshot([example_site('sitef6141')]), "FAIL sitef6141 ~ AllAllowed")
listed_unknown('AZA-APP-004', 'ftpsState')
noprops('AZA-APP-004')

# 005 runtimes
case('AZA-APP-005', 'pass', snapshot([site('appok')]), "PASS appok ~ reviewed 2026-11-24")
case('AZA-APP-005', 'fail', snapshot([example_site('sitef6141')]), "FAIL sitef6141 ~ php 5.6 (phpVersion 5.6) is below the supported minimum 8.2 (runtime table reviewed 2026-11-24)")
case('AZA-APP-005', 'fail-node', snapshot([site('appnode', properties__siteConfig__linuxFxVersion='NODE|18-lts')]), "FAIL appnode ~ node 18")
# javaVersion is a Windows app's stack field (a Linux app's Java is in
# linuxFxVersion, "JAVA|8-jre8"): Java 8 enabled on a Windows app fails.
w = winsite('appjava', javaVersion='1.8', javaContainer='TOMCAT', javaContainerVersion='9.0')
case('AZA-APP-005', 'fail-java', snapshot(w, datasets=[SITE, CFG]),
     "FAIL appjava ~ java 8 (javaVersion 1.8)")
case('AZA-APP-005', 'pass-dotnet', snapshot([site('appnet', properties__siteConfig__linuxFxVersion='DOTNETCORE|10.0')]),
     "PASS appnet ~ dotnetcore 10.0 (linuxFxVersion DOTNETCORE|10.0)")
# A Linux app's runtime stack and version are its linuxFxVersion ("DOTNETCORE|8.0",
# "NODE|20-lts"); the Windows stack fields (netFrameworkVersion, javaVersion,
# phpVersion...) do not choose it. Without linuxFxVersion the runtime is not
# known (it may be chosen outside the site configuration, or the data may be
# incomplete).
case('AZA-APP-005', 'unknown-linux-nofx-dotnet', snapshot([site('appnet', properties__siteConfig__linuxFxVersion='', properties__siteConfig__netFrameworkVersion='v8.0')]),
     "UNKNOWN appnet ~ linuxFxVersion is empty on a Linux app (kind 'app,linux'): on Linux it names the runtime stack and version "
     "(\"DOTNETCORE|8.0\", \"NODE|20-lts\"), so the runtime the app runs is not known (it may be chosen outside the site configuration, or the data may be incomplete); "
     "the Windows stack fields set do not choose a Linux app's runtime: netFrameworkVersion v8.0")
# An unsupported Windows field on a Linux app is not a runtime it runs either.
case('AZA-APP-005', 'unknown-linux-nofx-java', snapshot([site('appjava', properties__siteConfig__linuxFxVersion='', properties__siteConfig__javaVersion='1.8',
                                                             properties__siteConfig__javaContainer='TOMCAT', properties__siteConfig__javaContainerVersion='9.0')]),
     "UNKNOWN appjava ~ the Windows stack fields set do not choose a Linux app's runtime: javaVersion 1.8")
case('AZA-APP-005', 'unknown-linux-nofx', snapshot([site('applin', properties__siteConfig__linuxFxVersion=''),
                                                    site('funclin', kind='functionapp,linux', properties__siteConfig__linuxFxVersion=''),
                                                    site('appnum', properties__siteConfig__linuxFxVersion=8)]),
     "UNKNOWN applin ~ linuxFxVersion is empty on a Linux app (kind 'app,linux'): on Linux it names the runtime stack and version\n"
     "UNKNOWN funclin ~ linuxFxVersion is empty on a Linux app (kind 'functionapp,linux')\n"
     "UNKNOWN appnum ~ linuxFxVersion is not a string")
# A template declaring a Linux app without linuxFxVersion deploys no built-in stack either.
case('AZA-APP-005', 'unknown-template-linux-nofx', {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
        "resources": [{"type": SITE, "apiVersion": "2023-12-01", "name": "apptlin", "location": "westeurope", "kind": "app,linux",
                       "properties": {"httpsOnly": True, "reserved": True, "siteConfig": {"netFrameworkVersion": "v8.0"}}}]},
     "UNKNOWN apptlin ~ linuxFxVersion is not set on a Linux app (kind 'app,linux')")
# Windows apps: netFrameworkVersion v4.0 is every Windows app's default; the
# current stack (config/metadata CURRENT_STACK) says what runs.
w = winsite('appfx')
case('AZA-APP-005', 'pass-netfx', snapshot(w + [metadata(w[0], CURRENT_STACK="dotnet")], datasets=[SITE, CFG]),
     "PASS appfx ~ netFrameworkVersion v4.0; CURRENT_STACK dotnet: .NET Framework 4.x")
w = winsite('appnet6', netFrameworkVersion='v6.0')
case('AZA-APP-005', 'fail-netfx', snapshot(w + [metadata(w[0], CURRENT_STACK="dotnet")], datasets=[SITE, CFG]),
     "FAIL appnet6 ~ dotnet 6.0 (netFrameworkVersion v6.0; CURRENT_STACK dotnet) is below the supported minimum 10.0")
w = winsite('appnode18', nodeVersion='~18')
case('AZA-APP-005', 'fail-windows-node', snapshot(w + [metadata(w[0], CURRENT_STACK="node")], datasets=[SITE, CFG]),
     "FAIL appnode18 ~ node 18 (nodeVersion ~18; CURRENT_STACK node) is below the supported minimum 22")
w = winsite('appnode22', nodeVersion='~22')
case('AZA-APP-005', 'pass-windows-node', snapshot(w + [metadata(w[0], CURRENT_STACK="node")], datasets=[SITE, CFG]),
     "PASS appnode22 ~ node 22 (nodeVersion ~22; CURRENT_STACK node)")
# A Node app whose version is only in app settings (not collected: secrets).
w = winsite('appnodewin')
case('AZA-APP-005', 'unknown-windows-node-version', snapshot(w + [metadata(w[0], CURRENT_STACK="node")], datasets=[SITE, CFG]),
     "UNKNOWN appnodewin ~ a Windows Node app (metadata CURRENT_STACK node) without a readable Node version")
w = winsite('appcore')
case('AZA-APP-005', 'unknown-windows-dotnetcore', snapshot(w + [metadata(w[0], CURRENT_STACK="dotnetcore")], datasets=[SITE, CFG]),
     "UNKNOWN appcore ~ CURRENT_STACK dotnetcore: the .NET Core version is chosen by the app's build")
w = winsite('appwin')
case('AZA-APP-005', 'unknown-windows-nometadata', snapshot(w, datasets=[SITE, CFG]),
     "UNKNOWN appwin ~ netFrameworkVersion v4.0 is every Windows app's default, not evidence of .NET Framework); its current stack (config/metadata CURRENT_STACK) is not in the input (POST config/metadata/list needs Microsoft.Web/sites/config/list/action, which Reader lacks)")
case('AZA-APP-005', 'unknown-windows-nostack', snapshot(w + [metadata(w[0])], datasets=[SITE, CFG]),
     "UNKNOWN appwin ~ whose config/metadata has no CURRENT_STACK")
md_err = {"scope": w[0]["id"], "type": CFG, "api": w[0]["id"] + "/config/metadata/list", "status": 403,
          "message": "AuthorizationFailed: The client 'aaaaaaaa-0000-0000-0000-000000000001' with object id "
                     "'aaaaaaaa-0000-0000-0000-000000000001' does not have authorization to perform action "
                     "'Microsoft.Web/sites/config/list/action' over scope '" + w[0]["id"] + "/config/metadata' or the scope is invalid."}
# Templates: the stack and the Node version may come as config children
# (Microsoft.Web/sites/config 'metadata' and 'appsettings'); v4.0 alone still
# passes (a template declares what it deploys).
def tsite(name, **sc):
    return {"type": SITE, "apiVersion": "2023-12-01", "name": name, "location": "westeurope", "kind": "app",
            "properties": {"httpsOnly": True, "siteConfig": dict(netFrameworkVersion="v4.0", **sc)}}
def tcfg(site_name, name, props):
    return {"type": CFG, "apiVersion": "2023-12-01", "name": f"{site_name}/{name}",
            "dependsOn": [f"[resourceId('{SITE}', '{site_name}')]"], "properties": props}
tpl = {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
       "resources": [tsite('apptnode'), tcfg('apptnode', 'metadata', {"CURRENT_STACK": "node"}),
                     tcfg('apptnode', 'appsettings', {"WEBSITE_NODE_DEFAULT_VERSION": "~16"}),
                     tsite('apptcore', metadata=[{"name": "CURRENT_STACK", "value": "dotnetcore"}]),
                     tsite('apptfx')]}
case('AZA-APP-005', 'fail-template-windows-stack', tpl,
     "FAIL apptnode ~ node 16 (app setting WEBSITE_NODE_DEFAULT_VERSION ~16; CURRENT_STACK node) is below the supported minimum 22\n"
     "UNKNOWN apptcore ~ CURRENT_STACK dotnetcore\n"
     "PASS apptfx ~ netFrameworkVersion v4.0: .NET Framework 4.x")
case('AZA-APP-005', 'unknown-windows-metadata-error', snapshot(w, datasets=[SITE, CFG], errors=[md_err]),
     "UNKNOWN appwin ~ its current stack could not be read (POST config/metadata/list needs Microsoft.Web/sites/config/list/action, which Reader lacks): HTTP 403: AuthorizationFailed")
# A stack field keeps its value when the app moves to another stack (the API
# returns e.g. a javaVersion once set), so without CURRENT_STACK a supported
# field set on a deployed Windows app does not say what runs: it may be a
# leftover while the app runs Node (version in app settings) or .NET Core
# (version in its build).
w = winsite('appphp', phpVersion='8.3')
case('AZA-APP-005', 'unknown-windows-nometadata-fields', snapshot(w, datasets=[SITE, CFG]),
     "UNKNOWN appphp ~ php 8.3 (phpVersion 8.3) set, but which stack the app runs is not known (a stack field keeps its value when the app moves to another stack, "
     "and a Node or .NET Core app's version is not in the site configuration): its current stack (config/metadata CURRENT_STACK) is not in the input")
w = winsite('appnet10', netFrameworkVersion='v10.0')
case('AZA-APP-005', 'unknown-windows-nometadata-dotnet', snapshot(w, datasets=[SITE, CFG]),
     "UNKNOWN appnet10 ~ dotnet 10.0 (netFrameworkVersion v10.0) set, but which stack the app runs is not known")
w = winsite('appphp', phpVersion='8.3')
case('AZA-APP-005', 'unknown-windows-nostack-fields', snapshot(w + [metadata(w[0])], datasets=[SITE, CFG]),
     "UNKNOWN appphp ~ php 8.3 (phpVersion 8.3) set, but which stack the app runs is not known (a stack field keeps its value when the app moves to another stack, "
     "and a Node or .NET Core app's version is not in the site configuration): its config/metadata has no CURRENT_STACK")
md_err2 = dict(md_err, scope=w[0]["id"], api=w[0]["id"] + "/config/metadata/list", message=md_err["message"].replace(md_err["scope"], w[0]["id"]))
case('AZA-APP-005', 'unknown-windows-metadata-error-fields', snapshot(w, datasets=[SITE, CFG], errors=[md_err2]),
     "UNKNOWN appphp ~ not in the site configuration): its current stack could not be read (POST config/metadata/list needs Microsoft.Web/sites/config/list/action, which Reader lacks): HTTP 403")
f = site('funcps', kind='functionapp', properties__siteConfig__linuxFxVersion='', properties__siteConfig__powerShellVersion='7.6')
case('AZA-APP-005', 'unknown-windows-functionapp-fields', snapshot([f]),
     "UNKNOWN funcps ~ powershell 7.6 (powerShellVersion 7.6) set, but which stack the app runs is not known")
# A Windows Java app runs in the web container javaContainer at
# javaContainerVersion (SiteConfig of the sites API): Tomcat 8.5 under a
# supported Java passed on javaVersion alone; it is judged against the
# tomcat minimum as the Linux TOMCAT|8.5-java21 is. Java SE (JAVA) has no
# container.
w = winsite('apptc85', javaVersion='21', javaContainer='TOMCAT', javaContainerVersion='8.5')
case('AZA-APP-005', 'fail-windows-tomcat', snapshot(w + [metadata(w[0], CURRENT_STACK="java")], datasets=[SITE, CFG]),
     "FAIL apptc85 ~ tomcat 8.5 (javaContainer TOMCAT, javaContainerVersion 8.5; CURRENT_STACK java) is below the supported minimum 10.1")
w = winsite('apptc101', javaVersion='21', javaContainer='TOMCAT', javaContainerVersion='10.1') + \
    winsite('appjavase', javaVersion='21', javaContainer='JAVA', javaContainerVersion='SE')
case('AZA-APP-005', 'pass-windows-tomcat', snapshot(w + [metadata(w[0], CURRENT_STACK="java"), metadata(w[2], CURRENT_STACK="java")], datasets=[SITE, CFG]),
     "PASS apptc101 ~ java 21 (javaVersion 21; CURRENT_STACK java), tomcat 10.1 (javaContainer TOMCAT, javaContainerVersion 10.1; CURRENT_STACK java)\n"
     "PASS appjavase ~ java 21 (javaVersion 21; CURRENT_STACK java) (runtime")
# With CURRENT_STACK naming the stack whose field is set, that field decides.
w = winsite('appphp', phpVersion='8.3')
case('AZA-APP-005', 'pass-windows-php', snapshot(w + [metadata(w[0], CURRENT_STACK="php")], datasets=[SITE, CFG]),
     "PASS appphp ~ php 8.3 (phpVersion 8.3; CURRENT_STACK php)")
# An unsupported runtime left enabled fails whatever runs (PHP stays enabled
# on a Windows app until phpVersion is Off).
w = winsite('appphp74', phpVersion='7.4', netFrameworkVersion='v8.0')
case('AZA-APP-005', 'fail-windows-nometadata', snapshot(w, datasets=[SITE, CFG]),
     "FAIL appphp74 ~ php 7.4 (phpVersion 7.4) is below the supported minimum 8.2")
# A Windows function app's default v4.0 is not its worker runtime (a Node 12
# function keeps FUNCTIONS_WORKER_RUNTIME/WEBSITE_NODE_DEFAULT_VERSION in app settings).
case('AZA-APP-005', 'unknown-functionapp', snapshot([site('funcwin', kind='functionapp', properties__siteConfig__linuxFxVersion='')]),
     "UNKNOWN funcwin ~ function apps keep it in app settings")
# Linux is told by kind and by properties.reserved (a site's copy of its
# plan's "Linux plan" flag). Without kind, reserved true makes a Linux app,
# whose Windows stack fields prove nothing (PASS before, on phpVersion 8.3).
w = winsite('appres', phpVersion='8.3')
w[0].pop("kind"); w[0]["properties"]["reserved"] = True
case('AZA-APP-005', 'unknown-linux-reserved', snapshot(w + [metadata(w[0], CURRENT_STACK="php")], datasets=[SITE, CFG]),
     "UNKNOWN appres ~ linuxFxVersion is empty on a Linux app (properties.reserved true, no kind)")
# kind (documented) says Windows, reserved says Linux: kind is followed, but
# the Windows fields cannot pass an app that may be Linux (PASS before) ...
w = winsite('appboth', phpVersion='8.3')
w[0]["properties"]["reserved"] = True
case('AZA-APP-005', 'unknown-kind-reserved-conflict', snapshot(w + [metadata(w[0], CURRENT_STACK="php")], datasets=[SITE, CFG]),
     "UNKNOWN appboth ~ kind 'app' names no linux but properties.reserved is true (set on Linux plans); kind, the documented field, is followed")
# ... while a field below its minimum still fails.
w = winsite('appboth74', phpVersion='7.4')
w[0]["properties"]["reserved"] = True
case('AZA-APP-005', 'fail-kind-reserved-conflict', snapshot(w + [metadata(w[0], CURRENT_STACK="php")], datasets=[SITE, CFG]),
     "FAIL appboth74 ~ php 7.4 (phpVersion 7.4")
# Flex Consumption function apps (CreateOrUpdateFunctionAppFlexConsumptionWithDetails):
# the runtime is functionAppConfig.runtime, linuxFxVersion is empty (UNKNOWN before).
def flex(name, rt_name, rt_ver):
    s = example_site(name)
    s["kind"] = "functionapp,linux"
    s["properties"].update({"reserved": None, "httpsOnly": True, "sku": "FlexConsumption",
        "functionAppConfig": {"deployment": {"storage": {"type": "blobContainer", "value": "https://stflex.blob.core.windows.net/deploy",
                                                         "authentication": {"type": "SystemAssignedIdentity"}}},
                              "runtime": {"name": rt_name, "version": rt_ver},
                              "scaleAndConcurrency": {"maximumInstanceCount": 100, "instanceMemoryMB": 2048}}})
    s["properties"]["siteConfig"].update({"netFrameworkVersion": "", "phpVersion": "", "linuxFxVersion": ""})
    return s
case('AZA-APP-005', 'pass-flex', snapshot([flex('funcflex', 'python', '3.11')]),
     "PASS funcflex ~ python 3.11 (functionAppConfig.runtime python 3.11, sku FlexConsumption)")
case('AZA-APP-005', 'fail-flex', snapshot([flex('funcflexnode', 'node', '18')]),
     "FAIL funcflexnode ~ node 18 (functionAppConfig.runtime node 18, sku FlexConsumption) is below the supported minimum 22")
case('AZA-APP-005', 'unknown-flex', snapshot([flex('funcflexnov', 'java', None)]),
     "UNKNOWN funcflexnov ~ functionAppConfig.runtime java has no version to compare")
# The .NET isolated worker, as Flex Consumption and Linux function apps name
# it (dotnet-isolated): .NET 8 and later (UNKNOWN before: no table entry).
case('AZA-APP-005', 'pass-flex-dotnet-isolated', snapshot([flex('funcflexnet', 'dotnet-isolated', '10.0')]),
     "PASS funcflexnet ~ dotnet-isolated 10.0 (functionAppConfig.runtime dotnet-isolated 10.0, sku FlexConsumption)")
case('AZA-APP-005', 'fail-flex-dotnet-isolated', snapshot([flex('funcflexnet6', 'dotnet-isolated', '6.0')]),
     "FAIL funcflexnet6 ~ dotnet-isolated 6.0 (functionAppConfig.runtime dotnet-isolated 6.0, sku FlexConsumption) is below the supported minimum 10.0")
case('AZA-APP-005', 'pass-linux-dotnet-isolated', snapshot([site('funcnet', kind='functionapp,linux', properties__siteConfig__linuxFxVersion='DOTNET-ISOLATED|10.0')]),
     "PASS funcnet ~ dotnet-isolated 10.0 (linuxFxVersion DOTNET-ISOLATED|10.0)")
case('AZA-APP-005', 'fail-linux-dotnet-isolated', snapshot([site('funcnet6', kind='functionapp,linux', properties__siteConfig__linuxFxVersion='DOTNET-ISOLATED|6.0')]),
     "FAIL funcnet6 ~ dotnet-isolated 6.0 (linuxFxVersion DOTNET-ISOLATED|6.0) is below the supported minimum 10.0")
case('AZA-APP-005', 'na-flex-custom', snapshot([flex('funcflexcustom', 'custom', '1.0')]),
     "NOT_APPLICABLE funcflexcustom ~ custom handler")
case('AZA-APP-005', 'na-container', snapshot([site('appdocker', properties__siteConfig__linuxFxVersion='DOCKER|nginx:latest')]), "NOT_APPLICABLE appdocker ~ custom container")
case('AZA-APP-005', 'unknown-stack', snapshot([site('appgo', properties__siteConfig__linuxFxVersion='GO|1.19')]), "UNKNOWN appgo ~ no supported-version minimum is configured for go 1.19")
case('AZA-APP-005', 'fail-config', snapshot([site('apppy', properties__siteConfig__linuxFxVersion='PYTHON|3.11')]),
     "FAIL apppy ~ python 3.11 (linuxFxVersion PYTHON|3.11) is below the supported minimum 3.12 (runtime table reviewed 2026-10-15)")
open(os.path.join(ROOT, 'AZA-APP-005', 'fail-config.config.json'), 'w').write(json.dumps({"runtimes": {"python": "3.12"}, "runtimes_reviewed": "2026-10-15"}) + "\n")
listed_unknown('AZA-APP-005', 'linuxFxVersion')
noprops('AZA-APP-005')

# 006 HTTP/2, 007 remote debugging
# A deployed site's siteConfig (list and GET bodies) fills http20Enabled with
# false whatever the setting: only config/web counts.
case('AZA-APP-006', 'pass', snapshot([site('appok'), webcfg(site('appok'), http20Enabled=True)]), "PASS appok ~ http20Enabled is true")
case('AZA-APP-006', 'fail', snapshot([example_site('sitef6141'), webcfg(example_site('sitef6141'), http20Enabled=False)]), "FAIL sitef6141 ~ http20Enabled is false")
case('AZA-APP-006', 'unknown-type', snapshot([site('appodd', properties__siteConfig__http20Enabled=2), webcfg(site('appodd'), http20Enabled=2)]), "UNKNOWN appodd ~ not a boolean")
listed_unknown('AZA-APP-006', 'http20Enabled')
noprops('AZA-APP-006')
case('AZA-APP-007', 'pass', snapshot([example_site('sitef6141')]), "PASS sitef6141 ~ remoteDebuggingEnabled is false")
case('AZA-APP-007', 'fail', snapshot([site('appdbg', properties__siteConfig__remoteDebuggingEnabled=True, properties__siteConfig__remoteDebuggingVersion='VS2022')]),
     "FAIL appdbg ~ remoteDebuggingEnabled is true")
listed_unknown('AZA-APP-007', 'remoteDebuggingEnabled')
noprops('AZA-APP-007')

# 008 client certificates
case('AZA-APP-008', 'pass', snapshot([site('appok')]), "PASS appok ~ clientCertMode Required")
case('AZA-APP-008', 'fail', snapshot([example_site('sitef6141')]), "FAIL sitef6141 ~ clientCertEnabled is false")
case('AZA-APP-008', 'fail-optional', snapshot([site('appopt', properties__clientCertMode='Optional')]), "FAIL appopt ~ clientCertMode is Optional")
case('AZA-APP-008', 'unknown', snapshot([site('appodd', properties__clientCertEnabled='maybe')]), "UNKNOWN appodd ~ not a boolean")
# A mode that is not a string, or no known value, is no evidence of Required.
case('AZA-APP-008', 'unknown-mode', snapshot([site('appmode', properties__clientCertMode=1), site('appmodex', properties__clientCertMode='Sometimes')]),
     "UNKNOWN appmode ~ clientCertMode is not a string\nUNKNOWN appmodex ~ clientCertMode has an unexpected value 'Sometimes'")
noprops('AZA-APP-008')

# 009 managed identity
case('AZA-APP-009', 'pass', snapshot([site('appok'), site('appua', identity={"type": "SystemAssigned, UserAssigned", "userAssignedIdentities": {}})]),
     "PASS appok ~ SystemAssigned\nPASS appua ~ UserAssigned")
case('AZA-APP-009', 'fail', snapshot([example_site('sitef6141')]), "FAIL sitef6141 ~ not set")
case('AZA-APP-009', 'fail-none', snapshot([site('appnone', identity={"type": "None"})]), "FAIL appnone ~ identity.type is None")
case('AZA-APP-009', 'unknown', snapshot([site('appodd', identity={"type": 5})]), "UNKNOWN appodd ~ not a string")
noprops('AZA-APP-009')

# Deployment slots (Microsoft.Web/sites/slots, GetWebAppSlot): live apps of
# their own, judged on their own settings (the slot's properties and its
# config objects, of type Microsoft.Web/sites/slots/config) and reported on
# the slot, named site/slot. A hardened production site does not pass its
# staging slot, nor a weak site fail a hardened slot.
SLOT = SITE + "/slots"
SLOT_CFG = SLOT + "/config"
SLOT_DS = [SITE, CFG, SLOT, SLOT_CFG]

def slot(parent, name, **kv):
    """Slot `name` of site `parent` (a site dict), with the site's settings."""
    sl = copy.deepcopy(parent)
    sl.update({"id": parent["id"] + "/slots/" + name, "name": parent["name"] + "/" + name, "type": SLOT})
    host = f"{parent['name']}-{name}.azurewebsites.net"
    sl["properties"].update({"hostNames": [host], "defaultHostName": host, "repositorySiteName": parent["name"],
                             "enabledHostNames": [host, f"{parent['name']}-{name}.scm.azurewebsites.net"]})
    return mod(sl, **kv)

def slot_listed(parent, name, **kv):
    """A slot as Resource Graph returns it: siteConfig fields null."""
    sl = slot(parent, name, **kv)
    sl["properties"]["siteConfig"] = {k: None for k in SITECONFIG}
    return sl

def slotcfg(sl, name, **props):
    """The slot's config/<name> (config/web: GetSiteConfig's fields)."""
    p = copy.deepcopy(SITECONFIG) if name == "web" else {}
    p.update(props)
    return {"id": sl["id"] + "/config/" + name, "name": name, "type": SLOT_CFG, "properties": p}

prod = site('appok')
# 001: the slot's own config/authsettingsV2
stg = slot(prod, 'staging')
case('AZA-APP-001', 'pass-slot', snapshot([prod, auth(prod), stg, mod(auth(stg), type=SLOT_CFG)]),
     "PASS appok ~ required\nPASS appok/staging ~ required")
case('AZA-APP-001', 'fail-slot', snapshot([prod, auth(prod), stg, mod(auth(stg), type=SLOT_CFG, properties__platform__enabled=False)]),
     "PASS appok ~ required\nFAIL appok/staging ~ platform.enabled is false: App Service authentication is off")
case('AZA-APP-001', 'unknown-slot', snapshot([prod, auth(prod), stg, slotcfg(stg, 'web')], datasets=SLOT_DS),
     "PASS appok ~ required\nUNKNOWN appok/staging ~ no config/authsettingsV2 object for the slot in the input")
case('AZA-APP-001', 'unknown-slot-error', snapshot([prod, auth(prod), stg], datasets=SLOT_DS,
        errors=[{"scope": stg["id"], "type": SLOT_CFG, "api": stg["id"] + "/config/authsettingsV2", "status": 403, "message": "AuthorizationFailed"}]),
     "PASS appok ~ required\nUNKNOWN appok/staging ~ Microsoft.Web/sites/slots/config could not be read for " + stg["id"])
# 002: the slot's own httpsOnly
case('AZA-APP-002', 'pass-slot', snapshot([prod, slot(prod, 'staging')]), "PASS appok ~ httpsOnly is true\nPASS appok/staging ~ httpsOnly is true")
case('AZA-APP-002', 'fail-slot', snapshot([prod, slot(prod, 'staging', properties__httpsOnly=False)]),
     "PASS appok ~ httpsOnly is true\nFAIL appok/staging ~ httpsOnly is false: the app answers plain HTTP requests")
case('AZA-APP-002', 'unknown-slot', snapshot([prod, slot(prod, 'staging', properties__httpsOnly="yes")]),
     "PASS appok ~ httpsOnly is true\nUNKNOWN appok/staging ~ httpsOnly is not a boolean")
# 003 / 010: the slot's config/web
for rule, field in (('AZA-APP-003', 'minTlsVersion'), ('AZA-APP-010', 'scmMinTlsVersion')):
    stg = slot_listed(prod, 'staging')
    case(rule, 'pass-slot', snapshot([prod, stg, slotcfg(stg, 'web', **{field: '1.3'})]), f"PASS appok ~ {field} is 1.2\nPASS appok/staging ~ {field} is 1.3")
    case(rule, 'fail-slot', snapshot([prod, stg, slotcfg(stg, 'web', **{field: '1.0'})]), f"PASS appok ~ {field} is 1.2\nFAIL appok/staging ~ {field} is 1.0")
    case(rule, 'unknown-slot', snapshot([prod, stg], datasets=SLOT_DS),
         f"PASS appok ~ {field} is 1.2\nUNKNOWN appok/staging ~ {field}: the slot's siteConfig has no value (a list export?) and there is no config/web object for the slot")
# 004: a staging slot that allows FTP fails on the slot, whatever production does
stg = slot_listed(prod, 'staging')
case('AZA-APP-004', 'pass-slot', snapshot([prod, stg, slotcfg(stg, 'web', ftpsState='Disabled')]), "PASS appok ~ FtpsOnly\nPASS appok/staging ~ ftpsState is Disabled")
case('AZA-APP-004', 'fail-slot', snapshot([prod, stg, slotcfg(stg, 'web')]), "PASS appok ~ FtpsOnly\nFAIL appok/staging ~ ftpsState is AllAllowed")
case('AZA-APP-004', 'unknown-slot', snapshot([prod, stg], datasets=SLOT_DS,
        errors=[{"scope": stg["id"], "type": SLOT_CFG, "api": stg["id"] + "/config/web", "status": 403, "message": "AuthorizationFailed"}]),
     "PASS appok ~ FtpsOnly\nUNKNOWN appok/staging ~ ftpsState: the slot's siteConfig has no value (a list export?) and Microsoft.Web/sites/slots/config could not be read")
# A template slot without ftpsState takes the service default, AllAllowed.
case('AZA-APP-004', 'fail-template-slot', template([
        {"type": SITE, "apiVersion": "2023-12-01", "name": "apptpl", "location": "westeurope", "kind": "app",
         "properties": {"httpsOnly": True, "siteConfig": {"ftpsState": "Disabled"}}},
        {"type": SLOT, "apiVersion": "2023-12-01", "name": "apptpl/staging", "location": "westeurope", "kind": "app",
         "dependsOn": [f"[resourceId('{SITE}', 'apptpl')]"], "properties": {"httpsOnly": True, "siteConfig": {"minTlsVersion": "1.2"}}}]),
     "PASS apptpl ~ ftpsState is Disabled\nFAIL apptpl/staging ~ ftpsState not set: it defaults to AllAllowed")
# ... unless it is created as a clone (cloningInfo): it then copies the
# source app's configuration, which the template does not show.
case('AZA-APP-004', 'unknown-template-slot-clone', template([
        {"type": SITE, "apiVersion": "2023-12-01", "name": "apptpl", "location": "westeurope", "kind": "app",
         "properties": {"httpsOnly": True, "siteConfig": {"ftpsState": "Disabled"}}},
        {"type": SLOT, "apiVersion": "2023-12-01", "name": "apptpl/staging", "location": "westeurope", "kind": "app",
         "dependsOn": [f"[resourceId('{SITE}', 'apptpl')]"],
         "properties": {"httpsOnly": True, "cloningInfo": {"sourceWebAppId": f"[resourceId('{SITE}', 'apptpl')]"}}}]),
     "PASS apptpl ~ ftpsState is Disabled\nUNKNOWN apptpl/staging ~ ftpsState is not set, and the slot is created as a clone of ")
# 005: the slot's own stack (its config/web and config/metadata)
w = winsite('appwin')
ws = slot(w[0], 'staging')
case('AZA-APP-005', 'pass-slot', snapshot(w + [metadata(w[0], CURRENT_STACK="dotnet"), ws, slotcfg(ws, 'web', phpVersion=''),
                                               mod(metadata(ws, CURRENT_STACK="dotnet"), type=SLOT_CFG)], datasets=SLOT_DS),
     "PASS appwin ~ .NET Framework 4.x\nPASS appwin/staging ~ netFrameworkVersion v4.0; CURRENT_STACK dotnet: .NET Framework 4.x")
case('AZA-APP-005', 'fail-slot', snapshot(w + [metadata(w[0], CURRENT_STACK="dotnet"), ws, slotcfg(ws, 'web', phpVersion='7.4'),
                                               mod(metadata(ws, CURRENT_STACK="php"), type=SLOT_CFG)], datasets=SLOT_DS),
     "PASS appwin ~ .NET Framework 4.x\nFAIL appwin/staging ~ php 7.4 (phpVersion 7.4; CURRENT_STACK php) is below the supported minimum 8.2")
slot_md_err = {"scope": ws["id"], "type": SLOT_CFG, "api": ws["id"] + "/config/metadata/list", "status": 403, "message": "AuthorizationFailed"}
case('AZA-APP-005', 'unknown-slot', snapshot(w + [metadata(w[0], CURRENT_STACK="dotnet"), ws, slotcfg(ws, 'web', phpVersion='')],
                                             datasets=SLOT_DS, errors=[slot_md_err]),
     "PASS appwin ~ .NET Framework 4.x\nUNKNOWN appwin/staging ~ its current stack could not be read (POST config/metadata/list needs "
     "Microsoft.Web/sites/slots/config/list/action, which Reader lacks): HTTP 403: AuthorizationFailed")
# 006 / 007: the slot's config/web
ok6 = webcfg(prod, http20Enabled=True)
stg = slot_listed(prod, 'staging')
case('AZA-APP-006', 'pass-slot', snapshot([prod, ok6, stg, slotcfg(stg, 'web', http20Enabled=True)]), "PASS appok ~ http20Enabled is true\nPASS appok/staging ~ http20Enabled is true")
case('AZA-APP-006', 'fail-slot', snapshot([prod, ok6, stg, slotcfg(stg, 'web')]), "PASS appok ~ http20Enabled is true\nFAIL appok/staging ~ http20Enabled is false")
case('AZA-APP-006', 'unknown-slot', snapshot([prod, ok6, stg], datasets=SLOT_DS),
     "PASS appok ~ http20Enabled is true\nUNKNOWN appok/staging ~ http20Enabled: the slot's siteConfig has no value (a list export?) and there is no config/web object for the slot")
case('AZA-APP-007', 'pass-slot', snapshot([prod, stg, slotcfg(stg, 'web')]), "PASS appok ~ remoteDebuggingEnabled is false\nPASS appok/staging ~ remoteDebuggingEnabled is false")
case('AZA-APP-007', 'fail-slot', snapshot([prod, stg, slotcfg(stg, 'web', remoteDebuggingEnabled=True, remoteDebuggingVersion='VS2022')]),
     "PASS appok ~ remoteDebuggingEnabled is false\nFAIL appok/staging ~ remoteDebuggingEnabled is true")
case('AZA-APP-007', 'unknown-slot', snapshot([prod, stg, dict(slotcfg(stg, 'web'), properties={k: v for k, v in SITECONFIG.items() if k != 'remoteDebuggingEnabled'})]),
     "PASS appok ~ remoteDebuggingEnabled is false\nUNKNOWN appok/staging ~ remoteDebuggingEnabled is absent from the slot's config/web object")
# 008 / 009: the slot's own client certificate and identity (never swapped)
case('AZA-APP-008', 'pass-slot', snapshot([prod, slot(prod, 'staging')]), "PASS appok ~ clientCertMode Required\nPASS appok/staging ~ clientCertMode Required")
case('AZA-APP-008', 'fail-slot', snapshot([prod, slot(prod, 'staging', properties__clientCertEnabled=False)]),
     "PASS appok ~ clientCertMode Required\nFAIL appok/staging ~ clientCertEnabled is false")
case('AZA-APP-008', 'unknown-slot', snapshot([prod, slot(prod, 'staging', properties__clientCertMode='Sometimes')]),
     "PASS appok ~ clientCertMode Required\nUNKNOWN appok/staging ~ clientCertMode has an unexpected value 'Sometimes'")
case('AZA-APP-009', 'pass-slot', snapshot([prod, slot(prod, 'staging')]), "PASS appok ~ SystemAssigned\nPASS appok/staging ~ SystemAssigned")
case('AZA-APP-009', 'fail-slot', snapshot([prod, slot(prod, 'staging', identity=DEL)]), "PASS appok ~ SystemAssigned\nFAIL appok/staging ~ identity.type is not set")
case('AZA-APP-009', 'unknown-slot', snapshot([prod, slot(prod, 'staging', identity={"type": 5})]), "PASS appok ~ SystemAssigned\nUNKNOWN appok/staging ~ identity.type is not a string")

case('AZA-APP-011', 'manual', snapshot([site('appok')]), f"MANUAL {TEN}")
