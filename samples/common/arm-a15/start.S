/* SPDX-License-Identifier: MIT */
/*
 * Entry of every sample guest, at the first byte of the image. The
 * hypervisor enters in SVC mode, interrupts masked, MMU and caches off,
 * with r2 = guest-physical address of this partition's device tree.
 * All C needs first is a stack; guest_start() does the rest.
 *
 * Secondary vCPUs enter at secondary_entry when vCPU 0 starts them with
 * PSCI CPU_ON, with r0 = the CPU_ON context id.
 */

/* A partition has at most 8 vCPUs (CFG_MAX_CPUS): 7 secondaries. */
#define SECONDARY_VCPUS		7
#define SECONDARY_STACK_SHIFT	13	/* 8 KiB each */

	/*
	 * With the MMU off all memory is Strongly-ordered, where hardware
	 * faults every unaligned access; QEMU does not. Alignment checking
	 * (SCTLR.A) makes QEMU fault them too, so a test run catches what
	 * hardware would. SCTLR is per CPU: every vCPU sets it. Uses r3 only.
	 */
	.macro	enable_alignment_checks
	mrc	p15, 0, r3, c1, c0, 0
	orr	r3, r3, #(1 << 1)
	mcr	p15, 0, r3, c1, c0, 0
	isb
	.endm

	.syntax	unified
	.arm
	.section .text.start, "ax"
	.global	_start
	.type	_start, %function
_start:
	enable_alignment_checks
	ldr	sp, =__stack_top
	mov	r0, r2
	bl	guest_start
	/* guest_start() does not return; stop here should it ever do. */
1:	wfi
	b	1b
	.size	_start, . - _start
	.ltorg

	/*
	 * In sections of their own, so that --gc-sections drops them (and
	 * the reference to secondary_main) from guests that never start a
	 * secondary vCPU.
	 */
	.section .text.secondary_entry, "ax"
	.global	secondary_entry
	.type	secondary_entry, %function
secondary_entry:
	enable_alignment_checks
	/* vCPU i (MPIDR Aff0) runs on stack i - 1, whose top is at i * size. */
	mrc	p15, 0, r3, c0, c0, 5
	and	r3, r3, #0xff
	sub	r1, r3, #1
	cmp	r1, #SECONDARY_VCPUS
	bhs	2f
	ldr	sp, =secondary_stacks
	add	sp, sp, r3, lsl #SECONDARY_STACK_SHIFT
	bl	secondary_start
	/* Not a secondary vCPU (or secondary_start() returned): stop. */
2:	wfi
	b	2b
	.size	secondary_entry, . - secondary_entry
	.ltorg

	/* .bss: vCPU 0 clears it before it can start any secondary. */
	.section .bss.secondary_stacks, "aw", %nobits
	.balign	8
secondary_stacks:
	.space	SECONDARY_VCPUS << SECONDARY_STACK_SHIFT
	.size	secondary_stacks, . - secondary_stacks
