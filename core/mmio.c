// SPDX-License-Identifier: MIT
/*
 * Per-partition registry of emulated MMIO devices, its lookup, and the
 * MMIO exit. The common access goes through mmio_emulate() (mmio.h).
 */
#include <bulkhead/health.h>
#include <bulkhead/mmio.h>
#include <bulkhead/partition.h>

int mmio_register(struct partition *p, gpaddr_t base, uint64_t size,
		  const struct mmio_ops *ops, void *priv)
{
	struct mmio_bus *bus = &p->mmio;
	struct mmio_device *d;

	if (bus->count == MMIO_MAX_DEVICES || !size || size > MMIO_MAX_WINDOW ||
	    partition_map_region(p, &(struct guest_region){ .gpa = base, .size = size,
				 .flags = GUEST_EMULATED | PT_RW | PT_DEVICE }))
		return -1;
	d = &bus->dev[bus->count++];
	d->base = base;
	d->last = base + size - 1;
	d->ops = ops;
	d->part = p;
	d->priv = priv;
	return 0;
}

struct mmio_device *mmio_lookup(struct mmio_bus *bus, gpaddr_t addr, gpaddr_t last)
{
	struct mmio_device *d = bus->dev, *end = d + bus->count;

	for (; d < end; d++) {
		if (addr >= d->base && last <= d->last) {
			__atomic_store_n(&bus->recent, d, __ATOMIC_RELAXED);
			return d;
		}
	}
	return NULL;
}

enum exit_action mmio_handle_exit(struct vcpu *v, struct vm_exit *e)
{
	switch (mmio_emulate(&v->part->mmio, &e->mmio)) {
	case MMIO_NO_DEVICE:
		return health_fault(v, FAULT_UNMAPPED_ACCESS, e->mmio.write ? "write" : "read",
				    e->pc, e->mmio.addr, e->syndrome);
	case MMIO_REFUSED:
		return health_fault(v, FAULT_UNDECODABLE_ACCESS, "refused by the device model",
				    e->pc, e->mmio.addr, e->syndrome);
	}
	return EXIT_RESUME;
}
