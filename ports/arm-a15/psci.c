// SPDX-License-Identifier: MIT
/*
 * PSCI 0.2 served to guests through trapped SMCs (HCR.TSC). Every call
 * acts on the calling partition only: SYSTEM_OFF powers off the partition,
 * SYSTEM_RESET reboots it and CPU_OFF stops the caller (power events the
 * core serves, EXIT_POWER), CPU_ON starts one of its own vCPUs. Anything
 * else answers NOT_SUPPORTED, as firmware would.
 */
#include <bulkhead/partition.h>
#include <asm/guest.h>
#include <asm/psci.h>

#define PSCI_VERSION_0_2	0x00000002u
#define MIGRATE_NOT_REQUIRED	2
#define AFFINITY_ON		0
#define AFFINITY_OFF		1
#define AFFINITY_ON_PENDING	2

/* Our vCPUs' MPIDRs carry only Aff0 = vCPU index (see port_vcpu_reset). */
static int target_vcpu(const struct partition *p, uint32_t mpidr)
{
	if ((mpidr & 0x00ffff00u) || (mpidr & 0xffu) >= p->nvcpus)
		return -1;
	return mpidr & 0xffu;
}

static int32_t cpu_on(struct partition *p, uint32_t mpidr, uint32_t entry, uint32_t ctx)
{
	int idx = target_vcpu(p, mpidr);

	if (idx < 0)
		return PSCI_INVALID_PARAMETERS;
	switch (vcpu_power_on(&p->vcpu[idx], entry, ctx)) {
	case 0:
		return PSCI_SUCCESS;
	case VCPU_ERR_ALREADY_ON:
		/*
		 * Whether it already runs or an earlier CPU_ON started it and
		 * it has not run yet (VCPU_RUNNABLE): the PSCI spec allows
		 * ON_PENDING for the latter, but KVM and Xen answer
		 * ALREADY_ON, and strict test suites reject anything else.
		 * AFFINITY_INFO still tells the two apart.
		 */
		return PSCI_ALREADY_ON;
	default:
		return PSCI_INVALID_PARAMETERS;
	}
}

static int32_t affinity_info(const struct partition *p, uint32_t mpidr, uint32_t level)
{
	int idx = target_vcpu(p, mpidr);

	if (idx < 0 || level)
		return PSCI_INVALID_PARAMETERS;
	switch (p->vcpu[idx].state) {
	case VCPU_OFF:
		return AFFINITY_OFF;
	case VCPU_RUNNABLE:
		return AFFINITY_ON_PENDING;
	default:
		return AFFINITY_ON;
	}
}

static int32_t features(uint32_t fn)
{
	switch (fn) {
	case PSCI_VERSION: case PSCI_CPU_OFF: case PSCI_CPU_ON:
	case PSCI_AFFINITY_INFO: case PSCI_MIGRATE_INFO_TYPE:
	case PSCI_SYSTEM_OFF: case PSCI_SYSTEM_RESET: case PSCI_FEATURES:
		return 0;
	default:
		return PSCI_NOT_SUPPORTED;
	}
}

static bool power_exit(struct vm_exit *e, enum power_event event, const char *source)
{
	e->kind = EXIT_POWER;
	e->power.event = event;
	e->power.source = source;
	return true;
}

bool psci_guest_call(struct vcpu *v, struct vm_exit *e)
{
	struct arm_regs *r = &v->arch->regs;
	struct partition *p = v->part;
	uint32_t fn = r->r[0];
	int32_t ret;

	if (fn & PSCI_64BIT) {	/* SMC64 functions do not exist for AArch32 */
		r->r[0] = (uint32_t)PSCI_NOT_SUPPORTED;
		return false;
	}
	switch (fn) {
	case PSCI_VERSION:
		ret = PSCI_VERSION_0_2;
		break;
	case PSCI_CPU_ON:
		ret = cpu_on(p, r->r[1], r->r[2], r->r[3]);
		break;
	case PSCI_CPU_OFF:
		return power_exit(e, POWER_VCPU_OFF, NULL);
	case PSCI_AFFINITY_INFO:
		ret = affinity_info(p, r->r[1], r->r[2]);
		break;
	case PSCI_MIGRATE_INFO_TYPE:
		ret = MIGRATE_NOT_REQUIRED;
		break;
	case PSCI_FEATURES:
		ret = features(r->r[1]);
		break;
	case PSCI_SYSTEM_OFF:
		return power_exit(e, POWER_OFF, "PSCI SYSTEM_OFF");
	case PSCI_SYSTEM_RESET:
		return power_exit(e, POWER_RESET, "PSCI SYSTEM_RESET");
	default:
		ret = PSCI_NOT_SUPPORTED;
		break;
	}
	r->r[0] = (uint32_t)ret;
	return false;
}
