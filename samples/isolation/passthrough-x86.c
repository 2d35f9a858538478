// SPDX-License-Identifier: MIT
/*
 * isolation, the victim's passthrough device on x86: the HPET, in its
 * device tree only because the config passes it through. Its general
 * capabilities register names the vendor (bits 63:48 of the 64-bit
 * register, 31:16 of its low dword) and the revision (7:0).
 */
#include <inttypes.h>
#include <stdio.h>

#include <libfdt.h>

#include "guest.h"
#include "isolation.h"

#define HPET_GCAP_ID		0x000
#define HPET_MAIN_COUNTER	0x0f0
#define HPET_VENDOR_INTEL	0x8086u

void check_passthrough(void)
{
	int node = fdt_node_offset_by_compatible(guest.fdt, -1, "intel,hpet");
	uint64_t base, size;
	uint32_t id;

	if (node < 0 || dt_reg(guest.fdt, node, &base, &size)) {
		printf("victim: hpet passthrough FAILED, no intel,hpet node\n");
		return;
	}
	id = mmio_read32(base + HPET_GCAP_ID);
	if (id >> 16 == HPET_VENDOR_INTEL && (id & 0xff))
		printf("victim: hpet passthrough ok, id 0x%08" PRIx32 ", counter %" PRIu32 "\n",
		       id, mmio_read32(base + HPET_MAIN_COUNTER));
	else
		printf("victim: hpet passthrough FAILED, id 0x%08" PRIx32 "\n", id);
}
