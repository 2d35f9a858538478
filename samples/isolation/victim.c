// SPDX-License-Identifier: MIT
/*
 * isolation, the victim: owns the PL031 RTC (a passthrough device) and
 * 4 MiB of patterned RAM at a physical address the hostile partition knows.
 * It keeps re-checking that RAM while the hostile partition attacks and is
 * restarted, and ends once the hostile partition is halted for good and the
 * quitter has switched itself off, proving both stopped without touching
 * it. Bootargs "hostile=<id> quitter=<id>" name the partitions to watch.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include <libfdt.h>

#include "guest.h"
#include "hypercall.h"

#define PATTERN_BYTES	(4 * MiB)
/* A tick is this many empty loops plus one CRC over the pattern. */
#define TICK_LOOPS	5000000u
/* Far more ticks than the hostile partition's nine boots need. */
#define MAX_TICKS	200u

#define PL031_DR	0x000		/* seconds counter */
#define PL031_PERIPHID0	0xfe0		/* PeriphID0..3, one byte per word */
/* PeriphID bits 19:0: part 0x031, designer 0x41 (ARM); 23:20 are the revision. */
#define PL031_ID_MASK	0x000fffffu
#define PL031_ID	0x00041031u

/* The RTC is in our device tree only because the config passes it through. */
static void check_rtc(void)
{
	uint64_t base, size;
	uint32_t id = 0;
	unsigned int i;
	int node = fdt_node_offset_by_compatible(guest.fdt, -1, "arm,pl031");

	if (node < 0 || dt_reg(guest.fdt, node, &base, &size)) {
		printf("victim: rtc passthrough FAILED, no arm,pl031 node\n");
		return;
	}
	for (i = 0; i < 4; i++)
		id |= (mmio_read32(base + PL031_PERIPHID0 + 4 * i) & 0xff) << (8 * i);
	if ((id & PL031_ID_MASK) == PL031_ID)
		printf("victim: rtc passthrough ok, id 0x%08" PRIx32 ", time %" PRIu32 "\n",
		       id, mmio_read32(base + PL031_DR));
	else
		printf("victim: rtc passthrough FAILED, id 0x%08" PRIx32 "\n", id);
}

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
	check_rtc();
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
