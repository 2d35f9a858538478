/* SPDX-License-Identifier: MIT */
/*
 * The debug (CP14) and performance monitor (CP15 c9) registers the
 * hypervisor itself touches from HYP mode, and the HDCR/HSTR bits that
 * decide which of the guest's accesses to them trap (ARMv7-A with the
 * Virtualization Extensions, debug architecture v7.1, PMUv2).
 */
#ifndef ASM_DBG_PMU_H
#define ASM_DBG_PMU_H

#include <stdint.h>
#include <asm/sysregs.h>

/* HDCR: which guest debug and PMU accesses trap, how many counters it has */
#define HDCR_HPMN_MASK	0x1fu
#define HDCR_TPMCR	(1u << 5)	/* PMCR */
#define HDCR_TPM	(1u << 6)	/* every PMU register */
#define HDCR_TDE	(1u << 8)	/* debug exceptions to HYP (not used) */
#define HDCR_TDA	(1u << 9)	/* CP14 debug registers, but these two: */
#define HDCR_TDRA	(1u << 10)	/* DBGDRAR, DBGDSAR (ROM and self address) */
#define HDCR_TDOSA	(1u << 11)	/* OS lock and power-down registers */
#define HDCR_TRAP_DEBUG	(HDCR_TDA | HDCR_TDRA | HDCR_TDOSA)

/* HSTR: trap every guest access to CP15 primary register c9, c11, c15 */
#define HSTR_T9		(1u << 9)
#define HSTR_T11	(1u << 11)
#define HSTR_T15	(1u << 15)

/* PMCR fields */
#define PMCR_E		(1u << 0)	/* counters enabled */
#define PMCR_P		(1u << 1)	/* write 1: reset the event counters */
#define PMCR_C		(1u << 2)	/* write 1: reset the cycle counter */
#define PMCR_N(pmcr)	(((pmcr) >> 11) & 0x1fu)
#define PMSELR_CCNT	31		/* PMXEVTYPER is then PMCCFILTR */

/* The debug architecture's CP14 registers (opc1 0) */
#define CP14_32(name, crn, crm, opc2)	COPROC32(name, p14, 0, crn, crm, opc2)

CP14_32(dbgdidr, c0, c0, 0)
CP14_32(dbgdscrext, c0, c2, 2)
CP14_32(dbgvcr, c0, c7, 0)

/* DBGDIDR: breakpoint and watchpoint register pairs, minus one */
#define DBGDIDR_BRPS(didr)	((((didr) >> 24) & 0xfu) + 1)
#define DBGDIDR_WRPS(didr)	((((didr) >> 28) & 0xfu) + 1)

SYSREG32(pmcr, 0, c9, c12, 0)
SYSREG32(pmcntenclr, 0, c9, c12, 2)
SYSREG32(pmovsr, 0, c9, c12, 3)
SYSREG32(pmselr, 0, c9, c12, 5)
SYSREG32(pmccntr, 0, c9, c13, 0)
SYSREG32(pmxevtyper, 0, c9, c13, 1)
SYSREG32(pmxevcntr, 0, c9, c13, 2)
SYSREG32(pmuserenr, 0, c9, c14, 0)
SYSREG32(pmintenclr, 0, c9, c14, 2)

#endif
