// SPDX-License-Identifier: MIT
/*
 * Per-partition registry of emulated MMIO devices, and the MMIO exit: on
 * the path of every trapped device access, so kept short.
 */
#include <bulkhead/health.h>
#include <bulkhead/mmio.h>
#include <bulkhead/partition.h>

#define MMIO_MAX_WINDOW		(1ull << 32)

int mmio_register(struct partition *p, gpaddr_t base, uint64_t size,
		  const struct mmio_ops *ops, void *priv)
{
	struct mmio_device *d;

	if (p->nmmio == MMIO_MAX_DEVICES || size > MMIO_MAX_WINDOW)
		return -1;
	d = &p->mmio[p->nmmio++];
	d->base = base;
	d->size = size;
	d->ops = ops;
	d->part = p;
	d->priv = priv;
	return 0;
}

/* The device covering [addr, addr + size), or NULL; *off set when found. */
static struct mmio_device *mmio_find(struct partition *p, gpaddr_t addr, unsigned int size,
				     uint32_t *off)
{
	struct mmio_device *d = p->mmio, *end = d + p->nmmio;

	for (; d < end; d++) {
		uint64_t rel = addr - d->base;

		if (rel < d->size && d->size - rel >= size) {
			*off = (uint32_t)rel;
			return d;
		}
	}
	return NULL;
}

int mmio_emulate(struct partition *p, struct mmio_access *a)
{
	uint32_t off;
	struct mmio_device *dev = mmio_find(p, a->addr, a->size, &off);

	if (!dev)
		return MMIO_NO_DEVICE;
	if (a->write ? dev->ops->write(dev, off, a->size, a->value) :
		       dev->ops->read(dev, off, a->size, &a->value))
		return MMIO_REFUSED;
	return 0;
}

enum exit_action mmio_handle_exit(struct vcpu *v, struct vm_exit *e)
{
	switch (mmio_emulate(v->part, &e->mmio)) {
	case MMIO_NO_DEVICE:
		health_fault(v, FAULT_UNMAPPED_ACCESS, e->mmio.write ? "write" : "read",
			     e->pc, e->mmio.addr, e->syndrome);
		return EXIT_RESCHEDULE;
	case MMIO_REFUSED:
		health_fault(v, FAULT_UNDECODABLE_ACCESS, "refused by the device model",
			     e->pc, e->mmio.addr, e->syndrome);
		return EXIT_RESCHEDULE;
	}
	return EXIT_RESUME;
}
