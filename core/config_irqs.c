// SPDX-License-Identifier: MIT
/*
 * Partition configuration, part 3: interrupts (config_check_irqs).
 *
 * Every specifier is decoded with the port's binding (port_irq_decode(),
 * which the host tool links too), so the validator refuses what boot would:
 * malformed specifiers, numbers the binding lacks, interrupts private to a
 * CPU where a partition-wide one is needed, passthrough interrupts beyond
 * the board's controller (/board irqs) or raised by the hypervisor's own
 * devices, and one interrupt used twice, within a partition or passed
 * through to two of them.
 * Like the rest of the config code: no allocation, no output.
 */
#include <stdio.h>
#include <string.h>
#include <libfdt.h>

#include <bulkhead/port.h>

#include "config_internal.h"

#define IRQ_WHY_MAX	96
#define EMULATED_SHARED	"the hypervisor raises only interrupts the whole partition shares"

/* One interrupt a partition uses, and where the config says so. */
struct irq_use {
	int node;
	const char *prop;
	struct irq_desc d;
};

static const uint32_t *irq_specs(const struct config *cfg, int node, const char *prop,
				 unsigned int *count)
{
	int len;
	const uint32_t *cells = fdt_getprop(cfg->fdt, node, prop, &len);

	*count = cells ? len / (4 * port_irq_spec_cells()) : 0;
	return cells;
}

/*
 * What a passthrough device's interrupt must also be: on the board's
 * controller (the port routes it there at boot, which refuses a number
 * the controller lacks) and not raised by a device of the hypervisor's.
 */
static int check_passthrough_irq(const struct config *cfg, struct config_error *err, int node,
				 const char *prop, const struct irq_desc *d)
{
	char id[24] = "";

	if (d->hypervisors)
		return cfg_fail(cfg, err, node, prop,
				"%s %u (%s) is the hypervisor's: a passthrough device cannot take it",
				d->kind, d->number, d->used_by ? d->used_by : "a device it drives");
	if (d->irq < cfg->board.nirqs)
		return 0;
	/* The binding's numbering may not be the controller's (a GIC's SPI 0 is ID 32) */
	if (d->irq != d->number)
		snprintf(id, sizeof(id), " (ID %u)", d->irq);
	return cfg_fail(cfg, err, node, prop,
			"%s %u%s is beyond the board's controller, whose interrupts are 0-%u (/board irqs): a passthrough device cannot take it",
			d->kind, d->number, id, (unsigned int)cfg->board.nirqs - 1);
}

/*
 * Check the specifier list @prop of @node: whole specifiers, at most @max
 * (1 for a console or doorbell), each one the board's controller has and
 * none banked per CPU; a @passthrough device's as check_passthrough_irq().
 */
static int check_specs(const struct config *cfg, struct config_error *err, int node,
		       const char *prop, unsigned int max, bool passthrough)
{
	const char *why_shared = passthrough ? "a passthrough device cannot take it" : EMULATED_SHARED;
	unsigned int ncells = port_irq_spec_cells(), count;
	const uint32_t *cells;
	char why[IRQ_WHY_MAX];
	struct irq_desc d;
	int len;

	cells = fdt_getprop(cfg->fdt, node, prop, &len);
	if (!cells)
		return 0;
	if (!len || len % (4 * ncells))
		return cfg_fail(cfg, err, node, prop,
				"%d bytes are not whole interrupt specifiers of %u cells",
				len, ncells);
	count = len / (4 * ncells);
	if (count > max)
		return cfg_fail(cfg, err, node, prop, "%u interrupt specifiers, at most %u",
				count, max);
	for (unsigned int i = 0; i < count; i++, cells += ncells) {
		if (port_irq_decode(cells, &d, why, sizeof(why)))
			return cfg_fail(cfg, err, node, prop, "%s", why);
		if (d.per_cpu)
			return cfg_fail(cfg, err, node, prop, "%s %u%s%s%s is private to each CPU: %s",
					d.kind, d.number, d.used_by ? " (" : "", d.used_by ? d.used_by : "",
					d.used_by ? ")" : "", why_shared);
		if (passthrough && check_passthrough_irq(cfg, err, node, prop, &d))
			return -1;
	}
	return 0;
}

/* Use @i of the specifiers at @node/@prop: 1 and @u filled, 0 past the list. */
static int spec_use(const struct config *cfg, int node, const char *prop, unsigned int i,
		    struct irq_use *u)
{
	unsigned int count;
	const uint32_t *cells = irq_specs(cfg, node, prop, &count);
	char why[IRQ_WHY_MAX];

	if (i >= count)
		return 0;
	u->node = node;
	u->prop = prop;
	/* check_specs() has decoded every one of them already */
	return port_irq_decode(cells + i * port_irq_spec_cells(), &u->d, why, sizeof(why)) ? 0 : 1;
}

/*
 * Interrupt @i of partition @pi (console, passthrough devices, doorbells
 * of the shared memory it is a peer of), or of only its devices when
 * @devices_only: 1 with @u filled, 0 for an unused slot, -1 past the end.
 */
static int irq_use_of(const struct config *cfg, unsigned int pi, bool devices_only,
		      unsigned int i, struct irq_use *u)
{
	const struct cfg_partition *p = &cfg->part[pi];
	const struct cfg_shm *shm;

	if (i == 0)
		return p->has_console && !devices_only ?
			spec_use(cfg, p->console_node, "interrupts", 0, u) : 0;
	i -= 1;
	if (i < CFG_MAX_DEVICES * CFG_MAX_DEVICE_IRQS) {
		if (i / CFG_MAX_DEVICE_IRQS >= p->ndev)
			return 0;
		return spec_use(cfg, p->dev[i / CFG_MAX_DEVICE_IRQS].node, "interrupts",
				i % CFG_MAX_DEVICE_IRQS, u);
	}
	i -= CFG_MAX_DEVICES * CFG_MAX_DEVICE_IRQS;
	if (i >= CFG_MAX_SHM)
		return -1;
	shm = &cfg->shm[i];
	if (devices_only || i >= cfg->nshm || !cfg_shm_has_peer(shm, pi))
		return 0;
	return spec_use(cfg, shm->node, "doorbell", 0, u);
}

static int irq_clash(const struct config *cfg, struct config_error *err,
		     const struct irq_use *a, const struct irq_use *b, const char *where)
{
	char other[CFG_PATH_MAX];

	cfg_node_path(cfg->fdt, b->node, other, sizeof(other));
	return cfg_fail(cfg, err, a->node, a->prop, "%s %u is also used by %s (%s)%s",
			a->d.kind, a->d.number, other, b->prop, where);
}

/* No interrupt twice among what partition @pi is sent. */
static int check_partition_unique(const struct config *cfg, struct config_error *err,
				  unsigned int pi)
{
	char where[CFG_NAME_MAX + 16];
	struct irq_use a, b;
	int rc;

	snprintf(where, sizeof(where), " in partition %s", cfg->part[pi].name);
	for (unsigned int i = 0; (rc = irq_use_of(cfg, pi, false, i, &a)) >= 0; i++)
		for (unsigned int j = 0; rc && j < i; j++)
			if (irq_use_of(cfg, pi, false, j, &b) > 0 && a.d.irq == b.d.irq)
				return irq_clash(cfg, err, &a, &b, where);
	return 0;
}

/* A physical interrupt is passed through to one partition only. */
static int check_passthrough_unique(const struct config *cfg, struct config_error *err,
				    unsigned int pi)
{
	struct irq_use a, b;
	int rc_a, rc_b;

	for (unsigned int q = 0; q < pi; q++) {
		for (unsigned int i = 0; (rc_a = irq_use_of(cfg, pi, true, i, &a)) >= 0; i++) {
			for (unsigned int j = 0; rc_a && (rc_b = irq_use_of(cfg, q, true, j, &b)) >= 0;
			     j++)
				if (rc_b && a.d.irq == b.d.irq)
					return irq_clash(cfg, err, &a, &b,
							 ": passed through to two partitions");
		}
	}
	return 0;
}

int config_check_irqs(const struct config *cfg, struct config_error *err)
{
	const struct cfg_partition *p;
	const struct cfg_shm *s;

	for (p = cfg->part; p < cfg->part + cfg->npart; p++) {
		if (p->has_console &&
		    check_specs(cfg, err, p->console_node, "interrupts", 1, false))
			return -1;
		for (unsigned int i = 0; i < p->ndev; i++)
			if (check_specs(cfg, err, p->dev[i].node, "interrupts",
					CFG_MAX_DEVICE_IRQS, true))
				return -1;
	}
	for (s = cfg->shm; s < cfg->shm + cfg->nshm; s++)
		if (check_specs(cfg, err, s->node, "doorbell", 1, false))
			return -1;
	for (unsigned int pi = 0; pi < cfg->npart; pi++)
		if (check_partition_unique(cfg, err, pi) ||
		    check_passthrough_unique(cfg, err, pi))
			return -1;
	return 0;
}
