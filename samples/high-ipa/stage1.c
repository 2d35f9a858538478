// SPDX-License-Identifier: MIT
/*
 * high-ipa: the guest's stage-1 tables, in both formats (stage1.h has the
 * layout), and turning its MMU on and off. Caches stay off: all memory is
 * non-cacheable, so the tables need no cache maintenance.
 */
#include "guest.h"
#include "stage1.h"

#define RAM_BASE		0x40000000u
#define RAM_SIZE		0x01000000u
#define UART_BASE		0x09000000u

#define SCTLR_M			(1u << 0)
#define SCTLR_TRE		(1u << 28)	/* TEX remap: off, TEX/C/B as they are */
#define SCTLR_AFE		(1u << 29)	/* access flag: off, AP[0] a permission */
#define TTBCR_EAE		(1u << 31)
#define TTBCR_EPD1		(1u << 23)	/* no walks from TTBR1 */
#define DACR_D0_CLIENT		0x1u

/* Long descriptors: MAIR0 attribute 0 Strongly-ordered, 1 Normal non-cacheable */
#define MAIR0_VALUE		0x00004400u
#define LD_BLOCK		0x1ull
#define LD_TABLE		0x3ull
#define LD_ATTR_DEVICE		(0ull << 2)
#define LD_ATTR_NORMAL		(1ull << 2)
#define LD_AP_RW_PL1		(0ull << 6)
#define LD_SH_INNER		(3ull << 8)
#define LD_AF			(1ull << 10)
#define LD_XN			(1ull << 54)
#define LD_DEVICE		(LD_BLOCK | LD_ATTR_DEVICE | LD_AP_RW_PL1 | LD_AF | LD_XN)
#define LD_NORMAL		(LD_BLOCK | LD_ATTR_NORMAL | LD_AP_RW_PL1 | LD_SH_INNER | LD_AF)

/* Short descriptors: domain 0, PL1 read/write (AP 0b001) */
#define SD_SECTION		0x2u
#define SD_SUPERSECTION		(SD_SECTION | (1u << 18))
#define SD_XN			(1u << 4)
#define SD_AP_RW_PL1		(1u << 10)
#define SD_STRONGLY_ORDERED	0x0u		/* TEX 000, C 0, B 0 */
#define SD_NORMAL_NC		(1u << 12)	/* TEX 001, C 0, B 0 */

static const struct {
	uint64_t ipa;
	uint64_t attrs;
} long_blocks[LONG_BLOCKS] = {
	[UART_HIGH] = { UART_HIGH_IPA, LD_DEVICE },
	[GICD_HIGH] = { GICD_HIGH_IPA, LD_DEVICE },
	[RAM_ALIAS] = { RAM_ALIAS_IPA, LD_NORMAL },	/* executable: a fetch probe */
	[TOP] = { TOP_IPA, LD_NORMAL },
	[UART_TOP] = { UART_TOP_IPA, LD_DEVICE },
	[RAM_HIGH] = { RAM_HIGH_IPA, LD_NORMAL },
};

static const uint64_t supersections[SUPERSECTIONS] = {
	[SS_UART_HIGH] = UART_HIGH_IPA,
	[SS_UART_TOP] = UART_TOP_IPA,
};

/* T0SZ 0: level 1 has four 1 GiB entries; level 2 maps 0x80000000 up */
static uint64_t long_l1[4] __attribute__((aligned(4096)));
static uint64_t long_l2[512] __attribute__((aligned(4096)));
static uint32_t short_l1[4096] __attribute__((aligned(16384)));

uint64_t stage1_long_ipa(enum long_block n)
{
	return long_blocks[n].ipa;
}

uint64_t stage1_short_ipa(enum supersection n)
{
	return supersections[n];
}

#define CP15_WRITE(name, opc1, crn, crm, opc2)					\
static inline void write_##name(uint32_t v)					\
{										\
	__asm__ volatile("mcr p15, " #opc1 ", %0, " #crn ", " #crm ", " #opc2	\
			 :: "r"(v) : "memory");					\
}

CP15_WRITE(sctlr, 0, c1, c0, 0)
CP15_WRITE(ttbr0_32, 0, c2, c0, 0)
CP15_WRITE(ttbcr, 0, c2, c0, 2)
CP15_WRITE(dacr, 0, c3, c0, 0)
CP15_WRITE(mair0, 0, c10, c2, 0)
CP15_WRITE(tlbiall, 0, c8, c7, 0)
CP15_WRITE(iciallu, 0, c7, c5, 0)

static inline uint32_t read_sctlr(void)
{
	uint32_t v;

	__asm__ volatile("mrc p15, 0, %0, c1, c0, 0" : "=r"(v));
	return v;
}

static inline void write_ttbr0_64(uint64_t v)
{
	__asm__ volatile("mcrr p15, 0, %0, %1, c2"
			 :: "r"((uint32_t)v), "r"((uint32_t)(v >> 32)) : "memory");
}

/* The tables are written: forget old translations, then turn the MMU on */
static void mmu_on(void)
{
	__asm__ volatile("dsb" ::: "memory");
	write_tlbiall(0);
	write_iciallu(0);
	__asm__ volatile("dsb\n\tisb" ::: "memory");
	write_sctlr((read_sctlr() & ~(SCTLR_TRE | SCTLR_AFE)) | SCTLR_M);
	__asm__ volatile("isb" ::: "memory");
}

void stage1_off(void)
{
	write_sctlr(read_sctlr() & ~SCTLR_M);
	__asm__ volatile("isb" ::: "memory");
}

void stage1_long_on(void)
{
	unsigned int n;

	long_l1[0] = 0x00000000ull | LD_DEVICE;		/* the UART among the devices */
	long_l1[1] = RAM_BASE | LD_NORMAL;
	long_l1[2] = (uintptr_t)long_l2 | LD_TABLE;
	long_l1[3] = 0;
	for (n = 0; n < LONG_BLOCKS; n++)
		long_l2[n] = long_blocks[n].ipa | long_blocks[n].attrs;
	write_mair0(MAIR0_VALUE);
	write_ttbcr(TTBCR_EAE | TTBCR_EPD1);
	write_ttbr0_64((uintptr_t)long_l1);
	mmu_on();
}

/* Sixteen identical entries, PA[39:32] in bits 23:20 and 8:5 */
static void map_supersection(uint32_t va, uint64_t ipa)
{
	uint32_t desc = (uint32_t)(ipa & 0xff000000u) | (uint32_t)((ipa >> 32) & 0xf) << 20 |
			(uint32_t)((ipa >> 36) & 0xf) << 5 | SD_SUPERSECTION | SD_XN |
			SD_AP_RW_PL1 | SD_STRONGLY_ORDERED;
	unsigned int i;

	for (i = 0; i < 16; i++)
		short_l1[(va >> 20) + i] = desc;
}

void stage1_short_on(void)
{
	uint32_t mb;
	unsigned int n;

	short_l1[UART_BASE >> 20] = UART_BASE | SD_SECTION | SD_XN | SD_AP_RW_PL1 |
				    SD_STRONGLY_ORDERED;
	for (mb = RAM_BASE; mb < RAM_BASE + RAM_SIZE; mb += 0x100000u)
		short_l1[mb >> 20] = mb | SD_SECTION | SD_AP_RW_PL1 | SD_NORMAL_NC;
	for (n = 0; n < SUPERSECTIONS; n++)
		map_supersection(SHORT_VA(n), supersections[n]);
	write_dacr(DACR_D0_CLIENT);
	write_ttbcr(0);
	write_ttbr0_32((uintptr_t)short_l1);
	mmu_on();
}
