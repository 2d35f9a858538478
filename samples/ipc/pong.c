// SPDX-License-Identifier: MIT
/*
 * ipc, the "pong" partition: answers "ping"'s messages through the channel
 * in the memory both share. It sleeps until ping's doorbell interrupt
 * wakes it, then takes every message in the ring, since one interrupt
 * may stand for several rings. Each must carry exactly the next sequence
 * number and a matching checksum; the reply has the same sequence number
 * and the payload inverted, and rings ping's doorbell in turn.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "channel.h"
#include "guest.h"

static int answer(struct channel *ch, const struct ipc_msg *request)
{
	struct ipc_msg reply;

	reply.seq = request->seq;
	for (unsigned int i = 0; i < IPC_PAYLOAD_WORDS; i++)
		reply.payload[i] = ~request->payload[i];
	reply.crc = msg_crc(&reply);
	if (channel_send(ch, &reply)) {
		printf("pong: message %" PRIu32 " NOT answered: reply ring full\n",
		       request->seq);
		return -1;
	}
	return 0;
}

int main(void)
{
	struct channel ch;
	struct ipc_msg request;
	uint32_t verified = 0;

	if (channel_open(&ch, false))
		return EXIT_FAILURE;
	while (verified < IPC_MESSAGES) {
		if (!channel_receive(&ch, &request)) {
			if (channel_wait(&ch))
				continue;
			printf("pong: message %" PRIu32 " did NOT come within %u s\n",
			       verified, IPC_TIMEOUT_S);
			return EXIT_FAILURE;
		}
		if (!msg_verify(&request, verified) || answer(&ch, &request))
			return EXIT_FAILURE;
		if (++verified % IPC_PROGRESS_EVERY == 0 && verified < IPC_MESSAGES)
			printf("pong: %" PRIu32 " messages\n", verified);
	}
	printf("pong: %" PRIu32 " doorbell interrupts for %" PRIu32 " messages\n",
	       ch.interrupts, verified);
	printf("pong: %" PRIu32 " messages verified\n", verified);
	return EXIT_SUCCESS;
}
