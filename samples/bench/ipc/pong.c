// SPDX-License-Identifier: MIT
/*
 * bench/ipc, "pong": answers ping's PINGPONG_ITERATIONS requests, each
 * after sleeping until ping's doorbell, and adds up how long each ring
 * took to reach its doorbell handler (pingpong.h).
 */
#include <stdio.h>
#include <stdlib.h>

#include "pingpong.h"

int main(void)
{
	struct doorbell db;
	struct pingpong *pp = pingpong_open(&db);
	uint64_t oneway = 0;

	if (!pp)
		return EXIT_FAILURE;
	pp->ready = 1;
	doorbell_ring(&db);
	for (uint32_t seq = 1; seq <= PINGPONG_ITERATIONS; seq++) {
		pingpong_wait(&pp->request, seq);
		oneway += pingpong_woken_at - pp->sent_at;
		if (seq == PINGPONG_ITERATIONS)
			pp->oneway_ticks = oneway;
		pp->reply = seq;
		doorbell_ring(&db);
	}
	printf("bench: pong done\n");
	return EXIT_SUCCESS;
}
