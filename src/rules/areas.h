/*
 * areas.h - the rule areas, in catalogue order. One src/rules/<name>.c each,
 * defining aza_rules_<name>[] and aza_rules_<name>_n.
 */
#ifndef AZA_AREAS_H
#define AZA_AREAS_H
#define AZA_AREAS(X) X(iam) X(storage) X(database) X(network) X(logging) X(vm) X(defender) X(keyvault) X(appservice) X(other) X(containers) X(services) X(backup)
#endif
