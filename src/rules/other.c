/*
 * other.c - rules of the other area (see rule.h for how to add one).
 */
#include "rule.h"

const struct aza_rule aza_rules_other[1];
const size_t aza_rules_other_n = 0;
