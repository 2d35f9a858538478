// SPDX-License-Identifier: MIT
/*
 * The x86 port's MMIO instruction decoder (ports/x86/insn_decode.c) on
 * every form it takes, the forms it must refuse, and the guest page walk
 * (ports/x86/guest_walk.c) over made-up tables in every paging mode, and
 * the rules for the CR0 and CR4 writes the port intercepts (cr_rules.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include <asm/cr_rules.h>
#include <asm/guest_walk.h>
#include <asm/insn_decode.h>
#include <asm/x86.h>

#include "check_field.h"

struct decode_case {
	const char *name;
	enum x86_code_mode mode;
	uint8_t bytes[X86_INSN_MAX];
	struct x86_mmio_insn want;
};

#define LOAD(l, s, r, rs)	{ .len = l, .size = s, .src = X86_SRC_MEM, .reg = r, .reg_size = rs }
#define STORE(l, s, r)		{ .len = l, .size = s, .write = true, .src = X86_SRC_REG, \
				  .reg = r, .reg_size = s }
#define M64			X86_CODE_64
#define M32			X86_CODE_32

static const struct decode_case good[] = {
	{ "mov (%rax),%ecx", M64, { 0x8b, 0x08 }, LOAD(2, 4, 1, 4) },
	{ "mov %ecx,(%rax)", M64, { 0x89, 0x08 }, STORE(2, 4, 1) },
	{ "mov %al,(%rdi)", M64, { 0x88, 0x07 }, STORE(2, 1, 0) },
	{ "mov (%rdi),%dl", M64, { 0x8a, 0x17 }, LOAD(2, 1, 2, 1) },
	{ "mov (%rsi),%ax", M64, { 0x66, 0x8b, 0x06 }, LOAD(3, 2, 0, 2) },
	{ "mov %ax,(%rsi)", M64, { 0x66, 0x89, 0x06 }, STORE(3, 2, 0) },
	{ "mov (%rdx),%rax", M64, { 0x48, 0x8b, 0x02 }, LOAD(3, 8, 0, 8) },
	{ "mov %r9,0x10(%rdx)", M64, { 0x4c, 0x89, 0x4a, 0x10 }, STORE(4, 8, 9) },
	{ "mov %r10d,(%r11)", M64, { 0x45, 0x89, 0x13 }, STORE(3, 4, 10) },
	{ "mov %sil,(%rax)", M64, { 0x40, 0x88, 0x30 }, STORE(3, 1, 6) },
	{ "mov 0x12345678(%rax,%rbx,4),%esp", M64,
	  { 0x8b, 0xa4, 0x98, 0x78, 0x56, 0x34, 0x12 }, LOAD(7, 4, 4, 4) },
	{ "mov 0x8(%rsp),%eax", M64, { 0x8b, 0x44, 0x24, 0x08 }, LOAD(4, 4, 0, 4) },
	{ "mov 0xfee000f0,%eax (SIB, no base)", M64,
	  { 0x8b, 0x04, 0x25, 0xf0, 0x00, 0xe0, 0xfe }, LOAD(7, 4, 0, 4) },
	{ "mov 0x100(%rip),%eax", M64, { 0x8b, 0x05, 0x00, 0x01, 0x00, 0x00 }, LOAD(6, 4, 0, 4) },
	{ "mov %fs:(%rax),%eax", M64, { 0x64, 0x8b, 0x00 }, LOAD(3, 4, 0, 4) },
	{ "mov (%eax),%eax (addr32)", M64, { 0x67, 0x8b, 0x00 }, LOAD(3, 4, 0, 4) },
	{ "movabs 0xfed00000,%eax", M64,
	  { 0xa1, 0x00, 0x00, 0xd0, 0xfe, 0, 0, 0, 0 }, LOAD(9, 4, 0, 4) },
	{ "movabs %al,0xfed00000", M64,
	  { 0xa2, 0x00, 0x00, 0xd0, 0xfe, 0, 0, 0, 0 }, STORE(9, 1, 0) },
	{ "mov 0xfed00000,%eax (32-bit)", M32, { 0xa1, 0x00, 0x00, 0xd0, 0xfe }, LOAD(5, 4, 0, 4) },
	{ "mov %eax,0x8(%ebx) (32-bit)", M32, { 0x89, 0x43, 0x08 }, STORE(3, 4, 0) },
	{ "mov %ax,(%ebx) (32-bit)", M32, { 0x66, 0x89, 0x03 }, STORE(3, 2, 0) },
	{ "movzbl (%rax),%ecx", M64, { 0x0f, 0xb6, 0x08 }, LOAD(3, 1, 1, 4) },
	{ "movzwl (%rax),%ecx", M64, { 0x0f, 0xb7, 0x08 }, LOAD(3, 2, 1, 4) },
	{ "movzbq (%rax),%r8", M64, { 0x4c, 0x0f, 0xb6, 0x00 }, LOAD(4, 1, 8, 8) },
	{ "movzbw (%rax),%cx", M64, { 0x66, 0x0f, 0xb6, 0x08 }, LOAD(4, 1, 1, 2) },
};

static const struct decode_case extending[] = {
	{ "movsbl (%rax),%ecx", M64, { 0x0f, 0xbe, 0x08 },
	  { .len = 3, .size = 1, .src = X86_SRC_MEM, .reg = 1, .reg_size = 4, .sign_extend = true } },
	{ "movswq (%rax),%rcx", M64, { 0x48, 0x0f, 0xbf, 0x08 },
	  { .len = 4, .size = 2, .src = X86_SRC_MEM, .reg = 1, .reg_size = 8, .sign_extend = true } },
	{ "movslq (%rax),%rdx", M64, { 0x48, 0x63, 0x10 },
	  { .len = 3, .size = 4, .src = X86_SRC_MEM, .reg = 2, .reg_size = 8, .sign_extend = true } },
	{ "mov (%rax),%ah", M64, { 0x8a, 0x20 },
	  { .len = 2, .size = 1, .src = X86_SRC_MEM, .reg = 0, .reg_size = 1, .high_byte = true } },
	{ "mov %bh,(%rax)", M64, { 0x88, 0x38 },
	  { .len = 2, .size = 1, .write = true, .src = X86_SRC_REG, .reg = 3, .reg_size = 1,
	    .high_byte = true } },
	{ "movb $0x5a,(%rax)", M64, { 0xc6, 0x00, 0x5a },
	  { .len = 3, .size = 1, .write = true, .src = X86_SRC_IMM, .imm = 0x5a } },
	{ "movw $0x1234,0x4(%rbx)", M64, { 0x66, 0xc7, 0x43, 0x04, 0x34, 0x12 },
	  { .len = 6, .size = 2, .write = true, .src = X86_SRC_IMM, .imm = 0x1234 } },
	{ "movl $0x80000001,(%rax)", M64, { 0xc7, 0x00, 0x01, 0x00, 0x00, 0x80 },
	  { .len = 6, .size = 4, .write = true, .src = X86_SRC_IMM, .imm = 0x80000001 } },
	{ "movq $-2,(%rax)", M64, { 0x48, 0xc7, 0x00, 0xfe, 0xff, 0xff, 0xff },
	  { .len = 7, .size = 8, .write = true, .src = X86_SRC_IMM, .imm = 0xfffffffffffffffeull } },
};

static void check_case(const struct decode_case *c)
{
	struct x86_mmio_insn got;

	if (x86_decode_mmio(c->bytes, sizeof(c->bytes), c->mode, &got)) {
		print_error("%s: not decoded\n", c->name);
		fail();
	}
	CHECK_FIELD(c->name, &got, &c->want, len);
	CHECK_FIELD(c->name, &got, &c->want, size);
	CHECK_FIELD(c->name, &got, &c->want, write);
	CHECK_FIELD(c->name, &got, &c->want, src);
	CHECK_FIELD(c->name, &got, &c->want, reg);
	CHECK_FIELD(c->name, &got, &c->want, high_byte);
	CHECK_FIELD(c->name, &got, &c->want, reg_size);
	CHECK_FIELD(c->name, &got, &c->want, sign_extend);
	CHECK_FIELD(c->name, &got, &c->want, imm);
}

static void test_mov_forms(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		check_case(&good[i]);
	for (size_t i = 0; i < sizeof(extending) / sizeof(extending[0]); i++)
		check_case(&extending[i]);
}

struct refused_case {
	const char *name;
	enum x86_code_mode mode;
	uint8_t bytes[X86_INSN_MAX];
	size_t avail;
};

static const struct refused_case refused[] = {
	{ "mov %eax,%ecx (no memory)", M64, { 0x89, 0xc1 }, 2 },
	{ "add %eax,(%rbx)", M64, { 0x01, 0x03 }, 2 },
	{ "lock mov (invalid)", M64, { 0xf0, 0x89, 0x03 }, 3 },
	{ "rep movsb", M64, { 0xf3, 0xa4 }, 2 },
	{ "movsl", M64, { 0xa5 }, 1 },
	{ "mov $1,(%rax) with /1", M64, { 0xc7, 0x08, 1, 0, 0, 0 }, 6 },
	{ "arpl in 32-bit mode", M32, { 0x63, 0x03 }, 2 },
	{ "16-bit addressing", M32, { 0x67, 0x8b, 0x07 }, 3 },
	{ "16-bit code", X86_CODE_16, { 0x8b, 0x07 }, 2 },
	{ "cut short: disp32", M64, { 0x8b, 0x80, 0x00, 0x00 }, 4 },
	{ "cut short: imm32", M64, { 0xc7, 0x00, 0x01, 0x00 }, 4 },
	{ "cut short: moffs64", M64, { 0xa1, 0, 0, 0, 0 }, 5 },
	{ "sixteen bytes of prefixes", M64,
	  { 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
	    0x66, 0x66, 0x66 }, 15 },
	{ "cmpxchg", M64, { 0x0f, 0xb1, 0x0b }, 3 },
};

static void test_refused(void **state)
{
	struct x86_mmio_insn got;

	(void)state;
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		const struct refused_case *c = &refused[i];

		if (!x86_decode_mmio(c->bytes, c->avail, c->mode, &got)) {
			print_error("%s: decoded (len %u)\n", c->name, got.len);
			fail();
		}
	}
}

/* In 32-bit code 0x40-0x4f are INC and DEC, never a REX */
static void test_no_rex_outside_64(void **state)
{
	static const uint8_t inc_then_mov[] = { 0x48, 0x8b, 0x02 };
	struct x86_mmio_insn got;

	(void)state;
	assert_int_equal(x86_decode_mmio(inc_then_mov, sizeof(inc_then_mov), M32, &got), -1);
}

static void test_register_results(void **state)
{
	const struct x86_mmio_insn ah = extending[3].want, movsbl = extending[0].want;
	const struct x86_mmio_insn movslq = extending[2].want, bh = extending[4].want;
	const struct x86_mmio_insn ax = good[4].want, ecx = good[0].want, rax = good[6].want;
	const struct x86_mmio_insn imm64 = extending[8].want;

	(void)state;
	assert_int_equal(x86_load_result(&ah, 0x1111111111111111ull, 0xab),
			 0x111111111111ab11ull);
	assert_int_equal(x86_load_result(&ax, 0x1111111111111111ull, 0xfffff00d),
			 0x111111111111f00dull);
	assert_int_equal(x86_load_result(&ecx, 0x1111111111111111ull, 0x89abcdef),
			 0x0000000089abcdefull);
	assert_int_equal(x86_load_result(&rax, 0, 0x0123456789abcdefull), 0x0123456789abcdefull);
	assert_int_equal(x86_load_result(&movsbl, 0x1111111111111111ull, 0x80), 0xffffff80ull);
	assert_int_equal(x86_load_result(&movsbl, 0, 0x7f), 0x7f);
	assert_int_equal(x86_load_result(&movslq, 0, 0x80000000u), 0xffffffff80000000ull);
	assert_int_equal(x86_store_value(&bh, 0x1234), 0x12);
	assert_int_equal(x86_store_value(&ax, 0x12345678), 0x5678);
	assert_int_equal(x86_store_value(&imm64, 0), 0xfffffffffffffffeull);
}

/* Made-up guest memory: 64 KiB at guest-physical 0 */
static uint8_t ram[0x10000] __attribute__((aligned(4096)));

static int read_ram(void *ctx, uint64_t gpa, unsigned int size, uint64_t *val)
{
	(void)ctx;
	if (gpa + size > sizeof(ram))
		return -1;
	*val = 0;
	memcpy(val, ram + gpa, size);
	return 0;
}

static void put64(uint64_t gpa, uint64_t v)
{
	memcpy(ram + gpa, &v, 8);
}

static void put32(uint64_t gpa, uint32_t v)
{
	memcpy(ram + gpa, &v, 4);
}

static uint64_t walk(const struct guest_paging *pg, uint64_t linear, bool user)
{
	uint64_t gpa = ~0ull;

	return guest_walk(pg, linear, user, read_ram, NULL, &gpa) ? ~0ull : gpa;
}

static void test_walk_long_mode(void **state)
{
	const struct guest_paging pg = { CR0_PG, 0x1000, CR4_PAE, EFER_LMA | EFER_LME };
	uint64_t va = 0x00007f8040201234ull;	/* indices 255, 1, 1, 1 */

	(void)state;
	memset(ram, 0, sizeof(ram));
	put64(0x1000 + 255 * 8, 0x2000 | PTE_P | PTE_W | PTE_U);
	put64(0x2000 + 1 * 8, 0x3000 | PTE_P | PTE_U);
	put64(0x3000 + 1 * 8, 0x4000 | PTE_P | PTE_U);
	put64(0x4000 + 1 * 8, 0x12345000ull | PTE_P);
	assert_int_equal(walk(&pg, va, false), 0x12345234ull);
	assert_int_equal(walk(&pg, va, true), ~0ull);	/* the PTE has no U */
	put64(0x4000 + 1 * 8, 0);
	assert_int_equal(walk(&pg, va, false), ~0ull);	/* not present */
	/* 2 MiB and 1 GiB pages */
	put64(0x3000 + 1 * 8, 0x40000000ull | PTE_P | PTE_PS | PTE_U);
	assert_int_equal(walk(&pg, va, true), 0x40001234ull);
	put64(0x2000 + 1 * 8, 0x180000000ull | PTE_P | PTE_PS | PTE_U);
	assert_int_equal(walk(&pg, va, true), 0x180201234ull);
	/* A table outside the partition's RAM */
	put64(0x1000 + 255 * 8, 0x100000ull | PTE_P | PTE_U);
	assert_int_equal(walk(&pg, va, false), ~0ull);
}

static void test_walk_pae_32_none(void **state)
{
	const struct guest_paging pae = { CR0_PG, 0x1020, CR4_PAE, 0 };
	const struct guest_paging flat32 = { CR0_PG, 0x5000, 1u << 4, 0 };
	const struct guest_paging off = { 0, 0, 0, 0 };

	(void)state;
	memset(ram, 0, sizeof(ram));
	/* PAE: PDPTE 3 at CR3 (32-byte aligned), PD entry 1, PT entry 2 */
	put64(0x1020 + 3 * 8, 0x2000 | PTE_P);
	put64(0x2000 + 1 * 8, 0x3000 | PTE_P | PTE_U);
	put64(0x3000 + 2 * 8, 0xabcd000ull | PTE_P | PTE_U);
	assert_int_equal(walk(&pae, 0xc0202345u, true), 0xabcd345ull);
	put64(0x2000 + 1 * 8, 0x7e00000ull | PTE_P | PTE_PS);
	assert_int_equal(walk(&pae, 0xc0212345u, false), 0x7e12345ull);
	/* 32-bit: a 4 MiB page with CR4.PSE, else a table */
	put32(0x5000 + 3 * 4, 0x01c00000u | PTE_P | PTE_PS);
	assert_int_equal(walk(&flat32, 0x00c12345u, false), 0x01c12345ull);
	put32(0x5000 + 4 * 4, 0x6000u | PTE_P | PTE_U);
	put32(0x6000 + 5 * 4, 0x00777000u | PTE_P | PTE_U);
	assert_int_equal(walk(&flat32, 0x01005abcu, true), 0x00777abcull);
	/* No paging: linear is physical */
	assert_int_equal(walk(&off, 0x00123456u, true), 0x123456ull);
}

static void test_cr_write_decode(void **state)
{
	static const uint8_t mov_rax_cr0[] = { 0x0f, 0x22, 0xc0 };
	static const uint8_t mov_r9_cr4[] = { 0x41, 0x0f, 0x22, 0xe1 };
	static const uint8_t clts[] = { 0x0f, 0x06 };
	static const uint8_t lmsw[] = { 0x0f, 0x01, 0xf0 };
	struct x86_cr_write w;

	(void)state;
	assert_int_equal(x86_decode_cr_write(mov_rax_cr0, 3, M64, &w), 0);
	assert_true(w.len == 3 && w.cr == 0 && w.gpr == 0 && !w.clts);
	assert_int_equal(x86_decode_cr_write(mov_r9_cr4, 4, M64, &w), 0);
	assert_true(w.len == 4 && w.cr == 4 && w.gpr == 9);
	assert_int_equal(x86_decode_cr_write(clts, 2, M64, &w), 0);
	assert_true(w.len == 2 && w.clts);
	assert_int_equal(x86_decode_cr_write(lmsw, 3, M64, &w), -1);
	assert_int_equal(x86_decode_cr_write(mov_r9_cr4, 4, M32, &w), -1);
}

static void test_cr_rules(void **state)
{
	const uint64_t cr0 = CR0_PE | CR0_PG | CR0_WP;
	const struct x86_cr_state long64 = { cr0, CR4_PAE, EFER_LME | EFER_LMA, true, 0x7ff };
	struct x86_cr_state st = long64;
	bool flush;

	(void)state;
	/* 64-bit code: paging and PAE stay; bits the CPU lacks are #GP */
	assert_int_equal(x86_cr_apply(&st, 0, cr0 & ~(uint64_t)CR0_PG, &flush), -1);
	assert_int_equal(x86_cr_apply(&st, 4, 0, &flush), -1);
	assert_int_equal(x86_cr_apply(&st, 4, CR4_PAE | (1u << 13), &flush), -1);
	assert_int_equal(x86_cr_apply(&st, 0, cr0 | (1ull << 32), &flush), -1);
	assert_memory_equal(&st, &long64, sizeof(st));
	/* Allowed: PGE on (a flush), WP off */
	assert_int_equal(x86_cr_apply(&st, 4, CR4_PAE | CR4_PGE, &flush), 0);
	assert_true(flush && st.cr4 == (CR4_PAE | CR4_PGE));
	assert_int_equal(x86_cr_apply(&st, 0, cr0 & ~(uint64_t)CR0_WP, &flush), 0);
	assert_true(flush && st.cr0 == (cr0 & ~(uint64_t)CR0_WP));
	/* Compatibility-mode code leaves long mode, and enters it again */
	st = long64;
	st.cs_long = false;
	assert_int_equal(x86_cr_apply(&st, 0, CR0_PE, &flush), 0);
	assert_true(flush && st.efer == EFER_LME);
	assert_int_equal(x86_cr_apply(&st, 0, cr0, &flush), 0);
	assert_true(st.efer == (EFER_LME | EFER_LMA));
	/* Long mode needs PAE; paging needs protection */
	st = (struct x86_cr_state){ CR0_PE, 0, EFER_LME, false, 0x7ff };
	assert_int_equal(x86_cr_apply(&st, 0, cr0, &flush), -1);
	assert_int_equal(x86_cr_apply(&st, 0, CR0_PG, &flush), -1);
	assert_int_equal(x86_cr_apply(&st, 3, 0, &flush), -1);
}

/* CR4's feature bits as CPUID offers them */
static void test_cr4_allowed(void **state)
{
	const uint32_t none[4] = { 0 };
	const uint32_t xsave_pcid[4] = { 0, 0, (1u << 26) | (1u << 17), 0 };
	const uint32_t smep_smap_fsgs_umip[4] = { 0, (1u << 7) | (1u << 20) | 1u, 1u << 2, 0 };

	(void)state;
	assert_int_equal(x86_cr4_allowed(none, none), 0x7ff);
	assert_int_equal(x86_cr4_allowed(xsave_pcid, none), 0x7ff | (1u << 18) | (1u << 17));
	assert_int_equal(x86_cr4_allowed(none, smep_smap_fsgs_umip),
			 0x7ff | (1u << 20) | (1u << 21) | (1u << 16) | (1u << 11));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mov_forms),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_no_rex_outside_64),
		cmocka_unit_test(test_register_results),
		cmocka_unit_test(test_walk_long_mode),
		cmocka_unit_test(test_walk_pae_32_none),
		cmocka_unit_test(test_cr_write_decode),
		cmocka_unit_test(test_cr_rules),
		cmocka_unit_test(test_cr4_allowed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
