// SPDX-License-Identifier: MIT
/*
 * The CPUID a guest sees (asm/cpuid.h). Features whose hardware the
 * hypervisor keeps or does not emulate are hidden, so that a guest that
 * trusts CPUID never reaches for them: SVM (leaf 0x80000001 ECX, leaf
 * 0x8000000A), the TSC deadline timer, MONITOR/MWAIT (intercepted). The
 * local APIC is the emulated one, an x2APIC (vlapic.c): both bits set.
 * The topology is the partition's.
 */
#include <asm/cpuid.h>

#define LEAF1_ECX_MONITOR	(1u << 3)
#define LEAF1_ECX_VMX		(1u << 5)
#define LEAF1_ECX_X2APIC	(1u << 21)
#define LEAF1_ECX_TSC_DEADLINE	(1u << 24)
#define LEAF1_ECX_OSXSAVE	(1u << 27)
#define LEAF1_ECX_HYPERVISOR	(1u << 31)
#define LEAF1_EDX_APIC		(1u << 9)
#define LEAF1_EDX_HTT		(1u << 28)
#define EXT_ECX_SVM		(1u << 2)
#define CR4_OSXSAVE		(1ull << 18)
#define SIGNATURE(a, b, c, d)	((uint32_t)(a) | (uint32_t)(b) << 8 | \
				 (uint32_t)(c) << 16 | (uint32_t)(d) << 24)

static void basic_features(const struct cpuid_vcpu *who, struct cpuid_regs *r)
{
	r->ebx = (r->ebx & 0xffff) | (who->count & 0xff) << 16 | (who->index & 0xff) << 24;
	r->ecx &= ~(LEAF1_ECX_MONITOR | LEAF1_ECX_VMX | LEAF1_ECX_TSC_DEADLINE |
		    LEAF1_ECX_OSXSAVE);
	r->ecx |= LEAF1_ECX_HYPERVISOR | LEAF1_ECX_X2APIC;
	if (who->cr4 & CR4_OSXSAVE)
		r->ecx |= LEAF1_ECX_OSXSAVE;
	r->edx |= LEAF1_EDX_APIC;
	if (who->count > 1)
		r->edx |= LEAF1_EDX_HTT;
}

void cpuid_filter(uint32_t leaf, const struct cpuid_vcpu *who, struct cpuid_regs *r)
{
	if (leaf >= CPUID_HV_BASE && leaf <= CPUID_HV_LAST) {
		*r = (struct cpuid_regs){ 0 };
		if (leaf == CPUID_HV_BASE) {
			r->eax = CPUID_HV_BASE;
			r->ebx = SIGNATURE('B', 'u', 'l', 'k');
			r->ecx = SIGNATURE('h', 'e', 'a', 'd');
		}
		return;
	}
	switch (leaf) {
	case 0x1:
		basic_features(who, r);
		break;
	case 0xb:	/* x2APIC topology: the vCPU's ID */
		r->edx = who->index;
		break;
	case 0x80000001:
		r->ecx &= ~EXT_ECX_SVM;
		break;
	case 0x8000000a:
		*r = (struct cpuid_regs){ 0 };
		break;
	}
}
