// SPDX-License-Identifier: MIT
/*
 * A small GICv2 driver for sample guests (IHI 0048B): the distributor and
 * the CPU interface at the addresses of the partition's
 * "arm,cortex-a15-gic" node, and the C side of the IRQ vector
 * (irq_vectors.S). Under Bulkhead the distributor is emulated, so every
 * access to it is one plain load or store; the CPU interface is the GIC's
 * virtual one and costs no trap.
 */
#include <stdio.h>
#include <stdlib.h>
#include <libfdt.h>

#include "guest.h"
#include "irq.h"

#define GICD_CTLR		0x000
#define GICD_ISENABLER		0x100
#define GICD_ICENABLER		0x180
#define GICD_IPRIORITYR		0x400
#define GICD_ITARGETSR		0x800
#define GICD_SGIR		0xf00
#define GICC_CTLR		0x000
#define GICC_PMR		0x004
#define GICC_IAR		0x00c
#define GICC_EOIR		0x010
#define GIC_ENABLE		1u
#define GICC_PMR_ALL		0xf8u	/* lowest priority the GIC implements: all pass */
#define IAR_SOURCE(iar)		(((iar) >> 10) & 7)

extern const char irq_vectors[];

static uintptr_t gicd, gicc;
static irq_handler_t handlers[IRQ_MAX];

void irq_dispatch(void);
void __attribute__((noreturn)) irq_unexpected(uint32_t vector, uint32_t lr);

/* Entry @index of @node's reg, with its parent's #address-cells and #size-cells. */
static int reg_entry(const void *fdt, int node, int index, uint64_t *base)
{
	int parent = fdt_parent_offset(fdt, node);
	int ac = fdt_address_cells(fdt, parent), sc = fdt_size_cells(fdt, parent), len;
	const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);

	if (!reg || ac < 1 || ac > 2 || sc < 0 ||
	    len < (index + 1) * (ac + sc) * (int)sizeof(*reg))
		return -1;
	reg += index * (ac + sc);
	*base = ac == 2 ? (uint64_t)fdt32_ld(reg) << 32 | fdt32_ld(reg + 1) : fdt32_ld(reg);
	return 0;
}

int irq_init(void)
{
	int node = fdt_node_offset_by_compatible(guest.fdt, -1, "arm,cortex-a15-gic");
	uint64_t dist, cpu;

	if (node < 0 || reg_entry(guest.fdt, node, 0, &dist) ||
	    reg_entry(guest.fdt, node, 1, &cpu))
		return -1;
	gicd = dist;
	gicc = cpu;
	mmio_write32(gicd + GICD_CTLR, GIC_ENABLE);
	irq_cpu_init();
	return 0;
}

void irq_cpu_init(void)
{
	__asm__ volatile("mcr p15, 0, %0, c12, c0, 0\n\tisb"	/* VBAR */
			 :: "r"(irq_vectors) : "memory");
	mmio_write32(gicc + GICC_PMR, GICC_PMR_ALL);
	mmio_write32(gicc + GICC_CTLR, GIC_ENABLE);
}

void irq_set_handler(unsigned int irq, irq_handler_t handler)
{
	if (irq < IRQ_MAX)
		handlers[irq] = handler;
}

void irq_enable(unsigned int irq, uint8_t priority)
{
	mmio_write8(gicd + GICD_IPRIORITYR + irq, priority);
	if (irq >= 32)
		mmio_write8(gicd + GICD_ITARGETSR + irq, 1u << (read_mpidr() & 0xff));
	mmio_write32(gicd + GICD_ISENABLER + irq / 32 * 4, 1u << (irq % 32));
}

void irq_disable(unsigned int irq)
{
	mmio_write32(gicd + GICD_ICENABLER + irq / 32 * 4, 1u << (irq % 32));
}

void irq_send_sgi(unsigned int sgi, uint32_t vcpus)
{
	/* The SGI must not overtake what the caller wrote before it */
	__asm__ volatile("dsb" ::: "memory");
	mmio_write32(gicd + GICD_SGIR, (vcpus & 0xff) << 16 | (sgi & 0xf));
}

/* From the IRQ vector: everything pending, each completed after its handler. */
void irq_dispatch(void)
{
	for (;;) {
		uint32_t iar = mmio_read32(gicc + GICC_IAR);
		unsigned int irq = iar & 0x3ff;

		if (irq >= IRQ_MAX)
			return;
		if (handlers[irq])
			handlers[irq](irq, irq < IRQ_NR_SGIS ? IAR_SOURCE(iar) : 0);
		mmio_write32(gicc + GICC_EOIR, iar);
	}
}

/* Any other exception: a sample bug. Say where, and stop the partition. */
void irq_unexpected(uint32_t vector, uint32_t lr)
{
	printf("runtime: unexpected exception, vector 0x%02x, lr 0x%08x\n",
	       (unsigned int)vector, (unsigned int)lr);
	exit(EXIT_FAILURE);
}
