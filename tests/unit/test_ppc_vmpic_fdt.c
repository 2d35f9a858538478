// SPDX-License-Identifier: MIT
/* Host test of the guest MPIC's device tree node (ports/ppc-booke/vmpic_fdt.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <libfdt.h>
#include <asm/mpic_regs.h>
#include <asm/vmpic.h>

static void test_fdt_node(void **state)
{
	static const char compat[] = "fsl,mpic\0chrp,open-pic";
	char fdt[4096];
	const fdt32_t *cells;
	int node, len;

	(void)state;
	assert_int_equal(fdt_create_empty_tree(fdt, sizeof(fdt)), 0);
	assert_int_equal(fdt_setprop_u32(fdt, 0, "#address-cells", 2), 0);
	assert_int_equal(fdt_setprop_u32(fdt, 0, "#size-cells", 2), 0);
	assert_int_equal(vmpic_fdt_node(fdt, 0xfe0040000ull), 0);
	node = fdt_path_offset(fdt, "/pic@fe0040000");
	assert_true(node >= 0);
	assert_int_equal(fdt_node_check_compatible(fdt, node, "fsl,mpic"), 0);
	assert_memory_equal(fdt_getprop(fdt, node, "compatible", &len), compat, sizeof(compat));
	assert_int_equal(len, sizeof(compat));
	cells = fdt_getprop(fdt, node, "reg", &len);
	assert_int_equal(len, 16);
	assert_int_equal(fdt32_to_cpu(cells[0]), 0xf);
	assert_int_equal(fdt32_to_cpu(cells[1]), 0xe0040000);
	assert_int_equal(fdt32_to_cpu(cells[2]), 0);
	assert_int_equal(fdt32_to_cpu(cells[3]), MPIC_SIZE);
	cells = fdt_getprop(fdt, node, "#interrupt-cells", &len);
	assert_int_equal(fdt32_to_cpu(*cells), 2);
	assert_non_null(fdt_getprop(fdt, node, "interrupt-controller", NULL));
	assert_string_equal(fdt_getprop(fdt, node, "device_type", NULL), "open-pic");
	/* The root's interrupt parent: every node of the tree resolves to it */
	cells = fdt_getprop(fdt, 0, "interrupt-parent", &len);
	assert_int_equal(len, 4);
	assert_int_equal(fdt32_to_cpu(*cells), fdt_get_phandle(fdt, node));
	assert_int_equal(fdt_node_offset_by_phandle(fdt, fdt32_to_cpu(*cells)), node);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fdt_node),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
