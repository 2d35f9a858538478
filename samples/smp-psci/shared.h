/* SPDX-License-Identifier: MIT */
/*
 * smp-psci: what both partitions use. ticker publishes its tick count in
 * the shared-memory region of the config; duo waits for it to advance
 * before it faults, so that ticker is provably running when the machine
 * goes down. Both tell time by the generic timer's virtual counter.
 */
#ifndef SMP_PSCI_SHARED_H
#define SMP_PSCI_SHARED_H

#include <stdint.h>

#include "irq.h"

/*
 * ticker's tick count: the first word of the region that the partition's
 * device tree lists as "bulkhead,shared-memory". NULL when there is none.
 */
uint32_t *shared_tick_count(void);

/* The counter value @seconds from now: a deadline for a bounded wait. */
static inline uint64_t counter_after_s(uint32_t seconds)
{
	return timer_count() + (uint64_t)timer_freq() * seconds;
}

#endif
