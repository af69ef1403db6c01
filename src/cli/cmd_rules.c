/*
 * cmd_rules.c - `azaudit rules` (the catalogue) and `azaudit explain RULE`.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cmd_rules(int argc, char **argv)
{
	const char *format = "text";
	for (int i = 1; i < argc; i++) {
		if ((!strcmp(argv[i], "--format") || !strcmp(argv[i], "-f")) && i + 1 < argc)
			format = argv[++i];
		else if (!strncmp(argv[i], "--format=", 9))
			format = argv[i] + 9;
		else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			printf("usage: azaudit rules [--format text|json|markdown]\n");
			return EXIT_OK;
		} else
			return cli_error("rules: unknown option '%s'", argv[i]);
	}
	aza_ctx *ctx = aza_ctx_new();
	if (!ctx)
		return cli_error("out of memory"), EXIT_INTERNAL;
	int rc = aza_catalog_write(ctx, format, stdout);
	if (rc)
		cli_error("rules: %s", aza_errmsg(ctx));
	aza_ctx_free(ctx);
	return cli_exit_for(rc);
}

int cmd_explain(int argc, char **argv)
{
	if (argc != 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: azaudit explain RULE-ID\n");
		return EXIT_USAGE;
	}
	const aza_rule *r = aza_rule_find(argv[1]);
	if (!r)
		return cli_error("explain: no rule '%s' (see 'azaudit rules')", argv[1]);
	return aza_rule_explain(r, stdout) ? EXIT_INTERNAL : EXIT_OK;
}
