/* SPDX-License-Identifier: MIT */
/*
 * The Freescale MPIC (an OpenPIC) as software reaches it: register
 * offsets from the controller's base, their fields, and the sense cell of
 * its device tree binding. One place for the facts that the hypervisor's
 * driver of the physical MPIC (mpic.c) and the partitions' emulated one
 * (vmpic.c) both use. Registers are 32 bits, big-endian, 16-byte aligned.
 * Layout as QEMU's hw/intc/openpic.c (FSL MPIC 2.0 and 4.2 models) and
 * the MPC8544E reference manual lay it out.
 */
#ifndef ASM_MPIC_REGS_H
#define ASM_MPIC_REGS_H

/* The whole controller: what the device tree's reg gives it */
#define MPIC_SIZE		0x40000
/* MPIC at CCSR + 0x40000 on the e500 SoCs QEMU models */
#define MPIC_CCSR_OFFSET	0x40000

/* ---- global registers -------------------------------------------------- */
#define MPIC_BRR1		0x00000	/* block revision: IP id, major, minor */
#define MPIC_FRR		0x01000	/* feature reporting */
#define MPIC_GCR		0x01020	/* global configuration */
#define MPIC_VIR		0x01080	/* vendor identification */
#define MPIC_PIR		0x01090	/* processor core reset, a bit per CPU */
#define MPIC_IPIVPR(n)		(0x010a0 + 0x10 * (n))	/* IPI n vector/priority */
#define MPIC_SVR		0x010e0	/* spurious vector */
#define MPIC_TIMER_BLOCK	0x010f0	/* global timers: TFRR, then 4 x 0x40 */
#define MPIC_TIMER_END		0x01300

/*
 * The per-CPU registers: CPU n's at MPIC_CPU_BASE(n); the same offsets
 * in the global block (0x40-0xb0) reach the accessing CPU's own.
 */
#define MPIC_CPU_BASE(n)	(0x20000 + 0x1000 * (n))
#define MPIC_CPU_STRIDE		0x1000
#define MPIC_IPIDR(n)		(0x040 + 0x10 * (n))	/* IPI n dispatch: CPU mask */
#define MPIC_CTPR		0x080	/* current task priority */
#define MPIC_WHOAMI		0x090	/* the accessing CPU's number */
#define MPIC_IACK		0x0a0	/* interrupt acknowledge: a vector */
#define MPIC_EOI		0x0b0	/* end of interrupt: any value */
#define MPIC_CPU_REGS_END	0x0c0

/* Source n's registers */
#define MPIC_SRC_BASE		0x10000
#define MPIC_SRC_STRIDE		0x20
#define MPIC_IVPR(n)		(MPIC_SRC_BASE + MPIC_SRC_STRIDE * (n))
#define MPIC_IDR(n)		(MPIC_IVPR(n) + 0x10)	/* destination: CPU mask */

#define MPIC_NR_SOURCES		256	/* QEMU's OPENPIC_MAX_SRC */
#define MPIC_NR_IPIS		4

/* GCR */
#define MPIC_GCR_RESET		0x80000000u	/* self-clearing: the whole MPIC resets */
#define MPIC_GCR_MIXED		0x20000000u	/* mixed mode: interrupts reach the cores */

/* FRR */
#define MPIC_FRR_NIRQ_SHIFT	16	/* last source's number */
#define MPIC_FRR_NIRQ_MASK	0x07ff0000u
#define MPIC_FRR_NCPU_SHIFT	8	/* last CPU's number */
#define MPIC_FRR_NCPU_MASK	0x00001f00u
#define MPIC_FRR_VID		0x2u	/* OpenPIC 1.2 */

/* BRR1 of an MPIC 2.0 (QEMU's mpc8544ds model) */
#define MPIC_BRR1_V2_0		0x00400200u

/* IVPR, also the IPIs' */
#define MPIC_IVPR_MSK		0x80000000u	/* masked */
#define MPIC_IVPR_A		0x40000000u	/* activity: requested or in service */
#define MPIC_IVPR_P		0x00800000u	/* polarity: active high, rising edge */
#define MPIC_IVPR_S		0x00400000u	/* sense: level, else edge */
#define MPIC_IVPR_PRIO_SHIFT	16
#define MPIC_IVPR_PRIO_MASK	0x000f0000u	/* 0 never interrupts, 15 highest */
#define MPIC_IVPR_VECTOR_MASK	0x0000ffffu

#define MPIC_PRIO_MAX		15
#define MPIC_CTPR_MASK		0xfu

/* The binding's interrupt specifier: <source sense> */
#define MPIC_SPEC_CELLS		2

/*
 * The binding's second cell (Linux's fsl,mpic binding, QEMU's ppce500
 * and mpc8544ds trees): the source's sense and polarity.
 */
#define MPIC_SENSE_EDGE_RISING	0
#define MPIC_SENSE_LEVEL_LOW	1
#define MPIC_SENSE_LEVEL_HIGH	2
#define MPIC_SENSE_EDGE_FALLING	3

/* The IVPR bits that say sense @s */
static inline unsigned int mpic_sense_bits(unsigned int s)
{
	return (s == MPIC_SENSE_LEVEL_LOW || s == MPIC_SENSE_LEVEL_HIGH ? MPIC_IVPR_S : 0) |
	       (s == MPIC_SENSE_EDGE_RISING || s == MPIC_SENSE_LEVEL_HIGH ? MPIC_IVPR_P : 0);
}

#endif
