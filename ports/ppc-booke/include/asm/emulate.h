/* SPDX-License-Identifier: MIT */
/*
 * Emulation of the privileged instructions a Book E guest executes with
 * MSR[PR]=1: the port hands each Program interrupt with ESR[PPR] here,
 * with the word at SRR0, and gets back what it must do besides resuming
 * the guest. Pure: the guest's registers are a struct booke_vcpu and its
 * TLB a struct guest_tlb, both owned by the CPU that runs the vCPU, so
 * nothing here takes a lock.
 *
 * Not routed here: Program interrupts with ESR[PIL] or ESR[PTR] (reflect
 * them as they are), sc (its own interrupt, IVOR8), loads, stores and
 * cache operations on emulated devices (the storage and TLB miss path).
 */
#ifndef ASM_EMULATE_H
#define ASM_EMULATE_H

#include <asm/booke_vcpu.h>
#include <asm/guest_tlb.h>
#include <asm/insn.h>

/* e500mc backside L2 cache control (SPRs insn.h does not list) */
#define SPR_L2CSR0	1017
#define SPR_L2CSR1	1018

/*
 * What the port does after booke_emulate(). Except for REFLECT and
 * UNHANDLED, the instruction is complete and v->pc is where the guest
 * resumes (the next instruction, or SRR0 for an rfi).
 */
enum booke_outcome {
	BOOKE_DONE,		/* resume the guest */
	BOOKE_REFLECT,		/* booke_reflect(exit.reflect.exc, .esr, 0) */
	BOOKE_MSR_CHANGED,	/* re-evaluate pending interrupts and the address space */
	BOOKE_PID_CHANGED,	/* a PID register: reload the translation context */
	BOOKE_TLB_CHANGED,	/* drop the shadow entries exit.tlb names */
	BOOKE_TLB_SYNC,		/* tlbsync: wait until this vCPU's broadcasts are applied */
	BOOKE_IDLE,		/* MSR[WE] and a HID0 mode: run when an interrupt may be taken */
	BOOKE_TIMER_SPR,	/* exit.timer: the vtimer model's SPR */
	BOOKE_DOORBELL,		/* exit.doorbell: msgsnd/msgclr */
	BOOKE_UNHANDLED,	/* exit.why: report a fault, the fault policy applies */
};

/* Which shadow TLB entries a BOOKE_TLB_CHANGED makes stale */
enum booke_tlb_scope {
	/* tlbwe: those made from exit.tlb.old, and of pages exit.tlb.new maps (if valid) */
	BOOKE_TLB_ENTRY,
	BOOKE_TLB_PAGE,		/* tlbivax, tlbilx 3: those mapping exit.tlb.ea in .arrays */
	BOOKE_TLB_PID,		/* tlbilx 1: those made from entries with TID exit.tlb.pid */
	BOOKE_TLB_ARRAY,	/* all made from the arrays in the .arrays bit mask */
};

struct booke_exit {
	enum booke_outcome outcome;
	/* DONE: the access had no architected effect (see emulate_spr.c) */
	bool ignored_spr;
	union {
		struct {
			enum booke_exc exc;
			uint32_t esr;
		} reflect;
		/* MSR_CHANGED, IDLE: the MSR before the instruction */
		uint32_t old_msr;
		struct {
			enum booke_tlb_scope scope;
			struct gtlb_entry old;	/* ENTRY: as it was */
			struct gtlb_entry new;	/* ENTRY: as the guest wrote it */
			uint32_t ea;		/* PAGE */
			unsigned int arrays;	/* PAGE, ARRAY: bit n for TLBn */
			unsigned int pid;	/* PID */
			/*
			 * tlbivax reaches every core of the coherence
			 * domain: the port applies gtlb_tlbivax(operand),
			 * the instruction's whole effective address, to the
			 * partition's other vCPUs too, and the issuer's
			 * tlbsync (BOOKE_TLB_SYNC) waits until they have.
			 */
			bool broadcast;
			uint32_t operand;
		} tlb;
		/*
		 * TIMER_SPR: a write of @value to @spr, already complete
		 * for the guest, or a read: the port asks the vtimer for
		 * the value and calls booke_timer_read_done().
		 */
		struct {
			uint16_t spr;
			bool write;
			uint32_t value;
			uint8_t rt;
		} timer;
		/* DOORBELL: the message rB names (e500mc msgsnd/msgclr) */
		struct {
			bool send;	/* msgsnd; else msgclr on this vCPU */
			uint32_t msg;
		} doorbell;
		const char *why;	/* UNHANDLED */
	};
};

/*
 * Apply the trapped instruction @insn to @v and @tlb (tlb->var must be
 * v->core->mmu) and say in @exit what else the port must do. Returns
 * exit->outcome.
 */
enum booke_outcome booke_emulate(struct booke_vcpu *v, struct guest_tlb *tlb,
				 uint32_t insn, struct booke_exit *exit);

/* The second step of a TIMER_SPR read: @value, from the vtimer, into rT */
void booke_timer_read_done(struct booke_vcpu *v, const struct booke_exit *exit,
			   uint32_t value);

/* mfspr and mtspr of a privileged SPR (emulate_spr.c), for booke_emulate() */
enum booke_outcome booke_emulate_mfspr(struct booke_vcpu *v, struct guest_tlb *tlb,
				       const struct booke_insn *in, struct booke_exit *exit);
enum booke_outcome booke_emulate_mtspr(struct booke_vcpu *v, struct guest_tlb *tlb,
				       const struct booke_insn *in, struct booke_exit *exit);

#endif
