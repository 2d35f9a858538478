// SPDX-License-Identifier: MIT
/*
 * Host tests of the port-I/O bus and its exit (core/pio.c, core/iobus.c):
 * accesses of 1, 2 and 4 bytes reaching the device whose ports hold them
 * at the right offset, with the accessing vCPU; ports with no device
 * reading all ones and dropping writes, unreported; accesses of another
 * size, half on a device, or refused by its model reported as faults;
 * registrations that overlap, pass port 0xffff or fill the bus refused.
 * No port produces EXIT_PIO yet (the x86 port will be the first): these
 * tests are what exercises it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <bulkhead/health.h>
#include <bulkhead/partition.h>
#include <bulkhead/pio.h>

static struct partition part;
static struct vcpu vcpu = { .part = &part, .index = 1 };

/* What the device models and the health monitor saw */
static struct io_device *last_dev;
static struct vcpu *last_vcpu;
static uint32_t last_off;
static unsigned int last_size;
static uint64_t last_written;
static unsigned int accesses;
static int faults;
static enum fault_kind fault_kind;
static uint64_t fault_addr;

enum exit_action health_fault(struct vcpu *v, enum fault_kind kind, const char *detail,
			      uint64_t pc, uint64_t addr, uint64_t syndrome)
{
	(void)detail; (void)pc; (void)syndrome;
	assert_ptr_equal(v, &vcpu);
	fault_kind = kind;
	fault_addr = addr;
	faults++;
	return EXIT_RESCHEDULE;
}

static void seen(struct io_device *dev, struct vcpu *v, uint32_t off, unsigned int size)
{
	last_dev = dev;
	last_vcpu = v;
	last_off = off;
	last_size = size;
	accesses++;
}

/* Any size but 8; reads answer a device tag, the offset and bits above the size */
static int model_read(struct io_device *dev, struct vcpu *v, uint32_t off,
		      unsigned int size, uint64_t *val)
{
	if (size == 8)
		return -1;
	seen(dev, v, off, size);
	*val = 0xabcd000000000000ull | (uintptr_t)dev->priv | off;
	return 0;
}

static int model_write(struct io_device *dev, struct vcpu *v, uint32_t off,
		       unsigned int size, uint64_t val)
{
	if (size == 8)
		return -1;
	seen(dev, v, off, size);
	last_written = val;
	return 0;
}

/* Bytes only, like a 16550 */
static int byte_read(struct io_device *dev, struct vcpu *v, uint32_t off,
		     unsigned int size, uint64_t *val)
{
	return size == 1 ? model_read(dev, v, off, size, val) : -1;
}

static const struct io_ops model = { .read = model_read, .write = model_write };
static const struct io_ops bytes = { .read = byte_read, .write = model_write };

#define COM1		0x3f8
#define PM_BASE		0xb000	/* a block of word registers */

static int setup(void **state)
{
	(void)state;
	memset(&part, 0, sizeof(part));
	part.name = "pc";
	last_dev = NULL;
	last_vcpu = NULL;
	accesses = 0;
	faults = 0;
	assert_int_equal(pio_register(&part, COM1, 8, &bytes, (void *)0x10000), 0);
	assert_int_equal(pio_register(&part, PM_BASE, 0x40, &model, (void *)0x20000), 0);
	return 0;
}

static int port_read(uint16_t port, unsigned int size, uint32_t *val)
{
	struct pio_access a = { .port = port, .size = size, .value = 0x5a5a5a5a };
	int err = pio_emulate(&vcpu, &part.pio, &a);

	*val = a.value;
	return err;
}

static int port_write(uint16_t port, unsigned int size, uint32_t val)
{
	struct pio_access a = { .port = port, .size = size, .write = true, .value = val };

	return pio_emulate(&vcpu, &part.pio, &a);
}

static void test_sizes_reach_the_device(void **state)
{
	uint32_t val;

	(void)state;
	assert_int_equal(port_read(COM1 + 5, 1, &val), 0);
	assert_ptr_equal(last_dev, &part.pio.dev[0]);
	assert_ptr_equal(last_vcpu, &vcpu);
	assert_int_equal(last_off, 5);
	assert_int_equal(val, 0x05);	/* only the byte read */
	assert_int_equal(port_read(PM_BASE + 4, 2, &val), 0);
	assert_int_equal(last_size, 2);
	assert_int_equal(val, 0x0004);
	assert_int_equal(port_read(PM_BASE + 0x3c, 4, &val), 0);
	assert_ptr_equal(last_dev, &part.pio.dev[1]);
	assert_int_equal(last_off, 0x3c);
	assert_int_equal(val, 0x2003c);
	assert_int_equal(port_write(PM_BASE + 8, 4, 0xcafef00d), 0);
	assert_int_equal(last_written, 0xcafef00d);
	assert_int_equal(port_write(COM1, 1, 'x'), 0);
	assert_int_equal(last_off, 0);
	assert_int_equal(last_written, 'x');
	assert_int_equal(faults, 0);
}

/* A PC's floating bus: all ones for each size, writes dropped, no report */
static void test_unmapped_ports(void **state)
{
	struct vm_exit e = { .kind = EXIT_PIO, .pio = { .port = 0x80, .size = 1, .write = true } };
	uint32_t val;

	(void)state;
	assert_int_equal(port_read(0x60, 1, &val), 0);
	assert_int_equal(val, 0xff);
	assert_int_equal(port_read(0x2f8, 2, &val), 0);
	assert_int_equal(val, 0xffff);
	assert_int_equal(port_read(0xcfc, 4, &val), 0);
	assert_int_equal(val, 0xffffffff);
	assert_int_equal(port_read(COM1 + 8, 1, &val), 0);	/* just past it */
	assert_int_equal(port_read(0xffff, 4, &val), 0);	/* past the last port */
	assert_int_equal(val, 0xffffffff);
	assert_int_equal(port_write(COM1 - 1, 1, 0), 0);
	assert_int_equal(pio_handle_exit(&vcpu, &e), EXIT_RESUME);
	assert_int_equal(accesses, 0);
	assert_int_equal(faults, 0);
}

static void test_refused_accesses(void **state)
{
	struct vm_exit e = { .kind = EXIT_PIO, .pc = 0x1000, .pio = { .port = COM1, .size = 2 } };
	uint32_t val;

	(void)state;
	/* No such size on x86: nothing reaches even the floating bus */
	assert_int_equal(port_read(0x60, 3, &val), IO_REFUSED);
	assert_int_equal(port_read(PM_BASE, 8, &val), IO_REFUSED);
	assert_int_equal(port_write(PM_BASE, 0, 0), IO_REFUSED);
	/* Half on a device: not the floating bus, and not the device's */
	assert_int_equal(port_read(COM1 + 6, 4, &val), IO_REFUSED);
	assert_int_equal(port_write(COM1 - 2, 4, 0), IO_REFUSED);
	assert_int_equal(port_read(PM_BASE + 0x3e, 4, &val), IO_REFUSED);
	assert_int_equal(accesses, 0);
	assert_int_equal(val, 0x5a5a5a5a);	/* nothing written back */

	/* The model's refusal, through the exit path: a report naming the port */
	assert_int_equal(pio_handle_exit(&vcpu, &e), EXIT_RESCHEDULE);
	assert_int_equal(faults, 1);
	assert_int_equal(fault_kind, FAULT_UNDECODABLE_ACCESS);
	assert_int_equal(fault_addr, COM1);
	e.pio.size = 3;
	e.pio.port = 0x60;
	assert_int_equal(pio_handle_exit(&vcpu, &e), EXIT_RESCHEDULE);
	assert_int_equal(faults, 2);
	assert_int_equal(fault_addr, 0x60);
}

static void test_exit_path_value(void **state)
{
	struct vm_exit e = { .kind = EXIT_PIO, .pio = { .port = PM_BASE + 2, .size = 2 } };

	(void)state;
	assert_int_equal(pio_handle_exit(&vcpu, &e), EXIT_RESUME);
	assert_int_equal(e.pio.value, 0x0002);
	e.pio.port = 0x64;
	assert_int_equal(pio_handle_exit(&vcpu, &e), EXIT_RESUME);
	assert_int_equal(e.pio.value, 0xffff);
}

/* The recent device is tried first but never takes what it does not hold */
static void test_recent_device(void **state)
{
	uint32_t val;

	(void)state;
	assert_int_equal(port_read(PM_BASE, 4, &val), 0);
	assert_ptr_equal(part.pio.recent, &part.pio.dev[1]);
	assert_int_equal(port_read(COM1 + 7, 1, &val), 0);
	assert_ptr_equal(last_dev, &part.pio.dev[0]);
	assert_ptr_equal(part.pio.recent, &part.pio.dev[0]);
	assert_int_equal(port_read(COM1 + 7, 2, &val), IO_REFUSED);
	assert_ptr_equal(part.pio.recent, &part.pio.dev[0]);
}

static void test_registration(void **state)
{
	(void)state;
	/* Overlapping what is there, at either end or inside: refused */
	assert_int_equal(pio_register(&part, COM1 + 7, 1, &model, NULL), -1);
	assert_int_equal(pio_register(&part, COM1 - 1, 2, &model, NULL), -1);
	assert_int_equal(pio_register(&part, COM1 - 8, 0x20, &model, NULL), -1);
	assert_int_equal(pio_register(&part, PM_BASE + 0x10, 4, &model, NULL), -1);
	/* Nothing, or past port 0xffff */
	assert_int_equal(pio_register(&part, 0x2f8, 0, &model, NULL), -1);
	assert_int_equal(pio_register(&part, 0xfff8, 9, &model, NULL), -1);
	assert_int_equal(pio_register(&part, 0x10000, 1, &model, NULL), -1);
	assert_int_equal(pio_register(&part, 0xffffffffu, 2, &model, NULL), -1);
	assert_int_equal(part.pio.count, 2);
	/* Right next to a device, and the very last port: fine */
	assert_int_equal(pio_register(&part, COM1 + 8, 8, &model, NULL), 0);
	assert_int_equal(pio_register(&part, COM1 - 8, 8, &model, NULL), 0);
	assert_int_equal(pio_register(&part, 0xffff, 1, &model, NULL), 0);
	while (part.pio.count < IO_BUS_MAX_DEVICES)
		assert_int_equal(pio_register(&part, 0x100 + 0x10 * part.pio.count, 0x10,
					      &model, NULL), 0);
	assert_int_equal(pio_register(&part, 0x1000, 1, &model, NULL), -1);
	/* Ports are no guest-physical range: the guest map is untouched */
	assert_int_equal(part.nregions, 0);
	assert_int_equal(part.mmio.count, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_sizes_reach_the_device, setup),
		cmocka_unit_test_setup(test_unmapped_ports, setup),
		cmocka_unit_test_setup(test_refused_accesses, setup),
		cmocka_unit_test_setup(test_exit_path_value, setup),
		cmocka_unit_test_setup(test_recent_device, setup),
		cmocka_unit_test_setup(test_registration, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
