/* SPDX-License-Identifier: MIT */
/*
 * What a guest's CPUID returns: the host's answer, filtered (cpuid_filter.c,
 * pure code, unit test test_x86_cpuid). Called from the CPUID exit on the
 * vCPU's CPU, no locks.
 */
#ifndef ASM_CPUID_H
#define ASM_CPUID_H

#include <stdint.h>

struct cpuid_regs {
	uint32_t eax, ebx, ecx, edx;
};

/* The vCPU asking, as far as CPUID shows it */
struct cpuid_vcpu {
	unsigned int index;	/* its initial APIC ID */
	unsigned int count;	/* vCPUs of its partition */
	uint64_t cr4;		/* the guest's CR4 (OSXSAVE shows in leaf 1) */
};

#define CPUID_HV_BASE		0x40000000u	/* the hypervisor's leaves */
#define CPUID_HV_LAST		0x4fffffffu

/*
 * Turn the host's answer @r to leaf @leaf into the guest's: no SVM,
 * MONITOR/MWAIT or TSC deadline (none of them is emulated), the local APIC and x2APIC bits set (the emulated x2APIC),
 * the hypervisor bit set, the vCPU's own APIC ID and count,
 * and leaf 0x40000000 saying "Bulkhead" (EBX "Bulk", ECX "head", EDX 0)
 * with no further hypervisor leaves.
 */
void cpuid_filter(uint32_t leaf, const struct cpuid_vcpu *who, struct cpuid_regs *r);

#endif
