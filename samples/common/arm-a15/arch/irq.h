/* SPDX-License-Identifier: MIT */
/*
 * The Cortex-A15 side of samples/common/irq.h: GICv2 interrupt numbers,
 * the CPSR's IRQ mask and the generic timer. Handlers run in SVC mode;
 * a guest without irq_init() runs with VBAR 0.
 */
#ifndef SAMPLES_ARCH_IRQ_H
#define SAMPLES_ARCH_IRQ_H

#include <stdint.h>
#include <libfdt.h>

#define IRQ_NR_SGIS		16
#define IRQ_PPI_VTIMER		27	/* the virtual timer: PPI 11 */
#define IRQ_MAX			1020	/* IDs 1020-1023 are special */

/* GICv2 binding (#interrupt-cells = 3): type, number, flags */
#define GIC_SPEC_CELLS		3
#define GIC_TYPE_SPI		0
#define GIC_SPI_BASE		32	/* SPI n is interrupt ID 32 + n */
#define GIC_NR_SPIS		988	/* IDs 32-1019 */

/*
 * The interrupt ID of the one specifier of @len bytes at @spec, or -1
 * unless it is an SPI: the hypervisor raises doorbells as SPIs only.
 */
static inline int irq_from_spec(const fdt32_t *spec, int len)
{
	if (len != GIC_SPEC_CELLS * (int)sizeof(*spec) ||
	    fdt32_ld(&spec[0]) != GIC_TYPE_SPI || fdt32_ld(&spec[1]) >= GIC_NR_SPIS)
		return -1;
	return GIC_SPI_BASE + fdt32_ld(&spec[1]);
}

static inline void irq_unmask(void)
{
	__asm__ volatile("cpsie i" ::: "memory");
}

static inline void irq_mask(void)
{
	__asm__ volatile("cpsid i" ::: "memory");
}

/*
 * Sleep until an interrupt is pending. Call it with interrupts masked
 * after checking what to wait for, then unmask to take the interrupt: a
 * masked interrupt still ends WFI, so none is missed in between.
 */
static inline void irq_wait(void)
{
	__asm__ volatile("dsb\n\twfi" ::: "memory");
}

/* ---- the generic timer ---------------------------------------------------- */

/* Counter ticks per second (CNTFRQ). */
static inline uint32_t timer_freq(void)
{
	uint32_t freq;

	__asm__ volatile("mrc p15, 0, %0, c14, c0, 0" : "=r"(freq));
	return freq;
}

/* The virtual count (CNTVCT): 0 about when the partition booted. */
static inline uint64_t timer_count(void)
{
	uint64_t count;

	__asm__ volatile("isb\n\tmrrc p15, 1, %Q0, %R0, c14" : "=r"(count));
	return count;
}

/* The physical count (CNTPCT), which guests may read but not program. */
static inline uint64_t timer_physical_count(void)
{
	uint64_t count;

	__asm__ volatile("isb\n\tmrrc p15, 0, %Q0, %R0, c14" : "=r"(count));
	return count;
}

/* Interrupt (IRQ_PPI_VTIMER) once the virtual count reaches @deadline. */
static inline void vtimer_arm(uint64_t deadline)
{
	__asm__ volatile("mcrr p15, 3, %Q0, %R0, c14\n\t"	/* CNTV_CVAL */
			 "mcr p15, 0, %1, c14, c3, 1\n\t"	/* CNTV_CTL: enabled */
			 "isb" :: "r"(deadline), "r"(1u) : "memory");
}

static inline void vtimer_stop(void)
{
	__asm__ volatile("mcr p15, 0, %0, c14, c3, 1\n\tisb" :: "r"(0u) : "memory");
}

#endif
