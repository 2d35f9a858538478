// SPDX-License-Identifier: MIT
/*
 * A partition's Book E state. There is no hardware translation to build:
 * the guest map is the core's region list, which the shadow TLB consults
 * on every miss (storage.c), so mapping a region records nothing here.
 */
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <asm/vcpu.h>

/* A vCPU's state goes with its CPU: each CPU runs at most one vCPU. */
static struct arch_partition arch_partitions[MAX_PARTITIONS];
static struct arch_vcpu arch_vcpus[CFG_MAX_CPUS];

int port_partition_init(struct partition *p)
{
	p->arch = &arch_partitions[p->id];
	for (unsigned int i = 0; i < p->nvcpus; i++) {
		struct vcpu *v = &p->vcpu[i];

		v->arch = &arch_vcpus[v->cpu];
		v->arch->vcpu = v;
	}
	return 0;
}

int port_guest_map(struct partition *p, gpaddr_t gpa, paddr_t pa,
		   uint64_t size, unsigned int attrs)
{
	(void)p, (void)gpa, (void)pa, (void)size, (void)attrs;
	return 0;
}
