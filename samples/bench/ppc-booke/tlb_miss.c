// SPDX-License-Identifier: MIT
/*
 * tlb_miss: a guest load from a page that the guest's own TLB maps (TLB1
 * entry 0, the initial mapped area over its RAM) but whose shadow entry
 * is not in the hardware TLB: the hypervisor takes the data TLB error and
 * writes the shadow entry into TLB0, from its cache of the shadow entries
 * it made (ports/ppc-booke/fast_trap.S) or, for a page not in the cache,
 * made anew from the guest's entry (storage.c, shadow_tlb.c, context.c).
 * A guest pays it on every touch of a page that TLB0 evicted since the
 * last; the pages here are in the cache after their first pass, so the
 * figure is the miss TLB0 alone causes.
 *
 * The shadow entries are 4 KiB pages in TLB0, which is set-associative
 * with the geometry the guest's TLB0CFG reports (the core's: 512
 * entries, 4 ways, so 128 sets chosen by the effective address bits just
 * above the page offset). Twice as many pages as TLB0 has ways, all in
 * one set and touched in turn, miss every time once the loop has run
 * twice (measure_loops() runs it so first), whether the hypervisor
 * replaces the ways in turn, as it does, or the least recently used.
 * Whatever the set held before, every pass after the first misses on
 * every page and leaves the set holding its last pages, so the pass
 * after misses again wherever the turn of the ways stands (which misses
 * in other sets move on). One page more than ways would not do with ways
 * replaced in turn: from some states it settles into a pattern that hits
 * every other pass. A guest tlbwe or tlbivax
 * would evict too, but each flushes the whole of TLB0, the loop's code
 * page with it, and adds its own emulation. The baseline is the same loop
 * with every load from one page, which stays mapped; the set is one that
 * neither the loop's code nor its tables fall in, so they stay too.
 *
 * The cross-check: one page more must give the same figure; a load that
 * hit would lower one of them.
 */
#include <stdlib.h>

#include "guest.h"
#include "bench.h"

#define SPR_TLB0CFG		688
#define TLBCFG_ASSOC(cfg)	((cfg) >> 24)
#define TLBCFG_NENTRY(cfg)	((cfg) & 0xfffu)
#define PAGE_SIZE		4096u
#define MAX_WAYS		8
/* More than loop_loads' length, in bytes */
#define LOOP_LOADS_SPAN		256u

#define MAX_PAGES		(2 * MAX_WAYS + 1)

/* Read by loop_loads: the competing pages, and one page MAX_PAGES times */
static uintptr_t pages[MAX_PAGES], same[MAX_PAGES];

static unsigned int set_of(uintptr_t addr, unsigned int sets)
{
	return (addr / PAGE_SIZE) % sets;
}

/* A set that none of the loop's pages is in, or -1 */
static int free_set(unsigned int sets)
{
	const uintptr_t used[] = {
		(uintptr_t)loop_loads, (uintptr_t)loop_loads + LOOP_LOADS_SPAN,
		(uintptr_t)pages, (uintptr_t)(pages + MAX_PAGES) - 1,
		(uintptr_t)same, (uintptr_t)(same + MAX_PAGES) - 1,
	};

	for (unsigned int i = 0, set = sets / 2; i < sets; i++, set = (set + 1) % sets) {
		unsigned int j = 0;

		while (j < sizeof(used) / sizeof(used[0]) && set_of(used[j], sets) != set)
			j++;
		if (j == sizeof(used) / sizeof(used[0]))
			return (int)set;
	}
	return -1;
}

void measure_tlb_miss(void)
{
	uint32_t cfg = mfspr(SPR_TLB0CFG), per_miss[2];
	unsigned int ways = TLBCFG_ASSOC(cfg), entries = TLBCFG_NENTRY(cfg);
	unsigned int sets = ways ? entries / ways : 0;
	int set = sets ? free_set(sets) : -1;
	uintptr_t stride = (uintptr_t)sets * PAGE_SIZE, base;
	char *buf;

	if (!ways || ways > MAX_WAYS || entries % ways || set < 0) {
		no_figure("tlb_miss", "TLB0CFG: ways, entries", ways, entries);
		return;
	}
	buf = malloc((2 * ways + 2) * stride);
	if (!buf) {
		no_figure("tlb_miss", "no memory for 2 x ways + 1 pages of stride", ways, stride);
		return;
	}
	base = ((uintptr_t)buf + stride - 1) / stride * stride + (uintptr_t)set * PAGE_SIZE;
	for (unsigned int i = 0; i < 2 * ways + 1; i++) {
		pages[i] = base + i * stride;
		same[i] = (uintptr_t)same;
	}
	for (unsigned int k = 0; k < 2; k++)
		if (!measure_loops("tlb_miss", loop_loads, (uintptr_t)pages, loop_loads,
				   (uintptr_t)same, 2 * ways + k, 2 * ways + k, &per_miss[k]))
			goto out;
	if (per_miss[0] != per_miss[1])
		no_figure("tlb_miss", "a load hit: per miss over 2 x ways, 2 x ways + 1 pages",
			  per_miss[0], per_miss[1]);
	else
		result("tlb_miss", per_miss[0], "instructions");
out:
	free(buf);
}
