// SPDX-License-Identifier: MIT
/*
 * Unit tests for the page-table engine and the LPAE stage-2 format.
 *
 * Tables come from a fake allocator that hands out fake physical addresses
 * above 4 GiB (so 64-bit table addresses are exercised) and fills new
 * memory with garbage (so the engine's zeroing is exercised). Expected
 * descriptors are written as literal numbers, independent of lpae.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <asm/lpae.h>
#include <bulkhead/pgtable.h>

/* Expected low bits: AF, SH, HAP, MemAttr and type (ARMv7 ARM B3.6.2) */
#define RAM_BLOCK	0x7fdull	/* Normal WB, inner shareable, RW */
#define RAM_PAGE	0x7ffull
#define DEV_BLOCK	0x4c5ull	/* Device, RW */
#define DEV_PAGE	0x4c7ull
#define XN		(1ull << 54)
#define TABLE		0x3ull

/* the first table address is deliberately not 8 KiB aligned */
#define FIRST_TABLE_PA	0x120001000ull
#define ROOT_PA		0x120002000ull
#define MAX_TABLES	16

struct fake_table {
	paddr_t pa;
	size_t align;
	void *virt;
};

struct fake_alloc {
	paddr_t next_pa;
	paddr_t skew;		/* added to addresses: broken allocator */
	int budget;		/* tables left; negative means unlimited */
	unsigned int count;
	struct fake_table t[MAX_TABLES];
};

static struct fake_alloc fa;
static struct pgtable pt;

static void *fake_alloc(void *ctx, size_t size, size_t align, paddr_t *pa)
{
	struct fake_alloc *a = ctx;
	struct fake_table *t;

	if (!a->budget || a->count == MAX_TABLES)
		return NULL;
	if (a->budget > 0)
		a->budget--;
	t = &a->t[a->count++];
	t->virt = aligned_alloc(align, size);
	assert_non_null(t->virt);
	memset(t->virt, 0xa5, size);
	a->next_pa = ALIGN_UP(a->next_pa, (paddr_t)align);
	t->pa = a->next_pa + a->skew;
	t->align = align;
	a->next_pa += size;
	*pa = t->pa;
	return t->virt;
}

static void *fake_phys_to_virt(void *ctx, paddr_t pa)
{
	struct fake_alloc *a = ctx;
	unsigned int i;

	for (i = 0; i < a->count; i++)
		if (a->t[i].pa == pa)
			return a->t[i].virt;
	fail_msg("no table at %#llx", (unsigned long long)pa);
	return NULL;
}

static const struct pt_allocator allocator = {
	.ctx = &fa,
	.alloc = fake_alloc,
	.phys_to_virt = fake_phys_to_virt,
};

static int setup(void **state)
{
	(void)state;
	memset(&fa, 0, sizeof(fa));
	fa.next_pa = FIRST_TABLE_PA;
	fa.budget = -1;
	return pt_init(&pt, &lpae_stage2_format, &allocator);
}

static int teardown(void **state)
{
	unsigned int i;

	(void)state;
	for (i = 0; i < fa.count; i++)
		free(fa.t[i].virt);
	return 0;
}

static pte_t *sub_table(pte_t entry)
{
	assert_int_equal(entry & 3, TABLE);
	return fake_phys_to_virt(&fa, entry & 0xfffffff000ull);
}

static pte_t *l2(unsigned int i1)
{
	return sub_table(pt.root[i1]);
}

static pte_t *l3(unsigned int i1, unsigned int i2)
{
	return sub_table(l2(i1)[i2]);
}

static unsigned int used_entries(const pte_t *table, size_t n)
{
	unsigned int used = 0;
	size_t i;

	for (i = 0; i < n; i++)
		used += table[i] != 0;
	return used;
}

static int map(uint64_t va, paddr_t pa, uint64_t size, unsigned int attrs)
{
	return pt_map_range(&pt, va, pa, size, attrs);
}

static void assert_maps(uint64_t va, paddr_t want_pa, unsigned int want_level)
{
	paddr_t pa = 0;
	unsigned int level = 0;

	assert_int_equal(pt_lookup(&pt, va, &pa, &level), 0);
	assert_int_equal(pa, want_pa);
	assert_int_equal(level, want_level);
}

static void assert_unmapped(uint64_t va)
{
	paddr_t pa = 0;

	assert_int_equal(pt_lookup(&pt, va, &pa, NULL), -PT_ENOENT);
}

static void test_format_shape(void **state)
{
	const struct pt_format *fmt = &lpae_stage2_format;

	(void)state;
	assert_int_equal(pt_input_bits(fmt), 40);
	assert_int_equal(pt_table_entries(fmt, 0), 1024);
	assert_int_equal(pt_table_size(fmt, 0), 8192);
	assert_int_equal(pt_table_entries(fmt, 1), 512);
	assert_int_equal(pt_table_size(fmt, 1), 4096);
	assert_int_equal(pt_table_entries(fmt, 2), 512);
	assert_int_equal(pt_table_size(fmt, 2), 4096);
	/* the root was asked for 8 KiB alignment and placed on it */
	assert_int_equal(fa.count, 1);
	assert_int_equal(fa.t[0].align, 8192);
	assert_int_equal(pt.root_pa, ROOT_PA);
	assert_int_equal(used_entries(pt.root, 1024), 0);
	/* the VTCR value that ran on QEMU for this walk shape */
	assert_int_equal(LPAE_S2_VTCR, 0x80003558u);
}

static void test_1g_block(void **state)
{
	(void)state;
	assert_int_equal(map(0x40000000, 0x140000000, SZ_1G, PT_RWX), 0);
	assert_int_equal(pt.root[1], 0x140000000ull | RAM_BLOCK);
	assert_int_equal(used_entries(pt.root, 1024), 1);
	assert_int_equal(fa.count, 1);
	assert_maps(0x40001234, 0x140001234, 1);
	assert_maps(0x7fffffff, 0x17fffffff, 1);
}

static void test_2m_blocks(void **state)
{
	(void)state;
	assert_int_equal(map(0x40200000, 0x800200000, 2 * SZ_2M, PT_RWX), 0);
	assert_int_equal(pt.root[1], 0x120004000ull | TABLE);
	assert_int_equal(l2(1)[1], 0x800200000ull | RAM_BLOCK);
	assert_int_equal(l2(1)[2], 0x800400000ull | RAM_BLOCK);
	assert_int_equal(used_entries(l2(1), 512), 2);
	assert_maps(0x40400010, 0x800400010, 2);
	assert_unmapped(0x40600000);
}

/* Pages up to the 2 MiB boundary, a block, then pages for the tail. */
static void test_mixed_leaves(void **state)
{
	(void)state;
	assert_int_equal(map(0x401fe000, 0x1401fe000,
			     0x2000 + SZ_2M + 0x1000, PT_RWX), 0);
	assert_int_equal(pt.root[1], 0x120004000ull | TABLE);
	assert_int_equal(l2(1)[0], 0x120005000ull | TABLE);
	assert_int_equal(l3(1, 0)[510], 0x1401fe000ull | RAM_PAGE);
	assert_int_equal(l3(1, 0)[511], 0x1401ff000ull | RAM_PAGE);
	assert_int_equal(used_entries(l3(1, 0), 512), 2);
	assert_int_equal(l2(1)[1], 0x140200000ull | RAM_BLOCK);
	assert_int_equal(l3(1, 2)[0], 0x140400000ull | RAM_PAGE);
	assert_int_equal(used_entries(l3(1, 2), 512), 1);
	assert_int_equal(used_entries(l2(1), 512), 3);
	assert_int_equal(fa.count, 4);
	assert_maps(0x401ff008, 0x1401ff008, 3);
	assert_maps(0x40300000, 0x140300000, 2);
	assert_maps(0x40400abc, 0x140400abc, 3);
	assert_unmapped(0x40401000);
}

/* A leaf needs BOTH addresses aligned: the pa decides the size here. */
static void test_pa_alignment_limits_leaf(void **state)
{
	unsigned int i;

	(void)state;
	assert_int_equal(map(0x40000000, 0x100001000, SZ_2M, PT_RWX), 0);
	for (i = 0; i < 512; i++)
		assert_int_equal(l3(1, 0)[i],
				 (0x100001000ull + i * 0x1000ull) | RAM_PAGE);

	assert_int_equal(map(0x80000000, 0x100200000, SZ_1G, PT_RWX), 0);
	for (i = 0; i < 512; i++)
		assert_int_equal(l2(2)[i],
				 (0x100200000ull + i * SZ_2M) | RAM_BLOCK);
	assert_maps(0xbfffffff, 0x1401fffff, 2);
}

static void test_device_attrs(void **state)
{
	(void)state;
	assert_int_equal(map(0x09000000, 0x09000000, 0x1000,
			     PT_RW | PT_DEVICE), 0);
	assert_int_equal(l3(0, 72)[0], 0x09000000ull | DEV_PAGE | XN);
	/* executable device: exactly the descriptor proven on QEMU */
	assert_int_equal(map(0x08010000, 0x08040000, 0x1000,
			     PT_RWX | PT_DEVICE), 0);
	assert_int_equal(l3(0, 64)[16], 0x080404c7ull);
	assert_int_equal(map(0x0a000000, 0x10000000, SZ_2M,
			     PT_RW | PT_DEVICE), 0);
	assert_int_equal(l2(0)[80], 0x10000000ull | DEV_BLOCK | XN);
}

static void test_permissions(void **state)
{
	static const struct {
		unsigned int attrs;
		pte_t low_bits;
	} cases[] = {
		{ PT_READ, 0x77f | XN },		/* HAP 01 */
		{ PT_READ | PT_EXEC, 0x77f },
		{ PT_WRITE, 0x7bf | XN },		/* HAP 10 */
		{ PT_RW, 0x7ff | XN },			/* HAP 11 */
		{ PT_RWX, 0x7ff },
	};
	uint64_t va;
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		va = 0x40000000 + i * 0x1000ull;
		assert_int_equal(map(va, va + 0x100000000ull, 0x1000,
				     cases[i].attrs), 0);
		assert_int_equal(l3(1, 0)[i],
				 (va + 0x100000000ull) | cases[i].low_bits);
	}
}

static void test_lookup(void **state)
{
	paddr_t pa = 0;

	(void)state;
	assert_int_equal(-PT_ENOENT, -1);
	assert_unmapped(0x40000000);
	assert_int_equal(map(0x40001000, 0x40001000, 0x1000, PT_RW), 0);
	assert_unmapped(0x40000fff);	/* empty level-3 entry */
	assert_unmapped(0x40200000);	/* empty level-2 entry */
	assert_unmapped(0x80000000);	/* empty level-1 entry */
	assert_int_equal(pt_lookup(&pt, 0x40001fff, &pa, NULL), 0);
	assert_int_equal(pa, 0x40001fff);
	assert_unmapped(0xffffffffffull);
	assert_int_equal(pt_lookup(&pt, 1ull << 40, &pa, NULL), -PT_ERANGE);
}

/*
 * Decode like the hardware: a block's RES0 address bits are not address,
 * and 0b01, a block at levels 1-2, is reserved (a fault) at level 3.
 */
static void test_decode_like_hardware(void **state)
{
	(void)state;
	pt.root[2] = 0x140000000ull | 0x0abcd000 | RAM_BLOCK;
	assert_maps(0x80000010, 0x140000010, 1);

	assert_int_equal(map(0x40000000, 0x40000000, 0x1000, PT_RW), 0);
	l3(1, 0)[1] = 0x40001000ull | 0x7fdull;
	assert_unmapped(0x40001000);
	assert_int_equal(map(0x40001000, 0x50001000, 0x1000, PT_RW), 0);
	assert_int_equal(l3(1, 0)[1], 0x50001000ull | RAM_PAGE | XN);
}

static void test_overlap(void **state)
{
	(void)state;
	assert_int_equal(map(0x40000000, 0x40000000, SZ_2M, PT_RW), 0);
	assert_int_equal(map(0x40000000, 0x50000000, SZ_2M, PT_RW), -PT_EEXIST);
	assert_int_equal(map(0x40001000, 0x50000000, 0x1000, PT_RW),
			 -PT_EEXIST);
	/* straddles the start: the page written before the clash is undone */
	assert_int_equal(map(0x3ffff000, 0x50000000, 0x2000, PT_RW),
			 -PT_EEXIST);
	assert_unmapped(0x3ffff000);
	assert_int_equal(used_entries(l3(0, 511), 512), 0);
	assert_int_equal(l2(1)[0], 0x40000000ull | RAM_BLOCK | XN);
	assert_int_equal(map(0x40200000, 0x50000000, 0x1000, PT_RW), 0);
}

/* The clash is found inside an existing table; earlier leaves roll back. */
static void test_overlap_rollback(void **state)
{
	(void)state;
	assert_int_equal(map(0x40201000, 0x40201000, 0x1000, PT_RW), 0);
	assert_int_equal(map(0x40000000, 0x40000000, 2 * SZ_2M, PT_RW),
			 -PT_EEXIST);
	assert_int_equal(l2(1)[0], 0);
	assert_unmapped(0x40000000);
	assert_unmapped(0x40200000);
	assert_int_equal(used_entries(l3(1, 1), 512), 1);
	assert_maps(0x40201000, 0x40201000, 3);
	assert_int_equal(map(0x40000000, 0x40000000, SZ_2M, PT_RW), 0);
}

static void test_enomem_rollback(void **state)
{
	(void)state;
	fa.budget = 2;	/* two level-2 tables, then no level-3 table */
	assert_int_equal(map(0x3fe00000, 0x3fe00000, SZ_2M + 0x1000, PT_RWX),
			 -PT_ENOMEM);
	assert_int_equal(fa.count, 3);
	assert_unmapped(0x3fe00000);
	assert_int_equal(used_entries(l2(0), 512), 0);
	assert_int_equal(used_entries(l2(1), 512), 0);

	/* the empty tables left behind are reused */
	fa.budget = -1;
	assert_int_equal(map(0x3fe00000, 0x3fe00000, SZ_2M + 0x1000, PT_RWX),
			 0);
	assert_int_equal(fa.count, 4);
	assert_int_equal(l2(0)[511], 0x3fe00000ull | RAM_BLOCK);
	assert_int_equal(l3(1, 0)[0], 0x40000000ull | RAM_PAGE);
}

/* Rejected requests leave the tables untouched; the last page is fine. */
static void test_rejected_requests(void **state)
{
	static const uint64_t top = 1ull << 40;	/* 40-bit IPA and PA */
	static const struct {
		uint64_t va, pa, size;
		unsigned int attrs;
		int err;
	} bad[] = {
		{ 0x40000000, 0x40000000, 0x1000, 0, -PT_EINVAL },
		{ 0x40000000, 0x40000000, 0x1000, PT_EXEC, -PT_EINVAL },
		{ 0x40000000, 0x40000000, 0x1000, PT_DEVICE, -PT_EINVAL },
		{ 0x40000000, 0x40000000, 0x1000, PT_RW | 0x10, -PT_EINVAL },
		{ 0x40000800, 0x40000000, 0x1000, PT_RW, -PT_EINVAL },
		{ 0x40000000, 0x40000800, 0x1000, PT_RW, -PT_EINVAL },
		{ 0x40000000, 0x40000000, 0x1800, PT_RW, -PT_EINVAL },
		{ 0x40000000, 0x40000000, 0, PT_RW, -PT_EINVAL },
		{ top, 0x40000000, 0x1000, PT_RW, -PT_ERANGE },
		{ top - 0x1000, 0x40000000, 0x2000, PT_RW, -PT_ERANGE },
		{ ~0xfffull, 0x40000000, 0x2000, PT_RW, -PT_ERANGE },
		{ 0x40000000, top, 0x1000, PT_RW, -PT_ERANGE },
		{ 0x40000000, top - 0x1000, 0x2000, PT_RW, -PT_ERANGE },
	};
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		assert_int_equal(map(bad[i].va, bad[i].pa, bad[i].size,
				     bad[i].attrs), bad[i].err);
	assert_int_equal(used_entries(pt.root, 1024), 0);
	assert_int_equal(fa.count, 1);

	assert_int_equal(map(top - 0x1000, top - 0x1000, 0x1000, PT_RWX), 0);
	assert_int_equal(l3(1023, 511)[511], 0xfffffff000ull | RAM_PAGE);
	assert_maps(top - 1, top - 1, 3);
}

static void test_unusable_tables(void **state)
{
	struct pgtable other;

	(void)state;
	fa.skew = 0x1000;	/* 8 KiB alignment asked, 4 KiB given */
	assert_int_equal(pt_init(&other, &lpae_stage2_format, &allocator),
			 -PT_ENOMEM);
	fa.skew = 0;
	fa.next_pa = 1ull << 40;	/* beyond what a descriptor can hold */
	assert_int_equal(pt_init(&other, &lpae_stage2_format, &allocator),
			 -PT_ENOMEM);
	assert_int_equal(map(0x40000000, 0x40000000, 0x1000, PT_RW),
			 -PT_ENOMEM);
	assert_int_equal(used_entries(pt.root, 1024), 0);
}

static void test_bad_format(void **state)
{
	struct pt_format fmt;
	struct pgtable other;

	(void)state;
	fmt = lpae_stage2_format;
	fmt.level[2].leaf_ok = false;
	assert_int_equal(pt_init(&other, &fmt, &allocator), -PT_EINVAL);
	fmt = lpae_stage2_format;
	fmt.levels = 0;
	assert_int_equal(pt_init(&other, &fmt, &allocator), -PT_EINVAL);
	fmt.levels = PT_MAX_LEVELS + 1;
	assert_int_equal(pt_init(&other, &fmt, &allocator), -PT_EINVAL);
	fmt = lpae_stage2_format;
	fmt.level[1].table_align = 3000;
	assert_int_equal(pt_init(&other, &fmt, &allocator), -PT_EINVAL);
	fmt = lpae_stage2_format;
	fmt.level[0].index_bits = 34;	/* 64-bit input space */
	assert_int_equal(pt_init(&other, &fmt, &allocator), -PT_EINVAL);
	assert_int_equal(fa.count, 1);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(test_format_shape),
		TEST(test_1g_block),
		TEST(test_2m_blocks),
		TEST(test_mixed_leaves),
		TEST(test_pa_alignment_limits_leaf),
		TEST(test_device_attrs),
		TEST(test_permissions),
		TEST(test_lookup),
		TEST(test_decode_like_hardware),
		TEST(test_overlap),
		TEST(test_overlap_rollback),
		TEST(test_enomem_rollback),
		TEST(test_rejected_requests),
		TEST(test_unusable_tables),
		TEST(test_bad_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
