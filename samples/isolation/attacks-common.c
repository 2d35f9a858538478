// SPDX-License-Identifier: MIT
/*
 * isolation: the attempts every port's table shares (isolation.h). The
 * memory ones are for ports whose guests reach a guest-physical address
 * as it is (the Cortex-A15's with the MMU off, x86's on the hypervisor's
 * identity tables); Book E's forge a TLB entry first.
 */
#include "guest.h"
#include "hypercall.h"
#include "isolation.h"

/* Far from every hostile partition's RAM: a buffer the console call must refuse */
#define BAD_BUFFER		0x10000000u

void attack_write_outside_ram(void)
{
	mmio_write32(guest.ram_base + guest.ram_size + 0x1000, 0xbad0bad0u);
}

/* CONFIG_HV_LOAD_ADDR comes from the board's defconfig (generated/autoconf.h). */
void attack_write_hypervisor(void)
{
	mmio_write32(CONFIG_HV_LOAD_ADDR, 0xbad0bad0u);
}

void attack_bad_hypercall(void)
{
	hv_call(BH_HC(0x7f), 0, 0, 0);
}

void attack_bad_console_pointer(void)
{
	hv_call(BH_HC_CONSOLE_WRITE, BAD_BUFFER, 16, 0);
}
