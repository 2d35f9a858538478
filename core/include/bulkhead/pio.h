/* SPDX-License-Identifier: MIT */
/*
 * Port-I/O emulation: each partition's port-I/O bus (iobus.h), port
 * range -> device model instance, and the EXIT_PIO path. Only x86 has
 * port I/O; the partition's bus stays empty on other ports, whose
 * validator refuses io-ports (port_limits.io_ports is 0).
 *
 * An access to a port with no device is what a PC's bus does with one:
 * a read gives all ones (0xff, 0xffff or 0xffffffff for its size), a
 * write is dropped, and nothing is reported, because PC guests probe
 * ports that may be absent (and write port 0x80 to wait) as a matter of
 * course. It touches nothing outside the partition either way: the
 * partition's ports are its own, emulated or passed through.
 */
#ifndef BULKHEAD_PIO_H
#define BULKHEAD_PIO_H

#include <bulkhead/exit.h>
#include <bulkhead/iobus.h>
#include <bulkhead/types.h>

#define PIO_PORTS		0x10000u	/* port numbers 0 to 0xffff */

struct partition;
struct vcpu;

/*
 * Boot CPU while partitions are created: ports [@port, @port + @count)
 * of @p's port-I/O bus, served by @ops on the instance @priv (offsets
 * from @port). 0, or -1: the bus is full, @count is 0, the range passes
 * port 0xffff or overlaps a device already registered.
 */
int pio_register(struct partition *p, uint32_t port, uint32_t count,
		 const struct io_ops *ops, void *priv);

/*
 * The access @a by @v on @bus, without an exit record (a port's fast
 * path, on @v's CPU, no locks held): 0 when done (a read's value in
 * a->value, no device answering all ones), IO_REFUSED when @a's size is
 * not 1, 2 or 4, it covers ports of a device and ports beyond it, or
 * the device model refused it; nothing is done then, and the port takes
 * the EXIT_PIO path, which reports it.
 */
int pio_emulate(struct vcpu *v, struct io_bus *bus, struct pio_access *a);

/*
 * From core_handle_exit() for EXIT_PIO, on @v's CPU: pio_emulate(), and
 * EXIT_RESUME, or for a refused access the health monitor's report and
 * its answer (the fault policy: EXIT_RESCHEDULE).
 */
enum exit_action pio_handle_exit(struct vcpu *v, struct vm_exit *e);

#endif
