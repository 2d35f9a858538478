/* SPDX-License-Identifier: MIT */
/*
 * unmapped-abort: the prober's exception vectors, abort handlers and the
 * probing instructions, whose addresses prober.c checks the aborts
 * against (probes.h).
 *
 * The handlers run in Abort mode on the stack prober.c gives it, hand
 * what they see to abort_record() and return: a data abort to the
 * instruction after the (4-byte) load or store that faulted, a prefetch
 * abort to where probe_fetch() jumped from (the faulting address has
 * nothing to return to).
 */
#include "probes.h"

	.syntax	unified

	/*
	 * Position independent, so that prober.c can copy it to the high
	 * vectors: each entry loads the handler address 32 bytes further on.
	 */
	.arm
	.section .text.probe_vectors, "ax"
	.balign	32
	.global	probe_vectors
probe_vectors:
	.rept	8
	ldr	pc, [pc, #24]
	.endr
	.word	reset_entry, undef_entry, svc_entry, pabt_entry
	.word	dabt_entry, reserved_entry, irq_entry, fiq_entry
	.global	probe_vectors_end
probe_vectors_end:

	/* With SCTLR.TE the vectors run in Thumb state; ARM code here would not */
	.thumb
	.balign	32
	.global	probe_thumb_vectors
probe_thumb_vectors:
	.rept	8
	ldr.w	pc, [pc, #28]
	.endr
	.word	reset_entry, undef_entry, svc_entry, thumb_pabt
	.word	thumb_dabt, reserved_entry, irq_entry, fiq_entry

	/* Count the Thumb entry, then the ARM handler (LDR to PC interworks) */
	.macro	thumb_entry name, arm_handler
	.type	\name, %function
	.thumb_func
\name:
	push	{r0, r1}
	ldr	r0, =thumb_entries
	ldr	r1, [r0]
	adds	r1, #1
	str	r1, [r0]
	pop	{r0, r1}
	ldr	pc, =\arm_handler
	.endm

	thumb_entry thumb_dabt, dabt_entry
	thumb_entry thumb_pabt, pabt_entry
	.ltorg

	.arm
	/* abort_record(kind, LR_abt, SPSR_abt, CPSR) with the guest's r0-r3 kept */
	.macro	record kind
	push	{r0-r3, r12, lr}	@ 24 bytes: the stack stays 8-byte aligned
	mov	r0, #\kind
	mov	r1, lr
	mrs	r2, spsr
	mrs	r3, cpsr
	bl	abort_record
	pop	{r0-r3, r12, lr}
	.endm

	.type	dabt_entry, %function
dabt_entry:
	record	ABORT_DATA
	subs	pc, lr, #4		@ LR_abt is the access + 8

	.type	pabt_entry, %function
pabt_entry:
	record	ABORT_PREFETCH
	ldr	lr, =fetch_return
	movs	pc, lr

	.macro	unexpected name, vector
	.type	\name, %function
\name:
	mov	r0, #\vector
	mov	r1, lr
	cps	#MODE_SVC
	bic	sp, sp, #7
	b	unexpected_exception
	.endm

	unexpected reset_entry, 0x00
	unexpected undef_entry, 0x04
	unexpected svc_entry, 0x08
	unexpected reserved_entry, 0x14
	unexpected irq_entry, 0x18
	unexpected fiq_entry, 0x1c
	.ltorg

	/* uint32_t probe_load(uintptr_t addr): LOAD_UNTOUCHED if it aborted */
	.section .text.probes, "ax"
	.global	probe_load, probe_load_insn
	.type	probe_load, %function
probe_load:
	ldr	r1, =LOAD_UNTOUCHED
probe_load_insn:
	ldr	r1, [r0]
	mov	r0, r1
	bx	lr

	/* void probe_store(uintptr_t addr, uint32_t value) */
	.global	probe_store, probe_store_insn
	.type	probe_store, %function
probe_store:
probe_store_insn:
	str	r1, [r0]
	bx	lr

	/* void probe_fetch(uintptr_t addr): run ARM code there */
	.global	probe_fetch, fetch_return
	.type	probe_fetch, %function
probe_fetch:
	push	{r4, lr}
	blx	r0
fetch_return:
	pop	{r4, pc}
	.ltorg

	/* uint32_t probe_load_thumb(uintptr_t addr): a 32-bit Thumb load */
	.thumb
	.global	probe_load_thumb, probe_load_thumb_insn
	.type	probe_load_thumb, %function
	.thumb_func
probe_load_thumb:
	ldr	r1, =LOAD_UNTOUCHED
probe_load_thumb_insn:
	ldr.w	r1, [r0]
	mov	r0, r1
	bx	lr
	.ltorg
