// SPDX-License-Identifier: MIT
/*
 * Unit tests of io-ports in the config (core/config.c, core/config_io.c)
 * for a port with port I/O: the limits below are x86's, which no port
 * has yet (the x86 port will be the first). A console at ports, devices
 * with ports beside or instead of MMIO, each refused with its node path,
 * property and message when its ports are malformed, beyond the port's,
 * overlap each other in a partition, are passed through to two
 * partitions or are the hypervisor's. On a port without port I/O,
 * test_config_check.c and tests/tool/bad/ check the refusal.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <libfdt.h>

#include <bulkhead/port.h>

#include "config_tree.h"

const struct port_limits port_limits = {
	.guest_addr_bits = 52,
	.phys_addr_bits = 52,
	.nr_irqs = 256,
	.block_sizes = { 0x40000000, 0x200000, 0 },
	.io_ports = 0x10000,
};

/* The interrupt binding is not what these tests are about */
int config_check_irqs(const struct config *c, struct config_error *e)
{
	(void)c; (void)e;
	return 0;
}

#define ALPHA_CONSOLE	"/partitions/alpha/console@9000000"
#define BETA_DEVICE	"/partitions/beta/device@9010000"

/* good_tree() with alpha's console moved to COM1's ports */
static void *com1_tree(void)
{
	void *fdt = good_tree();

	assert_int_equal(fdt_delprop(fdt, at(fdt, ALPHA_CONSOLE), "reg"), 0);
	SET_CELLS(fdt, ALPHA_CONSOLE, "io-ports", 0x3f8, 8);
	return fdt;
}

static void expect_valid(void *fdt)
{
	assert_int_equal(config_parse(fdt, &cfg, &err), 0);
	assert_int_equal(config_validate(&cfg, &err), 0);
}

static void test_console_at_ports(void **state)
{
	const struct cfg_partition *alpha;

	(void)state;
	expect_valid(com1_tree());
	alpha = &cfg.part[0];
	assert_string_equal(alpha->name, "alpha");
	assert_true(alpha->has_console);
	assert_int_equal(alpha->console_size, 0);
	assert_int_equal(alpha->console_io.base, 0x3f8);
	assert_int_equal(alpha->console_io.size, 8);
	/* The same ports in another partition are that partition's own */
	add_node(com1_tree(), "/partitions/beta", "console");
	SET_CELLS(tree, "/partitions/beta/console", "io-ports", 0x3f8, 8);
	expect_valid(tree);
	/* The last port is one */
	SET_CELLS(tree, "/partitions/beta/console", "io-ports", 0xffff, 1);
	expect_valid(tree);
}

static void test_malformed(void **state)
{
	void *fdt = com1_tree();

	(void)state;
	set_range(fdt, ALPHA_CONSOLE, "reg", 0x09000000, 0x1000);
	expect_parse_error(fdt, ALPHA_CONSOLE, "io-ports",
			   "a console has reg or io-ports, not both");
	fdt = com1_tree();
	assert_int_equal(fdt_delprop(fdt, at(fdt, ALPHA_CONSOLE), "io-ports"), 0);
	expect_parse_error(fdt, ALPHA_CONSOLE, "reg", "missing: a console needs reg or io-ports");
	fdt = com1_tree();
	SET_CELLS(fdt, ALPHA_CONSOLE, "io-ports", 0x3f8);
	expect_parse_error(fdt, ALPHA_CONSOLE, "io-ports", "is 4 bytes long, expected 8");
	SET_CELLS(fdt, ALPHA_CONSOLE, "io-ports", 0x3f8, 8, 0x2f8, 8);
	expect_parse_error(fdt, ALPHA_CONSOLE, "io-ports", "is 16 bytes long, expected 8");
	SET_CELLS(fdt, ALPHA_CONSOLE, "io-ports", 0x3f8, 0);
	expect_parse_error(fdt, ALPHA_CONSOLE, "io-ports", "size is zero");
	fdt = good_tree();
	SET_CELLS(fdt, "/board", "hypervisor-io-ports", 0x3f8, 8, 0x2f8, 0);
	expect_parse_error(fdt, "/board", "hypervisor-io-ports", "size is zero");
}

static void test_device_ports(void **state)
{
	void *fdt = good_tree();
	const struct cfg_device *d;

	(void)state;
	/* Ports beside MMIO */
	SET_CELLS(fdt, BETA_DEVICE, "io-ports", 0x2f8, 8);
	expect_valid(fdt);
	d = &cfg.part[1].dev[0];
	assert_int_equal(d->size, 0x1000);
	assert_int_equal(d->io.base, 0x2f8);
	assert_int_equal(d->io.size, 8);
	/* Ports alone: no reg, so no phys-base either */
	assert_int_equal(fdt_delprop(fdt, at(fdt, BETA_DEVICE), "reg"), 0);
	expect_parse_error(fdt, BETA_DEVICE, "phys-base",
			   "needs reg: ports are passed through as they are");
	assert_int_equal(fdt_delprop(fdt, at(fdt, BETA_DEVICE), "phys-base"), 0);
	expect_valid(fdt);
	assert_int_equal(cfg.part[1].dev[0].size, 0);
	assert_int_equal(fdt_delprop(fdt, at(fdt, BETA_DEVICE), "io-ports"), 0);
	expect_parse_error(fdt, BETA_DEVICE, "reg", "missing: a device needs reg, io-ports or both");
}

static void test_beyond_the_ports(void **state)
{
	void *fdt = com1_tree();

	(void)state;
	SET_CELLS(fdt, ALPHA_CONSOLE, "io-ports", 0xfff8, 9);
	expect_invalid(fdt, ALPHA_CONSOLE, "io-ports",
		       "ports 0xfff8-0x10000 are beyond the 65536 ports this port has");
	fdt = good_tree();
	SET_CELLS(fdt, BETA_DEVICE, "io-ports", 0xffffffffu, 2);
	expect_invalid(fdt, BETA_DEVICE, "io-ports",
		       "ports 0xffffffff-0x100000000 are beyond the 65536 ports this port has");
	fdt = good_tree();
	SET_CELLS(fdt, "/board", "hypervisor-io-ports", 0x10000, 1);
	expect_invalid(fdt, "/board", "hypervisor-io-ports",
		       "ports 0x10000-0x10000 are beyond the 65536 ports this port has");
}

static void test_overlaps(void **state)
{
	void *fdt = com1_tree();

	(void)state;
	/* In one partition: its console and a device */
	add_region(fdt, "/partitions/alpha", "device@9020000", 0x09020000, 0x1000);
	SET_CELLS(fdt, "/partitions/alpha/device@9020000", "io-ports", 0x3fc, 2);
	expect_invalid(fdt, "/partitions/alpha/device@9020000", "io-ports",
		       "port range 0x3fc-0x3fd overlaps " ALPHA_CONSOLE);
	/* Two devices of one partition */
	SET_CELLS(fdt, "/partitions/alpha/device@9020000", "io-ports", 0x60, 1);
	add_region(fdt, "/partitions/alpha", "device@9030000", 0x09030000, 0x1000);
	SET_CELLS(fdt, "/partitions/alpha/device@9030000", "io-ports", 0x5f, 4);
	expect_invalid(fdt, "/partitions/alpha/device@9020000", "io-ports",
		       "port range 0x60-0x60 overlaps /partitions/alpha/device@9030000");
	/* A device's ports passed through to two partitions */
	SET_CELLS(fdt, "/partitions/alpha/device@9030000", "io-ports", 0x70, 2);
	SET_CELLS(fdt, BETA_DEVICE, "io-ports", 0x71, 1);
	expect_invalid(fdt, BETA_DEVICE, "io-ports",
		       "port range 0x71-0x71 overlaps /partitions/alpha/device@9030000");
	SET_CELLS(fdt, BETA_DEVICE, "io-ports", 0x3f8, 8);	/* alpha's console: its own */
	expect_valid(fdt);
}

static void test_hypervisor_ports(void **state)
{
	void *fdt = good_tree();

	(void)state;
	SET_CELLS(fdt, "/board", "hypervisor-io-ports", 0x3f8, 8, 0xf4, 4);
	expect_valid(fdt);
	assert_int_equal(cfg.board.nhv_io_ports, 2);
	assert_int_equal(cfg.board.hv_io_ports[1].base, 0xf4);
	SET_CELLS(fdt, BETA_DEVICE, "io-ports", 0xf0, 5);
	expect_invalid(fdt, BETA_DEVICE, "io-ports",
		       "0xf0-0xf4 overlaps the hypervisor's ports 0xf4-0xf7");
	/* An emulated console may sit at them: they are the partition's own */
	fdt = com1_tree();
	SET_CELLS(fdt, "/board", "hypervisor-io-ports", 0x3f8, 8);
	expect_valid(fdt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_console_at_ports),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_device_ports),
		cmocka_unit_test(test_beyond_the_ports),
		cmocka_unit_test(test_overlaps),
		cmocka_unit_test(test_hypervisor_ports),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
