// SPDX-License-Identifier: MIT
/*
 * Partition configuration: port I/O (io-ports), part of config_validate().
 *
 * Ports are a space of their own beside guest-physical addresses: an
 * emulated console's ports are the partition's alone (another partition
 * may use the same numbers for its own), a passthrough device's are the
 * machine's, given to one partition as they are. A port whose limits
 * say it has no port I/O (every port but x86's) refuses every io-ports,
 * and the board's hypervisor-io-ports. No 4 KiB rule: a port is a byte.
 * Like config_check.c: no allocation, no output.
 */
#include <libfdt.h>

#include <bulkhead/port.h>

#include "config_internal.h"

/* Ports of partition @pi: its console's, then each device's. */
static int partition_io_span(const struct config *cfg, unsigned int pi,
			     unsigned int i, struct span *s)
{
	const struct cfg_partition *p = &cfg->part[pi];
	const struct cfg_device *d;

	if (i == 0)
		return p->has_console && p->console_io.size ?
		       set_span(s, p->console_io.base, p->console_io.size,
				p->console_node, "io-ports") : 0;
	if (--i >= CFG_MAX_DEVICES)
		return -1;
	d = &p->dev[i];
	return i < p->ndev && d->io.size ?
	       set_span(s, d->io.base, d->io.size, d->node, "io-ports") : 0;
}

/* The machine's ports that the config passes through: every partition's devices'. */
static int passthrough_io_span(const struct config *cfg, unsigned int set,
			       unsigned int i, struct span *s)
{
	unsigned int pi = i / CFG_MAX_DEVICES, di = i % CFG_MAX_DEVICES;

	(void)set;
	if (pi >= CFG_MAX_PARTITIONS)
		return -1;
	if (pi >= cfg->npart)
		return 0;
	return partition_io_span(cfg, pi, 1 + di, s);
}

/* The board's own: its hypervisor-io-ports. */
static int board_io_span(const struct config *cfg, unsigned int set,
			 unsigned int i, struct span *s)
{
	const struct cfg_board *b = &cfg->board;

	(void)set;
	if (i >= CFG_MAX_BANKS)
		return -1;
	if (i >= b->nhv_io_ports)
		return 0;
	return set_span(s, b->hv_io_ports[i].base, b->hv_io_ports[i].size,
			fdt_subnode_offset(cfg->fdt, 0, "board"), "hypervisor-io-ports");
}

/* Each port range of @next is one the port has. */
static int check_ports_exist(const struct config *cfg, struct config_error *err,
			     span_fn next, unsigned int set)
{
	unsigned int ports = port_limits.io_ports;
	struct span s;
	int rc;

	for (unsigned int i = 0; (rc = next(cfg, set, i, &s)) >= 0; i++) {
		if (!rc)
			continue;
		if (!ports)
			return cfg_fail(cfg, err, s.node, s.prop, "this port has no port I/O");
		if (s.base + s.size > ports)
			return cfg_fail(cfg, err, s.node, s.prop,
					"ports 0x%llx-0x%llx are beyond the %u ports this port has",
					(unsigned long long)s.base,
					(unsigned long long)(s.base + s.size - 1), ports);
	}
	return 0;
}

/* No passthrough device has a port the hypervisor drives. */
static int check_hv_ports(const struct config *cfg, struct config_error *err)
{
	const struct cfg_board *b = &cfg->board;
	const struct cfg_range *r;
	struct span s;
	int rc;

	for (unsigned int i = 0; (rc = passthrough_io_span(cfg, 0, i, &s)) >= 0; i++) {
		if (!rc)
			continue;
		r = find_range(b->hv_io_ports, b->nhv_io_ports, s.base, s.size, false);
		if (r)
			return range_fail(cfg, err, &s, "the hypervisor's ports", r, "");
	}
	return 0;
}

int config_check_io(const struct config *cfg, struct config_error *err)
{
	if (check_ports_exist(cfg, err, board_io_span, 0))
		return -1;
	for (unsigned int pi = 0; pi < cfg->npart; pi++)
		if (check_ports_exist(cfg, err, partition_io_span, pi) ||
		    check_disjoint(cfg, err, partition_io_span, pi, "port range"))
			return -1;
	if (check_disjoint(cfg, err, passthrough_io_span, 0, "port range"))
		return -1;
	return check_hv_ports(cfg, err);
}
