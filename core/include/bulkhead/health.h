/* SPDX-License-Identifier: MIT */
/*
 * Health monitor: a guest fault the hypervisor cannot handle becomes one
 * report line and the partition's fault policy; other partitions never
 * notice.
 */
#ifndef BULKHEAD_HEALTH_H
#define BULKHEAD_HEALTH_H

#include <bulkhead/exit.h>

struct vcpu;

/* Report "[bulkhead] <partition>: <kind> (<detail>) pc=.. addr=.. syndrome=.."
 * and apply the policy. Called by the CPU running @v, no locks held. */
void health_fault(struct vcpu *v, enum fault_kind kind, const char *detail,
		  uint64_t pc, uint64_t addr, uint64_t syndrome);

const char *fault_kind_name(enum fault_kind kind);

#endif
