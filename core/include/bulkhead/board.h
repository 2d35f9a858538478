/* SPDX-License-Identifier: MIT */
/* What the hypervisor learns about the board at boot (bsp_discover()). */
#ifndef BULKHEAD_BOARD_H
#define BULKHEAD_BOARD_H

#include <bulkhead/types.h>
#include <bulkhead/config.h>

struct board_info {
	struct cfg_range ram[CFG_MAX_BANKS];
	unsigned int nram;
	uint64_t cpu_hwid[CFG_MAX_CPUS];	/* e.g. MPIDR affinity from /cpus/cpu@N/reg */
	unsigned int ncpus;
	paddr_t uart_base;
	paddr_t intc_base[4];			/* interrupt controller regions, port-defined order */
	struct cfg_range hv_mmio[6];		/* devices the hypervisor drives: never passed through */
	unsigned int nhv_mmio;
	const void *fdt;			/* the hypervisor's own copy of the board tree */
};

extern struct board_info board;

#endif
