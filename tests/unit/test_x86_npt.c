// SPDX-License-Identifier: MIT
/*
 * The x86 port's nested page tables (ports/x86/npt.c) through the core's
 * engine: four levels of 512 entries, 1 GiB and 2 MiB leaves where both
 * addresses are aligned (only 2 MiB in npt_format_2m), 52-bit physical
 * addresses, U on every entry, NX for what may not run, PCD and PWT for
 * devices. Expected entries are literal numbers (AMD64 APM vol. 2, 5.3
 * and 15.25). Tables are host memory whose address is its "physical" one.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <asm/npt.h>
#include <bulkhead/pgtable.h>

#define P_W_U		0x7ull		/* present, writable, user */
#define P_U		0x5ull
#define PS		0x80ull
#define PCD_PWT		0x18ull
#define NX		(1ull << 63)
#define ADDR		0x000ffffffffff000ull

static void *host_alloc(void *ctx, size_t size, size_t align, paddr_t *pa)
{
	void *p = aligned_alloc(align, size);

	(void)ctx;
	assert_non_null(p);
	memset(p, 0x5a, size);
	*pa = (uintptr_t)p;
	return p;
}

static void *host_phys_to_virt(void *ctx, paddr_t pa)
{
	(void)ctx;
	return (void *)(uintptr_t)pa;
}

static const struct pt_allocator allocator = {
	.alloc = host_alloc,
	.phys_to_virt = host_phys_to_virt,
};

static pte_t *below(pte_t entry)
{
	assert_int_equal(entry & (P_W_U | PS), P_W_U);
	return (pte_t *)(uintptr_t)(entry & ADDR);
}

static void test_shape(void **state)
{
	(void)state;
	assert_int_equal(pt_input_bits(&npt_format), NPT_INPUT_BITS);
	assert_int_equal(pt_input_bits(&npt_format_2m), 48);
	assert_int_equal(npt_format.oa_bits, 52);
}

static void test_leaves_and_attributes(void **state)
{
	struct pgtable npt;
	pte_t *pdpt, *pd, *pt;
	paddr_t pa;
	unsigned int level;

	(void)state;
	assert_int_equal(pt_init(&npt, &npt_format, &allocator), 0);
	/* RAM: a 1 GiB leaf, executable */
	assert_int_equal(pt_map_range(&npt, 0x40000000, 0xf000040000000ull, SZ_1G, PT_RWX), 0);
	pdpt = below(npt.root[0]);
	assert_int_equal(pdpt[1], 0xf000040000000ull | P_W_U | PS);
	/* shared memory: 2 MiB leaves, no execute */
	assert_int_equal(pt_map_range(&npt, 0x8000000, 0x20000000, 2 * SZ_2M, PT_RW), 0);
	pd = below(pdpt[0]);
	assert_int_equal(pd[64], 0x20000000 | P_W_U | PS | NX);
	assert_int_equal(pd[65], 0x20200000 | P_W_U | PS | NX);
	/* a device page: uncached, 4 KiB, at the last level without PS */
	assert_int_equal(pt_map_range(&npt, 0x1000, 0xfed00000, 0x1000, PT_RW | PT_DEVICE), 0);
	pt = below(pd[0]);
	assert_int_equal(pt[1], 0xfed00000 | P_W_U | PCD_PWT | NX);
	/* read-only: no W */
	assert_int_equal(pt_map_range(&npt, 0x2000, 0x3000, 0x1000, PT_READ), 0);
	assert_int_equal(pt[2], 0x3000 | P_U | NX);

	assert_int_equal(pt_lookup(&npt, 0x7654321, &pa, &level), -PT_ENOENT);
	assert_int_equal(pt_lookup(&npt, 0x40123456, &pa, &level), 0);
	assert_int_equal(pa, 0xf000040123456ull);
	assert_int_equal(level, 1);
	assert_int_equal(pt_lookup(&npt, 0x8201234, &pa, &level), 0);
	assert_int_equal(pa, 0x20201234);
	assert_int_equal(level, 2);
	assert_int_equal(pt_lookup(&npt, 0x1abc, &pa, &level), 0);
	assert_int_equal(pa, 0xfed00abc);
	assert_int_equal(level, 3);

	assert_int_equal(pt_map_range(&npt, 1ull << 48, 0, 0x1000, PT_RW), -PT_ERANGE);
	assert_int_equal(pt_map_range(&npt, 0x200000, 1ull << 52, 0x1000, PT_RW), -PT_ERANGE);
}

/* Without 1 GiB pages an aligned GiB is 512 leaves of 2 MiB */
static void test_no_gib_leaves(void **state)
{
	struct pgtable npt;
	pte_t *pd;
	paddr_t pa;
	unsigned int level;

	(void)state;
	assert_int_equal(pt_init(&npt, &npt_format_2m, &allocator), 0);
	assert_int_equal(pt_map_range(&npt, 0x40000000, 0x80000000, SZ_1G, PT_RWX), 0);
	pd = below(below(npt.root[0])[1]);
	for (unsigned int i = 0; i < 512; i++)
		assert_int_equal(pd[i], (0x80000000 + i * SZ_2M) | P_W_U | PS);
	assert_int_equal(pt_lookup(&npt, 0x7fffffff, &pa, &level), 0);
	assert_int_equal(pa, 0xbfffffff);
	assert_int_equal(level, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shape),
		cmocka_unit_test(test_leaves_and_attributes),
		cmocka_unit_test(test_no_gib_leaves),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
