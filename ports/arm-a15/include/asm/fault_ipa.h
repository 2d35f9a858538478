/* SPDX-License-Identifier: MIT */
/*
 * The guest-physical address (IPA) of a guest's stage-2 abort, from what
 * the CPU reports (fault_ipa.c, pure and unit-tested; traps.c reads the
 * registers).
 *
 * With the guest's stage 1 off its IPA is the virtual address in
 * HDFAR/HIFAR. With it on, HPFAR architecturally holds IPA[39:12] for a
 * stage-2 translation fault, but not for every stage-2 fault (it is
 * UNKNOWN for a permission fault), and QEMU 7.2 puts only IPA[31:12] in
 * it: the IPA passes through a 32-bit field (ARMMMUFaultInfo.s2addr is a
 * target_ulong) before HPFAR is set, so a guest whose stage 1 outputs
 * 4 GiB + its UART's address (long descriptors, or a supersection) would
 * be handed its UART. The IPA is therefore the guest's own stage-1
 * translation of the virtual address (ATS1CPR from Hyp mode), checked
 * against HPFAR where that is valid: the same page, in full or without
 * bits 39:32.
 */
#ifndef ASM_FAULT_IPA_H
#define ASM_FAULT_IPA_H

#include <stdbool.h>
#include <stdint.h>
#include <bulkhead/types.h>

/* PAR after an address translation operation, either format */
#define PAR_F		(1u << 0)	/* the translation failed */
#define PAR_SS		(1u << 1)	/* 32-bit format: a supersection */
#define PAR_LPAE	(1u << 11)	/* the 64-bit format */

/* HPFAR's IPA[39:12], the page offset from the virtual address @va */
static inline gpaddr_t hpfar_ipa(uint32_t hpfar, uint32_t va)
{
	return ((gpaddr_t)(hpfar & ~0xfu) << 8) | (va & 0xfffu);
}

/*
 * The IPA of the stage-2 abort with syndrome @hsr at virtual address @va,
 * the guest's stage 1 on; @par is ATS1CPR's result for @va (ignored for
 * a fault on the stage-1 table walk, where HPFAR is the only source).
 * False when the guest's tables no longer give the address it faulted
 * on: it must execute the access again.
 */
bool fault_ipa_stage1(uint32_t hsr, uint32_t hpfar, uint32_t va, uint64_t par,
		      gpaddr_t *ipa);

#endif
