// SPDX-License-Identifier: MIT
/*
 * Unit tests for config_validate(): trees that config_parse() accepts but
 * whose values do not fit together or on the board, each rejected with an
 * exact node path, property and message. The trees come from config_tree.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <bulkhead/placement.h>

#include "config_tree.h"

static void test_guest_overlaps(void **state)
{
	void *fdt = good_tree();

	(void)state;
	add_region(fdt, "/partitions/alpha", "memory@40800000", 0x40800000, 0x1000000);
	expect_invalid(fdt, "/partitions/alpha/memory@40000000", "reg",
		       "guest range 0x40000000-0x40ffffff overlaps /partitions/alpha/memory@40800000");
	fdt = good_tree();
	set_range(fdt, "/partitions/alpha/console@9000000", "reg", 0x50000000, 0x1000);
	expect_invalid(fdt, "/partitions/alpha/console@9000000", "reg",
		       "guest range 0x50000000-0x50000fff overlaps /partitions/alpha/memory@50000000");
	fdt = good_tree();
	set_range(fdt, "/partitions/beta/device@9010000", "reg", 0x80001000, 0x1000);
	expect_invalid(fdt, "/partitions/beta/device@9010000", "reg",
		       "guest range 0x80001000-0x80001fff overlaps /partitions/beta/memory@80000000");
	fdt = good_tree();
	set_range(fdt, "/shared-memory/ring@60000000", "reg", 0x80100000, 0x10000);
	expect_invalid(fdt, "/shared-memory/ring@60000000", "reg",
		       "guest range 0x80100000-0x8010ffff overlaps /partitions/beta/memory@80000000");
}

static void test_misaligned(void **state)
{
	void *fdt = good_tree();

	(void)state;
	set_range(fdt, "/partitions/alpha/memory@50000000", "reg", 0x50000800, 0x100000);
	expect_invalid(fdt, "/partitions/alpha/memory@50000000", "reg",
		       "base 0x50000800 is not a multiple of 4 KiB");
	set_range(fdt, "/partitions/alpha/memory@50000000", "reg", 0x50000000, 0x1234);
	expect_invalid(fdt, "/partitions/alpha/memory@50000000", "reg",
		       "size 0x1234 is not a multiple of 4 KiB");
	fdt = good_tree();
	set_u64(fdt, "/shared-memory/ring@60000000", "phys-base", 0x140000010ull);
	expect_invalid(fdt, "/shared-memory/ring@60000000", "phys-base",
		       "address 0x140000010 is not a multiple of 4 KiB");
}

static void test_phys_placement(void **state)
{
	void *fdt = good_tree();

	(void)state;
	set_u64(fdt, "/partitions/alpha/memory@40000000", "phys-base", 0x1bf800000ull);
	expect_invalid(fdt, "/partitions/alpha/memory@40000000", "phys-base",
		       "0x1bf800000-0x1c07fffff is outside the board's RAM");
	set_u64(fdt, "/partitions/alpha/memory@40000000", "phys-base", 0x49800000);
	expect_invalid(fdt, "/partitions/alpha/memory@40000000", "phys-base",
		       "0x49800000-0x4a7fffff overlaps reserved 0x40000000-0x49ffffff");
	set_u64(fdt, "/partitions/alpha/memory@40000000", "phys-base", 0x13f800000ull);
	expect_invalid(fdt, "/shared-memory/ring@60000000", "phys-base",
		       "physical range 0x140000000-0x14000ffff overlaps /partitions/alpha/memory@40000000");
	fdt = good_tree();
	set_u64(fdt, "/partitions/beta/memory@80000000", "phys-base", 0x100100000ull);
	expect_invalid(fdt, "/partitions/beta/memory@80000000", "phys-base",
		       "physical range 0x100100000-0x1002fffff overlaps /partitions/alpha/memory@40000000");
}

static void test_cpus(void **state)
{
	void *fdt = good_tree();

	(void)state;
	SET_CELLS(fdt, "/partitions/beta", "cpus", 2, 1);
	expect_invalid(fdt, "/partitions/beta", "cpus", "CPU 1 is already given to alpha");
	SET_CELLS(fdt, "/partitions/beta", "cpus", 2, 3, 2);
	expect_invalid(fdt, "/partitions/beta", "cpus", "CPU 2 is listed twice");
	SET_CELLS(fdt, "/partitions/beta", "cpus", 4);
	expect_invalid(fdt, "/partitions/beta", "cpus", "CPU 4 does not exist, the board has 4");
}

static void test_boot_addresses(void **state)
{
	void *fdt = good_tree();

	(void)state;
	set_u64(fdt, "/partitions/beta", "load-address", 0x80200000);
	expect_invalid(fdt, "/partitions/beta", "load-address",
		       "0x80200000 is outside the partition's memory");
	fdt = good_tree();
	set_u64(fdt, "/partitions/beta", "entry", 0x7ffffffc);
	expect_invalid(fdt, "/partitions/beta", "entry",
		       "0x7ffffffc is outside the partition's memory");
}

static void test_staged_image_checks(void **state)
{
	void *fdt = good_tree();

	(void)state;
	set_u64(fdt, "/images/world", "load", 0x48010000);
	/* the top 16 KiB of beta's first (only) region hold its device tree */
	set_u64(fdt, "/images/world", "size", 0xfc001);
	expect_invalid(fdt, "/partitions/beta", "image",
		       "image of 0xfc001 bytes does not fit in the 0xfc000 bytes from "
		       "load-address 0x80100000 to the device tree at the top of its region");
	set_u64(fdt, "/images/world", "load", 0x49ff0000);
	set_u64(fdt, "/images/world", "size", 0x20000);
	expect_invalid(fdt, "/images/world", "load",
		       "staged image 0x49ff0000-0x4a00ffff is not inside a reserved range");
}

static void test_devices(void **state)
{
	void *fdt = good_tree();

	(void)state;
	set_u64(fdt, "/partitions/beta/device@9010000", "phys-base", 0x7ffff000);
	expect_invalid(fdt, "/partitions/beta/device@9010000", "phys-base",
		       "0x7ffff000-0x7fffffff overlaps board RAM 0x40000000-0x1bfffffff");
	fdt = good_tree();
	add_region(fdt, "/partitions/alpha", "device@a000000", 0x0a000000, 0x1000);
	expect_invalid(fdt, "/partitions/beta/device@9010000", "phys-base",
		       "physical range 0xa000000-0xa000fff overlaps /partitions/alpha/device@a000000");
}

/* Fixed placements first, then the rest in config order, block-aligned. */
static void test_placement(void **state)
{
	void *fdt = good_tree();
	struct placement pl;

	(void)state;
	assert_int_equal(config_parse(fdt, &cfg, &err), 0);
	assert_int_equal(config_validate(&cfg, &err), 0);
	assert_int_equal(config_place(&cfg, cfg.board.ram, cfg.board.nram, &pl, &err), 0);
	assert_int_equal(pl.mem[0][0], 0x100000000ull);	/* alpha: phys-base */
	assert_int_equal(pl.mem[0][1], 0x4a000000);	/* 1 MiB: page-aligned */
	assert_int_equal(pl.mem[1][0], 0x4a200000);	/* 2 MiB at a 2 MiB guest address */
	assert_int_equal(pl.shm[0], 0x140000000ull);

	/* Fewer RAM than the config's board says, as the hypervisor may find */
	cfg.board.ram[0].size = 0x0a100000;
	assert_int_equal(config_place(&cfg, cfg.board.ram, cfg.board.nram, &pl, &err), -1);
	assert_error("/partitions/alpha/memory@40000000", "phys-base",
		     "0x100000000-0x100ffffff is not free RAM: the board's RAM less what is reserved, the hypervisor, its package and other fixed placements");
}

static void test_placement_no_room(void **state)
{
	void *fdt = good_tree();
	struct placement pl;

	(void)state;
	set_range(fdt, "/partitions/beta/memory@80000000", "reg", 0x80000000, 0x200000000ull);
	assert_int_equal(config_parse(fdt, &cfg, &err), 0);
	assert_int_equal(config_place(&cfg, cfg.board.ram, cfg.board.nram, &pl, &err), -1);
	assert_error("/partitions/beta/memory@80000000", "reg",
		     "no room for 8 GiB (1 GiB-aligned): 6110144 KiB of RAM free, the largest piece 2911 MiB");
}

/* The Cortex-A15 has no port I/O: every io-ports is refused where it is */
static void test_no_port_io(void **state)
{
	void *fdt = good_tree();

	(void)state;
	SET_CELLS(fdt, "/partitions/beta/device@9010000", "io-ports", 0x2f8, 8);
	expect_invalid(fdt, "/partitions/beta/device@9010000", "io-ports",
		       "this port has no port I/O");
	fdt = good_tree();
	SET_CELLS(fdt, "/board", "hypervisor-io-ports", 0x3f8, 8);
	expect_invalid(fdt, "/board", "hypervisor-io-ports", "this port has no port I/O");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_placement),
		cmocka_unit_test(test_placement_no_room),
		cmocka_unit_test(test_guest_overlaps),
		cmocka_unit_test(test_misaligned),
		cmocka_unit_test(test_phys_placement),
		cmocka_unit_test(test_cpus),
		cmocka_unit_test(test_boot_addresses),
		cmocka_unit_test(test_staged_image_checks),
		cmocka_unit_test(test_devices),
		cmocka_unit_test(test_no_port_io),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
