/* SPDX-License-Identifier: MIT */
/* Between the vGIC state machine (vgic.c) and its distributor registers (vgic_dist.c). */
#ifndef ARM_A15_VGIC_INTERNAL_H
#define ARM_A15_VGIC_INTERNAL_H

#include <asm/vgic.h>

/* All of these expect d->lock held. */

static inline bool vgic_is_sgi(unsigned int id)
{
	return id < VGIC_NR_SGIS;
}

static inline bool vgic_is_private(unsigned int id)
{
	return id < VGIC_NR_PRIVATE;
}

static inline uint32_t vgic_all_vcpus(const struct vgic *d)
{
	return (1u << d->nvcpus) - 1;
}

/* Interrupt @id as vCPU @vcpu sees it (its bank for private IDs). */
struct vgic_irq *vgic_irq(struct vgic *d, unsigned int vcpu, unsigned int id);
bool vgic_irq_pending(const struct vgic_irq *irq, unsigned int id);
/*
 * Put a pending or active @id on the queue of its vCPU (@vcpu for private
 * IDs, the SPI's target otherwise); the vCPU's bit when it can be
 * delivered now.
 */
uint32_t vgic_queue(struct vgic *d, unsigned int vcpu, unsigned int id);
/* SPI @id got new targets: move it unless a vCPU has it listed or active. */
uint32_t vgic_retarget(struct vgic *d, unsigned int id);
/* The distributor was enabled: every vCPU with something queued. */
uint32_t vgic_queued_vcpus(const struct vgic *d);

#endif
