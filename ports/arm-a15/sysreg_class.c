// SPDX-License-Identifier: MIT
/*
 * What a guest sees of the registers the hypervisor keeps to itself: a
 * pure table from a trapped access's encoding to its emulation, shared
 * by the trap path (sysreg_trap.c) and the unit tests.
 *
 * Debug: the guest sees a debug unit whose invasive and non-invasive
 * debug are disabled by authentication. It can read what the unit is,
 * but no breakpoint, watchpoint, vector catch or monitor mode sticks:
 * every debug register other than the identification and status ones
 * below reads zero and ignores writes.
 *
 * PMU (trapped only for pmu = "none"): no counters at all, PMCR.N = 0.
 *
 * The IMPLEMENTATION DEFINED CP15 encodings that HCR.TIDCP traps (cache
 * and TCM lockdown, DMA, and on the Cortex-A15 L2CTLR and L2ECTLR) read
 * zero and ignore writes: guests read L2CTLR, none may write them.
 */
#include <asm/sysreg_trap.h>

/* DBGOSLSR: the OS lock is implemented (OSLM 0b10) and not locked */
#define DBGOSLSR_UNLOCKED	0x8u
/* DBGPRSR: the core is powered up, nothing else to report */
#define DBGPRSR_POWERED_UP	0x1u
/* DBGAUTHSTATUS: every kind of debug implemented, none enabled */
#define DBGAUTHSTATUS_DISABLED	0xaau

#define ENC(crn, crm, opc2)	(((crn) << 8) | ((crm) << 4) | (opc2))

static const struct {
	uint16_t enc;
	struct sysreg_answer answer;
} debug_ids[] = {
	{ ENC(0, 0, 0), { SYSREG_DBGDIDR, 0 } },
	{ ENC(1, 1, 4), { SYSREG_CONST, DBGOSLSR_UNLOCKED } },
	{ ENC(1, 5, 4), { SYSREG_CONST, DBGPRSR_POWERED_UP } },
	{ ENC(7, 14, 6), { SYSREG_CONST, DBGAUTHSTATUS_DISABLED } },
};

static const struct sysreg_answer fault = { SYSREG_FAULT, 0 };
static const struct sysreg_answer raz_wi = { SYSREG_RAZ_WI, 0 };

/*
 * opc1 0 is the debug architecture's; the others (trace, ThumbEE,
 * Jazelle) are not trapped by HDCR and have no emulation here.
 */
struct sysreg_answer sysreg_cp14_answer(const struct hsr_cp_access *c, bool is64)
{
	unsigned int i;

	if (c->opc1 != 0)
		return fault;
	/* MRRC: DBGDRAR and DBGDSAR, zero meaning "no valid address" */
	if (is64)
		return raz_wi;
	for (i = 0; i < sizeof(debug_ids) / sizeof(debug_ids[0]); i++)
		if (debug_ids[i].enc == ENC(c->crn, c->crm, c->opc2))
			return debug_ids[i].answer;
	return raz_wi;
}

/* The encodings HCR.TIDCP traps (ARM ARM, HCR.TIDCP): any opc1 and opc2 */
static bool impdef_tidcp(const struct hsr_cp_access *c)
{
	switch (c->crn) {
	case 9:
		return c->crm <= 2 || (c->crm >= 5 && c->crm <= 8);
	case 10:
		return c->crm == 0 || c->crm == 1 || c->crm == 4 || c->crm == 8;
	case 11:
		return c->crm <= 8 || c->crm == 15;
	default:
		return false;
	}
}

static bool pmu_register(const struct hsr_cp_access *c)
{
	return c->crn == 9 && c->opc1 == 0 && c->crm >= 12 && c->crm <= 14;
}

struct sysreg_answer sysreg_cp15_answer(const struct hsr_cp_access *c)
{
	if (pmu_register(c) || impdef_tidcp(c))
		return raz_wi;
	return fault;
}
