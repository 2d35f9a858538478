/* SPDX-License-Identifier: MIT */
/*
 * restart-state, the parts in assembly (restart_state.h): saving the
 * core registers as the hypervisor entered each vCPU, putting markers
 * in them before the restart, and the VFP and Advanced SIMD registers,
 * which the soft-float C code never touches.
 */
	.syntax	unified
	.arm
	.fpu	neon

#define MARK_CORE(n)	(0xc0de0000 + (n))
/* N, Z, C, V, Q and GE[3:0] set */
#define MARK_APSR	0xf80f0000

/*
 * Save r0-r12, SP, LR and the CPSR in the 16 words at @area, then go on
 * to @next with the boot arguments r0-r2 as they were. No register is
 * free before the first store, which is therefore PC-relative: @area is
 * in this section, the image's RAM like any other.
 */
.macro	save_entered area, next
	str	r0, \area
	adr	r0, \area
	add	r0, r0, #4
	stmia	r0, {r1-r12}
	str	sp, [r0, #48]
	str	lr, [r0, #52]
	mrs	r1, cpsr
	str	r1, [r0, #56]
	sub	r0, r0, #4
	ldm	r0, {r0-r2}
	b	\next
.endm

	/* guest.lds puts this section first: vCPU 0 enters here */
	.section .text.entry, "ax"
	.global	entry_vcpu0
entry_vcpu0:
	save_entered entered_regs, _start

	.global	entry_secondary
	.type	entry_secondary, %function
entry_secondary:
	save_entered entered_regs + 64, secondary_entry
	.size	entry_secondary, . - entry_secondary

	.balign	8
	.global	entered_regs
entered_regs:
	.space	2 * 64
	.size	entered_regs, . - entered_regs

	.text
/* Markers in r1-r12, SP and LR, the flags and GE bits */
.macro	mark_core
	ldr	r1, =MARK_APSR
	msr	APSR_nzcvqg, r1
	ldr	r1, =MARK_CORE(1)
	ldr	r2, =MARK_CORE(2)
	ldr	r3, =MARK_CORE(3)
	ldr	r4, =MARK_CORE(4)
	ldr	r5, =MARK_CORE(5)
	ldr	r6, =MARK_CORE(6)
	ldr	r7, =MARK_CORE(7)
	ldr	r8, =MARK_CORE(8)
	ldr	r9, =MARK_CORE(9)
	ldr	r10, =MARK_CORE(10)
	ldr	r11, =MARK_CORE(11)
	ldr	r12, =MARK_CORE(12)
	ldr	sp, =MARK_CORE(13)
	ldr	lr, =MARK_CORE(14)
.endm

/* Big-endian data from here on: the literal loads come first. */
	.global	mark_core_and_fault
	.type	mark_core_and_fault, %function
mark_core_and_fault:
	mark_core
	setend	be
	str	r1, [r0]
1:	b	1b
	.size	mark_core_and_fault, . - mark_core_and_fault

	.global	mark_core_and_park
	.type	mark_core_and_park, %function
mark_core_and_park:
	mark_core
	ldr	r0, =MARK_CORE(0)
	setend	be
2:	wfi
	b	2b
	.size	mark_core_and_park, . - mark_core_and_park
	.ltorg

	.global	fpexc_read
	.type	fpexc_read, %function
fpexc_read:
	vmrs	r0, fpexc
	bx	lr
	.size	fpexc_read, . - fpexc_read

	.global	fpexc_write
	.type	fpexc_write, %function
fpexc_write:
	vmsr	fpexc, r0
	isb
	bx	lr
	.size	fpexc_write, . - fpexc_write

	.global	fpscr_read
	.type	fpscr_read, %function
fpscr_read:
	vmrs	r0, fpscr
	bx	lr
	.size	fpscr_read, . - fpscr_read

	.global	fpscr_write
	.type	fpscr_write, %function
fpscr_write:
	vmsr	fpscr, r0
	bx	lr
	.size	fpscr_write, . - fpscr_write

	.global	vfp_store
	.type	vfp_store, %function
vfp_store:
	vstmia	r0!, {d0-d15}
	vstmia	r0, {d16-d31}
	bx	lr
	.size	vfp_store, . - vfp_store

	.global	vfp_load
	.type	vfp_load, %function
vfp_load:
	vldmia	r0!, {d0-d15}
	vldmia	r0, {d16-d31}
	bx	lr
	.size	vfp_load, . - vfp_load
