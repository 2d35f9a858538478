// SPDX-License-Identifier: MIT
/* What the runtime does differently on the two cores: idling (arch/guest.h). */
#include <stdint.h>

#include "guest.h"

#define PVR_VERSION(pvr)	((pvr) >> 16)
#define PVR_E500V1		0x8020
#define PVR_E500V2		0x8021

enum idle_kind { IDLE_UNKNOWN, IDLE_WAIT, IDLE_MSR_WE };

static enum idle_kind idle_kind(void)
{
	/* Every vCPU finds the same; a race only reads PVR twice. */
	static enum idle_kind kind;
	uint32_t version;

	if (kind == IDLE_UNKNOWN) {
		version = PVR_VERSION(mfspr(SPR_PVR));
		kind = version == PVR_E500V1 || version == PVR_E500V2 ?
			IDLE_MSR_WE : IDLE_WAIT;
	}
	return kind;
}

void cpu_wait(void)
{
	uint32_t msr;

	if (idle_kind() == IDLE_WAIT) {
		__asm__ volatile("wait" ::: "memory");
		return;
	}
	__asm__ volatile("mfmsr %0" : "=r"(msr));
	__asm__ volatile("mtmsr %0\n\tisync" : : "r"(msr | MSR_WE) : "memory");
	__asm__ volatile("mtmsr %0\n\tisync" : : "r"(msr) : "memory");
}
