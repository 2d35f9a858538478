/* SPDX-License-Identifier: MIT */
/*
 * Guest entry and exit. arm_guest_enter() saves the hypervisor's callee-saved
 * registers on the HYP stack, loads the guest's and erets. A trap or IRQ
 * from the guest comes back through the HYP vectors, which save the guest
 * registers into the same struct arm_regs and return from
 * arm_guest_enter() with the vector offset: the C run loop sees an exit as
 * an ordinary function return. SP_hyp is banked, so the guest cannot have
 * moved it in between.
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

guest_trap:
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
