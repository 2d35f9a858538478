/* SPDX-License-Identifier: MIT */
/*
 * Cortex-A15 per-vCPU and per-partition state: the core's struct vcpu
 * and struct partition point at it (their arch), partition.c holds it.
 */
#ifndef ASM_VCPU_H
#define ASM_VCPU_H

#include <stddef.h>
#include <stdint.h>
#include <bulkhead/pgtable.h>
#include <asm/decode.h>
#include <asm/regs_offsets.h>
#include <asm/vgic.h>

/* Guest registers saved on every exit; layout known to entry.S. */
struct arm_regs {		/* offsets in asm/regs_offsets.h */
	uint32_t r[13];
	uint32_t lr;		/* LR_usr: HYP mode shares it */
	uint32_t pc;		/* ELR_hyp */
	uint32_t cpsr;		/* SPSR_hyp */
};
_Static_assert(offsetof(struct arm_regs, lr) == REGS_LR &&
	       offsetof(struct arm_regs, pc) == REGS_PC &&
	       offsetof(struct arm_regs, cpsr) == REGS_CPSR, "entry.S relies on this layout");

/* Step the guest over an instruction of @len bytes, Thumb IT state included. */
static inline void arm_skip_insn(struct arm_regs *r, unsigned int len)
{
	r->pc += len;
	if (r->cpsr & SPSR_IT_MASK)
		r->cpsr = spsr_advance_itstate(r->cpsr);
}

struct arch_vcpu {
	struct arm_regs regs;
	uint32_t hyp_sp;	/* entry.S: the run loop's SP_hyp while the guest runs */
	/*
	 * Some vgic lr[] of this vCPU is not 0 (set by each flush, reset).
	 * Only this CPU changes them, so it needs no look at them.
	 */
	bool listed;
	/* Its part of the partition's vGIC: queued_words says what waits */
	struct vgic_cpu *vgic_cpu;
	struct arm_mmio_insn mmio;	/* MMIO access awaiting completion */
	struct vcpu *vcpu;		/* whose this is: entry.S hands C only regs */
};

struct arch_partition {
	struct pgtable stage2;
	uint64_t vttbr;
	struct vgic vgic;
	unsigned int vgic_boot;		/* boot_count the vGIC was last reset for */
	uint64_t cntvoff;		/* CNTVOFF of all its vCPUs: the count at its boot */
};

#endif
