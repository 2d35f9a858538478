/* SPDX-License-Identifier: MIT */
/* What the hypervisor learns about the board at boot (bsp_discover()). */
#ifndef BULKHEAD_BOARD_H
#define BULKHEAD_BOARD_H

#include <bulkhead/types.h>
#include <bulkhead/config.h>

/* A PCIe host bridge with ECAM configuration space (0 sizes: none). */
struct board_pci {
	paddr_t ecam_base;			/* configuration space, bus 0 first */
	uint64_t ecam_size;
	paddr_t mem32_base;			/* 32-bit memory window, as the CPU sees it */
	uint64_t mem32_bus;			/* ... and as PCI devices do (BAR values) */
	uint64_t mem32_size;
};

struct board_info {
	struct cfg_range ram[CFG_MAX_BANKS];
	unsigned int nram;
	uint64_t cpu_hwid[CFG_MAX_CPUS];	/* e.g. MPIDR affinity from /cpus/cpu@N/reg */
	unsigned int ncpus;
	paddr_t uart_base;
	paddr_t intc_base[4];			/* interrupt controller regions, port-defined order */
	struct cfg_range hv_mmio[10];		/* devices the hypervisor drives: never passed through */
	unsigned int nhv_mmio;
	struct cfg_range dma_masters[CFG_MAX_DMA_MASTERS];	/* devices that master the bus */
	unsigned int ndma_masters;
	struct board_pci pci;
	const void *fdt;			/* the hypervisor's own copy of the board tree */
};

extern struct board_info board;

#endif
