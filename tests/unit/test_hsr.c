// SPDX-License-Identifier: MIT
/*
 * Unit tests for the Cortex-A15 port's HSR decoding: exception classes,
 * fault status names, condition codes, the Thumb IT state step and
 * trapped coprocessor accesses. HSR values are built by hand from the
 * ARMv7 field layout given in their comments. Data aborts and the
 * load/store decoders are test_decode.c's.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include <asm/decode.h>

/* ---- HSR: exception classes, names, conditions, coprocessor traps ---- */

static void test_hsr_fields_and_names(void **state)
{
	(void)state;
	assert_int_equal(hsr_ec(0x93030007), 0x24);
	assert_int_equal(hsr_ec(0x4a000000), 0x12);
	assert_int_equal(hsr_ec(0xffffffff), 0x3f);
	assert_int_equal(hsr_insn_len(0x93030007), 4);
	assert_int_equal(hsr_insn_len(0x91450046), 2);
	assert_int_equal(hsr_fsc(0x93030007), 0x07);
	/* WFI/WFE: EC 0x01 | IL | CV=1 | COND=0xE | TI (bit 0) */
	assert_false(hsr_wfx_is_wfe(0x07e00000));	/* wfi, IL=1 */
	assert_true(hsr_wfx_is_wfe(0x07e00001));	/* wfe, IL=1 */
	assert_true(hsr_wfx_is_wfe(0x05e00001));	/* wfe, 16-bit */
	assert_int_equal(hsr_insn_len(0x05e00001), 2);

	assert_string_equal(hsr_ec_name(0x00), "unknown reason");
	assert_string_equal(hsr_ec_name(0x01), "trapped WFI/WFE");
	assert_string_equal(hsr_ec_name(0x03), "trapped CP15 access");
	assert_string_equal(hsr_ec_name(0x04), "trapped CP15 64-bit access");
	assert_string_equal(hsr_ec_name(0x12), "HVC");
	assert_string_equal(hsr_ec_name(0x13), "trapped SMC");
	assert_string_equal(hsr_ec_name(0x20), "stage-2 instruction abort");
	assert_string_equal(hsr_ec_name(0x24), "stage-2 data abort");
	assert_string_equal(hsr_ec_name(0x25), "data abort in HYP");
	assert_string_equal(hsr_ec_name(0x02), "unknown");
	assert_string_equal(hsr_ec_name(0x3f), "unknown");
	assert_string_equal(hsr_ec_name(64), "unknown");
}

static void test_hsr_fsc_names(void **state)
{
	(void)state;
	assert_string_equal(hsr_fsc_name(0x01), "address size fault");
	assert_string_equal(hsr_fsc_name(0x05), "translation fault");
	assert_string_equal(hsr_fsc_name(0x07), "translation fault");
	assert_string_equal(hsr_fsc_name(0x0a), "access flag fault");
	assert_string_equal(hsr_fsc_name(0x0f), "permission fault");
	assert_string_equal(hsr_fsc_name(0x10), "synchronous external abort");
	assert_string_equal(hsr_fsc_name(0x15),
			    "synchronous external abort on table walk");
	assert_string_equal(hsr_fsc_name(0x18), "synchronous parity error");
	assert_string_equal(hsr_fsc_name(0x1d), "parity error on table walk");
	assert_string_equal(hsr_fsc_name(0x21), "alignment fault");
	assert_string_equal(hsr_fsc_name(0x22), "debug event");
	assert_string_equal(hsr_fsc_name(0x30), "TLB conflict abort");
	assert_string_equal(hsr_fsc_name(0x11), "unknown fault");
	assert_string_equal(hsr_fsc_name(0x3f), "unknown fault");
}

#define PSR_N	0x80000000u
#define PSR_Z	0x40000000u
#define PSR_C	0x20000000u
#define PSR_V	0x10000000u
#define PSR_T	0x00000020u

static void test_hsr_cond_passed(void **state)
{
	(void)state;
	/* CV=1 COND=0000 (EQ): EC 0x01 | IL | CV */
	assert_true(hsr_cond_passed(0x07000000, PSR_Z | 0x13));
	assert_false(hsr_cond_passed(0x07000000, 0x13));
	/* CV=1 COND=1011 (LT): N != V */
	assert_true(hsr_cond_passed(0x07b00000, PSR_N));
	assert_false(hsr_cond_passed(0x07b00000, PSR_N | PSR_V));
	/* CV=1 COND=1000 (HI): C && !Z */
	assert_true(hsr_cond_passed(0x07800000, PSR_C));
	assert_false(hsr_cond_passed(0x07800000, PSR_C | PSR_Z));
	/* CV=1 COND=1100 (GT): !Z && N == V; COND=1101 (LE) is its negation */
	assert_true(hsr_cond_passed(0x07c00000, PSR_N | PSR_V));
	assert_false(hsr_cond_passed(0x07c00000, PSR_Z));
	assert_true(hsr_cond_passed(0x07d00000, PSR_Z));
	/* CV=1 COND=1110 (AL) */
	assert_true(hsr_cond_passed(0x07e00000, 0));
	/* CV=0 from ARM state: nothing to check */
	assert_true(hsr_cond_passed(0x06000000, PSR_Z));
	/*
	 * CV=0 from Thumb inside "IT NE": ITSTATE = 0x18, so IT[7:2] = 6 in
	 * SPSR bits 15:10 (0x1800) and IT[1:0] = 0.
	 */
	assert_false(hsr_cond_passed(0x06000000, PSR_T | 0x1800 | PSR_Z));
	assert_true(hsr_cond_passed(0x06000000, PSR_T | 0x1800));
	/*
	 * Last instruction of an IT block with condition NE: ITSTATE = 0x11,
	 * IT[7:2] = 4 (0x1000) and IT[1:0] = 1 in SPSR bit 25.
	 */
	assert_false(hsr_cond_passed(0x06000000, PSR_T | 0x02001000 | PSR_Z));
	assert_true(hsr_cond_passed(0x06000000, PSR_T | 0x02001000));
	/* CV=0 from Thumb outside any IT block */
	assert_true(hsr_cond_passed(0x06000000, PSR_T | PSR_Z));
}

/* SPSR bits of ITSTATE @it: IT[1:0] in 26:25, IT[7:2] in 15:10 */
static uint32_t itstate_bits(unsigned int it)
{
	return (it & 0x3) << 25 | (it >> 2) << 10;
}

/*
 * Stepping over instructions of "ITTE EQ" (ITSTATE 0x06 after the IT):
 * EQ, EQ, then NE (the condition's low bit takes each mask bit), then
 * out of the block. Flags, T and mode bits stay as they were.
 */
static void test_spsr_advance_itstate(void **state)
{
	uint32_t other = PSR_Z | PSR_T | 0x13;
	uint32_t spsr = other | itstate_bits(0x06);

	(void)state;
	assert_true(hsr_cond_passed(0x06000000, spsr));
	spsr = spsr_advance_itstate(spsr);
	assert_int_equal(spsr, other | itstate_bits(0x0c));
	assert_true(hsr_cond_passed(0x06000000, spsr));
	spsr = spsr_advance_itstate(spsr);
	assert_int_equal(spsr, other | itstate_bits(0x18));
	assert_false(hsr_cond_passed(0x06000000, spsr));
	spsr = spsr_advance_itstate(spsr);
	assert_int_equal(spsr, other);
	/* Outside an IT block nothing changes */
	assert_int_equal(spsr_advance_itstate(other), other);
}

static void expect_cp(const struct hsr_cp_access *cp, bool read, unsigned int opc1,
		      unsigned int opc2, unsigned int crn, unsigned int crm,
		      unsigned int rt, unsigned int rt2)
{
	assert_int_equal(cp->read, read);
	assert_int_equal(cp->opc1, opc1);
	assert_int_equal(cp->opc2, opc2);
	assert_int_equal(cp->crn, crn);
	assert_int_equal(cp->crm, crm);
	assert_int_equal(cp->rt, rt);
	assert_int_equal(cp->rt2, rt2);
}

static void test_hsr_cp15(void **state)
{
	struct hsr_cp_access cp;

	(void)state;
	/*
	 * MCR/MRC: EC 0x03 | IL | CV | COND=0xE | Opc2[19:17] | Opc1[16:14] |
	 * CRn[13:10] | Rt[8:5] | CRm[4:1] | read[0]
	 */
	hsr_decode_cp32(0x0fe53561, &cp);	/* mrc p15, 4, r11, c13, c0, 2 */
	expect_cp(&cp, true, 4, 2, 13, 0, 11, 0);
	hsr_decode_cp32(0x0fe00460, &cp);	/* mcr p15, 0, r3, c1, c0, 0 */
	expect_cp(&cp, false, 0, 0, 1, 0, 3, 0);
	hsr_decode_cp32(0x0fea1c54, &cp);	/* mcr p15, 0, r2, c7, c10, 5 */
	expect_cp(&cp, false, 0, 5, 7, 10, 2, 0);
	assert_int_equal(hsr_ec(0x0fea1c54), HSR_EC_CP15_32);

	/* MCRR/MRRC: EC 0x04 | ... | Opc1[19:16] | Rt2[13:10] | Rt[8:5] | CRm | read */
	hsr_decode_cp64(0x13e10c5d, &cp);	/* mrrc p15, 1, r2, r3, c14 */
	expect_cp(&cp, true, 1, 0, 0, 14, 2, 3);
	hsr_decode_cp64(0x13e01484, &cp);	/* mcrr p15, 0, r4, r5, c2 */
	expect_cp(&cp, false, 0, 0, 0, 2, 4, 5);
	assert_int_equal(hsr_ec(0x13e01484), HSR_EC_CP15_64);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hsr_fields_and_names),
		cmocka_unit_test(test_hsr_fsc_names),
		cmocka_unit_test(test_hsr_cond_passed),
		cmocka_unit_test(test_spsr_advance_itstate),
		cmocka_unit_test(test_hsr_cp15),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
