/* SPDX-License-Identifier: MIT */
/*
 * A guest's general registers that VMRUN leaves alone (RAX, RSP and RIP
 * are in the VMCB): saved and restored by svm_entry.S at every world
 * switch, at these offsets (checked in vcpu.c).
 */
#ifndef ASM_REGS_H
#define ASM_REGS_H

#define REG_RBX		0x00
#define REG_RCX		0x08
#define REG_RDX		0x10
#define REG_RSI		0x18
#define REG_RDI		0x20
#define REG_RBP		0x28
#define REG_R8		0x30
#define REG_R9		0x38
#define REG_R10		0x40
#define REG_R11		0x48
#define REG_R12		0x50
#define REG_R13		0x58
#define REG_R14		0x60
#define REG_R15		0x68

#ifndef __ASSEMBLY__
#include <stdint.h>

struct x86_regs {
	uint64_t rbx, rcx, rdx, rsi, rdi, rbp;
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
};

/*
 * Enter the guest of the VMCB at physical @vmcb_pa with @regs, until its
 * next #VMEXIT; the host's FS, GS, TR and syscall state come back from
 * the VMSAVE area at @host_pa. Interrupts are open only while the guest
 * runs (an interrupt then is an INTR exit, still pending after it).
 * svm_entry.S; from the run loop (vcpu.c) on the vCPU's CPU.
 */
void svm_vmrun(struct x86_regs *regs, uint64_t vmcb_pa, uint64_t host_pa);
#endif

#endif
