/* SPDX-License-Identifier: MIT */
/*
 * What an x86 board's support (bsp/pc/) tells the port beyond struct
 * board_info. Set by bsp_discover() on the boot CPU, read-only after.
 */
#ifndef ASM_X86_BOARD_H
#define ASM_X86_BOARD_H

#include <stdint.h>

/*
 * The TSC's rate in Hz, measured against the board's ACPI PM timer; 0:
 * unknown. Defined with its one reader, the guests' device trees
 * (guest_fdt.c), which the host tool links without a board.
 */
extern uint64_t x86_board_tsc_hz;

#endif
