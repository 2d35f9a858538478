/* SPDX-License-Identifier: MIT */
/*
 * MMIO emulation registry: per partition, guest-physical range -> device
 * model. Device models are arch-neutral; ports only deliver accesses.
 */
#ifndef BULKHEAD_MMIO_H
#define BULKHEAD_MMIO_H

#include <bulkhead/types.h>

#define MMIO_MAX_DEVICES	8

struct mmio_device;
struct partition;

struct mmio_ops {
	/* @off is relative to the device base. Return 0, or -1 to refuse
	 * the access (the health monitor then reports a fault). Called by
	 * the CPU running the accessing vCPU, no locks held. */
	int (*read)(struct mmio_device *dev, uint64_t off, unsigned int size, uint64_t *val);
	int (*write)(struct mmio_device *dev, uint64_t off, unsigned int size, uint64_t val);
};

struct mmio_device {
	gpaddr_t base;
	uint64_t size;
	const struct mmio_ops *ops;
	struct partition *part;
	void *priv;
};

/* Boot CPU while partitions are created. Returns 0 or -1 (full). */
int mmio_register(struct partition *p, gpaddr_t base, uint64_t size,
		  const struct mmio_ops *ops, void *priv);

/* The device covering [addr, addr+size), or NULL. */
struct mmio_device *mmio_find(struct partition *p, gpaddr_t addr, unsigned int size);

#endif
