/* SPDX-License-Identifier: MIT */
/* What svm_cpu.c learns of the CPU's SVM at boot (boot CPU, read-only after). */
#ifndef ASM_SVM_H
#define ASM_SVM_H

#include <bulkhead/pgtable.h>

/* ASIDs the CPU has (CPUID 0x8000000A EBX); ASID 0 is the host's */
extern unsigned int svm_nr_asids;
/* The nested-paging format this CPU walks: with 1 GiB leaves or not */
extern const struct pt_format *svm_npt_format;

/* The physical address of hypervisor memory: head.S maps it 1:1 */
static inline uint64_t hv_phys(const void *p)
{
	return (uintptr_t)p;
}

#endif
