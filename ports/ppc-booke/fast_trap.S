/* SPDX-License-Identifier: MIT */
/*
 * The commonest traps of a guest's supervisor, answered in the vector
 * without the run loop (entry.S's trap_common is the way for everything
 * else):
 *
 *  - sc 1 of a hypercall whose answer is a constant (port.h's
 *    struct hypercall_constants): r3 gets it, r4 keeps its value;
 *  - mfspr and mtspr of an SPR that is plain storage in the guest's
 *    struct booke_vcpu (trap.c's booke_plain_spr table); an mtspr of
 *    SPRG3-7 also goes to the real register, which the guest's user-mode
 *    reads (259-263) see without a trap;
 *  - a TLB miss whose shadow entry context.c made last is in the shadow
 *    cache (struct ppc_cpu): written to TLB0 again, for the hardware TID
 *    in PID0 only.
 *
 * The first two need the trapped instruction, which they read only
 * through the page trap.c's fetch_guest_insn() looked up last (struct ppc_cpu's
 * fetch_ea and fetch_page, forgotten at every change of the guest's
 * translation): on any other page, or for anything else, they join
 * trap_common's path with nothing changed. Neither can make an interrupt
 * deliverable (no MSR, timer or interrupt controller state changes), so
 * nothing is left for the run loop to look at.
 *
 * This is the only place that reads through that page: every vector
 * whose trap the run loop needs the instruction of (program, system
 * call, data storage, data TLB error) reads it here when its page is
 * the cached one, and leaves it in struct ppc_cpu's trap_insn for
 * fetch_guest_insn(), which otherwise looks it up in the guest's TLB.
 */
#include <asm/cpu.h>

#define SPRG1		273
#define SPR_ESR		62
#define MSR_PR		0x4000
#define ESR_PPR_HI	0x0400		/* ESR[PPR] >> 16 */
#define INSN_SC1	0x44000022	/* sc 1 */
#define OPCD_31		0x7c000000
#define XO_MFSPR	0x2a6		/* with Rc 0 */
#define XO_MTSPR	0x3a6
#define SPR_DEAR	61
#define SPR_PID0	48
#define SPR_MAS0	624
#define SPR_MAS1	625
#define SPR_MAS2	626
#define SPR_MAS3	627
#define SPR_MAS7	944
#define MAS0_ESEL_SHIFT	16
#define SPR_SPRG3	275
#define SPR_SPRG4	276
#define SPR_SPRG5	277
#define SPR_SPRG6	278
#define SPR_SPRG7	279

/* CR saved; from the hypervisor: hv_trap. Uses r3 only. */
.macro	guest_or_hv
	mfcr	r3
	stw	r3, PPC_CPU_SCRATCH_CR(r1)
	mfsrr1	r3
	andi.	r3, r3, MSR_PR
	beq	hv_trap
.endm

/* CR0[EQ] set if the guest is in its supervisor state. Uses r4. */
.macro	guest_supervisor
	lwz	r4, PPC_CPU_GUEST(r1)
	lwz	r4, BOOKE_MSR(r4)
	andi.	r4, r4, MSR_PR
.endm

/*
 * r3 = the word at effective address r3 if it lies in the page of the
 * last fetch, else into trap_save with r4 = \vec. Uses r3, r4.
 */
.macro	fetch_cached vec
	rlwinm	r4, r3, 0, 0, 19
	stw	r3, PPC_CPU_SCRATCH_R5(r1)	/* the address, for a moment */
	lwz	r3, PPC_CPU_FETCH_EA(r1)
	cmpw	r3, r4
	li	r4, \vec
	bne	trap_save
	lwz	r3, PPC_CPU_SCRATCH_R5(r1)
	rlwinm	r3, r3, 0, 20, 31
	lwz	r4, PPC_CPU_FETCH_PAGE(r1)
	lwzx	r3, r4, r3
.endm

	/* Beside the vectors: their conditional branches reach 32 KiB */
	.section .vectors, "ax"
	.global	syscall_fast
syscall_fast:
	guest_or_hv
	mfsrr0	r3
	addi	r3, r3, -4
	fetch_cached 8
	guest_supervisor
	bne	syscall_slow
	lis	r4, INSN_SC1@h
	ori	r4, r4, INSN_SC1@l
	cmpw	r3, r4
	bne	syscall_slow
	/* n = r11 - base, below count, with its constant set */
	stw	r5, PPC_CPU_SCRATCH_R5(r1)
	lis	r3, hypercall_constants@ha
	addi	r3, r3, hypercall_constants@l
	lwz	r4, 0(r3)
	subf	r4, r4, r11
	lwz	r5, 4(r3)
	cmplw	r4, r5
	bge	1f
	slwi	r4, r4, 3
	add	r3, r3, r4
	lwz	r5, 8(r3)			/* call[n].constant */
	cmpwi	r5, 0
	beq	1f
	lwz	r3, 12(r3)			/* call[n].ret */
	lwz	r5, PPC_CPU_SCRATCH_CR(r1)
	mtcr	r5
	lwz	r5, PPC_CPU_SCRATCH_R5(r1)
	lwz	r4, PPC_CPU_SCRATCH_R4(r1)
	mfspr	r1, SPRG1
	rfi
1:	lwz	r5, PPC_CPU_SCRATCH_R5(r1)
	lis	r3, INSN_SC1@h
	ori	r3, r3, INSN_SC1@l
syscall_slow:
	li	r4, 8
	b	insn_read

	.global	program_fast
program_fast:
	guest_or_hv
	mfspr	r3, SPR_ESR
	andis.	r3, r3, ESR_PPR_HI
	beq	trap_save
	mfsrr0	r3
	fetch_cached 6
	guest_supervisor
	bne	program_slow
	/* Every GPR into the vCPU's register file: r5-r31 are free then */
	lwz	r4, PPC_CPU_GUEST(r1)
	stw	r0, BOOKE_GPR(0)(r4)
	stw	r2, BOOKE_GPR(2)(r4)
	stmw	r5, BOOKE_GPR(5)(r4)
	mfspr	r5, SPRG1
	stw	r5, BOOKE_GPR(1)(r4)
	lwz	r5, PPC_CPU_SCRATCH_R3(r1)
	stw	r5, BOOKE_GPR(3)(r4)
	lwz	r5, PPC_CPU_SCRATCH_R4(r1)
	stw	r5, BOOKE_GPR(4)(r4)
	/* r3 = the instruction, r4 = struct booke_vcpu */
	rlwinm	r5, r3, 0, 0, 5
	lis	r6, OPCD_31@h
	cmpw	r5, r6
	bne	slow_saved
	rlwinm	r5, r3, 0, 21, 31
	cmpwi	r5, XO_MTSPR
	beq	2f
	cmpwi	r5, XO_MFSPR
	bne	slow_saved
2:	/* r6 = the SPR's offset in struct booke_vcpu, r7 = its GPR's */
	rlwinm	r6, r3, 16, 27, 31
	rlwinm	r7, r3, 26, 22, 26
	or	r6, r6, r7
	lis	r7, booke_plain_spr@ha
	addi	r7, r7, booke_plain_spr@l
	lbzx	r6, r7, r6
	cmpwi	r6, 0
	beq	slow_saved
	rlwinm	r7, r3, 13, 25, 29		/* rS or rT, times 4 */
	addi	r7, r7, BOOKE_GPR(0)
	cmpwi	r5, XO_MTSPR
	bne	3f
	lwzx	r8, r4, r7
	stwx	r8, r4, r6
	/* SPRG3-7 (275-279): the hardware register too; r9 = the SPR number */
	rlwinm	r9, r3, 16, 27, 31
	rlwinm	r7, r3, 26, 22, 26
	or	r9, r9, r7
	cmplwi	r9, SPR_SPRG3
	blt	4f
	cmplwi	r9, SPR_SPRG7
	bgt	4f
	beq	5f
	cmplwi	r9, SPR_SPRG4
	blt	6f
	beq	7f
	cmplwi	r9, SPR_SPRG5
	beq	8f
	mtspr	SPR_SPRG6, r8
	b	4f
5:	mtspr	SPR_SPRG7, r8
	b	4f
6:	mtspr	SPR_SPRG3, r8
	b	4f
7:	mtspr	SPR_SPRG4, r8
	b	4f
8:	mtspr	SPR_SPRG5, r8
	b	4f
3:	lwzx	r8, r4, r6
	stwx	r8, r4, r7
4:	mfsrr0	r5
	addi	r5, r5, 4
	mtsrr0	r5
	lwz	r5, PPC_CPU_SCRATCH_CR(r1)
	mtcr	r5
	lwz	r0, BOOKE_GPR(0)(r4)
	lwz	r2, BOOKE_GPR(2)(r4)
	lwz	r3, BOOKE_GPR(3)(r4)
	lmw	r5, BOOKE_GPR(5)(r4)
	lwz	r1, BOOKE_GPR(1)(r4)
	lwz	r4, BOOKE_GPR(4)(r4)
	rfi

/*
 * r3 = the missing effective address. The cache slot of its page must
 * hold it under the TID in PID0 (a guest's TIDs are never 0, so an empty
 * slot never matches); else to \miss with r3 and r4 free.
 */
.macro	tlb_fast miss
	stw	r5, PPC_CPU_SCRATCH_R5(r1)
	rlwinm	r5, r3, 20, 24, 31		/* the slot: context.c's cache_slot() */
	rlwinm	r4, r3, 12, 24, 31
	xor	r5, r5, r4
	slwi	r5, r5, SHADOW_CACHE_SHIFT
	add	r5, r5, r1
	rlwinm	r3, r3, 0, 0, 19
	mfspr	r4, SPR_PID0
	or	r3, r3, r4
	lwz	r4, PPC_CPU_SHADOW_CACHE + SHADOW_CACHE_KEY(r5)
	cmpw	r3, r4
	bne	1f
	lwz	r3, PPC_CPU_SHADOW_CACHE + SHADOW_CACHE_MAS1(r5)
	mtspr	SPR_MAS1, r3
	lwz	r3, PPC_CPU_SHADOW_CACHE + SHADOW_CACHE_MAS2(r5)
	mtspr	SPR_MAS2, r3
	lwz	r3, PPC_CPU_SHADOW_CACHE + SHADOW_CACHE_MAS3(r5)
	mtspr	SPR_MAS3, r3
	lwz	r3, PPC_CPU_SHADOW_CACHE + SHADOW_CACHE_MAS7(r5)
	mtspr	SPR_MAS7, r3
	lwz	r3, PPC_CPU_TLB0_VICTIM(r1)
	addi	r4, r3, 1
	stw	r4, PPC_CPU_TLB0_VICTIM(r1)
	rlwinm	r3, r3, MAS0_ESEL_SHIFT, 14, 15	/* TLB0, way victim % 4 */
	mtspr	SPR_MAS0, r3
	isync
	tlbwe
	isync
	lwz	r5, PPC_CPU_SCRATCH_CR(r1)
	mtcr	r5
	lwz	r5, PPC_CPU_SCRATCH_R5(r1)
	lwz	r3, PPC_CPU_SCRATCH_R3(r1)
	lwz	r4, PPC_CPU_SCRATCH_R4(r1)
	mfspr	r1, SPRG1
	rfi
1:	lwz	r5, PPC_CPU_SCRATCH_R5(r1)
	b	\miss
.endm

/* A data access for the run loop to decide: its instruction with it */
.macro	data_slow vec
	mfsrr0	r3
	fetch_cached \vec
	li	r4, \vec
	b	insn_read
.endm

	.global	dtlb_fast
dtlb_fast:
	guest_or_hv
	mfspr	r3, SPR_DEAR
	tlb_fast dtlb_slow
dtlb_slow:
	data_slow 13

	.global	itlb_fast
itlb_fast:
	guest_or_hv
	mfsrr0	r3
	tlb_fast itlb_slow
itlb_slow:
	li	r4, 14
	b	trap_save

	.global	dsi_insn
dsi_insn:
	guest_or_hv
	data_slow 2

/* r3 = the trapped instruction: for trap.c's fetch_guest_insn(). Uses r3. */
.macro	keep_insn
	stw	r3, PPC_CPU_TRAP_INSN(r1)
	li	r3, 1
	stw	r3, PPC_CPU_TRAP_INSN_READ(r1)
.endm

program_slow:
	li	r4, 6
/* r3 = the trapped instruction, r4 = the IVOR */
insn_read:
	keep_insn
	b	trap_save

/* Not ours after all, with every GPR already saved; r3 = the instruction */
slow_saved:
	keep_insn
	mr	r3, r4
	li	r4, 6
	b	save_tail

	.section .note.GNU-stack, "", @progbits
