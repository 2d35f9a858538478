/* SPDX-License-Identifier: MIT */
/*
 * The port's per-vCPU and per-partition state (the core's v->arch and
 * p->arch). Each physical CPU runs one vCPU, so a vCPU's state is only
 * ever touched by its own CPU and needs no lock (but its APIC's IRR and
 * the partition's pins_high, set atomically from any CPU); a partition's
 * is written while it is created and read-only afterwards.
 */
#ifndef ASM_VCPU_H
#define ASM_VCPU_H

#include <bulkhead/partition.h>
#include <bulkhead/pgtable.h>
#include <asm/insn_decode.h>
#include <asm/regs.h>
#include <asm/vlapic.h>
#include <asm/vmcb.h>

struct arch_vcpu {
	struct x86_regs regs;		/* first: svm_entry.S's view */
	struct vmcb *vmcb;
	uint64_t vmcb_pa;
	struct vcpu *vcpu;
	uint64_t next_rip;		/* after the instruction behind an exit */
	struct vlapic lapic;		/* its emulated local APIC (vlapic_hw.c) */
	uint64_t timer_set;		/* the TSC the CPU's timer was set for, 0: none */
	struct x86_mmio_insn mmio;	/* the device access behind an EXIT_MMIO */
};

struct arch_partition {
	struct pgtable npt;
	uint32_t asid;
	uint8_t *iopm;			/* I/O permission map: a set bit traps the port */
	uint64_t iopm_pa;
	uint8_t *msrpm;			/* MSR permission map: a set bit traps the access */
	uint64_t msrpm_pa;
	uint32_t pins_high;		/* its level pins now high (vlapic_hw.c) */
};

/*
 * The guest state and intercepts of a vCPU's boot (vmcb_init.c): long
 * mode at @entry on the tables guest_boot.c wrote, RDI = @arg. From
 * port_vcpu_reset().
 */
void vmcb_reset(struct vcpu *v, uint64_t entry, uint64_t arg);

/*
 * Handle the #VMEXIT the vCPU's VMCB holds (exits.c). True with @exit
 * filled when the core must see it (EXIT_NONE: just re-check the vCPU's
 * state), false when the guest can simply run on.
 */
bool svm_handle_exit(struct vcpu *v, struct vm_exit *exit);

/* Inject exception @vector (with @error, when @has_error) before the next VMRUN */
void svm_inject_exception(struct vcpu *v, unsigned int vector, bool has_error, uint32_t error);

#endif
