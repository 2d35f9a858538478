// SPDX-License-Identifier: MIT
/*
 * The MMUs of the e500 cores the port runs guests on, as data: the
 * guest TLB model and the shadow entries are sized and checked from
 * these, never from the core's name. Sources: the e500 core reference
 * manual (E500CORERM) for e500v2, the e500mc reference manual, and the
 * TLBnCFG values QEMU's ppce500 machine gives each CPU.
 */
#include <asm/guest_tlb.h>

const struct e500_mmu_variant e500v2_mmu = {
	.name = "e500v2",
	.tlb = {
		/* 512 entries, 4 ways: 128 sets indexed by EA bits 12..18 */
		{ .entries = 512, .ways = 4, .min_tsize = TSIZE_4K, .max_tsize = TSIZE_4K },
		/* 16 entries, 4 KiB to 4 GiB (e500v1 stopped at 256 MiB) */
		{ .entries = 16, .ways = 16, .min_tsize = TSIZE_4K, .max_tsize = TSIZE_4G,
		  .iprot = true },
	},
	.npids = 3,
	.tid_bits = 8,
	.pa_bits = 36,
};

const struct e500_mmu_variant e500mc_mmu = {
	.name = "e500mc",
	.tlb = {
		{ .entries = 512, .ways = 4, .min_tsize = TSIZE_4K, .max_tsize = TSIZE_4K },
		{ .entries = 64, .ways = 64, .min_tsize = TSIZE_4K, .max_tsize = TSIZE_4G,
		  .iprot = true },
	},
	/* PID1 and PID2 are gone on e500mc */
	.npids = 1,
	.tid_bits = 8,
	.pa_bits = 36,
};

/* TLBnCFG: ASSOC 31..24, MINSIZE 23..20, MAXSIZE 19..16, IPROT 15, AVAIL 14, NENTRY 11..0 */
uint32_t gtlb_tlbncfg(const struct e500_mmu_variant *v, unsigned int n)
{
	const struct gtlb_array_cfg *c = &v->tlb[n];
	uint32_t cfg = (c->ways << 24) | (c->min_tsize << 20) | (c->max_tsize << 16) | c->entries;

	if (c->iprot)
		cfg |= 1u << 15;
	/* AVAIL: the array takes more than one page size */
	if (c->max_tsize > c->min_tsize)
		cfg |= 1u << 14;
	return cfg;
}
