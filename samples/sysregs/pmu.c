// SPDX-License-Identifier: MIT
/*
 * sysregs, performance monitors and the implementation-defined c9.
 *
 * pmu = "none": the prober programs the cycle counter and sees no PMU
 * (PMCR reads zero, so N = 0; nothing counts, nothing sticks).
 *
 * pmu = "owned": boot 0 checks that the PMU counts, writes markers into
 * every counter, event type, PMCCFILTR, the enable, interrupt-enable and
 * overflow bits, PMSELR and PMUSERENR, and reboots its partition with
 * PSCI SYSTEM_RESET. Boot 1 must find all of it in the reset state.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "guest.h"
#include "hypercall.h"
#include "prober.h"

#define PMCR_E		(1u << 0)
#define PMCR_C		(1u << 2)
#define PMCR_D		(1u << 3)
#define PMCR_X		(1u << 4)
#define PMCR_CONTROL	0x3fu		/* E, P, C, D, X, DP */
#define PMCR_N(pmcr)	(((pmcr) >> 11) & 0x1fu)
#define CCNT		(1u << 31)	/* the cycle counter's enable/overflow bit */
#define PMSELR_CCNT	31
#define EVT_INSTR	0x08u		/* architectural event: instruction retired */
#define EVT_NSH		(1u << 27)	/* count in HYP too */
#define EVT_U		(1u << 30)	/* do not count at PL0 */
#define MARKER(i)	(0xa5a50000u + (i))

#define RD_PMCR()	SYSREG_RD("p15, 0, %0, c9, c12, 0")
#define WR_PMCR(v)	SYSREG_WR("p15, 0, %0, c9, c12, 0", v)
#define RD_CNTENSET()	SYSREG_RD("p15, 0, %0, c9, c12, 1")
#define WR_CNTENSET(v)	SYSREG_WR("p15, 0, %0, c9, c12, 1", v)
#define RD_OVSR()	SYSREG_RD("p15, 0, %0, c9, c12, 3")
#define RD_SELR()	SYSREG_RD("p15, 0, %0, c9, c12, 5")
#define WR_SELR(v)	SYSREG_WR("p15, 0, %0, c9, c12, 5", v)
#define RD_CCNTR()	SYSREG_RD("p15, 0, %0, c9, c13, 0")
#define WR_CCNTR(v)	SYSREG_WR("p15, 0, %0, c9, c13, 0", v)
#define RD_EVTYPER()	SYSREG_RD("p15, 0, %0, c9, c13, 1")
#define WR_EVTYPER(v)	SYSREG_WR("p15, 0, %0, c9, c13, 1", v)
#define RD_EVCNTR()	SYSREG_RD("p15, 0, %0, c9, c13, 2")
#define WR_EVCNTR(v)	SYSREG_WR("p15, 0, %0, c9, c13, 2", v)
#define RD_USERENR()	SYSREG_RD("p15, 0, %0, c9, c14, 0")
#define WR_USERENR(v)	SYSREG_WR("p15, 0, %0, c9, c14, 0", v)
#define RD_INTENSET()	SYSREG_RD("p15, 0, %0, c9, c14, 1")
#define WR_INTENSET(v)	SYSREG_WR("p15, 0, %0, c9, c14, 1", v)
#define WR_OVSSET(v)	SYSREG_WR("p15, 0, %0, c9, c14, 3", v)

static void spin(unsigned int loops)
{
	while (loops--)
		__asm__ volatile("" ::: "memory");
}

void test_pmu_none(void)
{
	uint32_t pmcr;

	WR_SELR(PMSELR_CCNT);
	WR_EVTYPER(EVT_NSH);
	WR_PMCR(PMCR_E | PMCR_C);
	WR_CNTENSET(CCNT);
	spin(10000);
	pmcr = RD_PMCR();
	printf("%s: pmu: PMCR 0x%08" PRIx32 " (N %" PRIu32 "), cycle counter %" PRIu32
	       " after counting, PMCNTENSET 0x%08" PRIx32 "\n", guest.name, pmcr,
	       PMCR_N(pmcr), RD_CCNTR(), RD_CNTENSET());
}

/* L2CTLR and L2ECTLR, Cortex-A15 IMPLEMENTATION DEFINED (c9, opc1 1) */
void test_impdef(void)
{
	SYSREG_WR("p15, 1, %0, c9, c0, 2", 0xffffffffu);
	SYSREG_WR("p15, 1, %0, c9, c0, 3", 0xffffffffu);
	printf("%s: impdef: L2CTLR 0x%08" PRIx32 " L2ECTLR 0x%08" PRIx32
	       " after writing all ones to both\n", guest.name,
	       SYSREG_RD("p15, 1, %0, c9, c0, 2"), SYSREG_RD("p15, 1, %0, c9, c0, 3"));
}

/* All counters: event counters 0..n-1 and the cycle counter */
static uint32_t all_counters(unsigned int n)
{
	return (n ? (1u << n) - 1 : 0) | CCNT;
}

/*
 * The cycle counter: QEMU counts the instruction event only under
 * -icount, so that is not what this checks.
 */
static bool pmu_counts(void)
{
	WR_SELR(PMSELR_CCNT);
	WR_EVTYPER(0);
	WR_CNTENSET(CCNT);
	WR_PMCR(PMCR_E | PMCR_C);
	spin(10000);
	WR_PMCR(0);
	return RD_CCNTR() != 0;
}

static void write_markers(unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		WR_SELR(i);
		WR_EVTYPER(EVT_NSH | EVT_INSTR);
		WR_EVCNTR(MARKER(i));
	}
	WR_SELR(PMSELR_CCNT);
	WR_EVTYPER(EVT_NSH | EVT_U);
	WR_CCNTR(MARKER(PMSELR_CCNT));
	WR_INTENSET(all_counters(n));
	WR_OVSSET(all_counters(n));
	WR_USERENR(1);
	WR_SELR(n - 1);
	WR_CNTENSET(all_counters(n));
	WR_PMCR(PMCR_E | PMCR_D | PMCR_X);
}

/* One line per register not in its reset state; how many there were */
static unsigned int report_leaks(unsigned int n)
{
	unsigned int i, leaks = 0;
	uint32_t v;

#define LEAK(cond, what, val)							\
	do {									\
		if (cond) {							\
			printf("%s: boot 1: PMU LEAKED: %s 0x%08" PRIx32 "\n",	\
			       guest.name, what, (uint32_t)(val));		\
			leaks++;						\
		}								\
	} while (0)
	v = RD_SELR();
	LEAK(v, "PMSELR", v);
	v = RD_PMCR();
	LEAK(v & PMCR_CONTROL, "PMCR", v);
	v = RD_CNTENSET();
	LEAK(v, "PMCNTENSET", v);
	v = RD_INTENSET();
	LEAK(v, "PMINTENSET", v);
	v = RD_OVSR();
	LEAK(v, "PMOVSR", v);
	v = RD_USERENR();
	LEAK(v, "PMUSERENR", v);
	v = RD_CCNTR();
	LEAK(v, "PMCCNTR", v);
	WR_SELR(PMSELR_CCNT);
	v = RD_EVTYPER();
	LEAK(v, "PMCCFILTR", v);
	for (i = 0; i < n; i++) {
		WR_SELR(i);
		v = RD_EVTYPER();
		LEAK(v, "an event type", v);
		v = RD_EVCNTR();
		LEAK(v, "an event counter", v);
	}
#undef LEAK
	return leaks;
}

void test_pmu_owned(void)
{
	unsigned int n = PMCR_N(RD_PMCR());

	if (guest.restarts) {
		if (!report_leaks(n))
			printf("%s: boot 1: PMU in its reset state: %u counters, event types, "
			       "PMCCFILTR, enables, overflow flags, PMSELR, PMUSERENR\n",
			       guest.name, n);
		return;
	}
	printf("%s: boot 0: PMCR.N %u, the cycle counter %s\n", guest.name, n,
	       pmu_counts() ? "counts" : "does NOT count");
	write_markers(n);
	WR_SELR(0);
	printf("%s: boot 0: markers in place: event counter 0 0x%08" PRIx32
	       ", PMCNTENSET 0x%08" PRIx32 ", PMUSERENR %" PRIu32 "\n", guest.name,
	       RD_EVCNTR() & 0xffff0000u, RD_CNTENSET(), RD_USERENR());
	WR_SELR(n - 1);
	printf("%s: calling PSCI SYSTEM_RESET\n", guest.name);
	printf("%s: SYSTEM_RESET returned %" PRId32 "\n", guest.name, psci_system_reset());
	exit(EXIT_FAILURE);
}
