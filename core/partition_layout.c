// SPDX-License-Identifier: MIT
/*
 * A partition's identity, vCPUs and the guest-physical map its config
 * names, laid out from the config and the placement with no hardware
 * touched: partitions_create() maps and wires what this describes, and
 * the host tool lays each partition out the same way to build its
 * device tree.
 */
#include <bulkhead/partition.h>
#include <bulkhead/placement.h>

void partition_layout(struct partition *p, const struct config *cfg, unsigned int id)
{
	const struct cfg_partition *c = &cfg->part[id];

	p->id = id;
	p->name = c->name;
	p->cfg = c;
	p->config = cfg;
	p->cfg_fdt = cfg->fdt;
	p->state = PART_BOOTING;
	p->nregions = 0;
	p->region_hint = 0;
	p->nvcpus = c->ncpus;
	for (unsigned int i = 0; i < c->ncpus; i++) {
		struct vcpu *v = &p->vcpu[i];

		v->part = p;
		v->index = i;
		v->cpu = c->cpus[i];
		v->state = VCPU_OFF;
	}
}

/*
 * RAM holds code and data, shared memory data only, both normal
 * cacheable memory; passthrough registers are device memory.
 */
int partition_layout_regions(struct partition *p, const struct config *cfg,
			     const struct placement *pl, struct shared_region *shared,
			     int (*add)(struct partition *p, const struct guest_region *r))
{
	const struct cfg_partition *c = &cfg->part[p->id];
	int rc;

	for (unsigned int i = 0; i < c->nmem; i++) {
		rc = add(p, &(struct guest_region){ .gpa = c->mem[i].guest_base,
			.pa = pl->mem[p->id][i], .size = c->mem[i].size,
			.flags = GUEST_RAM | PT_RWX });
		if (rc)
			return rc;
	}
	for (unsigned int i = 0; i < c->ndev; i++) {
		if (!c->dev[i].size)
			continue;	/* ports only: no guest-physical range */
		rc = add(p, &(struct guest_region){ .gpa = c->dev[i].guest_base,
			.pa = c->dev[i].phys_base, .size = c->dev[i].size,
			.flags = GUEST_DEVICE | PT_RW | PT_DEVICE });
		if (rc)
			return rc;
	}
	for (unsigned int i = 0; i < cfg->nshm; i++) {
		const struct cfg_shm *s = &cfg->shm[i];

		shared[i].cfg = s;
		shared[i].pa = pl->shm[i];
		if (!cfg_shm_has_peer(s, p->id))
			continue;
		rc = add(p, &(struct guest_region){ .gpa = s->guest_base, .pa = pl->shm[i],
			.size = s->size, .flags = GUEST_SHARED | PT_RW, .shm = &shared[i] });
		if (rc)
			return rc;
	}
	return 0;
}
