// SPDX-License-Identifier: MIT
/*
 * Host tests of a partition's guest map (core/partition_region.c,
 * partition_map.c, partition_layout.c): sorted insertion, overlaps
 * refused with a message naming both regions, lookups at region edges
 * and in gaps, the recent-region hint, the port's map hook called for
 * every region but the emulated ones, and the attributes each kind of
 * config region gets.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <bulkhead/partition.h>
#include <bulkhead/placement.h>

static struct partition part;

/* What the port was asked to map, and what it answers */
static struct { gpaddr_t gpa; paddr_t pa; uint64_t size; unsigned int attrs; } mapped[8];
static unsigned int nmapped;
static int map_answer;
static char message[256];

int port_guest_map(struct partition *p, gpaddr_t gpa, paddr_t pa, uint64_t size,
		   unsigned int attrs)
{
	assert_ptr_equal(p, &part);
	assert_true(nmapped < ARRAY_SIZE(mapped));
	mapped[nmapped].gpa = gpa;
	mapped[nmapped].pa = pa;
	mapped[nmapped].size = size;
	mapped[nmapped++].attrs = attrs;
	return map_answer;
}

void hv_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
}

static int setup(void **state)
{
	(void)state;
	memset(&part, 0, sizeof(part));
	part.name = "alpha";
	nmapped = 0;
	map_answer = 0;
	message[0] = '\0';
	return 0;
}

static int insert(gpaddr_t gpa, uint64_t size, unsigned int flags)
{
	return guest_region_insert(&part, &(struct guest_region){ .gpa = gpa,
				   .pa = gpa + 0x100000000ull, .size = size, .flags = flags });
}

/* RAM at 0x40000000 (16 MiB) and 0x41000000 (right after it), a device
 * at 0x09000000, an emulated window at 0x08000000, shared memory above 4 GiB. */
static void add_sample_map(void)
{
	assert_int_equal(insert(0x41000000, 0x1000000, GUEST_RAM | PT_RWX), 0);
	assert_int_equal(insert(0x100000000ull, 0x10000, GUEST_SHARED | PT_RW), 0);
	assert_int_equal(insert(0x09000000, 0x1000, GUEST_DEVICE | PT_RW | PT_DEVICE), 0);
	assert_int_equal(insert(0x40000000, 0x1000000, GUEST_RAM | PT_RWX), 0);
	assert_int_equal(insert(0x08000000, 0x1000, GUEST_EMULATED | PT_RW | PT_DEVICE), 0);
}

static void test_sorted_insertion(void **state)
{
	static const gpaddr_t order[] = { 0x08000000, 0x09000000, 0x40000000, 0x41000000,
					  0x100000000ull };

	(void)state;
	add_sample_map();
	assert_int_equal(part.nregions, ARRAY_SIZE(order));
	for (unsigned int i = 0; i < ARRAY_SIZE(order); i++)
		assert_int_equal(part.region[i].gpa, order[i]);
	/* The copy keeps every field */
	assert_int_equal(part.region[1].pa, 0x109000000ull);
	assert_int_equal(part.region[1].size, 0x1000);
	assert_int_equal(part.region[1].flags, GUEST_DEVICE | PT_RW | PT_DEVICE);
}

static void test_overlaps_refused(void **state)
{
	(void)state;
	add_sample_map();
	/* Over a start, over an end, inside, around, at the same base */
	assert_int_equal(insert(0x08fff000, 0x2000, GUEST_RAM), GUEST_REGION_OVERLAP);
	assert_int_equal(insert(0x09000fff, 0x10, GUEST_RAM), GUEST_REGION_OVERLAP);
	assert_int_equal(insert(0x40800000, 0x1000, GUEST_RAM), GUEST_REGION_OVERLAP);
	assert_int_equal(insert(0x3f000000, 0x4000000, GUEST_RAM), GUEST_REGION_OVERLAP);
	assert_int_equal(insert(0x100000000ull, 0x1000, GUEST_RAM), GUEST_REGION_OVERLAP);
	/* Empty or wrapping */
	assert_int_equal(insert(0x20000000, 0, GUEST_RAM), GUEST_REGION_EMPTY);
	assert_int_equal(insert(0xfffffffffffff000ull, 0x2000, GUEST_RAM), GUEST_REGION_EMPTY);
	assert_int_equal(part.nregions, 5);
	/* Touching a neighbour at either end is no overlap */
	assert_int_equal(insert(0x08001000, 0x1000, GUEST_RAM), 0);
	assert_int_equal(insert(0x08fff000, 0x1000, GUEST_RAM), 0);
	assert_ptr_equal(guest_region_clash(&part, 0x09000800, 0x1000), &part.region[3]);
	assert_null(guest_region_clash(&part, 0x09001000, 0x1000));
}

static void test_full(void **state)
{
	(void)state;
	for (unsigned int i = 0; i < MAX_GUEST_REGIONS; i++)
		assert_int_equal(insert(0x10000000 + 0x2000ull * (MAX_GUEST_REGIONS - i), 0x1000,
					GUEST_RAM), 0);
	assert_int_equal(insert(0x10000000, 0x1000, GUEST_RAM), GUEST_REGION_FULL);
	for (unsigned int i = 1; i < part.nregions; i++)
		assert_true(part.region[i - 1].gpa < part.region[i].gpa);
}

static void test_find_edges_and_gaps(void **state)
{
	(void)state;
	assert_null(guest_region_find(&part, 0x40000000));	/* nothing yet */
	add_sample_map();
	assert_ptr_equal(guest_region_find(&part, 0x08000000), &part.region[0]);
	assert_ptr_equal(guest_region_find(&part, 0x08000fff), &part.region[0]);
	assert_null(guest_region_find(&part, 0x08001000));
	assert_null(guest_region_find(&part, 0x07ffffff));	/* below the first */
	assert_null(guest_region_find(&part, 0));
	assert_ptr_equal(guest_region_find(&part, 0x09000000), &part.region[1]);
	/* Two regions back to back: the last byte of one, the first of the next */
	assert_ptr_equal(guest_region_find(&part, 0x40ffffff), &part.region[2]);
	assert_ptr_equal(guest_region_find(&part, 0x41000000), &part.region[3]);
	assert_ptr_equal(guest_region_find(&part, 0x41ffffff), &part.region[3]);
	assert_null(guest_region_find(&part, 0x42000000));
	/* Above 4 GiB, not aliased at the same low 32 bits */
	assert_ptr_equal(guest_region_find(&part, 0x10000ffffull), &part.region[4]);
	assert_null(guest_region_find(&part, 0x100010000ull));
	assert_null(guest_region_find(&part, 0x10));
	assert_null(guest_region_find(&part, ~0ull));
}

/*
 * The region found last is tried first; a hit elsewhere moves it, a miss
 * leaves it, and a hint that no longer fits (or points past the list)
 * only costs the search.
 */
static void test_hint(void **state)
{
	(void)state;
	add_sample_map();
	assert_ptr_equal(guest_region_find(&part, 0x41000010), &part.region[3]);
	assert_int_equal(part.region_hint, 3);
	assert_ptr_equal(guest_region_find(&part, 0x41000020), &part.region[3]);
	assert_int_equal(part.region_hint, 3);
	assert_null(guest_region_find(&part, 0x50000000));
	assert_int_equal(part.region_hint, 3);
	assert_ptr_equal(guest_region_find(&part, 0x09000004), &part.region[1]);
	assert_int_equal(part.region_hint, 1);
	/* A stale hint must not answer for an address outside its region */
	assert_ptr_equal(guest_region_find(&part, 0x09001000 - 1), &part.region[1]);
	assert_null(guest_region_find(&part, 0x09001000));
	part.region_hint = 1000;
	assert_ptr_equal(guest_region_find(&part, 0x40000000), &part.region[2]);
	assert_int_equal(part.region_hint, 2);
	/* Inserting shifts indices: the hint is checked, never trusted */
	assert_int_equal(insert(0x00001000, 0x1000, GUEST_RAM), 0);
	assert_ptr_equal(guest_region_find(&part, 0x40000000), &part.region[3]);
}

static void test_ram_translate(void **state)
{
	paddr_t pa = 0;

	(void)state;
	add_sample_map();
	assert_int_equal(guest_ram_translate(&part, 0x40000010, 0x10, &pa), 0);
	assert_int_equal(pa, 0x140000010ull);
	assert_int_equal(guest_ram_translate(&part, 0x100000000ull, 0x10000, &pa), 0);
	assert_int_equal(pa, 0x200000000ull);
	/* Not across two regions, even back to back; only RAM and shared memory */
	assert_int_equal(guest_ram_translate(&part, 0x40fffff0, 0x20, &pa), -1);
	assert_int_equal(guest_ram_translate(&part, 0x09000000, 4, &pa), -1);
	assert_int_equal(guest_ram_translate(&part, 0x08000000, 4, &pa), -1);
	assert_int_equal(guest_ram_translate(&part, 0x50000000, 4, &pa), -1);
	assert_true(partition_owns_ram(&part, 0x141000000ull, 0x1000000));
	assert_false(partition_owns_ram(&part, 0x109000000ull, 4));
	assert_false(partition_owns_ram(&part, 0x108000000ull, 4));
}

static void test_map_region(void **state)
{
	const struct guest_region gicv = { .gpa = 0x08010000, .pa = 0x2c006000, .size = 0x2000,
					   .flags = GUEST_DEVICE | PT_RW | PT_DEVICE };
	const struct guest_region dist = { .gpa = 0x08000000, .size = 0x1000,
					   .flags = GUEST_EMULATED | PT_RW | PT_DEVICE };

	(void)state;
	assert_int_equal(partition_map_region(&part, &gicv), 0);
	assert_int_equal(nmapped, 1);
	assert_int_equal(mapped[0].gpa, 0x08010000);
	assert_int_equal(mapped[0].pa, 0x2c006000);
	assert_int_equal(mapped[0].size, 0x2000);
	assert_int_equal(mapped[0].attrs, PT_RW | PT_DEVICE);
	/* Emulated: recorded, never mapped */
	assert_int_equal(partition_map_region(&part, &dist), 0);
	assert_int_equal(nmapped, 1);
	assert_int_equal(part.nregions, 2);
	assert_ptr_equal(guest_region_find(&part, 0x08000000), &part.region[0]);
	assert_int_equal(part.region[0].flags, GUEST_EMULATED | PT_RW | PT_DEVICE);
	assert_string_equal(message, "");

	/* An overlap: refused before the port sees it, with both regions named */
	assert_int_equal(partition_map_region(&part, &(struct guest_region){ .gpa = 0x08011000,
			 .pa = 0x60000000, .size = 0x100000, .flags = GUEST_RAM | PT_RWX }), -1);
	assert_int_equal(nmapped, 1);
	assert_int_equal(part.nregions, 2);
	assert_string_equal(message, "alpha: guest 0x8011000-0x8110fff (RAM) overlaps "
			    "guest 0x8010000-0x8011fff (device)");
	/* The port refusing: said, and the boot fails */
	map_answer = -5;
	assert_int_equal(partition_map_region(&part, &(struct guest_region){ .gpa = 0x40000000,
			 .pa = 0x60000000, .size = 0x1000, .flags = GUEST_RAM | PT_RWX }), -1);
	assert_string_equal(message, "alpha: cannot map guest 0x40000000-0x40000fff (RAM) to "
			    "physical 0x60000000: error -5 from the port");
}

static struct config cfg;
static struct placement pl;
static struct shared_region shared[CFG_MAX_SHM];

/* Partition 1 of two: RAM in two pieces, a device, one of two shared regions. */
static void make_config(void)
{
	struct cfg_partition *c = &cfg.part[1];

	memset(&cfg, 0, sizeof(cfg));
	memset(shared, 0, sizeof(shared));
	cfg.npart = 2;
	strcpy(c->name, "beta");
	c->ncpus = 2;
	c->cpus[0] = 1;
	c->cpus[1] = 3;
	c->nmem = 2;
	c->mem[0] = (struct cfg_region){ .guest_base = 0x80000000, .size = 0x200000 };
	c->mem[1] = (struct cfg_region){ .guest_base = 0x40000000, .size = 0x100000 };
	pl.mem[1][0] = 0x4a000000;
	pl.mem[1][1] = 0x4c000000;
	c->ndev = 1;
	c->dev[0] = (struct cfg_device){ .guest_base = 0x09010000, .size = 0x1000,
					 .phys_base = 0x09010000 };
	cfg.nshm = 2;
	cfg.shm[0] = (struct cfg_shm){ .id = 0, .guest_base = 0x48000000, .size = 0x10000,
				       .nparts = 2, .parts = { 0, 1 } };
	cfg.shm[1] = (struct cfg_shm){ .id = 1, .guest_base = 0x49000000, .size = 0x10000,
				       .nparts = 1, .parts = { 0 } };
	pl.shm[0] = 0x60000000;
	pl.shm[1] = 0x61000000;
}

static void test_layout_attributes(void **state)
{
	(void)state;
	make_config();
	partition_layout(&part, &cfg, 1);
	assert_int_equal(part.id, 1);
	assert_string_equal(part.name, "beta");
	assert_int_equal(part.nvcpus, 2);
	assert_int_equal(part.vcpu[1].cpu, 3);
	assert_int_equal(part.nregions, 0);
	assert_int_equal(partition_layout_regions(&part, &cfg, &pl, shared, guest_region_insert), 0);

	assert_int_equal(part.nregions, 4);
	assert_int_equal(part.region[0].gpa, 0x09010000);
	assert_int_equal(part.region[0].pa, 0x09010000);
	assert_int_equal(part.region[0].flags, GUEST_DEVICE | PT_RW | PT_DEVICE);
	assert_int_equal(part.region[1].gpa, 0x40000000);
	assert_int_equal(part.region[1].pa, 0x4c000000);
	assert_int_equal(part.region[1].flags, GUEST_RAM | PT_RWX);
	assert_int_equal(part.region[2].gpa, 0x48000000);
	assert_int_equal(part.region[2].pa, 0x60000000);
	assert_int_equal(part.region[2].flags, GUEST_SHARED | PT_RW);
	assert_ptr_equal(part.region[2].shm, &shared[0]);
	assert_int_equal(part.region[3].gpa, 0x80000000);
	assert_int_equal(part.region[3].size, 0x200000);
	assert_int_equal(part.region[3].flags, GUEST_RAM | PT_RWX);
	/* Every shared region is described, the partition's or not */
	assert_ptr_equal(shared[1].cfg, &cfg.shm[1]);
	assert_int_equal(shared[1].pa, 0x61000000);
}

static int refuse_devices(struct partition *p, const struct guest_region *r)
{
	return (r->flags & GUEST_DEVICE) ? GUEST_REGION_OVERLAP : guest_region_insert(p, r);
}

static void test_layout_stops_at_refusal(void **state)
{
	(void)state;
	make_config();
	partition_layout(&part, &cfg, 1);
	assert_int_equal(partition_layout_regions(&part, &cfg, &pl, shared, refuse_devices),
			 GUEST_REGION_OVERLAP);
	assert_int_equal(part.nregions, 2);	/* the RAM before it, nothing after */
}

static void test_kind_names(void **state)
{
	(void)state;
	assert_string_equal(guest_region_kind(GUEST_RAM | PT_RWX), "RAM");
	assert_string_equal(guest_region_kind(GUEST_DEVICE | PT_DEVICE), "device");
	assert_string_equal(guest_region_kind(GUEST_SHARED), "shared memory");
	assert_string_equal(guest_region_kind(GUEST_EMULATED | PT_RW), "emulated device");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_sorted_insertion, setup),
		cmocka_unit_test_setup(test_overlaps_refused, setup),
		cmocka_unit_test_setup(test_full, setup),
		cmocka_unit_test_setup(test_find_edges_and_gaps, setup),
		cmocka_unit_test_setup(test_hint, setup),
		cmocka_unit_test_setup(test_ram_translate, setup),
		cmocka_unit_test_setup(test_map_region, setup),
		cmocka_unit_test_setup(test_layout_attributes, setup),
		cmocka_unit_test_setup(test_layout_stops_at_refusal, setup),
		cmocka_unit_test_setup(test_kind_names, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
