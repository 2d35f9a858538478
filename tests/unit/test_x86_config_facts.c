// SPDX-License-Identifier: MIT
/* What the validator learns of the x86 port (ports/x86/config_facts.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>
#include <libfdt.h>

#include <bulkhead/port.h>

static int decode(uint32_t pin, uint32_t sense, struct irq_desc *d, char *why)
{
	fdt32_t cells[2] = { cpu_to_fdt32(pin), cpu_to_fdt32(sense) };

	return port_irq_decode(cells, d, why, 80);
}

static void test_limits(void **state)
{
	(void)state;
	assert_int_equal(port_limits.guest_addr_bits, 48);
	assert_int_equal(port_limits.phys_addr_bits, 52);
	assert_int_equal(port_limits.io_ports, 65536);
	assert_int_equal(port_limits.guest_boot_area, 0x7000);
	assert_int_equal(port_limits.block_sizes[0], 1ull << 30);
	assert_int_equal(port_limits.block_sizes[1], 2ull << 20);
	assert_int_equal(port_limits.block_sizes[2], 0);
	assert_int_equal(port_irq_spec_cells(), 2);
}

static void test_binding(void **state)
{
	struct irq_desc d;
	char why[80] = "";

	(void)state;
	assert_int_equal(decode(4, 0, &d, why), 0);
	assert_int_equal(d.irq, 4);
	assert_false(d.level);
	assert_string_equal(d.used_by, "COM1, the hypervisor's console");
	assert_string_equal(d.kind, "pin");
	assert_int_equal(decode(23, 1, &d, why), 0);
	assert_true(d.level);
	assert_null(d.used_by);
	assert_int_equal(decode(24, 0, &d, why), -1);
	assert_string_equal(why, "pin 24 is beyond the board's IOAPIC, whose last is pin 23");
	assert_int_equal(decode(5, 4, &d, why), -1);
	assert_non_null(strstr(why, "sense 4"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_binding),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
