/*
 * input.h - reading files, directories and buffers into the inventory.
 */
#ifndef AZA_INPUT_H
#define AZA_INPUT_H

#include "inventory.h"

/* Turns a byte offset of the input into a 1-based line and column (0, 0
 * when unknown). Valid during the call that receives it. */
struct aza_pos {
	void (*fn)(void *ud, size_t off, unsigned long *line, unsigned long *col);
	void *ud;
	/* The offsets where lines 2, 3, ... start (NULL when not indexed), for
	 * an expander that keeps them to place values after the input is gone. */
	const size_t *nl;
	size_t nnl;
};

struct aza_tmpl_lines;

/* What an expansion on another thread than the inventory's would have
 * done to the inventory, in order: a warning, a resource to add (with the
 * fields only templates have), or the end of the expansion (the point
 * where the implicit children are added). */
typedef struct aza_tev {
	struct aza_tev *next;
	enum { AZA_TEV_WARN, AZA_TEV_ADD, AZA_TEV_END } kind;
	const char *warn;
	const aza_json *doc;
	const char *type; /* as the template gives it */
	const char *api_version;
	unsigned long line, column;
	const char *pointer;
	const aza_json *suppress;
	const struct aza_tmpl_lines *lines;
} aza_tev;

/* A thread that parses and expands templates off the inventory: what it
 * makes lives in its own arena, which the inventory adopts whole once the
 * folder is read; errors go to its own context, and warnings (ctx.warn)
 * become events of the file being read. */
typedef struct aza_tdefer {
	aza_ctx ctx;
	aza_arena a;
	void *cache;            /* the expander's caches of this thread */
	aza_tev *head, **tail;  /* the current file's events */
} aza_tdefer;

/* How a template (an object whose $schema is a deployment template) is
 * turned into resources; NULL means templates are rejected. expand_off
 * records into d what expand would add to the inventory; replay adds it,
 * on the inventory's thread, with the messages expand would have given. */
struct aza_tmpl_hook {
	int (*expand)(void *ud, aza_inv *inv, const aza_json *tmpl, const char *source, const struct aza_pos *pos);
	int (*expand_off)(void *ud, aza_tdefer *d, const aza_json *tmpl, const char *source,
	                  const struct aza_pos *pos);
	int (*replay)(void *ud, aza_inv *inv, const aza_tev *ev, const char *source);
	void *ud;
};

/* Threads a scan may use: 2, or 1 when AZAUDIT_THREADS=1. */
int aza_input__threads(void);
int aza_input__path(aza_ctx *ctx, aza_inv *inv, const char *path, const struct aza_tmpl_hook *tmpl);
int aza_input__buffer(aza_ctx *ctx, aza_inv *inv, const char *name, const char *data, size_t len,
                      const struct aza_tmpl_hook *tmpl);

#endif
