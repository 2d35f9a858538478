/* SPDX-License-Identifier: MIT */
/* Between the Book E benchmark guest's main part (bench.c) and tlb_miss.c. */
#ifndef SAMPLES_BENCH_PPC_BOOKE_BENCH_H
#define SAMPLES_BENCH_PPC_BOOKE_BENCH_H

#include <stdbool.h>
#include <stdint.h>

/* A loop of loops.S: @n iterations; the time base ticks they took. */
typedef uint32_t (*loop_fn)(uint32_t n, uintptr_t reg, uint32_t arg);

uint32_t loop_empty(uint32_t n, uintptr_t reg, uint32_t arg);
uint32_t loop_loads(uint32_t n, uintptr_t table, uint32_t count);

/* One "bench: result" line. */
void result(const char *metric, uint64_t value, const char *unit);

/* Say that @metric has no figure, and why, with two numbers behind it. */
void no_figure(const char *metric, const char *why, uint32_t a, uint32_t b);

/*
 * The instructions per operation of loop @with (on @with_reg) beyond loop
 * @without (on @without_reg), both given @arg, whose iterations have
 * @ops_per_iteration operations each. false, and said, when the
 * difference is no whole number per operation.
 */
bool measure_loops(const char *metric, loop_fn with, uintptr_t with_reg,
		   loop_fn without, uintptr_t without_reg, uint32_t arg,
		   uint32_t ops_per_iteration, uint32_t *per_op);

/* tlb_miss: a guest load that misses in the hardware TLB (tlb_miss.c). */
void measure_tlb_miss(void);

#endif
