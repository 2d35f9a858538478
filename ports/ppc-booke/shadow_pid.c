// SPDX-License-Identifier: MIT
/*
 * The per-CPU map from guest context (struct shadow_tag) to hardware
 * TID; the scheme, the TID states and the port's duties are in
 * asm/shadow_pid.h. Live TIDs sit on hash chains, stale and free ones
 * on two lists, all linked through m->link, so a TID is on exactly one
 * chain or list (or, if never used in this generation, on none).
 */
#include <asm/shadow_pid.h>

enum { TID_FREE, TID_LIVE, TID_STALE };

static bool same_tag(const struct shadow_tag *a, const struct shadow_tag *b)
{
	return a->partition == b->partition && a->guest_pid == b->guest_pid &&
	       a->guest_as == b->guest_as && a->guest_pr == b->guest_pr;
}

/* Fibonacci hashing: guest PIDs 0, 1, 2... spread over the chains */
static unsigned int tag_bucket(const struct shadow_tag *t)
{
	uint32_t key = t->guest_pid ^ (t->partition << 16) ^
		       ((uint32_t)t->guest_as << 30) ^ ((uint32_t)t->guest_pr << 31);

	return (key * 0x9e3779b1u) >> 26;
}

void shadow_pid_reset(struct shadow_pid_map *m)
{
	unsigned int i;

	for (i = 0; i <= SHADOW_PID_LAST; i++)
		m->state[i] = TID_FREE;
	for (i = 0; i < SHADOW_PID_BUCKETS; i++)
		m->bucket[i] = 0;
	m->stale = 0;
	m->free = 0;
	m->next = SHADOW_PID_FIRST;
}

unsigned int shadow_pid_find(const struct shadow_pid_map *m, const struct shadow_tag *tag)
{
	unsigned int tid;

	for (tid = m->bucket[tag_bucket(tag)]; tid; tid = m->link[tid])
		if (same_tag(&m->tag[tid], tag))
			return tid;
	return 0;
}

/* A free TID, or 0 when every one is live or stale */
static unsigned int take_free(struct shadow_pid_map *m)
{
	unsigned int tid = m->free;

	if (tid) {
		m->free = m->link[tid];
		return tid;
	}
	if (m->next <= SHADOW_PID_LAST)
		return m->next++;
	return 0;
}

int shadow_pid_get(struct shadow_pid_map *m, const struct shadow_tag *tag, unsigned int *tid)
{
	unsigned int b = tag_bucket(tag);
	int outcome = SHADOW_PID_NEW;

	*tid = shadow_pid_find(m, tag);
	if (*tid)
		return SHADOW_PID_HIT;
	*tid = take_free(m);
	if (!*tid) {
		shadow_pid_reset(m);
		*tid = take_free(m);
		outcome = SHADOW_PID_FLUSH_ALL;
	}
	m->tag[*tid] = *tag;
	m->state[*tid] = TID_LIVE;
	m->link[*tid] = m->bucket[b];
	m->bucket[b] = *tid;
	return outcome;
}

/* Unchain live @tid from its bucket and put it on the stale list */
static void make_stale(struct shadow_pid_map *m, unsigned int tid)
{
	uint8_t *p = &m->bucket[tag_bucket(&m->tag[tid])];

	while (*p != tid)
		p = &m->link[*p];
	*p = m->link[tid];
	m->state[tid] = TID_STALE;
	m->link[tid] = m->stale;
	m->stale = tid;
}

unsigned int shadow_pid_drop(struct shadow_pid_map *m, const struct shadow_tag *tag)
{
	unsigned int tid = shadow_pid_find(m, tag);

	if (tid)
		make_stale(m, tid);
	return tid;
}

/* Make stale each live TID of @partition with guest PID @guest_pid, or every one if @any_pid */
static unsigned int drop_matching(struct shadow_pid_map *m, unsigned int partition,
				  bool any_pid, uint32_t guest_pid)
{
	unsigned int tid, dropped = 0;

	for (tid = SHADOW_PID_FIRST; tid <= SHADOW_PID_LAST; tid++) {
		const struct shadow_tag *t = &m->tag[tid];

		if (m->state[tid] != TID_LIVE || t->partition != partition)
			continue;
		if (!any_pid && t->guest_pid != guest_pid)
			continue;
		make_stale(m, tid);
		dropped++;
	}
	return dropped;
}

unsigned int shadow_pid_drop_guest_pid(struct shadow_pid_map *m, unsigned int partition,
				       uint32_t guest_pid)
{
	return drop_matching(m, partition, false, guest_pid);
}

unsigned int shadow_pid_drop_partition(struct shadow_pid_map *m, unsigned int partition)
{
	return drop_matching(m, partition, true, 0);
}

unsigned int shadow_pid_stale(const struct shadow_pid_map *m)
{
	return m->stale;
}

void shadow_pid_flushed(struct shadow_pid_map *m, unsigned int tid)
{
	uint8_t *p = &m->stale;

	if (tid < SHADOW_PID_FIRST || tid > SHADOW_PID_LAST || m->state[tid] != TID_STALE)
		return;
	while (*p != tid)
		p = &m->link[*p];
	*p = m->link[tid];
	m->state[tid] = TID_FREE;
	m->link[tid] = m->free;
	m->free = tid;
}
