/* SPDX-License-Identifier: MIT */
/*
 * Hypervisor entry on the Cortex-A15. All CPUs arrive in HYP mode with the
 * MMU off: CPU 0 from the loader (U-Boot bootm: r2 = board DTB; QEMU
 * -kernel: r2 = 0 and the DTB at the start of RAM), secondaries from PSCI
 * CPU_ON with r0 = the CPU index we passed as context.
 */
#define HYP_STACK_SIZE	0x2000

	.syntax	unified
	.arm
	.section .text.boot, "ax"

	.global	_start
_start:
	cpsid	aif
	mov	r4, r2
	mrs	r0, cpsr
	and	r0, r0, #0x1f
	cmp	r0, #0x1a			@ HYP mode?
1:	bne	1b				@ no virtualization: nothing we can do

	mov	r0, #0
	bl	set_stack
	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	mov	r2, #0
2:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	2b

	bl	hyp_cpu_setup
	mov	r0, r4
	bl	arm_boot_main			@ does not return

	.global	secondary_entry
secondary_entry:
	cpsid	aif
	mov	r4, r0
	bl	set_stack
	bl	hyp_cpu_setup
	mov	r0, r4
	bl	arm_secondary_main		@ does not return

/* sp = top of the stack of CPU r0 */
set_stack:
	ldr	r1, =hyp_stacks
	add	r0, r0, #1
	mov	r2, #HYP_STACK_SIZE
	mla	sp, r0, r2, r1
	bx	lr

/* Per-CPU HYP state that must exist before any C code can fault. */
hyp_cpu_setup:
	ldr	r0, =hyp_vectors
	mcr	p15, 4, r0, c12, c0, 0		@ HVBAR
	isb
	bx	lr

	.bss
	.balign	16
	.global	hyp_stacks
hyp_stacks:
	.space	HYP_STACK_SIZE * CONFIG_NR_CPUS
