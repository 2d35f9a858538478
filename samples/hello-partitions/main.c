// SPDX-License-Identifier: MIT
/*
 * hello-partitions: one image, booted in two partitions. Each copy learns
 * its name from its device tree, proves its image was loaded exactly (a
 * CRC-32 the test recomputes from hello.bin) and that its RAM works, then
 * shuts its partition down.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest.h"
#include "hypercall.h"

#define PATTERN_BYTES	MiB

static void print_image_crc(void)
{
	size_t len = __rodata_end - __image_start;

	/* Debian's newlib printf has no C99 %zu. */
	printf("%s: image crc32 0x%08" PRIx32 " over %u bytes\n", guest.name,
	       crc32(0, __image_start, len), (unsigned int)len);
}

/* The pattern depends on the name, so two partitions never write the same. */
static int print_ram_check(void)
{
	uint32_t *buf = malloc(PATTERN_BYTES);

	if (!buf) {
		printf("%s: no %u bytes of free RAM\n", guest.name, PATTERN_BYTES);
		return -1;
	}
	pattern_fill(buf, PATTERN_BYTES / sizeof(*buf),
		     crc32(0, guest.name, strlen(guest.name)));
	printf("%s: RAM %llu MiB at 0x%08llx, pattern checksum 0x%08" PRIx32 "\n",
	       guest.name, (unsigned long long)(guest.ram_size / MiB),
	       (unsigned long long)guest.ram_base, crc32(0, buf, PATTERN_BYTES));
	free(buf);
	return 0;
}

int main(void)
{
	uint32_t version = hv_version();

	printf("hello from %s, partition %" PRIu32 ", vCPU %" PRIu32
	       " on physical CPU %" PRIu32 "\n",
	       guest.name, guest.id, guest.vcpu, guest.host_cpu);
	printf("%s: bulkhead ABI %" PRIu32 ".%" PRIu32 "\n", guest.name,
	       version >> 16, version & 0xffff);
	print_image_crc();
	if (print_ram_check())
		return EXIT_FAILURE;
	printf("%s: done\n", guest.name);
	return EXIT_SUCCESS;
}
