/*
 * http.c - HTTP calls over libcurl's multi interface: bounded concurrency per
 * host, retries with exponential backoff and jitter (429 with Retry-After,
 * 5xx, timeouts, resets, truncated bodies), one token refresh on 401, a
 * response size limit. The only file that includes curl. Tokens go into a
 * header and nowhere else: never into logs or error messages.
 */
#include "collect.h"

#include <curl/curl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_HOSTS 64

typedef struct hreq {
	struct hreq *next;
	struct hreq *anext; /* in the list of transfers in flight */
	char *method, *url, *body, *ctype, *header;
	int aud;
	aza_http_sign sign;
	void *sign_ud;
	int refreshed;     /* the one 401 refresh was used */
	int attempts;
	double due;        /* monotonic ms when it may start */
	aza_http_cb cb;
	void *ud;
	void (*drop)(void *ud);
	int host;          /* index in h->hosts */
	int fam;           /* AZA_FAM_*, or -1 */
	long remaining;    /* from x-ms-ratelimit-remaining-* / x-ms-user-quota-remaining, -1 if none */
	CURL *easy;
	struct curl_slist *hl;
	aza_buf resp;
	double retry_after_ms; /* from the last response, -1 if none */
	double t0;
	int too_big;
	char cerr[CURL_ERROR_SIZE];
} hreq;

struct aza_http {
	CURLM *multi;
	aza_http_cfg cfg;
	hreq *head, *tail; /* waiting to start */
	hreq *act;         /* in flight */
	size_t active;
	struct {
		char name[256];
		int active;
	} hosts[MAX_HOSTS];
	int nhosts;
	aza_token_fn token;
	void *token_ud;
	void (*log)(void *ud, const char *line);
	void *log_ud;
	aza_http_progress progress;
	void *progress_ud;
	double progress_at; /* monotonic ms of the last progress call */
	volatile sig_atomic_t cancel;
	aza_http_stats st;
	unsigned rnd;
	struct fam {
		double tokens, last;  /* bucket */
		long remaining;       /* estimate from the last header, -1 unknown */
		double hold_until;    /* no start before (a low remaining count) */
	} fam[AZA_FAM_N];
};

/* The family of a call, for pacing: Resource Graph, Microsoft Graph, the
 * rest of Resource Manager; tokens and the data plane are not paced. */
static int family(const char *url, int aud)
{
	if (aud == AZA_AUD_GRAPH)
		return AZA_FAM_GRAPH;
	if (aud != AZA_AUD_ARM)
		return -1;
	return aza__istrstr(url, "/providers/Microsoft.ResourceGraph/") ? AZA_FAM_ARG : AZA_FAM_ARM;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* libcurl's global set-up, once per process (collections may start on
 * several threads of a program using the library). */
static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static int curl_ready;

static void curl_init(void)
{
	curl_ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
}

aza_http *aza_http__new(const aza_http_cfg *cfg)
{
	pthread_once(&curl_once, curl_init);
	if (!curl_ready)
		return NULL;
	aza_http *h = aza__malloc(sizeof *h);
	if (!h)
		return NULL;
	memset(h, 0, sizeof *h);
	h->cfg = *cfg;
	if (h->cfg.per_host < 1)
		h->cfg.per_host = 1;
	if (h->cfg.max_active < h->cfg.per_host)
		h->cfg.max_active = h->cfg.per_host;
	if (h->cfg.max_attempts < 1)
		h->cfg.max_attempts = 1;
	h->multi = curl_multi_init();
	if (!h->multi) {
		aza__free(h);
		return NULL;
	}
	curl_multi_setopt(h->multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
	curl_multi_setopt(h->multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)h->cfg.per_host);
	h->rnd = (unsigned)time(NULL) ^ (unsigned)(size_t)h;
	for (int f = 0; f < AZA_FAM_N; f++) {
		h->fam[f].tokens = h->cfg.burst[f] > 0 ? h->cfg.burst[f] : 1;
		h->fam[f].remaining = -1;
	}
	return h;
}

static void req_free(hreq *r)
{
	if (!r)
		return;
	if (r->easy)
		curl_easy_cleanup(r->easy);
	curl_slist_free_all(r->hl);
	aza__free(r->method);
	aza__free(r->url);
	aza__free(r->body);
	aza__free(r->ctype);
	aza__free(r->header);
	aza_buf__release(&r->resp);
	aza__free(r);
}

void aza_http__free(aza_http *h)
{
	if (!h)
		return;
	while (h->head) {
		hreq *r = h->head;
		h->head = r->next;
		if (r->drop)
			r->drop(r->ud);
		req_free(r);
	}
	/* Transfers still in flight (after a cancel). */
	while (h->act) {
		hreq *r = h->act;
		h->act = r->anext;
		curl_multi_remove_handle(h->multi, r->easy);
		if (r->drop)
			r->drop(r->ud);
		req_free(r);
	}
	curl_multi_cleanup(h->multi);
	aza__free(h);
}

void aza_http__set_token(aza_http *h, aza_token_fn fn, void *ud)
{
	h->token = fn;
	h->token_ud = ud;
}

void aza_http__set_progress(aza_http *h, aza_http_progress fn, void *ud)
{
	h->progress = fn;
	h->progress_ud = ud;
}

void aza_http__set_log(aza_http *h, void (*fn)(void *ud, const char *line), void *ud)
{
	h->log = fn;
	h->log_ud = ud;
}

void aza_http__cancel(aza_http *h)
{
	h->cancel = 1;
}

int aza_http__cancelled(const aza_http *h)
{
	return h->cancel != 0;
}

const aza_http_stats *aza_http__stats(const aza_http *h)
{
	return &h->st;
}

char *aza_http__escape(const char *s)
{
	char *e = curl_easy_escape(NULL, s, 0);
	if (!e)
		return NULL;
	char *r = aza__strdup(e);
	curl_free(e);
	return r;
}

static char *dup_or_null(const char *s)
{
	return s ? aza__strdup(s) : NULL;
}

static int host_of(aza_http *h, const char *url)
{
	const char *p = strstr(url, "://");
	p = p ? p + 3 : url;
	size_t n = strcspn(p, "/?#");
	if (n >= sizeof h->hosts[0].name)
		n = sizeof h->hosts[0].name - 1;
	for (int i = 0; i < h->nhosts; i++)
		if (strlen(h->hosts[i].name) == n && aza__strnieq(h->hosts[i].name, p, n))
			return i;
	if (h->nhosts >= MAX_HOSTS)
		return MAX_HOSTS - 1;
	memcpy(h->hosts[h->nhosts].name, p, n);
	h->hosts[h->nhosts].name[n] = 0;
	return h->nhosts++;
}

static void enqueue(aza_http *h, hreq *r)
{
	r->next = NULL;
	if (h->tail)
		h->tail->next = r;
	else
		h->head = r;
	h->tail = r;
}

int aza_http__submit(aza_http *h, const aza_hreq_opts *o)
{
	hreq *r = aza__malloc(sizeof *r);
	if (!r)
		return AZA_ENOMEM;
	memset(r, 0, sizeof *r);
	r->method = aza__strdup(o->method ? o->method : "GET");
	r->url = aza__strdup(o->url);
	r->body = dup_or_null(o->body);
	r->ctype = dup_or_null(o->content_type);
	r->header = dup_or_null(o->header);
	if (!r->method || !r->url || (o->body && !r->body) || (o->content_type && !r->ctype) ||
	    (o->header && !r->header)) {
		req_free(r);
		return AZA_ENOMEM;
	}
	r->aud = o->aud;
	r->sign = o->sign;
	r->sign_ud = o->sign_ud;
	r->cb = o->cb;
	r->ud = o->ud;
	r->drop = o->drop;
	r->host = host_of(h, r->url);
	r->fam = family(r->url, r->aud);
	r->due = 0;
	aza_buf__init(&r->resp, h->cfg.max_response);
	enqueue(h, r);
	return 0;
}

static size_t on_body(char *p, size_t sz, size_t n, void *ud)
{
	hreq *r = ud;
	size_t len = sz * n;
	if (r->resp.len + len > r->resp.max) {
		r->too_big = 1;
		return 0; /* curl fails the transfer with CURLE_WRITE_ERROR */
	}
	if (aza_buf__add(&r->resp, p, len))
		return 0;
	return len;
}

static size_t on_header(char *p, size_t sz, size_t n, void *ud)
{
	hreq *r = ud;
	size_t len = sz * n;
	if (len > 12 && aza__strnieq(p, "Retry-After:", 12)) {
		char tmp[32];
		size_t k = len - 12 < sizeof tmp - 1 ? len - 12 : sizeof tmp - 1;
		memcpy(tmp, p + 12, k);
		tmp[k] = 0;
		char *end;
		double v = strtod(tmp, &end);
		if (end != tmp && v >= 0)
			r->retry_after_ms = v * 1000;
	}
	/* Reads left before Resource Manager (or Resource Graph) throttles. */
	static const char *rem[] = {"x-ms-ratelimit-remaining-subscription-reads:",
	                            "x-ms-ratelimit-remaining-tenant-reads:", "x-ms-user-quota-remaining:"};
	for (size_t i = 0; i < sizeof rem / sizeof rem[0]; i++) {
		size_t k = strlen(rem[i]);
		if (len > k && aza__strnieq(p, rem[i], k)) {
			char tmp[32];
			size_t m = len - k < sizeof tmp - 1 ? len - k : sizeof tmp - 1;
			memcpy(tmp, p + k, m);
			tmp[m] = 0;
			char *end;
			long v = strtol(tmp, &end, 10);
			if (end != tmp && v >= 0 && (r->remaining < 0 || v < r->remaining))
				r->remaining = v;
		}
	}
	return len;
}

/* Path and query of url for logs, with signature-like values blanked. */
static void loggable(const char *url, char *out, size_t cap)
{
	const char *p = strstr(url, "://");
	p = p ? strchr(p + 3, '/') : url;
	if (!p)
		p = "/";
	size_t o = 0;
	while (*p && o + 1 < cap) {
		out[o++] = *p;
		if (*p == '?' || *p == '&') {
			static const char *secret[] = {"sig=", "code=", "client_secret=", "access_token=",
			                               "client_assertion=", "token="};
			for (size_t i = 0; i < sizeof secret / sizeof secret[0]; i++) {
				size_t k = strlen(secret[i]);
				if (aza__strnieq(p + 1, secret[i], k)) {
					const char *v = p + 1 + k;
					const char *rep = "REDACTED";
					for (size_t j = 0; j < k && o + 1 < cap; j++)
						out[o++] = p[1 + j];
					for (size_t j = 0; rep[j] && o + 1 < cap; j++)
						out[o++] = rep[j];
					p = v + strcspn(v, "&") - 1;
					break;
				}
			}
		}
		p++;
	}
	out[o] = 0;
}

/* Prepare the easy handle of r: the token is fetched here, placed in one
 * header, and the local copy wiped. Returns 0, or -1 with r->cerr set. */
static int prepare(aza_http *h, hreq *r)
{
	if (!r->easy && !(r->easy = curl_easy_init())) {
		snprintf(r->cerr, sizeof r->cerr, "out of memory");
		return -1;
	}
	CURL *e = r->easy;
	curl_easy_reset(e);
	curl_slist_free_all(r->hl);
	r->hl = NULL;
	r->resp.len = 0;
	r->resp.oom = 0;
	r->too_big = 0;
	r->retry_after_ms = -1;
	r->remaining = -1;
	r->cerr[0] = 0;
	struct curl_slist *hl = NULL;
	hl = curl_slist_append(hl, "Accept: application/json");
	if (r->aud && h->token) {
		const char *tok = NULL;
		char err[256] = "";
		if (h->token(h->token_ud, r->aud, 0, &tok, err, sizeof err) || !tok) {
			curl_slist_free_all(hl);
			snprintf(r->cerr, sizeof r->cerr, "no token: %s", err);
			return -1;
		}
		size_t n = strlen(tok) + 32;
		char *line = aza__malloc(n);
		if (!line) {
			curl_slist_free_all(hl);
			snprintf(r->cerr, sizeof r->cerr, "out of memory");
			return -1;
		}
		snprintf(line, n, "Authorization: Bearer %s", tok);
		hl = curl_slist_append(hl, line);
		explicit_bzero(line, n);
		aza__free(line);
	}
	/* Extra header lines, '\n'-separated; then the signer's (Shared Key). */
	for (int pass = 0; pass < 2; pass++) {
		aza_buf sb;
		aza_buf__init(&sb, 1 << 16);
		const char *src = r->header;
		if (pass == 1) {
			src = NULL;
			if (r->sign) {
				if (r->sign(r->sign_ud, r->method, r->url, &sb) || sb.oom || aza_buf__addc(&sb, 0)) {
					explicit_bzero(sb.p, sb.cap);
					aza_buf__release(&sb);
					curl_slist_free_all(hl);
					snprintf(r->cerr, sizeof r->cerr, "cannot sign the request");
					return -1;
				}
				src = sb.p;
			}
		}
		for (const char *l = src; l && *l;) {
			size_t k = strcspn(l, "\n");
			char line[1024];
			if (k && k < sizeof line) {
				memcpy(line, l, k);
				line[k] = 0;
				hl = curl_slist_append(hl, line);
				explicit_bzero(line, k);
			}
			l += k + (l[k] == '\n');
		}
		if (sb.p)
			explicit_bzero(sb.p, sb.cap);
		aza_buf__release(&sb);
	}
	if (r->body) {
		char ct[160];
		snprintf(ct, sizeof ct, "Content-Type: %s", r->ctype ? r->ctype : "application/json");
		hl = curl_slist_append(hl, ct);
	}
	r->hl = hl;
	curl_easy_setopt(e, CURLOPT_URL, r->url);
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, hl);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
	if (aza__istarts(r->url, "https:"))
		curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L); /* wait to multiplex over HTTP/2 */
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, h->cfg.timeout_ms);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, h->cfg.timeout_ms < 10000 ? h->cfg.timeout_ms : 10000L);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, r->cerr);
	curl_easy_setopt(e, CURLOPT_PRIVATE, r);
	curl_easy_setopt(e, CURLOPT_USERAGENT, "azaudit/" AZA_VERSION);
	if (r->body) {
		curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, (long)strlen(r->body));
		curl_easy_setopt(e, CURLOPT_POSTFIELDS, r->body);
	}
	if (strcmp(r->method, "GET") && strcmp(r->method, "POST"))
		curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, r->method);
	else if (!strcmp(r->method, "POST") && !r->body) {
		curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, 0L);
		curl_easy_setopt(e, CURLOPT_POSTFIELDS, "");
	}
	return 0;
}

/* How long a family holds its calls when the remaining-reads header runs
 * low (scaled down by what is left), before one call probes the budget
 * again. The budget refills continuously at a rate the header does not
 * give: a hold of a second per burst ran at the burst size a second (a
 * quarter of a budget of 20 reads a second with a burst of 5), while a
 * quarter second follows the refill closely, and a probe that finds the
 * budget spent gets a 429 whose Retry-After holds the whole family. */
#define HOLD_MS 250.0

static double backoff_ms(aza_http *h, int attempt, double retry_after)
{
	double d;
	if (retry_after >= 0) {
		d = retry_after;
	} else {
		d = (double)h->cfg.retry_base_ms;
		for (int i = 1; i < attempt && d < (double)h->cfg.retry_max_ms; i++)
			d *= 2;
		/* Full jitter in [d/2, d]: callers retrying together spread out. */
		h->rnd = h->rnd * 1103515245u + 12345u;
		d = d / 2 + d / 2 * (double)((h->rnd >> 8) & 0xffff) / 65535.0;
	}
	if (d > (double)h->cfg.retry_max_ms)
		d = (double)h->cfg.retry_max_ms;
	return d;
}

static void log_line(aza_http *h, hreq *r, long status, double ms, const char *note)
{
	if (!h->log)
		return;
	char path[512], line[700];
	loggable(r->url, path, sizeof path);
	if (status)
		snprintf(line, sizeof line, "%s %s %ld %.0fms%s%s", r->method, path, status, ms, *note ? " " : "", note);
	else
		snprintf(line, sizeof line, "%s %s --- %.0fms %s", r->method, path, ms, note);
	h->log(h->log_ud, line);
}

static int retryable(long status)
{
	return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 ||
	       status == 504;
}

/* Settle r: call back, then free. Returns AZA_HTTP_RETRY when the callback
 * asked for another attempt. */
static int finish(aza_http *h, hreq *r, long status, const char *err, double ms)
{
	aza_hresp resp;
	if (aza_buf__addc(&r->resp, 0))
		r->resp.len = 0;
	else
		r->resp.len--;
	resp.status = status;
	resp.body = r->resp.p ? r->resp.p : "";
	resp.len = r->resp.len;
	resp.err = err ? err : "";
	resp.last = r->attempts >= h->cfg.max_attempts;
	resp.ms = ms;
	if (status < 200 || status > 299)
		h->st.failures++;
	return r->cb ? r->cb(r->ud, &resp) : 0;
}

static void reschedule(aza_http *h, hreq *r, double delay)
{
	r->due = now_ms() + delay;
	h->st.wait_ms += delay;
	h->st.retries++;
	enqueue(h, r);
}

static void done(aza_http *h, hreq *r, CURLcode cc)
{
	double ms = now_ms() - r->t0;
	long status = 0;
	curl_easy_getinfo(r->easy, CURLINFO_RESPONSE_CODE, &status);
	curl_multi_remove_handle(h->multi, r->easy);
	for (hreq **pp = &h->act; *pp; pp = &(*pp)->anext)
		if (*pp == r) {
			*pp = r->anext;
			break;
		}
	h->active--;
	h->hosts[r->host].active--;
	if (cc != CURLE_OK) {
		char msg[300];
		if (r->too_big)
			snprintf(msg, sizeof msg, "response larger than %zu bytes", h->cfg.max_response);
		else
			snprintf(msg, sizeof msg, "%s", *r->cerr ? r->cerr : curl_easy_strerror(cc));
		log_line(h, r, 0, ms, msg);
		if (!r->too_big && r->attempts < h->cfg.max_attempts) {
			reschedule(h, r, backoff_ms(h, r->attempts, -1));
			return;
		}
		finish(h, r, 0, msg, ms);
		req_free(r);
		return;
	}
	log_line(h, r, status, ms, "");
	if (r->fam >= 0 && r->remaining >= 0) {
		struct fam *f = &h->fam[r->fam];
		f->remaining = r->remaining;
		/* Few reads left: hold this family a moment (HOLD_MS), then probe
		 * with one call. */
		if (r->remaining <= 2 * (long)h->cfg.per_host)
			f->hold_until = now_ms() + HOLD_MS * (1.0 - (double)r->remaining / (2.0 * h->cfg.per_host + 1));
	}
	if (status == 429 && r->fam >= 0 && r->retry_after_ms > 0) {
		/* The whole family waits, not just this call. */
		struct fam *f = &h->fam[r->fam];
		double until = now_ms() + r->retry_after_ms;
		if (until > f->hold_until)
			f->hold_until = until;
	}
	if (status == 401 && r->aud && !r->refreshed && h->token) {
		/* An expired or revoked token: one refresh, then the call again. */
		const char *tok;
		char err[256];
		r->refreshed = 1;
		h->st.refreshes++;
		if (h->token(h->token_ud, r->aud, 1, &tok, err, sizeof err) == 0) {
			r->attempts--; /* the refresh does not use up an attempt */
			reschedule(h, r, 0);
			h->st.retries--;
			return;
		}
	}
	if (retryable(status) && r->attempts < h->cfg.max_attempts) {
		if (status == 429)
			h->st.throttled++;
		reschedule(h, r, backoff_ms(h, r->attempts, r->retry_after_ms));
		return;
	}
	if (finish(h, r, status, "", ms) == AZA_HTTP_RETRY && r->attempts < h->cfg.max_attempts) {
		reschedule(h, r, backoff_ms(h, r->attempts, -1));
		return;
	}
	req_free(r);
}

/* 0 when a call of family f may start now (and takes its token); else 1,
 * with *next lowered to the ms until it may. */
static int pace(aza_http *h, int f, double t, double *next)
{
	struct fam *s = &h->fam[f];
	double wait = 0;
	if (s->hold_until > t)
		wait = s->hold_until - t;
	else if (h->cfg.rate[f] > 0) {
		double burst = h->cfg.burst[f] > 0 ? h->cfg.burst[f] : h->cfg.rate[f];
		s->tokens += (t - s->last) / 1000.0 * h->cfg.rate[f];
		if (s->tokens > burst)
			s->tokens = burst;
		s->last = t;
		if (s->tokens < 1)
			wait = (1 - s->tokens) / h->cfg.rate[f] * 1000.0;
	}
	if (wait > 0) {
		if (*next < 0 || wait < *next)
			*next = wait;
		return 1;
	}
	if (h->cfg.rate[f] > 0)
		s->tokens -= 1;
	if (s->remaining > 0 && --s->remaining <= 0)
		s->hold_until = t + HOLD_MS; /* the estimate ran out: wait for a fresh header */
	return 0;
}

/* Start what may start; returns ms until the next delayed call is due (or -1). */
static double start_ready(aza_http *h)
{
	double t = now_ms(), next = -1;
	hreq **pp = &h->head, *prev = NULL;
	while (*pp && h->active < (size_t)h->cfg.max_active) {
		hreq *r = *pp;
		if (r->due > t) {
			if (next < 0 || r->due - t < next)
				next = r->due - t;
		} else if (h->hosts[r->host].active < h->cfg.per_host && r->fam >= 0 && pace(h, r->fam, t, &next)) {
			h->st.paced++;
			prev = r;
			pp = &r->next;
			continue;
		} else if (h->hosts[r->host].active < h->cfg.per_host) {
			*pp = r->next;
			if (h->tail == r)
				h->tail = prev;
			r->attempts++;
			h->st.requests++;
			r->t0 = now_ms();
			if (prepare(h, r)) {
				char msg[CURL_ERROR_SIZE];
				snprintf(msg, sizeof msg, "%s", r->cerr);
				log_line(h, r, 0, 0, msg);
				r->attempts = h->cfg.max_attempts;
				finish(h, r, 0, msg, 0);
				req_free(r);
				continue;
			}
			curl_multi_add_handle(h->multi, r->easy);
			r->anext = h->act;
			h->act = r;
			h->active++;
			h->hosts[r->host].active++;
			continue;
		}
		prev = r;
		pp = &r->next;
	}
	return next;
}

int aza_http__run(aza_http *h)
{
	while ((h->head || h->active) && !h->cancel) {
		double next = start_ready(h);
		int running = 0;
		curl_multi_perform(h->multi, &running);
		CURLMsg *m;
		int q;
		while ((m = curl_multi_info_read(h->multi, &q))) {
			if (m->msg != CURLMSG_DONE)
				continue;
			hreq *r = NULL;
			curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&r);
			done(h, r, m->data.result);
		}
		if (h->progress && now_ms() - h->progress_at >= 250) {
			size_t queued = 0;
			for (hreq *r = h->head; r; r = r->next)
				queued++;
			h->progress_at = now_ms();
			h->progress(h->progress_ud, &h->st, h->active, queued);
		}
		if (!h->head && !h->active)
			break;
		/* Wait for traffic, or for the next delayed call to be due. */
		int wait = 200;
		if (next >= 0 && next < wait)
			wait = (int)next + 1;
		if (h->head && next < 0 && h->active < (size_t)h->cfg.max_active) {
			int can = 0;
			for (hreq *r = h->head; r && !can; r = r->next)
				can = h->hosts[r->host].active < h->cfg.per_host;
			if (can)
				wait = 0;
		}
		if (h->active)
			curl_multi_poll(h->multi, NULL, 0, wait, NULL);
		else if (wait > 0) {
			struct timespec ts = {wait / 1000, (long)(wait % 1000) * 1000000L};
			nanosleep(&ts, NULL);
		}
	}
	return h->cancel ? AZA_EIO : 0;
}

struct sync_ud {
	aza_buf *out;
	long status;
	char *err;
	size_t errlen;
	int settled;
};

static int sync_cb(void *ud, const aza_hresp *r)
{
	struct sync_ud *s = ud;
	s->status = r->status;
	s->settled = 1;
	if (r->err && *r->err)
		snprintf(s->err, s->errlen, "%s", r->err);
	aza_buf__add(s->out, r->body, r->len);
	return 0;
}

int aza_http__fetch(aza_http *h, const aza_hreq_opts *o, aza_buf *out, long *status, char *err,
                    size_t errlen)
{
	/* A private engine so that a token fetched in the middle of a run does
	 * not start the run's queued calls. */
	aza_http *p = aza_http__new(&h->cfg);
	if (!p)
		return AZA_ENOMEM;
	p->log = h->log;
	p->log_ud = h->log_ud;
	struct sync_ud s = {out, 0, err, errlen, 0};
	aza_hreq_opts q = *o;
	q.aud = AZA_AUD_NONE;
	q.cb = sync_cb;
	q.ud = &s;
	if (errlen)
		err[0] = 0;
	int rc = aza_http__submit(p, &q);
	if (!rc)
		rc = aza_http__run(p);
	h->st.requests += p->st.requests;
	h->st.retries += p->st.retries;
	aza_http__free(p);
	*status = s.status;
	if (!rc && !s.settled)
		rc = AZA_EIO;
	return rc;
}
