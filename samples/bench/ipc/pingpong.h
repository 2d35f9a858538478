/* SPDX-License-Identifier: MIT */
/*
 * bench/ipc: what ping and pong share. Each iteration ping writes the
 * next sequence number and the physical count (CNTPCT, the one clock both
 * partitions read alike) into request, rings the doorbell and sleeps;
 * pong wakes in its doorbell handler, reads the count, adds the wait to
 * oneway_ticks, writes the same number to reply and rings back.
 */
#ifndef SAMPLES_BENCH_PINGPONG_H
#define SAMPLES_BENCH_PINGPONG_H

#include <stdbool.h>
#include <stdint.h>

#include "doorbell.h"
#include "irq.h"

#define PINGPONG_ITERATIONS	1000u

/* The start of the region, which the hypervisor zeroed at boot. */
struct pingpong {
	volatile uint32_t ready;	/* pong: set up (and rang), waiting for requests */
	volatile uint32_t request;	/* ping: sequence number, from 1 */
	volatile uint64_t sent_at;	/* ping: CNTPCT just before the ring */
	volatile uint32_t reply;	/* pong: the request it answers */
	volatile uint64_t oneway_ticks;	/* pong: sum of ring-to-handler ticks */
};

/* The CNTPCT of the last doorbell interrupt, read first thing in the handler. */
extern volatile uint64_t pingpong_woken_at;

/* Find the region, take its doorbell interrupt; NULL after printing why not. */
struct pingpong *pingpong_open(struct doorbell *db);

/* Sleep in WFI until *@word is @value; each doorbell interrupt wakes us. */
static inline void pingpong_wait(volatile uint32_t *word, uint32_t value)
{
	irq_mask();
	while (*word != value) {
		irq_wait();
		irq_unmask();
		irq_mask();
	}
	irq_unmask();
}

#endif
