/* SPDX-License-Identifier: MIT */
/*
 * ARMv7 LPAE (long-descriptor) stage-2 translation: descriptor bits and the
 * matching VTCR value. Field positions follow the ARMv7-A ARM, B3.6
 * (Long-descriptor translation table format) and B4.1.159 (VTCR).
 *
 * The stage-2 walk starts at level 1 with a 40-bit IPA: level 1 resolves
 * IPA[39:30] (1024 entries, two concatenated 4 KiB tables, so the table
 * and VTTBR are 8 KiB aligned), levels 2 and 3 resolve 9 bits each.
 */
#ifndef ASM_LPAE_H
#define ASM_LPAE_H

#include <bulkhead/pgtable.h>

#define LPAE_S2_IPA_BITS	40
#define LPAE_S2_FIRST_LEVEL	1
#define LPAE_LAST_LEVEL		3

/* Descriptor type, bits[1:0]: block and table at levels 1-2, page at 3 */
#define LPAE_TYPE_MASK		0x3ull
#define LPAE_TYPE_BLOCK		0x1ull	/* reserved at level 3 */
#define LPAE_TYPE_TABLE		0x3ull
#define LPAE_TYPE_PAGE		0x3ull

/* Output address, bits[39:12]; a block's bits below its size are RES0 */
#define LPAE_OA_MASK		0x000000fffffff000ull

/*
 * Stage-2 block and page attributes: MemAttr[3:0] in bits[5:2] (0b0001
 * Device, i.e. nGnRE; 0b1111 Normal outer and inner write-back), HAP[2:1]
 * in bits[7:6], SH[1:0] in bits[9:8], access flag, execute never.
 */
#define LPAE_S2_MEMATTR(x)	((pte_t)(x) << 2)
#define LPAE_S2_MEMATTR_DEVICE	LPAE_S2_MEMATTR(0x1)
#define LPAE_S2_MEMATTR_WB	LPAE_S2_MEMATTR(0xf)
#define LPAE_S2_HAP_READ	(1ull << 6)
#define LPAE_S2_HAP_WRITE	(1ull << 7)
#define LPAE_SH_INNER		(3ull << 8)
#define LPAE_AF			(1ull << 10)
#define LPAE_XN			(1ull << 54)

/*
 * VTCR for this format. ARMv7's T0SZ is a 4-bit signed field: -8 (0b1000,
 * with S = T0SZ[3]) gives 32 - (-8) = 40 IPA bits; SL0 = 1 starts the walk
 * at level 1; table walks are inner shareable, write-back write-allocate.
 */
#define VTCR_T0SZ_40BIT		0x8u
#define VTCR_S			(1u << 4)
#define VTCR_SL0_LEVEL1		(1u << 6)
#define VTCR_IRGN0_WBWA		(1u << 8)
#define VTCR_ORGN0_WBWA		(1u << 10)
#define VTCR_SH0_INNER		(3u << 12)
#define VTCR_RES1		(1u << 31)
#define LPAE_S2_VTCR		(VTCR_RES1 | VTCR_SH0_INNER | \
				 VTCR_ORGN0_WBWA | VTCR_IRGN0_WBWA | \
				 VTCR_SL0_LEVEL1 | VTCR_S | VTCR_T0SZ_40BIT)

/* The VTTBR base is the root table's physical address (pgtable.root_pa). */
extern const struct pt_format lpae_stage2_format;

#endif
