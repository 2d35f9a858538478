// SPDX-License-Identifier: MIT
/* Host tests of the hypervisor page allocator and the guest RAM allocator. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <bulkhead/page_alloc.h>
#include <bulkhead/physmem.h>

#define POOL_PA		0x48100000ull
#define POOL_PAGES	64

static uint8_t pool_mem[POOL_PAGES * PAGE_SIZE] __attribute__((aligned(4096)));

static void test_pages_first_fit_and_zeroed(void **state)
{
	struct page_pool pool;
	paddr_t a, b;
	uint8_t *va;

	(void)state;
	memset(pool_mem, 0xaa, sizeof(pool_mem));
	page_pool_init(&pool, POOL_PA, pool_mem, sizeof(pool_mem));
	assert_int_equal(page_pool_free_pages(&pool), POOL_PAGES);
	va = page_pool_alloc(&pool, PAGE_SIZE, PAGE_SIZE, &a);
	assert_ptr_equal(va, pool_mem);
	assert_int_equal(a, POOL_PA);
	assert_int_equal(va[0], 0);
	assert_int_equal(va[PAGE_SIZE - 1], 0);
	/* 8 KiB aligned: skips the page after the first */
	va = page_pool_alloc(&pool, 2 * PAGE_SIZE, 2 * PAGE_SIZE, &b);
	assert_int_equal(b, POOL_PA + 2 * PAGE_SIZE);
	assert_ptr_equal(va, pool_mem + 2 * PAGE_SIZE);
	assert_int_equal(page_pool_free_pages(&pool), POOL_PAGES - 3);
	/* the gap is still usable for single pages */
	page_pool_alloc(&pool, 100, PAGE_SIZE, &b);
	assert_int_equal(b, POOL_PA + PAGE_SIZE);
}

static void test_pages_free_and_exhaustion(void **state)
{
	struct page_pool pool;
	paddr_t pa;
	void *va;

	(void)state;
	page_pool_init(&pool, POOL_PA, pool_mem, sizeof(pool_mem));
	va = page_pool_alloc(&pool, POOL_PAGES * PAGE_SIZE, PAGE_SIZE, &pa);
	assert_non_null(va);
	assert_null(page_pool_alloc(&pool, PAGE_SIZE, PAGE_SIZE, &pa));
	page_pool_free(&pool, (uint8_t *)va + 5 * PAGE_SIZE, PAGE_SIZE);
	assert_non_null(page_pool_alloc(&pool, PAGE_SIZE, PAGE_SIZE, &pa));
	assert_int_equal(pa, POOL_PA + 5 * PAGE_SIZE);
	assert_null(page_pool_alloc(&pool, PAGE_SIZE, 3 * PAGE_SIZE, &pa));	/* not a power of two */
	assert_null(page_pool_alloc(&pool, 0, PAGE_SIZE, &pa));
}

static const struct cfg_range ram_6g[] = {
	{ 0x40000000ull, 0x180000000ull },	/* 0x4000_0000 .. 0x1_BFFF_FFFF */
};

static void test_physmem_alloc_aligned_and_reserved(void **state)
{
	struct physmem pm;
	paddr_t pa;

	(void)state;
	physmem_init(&pm, ram_6g, 1);
	physmem_exclude(&pm, 0x40000000ull, 0x0a000000ull);
	assert_int_equal(pm.nfree, 1);
	assert_int_equal(pm.free[0].base, 0x4a000000ull);
	/* A fixed region above 4 GiB splits the free range in two */
	assert_int_equal(physmem_reserve(&pm, 0x100000000ull, SZ_1G), 0);
	assert_int_equal(pm.nfree, 2);
	assert_int_equal(pm.free[1].base, 0x140000000ull);
	/* Reserving it again fails: it is no longer free */
	assert_int_equal(physmem_reserve(&pm, 0x100000000ull + SZ_2M, SZ_2M), -1);
	/* 2 MiB-aligned allocation from the low range */
	assert_int_equal(physmem_alloc(&pm, 0x4000000, SZ_2M, &pa), 0);
	assert_int_equal(pa, 0x4a000000ull);
	/* 1 GiB alignment skips the rest of the first GiB */
	assert_int_equal(physmem_alloc(&pm, SZ_1G, SZ_1G, &pa), 0);
	assert_int_equal(pa, 0x80000000ull);
	/* 2 GiB fit only above the reserved GiB, once */
	assert_int_equal(physmem_alloc(&pm, 2 * SZ_1G, SZ_2M, &pa), 0);
	assert_int_equal(pa, 0x140000000ull);
	assert_int_equal(physmem_alloc(&pm, 2 * SZ_1G, SZ_2M, &pa), -1);
}

static void test_physmem_exclude_across_ranges(void **state)
{
	static const struct cfg_range two_banks[] = {
		{ 0x80000000ull, 0x10000000ull },
		{ 0x40000000ull, 0x10000000ull },
	};
	struct physmem pm;

	(void)state;
	physmem_init(&pm, two_banks, 2);
	assert_int_equal(pm.free[0].base, 0x40000000ull);	/* sorted */
	/* One exclusion touching the end of one bank and the start of the next */
	physmem_exclude(&pm, 0x4f000000ull, 0x32000000ull);
	assert_int_equal(pm.nfree, 2);
	assert_int_equal(pm.free[0].size, 0x0f000000ull);
	assert_int_equal(pm.free[1].base, 0x81000000ull);
	assert_int_equal(pm.free[1].size, 0x0f000000ull);
	/* Excluding a whole bank removes it */
	physmem_exclude(&pm, 0x40000000ull, 0x10000000ull);
	assert_int_equal(pm.nfree, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pages_first_fit_and_zeroed),
		cmocka_unit_test(test_pages_free_and_exhaustion),
		cmocka_unit_test(test_physmem_alloc_aligned_and_reserved),
		cmocka_unit_test(test_physmem_exclude_across_ranges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
