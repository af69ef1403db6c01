/*
 * main.c - the azaudit command: a table of subcommands over libazaudit.
 * To add a command: write cmd_<name>() in cmd_<name>.c, declare it in
 * cli.h, add a row below.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "cli.h"

static int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("azaudit %s\n", AZA_VERSION);
	return EXIT_OK;
}

static int cmd_help(int argc, char **argv);

static const struct command {
	const char *name;
	int (*fn)(int, char **);
	const char *help;
} commands[] = {
	{"scan", cmd_scan, "audit inputs (snapshots, resource exports) against the rule catalogue"},
	{"collect", cmd_collect, "read a tenant live from Azure and write a snapshot"},
	{"exposure", cmd_exposure, "what the internet reaches: endpoints, ports and the path that allows them"},
	{"rules", cmd_rules, "list the rule catalogue (text, json, markdown)"},
	{"explain", cmd_explain, "print one rule in full: rationale, defaults, remediation"},
	{"frameworks", cmd_frameworks, "list the frameworks --framework reports on (CIS, checklist)"},
	{"version", cmd_version, "print the version"},
	{"help", cmd_help, "this list"},
};

static int cmd_help(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("usage: azaudit <command> [options]\n\ncommands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		printf("  %-10s %s\n", commands[i].name, commands[i].help);
	printf("\n'azaudit <command> --help' shows a command's options; see also azaudit(1).\n");
	return EXIT_OK;
}

int cli_exit_for(int rc)
{
	switch (rc) {
	case AZA_OK: return EXIT_OK;
	case AZA_ENOMEM: return EXIT_INTERNAL;
	default: return EXIT_USAGE; /* bad input, usage, limits, I/O: the caller can act on it */
	}
}

int cli_error(const char *fmt, ...)
{
	va_list ap;
	fputs("azaudit: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return EXIT_USAGE;
}

int cli_list_add(const char **list, char *buf, size_t cap, const char *v)
{
	if (!*list) {
		*list = v;
		return 0;
	}
	size_t n = strlen(*list), m = strlen(v);
	if (n + 1 + m + 1 > cap)
		return -1;
	if (*list != buf)
		memcpy(buf, *list, n);
	buf[n] = ',';
	memcpy(buf + n + 1, v, m + 1);
	*list = buf;
	return 0;
}

double cli_now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

double cli_maxrss_mb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss / 1024.0;
}

FILE *cli_out_open(const char *path, char *tmp, size_t cap)
{
	if (!path || !strcmp(path, "-"))
		return stdout;
	/* A device (/dev/null) or a FIFO is written in place: renaming over
	 * it would put a file in its place (as the library's reports do). */
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (cap)
			tmp[0] = 0;
		return fopen(path, "w");
	}
	if ((size_t)snprintf(tmp, cap, "%s.tmp.XXXXXX", path) >= cap) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	int fd = mkstemp(tmp);
	if (fd < 0)
		return NULL;
	/* mkstemp creates 0600; an output gets the usual 0666 less the umask,
	 * as the scan's reports do. */
	mode_t um = umask(0);
	umask(um);
	FILE *fp = fchmod(fd, 0666 & ~um) == 0 ? fdopen(fd, "w") : NULL;
	if (!fp) {
		int e = errno;
		close(fd);
		unlink(tmp);
		errno = e;
	}
	return fp;
}

int cli_out_close(FILE *fp, const char *tmp, const char *path, int ok)
{
	if (fp == stdout)
		return ok && fflush(stdout) == 0 ? 0 : -1;
	if (!*tmp) /* written in place */
		return fclose(fp) == 0 && ok ? 0 : -1;
	int rc = ok && fflush(fp) == 0 && fsync(fileno(fp)) == 0 ? 0 : -1;
	if (fclose(fp) != 0)
		rc = -1;
	if (rc == 0 && rename(tmp, path) != 0)
		rc = -1;
	if (rc) {
		int e = errno;
		unlink(tmp);
		errno = e;
	}
	return rc;
}

int main(int argc, char **argv)
{
#if defined(__GLIBC__)
	/* glibc serves blocks past its mmap threshold with mmap, so that
	 * freeing one returns it, but raises that threshold (up to 32 MiB)
	 * each time such a block is freed: the scan's big blocks (arena
	 * chunks, findings pages, tables, the exposure cache once emptied)
	 * then come from the heap and stay with the process when freed. A
	 * fixed 256 KiB keeps them returned: 100k bench resources peak at
	 * 60 MB instead of 68, in the same time (docs/json.md). A program
	 * using the library makes its own choice. */
	mallopt(M_MMAP_THRESHOLD, 256 << 10);
#endif
	if (argc < 2)
		return cmd_help(0, NULL), EXIT_USAGE;
	const char *name = argv[1];
	if (!strcmp(name, "--help") || !strcmp(name, "-h"))
		return cmd_help(0, NULL);
	if (!strcmp(name, "--version"))
		return cmd_version(0, NULL);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(commands[i].name, name))
			return commands[i].fn(argc - 1, argv + 1);
	return cli_error("unknown command '%s' (try 'azaudit help')", name);
}
