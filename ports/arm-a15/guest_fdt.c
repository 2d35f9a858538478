// SPDX-License-Identifier: MIT
/* The Cortex-A15 parts of a partition's generated device tree. */
#include <stdio.h>
#include <libfdt.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>

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

int port_guest_fdt(struct partition *p, void *fdt)
{
	int err = add_cpus(p, fdt);

	return err ? err : add_psci(fdt);
}
