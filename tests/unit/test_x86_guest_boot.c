// SPDX-License-Identifier: MIT
/* The long-mode entry's page tables and GDT (ports/x86/guest_boot.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <asm/guest_boot.h>

#define AREA_GPA	0x3ff1000ull
static uint64_t area[GUEST_BOOT_AREA / 8];

/* Walk the guest's tables as the CPU would, for a 2 MiB page */
static uint64_t walk(uint64_t va)
{
	uint64_t e = area[(va >> 39) & 511];	/* the PML4 is the area's first page */

	assert_int_equal(e & 0x83, 0x3);
	e = area[(e - AREA_GPA) / 8 + ((va >> 30) & 511)];
	assert_int_equal(e & 0x83, 0x3);
	e = area[(e & ~0xfffull) / 8 - AREA_GPA / 8 + ((va >> 21) & 511)];
	assert_int_equal(e & 0x83, 0x83);
	return (e & ~0x1fffffull & ((1ull << 52) - 1)) | (va & 0x1fffff);
}

static void test_identity_below_4g(void **state)
{
	struct guest_boot b;

	(void)state;
	memset(area, 0xa5, sizeof(area));
	guest_boot_build(area, AREA_GPA);
	guest_boot_layout(AREA_GPA, &b);
	assert_int_equal(b.cr3, AREA_GPA);
	assert_int_equal(GUEST_BOOT_AREA, 7 * 0x1000);
	assert_int_equal(walk(0), 0);
	assert_int_equal(walk(0x1234567), 0x1234567);
	assert_int_equal(walk(0x8000000), 0x8000000);
	assert_int_equal(walk(0xfffff000), 0xfffff000);
	/* nothing above 4 GiB */
	assert_int_equal(area[4], 0);
	assert_int_equal(area[1], 0);
}

static void test_gdt(void **state)
{
	struct guest_boot b;
	const uint64_t *gdt;

	(void)state;
	guest_boot_build(area, AREA_GPA);
	guest_boot_layout(AREA_GPA, &b);
	assert_int_equal(b.gdt_base, AREA_GPA + 6 * 0x1000);
	assert_int_equal(b.gdt_limit, 23);
	gdt = &area[(b.gdt_base - AREA_GPA) / 8];
	assert_int_equal(gdt[0], 0);
	assert_int_equal(gdt[1], 0x00209a0000000000ull);	/* L, P, code */
	assert_int_equal(gdt[2], 0x0000920000000000ull);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identity_below_4g),
		cmocka_unit_test(test_gdt),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
