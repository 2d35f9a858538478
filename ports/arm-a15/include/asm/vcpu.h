/* SPDX-License-Identifier: MIT */
/* Cortex-A15 per-vCPU and per-partition state, embedded in the core's structs. */
#ifndef ASM_VCPU_H
#define ASM_VCPU_H

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

struct arch_vcpu {
	struct arm_regs regs;
	/*
	 * Some vgic lr[] of this vCPU is not 0 (set by each flush, reset).
	 * Only this CPU changes them, so it needs no look at them.
	 */
	bool listed;
	/* Its part of the partition's vGIC: queued_words says what waits */
	struct vgic_cpu *vgic_cpu;
	struct arm_mmio_insn mmio;	/* MMIO access awaiting completion */
};

struct arch_partition {
	struct pgtable stage2;
	uint64_t vttbr;
	struct vgic vgic;
	unsigned int vgic_boot;		/* boot_count the vGIC was last reset for */
	uint64_t cntvoff;		/* CNTVOFF of all its vCPUs: the count at its boot */
};

#endif
