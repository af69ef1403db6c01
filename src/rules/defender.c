/*
 * defender.c - rules of the defender area (see rule.h for how to add one).
 */
#include "rule.h"

const struct aza_rule aza_rules_defender[1];
const size_t aza_rules_defender_n = 0;
