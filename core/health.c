// SPDX-License-Identifier: MIT
/*
 * Health monitor: report a guest fault, then apply the fault policy, or
 * hand an access to an unmapped address back to the guest as an abort.
 */
#include <bulkhead/config.h>
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

/*
 * unmapped-access = "abort": the guest learns of an access its partition
 * does not map as a bus error, at its own abort vector, as on hardware
 * with nothing at the address. Accesses the hypervisor cannot emulate, or
 * that a device model refuses, are not in that class: the address is
 * there, the instruction is not supported, so they stay faults.
 */
static bool abort_to_guest(const struct partition *p, enum fault_kind kind)
{
	return p->cfg->unmapped_access == UNMAPPED_ABORT &&
	       (kind == FAULT_UNMAPPED_ACCESS || kind == FAULT_INSTRUCTION_FETCH);
}

/*
 * An abort handler that faults again loops through here, one report per
 * abort: only its own CPU spins (each runs one vCPU), and the console's
 * ticket lock lets other partitions' lines through between the reports.
 */
enum exit_action health_fault(struct vcpu *v, enum fault_kind kind, const char *detail,
			      uint64_t pc, uint64_t addr, uint64_t syndrome)
{
	struct partition *p = v->part;
	bool abort = abort_to_guest(p, kind);

	hv_printf("%s: %s%s%s%s pc=0x%08llx addr=0x%08llx syndrome=0x%08llx%s",
		  p->name, fault_kind_name(kind), detail ? " (" : "",
		  detail ? detail : "", detail ? ")" : "",
		  (unsigned long long)pc, (unsigned long long)addr,
		  (unsigned long long)syndrome,
		  abort ? ", abort delivered to the guest" : "");
	if (abort)
		return EXIT_ABORT;
	partition_fault_policy(p);
	return EXIT_RESCHEDULE;
}
