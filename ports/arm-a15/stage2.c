// SPDX-License-Identifier: MIT
/*
 * Stage-2 translation for the Cortex-A15: LPAE tables built by the core's
 * page-table engine from the lpae_stage2_format description, one VMID
 * per partition.
 */
#include <bulkhead/page_alloc.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <asm/lpae.h>

#define VTTBR_VMID_SHIFT	48

int port_partition_init(struct partition *p)
{
	struct arch_partition *a = &p->arch;

	if (pt_init(&a->stage2, &lpae_stage2_format, &hv_table_allocator))
		return -1;
	/* VMID 0 is left unused so a stale VTTBR never matches a guest */
	a->vttbr = a->stage2.root_pa | ((uint64_t)(p->id + 1) << VTTBR_VMID_SHIFT);
	return 0;
}

int port_stage2_map(struct partition *p, gpaddr_t gpa, paddr_t pa,
		    uint64_t size, unsigned int attrs)
{
	return pt_map_range(&p->arch.stage2, gpa, pa, size, attrs);
}
