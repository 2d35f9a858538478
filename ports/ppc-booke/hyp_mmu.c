// SPDX-License-Identifier: MIT
/*
 * The hypervisor's own address space 0, in TLB1 entries with IPROT and
 * TID 0 (matching every PID), supervisor access only:
 *
 *   0x00000000-0x7fffffff  physical 0-2 GiB, cacheable: RAM below 2 GiB,
 *                          so the image, the package and guest RAM there
 *                          are plain pointers (port_phys_map())
 *   0xe0000000-0xefffffff  lasting device mappings (port_device_map()),
 *                          the same on every CPU: secondaries replay them
 *   0xf0000000-0xf0ffffff  one window per CPU for anything else
 *
 * Guests run in address space 1 and never match these entries. The
 * loader's entries are invalidated once ours are written, from the top
 * of TLB1 down, so the code keeps a translation throughout.
 */
#include <bulkhead/console.h>
#include <bulkhead/port.h>
#include <asm/cpu.h>
#include <asm/tlb.h>

#define DEVICE_EA_BASE		0xe0000000u
#define DEVICE_EA_END		0xf0000000u
#define WINDOW_EA		0xf0000000u
#define WINDOW_TSIZE		TSIZE_16M
#define MAX_DEVICE_MAPS		6

struct hyp_map {
	uint32_t ea;
	paddr_t pa;
	unsigned int tsize;
};

/* Entries from the top of TLB1: the window, the low RAM, then devices */
static struct hyp_map device_maps[MAX_DEVICE_MAPS];
static unsigned int ndevice_maps;
static uint32_t next_device_ea = DEVICE_EA_BASE;

static unsigned int tlb1_entries(void)
{
	return mfspr(SPR_TLB1CFG) & 0xfff;
}

static void write_hyp_entry(unsigned int esel, uint32_t ea, paddr_t pa,
			    unsigned int tsize, uint32_t wimge)
{
	tlb_write(MAS0_TLBSEL(1) | MAS0_ESEL(esel),
		  MAS1_V | MAS1_IPROT | MAS1_TSIZE(tsize),
		  (ea & MAS2_EPN_MASK) | wimge,
		  ((uint32_t)pa & MAS3_RPN_MASK) | MAS3_SX | MAS3_SW | MAS3_SR,
		  (uint32_t)(pa >> 32));
}

/* TLB1 index of the n-th of our entries */
static unsigned int our_esel(unsigned int n)
{
	return tlb1_entries() - 1 - n;
}

#define ESEL_WINDOW	0
#define ESEL_LOW_RAM	1	/* two 1 GiB entries */
#define ESEL_DEVICE(i)	(3 + (i))

static void write_low_ram(void)
{
	write_hyp_entry(our_esel(ESEL_LOW_RAM), 0, 0, TSIZE_1G, MAS2_M);
	write_hyp_entry(our_esel(ESEL_LOW_RAM + 1), 0x40000000u, 0x40000000u,
			TSIZE_1G, MAS2_M);
}

static void write_device_maps(void)
{
	for (unsigned int i = 0; i < ndevice_maps; i++)
		write_hyp_entry(our_esel(ESEL_DEVICE(i)), device_maps[i].ea,
				device_maps[i].pa, device_maps[i].tsize, MAS2_I | MAS2_G);
}

/* Every entry but ours invalid, IPROT cleared first; TLB0 emptied */
static void drop_loader_entries(void)
{
	unsigned int ours = ESEL_DEVICE(MAX_DEVICE_MAPS);

	for (unsigned int esel = 0; esel + ours < tlb1_entries(); esel++)
		tlb_write(MAS0_TLBSEL(1) | MAS0_ESEL(esel), 0, 0, 0, 0);
	tlb0_flush();
}

void hyp_mmu_init(void)
{
	write_low_ram();
	drop_loader_entries();
}

/* Secondaries: the same entries, the boot CPU's device maps included */
void hyp_mmu_secondary_init(void)
{
	write_low_ram();
	write_device_maps();
	drop_loader_entries();
}

/* The smallest TLB1 page that holds [pa, pa+size) aligned: 0 if none */
static unsigned int covering_tsize(paddr_t pa, uint64_t size, paddr_t *base)
{
	for (unsigned int t = TSIZE_4K; t <= TSIZE_256M; t++) {
		uint64_t bytes = TSIZE_BYTES(t);

		*base = pa & ~(bytes - 1);
		if (pa + size <= *base + bytes)
			return t;
	}
	return 0;
}

static void *lasting_map(paddr_t pa, uint64_t size)
{
	struct hyp_map *m;
	paddr_t base;
	unsigned int tsize;

	for (unsigned int i = 0; i < ndevice_maps; i++) {
		m = &device_maps[i];
		if (range_contains(m->pa, TSIZE_BYTES(m->tsize), pa, size))
			return (void *)(uintptr_t)(m->ea + (uint32_t)(pa - m->pa));
	}
	tsize = covering_tsize(pa, size, &base);
	next_device_ea = ALIGN_UP(next_device_ea, (uint32_t)TSIZE_BYTES(tsize));
	if (!tsize || ndevice_maps == MAX_DEVICE_MAPS ||
	    next_device_ea + TSIZE_BYTES(tsize) > DEVICE_EA_END)
		return NULL;
	m = &device_maps[ndevice_maps];
	*m = (struct hyp_map){ .ea = next_device_ea, .pa = base, .tsize = tsize };
	next_device_ea += TSIZE_BYTES(tsize);
	write_hyp_entry(our_esel(ESEL_DEVICE(ndevice_maps)), m->ea, m->pa, tsize,
			MAS2_I | MAS2_G);
	ndevice_maps++;
	return (void *)(uintptr_t)(m->ea + (uint32_t)(pa - base));
}

/* This CPU's window onto the 16 MiB block around @pa */
static void *window_map(paddr_t pa, uint32_t wimge)
{
	paddr_t base = pa & ~(TSIZE_BYTES(WINDOW_TSIZE) - 1);

	write_hyp_entry(our_esel(ESEL_WINDOW), WINDOW_EA, base, WINDOW_TSIZE, wimge);
	return (void *)(uintptr_t)(WINDOW_EA + (uint32_t)(pa - base));
}

void *port_device_map(paddr_t pa, size_t size, bool lasting)
{
	paddr_t block = pa & ~(TSIZE_BYTES(WINDOW_TSIZE) - 1);

	if (lasting)
		return lasting_map(pa, size);
	if (pa + size > block + TSIZE_BYTES(WINDOW_TSIZE))
		return NULL;
	return window_map(pa, MAS2_I | MAS2_G);
}

void *port_phys_map(paddr_t pa, size_t *len)
{
	uint64_t room;

	if (pa < HV_LOW_RAM_END) {
		room = HV_LOW_RAM_END - pa;
		if (*len > room)
			*len = room;
		return (void *)(uintptr_t)pa;
	}
	room = TSIZE_BYTES(WINDOW_TSIZE) - (pa & (TSIZE_BYTES(WINDOW_TSIZE) - 1));
	if (*len > room)
		*len = room;
	return window_map(pa, MAS2_M);
}

/* Data written through the data cache reaches instruction fetch */
void port_guest_memory_written(paddr_t pa, uint64_t len)
{
	const uint32_t line = 64;

	while (len) {
		size_t chunk = len;
		uintptr_t va = (uintptr_t)port_phys_map(pa, &chunk);

		for (uintptr_t a = va & ~(line - 1); a < va + chunk; a += line)
			__asm__ volatile("dcbst 0, %0" : : "r"(a) : "memory");
		msync();
		for (uintptr_t a = va & ~(line - 1); a < va + chunk; a += line)
			__asm__ volatile("icbi 0, %0" : : "r"(a) : "memory");
		msync();
		isync();
		pa += chunk;
		len -= chunk;
	}
}
