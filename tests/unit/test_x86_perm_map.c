// SPDX-License-Identifier: MIT
/* SVM's I/O and MSR permission maps (ports/x86/perm_map.c): bits where the APM puts them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <asm/perm_map.h>

static uint8_t iopm[IOPM_SIZE], msrpm[MSRPM_SIZE];

static void test_iopm(void **state)
{
	(void)state;
	iopm_init(iopm);
	assert_true(iopm_traps(iopm, 0x3f8, 1));
	iopm_allow(iopm, 0x3f9, 3);
	assert_int_equal(iopm[0x3f8 / 8], 0xf1);	/* bits 1-3 of byte 0x7f */
	assert_true(iopm_traps(iopm, 0x3f8, 1));
	assert_false(iopm_traps(iopm, 0x3f9, 2));
	assert_false(iopm_traps(iopm, 0x3fb, 1));
	/* a word at 0x3fb covers 0x3fc, which still traps */
	assert_true(iopm_traps(iopm, 0x3fb, 2));
	iopm_allow(iopm, 0xfffe, 8);
	assert_false(iopm_traps(iopm, 0xffff, 1));
	assert_true(iopm_traps(iopm, 0xffff, 2));	/* beyond the last port */
	assert_int_equal(iopm[0x2000], 0xff);		/* the spill-over bytes */
}

static void test_msrpm(void **state)
{
	(void)state;
	msrpm_init(msrpm);
	/* PAT (0x277): read bit 0x4ee, write bit 0x4ef, in the first block */
	assert_int_equal(msrpm_allow(msrpm, 0x277, true, false), 0);
	assert_int_equal(msrpm[0x9d], 0xbf);
	assert_false(msrpm_traps(msrpm, 0x277, false));
	assert_true(msrpm_traps(msrpm, 0x277, true));
	/* FS_BASE (0xc0000100): byte 0x800 + 0x40 of the second block */
	assert_int_equal(msrpm_allow(msrpm, 0xc0000100, true, true), 0);
	assert_int_equal(msrpm[0x840], 0xfc);
	/* VM_HSAVE_PA (0xc0010117): third block, bits 0x22e-0x22f of it */
	assert_true(msrpm_traps(msrpm, 0xc0010117, false));
	assert_int_equal(msrpm_allow(msrpm, 0xc0010117, false, true), 0);
	assert_int_equal(msrpm[0x1000 + 0x45], 0x7f);
	/* beyond every block: no bit, always exits */
	assert_int_equal(msrpm_allow(msrpm, 0x2000, true, true), -1);
	assert_true(msrpm_traps(msrpm, 0x2000, false));
	assert_true(msrpm_traps(msrpm, 0xc0002000, true));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iopm),
		cmocka_unit_test(test_msrpm),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
