// SPDX-License-Identifier: MIT
/*
 * Host tests of the virtual GICv2: list register values (GICv2 format,
 * IHI 0048B GICH_LRn), overflow beyond the list registers, level and SGI
 * handling, and the emulated distributor's registers.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <asm/vgic.h>

#define NR_LRS		4
#define CTLR		0x000
#define TYPER		0x004
#define ISENABLER	0x100
#define ICENABLER	0x180
#define ISPENDR		0x200
#define ICPENDR		0x280
#define ISACTIVER	0x300
#define IPRIORITYR	0x400
#define ITARGETSR	0x800
#define ICFGR		0xc00
#define SGIR		0xf00
#define CPENDSGIR	0xf10
#define SPENDSGIR	0xf20

#define PENDING		GICH_LR_PENDING
#define ACTIVE		GICH_LR_ACTIVE
#define PRIO(p)		((uint32_t)(p) >> 3 << 23)

static struct vgic d;

static uint32_t rd(unsigned int vcpu, uint32_t off, unsigned int size)
{
	uint32_t val = 0xdeadbeef;

	assert_int_equal(vgic_dist_read(&d, vcpu, off, size, &val), 0);
	return val;
}

static uint32_t wr(unsigned int vcpu, uint32_t off, unsigned int size, uint32_t val)
{
	uint32_t kick = 0;

	assert_int_equal(vgic_dist_write(&d, vcpu, off, size, val, &kick), 0);
	return kick;
}

/* Enable @id on @vcpu (its bank for private IDs) with priority @prio. */
static void enable(unsigned int vcpu, unsigned int id, uint8_t prio)
{
	wr(vcpu, IPRIORITYR + id, 1, prio);
	wr(vcpu, ISENABLER + id / 32 * 4, 4, 1u << (id % 32));
}

static uint32_t flush(unsigned int vcpu, bool *underflow)
{
	bool dummy;

	vgic_flush(&d, vcpu, underflow ? underflow : &dummy);
	return d.cpu[vcpu].lr[0];
}

/* The guest changed the list registers' states to @s0..@s3; then it exits. */
static void guest_sets(unsigned int vcpu, uint32_t s0, uint32_t s1, uint32_t s2, uint32_t s3)
{
	const uint32_t states[NR_LRS] = { s0, s1, s2, s3 };
	uint32_t hw[VGIC_MAX_LRS];

	for (unsigned int i = 0; i < NR_LRS; i++)
		hw[i] = (d.cpu[vcpu].lr[i] & ~GICH_LR_STATE_MASK) | states[i];
	vgic_fold(&d, vcpu, hw);
}

static void assert_lrs(unsigned int vcpu, uint32_t a, uint32_t b, uint32_t c, uint32_t e)
{
	assert_int_equal(d.cpu[vcpu].lr[0], a);
	assert_int_equal(d.cpu[vcpu].lr[1], b);
	assert_int_equal(d.cpu[vcpu].lr[2], c);
	assert_int_equal(d.cpu[vcpu].lr[3], e);
}

/* Two vCPUs, 64 interrupts, distributor enabled. */
static int setup(void **state)
{
	(void)state;
	vgic_init(&d, 2, 64, NR_LRS);
	wr(0, CTLR, 4, 1);
	return 0;
}

static void test_typer_and_ids(void **state)
{
	(void)state;
	assert_int_equal(rd(0, TYPER, 4), 0x21);	/* ITLinesNumber 1, CPUNumber 1 */
	assert_int_equal(rd(0, 0x008, 4), 0x0200043b);
	assert_int_equal(rd(1, 0xfe8, 4), 0x2b);	/* PIDR2: GICv2 */
	vgic_init(&d, 4, 288, NR_LRS);
	assert_int_equal(rd(3, TYPER, 4), 0x68);	/* ITLinesNumber 8, CPUNumber 3 */
	assert_int_equal(rd(0, CTLR, 4), 0);
	wr(0, CTLR, 4, 1);
	assert_int_equal(rd(2, CTLR, 4), 1);
}

static void test_access_sizes(void **state)
{
	uint32_t val, kick = 0;

	(void)state;
	/* Byte access only where the architecture allows it */
	assert_int_equal(vgic_dist_read(&d, 0, ISENABLER + 1, 1, &val), -1);
	assert_int_equal(vgic_dist_write(&d, 0, CTLR, 2, 1, &kick), -1);
	assert_int_equal(vgic_dist_read(&d, 0, IPRIORITYR + 2, 2, &val), -1);
	assert_int_equal(vgic_dist_read(&d, 0, ISENABLER + 2, 4, &val), -1);
	assert_int_equal(vgic_dist_read(&d, 0, 0x1000, 4, &val), -1);
	assert_int_equal(vgic_dist_read(&d, 0, SPENDSGIR + 3, 1, &val), 0);
	assert_int_equal(rd(0, 0x0c0, 4), 0);	/* reserved: RAZ */
}

static void test_priority_bytes(void **state)
{
	(void)state;
	wr(0, IPRIORITYR + 40, 1, 0xff);
	assert_int_equal(rd(0, IPRIORITYR + 40, 1), 0xf8);	/* 5 bits implemented */
	assert_int_equal(rd(1, IPRIORITYR + 40, 4), 0xf8);	/* SPIs are shared */
	wr(0, IPRIORITYR + 44, 4, 0x80604027);
	assert_int_equal(rd(0, IPRIORITYR + 44, 1), 0x20);
	assert_int_equal(rd(0, IPRIORITYR + 45, 1), 0x40);
	assert_int_equal(rd(0, IPRIORITYR + 47, 1), 0x80);
	assert_int_equal(rd(1, IPRIORITYR + 44, 4), 0x80604020);
	/* Private priorities are banked per vCPU */
	wr(0, IPRIORITYR + 27, 1, 0xa0);
	assert_int_equal(rd(0, IPRIORITYR + 24, 4), 0xa0000000);
	assert_int_equal(rd(1, IPRIORITYR + 24, 4), 0);
}

static void test_targets_bytes(void **state)
{
	(void)state;
	/* IDs 0-31: each vCPU reads its own interface */
	assert_int_equal(rd(0, ITARGETSR, 4), 0x01010101);
	assert_int_equal(rd(1, ITARGETSR + 28, 4), 0x02020202);
	wr(1, ITARGETSR + 4, 4, 0);			/* read-only */
	assert_int_equal(rd(1, ITARGETSR + 4, 4), 0x02020202);
	/* SPIs reset to vCPU 0; only existing vCPUs stick */
	assert_int_equal(rd(0, ITARGETSR + 32, 4), 0x01010101);
	wr(0, ITARGETSR + 41, 1, 0xff);
	assert_int_equal(rd(1, ITARGETSR + 40, 4), 0x01010301);
	wr(1, ITARGETSR + 44, 4, 0x00020102);
	assert_int_equal(rd(0, ITARGETSR + 44, 4), 0x00020102);
	assert_int_equal(rd(0, ITARGETSR + 47, 1), 0);
}

static void test_icfgr(void **state)
{
	(void)state;
	assert_int_equal(rd(0, ICFGR, 4), 0xaaaaaaaa);	/* SGIs: edge */
	assert_int_equal(rd(0, ICFGR + 4, 4), 0);	/* PPIs: level */
	wr(0, ICFGR, 4, 0);
	assert_int_equal(rd(0, ICFGR, 4), 0xaaaaaaaa);
	assert_int_equal(rd(0, ICFGR + 8, 4), 0);	/* SPIs reset to level */
	wr(0, ICFGR + 8, 4, 0x8000000a);		/* 32, 33 and 47 edge */
	assert_int_equal(rd(1, ICFGR + 8, 4), 0x8000000a);
	wr(0, ICFGR + 8, 4, 0x2);
	assert_int_equal(rd(0, ICFGR + 8, 4), 0x2);
}

static void test_enable_registers(void **state)
{
	(void)state;
	assert_int_equal(rd(0, ISENABLER, 4), 0x0000ffff);	/* SGIs always on */
	wr(0, ICENABLER, 4, 0xffffffff);
	assert_int_equal(rd(0, ISENABLER, 4), 0x0000ffff);
	wr(1, ISENABLER, 4, 1u << 27);
	assert_int_equal(rd(1, ICENABLER, 4), 0x0800ffff);
	assert_int_equal(rd(0, ISENABLER, 4), 0x0000ffff);	/* banked */
	wr(0, ISENABLER + 4, 4, 0x00000101);
	assert_int_equal(rd(1, ISENABLER + 4, 4), 0x00000101);
	wr(1, ICENABLER + 4, 4, 0x00000001);
	assert_int_equal(rd(0, ICENABLER + 4, 4), 0x00000100);
	/* Beyond ITLinesNumber: RAZ/WI */
	wr(0, ISENABLER + 8, 4, 0xffffffff);
	assert_int_equal(rd(0, ISENABLER + 8, 4), 0);
}

static void test_sgir_target_filters(void **state)
{
	(void)state;
	vgic_init(&d, 3, 64, NR_LRS);
	wr(0, CTLR, 4, 1);
	/* Filter 0: the list; vCPUs the partition lacks are ignored */
	assert_int_equal(wr(0, SGIR, 4, 0x00f60005), 0x6);
	assert_int_equal(rd(1, SPENDSGIR + 4, 4), 0x00000100);	/* SGI 5 from vCPU 0 */
	assert_int_equal(rd(2, SPENDSGIR + 5, 1), 0x01);
	assert_int_equal(rd(0, SPENDSGIR + 4, 4), 0);
	/* Pending from the same source again: coalesced, no kick */
	assert_int_equal(wr(0, SGIR, 4, 0x00020005), 0);
	/* Filter 1: everybody else */
	assert_int_equal(wr(1, SGIR, 4, 0x01000005), 0x5);
	assert_int_equal(rd(0, SPENDSGIR + 4, 1), 0x00);
	assert_int_equal(rd(0, SPENDSGIR + 5, 1), 0x02);
	assert_int_equal(rd(2, SPENDSGIR + 5, 1), 0x03);
	/* Filter 2: self only, whatever the list says */
	assert_int_equal(wr(2, SGIR, 4, 0x02030009), 0x4);
	assert_int_equal(rd(2, SPENDSGIR + 9, 1), 0x04);
	assert_int_equal(rd(0, SPENDSGIR + 9, 1), 0);
	/* Filter 3 is reserved */
	assert_int_equal(wr(0, SGIR, 4, 0x03070001), 0);
	assert_int_equal(rd(1, ISPENDR, 4), 0x00000020);
	/* The pending-source registers: clear one source, set another */
	wr(2, CPENDSGIR + 5, 1, 0x01);
	assert_int_equal(rd(2, SPENDSGIR + 5, 1), 0x02);
	assert_int_equal(wr(0, SPENDSGIR + 12, 1, 0x05), 0x1);
	assert_int_equal(rd(0, CPENDSGIR + 12, 4), 0x05);
}

/* Two sources of one SGI: one list register at a time, source in CPUID. */
static void test_sgi_source_tracking(void **state)
{
	(void)state;
	vgic_init(&d, 3, 64, NR_LRS);
	wr(0, CTLR, 4, 1);
	enable(0, 3, 0x10);
	assert_int_equal(wr(2, SGIR, 4, 0x00010003), 0x1);
	assert_int_equal(wr(1, SGIR, 4, 0x00010003), 0x1);
	/* Source 1 first; EOI maintenance because source 2 waits */
	assert_int_equal(flush(0, NULL), PENDING | PRIO(0x10) | GICH_LR_EOI | 1u << 10 | 3);
	assert_int_equal(rd(0, SPENDSGIR, 4), 0x04000000);
	/* The guest takes it and raises another from source 1 meanwhile */
	guest_sets(0, ACTIVE, 0, 0, 0);
	assert_int_equal(wr(1, SGIR, 4, 0x00010003), 0x1);
	assert_int_equal(flush(0, NULL),
			 ACTIVE | PENDING | PRIO(0x10) | GICH_LR_EOI | 1u << 10 | 3);
	guest_sets(0, PENDING, 0, 0, 0);
	assert_int_equal(flush(0, NULL), PENDING | PRIO(0x10) | GICH_LR_EOI | 1u << 10 | 3);
	guest_sets(0, 0, 0, 0, 0);
	assert_int_equal(flush(0, NULL), PENDING | PRIO(0x10) | 2u << 10 | 3);
	guest_sets(0, 0, 0, 0, 0);
	assert_int_equal(flush(0, NULL), 0);
	assert_int_equal(rd(0, ISPENDR, 4), 0);
}

/* The virtual timer: forwarded with HW = 1 and its physical ID. */
static void test_hw_timer_lr(void **state)
{
	(void)state;
	assert_int_equal(vgic_bind_hw(&d, VGIC_PPI_VTIMER, true), 0);
	/* Injected while disabled: it waits, nobody is kicked */
	assert_int_equal(vgic_inject_hw(&d, 1, VGIC_PPI_VTIMER), 0);
	assert_int_equal(flush(1, NULL), 0);
	wr(1, IPRIORITYR + 27, 1, 0xa0);
	assert_int_equal(wr(1, ISENABLER, 4, 1u << 27), 0x2);
	assert_int_equal(flush(1, NULL), 0x9a006c1b);	/* HW, pID 27, prio 0xa0, pending, vID 27 */
	/* Not taken yet at the next exit: still pending, listed again */
	guest_sets(1, PENDING, 0, 0, 0);
	assert_int_equal(rd(1, ISPENDR, 4), 1u << 27);
	assert_int_equal(flush(1, NULL), 0x9a006c1b);
	guest_sets(1, ACTIVE, 0, 0, 0);
	assert_int_equal(flush(1, NULL), 0xaa006c1b);
	assert_int_equal(rd(1, ISACTIVER, 4), 1u << 27);
	/* The guest's EOI deactivated it in hardware */
	guest_sets(1, 0, 0, 0, 0);
	assert_int_equal(flush(1, NULL), 0);
	/* Software cannot make a forwarded interrupt pending */
	wr(1, ISPENDR, 4, 1u << 27);
	assert_int_equal(flush(1, NULL), 0);
	assert_int_equal(flush(0, NULL), 0);
}

/* A passthrough SPI: HW-linked, always to vCPU 0, targets read-only. */
static void test_hw_spi(void **state)
{
	(void)state;
	assert_int_equal(vgic_bind_hw(&d, 34, true), 0);
	assert_int_equal(vgic_bind_hw(&d, 34, true), -1);
	assert_int_equal(vgic_bind_hw(&d, 64, true), -1);
	wr(1, ITARGETSR + 34, 1, 0x02);
	assert_int_equal(rd(1, ITARGETSR + 34, 1), 0x01);
	enable(1, 34, 0x40);
	assert_int_equal(vgic_inject_hw(&d, 1, 34), 0x1);
	assert_int_equal(flush(1, NULL), 0);
	assert_int_equal(flush(0, NULL), GICH_LR_HW | 34u << 10 | PRIO(0x40) | PENDING | 34);
	/* A software source cannot drive it */
	guest_sets(0, 0, 0, 0, 0);
	assert_int_equal(vgic_raise(&d, 34), 0);
	assert_int_equal(flush(0, NULL), 0);
}

/* Six pending, four list registers: the best four first, the rest later. */
static void test_overflow_by_priority(void **state)
{
	static const uint8_t prio[6] = { 0x80, 0x10, 0x40, 0x30, 0x20, 0x90 };
	bool underflow;

	(void)state;
	wr(0, ICFGR + 8, 4, 0xaaaaaaaa);		/* edge */
	for (unsigned int i = 0; i < 6; i++) {
		enable(0, 32 + i, prio[i]);
		assert_int_equal(vgic_raise(&d, 32 + i), 0x1);
	}
	flush(0, &underflow);
	assert_true(underflow);
	assert_lrs(0, PENDING | PRIO(0x10) | 33, PENDING | PRIO(0x20) | 36,
		   PENDING | PRIO(0x30) | 35, PENDING | PRIO(0x40) | 34);
	/* A better one arrives: the worst listed one goes back to waiting */
	enable(0, 40, 0x00);
	assert_int_equal(vgic_raise(&d, 40), 0x1);
	guest_sets(0, PENDING, PENDING, PENDING, PENDING);
	flush(0, &underflow);
	assert_lrs(0, PENDING | 40, PENDING | PRIO(0x10) | 33, PENDING | PRIO(0x20) | 36,
		   PENDING | PRIO(0x30) | 35);
	/* The guest takes all four: they stay listed, active */
	guest_sets(0, ACTIVE, ACTIVE, ACTIVE, ACTIVE);
	flush(0, &underflow);
	assert_true(underflow);
	assert_lrs(0, ACTIVE | 40, ACTIVE | PRIO(0x10) | 33, ACTIVE | PRIO(0x20) | 36,
		   ACTIVE | PRIO(0x30) | 35);
	/* It completes three (the underflow maintenance interrupt comes): the rest */
	guest_sets(0, 0, 0, ACTIVE, 0);
	flush(0, &underflow);
	assert_false(underflow);
	assert_lrs(0, ACTIVE | PRIO(0x20) | 36, PENDING | PRIO(0x40) | 34,
		   PENDING | PRIO(0x80) | 32, PENDING | PRIO(0x90) | 37);
	guest_sets(0, 0, 0, 0, 0);
	flush(0, &underflow);
	assert_false(underflow);
	assert_lrs(0, 0, 0, 0, 0);
}

/* A level line stays pending after the guest's EOI as long as it is high. */
static void test_level_repend(void **state)
{
	const uint32_t lr = PENDING | PRIO(0x50) | GICH_LR_EOI | 41;

	(void)state;
	enable(0, 41, 0x50);
	assert_int_equal(vgic_set_level(&d, 41, true), 0x1);
	assert_int_equal(vgic_set_level(&d, 41, true), 0);	/* no edge, no kick */
	assert_int_equal(flush(0, NULL), lr);
	/* Taken and completed (EOI maintenance) with the line still high: pending again */
	guest_sets(0, 0, 0, 0, 0);
	assert_int_equal(rd(0, ISPENDR + 4, 4), 1u << 9);
	assert_int_equal(flush(0, NULL), lr);
	/* Active while the line stays high: active and pending */
	guest_sets(0, ACTIVE, 0, 0, 0);
	assert_int_equal(flush(0, NULL), ACTIVE | lr);
	/* The line drops before the guest takes it again: gone */
	assert_int_equal(vgic_set_level(&d, 41, false), 0);
	guest_sets(0, PENDING, 0, 0, 0);
	assert_int_equal(flush(0, NULL), 0);
	assert_int_equal(rd(0, ISPENDR + 4, 4), 0);
	/* A software set pending lasts until acknowledged, line low or not */
	wr(0, ISPENDR + 4, 4, 1u << 9);
	assert_int_equal(flush(0, NULL), lr);
	guest_sets(0, PENDING, 0, 0, 0);
	assert_int_equal(flush(0, NULL), lr);
	guest_sets(0, 0, 0, 0, 0);
	assert_int_equal(flush(0, NULL), 0);
}

/* Edges coalesce while pending; one taken meanwhile becomes pending+active. */
static void test_edge_coalesce(void **state)
{
	const uint32_t lr = PRIO(0x20) | 33;

	(void)state;
	wr(0, ICFGR + 8, 4, 0x8);
	enable(0, 33, 0x20);
	assert_int_equal(vgic_raise(&d, 33), 0x1);
	assert_int_equal(vgic_raise(&d, 33), 0);
	assert_int_equal(flush(0, NULL), PENDING | lr);
	/* Raised while listed: one kick, then it is pending again */
	assert_int_equal(vgic_raise(&d, 33), 0x1);
	assert_int_equal(vgic_raise(&d, 33), 0);
	guest_sets(0, PENDING, 0, 0, 0);
	assert_int_equal(flush(0, NULL), PENDING | lr);
	assert_int_equal(vgic_raise(&d, 33), 0x1);
	guest_sets(0, ACTIVE, 0, 0, 0);
	assert_int_equal(flush(0, NULL), ACTIVE | PENDING | lr);
	guest_sets(0, PENDING, 0, 0, 0);
	assert_int_equal(flush(0, NULL), PENDING | lr);
	guest_sets(0, 0, 0, 0, 0);
	assert_int_equal(flush(0, NULL), 0);
	/* A rising edge on an edge-triggered line latches once */
	assert_int_equal(vgic_set_level(&d, 33, true), 0x1);
	assert_int_equal(vgic_set_level(&d, 33, true), 0);
	assert_int_equal(flush(0, NULL), PENDING | lr);
	guest_sets(0, 0, 0, 0, 0);
	assert_int_equal(flush(0, NULL), 0);
}

/*
 * A doorbell (raise) on an SPI the guest left level-triggered, rung again
 * while the guest handles the first: the second ring must kick and be
 * delivered after the EOI, not vanish.
 */
static void test_ring_while_active(void **state)
{
	(void)state;
	enable(0, 42, 0x80);		/* ICFGR untouched: level, as after reset */
	assert_int_not_equal(vgic_raise(&d, 42), 0);
	assert_int_equal(flush(0, NULL), 42 | PRIO(0x80) | PENDING | GICH_LR_EOI);
	/* The guest acknowledges it in hardware; a peer rings before any exit */
	assert_int_not_equal(vgic_raise(&d, 42), 0);	/* kicks */
	guest_sets(0, ACTIVE, 0, 0, 0);			/* the kick's exit */
	assert_int_equal(flush(0, NULL), 42 | PRIO(0x80) | ACTIVE | PENDING | GICH_LR_EOI);
	guest_sets(0, PENDING, 0, 0, 0);		/* EOI of the first */
	assert_int_equal(flush(0, NULL), 42 | PRIO(0x80) | PENDING | GICH_LR_EOI);
	guest_sets(0, 0, 0, 0, 0);			/* the second taken and completed */
	assert_int_equal(flush(0, NULL), 0);		/* nothing left, nothing made up */
	/* Still pending at an exit (not yet acknowledged): kept, listed once */
	assert_int_not_equal(vgic_raise(&d, 42), 0);
	flush(0, NULL);
	guest_sets(0, PENDING, 0, 0, 0);
	flush(0, NULL);
	assert_lrs(0, 42 | PRIO(0x80) | PENDING | GICH_LR_EOI, 0, 0, 0);
}

static void test_distributor_disabled_and_targets(void **state)
{
	(void)state;
	wr(0, CTLR, 4, 0);
	enable(0, 50, 0);
	assert_int_equal(vgic_raise(&d, 50), 0);
	assert_int_equal(flush(0, NULL), 0);
	assert_int_equal(rd(1, ISPENDR + 4, 4), 1u << 18);
	assert_int_equal(wr(1, CTLR, 4, 1), 0x1);
	/* Moved to vCPU 1 before anyone listed it */
	assert_int_equal(wr(0, ITARGETSR + 50, 1, 0x2), 0x2);
	assert_int_equal(flush(0, NULL), 0);
	assert_int_equal(flush(1, NULL), PENDING | GICH_LR_EOI | 50);
	/* No target: pending, delivered once it gets one */
	guest_sets(1, 0, 0, 0, 0);
	wr(0, ICFGR + 12, 4, 0xaaaaaaaa);
	wr(0, ITARGETSR + 50, 1, 0);
	assert_int_equal(vgic_raise(&d, 50), 0);
	assert_int_equal(flush(1, NULL), 0);
	assert_int_equal(wr(1, ITARGETSR + 50, 1, 0x1), 0x1);
	assert_int_equal(flush(0, NULL), PENDING | 50);
	/* Disabled after listing: taken back at the next flush */
	guest_sets(0, PENDING, 0, 0, 0);
	wr(0, ICENABLER + 4, 4, 1u << 18);
	assert_int_equal(flush(0, NULL), 0);
	assert_int_equal(wr(0, ISENABLER + 4, 4, 1u << 18), 0x1);
	assert_int_equal(flush(0, NULL), PENDING | 50);
}

/* Retargeted while a vCPU has it listed: that vCPU gives it up at its next flush. */
static void test_retarget_listed(void **state)
{
	bool underflow;

	(void)state;
	enable(0, 52, 0x30);
	assert_int_equal(vgic_raise(&d, 52), 0x1);
	assert_int_equal(flush(0, NULL), PENDING | PRIO(0x30) | GICH_LR_EOI | 52);
	assert_int_equal(wr(1, ITARGETSR + 52, 1, 0x2), 0);
	assert_int_equal(flush(1, NULL), 0);
	guest_sets(0, PENDING, 0, 0, 0);
	assert_int_equal(vgic_flush(&d, 0, &underflow), 0x2);
	assert_lrs(0, 0, 0, 0, 0);
	assert_int_equal(flush(1, NULL), PENDING | PRIO(0x30) | GICH_LR_EOI | 52);
}

static void test_resets(void **state)
{
	(void)state;
	assert_int_equal(vgic_bind_hw(&d, VGIC_PPI_VTIMER, true), 0);
	enable(1, 27, 0);
	enable(0, 45, 0x60);
	assert_int_equal(vgic_inject_hw(&d, 1, 27), 0x2);
	assert_int_equal(wr(0, SGIR, 4, 0x00020001), 0x2);
	assert_int_equal(vgic_raise(&d, 45), 0x1);
	flush(1, NULL);
	assert_lrs(1, PENDING | 1, GICH_LR_HW | 27u << 10 | PENDING | 27, 0, 0);
	/* vCPU 1 restarts: its banked state and list registers are gone */
	assert_int_equal(vgic_vcpu_reset(&d, 1), 0);
	assert_lrs(1, 0, 0, 0, 0);
	assert_int_equal(rd(1, ISENABLER, 4), 0x0000ffff);
	assert_int_equal(rd(1, ISPENDR, 4), 0);
	assert_int_equal(flush(0, NULL), PENDING | PRIO(0x60) | GICH_LR_EOI | 45);
	/* The partition reboots: all back to reset, forwarding kept */
	vgic_reset(&d);
	assert_int_equal(rd(0, CTLR, 4), 0);
	assert_int_equal(rd(0, ISPENDR + 4, 4), 0);
	assert_int_equal(rd(0, IPRIORITYR + 45, 1), 0);
	assert_lrs(0, 0, 0, 0, 0);
	wr(0, CTLR, 4, 1);
	enable(1, 27, 0);
	assert_int_equal(vgic_inject_hw(&d, 1, 27), 0x2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_typer_and_ids, setup),
		cmocka_unit_test_setup(test_access_sizes, setup),
		cmocka_unit_test_setup(test_priority_bytes, setup),
		cmocka_unit_test_setup(test_targets_bytes, setup),
		cmocka_unit_test_setup(test_icfgr, setup),
		cmocka_unit_test_setup(test_enable_registers, setup),
		cmocka_unit_test_setup(test_sgir_target_filters, setup),
		cmocka_unit_test_setup(test_sgi_source_tracking, setup),
		cmocka_unit_test_setup(test_hw_timer_lr, setup),
		cmocka_unit_test_setup(test_hw_spi, setup),
		cmocka_unit_test_setup(test_overflow_by_priority, setup),
		cmocka_unit_test_setup(test_level_repend, setup),
		cmocka_unit_test_setup(test_edge_coalesce, setup),
		cmocka_unit_test_setup(test_ring_while_active, setup),
		cmocka_unit_test_setup(test_distributor_disabled_and_targets, setup),
		cmocka_unit_test_setup(test_retarget_listed, setup),
		cmocka_unit_test_setup(test_resets, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
