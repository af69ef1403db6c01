#!/bin/sh
# Template scan benchmark: 2,000 realistic templates (the peer fixtures'
# ARM templates and the template test cases, with varied names and
# parameter defaults) in a temporary folder; reports templates per second
# and peak RSS of `azaudit scan DIR` beside a bare JSON parse of the same
# files (bench/tmpl_parse.c), in the same run.
# usage: sh bench/templates.sh [COUNT]   (from the project root, after make)
set -e
N=${1:-2000}
O=${O:-build}
PEER=${PEER_FIXTURES:-}
for p in ../shared/peer-fixtures ../../shared/peer-fixtures; do
	[ -z "$PEER" ] && [ -f "$p/manifest.json" ] && PEER=$p
done
cc -O2 -std=c17 -D_GNU_SOURCE -Iinclude -Isrc -o "$O/tmpl_parse" bench/tmpl_parse.c "$O/libazaudit.a" -lz -lm
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
python3 - "$T" "$N" "$O/azaudit" "$PEER" <<'PY'
import json, os, subprocess, sys
out, n, az, peer = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
srcs = []
roots = ["tests/template/cases"] + ([peer] if peer else [])
for r in roots:
    for d, _, fs in os.walk(r):
        for f in fs:
            if f.endswith(".json") and not f.endswith(".parameters.json") and f != "manifest.json" and "metadata" not in f and "expected" not in f:
                p = os.path.join(d, f)
                try:
                    t = json.load(open(p))
                except Exception:
                    continue
                if isinstance(t, dict) and "deploymentTemplate" in str(t.get("$schema", "")):
                    # keep only templates azaudit expands
                    if subprocess.run([az, "scan", "-q", "--rule", "AZA-STG-001", p], capture_output=True).returncode in (0, 1):
                        srcs.append(t)
os.makedirs(out, exist_ok=True)
for i in range(n):
    t = json.loads(json.dumps(srcs[i % len(srcs)]))
    # variations: a different default for string parameters, contentVersion
    t["contentVersion"] = "1.0.%d.0" % i
    for k, v in (t.get("parameters") or {}).items():
        if isinstance(v, dict) and v.get("type", "").lower() == "string" and isinstance(v.get("defaultValue"), str) and not v["defaultValue"].startswith("["):
            v["defaultValue"] = (v["defaultValue"] + "%d" % i)[:60]
    json.dump(t, open(os.path.join(out, "t%05d.json" % i), "w"), indent=2)
print("%d templates from %d distinct sources" % (n, len(srcs)))
PY
bytes=$(cat "$T"/*.json | wc -c)
echo "input: $N templates, $bytes bytes"
run() { # label command...
	/usr/bin/time -f "%e %M" -o "$T.time" "$@" > /dev/null 2> "$T.err" || true
	set -- $(cat "$T.time")
	echo "$1 $2"
}
p=$(find "$T" -name '*.json' | sort | run "$O/tmpl_parse")
s=$(run "$O/azaudit" scan -q -f json "$T")
set -- $p; pt=$1; pr=$2
set -- $s; st=$1; sr=$2
awk -v n="$N" -v pt="$pt" -v pr="$pr" -v st="$st" -v sr="$sr" 'BEGIN {
	printf "bare parse:     %6.2f s  %8.0f templates/s  peak RSS %6.1f MB\n", pt, (pt > 0 ? n / pt : 0), pr / 1024
	printf "azaudit scan:   %6.2f s  %8.0f templates/s  peak RSS %6.1f MB\n", st, (st > 0 ? n / st : 0), sr / 1024
	if (pt > 0) printf "scan / parse:   %.1fx time\n", st / pt
}'
rm -f "$T.time" "$T.err"
