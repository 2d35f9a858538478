/* SPDX-License-Identifier: MIT */
/*
 * x86-64 registers, bits and the instructions the port issues one by one.
 * Usable from assembly for the constants (__ASSEMBLY__).
 */
#ifndef ASM_X86_H
#define ASM_X86_H

#define CR0_PE		(1u << 0)
#define CR0_MP		(1u << 1)
#define CR0_EM		(1u << 2)
#define CR0_ET		(1u << 4)
#define CR0_NE		(1u << 5)
#define CR0_WP		(1u << 16)
#define CR0_PG		(1u << 31)
#define CR4_PAE		(1u << 5)
#define CR4_PGE		(1u << 7)
#define CR4_OSFXSR	(1u << 9)
#define CR4_OSXMMEXCPT	(1u << 10)

#define MSR_APIC_BASE	0x0000001b
#define MSR_PAT		0x00000277
#define MSR_EFER	0xc0000080
#define MSR_STAR	0xc0000081
#define MSR_LSTAR	0xc0000082
#define MSR_CSTAR	0xc0000083
#define MSR_SFMASK	0xc0000084
#define MSR_FS_BASE	0xc0000100
#define MSR_GS_BASE	0xc0000101
#define MSR_KERNEL_GS_BASE	0xc0000102
#define MSR_TSC_AUX	0xc0000103
#define MSR_VM_CR	0xc0010114
#define MSR_VM_HSAVE_PA	0xc0010117

#define EFER_SCE	(1u << 0)
#define EFER_LME	(1u << 8)
#define EFER_LMA	(1u << 10)
#define EFER_NXE	(1u << 11)
#define EFER_SVME	(1u << 12)
#define VM_CR_SVMDIS	(1u << 4)

#define RFLAGS_IF	(1u << 9)
#define RFLAGS_FIXED	(1u << 1)	/* bit 1 always reads 1 */

/* Page-table entry bits, the hypervisor's and the nested tables' alike */
#define PTE_P		(1u << 0)
#define PTE_W		(1u << 1)
#define PTE_U		(1u << 2)
#define PTE_PWT		(1u << 3)
#define PTE_PCD		(1u << 4)
#define PTE_PS		(1u << 7)

/* Each CPU's hypervisor stack (boot.c's x86_stacks) */
#define X86_STACK_SIZE	0x4000

/* Selectors of every GDT the port builds (head.S, desc.c, guest_boot.c) */
#define SEL_CODE64	0x08
#define SEL_DATA	0x10
#define SEL_TSS		0x18

#ifndef __ASSEMBLY__
#include <stdint.h>
#include <asm/cpuid.h>

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return (uint64_t)hi << 32 | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t val)
{
	__asm__ volatile("wrmsr" : : "c"(msr), "a"((uint32_t)val),
			 "d"((uint32_t)(val >> 32)) : "memory");
}

static inline struct cpuid_regs cpuid(uint32_t leaf, uint32_t subleaf)
{
	struct cpuid_regs r;

	__asm__ volatile("cpuid" : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
			 : "a"(leaf), "c"(subleaf));
	return r;
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline uint16_t inw(uint16_t port)
{
	uint16_t v;

	__asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline uint32_t inl(uint16_t port)
{
	uint32_t v;

	__asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outw(uint16_t port, uint16_t v)
{
	__asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outl(uint16_t port, uint32_t v)
{
	__asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

#define read_cr(n) ({							\
	uint64_t __v;							\
	__asm__ volatile("mov %%cr" #n ", %0" : "=r"(__v));		\
	__v;								\
})
#define write_cr(n, v) \
	__asm__ volatile("mov %0, %%cr" #n : : "r"((uint64_t)(v)) : "memory")

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

static inline void cpu_relax(void)
{
	__asm__ volatile("pause" ::: "memory");
}
#endif

#endif
