// SPDX-License-Identifier: MIT
/*
 * Page-table engine: walks and fills radix tables described by a
 * struct pt_format (see bulkhead/pgtable.h). Nothing here knows a
 * descriptor bit; the format's callbacks do.
 *
 * "depth" below counts walk steps from the root (0 .. levels-1); the
 * architectural level handed to the callbacks is first_level + depth.
 * Recursion is bounded by the number of levels (at most PT_MAX_LEVELS).
 */
#include <string.h>

#include <bulkhead/pgtable.h>

/* The current position of a mapping in progress. */
struct map_cursor {
	uint64_t va;		/* [start, va) is mapped */
	paddr_t pa;
	uint64_t end;
	unsigned int attrs;
};

static unsigned int level_shift(const struct pt_format *fmt, unsigned int depth)
{
	unsigned int shift = fmt->page_shift;
	unsigned int d;

	for (d = depth + 1; d < fmt->levels; d++)
		shift += fmt->level[d].index_bits;
	return shift;
}

unsigned int pt_input_bits(const struct pt_format *fmt)
{
	return level_shift(fmt, 0) + fmt->level[0].index_bits;
}

size_t pt_table_entries(const struct pt_format *fmt, unsigned int depth)
{
	return (size_t)1 << fmt->level[depth].index_bits;
}

size_t pt_table_size(const struct pt_format *fmt, unsigned int depth)
{
	return pt_table_entries(fmt, depth) * sizeof(pte_t);
}

/* true when [base, base + size) lies below 2^bits (bits < 64) */
static bool fits_in_bits(uint64_t base, uint64_t size, unsigned int bits)
{
	uint64_t limit = 1ull << bits;

	return size <= limit && base <= limit - size;
}

/* Catch formats the walk could not handle before touching any memory. */
static bool format_ok(const struct pt_format *fmt)
{
	unsigned int depth;
	size_t align;

	if (!fmt->levels || fmt->levels > PT_MAX_LEVELS)
		return false;
	/* without last-level leaves some ranges could not be mapped */
	if (!fmt->level[fmt->levels - 1].leaf_ok)
		return false;
	for (depth = 0; depth < fmt->levels; depth++) {
		align = fmt->level[depth].table_align;
		if (!fmt->level[depth].index_bits || align < sizeof(pte_t) ||
		    (align & (align - 1)))
			return false;
	}
	/* end-of-span arithmetic relies on addresses staying below 2^64 */
	return pt_input_bits(fmt) < 64 && fmt->oa_bits < 64 &&
	       fmt->oa_bits > fmt->page_shift;
}

static pte_t *table_virt(const struct pgtable *pt, paddr_t pa)
{
	return pt->alloc->phys_to_virt(pt->alloc->ctx, pa);
}

/*
 * Get a zeroed table for walk depth `depth`. A table the format cannot
 * point to (misaligned, or beyond its output width) counts as no memory:
 * linking it would make the hardware walk some other address.
 */
static pte_t *new_table(const struct pgtable *pt, unsigned int depth,
			paddr_t *pa)
{
	const struct pt_format *fmt = pt->fmt;
	size_t size = pt_table_size(fmt, depth);
	size_t align = fmt->level[depth].table_align;
	pte_t *table;

	table = pt->alloc->alloc(pt->alloc->ctx, size, align, pa);
	if (!table || !IS_ALIGNED(*pa, (uint64_t)align) ||
	    !fits_in_bits(*pa, size, fmt->oa_bits))
		return NULL;
	memset(table, 0, size);
	return table;
}

static pte_t *entry_at(const struct pt_format *fmt, pte_t *table,
		       unsigned int depth, uint64_t va)
{
	size_t index = (va >> level_shift(fmt, depth)) &
		       (pt_table_entries(fmt, depth) - 1);

	return &table[index];
}

/*
 * Classify through the format, except that a valid entry at the last level
 * is always a leaf: formats need not tell a page from a table there (x86
 * reuses the large-page bit as PAT in its last level).
 */
static enum pt_entry_kind kind_of(const struct pt_format *fmt, pte_t pte,
				  unsigned int depth)
{
	enum pt_entry_kind kind = fmt->classify(pte, fmt->first_level + depth);

	if (kind == PT_ENTRY_TABLE && depth + 1 == fmt->levels)
		return PT_ENTRY_LEAF;
	return kind;
}

/* End of the span covered by the entry holding va, clipped to limit. */
static uint64_t span_end(uint64_t va, uint64_t span, uint64_t limit)
{
	uint64_t end = (va | (span - 1)) + 1;

	return end < limit ? end : limit;
}

int pt_init(struct pgtable *pt, const struct pt_format *fmt,
	    const struct pt_allocator *alloc)
{
	if (!format_ok(fmt))
		return -PT_EINVAL;
	pt->fmt = fmt;
	pt->alloc = alloc;
	pt->root = new_table(pt, 0, &pt->root_pa);
	return pt->root ? 0 : -PT_ENOMEM;
}

/* Find the table below *pte, creating it if the entry is empty. */
static int next_table(const struct pgtable *pt, pte_t *pte,
		      unsigned int depth, pte_t **next)
{
	const struct pt_format *fmt = pt->fmt;
	paddr_t pa;

	switch (kind_of(fmt, *pte, depth)) {
	case PT_ENTRY_TABLE:
		*next = table_virt(pt, fmt->output_addr(*pte,
						fmt->first_level + depth));
		return 0;
	case PT_ENTRY_LEAF:
		return -PT_EEXIST;
	default:
		*next = new_table(pt, depth + 1, &pa);
		if (!*next)
			return -PT_ENOMEM;
		*pte = fmt->make_table(pa);
		return 0;
	}
}

static bool leaf_fits(const struct pt_format *fmt, unsigned int depth,
		      const struct map_cursor *cur, uint64_t span)
{
	return fmt->level[depth].leaf_ok && cur->end - cur->va >= span &&
	       IS_ALIGNED(cur->va | cur->pa, span);
}

/*
 * Map [cur->va, limit) inside `table`. A leaf goes in only where the entry
 * is empty: an existing table is descended into even if a bigger leaf
 * would fit, so mappings already below it are found, not overwritten.
 */
static int map_level(const struct pgtable *pt, pte_t *table,
		     unsigned int depth, struct map_cursor *cur, uint64_t limit)
{
	const struct pt_format *fmt = pt->fmt;
	uint64_t span = 1ull << level_shift(fmt, depth);
	pte_t *pte, *next;
	int err;

	while (cur->va < limit) {
		pte = entry_at(fmt, table, depth, cur->va);
		if (leaf_fits(fmt, depth, cur, span) &&
		    kind_of(fmt, *pte, depth) == PT_ENTRY_INVALID) {
			*pte = fmt->make_leaf(cur->pa, fmt->first_level + depth,
					      cur->attrs);
			cur->va += span;
			cur->pa += span;
			continue;
		}
		err = next_table(pt, pte, depth, &next);
		if (!err)
			err = map_level(pt, next, depth + 1, cur,
					span_end(cur->va, span, limit));
		if (err)
			return err;
	}
	return 0;
}

/*
 * Undo a failed pt_map_range: every leaf in [va, end) was written by it,
 * since it stops at the first existing one, so clear them all. An all-zero
 * entry is invalid in every format (new tables start zeroed).
 */
static void clear_leaves(const struct pgtable *pt, pte_t *table,
			 unsigned int depth, uint64_t va, uint64_t end)
{
	const struct pt_format *fmt = pt->fmt;
	uint64_t span = 1ull << level_shift(fmt, depth);
	enum pt_entry_kind kind;
	uint64_t next;
	pte_t *pte;

	for (; va < end; va = next) {
		pte = entry_at(fmt, table, depth, va);
		next = span_end(va, span, end);
		kind = kind_of(fmt, *pte, depth);
		if (kind == PT_ENTRY_LEAF)
			*pte = 0;
		else if (kind == PT_ENTRY_TABLE)
			clear_leaves(pt, table_virt(pt, fmt->output_addr(*pte,
						fmt->first_level + depth)),
				     depth + 1, va, next);
	}
}

/* Execute-only or no-access leaves cannot be expressed by every format. */
static bool attrs_ok(unsigned int attrs)
{
	return !(attrs & ~PT_ATTR_MASK) && (attrs & PT_RW);
}

int pt_map_range(struct pgtable *pt, uint64_t va, paddr_t pa, uint64_t size,
		 unsigned int attrs)
{
	const struct pt_format *fmt = pt->fmt;
	uint64_t page = 1ull << fmt->page_shift;
	struct map_cursor cur = {
		.va = va, .pa = pa, .end = va + size, .attrs = attrs,
	};
	int err;

	if (!attrs_ok(attrs) || !size || !IS_ALIGNED(va | pa | size, page))
		return -PT_EINVAL;
	if (!fits_in_bits(va, size, pt_input_bits(fmt)) ||
	    !fits_in_bits(pa, size, fmt->oa_bits))
		return -PT_ERANGE;

	err = map_level(pt, pt->root, 0, &cur, cur.end);
	if (err)
		clear_leaves(pt, pt->root, 0, va, cur.va);
	return err;
}

int pt_lookup(const struct pgtable *pt, uint64_t va, paddr_t *pa,
	      unsigned int *level)
{
	const struct pt_format *fmt = pt->fmt;
	pte_t *table = pt->root;
	unsigned int depth;
	unsigned int lvl;
	pte_t pte;

	if (!fits_in_bits(va, 1, pt_input_bits(fmt)))
		return -PT_ERANGE;

	/* kind_of() makes any valid last-level entry a leaf: this ends */
	for (depth = 0;; depth++) {
		pte = *entry_at(fmt, table, depth, va);
		lvl = fmt->first_level + depth;
		switch (kind_of(fmt, pte, depth)) {
		case PT_ENTRY_TABLE:
			table = table_virt(pt, fmt->output_addr(pte, lvl));
			break;
		case PT_ENTRY_LEAF:
			*pa = fmt->output_addr(pte, lvl) +
			      (va & ((1ull << level_shift(fmt, depth)) - 1));
			if (level)
				*level = lvl;
			return 0;
		default:
			return -PT_ENOENT;
		}
	}
}
