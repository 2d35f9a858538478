/* SPDX-License-Identifier: MIT */
/*
 * A guest's periodic tick, for guest_overhead: the compute kernel runs
 * with the virtual timer interrupting it every millisecond, as under an
 * RTOS or Linux with HZ=1000. The same code (tick.c, tick_vectors.S) runs
 * in the benchmark partition and natively, so the two instruction counts
 * differ by what the hypervisor adds to each interrupt, nothing else.
 */
#ifndef SAMPLES_BENCH_TICK_H
#define SAMPLES_BENCH_TICK_H

#include <stdint.h>

#define TICK_HZ		1000

/*
 * Start ticking through the GICv2 distributor @gicd and CPU interface
 * @gicc (under the hypervisor: the emulated distributor and the virtual
 * CPU interface), first tick one period from now. Installs its own
 * vector table until tick_stop().
 */
void tick_start(uintptr_t gicd, uintptr_t gicc);

/* Stop, put the vector table back; the ticks taken since tick_start(). */
uint32_t tick_stop(void);

#endif
