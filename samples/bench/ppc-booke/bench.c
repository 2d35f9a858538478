// SPDX-License-Identifier: MIT
/*
 * The Book E benchmark guest: what the hypervisor's paths cost, counted
 * in instructions, as samples/bench/bench.c does on ARM. `make bench`
 * boots it under QEMU -icount shift=0, where every instruction is 1 ns of
 * virtual time; the e500 has no instruction counter a guest can read, so
 * the clock is the 400 MHz time base: 0.4 ticks per instruction, the
 * hypervisor's included. scripts/bench.sh turns the "bench: result" lines
 * into the BENCH lines and docs/benchmarks-<board>.md.
 *
 * Each figure is the time of a loop with the operation under test minus
 * that of the same loop without it (loops.S), over enough iterations
 * (ITERATIONS x 0.4 = 4000 ticks per instruction of difference) that the
 * one tick by which a time base reading may be off leaves one whole
 * number of instructions per operation. The decrementer's latency is one
 * event per iteration, summed over every phase of the time base
 * (dec_latency.S).
 */
#include <stdio.h>
#include <stdlib.h>
#include <libfdt.h>

#include "guest.h"
#include "hypercall.h"
#include "irq.h"
#include "bench.h"

#define ITERATIONS		10000u
#define NS_PER_SECOND		1000000000u
/* loop_empty: 3 instructions an iteration, and the first time base read */
#define EMPTY_INSNS(n)		(3 * (n) + 1)
/* interval_known: the interval's 4 instructions */
#define KNOWN_INSNS		4

#define SPR_DEC			22
#define SPR_TSR			336
#define SPR_TCR			340
#define TSR_DIS			0x08000000u
#define TCR_DIE			0x04000000u

typedef uint32_t (*interval_fn)(uint32_t n, uint32_t pad, uint32_t *ticks);

uint32_t loop_sc(uint32_t n, uintptr_t reg, uint32_t arg);
uint32_t loop_mtspr_sprg0(uint32_t n, uintptr_t reg, uint32_t arg);
uint32_t loop_mtspr_sprg4(uint32_t n, uintptr_t reg, uint32_t arg);
uint32_t loop_lsr(uint32_t n, uintptr_t reg, uint32_t arg);
uint32_t interval_known(uint32_t n, uint32_t pad, uint32_t *ticks);
uint32_t interval_dec(uint32_t n, uint32_t pad, uint32_t *ticks);
extern const char dec_latency_vector[];

/* Time base ticks per instruction: tb_num / tb_den (2 / 5 at 400 MHz) */
static uint32_t tb_num, tb_den;
static bool all_ok = true;

void result(const char *metric, uint64_t value, const char *unit)
{
	printf("bench: result %s %llu %s\n", metric, (unsigned long long)value, unit);
}

void no_figure(const char *metric, const char *why, uint32_t a, uint32_t b)
{
	printf("bench: %s NOT measured: %s (%u, %u)\n", metric, why,
	       (unsigned int)a, (unsigned int)b);
	all_ok = false;
}

/*
 * The whole number of instructions per operation that @ticks make over
 * @ops operations, or false when no whole number comes within one tick.
 */
static bool insns_per_op(int64_t ticks, uint32_t ops, uint32_t *per_op)
{
	int64_t scaled = ticks * tb_den, unit = (int64_t)ops * tb_num;
	int64_t n = (scaled + unit / 2) / unit;

	if (ticks < 0 || n > UINT32_MAX || llabs(scaled - n * unit) > tb_den)
		return false;
	*per_op = (uint32_t)n;
	return true;
}

/*
 * Instructions per operation of @with beyond @without, which run the
 * same loop around @ops_per_iteration operations (or none); *@per_op.
 * Each runs first for two iterations: the hypervisor keeps the page of
 * the guest instruction it read last (ports/ppc-booke/trap.c) and, for
 * devices, tries the one used last first (core/include/bulkhead/mmio.h),
 * the printf before went elsewhere, and tlb_miss.c needs two passes over
 * its pages to know what TLB0 holds. The figure is the steady state.
 */
bool measure_loops(const char *metric, loop_fn with, uintptr_t with_reg,
		   loop_fn without, uintptr_t without_reg, uint32_t arg,
		   uint32_t ops_per_iteration, uint32_t *per_op)
{
	uint32_t t_with, t_without;

	with(2, with_reg, arg);
	without(2, without_reg, arg);
	t_with = with(ITERATIONS, with_reg, arg);
	t_without = without(ITERATIONS, without_reg, arg);
	if (!insns_per_op((int64_t)t_with - t_without, ITERATIONS * ops_per_iteration,
			  per_op)) {
		no_figure(metric, "not steady: ticks with, without the operation", t_with, t_without);
		return false;
	}
	return true;
}

static void measure(const char *metric, loop_fn loop, uintptr_t reg, uint32_t arg)
{
	uint32_t n;

	if (measure_loops(metric, loop, reg, loop_empty, reg, arg, 1, &n))
		result(metric, n, "instructions");
}

/* The guest's emulated 16550: the console UART of its device tree */
static uintptr_t console_uart(void)
{
	int node = fdt_node_offset_by_compatible(guest.fdt, -1, "ns16550a");
	uint64_t base, size;

	if (node < 0 || dt_reg(guest.fdt, node, &base, &size))
		return 0;
	return arch_map_device(base, size);
}

static uint32_t gcd(uint32_t a, uint32_t b)
{
	while (b) {
		uint32_t r = a % b;

		a = b;
		b = r;
	}
	return a;
}

/*
 * The time base must advance exactly tb_num / tb_den ticks per
 * instruction: the empty loop must take its instructions' ticks, to one
 * tick. Anything else means virtual time does not count instructions
 * (no -icount shift=0) and no figure would mean anything.
 */
static bool time_base_counts_instructions(void)
{
	uint32_t freq = timer_freq(), ticks, g = gcd(freq, NS_PER_SECOND);
	int64_t expected;

	tb_num = freq / g;
	tb_den = NS_PER_SECOND / g;
	if (ITERATIONS % tb_den) {
		printf("bench: a %u Hz time base is not whole over %u iterations\n",
		       (unsigned int)freq, ITERATIONS);
		return false;
	}
	loop_empty(1, 0, 0);
	ticks = loop_empty(ITERATIONS, 0, 0);
	expected = (int64_t)EMPTY_INSNS(ITERATIONS) * tb_num;
	if (llabs((int64_t)ticks * tb_den - expected) >= tb_den) {
		printf("bench: the time base does NOT count instructions: %u ticks for %u instructions\n",
		       (unsigned int)ticks, (unsigned int)EMPTY_INSNS(ITERATIONS));
		return false;
	}
	return true;
}

/*
 * The exact instruction count of @f's interval: the sum of its
 * ITERATIONS differences with the iteration's length prime to tb_den
 * (padded by one instruction if not), which must be N x ITERATIONS x
 * tb_num / tb_den for a whole N.
 */
static bool interval_insns(interval_fn f, uint32_t *n)
{
	uint32_t ticks, sum, length;
	uint64_t share = (uint64_t)ITERATIONS * tb_num;

	for (uint32_t pad = 0; pad < 2; pad++) {
		f(tb_den, pad, &ticks);
		sum = f(ITERATIONS, pad, &ticks);
		length = (uint32_t)(((uint64_t)ticks * tb_den + share / 2) / share);
		if (gcd(length, tb_den) != 1)
			continue;
		if ((uint64_t)sum * tb_den % share)
			return false;
		*n = (uint32_t)((uint64_t)sum * tb_den / share);
		return true;
	}
	return false;
}

/*
 * From the mtspr of DEC = 1 to the first instruction of the guest's
 * IVOR10 handler, the mtspr counted, not the time base read before it.
 * The decrementer and its interrupt are the guest's own here: no MPIC,
 * only TCR[DIE], MSR[EE] and the vector.
 */
static void measure_dec_latency(void)
{
	uint32_t ivor = mfspr(SPR_IVOR(IVOR_DECREMENTER)), known = 0, n = 0;
	bool ok;

	mtspr(SPR_TCR, 0);
	mtspr(SPR_DEC, 0);
	mtspr(SPR_TSR, TSR_DIS);
	ivor_set(IVOR_DECREMENTER, dec_latency_vector);
	mtspr(SPR_TCR, TCR_DIE);
	irq_unmask();
	ok = interval_insns(interval_known, &known) && known == KNOWN_INSNS &&
	     interval_insns(interval_dec, &n);
	irq_mask();
	mtspr(SPR_TCR, 0);
	mtspr(SPR_IVOR(IVOR_DECREMENTER), ivor);
	__asm__ volatile("isync" ::: "memory");
	if (!ok) {
		no_figure("dec_latency", "not exact: known interval, latency", known, n);
		return;
	}
	result("dec_latency", n - 1, "instructions");
}

int main(void)
{
	uint64_t boot;
	uintptr_t uart = console_uart();

	printf("bench: started\n");
	boot = timer_physical_count();
	if (!uart) {
		printf("bench: no ns16550a in the device tree\n");
		return EXIT_FAILURE;
	}
	if (!time_base_counts_instructions())
		return EXIT_FAILURE;
	/* Virtual time since QEMU started the hypervisor, to 2.5 instructions */
	boot = boot * tb_den / tb_num;
	measure("hypercall_null", loop_sc, 0, BH_HC_VERSION);
	measure("mtspr_sprg0", loop_mtspr_sprg0, 0, 0);
	measure("mtspr_sprg4", loop_mtspr_sprg4, 0, 0);
	measure_tlb_miss();
	measure("mmio_read", loop_lsr, uart, 0);
	measure_dec_latency();
	result("boot_to_guest", boot, "instructions");
	printf("bench: %s\n", all_ok ? "done" : "FAILED");
	return all_ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
