// SPDX-License-Identifier: MIT
/* Per-partition registry of emulated MMIO devices. */
#include <bulkhead/mmio.h>
#include <bulkhead/partition.h>

int mmio_register(struct partition *p, gpaddr_t base, uint64_t size,
		  const struct mmio_ops *ops, void *priv)
{
	struct mmio_device *d;

	if (p->nmmio == MMIO_MAX_DEVICES)
		return -1;
	d = &p->mmio[p->nmmio++];
	d->base = base;
	d->size = size;
	d->ops = ops;
	d->part = p;
	d->priv = priv;
	return 0;
}

struct mmio_device *mmio_find(struct partition *p, gpaddr_t addr, unsigned int size)
{
	for (unsigned int i = 0; i < p->nmmio; i++)
		if (range_contains(p->mmio[i].base, p->mmio[i].size, addr, size))
			return &p->mmio[i];
	return NULL;
}
