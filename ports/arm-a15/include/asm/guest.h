/* SPDX-License-Identifier: MIT */
/* Access to a trapped guest's registers and memory (Cortex-A15 port). */
#ifndef ASM_GUEST_H
#define ASM_GUEST_H

#include <bulkhead/exit.h>
#include <asm/vcpu.h>

struct vcpu;

/* Register n (0..14) as the guest's current mode sees it; 15 is the PC. */
uint32_t guest_reg_read(const struct arm_regs *r, unsigned int n);
void guest_reg_write(struct arm_regs *r, unsigned int n, uint32_t value);

/* Saved return address and PSR of guest exception mode @mode. */
uint32_t guest_banked_lr(uint32_t mode);
uint32_t guest_banked_spsr(uint32_t mode);
/* Set them (USR and SYS mode have neither: ignored). */
void guest_set_banked_lr(uint32_t mode, uint32_t value);
void guest_set_banked_spsr(uint32_t mode, uint32_t value);

struct partition;
/* Read @len bytes of @p's RAM at guest virtual address @va (stages 1 and 2). */
int guest_read_virt(const struct partition *p, uint32_t va, void *buf, unsigned int len);
/* PAR after the guest's stage-1 translation of @va for a PL1 read (ATS1CPR) */
uint64_t guest_stage1_par(uint32_t va);

/* Decode a trap; true when the core must see @exit (or state changed). */
bool arm_handle_trap(struct vcpu *v, struct vm_exit *exit);
/* entry.S's data abort path: EXIT_VECTOR_*, or 0 to resume the guest */
struct arm_regs;
uint32_t arm_vector_data_abort(struct arm_regs *r, uint32_t hsr);

#endif
