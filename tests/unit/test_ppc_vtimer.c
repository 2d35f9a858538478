// SPDX-License-Identifier: MIT
/*
 * Host tests of the guest's Book E timers (ports/ppc-booke/vtimer.c):
 * the decrementer with and without auto-reload, over long gaps, TSR's
 * write-one-to-clear, the TCR enables, the FIT's bit selection with the
 * e500 FPEXT field, the watchdog's three stages and its sticky WRC, the
 * next event the port programs, and the SPRs that are not the model's.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <asm/insn.h>
#include <asm/vtimer.h>

static struct vtimer vt;

static int setup(void **state)
{
	(void)state;
	vtimer_init(&vt, 1000);
	return 0;
}

static void wr(unsigned int spr, uint32_t val, uint64_t tb)
{
	assert_int_equal(vtimer_write_spr(&vt, spr, val, tb), 0);
}

static uint32_t rd(unsigned int spr, uint64_t tb)
{
	uint32_t val = 0xdeadbeef;

	assert_int_equal(vtimer_read_spr(&vt, spr, tb, &val), 0);
	return val;
}

/* TCR, DECAR and DEC written at @tb, in the order a guest writes them */
static void start_dec(uint32_t tcr, uint32_t decar, uint32_t dec, uint64_t tb)
{
	wr(SPR_TCR, tcr, tb);
	wr(SPR_DECAR, decar, tb);
	wr(SPR_DEC, dec, tb);
}

/* DEC and TSR as the guest reads them at @tb */
static void expect(uint64_t tb, uint32_t dec, uint32_t tsr)
{
	assert_int_equal(rd(SPR_DEC, tb), dec);
	assert_int_equal(rd(SPR_TSR, tb), tsr);
}

static void test_dec_one_shot(void **state)
{
	(void)state;
	wr(SPR_DEC, 100, 1000);
	expect(1000, 100, 0);
	expect(1050, 50, 0);
	expect(1099, 1, 0);
	/* The decrement from 1: DIS set, DEC stays at 0 */
	expect(1100, 0, TSR_DIS);
	wr(SPR_TSR, TSR_DIS, 1200);
	expect(1000000, 0, 0);
}

static void test_dec_one_shot_long_gap(void **state)
{
	(void)state;
	wr(SPR_DEC, 100, 1000);
	/* Read first long after the expiry: the same end state */
	expect(5000000000ull, 0, TSR_DIS);
}

static void test_dec_write_zero_raises_nothing(void **state)
{
	(void)state;
	start_dec(TCR_ARE | TCR_DIE, 50, 0, 1000);
	expect(9000, 0, 0);
	assert_int_equal(vtimer_next_event(&vt), VTIMER_NEVER);
}

static void test_dec_auto_reload(void **state)
{
	(void)state;
	start_dec(TCR_ARE, 10, 10, 1000);
	expect(1009, 1, 0);
	/* Reloaded instead of reaching 0: the period is DECAR ticks */
	expect(1010, 10, TSR_DIS);
	wr(SPR_TSR, TSR_DIS, 1012);
	expect(1015, 5, 0);
	expect(1019, 1, 0);
	expect(1020, 10, TSR_DIS);
}

static void test_dec_auto_reload_long_gap(void **state)
{
	uint64_t t0 = 1000, gap = 300 + 1000ull * 123456789 + 250;

	(void)state;
	start_dec(TCR_ARE | TCR_DIE, 1000, 300, t0);
	assert_int_equal(vtimer_advance(&vt, t0 + gap), 0);
	/* One status bit for 123456790 expiries, and DEC in phase */
	assert_int_equal(vt.tsr, TSR_DIS);
	assert_int_equal(rd(SPR_DEC, t0 + gap), 750);
	wr(SPR_TSR, TSR_DIS, t0 + gap);
	assert_int_equal(vtimer_next_event(&vt), t0 + gap + 750);
	assert_int_equal(rd(SPR_TSR, t0 + gap + 749), 0);
	assert_int_equal(rd(SPR_TSR, t0 + gap + 750), TSR_DIS);
}

static void test_dec_reload_needs_decar(void **state)
{
	(void)state;
	/* ARE with DECAR 0: reloading 0 stops the DEC */
	wr(SPR_TCR, TCR_ARE, 1000);
	wr(SPR_DEC, 5, 1000);
	expect(1005, 0, TSR_DIS);
	expect(2000, 0, TSR_DIS);
}

static void test_decar_change_takes_effect_at_reload(void **state)
{
	(void)state;
	start_dec(TCR_ARE, 10, 10, 1000);
	wr(SPR_DECAR, 40, 1005);
	expect(1009, 1, 0);
	expect(1010, 40, TSR_DIS);
	wr(SPR_TSR, TSR_DIS, 1010);
	expect(1049, 1, 0);
	expect(1050, 40, TSR_DIS);
}

static void test_dec_read_at_arbitrary_times(void **state)
{
	static const struct { uint64_t tb; uint32_t dec; } reads[] = {
		{ 1000, 0xffffffff }, { 1001, 0xfffffffe }, { 1000 + 0x7fffffffull, 0x80000000 },
		{ 1000 + 0xfffffffeull, 1 }, { 1000 + 0xffffffffull, 0 },
		{ 1000 + 0x1ffffffffull, 0 },
	};
	unsigned int i;

	(void)state;
	wr(SPR_DEC, 0xffffffff, 1000);
	for (i = 0; i < ARRAY_SIZE(reads); i++)
		assert_int_equal(rd(SPR_DEC, reads[i].tb), reads[i].dec);
	/* An earlier time than the last call is no time at all */
	assert_int_equal(rd(SPR_DEC, 500), 0);
}

static void test_tsr_write_one_to_clear(void **state)
{
	(void)state;
	/* FIT on time base bit 0: a time-out at every odd value */
	wr(SPR_TCR, TCR_FP(63), 1000);
	wr(SPR_DEC, 1, 1000);
	assert_int_equal(rd(SPR_TSR, 1001), TSR_DIS | TSR_FIS);
	wr(SPR_TSR, 0, 1001);
	wr(SPR_TSR, 0x03ffffff, 1001);	/* reserved bits only */
	assert_int_equal(rd(SPR_TSR, 1001), TSR_DIS | TSR_FIS);
	wr(SPR_TSR, TSR_FIS, 1001);
	assert_int_equal(rd(SPR_TSR, 1001), TSR_DIS);
	wr(SPR_TSR, ~0u, 1001);
	assert_int_equal(rd(SPR_TSR, 1001), 0);
}

static void test_die_gates_pending(void **state)
{
	(void)state;
	wr(SPR_DEC, 10, 1000);
	vtimer_advance(&vt, 1010);
	assert_int_equal(vt.tsr, TSR_DIS);
	assert_int_equal(vtimer_pending(&vt), 0);
	wr(SPR_TCR, TCR_DIE, 1020);
	assert_int_equal(vtimer_pending(&vt), VTIMER_IRQ_DEC);
	wr(SPR_TCR, 0, 1030);
	assert_int_equal(vtimer_pending(&vt), 0);
	wr(SPR_TCR, TCR_DIE, 1040);
	wr(SPR_TSR, TSR_DIS, 1040);
	assert_int_equal(vtimer_pending(&vt), 0);
}

static void test_fit_bit_selection(void **state)
{
	/* FPEXT||FP = 0b1101_01 = IBM bit 53: time base bit 10 */
	uint32_t tcr = TCR_FIE | (1u << TCR_FP_SHIFT) | (0xdu << TCR_FPEXT_SHIFT);

	(void)state;
	assert_int_equal(tcr, TCR_FIE | TCR_FP(53));
	vtimer_init(&vt, 0);
	wr(SPR_TCR, tcr, 0);
	assert_int_equal(vtimer_next_event(&vt), 1024);
	assert_int_equal(rd(SPR_TSR, 1023), 0);
	assert_int_equal(rd(SPR_TSR, 1024), TSR_FIS);
	assert_int_equal(vtimer_pending(&vt), VTIMER_IRQ_FIT);
	wr(SPR_TSR, TSR_FIS, 1500);
	/* The 1-to-0 transition at 2048 is not a time-out */
	assert_int_equal(rd(SPR_TSR, 3071), 0);
	assert_int_equal(vtimer_next_event(&vt), 3072);
	assert_int_equal(rd(SPR_TSR, 3072), TSR_FIS);
	/* FP alone (FPEXT 0) names the four most significant bits: far off */
	wr(SPR_TSR, TSR_FIS, 3072);
	wr(SPR_TCR, TCR_FIE | TCR_FP(3), 3072);
	assert_int_equal(vtimer_next_event(&vt), 1ull << 60);
}

static void test_fit_status_without_enable(void **state)
{
	(void)state;
	vtimer_init(&vt, 0);
	wr(SPR_TCR, TCR_FP(53), 0);
	/* Not an event to wake up for, yet the guest sees FIS when it looks */
	assert_int_equal(vtimer_next_event(&vt), VTIMER_NEVER);
	assert_int_equal(rd(SPR_TSR, 1024), TSR_FIS);
	assert_int_equal(vtimer_pending(&vt), 0);
}

/* Watchdog on time base bit 8 (IBM 55): time-outs at 256, 768, 1280, ... */
static void test_watchdog_stages(void **state)
{
	uint32_t val;

	(void)state;
	vtimer_init(&vt, 0);
	wr(SPR_TCR, TCR_WIE | TCR_WRC(2) | TCR_WP(55), 0);
	assert_int_equal(vtimer_next_event(&vt), 768);
	assert_int_equal(rd(SPR_TSR, 255), 0);
	assert_int_equal(rd(SPR_TSR, 256), TSR_ENW);
	assert_int_equal(vtimer_pending(&vt), 0);
	assert_int_equal(rd(SPR_TSR, 768), TSR_ENW | TSR_WIS);
	assert_int_equal(vtimer_pending(&vt), VTIMER_IRQ_WDT);
	assert_int_equal(vtimer_next_event(&vt), 1280);
	assert_int_equal(vtimer_read_spr(&vt, SPR_TSR, 1280, &val), VTIMER_WDT_RESET);
	assert_int_equal(val, TSR_ENW | TSR_WIS | (2u << TSR_WRS_SHIFT));
	/* Reported once; quiet until serviced */
	assert_int_equal(vtimer_next_event(&vt), VTIMER_NEVER);
	assert_int_equal(vtimer_advance(&vt, 1000000), 0);
	/* A reset keeps WRS for the restarted guest, and clears the rest */
	vtimer_reset(&vt, 1000000);
	assert_int_equal(rd(SPR_TSR, 1000000), 2u << TSR_WRS_SHIFT);
	assert_int_equal(rd(SPR_TCR, 1000000), 0);
}

static void test_watchdog_serviced(void **state)
{
	(void)state;
	vtimer_init(&vt, 0);
	wr(SPR_TCR, TCR_WRC(1) | TCR_WP(55), 0);
	/* No WIE: the only event is the reset, three time-outs away */
	assert_int_equal(vtimer_next_event(&vt), 1280);
	/* Clearing ENW after each time-out keeps it away for ever */
	wr(SPR_TSR, TSR_ENW, 300);
	wr(SPR_TSR, TSR_ENW, 800);
	wr(SPR_TSR, TSR_ENW, 1300);
	assert_int_equal(vt.tsr, 0);
	/* A gap of many periods: one reset, however many time-outs */
	assert_int_equal(vtimer_advance(&vt, 1ull << 40), VTIMER_WDT_RESET);
	assert_int_equal(vtimer_advance(&vt, 1ull << 41), 0);
	wr(SPR_TSR, TSR_ENW | TSR_WIS, 1ull << 41);
	assert_int_equal(vtimer_advance(&vt, (1ull << 41) + 1280), VTIMER_WDT_RESET);
}

static void test_watchdog_without_reset(void **state)
{
	(void)state;
	vtimer_init(&vt, 0);
	wr(SPR_TCR, TCR_WP(55), 0);
	assert_int_equal(vtimer_next_event(&vt), VTIMER_NEVER);
	/* WRC 0: the final time-out resets nothing */
	assert_int_equal(vtimer_advance(&vt, 100000), 0);
	assert_int_equal(vt.tsr, TSR_ENW | TSR_WIS);
}

static void test_wrc_sticky(void **state)
{
	(void)state;
	wr(SPR_TCR, TCR_WRC(2) | TCR_DIE, 1000);
	wr(SPR_TCR, TCR_WRC(1), 1000);
	assert_int_equal(rd(SPR_TCR, 1000), TCR_WRC(2));
	wr(SPR_TCR, 0, 1000);
	assert_int_equal(rd(SPR_TCR, 1000), TCR_WRC(2));
	/* Reserved TCR bits read back as 0 */
	wr(SPR_TCR, 0x00001fff, 1000);
	assert_int_equal(rd(SPR_TCR, 1000), TCR_WRC(2));
}

static void test_next_event_earliest(void **state)
{
	(void)state;
	vtimer_init(&vt, 0);
	assert_int_equal(vtimer_next_event(&vt), VTIMER_NEVER);
	/* DEC without DIE is not an event */
	wr(SPR_DEC, 5000, 0);
	assert_int_equal(vtimer_next_event(&vt), VTIMER_NEVER);
	wr(SPR_TCR, TCR_DIE | TCR_FIE | TCR_FP(53), 0);
	assert_int_equal(vtimer_next_event(&vt), 1024);
	wr(SPR_TSR, TSR_FIS, 1024);
	assert_int_equal(vtimer_next_event(&vt), 3072);
	wr(SPR_TSR, TSR_FIS, 3072);
	assert_int_equal(vtimer_next_event(&vt), 5000);
	/* Once DIS is set, more expiries change nothing visible */
	vtimer_advance(&vt, 5000);
	wr(SPR_TCR, TCR_DIE | TCR_ARE, 5000);
	assert_int_equal(vtimer_next_event(&vt), VTIMER_NEVER);
}

static void test_not_timer_sprs(void **state)
{
	uint32_t val = 7;

	(void)state;
	assert_int_equal(vtimer_write_spr(&vt, SPR_TBL_WRITE, 0, 2000), VTIMER_TB_WRITE_DROPPED);
	assert_int_equal(vtimer_write_spr(&vt, SPR_TBU_WRITE, 0, 2000), VTIMER_TB_WRITE_DROPPED);
	/* The write-only numbers are no registers a read can name */
	assert_int_equal(vtimer_read_spr(&vt, SPR_TBL_WRITE, 2000, &val), VTIMER_NOT_TIMER_SPR);
	assert_int_equal(vtimer_read_spr(&vt, SPR_TBU_WRITE, 2000, &val), VTIMER_NOT_TIMER_SPR);
	wr(SPR_DECAR, 40, 2000);
	assert_int_equal(vtimer_read_spr(&vt, SPR_DECAR, 2000, &val), VTIMER_NOT_TIMER_SPR);
	assert_int_equal(val, 7);
	assert_int_equal(vtimer_write_spr(&vt, SPR_SRR0, 0, 2000), VTIMER_NOT_TIMER_SPR);
	assert_int_equal(vtimer_read_spr(&vt, SPR_PIR, 2000, &val), VTIMER_NOT_TIMER_SPR);
	assert_int_equal(val, 7);
	assert_int_equal(vtimer_read_spr(&vt, SPR_TBL_READ, 2000, &val), VTIMER_NOT_TIMER_SPR);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_dec_one_shot, setup),
		cmocka_unit_test_setup(test_dec_one_shot_long_gap, setup),
		cmocka_unit_test_setup(test_dec_write_zero_raises_nothing, setup),
		cmocka_unit_test_setup(test_dec_auto_reload, setup),
		cmocka_unit_test_setup(test_dec_auto_reload_long_gap, setup),
		cmocka_unit_test_setup(test_dec_reload_needs_decar, setup),
		cmocka_unit_test_setup(test_decar_change_takes_effect_at_reload, setup),
		cmocka_unit_test_setup(test_dec_read_at_arbitrary_times, setup),
		cmocka_unit_test_setup(test_tsr_write_one_to_clear, setup),
		cmocka_unit_test_setup(test_die_gates_pending, setup),
		cmocka_unit_test_setup(test_fit_bit_selection, setup),
		cmocka_unit_test_setup(test_fit_status_without_enable, setup),
		cmocka_unit_test_setup(test_watchdog_stages, setup),
		cmocka_unit_test_setup(test_watchdog_serviced, setup),
		cmocka_unit_test_setup(test_watchdog_without_reset, setup),
		cmocka_unit_test_setup(test_wrc_sticky, setup),
		cmocka_unit_test_setup(test_next_event_earliest, setup),
		cmocka_unit_test_setup(test_not_timer_sprs, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
