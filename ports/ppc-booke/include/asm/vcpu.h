/* SPDX-License-Identifier: MIT */
/*
 * The port's per-vCPU and per-partition state (the core's v->arch and
 * p->arch). Each physical CPU runs one vCPU, so a vCPU's state is only
 * ever touched by its own CPU and needs no lock, but for its inbox of
 * broadcast tlbivax operands, which the partition's other vCPUs fill
 * (tlb_broadcast.c).
 */
#ifndef ASM_VCPU_H
#define ASM_VCPU_H

#include <bulkhead/partition.h>
#include <asm/booke_vcpu.h>
#include <asm/guest_tlb.h>
#include <asm/spin_table.h>
#include <asm/storage.h>
#include <asm/tlbi_queue.h>
#include <asm/vmpic.h>
#include <asm/vtimer.h>

#define PPC_WINDOW_CACHE_SIZE	4

struct arch_vcpu {
	struct booke_vcpu regs;		/* what the guest believes it has */
	struct guest_tlb tlb;
	struct vtimer timer;
	struct vcpu *vcpu;
	/* The guest's MSR, PIDs or TLB changed: reload the hardware context */
	bool context_stale;
	/*
	 * The guest contexts whose TIDs hardware PID0-2 hold, while
	 * loaded.valid: a reload of the same ones has nothing to do
	 * (context.c).
	 */
	struct {
		bool valid;
		uint8_t as, pr;
		uint32_t pid[GTLB_MAX_PIDS];
	} loaded;
	/* The guest's timers changed: reprogram the hardware decrementer */
	bool timer_stale;
	/* The guest dozes (MSR[WE]) until it can take an interrupt */
	bool idle;
	/* Its watchdog's final time-out asked for a reset (TCR[WRC]): a fault */
	bool wdt_reset;
	/* The last storage decision; its mmio: the access behind an EXIT_MMIO */
	struct booke_storage storage;
	/*
	 * The emulated windows data accesses went to last, by effective
	 * page and the hardware TID of the context (context.c)
	 */
	struct window_cache_entry {
		uint32_t key;		/* effective page | hardware TID; 0: empty */
		struct booke_window window;
	} windows[PPC_WINDOW_CACHE_SIZE];
	/* What the other vCPUs broadcast to this one: see below */
	struct tlbi_inbox {
		spinlock_t lock;	/* q: other vCPUs push, the owner takes */
		struct tlbi_queue q;
		uint32_t applied;	/* operands applied so far: the owner stores it */
		bool in_guest;		/* the owner runs its guest: the owner stores it */
	} inbox;
	/* This vCPU's broadcasts since its last tlbsync: bit n for vCPU n ... */
	uint32_t sync_pending;
	uint32_t sync_upto[CFG_MAX_CPUS];	/* ... which must apply up to this */
};

struct arch_partition {
	struct vmpic mpic;		/* what the guest's external input comes from */
	struct spin_table spin;		/* where its secondary vCPUs wait (partition.c) */
};

/* The guest's current address space (MSR[DS]) and privilege */
static inline unsigned int guest_as(const struct booke_vcpu *r)
{
	return !!(r->msr & MSR_DS);
}

/*
 * Handle interrupt @exc that ended the guest's run. Returns true with
 * @exit filled when the core must see it (EXIT_NONE: just re-check the
 * vCPU's state), false when the guest can simply run on (trap.c).
 */
bool ppc_handle_trap(struct vcpu *v, unsigned int exc, struct vm_exit *exit);


/* SPRG3-7 as the guest set them into the real registers it reads (vcpu.c) */
void ppc_sync_sprgs(const struct booke_vcpu *r);

/*
 * Every interrupt the MPIC has for this CPU, taken while a guest ran or
 * the CPU slept: kicks acknowledged, passthrough sources handed to their
 * partitions (irq.c).
 */
void ppc_handle_irq(void);

/*
 * Load the guest context (shadow PIDs, real MSR) into this CPU
 * (context.c). -1 when the port cannot run it: a guest MSR[IS] that
 * differs from its MSR[DS].
 */
int ppc_load_context(struct vcpu *v);
/* Forget every shadow translation of this CPU (context.c) */
void ppc_flush_shadow(struct vcpu *v);
struct booke_exit;
/*
 * The guest changed its TLB as @e says: forget what it makes stale. All
 * of TLB0 (exact by excess: every shadow entry of this CPU is this
 * vCPU's) and the cached entries the change can reach (context.c).
 */
void ppc_guest_tlb_changed(struct vcpu *v, const struct booke_exit *e);
/* Install the shadow entry @s for the running context (context.c) */
void ppc_install_shadow(struct vcpu *v, const struct shadow_tlbe *s);
/*
 * The window the running context's data accesses to @ea's page went to,
 * if it covers @ea, or NULL; until the guest changes its translation of
 * the page (context.c).
 */
const struct booke_window *ppc_cached_window(struct vcpu *v, uint32_t ea);
/* Remember @w for @ea's page in the context of @tag (context.c) */
void ppc_cache_window(struct vcpu *v, uint32_t ea, const struct shadow_tag *tag,
		      const struct booke_window *w);

/*
 * tlbivax across the partition (tlb_broadcast.c, which says who calls
 * what, holding which lock): tlbivax operand @ea to every other running
 * vCPU of @v's partition; @v's tlbsync, until each target in its guest
 * has applied what @v sent it; what the others sent to @v, applied; at
 * @v's reset, nothing pending.
 */
void ppc_tlbivax_broadcast(struct vcpu *v, uint32_t ea);
void ppc_tlbsync(struct vcpu *v);
void ppc_tlbi_apply(struct vcpu *v);
void ppc_tlbi_reset(struct vcpu *v);

/*
 * @v is about to enter its guest: say so, then (a full barrier between:
 * the handshake of tlb_broadcast.c) whether its inbox is empty.
 */
static inline bool ppc_tlbi_enter_empty(struct vcpu *v)
{
	struct tlbi_inbox *in = &v->arch->inbox;

	__atomic_store_n(&in->in_guest, true, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return __atomic_load_n(&in->q.queued, __ATOMIC_RELAXED) == in->q.taken;
}

/* Right before ppc_guest_enter(): what the others sent is applied first */
static inline void ppc_tlbi_enter(struct vcpu *v)
{
	if (!ppc_tlbi_enter_empty(v))
		ppc_tlbi_apply(v);
}

/* Right after it: the others' tlbsync no longer waits for @v */
static inline void ppc_tlbi_leave(struct vcpu *v)
{
	__atomic_store_n(&v->arch->inbox.in_guest, false, __ATOMIC_RELEASE);
}

#endif
