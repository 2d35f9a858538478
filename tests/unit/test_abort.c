// SPDX-License-Identifier: MIT
/*
 * Unit tests of the external abort the Cortex-A15 port gives a guest for
 * an access to an address its partition does not map (ports/arm-a15/
 * abort.c): vector, mode and masks, return address, saved PSR and fault
 * status, as the ARMv7 ARM (B1.8.3, B1.9.7, B1.9.8, B4.1.52) has them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <asm/abort.h>

#define SVC_ARM		0x00000013u	/* SVC mode, ARM state, nothing masked */
#define ABT_MASKED	0x00000197u	/* Abort mode, I and A set */
#define VBAR		0x40001000u

/* A load in SVC mode, low vectors at VBAR, short-descriptor format */
static void test_data_abort(void **state)
{
	struct arm_abort_cause c = { .pc = 0x40000100, .cpsr = SVC_ARM, .vbar = VBAR };
	struct arm_abort_entry e;

	(void)state;
	arm_abort_entry(&c, &e);
	assert_int_equal(e.pc, VBAR + 0x10);
	assert_int_equal(e.cpsr, ABT_MASKED);
	assert_int_equal(e.lr_abt, 0x40000108);
	assert_int_equal(e.spsr_abt, SVC_ARM);
	assert_int_equal(e.fsr, 0x008);

	/* A store: WnR; LPAE format once TTBCR.EAE is set */
	c.write = true;
	c.ttbcr = TTBCR_EAE;
	arm_abort_entry(&c, &e);
	assert_int_equal(e.fsr, 0x210 | DFSR_WNR);
}

/* An instruction fetch: PC + 4, prefetch vector, IFSR has no WnR */
static void test_prefetch_abort(void **state)
{
	struct arm_abort_cause c = { .prefetch = true, .write = true, .pc = 0x30000000,
				     .cpsr = SVC_ARM, .vbar = VBAR };
	struct arm_abort_entry e;

	(void)state;
	arm_abort_entry(&c, &e);
	assert_int_equal(e.pc, VBAR + 0x0c);
	assert_int_equal(e.lr_abt, 0x30000004);
	assert_int_equal(e.fsr, 0x008);
	c.ttbcr = TTBCR_EAE;
	arm_abort_entry(&c, &e);
	assert_int_equal(e.fsr, 0x210);
}

/*
 * From Thumb inside an IT block with F set, flags N and C: the saved PSR
 * keeps all of it; the new CPSR keeps F and the flags, loses IT and T
 * (SCTLR.TE clear), and SCTLR.V moves the vector high whatever VBAR says.
 */
static void test_state_bits(void **state)
{
	uint32_t it = (0x3u << 25) | (0x2du << 10);	/* ITSTATE 0x2f */
	uint32_t cpsr = 0xa0000000u | it | 0x60u | 0x1fu;	/* N C, T F, SYS */
	struct arm_abort_cause c = { .pc = 0x40000202, .cpsr = cpsr, .vbar = VBAR,
				     .sctlr = 1u << 13 };
	struct arm_abort_entry e;

	(void)state;
	arm_abort_entry(&c, &e);
	assert_int_equal(e.pc, 0xffff0010u);
	assert_int_equal(e.lr_abt, 0x4000020a);	/* + 8 in Thumb state too */
	assert_int_equal(e.spsr_abt, cpsr);
	assert_int_equal(e.cpsr, 0xa0000000u | 0x40u | ABT_MASKED);
}

/* SCTLR.TE: the handler runs in Thumb state; SCTLR.EE: big-endian */
static void test_thumb_and_endian_exceptions(void **state)
{
	struct arm_abort_cause c = { .pc = 0x40000100, .cpsr = SVC_ARM, .vbar = VBAR,
				     .sctlr = SCTLR_TE };
	struct arm_abort_entry e;

	(void)state;
	arm_abort_entry(&c, &e);
	assert_int_equal(e.cpsr, ABT_MASKED | 0x20u);
	c.sctlr = SCTLR_EE;
	arm_abort_entry(&c, &e);
	assert_int_equal(e.cpsr, ABT_MASKED | 0x200u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_data_abort),
		cmocka_unit_test(test_prefetch_abort),
		cmocka_unit_test(test_state_bits),
		cmocka_unit_test(test_thumb_and_endian_exceptions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
