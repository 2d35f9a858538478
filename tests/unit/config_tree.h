/* SPDX-License-Identifier: MIT */
/*
 * Config trees for the config_parse() and config_validate() tests
 * (test_config.c, test_config_check.c): a known-good tree built with
 * libfdt's read-write API, helpers to change it, and checks of the exact
 * error report. Include after <cmocka.h>.
 */
#ifndef TESTS_CONFIG_TREE_H
#define TESTS_CONFIG_TREE_H

#include <stddef.h>
#include <stdint.h>
#include <bulkhead/config.h>

#define PH_HELLO	1
#define PH_WORLD	2
#define PH_ALPHA	3
#define PH_BETA		4

extern char tree[16384];
extern struct config cfg;
extern struct config_error err;

/* Offset of the node at @path, which must exist. */
int at(void *fdt, const char *path);

void add_node(void *fdt, const char *parent, const char *name);
void set_str(void *fdt, const char *path, const char *prop, const char *s);
void set_u32(void *fdt, const char *path, const char *prop, uint32_t v);
void set_u64(void *fdt, const char *path, const char *prop, uint64_t v);
void set_cells(void *fdt, const char *path, const char *prop,
	       const uint32_t *cells, size_t n);

#define SET_CELLS(fdt, path, prop, ...) \
	set_cells(fdt, path, prop, (const uint32_t[]){ __VA_ARGS__ }, \
		  sizeof((const uint32_t[]){ __VA_ARGS__ }) / sizeof(uint32_t))

/* Two 64-bit values, as in reg = <base-hi base-lo size-hi size-lo>. */
void set_range(void *fdt, const char *path, const char *prop,
	       uint64_t base, uint64_t size);

/* Node @name under @parent with reg = <@base @size>. */
void add_region(void *fdt, const char *parent, const char *name,
		uint64_t base, uint64_t size);

/*
 * A valid config on a board with 6 GiB of RAM from 0x4000_0000 (QEMU virt
 * -m 6G), the first 160 MiB reserved; described in config_tree.c.
 */
void *good_tree(void);

/* err holds exactly this report. */
void assert_error(const char *path, const char *prop, const char *msg);

/* config_parse() rejects @fdt with this report. */
void expect_parse_error(void *fdt, const char *path, const char *prop,
			const char *msg);

/* config_parse() accepts @fdt, config_validate() rejects it so. */
void expect_invalid(void *fdt, const char *path, const char *prop,
		    const char *msg);

#endif
