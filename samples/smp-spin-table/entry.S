/* SPDX-License-Identifier: MIT */
/*
 * smp-spin-table, duo: the code that runs without the runtime's help
 * (duo.h). Register names as the runtime's start code writes them.
 */
#define SPR_DEAR	61
#define SPR_MAS0	624
#define SPR_MAS1	625
#define SPR_MAS2	626
#define SPR_MAS3	627
#define SPR_MAS7	944
#define MAS0_TLB1	0x1000		/* MAS0[TLBSEL] = 1, ESEL 0: @h of it */
#define PAGE_SHIFT	12
#define SHOOT_PAGE_SHIFT	5	/* sizeof(struct shoot_page) */
#define SHOOT_VA_HI	0x3000		/* SHOOT_VA >> 16 */
#define SHOOT_PAGES	2

	/*
	 * vCPU 1 released from the spin table: r3-r7, MSR and what its
	 * TLB1 entry 0 holds (the initial mapped area) into vcpu1_entry,
	 * then on to the runtime's secondary_entry with r3 untouched.
	 * Every store goes through that entry, as ePAPR promises it maps
	 * this code 1:1.
	 */
	.section .text.spin_entry, "ax"
	.global	spin_entry
	.type	spin_entry, @function
spin_entry:
	lis	%r8, vcpu1_entry@ha
	addi	%r8, %r8, vcpu1_entry@l
	stw	%r3, 0(%r8)
	stw	%r4, 4(%r8)
	stw	%r5, 8(%r8)
	stw	%r6, 12(%r8)
	stw	%r7, 16(%r8)
	mfmsr	%r9
	stw	%r9, 20(%r8)
	lis	%r9, MAS0_TLB1
	mtspr	SPR_MAS0, %r9
	isync
	tlbre
	mfspr	%r9, SPR_MAS1
	stw	%r9, 24(%r8)
	mfspr	%r9, SPR_MAS2
	stw	%r9, 28(%r8)
	mfspr	%r9, SPR_MAS3
	stw	%r9, 32(%r8)
	msync
	b	secondary_entry
	.size	spin_entry, . - spin_entry

	/* Released a second time, vCPU 1 would come here: count it and stay. */
	.global	wrong_entry
	.type	wrong_entry, @function
wrong_entry:
	lis	%r8, wrong_entries@ha
	lwz	%r9, wrong_entries@l(%r8)
	addi	%r9, %r9, 1
	stw	%r9, wrong_entries@l(%r8)
	msync
1:	b	1b
	.size	wrong_entry, . - wrong_entry

	/*
	 * vCPU 1's data TLB miss (IVOR13): on one of the shootdown's pages,
	 * count it and write that page's entry again, then return to the
	 * access; any other address goes to the default vector, which
	 * reports it. Uses the interrupted stack (no red zone in the ABI).
	 */
	.macro	restore_scratch
	lwz	%r3, 16(%r1)
	mtcr	%r3
	lwz	%r4, 12(%r1)
	lwz	%r3, 8(%r1)
	addi	%r1, %r1, 32
	.endm

	.section .text.vectors.shootdown, "ax"
	.balign	16
	.global	shootdown_miss_vector
shootdown_miss_vector:
	stwu	%r1, -32(%r1)
	stw	%r3, 8(%r1)
	stw	%r4, 12(%r1)
	mfcr	%r3
	stw	%r3, 16(%r1)
	mfspr	%r3, SPR_DEAR
	lis	%r4, SHOOT_VA_HI
	subf	%r3, %r4, %r3
	srwi	%r3, %r3, PAGE_SHIFT
	cmplwi	%r3, SHOOT_PAGES
	bge	2f
	slwi	%r3, %r3, SHOOT_PAGE_SHIFT
	lis	%r4, shoot_pages@ha
	addi	%r4, %r4, shoot_pages@l
	add	%r4, %r4, %r3
	lwz	%r3, 0(%r4)
	addi	%r3, %r3, 1
	stw	%r3, 0(%r4)
	lwz	%r3, 4(%r4)
	mtspr	SPR_MAS0, %r3
	lwz	%r3, 8(%r4)
	mtspr	SPR_MAS1, %r3
	lwz	%r3, 12(%r4)
	mtspr	SPR_MAS2, %r3
	lwz	%r3, 16(%r4)
	mtspr	SPR_MAS3, %r3
	li	%r3, 0
	mtspr	SPR_MAS7, %r3
	isync
	tlbwe
	isync
	restore_scratch
	rfi
2:	lis	%r4, shoot_default_vector@ha
	lwz	%r4, shoot_default_vector@l(%r4)
	mtctr	%r4
	restore_scratch
	bctr
