// SPDX-License-Identifier: MIT
/*
 * The physical GICv2, as far as the hypervisor itself needs it: software
 * generated interrupts to kick other CPUs out of guest mode or out of
 * WFI. Guest interrupts are not virtualized yet; no device interrupt is
 * enabled, so nothing else can reach HYP.
 */
#include <bulkhead/board.h>
#include <bulkhead/port.h>
#include <asm/sysregs.h>

#define GICD_CTLR		0x000
#define GICD_ISENABLER0		0x100
#define GICD_IPRIORITYR		0x400
#define GICD_SGIR		0xf00
#define GICC_CTLR		0x000
#define GICC_PMR		0x004
#define GICC_IAR		0x00c
#define GICC_EOIR		0x010
#define GIC_SPURIOUS		1023
#define SGI_KICK		0

static inline void mmio_write32(paddr_t addr, uint32_t v)
{
	*(volatile uint32_t *)(uintptr_t)addr = v;
}

static inline uint32_t mmio_read32(paddr_t addr)
{
	return *(volatile uint32_t *)(uintptr_t)addr;
}

#define gicd(off)	(board.intc_base[0] + (off))
#define gicc(off)	(board.intc_base[1] + (off))

/* Boot CPU, once. */
void gic_init_distributor(void)
{
	mmio_write32(gicd(GICD_CTLR), 1);
}

/* Every CPU: its banked SGI enable, priority mask and CPU interface. */
void gic_init_cpu(void)
{
	mmio_write32(gicd(GICD_IPRIORITYR), 0);		/* SGIs 0..3: top priority */
	mmio_write32(gicd(GICD_ISENABLER0), 1u << SGI_KICK);
	mmio_write32(gicc(GICC_PMR), 0xff);
	mmio_write32(gicc(GICC_CTLR), 1);
}

/* Acknowledge everything pending for this CPU; all of it is kicks. */
void gic_drain(void)
{
	for (;;) {
		uint32_t iar = mmio_read32(gicc(GICC_IAR));

		if ((iar & 0x3ff) == GIC_SPURIOUS)
			return;
		mmio_write32(gicc(GICC_EOIR), iar);
	}
}

void port_cpu_kick(unsigned int cpu)
{
	dsb();
	/* QEMU's virt numbers GIC CPU interfaces like the CPUs. */
	mmio_write32(gicd(GICD_SGIR), (1u << (16 + cpu)) | SGI_KICK);
}

void port_cpu_idle(void)
{
	/* IRQs stay masked in HYP; a pending one still ends WFI. */
	__asm__ volatile("dsb sy\n\twfi" ::: "memory");
	gic_drain();
}
