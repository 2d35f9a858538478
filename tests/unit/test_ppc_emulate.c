// SPDX-License-Identifier: MIT
/*
 * Host tests of the Book E supervisor state emulation
 * (ports/ppc-booke/emulate.c, emulate_spr.c, reflect.c): each emulated
 * instruction's effect, the privilege rule, rfi back from a reflected
 * interrupt, every interrupt class's SRR/MSR/PC/ESR/DEAR, read-only and
 * nonexistent SPRs, the timer SPR hand-off and the TLB instructions, on
 * e500v2 and e500mc.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <asm/emulate.h>

static struct booke_vcpu v;
static struct guest_tlb tlb;
static struct booke_exit ex;

#define PC	0x00100000u

static int setup(const struct booke_core *c)
{
	booke_vcpu_reset(&v, c, 1, 0x80230020, 0x80390010);
	gtlb_init(&tlb, c->mmu);
	v.pc = PC;
	return 0;
}

static int setup_v2(void **state) { (void)state; return setup(&e500v2_core); }
static int setup_mc(void **state) { (void)state; return setup(&e500mc_core); }

/* Instruction words: X-form under primary opcode 31, XL-form under 19 */
#define XFORM(xo, rt, ra, rb) \
	((31u << 26) | ((rt) << 21) | ((ra) << 16) | ((rb) << 11) | ((xo) << 1))
#define SPR_INSN(xo, rt, spr)	XFORM(xo, rt, (spr) & 0x1f, (spr) >> 5)

#define MFMSR(rt)	XFORM(83, rt, 0, 0)
#define MTMSR(rs)	XFORM(146, rs, 0, 0)
#define WRTEE(rs)	XFORM(131, rs, 0, 0)
#define WRTEEI(e)	(XFORM(163, 0, 0, 0) | ((e) << 15))
#define MFSPR(rt, spr)	SPR_INSN(339, rt, spr)
#define MTSPR(spr, rs)	SPR_INSN(467, rs, spr)
#define TLBWE		XFORM(978, 0, 0, 0)
#define TLBRE		XFORM(946, 0, 0, 0)
#define TLBSX(ra, rb)	XFORM(914, 0, ra, rb)
#define TLBIVAX(ra, rb)	XFORM(786, 0, ra, rb)
#define TLBSYNC		XFORM(566, 0, 0, 0)
#define MSGSND(rb)	XFORM(206, 0, 0, rb)
#define MSGCLR(rb)	XFORM(238, 0, 0, rb)
#define DCBI(ra, rb)	XFORM(470, 0, ra, rb)
#define RFI		((19u << 26) | (50u << 1))
#define RFCI		((19u << 26) | (51u << 1))
#define RFMCI		((19u << 26) | (38u << 1))
#define RFDI		((19u << 26) | (39u << 1))
#define LWZ_R3_0_R4	0x80640000u

static enum booke_outcome run(uint32_t insn)
{
	return booke_emulate(&v, &tlb, insn, &ex);
}

static void mtspr(unsigned int spr, uint32_t val)
{
	v.gpr[5] = val;
	run(MTSPR(spr, 5));
}

static uint32_t mfspr(unsigned int spr)
{
	run(MFSPR(6, spr));
	return v.gpr[6];
}

static void test_msr_moves(void **state)
{
	(void)state;
	v.msr = MSR_ME;
	v.gpr[3] = 0xdeadbeef;
	assert_int_equal(run(MFMSR(3)), BOOKE_DONE);
	assert_int_equal(v.gpr[3], MSR_ME);
	assert_int_equal(v.pc, PC + 4);

	/* GS and reserved bits do not stick; the rest is the guest's */
	v.gpr[4] = MSR_GS | MSR_EE | MSR_IS | MSR_DS | MSR_ME | 0x00400000u;
	assert_int_equal(run(MTMSR(4)), BOOKE_MSR_CHANGED);
	assert_int_equal(ex.old_msr, MSR_ME);
	assert_int_equal(v.msr, MSR_EE | MSR_IS | MSR_DS | MSR_ME);
	assert_int_equal(run(MTMSR(4)), BOOKE_DONE);

	v.gpr[7] = ~MSR_EE;
	assert_int_equal(run(WRTEE(7)), BOOKE_MSR_CHANGED);
	assert_int_equal(v.msr, MSR_IS | MSR_DS | MSR_ME);
	assert_int_equal(run(WRTEEI(1)), BOOKE_MSR_CHANGED);
	assert_int_equal(v.msr, MSR_EE | MSR_IS | MSR_DS | MSR_ME);
	assert_int_equal(run(WRTEEI(0)), BOOKE_MSR_CHANGED);
	assert_int_equal(v.msr, MSR_IS | MSR_DS | MSR_ME);
	/* e500v2's BTB locking enable for user mode */
	v.gpr[4] = MSR_UBLE;
	assert_int_equal(run(MTMSR(4)), BOOKE_MSR_CHANGED);
	assert_int_equal(v.msr, MSR_UBLE);
	assert_int_equal(v.pc, PC + 4 * 7);
}

/* e500v2 idles with MSR[WE] and a HID0 power-saving mode; e500mc has no WE */
static void test_we_v2(void **state)
{
	(void)state;
	/* No HID0[DOZE, NAP, SLEEP]: WE is set, the core runs on */
	v.gpr[3] = MSR_WE | MSR_EE;
	assert_int_equal(run(MTMSR(3)), BOOKE_MSR_CHANGED);
	assert_int_equal(v.msr, MSR_WE | MSR_EE);
	v.msr = 0;
	v.pc = PC;
	/* Linux's e500_idle: HID0[DOZE] (or NAP), then MSR[WE] */
	v.hid0 = 0x00800000;
	assert_int_equal(run(MTMSR(3)), BOOKE_IDLE);
	assert_int_equal(v.msr, MSR_WE | MSR_EE);
	assert_int_equal(v.pc, PC + 4);
	/* The wake-up interrupt clears WE and saves it in SRR1 */
	booke_reflect(&v, BOOKE_EXC_DECREMENTER, 0, 0);
	assert_int_equal(v.srr1, MSR_WE | MSR_EE);
	assert_int_equal(v.msr, 0);
}

static void test_we_mc(void **state)
{
	(void)state;
	v.gpr[3] = MSR_WE | MSR_EE;
	assert_int_equal(run(MTMSR(3)), BOOKE_MSR_CHANGED);
	assert_int_equal(v.msr, MSR_EE);
}

/* Each privileged form from the guest's user mode: Program, ESR[PPR] */
static void test_user_mode_privilege(void **state)
{
	static const uint32_t insns[] = {
		MFMSR(3), MTMSR(3), WRTEE(3), WRTEEI(1), RFI, RFCI, RFMCI,
		MFSPR(3, SPR_SRR0), MTSPR(SPR_SPRG0, 3), MFSPR(3, SPR_DEC),
		TLBWE, TLBRE, TLBSX(0, 3), TLBIVAX(0, 3), TLBSYNC, DCBI(0, 3),
	};
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(insns); i++) {
		v.msr = MSR_PR | MSR_EE;
		v.gpr[3] = 0x1234;
		v.sprg[0] = 0;
		assert_int_equal(run(insns[i]), BOOKE_REFLECT);
		assert_int_equal(ex.reflect.exc, BOOKE_EXC_PROGRAM);
		assert_int_equal(ex.reflect.esr, ESR_PPR);
		assert_int_equal(v.pc, PC);
		assert_int_equal(v.msr, MSR_PR | MSR_EE);
		assert_int_equal(v.gpr[3], 0x1234);
		assert_int_equal(v.sprg[0], 0);
	}
}

/* The reflected Program interrupt, then the guest's rfi: back where it was */
static void test_reflect_then_rfi(void **state)
{
	(void)state;
	v.ivpr = 0xc0000000;
	v.ivor[BOOKE_EXC_PROGRAM] = 0x700;
	v.msr = MSR_PR | MSR_EE | MSR_IS | MSR_DS | MSR_CE | MSR_ME | MSR_DE;
	assert_int_equal(run(MFMSR(3)), BOOKE_REFLECT);
	booke_reflect(&v, ex.reflect.exc, ex.reflect.esr, 0);
	assert_int_equal(v.pc, 0xc0000700);
	assert_int_equal(v.srr0, PC);
	assert_int_equal(v.srr1, MSR_PR | MSR_EE | MSR_IS | MSR_DS | MSR_CE | MSR_ME | MSR_DE);
	assert_int_equal(v.esr, ESR_PPR);
	assert_int_equal(v.msr, MSR_CE | MSR_ME | MSR_DE);

	assert_int_equal(run(RFI), BOOKE_MSR_CHANGED);
	assert_int_equal(ex.old_msr, MSR_CE | MSR_ME | MSR_DE);
	assert_int_equal(v.pc, PC);
	assert_int_equal(v.msr, MSR_PR | MSR_EE | MSR_IS | MSR_DS | MSR_CE | MSR_ME | MSR_DE);
}

static void test_rf_variants(void **state)
{
	(void)state;
	v.csrr0 = 0x2001;	/* the low two bits are not part of the address */
	v.csrr1 = MSR_CE | MSR_EE;
	assert_int_equal(run(RFCI), BOOKE_MSR_CHANGED);
	assert_int_equal(v.pc, 0x2000);
	assert_int_equal(v.msr, MSR_CE | MSR_EE);
	v.mcsrr0 = 0x3000;
	v.mcsrr1 = MSR_ME;
	assert_int_equal(run(RFMCI), BOOKE_MSR_CHANGED);
	assert_int_equal(v.pc, 0x3000);
	assert_int_equal(v.msr, MSR_ME);
	v.dsrr0 = 0x4000;
	v.dsrr1 = MSR_DE;
	assert_int_equal(run(RFDI), BOOKE_MSR_CHANGED);
	assert_int_equal(v.pc, 0x4000);
	assert_int_equal(v.msr, MSR_DE);
}

/* e500v2 lacks rfdi and the doorbells: Program, illegal instruction */
static void test_v2_illegal(void **state)
{
	static const uint32_t insns[] = { RFDI, MSGSND(3), MSGCLR(3) };
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(insns); i++) {
		assert_int_equal(run(insns[i]), BOOKE_REFLECT);
		assert_int_equal(ex.reflect.esr, ESR_PIL);
		assert_int_equal(v.pc, PC);
	}
}

static void test_doorbell(void **state)
{
	(void)state;
	v.gpr[3] = 0x08000002;
	assert_int_equal(run(MSGSND(3)), BOOKE_DOORBELL);
	assert_true(ex.doorbell.send);
	assert_int_equal(ex.doorbell.msg, 0x08000002);
	assert_int_equal(run(MSGCLR(3)), BOOKE_DOORBELL);
	assert_false(ex.doorbell.send);
	assert_int_equal(v.pc, PC + 8);
}

/* What no trap should bring here is reported, not guessed at */
static void test_unhandled(void **state)
{
	(void)state;
	assert_int_equal(run(LWZ_R3_0_R4), BOOKE_UNHANDLED);
	assert_non_null(ex.why);
	assert_int_equal(run(MFSPR(3, SPR_LR)), BOOKE_UNHANDLED);
	assert_int_equal(run(0), BOOKE_UNHANDLED);
	assert_int_equal(v.pc, PC);
}

static void test_spr_storage(void **state)
{
	static const unsigned int sprs[] = {
		SPR_SRR0, SPR_SRR1, SPR_CSRR0, SPR_CSRR1, SPR_MCSRR0, SPR_MCSRR1,
		SPR_DSRR0, SPR_DSRR1, SPR_DEAR, SPR_ESR, SPR_HID0, SPR_DBCR0,
		SPR_SPRG0, SPR_SPRG1, SPR_SPRG2, SPR_SPRG3, SPR_SPRG4, SPR_SPRG5,
		SPR_SPRG6, SPR_SPRG7, SPR_MAS0, SPR_MAS1, SPR_MAS2, SPR_MAS3,
		SPR_MAS4, SPR_MAS6, SPR_MAS7,
	};
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(sprs); i++) {
		mtspr(sprs[i], 0x1000 + i);
		assert_int_equal(ex.outcome, BOOKE_DONE);
		assert_false(ex.ignored_spr);
		assert_int_equal(mfspr(sprs[i]), 0x1000 + i);
	}
	assert_int_equal(v.sprg[7], 0x1000 + 19);
	assert_int_equal(tlb.mas.mas1, 0x1000 + 21);
}

static void test_spr_special(void **state)
{
	(void)state;
	mtspr(SPR_IVPR, 0xc0001234);
	assert_int_equal(mfspr(SPR_IVPR), 0xc0000000);
	mtspr(SPR_IVOR(6), 0x12345);
	assert_int_equal(v.ivor[6], 0x2340);
	mtspr(SPR_IVOR36, 0x800);
	assert_int_equal(mfspr(SPR_IVOR36), 0x800);
	v.mcsr = 0x80000003;
	mtspr(SPR_MCSR, 0x80000001);
	assert_int_equal(mfspr(SPR_MCSR), 2);
	/* Flash invalidation completes at once: Linux polls CFI until 0 */
	mtspr(SPR_L1CSR0, 0x3);
	assert_int_equal(mfspr(SPR_L1CSR0), 0x1);
	mtspr(SPR_L2CSR0, 0x80200000);
	assert_int_equal(mfspr(SPR_L2CSR0), 0x80000000);
	/* BUCSR: BBFI and BBLFC read 0, BPEN sticks */
	mtspr(SPR_BUCSR, 0x241);
	assert_int_equal(mfspr(SPR_BUCSR), 0x1);
	mtspr(SPR_PID, 0x1ff);
	/* The hardware's PIDs are the old contexts' until the port reloads them */
	assert_int_equal(ex.outcome, BOOKE_PID_CHANGED);
	assert_int_equal(tlb.pid[0], 0xff);
	assert_int_equal(mfspr(SPR_PID), 0xff);
}

/* Writes to read-only registers and any access to a missing one do nothing */
static void test_spr_readonly(void **state)
{
	static const unsigned int sprs[] = {
		SPR_PVR, SPR_SVR, SPR_PIR, SPR_TLB0CFG, SPR_TLB1CFG, SPR_MMUCFG,
	};
	uint32_t before[ARRAY_SIZE(sprs)];
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(sprs); i++)
		before[i] = mfspr(sprs[i]);
	assert_int_equal(before[0], 0x80230020);
	assert_int_equal(before[1], 0x80390010);
	assert_int_equal(before[2], 1);
	assert_int_equal(before[3], gtlb_tlbncfg(&e500mc_mmu, 0));
	assert_int_equal(before[5], 0x4809c4);
	for (i = 0; i < ARRAY_SIZE(sprs); i++) {
		mtspr(sprs[i], 0x5555);
		assert_int_equal(ex.outcome, BOOKE_DONE);
		assert_true(ex.ignored_spr);
		assert_int_equal(mfspr(sprs[i]), before[i]);
	}
	/* e500mc has no HID1, PID1 or IVOR32: rT is left alone */
	v.gpr[6] = 0x77;
	run(MFSPR(6, SPR_HID1));
	assert_true(ex.ignored_spr);
	assert_int_equal(v.gpr[6], 0x77);
	mtspr(SPR_PID1, 3);
	assert_true(ex.ignored_spr);
	mtspr(SPR_IVOR32, 0x100);
	assert_true(ex.ignored_spr);
	assert_int_equal(v.ivor[32], 0);
	assert_int_equal(v.pc, PC + 4 * 21);
	/* MCARU exists on both cores: the upper bits of a 32-bit MCAR, 0 */
	v.gpr[6] = 0x77;
	run(MFSPR(6, SPR_MCARU));
	assert_false(ex.ignored_spr);
	assert_int_equal(v.gpr[6], 0);
	mtspr(SPR_MCARU, 5);
	assert_true(ex.ignored_spr);
}

static void test_spr_timer(void **state)
{
	static const unsigned int writes[] = {
		SPR_DEC, SPR_DECAR, SPR_TCR, SPR_TSR, SPR_TBL_WRITE, SPR_TBU_WRITE,
	};
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(writes); i++) {
		mtspr(writes[i], 100 + i);
		assert_int_equal(ex.outcome, BOOKE_TIMER_SPR);
		assert_true(ex.timer.write);
		assert_int_equal(ex.timer.spr, writes[i]);
		assert_int_equal(ex.timer.value, 100 + i);
	}
	v.gpr[9] = 0;
	assert_int_equal(run(MFSPR(9, SPR_DEC)), BOOKE_TIMER_SPR);
	assert_false(ex.timer.write);
	assert_int_equal(ex.timer.spr, SPR_DEC);
	booke_timer_read_done(&v, &ex, 4242);
	assert_int_equal(v.gpr[9], 4242);
	/* The write-only ones: a read is a no-op, rT unchanged, never the vtimer's */
	for (i = 1; i < ARRAY_SIZE(writes); i++) {
		if (writes[i] == SPR_TCR || writes[i] == SPR_TSR)
			continue;
		v.gpr[9] = 0x1234;
		assert_int_equal(run(MFSPR(9, writes[i])), BOOKE_DONE);
		assert_true(ex.ignored_spr);
		assert_int_equal(v.gpr[9], 0x1234);
	}
	assert_int_equal(v.pc, PC + 4 * 10);
}

static void write_tlb1(unsigned int esel, uint32_t epn)
{
	mtspr(SPR_MAS0, MAS0_TLBSEL(1) | MAS0_ESEL(esel));
	mtspr(SPR_MAS1, MAS1_V | MAS1_TID(5) | MAS1_TSIZE(TSIZE_1M));
	mtspr(SPR_MAS2, epn | MAS2_M);
	mtspr(SPR_MAS3, 0x00200000 | MAS3_SR | MAS3_SW);
	mtspr(SPR_MAS7, 0);
	assert_int_equal(run(TLBWE), BOOKE_TLB_CHANGED);
}

static void test_tlb_ops(void **state)
{
	(void)state;
	write_tlb1(3, 0x10000000);
	assert_int_equal(ex.tlb.scope, BOOKE_TLB_ENTRY);
	assert_false(ex.tlb.old.mas1 & MAS1_V);
	assert_true(tlb.tlb1[3].mas1 & MAS1_V);
	assert_int_equal(gtlb_entry_epn(&ex.tlb.new), 0x10000000);
	/*
	 * The pages the new entry maps, whose cached shadow entries the
	 * port drops: from the page's base, whatever bits below its size
	 * MAS2[EPN] has
	 */
	write_tlb1(3, 0x20080000);
	assert_int_equal(gtlb_entry_epn(&ex.tlb.old), 0x10000000);
	assert_true(ex.tlb.new.mas1 & MAS1_V);
	assert_int_equal(gtlb_entry_epn(&ex.tlb.new), 0x20000000);
	assert_int_equal(gtlb_entry_size(&ex.tlb.new), 0x100000);

	mtspr(SPR_MAS1, 0);
	assert_int_equal(run(TLBRE), BOOKE_DONE);
	assert_int_equal(tlb.mas.mas1, MAS1_V | MAS1_TID(5) | MAS1_TSIZE(TSIZE_1M));

	mtspr(SPR_MAS6, 5 << MAS6_SPID_SHIFT);
	mtspr(SPR_MAS0, 0);
	v.gpr[4] = 0x20001000;
	assert_int_equal(run(TLBSX(0, 4)), BOOKE_DONE);
	assert_int_equal(tlb.mas.mas0 & MAS0_ESEL_MASK, MAS0_ESEL(3));

	v.gpr[4] = 0x20000000 | TLBIVAX_TLBSEL1;
	assert_int_equal(run(TLBIVAX(0, 4)), BOOKE_TLB_CHANGED);
	assert_int_equal(ex.tlb.scope, BOOKE_TLB_PAGE);
	assert_int_equal(ex.tlb.ea, 0x20000000);
	assert_int_equal(ex.tlb.arrays, 2);
	assert_true(ex.tlb.broadcast);
	assert_int_equal(ex.tlb.operand, 0x20000000 | TLBIVAX_TLBSEL1);
	assert_false(tlb.tlb1[3].mas1 & MAS1_V);
	assert_int_equal(run(TLBSYNC), BOOKE_TLB_SYNC);

	write_tlb1(4, 0x30000000);
	v.gpr[4] = TLBIVAX_TLBSEL1 | TLBIVAX_INV_ALL;
	assert_int_equal(run(TLBIVAX(0, 4)), BOOKE_TLB_CHANGED);
	assert_int_equal(ex.tlb.scope, BOOKE_TLB_ARRAY);
	assert_int_equal(ex.tlb.arrays, 2);
	assert_false(tlb.tlb1[4].mas1 & MAS1_V);

	write_tlb1(5, 0x30000000);
	mtspr(SPR_MMUCSR0, MMUCSR0_TLB1_FI);
	assert_int_equal(ex.outcome, BOOKE_TLB_CHANGED);
	assert_int_equal(ex.tlb.arrays, 2);
	assert_false(ex.tlb.broadcast);
	assert_false(tlb.tlb1[5].mas1 & MAS1_V);
	assert_int_equal(mfspr(SPR_MMUCSR0), 0);

	/* An entry the array cannot hold is the guest's error */
	mtspr(SPR_MAS0, MAS0_TLBSEL(1) | MAS0_ESEL(200));
	assert_int_equal(run(TLBWE), BOOKE_UNHANDLED);
}

#define TLBILX(t, ra, rb)	(XFORM(18, t, ra, rb))

static bool valid(unsigned int esel)
{
	return tlb.tlb1[esel].mas1 & MAS1_V;
}

/* tlbilx: by PID, by address, all; IPROT entries stay */
/* e500v2 loads MAS7 on tlbre and tlbsx only with HID0[EN_MAS7_UPDATE] */
static void test_mas7_update(void **state)
{
	(void)state;
	write_tlb1(2, 0x10000000);
	tlb.tlb1[2].mas7 = 0xf;
	mtspr(SPR_MAS7, 3);
	assert_int_equal(run(TLBRE), BOOKE_DONE);
	assert_int_equal(tlb.mas.mas3 & MAS3_RPN_MASK, 0x00200000);
	assert_int_equal(mfspr(SPR_MAS7), 3);
	mtspr(SPR_MAS6, 5 << MAS6_SPID_SHIFT);
	v.gpr[4] = 0x10000000;
	assert_int_equal(run(TLBSX(0, 4)), BOOKE_DONE);
	assert_int_equal(mfspr(SPR_MAS7), 3);

	mtspr(SPR_HID0, HID0_EN_MAS7_UPDATE);
	assert_int_equal(run(TLBRE), BOOKE_DONE);
	assert_int_equal(mfspr(SPR_MAS7), 0xf);
	mtspr(SPR_MAS7, 3);
	assert_int_equal(run(TLBSX(0, 4)), BOOKE_DONE);
	assert_int_equal(mfspr(SPR_MAS7), 0xf);

	/* e500mc always updates it */
	setup(&e500mc_core);
	write_tlb1(2, 0x10000000);
	tlb.tlb1[2].mas7 = 0xf;
	assert_int_equal(run(TLBRE), BOOKE_DONE);
	assert_int_equal(mfspr(SPR_MAS7), 0xf);
}

static void test_tlbilx(void **state)
{
	(void)state;
	write_tlb1(0, 0x10000000);		/* TID 5 */
	write_tlb1(1, 0x20000000);
	mtspr(SPR_MAS1, MAS1_V | MAS1_TID(6) | MAS1_TSIZE(TSIZE_1M));
	mtspr(SPR_MAS0, MAS0_TLBSEL(1) | MAS0_ESEL(2));
	run(TLBWE);

	mtspr(SPR_MAS6, 6 << MAS6_SPID_SHIFT);
	assert_int_equal(run(TLBILX(1, 0, 0)), BOOKE_TLB_CHANGED);
	assert_int_equal(ex.tlb.scope, BOOKE_TLB_PID);
	assert_int_equal(ex.tlb.pid, 6);
	assert_false(ex.tlb.broadcast);
	assert_true(valid(0) && valid(1) && !valid(2));

	mtspr(SPR_MAS6, 5 << MAS6_SPID_SHIFT);
	v.gpr[4] = 0x20000800;
	assert_int_equal(run(TLBILX(3, 0, 4)), BOOKE_TLB_CHANGED);
	assert_int_equal(ex.tlb.scope, BOOKE_TLB_PAGE);
	assert_int_equal(ex.tlb.ea, 0x20000000);
	assert_int_equal(ex.tlb.arrays, 3);
	assert_true(valid(0) && !valid(1));

	tlb.tlb1[0].mas1 |= MAS1_IPROT;
	write_tlb1(1, 0x20000000);
	assert_int_equal(run(TLBILX(0, 0, 0)), BOOKE_TLB_CHANGED);
	assert_int_equal(ex.tlb.scope, BOOKE_TLB_ARRAY);
	assert_int_equal(ex.tlb.arrays, 3);
	assert_true(valid(0) && !valid(1));

	/* The reserved type: the decoder refuses it */
	assert_int_equal(run(TLBILX(2, 0, 0)), BOOKE_UNHANDLED);
}

static void test_dcbi(void **state)
{
	(void)state;
	assert_int_equal(run(DCBI(0, 3)), BOOKE_DONE);
	assert_int_equal(v.pc, PC + 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_msr_moves, setup_v2),
		cmocka_unit_test_setup(test_we_v2, setup_v2),
		cmocka_unit_test_setup(test_we_mc, setup_mc),
		cmocka_unit_test_setup(test_user_mode_privilege, setup_mc),
		cmocka_unit_test_setup(test_reflect_then_rfi, setup_v2),
		cmocka_unit_test_setup(test_rf_variants, setup_mc),
		cmocka_unit_test_setup(test_v2_illegal, setup_v2),
		cmocka_unit_test_setup(test_doorbell, setup_mc),
		cmocka_unit_test_setup(test_unhandled, setup_mc),
		cmocka_unit_test_setup(test_spr_storage, setup_mc),
		cmocka_unit_test_setup(test_spr_special, setup_mc),
		cmocka_unit_test_setup(test_spr_readonly, setup_mc),
		cmocka_unit_test_setup(test_spr_timer, setup_v2),
		cmocka_unit_test_setup(test_tlb_ops, setup_mc),
		cmocka_unit_test_setup(test_mas7_update, setup_v2),
		cmocka_unit_test_setup(test_tlbilx, setup_mc),
		cmocka_unit_test_setup(test_dcbi, setup_v2),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
