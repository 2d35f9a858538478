#!/bin/bash
# Run every test suite against a finished build and sum up.
#
#   tests/run-suites.sh BOARD BUILDDIR [SAMPLE...]
#
# `make check` builds everything first, then calls this. It runs
#   - each cmocka unit test BUILDDIR/tests/unit/test_*, counting the tests
#     its "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s)" summaries
#     report (a binary that crashes or reports nothing counts as one failure);
#   - tests/tool/run.sh BUILDDIR/host/bulkhead BOARD, the host tool's
#     configs for the board's port and for the board itself, counting the
#     "N passed, N failed" of its last line;
#   - tests/bench/run.sh (make bench's quick mode) when BENCH=1 (make check
#     sets it, and PORT, for a board with a samples/bench config);
#   - tests/qemu/run.sh for each SAMPLE along each boot path of BOOT_PATHS
#     (default "kernel uboot"; make check gives the board's), at most
#     QEMU_JOBS (default 2) at a time; each counts as one.
# Prints one line per unit test binary, suite and QEMU boot, then
# "N passed, N failed" alone on the last line; exits 1 if anything failed.
set -uo pipefail

if [ $# -lt 2 ]; then
	echo "usage: tests/run-suites.sh BOARD BUILDDIR [SAMPLE...]" >&2
	exit 2
fi
board=$1 build=$2
shift 2
srctree=$(cd "$(dirname "$0")/.." && pwd)
logs=$build/tests
mkdir -p "$logs"
passed=0 failed=0

# Sum of the N in lines "PREFIX N test(s)" of the given files.
cmocka_count() {
	local prefix=$1
	shift
	sed -n "s/^\[  $prefix  \] \([0-9]\{1,\}\) test(s).*/\1/p" "$@" |
		awk '{ n += $1 } END { print n + 0 }'
}

run_unit() {
	local bin=$1 name log rc p f why=
	name=$(basename "$bin")
	log=$logs/unit-$name.log
	# In a subshell so a crash is reported here, not by bash's job notice.
	(env -u CMOCKA_MESSAGE_OUTPUT timeout -k 5 120 "$bin" \
		>"$log.out" 2>"$log.err" </dev/null; exit $?) 2>/dev/null
	rc=$?
	# stdout and stderr apart: cmocka writes its summary to stderr
	# unbuffered, its progress to stdout buffered.
	p=$(cmocka_count PASSED "$log.out" "$log.err")
	f=$(cmocka_count FAILED "$log.out" "$log.err")
	cat "$log.out" "$log.err" >"$log"
	rm -f "$log.out" "$log.err"
	if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		why=" (exit status $rc)"
	elif [ $((p + f)) -eq 0 ]; then
		f=1
		why=" (no cmocka summary)"
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -eq 0 ]; then
		echo "PASS  unit $name: $p passed"
	else
		echo "FAIL  unit $name: $p passed, $f failed$why  (log: $log)"
	fi
}

run_tool() {
	local tool=$build/host/bulkhead log=$logs/tool.log rc last p f
	if [ ! -x "$tool" ]; then
		echo "FAIL  tool: $tool not built"
		failed=$((failed + 1))
		return
	fi
	bash "$srctree/tests/tool/run.sh" "$tool" "$board" >"$log" 2>&1 </dev/null
	rc=$?
	last=$(tail -n 1 "$log")
	if [[ $last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
		p=${BASH_REMATCH[1]} f=${BASH_REMATCH[2]}
	else
		p=0 f=1
	fi
	[ $rc -eq 0 ] || [ "$f" -ne 0 ] || f=1
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -eq 0 ]; then
		echo "PASS  tool: $p passed"
	else
		echo "FAIL  tool: $p passed, $f failed (exit status $rc)  (log: $log)"
	fi
}

# Each boot's report is printed in one write so parallel ones do not mix.
run_qemu_all() {
	local s path paths results=$logs/qemu-results.txt expected p f
	read -ra paths <<<"${BOOT_PATHS:-kernel uboot}"
	expected=$(($# * ${#paths[@]}))
	[ $# -gt 0 ] || return 0
	for s in "$@"; do
		for path in "${paths[@]}"; do
			printf '%s\0' "$board" "$s" "$path" "$build"
		done
	done | xargs -0 -n 4 -P "${QEMU_JOBS:-2}" \
		bash -c 'out=$("$0" "$@"); printf "%s\n" "$out"' \
		"$srctree/tests/qemu/run.sh" | tee "$results"
	p=$(grep -c '^PASS ' "$results")
	f=$(grep -c '^FAIL ' "$results")
	if [ $((p + f)) -lt $expected ]; then
		echo "FAIL  qemu: $((expected - p - f)) boot(s) reported nothing"
		f=$((expected - p))
	fi
	passed=$((passed + p))
	failed=$((failed + f))
}

for bin in "$build"/tests/unit/test_*; do
	[ -f "$bin" ] && [ -x "$bin" ] && run_unit "$bin"
done
[ ! -f "$srctree/tests/tool/run.sh" ] || run_tool
# The benchmark machinery, quick mode: needs PORT from make check.
if [ "${BENCH:-0}" = 1 ]; then
	if "$srctree/tests/bench/run.sh" "$board" "$build" "$PORT"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
fi
run_qemu_all "$@"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
