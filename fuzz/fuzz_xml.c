/*
 * fuzz_xml.c - libFuzzer target: a Storage data-plane response body
 * (untrusted: whatever the endpoint, or something between, returns) through
 * the XML subset walker and the service properties reader the collector
 * uses. Any input must give a clean error or a walk whose paths are bounded
 * strings, and an entry that is valid JSON; never a crash, a leak or
 * unbounded work.
 */
#include <string.h>

#include "fuzz.h"

#include "collect/collect.h"

typedef struct walk {
	size_t calls;
	size_t max;
} walk;

static void seen(void *ud, const char *path, const char *text)
{
	walk *w = ud;
	w->calls++;
	/* Every path and text is a NUL-terminated string the walker owns. */
	size_t n = strlen(path) + (text ? strlen(text) : 0);
	if (n > w->max)
		w->max = n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *doc = (const char *)data;
	walk w = {0, 0};
	int rc = aza_xml__walk(doc, size, seen, &w);
	FUZZ_CHECK(rc == 0 || rc == -1, "walk: an undocumented result");
	/* One callback per element at most: an element takes at least "<a/>". */
	FUZZ_CHECK(w.calls <= size / 4 + 1, "walk: more elements than the input can hold");

	/* The collector's entry: nothing, or ,"logging":{...}, inside an object. */
	aza_buf b;
	aza_buf__init(&b, 1 << 20);
	aza_buf__adds(&b, "{\"a\":1");
	char why[200] = "";
	if (aza_storage__props_json(doc, size, &b, why, sizeof why)) {
		FUZZ_CHECK(why[0], "properties: an error without a reason");
	} else {
		aza_buf__addc(&b, '}');
		aza_arena ar;
		aza_arena__init(&ar);
		aza_json *j;
		aza_jerr je;
		FUZZ_CHECK(b.oom || !aza_json__parse_all(&ar, b.p, b.len, &j, &je), "properties: the entry is not valid JSON");
		aza_arena__release(&ar);
	}
	aza_buf__release(&b);
	return 0;
}
