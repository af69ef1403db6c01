/*
 * xml_test.c - the Storage XML subset parser: expected paths and texts on
 * real response shapes, rejection of what is outside the subset, and
 * random mutations and truncations of the samples (every read bounded; run
 * under `make asan` to check). Prints "N passed, M failed".
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

static void noop(void *ud, const char *path, const char *text)
{
	(void)ud;
	(void)path;
	if (text)
		(void)strlen(text);
}

int main(void)
{
	int rc;
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
		char *d = malloc(n);
		memcpy(d, src, n);
		s = s * 1103515245u + 12345u;
		int edits = 1 + (int)(s >> 16) % 4;
		for (int e = 0; e < edits; e++) {
			s = s * 1103515245u + 12345u;
			size_t at = (s >> 8) % n;
			s = s * 1103515245u + 12345u;
			static const char pick[] = "<>/&;#x![]-?\"' a0";
			d[at] = (s >> 20) & 1 ? pick[(s >> 8) % (sizeof pick - 1)] : (char)(s >> 12);
		}
		s = s * 1103515245u + 12345u;
		size_t len = (s >> 10) % 4 ? n : (s >> 12) % (n + 1);
		char *exact = malloc(len ? len : 1);
		memcpy(exact, d, len);
		total += aza_xml__walk(exact, len, noop, NULL) == 0;
		free(exact);
		free(d);
	}
	check(total > 0, "some mutations still parse");
	printf("%d passed, %d failed\n", pass, fail);
	return fail != 0;
}
