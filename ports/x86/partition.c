// SPDX-License-Identifier: MIT
/*
 * A partition's SVM state: its nested page tables, built by the core's
 * page-table engine from the partition's regions as they are mapped, its
 * ASID (partition id + 1: ASID 0 is the host's) and the permission maps
 * its vCPUs share. Every port and every MSR exits except the MSRs VMRUN,
 * VMLOAD and VMSAVE switch with the guest (its segment bases, syscall and
 * sysenter MSRs, PAT as G_PAT), which are the guest's own.
 * Its interrupts are its vCPUs' emulated local APICs' (vlapic_hw.c).
 */
#include <bulkhead/console.h>
#include <bulkhead/page_alloc.h>
#include <bulkhead/partition.h>
#include <bulkhead/pio.h>
#include <bulkhead/port.h>
#include <asm/perm_map.h>
#include <asm/svm.h>
#include <asm/vcpu.h>
#include <asm/x86.h>

#define MSR_SYSENTER_CS		0x174
#define MSR_SYSENTER_ESP	0x175
#define MSR_SYSENTER_EIP	0x176

/* A vCPU's state goes with its CPU: each CPU runs at most one vCPU. */
static struct arch_partition arch_partitions[MAX_PARTITIONS];
static struct arch_vcpu arch_vcpus[CFG_MAX_CPUS];

static const uint32_t guest_owned_msrs[] = {
	MSR_FS_BASE, MSR_GS_BASE, MSR_KERNEL_GS_BASE, MSR_STAR, MSR_LSTAR, MSR_CSTAR,
	MSR_SFMASK, MSR_SYSENTER_CS, MSR_SYSENTER_ESP, MSR_SYSENTER_EIP, MSR_PAT,
};

static int permission_maps(struct arch_partition *a)
{
	a->iopm = page_pool_alloc(&hv_pool, IOPM_SIZE, PAGE_SIZE, &a->iopm_pa);
	a->msrpm = page_pool_alloc(&hv_pool, MSRPM_SIZE, PAGE_SIZE, &a->msrpm_pa);
	if (!a->iopm || !a->msrpm)
		return -1;
	iopm_init(a->iopm);
	msrpm_init(a->msrpm);
	for (unsigned int i = 0; i < ARRAY_SIZE(guest_owned_msrs); i++)
		msrpm_allow(a->msrpm, guest_owned_msrs[i], true, true);
	return 0;
}

static int vcpu_init(struct vcpu *v)
{
	struct arch_vcpu *a = &arch_vcpus[v->cpu];
	paddr_t pa;

	v->arch = a;
	a->vcpu = v;
	a->vmcb = page_pool_alloc(&hv_pool, sizeof(struct vmcb), PAGE_SIZE, &pa);
	a->vmcb_pa = pa;
	return a->vmcb ? 0 : -1;
}

int port_io_passthrough(struct partition *p, uint32_t base, uint32_t count)
{
	if (base >= PIO_PORTS || count > PIO_PORTS - base)
		return -1;
	iopm_allow(p->arch->iopm, base, count);
	return 0;
}

int port_partition_init(struct partition *p)
{
	struct arch_partition *a = &arch_partitions[p->id];

	p->arch = a;
	for (unsigned int i = 0; i < p->nvcpus; i++)
		if (vcpu_init(&p->vcpu[i])) {
			hv_printf("%s: no memory for its vCPUs' VMCBs", p->name);
			return -1;
		}
	a->asid = p->id + 1;
	if (a->asid >= svm_nr_asids) {
		hv_printf("%s: partition %u needs ASID %u; this CPU has %u", p->name, p->id,
			  a->asid, svm_nr_asids);
		return -1;
	}
	if (pt_init(&a->npt, svm_npt_format, &hv_table_allocator) || permission_maps(a)) {
		hv_printf("%s: no memory for its nested page tables or permission maps", p->name);
		return -1;
	}
	return 0;
}

int port_guest_map(struct partition *p, gpaddr_t gpa, paddr_t pa,
		   uint64_t size, unsigned int attrs)
{
	return pt_map_range(&p->arch->npt, gpa, pa, size, attrs);
}
