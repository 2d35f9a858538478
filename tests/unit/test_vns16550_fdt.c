// SPDX-License-Identifier: MIT
/*
 * Host tests of the emulated ns16550A's device tree node
 * (core/devices/vns16550_fdt.c): the properties Linux's of_serial and
 * U-Boot's ns16550 driver read, on the node core/guest_fdt.c makes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <libfdt.h>
#include <bulkhead/vuart.h>

static uint8_t blob[1024];

static uint32_t u32_prop(int node, const char *name)
{
	int len;
	const fdt32_t *val = fdt_getprop(blob, node, name, &len);

	assert_non_null(val);
	assert_int_equal(len, 4);
	return fdt32_to_cpu(*val);
}

static void test_node(void **state)
{
	int node;

	(void)state;
	assert_int_equal(fdt_create_empty_tree(blob, sizeof(blob)), 0);
	assert_string_equal(vuart_fdt.node_name, "serial");
	node = fdt_add_subnode(blob, 0, "serial@fe004500");
	assert_true(node >= 0);
	assert_int_equal(fdt_setprop(blob, node, "compatible", vuart_fdt.compatible,
				     vuart_fdt.compatible_len), 0);
	assert_int_equal(vuart_fdt.fdt_props(blob, "/serial@fe004500"), 0);

	node = fdt_path_offset(blob, "/serial@fe004500");
	assert_int_equal(fdt_node_check_compatible(blob, node, "ns16550a"), 0);
	assert_int_equal(u32_prop(node, "clock-frequency"), 1843200);
	assert_int_equal(u32_prop(node, "current-speed"), 115200);
	/* 1843200 / (16 * 115200): a whole divisor */
	assert_int_equal(1843200 % (16 * 115200), 0);
	assert_int_equal(u32_prop(node, "reg-shift"), 0);
	assert_int_equal(u32_prop(node, "reg-io-width"), 1);
	/* No clock node: the frequency is the node's own */
	assert_null(fdt_getprop(blob, node, "clocks", NULL));
}

static void test_missing_node(void **state)
{
	(void)state;
	assert_int_equal(fdt_create_empty_tree(blob, sizeof(blob)), 0);
	assert_int_equal(vuart_fdt.fdt_props(blob, "/serial@0"), -FDT_ERR_NOTFOUND);
}

static void test_full_tree(void **state)
{
	int node;

	(void)state;
	/* Room for the node, not for its properties: the error comes back */
	assert_int_equal(fdt_create_empty_tree(blob, 160), 0);
	node = fdt_add_subnode(blob, 0, "serial@0");
	assert_true(node >= 0);
	assert_int_equal(vuart_fdt.fdt_props(blob, "/serial@0"), -FDT_ERR_NOSPACE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_node),
		cmocka_unit_test(test_missing_node),
		cmocka_unit_test(test_full_tree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
