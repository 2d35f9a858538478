/* SPDX-License-Identifier: MIT */
/*
 * Interrupts for sample guests: a driver for the interrupt controller in
 * the partition's device tree, an exception vector table whose IRQ entry
 * calls the handlers registered here, and the CPU's virtual timer. The
 * port's part (samples/common/<port>/: irq.c, the vectors, arch/irq.h)
 * implements them; on the Cortex-A15 the controller is a GICv2 and the
 * timer the generic timer's virtual timer.
 *
 * Only a guest that calls irq_init() gets the vector table; the others
 * keep running without one, as before. vCPU 0 calls irq_init() before it
 * starts other vCPUs; each of those calls irq_cpu_init(). Both leave
 * interrupts masked until irq_unmask().
 *
 * Handlers run on the interrupted stack with interrupts masked, one at a
 * time per vCPU; the interrupt is completed (EOI) when they return.
 */
#ifndef SAMPLES_IRQ_H
#define SAMPLES_IRQ_H

#include <stdbool.h>
#include <stdint.h>

/*
 * IRQ_NR_SGIS, IRQ_PPI_VTIMER, IRQ_MAX; irq_unmask(), irq_mask(),
 * irq_wait(); timer_freq(), timer_count(), timer_physical_count(),
 * vtimer_arm(), vtimer_stop().
 */
#include "arch/irq.h"

/* @source is the sending vCPU for SGIs, 0 otherwise. */
typedef void (*irq_handler_t)(unsigned int irq, unsigned int source);

/*
 * vCPU 0, once: find the interrupt controller's node ("arm,cortex-a15-gic"
 * on the Cortex-A15), enable its distributor, then irq_cpu_init(). 0, or
 * -1 when the device tree has no such node.
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
/* Software-generated interrupt @sgi to the vCPUs in @vcpus (bit i = vCPU i). */
void irq_send_sgi(unsigned int sgi, uint32_t vcpus);

#endif
