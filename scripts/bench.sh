#!/bin/bash
# Run the benchmark guest and report its figures (`make bench`).
#
#   bench.sh BOARD BUILDDIR PORT
#
# Boots BUILDDIR/samples/bench twice (kernel path: nothing but the
# hypervisor runs before the guest) with -icount shift=0,sleep=off, keeps
# the consoles in BUILDDIR/bench/run-{1,2}.log, and fails unless both runs
# printed `bench: done` and the same results. Adds the hypervisor's size
# (text bytes of bulkhead.elf, $SIZE, default arm-none-eabi-size) and its
# C and assembly lines, prints `BENCH BOARD METRIC VALUE UNIT` per figure
# and rewrites docs/benchmarks.md (below).
#
# Then, where the board has a config for it (samples/bench/ipc/BOARD.dts),
# BUILDDIR/samples/bench/ipc (ping and pong, two CPUs) twice the same
# way (consoles in BUILDDIR/bench/ipc-{1,2}.log) for doorbell_oneway and
# ipc_roundtrip.
#
# The compute kernel also runs natively where the port has that twin
# (make built BUILDDIR/samples/bench/native.elf): booted twice on the
# board's machine without virtualization=on (consoles in
# BUILDDIR/bench/native-{1,2}.log); guest_overhead is the partition's
# count over the native one, in percent.
#
# Then, when XEN is set (make bench on a board with BENCH_XEN := y), the
# same for Xen: boots $XEN ($XEN_QEMU, one CPU, same -icount)
# with BUILDDIR/bench/xen/xen.dtb and the dom0 BUILDDIR/bench/xen/dom0.bin
# loaded at $XEN_DOM0_ADDR, twice (consoles in BUILDDIR/bench/xen-{1,2}.log),
# prints `BENCH BOARD xen_METRIC VALUE UNIT`, and puts Xen's figures and
# the ratio beside Bulkhead's in the doc and a gnuplot bar chart of the
# figures both have in docs/benchmarks.png.
#
# BENCH_QUICK=1 (what `make check` uses): Bulkhead only, the BENCH lines
# and nothing written: no Xen, no doc, no chart. No XEN: the BENCH lines
# and, where scripts/bench-doc-PORT.sh exists, docs/benchmarks-BOARD.md
# that it writes from them.
set -euo pipefail

die() { echo "bench: $*" >&2; exit 1; }

[ $# -eq 3 ] || die "usage: bench.sh BOARD BUILDDIR PORT"
board=$1 build=$2 port=$3
srctree=$(cd "$(dirname "$0")/.." && pwd)
size=${SIZE:-arm-none-eabi-size}
limit=${BENCH_TIMEOUT:-120}
out=$build/bench
mkdir -p "$out"

# The result lines of one boot of SAMPLE whose partition PART prints
# them, as "metric value unit"; the console goes to LOG.
boot() {
	local sample=$1 part=$2 log=$3 rc=0
	timeout -k 10 "$limit" "$srctree/scripts/qemu-boot.sh" "$board" "$build" "$sample" kernel \
		-icount shift=0,sleep=off </dev/null 2>&1 | tr -d '\r' >"$log" || rc=$?
	[ "$rc" -eq 0 ] || die "$sample: QEMU exited with status $rc (log: $log)"
	grep -qx "\[$part\] bench: done" "$log" ||
		die "$sample did not finish (log: $log):
$(grep -m 3 'NOT\|FAILED' "$log" || tail -n 3 "$log")"
	sed -n "s/^\[$part\] bench: result \([a-z0-9_]*\) \([0-9]*\) \([a-z]*\)\$/\1 \2 \3/p" "$log"
}

run() {
	boot bench bench "$out/run-$1.log"
}

run_ipc() {
	boot bench/ipc ping "$out/ipc-$1.log"
}

# Xen's result lines of one boot, as "metric value unit".
run_xen() {
	local log=$out/xen-$1.log rc=0 dir=$build/bench/xen
	# shellcheck disable=SC2086 # XEN_QEMU is a command line
	timeout -k 10 "$limit" $XEN_QEMU -smp 1 -nographic -no-reboot -nic none \
		-icount shift=0,sleep=off -kernel "$XEN" -dtb "$dir/xen.dtb" \
		-device "loader,file=$dir/dom0.bin,addr=$XEN_DOM0_ADDR,force-raw=on" \
		</dev/null 2>&1 | tr -d '\r' >"$log" || rc=$?
	[ "$rc" -eq 0 ] || die "Xen run $1: QEMU exited with status $rc (log: $log)"
	grep -qx 'XENBENCH done' "$log" ||
		die "Xen run $1 did not finish (log: $log):
$(grep -m 3 'NOT\|FAILED' "$log" || tail -n 3 "$log")"
	sed -n 's/^XENBENCH \([a-z_]*\) \([0-9]*\)$/\1 \2 instructions/p' "$log"
}

# Value of KEY in the board's defconfig, without quotes.
config() {
	sed -n "s/^$1=\"\{0,1\}\([^\"]*\)\"\{0,1\}\$/\1/p" "$srctree/bsp/$board/defconfig"
}

# The native compute kernel's count and checksum of one boot, as "count checksum".
run_native() {
	local log=$out/native-$1.log rc=0 machine
	machine=$(config CONFIG_QEMU_MACHINE | sed 's/,virtualization=on//')
	timeout -k 10 "$limit" "$(config CONFIG_QEMU_SYSTEM)" -M "$machine" \
		-cpu "$(config CONFIG_QEMU_CPU)" -m "$(config CONFIG_QEMU_MEM)" -smp 1 \
		-nographic -no-reboot -nic none -icount shift=0,sleep=off \
		-kernel "$build/samples/bench/native.elf" </dev/null 2>&1 |
		tr -d '\r' >"$log" || rc=$?
	[ "$rc" -eq 0 ] || die "native run $1: QEMU exited with status $rc (log: $log)"
	grep -qx 'native: done' "$log" || die "native run $1 did not finish (log: $log)"
	echo "$(sed -n 's/^native: result compute_kernel \([0-9]*\) instructions$/\1/p' "$log")" \
		"$(sed -n 's/^native: compute_checksum \([0-9]* ticks [0-9]*\)$/\1/p' "$log")"
}

first=$(run 1)
second=$(run 2)
[ -n "$first" ] || die "no results in $out/run-1.log"
[ "$first" = "$second" ] || die "the two runs differ:
$(diff <(echo "$first") <(echo "$second"))"
echo "bench: two runs under -icount shift=0,sleep=off gave identical results"

results=$first

if [ -f "$srctree/samples/bench/ipc/$board.dts" ]; then
	ipc_first=$(run_ipc 1)
	ipc_second=$(run_ipc 2)
	[ -n "$ipc_first" ] || die "no results in $out/ipc-1.log"
	[ "$ipc_first" = "$ipc_second" ] || die "the two ipc runs differ:
$(diff <(echo "$ipc_first") <(echo "$ipc_second"))"
	echo "bench: two ipc runs under -icount shift=0,sleep=off gave identical results"
	results="$results
$ipc_first"
fi

if [ -f "$build/samples/bench/native.elf" ]; then
	native=$(run_native 1)
	[ "$native" = "$(run_native 2)" ] ||
		die "the two native runs differ (logs: $out/native-{1,2}.log)"
	read -r native_count native_sum <<<"$native"
	[ -n "$native_sum" ] || die "no native result in $out/native-1.log"
	# "CHECKSUM ticks N": the same work, and the same number of interrupts
	guest_sum=$(sed -n 's/^\[bench\] bench: compute_checksum \([0-9]* ticks [0-9]*\)$/\1/p' \
		"$out/run-1.log")
	[ "$guest_sum" = "$native_sum" ] ||
		die "compute kernel checksum or ticks differ: partition ${guest_sum:-none}, native $native_sum"
	guest_count=$(echo "$first" | awk '$1 == "compute_kernel" { print $2 }')
	overhead=$(awk -v p="$guest_count" -v n="$native_count" \
		'BEGIN { printf "%.2f", (p - n) * 100 / n }')
	results="$results
compute_native $native_count instructions
guest_overhead $overhead percent"
fi

# The hypervisor's own code: the port, the board and the BSPs its
# defconfig selects (CONFIG_BSP_FSL_E500=y: bsp/fsl-e500), the rest.
bsps=$(sed -n 's/^CONFIG_BSP_\([A-Z0-9_]*\)=y$/bsp\/\1/p' "$srctree/bsp/$board/defconfig" |
	tr 'A-Z_\n' 'a-z- ')
source_dirs="core ports/$port bsp/$board ${bsps}drivers"
text=$("$size" "$build/bulkhead.elf" | awk 'NR == 2 { print $1 }')
# shellcheck disable=SC2086 # a list of directories
lines=$(cd "$srctree" && find $source_dirs -name '*.[chS]' -type f -print0 | xargs -0 cat | wc -l)
results="$results
hv_text_bytes $text bytes
hv_lines $lines lines"

echo "$results" | while read -r metric value unit; do
	echo "BENCH $board $metric $value $unit"
done
[ "${BENCH_QUICK:-0}" = 0 ] || exit 0
if [ -z "${XEN:-}" ]; then
	doc=docs/benchmarks-$board.md
	if [ ! -f "$srctree/scripts/bench-doc-$port.sh" ]; then
		echo "bench: no Xen comparison and no scripts/bench-doc-$port.sh; no doc written"
		exit 0
	fi
	echo "$results" | SOURCE_DIRS="$source_dirs" \
		bash "$srctree/scripts/bench-doc-$port.sh" "$board" >"$srctree/$doc"
	echo "bench: wrote $doc"
	exit 0
fi

xen_first=$(run_xen 1)
xen_second=$(run_xen 2)
[ -n "$xen_first" ] || die "no results in $out/xen-1.log"
[ "$xen_first" = "$xen_second" ] || die "the two Xen runs differ:
$(diff <(echo "$xen_first") <(echo "$xen_second"))"
echo "bench: two Xen runs under -icount shift=0,sleep=off gave identical results"

echo "$xen_first" | while read -r metric value unit; do
	echo "BENCH $board xen_$metric $value $unit"
done

# Xen's value of a metric, empty when not measured. Its mmio_read is a
# GICD_TYPER load, the same access as our mmio_read_gicd.
xen_value() {
	local metric=$1

	[ "$metric" != mmio_read_gicd ] || metric=mmio_read
	echo "$xen_first" | awk -v m="$metric" '$1 == m { print $2 }'
}

# "`a/`, `b/`" for "a b"
dir_list() {
	local d out=

	for d in $1; do
		out="$out${out:+, }\`$d/\`"
	done
	echo "$out"
}

describe() {
	case $1 in
	hypercall_null) echo "one \`hvc\` (\`BH_HC_VERSION\`) and its return" ;;
	mmio_read) echo "one load from the emulated PL011's FR register" ;;
	mmio_write) echo "one store to the emulated PL011's IMSC register" ;;
	mmio_read_gicd) echo "one load from the emulated GIC distributor's TYPER register (Xen: the same)" ;;
	virq_latency) echo "virtual timer firing to the first instruction of the guest's IRQ vector" ;;
	compute_kernel) echo "the compute kernel (\`samples/bench/kernel.c\`) with a 1 kHz tick, in the partition" ;;
	compute_native) echo "the same kernel and tick booted natively, without the hypervisor" ;;
	guest_overhead) echo "(partition - native) / native for the compute kernel with its tick" ;;
	doorbell_oneway) echo "ping's counter read before its ring to pong's in its doorbell handler (C, after the runtime's IRQ dispatch)" ;;
	ipc_roundtrip) echo "request and reply through shared memory and doorbells, both sleeping in WFI" ;;
	boot_to_guest) echo "hypervisor entry to the guest's first console line" ;;
	hv_text_bytes) echo "text (code and read-only data) of \`bulkhead.elf\`, as \`size\` gives it" ;;
	hv_lines) echo "lines of C and assembly in $(dir_list "$source_dirs")" ;;
	*) echo "$1" ;;
	esac
}

# The other boards with a benchmark, each with its own doc (bench-doc-PORT.sh)
other_boards() {
	local f b links=

	for f in "$srctree"/samples/bench/*.dts; do
		b=$(basename "$f" .dts)
		[ "$b" = "$board" ] || links="$links${links:+, }[\`$b\`](benchmarks-$b.md)"
	done
	[ -z "$links" ] || printf '\n\nThe other boards: %s.' "$links"
}

{
	cat <<-DOC
	# Benchmarks

	Generated by \`make bench BOARD=$board\` (\`scripts/bench.sh\`); do not
	edit by hand.$(other_boards)

	## Method

	The figures are instruction counts, not times, so they do not depend on
	the machine that runs QEMU. \`make bench\` boots the benchmark guest
	(\`samples/bench\`) alone on one CPU with QEMU's
	\`-icount shift=0,sleep=off\`: every instruction advances virtual time by
	1 ns, and the ARM cycle counter (\`PMCCNTR\`) advances once per
	instruction. The guest programs the counter itself (the hypervisor does
	not trap the PMU) and sets \`PMCCFILTR.NSH\`, so it counts the
	hypervisor's instructions in HYP mode as well as its own.

	Each per-operation figure is the count of a loop of 1000 iterations
	with the operation minus that of the same loop without it, divided by
	1000: the guest's instruction, the trap, the hypervisor's exit path and
	the return to the guest. The loops are written in assembly
	(\`samples/bench/loops.S\`) so the compiler cannot change them. Each
	loop runs once before it is counted: the hypervisor tries the device
	the partition used last before the others, and the first access after
	one to another device also scans the partition's device list (a dozen
	instructions per device), so the MMIO figures are the steady state of
	a driver working one device. The
	interrupt latency arms the virtual timer with a deadline in the past,
	so it fires on the instruction that enables it, and reads the counter
	in the first instruction of the guest's IRQ vector; a hypercall before
	each of its 8 runs (which must agree) lets the hypervisor tidy up after
	the previous interrupt outside the measurement. The boot figure is
	the physical counter (16 instructions per tick) read just after the
	guest's first line: virtual time since QEMU's reset, where the kernel
	boot path (no U-Boot) enters the hypervisor directly.

	\`doorbell_oneway\` and \`ipc_roundtrip\` come from a second
	configuration, \`samples/bench/ipc\`: partitions "ping" (CPU 0) and
	"pong" (CPU 1) sharing a page with a doorbell, booted with \`-smp 2\`.
	Ping makes 1000 round trips: it writes a sequence number and the
	physical counter (\`CNTPCT\`, which both partitions read alike) to
	the page, rings the doorbell (\`BH_HC_DOORBELL_RING\`) and sleeps in
	WFI; pong, asleep in WFI, wakes in its doorbell interrupt handler,
	which reads the counter, answers in the page and rings back. The
	counter is the only clock: under \`-icount\` QEMU runs the two CPUs in
	turn on one thread and virtual time advances with the instructions of
	either (16 a tick at 62.5 MHz), while a CPU in WFI executes none and
	adds nothing. So each figure is the instructions both CPUs ran
	between the two points, sender and receiver and the hypervisor on
	both, divided by 1000: \`ipc_roundtrip\` from ping's first request to
	its last reply, \`doorbell_oneway\` the sum over the 1000 rings of
	ring-to-handler in pong. A sleeping CPU costs nothing here; on
	hardware both would run at once, so these are work, not latency.

	\`guest_overhead\` runs one compute kernel, 100 passes of a 32 x 32
	integer matrix multiply followed by 16 \`memcpy()\` of the 4 KiB
	product (\`samples/bench/kernel.c\`, the same object file both times),
	about 23 ms of virtual time, with a 1 kHz tick: the virtual timer
	interrupts it every millisecond, as under an RTOS or Linux with
	HZ=1000, and its handler (\`samples/bench/tick.c\`, also shared) sets
	the next deadline exactly one period after the last and completes the
	interrupt at the GIC. It runs once in the partition and once natively:
	\`samples/bench/native.elf\` booted by QEMU's \`-kernel\` on the same
	machine without \`virtualization=on\`, in SVC mode with the MMU off as a
	guest starts, counting with the same cycle counter and printing
	straight to the PL011. Both must produce the same checksum and take
	the same number of ticks. The figure is (partition - native) / native
	in percent: the instructions the hypervisor adds while the kernel runs
	(its count includes HYP, as above), which is what each tick costs it:
	the interrupt's exit, its injection into a list register and the
	return. Without the tick the two counts are equal: nothing of the
	hypervisor runs while a guest computes. Instruction counts do not see
	what stage-2 translation costs in TLB misses and table walks on real
	hardware, so this is the overhead in work done, not in time.

	Exception entry and return count as at most one
	instruction each under icount: the figures count the instructions the
	hypervisor executes, not a real CPU's cycles.

	The Xen column is Debian's \`$(cat "$(dirname "$XEN")/versions" 2>/dev/null || echo xen)\`
	(\`scripts/fetch-xen.sh\`) on the same QEMU machine, one CPU, under the
	same \`-icount\`, with a bare-metal dom0 (\`bench/xen/dom0.S\`, loaded
	as a position-independent zImage) making the same loops: the
	\`xen_version\` hypercall (\`XENVER_version\`, \`hvc #0xEA1\`) for
	\`hypercall_null\`, and a load of \`GICD_TYPER\` through Xen's virtual
	GIC distributor for \`mmio_read\`: Xen emulates no UART for its dom0,
	so its figure stands beside both our PL011 read and our own load of
	\`GICD_TYPER\` (\`mmio_read_gicd\`), the like-for-like comparison.
	Xen traps dom0's PMU and reads it as zero, so the dom0 counts the
	virtual counter (\`CNTVCT\`, 16 instructions a tick, Xen's
	instructions included) over loops of 1600
	iterations, 100 ticks per instruction of difference, and takes the
	fewest ticks of 8 runs of each loop, which leaves out Xen's own timer
	interrupts. Its empty loop must take the 300 ticks its instructions
	make (or 301), and each figure must lie within the two ticks of
	quantisation of a whole number. \`virq_latency\` is one event, not a
	loop: the dom0 arms the timer as above (Xen takes the physical PPI 27,
	masks the timer and injects it through its virtual GIC) with its first
	counter read at each of the 16 phases of a tick in turn, and the 16
	tick differences add up to the exact count; each phase runs 8 times,
	after a \`xen_version\` hypercall, and the fewest ticks count. The same
	sum over 39 known instructions must come out at 39. Ratio is
	Bulkhead / Xen: below 1, Bulkhead executes fewer instructions.

	Every run is made twice; \`make bench\` fails unless both give the
	same numbers.

	## Results ($board)

	![Bulkhead and Xen, instructions per operation](benchmarks.png)

	| metric | what | Bulkhead | Xen | ratio |
	|---|---|---|---|---|
	DOC
	echo "$results" | while read -r metric value unit; do
		xen=$(xen_value "$metric")
		if [ -n "$xen" ]; then
			ratio=$(awk -v b="$value" -v x="$xen" 'BEGIN { printf "%.2f", b / x }')
			echo "| \`$metric\` | $(describe "$metric") | $value $unit | $xen $unit | $ratio |"
		else
			echo "| \`$metric\` | $(describe "$metric") | $value $unit | not measured | - |"
		fi
	done
} >"$srctree/docs/benchmarks.md"
echo "bench: wrote docs/benchmarks.md"

# The chart: one pair of bars per figure both hypervisors have.
echo "$results" | while read -r metric value _; do
	xen=$(xen_value "$metric")
	[ -z "$xen" ] || echo "$metric $value $xen"
done >"$out/chart.dat"
gnuplot <<-PLOT
	set terminal pngcairo size 800,400 noenhanced
	set output "$srctree/docs/benchmarks.png"
	set title "Instructions per operation on $board (fewer is better)"
	set style data histograms
	set style histogram clustered gap 1
	set style fill solid 0.8 border -1
	set ylabel "instructions"
	set yrange [0:*]
	set key top left
	set grid ytics
	plot "$out/chart.dat" using 2:xtic(1) title "Bulkhead", \
	     "" using 3 title "Xen"
PLOT
echo "bench: wrote docs/benchmarks.png"
