/*
 * json.c - the JSON report (docs/report.schema.json). Field names are a
 * contract other tools read: only add, never rename.
 */
#include "report.h"
#include "../rules/exposure.h"

#include <string.h>
#include <time.h>

static void counts_obj(aza_buf *b, const size_t c[AZA_STATUS_COUNT])
{
	aza_buf__addc(b, '{');
	for (int i = 0; i < AZA_STATUS_COUNT; i++) {
		if (i)
			aza_buf__addc(b, ',');
		aza_buf__addc(b, '"');
		aza_buf__adds(b, aza_status_name((aza_status)i));
		aza_buf__lit(b, "\":");
		aza_buf__addu(b, c[i]);
	}
	aza_buf__addc(b, '}');
}

static void iso_time(double t, char *out, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int write_json(aza_scan *s, const aza_report_opts *o, aza_buf *b)
{
	aza_scan_stats st;
	aza_scan_stats_get(s, &st);
	aza_report_tally t;
	aza_report__tally(s, o, &t);
	char when[32];
	iso_time(s->now, when, sizeof when);

	aza_buf__printf(b, "{\"schema_version\":\"%s\",\"tool\":{\"name\":\"azaudit\",\"version\":\"%s\"},",
	                AZA_JSON_SCHEMA_VERSION, AZA_VERSION);
	aza_buf__adds(b, "\"scan\":{\"tenant_id\":");
	aza_buf__json_str(b, aza_scan_tenant(s));
	aza_buf__printf(b, ",\"generated_at\":\"%s\",\"inputs\":%zu,\"resources\":%zu,\"resources_evaluated\":%zu,"
	                   "\"unknown_types\":%zu,\"subscriptions\":%zu,\"collection_errors\":%zu,\"service_models_in_use\":[",
	                when, st.inputs, st.resources, st.resources_known, st.unknown_types, st.subscriptions,
	                st.input_errors);
	int first = 1;
	for (unsigned bit = 1; bit <= AZA_SAAS; bit <<= 1)
		if (st.models_in_use & bit) {
			aza_buf__printf(b, "%s\"%s\"", first ? "" : ",", aza_model_name(bit));
			first = 0;
		}
	aza_buf__adds(b, "]},\n\"summary\":");
	counts_obj(b, t.all);
	/* Insert total and score into the summary object. */
	b->len--; /* drop '}' */
	double score = aza_scan_score(s);
	aza_buf__printf(b, ",\"total\":%zu,\"score\":", aza_scan_count(s));
	if (score < 0)
		aza_buf__adds(b, "null}");
	else
		aza_buf__printf(b, "%.1f}", score);

	aza_buf__adds(b, ",\n\"areas\":[");
	for (int a = 0; a < AZA_AREA_COUNT; a++) {
		aza_buf__printf(b, "%s{\"area\":\"%s\",\"title\":", a ? "," : "", aza_area_name((aza_area)a));
		aza_buf__json_str(b, aza_area_title((aza_area)a));
		aza_buf__adds(b, ",\"counts\":");
		counts_obj(b, t.area[a]);
		aza_buf__addc(b, '}');
	}
	aza_buf__adds(b, "],\n\"responsibility\":[");
	for (int r = 0; r < AZA_RESP_COUNT; r++) {
		const size_t *rc = t.resp[r];
		unsigned models = t.resp_models[r];
		aza_buf__printf(b, "%s{\"area\":", r ? "," : "");
		aza_buf__json_str(b, aza_resp_name((aza_resp)r));
		aza_buf__printf(b, ",\"checks\":%zu,\"passed\":%zu,\"failed\":%zu,\"unknown\":%zu,\"manual\":%zu,\"service_models\":[",
		                rc[AZA_PASS] + rc[AZA_FAIL], rc[AZA_PASS], rc[AZA_FAIL], rc[AZA_UNKNOWN], rc[AZA_MANUAL]);
		first = 1;
		for (unsigned bit = 1; bit <= AZA_SAAS; bit <<= 1)
			if (models & bit) {
				aza_buf__printf(b, "%s\"%s\"", first ? "" : ",", aza_model_name(bit));
				first = 0;
			}
		aza_buf__adds(b, "]}");
	}
	aza_buf__adds(b, "],\n\"findings\":[");
	first = 1;
	const aza_rule *cached = NULL;
	aza_buf rule_head, rule_tail;
	aza_buf__init(&rule_head, 1 << 20);
	aza_buf__init(&rule_tail, 1 << 20);
	for (size_t i = 0; i < aza_scan_count(s); i++) {
		const aza_finding *f = aza_scan_finding(s, i);
		if (!aza_report__shown(o, f))
			continue;
		const aza_rule *r = f->rule;
		if (r != cached) {
			/* Findings come grouped by rule: render the rule's fixed text
			 * (escaped once) for the whole group. */
			cached = r;
			rule_head.len = rule_tail.len = 0;
			aza_buf__adds(&rule_head, "\"rule_id\":");
			aza_buf__json_str(&rule_head, r->id);
			aza_buf__adds(&rule_head, ",\"title\":");
			aza_buf__json_str(&rule_head, r->title);
			aza_buf__printf(&rule_head, ",\"area\":\"%s\",\"level\":%d,\"severity\":\"%s\",\"status\":",
			                aza_area_name(r->area), r->level, aza_severity_name(r->severity));
			aza_buf__adds(&rule_tail, ",\"checklist\":");
			aza_report__list_json(&rule_tail, r->checklist);
			aza_buf__adds(&rule_tail, ",\"cis\":");
			aza_report__cis_json(&rule_tail, r->cis);
			aza_buf__adds(&rule_tail, ",\"responsibility\":");
			aza_buf__json_str(&rule_tail, aza_resp_name(r->resp));
			aza_buf__adds(&rule_tail, ",\"remediation\":{\"portal\":");
			aza_buf__json_str(&rule_tail, r->portal);
			aza_buf__adds(&rule_tail, ",\"cli\":");
			aza_buf__json_str(&rule_tail, r->cli);
			aza_buf__adds(&rule_tail, ",\"arm\":");
			aza_buf__json_str(&rule_tail, r->arm);
			if (rule_head.oom || rule_tail.oom)
				b->oom = 1;
		}
		if (first)
			aza_buf__lit(b, "\n{");
		else
			aza_buf__lit(b, ",\n{");
		first = 0;
		aza_buf__add(b, rule_head.p, rule_head.len);
		aza_buf__addc(b, '"');
		aza_buf__adds(b, aza_status_name(f->status));
		aza_buf__lit(b, "\",\"resource_id\":");
		aza_buf__json_str(b, f->resource_id);
		aza_buf__lit(b, ",\"resource_type\":");
		aza_buf__json_str(b, f->resource_type);
		aza_buf__lit(b, ",\"resource_name\":");
		aza_buf__json_str(b, f->resource_name);
		aza_buf__lit(b, ",\"subscription_id\":");
		aza_buf__json_str(b, f->subscription_id);
		aza_buf__lit(b, ",\"location\":");
		aza_buf__json_str(b, f->location);
		aza_buf__lit(b, ",\"message\":");
		aza_buf__json_str(b, f->message);
		aza_buf__add(b, rule_tail.p, rule_tail.len);
		aza_buf__lit(b, "},\"source\":{\"file\":");
		aza_buf__json_str(b, f->source);
		aza_buf__lit(b, ",\"line\":");
		aza_buf__addu(b, f->line);
		aza_buf__lit(b, ",\"column\":");
		aza_buf__addu(b, f->column);
		aza_buf__lit(b, ",\"pointer\":");
		if (f->pointer)
			aza_buf__json_str(b, f->pointer);
		else
			aza_buf__lit(b, "null");
		if (f->prop_line) {
			aza_buf__lit(b, ",\"property\":{\"line\":");
			aza_buf__addu(b, f->prop_line);
			aza_buf__lit(b, ",\"column\":");
			aza_buf__addu(b, f->prop_column);
			aza_buf__lit(b, ",\"pointer\":");
			aza_buf__json_str(b, f->prop_pointer);
			aza_buf__addc(b, '}');
		}
		aza_buf__addc(b, '}');
		if (f->suppressed_reason) {
			aza_buf__lit(b, ",\"suppressed\":{\"by\":\"template metadata\",\"reason\":");
			aza_buf__json_str(b, f->suppressed_reason);
			aza_buf__addc(b, '}');
		}
		if (f->status == AZA_SUPPRESSED) {
			aza_buf__printf(b, ",\"suppressed_status\":\"%s\",\"suppression\":{\"reason\":",
			                aza_status_name(f->suppressed_status));
			aza_buf__json_str(b, f->suppress_reason);
			aza_buf__adds(b, ",\"owner\":");
			if (f->suppress_owner)
				aza_buf__json_str(b, f->suppress_owner);
			else
				aza_buf__adds(b, "null");
			aza_buf__adds(b, ",\"expires\":");
			if (f->suppress_expires)
				aza_buf__json_str(b, f->suppress_expires);
			else
				aza_buf__adds(b, "null");
			aza_buf__addc(b, '}');
		}
		if (f->baseline == AZA_BASELINE_NEW)
			aza_buf__lit(b, ",\"baseline\":\"new\"");
		else if (f->baseline)
			aza_buf__lit(b, ",\"baseline\":\"unchanged\"");
		aza_buf__addc(b, '}');
	}
	aza_buf__release(&rule_head);
	aza_buf__release(&rule_tail);
	aza_buf__adds(b, "\n]");
	if (aza_scan_has_baseline(s)) {
		aza_buf__adds(b, ",\n\"resolved\":[");
		for (size_t i = 0; i < aza_scan_resolved_count(s); i++) {
			const aza_resolved *z = aza_scan_resolved(s, i);
			aza_buf__adds(b, i ? ",\n{\"rule_id\":" : "\n{\"rule_id\":");
			aza_buf__json_str(b, z->rule_id);
			aza_buf__adds(b, ",\"resource_id\":");
			aza_buf__json_str(b, z->resource_id);
			aza_buf__adds(b, ",\"status\":");
			aza_buf__json_str(b, z->status);
			aza_buf__adds(b, ",\"message\":");
			aza_buf__json_str(b, z->message);
			aza_buf__addc(b, '}');
		}
		aza_buf__adds(b, "\n]");
	}
	const aza_framework *fw = aza_triage__framework(s);
	if (fw) {
		aza_buf__adds(b, ",\n\"framework\":{\"id\":");
		aza_buf__json_str(b, fw->id);
		aza_buf__adds(b, ",\"title\":");
		aza_buf__json_str(b, fw->title);
		aza_buf__adds(b, ",\"version\":");
		aza_buf__json_str(b, fw->version);
		aza_buf__printf(b, ",\"partial\":%s,\"controls\":[", fw->partial ? "true" : "false");
		for (size_t i = 0; i < fw->nctl; i++) {
			const aza_fw_control *c2 = &fw->ctl[i];
			aza_buf__adds(b, i ? ",\n{\"id\":" : "\n{\"id\":");
			aza_buf__json_str(b, c2->id);
			aza_buf__adds(b, ",\"title\":");
			aza_buf__json_str(b, c2->title);
			aza_buf__adds(b, ",\"section\":");
			aza_buf__json_str(b, c2->section);
			aza_buf__printf(b, ",\"level\":%d,\"assessment\":", c2->level);
			aza_buf__json_str(b, c2->assessment);
			aza_buf__printf(b, ",\"status\":\"%s\",\"rules\":[", aza_report__control_status(c2));
			for (size_t r = 0; r < c2->nrules; r++) {
				if (r)
					aza_buf__addc(b, ',');
				aza_buf__json_str(b, c2->rules[r]);
			}
			aza_buf__adds(b, "],\"counts\":");
			counts_obj(b, c2->counts);
			aza_buf__adds(b, ",\"manual_steps\":[");
			int mf = 1;
			for (size_t r = 0; r < c2->nrules; r++) {
				const aza_rule *ru = aza_rule_find(c2->rules[r]);
				if (!ru || !aza_rule_is_manual(ru))
					continue;
				aza_buf__adds(b, mf ? "{\"rule_id\":" : ",{\"rule_id\":");
				mf = 0;
				aza_buf__json_str(b, ru->id);
				aza_buf__adds(b, ",\"steps\":");
				aza_buf__json_str(b, aza_rule_manual(ru));
				aza_buf__addc(b, '}');
			}
			aza_buf__adds(b, "]}");
		}
		aza_buf__adds(b, "],\n\"not_covered\":[");
		for (size_t i = 0; i < fw->ngap; i++) {
			aza_buf__adds(b, i ? ",\n{\"id\":" : "\n{\"id\":");
			aza_buf__json_str(b, fw->gap[i].id);
			aza_buf__adds(b, ",\"title\":");
			aza_buf__json_str(b, fw->gap[i].title);
			aza_buf__adds(b, ",\"reason\":");
			aza_buf__json_str(b, fw->gap[i].reason);
			aza_buf__addc(b, '}');
		}
		aza_buf__adds(b, "]}");
	}
	const aza_expo *x = aza_expo__of_scan(s);
	if (x) {
		aza_buf__adds(b, ",\n\"exposure\":");
		aza_expo__json_endpoints(x, b, NULL);
		aza_buf__adds(b, ",\n\"exposure_not_evaluated\":");
		aza_expo__json_gaps(x, b, NULL);
	}
	aza_buf__adds(b, "}\n");
	return 0;
}

const aza_reporter aza_report_json = {"json", "json", write_json};
