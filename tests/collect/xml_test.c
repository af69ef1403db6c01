/*
 * xml_test.c - the Storage XML subset parser: expected paths and texts on
 * real response shapes, rejection of what is outside the subset, and
 * random mutations and truncations of the samples (every read bounded; run
 * under `make asan` to check). Then what the storage collector writes of a
 * service properties response: only the Logging members the XML holds,
 * values that are not of their type as strings, and an error for a
 * document that is not the documented one. Prints "N passed, M failed".
 */
#include "collect/collect.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int pass, fail;

static void check(int ok, const char *what)
{
	if (ok)
		pass++;
	else {
		fail++;
		printf("FAIL %s\n", what);
	}
}

typedef struct rec {
	char out[4096];
	size_t len;
} rec;

static void record(void *ud, const char *path, const char *text)
{
	rec *r = ud;
	int n = snprintf(r->out + r->len, sizeof r->out - r->len, "%s=%s;", path, text ? text : "(children)");
	if (n > 0 && (size_t)n < sizeof r->out - r->len)
		r->len += (size_t)n;
}

static const char *walk(const char *doc, int *rc)
{
	static rec r;
	memset(&r, 0, sizeof r);
	*rc = aza_xml__walk(doc, strlen(doc), record, &r);
	return r.out;
}

static const char *props =
	"\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?><StorageServiceProperties><Logging><Version>1.0</Version>"
	"<Read>true</Read><Write>false</Write><Delete>true</Delete><RetentionPolicy><Enabled>true</Enabled><Days>7</Days>"
	"</RetentionPolicy></Logging><Cors /></StorageServiceProperties>";
static const char *list =
	"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<EnumerationResults ServiceEndpoint=\"https://a.blob.core.windows.net/\">"
	"<Containers><Container><Name>a&amp;b</Name><Properties><Etag>&quot;0x8D&quot;</Etag><PublicAccess>container"
	"</PublicAccess></Properties></Container><Container><Name><![CDATA[c<d]]></Name><Properties/></Container>"
	"</Containers><NextMarker>m&#49;&#x32;</NextMarker><!-- x --></EnumerationResults>";

/* What the collector writes of a service properties body: the members (or
 * "ERROR: why"), and whether "{\"a\":1" + members + "}" is valid JSON. */
static const char *props_json(const char *doc, size_t n, int *valid)
{
	static char out[2048];
	char why[200];
	aza_buf b;
	aza_buf__init(&b, 1 << 16);
	aza_buf__adds(&b, "{\"a\":1");
	if (aza_storage__props_json(doc, n, &b, why, sizeof why)) {
		snprintf(out, sizeof out, "ERROR: %s", why);
		*valid = 1;
	} else {
		aza_buf__addc(&b, '}');
		snprintf(out, sizeof out, "%.*s", (int)(b.len - 7), b.p + 6);
		aza_arena ar;
		aza_arena__init(&ar);
		aza_json *j;
		aza_jerr je;
		*valid = !b.oom && !aza_json__parse_all(&ar, b.p, b.len, &j, &je);
		aza_arena__release(&ar);
	}
	aza_buf__release(&b);
	return out;
}

/* A service properties document whose Logging holds `logging`. */
static const char *svc_props(const char *logging)
{
	static char doc[4096];
	snprintf(doc, sizeof doc, "<?xml version=\"1.0\" encoding=\"utf-8\"?><StorageServiceProperties>%s<HourMetrics><Version>1.0</Version>"
	                          "<Enabled>false</Enabled></HourMetrics><Cors /></StorageServiceProperties>", logging);
	return doc;
}

static void check_props(const char *logging, const char *want, const char *what)
{
	int valid;
	const char *doc = svc_props(logging);
	const char *got = props_json(doc, strlen(doc), &valid);
	int ok = valid && (!strncmp(want, "ERROR: ", 7) ? !strncmp(got, want, strlen(want)) : !strcmp(got, want));
	check(ok, what);
	if (!ok)
		printf("  got  %s\n  want %s\n", got, want);
}

/* A copy of src (n bytes, freed by the caller) with 1 to max_edits bytes
 * replaced, drawn from the generator state *s: half from pick, half any
 * byte. */
static char *mutated(const char *src, size_t n, unsigned *s, int max_edits, const char *pick)
{
	char *d = malloc(n);
	memcpy(d, src, n);
	*s = *s * 1103515245u + 12345u;
	int edits = 1 + (int)(*s >> 16) % max_edits;
	for (int e = 0; e < edits; e++) {
		*s = *s * 1103515245u + 12345u;
		size_t at = (*s >> 8) % n;
		*s = *s * 1103515245u + 12345u;
		d[at] = (*s >> 20) & 1 ? pick[(*s >> 8) % strlen(pick)] : (char)(*s >> 12);
	}
	return d;
}

static void noop(void *ud, const char *path, const char *text)
{
	(void)ud;
	(void)path;
	if (text)
		(void)strlen(text);
}

/* Which endpoints a listing names get a token (aza_dp__host_under). */
static void host_checks(void)
{
	static const struct {
		const char *url, *dom;
		int ok;
	} c[] = {
		{"https://acct.blob.core.windows.net/", "core.windows.net", 1},
		{"https://ACCT.BLOB.CORE.WINDOWS.NET", "core.windows.net", 1},
		{"https://acct.z01.blob.storage.azure.net/", "storage.azure.net", 1},
		{"https://acct.blob.core.windows.net:443/x", "core.windows.net", 1},
		{"https://core.windows.net/", "core.windows.net", 0},
		{"https://evilcore.windows.net/", "core.windows.net", 0},
		{"https://evil.example.com/acct.blob.core.windows.net", "core.windows.net", 0},
		{"https://evil.example.com?x=.core.windows.net", "core.windows.net", 0},
		{"https://acct.blob.core.windows.net@evil.example.com/", "core.windows.net", 0},
		{"https://user@acct.blob.core.windows.net/", "core.windows.net", 0},
		{"https://acct.blob.core.windows.net.evil.example.com/", "core.windows.net", 0},
		{"acct.blob.core.windows.net", "core.windows.net", 0},
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		char what[200];
		snprintf(what, sizeof what, "host of %s under %s: %d", c[i].url, c[i].dom, c[i].ok);
		check(aza_dp__host_under(c[i].url, c[i].dom) == c[i].ok, what);
	}
}

int main(void)
{
	int rc;
	host_checks();
	const char *o = walk(props, &rc);
	check(rc == 0, "service properties parse");
	check(strstr(o, "StorageServiceProperties/Logging/Read=true;") != NULL, "Logging/Read");
	check(strstr(o, "StorageServiceProperties/Logging/Write=false;") != NULL, "Logging/Write");
	check(strstr(o, "StorageServiceProperties/Logging/RetentionPolicy/Days=7;") != NULL, "RetentionPolicy/Days");
	check(strstr(o, "StorageServiceProperties/Logging=(children);") != NULL, "parent reported with children");
	check(strstr(o, "StorageServiceProperties/Cors=;") != NULL, "self-closing element");
	o = walk(list, &rc);
	check(rc == 0, "container list parse");
	check(strstr(o, "Container/Name=a&b;") != NULL, "entity");
	check(strstr(o, "Container/Name=c<d;") != NULL, "CDATA");
	check(strstr(o, "PublicAccess=container;") != NULL, "PublicAccess");
	check(strstr(o, "EnumerationResults/NextMarker=m12;") != NULL, "numeric references");
	static const char *bad[] = {
		"", "<", "<a>", "<a></b>", "<a><b></a></b>", "<a/><b/>", "text", "<a>&bogus;</a>", "<a>&#0;</a>",
		"<a>&#x110000;</a>", "<!DOCTYPE a><a/>", "<a><![CDATA[x</a>", "<a><!-- x</a>", "<a b=\"></a>",
		"<a>&#xD800;</a>", "</a>", "<a><b/></a>x", "< a/>",
		"<a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a></a></a></a></a></a></a></a></a></a></a></a></a></a></a>"
		"</a></a></a>",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		walk(bad[i], &rc);
		char what[160];
		snprintf(what, sizeof what, "rejects %.100s", bad[i]);
		check(rc == -1, what);
	}
	/* Long text is reported as NULL, not an error. */
	char *big = malloc(20000);
	strcpy(big, "<a><b>");
	memset(big + 6, 'x', 10000);
	strcpy(big + 10006, "</b></a>");
	o = walk(big, &rc);
	check(rc == 0 && strstr(o, "a/b=(children);"), "long text");
	free(big);
	/* Mutations and truncations: no crash, no read past the end (the
	 * input is copied into an exact-size buffer). */
	unsigned s = 12345;
	size_t total = 0;
	for (int round = 0; round < 100000; round++) {
		const char *src = round & 1 ? props : list;
		size_t n = strlen(src);
		char *d = mutated(src, n, &s, 4, "<>/&;#x![]-?\"' a0");
		s = s * 1103515245u + 12345u;
		size_t len = (s >> 10) % 4 ? n : (s >> 12) % (n + 1);
		char *exact = malloc(len ? len : 1);
		memcpy(exact, d, len);
		total += aza_xml__walk(exact, len, noop, NULL) == 0;
		free(exact);
		free(d);
	}
	check(total > 0, "some mutations still parse");

	/* The Logging element as Get Blob/Queue/Table Service Properties
	 * document it: Version, Delete, Read, Write, RetentionPolicy. */
	check_props("<Logging><Version>1.0</Version><Delete>true</Delete><Read>true</Read><Write>false</Write><RetentionPolicy><Enabled>true"
	            "</Enabled><Days>7</Days></RetentionPolicy></Logging>",
	            ",\"logging\":{\"version\":\"1.0\",\"read\":true,\"write\":false,\"delete\":true,\"retentionPolicy\":{\"enabled\":true,\"days\":7}}",
	            "props: every member");
	check_props("<Logging><Version>1.0</Version><Delete>false</Delete><Read>false</Read><Write>false</Write><RetentionPolicy><Enabled>false"
	            "</Enabled></RetentionPolicy></Logging>",
	            ",\"logging\":{\"version\":\"1.0\",\"read\":false,\"write\":false,\"delete\":false,\"retentionPolicy\":{\"enabled\":false}}",
	            "props: logging off, no Days");
	/* A missing element is not false: nothing is written for it. */
	check_props("<Logging><Version>1.0</Version><Delete>true</Delete><Write>true</Write></Logging>",
	            ",\"logging\":{\"version\":\"1.0\",\"write\":true,\"delete\":true}", "props: Read missing");
	check_props("<Logging><Version>1.0</Version><RetentionPolicy /></Logging>", ",\"logging\":{\"version\":\"1.0\",\"retentionPolicy\":{}}",
	            "props: Read, Write and Delete missing");
	check_props("<Logging />", ",\"logging\":{}", "props: empty Logging");
	check_props("", "", "props: no Logging element, no logging member");
	/* A value that is not of its type is recorded as it is, never as false. */
	check_props("<Logging><Read>yes</Read><Write>TRUE</Write><Delete /><RetentionPolicy><Enabled>1</Enabled><Days>-1</Days></RetentionPolicy>"
	            "</Logging>",
	            ",\"logging\":{\"read\":\"yes\",\"write\":true,\"delete\":\"\",\"retentionPolicy\":{\"enabled\":\"1\",\"days\":\"-1\"}}",
	            "props: values of another type");
	check_props("<Logging><Read> true</Read><Delete>fal&#x73;e</Delete><RetentionPolicy><Days>007</Days></RetentionPolicy></Logging>",
	            ",\"logging\":{\"read\":\" true\",\"delete\":false,\"retentionPolicy\":{\"days\":7}}", "props: spaces, references, zeros");
	check_props("<Logging><Read>\"\xC3\xA9\\xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</Read><RetentionPolicy><Days>1000000</Days></RetentionPolicy>"
	            "</Logging>",
	            ",\"logging\":{\"read\":\"\\\"??\\\\xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\",\"retentionPolicy\":{\"days\":\"1000000\"}}",
	            "props: long and non-ASCII text, a number out of range");
	/* Not the documented document: an error, not a guess. */
	check_props("<Logging><Read>true</Read><Read>false</Read></Logging>", "ERROR: Logging/Read appears twice", "props: Read twice");
	check_props("<Logging><Read>true</Read></Logging><Logging><Version>1.0</Version></Logging>", "ERROR: Logging appears twice",
	            "props: Logging twice");
	check_props("<Logging><Write><Value>true</Value></Write></Logging>", "ERROR: Logging/Write holds elements", "props: Write with elements");
	check_props("<Logging><RetentionPolicy><Days>1</Days></RetentionPolicy><RetentionPolicy /></Logging>",
	            "ERROR: Logging/RetentionPolicy appears twice", "props: RetentionPolicy twice");
	int valid;
	static const char err_doc[] = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthorizationFailure</Code></Error>";
	check(!strcmp(props_json(err_doc, strlen(err_doc), &valid), "ERROR: the root element is Error, not StorageServiceProperties"),
	      "props: another root element");
	check(!strncmp(props_json("<StorageServiceProperties>", 26, &valid), "ERROR: not XML", 14), "props: not XML");
	/* Mutations: never a read out of bounds, and always valid JSON. */
	size_t invalid = 0;
	s = 4321;
	for (int round = 0; round < 20000; round++) {
		size_t n = strlen(props);
		char *d = mutated(props, n, &s, 3, "<>/&;#x![]\"' a0tf");
		props_json(d, n, &valid);
		invalid += !valid;
		free(d);
	}
	check(invalid == 0, "props: mutated documents give valid JSON");
	printf("%d passed, %d failed\n", pass, fail);
	return fail != 0;
}
