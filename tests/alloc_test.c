/*
 * alloc_test.c - out-of-memory torture: runs a small scan (configuration,
 * a snapshot file, an in-memory snapshot with metadata, gaps, directory and
 * data-plane sections, every rule, both reports) with AZA_FAIL_ALLOC=N for
 * N = 1, 2, ... until the scan no longer reaches a failing allocation.
 *
 * Each N runs in a fresh process (this program re-executed with --child N),
 * because the library reads AZA_FAIL_ALLOC once. A child must exit 0 with
 * exactly the output of an unfailing run, or exit 3 after a clean AZA_ENOMEM
 * ("out of memory" on the context). A crash, another error code, a
 * different result or (under AddressSanitizer) a leak fails the case.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/internal.h"

#define SAMPLE_FILE "tests/rules/AZA-STG-001/fail.json"
#define MAX_N 20000
#define STREAK 25 /* consecutive clean successes that end the loop */

static const char snapshot[] =
	"{\"snapshot_version\": \"1.0\",\n"
	" \"meta\": {\"tenant_id\": \"72f988bf-0000-0000-0000-000000000001\",\n"
	"   \"subscriptions\": [{\"id\": \"00000000-0000-0000-0000-000000000002\", \"name\": \"alloc-sub\"}],\n"
	"   \"datasets\": [\"Microsoft.Storage/storageAccounts\", \"Microsoft.Storage/storageAccounts/blobServices\"]},\n"
	" \"errors\": [{\"scope\": \"/subscriptions/00000000-0000-0000-0000-000000000002\",\n"
	"   \"type\": \"Microsoft.Storage/storageAccounts/fileServices\", \"api\": \"ARM\", \"status\": 403,\n"
	"   \"message\": \"AuthorizationFailed\"}],\n"
	" \"directory\": {\"users\": {\"value\": [{\"id\": \"u1\", \"userType\": \"Guest\"}]}},\n"
	" \"dataplane\": {\"storage\": [{\"account\": \"/subscriptions/00000000-0000-0000-0000-000000000002/resourceGroups/rg/"
	"providers/Microsoft.Storage/storageAccounts/stalloc\", \"service\": \"blob\", \"properties\": {}}]},\n"
	" \"resources\": [\n"
	"  {\"id\": \"/subscriptions/00000000-0000-0000-0000-000000000002/resourceGroups/rg/providers/"
	"Microsoft.Storage/storageAccounts/stalloc\", \"location\": \"westeurope\", \"kind\": \"StorageV2\",\n"
	"   \"properties\": {\"supportsHttpsTrafficOnly\": true, \"minimumTlsVersion\": \"TLS1_0\",\n"
	"     \"allowBlobPublicAccess\": true, \"networkAcls\": {\"defaultAction\": \"Allow\", \"ipRules\": [{\"value\": \"0.0.0.0/0\"}]}}},\n"
	"  {\"id\": \"/subscriptions/00000000-0000-0000-0000-000000000002/resourceGroups/rg/providers/"
	"Microsoft.Storage/storageAccounts/stalloc/blobServices/default\", \"properties\": {\"deleteRetentionPolicy\": {\"enabled\": false}}},\n"
	"  {\"id\": \"/subscriptions/00000000-0000-0000-0000-000000000002/resourceGroups/rg/providers/"
	"Microsoft.Unknown/things/t1\", \"properties\": {}}\n"
	" ]}\n";

static const char config[] =
	"{\"critical_tag\": {\"name\": \"criticality\", \"value\": \"high\"},\n"
	" \"approved_extensions\": [\"Microsoft.Azure.Monitor.AzureMonitorLinuxAgent\"],\n"
	" \"key_max_age_days\": 60, \"runtimes\": {\"python\": \"3.11\"}, \"runtimes_reviewed\": \"2026-10-01\",\n"
	" \"owners\": {\"min\": 2, \"max\": 4}}\n";

static int enomem(int rc, aza_ctx *ctx)
{
	if (rc == AZA_ENOMEM && strstr(aza_errmsg(ctx), "out of memory"))
		return 3;
	fprintf(stderr, "unclean failure: rc %d: %s\n", rc, aza_errmsg(ctx));
	return 4;
}

/* A JSON Lines input of many accounts, so that arena chunks, the id hash
 * table and the findings array grow at many different points. */
static char *many_accounts(size_t *len)
{
	size_t cap = 120 * 512, n = 0;
	char *p = malloc(cap);
	if (!p)
		return NULL;
	for (int i = 0; i < 120; i++)
		n += (size_t)snprintf(p + n, cap - n,
		                      "{\"id\": \"/subscriptions/00000000-0000-0000-0000-000000000003/resourceGroups/rg%d/"
		                      "providers/Microsoft.Storage/storageAccounts/st%d\", \"location\": \"northeurope\", "
		                      "\"properties\": {\"supportsHttpsTrafficOnly\": %s, \"minimumTlsVersion\": \"TLS1_2\", "
		                      "\"allowBlobPublicAccess\": %s}}\n",
		                      i % 7, i, i % 2 ? "true" : "false", i % 3 ? "false" : "true");
	*len = n;
	return p;
}

/* The scan itself; prints the result on stdout. Returns the exit status. */
static int child(const char *cfgpath)
{
	size_t mlen = 0;
	char *many = many_accounts(&mlen);
	if (!many)
		return 5;
	aza_ctx *ctx = aza_ctx_new();
	if (!ctx) {
		free(many);
		return 3;
	}
	int rc, st = 0;
	aza_scan *s = NULL;
	char *out = NULL;
	size_t len = 0;
	if ((rc = aza_ctx_load_config(ctx, cfgpath))) {
		st = enomem(rc, ctx);
		goto done;
	}
	s = aza_scan_new(ctx);
	if (!s) {
		st = strstr(aza_errmsg(ctx), "out of memory") ? 3 : 4;
		goto done;
	}
	aza_scan_set_now(s, 1793491200.0);
	if ((rc = aza_scan_add_path(s, SAMPLE_FILE)) ||
	    (rc = aza_scan_add_buffer(s, "alloc.json", snapshot, sizeof snapshot - 1)) ||
	    (rc = aza_scan_add_buffer(s, "many.jsonl", many, mlen)) ||
	    (rc = aza_scan_run(s))) {
		st = enomem(rc, ctx);
		goto done;
	}
	FILE *fp = open_memstream(&out, &len);
	if (!fp)
		return 5;
	aza_report_opts o;
	memset(&o, 0, sizeof o);
	o.verbose = 1;
	rc = aza_report_write(s, "json", &o, fp);
	if (rc == 0)
		rc = aza_report_write(s, "text", &o, fp);
	fclose(fp);
	if (rc) {
		st = enomem(rc, ctx);
		goto done;
	}
	fwrite(out, 1, len, stdout);
done:
	free(many);
	free(out);
	aza_scan_free(s);
	aza_ctx_free(ctx);
	return st;
}

/* Run this program as a child with AZA_FAIL_ALLOC=n; capture its stdout. */
static int spawn(const char *self, const char *cfgpath, long n, char **out, size_t *outlen)
{
	int pfd[2];
	if (pipe(pfd))
		return -1;
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		char nb[32];
		snprintf(nb, sizeof nb, "%ld", n);
		if (n > 0)
			setenv("AZA_FAIL_ALLOC", nb, 1);
		else
			unsetenv("AZA_FAIL_ALLOC");
		dup2(pfd[1], 1);
		close(pfd[0]);
		close(pfd[1]);
		execl(self, self, "--child", cfgpath, (char *)NULL);
		_exit(127);
	}
	close(pfd[1]);
	size_t cap = 1 << 16, len = 0;
	char *buf = malloc(cap);
	ssize_t r;
	while (buf && (r = read(pfd[0], buf + len, cap - len)) > 0) {
		len += (size_t)r;
		if (len == cap) {
			char *nb = realloc(buf, cap *= 2);
			if (!nb)
				free(buf);
			buf = nb;
		}
	}
	close(pfd[0]);
	int status;
	if (waitpid(pid, &status, 0) < 0 || !buf) {
		free(buf);
		return -1;
	}
	*out = buf;
	*outlen = len;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "--child"))
		return child(argv[2]);
	char cfgpath[] = "/tmp/aza-alloc-config-XXXXXX";
	int fd = mkstemp(cfgpath);
	if (fd < 0 || write(fd, config, sizeof config - 1) != (ssize_t)(sizeof config - 1)) {
		printf("cannot write a temporary configuration\n0 passed, 1 failed\n");
		return 1;
	}
	close(fd);
	int passed = 0, failed = 0;
	char *base = NULL, *got = NULL;
	size_t baselen = 0, gotlen = 0;
	int st = spawn(argv[0], cfgpath, 0, &base, &baselen);
	if (st != 0 || baselen == 0) {
		printf("FAIL the scan without allocation failures exited %d\n", st);
		failed++;
		goto out;
	}
	passed++;
	long n, streak = 0, enomems = 0;
	for (n = 1; n <= MAX_N && streak < STREAK; n++) {
		st = spawn(argv[0], cfgpath, n, &got, &gotlen);
		if (st == 3 && gotlen == 0) {
			enomems++;
			streak = 0;
		} else if (st == 0 && gotlen == baselen && !memcmp(got, base, baselen)) {
			streak++;
		} else {
			if (failed < 20)
				printf("FAIL AZA_FAIL_ALLOC=%ld: exit %d, %s\n", n, st,
				       st == 0 ? "output differs from the unfailing run" : "not a clean out-of-memory error");
			failed++;
			streak = 0;
		}
		free(got);
		got = NULL;
	}
	if (streak < STREAK) {
		printf("FAIL still failing allocations after %d runs\n", MAX_N);
		failed++;
	} else {
		passed++;
	}
	printf("ok %ld allocation points, %ld clean out-of-memory exits\n", n - 1 - STREAK, enomems);
out:
	unlink(cfgpath);
	free(base);
	free(got);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
