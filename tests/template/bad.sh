#!/bin/sh
# Bad templates: clear errors (file:line:col where there is a position) or
# UNKNOWN verdicts, in bounded time and memory, never a crash.
# Prints "N passed, M failed". Run from the project root.
AZ=${AZAUDIT:-build/azaudit}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
S='"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0"'
ST='"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01"'
# scan NAME: run with 20 s and 1 GB of address space; sets rc, err, out
scan() {
	# 1 GB of address space bounds memory, except under AddressSanitizer,
	# which reserves terabytes of (unused) shadow address space.
	( case "$AZ" in *asan*) ;; *) ulimit -v 1048576 2>/dev/null ;; esac
	  exec timeout 20 "$AZ" scan -q -f json --rule AZA-STG-001 "$T/$1" ) > "$T/out" 2> "$T/err"
	rc=$?
}
# expect_error NAME PATTERN
expect_error() {
	scan "$1"
	[ $rc -eq 2 ] && ok || bad "$1: exit $rc, want 2 ($(head -c 300 "$T/err"))"
	grep -Eq "$2" "$T/err" && ok || bad "$1: message '$(head -c 300 "$T/err")' does not match '$2'"
}
# expect_unknown NAME PATTERN: exit 0 and an UNKNOWN AZA-STG-001 whose message matches
expect_unknown() {
	scan "$1"
	[ $rc -eq 0 ] && ok || bad "$1: exit $rc, want 0 ($(head -c 300 "$T/err"))"
	grep -q '"status":"UNKNOWN"' "$T/out" && grep -Eq "$2" "$T/out" && ok || bad "$1: no UNKNOWN matching '$2'"
}

printf '{%s,\n "resources": [\n  {%s, "name": "a",, "properties": {}}\n ]}\n' "$S" "$ST" > "$T/invalid.json"
expect_error invalid.json 'invalid\.json:3:[0-9]+: '

# an extension type whose parent part has no type segment ("Namespace/providers/...")
printf '{%s,\n "resources": [\n  {"type": "Microsoft.Storage/providers/locks", "apiVersion": "2020-05-01", "name": "st1/Microsoft.Authorization/lock1", "properties": {"level": "CanNotDelete"}}\n ]}\n' "$S" > "$T/ext-noparent.json"
expect_error ext-noparent.json "ext-noparent\.json:3:[0-9]+: extension resource name 'st1/Microsoft.Authorization/lock1' does not match its type"

printf '{%s,\n "resources": 5}\n' "$S" > "$T/schema-resources.json"
expect_error schema-resources.json 'schema-resources\.json.*"resources" must be an array'
printf '{%s,\n "parameters": []\n, "resources": []}\n' "$S" > "$T/schema-params.json"
expect_error schema-params.json 'schema-params\.json:2:[0-9]+: "parameters" must be an object'
printf '{%s}\n' "$S" > "$T/schema-nores.json"
expect_error schema-nores.json 'schema-nores\.json.*no "resources"'
printf '{%s,\n "resources": [\n  {"apiVersion": "2023-01-01", "name": "x"}]}\n' "$S" > "$T/schema-notype.json"
expect_error schema-notype.json 'schema-notype\.json:3:3: template resource without a type'

printf '{%s,\n "parameters": {"x": {"type": "string", "defaultValue": "a"}},\n "resources": [\n  {%s,\n   "name": "[concat('"'"'st'"'"', parameters('"'"'x'"'"')]", "properties": {}}]}\n' "$S" "$ST" > "$T/unbalanced.json"
expect_error unbalanced.json "unbalanced\.json:5:[0-9]+: invalid template expression: expected ',' or '\)'"

printf '{%s,\n "resources": [{%s, "name": "[concat('"'"'s'"'"', copyIndex())]",\n  "copy": {"name": "c", "count": 10000000}, "properties": {}}]}\n' "$S" "$ST" > "$T/copy10m.json"
expect_error copy10m.json "copy10m\.json:3:[0-9]+: copy count 10000000 exceeds Azure's limit of 800"

printf '{%s,\n "variables": {"a": "[variables('"'"'b'"'"')]", "b": "[not(variables('"'"'a'"'"'))]"},\n "resources": [{%s, "name": "rec",\n  "properties": {"supportsHttpsTrafficOnly": "[variables('"'"'a'"'"')]"}}]}\n' "$S" "$ST" > "$T/recursive.json"
expect_unknown recursive.json "refers to itself"

# Variables that double 40 times: stopped by the expansion budget.
{
	printf '{%s, "variables": {"v0": "%s"' "$S" "0123456789012345678901234567890123456789012345678901234567890123"
	i=1; while [ $i -le 40 ]; do printf ', "v%d": "[concat(variables('"'"'v%d'"'"'), variables('"'"'v%d'"'"'))]"' $i $((i - 1)) $((i - 1)); i=$((i + 1)); done
	printf '}, "resources": [{%s, "name": "[substring(variables('"'"'v40'"'"'), 0, 5)]", "properties": {}}]}\n' "$ST"
} > "$T/laughs.json"
expect_error laughs.json 'laughs\.json: the template expands to more than [0-9]+ MB'

# An expression nested 5000 deep.
{
	printf '{%s, "resources": [{%s, "name": "deep", "properties": {"supportsHttpsTrafficOnly": "[' "$S" "$ST"
	i=0; while [ $i -lt 5000 ]; do printf 'not('; i=$((i + 1)); done; printf 'true()'
	i=0; while [ $i -lt 5000 ]; do printf ')'; i=$((i + 1)); done
	printf ']"}}]}\n'
} > "$T/deep.json"
expect_error deep.json 'deep\.json:1:[0-9]+: invalid template expression: expression nested too deeply'

# A 10 MB template (13,000 storage accounts with tags): scanned in bounded time and memory.
{
	printf '{%s,\n "parameters": {"https": {"type": "bool", "defaultValue": true}},\n "resources": [\n' "$S"
	i=0; while [ $i -lt 13000 ]; do
		[ $i -gt 0 ] && printf ',\n'
		printf '  {%s, "name": "st%05d", "location": "westeurope", "tags": {"owner": "team-%d", "cost": "cc-%d", "purpose": "bench padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding"}, "properties": {"supportsHttpsTrafficOnly": "[parameters('"'"'https'"'"')]", "minimumTlsVersion": "TLS1_2"}}' "$ST" $i $i $i
		i=$((i + 1))
	done
	printf '\n ]}\n'
} > "$T/big.json"
size=$(wc -c < "$T/big.json")
[ "$size" -ge 10000000 ] && ok || bad "big.json is only $size bytes"
scan big.json
[ $rc -eq 0 ] && ok || bad "big.json: exit $rc ($(head -c 300 "$T/err"))"
n=$(grep -o '"status":"PASS"' "$T/out" | wc -l)
[ "$n" -eq 13000 ] && ok || bad "big.json: $n PASS findings, want 13000"

# Property positions: JSON report "source.property" and the SARIF region
# point at the offending property (supportsHttpsTrafficOnly on line 19).
P=tests/template/cases/property-position/template.json
"$AZ" scan -q -f json --rule AZA-STG-001 "$P" > "$T/prop.json"
[ "$(jq -c '[.findings[] | select(.resource_name == "stliteral") | .source.property]' "$T/prop.json")" = \
  '[{"line":19,"column":9,"pointer":"/resources/0/properties/supportsHttpsTrafficOnly"}]' ] && ok || bad "JSON source.property: $(jq -c '.findings[].source' "$T/prop.json")"
[ "$(jq '[.findings[] | select(.status != "FAIL") | .source.property] | map(select(. != null)) | length' "$T/prop.json")" = 0 ] && ok || bad "property position on a finding that is not a FAIL"
"$AZ" scan -q -f sarif --rule AZA-STG-001 "$P" > "$T/prop.sarif"
[ "$(jq -c '[.runs[0].results[] | select(.message.text | contains("(stliteral)")) | .locations[0].physicalLocation.region]' "$T/prop.sarif")" = \
  '[{"startLine":19,"startColumn":9}]' ] && ok || bad "SARIF region: $(jq -c '[.runs[0].results[].locations[0].physicalLocation.region]' "$T/prop.sarif")"
if command -v node >/dev/null 2>&1 && [ -d node_modules/ajv ]; then
	out=$(node tests/report/validate-sarif.mjs "$T/prop.sarif" 2>&1) && ok || bad "SARIF schema: $out"
fi

# A folder scan finds x.parameters.json beside x.json (from one listing of
# the folder), and uses the defaults for a template without one.
mkdir -p "$T/dir/sub"
C=tests/template/cases/params-file
cp "$C/template.json" "$T/dir/a.json"; cp "$C/template.parameters.json" "$T/dir/a.parameters.json"
cp "$C/template.json" "$T/dir/b.json"; cp "$C/template.json" "$T/dir/sub/c.json"; cp "$C/template.parameters.json" "$T/dir/sub/C.Parameters.json"
"$AZ" scan -q -f json --rule AZA-STG-001 "$T/dir" > "$T/dir.json"
[ "$(jq -r '[.findings[] | select(.source.pointer != null) | "\(.source.file | sub(".*/dir/"; ""))=\(.resource_name)"] | sort | join(" ")' "$T/dir.json")" = \
  "a.json=stfromfile b.json=stdefault sub/c.json=stdefault" ] && ok || bad "parameter files in a folder: $(jq -c '[.findings[] | [.source.file, .resource_name]]' "$T/dir.json")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
