// SPDX-License-Identifier: MIT
/*
 * A partition's Book E state. There is no hardware translation to build:
 * the guest map is the core's region list, which the shadow TLB consults
 * on every miss (storage.c), so mapping a region records nothing here.
 * What is built is the partition's MPIC (vmpic.c), at
 * CONFIG_GUEST_MPIC_BASE, owning the sources its config names: the
 * console's, its passthrough devices' (forwarded from the physical MPIC,
 * irq.c) and the doorbells of the shared memory it is a peer of; and
 * its spin table (spin_table.c) at CONFIG_GUEST_SPIN_TABLE_BASE, whose
 * releases start its secondary vCPUs with the core's vcpu_power_on().
 */
#include <libfdt.h>
#include <bulkhead/console.h>
#include <bulkhead/mmio.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <asm/mpic.h>
#include <asm/mpic_regs.h>
#include <asm/vcpu.h>
#include <asm/vmpic.h>

/* A vCPU's state goes with its CPU: each CPU runs at most one vCPU. */
static struct arch_partition arch_partitions[MAX_PARTITIONS];
static struct arch_vcpu arch_vcpus[CFG_MAX_CPUS];

struct source_list {
	struct vmpic_source src[VMPIC_MAX_SOURCES];
	unsigned int n;
};

/* Every <source sense> of property @prop of config node @node */
static int add_sources(struct source_list *l, const void *fdt, int node,
		       const char *prop, bool hw)
{
	int len;
	const fdt32_t *cells = fdt_getprop(fdt, node, prop, &len);

	for (; cells && len >= MPIC_SPEC_CELLS * 4; cells += MPIC_SPEC_CELLS,
	     len -= MPIC_SPEC_CELLS * 4) {
		if (l->n == VMPIC_MAX_SOURCES)
			return -1;
		l->src[l->n++] = (struct vmpic_source){
			.irq = fdt32_ld(&cells[0]),
			.sense = fdt32_ld(&cells[1]),
			.hw = hw,
		};
	}
	return 0;
}

static int collect_sources(const struct partition *p, struct source_list *l)
{
	const struct cfg_partition *c = p->cfg;
	const void *fdt = p->cfg_fdt;
	const struct config *cfg = p->config;

	l->n = 0;
	if (c->has_console && add_sources(l, fdt, c->console_node, "interrupts", false))
		return -1;
	for (unsigned int i = 0; i < c->ndev; i++)
		if (add_sources(l, fdt, c->dev[i].node, "interrupts", true))
			return -1;
	for (unsigned int i = 0; i < cfg->nshm; i++)
		if (cfg_shm_has_peer(&cfg->shm[i], p->id) &&
		    add_sources(l, fdt, cfg->shm[i].node, "doorbell", false))
			return -1;
	return 0;
}

static unsigned int current_vcpu(struct vmpic *m)
{
	(void)m;
	return cpu_vcpu[port_cpu_index()]->index;
}

static void kick(struct vmpic *m, unsigned int vcpu)
{
	struct partition *p = m->ctx;

	port_cpu_kick(p->vcpu[vcpu].cpu);
}

static void hw_eoi(struct vmpic *m, unsigned int irq)
{
	(void)m;
	mpic_unmask(irq);
}

static const struct vmpic_hooks vmpic_hooks = {
	.current_vcpu = current_vcpu,
	.kick = kick,
	.hw_eoi = hw_eoi,
};

/*
 * A spin table write released vCPU @vcpu (spin_table.c, on the writer's
 * CPU, no lock held). One that is not off (vCPU 0) or a partition no
 * longer running refuses it in vcpu_power_on(): the write is then lost,
 * as a release of a running CPU is.
 */
static void release(struct spin_table *t, unsigned int vcpu, uint64_t entry, uint64_t r3)
{
	struct partition *p = t->ctx;

	vcpu_power_on(&p->vcpu[vcpu], entry, r3);
}

int port_partition_init(struct partition *p)
{
	struct source_list sources;

	p->arch = &arch_partitions[p->id];
	for (unsigned int i = 0; i < p->nvcpus; i++) {
		struct vcpu *v = &p->vcpu[i];

		v->arch = &arch_vcpus[v->cpu];
		v->arch->vcpu = v;
	}
	if (collect_sources(p, &sources) ||
	    vmpic_init(&p->arch->mpic, p->nvcpus, sources.src, sources.n, &vmpic_hooks, p) ||
	    mmio_register(p, CONFIG_GUEST_MPIC_BASE, MPIC_SIZE, &vmpic_mmio_ops, &p->arch->mpic)) {
		hv_printf("%s: cannot set up its MPIC", p->name);
		return -1;
	}
	spin_table_init(&p->arch->spin, p->nvcpus, release, p);
	if (mmio_register(p, CONFIG_GUEST_SPIN_TABLE_BASE, SPIN_TABLE_SIZE, &spin_table_mmio_ops,
			  &p->arch->spin)) {
		hv_printf("%s: cannot set up its spin table", p->name);
		return -1;
	}
	return 0;
}

int port_guest_map(struct partition *p, gpaddr_t gpa, paddr_t pa,
		   uint64_t size, unsigned int attrs)
{
	(void)p, (void)gpa, (void)pa, (void)size, (void)attrs;
	return 0;
}

/* The architecture has no port I/O (port_limits.io_ports is 0): never called */
int port_io_passthrough(struct partition *p, uint32_t base, uint32_t count)
{
	(void)p;
	(void)base;
	(void)count;
	return -1;
}
