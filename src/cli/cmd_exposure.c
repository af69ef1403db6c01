/*
 * cmd_exposure.c - `azaudit exposure [options] INPUT...`: what the internet
 * reaches, on which protocol and port, and the path that lets it in.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void usage(FILE *fp)
{
	fprintf(fp,
	        "usage: azaudit exposure [options] INPUT...\n"
	        "\n"
	        "Lists every endpoint reachable from the internet (VM, scale set or NIC behind\n"
	        "a public IP, a public load balancer rule, NAT rule or pool, a firewall DNAT rule;\n"
	        "Application Gateway backends and Bastion hosts), the reachable protocols and\n"
	        "ports, and for each the path: frontend, subnet NSG rule, NIC NSG rule.\n"
	        "INPUT is anything 'azaudit scan' reads.\n"
	        "\n"
	        "options:\n"
	        "  -f, --format F   text (default) or json\n"
	        "  -o, --output FILE  write to FILE (atomically: a temporary file renamed\n"
	        "                   into place) instead of standard output; - is standard output\n"
	        "      --stats      print timings and model size to standard error\n"
	        "  -q, --quiet      no warnings\n"
	        "\n"
	        "exit status: 0 done, 2 usage or input error, 3 out of memory.\n");
}

static void warn_cb(void *ud, const char *msg)
{
	if (!*(int *)ud)
		fprintf(stderr, "azaudit: warning: %s\n", msg);
}

int cmd_exposure(int argc, char **argv)
{
	const char *format = "text", *output = NULL;
	int quiet = 0, stats = 0;
	const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
	size_t ninputs = 0;
	if (!inputs)
		return cli_error("out of memory");
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			free(inputs);
			return EXIT_OK;
		} else if (!strcmp(a, "-f") || !strcmp(a, "--format") || !strcmp(a, "-o") || !strcmp(a, "--output")) {
			if (i + 1 >= argc) {
				free(inputs);
				return cli_error("exposure: option '%s' needs a value", a);
			}
			if (a[1] == 'f' || a[2] == 'f')
				format = argv[++i];
			else
				output = argv[++i];
		} else if (!strcmp(a, "--stats")) {
			stats = 1;
		} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			quiet = 1;
		} else if (a[0] == '-' && a[1]) {
			free(inputs);
			return cli_error("exposure: unknown option '%s' (see 'azaudit exposure --help')", a);
		} else {
			inputs[ninputs++] = a;
		}
	}
	if (strcmp(format, "text") && strcmp(format, "json")) {
		free(inputs);
		return cli_error("exposure: unknown format '%s' (text, json)", format);
	}
	if (!ninputs) {
		free(inputs);
		usage(stderr);
		return EXIT_USAGE;
	}
	aza_ctx *ctx = aza_ctx_new();
	aza_scan *s = ctx ? aza_scan_new(ctx) : NULL;
	if (!s) {
		aza_ctx_free(ctx);
		free(inputs);
		return cli_error("out of memory");
	}
	aza_ctx_set_warn(ctx, warn_cb, &quiet);
	int rc = 0;
	double t0 = cli_now_s();
	for (size_t i = 0; i < ninputs && !rc; i++)
		rc = aza_scan_add_path(s, inputs[i]);
	double t1 = cli_now_s(), m1 = cli_maxrss_mb();
	const aza_exposure *x = NULL;
	if (!rc)
		rc = aza_exposure_compute(s, &x);
	double t2 = cli_now_s(), m2 = cli_maxrss_mb();
	int ex = EXIT_OK;
	if (rc) {
		ex = cli_error("%s", aza_errmsg(ctx));
		ex = cli_exit_for(rc);
	} else {
		char tmp[4096];
		FILE *fp = cli_out_open(output, tmp, sizeof tmp);
		if (!fp) {
			ex = cli_error("exposure: cannot write '%s': %s", output, strerror(errno));
		} else {
			int wr = aza_exposure_write(x, format, fp); /* the format was checked above */
			if (wr)
				ex = cli_error("exposure: %s", wr == AZA_ENOMEM ? "out of memory" : "write error");
			if (cli_out_close(fp, tmp, output, !wr) && !wr)
				ex = cli_error("exposure: write error on '%s': %s", output ? output : "standard output", strerror(errno));
		}
		if (stats) {
			aza_scan_stats st;
			aza_scan_stats_get(s, &st);
			fprintf(stderr, "exposure: read %zu resources (%.0f bytes) in %.3f s (peak RSS %.0f MiB); model built in %.3f s "
			        "(peak RSS +%.0f MiB); %zu endpoints\n",
			        st.resources, st.bytes, t1 - t0, m1, t2 - t1, m2 - m1, aza_exposure_count(x));
		}
	}
	aza_scan_free(s);
	aza_ctx_free(ctx);
	free(inputs);
	return ex;
}
