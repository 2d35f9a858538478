#!/bin/bash
# The benchmark machinery in quick mode, for `make check`:
#
#   tests/bench/run.sh BOARD BUILDDIR PORT
#
# Runs scripts/bench.sh with BENCH_QUICK=1 (the Bulkhead side, each
# configuration booted twice under -icount: it fails unless both runs give
# identical counts), then checks that every metric the port supports came
# out once as `BENCH <board> <metric> <value> <unit>` with a positive whole
# value, or for the percentage guest_overhead (which may well be 0) a
# non-negative one with exactly two decimals. No thresholds: performance
# is what `make bench` reports, not a test.
# Prints one PASS/FAIL line; exits 0 on pass.
set -uo pipefail

board=$1 build=$2 port=$3
srctree=$(cd "$(dirname "$0")/../.." && pwd)
log=$build/tests/bench.log
# What each port's benchmark guest (samples/bench, samples/bench/ppc-booke)
# and its configurations measure, and bench.sh adds
case $port in
arm-a15)
	metrics="hypercall_null mmio_read mmio_write mmio_read_gicd virq_latency boot_to_guest
compute_kernel doorbell_oneway ipc_roundtrip compute_native guest_overhead" ;;
ppc-booke)
	metrics="hypercall_null mtspr_sprg0 mtspr_sprg4 tlb_miss mmio_read dec_latency boot_to_guest" ;;
*)
	echo "FAIL  bench (quick): no metrics known for port $port"
	exit 1 ;;
esac
metrics="$metrics hv_text_bytes hv_lines"
count='[1-9][0-9]* [a-z]+'
percent='[0-9]+\.[0-9]{2} percent'

mkdir -p "$build/tests"
if ! BENCH_QUICK=1 "$srctree/scripts/bench.sh" "$board" "$build" "$port" >"$log" 2>&1; then
	echo "FAIL  bench (quick): scripts/bench.sh failed (log: $log)"
	tail -n 3 "$log" | sed 's/^/      /'
	exit 1
fi
for m in $metrics; do
	value=$count
	[ "$m" != guest_overhead ] || value=$percent
	n=$(grep -cE "^BENCH $board $m $value\$" "$log")
	if [ "$n" -ne 1 ]; then
		echo "FAIL  bench (quick): $n well-formed lines for $m (log: $log)"
		exit 1
	fi
done
if grep '^BENCH ' "$log" | grep -qvE "^BENCH $board ([a-z0-9_]+ $count|guest_overhead $percent)\$"; then
	echo "FAIL  bench (quick): malformed BENCH line (log: $log)"
	exit 1
fi
echo "PASS  bench (quick): $(echo $metrics | wc -w) metrics, two runs identical"
