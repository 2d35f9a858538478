// SPDX-License-Identifier: MIT
/*
 * smp-spin-table, the "ticker" partition: prints a tick every TICK_MS,
 * publishing the count in the memory it shares with duo, until duo has
 * been halted by its fault policy; then TICKS_AFTER more, to show it ran
 * on unharmed, and it shuts down. "ticker: duo never halted" means duo's
 * last fault was not taken.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "guest.h"
#include "hypercall.h"
#include "doorbell.h"
#include "irq.h"

#define DUO_ID		0u
#define MAX_TICKS	400u
#define TICKS_AFTER	3u
#define TICK_MS		50u

static bool duo_halted(void)
{
	return hv_call(BH_HC_PARTITION_STATE, DUO_ID, 0, 0).r0 == BH_STATE_HALTED;
}

int main(void)
{
	struct doorbell db;
	uint32_t *published, halted_at = 0;
	uint64_t period, next;

	if (doorbell_find(&db, sizeof(*published)))
		return EXIT_FAILURE;
	published = db.base;
	printf("ticker: vCPU %" PRIu32 " on physical CPU %" PRIu32 ", a tick every %u ms\n",
	       guest.vcpu, guest.host_cpu, TICK_MS);
	period = (uint64_t)timer_freq() * TICK_MS / 1000;
	next = timer_count();
	for (uint32_t tick = 1; tick <= MAX_TICKS; tick++) {
		next += period;
		while (timer_count() < next)
			;
		printf("ticker: tick %" PRIu32 "\n", tick);
		/* After the line: duo knows it is on the console by now. */
		__atomic_store_n(published, tick, __ATOMIC_SEQ_CST);
		if (!halted_at && duo_halted()) {
			halted_at = tick;
			printf("ticker: duo is halted; ticking on\n");
		}
		if (halted_at && tick == halted_at + TICKS_AFTER) {
			printf("ticker: done\n");
			return EXIT_SUCCESS;
		}
	}
	printf("ticker: duo never halted\n");
	return EXIT_FAILURE;
}
