// SPDX-License-Identifier: MIT
/*
 * The ipc channel (channel.h): rings in shared memory, a doorbell to
 * notify the peer, and a sleep that the peer's doorbell ends. The virtual
 * timer serves as a watchdog so that a lost doorbell ends in a message,
 * not a hang.
 */
#include <inttypes.h>
#include <stdio.h>

#include "channel.h"
#include "guest.h"
#include "irq.h"

#define PRIO_DOORBELL	0x80
#define PRIO_WATCHDOG	0xa0

/* One channel per partition: the one the doorbell handler counts for. */
static struct channel *open_channel;

/*
 * head and tail: one plain load or store each, never merged or repeated by
 * the compiler; the barriers around them (mem_order()) give the order.
 */
static inline uint32_t load_count(const uint32_t *count)
{
	return __atomic_load_n(count, __ATOMIC_RELAXED);
}

static inline void store_count(uint32_t *count, uint32_t value)
{
	__atomic_store_n(count, value, __ATOMIC_RELAXED);
}

/* Counting is all: channel_wait()'s loop finds the messages. */
static void on_doorbell(unsigned int irq, unsigned int source)
{
	(void)irq;
	(void)source;
	open_channel->interrupts++;
}

/* The watchdog expired: stop it, or it would fire again at once. */
static void on_watchdog(unsigned int irq, unsigned int source)
{
	(void)irq;
	(void)source;
	vtimer_stop();
}

int channel_open(struct channel *ch, bool requester)
{
	struct ipc_shared *shared;

	if (doorbell_find(&ch->db, sizeof(*shared)))
		return -1;
	shared = ch->db.base;
	ch->tx = requester ? &shared->request : &shared->reply;
	ch->rx = requester ? &shared->reply : &shared->request;
	ch->interrupts = 0;
	ch->sent = 0;
	printf("%s: shared memory at 0x%08" PRIxPTR ", %" PRIu32 " KiB, doorbell %" PRIu32
	       ", interrupt %u\n", guest.name, (uintptr_t)ch->db.base,
	       (uint32_t)(ch->db.size / 1024), ch->db.number, ch->db.irq);
	if (irq_init()) {
		printf("%s: no interrupt controller in the device tree\n", guest.name);
		return -1;
	}
	open_channel = ch;
	irq_set_handler(ch->db.irq, on_doorbell);
	irq_set_handler(IRQ_PPI_VTIMER, on_watchdog);
	irq_enable(ch->db.irq, PRIO_DOORBELL);
	irq_enable(IRQ_PPI_VTIMER, PRIO_WATCHDOG);
	irq_unmask();
	return 0;
}

int channel_send(struct channel *ch, const struct ipc_msg *m)
{
	struct ipc_ring *ring = ch->tx;
	uint32_t head = ch->sent;

	if (head - load_count(&ring->tail) >= IPC_RING_SLOTS)
		return -1;
	/* The consumer is done with the slot once it has moved tail past it */
	mem_order();
	ring->slot[head % IPC_RING_SLOTS] = *m;
	/* The message, then the head that hands it over */
	mem_order();
	store_count(&ring->head, head + 1);
	ch->sent = head + 1;
	doorbell_ring(&ch->db);
	return 0;
}

bool channel_receive(struct channel *ch, struct ipc_msg *m)
{
	struct ipc_ring *ring = ch->rx;
	uint32_t tail = ring->tail;	/* ours alone */

	if (load_count(&ring->head) == tail)
		return false;
	/* Read the message only after the head that says it is complete */
	mem_order();
	*m = ring->slot[tail % IPC_RING_SLOTS];
	/* Done with the slot before the producer may reuse it */
	mem_order();
	store_count(&ring->tail, tail + 1);
	return true;
}

bool channel_wait(struct channel *ch)
{
	uint64_t deadline = timer_count() + (uint64_t)timer_freq() * IPC_TIMEOUT_S;
	bool ready;

	/* Checked with interrupts masked: a doorbell after the check still ends WFI */
	irq_mask();
	vtimer_arm(deadline);
	while (!(ready = load_count(&ch->rx->head) != ch->rx->tail) &&
	       timer_count() < deadline) {
		irq_wait();
		irq_unmask();	/* the handlers run here */
		irq_mask();
	}
	vtimer_stop();
	irq_unmask();
	return ready;
}

uint32_t msg_crc(const struct ipc_msg *m)
{
	return crc32(0, m, offsetof(struct ipc_msg, crc));
}

bool msg_verify(const struct ipc_msg *m, uint32_t seq)
{
	uint32_t crc = msg_crc(m);

	if (m->seq != seq)
		printf("%s: message %" PRIu32 " NOT verified: sequence number %" PRIu32
		       "\n", guest.name, seq, m->seq);
	else if (m->crc != crc)
		printf("%s: message %" PRIu32 " NOT verified: checksum 0x%08" PRIx32
		       ", computed 0x%08" PRIx32 "\n", guest.name, seq, m->crc, crc);
	return m->seq == seq && m->crc == crc;
}
