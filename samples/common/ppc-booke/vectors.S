/* SPDX-License-Identifier: MIT */
/*
 * The default exception vectors (arch/guest.h): one per IVOR of the two
 * cores (0-15; e500v2's SPE 32-34; 35, the performance monitor; e500mc's
 * doorbells 36, 37: writing an IVOR the core lacks does nothing), each
 * passing its IVOR number to exception_report() (exception.c) on a stack
 * of its own, since the guest's may be what failed. They never return,
 * so they may clobber every register.
 *
 * IVPR takes the upper 16 bits of a vector's address, IVORn the lower
 * (16-byte aligned): all vectors lie in the 64 KiB from IVPR =
 * __image_start, in .text.vectors.* sections (guest.lds).
 */
#define SPR_IVPR	63
#define SPR_IVOR0	400	/* IVOR0-15: SPRs 400-415 */
#define SPR_IVOR32	528	/* IVOR32-37: SPRs 528-533 */

#define VECTOR_STACK_SIZE	4096

	.macro	default_vector n
	.balign	16
vector_\n:
	li	%r3, \n
	b	vector_report
	.endm

	.macro	set_ivor n
	lis	%r3, vector_\n@ha
	addi	%r3, %r3, vector_\n@l
	.if	\n < 32
	mtspr	SPR_IVOR0 + \n, %r3
	.else
	mtspr	SPR_IVOR32 + \n - 32, %r3
	.endif
	.endm

	.section .text.vectors.default, "ax"
	.irp	n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,32,33,34,35,36,37
	default_vector \n
	.endr

vector_report:
	lis	%r1, vector_stack_top@ha
	addi	%r1, %r1, vector_stack_top@l
	li	%r0, 0
	stwu	%r0, -16(%r1)
	bl	exception_report
	/* exception_report() does not return; stop here should it ever do. */
1:	b	1b

	/* Called from start.S: vCPU 0 before guest_start(), so no stack use. */
	.section .text.vectors_init, "ax"
	.global	vectors_init
	.type	vectors_init, @function
vectors_init:
	lis	%r3, __image_start@ha
	addi	%r3, %r3, __image_start@l
	mtspr	SPR_IVPR, %r3
	.irp	n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,32,33,34,35,36,37
	set_ivor \n
	.endr
	isync
	blr
	.size	vectors_init, . - vectors_init

	.section .bss.vector_stack, "aw", @nobits
	.balign	16
	.space	VECTOR_STACK_SIZE
vector_stack_top:
