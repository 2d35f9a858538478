// SPDX-License-Identifier: MIT
/*
 * Unit tests for what a guest sees of the registers the Cortex-A15 port
 * owns (ports/arm-a15/sysreg_class.c): the debug registers, the PMU and
 * the implementation-defined CP15 c9-c11. The 32-bit syndromes are the
 * ones QEMU reported for the guest accesses in the comments; the MRRC one
 * is built by hand from the ARMv7 HSR layout (EC 0x0c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <asm/sysreg_trap.h>

static struct hsr_cp_access cp(unsigned int opc1, unsigned int crn, unsigned int crm,
			       unsigned int opc2)
{
	return (struct hsr_cp_access){ .read = true, .opc1 = opc1, .crn = crn,
				       .crm = crm, .opc2 = opc2 };
}

static void test_debug_registers(void **state)
{
	struct hsr_cp_access c;
	struct sysreg_answer a;

	(void)state;
	/* mrc p14, 0, r0, c0, c0, 0 (DBGDIDR): HSR 0x17e00001 */
	hsr_decode_cp32(0x17e00001, &c);
	assert_int_equal(sysreg_cp14_answer(&c, false).how, SYSREG_DBGDIDR);
	/* mrc p14, 0, r0, c0, c0, 4 (DBGBVR0) and c0, c1, 0 (DBGDSCRint) */
	hsr_decode_cp32(0x17e80001, &c);
	assert_int_equal(sysreg_cp14_answer(&c, false).how, SYSREG_RAZ_WI);
	hsr_decode_cp32(0x17e00003, &c);
	assert_int_equal(sysreg_cp14_answer(&c, false).how, SYSREG_RAZ_WI);
	/* DBGOSLSR: OS lock implemented, unlocked; DBGPRSR: powered up */
	c = cp(0, 1, 1, 4);
	a = sysreg_cp14_answer(&c, false);
	assert_int_equal(a.how, SYSREG_CONST);
	assert_int_equal(a.value, 0x8);
	c = cp(0, 1, 5, 4);
	assert_int_equal(sysreg_cp14_answer(&c, false).value, 0x1);
	/* DBGAUTHSTATUS: all implemented, none enabled */
	c = cp(0, 7, 14, 6);
	a = sysreg_cp14_answer(&c, false);
	assert_int_equal(a.how, SYSREG_CONST);
	assert_int_equal(a.value, 0xaa);
	/* DBGDSCRext and DBGBCR15 writes are ignored */
	c = cp(0, 0, 2, 2);
	c.read = false;
	assert_int_equal(sysreg_cp14_answer(&c, false).how, SYSREG_RAZ_WI);
	c = cp(0, 0, 15, 5);
	assert_int_equal(sysreg_cp14_answer(&c, false).how, SYSREG_RAZ_WI);
	/* mrrc p14, 0, r0, r1, c1 (DBGDRAR): no valid address */
	hsr_decode_cp64(0x33e00403, &c);
	assert_int_equal(sysreg_cp14_answer(&c, true).how, SYSREG_RAZ_WI);
	/* Trace (opc1 1), ThumbEE (6) and Jazelle (7) are not debug registers */
	c = cp(1, 0, 0, 0);
	assert_int_equal(sysreg_cp14_answer(&c, false).how, SYSREG_FAULT);
	c = cp(6, 0, 0, 0);
	assert_int_equal(sysreg_cp14_answer(&c, false).how, SYSREG_FAULT);
	c = cp(7, 0, 0, 0);
	assert_int_equal(sysreg_cp14_answer(&c, true).how, SYSREG_FAULT);
}

static void test_pmu_and_impdef(void **state)
{
	struct hsr_cp_access c;
	unsigned int crm;

	(void)state;
	/* mrc p15, 0, r0, c9, c12, 0 (PMCR): HSR 0x0fe02419 */
	hsr_decode_cp32(0x0fe02419, &c);
	assert_int_equal(sysreg_cp15_answer(&c).how, SYSREG_RAZ_WI);
	for (crm = 12; crm <= 14; crm++) {
		c = cp(0, 9, crm, 7);
		assert_int_equal(sysreg_cp15_answer(&c).how, SYSREG_RAZ_WI);
	}
	/* L2CTLR, L2ECTLR: c9, opc1 1, c0, 2 and 3 */
	c = cp(1, 9, 0, 2);
	assert_int_equal(sysreg_cp15_answer(&c).how, SYSREG_RAZ_WI);
	c = cp(1, 9, 0, 3);
	assert_int_equal(sysreg_cp15_answer(&c).how, SYSREG_RAZ_WI);
	/* The TIDCP encodings: c9 c0-c2, c5-c8; c10 c0, c1, c4, c8; c11 c0-c8, c15 */
	for (crm = 0; crm <= 15; crm++) {
		bool c9 = crm <= 2 || (crm >= 5 && crm <= 8) || (crm >= 12 && crm <= 14);
		bool c10 = crm == 0 || crm == 1 || crm == 4 || crm == 8;
		bool c11 = crm <= 8 || crm == 15;

		c = cp(0, 9, crm, 0);
		assert_int_equal(sysreg_cp15_answer(&c).how, c9 ? SYSREG_RAZ_WI : SYSREG_FAULT);
		c = cp(3, 10, crm, 5);
		assert_int_equal(sysreg_cp15_answer(&c).how, c10 ? SYSREG_RAZ_WI : SYSREG_FAULT);
		c = cp(7, 11, crm, 7);
		assert_int_equal(sysreg_cp15_answer(&c).how, c11 ? SYSREG_RAZ_WI : SYSREG_FAULT);
	}
	/* PMU encodings with another opc1 are reserved, not PMU registers */
	c = cp(1, 9, 12, 0);
	assert_int_equal(sysreg_cp15_answer(&c).how, SYSREG_FAULT);
	/* Architected c10 (PRRR) and c15 have no emulation here */
	c = cp(0, 10, 2, 0);
	assert_int_equal(sysreg_cp15_answer(&c).how, SYSREG_FAULT);
	c = cp(0, 15, 0, 0);
	assert_int_equal(sysreg_cp15_answer(&c).how, SYSREG_FAULT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_debug_registers),
		cmocka_unit_test(test_pmu_and_impdef),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
