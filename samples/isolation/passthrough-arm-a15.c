// SPDX-License-Identifier: MIT
/*
 * isolation, the victim's passthrough device on the Cortex-A15: the PL031
 * RTC, in its device tree only because the config passes it through.
 */
#include <inttypes.h>
#include <stdio.h>

#include <libfdt.h>

#include "guest.h"
#include "isolation.h"

#define PL031_DR	0x000		/* seconds counter */
#define PL031_PERIPHID0	0xfe0		/* PeriphID0..3, one byte per word */
/* PeriphID bits 19:0: part 0x031, designer 0x41 (ARM); 23:20 are the revision. */
#define PL031_ID_MASK	0x000fffffu
#define PL031_ID	0x00041031u

void check_passthrough(void)
{
	uint64_t base, size;
	uint32_t id = 0;
	unsigned int i;
	int node = fdt_node_offset_by_compatible(guest.fdt, -1, "arm,pl031");

	if (node < 0 || dt_reg(guest.fdt, node, &base, &size)) {
		printf("victim: rtc passthrough FAILED, no arm,pl031 node\n");
		return;
	}
	for (i = 0; i < 4; i++)
		id |= (mmio_read32(base + PL031_PERIPHID0 + 4 * i) & 0xff) << (8 * i);
	if ((id & PL031_ID_MASK) == PL031_ID)
		printf("victim: rtc passthrough ok, id 0x%08" PRIx32 ", time %" PRIu32 "\n",
		       id, mmio_read32(base + PL031_DR));
	else
		printf("victim: rtc passthrough FAILED, id 0x%08" PRIx32 "\n", id);
}
