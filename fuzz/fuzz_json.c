/*
 * fuzz_json.c - the JSON parser on arbitrary bytes, and the accessors on
 * whatever it accepts.
 *
 * Properties checked (beyond "no crash, no leak, no undefined behaviour"):
 *   - a document that parses serializes to JSON that parses again, and
 *     serializing that gives the same bytes (write is a fixed point);
 *   - string lengths and child counts agree with the nodes;
 *   - keys are unique ignoring case, so aza_json_get(obj, key) finds the
 *     member itself;
 *   - streaming: parsing a prefix of a valid document with final=0 never
 *     fails hard; it asks for more input or stops where the whole parse did;
 *   - the lenient mode (template json()) on the same bytes: it accepts all
 *     the strict parser accepts, with the same value; what it accepts has
 *     the same accessor properties and is written as strict JSON; its
 *     errors are clean parse errors inside the input.
 */
#include <string.h>

#include "fuzz.h"
#include "lib/internal.h"

static void walk(const aza_json *j, int depth)
{
	int b;
	double d;
	(void)aza_json_bool(j, &b);
	(void)aza_json_num(j, &d);
	switch (j->kind) {
	case AZA_JSTR:
		FUZZ_CHECK(strlen(j->u.s) == j->n, "string length matches its node");
		FUZZ_CHECK(aza_json_str(j) == j->u.s, "aza_json_str returns the string");
		FUZZ_CHECK(aza_json_streq(j, j->u.s), "a string equals itself");
		break;
	case AZA_JARR:
	case AZA_JOBJ: {
		size_t n = 0;
		aza_json_each(c, j) {
			FUZZ_CHECK((j->kind == AZA_JOBJ) == (c->key != NULL), "members have keys, elements not");
			if (j->kind == AZA_JOBJ) {
				FUZZ_CHECK(aza_json_get(j, c->key) == c, "get finds the (unique) member");
				if (!strchr(c->key, '.') && *c->key && strlen(c->key) < 128 &&
				    !(c->key[0] >= '0' && c->key[0] <= '9'))
					FUZZ_CHECK(aza_json_path(j, c->key) == c, "a one-segment path finds the member");
			}
			if (c->kind == AZA_JSTR)
				FUZZ_CHECK(aza_json_has_str(j, c->u.s), "has_str finds a string element");
			if (n < 8)
				FUZZ_CHECK(aza_json_at(j, n) == c, "at(i) is the i-th child");
			n++;
			if (depth < AZA_MAX_DEPTH + 1)
				walk(c, depth + 1);
		}
		FUZZ_CHECK(n == j->n && n == aza_json_len(j), "child count matches its node");
		FUZZ_CHECK(aza_json_at(j, n) == NULL, "at(len) is NULL");
		break;
	}
	default:
		FUZZ_CHECK(aza_json_len(j) == 0 && aza_json_str(j) == NULL, "scalars have no length or string");
	}
}

/* pack(j) then unpack gives what w1 holds (j written); a truncated blob
 * is refused, never read past its end. */
static void pack_round_trip(aza_arena *b, aza_jintern *t, const aza_json *j, aza_jintern *pack_in, const aza_buf *w1)
{
	aza_buf pk, w;
	aza_buf__init(&pk, 0);
	aza_buf__init(&w, 0);
	aza_json__pack(&pk, j, pack_in);
	FUZZ_CHECK(!pk.oom, "packing fits");
	const aza_json *u = aza_json__unpack(b, t, pk.p, pk.len);
	FUZZ_CHECK(u != NULL, "a packed value unpacks");
	aza_json__write(&w, u);
	FUZZ_CHECK(w.len == w1->len && memcmp(w.p, w1->p, w1->len) == 0, "write(unpack(pack(x))) == write(x)");
	if (pk.len > 1)
		(void)aza_json__unpack(b, t, pk.p, pk.len / 2);
	aza_buf__release(&pk);
	aza_buf__release(&w);
}

/* The strict parse of w (a tree written out) gives a tree written the same:
 * parses (what_parse) and is equal (what_same). */
static void reparse(const aza_buf *w, const char *what_parse, const char *what_same)
{
	aza_arena b;
	aza_arena__init(&b);
	aza_json *j2 = NULL;
	aza_jerr e;
	memset(&e, 0, sizeof e);
	int rc = aza_json__parse_all(&b, w->p, w->len, &j2, &e);
	if (rc)
		fprintf(stderr, "reparse of '%.200s' failed at %zu: %s\n", w->p, e.off, e.what);
	FUZZ_CHECK(rc == 0, what_parse);
	aza_buf w2;
	aza_buf__init(&w2, 0);
	aza_json__write(&w2, j2);
	FUZZ_CHECK(w->len == w2.len && memcmp(w->p, w2.p, w->len) == 0, what_same);
	aza_buf__release(&w2);
	aza_arena__release(&b);
}

/* The lenient parse of the input: strict's written form strict_w (NULL
 * when the strict parser refused the input) must be its written form too. */
static void lenient(const char *buf, size_t size, const aza_buf *strict_w)
{
	aza_arena a;
	aza_arena__init(&a);
	aza_json *j = NULL;
	aza_jerr e;
	memset(&e, 0, sizeof e);
	int rc = aza_json__parse_all_lenient(&a, buf, size, &j, &e);
	if (rc) {
		FUZZ_CHECK(!strict_w, "lenient accepts what strict accepts");
		FUZZ_CHECK(rc == AZA_EPARSE || rc == AZA_ELIMIT || rc == AZA_ENOMEM, "lenient: error code is a parse error");
		FUZZ_CHECK(e.what && *e.what, "lenient: an error has a message");
		FUZZ_CHECK(e.off <= size, "lenient: error offset inside the input");
		aza_arena__release(&a);
		return;
	}
	walk(j, 0);
	aza_buf w1;
	aza_buf__init(&w1, 0);
	aza_json__write(&w1, j);
	FUZZ_CHECK(!w1.oom, "lenient: serialization fits");
	if (strict_w)
		FUZZ_CHECK(w1.len == strict_w->len && memcmp(w1.p, strict_w->p, w1.len) == 0,
		           "lenient gives strict's value on strict JSON");
	reparse(&w1, "what lenient accepts is written as strict JSON", "lenient: write(parse(write(x))) == write(x)");
	aza_buf__release(&w1);
	aza_arena__release(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	aza_arena a;
	aza_arena__init(&a);
	aza_json *j = NULL;
	aza_jerr e;
	memset(&e, 0, sizeof e);
	int rc = aza_json__parse_all(&a, buf, size, &j, &e);
	if (rc) {
		FUZZ_CHECK(rc == AZA_EPARSE || rc == AZA_ELIMIT || rc == AZA_ENOMEM, "error code is a parse error");
		FUZZ_CHECK(e.what && *e.what, "an error has a message");
		FUZZ_CHECK(e.off <= size, "error offset inside the input");
		unsigned long line, col;
		aza_json__linecol(buf, size, e.off, &line, &col);
		FUZZ_CHECK(line >= 1 && col >= 1, "line and column are 1-based");
		aza_arena__release(&a);
		lenient(buf, size, NULL);
		return 0;
	}
	walk(j, 0);
	(void)aza_json_path(j, "properties.networkAcls.defaultAction");
	(void)aza_json_path(j, "0.1.2");

	/* Round trip: write, parse, write again. */
	aza_buf w1;
	aza_buf__init(&w1, 0);
	aza_json__write(&w1, j);
	FUZZ_CHECK(!w1.oom, "serialization fits");
	reparse(&w1, "serialized JSON parses again", "write(parse(write(x))) == write(x)");
	lenient(buf, size, &w1);
	aza_arena b;
	aza_json *j2 = NULL;

	/* Packed form (stored resources): parse with interned keys, pack,
	 * unpack; the tree written again is the same. */
	aza_jintern *t = aza_jintern__new();
	if (t) {
		aza_arena__init(&b);
		size_t pos = 0;
		if (size >= 3 && (unsigned char)buf[0] == 0xef && (unsigned char)buf[1] == 0xbb &&
		    (unsigned char)buf[2] == 0xbf)
			pos = 3;
		/* Keys the parser interned are stored as ids; keys it did not
		 * (the reading pipeline's worker) are interned by the packing. */
		if (aza_json__parse_in(&b, t, buf, size, &pos, 1, 0, AZA_MAX_DEPTH, &j2, &e) == 0)
			pack_round_trip(&b, t, j2, NULL, &w1);
		pack_round_trip(&b, t, j, t, &w1);
		aza_arena__release(&b);
		aza_jintern__free(t);
	}
	aza_buf__release(&w1);

	/* Streaming: prefixes of a valid document with final=0. */
	size_t start = 0;
	if (size >= 3 && (unsigned char)buf[0] == 0xef && (unsigned char)buf[1] == 0xbb &&
	    (unsigned char)buf[2] == 0xbf)
		start = 3;
	size_t full_end = start;
	aza_arena__init(&b);
	rc = aza_json__parse(&b, buf, size, &full_end, 1, 0, AZA_MAX_DEPTH, &j2, &e);
	FUZZ_CHECK(rc == 0, "parse agrees with parse_all");
	aza_arena__release(&b);
	size_t cuts[4] = {size / 3, size / 2, size - 1, size};
	for (int k = 0; k < 4; k++) {
		size_t len = cuts[k];
		if (len < start)
			continue;
		size_t pos = start;
		aza_arena__init(&b);
		memset(&e, 0, sizeof e);
		rc = aza_json__parse(&b, buf, len, &pos, 0, 1000, AZA_MAX_DEPTH, &j2, &e);
		if (rc) {
			FUZZ_CHECK(e.more, "a prefix of a valid document only asks for more input");
			FUZZ_CHECK(e.off == 1000 + len, "'more' points at the end of the buffer");
		} else {
			FUZZ_CHECK(pos == full_end, "a prefix parse stops where the full parse did");
			FUZZ_CHECK(j2->off == 1000 + (j->off), "offsets are shifted by base");
		}
		aza_arena__release(&b);
	}
	aza_arena__release(&a);
	return 0;
}
