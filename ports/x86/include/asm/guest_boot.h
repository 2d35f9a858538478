/* SPDX-License-Identifier: MIT */
/*
 * A guest's long-mode entry needs paging on and a GDT before its first
 * instruction: the hypervisor writes both into the top of the
 * partition's first RAM region at each boot (port_limits.guest_boot_area
 * bytes, above the device tree). guest_boot.c, pure code (unit test
 * test_x86_guest_boot).
 *
 * The tables map guest-physical [0, 4 GiB) to itself with 2 MiB pages,
 * present, writable, executable, for CPL 0; the GDT holds a null
 * descriptor, 64-bit code (selector 0x08) and data (0x10). The guest may
 * replace both and reuse the memory once it runs on its own.
 */
#ifndef ASM_GUEST_BOOT_H
#define ASM_GUEST_BOOT_H

#include <stdint.h>

#define GUEST_BOOT_MAPPED	(4ull << 30)
/* PML4, PDPT, one page directory per GiB, the GDT */
#define GUEST_BOOT_PAGES	(2 + (GUEST_BOOT_MAPPED >> 30) + 1)
#define GUEST_BOOT_AREA		(GUEST_BOOT_PAGES * 0x1000)

struct guest_boot {
	uint64_t cr3;		/* guest-physical address of the PML4 */
	uint64_t gdt_base;	/* ... and of the GDT */
	uint16_t gdt_limit;
};

/* Where the tables and the GDT are when the area is at guest-physical @area_gpa */
void guest_boot_layout(uint64_t area_gpa, struct guest_boot *out);
/*
 * Write the tables and the GDT into @area (GUEST_BOOT_AREA bytes, which
 * the guest sees at guest-physical @area_gpa, 4 KiB aligned).
 */
void guest_boot_build(void *area, uint64_t area_gpa);

#endif
