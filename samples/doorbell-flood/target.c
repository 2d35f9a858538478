// SPDX-License-Identifier: MIT
/*
 * doorbell-flood, the "target" partition: takes the doorbell interrupts
 * of "flooder"'s flood while it keeps doing useful work, a CRC-32 over a
 * buffer whose result it knows, round after round. When flooder reports
 * the flood over, target prints how many interrupts it took for how many
 * rings (fewer: rings that come while one is pending coalesce), and how
 * fast its work went during the flood and in a quiet stretch after it.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "doorbell.h"
#include "flood.h"
#include "guest.h"
#include "irq.h"

#define PRIO_DOORBELL	0x80
#define WORK_BYTES	4096u
#define QUIET_MS	500u
/* Far longer than the flood lasts, yet a hang ends */
#define MAX_FLOOD_S	60u

static uint32_t interrupts;	/* written by the handler only */
static uint32_t work_buf[WORK_BYTES / sizeof(uint32_t)];

static void on_doorbell(unsigned int irq, unsigned int source)
{
	(void)irq;
	(void)source;
	interrupts++;
}

struct work {
	const void *buf;
	uint32_t crc;		/* the right result */
	uint32_t rounds, wrong;
};

static void work_round(struct work *w)
{
	if (crc32(0, w->buf, WORK_BYTES) != w->crc)
		w->wrong++;
	w->rounds++;
}

static uint32_t ms_since(uint64_t start)
{
	return (timer_count() - start) * 1000 / timer_freq();
}

/* Work until flooder says done; false if it does not within MAX_FLOOD_S. */
static bool work_during_flood(struct work *w, const struct flood_report *report)
{
	uint64_t deadline = timer_count() + (uint64_t)timer_freq() * MAX_FLOOD_S;

	while (__atomic_load_n(&report->done, __ATOMIC_RELAXED) != FLOOD_DONE)
		if (timer_count() < deadline)
			work_round(w);
		else
			return false;
	/* done first, then the count it vouches for */
	dmb();
	return true;
}

static void work_for(struct work *w, uint32_t ms)
{
	uint64_t end = timer_count() + (uint64_t)timer_freq() * ms / 1000;

	while (timer_count() < end)
		work_round(w);
}

static void report_work(const char *when, const struct work *w, uint32_t ms)
{
	printf("target: %" PRIu32 " rounds of work in %" PRIu32 " ms %s, %" PRIu32
	       " per second\n", w->rounds, ms, when, ms ? w->rounds * 1000 / ms : 0);
}

static int take_flood(const struct doorbell *db)
{
	const struct flood_report *report = db->base;
	struct work flood = { .buf = work_buf }, quiet;
	uint32_t taken, flood_ms;
	uint64_t start;

	pattern_fill(work_buf, WORK_BYTES / sizeof(uint32_t), WORK_BYTES);
	flood.crc = crc32(0, work_buf, WORK_BYTES);
	quiet = flood;
	start = timer_count();
	if (!work_during_flood(&flood, report)) {
		printf("target: the flood did NOT end within %u s\n", MAX_FLOOD_S);
		return -1;
	}
	taken = __atomic_load_n(&interrupts, __ATOMIC_RELAXED);
	flood_ms = ms_since(start);
	start = timer_count();
	work_for(&quiet, QUIET_MS);
	printf("target: %" PRIu32 " doorbell interrupts for %" PRIu32 " rings\n",
	       taken, report->rings);
	report_work("during the flood", &flood, flood_ms);
	report_work("after it", &quiet, ms_since(start));
	if (!taken || taken >= report->rings) {
		printf("target: interrupts did NOT coalesce\n");
		return -1;
	}
	if (!flood.rounds || flood.wrong || quiet.wrong) {
		printf("target: work did NOT go on: %" PRIu32 " wrong results\n",
		       flood.wrong + quiet.wrong);
		return -1;
	}
	printf("target: rings coalesced, work went on\n");
	return 0;
}

int main(void)
{
	struct doorbell db;

	if (doorbell_find(&db, sizeof(struct flood_report)))
		return EXIT_FAILURE;
	if (irq_init()) {
		printf("target: no GIC in the device tree\n");
		return EXIT_FAILURE;
	}
	irq_set_handler(db.irq, on_doorbell);
	irq_enable(db.irq, PRIO_DOORBELL);
	irq_unmask();
	printf("target: doorbell interrupt %u of shared memory at 0x%08" PRIxPTR "\n",
	       db.irq, (uintptr_t)db.base);
	return take_flood(&db) ? EXIT_FAILURE : EXIT_SUCCESS;
}
