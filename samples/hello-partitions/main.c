// SPDX-License-Identifier: MIT
/*
 * hello-partitions: one image, booted in two partitions. Each copy learns
 * its name from its device tree, proves its image was loaded exactly (a
 * CRC-32 the test recomputes from hello.bin) and that its RAM works, then
 * shuts its partition down. On the way the two meet in shared memory: the
 * partition with bootargs "mailbox=send" leaves a greeting there and the
 * one with "mailbox=receive" waits for it and checks it arrived intact.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libfdt.h>

#include "guest.h"
#include "hypercall.h"
#include "irq.h"

#define PATTERN_BYTES	MiB

#define MAILBOX_FULL	0x4d41494cu	/* "MAIL" */
#define MAILBOX_WAIT_S	10u

/*
 * At the start of the shared region, which the hypervisor zeroed. The
 * sender writes the text and its CRC-32 first and sets full last.
 */
struct mailbox {
	uint32_t full;		/* MAILBOX_FULL once the rest is written */
	uint32_t len;
	uint32_t crc;		/* CRC-32 of text[0..len) */
	char text[64];
};

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

/* The first "bulkhead,shared-memory" region of our device tree, if large enough. */
static struct mailbox *find_mailbox(void)
{
	int node = fdt_node_offset_by_compatible(guest.fdt, -1, "bulkhead,shared-memory");
	uint64_t base, size;

	if (node < 0 || dt_reg(guest.fdt, node, &base, &size) ||
	    size < sizeof(struct mailbox) || !arch_map_memory(base, size)) {
		printf("%s: no bulkhead,shared-memory region in the device tree\n",
		       guest.name);
		return NULL;
	}
	return (struct mailbox *)(uintptr_t)base;
}

static int send_greeting(struct mailbox *box)
{
	int len = snprintf(box->text, sizeof(box->text), "greetings from %s", guest.name);

	box->len = len;
	box->crc = crc32(0, box->text, len);
	/* Sequentially consistent: the receiver sees the text once it sees full. */
	__atomic_store_n(&box->full, MAILBOX_FULL, __ATOMIC_SEQ_CST);
	printf("%s: wrote to shared memory\n", guest.name);
	return 0;
}

/* The CPU's counter (irq.h: the timer's count, no interrupt) bounds the wait. */
static int receive_greeting(const struct mailbox *box)
{
	uint64_t end = timer_count() + (uint64_t)timer_freq() * MAILBOX_WAIT_S;

	while (__atomic_load_n(&box->full, __ATOMIC_SEQ_CST) != MAILBOX_FULL)
		if (timer_count() > end) {
			printf("%s: shared memory still empty after %u s\n", guest.name,
			       MAILBOX_WAIT_S);
			return -1;
		}
	if (box->len >= sizeof(box->text) || crc32(0, box->text, box->len) != box->crc) {
		printf("%s: shared memory message corrupt (length %" PRIu32 ", crc32 0x%08"
		       PRIx32 ")\n", guest.name, box->len, box->crc);
		return -1;
	}
	printf("%s: read from shared memory: %.*s\n", guest.name, (int)box->len, box->text);
	return 0;
}

/* The bootargs say which side of the mailbox this partition is. */
static int use_mailbox(void)
{
	struct mailbox *box;

	if (!bootarg_is("mailbox", "send") && !bootarg_is("mailbox", "receive"))
		return 0;
	box = find_mailbox();
	if (!box)
		return -1;
	return bootarg_is("mailbox", "send") ? send_greeting(box) : receive_greeting(box);
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
	if (print_ram_check() || use_mailbox())
		return EXIT_FAILURE;
	printf("%s: done\n", guest.name);
	return EXIT_SUCCESS;
}
