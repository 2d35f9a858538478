// SPDX-License-Identifier: MIT
/*
 * Finding a shared-memory region and its doorbell in the device tree the
 * hypervisor generated for this partition, so that a sample follows its
 * config instead of hard-coding addresses and interrupt numbers.
 */
#include <stdio.h>
#include <libfdt.h>

#include "doorbell.h"
#include "guest.h"
#include "irq.h"

/* The interrupt number of @node's one "interrupts" specifier, or -1 */
static int doorbell_irq(const void *fdt, int node)
{
	int len;
	const fdt32_t *spec = fdt_getprop(fdt, node, "interrupts", &len);

	return spec ? irq_from_spec(spec, len) : -1;
}

/* Fills @db from @node and maps the region; false: no usable doorbell. */
static bool read_region(const void *fdt, int node, size_t min_size,
			struct doorbell *db)
{
	const fdt32_t *number = fdt_getprop(fdt, node, "bulkhead,doorbell", NULL);
	uint64_t base;
	int irq = doorbell_irq(fdt, node);

	if (!number || irq < 0 || dt_reg(fdt, node, &base, &db->size) ||
	    db->size < min_size)
		return false;
	if (base > UINTPTR_MAX || !arch_map_memory(base, db->size))
		return false;
	db->base = (void *)(uintptr_t)base;
	db->number = fdt32_ld(number);
	db->irq = irq;
	return true;
}

int doorbell_find(struct doorbell *db, size_t min_size)
{
	const void *fdt = guest.fdt;
	int node = -1;

	while ((node = fdt_node_offset_by_compatible(fdt, node,
						     "bulkhead,shared-memory")) >= 0)
		if (read_region(fdt, node, min_size, db))
			return 0;
	printf("%s: no shared memory of %u bytes with a doorbell in the device tree\n",
	       guest.name, (unsigned int)min_size);
	return -1;
}
