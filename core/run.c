// SPDX-License-Identifier: MIT
/*
 * The run loop every physical CPU ends in, and dispatch of guest exits.
 * A CPU runs its one vCPU when it is runnable and idles otherwise; other
 * CPUs change vCPU state and kick it (port_cpu_kick) to make it look.
 */
#include <bulkhead/health.h>
#include <bulkhead/hypercall.h>
#include <bulkhead/partition.h>
#include <bulkhead/pio.h>
#include <bulkhead/port.h>

/*
 * Called by the port from port_vcpu_run(), on @v's CPU with v->busy set,
 * for each exit it cannot finish alone. On EXIT_RESUME the port completes
 * the instruction, on EXIT_ABORT it delivers an abort for it instead, and
 * either way may enter the guest again without coming back here.
 */
enum exit_action core_handle_exit(struct vcpu *v, struct vm_exit *e)
{
	switch (e->kind) {
	case EXIT_MMIO:
		return mmio_handle_exit(v, e);
	case EXIT_PIO:
		return pio_handle_exit(v, e);
	case EXIT_HYPERCALL:
		return hypercall_handle(v, e);
	case EXIT_FAULT:
		return health_fault(v, e->fault.kind, e->fault.detail, e->pc,
				    e->fault.addr, e->syndrome);
	case EXIT_HALT:
		return vcpu_halted(v, e);
	case EXIT_POWER:
		return partition_power_event(v, e->power.event, e->power.source);
	case EXIT_NONE:
		break;
	}
	return EXIT_RESCHEDULE;
}

bool core_exit_resumes(struct vcpu *v, struct vm_exit *e)
{
	if (e->kind == EXIT_NONE)
		return false;
	switch (core_handle_exit(v, e)) {
	case EXIT_RESUME:
		port_vcpu_complete_exit(v, e);
		break;
	case EXIT_ABORT:
		port_vcpu_inject_abort(v, e);
		break;
	case EXIT_RESCHEDULE:
		return false;
	}
	return v->state == VCPU_RUNNING;
}

/* Claim a runnable vCPU: another CPU may stop it at the same moment. */
static bool claim_runnable(struct vcpu *v)
{
	enum vcpu_state expected = VCPU_RUNNABLE;

	return __atomic_compare_exchange_n(&v->state, &expected, VCPU_RUNNING, false,
					   __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

void core_cpu_loop(unsigned int cpu)
{
	struct vcpu *v = cpu_vcpu[cpu];

	for (;;) {
		if (!v) {
			port_cpu_idle();
			continue;
		}
		/*
		 * Publish busy before reading state: whoever stops us sets
		 * state first, then waits for busy to clear. It stays set
		 * until the exit is handled, so no exit of a partition's old
		 * boot is ever applied to its new one. Sequentially
		 * consistent: the store must be ordered before the load of
		 * state (store-load, which release/acquire do not order).
		 */
		__atomic_store_n(&v->busy, true, __ATOMIC_SEQ_CST);
		if (v->state == VCPU_RUNNABLE && claim_runnable(v))
			port_vcpu_reset(v, v->entry, v->part->fdt_gpa, v->context);
		if (v->state != VCPU_RUNNING) {
			__atomic_store_n(&v->busy, false, __ATOMIC_RELEASE);
			port_cpu_idle();
			continue;
		}
		port_vcpu_run(v);
		/*
		 * Release (here and above): what the exits did is visible to
		 * a CPU that sees busy clear and goes on to stop or reboot
		 * the partition. Nothing after it needs more: the next pass
		 * publishes busy with a full barrier before reading state.
		 */
		__atomic_store_n(&v->busy, false, __ATOMIC_RELEASE);
	}
}

void core_secondary_main(unsigned int cpu)
{
	core_cpu_loop(cpu);
}
