/*
 * report.c - picks a reporter by name, writes reports to streams or
 * atomically to files, and lists the rule catalogue (text, JSON, Markdown).
 */
#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const aza_reporter *const reporters[] = {&aza_report_text, &aza_report_json};

static const aza_reporter *find(const char *name)
{
	for (size_t i = 0; i < sizeof reporters / sizeof reporters[0]; i++)
		if (aza__strieq(reporters[i]->name, name))
			return reporters[i];
	return NULL;
}

int aza_report_format_known(const char *format)
{
	return find(format) != NULL;
}

int aza_report__shown(const aza_report_opts *o, const aza_finding *f)
{
	if (!o || !o->status_mask)
		return 1;
	return (o->status_mask >> f->status) & 1u;
}

void aza_report__counts(aza_scan *s, const aza_report_opts *o, int area, size_t counts[AZA_STATUS_COUNT])
{
	memset(counts, 0, sizeof(size_t) * AZA_STATUS_COUNT);
	for (size_t i = 0; i < aza_scan_count(s); i++) {
		const aza_finding *f = aza_scan_finding(s, i);
		if (!aza_report__shown(o, f))
			continue;
		if (area >= 0 && (int)aza_rule_area(f->rule) != area)
			continue;
		counts[f->status]++;
	}
}

void aza_report__list_json(aza_buf *b, const char *list)
{
	aza_buf__addc(b, '[');
	const char *p = list ? list : "";
	int first = 1;
	while (*p) {
		size_t n = strcspn(p, " ");
		if (n) {
			char tmp[256];
			if (n >= sizeof tmp)
				n = sizeof tmp - 1;
			memcpy(tmp, p, n);
			tmp[n] = 0;
			if (!first)
				aza_buf__addc(b, ',');
			aza_buf__json_str(b, tmp);
			first = 0;
		}
		p += strcspn(p, " ");
		while (*p == ' ')
			p++;
	}
	aza_buf__addc(b, ']');
}

void aza_report__cis_json(aza_buf *b, const char *cis)
{
	aza_buf__addc(b, '[');
	const char *p = cis ? cis : "";
	int first = 1;
	while (*p) {
		size_t n = strcspn(p, " ");
		const char *colon = memchr(p, ':', n);
		if (n && colon) {
			char ver[32], id[64];
			size_t vl = (size_t)(colon - p), il = n - vl - 1;
			if (vl < sizeof ver && il < sizeof id) {
				memcpy(ver, p, vl);
				ver[vl] = 0;
				memcpy(id, colon + 1, il);
				id[il] = 0;
				if (!first)
					aza_buf__addc(b, ',');
				aza_buf__adds(b, "{\"version\":");
				aza_buf__json_str(b, ver);
				aza_buf__adds(b, ",\"id\":");
				aza_buf__json_str(b, id);
				aza_buf__addc(b, '}');
				first = 0;
			}
		}
		p += n;
		while (*p == ' ')
			p++;
	}
	aza_buf__addc(b, ']');
}

int aza_report_write(aza_scan *s, const char *format, const aza_report_opts *o, FILE *fp)
{
	const aza_reporter *r = find(format);
	if (!r)
		return aza__err(s->ctx, AZA_EUSAGE, "unknown report format '%s' (text, json)", format);
	aza_buf b;
	aza_buf__init(&b, 0);
	int rc = r->write(s, o, &b);
	if (rc == 0 && b.oom)
		rc = aza__err(s->ctx, AZA_ENOMEM, "out of memory while writing the %s report", format);
	if (rc == 0 && b.len && fwrite(b.p, 1, b.len, fp) != b.len)
		rc = aza__err(s->ctx, AZA_EIO, "cannot write the %s report: %s", format, strerror(errno));
	if (rc == 0 && fflush(fp) != 0)
		rc = aza__err(s->ctx, AZA_EIO, "cannot write the %s report: %s", format, strerror(errno));
	aza_buf__release(&b);
	return rc;
}

/* Write the whole report to a temporary file beside path, then rename it
 * over path: a reader never sees a half-written report. */
int aza_report_write_file(aza_scan *s, const char *format, const aza_report_opts *o, const char *path)
{
	const aza_reporter *r = find(format);
	if (!r)
		return aza__err(s->ctx, AZA_EUSAGE, "unknown report format '%s' (text, json)", format);
	aza_buf b;
	aza_buf__init(&b, 0);
	int rc = r->write(s, o, &b);
	if (rc == 0 && b.oom)
		rc = aza__err(s->ctx, AZA_ENOMEM, "out of memory while writing the %s report", format);
	if (rc) {
		aza_buf__release(&b);
		return rc;
	}
	size_t n = strlen(path) + 32;
	char *tmp = aza__malloc(n);
	if (!tmp) {
		aza_buf__release(&b);
		return aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	}
	snprintf(tmp, n, "%s.tmp.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		rc = aza__err(s->ctx, AZA_EIO, "%s: cannot create a temporary file: %s", path, strerror(errno));
		goto out;
	}
	/* mkstemp creates 0600; a report gets the usual 0666 less the umask. */
	mode_t um = umask(0);
	umask(um);
	if (fchmod(fd, 0666 & ~um) != 0)
		rc = aza__err(s->ctx, AZA_EIO, "%s: cannot set permissions: %s", tmp, strerror(errno));
	size_t off = 0;
	while (rc == 0 && off < b.len) {
		ssize_t w = write(fd, b.p + off, b.len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			rc = aza__err(s->ctx, AZA_EIO, "%s: cannot write: %s", tmp, strerror(errno));
			break;
		}
		off += (size_t)w;
	}
	if (rc == 0 && fsync(fd) != 0)
		rc = aza__err(s->ctx, AZA_EIO, "%s: cannot sync: %s", tmp, strerror(errno));
	if (close(fd) != 0 && rc == 0)
		rc = aza__err(s->ctx, AZA_EIO, "%s: cannot close: %s", tmp, strerror(errno));
	if (rc == 0 && rename(tmp, path) != 0)
		rc = aza__err(s->ctx, AZA_EIO, "%s: cannot rename into place: %s", path, strerror(errno));
	if (rc)
		unlink(tmp);
out:
	aza__free(tmp);
	aza_buf__release(&b);
	return rc;
}

/* ---- the catalogue ---- */
static void models_str(unsigned m, char *out, size_t n)
{
	out[0] = 0;
	for (unsigned bit = 1; bit <= AZA_SAAS; bit <<= 1)
		if (m & bit) {
			if (out[0])
				strncat(out, ",", n - strlen(out) - 1);
			strncat(out, aza_model_name(bit), n - strlen(out) - 1);
		}
}

static void rule_json(aza_buf *b, const aza_rule *r)
{
	aza_buf__adds(b, "{\"id\":");
	aza_buf__json_str(b, r->id);
	aza_buf__adds(b, ",\"title\":");
	aza_buf__json_str(b, r->title);
	aza_buf__adds(b, ",\"area\":");
	aza_buf__json_str(b, aza_area_name(r->area));
	aza_buf__printf(b, ",\"level\":%d,\"severity\":", r->level);
	aza_buf__json_str(b, aza_severity_name(r->severity));
	aza_buf__adds(b, ",\"kind\":");
	aza_buf__json_str(b, r->check ? "automated" : "manual");
	aza_buf__adds(b, ",\"responsibility\":");
	aza_buf__json_str(b, aza_resp_name(r->resp));
	aza_buf__adds(b, ",\"service_models\":[");
	int first = 1;
	for (unsigned bit = 1; bit <= AZA_SAAS; bit <<= 1)
		if (r->models & bit) {
			if (!first)
				aza_buf__addc(b, ',');
			aza_buf__json_str(b, aza_model_name(bit));
			first = 0;
		}
	aza_buf__adds(b, "],\"resource_types\":");
	aza_report__list_json(b, aza_rule_types(r));
	aza_buf__adds(b, ",\"checklist\":");
	aza_report__list_json(b, r->checklist);
	aza_buf__adds(b, ",\"cis\":");
	aza_report__cis_json(b, r->cis);
	aza_buf__adds(b, ",\"rationale\":");
	aza_buf__json_str(b, r->rationale);
	aza_buf__adds(b, ",\"remediation\":{\"portal\":");
	aza_buf__json_str(b, r->portal);
	aza_buf__adds(b, ",\"cli\":");
	aza_buf__json_str(b, r->cli);
	aza_buf__adds(b, ",\"arm\":");
	aza_buf__json_str(b, r->arm);
	aza_buf__adds(b, "},\"manual_steps\":");
	aza_buf__json_str(b, r->manual);
	aza_buf__adds(b, ",\"defaults\":");
	aza_buf__json_str(b, r->defaults);
	aza_buf__addc(b, '}');
}

void aza_report__rule_json(aza_buf *b, const aza_rule *r)
{
	rule_json(b, r);
}

static void md_cell(aza_buf *b, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		if (*p == '|')
			aza_buf__adds(b, "\\|");
		else if (*p == '\n')
			aza_buf__addc(b, ' ');
		else
			aza_buf__addc(b, *p);
	}
}

int aza_catalog_write(aza_ctx *ctx, const char *format, FILE *fp)
{
	aza_buf b;
	aza_buf__init(&b, 0);
	size_t n = aza_rule_count();
	if (aza__strieq(format, "json")) {
		aza_buf__printf(&b, "{\"schema_version\":\"%s\",\"tool_version\":\"%s\",\"rules\":[", AZA_JSON_SCHEMA_VERSION,
		                AZA_VERSION);
		for (size_t i = 0; i < n; i++) {
			if (i)
				aza_buf__addc(&b, ',');
			aza_buf__adds(&b, "\n");
			rule_json(&b, aza_rule_at(i));
		}
		aza_buf__adds(&b, "\n]}\n");
	} else if (aza__strieq(format, "markdown") || aza__strieq(format, "md")) {
		aza_buf__adds(&b, "# azaudit rule catalogue\n\n"
		                  "Generated by `azaudit rules --format markdown` from the rule table; do not edit by hand.\n\n");
		aza_buf__printf(&b, "%zu rules.\n", n);
		for (int a = 0; a < AZA_AREA_COUNT; a++) {
			int any = 0;
			for (size_t i = 0; i < n; i++)
				any |= (int)aza_rule_at(i)->area == a;
			if (!any)
				continue;
			aza_buf__printf(&b, "\n## %s\n\n", aza_area_title((aza_area)a));
			aza_buf__adds(&b, "| id | title | level | severity | kind | CIS | checklist | responsibility | models |\n"
			                  "|---|---|---|---|---|---|---|---|---|\n");
			for (size_t i = 0; i < n; i++) {
				const aza_rule *r = aza_rule_at(i);
				if ((int)r->area != a)
					continue;
				char m[32];
				models_str(r->models, m, sizeof m);
				aza_buf__printf(&b, "| %s | ", r->id);
				md_cell(&b, r->title);
				aza_buf__printf(&b, " | L%d | %s | %s | ", r->level, aza_severity_name(r->severity),
				                r->check ? "automated" : "manual");
				md_cell(&b, r->cis);
				aza_buf__adds(&b, " | ");
				md_cell(&b, r->checklist);
				aza_buf__printf(&b, " | %s | %s |\n", aza_resp_name(r->resp), m);
			}
			for (size_t i = 0; i < n; i++) {
				const aza_rule *r = aza_rule_at(i);
				if ((int)r->area != a)
					continue;
				aza_buf__printf(&b, "\n### %s: ", r->id);
				md_cell(&b, r->title);
				aza_buf__adds(&b, "\n\n");
				aza_buf__printf(&b, "- Reads: `%s`\n", aza_rule_types(r));
				if (r->rationale)
					aza_buf__printf(&b, "- Why: %s\n", r->rationale);
				if (r->defaults)
					aza_buf__printf(&b, "- Defaults and absence: %s\n", r->defaults);
				if (r->manual)
					aza_buf__printf(&b, "- Verify by hand: %s\n", r->manual);
				if (r->portal)
					aza_buf__printf(&b, "- Fix in the portal: %s\n", r->portal);
				if (r->cli)
					aza_buf__printf(&b, "- Fix with az: `%s`\n", r->cli);
				if (r->arm)
					aza_buf__printf(&b, "- ARM/Bicep: %s\n", r->arm);
			}
		}
	} else if (aza__strieq(format, "text")) {
		for (size_t i = 0; i < n; i++) {
			const aza_rule *r = aza_rule_at(i);
			aza_buf__printf(&b, "%-12s L%d %-8s %-10s %s%s\n", r->id, r->level, aza_severity_name(r->severity),
			                aza_area_name(r->area), r->title, r->check ? "" : " [manual]");
		}
	} else {
		aza_buf__release(&b);
		return aza__err(ctx, AZA_EUSAGE, "unknown catalogue format '%s' (text, json, markdown)", format);
	}
	int rc = 0;
	if (b.oom)
		rc = aza__err(ctx, AZA_ENOMEM, "out of memory");
	else if (fwrite(b.p, 1, b.len, fp) != b.len || fflush(fp) != 0)
		rc = aza__err(ctx, AZA_EIO, "cannot write: %s", strerror(errno));
	aza_buf__release(&b);
	return rc;
}

int aza_rule_explain(const aza_rule *r, FILE *fp)
{
	char m[32];
	models_str(r->models, m, sizeof m);
	fprintf(fp, "%s  %s\n\n", r->id, r->title);
	fprintf(fp, "  area:            %s (%s)\n", aza_area_name(r->area), aza_area_title(r->area));
	fprintf(fp, "  level:           %d\n  severity:        %s\n", r->level, aza_severity_name(r->severity));
	fprintf(fp, "  kind:            %s\n", r->check ? "automated" : "manual");
	fprintf(fp, "  responsibility:  %s\n  service models:  %s\n", aza_resp_name(r->resp), m);
	fprintf(fp, "  reads:           %s\n", aza_rule_types(r));
	if (r->needs)
		fprintf(fp, "  depends on:      %s\n", r->needs);
	fprintf(fp, "  CIS:             %s\n", r->cis ? r->cis : "-");
	fprintf(fp, "  checklist:       %s\n", r->checklist ? r->checklist : "-");
	if (r->rationale)
		fprintf(fp, "\nWhy it matters\n  %s\n", r->rationale);
	if (r->defaults)
		fprintf(fp, "\nDefaults and absent values\n  %s\n", r->defaults);
	if (r->manual)
		fprintf(fp, "\nHow to verify by hand\n  %s\n", r->manual);
	fprintf(fp, "\nRemediation\n");
	if (r->portal)
		fprintf(fp, "  portal:  %s\n", r->portal);
	if (r->cli)
		fprintf(fp, "  az:      %s\n", r->cli);
	if (r->arm)
		fprintf(fp, "  ARM:     %s\n", r->arm);
	return ferror(fp) ? AZA_EIO : 0;
}
