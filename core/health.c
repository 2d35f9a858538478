// SPDX-License-Identifier: MIT
/* Health monitor: report a guest fault, then apply the fault policy. */
#include <bulkhead/console.h>
#include <bulkhead/health.h>
#include <bulkhead/partition.h>

static const char *const fault_names[FAULT_KIND_COUNT] = {
	[FAULT_UNMAPPED_ACCESS] = "access to unmapped address",
	[FAULT_UNDECODABLE_ACCESS] = "unemulated access to device address",
	[FAULT_INSTRUCTION_FETCH] = "instruction fetch from unmapped address",
	[FAULT_UNHANDLED_EXCEPTION] = "unhandled guest exception",
	[FAULT_TRAPPED_INSTRUCTION] = "trapped instruction",
	[FAULT_BAD_HYPERCALL] = "bad hypercall number",
	[FAULT_BAD_HYPERCALL_ARG] = "bad hypercall argument",
};

const char *fault_kind_name(enum fault_kind kind)
{
	return kind < FAULT_KIND_COUNT ? fault_names[kind] : "fault";
}

void health_fault(struct vcpu *v, enum fault_kind kind, const char *detail,
		  uint64_t pc, uint64_t addr, uint64_t syndrome)
{
	struct partition *p = v->part;

	hv_printf("%s: %s%s%s%s pc=0x%08llx addr=0x%08llx syndrome=0x%08llx",
		  p->name, fault_kind_name(kind), detail ? " (" : "",
		  detail ? detail : "", detail ? ")" : "",
		  (unsigned long long)pc, (unsigned long long)addr,
		  (unsigned long long)syndrome);
	partition_fault_policy(p);
}
