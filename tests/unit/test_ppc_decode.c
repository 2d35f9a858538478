// SPDX-License-Identifier: MIT
/*
 * Unit tests for the PowerPC Book E port's instruction decoder.
 *
 * Every instruction word below was produced by the cross assembler
 * (powerpc-linux-gnu-as -mregnames -me500mc, -me500 for SPE and -mppc for
 * the string forms e500 lacks, read back with powerpc-linux-gnu-objdump -d
 * -M e500mc) from the assembly in the comment next to it. The few marked
 * "hand-modified" change one field of such a word to reach an encoding the
 * assembler refuses to emit (invalid update forms, reserved bits).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include <asm/insn.h>

#include "check_field.h"

static void expect_insn(const char *name, uint32_t insn,
			const struct booke_insn *exp)
{
	struct booke_insn got;

	memset(&got, 0xa5, sizeof(got));
	if (booke_decode(insn, &got) != exp->op) {
		print_error("%s (0x%08x): op %d, expected %d\n", name, insn,
			    got.op, exp->op);
		fail();
	}
	CHECK_FIELD(name, &got, exp, op);
	CHECK_FIELD(name, &got, exp, refusal);
	CHECK_FIELD(name, &got, exp, rt);
	CHECK_FIELD(name, &got, exp, ra);
	CHECK_FIELD(name, &got, exp, rb);
	CHECK_FIELD(name, &got, exp, indexed);
	CHECK_FIELD(name, &got, exp, disp);
	CHECK_FIELD(name, &got, exp, spr);
	CHECK_FIELD(name, &got, exp, field);
	CHECK_FIELD(name, &got, exp, size);
	CHECK_FIELD(name, &got, exp, sign_extend);
	CHECK_FIELD(name, &got, exp, byte_reverse);
	CHECK_FIELD(name, &got, exp, update);
}

struct decode_case {
	const char *text;
	uint32_t insn;
	struct booke_insn exp;
};

static void expect_cases(const struct decode_case *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		expect_insn(c[i].text, c[i].insn, &c[i].exp);
}

#define LD(sz)		.op = BOOKE_LOAD, .size = (sz)
#define LDS(sz)		.op = BOOKE_LOAD, .size = (sz), .sign_extend = true
#define ST(sz)		.op = BOOKE_STORE, .size = (sz)
#define D(t, a, d)	.rt = (t), .ra = (a), .disp = (d)
#define X(t, a, b)	.rt = (t), .ra = (a), .rb = (b), .indexed = true
#define UPD		.update = true
#define BREV		.byte_reverse = true

/* ---- Loads and stores ---- */

static const struct decode_case ldst_cases[] = {
	{ "lbz r3,0(r4)", 0x88640000, { LD(1), D(3, 4, 0) } },
	{ "lbz r0,-1(r31)", 0x881fffff, { LD(1), D(0, 31, -1) } },
	{ "lbz r31,32767(0)", 0x8be07fff, { LD(1), D(31, 0, 32767) } },
	{ "lbzu r5,-32768(r6)", 0x8ca68000, { LD(1), D(5, 6, -32768), UPD } },
	{ "lbzx r7,r8,r9", 0x7ce848ae, { LD(1), X(7, 8, 9) } },
	{ "lbzx r3,0,r4", 0x7c6020ae, { LD(1), X(3, 0, 4) } },
	{ "lbzux r10,r11,r12", 0x7d4b60ee, { LD(1), X(10, 11, 12), UPD } },
	{ "lhz r3,2(r4)", 0xa0640002, { LD(2), D(3, 4, 2) } },
	{ "lhzu r4,-2(r5)", 0xa485fffe, { LD(2), D(4, 5, -2), UPD } },
	{ "lhzx r5,r6,r7", 0x7ca63a2e, { LD(2), X(5, 6, 7) } },
	{ "lhzux r6,r7,r8", 0x7cc7426e, { LD(2), X(6, 7, 8), UPD } },
	{ "lha r3,-2(r4)", 0xa864fffe, { LDS(2), D(3, 4, -2) } },
	{ "lhau r9,4(r10)", 0xad2a0004, { LDS(2), D(9, 10, 4), UPD } },
	{ "lhax r11,r12,r13", 0x7d6c6aae, { LDS(2), X(11, 12, 13) } },
	{ "lhaux r14,r15,r16", 0x7dcf82ee, { LDS(2), X(14, 15, 16), UPD } },
	{ "lwz r3,4(r4)", 0x80640004, { LD(4), D(3, 4, 4) } },
	{ "lwz r31,-4(r1)", 0x83e1fffc, { LD(4), D(31, 1, -4) } },
	{ "lwzu r17,8(r18)", 0x86320008, { LD(4), D(17, 18, 8), UPD } },
	{ "lwzx r19,r20,r21", 0x7e74a82e, { LD(4), X(19, 20, 21) } },
	{ "lwzux r22,r23,r24", 0x7ed7c06e, { LD(4), X(22, 23, 24), UPD } },
	{ "stb r3,1(r4)", 0x98640001, { ST(1), D(3, 4, 1) } },
	{ "stbu r0,-1(r31)", 0x9c1fffff, { ST(1), D(0, 31, -1), UPD } },
	{ "stbx r25,r26,r27", 0x7f3ad9ae, { ST(1), X(25, 26, 27) } },
	{ "stbux r28,r29,r30", 0x7f9df1ee, { ST(1), X(28, 29, 30), UPD } },
	{ "sth r3,2(r4)", 0xb0640002, { ST(2), D(3, 4, 2) } },
	{ "sthu r4,-6(r5)", 0xb485fffa, { ST(2), D(4, 5, -6), UPD } },
	{ "sthx r5,r6,r7", 0x7ca63b2e, { ST(2), X(5, 6, 7) } },
	{ "sthux r6,r7,r8", 0x7cc7436e, { ST(2), X(6, 7, 8), UPD } },
	{ "stw r0,0(0)", 0x90000000, { ST(4), D(0, 0, 0) } },
	{ "stwu r1,-16(r1)", 0x9421fff0, { ST(4), D(1, 1, -16), UPD } },
	/* A store may update its own source: it stores the old value */
	{ "stwu r3,4(r3)", 0x94630004, { ST(4), D(3, 3, 4), UPD } },
	{ "stwx r31,r30,r29", 0x7ffee92e, { ST(4), X(31, 30, 29) } },
	{ "stwux r3,r4,r5", 0x7c64296e, { ST(4), X(3, 4, 5), UPD } },
	{ "lhbrx r3,r4,r5", 0x7c642e2c, { LD(2), X(3, 4, 5), BREV } },
	{ "lwbrx r31,0,r1", 0x7fe00c2c, { LD(4), X(31, 0, 1), BREV } },
	{ "sthbrx r6,r7,r8", 0x7cc7472c, { ST(2), X(6, 7, 8), BREV } },
	{ "stwbrx r9,r10,r11", 0x7d2a5d2c, { ST(4), X(9, 10, 11), BREV } },
};

static void test_loads_stores(void **state)
{
	(void)state;
	expect_cases(ldst_cases, ARRAY_SIZE(ldst_cases));
}

/* ---- Refused memory accesses ---- */

static const struct {
	const char *text;
	uint32_t insn;
	enum booke_refusal why;
} refused[] = {
	{ "lmw r28,0(r3)", 0xbb830000, BOOKE_REFUSE_MULTIPLE },
	{ "stmw r29,-12(r1)", 0xbfa1fff4, BOOKE_REFUSE_MULTIPLE },
	{ "lswi r3,r5,8", 0x7c6544aa, BOOKE_REFUSE_STRING },
	{ "lswx r5,r6,r7", 0x7ca63c2a, BOOKE_REFUSE_STRING },
	{ "stswi r3,r4,8", 0x7c6445aa, BOOKE_REFUSE_STRING },
	{ "stswx r5,r6,r7", 0x7ca63d2a, BOOKE_REFUSE_STRING },
	{ "lfs f1,4(r3)", 0xc0230004, BOOKE_REFUSE_FLOAT },
	{ "lfdu f2,8(r3)", 0xcc430008, BOOKE_REFUSE_FLOAT },
	{ "stfd f1,0(r3)", 0xd8230000, BOOKE_REFUSE_FLOAT },
	{ "stfsu f3,-4(r4)", 0xd464fffc, BOOKE_REFUSE_FLOAT },
	{ "lfdx f1,r3,r4", 0x7c2324ae, BOOKE_REFUSE_FLOAT },
	{ "stfsx f2,r3,r4", 0x7c43252e, BOOKE_REFUSE_FLOAT },
	{ "stfiwx f3,r3,r4", 0x7c6327ae, BOOKE_REFUSE_FLOAT },
	{ "lwarx r3,0,r4", 0x7c602028, BOOKE_REFUSE_RESERVATION },
	{ "stwcx. r3,0,r4", 0x7c60212d, BOOKE_REFUSE_RESERVATION },
	/* -me500 */
	{ "evldd r3,8(r4)", 0x10640b01, BOOKE_REFUSE_SPE },
	{ "evstwwo r3,4(r5)", 0x10650b3d, BOOKE_REFUSE_SPE },
	{ "evlddx r3,r4,r5", 0x10642b00, BOOKE_REFUSE_SPE },
	{ "evlwhsplat r3,4(r5)", 0x10650b1d, BOOKE_REFUSE_SPE },
	/* hand-modified from lwzu r17,8(r18) etc.: rA=0 or rA=rT */
	{ "lwzu r3,4(r3)", 0x84630004, BOOKE_REFUSE_INVALID_UPDATE },
	{ "lwzu r3,4(0)", 0x84600004, BOOKE_REFUSE_INVALID_UPDATE },
	{ "lbzux r10,r10,r12", 0x7d4a60ee, BOOKE_REFUSE_INVALID_UPDATE },
	{ "lhaux r14,0,r16", 0x7dc082ee, BOOKE_REFUSE_INVALID_UPDATE },
	{ "stwu r3,0(0)", 0x94600000, BOOKE_REFUSE_INVALID_UPDATE },
	{ "stwux r3,0,r5", 0x7c60296e, BOOKE_REFUSE_INVALID_UPDATE },
	{ "sthu r4,-6(0)", 0xb480fffa, BOOKE_REFUSE_INVALID_UPDATE },
};

static void test_refused(void **state)
{
	struct booke_insn in;
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(refused); i++) {
		if (booke_decode(refused[i].insn, &in) != BOOKE_REFUSED ||
		    in.refusal != refused[i].why) {
			print_error("%s (0x%08x): op %d refusal %d, expected %d\n",
				    refused[i].text, refused[i].insn, in.op,
				    in.refusal, refused[i].why);
			fail();
		}
	}
	assert_string_equal(booke_refusal_name(BOOKE_REFUSE_MULTIPLE), "lmw/stmw");
	assert_string_equal(booke_refusal_name(BOOKE_REFUSE_INVALID_UPDATE),
			    "invalid update form");
}

/* ---- Privileged instructions and sc ---- */

#define OP(o)		.op = BOOKE_##o
#define SPR(o, t, n)	.op = BOOKE_##o, .rt = (t), .spr = (n)
#define EA(o, a, b)	.op = BOOKE_##o, .ra = (a), .rb = (b), .indexed = true

static const struct decode_case priv_cases[] = {
	{ "mfmsr r0", 0x7c0000a6, { OP(MFMSR) } },
	{ "mfmsr r31", 0x7fe000a6, { OP(MFMSR), .rt = 31 } },
	{ "mtmsr r3", 0x7c600124, { OP(MTMSR), .rt = 3 } },
	{ "wrtee r4", 0x7c800106, { OP(WRTEE), .rt = 4 } },
	{ "wrteei 0", 0x7c000146, { OP(WRTEEI) } },
	{ "wrteei 1", 0x7c008146, { OP(WRTEEI), .field = 1 } },
	{ "rfi", 0x4c000064, { OP(RFI) } },
	{ "rfci", 0x4c000066, { OP(RFCI) } },
	{ "rfmci", 0x4c00004c, { OP(RFMCI) } },
	{ "rfdi", 0x4c00004e, { OP(RFDI) } },
	{ "mfsrr0 r3", 0x7c7a02a6, { SPR(MFSPR, 3, SPR_SRR0) } },
	{ "mfspr r31,1023", 0x7ffffaa6, { SPR(MFSPR, 31, SPR_SVR) } },
	{ "mfpvr r7", 0x7cff42a6, { SPR(MFSPR, 7, SPR_PVR) } },
	{ "mflr r3", 0x7c6802a6, { SPR(MFSPR, 3, SPR_LR) } },
	{ "mftb r3", 0x7c6c42a6, { SPR(MFSPR, 3, SPR_TBL_READ) } },
	{ "mtsprg 0,r0", 0x7c1043a6, { SPR(MTSPR, 0, SPR_SPRG0) } },
	{ "mtspr 624,r5", 0x7cb09ba6, { SPR(MTSPR, 5, SPR_MAS0) } },
	{ "mttbl r3", 0x7c7c43a6, { SPR(MTSPR, 3, SPR_TBL_WRITE) } },
	{ "mttbu r4", 0x7c9d43a6, { SPR(MTSPR, 4, SPR_TBU_WRITE) } },
	{ "mtspr 1012,r31", 0x7ff4fba6, { SPR(MTSPR, 31, SPR_MMUCSR0) } },
	{ "tlbwe", 0x7c0007a4, { OP(TLBWE) } },
	{ "tlbre", 0x7c000764, { OP(TLBRE) } },
	{ "tlbsx 0,r3", 0x7c001f24, { EA(TLBSX, 0, 3) } },
	{ "tlbsx r4,r5", 0x7c042f24, { EA(TLBSX, 4, 5) } },
	{ "tlbivax 0,r3", 0x7c001e24, { EA(TLBIVAX, 0, 3) } },
	{ "tlbivax r4,r5", 0x7c042e24, { EA(TLBIVAX, 4, 5) } },
	{ "tlbsync", 0x7c00046c, { OP(TLBSYNC) } },
	{ "tlbilx 0,0,r3 (tlbilxlpid)", 0x7c001824, { EA(TLBILX, 0, 3) } },
	{ "tlbilx 1,0,r3 (tlbilxpid)", 0x7c201824, { EA(TLBILX, 0, 3), .field = 1 } },
	{ "tlbilx 3,r4,r5 (tlbilxva)", 0x7c642824, { EA(TLBILX, 4, 5), .field = 3 } },
	{ "msgsnd r5", 0x7c00299c, { OP(MSGSND), .rb = 5 } },
	{ "msgclr r31", 0x7c00f9dc, { OP(MSGCLR), .rb = 31 } },
	{ "dcbi r3,r4", 0x7c0323ac, { EA(DCBI, 3, 4) } },
	{ "dcbf 0,r5", 0x7c0028ac, { EA(DCBF, 0, 5) } },
	{ "dcbf r3,r4,1", 0x7c2320ac, { EA(DCBF, 3, 4), .field = 1 } },
	{ "dcbst r6,r7", 0x7c06386c, { EA(DCBST, 6, 7) } },
	{ "dcbz r8,r9", 0x7c084fec, { EA(DCBZ, 8, 9) } },
	{ "icbi 0,r10", 0x7c0057ac, { EA(ICBI, 0, 10) } },
	{ "sc", 0x44000002, { OP(SC) } },
	{ "sc 1", 0x44000022, { OP(SC), .field = 1 } },
};

static void test_privileged(void **state)
{
	(void)state;
	expect_cases(priv_cases, ARRAY_SIZE(priv_cases));
}

/* ---- Words the hypervisor does not emulate ---- */

static const struct {
	const char *text;
	uint32_t insn;
} unknown[] = {
	{ "add r3,r4,r5", 0x7c642a14 },
	{ "wait (runs on the hardware: not privileged)", 0x7c00007c },
	{ "msync", 0x7c0004ac },
	{ "isync", 0x4c00012c },
	{ "mbar", 0x7c0006ac },
	{ "word 0", 0x00000000 },
	{ "word ~0", 0xffffffff },
	/* -me500: SPE, but not a load or store */
	{ "evaddw r3,r4,r5", 0x10642a00 },
	/* hand-modified: a reserved field set */
	{ "mfmsr r0 with rB=1", 0x7c0008a6 },
	{ "mtmsr r3 with the server L bit", 0x7c610124 },
	{ "wrteei 1 with bit 14", 0x7c00c146 },
	{ "tlbwe with rT=1", 0x7c2007a4 },
	{ "mtspr 624,r5 with Rc=1", 0x7cb09ba7 },
	{ "lwzx r19,r20,r21 with Rc=1", 0x7e74a82f },
	{ "rfi with rB=1", 0x4c000864 },
	{ "tlbilx 2,r4,r5 (T=2 is reserved)", 0x7c442824 },
	{ "sc without bit 30", 0x44000000 },
	{ "sc with bit 31", 0x44000003 },
};

static void test_unknown(void **state)
{
	static const struct booke_insn zero;
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(unknown); i++)
		expect_insn(unknown[i].text, unknown[i].insn, &zero);
}

/* ---- Effective address, load and store values ---- */

static void test_effective_address(void **state)
{
	uint32_t gpr[32];
	struct booke_insn in;
	unsigned int i;

	(void)state;
	for (i = 0; i < 32; i++)
		gpr[i] = 0x1000 * i;
	gpr[0] = 0xdead0000;	/* never used as a base: (rA|0) is 0 */
	gpr[31] = 0xfffffff8;

	booke_decode(0x881fffff, &in);		/* lbz r0,-1(r31) */
	assert_int_equal(booke_insn_ea(&in, gpr), 0xfffffff7);
	booke_decode(0x8be07fff, &in);		/* lbz r31,32767(0) */
	assert_int_equal(booke_insn_ea(&in, gpr), 0x7fff);
	booke_decode(0x8ca68000, &in);		/* lbzu r5,-32768(r6) */
	assert_int_equal(booke_insn_ea(&in, gpr), (uint32_t)(0x6000 - 0x8000));
	booke_decode(0x7c6020ae, &in);		/* lbzx r3,0,r4 */
	assert_int_equal(booke_insn_ea(&in, gpr), 0x4000);
	booke_decode(0x7ffee92e, &in);		/* stwx r31,r30,r29 */
	assert_int_equal(booke_insn_ea(&in, gpr), 0x1e000 + 0x1d000);
	booke_decode(0x7c042f24, &in);		/* tlbsx r4,r5 */
	assert_int_equal(booke_insn_ea(&in, gpr), 0x9000);
	/* The EA wraps at 32 bits */
	booke_decode(0x7c04f86c, &in);		/* dcbst r4,r31 */
	assert_int_equal(booke_insn_ea(&in, gpr), 0x3ff8);
}

static void test_values(void **state)
{
	struct booke_insn in;

	(void)state;
	booke_decode(0xa864fffe, &in);		/* lha r3,-2(r4) */
	assert_int_equal(booke_load_value(&in, 0x8001), 0xffff8001);
	assert_int_equal(booke_load_value(&in, 0x7fff), 0x7fff);
	booke_decode(0xa0640002, &in);		/* lhz r3,2(r4) */
	assert_int_equal(booke_load_value(&in, 0xffff8001), 0x8001);
	booke_decode(0x88640000, &in);		/* lbz r3,0(r4) */
	assert_int_equal(booke_load_value(&in, 0x1ff), 0xff);
	booke_decode(0x7c642e2c, &in);		/* lhbrx r3,r4,r5 */
	assert_int_equal(booke_load_value(&in, 0x8001), 0x0180);
	booke_decode(0x7fe00c2c, &in);		/* lwbrx r31,0,r1 */
	assert_int_equal(booke_load_value(&in, 0x11223344), 0x44332211);
	booke_decode(0x80640004, &in);		/* lwz r3,4(r4) */
	assert_int_equal(booke_load_value(&in, 0x11223344), 0x11223344);

	booke_decode(0x98640001, &in);		/* stb r3,1(r4) */
	assert_int_equal(booke_store_value(&in, 0x12345678), 0x78);
	booke_decode(0xb0640002, &in);		/* sth r3,2(r4) */
	assert_int_equal(booke_store_value(&in, 0x12345678), 0x5678);
	booke_decode(0x7cc7472c, &in);		/* sthbrx r6,r7,r8 */
	assert_int_equal(booke_store_value(&in, 0x12345678), 0x7856);
	booke_decode(0x7d2a5d2c, &in);		/* stwbrx r9,r10,r11 */
	assert_int_equal(booke_store_value(&in, 0x12345678), 0x78563412);
}

/* ---- SPR privilege: what reaches the hypervisor trapped ---- */

static void test_spr_privilege(void **state)
{
	static const uint16_t privileged[] = {
		SPR_DEC, SPR_SRR0, SPR_SRR1, SPR_PID, SPR_DECAR, SPR_CSRR0,
		SPR_CSRR1, SPR_DEAR, SPR_ESR, SPR_IVPR, SPR_SPRG0, SPR_SPRG3,
		SPR_SPRG4, SPR_SPRG7, SPR_TBL_WRITE, SPR_TBU_WRITE, SPR_PIR,
		SPR_PVR, SPR_DBSR, SPR_DBCR0, SPR_DBCR2, SPR_TSR, SPR_TCR,
		SPR_IVOR(0), SPR_IVOR(15), SPR_IVOR32, SPR_IVOR35, SPR_IVOR37,
		SPR_MCSRR0, SPR_MCSRR1, SPR_DSRR0, SPR_DSRR1, SPR_MAS0,
		SPR_MAS1, SPR_MAS2, SPR_MAS3, SPR_MAS4, SPR_MAS6, SPR_MAS7,
		SPR_PID1, SPR_PID2, SPR_TLB0CFG, SPR_TLB1CFG, SPR_EPR,
		SPR_HID0, SPR_HID1, SPR_L1CSR0, SPR_L1CSR1, SPR_MMUCSR0,
		SPR_BUCSR, SPR_MMUCFG, SPR_SVR,
	};
	static const uint16_t user[] = {
		SPR_XER, SPR_LR, SPR_CTR, SPR_USPRG0, SPR_SPRG3R, SPR_SPRG4R,
		SPR_SPRG7R, SPR_TBL_READ, SPR_TBU_READ, SPR_SPEFSCR,
		SPR_L1CFG0, SPR_L1CFG1,
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(privileged); i++)
		if (!booke_spr_privileged(privileged[i])) {
			print_error("SPR %u should be privileged\n", privileged[i]);
			fail();
		}
	for (i = 0; i < ARRAY_SIZE(user); i++)
		if (booke_spr_privileged(user[i])) {
			print_error("SPR %u should be user-level\n", user[i]);
			fail();
		}
	/* The numbers the assembler gave for the named mnemonics */
	assert_int_equal(SPR_IVOR(6), 406);
	assert_int_equal(SPR_IVOR(15), 415);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_loads_stores),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_privileged),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_effective_address),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_spr_privilege),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
