/* SPDX-License-Identifier: MIT */
/* The CR0 and CR4 write exits (cr_exit.c), from svm_handle_exit(). */
#ifndef ASM_CR_EXIT_H
#define ASM_CR_EXIT_H

#include <bulkhead/exit.h>

struct vcpu;

#define INTERCEPT_CR_WRITE(n)	(1u << (16 + (n)))
#define VMEXIT_CR_WRITE(n)	(0x010 + (n))

/*
 * The write to CR@cr (0 or 4) behind @v's exit, applied or answered
 * with #GP (false: the guest runs on), or @exit a fault. On @v's CPU.
 */
bool svm_cr_write_exit(struct vcpu *v, unsigned int cr, struct vm_exit *exit);

#endif
