/* SPDX-License-Identifier: MIT */
/* Descriptor tables: each CPU's GDT and TSS, and the IDT all CPUs share. */
#ifndef ASM_DESC_H
#define ASM_DESC_H

#include <stdint.h>

/* null, 64-bit code, data, then the TSS's two slots */
#define GDT_ENTRIES	5

/* Vectors: 0-31 exceptions, then the one interrupt the hypervisor uses */
#define X86_NR_EXCEPTIONS	32
#define VECTOR_KICK		0xf0	/* another CPU wants this one to look at its vCPU */
#define VECTOR_SPURIOUS		0xff

/* The 64-bit TSS: only the stack for the exceptions that must not reuse RSP */
struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));

/* What the trap stubs (traps.S) push, lowest address first */
struct trap_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error;
	uint64_t rip, cs, rflags, rsp, ss;
};

/* From traps.S for every vector, on the interrupted stack (or IST 1) */
void x86_trap(struct trap_frame *f);

#endif
