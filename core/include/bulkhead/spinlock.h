/* SPDX-License-Identifier: MIT */
/*
 * Spinlocks on the compiler's atomics, so every architecture gets them
 * without a port hook. Hypervisor code never sleeps and runs with
 * interrupts masked. Ticket locks: CPUs get the lock in the order they
 * asked, so a partition that keeps one busy (a chatty console) cannot
 * starve another partition's CPU waiting for it.
 */
#ifndef BULKHEAD_SPINLOCK_H
#define BULKHEAD_SPINLOCK_H

#include <stdbool.h>

typedef struct {
	unsigned int next;
	unsigned int owner;
} spinlock_t;

#define SPINLOCK_INIT	{ 0, 0 }

static inline void spin_lock(spinlock_t *l)
{
	unsigned int ticket = __atomic_fetch_add(&l->next, 1, __ATOMIC_RELAXED);

	while (__atomic_load_n(&l->owner, __ATOMIC_ACQUIRE) != ticket)
		;
}

/* Take the lock only if nobody holds or waits for it. */
static inline bool spin_trylock(spinlock_t *l)
{
	unsigned int owner = __atomic_load_n(&l->owner, __ATOMIC_RELAXED);
	unsigned int expected = owner;

	return __atomic_compare_exchange_n(&l->next, &expected, owner + 1, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static inline void spin_unlock(spinlock_t *l)
{
	__atomic_store_n(&l->owner, l->owner + 1, __ATOMIC_RELEASE);
}

#endif
