// SPDX-License-Identifier: MIT
/*
 * A partition's identity, vCPUs and guest-physical map laid out from the
 * config and the placement, with no hardware touched: partitions_create()
 * then maps and wires what this describes, and the host tool lays each
 * partition out the same way to build its device tree.
 */
#include <bulkhead/partition.h>
#include <bulkhead/placement.h>

static struct guest_region *add_region(struct partition *p, gpaddr_t gpa, paddr_t pa,
				       uint64_t size, enum guest_region_kind kind)
{
	/* MAX_GUEST_REGIONS has room for every region a config can name */
	struct guest_region *r = &p->region[p->nregions++];

	r->gpa = gpa;
	r->pa = pa;
	r->size = size;
	r->kind = kind;
	r->shm = NULL;
	return r;
}

static bool is_peer(const struct cfg_shm *s, unsigned int part)
{
	for (unsigned int i = 0; i < s->nparts; i++)
		if (s->parts[i] == part)
			return true;
	return false;
}

void partition_layout(struct partition *p, const struct config *cfg, unsigned int id,
		      const struct placement *pl, struct shared_region *shared)
{
	const struct cfg_partition *c = &cfg->part[id];

	p->id = id;
	p->name = c->name;
	p->cfg = c;
	p->cfg_fdt = cfg->fdt;
	p->state = PART_BOOTING;
	p->nregions = 0;
	for (unsigned int i = 0; i < c->nmem; i++)
		add_region(p, c->mem[i].guest_base, pl->mem[id][i], c->mem[i].size, REGION_RAM);
	for (unsigned int i = 0; i < c->ndev; i++)
		add_region(p, c->dev[i].guest_base, c->dev[i].phys_base, c->dev[i].size,
			   REGION_DEVICE);
	for (unsigned int i = 0; i < cfg->nshm; i++) {
		const struct cfg_shm *s = &cfg->shm[i];

		shared[i].cfg = s;
		shared[i].pa = pl->shm[i];
		if (is_peer(s, id))
			add_region(p, s->guest_base, pl->shm[i], s->size, REGION_SHARED)->shm =
				&shared[i];
	}
	p->nvcpus = c->ncpus;
	for (unsigned int i = 0; i < c->ncpus; i++) {
		struct vcpu *v = &p->vcpu[i];

		v->part = p;
		v->index = i;
		v->cpu = c->cpus[i];
		v->state = VCPU_OFF;
	}
}
