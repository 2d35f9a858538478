// SPDX-License-Identifier: MIT
/*
 * sysregs, debug registers: the prober arms breakpoints and watchpoints
 * on the hypervisor's and the bystander's addresses, for every mode the
 * debug architecture lets it name (HMC: HYP too), enables monitor debug
 * and makes hypercalls. Then it arms a breakpoint on its own code and a
 * watchpoint on its own data and uses both. With the registers trapped
 * nothing sticks and nothing fires; untrapped, its own breakpoint would
 * fire at its (absent) vector and the hypervisor report a fault.
 */
#include <inttypes.h>
#include <stdio.h>

#include "guest.h"
#include "hypercall.h"
#include "prober.h"

/* DBGBCR: enabled, PL0 and PL1, all four bytes, HYP too, Non-secure only */
#define BCR_ALL_MODES	(1u | 3u << 1 | 0xfu << 5 | 1u << 13 | 1u << 14)
/* DBGWCR: the same, for loads and stores */
#define WCR_ALL_MODES	(1u | 3u << 1 | 3u << 3 | 0xfu << 5 | 1u << 13 | 1u << 14)
#define DSCR_MDBGEN	(1u << 15)

static volatile uint32_t watched;

static __attribute__((noinline)) uint32_t breakpointed(uint32_t x)
{
	__asm__ volatile("" ::: "memory");
	return x * 3 + 1;
}

static void arm_foreign(void)
{
	SYSREG_WR("p14, 0, %0, c1, c0, 4", 0);			/* DBGOSLAR: unlock */
	SYSREG_WR("p14, 0, %0, c0, c1, 4", CONFIG_HV_LOAD_ADDR); /* DBGBVR1 */
	SYSREG_WR("p14, 0, %0, c0, c1, 5", BCR_ALL_MODES);	/* DBGBCR1 */
	SYSREG_WR("p14, 0, %0, c0, c0, 6", BYSTANDER_RAM_PHYS); /* DBGWVR0 */
	SYSREG_WR("p14, 0, %0, c0, c0, 7", WCR_ALL_MODES);	/* DBGWCR0 */
	SYSREG_WR("p14, 0, %0, c0, c2, 2", DSCR_MDBGEN);	/* DBGDSCRext */
}

static void arm_own(void)
{
	SYSREG_WR("p14, 0, %0, c0, c0, 4", (uintptr_t)breakpointed); /* DBGBVR0 */
	SYSREG_WR("p14, 0, %0, c0, c0, 5", BCR_ALL_MODES);	/* DBGBCR0 */
	SYSREG_WR("p14, 0, %0, c0, c1, 6", (uintptr_t)&watched); /* DBGWVR1 */
	SYSREG_WR("p14, 0, %0, c0, c1, 7", WCR_ALL_MODES);	/* DBGWCR1 */
}

void test_debug(void)
{
	uint32_t didr = SYSREG_RD("p14, 0, %0, c0, c0, 0");
	uint32_t i, sum = 0;

	printf("%s: debug: DBGDIDR 0x%08" PRIx32 ", arming breakpoints on the hypervisor "
	       "at 0x%08x and watchpoints on the bystander at 0x%08x\n",
	       guest.name, didr, CONFIG_HV_LOAD_ADDR, BYSTANDER_RAM_PHYS);
	arm_foreign();
	/* The hypervisor runs for each of these: a debug event there is a panic */
	for (i = 0; i < 4; i++)
		sum += hv_version();
	printf("%s: debug: after arming: DBGDSCR 0x%08" PRIx32 " DBGBCR1 0x%08" PRIx32
	       " DBGBVR1 0x%08" PRIx32 " DBGWCR0 0x%08" PRIx32 " DBGWVR0 0x%08" PRIx32 "\n",
	       guest.name, SYSREG_RD("p14, 0, %0, c0, c2, 2"),
	       SYSREG_RD("p14, 0, %0, c0, c1, 5"), SYSREG_RD("p14, 0, %0, c0, c1, 4"),
	       SYSREG_RD("p14, 0, %0, c0, c0, 7"), SYSREG_RD("p14, 0, %0, c0, c0, 6"));
	arm_own();
	sum += breakpointed(sum);
	watched = sum;
	sum += watched;
	printf("%s: debug: breakpoint on its own code and watchpoint on its own data "
	       "did not fire (DBGBCR0 0x%08" PRIx32 " DBGWCR1 0x%08" PRIx32 ")\n",
	       guest.name, SYSREG_RD("p14, 0, %0, c0, c0, 5"),
	       SYSREG_RD("p14, 0, %0, c0, c1, 7"));
}
