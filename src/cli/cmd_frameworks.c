/*
 * cmd_frameworks.c - `azaudit frameworks [--format text|json]`: list the
 * framework mappings installed (or in ./frameworks for an uninstalled build).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cmd_frameworks(int argc, char **argv)
{
	const char *format = "text";
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			printf("usage: azaudit frameworks [--format text|json]\n\n"
			       "Lists the frameworks 'azaudit scan --framework ID' reports on, from\n"
			       "%s/frameworks (AZAUDIT_DATADIR overrides the directory).\n",
			       aza_datadir());
			return EXIT_OK;
		} else if ((!strcmp(argv[i], "-f") || !strcmp(argv[i], "--format")) && i + 1 < argc) {
			format = argv[++i];
		} else {
			return cli_error("frameworks: unknown argument '%s'", argv[i]);
		}
	}
	aza_ctx *ctx = aza_ctx_new();
	if (!ctx)
		return cli_error("out of memory");
	int rc = aza_frameworks_write(ctx, format, stdout);
	if (rc)
		cli_error("%s", aza_errmsg(ctx));
	aza_ctx_free(ctx);
	return cli_exit_for(rc);
}
