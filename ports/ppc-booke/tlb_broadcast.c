// SPDX-License-Identifier: MIT
/*
 * tlbivax across the vCPUs of a partition. The issuer has applied it to
 * its own guest TLB already (emulate.c); here it is pushed to each other
 * running vCPU's inbox (asm/tlbi_queue.h), whose owner applies it to its
 * guest TLB and drops its shadow entries itself, on its own CPU, before it
 * enters its guest again: a guest TLB and a CPU's TLB0 and shadow cache
 * are only ever touched by the CPU that runs the vCPU. The issuer's
 * tlbsync, which the architecture makes the point where its tlbivax are
 * done everywhere, kicks every target that is in its guest out of it and
 * waits until it has applied what it was sent; one that is not in its
 * guest will apply it before its next guest instruction. So a run of
 * tlbivax costs each target one exit, at the tlbsync; a tlbivax that no
 * tlbsync follows reaches the others at their next exit.
 *
 * Who calls what, holding which lock (none is held across a wait):
 * - ppc_tlbivax_broadcast() and ppc_tlbsync(): the issuer's CPU, from its
 *   trap handling (trap.c), no lock held; each push takes the target's
 *   inbox->lock for the push alone, the wait takes none.
 * - ppc_tlbi_enter() and ppc_tlbi_leave() (inline, asm/vcpu.h): the
 *   owner's CPU, right around ppc_guest_enter() (vcpu.c), no lock held;
 *   ppc_tlbi_apply(), when something is pending, takes the operands
 *   under its own inbox->lock.
 * - ppc_tlbi_reset(): the owner's CPU, from port_vcpu_reset(), no lock held.
 *
 * The handshake between an issuer and a target entering its guest is
 * Dekker's: the target stores in_guest = true, then loads the queue's
 * count; the issuer stores the count (the push), then, at its tlbsync,
 * loads in_guest; a full barrier between the store and the load on both
 * sides. So either the target sees the push and applies it before it
 * enters, or the issuer sees it in its guest, kicks it and waits.
 */
#include <bulkhead/port.h>
#include <asm/cpu.h>
#include <asm/vcpu.h>

/* Spins of a waiting tlbsync between two kicks of the same target */
#define KICK_AGAIN_SPINS	100000

static bool in_guest(const struct tlbi_inbox *in)
{
	return __atomic_load_n(&in->in_guest, __ATOMIC_SEQ_CST);
}

void ppc_tlbi_reset(struct vcpu *v)
{
	struct arch_vcpu *a = v->arch;
	struct tlbi_inbox *in = &a->inbox;

	spin_lock(&in->lock);
	tlbi_queue_drop(&in->q);
	/* Whoever waits for an operand sent to the old boot stops waiting */
	__atomic_store_n(&in->applied, in->q.queued, __ATOMIC_RELEASE);
	spin_unlock(&in->lock);
	__atomic_store_n(&in->in_guest, false, __ATOMIC_RELEASE);
	a->sync_pending = 0;
}

void ppc_tlbivax_broadcast(struct vcpu *v, uint32_t ea)
{
	struct partition *p = v->part;

	for (unsigned int i = 0; i < p->nvcpus; i++) {
		struct vcpu *w = &p->vcpu[i];
		struct tlbi_inbox *in = &w->arch->inbox;

		/* One that is not running gets a fresh guest TLB when it starts */
		if (w == v || w->state != VCPU_RUNNING)
			continue;
		spin_lock(&in->lock);
		v->arch->sync_upto[i] = tlbi_queue_push(&in->q, ea);
		spin_unlock(&in->lock);
		v->arch->sync_pending |= 1u << i;
	}
}

/* vCPU @w has not applied operand number @upto yet, and is in its guest */
static bool must_wait(const struct tlbi_inbox *in, uint32_t upto)
{
	return tlbi_seq_before(__atomic_load_n(&in->applied, __ATOMIC_ACQUIRE), upto) &&
	       in_guest(in);
}

/* Kick vCPU @w out of its guest until it has applied operand number @upto */
static void wait_applied(struct vcpu *v, struct vcpu *w, uint32_t upto)
{
	struct tlbi_inbox *in = &w->arch->inbox;

	for (unsigned long spins = 0; must_wait(in, upto); spins++) {
		/* The issuer is being stopped: its tlbsync no longer matters */
		if (v->state != VCPU_RUNNING)
			return;
		/* Again now and then, so that one lost kick cannot hang us */
		if (!(spins % KICK_AGAIN_SPINS))
			port_cpu_kick(w->cpu);
	}
}

void ppc_tlbsync(struct vcpu *v)
{
	struct arch_vcpu *a = v->arch;
	struct partition *p = v->part;

	if (!a->sync_pending)
		return;
	/* The pushes before the looks at in_guest (the handshake above) */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	for (unsigned int i = 0; i < p->nvcpus; i++)
		if (a->sync_pending & (1u << i))
			wait_applied(v, &p->vcpu[i], a->sync_upto[i]);
	a->sync_pending = 0;
}

/* Apply what the other vCPUs sent; drop this CPU's shadow entries if it changed anything */
static void apply_pending(struct vcpu *v)
{
	struct tlbi_inbox *in = &v->arch->inbox;
	struct tlbi_batch b;

	spin_lock(&in->lock);
	tlbi_queue_take(&in->q, &b);
	spin_unlock(&in->lock);
	/*
	 * A shadow entry is made from a guest entry still there: when no
	 * guest entry went, none of them translates what the operands name.
	 */
	if (tlbi_batch_apply(&v->arch->tlb, &b))
		ppc_flush_shadow(v);
	__atomic_store_n(&in->applied, b.upto, __ATOMIC_RELEASE);
}

void ppc_tlbi_apply(struct vcpu *v)
{
	do {
		ppc_tlbi_leave(v);
		apply_pending(v);
	} while (!ppc_tlbi_enter_empty(v));
}
