// SPDX-License-Identifier: MIT
/*
 * Host tests of the MMIO registry and dispatch (core/mmio.c): which device
 * an access lands on at the window edges and above 4 GiB, the offset it
 * gets, the recently used device looked at first, refusals, what the
 * EXIT_MMIO path reports, and each window recorded in the partition's
 * guest map as an emulated region, never mapped.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <bulkhead/health.h>
#include <bulkhead/mmio.h>
#include <bulkhead/partition.h>

static struct partition part;
static struct vcpu vcpu = { .part = &part };

/* What the device models and the health monitor saw */
static struct io_device *last_dev;
static struct vcpu *last_vcpu;
static uint32_t last_off;
static unsigned int last_size;
static uint64_t last_written;
static int faults;
static enum fault_kind fault_kind;
/* What the health monitor answers: it alone decides */
static enum exit_action fault_answer = EXIT_RESCHEDULE;

enum exit_action health_fault(struct vcpu *v, enum fault_kind kind, const char *detail,
			      uint64_t pc, uint64_t addr, uint64_t syndrome)
{
	(void)v; (void)detail; (void)pc; (void)addr; (void)syndrome;
	fault_kind = kind;
	faults++;
	return fault_answer;
}

/* Emulated windows are never the port's to map; overlap messages */
static int guest_maps;
int port_guest_map(struct partition *p, gpaddr_t gpa, paddr_t pa, uint64_t size,
		   unsigned int attrs)
{
	(void)p; (void)gpa; (void)pa; (void)size; (void)attrs;
	return ++guest_maps;
}
void hv_printf(const char *fmt, ...) { (void)fmt; }

/* Reads answer the offset plus a device tag; word accesses only. */
static int model_read(struct io_device *dev, struct vcpu *v, uint32_t off,
		      unsigned int size, uint64_t *val)
{
	if (size != 4)
		return -1;
	last_vcpu = v;
	last_dev = dev;
	last_off = off;
	last_size = size;
	*val = off + (uintptr_t)dev->priv;
	return 0;
}

static int model_write(struct io_device *dev, struct vcpu *v, uint32_t off,
		       unsigned int size, uint64_t val)
{
	if (size != 4)
		return -1;
	last_vcpu = v;
	last_dev = dev;
	last_off = off;
	last_size = size;
	last_written = val;
	return 0;
}

static const struct io_ops model = { .read = model_read, .write = model_write };

#define LOW_BASE	0x09000000ull
#define LOW_SIZE	0x1000ull
#define HIGH_BASE	0x140000000ull	/* above 4 GiB */
#define HIGH_SIZE	0x10000ull

static int setup(void **state)
{
	(void)state;
	memset(&part, 0, sizeof(part));
	part.name = "test";
	last_dev = NULL;
	faults = 0;
	assert_int_equal(mmio_register(&part, LOW_BASE, LOW_SIZE, &model, (void *)0x1000000), 0);
	assert_int_equal(mmio_register(&part, HIGH_BASE, HIGH_SIZE, &model, (void *)0x2000000), 0);
	return 0;
}

static int read_at(uint64_t addr, unsigned int size, uint64_t *val)
{
	struct mmio_access a = { .addr = addr, .size = size };
	int err = mmio_emulate(&vcpu, &part.mmio, &a);

	*val = a.value;
	return err;
}

static void test_windows(void **state)
{
	uint64_t val;

	(void)state;
	assert_int_equal(read_at(LOW_BASE, 4, &val), 0);
	assert_ptr_equal(last_dev, &part.mmio.dev[0]);
	assert_int_equal(val, 0x1000000);
	/* The last word of a window is in it; a word straddling its end is not */
	assert_int_equal(read_at(LOW_BASE + LOW_SIZE - 4, 4, &val), 0);
	assert_int_equal(last_off, LOW_SIZE - 4);
	assert_int_equal(read_at(LOW_BASE + LOW_SIZE - 2, 4, &val), IO_NO_DEVICE);
	assert_int_equal(read_at(LOW_BASE + LOW_SIZE, 4, &val), IO_NO_DEVICE);
	assert_int_equal(read_at(LOW_BASE - 4, 4, &val), IO_NO_DEVICE);
	/* Above 4 GiB, and not aliased at the same low 32 bits */
	assert_int_equal(read_at(HIGH_BASE + 0x1238, 4, &val), 0);
	assert_ptr_equal(last_dev, &part.mmio.dev[1]);
	assert_int_equal(last_off, 0x1238);
	assert_int_equal(val, 0x2001238);
	assert_int_equal(read_at(HIGH_BASE - 0x100000000ull, 4, &val), IO_NO_DEVICE);
	assert_int_equal(read_at(LOW_BASE + 0x100000000ull, 4, &val), IO_NO_DEVICE);
}

static void test_writes_and_refusals(void **state)
{
	struct mmio_access a = { .addr = HIGH_BASE + 8, .size = 4, .write = true,
				 .value = 0xfeedbeefcafeull };
	uint64_t val;

	(void)state;
	last_vcpu = NULL;
	assert_int_equal(mmio_emulate(&vcpu, &part.mmio, &a), 0);
	assert_ptr_equal(last_vcpu, &vcpu);	/* the model sees who accessed it */
	assert_int_equal(last_off, 8);
	assert_int_equal(last_written, 0xfeedbeefcafeull);
	/* A refused access reaches the model and says so; nothing else happens */
	last_dev = NULL;
	assert_int_equal(read_at(LOW_BASE, 2, &val), IO_REFUSED);
	assert_null(last_dev);
	assert_int_equal(faults, 0);
}

/*
 * The recently used device is looked at first: it must never take an
 * access it does not wholly cover, even one that starts inside it and
 * ends in the device right after it.
 */
static void test_recent_device(void **state)
{
	uint64_t val;

	(void)state;
	assert_null(part.mmio.recent);
	assert_int_equal(read_at(HIGH_BASE, 4, &val), 0);
	assert_ptr_equal(part.mmio.recent, &part.mmio.dev[1]);
	assert_int_equal(read_at(LOW_BASE + 4, 4, &val), 0);
	assert_ptr_equal(last_dev, &part.mmio.dev[0]);
	assert_ptr_equal(part.mmio.recent, &part.mmio.dev[0]);
	/* Misses leave it as it was */
	assert_int_equal(read_at(LOW_BASE + LOW_SIZE, 4, &val), IO_NO_DEVICE);
	assert_ptr_equal(part.mmio.recent, &part.mmio.dev[0]);

	assert_int_equal(mmio_register(&part, LOW_BASE + LOW_SIZE, 0x1000, &model,
				       (void *)0x3000000), 0);
	assert_int_equal(read_at(LOW_BASE + LOW_SIZE - 2, 4, &val), IO_NO_DEVICE);
	assert_int_equal(read_at(LOW_BASE + LOW_SIZE, 4, &val), 0);
	assert_ptr_equal(last_dev, &part.mmio.dev[2]);
	assert_int_equal(val, 0x3000000);
	assert_int_equal(read_at(LOW_BASE + LOW_SIZE - 4, 4, &val), 0);
	assert_ptr_equal(last_dev, &part.mmio.dev[0]);
	assert_int_equal(last_off, LOW_SIZE - 4);
}

static void test_register_limits(void **state)
{
	(void)state;
	assert_int_equal(mmio_register(&part, 0, 0, &model, NULL), -1);
	assert_int_equal(mmio_register(&part, 0, (1ull << 32) + 0x1000, &model, NULL), -1);
	for (unsigned int i = part.mmio.count; i < MMIO_MAX_DEVICES; i++)
		assert_int_equal(mmio_register(&part, 0x10000 * (i + 1), 0x1000, &model, NULL), 0);
	assert_int_equal(mmio_register(&part, 0x7f000000, 0x1000, &model, NULL), -1);
}

static void test_windows_are_emulated_regions(void **state)
{
	const struct guest_region *r = guest_region_find(&part, HIGH_BASE + HIGH_SIZE - 1);

	(void)state;
	assert_int_equal(part.nregions, 2);
	assert_non_null(r);
	assert_int_equal(r->gpa, HIGH_BASE);
	assert_int_equal(r->size, HIGH_SIZE);
	assert_int_equal(r->flags, GUEST_EMULATED | PT_RW | PT_DEVICE);
	assert_int_equal(guest_maps, 0);
	/* A window over another region: refused, neither device nor region added */
	assert_int_equal(mmio_register(&part, LOW_BASE + 0x800, 0x1000, &model, NULL), -1);
	assert_int_equal(part.mmio.count, 2);
	assert_int_equal(part.nregions, 2);
}

/*
 * The EXIT_MMIO path: a value on success, else a report and what the
 * health monitor answers (a reschedule, or an abort for the guest).
 */
static void test_exit_path(void **state)
{
	struct vm_exit e = { .kind = EXIT_MMIO, .mmio = { .addr = LOW_BASE + 0x18, .size = 4 } };

	(void)state;
	assert_int_equal(mmio_handle_exit(&vcpu, &e), EXIT_RESUME);
	assert_int_equal(e.mmio.value, 0x1000018);
	assert_int_equal(faults, 0);

	e.mmio.addr = 0x50000000;
	assert_int_equal(mmio_handle_exit(&vcpu, &e), EXIT_RESCHEDULE);
	assert_int_equal(faults, 1);
	assert_int_equal(fault_kind, FAULT_UNMAPPED_ACCESS);

	e.mmio.addr = LOW_BASE;
	e.mmio.size = 1;
	assert_int_equal(mmio_handle_exit(&vcpu, &e), EXIT_RESCHEDULE);
	assert_int_equal(faults, 2);
	assert_int_equal(fault_kind, FAULT_UNDECODABLE_ACCESS);

	fault_answer = EXIT_ABORT;
	e.mmio.addr = 0x50000000;
	e.mmio.size = 4;
	assert_int_equal(mmio_handle_exit(&vcpu, &e), EXIT_ABORT);
	assert_int_equal(faults, 3);
	assert_int_equal(fault_kind, FAULT_UNMAPPED_ACCESS);
	fault_answer = EXIT_RESCHEDULE;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_windows, setup),
		cmocka_unit_test_setup(test_writes_and_refusals, setup),
		cmocka_unit_test_setup(test_recent_device, setup),
		cmocka_unit_test_setup(test_register_limits, setup),
		cmocka_unit_test_setup(test_windows_are_emulated_regions, setup),
		cmocka_unit_test_setup(test_exit_path, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
