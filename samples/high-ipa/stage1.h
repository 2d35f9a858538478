/* SPDX-License-Identifier: MIT */
/*
 * high-ipa: the guest's own stage-1 translation (stage1.c). Both table
 * formats map the partition's RAM (0x40000000, 16 MiB) and its UART
 * (0x09000000) one to one, so that the runtime keeps working with the
 * MMU on, and map windows of virtual addresses onto guest-physical
 * addresses (IPAs) above 4 GiB.
 */
#ifndef HIGH_IPA_STAGE1_H
#define HIGH_IPA_STAGE1_H

#include <stdint.h>

/*
 * Long descriptors (TTBCR.EAE): 2 MiB blocks from 0x80000000 up. The
 * partition maps none of these IPAs but RAM_HIGH_IPA (its second memory
 * region); the low 32 bits of the others are its UART, its emulated GIC
 * distributor and its RAM.
 */
#define LONG_VA_BASE		0x80000000u
#define LONG_BLOCK		0x00200000u
#define UART_HIGH_IPA		0x109000000ull	/* 4 GiB + the UART */
#define GICD_HIGH_IPA		0x108000000ull	/* 4 GiB + the distributor */
#define RAM_ALIAS_IPA		0x140000000ull	/* 4 GiB + its RAM */
#define TOP_IPA			0xffffe00000ull	/* the last 2 MiB of 40 bits */
#define UART_TOP_IPA		0xff09000000ull	/* 0xff << 32 + the UART */
#define RAM_HIGH_IPA		0x100000000ull	/* mapped: its second region */

/* The virtual address of block @n, which maps one of the IPAs above */
#define LONG_VA(n)		((uint32_t)(LONG_VA_BASE + (n) * LONG_BLOCK))
enum long_block { UART_HIGH, GICD_HIGH, RAM_ALIAS, TOP, UART_TOP, RAM_HIGH, LONG_BLOCKS };

/* Short descriptors: 16 MiB supersections, whose output has 40 bits */
#define SHORT_VA_BASE		0x81000000u
#define SUPERSECTION		0x01000000u
#define SHORT_VA(n)		((uint32_t)(SHORT_VA_BASE + (n) * SUPERSECTION))
enum supersection { SS_UART_HIGH, SS_UART_TOP, SUPERSECTIONS };

/* The IPA each window maps, for the messages */
uint64_t stage1_long_ipa(enum long_block n);
uint64_t stage1_short_ipa(enum supersection n);

/* Turn the MMU on with that table format, or off */
void stage1_long_on(void);
void stage1_short_on(void);
void stage1_off(void);

#endif
