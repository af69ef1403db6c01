/*
 * database.c - rules of the database area (see rule.h for how to add one).
 */
#include "rule.h"

const struct aza_rule aza_rules_database[1];
const size_t aza_rules_database_n = 0;
