/* SPDX-License-Identifier: MIT */
/*
 * Guest writes to CR0 and CR4, which the port intercepts (cr_rules.c and
 * the decoding here are pure code, unit test test_x86_decode): left to
 * the CPU, QEMU lets 64-bit code clear CR0.PG or CR4.PAE, which real
 * hardware refuses with #GP, and the VMCB state that leaves behind is
 * one VMRUN refuses. The port applies a write as the hardware would, or
 * answers #GP as the hardware does.
 */
#ifndef ASM_CR_RULES_H
#define ASM_CR_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <asm/insn_decode.h>

/* One write to a control register: MOV CRn, reg (0F 22 /r) or CLTS (0F 06) */
struct x86_cr_write {
	uint8_t len;
	uint8_t cr;		/* 0-15 (REX.R) */
	uint8_t gpr;		/* the source, 0 RAX ... 15 R15 */
	bool clts;		/* CLTS: clear CR0.TS, no register */
};

/* Decode @code (@avail bytes) as one of those: 0, or -1 (LMSW among them) */
int x86_decode_cr_write(const uint8_t *code, size_t avail, enum x86_code_mode mode,
			struct x86_cr_write *out);

/* The paging state a write is checked against and changes */
struct x86_cr_state {
	uint64_t cr0, cr4, efer;
	bool cs_long;		/* CS.L: the code is 64-bit */
	uint64_t cr4_allowed;	/* x86_cr4_allowed() */
};

/*
 * The CR4 bits a guest may set on a CPU whose CPUID leaves 1 and 7 (its
 * subleaf 0) give these EAX..EDX: VME to OSXMMEXCPT, and UMIP,
 * FSGSBASE, PCIDE, OSXSAVE, SMEP, SMAP where the CPU has them. Any other
 * bit would make VMRUN refuse the state.
 */
uint64_t x86_cr4_allowed(const uint32_t leaf1[4], const uint32_t leaf7[4]);

/*
 * Apply a write of @val to CR0 (@cr 0) or CR4 (@cr 4) to @st as the
 * CPU would, EFER.LMA following CR0.PG: 0, or -1 for #GP(0) with @st
 * unchanged. *@flush: the write changed how addresses translate.
 */
int x86_cr_apply(struct x86_cr_state *st, unsigned int cr, uint64_t val, bool *flush);

#endif
