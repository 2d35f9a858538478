// SPDX-License-Identifier: MIT
/*
 * Host tests of the Book E port's config facts (ports/ppc-booke/
 * config_facts.c): every MPIC specifier QEMU's ppce500 tree writes is
 * accepted with the trigger its sense cell gives and the board's use of
 * its source named; the sources of the hypervisor's own devices are
 * marked so; sources past the MPIC's 256 and sense values past 3 are
 * refused with their exact words; and the port's limits, the guest MPIC
 * window among them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <libfdt.h>
#include <bulkhead/port.h>

#define WHY_MAX		96	/* as core/config_irqs.c's IRQ_WHY_MAX */

static int decode(uint32_t source, uint32_t sense, struct irq_desc *d, char *why)
{
	uint32_t spec[2] = { cpu_to_fdt32(source), cpu_to_fdt32(sense) };

	memset(d, 0x5a, sizeof(*d));
	strcpy(why, "untouched");
	return port_irq_decode(spec, d, why, WHY_MAX);
}

static void expect_source(uint32_t source, uint32_t sense, bool level, const char *used_by)
{
	char why[WHY_MAX];
	struct irq_desc d;

	assert_int_equal(decode(source, sense, &d, why), 0);
	assert_int_equal(d.irq, source);
	assert_int_equal(d.number, source);
	assert_int_equal(d.level, level);
	assert_false(d.per_cpu);
	assert_string_equal(d.kind, "source");
	if (used_by)
		assert_string_equal(d.used_by, used_by);
	else
		assert_null(d.used_by);
	assert_string_equal(why, "untouched");
}

static void expect_refused(uint32_t source, uint32_t sense, const char *reason)
{
	char why[WHY_MAX];
	struct irq_desc d;

	assert_int_equal(decode(source, sense, &d, why), -1);
	assert_string_equal(why, reason);
}

static void test_spec_cells(void **state)
{
	(void)state;
	assert_int_equal(port_irq_spec_cells(), 2);
}

/* The specifiers of `qemu-system-ppc -M ppce500 -machine dumpdtb=...` */
static void test_board_tree(void **state)
{
	(void)state;
	expect_source(42, 2, true, "the DUART, the hypervisor's console");
	expect_source(43, 2, true, "the I2C controller");
	expect_source(47, 2, true, "the GPIO controller");
	expect_source(24, 2, true, "the PCI host bridge");
	for (uint32_t s = 1; s <= 4; s++)
		expect_source(s, 1, true, "the PCI slots' INTA-INTD");
	for (uint32_t s = 224; s <= 231; s++)
		expect_source(s, 0, false, "the MPIC's shared MSI registers");
}

static void test_board_users_edges(void **state)
{
	(void)state;
	expect_source(0, 2, true, NULL);
	expect_source(5, 2, true, "QEMU's platform bus devices");
	expect_source(14, 2, true, "QEMU's platform bus devices");
	expect_source(15, 2, true, NULL);
	expect_source(16, 2, true, NULL);
	expect_source(23, 2, true, NULL);
	expect_source(25, 2, true, NULL);
	expect_source(41, 2, true, NULL);
	expect_source(44, 2, true, NULL);
	expect_source(48, 2, true, NULL);
	expect_source(223, 2, true, NULL);
	expect_source(232, 2, true, NULL);
	expect_source(255, 2, true, NULL);
}

/* Whether source @source is marked as raised by a device of the hypervisor's */
static bool hypervisors(uint32_t source)
{
	char why[WHY_MAX];
	struct irq_desc d;

	assert_int_equal(decode(source, 2, &d, why), 0);
	return d.hypervisors;
}

/* Every source the board wires is the hypervisor's but the I2C controller's */
static void test_hypervisors_sources(void **state)
{
	(void)state;
	assert_true(hypervisors(42));	/* the DUART */
	assert_true(hypervisors(24));
	assert_true(hypervisors(47));
	for (uint32_t s = 1; s <= 14; s++)
		assert_true(hypervisors(s));
	for (uint32_t s = 224; s <= 231; s++)
		assert_true(hypervisors(s));
	assert_false(hypervisors(43));	/* the I2C controller may be passed through */
	assert_false(hypervisors(0));
	assert_false(hypervisors(15));
	assert_false(hypervisors(41));
	assert_false(hypervisors(100));
	assert_false(hypervisors(223));
	assert_false(hypervisors(232));
}

static void test_sense(void **state)
{
	(void)state;
	expect_source(100, 0, false, NULL);	/* rising edge */
	expect_source(100, 1, true, NULL);	/* level, active low */
	expect_source(100, 2, true, NULL);	/* level, active high */
	expect_source(100, 3, false, NULL);	/* falling edge */
}

static void test_refused(void **state)
{
	(void)state;
	expect_refused(256, 2, "source 256 is beyond the board's MPIC, whose last is source 255");
	expect_refused(0xffffffff, 0,
		       "source 4294967295 is beyond the board's MPIC, whose last is source 255");
	/* the source is checked first */
	expect_refused(300, 9, "source 300 is beyond the board's MPIC, whose last is source 255");
	expect_refused(42, 4,
		       "sense 4: 0 or 3 (rising, falling edge), 1 or 2 (level, active low, high)");
	/* a GIC-style flags cell (4: level high) is not an MPIC sense */
	expect_refused(42, 8,
		       "sense 8: 0 or 3 (rising, falling edge), 1 or 2 (level, active low, high)");
	expect_refused(0, 0xffffffff,
		       "sense 4294967295: 0 or 3 (rising, falling edge), 1 or 2 (level, active low, high)");
}

static void test_limits(void **state)
{
	static const uint64_t sizes[] = {
		0x100000000ull, 0x40000000ull, 0x10000000ull, 0x4000000ull,
		0x1000000ull, 0x400000ull, 0x100000ull, 0x40000ull,
		0x10000ull, 0x4000ull, 0x1000ull, 0
	};

	(void)state;
	assert_int_equal(port_limits.guest_addr_bits, 36);
	assert_int_equal(port_limits.phys_addr_bits, 36);
	assert_int_equal(port_limits.nr_irqs, 256);
	assert_int_equal(sizeof(port_limits.block_sizes), sizeof(sizes));
	for (unsigned int i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		assert_int_equal(port_limits.block_sizes[i], sizes[i]);
	/* the one window every partition has: its emulated MPIC */
	assert_int_equal(port_limits.guest_windows[0].base, CONFIG_GUEST_MPIC_BASE);
	assert_int_equal(port_limits.guest_windows[0].size, 0x40000);
	assert_string_equal(port_limits.guest_windows[0].name, "the partition's emulated MPIC");
	assert_int_equal(port_limits.guest_windows[1].base, CONFIG_GUEST_SPIN_TABLE_BASE);
	assert_int_equal(port_limits.guest_windows[1].size, 0x1000);
	assert_string_equal(port_limits.guest_windows[1].name, "the partition's spin table");
	assert_int_equal(port_limits.guest_windows[2].size, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spec_cells),
		cmocka_unit_test(test_board_tree),
		cmocka_unit_test(test_board_users_edges),
		cmocka_unit_test(test_hypervisors_sources),
		cmocka_unit_test(test_sense),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
