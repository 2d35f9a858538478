// SPDX-License-Identifier: MIT
/*
 * smp-psci, the "ticker" partition: prints a tick every TICK_MS for
 * MAX_TICKS ticks, paced by the generic timer, and publishes the count in
 * the memory it shares with duo; then it shuts down. That takes far longer
 * than duo's two boots, so it is still ticking when duo's deliberate fault
 * powers the machine off: "ticker: finished all ticks" means the fault
 * policy did not.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "guest.h"
#include "shared.h"

#define MAX_TICKS	1000u
#define TICK_MS		50u

int main(void)
{
	uint32_t *published = shared_tick_count();
	uint32_t freq = timer_freq();
	uint64_t period, next;
	uint32_t tick;

	if (!published || !freq) {
		printf("ticker: %s\n", published ? "CNTFRQ is 0, no time base" :
		       "no bulkhead,shared-memory node");
		return EXIT_FAILURE;
	}
	printf("ticker: vCPU %" PRIu32 " on physical CPU %" PRIu32 ", %u ticks of %u ms\n",
	       guest.vcpu, guest.host_cpu, MAX_TICKS, TICK_MS);
	period = (uint64_t)freq * TICK_MS / 1000;
	next = timer_count();
	for (tick = 1; tick <= MAX_TICKS; tick++) {
		next += period;
		while (timer_count() < next)
			;
		printf("ticker: tick %" PRIu32 "\n", tick);
		/* After the line: duo knows it is on the console by now. */
		__atomic_store_n(published, tick, __ATOMIC_SEQ_CST);
	}
	printf("ticker: finished all ticks\n");
	return EXIT_SUCCESS;
}
