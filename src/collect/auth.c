/*
 * auth.c - credentials, with the environment variables and precedence of
 * Azure's SDKs: service principal with a secret or a certificate, workload
 * identity, managed identity (App Service endpoint, instance metadata), and
 * the Azure CLI's login. Tokens are kept per audience in memory only,
 * refreshed before they expire, and wiped when dropped. The only file that
 * includes OpenSSL.
 */
#include "collect.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/x509.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

enum { M_SECRET = 1, M_CERT, M_WORKLOAD, M_APPSERVICE, M_MSI, M_CLI };
static const char *method_names[] = {"", "client-secret", "client-certificate", "workload-identity",
                                     "managed-identity (App Service)", "managed-identity", "azure-cli"};

struct aza_auth {
	aza_http *h;
	int method;
	char *authority, *tenant, *client, *secret, *cert_path, *fedfile, *id_endpoint, *id_header,
	    *imds;
	char *scope[AZA_AUD_N];
	struct {
		char *tok;
		double exp, life;
	} t[AZA_AUD_N];
};

static char *env_dup(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? aza__strdup(v) : NULL;
}

static void wipe_free(char *s)
{
	if (s) {
		explicit_bzero(s, strlen(s));
		aza__free(s);
	}
}

static double wall(void)
{
	return (double)time(NULL);
}

aza_auth *aza_auth__new(aza_http *h, const aza_auth_cfg *cfg, char *err, size_t errlen)
{
	aza_auth *a = aza__malloc(sizeof *a);
	if (!a) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	memset(a, 0, sizeof *a);
	a->h = h;
	a->authority = aza__strdup(cfg->authority);
	a->tenant = cfg->tenant ? aza__strdup(cfg->tenant) : env_dup("AZURE_TENANT_ID");
	a->client = env_dup("AZURE_CLIENT_ID");
	a->secret = env_dup("AZURE_CLIENT_SECRET");
	a->cert_path = env_dup("AZURE_CLIENT_CERTIFICATE_PATH");
	a->fedfile = env_dup("AZURE_FEDERATED_TOKEN_FILE");
	a->id_endpoint = env_dup("IDENTITY_ENDPOINT");
	a->id_header = env_dup("IDENTITY_HEADER");
	a->imds = env_dup("AZURE_POD_IDENTITY_AUTHORITY_HOST");
	if (!a->imds)
		a->imds = env_dup("AZAUDIT_IMDS_ENDPOINT");
	for (int i = 1; i < AZA_AUD_N; i++)
		a->scope[i] = aza__strdup(cfg->scope[i] ? cfg->scope[i] : "");
	const char *m = cfg->method;
	int have_sp = a->tenant && a->client;
	if (!m || !*m || !strcmp(m, "auto")) {
		if (have_sp && a->secret)
			a->method = M_SECRET;
		else if (have_sp && a->cert_path)
			a->method = M_CERT;
		else if (have_sp && a->fedfile)
			a->method = M_WORKLOAD;
		else if (a->id_endpoint && a->id_header)
			a->method = M_APPSERVICE;
		else if (a->imds)
			a->method = M_MSI;
		else
			a->method = M_CLI;
	} else if (!strcmp(m, "secret")) {
		a->method = M_SECRET;
	} else if (!strcmp(m, "certificate")) {
		a->method = M_CERT;
	} else if (!strcmp(m, "workload")) {
		a->method = M_WORKLOAD;
	} else if (!strcmp(m, "appservice")) {
		a->method = M_APPSERVICE;
	} else if (!strcmp(m, "msi")) {
		a->method = M_MSI;
	} else if (!strcmp(m, "cli")) {
		a->method = M_CLI;
	} else {
		snprintf(err, errlen, "unknown authentication method '%s' (auto, secret, certificate, workload, "
		         "msi, appservice, cli)", m);
		aza_auth__free(a);
		return NULL;
	}
	const char *missing = NULL;
	switch (a->method) {
	case M_SECRET: missing = !have_sp ? "AZURE_TENANT_ID and AZURE_CLIENT_ID" : !a->secret ? "AZURE_CLIENT_SECRET" : NULL; break;
	case M_CERT: missing = !have_sp ? "AZURE_TENANT_ID and AZURE_CLIENT_ID" : !a->cert_path ? "AZURE_CLIENT_CERTIFICATE_PATH" : NULL; break;
	case M_WORKLOAD: missing = !have_sp ? "AZURE_TENANT_ID and AZURE_CLIENT_ID" : !a->fedfile ? "AZURE_FEDERATED_TOKEN_FILE" : NULL; break;
	case M_APPSERVICE: missing = !a->id_endpoint || !a->id_header ? "IDENTITY_ENDPOINT and IDENTITY_HEADER" : NULL; break;
	case M_MSI:
		if (!a->imds)
			a->imds = aza__strdup("http://169.254.169.254");
		break;
	}
	if (missing) {
		snprintf(err, errlen, "%s authentication needs %s", method_names[a->method], missing);
		aza_auth__free(a);
		return NULL;
	}
	return a;
}

void aza_auth__free(aza_auth *a)
{
	if (!a)
		return;
	for (int i = 0; i < AZA_AUD_N; i++) {
		wipe_free(a->t[i].tok);
		aza__free(a->scope[i]);
	}
	wipe_free(a->secret);
	aza__free(a->authority);
	aza__free(a->tenant);
	aza__free(a->client);
	aza__free(a->cert_path);
	aza__free(a->fedfile);
	aza__free(a->id_endpoint);
	wipe_free(a->id_header);
	aza__free(a->imds);
	aza__free(a);
}

const char *aza_auth__method(const aza_auth *a)
{
	return method_names[a->method];
}

const char *aza_auth__tenant(const aza_auth *a)
{
	return a->tenant ? a->tenant : "";
}

/* The resource form of a scope: "https://management.azure.com/.default" ->
 * "https://management.azure.com/". */
static char *resource_of(const char *scope)
{
	char *r = aza__strdup(scope);
	if (!r)
		return NULL;
	size_t n = strlen(r);
	if (n > 8 && !strcmp(r + n - 8, ".default"))
		r[n - 8] = 0;
	return r;
}

/* ---- the response of a token endpoint ---- */
static int parse_token(aza_auth *a, int aud, const char *body, size_t len, char *err, size_t errlen)
{
	aza_arena ar;
	aza_arena__init(&ar);
	aza_json *j;
	aza_jerr je;
	int rc = -1;
	if (aza_json__parse_all(&ar, body, len, &j, &je)) {
		snprintf(err, errlen, "token response is not JSON");
		goto out;
	}
	const char *tok = aza_json_str(aza_json_get(j, "access_token"));
	if (!tok)
		tok = aza_json_str(aza_json_get(j, "accessToken"));
	if (!tok || !*tok) {
		const char *e = aza_json_str(aza_json_get(j, "error"));
		snprintf(err, errlen, "token response without a token%s%s", e ? ": " : "", e ? e : "");
		goto out;
	}
	double now = wall(), exp = 0, v;
	if (aza_json_num(aza_json_get(j, "expires_in"), &v))
		exp = now + v;
	else if (aza_json_num(aza_json_get(j, "expires_on"), &v))
		exp = v;
	else {
		const char *s = aza_json_str(aza_json_get(j, "expiresOn"));
		struct tm tm;
		memset(&tm, 0, sizeof tm);
		if (s && strptime(s, "%Y-%m-%d %H:%M:%S", &tm)) {
			tm.tm_isdst = -1;
			exp = (double)mktime(&tm); /* the CLI writes local time */
		}
	}
	if (exp <= now)
		exp = now + 300;
	wipe_free(a->t[aud].tok);
	a->t[aud].tok = aza__strdup(tok);
	a->t[aud].exp = exp;
	a->t[aud].life = exp - now;
	explicit_bzero((char *)tok, strlen(tok));
	rc = a->t[aud].tok ? 0 : -1;
	if (rc)
		snprintf(err, errlen, "out of memory");
out:
	aza_arena__release(&ar);
	return rc;
}

static void body_error(const char *body, size_t len, char *out, size_t cap)
{
	aza_arena ar;
	aza_arena__init(&ar);
	aza_json *j;
	aza_jerr je;
	out[0] = 0;
	if (!aza_json__parse_all(&ar, body, len, &j, &je)) {
		const char *e = aza_json_str(aza_json_get(j, "error"));
		const char *d = aza_json_str(aza_json_get(j, "error_description"));
		if (!e)
			e = aza_json_str(aza_json_get(aza_json_get(j, "error"), "message"));
		if (e)
			snprintf(out, cap, "%s%s%.200s", e, d ? ": " : "", d ? d : "");
	}
	aza_arena__release(&ar);
}

/* ---- certificate: a JWT client assertion signed RS256 ---- */
static void b64url(const unsigned char *in, size_t n, aza_buf *b)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)in[i] << 16 | (i + 1 < n ? (unsigned)in[i + 1] << 8 : 0) |
		             (i + 2 < n ? in[i + 2] : 0);
		aza_buf__addc(b, tab[(v >> 18) & 63]);
		aza_buf__addc(b, tab[(v >> 12) & 63]);
		if (i + 1 < n)
			aza_buf__addc(b, tab[(v >> 6) & 63]);
		if (i + 2 < n)
			aza_buf__addc(b, tab[v & 63]);
	}
}

static char *cert_assertion(aza_auth *a, char *err, size_t errlen)
{
	FILE *fp = fopen(a->cert_path, "r");
	if (!fp) {
		snprintf(err, errlen, "cannot open the client certificate: %s", strerror(errno));
		return NULL;
	}
	EVP_PKEY *key = PEM_read_PrivateKey(fp, NULL, NULL, NULL);
	rewind(fp);
	X509 *x = PEM_read_X509(fp, NULL, NULL, NULL);
	fclose(fp);
	char *res = NULL;
	aza_buf b;
	aza_buf__init(&b, 1 << 16);
	unsigned char *der = NULL, *sig = NULL;
	EVP_MD_CTX *md = NULL;
	if (!key || !x) {
		snprintf(err, errlen, "the client certificate file needs a PEM private key and certificate");
		goto out;
	}
	int dl = i2d_X509(x, &der);
	if (dl <= 0) {
		snprintf(err, errlen, "cannot encode the certificate");
		goto out;
	}
	unsigned char th[SHA_DIGEST_LENGTH], jti[16];
	SHA1(der, (size_t)dl, th);
	RAND_bytes(jti, sizeof jti);
	aza_buf hdr, pay;
	aza_buf__init(&hdr, 4096);
	aza_buf__init(&pay, 4096);
	aza_buf__adds(&hdr, "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"x5t\":\"");
	b64url(th, sizeof th, &hdr);
	aza_buf__adds(&hdr, "\"}");
	long now = (long)time(NULL);
	aza_buf__printf(&pay, "{\"aud\":");
	char audurl[600];
	snprintf(audurl, sizeof audurl, "%s/%s/oauth2/v2.0/token", a->authority, a->tenant);
	aza_buf__json_str(&pay, audurl);
	aza_buf__adds(&pay, ",\"iss\":");
	aza_buf__json_str(&pay, a->client);
	aza_buf__adds(&pay, ",\"sub\":");
	aza_buf__json_str(&pay, a->client);
	aza_buf__adds(&pay, ",\"jti\":\"");
	for (size_t i = 0; i < sizeof jti; i++)
		aza_buf__printf(&pay, "%02x", jti[i]);
	aza_buf__printf(&pay, "\",\"nbf\":%ld,\"exp\":%ld}", now - 60, now + 600);
	b64url((unsigned char *)hdr.p, hdr.len, &b);
	aza_buf__addc(&b, '.');
	b64url((unsigned char *)pay.p, pay.len, &b);
	aza_buf__release(&hdr);
	aza_buf__release(&pay);
	size_t sl = 0;
	md = EVP_MD_CTX_new();
	if (!md || EVP_DigestSignInit(md, NULL, EVP_sha256(), NULL, key) != 1 ||
	    EVP_DigestSign(md, NULL, &sl, (unsigned char *)b.p, b.len) != 1 || !(sig = OPENSSL_malloc(sl)) ||
	    EVP_DigestSign(md, sig, &sl, (unsigned char *)b.p, b.len) != 1) {
		snprintf(err, errlen, "cannot sign the client assertion (an RSA key is needed)");
		goto out;
	}
	aza_buf__addc(&b, '.');
	b64url(sig, sl, &b);
	if (!b.oom && !aza_buf__addc(&b, 0)) {
		res = b.p;
		b.p = NULL;
	}
out:
	aza_buf__release(&b);
	EVP_MD_CTX_free(md);
	OPENSSL_free(sig);
	OPENSSL_free(der);
	EVP_PKEY_free(key);
	X509_free(x);
	return res;
}

/* ---- Azure CLI, run without a shell ---- */
static int run_cli(aza_auth *a, int aud, aza_buf *out, char *err, size_t errlen)
{
	char *res = resource_of(a->scope[aud]);
	if (!res)
		return snprintf(err, errlen, "out of memory"), -1;
	char *argv[9];
	int k = 0;
	argv[k++] = "az";
	argv[k++] = "account";
	argv[k++] = "get-access-token";
	argv[k++] = "--resource";
	argv[k++] = res;
	if (a->tenant) {
		argv[k++] = "--tenant";
		argv[k++] = a->tenant;
	}
	argv[k++] = "--output=json";
	argv[k] = NULL;
	/* The child gets our environment without secrets it has no use for. */
	size_t ne = 0;
	while (environ[ne])
		ne++;
	char **envp = aza__malloc((ne + 1) * sizeof *envp);
	if (!envp) {
		aza__free(res);
		return snprintf(err, errlen, "out of memory"), -1;
	}
	size_t j = 0;
	for (size_t i = 0; i < ne; i++)
		if (strncmp(environ[i], "AZURE_CLIENT_SECRET=", 20) && strncmp(environ[i], "IDENTITY_HEADER=", 16))
			envp[j++] = environ[i];
	envp[j] = NULL;
	int pfd[2];
	if (pipe2(pfd, O_CLOEXEC)) {
		aza__free(envp);
		aza__free(res);
		return snprintf(err, errlen, "pipe: %s", strerror(errno)), -1;
	}
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, pfd[1], 1);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	pid_t pid;
	int src = posix_spawnp(&pid, "az", &fa, NULL, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	close(pfd[1]);
	aza__free(envp);
	aza__free(res);
	if (src) {
		close(pfd[0]);
		snprintf(err, errlen, "no credential: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET "
		         "(or a certificate, workload or managed identity), or install the Azure CLI and run 'az login'");
		return -1;
	}
	char buf[4096];
	int timed_out = 0;
	for (;;) {
		struct pollfd p = {pfd[0], POLLIN, 0};
		int pr = poll(&p, 1, 60000);
		if (pr == 0) {
			timed_out = 1;
			kill(pid, SIGKILL);
			break;
		}
		if (pr < 0 && errno == EINTR)
			continue;
		ssize_t n = read(pfd[0], buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (aza_buf__add(out, buf, (size_t)n))
			break;
	}
	explicit_bzero(buf, sizeof buf);
	close(pfd[0]);
	int st = 0;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (timed_out)
		return snprintf(err, errlen, "'az account get-access-token' did not answer in 60 s"), -1;
	if (!WIFEXITED(st) || WEXITSTATUS(st))
		return snprintf(err, errlen, "'az account get-access-token' failed (run 'az login')"), -1;
	return 0;
}

static int fetch(aza_auth *a, int aud, char *err, size_t errlen)
{
	aza_buf out, form;
	aza_buf__init(&out, 1 << 20);
	aza_buf__init(&form, 1 << 20);
	long status = 200;
	int rc = -1;
	char url[1024], hdr[600];
	aza_hreq_opts o;
	memset(&o, 0, sizeof o);
	char *e1 = NULL, *e2 = NULL, *e3 = NULL, *assertion = NULL;
	switch (a->method) {
	case M_SECRET:
	case M_CERT:
	case M_WORKLOAD:
		snprintf(url, sizeof url, "%s/%s/oauth2/v2.0/token", a->authority, a->tenant);
		e1 = aza_http__escape(a->client);
		e2 = aza_http__escape(a->scope[aud]);
		if (!e1 || !e2)
			goto oom;
		aza_buf__printf(&form, "grant_type=client_credentials&client_id=%s&scope=%s", e1, e2);
		if (a->method == M_SECRET) {
			if (!(e3 = aza_http__escape(a->secret)))
				goto oom;
			aza_buf__printf(&form, "&client_secret=%s", e3);
		} else {
			if (a->method == M_CERT) {
				if (!(assertion = cert_assertion(a, err, errlen)))
					goto out;
			} else {
				FILE *fp = fopen(a->fedfile, "r");
				aza_buf fb;
				aza_buf__init(&fb, 1 << 16);
				if (!fp) {
					snprintf(err, errlen, "cannot read AZURE_FEDERATED_TOKEN_FILE: %s", strerror(errno));
					goto out;
				}
				char tmp[4096];
				size_t n;
				while ((n = fread(tmp, 1, sizeof tmp, fp)) > 0)
					aza_buf__add(&fb, tmp, n);
				fclose(fp);
				while (fb.len && (fb.p[fb.len - 1] == '\n' || fb.p[fb.len - 1] == '\r' || fb.p[fb.len - 1] == ' '))
					fb.len--;
				aza_buf__addc(&fb, 0);
				assertion = fb.oom ? NULL : aza__strdup(fb.p);
				if (fb.p)
					explicit_bzero(fb.p, fb.len);
				aza_buf__release(&fb);
				if (!assertion)
					goto oom;
			}
			if (!(e3 = aza_http__escape(assertion)))
				goto oom;
			aza_buf__printf(&form, "&client_assertion_type=%s&client_assertion=%s",
			                "urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer", e3);
		}
		if (form.oom)
			goto oom;
		aza_buf__addc(&form, 0);
		o.method = "POST";
		o.url = url;
		o.body = form.p;
		o.content_type = "application/x-www-form-urlencoded";
		break;
	case M_APPSERVICE:
	case M_MSI: {
		char *res = resource_of(a->scope[aud]);
		if (!res || !(e1 = aza_http__escape(res))) {
			aza__free(res);
			goto oom;
		}
		aza__free(res);
		const char *cid = getenv("AZURE_CLIENT_ID");
		if (cid && *cid && !(e2 = aza_http__escape(cid)))
			goto oom;
		if (a->method == M_APPSERVICE) {
			snprintf(url, sizeof url, "%s%sapi-version=2019-08-01&resource=%s%s%s", a->id_endpoint,
			         strchr(a->id_endpoint, '?') ? "&" : "?", e1, e2 ? "&client_id=" : "", e2 ? e2 : "");
			snprintf(hdr, sizeof hdr, "X-IDENTITY-HEADER: %s", a->id_header);
		} else {
			snprintf(url, sizeof url, "%s/metadata/identity/oauth2/token?api-version=2018-02-01&resource=%s%s%s",
			         a->imds, e1, e2 ? "&client_id=" : "", e2 ? e2 : "");
			snprintf(hdr, sizeof hdr, "Metadata: true");
		}
		o.url = url;
		o.header = hdr;
		break;
	}
	case M_CLI:
		if (run_cli(a, aud, &out, err, errlen))
			goto out;
		break;
	}
	if (a->method != M_CLI) {
		char ferr[256];
		int frc = aza_http__fetch(a->h, &o, &out, &status, ferr, sizeof ferr);
		explicit_bzero(hdr, sizeof hdr);
		if (frc) {
			snprintf(err, errlen, "%s token request failed: %s", method_names[a->method],
			         frc == AZA_ENOMEM ? "out of memory" : ferr);
			goto out;
		}
		if (status != 200) {
			char be[300];
			body_error(out.p ? out.p : "", out.len, be, sizeof be);
			if (status)
				snprintf(err, errlen, "%s token request: HTTP %ld%s%s", method_names[a->method], status,
				         *be ? ": " : "", be);
			else
				snprintf(err, errlen, "%s token request failed: %s", method_names[a->method], ferr);
			goto out;
		}
	}
	rc = parse_token(a, aud, out.p ? out.p : "", out.len, err, errlen);
	goto out;
oom:
	snprintf(err, errlen, "out of memory");
out:
	if (form.p)
		explicit_bzero(form.p, form.cap);
	if (out.p)
		explicit_bzero(out.p, out.cap);
	aza_buf__release(&form);
	aza_buf__release(&out);
	aza__free(e1);
	aza__free(e2);
	wipe_free(e3);
	wipe_free(assertion);
	return rc;
}

int aza_auth__token(void *ud, int aud, int force, const char **tok, char *err, size_t errlen)
{
	aza_auth *a = ud;
	if (aud <= 0 || aud >= AZA_AUD_N)
		return snprintf(err, errlen, "bad audience"), -1;
	/* Refresh ahead of expiry: 5 minutes, or a quarter of a short lifetime. */
	double skew = a->t[aud].life / 4 < 300 ? a->t[aud].life / 4 : 300;
	if (force || !a->t[aud].tok || wall() >= a->t[aud].exp - skew) {
		if (fetch(a, aud, err, errlen))
			return -1;
	}
	*tok = a->t[aud].tok;
	return 0;
}
