/* SPDX-License-Identifier: MIT */
/*
 * smp-spin-table, the "duo" partition: what its files share. entry.S
 * has vCPU 1's entry from the spin table (spin_entry: it notes what
 * vCPU 1 entered with, then goes on to the runtime's secondary_entry),
 * an entry that must never run (wrong_entry) and vCPU 1's data TLB miss
 * vector; shootdown.c the TLB shootdown check.
 */
#ifndef SMP_SPIN_TABLE_DUO_H
#define SMP_SPIN_TABLE_DUO_H

#include <stdbool.h>
#include <stdint.h>

#include "irq.h"

/* Far longer than any wait needs, yet a hang ends. */
#define MAX_WAIT_S	10u

/* The time base MAX_WAIT_S from now: where a bounded wait gives up */
static inline uint64_t wait_deadline(void)
{
	return timer_count() + (uint64_t)timer_freq() * MAX_WAIT_S;
}

/* vCPU 1's registers at spin_entry, and its TLB1 entry 0 (entry.S) */
struct entry_regs {
	uint32_t r3, r4, r5, r6, r7, msr;
	uint32_t mas1, mas2, mas3;
};
extern struct entry_regs vcpu1_entry;
extern uint32_t wrong_entries;		/* times wrong_entry ran */
void spin_entry(void);
void wrong_entry(void);

/*
 * The guest virtual pages of the shootdown, SHOOT_PAGES of them from
 * SHOOT_VA: vCPU 1's TLB0 entries for them, kept here so that its miss
 * vector (entry.S) can count a miss and write the entry again. 32 bytes
 * each, as entry.S indexes them.
 */
#define SHOOT_VA	0x30000000u
#define SHOOT_PAGES	2
struct shoot_page {
	uint32_t misses;
	uint32_t mas0, mas1, mas2, mas3;
	uint32_t pad[3];
};
extern struct shoot_page shoot_pages[SHOOT_PAGES];
extern uintptr_t shoot_default_vector;	/* where other misses go */
void shootdown_miss_vector(void);

/* Where vCPU 0 and vCPU 1 stand; only ever moves forward. */
enum meeting_state {
	MEET_NONE, MEET_UP, MEET_GO, MEET_DONE,
	SHOOT_SPINNING, SHOOT_SHOT, SHOOT_CHECKED,
};
void meeting_set(enum meeting_state state);
bool meeting_reached(enum meeting_state state);
/* false when it was not reached within MAX_WAIT_S */
bool meeting_wait(enum meeting_state state);

/* vCPU 0's and vCPU 1's sides of the shootdown check (shootdown.c) */
void shootdown_boot(void);
void shootdown_secondary(void);

#endif
