/* SPDX-License-Identifier: MIT */
/*
 * The e500 instructions the hypervisor itself uses: SPR access, barriers,
 * the MSR and the timebase. Both cores (e500v2, e500mc) run the same
 * code; what differs is chosen at run time from the PVR (cpu.c).
 */
#ifndef ASM_PPC_H
#define ASM_PPC_H

#include <bulkhead/types.h>
#include <asm/insn.h>
#include <asm/vtimer.h>	/* TCR and TSR bits */

#define mfspr(spr) ({ uint32_t v_; \
	__asm__ volatile("mfspr %0, %1" : "=r"(v_) : "i"(spr)); v_; })
#define mtspr(spr, val) \
	__asm__ volatile("mtspr %0, %1" : : "i"(spr), "r"((uint32_t)(val)) : "memory")

static inline uint32_t mfmsr(void)
{
	uint32_t msr;

	__asm__ volatile("mfmsr %0" : "=r"(msr));
	return msr;
}

static inline void mtmsr(uint32_t msr)
{
	__asm__ volatile("mtmsr %0; isync" : : "r"(msr) : "memory");
}

static inline void isync(void)
{
	__asm__ volatile("isync" : : : "memory");
}

/* Orders all storage accesses, device accesses included (sync) */
static inline void msync(void)
{
	__asm__ volatile("msync" : : : "memory");
}

/* Orders device accesses to caching-inhibited, guarded storage */
static inline void mbar(void)
{
	__asm__ volatile("mbar" : : : "memory");
}

/* The 64-bit timebase, read consistently across the carry */
static inline uint64_t read_timebase(void)
{
	uint32_t hi, lo, hi2;

	do {
		hi = mfspr(SPR_TBU_READ);
		lo = mfspr(SPR_TBL_READ);
		hi2 = mfspr(SPR_TBU_READ);
	} while (hi != hi2);
	return ((uint64_t)hi << 32) | lo;
}

/* HID0[DOZE]: MSR[WE] dozes the e500v2 until an interrupt */
#define HID0_DOZE	0x00800000u

/* The PVR's version field: which core this is */
#define PVR_VERSION(pvr)	((pvr) >> 16)
#define PVR_E500V2		0x8021
#define PVR_E500MC		0x8023

#endif
