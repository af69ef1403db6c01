/*
 * table.c - the one rule table: every area's rules, in catalogue order.
 * Each area file defines its array and count; this file only lists them.
 */
#include "rule.h"

#include <pthread.h>

#include "areas.h"

#define AREA(name) extern const struct aza_rule aza_rules_##name[]; extern const size_t aza_rules_##name##_n;
AZA_AREAS(AREA)
#undef AREA

/* Built once, in order, from the area arrays (pthread_once: programs may
 * run scans on several threads, and the first calls may meet). */
static const struct aza_rule *table[512];
static size_t table_len;

static void build(void)
{
#define AREA(name) \
	for (size_t i = 0; i < aza_rules_##name##_n && table_len < 512; i++) table[table_len++] = &aza_rules_##name[i];
	AZA_AREAS(AREA)
#undef AREA
}

const struct aza_rule *const *aza_rule_table__get(size_t *n)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, build);
	*n = table_len;
	return table;
}
