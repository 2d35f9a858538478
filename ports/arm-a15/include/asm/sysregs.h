/* SPDX-License-Identifier: MIT */
/* CP15 accessors used from HYP mode (ARMv7-A with Virtualization Extensions). */
#ifndef ASM_SYSREGS_H
#define ASM_SYSREGS_H

#include <stdint.h>

/* A 32-bit register of coprocessor @cp (p14, p15) */
#define COPROC32(name, cp, opc1, crn, crm, opc2)				\
static inline uint32_t read_##name(void)					\
{										\
	uint32_t v;								\
	__asm__ volatile("mrc " #cp ", " #opc1 ", %0, " #crn ", " #crm ", " #opc2 \
			 : "=r"(v));						\
	return v;								\
}										\
static inline void write_##name(uint32_t v)					\
{										\
	__asm__ volatile("mcr " #cp ", " #opc1 ", %0, " #crn ", " #crm ", " #opc2 \
			 :: "r"(v) : "memory");					\
}
#define SYSREG32(name, opc1, crn, crm, opc2)	COPROC32(name, p15, opc1, crn, crm, opc2)

#define SYSREG64(name, opc1, crm)						\
static inline uint64_t read_##name(void)					\
{										\
	uint32_t lo, hi;							\
	__asm__ volatile("mrrc p15, " #opc1 ", %0, %1, " #crm			\
			 : "=r"(lo), "=r"(hi));					\
	return ((uint64_t)hi << 32) | lo;					\
}										\
static inline void write_##name(uint64_t v)					\
{										\
	__asm__ volatile("mcrr p15, " #opc1 ", %0, %1, " #crm			\
			 :: "r"((uint32_t)v), "r"((uint32_t)(v >> 32)) : "memory"); \
}

/* Identification */
SYSREG32(midr, 0, c0, c0, 0)
SYSREG32(mpidr, 0, c0, c0, 5)
/* HYP configuration */
SYSREG32(hsctlr, 4, c1, c0, 0)
SYSREG32(hcr, 4, c1, c1, 0)
SYSREG32(hcptr, 4, c1, c1, 2)
SYSREG32(hstr, 4, c1, c1, 3)
SYSREG32(hdcr, 4, c1, c1, 1)
SYSREG32(htcr, 4, c2, c0, 2)
SYSREG32(vtcr, 4, c2, c1, 2)
SYSREG32(hmair0, 4, c10, c2, 0)
SYSREG32(hvbar, 4, c12, c0, 0)
SYSREG32(htpidr, 4, c13, c0, 2)
SYSREG32(vpidr, 4, c0, c0, 0)
SYSREG32(vmpidr, 4, c0, c0, 5)
SYSREG64(httbr, 4, c2)
SYSREG64(vttbr, 6, c2)
/* HYP syndrome and fault addresses */
SYSREG32(hsr, 4, c5, c2, 0)
SYSREG32(hdfar, 4, c6, c0, 0)
SYSREG32(hifar, 4, c6, c0, 2)
SYSREG32(hpfar, 4, c6, c0, 4)
/* Guest (non-secure PL1&0) state the hypervisor resets (vcpu_reset.c) */
SYSREG32(csselr, 2, c0, c0, 0)
SYSREG32(sctlr, 0, c1, c0, 0)
SYSREG32(actlr, 0, c1, c0, 1)
SYSREG32(cpacr, 0, c1, c0, 2)
SYSREG32(ttbcr, 0, c2, c0, 2)
SYSREG32(dacr, 0, c3, c0, 0)
SYSREG32(prrr, 0, c10, c2, 0)	/* MAIR0 when TTBCR.EAE is set */
SYSREG32(nmrr, 0, c10, c2, 1)	/* MAIR1 likewise */
SYSREG32(amair0, 0, c10, c3, 0)
SYSREG32(amair1, 0, c10, c3, 1)
SYSREG32(vbar, 0, c12, c0, 0)
SYSREG32(fcseidr, 0, c13, c0, 0)
SYSREG32(contextidr, 0, c13, c0, 1)
SYSREG32(tpidrurw, 0, c13, c0, 2)
SYSREG32(tpidruro, 0, c13, c0, 3)
SYSREG32(tpidrprw, 0, c13, c0, 4)
SYSREG32(cntkctl, 0, c14, c1, 0)
SYSREG32(cntv_ctl, 0, c14, c3, 1)
SYSREG64(ttbr0, 0, c2)
SYSREG64(ttbr1, 1, c2)
SYSREG64(par, 0, c7)
SYSREG64(cntv_cval, 3, c14)
/* ThumbEE (CP14 opc1 6): its configuration and handler base */
COPROC32(teecr, p14, 6, c0, c0, 0)
COPROC32(teehbr, p14, 6, c1, c0, 0)
/* Guest fault status and address, set when it is given an abort */
SYSREG32(dfsr, 0, c5, c0, 0)
SYSREG32(ifsr, 0, c5, c0, 1)
SYSREG32(adfsr, 0, c5, c1, 0)
SYSREG32(aifsr, 0, c5, c1, 1)
SYSREG32(dfar, 0, c6, c0, 0)
SYSREG32(ifar, 0, c6, c0, 2)
/* Generic timer: the guest's virtual timer, its offset, the physical count */
SYSREG32(cnthctl, 4, c14, c1, 0)
SYSREG32(cntfrq, 0, c14, c0, 0)
SYSREG64(cntvoff, 4, c14)
SYSREG64(cntpct, 0, c14)
/* Address translation of a guest virtual address: stages 1 and 2, stage 1 */
SYSREG32(ats12nsopr, 0, c7, c8, 4)
SYSREG32(ats1cpr, 0, c7, c8, 0)

static inline void isb(void) { __asm__ volatile("isb" ::: "memory"); }
static inline void dsb(void) { __asm__ volatile("dsb sy" ::: "memory"); }
static inline void dsb_ishst(void) { __asm__ volatile("dsb ishst" ::: "memory"); }

/* TLB maintenance (register value ignored) */
static inline void tlbi_all_hyp_local(void)
{
	__asm__ volatile("mcr p15, 4, %0, c8, c7, 0" :: "r"(0) : "memory");
}
static inline void tlbi_all_guest_local(void)	/* TLBIALLNSNH */
{
	__asm__ volatile("mcr p15, 4, %0, c8, c7, 4" :: "r"(0) : "memory");
}
static inline void icache_inval_all(void)	/* ICIALLUIS */
{
	__asm__ volatile("mcr p15, 0, %0, c7, c1, 0" :: "r"(0) : "memory");
}
static inline void dcache_clean_inval_line(uintptr_t va)	/* DCCIMVAC */
{
	__asm__ volatile("mcr p15, 0, %0, c7, c14, 1" :: "r"(va) : "memory");
}

#endif
