// SPDX-License-Identifier: MIT
/*
 * Host test of a Book E partition's /cpus (ports/ppc-booke/guest_fdt.c):
 * the boot vCPU's node "okay", each secondary's "disabled" with
 * enable-method "spin-table" and a 64-bit cpu-release-addr naming its
 * entry of the partition's spin table.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>
#include <libfdt.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <asm/spin_table.h>

static void test_cpus(void **state)
{
	static struct partition part = { .nvcpus = 3 };
	char fdt[4096], path[64];
	const fdt64_t *addr;
	int node, len;

	(void)state;
	assert_int_equal(fdt_create_empty_tree(fdt, sizeof(fdt)), 0);
	assert_int_equal(port_guest_fdt(&part, fdt), 0);
	for (unsigned int i = 0; i < part.nvcpus; i++) {
		snprintf(path, sizeof(path), "/cpus/PowerPC,%s@%u", CONFIG_GUEST_CPU_NAME, i);
		node = fdt_path_offset(fdt, path);
		assert_true(node >= 0);
		assert_string_equal(fdt_getprop(fdt, node, "device_type", NULL), "cpu");
		addr = fdt_getprop(fdt, node, "cpu-release-addr", &len);
		if (!i) {
			assert_string_equal(fdt_getprop(fdt, node, "status", NULL), "okay");
			assert_null(fdt_getprop(fdt, node, "enable-method", NULL));
			assert_null(addr);
			continue;
		}
		assert_string_equal(fdt_getprop(fdt, node, "status", NULL), "disabled");
		assert_string_equal(fdt_getprop(fdt, node, "enable-method", NULL), "spin-table");
		assert_int_equal(len, 8);
		assert_int_equal(fdt64_to_cpu(*addr),
				 CONFIG_GUEST_SPIN_TABLE_BASE + i * SPIN_TABLE_ENTRY_SIZE);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cpus),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
