// SPDX-License-Identifier: MIT
/* The hypercall ABI of docs/hypercalls.md (numbers in bulkhead/abi.h). */
#include <bulkhead/abi.h>
#include <bulkhead/health.h>
#include <bulkhead/hypercall.h>
#include <bulkhead/irqchip.h>
#include <bulkhead/partition.h>
#include <bulkhead/physmem.h>
#include <bulkhead/port.h>

static enum exit_action console_write(struct vcpu *v, struct vm_exit *e)
{
	struct partition *p = v->part;
	gpaddr_t buf = e->hcall.arg[0];
	uint64_t len = e->hcall.arg[1];
	char text[BH_CONSOLE_WRITE_MAX];
	paddr_t pa;

	if (len > BH_CONSOLE_WRITE_MAX || guest_ram_translate(p, buf, len, &pa)) {
		return health_fault(v, FAULT_BAD_HYPERCALL_ARG,
				    "console buffer outside the partition's RAM",
				    e->pc, buf, e->syndrome);
	}
	phys_read(pa, text, len);
	console_guest_write(&p->console, p->name, text, len);
	e->hcall.ret[0] = (int64_t)len;
	return EXIT_RESUME;
}

static const int64_t state_codes[] = {
	[PART_RUNNING] = BH_STATE_RUNNING,
	[PART_HALTED] = BH_STATE_HALTED,
	[PART_OFF] = BH_STATE_OFF,
	[PART_BOOTING] = BH_STATE_RUNNING,
};

static void partition_state(struct vm_exit *e)
{
	uint64_t id = e->hcall.arg[0];

	if (id >= npartitions) {
		e->hcall.ret[0] = BH_E_INVALID;
		return;
	}
	e->hcall.ret[0] = state_codes[partitions[id].state];
	e->hcall.ret[1] = partitions[id].restarts;
}

/* Shared region number @id, if @p is one of its peers; NULL otherwise. */
static const struct shared_region *peer_region(const struct partition *p, uint64_t id)
{
	if (id >= CFG_MAX_SHM || !shared_regions[id].cfg ||
	    !cfg_shm_has_peer(shared_regions[id].cfg, p->id))
		return NULL;
	return &shared_regions[id];
}

/*
 * Ring doorbell @arg0 (a shared-memory region's index): every other peer
 * of the region gets its doorbell interrupt. Raising an interrupt that is
 * already pending changes nothing, so a flood costs the peers nothing
 * beyond one interrupt per acknowledgement.
 */
static enum exit_action doorbell_ring(struct vcpu *v, struct vm_exit *e)
{
	const struct shared_region *shm = peer_region(v->part, e->hcall.arg[0]);
	const struct cfg_shm *s;

	if (!shm || shm->doorbell_irq < 0) {
		return health_fault(v, FAULT_BAD_HYPERCALL_ARG,
				    "no doorbell of the partition's shared memory",
				    e->pc, e->hcall.arg[0], e->syndrome);
	}
	s = shm->cfg;
	for (unsigned int i = 0; i < s->nparts; i++)
		if (s->parts[i] != v->part->id)
			irqchip_raise(&partitions[s->parts[i]], shm->doorbell_irq);
	e->hcall.ret[0] = 0;
	return EXIT_RESUME;
}

/*
 * The calls answered by a constant. Ports may serve them from their trap
 * entry (see port.h); hypercall_handle() answers them from here too, so
 * both paths give the same result. With one vCPU per CPU, a yield has
 * nothing to give way to; a vCPU that must stop is kicked out anyway.
 */
const struct hypercall_constants hypercall_constants = {
	.base = BH_HC_BASE,
	.count = BH_HC_COUNT,
	.call = {
		[BH_HC_VERSION - BH_HC_BASE] = { 1, BH_ABI_VERSION },
		[BH_HC_YIELD - BH_HC_BASE] = { 1, 0 },
	},
};

enum exit_action hypercall_handle(struct vcpu *v, struct vm_exit *e)
{
	uint32_t n = e->hcall.nr - hypercall_constants.base;

	if (n < hypercall_constants.count && hypercall_constants.call[n].constant) {
		e->hcall.ret[0] = hypercall_constants.call[n].ret;
		return EXIT_RESUME;
	}
	switch (e->hcall.nr) {
	case BH_HC_CONSOLE_WRITE:
		return console_write(v, e);
	case BH_HC_SHUTDOWN_SELF:
		return partition_power_event(v, POWER_OFF, NULL);
	case BH_HC_RESTART_SELF:
		return partition_power_event(v, POWER_RESET, NULL);
	case BH_HC_PARTITION_STATE:
		partition_state(e);
		return EXIT_RESUME;
	case BH_HC_DOORBELL_RING:
		return doorbell_ring(v, e);
	default:
		return health_fault(v, FAULT_BAD_HYPERCALL, NULL, e->pc, e->hcall.nr,
				    e->syndrome);
	}
}
