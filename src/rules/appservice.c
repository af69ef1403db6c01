/*
 * appservice.c - rules of the App Service area: web and function apps
 * (Microsoft.Web/sites), their site configuration and authentication.
 *
 * Where the settings live: httpsOnly, clientCert* and identity are on the
 * site. The site configuration (TLS, FTPS, HTTP/2, runtimes...) is the
 * <site>/config/web object, and a GET of the site embeds a copy as
 * properties.siteConfig; a site *list* export carries siteConfig with its
 * fields null. The rules read config/web when present, else a non-null
 * siteConfig field, else report UNKNOWN; a field a config/web GET always
 * returns but the input's config/web lacks is UNKNOWN too, and a list's
 * placeholder (http20Enabled false) is not read. Authentication is the
 * <site>/config/authsettingsV2 object (or the legacy config/authsettings).
 * A Windows site's current stack is the CURRENT_STACK entry of its
 * <site>/config/metadata object (a POST list action; templates may set
 * siteConfig.metadata instead).
 * For template resources, a field left out takes the service default, named
 * in each rule's .defaults.
 *
 * Deployment slots (Microsoft.Web/sites/slots, named "site/slot") are live
 * apps with their own host names, and every setting these rules read is the
 * slot's own: httpsOnly, clientCert* and identity on the slot, its
 * <slot>/config/web, config/authsettingsV2 and config/metadata (objects of
 * type Microsoft.Web/sites/slots/config). Microsoft Learn (Set up staging
 * environments in Azure App Service, Which settings are swapped?) keeps
 * TLS/SSL settings, managed identities and the general settings other than
 * the language stack with the slot across a swap, and swaps the stack with
 * the content: so a staging slot is judged as an app of its own, and what
 * it runs is also what production gets on the next swap.
 */
#include "rule.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SITE "Microsoft.Web/sites"
#define CFG "Microsoft.Web/sites/config"
#define SLOT "Microsoft.Web/sites/slots"
#define SLOT_CFG "Microsoft.Web/sites/slots/config"

static int is_slot(const aza_res *r)
{
	return aza__strieq(r->type, SLOT);
}

/* The type of r's config/<name> objects: a slot's are types of their own,
 * collected (and failing) apart from the site's. */
static const char *cfg_type(const aza_res *r)
{
	return is_slot(r) ? SLOT_CFG : CFG;
}

/* What r is, in messages. */
static const char *noun(const aza_res *r)
{
	return is_slot(r) ? "slot" : "site";
}

static int is_null(const aza_json *j)
{
	return !j || aza_json_is(j, AZA_JNULL);
}

/* The <site>/config/<name> object, or NULL. */
static const aza_res *site_config(aza_ev *ev, const aza_res *r, const char *name)
{
	char id[2048];
	aza__fmt(id, sizeof id, "%s/config/%s", r->id, name);
	return aza_inv_find(aza_ev_inv(ev), id);
}

/* Fields whose copy in a deployed site's list or GET body (siteConfig) is a
 * placeholder rather than the configuration: a site list export fills
 * http20Enabled with false while nulling most fields, so only config/web
 * tells. */
static int sc_placeholder(const aza_res *r, const char *field)
{
	return !aza_is_template(r) && aza__strieq(field, "http20Enabled");
}

/* A template site or slot created as a clone (properties.cloningInfo, whose
 * sourceWebAppId names the app it copies; a staging slot is often made so):
 * the configuration it leaves out is that app's, not the service defaults.
 * What it names, or NULL when r is no template clone. */
static const char *clone_source(aza_ev *ev, const aza_res *r)
{
	if (!aza_is_template(r))
		return NULL;
	const aza_json *ci = aza_prop(ev, r, "properties.cloningInfo");
	if (is_null(ci))
		return NULL;
	const char *src = aza_json_str(aza_json_get(ci, "sourceWebAppId"));
	return src && *src ? src : "an app cloningInfo does not name";
}

/* A site configuration field, and in *have whether a missing field takes
 * the service default (then a NULL return means "default"). Only templates
 * leave fields out on purpose: a GET of config/web returns every field, so
 * a deployed site's config/web without the field is incomplete input. */
static const aza_json *cfg_get(aza_ev *ev, const aza_res *r, const char *field, int *have)
{
	const aza_res *c = site_config(ev, r, "web");
	const aza_json *cp = c ? aza_prop(ev, c, "properties") : NULL;
	const aza_json *v = aza_json_get(cp, field);
	if (!is_null(v)) {
		*have = 1;
		return v;
	}
	v = aza_json_get(aza_prop(ev, r, "properties.siteConfig"), field);
	if (!is_null(v) && !sc_placeholder(r, field)) {
		*have = 1;
		return v;
	}
	*have = aza_is_template(r) && !clone_source(ev, r);
	return NULL;
}

/* As cfg_get, reporting UNKNOWN (and setting *ok = 0) when no source has
 * the field. */
static const aza_json *cfg_field(aza_ev *ev, const aza_res *r, const char *field, int *ok)
{
	int have;
	const aza_json *v = cfg_get(ev, r, field, &have);
	*ok = v || have;
	if (*ok)
		return v;
	const char *src = clone_source(ev, r);
	if (src) {
		aza_unknown(ev, r, "%s is not set, and the %s is created as a clone of %s (cloningInfo): it takes that app's configuration, not the "
		            "service default, and the template does not show it",
		            field, noun(r), src);
		return NULL;
	}
	const char *why, *sc = aza_ev_fmt(ev, "the %s's siteConfig has no value (a list export?)", noun(r));
	const aza_res *c = site_config(ev, r, "web");
	const aza_json *sv = aza_json_get(aza_prop(ev, r, "properties.siteConfig"), field);
	int b;
	if (!is_null(sv) && sc_placeholder(r, field))
		sc = aza_ev_fmt(ev, "the %s's siteConfig.%s (%s) is a placeholder in site list and GET bodies, not the configuration", noun(r),
		                field, aza_json_bool(sv, &b) ? (b ? "true" : "false") : "set");
	if (c && !is_null(aza_prop(ev, c, "properties")))
		aza_unknown(ev, r, "%s is absent from the %s's config/web object, which a GET always returns in full: the input is incomplete", field,
		            noun(r));
	else if (!aza_ev_collected(ev, cfg_type(r), r, &why))
		aza_unknown(ev, r, "%s: %s and %s", field, sc, why);
	else
		aza_unknown(ev, r, "%s: %s and there is no config/web object for the %s", field, sc, noun(r));
	return NULL;
}

static void https_only(aza_ev *ev, const aza_res *r)
{
	int b, k = aza_prop_bool(ev, r, "properties.httpsOnly", &b);
	if (k < 0)
		aza_unknown(ev, r, "httpsOnly is not a boolean");
	else if (k == 0)
		aza_fail(ev, r, "httpsOnly not set: it defaults to false and HTTP requests are served");
	else if (b)
		aza_pass(ev, r, "httpsOnly is true: HTTP is redirected to HTTPS");
	else
		aza_fail(ev, r, "httpsOnly is false: the app answers plain HTTP requests");
}

/* minTlsVersion / scmMinTlsVersion: "1.0", "1.1", "1.2", "1.3". */
static void tls_field(aza_ev *ev, const aza_res *r, const char *field, const char *what)
{
	int ok;
	const aza_json *v = cfg_field(ev, r, field, &ok);
	if (!ok)
		return;
	const char *s = aza_json_str(v);
	if (!v) {
		aza_pass(ev, r, "%s not set: the %s defaults to TLS 1.2", field, what);
		return;
	}
	if (!s) {
		aza_unknown(ev, r, "%s is not a string", field);
		return;
	}
	if (!strcmp(s, "1.2") || !strcmp(s, "1.3"))
		aza_pass(ev, r, "%s is %s", field, s);
	else if (!strcmp(s, "1.0") || !strcmp(s, "1.1"))
		aza_fail(ev, r, "%s is %s: the %s accepts TLS %s", field, s, what, s);
	else
		aza_unknown(ev, r, "%s has an unexpected value '%s'", field, s);
}

static void min_tls(aza_ev *ev, const aza_res *r)
{
	tls_field(ev, r, "minTlsVersion", "app");
}

static void scm_tls(aza_ev *ev, const aza_res *r)
{
	tls_field(ev, r, "scmMinTlsVersion", "deployment (SCM/Kudu) site");
}

static void ftps(aza_ev *ev, const aza_res *r)
{
	int ok;
	const aza_json *v = cfg_field(ev, r, "ftpsState", &ok);
	if (!ok)
		return;
	const char *s = aza_json_str(v);
	if (!v) {
		aza_fail(ev, r, "ftpsState not set: it defaults to AllAllowed (plain FTP accepted)");
		return;
	}
	if (!s)
		aza_unknown(ev, r, "ftpsState is not a string");
	else if (aza__strieq(s, "Disabled") || aza__strieq(s, "FtpsOnly"))
		aza_pass(ev, r, "ftpsState is %s", s);
	else if (aza__strieq(s, "AllAllowed"))
		aza_fail(ev, r, "ftpsState is AllAllowed: deployment credentials and content may travel over plain FTP");
	else
		aza_unknown(ev, r, "ftpsState has an unexpected value '%s'", s);
}

/* A boolean site configuration field that should be `want`; `dflt` is the
 * service default when a template leaves it out. */
static void cfg_bool(aza_ev *ev, const aza_res *r, const char *field, int want, int dflt, const char *bad)
{
	int ok, b;
	const aza_json *v = cfg_field(ev, r, field, &ok);
	if (!ok)
		return;
	if (!v) {
		if (dflt == want)
			aza_pass(ev, r, "%s not set: defaults to %s", field, dflt ? "true" : "false");
		else
			aza_fail(ev, r, "%s not set: defaults to %s, %s", field, dflt ? "true" : "false", bad);
		return;
	}
	if (!aza_json_bool(v, &b))
		aza_unknown(ev, r, "%s is not a boolean", field);
	else if (b == want)
		aza_pass(ev, r, "%s is %s", field, b ? "true" : "false");
	else
		aza_fail(ev, r, "%s is %s: %s", field, b ? "true" : "false", bad);
}

static void http2(aza_ev *ev, const aza_res *r)
{
	cfg_bool(ev, r, "http20Enabled", 1, 0, "clients are limited to HTTP/1.1");
}

static void remote_debug(aza_ev *ev, const aza_res *r)
{
	cfg_bool(ev, r, "remoteDebuggingEnabled", 0, 0, "a debugger can attach to the running app");
}

static void client_cert(aza_ev *ev, const aza_res *r)
{
	int b, k = aza_prop_bool(ev, r, "properties.clientCertEnabled", &b);
	if (k < 0) {
		aza_unknown(ev, r, "clientCertEnabled is not a boolean");
		return;
	}
	if (k == 0 || !b) {
		aza_fail(ev, r, "clientCertEnabled is %s: clients are not asked for a certificate", k ? "false" : "not set (false)");
		return;
	}
	const char *mode = NULL;
	int km = aza_prop_str(ev, r, "properties.clientCertMode", &mode);
	if (km < 0)
		aza_unknown(ev, r, "clientCertEnabled is true but clientCertMode is %s", aza_unread_why(ev, r, "properties.clientCertMode"));
	else if (!km || aza__strieq(mode, "Required"))
		aza_pass(ev, r, "clientCertEnabled is true, clientCertMode %s", km ? mode : "not set (Required)");
	else if (aza__strieq(mode, "Optional") || aza__strieq(mode, "OptionalInteractiveUser"))
		aza_fail(ev, r, "clientCertEnabled is true but clientCertMode is %s: requests without a certificate are accepted", mode);
	else
		aza_unknown(ev, r, "clientCertEnabled is true but clientCertMode has an unexpected value '%s' (Required, Optional or OptionalInteractiveUser)", mode);
}

static void identity(aza_ev *ev, const aza_res *r)
{
	const aza_json *id = aza_prop(ev, r, "identity");
	const char *t = aza_json_str(aza_json_get(id, "type"));
	if (!is_null(id) && !t && !is_null(aza_json_get(id, "type"))) {
		aza_unknown(ev, r, "identity.type is not a string");
		return;
	}
	if (t && (aza__istrstr(t, "SystemAssigned") || aza__istrstr(t, "UserAssigned")))
		aza_pass(ev, r, "identity.type is %s", t);
	else
		aza_fail(ev, r, "identity.type is %s: the app has no managed identity and must keep credentials for other services",
		         t ? t : "not set");
}

/* ---- authentication ---- */

static void authentication(aza_ev *ev, const aza_res *r)
{
	const aza_res *c = site_config(ev, r, "authsettingsV2");
	if (c) {
		int en = 0, req = 0;
		int k = aza_prop_bool(ev, c, "properties.platform.enabled", &en);
		if (k < 0) {
			aza_unknown(ev, r, "authsettingsV2 platform.enabled is not a boolean");
			return;
		}
		if (!k || !en) {
			aza_fail(ev, r, "authsettingsV2 platform.enabled is %s: App Service authentication is off", k ? "false" : "not set");
			return;
		}
		/* File-based configuration: with platform.configFilePath set, the
		 * named file in the app's content defines how authentication
		 * behaves (Microsoft Learn, "File-based configuration in Azure App
		 * Service authentication"), and the rest of this object is not
		 * what runs. The file is not returned by Resource Manager. */
		const char *file = NULL;
		int kf = aza_prop_str(ev, c, "properties.platform.configFilePath", &file);
		if (kf < 0) {
			aza_unknown(ev, r, "authsettingsV2 platform.configFilePath is %s", aza_unread_why(ev, c, "properties.platform.configFilePath"));
			return;
		}
		if (kf && *file) {
			aza_unknown(ev, r, "authentication is on with file-based configuration (authsettingsV2 platform.configFilePath '%s'): that file in the "
			                   "app's content decides whether requests must be authenticated, not the object's globalValidation, and azaudit "
			                   "cannot read it",
			            file);
			return;
		}
		const char *act = aza_json_str(aza_prop(ev, c, "properties.globalValidation.unauthenticatedClientAction"));
		int required = aza_prop_bool(ev, c, "properties.globalValidation.requireAuthentication", &req) == 1 && req;
		/* unauthenticatedClientAction is "the action to take when an
		 * unauthenticated client attempts to access the app" (the
		 * authsettingsV2 API): AllowAnonymous lets that client through,
		 * whatever requireAuthentication says. The portal never writes
		 * the pair (its "Require authentication" offers only redirect,
		 * 401, 403 or 404), so nothing documents the one rejecting it. */
		/* globalValidation.excludedPaths: "the paths for which
		 * unauthenticated flow would not be redirected to the login page"
		 * (authsettingsV2 API): requests there reach the app anonymously.
		 * The root, alone or with a wildcard, is every request. */
		const aza_json *ex = aza_prop(ev, c, "properties.globalValidation.excludedPaths");
		const char *all = NULL, *some = NULL, *bad = NULL;
		size_t nex = 0;
		if (ex && !aza_json_is(ex, AZA_JNULL) && !aza_json_is(ex, AZA_JARR))
			bad = "is not an array";
		aza_json_each(e, aza_json_is(ex, AZA_JARR) ? ex : NULL) {
			const char *pth = aza_json_str(e);
			if (!pth) {
				bad = "holds an entry that is not a string";
				break;
			}
			nex++;
			if (!some)
				some = pth;
			if (!strcmp(pth, "/") || !strcmp(pth, "/*") || !strcmp(pth, "*") || !strcmp(pth, "/**"))
				all = pth;
		}
		if (required && bad)
			aza_unknown(ev, r, "authentication is on and required, but globalValidation.excludedPaths %s: the paths left open are not known",
			            bad);
		else if (required && all)
			aza_fail(ev, r, "authentication is on with requireAuthentication true, but globalValidation.excludedPaths holds '%s': every "
			                "request reaches the app without authentication",
			         all);
		else if (required && act && aza__strieq(act, "AllowAnonymous"))
			aza_fail(ev, r, "authentication is on with requireAuthentication true but unauthenticatedClientAction AllowAnonymous: the action "
			                "taken for an unauthenticated client is to let it through");
		else if (required)
			aza_pass(ev, r, "authentication is on and required (unauthenticated requests: %s)%s", act ? act : "RedirectToLoginPage",
			         nex ? aza_ev_fmt(ev, "; %zu path(s) excluded from it reach the app anonymously (e.g. '%s'): check each is meant to be public",
			                          nex, some)
			             : "");
		else
			aza_fail(ev, r, "authentication is on but requireAuthentication is not true: anonymous requests reach the app");
		return;
	}
	c = site_config(ev, r, "authsettings");
	if (c) {
		int en = 0;
		int k = aza_prop_bool(ev, c, "properties.enabled", &en);
		if (k < 0) {
			aza_unknown(ev, r, "authsettings enabled is not a boolean");
			return;
		}
		const char *act = aza_json_str(aza_prop(ev, c, "properties.unauthenticatedClientAction"));
		/* The legacy object says so with isAuthFromFile, the string
		 * "true" or "false" (the file path is authFilePath); empty is
		 * not set. */
		const char *ffs = NULL;
		int ff = 0, kff = aza_prop_bool(ev, c, "properties.isAuthFromFile", &ff);
		if (kff < 0 && aza_prop_str(ev, c, "properties.isAuthFromFile", &ffs) > 0 && !*ffs)
			kff = 0;
		if (!k || !en)
			aza_fail(ev, r, "authsettings enabled is %s: App Service authentication is off", k ? "false" : "not set");
		else if (kff < 0)
			aza_unknown(ev, r, "authsettings isAuthFromFile is not \"true\" or \"false\"");
		else if (kff && ff)
			aza_unknown(ev, r, "authentication is on with file-based configuration (authsettings isAuthFromFile true): the file in the app's "
			                   "content decides whether requests must be authenticated, and azaudit cannot read it");
		else if (act && aza__strieq(act, "AllowAnonymous"))
			aza_fail(ev, r, "authentication is on but unauthenticatedClientAction is AllowAnonymous");
		else
			aza_pass(ev, r, "authentication is on (unauthenticatedClientAction %s)", act ? act : "RedirectToLoginPage");
		return;
	}
	const char *why;
	if (!aza_ev_collected(ev, cfg_type(r), r, &why))
		aza_unknown(ev, r, "authentication settings: %s", why);
	else
		aza_unknown(ev, r, "no config/authsettingsV2 object for the %s in the input", noun(r));
}

/* ---- runtime versions ---- */

/* Compare dotted numeric versions: <0, 0, >0. */
static int vercmp(const char *a, const char *b)
{
	while (*a || *b) {
		char *ea, *eb;
		long x = strtol(a, &ea, 10), y = strtol(b, &eb, 10);
		if (x != y)
			return x < y ? -1 : 1;
		a = (*ea == '.') ? ea + 1 : ea;
		b = (*eb == '.') ? eb + 1 : eb;
		if ((!*a || !isdigit((unsigned char)*a)) && (!*b || !isdigit((unsigned char)*b)))
			break;
		if (!*a || !isdigit((unsigned char)*a))
			a = "0";
		if (!*b || !isdigit((unsigned char)*b))
			b = "0";
	}
	return 0;
}

/* Copy the leading version number of s ("~20", "v8.0", "3.11", "20-lts"). */
static int version_of(const char *s, char *out, size_t n)
{
	while (*s == '~' || *s == 'v' || *s == 'V' || *s == ' ')
		s++;
	size_t i = 0;
	while (i + 1 < n && (isdigit((unsigned char)s[i]) || (s[i] == '.' && isdigit((unsigned char)s[i + 1])))) {
		out[i] = s[i];
		i++;
	}
	out[i] = 0;
	return i > 0;
}

static int is_function_app(aza_ev *ev, const aza_res *r)
{
	const char *k = aza_json_str(aza_json_get(aza_doc(ev, r), "kind"));
	return k && aza__istrstr(k, "functionapp") != NULL;
}

/* The evidence that r is a Linux site, deployed or declared in a template,
 * else NULL. Its runtime is linuxFxVersion alone: the Windows stack fields
 * and current-stack metadata do not choose it. Two fields tell: kind
 * ("app,linux", "functionapp,linux"), whose values the sites API documents
 * (it points kind at App Service's kind reference), and properties.reserved,
 * which a site takes from its plan and which is documented as "Linux" only
 * for plans (for sites: "true if reserved"; a Flex Consumption app returns
 * it null). So kind decides when it is set: with kind naming no linux and
 * reserved true, the site is taken as Windows, and *conflict says why. */
static const char *linux_site(aza_ev *ev, const aza_res *r, const char **conflict)
{
	const char *k = aza_json_str(aza_json_get(aza_doc(ev, r), "kind"));
	int res = 0, has_res = aza_prop_bool(ev, r, "properties.reserved", &res) > 0;
	*conflict = NULL;
	if (k && aza__istrstr(k, "linux"))
		return aza_ev_fmt(ev, "kind '%s'", k);
	if (!has_res || !res)
		return NULL;
	if (!k || !*k)
		return "properties.reserved true, no kind";
	*conflict = aza_ev_fmt(ev, "kind '%s' names no linux but properties.reserved is true (set on Linux plans); kind, the "
	                       "documented field, is followed", k);
	return NULL;
}

/* The value of the {name, value} pair called `name` in an array (siteConfig
 * appSettings or metadata), or NULL. */
static const char *nv_value(const aza_json *arr, const char *name)
{
	aza_json_each(e, arr) {
		if (aza_json_streq(aza_json_get(e, "name"), name))
			return aza_json_str(aza_json_get(e, "value"));
	}
	return NULL;
}

/* A {name, value} setting of a Windows site: the <site>/config/<obj> object
 * (a StringDictionary, {"properties": {"NAME": "value"}}: what POST
 * config/metadata/list returns, or a template's config child), else the
 * siteConfig array `field` (templates; a GET returns it null). */
static const char *site_setting(aza_ev *ev, const aza_res *r, const char *obj, const char *field, const char *name)
{
	const aza_res *c = site_config(ev, r, obj);
	const char *v = c ? aza_json_str(aza_json_get(aza_prop(ev, c, "properties"), name)) : NULL;
	if (v)
		return v;
	int have;
	return nv_value(cfg_get(ev, r, field, &have), name);
}

/* The snapshot error of the site's (or slot's) POST config/metadata/list,
 * or NULL (the collector records it with the type of what it returns,
 * config). */
static const aza_gap *metadata_gap(aza_ev *ev, const aza_res *r)
{
	const char *t = cfg_type(r);
	for (const aza_gap *g = aza_inv_gap(aza_ev_inv(ev), t, r->id); g; g = g->next)
		if (aza__strieq(g->type, t) && aza_id_within(r->id, g->scope) && aza__iends(g->api, "/config/metadata/list"))
			return g;
	return NULL;
}

/* What reading config/metadata takes: a list action, outside Reader (a
 * slot's is an operation of its own). */
static const char *metadata_perm(const aza_res *r)
{
	return is_slot(r) ? "POST config/metadata/list needs Microsoft.Web/sites/slots/config/list/action, which Reader lacks"
	                  : "POST config/metadata/list needs Microsoft.Web/sites/config/list/action, which Reader lacks";
}

/* A Windows site's stack fields (siteConfig / config/web), with the
 * runtimes table's name of the stack each one sets. netFrameworkVersion is
 * read apart: its v4.0 is every Windows app's default. */
static const struct {
	const char *field, *stack;
} win_fields[] = {{"phpVersion", "php"}, {"pythonVersion", "python"}, {"nodeVersion", "node"},
                  {"javaVersion", "java"}, {"powerShellVersion", "powershell"}};

struct rt_state {
	int judged, bad, unknown;
	const char *reviewed;
	char detail[512];
	char unk[256];
	char ok[512];
};

static void judge(aza_ev *ev, struct rt_state *st, const char *stack, const char *ver, const char *src)
{
	const char *reviewed = NULL;
	const char *min = aza__cfg_runtime_min(aza_ev_cfg(ev), stack, &reviewed);
	size_t l;
	if (!min) {
		st->unknown++;
		l = strlen(st->unk);
		snprintf(st->unk + l, sizeof st->unk - l, "%s%s %s (%s)", l ? ", " : "", stack, ver, src);
		return;
	}
	st->reviewed = reviewed;
	st->judged++;
	if (vercmp(ver, min) < 0) {
		st->bad++;
		l = strlen(st->detail);
		snprintf(st->detail + l, sizeof st->detail - l, "%s%s %s (%s) is below the supported minimum %s", l ? "; " : "",
		         stack, ver, src, min);
	} else {
		l = strlen(st->ok);
		snprintf(st->ok + l, sizeof st->ok - l, "%s%s %s (%s)", l ? ", " : "", stack, ver, src);
	}
}

/* Linux: linuxFxVersion "STACK|version". 0 when a verdict was given. */
static int linux_runtime(aza_ev *ev, const aza_res *r, struct rt_state *st, const char *fx)
{
	char ver[32], stack[32];
	const char *bar = strchr(fx, '|');
	size_t n = bar ? (size_t)(bar - fx) : strlen(fx);
	if (n >= sizeof stack)
		n = sizeof stack - 1;
	for (size_t i = 0; i < n; i++)
		stack[i] = (char)tolower((unsigned char)fx[i]);
	stack[n] = 0;
	if (!strcmp(stack, "docker") || !strcmp(stack, "compose") || !strcmp(stack, "kube")) {
		aza_na(ev, r, "linuxFxVersion is %s: a custom container whose runtime is not visible here", stack);
		return 0;
	}
	/* "TOMCAT|10.1-java11", "JBOSSEAP|8-java17": the server runs on the
	 * Java named after "-java", which needs its own minimum. */
	const char *jv = aza__istrstr(fx, "-java");
	char jver[32];
	int has_jv = strcmp(stack, "java") && jv && version_of(jv + 5, jver, sizeof jver);
	if (has_jv)
		judge(ev, st, "java", jver, aza_ev_fmt(ev, "linuxFxVersion %s", fx));
	/* The EAP release has no entry of its own: its Java decides. */
	if (!strcmp(stack, "jbosseap") && has_jv)
		return 1;
	if (!bar || !version_of(bar + 1, ver, sizeof ver)) {
		aza_unknown(ev, r, "linuxFxVersion '%s' has no version to compare", fx);
		return 0;
	}
	judge(ev, st, stack, ver, aza_ev_fmt(ev, "linuxFxVersion %s", fx));
	return 1;
}

/* A Windows Java app's web container: javaContainer and
 * javaContainerVersion, judged under the container's name (tomcat, jetty)
 * when both are set; Java SE (JAVA) has none. */
static void java_container(aza_ev *ev, const aza_res *r, struct rt_state *st, const char *cs_src)
{
	int have;
	char stack[32], ver[32];
	const char *c = aza_json_str(cfg_get(ev, r, "javaContainer", &have));
	const char *v = aza_json_str(cfg_get(ev, r, "javaContainerVersion", &have));
	if (!c || !*c || aza__strieq(c, "JAVA") || !v || !version_of(v, ver, sizeof ver))
		return;
	size_t i;
	for (i = 0; c[i] && i + 1 < sizeof stack; i++)
		stack[i] = (char)tolower((unsigned char)c[i]);
	stack[i] = 0;
	judge(ev, st, stack, ver, aza_ev_fmt(ev, "javaContainer %s, javaContainerVersion %s%s", c, v, cs_src));
}

/* Windows: a field per stack, and the current stack (metadata
 * CURRENT_STACK) naming which of them runs the app. Returns 0 when a
 * verdict was given; else *why is set when the running stack's version
 * cannot be read, and *netfx when .NET Framework 4.x is proven. */
static int windows_runtime(aza_ev *ev, const aza_res *r, struct rt_state *st, const char **why, const char **netfx)
{
	int have;
	char ver[32];
	/* A Windows custom container names its image in windowsFxVersion. */
	const char *wfx = aza_json_str(cfg_get(ev, r, "windowsFxVersion", &have));
	if (wfx && (aza__istarts(wfx, "DOCKER|") || aza__istarts(wfx, "COMPOSE|") || aza__istarts(wfx, "KUBE|"))) {
		aza_na(ev, r, "windowsFxVersion is %s: a custom container whose runtime is not visible here", wfx);
		return 0;
	}
	/* config/metadata (deployed, or a template's child) or siteConfig.metadata. */
	const char *cs = site_setting(ev, r, "metadata", "metadata", "CURRENT_STACK");
	if (cs && !*cs)
		cs = NULL;
	int got_cs = 0; /* the current stack's version was judged */
	const char *cs_src = cs ? aza_ev_fmt(ev, "; CURRENT_STACK %s", cs) : "";
	const char *node_field = NULL;
	for (size_t i = 0; i < sizeof win_fields / sizeof win_fields[0]; i++) {
		const char *s = aza_json_str(cfg_get(ev, r, win_fields[i].field, &have)), *v = s;
		if (!strcmp(win_fields[i].stack, "node"))
			node_field = s;
		if (!s || !*s || aza__strieq(s, "OFF"))
			continue;
		if (!strcmp(win_fields[i].stack, "java") && !strncmp(s, "1.", 2))
			v += 2; /* "1.8" is Java 8 */
		if (!version_of(v, ver, sizeof ver))
			continue;
		int cur = cs && aza__strieq(cs, win_fields[i].stack);
		judge(ev, st, win_fields[i].stack, ver, aza_ev_fmt(ev, "%s %s%s", win_fields[i].field, s, cur ? cs_src : ""));
		got_cs |= cur;
		/* A Windows Java app runs in the web container javaContainer
		 * (TOMCAT, JETTY; JAVA is Java SE, no container) at
		 * javaContainerVersion (SiteConfig of the sites API), as a
		 * Linux one runs TOMCAT|10.1-java17: the container needs its
		 * own minimum. */
		if (!strcmp(win_fields[i].stack, "java"))
			java_container(ev, r, st, cur ? cs_src : "");
	}
	/* A Windows Node app keeps its version in the app setting
	 * WEBSITE_NODE_DEFAULT_VERSION: visible in templates (and inputs that
	 * hold config/appsettings), never collected. Judged with nodeVersion. */
	const char *nv = site_setting(ev, r, "appsettings", "appSettings", "WEBSITE_NODE_DEFAULT_VERSION");
	int cs_node = cs && aza__strieq(cs, "node");
	if (nv && version_of(nv, ver, sizeof ver)) {
		judge(ev, st, "node", ver, aza_ev_fmt(ev, "app setting WEBSITE_NODE_DEFAULT_VERSION %s%s", nv, cs_node ? cs_src : ""));
		got_cs |= cs_node;
	}
	/* netFrameworkVersion: v2.0 names the .NET Framework 3.5 CLR, v5.0 and
	 * later are .NET; v4.0 is every Windows app's default whatever it runs
	 * (function apps and Node apps too): .NET Framework 4.x only when the
	 * current stack is dotnet. */
	const char *nf = aza_json_str(cfg_get(ev, r, "netFrameworkVersion", &have));
	int nfv = nf && version_of(nf, ver, sizeof ver) ? atoi(ver) : -1;
	int cs_net = cs && (aza__strieq(cs, "dotnet") || aza__strieq(cs, "aspnet"));
	if (nfv >= 5)
		judge(ev, st, "dotnet", ver, aza_ev_fmt(ev, "netFrameworkVersion %s%s", nf, cs_net ? cs_src : ""));
	else if (nfv >= 0 && nfv < 4)
		judge(ev, st, "aspnet", "3.5", aza_ev_fmt(ev, "netFrameworkVersion %s%s", nf, cs_net ? cs_src : ""));
	int fx4 = nfv == 4 && !is_function_app(ev, r);
	if (cs_net && nfv >= 0 && nfv != 4)
		got_cs = 1;
	if (cs_net && fx4)
		*netfx = aza_ev_fmt(ev, "netFrameworkVersion %s%s", nf, cs_src);
	if (cs) {
		if (got_cs || (cs_net && fx4))
			return 1;
		if (cs_node && nv)
			*why = aza_ev_fmt(ev, "a Windows Node app (metadata CURRENT_STACK %s) without a readable Node version: the app setting "
			                  "WEBSITE_NODE_DEFAULT_VERSION is '%s'", cs, nv);
		else if (cs_node)
			*why = aza_ev_fmt(ev, "a Windows Node app (metadata CURRENT_STACK %s) without a readable Node version: nodeVersion is %s and "
			                  "the app setting WEBSITE_NODE_DEFAULT_VERSION is not in the input (azaudit does not collect app settings: "
			                  "they hold secrets)", cs, node_field && *node_field ? aza_ev_fmt(ev, "'%s'", node_field) : "not set");
		else if (cs_net && nfv == 4)
			*why = aza_ev_fmt(ev, "CURRENT_STACK %s with netFrameworkVersion %s: a function app's worker runtime lives in app settings", cs, nf);
		else if (cs_net)
			*why = aza_ev_fmt(ev, "CURRENT_STACK %s without a readable netFrameworkVersion", cs);
		else if (aza__strieq(cs, "dotnetcore"))
			*why = "CURRENT_STACK dotnetcore: the .NET Core version is chosen by the app's build, not set in the configuration";
		else
			*why = aza_ev_fmt(ev, "CURRENT_STACK %s without a version in the configuration that this rule reads", cs);
		return 1;
	}
	if (nv && !version_of(nv, ver, sizeof ver)) {
		*why = aza_ev_fmt(ev, "a Windows Node app (WEBSITE_NODE_DEFAULT_VERSION %s) without a readable Node version", nv);
		return 1;
	}
	if (aza_is_template(r)) {
		/* A template declares what it deploys: v4.0 alone is .NET Framework 4.x. */
		if (fx4 && !st->judged && !st->unknown && !is_function_app(ev, r))
			*netfx = aza_ev_fmt(ev, "netFrameworkVersion %s", nf);
		return 1;
	}
	/* A deployed Windows app without its current stack. A stack field keeps
	 * its value when the app moves to another stack, and Node (app
	 * settings) and .NET Core (the build) keep their version outside the
	 * configuration: the fields set, all supported, do not show that what
	 * runs is supported. An unsupported one still fails (runtime()). */
	if (st->judged || st->unknown) {
		const aza_gap *g;
		const char *set = aza_ev_fmt(ev, "%s%s%s", st->ok, *st->ok && *st->unk ? ", " : "", st->unk), *meta;
		if (site_config(ev, r, "metadata"))
			meta = "its config/metadata has no CURRENT_STACK";
		else if ((g = metadata_gap(ev, r)))
			meta = aza_ev_fmt(ev, "its current stack could not be read (%s): HTTP %d: %s", metadata_perm(r), g->status, g->message);
		else
			meta = aza_ev_fmt(ev, "its current stack (config/metadata CURRENT_STACK) is not in the input (%s)", metadata_perm(r));
		*why = aza_ev_fmt(ev, "%s set, but which stack the app runs is not known (a stack field keeps its value when the app "
		                  "moves to another stack, and a Node or .NET Core app's version is not in the site configuration): %s",
		                  set, meta);
		return 1;
	}
	if (is_function_app(ev, r))
		return 1;
	/* A deployed Windows app whose configuration names no stack version:
	 * only its current stack (config/metadata) tells what it runs. */
	const char *base = aza_ev_fmt(ev, "a Windows app whose configuration sets no stack version (netFrameworkVersion %s is every "
	                              "Windows app's default, not evidence of .NET Framework)", nf ? nf : "not set");
	const aza_gap *g;
	if (site_config(ev, r, "metadata"))
		*why = aza_ev_fmt(ev, "%s and whose config/metadata has no CURRENT_STACK", base);
	else if ((g = metadata_gap(ev, r)))
		*why = aza_ev_fmt(ev, "%s; its current stack could not be read (%s): HTTP %d: %s", base, metadata_perm(r), g->status,
		                  g->message);
	else
		*why = aza_ev_fmt(ev, "%s; its current stack (config/metadata CURRENT_STACK) is not in the input (%s)", base, metadata_perm(r));
	return 1;
}

/* A Linux site whose linuxFxVersion (lfx) names no runtime: on Linux that
 * field alone is the stack and version ("DOTNETCORE|8.0", "NODE|20-lts"),
 * so the Windows stack fields, which the API returns for every site, prove
 * nothing: neither a supported one (a false PASS) nor an old one (the
 * runtime it names is not enabled, as a Windows app's PHP is). */
static void linux_without_fx(aza_ev *ev, const aza_res *r, const char *kind, const aza_json *lfx)
{
	if (lfx && !aza_json_str(lfx)) {
		aza_unknown(ev, r, "linuxFxVersion is not a string on a Linux app (%s): its runtime cannot be read", kind);
		return;
	}
	int have;
	const char *set = NULL;
	for (size_t i = 0; i < sizeof win_fields / sizeof win_fields[0]; i++) {
		const char *s = aza_json_str(cfg_get(ev, r, win_fields[i].field, &have));
		if (s && *s && !aza__strieq(s, "OFF"))
			set = aza_ev_fmt(ev, "%s%s%s %s", set ? set : "", set ? ", " : "", win_fields[i].field, s);
	}
	/* v4.0 is the field's default, set whatever the site runs: naming it adds nothing. */
	char ver[32];
	const char *nf = aza_json_str(cfg_get(ev, r, "netFrameworkVersion", &have));
	if (nf && version_of(nf, ver, sizeof ver) && atoi(ver) != 4)
		set = aza_ev_fmt(ev, "%s%snetFrameworkVersion %s", set ? set : "", set ? ", " : "", nf);
	aza_unknown(ev, r, "linuxFxVersion is %s on a Linux app (%s): on Linux it names the runtime stack and version "
	            "(\"DOTNETCORE|8.0\", \"NODE|20-lts\"), so the runtime the app runs is not known (it may be chosen outside the "
	            "site configuration, or the data may be incomplete)%s%s",
	            lfx ? "empty" : "not set", kind, set ? "; the Windows stack fields set do not choose a Linux app's runtime: " : "",
	            set ? set : "");
}

/* A Flex Consumption function app names its runtime on the site, in
 * functionAppConfig.runtime {name, version} (name: dotnet-isolated, node,
 * java, powershell, python or custom); its linuxFxVersion is empty. -1 when
 * r has none, 0 when a verdict was given, 1 when judged into st. */
static int flex_runtime(aza_ev *ev, const aza_res *r, struct rt_state *st)
{
	const aza_json *rt = aza_prop(ev, r, "properties.functionAppConfig.runtime");
	if (!rt || aza_json_is(rt, AZA_JNULL))
		return -1;
	const char *name = aza_json_str(aza_json_get(rt, "name"));
	const char *v = aza_json_str(aza_json_get(rt, "version"));
	const char *sku = aza_json_str(aza_prop(ev, r, "properties.sku"));
	const char *src = aza_ev_fmt(ev, "functionAppConfig.runtime %s %s%s%s", name ? name : "?", v ? v : "?",
	                             sku ? ", sku " : "", sku ? sku : "");
	char stack[32], ver[32];
	if (!name || !*name) {
		aza_unknown(ev, r, "functionAppConfig.runtime names no runtime (name is not a string)");
		return 0;
	}
	if (aza__strieq(name, "custom")) {
		aza_na(ev, r, "%s: a custom handler whose runtime is not visible here", src);
		return 0;
	}
	if (!v || !version_of(v, ver, sizeof ver)) {
		aza_unknown(ev, r, "functionAppConfig.runtime %s has no version to compare", name);
		return 0;
	}
	size_t i;
	for (i = 0; name[i] && i + 1 < sizeof stack; i++)
		stack[i] = (char)tolower((unsigned char)name[i]);
	stack[i] = 0;
	judge(ev, st, stack, ver, src);
	return 1;
}

static void runtime(aza_ev *ev, const aza_res *r)
{
	int ok;
	struct rt_state st;
	memset(&st, 0, sizeof st);
	const char *why = NULL, *netfx = NULL, *lk, *conflict = NULL;
	int flex = flex_runtime(ev, r, &st);
	if (!flex)
		return;
	if (flex < 0) {
		const aza_json *lfx = cfg_field(ev, r, "linuxFxVersion", &ok);
		if (!ok)
			return;
		const char *fx = aza_json_str(lfx);
		if (fx && *fx) {
			if (!linux_runtime(ev, r, &st, fx))
				return;
		} else if ((lk = linux_site(ev, r, &conflict))) {
			linux_without_fx(ev, r, lk, lfx);
			return;
		} else if (!windows_runtime(ev, r, &st, &why, &netfx)) {
			return;
		}
	}
	/* Judged as Windows against a reserved flag set on Linux plans: a
	 * failing field stands, but a pass would rest on fields a Linux app
	 * does not run. */
	if (conflict && !st.bad && !why && !st.unknown && (st.judged || netfx))
		why = aza_ev_fmt(ev, "%s; on Linux the Windows stack fields do not choose the runtime, so they cannot pass it", conflict);
	const char *rv = st.reviewed;
	if (!rv)
		aza__cfg_runtime_min(aza_ev_cfg(ev), "aspnet", &rv);
	if (st.bad)
		aza_fail(ev, r, "%s (runtime table reviewed %s)", st.detail, st.reviewed);
	else if (why)
		aza_unknown(ev, r, "%s", why);
	else if (st.unknown)
		aza_unknown(ev, r, "no supported-version minimum is configured for %s (add it to runtimes in the configuration)", st.unk);
	else if (st.judged)
		aza_pass(ev, r, "runtime versions are supported: %s%s%s (runtime table reviewed %s)", st.ok, netfx ? ", .NET Framework 4.x " : "",
		         netfx ? aza_ev_fmt(ev, "(%s)", netfx) : "", rv ? rv : "-");
	else if (netfx)
		aza_pass(ev, r, "%s: .NET Framework 4.x, serviced with Windows (runtime table reviewed %s)", netfx, rv ? rv : "-");
	else
		aza_unknown(ev, r, "no runtime version in the site configuration (function apps keep it in app settings)");
}

#define PAAS_NET .resp = AZA_RESP_NETWORK, .models = AZA_PAAS
#define PAAS_APP .resp = AZA_RESP_APPLICATIONS, .models = AZA_PAAS
#define PAAS_ACC .resp = AZA_RESP_ACCOUNTS, .models = AZA_PAAS
/* The types the rules judge, and the config objects they read. */
#define APPS SITE " " SLOT
#define CFGS CFG " " SLOT_CFG
/* How slots are judged, added to each rule's .defaults. */
#define SLOT_NOTE " Deployment slots (" SLOT ", reported as site/slot) are judged as apps of their own on the same settings, which are the slot's (its properties and its own config objects, " SLOT_CFG "): a staging slot is a live app with its own host name, and Microsoft Learn (Set up staging environments, Which settings are swapped?) keeps TLS/SSL settings, managed identities and general settings with the slot, and swaps the language stack with the content into production."
#define CFG_DEFAULTS "Read from config/web, else from the site's siteConfig; a list export with null siteConfig fields and no config/web: UNKNOWN. A deployed site's config/web without the field (a GET returns every field): UNKNOWN. A template site or slot created as a clone (properties.cloningInfo) takes the fields it leaves out from the source app, not the service defaults: UNKNOWN."

const struct aza_rule aza_rules_appservice[] = {
	{
		.id = "AZA-APP-001", .title = "App Service authentication is on and required",
		.area = AZA_AREA_APPSERVICE, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_ACC, .types = APPS, .needs = CFGS,
		.checklist = "appservice.authentication",
		.rationale = "With the built-in authentication required, anonymous requests are rejected or sent to sign in before they reach the app code.",
		.portal = "App Service > Settings > Authentication > Add identity provider; Restrict access: Require authentication.",
		.cli = "az webapp auth update -g <rg> -n <app> --enabled true --action RedirectToLoginPage (a deployment slot: add --slot <slot>)",
		.arm = "Microsoft.Web/sites/config 'authsettingsV2': properties.platform.enabled = true, properties.globalValidation.requireAuthentication = true (a deployment slot: Microsoft.Web/sites/slots/config, same name)",
		.defaults = "Read from config/authsettingsV2 (or the legacy config/authsettings). Without either for the site: UNKNOWN. Authentication on with file-based configuration (authsettingsV2 platform.configFilePath set, or the legacy isAuthFromFile \"true\"): UNKNOWN, since that file in the app's content, not the object's globalValidation, decides (Microsoft Learn, 'File-based configuration in Azure App Service authentication') and Resource Manager does not return it; with platform.enabled false authentication is off whatever the file says (FAIL). authsettingsV2 passes with globalValidation.requireAuthentication true, unless unauthenticatedClientAction is AllowAnonymous: that is the action taken for an unauthenticated client (authsettingsV2 API), which lets it through (FAIL), or globalValidation.excludedPaths ('the paths for which unauthenticated flow would not be redirected to the login page', authsettingsV2 API) holds the root ('/', '/*', '*' or '/**': every request, FAIL); other excluded paths are named in the PASS, and excludedPaths that is not a list of strings is UNKNOWN. Apps that authenticate users in their own code pass this only when the platform feature is on: record exceptions." SLOT_NOTE,
		.check = authentication,
	},
	{
		.id = "AZA-APP-002", .title = "Web apps redirect HTTP to HTTPS",
		.area = AZA_AREA_APPSERVICE, .level = 1, .severity = AZA_SEV_HIGH, PAAS_NET, .types = APPS,
		.checklist = "appservice.https_only",
		.rationale = "Without HTTPS Only, the app answers plain HTTP and cookies, tokens and data can be read or changed on the way.",
		.portal = "App Service > Settings > Configuration > General settings: HTTPS Only On.",
		.cli = "az webapp update -g <rg> -n <app> --https-only true (a deployment slot: add --slot <slot>)",
		.arm = "Microsoft.Web/sites: properties.httpsOnly = true (a deployment slot: Microsoft.Web/sites/slots, the same members)",
		.defaults = "Absent means false (FAIL)." SLOT_NOTE,
		.check = https_only,
	},
	{
		.id = "AZA-APP-003", .title = "Web apps require TLS 1.2 or later",
		.area = AZA_AREA_APPSERVICE, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = APPS, .needs = CFGS,
		.checklist = "appservice.latest_tls",
		.rationale = "TLS 1.0 and 1.1 have known weaknesses and are no longer accepted by current compliance standards.",
		.portal = "App Service > Settings > Configuration > General settings: Minimum Inbound TLS Version 1.2.",
		.cli = "az webapp config set -g <rg> -n <app> --min-tls-version 1.2 (a deployment slot: add --slot <slot>)",
		.arm = "Microsoft.Web/sites/config 'web': properties.minTlsVersion = '1.2' (a deployment slot: Microsoft.Web/sites/slots/config, same name)",
		.defaults = CFG_DEFAULTS " Templates: absent means the service default, 1.2 (PASS)." SLOT_NOTE,
		.check = min_tls,
	},
	{
		.id = "AZA-APP-004", .title = "FTP deployment is disabled or FTPS only",
		.area = AZA_AREA_APPSERVICE, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = APPS, .needs = CFGS,
		.checklist = "appservice.ftps_disabled",
		.rationale = "Plain FTP sends the deployment credentials and the site content in clear text.",
		.portal = "App Service > Settings > Configuration > General settings: FTP state Disabled (or FTPS only).",
		.cli = "az webapp config set -g <rg> -n <app> --ftps-state Disabled (a deployment slot: add --slot <slot>)",
		.arm = "Microsoft.Web/sites/config 'web': properties.ftpsState = 'Disabled' (or 'FtpsOnly') (a deployment slot: Microsoft.Web/sites/slots/config, same name)",
		.defaults = CFG_DEFAULTS " Templates: absent means AllAllowed (FAIL)." SLOT_NOTE,
		.check = ftps,
	},
	{
		.id = "AZA-APP-005", .title = "Web app runtimes are supported versions",
		.area = AZA_AREA_APPSERVICE, .level = 2, .severity = AZA_SEV_MEDIUM, PAAS_APP, .types = APPS, .needs = CFGS,
		.checklist = "appservice.latest_runtime",
		.rationale = "Runtimes past their end of support get no security fixes; the stack version is set per app and must be raised by its owner.",
		.portal = "App Service > Settings > Configuration > General settings (Stack settings): choose a supported major version.",
		.cli = "az webapp config set -g <rg> -n <app> --linux-fx-version 'PYTHON|3.12' (Windows: --php-version / --net-framework-version ...) (a deployment slot: add --slot <slot>)",
		.arm = "Microsoft.Web/sites/config 'web': properties.linuxFxVersion (Linux) or phpVersion / pythonVersion / nodeVersion / javaVersion / netFrameworkVersion (Windows) (a deployment slot: Microsoft.Web/sites/slots/config, same name)",
		.defaults = "Minimum versions per stack come from the runtimes table in the configuration (built-in table, review date in every message). Windows apps with phpVersion set have PHP enabled even when unused: set it to a supported version or Off. A Java server stack with a \"-javaNN\" suffix (TOMCAT|10.1-java11, JBOSSEAP|8-java17) is also judged against the Java minimum. A Windows Java app's web container (javaContainer TOMCAT or JETTY with javaContainerVersion, SiteConfig of the sites API; JAVA is Java SE, no container) is judged against the table under the container's name, as the Linux TOMCAT|version is. Custom containers (linuxFxVersion or windowsFxVersion DOCKER|, COMPOSE|, KUBE|): NOT_APPLICABLE. Flex Consumption function apps name their runtime in properties.functionAppConfig.runtime (name dotnet-isolated, node, java, powershell or python, and version), judged against the table under that name; a custom handler (name custom) is NOT_APPLICABLE, a runtime without a readable version UNKNOWN. Linux apps (kind containing linux, or, without a kind, properties.reserved true; deployed or in a template; kind is the documented field and decides when set: kind naming no linux with reserved true is judged as Windows, but the Windows fields then never pass it, only fail it): the runtime stack and version are linuxFxVersion alone (az webapp config set --linux-fx-version: the runtime stack of a Linux web app; Azure Functions: Linux function apps run the language and version in linuxFxVersion); with linuxFxVersion empty or not set the runtime is not known (chosen outside the site configuration, or incomplete data): UNKNOWN, naming the Windows stack fields set (phpVersion, javaVersion, netFrameworkVersion other than v4.0...), which neither pass nor fail a Linux app. Windows apps: every stack field set is judged (phpVersion, pythonVersion, nodeVersion, javaVersion, powerShellVersion, netFrameworkVersion v2.0 or v5.0 and later, and the app setting WEBSITE_NODE_DEFAULT_VERSION where the input holds it); the current stack, CURRENT_STACK of the site's config/metadata (or a template's siteConfig.metadata), must have a readable version, else UNKNOWN (a Node app's version lives in app settings, which azaudit does not collect; a dotnetcore app's in its build). netFrameworkVersion v4.0 is every Windows app's default: it passes as .NET Framework 4.x only with CURRENT_STACK dotnet (templates: also alone). A deployed Windows app without CURRENT_STACK (config/metadata missing, unreadable or without it) never passes on the stack fields it sets, even when all are supported: a field keeps its value when the app moves to another stack, and a Node or .NET Core app's version is not in the site configuration, so which runtime runs is not known (UNKNOWN naming the fields and what is missing); a field set below its minimum still fails, that runtime being enabled. Templates without a current stack are judged on the fields they set (a template declares what it deploys). A deployed Windows app whose configuration sets no stack version and whose config/metadata is missing: UNKNOWN (collecting it takes POST config/metadata/list, which needs Microsoft.Web/sites/config/list/action, or for a slot Microsoft.Web/sites/slots/config/list/action, neither in Reader). A Windows function app's netFrameworkVersion (v4.0 by default) says nothing about its worker runtime, which lives in app settings: UNKNOWN. " CFG_DEFAULTS SLOT_NOTE,
		.check = runtime,
	},
	{
		.id = "AZA-APP-006", .title = "HTTP/2 is enabled on web apps",
		.area = AZA_AREA_APPSERVICE, .level = 2, .severity = AZA_SEV_LOW, PAAS_NET, .types = APPS, .needs = CFGS,
		.rationale = "HTTP/2 fixes head-of-line blocking and header compression weaknesses of HTTP/1.1 and is what current clients expect.",
		.portal = "App Service > Settings > Configuration > General settings: HTTP version 2.0.",
		.cli = "az webapp config set -g <rg> -n <app> --http20-enabled true (a deployment slot: add --slot <slot>)",
		.arm = "Microsoft.Web/sites/config 'web': properties.http20Enabled = true (a deployment slot: Microsoft.Web/sites/slots/config, same name)",
		.defaults = CFG_DEFAULTS " A deployed site's siteConfig.http20Enabled is not read (site lists fill it with false): only config/web counts. Templates: absent means false (FAIL)." SLOT_NOTE,
		.check = http2,
	},
	{
		.id = "AZA-APP-007", .title = "Remote debugging is off",
		.area = AZA_AREA_APPSERVICE, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_APP, .types = APPS, .needs = CFGS,
		.rationale = "Remote debugging opens extra inbound ports and lets a debugger attach to production code.",
		.portal = "App Service > Settings > Configuration > General settings: Remote debugging Off.",
		.cli = "az webapp config set -g <rg> -n <app> --remote-debugging-enabled false (a deployment slot: add --slot <slot>)",
		.arm = "Microsoft.Web/sites/config 'web': properties.remoteDebuggingEnabled = false (a deployment slot: Microsoft.Web/sites/slots/config, same name)",
		.defaults = CFG_DEFAULTS " Templates: absent means false (PASS)." SLOT_NOTE,
		.check = remote_debug,
	},
	{
		.id = "AZA-APP-008", .title = "Web apps require client certificates",
		.area = AZA_AREA_APPSERVICE, .level = 2, .severity = AZA_SEV_LOW, PAAS_ACC, .types = APPS,
		.rationale = "Requiring a client certificate (mutual TLS) lets only clients holding a trusted certificate reach the app.",
		.portal = "App Service > Settings > Configuration > General settings: Client certificate mode Required.",
		.cli = "az webapp update -g <rg> -n <app> --set clientCertEnabled=true clientCertMode=Required (a deployment slot: add --slot <slot>)",
		.arm = "Microsoft.Web/sites: properties.clientCertEnabled = true, properties.clientCertMode = 'Required' (a deployment slot: Microsoft.Web/sites/slots, the same members)",
		.defaults = "clientCertEnabled absent means false (FAIL). clientCertMode absent means Required; Optional or OptionalInteractiveUser: FAIL; another value, or one that is not a string: UNKNOWN. Apps serving the public need not apply this: record exceptions." SLOT_NOTE,
		.check = client_cert,
	},
	{
		.id = "AZA-APP-009", .title = "Web apps use a managed identity",
		.area = AZA_AREA_APPSERVICE, .level = 1, .severity = AZA_SEV_LOW, PAAS_ACC, .types = APPS,
		.rationale = "A managed identity lets the app reach Key Vault, storage and databases with Entra ID tokens instead of stored secrets.",
		.portal = "App Service > Settings > Identity > System assigned: On (or add a user-assigned identity).",
		.cli = "az webapp identity assign -g <rg> -n <app> (a deployment slot: add --slot <slot>)",
		.arm = "Microsoft.Web/sites: identity.type = 'SystemAssigned' (or 'UserAssigned') (a deployment slot: Microsoft.Web/sites/slots, the same members)",
		.defaults = "No identity block, or type None: FAIL." SLOT_NOTE,
		.check = identity,
	},
	{
		.id = "AZA-APP-010", .title = "The deployment (SCM) site requires TLS 1.2 or later",
		.area = AZA_AREA_APPSERVICE, .level = 1, .severity = AZA_SEV_MEDIUM, PAAS_NET, .types = APPS, .needs = CFGS,
		.checklist = "appservice.latest_tls",
		.rationale = "The Kudu/SCM endpoint accepts deployment credentials and code; it needs the same TLS floor as the app.",
		.portal = "App Service > Settings > Configuration > General settings: SCM Minimum Inbound TLS Version 1.2.",
		.cli = "az webapp config set -g <rg> -n <app> --generic-configurations '{\"scmMinTlsVersion\":\"1.2\"}' (a deployment slot: add --slot <slot>)",
		.arm = "Microsoft.Web/sites/config 'web': properties.scmMinTlsVersion = '1.2' (a deployment slot: Microsoft.Web/sites/slots/config, same name)",
		.defaults = CFG_DEFAULTS " Templates: absent means the service default, 1.2 (PASS)." SLOT_NOTE,
		.check = scm_tls,
	},
	{
		.id = "AZA-APP-011", .title = "App secrets are Key Vault references",
		.area = AZA_AREA_APPSERVICE, .level = 2, .severity = AZA_SEV_LOW, PAAS_APP,
		.rationale = "Secrets kept as plain app settings are readable by anyone with read access to the configuration; Key Vault references keep them in the vault, with access through the app's managed identity.",
		.manual = "For each app: App Service > Settings > Environment variables: every setting or connection string holding a secret should read @Microsoft.KeyVault(SecretUri=...) and show a green Key Vault Reference status. CLI: az webapp config appsettings list -g <rg> -n <app> (values need list permission; look for secrets not written as @Microsoft.KeyVault(...)).",
	},
};
const size_t aza_rules_appservice_n = sizeof aza_rules_appservice / sizeof aza_rules_appservice[0];
