/* SPDX-License-Identifier: MIT */
/*
 * Entry of the hypervisor from a multiboot loader (QEMU's -kernel, or
 * GRUB): 32-bit protected mode, paging off, EAX = 0x2BADB002 and EBX =
 * the multiboot information. Check both and that the CPU has long mode,
 * clear .bss, build the hypervisor's page tables (physical memory below
 * X86_IDENTITY_END mapped 1:1 with 2 MiB pages, the 3-4 GiB device hole
 * uncached), switch to long mode and call x86_boot_main(mbi) on the boot
 * stack. A loader that breaks the contract gets one line on COM1.
 */
#include <asm/x86.h>

#define MB_MAGIC		0x1badb002
#define MB_FLAGS		0x00000003	/* modules page aligned, memory info */
#define MB_LOADER_MAGIC		0x2badb002
#define IDENTITY_GIB		64		/* X86_IDENTITY_END */
#define LEAF_2M			(PTE_P | PTE_W | PTE_PS)
#define COM1			0x3f8
#define COM1_LSR		(COM1 + 5)

/* DS, ES, SS the flat data segment of every GDT; FS, GS null (bases by MSR) */
	.macro	data_segments
	mov	$SEL_DATA, %eax
	mov	%eax, %ds
	mov	%eax, %es
	mov	%eax, %ss
	xor	%eax, %eax
	mov	%eax, %fs
	mov	%eax, %gs
	.endm

	.section .text.boot, "ax"
	.code32
	/* Within the image's first 8 KiB, 4-byte aligned: the loader finds it */
	.align	4
multiboot_header:
	.long	MB_MAGIC
	.long	MB_FLAGS
	.long	-(MB_MAGIC + MB_FLAGS)

	.global	_start
_start:
	cli
	cld
	cmpl	$MB_LOADER_MAGIC, %eax
	jne	no_multiboot
	mov	%ebx, %esi			/* kept until x86_boot_main() */
	mov	$0x80000000, %eax
	cpuid
	cmp	$0x80000001, %eax
	jb	no_long_mode
	mov	$0x80000001, %eax
	cpuid
	bt	$29, %edx			/* LM */
	jnc	no_long_mode
	bt	$20, %edx			/* NX: nested paging's no-execute bit */
	jnc	no_long_mode

	mov	$__bss_start, %edi
	mov	$__bss_end, %ecx
	sub	%edi, %ecx
	shr	$2, %ecx
	xor	%eax, %eax
	rep stosl

	/* PML4[0] -> the PDPT; PDPT[i] -> page directory i, for each GiB */
	movl	$(x86_boot_pdpt + PTE_P + PTE_W), x86_boot_pml4
	mov	$x86_boot_pdpt, %edi
	mov	$(x86_boot_pd + PTE_P + PTE_W), %eax
	mov	$IDENTITY_GIB, %ecx
1:	mov	%eax, (%edi)
	add	$0x1000, %eax
	add	$8, %edi
	loop	1b
	/* Entry i of the directories maps physical i * 2 MiB */
	mov	$x86_boot_pd, %edi
	xor	%ecx, %ecx
2:	mov	%ecx, %eax
	shl	$21, %eax
	or	$LEAF_2M, %eax
	cmp	$(3 * 512), %ecx
	jb	3f
	cmp	$(4 * 512), %ecx
	jae	3f
	or	$(PTE_PCD | PTE_PWT), %eax	/* 3-4 GiB: the local APIC, IOAPIC, PCI */
3:	mov	%eax, (%edi)
	mov	%ecx, %edx
	shr	$11, %edx			/* physical bits 63:32 */
	mov	%edx, 4(%edi)
	add	$8, %edi
	inc	%ecx
	cmp	$(IDENTITY_GIB * 512), %ecx
	jb	2b

	mov	%cr4, %eax
	or	$CR4_PAE, %eax
	mov	%eax, %cr4
	mov	$x86_boot_pml4, %eax
	mov	%eax, %cr3
	mov	$MSR_EFER, %ecx
	rdmsr
	or	$(EFER_LME | EFER_NXE), %eax	/* nested tables' NX is reserved without NXE */
	wrmsr
	mov	%cr0, %eax
	or	$(CR0_PG | CR0_PE | CR0_WP), %eax
	mov	%eax, %cr0
	lgdt	boot_gdt_ptr
	ljmp	$SEL_CODE64, $long_mode

no_multiboot:
	mov	$msg_no_multiboot, %esi
	jmp	say_and_halt
no_long_mode:
	mov	$msg_no_long_mode, %esi
say_and_halt:
	mov	$COM1_LSR, %dx
4:	inb	%dx, %al
	test	$0x20, %al			/* THR empty */
	jz	4b
	lodsb
	test	%al, %al
	jz	5f
	mov	$COM1, %dx
	outb	%al, %dx
	jmp	say_and_halt
5:	hlt
	jmp	5b

	.code64
long_mode:
	data_segments
	lea	x86_stacks + X86_STACK_SIZE(%rip), %rsp
	mov	%esi, %edi			/* the multiboot information */
	call	x86_boot_main
6:	hlt
	jmp	6b

/*
 * Secondary CPUs come here from the trampoline (trampoline.S) in long
 * mode, on the boot page tables, with RSP at their stack's top and EDI
 * their index.
 */
	.global	x86_secondary_entry
x86_secondary_entry:
	data_segments
	call	x86_secondary_main
7:	hlt
	jmp	7b

	.section .rodata.boot, "a"
msg_no_multiboot:
	.asciz	"bulkhead: not started by a multiboot loader (EAX is not 0x2BADB002)\r\n"
msg_no_long_mode:
	.asciz	"bulkhead: this CPU has no long mode (x86-64) or no NX\r\n"

/* Null, 64-bit code, data: the layout of every GDT (desc.c) */
	.align	16
	.global	x86_boot_gdt
x86_boot_gdt:
	.quad	0
	.quad	0x00209a0000000000
	.quad	0x0000920000000000
x86_boot_gdt_end:
boot_gdt_ptr:
	.word	x86_boot_gdt_end - x86_boot_gdt - 1
	.long	x86_boot_gdt

	.section .bss.pagetables, "aw", @nobits
	.align	4096
	.global	x86_boot_pml4
x86_boot_pml4:
	.space	4096
x86_boot_pdpt:
	.space	4096
x86_boot_pd:
	.space	4096 * IDENTITY_GIB
