// SPDX-License-Identifier: MIT
/*
 * bench/ipc, "ping": PINGPONG_ITERATIONS round trips with pong through
 * shared memory and the doorbell, each side sleeping in WFI until the
 * other's ring (pingpong.h), timed with the physical counter. Prints
 * the "bench: result" lines of ipc_roundtrip and doorbell_oneway.
 *
 * Under QEMU -icount the counter advances with the instructions of both
 * CPUs, which QEMU runs in turn on one thread: a figure is every
 * instruction either CPU ran meanwhile, the sleeping one's idle time
 * included, 16 to a tick at 62.5 MHz.
 */
#include <stdio.h>
#include <stdlib.h>

#include "pingpong.h"

static void result(const char *metric, uint64_t ticks)
{
	uint64_t instructions = ticks * (1000000000u / timer_freq());

	printf("bench: result %s %llu instructions\n", metric,
	       (unsigned long long)(instructions / PINGPONG_ITERATIONS));
}

int main(void)
{
	struct doorbell db;
	struct pingpong *pp = pingpong_open(&db);
	uint64_t start;

	if (!pp)
		return EXIT_FAILURE;
	/*
	 * Sleep, never spin: under -icount QEMU leaves a spinning CPU
	 * running while no timer is due, and pong would never start.
	 */
	pingpong_wait(&pp->ready, 1);
	start = timer_physical_count();
	for (uint32_t seq = 1; seq <= PINGPONG_ITERATIONS; seq++) {
		pp->sent_at = timer_physical_count();
		/* pong must not see the request before its time stamp. */
		__asm__ volatile("dmb" ::: "memory");
		pp->request = seq;
		doorbell_ring(&db);
		pingpong_wait(&pp->reply, seq);
	}
	result("ipc_roundtrip", timer_physical_count() - start);
	result("doorbell_oneway", pp->oneway_ticks);
	printf("bench: done\n");
	return EXIT_SUCCESS;
}
