// SPDX-License-Identifier: MIT
/* Releasing secondary vCPUs from the spin table of their cpu node (arch/spin_table.h). */
#include <string.h>
#include <libfdt.h>

#include "guest.h"
#include "arch/spin_table.h"

#define SPIN_ENTRY_BYTES	24	/* entry_addr, r3, a reserved word, pir */

/* The cpu node whose reg is @cpu, or a negative libfdt error */
static int cpu_node(unsigned int cpu)
{
	const fdt32_t *reg;
	int node, len;

	for (node = fdt_node_offset_by_prop_value(guest.fdt, -1, "device_type", "cpu", 4);
	     node >= 0;
	     node = fdt_node_offset_by_prop_value(guest.fdt, node, "device_type", "cpu", 4)) {
		reg = fdt_getprop(guest.fdt, node, "reg", &len);
		if (reg && len == sizeof(*reg) && fdt32_ld(reg) == cpu)
			return node;
	}
	return node;
}

uintptr_t spin_table_entry(unsigned int cpu)
{
	int node = cpu_node(cpu), len;
	const char *method;
	const fdt64_t *addr;

	if (node < 0)
		return 0;
	method = fdt_getprop(guest.fdt, node, "enable-method", &len);
	addr = fdt_getprop(guest.fdt, node, "cpu-release-addr", &len);
	if (!method || strcmp(method, "spin-table") || !addr || len != sizeof(*addr))
		return 0;
	return arch_map_device(fdt64_ld(addr), SPIN_ENTRY_BYTES);
}

void spin_table_release(uintptr_t entry, unsigned int cpu, uintptr_t pc, uint32_t r3)
{
	mmio_write32(entry + SPIN_ENTRY_R3_HI, 0);
	mmio_write32(entry + SPIN_ENTRY_R3_LO, r3);
	mmio_write32(entry + SPIN_ENTRY_PIR, cpu);
	mmio_write32(entry + SPIN_ENTRY_ADDR_HI, 0);
	/* Everything it will read is in memory before it runs */
	mem_barrier();
	mmio_write32(entry + SPIN_ENTRY_ADDR_LO, pc);
}
