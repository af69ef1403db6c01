/*
 * network.c - rules of the network area (see rule.h for how to add one).
 */
#include "rule.h"

const struct aza_rule aza_rules_network[1];
const size_t aza_rules_network_n = 0;
