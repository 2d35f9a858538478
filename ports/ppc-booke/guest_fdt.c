// SPDX-License-Identifier: MIT
/*
 * The Book E parts of a partition's generated device tree: its CPUs, as
 * the Linux powerpc binding wants them (device_type "cpu", the timebase
 * and clock frequencies, the cache geometry), and its MPIC (vmpic_fdt.c),
 * the interrupt parent of every node the config gives interrupts. The
 * boot vCPU's node says status "okay"; each secondary's, held in the
 * partition's spin table (asm/spin_table.h) until the boot vCPU releases
 * it, says "disabled", enable-method "spin-table" and its entry's
 * guest-physical address in cpu-release-addr (64 bits), as ePAPR 1.1
 * 5.5 has them.
 */
#include <stdio.h>
#include <libfdt.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <asm/spin_table.h>
#include <asm/vmpic.h>

#define E500_CACHE_LINE		64
#define E500_L1_SIZE		0x8000

static int add_cpu(void *fdt, int cpus, unsigned int i)
{
	char name[32];
	int cpu, err;

	snprintf(name, sizeof(name), "PowerPC,%s@%u", CONFIG_GUEST_CPU_NAME, i);
	cpu = fdt_add_subnode(fdt, cpus, name);
	if (cpu < 0)
		return cpu;
	if ((err = fdt_setprop_string(fdt, cpu, "device_type", "cpu")) ||
	    (err = fdt_setprop_u32(fdt, cpu, "reg", i)) ||
	    (err = fdt_setprop_u32(fdt, cpu, "timebase-frequency", CONFIG_TIMEBASE_HZ)) ||
	    (err = fdt_setprop_u32(fdt, cpu, "clock-frequency", CONFIG_TIMEBASE_HZ)) ||
	    (err = fdt_setprop_u32(fdt, cpu, "i-cache-line-size", E500_CACHE_LINE)) ||
	    (err = fdt_setprop_u32(fdt, cpu, "d-cache-line-size", E500_CACHE_LINE)) ||
	    (err = fdt_setprop_u32(fdt, cpu, "i-cache-size", E500_L1_SIZE)) ||
	    (err = fdt_setprop_u32(fdt, cpu, "d-cache-size", E500_L1_SIZE)))
		return err;
	if (!i)
		return fdt_setprop_string(fdt, cpu, "status", "okay");
	if ((err = fdt_setprop_string(fdt, cpu, "status", "disabled")) ||
	    (err = fdt_setprop_string(fdt, cpu, "enable-method", "spin-table")))
		return err;
	return fdt_setprop_u64(fdt, cpu, "cpu-release-addr",
			       CONFIG_GUEST_SPIN_TABLE_BASE + i * SPIN_TABLE_ENTRY_SIZE);
}

int port_guest_fdt(struct partition *p, void *fdt)
{
	int cpus = fdt_add_subnode(fdt, 0, "cpus");
	int err;

	if (cpus < 0)
		return cpus;
	if ((err = fdt_setprop_u32(fdt, cpus, "#address-cells", 1)) ||
	    (err = fdt_setprop_u32(fdt, cpus, "#size-cells", 0)))
		return err;
	for (int i = p->nvcpus - 1; i >= 0; i--)
		if ((err = add_cpu(fdt, cpus, i)))
			return err;
	return vmpic_fdt_node(fdt, CONFIG_GUEST_MPIC_BASE);
}
