/* SPDX-License-Identifier: MIT */
/*
 * doorbell-flood: what "flooder" tells "target" through the start of the
 * region they share (zeroed by the hypervisor at boot). flooder writes
 * rings first and done last, after a DMB; target reads them the other way
 * round.
 */
#ifndef SAMPLES_DOORBELL_FLOOD_H
#define SAMPLES_DOORBELL_FLOOD_H

#include <stdint.h>

#define FLOOD_DONE	0x444f4e45u	/* "DONE" */

struct flood_report {
	uint32_t rings;		/* doorbell rings the flood made */
	uint32_t done;		/* FLOOD_DONE once rings is final */
};

static inline void dmb(void)
{
	__asm__ volatile("dmb" ::: "memory");
}

#endif
