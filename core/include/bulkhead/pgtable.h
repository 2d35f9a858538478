/* SPDX-License-Identifier: MIT */
/*
 * Data-driven page-table engine.
 *
 * One engine builds every radix translation table the ports need (ARM LPAE
 * stage-2 today, x86-64 nested paging later). What differs between
 * architectures is described as data in a struct pt_format: how many levels
 * are walked, how many index bits each level takes, where large leaves are
 * allowed, how big and how aligned each table is, and a few small callbacks
 * that encode and decode entries. The engine never looks at descriptor bits
 * itself.
 *
 * The engine only writes entries with plain 64-bit stores. Making them
 * visible to the table walker (cache cleaning, barriers, TLB invalidation)
 * is the caller's job: the hypervisor builds guest tables before any guest
 * runs and does that maintenance once, before enabling translation.
 */
#ifndef BULKHEAD_PGTABLE_H
#define BULKHEAD_PGTABLE_H

#include <bulkhead/types.h>

typedef uint64_t pte_t;

/* Arch-neutral attributes of a mapping; formats translate them to bits. */
#define PT_READ		(1u << 0)
#define PT_WRITE	(1u << 1)
#define PT_EXEC		(1u << 2)
#define PT_DEVICE	(1u << 3)	/* device memory: uncached, ordered */
#define PT_RW		(PT_READ | PT_WRITE)
#define PT_RWX		(PT_READ | PT_WRITE | PT_EXEC)
#define PT_ATTR_MASK	(PT_RWX | PT_DEVICE)

/* The engine returns 0 or one of these, negated. */
#define PT_ENOENT	1	/* nothing mapped there */
#define PT_EINVAL	2	/* misaligned, empty or malformed request */
#define PT_ERANGE	3	/* address wider than the format allows */
#define PT_EEXIST	4	/* part of the range is already mapped */
#define PT_ENOMEM	5	/* the allocator could not provide a table */

#define PT_MAX_LEVELS	5

enum pt_entry_kind {
	PT_ENTRY_INVALID,
	PT_ENTRY_TABLE,		/* points to the next level's table */
	PT_ENTRY_LEAF,		/* block or page: translation ends here */
};

/* One level of the walk, top level first. */
struct pt_level {
	unsigned int index_bits;	/* table has 1 << index_bits entries */
	size_t table_align;		/* power of two, in bytes */
	bool leaf_ok;			/* blocks/pages allowed here */
};

/*
 * A translation-table format. Levels are numbered the way the architecture
 * names them: the top walked level is first_level, the next one
 * first_level + 1, and so on. The callbacks receive that number.
 * An all-zero entry must be invalid: new tables start zeroed.
 */
struct pt_format {
	const char *name;
	unsigned int levels;		/* walked, <= PT_MAX_LEVELS */
	unsigned int first_level;
	unsigned int page_shift;	/* size of the smallest leaf */
	unsigned int oa_bits;		/* physical address width */
	struct pt_level level[PT_MAX_LEVELS];

	pte_t (*make_table)(paddr_t next_table_pa);
	/* pa is aligned to the leaf size; attrs are PT_* flags */
	pte_t (*make_leaf)(paddr_t pa, unsigned int level, unsigned int attrs);
	/* the engine takes any valid last-level entry as a leaf */
	enum pt_entry_kind (*classify)(pte_t pte, unsigned int level);
	/* the table or leaf address an entry holds, low bits cleared */
	paddr_t (*output_addr)(pte_t pte, unsigned int level);
};

/*
 * Where tables come from. alloc returns zero-filled or dirty memory (the
 * engine clears it), its virtual address, and its physical address in *pa;
 * NULL when out of memory. phys_to_virt finds a table from the physical
 * address stored in an entry.
 */
struct pt_allocator {
	void *ctx;
	void *(*alloc)(void *ctx, size_t size, size_t align, paddr_t *pa);
	void *(*phys_to_virt)(void *ctx, paddr_t pa);
};

struct pgtable {
	const struct pt_format *fmt;
	const struct pt_allocator *alloc;
	paddr_t root_pa;	/* what the base register (VTTBR, nCR3) gets */
	pte_t *root;
};

/* Bits of input address the format translates (40 for LPAE stage-2). */
unsigned int pt_input_bits(const struct pt_format *fmt);

/* Number of entries and size in bytes of a table at walk depth 0..levels-1. */
size_t pt_table_entries(const struct pt_format *fmt, unsigned int depth);
size_t pt_table_size(const struct pt_format *fmt, unsigned int depth);

/* Check the format and allocate an empty root table. */
int pt_init(struct pgtable *pt, const struct pt_format *fmt,
	    const struct pt_allocator *alloc);

/*
 * Map [va, va + size) to [pa, pa + size) using the largest leaf whose size
 * both addresses are aligned to and the remaining size covers. va, pa and
 * size must be page aligned and size non-zero; attrs must include PT_READ
 * or PT_WRITE. Fails with -PT_EEXIST if any part is already mapped. On any
 * failure no new translation remains, though intermediate tables allocated
 * on the way stay linked (empty).
 */
int pt_map_range(struct pgtable *pt, uint64_t va, paddr_t pa, uint64_t size,
		 unsigned int attrs);

/*
 * Translate va. Returns 0 with *pa and (if level is not NULL) *level, the
 * architectural level of the leaf; -PT_ENOENT when unmapped; -PT_ERANGE
 * when va is beyond the format's input width.
 */
int pt_lookup(const struct pgtable *pt, uint64_t va, paddr_t *pa,
	      unsigned int *level);

#endif
