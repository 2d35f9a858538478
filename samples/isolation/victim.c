// SPDX-License-Identifier: MIT
/*
 * isolation, the victim: owns a passthrough device (check_passthrough() in
 * passthrough-$(PORT).c) and 4 MiB of patterned RAM at a physical address
 * the hostile partition knows. It keeps re-checking that RAM while the
 * hostile partition attacks and is restarted, and ends once the hostile
 * partition is halted for good and the quitter has switched itself off,
 * proving both stopped without touching it. Bootargs "hostile=<id> quitter=<id>" name the partitions to watch.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "guest.h"
#include "hypercall.h"
#include "isolation.h"

#define PATTERN_BYTES	(4 * MiB)
/* A tick is this many empty loops plus one CRC over the pattern. */
#define TICK_LOOPS	5000000u
/* Far more ticks than the hostile partition's boots need. */
#define MAX_TICKS	200u

static void spin(unsigned int loops)
{
	while (loops--)
		__asm__ volatile("" ::: "memory");
}

static int read_ids(uint32_t *hostile, uint32_t *quitter)
{
	const char *h = bootarg("hostile"), *q = bootarg("quitter");

	if (!h || !q) {
		printf("victim: bootargs \"%s\" lack hostile=<id> quitter=<id>\n",
		       guest.bootargs);
		return -1;
	}
	*hostile = strtoul(h, NULL, 0);
	*quitter = strtoul(q, NULL, 0);
	return 0;
}

int main(void)
{
	uint32_t hostile, quitter, restarts, unused, sum, want;
	int32_t hstate = 0, qstate = 0;
	bool intact = true;
	uint32_t *buf;
	unsigned int tick;

	if (read_ids(&hostile, &quitter))
		return EXIT_FAILURE;
	check_passthrough();
	buf = malloc(PATTERN_BYTES);
	if (!buf) {
		printf("victim: no %u bytes of free RAM\n", PATTERN_BYTES);
		return EXIT_FAILURE;
	}
	pattern_fill(buf, PATTERN_BYTES / sizeof(*buf), 0x5eed0001u);
	want = crc32(0, buf, PATTERN_BYTES);
	printf("victim: filled %u MiB, checksum 0x%08" PRIx32 "\n",
	       PATTERN_BYTES / MiB, want);

	for (tick = 1; tick <= MAX_TICKS; tick++) {
		spin(TICK_LOOPS);
		sum = crc32(0, buf, PATTERN_BYTES);
		intact &= sum == want;
		printf("victim: tick %u checksum 0x%08" PRIx32 " %s\n", tick, sum,
		       sum == want ? "unchanged" : "CHANGED");
		hstate = hv_partition_state(hostile, &restarts);
		qstate = hv_partition_state(quitter, &unused);
		if (hstate == BH_STATE_HALTED && qstate == BH_STATE_OFF) {
			printf("victim: hostile halted after %" PRIu32 " restarts, memory %s\n",
			       restarts, intact ? "intact" : "CORRUPTED");
			return intact ? EXIT_SUCCESS : EXIT_FAILURE;
		}
	}
	printf("victim: FAILED: after %u ticks hostile is %s, quitter is %s\n",
	       MAX_TICKS, hv_state_name(hstate), hv_state_name(qstate));
	return EXIT_FAILURE;
}
