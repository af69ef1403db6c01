#!/bin/sh
# End-to-end tests of the azaudit command. Prints "N passed, M failed".
AZ=${AZAUDIT:-build/azaudit}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

# exit 2 and a positioned message on malformed JSON; no report written
printf '{"resources": [\n {"id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/a", }\n]}' > "$T/bad.json"
$AZ scan -f json -o "$T/out.json" "$T/bad.json" 2> "$T/err"; rc=$?
[ $rc -eq 2 ] && ok || bad "malformed JSON exit $rc"
grep -q "bad.json:2:.*trailing comma" "$T/err" && ok || bad "malformed JSON message: $(cat "$T/err")"
[ ! -e "$T/out.json" ] && ok || bad "report written despite bad input"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
