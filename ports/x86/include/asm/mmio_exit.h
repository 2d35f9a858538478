/* SPDX-License-Identifier: MIT */
/* Nested page faults on emulated devices (mmio_exit.c), from exits.c and vcpu.c. */
#ifndef ASM_MMIO_EXIT_H
#define ASM_MMIO_EXIT_H

#include <bulkhead/exit.h>

struct vcpu;
struct arch_vcpu;

/*
 * The NPF exit of @v on an emulated region: done on the MMIO bus (false,
 * the guest runs on) or @exit filled (EXIT_MMIO, or EXIT_FAULT when the
 * instruction cannot be finished). On @v's CPU, from svm_handle_exit().
 */
bool svm_mmio_exit(struct vcpu *v, struct vm_exit *exit);

/* A load's value @m into the register the instruction names (nothing for a store) */
void svm_mmio_complete(struct arch_vcpu *a, const struct mmio_access *m);

#endif
