/*
 * input.h - reading files, directories and buffers into the inventory.
 */
#ifndef AZA_INPUT_H
#define AZA_INPUT_H

#include "inventory.h"

/* How a template (an object whose $schema is a deployment template) is
 * turned into resources; NULL means templates are rejected. */
struct aza_tmpl_hook {
	int (*expand)(void *ud, aza_inv *inv, const aza_json *tmpl, const char *source);
	void *ud;
};

int aza_input__path(aza_ctx *ctx, aza_inv *inv, const char *path, const struct aza_tmpl_hook *tmpl);
int aza_input__buffer(aza_ctx *ctx, aza_inv *inv, const char *name, const char *data, size_t len,
                      const struct aza_tmpl_hook *tmpl);

#endif
