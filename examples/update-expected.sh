#!/bin/sh
# Regenerates an example tenant's expected.txt: one line per finding,
# "RULE_ID STATUS RESOURCE_ID", sorted, from a scan of DIR/snapshot.json with
# the example configuration and the reference time pinned. Run from
# anywhere; AZAUDIT overrides the binary. Each tenant's own
# update-expected.sh calls this with its directory.
#   examples/update-expected.sh DIR          rewrite DIR/expected.txt
#   examples/update-expected.sh DIR -        print the list instead
set -eu
[ $# -ge 1 ] || { echo "usage: update-expected.sh DIR [-]" >&2; exit 2; }
here=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
az=${AZAUDIT:-$root/build/azaudit}
case $az in /*) ;; *) az=$root/$az ;; esac
command -v jq >/dev/null 2>&1 || { echo "update-expected.sh: jq is required" >&2; exit 2; }
tmp=$(mktemp "${TMPDIR:-/tmp}/azaudit-expected.XXXXXX")
trap 'rm -f "$tmp" "$tmp.json"' EXIT
# exit 1 (--fail-on) is not used here; any other non-zero status is an error
"$az" scan --config "$root/examples/azaudit.config.json" --now 2026-11-01T00:00:00Z -f json \
	"$here/snapshot.json" > "$tmp.json"
jq -r '.findings[] | "\(.rule_id) \(.status) \(.resource_id)"' "$tmp.json" | LC_ALL=C sort > "$tmp"
if [ "${2:-}" = - ]; then
	cat "$tmp"
else
	cp "$tmp" "$here/expected.txt"
	echo "expected.txt: $(wc -l < "$here/expected.txt") findings"
fi
