// SPDX-License-Identifier: MIT
/*
 * What a guest asks of its platform's power control, the same on every
 * port: EXIT_POWER (ARM's PSCI calls, a PC's reset) and the hypercalls
 * that shut down or restart the caller; and EXIT_HALT, a vCPU that
 * halted with nothing that can wake it. Each acts on the calling
 * partition only (lifecycle.c).
 */
#include <bulkhead/console.h>
#include <bulkhead/partition.h>

static const char *const power_results[] = {
	[POWER_VCPU_OFF] = "vCPU off",
	[POWER_OFF] = "partition off",
	[POWER_RESET] = "rebooting partition",
};

enum exit_action partition_power_event(struct vcpu *v, enum power_event event,
				       const char *source)
{
	struct partition *p = v->part;

	if (source)
		hv_printf("%s: %s: %s", p->name, source, power_results[event]);
	switch (event) {
	case POWER_VCPU_OFF:
		vcpu_power_off_self(v);
		break;
	case POWER_OFF:
		partition_stop(p, PART_OFF);
		break;
	case POWER_RESET:
		partition_reboot(p);
		break;
	}
	return EXIT_RESCHEDULE;
}

/*
 * Halted for good is off: as on hardware nothing runs on that CPU again
 * until it is started, by a sibling's CPU-start call or the partition's
 * next boot; the last vCPU to stop turns the partition off.
 */
enum exit_action vcpu_halted(struct vcpu *v, const struct vm_exit *e)
{
	hv_printf("%s: vCPU %u halted (%s) pc=0x%08llx: vCPU off", v->part->name, v->index,
		  e->halt.why, (unsigned long long)e->pc);
	vcpu_power_off_self(v);
	return EXIT_RESCHEDULE;
}
