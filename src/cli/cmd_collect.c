/*
 * cmd_collect.c - `azaudit collect -o FILE [options]`: read the tenant live
 * and write a snapshot; end with what could not be read and the permission
 * that would fix it.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static void usage(FILE *fp)
{
	fprintf(fp,
	        "usage: azaudit collect -o FILE [options]\n"
	        "\n"
	        "Reads subscriptions, resources (Resource Graph), their settings (Resource\n"
	        "Manager) and directory data (Microsoft Graph) and writes a snapshot for\n"
	        "'azaudit scan'. FILE ending in .gz is compressed. Credentials come from the\n"
	        "environment as in Azure's SDKs (see azaudit(1)); never from the command line.\n"
	        "\n"
	        "options:\n"
	        "  -o, --output FILE        snapshot to write (atomically)\n"
	        "      --subscription S     only this subscription (id or name; repeatable)\n"
	        "      --management-group G only the subscriptions below this management group\n"
	        "                           (its id; every level; repeatable; with --subscription\n"
	        "                           the scope is the union)\n"
	        "      --cloud NAME         AzureCloud (default), AzureUSGovernment, AzureChinaCloud\n"
	        "      --auth METHOD        auto (default), secret, certificate, workload, msi,\n"
	        "                           appservice, cli\n"
	        "      --tenant ID          tenant (default AZURE_TENANT_ID)\n"
	        "      --authority-host URL, --arm-endpoint URL, --graph-endpoint URL,\n"
	        "      --storage-suffix S   endpoint overrides (also AZURE_AUTHORITY_HOST,\n"
	        "                           AZAUDIT_ARM_ENDPOINT, AZAUDIT_GRAPH_ENDPOINT,\n"
	        "                           AZAUDIT_STORAGE_SUFFIX)\n"
	        "      --storage-auth MODE  storage data plane (analytics logging, container\n"
	        "                           access): entra (default; token for Storage), sharedkey\n"
	        "                           (list the account keys, sign with Shared Key; Entra\n"
	        "                           where that is refused), off\n"
	        "      --storage-endpoint URL  data-plane URL template with {account} and {service}\n"
	        "                           (also AZAUDIT_STORAGE_ENDPOINT); --blob-endpoint,\n"
	        "                           --queue-endpoint, --table-endpoint URL per service.\n"
	        "                           https, or http to a loopback emulator only\n"
	        "      --keyvault-dataplane on|off  Key Vault data plane (key rotation\n"
	        "                           policies, certificate policies; token for Key\n"
	        "                           Vault): on (default), off\n"
	        "      --keyvault-endpoint URL  vault URL template with {vault} (also\n"
	        "                           AZAUDIT_KEYVAULT_ENDPOINT), in place of each vault's\n"
	        "                           vaultUri; https, or http to a loopback emulator only\n"
	        "      --no-graph           skip Microsoft Graph (identity rules report UNKNOWN)\n"
	        "      --concurrency N      requests in flight per host (default 8)\n"
	        "      --max-active N       requests in flight overall (default 32)\n"
	        "      --attempts N         attempts per request (default 5)\n"
	        "      --arm-rate R[:B], --arg-rate R[:B], --graph-rate R[:B]\n"
	        "                           requests per second (and burst) per API family;\n"
	        "                           Resource Graph defaults to 3:15, the others to no\n"
	        "                           limit beyond the x-ms-ratelimit-remaining headers\n"
	        "      --timeout SECONDS    per request (default 60)\n"
	        "      --retry-base-ms N    first backoff (default 1000; doubles, with jitter)\n"
	        "      --retry-max-ms N     longest wait, Retry-After included (default 60000)\n"
	        "      --max-response BYTES largest response body (default 64 MiB)\n"
	        "      --max-pages N        pages per list (default 2000)\n"
	        "      --arg-batch N        subscriptions per Resource Graph query (default 1000)\n"
	        "      --page-size N        Resource Graph rows per page (default 1000)\n"
	        "      --area LIST, --rule LIST, --level N\n"
	        "                           collect only what these rules need (as in 'scan');\n"
	        "                           the rest is left out of meta.datasets (UNKNOWN)\n"
	        "  -v, --verbose            log each request: method, path, status, time\n"
	        "  -q, --quiet              no summary\n"
	        "\n"
	        "exit status: 0 written (failed calls are recorded in the snapshot), 2 usage,\n"
	        "credential or write error, 3 out of memory.\n");
}

static const char *passthrough[] = {"subscription", "management-group", "cloud", "auth", "tenant", "authority-host",
                                    "arm-endpoint", "graph-endpoint", "storage-suffix", "concurrency",
                                    "attempts", "timeout", "retry-base-ms", "retry-max-ms",
                                    "max-response", "max-pages", "arg-batch", "page-size", "max-active",
                                    "storage-auth", "storage-endpoint", "blob-endpoint", "queue-endpoint",
                                    "table-endpoint", "arm-rate", "arg-rate", "graph-rate",
                                    "keyvault-dataplane", "keyvault-endpoint"};

int cli_collect_option(const char *a)
{
	if (!strcmp(a, "--no-graph"))
		return 1;
	for (size_t k = 0; k < sizeof passthrough / sizeof passthrough[0]; k++)
		if (!strncmp(a, "--", 2) && !strcmp(a + 2, passthrough[k]))
			return 2;
	return 0;
}

/* Apply the selection of rules (as 'scan' selects them) to the collector. */
static int select_rules(aza_ctx *ctx, aza_collect *c, const char *rules, const char *areas, int level)
{
	if (!rules && !areas && !level)
		return 0;
	aza_scan *s = aza_scan_new(ctx);
	if (!s)
		return AZA_ENOMEM;
	aza_scan_select_level(s, level ? level : 2);
	int rc = 0;
	if (rules)
		rc = aza_scan_select_rules(s, rules);
	if (!rc && areas)
		rc = aza_scan_select_areas(s, areas);
	if (!rc)
		rc = aza_collect_select(c, s);
	aza_scan_free(s);
	return rc;
}

static aza_collect *running;

static void on_signal(int sig)
{
	(void)sig;
	if (running)
		aza_collect_cancel(running);
}

static void log_cb(void *ud, const char *line)
{
	(void)ud;
	fprintf(stderr, "azaudit: %s\n", line);
}

/* One status line on a terminal, rewritten in place; cleared at the end. */
static int progress_shown;
static void progress_cb(void *ud, const aza_collect_stats *st, size_t in_flight, size_t queued)
{
	(void)ud;
	fprintf(stderr, "\r\033[Kcollect: %zu requests done, %zu in flight, %zu waiting, %zu throttled, %zu resources",
	        st->requests, in_flight, queued, st->throttled, st->resources);
	fflush(stderr);
	progress_shown = 1;
}

static void progress_end(void)
{
	if (progress_shown)
		fputs("\r\033[K", stderr);
	progress_shown = 0;
}

static void warn_cb(void *ud, const char *msg)
{
	if (!*(int *)ud)
		fprintf(stderr, "azaudit: warning: %s\n", msg);
}

static void summary(aza_collect *c, const char *path)
{
	aza_collect_stats st;
	aza_collect_stats_get(c, &st);
	fprintf(stderr,
	        "azaudit: collected %zu resources from %zu subscriptions in %.1f s: %zu requests, %zu retries, "
	        "%zu throttled; wrote %s\n",
	        st.resources, st.subscriptions, st.seconds, st.requests, st.retries, st.throttled, path);
	size_t n = aza_collect_error_count(c);
	if (!n)
		return;
	fprintf(stderr, "azaudit: %zu calls failed; rules that need their data report UNKNOWN:\n", n);
	/* One line per (data set, status), with a count and one example. */
	char *done = calloc(n, 1);
	for (size_t i = 0; i < n; i++) {
		if (done && done[i])
			continue;
		const aza_collect_error *e = aza_collect_error_at(c, i);
		if (!e)
			break;
		size_t count = 1;
		for (size_t j = i + 1; done && j < n; j++) {
			const aza_collect_error *f = aza_collect_error_at(c, j);
			if (f && f->status == e->status && !strcmp(f->type, e->type)) {
				done[j] = 1;
				count++;
			}
		}
		fprintf(stderr, "  %s: HTTP %d x%zu (e.g. %s: %.160s)\n    needs: %s\n", *e->type ? e->type : "all data",
		        e->status, count, e->scope, e->message, e->permission);
	}
	free(done);
}

/* Run a configured collection to path with the CLI's logging, progress and
 * Ctrl-C handling (the library removes its temp file on cancel). *quiet
 * must outlive the call: the warning hook reads it. */
static int run_collect(aza_ctx *ctx, aza_collect *c, const char *path, int *quiet, int verbose)
{
	aza_ctx_set_warn(ctx, warn_cb, quiet);
	if (verbose)
		aza_collect_set_log(c, log_cb, NULL);
	else if (!*quiet && isatty(2))
		aza_collect_set_progress(c, progress_cb, NULL);
	running = c;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	int rc = aza_collect_run(c, path);
	progress_end();
	running = NULL;
	return rc;
}

/* A context and a collection on it; -1 (nothing made) when out of memory. */
static int collect_new(aza_ctx **ctx, aza_collect **c)
{
	if (!(*ctx = aza_ctx_new()))
		return -1;
	if (!(*c = aza_collect_new(*ctx))) {
		aza_ctx_free(*ctx);
		return -1;
	}
	return 0;
}

int cmd_collect(int argc, char **argv)
{
	const char *output = NULL;
	int quiet = 0, verbose = 0;
	aza_ctx *ctx;
	aza_collect *c;
	if (collect_new(&ctx, &c))
		return EXIT_INTERNAL;
	int rc = 0, ex = EXIT_OK;
	const char *rules = NULL, *areas = NULL;
	char rules_buf[8192], areas_buf[512];
	int level = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			goto out;
		}
		if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			quiet = 1;
			continue;
		}
		if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
			verbose = 1;
			continue;
		}
		if (!strcmp(a, "--no-graph")) {
			aza_collect_set(c, "graph", "off");
			continue;
		}
		if (!strcmp(a, "-o") || !strcmp(a, "--output") || !strcmp(a, "--area") || !strcmp(a, "--rule") ||
		    !strcmp(a, "--level")) {
			if (i + 1 >= argc) {
				ex = cli_error("collect: option '%s' needs a value", a);
				goto out;
			}
			const char *v = argv[++i];
			if (a[2] == 'a' || a[2] == 'r') {
				if (a[2] == 'a' ? cli_list_add(&areas, areas_buf, sizeof areas_buf, v)
				                : cli_list_add(&rules, rules_buf, sizeof rules_buf, v)) {
					ex = cli_error("collect: %s lists are too long", a);
					goto out;
				}
			} else if (a[2] == 'l') {
				if (strcmp(v, "1") && strcmp(v, "2")) {
					ex = cli_error("collect: --level takes 1 or 2");
					goto out;
				}
				level = atoi(v);
			} else
				output = v;
			continue;
		}
		int known = 0;
		for (size_t k = 0; k < sizeof passthrough / sizeof passthrough[0] && !known; k++) {
			if (strncmp(a, "--", 2) || strcmp(a + 2, passthrough[k]))
				continue;
			known = 1;
			if (i + 1 >= argc) {
				ex = cli_error("collect: option '%s' needs a value", a);
				goto out;
			}
			if ((rc = aza_collect_set(c, passthrough[k], argv[++i]))) {
				ex = cli_error("%s", aza_errmsg(ctx));
				goto out;
			}
		}
		if (!known) {
			usage(stderr);
			ex = cli_error("collect: unknown option '%s'", a);
			goto out;
		}
	}
	if (!output) {
		usage(stderr);
		ex = cli_error("collect: -o FILE is required");
		goto out;
	}
	if (!strcmp(output, "-")) {
		ex = cli_error("collect: -o needs a file: the snapshot is written to a temporary file renamed into place "
		               "when collection ends, so that a failed run leaves none");
		goto out;
	}
	if ((rc = select_rules(ctx, c, rules, areas, level))) {
		ex = rc == AZA_ENOMEM ? EXIT_INTERNAL : cli_error("%s", aza_errmsg(ctx));
		goto out;
	}
	rc = run_collect(ctx, c, output, &quiet, verbose);
	if (rc) {
		ex = rc == AZA_ENOMEM ? EXIT_INTERNAL : cli_error("%s", aza_errmsg(ctx));
		goto out;
	}
	if (!quiet)
		summary(c, output);
out:
	aza_collect_free(c);
	aza_ctx_free(ctx);
	return ex;
}

int cli_collect_live(int argc, char **argv, const char *rules, const char *areas, int level, int quiet,
                     int verbose, char *path, size_t cap)
{
	static int q;
	q = quiet;
	aza_ctx *ctx;
	aza_collect *c;
	if (collect_new(&ctx, &c))
		return EXIT_INTERNAL;
	int ex = EXIT_OK, rc;
	for (int i = 1; i < argc; i++) {
		int k = cli_collect_option(argv[i]);
		if (k == 1)
			aza_collect_set(c, "graph", "off");
		else if (k == 2 && i + 1 < argc && (rc = aza_collect_set(c, argv[i] + 2, argv[i + 1]))) {
			ex = rc == AZA_ENOMEM ? EXIT_INTERNAL : cli_error("%s", aza_errmsg(ctx));
			goto out;
		}
		if (k == 2)
			i++;
	}
	if ((rc = select_rules(ctx, c, rules, areas, level))) {
		ex = rc == AZA_ENOMEM ? EXIT_INTERNAL : cli_error("%s", aza_errmsg(ctx));
		goto out;
	}
	/* A private temp file: the snapshot holds the tenant's configuration. */
	const char *tmp = getenv("TMPDIR");
	snprintf(path, cap, "%s/azaudit-live-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) {
		ex = cli_error("scan --live: cannot create a temp file in %s", tmp && *tmp ? tmp : "/tmp");
		goto out;
	}
	close(fd);
	rc = run_collect(ctx, c, path, &q, verbose);
	if (rc) {
		unlink(path);
		path[0] = 0;
		ex = rc == AZA_ENOMEM ? EXIT_INTERNAL : cli_error("%s", aza_errmsg(ctx));
		goto out;
	}
	if (!quiet)
		summary(c, "a temp snapshot");
out:
	aza_collect_free(c);
	aza_ctx_free(ctx);
	return ex;
}
