#!/usr/bin/env python3
"""Absence audit: does a PASS survive when the evidence it rests on is gone?

For every rule fixture named pass*.json that is a snapshot or a resource
list (not a template: a template's unset property is deployed with its
documented default), this takes one value out at a time and scans again
with that rule alone:

  - each member below a resource's properties, sku, kind, identity and
    other top-level members (id, type, name and apiVersion stay: without
    them there is no resource to judge);
  - each whole resource but the one a finding is about (a settings
    resource, a diagnostic setting, a role assignment...);
  - each data set of the directory, and each member of each directory
    object.

A PASS on the same resource whose message changed is a candidate: the rule
read what was taken out, and still passed on something else. Most are
right: the rule names other evidence, a default Azure documents, or what
was taken out was itself what could have failed (an allow rule, a public
IP, a guest). The audit lists them grouped by rule and by what was taken
out (indexes folded), one example each, for a reader to judge against the
rule's `defaults`; it decides nothing, so it is not part of the test suite.

usage: audit.py [--only RULE] [--all] [--null]   (AZAUDIT: the binary; --all
lists every candidate instead of one per group; --null sets each value to
null instead of taking it out)
"""
import copy
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RULES = os.path.join(ROOT, "tests", "rules")
AZAUDIT = os.environ.get("AZAUDIT", os.path.join(ROOT, "build", "azaudit"))
NOW = "2026-11-01T00:00:00Z"  # the rule fixtures' reference time (tests/rules_test.c)
KEEP = {"id", "type", "name", "apiversion"}
NULL = "--null" in sys.argv


def is_template(doc):
    return isinstance(doc, dict) and "deploymenttemplate" in str(doc.get("$schema", "")).lower()


def resources_of(doc):
    """The list holding the input's resources, or None."""
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        for k in ("resources", "value", "data"):
            if isinstance(doc.get(k), list):
                return doc[k]
    return None


def member_paths(node, path):
    """Paths of every member and element below node (depth first)."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield path + [k]
            yield from member_paths(v, path + [k])
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield path + [i]
            yield from member_paths(v, path + [i])


def deletions(doc):
    """(label, path) of each value to take out, path from the document's root."""
    res = resources_of(doc)
    base = [] if isinstance(doc, list) else None
    if res is not None and base is None:
        base = [next(k for k in ("resources", "value", "data") if doc.get(k) is res)]
    for i, r in enumerate(res or []):
        if not isinstance(r, dict):
            continue
        rname = r.get("name", "?")
        yield ("resource %s" % rname, base + [i])
        for k, v in r.items():
            if k.lower() in KEEP:
                continue
            yield ("%s: %s" % (rname, k), base + [i, k])
            for p in member_paths(v, []):
                yield ("%s: %s" % (rname, ".".join(str(x) for x in [k] + p)), base + [i, k] + p)
    d = doc.get("directory") if isinstance(doc, dict) else None
    if isinstance(d, dict):
        for k, v in d.items():
            yield ("directory %s" % k, ["directory", k])
            for p in member_paths(v, []):
                yield ("directory %s" % ".".join(str(x) for x in [k] + p), ["directory", k] + p)


def without(doc, path):
    """doc with the value at path taken out, or with --null set to null
    (Resource Manager writes null for some unset properties: it must read
    as absent does, never as a value that passes)."""
    d = copy.deepcopy(doc)
    node = d
    for p in path[:-1]:
        node = node[p]
    if NULL:
        node[path[-1]] = None
    else:
        del node[path[-1]]
    return d


def scan(rule, doc, config):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(doc, f)
        name = f.name
    try:
        cmd = [AZAUDIT, "scan", "-q", "--rule", rule, "--now", NOW, "-f", "json", "-o", "-", name]
        if config:
            cmd[2:2] = ["--config", config]
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode not in (0, 1):
            return None  # an input error: nothing passes
        out = json.loads(p.stdout)
        return {(x["resource_name"], x["status"]): x["message"] for x in out["findings"]}
    finally:
        os.unlink(name)


def pass_fixtures(only, templates):
    """(rule, fixture, document, config, findings) of each rule fixture
    named pass*.json (templates or not, as asked) that scans, RULE only
    when given."""
    for rule in sorted(os.listdir(RULES)):
        if not rule.startswith("AZA-") or (only and rule != only):
            continue
        for fx in sorted(os.listdir(os.path.join(RULES, rule))):
            if not fx.startswith("pass") or not fx.endswith(".json") or fx.endswith(".config.json"):
                continue
            path = os.path.join(RULES, rule, fx)
            with open(path) as f:
                doc = json.load(f)
            if is_template(doc) != templates:
                continue
            config = path[:-5] + ".config.json"
            config = config if os.path.exists(config) else None
            before = scan(rule, doc, config)
            if before:
                yield rule, fx, doc, config, before


def candidates(rule, fixture, doc, config, before):
    passes = {n: m for (n, st), m in before.items() if st == "PASS"}
    out = []
    for label, p in deletions(doc):
        # A resource's own deletion only matters for findings on others.
        after = scan(rule, without(doc, p), config)
        if after is None:
            continue
        for n, m in passes.items():
            if label == "resource %s" % n:
                continue
            m2 = after.get((n, "PASS"))
            if m2 is not None and m2 != m:
                out.append({"rule": rule, "fixture": fixture, "removed": label, "resource": n, "before": m, "after": m2})
    return out


def group(c):
    """What was taken out, with indexes and resource names folded."""
    r = c["removed"]
    if r.startswith("resource "):
        return "a whole resource"
    if r.startswith("directory "):
        return "directory " + re.sub(r"\.\d+", ".N", r.split(" ", 1)[1])
    return re.sub(r"\.\d+", ".N", r.split(": ", 1)[1])


def main():
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    found = []
    for f in pass_fixtures(only, False):
        found += candidates(*f)
    groups = {}
    for c in found:
        groups.setdefault((c["rule"], group(c)), []).append(c)
    for (rule, what), cs in sorted(groups.items()):
        for c in cs if "--all" in sys.argv else cs[:1]:
            print("%s without %s (%d): %s %s, %s still passes: %s  (was: %s)" % (rule, what, len(cs), c["fixture"], c["removed"],
                                                                             c["resource"], c["after"], c["before"]))
    print("candidates: %d in %d groups" % (len(found), len(groups)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
