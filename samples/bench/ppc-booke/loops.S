/* SPDX-License-Identifier: MIT */
/*
 * The measured loops of the Book E benchmark guest (bench.c), in assembly
 * so that the instructions between two reads of the time base are exactly
 * these, whatever the compiler does. Under QEMU -icount shift=0 every
 * instruction is 1 ns of virtual time, so the 400 MHz time base (TBL, read
 * unprivileged with mfspr: no trap) advances 0.4 ticks per instruction,
 * the hypervisor's instructions included.
 *
 * Each loop comes in two forms that differ only in the instruction under
 * test, or, for loop_loads, in the addresses it is given; bench.c
 * subtracts their counts. Every loop is
 * uint32_t f(uint32_t n, uintptr_t reg, uint32_t arg): n (at least 1)
 * iterations; the time base ticks they took. Leaf functions on the
 * volatile registers only: r0, r3, r4 and r12 are a hypercall's to
 * change (samples/common/ppc-booke/arch/hypercall.h), r5-r11 survive it.
 */
#define SPR_TBL		268
#define SPR_SPRG0	272
#define SPR_SPRG4	276
#define NS16550_LSR	5

	.text

	/*
	 * loop_begin NAME ... loop_end: r3 iterations of what stands between
	 * them, with the device register or table address (r4) in r7, the
	 * third argument (r5: the hypercall number or the table's length)
	 * in r6, the count down in r10, the start time in r9.
	 */
	.macro	loop_begin name
	.global	\name
	.type	\name, @function
\name:
	mr	%r10, %r3
	mr	%r7, %r4
	mr	%r6, %r5
	mfspr	%r9, SPR_TBL
1:	mr	%r11, %r6
	.endm

	.macro	loop_end name
	addic.	%r10, %r10, -1
	bne	1b
	mfspr	%r3, SPR_TBL
	subf	%r3, %r9, %r3
	blr
	.size	\name, . - \name
	.endm

	/* The baseline: the loop with nothing under test. */
	loop_begin loop_empty
	loop_end loop_empty

	/* One hypercall: r11 = the hypercall number. */
	loop_begin loop_sc
	sc	1
	loop_end loop_sc

	/* A privileged SPR write the hypervisor keeps in the vCPU: SPRG0 ... */
	loop_begin loop_mtspr_sprg0
	mtspr	SPR_SPRG0, %r6
	loop_end loop_mtspr_sprg0

	/* ... and SPRG4, which user mode reads but may not write. */
	loop_begin loop_mtspr_sprg4
	mtspr	SPR_SPRG4, %r6
	loop_end loop_mtspr_sprg4

	/* One byte load from the 16550's line status register at r7. */
	loop_begin loop_lsr
	lbz	%r8, NS16550_LSR(%r7)
	loop_end loop_lsr

	/*
	 * One word load from each of the r6 addresses in the table at r7,
	 * in turn: bench.c's pages that all compete for one set of the
	 * TLB, so that each load misses, or one page r6 times, which stays.
	 */
	loop_begin loop_loads
	mr	%r5, %r7
2:	lwz	%r4, 0(%r5)
	lwz	%r8, 0(%r4)
	addi	%r5, %r5, 4
	addic.	%r11, %r11, -1
	bne	2b
	loop_end loop_loads

	.section .note.GNU-stack, "", @progbits
