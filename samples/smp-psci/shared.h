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

/*
 * ticker's tick count: the first word of the region that the partition's
 * device tree lists as "bulkhead,shared-memory". NULL when there is none.
 */
uint32_t *shared_tick_count(void);

/* Counter ticks per second (CNTFRQ); 0 when the firmware never set it. */
static inline uint32_t counter_freq(void)
{
	uint32_t freq;

	__asm__ volatile("mrc p15, 0, %0, c14, c0, 0" : "=r"(freq));
	return freq;
}

/* CNTVCT; the ISB keeps the read from happening before earlier code. */
static inline uint64_t counter_read(void)
{
	uint64_t count;

	__asm__ volatile("isb\n\tmrrc p15, 1, %Q0, %R0, c14" : "=r"(count));
	return count;
}

/* The counter value @seconds from now: a deadline for a bounded wait. */
static inline uint64_t counter_after_s(uint32_t seconds)
{
	return counter_read() + (uint64_t)counter_freq() * seconds;
}

#endif
