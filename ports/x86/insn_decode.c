// SPDX-License-Identifier: MIT
/*
 * Decoding the mov forms of asm/insn_decode.h. The order of the bytes:
 * legacy prefixes, a REX prefix in 64-bit mode, the opcode (one byte, or
 * 0F and one), ModRM, SIB, displacement, immediate. Only the length of
 * the memory operand matters here: the address it names is the one the
 * nested page fault gave.
 */
#include <asm/insn_decode.h>

#define REX_W		0x8
#define REX_R		0x4

struct cursor {
	const uint8_t *code;
	size_t avail, at;
};

static int take(struct cursor *c, uint8_t *byte)
{
	if (c->at >= c->avail || c->at >= X86_INSN_MAX)
		return -1;
	*byte = c->code[c->at++];
	return 0;
}

static int skip(struct cursor *c, size_t n)
{
	c->at += n;
	return c->at <= c->avail && c->at <= X86_INSN_MAX ? 0 : -1;
}

static uint64_t little_endian(const uint8_t *p, unsigned int n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

static bool segment_prefix(uint8_t b)
{
	return b == 0x26 || b == 0x2e || b == 0x36 || b == 0x3e || b == 0x64 || b == 0x65;
}

/* What comes before the opcode; @opcode gets its first byte */
struct prefixes {
	bool opsize, addrsize;
	uint8_t rex;
};

static int take_prefixes(struct cursor *c, enum x86_code_mode mode, struct prefixes *pf,
			 uint8_t *opcode)
{
	uint8_t b;

	for (;;) {
		if (take(c, &b))
			return -1;
		if (b == 0x66)
			pf->opsize = true;
		else if (b == 0x67)
			pf->addrsize = true;
		else if (!segment_prefix(b))
			break;
	}
	if (mode == X86_CODE_64 && (b & 0xf0) == 0x40) {
		pf->rex = b;
		if (take(c, &b))
			return -1;
	}
	*opcode = b;
	return 0;
}

/* ModRM with its SIB and displacement: a memory operand, its reg field in @reg */
static int take_modrm(struct cursor *c, unsigned int *reg)
{
	uint8_t modrm, sib, mod, rm;

	if (take(c, &modrm))
		return -1;
	mod = modrm >> 6;
	rm = modrm & 7;
	*reg = (modrm >> 3) & 7;
	if (mod == 3)
		return -1;	/* a register, no memory access */
	if (rm == 4) {
		if (take(c, &sib))
			return -1;
		if (mod == 0 && (sib & 7) == 5)
			return skip(c, 4);
	}
	if (mod == 0)
		return rm == 5 ? skip(c, 4) : 0;
	return skip(c, mod == 1 ? 1 : 4);
}

static uint8_t operand_size(const struct prefixes *pf)
{
	if (pf->rex & REX_W)
		return 8;
	return pf->opsize ? 2 : 4;
}

/* The register operand: REX.R extends it; without a REX, 4-7 of a byte are AH-BH */
static void set_reg(struct x86_mmio_insn *out, const struct prefixes *pf, unsigned int reg,
		    bool byte)
{
	out->reg = (uint8_t)(reg | (pf->rex & REX_R ? 8 : 0));
	if (byte && !pf->rex && reg >= 4) {
		out->reg = (uint8_t)(reg - 4);
		out->high_byte = true;
	}
}

static int mov_modrm(struct cursor *c, const struct prefixes *pf, uint8_t op,
		     struct x86_mmio_insn *out)
{
	bool byte = !(op & 1);
	unsigned int reg;

	if (take_modrm(c, &reg))
		return -1;
	out->size = byte ? 1 : operand_size(pf);
	out->write = op < 0x8a;
	out->src = out->write ? X86_SRC_REG : X86_SRC_MEM;
	out->reg_size = out->size;
	set_reg(out, pf, reg, byte);
	return 0;
}

static int mov_imm(struct cursor *c, const struct prefixes *pf, uint8_t op,
		   struct x86_mmio_insn *out)
{
	unsigned int reg, imm_len;
	size_t at;

	if (take_modrm(c, &reg) || reg != 0)
		return -1;
	out->size = op == 0xc6 ? 1 : operand_size(pf);
	imm_len = out->size == 8 ? 4 : out->size;
	at = c->at;
	if (skip(c, imm_len))
		return -1;
	out->imm = little_endian(c->code + at, imm_len);
	if (out->size == 8 && (out->imm & 0x80000000u))
		out->imm |= 0xffffffff00000000ull;	/* imm32 sign-extended */
	out->write = true;
	out->src = X86_SRC_IMM;
	return 0;
}

/* A0-A3: AL or eAX and an absolute address as wide as the addresses */
static int mov_moffs(struct cursor *c, enum x86_code_mode mode, const struct prefixes *pf,
		     uint8_t op, struct x86_mmio_insn *out)
{
	unsigned int offset_len = mode == X86_CODE_64 && !pf->addrsize ? 8 : 4;

	if (skip(c, offset_len))
		return -1;
	out->size = op & 1 ? operand_size(pf) : 1;
	out->write = op >= 0xa2;
	out->src = out->write ? X86_SRC_REG : X86_SRC_MEM;
	out->reg = 0;
	out->reg_size = out->size;
	return 0;
}

/* movzx, movsx (0F B6/B7/BE/BF) and movsxd (63): a load, extended */
static int mov_extend(struct cursor *c, const struct prefixes *pf, uint8_t size, bool sign,
		      struct x86_mmio_insn *out)
{
	unsigned int reg;

	if (take_modrm(c, &reg))
		return -1;
	out->size = size;
	out->write = false;
	out->src = X86_SRC_MEM;
	out->reg_size = operand_size(pf);
	out->sign_extend = sign && out->reg_size > size;
	set_reg(out, pf, reg, false);
	return 0;
}

static int decode_0f(struct cursor *c, const struct prefixes *pf, struct x86_mmio_insn *out)
{
	uint8_t op;

	if (take(c, &op))
		return -1;
	switch (op) {
	case 0xb6: case 0xb7: case 0xbe: case 0xbf:
		return mov_extend(c, pf, op & 1 ? 2 : 1, op >= 0xbe, out);
	default:
		return -1;
	}
}

static int decode_opcode(struct cursor *c, enum x86_code_mode mode,
			 const struct prefixes *pf, uint8_t op, struct x86_mmio_insn *out)
{
	switch (op) {
	case 0x88: case 0x89: case 0x8a: case 0x8b:
		return mov_modrm(c, pf, op, out);
	case 0xc6: case 0xc7:
		return mov_imm(c, pf, op, out);
	case 0xa0: case 0xa1: case 0xa2: case 0xa3:
		return mov_moffs(c, mode, pf, op, out);
	case 0x63:	/* ARPL outside 64-bit mode */
		return mode == X86_CODE_64 ?
		       mov_extend(c, pf, pf->opsize && !(pf->rex & REX_W) ? 2 : 4, true, out) : -1;
	case 0x0f:
		return decode_0f(c, pf, out);
	default:
		return -1;
	}
}

int x86_decode_mmio(const uint8_t *code, size_t avail, enum x86_code_mode mode,
		    struct x86_mmio_insn *out)
{
	struct cursor c = { code, avail, 0 };
	struct prefixes pf = { 0 };
	uint8_t op;

	*out = (struct x86_mmio_insn){ 0 };
	if (mode == X86_CODE_16 || take_prefixes(&c, mode, &pf, &op))
		return -1;
	if (mode == X86_CODE_32 && pf.addrsize)
		return -1;	/* 16-bit addressing */
	if (decode_opcode(&c, mode, &pf, op, out))
		return -1;
	out->len = (uint8_t)c.at;
	return 0;
}

static uint64_t low_bytes(uint64_t v, unsigned int size)
{
	return size >= 8 ? v : v & ((1ull << (8 * size)) - 1);
}

uint64_t x86_load_result(const struct x86_mmio_insn *insn, uint64_t old, uint64_t value)
{
	unsigned int bits = 8 * insn->size;
	uint64_t v = low_bytes(value, insn->size);

	if (insn->sign_extend && bits < 64 && (v >> (bits - 1)) & 1)
		v |= ~0ull << bits;
	switch (insn->reg_size) {
	case 1:
		if (insn->high_byte)
			return (old & ~0xff00ull) | (v & 0xff) << 8;
		return (old & ~0xffull) | (v & 0xff);
	case 2:
		return (old & ~0xffffull) | (v & 0xffff);
	default:
		return low_bytes(v, insn->reg_size);
	}
}

uint64_t x86_store_value(const struct x86_mmio_insn *insn, uint64_t regval)
{
	if (insn->src == X86_SRC_IMM)
		return low_bytes(insn->imm, insn->size);
	if (insn->high_byte)
		return (regval >> 8) & 0xff;
	return low_bytes(regval, insn->size);
}
