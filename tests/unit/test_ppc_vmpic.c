// SPDX-License-Identifier: MIT
/*
 * Host tests of the guest's emulated MPIC (ports/ppc-booke/vmpic*.c),
 * through its MMIO handlers as a guest driver reaches them: the global
 * registers, masking, priorities against CTPR and what is in service,
 * IACK and EOI, the spurious vector, edge and level sources, per-vCPU
 * destinations and register blocks, IPIs, passthrough completion,
 * resets and the refused accesses (its device tree node:
 * test_ppc_vmpic_fdt.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <asm/vmpic.h>

#define NVCPUS		2
#define SRC_UART	42	/* level */
#define SRC_DOORBELL	100	/* edge */
#define SRC_PCI		3	/* level, active low */
#define SRC_HW		24	/* level, passed through */
#define SRC_FALLING	7	/* edge, falling */
#define NOT_OURS	43

#define SELF		0x00000	/* the accessing vCPU's registers */
#define CPU(n)		MPIC_CPU_BASE(n)
#define SPURIOUS	VMPIC_SPURIOUS_RESET

static struct vmpic m;
static struct io_device dev;
static unsigned int current;		/* the accessing vCPU */
static uint8_t kicked;			/* vCPUs the hooks kicked */
static unsigned int hw_eois[MPIC_NR_SOURCES];

static unsigned int hook_current(struct vmpic *v)
{
	assert_ptr_equal(v, &m);
	return current;
}

static void hook_kick(struct vmpic *v, unsigned int vcpu)
{
	assert_ptr_equal(v, &m);
	assert_true(vcpu < NVCPUS);
	kicked |= 1u << vcpu;
}

static void hook_hw_eoi(struct vmpic *v, unsigned int irq)
{
	assert_ptr_equal(v, &m);
	hw_eois[irq]++;
}

static const struct vmpic_hooks hooks = {
	.current_vcpu = hook_current,
	.kick = hook_kick,
	.hw_eoi = hook_hw_eoi,
};

static const struct vmpic_source sources[] = {
	{ SRC_UART, MPIC_SENSE_LEVEL_HIGH, false },
	{ SRC_DOORBELL, MPIC_SENSE_EDGE_RISING, false },
	{ SRC_PCI, MPIC_SENSE_LEVEL_LOW, false },
	{ SRC_HW, MPIC_SENSE_LEVEL_HIGH, true },
	{ SRC_FALLING, MPIC_SENSE_EDGE_FALLING, false },
};

static int setup(void **state)
{
	(void)state;
	current = 0;
	kicked = 0;
	memset(hw_eois, 0, sizeof(hw_eois));
	assert_int_equal(vmpic_init(&m, NVCPUS, sources, ARRAY_SIZE(sources), &hooks, NULL), 0);
	dev = (struct io_device){ .base = 0xfe0040000ull, .last = 0xfe0040000ull + MPIC_SIZE - 1,
				    .ops = &vmpic_mmio_ops, .priv = &m };
	return 0;
}

static uint32_t rd_as(unsigned int vcpu, uint32_t off)
{
	uint64_t val = 0xdeadbeef;

	current = vcpu;
	assert_int_equal(dev.ops->read(&dev, NULL, off, 4, &val), 0);
	assert_true(val <= UINT32_MAX);
	return (uint32_t)val;
}

static void wr_as(unsigned int vcpu, uint32_t off, uint32_t val)
{
	current = vcpu;
	assert_int_equal(dev.ops->write(&dev, NULL, off, 4, val), 0);
}

static uint32_t rd(uint32_t off)
{
	return rd_as(0, off);
}

static void wr(uint32_t off, uint32_t val)
{
	wr_as(0, off, val);
}

static uint32_t vecpri(unsigned int prio, unsigned int vector)
{
	return prio << MPIC_IVPR_PRIO_SHIFT | vector;
}

/* Source @n unmasked at @prio with vector @vector, to the vCPUs in @dest */
static void route(unsigned int n, unsigned int prio, unsigned int vector, uint8_t dest)
{
	wr(MPIC_IDR(n), dest);
	wr(MPIC_IVPR(n), vecpri(prio, vector));
}

static uint32_t iack(unsigned int vcpu)
{
	return rd_as(vcpu, SELF + MPIC_IACK);
}

static void eoi(unsigned int vcpu)
{
	wr_as(vcpu, SELF + MPIC_EOI, 0);
}

/* Both vCPUs accept every priority */
static void open_ctpr(void)
{
	wr_as(0, SELF + MPIC_CTPR, 0);
	wr_as(1, SELF + MPIC_CTPR, 0);
}

/* ---- global registers ------------------------------------------------------ */

static void test_global_registers(void **state)
{
	(void)state;
	assert_int_equal(rd(MPIC_BRR1), 0x00400200);
	/* Sources 0-255, vCPUs 0-1, OpenPIC 1.2 */
	assert_int_equal(rd(MPIC_FRR), 0x00ff0102);
	assert_int_equal(rd(MPIC_VIR), 0);
	assert_int_equal(rd(MPIC_GCR), 0);
	wr(MPIC_GCR, MPIC_GCR_MIXED | 0x1234);
	assert_int_equal(rd(MPIC_GCR), MPIC_GCR_MIXED);
	wr(MPIC_PIR, 3);
	assert_int_equal(rd(MPIC_PIR), 0);
	assert_int_equal(rd(MPIC_SVR), SPURIOUS);
	wr(MPIC_SVR, 0xabcd1234);
	assert_int_equal(rd(MPIC_SVR), 0x1234);
	/* Read-only registers ignore writes */
	wr(MPIC_FRR, 0);
	assert_int_equal(rd(MPIC_FRR), 0x00ff0102);
	/* The global timers never count: their registers read 0 */
	wr(MPIC_TIMER_BLOCK + 0x30, vecpri(9, 0x77));
	assert_int_equal(rd(MPIC_TIMER_BLOCK + 0x30), 0);
	assert_int_equal(rd(CPU(0) + MPIC_CTPR), MPIC_PRIO_MAX);
}

static void test_whoami_and_cpu_blocks(void **state)
{
	(void)state;
	assert_int_equal(rd_as(0, SELF + MPIC_WHOAMI), 0);
	assert_int_equal(rd_as(1, SELF + MPIC_WHOAMI), 1);
	assert_int_equal(rd_as(0, CPU(1) + MPIC_WHOAMI), 1);
	/* The alias reaches the accessing vCPU's CTPR; a block reaches its own */
	wr_as(1, SELF + MPIC_CTPR, 0x37);
	assert_int_equal(rd_as(0, CPU(1) + MPIC_CTPR), 7);
	assert_int_equal(rd_as(0, SELF + MPIC_CTPR), MPIC_PRIO_MAX);
	wr_as(1, CPU(0) + MPIC_CTPR, 2);
	assert_int_equal(rd_as(0, SELF + MPIC_CTPR), 2);
}

static void test_refused(void **state)
{
	static const uint32_t holes[] = {
		0x00010, 0x00030, 0x000c0, 0x01010, 0x01030, 0x01300,
		0x01600,		/* MSI registers */
		0x03800,		/* summary registers */
		MPIC_IVPR(SRC_UART) + 0x18,	/* the 4.x interrupt level register */
		MPIC_IVPR(MPIC_NR_SOURCES),
		CPU(0) + 0x00, CPU(0) + 0xc0, CPU(1) + 0x100,
		CPU(NVCPUS) + MPIC_CTPR,	/* no such vCPU */
		MPIC_SIZE - 0x10,
	};
	uint64_t val;

	(void)state;
	for (unsigned int i = 0; i < ARRAY_SIZE(holes); i++) {
		assert_int_equal(dev.ops->read(&dev, NULL, holes[i], 4, &val), -1);
		assert_int_equal(dev.ops->write(&dev, NULL, holes[i], 4, 0), -1);
	}
	/* One aligned word only, and nothing done when refused */
	assert_int_equal(dev.ops->write(&dev, NULL, SELF + MPIC_CTPR, 1, 0), -1);
	assert_int_equal(dev.ops->write(&dev, NULL, SELF + MPIC_CTPR, 2, 0), -1);
	assert_int_equal(dev.ops->write(&dev, NULL, SELF + MPIC_CTPR, 8, 0), -1);
	assert_int_equal(dev.ops->write(&dev, NULL, SELF + MPIC_CTPR + 4, 4, 0), -1);
	assert_int_equal(dev.ops->read(&dev, NULL, MPIC_FRR + 2, 4, &val), -1);
	assert_int_equal(dev.ops->read(&dev, NULL, MPIC_FRR, 2, &val), -1);
	assert_int_equal(rd(SELF + MPIC_CTPR), MPIC_PRIO_MAX);
}

/* ---- masking and priorities ------------------------------------------------- */

static void test_masking(void **state)
{
	(void)state;
	open_ctpr();
	/* Reset: masked, priority 0, sense as the config says */
	assert_int_equal(rd(MPIC_IVPR(SRC_DOORBELL)), MPIC_IVPR_MSK | MPIC_IVPR_P);
	assert_int_equal(rd(MPIC_IDR(SRC_DOORBELL)), 1);
	assert_int_equal(vmpic_raise(&m, SRC_DOORBELL), VMPIC_NO_VCPU);
	assert_false(vmpic_output(&m, 0));
	/* Requested but masked: no activity */
	assert_int_equal(rd(MPIC_IVPR(SRC_DOORBELL)) & MPIC_IVPR_A, 0);
	wr(MPIC_IVPR(SRC_DOORBELL), vecpri(5, 0x100));
	assert_true(vmpic_output(&m, 0));
	assert_int_equal(rd(MPIC_IVPR(SRC_DOORBELL)),
			 MPIC_IVPR_A | MPIC_IVPR_P | vecpri(5, 0x100));
	wr(MPIC_IVPR(SRC_DOORBELL), MPIC_IVPR_MSK | vecpri(5, 0x100));
	assert_false(vmpic_output(&m, 0));
	assert_int_equal(iack(0), SPURIOUS);
	/* Still pending: unmasking delivers it */
	wr(MPIC_IVPR(SRC_DOORBELL), vecpri(5, 0x100));
	assert_int_equal(iack(0), 0x100);
	/* Priority 0 never interrupts */
	wr(MPIC_IVPR(SRC_DOORBELL), vecpri(0, 0x100));
	eoi(0);
	vmpic_raise(&m, SRC_DOORBELL);
	assert_false(vmpic_output(&m, 0));
}

static void test_priority_vs_ctpr(void **state)
{
	(void)state;
	route(SRC_DOORBELL, 5, 0x55, 1);
	vmpic_raise(&m, SRC_DOORBELL);
	/* CTPR resets to 15: nothing gets through */
	assert_false(vmpic_output(&m, 0));
	assert_int_equal(iack(0), SPURIOUS);
	wr(SELF + MPIC_CTPR, 5);
	assert_false(vmpic_output(&m, 0));
	wr(SELF + MPIC_CTPR, 4);
	assert_true(vmpic_output(&m, 0));
	/* Raising CTPR again withdraws it */
	wr(SELF + MPIC_CTPR, 6);
	assert_false(vmpic_output(&m, 0));
	wr(SELF + MPIC_CTPR, 0);
	assert_int_equal(iack(0), 0x55);
	assert_int_equal(iack(0), SPURIOUS);
}

static void test_iack_takes_the_highest(void **state)
{
	(void)state;
	open_ctpr();
	route(SRC_PCI, 3, 0x33, 1);
	route(SRC_UART, 9, 0x99, 1);
	route(SRC_DOORBELL, 6, 0x66, 1);
	vmpic_set_level(&m, SRC_PCI, true);
	vmpic_set_level(&m, SRC_UART, true);
	vmpic_raise(&m, SRC_DOORBELL);
	assert_int_equal(iack(0), 0x99);
	/* 6 and 3 are below the 9 in service */
	assert_false(vmpic_output(&m, 0));
	assert_int_equal(iack(0), SPURIOUS);
	vmpic_set_level(&m, SRC_UART, false);
	eoi(0);
	assert_int_equal(iack(0), 0x66);
	assert_int_equal(iack(0), SPURIOUS);
	eoi(0);
	assert_int_equal(iack(0), 0x33);
	/* Nesting: a higher priority gets through while 3 is in service */
	vmpic_raise(&m, SRC_DOORBELL);
	assert_true(vmpic_output(&m, 0));
	assert_int_equal(iack(0), 0x66);
	/* EOI completes the highest one in service first */
	eoi(0);
	assert_int_equal(rd(MPIC_IVPR(SRC_DOORBELL)) & MPIC_IVPR_A, 0);
	assert_true(rd(MPIC_IVPR(SRC_PCI)) & MPIC_IVPR_A);
	vmpic_set_level(&m, SRC_PCI, false);
	eoi(0);
	assert_int_equal(rd(MPIC_IVPR(SRC_PCI)) & MPIC_IVPR_A, 0);
	/* An EOI with nothing in service does nothing */
	eoi(0);
	assert_false(vmpic_output(&m, 0));
}

static void test_equal_priorities(void **state)
{
	(void)state;
	open_ctpr();
	route(SRC_UART, 4, 0x42, 1);
	route(SRC_PCI, 4, 0x03, 1);
	wr(MPIC_IPIVPR(2), vecpri(4, 0x202));
	vmpic_set_level(&m, SRC_UART, true);
	vmpic_set_level(&m, SRC_PCI, true);
	wr(SELF + MPIC_IPIDR(2), 1);
	/* IPIs first, then sources by number */
	assert_int_equal(iack(0), 0x202);
	eoi(0);
	assert_int_equal(iack(0), 0x03);
	vmpic_set_level(&m, SRC_PCI, false);
	eoi(0);
	assert_int_equal(iack(0), 0x42);
}

static void test_spurious_vector(void **state)
{
	(void)state;
	open_ctpr();
	assert_int_equal(iack(0), SPURIOUS);
	wr(MPIC_SVR, 0xbeef);
	assert_int_equal(iack(0), 0xbeef);
	assert_int_equal(iack(1), 0xbeef);
	/* A spurious IACK takes nothing into service */
	route(SRC_DOORBELL, 2, 0x10, 1);
	vmpic_raise(&m, SRC_DOORBELL);
	assert_int_equal(iack(0), 0x10);
}

/* ---- edge and level ---------------------------------------------------------- */

static void test_edge(void **state)
{
	(void)state;
	open_ctpr();
	route(SRC_DOORBELL, 5, 0x64, 1);
	/* Two edges before the IACK are one interrupt */
	assert_int_equal(vmpic_raise(&m, SRC_DOORBELL), 0);
	assert_int_equal(vmpic_raise(&m, SRC_DOORBELL), VMPIC_NO_VCPU);
	assert_int_equal(iack(0), 0x64);
	assert_false(vmpic_output(&m, 0));
	/* One while it is in service waits for the EOI */
	assert_int_equal(vmpic_raise(&m, SRC_DOORBELL), VMPIC_NO_VCPU);
	assert_false(vmpic_output(&m, 0));
	eoi(0);
	assert_true(vmpic_output(&m, 0));
	assert_int_equal(iack(0), 0x64);
	eoi(0);
	assert_false(vmpic_output(&m, 0));
	/* Driven as a line, an edge source latches the rising edge only */
	route(SRC_FALLING, 5, 0x07, 1);
	assert_int_equal(rd(MPIC_IVPR(SRC_FALLING)) & (MPIC_IVPR_S | MPIC_IVPR_P), 0);
	assert_int_equal(vmpic_set_level(&m, SRC_FALLING, true), 0);
	assert_int_equal(iack(0), 0x07);
	eoi(0);
	assert_int_equal(vmpic_set_level(&m, SRC_FALLING, true), VMPIC_NO_VCPU);
	vmpic_set_level(&m, SRC_FALLING, false);
	assert_false(vmpic_output(&m, 0));
	assert_int_equal(vmpic_set_level(&m, SRC_FALLING, true), 0);
	assert_int_equal(iack(0), 0x07);
}

static void test_level(void **state)
{
	(void)state;
	open_ctpr();
	route(SRC_UART, 5, 0x2a, 1);
	/* The sense is the config's: the guest cannot make it an edge */
	wr(MPIC_IVPR(SRC_UART), vecpri(5, 0x2a));
	assert_int_equal(rd(MPIC_IVPR(SRC_UART)), MPIC_IVPR_S | MPIC_IVPR_P | vecpri(5, 0x2a));
	assert_int_equal(rd(MPIC_IVPR(SRC_PCI)) & (MPIC_IVPR_S | MPIC_IVPR_P), MPIC_IVPR_S);
	assert_int_equal(vmpic_set_level(&m, SRC_UART, true), 0);
	assert_int_equal(iack(0), 0x2a);
	/* Still asserted at the EOI: it interrupts again */
	eoi(0);
	assert_true(vmpic_output(&m, 0));
	assert_int_equal(iack(0), 0x2a);
	/* The device quietened before the EOI: it does not */
	vmpic_set_level(&m, SRC_UART, false);
	eoi(0);
	assert_false(vmpic_output(&m, 0));
	/* A line that drops before the IACK withdraws the interrupt */
	vmpic_set_level(&m, SRC_UART, true);
	vmpic_set_level(&m, SRC_UART, false);
	assert_int_equal(iack(0), SPURIOUS);
	/* A raise on a level source is an event, gone at its IACK */
	vmpic_raise(&m, SRC_UART);
	assert_int_equal(iack(0), 0x2a);
	eoi(0);
	assert_false(vmpic_output(&m, 0));
}

/* ---- destinations, IPIs ------------------------------------------------------ */

static void test_destination(void **state)
{
	(void)state;
	open_ctpr();
	route(SRC_DOORBELL, 5, 0x64, 2);
	assert_int_equal(vmpic_raise(&m, SRC_DOORBELL), 1);
	assert_false(vmpic_output(&m, 0));
	assert_true(vmpic_output(&m, 1));
	assert_int_equal(iack(0), SPURIOUS);
	assert_int_equal(iack(1), 0x64);
	/* vCPU 0's EOI does not complete vCPU 1's interrupt */
	eoi(0);
	assert_true(rd(MPIC_IVPR(SRC_DOORBELL)) & MPIC_IVPR_A);
	eoi(1);
	assert_int_equal(rd(MPIC_IVPR(SRC_DOORBELL)) & MPIC_IVPR_A, 0);
	/* Several named: the lowest gets it; none: it waits, pending */
	wr(MPIC_IDR(SRC_DOORBELL), 0xff);
	assert_int_equal(rd(MPIC_IDR(SRC_DOORBELL)), 3);
	assert_int_equal(vmpic_raise(&m, SRC_DOORBELL), 0);
	assert_false(vmpic_output(&m, 1));
	assert_int_equal(iack(0), 0x64);
	eoi(0);
	wr(MPIC_IDR(SRC_DOORBELL), 0);
	assert_int_equal(vmpic_raise(&m, SRC_DOORBELL), VMPIC_NO_VCPU);
	assert_false(vmpic_output(&m, 0) || vmpic_output(&m, 1));
	/* Routing it to vCPU 1 from vCPU 0 kicks vCPU 1 */
	kicked = 0;
	wr_as(0, MPIC_IDR(SRC_DOORBELL), 2);
	assert_int_equal(kicked, 2);
	assert_int_equal(iack(1), 0x64);
}

static void test_ipis(void **state)
{
	(void)state;
	open_ctpr();
	assert_int_equal(rd(MPIC_IPIVPR(1)), MPIC_IVPR_MSK);
	wr(MPIC_IPIVPR(1), vecpri(7, 0x201));
	kicked = 0;
	/* From vCPU 0 to both: vCPU 1 kicked, vCPU 0 (the sender) not */
	wr_as(0, SELF + MPIC_IPIDR(1), 0xff);
	assert_int_equal(kicked, 2);
	assert_true(vmpic_output(&m, 0));
	assert_true(vmpic_output(&m, 1));
	/* Each target takes and completes its own copy */
	assert_int_equal(iack(1), 0x201);
	assert_true(vmpic_output(&m, 0));
	assert_int_equal(iack(0), 0x201);
	eoi(1);
	assert_true(rd(MPIC_IPIVPR(1)) & MPIC_IVPR_A);
	eoi(0);
	assert_int_equal(rd(MPIC_IPIVPR(1)), vecpri(7, 0x201));
	/* Through vCPU 1's block, and masked ones wait */
	wr(MPIC_IPIVPR(1), MPIC_IVPR_MSK | vecpri(7, 0x201));
	wr_as(1, CPU(1) + MPIC_IPIDR(1), 1);
	assert_false(vmpic_output(&m, 0));
	wr(MPIC_IPIVPR(1), vecpri(7, 0x201));
	assert_int_equal(iack(0), 0x201);
	/* The dispatch registers are write-only */
	assert_int_equal(rd(SELF + MPIC_IPIDR(1)), 0);
}

/* ---- passthrough sources, reset, sources not owned ---------------------------- */

static void test_hw_eoi(void **state)
{
	(void)state;
	open_ctpr();
	route(SRC_HW, 8, 0x18, 1);
	assert_false(vmpic_soft_source(&m, SRC_HW));
	assert_true(vmpic_soft_source(&m, SRC_UART));
	assert_int_equal(vmpic_raise(&m, SRC_HW), 0);
	assert_int_equal(iack(0), 0x18);
	assert_int_equal(hw_eois[SRC_HW], 0);
	eoi(0);
	assert_int_equal(hw_eois[SRC_HW], 1);
	/* Soft sources are not reported */
	route(SRC_UART, 5, 0x2a, 1);
	vmpic_raise(&m, SRC_UART);
	iack(0);
	eoi(0);
	assert_int_equal(hw_eois[SRC_UART], 0);
	/* A reset drops a pending one and one in service: both reported */
	vmpic_raise(&m, SRC_HW);
	vmpic_reset(&m);
	assert_int_equal(hw_eois[SRC_HW], 2);
	open_ctpr();
	route(SRC_HW, 8, 0x18, 1);
	vmpic_raise(&m, SRC_HW);
	iack(0);
	vmpic_vcpu_reset(&m, 0);
	assert_int_equal(hw_eois[SRC_HW], 3);
	vmpic_reset(&m);
	assert_int_equal(hw_eois[SRC_HW], 3);
}

static void test_reset(void **state)
{
	(void)state;
	open_ctpr();
	wr(MPIC_SVR, 0x1234);
	wr(MPIC_GCR, MPIC_GCR_MIXED);
	route(SRC_UART, 5, 0x2a, 2);
	wr(MPIC_IPIVPR(0), vecpri(3, 0x200));
	wr(SELF + MPIC_IPIDR(0), 1);
	vmpic_set_level(&m, SRC_UART, true);
	assert_int_equal(iack(1), 0x2a);
	/* The guest's reset through GCR: every register back, the line kept */
	wr(MPIC_GCR, MPIC_GCR_RESET);
	assert_int_equal(rd(MPIC_GCR), 0);
	assert_int_equal(rd(MPIC_SVR), SPURIOUS);
	assert_int_equal(rd(SELF + MPIC_CTPR), MPIC_PRIO_MAX);
	assert_int_equal(rd_as(1, SELF + MPIC_CTPR), MPIC_PRIO_MAX);
	assert_int_equal(rd(MPIC_IPIVPR(0)), MPIC_IVPR_MSK);
	assert_int_equal(rd(MPIC_IDR(SRC_UART)), 1);
	assert_int_equal(rd(MPIC_IVPR(SRC_UART)), MPIC_IVPR_MSK | MPIC_IVPR_S | MPIC_IVPR_P);
	assert_false(vmpic_output(&m, 0) || vmpic_output(&m, 1));
	open_ctpr();
	wr(MPIC_IVPR(SRC_UART), vecpri(5, 0x2a));
	assert_int_equal(iack(0), 0x2a);
	/* A vCPU's restart: its CTPR and what it had in service */
	vmpic_vcpu_reset(&m, 0);
	assert_int_equal(rd(SELF + MPIC_CTPR), MPIC_PRIO_MAX);
	assert_int_equal(rd_as(1, SELF + MPIC_CTPR), 0);
	wr(SELF + MPIC_CTPR, 0);
	assert_int_equal(iack(0), 0x2a);
}

static void test_sources_not_owned(void **state)
{
	(void)state;
	open_ctpr();
	assert_false(vmpic_soft_source(&m, NOT_OURS));
	assert_false(vmpic_soft_source(&m, MPIC_NR_SOURCES));
	assert_int_equal(rd(MPIC_IVPR(NOT_OURS)), MPIC_IVPR_MSK);
	assert_int_equal(rd(MPIC_IDR(NOT_OURS)), 0);
	route(NOT_OURS, 5, 0x2b, 1);
	assert_int_equal(rd(MPIC_IVPR(NOT_OURS)), MPIC_IVPR_MSK);
	assert_int_equal(rd(MPIC_IDR(NOT_OURS)), 0);
	assert_int_equal(vmpic_raise(&m, NOT_OURS), VMPIC_NO_VCPU);
	assert_int_equal(vmpic_set_level(&m, 1000, true), VMPIC_NO_VCPU);
	assert_false(vmpic_output(&m, 0));
}

static void test_init_refuses(void **state)
{
	struct vmpic_source many[VMPIC_MAX_SOURCES + 1];
	struct vmpic_source bad[2] = {
		{ 5, MPIC_SENSE_EDGE_RISING, false }, { 5, MPIC_SENSE_LEVEL_HIGH, false },
	};
	static const struct vmpic_hooks no_hw = { hook_current, hook_kick, NULL };

	(void)state;
	assert_int_equal(vmpic_init(&m, 0, sources, 1, &hooks, NULL), -1);
	assert_int_equal(vmpic_init(&m, VMPIC_MAX_VCPUS + 1, sources, 1, &hooks, NULL), -1);
	assert_int_equal(vmpic_init(&m, 1, bad, 2, &hooks, NULL), -1);
	bad[1].irq = MPIC_NR_SOURCES;
	assert_int_equal(vmpic_init(&m, 1, bad, 2, &hooks, NULL), -1);
	assert_int_equal(vmpic_init(&m, 1, sources, ARRAY_SIZE(sources), &no_hw, NULL), -1);
	for (unsigned int i = 0; i < ARRAY_SIZE(many); i++)
		many[i] = (struct vmpic_source){ 200 - i, MPIC_SENSE_EDGE_RISING, false };
	assert_int_equal(vmpic_init(&m, 1, many, ARRAY_SIZE(many), &hooks, NULL), -1);
	/* The most a config can give, in any order */
	assert_int_equal(vmpic_init(&m, VMPIC_MAX_VCPUS, many, VMPIC_MAX_SOURCES, &hooks, NULL), 0);
	assert_true(vmpic_soft_source(&m, 200));
	assert_true(vmpic_soft_source(&m, 200 - VMPIC_MAX_SOURCES + 1));
	assert_false(vmpic_soft_source(&m, 200 - VMPIC_MAX_SOURCES));
	assert_int_equal(rd(MPIC_FRR) >> MPIC_FRR_NCPU_SHIFT & 0x1f, VMPIC_MAX_VCPUS - 1);
	assert_int_equal(rd_as(7, SELF + MPIC_WHOAMI), 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_global_registers, setup),
		cmocka_unit_test_setup(test_whoami_and_cpu_blocks, setup),
		cmocka_unit_test_setup(test_refused, setup),
		cmocka_unit_test_setup(test_masking, setup),
		cmocka_unit_test_setup(test_priority_vs_ctpr, setup),
		cmocka_unit_test_setup(test_iack_takes_the_highest, setup),
		cmocka_unit_test_setup(test_equal_priorities, setup),
		cmocka_unit_test_setup(test_spurious_vector, setup),
		cmocka_unit_test_setup(test_edge, setup),
		cmocka_unit_test_setup(test_level, setup),
		cmocka_unit_test_setup(test_destination, setup),
		cmocka_unit_test_setup(test_ipis, setup),
		cmocka_unit_test_setup(test_hw_eoi, setup),
		cmocka_unit_test_setup(test_reset, setup),
		cmocka_unit_test_setup(test_sources_not_owned, setup),
		cmocka_unit_test_setup(test_init_refuses, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
