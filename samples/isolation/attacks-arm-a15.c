// SPDX-License-Identifier: MIT
/*
 * isolation on the Cortex-A15: the hostile partition's attempts (its
 * guests run with the MMU off, so each address is the guest-physical one
 * it names) and the quitter's PSCI SYSTEM_OFF.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "guest.h"
#include "hypercall.h"
#include "isolation.h"

/* The victim's RAM: phys-base of its memory node in qemu-virt-a15.dts. */
#define VICTIM_RAM_PHYS		0x50000000u
/* The victim's RTC, not assigned to this partition. */
#define VICTIM_RTC		0x09010000u

#define STR(x)			#x
#define XSTR(x)			STR(x)

static void read_victim_ram(void)
{
	mmio_read32(VICTIM_RAM_PHYS);
}

static void read_foreign_device(void)
{
	mmio_read32(VICTIM_RTC);
}

/* No vector table (VBAR = 0): the exception entry itself must trap. */
static void undefined_instruction(void)
{
	__asm__ volatile("udf #0");
}

/* CP15 c15 is IMPLEMENTATION DEFINED: the hypervisor traps it (HSTR.T15). */
static void cp15_c15_write(void)
{
	__asm__ volatile("mcr p15, 0, %0, c15, c0, 0" : : "r"(0) : "memory");
}

/*
 * GICD_CTLR of its own emulated distributor (CONFIG_GUEST_GICD_BASE), read
 * as a halfword: the device model refuses that size. The hypervisor's
 * fast path for device accesses must hand the refusal on to be reported.
 */
static void halfword_distributor_read(void)
{
	uint16_t val;

	__asm__ volatile("ldrh %0, [%1]" : "=r"(val) : "r"(CONFIG_GUEST_GICD_BASE) : "memory");
}

const struct attempt attempts[] = {
	{ "write outside its RAM", attack_write_outside_ram },
	{ "read the victim's RAM at physical 0x50000000", read_victim_ram },
	{ "write hypervisor memory at " XSTR(CONFIG_HV_LOAD_ADDR), attack_write_hypervisor },
	{ "read the victim's RTC at 0x09010000", read_foreign_device },
	{ "undefined instruction", undefined_instruction },
	{ "implementation-defined CP15 c15 access", cp15_c15_write },
	{ "hypercall with a bad number", attack_bad_hypercall },
	{ "console-write hypercall with a bad pointer", attack_bad_console_pointer },
	{ "halfword read of its distributor's GICD_CTLR", halfword_distributor_read },
};
const unsigned int nr_attempts = sizeof(attempts) / sizeof(attempts[0]);

int power_off(void)
{
	int32_t rc;

	printf("%s: calling PSCI SYSTEM_OFF\n", guest.name);
	rc = psci_system_off();
	printf("%s: SYSTEM_OFF returned %" PRId32 "\n", guest.name, rc);
	return EXIT_FAILURE;
}
