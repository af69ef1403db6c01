/*
 * vm.c - rules of the vm area (see rule.h for how to add one).
 */
#include "rule.h"

const struct aza_rule aza_rules_vm[1];
const size_t aza_rules_vm_n = 0;
