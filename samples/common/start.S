/* SPDX-License-Identifier: MIT */
/*
 * Entry of every sample guest, at the first byte of the image. The
 * hypervisor enters in SVC mode, interrupts masked, MMU and caches off,
 * with r2 = guest-physical address of this partition's device tree.
 * All C needs first is a stack; guest_start() does the rest.
 */
	.syntax	unified
	.arm
	.section .text.start, "ax"
	.global	_start
	.type	_start, %function
_start:
	ldr	sp, =__stack_top
	mov	r0, r2
	bl	guest_start
	/* guest_start() does not return; stop here should it ever do. */
1:	wfi
	b	1b
	.size	_start, . - _start
	.ltorg
