// SPDX-License-Identifier: MIT
/*
 * Where the partitions' and shared regions' RAM lies in physical memory.
 *
 * The hypervisor places with the RAM it found on the board at boot;
 * `bulkhead check` with the RAM the config's /board describes. Both call
 * config_place(), so a config the host tool accepts gets the very same
 * placement at boot, and one that does not fit is refused on the host
 * with the region that does not fit and what is left.
 *
 * Order: every fixed placement (phys-base) first, so that none depends on
 * what was placed before it; then, in config order, each partition's
 * regions and each shared region, lowest free address first, aligned to
 * the largest block the port's guest-physical translation can use for it. No allocation, no
 * output: it runs in both places.
 */
#include <stdio.h>
#include <bulkhead/physmem.h>
#include <bulkhead/placement.h>
#include <bulkhead/port.h>

#include "config_internal.h"

/* Largest block of the port's translation that @gpa and @size allow. */
static uint64_t placement_align(gpaddr_t gpa, uint64_t size)
{
	for (const uint64_t *b = port_limits.block_sizes; *b; b++)
		if (IS_ALIGNED(gpa, *b) && size >= *b)
			return *b;
	return PAGE_SIZE;
}

static void format_size(char *buf, size_t len, uint64_t v)
{
	if (v && !(v % SZ_1G))
		snprintf(buf, len, "%llu GiB", (unsigned long long)(v / SZ_1G));
	else if (v && !(v % (1u << 20)))
		snprintf(buf, len, "%llu MiB", (unsigned long long)(v >> 20));
	else
		snprintf(buf, len, "%llu KiB", (unsigned long long)(v >> 10));
}

static int no_room(const struct config *cfg, struct config_error *err,
		   const struct physmem *pm, int node, uint64_t size, uint64_t align)
{
	char want[24], aligned[24], free[24], piece[24];
	uint64_t total = 0, largest = 0;

	for (unsigned int i = 0; i < pm->nfree; i++) {
		total += pm->free[i].size;
		if (pm->free[i].size > largest)
			largest = pm->free[i].size;
	}
	format_size(want, sizeof(want), size);
	format_size(aligned, sizeof(aligned), align);
	format_size(free, sizeof(free), total);
	format_size(piece, sizeof(piece), largest);
	return cfg_fail(cfg, err, node, "reg",
			"no room for %s (%s-aligned): %s of RAM free, the largest piece %s",
			want, aligned, free, piece);
}

static int place_fixed(const struct config *cfg, struct config_error *err,
		       struct physmem *pm, int node, paddr_t pa, uint64_t size)
{
	if (!physmem_reserve(pm, pa, size))
		return 0;
	return cfg_fail(cfg, err, node, "phys-base",
			"0x%llx-0x%llx is not free RAM: the board's RAM less what is reserved, the hypervisor, its package and other fixed placements",
			(unsigned long long)pa, (unsigned long long)(pa + size - 1));
}

static int place_any(const struct config *cfg, struct config_error *err,
		     struct physmem *pm, int node, gpaddr_t gpa, uint64_t size, paddr_t *pa)
{
	uint64_t align = placement_align(gpa, size);

	if (!physmem_alloc(pm, size, align, pa))
		return 0;
	return no_room(cfg, err, pm, node, size, align);
}

/* Guest RAM: the board's RAM less the config's reserved ranges and ourselves. */
static void free_ram(const struct config *cfg, const struct cfg_range *ram, unsigned int nram,
		     struct physmem *pm)
{
	physmem_init(pm, ram, nram);
	for (unsigned int i = 0; i < cfg->board.nreserved; i++)
		physmem_exclude(pm, cfg->board.reserved[i].base, cfg->board.reserved[i].size);
	physmem_exclude(pm, CONFIG_HV_LOAD_ADDR, CONFIG_HV_SIZE);
	physmem_exclude(pm, CONFIG_PACKAGE_ADDR, CONFIG_PACKAGE_SIZE);
}

static int place_fixed_all(const struct config *cfg, struct config_error *err,
			   struct physmem *pm, struct placement *pl)
{
	for (unsigned int i = 0; i < cfg->npart; i++)
		for (unsigned int j = 0; j < cfg->part[i].nmem; j++) {
			const struct cfg_region *r = &cfg->part[i].mem[j];

			pl->mem[i][j] = r->phys_base;
			if (r->phys_fixed &&
			    place_fixed(cfg, err, pm, r->node, r->phys_base, r->size))
				return -1;
		}
	for (unsigned int i = 0; i < cfg->nshm; i++) {
		const struct cfg_shm *s = &cfg->shm[i];

		pl->shm[i] = s->phys_base;
		if (s->phys_fixed && place_fixed(cfg, err, pm, s->node, s->phys_base, s->size))
			return -1;
	}
	return 0;
}

int config_place(const struct config *cfg, const struct cfg_range *ram, unsigned int nram,
		 struct placement *pl, struct config_error *err)
{
	struct physmem pm;

	free_ram(cfg, ram, nram, &pm);
	if (place_fixed_all(cfg, err, &pm, pl))
		return -1;
	for (unsigned int i = 0; i < cfg->npart; i++)
		for (unsigned int j = 0; j < cfg->part[i].nmem; j++) {
			const struct cfg_region *r = &cfg->part[i].mem[j];

			if (!r->phys_fixed &&
			    place_any(cfg, err, &pm, r->node, r->guest_base, r->size, &pl->mem[i][j]))
				return -1;
		}
	for (unsigned int i = 0; i < cfg->nshm; i++) {
		const struct cfg_shm *s = &cfg->shm[i];

		if (!s->phys_fixed &&
		    place_any(cfg, err, &pm, s->node, s->guest_base, s->size, &pl->shm[i]))
			return -1;
	}
	return 0;
}
