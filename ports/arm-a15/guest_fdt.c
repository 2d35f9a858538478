// SPDX-License-Identifier: MIT
/*
 * The Cortex-A15 parts of a partition's generated device tree (CPUs, PSCI,
 * the GICv2 and the generic timer). The interrupt binding the config's
 * `interrupts` properties are written in is config_facts.c's.
 */
#include <stdio.h>
#include <libfdt.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <asm/vgic.h>

/* Linux's arm,gic binding: <type number flags> */
#define GIC_SPEC_CELLS		3
#define GIC_SPEC_PPI		1
#define GIC_FLAGS_LEVEL_HIGH	4u

/* The timer's PPIs, as the binding orders them: secure, non-secure, virtual, hyp */
static const uint8_t timer_ppis[] = { 13, 14, 11, 10 };

static int add_cpus(struct partition *p, void *fdt)
{
	int cpus = fdt_add_subnode(fdt, 0, "cpus");
	int err;

	if (cpus < 0)
		return cpus;
	if ((err = fdt_setprop_u32(fdt, cpus, "#address-cells", 1)) ||
	    (err = fdt_setprop_u32(fdt, cpus, "#size-cells", 0)))
		return err;
	for (int i = p->nvcpus - 1; i >= 0; i--) {
		char name[16];
		int cpu;

		snprintf(name, sizeof(name), "cpu@%d", i);
		cpu = fdt_add_subnode(fdt, cpus, name);
		if (cpu < 0)
			return cpu;
		if ((err = fdt_setprop_string(fdt, cpu, "device_type", "cpu")) ||
		    (err = fdt_setprop_string(fdt, cpu, "compatible", "arm,cortex-a15")) ||
		    (err = fdt_setprop_u32(fdt, cpu, "reg", i)) ||
		    (err = fdt_setprop_string(fdt, cpu, "enable-method", "psci")))
			return err;
	}
	return 0;
}

static int add_psci(void *fdt)
{
	static const char compat[] = "arm,psci-0.2\0arm,psci";
	int node = fdt_add_subnode(fdt, 0, "psci");
	int err;

	if (node < 0)
		return node;
	if ((err = fdt_setprop(fdt, node, "compatible", compat, sizeof(compat))) ||
	    (err = fdt_setprop_string(fdt, node, "method", "smc")))
		return err;
	return 0;
}

/*
 * The GIC at the guest's addresses: the distributor the hypervisor
 * emulates and the CPU interface, which is the GIC's virtual one. It is
 * the root's interrupt parent, so every `interrupts` property the config
 * copied into the tree resolves to it.
 */
static int add_gic(void *fdt)
{
	fdt64_t reg[4] = {
		cpu_to_fdt64(CONFIG_GUEST_GICD_BASE), cpu_to_fdt64(VGIC_GUEST_GICD_SIZE),
		cpu_to_fdt64(CONFIG_GUEST_GICC_BASE), cpu_to_fdt64(VGIC_GUEST_GICC_SIZE),
	};
	char name[32];
	uint32_t phandle;
	int node, err;

	snprintf(name, sizeof(name), "intc@%llx", (unsigned long long)CONFIG_GUEST_GICD_BASE);
	node = fdt_add_subnode(fdt, 0, name);
	if (node < 0)
		return node;
	if ((err = fdt_generate_phandle(fdt, &phandle)) ||
	    (err = fdt_setprop_string(fdt, node, "compatible", "arm,cortex-a15-gic")) ||
	    (err = fdt_setprop_u32(fdt, node, "#interrupt-cells", GIC_SPEC_CELLS)) ||
	    (err = fdt_setprop_u32(fdt, node, "#address-cells", 0)) ||
	    (err = fdt_setprop_empty(fdt, node, "interrupt-controller")) ||
	    (err = fdt_setprop(fdt, node, "reg", reg, sizeof(reg))) ||
	    (err = fdt_setprop_u32(fdt, node, "phandle", phandle)))
		return err;
	return fdt_setprop_u32(fdt, 0, "interrupt-parent", phandle);
}

/*
 * The generic timer's four PPIs, level-triggered as in QEMU's own tree,
 * each to all of the partition's vCPUs. The guest uses the virtual timer
 * (the hypervisor forwards it); the physical ones trap (docs/interrupts.md).
 */
static int add_timer(struct partition *p, void *fdt)
{
	uint32_t flags = ((1u << p->nvcpus) - 1) << 8 | GIC_FLAGS_LEVEL_HIGH;
	fdt32_t irqs[ARRAY_SIZE(timer_ppis) * GIC_SPEC_CELLS];
	int node = fdt_add_subnode(fdt, 0, "timer");
	int err;

	if (node < 0)
		return node;
	for (unsigned int i = 0; i < ARRAY_SIZE(timer_ppis); i++) {
		irqs[i * GIC_SPEC_CELLS] = cpu_to_fdt32(GIC_SPEC_PPI);
		irqs[i * GIC_SPEC_CELLS + 1] = cpu_to_fdt32(timer_ppis[i]);
		irqs[i * GIC_SPEC_CELLS + 2] = cpu_to_fdt32(flags);
	}
	if ((err = fdt_setprop_string(fdt, node, "compatible", "arm,armv7-timer")) ||
	    (err = fdt_setprop(fdt, node, "interrupts", irqs, sizeof(irqs))) ||
	    (err = fdt_setprop_empty(fdt, node, "always-on")))
		return err;
	return 0;
}

int port_guest_fdt(struct partition *p, void *fdt)
{
	int err;

	if ((err = add_cpus(p, fdt)) || (err = add_psci(fdt)) ||
	    (err = add_gic(fdt)) || (err = add_timer(p, fdt)))
		return err;
	return 0;
}
