/*
 * keyvault.c - the Key Vault data plane: what Resource Manager does not
 * return. Each key's rotation policy (GET {vaultUri}/keys/{name}/
 * rotationpolicy, AZA-KV-011), for the keys the Resource Manager key list
 * names, and each certificate's policy (GET {vaultUri}/certificates, paged
 * by nextLink, then GET {vaultUri}/certificates/{name}/policy, AZA-KV-013),
 * with an Entra token for the vault audience. Both hold metadata only: no
 * key material, no secret value. One dataplane.keyvault entry per vault,
 * written once every call has ended:
 *   {"vault": id, "keys": [{"name", "rotationPolicy"} | {"name", "error"}],
 *    "certificates": [{"id", "attributes", "policy" | "error"}]}
 * with "error" in place of "certificates" when they could not be listed.
 */
#include "collect.h"

#include <stdlib.h>
#include <string.h>

#define KV_API "7.5"
#define KV_MAX_PAGES 1000

typedef struct kvault {
	struct kvault *next;
	aza_collector *c;
	const char *id, *name; /* live as long as the collector */
	char ep[512];          /* vault URI, no trailing slash; "" when unusable */
	int want_keys, want_certs;
	aza_buf keys, certs;   /* the items so far, comma-separated */
	size_t nkeys, ncerts;
	uint64_t *seen;        /* hashes of the key names asked for */
	size_t nseen, capseen;
	char *error;           /* the certificate listing failed (aza__malloc) */
	int key_err;           /* a key's failure is in the errors already */
} kvault;

typedef struct kvstate {
	kvault *head, **tail;
	kvault **tab; /* by id, open addressing */
	size_t cap, n;
} kvstate;

/* One call: a key's rotation policy, a page of the certificate list, or a
 * certificate's policy (with the list item's id and attributes). */
enum { KC_KEY, KC_LIST, KC_CERT };
typedef struct kcall {
	kvault *v;
	int kind, pages;
	char *url;   /* the page to read (KC_LIST) */
	char *name;  /* key or certificate name */
	char *item;  /* KC_CERT: "\"id\":...,\"attributes\":..." */
} kcall;

static void kcall_free(void *p)
{
	kcall *k = p;
	if (!k)
		return;
	aza__free(k->url);
	aza__free(k->name);
	aza__free(k->item);
	aza__free(k);
}

static kvstate *state(aza_collector *c, int create)
{
	void **st = aza_coll__kv_state(c);
	if (!*st && create) {
		kvstate *s = aza__malloc(sizeof *s);
		if (!s)
			return NULL;
		memset(s, 0, sizeof *s);
		s->tail = &s->head;
		*st = s;
	}
	return *st;
}

static size_t slot(const kvstate *s, const char *id, size_t n)
{
	uint64_t h = aza__ihash(id, n);
	size_t i = (size_t)h & (s->cap - 1);
	while (s->tab[i] && !(strlen(s->tab[i]->id) == n && aza__strnieq(s->tab[i]->id, id, n)))
		i = (i + 1) & (s->cap - 1);
	return i;
}

static int put(kvstate *s, kvault *v)
{
	if ((s->n + 1) * 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		kvault **t = aza__malloc(cap * sizeof *t);
		if (!t)
			return -1;
		memset(t, 0, cap * sizeof *t);
		kvault **old = s->tab;
		size_t ocap = s->cap;
		s->tab = t;
		s->cap = cap;
		for (size_t i = 0; i < ocap; i++)
			if (old[i])
				s->tab[slot(s, old[i]->id, strlen(old[i]->id))] = old[i];
		aza__free(old);
	}
	size_t i = slot(s, v->id, strlen(v->id));
	if (s->tab[i])
		return 1; /* a vault seen twice (a page read again): once is enough */
	s->tab[i] = v;
	s->n++;
	return 0;
}

/* ---- responses ---- */
/* "HTTP 403 Forbidden (ForbiddenByFirewall): first line of the message",
 * from a Key Vault error body ({"error": {"code", "message", "innererror":
 * {"code"}}}), or the transport failure. */
static void error_text(const aza_hresp *r, char *msg, size_t cap)
{
	if (!r->status) {
		snprintf(msg, cap, "%s", r->err);
		return;
	}
	aza_arena ar;
	aza_arena__init(&ar);
	aza_json *j;
	aza_jerr je;
	const char *code = NULL, *inner = NULL, *m = NULL;
	if (r->len && !aza_json__parse_all(&ar, r->body, r->len, &j, &je)) {
		code = aza_json_str(aza_json_path(j, "error.code"));
		inner = aza_json_str(aza_json_path(j, "error.innererror.code"));
		m = aza_json_str(aza_json_path(j, "error.message"));
	}
	snprintf(msg, cap, "HTTP %ld%s%s%s%s%s%s%.*s", r->status, code ? " " : "", code ? code : "", inner ? " (" : "",
	         inner ? inner : "", inner ? ")" : "", m ? ": " : "", m ? (int)strcspn(m, "\r\n") : 0, m ? m : "");
	aza_arena__release(&ar);
}

static void record(kvault *v, const char *what, const char *api, int status, const char *msg)
{
	char type[64];
	snprintf(type, sizeof type, "dataplane/keyvault/%s", what);
	aza_coll__error(v->c, v->id, type, api, status, msg);
}

static void add_key(kvault *v, const char *name, const char *policy, size_t plen, const char *error)
{
	if (v->nkeys++)
		aza_buf__addc(&v->keys, ',');
	aza_buf__adds(&v->keys, "{\"name\":");
	aza_buf__json_str(&v->keys, name);
	if (error) {
		aza_buf__adds(&v->keys, ",\"error\":");
		aza_buf__json_str(&v->keys, error);
	} else {
		aza_buf__adds(&v->keys, ",\"rotationPolicy\":");
		aza_buf__add(&v->keys, policy, plen);
	}
	aza_buf__addc(&v->keys, '}');
}

/* The first failing key of a vault goes to the errors (a firewall refuses
 * every one of them alike); each is in the entry. */
static void key_error(kvault *v, const char *name, int status, const char *msg)
{
	if (!v->key_err++)
		record(v, "keys", "dataplane:keyvault GET /keys/{name}/rotationpolicy", status, msg);
	add_key(v, name, NULL, 0, msg);
}

static void list_error(kvault *v, int status, const char *msg)
{
	record(v, "certificates", "dataplane:keyvault GET /certificates", status, msg);
	if (!v->error)
		v->error = aza__strdup(msg);
}

static void cert_error(kvault *v, kcall *k, int status, const char *msg)
{
	record(v, "certificates", "dataplane:keyvault GET /certificates/{name}/policy", status, msg);
	if (v->ncerts++)
		aza_buf__addc(&v->certs, ',');
	aza_buf__printf(&v->certs, "{%s,\"error\":", k->item);
	aza_buf__json_str(&v->certs, msg);
	aza_buf__addc(&v->certs, '}');
}

static int submit(kcall *k, const char *url);

/* The next page's link, when it is on the vault's own origin: the vault's
 * token goes nowhere else. Key Vault writes the port (":443") into it. */
static int same_origin(const char *ep, const char *url)
{
	const char *a = strstr(ep, "://"), *b = strstr(url, "://");
	if (!a || !b || (size_t)(a - ep) != (size_t)(b - url) || !aza__strnieq(ep, url, (size_t)(a - ep)))
		return 0;
	int https = aza__istarts(ep, "https://");
	a += 3;
	b += 3;
	size_t an = strcspn(a, "/?#"), bn = strcspn(b, "/?#");
	size_t ah = strcspn(a, ":/?#"), bh = strcspn(b, ":/?#");
	if (ah != bh || !aza__strnieq(a, b, ah))
		return 0;
	long ap = ah < an ? strtol(a + ah + 1, NULL, 10) : https ? 443 : 80;
	long bp = bh < bn ? strtol(b + bh + 1, NULL, 10) : https ? 443 : 80;
	return ap == bp;
}

static void list_page(kcall *k, const aza_json *j, const aza_hresp *r)
{
	kvault *v = k->v;
	const aza_json *arr = aza_json_get(j, "value");
	if (!aza_json_is(arr, AZA_JARR)) {
		list_error(v, (int)r->status, "unexpected response shape (no \"value\" array in the certificate list)");
		return;
	}
	aza_json_each(it, arr) {
		const char *id = aza_json_str(aza_json_get(it, "id"));
		const char *p = id ? aza__istrstr(id, "/certificates/") : NULL;
		size_t n = p ? strcspn(p + 14, "/?#") : 0;
		if (!n) {
			list_error(v, (int)r->status, "a certificate in the list has no id naming it");
			continue;
		}
		kcall *nk = aza__malloc(sizeof *nk);
		aza_buf it_b;
		aza_buf__init(&it_b, 1 << 20);
		aza_buf__adds(&it_b, "\"id\":");
		aza_buf__json_str(&it_b, id);
		const aza_json *at = aza_json_get(it, "attributes");
		if (at) {
			aza_buf__adds(&it_b, ",\"attributes\":");
			aza_json__write(&it_b, at);
		}
		aza_buf__addc(&it_b, 0);
		if (nk) {
			memset(nk, 0, sizeof *nk);
			nk->v = v;
			nk->kind = KC_CERT;
			nk->name = aza__malloc(n + 1);
			if (nk->name)
				snprintf(nk->name, n + 1, "%s", p + 14);
			nk->item = it_b.oom ? NULL : aza__strdup(it_b.p);
		}
		aza_buf__release(&it_b);
		if (!nk || !nk->name || !nk->item || submit(nk, NULL)) {
			kcall_free(nk);
			list_error(v, 0, "out of memory");
		}
	}
	const char *next = aza_json_str(aza_json_get(j, "nextLink"));
	if (!next || !*next)
		return;
	if (!same_origin(v->ep, next) || !aza_dp__endpoint_ok(next))
		list_error(v, (int)r->status, "paging stopped: the next link is not on the vault's endpoint");
	else if (k->url && !strcmp(k->url, next))
		list_error(v, (int)r->status, "paging stopped: the service returned a next link it had already returned");
	else if (++k->pages >= KV_MAX_PAGES)
		list_error(v, (int)r->status, "paging stopped: too many pages");
	else {
		kcall *nk = aza__malloc(sizeof *nk);
		if (nk) {
			memset(nk, 0, sizeof *nk);
			nk->v = v;
			nk->kind = KC_LIST;
			nk->pages = k->pages;
			nk->url = aza__strdup(next);
		}
		if (!nk || !nk->url || submit(nk, nk->url)) {
			kcall_free(nk);
			list_error(v, 0, "out of memory");
		}
	}
}

/* The call k failed: recorded where its kind goes; k is freed. */
static void failed(kcall *k, int status, const char *msg)
{
	if (k->kind == KC_KEY)
		key_error(k->v, k->name, status, msg);
	else if (k->kind == KC_LIST)
		list_error(k->v, status, msg);
	else
		cert_error(k->v, k, status, msg);
	kcall_free(k);
}

static int kv_cb(void *ud, const aza_hresp *r)
{
	kcall *k = ud;
	kvault *v = k->v;
	char msg[600];
	if (r->status < 200 || r->status > 299) {
		error_text(r, msg, sizeof msg);
		failed(k, (int)r->status, msg);
		return 0;
	}
	aza_arena ar;
	aza_arena__init(&ar);
	aza_json *j;
	aza_jerr je;
	if (aza_json__parse_all(&ar, r->body, r->len, &j, &je) || !aza_json_is(j, AZA_JOBJ)) {
		aza_arena__release(&ar);
		if (!r->last)
			return AZA_HTTP_RETRY;
		snprintf(msg, sizeof msg, "the response is not a JSON object (%zu bytes; truncated or invalid)", r->len);
		failed(k, (int)r->status, msg);
		return 0;
	}
	if (k->kind == KC_LIST) {
		list_page(k, j, r);
	} else {
		/* The policy as the vault returned it: a key's KeyRotationPolicy
		 * (id, lifetimeActions, attributes), a certificate's
		 * CertificatePolicy (x509_props, key_props, issuer, ...). */
		aza_buf p;
		aza_buf__init(&p, 1 << 24);
		aza_json__write(&p, j);
		if (p.oom) {
			if (k->kind == KC_KEY)
				key_error(v, k->name, 0, "out of memory");
			else
				cert_error(v, k, 0, "out of memory");
		} else if (k->kind == KC_KEY) {
			add_key(v, k->name, p.p, p.len, NULL);
		} else {
			if (v->ncerts++)
				aza_buf__addc(&v->certs, ',');
			aza_buf__printf(&v->certs, "{%s,\"policy\":", k->item);
			aza_buf__add(&v->certs, p.p, p.len);
			aza_buf__addc(&v->certs, '}');
		}
		aza_buf__release(&p);
	}
	aza_arena__release(&ar);
	kcall_free(k);
	return 0;
}

/* Submits k (url: the page to read, else built from k's kind and name);
 * on success k belongs to the HTTP engine. */
static int submit(kcall *k, const char *url)
{
	kvault *v = k->v;
	char *built = NULL;
	if (!url) {
		char *esc = aza_http__escape(k->name);
		if (!esc)
			return AZA_ENOMEM;
		url = built = aza_coll__printf(v->c, "%s/%s/%s/%s?api-version=" KV_API, v->ep,
		                               k->kind == KC_KEY ? "keys" : "certificates", esc,
		                               k->kind == KC_KEY ? "rotationpolicy" : "policy");
		aza__free(esc);
		if (!url)
			return AZA_ENOMEM;
	}
	aza_hreq_opts o;
	memset(&o, 0, sizeof o);
	o.url = url;
	o.aud = AZA_AUD_KEYVAULT;
	o.cb = kv_cb;
	o.ud = k;
	o.drop = kcall_free;
	return aza_http__submit(aza_coll__http(v->c), &o);
}

static kvault *find(aza_collector *c, const char *id, size_t n)
{
	kvstate *s = state(c, 0);
	if (!s || !s->cap)
		return NULL;
	return s->tab[slot(s, id, n)];
}

void aza_keyvault__vault(aza_collector *c, const aza_json *item)
{
	if (!aza_coll__kv_on(c))
		return;
	int want_keys = aza_coll__wants(c, "Microsoft.KeyVault/vaults/keys");
	int want_certs = aza_coll__wants(c, "Microsoft.KeyVault/vaults");
	const char *id = aza_json_str(aza_json_get(item, "id"));
	const char *name = aza_json_str(aza_json_get(item, "name"));
	if (!id || !name || !*name || strchr(name, '/') || !(want_keys || want_certs))
		return;
	kvstate *s = state(c, 1);
	kvault *v = s ? aza__malloc(sizeof *v) : NULL;
	if (!v)
		return;
	memset(v, 0, sizeof *v);
	v->c = c;
	v->id = aza_coll__printf(c, "%s", id);
	v->name = aza_coll__printf(c, "%s", name);
	if (!v->id || !v->name || put(s, v)) {
		aza__free(v);
		return;
	}
	*s->tail = v;
	s->tail = &v->next;
	aza_buf__init(&v->keys, (size_t)1 << 28);
	aza_buf__init(&v->certs, (size_t)1 << 28);
	v->want_keys = want_keys;
	v->want_certs = want_certs;
	/* The endpoint is built from the vault's name and the cloud's suffix,
	 * never taken from properties.vaultUri: a token for the vault audience
	 * goes only to a Key Vault host, whatever a listing says. (A vault's
	 * DNS name is its name under the suffix, private link included.) */
	char fb[512];
	snprintf(fb, sizeof fb, "https://%s.%s", name, aza_coll__kv_suffix(c) ? aza_coll__kv_suffix(c) : "vault.azure.net");
	aza_dp__endpoint(v->ep, sizeof v->ep, aza_coll__kv_endpoint(c), "{vault}", name, fb);
	/* Vault names are letters, digits and hyphens: anything else cannot
	 * be a host label, and is not sent a token. */
	if (!*name || name[strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")])
		v->ep[0] = 0;
	if (!v->want_certs)
		return;
	if (!v->ep[0]) {
		list_error(v, 0, "no usable endpoint (https, or http to a loopback emulator)");
		return;
	}
	kcall *k = aza__malloc(sizeof *k);
	if (k) {
		memset(k, 0, sizeof *k);
		k->v = v;
		k->kind = KC_LIST;
		k->url = aza__malloc(strlen(v->ep) + 64);
		if (k->url)
			sprintf(k->url, "%s/certificates?api-version=" KV_API, v->ep);
	}
	if (!k || !k->url || submit(k, k->url)) {
		kcall_free(k);
		list_error(v, 0, "out of memory");
	}
}

void aza_keyvault__key(aza_collector *c, const aza_json *item)
{
	const char *id = aza_json_str(aza_json_get(item, "id"));
	const char *name = aza_json_str(aza_json_get(item, "name"));
	const char *p = id ? aza__istrstr(id, "/keys/") : NULL;
	if (!p || !name || !*name)
		return;
	kvault *v = find(c, id, (size_t)(p - id));
	if (!v || !v->want_keys)
		return;
	/* Resource Manager may name a key "vault/key". */
	const char *slash = strrchr(name, '/');
	if (slash)
		name = slash + 1;
	if (!*name)
		return;
	uint64_t h = aza__hash(name, strlen(name));
	for (size_t i = 0; i < v->nseen; i++)
		if (v->seen[i] == h)
			return; /* a page read again */
	if (v->nseen == v->capseen) {
		size_t cap = v->capseen ? v->capseen * 2 : 16;
		uint64_t *n = aza__realloc(v->seen, cap * sizeof *n);
		if (!n) {
			key_error(v, name, 0, "out of memory");
			return;
		}
		v->seen = n;
		v->capseen = cap;
	}
	v->seen[v->nseen++] = h;
	if (!v->ep[0]) {
		key_error(v, name, 0, "no usable endpoint (https, or http to a loopback emulator)");
		return;
	}
	kcall *k = aza__malloc(sizeof *k);
	if (k) {
		memset(k, 0, sizeof *k);
		k->v = v;
		k->kind = KC_KEY;
		k->name = aza__strdup(name);
	}
	if (!k || !k->name || submit(k, NULL)) {
		kcall_free(k);
		key_error(v, name, 0, "out of memory");
	}
}

void aza_keyvault__finish(aza_collector *c)
{
	kvstate *s = state(c, 0);
	for (kvault *v = s ? s->head : NULL; v; v = v->next) {
		aza_buf b;
		aza_buf__init(&b, (size_t)1 << 30);
		aza_buf__adds(&b, "{\"vault\":");
		aza_buf__json_str(&b, v->id);
		if (v->want_keys) {
			aza_buf__adds(&b, ",\"keys\":[");
			aza_buf__add(&b, v->keys.p ? v->keys.p : "", v->keys.len);
			aza_buf__addc(&b, ']');
		}
		if (v->want_certs && v->error) {
			/* The list may be partial: no certificates, only why. */
			aza_buf__adds(&b, ",\"error\":");
			aza_buf__json_str(&b, v->error);
		} else if (v->want_certs) {
			aza_buf__adds(&b, ",\"certificates\":[");
			aza_buf__add(&b, v->certs.p ? v->certs.p : "", v->certs.len);
			aza_buf__addc(&b, ']');
		}
		aza_buf__addc(&b, '}');
		if (b.oom || v->keys.oom || v->certs.oom)
			aza_coll__error(c, v->id, "dataplane/keyvault", "dataplane:keyvault", 0, "out of memory");
		else
			aza_coll__dataplane(c, "keyvault", b.p, b.len);
		aza_buf__release(&b);
	}
}

void aza_keyvault__free(void **st)
{
	kvstate *s = *st;
	if (!s)
		return;
	for (kvault *v = s->head; v;) {
		kvault *n = v->next;
		aza_buf__release(&v->keys);
		aza_buf__release(&v->certs);
		aza__free(v->seen);
		aza__free(v->error);
		aza__free(v);
		v = n;
	}
	aza__free(s->tab);
	aza__free(s);
	*st = NULL;
}
