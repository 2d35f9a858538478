// SPDX-License-Identifier: MIT
/*
 * restart-state: checking the register groups of regs.c against the
 * state a partition boots with, and leaving their markers.
 */
#include <inttypes.h>
#include <stdio.h>

#include "guest.h"
#include "regs.h"
#include "restart_state.h"

static bool differs(const struct reg *r, uint64_t v)
{
	return (v ^ r->reset) & r->mask;
}

/* One KEPT line per register of @g not in its reset state; how many */
static unsigned int report_kept(const struct group *g, const char *who)
{
	unsigned int kept = 0;

	if (g->open)
		g->open();
	for (unsigned int i = 0; i < g->nregs; i++) {
		const struct reg *r = &g->regs[i];
		uint64_t v = r->read(r->arg);

		if (!differs(r, v))
			continue;
		/* newlib's printf has no 64-bit conversions */
		if (v >> 32)
			printf("restart-state: %s: %s KEPT 0x%" PRIx32 "%08" PRIx32 "\n",
			       who, r->name, (uint32_t)(v >> 32), (uint32_t)v);
		else
			printf("restart-state: %s: %s KEPT 0x%08" PRIx32 "\n",
			       who, r->name, (uint32_t)v);
		kept++;
	}
	return kept;
}

unsigned int check_reset_state(unsigned int boot, bool verbose)
{
	unsigned int groups_kept = 0;
	char who[32];

	snprintf(who, sizeof(who), "boot %u vCPU %u", boot, (unsigned int)(read_mpidr() & 0xff));
	for (unsigned int i = 0; i < nr_groups; i++) {
		if (report_kept(&groups[i], who))
			groups_kept++;
		else if (verbose)
			printf("restart-state: %s: %s reset ok\n", who, groups[i].name);
	}
	return groups_kept;
}

unsigned int register_groups(void)
{
	return nr_groups;
}

/*
 * A register that reads its reset value after its marker was written
 * ignores writes here: no marker can survive in it. Listed, so that a
 * check of it is known to prove nothing on this CPU.
 */
void write_markers(void)
{
	unsigned int marked = 0, ignored = 0;
	char list[256] = "";
	size_t len = 0;

	for (unsigned int i = 0; i < nr_groups; i++) {
		const struct group *g = &groups[i];

		if (g->open)
			g->open();
		for (unsigned int j = 0; j < g->nregs; j++)
			if (g->regs[j].write)
				g->regs[j].write(g->regs[j].arg, g->regs[j].marker);
	}
	for (unsigned int i = 0; i < nr_groups; i++) {
		const struct group *g = &groups[i];

		for (unsigned int j = 0; j < g->nregs; j++) {
			const struct reg *r = &g->regs[j];

			if (!r->write)
				continue;
			if (differs(r, r->read(r->arg))) {
				marked++;
			} else {
				ignored++;
				if (len < sizeof(list))
					len += snprintf(list + len, sizeof(list) - len, " %s", r->name);
			}
		}
	}
	printf("restart-state: boot 0 vCPU %u: markers in %u registers, %u ignore them:%s\n",
	       (unsigned int)(read_mpidr() & 0xff), marked, ignored, list);
}
