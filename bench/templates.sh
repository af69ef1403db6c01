#!/bin/sh
# Template scan benchmark: 2,000 realistic templates (the peer fixtures'
# ARM templates and the template test cases, with varied names and
# parameter defaults) in a temporary folder; reports templates per second
# and peak RSS of `azaudit scan DIR` beside a bare JSON parse of the same
# files (bench/tmpl_parse.c), in the same run, and the stages between
# (read and expand, rules, report).
# usage: [PAIRS=N] sh bench/templates.sh [COUNT]   (from the project root, after make)
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
run() { # command... -> "seconds peak-RSS-KB"
	t0=$(date +%s%N)
	/usr/bin/time -f "%M" -o "$T.time" "$@" > /dev/null 2> "$T.err" || true
	t1=$(date +%s%N)
	echo "$(( (t1 - t0) / 1000 ))" "$(cat "$T.time")" | awk '{ printf "%.4f %s\n", $1 / 1e6, $2 }'
}
# Each measurement is the best of 3 runs (the times are short).
best() { # label command...
	b=
	for k in 1 2 3; do
		r=$(run "$@")
		set -- "$@"
		b=$(printf '%s\n%s\n' "$b" "$r" | awk 'NF { if (!t || $1 < t) { t = $1; m = $2 } } END { print t, m }')
	done
	echo "$b"
}
find "$T" -name '*.json' | sort > "$T.list"
p=$(best sh -c "exec '$O/tmpl_parse' < '$T.list'")
e=$(best "$O/tmpl_parse" expand "$T")
r=$(best "$O/tmpl_parse" rules "$T")
s=$(best "$O/azaudit" scan -q -f json "$T")
awk -v n="$N" -v p="$p" -v e="$e" -v r="$r" -v s="$s" 'BEGIN {
	split(p, P, " "); split(e, E, " "); split(r, R, " "); split(s, S, " ")
	line("bare parse:", P[1], P[2]); line("read+expand:", E[1], E[2]); line("+ rules:", R[1], R[2])
	line("azaudit scan:", S[1], S[2])
	if (P[1] > 0) printf "scan / parse:   %.1fx time (expansion %.1fx, rules %.1fx, JSON report %.1fx of the parse)\n",
		S[1] / P[1], (E[1] - P[1]) / P[1], (R[1] - E[1]) / P[1], (S[1] - R[1]) / P[1]
}
function line(l, t, m) { printf "%-15s %7.3f s  %8.0f templates/s  peak RSS %6.1f MB\n", l, t, (t > 0 ? n / t : 0), m / 1024 }'
# PAIRS=N: also N paired runs (the bare parse, then read, expand and all
# rules) and the median and quartiles of the pair ratios, which move less
# with the machine's load than separate bests do.
if [ "${PAIRS:-0}" -gt 0 ]; then
	for k in $(seq "$PAIRS"); do
		a=$(run sh -c "exec '$O/tmpl_parse' < '$T.list'"); b=$(run "$O/tmpl_parse" rules "$T")
		echo "${a%% *} ${b%% *}"
	done | awk '{ r[NR] = $2 / $1 } END {
		n = NR; for (i = 2; i <= n; i++) { v = r[i]; for (j = i - 1; j >= 1 && r[j] > v; j--) r[j + 1] = r[j]; r[j + 1] = v }
		printf "read, expand and rules / bare parse, %d pairs: median %.2fx (quartiles %.2fx to %.2fx)\n", n,
			(n % 2 ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2), r[int((n + 3) / 4)], r[int((3 * n + 3) / 4)]
	}'
fi
rm -f "$T.time" "$T.err" "$T.list"
