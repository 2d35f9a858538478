// SPDX-License-Identifier: MIT
/*
 * Partition configuration, part 2: semantic checks (config_validate).
 *
 * config_parse() has already checked syntax and references; here the values
 * are checked against each other and against the board facts: alignment,
 * overlaps in each guest map and in physical memory, CPUs, boot addresses.
 * Like config.c this runs in the hypervisor too: no allocation, no output,
 * errors go to struct config_error through cfg_fail().
 */
#include <string.h>
#include <libfdt.h>

#include <bulkhead/mmio.h>
#include <bulkhead/port.h>

#include "config_internal.h"

int set_span(struct span *s, uint64_t base, uint64_t size, int node,
	     const char *prop)
{
	s->base = base;
	s->size = size;
	s->node = node;
	s->prop = prop;
	return 1;
}

/* Guest map of partition @pi: memory, console, devices, shared memory (not ports). */
static int guest_span(const struct config *cfg, unsigned int pi,
		      unsigned int i, struct span *s)
{
	const struct cfg_partition *p = &cfg->part[pi];
	const struct cfg_shm *shm;

	if (i < CFG_MAX_REGIONS)
		return i < p->nmem ? set_span(s, p->mem[i].guest_base,
				p->mem[i].size, p->mem[i].node, "reg") : 0;
	i -= CFG_MAX_REGIONS;
	if (i == 0)
		return p->has_console && p->console_size ? set_span(s, p->console_base,
				p->console_size, p->console_node, "reg") : 0;
	i -= 1;
	if (i < CFG_MAX_DEVICES)
		return i < p->ndev && p->dev[i].size ? set_span(s, p->dev[i].guest_base,
				p->dev[i].size, p->dev[i].node, "reg") : 0;
	i -= CFG_MAX_DEVICES;
	if (i >= CFG_MAX_SHM)
		return -1;
	shm = &cfg->shm[i];
	if (i >= cfg->nshm || !cfg_shm_has_peer(shm, pi))
		return 0;
	return set_span(s, shm->guest_base, shm->size, shm->node, "reg");
}

/* Physical ranges placed by the config: fixed memory, fixed shared memory. */
static int fixed_span(const struct config *cfg, unsigned int set,
		      unsigned int i, struct span *s)
{
	const struct cfg_partition *p;
	const struct cfg_region *r;
	const struct cfg_shm *shm;

	(void)set;
	if (i < CFG_MAX_PARTITIONS * CFG_MAX_REGIONS) {
		p = &cfg->part[i / CFG_MAX_REGIONS];
		r = &p->mem[i % CFG_MAX_REGIONS];
		if (p >= cfg->part + cfg->npart || r >= p->mem + p->nmem ||
		    !r->phys_fixed)
			return 0;
		return set_span(s, r->phys_base, r->size, r->node, "phys-base");
	}
	i -= CFG_MAX_PARTITIONS * CFG_MAX_REGIONS;
	if (i >= CFG_MAX_SHM)
		return -1;
	shm = &cfg->shm[i];
	if (i >= cfg->nshm || !shm->phys_fixed)
		return 0;
	return set_span(s, shm->phys_base, shm->size, shm->node, "phys-base");
}

/* Physical ranges of all passthrough devices with MMIO. */
static int device_span(const struct config *cfg, unsigned int set,
		       unsigned int i, struct span *s)
{
	unsigned int pi = i / CFG_MAX_DEVICES, di = i % CFG_MAX_DEVICES;
	const struct cfg_device *d;

	(void)set;
	if (pi >= CFG_MAX_PARTITIONS)
		return -1;
	if (pi >= cfg->npart || di >= cfg->part[pi].ndev || !cfg->part[pi].dev[di].size)
		return 0;
	d = &cfg->part[pi].dev[di];
	return set_span(s, d->phys_base, d->size, d->node,
			fdt_getprop(cfg->fdt, d->node, "phys-base", NULL) ?
			"phys-base" : "reg");
}

int check_disjoint(const struct config *cfg, struct config_error *err,
		   span_fn next, unsigned int set, const char *what)
{
	char other[CFG_PATH_MAX];
	struct span a, b;
	unsigned int i, j;
	int rc;

	for (i = 0; (rc = next(cfg, set, i, &a)) >= 0; i++) {
		for (j = 0; rc && j < i; j++) {
			if (next(cfg, set, j, &b) <= 0 ||
			    !ranges_overlap(a.base, a.size, b.base, b.size))
				continue;
			cfg_node_path(cfg->fdt, b.node, other, sizeof(other));
			return cfg_fail(cfg, err, a.node, a.prop,
					"%s 0x%llx-0x%llx overlaps %s", what,
					(unsigned long long)a.base,
					(unsigned long long)(a.base + a.size - 1),
					other);
		}
	}
	return 0;
}

static int check_aligned(const struct config *cfg, struct config_error *err,
			 int node, const char *prop, const char *what,
			 uint64_t v)
{
	if (IS_ALIGNED(v, PAGE_SIZE))
		return 0;
	return cfg_fail(cfg, err, node, prop,
			"%s 0x%llx is not a multiple of 4 KiB", what,
			(unsigned long long)v);
}

/* Every port's guest-physical translation works in whole pages. */
static int check_pages(const struct config *cfg, struct config_error *err,
		       int node, uint64_t base, uint64_t size, uint64_t phys)
{
	/* @phys is 0 when the config leaves the placement to the hypervisor. */
	if (check_aligned(cfg, err, node, "reg", "base", base) ||
	    check_aligned(cfg, err, node, "reg", "size", size) ||
	    check_aligned(cfg, err, node, "phys-base", "address", phys))
		return -1;
	return 0;
}

static int check_partition_pages(const struct config *cfg,
				 struct config_error *err,
				 const struct cfg_partition *p)
{
	const struct cfg_region *r;
	const struct cfg_device *d;

	for (r = p->mem; r < p->mem + p->nmem; r++)
		if (check_pages(cfg, err, r->node, r->guest_base, r->size,
				r->phys_fixed ? r->phys_base : 0))
			return -1;
	if (p->has_console &&
	    check_pages(cfg, err, p->console_node, p->console_base,
			p->console_size, 0))
		return -1;
	if (p->has_console && p->console_size > MMIO_MAX_WINDOW)
		return cfg_fail(cfg, err, p->console_node, "reg",
				"size 0x%llx: an emulated device spans at most 4 GiB",
				(unsigned long long)p->console_size);
	for (d = p->dev; d < p->dev + p->ndev; d++)
		if (check_pages(cfg, err, d->node, d->guest_base, d->size,
				d->phys_base))
			return -1;
	return 0;
}

static int check_shm_pages(const struct config *cfg, struct config_error *err)
{
	const struct cfg_shm *s;

	for (s = cfg->shm; s < cfg->shm + cfg->nshm; s++)
		if (check_pages(cfg, err, s->node, s->guest_base, s->size,
				s->phys_fixed ? s->phys_base : 0))
			return -1;
	return 0;
}

static int cpu_taken(const struct config *cfg, struct config_error *err,
		     const struct cfg_partition *p,
		     const struct cfg_partition *owner, uint8_t cpu)
{
	if (owner == p)
		return cfg_fail(cfg, err, p->node, "cpus",
				"CPU %u is listed twice", cpu);
	return cfg_fail(cfg, err, p->node, "cpus",
			"CPU %u is already given to %s", cpu, owner->name);
}

/* Each CPU exists on the board and runs one partition. */
static int check_cpus(const struct config *cfg, struct config_error *err)
{
	const struct cfg_partition *p, *q;
	unsigned int i, j;
	uint8_t cpu;

	for (p = cfg->part; p < cfg->part + cfg->npart; p++) {
		for (i = 0; i < p->ncpus; i++) {
			cpu = p->cpus[i];
			if (cpu >= cfg->board.ncpus)
				return cfg_fail(cfg, err, p->node, "cpus",
						"CPU %u does not exist, the board has %u",
						cpu, (unsigned int)cfg->board.ncpus);
			for (q = cfg->part; q <= p; q++)
				for (j = 0; j < (q == p ? i : q->ncpus); j++)
					if (q->cpus[j] == cpu)
						return cpu_taken(cfg, err, p, q, cpu);
		}
	}
	return 0;
}

const struct cfg_range *find_range(const struct cfg_range *r, unsigned int n,
				   uint64_t base, uint64_t size, bool whole)
{
	for (; n--; r++)
		if (whole ? range_contains(r->base, r->size, base, size) :
			    ranges_overlap(r->base, r->size, base, size))
			return r;
	return NULL;
}

int range_fail(const struct config *cfg, struct config_error *err,
	       const struct span *s, const char *what,
	       const struct cfg_range *r, const char *why)
{
	return cfg_fail(cfg, err, s->node, s->prop,
			"0x%llx-0x%llx overlaps %s 0x%llx-0x%llx%s",
			(unsigned long long)s->base,
			(unsigned long long)(s->base + s->size - 1), what,
			(unsigned long long)r->base,
			(unsigned long long)(r->base + r->size - 1), why);
}

/* Fixed placements stay in RAM, clear of what firmware and we occupy. */
static int check_fixed(const struct config *cfg, struct config_error *err)
{
	const struct cfg_board *b = &cfg->board;
	const struct cfg_range *r;
	struct span s;
	unsigned int i;
	int rc;

	for (i = 0; (rc = fixed_span(cfg, 0, i, &s)) >= 0; i++) {
		if (!rc)
			continue;
		if (!find_range(b->ram, b->nram, s.base, s.size, true))
			return cfg_fail(cfg, err, s.node, s.prop,
					"0x%llx-0x%llx is outside the board's RAM",
					(unsigned long long)s.base,
					(unsigned long long)(s.base + s.size - 1));
		r = find_range(b->reserved, b->nreserved, s.base, s.size, false);
		if (r)
			return range_fail(cfg, err, &s, "reserved", r, "");
	}
	return check_disjoint(cfg, err, fixed_span, 0, "physical range");
}

/*
 * Passthrough is for MMIO: handing out RAM would break isolation. So would
 * a device that masters the bus: with no IOMMU in front of it, its DMA
 * goes to the physical addresses its guest programs, past the CPUs'
 * guest-physical translation. Only a
 * config that says dma = "trusted" may pass one through.
 */
static int check_devices(const struct config *cfg, struct config_error *err)
{
	const struct cfg_board *b = &cfg->board;
	const struct cfg_device *d;
	const struct cfg_range *r;
	struct span s;
	unsigned int i;
	int rc;

	for (i = 0; (rc = device_span(cfg, 0, i, &s)) >= 0; i++) {
		if (!rc)
			continue;
		d = &cfg->part[i / CFG_MAX_DEVICES].dev[i % CFG_MAX_DEVICES];
		r = find_range(b->ram, b->nram, s.base, s.size, false);
		if (r)
			return range_fail(cfg, err, &s, "board RAM", r, "");
		r = find_range(b->hv_devices, b->nhv_devices, s.base, s.size, false);
		if (r)
			return range_fail(cfg, err, &s, "a hypervisor device", r, "");
		r = find_range(b->dma_masters, b->ndma_masters, s.base, s.size, false);
		if (r && d->dma != DMA_TRUSTED)
			return range_fail(cfg, err, &s, "DMA master", r,
					  ": no IOMMU contains its DMA; passing it through needs dma = \"trusted\"");
	}
	return check_disjoint(cfg, err, device_span, 0, "physical range");
}

static int width_fail(const struct config *cfg, struct config_error *err,
		      const struct span *s, const char *what, unsigned int bits)
{
	return cfg_fail(cfg, err, s->node, s->prop,
			"0x%llx-0x%llx is beyond the %u-bit %s addresses this port handles",
			(unsigned long long)s->base,
			(unsigned long long)(s->base + s->size - 1), bits, what);
}

static bool beyond(const struct span *s, unsigned int bits)
{
	return bits < 64 && s->base + s->size > (1ull << bits);
}

/* Guest ranges within what the port translates, physical ones within what it maps to. */
static int check_widths(const struct config *cfg, struct config_error *err)
{
	const struct port_limits *l = &port_limits;
	struct span s;
	int rc;

	for (unsigned int pi = 0; pi < cfg->npart; pi++)
		for (unsigned int i = 0; (rc = guest_span(cfg, pi, i, &s)) >= 0; i++)
			if (rc && beyond(&s, l->guest_addr_bits))
				return width_fail(cfg, err, &s, "guest-physical", l->guest_addr_bits);
	for (unsigned int i = 0; (rc = fixed_span(cfg, 0, i, &s)) >= 0; i++)
		if (rc && beyond(&s, l->phys_addr_bits))
			return width_fail(cfg, err, &s, "physical", l->phys_addr_bits);
	for (unsigned int i = 0; (rc = device_span(cfg, 0, i, &s)) >= 0; i++)
		if (rc && beyond(&s, l->phys_addr_bits))
			return width_fail(cfg, err, &s, "physical", l->phys_addr_bits);
	return 0;
}

/* The port's own window of every partition that @s overlaps, or NULL. */
static const struct port_window *port_window_under(const struct span *s)
{
	const struct port_window *w = port_limits.guest_windows;

	for (; w < port_limits.guest_windows + ARRAY_SIZE(port_limits.guest_windows) && w->size; w++)
		if (ranges_overlap(w->base, w->size, s->base, s->size))
			return w;
	return NULL;
}

/*
 * Nothing of partition @pi may sit where every guest has emulated devices:
 * what the board facts' guest-reserved names, and the port's own windows
 * (its interrupt controller, which boot maps first), should those facts
 * leave them out.
 */
static int check_guest_reserved(const struct config *cfg, struct config_error *err,
				unsigned int pi)
{
	const struct cfg_board *b = &cfg->board;
	const struct port_window *w;
	const struct cfg_range *r;
	struct span s;
	int rc;

	for (unsigned int i = 0; (rc = guest_span(cfg, pi, i, &s)) >= 0; i++) {
		if (!rc)
			continue;
		r = find_range(b->guest_reserved, b->nguest_reserved, s.base, s.size, false);
		if (r)
			return range_fail(cfg, err, &s, "the guests' emulated devices",
					  r, "");
		w = port_window_under(&s);
		if (w)
			return range_fail(cfg, err, &s, w->name,
					  &(struct cfg_range){ w->base, w->size }, "");
	}
	return 0;
}

static const struct cfg_region *region_of(const struct cfg_partition *p,
					  gpaddr_t addr)
{
	const struct cfg_region *r;

	for (r = p->mem; r < p->mem + p->nmem; r++)
		if (range_contains(r->guest_base, r->size, addr, 1))
			return r;
	return NULL;
}

/*
 * A staged blob (image, initrd) copied to guest address @at: it must fit
 * in the RAM region there and have been staged inside a reserved range
 * (elsewhere the hypervisor may hand its memory out as guest RAM).
 */
/* The top of the first memory region: the device tree and the port's boot data */
static uint64_t guest_top_size(void)
{
	return CFG_GUEST_FDT_SIZE + port_limits.guest_boot_area;
}

static int check_blob(const struct config *cfg, struct config_error *err,
		      const struct cfg_partition *p, const struct cfg_blob *blob,
		      gpaddr_t at, const char *what, const char *at_prop)
{
	const struct cfg_region *r = region_of(p, at);
	const struct cfg_board *b = &cfg->board;
	uint64_t room;

	if (!r)
		return cfg_fail(cfg, err, p->node, at_prop,
				"0x%llx is outside the partition's memory",
				(unsigned long long)at);
	if (!blob->staged)
		return 0;
	room = r->size - (at - r->guest_base);
	if (r == p->mem)	/* the device tree takes the top of the first region */
		room = room > guest_top_size() ? room - guest_top_size() : 0;
	if (blob->size > room)
		return cfg_fail(cfg, err, p->node, what,
				"%s of 0x%llx bytes does not fit in the 0x%llx bytes from %s 0x%llx to the %s",
				what, (unsigned long long)blob->size,
				(unsigned long long)room, at_prop, (unsigned long long)at,
				r == p->mem ? "device tree at the top of its region" :
					      "end of its region");
	if (!find_range(b->reserved, b->nreserved, blob->phys, blob->size, true))
		return cfg_fail(cfg, err, blob->node, "load",
				"staged %s 0x%llx-0x%llx is not inside a reserved range",
				what, (unsigned long long)blob->phys,
				(unsigned long long)(blob->phys + blob->size - 1));
	return 0;
}

static int check_boot(const struct config *cfg, struct config_error *err,
		      const struct cfg_partition *p)
{
	if (p->mem[0].size <= guest_top_size())
		return cfg_fail(cfg, err, p->mem[0].node, "reg",
				"the first memory region must be larger than the 0x%llx bytes its device tree%s take%s",
				(unsigned long long)guest_top_size(),
				port_limits.guest_boot_area ? " and the port's boot data" : "",
				port_limits.guest_boot_area ? "" : "s");
	if (check_blob(cfg, err, p, &p->image, p->load_addr, "image", "load-address"))
		return -1;
	if (!region_of(p, p->entry & ~1ull))
		return cfg_fail(cfg, err, p->node, "entry",
				"0x%llx is outside the partition's memory",
				(unsigned long long)p->entry);
	if (!p->initrd.node)
		return 0;
	if (check_blob(cfg, err, p, &p->initrd, p->initrd_addr, "initrd", "initrd-address"))
		return -1;
	if (p->image.staged && p->initrd.staged &&
	    ranges_overlap(p->load_addr, p->image.size, p->initrd_addr, p->initrd.size))
		return cfg_fail(cfg, err, p->node, "initrd-address",
				"initrd at 0x%llx overlaps the image at 0x%llx",
				(unsigned long long)p->initrd_addr,
				(unsigned long long)p->load_addr);
	return 0;
}

int config_validate(const struct config *cfg, struct config_error *err)
{
	const struct cfg_partition *p;

	memset(err, 0, sizeof(*err));
	if (check_cpus(cfg, err) || check_widths(cfg, err) || config_check_io(cfg, err))
		return -1;
	for (p = cfg->part; p < cfg->part + cfg->npart; p++)
		if (check_partition_pages(cfg, err, p))
			return -1;
	if (check_shm_pages(cfg, err))
		return -1;
	for (p = cfg->part; p < cfg->part + cfg->npart; p++)
		if (check_disjoint(cfg, err, guest_span, p - cfg->part,
				   "guest range") ||
		    check_guest_reserved(cfg, err, p - cfg->part) ||
		    check_boot(cfg, err, p))
			return -1;
	if (check_fixed(cfg, err) || check_devices(cfg, err))
		return -1;
	return config_check_irqs(cfg, err);
}
