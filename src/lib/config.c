/*
 * config.c - what only the user knows: how mission-critical resources are
 * marked, approved VM extensions, age and retention limits, supported
 * runtime versions. One JSON file (docs/config.md, examples/azaudit.config.json).
 */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Supported runtime minimums, reviewed on the date below: the lowest
 * version whose maintainer still supports it that day. .NET 8 and 9 (and
 * PowerShell 7.4, built on .NET 8) ended on 10 November 2026; .NET 10 runs
 * to November 2028. Node.js 20 ended on 30 April 2026, Python 3.10 in
 * October 2026, Ruby 3.2 on 31 March 2026 (Microsoft Learn, "Supported
 * languages in Azure Functions"; the language projects' release pages).
 * dotnet-isolated is the .NET isolated worker of Azure Functions, as Linux
 * function apps (linuxFxVersion DOTNET-ISOLATED|10.0) and Flex Consumption
 * apps (functionAppConfig.runtime) name it. */
#define RUNTIMES_REVIEWED "2026-11-24"
static const struct {
	const char *stack, *min;
} default_runtimes[] = {
	{"dotnet", "10.0"}, {"dotnetcore", "10.0"}, {"dotnet-isolated", "10.0"}, {"aspnet", "4.8"}, {"php", "8.2"},
	{"python", "3.11"}, {"node", "22"}, {"java", "17"}, {"tomcat", "10.1"},
	{"ruby", "3.3"}, {"powershell", "7.6"},
};

void aza__cfg_defaults(struct aza_cfg *c)
{
	memset(c, 0, sizeof *c);
	c->key_max_age_days = 90;
	c->log_retention_days = 365;
	c->flow_log_retention_days = 90;
	c->sql_audit_retention_days = 90;
	c->cert_max_validity_months = 12;
	c->min_owners = 2;
	c->max_owners = 3;
}

void aza__cfg_release(struct aza_cfg *c)
{
	aza__free(c->critical_tag_name);
	aza__free(c->critical_tag_value);
	for (size_t i = 0; i < c->n_approved_ext; i++)
		aza__free(c->approved_ext[i]);
	aza__free(c->approved_ext);
	for (size_t i = 0; i < c->n_runtimes; i++) {
		aza__free(c->runtimes[i].stack);
		aza__free(c->runtimes[i].min);
	}
	aza__free(c->runtimes);
	aza__free(c->runtimes_reviewed);
	aza__cfg_defaults(c);
}

const char *aza__cfg_runtime_min(const struct aza_cfg *c, const char *stack, const char **reviewed)
{
	for (size_t i = 0; i < c->n_runtimes; i++)
		if (aza__strieq(c->runtimes[i].stack, stack)) {
			*reviewed = c->runtimes_reviewed ? c->runtimes_reviewed : "(configuration)";
			return c->runtimes[i].min;
		}
	for (size_t i = 0; i < sizeof default_runtimes / sizeof default_runtimes[0]; i++)
		if (aza__strieq(default_runtimes[i].stack, stack)) {
			*reviewed = RUNTIMES_REVIEWED;
			return default_runtimes[i].min;
		}
	return NULL;
}

static int int_field(aza_ctx *ctx, const char *path, const aza_json *o, const char *key, int *out, int lo, int hi)
{
	const aza_json *v = aza_json_get(o, key);
	if (!v)
		return 0;
	double d;
	if (!aza_json_is(v, AZA_JNUM) || !aza_json_num(v, &d) || d < lo || d > hi || d != (int)d)
		return aza__err(ctx, AZA_EINPUT, "%s: \"%s\" must be a whole number from %d to %d", path, key, lo, hi);
	*out = (int)d;
	return 0;
}

int aza_ctx_load_config(aza_ctx *ctx, const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return aza__err(ctx, AZA_EIO, "%s: cannot open: %s", path, strerror(errno));
	aza_buf b;
	aza_buf__init(&b, 16 << 20);
	char tmp[8192];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, fp)) > 0) {
		int arc = aza_buf__add(&b, tmp, n);
		if (arc) {
			fclose(fp);
			aza_buf__release(&b);
			if (arc == AZA_ENOMEM)
				return aza__err(ctx, AZA_ENOMEM, "out of memory");
			return aza__err(ctx, AZA_ELIMIT, "%s: configuration file larger than 16 MiB", path);
		}
	}
	fclose(fp);
	aza_arena a;
	aza_arena__init(&a);
	aza_json *j;
	aza_jerr e;
	int rc = aza_json__parse_all(&a, b.p ? b.p : "", b.len, &j, &e);
	if (rc) {
		unsigned long line, col;
		aza_json__linecol(b.p ? b.p : "", b.len, e.off, &line, &col);
		rc = aza__err(ctx, rc == AZA_ENOMEM ? AZA_ENOMEM : rc, "%s:%lu:%lu: %s", path, line, col, e.what);
		goto out;
	}
	if (!aza_json_is(j, AZA_JOBJ)) {
		rc = aza__err(ctx, AZA_EINPUT, "%s: the configuration must be a JSON object", path);
		goto out;
	}
	static const char *const known[] = {"critical_tag", "approved_extensions", "key_max_age_days",
	                                    "log_retention_days", "flow_log_retention_days",
	                                    "sql_audit_retention_days", "cert_max_validity_months",
	                                    "runtimes", "runtimes_reviewed", "owners", "$schema", "comment"};
	aza_json_each(m, j) {
		int ok = 0;
		for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
			ok |= aza__strieq(m->key, known[i]);
		if (!ok) {
			rc = aza__err(ctx, AZA_EINPUT, "%s: unknown setting \"%s\" (see docs/config.md)", path, m->key);
			goto out;
		}
	}
	struct aza_cfg *c = &ctx->cfg;
	const aza_json *ct = aza_json_get(j, "critical_tag");
	if (ct) {
		const char *nm = aza_json_str(aza_json_get(ct, "name"));
		const char *vl = aza_json_str(aza_json_get(ct, "value"));
		if (!nm || !*nm) {
			rc = aza__err(ctx, AZA_EINPUT, "%s: critical_tag needs a \"name\"", path);
			goto out;
		}
		aza__free(c->critical_tag_name);
		aza__free(c->critical_tag_value);
		c->critical_tag_name = aza__strdup(nm);
		c->critical_tag_value = vl ? aza__strdup(vl) : NULL;
		if (!c->critical_tag_name || (vl && !c->critical_tag_value)) {
			rc = aza__err(ctx, AZA_ENOMEM, "out of memory");
			goto out;
		}
	}
	const aza_json *ax = aza_json_get(j, "approved_extensions");
	if (ax) {
		if (!aza_json_is(ax, AZA_JARR)) {
			rc = aza__err(ctx, AZA_EINPUT, "%s: approved_extensions must be an array of \"Publisher.Type\" strings", path);
			goto out;
		}
		c->approved_ext = aza__malloc((aza_json_len(ax) + 1) * sizeof *c->approved_ext);
		if (!c->approved_ext) {
			rc = aza__err(ctx, AZA_ENOMEM, "out of memory");
			goto out;
		}
		aza_json_each(x, ax) {
			if (!aza_json_str(x)) {
				rc = aza__err(ctx, AZA_EINPUT, "%s: approved_extensions must hold strings", path);
				goto out;
			}
			if (!(c->approved_ext[c->n_approved_ext] = aza__strdup(x->u.s))) {
				rc = aza__err(ctx, AZA_ENOMEM, "out of memory");
				goto out;
			}
			c->n_approved_ext++;
		}
		c->approved_ext_set = 1;
	}
	if ((rc = int_field(ctx, path, j, "key_max_age_days", &c->key_max_age_days, 1, 3650)) ||
	    (rc = int_field(ctx, path, j, "log_retention_days", &c->log_retention_days, 1, 36500)) ||
	    (rc = int_field(ctx, path, j, "flow_log_retention_days", &c->flow_log_retention_days, 1, 3650)) ||
	    (rc = int_field(ctx, path, j, "sql_audit_retention_days", &c->sql_audit_retention_days, 1, 3650)) ||
	    (rc = int_field(ctx, path, j, "cert_max_validity_months", &c->cert_max_validity_months, 1, 120)))
		goto out;
	const aza_json *ow = aza_json_get(j, "owners");
	if (ow && ((rc = int_field(ctx, path, ow, "min", &c->min_owners, 0, 100)) ||
	           (rc = int_field(ctx, path, ow, "max", &c->max_owners, 1, 1000))))
		goto out;
	const aza_json *rt = aza_json_get(j, "runtimes");
	if (rt) {
		if (!aza_json_is(rt, AZA_JOBJ)) {
			rc = aza__err(ctx, AZA_EINPUT, "%s: runtimes must map a stack to its minimum supported version", path);
			goto out;
		}
		c->runtimes = aza__malloc((aza_json_len(rt) + 1) * sizeof *c->runtimes);
		if (!c->runtimes) {
			rc = aza__err(ctx, AZA_ENOMEM, "out of memory");
			goto out;
		}
		aza_json_each(x, rt) {
			if (!aza_json_str(x)) {
				rc = aza__err(ctx, AZA_EINPUT, "%s: runtimes.%s must be a version string", path, x->key);
				goto out;
			}
			c->runtimes[c->n_runtimes].stack = aza__strdup(x->key);
			c->runtimes[c->n_runtimes].min = aza__strdup(x->u.s);
			c->n_runtimes++;
			if (!c->runtimes[c->n_runtimes - 1].stack || !c->runtimes[c->n_runtimes - 1].min) {
				rc = aza__err(ctx, AZA_ENOMEM, "out of memory");
				goto out;
			}
		}
	}
	const char *rv = aza_json_str(aza_json_get(j, "runtimes_reviewed"));
	if (rv) {
		aza__free(c->runtimes_reviewed);
		if (!(c->runtimes_reviewed = aza__strdup(rv)))
			rc = aza__err(ctx, AZA_ENOMEM, "out of memory");
	}
out:
	aza_arena__release(&a);
	aza_buf__release(&b);
	return rc;
}
