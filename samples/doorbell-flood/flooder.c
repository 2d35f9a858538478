// SPDX-License-Identifier: MIT
/*
 * doorbell-flood, the "flooder" partition: rings the doorbell of the
 * region it shares with "target" as fast as it can, for as long as the
 * "metronome" partition runs (its id comes from the bootargs,
 * "watch=<id>"), but never more than MAX_RINGS times. Then it tells
 * target how many rings there were.
 *
 * The hypervisor raises target's doorbell interrupt at most once until
 * target acknowledges it, so the flood costs target at most one interrupt
 * per acknowledgement; metronome, which shares nothing, must not notice
 * it at all.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "doorbell.h"
#include "flood.h"
#include "guest.h"
#include "irq.h"

/*
 * A hard bound, should metronome never stop: five to ten times the rings
 * of its 2 s run (QEMU rings 100,000 to 200,000 times a second).
 */
#define MAX_RINGS	2000000u
/* Rings between two looks at metronome's state */
#define POLL_EVERY	1000u

static uint32_t flood(const struct doorbell *db, uint32_t watched)
{
	uint32_t rings, restarts;

	for (rings = 0; rings < MAX_RINGS; rings++) {
		if (rings % POLL_EVERY == 0 &&
		    hv_partition_state(watched, &restarts) != BH_STATE_RUNNING)
			break;
		doorbell_ring(db);
	}
	return rings;
}

int main(void)
{
	struct doorbell db;
	struct flood_report *report;
	const char *arg = bootarg("watch");
	uint32_t watched, rings;
	uint64_t start;

	if (!arg) {
		printf("flooder: no watch=<partition id> in the bootargs\n");
		return EXIT_FAILURE;
	}
	if (doorbell_find(&db, sizeof(*report)))
		return EXIT_FAILURE;
	report = db.base;
	watched = strtoul(arg, NULL, 0);
	printf("flooder: ringing doorbell %" PRIu32 " of shared memory at 0x%08" PRIxPTR
	       " while partition %" PRIu32 " runs\n", db.number, (uintptr_t)db.base,
	       watched);
	start = timer_count();
	rings = flood(&db, watched);
	report->rings = rings;
	dmb();
	report->done = FLOOD_DONE;
	if (rings == MAX_RINGS) {
		printf("flooder: partition %" PRIu32 " still running after %" PRIu32
		       " rings: the flood did NOT outlast it\n", watched, rings);
		return EXIT_FAILURE;
	}
	printf("flooder: partition %" PRIu32 " is off after %" PRIu32 " rings in %" PRIu32
	       " ms\n", watched, rings,
	       (uint32_t)((timer_count() - start) * 1000 / timer_freq()));
	return EXIT_SUCCESS;
}
