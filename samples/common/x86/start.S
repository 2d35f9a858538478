/* SPDX-License-Identifier: MIT */
/*
 * Entry of every sample guest, at the first byte of the image, guest
 * address 0. The hypervisor enters each vCPU in 64-bit mode at CPL 0,
 * paging on (guest-physical [0, 4 GiB) mapped to itself), interrupts off,
 * RDI = the guest address of this partition's device tree (vCPU 0).
 * Give C a stack (16-byte aligned), install the default exception
 * vectors (vectors.S), then guest_start() does the rest.
 *
 * No sample starts a secondary vCPU on this port (guest.h's
 * secondary_entry does not exist here): guest_start() is vCPU 0's.
 */
	.section .text.start, "ax"
	.global	_start
	.type	_start, @function
_start:
	lea	__stack_top(%rip), %rsp
	xor	%ebp, %ebp
	mov	%rdi, %r12
	call	vectors_init
	mov	%r12, %rdi
	call	guest_start
	/* guest_start() does not return; stop here should it ever do. */
1:	hlt
	jmp	1b
	.size	_start, . - _start
