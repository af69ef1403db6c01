#!/bin/sh
# Benchmark of the identity rules on directory-heavy tenants (bench/dir_gen.c:
# USERS users and registration records, ten role assignments per user). The
# baseline, run on the same file in the same run, is a scan with one rule
# that reads none of it (AZA-STG-001): reading and indexing the snapshot. The
# identity area's cost is the difference; a join that walks one list per
# element of another shows as a ratio that grows with USERS. OTHER=path runs
# a second azaudit build (an older commit) on the same files for comparison.
# Prints median wall seconds of RUNS runs and peak RSS.
# Reports go to a file, not /dev/null: an azaudit older than the output
# writer's device check (OTHER) renamed its report over the device.
set -eu
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"2000 20000"}
RUNS=${RUNS:-3}
D=${BENCH_DIR:-bench/data}
mkdir -p "$D" build
cc -O2 -std=c17 -o build/bench-dir-gen bench/dir_gen.c
make -s all

. bench/measure.sh

printf '%-7s %-26s %8s %10s %8s\n' users what seconds peakRSS_MB vs_read
for n in $SIZES; do
	f="$D/directory-$n.json"
	[ -s "$f" ] || ./build/bench-dir-gen "$n" > "$f"
	set -- $(measure ./build/azaudit scan -q -o "$D/.report.txt" --rule AZA-STG-001 "$f"); b_s=$1; b_m=$2
	row() { awk -v n="$n" -v w="$1" -v s="$2" -v m="$3" -v b="$b_s" \
		'BEGIN { printf "%-7s %-26s %8.2f %10.1f %8.2f\n", n, w, s, m / 1024, (b > 0 ? s / b : 0) }'; }
	row "read (one rule)" "$b_s" "$b_m"
	set -- $(measure ./build/azaudit scan -q -o "$D/.report.txt" --area iam --now 2026-11-01T00:00:00Z "$f")
	row "identity area" "$1" "$2"
	if [ -n "${OTHER:-}" ]; then
		set -- $(measure "$OTHER" scan -q -o "$D/.report.txt" --area iam --now 2026-11-01T00:00:00Z "$f")
		row "identity area (OTHER)" "$1" "$2"
	fi
	echo "# input $(du -m "$f" | cut -f1) MB"
done
