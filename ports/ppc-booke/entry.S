/* SPDX-License-Identifier: MIT */
/*
 * Book E interrupt vectors and the guest entry. Every interrupt comes
 * here through IVPR | IVORn; the vectors are 64 bytes apart and IVORn
 * points at its own (ppc_set_vectors() in boot.c).
 *
 * From a guest (SRR1[PR] set: every guest runs in user mode), a vector
 * saves the guest's registers into the vCPU's struct booke_vcpu, which
 * SPRG0's struct ppc_cpu names, and returns from ppc_guest_enter() with
 * the IVOR number. From the hypervisor, only the interrupts that end
 * ppc_cpu_sleep() are expected: they return there with MSR[EE] clear,
 * leaving the interrupt pending for the run loop. Anything else, and
 * every critical-class and machine check interrupt (guests never run
 * with MSR[CE] or MSR[DE]; a machine check is the hardware's), goes to
 * ppc_fatal_trap().
 */
#include <asm/cpu.h>

#define SPRG0	272
#define SPRG1	273
#define MSR_PR	0x4000
#define MSR_EE	0x8000
#define MSR_WE	0x40000
#define FRAME	96		/* back chain, LR slot, CR, r2, r14-r31 */

	.section .vectors, "ax"
	.balign	0x10000
	.global	ppc_vectors
ppc_vectors:

/* Base class: SRR0/SRR1 are the interrupted context's */
.macro	vector n, to=trap_common
	.balign	64
	.global	ppc_vector_\n
ppc_vector_\n:
	mtspr	SPRG1, r1
	mfspr	r1, SPRG0
	stw	r3, PPC_CPU_SCRATCH_R3(r1)
	stw	r4, PPC_CPU_SCRATCH_R4(r1)
	li	r4, \n
	b	\to
.endm

/* Critical class and machine check: never expected */
.macro	fatal_vector n
	.balign	64
	.global	ppc_vector_\n
ppc_vector_\n:
	mtspr	SPRG1, r1
	mfspr	r1, SPRG0
	li	r4, \n
	b	fatal_common
.endm

	fatal_vector 0
	fatal_vector 1
	vector	2, dsi_insn	/* fast_trap.S */
	vector	3
	vector	4
	vector	5
	vector	6, program_fast	/* fast_trap.S */
	vector	7
	vector	8, syscall_fast
	vector	9
	vector	10
	vector	11
	fatal_vector 12
	vector	13, dtlb_fast
	vector	14, itlb_fast
	fatal_vector 15
	vector	32
	vector	33
	vector	34
	vector	35
	vector	36
	fatal_vector 37

/*
 * r1 = this CPU's struct ppc_cpu, r4 = the IVOR number; the interrupted
 * r1 in SPRG1, r3 and r4 in the scratch words. fast_trap.S's vectors
 * start the same way and join at trap_save or save_tail.
 */
trap_common:
	mfcr	r3
	stw	r3, PPC_CPU_SCRATCH_CR(r1)
	mfsrr1	r3
	andi.	r3, r3, MSR_PR
	beq	hv_trap
	.global	trap_save
trap_save:
	lwz	r3, PPC_CPU_GUEST(r1)
	stw	r0, BOOKE_GPR(0)(r3)
	mfspr	r0, SPRG1
	stw	r0, BOOKE_GPR(1)(r3)
	stw	r2, BOOKE_GPR(2)(r3)
	lwz	r0, PPC_CPU_SCRATCH_R3(r1)
	stw	r0, BOOKE_GPR(3)(r3)
	lwz	r0, PPC_CPU_SCRATCH_R4(r1)
	stw	r0, BOOKE_GPR(4)(r3)
	stmw	r5, BOOKE_GPR(5)(r3)
	/* r3 = the vCPU's struct booke_vcpu, every GPR in it */
	.global	save_tail
save_tail:
	mfsrr0	r0
	stw	r0, BOOKE_PC(r3)
	mfsrr1	r0
	stw	r0, PPC_CPU_SRR1(r1)
	lwz	r0, PPC_CPU_SCRATCH_CR(r1)
	stw	r0, BOOKE_CR(r3)
	mflr	r0
	stw	r0, BOOKE_LR(r3)
	mfctr	r0
	stw	r0, BOOKE_CTR(r3)
	mfxer	r0
	stw	r0, BOOKE_XER(r3)
	mr	r3, r4
	lwz	r1, PPC_CPU_HV_SP(r1)
	/* back in ppc_guest_enter()'s frame: return @r3 to its caller */
	lwz	r0, 8(r1)
	mtcr	r0
	lwz	r2, 12(r1)
	lmw	r14, 16(r1)
	lwz	r0, FRAME + 4(r1)
	mtlr	r0
	addi	r1, r1, FRAME
	blr

/* From the hypervisor itself: a wake-up from ppc_cpu_sleep(), or fatal */
	.global	hv_trap
hv_trap:
	cmpwi	r4, 4			/* external input */
	beq	1f
	cmpwi	r4, 10			/* decrementer */
	beq	1f
	cmpwi	r4, 36			/* processor doorbell */
	bne	fatal_common
1:	mfsrr1	r3
	lis	r4, (MSR_EE | MSR_WE)@h
	ori	r4, r4, (MSR_EE | MSR_WE)@l
	andc	r3, r3, r4
	mtsrr1	r3
	lis	r3, sleep_done@ha
	addi	r3, r3, sleep_done@l
	mtsrr0	r3
	lwz	r3, PPC_CPU_SCRATCH_CR(r1)
	mtcr	r3
	lwz	r3, PPC_CPU_SCRATCH_R3(r1)
	lwz	r4, PPC_CPU_SCRATCH_R4(r1)
	mfspr	r1, SPRG1
	rfi

fatal_common:
	lwz	r1, PPC_CPU_FATAL_SP(r1)
	li	r0, 0
	stwu	r0, -16(r1)
	mr	r3, r4
	bl	ppc_fatal_trap

	.text
/* unsigned int ppc_guest_enter(struct ppc_cpu *c) */
	.global	ppc_guest_enter
ppc_guest_enter:
	stwu	r1, -FRAME(r1)
	mflr	r0
	stw	r0, FRAME + 4(r1)
	mfcr	r0
	stw	r0, 8(r1)
	stw	r2, 12(r1)
	stmw	r14, 16(r1)
	stw	r1, PPC_CPU_HV_SP(r3)
	li	r0, 0
	stw	r0, PPC_CPU_TRAP_INSN_READ(r3)
	lwz	r0, PPC_CPU_GUEST_MSR(r3)
	mtsrr1	r0
	lwz	r3, PPC_CPU_GUEST(r3)
	lwz	r0, BOOKE_PC(r3)
	mtsrr0	r0
	lwz	r0, BOOKE_CR(r3)
	mtcr	r0
	lwz	r0, BOOKE_LR(r3)
	mtlr	r0
	lwz	r0, BOOKE_CTR(r3)
	mtctr	r0
	lwz	r0, BOOKE_XER(r3)
	mtxer	r0
	lwz	r0, BOOKE_GPR(0)(r3)
	lwz	r1, BOOKE_GPR(1)(r3)
	lwz	r2, BOOKE_GPR(2)(r3)
	lmw	r4, BOOKE_GPR(4)(r3)
	lwz	r3, BOOKE_GPR(3)(r3)
	rfi

/* void ppc_cpu_sleep(bool doze_with_we) */
	.global	ppc_cpu_sleep
ppc_cpu_sleep:
	mfmsr	r4
	cmpwi	r3, 0
	beq	2f
	lis	r5, (MSR_EE | MSR_WE)@h
	ori	r5, r5, (MSR_EE | MSR_WE)@l
	or	r4, r4, r5
	msync
	mtmsr	r4			/* the e500v2 dozes until an interrupt */
	isync
	b	sleep_done
2:	ori	r4, r4, MSR_EE
	wrtee	r4
	.long	0x7c00007c		/* wait: e500mc halts until an interrupt */
sleep_done:
	wrteei	0
	blr

	.section .note.GNU-stack, "", @progbits
