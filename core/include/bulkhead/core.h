/* SPDX-License-Identifier: MIT */
/* Entry points of the core that a port's boot code calls, in this order. */
#ifndef BULKHEAD_CORE_H
#define BULKHEAD_CORE_H

#include <bulkhead/types.h>

/*
 * Boot CPU, first C code, MMU in its boot state: keep a private copy of
 * the board device tree (the loader's copy may sit in memory handed to
 * guests later), discover the board and bring up the console.
 */
void board_setup(void *board_fdt);

/*
 * The same for a board without a device tree (x86: the multiboot
 * information): @boot_info goes to bsp_discover() as it is, board.fdt
 * stays NULL and the BSP keeps from it what it needs before core_main()
 * hands the memory after the hypervisor's image to its page pool.
 */
void board_setup_info(const void *boot_info);

/*
 * Boot CPU, once the port has its own translation and interrupt setup:
 * parse the config, create partitions, start the other CPUs, boot the
 * partitions and run. Does not return.
 */
void __attribute__((noreturn)) core_main(void);

#endif
