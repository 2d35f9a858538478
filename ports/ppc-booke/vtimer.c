// SPDX-License-Identifier: MIT
/*
 * The guest's Book E timers (see asm/vtimer.h): DEC, DECAR, TCR, TSR,
 * the fixed-interval timer and the watchdog, computed from the time base
 * the caller passes. Facts from Power ISA 2.06 Book III-E ("Timer
 * Facilities") and the e500 core reference manuals:
 *  - DEC decrements once per time base tick. A decrement from 1 sets
 *    TSR[DIS]; with TCR[ARE] the DEC is loaded from DECAR instead of
 *    becoming 0 (so the period is DECAR ticks), else it stays at 0.
 *    Writing 0 to DEC stops it and sets nothing.
 *  - The FIT and the watchdog each watch one time base bit, chosen by
 *    TCR[FPEXT]||TCR[FP] and TCR[WPEXT]||TCR[WP] as an IBM bit number
 *    of the 64-bit time base (0 is its most significant bit, 63 its
 *    least); a 0-to-1 transition of that bit is one time-out.
 *  - The status bits are set whatever the TCR enables say; an interrupt
 *    is pending while both a status bit and its enable are set.
 */
#include <asm/insn.h>
#include <asm/vtimer.h>

#define TCR_WRITABLE	(TCR_WP_MASK | TCR_WRC_MASK | TCR_WIE | TCR_DIE | TCR_FP_MASK | \
			 TCR_FIE | TCR_ARE | TCR_WPEXT_MASK | TCR_FPEXT_MASK)
#define TSR_CLEARABLE	(TSR_ENW | TSR_WIS | TSR_WRS_MASK | TSR_DIS | TSR_FIS)

/* The LSB-0 position of the time base bit a 6-bit IBM bit number names */
static unsigned int tb_bit(unsigned int ibm_bit)
{
	return 63 - ibm_bit;
}

static unsigned int fit_bit(uint32_t tcr)
{
	return tb_bit((tcr & TCR_FP_MASK) >> TCR_FP_SHIFT |
		      ((tcr & TCR_FPEXT_MASK) >> TCR_FPEXT_SHIFT) << 2);
}

static unsigned int wdt_bit(uint32_t tcr)
{
	return tb_bit((tcr & TCR_WP_MASK) >> TCR_WP_SHIFT |
		      ((tcr & TCR_WPEXT_MASK) >> TCR_WPEXT_SHIFT) << 2);
}

/*
 * The @n-th (n >= 1) time base value after @tb at which @bit goes from
 * 0 to 1: those are the values whose low bit+1 bits are exactly 1 << bit,
 * one every 2^(bit+1) ticks. The most significant bit rises once only.
 */
static uint64_t nth_rise_after(uint64_t tb, unsigned int bit, unsigned int n)
{
	uint64_t half = 1ull << bit, period, first;

	if (bit == 63)
		return tb < half && n == 1 ? half : VTIMER_NEVER;
	period = half << 1;
	first = (tb & ~(period - 1)) | half;
	if (first <= tb) {
		if (first > VTIMER_NEVER - period)	/* past 2^64 */
			return VTIMER_NEVER;
		first += period;
	}
	if ((n - 1) > (VTIMER_NEVER - first) / period)
		return VTIMER_NEVER;
	return first + (n - 1) * period;
}

/*
 * The first rises after t->tb of the bits TCR selects. Kept rather than
 * computed on each advance, which on a 32-bit core would cost 64-bit
 * shifts by a variable count: an advance only compares.
 */
static void find_rises(struct vtimer *t)
{
	t->fit_rise = nth_rise_after(t->tb, fit_bit(t->tcr), 1);
	t->wdt_rise = nth_rise_after(t->tb, wdt_bit(t->tcr), 1);
}

/*
 * DEC from t->tb to @now. After the first expiry (at t->tb + dec) an
 * auto-reloading DEC holds DECAR, DECAR-1, ..., 1 and expires again
 * every DECAR ticks, so its value is a remainder, however many periods
 * passed; TSR[DIS] is one bit, set once for all of them.
 */
static void advance_dec(struct vtimer *t, uint64_t now)
{
	uint64_t elapsed = now - t->tb;

	if (!t->dec)
		return;
	if (elapsed < t->dec) {
		t->dec -= (uint32_t)elapsed;
		return;
	}
	t->tsr |= TSR_DIS;
	if ((t->tcr & TCR_ARE) && t->decar)
		t->dec = t->decar - (uint32_t)((elapsed - t->dec) % t->decar);
	else
		t->dec = 0;
}

static void advance_fit(struct vtimer *t, uint64_t now)
{
	if (t->fit_rise <= now)
		t->tsr |= TSR_FIS;
}

/*
 * One watchdog time-out. Returns whether it was the final one (ENW and
 * WIS already set), which resets the core when TCR[WRC] is not 0.
 */
static bool wdt_timeout(struct vtimer *t)
{
	if (!(t->tsr & TSR_ENW)) {
		t->tsr |= TSR_ENW;
		return false;
	}
	if (!(t->tsr & TSR_WIS)) {
		t->tsr |= TSR_WIS;
		return false;
	}
	return true;
}

/*
 * Three time-outs take any state to the final one, and more change
 * nothing once it is reached (WRC = 0: no reset; WRC != 0: reported
 * once), so at most three are applied however long the gap.
 */
static int advance_wdt(struct vtimer *t, uint64_t now)
{
	unsigned int bit = wdt_bit(t->tcr), n;
	uint32_t wrc = (t->tcr & TCR_WRC_MASK) >> TCR_WRC_SHIFT;

	if (t->wdt_rise > now)
		return 0;
	for (n = 1; n <= 3 && nth_rise_after(t->tb, bit, n) <= now; n++) {
		if (!wdt_timeout(t) || !wrc || t->wdt_reset_reported)
			continue;
		t->tsr = (t->tsr & ~TSR_WRS_MASK) | wrc << TSR_WRS_SHIFT;
		t->wdt_reset_reported = true;
		return VTIMER_WDT_RESET;
	}
	return 0;
}

int vtimer_advance(struct vtimer *t, uint64_t now_tb)
{
	int out;

	/* The time base only goes forward; an earlier @now_tb is no time at all */
	if (now_tb <= t->tb)
		return 0;
	advance_dec(t, now_tb);
	advance_fit(t, now_tb);
	out = advance_wdt(t, now_tb);
	t->tb = now_tb;
	if (t->fit_rise <= now_tb || t->wdt_rise <= now_tb)
		find_rises(t);
	return out;
}

void vtimer_init(struct vtimer *t, uint64_t now_tb)
{
	*t = (struct vtimer){ .tb = now_tb };
	find_rises(t);
}

void vtimer_reset(struct vtimer *t, uint64_t now_tb)
{
	uint32_t wrs = t->tsr & TSR_WRS_MASK;

	vtimer_init(t, now_tb);
	t->tsr = wrs;
}

int vtimer_read_spr(struct vtimer *t, unsigned int spr, uint64_t now_tb, uint32_t *val)
{
	int out;

	if (spr != SPR_DEC && spr != SPR_TCR && spr != SPR_TSR)
		return VTIMER_NOT_TIMER_SPR;
	out = vtimer_advance(t, now_tb);
	if (spr == SPR_DEC)
		*val = t->dec;
	else if (spr == SPR_TCR)
		*val = t->tcr;
	else
		*val = t->tsr;
	return out;
}

/* A non-zero TCR[WRC] can only be changed by a reset (Book III-E) */
static void write_tcr(struct vtimer *t, uint32_t val)
{
	val &= TCR_WRITABLE;
	if (t->tcr & TCR_WRC_MASK)
		val = (val & ~TCR_WRC_MASK) | (t->tcr & TCR_WRC_MASK);
	t->tcr = val;
	find_rises(t);
}

static void write_tsr(struct vtimer *t, uint32_t val)
{
	t->tsr &= ~(val & TSR_CLEARABLE);
	/* Serviced: a later final time-out is a new one to report */
	if (val & (TSR_ENW | TSR_WIS))
		t->wdt_reset_reported = false;
}

int vtimer_write_spr(struct vtimer *t, unsigned int spr, uint32_t val, uint64_t now_tb)
{
	int out;

	switch (spr) {
	case SPR_DEC:
	case SPR_DECAR:
	case SPR_TCR:
	case SPR_TSR:
		break;
	case SPR_TBL_WRITE:
	case SPR_TBU_WRITE:
		return VTIMER_TB_WRITE_DROPPED;
	default:
		return VTIMER_NOT_TIMER_SPR;
	}
	/* What happened up to now used the old values */
	out = vtimer_advance(t, now_tb);
	if (spr == SPR_DEC)
		t->dec = val;
	else if (spr == SPR_DECAR)
		t->decar = val;
	else if (spr == SPR_TCR)
		write_tcr(t, val);
	else
		write_tsr(t, val);
	return out;
}

unsigned int vtimer_pending(const struct vtimer *t)
{
	unsigned int irqs = 0;

	if ((t->tsr & TSR_DIS) && (t->tcr & TCR_DIE))
		irqs |= VTIMER_IRQ_DEC;
	if ((t->tsr & TSR_FIS) && (t->tcr & TCR_FIE))
		irqs |= VTIMER_IRQ_FIT;
	if ((t->tsr & TSR_WIS) && (t->tcr & TCR_WIE))
		irqs |= VTIMER_IRQ_WDT;
	return irqs;
}

static uint64_t earliest(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

/*
 * The watchdog's next visible change: TSR[WIS] becoming set while WIE
 * enables its interrupt, or the final time-out while WRC asks for a
 * reset. From TSR[ENW], TSR[WIS] it takes 1 + !ENW + !WIS time-outs to
 * reach the final one and, when WIS is clear, 1 + !ENW to set it.
 */
static uint64_t wdt_next_event(const struct vtimer *t)
{
	unsigned int bit = wdt_bit(t->tcr);
	bool enw = t->tsr & TSR_ENW, wis = t->tsr & TSR_WIS;
	uint64_t next = VTIMER_NEVER;

	if ((t->tcr & TCR_WIE) && !wis)
		next = nth_rise_after(t->tb, bit, 1 + !enw);
	if ((t->tcr & TCR_WRC_MASK) && !t->wdt_reset_reported)
		next = earliest(next, nth_rise_after(t->tb, bit, 1 + !enw + !wis));
	return next;
}

uint64_t vtimer_next_event(const struct vtimer *t)
{
	uint64_t next = wdt_next_event(t);

	if ((t->tcr & TCR_DIE) && !(t->tsr & TSR_DIS) && t->dec)
		next = earliest(next, t->tb + t->dec);
	if ((t->tcr & TCR_FIE) && !(t->tsr & TSR_FIS))
		next = earliest(next, t->fit_rise);
	return next;
}
