/* SPDX-License-Identifier: MIT */
/*
 * The multiboot (version 1) information a loader hands the hypervisor in
 * EBX: only the fields the board code reads (the memory map).
 */
#ifndef BSP_PC_MULTIBOOT_H
#define BSP_PC_MULTIBOOT_H

#include <stdint.h>

#define MB_INFO_MEMORY		(1u << 0)	/* mem_lower, mem_upper valid */
#define MB_INFO_MMAP		(1u << 6)	/* mmap_length, mmap_addr valid */
#define MB_MMAP_RAM		1

struct multiboot_info {
	uint32_t flags;
	uint32_t mem_lower;		/* KiB from 0 */
	uint32_t mem_upper;		/* KiB from 1 MiB */
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count;
	uint32_t mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length;
	uint32_t mmap_addr;
} __attribute__((packed));

/* One BIOS e820 range; @size does not count itself */
struct multiboot_mmap {
	uint32_t size;
	uint64_t addr;
	uint64_t len;
	uint32_t type;
} __attribute__((packed));

#endif
