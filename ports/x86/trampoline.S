/* SPDX-License-Identifier: MIT */
/*
 * Where a secondary CPU starts (smp.c copies this to physical
 * CONFIG_X86_AP_TRAMPOLINE, below 1 MiB, and points the startup IPI at
 * it): real mode at CS = that address >> 4, IP 0. Protected mode, then
 * long mode on the boot CPU's page tables, then x86_secondary_entry
 * (head.S) with the stack and index smp.c left in the parameters at the
 * end. Everything here is addressed at its copy's place.
 */
#include <asm/x86.h>

#define AT(sym)		(CONFIG_X86_AP_TRAMPOLINE + (sym) - x86_trampoline)
#define SEL_TR_CODE32	0x08
#define SEL_TR_DATA	0x10
#define SEL_TR_CODE64	0x18

	.section .rodata.trampoline, "a"
	.code16
	.global	x86_trampoline
x86_trampoline:
	cli
	cld
	mov	%cs, %ax
	mov	%ax, %ds
	lgdtl	tr_gdt_ptr - x86_trampoline
	mov	%cr0, %eax
	or	$CR0_PE, %eax
	mov	%eax, %cr0
	ljmpl	$SEL_TR_CODE32, $AT(protected)

	.code32
protected:
	mov	$SEL_TR_DATA, %eax
	mov	%eax, %ds
	mov	%eax, %es
	mov	%eax, %ss
	mov	%cr4, %eax
	or	$CR4_PAE, %eax
	mov	%eax, %cr4
	mov	AT(tr_cr3), %eax
	mov	%eax, %cr3
	mov	$MSR_EFER, %ecx
	rdmsr
	or	$(EFER_LME | EFER_NXE), %eax
	wrmsr
	mov	%cr0, %eax
	or	$(CR0_PG | CR0_WP), %eax
	mov	%eax, %cr0
	ljmp	$SEL_TR_CODE64, $AT(long_mode)

	.code64
long_mode:
	mov	AT(tr_stack), %rsp
	mov	AT(tr_cpu), %edi
	mov	AT(tr_entry), %rax
	jmp	*%rax

	.align	8
tr_gdt:
	.quad	0
	.quad	0x00cf9a000000ffff	/* flat 32-bit code */
	.quad	0x00cf92000000ffff	/* flat data */
	.quad	0x00209a0000000000	/* 64-bit code */
tr_gdt_end:
tr_gdt_ptr:
	.word	tr_gdt_end - tr_gdt - 1
	.long	AT(tr_gdt)

/* struct trampoline_params (smp.c) */
	.align	8
	.global	x86_trampoline_params
x86_trampoline_params:
tr_cr3:
	.quad	0
tr_stack:
	.quad	0
tr_entry:
	.quad	0
tr_cpu:
	.long	0
	.align	8
	.global	x86_trampoline_end
x86_trampoline_end:
