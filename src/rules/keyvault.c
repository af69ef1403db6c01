/*
 * keyvault.c - rules of the keyvault area (see rule.h for how to add one).
 */
#include "rule.h"

const struct aza_rule aza_rules_keyvault[1];
const size_t aza_rules_keyvault_n = 0;
