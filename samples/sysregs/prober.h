/* SPDX-License-Identifier: MIT */
/*
 * sysregs, the prober image: register access from PL1 and the tests of
 * debug.c and pmu.c. Each test prints one line that says what it saw;
 * tests/qemu/sysregs.expect holds the lines a contained guest prints.
 */
#ifndef SYSREGS_PROBER_H
#define SYSREGS_PROBER_H

#include <stdint.h>

/* One MRC/MCR with a fixed encoding: "p14, 0, %0, c0, c0, 4" and the like */
#define SYSREG_RD(spec) ({							\
	uint32_t v_;								\
	__asm__ volatile("mrc " spec : "=r"(v_) :: "memory");			\
	v_;									\
})
#define SYSREG_WR(spec, val)							\
	__asm__ volatile("mcr " spec "\n\tisb" :: "r"((uint32_t)(val)) : "memory")

/* The bystander's RAM (its phys-base in qemu-virt-a15.dts) */
#define BYSTANDER_RAM_PHYS	0x50000000u

/* Breakpoints and watchpoints, then monitor debug mode: nothing may fire. */
void test_debug(void);
/* pmu = "none": no PMU; the implementation-defined c9 (L2CTLR, L2ECTLR). */
void test_pmu_none(void);
void test_impdef(void);
/* pmu = "owned": boot 0 programs the PMU and resets; boot 1 checks it. */
void test_pmu_owned(void);

#endif
