/* SPDX-License-Identifier: MIT */
/*
 * The x86-64 side of samples/common/irq.h. No interrupt reaches an x86
 * guest yet (there is no virtual local APIC or IOAPIC), so this port has
 * no irq_init(): only the binding's decoding and the time base, the
 * TSC, whose rate the device tree's /cpus gives (timer.c).
 */
#ifndef SAMPLES_ARCH_IRQ_H
#define SAMPLES_ARCH_IRQ_H

#include <stdint.h>
#include <libfdt.h>

/* The IOAPIC binding of the configs (#interrupt-cells = 2): pin, sense */
#define X86_SPEC_CELLS		2
#define IRQ_MAX			24

/*
 * The pin of the one specifier of @len bytes at @spec, or -1. The
 * hypervisor refuses every interrupt an x86 config gives today, so no
 * device tree a guest boots with has one.
 */
static inline int irq_from_spec(const fdt32_t *spec, int len)
{
	if (len != X86_SPEC_CELLS * (int)sizeof(*spec) || fdt32_ld(&spec[0]) >= IRQ_MAX)
		return -1;
	return (int)fdt32_ld(&spec[0]);
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

#endif
