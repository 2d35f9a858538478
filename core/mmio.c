// SPDX-License-Identifier: MIT
/*
 * Each partition's MMIO bus and the MMIO exit. The common access goes
 * through mmio_emulate() (mmio.h).
 */
#include <bulkhead/health.h>
#include <bulkhead/mmio.h>
#include <bulkhead/partition.h>

int mmio_register(struct partition *p, gpaddr_t base, uint64_t size,
		  const struct io_ops *ops, void *priv)
{
	if (io_bus_add(&p->mmio, base, size, MMIO_MAX_WINDOW, ops, priv))
		return -1;
	if (partition_map_region(p, &(struct guest_region){ .gpa = base, .size = size,
				 .flags = GUEST_EMULATED | PT_RW | PT_DEVICE })) {
		p->mmio.count--;	/* no vCPU runs yet: nothing found it */
		return -1;
	}
	return 0;
}

enum exit_action mmio_handle_exit(struct vcpu *v, struct vm_exit *e)
{
	switch (mmio_emulate(v, &v->part->mmio, &e->mmio)) {
	case IO_NO_DEVICE:
		return health_fault(v, FAULT_UNMAPPED_ACCESS, e->mmio.write ? "write" : "read",
				    e->pc, e->mmio.addr, e->syndrome);
	case IO_REFUSED:
		return health_fault(v, FAULT_UNDECODABLE_ACCESS, "refused by the device model",
				    e->pc, e->mmio.addr, e->syndrome);
	}
	return EXIT_RESUME;
}
