/* SPDX-License-Identifier: MIT */
/*
 * The tlbivax operands a vCPU still has to apply to its own guest TLB
 * because another vCPU of its partition broadcast them (tlbivax reaches
 * every core of the coherence domain; tlb_broadcast.c does the rest).
 * The other vCPUs push, the owner takes everything at once and applies
 * it before it enters its guest again. Operands beyond TLBI_QUEUE_LEN
 * are not kept: the owner then invalidates every entry without IPROT of
 * both arrays instead, which covers any tlbivax.
 *
 * Sequence numbers: @queued counts the pushes since the vCPU's creation
 * (wrapping), so an issuer knows which number the owner must have
 * applied for its operand to be done; compare them with
 * tlbi_seq_before().
 *
 * Pure: the caller serialises pushes and takes with a lock of its own,
 * except that the owner may read @queued without it (an atomic load) to
 * see whether anything is pending; pushes store it atomically.
 */
#ifndef ASM_TLBI_QUEUE_H
#define ASM_TLBI_QUEUE_H

#include <bulkhead/types.h>
#include <asm/guest_tlb.h>

#define TLBI_QUEUE_LEN		16

struct tlbi_queue {
	uint32_t ea[TLBI_QUEUE_LEN];	/* operand n at ea[n % TLBI_QUEUE_LEN] */
	uint32_t queued;		/* operands pushed so far */
	uint32_t taken;			/* operands taken so far: those below are done */
	bool overflow;			/* more than TLBI_QUEUE_LEN pending: invalidate all */
};

/* What the owner takes in one go */
struct tlbi_batch {
	uint32_t ea[TLBI_QUEUE_LEN];
	unsigned int n;
	bool all;		/* instead of ea[]: every entry without IPROT */
	uint32_t upto;		/* applying it completes every operand below this number */
};

/* a was pushed before b */
static inline bool tlbi_seq_before(uint32_t a, uint32_t b)
{
	return (int32_t)(a - b) < 0;
}

/* Nothing pending, counting on from where it is (a vCPU's reset) */
void tlbi_queue_drop(struct tlbi_queue *q);

/*
 * Push tlbivax operand @ea (its EPN, TLBSEL and INV_ALL bits); returns
 * the number the owner's applied count must reach for it to be done.
 */
uint32_t tlbi_queue_push(struct tlbi_queue *q, uint32_t ea);

/* Move everything pending into @b; the queue is then empty */
void tlbi_queue_take(struct tlbi_queue *q, struct tlbi_batch *b);

/* Apply @b to guest TLB @t; returns how many entries it invalidated */
unsigned int tlbi_batch_apply(struct guest_tlb *t, const struct tlbi_batch *b);

#endif
