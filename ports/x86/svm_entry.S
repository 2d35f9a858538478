/* SPDX-License-Identifier: MIT */
/*
 * svm_vmrun(regs, vmcb_pa, host_pa): one world switch (asm/regs.h). GIF
 * is cleared before the guest's general registers go in and set again
 * only once the host's are back, with interrupts masked: nothing runs in
 * between. VMLOAD and VMSAVE move the state VMRUN does not (FS, GS, TR,
 * LDTR, KernelGSbase, the syscall and sysenter MSRs): the guest's from
 * and to its VMCB, then the host's back from @host_pa, before any code
 * reads GS (per-CPU data).
 */
#include <asm/regs.h>

	.text
	.global	svm_vmrun
svm_vmrun:
	push	%rbp
	push	%rbx
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	push	%rdx			/* host_pa */
	push	%rdi			/* regs */
	mov	%rsi, %rax
	mov	REG_RBX(%rdi), %rbx
	mov	REG_RCX(%rdi), %rcx
	mov	REG_RDX(%rdi), %rdx
	mov	REG_RSI(%rdi), %rsi
	mov	REG_RBP(%rdi), %rbp
	mov	REG_R8(%rdi), %r8
	mov	REG_R9(%rdi), %r9
	mov	REG_R10(%rdi), %r10
	mov	REG_R11(%rdi), %r11
	mov	REG_R12(%rdi), %r12
	mov	REG_R13(%rdi), %r13
	mov	REG_R14(%rdi), %r14
	mov	REG_R15(%rdi), %r15
	mov	REG_RDI(%rdi), %rdi
	clgi
	sti
	vmload	%rax
	vmrun	%rax
	vmsave	%rax
	xchg	%rdi, (%rsp)		/* the guest's RDI on the stack, regs in RDI */
	mov	%rbx, REG_RBX(%rdi)
	mov	%rcx, REG_RCX(%rdi)
	mov	%rdx, REG_RDX(%rdi)
	mov	%rsi, REG_RSI(%rdi)
	mov	%rbp, REG_RBP(%rdi)
	mov	%r8, REG_R8(%rdi)
	mov	%r9, REG_R9(%rdi)
	mov	%r10, REG_R10(%rdi)
	mov	%r11, REG_R11(%rdi)
	mov	%r12, REG_R12(%rdi)
	mov	%r13, REG_R13(%rdi)
	mov	%r14, REG_R14(%rdi)
	mov	%r15, REG_R15(%rdi)
	popq	REG_RDI(%rdi)
	pop	%rax			/* host_pa */
	vmload	%rax
	cli
	stgi
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%rbx
	pop	%rbp
	ret
