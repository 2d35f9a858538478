/* SPDX-License-Identifier: MIT */
/*
 * Physical placement of the config's RAM (core/placement.c), shared by the
 * hypervisor and the host tool so that both place every region alike.
 */
#ifndef BULKHEAD_PLACEMENT_H
#define BULKHEAD_PLACEMENT_H

#include <bulkhead/config.h>

struct placement {
	paddr_t mem[CFG_MAX_PARTITIONS][CFG_MAX_REGIONS];	/* per partition, per region */
	paddr_t shm[CFG_MAX_SHM];
};

/*
 * Place every memory region and shared region of @cfg in @ram (less the
 * config's reserved ranges, the hypervisor and its package): fixed
 * placements first, then the others in config order, each at the lowest
 * free address aligned to the port's largest usable block. Returns 0, or
 * -1 with @err naming the region that does not fit and what is free.
 * Boot CPU while partitions are created, and the host tool.
 */
int config_place(const struct config *cfg, const struct cfg_range *ram, unsigned int nram,
		 struct placement *pl, struct config_error *err);

#endif
