/* SPDX-License-Identifier: MIT */
/* Nested page faults on emulated devices (mmio_exit.c), from exits.c and vcpu.c. */
#ifndef ASM_MMIO_EXIT_H
#define ASM_MMIO_EXIT_H

#include <stddef.h>
#include <bulkhead/exit.h>
#include <asm/insn_decode.h>

struct vcpu;
struct arch_vcpu;
struct vmcb_save;

/* How the guest's code segment in @s decodes instructions */
enum x86_code_mode svm_code_mode(const struct vmcb_save *s);

/*
 * Up to X86_INSN_MAX bytes at @v's RIP into @buf, read page by page
 * through the guest's own tables out of its RAM: how many could be read.
 * On @v's CPU, while it is out of the guest.
 */
size_t svm_fetch_insn(struct vcpu *v, enum x86_code_mode mode, uint8_t *buf);

/*
 * The NPF exit of @v on an emulated region: done on the MMIO bus (false,
 * the guest runs on) or @exit filled (EXIT_MMIO, or EXIT_FAULT when the
 * instruction cannot be finished). On @v's CPU, from svm_handle_exit().
 */
bool svm_mmio_exit(struct vcpu *v, struct vm_exit *exit);

/* Where general register @reg (0 RAX ... 15 R15, as instructions number them) is */
uint64_t *svm_gpr(struct arch_vcpu *a, unsigned int reg);

/* A load's value @m into the register the instruction names (nothing for a store) */
void svm_mmio_complete(struct arch_vcpu *a, const struct mmio_access *m);

#endif
