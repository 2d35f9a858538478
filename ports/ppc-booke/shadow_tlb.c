// SPDX-License-Identifier: MIT
/*
 * A guest TLB entry and the partition's guest map folded into one
 * hardware TLB entry (the scheme is in asm/shadow_tlb.h). Everything a
 * guest can put in its TLB goes through here before the hardware sees
 * it, so this is where partitions are kept apart on e500: a guest-physical
 * address outside the partition's regions gives nothing, and no entry
 * made here reaches past the region it was found in.
 */
#include <asm/shadow_tlb.h>

static const uint32_t access_perm[] = {
	[SHADOW_READ] = MAS3_UR,
	[SHADOW_WRITE] = MAS3_UW,
	[SHADOW_EXEC] = MAS3_UX,
};

static bool is_device(const struct guest_region *r)
{
	return (r->flags & GUEST_DEVICE) || (r->flags & PT_DEVICE);
}

uint32_t shadow_guest_perms(const struct gtlb_entry *ge, unsigned int guest_pr)
{
	if (guest_pr)
		return ge->mas3 & MAS3_USER_PERMS;
	/* SX, SW, SR sit one bit below UX, UW, UR */
	return (ge->mas3 & MAS3_SUPER_PERMS) << 1;
}

/* The user-mode permissions the region allows; never execute from a device */
static uint32_t region_perms(const struct guest_region *r)
{
	uint32_t perms = 0;

	if (r->flags & PT_READ)
		perms |= MAS3_UR;
	if (r->flags & PT_WRITE)
		perms |= MAS3_UW;
	if ((r->flags & PT_EXEC) && !is_device(r))
		perms |= MAS3_UX;
	return perms;
}

/*
 * Devices: caching inhibited and guarded, or a guest could cache or
 * speculate into registers; only the byte order is the guest's. Memory:
 * coherent, so that a partition's vCPUs and its peers over shared
 * memory see each other's stores.
 */
static uint32_t shadow_wimge(const struct gtlb_entry *ge, const struct guest_region *r)
{
	if (is_device(r))
		return (ge->mas2 & MAS2_E) | MAS2_I | MAS2_G;
	return (ge->mas2 & (MAS2_W | MAS2_I | MAS2_G | MAS2_E)) | MAS2_M;
}

/*
 * The largest page size, up to @max_tsize and the guest page's own, whose
 * aligned block around @gpa lies inside @r and whose physical address is
 * aligned to it too; 0 when not even 4 KiB fits (a region not page
 * aligned). The guest page is aligned to its size in both effective and
 * guest-physical space, so a block no bigger than it is aligned in both.
 */
static unsigned int shadow_tsize(const struct guest_region *r, gpaddr_t gpa,
				 unsigned int guest_tsize, unsigned int max_tsize)
{
	unsigned int tsize = guest_tsize < max_tsize ? guest_tsize : max_tsize;

	for (; tsize >= TSIZE_4K; tsize--) {
		uint64_t size = TSIZE_BYTES(tsize);
		gpaddr_t base = gpa & ~(size - 1);

		if (range_contains(r->gpa, r->size, base, size) && IS_ALIGNED(r->pa - r->gpa, size))
			return tsize;
	}
	return 0;
}

static void make_tag(struct shadow_tag *tag, const struct partition *p,
		     const struct e500_mmu_variant *v, const struct gtlb_entry *ge,
		     const struct shadow_fault *f)
{
	unsigned int tid = gtlb_entry_tid(ge);

	tag->partition = p->id;
	tag->guest_pid = tid ? tid : f->guest_pid0 & ((1u << v->tid_bits) - 1);
	tag->guest_as = !!f->guest_as;
	tag->guest_pr = !!f->guest_pr;
}

int shadow_tlb_make(struct partition *p, const struct e500_mmu_variant *v,
		    const struct gtlb_entry *ge, const struct shadow_fault *f,
		    unsigned int max_tsize, struct shadow_tlbe *out)
{
	uint64_t guest_size = gtlb_entry_size(ge);
	unsigned int guest_tsize = (ge->mas1 & MAS1_TSIZE_MASK) >> MAS1_TSIZE_SHIFT;
	uint32_t need = access_perm[f->access], perms;
	const struct guest_region *r;
	unsigned int tsize;
	paddr_t pa;

	out->gpa = gtlb_entry_rpn(ge) + (f->ea & (guest_size - 1));
	perms = shadow_guest_perms(ge, f->guest_pr);
	if (!(perms & need))
		return SHADOW_GUEST_DENIED;
	make_tag(&out->tag, p, v, ge, f);

	r = guest_region_find(p, out->gpa);
	if (!r)
		return SHADOW_NO_REGION;
	if (r->flags & GUEST_EMULATED)
		return SHADOW_EMULATED;
	if (!(r->flags & (GUEST_RAM | GUEST_SHARED | GUEST_DEVICE)))
		return SHADOW_NO_REGION;
	perms &= region_perms(r);
	if (!(perms & need))
		return SHADOW_REGION_DENIED;

	tsize = shadow_tsize(r, out->gpa, guest_tsize, max_tsize);
	if (!tsize)
		return SHADOW_NO_REGION;
	out->size = TSIZE_BYTES(tsize);
	pa = r->pa + ((out->gpa & ~(out->size - 1)) - r->gpa);
	if (pa >> v->pa_bits)
		return SHADOW_NO_REGION;

	out->mas1 = MAS1_V | MAS1_TS | MAS1_TSIZE(tsize);
	out->mas2 = (f->ea & (uint32_t)~(out->size - 1)) | shadow_wimge(ge, r);
	out->mas3 = ((uint32_t)pa & MAS3_RPN_MASK) | perms;
	out->mas7 = (uint32_t)(pa >> 32);
	return SHADOW_MAPPED;
}
