// SPDX-License-Identifier: MIT
/*
 * Host tests of the emulated ePAPR spin table (ports/ppc-booke/
 * spin_table.c): what a boot holds, big-endian reads of every size, the
 * release (r3 and the 64-bit entry address it hands the hook), a second
 * release and writes to a running vCPU's entry ignored, vCPU 0's entry
 * never releasing, the accesses refused, and a reboot holding all again.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <asm/spin_table.h>

static struct spin_table table;
static unsigned int releases;
static struct { unsigned int vcpu; uint64_t entry, r3; } last;

static void release(struct spin_table *t, unsigned int vcpu, uint64_t entry, uint64_t r3)
{
	assert_ptr_equal(t, &table);
	/* The hook runs without the table's lock: it may read the table */
	assert_int_equal(t->lock.next, t->lock.owner);
	releases++;
	last.vcpu = vcpu;
	last.entry = entry;
	last.r3 = r3;
}

static int setup(void **state)
{
	(void)state;
	releases = 0;
	spin_table_init(&table, 3, release, NULL);
	return 0;
}

static uint32_t off(unsigned int vcpu, uint32_t field)
{
	return vcpu * SPIN_TABLE_ENTRY_SIZE + field;
}

static uint64_t rd(uint32_t o, unsigned int size)
{
	uint64_t v = 0xdeadbeef;

	assert_int_equal(spin_table_read(&table, o, size, &v), 0);
	return v;
}

static void wr(uint32_t o, uint32_t v)
{
	assert_int_equal(spin_table_write(&table, o, 4, v), 0);
}

static void test_held_at_boot(void **state)
{
	(void)state;
	for (unsigned int i = 1; i < 3; i++) {
		assert_int_equal(rd(off(i, SPIN_ADDR_HI), 4), 0);
		assert_int_equal(rd(off(i, SPIN_ADDR_LO), 4), SPIN_TABLE_HELD);
		assert_int_equal(rd(off(i, SPIN_R3_HI), 4), 0);
		assert_int_equal(rd(off(i, SPIN_R3_LO), 4), 0);
		assert_int_equal(rd(off(i, SPIN_RSVD), 4), 0);
		assert_int_equal(rd(off(i, SPIN_PIR), 4), i);
	}
	/* vCPU 0 runs: its entry is not held */
	assert_int_equal(rd(off(0, SPIN_ADDR_LO), 4), 0);
	assert_int_equal(rd(off(0, SPIN_PIR), 4), 0);
}

static void test_reads_big_endian(void **state)
{
	(void)state;
	wr(off(1, SPIN_R3_LO), 0x11223344);
	assert_int_equal(rd(off(1, SPIN_R3_LO), 1), 0x11);
	assert_int_equal(rd(off(1, SPIN_R3_LO) + 3, 1), 0x44);
	assert_int_equal(rd(off(1, SPIN_R3_LO), 2), 0x1122);
	assert_int_equal(rd(off(1, SPIN_R3_LO) + 2, 2), 0x3344);
	/* Past pir: zeros */
	assert_int_equal(rd(off(1, SPIN_FIELDS_END), 4), 0);
	assert_int_equal(rd(off(1, SPIN_TABLE_ENTRY_SIZE - 1), 1), 0);
	wr(off(1, SPIN_FIELDS_END), 0x55);
	assert_int_equal(rd(off(1, SPIN_FIELDS_END), 4), 0);
}

static void test_release(void **state)
{
	(void)state;
	wr(off(2, SPIN_R3_HI), 0x1);
	wr(off(2, SPIN_R3_LO), 0xc0ffee02);
	wr(off(2, SPIN_PIR), 2);
	wr(off(2, SPIN_ADDR_HI), 0);
	assert_int_equal(releases, 0);
	wr(off(2, SPIN_ADDR_LO), 0x00123450);
	assert_int_equal(releases, 1);
	assert_int_equal(last.vcpu, 2);
	assert_int_equal(last.entry, 0x00123450);
	assert_int_equal(last.r3, 0x1c0ffee02ull);
	/* Reads give what it held at the release */
	assert_int_equal(rd(off(2, SPIN_ADDR_LO), 4), 0x00123450);
	assert_int_equal(rd(off(2, SPIN_R3_LO), 4), 0xc0ffee02);
	/* vCPU 1 is still held */
	assert_int_equal(rd(off(1, SPIN_ADDR_LO), 4), SPIN_TABLE_HELD);
}

static void test_second_release_ignored(void **state)
{
	(void)state;
	wr(off(1, SPIN_ADDR_LO), 0x1000);
	assert_int_equal(releases, 1);
	wr(off(1, SPIN_R3_LO), 0xbad);
	wr(off(1, SPIN_PIR), 7);
	wr(off(1, SPIN_ADDR_HI), 0);
	wr(off(1, SPIN_ADDR_LO), 0x2000);
	assert_int_equal(releases, 1);
	assert_int_equal(rd(off(1, SPIN_ADDR_LO), 4), 0x1000);
	assert_int_equal(rd(off(1, SPIN_R3_LO), 4), 0);
	assert_int_equal(rd(off(1, SPIN_PIR), 4), 1);
	/* vCPU 0's entry never releases anything */
	wr(off(0, SPIN_ADDR_LO), 0x3000);
	assert_int_equal(releases, 1);
	assert_int_equal(rd(off(0, SPIN_ADDR_LO), 4), 0);
}

static void test_writing_held_keeps_it(void **state)
{
	(void)state;
	/* entry_addr = 1 again is no release */
	wr(off(1, SPIN_ADDR_LO), SPIN_TABLE_HELD);
	assert_int_equal(releases, 0);
	assert_int_equal(rd(off(1, SPIN_ADDR_LO), 4), SPIN_TABLE_HELD);
}

static void test_refused(void **state)
{
	uint64_t v;

	(void)state;
	/* Sizes and alignment */
	assert_int_equal(spin_table_write(&table, off(1, SPIN_ADDR_LO), 2, 0x1000), -1);
	assert_int_equal(spin_table_write(&table, off(1, SPIN_ADDR_LO) + 3, 1, 0x10), -1);
	assert_int_equal(spin_table_write(&table, off(1, SPIN_ADDR_LO), 8, 0x1000), -1);
	assert_int_equal(spin_table_write(&table, off(1, SPIN_ADDR_LO) + 2, 4, 0x1000), -1);
	assert_int_equal(spin_table_read(&table, off(1, SPIN_PIR) + 2, 4, &v), -1);
	assert_int_equal(spin_table_read(&table, off(1, SPIN_PIR) + 1, 2, &v), -1);
	assert_int_equal(spin_table_read(&table, off(1, SPIN_PIR), 8, &v), -1);
	assert_int_equal(spin_table_read(&table, off(1, SPIN_PIR), 3, &v), -1);
	/* Past the last vCPU's entry, within the window and beyond it */
	assert_int_equal(spin_table_read(&table, off(3, SPIN_ADDR_LO), 4, &v), -1);
	assert_int_equal(spin_table_write(&table, off(3, SPIN_ADDR_LO), 4, 0x1000), -1);
	assert_int_equal(spin_table_read(&table, SPIN_TABLE_SIZE, 4, &v), -1);
	/* Entry addresses no 1:1 mapping reaches, or that are not word-aligned */
	wr(off(1, SPIN_ADDR_HI), 1);
	assert_int_equal(spin_table_write(&table, off(1, SPIN_ADDR_LO), 4, 0x1000), -1);
	wr(off(1, SPIN_ADDR_HI), 0);
	assert_int_equal(spin_table_write(&table, off(1, SPIN_ADDR_LO), 4, 0x1002), -1);
	assert_int_equal(releases, 0);
	/* Still held: the refused writes changed nothing */
	assert_int_equal(rd(off(1, SPIN_ADDR_LO), 4), SPIN_TABLE_HELD);
	wr(off(1, SPIN_ADDR_LO), 0x1004);
	assert_int_equal(releases, 1);
}

static void test_reboot_holds_again(void **state)
{
	(void)state;
	wr(off(1, SPIN_R3_LO), 5);
	wr(off(1, SPIN_ADDR_LO), 0x1000);
	assert_int_equal(rd(off(1, SPIN_ADDR_LO), 4), 0x1000);
	spin_table_reset(&table);
	assert_int_equal(rd(off(1, SPIN_ADDR_LO), 4), SPIN_TABLE_HELD);
	assert_int_equal(rd(off(1, SPIN_R3_LO), 4), 0);
	assert_int_equal(rd(off(1, SPIN_PIR), 4), 1);
	wr(off(1, SPIN_ADDR_LO), 0x2000);
	assert_int_equal(releases, 2);
	assert_int_equal(last.entry, 0x2000);
	assert_int_equal(last.r3, 0);
}

static void test_mmio_ops(void **state)
{
	struct io_device dev = { .priv = &table };
	uint64_t v;

	(void)state;
	assert_int_equal(spin_table_mmio_ops.read(&dev, NULL, off(1, SPIN_PIR), 4, &v), 0);
	assert_int_equal(v, 1);
	assert_int_equal(spin_table_mmio_ops.write(&dev, NULL, off(1, SPIN_ADDR_LO), 4, 0x4000), 0);
	assert_int_equal(releases, 1);
	assert_int_equal(spin_table_mmio_ops.write(&dev, NULL, off(1, SPIN_ADDR_LO), 1, 0), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_held_at_boot, setup),
		cmocka_unit_test_setup(test_reads_big_endian, setup),
		cmocka_unit_test_setup(test_release, setup),
		cmocka_unit_test_setup(test_second_release_ignored, setup),
		cmocka_unit_test_setup(test_writing_held_keeps_it, setup),
		cmocka_unit_test_setup(test_refused, setup),
		cmocka_unit_test_setup(test_reboot_holds_again, setup),
		cmocka_unit_test_setup(test_mmio_ops, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
