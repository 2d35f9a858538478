// SPDX-License-Identifier: MIT
/*
 * large-memory: one partition whose 1 GiB of RAM lies above 4 GiB
 * physical (phys-base 0x1_00000000 in qemu-virt-a15.dts and the other
 * boards' configs). The guest sees it where its config puts it (0x40000000,
 * or 0 on x86) like any other RAM; it writes every word between its heap and
 * its device tree with a value tied to the word's address, then reads it
 * all back, so a wrong or aliased stage-2 mapping shows as a mismatch.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "guest.h"

#define SEED	0xb16b00b5u

static inline uint32_t expected(const uint32_t *word)
{
	return (uint32_t)(uintptr_t)word ^ SEED;
}

static void fill(uint32_t *p, uint32_t *end)
{
	for (; p < end; p++)
		*p = expected(p);
}

/* The first word that does not hold its value, or NULL. */
static uint32_t *verify(uint32_t *p, uint32_t *end)
{
	for (; p < end; p++)
		if (*p != expected(p))
			return p;
	return NULL;
}

int main(void)
{
	uint32_t *start, *end, *bad;
	size_t size;

	printf("%s: RAM %llu MiB at 0x%08llx\n", guest.name,
	       (unsigned long long)(guest.ram_size / MiB),
	       (unsigned long long)guest.ram_base);
	start = ram_claim_rest(&size);
	/* The heap's end is 8-byte aligned; keep whole words only regardless. */
	end = (uint32_t *)(((uintptr_t)start + size) & ~(uintptr_t)3);
	printf("%s: testing 0x%08" PRIxPTR "..0x%08" PRIxPTR "\n", guest.name,
	       (uintptr_t)start, (uintptr_t)end);
	fill(start, end);
	bad = verify(start, end);
	if (bad) {
		printf("%s: mismatch at 0x%08" PRIxPTR ": 0x%08" PRIx32
		       ", expected 0x%08" PRIx32 "\n", guest.name,
		       (uintptr_t)bad, *bad, expected(bad));
		return EXIT_FAILURE;
	}
	printf("%s: wrote and verified %u MiB above 4 GiB physical\n", guest.name,
	       (unsigned int)(((uintptr_t)end - (uintptr_t)start) / MiB));
	return EXIT_SUCCESS;
}
