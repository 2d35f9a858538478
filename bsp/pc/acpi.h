/* SPDX-License-Identifier: MIT */
/*
 * What the board code reads of the firmware's ACPI tables (acpi.c): the
 * CPUs' local APIC IDs and the local APIC and IOAPIC from the MADT, the
 * power management registers from the FADT. Boot CPU, from bsp_discover().
 */
#ifndef BSP_PC_ACPI_H
#define BSP_PC_ACPI_H

#include <bulkhead/types.h>
#include <bulkhead/config.h>

struct acpi_facts {
	uint32_t apic_id[CFG_MAX_CPUS];	/* enabled CPUs, in MADT order */
	unsigned int ncpus;
	paddr_t lapic_base;
	paddr_t ioapic_base;		/* the first IOAPIC; 0: none */
	uint16_t pm1a_control;		/* PM1a_CNT_BLK I/O port; 0: none */
	uint16_t pm_timer;		/* PM_TMR_BLK I/O port; 0: none */
	bool pm_timer_32bit;		/* else 24 bits */
};

/* 0, or -1 when there is no RSDP (then @f is zeroed) */
int acpi_read(struct acpi_facts *f);

#endif
