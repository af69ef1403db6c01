/*
 * catalog.c - the public view of the rule table: lookups, accessors and the
 * names of statuses, severities, areas, responsibilities and models.
 */
#include "rule.h"

#include <string.h>

size_t aza_rule_count(void)
{
	size_t n;
	aza_rule_table__get(&n);
	return n;
}

const aza_rule *aza_rule_at(size_t i)
{
	size_t n;
	const struct aza_rule *const *t = aza_rule_table__get(&n);
	return i < n ? t[i] : NULL;
}

const aza_rule *aza_rule_find(const char *id)
{
	size_t n;
	const struct aza_rule *const *t = aza_rule_table__get(&n);
	for (size_t i = 0; i < n; i++)
		if (aza__strieq(t[i]->id, id))
			return t[i];
	return NULL;
}

#define S(x) ((x) ? (x) : "")
const char *aza_rule_id(const aza_rule *r) { return r->id; }
const char *aza_rule_title(const aza_rule *r) { return r->title; }
aza_area aza_rule_area(const aza_rule *r) { return r->area; }
int aza_rule_level(const aza_rule *r) { return r->level; }
aza_severity aza_rule_severity(const aza_rule *r) { return r->severity; }
aza_resp aza_rule_resp(const aza_rule *r) { return r->resp; }
unsigned aza_rule_models(const aza_rule *r) { return r->models; }
const char *aza_rule_checklist(const aza_rule *r) { return S(r->checklist); }
const char *aza_rule_cis(const aza_rule *r) { return S(r->cis); }
const char *aza_rule_rationale(const aza_rule *r) { return S(r->rationale); }
const char *aza_rule_portal(const aza_rule *r) { return S(r->portal); }
const char *aza_rule_cli(const aza_rule *r) { return S(r->cli); }
const char *aza_rule_arm(const aza_rule *r) { return S(r->arm); }
const char *aza_rule_manual(const aza_rule *r) { return S(r->manual); }
const char *aza_rule_types(const aza_rule *r)
{
	if (r->scope == AZA_SCOPE_SUBSCRIPTION)
		return r->types ? r->types : "Microsoft.Resources/subscriptions";
	if (r->scope == AZA_SCOPE_TENANT)
		return r->types ? r->types : "Microsoft.Resources/tenants";
	return S(r->types);
}
const char *aza_rule_defaults(const aza_rule *r) { return S(r->defaults); }
int aza_rule_is_manual(const aza_rule *r) { return r->check == NULL; }

int aza_rule__subject_next(const char **p, aza_subject *e)
{
	const char *s = *p ? *p + strspn(*p, " ") : "";
	size_t l = strcspn(s, " ");
	*p = s + l;
	if (!l)
		return 0;
	e->at = *s == '@';
	e->mg = e->at && s[1] == '@';
	e->type = s + e->at + e->mg;
	l -= (size_t)(e->at + e->mg);
	e->tl = strcspn(e->type, "= ");
	if (e->tl > l)
		e->tl = l;
	e->name = e->tl < l ? e->type + e->tl + 1 : NULL;
	e->nl = e->name ? l - e->tl - 1 : 0;
	return 1;
}

static const char *const status_names[] = {"PASS", "FAIL", "MANUAL", "UNKNOWN", "NOT_APPLICABLE", "SUPPRESSED"};
static const char *const sev_names[] = {"info", "low", "medium", "high", "critical"};
static const char *const area_names[] = {"iam", "storage", "database", "network", "logging",
                                         "vm", "defender", "keyvault", "appservice", "other"};
static const char *const area_titles[] = {
	"Identity and access management", "Storage accounts", "SQL and other databases",
	"Network security", "Logging and monitoring", "Virtual machines",
	"Defender for Cloud", "Key Vault", "App Service", "Other services"};
static const char *const resp_names[] = {
	"data governance and rights management", "endpoints", "accounts and access management",
	"identity and directory infrastructure", "applications", "network controls",
	"operating system"};

const char *aza_status_name(aza_status s)
{
	return (unsigned)s < AZA_STATUS_COUNT ? status_names[s] : "?";
}

const char *aza_severity_name(aza_severity s)
{
	return (unsigned)s <= AZA_SEV_CRITICAL ? sev_names[s] : "?";
}

int aza_severity_parse(const char *s, aza_severity *out)
{
	for (int i = 0; i <= AZA_SEV_CRITICAL; i++)
		if (aza__strieq(s, sev_names[i])) {
			*out = (aza_severity)i;
			return 0;
		}
	return AZA_EUSAGE;
}

int aza_status_parse(const char *s, aza_status *out)
{
	for (int i = 0; i < AZA_STATUS_COUNT; i++)
		if (aza__strieq(s, status_names[i])) {
			*out = (aza_status)i;
			return 0;
		}
	if (aza__strieq(s, "NA") || aza__strieq(s, "N/A")) {
		*out = AZA_NOT_APPLICABLE;
		return 0;
	}
	return AZA_EUSAGE;
}

const char *aza_area_name(aza_area a)
{
	return (unsigned)a < AZA_AREA_COUNT ? area_names[a] : "?";
}

const char *aza_area_title(aza_area a)
{
	return (unsigned)a < AZA_AREA_COUNT ? area_titles[a] : "?";
}

int aza_area_parse(const char *s, aza_area *out)
{
	for (int i = 0; i < AZA_AREA_COUNT; i++)
		if (aza__strieq(s, area_names[i])) {
			*out = (aza_area)i;
			return 0;
		}
	if (aza__strieq(s, "sql")) {
		*out = AZA_AREA_DATABASE;
		return 0;
	}
	return AZA_EUSAGE;
}

const char *aza_resp_name(aza_resp r)
{
	return (unsigned)r < AZA_RESP_COUNT ? resp_names[r] : "?";
}

const char *aza_model_name(unsigned bit)
{
	switch (bit) {
	case AZA_IAAS: return "IaaS";
	case AZA_PAAS: return "PaaS";
	case AZA_SAAS: return "SaaS";
	default: return "?";
	}
}
