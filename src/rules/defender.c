/*
 * defender.c - rules of the Defender for Cloud area: plans (pricings),
 * plan components, the default policy initiative's recommendations,
 * security contacts and notifications, auto provisioning, secure score.
 *
 * Almost everything here only raises alerts or recommendations: a plan that
 * is on detects, it does not block. Each rule's rationale says what has to
 * be enforced elsewhere (Azure Policy deny/deploy effects, the resource's own
 * setting) for the risk to be reduced rather than just reported.
 *
 * Subscription-level objects: findings go on the object (the pricing, the
 * contact, the assignment) when it is in the input, and on the subscription
 * when it is absent. An absent object is only judged when the data set was
 * collected (aza_ev_collected); otherwise the verdict is UNKNOWN.
 */
#include "rule.h"

#include <stdio.h>
#include <string.h>

#define PRICING "Microsoft.Security/pricings"
#define CONTACT "Microsoft.Security/securityContacts"
#define CONTACT1 "Microsoft.Security/securityContact" /* as some list exports spell the id */
#define AUTOPROV "Microsoft.Security/autoProvisioningSettings"
#define SETTING "Microsoft.Security/settings"
#define SCORE "Microsoft.Security/secureScores"
#define ASSESS "Microsoft.Security/assessments"
#define PA "Microsoft.Authorization/policyAssignments"
/* The Microsoft cloud security benchmark initiative (Defender's default). */
#define MCSB_SET "1f3afdf9-d0c9-4c3d-847f-89da613e70a8"

/* The object of `type` named `name` (any name when NULL) directly under the
 * subscription. */
static const aza_res *sub_obj(aza_ev *ev, const aza_res *sub, const char *type, const char *name)
{
	aza_inv *inv = aza_ev_inv(ev);
	for (const aza_res *r = aza_inv_child(inv, sub->id, type); r; r = aza_inv_next_child(r, sub->id))
		if (!name || aza__strieq(r->name, name))
			return r;
	return NULL;
}

/* A template object of `type` directly under the subscription whose name
 * is only known at deployment, or NULL: it may be the one a rule looks
 * for by name, so that one's absence proves nothing. */
static const aza_res *sub_obj_unnamed(aza_ev *ev, const aza_res *sub, const char *type)
{
	aza_inv *inv = aza_ev_inv(ev);
	for (const aza_res *r = aza_inv_child(inv, sub->id, type); r; r = aza_inv_next_child(r, sub->id))
		if (aza_name_unknown(r))
			return r;
	return NULL;
}

/* ---- plans ---- */

/* Were the subscription's pricings collected? The pricings list holds every
 * plan of the subscription, Free ones included: an input without data-set
 * metadata that holds pricings of other subscriptions but none of this one
 * did not collect this one's (aza_ev_collected would infer it from theirs). */
static int pricings_collected(aza_ev *ev, const aza_res *sub, const char **why)
{
	if (!aza_ev_collected(ev, PRICING, sub, why))
		return 0;
	if (!sub_obj(ev, sub, PRICING, NULL) && aza_inv_dataset_listed(aza_ev_inv(ev), PRICING) != 1) {
		*why = "the input holds no Microsoft.Security/pricings object of this subscription (only of others): its pricings were not collected";
		return 0;
	}
	return 1;
}

static const aza_res *pricing(aza_ev *ev, const aza_res *sub, const char *plan, const char *what)
{
	const aza_res *p = sub_obj(ev, sub, PRICING, plan);
	if (p)
		return p;
	const char *why;
	const aza_res *u = sub_obj_unnamed(ev, sub, PRICING);
	if (u)
		aza_unknown(ev, u, "no pricing is named %s, but pricing '%s' is named only at deployment: it may set %s", plan, u->name, what);
	else if (pricings_collected(ev, sub, &why))
		aza_fail(ev, sub, "no %s pricing for the subscription: %s is on the Free tier (off)", plan, what);
	else
		aza_unknown(ev, sub, "%s plan: %s", plan, why);
	return NULL;
}

/* 1 Standard, 0 Free (FAIL reported), -1 unreadable (UNKNOWN reported). */
static int tier(aza_ev *ev, const aza_res *p, const char *what, int report_pass)
{
	const char *t = NULL;
	int k = aza_prop_str(ev, p, "properties.pricingTier", &t);
	if (k <= 0) {
		aza_unknown(ev, p, "pricingTier is %s", k < 0 ? "not a string" : "absent");
		return -1;
	}
	if (aza__strieq(t, "Standard")) {
		/* resourcesCoverageStatus "reflects the coverage status of the
		 * resources under the subscription", which can differ from its
		 * pricingTier because "the plan status can also be defined at the
		 * resource level" (pricings API): NotCovered is a plan on for the
		 * subscription that covers none of its resources. */
		const char *cov = aza_json_str(aza_prop(ev, p, "properties.resourcesCoverageStatus"));
		if (cov && aza__strieq(cov, "NotCovered")) {
			aza_fail(ev, p, "pricingTier is Standard but resourcesCoverageStatus is NotCovered: the resources are excluded from the plan one by "
			                "one (resource-level pricing), so %s covers none of them", what);
			return 0;
		}
		if (report_pass) {
			/* Resources can be excluded one by one (a pricing on the
			 * resource): the plan is on, so it passes, but the message
			 * says that not all are covered. */
			const char *sp = aza_json_str(aza_prop(ev, p, "properties.subPlan"));
			aza_pass(ev, p, "pricingTier is Standard%s%s: %s is on%s", sp ? ", subPlan " : "", sp ? sp : "", what,
			         cov && aza__strieq(cov, "PartiallyCovered")
			             ? ", but resourcesCoverageStatus is PartiallyCovered: some resources are excluded from the plan"
			             : "");
		}
		return 1;
	}
	if (aza__strieq(t, "Free")) {
		aza_fail(ev, p, "pricingTier is Free: %s is off", what);
		return 0;
	}
	aza_unknown(ev, p, "pricingTier has an unexpected value '%s'", t);
	return -1;
}

static void plan_check(aza_ev *ev, const aza_res *sub, const char *plan, const char *what)
{
	const aza_res *p = pricing(ev, sub, plan, what);
	if (p)
		tier(ev, p, what, 1);
}

#define PLAN(fn, plan, what) \
	static void fn(aza_ev *ev, const aza_res *r) { plan_check(ev, r, plan, what); }
PLAN(plan_cspm, "CloudPosture", "Defender CSPM")
PLAN(plan_api, "Api", "Defender for APIs")
PLAN(plan_containers, "Containers", "Defender for Containers")

PLAN(plan_servers, "VirtualMachines", "Defender for Servers")
PLAN(plan_app, "AppServices", "Defender for App Service")
PLAN(plan_cosmos, "CosmosDbs", "Defender for Azure Cosmos DB")
PLAN(plan_oss, "OpenSourceRelationalDatabases", "Defender for open-source relational databases")
PLAN(plan_sql, "SqlServers", "Defender for Azure SQL databases")
PLAN(plan_sqlvm, "SqlServerVirtualMachines", "Defender for SQL servers on machines")
PLAN(plan_kv, "KeyVaults", "Defender for Key Vault")
PLAN(plan_arm, "Arm", "Defender for Resource Manager")

/* Defender for Storage names its plan in subPlan: DefenderForStorageV2 is
 * the current one (the pricings API's ListPricings example, 2024-01-01,
 * lists it with its OnUploadMalwareScanning and SensitiveDataDiscovery
 * extensions); PerTransaction and PerStorageAccount are the two pricing
 * plans of Defender for Storage (classic), which has neither malware
 * scanning nor sensitive data threat detection (Microsoft Learn, Enable
 * Microsoft Defender for Storage (classic); Migrate from Defender for
 * Storage (classic) to the new plan). CIS 8.1.5.1 asks only that the plan
 * be on, and the classic plan does detect threats to the accounts: it
 * passes, and the message names it and what it lacks. */
static void plan_storage(aza_ev *ev, const aza_res *r)
{
	const aza_res *p = pricing(ev, r, "StorageAccounts", "Defender for Storage");
	if (!p)
		return;
	/* The sub-plan is read only when the plan is on: a template value
	 * only known at deployment would make a Free plan's FAIL UNKNOWN. */
	const char *sp = NULL, *t = aza_json_str(aza_prop(ev, p, "properties.pricingTier"));
	int k = t && aza__strieq(t, "Standard") ? aza_prop_str(ev, p, "properties.subPlan", &sp) : 1;
	const char *what = "Defender for Storage";
	if (k > 0 && sp && (aza__strieq(sp, "PerTransaction") || aza__strieq(sp, "PerStorageAccount")))
		what = aza_ev_fmt(ev, "Defender for Storage (classic, %s pricing: without malware scanning or sensitive data threat "
		                      "detection, which only the DefenderForStorageV2 plan has)",
		                  aza__strieq(sp, "PerTransaction") ? "per-transaction" : "per-storage-account");
	else if (k <= 0)
		what = aza_ev_fmt(ev, "Defender for Storage (subPlan %s: whether the plan is DefenderForStorageV2 or the classic one is "
		                      "not known)",
		                  k ? "cannot be read" : "is not set");
	tier(ev, p, what, 1);
}

/* An extension entry whose last enablement failed: operationStatus is "a
 * status describing the success/failure of the extension's
 * enablement/disablement operation" (pricings API, 2024-01-01), and the
 * PutPricingByNamePartialSuccess example lists extensions with isEnabled
 * "True" next to code Failed ("Failed assigning roles ... for plan"): the
 * extension was asked for but is not running. Its message, or NULL. */
static const char *ext_failed(const aza_json *e)
{
	const aza_json *os = aza_json_get(e, "operationStatus");
	if (!aza_json_streq(aza_json_get(os, "code"), "Failed"))
		return NULL;
	const char *m = aza_json_str(aza_json_get(os, "message"));
	return m ? m : "no message";
}

/* The plan's extension entry named ext: 1 isEnabled True (and its
 * enablement did not fail), 0 False, failed or not listed, -1 listed with
 * an isEnabled that is not "True"/"False". */
static int plan_ext(aza_ev *ev, const aza_res *p, const char *ext)
{
	aza_json_each(e, aza_prop(ev, p, "properties.extensions")) {
		if (!aza_json_streq(aza_json_get(e, "name"), ext))
			continue;
		int b;
		if (!aza_json_bool(aza_json_get(e, "isEnabled"), &b))
			return -1;
		return b && !ext_failed(e);
	}
	return 0;
}

/* A Defender for Servers component, listed in the plan's extensions with
 * isEnabled "True"/"False" (a string in the API). `p2` (or NULL) says
 * what else runs the component when it needs Plan 2. */
static void servers_ext(aza_ev *ev, const aza_res *sub, const char *ext, const char *what, const char *p2)
{
	const aza_res *p = pricing(ev, sub, "VirtualMachines", "Defender for Servers");
	if (!p)
		return;
	int t = tier(ev, p, "Defender for Servers (and with it the component)", 0);
	if (t <= 0)
		return;
	/* File integrity monitoring and agentless scanning are Plan 2
	 * features: Plan 1 does not run them, whatever an extension entry
	 * says. Microsoft's own "Configure Microsoft Defender for Servers
	 * plan" policy sets AgentlessVmScanning to false for P1. An absent
	 * subPlan is the full plan ("When not specified, full plan is
	 * applied", pricings API). */
	const char *sp = aza_json_str(aza_prop(ev, p, "properties.subPlan"));
	if (p2 && sp && aza__strieq(sp, "P1")) {
		aza_fail(ev, p, "subPlan is P1: %s needs Defender for Servers Plan 2%s, so it is off", what, p2);
		return;
	}
	const aza_json *exts = aza_prop(ev, p, "properties.extensions");
	aza_json_each(e, exts) {
		if (!aza_json_streq(aza_json_get(e, "name"), ext))
			continue;
		int b;
		if (!aza_json_bool(aza_json_get(e, "isEnabled"), &b)) {
			aza_unknown(ev, p, "extension %s: isEnabled is missing or not a boolean", ext);
			return;
		}
		const char *failed = b ? ext_failed(e) : NULL;
		if (failed)
			aza_fail(ev, p, "extension %s isEnabled True, but its enablement failed (operationStatus Failed: %s): %s is not running",
			         ext, failed, what);
		else if (b)
			aza_pass(ev, p, "extension %s isEnabled True: %s is on", ext, what);
		else
			aza_fail(ev, p, "extension %s isEnabled False: %s is off", ext, what);
		return;
	}
	aza_fail(ev, p, "extension %s is not listed on the VirtualMachines plan: %s is off", ext, what);
}

/* Agentless machine scanning runs under Defender CSPM as well as under
 * Servers Plan 2 (Microsoft Learn, Agentless machine scanning: "available
 * in Defender CSPM and Defender for Servers Plan 2"; malware scanning only
 * in Plan 2): the CloudPosture plan lists its own AgentlessVmScanning
 * extension (ListPricings example, 2024-01-01). So the machines are
 * scanned when either plan has it on; the Servers plan decides otherwise. */
static void agentless_scan(aza_ev *ev, const aza_res *r)
{
	const aza_res *c = sub_obj(ev, r, PRICING, "CloudPosture");
	const aza_res *v = sub_obj(ev, r, PRICING, "VirtualMachines");
	const char *vt = v ? aza_json_str(aza_prop(ev, v, "properties.pricingTier")) : NULL;
	const char *sp = v ? aza_json_str(aza_prop(ev, v, "properties.subPlan")) : NULL;
	/* A Servers plan whose machines are all excluded (NotCovered) scans
	 * none: the CSPM plan may still scan them. */
	int v_scans = vt && aza__strieq(vt, "Standard") && !(sp && aza__strieq(sp, "P1")) &&
	              !aza_json_streq(aza_prop(ev, v, "properties.resourcesCoverageStatus"), "NotCovered") &&
	              plan_ext(ev, v, "AgentlessVmScanning") == 1;
	/* Read only when it decides: a template value only known at
	 * deployment makes whatever the check then reports UNKNOWN. */
	const char *ct = !v_scans && c ? aza_json_str(aza_prop(ev, c, "properties.pricingTier")) : NULL;
	/* A CSPM plan whose resources are all excluded (resourcesCoverageStatus
	 * NotCovered, as in tier()) scans none of them. */
	int c_none = ct && aza_json_streq(aza_prop(ev, c, "properties.resourcesCoverageStatus"), "NotCovered");
	if (ct && aza__strieq(ct, "Standard") && !c_none && plan_ext(ev, c, "AgentlessVmScanning") == 1) {
		aza_pass(ev, c, "Defender CSPM (pricingTier Standard) has extension AgentlessVmScanning isEnabled True: agentless scanning for "
		                "machines is on (malware scanning needs Defender for Servers Plan 2)");
		return;
	}
	servers_ext(ev, r, "AgentlessVmScanning", "agentless scanning for machines",
	            " (or Defender CSPM with its AgentlessVmScanning extension on)");
}

static void fim(aza_ev *ev, const aza_res *r)
{
	servers_ext(ev, r, "FileIntegrityMonitoring", "file integrity monitoring", "");
}

/* WDATP on with Defender for Servers: Linux machines too, unless the
 * setting WDATP_EXCLUDE_LINUX_PUBLIC_PREVIEW is enabled. In subscriptions
 * whose integration was on before Linux support came (Microsoft Learn,
 * "Enable the Microsoft Defender for Endpoint integration": legacy
 * subscriptions "might need to manually enable the integration for Linux
 * machines"), that setting is enabled: Microsoft's "Enable MDE Integration
 * for Linux" script turns Linux on by setting it to enabled false. Absent,
 * nothing is excluded (new subscriptions include Linux).
 *
 * WDATP_UNIFIED_SOLUTION is the like switch for Windows Server 2012 R2 and
 * 2016, which have no built-in sensor: with it on, Defender for Cloud installs
 * the unified Defender for Endpoint agent on them. The same page says both
 * settings "are relevant for legacy subscriptions" (the integration on before
 * the features came, August 2021 and spring 2022) and that new subscriptions
 * get both with WDATP alone. So enabled false leaves those two Windows
 * versions out only in a legacy subscription, which the settings do not
 * tell apart (the REST examples list it false), and only where such machines
 * run: a note on the verdict, not a FAIL. */
static const char *wdatp_unified_note(aza_ev *ev, const aza_res *sub)
{
	const aza_res *u = sub_obj(ev, sub, SETTING, "WDATP_UNIFIED_SOLUTION");
	int b = 0, k = u ? aza_prop_bool(ev, u, "properties.enabled", &b) : 0;
	if (k > 0 && !b)
		return "; WDATP_UNIFIED_SOLUTION enabled is false: in a subscription whose integration was on before spring 2022, "
		       "Windows Server 2012 R2 and 2016 machines do not get the unified Defender for Endpoint agent until it is "
		       "enabled (the Endpoint protection component then shows Partial)";
	return "";
}

/* Standard Defender for Servers with WDATP on: the Linux exclusion decides. */
static aza_status wdatp_linux(aza_ev *ev, const aza_res *sub, const char **msg)
{
	const aza_res *x = sub_obj(ev, sub, SETTING, "WDATP_EXCLUDE_LINUX_PUBLIC_PREVIEW");
	int b = 0, k = x ? aza_prop_bool(ev, x, "properties.enabled", &b) : 0;
	const char *unified = wdatp_unified_note(ev, sub);
	if (k < 0) {
		*msg = aza_ev_fmt(ev, "WDATP enabled is true and Defender for Servers is Standard, but WDATP_EXCLUDE_LINUX_PUBLIC_PREVIEW enabled is "
		                      "not a boolean: whether Linux machines are excluded is unknown%s", unified);
		return AZA_UNKNOWN;
	}
	if (k && b) {
		*msg = aza_ev_fmt(ev, "WDATP enabled is true and Defender for Servers is Standard, but WDATP_EXCLUDE_LINUX_PUBLIC_PREVIEW is enabled: "
		                      "Linux machines are excluded from the Defender for Endpoint integration%s", unified);
		return AZA_FAIL;
	}
	*msg = aza_ev_fmt(ev, "WDATP enabled is true and Defender for Servers is Standard: Defender for Endpoint is deployed to servers%s%s",
	                  k ? " (WDATP_EXCLUDE_LINUX_PUBLIC_PREVIEW enabled false: Linux included)" : "", unified);
	return AZA_PASS;
}

/* Does the Defender for Endpoint integration deploy its sensor to the
 * subscription's machines? The verdict of AZA-DEF-013, which AZA-DEF-033
 * takes over: its status, the resource it is on (*on: the WDATP setting,
 * or the subscription when it has none) and its message (*msg, valid until
 * the check returns). */
static aza_status wdatp_judge(aza_ev *ev, const aza_res *r, const aza_res **on, const char **msg)
{
	const aza_res *s = sub_obj(ev, r, SETTING, "WDATP");
	if (!s) {
		const char *why;
		const aza_res *u = sub_obj_unnamed(ev, r, SETTING);
		*on = u ? u : r;
		if (u) {
			*msg = aza_ev_fmt(ev, "no setting is named WDATP, but setting '%s' is named only at deployment: it may be WDATP", u->name);
			return AZA_UNKNOWN;
		}
		if (aza_ev_collected(ev, SETTING, r, &why)) {
			*msg = "no WDATP setting for the subscription: the Defender for Endpoint integration is not on";
			return AZA_FAIL;
		}
		*msg = aza_ev_fmt(ev, "WDATP setting: %s", why);
		return AZA_UNKNOWN;
	}
	*on = s;
	int b, k = aza_prop_bool(ev, s, "properties.enabled", &b);
	if (k < 0) {
		*msg = "enabled is not a boolean";
		return AZA_UNKNOWN;
	}
	if (k == 0) {
		*msg = "enabled is absent from the WDATP setting";
		return AZA_UNKNOWN;
	}
	if (!b) {
		*msg = "WDATP enabled is false: the Defender for Endpoint integration is off";
		return AZA_FAIL;
	}
	/* The integration deploys Defender for Endpoint only to machines
	 * covered by Defender for Servers. */
	const aza_res *p = sub_obj(ev, r, PRICING, "VirtualMachines");
	const char *t = p ? aza_json_str(aza_prop(ev, p, "properties.pricingTier")) : NULL, *why = NULL;
	/* A pricing named only at deployment may be the Servers plan. */
	const aza_res *u = p ? NULL : sub_obj_unnamed(ev, r, PRICING);
	if (u) {
		*msg = aza_ev_fmt(ev, "WDATP enabled is true, but no pricing is named VirtualMachines and pricing '%s' is named only at deployment: "
		                      "whether it turns on Defender for Servers is unknown", u->name);
		return AZA_UNKNOWN;
	}
	if ((t && aza__strieq(t, "Free")) || (!p && pricings_collected(ev, r, &why))) {
		*msg = aza_ev_fmt(ev, "WDATP enabled is true but Defender for Servers is %s: the integration deploys Defender for Endpoint to no machine",
		                  t ? "on the Free tier" : "not on (no VirtualMachines pricing)");
		return AZA_FAIL;
	}
	if (t && aza__strieq(t, "Standard") && aza_json_streq(aza_prop(ev, p, "properties.resourcesCoverageStatus"), "NotCovered")) {
		*msg = "WDATP enabled is true but the VirtualMachines plan's resourcesCoverageStatus is NotCovered: every machine is "
		       "excluded from Defender for Servers, so the integration deploys Defender for Endpoint to none";
		return AZA_FAIL;
	}
	if (t && aza__strieq(t, "Standard"))
		return wdatp_linux(ev, r, msg);
	/* Without the plan's tier the setting may cover no machine at all. */
	if (!p)
		*msg = aza_ev_fmt(ev, "WDATP enabled is true, but whether Defender for Servers (the VirtualMachines plan) is on is unknown: %s", why);
	else if (t)
		*msg = aza_ev_fmt(ev, "WDATP enabled is true but the VirtualMachines pricingTier has an unexpected value '%s'", t);
	else
		*msg = "WDATP enabled is true but the VirtualMachines pricingTier is absent or not a string";
	return AZA_UNKNOWN;
}

/* Report a verdict worked out beforehand (its message is already
 * formatted). */
static void report(aza_ev *ev, aza_status st, const aza_res *r, const char *msg)
{
	if (st == AZA_PASS)
		aza_pass(ev, r, "%s", msg);
	else if (st == AZA_FAIL)
		aza_fail(ev, r, "%s", msg);
	else
		aza_unknown(ev, r, "%s", msg);
}

static void wdatp(aza_ev *ev, const aza_res *r)
{
	const aza_res *on;
	const char *msg;
	aza_status st = wdatp_judge(ev, r, &on, &msg);
	report(ev, st, on, msg);
}

/* ---- recommendations in the default initiative ---- */

static int is_mcsb(aza_ev *ev, const aza_res *a)
{
	/* The name is Defender's default assignment, but only the definition
	 * says what it assigns: the name counts when the definition is absent. */
	const char *def = aza_json_str(aza_prop(ev, a, "properties.policyDefinitionId"));
	if (def)
		return aza__strieq(aza_last_seg(def), MCSB_SET);
	return aza__strieq(a->name, "SecurityCenterBuiltIn");
}

/* Effects under which the policy still assesses resources. The policies
 * these rules read take AuditIfNotExists or Disabled (their effect
 * parameters' allowedValues in the initiative), and Azure checks an
 * override's value against that list; the other effects are here for a
 * policy that allows them. */
static int effect_assesses(const char *e)
{
	static const char *const on[] = {"AuditIfNotExists", "Audit", "Deny", "DeployIfNotExists"};
	for (size_t i = 0; i < sizeof on / sizeof on[0]; i++)
		if (aza__strieq(e, on[i]))
			return 1;
	return 0;
}

/* The initiative version the reference ids below were read from. */
#define MCSB_VERSION "57.37.0"

/* An effect parameter of the benchmark initiative and the policies whose
 * effect the initiative sets from it, by policyDefinitionReferenceId. The
 * ids are looked up, not derived from the parameter's name: the initiative
 * keeps "Effect" in some (endpointProtectionHealthIssuesMonitoringEffect
 * is both parameter and reference id), drops it in others
 * (installEndpointProtectionMonitoringEffect feeds installEndpointProtection)
 * and feeds several policies from one parameter (ArcWindowsMonitoringEffect).
 * Source: the initiative's definition in Azure/azure-policy,
 * built-in-policies/policySetDefinitions/Security Center/AzureSecurityCenter.json,
 * version 57.37.0. */
struct rec_param {
	const char *param;
	const char *refs[3]; /* NULL-terminated */
};

/* A class of recommendation a rule checks, with every parameter whose
 * policies produce it. The initiative assesses one class with several
 * policies (machines and scale sets, the older engine and the newer one,
 * a guest configuration policy per OS), each switched off by its own
 * parameter: a rule that read one of them would pass an assignment that
 * switched the others off. */
#define REC_MAXP 4
struct rec {
	const char *what;                  /* for the messages: "system update" */
	struct rec_param ps[REC_MAXP + 1]; /* ended by a NULL param */
};

/* The reference ids behind `rc`, for a message. */
static const char *rec_refs(aza_ev *ev, const struct rec *rc)
{
	const char *s = NULL;
	for (const struct rec_param *p = rc->ps; p->param; p++)
		for (size_t k = 0; p->refs[k]; k++)
			s = s ? aza_ev_fmt(ev, "%s, %s", s, p->refs[k]) : p->refs[k];
	return s ? s : "(none)";
}

/* Do the selectors of a policyEffect override reach the initiative's policy
 * `ref` (its policyDefinitionReferenceId), whose effect parameter is
 * `param`? 1 yes, 0 no, -1 cannot tell; *how says why, for the message.
 * Selectors all have to match. */
static int override_reaches(aza_ev *ev, const aza_json *sels, const char *ref, const char *param, const char **how)
{
	if (!sels || aza_json_is(sels, AZA_JNULL) || (aza_json_is(sels, AZA_JARR) && !aza_json_len(sels))) {
		*how = "it has no selector, so it covers every policy of the initiative";
		return 1;
	}
	if (!aza_json_is(sels, AZA_JARR)) {
		*how = "its selectors are not an array";
		return -1;
	}
	int res = 1;
	const char *unsure = NULL;
	*how = NULL;
	aza_json_each(sel, sels) {
		const char *kind = aza_json_str(aza_json_get(sel, "kind"));
		/* Other kinds (resourceLocation) cover part of the resources:
		 * the recommendation is then off for some of them. */
		if (!kind || !aza__strieq(kind, "policyDefinitionReferenceId")) {
			if (!unsure)
				unsure = aza_ev_fmt(ev, "it has a selector of kind '%s' that azaudit does not evaluate", kind ? kind : "(none)");
			res = -1;
			continue;
		}
		const aza_json *in = aza_json_get(sel, "in"), *nin = aza_json_get(sel, "notIn");
		int has_in = in && !aza_json_is(in, AZA_JNULL), has_nin = nin && !aza_json_is(nin, AZA_JNULL);
		if ((!has_in && !has_nin) || (has_in && !aza_json_is(in, AZA_JARR)) || (has_nin && !aza_json_is(nin, AZA_JARR))) {
			if (!unsure)
				unsure = "its policyDefinitionReferenceId selector has no in or notIn list";
			res = -1;
			continue;
		}
		/* A selector naming the effect parameter: in the version the ids
		 * were read from it names no policy, so it would leave this one
		 * alone (in) or in (notIn). But the initiative names its newer
		 * policies after their parameter (keyVaultsAdvancedDataSecurity-
		 * MonitoringEffect), so in another version it may be this
		 * policy's id: the verdict would turn on the table being current. */
		int named_param = 0;
		if (has_in) {
			if (aza_json_has_str(in, ref)) {
				if (!*how)
					*how = aza_ev_fmt(ev, "its selector lists %s", ref);
			} else if (aza_json_has_str(in, param)) {
				named_param = 1;
			} else {
				return 0;
			}
		}
		if (has_nin) {
			if (aza_json_has_str(nin, ref))
				return 0;
			if (aza_json_has_str(nin, param))
				named_param = 1;
			else if (!*how)
				*how = aza_ev_fmt(ev, "its selector's notIn does not list %s", ref);
		}
		if (named_param) {
			if (!unsure)
				unsure = aza_ev_fmt(ev, "its selector lists %s, the effect parameter, not the policy's reference id "
				                        "(%s in initiative version " MCSB_VERSION ", whose newer policies take their parameter's name)",
				                    param, ref);
			res = -1;
		}
	}
	if (res < 0)
		*how = unsure;
	return res;
}

/* A policyEffect override of assignment `a` (aza_override_first) that
 * switches a policy behind `rc` off: 1 when one clearly does, -1 when one
 * may (with *msg), 0 when none touches them. One that clearly does wins
 * over an earlier one azaudit cannot read. */
static int override_off(aza_ev *ev, const aza_res *a, const struct rec *rc, const char **msg)
{
	struct aza_override o;
	int st = aza_override_first(ev, a, &o);
	if (st <= 0) {
		if (st < 0)
			*msg = "overrides is not an array";
		return st;
	}
	st = 0;
	while (aza_override_next(&o)) {
		size_t n = o.n;
		const char *kind = o.kind, *val = o.value;
		if (!kind || !val) {
			if (!st) {
				st = -1;
				const char *refs = rec_refs(ev, rc);
				*msg = aza_ev_fmt(ev, "overrides[%zu] has no %s string: whether it switches off %s %s cannot be decided", n,
				                  kind ? "value" : "kind", strchr(refs, ',') ? "any of the policies" : "policy", refs);
			}
			continue;
		}
		if (effect_assesses(val))
			continue;
		/* One policy of the recommendation switched off is enough: the
		 * message names it and the parameter it would otherwise take. */
		for (const struct rec_param *p = rc->ps; p->param; p++)
			for (size_t k = 0; p->refs[k]; k++) {
				const char *how;
				int r = override_reaches(ev, aza_json_get(o.entry, "selectors"), p->refs[k], p->param, &how);
				if (r > 0) {
					*msg = aza_ev_fmt(ev, "overrides[%zu] sets the effect to %s and %s: policy %s (effect parameter %s) is off", n,
					                  val, how, p->refs[k], p->param);
					return 1;
				}
				if (r < 0 && !st) {
					st = -1;
					*msg = aza_ev_fmt(ev, "overrides[%zu] sets the effect to %s and %s: whether it reaches policy %s (effect parameter %s) cannot be decided",
					                  n, val, how, p->refs[k], p->param);
				}
			}
	}
	return st;
}

/* Does a policy exemption take the subscription out of benchmark
 * assignment a, or out of one of the policies behind rc (its
 * policyDefinitionReferenceIds list one of their reference ids, or none)?
 * The policy then assesses nothing there, whichever category (Waiver or
 * Mitigated) it has: that part of the recommendations is off, as with a
 * Disabled parameter. 1 yes, 2 for a resource group or resource of it (as
 * aza_policy_exempt), -1 maybe, 0 no (*msg as aza_policy_exempt:
 * on 0, the clause a PASS ends with, or NULL). An exemption listing an
 * effect parameter's name may list a policy of another version of the
 * initiative (see override_reaches): -1. */
static int rec_exempt(aza_ev *ev, const aza_res *a, const aza_res *sub, const struct rec *rc, const char **msg)
{
	const char *m = NULL, *unsure = NULL, *note = NULL, *part = NULL;
	for (const struct rec_param *p = rc->ps; p->param; p++)
		for (size_t k = 0; p->refs[k]; k++) {
			int x = aza_policy_exempt(ev, a, sub, p->refs[k], NULL, &m);
			if (x == 1) {
				*msg = m;
				return 1;
			}
			/* Part of the scope out: one policy exempted from all of it
			 * is named instead. */
			if (x == 2 && !part)
				part = m;
			if (x < 0 && !unsure)
				unsure = m;
			if (!x && m)
				note = m;
			if (!x && !aza__strieq(p->param, p->refs[k]) && aza_policy_exempt(ev, a, sub, p->param, NULL, &m) > 0 && !unsure)
				unsure = aza_ev_fmt(ev, "%s, the effect parameter, not the policy's reference id (%s in initiative version " MCSB_VERSION
				                        ", whose newer policies take their parameter's name): whether it exempts policy %s cannot be decided",
				                    m, p->refs[k], p->refs[k]);
		}
	if (part) {
		*msg = part;
		return 2;
	}
	*msg = unsure ? unsure : note;
	return unsure ? -1 : 0;
}

/* What policy_param has found that keeps an assignment from proving its
 * PASS: the first one left out of all of the scope (else the first left
 * out of part of it), and the first reason for an UNKNOWN. */
struct rec_pick {
	const aza_res *exempt, *unsure;
	const char *exempt_msg, *unsure_msg;
	int exempt_part; /* exempt takes out only part of the scope */
};

/* Keep a as the reason for an UNKNOWN, unless one is kept already. */
static void rec_unsure(struct rec_pick *pk, const aza_res *a, const char *msg)
{
	if (!pk->unsure) {
		pk->unsure = a;
		pk->unsure_msg = msg;
	}
}

/* What an exemption or a notScope (x as rec_exempt and rec_notscope give
 * it, msg saying which) does to assignment a's verdict: one that takes
 * out all of the scope is kept over one that takes out part of it (the
 * first of each); a doubtful one is kept as the first reason for an
 * UNKNOWN. 1 when a assesses nothing more for the scope (the caller goes
 * on to the next assignment). */
static int rec_left_out(struct rec_pick *pk, const aza_res *a, int x, const char *msg)
{
	if (x > 0) {
		if (!pk->exempt || (x == 1 && pk->exempt_part)) {
			pk->exempt = a;
			pk->exempt_msg = msg;
			pk->exempt_part = x == 2;
		}
		return 1;
	}
	if (x < 0)
		rec_unsure(pk, a, msg);
	return 0;
}

/* Do the notScopes of benchmark assignment a leave the scope judged out?
 * Resources in an excluded scope are not evaluated (Microsoft Learn,
 * "Understand scope in Azure Policy": notScopes), so what the assignment
 * assesses there is off, as under an exemption. 1: a notScope holds the
 * subscription (or group) judged; 2: one lies within it (a resource group
 * or a resource; in a template-only scan, a group or subscription the
 * templates' parents place below the group judged, a resource group or
 * resource of such a subscription, or any notScope of an assignment at the
 * group itself: aza_scope_below, as for an exemption), so the assignment
 * no longer covers all of it; -1: one at another management group, or one
 * that cannot be read (*msg says which); 0: none. */
static int rec_notscope(aza_ev *ev, const aza_res *a, const aza_res *sub, const char **msg)
{
	const aza_json *ns;
	const char *part = NULL, *unsure = NULL, *noun = aza_scope_noun(sub);
	int st = aza_notscopes(ev, a, &ns);
	*msg = NULL;
	if (!st)
		return 0;
	if (st < 0) {
		*msg = aza_ev_fmt(ev, "assignment '%s': notScopes is not an array, so whether it leaves the %s out cannot be read", a->name, noun);
		return -1;
	}
	int own = aza__strieq(a->parent, sub->id);
	aza_json_each(n, ns) {
		const char *x = aza_json_str(n);
		switch (aza_scope_at(ev, x, sub, own, AZA_AT_ABOVE | AZA_AT_BELOW)) {
		case AZA_AT_UNREAD:
			if (!unsure)
				unsure = aza_ev_fmt(ev, "assignment '%s': a notScopes entry is not a string, so whether it leaves the %s out cannot be read",
				                    a->name, noun);
			break;
		case AZA_AT_HOLDS:
			*msg = aza_ev_fmt(ev, "assignment '%s' lists %s in its notScopes, which holds the %s: the assignment does not evaluate it", a->name,
			                  x, noun);
			return 1;
		case AZA_AT_ABOVE:
			*msg = aza_ev_fmt(ev, "assignment '%s' lists %s in its notScopes, above the %s by the templates' management group parents: "
			                      "the assignment does not evaluate it", a->name, x, noun);
			return 1;
		case AZA_AT_BELOW:
			if (!part)
				part = x;
			break;
		case AZA_AT_UNPLACED:
			if (!unsure)
				unsure = aza_ev_fmt(ev, "assignment '%s' lists %s in its notScopes; the input does not say whether the %s is below it", a->name, x,
				                    noun);
			break;
		}
	}
	if (part) {
		*msg = aza_ev_fmt(ev, "assignment '%s' lists %s, within the %s, in its notScopes: resources there are not evaluated", a->name, part,
		                  noun);
		return 2;
	}
	*msg = unsure;
	return unsure ? -1 : 0;
}

/* No effect parameter of rc may be "Disabled" in any assignment that
 * applies to the subscription (or, in a template-only scan, the management
 * group: rule.h, .subject "@@"), nor a policy behind one be overridden to an
 * effect that does not assess. Absent: the initiative's default effect
 * (AuditIfNotExists for every parameter here that a policy reads) applies.
 * One parameter Disabled
 * anywhere is FAIL even when another cannot be read: the recommendation is
 * off for that part whatever the other says. */
static void policy_param(aza_ev *ev, const aza_res *sub, const struct rec *rc)
{
	aza_inv *inv = aza_ev_inv(ev);
	const aza_res *first = NULL, *elsewhere = NULL, *maybe = NULL;
	const char *what = rc->what, *note = "";
	struct rec_pick pk = {0};
	size_t np = 0;
	while (rc->ps[np].param)
		np++;
	char path[160];
	const char *self = aza_ev_fmt(ev, "the %s", aza_scope_noun(sub));
	for (const aza_res *a = aza_inv_first(inv, PA); a; a = a->next_of_type) {
		/* At or above the scope; at another management group, the
		 * templates' parents may say the scope is below it (1), or not
		 * (0). */
		int in = aza_id_within(sub->id, a->parent) ? 1
		         : aza__istarts(a->parent, AZA_MG_PREFIX) ? aza_ev_mg_within(ev, sub->id, a->parent)
		                                                   : -1;
		if (!is_mcsb(ev, a)) {
			/* A template's definition only known at deployment may be it. */
			if (!maybe && in > 0 && aza_json_is(aza_prop(ev, a, "properties.policyDefinitionId"), AZA_JUNKNOWN))
				maybe = a;
			continue;
		}
		if (in <= 0) {
			if (!*a->sub && !elsewhere && (in < 0 || aza_is_mg(sub)))
				elsewhere = a;
			continue;
		}
		/* Where the verdict's scope is, named: through the templates'
		 * parents, several scopes judge the same assignment. */
		const char *whom = aza__strieq(a->parent, sub->id) ? self
		                   : aza_id_within(sub->id, a->parent)
		                       ? a->parent
		                       : aza_ev_fmt(ev, "the %s %s, below %s by the templates' management group parents", aza_scope_noun(sub),
		                                    sub->name, a->parent);
		/* Resource Manager returns an assignment with its properties: one
		 * without them (a trimmed export) does not say its parameters,
		 * overrides or notScopes, whose absence would read as the
		 * initiative's defaults. */
		if (!aza_json_is(aza_prop(ev, a, "properties"), AZA_JOBJ)) {
			rec_unsure(&pk, a, aza_ev_fmt(ev, "assignment '%s' has no properties object: its parameters, overrides and notScopes "
			                                  "are not in the input", a->name));
			continue;
		}
		for (const struct rec_param *p = rc->ps; p->param; p++) {
			/* A parameter is an object holding its value: one that is
			 * not (the bare string "Disabled") sets no value azaudit can
			 * read, and is not the initiative's default either. */
			snprintf(path, sizeof path, "properties.parameters.%s", p->param);
			const aza_json *pv = aza_prop(ev, a, path);
			if (pv && !aza_json_is(pv, AZA_JNULL) && !aza_json_is(pv, AZA_JOBJ)) {
				rec_unsure(&pk, a, aza_ev_fmt(ev, "parameter %s is not an object with a value", p->param));
				continue;
			}
			snprintf(path, sizeof path, "properties.parameters.%s.value", p->param);
			const aza_json *v = aza_prop(ev, a, path);
			const char *s = aza_json_str(v);
			if (v && !aza_json_is(v, AZA_JNULL) && !s) {
				rec_unsure(&pk, a, aza_ev_fmt(ev, "parameter %s is not a string", p->param));
				continue;
			}
			if (s && aza__strieq(s, "Disabled")) {
				aza_fail(ev, a, "parameter %s is Disabled: %s recommendations are off for %s", p->param, what, whom);
				return;
			}
		}
		/* An override beats the parameter: the effect it sets is the one
		 * the policy runs with. */
		const char *om = NULL;
		int off = override_off(ev, a, rc, &om);
		if (off > 0) {
			aza_fail(ev, a, "%s: %s recommendations are off for %s", om, what, whom);
			return;
		}
		if (off < 0)
			rec_unsure(&pk, a, om);
		/* An exempted assignment assesses nothing for the subscription:
		 * another benchmark assignment may still pass it. */
		const char *xm = NULL;
		int x = rec_notscope(ev, a, sub, &xm);
		if (rec_left_out(&pk, a, x, xm))
			continue;
		/* An assignment with resource selectors evaluates only the
		 * resources one of them selects (Azure Policy assignment
		 * structure, "Resource selectors"): by location or type, which
		 * azaudit does not place against the recommendation's machines
		 * and servers (so no resource type is asked about: any
		 * resourceSelectors, even ones that cannot be read, leave it
		 * undecided). */
		const char *rw;
		if (aza_selectors_reach(ev, a, NULL, &rw) != AZA_SEL_NONE && !pk.unsure)
			rec_unsure(&pk, a, aza_ev_fmt(ev, "assignment '%s' has resourceSelectors: it evaluates only the resources they select, "
			                                  "so whether %s recommendations are on for all of %s cannot be decided", a->name, what, whom));
		x = rec_exempt(ev, a, sub, rc, &xm);
		if (rec_left_out(&pk, a, x, xm))
			continue;
		if (!first) {
			first = a;
			note = xm ? xm : "";
			if (!aza_id_within(sub->id, a->parent))
				note = aza_ev_fmt(ev, "%s (for %s)", note, whom);
		}
	}
	if (pk.unsure) {
		aza_unknown(ev, pk.unsure, "%s", pk.unsure_msg);
		return;
	}
	if (first) {
		/* What the first assignment says of each parameter; every
		 * assignment in scope was checked. */
		const char *vals = NULL;
		for (const struct rec_param *p = rc->ps; p->param; p++) {
			snprintf(path, sizeof path, "properties.parameters.%s.value", p->param);
			const char *s = aza_json_str(aza_prop(ev, first, path));
			const char *one = s ? aza_ev_fmt(ev, "%s is %s", p->param, s) : aza_ev_fmt(ev, "%s not set", p->param);
			vals = vals ? aza_ev_fmt(ev, "%s, %s", vals, one) : one;
		}
		const char *param = rc->ps[0].param;
		const char *s = aza_json_str(aza_prop(ev, first, aza_ev_fmt(ev, "properties.parameters.%s.value", param)));
		if (np > 1)
			aza_pass(ev, first, "%zu effect parameters checked, none Disabled and no override switching off their policies (%s): %s "
			                    "(a parameter not set takes the initiative's default, AuditIfNotExists): %s recommendations are on%s",
			         np, rec_refs(ev, rc), vals, what, note);
		else if (s)
			aza_pass(ev, first, "parameter %s is %s: %s recommendations are on%s", param, s, what, note);
		else
			aza_pass(ev, first, "parameter %s not set: the default effect (AuditIfNotExists) applies, %s recommendations are on%s",
			         param, what, note);
		return;
	}
	if (pk.exempt) {
		/* Off for a resource group or a resource: not on for the whole
		 * subscription. */
		if (pk.exempt_part)
			aza_fail(ev, pk.exempt, "%s: %s recommendations are off there, so not on for all of %s", pk.exempt_msg, what, self);
		else
			aza_fail(ev, pk.exempt, "%s: %s recommendations are off for %s", pk.exempt_msg, what, self);
		return;
	}
	/* A management group without the benchmark is not the scope of the
	 * verdict: an assignment at another group is judged there, and what
	 * the group inherits is not in the input. */
	/* A template-only scan judges a subscription without assignments of
	 * its own only for what it inherits through the templates' management
	 * group parents: as a group, it is not the scope when none is the
	 * benchmark. */
	int inherits = !aza_is_mg(sub) && !aza_inv_deployed(inv) && !aza_inv_child(inv, sub->id, PA);
	if ((aza_is_mg(sub) || inherits) && maybe) {
		aza_unknown(ev, sub, "policy assignment '%s' at %s assigns a definition only known at deployment, which may be the benchmark initiative",
		            maybe->name, aza__strieq(maybe->parent, sub->id) ? "the management group" : maybe->parent);
		return;
	}
	if (aza_is_mg(sub) || inherits) {
		aza_na(ev, sub, "template scan: the templates deploy no Microsoft cloud security benchmark assignment at the %s%s%s",
		       aza_scope_noun(sub), elsewhere ? "; the one at " : "", elsewhere ? aza_ev_fmt(ev, "%s is judged there", elsewhere->parent) : "");
		return;
	}
	if (elsewhere) {
		aza_unknown(ev, sub, "the benchmark initiative is assigned at %s; the input does not say whether the subscription is below it",
		            elsewhere->parent);
		return;
	}
	const char *why;
	if (aza_ev_collected(ev, PA, sub, &why))
		aza_fail(ev, sub, "the Microsoft cloud security benchmark initiative is not assigned: no %s recommendations", what);
	else
		aza_unknown(ev, sub, "policy assignments: %s", why);
}

/* The recommendations AZA-DEF-018..021, 023 and 024 read, with the policies behind each
 * parameter (reference ids from initiative version 57.37.0, see struct
 * rec). Each of AZA-DEF-018..021 has every policy of the initiative that
 * produces its class of recommendation, scale sets included (the titles
 * do not limit them to single machines):
 * - system updates: "System updates should be installed on your machines",
 *   the same "(powered by Update Center)" and "System updates on virtual
 *   machine scale sets should be installed". Not
 *   systemUpdatesAutoAssessmentModeEffect ("Machines should be configured
 *   to periodically check for missing system updates"): it checks a
 *   setting, it reports no missing update.
 * - OS vulnerabilities: "Vulnerabilities in security configuration on your
 *   machines / virtual machine scale sets / Windows machines (powered by
 *   Guest Config) / Linux machines (powered by Guest Config) should be
 *   remediated". Not the vulnerability assessment policies
 *   (serverVulnerabilityAssessmentEffect): software vulnerabilities found by
 *   a scanner are another class.
 * - endpoint protection: "Monitor missing Endpoint Protection", "Endpoint
 *   protection should be installed on your machines", "Endpoint protection
 *   health issues should be resolved on your machines" and "Endpoint
 *   protection solution should be installed on virtual machine scale sets".
 * - disk encryption: "Virtual machines should encrypt temp disks, caches,
 *   and data flows between Compute and Storage resources" and "Linux /
 *   Windows virtual machines should enable Azure Disk Encryption or
 *   EncryptionAtHost".
 * Every one of these parameters defaults to AuditIfNotExists.
 * Three parameters these rules were written for are still declared
 * there but marked deprecated (defaultValue Disabled) and no policy reads
 * them: sqlAuditingMonitoringEffect and sqlEncryptionMonitoringEffect,
 * whose policies (unaudited SQL servers, unencrypted SQL databases) are
 * now read from sqlServerAuditingMonitoringEffect (displayName "Auditing
 * should be enabled on advanced data security settings on SQL Server") and
 * sqlDbEncryptionMonitoringEffect ("Transparent Data Encryption on SQL
 * databases should be enabled"), and
 * storageEncryptionMonitoringEffect, which has no successor: Azure Storage
 * encrypts data at rest and that cannot be turned off, so AZA-DEF-022 is
 * now checked by hand. */
#define REC(fn, what, ...) \
	static const struct rec fn##_rec = {what, {__VA_ARGS__}}; \
	static void fn(aza_ev *ev, const aza_res *r) { policy_param(ev, r, &fn##_rec); }
#define RP(param, ...) {param, {__VA_ARGS__}}
REC(rec_updates, "system update",
    RP("systemUpdatesMonitoringEffect", "systemUpdatesMonitoring"),
    RP("systemUpdatesV2MonitoringEffect", "systemUpdatesV2Monitoring"),
    RP("vmssSystemUpdatesMonitoringEffect", "vmssSystemUpdatesMonitoring"))
REC(rec_osvuln, "OS vulnerability (security configuration)",
    RP("systemConfigurationsMonitoringEffect", "systemConfigurationsMonitoring"),
    RP("vmssOsVulnerabilitiesMonitoringEffect", "vmssOsVulnerabilitiesMonitoring"),
    RP("windowsGuestConfigBaselinesMonitoringEffect", "windowsGuestConfigBaselinesMonitoring"),
    RP("linuxGuestConfigBaselinesMonitoringEffect", "linuxGuestConfigBaselinesMonitoring"))
REC(rec_endpoint, "endpoint protection",
    RP("endpointProtectionMonitoringEffect", "endpointProtectionMonitoring"),
    RP("installEndpointProtectionMonitoringEffect", "installEndpointProtection"),
    RP("endpointProtectionHealthIssuesMonitoringEffect", "endpointProtectionHealthIssuesMonitoringEffect"),
    RP("vmssEndpointProtectionMonitoringEffect", "vmssEndpointProtectionMonitoring"))
REC(rec_disk, "disk encryption",
    RP("diskEncryptionMonitoringEffect", "diskEncryptionMonitoring"),
    RP("gcLinuxDiskEncryptionMonitoringEffect", "gcLinuxDiskEncryptionMonitoring"),
    RP("gcWindowsDiskEncryptionMonitoringEffect", "gcWindowsDiskEncryptionMonitoring"))
REC(rec_sqlaudit, "SQL auditing", RP("sqlServerAuditingMonitoringEffect", "sqlServerAuditingMonitoring"))
REC(rec_sqlenc, "SQL encryption", RP("sqlDbEncryptionMonitoringEffect", "sqlDbEncryptionMonitoring"))

/* ---- security contacts ---- */

/* Does a security contact meet a rule (without reporting anything)? */
typedef int (*contact_ok_fn)(aza_ev *ev, const aza_res *c);

/* The subscription's security contact. The current API has one, named
 * default. The 2017-08-01-preview API lists any number of contacts under
 * names of the caller's choosing (GetSecurityContactsSubscription_example:
 * "john"), each with its own email, alertNotifications and alertsToAdmins,
 * and the subscription is notified when any of them is: without a default
 * one, the first contact `ok` accepts is judged, else the first. */
static const aza_res *contact(aza_ev *ev, const aza_res *sub, const char *absent, contact_ok_fn ok)
{
	const aza_res *c = sub_obj(ev, sub, CONTACT, "default");
	if (c)
		return c;
	/* ok() is asked only to choose among several: it reads properties
	 * that the rule may not read, and a template value only known at
	 * deployment among them would make the verdict depend on it. */
	static const char *const types[] = {CONTACT, CONTACT1};
	size_t n = 0;
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		for (const aza_res *x = aza_inv_child(aza_ev_inv(ev), sub->id, types[i]); x; x = aza_inv_next_child(x, sub->id))
			if (!n++)
				c = x;
	for (size_t i = 0; n > 1 && ok && i < sizeof types / sizeof types[0]; i++)
		for (const aza_res *x = aza_inv_child(aza_ev_inv(ev), sub->id, types[i]); x; x = aza_inv_next_child(x, sub->id))
			if (ok(ev, x))
				return x;
	if (c)
		return c;
	const char *why;
	if (aza_ev_collected(ev, CONTACT, sub, &why))
		aza_fail(ev, sub, "no security contact is configured: %s", absent);
	else
		aza_unknown(ev, sub, "security contacts: %s", why);
	return NULL;
}

/* isEnabled false switches every notification of the contact off. */
static int contact_disabled(aza_ev *ev, const aza_res *c)
{
	int b;
	if (aza_prop_bool(ev, c, "properties.isEnabled", &b) == 1 && !b) {
		aza_fail(ev, c, "the security contact is disabled (isEnabled false): no notification is sent");
		return 1;
	}
	return 0;
}

/* A contact's email addresses (emails, or email in older API versions). */
static const char *contact_emails(aza_ev *ev, const aza_res *c)
{
	const char *em = aza_json_str(aza_prop(ev, c, "properties.emails"));
	return em ? em : aza_json_str(aza_prop(ev, c, "properties.email"));
}

static int has_email(aza_ev *ev, const aza_res *c)
{
	int b;
	const char *em = contact_emails(ev, c);
	return em && strchr(em, '@') && !(aza_prop_bool(ev, c, "properties.isEnabled", &b) == 1 && !b);
}

static int has_phone(aza_ev *ev, const aza_res *c)
{
	const char *ph = aza_json_str(aza_prop(ev, c, "properties.phone"));
	while (ph && *ph == ' ')
		ph++;
	return ph && *ph;
}

/* A non-empty string property, else FAIL/UNKNOWN reported. The email
 * addresses only count when the contact is enabled and they are addresses
 * (an '@'), as for the notification rules (contact_recipients); the phone
 * number is for Microsoft's security team, which isEnabled does not stop. */
static void contact_field(aza_ev *ev, const aza_res *sub, const char *prop, const char *legacy, const char *what)
{
	int emails = !strcmp(prop, "emails");
	const aza_res *c = contact(ev, sub, aza_ev_fmt(ev, "no %s", what), emails ? has_email : has_phone);
	if (!c || (emails && contact_disabled(ev, c)))
		return;
	char path[96];
	const char *v = NULL;
	int k = 0;
	for (int i = 0; i < 2 && k == 0; i++) {
		snprintf(path, sizeof path, "properties.%s", i ? legacy : prop);
		k = aza_prop_str(ev, c, path, &v);
	}
	if (k < 0) {
		aza_unknown(ev, c, "%s is not a string", prop);
		return;
	}
	while (v && *v == ' ')
		v++;
	if (k == 0 || !*v) {
		aza_fail(ev, c, "%s is empty: no %s", prop, what);
		return;
	}
	if (!emails) {
		aza_pass(ev, c, "%s is set", prop);
		return;
	}
	/* emails is ';'-separated: count the entries that hold an address. */
	size_t n = 0;
	for (const char *p = v; *p;) {
		size_t len = strcspn(p, ";");
		if (memchr(p, '@', len))
			n++;
		p += len + (p[len] == ';');
	}
	if (!n)
		aza_fail(ev, c, "%s is '%s', which holds no email address (no '@'): no %s", prop, v, what);
	else
		aza_pass(ev, c, "emails lists %zu address%s", n, n == 1 ? "" : "es");
}

static void contact_email(aza_ev *ev, const aza_res *r)
{
	contact_field(ev, r, "emails", "email", "security contact email address");
}

static void contact_phone(aza_ev *ev, const aza_res *r)
{
	contact_field(ev, r, "phone", "phone", "security contact phone number");
}

static const aza_json *source(aza_ev *ev, const aza_res *c, const char *type);
static int recipients(aza_ev *ev, const aza_res *c);

/* alertNotifications On: {state} in some API versions, the plain string in
 * the 2017 one. The current API (2023-12-01-preview) has no such property:
 * its notificationsSources list, when there, decides alone. */
static int alerts_on_legacy(aza_ev *ev, const aza_res *c)
{
	if (aza_json_is(aza_prop(ev, c, "properties.notificationsSources"), AZA_JARR))
		return 0;
	const aza_json *an = aza_prop(ev, c, "properties.alertNotifications");
	const char *st = aza_json_str(an) ? aza_json_str(an) : aza_json_str(aza_json_get(an, "state"));
	return st && aza__strieq(st, "On");
}

static int sends_alerts(aza_ev *ev, const aza_res *c)
{
	int b;
	if (aza_prop_bool(ev, c, "properties.isEnabled", &b) == 1 && !b)
		return 0;
	return (source(ev, c, "Alert") || alerts_on_legacy(ev, c)) && recipients(ev, c);
}

static int emails_owners(aza_ev *ev, const aza_res *c)
{
	if (!sends_alerts(ev, c))
		return 0;
	const char *adm = aza_json_str(aza_prop(ev, c, "properties.alertsToAdmins"));
	const aza_json *nr = aza_prop(ev, c, "properties.notificationsByRole");
	const char *st = aza_json_str(aza_json_get(nr, "state"));
	return (adm && aza__strieq(adm, "On")) || (st && aza__strieq(st, "On") && aza_json_has_str(aza_json_get(nr, "roles"), "Owner"));
}

static int sends_attack_paths(aza_ev *ev, const aza_res *c)
{
	int b;
	if (aza_prop_bool(ev, c, "properties.isEnabled", &b) == 1 && !b)
		return 0;
	return source(ev, c, "AttackPath") && recipients(ev, c);
}

/* notificationsSources that is there but not an array: UNKNOWN reported. */
static int sources_unreadable(aza_ev *ev, const aza_res *c, const char *what)
{
	const aza_json *srcs = aza_prop(ev, c, "properties.notificationsSources");
	if (srcs && !aza_json_is(srcs, AZA_JNULL) && !aza_json_is(srcs, AZA_JARR)) {
		aza_unknown(ev, c, "notificationsSources is not an array: whether %s are emailed cannot be read", what);
		return 1;
	}
	return 0;
}

static void notify_owner(aza_ev *ev, const aza_res *r)
{
	const aza_res *c = contact(ev, r, "subscription owners are not notified of alerts", emails_owners);
	if (!c || contact_disabled(ev, c))
		return;
	/* The roles are emailed about the alerts the contact sends: none when
	 * no Alert source is listed (or, in older API versions,
	 * alertNotifications is not On). */
	if (sources_unreadable(ev, c, "alerts"))
		return;
	const aza_json *srcs = aza_prop(ev, c, "properties.notificationsSources");
	if (aza_json_is(srcs, AZA_JARR) && !source(ev, c, "Alert")) {
		aza_fail(ev, c, "notificationsSources has no Alert source: no alert is emailed, to owners or anyone");
		return;
	}
	/* Without the list, only alertNotifications On (older API versions:
	 * {state} or the plain string) turns alert emails on, as
	 * AZA-DEF-029 reads it: a contact with neither sends none. */
	if (!srcs || aza_json_is(srcs, AZA_JNULL)) {
		const aza_json *an = aza_prop(ev, c, "properties.alertNotifications");
		const char *ast = aza_json_str(an) ? aza_json_str(an) : aza_json_str(aza_json_get(an, "state"));
		if (!ast || !aza__strieq(ast, "On")) {
			aza_fail(ev, c, "%s: no alert is emailed, to owners or anyone",
			         ast ? aza_ev_fmt(ev, "alertNotifications is %s", ast)
			             : "no notificationsSources and no alertNotifications state");
			return;
		}
	}
	const aza_json *nr = aza_prop(ev, c, "properties.notificationsByRole");
	if (!nr) {
		const char *adm = aza_json_str(aza_prop(ev, c, "properties.alertsToAdmins"));
		if (adm && aza__strieq(adm, "On"))
			aza_pass(ev, c, "alertsToAdmins is On");
		else
			aza_fail(ev, c, "notificationsByRole not set: subscription owners are not notified");
		return;
	}
	const char *st = aza_json_str(aza_json_get(nr, "state"));
	const aza_json *roles = aza_json_get(nr, "roles");
	if (!st) {
		aza_unknown(ev, c, "notificationsByRole.state is missing or not a string");
		return;
	}
	if (!aza__strieq(st, "On"))
		aza_fail(ev, c, "notificationsByRole.state is %s: no role is notified", st);
	else if (aza_json_has_str(roles, "Owner"))
		aza_pass(ev, c, "notificationsByRole is On and includes Owner");
	else
		aza_fail(ev, c, "notificationsByRole is On but roles do not include Owner");
}

/* Does the contact email anyone: an address in emails (email), or a role
 * notification that is On with roles (alertsToAdmins On in older API
 * versions)? */
static int recipients(aza_ev *ev, const aza_res *c)
{
	const char *em = contact_emails(ev, c);
	if (em && strchr(em, '@'))
		return 1;
	const aza_json *nr = aza_prop(ev, c, "properties.notificationsByRole");
	const char *st = aza_json_str(aza_json_get(nr, "state"));
	if (st && aza__strieq(st, "On") && aza_json_len(aza_json_get(nr, "roles")))
		return 1;
	const char *adm = aza_json_str(aza_prop(ev, c, "properties.alertsToAdmins"));
	return adm && aza__strieq(adm, "On");
}

/* As recipients(), reporting FAIL and returning 0 when nobody is emailed. */
static int contact_recipients(aza_ev *ev, const aza_res *c, const char *what)
{
	if (recipients(ev, c))
		return 1;
	aza_fail(ev, c, "%s are on but the contact has no email address and notifies no role: nobody receives them", what);
	return 0;
}

/* The notificationsSources entry of a type, or NULL. */
static const aza_json *source(aza_ev *ev, const aza_res *c, const char *type)
{
	aza_json_each(s, aza_prop(ev, c, "properties.notificationsSources")) {
		if (aza_json_streq(aza_json_get(s, "sourceType"), type))
			return s;
	}
	return NULL;
}

static void notify_alerts(aza_ev *ev, const aza_res *r)
{
	const aza_res *c = contact(ev, r, "alert notifications are not sent", sends_alerts);
	if (!c || contact_disabled(ev, c) || sources_unreadable(ev, c, "alerts"))
		return;
	const aza_json *s = source(ev, c, "Alert");
	if (s) {
		const char *sev = aza_json_str(aza_json_get(s, "minimalSeverity"));
		if (sev && !contact_recipients(ev, c, "alert notifications"))
			return;
		if (sev)
			aza_pass(ev, c, "alert notifications are on for severity %s and higher", sev);
		else
			aza_unknown(ev, c, "the Alert notification source has no minimalSeverity");
		return;
	}
	/* The current API lists what is emailed in notificationsSources: a
	 * list without an Alert entry sends no alert, whatever an older
	 * version's alertNotifications beside it says (as AZA-DEF-026). */
	if (aza_json_is(aza_prop(ev, c, "properties.notificationsSources"), AZA_JARR)) {
		aza_fail(ev, c, "no Alert notification source: the contact is not emailed about alerts");
		return;
	}
	/* Older API versions: alertNotifications {state, minimalSeverity} or "On". */
	const aza_json *an = aza_prop(ev, c, "properties.alertNotifications");
	const char *st = aza_json_str(an) ? aza_json_str(an) : aza_json_str(aza_json_get(an, "state"));
	if (st && aza__strieq(st, "On")) {
		if (contact_recipients(ev, c, "alert notifications"))
			aza_pass(ev, c, "alertNotifications is On");
		return;
	}
	aza_fail(ev, c, "no Alert notification source%s: the contact is not emailed about alerts",
	         st ? aza_ev_fmt(ev, " (alertNotifications is %s)", st) : "");
}

static void notify_attack_path(aza_ev *ev, const aza_res *r)
{
	const aza_res *c = contact(ev, r, "attack path notifications are not sent", sends_attack_paths);
	if (!c || contact_disabled(ev, c) || sources_unreadable(ev, c, "attack paths"))
		return;
	const aza_json *s = source(ev, c, "AttackPath");
	/* The 2023-12-01-preview examples (GetSecurityContact_example.json)
	 * spell the source "AttachPath", but the specification's only value
	 * (NotificationsSourceAttackPath) is "AttackPath": Defender for Cloud
	 * would not know that entry, yet whoever wrote it meant attack paths. */
	if (!s && source(ev, c, "AttachPath")) {
		aza_unknown(ev, c, "notificationsSources has sourceType 'AttachPath', a misspelling of 'AttackPath' (the only value the API defines): whether attack paths are emailed cannot be told; write 'AttackPath'");
		return;
	}
	if (!s) {
		aza_fail(ev, c, "no AttackPath notification source: the contact is not emailed about attack paths");
		return;
	}
	const char *lvl = aza_json_str(aza_json_get(s, "minimalRiskLevel"));
	if (lvl && !contact_recipients(ev, c, "attack path notifications"))
		return;
	if (lvl)
		aza_pass(ev, c, "attack path notifications are on for risk level %s and higher", lvl);
	else
		aza_unknown(ev, c, "the AttackPath notification source has no minimalRiskLevel");
}

/* ---- provisioning and score ---- */

/* Automatic provisioning of Defender for Cloud's agent to machines. The
 * autoProvisioningSettings/default switch deployed the Log Analytics agent,
 * retired on 31 August 2024: Defender for Servers now gets everything from
 * Defender for Endpoint, complemented by agentless scanning (Microsoft Learn,
 * "Prepare for retirement of the Log Analytics agent"), and the integration
 * deploys that sensor to every machine the plan covers. So the verdict is
 * AZA-DEF-013's, on the same object. The legacy switch On counts for
 * nothing: a verdict that is not a PASS says so, lest it be taken for the
 * agent. Off, or absent, is what Microsoft now advises, and goes unnamed.
 *
 * What the judgement does not look at is read first (a template FAIL points
 * at the property read last) and only from deployed data: a template value
 * only known at deployment would make UNKNOWN a verdict it does not decide. */
static void auto_provision(aza_ev *ev, const aza_res *r)
{
	const aza_res *a = sub_obj(ev, r, AUTOPROV, "default");
	const char *v = a && !aza_is_template(a) ? aza_json_str(aza_prop(ev, a, "properties.autoProvision")) : NULL;
	const char *legacy = v && aza__strieq(v, "On")
	                     ? "; autoProvisioningSettings/default is On, but it deploys only the Log Analytics agent, retired on 31 August "
	                       "2024 and no longer used by Defender for Servers: it does not count"
	                     : "";
	/* A WDATP setting that is off or absent fails before the Servers plan
	 * is read (the judgement reads the setting too): name the plan when it
	 * is off as well. */
	const aza_res *w = sub_obj(ev, r, SETTING, "WDATP");
	int wb = 0, wk = w ? aza_prop_bool(ev, w, "properties.enabled", &wb) : 0;
	const aza_res *p = sub_obj(ev, r, PRICING, "VirtualMachines");
	const char *t = p && !aza_is_template(p) ? aza_json_str(aza_prop(ev, p, "properties.pricingTier")) : NULL, *why;
	const char *servers = "";
	if (!(wk > 0 && wb)) {
		if (t && aza__strieq(t, "Free"))
			servers = "; Defender for Servers is not on either (VirtualMachines pricingTier Free)";
		else if (t && aza__strieq(t, "Standard") && aza_json_streq(aza_prop(ev, p, "properties.resourcesCoverageStatus"), "NotCovered"))
			servers = "; Defender for Servers covers no machine either (VirtualMachines resourcesCoverageStatus NotCovered)";
		else if (!p && !sub_obj_unnamed(ev, r, PRICING) && pricings_collected(ev, r, &why))
			servers = "; Defender for Servers is not on either (no VirtualMachines pricing: the Free tier)";
	}
	const aza_res *on;
	const char *msg;
	aza_status st = wdatp_judge(ev, r, &on, &msg);
	if (st == AZA_FAIL)
		msg = aza_ev_fmt(ev, "%s%s%s", msg, servers, legacy);
	else if (st == AZA_UNKNOWN)
		msg = aza_ev_fmt(ev, "%s%s", msg, legacy);
	report(ev, st, on, msg);
}

static void secure_score(aza_ev *ev, const aza_res *r)
{
	const aza_res *s = sub_obj(ev, r, SCORE, "ascScore");
	if (!s)
		s = sub_obj(ev, r, SCORE, NULL);
	if (!s) {
		const char *why;
		if (aza_ev_collected(ev, SCORE, r, &why))
			aza_unknown(ev, r, "no secure score for the subscription (Defender for Cloud not yet evaluated?)");
		else
			aza_unknown(ev, r, "secure score: %s", why);
		return;
	}
	double pct, cur = 0, max = 0;
	if (aza_prop_num(ev, s, "properties.score.percentage", &pct) != 1) {
		aza_unknown(ev, s, "score.percentage is missing or not a number");
		return;
	}
	/* percentage is the "ratio of the current score divided by the
	 * maximum, rounded to 4 digits after the decimal point" (secureScores
	 * API, ScoreDetails): above 1 it is no ratio (a 0-100 figure from
	 * another export would pass at 1%). */
	if (pct > 1.00005) {
		aza_unknown(ev, s, "score.percentage is %g, which is no ratio of the current score to the maximum (0 to 1)", pct);
		return;
	}
	int kc = aza_prop_num(ev, s, "properties.score.current", &cur);
	int km = aza_prop_num(ev, s, "properties.score.max", &max);
	/* The points, for the message only: the verdict rests on percentage. */
	const char *pts = kc == 1 && km == 1 ? aza_ev_fmt(ev, " (%.2f of %.0f)", cur, max) : " (current and maximum points not in the input)";
	/* The unhealthy recommendations behind the score, to prioritise. */
	size_t unhealthy = 0;
	const char *example = NULL;
	for (const aza_res *a = aza_inv_first(aza_ev_inv(ev), ASSESS); a; a = a->next_of_type) {
		if (!aza_id_within(a->id, r->id))
			continue;
		if (!aza_json_streq(aza_prop(ev, a, "properties.status.code"), "Unhealthy"))
			continue;
		if (!unhealthy++)
			example = aza_json_str(aza_prop(ev, a, "properties.displayName"));
	}
	const char *detail = unhealthy ? aza_ev_fmt(ev, "; %zu unhealthy recommendation%s%s%s%s", unhealthy, unhealthy == 1 ? "" : "s",
	                                            example ? " (e.g. '" : "", example ? example : "", example ? "')" : "")
	                               : "";
	/* A score whose maximum is 0 has no control to earn points on: with no
	 * unhealthy recommendation, nothing in the subscription is assessed,
	 * and its 0% says nothing. */
	if (km == 1 && max == 0 && pct == 0 && !unhealthy)
		aza_na(ev, s, "secure score max is 0 and no recommendation is unhealthy: Defender for Cloud assesses nothing in the subscription "
		              "(score.percentage 0 is no score)");
	else if (pct >= 0.9995 && !unhealthy)
		aza_pass(ev, s, "secure score %.0f%%%s", pct * 100, pts);
	else
		aza_fail(ev, s, "secure score %.0f%%%s%s: work through the recommendations, highest impact first", pct * 100, pts, detail);
}

#define SUB_SCOPE .scope = AZA_SCOPE_SUBSCRIPTION
#define ALERT_ONLY " A plan only detects and alerts: enforce prevention with the resource settings and Azure Policy deny effects, and make sure someone acts on the alerts."
#define PLAN_PORTAL(x) "Microsoft Defender for Cloud > Environment settings > <subscription> > Defender plans: " x " On > Save."
#define PLAN_CLI(x) "az security pricing create -n " x " --tier Standard"
#define PLAN_ARM(x) "Microsoft.Security/pricings/" x ": properties.pricingTier = 'Standard'"
/* A plan rule judges its own plan's pricing: another plan's says nothing
 * about it. */
#define PLAN_SUBJECT(x) "@" PRICING "=" x
#define PLAN_DEFAULTS "A plan with no pricing object in collected pricings is on the Free tier (FAIL); pricings not collected (or, in an input without data-set metadata, none of this subscription's while other subscriptions' are there): UNKNOWN. A template scan sets only the plans its templates deploy: a plan they do not deploy keeps whatever the subscription has (NOT_APPLICABLE). pricingTier Standard with resourcesCoverageStatus NotCovered (the pricings API: the coverage of the resources, which resource-level pricings can exclude one by one) covers no resource: FAIL."
#define REC_MANUAL_CHECK "Microsoft Defender for Cloud > Environment settings > <subscription> > Security policies > Microsoft cloud security benchmark > parameters"
/* A template-only scan judges a management group's benchmark assignment
 * on it (rule.h, .subject "@@"): the same for every recommendation rule. */
/* What every recommendation rule says of policy exemptions. */
#define REC_EXEMPT " A policy exemption (Microsoft.Authorization/policyExemptions, Waiver or Mitigated alike: both take the scope out of the assignment's evaluation) at the subscription, at '/' or at the tenant root management group (or, in a template-only scan, at the management group judged) whose policyAssignmentId is the benchmark assignment's (case-insensitive) and whose policyDefinitionReferenceIds are empty or list a reference id named here (case-insensitive) leaves that part of the recommendations off: FAIL on the assignment, naming the exemption and its category, unless another benchmark assignment that applies is not exempted. One below the subscription (at a resource group or a single resource of it; in a template-only scan, also at a group or subscription the templates' parent links place below the management group judged, or at a resource group or resource of such a subscription) leaves the resources there unassessed, so the recommendations are not on for all of the subscription: FAIL naming the exemption and where it is (one taking the whole subscription out is named first), with the same exceptions. An exemption at a management group between the assignment's and the subscription (by the templates' parent links) covers the subscription; one at a group on another branch (below a group the subscription's parents lead to, but not on the way) does not. An exemption's assignmentScopeValidation (Default or DoNotValidate) only decides whether Resource Manager checks, when it is created, that it is at or under the assignment's scope: where it is decides what it covers, so it is not read. One whose expiresOn is at or before the snapshot's meta.collected_at (else the scan's time, --now) no longer applies; one with resourceSelectors, at another management group (the input does not hold the management group tree), naming an assignment only known at deployment, or listing an effect parameter's name that is not also a reference id gives UNKNOWN, as does a list of exemptions Resource Manager refused for the subscription. Exemptions not in the input (a snapshot from an azaudit that did not collect them, or an export without them) keep the PASS, whose message then says an exemption is not ruled out."
/* What every recommendation rule says of excluded scopes and of a
 * parameter that is not an object. */
#define REC_NOTSCOPES " Resources in an assignment's notScopes are not evaluated (Microsoft Learn, 'Understand scope in Azure Policy'), as under an exemption: a notScope that holds the subscription (or is at '/' or the tenant root management group, or, by the templates' parent links, above it) leaves it out of that assignment, and one within it (a resource group or a resource; in a template-only scan, a group or subscription placed below the management group judged, a resource group or resource of such a subscription, or any notScope of an assignment at that group) leaves that part unassessed: FAIL on the assignment, unless another benchmark assignment that applies does not leave it out. A notScope at another management group the input does not place, notScopes that is not an array, or an entry that is not a string: UNKNOWN. An assignment with resourceSelectors evaluates only the resources they select (Azure Policy assignment structure, 'Resource selectors'), which azaudit does not place: UNKNOWN. A parameter is an object with a value: one that is not (a bare string) is UNKNOWN. So is an assignment without a properties object (Resource Manager returns one with every assignment; a trimmed export's missing parameters would read as the initiative's defaults)."
#define REC_MG " In a template-only scan, a benchmark assignment the templates deploy at a management group (a managementGroupDeploymentTemplate, a nested deployment scoped to one, or a scope naming one) is judged for that group as at a subscription, PASS or FAIL on the assignment; a group whose deployed policy assignments include no benchmark one is NOT_APPLICABLE (one at another group is judged at that group), and one whose assignment names a definition only known at deployment is UNKNOWN. A benchmark assignment at a group the templates' own links (a management group's properties.details.parent.id, a Microsoft.Management/managementGroups/subscriptions resource) place a group or subscription below, transitively, is judged for it too, the message naming it."
/* Per rule: the parameter and the reference id of the policy it feeds, as
 * initiative version MCSB_VERSION names them (struct rec). */
#define REC_DEFAULTS(param, ref) "Read from the Microsoft cloud security benchmark assignment (policySetDefinition " MCSB_SET ") at the subscription or above: parameter " param ", the effect of policy " ref " (its policyDefinitionReferenceId in initiative version " MCSB_VERSION "). An absent parameter takes the initiative's default, AuditIfNotExists (on). No assignment, with assignments collected: FAIL. A policyEffect override (properties.overrides) setting an effect other than Audit, AuditIfNotExists, Deny or DeployIfNotExists fails when it has no selector, or its policyDefinitionReferenceId selector lists " ref " in in (case-insensitive) or leaves it out of notIn; one that lists only other ids in in does not reach the policy. A selector azaudit cannot evaluate gives UNKNOWN: another kind (resourceLocation), or one naming " param " itself, which is no reference id in " MCSB_VERSION " but is how the initiative names its newer policies." REC_EXEMPT REC_NOTSCOPES REC_MG
/* For AZA-DEF-018..021, whose recommendation several policies produce:
 * pairs lists each parameter with its policy's reference id (struct rec). */
#define RECS_DEFAULTS(n, pairs) "Read from the Microsoft cloud security benchmark assignment (policySetDefinition " MCSB_SET ") at the subscription or above. The initiative produces these recommendations with " n " policies, each switched off by its own effect parameter, and every one is judged (parameter: policyDefinitionReferenceId in initiative version " MCSB_VERSION "): " pairs ". Any of them Disabled is FAIL, naming the parameter, even when another cannot be read; an absent parameter takes the initiative's default, AuditIfNotExists (on); one that is not a string gives UNKNOWN. PASS says how many were checked. No assignment, with assignments collected: FAIL. A policyEffect override (properties.overrides) setting an effect other than Audit, AuditIfNotExists, Deny or DeployIfNotExists fails, naming the policy and its parameter, when it has no selector, or its policyDefinitionReferenceId selector lists one of these ids in in (case-insensitive) or leaves one out of notIn; one that lists only other ids in in does not reach them. A selector azaudit cannot evaluate gives UNKNOWN: another kind (resourceLocation), or one naming an effect parameter that is not also its policy's reference id, which is how the initiative names its newer policies." REC_EXEMPT REC_NOTSCOPES REC_MG
#define RECS_PORTAL(params) REC_MANUAL_CHECK ": " params " = AuditIfNotExists; and under Overrides, no policy effect override setting Disabled for their policies."
#define RECS_ARM(params, refs) "Microsoft.Authorization/policyAssignments (MCSB): properties.parameters.<p>.value != 'Disabled' for each of " params "; no properties.overrides entry of kind policyEffect with value Disabled whose selectors reach " refs
#define AINE(p) "\"" p "\":{\"value\":\"AuditIfNotExists\"}"
#define RECS_CLI(params) "az policy assignment update -n SecurityCenterBuiltIn --scope /subscriptions/<id> --params '{" params "}'"
#define REC_RATIONALE_SET(x) "Defender for Cloud assesses " x " with several policies of the benchmark (for single machines and scale sets, or one per engine or OS), each with its own effect: when any one is Disabled, its part of the findings disappears from the recommendations and the secure score. The recommendation only reports: remediate (or use a deny/deployIfNotExists policy) to enforce it."
#define REC_RATIONALE(x) "When this effect is Disabled, Defender for Cloud stops assessing " x " and the finding disappears from the secure score. The recommendation only reports: remediate (or use a deny/deployIfNotExists policy) to enforce it."
#define CONTACT_PORTAL "Microsoft Defender for Cloud > Environment settings > <subscription> > Email notifications"
#define CONTACT_ARM "Microsoft.Security/securityContacts/default"
#define CONTACT_DEFAULTS "Read from the subscription's security contact (securityContacts/default). Without a contact named default (the 2017-08-01-preview API lists any number of contacts under free names), the first contact that meets the rule is judged, else the first one. No contact with contacts collected: FAIL; not collected: UNKNOWN."

/* The effect parameters each of AZA-DEF-018..021 reads (see the rec table). */
#define PARAMS_UPDATES "systemUpdatesMonitoringEffect, systemUpdatesV2MonitoringEffect and vmssSystemUpdatesMonitoringEffect"
#define PARAMS_OSVULN "systemConfigurationsMonitoringEffect, vmssOsVulnerabilitiesMonitoringEffect, windowsGuestConfigBaselinesMonitoringEffect and linuxGuestConfigBaselinesMonitoringEffect"
#define PARAMS_ENDPOINT "endpointProtectionMonitoringEffect, installEndpointProtectionMonitoringEffect, endpointProtectionHealthIssuesMonitoringEffect and vmssEndpointProtectionMonitoringEffect"
#define PARAMS_DISK "diskEncryptionMonitoringEffect, gcLinuxDiskEncryptionMonitoringEffect and gcWindowsDiskEncryptionMonitoringEffect"

const struct aza_rule aza_rules_defender[] = {
	{
		.id = "AZA-DEF-001", .title = "Defender CSPM is on",
		.area = AZA_AREA_DEFENDER, .level = 2, .severity = AZA_SEV_MEDIUM, SUB_SCOPE, .resp = AZA_RESP_APPLICATIONS, .models = AZA_SAAS,
		.needs = PRICING, .subject = PLAN_SUBJECT("CloudPosture"), .checklist = "defender.plans", .cis = "6.0.0:8.1.1.1",
		.rationale = "Defender CSPM adds attack path analysis, the cloud security explorer and agentless discovery to the free posture assessment." ALERT_ONLY,
		.portal = PLAN_PORTAL("Cloud Security Posture Management (CSPM)"), .cli = PLAN_CLI("CloudPosture"), .arm = PLAN_ARM("CloudPosture"),
		.defaults = PLAN_DEFAULTS, .check = plan_cspm,
	},
	{
		.id = "AZA-DEF-002", .title = "Defender for APIs is on",
		.area = AZA_AREA_DEFENDER, .level = 2, .severity = AZA_SEV_LOW, SUB_SCOPE, .resp = AZA_RESP_APPLICATIONS, .models = AZA_PAAS,
		.needs = PRICING, .subject = PLAN_SUBJECT("Api"), .checklist = "defender.plans", .cis = "6.0.0:8.1.2.1",
		.rationale = "Defender for APIs inventories APIs published through API Management and detects attacks against them." ALERT_ONLY,
		.portal = PLAN_PORTAL("APIs"), .cli = PLAN_CLI("Api") " --subplan P1", .arm = PLAN_ARM("Api"),
		.defaults = PLAN_DEFAULTS, .check = plan_api,
	},
	{
		.id = "AZA-DEF-003", .title = "Defender for Servers is on",
		.area = AZA_AREA_DEFENDER, .level = 2, .severity = AZA_SEV_HIGH, SUB_SCOPE, .resp = AZA_RESP_OS, .models = AZA_IAAS,
		.needs = PRICING, .subject = PLAN_SUBJECT("VirtualMachines"), .checklist = "defender.plans", .cis = "6.0.0:8.1.3.1",
		.rationale = "Defender for Servers brings endpoint detection and response, vulnerability assessment and threat detection to virtual machines." ALERT_ONLY,
		.portal = PLAN_PORTAL("Servers"), .cli = PLAN_CLI("VirtualMachines") " --subplan P2", .arm = PLAN_ARM("VirtualMachines"),
		.defaults = PLAN_DEFAULTS " Plan 1 and Plan 2 both pass; the message names the sub-plan, and says so when resourcesCoverageStatus is PartiallyCovered (machines excluded from the plan one by one).", .check = plan_servers,
	},
	{
		.id = "AZA-DEF-004", .title = "Defender for Containers is on",
		.area = AZA_AREA_DEFENDER, .level = 2, .severity = AZA_SEV_MEDIUM, SUB_SCOPE, .resp = AZA_RESP_APPLICATIONS, .models = AZA_PAAS,
		.needs = PRICING, .subject = PLAN_SUBJECT("Containers"), .checklist = "defender.plans", .cis = "6.0.0:8.1.4.1",
		.rationale = "Defender for Containers scans registry images for vulnerabilities and detects runtime threats in Kubernetes clusters." ALERT_ONLY,
		.portal = PLAN_PORTAL("Containers"), .cli = PLAN_CLI("Containers"), .arm = PLAN_ARM("Containers"),
		.defaults = PLAN_DEFAULTS " The deprecated KubernetesService and ContainerRegistry plans do not count.", .check = plan_containers,
	},
	{
		.id = "AZA-DEF-005", .title = "Defender for Storage is on",
		.area = AZA_AREA_DEFENDER, .level = 2, .severity = AZA_SEV_MEDIUM, SUB_SCOPE, .resp = AZA_RESP_DATA, .models = AZA_PAAS,
		.needs = PRICING, .subject = PLAN_SUBJECT("StorageAccounts"), .checklist = "defender.plans", .cis = "6.0.0:8.1.5.1",
		.rationale = "Defender for Storage detects unusual access, data exfiltration and (with malware scanning) malicious uploads." ALERT_ONLY,
		.portal = PLAN_PORTAL("Storage"), .cli = PLAN_CLI("StorageAccounts") " --subplan DefenderForStorageV2", .arm = PLAN_ARM("StorageAccounts"),
		.defaults = PLAN_DEFAULTS " The message names the plan: subPlan DefenderForStorageV2 is the current one (pricings "
		            "API 2024-01-01, ListPricings example, with its OnUploadMalwareScanning and SensitiveDataDiscovery "
		            "extensions); PerTransaction and PerStorageAccount are Defender for Storage (classic), which has no malware "
		            "scanning or sensitive data threat detection (Microsoft Learn, Migrate from Defender for Storage (classic) "
		            "to the new plan) but is on: CIS 8.1.5.1 asks only that the plan be on (pricingTier Standard), so it "
		            "passes, the message saying what it lacks. The plan's extensions are not judged.",
		.check = plan_storage,
	},
	{
		.id = "AZA-DEF-006", .title = "Defender for App Service is on",
		.area = AZA_AREA_DEFENDER, .level = 2, .severity = AZA_SEV_MEDIUM, SUB_SCOPE, .resp = AZA_RESP_APPLICATIONS, .models = AZA_PAAS,
		.needs = PRICING, .subject = PLAN_SUBJECT("AppServices"), .checklist = "defender.plans", .cis = "6.0.0:8.1.6.1",
		.rationale = "Defender for App Service detects attacks against web apps and the App Service platform (dangling DNS, web shells, scanners)." ALERT_ONLY,
		.portal = PLAN_PORTAL("App Service"), .cli = PLAN_CLI("AppServices"), .arm = PLAN_ARM("AppServices"),
		.defaults = PLAN_DEFAULTS, .check = plan_app,
	},
	{
		.id = "AZA-DEF-007", .title = "Defender for Azure Cosmos DB is on",
		.area = AZA_AREA_DEFENDER, .level = 2, .severity = AZA_SEV_LOW, SUB_SCOPE, .resp = AZA_RESP_DATA, .models = AZA_PAAS,
		.needs = PRICING, .subject = PLAN_SUBJECT("CosmosDbs"), .checklist = "defender.plans", .cis = "6.0.0:8.1.7.1",
		.rationale = "Defender for Azure Cosmos DB detects SQL injection, unusual access and key abuse against Cosmos DB accounts." ALERT_ONLY,
		.portal = PLAN_PORTAL("Databases > Azure Cosmos DB"), .cli = PLAN_CLI("CosmosDbs"), .arm = PLAN_ARM("CosmosDbs"),
		.defaults = PLAN_DEFAULTS, .check = plan_cosmos,
	},
	{
		.id = "AZA-DEF-008", .title = "Defender for open-source relational databases is on",
		.area = AZA_AREA_DEFENDER, .level = 2, .severity = AZA_SEV_LOW, SUB_SCOPE, .resp = AZA_RESP_DATA, .models = AZA_PAAS,
		.needs = PRICING, .subject = PLAN_SUBJECT("OpenSourceRelationalDatabases"), .checklist = "defender.plans", .cis = "6.0.0:8.1.7.2",
		.rationale = "Covers PostgreSQL, MySQL and MariaDB servers: brute force, unusual access and suspicious queries." ALERT_ONLY,
		.portal = PLAN_PORTAL("Databases > Open-source relational databases"), .cli = PLAN_CLI("OpenSourceRelationalDatabases"),
		.arm = PLAN_ARM("OpenSourceRelationalDatabases"), .defaults = PLAN_DEFAULTS, .check = plan_oss,
	},
	{
		.id = "AZA-DEF-009", .title = "Defender for Azure SQL databases is on",
		.area = AZA_AREA_DEFENDER, .level = 2, .severity = AZA_SEV_MEDIUM, SUB_SCOPE, .resp = AZA_RESP_DATA, .models = AZA_PAAS,
		.needs = PRICING, .subject = PLAN_SUBJECT("SqlServers"), .checklist = "defender.plans", .cis = "6.0.0:8.1.7.3",
		.rationale = "Adds vulnerability assessment and threat protection (SQL injection, anomalous logins) to Azure SQL." ALERT_ONLY,
		.portal = PLAN_PORTAL("Databases > Azure SQL Databases"), .cli = PLAN_CLI("SqlServers"), .arm = PLAN_ARM("SqlServers"),
		.defaults = PLAN_DEFAULTS, .check = plan_sql,
	},
	{
		.id = "AZA-DEF-010", .title = "Defender for SQL servers on machines is on",
		.area = AZA_AREA_DEFENDER, .level = 2, .severity = AZA_SEV_LOW, SUB_SCOPE, .resp = AZA_RESP_DATA, .models = AZA_IAAS,
		.needs = PRICING, .subject = PLAN_SUBJECT("SqlServerVirtualMachines"), .checklist = "defender.plans", .cis = "6.0.0:8.1.7.4",
		.rationale = "Extends SQL vulnerability assessment and threat protection to SQL Server running on virtual machines and Arc machines." ALERT_ONLY,
		.portal = PLAN_PORTAL("Databases > SQL servers on machines"), .cli = PLAN_CLI("SqlServerVirtualMachines"),
		.arm = PLAN_ARM("SqlServerVirtualMachines"), .defaults = PLAN_DEFAULTS, .check = plan_sqlvm,
	},
	{
		.id = "AZA-DEF-011", .title = "Defender for Key Vault is on",
		.area = AZA_AREA_DEFENDER, .level = 2, .severity = AZA_SEV_MEDIUM, SUB_SCOPE, .resp = AZA_RESP_DATA, .models = AZA_PAAS,
		.needs = PRICING, .subject = PLAN_SUBJECT("KeyVaults"), .checklist = "defender.plans", .cis = "6.0.0:8.1.8.1",
		.rationale = "Detects unusual and potentially harmful access to key vaults (access from Tor, unusual volumes, suspicious principals)." ALERT_ONLY,
		.portal = PLAN_PORTAL("Key Vault"), .cli = PLAN_CLI("KeyVaults"), .arm = PLAN_ARM("KeyVaults"),
		.defaults = PLAN_DEFAULTS, .check = plan_kv,
	},
	{
		.id = "AZA-DEF-012", .title = "Defender for Resource Manager is on",
		.area = AZA_AREA_DEFENDER, .level = 2, .severity = AZA_SEV_MEDIUM, SUB_SCOPE, .resp = AZA_RESP_ACCOUNTS, .models = AZA_SAAS,
		.needs = PRICING, .subject = PLAN_SUBJECT("Arm"), .checklist = "defender.plans", .cis = "6.0.0:8.1.9.1",
		.rationale = "Watches management operations for suspicious activity such as exploitation toolkits, unusual deployments and persistence." ALERT_ONLY,
		.portal = PLAN_PORTAL("Resource Manager"), .cli = PLAN_CLI("Arm"), .arm = PLAN_ARM("Arm"),
		.defaults = PLAN_DEFAULTS, .check = plan_arm,
	},
	{
		.id = "AZA-DEF-013", .title = "The Defender for Endpoint integration is on",
		.area = AZA_AREA_DEFENDER, .level = 2, .severity = AZA_SEV_MEDIUM, SUB_SCOPE, .resp = AZA_RESP_ENDPOINTS, .models = AZA_IAAS,
		.needs = SETTING " " PRICING, .subject = "@" SETTING "=WDATP", .cis = "6.0.0:8.1.3.3",
		.rationale = "The WDATP setting deploys Microsoft Defender for Endpoint to servers covered by Defender for Servers. Endpoint detection alerts; enforce prevention with the endpoint's own policies (attack surface reduction, tamper protection).",
		.portal = "Microsoft Defender for Cloud > Environment settings > <subscription> > Defender plans > Servers > Settings & monitoring > Endpoint protection: On.",
		.cli = "az security setting update -n WDATP --enabled true",
		.arm = "Microsoft.Security/settings/WDATP (kind DataExportSettings): properties.enabled = true",
		.defaults = "No WDATP setting with settings collected: FAIL; not collected: UNKNOWN. enabled true while the VirtualMachines plan is known to be Free (or absent from collected pricings): FAIL, since the integration only covers Defender for Servers machines; enabled true with pricings not collected or unreadable, or a VirtualMachines tier that cannot be read: UNKNOWN. Only Standard passes (not with resourcesCoverageStatus NotCovered: every machine excluded, FAIL), and then only when the setting WDATP_EXCLUDE_LINUX_PUBLIC_PREVIEW is absent or enabled false: enabled true keeps Linux machines out of the integration (legacy subscriptions; Microsoft Learn, 'Enable the Microsoft Defender for Endpoint integration'): FAIL. WDATP_UNIFIED_SOLUTION enabled false does not change the verdict but is named in it: it keeps Windows Server 2012 R2 and 2016 machines from the unified Defender for Endpoint agent only in a legacy subscription (integration on before spring 2022; Microsoft Learn, 'Enable Defender for Endpoint integration': 'The settings WDATP_UNIFIED_SOLUTION and WDATP_EXCLUDE_LINUX_PUBLIC_PREVIEW are relevant for legacy subscriptions', new subscriptions include the unified solution automatically), which the settings do not tell apart, and only where such machines run. A template setting (or, with no VirtualMachines pricing, a pricing) whose name is only known at deployment may be the one: UNKNOWN.",
		.check = wdatp,
	},
	{
		.id = "AZA-DEF-014", .title = "Vulnerability assessment for machines is on",
		.area = AZA_AREA_DEFENDER, .level = 2, .severity = AZA_SEV_MEDIUM, SUB_SCOPE, .resp = AZA_RESP_OS, .models = AZA_IAAS,
		.checklist = "defender.recommendation_os_vulnerabilities", .cis = "6.0.0:8.1.3.2",
		.rationale = "A vulnerability assessment solution finds missing patches and vulnerable software on machines; it reports, so patching must still be enforced.",
		.manual = "Microsoft Defender for Cloud > Environment settings > <subscription> > Defender plans > Servers > Settings & monitoring: check that Vulnerability assessment for machines is On (Microsoft Defender Vulnerability Management). CLI: az security va list / az rest GET <subscription>/providers/Microsoft.Security/serverVulnerabilityAssessmentsSettings.",
	},
	{
		.id = "AZA-DEF-015", .title = "Agentless scanning for machines is on",
		.area = AZA_AREA_DEFENDER, .level = 2, .severity = AZA_SEV_LOW, SUB_SCOPE, .resp = AZA_RESP_OS, .models = AZA_IAAS,
		.needs = PRICING, .subject = PLAN_SUBJECT("VirtualMachines"), .cis = "6.0.0:8.1.3.4",
		.rationale = "Agentless scanning snapshots disks to find vulnerabilities, secrets and malware without an agent on the machine. It only reports." ,
		.portal = "Microsoft Defender for Cloud > Environment settings > <subscription> > Defender plans > Servers > Settings & monitoring > Agentless scanning for machines: On.",
		.cli = "az security pricing create -n VirtualMachines --tier Standard --subplan P2 --extensions name=AgentlessVmScanning isEnabled=True",
		.arm = "Microsoft.Security/pricings/VirtualMachines: properties.extensions[] {name: 'AgentlessVmScanning', isEnabled: 'True'}",
		.defaults = "CIS lists this as manual; azaudit reads the plans' extensions. Agentless machine scanning runs under Defender for Servers Plan 2 and under Defender CSPM (Microsoft Learn, Agentless machine scanning; malware scanning only under Plan 2): the VirtualMachines plan at Standard, not subPlan P1 (an absent subPlan is the full plan), with AgentlessVmScanning isEnabled True passes, and so does the CloudPosture plan at Standard with its own AgentlessVmScanning extension isEnabled True (not with resourcesCoverageStatus NotCovered: every resource excluded, so the Servers plan decides; a VirtualMachines plan with NotCovered likewise leaves the decision to the CloudPosture plan). An extension isEnabled True whose operationStatus code is Failed (its enablement failed; pricings API 2024-01-01, PutPricingByNamePartialSuccess example) is not on. Otherwise: Defender for Servers off, on Plan 1 (whatever its extension entry says; Microsoft's policy 'Configure Microsoft Defender for Servers plan' sets it to false for P1), or the extension False, failed or not listed: FAIL. A template scan that deploys no VirtualMachines pricing is NOT_APPLICABLE.",
		.check = agentless_scan,
	},
	{
		.id = "AZA-DEF-016", .title = "File integrity monitoring is on",
		.area = AZA_AREA_DEFENDER, .level = 2, .severity = AZA_SEV_LOW, SUB_SCOPE, .resp = AZA_RESP_OS, .models = AZA_IAAS,
		.needs = PRICING, .subject = PLAN_SUBJECT("VirtualMachines"), .cis = "6.0.0:8.1.3.5",
		.rationale = "File integrity monitoring records changes to operating system files, registry keys and applications that may indicate an attack. It alerts; it does not block changes.",
		.portal = "Microsoft Defender for Cloud > Environment settings > <subscription> > Defender plans > Servers (Plan 2) > Settings & monitoring > File Integrity Monitoring: On.",
		.cli = "az security pricing create -n VirtualMachines --tier Standard --subplan P2 --extensions name=FileIntegrityMonitoring isEnabled=True",
		.arm = "Microsoft.Security/pricings/VirtualMachines: properties.extensions[] {name: 'FileIntegrityMonitoring', isEnabled: 'True'}",
		.defaults = "CIS lists this as manual; azaudit reads the plan's extensions. Defender for Servers off, on Plan 1 (subPlan P1: file integrity monitoring is a Plan 2 feature), or the extension False or not listed: FAIL; so is isEnabled True with operationStatus code Failed (its enablement failed: pricings API 2024-01-01, PutPricingByNamePartialSuccess example).",
		.check = fim,
	},
	{
		.id = "AZA-DEF-017", .title = "Defender for Storage alerts are monitored and acted on",
		.area = AZA_AREA_DEFENDER, .level = 2, .severity = AZA_SEV_LOW, SUB_SCOPE, .resp = AZA_RESP_DATA, .models = AZA_PAAS,
		.cis = "6.0.0:8.1.5.2",
		.rationale = "Threat alerts only help when someone reviews them; this is a process, not a setting.",
		.manual = "Confirm a documented process exists: Microsoft Defender for Cloud > Security alerts filtered on Storage are triaged, or alerts are exported (Environment settings > Continuous export, or Microsoft Sentinel) to a monitored queue. Review the last month's storage alerts and their handling.",
	},
	{
		.id = "AZA-DEF-018", .title = "System update recommendations are enabled",
		.area = AZA_AREA_DEFENDER, .level = 1, .severity = AZA_SEV_MEDIUM, SUB_SCOPE, .resp = AZA_RESP_OS, .models = AZA_IAAS,
		.needs = PA " " AZA_PE_TYPE, .subject = "@@" PA, .checklist = "defender.recommendation_system_updates", .cis = "6.0.0:8.1.10",
		.rationale = REC_RATIONALE_SET("machines and scale sets for missing system updates"),
		.portal = RECS_PORTAL(PARAMS_UPDATES),
		.cli = RECS_CLI(AINE("systemUpdatesMonitoringEffect") "," AINE("systemUpdatesV2MonitoringEffect") "," AINE("vmssSystemUpdatesMonitoringEffect")),
		.arm = RECS_ARM(PARAMS_UPDATES,
		                "systemUpdatesMonitoring, systemUpdatesV2Monitoring or vmssSystemUpdatesMonitoring"),
		.defaults = RECS_DEFAULTS("three", "systemUpdatesMonitoringEffect: systemUpdatesMonitoring, systemUpdatesV2MonitoringEffect: systemUpdatesV2Monitoring (Update Center), vmssSystemUpdatesMonitoringEffect: vmssSystemUpdatesMonitoring (scale sets)"),
		.check = rec_updates,
	},
	{
		.id = "AZA-DEF-019", .title = "OS vulnerability recommendations are enabled",
		.area = AZA_AREA_DEFENDER, .level = 1, .severity = AZA_SEV_MEDIUM, SUB_SCOPE, .resp = AZA_RESP_OS, .models = AZA_IAAS,
		.needs = PA " " AZA_PE_TYPE, .subject = "@@" PA, .checklist = "defender.recommendation_os_vulnerabilities",
		.rationale = REC_RATIONALE_SET("the security configuration (OS vulnerabilities) of machines and scale sets"),
		.portal = RECS_PORTAL(PARAMS_OSVULN),
		.cli = RECS_CLI(AINE("systemConfigurationsMonitoringEffect") "," AINE("vmssOsVulnerabilitiesMonitoringEffect") "," AINE("windowsGuestConfigBaselinesMonitoringEffect") "," AINE("linuxGuestConfigBaselinesMonitoringEffect")),
		.arm = RECS_ARM(PARAMS_OSVULN,
		                "systemConfigurationsMonitoring, vmssOsVulnerabilitiesMonitoring, windowsGuestConfigBaselinesMonitoring or linuxGuestConfigBaselinesMonitoring"),
		.defaults = RECS_DEFAULTS("four", "systemConfigurationsMonitoringEffect: systemConfigurationsMonitoring, vmssOsVulnerabilitiesMonitoringEffect: vmssOsVulnerabilitiesMonitoring (scale sets), windowsGuestConfigBaselinesMonitoringEffect: windowsGuestConfigBaselinesMonitoring and linuxGuestConfigBaselinesMonitoringEffect: linuxGuestConfigBaselinesMonitoring (guest configuration baselines)"),
		.check = rec_osvuln,
	},
	{
		.id = "AZA-DEF-020", .title = "Endpoint protection recommendations are enabled",
		.area = AZA_AREA_DEFENDER, .level = 1, .severity = AZA_SEV_MEDIUM, SUB_SCOPE, .resp = AZA_RESP_ENDPOINTS, .models = AZA_IAAS,
		.needs = PA " " AZA_PE_TYPE, .subject = "@@" PA, .checklist = "defender.recommendation_endpoint_protection",
		.rationale = REC_RATIONALE_SET("machines and scale sets for a missing or unhealthy endpoint protection solution"),
		.portal = RECS_PORTAL(PARAMS_ENDPOINT),
		.cli = RECS_CLI(AINE("endpointProtectionMonitoringEffect") "," AINE("installEndpointProtectionMonitoringEffect") "," AINE("endpointProtectionHealthIssuesMonitoringEffect") "," AINE("vmssEndpointProtectionMonitoringEffect")),
		.arm = RECS_ARM(PARAMS_ENDPOINT,
		                "endpointProtectionMonitoring, installEndpointProtection, endpointProtectionHealthIssuesMonitoringEffect or vmssEndpointProtectionMonitoring"),
		.defaults = RECS_DEFAULTS("four", "endpointProtectionMonitoringEffect: endpointProtectionMonitoring, installEndpointProtectionMonitoringEffect: installEndpointProtection, endpointProtectionHealthIssuesMonitoringEffect: endpointProtectionHealthIssuesMonitoringEffect (health issues) and vmssEndpointProtectionMonitoringEffect: vmssEndpointProtectionMonitoring (scale sets)"),
		.check = rec_endpoint,
	},
	{
		.id = "AZA-DEF-021", .title = "Disk encryption recommendations are enabled",
		.area = AZA_AREA_DEFENDER, .level = 1, .severity = AZA_SEV_MEDIUM, SUB_SCOPE, .resp = AZA_RESP_DATA, .models = AZA_IAAS,
		.needs = PA " " AZA_PE_TYPE, .subject = "@@" PA, .checklist = "defender.recommendation_disk_encryption",
		.rationale = REC_RATIONALE_SET("virtual machine disks for missing encryption"),
		.portal = RECS_PORTAL(PARAMS_DISK),
		.cli = RECS_CLI(AINE("diskEncryptionMonitoringEffect") "," AINE("gcLinuxDiskEncryptionMonitoringEffect") "," AINE("gcWindowsDiskEncryptionMonitoringEffect")),
		.arm = RECS_ARM(PARAMS_DISK,
		                "diskEncryptionMonitoring, gcLinuxDiskEncryptionMonitoring or gcWindowsDiskEncryptionMonitoring"),
		.defaults = RECS_DEFAULTS("three", "diskEncryptionMonitoringEffect: diskEncryptionMonitoring, gcLinuxDiskEncryptionMonitoringEffect: gcLinuxDiskEncryptionMonitoring and gcWindowsDiskEncryptionMonitoringEffect: gcWindowsDiskEncryptionMonitoring (guest configuration)"),
		.check = rec_disk,
	},
	{
		.id = "AZA-DEF-022", .title = "Storage encryption recommendations are enabled",
		.area = AZA_AREA_DEFENDER, .level = 1, .severity = AZA_SEV_MEDIUM, SUB_SCOPE, .resp = AZA_RESP_DATA, .models = AZA_PAAS,
		.checklist = "defender.recommendation_storage_encryption",
		.rationale = "The benchmark initiative used to assess storage accounts for missing blob encryption (parameter storageEncryptionMonitoringEffect, 'Audit missing blob encryption for storage accounts'). Initiative version " MCSB_VERSION " keeps that parameter only as deprecated (default Disabled) and no policy reads it, so its value proves nothing either way, and no other parameter of the initiative covers the same control: Azure Storage encrypts all data at rest and that cannot be turned off. The benchmark's customer-managed key policy is a different, stricter control. This rule is therefore checked by hand: an automated verdict read from the deprecated parameter would pass whatever it says.",
		.manual = "1. Microsoft Defender for Cloud > Environment settings > <subscription> > Security policies: check the Microsoft cloud security benchmark is assigned (AZA-DEF-018 to 021, 023 and 024 fail without it); ignore storageEncryptionMonitoringEffect, no policy reads it. "
		          "2. If the organisation requires customer-managed keys for storage: in the same assignment check that the policy 'Storage accounts should use customer-managed key for encryption' (parameter storageAccountsShouldUseCustomerManagedKeyForEncryptionMonitoringEffect) is Audit, not Disabled, and has no Disabled policy effect override; then in Defender for Cloud > Recommendations open that recommendation and review the unhealthy storage accounts. "
		          "CLI: az policy assignment show -n SecurityCenterBuiltIn --scope /subscriptions/<id> --query \"properties.parameters.storageAccountsShouldUseCustomerManagedKeyForEncryptionMonitoringEffect\"; az storage account list --query \"[].{name:name, keySource:encryption.keySource}\" (Microsoft.Keyvault means customer-managed keys). "
		          "Infrastructure (double) encryption is checked by AZA-STG-021.",
	},
	{
		.id = "AZA-DEF-023", .title = "SQL auditing recommendations are enabled",
		.area = AZA_AREA_DEFENDER, .level = 1, .severity = AZA_SEV_MEDIUM, SUB_SCOPE, .resp = AZA_RESP_DATA, .models = AZA_PAAS,
		.needs = PA " " AZA_PE_TYPE, .subject = "@@" PA, .checklist = "defender.recommendation_sql_auditing",
		.rationale = REC_RATIONALE("SQL servers and databases for disabled auditing"),
		.portal = REC_MANUAL_CHECK ": sqlServerAuditingMonitoringEffect = AuditIfNotExists.",
		.cli = "az policy assignment update -n SecurityCenterBuiltIn --scope /subscriptions/<id> --params '{\"sqlServerAuditingMonitoringEffect\":{\"value\":\"AuditIfNotExists\"}}'",
		.arm = "policyAssignments (MCSB): properties.parameters.sqlServerAuditingMonitoringEffect.value != 'Disabled'",
		.defaults = REC_DEFAULTS("sqlServerAuditingMonitoringEffect", "sqlServerAuditingMonitoring"), .check = rec_sqlaudit,
	},
	{
		.id = "AZA-DEF-024", .title = "SQL encryption recommendations are enabled",
		.area = AZA_AREA_DEFENDER, .level = 1, .severity = AZA_SEV_MEDIUM, SUB_SCOPE, .resp = AZA_RESP_DATA, .models = AZA_PAAS,
		.needs = PA " " AZA_PE_TYPE, .subject = "@@" PA, .checklist = "defender.recommendation_sql_encryption",
		.rationale = REC_RATIONALE("SQL databases for disabled transparent data encryption"),
		.portal = REC_MANUAL_CHECK ": sqlDbEncryptionMonitoringEffect = AuditIfNotExists.",
		.cli = "az policy assignment update -n SecurityCenterBuiltIn --scope /subscriptions/<id> --params '{\"sqlDbEncryptionMonitoringEffect\":{\"value\":\"AuditIfNotExists\"}}'",
		.arm = "policyAssignments (MCSB): properties.parameters.sqlDbEncryptionMonitoringEffect.value != 'Disabled'",
		.defaults = REC_DEFAULTS("sqlDbEncryptionMonitoringEffect", "sqlDbEncryptionMonitoring"), .check = rec_sqlenc,
	},
	{
		.id = "AZA-DEF-025", .title = "No Microsoft cloud security benchmark policy is disabled",
		.area = AZA_AREA_DEFENDER, .level = 1, .severity = AZA_SEV_MEDIUM, SUB_SCOPE, .resp = AZA_RESP_APPLICATIONS, .models = AZA_SAAS,
		.cis = "6.0.0:8.1.11",
		.rationale = "The benchmark has more than two hundred policies; each one set to Disabled silently removes a class of findings. AZA-DEF-018 to 021, 023 and 024 check the main ones.",
		.manual = "Microsoft Defender for Cloud > Environment settings > <subscription> > Security policies > Microsoft cloud security benchmark: review every policy whose effect is Disabled and record why. CLI: az policy assignment show -n SecurityCenterBuiltIn --scope /subscriptions/<id> --query properties.parameters, and look for values 'Disabled'.",
	},
	{
		.id = "AZA-DEF-026", .title = "Subscription owners are emailed about alerts",
		.area = AZA_AREA_DEFENDER, .level = 1, .severity = AZA_SEV_MEDIUM, SUB_SCOPE, .resp = AZA_RESP_ACCOUNTS, .models = AZA_SAAS,
		.needs = CONTACT " " CONTACT1, .subject = "@" CONTACT " @" CONTACT1, .checklist = "defender.alert_notifications", .cis = "6.0.0:8.1.12",
		.rationale = "Owners can act on an alert in their subscription; when they are not told, alerts wait in the portal unseen.",
		.portal = CONTACT_PORTAL " > All users with the following roles: Owner.",
		.cli = "az rest --method put --url https://management.azure.com/subscriptions/<id>/providers/Microsoft.Security/securityContacts/default?api-version=2023-12-01-preview --body '{\"properties\":{\"isEnabled\":true,\"notificationsByRole\":{\"state\":\"On\",\"roles\":[\"Owner\"]},\"emails\":\"secops@example.com\",\"notificationsSources\":[{\"sourceType\":\"Alert\",\"minimalSeverity\":\"High\"}]}}'",
		.arm = CONTACT_ARM ": properties.notificationsByRole = {state: 'On', roles: ['Owner']}",
		.defaults = CONTACT_DEFAULTS " Owners are only emailed about alerts the contact sends: no Alert entry in notificationsSources is FAIL; without notificationsSources (older API versions) alertNotifications (its state, or the string) must be On, as AZA-DEF-029 reads it: Off, or neither property, is FAIL. notificationsSources that is not an array: UNKNOWN. Older API versions: alertsToAdmins 'On' passes.", .check = notify_owner,
	},
	{
		.id = "AZA-DEF-027", .title = "A security contact email address is set",
		.area = AZA_AREA_DEFENDER, .level = 1, .severity = AZA_SEV_MEDIUM, SUB_SCOPE, .resp = AZA_RESP_ACCOUNTS, .models = AZA_SAAS,
		.needs = CONTACT " " CONTACT1, .subject = "@" CONTACT " @" CONTACT1, .checklist = "defender.security_contact_email", .cis = "6.0.0:8.1.13",
		.rationale = "Microsoft and Defender for Cloud email this address about alerts and compromised resources; a team mailbox keeps notifications from depending on one person.",
		.portal = CONTACT_PORTAL " > Additional email addresses.",
		.cli = "az security contact create -n default --emails secops@example.com --notifications-by-role '{\"state\":\"On\",\"roles\":[\"Owner\"]}'",
		.arm = CONTACT_ARM ": properties.emails = 'secops@example.com'",
		.defaults = CONTACT_DEFAULTS " emails is a ';'-separated string; older API versions call it email. Only entries with an '@' count: none is FAIL. A disabled contact (isEnabled false) emails nobody: FAIL, as in the notification rules.", .check = contact_email,
	},
	{
		.id = "AZA-DEF-028", .title = "A security contact phone number is set",
		.area = AZA_AREA_DEFENDER, .level = 1, .severity = AZA_SEV_LOW, SUB_SCOPE, .resp = AZA_RESP_ACCOUNTS, .models = AZA_SAAS,
		.needs = CONTACT " " CONTACT1, .subject = "@" CONTACT " @" CONTACT1, .checklist = "defender.security_contact_phone",
		.rationale = "Microsoft's security response team uses the phone number when a subscription is found compromised.",
		.portal = CONTACT_PORTAL " (or Cost Management + Billing > Properties for the account phone).",
		.cli = "az security contact update -n default --phone '+1-555-0100'",
		.arm = CONTACT_ARM ": properties.phone",
		.defaults = CONTACT_DEFAULTS, .check = contact_phone,
	},
	{
		.id = "AZA-DEF-029", .title = "Alert notifications are emailed to the security contact",
		.area = AZA_AREA_DEFENDER, .level = 1, .severity = AZA_SEV_MEDIUM, SUB_SCOPE, .resp = AZA_RESP_ACCOUNTS, .models = AZA_SAAS,
		.needs = CONTACT " " CONTACT1, .subject = "@" CONTACT " @" CONTACT1, .checklist = "defender.alert_notifications", .cis = "6.0.0:8.1.14",
		.rationale = "Without alert emails, Defender findings wait in the portal; the notification is what turns detection into a response.",
		.portal = CONTACT_PORTAL " > Notify about alerts with the following severity (or higher): High.",
		.cli = "az rest --method put --url https://management.azure.com/subscriptions/<id>/providers/Microsoft.Security/securityContacts/default?api-version=2023-12-01-preview --body '{\"properties\":{\"isEnabled\":true,\"emails\":\"secops@example.com\",\"notificationsSources\":[{\"sourceType\":\"Alert\",\"minimalSeverity\":\"High\"}]}}'",
		.arm = CONTACT_ARM ": properties.notificationsSources[] {sourceType: 'Alert', minimalSeverity: 'High'}, isEnabled = true",
		.defaults = CONTACT_DEFAULTS " isEnabled false fails every notification rule. A contact with no email address and no role notification (state On with roles) reaches nobody: FAIL. notificationsSources that is not an array: UNKNOWN. Older API versions (no notificationsSources): alertNotifications 'On' passes; a notificationsSources list without an Alert entry (the securityContacts API 2023-12-01-preview, which has no alertNotifications) is FAIL whatever an alertNotifications beside it says, as in AZA-DEF-026.", .check = notify_alerts,
	},
	{
		.id = "AZA-DEF-030", .title = "Attack path notifications are emailed to the security contact",
		.area = AZA_AREA_DEFENDER, .level = 1, .severity = AZA_SEV_LOW, SUB_SCOPE, .resp = AZA_RESP_ACCOUNTS, .models = AZA_SAAS,
		.needs = CONTACT " " CONTACT1, .subject = "@" CONTACT " @" CONTACT1, .checklist = "defender.alert_notifications", .cis = "6.0.0:8.1.15",
		.rationale = "Attack paths show how an attacker could chain weaknesses to reach critical assets; being told of new ones lets the team break the chain early.",
		.portal = CONTACT_PORTAL " > Notify about attack paths with the following risk level (or higher): Critical.",
		.cli = "az rest --method put --url https://management.azure.com/subscriptions/<id>/providers/Microsoft.Security/securityContacts/default?api-version=2023-12-01-preview --body '{\"properties\":{\"isEnabled\":true,\"emails\":\"secops@example.com\",\"notificationsSources\":[{\"sourceType\":\"AttackPath\",\"minimalRiskLevel\":\"Critical\"}]}}'",
		.arm = CONTACT_ARM ": properties.notificationsSources[] {sourceType: 'AttackPath', minimalRiskLevel: 'Critical'}",
		.defaults = CONTACT_DEFAULTS " A contact with no email address and no role notification reaches nobody: FAIL. notificationsSources that is not an array: UNKNOWN. The source must be sourceType 'AttackPath', the only value of NotificationsSourceAttackPath in the Microsoft.Security 2023-12-01-preview specification; 'AttachPath', as some of its examples (GetSecurityContact_example.json) spell it, is not that value, but without an 'AttackPath' entry it gives UNKNOWN naming the spelling, not FAIL. Attack paths need Defender CSPM (AZA-DEF-001).", .check = notify_attack_path,
	},
	{
		.id = "AZA-DEF-031", .title = "Defender External Attack Surface Management is used",
		.area = AZA_AREA_DEFENDER, .level = 2, .severity = AZA_SEV_LOW, SUB_SCOPE, .resp = AZA_RESP_NETWORK, .models = AZA_SAAS,
		.cis = "6.0.0:8.1.16",
		.rationale = "EASM discovers internet-facing assets the organisation may not know it owns, and their vulnerabilities.",
		.manual = "Portal: search for Microsoft Defender EASM and confirm a workspace (Microsoft.Easm/workspaces) exists with discovery run for the organisation's seeds (domains, IP blocks). CLI: az resource list --resource-type Microsoft.Easm/workspaces.",
	},
	{
		.id = "AZA-DEF-032", .title = "Defender for IoT is on for IoT Hubs",
		.area = AZA_AREA_DEFENDER, .level = 2, .severity = AZA_SEV_LOW, SUB_SCOPE, .resp = AZA_RESP_ENDPOINTS, .models = AZA_PAAS,
		.cis = "6.0.0:8.2.1",
		.rationale = "Defender for IoT detects threats to IoT devices and hubs; it only alerts.",
		.manual = "For each IoT Hub: IoT Hub > Security settings > Defender for IoT: On (a Microsoft.Security/iotSecuritySolutions object references the hub). CLI: az security iot-solution list. Not applicable when there is no IoT Hub.",
	},
	{
		.id = "AZA-DEF-033", .title = "Defender for Cloud provisions its agent to machines automatically",
		.area = AZA_AREA_DEFENDER, .level = 1, .severity = AZA_SEV_LOW, SUB_SCOPE, .resp = AZA_RESP_OS, .models = AZA_IAAS,
		.needs = SETTING " " PRICING " " AUTOPROV, .subject = "@" SETTING "=WDATP", .checklist = "defender.auto_provisioning",
		.rationale = "Defender for Servers gets its machine data from one agent, Microsoft Defender for Endpoint, which the WDATP integration deploys automatically to every machine the plan covers, so that none escape assessment; the legacy auto provisioning setting deployed the Log Analytics agent, which is retired. The agent collects and detects; it does not harden the machine.",
		.portal = "Microsoft Defender for Cloud > Environment settings > <subscription> > Defender plans: Servers On; then Servers > Settings & monitoring > Endpoint protection: On. Leave the legacy Log Analytics agent auto provisioning off.",
		.cli = "az security pricing create -n VirtualMachines --tier Standard; az security setting update --name WDATP --enabled true",
		.arm = "Microsoft.Security/pricings/VirtualMachines: properties.pricingTier = 'Standard'; Microsoft.Security/settings/WDATP (kind DataExportSettings): properties.enabled = true",
		.defaults = "Judged as AZA-DEF-013, on the same object (the WDATP setting, or the subscription when it has none): PASS only when the WDATP setting is enabled, Defender for Servers (the VirtualMachines plan) is Standard without resourcesCoverageStatus NotCovered, and WDATP_EXCLUDE_LINUX_PUBLIC_PREVIEW does not keep Linux machines out (Microsoft Learn, 'Enable the Microsoft Defender for Endpoint integration'). No WDATP setting in collected settings, or no VirtualMachines pricing in collected pricings (the Free tier): FAIL, naming what is missing (the Servers plan too when the integration is off or absent and the plan is known to be off). Settings or pricings not collected or unreadable, or a template setting or pricing named only at deployment: UNKNOWN, as in AZA-DEF-013. autoProvisioningSettings/default does not count: it deploys the Log Analytics agent, retired on 31 August 2024, and Microsoft Learn ('Prepare for retirement of the Log Analytics agent', Defender for Cloud) says all Defender for Servers features come from a single agent, Microsoft Defender for Endpoint, complemented by agentless machine scanning, without any dependency on the Log Analytics agent or AMA; the same page deprecates the auto provisioning capability itself (November 2024). Its value On is named in a verdict that is not a PASS; Off or absent, what Microsoft now advises, is not named. A template's legacy setting is not read (a value only known at deployment would make the verdict UNKNOWN for a setting that does not decide it).",
		.check = auto_provision,
	},
	{
		.id = "AZA-DEF-034", .title = "The secure score is at its maximum",
		.area = AZA_AREA_DEFENDER, .level = 1, .severity = AZA_SEV_INFO, SUB_SCOPE, .resp = AZA_RESP_APPLICATIONS, .models = AZA_SAAS,
		.needs = SCORE " " ASSESS, .subject = "@" SCORE, .checklist = "defender.secure_score",
		.rationale = "The secure score summarises the unhealthy recommendations; the message shows the score and the recommendations behind it so responses can be prioritised. Recommendations report: fixing them (or enforcing them with policy) is what raises the score.",
		.portal = "Microsoft Defender for Cloud > Secure score / Recommendations: remediate by descending max score increase.",
		.cli = "az security secure-scores list; az security assessment list --query \"[?status.code=='Unhealthy']\"",
		.arm = "Not a setting: remediate the unhealthy assessments (Microsoft.Security/assessments).",
		.defaults = "Score from secureScores/ascScore; unhealthy assessments counted when collected. Score below 100% or any unhealthy recommendation: FAIL (severity info). score.percentage is the ratio of current to max, rounded to 4 decimals (secureScores API, ScoreDetails): a percentage above 1 is no ratio (a 0-100 figure would pass at 1%): UNKNOWN. A score with max 0 and percentage 0 and no unhealthy recommendation has nothing to assess: NOT_APPLICABLE. No score: UNKNOWN.",
		.check = secure_score,
	},
};
const size_t aza_rules_defender_n = sizeof aza_rules_defender / sizeof aza_rules_defender[0];
