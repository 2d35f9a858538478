// SPDX-License-Identifier: MIT
/*
 * The guest's own TLB1 entries (arch/guest.h): at entry only entry 0, the
 * ePAPR initial mapped area, exists; arch_map_device() and
 * arch_map_memory() write the next ones, each guest-virtual = guest-
 * physical, address space 0, TID 0 (every PID) and IPROT like entry 0.
 * What each entry maps is kept here so that no two ever overlap, which
 * Book E leaves undefined, and so that a secondary vCPU, whose TLB is
 * its own, can write the same ones (tlb_secondary_init()). Only vCPU 0
 * maps: this is not thread-safe.
 */
#include <stdbool.h>
#include <stdint.h>

#include "guest.h"

#define PAGE_4K			0x1000ull
#define SPACE_END		0x100000000ull	/* virtual = physical: 32 bits */
#define TLB1_MAX		64		/* e500mc; e500v2 has 16 */
#define TLB1CFG_NENTRY_MASK	0xfffu

#define MAS0_TLBSEL1		0x10000000u
#define MAS0_ESEL(n)		((uint32_t)(n) << 16)
#define MAS1_V			0x80000000u
#define MAS1_IPROT		0x40000000u
#define MAS1_TSIZE(t)		((uint32_t)(t) << 8)	/* 4^t KiB */
#define MAS2_I			0x00000008u
#define MAS2_M			0x00000004u
#define MAS2_G			0x00000002u
#define MAS3_SX			0x00000010u
#define MAS3_SW			0x00000004u
#define MAS3_SR			0x00000001u

struct tlb1_entry {
	uint64_t base;
	uint64_t size;
	uint32_t wimg;		/* MAS2's attributes */
	uint32_t perms;		/* MAS3's */
};

/* In .data: tlb_init() runs before guest_start() clears .bss. */
static struct {
	unsigned int used;		/* entries 0 .. used - 1 are valid */
	unsigned int entries;		/* TLB1CFG[NENTRY] */
	struct tlb1_entry e[TLB1_MAX];
} tlb1 = { .used = 1, .entries = 1 };

void tlb_init(uint32_t ima_size)
{
	unsigned int n = mfspr(SPR_TLB1CFG) & TLB1CFG_NENTRY_MASK;

	tlb1.entries = n < TLB1_MAX ? n : TLB1_MAX;
	/* As the hypervisor makes it: coherent memory, supervisor RWX */
	tlb1.e[0] = (struct tlb1_entry){ .base = 0, .size = ima_size, .wimg = MAS2_M,
					  .perms = MAS3_SX | MAS3_SW | MAS3_SR };
}

static bool overlaps(uint64_t base, uint64_t size)
{
	for (unsigned int i = 0; i < tlb1.used; i++)
		if (base < tlb1.e[i].base + tlb1.e[i].size &&
		    tlb1.e[i].base < base + size)
			return true;
	return false;
}

/* The end of the entry that maps @addr, or 0 when none does. */
static uint64_t mapped_until(uint64_t addr)
{
	for (unsigned int i = 0; i < tlb1.used; i++)
		if (addr - tlb1.e[i].base < tlb1.e[i].size)
			return tlb1.e[i].base + tlb1.e[i].size;
	return 0;
}

/* The largest page aligned at @addr, ending by @end, overlapping no entry. */
static uint64_t page_at(uint64_t addr, uint64_t end)
{
	uint64_t size = SPACE_END;

	while (size > PAGE_4K &&
	       ((addr & (size - 1)) || addr + size > end || overlaps(addr, size)))
		size >>= 2;
	return size;
}

static void tlb1_write(unsigned int esel, const struct tlb1_entry *e)
{
	/* 4^t KiB: log2(size) = 10 + 2t */
	unsigned int tsize = (__builtin_ctzll(e->size) - 10) / 2;

	mtspr(SPR_MAS0, MAS0_TLBSEL1 | MAS0_ESEL(esel));
	mtspr(SPR_MAS1, MAS1_V | MAS1_IPROT | MAS1_TSIZE(tsize));
	mtspr(SPR_MAS2, (uint32_t)e->base | e->wimg);
	mtspr(SPR_MAS3, (uint32_t)e->base | e->perms);
	mtspr(SPR_MAS7, (uint32_t)(e->base >> 32));
	__asm__ volatile("isync\n\ttlbwe\n\tisync" ::: "memory");
}

/*
 * A secondary vCPU enters with its own entry 0, 64 MiB from 0 (around
 * secondary_entry), which may differ from vCPU 0's: it takes vCPU 0's
 * entries as they were when it was released, entry 0 first (this code
 * runs in both), so that it sees the same address space.
 */
void tlb_secondary_init(void)
{
	for (unsigned int i = 0; i < tlb1.used; i++)
		tlb1_write(i, &tlb1.e[i]);
}

static bool map(uint64_t base, uint64_t size, uint32_t wimg)
{
	uint64_t addr = base & ~(PAGE_4K - 1);
	uint64_t end = (base + size + PAGE_4K - 1) & ~(PAGE_4K - 1);
	uint64_t until, page;

	if (base >= SPACE_END || size > SPACE_END - base)
		return false;
	while (addr < end) {
		until = mapped_until(addr);
		if (until) {
			addr = until;
			continue;
		}
		if (tlb1.used == tlb1.entries)
			return false;
		page = page_at(addr, end);
		tlb1.e[tlb1.used] = (struct tlb1_entry){ .base = addr, .size = page, .wimg = wimg,
							 .perms = MAS3_SW | MAS3_SR };
		tlb1_write(tlb1.used, &tlb1.e[tlb1.used]);
		tlb1.used++;
		addr += page;
	}
	return true;
}

uintptr_t arch_map_device(uint64_t base, uint64_t size)
{
	return map(base, size, MAS2_I | MAS2_G) ? (uintptr_t)base : 0;
}

bool arch_map_memory(uint64_t base, uint64_t size)
{
	return map(base, size, MAS2_M);
}
