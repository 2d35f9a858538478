/* SPDX-License-Identifier: MIT */
/* smp-psci, the "duo" partition: between duo.c and writeback.c. */
#ifndef SMP_PSCI_DUO_H
#define SMP_PSCI_DUO_H

#include <stdint.h>

/*
 * Load and store the emulated PL011 at @uart with writeback forms, which
 * trap without a syndrome, in ARM and Thumb state; print one line each.
 */
void check_mmio_writeback(uintptr_t uart);

#endif
