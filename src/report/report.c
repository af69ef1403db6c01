/*
 * report.c - picks a reporter by name, writes reports to streams or
 * atomically to files, and lists the rule catalogue (text, JSON, Markdown).
 */
#include "report.h"

#include "../lib/scan.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Every output format, one descriptor each (src/report/<format>.c). */
static const aza_reporter *const reporters[] = {
	&aza_report_text,     &aza_report_json, &aza_report_sarif,      &aza_report_csv, &aza_report_junit,
	&aza_report_markdown, &aza_report_ocsf, &aza_report_ocsf_jsonl, &aza_report_html,
};
#define NREPORTERS (sizeof reporters / sizeof reporters[0])

static const aza_reporter *find(const char *name)
{
	for (size_t i = 0; i < sizeof reporters / sizeof reporters[0]; i++)
		if (aza__strieq(reporters[i]->name, name) || (aza__strieq(name, "md") && reporters[i] == &aza_report_markdown))
			return reporters[i];
	return NULL;
}

int aza_report_format_known(const char *format)
{
	return find(format) != NULL;
}

const char *aza_report_format_ext(const char *format)
{
	const aza_reporter *r = find(format);
	return r ? r->ext : NULL;
}

const char *aza_report_formats(void)
{
	static char list[256];
	if (!list[0])
		for (size_t i = 0; i < NREPORTERS; i++) {
			if (i)
				strncat(list, ", ", sizeof list - strlen(list) - 1);
			strncat(list, reporters[i]->name, sizeof list - strlen(list) - 1);
		}
	return list;
}

int aza_report__listed(const aza_report_opts *o, const aza_finding *f)
{
	if (o && o->status_mask)
		return aza_report__shown(o, f);
	if (o && o->verbose)
		return 1;
	return f->status == AZA_FAIL || f->status == AZA_UNKNOWN || f->status == AZA_MANUAL ||
	       f->status == AZA_SUPPRESSED;
}

const char *aza_report__control_status(const aza_fw_control *c)
{
	return c->status < AZA_STATUS_COUNT ? aza_status_name(c->status) : "NOT_EVALUATED";
}

void aza_report__iso_time(double t, char *out, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void aza_report__anchor(const aza_rule *r, char *out, size_t n)
{
	size_t i = 0;
	for (const char *p = r->id; *p && i + 1 < n; p++)
		out[i++] = (char)tolower((unsigned char)*p);
	out[i] = 0;
}

void aza_report__xml(aza_buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		switch (*p) {
		case '<': aza_buf__adds(b, "&lt;"); break;
		case '>': aza_buf__adds(b, "&gt;"); break;
		case '&': aza_buf__adds(b, "&amp;"); break;
		case '"': aza_buf__adds(b, "&quot;"); break;
		case '\'': aza_buf__adds(b, "&#39;"); break;
		default:
			/* XML 1.0 allows no control characters but tab, LF and CR. */
			if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
				aza_buf__addc(b, '?');
			else
				aza_buf__addc(b, (char)*p);
		}
	}
}

/* ---- SHA-256 (FIPS 180-4), for fingerprints and CSP hashes ---- */
static const uint32_t K256[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha256_block(uint32_t h[8], const unsigned char *p)
{
	uint32_t w[64];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (int i = 16; i < 64; i++) {
		uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
	for (int i = 0; i < 64; i++) {
		uint32_t t1 = k + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) + K256[i] + w[i];
		uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
		k = g;
		g = f;
		f = e;
		e = d + t1;
		d = c;
		c = b;
		b = a;
		a = t1 + t2;
	}
	h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += k;
}

void aza_report__sha256(const void *data, size_t n, unsigned char out[32])
{
	uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
	const unsigned char *p = data;
	size_t left = n;
	while (left >= 64) {
		sha256_block(h, p);
		p += 64;
		left -= 64;
	}
	unsigned char last[128];
	memset(last, 0, sizeof last);
	memcpy(last, p, left);
	last[left] = 0x80;
	size_t blocks = left + 9 > 64 ? 2 : 1;
	uint64_t bits = (uint64_t)n * 8;
	for (int i = 0; i < 8; i++)
		last[blocks * 64 - 1 - i] = (unsigned char)(bits >> (8 * i));
	for (size_t i = 0; i < blocks; i++)
		sha256_block(h, last + 64 * i);
	for (int i = 0; i < 8; i++) {
		out[4 * i] = (unsigned char)(h[i] >> 24);
		out[4 * i + 1] = (unsigned char)(h[i] >> 16);
		out[4 * i + 2] = (unsigned char)(h[i] >> 8);
		out[4 * i + 3] = (unsigned char)h[i];
	}
}

int aza_report__fingerprint(const aza_finding *f, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	/* Rule id, '|', lower-case resource id: on the stack unless very long. */
	size_t il = strlen(f->rule->id), rl = strlen(f->resource_id), n = il + 1 + rl;
	char stack[512], *key = n <= sizeof stack ? stack : aza__malloc(n);
	if (!key) {
		out[0] = 0;
		return AZA_ENOMEM;
	}
	memcpy(key, f->rule->id, il);
	key[il] = '|';
	for (size_t i = 0; i < rl; i++)
		key[il + 1 + i] = (char)tolower((unsigned char)f->resource_id[i]);
	unsigned char d[32];
	aza_report__sha256(key, n, d);
	if (key != stack)
		aza__free(key);
	for (int i = 0; i < 32; i++) {
		out[2 * i] = hex[d[i] >> 4];
		out[2 * i + 1] = hex[d[i] & 15];
	}
	out[64] = 0;
	return 0;
}

const char *aza_report__sub_scope(aza_scan *s, const aza_finding *f)
{
	const char *id = f->resource_id;
	if (!*f->subscription_id || !aza__strnieq(id, "/subscriptions/", 15))
		return NULL;
	const char *p = strchr(id + 15, '/');
	if (!p || !aza__strnieq(p, "/providers/", 11))
		return NULL;
	const char *name = aza_scan_subscription_name(s, f->subscription_id);
	return name && *name ? name : f->subscription_id;
}

int aza_report__status_shown(const aza_report_opts *o, aza_status st)
{
	return !o || !o->status_mask || ((o->status_mask >> st) & 1u);
}

int aza_report__shown(const aza_report_opts *o, const aza_finding *f)
{
	return aza_report__status_shown(o, f->status);
}

void aza_report__tally(aza_scan *s, const aza_report_opts *o, aza_report_tally *t)
{
	memset(t, 0, sizeof *t);
	aza_scan_stats st;
	aza_scan_stats_get(s, &st);
	/* From the scan's compact records: the public view of a finding is
	 * made field by field, and a tally reads only the rule and status. */
	for (size_t i = 0; i < s->l.nf; i++) {
		const aza_frec *f = aza_scan__rec(s, i);
		const aza_rule *rule = aza_rule_at(f->rule);
		int r = (int)aza_rule_resp(rule);
		if (r >= 0 && r < AZA_RESP_COUNT) {
			t->resp[r][f->status]++;
			if (f->status != AZA_NOT_APPLICABLE)
				t->resp_models[r] |= aza_rule_models(rule);
		}
		if (!aza_report__status_shown(o, (aza_status)f->status))
			continue;
		t->all[f->status]++;
		int a = (int)aza_rule_area(rule);
		if (a >= 0 && a < AZA_AREA_COUNT)
			t->area[a][f->status]++;
	}
	for (int r = 0; r < AZA_RESP_COUNT; r++)
		t->resp_models[r] &= st.models_in_use;
}

void aza_report__list_json(aza_buf *b, const char *list)
{
	aza_buf__addc(b, '[');
	const char *p = list ? list : "";
	int first = 1;
	while (*p) {
		size_t n = strcspn(p, " ");
		if (n) {
			char tmp[256];
			if (n >= sizeof tmp)
				n = sizeof tmp - 1;
			memcpy(tmp, p, n);
			tmp[n] = 0;
			if (!first)
				aza_buf__addc(b, ',');
			aza_buf__json_str(b, tmp);
			first = 0;
		}
		p += strcspn(p, " ");
		while (*p == ' ')
			p++;
	}
	aza_buf__addc(b, ']');
}

void aza_report__cis_json(aza_buf *b, const char *cis)
{
	aza_buf__addc(b, '[');
	const char *p = cis ? cis : "";
	int first = 1;
	while (*p) {
		size_t n = strcspn(p, " ");
		const char *colon = memchr(p, ':', n);
		if (n && colon) {
			char ver[32], id[64];
			size_t vl = (size_t)(colon - p), il = n - vl - 1;
			if (vl < sizeof ver && il < sizeof id) {
				memcpy(ver, p, vl);
				ver[vl] = 0;
				memcpy(id, colon + 1, il);
				id[il] = 0;
				if (!first)
					aza_buf__addc(b, ',');
				aza_buf__adds(b, "{\"version\":");
				aza_buf__json_str(b, ver);
				aza_buf__adds(b, ",\"id\":");
				aza_buf__json_str(b, id);
				aza_buf__addc(b, '}');
				first = 0;
			}
		}
		p += n;
		while (*p == ' ')
			p++;
	}
	aza_buf__addc(b, ']');
}

/* A finding the scan could not read back (findings.h) was written as a
 * placeholder, or a document could not be read back after the run (the
 * triage's tags): the report is not complete, so it is not written. */
static int records_lost(aza_scan *s)
{
	return s->l.ioerr || aza_inv__store_rerr(s->inv) ? aza_scan__store_error(s) : 0;
}

static int write_all(int fd, const char *p, size_t n)
{
	size_t off = 0;
	while (off < n) {
		ssize_t w = write(fd, p + off, n - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		off += (size_t)w;
	}
	return 0;
}

static int sink_fd(void *ud, const char *p, size_t n)
{
	return write_all(*(int *)ud, p, n);
}

/* Read fd from its start in AZA_BUF_FLUSH blocks, handing each to put
 * (nonzero, errno set, stops): how a section or a staged report comes
 * back out. 0, or the errno of what failed. */
static int read_blocks(int fd, int (*put)(void *ud, const char *p, size_t n), void *ud)
{
	char *buf = aza__malloc(AZA_BUF_FLUSH);
	if (!buf)
		return ENOMEM;
	int rc = 0;
	for (off_t at = 0;;) {
		ssize_t k = pread(fd, buf, AZA_BUF_FLUSH, at);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			rc = k < 0 ? (errno ? errno : EIO) : 0;
			break;
		}
		if (put(ud, buf, (size_t)k)) {
			rc = errno ? errno : EIO;
			break;
		}
		at += k;
	}
	aza__free(buf);
	return rc;
}

static int put_stream(void *ud, const char *p, size_t n)
{
	return fwrite(p, 1, n, (FILE *)ud) != n ? -1 : 0;
}

/* Failures of out show on out itself (oom, sink_err). */
static int put_buf(void *ud, const char *p, size_t n)
{
	aza_buf__add((aza_buf *)ud, p, n);
	return 0;
}

void aza_report__side_init(aza_side *x)
{
	aza_buf__init(&x->b, 0);
	x->fd = aza__tmpfile("azaudit-section");
	if (x->fd >= 0) {
		x->b.sink = sink_fd;
		x->b.sink_ud = &x->fd;
	}
}

int aza_report__side_put(aza_buf *out, aza_side *x)
{
	int rc = x->b.oom ? (x->b.sink_err ? x->b.sink_err : ENOMEM) : 0;
	if (!rc && x->fd >= 0)
		rc = read_blocks(x->fd, put_buf, out);
	if (!rc)
		aza_buf__add(out, x->b.p, x->b.len);
	if (x->fd >= 0)
		close(x->fd);
	x->fd = -1;
	aza_buf__release(&x->b);
	return rc;
}

/* The report is made in an unlinked temporary file ($TMPDIR), streamed as
 * the reporter builds it, and copied to fp once it is complete: a report
 * that fails (a finding that could not be read back, memory) writes
 * nothing to fp, and a big one is not held in memory (a JSON report of
 * 100k bench resources is 670 MB; made in memory it took the scan's peak
 * from 62 MiB to 697). Without a temporary file it is made in memory, as
 * the scan's other stores do. */
int aza_report_write(aza_scan *s, const char *format, const aza_report_opts *o, FILE *fp)
{
	const aza_reporter *r = find(format);
	if (!r)
		return aza__err(s->ctx, AZA_EUSAGE, "unknown report format '%s' (%s)", format, aza_report_formats());
	aza_buf b;
	aza_buf__init(&b, 0);
	int fd = aza__tmpfile("azaudit-report");
	if (fd >= 0) {
		b.sink = sink_fd;
		b.sink_ud = &fd;
	}
	int rc = r->write(s, o, &b);
	if (rc == 0)
		rc = records_lost(s);
	if (rc == 0 && b.sink_err)
		rc = aza__err(s->ctx, AZA_EIO, "cannot write the %s report's temporary file (%s full?): %s", format,
		              getenv("TMPDIR") ? "$TMPDIR" : "/tmp", strerror(b.sink_err));
	else if (rc == 0 && b.oom)
		rc = aza__err(s->ctx, AZA_ENOMEM, "out of memory while writing the %s report", format);
	if (rc == 0 && fd >= 0 && b.len && write_all(fd, b.p, b.len))
		rc = aza__err(s->ctx, AZA_EIO, "cannot write the %s report's temporary file: %s", format, strerror(errno));
	int e = rc ? 0 : fd >= 0 ? read_blocks(fd, put_stream, fp) : b.len && put_stream(fp, b.p, b.len) ? (errno ? errno : EIO) : 0;
	if (e)
		rc = e == ENOMEM ? aza__err(s->ctx, AZA_ENOMEM, "out of memory while writing the %s report", format)
		                 : aza__err(s->ctx, AZA_EIO, "cannot write the %s report: %s", format, strerror(e));
	if (rc == 0 && fflush(fp) != 0)
		rc = aza__err(s->ctx, AZA_EIO, "cannot write the %s report: %s", format, strerror(errno));
	if (fd >= 0)
		close(fd);
	aza_buf__release(&b);
	return rc;
}

/* Writing a report file is about a third of making it (the kernel copies
 * every byte into the page cache), and the second core is idle by then:
 * a thread writes one full buffer while the reporter fills the next. The
 * sink copies the buffer (a memcpy is far cheaper than the write). */
struct bg_writer {
	int fd;
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	char *buf;
	size_t n, cap;
	int busy, stop, err; /* err: the errno of a failed write */
};

static void *bg_main(void *arg)
{
	struct bg_writer *w = arg;
	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (!w->busy && !w->stop)
			pthread_cond_wait(&w->cv, &w->mu);
		if (!w->busy)
			break;
		pthread_mutex_unlock(&w->mu);
		int e = w->err ? 0 : write_all(w->fd, w->buf, w->n) ? (errno ? errno : EIO) : 0;
		pthread_mutex_lock(&w->mu);
		if (e)
			w->err = e;
		w->busy = 0;
		pthread_cond_broadcast(&w->cv);
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

/* Wait for the write in progress; its errno, or 0. */
static int bg_wait(struct bg_writer *w)
{
	pthread_mutex_lock(&w->mu);
	while (w->busy)
		pthread_cond_wait(&w->cv, &w->mu);
	int e = w->err;
	pthread_mutex_unlock(&w->mu);
	return e;
}

static int sink_bg(void *ud, const char *p, size_t n)
{
	struct bg_writer *w = ud;
	int e = bg_wait(w);
	if (!e && n > w->cap) {
		char *b = aza__realloc(w->buf, n);
		if (!b)
			return errno = ENOMEM, -1;
		w->buf = b;
		w->cap = n;
	}
	if (e)
		return errno = e, -1;
	memcpy(w->buf, p, n);
	pthread_mutex_lock(&w->mu);
	w->n = n;
	w->busy = 1;
	pthread_cond_broadcast(&w->cv);
	pthread_mutex_unlock(&w->mu);
	return 0;
}

static int bg_start(struct bg_writer *w, int fd)
{
	memset(w, 0, sizeof *w);
	w->fd = fd;
	if (aza_input__threads() < 2 || pthread_mutex_init(&w->mu, NULL))
		return -1;
	if (pthread_cond_init(&w->cv, NULL)) {
		pthread_mutex_destroy(&w->mu);
		return -1;
	}
	if (pthread_create(&w->th, NULL, bg_main, w)) {
		pthread_cond_destroy(&w->cv);
		pthread_mutex_destroy(&w->mu);
		return -1;
	}
	return 0;
}

/* Stop the thread once its last write is done; that write's errno, or 0. */
static int bg_stop(struct bg_writer *w)
{
	int e = bg_wait(w);
	pthread_mutex_lock(&w->mu);
	w->stop = 1;
	pthread_cond_broadcast(&w->cv);
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->th, NULL);
	pthread_cond_destroy(&w->cv);
	pthread_mutex_destroy(&w->mu);
	aza__free(w->buf);
	return e;
}

/* Write the report to a temporary file beside path, streamed as the
 * reporter builds it (a report of millions of findings is not held in
 * memory), then rename it over path (aza__outfile_open): a reader never
 * sees a half-written report, and a failed report leaves no file. A
 * device such as /dev/null is written in place. */
int aza_report_write_file(aza_scan *s, const char *format, const aza_report_opts *o, const char *path)
{
	const aza_reporter *r = find(format);
	if (!r)
		return aza__err(s->ctx, AZA_EUSAGE, "unknown report format '%s' (%s)", format, aza_report_formats());
	aza_buf b;
	aza_buf__init(&b, 0);
	int rc = 0;
	aza_outfile of;
	if (aza__outfile_open(&of, path) != 0)
		return aza__err(s->ctx, AZA_EIO, "%s: cannot create the report: %s", path, strerror(errno));
	int fd = of.fd;
	struct bg_writer w;
	int bg = bg_start(&w, fd) == 0;
	b.sink = bg ? sink_bg : sink_fd;
	b.sink_ud = bg ? (void *)&w : (void *)&fd;
	rc = r->write(s, o, &b);
	/* The background thread's last write may fail after the reporter is done. */
	int e2 = bg ? bg_stop(&w) : 0;
	if (!b.sink_err)
		b.sink_err = e2;
	if (rc == 0)
		rc = records_lost(s);
	if (rc == 0 && b.sink_err)
		rc = aza__err(s->ctx, AZA_EIO, "%s: cannot write: %s", path, strerror(b.sink_err));
	else if (rc == 0 && b.oom)
		rc = aza__err(s->ctx, AZA_ENOMEM, "out of memory while writing the %s report", format);
	if (rc == 0 && b.len && write_all(fd, b.p, b.len))
		rc = aza__err(s->ctx, AZA_EIO, "%s: cannot write: %s", path, strerror(errno));
	if (aza__outfile_close(&of, rc == 0, 0) != 0 && rc == 0)
		rc = aza__err(s->ctx, AZA_EIO, "%s: cannot write the report into place: %s", path, strerror(errno));
	aza_buf__release(&b);
	return rc;
}

/* ---- the catalogue ---- */
static void models_str(unsigned m, char *out, size_t n)
{
	out[0] = 0;
	for (unsigned bit = 1; bit <= AZA_SAAS; bit <<= 1)
		if (m & bit) {
			if (out[0])
				strncat(out, ",", n - strlen(out) - 1);
			strncat(out, aza_model_name(bit), n - strlen(out) - 1);
		}
}

static void rule_json(aza_buf *b, const aza_rule *r)
{
	aza_buf__adds(b, "{\"id\":");
	aza_buf__json_str(b, r->id);
	aza_buf__adds(b, ",\"title\":");
	aza_buf__json_str(b, r->title);
	aza_buf__adds(b, ",\"area\":");
	aza_buf__json_str(b, aza_area_name(r->area));
	aza_buf__printf(b, ",\"level\":%d,\"severity\":", r->level);
	aza_buf__json_str(b, aza_severity_name(r->severity));
	aza_buf__adds(b, ",\"kind\":");
	aza_buf__json_str(b, r->check ? "automated" : "manual");
	aza_buf__adds(b, ",\"responsibility\":");
	aza_buf__json_str(b, aza_resp_name(r->resp));
	aza_buf__adds(b, ",\"service_models\":[");
	int first = 1;
	for (unsigned bit = 1; bit <= AZA_SAAS; bit <<= 1)
		if (r->models & bit) {
			if (!first)
				aza_buf__addc(b, ',');
			aza_buf__json_str(b, aza_model_name(bit));
			first = 0;
		}
	aza_buf__adds(b, "],\"resource_types\":");
	aza_report__list_json(b, aza_rule_types(r));
	aza_buf__adds(b, ",\"checklist\":");
	aza_report__list_json(b, r->checklist);
	aza_buf__adds(b, ",\"cis\":");
	aza_report__cis_json(b, r->cis);
	aza_buf__adds(b, ",\"rationale\":");
	aza_buf__json_str(b, r->rationale);
	aza_buf__adds(b, ",\"remediation\":{\"portal\":");
	aza_buf__json_str(b, r->portal);
	aza_buf__adds(b, ",\"cli\":");
	aza_buf__json_str(b, r->cli);
	aza_buf__adds(b, ",\"arm\":");
	aza_buf__json_str(b, r->arm);
	aza_buf__adds(b, "},\"manual_steps\":");
	aza_buf__json_str(b, r->manual);
	aza_buf__adds(b, ",\"defaults\":");
	aza_buf__json_str(b, r->defaults);
	aza_buf__addc(b, '}');
}

void aza_report__rule_json(aza_buf *b, const aza_rule *r)
{
	rule_json(b, r);
}

static void md_cell(aza_buf *b, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		if (*p == '|')
			aza_buf__adds(b, "\\|");
		else if (*p == '\n')
			aza_buf__addc(b, ' ');
		else
			aza_buf__addc(b, *p);
	}
}

/* When a subscription or tenant rule is judged in a template-only scan: its
 * .subject (rule.h, docs/templates.md). A manual one never is: a template
 * holds no scope to verify by hand. */
static void template_subject_md(aza_buf *b, const aza_rule *r)
{
	const char *p = r->subject;
	aza_subject e;
	int n = 0;
	aza_buf__adds(b, "- Template scans: ");
	if (!r->check) {
		aza_buf__adds(b, r->scope == AZA_SCOPE_TENANT
		                     ? "NOT_APPLICABLE (a template holds no tenant; verify by hand in the tenant it is deployed to)\n"
		                     : "NOT_APPLICABLE (a template holds no subscription; verify by hand on the subscription it is deployed to)\n");
		return;
	}
	while (aza_rule__subject_next(&p, &e)) {
		aza_buf__printf(b, "%s`%.*s`", n++ ? " or " : "judged when the templates deploy ", (int)e.tl, e.type);
		if (e.name)
			aza_buf__printf(b, " named `%.*s`", (int)e.nl, e.name);
		if (e.at)
			aza_buf__adds(b, r->scope == AZA_SCOPE_TENANT ? " at `/` or a management group"
			                 : e.mg ? " directly under the subscription, or at a management group (then judged on the management group)"
			                        : " directly under the subscription");
	}
	aza_buf__adds(b, n ? "; otherwise NOT_APPLICABLE\n" : "NOT_APPLICABLE (a template deploys nothing the rule judges)\n");
}

int aza_catalog_write(aza_ctx *ctx, const char *format, FILE *fp)
{
	aza_buf b;
	aza_buf__init(&b, 0);
	size_t n = aza_rule_count();
	if (aza__strieq(format, "json")) {
		aza_buf__printf(&b, "{\"schema_version\":\"%s\",\"tool_version\":\"%s\",\"rules\":[", AZA_JSON_SCHEMA_VERSION,
		                AZA_VERSION);
		for (size_t i = 0; i < n; i++) {
			if (i)
				aza_buf__addc(&b, ',');
			aza_buf__adds(&b, "\n");
			rule_json(&b, aza_rule_at(i));
		}
		aza_buf__adds(&b, "\n]}\n");
	} else if (aza__strieq(format, "markdown") || aza__strieq(format, "md")) {
		aza_buf__adds(&b, "# azaudit rule catalogue\n\n"
		                  "Generated by `azaudit rules --format markdown` from the rule table; do not edit by hand.\n\n");
		aza_buf__printf(&b, "%zu rules.\n", n);
		for (int a = 0; a < AZA_AREA_COUNT; a++) {
			int any = 0;
			for (size_t i = 0; i < n; i++)
				any |= (int)aza_rule_at(i)->area == a;
			if (!any)
				continue;
			aza_buf__printf(&b, "\n## %s\n\n", aza_area_title((aza_area)a));
			aza_buf__adds(&b, "| id | title | level | severity | kind | CIS | checklist | responsibility | models |\n"
			                  "|---|---|---|---|---|---|---|---|---|\n");
			for (size_t i = 0; i < n; i++) {
				const aza_rule *r = aza_rule_at(i);
				if ((int)r->area != a)
					continue;
				char m[32];
				models_str(r->models, m, sizeof m);
				aza_buf__printf(&b, "| %s | ", r->id);
				md_cell(&b, r->title);
				aza_buf__printf(&b, " | L%d | %s | %s | ", r->level, aza_severity_name(r->severity),
				                r->check ? "automated" : "manual");
				md_cell(&b, r->cis);
				aza_buf__adds(&b, " | ");
				md_cell(&b, r->checklist);
				aza_buf__printf(&b, " | %s | %s |\n", aza_resp_name(r->resp), m);
			}
			for (size_t i = 0; i < n; i++) {
				const aza_rule *r = aza_rule_at(i);
				if ((int)r->area != a)
					continue;
				char anchor[64];
				aza_report__anchor(r, anchor, sizeof anchor);
				aza_buf__printf(&b, "\n<a id=\"%s\"></a>\n\n### %s: ", anchor, r->id);
				md_cell(&b, r->title);
				aza_buf__adds(&b, "\n\n");
				aza_buf__printf(&b, "- Reads: `%s`\n", aza_rule_types(r));
				if (r->rationale)
					aza_buf__printf(&b, "- Why: %s\n", r->rationale);
				if (r->defaults)
					aza_buf__printf(&b, "- Defaults and absence: %s\n", r->defaults);
				if (r->scope != AZA_SCOPE_RESOURCE)
					template_subject_md(&b, r);
				if (r->manual)
					aza_buf__printf(&b, "- Verify by hand: %s\n", r->manual);
				if (r->portal)
					aza_buf__printf(&b, "- Fix in the portal: %s\n", r->portal);
				if (r->cli)
					aza_buf__printf(&b, "- Fix with az: `%s`\n", r->cli);
				if (r->arm)
					aza_buf__printf(&b, "- ARM/Bicep: %s\n", r->arm);
			}
		}
	} else if (aza__strieq(format, "text")) {
		for (size_t i = 0; i < n; i++) {
			const aza_rule *r = aza_rule_at(i);
			aza_buf__printf(&b, "%-12s L%d %-8s %-10s %s%s\n", r->id, r->level, aza_severity_name(r->severity),
			                aza_area_name(r->area), r->title, r->check ? "" : " [manual]");
		}
	} else {
		aza_buf__release(&b);
		return aza__err(ctx, AZA_EUSAGE, "unknown catalogue format '%s' (text, json, markdown)", format);
	}
	int rc = 0;
	if (b.oom)
		rc = aza__err(ctx, AZA_ENOMEM, "out of memory");
	else if (fwrite(b.p, 1, b.len, fp) != b.len || fflush(fp) != 0)
		rc = aza__err(ctx, AZA_EIO, "cannot write: %s", strerror(errno));
	aza_buf__release(&b);
	return rc;
}

int aza_rule_explain(const aza_rule *r, FILE *fp)
{
	char m[32];
	models_str(r->models, m, sizeof m);
	fprintf(fp, "%s  %s\n\n", r->id, r->title);
	fprintf(fp, "  area:            %s (%s)\n", aza_area_name(r->area), aza_area_title(r->area));
	fprintf(fp, "  level:           %d\n  severity:        %s\n", r->level, aza_severity_name(r->severity));
	fprintf(fp, "  kind:            %s\n", r->check ? "automated" : "manual");
	fprintf(fp, "  responsibility:  %s\n  service models:  %s\n", aza_resp_name(r->resp), m);
	fprintf(fp, "  reads:           %s\n", aza_rule_types(r));
	if (r->needs)
		fprintf(fp, "  depends on:      %s\n", r->needs);
	fprintf(fp, "  CIS:             %s\n", r->cis ? r->cis : "-");
	fprintf(fp, "  checklist:       %s\n", r->checklist ? r->checklist : "-");
	if (r->rationale)
		fprintf(fp, "\nWhy it matters\n  %s\n", r->rationale);
	if (r->defaults)
		fprintf(fp, "\nDefaults and absent values\n  %s\n", r->defaults);
	if (r->manual)
		fprintf(fp, "\nHow to verify by hand\n  %s\n", r->manual);
	fprintf(fp, "\nRemediation\n");
	if (r->portal)
		fprintf(fp, "  portal:  %s\n", r->portal);
	if (r->cli)
		fprintf(fp, "  az:      %s\n", r->cli);
	if (r->arm)
		fprintf(fp, "  ARM:     %s\n", r->arm);
	return ferror(fp) ? AZA_EIO : 0;
}
