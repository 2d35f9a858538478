// SPDX-License-Identifier: MIT
/*
 * A partition's Cortex-A15 state: its stage-2 translation and VMID, its
 * virtual GIC sized to the interrupts its config names, the GIC's virtual
 * CPU interface mapped where the guest expects its GICC, and the physical
 * interrupts of its passthrough devices.
 */
#include <libfdt.h>
#include <bulkhead/board.h>
#include <bulkhead/console.h>
#include <bulkhead/page_alloc.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <asm/arm.h>
#include <asm/lpae.h>
#include <asm/vcpu.h>
#include <asm/vgic.h>

#define VTTBR_VMID_SHIFT	48

/* Raise *@max to the highest interrupt ID in specifier list @prop of @node. */
static int max_irq_in(const void *fdt, int node, const char *prop, unsigned int *max)
{
	unsigned int ncells = port_irq_spec_cells();
	int len;
	const fdt32_t *cells = fdt_getprop(fdt, node, prop, &len);
	struct irq_desc d;
	char why[80];

	if (!cells)
		return 0;
	if (len % (ncells * sizeof(*cells)))
		return -1;
	for (; len > 0; len -= ncells * sizeof(*cells), cells += ncells) {
		if (port_irq_decode(cells, &d, why, sizeof(why)))
			return -1;
		if (d.irq > *max)
			*max = d.irq;
	}
	return 0;
}

/* Whether shared-memory node @shm names the partition @phandle as a peer. */
static bool is_peer(const void *fdt, int shm, uint32_t phandle)
{
	int len;
	const fdt32_t *peers = fdt_getprop(fdt, shm, "partitions", &len);

	for (int i = 0; peers && phandle && i < len / (int)sizeof(*peers); i++)
		if (fdt32_ld(&peers[i]) == phandle)
			return true;
	return false;
}

/*
 * Interrupt IDs the partition's GIC has: up to the highest its config
 * names (console, devices, doorbells of its shared memory), in the steps
 * of 32 of GICD_TYPER.ITLinesNumber.
 */
static int vgic_size(const struct partition *p, unsigned int *nr_irqs)
{
	const void *fdt = p->cfg_fdt;
	uint32_t phandle = fdt_get_phandle(fdt, p->cfg->node);
	unsigned int max = 0;
	int node;

	fdt_for_each_subnode(node, fdt, p->cfg->node)
		if (max_irq_in(fdt, node, "interrupts", &max))
			return -1;
	fdt_for_each_subnode(node, fdt, fdt_subnode_offset(fdt, 0, "shared-memory"))
		if (is_peer(fdt, node, phandle) && max_irq_in(fdt, node, "doorbell", &max))
			return -1;
	*nr_irqs = ALIGN_UP(max + 1, 32u);
	return *nr_irqs <= VGIC_MAX_IRQS ? 0 : -1;
}

/* A vCPU's state goes with its CPU: each CPU runs at most one vCPU. */
static struct arch_partition arch_partitions[MAX_PARTITIONS];
static struct arch_vcpu arch_vcpus[CFG_MAX_CPUS];

/* Point @p and its vCPUs at their state; returns @p's. */
static struct arch_partition *attach_arch_state(struct partition *p)
{
	p->arch = &arch_partitions[p->id];
	for (unsigned int i = 0; i < p->nvcpus; i++) {
		struct vcpu *v = &p->vcpu[i];

		v->arch = &arch_vcpus[v->cpu];
		v->arch->vcpu = v;
	}
	return p->arch;
}

int port_partition_init(struct partition *p)
{
	struct arch_partition *a = attach_arch_state(p);
	unsigned int nr_irqs;

	if (pt_init(&a->stage2, &lpae_stage2_format, &hv_table_allocator)) {
		hv_printf("%s: out of memory for its stage-2 tables", p->name);
		return -1;
	}
	/* VMID 0 is left unused so a stale VTTBR never matches a guest */
	a->vttbr = a->stage2.root_pa | ((uint64_t)(p->id + 1) << VTTBR_VMID_SHIFT);
	if (vgic_size(p, &nr_irqs)) {
		hv_printf("%s: an interrupt specifier is malformed or beyond ID %u", p->name,
			  VGIC_MAX_IRQS - 1);
		return -1;
	}
	/* The guest's GICC is the virtual CPU interface itself: no traps */
	if (!board.intc.virtual_cpu.base) {
		hv_printf("%s: the board's GIC has no virtual CPU interface", p->name);
		return -1;
	}
	if (partition_map_region(p, &(struct guest_region){ .gpa = CONFIG_GUEST_GICC_BASE,
				 .pa = board.intc.virtual_cpu.base, .size = VGIC_GUEST_GICC_SIZE,
				 .flags = GUEST_DEVICE | PT_RW | PT_DEVICE }) ||
	    vgic_hw_init(p, nr_irqs)) {
		hv_printf("%s: cannot set up its virtual GIC", p->name);
		return -1;
	}
	return 0;
}

int port_guest_map(struct partition *p, gpaddr_t gpa, paddr_t pa,
		   uint64_t size, unsigned int attrs)
{
	return pt_map_range(&p->arch->stage2, gpa, pa, size, attrs);
}

/* Only SPIs: PPIs are per CPU and the hypervisor keeps them. */
int vgic_hw_route(struct partition *p, unsigned int irq, bool level)
{
	if (irq < VGIC_NR_PRIVATE || irq >= p->arch->vgic.nr_irqs ||
	    gic_route_spi(irq, p->cfg->cpus[VGIC_HW_SPI_VCPU], level, p))
		return -1;
	return vgic_bind_hw(&p->arch->vgic, irq, level);
}

/* The architecture has no port I/O (port_limits.io_ports is 0): never called */
int port_io_passthrough(struct partition *p, uint32_t base, uint32_t count)
{
	(void)p;
	(void)base;
	(void)count;
	return -1;
}
