// SPDX-License-Identifier: MIT
/*
 * Host tests of the Book E storage trap decision (ports/ppc-booke/
 * storage.c) on a small partition (RAM, a read-only region, an emulated
 * UART, a passed-through 36-bit device, a hole) and a guest TLB1 over
 * it: every outcome, each access size through the emulated window with
 * its value and writeback, the guest's own misses and storage interrupts
 * as its MMU would take them, and guest entries aimed past the
 * partition, which give a fault and never a mapping; what an access to
 * a window finds for the next ones through its page, and how those are
 * decided from it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <asm/storage.h>

static struct partition part;
static struct booke_vcpu v;
static struct guest_tlb tlb;
static struct booke_storage out;
static struct vm_exit ex;

#define RAM_PA		0x20000000ull		/* 16 MiB at guest-physical 0 */
#define ROM_GPA		0x02000000ull		/* 1 MiB, read-only */
#define UART_GPA	0x03000000ull		/* emulated, 4 KiB */
#define DEV_GPA		0xfe0000000ull		/* passed through, 36-bit */
#define EMUL36_GPA	0xff0000000ull		/* emulated, 36-bit */
#define HOLE_GPA	0x08000000ull		/* nothing */
#define OTHER_PA	0x28000000ull		/* another partition's RAM */

/* The guest's effective addresses for them */
#define RAM_EA		0xc0000000u
#define ROM_EA		0xd0000000u
#define UART_EA		0xe0000000u
#define DEV_EA		0xe1000000u
#define HOLE_EA		0xe2000000u
#define EMUL36_EA	0xe3000000u
#define UART_LE_EA	0xe4000000u		/* the UART again, little-endian page */
#define OTHER_EA	0xe5000000u
#define USER_EA		0x10000000u		/* the UART for the guest's user mode */
#define SMALL_GPA	0x03002000ull		/* a page with an emulated window in its middle */
#define SMALL_EA	0xe6000000u
#define UART_RO_EA	0xe7000000u		/* the UART again, read-only for the guest */

#define PC		0xc0001000u
#define SUPER_RWX	(MAS3_SR | MAS3_SW | MAS3_SX)

static void add(gpaddr_t gpa, paddr_t pa, uint64_t size, unsigned int flags)
{
	struct guest_region r = { .gpa = gpa, .pa = pa, .size = size, .flags = flags };

	assert_int_equal(guest_region_insert(&part, &r), 0);
}

static void guest_entry(unsigned int i, unsigned int tsize, uint32_t epn, gpaddr_t rpn,
			uint32_t perms, uint32_t wimge)
{
	tlb.tlb1[i] = (struct gtlb_entry){
		.mas1 = MAS1_V | MAS1_TSIZE(tsize),
		.mas2 = epn | wimge,
		.mas3 = ((uint32_t)rpn & MAS3_RPN_MASK) | perms,
		.mas7 = (uint32_t)(rpn >> 32),
	};
}

static int setup(void **state)
{
	(void)state;
	memset(&part, 0, sizeof(part));
	part.id = 1;
	add(0, RAM_PA, 0x1000000, GUEST_RAM | PT_RWX);
	add(ROM_GPA, 0x30000000, 0x100000, GUEST_SHARED | PT_READ);
	add(UART_GPA, 0, 0x1000, GUEST_EMULATED | PT_RW | PT_DEVICE);
	add(DEV_GPA, 0xfe0000000ull, 0x100000, GUEST_DEVICE | PT_RW | PT_DEVICE);
	add(EMUL36_GPA, 0, 0x1000, GUEST_EMULATED | PT_RW | PT_DEVICE);
	add(SMALL_GPA + 0x800, 0, 0x100, GUEST_EMULATED | PT_RW | PT_DEVICE);

	booke_vcpu_reset(&v, &e500mc_core, 0, 0, 0);
	gtlb_init(&tlb, &e500mc_mmu);
	guest_entry(0, TSIZE_16M, RAM_EA, 0, SUPER_RWX, 0);
	guest_entry(1, TSIZE_1M, ROM_EA, ROM_GPA, SUPER_RWX, 0);
	guest_entry(2, TSIZE_4K, UART_EA, UART_GPA, MAS3_SR | MAS3_SW, MAS2_I | MAS2_G);
	guest_entry(3, TSIZE_1M, DEV_EA, DEV_GPA, SUPER_RWX, MAS2_I | MAS2_G);
	guest_entry(4, TSIZE_1M, HOLE_EA, HOLE_GPA, MAS3_SR | MAS3_SW, 0);
	guest_entry(5, TSIZE_4K, EMUL36_EA, EMUL36_GPA, MAS3_SR | MAS3_SW, MAS2_I | MAS2_G);
	guest_entry(6, TSIZE_4K, UART_LE_EA, UART_GPA, MAS3_SR | MAS3_SW, MAS2_I | MAS2_E);
	guest_entry(7, TSIZE_16M, OTHER_EA, OTHER_PA, SUPER_RWX, 0);
	guest_entry(8, TSIZE_4K, USER_EA, UART_GPA, MAS3_UR | MAS3_UW, MAS2_I | MAS2_G);
	guest_entry(9, TSIZE_4K, SMALL_EA, SMALL_GPA, MAS3_SR | MAS3_SW, MAS2_I | MAS2_G);
	guest_entry(10, TSIZE_4K, UART_RO_EA, UART_GPA, MAS3_SR, MAS2_I | MAS2_G);
	for (unsigned int i = 0; i < BOOKE_NR_IVOR; i++)
		v.ivor[i] = i * 0x20;
	v.ivpr = 0xc0000000;
	v.pc = PC;
	return 0;
}

/* Instruction words: D-form by primary opcode, X-form under opcode 31 */
#define DFORM(op, rt, ra, d)	(((op) << 26) | ((rt) << 21) | ((ra) << 16) | ((d) & 0xffff))
#define XFORM(xo, rt, ra, rb) \
	((31u << 26) | ((rt) << 21) | ((ra) << 16) | ((rb) << 11) | ((xo) << 1))
#define LWZ(rt, d, ra)		DFORM(32u, rt, ra, d)
#define LWZU(rt, d, ra)		DFORM(33u, rt, ra, d)
#define LBZ(rt, d, ra)		DFORM(34u, rt, ra, d)
#define STW(rs, d, ra)		DFORM(36u, rs, ra, d)
#define STWU(rs, d, ra)		DFORM(37u, rs, ra, d)
#define STB(rs, d, ra)		DFORM(38u, rs, ra, d)
#define LHZ(rt, d, ra)		DFORM(40u, rt, ra, d)
#define LHA(rt, d, ra)		DFORM(42u, rt, ra, d)
#define STH(rs, d, ra)		DFORM(44u, rs, ra, d)
#define LMW(rt, d, ra)		DFORM(46u, rt, ra, d)
#define LWZUX(rt, ra, rb)	XFORM(55u, rt, ra, rb)
#define LWBRX(rt, ra, rb)	XFORM(534u, rt, ra, rb)
#define STWBRX(rs, ra, rb)	XFORM(662u, rs, ra, rb)
#define LHBRX(rt, ra, rb)	XFORM(790u, rt, ra, rb)
#define LWARX(rt, ra, rb)	XFORM(20u, rt, ra, rb)
#define DCBZ(ra, rb)		XFORM(1014u, 0, ra, rb)
#define DCBF(ra, rb)		XFORM(86u, 0, ra, rb)

static enum booke_storage_outcome trap(enum booke_storage_kind kind, uint32_t dear,
				       uint32_t esr, uint32_t insn)
{
	struct booke_storage_trap t = { .kind = kind, .dear = dear, .esr = esr, .insn = insn };

	memset(&out, 0xa5, sizeof(out));
	out.mmio.decoded = false;	/* as for a vCPU's first access */
	memset(&ex, 0, sizeof(ex));
	return booke_storage(&part, &v, &tlb, &t, &out, &ex);
}

/* A data TLB miss at @dear by @insn after the last one, whose @out it keeps */
static enum booke_storage_outcome again(uint32_t dear, uint32_t esr, uint32_t insn)
{
	struct booke_storage_trap t = { STORAGE_DTLB_MISS, dear, esr, insn };

	v.pc = PC;
	memset(&ex, 0, sizeof(ex));
	return booke_storage(&part, &v, &tlb, &t, &out, &ex);
}

/* A data TLB miss at r4 + @d by @insn, r4 = @base */
static enum booke_storage_outcome data(uint32_t base, int16_t d, uint32_t insn, bool store)
{
	v.gpr[4] = base;
	return trap(STORAGE_DTLB_MISS, base + (uint32_t)(int32_t)d, store ? ESR_ST : 0, insn);
}

static void assert_mmio(gpaddr_t addr, unsigned int size, bool write, uint64_t value)
{
	assert_int_equal(out.outcome, STORAGE_EXIT);
	assert_int_equal(ex.kind, EXIT_MMIO);
	assert_int_equal(ex.pc, PC);
	assert_int_equal(ex.mmio.addr, addr);
	assert_int_equal(ex.mmio.size, size);
	assert_int_equal(ex.mmio.write, write);
	assert_int_equal(ex.mmio.value, value);
	assert_int_equal(v.pc, PC);
}

/* The core answers the load with @value; what lands in rT */
static uint32_t answer(uint64_t value)
{
	ex.mmio.value = value;
	booke_mmio_complete(&v, &out.mmio, &ex);
	assert_int_equal(v.pc, PC + 4);
	return v.gpr[3];
}

static void assert_fault(enum fault_kind kind, gpaddr_t addr, const char *detail)
{
	assert_int_equal(out.outcome, STORAGE_EXIT);
	assert_int_equal(ex.kind, EXIT_FAULT);
	assert_int_equal(ex.pc, PC);
	assert_int_equal(ex.fault.kind, kind);
	assert_int_equal(ex.fault.addr, addr);
	assert_string_equal(ex.fault.detail, detail);
	assert_int_equal(v.pc, PC);
}

static void test_loads_each_size(void **state)
{
	(void)state;
	data(UART_EA, 0x10, LBZ(3, 0x10, 4), false);
	assert_mmio(UART_GPA + 0x10, 1, false, 0);
	assert_int_equal(answer(0xab), 0xab);

	v.pc = PC;
	data(UART_EA, 0x12, LHZ(3, 0x12, 4), false);
	assert_mmio(UART_GPA + 0x12, 2, false, 0);
	assert_int_equal(answer(0x8001), 0x8001);

	v.pc = PC;
	data(UART_EA, 0x14, LWZ(3, 0x14, 4), false);
	assert_mmio(UART_GPA + 0x14, 4, false, 0);
	assert_int_equal(answer(0x11223344), 0x11223344);
	/* rA without update stays */
	assert_int_equal(v.gpr[4], UART_EA);
}

static void test_stores_each_size(void **state)
{
	(void)state;
	v.gpr[5] = 0x11223344;
	data(UART_EA, 0x20, STB(5, 0x20, 4), true);
	assert_mmio(UART_GPA + 0x20, 1, true, 0x44);
	data(UART_EA, 0x22, STH(5, 0x22, 4), true);
	assert_mmio(UART_GPA + 0x22, 2, true, 0x3344);
	data(UART_EA, 0x24, STW(5, 0x24, 4), true);
	assert_mmio(UART_GPA + 0x24, 4, true, 0x11223344);
	/* A store's completion leaves rS alone and moves on */
	v.gpr[3] = 0x5a5a;
	assert_int_equal(answer(0), 0x5a5a);
	assert_int_equal(v.gpr[5], 0x11223344);
}

static void test_lha_sign_extends(void **state)
{
	(void)state;
	data(UART_EA, 2, LHA(3, 2, 4), false);
	assert_mmio(UART_GPA + 2, 2, false, 0);
	assert_int_equal(answer(0x8001), 0xffff8001);
	v.pc = PC;
	data(UART_EA, 2, LHA(3, 2, 4), false);
	assert_int_equal(answer(0x7001), 0x7001);
}

static void test_byte_reversed(void **state)
{
	(void)state;
	v.gpr[5] = 8;
	v.gpr[4] = UART_EA;
	trap(STORAGE_DTLB_MISS, UART_EA + 8, 0, LWBRX(3, 4, 5));
	assert_mmio(UART_GPA + 8, 4, false, 0);
	assert_int_equal(answer(0x11223344), 0x44332211);

	v.pc = PC;
	trap(STORAGE_DTLB_MISS, UART_EA + 8, 0, LHBRX(3, 4, 5));
	assert_int_equal(answer(0x1280), 0x8012);

	v.pc = PC;
	v.gpr[6] = 0xa1b2c3d4;
	trap(STORAGE_DTLB_MISS, UART_EA + 8, ESR_ST, STWBRX(6, 4, 5));
	assert_mmio(UART_GPA + 8, 4, true, 0xd4c3b2a1);
}

static void test_little_endian_page(void **state)
{
	(void)state;
	/* MAS2[E]: a plain access is byte-reversed, a byte-reversed one plain */
	data(UART_LE_EA, 4, LWZ(3, 4, 4), false);
	assert_mmio(UART_GPA + 4, 4, false, 0);
	assert_int_equal(answer(0x11223344), 0x44332211);

	v.pc = PC;
	v.gpr[5] = 4;
	trap(STORAGE_DTLB_MISS, UART_LE_EA + 4, 0, LWBRX(3, 4, 5));
	assert_int_equal(answer(0x11223344), 0x11223344);
}

static void test_update_forms(void **state)
{
	(void)state;
	data(UART_EA, 8, LWZU(3, 8, 4), false);
	assert_mmio(UART_GPA + 8, 4, false, 0);
	assert_int_equal(answer(0xcafe), 0xcafe);
	assert_int_equal(v.gpr[4], UART_EA + 8);

	v.pc = PC;
	v.gpr[5] = 0x77;
	data(UART_EA, 0xc, STWU(5, 0xc, 4), true);
	assert_mmio(UART_GPA + 0xc, 4, true, 0x77);
	answer(0);
	assert_int_equal(v.gpr[4], UART_EA + 0xc);

	v.pc = PC;
	v.gpr[4] = UART_EA;
	v.gpr[6] = 0x30;
	trap(STORAGE_DTLB_MISS, UART_EA + 0x30, 0, LWZUX(3, 4, 6));
	assert_int_equal(answer(1), 1);
	assert_int_equal(v.gpr[4], UART_EA + 0x30);
}

static void test_ram_mapped(void **state)
{
	(void)state;
	/* A store to RAM, taken as a miss or (a stale shadow entry) a DSI */
	assert_int_equal(data(RAM_EA, 0x100, STW(5, 0x100, 4), true), STORAGE_MAP);
	assert_int_equal(out.map.mas3 & MAS3_RPN_MASK, RAM_PA);
	assert_true(out.map.mas3 & MAS3_UW);
	assert_int_equal(out.map.mas2 & MAS2_EPN_MASK, RAM_EA);
	assert_int_equal(trap(STORAGE_DSI, RAM_EA + 0x100, ESR_ST, 0), STORAGE_MAP);
	assert_int_equal(ex.kind, EXIT_NONE);
	assert_int_equal(v.pc, PC);
	/* The guest's instruction is not read for memory */
	assert_int_equal(trap(STORAGE_ITLB_MISS, 0, 0, 0), STORAGE_MAP);
	assert_true(out.map.mas3 & MAS3_UX);
}

static void test_store_to_read_only(void **state)
{
	(void)state;
	assert_int_equal(data(ROM_EA, 0x100, LWZ(3, 0x100, 4), false), STORAGE_MAP);
	data(ROM_EA, 0x100, STW(5, 0x100, 4), true);
	assert_fault(FAULT_UNMAPPED_ACCESS, ROM_GPA + 0x100, "write to a read-only region");
	assert_int_equal(ex.syndrome, ESR_ST);
}

static void test_fetch_from_device(void **state)
{
	(void)state;
	v.pc = DEV_EA + 0x40;
	trap(STORAGE_ITLB_MISS, 0, 0, 0);
	assert_int_equal(ex.kind, EXIT_FAULT);
	assert_int_equal(ex.fault.kind, FAULT_INSTRUCTION_FETCH);
	assert_int_equal(ex.fault.addr, DEV_GPA + 0x40);
	assert_int_equal(ex.pc, DEV_EA + 0x40);
	assert_string_equal(ex.fault.detail, "execute not allowed there");

	/* Without SX in the guest's own entry: the guest's ISI */
	v.pc = UART_EA;
	assert_int_equal(trap(STORAGE_ITLB_MISS, 0, 0, 0), STORAGE_REFLECTED);
	assert_int_equal(out.exc, BOOKE_EXC_ISI);
	assert_int_equal(v.srr0, UART_EA);
	assert_int_equal(v.pc, 0xc0000000 + BOOKE_EXC_ISI * 0x20);

	/* The guest's own entry lets it execute the UART's page: the region does not */
	tlb.tlb1[2].mas3 |= MAS3_SX;
	v.pc = UART_EA;
	trap(STORAGE_ISI, 0, 0, 0);
	assert_int_equal(ex.fault.kind, FAULT_INSTRUCTION_FETCH);
	assert_string_equal(ex.fault.detail, "instruction fetch from an emulated device");
	assert_int_equal(ex.fault.addr, UART_GPA);
}

static void test_36bit(void **state)
{
	(void)state;
	assert_int_equal(data(DEV_EA, 0x10, LWZ(3, 0x10, 4), false), STORAGE_MAP);
	assert_int_equal(out.map.mas7, 0xf);
	assert_int_equal(out.map.mas3 & MAS3_RPN_MASK, 0xe0000000);
	assert_true(out.map.mas2 & MAS2_I);

	data(EMUL36_EA, 0x20, LWZ(3, 0x20, 4), false);
	assert_mmio(EMUL36_GPA + 0x20, 4, false, 0);
}

static void test_user_on_supervisor_page(void **state)
{
	uint32_t msr = MSR_PR | MSR_EE | MSR_DS | MSR_IS;

	(void)state;
	/* The UART page is the guest kernel's only: its user gets a DSI */
	v.msr = msr;
	tlb.tlb1[2].mas1 |= MAS1_TS;
	data(UART_EA, 4, STW(5, 4, 4), true);
	assert_int_equal(out.outcome, STORAGE_REFLECTED);
	assert_int_equal(out.exc, BOOKE_EXC_DSI);
	assert_int_equal(v.srr0, PC);
	assert_int_equal(v.srr1, msr);
	assert_int_equal(v.pc, 0xc0000000 + BOOKE_EXC_DSI * 0x20);
	assert_int_equal(v.esr, ESR_ST);
	assert_int_equal(v.dear, UART_EA + 4);
	assert_int_equal(v.msr, 0);

	/* Its own user page over the same window is emulated */
	v.msr = msr;
	v.pc = PC;
	tlb.tlb1[8].mas1 |= MAS1_TS;
	data(USER_EA, 4, LWZ(3, 4, 4), false);
	assert_mmio(UART_GPA + 4, 4, false, 0);
}

/* Through @w: the trap booke_storage() would have decided */
static enum booke_storage_outcome window_trap(const struct booke_window *w, uint32_t dear,
					      uint32_t esr, uint32_t insn)
{
	struct booke_storage_trap t = { STORAGE_DTLB_MISS, dear, esr, insn };

	memset(&out, 0xa5, sizeof(out));
	out.mmio.decoded = false;
	memset(&ex, 0, sizeof(ex));
	return booke_storage_window(&v, w, &t, &out, &ex);
}

static void test_window_found(void **state)
{
	(void)state;
	data(UART_EA, 0x10, LBZ(3, 0x10, 4), false);
	assert_int_equal(out.window.gpa, UART_GPA);
	assert_int_equal(out.window.first, 0);
	assert_int_equal(out.window.last, 0xfff);
	assert_int_equal(out.window.perms, MAS3_UR | MAS3_UW);
	assert_false(out.window.little_endian);
	assert_int_equal(out.map.tag.partition, 1);

	data(UART_LE_EA, 0x10, LBZ(3, 0x10, 4), false);
	assert_true(out.window.little_endian);
	data(UART_RO_EA, 0x10, LBZ(3, 0x10, 4), false);
	assert_int_equal(out.window.perms, MAS3_UR);

	/* Only the window's part of its page */
	data(SMALL_EA, 0x810, LBZ(3, 0x810, 4), false);
	assert_mmio(SMALL_GPA + 0x810, 1, false, 0);
	assert_int_equal(out.window.gpa, SMALL_GPA);
	assert_int_equal(out.window.first, 0x800);
	assert_int_equal(out.window.last, 0x8ff);
	assert_false(booke_window_covers(&out.window, SMALL_EA + 0x7ff));
	assert_true(booke_window_covers(&out.window, SMALL_EA + 0x800));
	assert_true(booke_window_covers(&out.window, SMALL_EA + 0x8ff));
	assert_false(booke_window_covers(&out.window, SMALL_EA + 0x900));
}

static void test_window_decides_alike(void **state)
{
	struct booke_window w;

	(void)state;
	data(UART_EA, 0x10, LBZ(3, 0x10, 4), false);
	w = out.window;
	v.gpr[5] = 0x11223344;
	assert_int_equal(window_trap(&w, UART_EA + 0x24, ESR_ST, STW(5, 0x24, 4)), STORAGE_EXIT);
	assert_mmio(UART_GPA + 0x24, 4, true, 0x11223344);
	assert_int_equal(window_trap(&w, UART_EA + 0x12, 0, LHZ(3, 0x12, 4)), STORAGE_EXIT);
	assert_mmio(UART_GPA + 0x12, 2, false, 0);
	assert_int_equal(answer(0x8001), 0x8001);

	/* The page's byte order, and no instruction but the access at DEAR */
	v.pc = PC;
	data(UART_LE_EA, 4, LWZ(3, 4, 4), false);
	w = out.window;
	window_trap(&w, UART_LE_EA + 8, 0, LWZ(3, 8, 4));
	assert_mmio(UART_GPA + 8, 4, false, 0);
	assert_int_equal(answer(0x11223344), 0x44332211);
	v.pc = PC;
	window_trap(&w, UART_LE_EA + 8, 0, LWZ(3, 12, 4));
	assert_fault(FAULT_UNDECODABLE_ACCESS, UART_GPA + 8, "instruction's address is not DEAR");
}

/* The last access's decoded instruction serves the next for the same word and byte order */
static void test_decoded_again(void **state)
{
	(void)state;
	v.gpr[4] = UART_EA;
	data(UART_EA, 4, LWZ(3, 4, 4), false);
	assert_int_equal(answer(0x11223344), 0x11223344);
	v.gpr[4] = UART_LE_EA;
	again(UART_LE_EA + 4, 0, LWZ(3, 4, 4));
	assert_mmio(UART_GPA + 4, 4, false, 0);
	assert_int_equal(answer(0x11223344), 0x44332211);
	v.gpr[4] = UART_EA;
	again(UART_EA + 4, 0, LWZ(3, 4, 4));
	assert_int_equal(answer(0x11223344), 0x11223344);
	again(UART_EA + 4, 0, LBZ(3, 4, 4));
	assert_mmio(UART_GPA + 4, 1, false, 0);
	v.gpr[5] = 0x55;
	again(UART_EA + 4, ESR_ST, STB(5, 4, 4));
	assert_mmio(UART_GPA + 4, 1, true, 0x55);
	/* Not a load or store: nothing kept, the next one decoded anew */
	again(UART_EA, 0, DCBF(4, 0));
	assert_int_equal(out.outcome, STORAGE_SKIPPED);
	again(UART_EA + 4, ESR_ST, STB(5, 4, 4));
	assert_mmio(UART_GPA + 4, 1, true, 0x55);
}

static void test_window_denied(void **state)
{
	struct booke_window w;

	(void)state;
	data(UART_RO_EA, 4, LWZ(3, 4, 4), false);
	w = out.window;
	assert_int_equal(window_trap(&w, UART_RO_EA + 4, ESR_ST, STW(5, 4, 4)), STORAGE_REFLECTED);
	assert_int_equal(out.exc, BOOKE_EXC_DSI);
	assert_int_equal(v.srr0, PC);
	assert_int_equal(v.esr, ESR_ST);
	assert_int_equal(v.dear, UART_RO_EA + 4);
}

static void test_miss_reflected(void **state)
{
	(void)state;
	/* Linux's defaults: TLB1, TID from PID0, 1 MiB, caching inhibited and guarded */
	tlb.mas.mas4 = MAS0_TLBSEL(1) | MAS1_TSIZE(TSIZE_1M) | MAS2_I | MAS2_G;
	tlb.pid[0] = 7;
	/* Address space 1: no entry there, though RAM_EA has one in AS 0 */
	v.msr = MSR_DS;
	data(RAM_EA, 0x44, STW(5, 0x44, 4), true);
	assert_int_equal(out.outcome, STORAGE_REFLECTED);
	assert_int_equal(out.exc, BOOKE_EXC_DTLB);
	assert_int_equal(v.pc, 0xc0000000 + BOOKE_EXC_DTLB * 0x20);
	assert_int_equal(v.srr0, PC);
	assert_int_equal(v.esr, ESR_ST);
	assert_int_equal(v.dear, RAM_EA + 0x44);
	assert_int_equal(tlb.mas.mas0, MAS0_TLBSEL(1));
	assert_int_equal(tlb.mas.mas1, MAS1_V | MAS1_TS | MAS1_TID(7) | MAS1_TSIZE(TSIZE_1M));
	assert_int_equal(tlb.mas.mas2, RAM_EA | MAS2_I | MAS2_G);
	assert_int_equal(tlb.mas.mas3, 0);
	assert_int_equal(tlb.mas.mas6, (7u << MAS6_SPID_SHIFT) | MAS6_SAS);

	/* An instruction miss: SRR0 is the address, ESR and DEAR stay */
	v.msr = 0;
	v.pc = 0x50000000;
	trap(STORAGE_ITLB_MISS, 0, 0, 0);
	assert_int_equal(out.exc, BOOKE_EXC_ITLB);
	assert_int_equal(v.srr0, 0x50000000);
	assert_int_equal(v.esr, ESR_ST);
	assert_int_equal(tlb.mas.mas1, MAS1_V | MAS1_TID(7) | MAS1_TSIZE(TSIZE_1M));
	assert_int_equal(tlb.mas.mas2, 0x50000000 | MAS2_I | MAS2_G);
}

static void test_outside_partition(void **state)
{
	(void)state;
	/* Every page of a guest entry over another partition's RAM */
	for (uint32_t off = 0; off < 0x1000000; off += 0x1000) {
		v.pc = PC;
		assert_int_equal(data(OTHER_EA, 0, LWZ(3, 0, 4), false), STORAGE_EXIT);
		v.gpr[4] = OTHER_EA + off;
		trap(STORAGE_DTLB_MISS, OTHER_EA + off, ESR_ST, STW(3, 0, 4));
		assert_fault(FAULT_UNMAPPED_ACCESS, OTHER_PA + off,
			     "nothing of the partition's there");
	}
	v.pc = OTHER_EA;
	assert_int_equal(trap(STORAGE_ITLB_MISS, 0, 0, 0), STORAGE_EXIT);
	assert_int_equal(ex.fault.kind, FAULT_INSTRUCTION_FETCH);

	v.pc = PC;
	data(HOLE_EA, 0x10, LWZ(3, 0x10, 4), false);
	assert_fault(FAULT_UNMAPPED_ACCESS, HOLE_GPA + 0x10, "nothing of the partition's there");
}

static void test_refused_on_device(void **state)
{
	(void)state;
	data(UART_EA, 0, LMW(28, 0, 4), false);
	assert_fault(FAULT_UNDECODABLE_ACCESS, UART_GPA, "lmw/stmw");
	v.gpr[5] = 0;
	trap(STORAGE_DTLB_MISS, UART_EA, 0, LWARX(3, 4, 5));
	assert_fault(FAULT_UNDECODABLE_ACCESS, UART_GPA, "lwarx/stwcx.");
	trap(STORAGE_DTLB_MISS, UART_EA, ESR_ST, DCBZ(4, 5));
	assert_fault(FAULT_UNDECODABLE_ACCESS, UART_GPA, "dcbz on an emulated device");
	trap(STORAGE_DTLB_MISS, UART_EA, 0, 0);
	assert_fault(FAULT_UNDECODABLE_ACCESS, UART_GPA, "not a load or store");
	/* An instruction that is not the access that trapped */
	data(UART_EA, 8, LWZ(3, 4, 4), false);
	assert_fault(FAULT_UNDECODABLE_ACCESS, UART_GPA + 8, "instruction's address is not DEAR");
	data(UART_EA, 4, LWZ(3, 4, 4), true);
	assert_fault(FAULT_UNDECODABLE_ACCESS, UART_GPA + 4,
		     "instruction's direction is not ESR[ST]");

	/* Cache maintenance: nothing is cached there, the guest moves on */
	assert_int_equal(trap(STORAGE_DTLB_MISS, UART_EA, 0, DCBF(4, 5)), STORAGE_SKIPPED);
	assert_int_equal(v.pc, PC + 4);
}

static void test_cache_locking(void **state)
{
	(void)state;
	v.msr = MSR_PR;
	trap(STORAGE_DSI, RAM_EA, ESR_DLK, 0);
	assert_int_equal(out.outcome, STORAGE_REFLECTED);
	assert_int_equal(out.exc, BOOKE_EXC_DSI);
	assert_int_equal(v.esr, ESR_DLK);

	v.msr = 0;
	v.pc = PC;
	trap(STORAGE_DSI, RAM_EA, ESR_DLK, 0);
	assert_fault(FAULT_TRAPPED_INSTRUCTION, RAM_EA, "cache locking instruction");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_loads_each_size, setup),
		cmocka_unit_test_setup(test_stores_each_size, setup),
		cmocka_unit_test_setup(test_lha_sign_extends, setup),
		cmocka_unit_test_setup(test_byte_reversed, setup),
		cmocka_unit_test_setup(test_little_endian_page, setup),
		cmocka_unit_test_setup(test_update_forms, setup),
		cmocka_unit_test_setup(test_ram_mapped, setup),
		cmocka_unit_test_setup(test_store_to_read_only, setup),
		cmocka_unit_test_setup(test_fetch_from_device, setup),
		cmocka_unit_test_setup(test_36bit, setup),
		cmocka_unit_test_setup(test_user_on_supervisor_page, setup),
		cmocka_unit_test_setup(test_window_found, setup),
		cmocka_unit_test_setup(test_window_decides_alike, setup),
		cmocka_unit_test_setup(test_window_denied, setup),
		cmocka_unit_test_setup(test_decoded_again, setup),
		cmocka_unit_test_setup(test_miss_reflected, setup),
		cmocka_unit_test_setup(test_outside_partition, setup),
		cmocka_unit_test_setup(test_refused_on_device, setup),
		cmocka_unit_test_setup(test_cache_locking, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
