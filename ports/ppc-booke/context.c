// SPDX-License-Identifier: MIT
/*
 * The hardware side of a guest's translation context on this CPU: which
 * hardware TIDs its guest PIDs have (shadow_pid.c), the real MSR it runs
 * with, and the shadow entries in TLB0; the caches of what shadow
 * entries and emulated windows the guest's pages came to.
 */
#include <string.h>
#include <asm/cpu.h>
#include <asm/emulate.h>
#include <asm/shadow_pid.h>
#include <asm/tlb.h>
#include <asm/vcpu.h>

/* Guest MSR bits that are the guest's own hardware state: passed through */
#define MSR_GUEST_OWNED	(MSR_FP | MSR_FE0 | MSR_FE1 | MSR_SPE)
/* Every guest runs so: user mode, address space 1, interrupts to us */
#define MSR_GUEST_BASE	(MSR_PR | MSR_EE | MSR_ME | MSR_IS | MSR_DS)

static const uint16_t pid_sprs[GTLB_MAX_PIDS] = { SPR_PID, SPR_PID1, SPR_PID2 };

static void write_pid(unsigned int n, unsigned int tid)
{
	switch (pid_sprs[n]) {
	case SPR_PID:
		mtspr(SPR_PID, tid);
		break;
	case SPR_PID1:
		mtspr(SPR_PID1, tid);
		break;
	default:
		mtspr(SPR_PID2, tid);
		break;
	}
}

void ppc_flush_shadow(struct vcpu *v)
{
	struct ppc_cpu *c = this_cpu();

	tlb0_flush();
	c->fetch_ea = 1;
	memset(c->shadow_cache, 0, sizeof(c->shadow_cache));
	memset(v->arch->windows, 0, sizeof(v->arch->windows));
}

/*
 * The page number folded with the bits above it: pages that compete for
 * one TLB0 set (the same page number modulo 128) fall into different
 * slots, so the cache serves what TLB0 itself evicts (fast_trap.S
 * computes the same).
 */
static struct shadow_cache_entry *cache_slot(struct ppc_cpu *c, uint32_t ea)
{
	return &c->shadow_cache[((ea >> 12) ^ (ea >> 20)) % SHADOW_CACHE_SIZE];
}

/* Forget the cached entries and windows of effective pages in [@base, @base + @size) */
static void uncache_range(struct vcpu *v, uint32_t base, uint64_t size)
{
	struct ppc_cpu *c = this_cpu();

	for (unsigned int i = 0; i < PPC_WINDOW_CACHE_SIZE; i++)
		if ((v->arch->windows[i].key & MAS2_EPN_MASK) - base < size)
			v->arch->windows[i].key = 0;
	if (size >= (uint64_t)SHADOW_CACHE_SIZE << 12) {
		memset(c->shadow_cache, 0, sizeof(c->shadow_cache));
		return;
	}
	for (uint64_t off = 0; off < size; off += 0x1000) {
		struct shadow_cache_entry *e = cache_slot(c, base + (uint32_t)off);

		if ((e->key & MAS2_EPN_MASK) - base < size)
			e->key = 0;
	}
}

/*
 * A tlbwe changes what the old entry and the new one translate and
 * nothing else (gtlb_lookup() looks at the entries matching an address
 * only), so the cached entries of other pages stay right; any other
 * change drops them all. TLB0 is emptied either way.
 */
void ppc_guest_tlb_changed(struct vcpu *v, const struct booke_exit *e)
{
	struct ppc_cpu *c = this_cpu();

	if (e->tlb.scope != BOOKE_TLB_ENTRY) {
		ppc_flush_shadow(v);
		return;
	}
	tlb0_flush();
	c->fetch_ea = 1;
	if (e->tlb.old.mas1 & MAS1_V)
		uncache_range(v, gtlb_entry_epn(&e->tlb.old), gtlb_entry_size(&e->tlb.old));
	/* As stored: MAS2[EPN] may have bits below the page size */
	if (e->tlb.new.mas1 & MAS1_V)
		uncache_range(v, gtlb_entry_epn(&e->tlb.new), gtlb_entry_size(&e->tlb.new));
}

/* The hardware TID of the guest context @tag, flushing TLB0 when the TIDs ran out */
static unsigned int context_tid(struct vcpu *v, const struct shadow_tag *tag)
{
	struct ppc_cpu *c = this_cpu();
	unsigned int tid;

	if (shadow_pid_get(&c->pids, tag, &tid) == SHADOW_PID_FLUSH_ALL) {
		ppc_flush_shadow(v);
		v->arch->context_stale = true;
		v->arch->loaded.valid = false;
	}
	return tid;
}

/* Do PID0-2 hold the TIDs of the guest PIDs' contexts in @as and @pr? */
static bool context_loaded(const struct arch_vcpu *a, unsigned int as, unsigned int pr)
{
	if (!a->loaded.valid || a->loaded.as != as || a->loaded.pr != pr)
		return false;
	for (unsigned int n = 0; n < a->tlb.var->npids; n++)
		if (a->loaded.pid[n] != a->tlb.pid[n])
			return false;
	return true;
}

/*
 * PID0-2 get the TIDs of the guest's contexts. Only a change of them
 * changes what its addresses translate to, so only then is the fetch
 * cache stale.
 */
static void load_tids(struct vcpu *v, unsigned int as, unsigned int pr)
{
	struct arch_vcpu *a = v->arch;
	struct shadow_tag tag = {
		.partition = v->part->id,
		.guest_as = as,
		.guest_pr = pr,
	};

	a->loaded.valid = true;
	a->loaded.as = as;
	a->loaded.pr = pr;
	for (unsigned int n = 0; n < a->tlb.var->npids; n++) {
		tag.guest_pid = a->loaded.pid[n] = a->tlb.pid[n];
		write_pid(n, context_tid(v, &tag));
	}
	isync();
	this_cpu()->fetch_ea = 1;
}

static uint32_t guest_msr(const struct booke_vcpu *r)
{
	return MSR_GUEST_BASE | (r->msr & MSR_GUEST_OWNED);
}

/*
 * Out of line: most reloads (every reflected interrupt) find the same
 * contexts loaded, and then take no stack frame.
 */
static __attribute__((noinline)) int load_context(struct vcpu *v, unsigned int as,
						  unsigned int pr)
{
	/* A TID flush while loading (context_tid()) leaves them stale: again */
	do
		load_tids(v, as, pr);
	while (!context_loaded(v->arch, as, pr));
	this_cpu()->guest_msr = guest_msr(&v->arch->regs);
	return 0;
}

int ppc_load_context(struct vcpu *v)
{
	struct arch_vcpu *a = v->arch;
	const struct booke_vcpu *r = &a->regs;
	unsigned int as = guest_as(r), pr = !!(r->msr & MSR_PR);

	/*
	 * One tag per guest PID register, so one address space at a time:
	 * instruction fetches in another than the data accesses would miss
	 * forever under the loaded TIDs.
	 */
	if (!(r->msr & MSR_IS) != !(r->msr & MSR_DS))
		return -1;
	a->context_stale = false;
	if (!context_loaded(a, as, pr))
		return load_context(v, as, pr);
	this_cpu()->guest_msr = guest_msr(r);
	return 0;
}

/*
 * Into TLB0, whose 4 KiB pages storage.c makes shadow entries of (the
 * rest of a larger guest page comes on later misses). TLB1 stays the
 * hypervisor's, and dropping every shadow entry stays one flash
 * invalidation of TLB0.
 */
void ppc_install_shadow(struct vcpu *v, const struct shadow_tlbe *s)
{
	struct ppc_cpu *c = this_cpu();
	unsigned int tid = context_tid(v, &s->tag);
	unsigned int way = c->tlb0_victim++ & 3;
	struct shadow_cache_entry *e = cache_slot(c, s->mas2);

	*e = (struct shadow_cache_entry){
		.key = (s->mas2 & MAS2_EPN_MASK) | tid,
		.mas1 = shadow_tlbe_mas1(s, tid),
		.mas2 = s->mas2,
		.mas3 = s->mas3,
		.mas7 = s->mas7,
	};
	tlb_write(MAS0_TLBSEL(0) | MAS0_ESEL(way), e->mas1, e->mas2, e->mas3, e->mas7);
}

static struct window_cache_entry *window_slot(struct arch_vcpu *a, uint32_t ea)
{
	return &a->windows[(ea >> 12) % PPC_WINDOW_CACHE_SIZE];
}

const struct booke_window *ppc_cached_window(struct vcpu *v, uint32_t ea)
{
	const struct window_cache_entry *e = window_slot(v->arch, ea);

	/* A guest's TIDs are never 0, so an empty slot never matches */
	if (e->key != ((ea & MAS2_EPN_MASK) | mfspr(SPR_PID)) ||
	    !booke_window_covers(&e->window, ea))
		return NULL;
	return &e->window;
}

/*
 * Under the TID of @tag: PID0's when the guest's entry is global or
 * carries its PID0. ppc_cached_window() looks under PID0's only, so a
 * window under another is never found.
 */
void ppc_cache_window(struct vcpu *v, uint32_t ea, const struct shadow_tag *tag,
		      const struct booke_window *w)
{
	unsigned int tid = context_tid(v, tag);
	struct window_cache_entry *e = window_slot(v->arch, ea);

	e->key = (ea & MAS2_EPN_MASK) | tid;
	e->window = *w;
}
