/* SPDX-License-Identifier: MIT */
/*
 * Interrupt entries of a sample guest that takes interrupts, and
 * irq_wait(); irq_cpu_init() (irq.c) points IVPR and every IVOR here
 * with irq_install_vectors().
 * The external input (IVOR4) and decrementer (IVOR10) entries save what
 * a C call may change (SVR4 ABI: r0, r3-r12, LR, CTR, XER, CR) on the
 * interrupted stack, which has no red zone, call the dispatcher in irq.c
 * and return with rfi. SRR0/SRR1 are not saved: handlers run with
 * MSR[EE] clear and take no other interrupt. Every other interrupt is a
 * bug in the sample: it is reported and the partition stops.
 *
 * IVORn holds bits 16-27 of its entry's address, IVPR the bits above
 * them: every entry is 16-byte aligned and the block lies inside one
 * 64 KiB page (aligned to 1 KiB, and shorter). In a section of its own,
 * so that --gc-sections drops it from guests that never call irq_init().
 */
#define MSR_WE		0x00040000	/* e500v2: sleep until an interrupt */
#define MSR_EE		0x00008000
#define FRAME		80		/* back chain, callee's LR slot, 15 words */

	.section .text.irq_vectors, "ax"

	/*
	 * The volatile registers (r13-r31 are callee-saved) below the frame
	 * the entry's stwu made; offset 4 is the callee's LR slot.
	 */
	.macro	save_rest
	stw	0, 8(1)
	stw	3, 12(1)
	stw	4, 16(1)
	stw	5, 20(1)
	stw	6, 24(1)
	stw	7, 28(1)
	stw	8, 32(1)
	stw	9, 36(1)
	stw	10, 40(1)
	stw	11, 44(1)
	stw	12, 48(1)
	mflr	0
	stw	0, 52(1)
	mfctr	0
	stw	0, 56(1)
	mfxer	0
	stw	0, 60(1)
	mfcr	0
	stw	0, 64(1)
	.endm

	/* The registers save_rest stored, then return from the interrupt */
	.macro	restore_rfi
	lwz	0, 64(1)
	mtcr	0
	lwz	0, 60(1)
	mtxer	0
	lwz	0, 56(1)
	mtctr	0
	lwz	0, 52(1)
	mtlr	0
	lwz	0, 8(1)
	lwz	3, 12(1)
	lwz	4, 16(1)
	lwz	5, 20(1)
	lwz	6, 24(1)
	lwz	7, 28(1)
	lwz	8, 32(1)
	lwz	9, 36(1)
	lwz	10, 40(1)
	lwz	11, 44(1)
	lwz	12, 48(1)
	addi	1, 1, FRAME
	rfi
	.endm

/*
 * Every other IVOR points at one of these: r3 = the IVOR's number for
 * irq_unexpected() (irq.c), which does not return.
 */
	.macro	unexpected n
	.balign	16
unexpected_\n:
	li	3, \n
	b	report
	.endm

/* The IVORs the two cores have but 4 and 10: e500v2 32-35, e500mc 35-37 */
#define OTHER_IVORS	0, 1, 2, 3, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 32, 33, 34, 35, 36, 37

	.balign	1024
	.global	irq_vectors
irq_vectors:

/* IVOR4 */
	.balign	16
irq_external_entry:
	stwu	1, -FRAME(1)
	b	external_body

/* IVOR10 */
	.balign	16
irq_decrementer_entry:
	stwu	1, -FRAME(1)
	b	decrementer_body

	.irp	n, OTHER_IVORS
	unexpected \n
	.endr

report:
	li	0, -16			/* a stack aligned for C, whatever r1 was */
	and	1, 1, 0
	stwu	1, -16(1)
	bl	irq_unexpected

external_body:
	save_rest
	bl	irq_dispatch_external
	restore_rfi

decrementer_body:
	save_rest
	bl	irq_dispatch_decrementer
	restore_rfi

	/* The block is 1 KiB: should it grow past, the assembler refuses this */
	.org	irq_vectors + 1024

/*
 * void irq_install_vectors(void), for irq_cpu_init(): IVPR and every IVOR
 * point here. An IVOR the core lacks is a no-op to write.
 */
	.macro	set_ivor n, entry
	lis	3, 0
	ori	3, 3, (\entry)@l
	.if	\n < 32
	mtspr	400 + \n, 3
	.else
	mtspr	528 + \n - 32, 3
	.endif
	.endm

	.section .text.irq_install_vectors, "ax"
	.global	irq_install_vectors
irq_install_vectors:
	lis	3, irq_vectors@h
	mtspr	63, 3			/* IVPR: bits 16-31 of every entry */
	set_ivor 4, irq_external_entry
	set_ivor 10, irq_decrementer_entry
	.irp	n, OTHER_IVORS
	set_ivor \n, unexpected_\n
	.endr
	blr

/*
 * void irq_wait(void): called with MSR[EE] clear, returns with it clear;
 * an interrupt pending before or while it sleeps is taken inside it.
 * e500mc: enable, then wait, which halts until the next interrupt (it
 * traps to the hypervisor, which delivers the guest's); one taken at the
 * enable would return to the wait and halt again, so the dispatchers
 * step over it (irq.c, leave_wait()). e500v2: one mtmsr sets EE and WE,
 * which the hypervisor takes as the core's doze; the interrupt's SRR1
 * has WE set, and the dispatchers clear it so that the rfi does not doze
 * again. irq_cpu_init() chose the way in irq_idle_by_we.
 */
	.section .text.irq_wait, "ax"
	.global	irq_wait
	.global	irq_wait_insn
	.global	irq_wait_doze
irq_wait:
	lis	4, irq_idle_by_we@ha
	lwz	4, irq_idle_by_we@l(4)
	cmpwi	4, 0
	bne	1f
	wrteei	1
irq_wait_insn:
	wait
	b	2f
1:	mfmsr	3
	ori	3, 3, MSR_EE
	oris	3, 3, MSR_WE >> 16
	mtmsr	3
irq_wait_doze:
2:	wrteei	0
	blr
