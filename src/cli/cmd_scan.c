/*
 * cmd_scan.c - `azaudit scan [options] INPUT...`: read inputs, run the
 * selected rules, write one or more reports, exit by --fail-on.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static void usage(FILE *fp)
{
	fprintf(fp,
	        "usage: azaudit scan [options] INPUT...\n"
	        "\n"
	        "INPUT is a snapshot, a JSON array of ARM resources, a Resource Graph result,\n"
	        "an ARM list response, JSON Lines, a directory (every *.json below it), a .gz\n"
	        "file, or - for standard input.\n"
	        "\n"
	        "options:\n"
	        "  -f, --format LIST      text (default), json, sarif, csv, junit, markdown,\n"
	        "                         ocsf (JSON array), ocsf-jsonl (JSON Lines), html;\n"
	        "                         several, comma-separated, with --output-dir\n"
	        "  -o, --output FILE      write the report to FILE (atomically); - is standard output\n"
	        "      --output-dir DIR   write one report per format: DIR/azaudit.<ext>\n"
	        "                         (txt, json, sarif, csv, junit.xml, md, ocsf.json,\n"
	        "                         ocsf.jsonl, html), each atomically\n"
	        "      --suppressions FILE  accepted risks (docs/suppressions.md): matching\n"
	        "                         findings become SUPPRESSED with their reason\n"
	        "      --baseline FILE    a previous JSON report (or .gz; - for standard\n"
	        "                         input): mark findings new or unchanged and\n"
	        "                         list the resolved ones\n"
	        "      --fail-on-new      with --baseline: exit 1 only for new FAILs (of\n"
	        "                         --fail-on severity or above, when given)\n"
	        "      --framework ID     also report per control of a framework (see\n"
	        "                         'azaudit frameworks'), or a framework file\n"
	        "      --live             collect from Azure first (the options of 'azaudit\n"
	        "                         collect', e.g. --subscription, --storage-auth), only\n"
	        "                         what the selected rules need, into a temp file\n"
	        "      --level N          rules up to level N (1 or 2; default 2)\n"
	        "      --area LIST        only these areas (iam,storage,database,network,logging,\n"
	        "                         vm,defender,keyvault,appservice,other)\n"
	        "      --rule LIST        only these rule ids or globs (AZA-STG-*); --area,\n"
	        "                         --rule and --status may be repeated (the union)\n"
	        "      --min-severity S   only rules of severity S or above (info..critical)\n"
	        "      --status LIST      report only these statuses (PASS,FAIL,MANUAL,UNKNOWN,\n"
	        "                         NOT_APPLICABLE,SUPPRESSED)\n"
	        "      --fail-on S        exit 1 when a FAIL of severity S or above is reported\n"
	        "      --config FILE      user configuration (docs/config.md)\n"
	        "      --now TIME         reference time for dates (ISO 8601 or Unix seconds)\n"
	        "  -v, --verbose          text: also list PASS and NOT_APPLICABLE\n"
	        "      --color, --no-color  force colours on or off (default: on a terminal,\n"
	        "                         unless NO_COLOR is set)\n"
	        "  -q, --quiet            no warnings\n"
	        "      --stats            print each stage's time and the peak memory to\n"
	        "                         standard error\n"
	        "ARM templates (docs/templates.md):\n"
	        "      --parameters FILE  parameter file for every template (default: x.parameters.json\n"
	        "                         beside x.json)\n"
	        "      --template-subscription ID, --template-resource-group NAME,\n"
	        "      --template-location REGION, --template-tenant ID,\n"
	        "      --template-management-group NAME\n"
	        "                         placeholders used to evaluate templates\n"
	        "\n"
	        "exit status: 0 done, 1 --fail-on threshold reached, 2 usage or input error,\n"
	        "3 out of memory.\n");
}

static void warn_cb(void *ud, const char *msg)
{
	if (!*(int *)ud)
		fprintf(stderr, "azaudit: warning: %s\n", msg);
}

static int parse_time(const char *s, double *out)
{
	char *end;
	double v = strtod(s, &end);
	if (*end == 0 && end != s) {
		*out = v;
		return 0;
	}
	return aza_parse_time(s, out);
}

#define NEED_ARG()                                                              \
	do {                                                                        \
		if (i + 1 >= argc)                                                      \
			return cli_error("scan: option '%s' needs a value", argv[i]);       \
	} while (0)

int cmd_scan(int argc, char **argv)
{
	const char *formats = "text", *output = NULL, *outdir = NULL, *config = NULL;
	const char *rules = NULL, *areas = NULL, *statuses = NULL;
	char rules_buf[8192], areas_buf[512], statuses_buf[256];
	const char *suppressions = NULL, *baseline = NULL, *framework = NULL;
	int level = 2, color = -1, verbose = 0, quiet = 0, stats = 0, have_fail_on = 0, have_min = 0, have_now = 0;
	int fail_on_new = 0, live = 0;
	char live_path[4096] = "";
	aza_severity fail_on = AZA_SEV_CRITICAL, min_sev = AZA_SEV_INFO;
	double now = 0;
	const char *topt[16][2]; /* template options: key, value */
	int ntopt = 0;
	const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
	size_t ninputs = 0;
	if (!inputs)
		return cli_error("out of memory"), EXIT_INTERNAL;
	int rc = EXIT_OK;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			free(inputs);
			return EXIT_OK;
		} else if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
			NEED_ARG();
			formats = argv[++i];
		} else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
			NEED_ARG();
			output = argv[++i];
		} else if (!strcmp(a, "--output-dir")) {
			NEED_ARG();
			outdir = argv[++i];
		} else if (!strcmp(a, "--level")) {
			NEED_ARG();
			a = argv[++i];
			if (strcmp(a, "1") && strcmp(a, "2")) {
				free(inputs);
				return cli_error("scan: --level takes 1 or 2");
			}
			level = atoi(a);
		} else if (!strcmp(a, "--area")) {
			NEED_ARG();
			if (cli_list_add(&areas, areas_buf, sizeof areas_buf, argv[++i])) {
				free(inputs);
				return cli_error("scan: --area lists are too long");
			}
		} else if (!strcmp(a, "--rule")) {
			NEED_ARG();
			if (cli_list_add(&rules, rules_buf, sizeof rules_buf, argv[++i])) {
				free(inputs);
				return cli_error("scan: --rule lists are too long");
			}
		} else if (!strcmp(a, "--min-severity")) {
			NEED_ARG();
			if (aza_severity_parse(argv[++i], &min_sev)) {
				free(inputs);
				return cli_error("scan: unknown severity '%s' (info, low, medium, high, critical)", argv[i]);
			}
			have_min = 1;
		} else if (!strcmp(a, "--fail-on")) {
			NEED_ARG();
			if (aza_severity_parse(argv[++i], &fail_on)) {
				free(inputs);
				return cli_error("scan: unknown severity '%s' (info, low, medium, high, critical)", argv[i]);
			}
			have_fail_on = 1;
		} else if (!strcmp(a, "--status")) {
			NEED_ARG();
			if (cli_list_add(&statuses, statuses_buf, sizeof statuses_buf, argv[++i])) {
				free(inputs);
				return cli_error("scan: --status lists are too long");
			}
		} else if (!strcmp(a, "--suppressions")) {
			NEED_ARG();
			suppressions = argv[++i];
		} else if (!strcmp(a, "--baseline")) {
			NEED_ARG();
			baseline = argv[++i];
		} else if (!strcmp(a, "--fail-on-new")) {
			fail_on_new = 1;
		} else if (!strcmp(a, "--framework")) {
			NEED_ARG();
			framework = argv[++i];
		} else if (!strcmp(a, "--config")) {
			NEED_ARG();
			config = argv[++i];
		} else if (!strcmp(a, "--now")) {
			NEED_ARG();
			if (parse_time(argv[++i], &now)) {
				free(inputs);
				return cli_error("scan: --now takes an ISO 8601 date-time or Unix seconds");
			}
			have_now = 1;
		} else if (!strcmp(a, "--parameters") || !strcmp(a, "--template-subscription") ||
		           !strcmp(a, "--template-resource-group") || !strcmp(a, "--template-location") ||
		           !strcmp(a, "--template-tenant") || !strcmp(a, "--template-management-group")) {
			NEED_ARG();
			if (ntopt == 16) {
				free(inputs);
				return cli_error("scan: too many template options");
			}
			topt[ntopt][0] = !strcmp(a, "--parameters") ? "parameters" : a + 11;
			topt[ntopt++][1] = argv[++i];
		} else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
			verbose = 1;
		} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			quiet = 1;
		} else if (!strcmp(a, "--stats")) {
			stats = 1;
		} else if (!strcmp(a, "--color")) {
			color = 1;
		} else if (!strcmp(a, "--no-color")) {
			color = 0;
		} else if (!strcmp(a, "--live")) {
			live = 1;
		} else if (cli_collect_option(a)) {
			/* Collection options: read again by cli_collect_live. */
			if (cli_collect_option(a) == 2) {
				NEED_ARG();
				i++;
			}
		} else if (a[0] == '-' && a[1]) {
			free(inputs);
			return cli_error("scan: unknown option '%s' (see 'azaudit scan --help')", a);
		} else {
			inputs[ninputs++] = a;
		}
	}
	if (!ninputs && !live) {
		free(inputs);
		usage(stderr);
		return EXIT_USAGE;
	}
	if (output && !strcmp(output, "-"))
		output = NULL; /* -o -: standard output, as - is standard input among the inputs */
	if (output && outdir) {
		free(inputs);
		return cli_error("scan: use either --output or --output-dir");
	}
	if (fail_on_new && !baseline) {
		free(inputs);
		return cli_error("scan: --fail-on-new needs --baseline");
	}
	for (size_t i = 0; baseline && !strcmp(baseline, "-") && i < ninputs; i++)
		if (!strcmp(inputs[i], "-")) {
			free(inputs);
			return cli_error("scan: --baseline - and the input - cannot both read standard input");
		}
	if (output && strchr(formats, ',')) {
		free(inputs);
		return cli_error("scan: several formats need --output-dir");
	}
	/* Validate formats before reading anything. */
	{
		char *fs = strdup(formats);
		if (!fs) {
			free(inputs);
			return cli_error("out of memory"), EXIT_INTERNAL;
		}
		for (char *t = strtok(fs, ","); t; t = strtok(NULL, ","))
			if (!aza_report_format_known(t)) {
				cli_error("scan: unknown format '%s' (%s)", t, aza_report_formats());
				free(fs);
				free(inputs);
				return EXIT_USAGE;
			}
		free(fs);
	}
	unsigned status_mask = 0;
	if (statuses) {
		char *ss = strdup(statuses);
		if (!ss) {
			free(inputs);
			return cli_error("out of memory"), EXIT_INTERNAL;
		}
		for (char *t = strtok(ss, ","); t; t = strtok(NULL, ",")) {
			aza_status st;
			if (aza_status_parse(t, &st)) {
				cli_error("scan: unknown status '%s' (PASS, FAIL, MANUAL, UNKNOWN, NOT_APPLICABLE, SUPPRESSED)", t);
				free(ss);
				free(inputs);
				return EXIT_USAGE;
			}
			status_mask |= 1u << st;
		}
		free(ss);
	}

	if (live) {
		/* Collect what the selected rules need, then scan it (and any files given). */
		int ex = cli_collect_live(argc, argv, rules, areas, level, quiet, 0, live_path, sizeof live_path);
		if (ex != EXIT_OK) {
			free(inputs);
			return ex;
		}
		inputs[ninputs++] = live_path;
	}
	aza_ctx *ctx = aza_ctx_new();
	aza_scan *s = NULL;
	if (!ctx) {
		free(inputs);
		return cli_error("out of memory"), EXIT_INTERNAL;
	}
	aza_ctx_set_warn(ctx, warn_cb, &quiet);
	int err = 0;
	if (config && (err = aza_ctx_load_config(ctx, config)))
		goto fail;
	s = aza_scan_new(ctx);
	if (!s) {
		err = AZA_ENOMEM;
		goto fail;
	}
	if (have_now)
		aza_scan_set_now(s, now);
	aza_scan_select_level(s, level);
	if (have_min)
		aza_scan_select_min_severity(s, min_sev);
	if (rules && (err = aza_scan_select_rules(s, rules)))
		goto fail;
	if (areas && (err = aza_scan_select_areas(s, areas)))
		goto fail;
	for (int i = 0; i < ntopt; i++)
		if ((err = aza_scan_template_option(s, topt[i][0], topt[i][1])))
			goto fail;
	/* --stats: the time and the peak RSS after each stage */
	double tm[4], mb[4];
	tm[0] = cli_now_s();
	for (size_t i = 0; i < ninputs; i++)
		if ((err = aza_scan_add_path(s, inputs[i])))
			goto fail;
	tm[1] = cli_now_s(), mb[1] = cli_maxrss_mb();
	if (framework && (err = aza_scan_set_framework(s, framework)))
		goto fail;
	if ((err = aza_scan_run(s)))
		goto fail;
	tm[2] = cli_now_s(), mb[2] = cli_maxrss_mb();
	if (suppressions && (err = aza_scan_suppress(s, suppressions)))
		goto fail;
	if (baseline && (err = aza_scan_baseline(s, baseline)))
		goto fail;

	aza_report_opts o;
	memset(&o, 0, sizeof o);
	o.status_mask = status_mask;
	o.verbose = verbose;
	if (color < 0)
		color = !output && !outdir && isatty(1) && !getenv("NO_COLOR");
	o.color = color;
	if (outdir) {
		if (mkdir(outdir, 0777) != 0 && errno != EEXIST) {
			cli_error("scan: %s: %s", outdir, strerror(errno));
			err = AZA_EIO;
			goto fail_quiet;
		}
		char *fs = strdup(formats);
		if (!fs) {
			err = AZA_ENOMEM;
			goto fail;
		}
		for (char *t = strtok(fs, ","); t && !err; t = strtok(NULL, ",")) {
			char path[4096];
			snprintf(path, sizeof path, "%s/azaudit.%s", outdir, aza_report_format_ext(t));
			o.color = 0;
			err = aza_report_write_file(s, t, &o, path);
		}
		free(fs);
		if (err)
			goto fail;
	} else if (output) {
		o.color = color > 0 && output == NULL;
		if ((err = aza_report_write_file(s, formats, &o, output)))
			goto fail;
	} else if ((err = aza_report_write(s, formats, &o, stdout))) {
		goto fail;
	}
	if (stats) {
		tm[3] = cli_now_s(), mb[3] = cli_maxrss_mb();
		aza_scan_stats st;
		aza_scan_stats_get(s, &st);
		fprintf(stderr,
		        "scan: read %zu resources (%.0f bytes) in %.3f s (peak RSS %.0f MiB); rules evaluated in %.3f s "
		        "(%zu findings, peak RSS %.0f MiB); triage and reports in %.3f s (peak RSS %.0f MiB)\n",
		        st.resources, st.bytes, tm[1] - tm[0], mb[1], tm[2] - tm[1], aza_scan_count(s), mb[2], tm[3] - tm[2], mb[3]);
	}
	/* SUPPRESSED findings never count: their status is no longer FAIL. */
	if (have_fail_on || fail_on_new) {
		if (!have_fail_on)
			fail_on = AZA_SEV_INFO;
		for (size_t i = 0; i < aza_scan_count(s); i++) {
			const aza_finding *f = aza_scan_finding(s, i);
			if (fail_on_new && f->baseline != AZA_BASELINE_NEW)
				continue;
			if (f->status == AZA_FAIL && aza_rule_severity(f->rule) >= fail_on &&
			    (!status_mask || (status_mask >> AZA_FAIL) & 1u)) {
				rc = EXIT_FINDINGS;
				break;
			}
		}
	}
	aza_scan_free(s);
	aza_ctx_free(ctx);
	free(inputs);
	if (live_path[0])
		unlink(live_path);
	return rc;
fail:
	cli_error("%s", aza_errmsg(ctx));
fail_quiet:
	rc = cli_exit_for(err);
	aza_scan_free(s);
	aza_ctx_free(ctx);
	free(inputs);
	if (live_path[0])
		unlink(live_path);
	return rc;
}
