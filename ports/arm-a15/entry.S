/* SPDX-License-Identifier: MIT */
/*
 * Guest entry and exit. arm_guest_enter() saves the hypervisor's
 * callee-saved registers on the HYP stack, notes that stack pointer in
 * the vCPU (REGS_HYP_SP), loads the guest's registers and erets with
 * SP_hyp pointing just past the guest's r0-r12 and lr in its struct
 * arm_regs. A trap or IRQ from the guest comes back through the HYP
 * vectors, whose first push therefore saves those registers in place;
 * they add ELR_hyp and SPSR, go back to the HYP stack and return from
 * arm_guest_enter() with the vector offset: the C run loop sees an exit as
 * an ordinary function return. SP_hyp is banked, so the guest cannot have
 * moved it in between.
 *
 * Two fast paths, taken only while no list register is in use (with
 * interrupts in flight every exit folds what the guest completed back
 * into the vGIC and refills the list registers, vgic_hw.c):
 * - a hypercall the core lists in hypercall_constants (port.h) is
 *   answered right in the trap vector;
 * - a data abort goes to arm_vector_data_abort() (traps.c), which does
 *   the common device access there and then.
 * Either resumes the guest without the run loop. That is invisible: an
 * interrupt pending meanwhile (a kick, a stop, the scheduler's tick)
 * still traps the guest as soon as it is back, and a device access that
 * queued an interrupt for this vCPU returns EXIT_VECTOR_DONE so that
 * the run loop delivers it.
 */
#include <asm/regs_offsets.h>

	.syntax	unified
	.arm
	.text

/* uint32_t arm_guest_enter(struct arm_regs *regs) */
	.global	arm_guest_enter
arm_guest_enter:
	push	{r4-r12, lr}
	str	sp, [r0, #REGS_HYP_SP]
	ldrd	r2, r3, [r0, #REGS_PC]
	msr	ELR_hyp, r2
	msr	spsr_cxsf, r3
	mov	sp, r0
	ldm	sp!, {r0-r12, lr}		@ SP_hyp = &regs->pc
	eret

/*
 * The guest's r0-r12 and lr are saved, SP_hyp points at them: save the
 * rest and return @reason (a register) from arm_guest_enter().
 */
.macro	guest_exit reason
	mrs	r2, ELR_hyp
	mrs	r3, spsr
	strd	r2, r3, [sp, #REGS_PC]
	mov	r0, \reason
	ldr	sp, [sp, #REGS_HYP_SP]
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
#define HSR_EC_DABT_LOWER 0x24

guest_trap:
	push	{r0-r12, lr}			@ into struct arm_regs
	ldrb	r1, [sp, #REGS_LISTED]
	cmp	r1, #0
	bne	trap_exit
	mrc	p15, 4, r1, c5, c2, 0		@ HSR
	lsr	r2, r1, #HSR_EC_SHIFT
	cmp	r2, #HSR_EC_HVC
	beq	constant_hypercall
	cmp	r2, #HSR_EC_DABT_LOWER
	beq	vector_data_abort
trap_exit:
	guest_exit #0x14
guest_irq:
	push	{r0-r12, lr}
	guest_exit #0x18
guest_fiq:
	push	{r0-r12, lr}
	guest_exit #0x1c

/*
 * r0 = the hypercall number. struct hypercall_constants is read as base,
 * count, then pairs of constant, ret: its layout is checked in traps.c.
 */
constant_hypercall:
	ldr	r3, =hypercall_constants
	ldm	r3!, {r1, r2}			@ base, count
	sub	r1, r0, r1
	cmp	r1, r2				@ unsigned: below base wraps high
	bhs	trap_exit
	add	r3, r3, r1, lsl #3
	ldm	r3, {r1, r2}			@ constant, ret
	cmp	r1, #0
	beq	trap_exit
	str	r2, [sp]			@ the guest's r0
	ldm	sp!, {r0-r12, lr}
	eret					@ ELR_hyp is past the HVC already

/* r1 = HSR */
vector_data_abort:
	mrs	r2, ELR_hyp
	mrs	r3, spsr
	strd	r2, r3, [sp, #REGS_PC]
	mov	r4, sp				@ struct arm_regs *, kept by the call
	mov	r0, sp
	ldr	sp, [sp, #REGS_HYP_SP]
	bl	arm_vector_data_abort
	cmp	r0, #0
	popne	{r4-r12, pc}			@ r0 = EXIT_VECTOR_*
	ldrd	r0, r1, [r4, #REGS_PC]
	msr	ELR_hyp, r0
	msr	spsr_cxsf, r1
	mov	sp, r4
	ldm	sp!, {r0-r12, lr}
	eret

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
