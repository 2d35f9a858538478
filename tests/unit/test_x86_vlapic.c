// SPDX-License-Identifier: MIT
/*
 * Host tests of the x86 guests' x2APIC model (ports/x86/vlapic.c): its
 * reset state, the priority rules (TPR, in-service class, the software
 * enable), EOI, SELF IPI, the timer one-shot and periodic with each
 * divide configuration, its current count, a masked timer, and the
 * registers a guest may not access.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <asm/vlapic.h>

#define TPR		0x808
#define PPR		0x80a
#define EOI		0x80b
#define SVR		0x80f
#define ISR(n)		(0x810 + (n))
#define IRR(n)		(0x820 + (n))
#define LVT_TIMER	0x832
#define TIMER_INITIAL	0x838
#define TIMER_CURRENT	0x839
#define TIMER_DIVIDE	0x83e
#define SELF_IPI	0x83f
#define MASKED		(1u << 16)
#define PERIODIC	(1u << 17)

static struct vlapic l;

static int setup(void **state)
{
	(void)state;
	vlapic_reset(&l, 1);
	assert_int_equal(vlapic_write(&l, SVR, 0x1ff, 0), 0);
	return 0;
}

static uint64_t rd(uint32_t msr, uint64_t now)
{
	uint64_t v = 0xdead;

	assert_int_equal(vlapic_read(&l, msr, now, &v), 0);
	return v;
}

static void wr(uint32_t msr, uint64_t val, uint64_t now)
{
	assert_int_equal(vlapic_write(&l, msr, val, now), 0);
}

static void test_reset(void **state)
{
	(void)state;
	vlapic_reset(&l, 3);
	assert_int_equal(rd(0x802, 0), 3);
	assert_int_equal(rd(0x803, 0) & 0xff, 0x14);
	assert_int_equal(rd(0x80d, 0), 1u << 3);	/* cluster 0, bit 3 */
	assert_int_equal(rd(SVR, 0), 0xff);		/* software-disabled */
	assert_int_equal(rd(LVT_TIMER, 0), MASKED);
	/* Disabled: a request waits, and LVT writes stay masked */
	assert_true(vlapic_set_irr(&l, 0x40));
	assert_false(vlapic_set_irr(&l, 0x40));
	assert_int_equal(vlapic_deliverable(&l), VLAPIC_NO_VECTOR);
	wr(LVT_TIMER, 0x30, 0);
	assert_int_equal(rd(LVT_TIMER, 0), MASKED | 0x30);
	wr(SVR, 0x1ff, 0);
	assert_int_equal(vlapic_deliverable(&l), 0x40);
}

static void test_priority(void **state)
{
	(void)state;
	vlapic_set_irr(&l, 0x31);
	vlapic_set_irr(&l, 0x52);
	assert_int_equal(rd(IRR(1), 0), 1u << 0x11);
	assert_int_equal(rd(IRR(2), 0), 1u << 0x12);
	assert_int_equal(vlapic_deliverable(&l), 0x52);
	vlapic_ack(&l, 0x52);
	assert_int_equal(rd(ISR(2), 0), 1u << 0x12);
	assert_int_equal(rd(IRR(2), 0), 0);
	assert_int_equal(rd(PPR, 0), 0x50);
	/* 0x31 is below the in-service class; so is another 0x5x */
	assert_int_equal(vlapic_deliverable(&l), VLAPIC_NO_VECTOR);
	vlapic_set_irr(&l, 0x5f);
	assert_int_equal(vlapic_deliverable(&l), VLAPIC_NO_VECTOR);
	vlapic_set_irr(&l, 0x61);
	assert_int_equal(vlapic_deliverable(&l), 0x61);
	vlapic_ack(&l, 0x61);
	wr(EOI, 0, 0);		/* ends 0x61, the highest in service */
	assert_int_equal(rd(ISR(3), 0), 0);
	assert_int_equal(rd(ISR(2), 0), 1u << 0x12);
	wr(EOI, 0, 0);
	assert_int_equal(vlapic_deliverable(&l), 0x5f);
	/* TPR holds back its class and below */
	wr(TPR, 0x5f, 0);
	assert_int_equal(vlapic_deliverable(&l), VLAPIC_NO_VECTOR);
	assert_int_equal(rd(PPR, 0), 0x5f);
	wr(TPR, 0x40, 0);
	assert_int_equal(vlapic_deliverable(&l), 0x5f);
}

static void test_self_ipi_and_refusals(void **state)
{
	uint64_t v;

	(void)state;
	wr(SELF_IPI, 0x77, 0);
	assert_int_equal(vlapic_deliverable(&l), 0x77);
	assert_int_equal(vlapic_write(&l, SELF_IPI, 5, 0), -1);	/* a reserved vector */
	assert_int_equal(vlapic_write(&l, EOI, 1, 0), -1);
	assert_int_equal(vlapic_write(&l, TPR, 1ull << 32, 0), -1);
	assert_int_equal(vlapic_read(&l, EOI, 0, &v), -1);		/* write-only */
	assert_int_equal(vlapic_read(&l, 0x830, 0, &v), -1);	/* ICR: no IPIs */
	assert_int_equal(vlapic_write(&l, 0x830, 0, 0), -1);
}

static void test_one_shot(void **state)
{
	(void)state;
	wr(LVT_TIMER, 0xec, 0);
	wr(TIMER_DIVIDE, 0xb, 0);			/* divide by 1 */
	wr(TIMER_INITIAL, 1000, 5000);
	assert_int_equal(vlapic_timer_deadline(&l), 6000);
	assert_int_equal(rd(TIMER_CURRENT, 5400), 600);
	vlapic_timer_update(&l, 5999);
	assert_int_equal(vlapic_deliverable(&l), VLAPIC_NO_VECTOR);
	vlapic_timer_update(&l, 6500);
	assert_int_equal(vlapic_deliverable(&l), 0xec);
	assert_int_equal(rd(TIMER_CURRENT, 6500), 0);
	assert_int_equal(vlapic_timer_deadline(&l), 0);
	vlapic_ack(&l, 0xec);
	vlapic_timer_update(&l, 9000);			/* once only */
	assert_int_equal(rd(IRR(7), 9000), 0);
	/* Initial count 0 stops it */
	wr(TIMER_INITIAL, 10, 9000);
	wr(TIMER_INITIAL, 0, 9001);
	assert_int_equal(vlapic_timer_deadline(&l), 0);
}

static void test_divide(void **state)
{
	/* The divide configuration's codes (bits 0, 1, 3) and their divisors */
	static const struct { uint32_t code, divisor; } d[] = {
		{ 0x0, 2 }, { 0x1, 4 }, { 0x2, 8 }, { 0x3, 16 },
		{ 0x8, 32 }, { 0x9, 64 }, { 0xa, 128 }, { 0xb, 1 },
	};

	(void)state;
	wr(LVT_TIMER, 0xec, 0);
	for (unsigned int i = 0; i < 8; i++) {
		wr(TIMER_DIVIDE, d[i].code, 0);
		assert_int_equal(rd(TIMER_DIVIDE, 0), d[i].code);
		wr(TIMER_INITIAL, 100, 1000);
		assert_int_equal(vlapic_timer_deadline(&l), 1000 + 100 * d[i].divisor);
		assert_int_equal(rd(TIMER_CURRENT, 1000 + 10 * d[i].divisor), 90);
	}
}

static void test_periodic(void **state)
{
	(void)state;
	wr(LVT_TIMER, PERIODIC | 0xd0, 0);
	wr(TIMER_DIVIDE, 0x0, 0);			/* divide by 2: period 200 */
	wr(TIMER_INITIAL, 100, 0);
	vlapic_timer_update(&l, 250);
	assert_int_equal(vlapic_deliverable(&l), 0xd0);
	assert_int_equal(vlapic_timer_deadline(&l), 400);
	assert_int_equal(rd(TIMER_CURRENT, 250), 75);
	vlapic_ack(&l, 0xd0);
	wr(EOI, 0, 250);
	/* Late by several periods: one interrupt, the count in phase */
	vlapic_timer_update(&l, 1130);
	assert_int_equal(vlapic_deliverable(&l), 0xd0);
	assert_int_equal(vlapic_timer_deadline(&l), 1200);
	assert_int_equal(rd(TIMER_CURRENT, 1130), 35);
}

static void test_masked_timer(void **state)
{
	(void)state;
	wr(LVT_TIMER, MASKED | 0xec, 0);
	wr(TIMER_INITIAL, 10, 0);
	vlapic_timer_update(&l, 20);
	assert_int_equal(vlapic_deliverable(&l), VLAPIC_NO_VECTOR);
	assert_int_equal(vlapic_timer_deadline(&l), 0);
	/* Software-disabling masks every LVT entry */
	wr(LVT_TIMER, 0xec, 20);
	wr(SVR, 0xff, 20);
	assert_int_equal(rd(LVT_TIMER, 20), MASKED | 0xec);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reset),
		cmocka_unit_test_setup(test_priority, setup),
		cmocka_unit_test_setup(test_self_ipi_and_refusals, setup),
		cmocka_unit_test_setup(test_one_shot, setup),
		cmocka_unit_test_setup(test_divide, setup),
		cmocka_unit_test_setup(test_periodic, setup),
		cmocka_unit_test_setup(test_masked_timer, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
