// SPDX-License-Identifier: MIT
/*
 * The guest's page tables walked in software (asm/guest_walk.h), as the
 * AMD64 APM vol. 2, 5.3 to 5.5 describes them. No accessed or dirty bit
 * is set: the walk only reads what the CPU already walked to fetch the
 * instruction.
 */
#include <asm/guest_walk.h>
#include <asm/x86.h>

#define ADDR_MASK_64	0x000ffffffffff000ull
#define PAGE_4K		12
#define CR4_PSE		(1u << 4)

static int entry(uint64_t table, unsigned int index, unsigned int size, bool user,
		 guest_read_entry_t read, void *ctx, uint64_t *val)
{
	if (read(ctx, table + (uint64_t)index * size, size, val))
		return -1;
	if (!(*val & PTE_P) || (user && !(*val & PTE_U)))
		return -1;
	return 0;
}

/* @levels of 512 entries from @table; 1 GiB and 2 MiB leaves at levels 3 and 2 */
static int walk_64(uint64_t table, unsigned int levels,
		   uint64_t linear, bool user, guest_read_entry_t read, void *ctx,
		   uint64_t *gpa)
{
	for (unsigned int level = levels; level > 0; level--) {
		unsigned int shift = PAGE_4K + 9 * (level - 1);
		uint64_t e;

		if (entry(table, (linear >> shift) & 511, 8, user, read, ctx, &e))
			return -1;
		table = e & ADDR_MASK_64;
		if (level == 1 || ((level == 2 || level == 3) && (e & PTE_PS))) {
			uint64_t page = 1ull << shift;

			*gpa = (table & ~(page - 1)) | (linear & (page - 1));
			return 0;
		}
	}
	return -1;
}

static int walk_pae(const struct guest_paging *pg, uint64_t linear, bool user,
		    guest_read_entry_t read, void *ctx, uint64_t *gpa)
{
	uint64_t pdpte;

	/* The four PDPTEs have no U bit: user access is the lower levels' */
	if (entry(pg->cr3 & ~0x1full, (linear >> 30) & 3, 8, false, read, ctx, &pdpte))
		return -1;
	return walk_64(pdpte & ADDR_MASK_64, 2, linear & 0x3fffffff, user, read, ctx, gpa);
}

static int walk_32(const struct guest_paging *pg, uint64_t linear, bool user,
		   guest_read_entry_t read, void *ctx, uint64_t *gpa)
{
	uint64_t pde, pte;

	linear &= 0xffffffffu;
	if (entry(pg->cr3 & 0xfffff000u, linear >> 22, 4, user, read, ctx, &pde))
		return -1;
	if ((pde & PTE_PS) && (pg->cr4 & CR4_PSE)) {
		*gpa = (pde & 0xffc00000u) | (linear & 0x3fffff);
		return 0;
	}
	if (entry(pde & 0xfffff000u, (linear >> 12) & 1023, 4, user, read, ctx, &pte))
		return -1;
	*gpa = (pte & 0xfffff000u) | (linear & 0xfff);
	return 0;
}

int guest_walk(const struct guest_paging *pg, uint64_t linear, bool user,
	       guest_read_entry_t read, void *ctx, uint64_t *gpa)
{
	if (!(pg->cr0 & CR0_PG)) {
		*gpa = linear & 0xffffffffu;
		return 0;
	}
	if (pg->efer & EFER_LMA)
		return walk_64(pg->cr3 & ADDR_MASK_64, 4, linear, user, read, ctx, gpa);
	if (pg->cr4 & CR4_PAE)
		return walk_pae(pg, linear, user, read, ctx, gpa);
	return walk_32(pg, linear, user, read, ctx, gpa);
}
