// SPDX-License-Identifier: MIT
/*
 * Each partition's port-I/O bus and the port-I/O exit (pio.h): ports a
 * device model serves, all ones from the others.
 */
#include <bulkhead/health.h>
#include <bulkhead/partition.h>
#include <bulkhead/pio.h>

int pio_register(struct partition *p, uint32_t port, uint32_t count,
		 const struct io_ops *ops, void *priv)
{
	if (port >= PIO_PORTS)
		return -1;
	return io_bus_add(&p->pio, port, count, PIO_PORTS - port, ops, priv);
}

static bool pio_size_valid(unsigned int size)
{
	return size == 1 || size == 2 || size == 4;
}

int pio_emulate(struct vcpu *v, struct io_bus *bus, struct pio_access *a)
{
	uint64_t value = a->value;
	int err;

	if (!pio_size_valid(a->size))
		return IO_REFUSED;
	err = io_bus_emulate(bus, v, a->port, a->size, a->write, &value);
	if (err == IO_NO_DEVICE) {
		/* Half on a device, half beyond it: not the floating bus */
		if (io_bus_touches(bus, a->port, a->port + (a->size - 1u)))
			return IO_REFUSED;
		value = ~0ull;
	} else if (err) {
		return err;
	}
	if (!a->write)
		a->value = (uint32_t)(value & (~0ull >> (64 - 8 * a->size)));
	return 0;
}

enum exit_action pio_handle_exit(struct vcpu *v, struct vm_exit *e)
{
	if (!pio_emulate(v, &v->part->pio, &e->pio))
		return EXIT_RESUME;
	return health_fault(v, FAULT_UNDECODABLE_ACCESS,
			    e->pio.write ? "port write refused" : "port read refused",
			    e->pc, e->pio.port, e->syndrome);
}
