/* SPDX-License-Identifier: MIT */
/*
 * A bus of emulated devices: per partition, address range -> device
 * model instance. Each partition has two, the same code: its MMIO bus
 * (guest-physical addresses, mmio.h) and its port-I/O bus (x86's IN/OUT
 * ports, pio.h). A device model is a struct io_ops; an instance of it is
 * its own state, the @priv of each window it is registered with, so a
 * partition may have several of one model, on either bus. Device models
 * are arch-neutral; ports only deliver accesses.
 */
#ifndef BULKHEAD_IOBUS_H
#define BULKHEAD_IOBUS_H

#include <bulkhead/types.h>

#define IO_BUS_MAX_DEVICES	8

struct io_device;
struct vcpu;

struct io_ops {
	/*
	 * One access of @size bytes (1, 2, 4 or 8) at @off from the
	 * window's base, by vCPU @v of the partition the bus is (its
	 * index is the accessing CPU interface for banked registers).
	 * Return 0, or -1 to refuse the access (the health monitor then
	 * reports a fault). Refuse before any effect: a port's fast path
	 * may hand a refused access to the ordinary exit path, which asks
	 * again to report it. Called on the CPU running @v, no locks held;
	 * other vCPUs of the partition may access the same instance at
	 * the same time, so a model with state that several vCPUs share
	 * locks it itself or says why it need not.
	 */
	int (*read)(struct io_device *dev, struct vcpu *v, uint32_t off,
		    unsigned int size, uint64_t *val);
	int (*write)(struct io_device *dev, struct vcpu *v, uint32_t off,
		     unsigned int size, uint64_t val);
	/*
	 * Optional: put the instance back in its reset state, its
	 * interrupt lines low. io_bus_reset() calls it at every boot of
	 * the partition, on the CPU booting it, holding p->lock, with no
	 * vCPU of the partition running.
	 */
	void (*reset)(struct io_device *dev);
};

/* One registered window: [base, last] of a bus, served by @ops on @priv. */
struct io_device {
	uint64_t base;
	uint64_t last;		/* its last address: the lookup compares with it */
	const struct io_ops *ops;
	void *priv;		/* the instance */
};

/*
 * A partition's emulated devices on one bus, no two windows overlapping.
 * @recent is the device the last access found, looked at first: a driver
 * mostly works one device at a time (polls a status register, then writes
 * data), so the common access costs one range check whatever the number
 * of devices. Any vCPU of the partition may set it; a word, so a stale
 * value is only a slower lookup. Written only while the partition is
 * created (boot CPU), read-only afterwards but for @recent.
 */
struct io_bus {
	struct io_device dev[IO_BUS_MAX_DEVICES];
	unsigned int count;
	struct io_device *recent;
};

/*
 * Add a window of @size addresses at @base to @bus, served by @ops on
 * the instance @priv. 0, or -1: the bus is full, @size is 0 or above
 * @max_size, or the window wraps or overlaps one already there. Boot CPU
 * while partitions are created; for mmio_register() and pio_register(),
 * which say what the window is on their bus.
 */
int io_bus_add(struct io_bus *bus, uint64_t base, uint64_t size, uint64_t max_size,
	       const struct io_ops *ops, void *priv);

/*
 * The device covering [@addr, @last], found by scanning @bus, which then
 * remembers it as recent; NULL if none. For io_bus_emulate().
 */
struct io_device *io_bus_lookup(struct io_bus *bus, uint64_t addr, uint64_t last);

/* Whether any device of @bus has an address in [@addr, @last]. Any CPU. */
bool io_bus_touches(const struct io_bus *bus, uint64_t addr, uint64_t last);

/* Reset every instance on @bus that has a reset (struct io_ops). */
void io_bus_reset(struct io_bus *bus);

#define IO_NO_DEVICE		(-1)
#define IO_REFUSED		(-2)

/*
 * The access of @size bytes at @addr by @v, done by the device whose
 * window holds all of it: 0 (a read's value in *@value), IO_NO_DEVICE
 * with nothing done, or IO_REFUSED when the model refused it (also with
 * nothing done). On the accessing vCPU's CPU, no locks held. Inline,
 * being on the path of every trapped device access (mmio_emulate(),
 * pio_emulate()). Addresses on every bus are far below 2^64, so the
 * access's last address does not wrap.
 */
static inline int io_bus_emulate(struct io_bus *bus, struct vcpu *v, uint64_t addr,
				 unsigned int size, bool write, uint64_t *value)
{
	uint64_t last = addr + (size - 1);
	struct io_device *d = __atomic_load_n(&bus->recent, __ATOMIC_RELAXED);
	uint32_t off;

	if (!d || addr < d->base || last > d->last) {
		d = io_bus_lookup(bus, addr, last);
		if (!d)
			return IO_NO_DEVICE;
	}
	off = (uint32_t)(addr - d->base);
	if (write ? d->ops->write(d, v, off, size, *value) :
		    d->ops->read(d, v, off, size, value))
		return IO_REFUSED;
	return 0;
}

#endif
