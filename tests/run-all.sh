#!/bin/sh
# Runs every test suite; prints one summary line "N passed, M failed".
# O is the build directory (build, build-asan, build-tsan); ONLY, when set,
# names the suites to run (make tsan).
O=${O:-build}
export AZAUDIT=$O/azaudit
total_pass=0; total_fail=0
run() {
	name=$1; shift
	case " ${ONLY:-$name} " in *" $name "*) ;; *) return 0 ;; esac
	out=$("$@" 2>&1); rc=$?
	tally "$name" "$rc" "$out"
}
# tally NAME RC OUTPUT: print a suite's output (but its "ok" lines) and add
# its summary line to the totals.
tally() {
	name=$1; rc=$2; out=$3
	printf '%s\n' "$out" | grep -v '^ok ' | sed "s/^/[$name] /"
	line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -1)
	p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/'); f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
	[ -z "$line" ] && { p=0; f=1; echo "[$name] no summary line (exit $rc)"; }
	[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && { f=1; echo "[$name] exited $rc"; }
	total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
}
# run_bg NAME COMMAND...: as run, in the background, tallied by wait_bg.
# For suites that mostly wait (the live collection suite paces itself
# against the emulator's read budgets and retry delays): the others use
# the cores meanwhile.
BG=$(mktemp -d)
trap 'rm -rf "$BG"' EXIT
bg_names=
run_bg() {
	name=$1; shift
	case " ${ONLY:-$name} " in *" $name "*) ;; *) return 0 ;; esac
	("$@" >"$BG/$name.out" 2>&1; echo $? >"$BG/$name.rc") &
	bg_names="$bg_names $name"
}
wait_bg() {
	wait
	for name in $bg_names; do
		tally "$name" "$(cat "$BG/$name.rc" 2>/dev/null || echo 1)" "$(cat "$BG/$name.out")"
	done
}
run_bg collect sh tests/collect/run.sh
run unit $O/tests/unit_test
run expr $O/tests/template/expr_test tests/template/expr_context.json tests/template/expr_cases.txt
run templates $O/tests/template/cases_test tests/template/cases
run bad-templates sh tests/template/bad.sh
run rules $O/tests/rules_test tests/rules
run mutate $O/tests/mutate_test tests/rules tests/template/cases examples/sample-tenant
run rules-stored env AZAUDIT_SPILL_AT=1 $O/tests/rules_test tests/rules
run rules-threads env AZAUDIT_THREADS=2 $O/tests/rules_test tests/rules
run exposure $O/tests/exposure/exposure_test tests/rules
run exposure-evict env AZAUDIT_EXPO_CACHE=1 $O/tests/exposure/exposure_test tests/rules
run rules-evict env AZAUDIT_EXPO_CACHE=1 $O/tests/rules_test tests/rules
run catalog sh tests/catalog.sh
run cli sh tests/cli/run.sh
run alloc $O/tests/alloc_test
run threads sh tests/threads.sh
run schema $O/tests/schema_test
run fuzz-json $O/fuzz/replay_json fuzz/corpus/fuzz_json
run fuzz-input $O/fuzz/replay_input fuzz/corpus/fuzz_input
run fuzz-template $O/fuzz/replay_template fuzz/corpus/fuzz_template
run fuzz-exposure $O/fuzz/replay_exposure fuzz/corpus/fuzz_exposure
run fuzz-baseline $O/fuzz/replay_baseline fuzz/corpus/fuzz_baseline
run fuzz-xml $O/fuzz/replay_xml fuzz/corpus/fuzz_xml
run fuzz-config $O/fuzz/replay_config fuzz/corpus/fuzz_config
run fuzz-suppress $O/fuzz/replay_suppress fuzz/corpus/fuzz_suppress
run xml $O/tests/collect/xml_test
run azurite sh tests/collect/azurite.sh
run report sh tests/report/run.sh
run report-stored env AZAUDIT_SPILL_AT=1 sh tests/report/run.sh
if command -v python3 >/dev/null 2>&1; then run peers python3 tests/peers/run.py; else echo "[peers] skip: python3 not found"; fi
# The peers' templates, made wrong the same ways (mutate above), when present.
for d in ../shared/peer-fixtures ../../shared/peer-fixtures ../../../shared/peer-fixtures; do
	if [ -d "$d" ]; then run mutate-peers $O/tests/mutate_test "$d"; break; fi
done
wait_bg
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
