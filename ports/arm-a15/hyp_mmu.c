// SPDX-License-Identifier: MIT
/*
 * The hypervisor's own stage-1 translation (HYP mode, LPAE). HYP has a
 * 32-bit address space but the machine's RAM may reach 40 bits, so:
 * VA 0..3 GiB map identically (device memory below CONFIG_HYP_DEVICE_END,
 * normal memory above), and the last GiB is a per-CPU window that
 * port_phys_map() points at any 1 GiB-aligned physical block as normal
 * memory, port_device_map() as device memory. Each CPU has
 * its own 4-entry first-level table so windows never disturb each other.
 * The map needs nothing from the board's device tree, so the MMU and
 * caches are on before any C code parses one (with the MMU off every
 * access is strongly ordered and must be aligned).
 */
#include <bulkhead/port.h>
#include <asm/sysregs.h>

#define BLOCK_1G		0x40000000ull
#define WINDOW_SLOT		3
#define WINDOW_VA		(WINDOW_SLOT * BLOCK_1G)

/* LPAE stage-1 block descriptor fields (ARM ARM B3.6.1) */
#define DESC_BLOCK		0x1ull
#define DESC_ATTRIDX(i)		((uint64_t)(i) << 2)
#define DESC_AP1_SBO		(1ull << 6)	/* AP[1] should be one at HYP */
#define DESC_SH_INNER		(3ull << 8)
#define DESC_AF			(1ull << 10)
#define DESC_XN			(1ull << 54)

#define MAIR_IDX_NORMAL		0	/* 0xff: write-back, read/write-allocate */
#define MAIR_IDX_DEVICE		1	/* 0x04: device */
#define HMAIR0_VALUE		0x000004ffu
/* T0SZ=0 (32-bit VA), walks write-back cacheable, inner shareable */
#define HTCR_VALUE		0x80003500u
#define HSCTLR_M		(1u << 0)
#define HSCTLR_C		(1u << 2)
#define HSCTLR_I		(1u << 12)

static uint64_t hyp_l1[CONFIG_NR_CPUS][4] __attribute__((aligned(32)));

static uint64_t normal_block(paddr_t pa)
{
	return pa | DESC_BLOCK | DESC_ATTRIDX(MAIR_IDX_NORMAL) | DESC_AP1_SBO |
	       DESC_SH_INNER | DESC_AF;
}

static uint64_t device_block(paddr_t pa)
{
	return pa | DESC_BLOCK | DESC_ATTRIDX(MAIR_IDX_DEVICE) | DESC_AP1_SBO |
	       DESC_AF | DESC_XN;
}

/* Boot CPU, MMU off, first thing: build every CPU's tables. */
void hyp_mmu_build(void)
{
	for (unsigned int cpu = 0; cpu < CONFIG_NR_CPUS; cpu++)
		for (unsigned int i = 0; i < 4; i++) {
			paddr_t pa = i * BLOCK_1G;

			hyp_l1[cpu][i] = pa < CONFIG_HYP_DEVICE_END ? device_block(pa) :
								      normal_block(pa);
		}
	dsb();
}

/* Each CPU, early, with its tables built: turn the MMU and caches on. */
void hyp_mmu_enable(unsigned int cpu)
{
	write_hmair0(HMAIR0_VALUE);
	write_htcr(HTCR_VALUE);
	write_httbr((uintptr_t)hyp_l1[cpu]);
	isb();
	tlbi_all_hyp_local();
	dsb();
	write_hsctlr(read_hsctlr() | HSCTLR_M | HSCTLR_C | HSCTLR_I);
	isb();
}

/* Point this CPU's window at the 1 GiB block @desc describes; its VA for @pa. */
static void *window_map(uint64_t desc, paddr_t pa)
{
	uint64_t *slot = &hyp_l1[port_cpu_index()][WINDOW_SLOT];
	paddr_t block = pa & ~(BLOCK_1G - 1);

	if (*slot != desc) {
		*slot = desc;
		dsb();
		tlbi_all_hyp_local();
		dsb();
		isb();
	}
	return (void *)(uintptr_t)(WINDOW_VA + (pa - block));
}

void *port_phys_map(paddr_t pa, size_t *len)
{
	paddr_t block = pa & ~(BLOCK_1G - 1);
	uint64_t room = pa < WINDOW_VA ? WINDOW_VA - pa : block + BLOCK_1G - pa;

	if (*len > room)
		*len = room;
	if (pa < WINDOW_VA)
		return (void *)(uintptr_t)pa;
	return window_map(normal_block(block), pa);
}

/* Device registers: identity below CONFIG_HYP_DEVICE_END, else the window. */
void *port_device_map(paddr_t pa, size_t size, bool lasting)
{
	paddr_t block = pa & ~(BLOCK_1G - 1);

	if (range_contains(0, CONFIG_HYP_DEVICE_END, pa, size))
		return (void *)(uintptr_t)pa;
	if (lasting || !range_contains(block, BLOCK_1G, pa, size))
		return NULL;
	return window_map(device_block(block), pa);
}

void port_guest_memory_written(paddr_t pa, uint64_t len)
{
	/* Guests start with the MMU and caches off, reading memory
	 * non-cacheably: push what we wrote through the caches to RAM. */
	while (len) {
		size_t chunk = len;
		uintptr_t va = (uintptr_t)port_phys_map(pa, &chunk);

		for (uintptr_t line = va & ~63u; line < va + chunk; line += 64)
			dcache_clean_inval_line(line);
		pa += chunk;
		len -= chunk;
	}
	dsb();
	icache_inval_all();
	dsb();
	isb();
}
