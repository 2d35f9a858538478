// SPDX-License-Identifier: MIT
/*
 * Partitions: creation from the config (memory placement, stage-2 maps,
 * device models) and the life cycle (boot, stop, reboot, fault policy).
 */
#include <libfdt.h>
#include <bulkhead/console.h>
#include <bulkhead/partition.h>
#include <bulkhead/physmem.h>
#include <bulkhead/pgtable.h>
#include <bulkhead/port.h>

struct partition partitions[MAX_PARTITIONS];
unsigned int npartitions;
struct vcpu *cpu_vcpu[CFG_MAX_CPUS];
struct shared_region shared_regions[CFG_MAX_SHM];

static const unsigned int region_attrs[] = {
	[REGION_RAM] = PT_READ | PT_WRITE | PT_EXEC,
	[REGION_DEVICE] = PT_READ | PT_WRITE | PT_DEVICE,
	[REGION_SHARED] = PT_READ | PT_WRITE,
};

static struct guest_region *add_region(struct partition *p, gpaddr_t gpa, paddr_t pa,
				       uint64_t size, enum guest_region_kind kind)
{
	struct guest_region *r;

	if (p->nregions == MAX_GUEST_REGIONS ||
	    port_stage2_map(p, gpa, pa, size, region_attrs[kind]))
		return NULL;
	r = &p->region[p->nregions++];
	r->gpa = gpa;
	r->pa = pa;
	r->size = size;
	r->kind = kind;
	return r;
}

/* Largest block size both addresses can share, so stage-2 uses blocks. */
static uint64_t placement_align(gpaddr_t gpa, uint64_t size)
{
	if (IS_ALIGNED(gpa, SZ_1G) && size >= SZ_1G)
		return SZ_1G;
	if (IS_ALIGNED(gpa, SZ_2M) && size >= SZ_2M)
		return SZ_2M;
	return PAGE_SIZE;
}

static int place(paddr_t *pa, bool fixed, paddr_t fixed_pa, gpaddr_t gpa, uint64_t size)
{
	if (fixed) {
		*pa = fixed_pa;
		return physmem_reserve(&guest_ram, fixed_pa, size);
	}
	return physmem_alloc(&guest_ram, size, placement_align(gpa, size), pa);
}

/*
 * The interrupt number of the single specifier in property @prop of config
 * node @node, -1 when the node has none (config_validate() checked it).
 */
static int decode_irq(const void *fdt, int node, const char *prop)
{
	const uint32_t *spec = fdt_getprop(fdt, node, prop, NULL);
	struct irq_desc d;
	char why[80];

	if (!spec || port_irq_decode(spec, &d, why, sizeof(why)))
		return -1;
	return d.irq;
}

/* Hand every interrupt of passthrough device @d to @p (the port routes it). */
static int passthrough_irqs(struct partition *p, const struct cfg_device *d)
{
	unsigned int ncells = port_irq_spec_cells();
	int len;
	const uint32_t *spec = fdt_getprop(p->cfg_fdt, d->node, "interrupts", &len);
	struct irq_desc irq;
	char why[80];

	for (; spec && len > 0; len -= ncells * 4, spec += ncells) {
		if (port_irq_decode(spec, &irq, why, sizeof(why)))
			return -1;
		if (port_irq_passthrough(p, irq.irq, irq.level)) {
			hv_printf("%s: %s: interrupts: %s cannot be routed to it", p->name,
				  fdt_get_name(p->cfg_fdt, d->node, NULL), irq.name);
			return -1;
		}
	}
	return 0;
}

static int create_one(struct partition *p, const struct cfg_partition *c, const void *fdt)
{
	paddr_t pa;

	p->name = c->name;
	p->cfg = c;
	p->cfg_fdt = fdt;
	p->state = PART_BOOTING;
	if (port_partition_init(p))
		return -1;
	for (unsigned int i = 0; i < c->nmem; i++) {
		const struct cfg_region *m = &c->mem[i];

		if (place(&pa, m->phys_fixed, m->phys_base, m->guest_base, m->size)) {
			hv_printf("%s: no physical memory for %llu MiB at guest 0x%llx", p->name,
				  (unsigned long long)(m->size >> 20),
				  (unsigned long long)m->guest_base);
			return -1;
		}
		if (!add_region(p, m->guest_base, pa, m->size, REGION_RAM))
			return -1;
	}
	for (unsigned int i = 0; i < c->ndev; i++)
		if (!add_region(p, c->dev[i].guest_base, c->dev[i].phys_base, c->dev[i].size,
				REGION_DEVICE))
			return -1;
	for (unsigned int i = 0; i < c->ndev; i++)
		if (passthrough_irqs(p, &c->dev[i]))
			return -1;
	p->console_irq = c->has_console ? decode_irq(fdt, c->console_node, "interrupts") : -1;
	if (p->console_irq >= 0 && !port_virq_usable(p, p->console_irq)) {
		hv_printf("%s: console: interrupts: not one interrupt this partition can be sent",
			  p->name);
		return -1;
	}
	if (c->has_console &&
	    mmio_register(p, c->console_base, c->console_size, vuart_model.ops, &p->vuart))
		return -1;
	p->nvcpus = c->ncpus;
	for (unsigned int i = 0; i < c->ncpus; i++) {
		struct vcpu *v = &p->vcpu[i];

		v->part = p;
		v->index = i;
		v->cpu = c->cpus[i];
		v->state = VCPU_OFF;
		cpu_vcpu[v->cpu] = v;
	}
	return 0;
}

static int create_shared(const struct cfg_shm *s, const void *fdt)
{
	struct shared_region *shm = &shared_regions[s->id];

	shm->cfg = s;
	shm->doorbell_irq = decode_irq(fdt, s->node, "doorbell");
	for (unsigned int i = 0; i < s->nparts && shm->doorbell_irq >= 0; i++)
		if (!port_virq_usable(&partitions[s->parts[i]], shm->doorbell_irq)) {
			hv_printf("%s: doorbell: not an interrupt peer %s can be sent", s->name,
				  partitions[s->parts[i]].name);
			return -1;
		}
	if (place(&shm->pa, s->phys_fixed, s->phys_base, s->guest_base, s->size))
		return -1;
	phys_fill(shm->pa, 0, s->size);
	port_guest_memory_written(shm->pa, s->size);
	for (unsigned int i = 0; i < s->nparts; i++) {
		struct guest_region *r = add_region(&partitions[s->parts[i]], s->guest_base,
						    shm->pa, s->size, REGION_SHARED);

		if (!r)
			return -1;
		r->shm = shm;
	}
	return 0;
}

static void print_summary(const struct partition *p)
{
	const struct cfg_partition *c = p->cfg;

	hv_printf("%s: partition %u, %u vCPU%s from CPU %u, RAM %llu MiB at physical 0x%llx, image %llu bytes",
		  p->name, p->id, p->nvcpus, p->nvcpus > 1 ? "s" : "", c->cpus[0],
		  (unsigned long long)(p->region[0].size >> 20),
		  (unsigned long long)p->region[0].pa,
		  (unsigned long long)c->image.size);
}

int partitions_create(const struct config *cfg)
{
	for (unsigned int i = 0; i < cfg->npart; i++) {
		partitions[i].id = i;
		if (create_one(&partitions[i], &cfg->part[i], cfg->fdt)) {
			hv_printf("%s: cannot create the partition", cfg->part[i].name);
			return -1;
		}
		npartitions = i + 1;
	}
	for (unsigned int i = 0; i < cfg->nshm; i++)
		if (create_shared(&cfg->shm[i], cfg->fdt)) {
			hv_printf("%s: cannot set up the shared memory", cfg->shm[i].name);
			return -1;
		}
	for (unsigned int i = 0; i < npartitions; i++)
		print_summary(&partitions[i]);
	return 0;
}

bool partition_owns_ram(const struct partition *p, paddr_t pa, uint64_t len)
{
	for (unsigned int i = 0; i < p->nregions; i++) {
		const struct guest_region *r = &p->region[i];

		if (r->kind != REGION_DEVICE && range_contains(r->pa, r->size, pa, len))
			return true;
	}
	return false;
}

int guest_ram_translate(const struct partition *p, gpaddr_t gpa, uint64_t len, paddr_t *pa)
{
	for (unsigned int i = 0; i < p->nregions; i++) {
		const struct guest_region *r = &p->region[i];

		if (r->kind != REGION_DEVICE && range_contains(r->gpa, r->size, gpa, len)) {
			*pa = r->pa + (gpa - r->gpa);
			return 0;
		}
	}
	return -1;
}
