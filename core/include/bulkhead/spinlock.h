/* SPDX-License-Identifier: MIT */
/*
 * Spinlocks on the compiler's atomics, so every architecture gets them
 * without a port hook. Hypervisor code never sleeps and runs with
 * interrupts masked, so a plain test-and-set lock is enough.
 */
#ifndef BULKHEAD_SPINLOCK_H
#define BULKHEAD_SPINLOCK_H

typedef struct {
	unsigned int locked;
} spinlock_t;

#define SPINLOCK_INIT	{ 0 }

static inline void spin_lock(spinlock_t *l)
{
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&l->locked, __ATOMIC_RELAXED))
			;
}

static inline void spin_unlock(spinlock_t *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

#endif
