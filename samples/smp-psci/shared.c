// SPDX-License-Identifier: MIT
/* smp-psci: the shared-memory region both partitions find in their device tree. */
#include <libfdt.h>

#include "guest.h"
#include "shared.h"

uint32_t *shared_tick_count(void)
{
	int node = fdt_node_offset_by_compatible(guest.fdt, -1, "bulkhead,shared-memory");
	uint64_t base, size;

	if (node < 0 || dt_reg(guest.fdt, node, &base, &size) ||
	    size < sizeof(uint32_t) || base > UINTPTR_MAX)
		return NULL;
	return (uint32_t *)(uintptr_t)base;
}
