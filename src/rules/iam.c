/*
 * iam.c - rules of the iam area (see rule.h for how to add one).
 */
#include "rule.h"

const struct aza_rule aza_rules_iam[1];
const size_t aza_rules_iam_n = 0;
