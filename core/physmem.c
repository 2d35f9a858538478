// SPDX-License-Identifier: MIT
/* Free-range bookkeeping for guest physical memory. */
#include <string.h>
#include <bulkhead/physmem.h>

static void remove_at(struct physmem *pm, unsigned int i)
{
	memmove(&pm->free[i], &pm->free[i + 1], (pm->nfree - i - 1) * sizeof(pm->free[0]));
	pm->nfree--;
}

static int insert_at(struct physmem *pm, unsigned int i, uint64_t base, uint64_t size)
{
	if (pm->nfree == PHYSMEM_MAX_RANGES)
		return -1;
	memmove(&pm->free[i + 1], &pm->free[i], (pm->nfree - i) * sizeof(pm->free[0]));
	pm->free[i].base = base;
	pm->free[i].size = size;
	pm->nfree++;
	return 0;
}

void physmem_init(struct physmem *pm, const struct cfg_range *ram, unsigned int nram)
{
	pm->nfree = 0;
	for (unsigned int i = 0; i < nram; i++) {
		unsigned int at = 0;

		while (at < pm->nfree && pm->free[at].base < ram[i].base)
			at++;
		if (ram[i].size)
			insert_at(pm, at, ram[i].base, ram[i].size);
	}
}

/* Cut [base, base+size) out of free range i, which contains it. */
static int carve(struct physmem *pm, unsigned int i, uint64_t base, uint64_t size)
{
	struct cfg_range r = pm->free[i];
	uint64_t tail = r.base + r.size - (base + size);

	if (base > r.base && tail) {
		pm->free[i].size = base - r.base;
		return insert_at(pm, i + 1, base + size, tail);
	}
	if (base > r.base) {
		pm->free[i].size = base - r.base;
	} else if (tail) {
		pm->free[i].base = base + size;
		pm->free[i].size = tail;
	} else {
		remove_at(pm, i);
	}
	return 0;
}

int physmem_reserve(struct physmem *pm, paddr_t base, uint64_t size)
{
	for (unsigned int i = 0; i < pm->nfree; i++)
		if (range_contains(pm->free[i].base, pm->free[i].size, base, size))
			return carve(pm, i, base, size);
	return -1;
}

void physmem_exclude(struct physmem *pm, paddr_t base, uint64_t size)
{
	unsigned int i = 0;

	/* After a carve, range i no longer overlaps or is the next range:
	 * either way look at index i again. */
	while (i < pm->nfree) {
		struct cfg_range r = pm->free[i];
		uint64_t lo, hi;

		if (!ranges_overlap(r.base, r.size, base, size)) {
			i++;
			continue;
		}
		lo = base > r.base ? base : r.base;
		hi = base + size < r.base + r.size ? base + size : r.base + r.size;
		if (carve(pm, i, lo, hi - lo))
			return;
	}
}

int physmem_alloc(struct physmem *pm, uint64_t size, uint64_t align, paddr_t *pa)
{
	for (unsigned int i = 0; i < pm->nfree; i++) {
		uint64_t base = ALIGN_UP(pm->free[i].base, align);

		if (base - pm->free[i].base > pm->free[i].size)
			continue;
		if (pm->free[i].size - (base - pm->free[i].base) < size)
			continue;
		if (carve(pm, i, base, size))
			return -1;
		*pa = base;
		return 0;
	}
	return -1;
}
