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
/* A list option given more than once (--area storage --area keyvault)
 * selects the union, as one comma-separated list would: *list points at
 * argv the first time and into buf (cap bytes) after. -1 when the joined
 * list does not fit. */
int cli_list_add(const char **list, char *buf, size_t cap, const char *v);
/* For --stats: monotonic seconds, and the process's peak RSS so far in MiB. */
double cli_now_s(void);
double cli_maxrss_mb(void);
/* An output named by -o: standard output for NULL or "-", else a
 * temporary file beside path (its name in tmp, cap bytes), which
 * cli_out_close renames over path when ok and everything was written, and
 * removes otherwise: a reader never sees half an output, and a failed
 * command leaves none. NULL with errno when the file cannot be made;
 * cli_out_close returns -1 with errno on a failed write. */
#include <stdio.h>
FILE *cli_out_open(const char *path, char *tmp, size_t cap);
int cli_out_close(FILE *fp, const char *tmp, const char *path, int ok);

int cmd_scan(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_exposure(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_collect(int argc, char **argv);
int cmd_frameworks(int argc, char **argv);

/* Collection options shared by 'collect' and 'scan --live': 0 when a is not
 * one, 1 for a flag, 2 when it takes a value. */
int cli_collect_option(const char *a);
/* scan --live: collect (with the collection options found in argv, limited
 * to the data the selected rules need) into a new temp file named in path.
 * Returns an exit status; EXIT_OK with path set on success. */
int cli_collect_live(int argc, char **argv, const char *rules, const char *areas, int level, int quiet,
                     int verbose, char *path, size_t cap);

#endif
