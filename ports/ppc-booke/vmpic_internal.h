/* SPDX-License-Identifier: MIT */
/* Between the vMPIC's state (vmpic.c) and its registers (vmpic_regs.c). */
#ifndef PPC_BOOKE_VMPIC_INTERNAL_H
#define PPC_BOOKE_VMPIC_INTERNAL_H

#include <asm/vmpic.h>

/*
 * One change of the vMPIC's state, between vmpic_begin() (takes m->lock)
 * and vmpic_end() (drops it): the outputs before it, and the passthrough
 * sources it completed or dropped, which vmpic_end() reports to the port.
 */
struct vmpic_change {
	uint8_t before;
	uint32_t hw_done[MPIC_NR_SOURCES / 32];
};

void vmpic_begin(struct vmpic *m, struct vmpic_change *c);
/* Unlocks, calls hw_eoi for the completed sources; returns the outputs that rose. */
uint8_t vmpic_end(struct vmpic *m, struct vmpic_change *c);

/* All of these expect m->lock held, inside a change. */

static inline bool vmpic_is_ipi(unsigned int slot)
{
	return slot < MPIC_NR_IPIS;
}

static inline uint8_t vmpic_all_vcpus(const struct vmpic *m)
{
	return (1u << m->nvcpus) - 1;
}

/* The IVPR as the guest reads it: with the activity bit */
uint32_t vmpic_ivpr(const struct vmpic *m, unsigned int slot);
/* IACK by @vcpu: the vector of the interrupt it takes, or the spurious vector. */
uint32_t vmpic_iack(struct vmpic *m, unsigned int vcpu);
/* EOI by @vcpu: its highest-priority interrupt in service completes. */
void vmpic_eoi(struct vmpic *m, unsigned int vcpu, struct vmpic_change *c);
/* Every register back to reset (GCR[RST], partition reboot). */
void vmpic_reset_locked(struct vmpic *m, struct vmpic_change *c);

#endif
