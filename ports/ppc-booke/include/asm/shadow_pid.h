/* SPDX-License-Identifier: MIT */
/*
 * Shadow PIDs: the hardware TID each live struct shadow_tag (see
 * asm/shadow_tlb.h) has on one physical CPU. The e500 TID is 8 bits and
 * TID 0 is global (it matches every PID), so a CPU has TIDs 1-255 for
 * guest contexts.
 *
 * A TID is in one of three states. Free: nothing in the hardware TLB
 * carries it. Live: it stands for one tag, shadow_pid_get() returns it
 * for that tag and hardware entries with it may exist. Stale: its tag
 * was dropped but hardware entries with it may still exist, so it is
 * not handed out again until the port has invalidated them and said so
 * with shadow_pid_flushed(). The port's loop after any drop:
 *
 *	while ((tid = shadow_pid_stale(m))) {
 *		invalidate every TS=1 hardware entry with TID tid;
 *		shadow_pid_flushed(m, tid);
 *	}
 *
 * Recycling is by generation: when all 255 TIDs are live or stale,
 * shadow_pid_get() forgets every tag, starts numbering again at 1 and
 * returns SHADOW_PID_FLUSH_ALL. The port must then invalidate every
 * TS=1 hardware entry (every guest entry of this CPU) before it writes
 * an entry with the new TID or runs the guest, and get the TIDs of the
 * contexts it holds in PID0-2 again: their old ones mean nothing now.
 *
 * Cost: tags are hashed into 64 chains, so a lookup compares about
 * live/64 tags (4 with all 255 live), 255 at the very worst; allocation
 * and the stale and free lists are constant time. Dropping a partition
 * or a guest PID walks the 255 TIDs.
 *
 * Locking: one map per physical CPU, used only by that CPU's exit path
 * (each CPU runs one vCPU), so nothing here takes a lock. Pure: no
 * hardware access, the port does the invalidations.
 */
#ifndef ASM_SHADOW_PID_H
#define ASM_SHADOW_PID_H

#include <bulkhead/types.h>
#include <asm/shadow_tlb.h>

#define SHADOW_PID_FIRST	1	/* TID 0 is global: never a guest's */
#define SHADOW_PID_LAST		255	/* the e500's 8-bit TID */
#define SHADOW_PID_BUCKETS	64

struct shadow_pid_map {
	struct shadow_tag tag[SHADOW_PID_LAST + 1];	/* by TID; live ones only */
	uint8_t state[SHADOW_PID_LAST + 1];
	/* Next TID on the same hash chain, stale list or free list; 0 ends */
	uint8_t link[SHADOW_PID_LAST + 1];
	uint8_t bucket[SHADOW_PID_BUCKETS];		/* first live TID of each chain */
	uint8_t stale;					/* stale TIDs, awaiting their flush */
	uint8_t free;					/* flushed TIDs, ready for reuse */
	unsigned int next;				/* first TID never used in this generation */
};

/* Outcomes of shadow_pid_get() */
#define SHADOW_PID_HIT		0	/* the tag's TID of before */
#define SHADOW_PID_NEW		1	/* a free TID, now the tag's */
#define SHADOW_PID_FLUSH_ALL	2	/* new generation: invalidate every TS=1 entry first */

/*
 * Forget every tag at once, every TID free: the CPU's map at boot, and
 * "drop everything" later, then only together with an invalidation of
 * every TS=1 hardware entry before the guest runs or an entry is written.
 */
void shadow_pid_reset(struct shadow_pid_map *m);

/* The TID @tag has, allocating one if it has none; @tid gets 1-255 */
int shadow_pid_get(struct shadow_pid_map *m, const struct shadow_tag *tag, unsigned int *tid);

/* The live TID of @tag, 0 if it has none; allocates nothing */
unsigned int shadow_pid_find(const struct shadow_pid_map *m, const struct shadow_tag *tag);

/* Make @tag's TID stale; returns it, or 0 if @tag had none */
unsigned int shadow_pid_drop(struct shadow_pid_map *m, const struct shadow_tag *tag);

/*
 * Make stale every TID of @partition whose tag has guest PID @guest_pid,
 * in either guest address space and privilege (a guest's tlbilx by PID);
 * returns how many.
 */
unsigned int shadow_pid_drop_guest_pid(struct shadow_pid_map *m, unsigned int partition,
				       uint32_t guest_pid);

/* Make stale every TID of @partition (its reboot); returns how many */
unsigned int shadow_pid_drop_partition(struct shadow_pid_map *m, unsigned int partition);

/* A stale TID whose hardware entries the port must invalidate, or 0 */
unsigned int shadow_pid_stale(const struct shadow_pid_map *m);

/* The port has invalidated stale @tid's hardware entries: free it */
void shadow_pid_flushed(struct shadow_pid_map *m, unsigned int tid);

#endif
