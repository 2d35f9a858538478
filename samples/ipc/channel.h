/* SPDX-License-Identifier: MIT */
/*
 * The ipc sample's channel: two rings of messages in one shared-memory
 * region, one each way, and the region's doorbell to say "there is more".
 *
 * A ring has one producer and one consumer. head counts the messages the
 * producer has written, tail those the consumer has taken; both only grow
 * (modulo 2^32) and slot index = count % IPC_RING_SLOTS. The producer
 * writes the message, then (after mem_order()) head, then rings; the
 * consumer reads head, then (after mem_order()) the message, and gives
 * the slot back by advancing tail. Nobody rings when a slot frees up:
 * ping never has more than IPC_RING_SLOTS messages unanswered, so neither
 * ring can fill.
 *
 * A doorbell interrupt only means "look at the ring": rings that come
 * while the interrupt is still pending raise it once, so the receiver
 * always drains every message there is before it sleeps again.
 */
#ifndef SAMPLES_IPC_CHANNEL_H
#define SAMPLES_IPC_CHANNEL_H

#include <stdbool.h>
#include <stdint.h>

#include "doorbell.h"

#define IPC_MESSAGES		10000u
#define IPC_PROGRESS_EVERY	2500u
#define IPC_RING_SLOTS		16u	/* a power of two: counts wrap cleanly */
#define IPC_PAYLOAD_WORDS	14u	/* with seq and crc, 64 bytes a message */
/* A peer that stays silent this long is broken; the real gaps are < 1 ms */
#define IPC_TIMEOUT_S		10u

struct ipc_msg {
	uint32_t seq;
	uint32_t payload[IPC_PAYLOAD_WORDS];
	uint32_t crc;		/* CRC-32 of seq and payload */
};

struct ipc_ring {
	uint32_t head;		/* written by the producer only */
	uint32_t tail;		/* written by the consumer only */
	struct ipc_msg slot[IPC_RING_SLOTS];
};

/* The start of the shared region, which the hypervisor zeroed at boot. */
struct ipc_shared {
	struct ipc_ring request;	/* ping -> pong */
	struct ipc_ring reply;		/* pong -> ping */
};

struct channel {
	struct doorbell db;
	struct ipc_ring *tx, *rx;
	uint32_t interrupts;		/* doorbell interrupts taken */
	uint32_t sent;			/* messages sent; the peer's tail lags behind */
};

/*
 * Find the region and its doorbell in the device tree, print them, and
 * take the doorbell interrupt from now on. @requester: ping's side
 * (sends on request, receives on reply), else pong's. 0 or -1.
 */
int channel_open(struct channel *ch, bool requester);

/* Write @m into the ring and ring the doorbell. 0, or -1 when the ring is full. */
int channel_send(struct channel *ch, const struct ipc_msg *m);

/* Take the oldest message into @m; false when there is none. */
bool channel_receive(struct channel *ch, struct ipc_msg *m);

/*
 * Sleep until a message is there to receive; a doorbell interrupt wakes
 * us. false when none came within IPC_TIMEOUT_S.
 */
bool channel_wait(struct channel *ch);

/* CRC-32 over seq and payload, as stored in crc. */
uint32_t msg_crc(const struct ipc_msg *m);

/*
 * Whether @m is message @seq intact: its sequence number is exactly @seq
 * and its checksum matches. If not, prints the first difference as
 * "<partition>: message <seq> NOT verified: ...".
 */
bool msg_verify(const struct ipc_msg *m, uint32_t seq);

#endif
