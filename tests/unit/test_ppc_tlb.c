// SPDX-License-Identifier: MIT
/*
 * Host tests of the e500 guest TLB model (ports/ppc-booke/guest_tlb.c):
 * tlbwe/tlbre round trips in both arrays, what each array refuses,
 * 36-bit real page numbers, tlbsx hits and the MAS4 defaults of a miss,
 * TLB0's round-robin victim, tlbivax and flash invalidation against
 * IPROT, and the lookup a TLB miss makes, on e500v2 and e500mc.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <asm/guest_tlb.h>

static struct guest_tlb tlb;

static int setup_mc(void **state)
{
	(void)state;
	gtlb_init(&tlb, &e500mc_mmu);
	return 0;
}

static int setup_v2(void **state)
{
	(void)state;
	gtlb_init(&tlb, &e500v2_mmu);
	return 0;
}

static int write_entry(unsigned int tlbsel, unsigned int esel, uint32_t mas1, uint32_t mas2,
		       uint32_t mas3, uint32_t mas7)
{
	tlb.mas.mas0 = MAS0_TLBSEL(tlbsel) | MAS0_ESEL(esel);
	tlb.mas.mas1 = mas1;
	tlb.mas.mas2 = mas2;
	tlb.mas.mas3 = mas3;
	tlb.mas.mas7 = mas7;
	return gtlb_tlbwe(&tlb, NULL, NULL);
}

static void read_entry(unsigned int tlbsel, unsigned int esel, uint32_t epn)
{
	tlb.mas = (struct gtlb_mas){ .mas0 = MAS0_TLBSEL(tlbsel) | MAS0_ESEL(esel), .mas2 = epn };
	assert_int_equal(gtlb_tlbre(&tlb), 0);
}

/* A valid 4 KiB TLB0 entry at @ea, TID @tid, in address space 0 */
static int write_tlb0(unsigned int way, uint32_t ea, unsigned int tid)
{
	return write_entry(0, way, MAS1_V | MAS1_TID(tid) | MAS1_TSIZE(TSIZE_4K),
			   ea, 0x00100000 | MAS3_SR | MAS3_SW, 0);
}

static void test_tlbncfg(void **state)
{
	(void)state;
	/* 4 ways, 4 KiB only, 512 entries */
	assert_int_equal(gtlb_tlbncfg(&e500v2_mmu, 0), 0x04110200);
	/* fully associative, 4 KiB..4 GiB, IPROT, variable sizes, 16 / 64 entries */
	assert_int_equal(gtlb_tlbncfg(&e500v2_mmu, 1), 0x101bc010);
	assert_int_equal(gtlb_tlbncfg(&e500mc_mmu, 1), 0x401bc040);
}

static void test_tlb1_round_trip(void **state)
{
	uint32_t mas1 = MAS1_V | MAS1_IPROT | MAS1_TID(5) | MAS1_TS | MAS1_TSIZE(TSIZE_64M);
	uint32_t mas3 = 0x08000000 | MAS3_U0_3_MASK | MAS3_SX | MAS3_SW | MAS3_SR | MAS3_UR;

	(void)state;
	/* e500mc's last entry: ESEL 63 */
	assert_int_equal(write_entry(1, 63, mas1, 0xc0000000 | MAS2_M | MAS2_G, mas3, 0), 0);
	read_entry(1, 63, 0);
	assert_int_equal(tlb.mas.mas1, mas1);
	assert_int_equal(tlb.mas.mas2, 0xc0000000 | MAS2_M | MAS2_G);
	assert_int_equal(tlb.mas.mas3, mas3);
	assert_int_equal(tlb.mas.mas7, 0);
	/* Another entry is untouched */
	read_entry(1, 62, 0);
	assert_int_equal(tlb.mas.mas1, 0);
}

static void test_tlb1_drops_bits_below_page(void **state)
{
	(void)state;
	assert_int_equal(write_entry(1, 2, MAS1_V | MAS1_TSIZE(TSIZE_16M), 0xc0123000 | MAS2_M,
				     0x01234000 | MAS3_SR, 0), 0);
	read_entry(1, 2, 0);
	assert_int_equal(tlb.mas.mas2, 0xc0000000 | MAS2_M);
	assert_int_equal(tlb.mas.mas3, 0x01000000 | MAS3_SR);
	assert_non_null(gtlb_lookup(&tlb, 0xc0ffffff, 0));
	assert_null(gtlb_lookup(&tlb, 0xc1000000, 0));
}

static void test_tlb0_round_trip(void **state)
{
	(void)state;
	/* Same set (EA bits 12..18 equal), ways 0 and 3; then the next set's way 0 */
	assert_int_equal(write_tlb0(0, 0x10000000, 1), 0);
	assert_int_equal(write_tlb0(3, 0x10080000, 2), 0);
	assert_int_equal(write_tlb0(0, 0x10001000, 3), 0);

	read_entry(0, 0, 0x10000000);
	assert_int_equal(tlb.mas.mas2, 0x10000000);
	assert_int_equal(tlb.mas.mas1, MAS1_V | MAS1_TID(1) | MAS1_TSIZE(TSIZE_4K));
	read_entry(0, 3, 0x10000000);
	assert_int_equal(tlb.mas.mas2, 0x10080000);
	assert_int_equal(tlb.mas.mas1 & MAS1_TID_MASK, MAS1_TID(2));
	read_entry(0, 0, 0x10001000);
	assert_int_equal(tlb.mas.mas2, 0x10001000);
	read_entry(0, 1, 0x10000000);
	assert_int_equal(tlb.mas.mas1, 0);
}

static void test_tlb0_has_no_iprot(void **state)
{
	(void)state;
	assert_int_equal(write_entry(0, 0, MAS1_V | MAS1_IPROT | MAS1_TSIZE(TSIZE_4K),
				     0x2000, 0x2000 | MAS3_SR, 0), 0);
	read_entry(0, 0, 0x2000);
	assert_int_equal(tlb.mas.mas1 & MAS1_IPROT, 0);
	assert_int_equal(gtlb_tlbivax(&tlb, 0x2000), 1);
}

/* TLB0 has 4 KiB pages only: a tlbwe there writes one, whatever TSIZE says */
static void test_tlb0_ignores_tsize(void **state)
{
	(void)state;
	assert_int_equal(write_entry(0, 1, MAS1_V | MAS1_TSIZE(TSIZE_16M), 0x5000, 0x5000 | MAS3_SR,
				     0), 0);
	read_entry(0, 1, 0x5000);
	assert_int_equal(tlb.mas.mas1, MAS1_V | MAS1_TSIZE(TSIZE_4K));
	assert_non_null(gtlb_lookup(&tlb, 0x5fff, 0));
	assert_null(gtlb_lookup(&tlb, 0x6000, 0));
	/* TSIZE 0, the reserved encoding, too */
	assert_int_equal(write_entry(0, 2, MAS1_V, 0x7000, 0x7000 | MAS3_SR, 0), 0);
	assert_non_null(gtlb_lookup(&tlb, 0x7abc, 0));
}

static void test_illegal_writes_refused(void **state)
{
	(void)state;
	/* TLB1: 4 KiB..4 GiB; 0 is reserved, 12 (16 GiB) beyond */
	assert_int_equal(write_entry(1, 0, MAS1_V | MAS1_TSIZE(0), 0, 0, 0), -GTLB_ESIZE);
	assert_int_equal(write_entry(1, 0, MAS1_V | MAS1_TSIZE(12), 0, 0, 0), -GTLB_ESIZE);
	assert_int_equal(write_entry(1, 0, MAS1_V | MAS1_TSIZE(TSIZE_4G), 0, 0, 0), 0);
	/* No fifth way, no third array, no 65th TLB1 entry */
	assert_int_equal(write_entry(0, 4, MAS1_V | MAS1_TSIZE(TSIZE_4K), 0, 0, 0), -GTLB_EINVAL);
	assert_int_equal(write_entry(2, 0, MAS1_V | MAS1_TSIZE(TSIZE_4K), 0, 0, 0), -GTLB_EINVAL);
	assert_int_equal(write_entry(1, 64, MAS1_V | MAS1_TSIZE(TSIZE_4K), 0, 0, 0), -GTLB_EINVAL);
	/* Nothing was written by the refused ones */
	read_entry(0, 0, 0);
	assert_int_equal(tlb.mas.mas1, 0);
	assert_int_equal(tlb.mas.mas0 & MAS0_NV_MASK, 0);
}

static void test_tlbwe_invalidates(void **state)
{
	struct gtlb_entry old;

	(void)state;
	assert_int_equal(write_entry(1, 3, MAS1_V | MAS1_IPROT | MAS1_TSIZE(TSIZE_256M),
				     0x0, MAS3_SR, 0), 0);
	assert_non_null(gtlb_lookup(&tlb, 0x100, 0));
	/* U-Boot's and Linux's way: MAS1 = 0, size 0 and all, over an IPROT entry */
	tlb.mas = (struct gtlb_mas){ .mas0 = MAS0_TLBSEL(1) | MAS0_ESEL(3) };
	assert_int_equal(gtlb_tlbwe(&tlb, &old, NULL), 0);
	assert_int_equal(old.mas1, MAS1_V | MAS1_IPROT | MAS1_TSIZE(TSIZE_256M));
	assert_null(gtlb_lookup(&tlb, 0x100, 0));
}

static void test_e500v2_sizes(void **state)
{
	(void)state;
	/* 16 TLB1 entries on e500v2 */
	assert_int_equal(write_entry(1, 15, MAS1_V | MAS1_TSIZE(TSIZE_4G), 0, 0, 0), 0);
	assert_int_equal(write_entry(1, 16, MAS1_V | MAS1_TSIZE(TSIZE_4K), 0, 0, 0), -GTLB_EINVAL);
}

static void test_rpn_36bit(void **state)
{
	const struct gtlb_entry *e;

	(void)state;
	/* MAS7 bits above the 36-bit real address are not kept */
	assert_int_equal(write_entry(1, 1, MAS1_V | MAS1_TSIZE(TSIZE_16M),
				     0xe0000000 | MAS2_I | MAS2_G,
				     0xe0000000 | MAS3_SR | MAS3_SW, 0xff), 0);
	e = gtlb_lookup(&tlb, 0xe0004500, 0);
	assert_non_null(e);
	assert_int_equal(gtlb_entry_rpn(e), 0xfe0000000ull);
	read_entry(1, 1, 0);
	assert_int_equal(tlb.mas.mas7, 0xf);
	assert_int_equal(tlb.mas.mas3, 0xe0000000 | MAS3_SR | MAS3_SW);
}

static void test_tlbsx_hit(void **state)
{
	(void)state;
	assert_int_equal(write_entry(1, 9, MAS1_V | MAS1_TID(7) | MAS1_TS | MAS1_TSIZE(TSIZE_16M),
				     0x40000000, 0x01000000 | MAS3_UR, 0), 0);
	assert_int_equal(write_tlb0(2, 0x5000, 0), 0);

	tlb.mas.mas6 = (7 << MAS6_SPID_SHIFT) | MAS6_SAS;
	assert_true(gtlb_tlbsx(&tlb, 0x40abc000));
	assert_int_equal(tlb.mas.mas0 & ~MAS0_NV_MASK, MAS0_TLBSEL(1) | MAS0_ESEL(9));
	assert_int_equal(tlb.mas.mas1, MAS1_V | MAS1_TID(7) | MAS1_TS | MAS1_TSIZE(TSIZE_16M));
	assert_int_equal(tlb.mas.mas3, 0x01000000 | MAS3_UR);

	/* Wrong PID, wrong address space: misses */
	tlb.mas.mas6 = (8 << MAS6_SPID_SHIFT) | MAS6_SAS;
	assert_false(gtlb_tlbsx(&tlb, 0x40abc000));
	tlb.mas.mas6 = 7 << MAS6_SPID_SHIFT;
	assert_false(gtlb_tlbsx(&tlb, 0x40abc000));

	/* A TID 0 entry matches any PID; found in its TLB0 way */
	tlb.mas.mas6 = 200 << MAS6_SPID_SHIFT;
	assert_true(gtlb_tlbsx(&tlb, 0x5ff8));
	assert_int_equal(tlb.mas.mas0 & ~MAS0_NV_MASK, MAS0_TLBSEL(0) | MAS0_ESEL(2));
}

static void test_tlbsx_miss_defaults(void **state)
{
	(void)state;
	/* A tlbwe to TLB0 with NV 2 leaves the round robin at way 2 */
	assert_int_equal(write_tlb0(0, 0x1000, 0), 0);
	tlb.mas.mas0 = MAS0_TLBSEL(0) | MAS0_ESEL(0) | 2;
	assert_int_equal(gtlb_tlbwe(&tlb, NULL, NULL), 0);

	tlb.mas.mas4 = MAS4_TSIZED_MASK & MAS1_TSIZE(TSIZE_4K);
	tlb.mas.mas4 |= MAS2_M | MAS2_E;
	tlb.mas.mas6 = (0x42 << MAS6_SPID_SHIFT) | MAS6_SAS;
	assert_false(gtlb_tlbsx(&tlb, 0x7654321));
	assert_int_equal(tlb.mas.mas0, MAS0_TLBSEL(0) | MAS0_ESEL(2) | 3);
	assert_int_equal(tlb.mas.mas1, MAS1_TID(0x42) | MAS1_TS | MAS1_TSIZE(TSIZE_4K));
	assert_int_equal(tlb.mas.mas2, 0x7654000 | MAS2_M | MAS2_E);
	assert_int_equal(tlb.mas.mas3, 0);
	assert_int_equal(tlb.mas.mas7, 0);

	/* The guest's usual follow-up: set V and the RPN, tlbwe lands in way 2 */
	tlb.mas.mas1 |= MAS1_V;
	tlb.mas.mas3 = 0x300000 | MAS3_UR;
	assert_int_equal(gtlb_tlbwe(&tlb, NULL, NULL), 0);
	read_entry(0, 2, 0x7654000);
	assert_int_equal(tlb.mas.mas2, 0x7654000 | MAS2_M | MAS2_E);
	assert_int_equal(tlb.mas.mas0 & MAS0_NV_MASK, 3);

	/* TLBSELD 1 points the next tlbwe at TLB1 */
	tlb.mas.mas4 = MAS0_TLBSEL(1) | MAS1_TSIZE(TSIZE_16M);
	assert_false(gtlb_tlbsx(&tlb, 0x9000000));
	assert_int_equal(tlb.mas.mas0, MAS0_TLBSEL(1));
	assert_int_equal(tlb.mas.mas1 & MAS1_TSIZE_MASK, MAS1_TSIZE(TSIZE_16M));
}

/*
 * What a guest's TLB miss handler does (Linux's finish_tlb_load): fill in
 * MAS3 and tlbwe. MAS0, MAS1 (valid) and MAS2 are the hardware's.
 */
static unsigned int handle_miss(uint32_t ea)
{
	gtlb_miss_fill(&tlb, ea, 0);
	tlb.mas.mas3 = (ea & MAS3_RPN_MASK) | MAS3_SR;
	assert_int_equal(gtlb_tlbwe(&tlb, NULL, NULL), 0);
	return (tlb.mas.mas0 & MAS0_ESEL_MASK) >> MAS0_ESEL_SHIFT;
}

static void test_tlb0_round_robin(void **state)
{
	(void)state;
	tlb.mas.mas4 = MAS1_TSIZE(TSIZE_4K);
	/* Five pages of one set: ways 0, 1, 2, 3, then 0 again */
	for (unsigned int i = 0; i < 5; i++)
		assert_int_equal(handle_miss(0x100000 + i * 0x80000), i % 4);
	assert_null(gtlb_lookup(&tlb, 0x100000, 0));
	assert_non_null(gtlb_lookup(&tlb, 0x180000, 0));
	assert_non_null(gtlb_lookup(&tlb, 0x300000, 0));
}

static void test_miss_fill_tid(void **state)
{
	(void)state;
	tlb.pid[0] = 3;
	tlb.pid[1] = 4;
	/* TIDSELD 1: PID1 on e500v2 */
	tlb.mas.mas4 = (1 << MAS4_TIDSELD_SHIFT) | MAS1_TSIZE(TSIZE_4K);
	gtlb_miss_fill(&tlb, 0x1234, 1);
	assert_int_equal(tlb.mas.mas1, MAS1_V | MAS1_TID(4) | MAS1_TS | MAS1_TSIZE(TSIZE_4K));
	assert_int_equal(tlb.mas.mas6, (3 << MAS6_SPID_SHIFT) | MAS6_SAS);
	/* TIDZ */
	tlb.mas.mas4 = (MAS4_TIDSELD_TIDZ << MAS4_TIDSELD_SHIFT) | MAS1_TSIZE(TSIZE_4K);
	gtlb_miss_fill(&tlb, 0x1234, 0);
	assert_int_equal(tlb.mas.mas1, MAS1_V | MAS1_TSIZE(TSIZE_4K));

	/* e500mc has no PID1: it reads as TID 0 */
	gtlb_init(&tlb, &e500mc_mmu);
	tlb.pid[0] = 3;
	tlb.pid[1] = 4;
	tlb.mas.mas4 = (1 << MAS4_TIDSELD_SHIFT) | MAS1_TSIZE(TSIZE_4K);
	gtlb_miss_fill(&tlb, 0x1234, 0);
	assert_int_equal(tlb.mas.mas1 & MAS1_TID_MASK, 0);
}

static void test_lookup_pids(void **state)
{
	(void)state;
	assert_int_equal(write_tlb0(0, 0x1000, 5), 0);
	assert_int_equal(write_tlb0(0, 0x2000, 0), 0);
	assert_int_equal(write_entry(1, 0, MAS1_V | MAS1_TS | MAS1_TID(6) | MAS1_TSIZE(TSIZE_256M),
				     0x10000000, 0, 0), 0);

	assert_null(gtlb_lookup(&tlb, 0x1000, 0));
	tlb.pid[2] = 5;
	assert_non_null(gtlb_lookup(&tlb, 0x1fff, 0));
	assert_null(gtlb_lookup(&tlb, 0x1000, 1));
	/* Global entry: any PID */
	assert_non_null(gtlb_lookup(&tlb, 0x2000, 0));
	/* TLB1 256 MiB page in AS 1, PID1 = 6 */
	tlb.pid[1] = 6;
	assert_ptr_equal(gtlb_lookup(&tlb, 0x1fffffff, 1), &tlb.tlb1[0]);
	assert_null(gtlb_lookup(&tlb, 0x20000000, 1));
	assert_null(gtlb_lookup(&tlb, 0x10000000, 0));

	/* e500mc only compares PID0 */
	gtlb_init(&tlb, &e500mc_mmu);
	assert_int_equal(write_tlb0(0, 0x1000, 5), 0);
	tlb.pid[1] = 5;
	assert_null(gtlb_lookup(&tlb, 0x1000, 0));
	tlb.pid[0] = 5;
	assert_non_null(gtlb_lookup(&tlb, 0x1000, 0));
}

static void test_tlbivax(void **state)
{
	(void)state;
	/* Two entries of one page (different TID and TS), one of the next page */
	assert_int_equal(write_tlb0(0, 0x8000, 1), 0);
	assert_int_equal(write_entry(0, 1, MAS1_V | MAS1_TS | MAS1_TID(2) | MAS1_TSIZE(TSIZE_4K),
				     0x8000, 0, 0), 0);
	assert_int_equal(write_tlb0(0, 0x9000, 1), 0);
	assert_int_equal(write_entry(1, 0, MAS1_V | MAS1_TSIZE(TSIZE_64M), 0xc0000000, 0, 0), 0);
	assert_int_equal(write_entry(1, 1, MAS1_V | MAS1_IPROT | MAS1_TSIZE(TSIZE_64M),
				     0xc4000000, 0, 0), 0);

	/* TLB0, one page (bits 2 and 3 clear: they select): both entries whatever TID and TS */
	assert_int_equal(gtlb_tlbivax(&tlb, 0x8a00), 2);
	tlb.pid[0] = 1;
	assert_non_null(gtlb_lookup(&tlb, 0x9000, 0));
	/* TLB1: any address inside the page; the IPROT entry stays */
	assert_int_equal(gtlb_tlbivax(&tlb, 0xc3fff000 | TLBIVAX_TLBSEL1), 1);
	assert_int_equal(gtlb_tlbivax(&tlb, 0xc4000000 | TLBIVAX_TLBSEL1), 0);
	assert_int_equal(gtlb_tlbivax(&tlb, TLBIVAX_TLBSEL1 | TLBIVAX_INV_ALL), 0);
	assert_non_null(gtlb_lookup(&tlb, 0xc5000000, 0));
	/* A TLB0 address with TLBSEL 0 never touches TLB1, and INV_ALL takes the rest */
	assert_int_equal(gtlb_tlbivax(&tlb, 0xc5000000), 0);
	assert_int_equal(gtlb_tlbivax(&tlb, TLBIVAX_INV_ALL), 1);
	assert_null(gtlb_lookup(&tlb, 0x9000, 0));
}

static void test_flash_invalidate(void **state)
{
	(void)state;
	assert_int_equal(write_tlb0(1, 0x3000, 0), 0);
	assert_int_equal(write_entry(1, 0, MAS1_V | MAS1_TSIZE(TSIZE_16M), 0x0, 0, 0), 0);
	assert_int_equal(write_entry(1, 1, MAS1_V | MAS1_IPROT | MAS1_TSIZE(TSIZE_16M),
				     0x1000000, 0, 0), 0);

	assert_int_equal(gtlb_mmucsr0_write(&tlb, MMUCSR0_TLB1_FI), 1);
	assert_null(gtlb_lookup(&tlb, 0x0, 0));
	assert_non_null(gtlb_lookup(&tlb, 0x1000000, 0));
	assert_non_null(gtlb_lookup(&tlb, 0x3000, 0));
	assert_int_equal(gtlb_mmucsr0_write(&tlb, MMUCSR0_TLB0_FI | MMUCSR0_TLB1_FI), 1);
	assert_null(gtlb_lookup(&tlb, 0x3000, 0));
	assert_non_null(gtlb_lookup(&tlb, 0x1000000, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tlbncfg),
		cmocka_unit_test_setup(test_tlb1_round_trip, setup_mc),
		cmocka_unit_test_setup(test_tlb1_drops_bits_below_page, setup_mc),
		cmocka_unit_test_setup(test_tlb0_round_trip, setup_mc),
		cmocka_unit_test_setup(test_tlb0_has_no_iprot, setup_mc),
		cmocka_unit_test_setup(test_tlb0_ignores_tsize, setup_v2),
		cmocka_unit_test_setup(test_illegal_writes_refused, setup_mc),
		cmocka_unit_test_setup(test_tlbwe_invalidates, setup_mc),
		cmocka_unit_test_setup(test_e500v2_sizes, setup_v2),
		cmocka_unit_test_setup(test_rpn_36bit, setup_v2),
		cmocka_unit_test_setup(test_tlbsx_hit, setup_mc),
		cmocka_unit_test_setup(test_tlbsx_miss_defaults, setup_mc),
		cmocka_unit_test_setup(test_tlb0_round_robin, setup_v2),
		cmocka_unit_test_setup(test_miss_fill_tid, setup_v2),
		cmocka_unit_test_setup(test_lookup_pids, setup_v2),
		cmocka_unit_test_setup(test_tlbivax, setup_mc),
		cmocka_unit_test_setup(test_flash_invalidate, setup_v2),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
