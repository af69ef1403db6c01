/*
 * vm.c - rules of the virtual machine area: VMs, their managed disks and
 * extensions, patch state and endpoint protection, and scale sets (judged
 * on their VM model).
 *
 * Disks are judged on the disk resource (Microsoft.Compute/disks) and VMs on
 * the VM. A disk is attached when its diskState says Attached or Reserved, or
 * (without diskState) when managedBy names a VM; a deployed disk without
 * managedBy is unattached. Platform-managed keys (encryption at rest that
 * Azure always applies) never count as encryption "beyond the default".
 *
 * Extensions are read from three places: Microsoft.Compute/virtualMachines/
 * extensions resources, the "resources" array Resource Manager embeds in a VM
 * GET, and properties.instanceView.extensions when the instance view was
 * collected with the VM. The instance view's list comes from the guest
 * agent, which reports only while the VM runs: of a VM whose power state
 * (instanceView.statuses[] "PowerState/...") is not running, or cannot be
 * read, an extension it lists is evidence but a missing one is not.
 *
 * The three can each list the same extension, read at different times, so
 * every copy is kept and the worse word counts (see struct ext_copy). An
 * extension resource and an embedded copy carry provisioningState
 * (VirtualMachine_Get.json, VirtualMachineExtension_List_MaximumSet_Gen.json,
 * compute 2024-07-01): Resource Manager returns it on every deployed
 * extension, so a deployed copy without it says nothing of the state. An
 * instance view entry carries statuses[] with a ProvisioningState/<state>
 * code instead (VirtualMachine_Get_InstanceView.json).
 */
#include "rule.h"

#include <stdio.h>
#include <string.h>

#define VM "Microsoft.Compute/virtualMachines"
#define VMEXT VM "/extensions"
#define DISK "Microsoft.Compute/disks"
#define ASSESS "Microsoft.Security/assessments"
#define VMSS "Microsoft.Compute/virtualMachineScaleSets"
#define VMSSEXT VMSS "/extensions"

/* Patch assessments older than this say nothing about today's state. */
#define PATCH_MAX_AGE_DAYS 30

/* ---- extensions ---- */

/* Each source lists an extension in its own copy, and the copies are read
 * at different times, so they can disagree: an extension resource that
 * says Succeeded beside an embedded copy that says Failed, or settings
 * that enable antimalware in one and disable it in the other. No copy is
 * taken as the truth: each is kept, and a rule judges every one and lets
 * the worse word count (ext_state, ep_state, ade_one), naming the sources
 * when they disagree. A copy that says nothing (no provisioningState, no
 * settings) leaves the word to the others. */
#define MAX_EXT 64
#define MAX_COPY 6 /* one per source; more only when the input repeats one */
struct ext_copy {
	const char *where; /* the source, for messages */
	/* Its provisioningState, or NULL when it has none. An instance view
	 * copy has a ProvisioningState/<state>[/<code>] status instead: then
	 * <state>, with status the whole code (failed statuses are in
	 * ext.failed, not here). */
	const char *state, *status;
	const aza_json *settings; /* public settings, when the source has them */
	int iv;                   /* read from the VM's instance view */
};
struct ext {
	const char *pub, *type, *name;
	struct ext_copy c[MAX_COPY];
	size_t nc;
	int lost;           /* more copies than fit: some could not be compared */
	const char *failed; /* the instance view status that says it failed, or NULL */
};
struct exts {
	struct ext e[MAX_EXT];
	size_t n;
	int known; /* some source gives the complete list of installed extensions */
	/* Extensions seen whose type cannot be read (absent, not a string) or
	 * that did not fit: what they are is unknown, so they can neither be
	 * approved nor ruled out. untyped_name names the first. */
	size_t untyped;
	const char *untyped_name;
	/* Why the instance view's list, when it was read, is no complete list
	 * (the VM is not running), or NULL. */
	const char *iv_partial;
};

#define SRC_RES "the extension resource"
#define SRC_EMB "the VM's embedded resources"
#define SRC_IV "the VM's instance view"

static void ext_untyped(struct exts *x, const char *name)
{
	if (!x->untyped++)
		x->untyped_name = name ? name : "?";
}

/* Adds one source's copy of an extension, to the extension already read
 * from another source when there is one. A copy from the instance view
 * (cp->iv) names it "Publisher.Type" in one string and has no separate
 * publisher; that string is kept whole (both publishers and types contain
 * dots: Microsoft.Azure.Security, MDE.Windows) and compared whole with
 * "pub.type" of the copies read elsewhere. */
static void ext_add(aza_ev *ev, struct exts *x, const char *pub, const char *type, const char *name,
                    const struct ext_copy *cp, const char *failed)
{
	if (!type) {
		ext_untyped(x, name);
		return;
	}
	struct ext *o = NULL;
	for (size_t i = 0; i < x->n && !o; i++) {
		struct ext *e = &x->e[i];
		if ((aza__strieq(e->type, type) && (!pub || !e->pub || aza__strieq(e->pub, pub))) ||
		    (cp->iv && e->pub && aza__strieq(aza_ev_fmt(ev, "%s.%s", e->pub, e->type), type)))
			o = e;
	}
	if (!o) {
		if (x->n >= MAX_EXT) {
			ext_untyped(x, name ? name : type);
			return;
		}
		o = &x->e[x->n++];
		*o = (struct ext){.pub = pub, .type = type, .name = name ? name : type};
	}
	if (o->nc < MAX_COPY)
		o->c[o->nc++] = *cp;
	else
		o->lost = 1;
	/* A failed status marks the extension whichever copy carries it:
	 * the instance view is the agent's latest word. */
	if (failed && !o->failed)
		o->failed = failed;
}

/* Every copy of e comes from the instance view, which shows no settings. */
static int ext_only_iv(const struct ext *e)
{
	for (size_t i = 0; i < e->nc; i++)
		if (!e->c[i].iv)
			return 0;
	return e->nc > 0;
}

/* An extension instance view's statuses[] says what the agent last did;
 * "ProvisioningState/failed[/<error code>]" means the handler did not
 * install or enable, whatever provisioningState Resource Manager kept.
 * Returns the evidence (code and message) or NULL. */
static const char *iv_failed(aza_ev *ev, const aza_json *statuses)
{
	aza_json_each(st, statuses) {
		const char *code = aza_json_str(aza_json_get(st, "code"));
		if (!code || !aza__istarts(code, "ProvisioningState/failed"))
			continue;
		const char *msg = aza_json_str(aza_json_get(st, "message"));
		return aza_ev_fmt(ev, "%s%s%s%s", code, msg ? " ('" : "", msg ? msg : "", msg ? "')" : "");
	}
	return NULL;
}

/* The state an instance view copy reports (ProvisioningState/succeeded,
 * /transitioning...): sets c->state to the word after the slash and
 * c->status to the code, or leaves both NULL when there is no such status
 * or it says failed (iv_failed reads that one). */
static void iv_state(aza_ev *ev, const aza_json *statuses, struct ext_copy *c)
{
	aza_json_each(st, statuses) {
		const char *code = aza_json_str(aza_json_get(st, "code"));
		if (!code || !aza__istarts(code, "ProvisioningState/"))
			continue;
		const char *w = code + strlen("ProvisioningState/");
		if (aza__istarts(w, "failed"))
			return;
		c->state = aza_ev_fmt(ev, "%.*s", (int)strcspn(w, "/"), w);
		c->status = code;
		return;
	}
}

/* The VM's power state: the first instanceView.statuses[] code that starts
 * with "PowerState/" (PowerState/running, /deallocated, /stopped, ...), or
 * NULL when the instance view has none. */
static const char *vm_power(aza_ev *ev, const aza_res *r)
{
	aza_json_each(st, aza_prop(ev, r, "properties.instanceView.statuses")) {
		const char *code = aza_json_str(aza_json_get(st, "code"));
		if (code && aza__istarts(code, "PowerState/"))
			return code;
	}
	return NULL;
}

/* A Resource Manager copy (extension resource or embedded): its
 * provisioningState, which Resource Manager returns on every deployed
 * extension (a missing one is an incomplete export and says nothing). A
 * template's extension has none before it is deployed: it is what will be
 * deployed, so it counts as Succeeded. */
static struct ext_copy rm_copy(const char *where, const aza_json *props, int tmpl)
{
	const char *st = aza_json_str(aza_json_get(props, "provisioningState"));
	return (struct ext_copy){where, st ? st : (tmpl ? "Succeeded" : NULL), NULL, aza_json_get(props, "settings"), 0};
}

static void ext_collect(aza_ev *ev, const aza_res *r, struct exts *x)
{
	memset(x, 0, sizeof *x);
	for (const aza_res *c = aza_inv_child(aza_ev_inv(ev), r->id, VMEXT); c; c = aza_inv_next_child(c, r->id)) {
		x->known = 1;
		const aza_json *p = aza_prop(ev, c, "properties");
		struct ext_copy cp = rm_copy(SRC_RES, p, aza_is_template(c));
		ext_add(ev, x, aza_json_str(aza_json_get(p, "publisher")), aza_json_str(aza_json_get(p, "type")), aza_last_seg(c->name),
		        &cp, iv_failed(ev, aza_json_path(p, "instanceView.statuses")));
	}
	const aza_json *emb = aza_json_get(aza_doc(ev, r), "resources");
	if (aza_json_is(emb, AZA_JARR)) {
		x->known = 1;
		aza_json_each(e, emb) {
			const char *t = aza_json_str(aza_json_get(e, "type"));
			if (t && !aza__iends(t, "/extensions") && !aza__strieq(t, "extensions"))
				continue;
			const aza_json *p = aza_json_get(e, "properties");
			struct ext_copy cp = rm_copy(SRC_EMB, p, aza_is_template(r));
			ext_add(ev, x, aza_json_str(aza_json_get(p, "publisher")), aza_json_str(aza_json_get(p, "type")),
			        aza_json_str(aza_json_get(e, "name")), &cp, iv_failed(ev, aza_json_path(p, "instanceView.statuses")));
		}
	}
	const aza_json *iv = aza_prop(ev, r, "properties.instanceView.extensions");
	if (aza_json_is(iv, AZA_JARR)) {
		/* A deallocated or stopped VM's agent reports nothing, so an
		 * empty (or short) list there does not mean not installed. */
		const char *pw = vm_power(ev, r);
		if (pw && aza__strieq(pw, "PowerState/running"))
			x->known = 1;
		else
			x->iv_partial = pw ? aza_ev_fmt(ev, "the VM's power state is %s, and instanceView.extensions lists only what a running VM's guest agent reported", pw)
			                   : "the VM's instance view has no PowerState status, so instanceView.extensions may come from a VM that is not running (its guest agent reports nothing then)";
		aza_json_each(e, iv) {
			const char *t = aza_json_str(aza_json_get(e, "type"));
			if (!t) {
				/* Without a type only its name can match an extension
				 * already read from another source. */
				const char *nm = aza_json_str(aza_json_get(e, "name"));
				int seen = 0;
				for (size_t i = 0; nm && i < x->n && !seen; i++)
					seen = aza__strieq(x->e[i].name, nm);
				if (!seen)
					ext_untyped(x, nm);
				continue;
			}
			const aza_json *sts = aza_json_get(e, "statuses");
			struct ext_copy cp = {.where = SRC_IV, .iv = 1};
			iv_state(ev, sts, &cp);
			ext_add(ev, x, NULL, t, aza_json_str(aza_json_get(e, "name")), &cp, iv_failed(ev, sts));
		}
	}
}

static const char *ext_full(aza_ev *ev, const struct ext *e)
{
	return e->pub ? aza_ev_fmt(ev, "%s.%s", e->pub, e->type) : e->type;
}

static const char *ext_names(aza_ev *ev, const struct exts *x)
{
	const char *s = "";
	for (size_t i = 0; i < x->n; i++)
		s = aza_ev_fmt(ev, "%s%s%s", s, i ? ", " : "", ext_full(ev, &x->e[i]));
	return s;
}

/* Is e the extension pub.type? 1 yes, 0 no, -1 its type matches but its
 * publisher cannot be read (an extension type is only meaningful with its
 * publisher: anyone can publish a handler called IaaSAntimalware). */
static int ext_match(aza_ev *ev, const struct ext *e, const char *pub, const char *type)
{
	if (e->pub)
		return aza__strieq(e->pub, pub) && aza__strieq(e->type, type);
	if (aza__strieq(e->type, aza_ev_fmt(ev, "%s.%s", pub, type)))
		return 1; /* instance view: "Publisher.Type" */
	return aza__strieq(e->type, type) ? -1 : 0;
}

/* What the copies of an extension say of its provisioning, worst last. */
enum { EST_OK, EST_NONE, EST_PENDING, EST_FAILED };

static int est_rank(const char *state)
{
	if (!state)
		return EST_NONE;
	if (aza__strieq(state, "Succeeded"))
		return EST_OK;
	return aza__strieq(state, "Failed") ? EST_FAILED : EST_PENDING;
}

/* "[its ]provisioningState is X" (has 0) or "[has ]provisioningState X"
 * (has 1) for copy c, with "instance view status" for an instance view
 * copy; lead adds the bracketed word. */
static const char *est_word(aza_ev *ev, const struct ext_copy *c, int has, int lead)
{
	const char *field = c->iv ? "instance view status" : "provisioningState";
	const char *val = c->iv ? c->status : c->state;
	return has ? aza_ev_fmt(ev, "%s%s %s", lead ? "has " : "", field, val) : aza_ev_fmt(ev, "%s%s is %s", lead ? "its " : "", field, val);
}

/* Judges an extension's provisioning from all its copies: EST_FAILED when
 * one says Failed (or an instance view status says it failed), else
 * EST_PENDING when one says anything but Succeeded (Creating, Updating,
 * Deleting, ProvisioningState/transitioning), else EST_NONE when none says
 * anything, else EST_OK. *why (NULL for EST_OK) is the evidence in the
 * style of est_word; when another copy says Succeeded it names both
 * sources: the copies were read at different times and the worse word
 * counts. */
static int ext_state(aza_ev *ev, const struct ext *e, int has, const char **why)
{
	const struct ext_copy *worst = NULL, *ok = NULL;
	for (size_t i = 0; i < e->nc; i++) {
		const struct ext_copy *c = &e->c[i];
		int k = est_rank(c->state);
		if (k == EST_OK && !ok)
			ok = c;
		else if (k > EST_NONE && (!worst || k > est_rank(worst->state)))
			worst = c;
	}
	*why = NULL;
	int wk = worst ? est_rank(worst->state) : EST_NONE;
	/* A copy that says Failed names the extension's own state; an
	 * instance view status that says failed comes next. */
	if (wk != EST_FAILED && e->failed) {
		*why = has ? aza_ev_fmt(ev, "has instance view status %s", e->failed) : aza_ev_fmt(ev, "its instance view status is %s", e->failed);
		return EST_FAILED;
	}
	if (!worst) {
		if (e->lost) {
			*why = aza_ev_fmt(ev, "%s listed more than %d times, so not every copy could be compared", has ? "is" : "it is", MAX_COPY);
			return EST_NONE;
		}
		if (ok)
			return EST_OK;
		/* No copy says anything: name what is missing where. */
		const char *rm = NULL;
		int iv = 0;
		for (size_t i = 0; i < e->nc; i++)
			if (e->c[i].iv)
				iv = 1;
			else if (!rm || !strstr(rm, e->c[i].where))
				rm = rm ? aza_ev_fmt(ev, "%s or %s", rm, e->c[i].where) : e->c[i].where;
		*why = aza_ev_fmt(ev, "%shas %s%s%s%s%s", has ? "" : "it ",
		                  rm ? "no readable provisioningState in " : "", rm ? rm : "",
		                  rm ? " (Resource Manager returns one for every deployed extension, so the export is incomplete)" : "",
		                  rm && iv ? " and " : "", iv ? "no ProvisioningState status in " SRC_IV : "");
		return EST_NONE;
	}
	const char *w = est_word(ev, worst, has, 1);
	if (ok) {
		/* Another copy says Succeeded: name both. */
		if (ok->iv == worst->iv)
			w = aza_ev_fmt(ev, "%s in %s, %s in %s", w, worst->where, ok->iv ? ok->status : ok->state, ok->where);
		else
			w = aza_ev_fmt(ev, "%s%s%s, and %s%s%s", w, worst->iv ? "" : " in ", worst->iv ? "" : worst->where,
			               est_word(ev, ok, has, !has), ok->iv ? "" : " in ", ok->iv ? "" : ok->where);
		w = aza_ev_fmt(ev, "%s (the sources disagree: the worse word counts)", w);
	}
	*why = w;
	return wk;
}

/* Why the list of installed extensions may be incomplete, or NULL when it
 * is complete. */
static const char *ext_gap(aza_ev *ev, const aza_res *r, const struct exts *x)
{
	const char *why;
	if (x->known)
		return NULL;
	if (aza_ev_collected(ev, VMEXT, r, &why))
		return NULL; /* collected: this VM simply has no other */
	return x->iv_partial ? aza_ev_fmt(ev, "%s; %s", x->iv_partial, why) : why;
}

/* ---- Defender for Cloud assessments ---- */

/* Assessments are recognised by their key (the GUID name of
 * Microsoft.Security/assessments, the last segment of the id), never by
 * display name: names change (e1145ab1-... was "... (powered by Update
 * Center)" before "... (powered by Azure Update Manager)"), several share
 * words with different meanings, and a custom assessment can borrow any
 * name. A rule lists the keys that are evidence, each with a kind. */
struct akey {
	const char *key;
	int kind;
};
#define AKINDS 4

/* The VM's assessments of each kind: the first Unhealthy, the first
 * Healthy and the first with any other status (NotApplicable, none). */
struct assess {
	const aza_res *bad[AKINDS], *good[AKINDS], *other[AKINDS];
};

static void assessments(aza_ev *ev, const aza_res *r, const struct akey *keys, size_t n, struct assess *o)
{
	memset(o, 0, sizeof *o);
	for (const aza_res *a = aza_inv_child(aza_ev_inv(ev), r->id, ASSESS); a; a = aza_inv_next_child(a, r->id)) {
		const char *key = aza_last_seg(a->id);
		int kind = -1;
		for (size_t k = 0; k < n && kind < 0; k++)
			if (aza__strieq(key, keys[k].key))
				kind = keys[k].kind;
		if (kind < 0)
			continue;
		const char *code = aza_json_str(aza_prop(ev, a, "properties.status.code"));
		const aza_res **slot = code && aza__strieq(code, "Unhealthy") ? &o->bad[kind]
		                       : code && aza__strieq(code, "Healthy") ? &o->good[kind]
		                                                              : &o->other[kind];
		if (!*slot)
			*slot = a;
	}
}

/* "'display name' (key)", or the key alone. */
static const char *assess_name(aza_ev *ev, const aza_res *a)
{
	const char *dn = aza_json_str(aza_prop(ev, a, "properties.displayName"));
	const char *key = aza_last_seg(a->id);
	return dn && *dn ? aza_ev_fmt(ev, "'%s' (%s)", dn, key) : aza_ev_fmt(ev, "%s", key);
}

/* ---- disks ---- */

#define CVM_CMK "ConfidentialVM_DiskEncryptedWithCustomerKey"

/* 1: customer-managed key (*type the encryption.type), 2: the confidential
 * VM encryption with a customer key (*type names it), 0: platform key (or
 * not set), -1: unreadable. A confidential VM's OS disk encrypted with a
 * customer key keeps encryption.type EncryptionAtRestWithPlatformKey for
 * the storage layer: securityProfile.securityType CVM_CMK ("Confidential
 * VM disk with both OS disk and VM guest state encrypted with a customer
 * managed key", DiskSecurityTypes, disk.json of the Compute API) with
 * secureVMDiskEncryptionSetId is what puts the disk under the customer's
 * key. */
static int disk_cmk(aza_ev *ev, const aza_res *d, const char **type)
{
	const aza_json *v = aza_prop(ev, d, "properties.encryption.type");
	const char *t = aza_json_str(v);
	*type = t;
	if (!t && v && !aza_json_is(v, AZA_JNULL))
		return -1;
	if (t && (aza__strieq(t, "EncryptionAtRestWithCustomerKey") || aza__strieq(t, "EncryptionAtRestWithPlatformAndCustomerKeys")))
		return 1;
	if (t && !aza__strieq(t, "EncryptionAtRestWithPlatformKey"))
		return -1;
	const char *st = aza_json_str(aza_prop(ev, d, "properties.securityProfile.securityType"));
	if (st && aza__strieq(st, CVM_CMK)) {
		const char *des = aza_json_str(aza_prop(ev, d, "properties.securityProfile.secureVMDiskEncryptionSetId"));
		*type = aza_ev_fmt(ev, "securityProfile.securityType " CVM_CMK "%s%s", des && *des ? ", disk encryption set " : "",
		                   des && *des ? aza_last_seg(des) : "");
		return 2;
	}
	return 0;
}

static int disk_ade(aza_ev *ev, const aza_res *d)
{
	int b;
	return aza_json_bool(aza_prop(ev, d, "properties.encryptionSettingsCollection.enabled"), &b) && b;
}

/* A template's disk has no diskState or managedBy before deployment: it is
 * attached when a VM of the same template names it (osDisk or a data
 * disk's managedDisk.id, as the expander resolved it). */
static const aza_res *template_disk_vm(aza_ev *ev, const aza_res *d)
{
	for (const aza_res *vm = aza_inv_first(aza_ev_inv(ev), VM); vm; vm = vm->next_of_type) {
		if (!aza_is_template(vm) || strcmp(vm->source, d->source))
			continue;
		const char *os = aza_json_str(aza_prop(ev, vm, "properties.storageProfile.osDisk.managedDisk.id"));
		if (os && aza__strieq(os, d->id))
			return vm;
		aza_json_each(dd, aza_prop(ev, vm, "properties.storageProfile.dataDisks")) {
			const char *id = aza_json_str(aza_json_path(dd, "managedDisk.id"));
			if (id && aza__strieq(id, d->id))
				return vm;
		}
	}
	return NULL;
}

/* 1 attached to a VM, 0 unattached, -1 cannot tell. */
static int disk_attached(aza_ev *ev, const aza_res *d, const char **how)
{
	const aza_json *stj = aza_prop(ev, d, "properties.diskState");
	const char *st = aza_json_str(stj);
	if (stj && !st && !aza_json_is(stj, AZA_JNULL)) {
		*how = "diskState is not a string";
		return -1;
	}
	if (st && (aza__strieq(st, "Attached") || aza__strieq(st, "Reserved"))) {
		*how = aza_ev_fmt(ev, "diskState is %s", st);
		return 1;
	}
	if (st && aza__strieq(st, "Unattached")) {
		*how = "diskState is Unattached";
		return 0;
	}
	const aza_json *mb = aza_json_get(aza_doc(ev, d), "managedBy");
	const char *m = aza_json_str(mb);
	if (m && *m) {
		*how = aza_ev_fmt(ev, "attached to %s", aza_last_seg(m));
		return 1;
	}
	if (mb && !m && !aza_json_is(mb, AZA_JNULL)) {
		*how = "managedBy is not a string";
		return -1;
	}
	if (!st && aza_is_template(d)) {
		const aza_res *vm = template_disk_vm(ev, d);
		*how = vm ? aza_ev_fmt(ev, "attached to VM %s of the template", vm->name) : "no VM of the template attaches it";
		return vm != NULL;
	}
	*how = st ? aza_ev_fmt(ev, "diskState is %s and no managedBy", st) : "no managedBy (not attached to a VM)";
	return 0;
}

/* ---- VM disk encryption ---- */

/* What the Azure Disk Encryption extension covers, for disks whose own
 * resource was not collected: ADE_OS and/or ADE_DATA. Its public settings
 * say which volumes it was asked to encrypt (VolumeType "All", "OS" or
 * "Data") and whether it was asked to encrypt at all (EncryptionOperation
 * "DisableEncryption" decrypts). Without a VolumeType the two handlers
 * differ: on Windows (AzureDiskEncryption) an omitted VolumeType means All
 * (Set-AzVMDiskEncryptionExtension documents it and, when the parameter is
 * omitted, sends "VolumeType": ""), while the Linux handler
 * (AzureDiskEncryptionForLinux) requires one: its fatal prechecks reject a
 * missing or empty VolumeType, so nothing is encrypted. An extension known
 * only from the instance view, which shows no settings, or one whose
 * settings are not in the input, cannot tell which volumes it covers. A
 * failed extension covers nothing. A VM may show more than one (the Windows
 * and the Linux handler, or one copy without a readable publisher beside
 * its instance view entry): a disk is covered when any covers its kind,
 * and left unknown by all of them together, so why[k] gathers the reason
 * of every extension that does not cover kind k (0 OS, 1 data) and
 * label[k] names the first that does. Returns ADE_OS and/or ADE_DATA. */
#define ADE_OS 1
#define ADE_DATA 2

/* What one copy's settings (an object or not, never NULL) ask the
 * extension to encrypt: the kinds, with *say describing them ("VolumeType
 * OS (data disks not covered)", "VolumeType All") and *label the evidence
 * for what they cover. lin: the Linux handler. */
static int ade_settings(aza_ev *ev, const aza_json *s, int lin, const char **say, const char **label)
{
	*label = "Azure Disk Encryption extension";
	if (!aza_json_is(s, AZA_JOBJ)) {
		*say = "settings that are not an object";
		return 0;
	}
	const aza_json *vt = aza_json_get(s, "VolumeType");
	const aza_json *opj = aza_json_get(s, "EncryptionOperation");
	const char *op = aza_json_str(opj);
	const char *v = aza_json_str(vt);
	if (opj && !op && !aza_json_is(opj, AZA_JNULL)) {
		*say = "an EncryptionOperation that is not a string";
		return 0;
	}
	if (op && aza__strieq(op, "DisableEncryption")) {
		*say = "EncryptionOperation DisableEncryption";
		return 0;
	}
	int unset = !vt || aza_json_is(vt, AZA_JNULL);
	if (unset || (v && !*v)) {
		if (lin) {
			*say = unset ? "no VolumeType (the Linux extension requires one and does not default to All)"
			             : "an empty VolumeType (the Linux extension requires one and does not default to All)";
			return 0;
		}
		*say = unset ? "no VolumeType (All on Windows)" : "an empty VolumeType (All on Windows)";
		*label = unset ? "Azure Disk Encryption extension, VolumeType not set: All on Windows"
		               : "Azure Disk Encryption extension, VolumeType empty: All on Windows";
		return ADE_OS | ADE_DATA;
	}
	if (v && aza__strieq(v, "All")) {
		*say = "VolumeType All";
		return ADE_OS | ADE_DATA;
	}
	if (v && aza__strieq(v, "OS")) {
		*say = "VolumeType OS (data disks not covered)";
		return ADE_OS;
	}
	if (v && aza__strieq(v, "Data")) {
		*say = "VolumeType Data (OS disk not covered)";
		return ADE_DATA;
	}
	*say = v ? aza_ev_fmt(ev, "an unknown VolumeType '%s'", v) : "a VolumeType that is not a string";
	return 0;
}

static int ade_bits(int k)
{
	return !!(k & ADE_OS) + !!(k & ADE_DATA);
}

/* One extension: -1 when it is no Azure Disk Encryption extension, else
 * the kinds it covers, with *why the reason it covers no more (or NULL)
 * and *label the evidence for what it covers. Every copy that shows
 * settings is judged; when they ask for different volumes only what all of
 * them cover counts, and *why names the copy that covers least beside one
 * that covers more. */
static int ade_one(aza_ev *ev, const struct ext *e, const char **why, const char **label)
{
	int lin = 0;
	int m = ext_match(ev, e, "Microsoft.Azure.Security", "AzureDiskEncryption");
	if (!m && (m = ext_match(ev, e, "Microsoft.Azure.Security", "AzureDiskEncryptionForLinux")) != 0)
		lin = 1;
	*why = NULL;
	*label = "Azure Disk Encryption extension";
	if (!m)
		return -1;
	const char *nm = aza_ev_fmt(ev, "Azure Disk Encryption extension '%s'", e->name);
	if (m < 0) {
		*why = aza_ev_fmt(ev, "%s has no readable publisher", nm);
		return 0;
	}
	/* Only a handler that finished installing is evidence: Creating,
	 * Updating or Deleting may as well end without encryption. */
	const char *st;
	if (ext_state(ev, e, 1, &st) != EST_OK) {
		*why = aza_ev_fmt(ev, "%s %s", nm, st);
		return 0;
	}
	const struct ext_copy *least = NULL, *more = NULL;
	const char *lsay = NULL, *msay = NULL;
	int cover = ADE_OS | ADE_DATA, lk = 0;
	for (size_t i = 0; i < e->nc; i++) {
		const struct ext_copy *c = &e->c[i];
		if (!c->settings || aza_json_is(c->settings, AZA_JNULL))
			continue; /* says nothing of the volumes */
		const char *say, *l;
		int k = ade_settings(ev, c->settings, lin, &say, &l);
		cover &= k;
		if (!least || ade_bits(k) < ade_bits(lk))
			least = c, lsay = say, lk = k, *label = l;
	}
	for (size_t i = 0; least && i < e->nc && !more; i++) {
		const struct ext_copy *c = &e->c[i];
		const char *say, *l;
		if (c->settings && !aza_json_is(c->settings, AZA_JNULL) && ade_settings(ev, c->settings, lin, &say, &l) != lk)
			more = c, msay = say;
	}
	if (!least) {
		*why = ext_only_iv(e) ? aza_ev_fmt(ev, "%s is seen only in the instance view, which does not show its settings (VolumeType)", nm)
		                      : aza_ev_fmt(ev, "%s has no settings in the input, so the volumes it encrypts cannot be told", nm);
		return 0;
	}
	if (more)
		*why = aza_ev_fmt(ev, "%s has %s in %s, %s in %s (the sources disagree: only what every copy covers counts)", nm, lsay,
		                  least->where, msay, more->where);
	else if (cover != (ADE_OS | ADE_DATA))
		*why = aza_ev_fmt(ev, "%s has %s", nm, lsay);
	return cover;
}

static int ade_cover(aza_ev *ev, const struct exts *x, const char *why[2], const char *label[2])
{
	int cover = 0;
	why[0] = why[1] = NULL;
	label[0] = label[1] = NULL;
	for (size_t i = 0; i < x->n; i++) {
		const char *r, *l;
		int c = ade_one(ev, &x->e[i], &r, &l);
		if (c < 0)
			continue;
		for (int k = 0; k < 2; k++) {
			if (c & (k ? ADE_DATA : ADE_OS)) {
				if (!label[k])
					label[k] = l;
			} else if (r) {
				why[k] = why[k] ? aza_ev_fmt(ev, "%s; %s", why[k], r) : r;
			}
		}
		cover |= c;
	}
	return cover;
}

/* Judge one disk reference of the VM: 1 beyond default, 0 platform only,
 * -1 unknown. *what names the evidence. */
static int vm_disk_enc(aza_ev *ev, const aza_json *ref, int tmpl, int ade_ext, const char *ade_label, const char *ade_why,
                       const char **what)
{
	int b;
	if (aza_json_bool(aza_json_path(ref, "encryptionSettings.enabled"), &b) && b) {
		*what = "Azure Disk Encryption";
		return 1;
	}
	const aza_json *md = aza_json_get(ref, "managedDisk");
	if (!aza_json_is(md, AZA_JOBJ))
		md = NULL;
	/* An empty id (a template's optional parameter left "") names no set. */
	const char *des = aza_json_str(aza_json_path(md, "diskEncryptionSet.id"));
	if (des && *des) {
		*what = aza_ev_fmt(ev, "disk encryption set %s", aza_last_seg(des));
		return 1;
	}
	/* A confidential VM's OS disk names its customer key in
	 * managedDisk.securityProfile.diskEncryptionSet ("the customer managed
	 * disk encryption set ... for Customer Managed Key encrypted
	 * ConfidentialVM OS Disk and VMGuest blob", VMDiskSecurityProfile of the
	 * Compute API); it covers the disk itself only with securityEncryptionType
	 * DiskWithVMGuestState, VMGuestStateOnly encrypting the guest state
	 * alone. */
	const char *set = aza_json_str(aza_json_path(md, "securityProfile.securityEncryptionType"));
	des = aza_json_str(aza_json_path(md, "securityProfile.diskEncryptionSet.id"));
	if (des && *des && set && aza__strieq(set, "DiskWithVMGuestState")) {
		*what = aza_ev_fmt(ev, "confidential disk encryption (DiskWithVMGuestState) with disk encryption set %s", aza_last_seg(des));
		return 1;
	}
	const char *id = aza_json_str(aza_json_get(md, "id"));
	const aza_res *d = id ? aza_inv_find(aza_ev_inv(ev), id) : NULL;
	if (d) {
		const char *t;
		int k = disk_cmk(ev, d, &t);
		if (k >= 1) {
			*what = t;
			return 1;
		}
		if (disk_ade(ev, d)) {
			*what = "Azure Disk Encryption";
			return 1;
		}
		if (k < 0) {
			*what = "encryption.type unreadable";
			return -1;
		}
		*what = "platform-managed key only";
		return 0;
	}
	if (ade_ext) {
		*what = ade_label;
		return 1;
	}
	if (!md && aza_json_get(ref, "vhd")) {
		*what = "unmanaged VHD with storage service encryption only";
		return 0;
	}
	/* A template VM whose disk is made with it (createOption FromImage or
	 * Empty) and names no encryption set gets the platform-managed key, as
	 * a scale set model does (AZA-VMSS-002); a deployed VM's GET names the
	 * disk it made, so only a template lacks the id. An ephemeral OS disk
	 * (diffDiskSettings) is no managed disk and stays unknown here. */
	const char *co = aza_json_str(aza_json_get(ref, "createOption"));
	if (tmpl && !id && !ade_why && co && (aza__strieq(co, "FromImage") || aza__strieq(co, "Empty")) &&
	    !aza_json_get(ref, "diffDiskSettings")) {
		*what = aza_ev_fmt(ev, "createOption %s without a disk encryption set: the platform-managed key", co);
		return 0;
	}
	*what = id ? "disk resource not in the input" : "no managed disk id";
	if (ade_why)
		*what = aza_ev_fmt(ev, "%s; %s", *what, ade_why);
	return -1;
}

static void disk_encryption(aza_ev *ev, const aza_res *r)
{
	int b;
	const aza_json *sp = aza_prop(ev, r, "properties.storageProfile");
	if (aza_json_bool(aza_prop(ev, r, "properties.securityProfile.encryptionAtHost"), &b) && b) {
		aza_pass(ev, r, "securityProfile.encryptionAtHost is true: all disks, caches and the temp disk are encrypted at the host");
		return;
	}
	const aza_json *os = aza_json_get(sp, "osDisk");
	if (!os) {
		aza_unknown(ev, r, "storageProfile.osDisk is absent");
		return;
	}
	struct exts x;
	ext_collect(ev, r, &x);
	const char *ade_why[2], *ade_label[2];
	int ade = ade_cover(ev, &x, ade_why, ade_label);
	const char *bad = "", *unk = "", *good = "";
	size_t nbad = 0, nunk = 0, n = 0;
	const aza_json *refs[65];
	refs[n++] = os;
	aza_json_each(dd, aza_json_get(sp, "dataDisks"))
		if (n < sizeof refs / sizeof refs[0])
			refs[n++] = dd;
	for (size_t i = 0; i < n; i++) {
		const char *what;
		const char *nm = aza_json_str(aza_json_get(refs[i], "name"));
		if (!nm)
			nm = aza_last_seg(aza_json_str(aza_json_path(refs[i], "managedDisk.id")));
		const char *label = aza_ev_fmt(ev, "%s disk '%s'", i ? "data" : "OS", nm && *nm ? nm : "?");
		int k = vm_disk_enc(ev, refs[i], aza_is_template(r), ade & (i ? ADE_DATA : ADE_OS), ade_label[i > 0], ade_why[i > 0], &what);
		if (k == 1)
			good = aza_ev_fmt(ev, "%s%s%s (%s)", good, *good ? ", " : "", label, what);
		else if (k == 0)
			bad = aza_ev_fmt(ev, "%s%s%s (%s)", bad, nbad++ ? ", " : "", label, what);
		else
			unk = aza_ev_fmt(ev, "%s%s%s (%s)", unk, nunk++ ? ", " : "", label, what);
	}
	if (nbad)
		aza_fail(ev, r, "no encryption at host, and %s not encrypted beyond the platform default: %s",
		         nbad > 1 ? "these disks are" : "this disk is", bad);
	else if (nunk)
		aza_unknown(ev, r, "encryption at host is off and the encryption of %s cannot be told", unk);
	else
		aza_pass(ev, r, "every disk is encrypted beyond the platform default: %s", good);
}

/* ---- disk resources ---- */

static void disk_cmk_attached(aza_ev *ev, const aza_res *r)
{
	const char *how, *t;
	int a = disk_attached(ev, r, &how);
	if (a < 0) {
		aza_unknown(ev, r, "cannot tell whether the disk is attached: %s", how);
		return;
	}
	if (!a) {
		aza_na(ev, r, "%s: unattached disks are judged by AZA-VM-003", how);
		return;
	}
	int k = disk_cmk(ev, r, &t);
	const char *des = aza_json_str(aza_prop(ev, r, "properties.encryption.diskEncryptionSetId"));
	if (k == 2)
		aza_pass(ev, r, "%s: the confidential VM encryption puts the disk under a customer-managed key", t);
	else if (k == 1)
		aza_pass(ev, r, "encryption.type is %s%s%s", t, des ? ", disk encryption set " : "", des ? aza_last_seg(des) : "");
	else if (k == 0)
		aza_fail(ev, r, "encryption.type is %s: the disk uses a platform-managed key", t ? t : "not set (EncryptionAtRestWithPlatformKey)");
	else
		aza_unknown(ev, r, "encryption.type is not a known value");
}

static void disk_unattached(aza_ev *ev, const aza_res *r)
{
	const char *how, *t;
	int a = disk_attached(ev, r, &how);
	if (a < 0) {
		aza_unknown(ev, r, "cannot tell whether the disk is attached: %s", how);
		return;
	}
	if (a) {
		aza_na(ev, r, "%s", how);
		return;
	}
	int k = disk_cmk(ev, r, &t);
	if (k == 2)
		aza_pass(ev, r, "unattached (%s); %s", how, t);
	else if (k == 1)
		aza_pass(ev, r, "unattached (%s); encryption.type is %s", how, t);
	else if (disk_ade(ev, r))
		aza_pass(ev, r, "unattached (%s); Azure Disk Encryption keys are in the customer's key vault", how);
	else if (k == 0)
		aza_fail(ev, r, "unattached (%s) and encrypted with a platform-managed key only: anyone who can attach or export it reads the data",
		         how);
	else
		aza_unknown(ev, r, "unattached (%s); encryption.type is not a known value", how);
}

static void disk_network(aza_ev *ev, const aza_res *r)
{
	const char *nap = aza_json_str(aza_prop(ev, r, "properties.networkAccessPolicy"));
	const aza_json *pnaj = aza_prop(ev, r, "properties.publicNetworkAccess");
	const char *pna = aza_json_str(pnaj);
	if (!nap && aza_prop(ev, r, "properties.networkAccessPolicy") &&
	    !aza_json_is(aza_prop(ev, r, "properties.networkAccessPolicy"), AZA_JNULL)) {
		aza_unknown(ev, r, "networkAccessPolicy is not a string");
		return;
	}
	if (nap && aza__strieq(nap, "DenyAll"))
		aza_pass(ev, r, "networkAccessPolicy is DenyAll: the disk cannot be exported or uploaded to");
	else if (nap && aza__strieq(nap, "AllowPrivate"))
		aza_pass(ev, r, "networkAccessPolicy is AllowPrivate: export and upload only through a disk access private endpoint");
	else if (pna && aza__strieq(pna, "Disabled"))
		aza_pass(ev, r, "publicNetworkAccess is Disabled: SAS export and upload are not reachable from the internet");
	else if (pnaj && !pna && !aza_json_is(pnaj, AZA_JNULL))
		aza_unknown(ev, r, "networkAccessPolicy is %s and publicNetworkAccess is not a string", nap ? nap : "not set (AllowAll)");
	else if (!nap || aza__strieq(nap, "AllowAll"))
		aza_fail(ev, r, "networkAccessPolicy is %s and publicNetworkAccess is %s: a SAS URI can export the disk from any network",
		         nap ? nap : "not set (AllowAll)", pna ? pna : "not set (Enabled)");
	else
		aza_unknown(ev, r, "networkAccessPolicy has an unknown value '%s'", nap);
}

/* ---- extensions, patches, endpoint protection ---- */

/* Judges the extensions x of r against the approved list; why says why
 * x may be incomplete (NULL: it is the whole list). */
static void ext_approval(aza_ev *ev, const aza_res *r, const struct exts *x, const char *why)
{
	const struct aza_cfg *c = aza_ev_cfg(ev);
	if (!c->approved_ext_set) {
		if (why)
			aza_unknown(ev, r, "installed extensions unknown: %s", why);
		else
			aza_manual(ev, r, "no approved_extensions list configured; compare the installed extensions with your approved list: %s%s",
			           x->n ? ext_names(ev, x) : (x->untyped ? "" : "(none installed)"),
			           x->untyped ? aza_ev_fmt(ev, "%s%zu extension%s with no readable type (first: '%s')", x->n ? "; and " : "", x->untyped,
			                                  x->untyped > 1 ? "s" : "", x->untyped_name)
			                     : "");
		return;
	}
	const char *bad = "", *nopub = NULL;
	size_t nbad = 0, nnopub = 0;
	for (size_t i = 0; i < x->n; i++) {
		/* The patterns name "Publisher.Type": a type whose publisher
		 * cannot be read (only the instance view gives both in one
		 * string) matches none, for anyone can publish a handler of that
		 * type, and fails none, for its publisher may be approved. */
		if (!x->e[i].pub && !ext_only_iv(&x->e[i])) {
			if (!nnopub++)
				nopub = aza_ev_fmt(ev, "%s ('%s')", x->e[i].type, x->e[i].name);
			continue;
		}
		const char *full = ext_full(ev, &x->e[i]);
		int ok = 0;
		for (size_t k = 0; k < c->n_approved_ext && !ok; k++)
			ok = aza__glob(c->approved_ext[k], full);
		if (!ok)
			bad = aza_ev_fmt(ev, "%s%s%s ('%s')", bad, nbad++ ? ", " : "", full, x->e[i].name);
	}
	/* An extension seen is installed even when the list is incomplete. */
	if (nbad)
		aza_fail(ev, r, "%zu extension%s not on the approved list: %s", nbad, nbad > 1 ? "s are" : " is", bad);
	else if (why)
		aza_unknown(ev, r, "installed extensions unknown: %s%s%s", why, !x->n ? "" : nnopub ? "; listed, none of them unapproved (some with no readable publisher): " : "; listed, all approved: ", x->n ? ext_names(ev, x) : "");
	else if (x->untyped)
		aza_unknown(ev, r, "%zu installed extension%s no readable publisher and type (first: '%s'), so it cannot be matched with the approved list",
		            x->untyped, x->untyped > 1 ? "s have" : " has", x->untyped_name);
	else if (nnopub)
		aza_unknown(ev, r, "%zu installed extension%s no readable publisher (first: type %s), so it cannot be matched with the approved list (\"Publisher.Type\" patterns)",
		            nnopub, nnopub > 1 ? "s have" : " has", nopub);
	else if (x->n)
		aza_pass(ev, r, "%s %zu installed extension%s approved: %s", x->n > 1 ? "all" : "the", x->n, x->n > 1 ? "s are" : " is",
		         ext_names(ev, x));
	else
		aza_pass(ev, r, "no extension is installed");
}

static void approved_ext(aza_ev *ev, const aza_res *r)
{
	struct exts x;
	ext_collect(ev, r, &x);
	ext_approval(ev, r, &x, ext_gap(ev, r, &x));
}

/* Defender for Cloud assessments that say whether system updates are
 * missing (Defender for Cloud compute recommendations reference; the
 * release note "Two recommendations related to missing Operating System
 * (OS) updates were released to GA"). "Machines should be configured to
 * periodically check for missing system updates" (90386950-...) is not
 * listed: it says whether updates are looked for, not whether any are
 * missing. */
static const struct akey su_keys[] = {
	/* "System updates should be installed on your machines" (Log
	 * Analytics agent; deprecated, replaced by the next one) */
	{"4ab6e3c5-74dd-8b35-9ab9-f61b30875b27", 0},
	/* "System updates should be installed on your machines (powered by
	 * Azure Update Manager)", first "(powered by Update Center)" */
	{"e1145ab1-eb4f-43d8-911b-36ddf771d13f", 0},
};

static void os_patches(aza_ev *ev, const aza_res *r)
{
	const aza_json *iv = aza_prop(ev, r, "properties.instanceView");
	const aza_json *ps = aza_json_path(iv, "patchStatus.availablePatchSummary");
	if (ps) {
		const char *st = aza_json_str(aza_json_get(ps, "status"));
		double n, days;
		if (!st || !(aza__strieq(st, "Succeeded") || aza__strieq(st, "CompletedWithWarnings"))) {
			aza_unknown(ev, r, "the last patch assessment did not complete (status %s)", st ? st : "absent");
			return;
		}
		if (!aza_json_num(aza_json_get(ps, "criticalAndSecurityPatchCount"), &n)) {
			aza_unknown(ev, r, "patchStatus.availablePatchSummary has no criticalAndSecurityPatchCount");
			return;
		}
		const aza_json *when = aza_json_get(ps, "lastModifiedTime");
		const char *ws = aza_json_str(when);
		if (!aza_ev_days_until(ev, when, &days)) {
			aza_unknown(ev, r, "the patch assessment has no readable lastModifiedTime");
			return;
		}
		if (-days > PATCH_MAX_AGE_DAYS) {
			aza_unknown(ev, r, "the last patch assessment is %.0f days old (%s, %.0f critical or security update%s missing then): too old to show the current state",
			            -days, ws ? ws : "", n, n == 1 ? "" : "s");
			return;
		}
		if (n > 0) {
			aza_fail(ev, r, "%.0f critical or security update%s missing (assessment of %s)", n, n > 1 ? "s are" : " is", ws ? ws : "");
			return;
		}
		aza_pass(ev, r, "no critical or security update missing (assessment of %s)", ws ? ws : "");
		return;
	}
	struct assess as;
	assessments(ev, r, su_keys, sizeof su_keys / sizeof su_keys[0], &as);
	/* Any Unhealthy one fails: the two versions may both be present. */
	if (as.bad[0]) {
		aza_fail(ev, r, "Defender for Cloud assessment %s is Unhealthy: system updates are missing", assess_name(ev, as.bad[0]));
		return;
	}
	if (as.good[0]) {
		aza_pass(ev, r, "Defender for Cloud assessment %s is Healthy", assess_name(ev, as.good[0]));
		return;
	}
	if (as.other[0]) {
		const char *code = aza_json_str(aza_prop(ev, as.other[0], "properties.status.code"));
		const char *cause = aza_json_str(aza_prop(ev, as.other[0], "properties.status.cause"));
		aza_unknown(ev, r, "Defender for Cloud assessment %s is %s%s%s", assess_name(ev, as.other[0]), code ? code : "without status",
		            cause ? ": " : "", cause ? cause : "");
		return;
	}
	const char *why;
	if (iv)
		aza_unknown(ev, r, "the VM's instanceView has no patchStatus (no patch assessment has run) and no Defender for Cloud system-update assessment is in the input");
	else if (!aza_ev_collected(ev, ASSESS, r, &why))
		aza_unknown(ev, r, "patch state not collected: the VM's instanceView (patchStatus) is absent and %s", why);
	else
		aza_unknown(ev, r, "patch state not collected: the VM's instanceView (patchStatus) is absent and Defender for Cloud has no system-update assessment for it");
}

/* Does an installed endpoint protection extension protect? 1 yes, 0 no
 * (*why says why not), -1 cannot tell (*why says why). Every copy counts:
 * one that says Failed fails, one that says Creating, Updating or Deleting
 * or none that says anything leaves it unknown, and IaaSAntimalware
 * settings in any copy that switch antimalware or real-time protection
 * off fail. */
static int ep_state(aza_ev *ev, const struct ext *e, int amw, const char **why)
{
	int b, k = ext_state(ev, e, 0, why);
	if (k == EST_FAILED)
		return 0;
	if (k != EST_OK)
		return -1;
	if (!amw)
		return 1;
	static const char *const off[] = {"AntimalwareEnabled", "RealtimeProtectionEnabled"};
	for (size_t f = 0; f < sizeof off / sizeof off[0]; f++)
		for (size_t i = 0; i < e->nc; i++) {
			if (!(aza_json_bool(aza_json_get(e->c[i].settings, off[f]), &b) && !b))
				continue;
			/* Another copy with settings that do not say so. */
			const struct ext_copy *o = NULL;
			for (size_t j = 0; j < e->nc && !o; j++)
				if (aza_json_is(e->c[j].settings, AZA_JOBJ) &&
				    !(aza_json_bool(aza_json_get(e->c[j].settings, off[f]), &b) && !b))
					o = &e->c[j];
			*why = o ? aza_ev_fmt(ev, "its settings in %s say %s false (those in %s do not: the sources disagree, and the worse word counts)",
			                      e->c[i].where, off[f], o->where)
			         : aza_ev_fmt(ev, "its settings say %s false", off[f]);
			return 0;
		}
	return 1;
}

/* Defender for Cloud endpoint protection assessments, by key. Keys and
 * meanings from the Defender for Cloud documentation: the compute
 * recommendations reference, "Remediate EDR recommendations (MMA)" (what
 * makes each one Unhealthy), the MMA deprecation table, the 2022 upcoming
 * changes note that gives the preview and GA keys of the health
 * recommendation, and "Review and remediate endpoint detection and
 * response recommendations (agentless)".
 * - EPA_INSTALLED asks whether a solution is installed: Unhealthy means
 *   none was found (for Microsoft Defender Antivirus, AMServiceEnabled
 *   false), Healthy that one was. These use the Log Analytics agent and
 *   are replaced by the agentless EDR ones below.
 * - EPA_HEALTH asks whether an installed solution is healthy (protection
 *   components on, signatures and scans under 7 days old): Unhealthy means
 *   the solution does not fully protect, but Healthy only says there was
 *   nothing to report, not that a solution is installed. These use the Log
 *   Analytics agent too.
 * - EPA_EDR_HEALTH, the agentless "EDR configuration issues" one, asks the
 *   same of Defender for Endpoint (scans, signatures, antivirus off or
 *   partly configured) and applies only to machines that have it.
 * - EPA_EDR asks whether a supported EDR solution (Defender for Endpoint,
 *   CrowdStrike, Trellix, Symantec, Sophos) was detected: Healthy means one
 *   was, Unhealthy that none was (or that Defender for Endpoint was found
 *   but did not install). Microsoft Antimalware (IaaSAntimalware) is
 *   antivirus and not on that list, so Unhealthy says nothing of it.
 * The two EDR ones replace the two Log Analytics agent ones (Defender for
 * Cloud upcoming changes, "Changes in endpoint protection
 * recommendations", 2024: "Endpoint protection should be installed on
 * your machines" and "Endpoint protection health issues should be
 * resolved on your machines" deprecated for the agentless EDR
 * recommendations), so where the newer one is Healthy an Unhealthy older
 * one is a stale reading of a retired agent, not evidence.
 * The scale set assessments (21300918-..., e71020c2-...) are on scale
 * sets, never on a VM, so they are not listed. */
enum { EPA_INSTALLED, EPA_HEALTH, EPA_EDR, EPA_EDR_HEALTH };
_Static_assert(EPA_EDR_HEALTH < AKINDS, "struct assess holds every kind");
static const struct akey ep_keys[] = {
	/* "Endpoint protection should be installed on your machines" */
	{"4fb67663-9ab9-475d-b026-8c544cced439", EPA_INSTALLED},
	/* "Install endpoint protection solution on virtual machines" */
	{"83f577bd-a1b6-b7e1-0891-12ca19d1e6df", EPA_INSTALLED},
	/* "Install endpoint protection solution on your machines" (non-Azure machines) */
	{"383cf3bc-fdf9-4a02-120a-3e7e36c6bfee", EPA_INSTALLED},
	/* "Endpoint protection health issues should be resolved on your
	 * machines": the preview key, then the GA one */
	{"37a3689a-818e-4a0e-82ac-b1392b9bb000", EPA_HEALTH},
	{"3bcd234d-c9c7-c2a2-89e0-c01f419c1a8a", EPA_HEALTH},
	/* "EDR configuration issues should be resolved on virtual machines" */
	{"dc5357d0-3858-4d17-a1a3-072840bff5be", EPA_EDR_HEALTH},
	/* "EDR solution should be installed on Virtual Machines" */
	{"06e3a6db-6c0c-4ad9-943f-31d9d73ecf6c", EPA_EDR},
};

#define EP_SICK "Defender for Cloud assessment %s is Unhealthy: the installed endpoint protection has health issues (a protection component off, or signatures or scans out of date), so it does not protect the machine fully"

/* "<prev>; assessment <newer> is Healthy and supersedes <old>". */
static const char *superseded(aza_ev *ev, const char *prev, const aza_res *newer, const aza_res *old)
{
	return aza_ev_fmt(ev, "%s%sDefender for Cloud assessment %s is Healthy and supersedes the Unhealthy legacy assessment %s, which relies on the retired Log Analytics agent",
	                  prev ? prev : "", prev ? "; " : "", assess_name(ev, newer), assess_name(ev, old));
}

static void endpoint_protection(aza_ev *ev, const aza_res *r)
{
	struct exts x;
	ext_collect(ev, r, &x);
	struct assess as;
	assessments(ev, r, ep_keys, sizeof ep_keys / sizeof ep_keys[0], &as);
	/* Defender's view of the running solution outranks an installed
	 * extension: an extension says what was deployed, the assessment
	 * what the guest runs. */
	if (as.bad[EPA_EDR_HEALTH]) {
		aza_fail(ev, r, EP_SICK, assess_name(ev, as.bad[EPA_EDR_HEALTH]));
		return;
	}
	/* A legacy assessment fails unless its agentless successor is
	 * Healthy; then the PASS says which one decided (sup). */
	const char *sup = NULL;
	if (as.bad[EPA_INSTALLED]) {
		if (!as.good[EPA_EDR]) {
			aza_fail(ev, r, "Defender for Cloud assessment %s is Unhealthy: Defender for Cloud found no endpoint protection solution running on the machine",
			         assess_name(ev, as.bad[EPA_INSTALLED]));
			return;
		}
		sup = superseded(ev, NULL, as.good[EPA_EDR], as.bad[EPA_INSTALLED]);
	}
	if (as.bad[EPA_HEALTH]) {
		if (!as.good[EPA_EDR_HEALTH]) {
			aza_fail(ev, r, EP_SICK, assess_name(ev, as.bad[EPA_HEALTH]));
			return;
		}
		sup = superseded(ev, sup, as.good[EPA_EDR_HEALTH], as.bad[EPA_HEALTH]);
	}
	/* No EDR detected: a Defender for Endpoint extension then does not
	 * run, but antimalware (antivirus, no EDR) still may. */
	const char *noedr = as.bad[EPA_EDR] ? aza_ev_fmt(ev, "Defender for Cloud assessment %s is Unhealthy", assess_name(ev, as.bad[EPA_EDR])) : NULL;
	static const char *const ep[][2] = {{"Microsoft.Azure.Security", "IaaSAntimalware"},
	                                    {"Microsoft.Azure.AzureDefenderForServers", "MDE.Windows"},
	                                    {"Microsoft.Azure.AzureDefenderForServers", "MDE.Linux"}};
	const char *off = NULL, *unclear = NULL;
	for (size_t i = 0; i < x.n; i++)
		for (size_t k = 0; k < sizeof ep / sizeof ep[0]; k++) {
			int m = ext_match(ev, &x.e[i], ep[k][0], ep[k][1]);
			if (!m)
				continue;
			const char *why;
			int st = m < 0 ? -1 : ep_state(ev, &x.e[i], k == 0, &why);
			if (m < 0)
				why = aza_ev_fmt(ev, "its publisher cannot be read (%s expected)", ep[k][0]);
			if (k && noedr && st) {
				st = 0;
				why = aza_ev_fmt(ev, "%s: Defender for Endpoint was not detected on the machine", noedr);
			}
			if (st > 0) {
				if (noedr)
					aza_pass(ev, r, "extension %s ('%s') is installed; %s: IaaSAntimalware is antivirus, not an EDR solution, so the machine has endpoint protection without detection and response%s%s",
					         ext_full(ev, &x.e[i]), x.e[i].name, noedr, sup ? "; " : "", sup ? sup : "");
				else
					aza_pass(ev, r, "extension %s ('%s') is installed%s%s", ext_full(ev, &x.e[i]), x.e[i].name,
					         sup ? "; " : "", sup ? sup : "");
				return;
			}
			if (!st && !off)
				off = aza_ev_fmt(ev, "extension %s is installed but %s", ext_full(ev, &x.e[i]), why);
			if (st < 0 && !unclear)
				unclear = aza_ev_fmt(ev, "extension %s ('%s') is installed but %s", ext_full(ev, &x.e[i]), x.e[i].name, why);
		}
	if (off) {
		aza_fail(ev, r, "%s", off);
		return;
	}
	if (as.good[EPA_INSTALLED]) {
		aza_pass(ev, r, "Defender for Cloud assessment %s is Healthy: an endpoint protection solution is installed%s%s%s%s%s",
		         assess_name(ev, as.good[EPA_INSTALLED]), noedr ? "; " : "", noedr ? noedr : "",
		         noedr ? ": it detected no EDR solution" : "", sup ? "; " : "", sup ? sup : "");
		return;
	}
	if (as.good[EPA_EDR]) {
		aza_pass(ev, r, "Defender for Cloud assessment %s is Healthy: Defender for Cloud detected a supported EDR solution on the machine%s%s",
		         assess_name(ev, as.good[EPA_EDR]), sup ? "; " : "", sup ? sup : "");
		return;
	}
	/* A Healthy health assessment alone proves nothing either way: it
	 * may come from a solution installed in the guest without an
	 * extension, or have had nothing to judge. */
	const aza_res *hgood = as.good[EPA_EDR_HEALTH] ? as.good[EPA_EDR_HEALTH] : as.good[EPA_HEALTH];
	const char *hh = hgood
	                     ? aza_ev_fmt(ev, "Defender for Cloud assessment %s is Healthy, which is no evidence that endpoint protection is installed (it judges the health of an installed solution, and has nothing to report without one)",
	                                  assess_name(ev, hgood))
	                     : NULL;
	const char *why = ext_gap(ev, r, &x);
	if (noedr) {
		/* Only an antimalware extension could still protect. */
		const char *n = aza_ev_fmt(ev, "%s: Defender for Cloud detected no EDR solution", noedr);
		if (unclear)
			aza_unknown(ev, r, "%s, and %s", n, unclear);
		else if (why)
			aza_unknown(ev, r, "%s, but an antimalware (IaaSAntimalware) extension, which is no EDR, may be installed: installed extensions unknown: %s", n, why);
		else if (x.untyped)
			aza_unknown(ev, r, "%s, and %zu installed extension%s no readable type (first: '%s'), so an antimalware extension cannot be ruled out", n,
			            x.untyped, x.untyped > 1 ? "s have" : " has", x.untyped_name);
		else
			aza_fail(ev, r, "%s, and no antimalware (IaaSAntimalware) extension is installed; installed: %s", n, x.n ? ext_names(ev, &x) : "none");
		return;
	}
	if (unclear) {
		aza_unknown(ev, r, "%s%s%s", unclear, hh ? "; " : "", hh ? hh : "");
		return;
	}
	if (why) {
		aza_unknown(ev, r, "installed extensions unknown: %s%s%s", why, hh ? "; " : "", hh ? hh : "");
		return;
	}
	if (x.untyped) {
		aza_unknown(ev, r, "%zu installed extension%s no readable type (first: '%s'); installed otherwise: %s%s%s", x.untyped,
		            x.untyped > 1 ? "s have" : " has", x.untyped_name, x.n ? ext_names(ev, &x) : "none", hh ? "; " : "",
		            hh ? hh : "");
		return;
	}
	if (hh) {
		aza_unknown(ev, r, "no antimalware (IaaSAntimalware) or Defender for Endpoint (MDE.Windows/MDE.Linux) extension (installed: %s), but %s",
		            x.n ? ext_names(ev, &x) : "none", hh);
		return;
	}
	aza_fail(ev, r, "no antimalware (IaaSAntimalware) or Defender for Endpoint (MDE.Windows/MDE.Linux) extension; installed: %s",
	         x.n ? ext_names(ev, &x) : "none");
}

/* ---- VM configuration ---- */

static void managed_disks(aza_ev *ev, const aza_res *r)
{
	const aza_json *sp = aza_prop(ev, r, "properties.storageProfile");
	const aza_json *os = aza_json_get(sp, "osDisk");
	/* A template without osDisk gets a managed OS disk from its image. */
	if (!os && !aza_is_template(r)) {
		aza_unknown(ev, r, "storageProfile.osDisk is absent");
		return;
	}
	const char *bad = "";
	size_t nbad = 0, nunk = 0, n = 0;
	const aza_json *refs[65];
	refs[n++] = os ? os : sp;
	aza_json_each(dd, aza_json_get(sp, "dataDisks"))
		if (n < sizeof refs / sizeof refs[0])
			refs[n++] = dd;
	for (size_t i = os ? 0 : 1; i < n; i++) {
		const char *nm = aza_json_str(aza_json_get(refs[i], "name"));
		/* A vhd beside managedDisk (which Azure rejects) is not evidence of a managed disk. */
		int md = aza_json_is(aza_json_get(refs[i], "managedDisk"), AZA_JOBJ);
		const aza_json *vhd = aza_json_get(refs[i], "vhd");
		if (aza_json_is(vhd, AZA_JNULL))
			vhd = NULL; /* "vhd": null is an export's way of saying none */
		if (md && !vhd)
			continue;
		if (aza_json_is(vhd, AZA_JOBJ))
			bad = aza_ev_fmt(ev, "%s%s%s disk '%s'", bad, nbad++ ? ", " : "", i ? "data" : "OS", nm ? nm : "?");
		else if (vhd || !aza_is_template(r))
			nunk++; /* a vhd that is not an object is no evidence either way */
		/* A template disk with neither vhd nor managedDisk is created managed. */
	}
	if (nbad)
		aza_fail(ev, r, "unmanaged (VHD in a storage account): %s", bad);
	else if (nunk)
		aza_unknown(ev, r, "%zu disk reference%s neither managedDisk nor vhd (an object with the VHD uri)", nunk, nunk > 1 ? "s have" : " has");
	else
		aza_pass(ev, r, "all %zu disk%s managed", n, n > 1 ? "s are" : " is");
}

/* The securityProfile checks, for a VM (at "") and a scale set's VM model
 * (at "virtualMachineProfile."), which carry the same object. */
static void eah_check(aza_ev *ev, const aza_res *r, const char *at)
{
	int b, k = aza_prop_bool(ev, r, aza_ev_fmt(ev, "properties.%ssecurityProfile.encryptionAtHost", at), &b);
	if (k < 0)
		aza_unknown(ev, r, "%ssecurityProfile.encryptionAtHost is not a boolean", at);
	else if (k && b)
		aza_pass(ev, r, "%ssecurityProfile.encryptionAtHost is true", at);
	else
		aza_fail(ev, r, "%ssecurityProfile.encryptionAtHost is %s: temp disk and disk caches are not encrypted at the host", at,
		         k ? "false" : "not set (false)");
}

static void encryption_at_host(aza_ev *ev, const aza_res *r)
{
	eah_check(ev, r, "");
}

static void tl_check(aza_ev *ev, const aza_res *r, const char *at)
{
	const aza_json *st = aza_prop(ev, r, aza_ev_fmt(ev, "properties.%ssecurityProfile.securityType", at));
	const char *t = aza_json_str(st);
	if (!t && st && !aza_json_is(st, AZA_JNULL)) {
		aza_unknown(ev, r, "%ssecurityProfile.securityType is not a string", at);
		return;
	}
	if (!t || aza__strieq(t, "Standard")) {
		aza_fail(ev, r, "%ssecurityProfile.securityType is %s: no Trusted Launch (secure boot, vTPM)", at, t ? t : "not set (Standard)");
		return;
	}
	if (!aza__strieq(t, "TrustedLaunch") && !aza__strieq(t, "ConfidentialVM")) {
		aza_unknown(ev, r, "%ssecurityProfile.securityType has an unknown value '%s'", at, t);
		return;
	}
	int sb = 0, tpm = 0;
	int ksb = aza_prop_bool(ev, r, aza_ev_fmt(ev, "properties.%ssecurityProfile.uefiSettings.secureBootEnabled", at), &sb);
	int ktpm = aza_prop_bool(ev, r, aza_ev_fmt(ev, "properties.%ssecurityProfile.uefiSettings.vTpmEnabled", at), &tpm);
	if (ksb < 0 || ktpm < 0) {
		aza_unknown(ev, r, "securityType is %s but uefiSettings.%s is not a boolean", t, ksb < 0 ? "secureBootEnabled" : "vTpmEnabled");
		return;
	}
	if (!ksb)
		sb = 0;
	if (!ktpm)
		tpm = 0;
	if (sb && tpm)
		aza_pass(ev, r, "securityType is %s with secure boot and vTPM enabled", t);
	else
		aza_fail(ev, r, "securityType is %s but %s%s%s disabled", t, sb ? "" : "secure boot", !sb && !tpm ? " and " : "",
		         tpm ? "" : "vTPM");
}

static void trusted_launch(aza_ev *ev, const aza_res *r)
{
	tl_check(ev, r, "");
}

/* The OS configuration object, or NULL when absent or null: SDK and CLI
 * serialisations write "windowsConfiguration": null on a Linux VM (and the
 * reverse), so a null says nothing about the OS. */
static const aza_json *os_config(aza_ev *ev, const aza_res *r, const char *path)
{
	const aza_json *c = aza_prop(ev, r, path);
	return c && !aza_json_is(c, AZA_JNULL) ? c : NULL;
}

/* Which OS: "windows", "linux" or NULL. When the signals disagree
 * (windowsConfiguration and linuxConfiguration both set, or one of them
 * against osDisk.osType) returns NULL with *conflict naming them, for an
 * UNKNOWN: reading one of them would judge the VM by settings its OS
 * ignores. */
static const char *vm_os(aza_ev *ev, const aza_res *r, const char **conflict)
{
	int win = os_config(ev, r, "properties.osProfile.windowsConfiguration") != NULL;
	int lin = os_config(ev, r, "properties.osProfile.linuxConfiguration") != NULL;
	const char *t = aza_json_str(aza_prop(ev, r, "properties.storageProfile.osDisk.osType"));
	int tw = t && aza__strieq(t, "Windows"), tl = t && aza__strieq(t, "Linux");
	*conflict = NULL;
	if (win && lin)
		*conflict = "osProfile has both windowsConfiguration and linuxConfiguration";
	else if ((win && tl) || (lin && tw))
		*conflict = aza_ev_fmt(ev, "osProfile has %s but storageProfile.osDisk.osType is %s",
		                       win ? "windowsConfiguration" : "linuxConfiguration", t);
	if (*conflict)
		return NULL;
	if (win || tw)
		return "windows";
	if (lin || tl)
		return "linux";
	return NULL;
}

/* AutomaticByPlatform with automaticByPlatformSettings.
 * bypassPlatformSafetyChecksOnUserSchedule true is the portal's "Customer
 * Managed Schedules": the platform no longer patches the VM on its own
 * schedule, only in the windows of a maintenance configuration assigned to
 * it, and a VM without one is not patched at all (Microsoft Learn,
 * "Configure schedule patching on Azure VMs for business continuity": VMs
 * with the property true "are no longer autopatched when the VMs don't
 * have an associated maintenance configuration"). Assignments are not
 * read, so that is UNKNOWN. 1 when it reported the verdict. */
static int user_schedule(aza_ev *ev, const aza_res *r, const char *cfg)
{
	const char *path = aza_ev_fmt(ev, "properties.osProfile.%s.patchSettings.automaticByPlatformSettings.bypassPlatformSafetyChecksOnUserSchedule", cfg);
	int b, k = aza_prop_bool(ev, r, path, &b);
	if (k < 0)
		aza_unknown(ev, r, "%s.patchSettings.automaticByPlatformSettings.bypassPlatformSafetyChecksOnUserSchedule is not a boolean", cfg);
	else if (k && b)
		aza_unknown(ev, r, "patchMode is AutomaticByPlatform with bypassPlatformSafetyChecksOnUserSchedule true (Customer Managed Schedules): "
		                   "updates are installed only on the schedule of a maintenance configuration assigned to the VM, and without one "
		                   "the VM is not patched; maintenance configuration assignments are not read");
	else
		return 0;
	return 1;
}

static void auto_updates(aza_ev *ev, const aza_res *r)
{
	const char *conflict, *os = vm_os(ev, r, &conflict);
	if (!aza_prop(ev, r, "properties.osProfile")) {
		aza_unknown(ev, r, "no osProfile (VM created from a specialized disk?): patch settings are not visible");
		return;
	}
	if (conflict) {
		aza_unknown(ev, r, "the operating system cannot be told: %s", conflict);
		return;
	}
	if (!os) {
		aza_unknown(ev, r, "the operating system cannot be told (no windowsConfiguration, linuxConfiguration or osType)");
		return;
	}
	if (!strcmp(os, "windows")) {
		const char *pm = NULL;
		if (aza_prop_str(ev, r, "properties.osProfile.windowsConfiguration.patchSettings.patchMode", &pm) < 0) {
			aza_unknown(ev, r, "windowsConfiguration.patchSettings.patchMode is not a string");
			return;
		}
		int b, k = aza_prop_bool(ev, r, "properties.osProfile.windowsConfiguration.enableAutomaticUpdates", &b);
		if (pm && aza__strieq(pm, "AutomaticByPlatform") && user_schedule(ev, r, "windowsConfiguration"))
			return;
		if (pm && (aza__strieq(pm, "AutomaticByPlatform") || aza__strieq(pm, "AutomaticByOS")))
			aza_pass(ev, r, "Windows patchMode is %s", pm);
		else if (pm && aza__strieq(pm, "Manual"))
			aza_fail(ev, r, "Windows patchMode is Manual: automatic updates are off");
		else if (pm)
			aza_unknown(ev, r, "Windows patchMode has an unknown value '%s'", pm);
		else if (k < 0)
			aza_unknown(ev, r, "windowsConfiguration.enableAutomaticUpdates is not a boolean");
		else if (k && !b)
			aza_fail(ev, r, "windowsConfiguration.enableAutomaticUpdates is false");
		else if (!k && !aza_is_template(r))
			/* The default (true) is what a template that leaves it out
			 * gets; a deployed VM's GET returns the field
			 * (VirtualMachine_Get.json), so its absence is an
			 * incomplete input, not the default. */
			aza_unknown(ev, r, "%s: a deployed Windows VM's GET returns windowsConfiguration.enableAutomaticUpdates, so the input is incomplete",
			            os_config(ev, r, "properties.osProfile.windowsConfiguration")
			                ? "windowsConfiguration has neither patchSettings.patchMode nor enableAutomaticUpdates"
			                : "no osProfile.windowsConfiguration");
		else
			aza_pass(ev, r, "enableAutomaticUpdates is %s and no patchMode: AutomaticByOS", k ? "true" : "not set (true)");
		return;
	}
	const char *pm = NULL;
	if (aza_prop_str(ev, r, "properties.osProfile.linuxConfiguration.patchSettings.patchMode", &pm) < 0) {
		aza_unknown(ev, r, "linuxConfiguration.patchSettings.patchMode is not a string");
		return;
	}
	if (pm && aza__strieq(pm, "AutomaticByPlatform") && user_schedule(ev, r, "linuxConfiguration"))
		return;
	if (pm && aza__strieq(pm, "AutomaticByPlatform"))
		aza_pass(ev, r, "Linux patchMode is AutomaticByPlatform");
	else if (!pm || aza__strieq(pm, "ImageDefault"))
		aza_fail(ev, r, "Linux patchMode is %s: Azure does not orchestrate updates; the image's own configuration decides",
		         pm ? pm : "not set (ImageDefault)");
	else
		aza_unknown(ev, r, "Linux patchMode has an unknown value '%s'", pm);
}

/* Whether a template VM's osProfile gives an admin password: adminPassword
 * a non-empty string, or a value only known at deployment (a secure
 * parameter: the deployment passes one, and which one does not matter
 * here). Looked up without reading the value as aza_json_get would, which
 * would make the verdict depend on it. A deployed VM's osProfile never
 * returns the password. */
static int template_password(aza_ev *ev, const aza_res *r)
{
	if (!aza_is_template(r))
		return 0;
	const aza_json *os = os_config(ev, r, "properties.osProfile");
	if (!os || aza_json_is(os, AZA_JUNKNOWN))
		return 0;
	aza_json_each(m, os) {
		if (!m->key || !aza__strieq(m->key, "adminPassword"))
			continue;
		if (aza_json_is(m, AZA_JUNKNOWN))
			return 1;
		const char *s = aza_json_str(m);
		return s && *s;
	}
	return 0;
}

static void ssh_only(aza_ev *ev, const aza_res *r)
{
	const char *conflict, *os = vm_os(ev, r, &conflict);
	if (conflict) {
		aza_unknown(ev, r, "the operating system cannot be told: %s", conflict);
		return;
	}
	if (os && !strcmp(os, "windows")) {
		aza_na(ev, r, "Windows VM");
		return;
	}
	/* disablePasswordAuthentication left out with an admin password given
	 * is password authentication on: Microsoft's quickstart templates
	 * (vm-simple-linux) choose password login by leaving out
	 * linuxConfiguration altogether and passing adminPassword. */
	int pw = template_password(ev, r);
	if (!os_config(ev, r, "properties.osProfile.linuxConfiguration")) {
		if (os && pw)
			aza_fail(ev, r, "the template gives osProfile.adminPassword and no linuxConfiguration (disablePasswordAuthentication not set): "
			                "the admin account can log in with a password");
		else
			aza_unknown(ev, r, "no osProfile.linuxConfiguration: %s", os ? "a Linux VM created from a specialized disk keeps its own SSH settings" : "the operating system cannot be told");
		return;
	}
	int b, k = aza_prop_bool(ev, r, "properties.osProfile.linuxConfiguration.disablePasswordAuthentication", &b);
	if (!k && pw)
		aza_fail(ev, r, "linuxConfiguration.disablePasswordAuthentication is not set and the template gives osProfile.adminPassword: the admin "
		                "account can log in with a password");
	else if (k < 0 || !k)
		aza_unknown(ev, r, "linuxConfiguration.disablePasswordAuthentication is %s", k ? "not a boolean" : "absent");
	else if (b)
		aza_pass(ev, r, "disablePasswordAuthentication is true: SSH keys only");
	else
		aza_fail(ev, r, "disablePasswordAuthentication is false: the admin account can log in with a password");
}

/* ---- scale sets ----
 * A scale set is judged on its VM model (properties.virtualMachineProfile),
 * which every instance is created from; the properties below have the VM's
 * names under it (VirtualMachineScaleSet_Create_WithEncryptionAtHost.json,
 * _WithDiskEncryptionSetResource.json, compute 2024-07-01). What an
 * instance changed after it was created (a per-instance extension of a
 * Uniform scale set, a model update not yet applied) is not read: the
 * messages speak of the model. A Flexible scale set's instances are
 * Microsoft.Compute/virtualMachines of their own, which the VM rules judge. */

/* The scale set's VM model, or NULL with the verdict reported: a Flexible
 * scale set may have none (its VMs are then added one by one and judged as
 * VMs): NOT_APPLICABLE; a Uniform one always has one, so its absence is an
 * incomplete input: UNKNOWN. */
static const aza_json *vmss_model(aza_ev *ev, const aza_res *r)
{
	const aza_json *m = aza_prop(ev, r, "properties.virtualMachineProfile");
	if (aza_json_is(m, AZA_JOBJ))
		return m;
	const char *om = aza_json_str(aza_prop(ev, r, "properties.orchestrationMode"));
	if ((!m || aza_json_is(m, AZA_JNULL)) && om && aza__strieq(om, "Flexible"))
		aza_na(ev, r, "a Flexible scale set without virtualMachineProfile: its VMs are separate virtual machines, judged by the VM rules");
	else
		aza_unknown(ev, r, "virtualMachineProfile is %s", m && !aza_json_is(m, AZA_JNULL) ? "not an object" : "absent");
	return NULL;
}

static void vmss_eah(aza_ev *ev, const aza_res *r)
{
	if (vmss_model(ev, r))
		eah_check(ev, r, "virtualMachineProfile.");
}

static void vmss_tl(aza_ev *ev, const aza_res *r)
{
	if (vmss_model(ev, r))
		tl_check(ev, r, "virtualMachineProfile.");
}

/* The disk encryption set of one disk of the model: 1 (*des its name), 0
 * none (*des, when not NULL, says why a set named does not count), -1 a
 * value that is not one. Confidential VM OS disks name theirs in
 * managedDisk.securityProfile.diskEncryptionSet (VMDiskSecurityProfile),
 * which covers the disk itself only with securityEncryptionType
 * DiskWithVMGuestState: VMGuestStateOnly (and NonPersistedTPM) encrypt
 * just the VM guest state blob, as for a VM (vm_disk_enc). */
static int vmss_des(aza_ev *ev, const aza_json *disk, const char **des)
{
	static const char *const at[] = {"managedDisk.diskEncryptionSet", "managedDisk.securityProfile.diskEncryptionSet"};
	int st = 0;
	for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) {
		const aza_json *d = aza_json_path(disk, at[i]);
		if (!d || aza_json_is(d, AZA_JNULL))
			continue;
		const char *id = aza_json_str(aza_json_get(d, "id"));
		if (id && *id && i) {
			const char *set = aza_json_str(aza_json_path(disk, "managedDisk.securityProfile.securityEncryptionType"));
			if (!set || !*set) {
				st = -1;
				*des = aza_ev_fmt(ev, "%s names %s but managedDisk.securityProfile.securityEncryptionType is not readable, so whether it "
				                  "covers the disk or only the VM guest state cannot be told", at[i], aza_last_seg(id));
				continue;
			}
			if (!aza__strieq(set, "DiskWithVMGuestState")) {
				if (!st)
					*des = aza_ev_fmt(ev, "securityEncryptionType %s: disk encryption set %s encrypts only the VM guest state, and the "
					                  "disk gets the platform-managed key", set, aza_last_seg(id));
				continue;
			}
		}
		if (id && *id) {
			*des = aza_ev_fmt(ev, "disk encryption set %s", aza_last_seg(id));
			return 1;
		}
		st = -1;
		*des = aza_ev_fmt(ev, "%s has no id string", at[i]);
	}
	return st;
}

static void vmss_cmk(aza_ev *ev, const aza_res *r)
{
	const aza_json *m = vmss_model(ev, r);
	if (!m)
		return;
	const aza_json *sp = aza_json_get(m, "storageProfile");
	const aza_json *os = aza_json_get(sp, "osDisk");
	const char *bad = "", *unk = "", *good = "", *eph = NULL;
	size_t nbad = 0, nunk = 0, ngood = 0, n = 0;
	const aza_json *refs[65];
	if (aza_json_is(os, AZA_JOBJ)) {
		const aza_json *diff = aza_json_get(os, "diffDiskSettings");
		/* An ephemeral OS disk lives on the host's local storage, not in
		 * a managed disk: no disk encryption set applies to it. */
		if (diff && !aza_json_is(diff, AZA_JNULL))
			eph = "the OS disk is ephemeral (diffDiskSettings): it is no managed disk, and AZA-VMSS-001 judges its encryption at the host";
		else
			refs[n++] = os;
	} else if (!os && aza_is_template(r)) {
		/* A template's model without osDisk gets one from its image,
		 * with the platform key; a deployed one always lists it. */
		bad = "OS disk (storageProfile.osDisk not set: created with a platform-managed key)";
		nbad++;
	} else {
		unk = aza_ev_fmt(ev, "OS disk (storageProfile.osDisk is %s)", os ? "not an object" : "absent");
		nunk++;
	}
	const aza_json *dds = aza_json_get(sp, "dataDisks");
	if (dds && !aza_json_is(dds, AZA_JNULL) && !aza_json_is(dds, AZA_JARR)) {
		unk = aza_ev_fmt(ev, "%s%sdata disks (storageProfile.dataDisks is not an array)", unk, nunk++ ? ", " : "");
		dds = NULL;
	}
	aza_json_each(dd, dds)
		if (n < sizeof refs / sizeof refs[0])
			refs[n++] = dd;
	for (size_t i = 0; i < n; i++) {
		const char *des = NULL;
		double lun;
		const char *label = refs[i] == os ? "OS disk"
		                    : aza_json_num(aza_json_get(refs[i], "lun"), &lun) ? aza_ev_fmt(ev, "data disk lun %.0f", lun)
		                                                                      : "data disk";
		int k = vmss_des(ev, refs[i], &des);
		if (k > 0)
			good = aza_ev_fmt(ev, "%s%s%s (%s)", good, ngood++ ? ", " : "", label, des);
		else if (k < 0)
			unk = aza_ev_fmt(ev, "%s%s%s (%s)", unk, nunk++ ? ", " : "", label, des);
		else
			bad = aza_ev_fmt(ev, "%s%s%s (%s)", bad, nbad++ ? ", " : "", label, des ? des : "no diskEncryptionSet: platform-managed key");
	}
	if (nbad)
		aza_fail(ev, r, "the scale set model creates %s without a customer-managed key: %s", nbad > 1 ? "these disks" : "this disk", bad);
	else if (nunk)
		aza_unknown(ev, r, "the key of %s cannot be told: %s", nunk > 1 ? "these disks" : "this disk", unk);
	else if (ngood)
		aza_pass(ev, r, "every managed disk of the scale set model names a disk encryption set: %s%s%s", good, eph ? "; " : "", eph ? eph : "");
	else
		aza_na(ev, r, "the model's only disk is an ephemeral OS disk (diffDiskSettings): no managed disk takes a customer-managed key; AZA-VMSS-001 judges its encryption at the host");
}

/* The scale set model's extensions (virtualMachineProfile.extensionProfile
 * .extensions) and any Microsoft.Compute/virtualMachineScaleSets/extensions
 * resource of it in the input (a template may declare them apart; they
 * join the same model). The model lists every extension it has, so with
 * no extensionProfile it has none. 0, or -1 when the list is not one. */
static int vmss_exts(aza_ev *ev, const aza_res *r, const aza_json *m, struct exts *x)
{
	memset(x, 0, sizeof *x);
	x->known = 1;
	for (const aza_res *c = aza_inv_child(aza_ev_inv(ev), r->id, VMSSEXT); c; c = aza_inv_next_child(c, r->id)) {
		const aza_json *p = aza_prop(ev, c, "properties");
		struct ext_copy cp = rm_copy(SRC_RES, p, aza_is_template(c));
		ext_add(ev, x, aza_json_str(aza_json_get(p, "publisher")), aza_json_str(aza_json_get(p, "type")), aza_last_seg(c->name), &cp, NULL);
	}
	const aza_json *ep = aza_json_get(m, "extensionProfile");
	const aza_json *l = aza_json_get(ep, "extensions");
	if ((ep && !aza_json_is(ep, AZA_JNULL) && !aza_json_is(ep, AZA_JOBJ)) || (l && !aza_json_is(l, AZA_JNULL) && !aza_json_is(l, AZA_JARR)))
		return -1;
	aza_json_each(e, l) {
		const aza_json *p = aza_json_get(e, "properties");
		struct ext_copy cp = rm_copy("the scale set model", p, aza_is_template(r));
		ext_add(ev, x, aza_json_str(aza_json_get(p, "publisher")), aza_json_str(aza_json_get(p, "type")),
		        aza_json_str(aza_json_get(e, "name")), &cp, NULL);
	}
	return 0;
}

static void vmss_approved_ext(aza_ev *ev, const aza_res *r)
{
	const aza_json *m = vmss_model(ev, r);
	if (!m)
		return;
	struct exts x;
	if (vmss_exts(ev, r, m, &x) < 0)
		aza_unknown(ev, r, "virtualMachineProfile.extensionProfile.extensions is not a list");
	else
		ext_approval(ev, r, &x, NULL);
}

/* Automatic OS image upgrades replace each instance's OS disk with the
 * newest version of the model's image. They follow only an image that has
 * newer versions: a platform image whose version is "latest" (Azure's
 * requirement for the feature) or an Azure Compute Gallery image without a
 * pinned version; a managed image (Microsoft.Compute/images) has no
 * versions (the feature supports custom images only through a gallery).
 * Returns why the image cannot be upgraded, or NULL. */
static const char *vmss_image_pinned(aza_ev *ev, const aza_json *img)
{
	const char *v = aza_json_str(aza_json_get(img, "version"));
	if (aza_json_str(aza_json_get(img, "publisher")) && v && !aza__strieq(v, "latest"))
		return aza_ev_fmt(ev, "imageReference.version is '%s', not 'latest': there is no newer image to upgrade to", v);
	static const char *const ids[] = {"id", "sharedGalleryImageId", "communityGalleryImageId"};
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		const char *id = aza_json_str(aza_json_get(img, ids[i]));
		if (!id)
			continue;
		if (aza__istrstr(id, "/providers/Microsoft.Compute/images/"))
			return aza_ev_fmt(ev, "imageReference.%s is a managed image, which has no versions to upgrade to (only platform and Azure Compute Gallery images are followed)", ids[i]);
		const char *vs = aza__istrstr(id, "/versions/");
		if (vs && !aza__strieq(vs + 10, "latest"))
			return aza_ev_fmt(ev, "imageReference.%s pins image version %s: there is no newer image to upgrade to", ids[i], vs + 10);
	}
	return NULL;
}

static void vmss_os_upgrade(aza_ev *ev, const aza_res *r)
{
	const aza_json *m = vmss_model(ev, r);
	if (!m)
		return;
	int b, k = aza_prop_bool(ev, r, "properties.upgradePolicy.automaticOSUpgradePolicy.enableAutomaticOSUpgrade", &b);
	if (k < 0) {
		aza_unknown(ev, r, "upgradePolicy.automaticOSUpgradePolicy.enableAutomaticOSUpgrade is not a boolean");
		return;
	}
	if (!k || !b) {
		aza_fail(ev, r, "upgradePolicy.automaticOSUpgradePolicy.enableAutomaticOSUpgrade is %s: instances keep the OS image they were created from until someone upgrades them",
		         k ? "false" : "not set (false)");
		return;
	}
	/* A scale set's instances are always created from an image; without
	 * the reference nothing says there are newer versions to move to. */
	const aza_json *img = aza_json_path(m, "storageProfile.imageReference");
	if (!aza_json_is(img, AZA_JOBJ) && !aza_json_is(img, AZA_JUNKNOWN)) {
		aza_unknown(ev, r, "enableAutomaticOSUpgrade is true but virtualMachineProfile.storageProfile.imageReference is %s: which image the "
		                   "instances follow is not known",
		            img && !aza_json_is(img, AZA_JNULL) ? "not an object" : "absent");
		return;
	}
	const char *pinned = vmss_image_pinned(ev, img);
	if (pinned) {
		aza_fail(ev, r, "enableAutomaticOSUpgrade is true but %s", pinned);
		return;
	}
	/* Only an image that is read to have newer versions passes: a
	 * platform image at version 'latest', or a gallery image whose id
	 * pins no version. A template value known only at deployment (a
	 * parameter for the version or the id) or an imageReference naming
	 * neither may be a pinned version or a managed image. */
	const char *pub = aza_json_str(aza_json_get(img, "publisher"));
	const char *ver = aza_json_str(aza_json_get(img, "version"));
	const char *follows = NULL;
	if (pub && *pub && ver && aza__strieq(ver, "latest"))
		follows = "a platform image at version 'latest'";
	static const char *const gids[] = {"id", "sharedGalleryImageId", "communityGalleryImageId"};
	for (size_t i = 0; i < sizeof gids / sizeof gids[0] && !follows; i++) {
		const char *id = aza_json_str(aza_json_get(img, gids[i]));
		if (id && *id && (i || aza__istrstr(id, "/galleries/")))
			follows = aza_ev_fmt(ev, "imageReference.%s, a gallery image that pins no version", gids[i]);
	}
	if (follows)
		aza_pass(ev, r, "upgradePolicy.automaticOSUpgradePolicy.enableAutomaticOSUpgrade is true: instances are moved to each new version of the OS image (%s)",
		         follows);
	else
		aza_unknown(ev, r, "enableAutomaticOSUpgrade is true but virtualMachineProfile.storageProfile.imageReference names neither a platform image "
		                   "with a readable version 'latest' nor a gallery image id that can be read (a value known only at deployment?): "
		                   "whether the instances have a newer image to move to is not known");
}

#define IAAS_DATA .resp = AZA_RESP_DATA, .models = AZA_IAAS
#define IAAS_OS .resp = AZA_RESP_OS, .models = AZA_IAAS
#define IAAS_EP .resp = AZA_RESP_ENDPOINTS, .models = AZA_IAAS

const struct aza_rule aza_rules_vm[] = {
	{
		.id = "AZA-VM-001", .title = "VM disks are encrypted beyond the platform default",
		.area = AZA_AREA_VM, .level = 1, .severity = AZA_SEV_MEDIUM, IAAS_DATA, .types = VM,
		.needs = DISK " " VMEXT, .checklist = "vm.disk_encryption",
		.rationale = "Platform-managed encryption protects only against the theft of physical media; encryption at host, Azure Disk Encryption or a customer-managed key adds a key the customer controls or covers caches and the temp disk.",
		.portal = "Virtual machine > Settings > Disks > Additional settings > Encryption at host: Yes (VM deallocated), or Disks > Key management: customer-managed key with a disk encryption set.",
		.cli = "az vm update -g <rg> -n <vm> --set securityProfile.encryptionAtHost=true  (or az disk update --encryption-type EncryptionAtRestWithCustomerKey --disk-encryption-set <id>)",
		.arm = "Microsoft.Compute/virtualMachines: properties.securityProfile.encryptionAtHost = true, or storageProfile.*.managedDisk.diskEncryptionSet.id",
		.defaults = "encryptionAtHost true passes the whole VM. Otherwise each OS and data disk needs a disk encryption set on the VM's reference (an empty id names none; for a confidential VM OS disk, managedDisk.securityProfile.diskEncryptionSet counts with securityEncryptionType DiskWithVMGuestState, the Compute API's \"Customer Managed Key encrypted ConfidentialVM OS Disk\", not with VMGuestStateOnly, which encrypts the guest state alone), or (on its disk resource) a customer-key encryption.type, securityProfile.securityType ConfidentialVM_DiskEncryptedWithCustomerKey or encryptionSettingsCollection.enabled; an installed Azure Disk Encryption extension (publisher Microsoft.Azure.Security, provisioningState Succeeded) counts for disks whose resource was not collected, but only for the volumes its settings name (VolumeType All: all disks, OS: the OS disk, Data: data disks; absent or empty: all disks for the Windows extension AzureDiskEncryption, whose omitted VolumeType means All, and none for AzureDiskEncryptionForLinux, which requires one) and not at all with EncryptionOperation DisableEncryption, any other provisioningState (Failed, Creating, Updating, Deleting), an instance view status other than ProvisioningState/succeeded, no state at all (a deployed extension without provisioningState, which Resource Manager returns on every deployed extension, is an incomplete export; a template's extension has none before deployment and counts as Succeeded), no settings in the input (an extension seen only in the VM's instance view shows none) or settings, VolumeType or EncryptionOperation of the wrong type. One extension can be listed by its extension resource, the VM's embedded resources and its instance view, read at different times: when these copies disagree the worse word counts (any copy's provisioningState other than Succeeded; of the copies that show settings, only the volumes every one covers, so one with DisableEncryption covers nothing), the message names the sources, and a copy that says nothing (no provisioningState, no settings) leaves it to the others. With several such extensions a disk counts when any of them covers it, and an uncovered disk's UNKNOWN names the reason of each. A missing extension is never evidence here, so the VM's power state does not matter. EncryptionAtRestWithPlatformKey alone is the default and fails. In a template, a disk the VM makes (createOption FromImage or Empty) that names no encryption set gets that default (FAIL), unless an Azure Disk Encryption extension is there but cannot be counted; an ephemeral OS disk (diffDiskSettings) is left UNKNOWN. A disk that cannot be judged gives UNKNOWN.",
		.check = disk_encryption,
	},
	{
		.id = "AZA-VM-002", .title = "Attached managed disks use customer-managed keys",
		.area = AZA_AREA_VM, .level = 2, .severity = AZA_SEV_LOW, IAAS_DATA, .types = DISK,
		.checklist = "vm.disk_cmk",
		.rationale = "With a customer-managed key in a disk encryption set the customer controls, rotates and can revoke the key that protects OS and data disks.",
		.portal = "Disk > Settings > Encryption > Key management: Customer-managed key, select a disk encryption set (VM deallocated).",
		.cli = "az disk update -g <rg> -n <disk> --encryption-type EncryptionAtRestWithCustomerKey --disk-encryption-set <des id>",
		.arm = "Microsoft.Compute/disks: properties.encryption.type = 'EncryptionAtRestWithCustomerKey', properties.encryption.diskEncryptionSetId",
		.defaults = "Judged on the disk resource. encryption.type absent means EncryptionAtRestWithPlatformKey (FAIL). A confidential VM disk with securityProfile.securityType ConfidentialVM_DiskEncryptedWithCustomerKey (\"OS disk and VM guest state encrypted with a customer managed key\", DiskSecurityTypes of the Compute API) passes whatever its encryption.type, which then describes only the storage-layer encryption. Unattached disks are NOT_APPLICABLE here (AZA-VM-003 judges them); a diskState or managedBy that is not a string: UNKNOWN.",
		.check = disk_cmk_attached,
	},
	{
		.id = "AZA-VM-003", .title = "Unattached disks are encrypted with customer-controlled keys",
		.area = AZA_AREA_VM, .level = 1, .severity = AZA_SEV_MEDIUM, IAAS_DATA, .types = DISK,
		.checklist = "vm.unattached_disk_encryption",
		.rationale = "Anyone who can attach or export an unattached disk can read it when only the platform key protects it; a customer-managed key or Azure Disk Encryption adds a key held in the customer's vault.",
		.portal = "Disks > filter Disk state: Unattached > disk > Encryption: Customer-managed key; or delete disks no longer needed.",
		.cli = "az disk update -g <rg> -n <disk> --encryption-type EncryptionAtRestWithCustomerKey --disk-encryption-set <des id>",
		.arm = "Microsoft.Compute/disks: properties.encryption.type = 'EncryptionAtRestWithCustomerKey'",
		.defaults = "Unattached: diskState Unattached, or (no diskState) no managedBy; in a template, which has neither, a disk no VM of the same template names (storageProfile osDisk or dataDisks managedDisk.id); a diskState or managedBy that is not a string: UNKNOWN. A customer-key encryption.type, securityProfile.securityType ConfidentialVM_DiskEncryptedWithCustomerKey (the confidential VM encryption with a customer key) or encryptionSettingsCollection.enabled (Azure Disk Encryption) passes; platform key only fails. Attached disks are NOT_APPLICABLE.",
		.check = disk_unattached,
	},
	{
		.id = "AZA-VM-004", .title = "Only approved extensions are installed on VMs",
		.area = AZA_AREA_VM, .level = 2, .severity = AZA_SEV_LOW, IAAS_OS, .types = VM,
		.needs = VMEXT, .checklist = "vm.approved_extensions",
		.rationale = "Extensions run with SYSTEM/root rights inside the VM; an unexpected one (custom script, run command) can be a persistence mechanism.",
		.portal = "Virtual machine > Settings > Extensions + applications: uninstall extensions that are not approved.",
		.cli = "az vm extension delete -g <rg> --vm-name <vm> -n <extension>",
		.arm = "Remove the Microsoft.Compute/virtualMachines/extensions resource",
		.defaults = "The approved list is approved_extensions in the configuration (\"Publisher.Type\" patterns, '*' allowed). Without it the rule is MANUAL and lists what is installed. Extensions are read from extension resources, the VM's embedded resources and properties.instanceView.extensions; when none of these was collected: UNKNOWN, with or without an approved list. The instance view lists what the guest agent reports, and only a running VM's agent reports: when the VM's power state (instanceView.statuses[] PowerState/...) is not PowerState/running or is absent, an extension it lists counts (an unapproved one fails) but its list is no proof that nothing else is installed, so unless extension resources were collected or the VM carries embedded resources the rule says UNKNOWN, never PASS (nor MANUAL listing \"none installed\"). An extension whose type cannot be read cannot be matched: UNKNOWN unless another one already fails. Nor can one whose publisher cannot be read (the patterns name publisher and type, and anyone can publish a handler of any type): UNKNOWN unless another one fails, never matched on its type alone; the instance view names both in one string (VirtualMachine_Get_InstanceView.json).",
		.check = approved_ext,
	},
	{
		.id = "AZA-VM-005", .title = "VMs have no missing critical or security OS updates",
		.area = AZA_AREA_VM, .level = 2, .severity = AZA_SEV_HIGH, IAAS_OS, .types = VM,
		.needs = ASSESS, .checklist = "vm.os_patches",
		.rationale = "Missing security updates are the most common way into a VM.",
		.portal = "Virtual machine > Operations > Updates: Check for updates, then One-time update (or Azure Update Manager schedules).",
		.cli = "az vm assess-patches -g <rg> -n <vm>; az vm install-patches -g <rg> -n <vm> --maximum-duration PT2H --reboot-setting IfRequired --classifications-to-include-win Critical Security",
		.arm = "Not a template property: install updates (and set osProfile.*.patchSettings.assessmentMode = 'AutomaticByPlatform' for periodic assessment)",
		.defaults = "Read from properties.instanceView.patchStatus.availablePatchSummary (criticalAndSecurityPatchCount) when the instance view was collected, else from the Defender for Cloud assessments on the VM, recognised by key (the assessment name), never by display name: 4ab6e3c5-74dd-8b35-9ab9-f61b30875b27 (System updates should be installed on your machines; Log Analytics agent, deprecated) and e1145ab1-eb4f-43d8-911b-36ddf771d13f (System updates should be installed on your machines (powered by Azure Update Manager), first named '(powered by Update Center)'). Any Unhealthy one fails, else a Healthy one passes, else one with another status (NotApplicable) gives UNKNOWN with its cause. Other keys are not evidence whatever their display name: a custom assessment that borrows the name, or 'Machines should be configured to periodically check for missing system updates' (90386950-71ca-4357-a12e-486d1679427c). A patch assessment that did not succeed or is older than 30 days (whatever its count), or no source at all: UNKNOWN.",
		.check = os_patches,
	},
	{
		.id = "AZA-VM-006", .title = "Endpoint protection runs on every VM",
		.area = AZA_AREA_VM, .level = 2, .severity = AZA_SEV_MEDIUM, IAAS_EP, .types = VM,
		.needs = VMEXT " " ASSESS, .checklist = "vm.endpoint_protection",
		.rationale = "Antimalware or Defender for Endpoint detects and blocks malware and gives the security team telemetry from inside the VM.",
		.portal = "Microsoft Defender for Cloud > Environment settings > subscription > Defender plans > Servers: On, Endpoint protection component: On (deploys MDE.Windows / MDE.Linux).",
		.cli = "az vm extension set -g <rg> --vm-name <vm> --publisher Microsoft.Azure.Security --name IaaSAntimalware  (or enable Defender for Servers)",
		.arm = "Microsoft.Compute/virtualMachines/extensions with publisher Microsoft.Azure.AzureDefenderForServers, type MDE.Windows/MDE.Linux (or Microsoft.Azure.Security IaaSAntimalware)",
		.defaults = "Evidence: an IaaSAntimalware (publisher Microsoft.Azure.Security), MDE.Windows or MDE.Linux (publisher Microsoft.Azure.AzureDefenderForServers) extension (provisioningState Creating, Updating or Deleting, an instance view status other than ProvisioningState/succeeded, no state at all (a deployed extension without provisioningState, which Resource Manager returns on every deployed extension, is an incomplete export; a template's extension has none before deployment and counts as Succeeded), or an unreadable publisher, is no evidence: UNKNOWN when nothing else decides; provisioningState Failed, an instance view status ProvisioningState/failed, or IaaSAntimalware settings with AntimalwareEnabled or RealtimeProtectionEnabled false, fail), or a Healthy Defender for Cloud assessment that endpoint protection or an EDR solution is installed. One extension can be listed by its extension resource, the VM's embedded resources and its instance view, read at different times: when these copies disagree the worse word counts (Failed over Creating, Updating or Deleting over Succeeded; settings that switch protection off over ones that do not) and the message names the sources; a copy that says nothing (no provisioningState, no settings) leaves it to the others. Assessments are recognised by key, not by display name: installed: 4fb67663-9ab9-475d-b026-8c544cced439 (Endpoint protection should be installed on your machines), 83f577bd-a1b6-b7e1-0891-12ca19d1e6df (Install endpoint protection solution on virtual machines), 383cf3bc-fdf9-4a02-120a-3e7e36c6bfee (the same for non-Azure machines); health: 37a3689a-818e-4a0e-82ac-b1392b9bb000 and 3bcd234d-c9c7-c2a2-89e0-c01f419c1a8a (Endpoint protection health issues should be resolved on your machines, preview and GA), dc5357d0-3858-4d17-a1a3-072840bff5be (EDR configuration issues should be resolved on virtual machines, agentless); EDR: 06e3a6db-6c0c-4ad9-943f-31d9d73ecf6c (EDR solution should be installed on Virtual Machines, agentless). The two agentless EDR assessments replace the Log Analytics agent ones (installed and health; Defender for Cloud deprecated those in 2024). An Unhealthy EDR configuration assessment fails even with an extension installed. An Unhealthy installed assessment (none found) or an Unhealthy Log Analytics agent health assessment (an installed solution with health issues does not fully protect) fails too, unless its agentless successor is Healthy (the EDR solution one for an installed assessment, the EDR configuration one for a health assessment): then the legacy reading is stale and the rule goes on as if it were absent, naming both assessments in the message. A Healthy EDR assessment (a supported EDR solution was detected) passes. An Unhealthy one (no supported EDR solution detected) makes an MDE.Windows or MDE.Linux extension no evidence, but Microsoft Antimalware is antivirus, not EDR, so a working IaaSAntimalware extension still passes, with the EDR assessment named in the message; without one it fails, or gives UNKNOWN when the installed extensions are not known. A Healthy health assessment is no evidence that anything is installed: without other evidence it gives UNKNOWN, never PASS. Other assessments, whatever their display name, and statuses other than Healthy and Unhealthy are ignored. Extensions collected and none of these: FAIL (UNKNOWN when an extension's type cannot be read). Extensions not collected: UNKNOWN. The VM's instance view (properties.instanceView.extensions) counts as a complete list only when its power state (instanceView.statuses[] PowerState/...) is PowerState/running: a deallocated or stopped VM's guest agent reports nothing, so there (or without a PowerState status) an extension it lists counts but a missing one gives UNKNOWN unless extension resources or the VM's embedded resources say otherwise. Antivirus installed inside the guest without an extension is not visible: record it as an exception.",
		.check = endpoint_protection,
	},
	{
		.id = "AZA-VM-007", .title = "VMs use managed disks",
		.area = AZA_AREA_VM, .level = 1, .severity = AZA_SEV_MEDIUM, IAAS_DATA, .types = VM,
		.rationale = "Unmanaged VHDs live as page blobs in a storage account, so anyone with that account's keys can copy them; managed disks are separate resources with their own RBAC, encryption options and no shared keys.",
		.portal = "Virtual machine > Settings > Disks > Migrate to managed disks.",
		.cli = "az vm deallocate -g <rg> -n <vm> && az vm convert -g <rg> -n <vm>",
		.arm = "storageProfile.osDisk.managedDisk / dataDisks[].managedDisk instead of vhd.uri",
		.defaults = "A disk reference with vhd is unmanaged (FAIL); only a managedDisk object counts as managed. A vhd beside managedDisk (which Azure rejects) is unmanaged too. \"vhd\": null counts as absent; a vhd that is not an object gives UNKNOWN. A deployed reference with neither managedDisk nor vhd gives UNKNOWN; in a template it is created as a managed disk, and so is the OS disk of a template VM without osDisk.",
		.check = managed_disks,
	},
	{
		.id = "AZA-VM-008", .title = "Encryption at host is enabled on VMs",
		.area = AZA_AREA_VM, .level = 2, .severity = AZA_SEV_LOW, IAAS_DATA, .types = VM,
		.checklist = "vm.disk_encryption",
		.rationale = "Encryption at host also encrypts the temp disk and the OS/data disk caches, which server-side encryption alone leaves in clear on the host.",
		.portal = "Virtual machine (deallocated) > Settings > Disks > Additional settings > Encryption at host: Yes.",
		.cli = "az vm update -g <rg> -n <vm> --set securityProfile.encryptionAtHost=true",
		.arm = "properties.securityProfile.encryptionAtHost = true",
		.defaults = "Absent means false (FAIL). The subscription must have the EncryptionAtHost feature registered.",
		.check = encryption_at_host,
	},
	{
		.id = "AZA-VM-009", .title = "VMs use Trusted Launch with secure boot and vTPM",
		.area = AZA_AREA_VM, .level = 2, .severity = AZA_SEV_LOW, IAAS_OS, .types = VM,
		.rationale = "Secure boot and a virtual TPM defend against boot kits and rootkits and enable boot integrity monitoring.",
		.portal = "Virtual machine > Settings > Configuration > Security type: Trusted launch virtual machines, Enable secure boot, Enable vTPM.",
		.cli = "az vm update -g <rg> -n <vm> --security-type TrustedLaunch --enable-secure-boot true --enable-vtpm true",
		.arm = "properties.securityProfile.securityType = 'TrustedLaunch', securityProfile.uefiSettings.secureBootEnabled = true, vTpmEnabled = true",
		.defaults = "securityType absent means Standard (FAIL): \"Absence of securityProfile element in deployment code deploys VM & scale set without enabling Trusted launch\" (Microsoft Learn, 'Trusted Launch for Azure virtual machines'). The portal, CLI and PowerShell choose Trusted Launch for new Gen2 VMs by writing securityType, which a snapshot or template then shows; the API itself defaults to it (from api-version 2021-11-01, for images, disks and sizes that support it) only in subscriptions registered for the Trusted Launch as default preview (feature Microsoft.Compute/TrustedLaunchByDefaultPreview), which neither a template nor a snapshot shows, so a template without securityType still fails at every api-version. ConfidentialVM counts like TrustedLaunch. secureBootEnabled or vTpmEnabled absent fails; not a boolean: UNKNOWN. Generation 1 VMs cannot use Trusted Launch; they fail and need a rebuild or an accepted exception.",
		.check = trusted_launch,
	},
	{
		.id = "AZA-VM-010", .title = "VMs install OS updates automatically",
		.area = AZA_AREA_VM, .level = 2, .severity = AZA_SEV_MEDIUM, IAAS_OS, .types = VM,
		.checklist = "vm.os_patches",
		.rationale = "Automatic guest patching (AutomaticByPlatform, or Windows Update on Windows) keeps security updates flowing without a manual process.",
		.portal = "Virtual machine > Operations > Updates > Update settings: Patch orchestration: Azure Managed - Safe Deployment, or Customer Managed Schedules with a maintenance configuration (schedule) attached to the VM.",
		.cli = "az vm update -g <rg> -n <vm> --set osProfile.linuxConfiguration.patchSettings.patchMode=AutomaticByPlatform",
		.arm = "osProfile.windowsConfiguration.patchSettings.patchMode = 'AutomaticByPlatform' (or AutomaticByOS); osProfile.linuxConfiguration.patchSettings.patchMode = 'AutomaticByPlatform'",
		.defaults = "Windows: patchMode AutomaticByPlatform or AutomaticByOS passes, Manual fails; without patchMode, enableAutomaticUpdates decides (default true in a template; a deployed VM's GET returns it, VirtualMachine_Get.json of the Compute API, so a deployed Windows VM with neither patchMode nor enableAutomaticUpdates is an incomplete input: UNKNOWN). Linux: only AutomaticByPlatform passes; absent means ImageDefault (FAIL: patching is left to the image). AutomaticByPlatform with patchSettings.automaticByPlatformSettings.bypassPlatformSafetyChecksOnUserSchedule true (Customer Managed Schedules, either OS): UNKNOWN, since the platform then patches only on the schedule of a maintenance configuration assigned to the VM, and not at all without one (Microsoft Learn, 'Configure schedule patching on Azure VMs for business continuity'), and maintenance configuration assignments are not read; the flag of another type: UNKNOWN. A VM without osProfile, a patchMode that is not a string, or OS signals that disagree (windowsConfiguration and linuxConfiguration both set, or one against osDisk.osType): UNKNOWN.",
		.check = auto_updates,
	},
	{
		.id = "AZA-VM-011", .title = "Linux VMs disable password authentication",
		.area = AZA_AREA_VM, .level = 1, .severity = AZA_SEV_MEDIUM, .resp = AZA_RESP_ACCOUNTS, .models = AZA_IAAS, .types = VM,
		.rationale = "SSH keys cannot be guessed or sprayed; password logins invite brute force against the admin account.",
		.portal = "Set at creation: Authentication type SSH public key. Afterwards disable PasswordAuthentication in sshd_config and reset the VM access with a key.",
		.cli = "az vm user update -g <rg> -n <vm> -u <admin> --ssh-key-value @~/.ssh/id_rsa.pub; then set PasswordAuthentication no in the guest",
		.arm = "osProfile.linuxConfiguration.disablePasswordAuthentication = true",
		.defaults = "Windows VMs are NOT_APPLICABLE. Absent disablePasswordAuthentication gives UNKNOWN (a deployed VM's GET returns it), except in a template that gives osProfile.adminPassword (a non-empty string, or a value only known at deployment): password login is then on (FAIL), as Microsoft's quickstart templates choose it by leaving out linuxConfiguration, which fails the same way when the OS is known to be Linux (osDisk.osType); a Linux VM without osProfile (specialized disk) gives UNKNOWN, and so do OS signals that disagree (windowsConfiguration and linuxConfiguration both set, or one against osDisk.osType).",
		.check = ssh_only,
	},
	{
		.id = "AZA-VM-012", .title = "Managed disks cannot be exported from any network",
		.area = AZA_AREA_VM, .level = 2, .severity = AZA_SEV_LOW, IAAS_DATA, .types = DISK,
		.rationale = "With networkAccessPolicy AllowAll and public network access on, anyone holding a SAS export URI can download the disk from the internet.",
		.portal = "Disk > Settings > Networking: Disable public access and enable private access (disk access), or Disable public and private access.",
		.cli = "az disk update -g <rg> -n <disk> --network-access-policy DenyAll --public-network-access Disabled",
		.arm = "Microsoft.Compute/disks: properties.networkAccessPolicy = 'DenyAll' (or 'AllowPrivate' with diskAccessId), properties.publicNetworkAccess = 'Disabled'",
		.defaults = "networkAccessPolicy absent means AllowAll and publicNetworkAccess absent means Enabled (FAIL). DenyAll, AllowPrivate or publicNetworkAccess Disabled pass. A value of the wrong type gives UNKNOWN.",
		.check = disk_network,
	},
	/* Scale sets: the VM rules above that a scale set's VM model can be
	 * judged by (see "scale sets" above). */
	{
		.id = "AZA-VMSS-001", .title = "Encryption at host is enabled on scale sets",
		.area = AZA_AREA_VM, .level = 2, .severity = AZA_SEV_LOW, IAAS_DATA, .types = VMSS,
		.checklist = "vm.disk_encryption",
		.rationale = "Encryption at host also encrypts each instance's temp disk and OS/data disk caches, which server-side encryption alone leaves in clear on the host.",
		.portal = "Virtual machine scale set (instances deallocated) > Settings > Disks > Encryption at host: Yes; then upgrade the instances to the latest model.",
		.cli = "az vmss update -g <rg> -n <vmss> --set virtualMachineProfile.securityProfile.encryptionAtHost=true && az vmss update-instances -g <rg> -n <vmss> --instance-ids '*'",
		.arm = "Microsoft.Compute/virtualMachineScaleSets: properties.virtualMachineProfile.securityProfile.encryptionAtHost = true",
		.defaults = "Read from the scale set model (virtualMachineProfile), as for AZA-VM-008: absent means false (FAIL); not a boolean: UNKNOWN. A Flexible scale set without virtualMachineProfile is NOT_APPLICABLE (its VMs are judged by AZA-VM-008); any other scale set without one: UNKNOWN. Instances not yet upgraded to the latest model keep their old setting. The subscription must have the EncryptionAtHost feature registered.",
		.check = vmss_eah,
	},
	{
		.id = "AZA-VMSS-002", .title = "Scale set disks use customer-managed keys",
		.area = AZA_AREA_VM, .level = 2, .severity = AZA_SEV_LOW, IAAS_DATA, .types = VMSS,
		.checklist = "vm.disk_cmk",
		.rationale = "With a customer-managed key in a disk encryption set the customer controls, rotates and can revoke the key that protects the OS and data disks every instance is created with.",
		.portal = "Virtual machine scale set > Settings > Disks > Key management: Customer-managed key, select a disk encryption set (set at creation for the OS disk).",
		.cli = "az vmss create ... --os-disk-encryption-set <des id> --data-disk-encryption-sets <des id>",
		.arm = "Microsoft.Compute/virtualMachineScaleSets: properties.virtualMachineProfile.storageProfile.osDisk.managedDisk.diskEncryptionSet.id and dataDisks[].managedDisk.diskEncryptionSet.id",
		.defaults = "Read from the scale set model. Every OS and data disk must name a disk encryption set (managedDisk.diskEncryptionSet.id, or for a confidential VM OS disk managedDisk.securityProfile.diskEncryptionSet.id with securityEncryptionType DiskWithVMGuestState); without one the disk gets the platform-managed key (FAIL). A securityProfile.diskEncryptionSet with securityEncryptionType VMGuestStateOnly or NonPersistedTPM encrypts just the VM guest state blob (VMDiskSecurityProfile, Compute API): it does not count (FAIL without another set); with a securityEncryptionType that cannot be read: UNKNOWN. A diskEncryptionSet without an id string, or a storageProfile that cannot be read: UNKNOWN. A template without osDisk creates it from the image with the platform key (FAIL). An ephemeral OS disk (diffDiskSettings) is no managed disk and is left to AZA-VMSS-001; with no data disk the scale set is NOT_APPLICABLE. Flexible scale sets without a model: NOT_APPLICABLE (AZA-VM-002 judges their disks).",
		.check = vmss_cmk,
	},
	{
		.id = "AZA-VMSS-003", .title = "Scale set models install only approved extensions",
		.area = AZA_AREA_VM, .level = 2, .severity = AZA_SEV_LOW, IAAS_OS, .types = VMSS,
		.needs = VMSSEXT, .checklist = "vm.approved_extensions",
		.rationale = "Every extension in the model runs with SYSTEM/root rights on every instance, including each one scaled out later; an unexpected one (custom script, run command) is persistence across the whole set.",
		.portal = "Virtual machine scale set > Settings > Extensions + applications: uninstall extensions that are not approved; then upgrade the instances.",
		.cli = "az vmss extension delete -g <rg> --vmss-name <vmss> -n <extension>",
		.arm = "Remove the entry from properties.virtualMachineProfile.extensionProfile.extensions (or the Microsoft.Compute/virtualMachineScaleSets/extensions resource)",
		.defaults = "The approved list is approved_extensions in the configuration (\"Publisher.Type\" patterns, '*' allowed), as for AZA-VM-004; without it the rule is MANUAL and lists the model's extensions. Read from virtualMachineProfile.extensionProfile.extensions and any Microsoft.Compute/virtualMachineScaleSets/extensions resource of the scale set in the input. The model lists every extension it installs, so no extensionProfile means none (PASS); one that is not a list: UNKNOWN; an extension whose type cannot be read: UNKNOWN unless another one fails. An extension added to one instance of a Uniform scale set outside the model is not read. Flexible scale sets without a model: NOT_APPLICABLE (AZA-VM-004 judges their VMs).",
		.check = vmss_approved_ext,
	},
	{
		.id = "AZA-VMSS-004", .title = "Scale sets upgrade their OS image automatically",
		.area = AZA_AREA_VM, .level = 2, .severity = AZA_SEV_MEDIUM, IAAS_OS, .types = VMSS,
		.checklist = "vm.os_patches",
		.rationale = "Automatic OS image upgrades roll each new version of the image, with its security updates, onto the instances in health-checked batches, so a scale set does not keep running the image it was created from. Guest patching (patchMode AutomaticByPlatform) is another way to keep instances patched; this rule judges the image.",
		.portal = "Virtual machine scale set > Settings > Operating system > Automatic OS upgrade: Enabled (with an application health probe or the Application Health extension).",
		.cli = "az vmss update -g <rg> -n <vmss> --set upgradePolicy.automaticOSUpgradePolicy.enableAutomaticOSUpgrade=true",
		.arm = "Microsoft.Compute/virtualMachineScaleSets: properties.upgradePolicy.automaticOSUpgradePolicy.enableAutomaticOSUpgrade = true, with virtualMachineProfile.storageProfile.imageReference.version = 'latest'",
		.defaults = "enableAutomaticOSUpgrade absent means false (the API's default): FAIL; not a boolean: UNKNOWN. true passes only when the model's image has newer versions to upgrade to: a platform image whose version is not 'latest' (Azure requires 'latest' for the feature), a managed image (Microsoft.Compute/images: custom images are only followed through an Azure Compute Gallery) or a gallery image id that pins a version fail; no imageReference in the model (an incomplete input), or one naming neither a platform image with a readable version 'latest' nor a readable gallery image id (a template parameter known only at deployment): UNKNOWN. Flexible scale sets without a model: NOT_APPLICABLE (AZA-VM-010 judges their VMs).",
		.check = vmss_os_upgrade,
	},
	{
		.id = "AZA-VMSS-005", .title = "Scale sets use Trusted Launch with secure boot and vTPM",
		.area = AZA_AREA_VM, .level = 2, .severity = AZA_SEV_LOW, IAAS_OS, .types = VMSS,
		.rationale = "Secure boot and a virtual TPM defend every instance against boot kits and rootkits and enable boot integrity monitoring.",
		.portal = "Virtual machine scale set > Settings > Configuration > Security type: Trusted launch virtual machines, Enable secure boot, Enable vTPM.",
		.cli = "az vmss update -g <rg> -n <vmss> --security-type TrustedLaunch --enable-secure-boot true --enable-vtpm true",
		.arm = "Microsoft.Compute/virtualMachineScaleSets: properties.virtualMachineProfile.securityProfile.securityType = 'TrustedLaunch', securityProfile.uefiSettings.secureBootEnabled = true, vTpmEnabled = true",
		.defaults = "Read from the scale set model, as for AZA-VM-009: securityType absent means Standard (FAIL), at every api-version (the API defaults to Trusted Launch only in subscriptions registered for the Trusted Launch as default preview); ConfidentialVM counts like TrustedLaunch; secureBootEnabled or vTpmEnabled absent fails; a value of the wrong type: UNKNOWN. Generation 1 images cannot use Trusted Launch. Flexible scale sets without a model: NOT_APPLICABLE (AZA-VM-009 judges their VMs).",
		.check = vmss_tl,
	},
};
const size_t aza_rules_vm_n = sizeof aza_rules_vm / sizeof aza_rules_vm[0];
