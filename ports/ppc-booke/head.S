/* SPDX-License-Identifier: MIT */
/*
 * Hypervisor entry on Book E. The boot CPU arrives as ePAPR describes:
 * supervisor mode, r3 = the board's device tree, and a
 * TLB1 entry of the loader's (QEMU: 64 MiB at 0; U-Boot: its own) that
 * maps this image at its link address. Secondaries come from the spin
 * table (port_cpu_start()) with r3 = the CPU index we wrote there and
 * QEMU's 64 MiB mapping of the image. Nothing here touches the MMU:
 * hyp_mmu.c replaces the loader's entries once C runs.
 */
#define HV_STACK_SHIFT	14		/* 16 KiB per CPU */
#define HV_STACK_SIZE	(1 << HV_STACK_SHIFT)

	.section .text.boot, "ax"
	.global	_start
_start:
	wrteei	0			/* U-Boot may leave MSR[EE] set */
	mr	r31, r3
	li	r3, 0
	bl	set_stack
	lis	r3, __bss_start@ha
	addi	r3, r3, __bss_start@l
	lis	r4, __bss_end@ha
	addi	r4, r4, __bss_end@l
	li	r0, 0
1:	cmplw	r3, r4
	bge	2f
	stw	r0, 0(r3)
	addi	r3, r3, 4
	b	1b
2:	mr	r3, r31
	bl	ppc_boot_main		/* does not return */

	.global	secondary_entry
secondary_entry:
	mr	r31, r3
	bl	set_stack
	mr	r3, r31
	bl	ppc_secondary_main	/* does not return */

/* r1 = top of CPU r3's stack, with an empty back chain */
set_stack:
	lis	r4, hv_stacks@ha
	addi	r4, r4, hv_stacks@l
	addi	r3, r3, 1
	slwi	r3, r3, HV_STACK_SHIFT
	add	r1, r4, r3
	li	r0, 0
	stwu	r0, -16(r1)
	blr

	.bss
	.balign	16
	.global	hv_stacks
hv_stacks:
	.space	HV_STACK_SIZE * CONFIG_NR_CPUS

	.section .note.GNU-stack, "", @progbits
