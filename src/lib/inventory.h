/*
 * inventory.h - the index every rule reads: resources by id and by type,
 * subscriptions, the tenant, directory (Microsoft Graph) data sets, data-plane
 * facts and the collection gaps recorded in snapshots. The inventory owns all
 * of it through one arena (the scan's lifetime).
 */
#ifndef AZA_INVENTORY_H
#define AZA_INVENTORY_H

#include "internal.h"

typedef struct aza_inv aza_inv;
typedef struct aza_tinfo aza_tinfo;

/* Where a template resource is (aza_res.tpos; NULL for everything else). */
typedef struct aza_tpos {
	unsigned long column;    /* 1-based column of the resource's '{' */
	const char *pointer;     /* JSON pointer to it in the template: "/resources/3/resources/0" */
	const aza_json *suppress; /* inline suppressions: array of {"rule", "reason"} strings */
	const struct aza_tmpl_lines *lines; /* the template's line starts (template.c: aza_tmpl__prop_pos) */
} aza_tpos;

/* One per resource, so a 1M-resource tenant has a million of these: what
 * only some resources have is behind a pointer (tpos). */
typedef struct aza_res {
	const char *id;       /* ARM id, with a leading '/' */
	const char *type;     /* canonical type when known, else as derived */
	const char *name;     /* full hierarchical name ("server/db") */
	const char *sub;      /* subscription id, "" when none */
	const char *rg;       /* resource group, "" when none */
	const char *location; /* "" when none */
	const char *parent;   /* id of the parent or scope, "" for none */
	const char *source;   /* input it came from */
	const char *api_version; /* template resources: their apiVersion, else "" */
	unsigned long line;   /* line of the resource in source (0 unknown) */
	const aza_json *doc;  /* the whole object, when parsed (see below) */
	/* Resources read from exports are kept in the packed binary form of
	 * their tree (aza_json__pack, about the size of minified text) and
	 * unpacked only while a rule looks at them (aza_doc in rule.h,
	 * aza_inv__doc): a parsed tree is about twice the size. Template
	 * resources, built by the expander, keep their tree and have no
	 * stored form (text is NULL). */
	const char *text;
	uint64_t stored_at;   /* where the stored form is in the inventory's store */
	uint32_t textlen;     /* its size (AZA_MAX_VALUE keeps it below 4 GB) */
	unsigned pseudo : 1;  /* subscription or tenant made by azaudit */
	unsigned conflict : 1; /* the input holds another, different copy (aza_inv_conflict) */
	aza_tinfo *t;         /* its type entry */
	struct aza_res *next_of_type; /* chain: all resources of the same type */
	struct aza_res *hnext;        /* hash chain by id */
	struct aza_res *next_child;   /* next of the same type and parent (aza_inv__finish) */
	const aza_tpos *tpos; /* template resources only, else NULL */
} aza_res;

typedef struct aza_docwin {
	char *buf;
	uint64_t off;   /* where buf's len bytes are in the store */
	uint64_t next;  /* where the last document read ended */
	size_t len;
} aza_docwin;

/* Type registry entry: one per distinct type seen or declared. */
struct aza_tinfo {
	const char *name;   /* canonical spelling */
	unsigned model;     /* AZA_IAAS / AZA_PAAS / AZA_SAAS, 0 unknown */
	int known;          /* some rule or the base table reads it */
	size_t count;
	size_t real;        /* of them, from the input (not made by azaudit) */
	size_t mark;        /* count when the mark (aza_inv__mark) was first passed */
	unsigned long mark_epoch;
	aza_res *first, *last;
	int linked; /* next_child of its resources is set (aza_inv__finish) */
	struct aza_tblock *blk; /* its open block of the document store (inventory.c) */
	aza_tinfo *hnext;
};

/* A collection gap recorded in a snapshot's "errors". */
typedef struct aza_gap {
	const char *scope;   /* id prefix it covers ("" = everything) */
	const char *type;    /* resource type or directory data set ("" = all) */
	const char *api;
	const char *message;
	int status;
	struct aza_gap *next;
} aza_gap;

aza_inv *aza_inv__new(aza_ctx *ctx);
void aza_inv__free(aza_inv *inv);
aza_arena *aza_inv__arena(aza_inv *inv);
aza_ctx *aza_inv__ctx(aza_inv *inv);
aza_jintern *aza_inv__intern(aza_inv *inv);
/* Declare a type the rules read (kept in full; others are only counted). */
int aza_inv__declare(aza_inv *inv, const char *type, unsigned model);
/* Add one ARM resource object. With raw (the object's JSON text), the
 * inventory keeps a minified copy of the text and doc may be freed after the
 * call; without it, doc must live in the inventory's arena.
 * Returns 0 when kept, 1 when dropped (a type nobody reads, or a second
 * copy of a resource already added: that resource's document may then be
 * replaced by the copy that says more, or marked as a conflict; see
 * duplicate() in inventory.c), or AZA_EINPUT with the message on ctx (no
 * id and no type). */
int aza_inv__add(aza_inv *inv, const aza_json *doc, const char *source, unsigned long line,
                 const char *api_version, const char *raw, size_t rawlen);
/* The resource the last successful aza_inv__add kept (to set template fields). */
aza_res *aza_inv__last(aza_inv *inv);
/* r's document: its tree when it has one, else its stored form unpacked
 * into arena a (the caller releases a). NULL when out of memory or when
 * the store cannot be read. Safe to call from several threads at once. */
const aza_json *aza_inv__doc(aza_inv *inv, const aza_res *r, aza_arena *a, aza_docwin *w);
/* A reader's window on the document store (w above, NULL for none): once
 * the store is a file, each type's documents are written in blocks, and
 * evaluation reads a type's documents in order, so one read of a window
 * serves a block's worth of them. One per thread, zero-initialised,
 * released with aza_docwin__release. */
void aza_docwin__release(aza_docwin *w);
/* The errno of the first read of the document store that failed, or 0.
 * aza_inv__doc then returned NULL, which its callers take for out of
 * memory: the scan checks this to fail naming the store instead. */
int aza_inv__store_rerr(aza_inv *inv);
/* Would a resource of this type be kept? (lets the reader drop others early) */
int aza_inv__keeps(aza_inv *inv, const char *type, size_t len);
int aza_inv__add_gap(aza_inv *inv, const aza_json *err, const char *source);
/* An input that is one page of a paged listing (an ARM list's nextLink, a
 * Resource Graph skip token) holds only part of what it lists: each known
 * type it added since aza_inv__mark gets a gap, so that absences over it
 * are UNKNOWN, as for a listing that failed. */
void aza_inv__mark(aza_inv *inv);
int aza_inv__gap_since_mark(aza_inv *inv, const char *source, const char *why);
/* The same for every known resource type, whether the page added one or
 * not: a Resource Graph query may list any type, so its later pages may
 * hold types the first one does not. Directory data sets are left alone. */
int aza_inv__gap_all_types(aza_inv *inv, const char *source, const char *why);
/* A gap for one type or directory data set, tenant-wide, from an input. */
int aza_inv__gap(aza_inv *inv, const char *type, const char *source, const char *why);
/* The source of the other copy of a resource read twice with different
 * contents (r->conflict), else NULL. */
const char *aza_inv_conflict(const aza_inv *inv, const aza_res *r);
int aza_inv__add_meta(aza_inv *inv, const aza_json *meta, const char *source);
/* A directory data set from source; a second copy of a list is appended
 * to the first (pages saved one per file), and a page with
 * @odata.nextLink makes the set a gap. */
int aza_inv__add_directory(aza_inv *inv, const char *key, const aza_json *v, const char *source);
int aza_inv__add_dataplane(aza_inv *inv, const aza_json *v);
/* Link children to parents, make subscription pseudo-resources. */
int aza_inv__finish(aza_inv *inv);
void aza_inv__count_unknown(aza_inv *inv, const char *type);

/* ---- queries (for rules) ---- */
const aza_res *aza_inv_find(aza_inv *inv, const char *id);
aza_tinfo *aza_inv_type(aza_inv *inv, const char *type);   /* NULL if never seen */
const aza_res *aza_inv_first(aza_inv *inv, const char *type); /* iterate ->next_of_type */
size_t aza_inv_count(aza_inv *inv, const char *type);
/* Resources of `type` whose parent (or scope) is `parent_id`. Iterate with
 * aza_inv_next_child. */
const aza_res *aza_inv_child(aza_inv *inv, const char *parent_id, const char *type);
const aza_res *aza_inv_next_child(const aza_res *prev, const char *parent_id);
/* Is `scope` the same as or an ancestor of `id` (segment-aware, case-insensitive)? */
int aza_id_within(const char *id, const char *scope);
/* Management groups: their type, and how the ids of a group and of what
 * lies at it start. */
#define AZA_MG_TYPE "Microsoft.Management/managementGroups"
#define AZA_MG_PREFIX "/providers/" AZA_MG_TYPE "/"
/* Subscription pseudo-resources (type Microsoft.Resources/subscriptions). */
const aza_res *aza_inv_subs(aza_inv *inv);
const aza_res *aza_inv_tenant(aza_inv *inv);
/* 0 when every input was an ARM template (no export, snapshot or directory
 * data): subscription and tenant settings are then outside the scan. */
int aza_inv_deployed(aza_inv *inv);
const char *aza_inv_tenant_id(aza_inv *inv);
/* When the data was collected (unix seconds): the latest meta.collected_at
 * of the snapshots read, or 0 when none says. */
double aza_inv_collected_at(aza_inv *inv);
/* A directory data set ("users", "authorizationPolicy", ...) or NULL, with
 * *why saying whether it was not collected or failed. NULL too when the
 * snapshot's errors name the set, even if part of it is there; for
 * groupMembers and groupEligibility only a gap at the tenant ("" or "/")
 * does: one scoped to a group (/groups/{id}, or the bare id in
 * older snapshots) covers that group's entry (aza_inv_gap(inv, key, that scope)). */
const aza_json *aza_inv_dir(aza_inv *inv, const char *key, const char **why);
/* Data-plane facts about a storage account service ("blob", "queue", "table", "file"). */
const aza_json *aza_inv_dataplane(aza_inv *inv, const char *account_id, const char *service);
int aza_inv_has_dataplane(aza_inv *inv);
/* The entry of data-plane section `section` ("keyvault", ...) whose string
 * member `key` equals `id` (case-insensitive), or NULL. */
const aza_json *aza_inv_dataplane_entry(aza_inv *inv, const char *section, const char *key, const char *id);
/* The gap that explains missing `type` data for `id`, or NULL. */
const aza_gap *aza_inv_gap(aza_inv *inv, const char *type, const char *id);
/* 1: snapshot metadata says `type` was collected; 0: says it was not;
 * -1: no metadata lists data sets. */
int aza_inv_dataset_listed(aza_inv *inv, const char *type);
const char *aza_inv_sub_name(aza_inv *inv, const char *sub_id);
/* The i-th region (lower case, no spaces) in which subscription sub_id has a
 * resource, counting every resource read, also those no rule keeps; "global"
 * and resource groups are left out. NULL past the last. */
const char *aza_inv_sub_region(aza_inv *inv, const char *sub_id, size_t i);

typedef struct aza_inv_stats {
	size_t resources, kept, unknown_types, subs, gaps, inputs;
	unsigned models;
	double bytes;
} aza_inv_stats;
void aza_inv__stats(aza_inv *inv, aza_inv_stats *st);
void aza_inv__note_input(aza_inv *inv, double bytes);

/* Derive the type and the full name from an ARM id into the arena.
 * Returns 0, 1 when the id is not an ARM id, or AZA_ENOMEM. */
int aza_id_parse(aza_arena *a, const char *id, const char **type, const char **name,
                 const char **sub, const char **rg, const char **parent);

#endif
