// SPDX-License-Identifier: MIT
/*
 * Unit tests for the Cortex-A15 port's data-abort syndromes and its
 * load/store decoding (the rest of the HSR is test_hsr.c's).
 *
 * Every instruction word below was produced by the cross assembler
 * (arm-none-eabi-as -mcpu=cortex-a15, .arm / .thumb, read back with
 * arm-none-eabi-objdump -d) from the assembly in the comment next to it.
 * The few marked "hand-modified" change one field of such a word to reach
 * an encoding the assembler refuses to emit. HSR values are built by hand
 * from the ARMv7 field layout given in their comments.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include <asm/decode.h>

#include "check_field.h"

/* ---- Decoded access comparison, every field ---- */

/* rt and reglist are shorthands: expect them from the listed regs */
static void expect_access(const char *name, const struct arm_mem_access *got,
			  const struct arm_mem_access *listed)
{
	struct arm_mem_access full = *listed, *exp = &full;
	unsigned int i;

	full.rt = full.regs[0];
	for (i = 0; i < full.nregs; i++)
		full.reglist |= 1u << full.regs[i];

	CHECK_FIELD(name, got, exp, write);
	CHECK_FIELD(name, got, exp, sign_extend);
	CHECK_FIELD(name, got, exp, size);
	CHECK_FIELD(name, got, exp, insn_len);
	CHECK_FIELD(name, got, exp, nregs);
	for (i = 0; i < ARM_MAX_XFER_REGS; i++)
		CHECK_FIELD(name, got, exp, regs[i]);
	CHECK_FIELD(name, got, exp, rt);
	CHECK_FIELD(name, got, exp, reglist);
	CHECK_FIELD(name, got, exp, rn);
	CHECK_FIELD(name, got, exp, writeback);
	CHECK_FIELD(name, got, exp, pre_index);
	CHECK_FIELD(name, got, exp, addr_imm);
	CHECK_FIELD(name, got, exp, wb_delta_imm);
	CHECK_FIELD(name, got, exp, add);
	CHECK_FIELD(name, got, exp, uses_rm);
	CHECK_FIELD(name, got, exp, rm);
	CHECK_FIELD(name, got, exp, shift_type);
	CHECK_FIELD(name, got, exp, shift_imm);
}

/* ---- HSR with ISV=1 / ISV=0 ---- */

#define LD(sz)		.size = (sz)
#define LDS(sz)		.size = (sz), .sign_extend = true
#define ST(sz)		.size = (sz), .write = true
#define REGS(n, ...)	.nregs = (n), .regs = { __VA_ARGS__ }

/* From the syndrome: one register, never a writeback */
#define ISV_LD(sz, r, len)	{ .size = (sz), .rt = (r), .insn_len = (len), \
				  .wb_reg = ARM_NO_WRITEBACK }
#define ISV_LDS(sz, r, len)	{ .size = (sz), .rt = (r), .insn_len = (len), \
				  .sign_extend = true, .wb_reg = ARM_NO_WRITEBACK }
#define ISV_ST(sz, r, len)	{ .size = (sz), .rt = (r), .insn_len = (len), \
				  .write = true, .wb_reg = ARM_NO_WRITEBACK }

static const struct {
	const char *name;
	uint32_t hsr;
	struct arm_mmio_insn exp;
} isv_cases[] = {
	/* EC 0x24 | IL | ISV | SAS=0 | SRT=3 | DFSC=7 */
	{ "ldrb r3", 0x93030007, ISV_LD(1, 3, 4) },
	/* EC 0x24 | ISV | SAS=1 | SRT=5 | WnR | DFSC=6; IL=0: 16-bit */
	{ "strh r5", 0x91450046, ISV_ST(2, 5, 2) },
	/* EC 0x24 | IL | ISV | SAS=2 | SRT=12 | DFSC=5 */
	{ "ldr r12", 0x938c0005, ISV_LD(4, 12, 4) },
	/* EC 0x24 | IL | ISV | SAS=0 | SSE | SRT=1 | DFSC=7 */
	{ "ldrsb r1", 0x93210007, ISV_LDS(1, 1, 4) },
	/* EC 0x24 | ISV | SAS=1 | SSE | SRT=14 | DFSC=7 */
	{ "ldrsh lr", 0x916e0007, ISV_LDS(2, 14, 2) },
	/* EC 0x24 | IL | ISV | SAS=2 | SRT=0 | WnR | DFSC=7 */
	{ "str r0", 0x93800047, ISV_ST(4, 0, 4) },
	/* EC 0x24 | IL | ISV | SAS=0 | SSE | SRT=2 | WnR: SSE means nothing on a store */
	{ "strb r2 sse", 0x93220047, ISV_ST(1, 2, 4) },
	/* EC 0x25 | IL | ISV | SAS=2 | WnR | DFSC=7 */
	{ "str r0 hyp", 0x97800047, ISV_ST(4, 0, 4) },
};

static void test_hsr_data_abort(void **state)
{
	struct arm_mmio_insn m;
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(isv_cases); i++) {
		const struct arm_mmio_insn *exp = &isv_cases[i].exp;
		const char *name = isv_cases[i].name;

		memset(&m, 0xa5, sizeof(m));
		assert_int_equal(hsr_decode_data_abort(isv_cases[i].hsr, &m), 0);
		CHECK_FIELD(name, &m, exp, write);
		CHECK_FIELD(name, &m, exp, sign_extend);
		CHECK_FIELD(name, &m, exp, size);
		CHECK_FIELD(name, &m, exp, insn_len);
		CHECK_FIELD(name, &m, exp, rt);
		CHECK_FIELD(name, &m, exp, wb_reg);
	}

	assert_int_equal(hsr_decode_data_abort(0x90000007, &m), -1);	/* ISV=0, IL=0 */
	assert_int_equal(hsr_decode_data_abort(0x92000046, &m), -1);	/* ISV=0, IL=1 */
	assert_int_equal(hsr_decode_data_abort(0x93c00007, &m), -1);	/* SAS=3 */
	assert_int_equal(hsr_decode_data_abort(0x83000007, &m), -1);	/* EC 0x20 */
	assert_int_equal(hsr_decode_data_abort(0x4b000000, &m), -1);	/* HVC, bit 24 set */
}

/* ---- Instruction decoding ---- */

/*
 * Rn is 0x1000 in every case; rm is the Rm value; addr the lowest address
 * accessed and new_rn the base after the instruction.
 */
struct ldst_case {
	const char *text;
	uint32_t insn;		/* A32 word, or hw1 << 16 | hw2 for T32 */
	struct arm_mem_access exp;
	uint32_t rm, addr, new_rn;
};

#define RN_VALUE	0x1000u

#define PRE_ADD		.pre_index = true, .add = true
#define PRE_SUB		.pre_index = true
#define WB		.writeback = true
#define IMM(a, w)	.addr_imm = (a), .wb_delta_imm = (w)
#define RM(r, t, s)	.uses_rm = true, .rm = (r), .shift_type = ARM_SHIFT_##t, .shift_imm = (s)

static const struct ldst_case a32_cases[] = {
	{ "ldr r0, [r1, #4]", 0xe5910004,
	  { LD(4), REGS(1, 0), .rn = 1, PRE_ADD, IMM(4, 0) }, 0, 0x1004, 0x1000 },
	{ "ldr r2, [r3, #-8]!", 0xe5332008,
	  { LD(4), REGS(1, 2), .rn = 3, WB, PRE_SUB, IMM(-8, -8) }, 0, 0xff8, 0xff8 },
	{ "ldr r4, [r5], #12", 0xe495400c,
	  { LD(4), REGS(1, 4), .rn = 5, WB, .add = true, IMM(0, 12) }, 0, 0x1000, 0x100c },
	{ "str r6, [r7, #4095]", 0xe5876fff,
	  { ST(4), REGS(1, 6), .rn = 7, PRE_ADD, IMM(4095, 0) }, 0, 0x1fff, 0x1000 },
	{ "ldrb r1, [r2, #1]!", 0xe5f21001,
	  { LD(1), REGS(1, 1), .rn = 2, WB, PRE_ADD, IMM(1, 1) }, 0, 0x1001, 0x1001 },
	{ "strb r3, [r4], #-1", 0xe4443001,
	  { ST(1), REGS(1, 3), .rn = 4, WB, IMM(0, -1) }, 0, 0x1000, 0xfff },
	{ "ldr r0, [r1, r2]", 0xe7910002,
	  { LD(4), REGS(1, 0), .rn = 1, PRE_ADD, RM(2, LSL, 0) }, 0x20, 0x1020, 0x1000 },
	{ "ldr r0, [r1, -r2, lsl #2]!", 0xe7310102,
	  { LD(4), REGS(1, 0), .rn = 1, WB, PRE_SUB, RM(2, LSL, 2) }, 0x10, 0xfc0, 0xfc0 },
	{ "str r3, [r4], r5, lsr #4", 0xe6843225,
	  { ST(4), REGS(1, 3), .rn = 4, WB, .add = true, RM(5, LSR, 4) }, 0x100, 0x1000, 0x1010 },
	{ "ldrb r6, [r7, r8, asr #32]", 0xe7d76048,
	  { LD(1), REGS(1, 6), .rn = 7, PRE_ADD, RM(8, ASR, 32) }, 0x80000000, 0xfff, 0x1000 },
	{ "ldr r0, [r1, r2, lsr #32]!", 0xe7b10022,
	  { LD(4), REGS(1, 0), .rn = 1, WB, PRE_ADD, RM(2, LSR, 32) }, 0xffffffff, 0x1000, 0x1000 },
	{ "ldr r0, [r1, -r2, ror #8]", 0xe7110462,
	  { LD(4), REGS(1, 0), .rn = 1, PRE_SUB, RM(2, ROR, 8) }, 0x0000010f, 0xf1000fff, 0x1000 },
	{ "ldrh r0, [r1, #2]!", 0xe1f100b2,
	  { LD(2), REGS(1, 0), .rn = 1, WB, PRE_ADD, IMM(2, 2) }, 0, 0x1002, 0x1002 },
	{ "strh r2, [r3], #-6", 0xe04320b6,
	  { ST(2), REGS(1, 2), .rn = 3, WB, IMM(0, -6) }, 0, 0x1000, 0xffa },
	{ "ldrsb r4, [r5, #-1]", 0xe15540d1,
	  { LDS(1), REGS(1, 4), .rn = 5, PRE_SUB, IMM(-1, 0) }, 0, 0xfff, 0x1000 },
	{ "ldrsh r6, [r7], #254", 0xe0d76ffe,
	  { LDS(2), REGS(1, 6), .rn = 7, WB, .add = true, IMM(0, 254) }, 0, 0x1000, 0x10fe },
	{ "ldrh r0, [r1, r2]!", 0xe1b100b2,
	  { LD(2), REGS(1, 0), .rn = 1, WB, PRE_ADD, RM(2, LSL, 0) }, 4, 0x1004, 0x1004 },
	{ "strh r0, [r1], -r2", 0xe00100b2,
	  { ST(2), REGS(1, 0), .rn = 1, WB, RM(2, LSL, 0) }, 2, 0x1000, 0xffe },
	{ "ldrsb r3, [r4, -r5]", 0xe11430d5,
	  { LDS(1), REGS(1, 3), .rn = 4, PRE_SUB, RM(5, LSL, 0) }, 1, 0xfff, 0x1000 },
	{ "ldrsh r3, [r4], r5", 0xe09430f5,
	  { LDS(2), REGS(1, 3), .rn = 4, WB, .add = true, RM(5, LSL, 0) }, 8, 0x1000, 0x1008 },
	{ "ldrd r0, r1, [r2, #8]!", 0xe1e200d8,
	  { LD(4), REGS(2, 0, 1), .rn = 2, WB, PRE_ADD, IMM(8, 8) }, 0, 0x1008, 0x1008 },
	{ "ldrd r0, r1, [r2], #8", 0xe0c200d8,
	  { LD(4), REGS(2, 0, 1), .rn = 2, WB, .add = true, IMM(0, 8) }, 0, 0x1000, 0x1008 },
	{ "strd r4, r5, [r6], #-16", 0xe04641f0,
	  { ST(4), REGS(2, 4, 5), .rn = 6, WB, IMM(0, -16) }, 0, 0x1000, 0xff0 },
	{ "ldrd r2, r3, [r4, r5]", 0xe18420d5,
	  { LD(4), REGS(2, 2, 3), .rn = 4, PRE_ADD, RM(5, LSL, 0) }, 0x18, 0x1018, 0x1000 },
	{ "strd r8, r9, [r10, -r11]!", 0xe12a80fb,
	  { ST(4), REGS(2, 8, 9), .rn = 10, WB, PRE_SUB, RM(11, LSL, 0) }, 8, 0xff8, 0xff8 },
	{ "ldrd r2, r3, [r3]", 0xe1c320d0,
	  { LD(4), REGS(2, 2, 3), .rn = 3, PRE_ADD }, 0, 0x1000, 0x1000 },
	{ "ldrt r0, [r1], #4", 0xe4b10004,
	  { LD(4), REGS(1, 0), .rn = 1, WB, .add = true, IMM(0, 4) }, 0, 0x1000, 0x1004 },
	{ "strht r2, [r3], #2", 0xe0e320b2,
	  { ST(2), REGS(1, 2), .rn = 3, WB, .add = true, IMM(0, 2) }, 0, 0x1000, 0x1002 },
	{ "ldm r0, {r1, r2}", 0xe8900006,
	  { LD(4), REGS(2, 1, 2), .rn = 0, .add = true }, 0, 0x1000, 0x1000 },
	{ "ldmia r0!, {r1-r3}", 0xe8b0000e,
	  { LD(4), REGS(3, 1, 2, 3), .rn = 0, WB, .add = true, IMM(0, 12) }, 0, 0x1000, 0x100c },
	{ "ldmib r1!, {r4, r6}", 0xe9b10050,
	  { LD(4), REGS(2, 4, 6), .rn = 1, WB, PRE_ADD, IMM(4, 8) }, 0, 0x1004, 0x1008 },
	{ "ldmda r2, {r0, r3, r5}", 0xe8120029,
	  { LD(4), REGS(3, 0, 3, 5), .rn = 2, IMM(-8, 0) }, 0, 0xff8, 0x1000 },
	{ "ldmdb r3!, {r0-r2, r12}", 0xe9331007,
	  { LD(4), REGS(4, 0, 1, 2, 12), .rn = 3, WB, PRE_SUB, IMM(-16, -16) }, 0, 0xff0, 0xff0 },
	{ "stmia r4!, {r0}", 0xe8a40001,
	  { ST(4), REGS(1, 0), .rn = 4, WB, .add = true, IMM(0, 4) }, 0, 0x1000, 0x1004 },
	{ "stmib r5, {r1, r2}", 0xe9850006,
	  { ST(4), REGS(2, 1, 2), .rn = 5, PRE_ADD, IMM(4, 0) }, 0, 0x1004, 0x1000 },
	{ "stmda r6!, {r7, r8}", 0xe8260180,
	  { ST(4), REGS(2, 7, 8), .rn = 6, WB, IMM(-4, -8) }, 0, 0xffc, 0xff8 },
	{ "stmdb r7!, {r0, r1, lr}", 0xe9274003,
	  { ST(4), REGS(3, 0, 1, 14), .rn = 7, WB, PRE_SUB, IMM(-12, -12) }, 0, 0xff4, 0xff4 },
};

static const struct ldst_case t16_cases[] = {
	{ "ldr r0, [r1, #4]", 0x6848,
	  { LD(4), REGS(1, 0), .rn = 1, PRE_ADD, IMM(4, 0) }, 0, 0x1004, 0x1000 },
	{ "str r2, [r3, #124]", 0x67da,
	  { ST(4), REGS(1, 2), .rn = 3, PRE_ADD, IMM(124, 0) }, 0, 0x107c, 0x1000 },
	{ "ldrb r4, [r5, #31]", 0x7fec,
	  { LD(1), REGS(1, 4), .rn = 5, PRE_ADD, IMM(31, 0) }, 0, 0x101f, 0x1000 },
	{ "strb r6, [r7, #0]", 0x703e,
	  { ST(1), REGS(1, 6), .rn = 7, PRE_ADD }, 0, 0x1000, 0x1000 },
	{ "ldrh r0, [r1, #62]", 0x8fc8,
	  { LD(2), REGS(1, 0), .rn = 1, PRE_ADD, IMM(62, 0) }, 0, 0x103e, 0x1000 },
	{ "strh r2, [r3, #2]", 0x805a,
	  { ST(2), REGS(1, 2), .rn = 3, PRE_ADD, IMM(2, 0) }, 0, 0x1002, 0x1000 },
	{ "ldr r1, [r2, r3]", 0x58d1,
	  { LD(4), REGS(1, 1), .rn = 2, PRE_ADD, RM(3, LSL, 0) }, 4, 0x1004, 0x1000 },
	{ "str r4, [r5, r6]", 0x51ac,
	  { ST(4), REGS(1, 4), .rn = 5, PRE_ADD, RM(6, LSL, 0) }, 8, 0x1008, 0x1000 },
	{ "ldrb r7, [r0, r1]", 0x5c47,
	  { LD(1), REGS(1, 7), .rn = 0, PRE_ADD, RM(1, LSL, 0) }, 1, 0x1001, 0x1000 },
	{ "strb r2, [r3, r4]", 0x551a,
	  { ST(1), REGS(1, 2), .rn = 3, PRE_ADD, RM(4, LSL, 0) }, 2, 0x1002, 0x1000 },
	{ "ldrh r5, [r6, r7]", 0x5bf5,
	  { LD(2), REGS(1, 5), .rn = 6, PRE_ADD, RM(7, LSL, 0) }, 6, 0x1006, 0x1000 },
	{ "strh r0, [r1, r2]", 0x5288,
	  { ST(2), REGS(1, 0), .rn = 1, PRE_ADD, RM(2, LSL, 0) }, 0x10, 0x1010, 0x1000 },
	{ "ldrsb r3, [r4, r5]", 0x5763,
	  { LDS(1), REGS(1, 3), .rn = 4, PRE_ADD, RM(5, LSL, 0) }, 0xffffffff, 0xfff, 0x1000 },
	{ "ldrsh r6, [r7, r0]", 0x5e3e,
	  { LDS(2), REGS(1, 6), .rn = 7, PRE_ADD, RM(0, LSL, 0) }, 2, 0x1002, 0x1000 },
	{ "ldr r3, [sp, #1020]", 0x9bff,
	  { LD(4), REGS(1, 3), .rn = 13, PRE_ADD, IMM(1020, 0) }, 0, 0x13fc, 0x1000 },
	{ "str r4, [sp, #8]", 0x9402,
	  { ST(4), REGS(1, 4), .rn = 13, PRE_ADD, IMM(8, 0) }, 0, 0x1008, 0x1000 },
	{ "ldmia r0!, {r1, r2}", 0xc806,
	  { LD(4), REGS(2, 1, 2), .rn = 0, WB, .add = true, IMM(0, 8) }, 0, 0x1000, 0x1008 },
	{ "ldmia r3, {r1, r3}", 0xcb0a,
	  { LD(4), REGS(2, 1, 3), .rn = 3, .add = true }, 0, 0x1000, 0x1000 },
	{ "stmia r4!, {r0, r5, r7}", 0xc4a1,
	  { ST(4), REGS(3, 0, 5, 7), .rn = 4, WB, .add = true, IMM(0, 12) }, 0, 0x1000, 0x100c },
};

static const struct ldst_case t32_cases[] = {
	{ "ldr.w r0, [r1, #4095]", 0xf8d10fff,
	  { LD(4), REGS(1, 0), .rn = 1, PRE_ADD, IMM(4095, 0) }, 0, 0x1fff, 0x1000 },
	{ "str.w r2, [r3, #8]", 0xf8c32008,
	  { ST(4), REGS(1, 2), .rn = 3, PRE_ADD, IMM(8, 0) }, 0, 0x1008, 0x1000 },
	{ "ldrb.w r4, [r5, #1]", 0xf8954001,
	  { LD(1), REGS(1, 4), .rn = 5, PRE_ADD, IMM(1, 0) }, 0, 0x1001, 0x1000 },
	{ "strb.w r6, [r7, #2]", 0xf8876002,
	  { ST(1), REGS(1, 6), .rn = 7, PRE_ADD, IMM(2, 0) }, 0, 0x1002, 0x1000 },
	{ "ldrh.w r8, [r9, #6]", 0xf8b98006,
	  { LD(2), REGS(1, 8), .rn = 9, PRE_ADD, IMM(6, 0) }, 0, 0x1006, 0x1000 },
	{ "strh.w r10, [r11, #10]", 0xf8aba00a,
	  { ST(2), REGS(1, 10), .rn = 11, PRE_ADD, IMM(10, 0) }, 0, 0x100a, 0x1000 },
	{ "ldrsb.w r12, [r0, #3]", 0xf990c003,
	  { LDS(1), REGS(1, 12), .rn = 0, PRE_ADD, IMM(3, 0) }, 0, 0x1003, 0x1000 },
	{ "ldrsh.w r1, [r2, #4094]", 0xf9b21ffe,
	  { LDS(2), REGS(1, 1), .rn = 2, PRE_ADD, IMM(4094, 0) }, 0, 0x1ffe, 0x1000 },
	{ "ldr.w r0, [r1, #-4]", 0xf8510c04,
	  { LD(4), REGS(1, 0), .rn = 1, PRE_SUB, IMM(-4, 0) }, 0, 0xffc, 0x1000 },
	{ "ldr.w r2, [r3, #8]!", 0xf8532f08,
	  { LD(4), REGS(1, 2), .rn = 3, WB, PRE_ADD, IMM(8, 8) }, 0, 0x1008, 0x1008 },
	{ "ldr.w r4, [r5], #-255", 0xf85549ff,
	  { LD(4), REGS(1, 4), .rn = 5, WB, IMM(0, -255) }, 0, 0x1000, 0xf01 },
	{ "strb.w r6, [r7, #-1]!", 0xf8076d01,
	  { ST(1), REGS(1, 6), .rn = 7, WB, PRE_SUB, IMM(-1, -1) }, 0, 0xfff, 0xfff },
	{ "strh.w r8, [r9], #2", 0xf8298b02,
	  { ST(2), REGS(1, 8), .rn = 9, WB, .add = true, IMM(0, 2) }, 0, 0x1000, 0x1002 },
	{ "ldrsh.w r10, [r11, #-2]!", 0xf93bad02,
	  { LDS(2), REGS(1, 10), .rn = 11, WB, PRE_SUB, IMM(-2, -2) }, 0, 0xffe, 0xffe },
	{ "ldrsb.w r12, [r0], #1", 0xf910cb01,
	  { LDS(1), REGS(1, 12), .rn = 0, WB, .add = true, IMM(0, 1) }, 0, 0x1000, 0x1001 },
	{ "ldrh.w r1, [r2, #-6]", 0xf8321c06,
	  { LD(2), REGS(1, 1), .rn = 2, PRE_SUB, IMM(-6, 0) }, 0, 0xffa, 0x1000 },
	{ "ldrt r3, [r4, #8]", 0xf8543e08,
	  { LD(4), REGS(1, 3), .rn = 4, PRE_ADD, IMM(8, 0) }, 0, 0x1008, 0x1000 },
	{ "ldr.w r0, [sp, #4]!", 0xf85d0f04,
	  { LD(4), REGS(1, 0), .rn = 13, WB, PRE_ADD, IMM(4, 4) }, 0, 0x1004, 0x1004 },
	{ "ldr.w r0, [r1, r2, lsl #2]", 0xf8510022,
	  { LD(4), REGS(1, 0), .rn = 1, PRE_ADD, RM(2, LSL, 2) }, 3, 0x100c, 0x1000 },
	{ "str.w r3, [r4, r5]", 0xf8443005,
	  { ST(4), REGS(1, 3), .rn = 4, PRE_ADD, RM(5, LSL, 0) }, 0x40, 0x1040, 0x1000 },
	{ "ldrb.w r6, [r7, r8, lsl #1]", 0xf8176018,
	  { LD(1), REGS(1, 6), .rn = 7, PRE_ADD, RM(8, LSL, 1) }, 5, 0x100a, 0x1000 },
	{ "strh.w r9, [r10, r11, lsl #3]", 0xf82a903b,
	  { ST(2), REGS(1, 9), .rn = 10, PRE_ADD, RM(11, LSL, 3) }, 2, 0x1010, 0x1000 },
	{ "ldrsb.w r12, [r0, r1]", 0xf910c001,
	  { LDS(1), REGS(1, 12), .rn = 0, PRE_ADD, RM(1, LSL, 0) }, 7, 0x1007, 0x1000 },
	{ "ldrsh.w r2, [r3, r4, lsl #1]", 0xf9332014,
	  { LDS(2), REGS(1, 2), .rn = 3, PRE_ADD, RM(4, LSL, 1) }, 0x80, 0x1100, 0x1000 },
	{ "ldrh.w r5, [r6, r7]", 0xf8365007,
	  { LD(2), REGS(1, 5), .rn = 6, PRE_ADD, RM(7, LSL, 0) }, 0, 0x1000, 0x1000 },
	{ "strb.w r8, [r9, r10]", 0xf809800a,
	  { ST(1), REGS(1, 8), .rn = 9, PRE_ADD, RM(10, LSL, 0) }, 0xfffffffc, 0xffc, 0x1000 },
	{ "ldrd r0, r1, [r2, #8]", 0xe9d20102,
	  { LD(4), REGS(2, 0, 1), .rn = 2, PRE_ADD, IMM(8, 0) }, 0, 0x1008, 0x1000 },
	{ "ldrd r5, r3, [r4, #-16]!", 0xe9745304,
	  { LD(4), REGS(2, 5, 3), .rn = 4, WB, PRE_SUB, IMM(-16, -16) }, 0, 0xff0, 0xff0 },
	{ "strd r6, r7, [r8], #1020", 0xe8e867ff,
	  { ST(4), REGS(2, 6, 7), .rn = 8, WB, .add = true, IMM(0, 1020) }, 0, 0x1000, 0x13fc },
	{ "ldmia.w r0!, {r1, r2, r8}", 0xe8b00106,
	  { LD(4), REGS(3, 1, 2, 8), .rn = 0, WB, .add = true, IMM(0, 12) }, 0, 0x1000, 0x100c },
	{ "ldmdb r1, {r2, r3}", 0xe911000c,
	  { LD(4), REGS(2, 2, 3), .rn = 1, PRE_SUB, IMM(-8, 0) }, 0, 0xff8, 0x1000 },
	{ "stmia.w r2, {r3, r9}", 0xe8820208,
	  { ST(4), REGS(2, 3, 9), .rn = 2, .add = true }, 0, 0x1000, 0x1000 },
	{ "stmdb r3!, {r4, r5, lr}", 0xe9234030,
	  { ST(4), REGS(3, 4, 5, 14), .rn = 3, WB, PRE_SUB, IMM(-12, -12) }, 0, 0xff4, 0xff4 },
};

static void check_case(const struct ldst_case *c, const struct arm_mem_access *got,
		       unsigned int insn_len)
{
	struct arm_mem_access exp = c->exp;

	exp.insn_len = insn_len;
	expect_access(c->text, got, &exp);
	assert_int_equal(arm_ldst_address(got, RN_VALUE, c->rm), c->addr);
	assert_int_equal(arm_ldst_writeback_value(got, RN_VALUE, c->rm), c->new_rn);
}

static void test_arm_decode(void **state)
{
	struct arm_mem_access a;
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(a32_cases); i++) {
		if (arm_decode_ldst(a32_cases[i].insn, &a))
			fail_msg("%s: rejected", a32_cases[i].text);
		check_case(&a32_cases[i], &a, 4);
	}
}

static void test_thumb16_decode(void **state)
{
	struct arm_mem_access a;
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(t16_cases); i++) {
		assert_false(thumb_insn_is_32bit(t16_cases[i].insn));
		/* hw2 must be ignored: pass a word that would decode as T32 */
		if (thumb_decode_ldst(t16_cases[i].insn, 0xffff, &a))
			fail_msg("%s: rejected", t16_cases[i].text);
		check_case(&t16_cases[i], &a, 2);
	}
}

static void test_thumb32_decode(void **state)
{
	struct arm_mem_access a;
	unsigned int i;

	(void)state;
	/* 11101, 11110 and 11111 in bits 15:11 start a 32-bit instruction */
	assert_true(thumb_insn_is_32bit(0xe800));
	assert_true(thumb_insn_is_32bit(0xffff));
	assert_false(thumb_insn_is_32bit(0xe7ff));	/* b . (T2) */
	for (i = 0; i < ARRAY_SIZE(t32_cases); i++) {
		uint16_t hw1 = t32_cases[i].insn >> 16, hw2 = t32_cases[i].insn;

		assert_true(thumb_insn_is_32bit(hw1));
		if (thumb_decode_ldst(hw1, hw2, &a))
			fail_msg("%s: rejected", t32_cases[i].text);
		check_case(&t32_cases[i], &a, 4);
	}
}

static const struct {
	const char *text;
	uint32_t insn;
} a32_rejects[] = {
	{ "ldrex r0, [r1]", 0xe1910f9f },
	{ "strex r2, r0, [r1]", 0xe1812f90 },
	{ "swp r0, r1, [r2]", 0xe1020091 },
	{ "ldc p14, c5, [r0, #4]", 0xed905e01 },
	{ "mcr p15, 0, r3, c1, c0, 0", 0xee013f10 },
	{ "ldr r0, [pc, #4]", 0xe59f0004 },
	{ "ldr pc, [r0, #4]", 0xe590f004 },
	{ "ldm r0, {r1, pc}", 0xe8908002 },
	{ "ldm r0!, {r0, r1}", 0xe8b00003 },
	{ "ldr r0, [r0, #4]!", 0xe5b00004 },
	{ "ldr r0, [r1, r2, rrx]", 0xe7910062 },
	{ "stmia r0, {r1}^", 0xe8c00002 },
	{ "pld [r0, #4]", 0xf5d0f004 },
	{ "rfeia r0", 0xf8900a00 },
	{ "add r0, r1, r2", 0xe0810002 },
	{ "add r0, r1, r2, lsr r3", 0xe0810332 },
	{ "smlabt r0, r1, r2, r3", 0xe10032c1 },
	{ "smlatb r0, r1, r2, r3", 0xe10032a1 },
	{ "uadd8 r0, r1, r2", 0xe6510f92 },
	{ "udf #0", 0xe7f000f0 },
	{ "wfi", 0xe320f003 },
	{ "ldrd r1, r2, [r3] (hand-modified Rt of e1c320d0)", 0xe1c310d0 },
	{ "ldrd r0, r1, [r2], #8 with W=1 (hand-modified e0c200d8)", 0xe0e200d8 },
	{ "ldrd lr, [r3] (hand-modified Rt of e1c320d0)", 0xe1c3e0d0 },
	{ "ldm r0, {} (hand-modified e8900006)", 0xe8900000 },
	{ "ldr r0, [r1, pc] (hand-modified Rm of e7910002)", 0xe791000f },
};

static const struct {
	const char *text;
	uint16_t hw1, hw2;
} thumb_rejects[] = {
	{ "ldr r0, [pc, #8]", 0x4802, 0 },
	{ "push {r4, lr}", 0xb510, 0 },
	{ "add r0, r1", 0x4408, 0 },
	{ "ldmia r0!, {} (hand-modified c806)", 0xc800, 0 },
	{ "ldrex r0, [r1]", 0xe851, 0x0f00 },
	{ "strex r2, r0, [r1]", 0xe841, 0x0200 },
	{ "tbb [r0, r1]", 0xe8d0, 0xf001 },
	{ "srsdb sp!, #19", 0xe82d, 0xc013 },
	{ "rfeia r0", 0xe990, 0xc000 },
	{ "srsdb sp!, #19 with hw2[15:14] = 0 (hand-modified)", 0xe82d, 0x0013 },
	{ "ldr.w r0, [pc, #8]", 0xf8df, 0x0008 },
	{ "pld [r0, #4]", 0xf890, 0xf004 },
	{ "ldr.w pc, [r0, #4]", 0xf8d0, 0xf004 },
	{ "ldc p14, c5, [r0, #4]", 0xed90, 0x5e01 },
	{ "vld1.8 {d0}, [r1]", 0xf921, 0x070f },
	{ "ldrd r2, r2, [r0]", 0xe9d0, 0x2200 },
	{ "ldr.w r0, [r1, r2] with hw2 bit 6 set (hand-modified f851 0022)", 0xf851, 0x0062 },
	{ "size 0b11: hand-modified size of ldr.w f8d1 0fff", 0xf8f1, 0x0fff },
	{ "no LDRSW: hand-modified size of ldrsh.w f9b2 1ffe", 0xf9d2, 0x1ffe },
	{ "ldr.w r2, [r2, #8]! (hand-modified Rn of f853 2f08)", 0xf852, 0x2f08 },
	{ "ldr.w r0, [r1], #4 with P=0 W=0 (hand-modified f851 0b04)", 0xf851, 0x0a04 },
	{ "ldmia.w r0!, {r0, r1} (hand-modified e8b0 0106)", 0xe8b0, 0x0003 },
	{ "ldmia.w r0, {r1, r2, sp} (hand-modified e890 0006)", 0xe890, 0x2006 },
};

static void test_rejects(void **state)
{
	struct arm_mem_access a;
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(a32_rejects); i++)
		if (arm_decode_ldst(a32_rejects[i].insn, &a) != -1)
			fail_msg("%s: accepted", a32_rejects[i].text);
	for (i = 0; i < ARRAY_SIZE(thumb_rejects); i++)
		if (thumb_decode_ldst(thumb_rejects[i].hw1, thumb_rejects[i].hw2, &a) != -1)
			fail_msg("%s: accepted", thumb_rejects[i].text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hsr_data_abort),
		cmocka_unit_test(test_arm_decode),
		cmocka_unit_test(test_thumb16_decode),
		cmocka_unit_test(test_thumb32_decode),
		cmocka_unit_test(test_rejects),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
