// SPDX-License-Identifier: MIT
/*
 * A partition's guest-physical map as data: its regions sorted by guest
 * address, recorded while the partition is created, and looked up by
 * guest address on every path that needs the region behind one (guest
 * memory copies, the e500 port's TLB misses). Pure: the host tool lays
 * partitions out with the same code.
 */
#include <string.h>
#include <bulkhead/partition.h>

/* Index of the first region of @p whose gpa is above @gpa (nregions if none). */
static unsigned int first_above(const struct partition *p, gpaddr_t gpa)
{
	unsigned int lo = 0, hi = p->nregions;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (p->region[mid].gpa <= gpa)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct guest_region *guest_region_clash(const struct partition *p, gpaddr_t gpa,
					      uint64_t size)
{
	unsigned int i = first_above(p, gpa);

	/* Regions do not overlap each other: only these two can overlap it */
	if (i > 0 && ranges_overlap(p->region[i - 1].gpa, p->region[i - 1].size, gpa, size))
		return &p->region[i - 1];
	if (i < p->nregions && ranges_overlap(p->region[i].gpa, p->region[i].size, gpa, size))
		return &p->region[i];
	return NULL;
}

int guest_region_insert(struct partition *p, const struct guest_region *r)
{
	unsigned int i;

	if (!r->size || r->gpa + (r->size - 1) < r->gpa)
		return GUEST_REGION_EMPTY;
	if (p->nregions == MAX_GUEST_REGIONS)
		return GUEST_REGION_FULL;
	if (guest_region_clash(p, r->gpa, r->size))
		return GUEST_REGION_OVERLAP;
	i = first_above(p, r->gpa);
	memmove(&p->region[i + 1], &p->region[i], (p->nregions - i) * sizeof(p->region[0]));
	p->region[i] = *r;
	p->nregions++;
	return 0;
}

const struct guest_region *guest_region_find(struct partition *p, gpaddr_t gpa)
{
	unsigned int i = __atomic_load_n(&p->region_hint, __ATOMIC_RELAXED);

	if (i < p->nregions && range_contains(p->region[i].gpa, p->region[i].size, gpa, 1))
		return &p->region[i];
	i = first_above(p, gpa);
	if (!i || !range_contains(p->region[i - 1].gpa, p->region[i - 1].size, gpa, 1))
		return NULL;
	__atomic_store_n(&p->region_hint, i - 1, __ATOMIC_RELAXED);
	return &p->region[i - 1];
}

const char *guest_region_kind(unsigned int flags)
{
	switch (flags & GUEST_KIND_MASK) {
	case GUEST_RAM:
		return "RAM";
	case GUEST_DEVICE:
		return "device";
	case GUEST_SHARED:
		return "shared memory";
	case GUEST_EMULATED:
		return "emulated device";
	}
	return "region";
}

/* By physical address: the few callers (guest instruction reads) scan. */
bool partition_owns_ram(const struct partition *p, paddr_t pa, uint64_t len)
{
	for (unsigned int i = 0; i < p->nregions; i++) {
		const struct guest_region *r = &p->region[i];

		if ((r->flags & (GUEST_RAM | GUEST_SHARED)) && range_contains(r->pa, r->size, pa, len))
			return true;
	}
	return false;
}

int guest_ram_translate(struct partition *p, gpaddr_t gpa, uint64_t len, paddr_t *pa)
{
	const struct guest_region *r = guest_region_find(p, gpa);

	if (!r || !(r->flags & (GUEST_RAM | GUEST_SHARED)) ||
	    !range_contains(r->gpa, r->size, gpa, len))
		return -1;
	*pa = r->pa + (gpa - r->gpa);
	return 0;
}
