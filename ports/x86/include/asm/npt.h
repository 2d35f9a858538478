/* SPDX-License-Identifier: MIT */
/*
 * The nested page tables of AMD SVM (npt.c) as the core's page-table
 * engine describes them, and the guest-physical width they translate.
 */
#ifndef ASM_NPT_H
#define ASM_NPT_H

#include <bulkhead/pgtable.h>

/*
 * 4 levels of 512 entries for a long-mode host: PML4 (level 0 in the
 * engine's numbering), PDPT (1 GiB leaves), page directory (2 MiB
 * leaves), page table (4 KiB). With 1 GiB leaves, for a CPU with
 * CPUID 0x80000001 EDX.Page1GB, and without.
 */
extern const struct pt_format npt_format;
extern const struct pt_format npt_format_2m;

#define NPT_INPUT_BITS	48
#define NPT_OUTPUT_BITS	52

#endif
