// SPDX-License-Identifier: MIT
/* What the runtime does differently on the two cores: idling (arch/guest.h). */
#include <stdbool.h>
#include <stdint.h>

#include "guest.h"

#define PVR_VERSION(pvr)	((pvr) >> 16)
#define PVR_E500V1		0x8020
#define PVR_E500V2		0x8021
#define SPR_HID0		1008
#define HID0_DOZE		0x00800000u

static bool has_no_wait(void)
{
	uint32_t version = PVR_VERSION(mfspr(SPR_PVR));

	return version == PVR_E500V1 || version == PVR_E500V2;
}

/*
 * On e500v1/v2, MSR[WE] halts the core only in the power-saving mode
 * HID0 selects (E500CORERM 6.3): doze, as Linux's e500_idle does, for
 * cpu_wait() here and irq_wait() (irq_vectors.S). HID0 is per vCPU.
 * Without it the vCPU polls, which QEMU, running its CPUs in turn on
 * one thread, makes very slow for the vCPU it waits for
 * (docs/porting.md).
 */
void cpu_init(void)
{
	if (has_no_wait())
		mtspr(SPR_HID0, mfspr(SPR_HID0) | HID0_DOZE);
}

enum idle_kind { IDLE_UNKNOWN, IDLE_WAIT, IDLE_MSR_WE };

static enum idle_kind idle_kind(void)
{
	/* Every vCPU finds the same; a race only reads PVR twice. */
	static enum idle_kind kind;

	if (kind == IDLE_UNKNOWN)
		kind = has_no_wait() ? IDLE_MSR_WE : IDLE_WAIT;
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
