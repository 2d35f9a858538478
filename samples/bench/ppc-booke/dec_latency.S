/* SPDX-License-Identifier: MIT */
/*
 * The decrementer's latency (bench.c): from the mtspr that arms it to
 * expire at once (DEC = 1, with TCR[DIE] and MSR[EE] set) to the first
 * instruction of the guest's IVOR10 handler, one event per iteration.
 *
 * One event is a difference of two time base reads, 0.4 ticks per
 * instruction: the instructions between them (N) only to within a tick.
 * But the sum of the differences over every phase of the time base is
 * exact: if the starts t_i of the 5 events lie at all five instruction
 * counts modulo 5, sum floor(2 (t_i + N) / 5) - floor(2 t_i / 5) = 2 N.
 * The iterations do that when their length L is prime to 5 (t_i = t_0 +
 * i L), so each loop can pad an iteration by one instruction (@pad);
 * bench.c picks whichever makes L prime to 5 and checks the sum is a
 * multiple of its share.
 *
 * uint32_t f(uint32_t n, uint32_t pad, uint32_t *ticks): the sum over
 * @n iterations; *@ticks the whole loop's ticks, for L. Leaf functions:
 * the handler changes r0, r9 and r10 only, which the loop leaves to it.
 */
#define SPR_DEC		22
#define SPR_TBL		268
#define SPR_TSR		336
#define TSR_DIS		0x08000000

	.text

	/*
	 * interval_begin NAME ... interval_end NAME: r8 = the time base
	 * at the start of the interval, then what stands between them, which
	 * must end with r10 = the time base at its end and r9 = 1.
	 */
	.macro	interval_begin name
	.global	\name
	.type	\name, @function
\name:
	mr	%r11, %r3
	mr	%r6, %r4
	mr	%r7, %r5
	li	%r3, 0
	li	%r5, 1
	li	%r9, 0
	mfspr	%r12, SPR_TBL
1:	mfspr	%r8, SPR_TBL
	.endm

	.macro	interval_end name
2:	cmpwi	%r9, 0
	beq	2b
	li	%r9, 0
	subf	%r4, %r8, %r10
	add	%r3, %r3, %r4
	cmpwi	%r6, 0
	beq	3f
	nop
3:	addic.	%r11, %r11, -1
	bne	1b
	mfspr	%r4, SPR_TBL
	subf	%r4, %r12, %r4
	stw	%r4, 0(%r7)
	blr
	.size	\name, . - \name
	.endm

	/*
	 * The method's check: an interval of 4 known instructions, the
	 * start's mfspr and 3 nops.
	 */
	interval_begin interval_known
	nop
	nop
	nop
	mfspr	%r10, SPR_TBL
	li	%r9, 1
	interval_end interval_known

	/*
	 * DEC = 1 expires on the next time base tick, during the mtspr's
	 * emulation: the hypervisor finds the guest's decrementer interrupt
	 * pending and enters the guest at dec_latency_vector, whose rfi
	 * comes back to the wait.
	 */
	interval_begin interval_dec
	mtspr	SPR_DEC, %r5
	interval_end interval_dec

	/*
	 * IVOR10 while interval_dec() runs (bench.c installs it): the end of
	 * the interval, then the decrementer's status cleared so that the
	 * interrupt does not come again at the rfi.
	 */
	.section .text.vectors.bench_dec, "ax"
	.balign	16
	.global	dec_latency_vector
dec_latency_vector:
	mfspr	%r10, SPR_TBL
	lis	%r0, TSR_DIS@h
	mtspr	SPR_TSR, %r0
	li	%r9, 1
	rfi

	.section .note.GNU-stack, "", @progbits
