// SPDX-License-Identifier: MIT
/*
 * linux-partition, the "ticker" partition: a bare-metal guest on its own
 * CPU beside Linux. It prints "ticker: tick N at T ms" every TICK_MS of
 * virtual time (T counts from its start), sleeping in WFI between ticks
 * until its virtual timer's interrupt, so the test can see its cadence
 * hold while Linux boots next door and after Linux has powered its own
 * partition off. It watches Linux with BH_HC_PARTITION_STATE (the id
 * comes from the bootargs, "watch=<id>") and stops TICKS_AFTER ticks after
 * Linux has left the running state, or after MAX_TICKS if it never does.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "guest.h"
#include "hypercall.h"
#include "irq.h"

#define TICK_MS		100u
/* 10 minutes, the test's timeout: Linux is off long before. */
#define MAX_TICKS	6000u
#define TICKS_AFTER	5u

/*
 * Each deadline is the previous one plus a period, not "now" plus a
 * period, so a late tick does not shift the ones after it: the printed
 * times show any lateness instead of hiding it.
 */
static uint64_t period, next_deadline;
static volatile uint32_t ticks_due;

static void on_timer(unsigned int irq, unsigned int source)
{
	(void)irq;
	(void)source;
	ticks_due++;
	next_deadline += period;
	vtimer_arm(next_deadline);	/* the level interrupt drops */
}

/* Sleep until the timer has counted @tick deadlines. */
static void wait_for_tick(uint32_t tick)
{
	irq_mask();
	while (ticks_due < tick) {
		irq_wait();
		irq_unmask();	/* on_timer() runs here */
		irq_mask();
	}
	irq_unmask();
}

static int tick_until_off(uint32_t watched)
{
	uint64_t start = timer_count();
	uint32_t off_tick = 0, restarts;
	int32_t state = BH_STATE_RUNNING;

	period = (uint64_t)timer_freq() * TICK_MS / 1000;
	next_deadline = start + period;
	irq_set_handler(IRQ_PPI_VTIMER, on_timer);
	vtimer_arm(next_deadline);
	irq_enable(IRQ_PPI_VTIMER, 0);
	for (uint32_t tick = 1; tick <= MAX_TICKS; tick++) {
		wait_for_tick(tick);
		/* Debian's newlib has no PRIu64. */
		printf("ticker: tick %" PRIu32 " at %llu ms\n", tick,
		       (unsigned long long)((timer_count() - start) * 1000 / timer_freq()));
		if (off_tick) {
			if (tick - off_tick == TICKS_AFTER)
				return 0;
			continue;
		}
		state = hv_partition_state(watched, &restarts);
		if (state != BH_STATE_RUNNING) {
			off_tick = tick;
			printf("ticker: partition %" PRIu32 " is %s (state %" PRId32
			       ") at tick %" PRIu32 "\n",
			       watched, hv_state_name(state), state, tick);
		}
	}
	printf("ticker: partition %" PRIu32 " still %s after %u ticks; giving up\n",
	       watched, hv_state_name(state), MAX_TICKS);
	return -1;
}

int main(void)
{
	const char *arg = bootarg("watch");
	uint32_t watched;
	int ret;

	if (!arg || !timer_freq() || irq_init()) {
		printf("ticker: %s\n", !arg ? "no watch=<partition id> in the bootargs" :
		       !timer_freq() ? "CNTFRQ is 0, no time base" :
		       "no arm,cortex-a15-gic in the device tree");
		return EXIT_FAILURE;
	}
	watched = strtoul(arg, NULL, 0);
	printf("ticker: vCPU %" PRIu32 " on physical CPU %" PRIu32 ", a tick every %u ms"
	       " until partition %" PRIu32 " is off\n",
	       guest.vcpu, guest.host_cpu, TICK_MS, watched);
	ret = tick_until_off(watched);
	vtimer_stop();
	if (ret)
		return EXIT_FAILURE;
	printf("ticker: done\n");
	return EXIT_SUCCESS;
}
