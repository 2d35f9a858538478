// SPDX-License-Identifier: MIT
/*
 * What a Book E core does for the privileged instructions a guest
 * executes in its (virtual) supervisor mode, applied to the guest's
 * state: MSR moves, the returns from interrupt, the TLB instructions,
 * doorbells and dcbi. mfspr/mtspr are in emulate_spr.c. Semantics from
 * Power ISA 2.06 Book III-E and the e500 core manuals.
 */
#include <asm/emulate.h>

static enum booke_outcome finish(struct booke_exit *exit, enum booke_outcome outcome)
{
	exit->outcome = outcome;
	return outcome;
}

static enum booke_outcome reflect(struct booke_exit *exit, enum booke_exc exc, uint32_t esr)
{
	exit->reflect.exc = exc;
	exit->reflect.esr = esr;
	return finish(exit, BOOKE_REFLECT);
}

static enum booke_outcome unhandled(struct booke_exit *exit, const char *why)
{
	exit->why = why;
	return finish(exit, BOOKE_UNHANDLED);
}

/* An instruction the core does not have: what the hardware raises for it */
static enum booke_outcome illegal(struct booke_exit *exit)
{
	return reflect(exit, BOOKE_EXC_PROGRAM, ESR_PIL);
}

/*
 * Every MSR write (mtmsr, wrtee, rfi...) goes through here. Bits the core
 * lacks read back 0. Setting WE on e500v2 dozes the core until an
 * interrupt, which saves WE=1 in SRR1 as the hardware does, but only with
 * one of HID0[DOZE, NAP, SLEEP] set: MSR[WE] merely asserts the core's
 * output of that mode to the SoC, which halts it (E500CORERM 6.3, Table
 * 6-1). With none set, execution goes on with WE set.
 */
static enum booke_outcome set_msr(struct booke_vcpu *v, uint32_t msr, struct booke_exit *exit)
{
	exit->old_msr = v->msr;
	v->msr = msr & v->core->msr_bits;
	if ((v->msr & MSR_WE) && (v->hid0 & HID0_POWER_SAVE))
		return finish(exit, BOOKE_IDLE);
	return finish(exit, v->msr != exit->old_msr ? BOOKE_MSR_CHANGED : BOOKE_DONE);
}

/* rfi and its siblings: MSR from the saved MSR, PC from the saved PC */
static enum booke_outcome rfi(struct booke_vcpu *v, uint32_t srr0, uint32_t srr1,
			      struct booke_exit *exit)
{
	v->pc = srr0 & ~3u;
	return set_msr(v, srr1, exit);
}

static enum booke_outcome tlb_array(struct booke_exit *exit, unsigned int arrays)
{
	exit->tlb.scope = BOOKE_TLB_ARRAY;
	exit->tlb.arrays = arrays;
	return finish(exit, BOOKE_TLB_CHANGED);
}

static enum booke_outcome tlb_page(struct booke_exit *exit, uint32_t ea, unsigned int arrays)
{
	exit->tlb.scope = BOOKE_TLB_PAGE;
	exit->tlb.ea = ea & TLBIVAX_EPN_MASK;
	exit->tlb.arrays = arrays;
	return finish(exit, BOOKE_TLB_CHANGED);
}

static enum booke_outcome tlbwe(struct guest_tlb *tlb, struct booke_exit *exit)
{
	/*
	 * The EREF leaves a tlbwe that names no entry, or a size the array
	 * lacks, undefined: a guest error for the fault policy.
	 */
	if (gtlb_tlbwe(tlb, &exit->tlb.old, &exit->tlb.new))
		return unhandled(exit, "tlbwe: MAS0/MAS1 name no entry or an invalid size");
	exit->tlb.scope = BOOKE_TLB_ENTRY;
	return finish(exit, BOOKE_TLB_CHANGED);
}

static enum booke_outcome tlbivax(struct guest_tlb *tlb, uint32_t ea, struct booke_exit *exit)
{
	unsigned int array = ea & TLBIVAX_TLBSEL1 ? 1 : 0;

	gtlb_tlbivax(tlb, ea);
	exit->tlb.broadcast = true;
	exit->tlb.operand = ea;
	if (ea & TLBIVAX_INV_ALL)
		return tlb_array(exit, 1u << array);
	return tlb_page(exit, ea, 1u << array);
}

/* tlbilx: like tlbivax, but local to this vCPU and in both arrays */
static enum booke_outcome tlbilx(struct guest_tlb *tlb, unsigned int type, uint32_t ea,
				 struct booke_exit *exit)
{
	/* The decoder refused the reserved type 2: this cannot fail */
	gtlb_tlbilx(tlb, type, ea);
	if (type == 0)
		return tlb_array(exit, 3);
	if (type == 3)
		return tlb_page(exit, ea, 3);
	exit->tlb.scope = BOOKE_TLB_PID;
	exit->tlb.pid = ((tlb->mas.mas6 & MAS6_SPID_MASK) >> MAS6_SPID_SHIFT) &
			((1u << tlb->var->tid_bits) - 1);
	return finish(exit, BOOKE_TLB_CHANGED);
}

/*
 * E500CORERM 12.7.1.1: on e500v2, tlbre and tlbsx update MAS7 (as they
 * do MAS3) only while HID0[EN_MAS7_UPDATE] is set; otherwise MAS7 keeps
 * what the guest last wrote. e500mc always updates it. QEMU 7.2 always
 * does, whatever HID0 says.
 */
static bool mas7_updated(const struct booke_vcpu *v)
{
	return !v->core->mas7_update_in_hid0 || (v->hid0 & HID0_EN_MAS7_UPDATE);
}

static enum booke_outcome tlbre(struct booke_vcpu *v, struct guest_tlb *tlb,
				struct booke_exit *exit)
{
	uint32_t mas7 = tlb->mas.mas7;

	if (gtlb_tlbre(tlb))
		return unhandled(exit, "tlbre: MAS0 names no entry");
	if (!mas7_updated(v))
		tlb->mas.mas7 = mas7;
	return finish(exit, BOOKE_DONE);
}

static enum booke_outcome tlbsx(struct booke_vcpu *v, struct guest_tlb *tlb, uint32_t ea,
				struct booke_exit *exit)
{
	uint32_t mas7 = tlb->mas.mas7;

	gtlb_tlbsx(tlb, ea);
	if (!mas7_updated(v))
		tlb->mas.mas7 = mas7;
	return finish(exit, BOOKE_DONE);
}

/* The instructions user mode may not execute: all of those that trap here */
static bool privileged(enum booke_op op)
{
	switch (op) {
	case BOOKE_MFMSR: case BOOKE_MTMSR: case BOOKE_WRTEE: case BOOKE_WRTEEI:
	case BOOKE_RFI: case BOOKE_RFCI: case BOOKE_RFMCI: case BOOKE_RFDI:
	case BOOKE_TLBWE: case BOOKE_TLBRE: case BOOKE_TLBSX: case BOOKE_TLBIVAX:
	case BOOKE_TLBSYNC: case BOOKE_TLBILX: case BOOKE_MSGSND: case BOOKE_MSGCLR:
	case BOOKE_DCBI:
		return true;
	default:
		return false;
	}
}

/* The instructions that complete without leaving the vCPU's state */
static enum booke_outcome emulate_local(struct booke_vcpu *v, struct guest_tlb *tlb,
					const struct booke_insn *in, struct booke_exit *exit)
{
	switch (in->op) {
	case BOOKE_MFMSR:
		v->gpr[in->rt] = v->msr;
		return finish(exit, BOOKE_DONE);
	case BOOKE_MTMSR:
		return set_msr(v, v->gpr[in->rt], exit);
	case BOOKE_WRTEE:
		return set_msr(v, (v->msr & ~MSR_EE) | (v->gpr[in->rt] & MSR_EE), exit);
	case BOOKE_WRTEEI:
		return set_msr(v, (v->msr & ~MSR_EE) | (in->field ? MSR_EE : 0), exit);
	case BOOKE_TLBWE:
		return tlbwe(tlb, exit);
	case BOOKE_TLBRE:
		return tlbre(v, tlb, exit);
	case BOOKE_TLBSX:
		return tlbsx(v, tlb, booke_insn_ea(in, v->gpr), exit);
	case BOOKE_TLBIVAX:
		return tlbivax(tlb, booke_insn_ea(in, v->gpr), exit);
	case BOOKE_TLBSYNC:
		return finish(exit, BOOKE_TLB_SYNC);
	case BOOKE_DCBI:
		/*
		 * The e500 snoops DMA (M=1 in every mapping the port makes),
		 * so discarding a block is never needed for coherence, and
		 * discarding one would let a guest lose data that is not its
		 * own view alone: keeping it valid is the safe subset.
		 */
		return finish(exit, BOOKE_DONE);
	default:
		return unhandled(exit, "not an instruction the emulator handles");
	}
}

enum booke_outcome booke_emulate(struct booke_vcpu *v, struct guest_tlb *tlb,
				 uint32_t insn, struct booke_exit *exit)
{
	const struct booke_core *c = v->core;
	struct booke_insn in;
	enum booke_outcome out;
	uint32_t next = v->pc + 4;

	/*
	 * What no outcome's own path sets. Not a memset: that is newlib's,
	 * out of line, 60 instructions on the path of every trapped one.
	 */
	exit->ignored_spr = false;
	exit->tlb.broadcast = false;
	booke_decode(insn, &in);

	if (in.op == BOOKE_MFSPR || in.op == BOOKE_MTSPR) {
		/* Unprivileged numbers run on the hardware: no trap can bring them */
		if (!booke_spr_privileged(in.spr))
			return unhandled(exit, "mfspr/mtspr of a user SPR trapped");
	} else if (!privileged(in.op)) {
		return unhandled(exit, "not a privileged instruction");
	}
	if (v->msr & MSR_PR)
		return reflect(exit, BOOKE_EXC_PROGRAM, ESR_PPR);

	switch (in.op) {
	case BOOKE_RFI:
		return rfi(v, v->srr0, v->srr1, exit);
	case BOOKE_RFCI:
		return rfi(v, v->csrr0, v->csrr1, exit);
	case BOOKE_RFMCI:
		return rfi(v, v->mcsrr0, v->mcsrr1, exit);
	case BOOKE_RFDI:
		if (!c->debug_class)
			return illegal(exit);
		return rfi(v, v->dsrr0, v->dsrr1, exit);
	case BOOKE_TLBILX:
		if (!c->tlbilx)
			return illegal(exit);
		out = tlbilx(tlb, in.field, booke_insn_ea(&in, v->gpr), exit);
		break;
	case BOOKE_MSGSND:
	case BOOKE_MSGCLR:
		if (!c->doorbell)
			return illegal(exit);
		exit->doorbell.send = in.op == BOOKE_MSGSND;
		exit->doorbell.msg = v->gpr[in.rb];
		out = finish(exit, BOOKE_DOORBELL);
		break;
	case BOOKE_MFSPR:
		out = booke_emulate_mfspr(v, tlb, &in, exit);
		break;
	case BOOKE_MTSPR:
		out = booke_emulate_mtspr(v, tlb, &in, exit);
		break;
	default:
		out = emulate_local(v, tlb, &in, exit);
		break;
	}
	if (out != BOOKE_REFLECT && out != BOOKE_UNHANDLED)
		v->pc = next;
	return out;
}

void booke_timer_read_done(struct booke_vcpu *v, const struct booke_exit *exit,
			   uint32_t value)
{
	v->gpr[exit->timer.rt] = value;
}
