#!/bin/bash
# The benchmark machinery in quick mode, for `make check`:
#
#   tests/bench/run.sh BOARD BUILDDIR PORT
#
# Runs scripts/bench.sh with BENCH_QUICK=1 (the Bulkhead side, booted twice
# under -icount: it fails unless both runs give identical counts), then
# checks that every metric the port supports came out once as
# `BENCH <board> <metric> <value> <unit>` with a positive value. No
# thresholds: performance is what `make bench` reports, not a test.
# Prints one PASS/FAIL line; exits 0 on pass.
set -uo pipefail

board=$1 build=$2 port=$3
srctree=$(cd "$(dirname "$0")/../.." && pwd)
log=$build/tests/bench.log
metrics="hypercall_null mmio_read mmio_write virq_latency boot_to_guest hv_text_bytes hv_lines"

mkdir -p "$build/tests"
if ! BENCH_QUICK=1 "$srctree/scripts/bench.sh" "$board" "$build" "$port" >"$log" 2>&1; then
	echo "FAIL  bench (quick): scripts/bench.sh failed (log: $log)"
	tail -n 3 "$log" | sed 's/^/      /'
	exit 1
fi
for m in $metrics; do
	n=$(grep -cE "^BENCH $board $m [1-9][0-9]* [a-z]+\$" "$log")
	if [ "$n" -ne 1 ]; then
		echo "FAIL  bench (quick): $n well-formed lines for $m (log: $log)"
		exit 1
	fi
done
if grep '^BENCH ' "$log" | grep -qvE "^BENCH $board [a-z_]+ [1-9][0-9]* [a-z]+\$"; then
	echo "FAIL  bench (quick): malformed BENCH line (log: $log)"
	exit 1
fi
echo "PASS  bench (quick): $(echo $metrics | wc -w) metrics, two runs identical"
