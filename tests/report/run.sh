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

# ---- several formats in one run, each written atomically ----
"$AZ" scan --rule "$RULES" --now "$NOW" -q -f text,json,html,sarif,csv,ocsf,ocsf-jsonl,junit,markdown \
	--output-dir "$T/out" "$F"; rc=$?
[ $rc -eq 0 ] && ok || bad "--output-dir exit $rc"
for pair in txt:text.txt json:report.json html:report.html sarif:report.sarif csv:report.csv ocsf.json:report.ocsf.json \
	ocsf.jsonl:report.ocsf.jsonl junit.xml:report.junit.xml md:report.md; do
	ext=${pair%%:*}; g=${pair#*:}
	if [ "$ext" = txt ]; then scan -f text "$F" > "$T/plain.txt"; g_file=$T/plain.txt; else g_file=$G/$g; fi
	cmp -s "$T/out/azaudit.$ext" "$g_file" && ok || bad "--output-dir azaudit.$ext differs from the single-format report"
done
[ -z "$(ls "$T/out" | grep -v '^azaudit\.')" ] && ok || bad "--output-dir left temporary files: $(ls "$T/out")"
"$AZ" scan -q -f text,nosuch --output-dir "$T/out2" "$F" 2> "$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q "unknown format 'nosuch'" "$T/err" && [ ! -e "$T/out2" ] && ok || bad "unknown format in a list: exit $rc"

# ---- suppressions ----
S=$D/suppressions.json
golden suppressed.json scan -f json --suppressions "$S" "$F"
"$AZ" scan --rule "$RULES" --now "$NOW" -f json --suppressions "$S" "$F" 2> "$T/warn" > /dev/null
grep -q 'suppressions.json:26: suppression of AZA-STG-023 expired on 2026-06-30' "$T/warn" && ok || bad "no warning for the expired entry: $(cat "$T/warn")"
grep -q 'suppressions.json:33: suppression of AZA-STG-002 on \*/does-not-exist matched no' "$T/warn" && ok || bad "no warning for the unmatched entry"
[ "$(grep -c warning "$T/warn")" -eq 2 ] && ok || bad "unexpected warnings: $(cat "$T/warn")"
J=$G/suppressed.json
sup() { jq -r --arg r "$1" --arg n "$2" '.findings[] | select(.rule_id == $r and .resource_name == $n) | .status' "$J"; }
[ "$(sup AZA-STG-001 stgbad)" = SUPPRESSED ] && ok || bad "glob entry did not apply"
[ "$(sup AZA-STG-004 stgopen/default/public)$(sup AZA-STG-004 stgopen/default/blobonly)" = SUPPRESSEDSUPPRESSED ] && ok || bad "regex entry did not apply"
[ "$(sup AZA-STG-003 stgopen)" = SUPPRESSED ] && ok || bad "case-insensitive glob with subscription id did not apply"
[ "$(sup AZA-STG-023 stgother)" = SUPPRESSED ] && [ "$(sup AZA-STG-023 stgok)" = UNKNOWN ] && ok || bad "subscription by name"
[ "$(sup AZA-STG-023 stgbad)" = UNKNOWN ] && ok || bad "expired entry still applied"
[ "$(sup AZA-STG-022 stgbare)" = SUPPRESSED ] && ok || bad "tag entry did not apply"
[ "$(sup AZA-STG-001 stgok)" = PASS ] && ok || bad "a PASS was suppressed"
jq -e '.summary.SUPPRESSED == 9 and .summary.FAIL == 0' "$J" > /dev/null && ok || bad "suppressed counts: $(jq -c .summary "$J")"
jq -e '[.findings[] | select(.rule_id == "AZA-STG-001" and .resource_name == "stgbad")][0] |
	.suppressed_status == "FAIL" and .suppression.owner == "storage-team@example.com" and .suppression.expires == "2027-01-31"' "$J" >/dev/null \
	&& ok || bad "suppression details missing"
scan -f json --fail-on high "$F" > /dev/null; rc1=$?
scan -f json --fail-on high --suppressions "$S" "$F" > /dev/null; rc2=$?
[ $rc1 -eq 1 ] && [ $rc2 -eq 0 ] && ok || bad "--fail-on with suppressions: exit $rc1 / $rc2"
scan -f sarif --suppressions "$S" "$F" > "$T/suppressed.sarif"
[ "$(jq '[.runs[0].results[] | select(.suppressions)] | length' "$T/suppressed.sarif")" -eq 9 ] && ok || bad "SARIF suppressions"
scan -f html --suppressions "$S" "$F" > "$T/suppressed.html" && grep -q 'SUPPRESSED' "$T/suppressed.html" && ok || bad "HTML with suppressions"
# refused NAME FILE-TEXT PATTERN: a suppressions file that exits 2 with PATTERN in the error
refused() {
	printf '%s' "$2" > "$T/$1.json"
	scan --suppressions "$T/$1.json" "$F" > /dev/null 2> "$T/err"; rc=$?
	[ $rc -eq 2 ] && grep -q -- "$3" "$T/err" && ok || bad "$1: exit $rc $(cat "$T/err")"
}
refused noreason '{"suppressions":[{"rule":"AZA-STG-001"}]}' 'noreason.json:1: a suppression needs a "reason"'
refused badre '{"suppressions":[{"rule":"*","resource":"/([a-/","reason":"x"}]}' 'bad regular expression'
# glibc copies a bounded repeat's operand: nested bounds multiply (this one took seconds and gigabytes);
# back-references make matching exponential: both refused before compiling, with the reason
refused bigre '{"suppressions":[{"rule":"*","resource":"/((a{255}){255}){255}/","reason":"x"}]}' \
	'bigre.json:1: regular expression /((a{255}){255}){255}/: its bounded repeats'
refused backref '{"suppressions":[{"rule":"*","resource":"/(a+)+\\1/","reason":"x"}]}' 'back-references'
printf '{"suppressions":[{"rule":"*","resource":"/^/subscriptions/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/","reason":"x"}]}' > "$T/guidre.json"
scan -f json --suppressions "$T/guidre.json" "$F" > "$T/guid.json" 2> "$T/err" && jq -e '.summary.SUPPRESSED > 0' "$T/guid.json" > /dev/null && ok ||
	bad "a GUID pattern refused: $(cat "$T/err")"
refused baddate '{"suppressions":[{"rule":"*","reason":"x","expires":"soon"}]}' '"expires" must be a date'

# ---- baselines: matched by rule + resource id (any case), never by message ----
W=$O/report-tests; rm -rf "$W"; mkdir -p "$W" # a stable relative path for golden files
scan -f json "$F" > "$T/base.json"
# the previous report had other messages and upper-case ids
jq '.findings |= map(.message = "an older wording" | .resource_id |= ascii_upcase)' "$T/base.json" > "$T/base-renamed.json"
scan -f json --baseline "$T/base-renamed.json" "$F" > "$T/same.json"
jq -e '([.findings[] | select(.baseline != "unchanged")] | length) == 0 and (.resolved | length) == 0' "$T/same.json" > /dev/null \
	&& ok || bad "baseline across renamed messages: $(jq -c '[.findings[] | .baseline] | group_by(.) | map({(.[0]): length})' "$T/same.json")"
scan -f json --baseline "$T/base-renamed.json" --fail-on-new "$F" > /dev/null; rc=$?
[ $rc -eq 0 ] && ok || bad "--fail-on-new without new FAILs: exit $rc"
# fix stgbad's secure transfer, add a new failing account
jq '(.resources[0].properties.supportsHttpsTrafficOnly) = true |
	.resources += [(.resources[0] | .id |= sub("stgbad$"; "stgnew") | .name = "stgnew" | .properties.supportsHttpsTrafficOnly = false)]' \
	"$F" > "$W/next.json"
# (golden files name the input without the build directory)
nodir() { "$@" | sed "s|$W/||g"; }
golden baseline.json nodir scan -f json --baseline "$T/base-renamed.json" "$W/next.json"
B=$G/baseline.json
jq -e '[.findings[] | select(.baseline == "new" and .status == "FAIL")] | map(.rule_id + " " + .resource_name) == ["AZA-STG-001 stgnew"]' "$B" > /dev/null \
	&& ok || bad "new FAILs: $(jq -c '[.findings[] | select(.baseline == "new") | .rule_id + " " + .resource_name + " " + .status]' "$B")"
jq -e '.resolved | map(.rule_id + " " + (.resource_id | split("/") | last) + " " + .status) == ["AZA-STG-001 STGBAD FAIL"]' "$B" > /dev/null \
	&& ok || bad "resolved: $(jq -c .resolved "$B")"
scan -f json --baseline "$T/base-renamed.json" --fail-on-new "$W/next.json" > /dev/null; rc=$?
[ $rc -eq 1 ] && ok || bad "--fail-on-new with a new FAIL: exit $rc"
scan -f json --baseline "$T/base-renamed.json" --fail-on-new --fail-on critical "$W/next.json" > /dev/null; rc=$?
[ $rc -eq 0 ] && ok || bad "--fail-on-new --fail-on critical with a new high FAIL: exit $rc"
scan --fail-on-new "$F" > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && ok || bad "--fail-on-new without --baseline: exit $rc"
scan -f sarif --baseline "$T/base-renamed.json" "$W/next.json" > "$T/baseline.sarif"
jq -e '[.runs[0].results[] | .baselineState] | (index("new") != null) and (index("absent") != null) and (index("unchanged") != null)' \
	"$T/baseline.sarif" > /dev/null && ok || bad "SARIF baselineState"
golden baseline.txt nodir scan -f text --baseline "$T/base-renamed.json" "$W/next.json"
# The baseline is walked one finding at a time from a mapping of the file;
# standard input redirected from a file is mapped the same way, and a pipe
# (plain or gzip) is copied into a temporary file first (into memory
# without one): the same marks every way.
scan -f json --baseline /dev/stdin "$W/next.json" < "$T/base-renamed.json" | nodir cat | sed 's/"generated_at":"[^"]*"//' > "$T/piped.json"
sed 's/"generated_at":"[^"]*"//' "$B" | cmp -s - "$T/piped.json" && ok || bad "baseline from redirected stdin differs from the file"
for tmpd in "${TMPDIR:-/tmp}" "$T/no-such-dir"; do
	for how in "cat|-" "gzip -c|-" "cat|/dev/stdin" "gzip -c|/dev/stdin"; do
		$(echo "${how%%|*}") "$T/base-renamed.json" | TMPDIR=$tmpd scan -f json --baseline "${how#*|}" "$W/next.json" |
			nodir cat | sed 's/"generated_at":"[^"]*"//' > "$T/piped.json"
		sed 's/"generated_at":"[^"]*"//' "$B" | cmp -s - "$T/piped.json" && ok ||
			bad "baseline piped through '${how%%|*}' as ${how#*|} differs from the file (TMPDIR $tmpd)"
	done
done
# Errors in a piped baseline name <stdin> and the position; a truncated
# gzip stream is an error; stdin cannot be both the input and the baseline.
printf '{"findings":[{"rule_id":"AZA-STG-001"} {"a":1}]}' | scan -f json --baseline - "$F" > "$T/bl-out" 2> "$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q "<stdin>:1:[0-9]*: expected ',' or ']'" "$T/err" && [ ! -s "$T/bl-out" ] && ok ||
	bad "broken piped baseline: exit $rc, $(cat "$T/err")"
gzip -c "$T/base-renamed.json" | head -c 300 | scan -f json --baseline - "$F" > "$T/bl-out" 2> "$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q "<stdin>: .*(truncated or corrupt gzip?)" "$T/err" && [ ! -s "$T/bl-out" ] && ok ||
	bad "truncated piped gzip baseline: exit $rc, $(cat "$T/err")"
scan -f json --baseline - - < "$F" > "$T/bl-out" 2> "$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q "cannot both read standard input" "$T/err" && [ ! -s "$T/bl-out" ] && ok ||
	bad "--baseline - with input -: exit $rc, $(cat "$T/err")"
# A gzip baseline is inflated into a temporary file (into memory without
# one) and read the same way; a truncated one is an error naming the file.
gzip -c "$T/base-renamed.json" > "$T/base-renamed.json.gz"
for tmpd in "${TMPDIR:-/tmp}" "$T/no-such-dir"; do
	TMPDIR=$tmpd scan -f json --baseline "$T/base-renamed.json.gz" "$W/next.json" | nodir cat | sed 's/"generated_at":"[^"]*"//' > "$T/gz.json"
	sed 's/"generated_at":"[^"]*"//' "$B" | cmp -s - "$T/gz.json" && ok || bad "gzip baseline differs from the file (TMPDIR $tmpd)"
done
head -c 200 "$T/base-renamed.json.gz" > "$T/base-cut.json.gz"
scan -f json --baseline "$T/base-cut.json.gz" "$F" > "$T/bl-out" 2> "$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q "base-cut.json.gz: .*(truncated or corrupt gzip?)" "$T/err" && [ ! -s "$T/bl-out" ] && ok ||
	bad "truncated gzip baseline: exit $rc, $(cat "$T/err")"
# A baseline that is not a report, or not JSON: exit 2, the file and where.
printf '{"schema_version":"1.0","findings":[{"rule_id":"AZA-STG-001","resource_id":"/x","status":"FAIL"},' > "$T/bl-cut.json"
printf '{"summary":{},"findings":{}}' > "$T/bl-obj.json"
printf '{"schema_version":"1.0"}' > "$T/bl-none.json"
printf '{"findings":[],\n "findings":[]}' > "$T/bl-dup.json"
printf '[{"findings":[]}]' > "$T/bl-arr.json"
printf '{"findings":[{"rule_id":"AZA-STG-001"} {"a":1}]}' > "$T/bl-comma.json"
: > "$T/bl-empty.json"
for c in 'cut|bl-cut.json:1:[0-9]*: unexpected end' 'obj|bl-obj.json:1:[0-9]*: not an azaudit JSON report' \
	'none|bl-none.json: not an azaudit JSON report (no "findings" array)' 'dup|bl-dup.json:2:[0-9]*: duplicate key' \
	'arr|bl-arr.json:1:1: not an azaudit JSON report' "comma|bl-comma.json:1:[0-9]*: expected ',' or ']'" \
	'empty|bl-empty.json:1:1: unexpected end'; do
	name=${c%%|*}; want=${c#*|}
	scan -f json --baseline "$T/${want%%:*}" "$F" > "$T/bl-out" 2> "$T/err"; rc=$?
	[ $rc -eq 2 ] && grep -q "$T/$want" "$T/err" && [ ! -s "$T/bl-out" ] && ok || bad "bad baseline ($name): exit $rc, $(cat "$T/err")"
done
sarif_check "$T/suppressed.sarif" "$T/baseline.sarif" "$T/out/azaudit.sarif"

# ---- frameworks ----
TF=$D/test-framework.json
golden framework.txt scan -f text --framework "$TF" "$F"
golden framework.json scan -f json --framework "$TF" "$F"
ctl() { jq -r --arg c "$1" '.framework.controls[] | select(.id == $c) | .status' "$G/framework.json"; }
[ "$(ctl C1) $(ctl C2) $(ctl C3) $(ctl C4) $(ctl C5)" = "FAIL UNKNOWN MANUAL NOT_EVALUATED FAIL" ] && ok \
	|| bad "control statuses: $(ctl C1) $(ctl C2) $(ctl C3) $(ctl C4) $(ctl C5)"
jq -e '.framework.controls[] | select(.id == "C3") | .manual_steps[0].steps | test("ReadOnly lock")' "$G/framework.json" > /dev/null \
	&& ok || bad "manual control without its steps"
jq -e '.framework.not_covered == [{"id":"C9","title":"Something no rule reads","reason":"not visible through the management API"}]' \
	"$G/framework.json" > /dev/null && ok || bad "not covered controls"
scan -f json --framework "$TF" --suppressions "$S" "$F" | jq -e '.framework.controls[] | select(.id == "C5") | .status == "UNKNOWN"' > /dev/null \
	&& ok || bad "a suppressed FAIL still fails its control"
scan -f json --framework cis-azure-6.0.0 "$F" > "$T/cis.json"
jq -e '.framework.id == "cis-azure-6.0.0" and ([.framework.controls[] | select(.id == "9.3.4") | .status] == ["FAIL"])' "$T/cis.json" > /dev/null \
	&& ok || bad "--framework cis-azure-6.0.0"
scan -f html --framework "$TF" "$F" > "$T/fw.html" && grep -q 'id="framework"' "$T/fw.html" && grep -q 'Secure transfer &lt;and&gt; TLS' "$T/fw.html" \
	&& ok || bad "HTML framework section"
scan -f markdown --framework "$TF" "$F" | grep -q 'Secure transfer &lt;and&gt; TLS' && ok || bad "Markdown framework section"
scan --framework nosuch "$F" > /dev/null 2> "$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q "unknown framework 'nosuch'" "$T/err" && ok || bad "unknown framework: exit $rc"
"$AZ" frameworks > "$T/fws"; [ "$(grep -c -E '^(cis-azure-6.0.0|cis-azure-5.0.0|azaudit-checklist) ' "$T/fws")" -eq 3 ] && ok || bad "azaudit frameworks: $(cat "$T/fws")"
"$AZ" frameworks --format json | jq -e '.frameworks | length >= 3' > /dev/null && ok || bad "azaudit frameworks --format json"
if [ -n "$NODE" ]; then
	SH=${SHARED:-../shared}; [ -f "$SH/cis-azure-6.0.0.md" ] || SH=-
	out=$(node $D/frameworks-check.mjs "$AZ" "$SH" 2>&1) && ok || bad "frameworks: $(printf '%s\n' "$out" | tail -5)"
	printf '%s\n' "$out" | grep '^skip' || true
else
	missing "node_modules (npm ci) for the framework checks"
fi

# ---- HTML: self-contained, escaped, and working in a real browser ----
H=$T/report.html
! grep -qiE '<(link|img|iframe|object|embed|base)[ >]|<script [^>]*src=|url\(|@import' "$H" && ok || bad "HTML refers to something external"
! grep -q '<img' "$H" && grep -qF '\u003cimg src=x onerror=alert(1)\u003e' "$H" && ok || bad "HTML: injected name not escaped"
! grep -q '</script>.*</script>.*</script>' "$H" && [ "$(grep -o '</script>' "$H" | wc -l)" -eq 2 ] && ok || bad "HTML: a value closed a script element"
# the exposure section: in the JSON report and the page, escaped like the rest
X=$T/exposure.html
"$AZ" scan --rule AZA-NET-027,AZA-NET-028 --now "$NOW" -q -f html "$D/exposure.json" > "$X"
"$AZ" scan --rule AZA-NET-027,AZA-NET-028 --now "$NOW" -q -f json "$D/exposure.json" > "$T/exposure.json"
[ "$(jq '.exposure | length' "$T/exposure.json")" = 2 ] && [ "$(jq '[.exposure[].reach[]] | length' "$T/exposure.json")" = 3 ] \
	&& jq -e '.exposure[] | select(.resource_name == "vm2") | .reach[0].path[1] | .rule == "AllowSsh" and .priority == 110' "$T/exposure.json" >/dev/null \
	&& ok || bad "JSON report: exposure array"
[ "$(jq 'has("exposure")' "$T/report.json")" = false ] && ok || bad "JSON report: exposure without exposure rules"
grep -q 'id="exposure"' "$X" && ! grep -q '<img' "$X" && grep -qF '\u003cimg src=x onerror=alert(1)\u003e' "$X" && \
	[ "$(grep -o '</script>' "$X" | wc -l)" -eq 2 ] && ok || bad "HTML: exposure section missing or not escaped"
if [ -z "$NODE" ]; then
	missing "node_modules (npm ci) for the browser test"
elif [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
	missing "chromium (apt-get install chromium chromium-driver) for the browser test"
else
	mkdir -p "$O"
	out=$(node $D/browser.mjs "$H" "$O/report-screenshot.png" "$X" 2>&1) && ok || bad "browser test: $(printf '%s\n' "$out" | grep -v '^ok ')"
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
