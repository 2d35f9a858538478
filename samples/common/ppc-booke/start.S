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
 * No sample starts a secondary vCPU on this port (guest.h's
 * secondary_entry does not exist here): guest_start() is vCPU 0's.
 */
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
