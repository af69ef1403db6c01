/*
 * appservice.c - rules of the appservice area (see rule.h for how to add one).
 */
#include "rule.h"

const struct aza_rule aza_rules_appservice[1];
const size_t aza_rules_appservice_n = 0;
