/* SPDX-License-Identifier: MIT */
/*
 * The hypervisor's interrupt and exception entry points (the IDT, desc.c).
 * Each stub makes the stack a struct trap_frame (asm/desc.h): an error
 * code of 0 where the CPU pushes none, the vector, then every general
 * register, and calls x86_trap(frame) (exception.c). The hypervisor runs
 * with interrupts masked, so only the kick IPI taken on purpose (vcpu.c's
 * run loop, port_cpu_idle()) and spurious interrupts return; every
 * exception is a panic.
 */
#include <asm/x86.h>

/* Vectors at which the CPU pushes an error code */
#define HAS_ERROR(n)	((n) == 8 || ((n) >= 10 && (n) <= 14) || (n) == 17 || \
			 (n) == 21 || (n) == 29 || (n) == 30)

	.macro	vector n
	.align	16
x86_vector_\n:
	.if HAS_ERROR(\n) == 0
	push	$0
	.endif
	push	$\n
	jmp	trap_common
	.endm

	.text
	.altmacro
	.set	n, 0
	.rept	32
	vector	%n
	.set	n, n + 1
	.endr
	vector	0xf0
	vector	0xff

trap_common:
	push	%rax
	push	%rbx
	push	%rcx
	push	%rdx
	push	%rsi
	push	%rdi
	push	%rbp
	push	%r8
	push	%r9
	push	%r10
	push	%r11
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	mov	%rsp, %rdi
	call	x86_trap
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%r11
	pop	%r10
	pop	%r9
	pop	%r8
	pop	%rbp
	pop	%rdi
	pop	%rsi
	pop	%rdx
	pop	%rcx
	pop	%rbx
	pop	%rax
	add	$16, %rsp		/* vector, error code */
	iretq

	.macro	entry n
	.quad	x86_vector_\n
	.endm

/* The stubs' addresses, for the IDT: exceptions 0-31, the kick, spurious */
	.section .rodata
	.align	8
	.global	x86_vector_table
x86_vector_table:
	.set	n, 0
	.rept	32
	entry	%n
	.set	n, n + 1
	.endr
	entry	0xf0
	entry	0xff
