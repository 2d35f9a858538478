// SPDX-License-Identifier: MIT
/*
 * Unit tests for config_parse(): the known-good tree of config_tree.c, what
 * it is parsed into, and one change at a time that must be rejected with
 * an exact node path, property and message.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include <libfdt.h>

#include "config_tree.h"

static void test_good_config(void **state)
{
	void *fdt = good_tree();
	const struct cfg_partition *a = &cfg.part[0], *b = &cfg.part[1];

	(void)state;
	assert_int_equal(config_parse(fdt, &cfg, &err), 0);
	assert_int_equal(config_validate(&cfg, &err), 0);
	assert_ptr_equal(cfg.fdt, fdt);

	assert_int_equal(cfg.board.nram, 1);
	assert_int_equal(cfg.board.ram[0].base, 0x40000000);
	assert_int_equal(cfg.board.ram[0].size, 0x180000000ull);
	assert_int_equal(cfg.board.nreserved, 1);
	assert_int_equal(cfg.board.reserved[0].size, 0x0a000000);
	assert_int_equal(cfg.board.ncpus, 4);

	assert_int_equal(cfg.npart, 2);
	assert_string_equal(a->name, "alpha");
	assert_int_equal(a->node, at(fdt, "/partitions/alpha"));
	assert_int_equal(a->ncpus, 2);
	assert_int_equal(a->cpus[0], 0);
	assert_int_equal(a->cpus[1], 1);
	assert_int_equal(a->image.node, at(fdt, "/images/hello"));
	assert_false(a->image.staged);
	assert_int_equal(a->policy, FAULT_RESTART);
	assert_int_equal(a->max_restarts, 5);
	assert_int_equal(a->nmem, 2);
	assert_int_equal(a->mem[0].node, at(fdt, "/partitions/alpha/memory@40000000"));
	assert_int_equal(a->mem[0].guest_base, 0x40000000);
	assert_int_equal(a->mem[0].size, 0x1000000);
	assert_true(a->mem[0].phys_fixed);
	assert_int_equal(a->mem[0].phys_base, 0x100000000ull);
	assert_int_equal(a->mem[1].guest_base, 0x50000000);
	assert_int_equal(a->mem[1].size, 0x100000);
	assert_false(a->mem[1].phys_fixed);
	assert_true(a->has_console);
	assert_int_equal(a->console_node, at(fdt, "/partitions/alpha/console@9000000"));
	assert_int_equal(a->console_base, 0x09000000);
	assert_int_equal(a->console_size, 0x1000);
	assert_int_equal(a->ndev, 0);
	/* defaults: the first memory region, then load-address */
	assert_int_equal(a->load_addr, 0x40000000);
	assert_int_equal(a->entry, 0x40000000);

	assert_string_equal(b->name, "beta");
	assert_int_equal(b->ncpus, 1);
	assert_int_equal(b->cpus[0], 2);
	assert_int_equal(b->policy, FAULT_POWEROFF);
	assert_int_equal(b->max_restarts, CFG_UNLIMITED_RESTARTS);
	assert_int_equal(b->load_addr, 0x80100000);
	assert_int_equal(b->entry, 0x80100400);
	assert_false(b->has_console);
	assert_int_equal(b->ndev, 1);
	assert_int_equal(b->dev[0].node, at(fdt, "/partitions/beta/device@9010000"));
	assert_int_equal(b->dev[0].guest_base, 0x09010000);
	assert_int_equal(b->dev[0].size, 0x1000);
	assert_int_equal(b->dev[0].phys_base, 0x0a000000);

	assert_int_equal(cfg.nshm, 1);
	assert_string_equal(cfg.shm[0].name, "ring@60000000");
	assert_int_equal(cfg.shm[0].node, at(fdt, "/shared-memory/ring@60000000"));
	assert_int_equal(cfg.shm[0].guest_base, 0x60000000);
	assert_int_equal(cfg.shm[0].size, 0x10000);
	assert_true(cfg.shm[0].phys_fixed);
	assert_int_equal(cfg.shm[0].phys_base, 0x140000000ull);
	assert_int_equal(cfg.shm[0].nparts, 2);
	assert_int_equal(cfg.shm[0].parts[0], 0);
	assert_int_equal(cfg.shm[0].parts[1], 1);
}

static void test_defaults(void **state)
{
	void *fdt = good_tree();

	(void)state;
	fdt_delprop(fdt, at(fdt, "/partitions/alpha"), "fault-policy");
	fdt_delprop(fdt, at(fdt, "/partitions/alpha"), "max-restarts");
	fdt_delprop(fdt, at(fdt, "/partitions/beta"), "entry");
	fdt_delprop(fdt, at(fdt, "/partitions/beta/device@9010000"), "phys-base");
	assert_int_equal(config_parse(fdt, &cfg, &err), 0);
	assert_int_equal(cfg.part[0].policy, FAULT_HALT);
	assert_int_equal(cfg.part[0].max_restarts, CFG_UNLIMITED_RESTARTS);
	assert_int_equal(cfg.part[0].unmapped_access, UNMAPPED_FAULT);
	assert_int_equal(cfg.part[0].pmu, PMU_NONE);
	assert_int_equal(cfg.part[1].entry, 0x80100000);
	assert_int_equal(cfg.part[1].dev[0].phys_base, 0x09010000);
}

static void test_staged_image(void **state)
{
	void *fdt = good_tree();

	(void)state;
	set_u64(fdt, "/images/world", "load", 0x48010000);
	set_u64(fdt, "/images/world", "size", 0xfc000);
	assert_int_equal(config_parse(fdt, &cfg, &err), 0);
	assert_int_equal(config_validate(&cfg, &err), 0);
	assert_false(cfg.part[0].image.staged);
	assert_true(cfg.part[1].image.staged);
	assert_int_equal(cfg.part[1].image.phys, 0x48010000);
	assert_int_equal(cfg.part[1].image.size, 0xfc000);
}

/* beta boots hello.bin as its initrd; alpha's console has an interrupt. */
static void test_initrd_and_interrupts(void **state)
{
	void *fdt = good_tree();

	(void)state;
	set_u32(fdt, "/partitions/beta", "initrd", PH_HELLO);
	set_u64(fdt, "/partitions/beta", "initrd-address", 0x80180000);
	set_u64(fdt, "/images/hello", "load", 0x48020000);
	set_u64(fdt, "/images/hello", "size", 0x1000);
	SET_CELLS(fdt, "/partitions/alpha/console@9000000", "interrupts", 0, 1, 4);
	assert_int_equal(config_parse(fdt, &cfg, &err), 0);
	assert_int_equal(config_validate(&cfg, &err), 0);
	assert_int_equal(cfg.part[0].initrd.node, 0);
	assert_int_equal(cfg.part[1].initrd.node, at(fdt, "/images/hello"));
	assert_true(cfg.part[1].initrd.staged);
	assert_int_equal(cfg.part[1].initrd.phys, 0x48020000);
	assert_int_equal(cfg.part[1].initrd.size, 0x1000);
	assert_int_equal(cfg.part[1].initrd_addr, 0x80180000);
	/* 0x1000 bytes from 0x801fb800 reach the device tree in the top 16 KiB */
	set_u64(fdt, "/partitions/beta", "initrd-address", 0x801fb800);
	expect_invalid(fdt, "/partitions/beta", "initrd",
		       "initrd of 0x1000 bytes does not fit in the 0x800 bytes from initrd-address 0x801fb800 to the device tree at the top of its region");
	/* a console interrupt specifier is whole cells */
	fdt_setprop(fdt, at(fdt, "/partitions/alpha/console@9000000"), "interrupts", "abc", 3);
	expect_parse_error(fdt, "/partitions/alpha/console@9000000", "interrupts",
			   "is 3 bytes long, not a multiple of 4");
}

/* What dtc and users add without meaning config: not errors. */
static void test_ignored(void **state)
{
	void *fdt = good_tree();

	(void)state;
	set_u32(fdt, "/partitions", "#address-cells", 2);
	set_u32(fdt, "/partitions", "#size-cells", 2);
	add_node(fdt, "/", "__symbols__");
	set_str(fdt, "/__symbols__", "hello", "/images/hello");
	assert_int_equal(config_parse(fdt, &cfg, &err), 0);
}

/* Syntax and references: config_parse() rejects these. */

static void test_not_a_tree(void **state)
{
	(void)state;
	memset(tree, 0x5a, 64);
	expect_parse_error(tree, "/", "", "not a device tree blob: FDT_ERR_BADMAGIC");
}

static void test_bad_compatible(void **state)
{
	void *fdt = good_tree();

	(void)state;
	set_str(fdt, "/", "compatible", "linux,dummy-virt");
	expect_parse_error(fdt, "/", "compatible", "must be \"bulkhead,config\"");
	fdt_delprop(fdt, 0, "compatible");
	expect_parse_error(fdt, "/", "compatible", "missing required property");
}

static void test_unknown_node(void **state)
{
	void *fdt = good_tree();

	(void)state;
	add_node(fdt, "/partitions/alpha", "ram@70000000");
	expect_parse_error(fdt, "/partitions/alpha/ram@70000000", "", "unknown node");
	fdt = good_tree();
	add_node(fdt, "/", "chosen");
	expect_parse_error(fdt, "/chosen", "", "unknown node");
	fdt = good_tree();
	add_node(fdt, "/images/hello", "extra");
	expect_parse_error(fdt, "/images/hello/extra", "", "unknown node");
}

static void test_unknown_property(void **state)
{
	void *fdt = good_tree();

	(void)state;
	set_u32(fdt, "/partitions/alpha", "priority", 1);
	expect_parse_error(fdt, "/partitions/alpha", "priority", "unknown property");
	fdt = good_tree();
	set_u32(fdt, "/partitions/beta/memory@80000000", "cacheable", 1);
	expect_parse_error(fdt, "/partitions/beta/memory@80000000", "cacheable",
			   "unknown property");
	fdt = good_tree();
	set_u32(fdt, "/board", "clusters", 1);
	expect_parse_error(fdt, "/board", "clusters", "unknown property");
}

static void test_wrong_length(void **state)
{
	void *fdt = good_tree();

	(void)state;
	SET_CELLS(fdt, "/partitions/alpha/memory@50000000", "reg", 0x50000000, 0, 0x100000);
	expect_parse_error(fdt, "/partitions/alpha/memory@50000000", "reg",
			   "is 12 bytes long, expected 16");
	fdt = good_tree();
	set_u32(fdt, "/partitions/beta", "load-address", 0x80100000);
	expect_parse_error(fdt, "/partitions/beta", "load-address",
			   "is 4 bytes long, expected 8");
	fdt = good_tree();
	SET_CELLS(fdt, "/board", "memory", 0, 0x40000000, 0);
	expect_parse_error(fdt, "/board", "memory",
			   "is 12 bytes long, not a multiple of 16");
}

static void test_missing_required(void **state)
{
	void *fdt = good_tree();

	(void)state;
	fdt_delprop(fdt, at(fdt, "/partitions/alpha"), "cpus");
	expect_parse_error(fdt, "/partitions/alpha", "cpus", "missing required property");
	fdt = good_tree();
	fdt_delprop(fdt, at(fdt, "/partitions/beta"), "image");
	expect_parse_error(fdt, "/partitions/beta", "image", "missing required property");
	fdt = good_tree();
	fdt_delprop(fdt, at(fdt, "/images/world"), "file");
	expect_parse_error(fdt, "/images/world", "file", "missing required property");
	fdt = good_tree();
	fdt_del_node(fdt, at(fdt, "/partitions/beta/memory@80000000"));
	expect_parse_error(fdt, "/partitions/beta", "", "no memory region (memory@... node)");
	fdt = good_tree();
	fdt_del_node(fdt, at(fdt, "/board"));
	expect_parse_error(fdt, "/", "", "missing node \"board\"");
}

static void test_bad_image_ref(void **state)
{
	void *fdt = good_tree();

	(void)state;
	set_u32(fdt, "/partitions/beta", "image", PH_ALPHA);
	expect_parse_error(fdt, "/partitions/beta", "image",
			   "points to /partitions/alpha, not to a node under /images");
	set_u32(fdt, "/partitions/beta", "image", 99);
	expect_parse_error(fdt, "/partitions/beta", "image", "phandle 0x63 matches no node");
}

static void test_bad_policy(void **state)
{
	void *fdt = good_tree();

	(void)state;
	set_str(fdt, "/partitions/beta", "fault-policy", "reboot");
	expect_parse_error(fdt, "/partitions/beta", "fault-policy",
			   "unknown value \"reboot\", expected halt, restart or poweroff");
	set_str(fdt, "/partitions/beta", "fault-policy", "halt");
	set_u32(fdt, "/partitions/beta", "max-restarts", 3);
	expect_parse_error(fdt, "/partitions/beta", "max-restarts",
			   "needs fault-policy = \"restart\"");
}

static void test_access_choices(void **state)
{
	void *fdt = good_tree();

	(void)state;
	set_str(fdt, "/partitions/beta", "unmapped-access", "abort");
	set_str(fdt, "/partitions/beta", "pmu", "owned");
	assert_int_equal(config_parse(fdt, &cfg, &err), 0);
	assert_int_equal(cfg.part[1].unmapped_access, UNMAPPED_ABORT);
	assert_int_equal(cfg.part[1].pmu, PMU_OWNED);
	set_str(fdt, "/partitions/beta", "unmapped-access", "ignore");
	expect_parse_error(fdt, "/partitions/beta", "unmapped-access",
			   "unknown value \"ignore\", expected fault or abort");
	set_str(fdt, "/partitions/beta", "unmapped-access", "fault");
	set_str(fdt, "/partitions/beta", "pmu", "shared");
	expect_parse_error(fdt, "/partitions/beta", "pmu",
			   "unknown value \"shared\", expected none or owned");
}

static void test_limits(void **state)
{
	void *fdt = good_tree();
	char name[32], path[64];
	int i;

	(void)state;
	SET_CELLS(fdt, "/partitions/beta", "cpus", 0, 1, 2, 3, 4, 5, 6, 7, 8);
	expect_parse_error(fdt, "/partitions/beta", "cpus", "has 9 entries, at most 8 allowed");
	SET_CELLS(fdt, "/partitions/beta", "cpus", 256);
	expect_parse_error(fdt, "/partitions/beta", "cpus", "CPU 256 is out of range");

	fdt = good_tree();
	for (i = 1; i <= 8; i++) {
		snprintf(name, sizeof(name), "memory@a%d000000", i);
		add_region(fdt, "/partitions/beta", name, 0xa0000000 + i * 0x1000000ull, 0x1000);
	}
	/* the new regions come first: the old one is the ninth */
	expect_parse_error(fdt, "/partitions/beta/memory@80000000", "",
			   "too many memory regions, at most 8");

	fdt = good_tree();
	for (i = 0; i < 7; i++) {
		snprintf(name, sizeof(name), "p%d", i);
		snprintf(path, sizeof(path), "/partitions/p%d", i);
		add_node(fdt, "/partitions", name);
		SET_CELLS(fdt, path, "cpus", 3);
		set_u32(fdt, path, "image", PH_HELLO);
		add_region(fdt, path, "memory@90000000", 0x90000000, 0x1000);
	}
	expect_parse_error(fdt, "/partitions/beta", "", "too many partitions, at most 8");
}

static void test_long_name(void **state)
{
	void *fdt = good_tree();

	(void)state;
	fdt_set_name(fdt, at(fdt, "/partitions/beta"), "a-partition-name-of-32-chars-xyz");
	expect_parse_error(fdt, "/partitions/a-partition-name-of-32-chars-xyz", "",
			   "name is longer than 31 characters");
}

static void test_bad_ranges(void **state)
{
	void *fdt = good_tree();

	(void)state;
	set_range(fdt, "/partitions/beta/memory@80000000", "reg", 0x80000000, 0);
	expect_parse_error(fdt, "/partitions/beta/memory@80000000", "reg", "size is zero");
	set_range(fdt, "/partitions/beta/memory@80000000", "reg", 0xfffffffffffff000ull, 0x2000);
	expect_parse_error(fdt, "/partitions/beta/memory@80000000", "reg",
			   "range at 0xfffffffffffff000 of size 0x2000 wraps around");
}

static void test_half_staged(void **state)
{
	void *fdt = good_tree();

	(void)state;
	set_u64(fdt, "/images/hello", "load", 0x48010000);
	expect_parse_error(fdt, "/images/hello", "size",
			   "missing: \"load\" and \"size\" go together");
}

static void test_second_console(void **state)
{
	void *fdt = good_tree();

	(void)state;
	add_region(fdt, "/partitions/alpha", "console@9001000", 0x09001000, 0x1000);
	expect_parse_error(fdt, "/partitions/alpha/console@9000000", "",
			   "second console, a partition has one");
}

static void test_bad_peers(void **state)
{
	void *fdt = good_tree();

	(void)state;
	SET_CELLS(fdt, "/shared-memory/ring@60000000", "partitions", PH_ALPHA, PH_HELLO);
	expect_parse_error(fdt, "/shared-memory/ring@60000000", "partitions",
			   "points to /images/hello, not to a partition under /partitions");
	SET_CELLS(fdt, "/shared-memory/ring@60000000", "partitions", PH_BETA, PH_BETA);
	expect_parse_error(fdt, "/shared-memory/ring@60000000", "partitions",
			   "partition beta is listed twice");
}

/* What does not fit struct config_error is cut short, never overrun. */

static void test_long_path(void **state)
{
	void *fdt = good_tree();
	char name[128];

	(void)state;
	/* "/partitions/alpha/" and this 124-character name exceed CFG_PATH_MAX */
	snprintf(name, sizeof(name), "ram@%0120d", 7);
	add_node(fdt, "/partitions/alpha", name);
	expect_parse_error(fdt, name, "", "unknown node");
}

static void test_long_property_name(void **state)
{
	void *fdt = good_tree();

	(void)state;
	set_u32(fdt, "/partitions/alpha", "a-property-name-longer-than-31-characters", 1);
	expect_parse_error(fdt, "/partitions/alpha", "a-property-name-longer-than-31-",
			   "unknown property");
}

/* A name too long for a path is cut to CFG_PATH_MAX - 1 characters; the message stays whole. */
static void test_long_message(void **state)
{
	void *fdt = good_tree();
	char name[251], want[400];

	(void)state;
	memset(name, 'x', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	assert_int_equal(fdt_set_name(fdt, at(fdt, "/images/hello"), name), 0);
	SET_CELLS(fdt, "/shared-memory/ring@60000000", "partitions", PH_ALPHA, PH_HELLO);
	snprintf(want, sizeof(want), "points to %.*s, not to a partition under /partitions",
		 CFG_PATH_MAX - 1, name);
	assert_true(strlen(want) < sizeof(err.msg));
	expect_parse_error(fdt, "/shared-memory/ring@60000000", "partitions", want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_config),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_staged_image),
		cmocka_unit_test(test_initrd_and_interrupts),
		cmocka_unit_test(test_ignored),
		cmocka_unit_test(test_not_a_tree),
		cmocka_unit_test(test_bad_compatible),
		cmocka_unit_test(test_unknown_node),
		cmocka_unit_test(test_unknown_property),
		cmocka_unit_test(test_wrong_length),
		cmocka_unit_test(test_missing_required),
		cmocka_unit_test(test_bad_image_ref),
		cmocka_unit_test(test_bad_policy),
		cmocka_unit_test(test_access_choices),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_long_name),
		cmocka_unit_test(test_bad_ranges),
		cmocka_unit_test(test_half_staged),
		cmocka_unit_test(test_second_console),
		cmocka_unit_test(test_bad_peers),
		cmocka_unit_test(test_long_path),
		cmocka_unit_test(test_long_property_name),
		cmocka_unit_test(test_long_message),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
