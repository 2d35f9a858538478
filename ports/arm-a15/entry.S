/* SPDX-License-Identifier: MIT */
/*
 * Guest entry and exit. arm_guest_enter() saves the hypervisor's callee-saved
 * registers on the HYP stack, loads the guest's and erets. A trap or IRQ
 * from the guest comes back through the HYP vectors, which save the guest
 * registers into the same struct arm_regs and return from
 * arm_guest_enter() with the vector offset: the C run loop sees an exit as
 * an ordinary function return. SP_hyp is banked, so the guest cannot have
 * moved it in between.
 *
 * One fast path: a hypercall the core lists in hypercall_constants
 * (port.h) is answered right in the trap vector, with three scratch
 * registers pushed and popped, and the guest resumed. It changes nothing
 * but the guest's r0, so skipping the run loop is invisible: an interrupt
 * pending meanwhile (a kick, a stop) still traps the guest as soon as it
 * is back. Only while no list register is in use, though: with
 * interrupts in flight every exit folds what the guest completed back
 * into the vGIC and refills the list registers (vgic_hw.c).
 */
#include <asm/regs_offsets.h>

	.syntax	unified
	.arm
	.text

/* uint32_t arm_guest_enter(struct arm_regs *regs) */
	.global	arm_guest_enter
arm_guest_enter:
	push	{r4-r12, lr}
	push	{r0}
	ldr	r1, [r0, #REGS_PC]
	msr	ELR_hyp, r1
	ldr	r1, [r0, #REGS_CPSR]
	msr	spsr_cxsf, r1
	ldr	lr, [r0, #REGS_LR]
	ldm	r0, {r0-r12}
	eret

.macro	guest_exit reason
	push	{r0, r1}
	ldr	r0, [sp, #8]			@ struct arm_regs *
	add	r1, r0, #8
	stm	r1, {r2-r12}
	pop	{r1}
	str	r1, [r0]			@ guest r0
	pop	{r1}
	str	r1, [r0, #4]			@ guest r1
	str	lr, [r0, #REGS_LR]
	mrs	r1, ELR_hyp
	str	r1, [r0, #REGS_PC]
	mrs	r1, spsr
	str	r1, [r0, #REGS_CPSR]
	add	sp, sp, #4
	mov	r0, #\reason
	pop	{r4-r12, pc}
.endm

.macro	hyp_fault vector
	mov	r0, #\vector
	mrs	r1, ELR_hyp
	b	arm_hyp_fatal
.endm

	.balign	32
	.global	hyp_vectors
hyp_vectors:
	b	hyp_reset			@ 0x00
	b	hyp_undef			@ 0x04 undefined instruction in HYP
	b	hyp_hvc				@ 0x08 HVC from HYP
	b	hyp_pabt			@ 0x0c prefetch abort in HYP
	b	hyp_dabt			@ 0x10 data abort in HYP
	b	guest_trap			@ 0x14 trap from the guest
	b	guest_irq			@ 0x18 IRQ (HCR.IMO)
	b	guest_fiq			@ 0x1c FIQ (HCR.FMO)

#define HSR_EC_SHIFT	26
#define HSR_EC_HVC	0x12		/* asm/decode.h */

/*
 * struct hypercall_constants is read as base, count, then pairs of
 * constant, ret: its layout is checked in traps.c.
 */
guest_trap:
	push	{r1-r3}
	mrc	p15, 4, r1, c5, c2, 0		@ HSR
	lsr	r1, r1, #HSR_EC_SHIFT
	cmp	r1, #HSR_EC_HVC
	bne	1f
	ldr	r3, [sp, #12]			@ struct arm_regs *
	ldrb	r1, [r3, #REGS_LISTED]
	cmp	r1, #0
	bne	1f
	ldr	r3, =hypercall_constants
	ldm	r3!, {r1, r2}			@ base, count
	sub	r1, r0, r1
	cmp	r1, r2				@ unsigned: below base wraps high
	bhs	1f
	add	r3, r3, r1, lsl #3
	ldm	r3, {r1, r2}			@ constant, ret
	cmp	r1, #0
	beq	1f
	mov	r0, r2
	pop	{r1-r3}
	eret					@ ELR_hyp is past the HVC already
1:	pop	{r1-r3}
	guest_exit 0x14
guest_irq:
	guest_exit 0x18
guest_fiq:
	guest_exit 0x1c

hyp_reset:
	hyp_fault 0x00
hyp_undef:
	hyp_fault 0x04
hyp_hvc:
	hyp_fault 0x08
hyp_pabt:
	hyp_fault 0x0c
hyp_dabt:
	hyp_fault 0x10

	.ltorg
