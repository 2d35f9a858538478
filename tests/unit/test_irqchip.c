// SPDX-License-Identifier: MIT
/*
 * Host tests of the core's interrupt controller calls (core/irqchip.c):
 * each reaches the port's op with its arguments, and an injection kicks
 * exactly the vCPUs the op names, except one on the calling CPU; the
 * ports' kick op.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <bulkhead/irqchip.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>

static struct partition part;
static unsigned int calling_cpu;
static uint32_t vcpus_to_name;		/* what the fake raise/set_level return */
static unsigned int kicked_cpus;	/* bit per CPU kicked */
static unsigned int last_irq, calls;
static bool last_level;

static unsigned int cpu_kicks;		/* bit per CPU port_cpu_kick() was called for */

unsigned int port_cpu_index(void)
{
	return calling_cpu;
}

void port_cpu_kick(unsigned int cpu)
{
	cpu_kicks |= 1u << cpu;
}

static int fake_route(struct partition *p, unsigned int irq, bool level)
{
	assert_ptr_equal(p, &part);
	last_irq = irq;
	last_level = level;
	calls++;
	return irq == 99 ? -1 : 0;
}

static uint32_t fake_raise(struct partition *p, unsigned int irq)
{
	assert_ptr_equal(p, &part);
	last_irq = irq;
	calls++;
	return vcpus_to_name;
}

static uint32_t fake_set_level(struct partition *p, unsigned int irq, bool level)
{
	last_level = level;
	return fake_raise(p, irq);
}

static bool fake_usable(struct partition *p, unsigned int irq)
{
	assert_ptr_equal(p, &part);
	calls++;
	return irq < 10;
}

static void fake_kick(struct vcpu *v)
{
	assert_ptr_equal(v->part, &part);
	assert_int_not_equal(v->cpu, calling_cpu);
	kicked_cpus |= 1u << v->cpu;
}

const struct irqchip_ops port_irqchip = {
	.route = fake_route,
	.raise = fake_raise,
	.set_level = fake_set_level,
	.usable = fake_usable,
	.kick = fake_kick,
};

/* Three vCPUs on CPUs 2, 0 and 3 */
static int setup(void **state)
{
	static const unsigned int cpus[] = { 2, 0, 3 };

	(void)state;
	part.nvcpus = 3;
	for (unsigned int i = 0; i < 3; i++)
		part.vcpu[i] = (struct vcpu){ .part = &part, .index = i, .cpu = cpus[i] };
	calling_cpu = 1;
	kicked_cpus = cpu_kicks = calls = last_irq = 0;
	last_level = false;
	return 0;
}

static void test_route_and_usable(void **state)
{
	(void)state;
	assert_int_equal(irqchip_route(&part, 42, true), 0);
	assert_int_equal(last_irq, 42);
	assert_true(last_level);
	assert_int_equal(irqchip_route(&part, 99, false), -1);
	assert_true(irqchip_usable(&part, 3));
	assert_false(irqchip_usable(&part, 10));
	assert_int_equal(calls, 4);
	assert_int_equal(kicked_cpus, 0);
}

static void test_raise_kicks_named_vcpus(void **state)
{
	(void)state;
	vcpus_to_name = 1u << 0 | 1u << 2;
	irqchip_raise(&part, 7);
	assert_int_equal(last_irq, 7);
	assert_int_equal(kicked_cpus, 1u << 2 | 1u << 3);

	kicked_cpus = 0;
	vcpus_to_name = 0;
	irqchip_raise(&part, 8);
	assert_int_equal(calls, 2);
	assert_int_equal(kicked_cpus, 0);
}

static void test_no_kick_of_own_cpu(void **state)
{
	(void)state;
	calling_cpu = 2;		/* vCPU 0's own CPU */
	vcpus_to_name = 7;
	irqchip_set_level(&part, 5, true);
	assert_true(last_level);
	assert_int_equal(kicked_cpus, 1u << 0 | 1u << 3);
}

/* The kick op every port uses: its vCPU's CPU through port_cpu_kick() */
static void test_kick_cpu(void **state)
{
	(void)state;
	irqchip_kick_cpu(&part.vcpu[2]);
	assert_int_equal(cpu_kicks, 1u << 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_route_and_usable, setup),
		cmocka_unit_test_setup(test_raise_kicks_named_vcpus, setup),
		cmocka_unit_test_setup(test_no_kick_of_own_cpu, setup),
		cmocka_unit_test_setup(test_kick_cpu, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
