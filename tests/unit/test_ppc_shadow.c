// SPDX-License-Identifier: MIT
/*
 * Host tests of the e500 shadow TLB entries (ports/ppc-booke/shadow_tlb.c):
 * a big guest page over small regions gives pages no bigger than the
 * region and never past it, holes and other partitions' memory give
 * nothing, emulated windows are reported for emulation, device memory
 * is forced caching-inhibited and guarded, and the guest's supervisor
 * and user permissions become user permissions tagged apart.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <asm/shadow_tlb.h>

static struct partition part;

#define RAM_PA		0x20000000ull		/* 16 MiB at guest-physical 0 */
#define OTHER_PA	0x28000000ull		/* another partition's RAM */
#define SHM_GPA		0x02000000ull		/* 1 MiB, read-only here */
#define EMUL_GPA	0x03000000ull		/* an emulated UART */
#define CCSR_GPA	0xfe0000000ull		/* a passed-through device, 36-bit */

static void add(gpaddr_t gpa, paddr_t pa, uint64_t size, unsigned int flags)
{
	struct guest_region r = { .gpa = gpa, .pa = pa, .size = size, .flags = flags };

	assert_int_equal(guest_region_insert(&part, &r), 0);
}

static int setup(void **state)
{
	(void)state;
	memset(&part, 0, sizeof(part));
	part.id = 1;
	add(0, RAM_PA, 0x1000000, GUEST_RAM | PT_RWX);
	add(SHM_GPA, 0x30000000, 0x100000, GUEST_SHARED | PT_READ);
	add(EMUL_GPA, 0, 0x1000, GUEST_EMULATED | PT_RW | PT_DEVICE);
	add(CCSR_GPA, 0xfe0000000ull, 0x100000, GUEST_DEVICE | PT_RW | PT_DEVICE);
	return 0;
}

static struct gtlb_entry guest_entry(unsigned int tsize, uint32_t epn, gpaddr_t rpn,
				     uint32_t perms, uint32_t wimge, unsigned int tid)
{
	return (struct gtlb_entry){
		.mas1 = MAS1_V | MAS1_TID(tid) | MAS1_TSIZE(tsize),
		.mas2 = epn | wimge,
		.mas3 = ((uint32_t)rpn & MAS3_RPN_MASK) | perms,
		.mas7 = (uint32_t)(rpn >> 32),
	};
}

/* The guest kernel (PR=0, AS=0, PID0 3) accessing @ea through @ge */
static int make(const struct gtlb_entry *ge, uint32_t ea, enum shadow_access acc,
		unsigned int pr, struct shadow_tlbe *s)
{
	struct shadow_fault f = {
		.ea = ea, .access = acc, .guest_as = 0, .guest_pr = pr, .guest_pid0 = 3,
	};

	memset(s, 0xa5, sizeof(*s));
	return shadow_tlb_make(&part, &e500mc_mmu, ge, &f, e500mc_mmu.tlb[1].max_tsize, s);
}

static paddr_t shadow_pa(const struct shadow_tlbe *s)
{
	return ((paddr_t)s->mas7 << 32) | (s->mas3 & MAS3_RPN_MASK);
}

/* @s maps [ea page, +size) to [pa, +size) inside @r, all aligned to size */
static void assert_inside(const struct shadow_tlbe *s, uint32_t ea, const struct guest_region *r)
{
	uint32_t epn = s->mas2 & MAS2_EPN_MASK;
	gpaddr_t gbase = s->gpa & ~(s->size - 1);

	assert_int_equal(s->mas1 & MAS1_TSIZE_MASK, MAS1_TSIZE(__builtin_ctzll(s->size) / 2 - 5));
	assert_true(ea - epn < s->size);
	assert_true(IS_ALIGNED(epn, s->size));
	assert_true(IS_ALIGNED(shadow_pa(s), s->size));
	assert_true(range_contains(r->gpa, r->size, gbase, s->size));
	assert_int_equal(shadow_pa(s), r->pa + (gbase - r->gpa));
}

/* Reads every @step in [@from, @to) through @ge map pages of @size inside @r */
static void assert_pages(const struct gtlb_entry *ge, uint32_t from, uint32_t to, uint32_t step,
			 uint64_t size, const struct guest_region *r)
{
	struct shadow_tlbe s;

	for (uint32_t ea = from; ea < to; ea += step) {
		assert_int_equal(make(ge, ea, SHADOW_READ, 0, &s), SHADOW_MAPPED);
		assert_int_equal(s.size, size);
		assert_inside(&s, ea, r);
	}
}

static void test_big_page_clipped_to_region(void **state)
{
	/* The guest maps 64 MiB of guest-physical space at 0xc0000000 */
	struct gtlb_entry ge = guest_entry(TSIZE_64M, 0xc0000000, 0,
					   MAS3_SR | MAS3_SW | MAS3_SX, 0, 0);
	const struct guest_region *ram = &part.region[0];
	struct shadow_tlbe s;

	(void)state;
	/* Every MiB of the 16 MiB region: one 16 MiB page, all of the region and no more */
	assert_pages(&ge, 0xc0000000, 0xc1000000, 0x100000, 0x1000000, ram);
	assert_int_equal(make(&ge, 0xc0000000, SHADOW_READ, 0, &s), SHADOW_MAPPED);
	assert_int_equal(s.mas2 & MAS2_EPN_MASK, 0xc0000000);
	assert_int_equal(shadow_pa(&s), RAM_PA);

	/* Past the region, the guest page goes on over a hole: nothing */
	assert_int_equal(make(&ge, 0xc1000000, SHADOW_READ, 0, &s), SHADOW_NO_REGION);
	assert_int_equal(s.gpa, 0x1000000);
	assert_int_equal(make(&ge, 0xc1ffffff, SHADOW_READ, 0, &s), SHADOW_NO_REGION);
	/* ...then over the 1 MiB shared region, then the emulated window */
	assert_int_equal(make(&ge, 0xc2080000, SHADOW_READ, 0, &s), SHADOW_MAPPED);
	assert_int_equal(s.size, 0x100000);
	assert_inside(&s, 0xc2080000, &part.region[1]);
	assert_int_equal(make(&ge, 0xc3000010, SHADOW_WRITE, 0, &s), SHADOW_EMULATED);
	assert_int_equal(s.gpa, EMUL_GPA + 0x10);
}

/* TLB0's ceiling, the port's: the 4 KiB page of the access in the big guest page */
static void test_tlb0_ceiling(void **state)
{
	struct gtlb_entry ge = guest_entry(TSIZE_64M, 0xc0000000, 0,
					   MAS3_SR | MAS3_SW | MAS3_SX, 0, 0);
	struct shadow_fault f = {
		.ea = 0xc0123456, .access = SHADOW_READ, .guest_as = 0, .guest_pr = 0,
		.guest_pid0 = 3,
	};
	struct shadow_tlbe s;

	(void)state;
	assert_int_equal(shadow_tlb_make(&part, &e500mc_mmu, &ge, &f, e500mc_mmu.tlb[0].max_tsize,
					 &s), SHADOW_MAPPED);
	assert_int_equal(s.size, 0x1000);
	assert_int_equal(s.mas1 & MAS1_TSIZE_MASK, MAS1_TSIZE(TSIZE_4K));
	assert_int_equal(s.mas2 & MAS2_EPN_MASK, 0xc0123000);
	assert_int_equal(shadow_pa(&s), RAM_PA + 0x123000);
	assert_inside(&s, f.ea, &part.region[0]);
}

/*
 * 20 MiB of RAM at guest-physical 256 MiB, physically at @pa, and a
 * 256 MiB guest page mapping it at the same effective address
 */
static const struct guest_region *add_high_ram(paddr_t pa, struct gtlb_entry *ge)
{
	add(0x10000000, pa, 0x1400000, GUEST_RAM | PT_RWX);
	*ge = guest_entry(TSIZE_256M, 0x10000000, 0x10000000, MAS3_SR, 0, 0);
	return guest_region_find(&part, 0x10000000);
}

static void test_region_alignment_limits_size(void **state)
{
	struct gtlb_entry ge;
	/* physically 4 MiB aligned but not 16 MiB aligned */
	const struct guest_region *r = add_high_ram(0x40400000, &ge);
	struct shadow_tlbe s;

	(void)state;
	assert_pages(&ge, 0x10000000, 0x11400000, 0x40000, 0x400000, r);
	assert_int_equal(make(&ge, 0x11400000, SHADOW_READ, 0, &s), SHADOW_NO_REGION);
}

static void test_region_tail_gets_smaller_pages(void **state)
{
	struct gtlb_entry ge;
	/* 16 MiB aligned: 16 MiB pages, then 4 MiB for the last 4 */
	const struct guest_region *r = add_high_ram(0x41000000, &ge);
	struct shadow_tlbe s;

	(void)state;
	assert_int_equal(make(&ge, 0x10fff000, SHADOW_READ, 0, &s), SHADOW_MAPPED);
	assert_int_equal(s.size, 0x1000000);
	assert_int_equal(make(&ge, 0x11000000, SHADOW_READ, 0, &s), SHADOW_MAPPED);
	assert_int_equal(s.size, 0x400000);
	assert_inside(&s, 0x11000000, r);
	assert_int_equal(shadow_pa(&s), 0x42000000);
}

static void test_small_guest_page(void **state)
{
	struct gtlb_entry ge = guest_entry(TSIZE_4K, 0x7000, 0x345000, MAS3_SR | MAS3_SW, 0, 0);
	struct shadow_tlbe s;

	(void)state;
	assert_int_equal(make(&ge, 0x7ff8, SHADOW_WRITE, 0, &s), SHADOW_MAPPED);
	assert_int_equal(s.size, 0x1000);
	assert_int_equal(s.mas2 & MAS2_EPN_MASK, 0x7000);
	assert_int_equal(shadow_pa(&s), RAM_PA + 0x345000);
}

static void test_outside_regions_gives_nothing(void **state)
{
	/* The guest points its page at another partition's and the hypervisor's memory */
	struct gtlb_entry other = guest_entry(TSIZE_16M, 0x0, OTHER_PA, MAS3_SR | MAS3_SW, 0, 0);
	struct gtlb_entry hv = guest_entry(TSIZE_4K, 0x0, 0x100000000ull, MAS3_SR, 0, 0);
	struct gtlb_entry above = guest_entry(TSIZE_4G, 0x0, 0xf00000000ull, MAS3_SR, 0, 0);
	struct shadow_tlbe s;

	(void)state;
	assert_int_equal(make(&other, 0x10, SHADOW_READ, 0, &s), SHADOW_NO_REGION);
	assert_int_equal(make(&other, 0xfffff0, SHADOW_WRITE, 0, &s), SHADOW_NO_REGION);
	assert_int_equal(make(&hv, 0x0, SHADOW_READ, 0, &s), SHADOW_NO_REGION);
	/* A 4 GiB guest page at 0xf_0000_0000 reaches the device only where it is */
	assert_int_equal(make(&above, 0xe0000000, SHADOW_READ, 0, &s), SHADOW_MAPPED);
	assert_int_equal(s.size, 0x100000);
	assert_int_equal(make(&above, 0xe0100000, SHADOW_READ, 0, &s), SHADOW_NO_REGION);
}

static void test_device_attributes_forced(void **state)
{
	/* The guest asks for cacheable, coherent, write-through, little-endian */
	struct gtlb_entry ge = guest_entry(TSIZE_16M, 0xe0000000, CCSR_GPA,
					   MAS3_SR | MAS3_SW | MAS3_SX,
					   MAS2_W | MAS2_M | MAS2_E, 0);
	struct shadow_tlbe s;

	(void)state;
	assert_int_equal(make(&ge, 0xe0004500, SHADOW_WRITE, 0, &s), SHADOW_MAPPED);
	assert_int_equal(s.size, 0x100000);
	assert_int_equal(s.mas2, 0xe0000000 | MAS2_I | MAS2_G | MAS2_E);
	assert_int_equal(s.mas7, 0xf);
	assert_int_equal(s.mas3, 0xe0000000 | MAS3_UR | MAS3_UW);
	/* Never executed from */
	assert_int_equal(make(&ge, 0xe0004500, SHADOW_EXEC, 0, &s), SHADOW_REGION_DENIED);
}

static void test_ram_attributes(void **state)
{
	struct gtlb_entry plain = guest_entry(TSIZE_4K, 0x1000, 0x1000, MAS3_SR, 0, 0);
	struct gtlb_entry uncached = guest_entry(TSIZE_4K, 0x2000, 0x2000, MAS3_SR,
						 MAS2_I | MAS2_G, 0);
	struct shadow_tlbe s;

	(void)state;
	assert_int_equal(make(&plain, 0x1000, SHADOW_READ, 0, &s), SHADOW_MAPPED);
	assert_int_equal(s.mas2 & MAS2_ATTR_MASK, MAS2_M);
	assert_int_equal(make(&uncached, 0x2000, SHADOW_READ, 0, &s), SHADOW_MAPPED);
	assert_int_equal(s.mas2 & MAS2_ATTR_MASK, MAS2_I | MAS2_G | MAS2_M);
}

static void test_supervisor_and_user_permissions(void **state)
{
	/* Kernel: read, write, execute; user: read only */
	struct gtlb_entry ge = guest_entry(TSIZE_4K, 0x5000, 0x5000,
					   MAS3_SR | MAS3_SW | MAS3_SX | MAS3_UR, 0, 0);
	struct shadow_tlbe kernel, user;

	(void)state;
	assert_int_equal(make(&ge, 0x5000, SHADOW_WRITE, 0, &kernel), SHADOW_MAPPED);
	assert_int_equal(kernel.mas3 & MAS3_PERMS, MAS3_UR | MAS3_UW | MAS3_UX);
	assert_int_equal(make(&ge, 0x5000, SHADOW_READ, 1, &user), SHADOW_MAPPED);
	assert_int_equal(user.mas3 & MAS3_PERMS, MAS3_UR);
	assert_int_equal(make(&ge, 0x5000, SHADOW_WRITE, 1, &user), SHADOW_GUEST_DENIED);
	assert_int_equal(make(&ge, 0x5000, SHADOW_EXEC, 1, &user), SHADOW_GUEST_DENIED);

	/* Always TS 1, TID left to the shadow PID; kernel and user tagged apart */
	assert_int_equal(make(&ge, 0x5000, SHADOW_READ, 1, &user), SHADOW_MAPPED);
	assert_int_equal(kernel.mas1, MAS1_V | MAS1_TS | MAS1_TSIZE(TSIZE_4K));
	assert_int_equal(shadow_tlbe_mas1(&kernel, 42), kernel.mas1 | MAS1_TID(42));
	assert_int_equal(kernel.tag.partition, 1);
	assert_int_equal(kernel.tag.guest_pr, 0);
	assert_int_equal(user.tag.guest_pr, 1);
	/* A global guest entry is tagged with the guest's PID0 of the moment */
	assert_int_equal(kernel.tag.guest_pid, 3);
}

static void test_tag_of_private_entry(void **state)
{
	struct gtlb_entry ge = guest_entry(TSIZE_4K, 0x5000, 0x5000, MAS3_UR, 0, 9);
	struct shadow_fault f = {
		.ea = 0x5000, .access = SHADOW_READ, .guest_as = 1, .guest_pr = 1, .guest_pid0 = 9,
	};
	struct shadow_tlbe s;

	(void)state;
	assert_int_equal(shadow_tlb_make(&part, &e500v2_mmu, &ge, &f, e500v2_mmu.tlb[1].max_tsize, &s),
			 SHADOW_MAPPED);
	assert_int_equal(s.tag.guest_pid, 9);
	assert_int_equal(s.tag.guest_as, 1);
	assert_int_equal(s.mas1 & MAS1_TS, MAS1_TS);
}

static void test_region_forbids(void **state)
{
	/* The guest maps the read-only shared region writable */
	struct gtlb_entry ge = guest_entry(TSIZE_1M, 0x40000000, SHM_GPA,
					   MAS3_SR | MAS3_SW, 0, 0);
	struct shadow_tlbe s;

	(void)state;
	assert_int_equal(make(&ge, 0x40000100, SHADOW_READ, 0, &s), SHADOW_MAPPED);
	assert_int_equal(s.mas3 & MAS3_PERMS, MAS3_UR);
	assert_int_equal(s.mas2 & MAS2_ATTR_MASK, MAS2_M);
	assert_int_equal(make(&ge, 0x40000100, SHADOW_WRITE, 0, &s), SHADOW_REGION_DENIED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_big_page_clipped_to_region, setup),
		cmocka_unit_test_setup(test_tlb0_ceiling, setup),
		cmocka_unit_test_setup(test_region_alignment_limits_size, setup),
		cmocka_unit_test_setup(test_region_tail_gets_smaller_pages, setup),
		cmocka_unit_test_setup(test_small_guest_page, setup),
		cmocka_unit_test_setup(test_outside_regions_gives_nothing, setup),
		cmocka_unit_test_setup(test_device_attributes_forced, setup),
		cmocka_unit_test_setup(test_ram_attributes, setup),
		cmocka_unit_test_setup(test_supervisor_and_user_permissions, setup),
		cmocka_unit_test_setup(test_tag_of_private_entry, setup),
		cmocka_unit_test_setup(test_region_forbids, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
