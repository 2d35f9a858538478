/* SPDX-License-Identifier: MIT */
/*
 * Interrupts for sample guests (irq.c, irq_vectors.S): a GICv2 driver for
 * the GIC in the partition's device tree, an exception vector table whose
 * IRQ entry calls the handlers registered here, and the generic timer's
 * virtual timer.
 *
 * Only a guest that calls irq_init() gets the vector table; the others
 * keep running without one (VBAR 0), as before. vCPU 0 calls irq_init()
 * before it starts other vCPUs; each of those calls irq_cpu_init(). Both
 * leave interrupts masked in the CPSR until irq_unmask().
 *
 * Handlers run in SVC mode on the interrupted stack with IRQs masked, one
 * at a time per vCPU; the interrupt is completed (EOI) when they return.
 */
#ifndef SAMPLES_IRQ_H
#define SAMPLES_IRQ_H

#include <stdbool.h>
#include <stdint.h>

#define IRQ_NR_SGIS		16
#define IRQ_PPI_VTIMER		27	/* the virtual timer: PPI 11 */
#define IRQ_MAX			1020	/* IDs 1020-1023 are special */

/* @source is the sending vCPU for SGIs, 0 otherwise. */
typedef void (*irq_handler_t)(unsigned int irq, unsigned int source);

/*
 * vCPU 0, once: find the "arm,cortex-a15-gic" node, enable the distributor,
 * then irq_cpu_init(). 0, or -1 when the device tree has no GIC.
 */
int irq_init(void);
/* Each vCPU: install the vectors, enable its CPU interface, unmask all priorities. */
void irq_cpu_init(void);

/* Set before enabling @irq; shared by all vCPUs. */
void irq_set_handler(unsigned int irq, irq_handler_t handler);
/*
 * Enable @irq with @priority (0 highest): for the calling vCPU when it is
 * an SGI or PPI (banked), targeted at the calling vCPU when it is an SPI.
 */
void irq_enable(unsigned int irq, uint8_t priority);
void irq_disable(unsigned int irq);
/* SGI @sgi to the vCPUs in @vcpus (bit i = vCPU i) through GICD_SGIR. */
void irq_send_sgi(unsigned int sgi, uint32_t vcpus);

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
