/* SPDX-License-Identifier: MIT */
/*
 * MMIO emulation registry: per partition, guest-physical range -> device
 * model. Device models are arch-neutral; ports only deliver accesses.
 */
#ifndef BULKHEAD_MMIO_H
#define BULKHEAD_MMIO_H

#include <bulkhead/exit.h>
#include <bulkhead/types.h>

#define MMIO_MAX_DEVICES	8
#define MMIO_MAX_WINDOW		(1ull << 32)	/* offsets are 32-bit */

struct mmio_device;
struct partition;
struct vcpu;

struct mmio_ops {
	/* @off is relative to the device base (a window is at most 4 GiB).
	 * Return 0, or -1 to refuse the access (the health monitor then
	 * reports a fault). Refuse before any effect: a port's fast path
	 * may hand a refused access to the ordinary exit path, which asks
	 * again to report it. Called by the CPU running the accessing
	 * vCPU, no locks held. */
	int (*read)(struct mmio_device *dev, uint32_t off, unsigned int size, uint64_t *val);
	int (*write)(struct mmio_device *dev, uint32_t off, unsigned int size, uint64_t val);
};

struct mmio_device {
	gpaddr_t base;
	gpaddr_t last;		/* its last byte: the lookup compares with it */
	const struct mmio_ops *ops;
	struct partition *part;
	void *priv;
};

/*
 * A partition's emulated devices. @recent is the device the last access
 * found, looked at first: a driver mostly works one device at a time
 * (polls a status register, then writes data), so the common access
 * costs one range check whatever the number of devices. Any vCPU of the
 * partition may set it; a word, so a stale value is only a slower lookup.
 */
struct mmio_bus {
	struct mmio_device dev[MMIO_MAX_DEVICES];
	unsigned int count;
	struct mmio_device *recent;
};

/*
 * Boot CPU while partitions are created (port_partition_init() too):
 * the device, and its window in the partition's guest map as an emulated
 * region. 0, or -1: full, @size 0 or above 4 GiB, or the window overlaps
 * a region of the partition (partition_map_region() said which).
 */
int mmio_register(struct partition *p, gpaddr_t base, uint64_t size,
		  const struct mmio_ops *ops, void *priv);

#define MMIO_NO_DEVICE		(-1)
#define MMIO_REFUSED		(-2)

/*
 * The device covering [@addr, @last], found by scanning @bus, which then
 * remembers it as recent; NULL if none. For mmio_emulate().
 */
struct mmio_device *mmio_lookup(struct mmio_bus *bus, gpaddr_t addr, gpaddr_t last);

/*
 * A port's fast path for the common device access, on the accessing
 * vCPU's CPU with no exit record: 0 when the device at a->addr did it (a
 * read's value in a->value), else MMIO_NO_DEVICE or MMIO_REFUSED, with
 * nothing done: the port then takes the EXIT_MMIO path, which reports it.
 * Inline, being on the path of every trapped device access. Guest
 * physical addresses are far below 2^64 on every port, so the access's
 * last byte does not wrap.
 */
static inline int mmio_emulate(struct mmio_bus *bus, struct mmio_access *a)
{
	gpaddr_t last = a->addr + (a->size - 1);
	struct mmio_device *d = __atomic_load_n(&bus->recent, __ATOMIC_RELAXED);
	uint32_t off;

	if (!d || a->addr < d->base || last > d->last) {
		d = mmio_lookup(bus, a->addr, last);
		if (!d)
			return MMIO_NO_DEVICE;
	}
	off = (uint32_t)(a->addr - d->base);
	if (a->write ? d->ops->write(d, off, a->size, a->value) :
		       d->ops->read(d, off, a->size, &a->value))
		return MMIO_REFUSED;
	return 0;
}

/*
 * From core_handle_exit() for EXIT_MMIO, on @v's CPU: the device model
 * covering the access does it. EXIT_RESUME (a read's value in
 * e->mmio.value), or after the health monitor's report what it answered:
 * EXIT_ABORT for an address with no device in a partition that takes
 * those as aborts, else EXIT_RESCHEDULE.
 */
enum exit_action mmio_handle_exit(struct vcpu *v, struct vm_exit *e);

#endif
