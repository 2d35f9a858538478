/* SPDX-License-Identifier: MIT */
/* Offsets into struct arm_regs, shared by C and entry.S. */
#ifndef ASM_REGS_OFFSETS_H
#define ASM_REGS_OFFSETS_H

#define REGS_LR		52
#define REGS_PC		56
#define REGS_CPSR	60
/* struct arch_vcpu's hyp_sp and listed, from its regs */
#define REGS_HYP_SP	64
#define REGS_LISTED	68

#endif
