// SPDX-License-Identifier: MIT
/*
 * restart-state, the registers: every register a guest can write at PL1
 * or PL0 on the Cortex-A15, in groups, each with the marker boot 0 leaves
 * in it and the value every boot must find (docs/config.md, "What a
 * partition boots with"): the Cortex-A15's reset value where the
 * architecture defines one, else zero.
 *
 * Also here although the hypervisor traps them, so that a trap lost
 * would show: the PMU (this partition owns it, pmu = "owned") and the
 * debug registers (emulated as disabled: they never hold a marker).
 */
#include <stdint.h>

#include "guest.h"
#include "regs.h"
#include "restart_state.h"

#define ALL		(~0ull)
#define ROW(name, acc, marker, reset, mask)	\
	{ name, rd_##acc, wr_##acc, 0, marker, reset, mask }

/* One MRC/MCR (MRRC/MCRR) with a fixed encoding, "p15, 0, %0, c13, c0, 2" */
#define COPROC32(acc, spec)							\
static uint64_t rd_##acc(unsigned int arg)					\
{										\
	uint32_t v;								\
	(void)arg;								\
	__asm__ volatile("mrc " spec : "=r"(v) :: "memory");			\
	return v;								\
}										\
static void wr_##acc(unsigned int arg, uint64_t v)				\
{										\
	(void)arg;								\
	__asm__ volatile("mcr " spec "\n\tisb" :: "r"((uint32_t)v) : "memory");	\
}
#define COPROC64(acc, opc1, crm)						\
static uint64_t rd_##acc(unsigned int arg)					\
{										\
	uint32_t lo, hi;							\
	(void)arg;								\
	__asm__ volatile("mrrc p15, " #opc1 ", %0, %1, " #crm			\
			 : "=r"(lo), "=r"(hi) :: "memory");			\
	return (uint64_t)hi << 32 | lo;						\
}										\
static void wr_##acc(unsigned int arg, uint64_t v)				\
{										\
	(void)arg;								\
	__asm__ volatile("mcrr p15, " #opc1 ", %0, %1, " #crm "\n\tisb"		\
			 :: "r"((uint32_t)v), "r"((uint32_t)(v >> 32)) : "memory"); \
}
/* A banked register of another mode (MRS/MSR banked, PL1) */
#define BANKED(acc, reg)							\
static uint64_t rd_##acc(unsigned int arg)					\
{										\
	uint32_t v;								\
	(void)arg;								\
	__asm__ volatile("mrs %0, " #reg : "=r"(v) :: "memory");		\
	return v;								\
}										\
static void wr_##acc(unsigned int arg, uint64_t v)				\
{										\
	(void)arg;								\
	__asm__ volatile("msr " #reg ", %0" :: "r"((uint32_t)v) : "memory");	\
}

/* ---- the core registers as entered ------------------------------------ */

/* The calling vCPU's, as entry.S saved them */
static uint64_t rd_entered(unsigned int word)
{
	return entered_regs[read_mpidr() & 0xff][word];
}

#define ENTERED(name, word, reset)	{ name, rd_entered, NULL, word, 0, reset, ALL }
#define CPSR_BOOT	0x1d3u	/* SVC, A, I and F masked, ARM, little-endian, flags clear */

/* r0 is the context id (0 for both vCPUs here), r2 the device tree (the runtime found it) */
static const struct reg core_regs[] = {
	ENTERED("r0", 0, 0), ENTERED("r1", 1, 0xffffffffu),
	ENTERED("r3", 3, 0), ENTERED("r4", 4, 0), ENTERED("r5", 5, 0),
	ENTERED("r6", 6, 0), ENTERED("r7", 7, 0), ENTERED("r8", 8, 0),
	ENTERED("r9", 9, 0), ENTERED("r10", 10, 0), ENTERED("r11", 11, 0),
	ENTERED("r12", 12, 0), ENTERED("SP_svc", ENTERED_SP, 0),
	ENTERED("LR_svc", ENTERED_LR, 0),
};
static const struct reg cpsr_regs[] = {
	ENTERED("CPSR", ENTERED_CPSR, CPSR_BOOT),
};

/* ---- CP15 and ThumbEE ------------------------------------------------- */

COPROC32(sctlr, "p15, 0, %0, c1, c0, 0")
COPROC32(cpacr, "p15, 0, %0, c1, c0, 2")
COPROC64(ttbr0, 0, c2)
COPROC64(ttbr1, 1, c2)
COPROC32(ttbcr, "p15, 0, %0, c2, c0, 2")
COPROC32(dacr, "p15, 0, %0, c3, c0, 0")
COPROC32(dfsr, "p15, 0, %0, c5, c0, 0")
COPROC32(ifsr, "p15, 0, %0, c5, c0, 1")
COPROC32(adfsr, "p15, 0, %0, c5, c1, 0")
COPROC32(aifsr, "p15, 0, %0, c5, c1, 1")
COPROC32(dfar, "p15, 0, %0, c6, c0, 0")
COPROC32(ifar, "p15, 0, %0, c6, c0, 2")
COPROC64(par, 0, c7)
COPROC32(prrr, "p15, 0, %0, c10, c2, 0")
COPROC32(nmrr, "p15, 0, %0, c10, c2, 1")
COPROC32(amair0, "p15, 0, %0, c10, c3, 0")
COPROC32(amair1, "p15, 0, %0, c10, c3, 1")
COPROC32(vbar, "p15, 0, %0, c12, c0, 0")
COPROC32(fcseidr, "p15, 0, %0, c13, c0, 0")
COPROC32(contextidr, "p15, 0, %0, c13, c0, 1")
COPROC32(tpidrurw, "p15, 0, %0, c13, c0, 2")
COPROC32(tpidruro, "p15, 0, %0, c13, c0, 3")
COPROC32(tpidrprw, "p15, 0, %0, c13, c0, 4")
COPROC32(csselr, "p15, 2, %0, c0, c0, 0")
COPROC32(cntkctl, "p15, 0, %0, c14, c1, 0")
COPROC32(cntv_ctl, "p15, 0, %0, c14, c3, 1")
COPROC64(cntv_cval, 3, c14)
COPROC32(teecr, "p14, 6, %0, c0, c0, 0")
COPROC32(teehbr, "p14, 6, %0, c1, c0, 0")

#define SCTLR_BOOT	0x00c50078u
#define SCTLR_A		(1u << 1)	/* set by the runtime's start.S */
/* C, I, V (high vectors), EE, TRE, AFE, TE: harmless with the MMU off */
#define SCTLR_MARKER	(SCTLR_BOOT | SCTLR_A | 1u << 2 | 1u << 12 | 1u << 13 | 1u << 25 | \
			 1u << 28 | 1u << 29 | 1u << 30)
#define CPACR_VFP	(0xfu << 20)	/* CP10 and CP11: full access */
#define CNTV_ENABLE	1u
#define CNTV_IMASK	2u		/* not ISTATUS: it follows the count */

static const struct reg sctlr_regs[] = {
	ROW("SCTLR", sctlr, SCTLR_MARKER, SCTLR_BOOT, ~(uint64_t)SCTLR_A),
};
static const struct reg cpacr_regs[] = {
	ROW("CPACR", cpacr, CPACR_VFP, 0, ALL),
};
/* TTBCR.EAE set: the long-descriptor format, MAIR0/MAIR1 at c10 c2 */
static const struct reg translation_regs[] = {
	ROW("TTBR0", ttbr0, 0x00a50000ba5e0000ull, 0, ALL),
	ROW("TTBR1", ttbr1, 0x005a0000bb5e0000ull, 0, ALL),
	ROW("TTBCR", ttbcr, 0x80030502u, 0, ALL),
	ROW("DACR", dacr, 0x55555555u, 0, ALL),
};
static const struct reg fault_regs[] = {
	ROW("DFSR", dfsr, 0x00001c55u, 0, ALL),
	ROW("IFSR", ifsr, 0x00001405u, 0, ALL),
	ROW("ADFSR", adfsr, 0xadf5adf5u, 0, ALL),
	ROW("AIFSR", aifsr, 0xa1f5a1f5u, 0, ALL),
	ROW("DFAR", dfar, 0xdfa0dfa0u, 0, ALL),
	ROW("IFAR", ifar, 0x1fa01fa0u, 0, ALL),
};
static const struct reg par_regs[] = {
	ROW("PAR", par, 0x5a0000004ab00800ull, 0, ALL),
};
static const struct reg attr_regs[] = {
	ROW("PRRR/MAIR0", prrr, 0xff0a81a8u, 0, ALL),
	ROW("NMRR/MAIR1", nmrr, 0x40e040e0u, 0, ALL),
	ROW("AMAIR0", amair0, 0x0a0a0a0au, 0, ALL),
	ROW("AMAIR1", amair1, 0x0b0b0b0bu, 0, ALL),
};
static const struct reg vbar_regs[] = {
	ROW("VBAR", vbar, 0x4abc0000u, 0, ALL),
};
/* FCSE: only addresses below 32 MiB move, none this guest uses */
static const struct reg context_regs[] = {
	ROW("FCSEIDR", fcseidr, 0x5e000000u, 0, ALL),
	ROW("CONTEXTIDR", contextidr, 0xc0de01a5u, 0, ALL),
};
static const struct reg thread_regs[] = {
	ROW("TPIDRURW", tpidrurw, 0x7e1d0001u, 0, ALL),
	ROW("TPIDRURO", tpidruro, 0x7e1d0002u, 0, ALL),
	ROW("TPIDRPRW", tpidrprw, 0x7e1d0003u, 0, ALL),
};
static const struct reg csselr_regs[] = {
	ROW("CSSELR", csselr, 2, 0, ALL),	/* the L2 cache */
};
/* The virtual timer armed, far in the future */
static const struct reg timer_regs[] = {
	ROW("CNTKCTL", cntkctl, 0x303u, 0, ALL),
	ROW("CNTV_CVAL", cntv_cval, 0x00ffffffffff0000ull, 0, ALL),
	ROW("CNTV_CTL", cntv_ctl, CNTV_ENABLE, 0, CNTV_ENABLE | CNTV_IMASK),
};
static const struct reg thumbee_regs[] = {
	ROW("TEEHBR", teehbr, 0x7eeb0000u, 0, ALL),
	ROW("TEECR", teecr, 1, 0, ALL),		/* XED: no PL0 access to TEEHBR */
};

/* ---- the banked registers of the other modes ------------------------ */

/* SPSR_svc is the current mode's own: the plain forms */
static uint64_t rd_spsr_svc(unsigned int arg)
{
	uint32_t v;

	(void)arg;
	__asm__ volatile("mrs %0, spsr" : "=r"(v) :: "memory");
	return v;
}

static void wr_spsr_svc(unsigned int arg, uint64_t v)
{
	(void)arg;
	__asm__ volatile("msr spsr_cxsf, %0" :: "r"((uint32_t)v) : "memory");
}

BANKED(sp_usr, sp_usr)
BANKED(lr_usr, lr_usr)
BANKED(sp_abt, sp_abt)
BANKED(lr_abt, lr_abt)
BANKED(spsr_abt, spsr_abt)
BANKED(sp_und, sp_und)
BANKED(lr_und, lr_und)
BANKED(spsr_und, spsr_und)
BANKED(sp_irq, sp_irq)
BANKED(lr_irq, lr_irq)
BANKED(spsr_irq, spsr_irq)
BANKED(sp_fiq, sp_fiq)
BANKED(lr_fiq, lr_fiq)
BANKED(spsr_fiq, spsr_fiq)
BANKED(r8_fiq, r8_fiq)
BANKED(r9_fiq, r9_fiq)
BANKED(r10_fiq, r10_fiq)
BANKED(r11_fiq, r11_fiq)
BANKED(r12_fiq, r12_fiq)

#define MARK_BANKED(n)	(0xba000000u + (n))
/* An SPSR: a valid mode, with flags */
#define MARK_SPSR(mode)	(0xf0000000u | 0x1c0u | (mode))

static const struct reg banked_regs[] = {
	ROW("SP_usr", sp_usr, MARK_BANKED(1), 0, ALL),
	ROW("LR_usr", lr_usr, MARK_BANKED(2), 0, ALL),
	ROW("SPSR_svc", spsr_svc, MARK_SPSR(0x13), 0, ALL),
	ROW("SP_abt", sp_abt, MARK_BANKED(3), 0, ALL),
	ROW("LR_abt", lr_abt, MARK_BANKED(4), 0, ALL),
	ROW("SPSR_abt", spsr_abt, MARK_SPSR(0x17), 0, ALL),
	ROW("SP_und", sp_und, MARK_BANKED(5), 0, ALL),
	ROW("LR_und", lr_und, MARK_BANKED(6), 0, ALL),
	ROW("SPSR_und", spsr_und, MARK_SPSR(0x1b), 0, ALL),
	ROW("SP_irq", sp_irq, MARK_BANKED(7), 0, ALL),
	ROW("LR_irq", lr_irq, MARK_BANKED(8), 0, ALL),
	ROW("SPSR_irq", spsr_irq, MARK_SPSR(0x12), 0, ALL),
	ROW("SP_fiq", sp_fiq, MARK_BANKED(9), 0, ALL),
	ROW("LR_fiq", lr_fiq, MARK_BANKED(10), 0, ALL),
	ROW("SPSR_fiq", spsr_fiq, MARK_SPSR(0x11), 0, ALL),
	ROW("r8_fiq", r8_fiq, MARK_BANKED(11), 0, ALL),
	ROW("r9_fiq", r9_fiq, MARK_BANKED(12), 0, ALL),
	ROW("r10_fiq", r10_fiq, MARK_BANKED(13), 0, ALL),
	ROW("r11_fiq", r11_fiq, MARK_BANKED(14), 0, ALL),
	ROW("r12_fiq", r12_fiq, MARK_BANKED(15), 0, ALL),
};

/* ---- VFP and Advanced SIMD ---------------------------------------------- */

#define FPEXC_EN	(1u << 30)
/* Flags, QC, DN, FZ, round towards zero, the cumulative exception bits */
#define FPSCR_MARKER	0xfbc0009fu
#define MARK_D(n)	(0xd0d0d0d000000000ull + (n))

/* Coprocessors 10 and 11 reachable from PL1: FPEXC readable */
static void vfp_reachable(void)
{
	wr_cpacr(0, rd_cpacr(0) | CPACR_VFP);
}

/* ... and enabled: FPSCR and d0-d31 too */
static void vfp_enabled(void)
{
	vfp_reachable();
	fpexc_write(FPEXC_EN);
}

static uint64_t rd_fpexc(unsigned int arg)
{
	(void)arg;
	return fpexc_read();
}

static void wr_fpexc(unsigned int arg, uint64_t v)
{
	(void)arg;
	fpexc_write((uint32_t)v);
}

static uint64_t rd_fpscr(unsigned int arg)
{
	(void)arg;
	return fpscr_read();
}

static void wr_fpscr(unsigned int arg, uint64_t v)
{
	(void)arg;
	fpscr_write((uint32_t)v);
}

/* d@n, through a copy of all 32 (no instruction takes the register number from a register) */
static uint64_t rd_d(unsigned int n)
{
	uint64_t d[32];

	vfp_store(d);
	return d[n];
}

static void wr_d(unsigned int n, uint64_t v)
{
	uint64_t d[32];

	vfp_store(d);
	d[n] = v;
	vfp_load(d);
}

#define D(n)	{ "d" #n, rd_d, wr_d, n, MARK_D(n), 0, ALL }

static const struct reg fpexc_regs[] = {
	ROW("FPEXC", fpexc, FPEXC_EN, 0, ALL),
};
static const struct reg vfp_regs[] = {
	ROW("FPSCR", fpscr, FPSCR_MARKER, 0, ALL),
	D(0), D(1), D(2), D(3), D(4), D(5), D(6), D(7),
	D(8), D(9), D(10), D(11), D(12), D(13), D(14), D(15),
	D(16), D(17), D(18), D(19), D(20), D(21), D(22), D(23),
	D(24), D(25), D(26), D(27), D(28), D(29), D(30), D(31),
};

/* ---- performance monitors (pmu = "owned") ----------------------------- */

COPROC32(pmcr, "p15, 0, %0, c9, c12, 0")
COPROC32(pmcntenset, "p15, 0, %0, c9, c12, 1")
COPROC32(pmselr, "p15, 0, %0, c9, c12, 5")
COPROC32(pmccntr, "p15, 0, %0, c9, c13, 0")
COPROC32(pmuserenr, "p15, 0, %0, c9, c14, 0")
COPROC32(pmintenset, "p15, 0, %0, c9, c14, 1")
COPROC32(pmxevtyper, "p15, 0, %0, c9, c13, 1")
COPROC32(pmxevcntr, "p15, 0, %0, c9, c13, 2")

/* PMOVSR reads the overflow flags, PMOVSSET sets them */
static uint64_t rd_pmovs(unsigned int arg)
{
	uint32_t v;

	(void)arg;
	__asm__ volatile("mrc p15, 0, %0, c9, c12, 3" : "=r"(v) :: "memory");
	return v;
}

static void wr_pmovs(unsigned int arg, uint64_t v)
{
	(void)arg;
	__asm__ volatile("mcr p15, 0, %0, c9, c14, 3\n\tisb" :: "r"((uint32_t)v) : "memory");
}

/* Counter @sel's event type (31: PMCCFILTR) or count, PMSELR left as it was */
static uint64_t rd_selected(unsigned int sel, uint64_t (*rd)(unsigned int))
{
	uint64_t old = rd_pmselr(0), v;

	wr_pmselr(0, sel);
	v = rd(0);
	wr_pmselr(0, old);
	return v;
}

static void wr_selected(unsigned int sel, void (*wr)(unsigned int, uint64_t), uint64_t v)
{
	uint64_t old = rd_pmselr(0);

	wr_pmselr(0, sel);
	wr(0, v);
	wr_pmselr(0, old);
}

static uint64_t rd_evtype(unsigned int sel)
{
	return rd_selected(sel, rd_pmxevtyper);
}

static void wr_evtype(unsigned int sel, uint64_t v)
{
	wr_selected(sel, wr_pmxevtyper, v);
}

static uint64_t rd_evcount(unsigned int sel)
{
	return rd_selected(sel, rd_pmxevcntr);
}

static void wr_evcount(unsigned int sel, uint64_t v)
{
	wr_selected(sel, wr_pmxevcntr, v);
}

#define PMCR_E		(1u << 0)
#define PMCR_D		(1u << 3)
#define PMCR_X		(1u << 4)
#define PMCR_DP		(1u << 5)
#define PMU_ALL		0x8000003fu	/* the cycle counter and six event counters */
#define PMSELR_CCNT	31
#define EVT_INSTR	0x08u		/* instructions retired, counted in HYP too */
#define EVT_NSH		(1u << 27)

/* Counting, with every enable and flag set, until the restart */
static const struct reg pmu_regs[] = {
	ROW("PMSELR", pmselr, 1, 0, ALL),
	{ "PMCCFILTR", rd_evtype, wr_evtype, PMSELR_CCNT, EVT_NSH, 0, ALL },
	{ "PMXEVTYPER0", rd_evtype, wr_evtype, 0, EVT_NSH | EVT_INSTR, 0, ALL },
	{ "PMXEVCNTR0", rd_evcount, wr_evcount, 0, 0xa5a50000u, 0, ALL },
	ROW("PMCCNTR", pmccntr, 0xa5a5ffffu, 0, ALL),
	ROW("PMCNTENSET", pmcntenset, PMU_ALL, 0, ALL),
	ROW("PMINTENSET", pmintenset, PMU_ALL, 0, ALL),
	ROW("PMOVSR", pmovs, PMU_ALL, 0, ALL),
	ROW("PMUSERENR", pmuserenr, 1, 0, ALL),
	ROW("PMCR", pmcr, PMCR_E | PMCR_D | PMCR_X | PMCR_DP, 0,
	    PMCR_E | PMCR_D | PMCR_X | PMCR_DP),
};

/* ---- debug (trapped: emulated as disabled) ------------------------------ */

COPROC32(dbgbvr0, "p14, 0, %0, c0, c0, 4")
COPROC32(dbgbcr0, "p14, 0, %0, c0, c0, 5")
COPROC32(dbgwvr0, "p14, 0, %0, c0, c0, 6")
COPROC32(dbgwcr0, "p14, 0, %0, c0, c0, 7")
COPROC32(dbgvcr, "p14, 0, %0, c0, c7, 0")
COPROC32(dbgdscrext, "p14, 0, %0, c0, c2, 2")

#define DSCR_MDBGEN	(1u << 15)

/* On addresses nothing here uses: they would never fire even if they stuck */
static const struct reg debug_regs[] = {
	ROW("DBGBVR0", dbgbvr0, 0x00000100u, 0, ALL),
	ROW("DBGBCR0", dbgbcr0, 0x000001e7u, 0, ALL),
	ROW("DBGWVR0", dbgwvr0, 0x00000200u, 0, ALL),
	ROW("DBGWCR0", dbgwcr0, 0x000001ffu, 0, ALL),
	ROW("DBGVCR", dbgvcr, 0x000000deu, 0, ALL),
	ROW("DBGDSCRext", dbgdscrext, DSCR_MDBGEN, 0, DSCR_MDBGEN),
};

/* ---- in the order checked: CPACR before FPEXC before FPSCR ---------------- */

#define GROUP(name, regs, open)	{ name, regs, ARRAY_SIZE(regs), open }

const struct group groups[] = {
	GROUP("r0-r12 SP LR as entered", core_regs, NULL),
	GROUP("CPSR as entered", cpsr_regs, NULL),
	GROUP("SCTLR", sctlr_regs, NULL),
	GROUP("CPACR", cpacr_regs, NULL),
	GROUP("TTBR0 TTBR1 TTBCR DACR", translation_regs, NULL),
	GROUP("DFSR IFSR ADFSR AIFSR DFAR IFAR", fault_regs, NULL),
	GROUP("PAR", par_regs, NULL),
	GROUP("PRRR NMRR AMAIR0 AMAIR1", attr_regs, NULL),
	GROUP("VBAR", vbar_regs, NULL),
	GROUP("FCSEIDR CONTEXTIDR", context_regs, NULL),
	GROUP("TPIDRURW TPIDRURO TPIDRPRW", thread_regs, NULL),
	GROUP("CSSELR", csselr_regs, NULL),
	GROUP("CNTKCTL CNTV_CVAL CNTV_CTL", timer_regs, NULL),
	GROUP("TEEHBR TEECR", thumbee_regs, NULL),
	GROUP("banked SP LR SPSR r8-r12_fiq", banked_regs, NULL),
	GROUP("FPEXC", fpexc_regs, vfp_reachable),
	GROUP("FPSCR d0-d31", vfp_regs, vfp_enabled),
	GROUP("PMU", pmu_regs, NULL),
	GROUP("debug registers", debug_regs, NULL),
};
const unsigned int nr_groups = ARRAY_SIZE(groups);
