#!/bin/sh
# The catalogue covers the reference checklist and the CIS benchmark:
# every checklist key and every automated CIS v6.0.0 id appears in some rule,
# every manual CIS v6.0.0 id in some rule too; docs/rules.md is up to date.
AZ=${AZAUDIT:-build/azaudit}
SHARED=${SHARED:-../shared}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
pass=0; fail=0
$AZ rules --format json > "$T/rules.json" || { echo "FAIL rules --format json"; echo "0 passed, 1 failed"; exit 1; }
jq -r '.rules[].checklist[]' "$T/rules.json" | sort -u > "$T/have_keys"
jq -r '.rules[] | select(.kind == "automated") | .cis[] | select(.version == "6.0.0") | .id' "$T/rules.json" | sort -u > "$T/have_auto"
jq -r '.rules[].cis[] | select(.version == "6.0.0") | .id' "$T/rules.json" | sort -u > "$T/have_all"
if [ -f "$SHARED/checklist.md" ]; then
	grep -oE '^\| [a-z]+\.[a-z0-9_]+ \|' "$SHARED/checklist.md" | tr -d '| ' | sort -u > "$T/want_keys"
	missing=$(comm -23 "$T/want_keys" "$T/have_keys")
	if [ -z "$missing" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL checklist keys without a rule:" $missing; fi
	[ "$(wc -l < "$T/want_keys")" -ge 60 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL could not read checklist keys"; }
	bad=$(comm -13 "$T/want_keys" "$T/have_keys")
	if [ -z "$bad" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL rules name unknown checklist keys:" $bad; fi
else
	echo "skip: $SHARED/checklist.md not found"
fi
if [ -f "$SHARED/cis-azure-6.0.0.md" ]; then
	awk -F'|' '/^\| [0-9]/ { gsub(/ /, "", $2); gsub(/ /, "", $5); print $2, $5 }' "$SHARED/cis-azure-6.0.0.md" > "$T/cis"
	awk '$2 == "A" { print $1 }' "$T/cis" | sort -u > "$T/want_auto"
	awk '{ print $1 }' "$T/cis" | sort -u > "$T/want_all"
	[ "$(wc -l < "$T/want_auto")" -eq 89 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL expected 89 automated CIS ids, read $(wc -l < "$T/want_auto")"; }
	missing=$(comm -23 "$T/want_auto" "$T/have_auto")
	if [ -z "$missing" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL automated CIS v6.0.0 ids without an automated rule:" $missing; fi
	missing=$(comm -23 "$T/want_all" "$T/have_all")
	if [ -z "$missing" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL CIS v6.0.0 ids without any rule:" $missing; fi
	bad=$(comm -13 "$T/want_all" "$T/have_all")
	if [ -z "$bad" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL rules name unknown CIS v6.0.0 ids:" $bad; fi
else
	echo "skip: $SHARED/cis-azure-6.0.0.md not found"
fi
# Every rule id is unique and well formed.
dups=$(jq -r '.rules[].id' "$T/rules.json" | sort | uniq -d)
[ -z "$dups" ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL duplicate rule ids:" $dups; }
badid=$(jq -r '.rules[].id' "$T/rules.json" | grep -vE '^AZA-[A-Z]+-[0-9]{3}$')
[ -z "$badid" ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL malformed rule ids:" $badid; }
# Automated rules carry remediation in all three forms; manual ones carry steps.
n=$(jq '[.rules[] | select(.kind == "automated") | select(.remediation.portal == "" or .remediation.cli == "" or .remediation.arm == "" or .rationale == "")] | length' "$T/rules.json")
[ "$n" -eq 0 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL $n automated rules lack rationale or remediation:"; jq -r '.rules[] | select(.kind == "automated") | select(.remediation.portal == "" or .remediation.cli == "" or .remediation.arm == "" or .rationale == "") | .id' "$T/rules.json" | head; }
n=$(jq '[.rules[] | select(.kind == "manual") | select(.manual_steps == "")] | length' "$T/rules.json")
[ "$n" -eq 0 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL $n manual rules lack steps"; }
# docs/rules.md is generated from the table and must be current.
$AZ rules --format markdown > "$T/rules.md"
if cmp -s "$T/rules.md" docs/rules.md; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL docs/rules.md is stale: run 'make docs'"; fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
