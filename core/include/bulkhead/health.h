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

/*
 * Report "[bulkhead] <partition>: <kind> (<detail>) pc=.. addr=.. syndrome=.."
 * and say what the guest gets. An access to an address the partition does
 * not map (FAULT_UNMAPPED_ACCESS, FAULT_INSTRUCTION_FETCH) in a partition
 * with unmapped-access = "abort": the report ends ", abort delivered to
 * the guest" and EXIT_ABORT, the partition goes on. Anything else: the
 * fault policy is applied, EXIT_RESCHEDULE. Called by the CPU running @v
 * from core_handle_exit(), no locks held.
 */
enum exit_action health_fault(struct vcpu *v, enum fault_kind kind, const char *detail,
			      uint64_t pc, uint64_t addr, uint64_t syndrome);

const char *fault_kind_name(enum fault_kind kind);

#endif
