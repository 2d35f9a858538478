// SPDX-License-Identifier: MIT
/*
 * ipc, the "ping" partition: sends IPC_MESSAGES messages to "pong" through
 * the channel in the memory both share and checks every reply.
 *
 * Message i carries sequence number i, a payload that follows from i and
 * the CRC-32 of both. Up to IPC_RING_SLOTS of them are on their way at
 * once; each is announced with a ring of the region's doorbell. pong
 * answers each with the same sequence number and the payload inverted,
 * which proves it read the payload. Replies must come back in order,
 * intact, and be what this side expects from what it sent. Between
 * replies ping sleeps until pong's doorbell interrupt wakes it.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "channel.h"
#include "guest.h"
#include "irq.h"

static void make_request(struct ipc_msg *m, uint32_t seq)
{
	m->seq = seq;
	pattern_fill(m->payload, IPC_PAYLOAD_WORDS, seq + 1);
	m->crc = msg_crc(m);
}

/* Reply @seq must be intact and carry request @seq's payload inverted. */
static bool reply_verify(const struct ipc_msg *reply, uint32_t seq)
{
	struct ipc_msg request;

	if (!msg_verify(reply, seq))
		return false;
	make_request(&request, seq);
	for (unsigned int i = 0; i < IPC_PAYLOAD_WORDS; i++)
		if (reply->payload[i] != ~request.payload[i]) {
			printf("ping: message %" PRIu32 " NOT verified: reply word %u is 0x%08"
			       PRIx32 ", expected 0x%08" PRIx32 "\n", seq, i,
			       reply->payload[i], ~request.payload[i]);
			return false;
		}
	return true;
}

/* Keep the ring topped up with requests, at most IPC_RING_SLOTS unanswered. */
static bool send_requests(struct channel *ch, uint32_t answered)
{
	struct ipc_msg m;

	while (ch->sent < IPC_MESSAGES && ch->sent - answered < IPC_RING_SLOTS) {
		make_request(&m, ch->sent);
		if (channel_send(ch, &m)) {
			printf("ping: message %" PRIu32 " NOT sent: request ring full\n",
			       ch->sent);
			return false;
		}
	}
	return true;
}

/* The number of verified round trips: IPC_MESSAGES unless one failed. */
static uint32_t ping_pong(struct channel *ch)
{
	uint32_t answered = 0;
	struct ipc_msg reply;

	while (answered < IPC_MESSAGES) {
		if (!send_requests(ch, answered))
			break;
		if (!channel_receive(ch, &reply)) {
			if (channel_wait(ch))
				continue;
			printf("ping: reply to message %" PRIu32 " did NOT come within %u s\n",
			       answered, IPC_TIMEOUT_S);
			break;
		}
		if (!reply_verify(&reply, answered))
			break;
		if (++answered % IPC_PROGRESS_EVERY == 0 && answered < IPC_MESSAGES)
			printf("ping: %" PRIu32 " round trips\n", answered);
	}
	return answered;
}

int main(void)
{
	struct channel ch;
	uint64_t start;
	uint32_t done;

	if (channel_open(&ch, true))
		return EXIT_FAILURE;
	start = timer_count();
	done = ping_pong(&ch);
	if (done < IPC_MESSAGES)
		return EXIT_FAILURE;
	printf("ping: %" PRIu32 " round trips in %" PRIu32 " ms, %" PRIu32
	       " doorbell interrupts\n", done,
	       (uint32_t)((timer_count() - start) * 1000 / timer_freq()), ch.interrupts);
	printf("ping: %" PRIu32 " round trips verified\n", done);
	return EXIT_SUCCESS;
}
