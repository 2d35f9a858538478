// SPDX-License-Identifier: MIT
/*
 * isolation, the victim's passthrough devices on x86: the HPET, in its
 * device tree only because the config passes it through, whose general
 * capabilities register names the vendor (bits 63:48 of the 64-bit
 * register, 31:16 of its low dword) and the revision (7:0); and the RTC's
 * CMOS ports, which the config passes through as io-ports: status
 * register D reads 0x80 (valid RAM and time) from the hardware, where a
 * port no device answers would read all ones.
 */
#include <inttypes.h>
#include <stdio.h>

#include <libfdt.h>

#include "guest.h"
#include "isolation.h"

#define HPET_GCAP_ID		0x000
#define HPET_MAIN_COUNTER	0x0f0
#define HPET_VENDOR_INTEL	0x8086u
#define PORT_CMOS_INDEX		0x70u
#define PORT_CMOS_DATA		0x71u
#define CMOS_STATUS_D		0x0du
#define CMOS_STATUS_D_VRT	0x80u

static void check_rtc_ports(void)
{
	uint8_t d;

	io_write8(PORT_CMOS_INDEX, CMOS_STATUS_D);
	d = io_read8(PORT_CMOS_DATA);
	printf("victim: rtc ports passthrough %s, status D 0x%02x\n",
	       d == CMOS_STATUS_D_VRT ? "ok" : "FAILED", d);
}

static void check_hpet(void)
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

void check_passthrough(void)
{
	check_hpet();
	check_rtc_ports();
}
