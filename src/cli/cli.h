/*
 * cli.h - the command table and what the subcommands share.
 */
#ifndef AZA_CLI_H
#define AZA_CLI_H

#include "azaudit/azaudit.h"

/* Exit statuses: one mapping, in main.c. */
enum { EXIT_OK = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2, EXIT_INTERNAL = 3 };

int cli_exit_for(int rc);                 /* AZA_E* -> exit status */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2))); /* prints, returns EXIT_USAGE */

int cmd_scan(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_exposure(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_collect(int argc, char **argv);
int cmd_frameworks(int argc, char **argv);

#endif
