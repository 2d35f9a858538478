// SPDX-License-Identifier: MIT
/* Host tests of the doorbell path: BH_HC_DOORBELL_RING -> the peers' interrupts. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <bulkhead/abi.h>
#include <bulkhead/health.h>
#include <bulkhead/irqchip.h>
#include <bulkhead/hypercall.h>
#include <bulkhead/partition.h>

struct partition partitions[MAX_PARTITIONS];
unsigned int npartitions;

/* What the hypervisor did, as seen through the stubs below */
static unsigned int raised[MAX_PARTITIONS];
static int raised_irq;
static int faults;
static uint64_t expected_number;	/* the doorbell number a fault names */

static uint32_t fake_raise(struct partition *p, unsigned int irq)
{
	raised[p->id]++;
	raised_irq = irq;
	return 0;
}

/* The port's controller, as far as the code under test reaches it */
const struct irqchip_ops port_irqchip = { .raise = fake_raise };

unsigned int port_cpu_index(void)
{
	return 0;
}

enum exit_action health_fault(struct vcpu *v, enum fault_kind kind, const char *detail,
			      uint64_t pc, uint64_t addr, uint64_t syndrome)
{
	(void)v; (void)detail; (void)pc; (void)syndrome;
	assert_int_equal(kind, FAULT_BAD_HYPERCALL_ARG);
	assert_int_equal(addr, expected_number);
	faults++;
	return EXIT_RESCHEDULE;
}

/* Not reached by these tests */
int guest_ram_translate(struct partition *p, gpaddr_t gpa, uint64_t len, paddr_t *pa)
{
	(void)p; (void)gpa; (void)len; (void)pa;
	return -1;
}
void phys_read(paddr_t pa, void *buf, size_t len) { (void)pa; (void)buf; (void)len; }
void console_guest_write(struct console_line *line, const char *name, const char *s, size_t len)
{
	(void)line; (void)name; (void)s; (void)len;
}
enum exit_action partition_power_event(struct vcpu *v, enum power_event event,
				       const char *source)
{
	(void)v; (void)event; (void)source;
	return EXIT_RESCHEDULE;
}

static struct cfg_shm ring_cfg = { .id = 0, .nparts = 3, .parts = { 0, 1, 2 } };
static struct cfg_shm quiet_cfg = { .id = 1, .nparts = 2, .parts = { 0, 3 } };
/* Doorbell numbers index the shared regions: "ring" is 0, "quiet" 1 */
struct shared_region shared_regions[CFG_MAX_SHM] = {
	{ .cfg = &ring_cfg, .doorbell_irq = 42 },
	{ .cfg = &quiet_cfg, .doorbell_irq = -1 },
};

/* Partitions 0, 1, 2 share "ring" (doorbell 0, interrupt 42); 0 and 3 share
 * "quiet" (number 1, no doorbell). */
static int setup(void **state)
{
	(void)state;
	memset(partitions, 0, sizeof(partitions));
	memset(raised, 0, sizeof(raised));
	faults = 0;
	npartitions = 4;
	for (unsigned int i = 0; i < npartitions; i++) {
		partitions[i].id = i;
		partitions[i].vcpu[0].part = &partitions[i];
	}
	return 0;
}

static enum exit_action ring_doorbell(unsigned int from, uint64_t number, struct vm_exit *e)
{
	memset(e, 0, sizeof(*e));
	e->kind = EXIT_HYPERCALL;
	e->hcall.nr = BH_HC_DOORBELL_RING;
	e->hcall.arg[0] = number;
	e->hcall.ret[0] = -99;
	return hypercall_handle(&partitions[from].vcpu[0], e);
}

static void test_ring_reaches_every_other_peer(void **state)
{
	struct vm_exit e;

	(void)state;
	assert_int_equal(ring_doorbell(1, 0, &e), EXIT_RESUME);
	assert_int_equal(e.hcall.ret[0], 0);
	assert_int_equal(raised[0], 1);
	assert_int_equal(raised[1], 0);		/* not the caller */
	assert_int_equal(raised[2], 1);
	assert_int_equal(raised[3], 0);		/* not a peer */
	assert_int_equal(raised_irq, 42);
	assert_int_equal(faults, 0);
}

static void test_bad_doorbells_are_faults(void **state)
{
	struct vm_exit e;

	(void)state;
	/* 7: no such region; far beyond any */
	expected_number = 7;
	assert_int_equal(ring_doorbell(0, 7, &e), EXIT_RESCHEDULE);
	expected_number = 1ull << 40;
	assert_int_equal(ring_doorbell(0, 1ull << 40, &e), EXIT_RESCHEDULE);
	/* 1 exists but has no doorbell, and partition 1 is not its peer anyway */
	expected_number = 1;
	assert_int_equal(ring_doorbell(0, 1, &e), EXIT_RESCHEDULE);
	assert_int_equal(ring_doorbell(1, 1, &e), EXIT_RESCHEDULE);
	/* 0 has a doorbell, but partition 3 is not one of its peers */
	expected_number = 0;
	assert_int_equal(ring_doorbell(3, 0, &e), EXIT_RESCHEDULE);
	assert_int_equal(faults, 5);
	for (unsigned int i = 0; i < npartitions; i++)
		assert_int_equal(raised[i], 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_ring_reaches_every_other_peer, setup),
		cmocka_unit_test_setup(test_bad_doorbells_are_faults, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
