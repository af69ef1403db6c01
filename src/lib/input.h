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

/* How a template (an object whose $schema is a deployment template) is
 * turned into resources; NULL means templates are rejected. */
struct aza_tmpl_hook {
	int (*expand)(void *ud, aza_inv *inv, const aza_json *tmpl, const char *source, const struct aza_pos *pos);
	void *ud;
};

/* Threads a scan may use: 2, or 1 when AZAUDIT_THREADS=1. */
int aza_input__threads(void);
int aza_input__path(aza_ctx *ctx, aza_inv *inv, const char *path, const struct aza_tmpl_hook *tmpl);
int aza_input__buffer(aza_ctx *ctx, aza_inv *inv, const char *name, const char *data, size_t len,
                      const struct aza_tmpl_hook *tmpl);

#endif
