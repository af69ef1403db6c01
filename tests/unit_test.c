/*
 * unit_test.c - table-driven tests of the JSON parser and accessors, and
 * of the buffer appends reports are made of.
 */
#include <dirent.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/internal.h"
#include "lib/msgs.h"
#include "lib/scan.h"

static int passed, failed;

#define CHECK(cond, ...)                              \
	do {                                              \
		if (cond) {                                   \
			passed++;                                 \
		} else {                                      \
			failed++;                                 \
			printf("FAIL %s:%d: ", __FILE__, __LINE__); \
			printf(__VA_ARGS__);                      \
			printf("\n");                             \
		}                                             \
	} while (0)

static const struct {
	const char *in;
	int ok;
	const char *what; /* expected error text when !ok */
} parse_cases[] = {
	{"{}", 1, NULL},
	{"[1, 2.5, -3e2, true, false, null, \"x\"]", 1, NULL},
	{"{\"a\": {\"b\": [1, {\"c\": \"d\"}]}}", 1, NULL},
	/* white space: none, one space (skip_ws's inline cases), runs of it, at the ends */
	{"[1,2 ,  3,\r\n\t4 ]", 1, NULL},
	{" {\"a\" :1, \"b\":\t2} ", 1, NULL},
	{"[1, /2]", 0, "unexpected character"},
	{"{\"a\": 1,}", 0, "trailing comma"},
	{"{\"a\" 1}", 0, "expected ':'"},
	{"{\"a\": 1, \"A\": 2}", 0, "duplicate key"},
	{"[01]", 0, "expected ','"},
	{"\"\\ud800\"", 0, "surrogate"},
	{"\"\xff\"", 0, "invalid UTF-8"},
	{"\"a\x01\"", 0, "control character"},
	{"tru", 0, "unexpected end"},
	{"[1 2]", 0, "expected ','"},
	{"{\"a\": \"\\u00e9\\ud83d\\ude00\"}", 1, NULL},
	{"\"\\u0000\"", 0, "NUL"},
	{"", 0, "unexpected end"},
	{"[] x", 0, "after the JSON value"},
};

static void test_parse(void)
{
	for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++) {
		aza_arena a;
		aza_arena__init(&a);
		aza_json *j = NULL;
		aza_jerr e;
		memset(&e, 0, sizeof e);
		int rc = aza_json__parse_all(&a, parse_cases[i].in, strlen(parse_cases[i].in), &j, &e);
		if (parse_cases[i].ok)
			CHECK(rc == 0, "case %zu '%s' should parse: %s", i, parse_cases[i].in, rc ? e.what : "");
		else
			CHECK(rc != 0 && e.what && strstr(e.what, parse_cases[i].what), "case %zu '%s' should fail with '%s', got '%s'",
			      i, parse_cases[i].in, parse_cases[i].what, rc ? e.what : "success");
		aza_arena__release(&a);
	}
}

/* The lenient mode (template json()): what Json.NET reads beyond JSON,
 * written back as strict JSON, and what it still refuses. */
static const struct {
	const char *in;
	const char *out;  /* aza_json__write of the result, or NULL: an error */
	const char *what; /* expected error text when out is NULL */
} lenient_cases[] = {
	{"{'a': 'b'}", "{\"a\":\"b\"}", NULL},
	{"['it\\'s', \"it's\", 'say \"hi\"', \"\\'\"]", "[\"it's\",\"it's\",\"say \\\"hi\\\"\",\"'\"]", NULL},
	{"{a: 1, $b_2: 'x', 3: true}", "{\"a\":1,\"$b_2\":\"x\",\"3\":true}", NULL},
	{"{a : 1}", "{\"a\":1}", NULL},
	{"[1, 2,]", "[1,2]", NULL},
	{"{'a': [1,], }", "{\"a\":[1]}", NULL},
	{"// lead\n/* x */ {/**/'a' /* k */: // v\n 1 /* , */}// tail", "{\"a\":1}", NULL},
	{"[1, // to the end of the line\r2]", "[1,2]", NULL},
	{"'tab\there\nnewline'", "\"tab\\there\\nnewline\"", NULL},
	{"'caf\xc3\xa9 \\u00e9'", "\"caf\xc3\xa9 \xc3\xa9\"", NULL},
	{"{\"a\": 1}", "{\"a\":1}", NULL},
	/* still refused */
	{"[1,,2]", NULL, "unexpected character"},
	{"[,]", NULL, "unexpected character"},
	{"{,}", NULL, "expected a string key"},
	{"[1,]]", NULL, "after the JSON value"},
	{"{'a': 1, 'A': 2}", NULL, "duplicate key"},
	{"{a: 1, a: 2}", NULL, "duplicate key"},
	{"{a-b: 1}", NULL, "unquoted property name"},
	{"{caf\xc3\xa9: 1}", NULL, "non-ASCII"},
	{"{a", NULL, "unexpected end"},
	{"'abc", NULL, "unexpected end"},
	{"'\xff'", NULL, "invalid UTF-8"},
	{"'\\x'", NULL, "bad escape"},
	{"'\\ud800'", NULL, "surrogate"},
	{"[1 /* open", NULL, "comment not closed"},
	{"[1] /* open", NULL, "comment not closed"},
	{"[1] / 2", NULL, "after the JSON value"},
	{"[01]", NULL, "expected ','"},
	{"NaN", NULL, "unexpected character"},
	{"undefined", NULL, "unexpected character"},
};

static void test_lenient(void)
{
	for (size_t i = 0; i < sizeof lenient_cases / sizeof lenient_cases[0]; i++) {
		aza_arena a;
		aza_arena__init(&a);
		aza_json *j = NULL;
		aza_jerr e;
		memset(&e, 0, sizeof e);
		const char *in = lenient_cases[i].in;
		int rc = aza_json__parse_all_lenient(&a, in, strlen(in), &j, &e);
		if (lenient_cases[i].out) {
			aza_buf b;
			aza_buf__init(&b, 0);
			if (!rc)
				aza_json__write(&b, j);
			CHECK(rc == 0 && b.len == strlen(lenient_cases[i].out) && !memcmp(b.p, lenient_cases[i].out, b.len),
			      "lenient case %zu '%s' should give %s, got %s", i, in, lenient_cases[i].out,
			      rc ? e.what : b.p ? b.p : "");
			aza_buf__release(&b);
		} else {
			CHECK(rc != 0 && e.what && strstr(e.what, lenient_cases[i].what) && e.off <= strlen(in),
			      "lenient case %zu '%s' should fail with '%s', got '%s'", i, in, lenient_cases[i].what,
			      rc ? e.what : "success");
		}
		aza_arena__release(&a);
	}
	/* The strict parser is unchanged: none of the extensions. */
	static const char *const strict_refuses[] = {"{'a': 1}", "{a: 1}", "[1,]", "[1 /* c */]", "\"\\'\"", "\"a\tb\""};
	for (size_t i = 0; i < sizeof strict_refuses / sizeof strict_refuses[0]; i++) {
		aza_arena a;
		aza_arena__init(&a);
		aza_json *j = NULL;
		aza_jerr e;
		CHECK(aza_json__parse_all(&a, strict_refuses[i], strlen(strict_refuses[i]), &j, &e) != 0,
		      "the strict parser refuses '%s'", strict_refuses[i]);
		aza_arena__release(&a);
	}
	/* Positions: an error's offset is where the input went wrong. */
	{
		aza_arena a;
		aza_arena__init(&a);
		aza_json *j = NULL;
		aza_jerr e;
		const char *in = "{'a': 1 'b': 2}";
		CHECK(aza_json__parse_all_lenient(&a, in, strlen(in), &j, &e) != 0 && e.off == 8,
		      "missing comma reported at offset 8, got %zu", e.off);
		in = "[1, /* never closed";
		CHECK(aza_json__parse_all_lenient(&a, in, strlen(in), &j, &e) != 0 && e.off == 4,
		      "an open comment is reported where it starts, got %zu", e.off);
		aza_arena__release(&a);
	}
	/* The same limits: depth. */
	{
		char buf[20001];
		memset(buf, '[', 10000);
		memset(buf + 10000, ']', 10000);
		buf[20000] = 0;
		aza_arena a;
		aza_arena__init(&a);
		aza_json *j;
		aza_jerr e;
		CHECK(aza_json__parse_all_lenient(&a, buf, 20000, &j, &e) == AZA_ELIMIT && strstr(e.what, "nesting"),
		      "lenient: 10,000-deep nesting must hit the depth limit");
		aza_arena__release(&a);
	}
}

static void test_depth(void)
{
	char buf[20001];
	memset(buf, '[', 10000);
	memset(buf + 10000, ']', 10000);
	buf[20000] = 0;
	aza_arena a;
	aza_arena__init(&a);
	aza_json *j;
	aza_jerr e;
	int rc = aza_json__parse_all(&a, buf, 20000, &j, &e);
	CHECK(rc == AZA_ELIMIT && strstr(e.what, "nesting"), "10,000-deep nesting must hit the depth limit");
	aza_arena__release(&a);
}

static void test_accessors(void)
{
	const char *doc = "{\"Properties\": {\"networkAcls\": {\"defaultAction\": \"Deny\"}, \"flag\": \"True\","
	                  " \"n\": \"42\", \"arr\": [\"x\", \"Y\"]}}";
	aza_arena a;
	aza_arena__init(&a);
	aza_json *j;
	aza_jerr e;
	CHECK(aza_json__parse_all(&a, doc, strlen(doc), &j, &e) == 0, "accessor doc parses");
	CHECK(aza_json_streq(aza_json_path(j, "properties.NETWORKACLS.defaultaction"), "deny"),
	      "paths and values compare case-insensitively");
	int b = 0;
	CHECK(aza_json_bool(aza_json_path(j, "properties.flag"), &b) && b == 1, "string booleans read as booleans");
	double d = 0;
	CHECK(aza_json_num(aza_json_path(j, "properties.n"), &d) && d == 42, "numeric strings read as numbers");
	CHECK(aza_json_has_str(aza_json_path(j, "properties.arr"), "y"), "has_str is case-insensitive");
	CHECK(aza_json_streq(aza_json_path(j, "properties.arr.1"), "Y"), "array index in a path");
	CHECK(aza_json_path(j, "properties.missing.x") == NULL, "missing path is NULL");
	unsigned long line, col;
	aza_json__linecol("a\nbc\nd", 6, 4, &line, &col);
	CHECK(line == 2 && col == 3, "line/column of an offset (got %lu:%lu)", line, col);
	aza_arena__release(&a);
}

static void test_glob(void)
{
	CHECK(aza__glob("AZA-STG-*", "aza-stg-001"), "glob is case-insensitive");
	CHECK(!aza__glob("AZA-STG-00?", "AZA-STG-0101"), "? matches one character");
	CHECK(aza__glob("*", ""), "* matches empty");
}

/* The reference: ASCII letters fold, nothing else does. */
static int ref_strnieq(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int x = (unsigned char)a[i], y = (unsigned char)b[i];
		x += x >= 'A' && x <= 'Z' ? 32 : 0;
		y += y >= 'A' && y <= 'Z' ? 32 : 0;
		if (x != y)
			return 0;
		if (!x)
			return 1;
	}
	return 1;
}

static void test_strieq(void)
{
	const char *id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/RG/providers/"
	                 "Microsoft.Network/networkSecurityGroups/nsg-web-01";
	char up[256];
	size_t n = strlen(id);
	for (size_t i = 0; i <= n; i++)
		up[i] = (char)(id[i] >= 'a' && id[i] <= 'z' ? id[i] - 32 : id[i]);
	CHECK(aza__strieq(id, up), "ids equal but for case are equal");
	CHECK(!aza__strieq(id, "/subscriptions/00000000-0000-0000-0000-000000000000"), "a prefix is not equal");
	CHECK(!aza__strieq("\xc3\x89", "\xc3\xa9"), "bytes above ASCII do not fold");
	CHECK(!aza__strieq("[", "{") && !aza__strieq("@", "`"), "only letters fold");
	CHECK(!aza__strieq(NULL, "a") && !aza__strieq("a", NULL), "NULL equals nothing");
	CHECK(aza__strieq("", "") && !aza__strieq("", "a"), "empty strings");
	CHECK(aza__strnieq("Microsoft.Web/sites/slots", "microsoft.web/SITES", 19), "strnieq compares n bytes");
	CHECK(aza__strnieq("abc", "ABC", 10), "strnieq stops at the end of both");
	CHECK(!aza__strnieq("abc", "ABCD", 10), "strnieq: one ends first");
	CHECK(aza__strnieq("x", "y", 0), "strnieq of no bytes");
	/* Random strings against the reference, with letters, their other
	 * case, punctuation next to the letters and bytes above ASCII. */
	const char pool[] = "aAzZmM@[`{/-.09\x80\xc3\xa9\xff";
	unsigned seed = 12345, bad = 0;
	for (int t = 0; t < 20000; t++) {
		char a[40], b[40];
		size_t la = (seed = seed * 1103515245u + 12345u) >> 16 & 31, lb = la;
		if ((seed >> 8 & 7) == 0)
			lb = (seed >> 11) & 31;
		for (size_t i = 0; i < la; i++)
			a[i] = pool[((seed = seed * 1103515245u + 12345u) >> 16) % (sizeof pool - 1)];
		for (size_t i = 0; i < lb; i++) {
			seed = seed * 1103515245u + 12345u;
			char c = i < la ? a[i] : pool[(seed >> 16) % (sizeof pool - 1)];
			if ((seed >> 20 & 3) == 0 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
				c ^= 32;
			else if ((seed >> 22 & 15) == 0)
				c = pool[(seed >> 24) % (sizeof pool - 1)];
			b[i] = c;
		}
		a[la] = b[lb] = 0;
		size_t k = seed >> 26 & 31;
		if (aza__strieq(a, b) != ref_strnieq(a, b, SIZE_MAX) || aza__strnieq(a, b, k) != ref_strnieq(a, b, k))
			bad++;
	}
	CHECK(bad == 0, "aza__strieq and aza__strnieq agree with the reference (%u of 20000 differ)", bad);
	/* The order: the sign of a comparison of the folded bytes. */
	CHECK(aza__stricmp("/subscriptions/A/x", "/SUBSCRIPTIONS/a/Y") < 0 && aza__stricmp("b", "A") > 0 &&
	      aza__stricmp("abc", "ABC") == 0 && aza__stricmp("ab", "abc") < 0 && aza__stricmp("[", "a") < 0 &&
	      aza__stricmp("_", "a") < 0 && aza__stricmp("\xc3\xa9", "\xc3\x89") > 0,
	      "aza__stricmp orders as the folded bytes do");
}

/* Regression: a dropped resource of a new type gave its arena memory back
 * while the type registry still pointed into it. */
static void test_dropped_types(void)
{
	static const char in[] =
		"[{\"id\": \"/subscriptions/s1/resourceGroups/r/providers/Microsoft.Nope/a/x1\"},\n"
		" {\"id\": \"/subscriptions/s1/resourceGroups/r/providers/Microsoft.Nope/b/x2\"},\n"
		" {\"id\": \"/subscriptions/s1/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/st\",\n"
		"  \"properties\": {\"supportsHttpsTrafficOnly\": true}},\n"
		" {\"id\": \"/subscriptions/s1/resourceGroups/r/providers/Microsoft.Nope/a/x3\"}]";
	aza_ctx *ctx = aza_ctx_new();
	aza_scan *s = aza_scan_new(ctx);
	int rc = aza_scan_add_buffer(s, "t.json", in, sizeof in - 1);
	CHECK(rc == 0, "resources of unknown types are dropped: %s", aza_errmsg(ctx));
	CHECK(aza_scan_run(s) == 0, "scan runs");
	aza_scan_stats st;
	aza_scan_stats_get(s, &st);
	CHECK(st.resources == 4 && st.resources_known == 1 && st.unknown_types == 2,
	      "stats after dropping: %zu read, %zu kept, %zu unknown types", st.resources, st.resources_known,
	      st.unknown_types);
	aza_scan_free(s);
	aza_ctx_free(ctx);
}

static size_t sunk;
static int sink_count(void *ud, const char *p, size_t n)
{
	(void)ud;
	(void)p;
	sunk += n;
	return 0;
}
static int sink_fail(void *ud, const char *p, size_t n)
{
	(void)ud;
	(void)p;
	(void)n;
	return -1;
}

/* The buffer appends reports are made of: escaping, integers, the
 * maximum and the sink. */
static void test_buf(void)
{
	static const struct {
		const char *in, *out;
	} esc[] = {
		{"", "\"\""},
		{"plain text", "\"plain text\""},
		{"q\"uote", "\"q\\\"uote\""},
		{"back\\slash", "\"back\\\\slash\""},
		{"\n\r\tx", "\"\\n\\r\\tx\""},
		{"a\x01" "b\x1f\x7f", "\"a\\u0001b\\u001f\\u007f\""},
		{"caf\xc3\xa9 \xe2\x82\xac", "\"caf\xc3\xa9 \xe2\x82\xac\""},
		{"end\"", "\"end\\\"\""},
	};
	for (size_t i = 0; i < sizeof esc / sizeof esc[0]; i++) {
		aza_buf b;
		aza_buf__init(&b, 0);
		aza_buf__json_str(&b, esc[i].in);
		CHECK(b.p && !strcmp(b.p, esc[i].out), "json_str case %zu: got %s", i, b.p ? b.p : "(null)");
		b.len = 0;
		aza_buf__json_strn(&b, esc[i].in, strlen(esc[i].in));
		CHECK(b.p && !strcmp(b.p, esc[i].out), "json_strn case %zu: got %s", i, b.p ? b.p : "(null)");
		aza_buf__release(&b);
	}
	aza_buf b;
	aza_buf__init(&b, 0);
	aza_buf__json_str(&b, NULL);
	aza_buf__json_strn(&b, "a\0b", 3);
	CHECK(b.p && !strcmp(b.p, "\"\"\"a\\u0000b\""), "json_str NULL / strn NUL: got %s", b.p ? b.p : "(null)");
	b.len = 0;
	aza_buf__addu(&b, 0);
	aza_buf__addc(&b, ' ');
	aza_buf__addu(&b, 18446744073709551615ull);
	aza_buf__addc(&b, ' ');
	aza_buf__addi(&b, -1);
	aza_buf__addc(&b, ' ');
	aza_buf__addi(&b, -9223372036854775807ll - 1);
	aza_buf__addc(&b, ' ');
	aza_buf__lit(&b, "lit");
	CHECK(b.p && !strcmp(b.p, "0 18446744073709551615 -1 -9223372036854775808 lit"), "integers: got %s",
	      b.p ? b.p : "(null)");
	aza_buf__release(&b);

	/* The maximum holds on the inline path too. */
	aza_buf__init(&b, 300);
	int rc = 0;
	for (int i = 0; i < 300 && !rc; i++)
		rc = aza_buf__addc(&b, 'x');
	CHECK(rc == 0 && b.len == 300, "300 bytes fit a 300-byte buffer (rc %d, len %zu)", rc, b.len);
	CHECK(b.cap <= 301, "capacity %zu beyond the maximum", b.cap);
	rc = aza_buf__addc(&b, 'y');
	CHECK(rc == AZA_ELIMIT && b.oom && b.len == 300, "byte 301: rc %d, oom %d, len %zu", rc, b.oom, b.len);
	aza_buf__release(&b);

	/* A sink takes full chunks; what the last append added stays. */
	aza_buf__init(&b, 0);
	b.sink = sink_count;
	sunk = 0;
	char chunk[4096];
	memset(chunk, 'z', sizeof chunk);
	for (int i = 0; i < 600; i++)
		aza_buf__add(&b, chunk, sizeof chunk);
	CHECK(!b.oom && sunk + b.len == 600 * sizeof chunk && sunk >= AZA_BUF_FLUSH && b.len >= sizeof chunk,
	      "sink: %zu sunk, %zu kept", sunk, b.len);
	aza_buf__release(&b);
	aza_buf__init(&b, 0);
	b.sink = sink_fail;
	rc = 0;
	for (int i = 0; i < 600 && !rc; i++)
		rc = aza_buf__add(&b, chunk, sizeof chunk);
	CHECK(rc == AZA_EIO && b.oom && b.sink_err, "failing sink: rc %d", rc);
	aza_buf__release(&b);
}

/* aza__vfmt against vsnprintf: the same bytes and return value, for the
 * conversions it formats itself, the ones it hands on, and truncation. */
static void fmt_case(size_t cap, const char *fmt, ...) AZA_PRINTF(2, 3);
static void fmt_case(size_t cap, const char *fmt, ...)
{
	char want[256], got[256];
	va_list a, b;
	va_start(a, fmt);
	va_copy(b, a);
	memset(want, 'x', sizeof want);
	memset(got, 'x', sizeof got);
	int rw = vsnprintf(want, cap, fmt, a);
	int rg = aza__vfmt(got, cap, fmt, b);
	va_end(a);
	va_end(b);
	CHECK(rw == rg && memcmp(want, got, sizeof want) == 0, "aza__vfmt(cap %zu, \"%s\"): '%.*s' (%d), want '%.*s' (%d)",
	      cap, fmt, (int)(cap ? cap : 1), got, rg, (int)(cap ? cap : 1), want, rw);
}

static void test_fmt(void)
{
	const char *volatile nul = NULL; /* glibc prints "(null)"; volatile keeps gcc from objecting */
	fmt_case(256, "plain text");
	fmt_case(256, "%s and %s", "one", "two");
	fmt_case(256, "rule %s (priority %d) allows %s from %s", "AllowSSH", 100, "TCP 22", "Internet");
	fmt_case(256, "%d %d %d", 0, -1, -2147483647 - 1);
	fmt_case(256, "%u %ld %ld %lu %zu", 4294967295u, -9223372036854775807L - 1, 42L, 18446744073709551615ul,
	         (size_t)123456789);
	fmt_case(256, "%.*s|%.*s|%.*s", 3, "abcdef", 0, "abc", 10, "ab");
	fmt_case(256, "%c%c 100%%", 'o', 'k');
	fmt_case(256, "%s", nul);
	/* handed on to vsnprintf */
	fmt_case(256, "%.0f days, %2d, %4d, %.2f, %x", 89.6, 7, 42, 0.125, 255u);
	fmt_case(256, "%s then %.0f", "mixed", 1.5);
	/* truncation, in the fast path and at every boundary */
	for (size_t cap = 0; cap < 24; cap++)
		fmt_case(cap, "key '%s' expires in %d days", "signing", 30);
	fmt_case(5, "%s", "longer than five");
	fmt_case(1, "%d", 12345);
}

/* The inventory's word-at-a-time hash ignores ASCII case and nothing else:
 * every byte value at every position of a word and of the tail. */
static void test_ihash(void)
{
	int same = 1, apart = 1;
	for (int pos = 0; pos < 11; pos++)
		for (int c = 1; c < 256; c++) {
			char a[12] = "abcdefghijk", b[12];
			a[pos] = (char)c;
			memcpy(b, a, sizeof a);
			int low = c >= 'A' && c <= 'Z' ? c + 32 : c;
			b[pos] = (char)low;
			if (aza__ihash_fast(a, 11) != aza__ihash_fast(b, 11))
				same = 0;
			/* a byte that is not the same letter must change the hash */
			b[pos] = (char)(low == 'q' ? 'r' : 'q');
			if (low != 'q' && low != 'r' && aza__ihash_fast(a, 11) == aza__ihash_fast(b, 11))
				apart = 0;
		}
	CHECK(same, "aza__ihash_fast: upper and lower case hash alike");
	CHECK(apart, "aza__ihash_fast: other bytes hash apart");
	CHECK(aza__ihash_fast("/subscriptions/X/resourceGroups/RG", 34) ==
	          aza__ihash_fast("/SUBSCRIPTIONS/x/resourcegroups/rg", 34),
	      "aza__ihash_fast on an id");
}

/* aza_json__members finds what aza_json_get finds, for keys that share a
 * length, some bytes or a prefix, differ in case, or differ only outside
 * ASCII; aza_json__take has aza_json_get's effect on the last value read. */
static void test_members(void)
{
	const char *doc = "{\"destinationPortRange\": 1, \"DestinationAddressPrefix\": 2, \"aXbYc\": 3,"
	                  " \"\u00c9t\u00c9\": 4, \"sourcePortRanges\": 5, \"\": 6}";
	static const char *const keys[] = {"destinationPortRange", "destinationaddressprefix", "destinationPortRanges",
	                                   "aZbWc", "AXBYC", "\u00e9t\u00e9", "\u00c9T\u00c9", "sourceportranges", "",
	                                   "missing", "d"};
	enum { NK = sizeof keys / sizeof keys[0] };
	aza_arena a;
	aza_arena__init(&a);
	aza_json *j;
	aza_jerr e;
	CHECK(aza_json__parse_all(&a, doc, strlen(doc), &j, &e) == 0, "members doc parses");
	aza_jkeys k;
	aza_json__keys_init(&k, keys, NK);
	const aza_json *out[NK];
	aza_json__members(j, &k, out);
	for (size_t i = 0; i < NK; i++)
		CHECK(out[i] == aza_json_get(j, keys[i]), "members and get agree on key %zu", i);
	CHECK(out[0] && out[1] && !out[2] && !out[3] && out[4] && !out[5] && out[6] && out[7] && out[8] && !out[9],
	      "members: the expected keys found");
	aza_json__touch_reset();
	CHECK(aza_json__take(j, out[4]) == out[4] && aza_json__last_read() == out[4], "take records the value read");
	CHECK(aza_json__take(j, out[9]) == NULL && aza_json__last_read() == out[4], "take of nothing records nothing");
	aza_json__members(aza_json_get(j, "aXbYc"), &k, out);
	int none = 1;
	for (size_t i = 0; i < NK; i++)
		none &= out[i] == NULL;
	CHECK(none, "members of a number are none");
	aza_arena__release(&a);
}

/* The document store's file, found among this process's descriptors
 * (it is unlinked: its link reads "azaudit-store.XXXXXX (deleted)"). */
static int store_fd(void)
{
	DIR *d = opendir("/proc/self/fd");
	int fd = -1;
	for (struct dirent *e; d && (e = readdir(d));) {
		char path[300], link[4096];
		snprintf(path, sizeof path, "/proc/self/fd/%s", e->d_name);
		ssize_t n = readlink(path, link, sizeof link - 1);
		if (n > 0 && (link[n] = 0, strstr(link, "azaudit-store")))
			fd = atoi(e->d_name);
	}
	if (d)
		closedir(d);
	return fd;
}

/* A document that cannot be read back from the store (here the file is cut
 * short under the scan) fails the run naming the store, as an I/O error,
 * and no report is written afterwards: not "out of memory", and not a
 * report missing the verdicts of the documents that were lost. */
static void test_store_read_error(void)
{
	aza_ctx *ctx = aza_ctx_new();
	aza_scan *s = aza_scan_new(ctx);
	int rc = aza_scan_add_path(s, "examples/sample-tenant/snapshot.json");
	CHECK(rc == 0, "sample tenant read: %s", aza_errmsg(ctx));
	CHECK(aza_scan__finish(s) == 0, "inventory finished: %s", aza_errmsg(ctx));
	int fd = store_fd();
	CHECK(fd >= 0, "the sample tenant's documents are in a store file (AZAUDIT_SPILL_AT=1)");
	if (fd >= 0 && ftruncate(fd, 0) == 0) {
		rc = aza_scan_run(s);
		CHECK(rc == AZA_EIO && strstr(aza_errmsg(ctx), "cannot read the temporary document store"),
		      "a store cut short: rc %d, \"%s\"", rc, aza_errmsg(ctx));
		FILE *out = tmpfile();
		rc = out ? aza_report_write(s, "json", NULL, out) : -1;
		CHECK(rc == AZA_EIO, "no report after a lost document: rc %d, \"%s\"", rc, aza_errmsg(ctx));
		/* ... and nothing of it in the stream: it is made aside first. */
		CHECK(out && ftell(out) == 0, "a failed report wrote %ld bytes to the stream", out ? ftell(out) : -1L);
		if (out)
			fclose(out);
	}
	aza_scan_free(s);
	aza_ctx_free(ctx);
}

/* Message i of the store test: lengths from 1 to ~1,000 bytes, every
 * 7th one a repeat of a short message (the cache's case). */
static size_t msg_text(unsigned i, char *buf, size_t cap)
{
	if (i % 7 == 3)
		return (size_t)snprintf(buf, cap, "minimumTlsVersion is TLS1_%u", i % 3);
	int n = snprintf(buf, cap, "message %u:", i);
	size_t len = (size_t)n, want = 1 + (i * 37u) % 1000;
	for (; len < want && len + 1 < cap; len++)
		buf[len] = (char)('a' + (i + len) % 26);
	buf[len] = 0;
	return len;
}

/* Put N messages, letting pages go now and then; every pointer must still
 * read its own text afterwards. Returns the failures. Repeats of a cached
 * message are the same copy, but for the few whose slot another message
 * took in between (the cache is direct-mapped): at most one in ten. */
static int msgs_fill(aza_msgs *m, const char **kept, unsigned n)
{
	char buf[1100];
	int bad = 0;
	unsigned repeats = 0, copies = 0;
	for (unsigned i = 0; i < n; i++) {
		size_t len = msg_text(i, buf, sizeof buf);
		kept[i] = aza_msgs__get(m, buf, len);
		if (!kept[i])
			bad++;
		else if (i % 7 == 3 && i >= 21 && kept[i - 21]) {
			repeats++;
			copies += kept[i] != kept[i - 21];
		}
		if (i % 5000 == 0)
			aza_msgs__trim(m);
	}
	aza_msgs__trim(m);
	if (copies * 10 > repeats)
		bad++;
	for (unsigned i = 0; i < n; i++) {
		size_t len = msg_text(i, buf, sizeof buf);
		if (!kept[i] || strlen(kept[i]) != len || memcmp(kept[i], buf, len))
			bad++;
	}
	return bad;
}

/* The message store (msgs.c): text past its memory share goes to a mapped
 * temporary file, and every pointer it gave out reads its text after the
 * pages were let go; without a file (no temporary directory, or a file
 * that cannot grow) the text stays on the heap, nothing is lost. */
static void test_msgs(void)
{
	enum { N = 40000 };
	static const char *kept[N];
	size_t in_file = 0;
	aza_msgs *m = aza_msgs__new(4096);
	CHECK(m != NULL, "message store made");
	if (!m)
		return;
	int bad = msgs_fill(m, kept, N);
	size_t total = aza_msgs__bytes(m, &in_file);
	CHECK(bad == 0, "mapped message store: %d messages wrong or missing", bad);
	CHECK(in_file > total - 8192 && total > ((size_t)16 << 20), "text went to the file: %zu of %zu bytes", in_file, total);
	CHECK(total < (size_t)N * 520, "repeats kept once: %zu bytes for %d messages", total, N);
	aza_msgs__free(m);

	const char *tmpdir = getenv("TMPDIR");
	char *saved = tmpdir ? aza__strdup(tmpdir) : NULL;
	setenv("TMPDIR", "/nonexistent/azaudit-test", 1);
	m = aza_msgs__new(4096);
	bad = m ? msgs_fill(m, kept, 5000) : -1;
	total = aza_msgs__bytes(m, &in_file);
	CHECK(bad == 0 && total > 0 && in_file == 0, "no temporary directory: %d wrong, %zu in a file", bad, in_file);
	aza_msgs__free(m);
	if (saved)
		setenv("TMPDIR", saved, 1);
	else
		unsetenv("TMPDIR");
	aza__free(saved);

	/* A file that cannot grow past 2.5 MiB (a file size limit; a full
	 * disk fails posix_fallocate the same way; it grows by 1 MiB): the
	 * first 2 MiB in the file, the rest on the heap. */
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		struct rlimit rl = {(rlim_t)2560 << 10, (rlim_t)2560 << 10};
		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &rl))
			_exit(3);
		aza_msgs *c = aza_msgs__new(4096);
		int b = c ? msgs_fill(c, kept, 20000) : -1;
		size_t f = 0, t = c ? aza_msgs__bytes(c, &f) : 0;
		aza_msgs__free(c);
		_exit(b ? 1 : f > ((size_t)2 << 20) || f < ((size_t)1 << 20) || t - f < ((size_t)1 << 20) ? 2 : 0);
	}
	int st = 0;
	CHECK(pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "file size limit: the store went on on the heap (child status %d)", st);
}

/* Dates of the input: strict, so that junk is "not a date" (UNKNOWN in the
 * rules) rather than a number read from part of it. */
static void test_iso_time(void)
{
	static const struct {
		const char *in;
		double want; /* -1: refused */
		int timed;
	} cases[] = {
		{"1970-01-01", 0, 0},
		{"2026-11-01", 1793491200, 0},
		{"2026-11-01T00:00:00Z", 1793491200, 1},
		{"2026-11-01t00:00:00z", 1793491200, 1},
		{"2026-11-01 00:00:00", 1793491200, 1},
		{"2026-11-01T00:00", 1793491200, 1},
		{"2026-11-01T01:30:00+01:30", 1793491200, 1},
		{"2026-11-01T01:30:00+0130", 1793491200, 1},
		{"2026-11-01T01:00:00+01", 1793491200, 1},
		{"2026-10-31T23:00:00-01:00", 1793491200, 1},
		{"2026-11-01T00:00:00.5Z", 1793491200.5, 1},
		{"2026-11-01T00:00:00.0000000Z", 1793491200, 1}, /* .NET's seven digits */
		{"2024-02-29", 1709164800, 0},
		{"2000-02-29", 951782400, 0},
		{"2026-11-01T00:00:00Zjunk", -1, 0},
		{"2026-11-01junk", -1, 0},
		{"2026-11-01 ", -1, 0},
		{" 2026-11-01", -1, 0},
		{"+2026-11-01", -1, 0},
		{"26-11-01", -1, 0},
		{"2026-1-01", -1, 0},
		{"2026-11-1", -1, 0},
		{"2026-13-01", -1, 0},
		{"2026-00-10", -1, 0},
		{"2025-02-29", -1, 0},
		{"1900-02-29", -1, 0},
		{"2026-04-31", -1, 0},
		{"2026-11-01T24:00:00Z", -1, 0},
		{"2026-11-01T12:60:00Z", -1, 0},
		{"2026-11-01T12:00:61Z", -1, 0},
		{"2026-11-01T12:00:nanZ", -1, 0},
		{"2026-11-01T12:00:1e9", -1, 0},
		{"2026-11-01T12:00:00.Z", -1, 0},
		{"2026-11-01T12:00:00+", -1, 0},
		{"2026-11-01T12:00:00+01:", -1, 0},
		{"2026-11-01T12:00:00+25:00", -1, 0},
		{"2026-11-01T", -1, 0},
		{"2026-11-01T5:00", -1, 0},
		{"", -1, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		double t = -7;
		int timed = -1;
		int rc = aza__iso_time(cases[i].in, &t, &timed);
		if (cases[i].want < 0)
			CHECK(rc == -1, "'%s' should be refused, got %.3f", cases[i].in, t);
		else
			CHECK(rc == 0 && t == cases[i].want && timed == cases[i].timed, "'%s': rc %d, %.3f (want %.3f), timed %d",
			      cases[i].in, rc, t, cases[i].want, timed);
	}
	double t;
	CHECK(aza__iso_time(NULL, &t, NULL) == -1, "NULL refused");
	CHECK(aza_parse_time("2026-11-01T00:00:00Z", &t) == 0 && t == 1793491200, "public aza_parse_time");
}

int main(void)
{
	/* Before any other test: the threshold is read once. Every scan of
	 * this program then keeps its documents and findings in files. */
	setenv("AZAUDIT_SPILL_AT", "1", 1);
	test_store_read_error();
	test_msgs();
	test_fmt();
	test_ihash();
	test_buf();
	test_dropped_types();
	test_parse();
	test_lenient();
	test_depth();
	test_accessors();
	test_members();
	test_glob();
	test_strieq();
	test_iso_time();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
