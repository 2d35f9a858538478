// SPDX-License-Identifier: MIT
/*
 * The LPAE stage-2 format for the page-table engine: turns the core's
 * PT_* attributes into ARMv7 long-descriptor bits and back.
 */
#include <asm/lpae.h>

static uint64_t lpae_leaf_size(unsigned int level)
{
	/* 1 GiB at level 1, 2 MiB at level 2, 4 KiB at level 3 */
	return 1ull << (12 + 9 * (LPAE_LAST_LEVEL - level));
}

static pte_t lpae_make_table(paddr_t next_table_pa)
{
	return (next_table_pa & LPAE_OA_MASK) | LPAE_TYPE_TABLE;
}

/*
 * RAM is Normal write-back, inner shareable: the least restrictive stage-2
 * setting, so the guest's own stage-1 attributes decide (stage 2 can only
 * make them stricter). The architecture ignores SH for Device memory, so it
 * stays 0. AF is set up front: stage-2 access-flag faults are not handled.
 */
static pte_t lpae_s2_make_leaf(paddr_t pa, unsigned int level,
			       unsigned int attrs)
{
	pte_t pte = (pa & LPAE_OA_MASK) | LPAE_AF;

	pte |= level == LPAE_LAST_LEVEL ? LPAE_TYPE_PAGE : LPAE_TYPE_BLOCK;
	if (attrs & PT_DEVICE)
		pte |= LPAE_S2_MEMATTR_DEVICE;
	else
		pte |= LPAE_S2_MEMATTR_WB | LPAE_SH_INNER;
	/* HAP[2:1]: 0b01 read-only, 0b10 write-only, 0b11 read/write */
	if (attrs & PT_READ)
		pte |= LPAE_S2_HAP_READ;
	if (attrs & PT_WRITE)
		pte |= LPAE_S2_HAP_WRITE;
	if (!(attrs & PT_EXEC))
		pte |= LPAE_XN;
	return pte;
}

static enum pt_entry_kind lpae_classify(pte_t pte, unsigned int level)
{
	bool last = level == LPAE_LAST_LEVEL;

	switch (pte & LPAE_TYPE_MASK) {
	case LPAE_TYPE_TABLE:	/* a page at level 3 */
		return last ? PT_ENTRY_LEAF : PT_ENTRY_TABLE;
	case LPAE_TYPE_BLOCK:	/* reserved at level 3: a fault */
		return last ? PT_ENTRY_INVALID : PT_ENTRY_LEAF;
	default:
		return PT_ENTRY_INVALID;
	}
}

static paddr_t lpae_output_addr(pte_t pte, unsigned int level)
{
	paddr_t oa = pte & LPAE_OA_MASK;

	if ((pte & LPAE_TYPE_MASK) == LPAE_TYPE_BLOCK)
		oa &= ~(lpae_leaf_size(level) - 1);
	return oa;
}

const struct pt_format lpae_stage2_format = {
	.name = "lpae-stage2",
	.levels = 3,
	.first_level = LPAE_S2_FIRST_LEVEL,
	.page_shift = 12,
	.oa_bits = 40,
	.level = {
		/* two concatenated level-1 tables cover IPA[39:30] */
		{ .index_bits = 10, .table_align = 8192, .leaf_ok = true },
		{ .index_bits = 9, .table_align = 4096, .leaf_ok = true },
		{ .index_bits = 9, .table_align = 4096, .leaf_ok = true },
	},
	.make_table = lpae_make_table,
	.make_leaf = lpae_s2_make_leaf,
	.classify = lpae_classify,
	.output_addr = lpae_output_addr,
};
