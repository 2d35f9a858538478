/* SPDX-License-Identifier: MIT */
#ifndef BULKHEAD_HYPERCALL_H
#define BULKHEAD_HYPERCALL_H

#include <bulkhead/exit.h>

struct vcpu;

/* Serve hypercall @e of @v. Called by the CPU running @v, no locks held. */
enum exit_action hypercall_handle(struct vcpu *v, struct vm_exit *e);

#endif
