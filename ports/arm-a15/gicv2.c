// SPDX-License-Identifier: MIT
/*
 * The physical GICv2 (IHI 0048B) as the hypervisor drives it. Physical
 * interrupts reach HYP only while a guest runs (HCR.IMO; the hypervisor
 * itself runs with IRQs masked and drains the CPU interface after each
 * guest exit or wake-up from idle).
 *
 * GICC_CTLR.EOImode = 1 splits completion in two: writing GICC_EOIR only
 * drops the running priority, so the next interrupt can be acknowledged;
 * deactivation is separate. The hypervisor's own interrupts (the kick SGI,
 * the vGIC maintenance PPI) are deactivated at once with GICC_DIR. The
 * virtual timer PPI and passthrough SPIs are forwarded to the guest as
 * HW-linked virtual interrupts and stay active until the guest's EOI
 * deactivates them: a device cannot interrupt again before its owner has
 * handled it, and it interrupts only its owner's CPU.
 */
#include <bulkhead/board.h>
#include <bulkhead/console.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <asm/arm.h>
#include <asm/sysregs.h>
#include <asm/vgic.h>

#define GICD_CTLR		0x000
#define GICD_TYPER		0x004
#define GICD_ISENABLER		0x100
#define GICD_ICENABLER		0x180
#define GICD_ICACTIVER		0x380
#define GICD_IPRIORITYR		0x400
#define GICD_ITARGETSR		0x800
#define GICD_ICFGR		0xc00
#define GICD_SGIR		0xf00
#define GICC_CTLR		0x000
#define GICC_PMR		0x004
#define GICC_IAR		0x00c
#define GICC_EOIR		0x010
#define GICC_DIR		0x1000
#define GICC_CTLR_ENABLE	(1u << 0)
#define GICC_CTLR_EOIMODE	(1u << 9)	/* no Security Extensions: bit 9 */
#define GIC_FIRST_SPECIAL	1020		/* 1020-1023: nothing to acknowledge */

#define SGI_KICK		0
#define PPI_MAINTENANCE		25
#define PRIO_HYP		0x00
#define PRIO_GUEST		0x80

/* The partition each passthrough SPI belongs to (its vGIC gets it) */
static struct partition *spi_owner[VGIC_MAX_IRQS];
static unsigned int gic_lines;		/* interrupt IDs the distributor has */

struct gic_regs gic;

static inline void mmio_write32(volatile uint8_t *addr, uint32_t v)
{
	*(volatile uint32_t *)addr = v;
}

static inline void mmio_write8(volatile uint8_t *addr, uint8_t v)
{
	*addr = v;
}

static inline uint32_t mmio_read32(volatile uint8_t *addr)
{
	return *(volatile uint32_t *)addr;
}

#define gicd(off)	(gic.dist + (off))
#define gicc(off)	(gic.cpu + (off))

/* The same address on every CPU: each CPU's banked registers are there. */
static volatile uint8_t *map_lasting(const struct board_mmio *regs, const char *what)
{
	volatile uint8_t *va = port_device_map(regs->base, regs->size, true);

	if (!va)
		hv_panic("the GIC's %s at 0x%llx cannot be mapped", what,
			 (unsigned long long)regs->base);
	return va;
}

/* Boot CPU, once: no SPI reaches any CPU until a partition owns it. */
void gic_init_distributor(void)
{
	gic.dist = map_lasting(&board.intc.distributor, "distributor");
	gic.cpu = map_lasting(&board.intc.cpu_interface, "CPU interface");
	gic.hyp = map_lasting(&board.intc.hyp_control, "virtual interface control");
	gic_lines = 32 * ((mmio_read32(gicd(GICD_TYPER)) & 0x1f) + 1);
	mmio_write32(gicd(GICD_CTLR), 0);
	for (unsigned int irq = 32; irq < gic_lines; irq += 32)
		mmio_write32(gicd(GICD_ICENABLER + irq / 8), 0xffffffffu);
	mmio_write32(gicd(GICD_CTLR), 1);
}

/* Every CPU: its banked kick SGI, maintenance and virtual timer PPIs. */
void gic_init_cpu(void)
{
	mmio_write32(gicd(GICD_IPRIORITYR), 0);		/* SGIs 0..3: top priority */
	mmio_write8(gicd(GICD_IPRIORITYR + PPI_MAINTENANCE), PRIO_HYP);
	mmio_write8(gicd(GICD_IPRIORITYR + VGIC_PPI_VTIMER), PRIO_GUEST);
	mmio_write32(gicd(GICD_ISENABLER), 1u << SGI_KICK | 1u << PPI_MAINTENANCE |
		     1u << VGIC_PPI_VTIMER);
	mmio_write32(gicc(GICC_PMR), 0xff);
	mmio_write32(gicc(GICC_CTLR), GICC_CTLR_ENABLE | GICC_CTLR_EOIMODE);
}

/*
 * Boot CPU, while partitions are created: SPI @irq goes to physical CPU
 * @cpu only, for @owner. The SPI is still disabled while it is configured.
 */
int gic_route_spi(unsigned int irq, unsigned int cpu, bool level, struct partition *owner)
{
	volatile uint8_t *cfgr = gicd(GICD_ICFGR + irq / 16 * 4);
	uint32_t edge = 2u << (irq % 16 * 2);

	if (irq < VGIC_NR_PRIVATE || irq >= gic_lines || irq >= VGIC_MAX_IRQS ||
	    spi_owner[irq])
		return -1;
	spi_owner[irq] = owner;
	mmio_write32(cfgr, level ? mmio_read32(cfgr) & ~edge : mmio_read32(cfgr) | edge);
	mmio_write8(gicd(GICD_IPRIORITYR + irq), PRIO_GUEST);
	/* QEMU's virt numbers GIC CPU interfaces like the CPUs. */
	mmio_write8(gicd(GICD_ITARGETSR + irq), 1u << cpu);
	mmio_write32(gicd(GICD_ISENABLER + irq / 32 * 4), 1u << (irq % 32));
	return 0;
}

/*
 * Deactivate forwarded interrupt @irq whose guest will not complete it
 * (reset). On the CPU it is routed to: QEMU 7.2 keeps an SPI's active
 * state per CPU, and a PPI is banked anyway.
 */
void gic_deactivate(unsigned int irq)
{
	mmio_write32(gicd(GICD_ICACTIVER + irq / 32 * 4), 1u << (irq % 32));
}

/* A forwarded SPI: its owner's vGIC makes it pending for the guest. */
static void forward_spi(uint32_t iar)
{
	unsigned int irq = iar & 0x3ff;
	struct partition *owner = irq < VGIC_MAX_IRQS ? spi_owner[irq] : NULL;

	if (owner) {
		vgic_hw_inject(owner, VGIC_HW_SPI_VCPU, irq);
		return;
	}
	/* Nobody owns it (should not happen): silence it for good */
	mmio_write32(gicd(GICD_ICENABLER + irq / 32 * 4), 1u << (irq % 32));
	mmio_write32(gicc(GICC_DIR), iar);
}

/*
 * The virtual timer of @v's guest fired. With no guest running here
 * (its vCPU is off) the timer is switched off: a level interrupt left
 * enabled would wake this CPU for ever. Its next reset programs it anew.
 */
static void forward_vtimer(struct vcpu *v, uint32_t iar)
{
	if (v) {
		vgic_hw_inject(v->part, v->index, VGIC_PPI_VTIMER);
		return;
	}
	write_cntv_ctl(0);
	isb();
	mmio_write32(gicc(GICC_DIR), iar);
}

/*
 * Acknowledge everything pending at this CPU. @v is the vCPU that just
 * left the guest, or NULL when none runs here. Kicks need nothing more
 * (the caller's run loop looks at its vCPU); the maintenance interrupt is
 * no longer asserted once vgic_hw_sync() disabled the virtual interface,
 * and the next flush does what it asked for.
 */
void gic_handle_irqs(struct vcpu *v)
{
	for (;;) {
		uint32_t iar = mmio_read32(gicc(GICC_IAR));
		unsigned int irq = iar & 0x3ff;

		if (irq >= GIC_FIRST_SPECIAL)
			return;
		/* Pairs with the kicker's dsb: see what it wrote before the SGI */
		__asm__ volatile("dmb ish" ::: "memory");
		mmio_write32(gicc(GICC_EOIR), iar);	/* priority drop only */
		if (irq >= VGIC_NR_PRIVATE)
			forward_spi(iar);
		else if (irq == VGIC_PPI_VTIMER)
			forward_vtimer(v, iar);
		else
			mmio_write32(gicc(GICC_DIR), iar);
	}
}

void port_cpu_kick(unsigned int cpu)
{
	dsb();
	mmio_write32(gicd(GICD_SGIR), (1u << (16 + cpu)) | SGI_KICK);
}

void port_cpu_idle(void)
{
	/* IRQs stay masked in HYP; a pending one still ends WFI. */
	__asm__ volatile("dsb sy\n\twfi" ::: "memory");
	gic_handle_irqs(NULL);
}
