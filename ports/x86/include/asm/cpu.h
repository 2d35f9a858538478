/* SPDX-License-Identifier: MIT */
/*
 * Each physical CPU's own state, found through its GS base (%gs:0 holds
 * the structure's own address): its index, its local APIC ID, its
 * descriptor tables and stacks, and the pages SVM keeps the host's state
 * in. Its stack is apart, in x86_stacks. Set up by boot.c before the CPU runs any other C code.
 */
#ifndef ASM_CPU_H
#define ASM_CPU_H

#include <bulkhead/types.h>
#include <asm/desc.h>
#include <asm/x86.h>

#define X86_IST_STACK_SIZE	0x1000

struct x86_cpu {
	struct x86_cpu *self;		/* %gs:0 */
	unsigned int index;
	uint32_t apic_id;
	volatile bool online;		/* set by the CPU once it runs C code */
	paddr_t hsave_pa;		/* VM_HSAVE_PA: VMRUN's own host state */
	paddr_t host_vmcb_pa;		/* VMSAVE'd host FS, GS, TR, LDTR, syscall MSRs */
	uint64_t gdt[GDT_ENTRIES] __attribute__((aligned(16)));
	struct tss tss;
	uint8_t ist_stack[X86_IST_STACK_SIZE] __attribute__((aligned(16)));
};

extern struct x86_cpu x86_cpus[CONFIG_NR_CPUS];
/* Each CPU's hypervisor stack; the boot CPU's is the first (head.S) */
extern uint8_t x86_stacks[CONFIG_NR_CPUS][X86_STACK_SIZE];

static inline struct x86_cpu *this_cpu(void)
{
	struct x86_cpu *c;

	__asm__ volatile("mov %%gs:0, %0" : "=r"(c));
	return c;
}

/*
 * This CPU's descriptor tables, TSS and GS base (desc.c), then its local
 * APIC (lapic.c) and SVM (svm_cpu.c). Boot CPU from x86_boot_main(), each
 * secondary from x86_secondary_main(); no locks.
 */
void x86_cpu_init(unsigned int cpu);
void lapic_cpu_init(void);
void svm_cpu_init(struct x86_cpu *c);

/* The 2 MiB-page identity map of head.S covers physical [0, this) */
#define X86_IDENTITY_END	(64ull << 30)

#endif
