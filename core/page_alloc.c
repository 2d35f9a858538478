// SPDX-License-Identifier: MIT
/*
 * Bitmap page allocator. First fit at the requested alignment: the pool
 * is small and allocation happens while partitions are created, so a
 * linear scan costs nothing that matters and keeps the code obvious.
 */
#include <string.h>
#include <bulkhead/page_alloc.h>

struct page_pool hv_pool;

static bool page_used(const struct page_pool *pool, size_t i)
{
	return pool->used[i / 32] & (1u << (i % 32));
}

static void mark(struct page_pool *pool, size_t first, size_t n, bool used)
{
	for (size_t i = first; i < first + n; i++) {
		if (used)
			pool->used[i / 32] |= 1u << (i % 32);
		else
			pool->used[i / 32] &= ~(1u << (i % 32));
	}
}

void page_pool_init(struct page_pool *pool, paddr_t pa, void *va, size_t size)
{
	memset(pool, 0, sizeof(*pool));
	pool->base_pa = pa;
	pool->base_va = va;
	pool->npages = size / PAGE_SIZE;
	if (pool->npages > PAGE_POOL_MAX_PAGES)
		pool->npages = PAGE_POOL_MAX_PAGES;
}

static bool run_is_free(const struct page_pool *pool, size_t first, size_t n)
{
	for (size_t i = first; i < first + n; i++)
		if (page_used(pool, i))
			return false;
	return true;
}

void *page_pool_alloc(struct page_pool *pool, size_t size, size_t align, paddr_t *pa)
{
	size_t n = (size + PAGE_SIZE - 1) / PAGE_SIZE;
	void *va = NULL;

	if (!n || align < PAGE_SIZE || (align & (align - 1)))
		return NULL;
	spin_lock(&pool->lock);
	for (size_t i = 0; i + n <= pool->npages; i++) {
		paddr_t addr = pool->base_pa + (paddr_t)i * PAGE_SIZE;

		if (!IS_ALIGNED(addr, align) || !run_is_free(pool, i, n))
			continue;
		mark(pool, i, n, true);
		*pa = addr;
		va = pool->base_va + i * PAGE_SIZE;
		break;
	}
	spin_unlock(&pool->lock);
	if (va)
		memset(va, 0, n * PAGE_SIZE);
	return va;
}

void page_pool_free(struct page_pool *pool, void *va, size_t size)
{
	size_t first = ((uint8_t *)va - pool->base_va) / PAGE_SIZE;

	spin_lock(&pool->lock);
	mark(pool, first, (size + PAGE_SIZE - 1) / PAGE_SIZE, false);
	spin_unlock(&pool->lock);
}

size_t page_pool_free_pages(struct page_pool *pool)
{
	size_t n = 0;

	for (size_t i = 0; i < pool->npages; i++)
		n += !page_used(pool, i);
	return n;
}

static void *table_alloc(void *ctx, size_t size, size_t align, paddr_t *pa)
{
	return page_pool_alloc(ctx, size, align < PAGE_SIZE ? PAGE_SIZE : align, pa);
}

static void *table_phys_to_virt(void *ctx, paddr_t pa)
{
	struct page_pool *pool = ctx;

	return pool->base_va + (pa - pool->base_pa);
}

const struct pt_allocator hv_table_allocator = {
	.ctx = &hv_pool,
	.alloc = table_alloc,
	.phys_to_virt = table_phys_to_virt,
};
