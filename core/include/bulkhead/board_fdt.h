/* SPDX-License-Identifier: MIT */
/*
 * Reading a board device tree into struct board_info: the pieces every
 * board's bsp_discover() shares (bsp/common/board_fdt.c). Boot CPU, from
 * bsp_discover() and bsp_find_dma_masters(), no locks.
 */
#ifndef BULKHEAD_BOARD_FDT_H
#define BULKHEAD_BOARD_FDT_H

#include <libfdt.h>
#include <bulkhead/board.h>

/* A number of @n (at most 2) big-endian cells. */
uint64_t board_fdt_cells(const fdt32_t *cell, int n);

/*
 * The @idx-th (address, size) pair of @node's reg, for a node directly
 * under the root: read with the root's #address-cells and #size-cells.
 * 0, or -1 when there is no such pair.
 */
int board_fdt_reg(const void *fdt, int node, int idx, uint64_t *base, uint64_t *size);

/*
 * The same for a node anywhere: read with its parent's cells and
 * translated to a CPU address through the `ranges` of every bus above it
 * (-1 also when an address lies outside them). Dearer: libfdt finds a
 * parent by walking the tree from its start.
 */
int board_fdt_bus_reg(const void *fdt, int node, int idx, uint64_t *base, uint64_t *size);

/* Every bank of every device_type "memory" node into info->ram. */
void board_fdt_memory(const void *fdt, struct board_info *info);

/*
 * The CPUs of /cpus into info->cpu_hwid (their reg) and, for an ePAPR
 * spin table, info->cpu_release_addr (their cpu-release-addr). At least
 * one CPU: hwid 0 when /cpus has none.
 */
void board_fdt_cpus(const void *fdt, struct board_info *info);

/* The node /chosen/stdout-path names, or the first compatible with @compat */
int board_fdt_stdout_node(const void *fdt, const char *compat);

/* Record a device the hypervisor drives (never passed through), once */
void board_add_hv_mmio(struct board_info *info, uint64_t base, uint64_t size);

/*
 * Add @base/@size to the DMA masters, joined to a range it touches. When
 * the table is full the last range grows to cover it: refusing too much
 * is safe, missing a master is not.
 */
void board_add_dma_master(struct board_info *info, uint64_t base, uint64_t size);

#endif
