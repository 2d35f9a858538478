/* SPDX-License-Identifier: MIT */
/*
 * Exception vectors of a sample guest that takes interrupts; irq_init()
 * and irq_cpu_init() (irq.c) point VBAR here. The IRQ handler runs C on
 * the interrupted SVC-mode stack: the samples run in SVC mode, so nothing
 * below their stack pointer is live. Every other exception is a bug in the
 * sample: it is reported and the partition stops.
 *
 * In a section of its own, so that --gc-sections drops it from guests
 * that never call irq_init().
 */
#define MODE_SVC	0x13

	.syntax	unified
	.arm
	.section .text.irq_vectors, "ax"

	.balign	32
	.global	irq_vectors
irq_vectors:
	b	reset_entry		@ 0x00
	b	undef_entry		@ 0x04
	b	svc_entry		@ 0x08
	b	pabt_entry		@ 0x0c
	b	dabt_entry		@ 0x10
	b	reserved_entry		@ 0x14
	b	irq_entry		@ 0x18
	b	fiq_entry		@ 0x1c

irq_entry:
	sub	lr, lr, #4		@ return to the interrupted instruction
	srsdb	sp!, #MODE_SVC		@ its address and CPSR onto the SVC stack
	cps	#MODE_SVC
	push	{r0-r3, r12, lr}	@ what a C call may change, LR_svc included
	and	r1, sp, #4		@ AAPCS: an 8-byte aligned stack for C
	sub	sp, sp, r1
	push	{r1, r2}		@ the adjustment (r2 pads to 8 bytes)
	bl	irq_dispatch
	pop	{r1, r2}
	add	sp, sp, r1
	pop	{r0-r3, r12, lr}
	rfeia	sp!

	.macro	unexpected vector
	mov	r0, #\vector
	b	report
	.endm

reset_entry:
	unexpected 0x00
undef_entry:
	unexpected 0x04
svc_entry:
	unexpected 0x08
pabt_entry:
	unexpected 0x0c
dabt_entry:
	unexpected 0x10
reserved_entry:
	unexpected 0x14
fiq_entry:
	unexpected 0x1c

/* r0 = vector offset; irq_unexpected() does not return. */
report:
	mov	r1, lr
	cps	#MODE_SVC
	bic	sp, sp, #7
	b	irq_unexpected
