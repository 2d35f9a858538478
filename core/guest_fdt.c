// SPDX-License-Identifier: MIT
/*
 * The device tree each partition boots with, built with libfdt from the
 * config: memory, the emulated UART, passthrough devices, shared memory,
 * /chosen; the port adds CPUs and firmware interfaces.
 */
#include <stdio.h>
#include <libfdt.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>

#define TRY(expr)	do { int err__ = (expr); if (err__ < 0) return err__; } while (0)

static int set_reg(void *fdt, int node, uint64_t base, uint64_t size)
{
	fdt64_t reg[2] = { cpu_to_fdt64(base), cpu_to_fdt64(size) };

	return fdt_setprop(fdt, node, "reg", reg, sizeof(reg));
}

static int add_node_at(void *fdt, const char *name, uint64_t base)
{
	char unit[48];

	snprintf(unit, sizeof(unit), "%s@%llx", name, (unsigned long long)base);
	return fdt_add_subnode(fdt, 0, unit);
}

static int add_memory(void *fdt, const struct partition *p)
{
	for (int i = p->nregions - 1; i >= 0; i--) {
		const struct guest_region *r = &p->region[i];
		int node;

		if (!(r->flags & GUEST_RAM))
			continue;
		node = add_node_at(fdt, "memory", r->gpa);
		TRY(node);
		TRY(fdt_setprop_string(fdt, node, "device_type", "memory"));
		TRY(set_reg(fdt, node, r->gpa, r->size));
	}
	return 0;
}

/* Copy property @prop of config node @from to @node as @as, if present. */
static int copy_prop(void *fdt, int node, const struct partition *p, int from,
		     const char *prop, const char *as)
{
	int len;
	const void *val = fdt_getprop(p->cfg_fdt, from, prop, &len);

	return val ? fdt_setprop(fdt, node, as, val, len) : 0;
}

/* Shared memory the partition is a peer of, with its doorbell if any. */
static int add_shared(void *fdt, const struct partition *p)
{
	for (unsigned int i = 0; i < p->nregions; i++) {
		const struct guest_region *r = &p->region[i];
		int node;

		if (!(r->flags & GUEST_SHARED))
			continue;
		node = add_node_at(fdt, "shared-memory", r->gpa);
		TRY(node);
		TRY(fdt_setprop_string(fdt, node, "compatible", "bulkhead,shared-memory"));
		TRY(set_reg(fdt, node, r->gpa, r->size));
		if (fdt_getprop(p->cfg_fdt, r->shm->cfg->node, "doorbell", NULL)) {
			TRY(copy_prop(fdt, node, p, r->shm->cfg->node, "doorbell", "interrupts"));
			TRY(fdt_setprop_u32(fdt, node, "bulkhead,doorbell", r->shm->cfg->id));
		}
	}
	return 0;
}

static int add_devices(void *fdt, const struct partition *p)
{
	static const char *const copied[] = { "compatible", "interrupts" };

	for (unsigned int i = 0; i < p->cfg->ndev; i++) {
		const struct cfg_device *d = &p->cfg->dev[i];
		const char *name = fdt_get_name(p->cfg_fdt, d->node, NULL);
		int node;

		if (!d->size)
			continue;	/* ports only: the tree describes MMIO */
		node = fdt_add_subnode(fdt, 0, name);
		TRY(node);
		TRY(set_reg(fdt, node, d->guest_base, d->size));
		for (unsigned int j = 0; j < ARRAY_SIZE(copied); j++)
			TRY(copy_prop(fdt, node, p, d->node, copied[j], copied[j]));
	}
	return 0;
}

/* A console in port-I/O space has no node: guests find it at its ports. */
static int add_console(void *fdt, const struct partition *p, char *path, size_t len)
{
	int node;

	if (!p->cfg->has_console || !p->cfg->console_size)
		return 0;
	node = add_node_at(fdt, vuart_fdt.node_name, p->cfg->console_base);
	TRY(node);
	TRY(fdt_setprop(fdt, node, "compatible", vuart_fdt.compatible,
			vuart_fdt.compatible_len));
	TRY(set_reg(fdt, node, p->cfg->console_base, p->cfg->console_size));
	TRY(copy_prop(fdt, node, p, p->cfg->console_node, "interrupts", "interrupts"));
	TRY(fdt_get_path(fdt, node, path, len));
	return vuart_fdt.fdt_props(fdt, path);
}

static int add_chosen(void *fdt, const struct partition *p, const char *stdout_path)
{
	int node = fdt_add_subnode(fdt, 0, "chosen");
	const char *bootargs = fdt_getprop(p->cfg_fdt, p->cfg->node, "bootargs", NULL);
	fdt32_t cpus[CFG_MAX_CPUS];

	TRY(node);
	if (stdout_path[0])
		TRY(fdt_setprop_string(fdt, node, "stdout-path", stdout_path));
	if (bootargs)
		TRY(fdt_setprop_string(fdt, node, "bootargs", bootargs));
	TRY(fdt_setprop_string(fdt, node, "bulkhead,partition-name", p->name));
	TRY(fdt_setprop_u32(fdt, node, "bulkhead,partition-id", p->id));
	TRY(fdt_setprop_u32(fdt, node, "bulkhead,restart-count", p->boot_count));
	if (p->cfg->initrd.node) {
		TRY(fdt_setprop_u64(fdt, node, "linux,initrd-start", p->cfg->initrd_addr));
		TRY(fdt_setprop_u64(fdt, node, "linux,initrd-end",
				    p->cfg->initrd_addr + p->cfg->initrd.size));
	}
	for (unsigned int i = 0; i < p->nvcpus; i++)
		cpus[i] = cpu_to_fdt32(p->vcpu[i].cpu);
	return fdt_setprop(fdt, node, "bulkhead,host-cpus", cpus, p->nvcpus * sizeof(cpus[0]));
}

int guest_fdt_build(struct partition *p, void *fdt, size_t size)
{
	char stdout_path[64] = "";
	char model[64];

	TRY(fdt_create_empty_tree(fdt, size));
	TRY(fdt_setprop_u32(fdt, 0, "#address-cells", 2));
	TRY(fdt_setprop_u32(fdt, 0, "#size-cells", 2));
	TRY(fdt_setprop_string(fdt, 0, "compatible", "bulkhead,partition"));
	snprintf(model, sizeof(model), "Bulkhead partition %s", p->name);
	TRY(fdt_setprop_string(fdt, 0, "model", model));
	TRY(add_memory(fdt, p));
	TRY(add_console(fdt, p, stdout_path, sizeof(stdout_path)));
	TRY(add_devices(fdt, p));
	TRY(add_shared(fdt, p));
	TRY(port_guest_fdt(p, fdt));
	return add_chosen(fdt, p, stdout_path);
}
