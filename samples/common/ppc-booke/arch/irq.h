/* SPDX-License-Identifier: MIT */
/*
 * The Book E (e500) side of samples/common/irq.h: the MPIC's interrupts
 * numbered like the GIC's, MSR[EE] as the mask, the decrementer as the
 * timer. The guest runs in its (virtual) supervisor mode; the hypervisor
 * emulates IVPR, the IVORs, TCR, TSR, DEC and MSR[EE] as the core would.
 *
 * Interrupt numbers, each also the vector irq.c programs for it, so that
 * an MPIC acknowledge returns the number itself:
 * - 0-3: the MPIC's four IPIs, the SGIs here. Unlike the GIC's SGIs they
 *   are not banked (irq_enable() and irq_disable() act for every vCPU)
 *   and the MPIC does not say who sent one: handlers get source 0.
 * - IRQ_PPI_VTIMER: the vCPU's decrementer, which is not an MPIC
 *   interrupt (IVOR10); its priority is ignored.
 * - IRQ_MPIC_SOURCE(n): MPIC source n, the first cell of an interrupt
 *   specifier in the partition's device tree.
 */
#ifndef SAMPLES_ARCH_IRQ_H
#define SAMPLES_ARCH_IRQ_H

#include <stdint.h>
#include <libfdt.h>

#define IRQ_NR_SGIS		4
#define IRQ_PPI_VTIMER		16
#define IRQ_MPIC_SOURCE(n)	(32 + (n))
#define IRQ_MAX			IRQ_MPIC_SOURCE(256)

/* The fsl,mpic binding (#interrupt-cells = 2): source, sense */
#define MPIC_SPEC_CELLS		2

/* The interrupt number of the one specifier of @len bytes at @spec, or -1 */
static inline int irq_from_spec(const fdt32_t *spec, int len)
{
	if (len != MPIC_SPEC_CELLS * (int)sizeof(*spec) || fdt32_ld(&spec[0]) >= 256)
		return -1;
	return IRQ_MPIC_SOURCE(fdt32_ld(&spec[0]));
}

static inline void irq_unmask(void)
{
	__asm__ volatile("wrteei 1" ::: "memory");
}

static inline void irq_mask(void)
{
	__asm__ volatile("wrteei 0" ::: "memory");
}

/*
 * Sleep until an interrupt is pending. Call it with interrupts masked
 * after checking what to wait for; on Book E the interrupt is taken
 * inside (its handler runs before irq_wait() returns, masked again), which
 * a caller that checks, waits, unmasks and masks again in a loop cannot
 * tell from the ARM behaviour. Needs irq_init() or irq_cpu_init() first
 * (irq_vectors.S).
 */
void irq_wait(void);

/* ---- the time base and the decrementer ------------------------------------- */

/* Time base ticks per second, from the device tree's /cpus. */
uint32_t timer_freq(void);

/*
 * The time base, which a guest reads but cannot set: every partition sees
 * the same one, not starting at 0 at its boot.
 */
static inline uint64_t timer_physical_count(void)
{
	uint32_t hi, lo, hi2;

	do {
		__asm__ volatile("mfspr %0, 269" : "=r"(hi));	/* TBU */
		__asm__ volatile("mfspr %0, 268" : "=r"(lo));	/* TBL */
		__asm__ volatile("mfspr %0, 269" : "=r"(hi2));
	} while (hi != hi2);
	return (uint64_t)hi << 32 | lo;
}

static inline uint64_t timer_count(void)
{
	return timer_physical_count();
}

/*
 * Interrupt (IRQ_PPI_VTIMER) once the time base reaches @deadline, from
 * the decrementer; a deadline beyond its 32 bits is reached in several
 * decrements, the handler called at the last. vtimer_stop() cancels it.
 */
void vtimer_arm(uint64_t deadline);
void vtimer_stop(void);

#endif
