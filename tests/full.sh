#!/bin/bash
# The whole test suite (`make test`): gcc build with warnings as errors and
# `make check`; the same tests under ASan+UBSan (clang); the threaded
# suites under ThreadSanitizer; each fuzz target
# over its corpus plus FUZZ_SECONDS (default 20); the installed files.
# Needs the packages .ci/deps installs. Exits non-zero on any failure and
# ends with the summary line of the main suite.
set -euo pipefail
cd "$(dirname "$0")/.."
START=$(date +%s)
FUZZ_SECONDS=${FUZZ_SECONDS:-20}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}

step() { printf '\n=== %s (%ss)\n' "$*" "$(( $(date +%s) - START ))"; }
# passed LOG: the suite's summary says 0 failed; else repeat what failed at
# the end, where a CI log that keeps only its tail still shows it.
passed() {
	grep -Eq '^[0-9]+ passed, 0 failed$' "$1" && return 0
	echo; echo "=== what failed in $1:"
	grep -E 'FAIL|not ok|no summary line|exited [0-9]|did not start|Sanitizer|runtime error|Aborted' "$1" | grep -v '^\[peers\]   ' | tail -40
	return 1
}

for tool in gcc clang make pkg-config jq; do
	command -v "$tool" >/dev/null || { echo "ci: $tool is missing"; exit 1; }
done
[ -d ../shared ] || echo "ci: note: ../shared not found (not needed by the tests)"

step "gcc build, -Wall -Wextra -Werror"
make clean
make -j"$JOBS" CC=gcc

step "make check (gcc)"
make -j"$JOBS" CC=gcc check 2>&1 | tee build/check.log || true
passed build/check.log

step "make asan (clang, AddressSanitizer + UndefinedBehaviorSanitizer)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	make -j"$JOBS" asan 2>&1 | tee build/asan.log || true
passed build/asan.log

step "make tsan (clang, ThreadSanitizer: the suites that run on two threads)"
TSAN_OPTIONS=halt_on_error=1 make -j"$JOBS" tsan 2>&1 | tee build/tsan.log || true
passed build/tsan.log

step "fuzz targets (libFuzzer), ${FUZZ_SECONDS}s each after the corpus"
make -j"$JOBS" fuzz-build
sh fuzz/run.sh "$FUZZ_SECONDS"

step "install check"
bash tests/install-check.sh

step "done in $(( $(date +%s) - START ))s"
grep -E '^[0-9]+ passed, [0-9]+ failed$' build/check.log | tail -1
