#!/bin/sh
# Runs each libFuzzer target over its seed corpus and then for a bounded time.
# usage: fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]   (default 30, all)
# Build first with `make fuzz-build`. New inputs go to build-fuzz/found/<target>
# (copy interesting ones into fuzz/corpus/<target>/ by hand); a crash leaves
# build-fuzz/crash-<target>-* and makes this script exit non-zero.
set -u
cd "$(dirname "$0")/.."
secs=${1:-30}
[ $# -gt 0 ] && shift
targets=${*:-"fuzz_json fuzz_input fuzz_template fuzz_exposure fuzz_baseline fuzz_xml fuzz_config fuzz_suppress"}
rc=0
for t in $targets; do
	bin=build-fuzz/$t
	if [ ! -x "$bin" ]; then
		echo "fuzz: $bin not built (make fuzz-build)"
		rc=1
		continue
	fi
	mkdir -p "build-fuzz/found/$t"
	dict=fuzz/json.dict
	[ -f "fuzz/$t.dict" ] && dict=fuzz/$t.dict
	echo "fuzz: $t for ${secs}s over fuzz/corpus/$t"
	if ! ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} "$bin" -max_total_time="$secs" -timeout=10 \
		-rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -dict="$dict" \
		-artifact_prefix="build-fuzz/crash-$t-" "build-fuzz/found/$t" "fuzz/corpus/$t" \
		> "build-fuzz/$t.log" 2>&1; then
		echo "fuzz: $t FAILED; last lines of build-fuzz/$t.log:"
		tail -40 "build-fuzz/$t.log"
		rc=1
	else
		grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "build-fuzz/$t.log" | sed "s/^/fuzz: $t /"
	fi
done
exit $rc
