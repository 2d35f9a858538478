/* SPDX-License-Identifier: MIT */
/*
 * Physical memory handed to guests: the board's RAM minus reserved
 * ranges, kept as a sorted list of free ranges (core/placement.c). Plus copies to and from
 * any physical address through the port's mapping window.
 */
#ifndef BULKHEAD_PHYSMEM_H
#define BULKHEAD_PHYSMEM_H

#include <bulkhead/types.h>
#include <bulkhead/config.h>

#define PHYSMEM_MAX_RANGES	32

struct physmem {
	struct cfg_range free[PHYSMEM_MAX_RANGES];
	unsigned int nfree;
};

void physmem_init(struct physmem *pm, const struct cfg_range *ram, unsigned int nram);
/* Take [base, base+size) out of the free list; -1 unless all of it was free. */
int physmem_reserve(struct physmem *pm, paddr_t base, uint64_t size);
/* Remove whatever part of [base, base+size) is free; never fails. */
void physmem_exclude(struct physmem *pm, paddr_t base, uint64_t size);
/* Lowest free @align-aligned range of @size bytes; -1 when none. */
int physmem_alloc(struct physmem *pm, uint64_t size, uint64_t align, paddr_t *pa);

/* Copies between hypervisor buffers and physical memory. Any CPU. */
void phys_read(paddr_t pa, void *buf, size_t len);
void phys_write(paddr_t pa, const void *buf, size_t len);
void phys_fill(paddr_t pa, int byte, uint64_t len);
void phys_copy(paddr_t dst, paddr_t src, uint64_t len);

#endif
