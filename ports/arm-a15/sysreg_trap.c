// SPDX-License-Identifier: MIT
/*
 * The debug registers, the PMU and the IMPLEMENTATION DEFINED CP15
 * c9-c11 encodings: who owns them, and the emulation of a guest's
 * trapped accesses (the answers are in sysreg_class.c).
 *
 * Traps, per CPU:
 * - HDCR.TDA, TDRA, TDOSA always: every CP14 debug register access.
 *   HDCR.TDE is left clear: no debug event can be enabled by a guest, so
 *   none reaches HYP, and a guest's own BKPT stays its own exception.
 * - pmu = "none": HDCR.TPM and TPMCR (every PMU register) and HSTR.T9.
 *   pmu = "owned": no PMU trap; HDCR.HPMN gives the guest every counter.
 *   HDCR.HPME stays clear: no counter is reserved for HYP.
 * - HCR.TIDCP (vcpu.c) traps the IMPLEMENTATION DEFINED c9-c11 encodings.
 *   HSTR.T11 traps all of c11 too (nothing architected lives there) and,
 *   without an owned PMU, HSTR.T9 all of c9, so that a CPU or emulator
 *   that does not honour TIDCP still traps them. HSTR.T15 traps c15.
 */
#include <bulkhead/partition.h>
#include <asm/arm.h>
#include <asm/dbg_pmu.h>
#include <asm/guest.h>
#include <asm/sysreg_trap.h>

#define PSR_NZCV	0xf0000000u
#define DBGDSCR_MDBGEN	(1u << 15)	/* monitor debug mode */

static uint32_t answer_value(const struct sysreg_answer *a)
{
	switch (a->how) {
	case SYSREG_CONST:
		return a->value;
	case SYSREG_DBGDIDR:
		return read_dbgdidr();
	default:
		return 0;
	}
}

/*
 * Complete an emulated MRC/MCR (or MRRC/MCRR when @is64, whose high word
 * always reads zero here). MRC to r15 sets the flags, as DBGDSCRint
 * polling does; MCR from r15 and MRRC/MCRR with r15 are UNPREDICTABLE.
 */
static bool complete(struct arm_regs *r, uint32_t hsr, const struct hsr_cp_access *c,
		     const struct sysreg_answer *a, bool is64)
{
	uint32_t value;

	if (a->how == SYSREG_FAULT || (c->rt == 15 && (is64 || !c->read)) ||
	    (is64 && c->rt2 == 15))
		return false;
	if (c->read) {
		value = answer_value(a);
		if (c->rt == 15)
			r->cpsr = (r->cpsr & ~PSR_NZCV) | (value & PSR_NZCV);
		else
			guest_reg_write(r, c->rt, value);
		if (is64)
			guest_reg_write(r, c->rt2, 0);
	}
	arm_skip_insn(r, hsr_insn_len(hsr));
	return true;
}

bool sysreg_emulate_cp14(struct arm_regs *r, uint32_t hsr)
{
	bool is64 = hsr_ec(hsr) == HSR_EC_CP14_64;
	struct hsr_cp_access c;
	struct sysreg_answer a;

	/* LDC/STC move DBGDTR data to or from memory: no debugger to talk to */
	if (hsr_ec(hsr) == HSR_EC_CP14_LS)
		return false;
	if (is64)
		hsr_decode_cp64(hsr, &c);
	else
		hsr_decode_cp32(hsr, &c);
	a = sysreg_cp14_answer(&c, is64);
	return complete(r, hsr, &c, &a, is64);
}

bool sysreg_emulate_cp15(struct arm_regs *r, const struct hsr_cp_access *c, uint32_t hsr)
{
	struct sysreg_answer a = sysreg_cp15_answer(c);

	if (c->rt == 15)
		return false;
	return complete(r, hsr, c, &a, false);
}

/* Disable breakpoint and watchpoint pair @i, if the CPU has it */
#define DISARM_PAIR(i, brps, wrps)						\
do {										\
	if ((i) < (brps))							\
		__asm__ volatile("mcr p14, 0, %0, c0, c" #i ", 5" :: "r"(0));	\
	if ((i) < (wrps))							\
		__asm__ volatile("mcr p14, 0, %0, c0, c" #i ", 7" :: "r"(0));	\
} while (0)

/* Whatever firmware left armed: DBGBCRn, DBGWCRn, DBGVCR, monitor mode */
static void debug_make_inert(void)
{
	uint32_t didr = read_dbgdidr();
	unsigned int brps = DBGDIDR_BRPS(didr), wrps = DBGDIDR_WRPS(didr);

	DISARM_PAIR(0, brps, wrps);
	DISARM_PAIR(1, brps, wrps);
	DISARM_PAIR(2, brps, wrps);
	DISARM_PAIR(3, brps, wrps);
	DISARM_PAIR(4, brps, wrps);
	DISARM_PAIR(5, brps, wrps);
	DISARM_PAIR(6, brps, wrps);
	DISARM_PAIR(7, brps, wrps);
	DISARM_PAIR(8, brps, wrps);
	DISARM_PAIR(9, brps, wrps);
	DISARM_PAIR(10, brps, wrps);
	DISARM_PAIR(11, brps, wrps);
	DISARM_PAIR(12, brps, wrps);
	DISARM_PAIR(13, brps, wrps);
	DISARM_PAIR(14, brps, wrps);
	DISARM_PAIR(15, brps, wrps);
	write_dbgvcr(0);
	write_dbgdscrext(read_dbgdscrext() & ~DBGDSCR_MDBGEN);
}

static void set_traps(bool pmu_owned)
{
	uint32_t hpmn = PMCR_N(read_pmcr());

	write_hdcr(HDCR_TRAP_DEBUG | hpmn | (pmu_owned ? 0 : HDCR_TPM | HDCR_TPMCR));
	write_hstr(HSTR_T11 | HSTR_T15 | (pmu_owned ? 0 : HSTR_T9));
}

void sysreg_cpu_init(void)
{
	set_traps(false);
	debug_make_inert();
	isb();
}

/* Counters stopped and zero, event types, filters and enables cleared */
static void pmu_reset(void)
{
	unsigned int i, n = PMCR_N(read_pmcr());

	write_pmcr(PMCR_P | PMCR_C);
	write_pmcntenclr(~0u);
	write_pmintenclr(~0u);
	write_pmovsr(~0u);
	for (i = 0; i < n; i++) {
		write_pmselr(i);
		isb();
		write_pmxevtyper(0);
		write_pmxevcntr(0);
	}
	write_pmselr(PMSELR_CCNT);
	isb();
	write_pmxevtyper(0);
	write_pmccntr(0);
	write_pmselr(0);
	write_pmuserenr(0);
}

void sysreg_vcpu_reset(const struct vcpu *v)
{
	set_traps(v->part->cfg->pmu == PMU_OWNED);
	pmu_reset();
}
