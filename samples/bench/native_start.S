/* SPDX-License-Identifier: MIT */
/*
 * Entry of the native image (native.c): QEMU's -kernel loads the ELF and
 * starts it at native_start in SVC mode, MMU off, like the hypervisor
 * starts a guest. All C needs is a stack.
 */
#define NATIVE_STACK_SIZE	0x4000

	.syntax	unified
	.arm
	.text
	.global	native_start
	.type	native_start, %function
native_start:
	ldr	sp, =native_stack + NATIVE_STACK_SIZE
	bl	native_main
1:	wfi
	b	1b
	.size	native_start, . - native_start
	.ltorg

	.bss
	.balign	8
native_stack:
	.space	NATIVE_STACK_SIZE
