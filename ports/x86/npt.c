// SPDX-License-Identifier: MIT
/*
 * Nested page tables as data for core/pgtable.c. Every entry has U=1:
 * nested walks are user accesses (AMD64 APM 15.25.5). Device memory is
 * uncached (PCD, PWT: with the guest's own PAT type combined the
 * stricter way, uncached wins); RAM write-back. No execute is NX, which
 * nested paging honours whatever the guest's EFER.NXE. Pure code, unit
 * tested on the host (test_x86_npt).
 */
#include <bulkhead/pgtable.h>
#include <asm/npt.h>
#include <asm/x86.h>

#define NPT_NX		(1ull << 63)
#define NPT_ADDR_MASK	0x000ffffffffff000ull
#define LAST_LEVEL	3

static pte_t npt_make_table(paddr_t pa)
{
	return pa | PTE_P | PTE_W | PTE_U;
}

static pte_t npt_make_leaf(paddr_t pa, unsigned int level, unsigned int attrs)
{
	pte_t pte = pa | PTE_P | PTE_U;

	if (level != LAST_LEVEL)
		pte |= PTE_PS;
	if (attrs & PT_WRITE)
		pte |= PTE_W;
	if (!(attrs & PT_EXEC))
		pte |= NPT_NX;
	if (attrs & PT_DEVICE)
		pte |= PTE_PCD | PTE_PWT;
	return pte;
}

/* The last level's bit 7 is PAT, not PS: the engine takes every valid entry there as a leaf */
static enum pt_entry_kind npt_classify(pte_t pte, unsigned int level)
{
	(void)level;
	if (!(pte & PTE_P))
		return PT_ENTRY_INVALID;
	return pte & PTE_PS ? PT_ENTRY_LEAF : PT_ENTRY_TABLE;
}

/* A large leaf's bit 12 is its PAT bit, not address */
static paddr_t npt_output_addr(pte_t pte, unsigned int level)
{
	uint64_t below = level != LAST_LEVEL && (pte & PTE_PS) ?
			 (1ull << (PAGE_SHIFT + 9 * (LAST_LEVEL - level))) - 1 : 0;

	return pte & NPT_ADDR_MASK & ~below;
}

#define NPT_FORMAT(fmt_name, gib_leaves) {					\
	.name = fmt_name,							\
	.levels = 4,								\
	.first_level = 0,							\
	.page_shift = PAGE_SHIFT,						\
	.oa_bits = NPT_OUTPUT_BITS,						\
	.level = {								\
		{ .index_bits = 9, .table_align = PAGE_SIZE, .leaf_ok = false },	\
		{ .index_bits = 9, .table_align = PAGE_SIZE, .leaf_ok = gib_leaves },	\
		{ .index_bits = 9, .table_align = PAGE_SIZE, .leaf_ok = true },	\
		{ .index_bits = 9, .table_align = PAGE_SIZE, .leaf_ok = true },	\
	},									\
	.make_table = npt_make_table,						\
	.make_leaf = npt_make_leaf,						\
	.classify = npt_classify,						\
	.output_addr = npt_output_addr,						\
}

const struct pt_format npt_format = NPT_FORMAT("x86-npt", true);
const struct pt_format npt_format_2m = NPT_FORMAT("x86-npt-2m", false);
