// SPDX-License-Identifier: MIT
/*
 * The benchmark guest: what the hypervisor's paths cost, counted in
 * instructions. `make bench` boots it under QEMU -icount shift=0, where
 * the cycle counter advances once per instruction and every run is
 * bit-identical; scripts/bench.sh turns its "bench: result" lines into the
 * BENCH lines and docs/benchmarks.md.
 *
 * Each figure is the instruction count of a loop with the operation under
 * test minus that of the same loop without it (loops.S), divided by the
 * iterations: the guest's own instruction, the trap, the hypervisor's
 * exit path and the return, nothing of the loop around them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <libfdt.h>

#include "guest.h"
#include "hypercall.h"
#include "irq.h"
#include "pmu.h"
#include "tick.h"

#define ITERATIONS		1000
#define LATENCY_RUNS		8

#define PL011_FR		0x18
#define PL011_IMSC		0x38
#define GICD_TYPER		0x004

typedef uint32_t (*loop_fn)(uint32_t n, uintptr_t reg, uint32_t hypercall);

uint32_t loop_empty(uint32_t n, uintptr_t reg, uint32_t hypercall);
uint32_t loop_hvc(uint32_t n, uintptr_t reg, uint32_t hypercall);
uint32_t loop_ldr(uint32_t n, uintptr_t reg, uint32_t hypercall);
uint32_t loop_str(uint32_t n, uintptr_t reg, uint32_t hypercall);
uint32_t vtimer_latency(void);
extern const char bench_vectors[];

/* The GIC CPU interface, for the latency handler in loops.S. */
uintptr_t bench_gicc;

static bool all_ok = true;

static void result(const char *metric, uint64_t value, const char *unit)
{
	printf("bench: result %s %llu %s\n", metric, (unsigned long long)value, unit);
}

/*
 * Instructions per iteration of @loop beyond the empty loop. The two
 * counts must differ by a whole number per iteration: anything else
 * means something besides the operation ran in between.
 */
static void measure(const char *metric, loop_fn loop, uintptr_t reg)
{
	uint32_t with, without, extra;

	/*
	 * One pass first: the hypervisor looks at the device used last
	 * before any other (core/include/bulkhead/mmio.h), and the printf
	 * before this one went to the UART. The figure is the steady state.
	 */
	loop(1, reg, BH_HC_VERSION);
	with = loop(ITERATIONS, reg, BH_HC_VERSION);
	without = loop_empty(ITERATIONS, reg, BH_HC_VERSION);
	extra = with - without;

	if (with < without || extra % ITERATIONS) {
		printf("bench: %s NOT steady: %u with, %u without over %u iterations\n",
		       metric, (unsigned int)with, (unsigned int)without, ITERATIONS);
		all_ok = false;
		return;
	}
	result(metric, extra / ITERATIONS, "instructions");
}

/* The guest's emulated PL011: the stdout UART of its device tree. */
static uintptr_t console_uart(void)
{
	int node = fdt_node_offset_by_compatible(guest.fdt, -1, "arm,pl011");
	uint64_t base, size;

	if (node < 0 || dt_reg(guest.fdt, node, &base, &size) || base > UINTPTR_MAX)
		return 0;
	return base;
}

/*
 * Counted in vtimer_latency(): the mcr that fires the timer and the
 * handler's counter read, beside the latency itself.
 */
#define LATENCY_FIXED		2

static uint32_t read_vbar(void)
{
	uint32_t vbar;

	__asm__ volatile("mrc p15, 0, %0, c12, c0, 0" : "=r"(vbar));
	return vbar;
}

static void write_vbar(uint32_t vbar)
{
	__asm__ volatile("mcr p15, 0, %0, c12, c0, 0\n\tisb" :: "r"(vbar) : "memory");
}

/* Entry @index of the GIC node's reg: 0 the distributor, 1 the CPU interface. */
static uintptr_t gic_reg(int index)
{
	const void *fdt = guest.fdt;
	int node = fdt_node_offset_by_compatible(fdt, -1, "arm,cortex-a15-gic");
	int parent = fdt_parent_offset(fdt, node);
	int ac = fdt_address_cells(fdt, parent), sc = fdt_size_cells(fdt, parent), len;
	const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);

	if (node < 0 || !reg || ac < 1 || ac > 2 || sc < 0 ||
	    len < 2 * (ac + sc) * (int)sizeof(*reg))
		return 0;
	reg += index * (ac + sc);
	return ac == 2 && fdt32_ld(reg) ? 0 : fdt32_ld(reg + ac - 1);
}

/* From the virtual timer firing to the first instruction of the guest's IRQ vector. */
static void measure_virq_latency(void)
{
	uint32_t first = 0, vbar, i, n = 0;

	bench_gicc = gic_reg(1);
	if (!bench_gicc || irq_init()) {
		printf("bench: virq_latency NOT measured: no GIC in the device tree\n");
		all_ok = false;
		return;
	}
	irq_enable(IRQ_PPI_VTIMER, 0);
	vtimer_stop();
	/* A deadline in the past: enabling the timer fires it. */
	__asm__ volatile("mcrr p15, 3, %Q0, %R0, c14\n\tisb" :: "r"(0ull) : "memory");
	vbar = read_vbar();
	write_vbar((uint32_t)(uintptr_t)bench_vectors);
	for (i = 0; i < LATENCY_RUNS; i++) {
		/*
		 * Every run from the same state: the first exit after an
		 * interrupt folds its completed list register back into the
		 * vGIC state (ports/arm-a15/vgic_hw.c); let a hypercall do
		 * that rather than the next measured interrupt.
		 */
		hv_version();
		n = vtimer_latency() - LATENCY_FIXED;
		if (i && n != first)
			break;
		first = n;
	}
	write_vbar(vbar);
	if (i < LATENCY_RUNS) {
		printf("bench: virq_latency NOT steady: run %u took %u, run 0 %u\n",
		       (unsigned int)i, (unsigned int)n, (unsigned int)first);
		all_ok = false;
		return;
	}
	result("virq_latency", first, "instructions");
}

/*
 * The compute kernel in this partition, with its 1 kHz tick;
 * scripts/bench.sh compares its count with native.c's for guest_overhead,
 * and the checksums and tick counts to be sure both did the same work.
 */
static void measure_compute(void)
{
	uint32_t checksum, count, ticks;

	tick_start(gic_reg(0), gic_reg(1));
	count = compute_kernel(&checksum);
	ticks = tick_stop();
	result("compute_kernel", count, "instructions");
	printf("bench: compute_checksum %u ticks %u\n", (unsigned int)checksum,
	       (unsigned int)ticks);
}

int main(void)
{
	uint64_t boot;
	uintptr_t uart = console_uart();

	printf("bench: started\n");
	/* Virtual time since QEMU started the hypervisor: 16 instructions a tick. */
	boot = timer_physical_count() * (1000000000u / timer_freq());
	pmu_start();
	if (!uart) {
		printf("bench: no PL011 in the device tree\n");
		return EXIT_FAILURE;
	}
	/*
	 * One iteration of the empty loop is 3 instructions, and the second
	 * counter read makes 4: anything else means the counter does not
	 * count instructions (no icount, or a PMU that is not QEMU's).
	 */
	if (loop_empty(1, 0, 0) != 4) {
		printf("bench: the cycle counter does NOT count instructions: %u for 4\n",
		       (unsigned int)loop_empty(1, 0, 0));
		return EXIT_FAILURE;
	}
	measure("hypercall_null", loop_hvc, 0);
	measure("mmio_read", loop_ldr, uart + PL011_FR);
	measure("mmio_write", loop_str, uart + PL011_IMSC);
	measure("mmio_read_gicd", loop_ldr, gic_reg(0) + GICD_TYPER);
	measure_virq_latency();
	measure_compute();
	result("boot_to_guest", boot, "instructions");
	printf("bench: %s\n", all_ok ? "done" : "FAILED");
	return all_ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
