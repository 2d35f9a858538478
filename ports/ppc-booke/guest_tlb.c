// SPDX-License-Identifier: MIT
/*
 * The guest's e500 TLB: the effect of its trapped TLB instructions on a
 * per-vCPU copy of TLB0 and TLB1, and the lookup its TLB misses need.
 * The behaviour follows the EREF and the e500 core manuals: what a
 * real e500 would leave in the MAS registers is what the guest gets, so
 * an unmodified Linux or U-Boot miss handler runs on it.
 */
#include <string.h>
#include <asm/guest_tlb.h>

/* The bits of an address inside a page of @size cleared (4 GiB: all of them) */
static uint32_t page_base_mask(uint64_t size)
{
	return (uint32_t)~(size - 1);
}

static uint32_t tid_mask(const struct guest_tlb *t)
{
	return (1u << t->var->tid_bits) - 1;
}

static struct gtlb_entry *array(struct guest_tlb *t, unsigned int n)
{
	return n ? t->tlb1 : t->tlb0;
}

static const struct gtlb_entry *array_const(const struct guest_tlb *t, unsigned int n)
{
	return n ? t->tlb1 : t->tlb0;
}

/*
 * First entry of the set @ea falls in. TLB0 is indexed by the low bits
 * of the page number (e500: EA bits 12..18, EREF 45..51); a fully
 * associative array has one set.
 */
static unsigned int set_start(const struct gtlb_array_cfg *c, uint32_t ea)
{
	unsigned int sets = c->entries / c->ways;

	return ((ea >> PAGE_SHIFT) % sets) * c->ways;
}

/* The entry MAS0 selects (TLB0: in the set of MAS2[EPN]), or NULL */
static struct gtlb_entry *selected(struct guest_tlb *t, unsigned int *tlbsel)
{
	unsigned int n = (t->mas.mas0 & MAS0_TLBSEL_MASK) >> MAS0_TLBSEL_SHIFT;
	unsigned int esel = (t->mas.mas0 & MAS0_ESEL_MASK) >> MAS0_ESEL_SHIFT;
	const struct gtlb_array_cfg *c;

	if (n > 1)
		return NULL;
	c = &t->var->tlb[n];
	if (esel >= c->ways)
		return NULL;
	*tlbsel = n;
	return &array(t, n)[set_start(c, t->mas.mas2) + esel];
}

void gtlb_init(struct guest_tlb *t, const struct e500_mmu_variant *v)
{
	memset(t, 0, sizeof(*t));
	t->var = v;
}

int gtlb_tlbwe(struct guest_tlb *t, struct gtlb_entry *old, struct gtlb_entry *new)
{
	const struct gtlb_mas *m = &t->mas;
	const struct gtlb_array_cfg *c;
	unsigned int n, tsize;
	struct gtlb_entry *e = selected(t, &n);
	uint32_t keep1, base;
	uint64_t size, rpn;

	if (!e)
		return -GTLB_EINVAL;
	c = &t->var->tlb[n];
	tsize = (m->mas1 & MAS1_TSIZE_MASK) >> MAS1_TSIZE_SHIFT;
	/*
	 * An array of one page size (TLB0: 4 KiB, TLBnCFG[AVAIL] = 0) has
	 * no size to write: its entries are that size whatever TSIZE says,
	 * as QEMU's helper_booke206_tlbwe and KVM's kvmppc_e500_emul_tlbwe
	 * make them. In TLB1 only a valid entry needs a legal size: guests
	 * (U-Boot, Linux) invalidate an entry by writing MAS1 = 0.
	 */
	if (c->min_tsize == c->max_tsize)
		tsize = c->min_tsize;
	else if ((m->mas1 & MAS1_V) && (tsize < c->min_tsize || tsize > c->max_tsize))
		return -GTLB_ESIZE;
	size = TSIZE_BYTES(tsize);
	base = page_base_mask(size);
	if (old)
		*old = *e;

	/* What the array implements: no IPROT in TLB0, TID as wide as the PIDs */
	keep1 = MAS1_V | MAS1_TS | MAS1_TID(tid_mask(t));
	if (c->iprot)
		keep1 |= MAS1_IPROT;
	e->mas1 = (m->mas1 & keep1) | MAS1_TSIZE(tsize);
	e->mas2 = (m->mas2 & MAS2_EPN_MASK & base) | (m->mas2 & MAS2_ATTR_MASK);
	rpn = ((uint64_t)m->mas7 << 32 | (m->mas3 & MAS3_RPN_MASK)) & ~(size - 1);
	rpn &= (1ull << t->var->pa_bits) - 1;
	e->mas3 = (uint32_t)rpn | (m->mas3 & (MAS3_U0_3_MASK | MAS3_PERMS));
	e->mas7 = (uint32_t)(rpn >> 32);

	if (new)
		*new = *e;

	/* A tlbwe to TLB0 moves the round robin on to what MAS0[NV] says */
	if (n == 0)
		t->nv = (m->mas0 & MAS0_NV_MASK) % c->ways;
	return 0;
}

int gtlb_tlbre(struct guest_tlb *t)
{
	unsigned int n;
	const struct gtlb_entry *e = selected(t, &n);

	if (!e)
		return -GTLB_EINVAL;
	t->mas.mas1 = e->mas1;
	t->mas.mas2 = e->mas2;
	t->mas.mas3 = e->mas3;
	t->mas.mas7 = e->mas7;
	t->mas.mas0 = (t->mas.mas0 & ~MAS0_NV_MASK) | t->nv;
	return 0;
}

/* Does @e translate @ea, whatever its TID and TS? */
static bool entry_maps(const struct gtlb_entry *e, uint32_t ea)
{
	return (e->mas1 & MAS1_V) &&
	       (ea & page_base_mask(gtlb_entry_size(e))) == gtlb_entry_epn(e);
}

/* TID 0 matches every PID: the EREF's global entries */
static bool entry_matches(const struct gtlb_entry *e, uint32_t ea, unsigned int as,
			  const uint32_t *pids, unsigned int npids)
{
	unsigned int tid = gtlb_entry_tid(e);

	if (!entry_maps(e, ea) || !!(e->mas1 & MAS1_TS) != !!as)
		return false;
	if (!tid)
		return true;
	for (unsigned int i = 0; i < npids; i++)
		if (tid == pids[i])
			return true;
	return false;
}

/* Index in array @n of the entry matching, or -1 */
static int search(const struct guest_tlb *t, unsigned int n, uint32_t ea, unsigned int as,
		  const uint32_t *pids, unsigned int npids)
{
	const struct gtlb_array_cfg *c = &t->var->tlb[n];
	const struct gtlb_entry *a = array_const(t, n);
	unsigned int first = set_start(c, ea);

	for (unsigned int i = first; i < first + c->ways; i++)
		if (entry_matches(&a[i], ea, as, pids, npids))
			return (int)i;
	return -1;
}

const struct gtlb_entry *gtlb_lookup(const struct guest_tlb *t, uint32_t ea, unsigned int as)
{
	uint32_t pids[GTLB_MAX_PIDS];
	unsigned int npids = t->var->npids;

	for (unsigned int i = 0; i < npids; i++)
		pids[i] = t->pid[i] & tid_mask(t);
	for (int n = 1; n >= 0; n--) {
		int i = search(t, n, ea, as, pids, npids);

		if (i >= 0)
			return &array_const(t, n)[i];
	}
	return NULL;
}

/*
 * MAS0-MAS3 and MAS7 after a miss, from MAS4's defaults: the entry a
 * tlbwe would then write is TLB0's next victim in @ea's set (ESEL from
 * TLB0[NV], MAS0[NV] the one after it), or, for TLB1, entry 0 (the
 * EREF leaves TLB1's choice to software).
 */
static void load_defaults(struct guest_tlb *t, uint32_t ea, unsigned int as, unsigned int tid)
{
	struct gtlb_mas *m = &t->mas;
	unsigned int n = (m->mas4 & MAS4_TLBSELD_MASK) >> MAS0_TLBSEL_SHIFT;

	m->mas0 = MAS0_TLBSEL(n);
	if (n == 0)
		m->mas0 |= MAS0_ESEL(t->nv) | ((t->nv + 1) % t->var->tlb[0].ways);
	m->mas1 = (as ? MAS1_TS : 0) | MAS1_TID(tid) | (m->mas4 & MAS4_TSIZED_MASK);
	m->mas2 = (ea & MAS2_EPN_MASK) | (m->mas4 & MAS4_ATTRD_MASK);
	m->mas3 = 0;
	m->mas7 = 0;
}

bool gtlb_tlbsx(struct guest_tlb *t, uint32_t ea)
{
	uint32_t pid = ((t->mas.mas6 & MAS6_SPID_MASK) >> MAS6_SPID_SHIFT) & tid_mask(t);
	unsigned int as = t->mas.mas6 & MAS6_SAS;

	for (int n = 1; n >= 0; n--) {
		int i = search(t, n, ea, as, &pid, 1);
		const struct gtlb_entry *e;

		if (i < 0)
			continue;
		e = &array_const(t, n)[i];
		t->mas.mas0 = MAS0_TLBSEL(n) | MAS0_ESEL(i % t->var->tlb[n].ways) | t->nv;
		t->mas.mas1 = e->mas1;
		t->mas.mas2 = e->mas2;
		t->mas.mas3 = e->mas3;
		t->mas.mas7 = e->mas7;
		return true;
	}
	load_defaults(t, ea, as, pid);
	return false;
}

/*
 * Unlike a tlbsx miss, a TLB error interrupt leaves MAS1[V] set: the
 * handler only supplies MAS2's attributes and MAS3/MAS7 before its tlbwe
 * (Linux's finish_tlb_load in head_fsl_booke.S never writes MAS1). QEMU's
 * booke206_update_mas_tlb_miss and KVM's kvmppc_e500_deliver_tlb_miss do
 * the same.
 */
void gtlb_miss_fill(struct guest_tlb *t, uint32_t ea, unsigned int as)
{
	unsigned int sel = (t->mas.mas4 & MAS4_TIDSELD_MASK) >> MAS4_TIDSELD_SHIFT;
	/* TIDSELD names a PID register; one the CPU lacks reads as TID 0 */
	unsigned int tid = sel < t->var->npids ? t->pid[sel] & tid_mask(t) : 0;

	load_defaults(t, ea, as, tid);
	t->mas.mas1 |= MAS1_V;
	/* Set up for a tlbsx of the same address, as the hardware does */
	t->mas.mas6 = ((t->pid[0] & tid_mask(t)) << MAS6_SPID_SHIFT) | (as ? MAS6_SAS : 0);
}

/* Invalidate @count entries from @e that map @ea (all of them if @all), IPROT ones apart */
static unsigned int invalidate(struct gtlb_entry *e, unsigned int count, uint32_t ea, bool all)
{
	unsigned int done = 0;

	for (unsigned int i = 0; i < count; i++) {
		if (!(e[i].mas1 & MAS1_V) || (e[i].mas1 & MAS1_IPROT))
			continue;
		if (!all && !entry_maps(&e[i], ea))
			continue;
		e[i].mas1 &= ~MAS1_V;
		done++;
	}
	return done;
}

unsigned int gtlb_tlbivax(struct guest_tlb *t, uint32_t ea)
{
	unsigned int n = (ea & TLBIVAX_TLBSEL1) ? 1 : 0;
	const struct gtlb_array_cfg *c = &t->var->tlb[n];
	uint32_t page = ea & TLBIVAX_EPN_MASK;

	if (ea & TLBIVAX_INV_ALL)
		return invalidate(array(t, n), c->entries, 0, true);
	/* Only @page's set can hold it: TLB0's pages are all 4 KiB */
	return invalidate(&array(t, n)[set_start(c, page)], c->ways, page, false);
}

unsigned int gtlb_mmucsr0_write(struct guest_tlb *t, uint32_t val)
{
	unsigned int done = 0;

	/* Done at once, so the FI bits the guest polls read back 0 */
	if (val & MMUCSR0_TLB0_FI)
		done += invalidate(t->tlb0, t->var->tlb[0].entries, 0, true);
	if (val & MMUCSR0_TLB1_FI)
		done += invalidate(t->tlb1, t->var->tlb[1].entries, 0, true);
	return done;
}

/* The entries tlbilx type @type removes; 1 and 3 use MAS6's SPID (and SAS) */
static bool ilx_matches(const struct guest_tlb *t, const struct gtlb_entry *e,
			unsigned int type, uint32_t ea)
{
	uint32_t pid = ((t->mas.mas6 & MAS6_SPID_MASK) >> MAS6_SPID_SHIFT) & tid_mask(t);

	if (type == 1)
		return gtlb_entry_tid(e) == pid;
	if (type == 3)
		return entry_matches(e, ea, t->mas.mas6 & MAS6_SAS, &pid, 1);
	return true;
}

int gtlb_tlbilx(struct guest_tlb *t, unsigned int type, uint32_t ea)
{
	unsigned int done = 0;

	if (type == 2 || type > 3)
		return -GTLB_EINVAL;
	for (unsigned int n = 0; n < 2; n++) {
		struct gtlb_entry *a = array(t, n);

		for (unsigned int i = 0; i < t->var->tlb[n].entries; i++) {
			if (!(a[i].mas1 & MAS1_V) || (a[i].mas1 & MAS1_IPROT) ||
			    !ilx_matches(t, &a[i], type, ea))
				continue;
			a[i].mas1 &= ~MAS1_V;
			done++;
		}
	}
	return (int)done;
}
