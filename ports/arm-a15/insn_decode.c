// SPDX-License-Identifier: MIT
/*
 * Decoding of the guest load/store instructions that reach a stage-2 data
 * abort with ISV=0, so that an emulated device access can be completed.
 * Encodings: ARMv7-A ARM (DDI 0406C) chapters A5 (A32: "Extra load/store
 * instructions", "Load/store word and unsigned byte", block data transfer)
 * and A6 (Thumb: 16-bit "Load/store single data item", 32-bit load/store
 * single, dual and multiple).
 *
 * Only what a device register access can use is accepted. Rejected on
 * purpose: PC-relative (literal) forms and PC as a transfer register (code
 * and branches never live in device memory), T16 PUSH/POP (the stack is RAM),
 * LDM/STM with the user bank or exception return, exclusives, coprocessor
 * and SIMD transfers, and RRX register offsets.
 */
#include <string.h>

#include <asm/decode.h>

#define REG_SP		13
#define REG_PC		15

#define BIT(insn, n)	(((insn) >> (n)) & 1)

static void set_single(struct arm_mem_access *a, bool write, unsigned int size,
		       bool sign_extend, unsigned int rt)
{
	a->write = write;
	a->size = size;
	a->sign_extend = sign_extend;
	a->nregs = 1;
	a->regs[0] = rt;
}

/* P/U/W addressing: P=0 is post-indexed and then always writes back */
static void set_addressing(struct arm_mem_access *a, unsigned int rn,
			   bool p, bool u, bool w)
{
	a->rn = rn;
	a->pre_index = p;
	a->add = u;
	a->writeback = !p || w;
}

static void set_imm_offset(struct arm_mem_access *a, uint32_t imm)
{
	int32_t offset = a->add ? (int32_t)imm : -(int32_t)imm;

	a->addr_imm = a->pre_index ? offset : 0;
	a->wb_delta_imm = a->writeback ? offset : 0;
}

/* Normalise the A32 shift encoding: LSR/ASR #0 mean #32, ROR #0 is RRX */
static int set_reg_offset(struct arm_mem_access *a, unsigned int rm,
			  unsigned int type, unsigned int imm)
{
	/* RRX shifts the carry flag in: not worth passing flags for */
	if (type == ARM_SHIFT_ROR && imm == 0)
		return -1;
	if (type != ARM_SHIFT_LSL && imm == 0)
		imm = 32;
	a->uses_rm = true;
	a->rm = rm;
	a->shift_type = type;
	a->shift_imm = imm;
	return 0;
}

/*
 * LDM/STM: registers go lowest-numbered to lowest address. "Before" forms
 * step the address first, so IB starts at Rn+4 and DB at Rn-4n.
 */
static int set_multiple(struct arm_mem_access *a, bool load, unsigned int rn,
			uint16_t reglist, bool increment, bool before,
			bool writeback)
{
	int32_t span;
	unsigned int r;

	if (!reglist)
		return -1;

	a->write = !load;
	a->size = 4;
	for (r = 0; r < 16; r++)
		if (reglist & (1u << r))
			a->regs[a->nregs++] = r;

	span = 4 * a->nregs;
	a->rn = rn;
	a->writeback = writeback;
	a->pre_index = before;
	a->add = increment;
	if (increment)
		a->addr_imm = before ? 4 : 0;
	else
		a->addr_imm = before ? -span : 4 - span;
	if (writeback)
		a->wb_delta_imm = increment ? span : -span;
	return 0;
}

/* Fill the register shorthands and apply the checks shared by every form */
static int finish(struct arm_mem_access *a)
{
	uint32_t regs = 0;
	unsigned int i;

	for (i = 0; i < a->nregs; i++)
		regs |= 1u << a->regs[i];
	a->rt = a->regs[0];
	a->reglist = regs;

	/*
	 * PC as base is a literal load (never from a device); as transfer
	 * register it is a branch, or a store of an IMPLEMENTATION DEFINED
	 * offset from the instruction.
	 */
	if (a->rn == REG_PC || (regs & (1u << REG_PC)))
		return -1;
	if (a->uses_rm && a->rm == REG_PC)
		return -1;
	/* UNPREDICTABLE: the loaded value and the new base compete for Rn */
	if (!a->write && a->writeback && (regs & (1u << a->rn)))
		return -1;
	return 0;
}

/* LDR/STR/LDRB/STRB and their T variants */
static int a32_word_byte(uint32_t insn, struct arm_mem_access *a)
{
	bool reg_offset = BIT(insn, 25);

	/* op=1 with bit 4 set is the media instruction space */
	if (reg_offset && BIT(insn, 4))
		return -1;

	set_single(a, !BIT(insn, 20), BIT(insn, 22) ? 1 : 4, false,
		   (insn >> 12) & 0xf);
	set_addressing(a, (insn >> 16) & 0xf, BIT(insn, 24), BIT(insn, 23),
		       BIT(insn, 21));
	if (reg_offset)
		return set_reg_offset(a, insn & 0xf, (insn >> 5) & 0x3,
				      (insn >> 7) & 0x1f);
	set_imm_offset(a, insn & 0xfff);
	return 0;
}

/* Two word transfers, Rt at the lower address */
static void set_dual(struct arm_mem_access *a, bool store, unsigned int rt,
		     unsigned int rt2)
{
	a->write = store;
	a->size = 4;
	a->nregs = 2;
	a->regs[0] = rt;
	a->regs[1] = rt2;
}

/*
 * Halfword, signed byte and doubleword transfers: bits 7 and 4
 * set, op2 (bits 6:5) non-zero; op2 = 0 is multiply, SWP and exclusives.
 */
static int a32_extra(uint32_t insn, struct arm_mem_access *a)
{
	unsigned int op2 = (insn >> 5) & 0x3;
	unsigned int rt = (insn >> 12) & 0xf;
	bool load = BIT(insn, 20);
	bool p = BIT(insn, 24), w = BIT(insn, 21);

	if (!BIT(insn, 7) || !BIT(insn, 4) || op2 == 0)
		return -1;

	if (op2 == 1) {
		set_single(a, !load, 2, false, rt);
	} else if (load) {
		set_single(a, false, op2 == 2 ? 1 : 2, true, rt);
	} else {
		/*
		 * LDRD (op2=2) / STRD (op2=3): Rt even, Rt2 is Rt + 1 (PC for
		 * Rt = LR, which finish() rejects) and P=0 W=1 has no
		 * unprivileged form.
		 */
		if ((rt & 1) || (!p && w))
			return -1;
		set_dual(a, op2 == 3, rt, rt + 1);
	}

	set_addressing(a, (insn >> 16) & 0xf, p, BIT(insn, 23), w);
	if (!BIT(insn, 22))
		return set_reg_offset(a, insn & 0xf, ARM_SHIFT_LSL, 0);
	set_imm_offset(a, ((insn >> 4) & 0xf0) | (insn & 0xf));
	return 0;
}

/* LDM/STM; the S bit (22) selects user registers or exception return */
static int a32_multiple(uint32_t insn, struct arm_mem_access *a)
{
	if (BIT(insn, 22))
		return -1;
	return set_multiple(a, BIT(insn, 20), (insn >> 16) & 0xf,
			    insn & 0xffff, BIT(insn, 23), BIT(insn, 24),
			    BIT(insn, 21));
}

int arm_decode_ldst(uint32_t insn, struct arm_mem_access *out)
{
	int ret;

	memset(out, 0, sizeof(*out));
	out->insn_len = 4;

	/* cond = 0b1111: PLD, SRS, RFE and other unconditional instructions */
	if ((insn >> 28) == 0xf)
		return -1;

	switch ((insn >> 25) & 0x7) {
	case 0:
		ret = a32_extra(insn, out);
		break;
	case 2:
	case 3:
		ret = a32_word_byte(insn, out);
		break;
	case 4:
		ret = a32_multiple(insn, out);
		break;
	default:
		return -1;
	}
	return ret ? ret : finish(out);
}

/* T16 register-offset loads/stores, 0101 opB Rm Rn Rt, indexed by opB */
static const struct {
	bool write;
	uint8_t size;
	bool sign_extend;
} t16_reg_ops[8] = {
	{ true, 4, false },	/* STR */
	{ true, 2, false },	/* STRH */
	{ true, 1, false },	/* STRB */
	{ false, 1, true },	/* LDRSB */
	{ false, 4, false },	/* LDR */
	{ false, 2, false },	/* LDRH */
	{ false, 1, false },	/* LDRB */
	{ false, 2, true },	/* LDRSH */
};

/* T16 single transfers use offset addressing; only LDM/STM write back */
static int t16_decode(uint16_t hw, struct arm_mem_access *a)
{
	unsigned int rt = hw & 0x7, rn = (hw >> 3) & 0x7;
	unsigned int imm5 = (hw >> 6) & 0x1f;
	bool load = BIT(hw, 11);
	unsigned int op;

	switch (hw >> 12) {
	case 0x5:
		op = (hw >> 9) & 0x7;
		set_single(a, t16_reg_ops[op].write, t16_reg_ops[op].size,
			   t16_reg_ops[op].sign_extend, rt);
		set_addressing(a, rn, true, true, false);
		return set_reg_offset(a, (hw >> 6) & 0x7, ARM_SHIFT_LSL, 0);
	case 0x6:	/* LDR/STR Rt, [Rn, #imm5 * 4] */
		set_single(a, !load, 4, false, rt);
		imm5 *= 4;
		break;
	case 0x7:	/* LDRB/STRB Rt, [Rn, #imm5] */
		set_single(a, !load, 1, false, rt);
		break;
	case 0x8:	/* LDRH/STRH Rt, [Rn, #imm5 * 2] */
		set_single(a, !load, 2, false, rt);
		imm5 *= 2;
		break;
	case 0x9:	/* LDR/STR Rt, [SP, #imm8 * 4] */
		set_single(a, !load, 4, false, (hw >> 8) & 0x7);
		rn = REG_SP;
		imm5 = (hw & 0xff) * 4;
		break;
	case 0xc:	/* LDM/STM Rn!, {list}: LDM keeps Rn when it is listed */
		rn = (hw >> 8) & 0x7;
		return set_multiple(a, load, rn, hw & 0xff, true, false,
				    !load || !BIT(hw, rn));
	default:
		return -1;
	}
	set_addressing(a, rn, true, true, false);
	set_imm_offset(a, imm5);
	return 0;
}

/*
 * T32 single loads/stores: 1111 100 S X size L Rn, with
 * X = 1 for the imm12 form. Otherwise hw2 bit 11 selects imm8 with P/U/W
 * (P=1 U=1 W=0 being LDRT and friends), and hw2[11:6] = 0 the register
 * form with LSL #imm2.
 */
static int t32_single(uint16_t hw1, uint16_t hw2, struct arm_mem_access *a)
{
	unsigned int size_bits = (hw1 >> 5) & 0x3;
	bool sign = BIT(hw1, 8), load = BIT(hw1, 4);
	unsigned int rn = hw1 & 0xf;

	/* no doubleword size, no signed stores (SIMD space), no LDRSW */
	if (size_bits == 3 || (sign && (!load || size_bits == 2)))
		return -1;
	set_single(a, !load, 1u << size_bits, sign, hw2 >> 12);

	if (BIT(hw1, 7)) {
		set_addressing(a, rn, true, true, false);
		set_imm_offset(a, hw2 & 0xfff);
		return 0;
	}
	if (BIT(hw2, 11)) {
		if (!BIT(hw2, 10) && !BIT(hw2, 8))
			return -1;	/* P=0 W=0 is undefined */
		set_addressing(a, rn, BIT(hw2, 10), BIT(hw2, 9), BIT(hw2, 8));
		set_imm_offset(a, hw2 & 0xff);
		return 0;
	}
	if ((hw2 & 0xfc0) != 0)
		return -1;
	set_addressing(a, rn, true, true, false);
	return set_reg_offset(a, hw2 & 0xf, ARM_SHIFT_LSL, (hw2 >> 4) & 0x3);
}

/*
 * T32 LDRD/STRD: 1110 100 P U 1 W L Rn, Rt Rt2 imm8*4. P=0 W=0 is the
 * exclusive and table-branch space.
 */
static int t32_dual(uint16_t hw1, uint16_t hw2, struct arm_mem_access *a)
{
	unsigned int rt = hw2 >> 12, rt2 = (hw2 >> 8) & 0xf;
	bool p = BIT(hw1, 8), w = BIT(hw1, 5), load = BIT(hw1, 4);

	if (!p && !w)
		return -1;
	/* UNPREDICTABLE: both loads target the same register */
	if (load && rt == rt2)
		return -1;
	set_dual(a, !load, rt, rt2);
	set_addressing(a, hw1 & 0xf, p, BIT(hw1, 7), w);
	set_imm_offset(a, (hw2 & 0xff) * 4);
	return 0;
}

/* T32 LDM/STM: op (bits 8:7) 01 = IA, 10 = DB; 00 and 11 are SRS/RFE */
static int t32_multiple(uint16_t hw1, uint16_t hw2, struct arm_mem_access *a)
{
	unsigned int op = (hw1 >> 7) & 0x3;

	if (op != 1 && op != 2)
		return -1;
	/* SP can never be in a T32 register list */
	if (BIT(hw2, REG_SP))
		return -1;
	return set_multiple(a, BIT(hw1, 4), hw1 & 0xf, hw2, op == 1, op == 2,
			    BIT(hw1, 5));
}

static int t32_decode(uint16_t hw1, uint16_t hw2, struct arm_mem_access *a)
{
	if ((hw1 & 0xfe00) == 0xf800)
		return t32_single(hw1, hw2, a);
	if ((hw1 & 0xfe40) == 0xe840)
		return t32_dual(hw1, hw2, a);
	if ((hw1 & 0xfe40) == 0xe800)
		return t32_multiple(hw1, hw2, a);
	return -1;
}

int thumb_decode_ldst(uint16_t hw1, uint16_t hw2, struct arm_mem_access *out)
{
	int ret;

	memset(out, 0, sizeof(*out));
	if (thumb_insn_is_32bit(hw1)) {
		out->insn_len = 4;
		ret = t32_decode(hw1, hw2, out);
	} else {
		out->insn_len = 2;
		ret = t16_decode(hw1, out);
	}
	return ret ? ret : finish(out);
}

/* The shifted and signed register offset; shift_imm is 1..32 except for LSL */
static uint32_t reg_offset(const struct arm_mem_access *a, uint32_t rm_value)
{
	uint32_t offset;

	switch (a->shift_type) {
	case ARM_SHIFT_LSR:
		offset = a->shift_imm == 32 ? 0 : rm_value >> a->shift_imm;
		break;
	case ARM_SHIFT_ASR:
		/* ASR #32 fills with the sign bit, as ASR #31 does */
		offset = (uint32_t)((int32_t)rm_value >>
				    (a->shift_imm == 32 ? 31 : a->shift_imm));
		break;
	case ARM_SHIFT_ROR:
		offset = (rm_value >> a->shift_imm) |
			 (rm_value << (32 - a->shift_imm));
		break;
	default:
		offset = rm_value << a->shift_imm;
		break;
	}
	return a->add ? offset : -offset;
}

uint32_t arm_ldst_address(const struct arm_mem_access *a,
			  uint32_t rn_value, uint32_t rm_value)
{
	uint32_t addr = rn_value + (uint32_t)a->addr_imm;

	if (a->uses_rm && a->pre_index)
		addr += reg_offset(a, rm_value);
	return addr;
}

uint32_t arm_ldst_writeback_value(const struct arm_mem_access *a,
				  uint32_t rn_value, uint32_t rm_value)
{
	uint32_t value = rn_value + (uint32_t)a->wb_delta_imm;

	if (!a->writeback)
		return rn_value;
	if (a->uses_rm)
		value += reg_offset(a, rm_value);
	return value;
}
