#!/bin/sh
# Benchmark: scan synthetic tenants and compare with baselines measured in
# the same run on the same file: `cat` (reading), the bare streaming parse
# by azaudit's JSON parser (bench/parse_baseline.c), and a jq filter that
# checks one rule. Prints wall seconds (median of RUNS), MB/s, peak RSS and
# the ratio of the scan to the bare parse. The scan runs twice: on one
# thread (AZAUDIT_THREADS=1) and as it does by default (two threads). Sizes: SIZES (default
# "10000 100000"; add 1000000 for the 3 GB case).
set -eu
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"10000 100000"}
RUNS=${RUNS:-3}
D=${BENCH_DIR:-bench/data}
mkdir -p "$D" build
cc -O2 -std=c17 -D_GNU_SOURCE -o build/bench-gen bench/gen.c
make -s all
cc -O2 -std=c17 -D_GNU_SOURCE -Iinclude -Isrc -o build/parse_baseline bench/parse_baseline.c build/libazaudit.a $(pkg-config --libs zlib libcurl libcrypto) -lm -lpthread
# cJSON, resource by resource, when Debian's libcjson-dev is installed.
HAVE_CJSON=0
if [ -f /usr/include/cjson/cJSON.h ] && cc -O2 -o build/cjson_baseline bench/cjson_baseline.c -lcjson 2>/dev/null; then
	HAVE_CJSON=1
fi

. bench/measure.sh

printf '%-9s %-24s %8s %9s %10s %8s\n' resources what seconds MB/s peakRSS_MB vs_parse
for n in $SIZES; do
	f="$D/tenant-$n.json"
	# An existing file is reused: delete $D/tenant-*.json after changing bench/gen.c.
	[ -s "$f" ] || ./build/bench-gen "$n" > "$f"
	mb=$(du -m "$f" | cut -f1)
	set -- $(measure cat "$f"); cat_s=$1; cat_m=$2
	set -- $(measure ./build/parse_baseline "$f"); p_s=$1; p_m=$2
	cj_s=0; cj_m=0
	if [ "$HAVE_CJSON" = 1 ]; then set -- $(measure ./build/cjson_baseline "$f"); cj_s=$1; cj_m=$2; fi
	set -- $(measure jq '[.resources[] | select(.type == "Microsoft.Storage/storageAccounts") | select(.properties.supportsHttpsTrafficOnly != true)] | length' "$f"); j_s=$1; j_m=$2
	set -- $(measure env AZAUDIT_THREADS=1 ./build/azaudit scan -f text -o "$D/.report.txt" "$f"); s1_s=$1; s1_m=$2
	set -- $(measure ./build/azaudit scan -f text -o "$D/.report.txt" "$f"); s_s=$1; s_m=$2
	for row in "cat:$cat_s:$cat_m" "bare-parse:$p_s:$p_m" "cjson-per-resource:$cj_s:$cj_m" "jq-one-rule:$j_s:$j_m" "azaudit-scan-1-thread:$s1_s:$s1_m" "azaudit-scan-all-rules:$s_s:$s_m"; do
		[ "$row" = "cjson-per-resource:0:0" ] && continue
		what=${row%%:*}; rest=${row#*:}; sec=${rest%%:*}; kb=${rest#*:}
		awk -v n="$n" -v w="$what" -v s="$sec" -v k="$kb" -v mb="$mb" -v p="$p_s" 'BEGIN {
			printf "%-9s %-24s %8.2f %9.0f %10.1f %8.2f\n", n, w, s, (s > 0 ? mb / s : 0), k / 1024, (p > 0 ? s / p : 0) }'
	done
	echo "# input $mb MB"
done
