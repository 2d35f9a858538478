/* SPDX-License-Identifier: MIT */
/*
 * The Book E timer facility a guest sees, one per vCPU: the decrementer
 * (DEC, DECAR), the fixed-interval timer (FIT), the watchdog, and their
 * control and status registers TCR and TSR, with the e500 period
 * extensions TCR[WPEXT] and TCR[FPEXT].
 *
 * The guest runs with MSR[PR]=1, so its mtspr/mfspr of DEC, DECAR, TCR
 * and TSR trap and land here; the hardware timer registers stay the
 * hypervisor's. Nothing here reads the hardware: every call takes the
 * current time base value @now_tb from the caller, so the host unit
 * tests drive it with any time they like. The model is lazy: its state
 * is brought up to @now_tb on every call that takes it, with arithmetic
 * rather than a loop per period, and the port only has to wake up at
 * vtimer_next_event() to raise an interrupt on time.
 *
 * The time base itself is not virtualized: mftb (SPR 268/269 and the
 * mftb opcode) is a user-level read on Book E and e500, and the
 * architecture has no control that makes it trap. A guest therefore
 * reads the physical time base, which every partition shares, and an
 * offset could never be applied to its reads. Its writes (mttbl,
 * mttbu: SPR 284/285) trap and are dropped, because applying them would
 * move the time base of everyone else; the FIT and the watchdog count
 * the same physical time base the guest reads, so all three stay
 * consistent with each other.
 *
 * Watchdog, as Book III-E describes it: each 0-to-1 transition of the
 * selected time base bit is a time-out. The first sets TSR[ENW], the
 * second TSR[WIS] (an interrupt if TCR[WIE]), the third, with both set,
 * is the final one: if TCR[WRC] is not 0 a real core would reset; here
 * TSR[WRS] takes TCR[WRC] and the call returns VTIMER_WDT_RESET, which
 * the port turns into the partition's fault policy. Software services
 * the watchdog by clearing ENW or WIS in time.
 *
 * Locking: the vCPU's exit path calls this on the CPU that runs the
 * vCPU, which owns the struct, so nothing here takes a lock.
 */
#ifndef ASM_VTIMER_H
#define ASM_VTIMER_H

#include <bulkhead/types.h>

/* TCR (Book III-E, bit numbers in the LSB-0 order of a 32-bit register) */
#define TCR_WP_SHIFT	30		/* watchdog period, low 2 bits */
#define TCR_WP_MASK	(3u << TCR_WP_SHIFT)
#define TCR_WRC_SHIFT	28		/* watchdog reset control: sticky */
#define TCR_WRC_MASK	(3u << TCR_WRC_SHIFT)
#define TCR_WIE		(1u << 27)	/* watchdog interrupt enable */
#define TCR_DIE		(1u << 26)	/* decrementer interrupt enable */
#define TCR_FP_SHIFT	24		/* fixed-interval period, low 2 bits */
#define TCR_FP_MASK	(3u << TCR_FP_SHIFT)
#define TCR_FIE		(1u << 23)	/* fixed-interval interrupt enable */
#define TCR_ARE		(1u << 22)	/* decrementer auto-reload enable */
#define TCR_WPEXT_SHIFT	17		/* e500: watchdog period, high 4 bits */
#define TCR_WPEXT_MASK	(0xfu << TCR_WPEXT_SHIFT)
#define TCR_FPEXT_SHIFT	13		/* e500: fixed-interval period, high 4 bits */
#define TCR_FPEXT_MASK	(0xfu << TCR_FPEXT_SHIFT)
#define TCR_WP(n)	((((n) & 3u) << TCR_WP_SHIFT) | (((n) >> 2) << TCR_WPEXT_SHIFT))
#define TCR_FP(n)	((((n) & 3u) << TCR_FP_SHIFT) | (((n) >> 2) << TCR_FPEXT_SHIFT))
#define TCR_WRC(n)	((n) << TCR_WRC_SHIFT)

/* TSR: every field is write-one-to-clear */
#define TSR_ENW		(1u << 31)	/* enable next watchdog time-out */
#define TSR_WIS		(1u << 30)	/* watchdog interrupt status */
#define TSR_WRS_SHIFT	28		/* watchdog reset status: WRC at the reset */
#define TSR_WRS_MASK	(3u << TSR_WRS_SHIFT)
#define TSR_DIS		(1u << 27)	/* decrementer interrupt status */
#define TSR_FIS		(1u << 26)	/* fixed-interval interrupt status */

/* A time base value no event will reach (2^64 ticks: 1461 years at 400 MHz) */
#define VTIMER_NEVER	UINT64_MAX

/* Outcomes of a call, to be acted on by the port (flags) */
#define VTIMER_WDT_RESET	(1 << 0)	/* final watchdog time-out, WRC != 0 */
#define VTIMER_TB_WRITE_DROPPED	(1 << 1)	/* mttbl/mttbu: ignored, see above */
/* Returned instead when the SPR is not one of the timer facility's */
#define VTIMER_NOT_TIMER_SPR	(-1)

/* Interrupts vtimer_pending() reports: status bit and its TCR enable */
#define VTIMER_IRQ_DEC	(1u << 0)	/* IVOR10, gated by MSR[EE] */
#define VTIMER_IRQ_FIT	(1u << 1)	/* IVOR11, gated by MSR[EE] */
#define VTIMER_IRQ_WDT	(1u << 2)	/* IVOR12, critical: gated by MSR[CE] */

struct vtimer {
	uint32_t tcr;
	uint32_t tsr;
	uint32_t decar;
	uint32_t dec;		/* DEC at time base @tb; 0: stopped */
	uint64_t tb;		/* the time base all of the state is valid at */
	/* The first rise after @tb of the time base bit the FIT, the watchdog watches */
	uint64_t fit_rise, wdt_rise;
	bool wdt_reset_reported; /* final time-out seen; quiet until serviced */
};

/*
 * Power-on state at time base @now_tb: all registers 0, DEC stopped.
 * vtimer_reset() is the reset a watchdog-restarted partition gets: the
 * same, except that TSR[WRS] survives, as on a core reset, so that the
 * restarted guest can tell why it was reset.
 */
void vtimer_init(struct vtimer *t, uint64_t now_tb);
void vtimer_reset(struct vtimer *t, uint64_t now_tb);

/*
 * Bring TSR[DIS], TSR[FIS], TSR[ENW], TSR[WIS] and DEC up to @now_tb,
 * however long ago the last call was. Returns outcome flags.
 */
int vtimer_advance(struct vtimer *t, uint64_t now_tb);

/*
 * mfspr of @spr at @now_tb into @val: DEC, TCR and TSR as they are at
 * that time. Returns outcome flags, or VTIMER_NOT_TIMER_SPR with @val
 * untouched for any other number, the write-only DECAR and SPR 284/285
 * included: the e500 cannot read them (E500CORERM Table 2-2, 9.2), and
 * the emulator makes such a read a no-op (emulate_spr.c).
 */
int vtimer_read_spr(struct vtimer *t, unsigned int spr, uint64_t now_tb, uint32_t *val);

/*
 * mtspr of @val to @spr at @now_tb. DEC starts counting down from @val
 * with the next tick (0 stops it and raises nothing); TSR clears the bits
 * set in @val; TCR keeps a non-zero WRC once written, as the hardware
 * does; SPR 284/285 are dropped with VTIMER_TB_WRITE_DROPPED. Returns
 * outcome flags, or VTIMER_NOT_TIMER_SPR.
 */
int vtimer_write_spr(struct vtimer *t, unsigned int spr, uint32_t val, uint64_t now_tb);

/*
 * The VTIMER_IRQ_* the guest has pending, as of the last call that took
 * a time (call vtimer_advance() first). Level: a pending interrupt
 * stays so until the guest clears its TSR bit or its TCR enable.
 */
unsigned int vtimer_pending(const struct vtimer *t);

/*
 * The time base value at which vtimer_pending() or the watchdog outcome
 * can next change, or VTIMER_NEVER: the port programs the hardware
 * decrementer for the earlier of this and its own next event, and calls
 * vtimer_advance() when it fires. Changes that nothing can see until
 * the guest traps again (DEC reloads with TCR[DIE]=0, TSR[FIS] with
 * TCR[FIE]=0, TSR[ENW]) are not events: they are computed at that trap.
 */
uint64_t vtimer_next_event(const struct vtimer *t);

#endif
