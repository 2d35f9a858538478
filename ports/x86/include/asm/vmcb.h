/* SPDX-License-Identifier: MIT */
/*
 * The AMD SVM virtual machine control block (AMD64 APM vol. 2, appendix
 * B): the control area the hypervisor programs (intercepts, permission
 * maps, ASID, nested paging, event injection) and reads after #VMEXIT
 * (exit code and information), and the guest's saved state. One page per
 * vCPU, physically contiguous, 4 KiB aligned. Only the fields the port
 * uses are named; the offsets are checked in vcpu.c.
 */
#ifndef ASM_VMCB_H
#define ASM_VMCB_H

#include <stdint.h>

/* Intercept vector 3 (control area offset 0x0c) */
#define INTERCEPT_INTR		(1u << 0)
#define INTERCEPT_NMI		(1u << 1)
#define INTERCEPT_SMI		(1u << 2)
#define INTERCEPT_INIT		(1u << 3)
#define INTERCEPT_VINTR		(1u << 4)
#define INTERCEPT_CPUID		(1u << 18)
#define INTERCEPT_RSM		(1u << 19)
#define INTERCEPT_INVD		(1u << 22)
#define INTERCEPT_HLT		(1u << 24)
#define INTERCEPT_INVLPGA	(1u << 26)
#define INTERCEPT_IOIO		(1u << 27)
#define INTERCEPT_MSR		(1u << 28)
#define INTERCEPT_TASK_SWITCH	(1u << 29)
#define INTERCEPT_FERR_FREEZE	(1u << 30)
#define INTERCEPT_SHUTDOWN	(1u << 31)
/* Intercept vector 4 (offset 0x10) */
#define INTERCEPT_VMRUN		(1u << 0)
#define INTERCEPT_VMMCALL	(1u << 1)
#define INTERCEPT_VMLOAD	(1u << 2)
#define INTERCEPT_VMSAVE	(1u << 3)
#define INTERCEPT_STGI		(1u << 4)
#define INTERCEPT_CLGI		(1u << 5)
#define INTERCEPT_SKINIT	(1u << 6)
#define INTERCEPT_ICEBP		(1u << 8)
#define INTERCEPT_MONITOR	(1u << 10)
#define INTERCEPT_MWAIT		(1u << 11)
#define INTERCEPT_MWAIT_ARMED	(1u << 12)
#define INTERCEPT_XSETBV	(1u << 13)

#define TLB_CONTROL_FLUSH_ASID	3	/* flush this guest's ASID at VMRUN */
/* int_control: a virtual interrupt request (V_IRQ) the guest takes when its IF allows */
#define V_IRQ			(1ull << 8)
#define V_INTR_PRIO_SHIFT	16
#define V_IGN_TPR		(1ull << 20)
#define V_INTR_MASKING		(1ull << 24)
#define INT_SHADOW		(1ull << 0)	/* int_shadow: after STI or MOV SS */
#define NP_ENABLE		(1ull << 0)

/* EVENTINJ and EXITINTINFO */
#define EVENT_VALID		(1u << 31)
#define EVENT_ERROR_VALID	(1u << 11)
#define EVENT_TYPE_INTR		(0u << 8)
#define EVENT_TYPE_EXCEPTION	(3u << 8)

/* Exit codes */
#define VMEXIT_INTR		0x060
#define VMEXIT_NMI		0x061
#define VMEXIT_SMI		0x062
#define VMEXIT_INIT		0x063
#define VMEXIT_VINTR		0x064
#define VMEXIT_CPUID		0x072
#define VMEXIT_RSM		0x073
#define VMEXIT_INVD		0x076
#define VMEXIT_HLT		0x078
#define VMEXIT_INVLPGA		0x07a
#define VMEXIT_IOIO		0x07b
#define VMEXIT_MSR		0x07c
#define VMEXIT_TASK_SWITCH	0x07d
#define VMEXIT_FERR_FREEZE	0x07e
#define VMEXIT_SHUTDOWN		0x07f
#define VMEXIT_VMRUN		0x080
#define VMEXIT_VMMCALL		0x081
#define VMEXIT_VMLOAD		0x082
#define VMEXIT_VMSAVE		0x083
#define VMEXIT_STGI		0x084
#define VMEXIT_CLGI		0x085
#define VMEXIT_SKINIT		0x086
#define VMEXIT_ICEBP		0x088
#define VMEXIT_MONITOR		0x08a
#define VMEXIT_MWAIT		0x08b
#define VMEXIT_MWAIT_ARMED	0x08c
#define VMEXIT_XSETBV		0x08d
#define VMEXIT_NPF		0x400
#define VMEXIT_INVALID		0xffffffffu	/* VMRUN refused the state (low 32 bits) */

/* EXITINFO1 of an IOIO exit */
#define IOIO_IN			(1u << 0)
#define IOIO_STRING		(1u << 2)
#define IOIO_REP		(1u << 3)
#define IOIO_SIZE_SHIFT		4		/* one-hot: 1, 2 or 4 bytes */
#define IOIO_SIZE_MASK		(7u << IOIO_SIZE_SHIFT)
#define IOIO_PORT_SHIFT		16

/* EXITINFO1 of a nested page fault: the #PF error code's bits */
#define NPF_PRESENT		(1ull << 0)
#define NPF_WRITE		(1ull << 1)
#define NPF_FETCH		(1ull << 4)

struct vmcb_segment {
	uint16_t selector;
	uint16_t attrib;	/* access byte in 7:0, flags (AVL, L, D/B, G) in 11:8 */
	uint32_t limit;
	uint64_t base;
};

struct vmcb_control {
	uint32_t intercept_cr;
	uint32_t intercept_dr;
	uint32_t intercept_exceptions;
	uint32_t intercept_misc1;
	uint32_t intercept_misc2;
	uint8_t reserved0[0x40 - 0x14];
	uint64_t iopm_base_pa;
	uint64_t msrpm_base_pa;
	uint64_t tsc_offset;
	uint32_t asid;
	uint8_t tlb_control;
	uint8_t reserved1[3];
	uint64_t int_control;
	uint64_t int_shadow;
	uint64_t exit_code;
	uint64_t exit_info1;
	uint64_t exit_info2;
	uint64_t exit_int_info;
	uint64_t np_control;
	uint8_t reserved2[0xa8 - 0x98];
	uint64_t event_inj;
	uint64_t n_cr3;
	uint8_t reserved3[0x400 - 0xb8];
};

struct vmcb_save {
	struct vmcb_segment es, cs, ss, ds, fs, gs, gdtr, ldtr, idtr, tr;
	uint8_t reserved0[0xcb - 0xa0];
	uint8_t cpl;
	uint32_t reserved1;
	uint64_t efer;
	uint8_t reserved2[0x148 - 0xd8];
	uint64_t cr4;
	uint64_t cr3;
	uint64_t cr0;
	uint64_t dr7;
	uint64_t dr6;
	uint64_t rflags;
	uint64_t rip;
	uint8_t reserved3[0x1d8 - 0x180];
	uint64_t rsp;
	uint8_t reserved4[0x1f8 - 0x1e0];
	uint64_t rax;
	uint64_t star;
	uint64_t lstar;
	uint64_t cstar;
	uint64_t sfmask;
	uint64_t kernel_gs_base;
	uint64_t sysenter_cs;
	uint64_t sysenter_esp;
	uint64_t sysenter_eip;
	uint64_t cr2;
	uint8_t reserved5[0x268 - 0x248];
	uint64_t g_pat;
};

struct vmcb {
	struct vmcb_control control;
	struct vmcb_save save;
	uint8_t reserved[0x1000 - 0x400 - sizeof(struct vmcb_save)];
} __attribute__((aligned(4096)));

#endif
