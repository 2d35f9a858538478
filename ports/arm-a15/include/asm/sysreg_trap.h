/* SPDX-License-Identifier: MIT */
/*
 * Guest-visible registers the hypervisor owns on the Cortex-A15: the
 * debug registers (CP14), the performance monitors (CP15 c9 c12-c14) and
 * the IMPLEMENTATION DEFINED CP15 c9-c11 encodings. docs/security.md,
 * "Debug and performance monitors", says what a guest sees of each.
 */
#ifndef ASM_SYSREG_TRAP_H
#define ASM_SYSREG_TRAP_H

#include <stdbool.h>
#include <stdint.h>
#include <asm/decode.h>

/* What a trapped MRC/MCR (MRRC/MCRR) of one of them does */
enum sysreg_emulation {
	SYSREG_FAULT,		/* no emulation: a contained fault */
	SYSREG_RAZ_WI,		/* reads zero, writes ignored */
	SYSREG_CONST,		/* reads the given value, writes ignored */
	SYSREG_DBGDIDR,		/* reads the hardware's DBGDIDR, writes ignored */
};

struct sysreg_answer {
	enum sysreg_emulation how;
	uint32_t value;		/* SYSREG_CONST */
};

/*
 * Pure, for the trap path and the unit tests: a CP14 MRC/MCR (EC 0x05),
 * MRRC/MCRR (EC 0x0c, @is64) or a CP15 MRC/MCR (EC 0x03) not otherwise
 * emulated.
 */
struct sysreg_answer sysreg_cp14_answer(const struct hsr_cp_access *c, bool is64);
struct sysreg_answer sysreg_cp15_answer(const struct hsr_cp_access *c);

struct arm_regs;
struct vcpu;
/*
 * Emulate a trapped CP14 access (EC 0x05, 0x06, 0x0c) or CP15 MRC/MCR
 * (@c decoded from @hsr) that passed its condition: true when done and
 * the guest PC advanced, false when the caller must report a fault.
 * Called from the trap path on the vCPU's CPU, no locks held.
 */
bool sysreg_emulate_cp14(struct arm_regs *r, uint32_t hsr);
bool sysreg_emulate_cp15(struct arm_regs *r, const struct hsr_cp_access *c, uint32_t hsr);

/*
 * At HYP boot on each CPU (cpu_virt_init), before any guest runs there:
 * trap everything, and leave no breakpoint, watchpoint or vector catch
 * enabled by firmware.
 */
void sysreg_cpu_init(void);

/*
 * From port_vcpu_reset(), on @v's CPU: the traps its partition's `pmu`
 * property asks for, and the PMU back in its reset state.
 */
void sysreg_vcpu_reset(const struct vcpu *v);

#endif
