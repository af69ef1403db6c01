/*
 * storage.c - storage accounts. Through Resource Manager: the blob, file,
 * queue and table services, blob containers, and the diagnostic settings of
 * the account and of each service. Through the Storage data plane: the
 * blob, queue and table service properties (classic Storage Analytics
 * logging) and the container listing with each container's public access
 * level, authorized with an Entra token (audience Storage) or, where the
 * identity may list the account keys and the account allows it, Shared Key
 * (HMAC-SHA256 over the canonicalized request). Keys stay in memory, are
 * wiped when the run ends, and never reach a log, an error or the snapshot.
 */
#include "collect.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define STG_VERSION "2021-08-06"
#define STG_MAX_PAGES 1000

static const struct scall {
	const char *path, *version, *type;
} calls[] = {
	{"/blobServices", "2023-05-01", "Microsoft.Storage/storageAccounts/blobServices"},
	{"/fileServices", "2023-05-01", "Microsoft.Storage/storageAccounts/fileServices"},
	{"/queueServices", "2023-05-01", "Microsoft.Storage/storageAccounts/queueServices"},
	{"/tableServices", "2023-05-01", "Microsoft.Storage/storageAccounts/tableServices"},
	{"/blobServices/default/containers", "2023-05-01", "Microsoft.Storage/storageAccounts/blobServices/containers"},
	{"/providers/Microsoft.Insights/diagnosticSettings", "2021-05-01-preview", "Microsoft.Insights/diagnosticSettings"},
	{"/blobServices/default/providers/Microsoft.Insights/diagnosticSettings", "2021-05-01-preview", "Microsoft.Insights/diagnosticSettings"},
	{"/fileServices/default/providers/Microsoft.Insights/diagnosticSettings", "2021-05-01-preview", "Microsoft.Insights/diagnosticSettings"},
	{"/queueServices/default/providers/Microsoft.Insights/diagnosticSettings", "2021-05-01-preview", "Microsoft.Insights/diagnosticSettings"},
	{"/tableServices/default/providers/Microsoft.Insights/diagnosticSettings", "2021-05-01-preview", "Microsoft.Insights/diagnosticSettings"},
};

enum { SVC_BLOB = 0, SVC_QUEUE, SVC_TABLE, SVC_N };
static const char *const svc_name[SVC_N] = {"blob", "queue", "table"};

typedef struct sacct {
	struct sacct *next;
	aza_collector *c;
	const char *id, *name; /* live as long as the collector */
	char ep[SVC_N][512];   /* service endpoint, no trailing slash; "" when unusable */
	int svcmask;
	int sharedkey;         /* key holds a usable account key */
	unsigned char key[128];
	int keylen;
} sacct;

typedef struct dpcall {
	sacct *a;
	int svc;
	int list;    /* container listing (else service properties) */
	int pages;
	char marker[512];
} dpcall;

/* ---- endpoints (shared with the Key Vault data plane) ---- */
static int loopback_host(const char *url)
{
	const char *h = strstr(url, "://");
	h = h ? h + 3 : url;
	size_t n = strcspn(h, "/?#");
	char host[128];
	if (n >= sizeof host)
		return 0;
	memcpy(host, h, n);
	host[n] = 0;
	if (host[0] == '[') {
		char *e = strchr(host, ']');
		if (e)
			*e = 0;
		return !strcmp(host + 1, "::1");
	}
	char *colon = strchr(host, ':');
	if (colon)
		*colon = 0;
	return !strcmp(host, "localhost") || !strncmp(host, "127.", 4);
}

/* https anywhere; http only to a loopback host (an emulator): a token
 * never crosses the network in the clear. */
int aza_dp__endpoint_ok(const char *url)
{
	return aza__istarts(url, "https://") || (aza__istarts(url, "http://") && loopback_host(url));
}

void aza_dp__endpoint(char *out, size_t cap, const char *tmpl, const char *field, const char *value,
                      const char *fallback)
{
	size_t o = 0, fl = strlen(field), vl = strlen(value);
	out[0] = 0;
	const char *t = tmpl ? tmpl : fallback;
	if (!t)
		return;
	for (const char *p = t; *p && o + 1 < cap;) {
		if (tmpl && !strncmp(p, field, fl)) {
			if (o + vl >= cap)
				return (void)(out[0] = 0);
			memcpy(out + o, value, vl);
			o += vl;
			p += fl;
		} else {
			out[o++] = *p++;
		}
	}
	out[o] = 0;
	while (o > 0 && out[o - 1] == '/')
		out[--o] = 0;
	if (!aza_dp__endpoint_ok(out))
		out[0] = 0;
}

int aza_dp__host_under(const char *url, const char *domain)
{
	const char *h = strstr(url, "://");
	if (!h || !domain)
		return 0;
	h += 3;
	size_t n = strcspn(h, ":/?#"), dl = strlen(domain);
	return n > dl + 1 && h[n - dl - 1] == '.' && aza__strnieq(h + n - dl, domain, dl) && !memchr(h, '@', n);
}

/* A primaryEndpoints host under Azure Storage's own domains: the cloud's
 * suffix, or storage.azure.net (accounts with Azure DNS zone endpoints). */
static int storage_host(const char *url, const char *suffix)
{
	return aza_dp__host_under(url, suffix) || aza_dp__host_under(url, "storage.azure.net");
}

static void set_ep(sacct *a, int s, const char *tmpl, const char *fallback)
{
	aza_dp__endpoint(a->ep[s], sizeof a->ep[s], tmpl, "{account}", a->name, fallback);
}

/* ---- Shared Key ---- */
static int b64_decode(const char *s, unsigned char *out, size_t cap)
{
	size_t n = strlen(s);
	if (!n || n % 4 || n / 4 * 3 > cap)
		return -1;
	int k = EVP_DecodeBlock(out, (const unsigned char *)s, (int)n);
	if (k < 0)
		return -1;
	while (n && s[n - 1] == '=') {
		n--;
		k--;
	}
	return k;
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Percent-decoded copy of s[0..n) into b. */
static void add_decoded(aza_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
			aza_buf__addc(b, (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2])));
			i += 2;
		} else {
			aza_buf__addc(b, s[i]);
		}
	}
}

static int lc(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

typedef struct qparam {
	const char *name, *val;
	size_t nlen, vlen;
} qparam;

static int qcmp(const void *x, const void *y)
{
	const qparam *a = x, *b = y;
	size_t n = a->nlen < b->nlen ? a->nlen : b->nlen;
	for (size_t i = 0; i < n; i++) {
		int d = lc((unsigned char)a->name[i]) - lc((unsigned char)b->name[i]);
		if (d)
			return d;
	}
	return (a->nlen > b->nlen) - (a->nlen < b->nlen);
}

/* The Authorization, x-ms-date and x-ms-version lines of a Shared Key
 * request (blob and queue: the full string to sign; table: its own). */
static int sign(void *ud, const char *method, const char *url, aza_buf *out)
{
	dpcall *k = ud;
	sacct *a = k->a;
	char date[64];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
	const char *p = strstr(url, "://");
	p = p ? strchr(p + 3, '/') : NULL;
	if (!p)
		p = "/";
	size_t plen = strcspn(p, "?#");
	const char *q = p[plen] == '?' ? p + plen + 1 : "";
	qparam qs[16];
	size_t nq = 0;
	for (const char *s = q; *s && nq < sizeof qs / sizeof qs[0];) {
		size_t n = strcspn(s, "&#");
		const char *eq = memchr(s, '=', n);
		qs[nq].name = s;
		qs[nq].nlen = eq ? (size_t)(eq - s) : n;
		qs[nq].val = eq ? eq + 1 : s + n;
		qs[nq].vlen = eq ? n - qs[nq].nlen - 1 : 0;
		nq++;
		s += n;
		if (*s != '&')
			break;
		s++;
	}
	qsort(qs, nq, sizeof qs[0], qcmp);
	aza_buf sts;
	aza_buf__init(&sts, 1 << 16);
	if (k->svc == SVC_TABLE) {
		/* VERB, Content-MD5, Content-Type, Date, resource (?comp only). */
		aza_buf__printf(&sts, "%s\n\n\n%s\n/%s", method, date, a->name);
		add_decoded(&sts, p, plen);
		for (size_t i = 0; i < nq; i++)
			if (qs[i].nlen == 4 && aza__strnieq(qs[i].name, "comp", 4)) {
				aza_buf__adds(&sts, "?comp=");
				add_decoded(&sts, qs[i].val, qs[i].vlen);
			}
	} else {
		/* VERB and eleven empty standard headers, x-ms-* headers, resource. */
		aza_buf__printf(&sts, "%s\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:%s\nx-ms-version:" STG_VERSION "\n/%s", method,
		                date, a->name);
		add_decoded(&sts, p, plen);
		for (size_t i = 0; i < nq; i++) {
			aza_buf__addc(&sts, '\n');
			for (size_t j = 0; j < qs[i].nlen; j++)
				aza_buf__addc(&sts, (char)lc((unsigned char)qs[i].name[j]));
			aza_buf__addc(&sts, ':');
			add_decoded(&sts, qs[i].val, qs[i].vlen);
		}
	}
	unsigned char mac[EVP_MAX_MD_SIZE];
	unsigned int maclen = 0;
	int rc = -1;
	if (!sts.oom && HMAC(EVP_sha256(), a->key, a->keylen, (const unsigned char *)sts.p, sts.len, mac, &maclen)) {
		char sig[96];
		EVP_EncodeBlock((unsigned char *)sig, mac, (int)maclen);
		aza_buf__printf(out, "x-ms-date: %s\nx-ms-version: " STG_VERSION "\nAuthorization: SharedKey %s:%s", date,
		                a->name, sig);
		explicit_bzero(sig, sizeof sig);
		rc = out->oom ? -1 : 0;
	}
	explicit_bzero(mac, sizeof mac);
	aza_buf__release(&sts);
	return rc;
}

/* ---- responses ---- */
/* The Logging members of Get Blob, Queue and Table Service Properties (the
 * REST reference of each: Logging holds Version, Delete, Read, Write and
 * RetentionPolicy with Enabled and Days), in the order the entry writes
 * them, with the JSON type each has when its text is what the reference
 * documents: a string, true|false, or a number of days. */
enum { LG_VERSION, LG_READ, LG_WRITE, LG_DELETE, LG_RET_ENABLED, LG_RET_DAYS, LG_N };
static const struct {
	const char *xml, *json;
	char type; /* 's' string, 'b' boolean, 'n' whole number */
} lg_member[LG_N] = {
	{"Version", "version", 's'}, {"Read", "read", 'b'}, {"Write", "write", 'b'}, {"Delete", "delete", 'b'},
	{"RetentionPolicy/Enabled", "enabled", 'b'}, {"RetentionPolicy/Days", "days", 'n'},
};

typedef struct props {
	char root[32];           /* the root element */
	int logging, retention;  /* Logging and Logging/RetentionPolicy elements seen */
	int seen[LG_N];
	char val[LG_N][40];      /* each member's text, cut to fit */
	char problem[160];       /* the first way the document is not the documented one */
	char code[64], msg[256]; /* Error/Code and Error/Message of an error response */
} props;

/* A member's text as the entry records it: printable ASCII (anything else
 * becomes '?'), cut with "..." past the buffer. Only a text that is not of
 * the member's type is written as it is, so this never turns one into a
 * valid value. */
static void keep_text(char *dst, size_t cap, const char *t)
{
	size_t n = strlen(t), keep = n < cap ? n : cap - 4;
	for (size_t i = 0; i < keep; i++)
		dst[i] = t[i] >= 0x20 && t[i] < 0x7f ? t[i] : '?';
	if (keep < n) {
		memcpy(dst + keep, "...", 3);
		keep += 3;
	}
	dst[keep] = 0;
}

static void props_cb(void *ud, const char *path, const char *text)
{
	props *p = ud;
	static const char lg[] = "StorageServiceProperties/Logging";
	if (!strcmp(path, "Error/Code") && text) {
		snprintf(p->code, sizeof p->code, "%s", text);
		return;
	}
	if (!strcmp(path, "Error/Message") && text) {
		snprintf(p->msg, sizeof p->msg, "%.*s", (int)strcspn(text, "\r\n"), text);
		return;
	}
	if (!strchr(path, '/')) {
		snprintf(p->root, sizeof p->root, "%s", path);
		return;
	}
	if (strncmp(path, lg, sizeof lg - 1) || (path[sizeof lg - 1] && path[sizeof lg - 1] != '/'))
		return;
	/* A member twice, or one holding elements, leaves its value to a
	 * guess: the document is not the one documented. */
	if (!path[sizeof lg - 1]) {
		if (p->logging++ && !p->problem[0])
			snprintf(p->problem, sizeof p->problem, "Logging appears twice");
		return;
	}
	const char *k = path + sizeof lg;
	if (!strcmp(k, "RetentionPolicy")) {
		if (p->retention++ && !p->problem[0])
			snprintf(p->problem, sizeof p->problem, "Logging/RetentionPolicy appears twice");
		return;
	}
	for (int i = 0; i < LG_N; i++) {
		if (strcmp(k, lg_member[i].xml))
			continue;
		if (p->seen[i]++ || !text) {
			if (!p->problem[0])
				snprintf(p->problem, sizeof p->problem, "Logging/%s %s", k,
				         text ? "appears twice" : "holds elements or a text too long to read");
		} else {
			keep_text(p->val[i], sizeof p->val[i], text);
		}
		return;
	}
}

/* One member's value: its text as the type the reference documents, or as
 * a string when it is not one (what is there, not a guess: a reader tells
 * "not a boolean" from "false"). */
static void member_json(aza_buf *b, char type, const char *t)
{
	size_t n = strlen(t);
	if (type == 'b' && (aza__strieq(t, "true") || aza__strieq(t, "false")))
		aza_buf__adds(b, aza__strieq(t, "true") ? "true" : "false");
	else if (type == 'n' && n && n <= 6 && strspn(t, "0123456789") == n && strtol(t, NULL, 10) <= 100000)
		aza_buf__printf(b, "%ld", strtol(t, NULL, 10));
	else
		aza_buf__json_str(b, t);
}

/* The members a service properties response body (xml, n bytes) gives the
 * data-plane entry: appends ,"logging":{...} to out with only the members
 * the body holds (a missing Read is not a Read of false), or nothing when it
 * has no Logging element. Returns 0, or -1 with the reason in why (cap
 * bytes) when the body is not that document: not XML the parser reads,
 * another root element, a member twice or holding elements. */
int aza_storage__props_json(const char *xml, size_t n, aza_buf *out, char *why, size_t cap)
{
	props p;
	memset(&p, 0, sizeof p);
	if (aza_xml__walk(xml, n, props_cb, &p)) {
		snprintf(why, cap, "not XML that the parser reads");
		return -1;
	}
	if (strcmp(p.root, "StorageServiceProperties")) {
		snprintf(why, cap, "the root element is %s, not StorageServiceProperties", p.root);
		return -1;
	}
	if (p.problem[0]) {
		snprintf(why, cap, "%s", p.problem);
		return -1;
	}
	if (!p.logging)
		return 0;
	aza_buf__adds(out, ",\"logging\":{");
	const char *sep = "";
	for (int i = 0; i < LG_RET_ENABLED; i++)
		if (p.seen[i]) {
			aza_buf__printf(out, "%s\"%s\":", sep, lg_member[i].json);
			member_json(out, lg_member[i].type, p.val[i]);
			sep = ",";
		}
	if (p.retention) {
		aza_buf__printf(out, "%s\"retentionPolicy\":{", sep);
		sep = "";
		for (int i = LG_RET_ENABLED; i < LG_N; i++)
			if (p.seen[i]) {
				aza_buf__printf(out, "%s\"%s\":", sep, lg_member[i].json);
				member_json(out, lg_member[i].type, p.val[i]);
				sep = ",";
			}
		aza_buf__addc(out, '}');
	}
	aza_buf__addc(out, '}');
	return 0;
}

/* The entry of one service: the members from aza_storage__props_json (m, mlen
 * bytes), or the error that kept them from being read. */
static void dp_entry(sacct *a, int svc, const char *m, size_t mlen, const char *error)
{
	aza_buf b;
	aza_buf__init(&b, 1 << 16);
	aza_buf__adds(&b, "{\"account\":");
	aza_buf__json_str(&b, a->id);
	aza_buf__printf(&b, ",\"service\":\"%s\"", svc_name[svc]);
	if (error) {
		aza_buf__adds(&b, ",\"error\":");
		aza_buf__json_str(&b, error);
	} else if (mlen) {
		aza_buf__add(&b, m, mlen);
	}
	aza_buf__adds(&b, ",\"auth\":");
	aza_buf__json_str(&b, a->sharedkey ? "shared-key" : "entra");
	aza_buf__addc(&b, '}');
	if (!b.oom)
		aza_coll__dataplane(a->c, "storage", b.p, b.len);
	aza_buf__release(&b);
}

static void dp_error(sacct *a, int svc, int list, int status, const char *msg)
{
	char type[64], api[96];
	snprintf(type, sizeof type, "dataplane/storage/%s%s", svc_name[svc], list ? "/containers" : "");
	snprintf(api, sizeof api, "dataplane:%s %s", svc_name[svc], list ? "/?comp=list" : "/?restype=service&comp=properties");
	aza_coll__error(a->c, a->id, type, api, status, msg);
	if (!list)
		dp_entry(a, svc, NULL, 0, msg);
}

typedef struct clist {
	sacct *a;
	char name[256], access[32], next[512];
	int in, bad;
} clist;

static void emit_container(clist *l)
{
	aza_collector *c = l->a->c;
	aza_buf b;
	aza_buf__init(&b, 1 << 16);
	aza_buf__adds(&b, "{\"id\":");
	char *id = aza_coll__printf(c, "%s/blobServices/default/containers/%s", l->a->id, l->name);
	if (!id)
		return;
	aza_buf__json_str(&b, id);
	aza_buf__adds(&b, ",\"name\":");
	aza_buf__json_str(&b, l->name);
	const char *pa = !l->access[0] ? "None" : aza__strieq(l->access, "container") ? "Container" :
	                 aza__strieq(l->access, "blob") ? "Blob" : NULL;
	aza_buf__adds(&b, ",\"type\":\"Microsoft.Storage/storageAccounts/blobServices/containers\",\"properties\":{");
	if (pa) {
		aza_buf__adds(&b, "\"publicAccess\":");
		aza_buf__json_str(&b, pa);
	}
	aza_buf__adds(&b, "},\"source\":\"dataplane\"}");
	if (!b.oom)
		aza_coll__emit_late(c, b.p, b.len);
	aza_buf__release(&b);
}

static void list_cb(void *ud, const char *path, const char *text)
{
	clist *l = ud;
	const char *ct = "EnumerationResults/Containers/Container";
	size_t n = strlen(ct);
	if (!strcmp(path, "EnumerationResults/NextMarker")) {
		snprintf(l->next, sizeof l->next, "%s", text ? text : "");
		return;
	}
	if (strncmp(path, ct, n))
		return;
	if (!path[n]) {
		if (l->name[0])
			emit_container(l);
		else
			l->bad = 1;
		l->name[0] = l->access[0] = 0;
		return;
	}
	if (!strcmp(path + n, "/Name") && text && strlen(text) < sizeof l->name && !strchr(text, '/'))
		snprintf(l->name, sizeof l->name, "%s", text);
	else if (!strcmp(path + n, "/Properties/PublicAccess") && text)
		snprintf(l->access, sizeof l->access, "%.31s", text);
}

static int submit(dpcall *k);

static int dp_cb(void *ud, const aza_hresp *r)
{
	dpcall *k = ud;
	sacct *a = k->a;
	char msg[600];
	if (r->status < 200 || r->status > 299) {
		props p;
		memset(&p, 0, sizeof p);
		if (r->status && r->len)
			aza_xml__walk(r->body, r->len, props_cb, &p);
		if (!r->status)
			snprintf(msg, sizeof msg, "%s", r->err);
		else
			snprintf(msg, sizeof msg, "HTTP %ld%s%s%s%s", r->status, p.code[0] ? " " : "", p.code,
			         p.msg[0] ? ": " : "", p.msg);
		dp_error(a, k->svc, k->list, (int)r->status, msg);
		aza__free(k);
		return 0;
	}
	if (!k->list) {
		aza_buf m;
		aza_buf__init(&m, 1 << 12);
		char why[200];
		if (aza_storage__props_json(r->body, r->len, &m, why, sizeof why)) {
			aza_buf__release(&m);
			if (!r->last)
				return AZA_HTTP_RETRY;
			snprintf(msg, sizeof msg, "the service properties response is not the expected XML (%zu bytes): %s", r->len, why);
			dp_error(a, k->svc, 0, (int)r->status, msg);
		} else if (m.oom) {
			aza_buf__release(&m);
			dp_error(a, k->svc, 0, 0, "out of memory");
		} else {
			dp_entry(a, k->svc, m.p, m.len, NULL);
			aza_buf__release(&m);
		}
		aza__free(k);
		return 0;
	}
	clist l;
	memset(&l, 0, sizeof l);
	l.a = a;
	if (aza_xml__walk(r->body, r->len, list_cb, &l)) {
		if (!r->last)
			return AZA_HTTP_RETRY;
		snprintf(msg, sizeof msg, "the container listing is not the expected XML (%zu bytes)", r->len);
		dp_error(a, k->svc, 1, (int)r->status, msg);
		aza__free(k);
		return 0;
	}
	if (l.next[0]) {
		if (!strcmp(l.next, k->marker))
			dp_error(a, k->svc, 1, (int)r->status, "paging stopped: the service returned a marker it had already returned");
		else if (++k->pages >= STG_MAX_PAGES)
			dp_error(a, k->svc, 1, (int)r->status, "paging stopped: too many pages");
		else {
			snprintf(k->marker, sizeof k->marker, "%s", l.next);
			if (!submit(k))
				return 0;
			dp_error(a, k->svc, 1, 0, "out of memory");
		}
	}
	aza__free(k);
	return 0;
}

static int submit(dpcall *k)
{
	sacct *a = k->a;
	aza_hreq_opts o;
	memset(&o, 0, sizeof o);
	char *url;
	if (k->list) {
		char *m = k->marker[0] ? aza_http__escape(k->marker) : NULL;
		if (k->marker[0] && !m)
			return AZA_ENOMEM;
		url = aza_coll__printf(a->c, "%s/?comp=list&maxresults=5000%s%s", a->ep[k->svc], m ? "&marker=" : "",
		                       m ? m : "");
		aza__free(m);
	} else {
		url = aza_coll__printf(a->c, "%s/?restype=service&comp=properties", a->ep[k->svc]);
	}
	if (!url)
		return AZA_ENOMEM;
	o.url = url;
	o.cb = dp_cb;
	o.ud = k;
	o.drop = aza__free; /* a cancel drops the call */
	if (a->sharedkey) {
		o.sign = sign;
		o.sign_ud = k;
	} else {
		o.aud = AZA_AUD_STORAGE;
		o.header = "x-ms-version: " STG_VERSION;
	}
	return aza_http__submit(aza_coll__http(a->c), &o);
}

static void start_dataplane(sacct *a)
{
	for (int s = 0; s < SVC_N; s++) {
		if (!(a->svcmask & 1 << s))
			continue;
		if (!a->ep[s][0]) {
			dp_error(a, s, 0, 0, "no usable endpoint (https, or http to a loopback emulator)");
			continue;
		}
		int lists = s == SVC_BLOB && aza_coll__wants(a->c, "Microsoft.Storage/storageAccounts/blobServices/containers");
		for (int list = 0; list <= lists; list++) {
			dpcall *k = aza__malloc(sizeof *k);
			if (k) {
				memset(k, 0, sizeof *k);
				k->a = a;
				k->svc = s;
				k->list = list;
			}
			if (!k || submit(k)) {
				aza__free(k);
				dp_error(a, s, list, 0, "out of memory");
			}
		}
	}
}

/* listKeys answered: use the first key with full permissions, else Entra. */
static int keys_cb(void *ud, const aza_hresp *r)
{
	sacct *a = ud;
	if (r->status >= 200 && r->status <= 299) {
		aza_arena ar;
		aza_arena__init(&ar);
		aza_json *j;
		aza_jerr je;
		if (!aza_json__parse_all(&ar, r->body, r->len, &j, &je)) {
			aza_json_each(kk, aza_json_get(j, "keys")) {
				const char *perm = aza_json_str(aza_json_get(kk, "permissions"));
				const char *v = aza_json_str(aza_json_get(kk, "value"));
				if (!v || (perm && !aza__strieq(perm, "FULL")))
					continue;
				int n = b64_decode(v, a->key, sizeof a->key);
				if (n > 0) {
					a->keylen = n;
					a->sharedkey = 1;
					break;
				}
			}
		}
		/* The response held the keys: wipe it. */
		explicit_bzero((char *)r->body, r->len);
		aza_arena__release(&ar);
	}
	start_dataplane(a);
	return 0;
}

void aza_storage__free(void **state)
{
	sacct *a = *state;
	while (a) {
		sacct *n = a->next;
		explicit_bzero(a->key, sizeof a->key);
		aza__free(a);
		a = n;
	}
	*state = NULL;
}

static void dataplane(aza_collector *c, const aza_json *item, const char *id)
{
	const aza_stg_cfg *cfg = aza_coll__stg(c);
	if (!cfg || cfg->mode == AZA_STG_OFF || !aza_coll__wants(c, "Microsoft.Storage/storageAccounts"))
		return;
	const char *name = aza_json_str(aza_json_get(item, "name"));
	const aza_json *pr = aza_json_get(item, "properties");
	const char *kind = aza_json_str(aza_json_get(item, "kind"));
	if (!name || !*name || strchr(name, '/'))
		return;
	int mask = 1 << SVC_BLOB | 1 << SVC_QUEUE | 1 << SVC_TABLE;
	if (kind && aza__strieq(kind, "FileStorage"))
		return;
	if (kind && (aza__strieq(kind, "BlockBlobStorage") || aza__strieq(kind, "BlobStorage")))
		mask = 1 << SVC_BLOB;
	sacct *a = aza__malloc(sizeof *a);
	if (!a)
		return;
	memset(a, 0, sizeof *a);
	void **state = aza_coll__stg_state(c);
	a->next = *state;
	*state = a;
	a->c = c;
	a->id = aza_coll__printf(c, "%s", id);
	a->name = aza_coll__printf(c, "%s", name);
	if (!a->id || !a->name)
		return;
	a->svcmask = mask;
	for (int s = 0; s < SVC_N; s++) {
		const char *pe = aza_json_str(aza_json_get(aza_json_get(pr, "primaryEndpoints"), svc_name[s]));
		char fb[512];
		snprintf(fb, sizeof fb, "https://%s.%s.%s", name, svc_name[s], cfg->suffix ? cfg->suffix : "core.windows.net");
		set_ep(a, s, cfg->ep[s], pe && *pe && storage_host(pe, cfg->suffix ? cfg->suffix : "core.windows.net") ? pe : fb);
		/* Account names are lower-case letters and digits: anything else
		 * cannot be a host label, and is not sent a token. */
		if (name[strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789")])
			a->ep[s][0] = 0;
	}
	int b;
	int sk_allowed = !(aza_json_bool(aza_json_get(pr, "allowSharedKeyAccess"), &b) && !b);
	if (cfg->mode == AZA_STG_SHAREDKEY && sk_allowed) {
		aza_hreq_opts o;
		memset(&o, 0, sizeof o);
		o.method = "POST";
		o.url = aza_coll__printf(c, "%s%s/listKeys?api-version=2023-05-01", aza_coll__arm(c), id);
		o.aud = AZA_AUD_ARM;
		o.cb = keys_cb;
		o.ud = a;
		if (o.url && !aza_http__submit(aza_coll__http(c), &o))
			return;
	}
	start_dataplane(a);
}

int aza_storage__children(aza_collector *c, const aza_json *item)
{
	const char *id = aza_json_str(aza_json_get(item, "id"));
	const char *scope = id ? aza_coll__printf(c, "%s", id) : NULL;
	if (!scope)
		return AZA_ENOMEM;
	for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++) {
		if (!aza_coll__wants(c, calls[i].type))
			continue;
		const char *url = aza_coll__printf(c, "%s%s%s?api-version=%s", aza_coll__arm(c), id, calls[i].path,
		                                   calls[i].version);
		if (!url || aza_coll__walk(c, AZA_WALK_LIST, url, scope, calls[i].type, NULL))
			aza_coll__error(c, scope, calls[i].type, calls[i].path, 0, "out of memory");
	}
	dataplane(c, item, id);
	return 0;
}
