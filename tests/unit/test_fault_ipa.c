// SPDX-License-Identifier: MIT
/*
 * Unit tests of the IPA the Cortex-A15 port gives a guest's stage-2 abort
 * with the guest's stage 1 on (ports/arm-a15/fault_ipa.c): the stage-1
 * translation's PAR in both formats (ARM ARM B4.1.112), HPFAR as QEMU 7.2
 * reports it (IPA[39:32] lost) and as the architecture has it, and when
 * the guest must run its access again. Syndromes and PARs are the ones
 * samples/high-ipa produces, or built from the ARMv7 field layout.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <asm/fault_ipa.h>

/* HSR: data abort, ISV, 32-bit load; DFSC translation fault level 2 / 1 */
#define LOAD_L2_TRANSLATION	0x93810006u
#define STORE_L1_TRANSLATION	0x93810045u
#define STORE_L3_PERMISSION	0x9381004fu
#define LOAD_L1_ACCESS_FLAG	0x93810009u
#define WALK_L1_TRANSLATION	0x92000085u	/* S1PTW, no ISV */
#define CACHE_L2_TRANSLATION	0x92000106u	/* CM: DCIMVAC and the like */
#define FETCH_L1_TRANSLATION	0x80000005u	/* prefetch abort */

#define PAR64(pa, attr)		(((uint64_t)(attr) << 56) | (pa) | PAR_LPAE)
#define HPFAR_OF(ipa)		((uint32_t)(((ipa) >> 12) << 4))
#define HPFAR_QEMU72(ipa)	HPFAR_OF((uint64_t)(uint32_t)(ipa))

static void check_ipa(uint32_t hsr, uint32_t hpfar, uint32_t va, uint64_t par,
		      gpaddr_t want)
{
	gpaddr_t ipa = 0;

	assert_true(fault_ipa_stage1(hsr, hpfar, va, par, &ipa));
	assert_int_equal(ipa, want);
}

static void check_retry(uint32_t hsr, uint32_t hpfar, uint32_t va, uint64_t par)
{
	gpaddr_t ipa = 0x5a5a;

	assert_false(fault_ipa_stage1(hsr, hpfar, va, par, &ipa));
}

/* 4 GiB + the UART, the top of 40 bits: the full IPA, truncated HPFAR or not */
static void test_long_descriptor_output(void **state)
{
	(void)state;
	check_ipa(LOAD_L2_TRANSLATION, HPFAR_QEMU72(0x109000018ull), 0x80000018,
		  PAR64(0x109000000ull, 0x00), 0x109000018ull);
	check_ipa(LOAD_L2_TRANSLATION, HPFAR_OF(0x109000018ull), 0x80000018,
		  PAR64(0x109000000ull, 0x00), 0x109000018ull);
	check_ipa(STORE_L1_TRANSLATION, HPFAR_QEMU72(0xfffffffffcull), 0x807ffffc,
		  PAR64(0xfffffff000ull, 0x44), 0xfffffffffcull);
	check_ipa(FETCH_L1_TRANSLATION, HPFAR_QEMU72(0x140000100ull), 0x80400100,
		  PAR64(0x140000000ull, 0x44), 0x140000100ull);
	/* Below 4 GiB nothing changes */
	check_ipa(LOAD_L2_TRANSLATION, HPFAR_OF(0x09000018ull), 0x09000018,
		  PAR64(0x09000000ull, 0x00), 0x09000018ull);
}

/* The 32-bit format: a page, and supersections with PA[39:32] in PAR[23:16] */
static void test_short_descriptor_output(void **state)
{
	(void)state;
	check_ipa(LOAD_L2_TRANSLATION, HPFAR_OF(0x40001230ull), 0x80401230,
		  0x40001000u, 0x40001230ull);
	check_ipa(LOAD_L2_TRANSLATION, HPFAR_QEMU72(0x109000018ull), 0x81000018,
		  0x09010000u | PAR_SS, 0x109000018ull);
	check_ipa(STORE_L1_TRANSLATION, HPFAR_QEMU72(0xff09abc000ull), 0x82abc000,
		  0x09ff0000u | PAR_SS, 0xff09abc000ull);
}

/* The guest's tables changed since its access: unmapped, or another IPA */
static void test_retry(void **state)
{
	(void)state;
	check_retry(LOAD_L2_TRANSLATION, HPFAR_QEMU72(0x109000018ull), 0x80000018,
		    PAR_LPAE | PAR_F | (0x05u << 1));
	check_retry(LOAD_L2_TRANSLATION, HPFAR_QEMU72(0x109000018ull), 0x80000018,
		    PAR64(0x140001000ull, 0x44));
	check_retry(LOAD_L1_ACCESS_FLAG, HPFAR_QEMU72(0x109000018ull), 0x80000018,
		    PAR64(0x109001000ull, 0x00));
	/* IPA[39:32]: compared where HPFAR has them, not where QEMU 7.2 lost them */
	check_retry(LOAD_L2_TRANSLATION, HPFAR_OF(0x109000018ull), 0x80000018,
		    PAR64(0x209000000ull, 0x00));
	check_retry(LOAD_L2_TRANSLATION, HPFAR_OF(0x109000018ull), 0x09000018,
		    PAR64(0x009000000ull, 0x00));
	check_ipa(LOAD_L2_TRANSLATION, HPFAR_QEMU72(0x109000018ull), 0x80000018,
		  PAR64(0x209000000ull, 0x00), 0x209000018ull);
}

/* HPFAR is UNKNOWN for a permission fault: the translation alone */
static void test_permission_fault(void **state)
{
	(void)state;
	check_ipa(STORE_L3_PERMISSION, 0xdeadbee0u, 0x80401234,
		  PAR64(0x140001000ull, 0x44), 0x140001234ull);
}

/* A fault on the stage-1 walk, cache maintenance ATS1CPR refuses: HPFAR */
static void test_hpfar_only(void **state)
{
	(void)state;
	check_ipa(WALK_L1_TRANSLATION, HPFAR_OF(0x48000ff8ull), 0x80000018,
		  PAR_LPAE | PAR_F, 0x48000018ull);
	check_ipa(CACHE_L2_TRANSLATION, HPFAR_OF(0x09000040ull), 0x80000040,
		  PAR_LPAE | PAR_F | (0x0fu << 1), 0x09000040ull);
	check_ipa(CACHE_L2_TRANSLATION, HPFAR_QEMU72(0x109000040ull), 0x80000040,
		  PAR64(0x109000000ull, 0x00), 0x109000040ull);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_long_descriptor_output),
		cmocka_unit_test(test_short_descriptor_output),
		cmocka_unit_test(test_retry),
		cmocka_unit_test(test_permission_fault),
		cmocka_unit_test(test_hpfar_only),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
