/*
 * logging.c - rules of the logging area (see rule.h for how to add one).
 */
#include "rule.h"

const struct aza_rule aza_rules_logging[1];
const size_t aza_rules_logging_n = 0;
