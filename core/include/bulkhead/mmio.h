/* SPDX-License-Identifier: MIT */
/*
 * MMIO emulation: each partition's MMIO bus (iobus.h), guest-physical
 * range -> device model instance, and the EXIT_MMIO path.
 */
#ifndef BULKHEAD_MMIO_H
#define BULKHEAD_MMIO_H

#include <bulkhead/exit.h>
#include <bulkhead/iobus.h>
#include <bulkhead/types.h>

#define MMIO_MAX_DEVICES	IO_BUS_MAX_DEVICES
#define MMIO_MAX_WINDOW		(1ull << 32)	/* offsets are 32-bit */

struct partition;
struct vcpu;

/*
 * Boot CPU while partitions are created (port_partition_init() too):
 * the window [@base, @base + @size) on @p's MMIO bus, served by @ops on
 * the instance @priv, and the window in the partition's guest map as an
 * emulated region. 0, or -1: the bus is full, @size 0 or above 4 GiB, or
 * the window overlaps a region of the partition (partition_map_region()
 * said which).
 */
int mmio_register(struct partition *p, gpaddr_t base, uint64_t size,
		  const struct io_ops *ops, void *priv);

/*
 * A port's fast path for the common device access by @v, on its CPU
 * with no exit record: 0 when the device at a->addr did it (a read's
 * value in a->value), else IO_NO_DEVICE or IO_REFUSED, with nothing
 * done: the port then takes the EXIT_MMIO path, which reports it.
 */
static inline int mmio_emulate(struct vcpu *v, struct io_bus *bus, struct mmio_access *a)
{
	return io_bus_emulate(bus, v, a->addr, a->size, a->write, &a->value);
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
