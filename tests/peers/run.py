#!/usr/bin/env python3
"""Peer conformance: azaudit's verdicts on the Checkov and KICS labeled ARM
templates (../shared/peer-fixtures) against the peers' own verdicts.

For every manifest entry of kind "resource" whose check maps to azaudit rules
(mapping.json), the verdict of those rules on that resource is compared with
the peer's. Every disagreement must be listed in differences.json with the
reason; the test fails on an unlisted disagreement and on a listed one that
no longer occurs. Checks without an azaudit rule are reported as not covered.

usage: run.py [--update] [--verbose]   (from the project root; AZAUDIT=binary,
PEER_FIXTURES=folder). --update rewrites differences.json keeping the reasons
already written and marking new entries "why": "TODO".
Prints "N passed, M failed" (N = entries compared and accounted for).
"""
import json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
az = os.environ.get("AZAUDIT", os.path.join(root, "build", "azaudit"))
if not os.path.isabs(az):
    az = os.path.join(root, az)
cands = [os.environ.get("PEER_FIXTURES", "")] + [os.path.join(root, p) for p in
         ("../shared/peer-fixtures", "../../shared/peer-fixtures", "../../../shared/peer-fixtures")]
peer = next((p for p in cands if p and os.path.isfile(os.path.join(p, "manifest.json"))), None)
if not peer:
    print("skip: peer fixtures not found (set PEER_FIXTURES)")
    print("0 passed, 0 failed")
    sys.exit(0)
update = "--update" in sys.argv
verbose = "--verbose" in sys.argv
manifest = json.load(open(os.path.join(peer, "manifest.json")))
mapping = json.load(open(os.path.join(here, "mapping.json")))["checks"]
dpath = os.path.join(here, "differences.json")
diffs = json.load(open(dpath)) if os.path.exists(dpath) else {"differences": []}

def rules_for(e):
    m = mapping.get(e["check_id"])
    if not m:
        return []
    if "by_name" in m:
        n = e.get("resource_name_evaluated") or e["resource_name"]
        r = m["by_name"].get(n)
        return [r] if r else []
    return m["rules"]

# One scan per file, with every rule mapped for that file.
files = {}
for e in manifest:
    if e["kind"] == "resource":
        files.setdefault(e["file"], set()).update(rules_for(e))
findings = {}
for f, rules in sorted(files.items()):
    if not rules:
        continue
    p = subprocess.run([az, "scan", "-q", "--format", "json", "--rule", ",".join(sorted(rules)),
                        os.path.join(peer, f)], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        findings[f] = {"error": (p.stderr.strip() or "exit %d" % p.returncode)[:300]}
        continue
    findings[f] = {"list": json.loads(p.stdout)["findings"]}

RANK = {"FAIL": 4, "UNKNOWN": 3, "PASS": 2, "MANUAL": 1, "NOT_APPLICABLE": 0}

def our_verdict(e, rules):
    got = findings.get(e["file"])
    if got is None:
        return "NONE", ""
    if "error" in got:
        return "ERROR", got["error"]
    fs = [x for x in got["list"] if x["rule_id"] in rules and x["status"] != "NOT_APPLICABLE"]
    line = e.get("resource_start_line", 0)
    on = [x for x in fs if x["source"]["line"] == line]
    if not on:
        # The rule judges the parent (a child declared inside it starts later)
        # or the subscription: take the closest resource above, else the only one.
        above = [x for x in fs if 0 < x["source"]["line"] < line]
        if above:
            best = max(x["source"]["line"] for x in above)
            on = [x for x in above if x["source"]["line"] == best]
        elif len({(x["resource_id"], x["rule_id"]) for x in fs}) == len(set(x["rule_id"] for x in fs)) and fs:
            on = fs
    if not on:
        return "NONE", ""
    worst = max(on, key=lambda x: RANK.get(x["status"], 0))
    return worst["status"], "%s: %s" % (worst["rule_id"], worst["message"])

listed = {(d["check_id"], d["file"], d["line"]): d for d in diffs["differences"]}
seen = set()
passed = failed = 0
out_diffs = []
not_covered = {}
for e in manifest:
    if e["kind"] != "resource":
        continue
    rules = rules_for(e)
    if not rules:
        m = mapping.get(e["check_id"], {})
        not_covered.setdefault(e["check_id"], (m.get("name", e["check_name"]), 0))
        not_covered[e["check_id"]] = (not_covered[e["check_id"]][0], not_covered[e["check_id"]][1] + 1)
        continue
    ours, why = our_verdict(e, rules)
    key = (e["check_id"], e["file"], e.get("resource_start_line", 0))
    if ours == e["expected"]:
        passed += 1
        continue
    d = listed.get(key)
    if d and d["ours"] == ours and d["theirs"] == e["expected"]:
        seen.add(key)
        passed += 1
        out_diffs.append(d)
        if verbose:
            print("listed %s %s:%s ours %s theirs %s" % (key[0], e["file"], key[2], ours, e["expected"]))
        continue
    if update:
        nd = {"check_id": e["check_id"], "file": e["file"], "line": key[2], "resource": e.get("resource_name_evaluated") or e["resource_name"],
              "rules": rules, "ours": ours, "theirs": e["expected"], "our_message": why,
              "why": d["why"] if d else "TODO"}
        if d and "kind" in d:
            nd["kind"] = d["kind"]
        out_diffs.append(nd)
        seen.add(key)
        passed += 1
        continue
    failed += 1
    print("FAIL unlisted difference: %s %s line %s (%s): azaudit %s, %s %s -- %s" %
          (e["check_id"], e["file"], key[2], e.get("resource_name_evaluated") or e["resource_name"], ours, e["source"], e["expected"], why))
for key, d in listed.items():
    if key not in seen and not update:
        failed += 1
        print("FAIL listed difference no longer occurs: %s %s line %s (listed: azaudit %s, peer %s)" %
              (key[0], key[1], key[2], d["ours"], d["theirs"]))
if update:
    out_diffs.sort(key=lambda d: (d["check_id"], d["file"], d["line"]))
    diffs["differences"] = out_diffs
    json.dump(diffs, open(dpath, "w"), indent=1)
    open(dpath, "a").write("\n")
print("not covered (no azaudit rule): %d checks, %d resource verdicts" % (len(not_covered), sum(n for _, n in not_covered.values())))
for cid, (name, n) in sorted(not_covered.items()):
    print("  not covered: %s (%s): %d" % (cid, name, n))
print("listed differences: %d" % len(seen))
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
