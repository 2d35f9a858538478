/* SPDX-License-Identifier: MIT */
/*
 * Writing the hardware TLB. TLB1 is the hypervisor's (its mappings in
 * address space 0, hyp_mmu.c); TLB0 holds the guests' shadow entries
 * (address space 1, 4 KiB each), so that dropping every shadow entry of
 * a CPU is one flash invalidation that spares the hypervisor.
 */
#ifndef ASM_TLB_H
#define ASM_TLB_H

#include <bulkhead/types.h>
#include <asm/mas.h>
#include <asm/ppc.h>

/* Write one entry: MAS0-3 and MAS7 as given */
static inline void tlb_write(uint32_t mas0, uint32_t mas1, uint32_t mas2,
			     uint32_t mas3, uint32_t mas7)
{
	mtspr(SPR_MAS0, mas0);
	mtspr(SPR_MAS1, mas1);
	mtspr(SPR_MAS2, mas2);
	mtspr(SPR_MAS3, mas3);
	mtspr(SPR_MAS7, mas7);
	isync();
	__asm__ volatile("tlbwe; isync" : : : "memory");
}

/* Every TLB0 entry invalid: all guest shadow entries of this CPU */
static inline void tlb0_flush(void)
{
	mtspr(SPR_MMUCSR0, MMUCSR0_TLB0_FI);
	while (mfspr(SPR_MMUCSR0) & MMUCSR0_TLB0_FI)
		;
	isync();
}

#endif
