/* SPDX-License-Identifier: MIT */
/*
 * A shared-memory region with a doorbell, as the hypervisor describes it
 * in the partition's device tree (docs/hypercalls.md, "Doorbells"): a node
 * with compatible "bulkhead,shared-memory", its guest range in "reg", the
 * interrupt a peer's ring raises here in "interrupts" and the number to
 * ring in "bulkhead,doorbell".
 */
#ifndef SAMPLES_DOORBELL_H
#define SAMPLES_DOORBELL_H

#include <stddef.h>
#include <stdint.h>

#include "guest.h"
#include "hypercall.h"

struct doorbell {
	void *base;		/* the region, guest address */
	uint64_t size;
	uint32_t number;	/* bulkhead,doorbell: what BH_HC_DOORBELL_RING takes */
	unsigned int irq;	/* GIC interrupt ID the other peers' rings raise here */
};

/*
 * The first shared-memory region of this partition's device tree that has
 * a doorbell and at least @min_size bytes. 0, or -1 after printing why not.
 */
int doorbell_find(struct doorbell *db, size_t min_size);

/*
 * Every other peer of the region gets the doorbell interrupt. The barrier
 * keeps the ring from overtaking what the caller wrote before it. There
 * is no error to return: ringing a number that is not one of the
 * partition's doorbells is a fault (docs/hypercalls.md).
 */
static inline void doorbell_ring(const struct doorbell *db)
{
	mem_barrier();
	hv_call(BH_HC_DOORBELL_RING, db->number, 0, 0);
}

#endif
