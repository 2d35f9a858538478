/* SPDX-License-Identifier: MIT */
/*
 * The hypervisor's page allocator: a bitmap over a pool of pages that the
 * hypervisor itself can address directly (on the A15, memory right after
 * its image). It backs page tables and other hypervisor-private data.
 */
#ifndef BULKHEAD_PAGE_ALLOC_H
#define BULKHEAD_PAGE_ALLOC_H

#include <bulkhead/types.h>
#include <bulkhead/pgtable.h>
#include <bulkhead/spinlock.h>

#define PAGE_POOL_MAX_PAGES	8192	/* 32 MiB */

struct page_pool {
	spinlock_t lock;
	paddr_t base_pa;
	uint8_t *base_va;
	size_t npages;
	uint32_t used[PAGE_POOL_MAX_PAGES / 32];
};

/* @size bytes at physical @pa, mapped at @va; both page aligned. */
void page_pool_init(struct page_pool *pool, paddr_t pa, void *va, size_t size);
/* Zeroed, @align-aligned (power of two, at least a page); NULL when full. */
void *page_pool_alloc(struct page_pool *pool, size_t size, size_t align, paddr_t *pa);
void page_pool_free(struct page_pool *pool, void *va, size_t size);
size_t page_pool_free_pages(struct page_pool *pool);

/* The hypervisor's pool and the page-table allocator built on it. */
extern struct page_pool hv_pool;
extern const struct pt_allocator hv_table_allocator;

#endif
