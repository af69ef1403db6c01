/*
 * template.h - ARM template expansion: what the expression evaluator
 * (texpr.c) and the expander (template.c) share.
 */
#ifndef AZA_TEMPLATE_H
#define AZA_TEMPLATE_H

#include <stdarg.h>

#include "input.h"

#define AZA_TMPL_MAX_COPY 800   /* Azure's own limit on copy count */
#define AZA_TMPL_MAX_NEST 16    /* nested deployments and child resources */
#define AZA_TMPL_MAX_BYTES ((size_t)128 << 20) /* values one template may make */
#define AZA_TMPL_MAX_EXPR_DEPTH 200 /* nested calls and brackets in one expression */

/* Values that were not written in the template (a parameter file's, the
 * built-in objects) have offsets from here on: they have no line in it. */
#define AZA_TMPL_FOREIGN ((size_t)1 << 62)

/* A template's line starts, kept with its resources (aza_res.lines) so the
 * property a finding rests on can be placed after the input is gone. */
struct aza_tmpl_lines {
	const uint32_t *start; /* offsets where lines 2, 3, ... start */
	size_t n;
};

typedef struct aza_tctx {
	aza_ctx *ctx;
	aza_arena *a;
	const char *source;
	const aza_json *params_decl;  /* the template's "parameters" */
	const aza_json *param_values; /* the parameter file's "parameters" */
	const aza_json *vars_decl;
	struct tcache {
		const char *name;
		aza_json *val;
		int busy;
		struct tcache *next;
	} *pcache, *vcache;
	const char *sub, *rg, *location, *tenant;
	int scope_sub_only; /* subscription-level template */
	/* A tenantDeploymentTemplate (or a deployment it nests at the tenant,
	 * scope "/"): what it deploys without a scope is a tenant resource,
	 * /providers/{type}/{name}, as resourceId(type, names) is there. */
	int at_tenant;
	/* The management group a management-group deployment (its $schema, or
	 * a nested deployment's scope) targets; NULL in other deployments. Its
	 * resources are placed there, and managementGroup() is known in it
	 * unless the name holds a placeholder (only known at deployment). */
	const char *mg;
	aza_json *builtin[5]; /* resourceGroup(), subscription(), ... made once (reset when sub or rg change) */
	/* The parameters of the lambdas being applied (lambdaVariables()), innermost last. */
	const char *lv_name[AZA_TMPL_MAX_NEST];
	const aza_json *lv_val[AZA_TMPL_MAX_NEST];
	int nlv;
	const char *copy_name[AZA_TMPL_MAX_NEST];
	double copy_index[AZA_TMPL_MAX_NEST];
	int ncopy;
	int depth;
	/* Evaluating a resource's name or scope: the unknown arguments of
	 * concat(), format() and the resourceId() functions become placeholders
	 * (aza_t__placeholder). Off while a parameter or variable is evaluated,
	 * so their cached values stay what they are everywhere else. */
	int names;
	/* The parameter values come from a parametersLink, which is not
	 * fetched: a parameter without an inline value is only known at
	 * deployment, whatever its defaultValue. */
	int params_linked;
	int oom;
	int over;     /* the expansion budget was exceeded (oom is set too) */
	size_t bytes; /* bytes of values made so far, against AZA_TMPL_MAX_BYTES */
	size_t off; /* source offset given to values made now */
} aza_tctx;

/* Count n bytes against the budget; 0, or -1 (and oom, over set) past it. */
int aza_t__charge(aza_tctx *c, size_t n);
aza_json *aza_t__eval_expr(aza_tctx *c, const char *s, size_t n, const char **err);
aza_json *aza_t__str(aza_tctx *c, const char *s, size_t n);
aza_json *aza_t__unknown(aza_tctx *c, const char *fmt, ...) AZA_PRINTF(2, 3);
aza_json *aza_t__copy(aza_tctx *c, const aza_json *v, const char *key);
/* The placeholder for an unknown part of a resource name: "[" + the
 * expression text s[0..n) without its blanks + "]", e.g. "[parameters('srv')]";
 * a name or id built from it is the same wherever the expression is. */
aza_json *aza_t__placeholder(aza_tctx *c, const char *s, size_t n);
aza_json *aza_t__param(aza_tctx *c, const char *name);
aza_json *aza_t__var(aza_tctx *c, const char *name);
aza_json *aza_t__builtin(aza_tctx *c, const char *fn);
/* managementGroup() in a management-group deployment (aza_tctx.mg); NULL
 * when it is only known at deployment. */
aza_json *aza_t__management_group(aza_tctx *c);

/* Options of template scans, owned by the scan. */
struct aza_tmpl_opts {
	const char *params_path; /* --parameters FILE, or NULL: look for x.parameters.json */
	const char *sub, *rg, *location, *tenant;
	const char *mg; /* the management group of a managementGroupDeploymentTemplate */
	/* resourceGroup(), subscription(), ... with the placeholders above, made
	 * once per scan in the inventory arena `arena` and shared by its templates. */
	const void *arena;
	const char *made_with[4]; /* sub, rg, location, tenant of the cached objects */
	aza_json *builtin[5];
	/* The x.parameters.json files of the last directory a template was read
	 * from (sorted; in `arena`), so a folder of templates costs one listing
	 * rather than one failed open per template. pnames NULL: not listed. */
	const char *pdir;
	const char **pnames;
	size_t npnames;
};
/* For tests: evaluate one template value (a string like "[concat('a', 'b')]",
 * or an array/object holding such strings) with the parameters and variables
 * declared by tmpl and the values of a parameter file's "parameters" object.
 * NULL with *err set on an invalid expression. */
aza_json *aza_tmpl__eval_value(aza_ctx *ctx, aza_arena *a, const aza_json *tmpl, const aza_json *param_values,
                               const aza_json *value, const char **err);
int aza_tmpl__expand(void *ud, aza_inv *inv, const aza_json *tmpl, const char *source, const struct aza_pos *pos);
/* The same on a thread that does not own the inventory, and the replay of
 * what it recorded (struct aza_tmpl_hook). */
int aza_tmpl__expand_off(void *ud, aza_tdefer *d, const aza_json *tmpl, const char *source, const struct aza_pos *pos);
int aza_tmpl__replay(void *ud, aza_inv *inv, const aza_tev *ev, const char *source);
/* Set all offsets under v (made from text that is not the template's) to off. */
void aza_t__reoff(aza_json *v, size_t off);
/* Where value v (read by a rule) is in template resource r: its line and
 * column in the template (of the nearest enclosing value written there)
 * and its JSON pointer in the evaluated resource, made in arena a. Returns
 * 0 when v is not a member of r's document (or r is not a template's). */
int aza_tmpl__prop_pos(aza_arena *a, const aza_res *r, const aza_json *v, unsigned long *line, unsigned long *col,
                       const char **ptr);

#endif
