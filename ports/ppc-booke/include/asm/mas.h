/* SPDX-License-Identifier: MIT */
/*
 * The e500 MMU's register interface: the MMU assist registers MAS0-MAS7,
 * MMUCSR0 and the tlbivax address. Bits are numbered from the least
 * significant (bit 0), not in Book E's 32..63 numbering; the EREF's
 * numbers are given beside where they help reading it.
 *
 * The guest TLB model (guest_tlb.c) and the shadow entries derived from
 * it (shadow_tlb.c) use these, and so will the code that writes the
 * hardware TLB: one layout for the guest's view and the hardware's.
 */
#ifndef ASM_MAS_H
#define ASM_MAS_H

/* MAS0: which entry tlbwe/tlbre address, and the TLB0 replacement hint */
#define MAS0_TLBSEL_SHIFT	28			/* EREF 34..35 */
#define MAS0_TLBSEL_MASK	0x30000000u
#define MAS0_ESEL_SHIFT		16			/* EREF 36..47 */
#define MAS0_ESEL_MASK		0x0fff0000u
#define MAS0_NV_MASK		0x00000fffu		/* EREF 52..63 */
#define MAS0_TLBSEL(n)		((uint32_t)(n) << MAS0_TLBSEL_SHIFT)
#define MAS0_ESEL(n)		((uint32_t)(n) << MAS0_ESEL_SHIFT)

/* MAS1: validity, protection from invalidation, translation space, size */
#define MAS1_V			0x80000000u
#define MAS1_IPROT		0x40000000u
#define MAS1_TID_SHIFT		16			/* EREF 34..47; e500: 8 bits used */
#define MAS1_TID_MASK		0x3fff0000u
#define MAS1_TS			0x00001000u		/* EREF 51 */
/*
 * e500 (MMU architecture version 1) encodes the size in 4 bits, EREF
 * 52..55: the page is 4^TSIZE KiB (1 = 4 KiB ... 11 = 4 GiB). Later
 * cores widen the field one bit down and count 2^TSIZE KiB, which gives
 * the same value for the same size; bit 7 is reserved on e500.
 */
#define MAS1_TSIZE_SHIFT	8
#define MAS1_TSIZE_MASK		0x00000f00u
#define MAS1_TID(n)		(((uint32_t)(n) << MAS1_TID_SHIFT) & MAS1_TID_MASK)
#define MAS1_TSIZE(n)		(((uint32_t)(n) << MAS1_TSIZE_SHIFT) & MAS1_TSIZE_MASK)

/* Page size of a TSIZE value: 4^tsize KiB */
#define TSIZE_BYTES(t)		(1024ull << (2 * (t)))
#define TSIZE_4K		1
#define TSIZE_1M		5
#define TSIZE_16M		7
#define TSIZE_64M		8
#define TSIZE_256M		9
#define TSIZE_1G		10
#define TSIZE_4G		11

/* MAS2: effective page number and storage attributes */
#define MAS2_EPN_MASK		0xfffff000u
#define MAS2_X0			0x00000040u
#define MAS2_X1			0x00000020u
#define MAS2_W			0x00000010u		/* write-through */
#define MAS2_I			0x00000008u		/* caching inhibited */
#define MAS2_M			0x00000004u		/* memory coherence required */
#define MAS2_G			0x00000002u		/* guarded */
#define MAS2_E			0x00000001u		/* little-endian */
#define MAS2_WIMGE_MASK		0x0000001fu
#define MAS2_ATTR_MASK		(MAS2_X0 | MAS2_X1 | MAS2_WIMGE_MASK)

/* MAS3: real page number (low 32 bits), software bits and permissions */
#define MAS3_RPN_MASK		0xfffff000u
#define MAS3_U0_3_MASK		0x000003c0u
#define MAS3_UX			0x00000020u
#define MAS3_SX			0x00000010u
#define MAS3_UW			0x00000008u
#define MAS3_SW			0x00000004u
#define MAS3_UR			0x00000002u
#define MAS3_SR			0x00000001u
#define MAS3_USER_PERMS		(MAS3_UX | MAS3_UW | MAS3_UR)
#define MAS3_SUPER_PERMS	(MAS3_SX | MAS3_SW | MAS3_SR)
#define MAS3_PERMS		(MAS3_USER_PERMS | MAS3_SUPER_PERMS)

/* MAS4: what a miss (TLB error, tlbsx miss) loads MAS0-MAS2 with */
#define MAS4_TLBSELD_MASK	0x30000000u		/* as MAS0[TLBSEL] */
#define MAS4_TIDSELD_SHIFT	16			/* PID0..PID2, 3: TID 0 */
#define MAS4_TIDSELD_MASK	0x00030000u
#define MAS4_TIDSELD_TIDZ	3
#define MAS4_TSIZED_MASK	0x00000f00u		/* as MAS1[TSIZE] */
#define MAS4_ATTRD_MASK		0x0000007fu		/* X0D X1D WD ID MD GD ED, as MAS2 */

/* MAS6: what tlbsx searches with */
#define MAS6_SPID_SHIFT		16			/* EREF 34..47; e500: 8 bits used */
#define MAS6_SPID_MASK		0x3fff0000u
#define MAS6_SAS		0x00000001u

/* MAS7: the real page number above bit 31 (36-bit e500v2 and e500mc) */
#define MAS7_RPN_MASK		0x0000000fu

/* MMUCSR0: flash invalidation of each array (EREF 61, 62) */
#define MMUCSR0_TLB0_FI		0x00000004u
#define MMUCSR0_TLB1_FI		0x00000002u

/* tlbivax: the low bits of the effective address say what it targets */
#define TLBIVAX_TLBSEL1		0x00000008u		/* EREF 60: TLB1, else TLB0 */
#define TLBIVAX_INV_ALL		0x00000004u		/* EREF 61: the whole array */
#define TLBIVAX_EPN_MASK	0xfffff000u

#endif
