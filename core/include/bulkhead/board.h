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

/* Registers of a board device at a physical address; size 0: absent. */
struct board_mmio {
	paddr_t base;
	uint64_t size;
};

/*
 * The interrupt controller's register blocks by role. A port uses those
 * its controller has: GICv2 all four, an MPIC or IOAPIC the distributor,
 * a local APIC the CPU interface.
 */
struct board_intc {
	struct board_mmio distributor;		/* routes device interrupts (GICD, MPIC) */
	struct board_mmio cpu_interface;	/* a CPU's acknowledge and EOI (GICC) */
	struct board_mmio hyp_control;		/* virtual interface control (GICH) */
	struct board_mmio virtual_cpu;		/* the guest's CPU interface (GICV) */
};

struct board_info {
	struct cfg_range ram[CFG_MAX_BANKS];
	unsigned int nram;
	uint64_t cpu_hwid[CFG_MAX_CPUS];	/* e.g. MPIDR affinity from /cpus/cpu@N/reg */
	unsigned int ncpus;
	uint64_t cpu_release_addr[CFG_MAX_CPUS];	/* ePAPR spin table entry, 0: none */
	struct board_mmio uart;			/* the hypervisor's console */
	struct board_intc intc;
	struct cfg_range hv_mmio[16];		/* devices the hypervisor drives: never passed through */
	unsigned int nhv_mmio;
	struct cfg_range dma_masters[CFG_MAX_DMA_MASTERS];	/* devices that master the bus */
	unsigned int ndma_masters;
	struct board_pci pci;
	const void *fdt;			/* the hypervisor's own copy of the board tree */
};

extern struct board_info board;

#endif
