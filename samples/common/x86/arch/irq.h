/* SPDX-License-Identifier: MIT */
/*
 * The x86-64 side of samples/common/irq.h. The interrupt controller is
 * the vCPU's local APIC, which Bulkhead emulates as an x2APIC (its MSRs,
 * already in x2APIC mode); there is no IOAPIC: the config's interrupt
 * pins arrive at the partition's first vCPU as vector 32 + pin. The
 * timer is the APIC timer, one-shot on the TSC's rate (divide by 1),
 * and the time base the TSC, whose rate the device tree's /cpus gives
 * (timer.c). RFLAGS.IF is the mask.
 *
 * Interrupt numbers:
 * - 0-23: the IOAPIC pins of the configs' binding (vector 32 + pin).
 *   Their priority is their vector's class, whatever irq_enable() says.
 * - IRQ_PPI_VTIMER: the APIC timer (vector IRQ_TIMER_VECTOR).
 * There are no SGIs: irq_send_sgi() does not exist on this port.
 */
#ifndef SAMPLES_ARCH_IRQ_H
#define SAMPLES_ARCH_IRQ_H

#include <stdint.h>
#include <libfdt.h>

/* The IOAPIC binding of the configs (#interrupt-cells = 2): pin, sense */
#define X86_SPEC_CELLS		2
#define IRQ_NR_PINS		24
#define IRQ_NR_SGIS		0
#define IRQ_PPI_VTIMER		IRQ_NR_PINS
#define IRQ_MAX			(IRQ_PPI_VTIMER + 1)
#define IRQ_PIN_VECTOR(pin)	(32 + (pin))
#define IRQ_TIMER_VECTOR	0xec
#define IRQ_SPURIOUS_VECTOR	0xff

/* The pin of the one specifier of @len bytes at @spec, or -1 */
static inline int irq_from_spec(const fdt32_t *spec, int len)
{
	if (len != X86_SPEC_CELLS * (int)sizeof(*spec) || fdt32_ld(&spec[0]) >= IRQ_NR_PINS)
		return -1;
	return (int)fdt32_ld(&spec[0]);
}

static inline void irq_unmask(void)
{
	__asm__ volatile("sti" ::: "memory");
}

static inline void irq_mask(void)
{
	__asm__ volatile("cli" ::: "memory");
}

/*
 * Sleep until an interrupt is pending. Call it with interrupts masked
 * after checking what to wait for: STI's one-instruction shadow keeps
 * an interrupt out until HLT waits, so none is missed; it is taken
 * inside (its handler runs before irq_wait() returns, masked again).
 */
static inline void irq_wait(void)
{
	__asm__ volatile("sti\n\thlt\n\tcli" ::: "memory");
}

/* TSC ticks per second, from the device tree's /cpus (timebase-frequency). */
uint32_t timer_freq(void);

/* The TSC, which every partition sees counting from the machine's reset */
static inline uint64_t timer_physical_count(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

static inline uint64_t timer_count(void)
{
	return timer_physical_count();
}

/*
 * Interrupt (IRQ_PPI_VTIMER) once the TSC reaches @deadline, from the
 * APIC timer; a deadline beyond its 32-bit count is reached in several
 * counts, the handler called at the last. vtimer_stop() cancels it.
 */
void vtimer_arm(uint64_t deadline);
void vtimer_stop(void);

#endif
