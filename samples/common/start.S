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
	/*
	 * With the MMU off all memory is Strongly-ordered, where hardware
	 * faults every unaligned access; QEMU does not. Alignment checking
	 * (SCTLR.A) makes QEMU fault them too, so a test run catches what
	 * hardware would. r2 must survive: use r3.
	 */
	mrc	p15, 0, r3, c1, c0, 0
	orr	r3, r3, #(1 << 1)
	mcr	p15, 0, r3, c1, c0, 0
	isb
	ldr	sp, =__stack_top
	mov	r0, r2
	bl	guest_start
	/* guest_start() does not return; stop here should it ever do. */
1:	wfi
	b	1b
	.size	_start, . - _start
	.ltorg
