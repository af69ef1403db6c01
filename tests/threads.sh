#!/bin/sh
# The scan on two threads gives the same report, byte for byte, as on one
# (AZAUDIT_THREADS=1): the sample tenant, a synthetic 10k tenant (plain and
# gzip), and the same errors for inputs broken in the middle of a long list.
# Prints "N passed, M failed". Run from the project root; AZAUDIT names the binary.
AZ=${AZAUDIT:-build/azaudit}
O=${O:-build}
CC=${CC:-cc}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export AZAUDIT_NOW=2026-11-01T00:00:00Z
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

$CC -O2 -std=c17 -D_GNU_SOURCE -o "$T/gen" bench/gen.c || { echo "cannot build bench/gen.c"; echo "0 passed, 1 failed"; exit 1; }
"$T/gen" 10000 > "$T/t10k.json"
gzip -c "$T/t10k.json" > "$T/t10k.json.gz"

# same NAME INPUT...: reports and exit codes of both thread counts match
same() {
	name=$1; shift
	for f in text json; do
		AZAUDIT_THREADS=1 $AZ scan -f $f -o "$T/one.$f" "$@" > /dev/null 2> "$T/one.err"; r1=$?
		$AZ scan -f $f -o "$T/two.$f" "$@" > /dev/null 2> "$T/two.err"; r2=$?
		[ $r1 = $r2 ] && ok || bad "$name $f: exit $r1 with one thread, $r2 with two"
		cmp -s "$T/one.err" "$T/two.err" && ok || bad "$name $f: messages differ: $(cat "$T/one.err") / $(cat "$T/two.err")"
		if [ -e "$T/one.$f" ] || [ -e "$T/two.$f" ]; then
			cmp -s "$T/one.$f" "$T/two.$f" && ok || bad "$name $f: reports differ"
		fi
		rm -f "$T/one.$f" "$T/two.$f"
	done
}
# Rules run on two threads at once: the library calls no libc function
# that keeps hidden state between calls. strtok did (its position is one
# per process): two evaluators splitting lists at the same time read each
# other's, and a 1M-resource scan judged a vault whose diagnostic setting
# enables allLogs as not logging AuditEvent, once in some runs.
if command -v nm > /dev/null 2>&1 && [ -f "$O/libazaudit.a" ]; then
	unsafe=$(nm -u "$O/libazaudit.a" | awk '{ print $2 }' | sort -u |
		grep -xE 'strtok|localtime|gmtime|ctime|asctime|rand|srand|random|drand48|lrand48|mrand48|tmpnam|strsignal|setenv|putenv|unsetenv|ecvt|fcvt|gcvt|hcreate|hsearch|mblen|mbtowc|wctomb|setlocale|getpwnam|getgrnam|crypt')
	[ -z "$unsafe" ] && ok || bad "the library calls thread-unsafe libc functions:" $unsafe
else
	bad "cannot list the symbols of $O/libazaudit.a (nm missing or library not built)"
fi
same sample examples/sample-tenant
# AZAUDIT_THREADS=2 splits every type, however few its resources.
AZAUDIT_THREADS=1 $AZ scan -f json -o "$T/one.json" examples/sample-tenant 2> /dev/null
AZAUDIT_THREADS=2 $AZ scan -f json -o "$T/two.json" examples/sample-tenant 2> /dev/null
cmp -s "$T/one.json" "$T/two.json" && ok || bad "sample: AZAUDIT_THREADS=2 report differs"
same 10k "$T/t10k.json"
same 10k-gz "$T/t10k.json.gz"
# Errors deep in the list: the first one in input order is reported.
# (gen.c writes a resource's "id" on a line of its own, indented by four.)
n=$(grep -c '^    "id": ' "$T/t10k.json")
[ "$n" = 10000 ] && ok || bad "generator output has $n resource ids"
awk '/^    "id": / && ++k == 7000 { sub(/"id"/, "\"idx\"") } { print }' "$T/t10k.json" > "$T/noid.json"
same no-id "$T/noid.json"
awk '/^    "id": / && ++k == 5000 { sub(/"id"/, "\"idx\"") } /^    "id": / && k == 7000 { print "}" } { print }' "$T/t10k.json" > "$T/two-errors.json"
same two-errors "$T/two-errors.json"
awk '/^    "id": / && ++k == 9000 { print "}" } { print }' "$T/t10k.json" > "$T/syntax.json"
same syntax "$T/syntax.json"
head -c 15000000 "$T/t10k.json" > "$T/truncated.json"
same truncated "$T/truncated.json"
# A folder of templates (and parameter files), read ahead on the second
# thread: copies of the template cases in nested folders, a gzip template,
# a snapshot too big to read ahead; then a broken template in the middle
# and one that is not an input at all: the first in folder order is reported.
mkdir -p "$T/tm"
for d in tests/template/cases/*/; do
	for c in a b c d e f g h; do
		mkdir -p "$T/tm/$c/$(basename "$d")"
		cp "$d"*.json "$T/tm/$c/$(basename "$d")/" 2> /dev/null
	done
done
gzip -c "$(ls tests/template/cases/*/*.json | head -n 1)" > "$T/tm/d/z.json.gz"
cp "$T/t10k.json" "$T/tm/e/big.json"
same templates "$T/tm"
printf '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [}\n' > "$T/tm/f/broken.json"
printf '{"neither": 1}\n' > "$T/tm/g/other.json"
same templates-broken "$T/tm"
# Warnings of templates expanded on either thread come in folder order,
# between the files' own; an expansion that fails after some resources is
# reported after them, and before any later file's error.
mkdir -p "$T/tw"
S='"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"'
SA='{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "sa%d", "location": "westeurope", "properties": {"minimumTlsVersion": "TLS1_0"}}'
for i in $(seq 10 69); do
	case $((i % 5)) in
	0) printf '{%s, "resources": [{"type": "Microsoft.Storage/storageAccounts", "name": "noapi%d", "properties": {}}]}\n' "$S" $i ;;
	1) printf '{%s, "resources": ['"$SA"', '"$SA"']}\n' "$S" $i $i ;;
	2) printf '{%s, "resources": [{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "s%d", "metadata": {"azaudit": {"suppress": [{"rule": "AZA-STG-001"}]}}}]}\n' "$S" $i ;;
	3) printf '{%s, "resources": [{"type": "Microsoft.Sql/servers", "apiVersion": "2023-05-01-preview", "name": "sql%d", "location": "westeurope", "properties": {}}]}\n' "$S" $i ;;
	*) printf '{%s, "resources": ['"$SA"']}\n' "$S" $i ;;
	esac > "$T/tw/t$i.json"
done
same template-warnings "$T/tw"
printf '{%s, "resources": ['"$SA"', {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "[concat(]", "properties": {}}]}\n' "$S" 1 > "$T/tw/t40.json"
printf '{%s, "resources": []} x\n' "$S" > "$T/tw/t50.json"
same template-expression-error "$T/tw"
rm "$T/tw/t40.json"
same template-trailing-data "$T/tw"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
