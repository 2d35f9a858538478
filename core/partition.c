// SPDX-License-Identifier: MIT
/*
 * Partitions: creation from the config and its placement (stage-2 maps,
 * interrupts, device models); lifecycle.c runs them.
 */
#include <libfdt.h>
#include <bulkhead/console.h>
#include <bulkhead/partition.h>
#include <bulkhead/physmem.h>
#include <bulkhead/pgtable.h>
#include <bulkhead/placement.h>
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

/* Map what partition_layout() put in @p's guest map. */
static int map_regions(struct partition *p)
{
	for (unsigned int i = 0; i < p->nregions; i++) {
		const struct guest_region *r = &p->region[i];

		if (port_stage2_map(p, r->gpa, r->pa, r->size, region_attrs[r->kind])) {
			hv_printf("%s: cannot map guest 0x%llx-0x%llx to physical 0x%llx: out of table memory",
				  p->name, (unsigned long long)r->gpa,
				  (unsigned long long)(r->gpa + r->size - 1),
				  (unsigned long long)r->pa);
			return -1;
		}
	}
	return 0;
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
			hv_printf("%s: %s: interrupts: %s %u cannot be routed to it", p->name,
				  fdt_get_name(p->cfg_fdt, d->node, NULL), irq.kind, irq.number);
			return -1;
		}
	}
	return 0;
}

static int create_one(struct partition *p)
{
	const struct cfg_partition *c = p->cfg;
	const void *fdt = p->cfg_fdt;

	if (port_partition_init(p) || map_regions(p))
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
	    mmio_register(p, c->console_base, c->console_size, vuart_model.ops, &p->vuart)) {
		hv_printf("%s: console: no room for another emulated device", p->name);
		return -1;
	}
	for (unsigned int i = 0; i < p->nvcpus; i++)
		cpu_vcpu[p->vcpu[i].cpu] = &p->vcpu[i];
	return 0;
}

/* After every partition's passthrough setup: port_virq_usable() knows it. */
static int create_shared(struct shared_region *shm, const void *fdt)
{
	const struct cfg_shm *s = shm->cfg;

	shm->doorbell_irq = decode_irq(fdt, s->node, "doorbell");
	for (unsigned int i = 0; i < s->nparts && shm->doorbell_irq >= 0; i++)
		if (!port_virq_usable(&partitions[s->parts[i]], shm->doorbell_irq)) {
			hv_printf("%s: doorbell: not an interrupt peer %s can be sent", s->name,
				  partitions[s->parts[i]].name);
			return -1;
		}
	phys_fill(shm->pa, 0, s->size);
	port_guest_memory_written(shm->pa, s->size);
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

int partitions_create(const struct config *cfg, const struct placement *pl)
{
	for (unsigned int i = 0; i < cfg->npart; i++)
		partition_layout(&partitions[i], cfg, i, pl, shared_regions);
	npartitions = cfg->npart;
	for (unsigned int i = 0; i < npartitions; i++)
		if (create_one(&partitions[i]))
			return -1;
	for (unsigned int i = 0; i < cfg->nshm; i++)
		if (create_shared(&shared_regions[i], cfg->fdt))
			return -1;
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
