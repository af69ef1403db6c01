/*
 * template.c - expands an ARM template into concrete resources the way
 * Resource Manager would: parameters (file, then defaultValue), variables,
 * conditions, resource and property copy loops, nested child resources,
 * extension resources with scope, nested deployments (inner/outer scope).
 * The result goes into the inventory like any deployed resource, with its
 * apiVersion and its position in the template, so the same rules apply.
 */
#include "template.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct tx {
	aza_tctx c;
	aza_inv *inv;                 /* NULL: expanding off the inventory, into def */
	aza_tdefer *def;
	const struct aza_tmpl_opts *o;
	struct aza_tmpl_opts *cache; /* the caches this thread may use (o's, or def's) */
	const struct aza_pos *pos;
	int rc;
	size_t nres;
	const struct aza_tmpl_lines *lines; /* made when the first resource is kept */
	/* Resources whose settings child Azure creates with defaults when the
	 * template declares none (implicit_children), and the declared ones. */
	struct kept {
		const aza_res *r;
		struct kept *next;
	} *implicit_parents, *declared_children;
	/* Resources whose id holds a placeholder (a name only known at
	 * deployment): the parents a child that matches none may belong to. */
	struct kept *placeheld;
} tx;

#define MAX_TEMPLATE_RESOURCES 100000

static void where(tx *t, size_t off, unsigned long *line, unsigned long *col)
{
	*line = 0;
	*col = 0;
	if (t->pos && t->pos->fn)
		t->pos->fn(t->pos->ud, off, line, col);
}

/* The error at line:col of the template (line 0: unknown). */
static int err_at(tx *t, unsigned long line, unsigned long col, int code, const char *msg)
{
	if (line)
		t->rc = aza__err(t->c.ctx, code, "%s:%lu:%lu: %s", t->c.source, line, col, msg);
	else
		t->rc = aza__err(t->c.ctx, code, "%s: %s", t->c.source, msg);
	return t->rc;
}

static int terr(tx *t, size_t off, int code, const char *fmt, ...) AZA_PRINTF(4, 5);
static int terr(tx *t, size_t off, int code, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	unsigned long line, col;
	where(t, off, &line, &col);
	return err_at(t, line, col, code, msg);
}

static int oom(tx *t)
{
	if (t->c.over) {
		t->rc = aza__err(t->c.ctx, AZA_ELIMIT, "%s: the template expands to more than %zu MB of values (a loop or variables that grow without bound?)",
		                 t->c.source, AZA_TMPL_MAX_BYTES >> 20);
		return t->rc;
	}
	t->rc = aza__err(t->c.ctx, AZA_ENOMEM, "out of memory");
	return t->rc;
}

/* ---- deep evaluation of template values ---- */
static aza_json *eval_value(tx *t, const aza_json *v, const char *key);

static aza_json *eval_string(tx *t, const aza_json *v, const char *key)
{
	const char *s = v->u.s;
	size_t n = v->n;
	t->c.off = v->off;
	if (n >= 2 && s[0] == '[' && s[1] == '[') /* escaped: a literal starting with '[' */
		return aza_t__copy(&t->c, aza_t__str(&t->c, s + 1, n - 1), key);
	if (n >= 2 && s[0] == '[' && s[n - 1] == ']') {
		const char *err = NULL;
		aza_json *r = aza_t__eval_expr(&t->c, s + 1, n - 2, &err);
		if (!r) {
			if (t->rc)
				return NULL; /* an inner value (a variable) already failed */
			if (t->c.oom)
				oom(t);
			else
				terr(t, v->off, AZA_EINPUT, "invalid template expression: %s in \"%.200s\"", err, s);
			return NULL;
		}
		aza_json *cp = aza_t__copy(&t->c, r, key);
		if (cp)
			cp->off = v->off;
		return cp;
	}
	return aza_t__copy(&t->c, v, key);
}

/* Property copy loops: "copy": [{"name": "x", "count": n, "input": {...}}]
 * become an array property "x" of n evaluated inputs. */
static int property_copies(tx *t, const aza_json *copy, aza_json *obj, aza_json ***tail)
{
	aza_json_each(loop, copy) {
		const char *name = aza_json_str(aza_json_get(loop, "name"));
		const aza_json *cnt = aza_json_get(loop, "count");
		const aza_json *input = aza_json_get(loop, "input");
		if (!name || !cnt || !input)
			return terr(t, loop->off, AZA_EINPUT, "property copy needs name, count and input");
		aza_json *cv = eval_value(t, cnt, NULL);
		if (!cv)
			return t->rc;
		aza_json *arr;
		if (cv->kind == AZA_JUNKNOWN) {
			arr = aza_t__unknown(&t->c, "property copy '%s' with count %s", name, cv->u.s);
		} else {
			double d;
			if (!aza_json_num(cv, &d) || d < 0)
				return terr(t, cnt->off, AZA_EINPUT, "property copy '%s': count is not a non-negative number", name);
			if (d > AZA_TMPL_MAX_COPY)
				return terr(t, cnt->off, AZA_ELIMIT, "property copy '%s': count %.0f exceeds Azure's limit of %d", name, d,
				            AZA_TMPL_MAX_COPY);
			if (t->c.ncopy >= AZA_TMPL_MAX_NEST)
				return terr(t, loop->off, AZA_ELIMIT, "copy loops nested too deeply");
			arr = aza_arena__alloc(t->c.a, sizeof *arr);
			if (!arr)
				return oom(t);
			memset(arr, 0, sizeof *arr);
			arr->kind = AZA_JARR;
			arr->off = loop->off;
			aza_json **at = &arr->u.child;
			for (int i = 0; i < (int)d; i++) {
				t->c.copy_name[t->c.ncopy] = name;
				t->c.copy_index[t->c.ncopy] = i;
				t->c.ncopy++;
				aza_json *e = eval_value(t, input, NULL);
				t->c.ncopy--;
				if (!e)
					return t->rc;
				*at = e;
				at = &e->next;
				arr->n++;
			}
		}
		if (!arr)
			return oom(t);
		arr->key = name;
		**tail = arr;
		*tail = &arr->next;
		obj->n++;
	}
	return 0;
}

/* A value with no expression in it ("[...]" or an escaped "[[") and no
 * property copy loop evaluates to itself. */
static int is_static(const aza_json *v)
{
	switch (v->kind) {
	case AZA_JSTR:
		return !(v->n >= 2 && v->u.s[0] == '[');
	case AZA_JARR:
	case AZA_JOBJ:
		for (const aza_json *m = v->u.child; m; m = m->next) {
			if (v->kind == AZA_JOBJ && m->kind == AZA_JARR && aza__strieq(m->key, "copy"))
				return 0;
			if (!is_static(m))
				return 0;
		}
		return 1;
	default:
		return 1;
	}
}

static aza_json *eval_value(tx *t, const aza_json *v, const char *key)
{
	if (t->rc)
		return NULL;
	switch (v->kind) {
	case AZA_JSTR:
		return eval_string(t, v, key);
	case AZA_JARR:
	case AZA_JOBJ: {
		aza_json *o = aza_t__charge(&t->c, sizeof *o) ? NULL : aza_arena__alloc(t->c.a, sizeof *o);
		if (!o) {
			oom(t);
			return NULL;
		}
		if (is_static(v)) {
			/* Nothing to evaluate: share the template's own members (values
			 * are never modified once made), keeping their source offsets. */
			*o = *v;
			o->key = key;
			o->next = NULL;
			return o;
		}
		memset(o, 0, sizeof *o);
		o->kind = v->kind;
		o->key = key;
		o->off = v->off;
		aza_json **tail = &o->u.child;
		for (const aza_json *m = v->u.child; m; m = m->next) {
			if (v->kind == AZA_JOBJ && aza__strieq(m->key, "copy") && aza_json_is(m, AZA_JARR) &&
			    aza_json_get(aza_json_at(m, 0), "input")) {
				if (property_copies(t, m, o, &tail))
					return NULL;
				continue;
			}
			aza_json *e = eval_value(t, m, m->key);
			if (!e)
				return NULL;
			*tail = e;
			tail = &e->next;
			o->n++;
		}
		return o;
	}
	default:
		return aza_t__copy(&t->c, v, key);
	}
}

/* ---- parameters, variables, built-in objects ---- */
static struct tcache *cache_find(struct tcache *c, const char *name)
{
	for (; c; c = c->next)
		if (aza__strieq(c->name, name))
			return c;
	return NULL;
}

/* A new entry, marked busy while its value is being evaluated (so a
 * parameter or variable that refers to itself is caught). */
static struct tcache *cache_new(aza_tctx *c, struct tcache **head, const char *name)
{
	struct tcache *e = aza_arena__alloc(c->a, sizeof *e);
	if (!e) {
		c->oom = 1;
		return NULL;
	}
	memset(e, 0, sizeof *e);
	e->name = name;
	e->busy = 1;
	e->next = *head;
	*head = e;
	return e;
}

static tx *tx_of(aza_tctx *c)
{
	return (tx *)c; /* aza_tctx is the first member of tx */
}

aza_json *aza_t__param(aza_tctx *c, const char *name)
{
	tx *t = tx_of(c);
	struct tcache *e = cache_find(c->pcache, name);
	if (e) {
		if (e->busy)
			return aza_t__unknown(c, "parameter '%s' (its default refers to itself)", name);
		return e->val;
	}
	if (!(e = cache_new(c, &c->pcache, name)))
		return NULL;
	size_t off = c->off;
	int names = c->names;
	c->names = 0;
	const aza_json *decl = aza_json_get(c->params_decl, name);
	const aza_json *given = aza_json_get(c->param_values, name);
	const char *type = aza_json_str(aza_json_get(decl, "type"));
	int secure = type && (aza__strieq(type, "securestring") || aza__strieq(type, "secureobject"));
	aza_json *v;
	if (!decl) {
		v = aza_t__unknown(c, "parameters('%s'), which the template does not declare", name);
	} else if (given && aza_json_get(given, "value")) {
		v = eval_value(t, aza_json_get(given, "value"), NULL);
	} else if (given && aza_json_get(given, "reference")) {
		v = aza_t__unknown(c, "parameter '%s' (a Key Vault reference)", name);
	} else if (c->params_linked) {
		v = aza_t__unknown(c, "parameter '%s' (its value comes from a parametersLink, which is not fetched)", name);
	} else if (aza_json_get(decl, "defaultValue")) {
		v = eval_value(t, aza_json_get(decl, "defaultValue"), NULL);
	} else {
		v = aza_t__unknown(c, "parameter '%s' (no value in a parameter file and no defaultValue)", name);
	}
	/* Secure values are never read or printed: what depends on them is unknown. */
	if (v && secure && v->kind != AZA_JUNKNOWN)
		v = aza_t__unknown(c, "secure parameter '%s'", name);
	e->val = v;
	e->busy = 0;
	c->off = off;
	c->names = names;
	return v;
}

aza_json *aza_t__var(aza_tctx *c, const char *name)
{
	tx *t = tx_of(c);
	struct tcache *e = cache_find(c->vcache, name);
	if (e) {
		if (e->busy)
			return aza_t__unknown(c, "variables('%s'), which refers to itself", name);
		return e->val;
	}
	if (!(e = cache_new(c, &c->vcache, name)))
		return NULL;
	size_t off = c->off;
	int names = c->names;
	c->names = 0;
	const aza_json *decl = aza_json_get(c->vars_decl, name);
	aza_json *v = NULL;
	if (!decl || aza__strieq(name, "copy")) {
		/* Variable copy: "copy": [{"name": name, "count": n, "input": ...}] */
		const aza_json *loops = aza_json_get(c->vars_decl, "copy");
		aza_json_each(loop, loops) {
			if (!aza_json_streq(aza_json_get(loop, "name"), name))
				continue;
			aza_json tmp, arr;
			memset(&tmp, 0, sizeof tmp);
			tmp.kind = AZA_JOBJ;
			arr = *loop;
			arr.next = NULL;
			arr.key = "copy";
			aza_json holder;
			memset(&holder, 0, sizeof holder);
			holder.kind = AZA_JARR;
			holder.n = 1;
			holder.u.child = &arr;
			holder.key = "copy";
			tmp.u.child = &holder;
			tmp.n = 1;
			aza_json *o = eval_value(t, &tmp, NULL);
			v = o ? (aza_json *)aza_json_get(o, name) : NULL;
			break;
		}
		if (!v && !t->rc)
			v = aza_t__unknown(c, "variables('%s'), which the template does not declare", name);
	} else {
		v = eval_value(t, decl, NULL);
	}
	e->val = v;
	e->busy = 0;
	c->off = off;
	c->names = names;
	return v;
}

static aza_json *json_text(aza_tctx *c, const char *fmt, ...) AZA_PRINTF(2, 3);
static aza_json *json_text(aza_tctx *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = aza_arena__vprintf(c->a, fmt, ap);
	va_end(ap);
	aza_json *v;
	aza_jerr e;
	if (!s || aza_json__parse_all(c->a, s, strlen(s), &v, &e)) {
		c->oom = 1;
		return NULL;
	}
	aza_t__reoff(v, AZA_TMPL_FOREIGN);
	return v;
}

static aza_json *builtin_make(aza_tctx *c, const char *fn);

/* The objects are the same for a whole template (values are never
 * modified once made): made on first use. */
aza_json *aza_t__builtin(aza_tctx *c, const char *fn)
{
	static const char *const names[] = {"resourceGroup", "subscription", "tenant", "deployment", "environment"};
	size_t k = 0;
	while (k < 4 && !aza__strieq(fn, names[k]))
		k++;
	if (!c->builtin[k])
		c->builtin[k] = builtin_make(c, names[k]);
	return c->builtin[k];
}

aza_json *aza_t__management_group(aza_tctx *c)
{
	/* Only what the deployment says: its parent and display name are
	 * Azure's, so they stay unknown (a member that does not exist). */
	if (!c->mg || strpbrk(c->mg, "[\"\\"))
		return NULL;
	return json_text(c, "{\"id\":\"" AZA_MG_PREFIX "%s\",\"name\":\"%s\",\"type\":\"/providers/" AZA_MG_TYPE "\","
	                    "\"properties\":{\"tenantId\":\"%s\"}}",
	                 c->mg, c->mg, c->tenant);
}

static aza_json *builtin_make(aza_tctx *c, const char *fn)
{
	if (aza__strieq(fn, "resourceGroup"))
		return json_text(c, "{\"id\":\"/subscriptions/%s/resourceGroups/%s\",\"name\":\"%s\",\"type\":\"Microsoft.Resources/resourceGroups\","
		                    "\"location\":\"%s\",\"managedBy\":null,\"tags\":{},\"properties\":{\"provisioningState\":\"Succeeded\"}}",
		                 c->sub, c->rg, c->rg, c->location);
	if (aza__strieq(fn, "subscription"))
		return json_text(c, "{\"id\":\"/subscriptions/%s\",\"subscriptionId\":\"%s\",\"tenantId\":\"%s\",\"displayName\":\"template-subscription\"}",
		                 c->sub, c->sub, c->tenant);
	if (aza__strieq(fn, "tenant"))
		return json_text(c, "{\"tenantId\":\"%s\",\"countryCode\":\"US\",\"displayName\":\"template-tenant\"}", c->tenant);
	if (aza__strieq(fn, "deployment"))
		return json_text(c, "{\"name\":\"azaudit-template\",\"properties\":{\"templateLink\":{\"uri\":\"https://example.invalid/template.json\"},"
		                    "\"provisioningState\":\"Accepted\",\"mode\":\"Incremental\"},\"location\":\"%s\"}", c->location);
	return json_text(c, "{\"name\":\"AzureCloud\",\"gallery\":\"https://gallery.azure.com/\",\"graph\":\"https://graph.windows.net/\","
	                    "\"portal\":\"https://portal.azure.com\",\"resourceManager\":\"https://management.azure.com/\","
	                    "\"authentication\":{\"loginEndpoint\":\"https://login.microsoftonline.com/\",\"audiences\":[\"https://management.core.windows.net/\",\"https://management.azure.com/\"]},"
	                    "\"suffixes\":{\"storage\":\"core.windows.net\",\"sqlServerHostname\":\".database.windows.net\",\"keyvaultDns\":\".vault.azure.net\",\"acrLoginServer\":\".azurecr.io\"}}");
}

/* ---- resources ---- */

/* The next event of an expansion off the inventory (NULL: out of memory). */
static aza_tev *event(tx *t, int kind)
{
	aza_tev *ev = aza_arena__alloc(t->c.a, sizeof *ev);
	if (!ev)
		return NULL;
	memset(ev, 0, sizeof *ev);
	ev->kind = kind;
	*t->def->tail = ev;
	t->def->tail = &ev->next;
	return ev;
}

/* Settings objects Azure creates with every parent, with their defaults:
 * a template that declares none deploys these (so a rule judges the
 * default rather than a missing object). Only defaults Azure documents. */
static const struct implicit_child {
	const char *parent_type, *child_type, *name, *properties;
} implicit[] = {
	/* Server auditing is off until configured. */
	{"Microsoft.Sql/servers", "Microsoft.Sql/servers/auditingSettings", "default", "{\"state\":\"Disabled\"}"},
};
#define NIMPLICIT (sizeof implicit / sizeof implicit[0])

/* Add an evaluated resource to the inventory, with the fields only
 * template resources have; note the parents and children of implicit
 * children. 0 (also when the inventory dropped it) or an error placed at
 * line:col. */
static int add(tx *t, const aza_json *doc, const char *type, const char *apiv, unsigned long line, unsigned long col,
               const char *ptr, const aza_json *supp, const struct aza_tmpl_lines *lines)
{
	int rc = aza_inv__add(t->inv, doc, t->c.source, line, apiv, NULL, 0);
	if (rc < 0) {
		char msg[512];
		snprintf(msg, sizeof msg, "%s", aza_errmsg(t->c.ctx));
		return err_at(t, line, col, rc, msg);
	}
	if (rc)
		return 0;
	aza_res *kept = aza_inv__last(t->inv);
	aza_tpos *tp = aza_arena__alloc(aza_inv__arena(t->inv), sizeof *tp);
	if (!tp)
		return err_at(t, line, col, AZA_ENOMEM, "out of memory");
	tp->column = col;
	tp->pointer = ptr;
	tp->suppress = supp;
	tp->lines = lines;
	kept->tpos = tp;
	if (strchr(kept->id, '[')) {
		struct kept *e = aza_arena__alloc(t->c.a, sizeof *e);
		if (!e)
			return oom(t);
		e->r = kept;
		e->next = t->placeheld;
		t->placeheld = e;
	}
	for (size_t k = 0; k < NIMPLICIT; k++) {
		int is_parent = aza__strieq(type, implicit[k].parent_type);
		if (!is_parent && !aza__strieq(type, implicit[k].child_type))
			continue;
		struct kept *e = aza_arena__alloc(t->c.a, sizeof *e);
		if (!e)
			return oom(t);
		e->r = kept;
		e->next = is_parent ? t->implicit_parents : t->declared_children;
		*(is_parent ? &t->implicit_parents : &t->declared_children) = e;
	}
	return 0;
}

typedef struct parent {
	const char *type, *name, *id;
} parent;

/* names: evaluate as a name or scope (aza_tctx.names), so that the parts
 * only known at deployment are placeholders and a child named after its
 * parent's expression ("[format('{0}/{1}', parameters('srv'), 'fw')]") is
 * attached to it ("[parameters('srv')]"). */
static const char *evalled_str(tx *t, const aza_json *v, const char *what, size_t off, int names)
{
	if (!v)
		return NULL;
	t->c.names = names;
	aza_json *e = eval_value(t, v, NULL);
	t->c.names = 0;
	if (!e)
		return NULL;
	if (e->kind == AZA_JUNKNOWN) {
		/* Names built from reference() and the like: keep the text so the
		 * resource is still reported, never dropped. */
		if (v->kind == AZA_JSTR && names && v->n >= 2 && v->u.s[0] == '[') {
			aza_json *ph = aza_t__placeholder(&t->c, v->u.s + 1, v->n - 2);
			if (!ph) {
				oom(t);
				return NULL;
			}
			return ph->u.s;
		}
		if (v->kind == AZA_JSTR)
			return v->u.s;
		return aza_arena__printf(t->c.a, "[unknown %s]", what);
	}
	if (e->kind != AZA_JSTR) {
		terr(t, off, AZA_EINPUT, "resource %s is not a string", what);
		return NULL;
	}
	return e->u.s;
}

/* "NS/t1/t2" + "n1/n2" -> "NS/t1/n1/t2/n2" */
static const char *interleave(tx *t, const char *type, const char *name)
{
	aza_buf b;
	aza_buf__init(&b, 1 << 16);
	const char *slash = strchr(type, '/');
	if (!slash) {
		aza_buf__release(&b);
		return NULL;
	}
	aza_buf__add(&b, type, (size_t)(slash - type));
	const char *tp = slash + 1, *np = name;
	while (*tp) {
		size_t tl = strcspn(tp, "/"), nl = strcspn(np, "/");
		aza_buf__addc(&b, '/');
		aza_buf__add(&b, tp, tl);
		aza_buf__addc(&b, '/');
		aza_buf__add(&b, np, nl);
		tp += tl;
		if (*tp)
			tp++;
		np += nl;
		if (*np)
			np++;
	}
	const char *r = aza_arena__strndup(t->c.a, b.p ? b.p : "", b.len);
	aza_buf__release(&b);
	return r;
}

static int expand_list(tx *t, const aza_json *list, const parent *par, int depth, const char *ptr);

/* The management group a deployment scope names, relative
 * ("Microsoft.Management/managementGroups/x", as Bicep writes a module's
 * scope) or as an id; NULL for any other scope. The name may hold a
 * placeholder (a name only known at deployment). */
static const char *scope_mg(tx *t, const char *scope)
{
	if (!scope)
		return NULL;
	const char *p = aza__istarts(scope, "/providers/") ? scope + strlen("/providers/") : scope;
	if (!aza__istarts(p, AZA_MG_TYPE "/"))
		return NULL;
	p += strlen(AZA_MG_TYPE "/");
	size_t n = strlen(p);
	while (n && p[n - 1] == '/')
		n--;
	/* A resource below the group (".../x/providers/...") is not the group. */
	if (!n || (p[0] != '[' && memchr(p, '/', n)))
		return NULL;
	const char *mg = aza_arena__strndup(t->c.a, p, n);
	if (!mg)
		oom(t);
	return mg;
}

/* A nested deployment's subscriptionId or resourceGroup, evaluated: NULL
 * when absent, empty or not one id segment (a placeholder holding '/'),
 * and on errors (t->rc). */
static const char *target_name(tx *t, const aza_json *v, const char *what, size_t off)
{
	if (!v)
		return NULL;
	const char *s = evalled_str(t, v, what, off, 1);
	if (!s || !*s || strchr(s, '/'))
		return NULL;
	return s;
}

/* props is the deployment's raw (unevaluated) "properties", target its
 * evaluated "scope" (or NULL): the nested template is expanded like a
 * template of its own, in the scope it asks for. */
static int nested_deployment(tx *t, const aza_json *res, const aza_json *props, const char *target, int depth,
                             const char *ptr)
{
	const aza_json *tmpl = aza_json_get(props, "template");
	if (!tmpl)
		return 0; /* a linked template (templateLink) is not available offline */
	if (!aza_json_is(tmpl, AZA_JOBJ))
		return terr(t, tmpl->off, AZA_EINPUT, "a nested deployment's \"template\" must be an object");
	aza_json *scv = eval_value(t, aza_json_path(props, "expressionEvaluationOptions.scope") ? aza_json_path(props, "expressionEvaluationOptions.scope") : props, NULL);
	if (!scv)
		return t->rc;
	const char *scope = aza_json_path(props, "expressionEvaluationOptions.scope") ? aza_json_str(scv) : NULL;
	aza_tctx saved = t->c;
	if (scope && aza__strieq(scope, "inner")) {
		/* Inner scope: the nested template's own parameters and variables;
		 * the values given to its parameters are evaluated in the outer scope. */
		const aza_json *given = aza_json_get(props, "parameters");
		aza_json *vals = NULL;
		if (given) {
			vals = eval_value(t, given, NULL);
			if (!vals)
				return t->rc;
		}
		t->c.params_decl = aza_json_get(tmpl, "parameters");
		t->c.param_values = vals;
		t->c.params_linked = aza_json_get(props, "parametersLink") != NULL;
		t->c.vars_decl = aza_json_get(tmpl, "variables");
		t->c.pcache = NULL;
		t->c.vcache = NULL;
	}
	/* Evaluated in the parent's scope. One only known at deployment (a
	 * parameter without a value) is a placeholder, "[parameters('sub')]":
	 * another subscription than the parent's, not the parent's. */
	const char *rg = target_name(t, aza_json_get(res, "resourceGroup"), "resourceGroup", res->off);
	const char *sub = t->rc ? NULL : target_name(t, aza_json_get(res, "subscriptionId"), "subscriptionId", res->off);
	if (t->rc)
		return t->rc;
	if (rg)
		t->c.rg = rg;
	if (sub)
		t->c.sub = sub;
	/* Where the nested template deploys: the management group its scope
	 * names; out of a management group, the subscription subscriptionId
	 * names (or a resource group of it, with resourceGroup); else where
	 * its parent deploys. */
	const char *mg = scope_mg(t, target);
	if (t->rc)
		return t->rc;
	if (mg) {
		t->c.mg = mg;
		t->c.at_tenant = 0;
		t->c.scope_sub_only = 1;
	} else if (target && !strcmp(target, "/")) {
		t->c.mg = NULL;
		t->c.at_tenant = 1;
		t->c.scope_sub_only = 1;
	} else if (aza_json_get(res, "subscriptionId") || aza_json_get(res, "resourceGroup")) {
		/* subscriptionId alone deploys at that subscription, from any
		 * level (Learn, "Deploy to subscription ... from a resource group
		 * deployment"); with resourceGroup, at that group. */
		t->c.mg = NULL;
		t->c.at_tenant = 0;
		t->c.scope_sub_only = !aza_json_get(res, "resourceGroup");
	}
	if (t->c.rg != saved.rg || t->c.sub != saved.sub)
		memset(t->c.builtin, 0, sizeof t->c.builtin);
	const char *iptr = aza_arena__printf(t->c.a, "%s/properties/template/resources", ptr);
	if (!iptr)
		return oom(t);
	int rc = expand_list(t, aza_json_get(tmpl, "resources"), NULL, depth + 1, iptr);
	aza_tctx inner = t->c;
	t->c = saved;
	t->c.oom |= inner.oom;
	return rc;
}

/* Inline suppressions: "metadata": {"azaudit": {"suppress": [{"rule": "AZA-STG-001",
 * "reason": "..."}]}} on the evaluated resource. Returns a clean array of
 * {"rule", "reason"} strings, or NULL. An entry without a rule or a reason
 * is ignored with a warning: a suppression must say why. */
static const aza_json *suppressions(tx *t, const aza_json *doc)
{
	const aza_json *md = NULL;
	for (const aza_json *m = doc->u.child; m; m = m->next)
		if (aza__strieq(m->key, "metadata"))
			md = m;
	if (!md || md->kind != AZA_JOBJ)
		return NULL;
	const aza_json *az = NULL, *list = NULL;
	for (const aza_json *m = md->u.child; m; m = m->next)
		if (aza__strieq(m->key, "azaudit"))
			az = m;
	if (!az || az->kind != AZA_JOBJ)
		return NULL;
	for (const aza_json *m = az->u.child; m; m = m->next)
		if (aza__strieq(m->key, "suppress"))
			list = m;
	if (!list)
		return NULL;
	unsigned long line, col;
	where(t, list->off, &line, &col);
	if (list->kind != AZA_JARR) {
		aza__warn(t->c.ctx, "%s:%lu:%lu: metadata.azaudit.suppress must be an array; ignored", t->c.source, line, col);
		return NULL;
	}
	aza_json *out = aza_arena__alloc(t->c.a, sizeof *out);
	if (!out) {
		oom(t);
		return NULL;
	}
	memset(out, 0, sizeof *out);
	out->kind = AZA_JARR;
	aza_json **tail = &out->u.child;
	for (const aza_json *e = list->u.child; e; e = e->next) {
		const aza_json *rule = NULL, *why = NULL;
		for (const aza_json *m = e->kind == AZA_JOBJ ? e->u.child : NULL; m; m = m->next) {
			if (aza__strieq(m->key, "rule"))
				rule = m;
			else if (aza__strieq(m->key, "reason"))
				why = m;
		}
		where(t, e->off, &line, &col);
		if (!rule || rule->kind != AZA_JSTR || !*rule->u.s || !why || why->kind != AZA_JSTR || !*why->u.s) {
			aza__warn(t->c.ctx, "%s:%lu:%lu: suppression ignored: it needs a \"rule\" and a non-empty \"reason\"",
			          t->c.source, line, col);
			continue;
		}
		aza_json *o = aza_arena__alloc(t->c.a, sizeof *o);
		aza_json *r = aza_t__copy(&t->c, rule, "rule"), *w = aza_t__copy(&t->c, why, "reason");
		if (!o || !r || !w) {
			oom(t);
			return NULL;
		}
		memset(o, 0, sizeof *o);
		o->kind = AZA_JOBJ;
		o->u.child = r;
		r->next = w;
		o->n = 2;
		*tail = o;
		tail = &o->next;
		out->n++;
	}
	return out->n ? out : NULL;
}


/* A child whose parent's name is only known at deployment and is spelled
 * otherwise than its parent's (the parent "[parameters('srv')]", the child
 * "[concat(variables('srvName'), '/fw')]") is attached to no resource of the
 * template. It may be any of the template's parents of its parent's type
 * with such a name: each gets a stand-in child whose properties are
 * unknown, so the parent's verdicts that read its children are UNKNOWN,
 * never a PASS that ignores the child. */
static int unattached_children(tx *t)
{
	for (struct kept *c = t->placeheld; c; c = c->next) {
		const aza_res *cr = c->r;
		const char *seg = strrchr(cr->type, '/');
		const char *leaf = strrchr(cr->name, '/');
		if (!seg || !leaf || !*cr->parent || !strchr(cr->parent, '[') || aza_inv_find(t->inv, cr->parent))
			continue;
		size_t ptl = (size_t)(seg - cr->type);
		for (struct kept *p = t->placeheld; p; p = p->next) {
			const aza_res *pr = p->r;
			if (pr == cr || strlen(pr->type) != ptl || !aza__strnieq(pr->type, cr->type, ptl))
				continue;
			const char *id = aza_arena__printf(t->c.a, "%s%s%s", pr->id, seg, leaf);
			const char *name = aza_arena__printf(t->c.a, "%s%s", pr->name, leaf);
			if (!id || !name)
				return oom(t);
			if (aza_inv_find(t->inv, id))
				continue; /* the parent has a child of that name already */
			t->c.off = AZA_TMPL_FOREIGN;
			aza_json *doc = json_text(&t->c, "{}");
			aza_json *idn = aza_t__str(&t->c, id, strlen(id));
			aza_json *nn = aza_t__str(&t->c, name, strlen(name));
			aza_json *tn = aza_t__str(&t->c, cr->type, strlen(cr->type));
			aza_json *pn = aza_t__unknown(&t->c, "whether '%s' is a child of this %s (its parent's name is only known at deployment)",
			                              cr->name, pr->type);
			if (!doc || !idn || !nn || !tn || !pn)
				return oom(t);
			idn->key = "id";
			nn->key = "name";
			tn->key = "type";
			pn->key = "properties";
			idn->next = nn;
			nn->next = tn;
			tn->next = pn;
			doc->u.child = idn;
			doc->n = 4;
			int rc = aza_inv__add(t->inv, doc, t->c.source, cr->line, cr->api_version, NULL, 0);
			if (rc < 0)
				return t->rc = rc;
			if (rc == 0 && cr->tpos) {
				/* Where the child is declared; no suppressions or line table. */
				aza_tpos *tp = aza_arena__alloc(aza_inv__arena(t->inv), sizeof *tp);
				if (!tp)
					return t->rc = AZA_ENOMEM;
				memset(tp, 0, sizeof *tp);
				tp->column = cr->tpos->column;
				tp->pointer = cr->tpos->pointer;
				aza_inv__last(t->inv)->tpos = tp;
			}
		}
	}
	return 0;
}

/* Add the implicit children of the parents this template deployed that it
 * did not declare; they are placed at their parent in the template. */
static int implicit_children(tx *t)
{
	if (unattached_children(t))
		return t->rc ? t->rc : AZA_ENOMEM;
	for (struct kept *p = t->implicit_parents; p; p = p->next) {
		for (size_t k = 0; k < NIMPLICIT; k++) {
			const struct implicit_child *ic = &implicit[k];
			if (!aza__strieq(p->r->type, ic->parent_type))
				continue;
			/* A declared child of the type counts when it is this parent's,
			 * or when its parent is none of the template's (a name only known
			 * at deployment): it may be this one's. */
			int declared = 0;
			for (struct kept *c = t->declared_children; c && !declared; c = c->next) {
				if (!aza__strieq(c->r->type, ic->child_type))
					continue;
				int known = 0;
				for (struct kept *q = t->implicit_parents; q && !known; q = q->next)
					known = aza__strieq(c->r->parent, q->r->id);
				declared = !known || aza__strieq(c->r->parent, p->r->id);
			}
			if (declared)
				continue;
			const char *seg = strrchr(ic->child_type, '/') + 1;
			const char *id = aza_arena__printf(t->c.a, "%s/%s/%s", p->r->id, seg, ic->name);
			const char *name = aza_arena__printf(t->c.a, "%s/%s", p->r->name, ic->name);
			aza_json *doc = json_text(&t->c, "{\"properties\":%s}", ic->properties);
			t->c.off = AZA_TMPL_FOREIGN;
			aza_json *idn = id ? aza_t__str(&t->c, id, strlen(id)) : NULL;
			aza_json *nn = name ? aza_t__str(&t->c, name, strlen(name)) : NULL;
			aza_json *tn = aza_t__str(&t->c, ic->child_type, strlen(ic->child_type));
			if (!doc || !idn || !nn || !tn)
				return oom(t);
			idn->key = "id";
			nn->key = "name";
			tn->key = "type";
			idn->next = nn;
			nn->next = tn;
			tn->next = doc->u.child;
			doc->u.child = idn;
			doc->n += 3;
			int rc = aza_inv__add(t->inv, doc, t->c.source, p->r->line, p->r->api_version, NULL, 0);
			if (rc < 0)
				return t->rc = rc;
			if (rc == 0 && p->r->tpos) {
				/* Where its parent is; no suppressions or line table. */
				aza_tpos *tp = aza_arena__alloc(aza_inv__arena(t->inv), sizeof *tp);
				if (!tp)
					return t->rc = AZA_ENOMEM;
				memset(tp, 0, sizeof *tp);
				tp->column = p->r->tpos->column;
				tp->pointer = p->r->tpos->pointer;
				aza_inv__last(t->inv)->tpos = tp;
			}
		}
	}
	return 0;
}

/* The template's line starts, copied once into the inventory's arena. */
static const struct aza_tmpl_lines *keep_lines(tx *t)
{
	if (t->lines || !t->pos || !t->pos->nl)
		return t->lines;
	struct aza_tmpl_lines *l = aza_arena__alloc(t->c.a, sizeof *l);
	uint32_t *v = aza_arena__alloc(t->c.a, (t->pos->nnl ? t->pos->nnl : 1) * sizeof *v);
	if (!l || !v)
		return NULL; /* only positions are lost */
	for (size_t i = 0; i < t->pos->nnl; i++)
		v[i] = (uint32_t)t->pos->nl[i];
	l->start = v;
	l->n = t->pos->nnl;
	t->lines = l;
	return l;
}

void aza_t__reoff(aza_json *v, size_t off)
{
	for (; v; v = NULL) {
		v->off = off;
		if (v->kind == AZA_JARR || v->kind == AZA_JOBJ)
			for (aza_json *m = v->u.child; m; m = m->next)
				aza_t__reoff(m, off);
	}
}

/* Depth-first search for v under d; path[] gets the chain from d's child
 * to v. Returns the depth of v (0: not found). */
static size_t find_path(const aza_json *d, const aza_json *v, const aza_json **path, size_t depth, size_t max)
{
	if (depth >= max || (d->kind != AZA_JARR && d->kind != AZA_JOBJ))
		return 0;
	for (const aza_json *m = d->u.child; m; m = m->next) {
		path[depth] = m;
		if (m == v)
			return depth + 1;
		size_t k = find_path(m, v, path, depth + 1, max);
		if (k)
			return k;
	}
	return 0;
}

int aza_tmpl__prop_pos(aza_arena *a, const aza_res *r, const aza_json *v, unsigned long *line, unsigned long *col,
                       const char **ptr)
{
	const aza_json *path[AZA_MAX_DEPTH];
	size_t n;
	if (!r || !r->tpos || !r->tpos->lines || !r->doc || !v || !(n = find_path(r->doc, v, path, 0, AZA_MAX_DEPTH)))
		return 0;
	/* The value, or the nearest value around it written in the template
	 * (a parameter file's value is placed where the template uses it). */
	size_t k = n;
	while (k > 0 && path[k - 1]->off >= AZA_TMPL_FOREIGN)
		k--;
	if (!k)
		return 0;
	size_t off = path[k - 1]->off;
	const struct aza_tmpl_lines *l = r->tpos->lines;
	size_t lo = 0, hi = l->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (l->start[mid] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	aza_buf b;
	aza_buf__init(&b, 1 << 16);
	aza_buf__adds(&b, r->tpos->pointer ? r->tpos->pointer : "");
	for (size_t i = 0; i < n; i++) {
		aza_buf__addc(&b, '/');
		if (!path[i]->key) {
			size_t idx = 0;
			const aza_json *p = i ? path[i - 1] : r->doc;
			for (const aza_json *m = p->u.child; m && m != path[i]; m = m->next)
				idx++;
			aza_buf__printf(&b, "%zu", idx);
			continue;
		}
		for (const char *q = path[i]->key; *q; q++) {
			if (*q == '~')
				aza_buf__adds(&b, "~0");
			else if (*q == '/')
				aza_buf__adds(&b, "~1");
			else
				aza_buf__addc(&b, *q);
		}
	}
	*ptr = b.oom ? NULL : aza_arena__strndup(a, b.p ? b.p : "", b.len);
	aza_buf__release(&b);
	if (!*ptr)
		return 0;
	*line = (unsigned long)lo + 1;
	*col = (unsigned long)(off - (lo ? l->start[lo - 1] : 0)) + 1;
	return 1;
}

/* Members of a template resource that are not part of the deployed object. */
static int template_only(const char *k)
{
	static const char *const skip[] = {"id", "type", "name", "resources", "copy", "condition", "dependsOn",
	                                   "comments", "scope", "existing"};
	for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++)
		if ((k[0] | 0x20) == (skip[i][0] | 0x20) && aza__strieq(k, skip[i]))
			return 1;
	return 0;
}

static int expand_one(tx *t, const aza_json *res, const parent *par, int depth, const char *ptr)
{
	const aza_json *cond = aza_json_get(res, "condition");
	if (cond) {
		aza_json *cv = eval_value(t, cond, NULL);
		if (!cv)
			return t->rc;
		int b;
		if (cv->kind != AZA_JUNKNOWN && aza_json_bool(cv, &b) && !b)
			return 0; /* condition false: not deployed */
	}
	const char *type = evalled_str(t, aza_json_get(res, "type"), "type", res->off, 0);
	const char *name = evalled_str(t, aza_json_get(res, "name"), "name", res->off, 1);
	/* An apiVersion only known at deployment (a parameter without a
	 * default) keeps its expression text: rules see the '[' and judge no
	 * API-version default by it (aza_api_version_unknown). */
	const char *apiv = NULL;
	const aza_json *apij = aza_json_get(res, "apiVersion");
	if (apij && apij->kind == AZA_JSTR) {
		apiv = evalled_str(t, apij, "apiVersion", apij->off, 0);
		if (!apiv)
			return t->rc;
		if (!*apiv)
			apiv = NULL;
	}
	if (!type || !name) {
		if (!t->rc)
			terr(t, res->off, AZA_EINPUT, "template resource without %s", type ? "a name" : "a type");
		return t->rc;
	}
	if (aza_json_get(res, "existing") && aza_json_bool(aza_json_get(res, "existing"), &(int){0}) &&
	    aza_json_get(res, "existing")->kind == AZA_JTRUE)
		return 0; /* a reference to an existing resource, not deployed here */
	/* Children declared inside a parent use short types and names. */
	if (par && !strchr(type, '/')) {
		type = aza_arena__printf(t->c.a, "%s/%s", par->type, type);
		name = aza_arena__printf(t->c.a, "%s/%s", par->name, name);
	} else if (par && strchr(type, '/') && !aza__istarts(type, par->type)) {
		/* A full type inside a parent (rare): keep as given. */
	} else if (par && aza__istarts(type, par->type) && strchr(name, '/') == NULL) {
		name = aza_arena__printf(t->c.a, "%s/%s", par->name, name);
	}
	if (!type || !name)
		return oom(t);
	/* Old extension syntax: type "NS/t/providers/NS2/t2", name "n/NS2/n2"... */
	char *prov = (char *)aza__istrstr(type, "/providers/");
	const char *scope = NULL;
	if (aza_json_get(res, "scope")) {
		scope = evalled_str(t, aza_json_get(res, "scope"), "scope", res->off, 1);
		if (!scope)
			return t->rc;
	}
	/* Types that only exist at subscription level (Defender settings, log
	 * profiles) are placed there even from a resource-group template. */
	static const char *const sub_types[] = {"Microsoft.Security/pricings", "Microsoft.Security/securityContacts",
	                                        "Microsoft.Security/autoProvisioningSettings", "Microsoft.Security/workspaceSettings",
	                                        "Microsoft.Security/settings", "Microsoft.Insights/logprofiles"};
	int sub_only = 0;
	for (size_t k = 0; k < sizeof sub_types / sizeof sub_types[0] && !scope; k++)
		sub_only |= aza__strieq(type, sub_types[k]);
	/* A management-group or tenant deployment has no subscription to put
	 * them in: Resource Manager deploys a type only at the scopes it
	 * supports, and these need a nested deployment that names a
	 * subscription. Placed on the placeholder subscription, a Defender
	 * plan declared there passed AZA-DEF-004 for a subscription it never
	 * reaches. */
	if (sub_only && (t->c.mg || t->c.at_tenant)) {
		unsigned long line, col;
		where(t, res->off, &line, &col);
		aza__warn(t->c.ctx, "%s:%lu:%lu: %s '%s' is declared in a %s deployment, where Resource Manager does not deploy that "
		                    "subscription-level type (a nested deployment naming a subscriptionId does): left out",
		          t->c.source, line, col, type, name, t->c.mg ? "management-group" : "tenant");
		return 0;
	}
	/* A management group (and what is declared under it) is a tenant
	 * resource, wherever a template declares it; the rest of a
	 * management-group deployment lands at its management group. */
	size_t mgl = strlen(AZA_MG_TYPE);
	int tenant_level = !scope && !prov && aza__strnieq(type, AZA_MG_TYPE, mgl) && (!type[mgl] || type[mgl] == '/');
	const char *base;
	if (tenant_level || (t->c.at_tenant && !t->c.mg && !sub_only))
		base = "";
	else if (t->c.mg && !sub_only)
		base = aza_arena__printf(t->c.a, AZA_MG_PREFIX "%s", t->c.mg);
	else if (t->c.scope_sub_only || sub_only)
		base = aza_arena__printf(t->c.a, "/subscriptions/%s", t->c.sub);
	else
		base = aza_arena__printf(t->c.a, "/subscriptions/%s/resourceGroups/%s", t->c.sub, t->c.rg);
	const char *id, *scope_id = base;
	if (prov) {
		/* parent part: type before /providers/, names: as many as its segments */
		size_t pt = (size_t)(prov - type);
		char *ptype = aza_arena__strndup(t->c.a, type, pt);
		const char *etype = prov + 11;
		size_t psegs = 0;
		for (const char *q = ptype; *q; q++)
			psegs += *q == '/';
		const char *q = name;
		for (size_t k = 0; k < psegs && q; k++) {
			q = strchr(q, '/');
			if (q)
				q++;
		}
		/* A parent type is at least "Namespace/type": "Microsoft.Foo/providers/..."
		 * names no parent (and no segment of the name to cut). */
		if (!ptype || !psegs || !q)
			return terr(t, res->off, AZA_EINPUT, "extension resource name '%s' does not match its type '%s'", name, type);
		char *pname = aza_arena__strndup(t->c.a, name, (size_t)(q - name - 1));
		/* The rest of the name is the extension's namespace and name:
		 * "Microsoft.Insights/diag"; its type is that namespace + etype. */
		const char *ens = q;
		const char *en = strchr(ens, '/');
		if (!en)
			return terr(t, res->off, AZA_EINPUT, "extension resource name '%s' has no namespace for type '%s'", name, type);
		const char *ftype = aza_arena__printf(t->c.a, "%.*s/%s", (int)(en - ens), ens, etype);
		en++;
		const char *pid = interleave(t, ptype, pname ? pname : "");
		const char *eid = ftype ? interleave(t, ftype, en) : NULL;
		if (!pid || !eid)
			return oom(t);
		id = aza_arena__printf(t->c.a, "%s/providers/%s/providers/%s", base, pid, eid);
		scope_id = aza_arena__printf(t->c.a, "%s/providers/%s", base, pid);
		type = ftype;
		name = en;
	} else if (scope) {
		/* A relative scope names a resource of the deployment's own scope,
		 * but a management group ("Microsoft.Management/managementGroups/x")
		 * only exists at the tenant. */
		const char *sc = scope[0] == '/' ? scope
		                 : aza__istarts(scope, AZA_MG_TYPE "/") ? aza_arena__printf(t->c.a, "/providers/%s", scope)
		                 : aza_arena__printf(t->c.a, "%s/providers/%s", base, scope);
		const char *rid = interleave(t, type, name);
		id = aza_arena__printf(t->c.a, "%s/providers/%s", sc, rid ? rid : type);
		scope_id = sc;
	} else {
		const char *rid = interleave(t, type, name);
		if (!rid)
			return terr(t, res->off, AZA_EINPUT, "resource type '%s' has no namespace", type);
		id = aza_arena__printf(t->c.a, "%s/providers/%s", base, rid);
	}
	if (!id || !base || !scope_id)
		return oom(t);

	/* The evaluated resource object, without the template-only members. */
	aza_json *doc = aza_arena__alloc(t->c.a, sizeof *doc);
	if (!doc)
		return oom(t);
	memset(doc, 0, sizeof *doc);
	doc->kind = AZA_JOBJ;
	doc->off = res->off;
	aza_json **tail = &doc->u.child;
	t->c.off = res->off;
	aza_json *idn = aza_t__str(&t->c, id, strlen(id));
	aza_json *tn = aza_t__str(&t->c, type, strlen(type));
	aza_json *nn = aza_t__str(&t->c, name, strlen(name));
	if (!idn || !tn || !nn)
		return oom(t);
	idn->key = "id";
	tn->key = "type";
	nn->key = "name";
	*tail = idn;
	idn->next = tn;
	tn->next = nn;
	tail = &nn->next;
	doc->n = 3;
	int is_deployment = aza__strieq(type, "Microsoft.Resources/deployments");
	for (const aza_json *m = res->u.child; m; m = m->next) {
		if (template_only(m->key))
			continue;
		if (is_deployment && aza__strieq(m->key, "properties") && aza_json_is(m, AZA_JOBJ)) {
			/* The nested template is expanded on its own (its scope may
			 * differ); the deployment keeps the rest, evaluated. */
			aza_json *pe = aza_arena__alloc(t->c.a, sizeof *pe);
			if (!pe)
				return oom(t);
			memset(pe, 0, sizeof *pe);
			pe->kind = AZA_JOBJ;
			pe->key = m->key;
			pe->off = m->off;
			aza_json **pt = &pe->u.child;
			for (const aza_json *q = m->u.child; q; q = q->next) {
				if (aza__strieq(q->key, "template") || aza__strieq(q->key, "parameters"))
					continue;
				aza_json *qe = eval_value(t, q, q->key);
				if (!qe)
					return t->rc;
				*pt = qe;
				pt = &qe->next;
				pe->n++;
			}
			*tail = pe;
			tail = &pe->next;
			doc->n++;
			continue;
		}
		aza_json *e = eval_value(t, m, m->key);
		if (!e)
			return t->rc;
		*tail = e;
		tail = &e->next;
		doc->n++;
	}
	if (++t->nres > MAX_TEMPLATE_RESOURCES)
		return terr(t, res->off, AZA_ELIMIT, "template expands to more than %d resources", MAX_TEMPLATE_RESOURCES);
	unsigned long line, col;
	where(t, res->off, &line, &col);
	int is_ra = aza__strieq(type, "Microsoft.Authorization/roleAssignments");
	if (is_ra || aza__strieq(type, "Microsoft.Authorization/roleDefinitions")) {
		/* Resource Manager reports the scope of an assignment, and the type
		 * of a role a template defines (always a custom role), in their
		 * properties; rules read them there. */
		aza_json *pr = (aza_json *)aza_json_get(doc, "properties");
		if (aza_json_is(pr, AZA_JOBJ) && !aza_json_get(pr, is_ra ? "scope" : "type")) {
			/* At the tenant the scope is "/", as Resource Manager reports
			 * an assignment there. */
			const char *val = !is_ra ? "CustomRole" : *scope_id ? scope_id : "/";
			aza_json *sv = aza_t__str(&t->c, val, strlen(val));
			if (!sv)
				return oom(t);
			sv->key = is_ra ? "scope" : "type";
			sv->next = pr->u.child;
			pr->u.child = sv;
			pr->n++;
		}
	}
	const aza_json *supp = suppressions(t, doc);
	if (t->rc)
		return t->rc;
	if (!apiv) {
		/* Resource Manager requires one. "(none)" sorts before every date,
		 * so rules judge absent settings by the oldest defaults, never PASS
		 * on a default they cannot date. */
		aza__warn(t->c.ctx, "%s:%lu:%lu: resource '%s' has no apiVersion; defaults are judged as the oldest API's",
		          t->c.source, line, col, name);
		apiv = "(none)";
	}
	if (t->def) {
		aza_tev *ev = event(t, AZA_TEV_ADD);
		if (!ev)
			return oom(t);
		ev->doc = doc;
		ev->type = type;
		ev->api_version = apiv;
		ev->line = line;
		ev->column = col;
		ev->pointer = ptr;
		ev->suppress = supp;
		ev->lines = keep_lines(t);
	} else {
		int rc = add(t, doc, type, apiv, line, col, ptr, supp, keep_lines(t));
		if (rc)
			return rc;
	}
	if (aza__strieq(type, "Microsoft.Resources/deployments")) {
		int rc = nested_deployment(t, res, aza_json_get(res, "properties"), scope, depth, ptr);
		if (rc)
			return rc;
	}
	const aza_json *kids = aza_json_get(res, "resources");
	if (kids) {
		parent me = {type, name, id};
		const char *kptr = aza_arena__printf(t->c.a, "%s/resources", ptr);
		if (!kptr)
			return oom(t);
		return expand_list(t, kids, &me, depth + 1, kptr);
	}
	return 0;
}

static int expand_res(tx *t, const aza_json *res, const parent *par, int depth, const char *ptr)
{
	if (!aza_json_is(res, AZA_JOBJ))
		return terr(t, res ? res->off : 0, AZA_EINPUT, "a template resource must be an object");
	const aza_json *copy = aza_json_get(res, "copy");
	if (!copy)
		return expand_one(t, res, par, depth, ptr);
	const char *cname = aza_json_str(aza_json_get(copy, "name"));
	aza_json *cnt = eval_value(t, aza_json_get(copy, "count") ? aza_json_get(copy, "count") : copy, NULL);
	if (!cnt)
		return t->rc;
	double d;
	if (cnt->kind == AZA_JUNKNOWN) {
		/* Unknown count: expand one instance so its settings are still
		 * judged (verdicts that touch unknowns become UNKNOWN). */
		d = 1;
	} else if (!aza_json_num(cnt, &d) || d < 0) {
		return terr(t, copy->off, AZA_EINPUT, "copy count is not a non-negative number");
	}
	if (d > AZA_TMPL_MAX_COPY)
		return terr(t, copy->off, AZA_ELIMIT, "copy count %.0f exceeds Azure's limit of %d", d, AZA_TMPL_MAX_COPY);
	if (t->c.ncopy >= AZA_TMPL_MAX_NEST)
		return terr(t, copy->off, AZA_ELIMIT, "copy loops nested too deeply");
	for (int i = 0; i < (int)d; i++) {
		t->c.copy_name[t->c.ncopy] = cname ? cname : "";
		t->c.copy_index[t->c.ncopy] = i;
		t->c.ncopy++;
		int rc = expand_one(t, res, par, depth, ptr);
		t->c.ncopy--;
		if (rc)
			return rc;
	}
	return 0;
}

/* JSON pointer of member `key` (escaped: ~0 ~1) or element `i` under base. */
static const char *ptr_child(tx *t, const char *base, const char *key, size_t i)
{
	if (!key)
		return aza_arena__printf(t->c.a, "%s/%zu", base, i);
	aza_buf b;
	aza_buf__init(&b, 1 << 16);
	aza_buf__adds(&b, base);
	aza_buf__addc(&b, '/');
	for (const char *k = key; *k; k++) {
		if (*k == '~')
			aza_buf__adds(&b, "~0");
		else if (*k == '/')
			aza_buf__adds(&b, "~1");
		else
			aza_buf__addc(&b, *k);
	}
	const char *r = aza_arena__strndup(t->c.a, b.p ? b.p : "", b.len);
	aza_buf__release(&b);
	return r;
}

static int expand_list(tx *t, const aza_json *list, const parent *par, int depth, const char *ptr)
{
	if (!list)
		return 0;
	if (depth > AZA_TMPL_MAX_NEST)
		return terr(t, list->off, AZA_ELIMIT, "resources nested more than %d levels", AZA_TMPL_MAX_NEST);
	if (!aza_json_is(list, AZA_JARR) && !aza_json_is(list, AZA_JOBJ))
		return terr(t, list->off, AZA_EINPUT, "\"resources\" must be an array (or an object of symbolic names)");
	/* languageVersion 2.0 templates key resources by symbolic name. */
	size_t i = 0;
	for (const aza_json *r = list->u.child; r; r = r->next, i++) {
		const char *rptr = ptr_child(t, ptr, list->kind == AZA_JOBJ ? r->key : NULL, i);
		if (!rptr)
			return oom(t);
		int rc = expand_res(t, r, par, depth, rptr);
		if (rc)
			return rc;
	}
	return 0;
}

static const aza_json *load_params(tx *t, const char *path, int required)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		if (required)
			aza__err(t->c.ctx, AZA_EIO, "%s: cannot open: %s", path, strerror(errno));
		return NULL;
	}
	aza_buf b;
	aza_buf__init(&b, (size_t)64 << 20);
	char tmp[8192];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, fp)) > 0)
		if (aza_buf__add(&b, tmp, n))
			break;
	fclose(fp);
	if (b.oom) {
		aza_buf__release(&b);
		t->rc = aza__err(t->c.ctx, AZA_ELIMIT, "%s: parameter file too large or out of memory", path);
		return NULL;
	}
	char *copy = aza_arena__strndup(t->c.a, b.p ? b.p : "", b.len);
	aza_buf__release(&b);
	if (!copy) {
		oom(t);
		return NULL;
	}
	aza_json *j;
	aza_jerr e;
	if (aza_json__parse_all(t->c.a, copy, strlen(copy), &j, &e)) {
		unsigned long line, col;
		aza_json__linecol(copy, strlen(copy), e.off, &line, &col);
		t->rc = aza__err(t->c.ctx, AZA_EPARSE, "%s:%lu:%lu: %s", path, line, col, e.what);
		return NULL;
	}
	aza_t__reoff(j, AZA_TMPL_FOREIGN); /* its values have no line in the template */
	const aza_json *p = aza_json_get(j, "parameters");
	if (!aza_json_is(p, AZA_JOBJ)) {
		t->rc = aza__err(t->c.ctx, AZA_EINPUT, "%s: a parameter file needs a \"parameters\" object", path);
		return NULL;
	}
	return p;
}

static int cmp_name(const void *a, const void *b)
{
	return aza__stricmp(*(const char *const *)a, *(const char *const *)b); /* a superset: fopen decides */
}

/* Might the parameter file at path exist? Answered from a listing of its
 * directory, made once per directory and scan; 1 when it cannot tell. */
static int params_may_exist(tx *t, struct aza_tmpl_opts *so, const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dir = slash ? aza_arena__strndup(t->c.a, path, (size_t)(slash - path) + 1) : "./";
	const char *base = slash ? slash + 1 : path;
	if (!so || !dir)
		return 1;
	if (so->arena != t->c.a || !so->pdir || strcmp(so->pdir, dir)) {
		so->pdir = dir;
		so->pnames = NULL;
		so->npnames = 0;
		DIR *d = opendir(dir);
		if (!d)
			return 1;
		size_t n = 0, cap = 0;
		const char **v = NULL;
		struct dirent *e;
		while ((e = readdir(d))) {
			if (!aza__iends(e->d_name, ".parameters.json"))
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				const char **nv = aza_arena__alloc(t->c.a, cap * sizeof *nv);
				if (!nv)
					break;
				if (n)
					memcpy(nv, v, n * sizeof *v);
				v = nv;
			}
			if (!(v[n] = aza_arena__strdup(t->c.a, e->d_name)))
				break;
			n++;
		}
		int complete = e == NULL;
		closedir(d);
		if (!complete)
			return 1;
		if (n)
			qsort(v, n, sizeof *v, cmp_name);
		static const char *none[1];
		so->pnames = n ? v : none;
		so->npnames = n;
	}
	if (!so->pnames)
		return 1;
	return bsearch(&base, so->pnames, so->npnames, sizeof *so->pnames, cmp_name) != NULL;
}

aza_json *aza_tmpl__eval_value(aza_ctx *ctx, aza_arena *a, const aza_json *tmpl, const aza_json *param_values,
                               const aza_json *value, const char **err)
{
	tx t;
	memset(&t, 0, sizeof t);
	t.c.ctx = ctx;
	t.c.a = a;
	t.c.source = "<expression>";
	t.c.sub = "00000000-0000-0000-0000-000000000000";
	t.c.rg = "template-rg";
	t.c.location = "westeurope";
	t.c.tenant = "00000000-0000-0000-0000-0000000000aa";
	t.c.params_decl = aza_json_get(tmpl, "parameters");
	t.c.vars_decl = aza_json_get(tmpl, "variables");
	t.c.param_values = param_values;
	aza_json *v = eval_value(&t, value, NULL);
	if (!v || t.rc || t.c.oom) {
		*err = t.c.oom ? "out of memory" : aza_errmsg(ctx);
		return NULL;
	}
	return v;
}

/* The level a template deploys at by its $schema: 0 a resource group; 1 a
 * subscription, 2 a management group, 3 the tenant
 * ("...subscriptionDeploymentTemplate.json#"): one search for the common
 * part, then the word before it. */
static int schema_level(const char *schema)
{
	static const char *const scope[] = {"subscription", "managementGroup", "tenant"};
	for (const char *d = aza__istrstr(schema, "DeploymentTemplate"); d; d = aza__istrstr(d + 1, "DeploymentTemplate"))
		for (size_t i = 0; i < sizeof scope / sizeof scope[0]; i++) {
			size_t n = strlen(scope[i]);
			if ((size_t)(d - schema) >= n && aza__strnieq(d - n, scope[i], n))
				return (int)i + 1;
		}
	return 0;
}

/* Expand tmpl (read from source) into t->inv, or into t->def's events. */
static int expand_tmpl(tx *t, const aza_json *tmpl, const char *source)
{
	const struct aza_tmpl_opts *o = t->o;
	t->c.source = source;
	t->c.sub = o && o->sub ? o->sub : "00000000-0000-0000-0000-000000000000";
	t->c.rg = o && o->rg ? o->rg : "template-rg";
	t->c.location = o && o->location ? o->location : "westeurope";
	t->c.tenant = o && o->tenant ? o->tenant : "00000000-0000-0000-0000-0000000000aa";
	const char *base_ptr = "/resources";
	const aza_json *dep_params = NULL;
	if (!aza_json_get(tmpl, "$schema") && aza_json_is(aza_json_path(tmpl, "properties.template"), AZA_JOBJ)) {
		/* A deployment object: its template, with its parameter values. */
		dep_params = aza_json_path(tmpl, "properties.parameters");
		t->c.params_linked = aza_json_path(tmpl, "properties.parametersLink") != NULL;
		tmpl = aza_json_path(tmpl, "properties.template");
		base_ptr = "/properties/template/resources";
	}
	int level = schema_level(aza_json_str(aza_json_get(tmpl, "$schema")));
	if (level)
		t->c.scope_sub_only = 1;
	if (level == 2)
		t->c.mg = o && o->mg ? o->mg : "template-mg";
	t->c.at_tenant = level == 3;
	t->c.params_decl = aza_json_get(tmpl, "parameters");
	t->c.vars_decl = aza_json_get(tmpl, "variables");
	if (t->c.params_decl && !aza_json_is(t->c.params_decl, AZA_JOBJ))
		return terr(t, t->c.params_decl->off, AZA_EINPUT, "\"parameters\" must be an object");
	if (t->c.vars_decl && !aza_json_is(t->c.vars_decl, AZA_JOBJ))
		return terr(t, t->c.vars_decl->off, AZA_EINPUT, "\"variables\" must be an object");
	if (dep_params) {
		if (!aza_json_is(dep_params, AZA_JOBJ))
			return terr(t, dep_params->off, AZA_EINPUT, "a deployment's \"parameters\" must be an object");
		t->c.param_values = dep_params;
	} else if (o && o->params_path) {
		t->c.param_values = load_params(t, o->params_path, 1);
		if (!t->c.param_values)
			return t->rc ? t->rc : AZA_EIO;
	} else if (aza__iends(source, ".json")) {
		/* x.json takes its values from x.parameters.json beside it. */
		char *pp = aza_arena__printf(t->c.a, "%.*s.parameters.json", (int)(strlen(source) - 5), source);
		if (!pp)
			return oom(t);
		if (params_may_exist(t, t->cache, pp))
			t->c.param_values = load_params(t, pp, 0);
		if (t->rc)
			return t->rc;
	}
	const aza_json *res = aza_json_get(tmpl, "resources");
	if (!res)
		return terr(t, tmpl->off, AZA_EINPUT, "template has no \"resources\"");
	struct aza_tmpl_opts *so = t->cache;
	const char *made_with[4] = {t->c.sub, t->c.rg, t->c.location, t->c.tenant};
	if (so && so->arena == t->c.a && !memcmp(so->made_with, made_with, sizeof made_with))
		memcpy(t->c.builtin, so->builtin, sizeof t->c.builtin);
	int rc = expand_list(t, res, NULL, 0, base_ptr);
	if (!rc) {
		if (t->def)
			rc = event(t, AZA_TEV_END) ? 0 : oom(t); /* the implicit children are added on replay */
		else
			rc = implicit_children(t);
	}
	if (so && !rc && !t->c.oom) {
		memcpy(so->builtin, t->c.builtin, sizeof so->builtin);
		memcpy(so->made_with, made_with, sizeof made_with);
		so->arena = t->c.a;
	}
	if (!rc && t->c.oom)
		rc = oom(t);
	return rc;
}

int aza_tmpl__expand(void *ud, aza_inv *inv, const aza_json *tmpl, const char *source, const struct aza_pos *pos)
{
	tx t;
	memset(&t, 0, sizeof t);
	t.inv = inv;
	t.o = ud;
	t.cache = ud; /* the scan's, see template.h */
	t.pos = pos;
	t.c.ctx = aza_inv__ctx(inv);
	t.c.a = aza_inv__arena(inv);
	return expand_tmpl(&t, tmpl, source);
}

int aza_tmpl__expand_off(void *ud, aza_tdefer *d, const aza_json *tmpl, const char *source, const struct aza_pos *pos)
{
	tx t;
	memset(&t, 0, sizeof t);
	t.def = d;
	t.o = ud;
	t.pos = pos;
	t.c.ctx = &d->ctx;
	t.c.a = &d->a;
	/* This thread's own caches (the scan's are the inventory thread's). */
	if (!d->cache && (d->cache = aza_arena__alloc(&d->a, sizeof *t.cache)))
		memset(d->cache, 0, sizeof *t.cache);
	t.cache = d->cache;
	return expand_tmpl(&t, tmpl, source);
}

int aza_tmpl__replay(void *ud, aza_inv *inv, const aza_tev *ev, const char *source)
{
	tx t;
	memset(&t, 0, sizeof t);
	t.inv = inv;
	t.o = ud;
	t.c.ctx = aza_inv__ctx(inv);
	t.c.a = aza_inv__arena(inv);
	t.c.source = source;
	for (; ev; ev = ev->next) {
		int rc = 0;
		if (ev->kind == AZA_TEV_WARN)
			aza__warn(t.c.ctx, "%s", ev->warn);
		else if (ev->kind == AZA_TEV_ADD)
			rc = add(&t, ev->doc, ev->type, ev->api_version, ev->line, ev->column, ev->pointer, ev->suppress,
			         ev->lines);
		else
			rc = implicit_children(&t);
		if (rc)
			return rc;
	}
	return 0;
}
