/* SPDX-License-Identifier: MIT */
/*
 * The external abort a guest gets for an access to an address its
 * partition does not map (unmapped-access = "abort"): what taking it does
 * to the guest's state, as a pure function (abort.c, unit-tested), and
 * its delivery to a vCPU (inject.c).
 */
#ifndef ASM_ABORT_H
#define ASM_ABORT_H

#include <stdbool.h>
#include <stdint.h>

#define SCTLR_EE		(1u << 25)	/* exceptions taken big-endian */
#define SCTLR_TE		(1u << 30)	/* exceptions taken in Thumb state */
#define TTBCR_EAE		(1u << 31)	/* long-descriptor (LPAE) format */

#define VECTOR_PREFETCH_ABORT	0x0c
#define VECTOR_DATA_ABORT	0x10
#define HIGH_VECTORS		0xffff0000u

/* DFSR/IFSR: synchronous external abort, short-descriptor and LPAE forms */
#define FSR_EXTABT_SHORT	0x008u
#define FSR_EXTABT_LPAE		0x210u		/* LPAE bit 9, status 0b010000 */
#define DFSR_WNR		(1u << 11)

/* The guest's state at the faulting access. */
struct arm_abort_cause {
	bool prefetch;		/* an instruction fetch; else a data access */
	bool write;		/* data access: a store */
	uint32_t pc;		/* the faulting instruction (ELR_hyp) */
	uint32_t cpsr;		/* the guest's CPSR there (SPSR_hyp) */
	uint32_t sctlr, vbar, ttbcr;	/* its PL1 system registers */
};

/* What taking the abort makes of it (ARM ARM B1.8.3, B1.9.7-8). */
struct arm_abort_entry {
	uint32_t pc;		/* the abort vector */
	uint32_t cpsr;		/* Abort mode, IRQs and aborts masked */
	uint32_t lr_abt;	/* fault PC + 8 (data) or + 4 (prefetch) */
	uint32_t spsr_abt;	/* the CPSR at the fault */
	uint32_t fsr;		/* DFSR or IFSR */
};

void arm_abort_entry(const struct arm_abort_cause *c, struct arm_abort_entry *e);

#endif
