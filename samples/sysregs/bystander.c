// SPDX-License-Identifier: MIT
/*
 * sysregs, the bystander: its RAM is at the physical address the prober
 * puts watchpoints on. It keeps re-checking 1 MiB of patterned RAM and
 * printing while the probers run, and ends once both are off, proving it
 * kept running untouched. Bootargs "watch=<id>,<id>" name the probers.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "guest.h"
#include "hypercall.h"

#define PATTERN_BYTES	MiB
#define TICK_LOOPS	2000000u
#define MAX_TICKS	200u

static void spin(unsigned int loops)
{
	while (loops--)
		__asm__ volatile("" ::: "memory");
}

static bool both_off(uint32_t a, uint32_t b)
{
	uint32_t restarts;

	return hv_partition_state(a, &restarts) == BH_STATE_OFF &&
	       hv_partition_state(b, &restarts) == BH_STATE_OFF;
}

int main(void)
{
	const char *watch = bootarg("watch");
	uint32_t a, b, want, sum;
	bool intact = true;
	unsigned int tick;
	uint32_t *buf;
	char *end;

	if (!watch) {
		printf("bystander: bootargs \"%s\" lack watch=<id>,<id>\n", guest.bootargs);
		return EXIT_FAILURE;
	}
	a = strtoul(watch, &end, 0);
	b = strtoul(end + 1, NULL, 0);
	buf = malloc(PATTERN_BYTES);
	if (!buf)
		return EXIT_FAILURE;
	pattern_fill(buf, PATTERN_BYTES / sizeof(*buf), 0x5eed0002u);
	want = crc32(0, buf, PATTERN_BYTES);
	for (tick = 1; tick <= MAX_TICKS; tick++) {
		spin(TICK_LOOPS);
		sum = crc32(0, buf, PATTERN_BYTES);
		intact &= sum == want;
		printf("bystander: tick %u checksum %s\n", tick,
		       sum == want ? "unchanged" : "CHANGED");
		if (both_off(a, b)) {
			printf("bystander: both probers off after %u ticks, memory %s\n",
			       tick, intact ? "intact" : "CORRUPTED");
			return intact ? EXIT_SUCCESS : EXIT_FAILURE;
		}
	}
	printf("bystander: FAILED: the probers still run after %u ticks\n", MAX_TICKS);
	return EXIT_FAILURE;
}
