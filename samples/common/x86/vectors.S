/* SPDX-License-Identifier: MIT */
/*
 * The guests' default exception vectors: the first 32 interrupt gates of
 * an IDT of 256 (irq_vectors.S fills the others for irq_init()), each
 * pushing an error code of 0 where the CPU pushes none and its
 * vector, then exception_report(vector, frame) (exception.c), which
 * reports and shuts the partition down.
 */
#define HAS_ERROR(n)	((n) == 8 || ((n) >= 10 && (n) <= 14) || (n) == 17 || \
			 (n) == 21 || (n) == 29 || (n) == 30)
#define GATE_INTERRUPT	0x8e00		/* present, DPL 0, 64-bit interrupt gate */
#define SEL_CODE64	0x08

	.macro	vector n
	.align	16
guest_vector_\n:
	.if HAS_ERROR(\n) == 0
	push	$0
	.endif
	mov	$\n, %edi
	mov	%rsp, %rsi		/* error code, RIP, CS, RFLAGS, RSP, SS */
	and	$-16, %rsp
	call	exception_report
	.endm

	.section .text.vectors, "ax"
	.altmacro
	.set	n, 0
	.rept	32
	vector	%n
	.set	n, n + 1
	.endr

/* The stubs' addresses, which vectors_init() writes into the gates */
	.macro	gate n
	.quad	guest_vector_\n
	.endm

	.section .rodata.vectors, "a"
	.align	8
guest_vector_table:
	.set	n, 0
	.rept	32
	gate	%n
	.set	n, n + 1
	.endr

	.text
	.global	vectors_init
	.type	vectors_init, @function
vectors_init:
	lea	guest_idt(%rip), %rdi
	lea	guest_vector_table(%rip), %rsi
	mov	$32, %ecx
1:	mov	(%rsi), %rax		/* the handler's address */
	mov	%ax, (%rdi)		/* offset 15:0 */
	movw	$SEL_CODE64, 2(%rdi)
	movw	$GATE_INTERRUPT, 4(%rdi)
	shr	$16, %rax
	mov	%ax, 6(%rdi)		/* offset 31:16 */
	shr	$16, %rax
	mov	%eax, 8(%rdi)		/* offset 63:32 */
	movl	$0, 12(%rdi)
	add	$16, %rdi
	add	$8, %rsi
	loop	1b
	lidt	guest_idtr(%rip)
	ret
	.size	vectors_init, . - vectors_init

	.data
	.align	8
guest_idtr:
	.word	256 * 16 - 1
	.quad	guest_idt

	.bss
	.align	16
	.global	guest_idt
guest_idt:
	.space	256 * 16
