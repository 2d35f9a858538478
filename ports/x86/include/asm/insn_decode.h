/* SPDX-License-Identifier: MIT */
/*
 * The guest instructions a nested page fault on an emulated device can
 * be finished for: the mov forms compilers emit for device registers
 * (insn_decode.c, pure code, unit test test_x86_decode). SVM on QEMU has
 * no decode assists, so the port decodes the bytes at the guest's RIP
 * itself, and computes the length it must step over.
 *
 *   88/89  mov r/m, reg        8A/8B  mov reg, r/m
 *   C6/C7  mov r/m, imm        A0-A3  mov AL/eAX <-> moffs
 *   0F B6/B7 movzx, 0F BE/BF movsx, 63 movsxd (64-bit mode)
 *
 * with operand-size (66), REX, segment and address-size (67) prefixes.
 * Anything else (a register operand, LOCK or REP, 16-bit addressing, a
 * string or read-modify-write instruction) is not decoded: the access is
 * the guest's fault.
 */
#ifndef ASM_INSN_DECODE_H
#define ASM_INSN_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define X86_INSN_MAX	15	/* the architecture's longest instruction */

/* How the guest's code segment decodes instructions */
enum x86_code_mode {
	X86_CODE_64,		/* long mode, CS.L: REX, 64-bit addresses */
	X86_CODE_32,		/* compatibility or protected mode, CS.D */
	X86_CODE_16,		/* CS.D clear: not decoded */
};

enum x86_mmio_src {
	X86_SRC_REG,		/* a store of register @reg */
	X86_SRC_IMM,		/* a store of @imm */
	X86_SRC_MEM,		/* a load into register @reg */
};

struct x86_mmio_insn {
	uint8_t len;		/* bytes to step over */
	uint8_t size;		/* bytes accessed: 1, 2, 4 or 8 */
	bool write;
	enum x86_mmio_src src;
	uint8_t reg;		/* 0 RAX ... 15 R15, in ModRM/REX numbering */
	bool high_byte;		/* AH, CH, DH, BH: bits 15:8 of reg & 3 */
	uint8_t reg_size;	/* bytes a load writes into the register */
	bool sign_extend;	/* movsx, movsxd; else a load zero-extends */
	uint64_t imm;		/* X86_SRC_IMM: the value stored */
};

/*
 * Decode the @avail bytes at @code (at most X86_INSN_MAX are looked at)
 * as one of the forms above in @mode: 0 with @out filled, -1 when they
 * are not one, or are cut short.
 */
int x86_decode_mmio(const uint8_t *code, size_t avail, enum x86_code_mode mode,
		    struct x86_mmio_insn *out);

/*
 * The value a load of @value puts into a register that held @old, as
 * the CPU does: 1- and 2-byte destinations keep the bits above (AH and
 * friends at 15:8), a 4-byte one clears them, extension as decoded.
 */
uint64_t x86_load_result(const struct x86_mmio_insn *insn, uint64_t old, uint64_t value);

/* What a store of register value @regval writes (AH and friends: 15:8) */
uint64_t x86_store_value(const struct x86_mmio_insn *insn, uint64_t regval);

#endif
