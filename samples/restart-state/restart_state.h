/* SPDX-License-Identifier: MIT */
/*
 * restart-state: between main.c (the boots and the two vCPUs), check.c
 * and regs.c (the registers, their markers and reset values) and entry.S
 * (what needs assembly: the registers as entered, the core registers'
 * markers, VFP and Advanced SIMD).
 */
#ifndef RESTART_STATE_H
#define RESTART_STATE_H

#include <stdbool.h>
#include <stdint.h>

#define NR_VCPUS	2

/*
 * r0-r12, SP, LR and the CPSR as the hypervisor entered each vCPU, saved
 * by entry.S before any instruction changed them (word 13 is SP_svc,
 * 14 LR_svc, 15 the CPSR).
 */
#define ENTERED_SP	13
#define ENTERED_LR	14
#define ENTERED_CPSR	15
extern uint32_t entered_regs[NR_VCPUS][16];

/* Where vCPU 1 starts (PSCI CPU_ON): it saves entered_regs[1], then secondary_entry. */
void entry_secondary(void);

/*
 * Markers in r1-r12 (or r0-r12), SP, LR and the CPSR's flags, GE bits
 * and endianness, then a store to @addr, outside the partition's RAM
 * (vCPU 0: its fault policy restarts the partition), or WFI for ever
 * (vCPU 1: until the restart takes it out of the guest).
 */
void __attribute__((noreturn)) mark_core_and_fault(uintptr_t addr);
void __attribute__((noreturn)) mark_core_and_park(void);

/* entry.S: FPEXC, FPSCR and d0-d31 (d[32]) */
uint32_t fpexc_read(void);
void fpexc_write(uint32_t value);
uint32_t fpscr_read(void);
void fpscr_write(uint32_t value);
void vfp_store(uint64_t *d);
void vfp_load(const uint64_t *d);

/*
 * check.c. Compare every register group of regs.c, for the calling vCPU,
 * with the state a partition boots with: one line per register that
 * differs ("KEPT"), and with @verbose one per group that does not.
 * Returns how many groups have a register that differs.
 */
unsigned int check_reset_state(unsigned int boot, bool verbose);
unsigned int register_groups(void);
/*
 * Write every register's marker (but the core registers': entry.S) and
 * print how many hold one now, naming those that ignored it.
 */
void write_markers(void);

#endif
