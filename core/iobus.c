// SPDX-License-Identifier: MIT
/*
 * A bus of emulated device instances (iobus.h): registration, lookup and
 * reset, shared by the MMIO bus (mmio.c) and the port-I/O bus (pio.c).
 * The common access goes through io_bus_emulate() (iobus.h).
 */
#include <bulkhead/iobus.h>

int io_bus_add(struct io_bus *bus, uint64_t base, uint64_t size, uint64_t max_size,
	       const struct io_ops *ops, void *priv)
{
	struct io_device *d;

	if (bus->count == IO_BUS_MAX_DEVICES || !size || size > max_size ||
	    base + (size - 1) < base || io_bus_touches(bus, base, base + (size - 1)))
		return -1;
	d = &bus->dev[bus->count++];
	d->base = base;
	d->last = base + (size - 1);
	d->ops = ops;
	d->priv = priv;
	return 0;
}

struct io_device *io_bus_lookup(struct io_bus *bus, uint64_t addr, uint64_t last)
{
	struct io_device *d = bus->dev, *end = d + bus->count;

	for (; d < end; d++) {
		if (addr >= d->base && last <= d->last) {
			__atomic_store_n(&bus->recent, d, __ATOMIC_RELAXED);
			return d;
		}
	}
	return NULL;
}

bool io_bus_touches(const struct io_bus *bus, uint64_t addr, uint64_t last)
{
	for (unsigned int i = 0; i < bus->count; i++)
		if (addr <= bus->dev[i].last && bus->dev[i].base <= last)
			return true;
	return false;
}

void io_bus_reset(struct io_bus *bus)
{
	for (unsigned int i = 0; i < bus->count; i++)
		if (bus->dev[i].ops->reset)
			bus->dev[i].ops->reset(&bus->dev[i]);
}
