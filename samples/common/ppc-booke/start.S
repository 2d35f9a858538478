/* SPDX-License-Identifier: MIT */
/*
 * Entry of every sample guest, at the first byte of the image, guest
 * address 0. The hypervisor enters each vCPU as an ePAPR client: its
 * supervisor state, MSR = 0 (interrupts off, address space 0), r3 = the
 * guest address of this partition's device tree, r6 = 0x45504150 ("EPAP"),
 * r7 = the size of the initial mapped area, which TLB1 entry 0 maps from
 * guest-virtual 0 to guest-physical 0. Give C a stack (16-byte aligned,
 * back chain 0), note the mapping (mmu.c), install the default exception
 * vectors (vectors.S), choose how the core idles (cpu.c), then
 * guest_start() does the rest.
 *
 * Secondary vCPUs enter at secondary_entry when vCPU 0 releases them
 * from the spin table (spin_table.c), as ePAPR secondaries: r3 = the
 * entry's r3 (the context secondary_main() gets), r7 = the size of their
 * own initial mapped area, the 64 MiB around secondary_entry.
 */

#define SPR_PIR			286
/* A partition has at most 8 vCPUs (CFG_MAX_CPUS): 7 secondaries. */
#define SECONDARY_VCPUS		7
#define SECONDARY_STACK_SHIFT	13	/* 8 KiB each */

	.section .text.start, "ax"
	.global	_start
	.type	_start, @function
_start:
	lis	%r1, __stack_top@ha
	addi	%r1, %r1, __stack_top@l
	li	%r0, 0
	stwu	%r0, -16(%r1)
	mr	%r31, %r3
	mr	%r3, %r7
	bl	tlb_init
	bl	vectors_init
	bl	cpu_init
	mr	%r3, %r31
	bl	guest_start
	/* guest_start() does not return; stop here should it ever do. */
1:	b	1b
	.size	_start, . - _start

	/*
	 * In sections of their own, so that --gc-sections drops them (and
	 * the reference to secondary_main) from guests that never start a
	 * secondary vCPU. vCPU i (PIR) runs on stack i - 1, whose top is at
	 * i * size; then it takes vCPU 0's TLB1 entries over (mmu.c), its
	 * own vectors and idle mode, and runs secondary_start().
	 */
	.section .text.secondary_entry, "ax"
	.global	secondary_entry
	.type	secondary_entry, @function
secondary_entry:
	mr	%r31, %r3
	mfspr	%r4, SPR_PIR
	addi	%r5, %r4, -1
	cmplwi	%r5, SECONDARY_VCPUS
	bge	2f
	lis	%r1, secondary_stacks@ha
	addi	%r1, %r1, secondary_stacks@l
	slwi	%r4, %r4, SECONDARY_STACK_SHIFT
	add	%r1, %r1, %r4
	li	%r0, 0
	stwu	%r0, -16(%r1)
	bl	tlb_secondary_init
	bl	vectors_init
	bl	cpu_init
	mr	%r3, %r31
	bl	secondary_start
	/* Not a secondary vCPU (or secondary_start() returned): stop. */
2:	b	2b
	.size	secondary_entry, . - secondary_entry

	/* .bss: vCPU 0 clears it before it can start any secondary. */
	.section .bss.secondary_stacks, "aw", @nobits
	.balign	16
secondary_stacks:
	.space	SECONDARY_VCPUS << SECONDARY_STACK_SHIFT
	.size	secondary_stacks, . - secondary_stacks
