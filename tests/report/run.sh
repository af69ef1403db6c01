#!/bin/sh
# Report formats and triage (suppressions, baselines, frameworks); see README.md.
# Prints "N passed, M failed". UPDATE=1 rewrites the golden files.
AZ=${AZAUDIT:-build/azaudit}
O=${O:-build}
D=tests/report
G=$D/golden
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
# A missing test tool skips its checks on a developer machine, fails in CI.
missing() { if [ "${CI:-}" = true ]; then bad "$1 (not installed)"; else echo "skip: $1 (not installed)"; fi; }
NODE=
if command -v node >/dev/null 2>&1 && [ -d node_modules/ajv ]; then NODE=node; fi

export AZAUDIT_DATADIR=.
NOW=2026-11-01T00:00:00Z
RULES=AZA-STG-001,AZA-STG-002,AZA-STG-003,AZA-STG-004,AZA-STG-022,AZA-STG-023,AZA-STG-024
scan() { "$AZ" scan --rule "$RULES" --now "$NOW" -q "$@"; }

# golden NAME COMMAND...: the command's standard output must equal golden/NAME.
golden() {
	name=$1; shift
	"$@" > "$T/$name" 2> "$T/$name.err"
	if [ "${UPDATE:-}" = 1 ]; then cp "$T/$name" "$G/$name"; ok; return; fi
	if cmp -s "$T/$name" "$G/$name"; then ok; else bad "golden $name differs:"; diff "$G/$name" "$T/$name" | head -20; fi
}

F=$D/fixture.json

# ---- one golden file per format ----
golden text.txt scan -f text -v "$F"
golden report.json scan -f json "$F"
golden report.sarif scan -f sarif "$F"
golden report-all.sarif scan -f sarif -v "$F"
golden report.csv scan -f csv "$F"
golden report.junit.xml scan -f junit "$F"
golden report.md scan -f markdown "$F"
golden report.ocsf.json scan -f ocsf "$F"
golden report.ocsf.jsonl scan -f ocsf-jsonl "$F"
golden report.html scan -f html "$F"

# ---- SARIF: every SARIF written here is valid against the 2.1.0 schema ----
sarif_check() {
	if [ -z "$NODE" ]; then missing "node_modules (npm ci) for the SARIF schema check"; return; fi
	out=$(node $D/validate-sarif.mjs "$@" 2>&1) && ok || bad "SARIF schema: $out"
}
sarif_check "$T/report.sarif" "$T/report-all.sarif"
# fingerprints are stable: SHA-256 of rule id + lower-case resource id, not the message
jq -r '.runs[0].results[] | [.ruleId, .locations[0].logicalLocations[0].fullyQualifiedName, .partialFingerprints["azauditFinding/v1"]] | @tsv' \
	"$T/report.sarif" > "$T/fp.tsv"
nfp=0
while IFS="$(printf '\t')" read -r rule id fp; do
	want=$(printf '%s|%s' "$rule" "$(printf '%s' "$id" | tr 'A-Z' 'a-z')" | sha256sum | cut -d' ' -f1)
	[ "$want" = "$fp" ] || { bad "SARIF fingerprint of $rule $id: $fp, expected $want"; nfp=-1000; }
	nfp=$((nfp + 1))
done < "$T/fp.tsv"
[ "$nfp" -gt 5 ] && ok || bad "SARIF fingerprints not checked ($nfp)"

# ---- CSV parsed back by a real CSV parser; OCSF fields ----
if [ -n "$NODE" ]; then
	out=$(node $D/csv-check.mjs "$T/report.csv" "$T/report.json" 2>&1) && ok || bad "$out"
	out=$(node $D/ocsf-check.mjs "$T/report.ocsf.json" "$T/report.ocsf.jsonl" 2>&1) && ok || bad "$out"
else
	missing "node_modules (npm ci) for the CSV and OCSF checks"
fi

# ---- JUnit and HTML are well-formed XML where xmllint exists ----
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout "$T/report.junit.xml" && ok || bad "JUnit XML is not well-formed"
fi
grep -q '<testcase classname="azaudit.storage.AZA-STG-001" name="AZA-STG-001 &lt;img src=x onerror=alert(1)&gt;"' \
	"$T/report.junit.xml" && ok || bad "JUnit: names not escaped"
n_tc=$(grep -c '<testcase ' "$T/report.junit.xml"); n_f=$(jq '.findings | length' "$T/report.json")
[ "$n_tc" = "$n_f" ] && ok || bad "JUnit: $n_tc test cases for $n_f findings"
[ "$(grep -c '<failure ' "$T/report.junit.xml")" = "$(jq '[.findings[] | select(.status == "FAIL")] | length' "$T/report.json")" ] \
	&& ok || bad "JUnit: failures do not match FAIL findings"
# Markdown: table cells escaped
grep -q '&lt;img src=x onerror=alert(1)&gt;' "$T/report.md" && ! grep -q '<img' "$T/report.md" && ok || bad "Markdown: HTML not escaped"

# ---- HTML: self-contained, escaped, and working in a real browser ----
H=$T/report.html
! grep -qiE '<(link|img|iframe|object|embed|base)[ >]|<script [^>]*src=|url\(|@import' "$H" && ok || bad "HTML refers to something external"
! grep -q '<img' "$H" && grep -qF '\u003cimg src=x onerror=alert(1)\u003e' "$H" && ok || bad "HTML: injected name not escaped"
! grep -q '</script>.*</script>.*</script>' "$H" && [ "$(grep -o '</script>' "$H" | wc -l)" -eq 2 ] && ok || bad "HTML: a value closed a script element"
if [ -z "$NODE" ]; then
	missing "node_modules (npm ci) for the browser test"
elif [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
	missing "chromium (apt-get install chromium chromium-driver) for the browser test"
else
	mkdir -p "$O"
	out=$(node $D/browser.mjs "$H" "$O/report-screenshot.png" 2>&1) && ok || bad "browser test: $(printf '%s\n' "$out" | grep -v '^ok ')"
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
