#!/usr/bin/env python3
"""Api-version audit: does a template PASS survive an api-version that
predates the property it rests on?

Resource Manager hands a template resource's properties to the resource
provider at the resource's apiVersion, and a property that api-version does
not define is ignored: the setting is not applied. So a template PASS that
rests on a property must not hold when the template's apiVersion is older
than the property.

For every rule fixture named pass*.json that is an ARM template, this sets
each resource's apiVersion to an old value (child resources and nested
deployments' inner templates included) and scans again with that rule
alone. A PASS that survives is a candidate: either what it rests on exists
since the resource type's first api-version (or is a default Azure
documents, or a resource's absence), or the rule lacks a gate and should be
UNKNOWN naming the api-version. The audit lists the survivors grouped by
rule, one line each, for a reader to judge against the REST specifications;
it decides nothing, so it is not part of the test suite.

usage: apiversions.py [--only RULE] [--api VERSION]   (AZAUDIT: the binary;
VERSION defaults to 2015-01-01)
"""
import copy
import sys

from audit import pass_fixtures, scan  # the absence audit's fixture walk and scanner (same folder)

OLD = sys.argv[sys.argv.index("--api") + 1] if "--api" in sys.argv else "2015-01-01"


def each_resource(resources):
    """The resources of a template's resources member: an array, or an
    object of symbolic names (languageVersion 2.0)."""
    if isinstance(resources, list):
        return [r for r in resources if isinstance(r, dict)]
    if isinstance(resources, dict):
        return [r for r in resources.values() if isinstance(r, dict)]
    return []


def set_api(template, api):
    """Sets every resource's apiVersion below template to api; the count."""
    n = 0
    for r in each_resource(template.get("resources")):
        if "apiVersion" in r:
            r["apiVersion"] = api
            n += 1
        # Child resources declared inside their parent.
        n += set_api(r, api)
        inner = r.get("properties", {}).get("template") if isinstance(r.get("properties"), dict) else None
        if str(r.get("type", "")).lower() == "microsoft.resources/deployments" and isinstance(inner, dict):
            n += set_api(inner, api)
    return n


def survivors(rule, fixture, doc, config, before):
    old = copy.deepcopy(doc)
    if not set_api(old, OLD):
        return []
    after = scan(rule, old, config) or {}
    out = []
    for (n, st), m in sorted(before.items()):
        if st == "PASS" and (n, "PASS") in after:
            out.append({"rule": rule, "fixture": fixture, "resource": n, "message": after[(n, "PASS")]})
    return out


def main():
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    groups = {}
    for f in pass_fixtures(only, True):
        for s in survivors(*f):
            groups.setdefault(s["rule"], []).append(s)
    n = 0
    for rule, ss in sorted(groups.items()):
        print("%s (%d)" % (rule, len(ss)))
        for s in ss:
            print("  %s %s: %s" % (s["fixture"], s["resource"], s["message"]))
        n += len(ss)
    print("survivors at api-version %s: %d in %d rules" % (OLD, n, len(groups)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
