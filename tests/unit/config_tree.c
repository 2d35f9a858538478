// SPDX-License-Identifier: MIT
/*
 * The config trees test_config.c and test_config_check.c start from; see
 * config_tree.h.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <libfdt.h>

#include "config_tree.h"

char tree[16384];
struct config cfg;
struct config_error err;

int at(void *fdt, const char *path)
{
	int node = fdt_path_offset(fdt, path);

	assert_true(node >= 0);
	return node;
}

void add_node(void *fdt, const char *parent, const char *name)
{
	assert_true(fdt_add_subnode(fdt, at(fdt, parent), name) >= 0);
}

void set_str(void *fdt, const char *path, const char *prop, const char *s)
{
	assert_int_equal(fdt_setprop_string(fdt, at(fdt, path), prop, s), 0);
}

void set_u32(void *fdt, const char *path, const char *prop, uint32_t v)
{
	assert_int_equal(fdt_setprop_u32(fdt, at(fdt, path), prop, v), 0);
}

void set_u64(void *fdt, const char *path, const char *prop, uint64_t v)
{
	assert_int_equal(fdt_setprop_u64(fdt, at(fdt, path), prop, v), 0);
}

void set_cells(void *fdt, const char *path, const char *prop,
	       const uint32_t *cells, size_t n)
{
	fdt32_t v[32];
	size_t i;

	assert_true(n <= 32);
	for (i = 0; i < n; i++)
		v[i] = cpu_to_fdt32(cells[i]);
	assert_int_equal(fdt_setprop(fdt, at(fdt, path), prop, v, n * 4), 0);
}

void set_range(void *fdt, const char *path, const char *prop,
	       uint64_t base, uint64_t size)
{
	SET_CELLS(fdt, path, prop, base >> 32, (uint32_t)base, size >> 32,
		  (uint32_t)size);
}

void add_region(void *fdt, const char *parent, const char *name,
		uint64_t base, uint64_t size)
{
	char path[128];

	add_node(fdt, parent, name);
	snprintf(path, sizeof(path), "%s/%s", parent, name);
	set_range(fdt, path, "reg", base, size);
}

/*
 * A valid config on a board with 6 GiB of RAM from 0x4000_0000 (QEMU virt
 * -m 6G), the first 160 MiB reserved. alpha sits above 4 GiB.
 * fdt_add_subnode() makes a node its parent's first child, so siblings are
 * added here last to first, and a node a test adds comes before the rest.
 */
void *good_tree(void)
{
	void *fdt = tree;

	assert_int_equal(fdt_create_empty_tree(fdt, sizeof(tree)), 0);
	set_str(fdt, "/", "compatible", "bulkhead,config");

	add_node(fdt, "/", "shared-memory");
	add_region(fdt, "/shared-memory", "ring@60000000", 0x60000000, 0x10000);
	set_u64(fdt, "/shared-memory/ring@60000000", "phys-base", 0x140000000ull);

	add_node(fdt, "/", "partitions");
	add_node(fdt, "/partitions", "beta");
	set_u32(fdt, "/partitions/beta", "phandle", PH_BETA);
	SET_CELLS(fdt, "/partitions/beta", "cpus", 2);
	set_u32(fdt, "/partitions/beta", "image", PH_WORLD);
	set_u64(fdt, "/partitions/beta", "load-address", 0x80100000);
	set_u64(fdt, "/partitions/beta", "entry", 0x80100400);
	set_str(fdt, "/partitions/beta", "fault-policy", "poweroff");
	add_region(fdt, "/partitions/beta", "device@9010000", 0x09010000, 0x1000);
	set_u64(fdt, "/partitions/beta/device@9010000", "phys-base", 0x0a000000);
	set_str(fdt, "/partitions/beta/device@9010000", "compatible", "arm,pl031");
	SET_CELLS(fdt, "/partitions/beta/device@9010000", "interrupts", 0, 2, 4);
	add_region(fdt, "/partitions/beta", "memory@80000000", 0x80000000, 0x200000);

	add_node(fdt, "/partitions", "alpha");
	set_u32(fdt, "/partitions/alpha", "phandle", PH_ALPHA);
	SET_CELLS(fdt, "/partitions/alpha", "cpus", 0, 1);
	set_u32(fdt, "/partitions/alpha", "image", PH_HELLO);
	set_str(fdt, "/partitions/alpha", "fault-policy", "restart");
	set_u32(fdt, "/partitions/alpha", "max-restarts", 5);
	set_str(fdt, "/partitions/alpha", "bootargs", "console=hvc0");
	add_region(fdt, "/partitions/alpha", "console@9000000", 0x09000000, 0x1000);
	add_region(fdt, "/partitions/alpha", "memory@50000000", 0x50000000, 0x100000);
	add_region(fdt, "/partitions/alpha", "memory@40000000", 0x40000000, 0x1000000);
	set_u64(fdt, "/partitions/alpha/memory@40000000", "phys-base", 0x100000000ull);
	SET_CELLS(fdt, "/shared-memory/ring@60000000", "partitions", PH_ALPHA, PH_BETA);

	add_node(fdt, "/", "images");
	add_node(fdt, "/images", "world");
	set_str(fdt, "/images/world", "file", "world.bin");
	set_u32(fdt, "/images/world", "phandle", PH_WORLD);
	add_node(fdt, "/images", "hello");
	set_str(fdt, "/images/hello", "file", "hello.bin");
	set_u32(fdt, "/images/hello", "phandle", PH_HELLO);

	add_node(fdt, "/", "board");
	set_range(fdt, "/board", "memory", 0x40000000, 0x180000000ull);
	set_range(fdt, "/board", "reserved", 0x40000000, 0x0a000000);
	set_u32(fdt, "/board", "cpus", 4);
	return fdt;
}

void assert_error(const char *path, const char *prop, const char *msg)
{
	assert_string_equal(err.path, path);
	assert_string_equal(err.prop, prop);
	assert_string_equal(err.msg, msg);
}

void expect_parse_error(void *fdt, const char *path, const char *prop,
			const char *msg)
{
	assert_int_equal(config_parse(fdt, &cfg, &err), -1);
	assert_error(path, prop, msg);
}

void expect_invalid(void *fdt, const char *path, const char *prop,
		    const char *msg)
{
	assert_int_equal(config_parse(fdt, &cfg, &err), 0);
	assert_int_equal(config_validate(&cfg, &err), -1);
	assert_error(path, prop, msg);
}

