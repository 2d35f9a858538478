/* SPDX-License-Identifier: MIT */
/*
 * The MMU a guest sees: an e500 TLB0 (set associative, 4 KiB pages) and
 * TLB1 (fully associative, variable sizes), reached through the MAS
 * registers. The guest runs with MSR[PR]=1, so each of its tlbwe, tlbre,
 * tlbsx, tlbivax and MMUCSR0 writes traps and is applied here, to a
 * per-vCPU copy; its TLB misses are looked up here first
 * (gtlb_lookup()), and a hit becomes a hardware entry (shadow_tlb.h).
 *
 * Pure data and arithmetic, no hardware access: the vCPU's exit path
 * calls it on the CPU that runs the vCPU, which owns @t, so nothing here
 * takes a lock.
 */
#ifndef ASM_GUEST_TLB_H
#define ASM_GUEST_TLB_H

#include <bulkhead/types.h>
#include <asm/mas.h>

/* Sized for the largest variant: e500mc's TLB0 and TLB1 */
#define GTLB0_MAX_ENTRIES	512
#define GTLB1_MAX_ENTRIES	64
#define GTLB_MAX_PIDS		3

/* One array as the guest's TLBnCFG describes it */
struct gtlb_array_cfg {
	unsigned int entries;
	unsigned int ways;		/* == entries: fully associative */
	unsigned int min_tsize;		/* page sizes allowed, 4^n KiB */
	unsigned int max_tsize;
	bool iprot;			/* entries can be protected from invalidation */
};

/* A CPU variant's MMU, as data: the only thing that differs between them here */
struct e500_mmu_variant {
	const char *name;
	struct gtlb_array_cfg tlb[2];
	unsigned int npids;		/* PID0..PID(n-1) match TLB entries */
	unsigned int tid_bits;		/* width of TID, PID and SPID */
	unsigned int pa_bits;		/* real address width: MAS7 holds the rest */
};

extern const struct e500_mmu_variant e500v2_mmu;
extern const struct e500_mmu_variant e500mc_mmu;

/* The value the guest reads from TLB0CFG (n = 0) or TLB1CFG */
uint32_t gtlb_tlbncfg(const struct e500_mmu_variant *v, unsigned int n);

/* One entry, kept as the MAS words tlbre gives back (MAS7 as a word of its own) */
struct gtlb_entry {
	uint32_t mas1, mas2, mas3, mas7;
};

/* The MAS registers the guest reads and writes with mfspr/mtspr */
struct gtlb_mas {
	uint32_t mas0, mas1, mas2, mas3, mas4, mas6, mas7;
};

struct guest_tlb {
	const struct e500_mmu_variant *var;
	struct gtlb_mas mas;
	uint32_t pid[GTLB_MAX_PIDS];	/* the guest's PID registers */
	unsigned int nv;		/* TLB0's next-victim counter, TLB0[NV] */
	struct gtlb_entry tlb0[GTLB0_MAX_ENTRIES];
	struct gtlb_entry tlb1[GTLB1_MAX_ENTRIES];
};

/* Why a TLB instruction was refused: the EREF leaves these undefined */
#define GTLB_EINVAL	1	/* TLBSEL or ESEL names no entry */
#define GTLB_ESIZE	2	/* valid TLB1 entry of a TSIZE the array lacks */

/* Everything invalid, MAS and PIDs 0, as after reset. */
void gtlb_init(struct guest_tlb *t, const struct e500_mmu_variant *v);

/*
 * tlbwe: write the MAS registers into the entry MAS0 selects (TLB0: the
 * set from MAS2[EPN], the way from ESEL; TLB1: ESEL). EPN and RPN bits
 * below the page size are dropped, as the hardware ignores them; TLB0's
 * entries are 4 KiB whatever MAS1[TSIZE] says. Returns
 * 0 and, in @old if not NULL, the entry overwritten (the caller drops the
 * shadow entries made from it) and in @new if not NULL the entry as
 * written, or -GTLB_EINVAL / -GTLB_ESIZE and writes nothing.
 */
int gtlb_tlbwe(struct guest_tlb *t, struct gtlb_entry *old, struct gtlb_entry *new);

/* tlbre: the entry MAS0 selects into MAS1-3 and MAS7. 0 or -GTLB_EINVAL. */
int gtlb_tlbre(struct guest_tlb *t);

/*
 * tlbsx: search for @ea with MAS6's SPID and SAS. A hit loads MAS0-3 and
 * MAS7 with the entry and where it is; a miss loads them from MAS4's
 * defaults, ready for a tlbwe. Returns true on a hit.
 */
bool gtlb_tlbsx(struct guest_tlb *t, uint32_t ea);

/*
 * What the hardware does to the MAS registers on a TLB error interrupt
 * at @ea in address space @as: the MAS4 defaults as for a tlbsx miss,
 * but with MAS1[V] set, so that the guest's handler only fills in MAS3
 * (and MAS7) before its tlbwe. The port calls it before it reflects a
 * miss that gtlb_lookup() did not satisfy to the guest.
 */
void gtlb_miss_fill(struct guest_tlb *t, uint32_t ea, unsigned int as);

/*
 * tlbivax @ea: invalidate the entries of the array @ea's TLBSEL bit
 * names that map @ea's page (any TID, any TS), or all of them with
 * INV_ALL; entries with IPROT stay. Returns how many it invalidated.
 */
unsigned int gtlb_tlbivax(struct guest_tlb *t, uint32_t ea);

/*
 * tlbilx (e500mc) of type @type, on this vCPU only: 0 invalidates every
 * entry of both arrays, 1 those whose TID is MAS6[SPID], 3 those that
 * translate @ea for PID MAS6[SPID] (TID 0 included) in space MAS6[SAS].
 * IPROT entries stay, as for tlbivax: Linux flushes the kernel's PID 0
 * with tlbilx 1 and keeps running on its IPROT TLB1 mappings. Returns
 * how many it invalidated, or -GTLB_EINVAL for the reserved type 2.
 */
int gtlb_tlbilx(struct guest_tlb *t, unsigned int type, uint32_t ea);

/* A write of @val to MMUCSR0: flash invalidation, IPROT entries stay. */
unsigned int gtlb_mmucsr0_write(struct guest_tlb *t, uint32_t val);

/*
 * The entry the hardware would translate @ea in address space @as with,
 * under the guest's PID registers, or NULL. Two matches are a guest
 * error the EREF leaves undefined: the first one found wins (TLB1 first).
 */
const struct gtlb_entry *gtlb_lookup(const struct guest_tlb *t, uint32_t ea, unsigned int as);

static inline uint64_t gtlb_entry_size(const struct gtlb_entry *e)
{
	return TSIZE_BYTES((e->mas1 & MAS1_TSIZE_MASK) >> MAS1_TSIZE_SHIFT);
}

static inline uint32_t gtlb_entry_epn(const struct gtlb_entry *e)
{
	return e->mas2 & MAS2_EPN_MASK;
}

/* The guest-physical base of the page: RPN with MAS7's high bits */
static inline gpaddr_t gtlb_entry_rpn(const struct gtlb_entry *e)
{
	return ((gpaddr_t)(e->mas7 & MAS7_RPN_MASK) << 32) | (e->mas3 & MAS3_RPN_MASK);
}

static inline unsigned int gtlb_entry_tid(const struct gtlb_entry *e)
{
	return (e->mas1 & MAS1_TID_MASK) >> MAS1_TID_SHIFT;
}

#endif
