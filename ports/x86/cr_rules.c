// SPDX-License-Identifier: MIT
/*
 * The architecture's rules for CR0 and CR4 writes (asm/cr_rules.h), after
 * the AMD64 APM vol. 2, 3.1.1 and 3.1.3, 14.6 (leaving long mode): the
 * bits the CPUs this port runs on have, and the combinations long mode
 * forbids. CR4 takes only the bits of features the CPU has: one it
 * lacks would make VMRUN refuse the state.
 */
#include <asm/cr_rules.h>
#include <asm/x86.h>

#define CR0_CD		(1u << 30)
#define CR0_NW		(1u << 29)
#define CR4_BASE	0x7ffull	/* VME, PVI, TSD, DE, PSE, PAE, MCE, PGE, PCE, OSFXSR, OSXMMEXCPT */
#define EAX 0
#define EBX 1
#define ECX 2

/* One CR4 bit and the CPUID bit (leaf 1 or 7, register, bit) that offers it */
static const struct {
	uint8_t cr4_bit, leaf, reg, bit;
} cr4_features[] = {
	{ 11, 7, ECX, 2 },	/* UMIP */
	{ 16, 7, EBX, 0 },	/* FSGSBASE */
	{ 17, 1, ECX, 17 },	/* PCIDE: PCID */
	{ 18, 1, ECX, 26 },	/* OSXSAVE: XSAVE */
	{ 20, 7, EBX, 7 },	/* SMEP */
	{ 21, 7, EBX, 20 },	/* SMAP */
};
#define CR4_PGE_PSE	((uint64_t)CR4_PGE | (1u << 4))

int x86_decode_cr_write(const uint8_t *code, size_t avail, enum x86_code_mode mode,
			struct x86_cr_write *out)
{
	size_t at = 0;
	uint8_t rex = 0, modrm;

	*out = (struct x86_cr_write){ 0 };
	if (mode == X86_CODE_64 && avail > at && (code[at] & 0xf0) == 0x40)
		rex = code[at++];
	if (avail < at + 2 || code[at] != 0x0f)
		return -1;
	if (code[at + 1] == 0x06 && !rex) {
		out->len = (uint8_t)(at + 2);
		out->clts = true;
		return 0;
	}
	if (code[at + 1] != 0x22 || avail < at + 3)
		return -1;
	modrm = code[at + 2];
	out->len = (uint8_t)(at + 3);
	out->cr = (uint8_t)(((modrm >> 3) & 7) | (rex & 0x4 ? 8 : 0));
	out->gpr = (uint8_t)((modrm & 7) | (rex & 0x1 ? 8 : 0));
	return 0;
}

uint64_t x86_cr4_allowed(const uint32_t leaf1[4], const uint32_t leaf7[4])
{
	uint64_t allowed = CR4_BASE;

	for (unsigned int i = 0; i < sizeof(cr4_features) / sizeof(cr4_features[0]); i++) {
		const uint32_t *regs = cr4_features[i].leaf == 1 ? leaf1 : leaf7;

		if (regs[cr4_features[i].reg] & (1u << cr4_features[i].bit))
			allowed |= 1ull << cr4_features[i].cr4_bit;
	}
	return allowed;
}

static int cr0_apply(struct x86_cr_state *st, uint64_t val, bool *flush)
{
	bool pg_was = st->cr0 & CR0_PG, pg = val & CR0_PG;
	uint64_t efer = st->efer;

	if (val >> 32 || (pg && !(val & CR0_PE)) || ((val & CR0_NW) && !(val & CR0_CD)))
		return -1;
	if (pg_was && !pg && (efer & EFER_LMA)) {
		if (st->cs_long)
			return -1;	/* paging off under 64-bit code */
		efer &= ~(uint64_t)EFER_LMA;
	}
	if (!pg_was && pg && (efer & EFER_LME)) {
		if (!(st->cr4 & CR4_PAE))
			return -1;
		efer |= EFER_LMA;
	}
	*flush = (st->cr0 ^ val) & (CR0_PG | CR0_WP | CR0_PE);
	st->cr0 = val;
	st->efer = efer;
	return 0;
}

static int cr4_apply(struct x86_cr_state *st, uint64_t val, bool *flush)
{
	if (val & ~st->cr4_allowed)
		return -1;
	if ((st->efer & EFER_LMA) && !(val & CR4_PAE))
		return -1;	/* PAE is long mode's paging */
	*flush = (st->cr4 ^ val) & (CR4_PGE_PSE | CR4_PAE);
	st->cr4 = val;
	return 0;
}

int x86_cr_apply(struct x86_cr_state *st, unsigned int cr, uint64_t val, bool *flush)
{
	*flush = false;
	if (cr == 0)
		return cr0_apply(st, val, flush);
	if (cr == 4)
		return cr4_apply(st, val, flush);
	return -1;
}
