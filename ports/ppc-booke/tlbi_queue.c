// SPDX-License-Identifier: MIT
/* The broadcast tlbivax operands a vCPU has still to apply (asm/tlbi_queue.h). */
#include <asm/mas.h>
#include <asm/tlbi_queue.h>

void tlbi_queue_drop(struct tlbi_queue *q)
{
	q->taken = q->queued;
	q->overflow = false;
}

uint32_t tlbi_queue_push(struct tlbi_queue *q, uint32_t ea)
{
	uint32_t n = q->queued;

	if (n - q->taken >= TLBI_QUEUE_LEN)
		q->overflow = true;
	else
		q->ea[n % TLBI_QUEUE_LEN] = ea;
	/* The owner looks at it without the caller's lock */
	__atomic_store_n(&q->queued, n + 1, __ATOMIC_RELAXED);
	return n + 1;
}

void tlbi_queue_take(struct tlbi_queue *q, struct tlbi_batch *b)
{
	b->all = q->overflow;
	b->n = 0;
	if (!b->all)
		for (uint32_t n = q->taken; n != q->queued; n++)
			b->ea[b->n++] = q->ea[n % TLBI_QUEUE_LEN];
	b->upto = q->queued;
	tlbi_queue_drop(q);
}

unsigned int tlbi_batch_apply(struct guest_tlb *t, const struct tlbi_batch *b)
{
	unsigned int done = 0;

	if (b->all)
		return gtlb_mmucsr0_write(t, MMUCSR0_TLB0_FI | MMUCSR0_TLB1_FI);
	for (unsigned int i = 0; i < b->n; i++)
		done += gtlb_tlbivax(t, b->ea[i]);
	return done;
}
