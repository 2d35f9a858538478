// SPDX-License-Identifier: MIT
/*
 * Decoding of the guest instruction at SRR0 after a privileged-instruction
 * Program interrupt or a data TLB miss / storage interrupt on an emulated
 * device page (see asm/insn.h for which reach the hypervisor).
 *
 * Field positions below are in the usual little-endian bit numbering of a
 * uint32_t (bit 0 = least significant); the ISA numbers bits the other way
 * (its bit 0 is our bit 31). Primary opcode: bits 31-26. X-form: rT/rS
 * 25-21, rA 20-16, rB 15-11, extended opcode 10-1, Rc 0. D-form: rT/rS,
 * rA, then a signed 16-bit displacement.
 *
 * Reserved fields are checked for the privileged instructions: a word with
 * one set is an invalid form, which the caller reflects to the guest as an
 * illegal instruction rather than emulate a guess at it.
 */
#include <string.h>

#include <asm/insn.h>

#define OPCD(insn)	((insn) >> 26)
#define RT(insn)	(((insn) >> 21) & 0x1f)
#define RA(insn)	(((insn) >> 16) & 0x1f)
#define RB(insn)	(((insn) >> 11) & 0x1f)
#define XO(insn)	(((insn) >> 1) & 0x3ff)

#define F_RT		0x03e00000u
#define F_RA		0x001f0000u
#define F_RB		0x0000f800u
#define F_RC		0x00000001u
#define F_TOP3		0x03800000u	/* rT field bits 25-23: above tlbilx T, dcbf L */

#define OPCD_SC		17
#define OPCD_XL		19	/* rfi, rfci, rfmci, rfdi */
#define OPCD_X		31
#define OPCD_SPE	4	/* e500v2 SPE vector instructions */

/* Load/store attributes in a form table */
#define M_STORE		0x01
#define M_SIGN		0x02
#define M_UPDATE	0x04
#define M_BREV		0x08
#define M_EA		0x10	/* not a load/store, but rA, rB form an EA */

struct form {
	uint16_t xo;		/* extended opcode (X-forms only) */
	uint8_t op;		/* enum booke_op */
	uint8_t size;		/* loads/stores: bytes */
	uint8_t mem;		/* loads/stores: M_* */
	uint8_t refusal;	/* BOOKE_REFUSED: enum booke_refusal */
	uint32_t reserved;	/* bits that must be 0 */
};

#define LDST(sz, flags)	.op = ((flags) & M_STORE) ? BOOKE_STORE : BOOKE_LOAD, \
			.size = (sz), .mem = (flags)
#define REFUSE(why)	.op = BOOKE_REFUSED, .refusal = BOOKE_REFUSE_##why

/* D-forms, indexed by primary opcode - 32 */
static const struct form d_forms[] = {
	{ LDST(4, 0) },				/* 32 lwz */
	{ LDST(4, M_UPDATE) },			/* 33 lwzu */
	{ LDST(1, 0) },				/* 34 lbz */
	{ LDST(1, M_UPDATE) },			/* 35 lbzu */
	{ LDST(4, M_STORE) },			/* 36 stw */
	{ LDST(4, M_STORE | M_UPDATE) },	/* 37 stwu */
	{ LDST(1, M_STORE) },			/* 38 stb */
	{ LDST(1, M_STORE | M_UPDATE) },	/* 39 stbu */
	{ LDST(2, 0) },				/* 40 lhz */
	{ LDST(2, M_UPDATE) },			/* 41 lhzu */
	{ LDST(2, M_SIGN) },			/* 42 lha */
	{ LDST(2, M_SIGN | M_UPDATE) },		/* 43 lhau */
	{ LDST(2, M_STORE) },			/* 44 sth */
	{ LDST(2, M_STORE | M_UPDATE) },	/* 45 sthu */
	{ REFUSE(MULTIPLE) },			/* 46 lmw */
	{ REFUSE(MULTIPLE) },			/* 47 stmw */
	{ REFUSE(FLOAT) }, { REFUSE(FLOAT) },	/* 48 lfs, 49 lfsu */
	{ REFUSE(FLOAT) }, { REFUSE(FLOAT) },	/* 50 lfd, 51 lfdu */
	{ REFUSE(FLOAT) }, { REFUSE(FLOAT) },	/* 52 stfs, 53 stfsu */
	{ REFUSE(FLOAT) }, { REFUSE(FLOAT) },	/* 54 stfd, 55 stfdu */
};

#define X_LDST(x, sz, flags)	{ .xo = (x), LDST(sz, flags), .reserved = F_RC }
#define X_REFUSE(x, why)	{ .xo = (x), REFUSE(why) }
#define X_OP(x, o, rsv)		{ .xo = (x), .op = BOOKE_##o, .reserved = (rsv) }
#define X_OP_EA(x, o, rsv)	{ .xo = (x), .op = BOOKE_##o, .mem = M_EA, \
				  .reserved = (rsv) }

/*
 * Opcode 31, searched in order: the privileged instructions first, the
 * only ones a Program interrupt brings here (mfspr and mtspr the
 * commonest), then the loads and stores of device accesses.
 */
static const struct form x_forms[] = {
	X_OP(467, MTSPR, F_RC),
	X_OP(339, MFSPR, F_RC),
	X_OP(83, MFMSR, F_RA | F_RB | F_RC),
	/* Book E has no mtmsr L field (bit 16): reserved like the rest */
	X_OP(146, MTMSR, F_RA | F_RB | F_RC),
	X_OP(131, WRTEE, F_RA | F_RB | F_RC),
	X_OP(163, WRTEEI, F_RT | F_RA | 0x7800 | F_RC),
	X_OP(978, TLBWE, F_RT | F_RA | F_RB | F_RC),
	X_OP(946, TLBRE, F_RT | F_RA | F_RB | F_RC),
	X_OP_EA(914, TLBSX, F_RT | F_RC),
	X_OP_EA(786, TLBIVAX, F_RT | F_RC),
	X_OP(566, TLBSYNC, F_RT | F_RA | F_RB | F_RC),
	X_OP_EA(18, TLBILX, F_TOP3 | F_RC),
	X_OP(206, MSGSND, F_RT | F_RA | F_RC),
	X_OP(238, MSGCLR, F_RT | F_RA | F_RC),
	X_OP_EA(470, DCBI, F_RT | F_RC),
	X_OP_EA(86, DCBF, F_TOP3 | F_RC),
	X_OP_EA(54, DCBST, F_RT | F_RC),
	X_OP_EA(1014, DCBZ, F_RT | F_RC),
	X_OP_EA(982, ICBI, F_RT | F_RC),

	X_LDST(23, 4, 0),			/* lwzx */
	X_LDST(55, 4, M_UPDATE),		/* lwzux */
	X_LDST(87, 1, 0),			/* lbzx */
	X_LDST(119, 1, M_UPDATE),		/* lbzux */
	X_LDST(151, 4, M_STORE),		/* stwx */
	X_LDST(183, 4, M_STORE | M_UPDATE),	/* stwux */
	X_LDST(215, 1, M_STORE),		/* stbx */
	X_LDST(247, 1, M_STORE | M_UPDATE),	/* stbux */
	X_LDST(279, 2, 0),			/* lhzx */
	X_LDST(311, 2, M_UPDATE),		/* lhzux */
	X_LDST(343, 2, M_SIGN),			/* lhax */
	X_LDST(375, 2, M_SIGN | M_UPDATE),	/* lhaux */
	X_LDST(407, 2, M_STORE),		/* sthx */
	X_LDST(439, 2, M_STORE | M_UPDATE),	/* sthux */
	X_LDST(534, 4, M_BREV),			/* lwbrx */
	X_LDST(662, 4, M_STORE | M_BREV),	/* stwbrx */
	X_LDST(790, 2, M_BREV),			/* lhbrx */
	X_LDST(918, 2, M_STORE | M_BREV),	/* sthbrx */

	X_REFUSE(20, RESERVATION),		/* lwarx */
	X_REFUSE(150, RESERVATION),		/* stwcx. */
	X_REFUSE(533, STRING),			/* lswx */
	X_REFUSE(597, STRING),			/* lswi */
	X_REFUSE(661, STRING),			/* stswx */
	X_REFUSE(725, STRING),			/* stswi */
	X_REFUSE(535, FLOAT),			/* lfsx */
	X_REFUSE(567, FLOAT),			/* lfsux */
	X_REFUSE(599, FLOAT),			/* lfdx */
	X_REFUSE(631, FLOAT),			/* lfdux */
	X_REFUSE(663, FLOAT),			/* stfsx */
	X_REFUSE(695, FLOAT),			/* stfsux */
	X_REFUSE(727, FLOAT),			/* stfdx */
	X_REFUSE(759, FLOAT),			/* stfdux */
	X_REFUSE(983, FLOAT),			/* stfiwx */
};

/* Opcode 19: the returns, which have no operands */
static const struct form xl_forms[] = {
	X_OP(50, RFI, F_RT | F_RA | F_RB | F_RC),
	X_OP(51, RFCI, F_RT | F_RA | F_RB | F_RC),
	X_OP(38, RFMCI, F_RT | F_RA | F_RB | F_RC),
	X_OP(39, RFDI, F_RT | F_RA | F_RB | F_RC),
};

static const struct form *find_form(const struct form *table, size_t n,
				    unsigned int xo)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (table[i].xo == xo)
			return &table[i];
	return NULL;
}

/*
 * An update form writes the EA into rA, so rA=0 (no base register) is
 * invalid; so is a load whose target is the base, as both results would
 * compete for one register. Stores may update their own source register.
 */
static enum booke_op set_access(struct booke_insn *out, const struct form *f)
{
	out->op = f->op;
	out->size = f->size;
	out->sign_extend = f->mem & M_SIGN;
	out->byte_reverse = f->mem & M_BREV;
	out->update = f->mem & M_UPDATE;
	if (out->update && (out->ra == 0 ||
			    (out->op == BOOKE_LOAD && out->ra == out->rt))) {
		out->op = BOOKE_REFUSED;
		out->refusal = BOOKE_REFUSE_INVALID_UPDATE;
	}
	return out->op;
}

static enum booke_op set_refused(struct booke_insn *out, unsigned int why)
{
	out->op = BOOKE_REFUSED;
	out->refusal = why;
	return BOOKE_REFUSED;
}

/* The fields of an X-form other than its registers */
static enum booke_op set_x_fields(uint32_t insn, struct booke_insn *out)
{
	switch (out->op) {
	case BOOKE_MFSPR:
	case BOOKE_MTSPR:
		/* The 10-bit number is encoded with its 5-bit halves swapped */
		out->spr = RA(insn) | (RB(insn) << 5);
		out->ra = 0;
		out->rb = 0;
		break;
	case BOOKE_WRTEEI:
		/* E sits in the rB field's top bit */
		out->field = (insn >> 15) & 1;
		out->rb = 0;
		break;
	case BOOKE_TLBILX:
		/* T=2 is reserved; 0 all, 1 this PID, 3 one address */
		out->field = (insn >> 21) & 3;
		out->rt = 0;
		if (out->field == 2)
			out->op = BOOKE_UNKNOWN;
		break;
	case BOOKE_DCBF:
		out->field = (insn >> 21) & 3;
		out->rt = 0;
		break;
	default:
		break;
	}
	return out->op;
}

static enum booke_op decode_x(uint32_t insn, struct booke_insn *out)
{
	const struct form *f = find_form(x_forms, ARRAY_SIZE(x_forms), XO(insn));

	if (!f)
		return BOOKE_UNKNOWN;
	out->rb = RB(insn);
	out->indexed = f->op == BOOKE_LOAD || f->op == BOOKE_STORE ||
		       (f->mem & M_EA);
	if (f->op == BOOKE_REFUSED)
		return set_refused(out, f->refusal);
	if (insn & f->reserved)
		return BOOKE_UNKNOWN;
	if (f->op == BOOKE_LOAD || f->op == BOOKE_STORE)
		return set_access(out, f);
	out->op = f->op;
	return set_x_fields(insn, out);
}

static enum booke_op decode_d(uint32_t insn, struct booke_insn *out)
{
	const struct form *f = &d_forms[OPCD(insn) - 32];

	out->disp = (int16_t)(insn & 0xffff);
	if (f->op == BOOKE_REFUSED)
		return set_refused(out, f->refusal);
	return set_access(out, f);
}

/* sc LEV: bit 1 is always set; LEV in bits 11-5, the rest reserved */
static enum booke_op decode_sc(uint32_t insn, struct booke_insn *out)
{
	if ((insn & 0x03fff01fu) != 0x2)
		return BOOKE_UNKNOWN;
	out->op = BOOKE_SC;
	out->field = (insn >> 5) & 0x7f;
	return BOOKE_SC;
}

static enum booke_op decode_xl(uint32_t insn, struct booke_insn *out)
{
	const struct form *f = find_form(xl_forms, ARRAY_SIZE(xl_forms), XO(insn));

	if (!f || (insn & f->reserved))
		return BOOKE_UNKNOWN;
	out->op = f->op;
	return out->op;
}

/*
 * e500v2 SPE loads and stores (evldd .. evstwwo) occupy extended opcodes
 * 0x300-0x33f of opcode 4 (11-bit field, bits 10-0). They move 64-bit
 * register pairs: no device register here is accessed that way.
 */
static enum booke_op decode_spe(uint32_t insn, struct booke_insn *out)
{
	unsigned int xo = insn & 0x7ff;

	if (xo < 0x300 || xo > 0x33f)
		return BOOKE_UNKNOWN;
	return set_refused(out, BOOKE_REFUSE_SPE);
}

enum booke_op booke_decode(uint32_t insn, struct booke_insn *out)
{
	unsigned int opcd = OPCD(insn);

	__builtin_memset(out, 0, sizeof(*out));
	out->rt = RT(insn);
	out->ra = RA(insn);

	if (opcd >= 32 && opcd <= 55)
		out->op = decode_d(insn, out);
	else if (opcd == OPCD_X)
		out->op = decode_x(insn, out);
	else if (opcd == OPCD_XL)
		out->op = decode_xl(insn, out);
	else if (opcd == OPCD_SC)
		out->op = decode_sc(insn, out);
	else if (opcd == OPCD_SPE)
		out->op = decode_spe(insn, out);
	if (out->op == BOOKE_UNKNOWN)
		__builtin_memset(out, 0, sizeof(*out));
	return out->op;
}

const char *booke_refusal_name(enum booke_refusal why)
{
	switch (why) {
	case BOOKE_REFUSE_NONE:
		return "none";
	case BOOKE_REFUSE_MULTIPLE:
		return "lmw/stmw";
	case BOOKE_REFUSE_STRING:
		return "string load/store";
	case BOOKE_REFUSE_FLOAT:
		return "floating-point load/store";
	case BOOKE_REFUSE_RESERVATION:
		return "lwarx/stwcx.";
	case BOOKE_REFUSE_SPE:
		return "SPE load/store";
	case BOOKE_REFUSE_INVALID_UPDATE:
		return "invalid update form";
	}
	return "?";
}
