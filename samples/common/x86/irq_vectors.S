/* SPDX-License-Identifier: MIT */
/*
 * The guests' interrupt entries, vectors 32-255: each pushes its vector
 * and joins irq_entry, which saves the registers a C call may change,
 * calls irq_dispatch(vector) (irq.c) on a 16-byte aligned stack and
 * returns with iretq. irq_install_vectors() (irq.c) writes their
 * addresses, irq_vector_table, into the IDT of vectors.S.
 */
#define FIRST_IRQ_VECTOR	32
#define IRQ_VECTORS		(256 - FIRST_IRQ_VECTOR)

	.macro	irq_stub n
	.align	16
irq_vector_\n:
	push	$\n
	jmp	irq_entry
	.endm

	.text
	.altmacro
	.set	n, FIRST_IRQ_VECTOR
	.rept	IRQ_VECTORS
	irq_stub %n
	.set	n, n + 1
	.endr

irq_entry:
	push	%rax
	push	%rcx
	push	%rdx
	push	%rsi
	push	%rdi
	push	%r8
	push	%r9
	push	%r10
	push	%r11
	push	%rbp
	mov	%rsp, %rbp
	mov	80(%rsp), %edi		/* the vector, above the ten registers */
	and	$-16, %rsp
	call	irq_dispatch
	mov	%rbp, %rsp
	pop	%rbp
	pop	%r11
	pop	%r10
	pop	%r9
	pop	%r8
	pop	%rdi
	pop	%rsi
	pop	%rdx
	pop	%rcx
	pop	%rax
	add	$8, %rsp		/* the vector */
	iretq

	.macro	stub_address n
	.quad	irq_vector_\n
	.endm

	.section .rodata
	.align	8
	.global	irq_vector_table
irq_vector_table:
	.set	n, FIRST_IRQ_VECTOR
	.rept	IRQ_VECTORS
	stub_address %n
	.set	n, n + 1
	.endr
