// SPDX-License-Identifier: MIT
/*
 * Partitions: creation from the config and its placement (guest maps,
 * interrupts, device models); lifecycle.c runs them.
 */
#include <libfdt.h>
#include <bulkhead/console.h>
#include <bulkhead/irqchip.h>
#include <bulkhead/partition.h>
#include <bulkhead/physmem.h>
#include <bulkhead/pio.h>
#include <bulkhead/placement.h>
#include <bulkhead/port.h>

struct partition partitions[MAX_PARTITIONS];
unsigned int npartitions;
struct vcpu *cpu_vcpu[CFG_MAX_CPUS];
struct shared_region shared_regions[CFG_MAX_SHM];

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

/*
 * Hand every interrupt of passthrough device @d to @p (the port routes
 * it), and its ports (io-ports, which the validator allows only on a
 * port with port I/O).
 */
static int passthrough(struct partition *p, const struct cfg_device *d)
{
	unsigned int ncells = port_irq_spec_cells();
	int len;
	const uint32_t *spec = fdt_getprop(p->cfg_fdt, d->node, "interrupts", &len);
	struct irq_desc irq;
	char why[80];

	if (d->io.size && (!port_limits.io_ports ||
			   port_io_passthrough(p, (uint32_t)d->io.base, (uint32_t)d->io.size))) {
		hv_printf("%s: %s: io-ports: the ports cannot be passed through", p->name,
			  fdt_get_name(p->cfg_fdt, d->node, NULL));
		return -1;
	}
	for (; spec && len > 0; len -= ncells * 4, spec += ncells) {
		if (port_irq_decode(spec, &irq, why, sizeof(why)))
			return -1;
		if (irqchip_route(p, irq.irq, irq.level)) {
			hv_printf("%s: %s: interrupts: %s %u cannot be routed to it", p->name,
				  fdt_get_name(p->cfg_fdt, d->node, NULL), irq.kind, irq.number);
			return -1;
		}
	}
	return 0;
}

/* The config's console: an instance of the board's UART model, on either bus. */
static int create_console(struct partition *p)
{
	const struct cfg_partition *c = p->cfg;
	struct vuart *u = &p->console_uart;
	int irq = decode_irq(p->cfg_fdt, c->console_node, "interrupts");

	if (irq >= 0 && !irqchip_usable(p, irq)) {
		hv_printf("%s: console: interrupts: not one interrupt this partition can be sent",
			  p->name);
		return -1;
	}
	vuart_init(u, p, irq);
	if (c->console_io.size ?
	    pio_register(p, c->console_io.base, c->console_io.size, console_vuart_ops, u) :
	    mmio_register(p, c->console_base, c->console_size, console_vuart_ops, u)) {
		hv_printf("%s: console: cannot add its emulated UART", p->name);
		return -1;
	}
	return 0;
}

static int create_one(struct partition *p, const struct config *cfg, const struct placement *pl)
{
	const struct cfg_partition *c = p->cfg;

	if (port_partition_init(p) ||
	    partition_layout_regions(p, cfg, pl, shared_regions, partition_map_region))
		return -1;
	for (unsigned int i = 0; i < c->ndev; i++)
		if (passthrough(p, &c->dev[i]))
			return -1;
	if (c->has_console && create_console(p))
		return -1;
	for (unsigned int i = 0; i < p->nvcpus; i++)
		cpu_vcpu[p->vcpu[i].cpu] = &p->vcpu[i];
	return 0;
}

/* After every partition's passthrough setup: irqchip_usable() knows it. */
static int create_shared(struct shared_region *shm, const void *fdt)
{
	const struct cfg_shm *s = shm->cfg;

	shm->doorbell_irq = decode_irq(fdt, s->node, "doorbell");
	for (unsigned int i = 0; i < s->nparts && shm->doorbell_irq >= 0; i++)
		if (!irqchip_usable(&partitions[s->parts[i]], shm->doorbell_irq)) {
			hv_printf("%s: doorbell: not an interrupt peer %s can be sent", s->name,
				  partitions[s->parts[i]].name);
			return -1;
		}
	phys_fill(shm->pa, 0, s->size);
	port_guest_memory_written(shm->pa, s->size);
	return 0;
}

/* The first memory region of the config is the one the summary names. */
static void print_summary(struct partition *p)
{
	const struct cfg_partition *c = p->cfg;
	const struct guest_region *ram0 = guest_region_find(p, c->mem[0].guest_base);

	hv_printf("%s: partition %u, %u vCPU%s from CPU %u, RAM %llu MiB at physical 0x%llx, image %llu bytes",
		  p->name, p->id, p->nvcpus, p->nvcpus > 1 ? "s" : "", c->cpus[0],
		  (unsigned long long)(ram0->size >> 20), (unsigned long long)ram0->pa,
		  (unsigned long long)c->image.size);
}

int partitions_create(const struct config *cfg, const struct placement *pl)
{
	for (unsigned int i = 0; i < cfg->npart; i++)
		partition_layout(&partitions[i], cfg, i);
	npartitions = cfg->npart;
	for (unsigned int i = 0; i < npartitions; i++)
		if (create_one(&partitions[i], cfg, pl))
			return -1;
	for (unsigned int i = 0; i < cfg->nshm; i++)
		if (create_shared(&shared_regions[i], cfg->fdt))
			return -1;
	for (unsigned int i = 0; i < npartitions; i++)
		print_summary(&partitions[i]);
	return 0;
}
