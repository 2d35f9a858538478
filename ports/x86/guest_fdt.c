// SPDX-License-Identifier: MIT
/*
 * The x86 part of a partition's generated device tree: its CPUs, each
 * with the rate of the TSC, the guests' time base (timebase-frequency,
 * clock-frequency), as the board measured it. Pure libfdt code, linked
 * into the host tool too, which sizes every partition's tree with a rate
 * of 0 (the property's size does not change).
 */
#include <stdio.h>
#include <libfdt.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <asm/x86_board.h>

uint64_t x86_board_tsc_hz;

static int add_cpu(void *fdt, int cpus, unsigned int i, uint32_t hz)
{
	char name[16];
	int cpu, err;

	snprintf(name, sizeof(name), "cpu@%u", i);
	cpu = fdt_add_subnode(fdt, cpus, name);
	if (cpu < 0)
		return cpu;
	if ((err = fdt_setprop_string(fdt, cpu, "device_type", "cpu")) ||
	    (err = fdt_setprop_u32(fdt, cpu, "reg", i)) ||
	    (err = fdt_setprop_u32(fdt, cpu, "timebase-frequency", hz)) ||
	    (err = fdt_setprop_u32(fdt, cpu, "clock-frequency", hz)))
		return err;
	return 0;
}

int port_guest_fdt(struct partition *p, void *fdt)
{
	int cpus = fdt_add_subnode(fdt, 0, "cpus");
	uint32_t hz = x86_board_tsc_hz > UINT32_MAX ? UINT32_MAX : (uint32_t)x86_board_tsc_hz;
	int err;

	if (cpus < 0)
		return cpus;
	if ((err = fdt_setprop_u32(fdt, cpus, "#address-cells", 1)) ||
	    (err = fdt_setprop_u32(fdt, cpus, "#size-cells", 0)))
		return err;
	for (int i = p->nvcpus - 1; i >= 0; i--)
		if ((err = add_cpu(fdt, cpus, i, hz)))
			return err;
	return 0;
}
