#!/bin/sh
# End-to-end tests of the azaudit command. Prints "N passed, M failed".
# Run from the project root (make check does); AZAUDIT names the binary.
AZ=${AZAUDIT:-build/azaudit}
case $AZ in /*) ;; *) AZ=$(pwd)/$AZ ;; esac
ROOT=$(pwd)
SAMPLE=$ROOT/examples/sample-tenant/snapshot.json
CONFIG=$ROOT/examples/azaudit.config.json
NOW=2026-11-01T00:00:00Z
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
have_jq=0; command -v jq >/dev/null 2>&1 && have_jq=1
ESC=$(printf '\033')
SUB=00000000-0000-0000-0000-000000000001
ST=/subscriptions/$SUB/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts

# exit 2 and a positioned message on malformed JSON; no report written
printf '{"resources": [\n {"id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/a", }\n]}' > "$T/bad.json"
$AZ scan -f json -o "$T/out.json" "$T/bad.json" 2> "$T/err"; rc=$?
[ $rc -eq 2 ] && ok || bad "malformed JSON exit $rc"
grep -q "bad.json:2:.*trailing comma" "$T/err" && ok || bad "malformed JSON message: $(cat "$T/err")"
[ ! -e "$T/out.json" ] && ok || bad "report written despite bad input"

# bad_input NAME PATTERN: scanning $T/NAME exits 2 (not a crash), the message
# matches PATTERN (which names the file), and no report is written.
bad_input() {
	rm -f "$T/out.json"
	$AZ scan -f json -o "$T/out.json" "$T/$1" > "$T/stdout" 2> "$T/err"; rc=$?
	[ $rc -eq 2 ] && ok || bad "$1: exit $rc, want 2 ($(head -c 300 "$T/err"))"
	grep -Eq "$2" "$T/err" && ok || bad "$1: message '$(head -c 300 "$T/err")' does not match '$2'"
	[ ! -e "$T/out.json" ] && [ ! -s "$T/stdout" ] && ok || bad "$1: report written despite bad input"
}
echo 5 > "$T/number.json"
bad_input number.json 'number\.json:1:1: '
printf '\n  "a string"\n' > "$T/string.json"
bad_input string.json 'string\.json:2:3: '
printf '{\n"resources": 5}\n' > "$T/res5.json"
bad_input res5.json 'res5\.json.*"resources" must be an array'
printf '[\n {"id": "%s/a"},\n 42\n]\n' "$ST" > "$T/elem.json"
bad_input elem.json 'elem\.json:3:2: .*\[1\] is not an object'
printf '{"value": [{"id": "%s/a"}, "x"]}' "$ST" > "$T/elem2.json"
bad_input elem2.json 'elem2\.json:1:[0-9]+: .*not an object'
: > "$T/empty.json"
bad_input empty.json 'empty\.json: empty input'
printf '  \n\n' > "$T/blank.json"
bad_input blank.json 'blank\.json: empty input'
printf '[{"id": "%s/a", "name": "a\377\376b"}]' "$ST" > "$T/utf8.json"
bad_input utf8.json 'utf8\.json:1:[0-9]+: invalid UTF-8'
printf '[{"id": "%s/a", "properties": {"x": 1,\n "x": 2}}]' "$ST" > "$T/dupkey.json"
bad_input dupkey.json 'dupkey\.json:2:2: duplicate key'
printf '{"snapshot_version": "1.0", "meta": {}, "meta": {}}' > "$T/dupkey2.json"
bad_input dupkey2.json 'dupkey2\.json:1:[0-9]+: duplicate key'
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "["; for (i = 0; i < 10000; i++) printf "]"; print "" }' > "$T/deep.json"
bad_input deep.json 'deep\.json:1:[0-9]+: nesting deeper than the limit'
awk -v id="$ST/a" 'BEGIN { printf "[{\"id\": \"%s\", \"properties\": ", id; for (i = 0; i < 10000; i++) printf "{\"a\":"; printf "1"; for (i = 0; i < 10000; i++) printf "}"; print "}]" }' > "$T/deep2.json"
bad_input deep2.json 'deep2\.json:1:[0-9]+: nesting deeper than the limit'
printf '{"snapshot_version": "1.0", "resources": [' > "$T/cut.json"
bad_input cut.json 'cut\.json:1:[0-9]+: unexpected end of input'
# "properties" that is not an object (a query's tostring(properties)) is not
# read as an empty one, on which unset-means-secure rules would pass; null
# (az resource list) stays a resource without details
printf '[{"id": "%s/a", "type": "Microsoft.Storage/storageAccounts",\n "properties": "{\\"allowBlobPublicAccess\\": true}"}]' "$ST" > "$T/propstr.json"
bad_input propstr.json 'propstr\.json:1:2: .*"properties" is a string'
printf '{"data": [{"id": "%s/a", "type": "microsoft.storage/storageaccounts", "properties": [1]}]}' "$ST" > "$T/proparr.json"
bad_input proparr.json 'proparr\.json:1:[0-9]+: .*"properties" is an array'
printf '{"id": "%s/a", "type": "Microsoft.Storage/storageAccounts", "properties": true}' "$ST" > "$T/propbool.json"
bad_input propbool.json 'propbool\.json:1:1: .*"properties" is a number or boolean'
printf '[{"id": "%s/a", "type": "Microsoft.Storage/storageAccounts", "properties": null}]' "$ST" > "$T/propnull.json"
$AZ scan --rule AZA-STG-001 -v "$T/propnull.json" 2>&1 | grep -q 'UNKNOWN.*AZA-STG-001' && ok || bad "properties null: not UNKNOWN"
# a scan's own report (left in a scanned directory) is named as one, not
# taken for an input of an unknown shape nor its OCSF "resources" for resources
mkdir "$T/rep"
printf '[{"id": "%s/a", "type": "Microsoft.Storage/storageAccounts", "properties": {}}]' "$ST" > "$T/rep/a.json"
$AZ scan -f json,sarif,ocsf,ocsf-jsonl --output-dir "$T/rep/out" "$T/rep/a.json" > /dev/null 2>&1
for f in azaudit.json azaudit.sarif azaudit.ocsf.json azaudit.ocsf.jsonl; do
	[ -s "$T/rep/out/$f" ] || { bad "report $f not written"; continue; }
	cp "$T/rep/out/$f" "$T/rep-$f.json"
	bad_input "rep-$f.json" "rep-$f\.json(:[0-9]+:[0-9]+)?: .*(JSON report|SARIF log|OCSF finding) of a scan"
done
rm -rf "$T/rep/out"
cp "$T/rep-azaudit.json.json" "$T/rep/z.json"
bad_input rep 'rep/z\.json: a JSON report of a scan'
printf '[{"id": "%s/a"}] [' "$ST" > "$T/trailing.json"
bad_input trailing.json 'trailing\.json:1:[0-9]+: '
printf '{"snapshot_version": "9.0", "resources": []}' > "$T/version.json"
bad_input version.json 'version\.json: snapshot version 9\.0'
# truncated gzip: cut a real compressed snapshot short
gzip -c "$SAMPLE" > "$T/sample.json.gz"
n=$(wc -c < "$T/sample.json.gz")
head -c $((n / 2)) "$T/sample.json.gz" > "$T/cut.json.gz"
bad_input cut.json.gz 'cut\.json\.gz: .*(truncated|corrupt)'
head -c $((n - 6)) "$T/sample.json.gz" > "$T/cut2.json.gz"
bad_input cut2.json.gz 'cut2\.json\.gz: .*(truncated|corrupt)'
# a file that does not exist
$AZ scan "$T/nope.json" > /dev/null 2> "$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q 'nope\.json' "$T/err" && ok || bad "missing file: exit $rc, $(cat "$T/err")"

# a bad input among good ones still fails the whole scan, and an existing
# report is left as it was
echo OLD > "$T/keep.json"
$AZ scan -f json -o "$T/keep.json" "$SAMPLE" "$T/dupkey.json" > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && [ "$(cat "$T/keep.json")" = OLD ] && ok || bad "failed scan replaced an existing report (exit $rc)"

# A 100 MB string: a correct result or a clear error, never a crash.
{ printf '[{"id": "%s/big", "properties": {"supportsHttpsTrafficOnly": true}, "tags": {"note": "' "$ST"
  head -c 104857600 /dev/zero | tr '\0' a
  printf '"}}]\n'; } > "$T/big.json"
$AZ scan -f json -o "$T/big.out" --rule AZA-STG-001 "$T/big.json" 2> "$T/err"; rc=$?
if [ $rc -eq 0 ]; then
	grep -q '"status":"PASS","resource_id":"[^"]*/storageAccounts/big"' "$T/big.out" && ok || bad "100 MB string: wrong result"
elif [ $rc -eq 2 ] || [ $rc -eq 3 ]; then
	grep -Eq 'big\.json.*(limit|memory)' "$T/err" && ok || bad "100 MB string: unclear error $(cat "$T/err")"
else
	bad "100 MB string: exit $rc (crash?)"
fi
rm -f "$T/big.json" "$T/big.out"

# ---- input formats: the same resources give the same findings
# Three storage accounts with their services and containers, as ARM objects.
cat > "$T/arr.json" <<EOF
[
 {"id": "$ST/stgood", "name": "stgood", "type": "Microsoft.Storage/storageAccounts", "kind": "StorageV2",
  "location": "westeurope", "sku": {"name": "Standard_GRS", "tier": "Standard"},
  "properties": {"supportsHttpsTrafficOnly": true, "minimumTlsVersion": "TLS1_2", "allowBlobPublicAccess": false,
   "allowSharedKeyAccess": false, "publicNetworkAccess": "Disabled",
   "networkAcls": {"bypass": "AzureServices", "defaultAction": "Deny", "ipRules": [], "virtualNetworkRules": []},
   "encryption": {"keySource": "Microsoft.Storage", "requireInfrastructureEncryption": true}}},
 {"id": "$ST/stbad", "name": "stbad", "type": "Microsoft.Storage/storageAccounts", "kind": "StorageV2",
  "location": "westeurope", "sku": {"name": "Standard_LRS", "tier": "Standard"},
  "properties": {"supportsHttpsTrafficOnly": false, "minimumTlsVersion": "TLS1_0", "allowBlobPublicAccess": true,
   "networkAcls": {"bypass": "None", "defaultAction": "Allow", "ipRules": [], "virtualNetworkRules": []}}},
 {"id": "$ST/stbad/blobServices/default/containers/public", "name": "public",
  "type": "Microsoft.Storage/storageAccounts/blobServices/containers",
  "properties": {"publicAccess": "Container", "leaseStatus": "Unlocked", "hasImmutabilityPolicy": false, "hasLegalHold": false}},
 {"id": "$ST/stbad/blobServices/default", "name": "default", "type": "Microsoft.Storage/storageAccounts/blobServices",
  "properties": {"deleteRetentionPolicy": {"enabled": false}, "isVersioningEnabled": false}}
]
EOF
findings() { # findings FILE -> "rule status id" lines, sorted
	jq -r '.findings[] | "\(.rule_id) \(.status) \(.resource_id)"' "$1" | LC_ALL=C sort
}
if [ $have_jq -eq 1 ]; then
	$AZ scan -f json -o "$T/f-array.json" --now $NOW "$T/arr.json"; rc=$?
	[ $rc -eq 0 ] && ok || bad "array: exit $rc"
	findings "$T/f-array.json" > "$T/want"
	grep -q "^AZA-STG-001 FAIL $ST/stbad\$" "$T/want" && grep -q "^AZA-STG-001 PASS $ST/stgood\$" "$T/want" &&
		grep -q "^AZA-STG-004 FAIL $ST/stbad/blobServices/default/containers/public\$" "$T/want" && ok ||
		bad "array: unexpected findings $(head -5 "$T/want")"
	# same_as NAME ARGS...: scanning ARGS gives the findings of the array
	same_as() {
		name=$1; shift
		$AZ scan -f json -o "$T/f-$name.json" --now $NOW "$@" 2> "$T/err"; rc=$?
		[ $rc -eq 0 ] || { bad "$name: exit $rc $(cat "$T/err")"; return; }
		findings "$T/f-$name.json" > "$T/got"
		if cmp -s "$T/want" "$T/got"; then ok; else bad "$name: findings differ from the array:"; diff "$T/want" "$T/got" | head -10; fi
	}
	jq '{value: .}' "$T/arr.json" > "$T/armlist.json"
	same_as armlist "$T/armlist.json"
	jq '{totalRecords: length, count: length, data: [.[] | .type |= ascii_downcase], facets: [], resultTruncated: "false"}' \
		"$T/arr.json" > "$T/graph.json"
	grep -q '"type": "microsoft.storage/storageaccounts"' "$T/graph.json" && ok || bad "graph fixture not lower-case"
	same_as resource-graph "$T/graph.json"
	jq -c '.[]' "$T/arr.json" > "$T/lines.jsonl"
	same_as jsonlines "$T/lines.jsonl"
	gzip -c "$T/arr.json" > "$T/arr.json.gz"
	same_as gzip "$T/arr.json.gz"
	same_as stdin - < "$T/arr.json"
	gzip -c "$T/arr.json" | $AZ scan -f json --now $NOW - > "$T/f-stdin-gz.json" 2>&1
	findings "$T/f-stdin-gz.json" 2>/dev/null | cmp -s "$T/want" - && ok || bad "gzip on standard input: $(head -c 200 "$T/f-stdin-gz.json")"
	mkdir -p "$T/dir/sub"
	jq '.[0:2]' "$T/arr.json" > "$T/dir/a.json"
	jq -c '.[2:][]' "$T/arr.json" > "$T/dir/sub/b.jsonl"
	echo 'not json' > "$T/dir/README.txt"
	same_as directory "$T/dir"
	jq '{snapshot_version: "1.0", meta: {tenant_id: "t1", subscriptions: [{id: "'$SUB'", name: "fixture-sub"}]}, resources: .}' \
		"$T/arr.json" > "$T/snap.json"
	same_as snapshot "$T/snap.json"
	jq '.[0:2]' "$T/arr.json" > "$T/half1.json"; jq '.[2:]' "$T/arr.json" > "$T/half2.json"
	same_as two-files "$T/half1.json" "$T/half2.json"
	# ids written with a trailing slash name the same resources
	jq '[.[] | .id += "/"]' "$T/arr.json" > "$T/slash.json"
	same_as trailing-slash "$T/slash.json"
	# a single resource (az ... show) gives the findings of a one-element array
	jq '.[1]' "$T/arr.json" > "$T/one.json"
	jq '[.[1]]' "$T/arr.json" > "$T/one-arr.json"
	$AZ scan -f json --now $NOW "$T/one-arr.json" > "$T/f1.json"
	findings "$T/f1.json" > "$T/want"
	grep -q "^AZA-STG-001 FAIL $ST/stbad\$" "$T/want" && ok || bad "single element array: no STG-001 FAIL"
	same_as single-resource "$T/one.json"

	# Unknown resource types are counted and ignored, not an error.
	printf '%s\n' \
		'{"id": "/subscriptions/'$SUB'/resourceGroups/rg/providers/Microsoft.Contoso/widgets/w1", "properties": {}}' \
		"$(jq -c '.[1]' "$T/arr.json")" \
		'{"id": "/subscriptions/'$SUB'/resourceGroups/rg/providers/Microsoft.Contoso/widgets/w2", "properties": {}}' \
		> "$T/unknown.jsonl"
	$AZ scan -f json -o "$T/f-unknown.json" --now $NOW "$T/unknown.jsonl" 2> "$T/err"; rc=$?
	[ $rc -eq 0 ] && ok || bad "unknown types: exit $rc $(cat "$T/err")"
	[ "$(jq '.scan.unknown_types' "$T/f-unknown.json")" = 1 ] && [ "$(jq '.scan.resources' "$T/f-unknown.json")" = 3 ] && ok ||
		bad "unknown types: scan block $(jq -c .scan "$T/f-unknown.json")"
	findings "$T/f-unknown.json" | cmp -s "$T/want" - && ok || bad "unknown types changed the findings"
	jq -e '[.findings[].resource_id | select(test("widgets"))] | length == 0' "$T/f-unknown.json" > /dev/null && ok ||
		bad "unknown types: a finding on an unknown resource"
else
	bad "jq not installed: input-format tests skipped"
fi

# ---- the example tenants: findings match their expected.txt (the second
# one, Fabrikam, gives each tenant-wide rule the verdict it does not get on
# the sample tenant: examples/second-tenant/README.md)
if [ $have_jq -eq 1 ]; then
	for tenant in sample-tenant second-tenant; do
		AZAUDIT=$AZ sh "$ROOT/examples/$tenant/update-expected.sh" - > "$T/$tenant-got" 2> "$T/err"; rc=$?
		if [ $rc -eq 0 ] && cmp -s "$ROOT/examples/$tenant/expected.txt" "$T/$tenant-got"; then ok
		else
			bad "$tenant findings differ from examples/$tenant/expected.txt (exit $rc; regenerate with examples/$tenant/update-expected.sh and review):"
			diff "$ROOT/examples/$tenant/expected.txt" "$T/$tenant-got" | head -40
			cat "$T/err"
		fi
	done
	# The findings store pages records to a temporary file past a threshold
	# (AZAUDIT_SPILL_AT; chunks of 4 records, 2 in memory, under 1) and keeps
	# them in memory when no temporary file can be made: same report, byte
	# for byte, in every format, with both threads. The document store does
	# the same (under 1: blocks of 256 bytes, most documents written on their
	# own; at 16384: blocks of that size holding many documents of a type,
	# read back through the evaluators' windows), and so do the messages and
	# the HTML page's data sections.
	for fmt in json text sarif csv html; do
		$AZ scan --now "$NOW" --config "$CONFIG" -f $fmt -o "$T/mem.$fmt" "$SAMPLE" 2>/dev/null
		AZAUDIT_SPILL_AT=1 $AZ scan --now "$NOW" --config "$CONFIG" -f $fmt -o "$T/paged.$fmt" "$SAMPLE" 2>/dev/null
		AZAUDIT_SPILL_AT=16384 $AZ scan --now "$NOW" --config "$CONFIG" -f $fmt -o "$T/blocks.$fmt" "$SAMPLE" 2>/dev/null
		AZAUDIT_SPILL_AT=1 AZAUDIT_THREADS=2 TMPDIR="$T/no-such-dir" $AZ scan --now "$NOW" --config "$CONFIG" -f $fmt \
			-o "$T/nofile.$fmt" "$SAMPLE" 2>/dev/null
		[ -s "$T/mem.$fmt" ] && cmp -s "$T/mem.$fmt" "$T/paged.$fmt" && ok || bad "paged findings store: $fmt report differs"
		cmp -s "$T/mem.$fmt" "$T/blocks.$fmt" && ok || bad "document store in blocks of 16 KiB: $fmt report differs"
		cmp -s "$T/mem.$fmt" "$T/nofile.$fmt" && ok || bad "findings store without a temporary file: $fmt report differs"
	done
	# A report file that cannot be written (here: past a file size limit, with
	# SIGXFSZ ignored so that write fails with EFBIG) is an error naming the
	# file, exit 2, and no file left, whether a background thread writes it
	# (two threads) or the reporter itself (one).
	for th in 1 2; do
		rm -f "$T/big.json"
		(trap '' XFSZ; ulimit -f 256; AZAUDIT_THREADS=$th exec $AZ scan --now "$NOW" --config "$CONFIG" -f json \
			-o "$T/big.json" "$SAMPLE") 2> "$T/err"; rc=$?
		[ $rc -eq 2 ] && grep -q "big.json.*cannot write: File too large" "$T/err" && ok ||
			bad "report past the file size limit, $th thread(s): exit $rc, $(head -c 300 "$T/err")"
		[ -z "$(ls "$T" | grep '^big\.json')" ] && ok || bad "report past the file size limit left $(ls "$T" | grep '^big')"
	done
	# The document store cannot grow past a file size limit (64 KiB, the
	# store in blocks of 256 bytes from the first document on): an error
	# naming the input and the resource being stored, exit 2, no report.
	for th in 1 2; do
		rm -f "$T/lim.json"
		(trap '' XFSZ; ulimit -f 64; AZAUDIT_SPILL_AT=1 AZAUDIT_THREADS=$th exec $AZ scan --now "$NOW" --config "$CONFIG" \
			-f json -o "$T/lim.json" "$SAMPLE") 2> "$T/err"; rc=$?
		[ $rc -eq 2 ] && grep -q "snapshot.json:[0-9]*:[0-9]*: resources\[[0-9]*\]: cannot write the temporary document store: File too large" "$T/err" &&
			[ ! -e "$T/lim.json" ] && ok || bad "document store past the file size limit, $th thread(s): exit $rc, $(head -c 300 "$T/err")"
	done
	# every status is represented, and every finding line is well formed
	for s in PASS FAIL UNKNOWN MANUAL; do
		grep -q "^AZA-[A-Z]*-[0-9][0-9][0-9] $s /" "$T/sample-tenant-got" && ok || bad "sample tenant has no $s finding"
	done
	grep -Evq '^AZA-[A-Z]+-[0-9]{3} (PASS|FAIL|MANUAL|UNKNOWN|NOT_APPLICABLE) /' "$T/sample-tenant-got" &&
		bad "malformed expected line: $(grep -Ev '^AZA-[A-Z]+-[0-9]{3} (PASS|FAIL|MANUAL|UNKNOWN|NOT_APPLICABLE) /' "$T/sample-tenant-got" | head -1)" || ok
fi

# ---- the JSON report: fixed field names
$AZ scan -f json --config "$CONFIG" --now $NOW -o "$T/report.json" "$SAMPLE"; rc=$?
[ $rc -eq 0 ] && ok || bad "sample scan exit $rc"
# --stats: one line on standard error naming the stages, the resources read
# and the findings made; the report is the same without it.
$AZ scan -q --stats -f json --config "$CONFIG" --now $NOW -o "$T/stats.json" "$SAMPLE" 2> "$T/stats.err"; rc=$?
nres=$(grep -o '"resources":[0-9]*' "$T/report.json" | head -1 | cut -d: -f2)
nf=$(grep -o '"rule_id":' "$T/report.json" | wc -l)
grep -Eq "^scan: read $nres resources \([0-9]+ bytes\) in [0-9.]+ s \(peak RSS [0-9]+ MiB\); rules evaluated in [0-9.]+ s \($nf findings, peak RSS [0-9]+ MiB\); triage and reports in [0-9.]+ s" "$T/stats.err" &&
	[ "$(wc -l < "$T/stats.err")" = 1 ] && [ $rc = 0 ] && ok || bad "scan --stats ($nres resources, $nf findings): $(cat "$T/stats.err")"
sed 's/"generated_at":"[^"]*"//' "$T/report.json" > "$T/a"; sed 's/"generated_at":"[^"]*"//' "$T/stats.json" > "$T/b"
cmp -s "$T/a" "$T/b" && ok || bad "scan --stats changed the report"
# A report to standard output is made in a temporary file and copied out
# once complete (in memory when no temporary file can be made): the same
# bytes as with -o either way, and no temporary file left behind.
mkdir "$T/tmpd"
TMPDIR="$T/tmpd" $AZ scan -q -f json --config "$CONFIG" --now $NOW "$SAMPLE" > "$T/stdout.json"; r1=$?
TMPDIR="$T/no-such-dir" $AZ scan -q -f json --config "$CONFIG" --now $NOW "$SAMPLE" > "$T/stdout-mem.json"; r2=$?
for f in stdout stdout-mem; do
	sed 's/"generated_at":"[^"]*"//' "$T/$f.json" > "$T/b"
	cmp -s "$T/a" "$T/b" && ok || bad "report to standard output ($f) differs from -o (exit $r1 $r2)"
done
[ -z "$(ls -A "$T/tmpd")" ] && ok || bad "temporary files left in TMPDIR: $(ls "$T/tmpd")"
if [ $have_jq -eq 1 ]; then
	jq -e '.schema_version == "1.0" and (.summary | has("PASS") and has("FAIL") and has("MANUAL") and has("UNKNOWN")
	        and has("NOT_APPLICABLE") and has("total")) and (.findings | type == "array" and length > 0)
	        and .summary.total == (.findings | length)' "$T/report.json" > /dev/null && ok || bad "report: top level"
	jq -e 'all(.findings[]; has("rule_id") and has("title") and has("area") and has("level") and has("severity")
	        and has("status") and has("resource_id") and has("resource_type") and has("resource_name")
	        and has("subscription_id") and has("message") and has("checklist") and has("cis") and has("remediation"))' \
		"$T/report.json" > /dev/null && ok || bad "report: a finding lacks a field"
	jq -e 'all(.findings[]; (.rule_id | test("^AZA-[A-Z]+-[0-9]{3}$")) and (.level == 1 or .level == 2)
	        and (.status | IN("PASS","FAIL","MANUAL","UNKNOWN","NOT_APPLICABLE"))
	        and (.checklist | type == "array") and (.cis | type == "array") and (.remediation | type == "object")
	        and (.message | type == "string" and length > 0))' "$T/report.json" > /dev/null && ok || bad "report: field types"
	jq -e '([.findings[] | select(.status == "FAIL")] | length) == .summary.FAIL' "$T/report.json" > /dev/null && ok ||
		bad "report: summary.FAIL does not count the FAIL findings"
	jq -e '.scan.subscriptions == 3 and .scan.collection_errors == 2' "$T/report.json" > /dev/null && ok ||
		bad "report: scan block $(jq -c .scan "$T/report.json")"

	# a snapshot "errors" entry makes the dependent rule UNKNOWN naming the HTTP status
	jq -e '[.findings[] | select(.resource_name == "stcontosodevcdn" and .rule_id == "AZA-STG-014")]
	        | length == 1 and .[0].status == "UNKNOWN" and (.[0].message | test("HTTP 403"))' "$T/report.json" > /dev/null && ok ||
		bad "collection error (sample): not UNKNOWN with HTTP 403"
	cat > "$T/gap.json" <<EOF
{"snapshot_version": "1.0",
 "meta": {"tenant_id": "t1", "subscriptions": [{"id": "$SUB", "name": "s"}],
          "datasets": ["Microsoft.Storage/storageAccounts", "Microsoft.Storage/storageAccounts/blobServices"]},
 "resources": [$(jq -c '.[0]' "$T/arr.json")],
 "errors": [{"scope": "$ST/stgood", "type": "Microsoft.Storage/storageAccounts/blobServices",
             "api": "GET blobServices/default", "status": 429, "message": "TooManyRequests"}]}
EOF
	$AZ scan -f json --rule AZA-STG-014 --now $NOW "$T/gap.json" > "$T/gap.out"; rc=$?
	[ $rc -eq 0 ] && jq -e '.findings | length == 1 and .[0].status == "UNKNOWN" and (.[0].message | test("HTTP 429"))' "$T/gap.out" > /dev/null &&
		ok || bad "collection error: $(jq -c '.findings[0].message' "$T/gap.out" 2>/dev/null)"
	# the same snapshot without the error: the missing service is "not collected", also UNKNOWN, no status
	jq 'del(.errors) | .meta.datasets = ["Microsoft.Storage/storageAccounts"]' "$T/gap.json" > "$T/gap2.json"
	$AZ scan -f json --rule AZA-STG-014 --now $NOW "$T/gap2.json" |
		jq -e '.findings[0].status == "UNKNOWN" and (.findings[0].message | test("HTTP") | not)' > /dev/null && ok ||
		bad "not collected: wrong verdict"
fi

# ---- filters
if [ $have_jq -eq 1 ]; then
	scanj() { $AZ scan -f json --config "$CONFIG" --now $NOW "$@" "$SAMPLE"; }
	scanj --rule 'AZA-STG-00*' | jq -e '(.findings | length > 0) and all(.findings[]; .rule_id | test("^AZA-STG-00[0-9]$"))' > /dev/null &&
		ok || bad "--rule glob"
	scanj --rule AZA-STG-001,AZA-STG-004 | jq -e '[.findings[].rule_id] | unique == ["AZA-STG-001", "AZA-STG-004"]' > /dev/null &&
		ok || bad "--rule list"
	$AZ scan --rule 'AZA-NOPE-*' "$SAMPLE" > /dev/null 2> "$T/err"; rc=$?
	[ $rc -eq 2 ] && grep -q 'AZA-NOPE' "$T/err" && ok || bad "--rule matching nothing: exit $rc"
	scanj --area storage | jq -e '(.findings | length > 0) and all(.findings[]; .area == "storage")' > /dev/null && ok || bad "--area storage"
	want=$(jq '[.findings[] | select(.area == "storage" or .area == "keyvault")] | length' "$T/report.json")
	scanj --area storage,keyvault | jq -e --argjson n "$want" '(.findings | length) == $n and all(.findings[]; .area == "storage" or .area == "keyvault")' > /dev/null &&
		ok || bad "--area list"
	# a list option given twice selects the union, as the comma list does
	scanj --area storage --area keyvault | jq -e --argjson n "$want" '(.findings | length) == $n and all(.findings[]; .area == "storage" or .area == "keyvault")' > /dev/null &&
		ok || bad "--area twice"
	scanj --rule AZA-STG-001 --rule 'AZA-KV-00*' | jq -e '([.findings[].rule_id] | unique | length > 2) and ([.findings[].rule_id] | index("AZA-STG-001") != null) and all(.findings[]; .rule_id == "AZA-STG-001" or (.rule_id | startswith("AZA-KV-00")))' > /dev/null &&
		ok || bad "--rule twice"
	want2=$(jq '[.findings[] | select(.status == "FAIL" or .status == "MANUAL")] | length' "$T/report.json")
	scanj --status FAIL --status MANUAL | jq -e --argjson n "$want2" '(.findings | length) == $n and all(.findings[]; .status == "FAIL" or .status == "MANUAL")' > /dev/null &&
		ok || bad "--status twice"
	$AZ scan --area nowhere "$SAMPLE" > /dev/null 2>&1; rc=$?
	[ $rc -eq 2 ] && ok || bad "--area unknown: exit $rc"
	$AZ scan --area storage --area nowhere "$SAMPLE" > /dev/null 2>&1; rc=$?
	[ $rc -eq 2 ] && ok || bad "--area unknown given second: exit $rc"
	want=$(jq '[.findings[] | select(.level == 1)] | length' "$T/report.json")
	scanj --level 1 | jq -e --argjson n "$want" '(.findings | length) == $n and all(.findings[]; .level == 1)' > /dev/null && ok || bad "--level 1"
	$AZ scan --level 3 "$SAMPLE" > /dev/null 2>&1; rc=$?
	[ $rc -eq 2 ] && ok || bad "--level 3: exit $rc"
	want=$(jq '[.findings[] | select(.severity == "high" or .severity == "critical")] | length' "$T/report.json")
	scanj --min-severity high | jq -e --argjson n "$want" '(.findings | length) == $n and all(.findings[]; .severity == "high" or .severity == "critical")' > /dev/null &&
		ok || bad "--min-severity high"
	want=$(jq '[.findings[] | select(.status == "FAIL" or .status == "UNKNOWN")] | length' "$T/report.json")
	scanj --status FAIL,UNKNOWN | jq -e --argjson n "$want" '(.findings | length) == $n and all(.findings[]; .status == "FAIL" or .status == "UNKNOWN")' > /dev/null &&
		ok || bad "--status FAIL,UNKNOWN"
	scanj --status PASS --rule AZA-STG-001 | jq -e '(.findings | length > 0) and all(.findings[]; .status == "PASS" and .rule_id == "AZA-STG-001")' > /dev/null &&
		ok || bad "--status with --rule"
fi

# ---- --fail-on: exit 1 when a FAIL at or above the threshold is reported
# (AZA-STG-001 is high severity and fails on the sample tenant)
$AZ scan --rule AZA-STG-001 --fail-on high -o "$T/fo.txt" "$SAMPLE"; rc=$?
[ $rc -eq 1 ] && ok || bad "--fail-on high: exit $rc, want 1"
grep -q 'AZA-STG-001' "$T/fo.txt" && ok || bad "--fail-on: report not written"
$AZ scan --rule AZA-STG-001 --fail-on critical "$SAMPLE" > /dev/null; rc=$?
[ $rc -eq 0 ] && ok || bad "--fail-on critical: exit $rc, want 0"
$AZ scan --rule AZA-STG-001 --fail-on low --status PASS "$SAMPLE" > /dev/null; rc=$?
[ $rc -eq 0 ] && ok || bad "--fail-on with FAIL filtered out by --status: exit $rc, want 0"
$AZ scan --fail-on low "$T/one-arr.json" --rule AZA-STG-001 > /dev/null; rc=$?
[ $rc -eq 1 ] && ok || bad "--fail-on low on a failing resource: exit $rc"
jq '[.[0]]' "$T/arr.json" > "$T/good.json" 2>/dev/null
$AZ scan --fail-on low --rule AZA-STG-001 "$T/good.json" > /dev/null; rc=$?
[ $rc -eq 0 ] && ok || bad "--fail-on low on a passing resource: exit $rc"
$AZ scan --fail-on extreme "$SAMPLE" > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && ok || bad "--fail-on unknown severity: exit $rc"

# ---- --output writes atomically: no temporary file left, file complete
mkdir "$T/o"
$AZ scan -f json -o "$T/o/r.json" --now $NOW "$SAMPLE"; rc=$?
[ $rc -eq 0 ] && [ "$(ls -A "$T/o")" = r.json ] && ok || bad "--output left other files: $(ls -A "$T/o")"
[ $have_jq -eq 0 ] || { jq -e '.findings | length > 0' "$T/o/r.json" > /dev/null && ok || bad "--output file incomplete"; }
tail -c 3 "$T/o/r.json" | grep -q ']}' && ok || bad "--output file does not end the report"
$AZ scan -f json --now $NOW "$SAMPLE" > "$T/o-stdout.json"
cmp -s "$T/o/r.json" "$T/o-stdout.json" && ok || bad "--output differs from standard output"
echo OLD > "$T/o/r.json"
$AZ scan -f json -o "$T/o/r.json" --now $NOW "$SAMPLE"
[ "$(ls -A "$T/o")" = r.json ] && cmp -s "$T/o/r.json" "$T/o-stdout.json" && ok || bad "--output does not replace an existing file"
$AZ scan -o "$T/no/such/dir/r.txt" "$SAMPLE" > /dev/null 2> "$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q 'no/such/dir' "$T/err" && ok || bad "--output into a missing directory: exit $rc"

# A target that is not a regular file is written in place: a rename over
# it would put a file where the device (-o /dev/null, run as root) or the
# FIFO was. A FIFO stands in for the device here. A symbolic link is
# followed: its target gets the report, the link stays.
mkfifo "$T/o/fifo"
cat "$T/o/fifo" > "$T/o-fifo.out" & rd=$!
$AZ scan -f json -o "$T/o/fifo" --now $NOW "$SAMPLE"; rc=$?
wait $rd
[ $rc -eq 0 ] && [ -p "$T/o/fifo" ] && ok || bad "--output to a FIFO replaced it (exit $rc)"
cmp -s "$T/o-fifo.out" "$T/o-stdout.json" && ok || bad "--output to a FIFO: the reader did not get the report"
$AZ exposure -o "$T/o/fifo" "$SAMPLE" > /dev/null & ex=$!
cat "$T/o/fifo" > "$T/o-fifo2.out"; wait $ex; rc=$?
[ $rc -eq 0 ] && [ -p "$T/o/fifo" ] && [ -s "$T/o-fifo2.out" ] && ok || bad "exposure -o to a FIFO replaced it (exit $rc)"
echo OLD > "$T/o/target.json"; ln -s target.json "$T/o/link.json"
$AZ scan -f json -o "$T/o/link.json" --now $NOW "$SAMPLE"
[ -L "$T/o/link.json" ] && cmp -s "$T/o/target.json" "$T/o-stdout.json" && ok || bad "--output through a symbolic link replaced the link"
rm -f "$T/o/fifo" "$T/o/link.json" "$T/o/target.json"

# ---- --output-dir with several formats
$AZ scan -f text,json --output-dir "$T/od" --now $NOW "$SAMPLE"; rc=$?
[ $rc -eq 0 ] && [ -s "$T/od/azaudit.json" ] && [ -s "$T/od/azaudit.txt" ] && ok || bad "--output-dir: exit $rc, $(ls "$T/od" 2>&1)"
[ "$(ls -A "$T/od" | wc -l)" -eq 2 ] && ok || bad "--output-dir: extra files $(ls -A "$T/od")"
cmp -s "$T/od/azaudit.json" "$T/o-stdout.json" && ok || bad "--output-dir json differs from standard output"
grep -q 'AZA-STG-001' "$T/od/azaudit.txt" && ! grep -q '"rule_id"' "$T/od/azaudit.txt" && ok || bad "--output-dir text report"
$AZ scan -f text,json "$SAMPLE" > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && ok || bad "several formats without --output-dir: exit $rc"
$AZ scan -f yaml "$SAMPLE" > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && ok || bad "unknown format: exit $rc"

# ---- colour
$AZ scan --color "$SAMPLE" > "$T/c1"
grep -q "$ESC" "$T/c1" && ok || bad "--color: no escape codes"
$AZ scan --no-color "$SAMPLE" > "$T/c2"
! grep -q "$ESC" "$T/c2" && ok || bad "--no-color: escape codes"
NO_COLOR=1 $AZ scan "$SAMPLE" > "$T/c3"
! grep -q "$ESC" "$T/c3" && ok || bad "NO_COLOR: escape codes"
$AZ scan "$SAMPLE" > "$T/c4"
! grep -q "$ESC" "$T/c4" && ok || bad "not a terminal: escape codes"
$AZ scan --color -o "$T/c5" "$SAMPLE"
cmp -s "$T/c2" "$T/c4" && ok || bad "text output differs between --no-color and a pipe"
$AZ scan --color -f json "$SAMPLE" | grep -q "$ESC" && bad "--color put escape codes in JSON" || ok

# ---- rules and explain
$AZ rules --format json > "$T/rules.json"; rc=$?
[ $rc -eq 0 ] && ok || bad "rules --format json: exit $rc"
if [ $have_jq -eq 1 ]; then
	jq -e '.rules | type == "array" and length > 0' "$T/rules.json" > /dev/null && ok || bad "rules --format json: not valid JSON with a rules array"
	nj=$(jq '.rules | length' "$T/rules.json")
	nu=$(jq '[.rules[].id] | unique | length' "$T/rules.json")
	nt=$($AZ rules | grep -c '^AZA-')
	[ "$nj" -eq "$nt" ] && [ "$nj" -eq "$nu" ] && ok || bad "rules: $nj in JSON, $nu unique, $nt in text"
	jq -e 'all(.rules[]; has("id") and has("title") and has("area") and has("level") and has("severity"))' "$T/rules.json" > /dev/null &&
		ok || bad "rules --format json: a rule lacks a field"
	# every rule that reports on the sample tenant is listed
	jq -r '.findings[].rule_id' "$T/report.json" | sort -u > "$T/ids-seen"
	jq -r '.rules[].id' "$T/rules.json" | sort -u > "$T/ids-listed"
	[ -z "$(comm -23 "$T/ids-seen" "$T/ids-listed")" ] && ok || bad "rules: unlisted rule ids $(comm -23 "$T/ids-seen" "$T/ids-listed")"
fi
$AZ explain AZA-STG-001 > "$T/explain"; rc=$?
[ $rc -eq 0 ] && grep -q '^AZA-STG-001 ' "$T/explain" && grep -q 'secure transfer' "$T/explain" &&
	grep -q 'az storage account update' "$T/explain" && grep -q '9\.3\.4' "$T/explain" && ok || bad "explain AZA-STG-001: exit $rc"
$AZ explain aza-stg-024 > "$T/explain2" 2>&1; rc=$?
grep -qi 'manual\|by hand' "$T/explain2" && ok || bad "explain of a manual rule (exit $rc)"
$AZ explain AZA-XXX-999 > "$T/explain3" 2> "$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q 'AZA-XXX-999' "$T/err" && [ ! -s "$T/explain3" ] && ok || bad "explain of an unknown rule: exit $rc"

# ---- usage errors
$AZ scan > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && ok || bad "scan without input: exit $rc"
$AZ scan --bogus "$SAMPLE" > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && ok || bad "unknown option: exit $rc"
$AZ frobnicate > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && ok || bad "unknown command: exit $rc"
$AZ scan --config "$T/dupkey.json" "$SAMPLE" > /dev/null 2> "$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q 'dupkey\.json:2:2' "$T/err" && ok || bad "bad configuration: exit $rc $(cat "$T/err")"
echo '{"key_max_age_days": 90, "colour": "blue"}' > "$T/cfg.json"
$AZ scan --config "$T/cfg.json" "$SAMPLE" > /dev/null 2> "$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q 'colour' "$T/err" && ok || bad "unknown configuration key: exit $rc"

# A template-only scan: scope-wide rules whose subject the templates do not
# deploy are NOT_APPLICABLE, not UNKNOWN; rules on what the template deploys
# still run.
cat > "$T/tmpl.json" <<'TEOF'
{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
 "resources": [{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-05-01", "name": "stgtmpl", "location": "westeurope",
   "kind": "StorageV2", "sku": {"name": "Standard_LRS"}, "properties": {"supportsHttpsTrafficOnly": false}}]}
TEOF
$AZ scan -q -f json "$T/tmpl.json" > "$T/tmpl.out" 2>/dev/null; rc=$?
[ $rc -eq 0 ] && ok || bad "template scan exit $rc"
[ "$(jq -r '[.findings[] | select(.rule_id == "AZA-DEF-001")][0].status' "$T/tmpl.out")" = NOT_APPLICABLE ] && ok || bad "template scan: Defender plan rule should be NOT_APPLICABLE"
[ "$(jq -r '[.findings[] | select(.rule_id == "AZA-LOG-020")][0].status' "$T/tmpl.out")" = NOT_APPLICABLE ] && ok || bad "template scan: activity log alert rule should be NOT_APPLICABLE"
[ "$(jq -r '[.findings[] | select(.rule_id == "AZA-STG-001")][0].status' "$T/tmpl.out")" = FAIL ] && ok || bad "template scan: the template's own storage account is still judged"
# A manual rule of the subscription or tenant has no scope to verify in a
# template; a manual rule about resources stays MANUAL.
[ "$(jq -r '[.findings[] | select(.rule_id == "AZA-DEF-014")][0].status' "$T/tmpl.out")" = NOT_APPLICABLE ] && ok || bad "template scan: manual subscription rule should be NOT_APPLICABLE"
[ "$(jq -r '[.findings[] | select(.rule_id == "AZA-IAM-009")][0].status' "$T/tmpl.out")" = NOT_APPLICABLE ] && ok || bad "template scan: manual tenant rule should be NOT_APPLICABLE"
[ "$(jq -r '[.findings[] | select(.rule_id == "AZA-STG-024")][0].status' "$T/tmpl.out")" = MANUAL ] && ok || bad "template scan: manual storage rule should stay MANUAL"
# A management-group template's benchmark assignment is judged at its group,
# which --template-management-group names (it was read as the subscription's).
cat > "$T/mgtmpl.json" <<'TEOF'
{"$schema": "https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#", "contentVersion": "1.0.0.0",
 "resources": [{"type": "Microsoft.Authorization/policyAssignments", "apiVersion": "2022-06-01", "name": "Deploy-ASC-Monitoring",
   "properties": {"policyDefinitionId": "/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8",
                  "parameters": {"sqlServerAuditingMonitoringEffect": {"value": "Disabled"}}}}]}
TEOF
$AZ scan -q -f json --rule AZA-DEF-023 --template-management-group mg-platform "$T/mgtmpl.json" > "$T/mgtmpl.out" 2>/dev/null
[ "$(jq -r '.findings[0] | .status + " " + .resource_id' "$T/mgtmpl.out")" = \
  "FAIL /providers/Microsoft.Management/managementGroups/mg-platform/providers/Microsoft.Authorization/policyAssignments/Deploy-ASC-Monitoring" ] &&
	ok || bad "template scan: management group assignment: $(jq -c '.findings[0] | [.status, .resource_id]' "$T/mgtmpl.out")"

# exposure text: a reach resting on a private address not in the input is
# marked, the one reached whatever the address is not
$AZ exposure "$ROOT/tests/rules/AZA-NET-028/fail-unknown-address-deny-prefix-other-port.json" > "$T/expo.txt"; rc=$?
[ $rc -eq 0 ] && ok || bad "exposure text exit $rc"
grep -q "TCP 3389 from any internet address (only under the reading in the note)" "$T/expo.txt" && ok || bad "exposure text: assumed reach not marked: $(cat "$T/expo.txt")"
[ "$(grep -c "only under the reading" "$T/expo.txt")" = 1 ] && ok || bad "exposure text: reaches marked that rest on nothing"

# -o - is standard output (for scan and exposure, as - among the inputs is
# standard input): it wrote a file named "-" in the working directory
mkdir "$T/dash" && (cd "$T/dash" && "$AZ" scan -q -f json -o - --now $NOW --rule AZA-KV-009 "$SAMPLE" > "$T/dash.json" 2>/dev/null)
[ ! -e "$T/dash/-" ] && [ "$(jq -r '.findings | length > 0' "$T/dash.json")" = true ] && ok || bad "scan -o -: not standard output ($(ls "$T/dash"))"
(cd "$T/dash" && "$AZ" exposure -o - "$SAMPLE" > "$T/dash-expo.txt" 2>/dev/null)
$AZ exposure "$SAMPLE" > "$T/expo-sample.txt" 2>/dev/null
[ ! -e "$T/dash/-" ] && cmp -s "$T/dash-expo.txt" "$T/expo-sample.txt" && ok || bad "exposure -o -: not standard output"
# exposure -o writes through a temporary file renamed into place: the file
# holds what standard output gets, nothing is left beside it, and an
# output that cannot be made is an error naming it (exit 2), not a crash
$AZ exposure -o "$T/dash/expo.txt" "$SAMPLE" 2>/dev/null && cmp -s "$T/dash/expo.txt" "$T/expo-sample.txt" &&
	[ "$(ls "$T/dash")" = expo.txt ] && ok || bad "exposure -o: $(ls "$T/dash")"
$AZ exposure -o "$T/nodir/expo.txt" "$SAMPLE" 2> "$T/nodir.err"; rc=$?
[ $rc -eq 2 ] && grep -q "cannot write '$T/nodir/expo.txt'" "$T/nodir.err" && ok || bad "exposure -o into a missing directory: exit $rc, $(cat "$T/nodir.err")"
# an input error leaves an earlier output as it was
printf '{"resources": [{"id": ' > "$T/broken.json"
$AZ exposure -o "$T/dash/expo.txt" "$T/broken.json" 2>/dev/null; rc=$?
[ $rc -eq 2 ] && cmp -s "$T/dash/expo.txt" "$T/expo-sample.txt" && [ "$(ls "$T/dash")" = expo.txt ] && ok || bad "exposure: a failed run touched its output (exit $rc)"
$AZ collect -o - > /dev/null 2> "$T/collect-dash.err"; rc=$?
[ $rc -eq 2 ] && grep -q "collect: -o needs a file" "$T/collect-dash.err" && ok || bad "collect -o -: exit $rc"

# text report: a setting directly under a subscription (a Defender pricing)
# is named with its subscription, a resource in a resource group is not
$AZ scan --now $NOW --rule AZA-DEF-002,AZA-STG-001 "$SAMPLE" > "$T/subs.txt" 2>/dev/null
grep -q "AZA-DEF-002 .* Api (subscription Contoso-Dev)" "$T/subs.txt" && ok || bad "text: Defender pricing without its subscription: $(grep AZA-DEF-002 "$T/subs.txt" | head -2)"
grep "AZA-STG-001" "$T/subs.txt" | grep -q "(subscription" && bad "text: a resource in a resource group named with its subscription" || ok

# an exposure PASS lists the first 8 public frontends and counts the rest
if [ $have_jq = 1 ]; then
	jq '(.resources[] | select(.type == "Microsoft.Network/networkInterfaces") | .properties.ipConfigurations) |=
	      [range(10) as $i | .[0] | .name = "ipconfig\($i)" | .id |= sub("ipconfig1$"; "ipconfig\($i)") |
	       .properties.privateIPAddress = "10.0.1.\($i + 4)" | .properties.primary = ($i == 0) |
	       .properties.publicIPAddress.id |= sub("pip1$"; "pip\($i)")]
	    | [.resources[] | select(.type == "Microsoft.Network/publicIPAddresses")][0] as $p
	    | .resources |= map(select(.type != "Microsoft.Network/publicIPAddresses"))
	    | .resources += [range(10) as $i | $p | .name = "pip\($i)" | .id |= sub("pip1$"; "pip\($i)") |
	       .properties.ipAddress = "20.50.60.\($i + 20)"]' \
		"$ROOT/tests/rules/AZA-NET-027/pass-nic-nsg-blocks.json" > "$T/fronts.json"
	$AZ scan -q -f json --now $NOW --rule AZA-NET-027 "$T/fronts.json" 2>/dev/null |
		jq -r '.findings[] | select(.resource_name == "vm1") | .status + " " + .message' > "$T/fronts.out"
	grep -q "^PASS .*public frontends: pip0 (20.50.60.20), pip1 (20.50.60.21), .*pip7 (20.50.60.27) and 2 more)" "$T/fronts.out" && ok ||
		bad "exposure: frontends not listed as 8 and a count: $(cat "$T/fronts.out")"
fi

# The exposure model's cache (parsed NSGs, their views and pair maps, the
# IP configurations' evaluations) emptied at every frontend
# (AZAUDIT_EXPO_CACHE=1) gives the same endpoints, notes and findings, byte
# for byte, as the default bound, on the sample tenant and on a 10,000-
# resource bench tenant whose hundreds of frontends share NSGs.
${CC:-cc} -O2 -std=c17 -D_GNU_SOURCE -o "$T/gen" "$ROOT/bench/gen.c" && "$T/gen" 10000 > "$T/t10k.json" || bad "cannot build bench/gen.c"
for inp in "$SAMPLE" "$T/t10k.json"; do
	$AZ exposure -f json -o "$T/expo-cached.json" "$inp"; r1=$?
	AZAUDIT_EXPO_CACHE=1 $AZ exposure -f json -o "$T/expo-evicted.json" "$inp"; r2=$?
	[ $r1 = 0 ] && [ $r2 = 0 ] && cmp -s "$T/expo-cached.json" "$T/expo-evicted.json" && ok ||
		bad "exposure with the cache emptied at every frontend differs ($inp, exit $r1 and $r2)"
	$AZ scan -q -f json --now $NOW --area network -o "$T/net-cached.json" "$inp"
	AZAUDIT_EXPO_CACHE=1 $AZ scan -q -f json --now $NOW --area network -o "$T/net-evicted.json" "$inp"
	sed 's/"generated_at":"[^"]*"//' "$T/net-cached.json" > "$T/a"; sed 's/"generated_at":"[^"]*"//' "$T/net-evicted.json" > "$T/b"
	[ -s "$T/a" ] && cmp -s "$T/a" "$T/b" && ok || bad "network findings with the cache emptied at every frontend differ ($inp)"
done
n=$(grep -o '"frontend_id"' "$T/expo-cached.json" | wc -l)
[ "$n" -gt 100 ] && ok || bad "the 10,000-resource tenant has $n frontends: too few to empty the cache often"

# The NSG rules give the same findings whether they parse an NSG themselves
# or share the exposure model's copy (built when an exposure rule runs).
if [ $have_jq = 1 ]; then
	nsgrules=AZA-NET-001,AZA-NET-002,AZA-NET-003,AZA-NET-004,AZA-NET-023,AZA-NET-024,AZA-NET-025,AZA-NET-026
	n=0; same=0
	for f in "$ROOT"/tests/rules/AZA-NET-00[1-4]/*.json "$ROOT"/tests/rules/AZA-NET-02[3-8]/*.json; do
		n=$((n + 1))
		$AZ scan -q -f json --now $NOW --rule $nsgrules "$f" 2>/dev/null |
			jq -c '[.findings[] | [.rule_id, .status, .resource_id, .message]]' > "$T/alone" 2>/dev/null
		$AZ scan -q -f json --now $NOW --rule $nsgrules,AZA-NET-027 "$f" 2>/dev/null |
			jq -c '[.findings[] | select(.rule_id != "AZA-NET-027") | [.rule_id, .status, .resource_id, .message]]' > "$T/shared" 2>/dev/null
		if [ -s "$T/alone" ] && cmp -s "$T/alone" "$T/shared"; then same=$((same + 1)); else echo "  differs: $f"; fi
	done
	[ $n -gt 50 ] && [ $same = $n ] && ok || bad "NSG rules with and without the exposure model: $same of $n fixtures agree"
fi

# Inputs that hold part of the truth. A Graph list saved one page per file
# is one list (a guest of the first page is still seen); a page that says
# more follows (@odata.nextLink) makes the set UNKNOWN; a resource read
# twice with different contents passes nowhere (the copies disagree), and
# the same copy twice is just a duplicate, as are copies of other shapes
# that say the same. Directories read .JSON too.
# jqf EXPR: the report read from standard input is not empty and EXPR holds
# (jq -e alone exits 0 on empty input, so a scan that wrote nothing passed).
jqf() { cat > "$T/r.json"; [ -s "$T/r.json" ] && jq -e "$1" "$T/r.json" > /dev/null; }
if [ $have_jq = 1 ]; then
	mkdir -p "$T/pages" "$T/pages2" "$T/dups" "$T/dupsame" "$T/upper"
	G='"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users"'
	printf '{%s,"value":[{"id":"u-guest","displayName":"Old Guest","userType":"Guest","userPrincipalName":"old_ext#EXT#@contoso.onmicrosoft.com","accountEnabled":true,"createdDateTime":"2020-01-01T00:00:00Z","signInActivity":{"lastSignInDateTime":"2021-01-01T00:00:00Z"}}]}' "$G" > "$T/pages/users-1.json"
	printf '{%s,"value":[{"id":"u-m","displayName":"Member","userType":"Member","userPrincipalName":"m@contoso.com","accountEnabled":true}]}' "$G" > "$T/pages/users-2.json"
	$AZ scan -q -f json --now $NOW --rule AZA-IAM-005 "$T/pages" | jqf '[.findings[].status] == ["FAIL"]' &&
		ok || bad "Graph pages in two files: the first page's guest is lost"
	sed 's|}]}$|}],"@odata.nextLink":"https://graph.microsoft.com/v1.0/users?$skiptoken=x"}|' "$T/pages/users-1.json" > "$T/pages2/users-1.json"
	$AZ scan -f json --now $NOW --rule AZA-IAM-005 "$T/pages2/users-1.json" 2> "$T/err" |
		jqf '[.findings[] | .status + " " + (.message | test("@odata.nextLink"; "") | tostring)] == ["UNKNOWN true"]' &&
		grep -q "one page of a Microsoft Graph listing" "$T/err" && ok || bad "a Graph page with @odata.nextLink: $(cat "$T/err")"
	acct() { printf '[{"id":"%s/dup","name":"dup","type":"Microsoft.Storage/storageAccounts","location":"eastus","kind":"StorageV2","properties":{"supportsHttpsTrafficOnly":%s}}]' "$ST" "$1"; }
	acct true > "$T/dups/export-2024-01.json"; acct false > "$T/dups/export-2024-06.json"
	$AZ scan -f json --now $NOW --rule AZA-STG-001 "$T/dups" 2> "$T/err" |
		jqf '[.findings[] | .status] == ["UNKNOWN"] and (.findings[0].message | test("export-2024-06.json holds a different copy"))' &&
		grep -q "differs from its copy in" "$T/err" && ok || bad "two different copies of a resource: $(cat "$T/err")"
	acct false > "$T/dups/export-2024-01.json"; acct true > "$T/dups/export-2024-06.json"
	$AZ scan -f json --now $NOW --rule AZA-STG-001 "$T/dups" 2> "$T/err" | jqf '[.findings[] | .status] == ["FAIL"] and (.findings[0].message | test("export-2024-06.json holds a different copy"))' &&
		grep -q "differs from its copy in" "$T/err" && ok || bad "two different copies, the first failing: not FAIL naming the other: $(cat "$T/err")"
	acct true > "$T/dupsame/a.json"; acct true > "$T/dupsame/b.json"
	$AZ scan -f json --now $NOW --rule AZA-STG-001 "$T/dupsame" 2> "$T/err" | jqf '[.findings[] | .status] == ["PASS"]' &&
		grep -q "duplicate resource .* ignored (the same as the copy from" "$T/err" && ok || bad "the same copy twice: $(cat "$T/err")"
	# Copies of other shapes that say the same: an account as Resource
	# Manager returns it and as a Resource Graph row (`az graph query`:
	# type in lower case, the row's tenantId, resourceGroup and
	# subscriptionId, null or "" for what ARM leaves out, members in
	# another order) are one resource, not a conflict; a fact they say
	# differently still is one, named. A listing without properties
	# (`az resource list`) and a copy with them agree, and the copy with
	# them is judged, whichever comes first. Each case also runs on two
	# reading threads and with the document store in a file: with
	# AZAUDIT_SPILL_AT=400 its blocks hold more than one document (another
	# account shares the inputs), so a judged copy replaces one in a block
	# not yet written.
	mkdir -p "$T/shapes"
	other='{"id":"'$ST'/shother","name":"shother","type":"Microsoft.Storage/storageAccounts","location":"westeurope","properties":{"supportsHttpsTrafficOnly":true}}'
	arm() { printf '[%s,{"id":"%s/shp","name":"shp","type":"Microsoft.Storage/storageAccounts","location":"westeurope","kind":"StorageV2","sku":{"name":"Standard_LRS","tier":"Standard"},"tags":{"env":"prod"},"properties":{"supportsHttpsTrafficOnly":%s,"minimumTlsVersion":"TLS1_2","networkAcls":{"bypass":"AzureServices","defaultAction":"Deny","ipRules":[]}}}]' "$other" "$ST" "$1"; }
	arg() { printf '{"totalRecords":1,"count":1,"facets":[],"resultTruncated":"false","data":[{"id":"%s/shp","name":"shp","type":"microsoft.storage/storageaccounts","tenantId":"00000000-0000-0000-0000-0000000000aa","kind":"StorageV2","location":"westeurope","resourceGroup":"rg-data","subscriptionId":"%s","managedBy":"","sku":{"tier":"Standard","name":"Standard_LRS"},"plan":null,"properties":{"networkAcls":{"ipRules":[],"defaultAction":"Deny","bypass":"AzureServices"},"minimumTlsVersion":"TLS1_2","supportsHttpsTrafficOnly":%s},"tags":{"env":"prod"},"identity":null,"zones":null,"extendedLocation":null}]}' "$ST" "$SUB" "$1"; }
	# `az resource list`: no properties, or null ones, and members of its own.
	lst() { printf '[{"id":"%s/shp","name":"shp","type":"Microsoft.Storage/storageAccounts","location":"westeurope","kind":"StorageV2","sku":{"name":"Standard_LRS","tier":"Standard"},"tags":{"env":"prod"},"resourceGroup":"rg-data"%s},%s]' "$ST" "$1" "$other"; }
	# shapes ENV WHAT JQ GREP FILE...: AZA-STG-001 over the files with ENV
	# (one or two assignments) in the environment gives one finding on the
	# account ($F), the report satisfies JQ, and standard error matches
	# GREP (after a !: does not).
	F='.findings[] | select(.resource_id | endswith("/shp"))'
	shapes() {
		env=$1 what=$2 want=$3 err=$4; shift 4
		env $env "$AZ" scan -f json --now $NOW --rule AZA-STG-001 "$@" 2> "$T/err" |
			jqf "([$F] | length) == 1 and ($want)" || {
			bad "$what ($env): $(head -c 600 "$T/r.json") $(cat "$T/err")"; return; }
		case $err in
		!*) grep -q "${err#!}" "$T/err" && { bad "$what ($env): $(cat "$T/err")"; return; } ;;
		*) grep -q "$err" "$T/err" || { bad "$what ($env): $(cat "$T/err")"; return; } ;;
		esac
		ok
	}
	S=$T/shapes
	arm true > "$S/arm-true.json"; arm false > "$S/arm-false.json"
	arg true > "$S/arg-true.json"; arg false > "$S/arg-false.json"
	lst '' > "$S/list.json"
	lst ',"properties":null,"createdTime":"2024-01-02T03:04:05Z","changedTime":"2024-05-06T07:08:09Z","provisioningState":"Succeeded"' > "$S/list-expanded.json"
	# judged FILE STATUS: the finding has STATUS, names no other copy, and
	# points into FILE.
	judged() { echo "[$F | .status] == [\"$2\"] and ([$F][0] | (.message | test(\"different copy\") | not) and (.source.file | endswith(\"/$1\")))"; }
	for e in AZAUDIT_THREADS=1 AZAUDIT_THREADS=2 AZAUDIT_SPILL_AT=1 AZAUDIT_SPILL_AT=400 "AZAUDIT_THREADS=2 AZAUDIT_SPILL_AT=1"; do
		shapes "$e" "an ARM copy and a Resource Graph row that agree" "$(judged arm-true.json PASS)" \
			'!differs from its copy' "$S/arm-true.json" "$S/arg-true.json"
		shapes "$e" "a Resource Graph row and an ARM copy that agree" "$(judged arg-true.json PASS)" \
			'duplicate resource .*/shp ignored (the same as the copy from .*arg-true.json)' "$S/arg-true.json" "$S/arm-true.json"
		shapes "$e" "an ARM copy and a Resource Graph row that differ" \
			"[$F | .status] == [\"UNKNOWN\"] and ([$F][0].message | test(\"arg-false.json holds a different copy\"))" \
			'arg-false.json: resource .*/shp differs from its copy in .*arm-true.json.* (they differ in "properties")' \
			"$S/arm-true.json" "$S/arg-false.json"
		shapes "$e" "a listing without properties, then a copy with them" "$(judged arm-false.json FAIL)" \
			'arm-false.json: resource .*/shp says more than its copy from .*list.json, with which it agrees: this copy is judged' \
			"$S/list.json" "$S/arm-false.json"
		shapes "$e" "a copy with properties, then a listing without them" "$(judged arm-false.json FAIL)" \
			'list-expanded.json: resource .*/shp and its copy from .*arm-false.json agree, .* named after .*arm-false.json' \
			"$S/arm-false.json" "$S/list-expanded.json"
		shapes "$e" "a listing with members of its own, then a Resource Graph row" "$(judged arg-false.json FAIL)" \
			'!differs from its copy' "$S/list-expanded.json" "$S/arg-false.json"
	done
	acct false > "$T/upper/EXPORT.JSON"
	$AZ scan -q -f json --now $NOW --rule AZA-STG-001 "$T/upper" | jqf '[.findings[] | .status] == ["FAIL"]' &&
		ok || bad "a directory's .JSON file is not read"
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
