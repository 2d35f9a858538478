/* SPDX-License-Identifier: MIT */
/*
 * Basic types shared by the core, the ports and the host tools.
 * Physical and guest-physical addresses are always 64 bits wide, whatever
 * the CPU's register width: LPAE has 40-bit, e500 36-bit and x86 52-bit ones.
 */
#ifndef BULKHEAD_TYPES_H
#define BULKHEAD_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t paddr_t;	/* host physical address */
typedef uint64_t gpaddr_t;	/* guest-physical address (IPA on ARM) */

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1u << PAGE_SHIFT)
#define SZ_2M		0x200000ull
#define SZ_1G		0x40000000ull

#define ALIGN_UP(x, a)		(((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))

/* true when [a, a+as) and [b, b+bs) share at least one byte */
static inline bool ranges_overlap(uint64_t a, uint64_t as, uint64_t b, uint64_t bs)
{
	return as && bs && a < b + bs && b < a + as;
}

/* true when [inner, inner+is) lies inside [outer, outer+os) */
static inline bool range_contains(uint64_t outer, uint64_t os, uint64_t inner, uint64_t is)
{
	return inner >= outer && is <= os && inner - outer <= os - is;
}

#endif
