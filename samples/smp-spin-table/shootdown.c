// SPDX-License-Identifier: MIT
/*
 * smp-spin-table, duo: the TLB shootdown check. Both vCPUs map guest
 * virtual page SHOOT_VA onto one page of their RAM, each with an entry
 * of its own guest TLB0; vCPU 1 also maps the next virtual page onto
 * another. vCPU 1 reads both pages in a loop while vCPU 0 issues tlbivax
 * of SHOOT_VA and tlbsync, then says so. Since vCPU 0's tlbsync has
 * completed, vCPU 1's entry for SHOOT_VA must be gone: its next read
 * there at the latest takes a data TLB miss, which its vector counts
 * (and maps the page again); the other page keeps its entry, so it
 * takes none. Without a broadcast tlbivax, vCPU 1 would read on through
 * its stale entry and count nothing.
 */
#include <inttypes.h>
#include <stdio.h>

#include "guest.h"
#include "duo.h"

#define SPR_MAS6	630
#define MAS0_ESEL(n)	((uint32_t)(n) << 16)	/* TLBSEL 0: TLB0 */
#define MAS1_V		0x80000000u
#define MAS1_TSIZE_4K	0x00000100u
#define MAS2_M		0x00000004u
#define MAS3_SW		0x00000004u
#define MAS3_SR		0x00000001u
#define MARKER		0x5107d0e1u

_Static_assert(sizeof(struct shoot_page) == 32, "entry.S indexes by 32 bytes");

/* The pages the virtual ones map onto, in RAM (which starts at 0: guest-physical) */
static uint32_t backing[SHOOT_PAGES][1024] __attribute__((aligned(4096)));

struct shoot_page shoot_pages[SHOOT_PAGES];
uintptr_t shoot_default_vector;

/* What vCPU 1 saw, for vCPU 0 to print */
static struct {
	uint32_t first, after;	/* read through SHOOT_VA before and after the shootdown */
	uint32_t misses[SHOOT_PAGES];
} seen;

static volatile uint32_t *page_va(unsigned int n)
{
	return (volatile uint32_t *)(uintptr_t)(SHOOT_VA + n * 0x1000u);
}

static struct shoot_page entry_for(unsigned int n)
{
	return (struct shoot_page){
		.mas0 = MAS0_ESEL(0),
		.mas1 = MAS1_V | MAS1_TSIZE_4K,
		.mas2 = (uint32_t)(uintptr_t)page_va(n) | MAS2_M,
		.mas3 = (uint32_t)(uintptr_t)backing[n] | MAS3_SW | MAS3_SR,
	};
}

static void tlb0_write(const struct shoot_page *p)
{
	mtspr(SPR_MAS0, p->mas0);
	mtspr(SPR_MAS1, p->mas1);
	mtspr(SPR_MAS2, p->mas2);
	mtspr(SPR_MAS3, p->mas3);
	mtspr(SPR_MAS7, 0);
	__asm__ volatile("isync\n\ttlbwe\n\tisync" ::: "memory");
}

/* vCPU 0's own entry for SHOOT_VA: does tlbsx still find it? */
static bool tlb_has(uint32_t va)
{
	mtspr(SPR_MAS6, 0);
	__asm__ volatile("tlbsx 0, %0\n\tisync" : : "r"(va) : "memory");
	return mfspr(SPR_MAS1) & MAS1_V;
}

void shootdown_secondary(void)
{
	uint64_t deadline = wait_deadline();

	for (unsigned int n = 0; n < SHOOT_PAGES; n++) {
		shoot_pages[n] = entry_for(n);
		tlb0_write(&shoot_pages[n]);
	}
	shoot_default_vector = (uintptr_t)__image_start + mfspr(SPR_IVOR(IVOR_DATA_TLB_MISS));
	ivor_set(IVOR_DATA_TLB_MISS, shootdown_miss_vector);
	/* vCPU 0 writes the marker through its own entry */
	while ((seen.first = *page_va(0)) != MARKER && timer_count() < deadline)
		(void)*page_va(1);
	meeting_set(SHOOT_SPINNING);
	/* In its guest all along: vCPU 0's tlbsync must get it out */
	while (!meeting_reached(SHOOT_SHOT) && timer_count() < deadline) {
		(void)*page_va(0);
		(void)*page_va(1);
	}
	seen.after = *page_va(0);
	(void)*page_va(1);
	for (unsigned int n = 0; n < SHOOT_PAGES; n++)
		seen.misses[n] = shoot_pages[n].misses;
	meeting_set(SHOOT_CHECKED);
}

static void print_result(void)
{
	printf("duo: vCPU 1 then took %" PRIu32 " TLB miss%s on 0x%08" PRIx32
	       " (reading 0x%08" PRIx32 " through it again) and %" PRIu32 " on 0x%08" PRIx32 "\n",
	       seen.misses[0], seen.misses[0] == 1 ? "" : "es", SHOOT_VA, seen.after,
	       seen.misses[1], SHOOT_VA + 0x1000u);
}

void shootdown_boot(void)
{
	struct shoot_page mine = entry_for(0);

	tlb0_write(&mine);
	*page_va(0) = MARKER;
	mem_order();
	if (!meeting_wait(SHOOT_SPINNING)) {
		printf("duo: vCPU 1 never mapped the shootdown's pages\n");
		return;
	}
	printf("duo: both vCPUs map 0x%08" PRIx32 " onto one page: vCPU 1 reads 0x%08" PRIx32
	       " through it and spins\n", SHOOT_VA, seen.first);
	/* Nothing between tlbsync and the word to vCPU 1: it must be done by then */
	__asm__ volatile("tlbivax 0, %0\n\tmsync\n\ttlbsync\n\tmsync" : : "r"(SHOOT_VA) : "memory");
	meeting_set(SHOOT_SHOT);
	printf("duo: vCPU 0: tlbivax 0x%08" PRIx32 " and tlbsync done, its own entry %s\n",
	       SHOOT_VA, tlb_has(SHOOT_VA) ? "STILL THERE" : "gone");
	if (!meeting_wait(SHOOT_CHECKED)) {
		printf("duo: vCPU 1 never finished the shootdown check\n");
		return;
	}
	print_result();
}
