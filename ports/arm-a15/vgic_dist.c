// SPDX-License-Identifier: MIT
/*
 * The guest's GICv2 distributor (GICD, IHI 0048B chapter 4), emulated on
 * the state of vgic.c: every access traps (stage-2 leaves the guest's GICD
 * page unmapped) and lands here through the MMIO registry.
 *
 * Implemented: CTLR, TYPER (ITLinesNumber sized to the partition, CPUNumber
 * to its vCPUs), IIDR, set/clear enable and pending, the active state (read
 * only), 5-bit priorities, targets, trigger configuration, SGIR with its
 * three target filters, the SGI pending-source registers and the ID
 * registers. Banked registers (IDs 0-31) are the accessing vCPU's.
 * Interrupt groups and NSACR read as zero: every interrupt is Group 0,
 * which the virtual CPU interface signals as IRQ.
 */
#include "vgic_internal.h"

#define GICD_CTLR		0x000
#define GICD_TYPER		0x004
#define GICD_IIDR		0x008
#define GICD_ISENABLER		0x100
#define GICD_ICENABLER		0x180
#define GICD_ISPENDR		0x200
#define GICD_ICPENDR		0x280
#define GICD_ISACTIVER		0x300
#define GICD_ICACTIVER		0x380
#define GICD_IPRIORITYR		0x400
#define GICD_ITARGETSR		0x800
#define GICD_ICFGR		0xc00
#define GICD_NSACR		0xe00
#define GICD_SGIR		0xf00
#define GICD_CPENDSGIR		0xf10
#define GICD_SPENDSGIR		0xf20
#define GICD_PIDR4		0xfd0
#define GICD_END		0x1000

/* A GIC-400's identification: ARM (JEP106 0x43b), GICv2 */
#define GICD_IIDR_GIC400	0x0200043bu
static const uint8_t id_regs[12] = {
	0x04, 0x00, 0x00, 0x00,		/* PIDR4-7 */
	0x90, 0xb4, 0x2b, 0x00,		/* PIDR0-3: PIDR2.ArchRev = 2 */
	0x0d, 0xf0, 0x05, 0xb1,		/* CIDR0-3 */
};

#define SGIR_FILTER_LIST	0
#define SGIR_FILTER_OTHERS	1
#define SGIR_FILTER_SELF	2

/* Registers with one bit per interrupt, 32 interrupts a word */
enum bit_reg { SET_ENABLE, CLEAR_ENABLE, SET_PENDING, CLEAR_PENDING, SET_ACTIVE, CLEAR_ACTIVE };

static bool in(uint32_t off, uint32_t base, uint32_t size)
{
	return off >= base && off < base + size;
}

/* Byte access is allowed on priorities, targets and the SGI pending sources. */
static bool byte_accessible(uint32_t off)
{
	return in(off, GICD_IPRIORITYR, 0x800) || in(off, GICD_CPENDSGIR, 0x20);
}

static bool access_ok(uint32_t off, unsigned int size)
{
	return off < GICD_END &&
	       ((size == 4 && !(off & 3)) || (size == 1 && byte_accessible(off)));
}

/* ---- one bit per interrupt --------------------------------------------- */

static uint32_t read_bits(struct vgic *d, unsigned int vcpu, enum bit_reg reg,
			  unsigned int first)
{
	uint32_t val = 0;

	for (unsigned int i = 0; i < 32 && first + i < d->nr_irqs; i++) {
		const struct vgic_irq *irq = vgic_irq(d, vcpu, first + i);
		bool set;

		if (reg <= CLEAR_ENABLE)
			set = irq->flags & VGIC_ENABLED;
		else if (reg <= CLEAR_PENDING)
			set = vgic_irq_pending(irq, first + i);
		else
			set = irq->flags & VGIC_ACTIVE;
		val |= (uint32_t)set << i;
	}
	return val;
}

/*
 * SGIs stay enabled and are made pending through SGIR only. A forwarded
 * interrupt's pending state belongs to the hardware behind it. The active
 * state is what the list registers report; writing it is ignored.
 */
static uint32_t write_bit(struct vgic *d, unsigned int vcpu, enum bit_reg reg,
			  unsigned int id)
{
	struct vgic_irq *irq = vgic_irq(d, vcpu, id);

	if (vgic_is_sgi(id))
		return 0;
	switch (reg) {
	case SET_ENABLE:
		if (irq->flags & VGIC_ENABLED)
			return 0;
		irq->flags |= VGIC_ENABLED;
		return vgic_queue(d, vcpu, id);
	case CLEAR_ENABLE:
		irq->flags &= ~VGIC_ENABLED;
		return 0;
	case SET_PENDING:
		if (irq->hw || (irq->flags & VGIC_LATCH))
			return 0;
		irq->flags |= VGIC_LATCH;
		return vgic_queue(d, vcpu, id);
	case CLEAR_PENDING:
		if (!irq->hw)
			irq->flags &= ~VGIC_LATCH;
		return 0;
	default:
		return 0;
	}
}

static uint32_t write_bits(struct vgic *d, unsigned int vcpu, enum bit_reg reg,
			   unsigned int first, uint32_t val)
{
	uint32_t kick = 0;

	for (; val; val &= val - 1) {
		unsigned int id = first + __builtin_ctz(val);

		if (id < d->nr_irqs)
			kick |= write_bit(d, vcpu, reg, id);
	}
	return kick;
}

/* ---- one byte per interrupt -------------------------------------------- */

static uint8_t read_byte(struct vgic *d, unsigned int vcpu, uint32_t off)
{
	unsigned int id;

	if (in(off, GICD_CPENDSGIR, 0x20))
		return d->cpu[vcpu].priv[off & 0xf].sources;
	if (in(off, GICD_IPRIORITYR, 0x400)) {
		id = off - GICD_IPRIORITYR;
		return id < d->nr_irqs ? vgic_irq(d, vcpu, id)->priority : 0;
	}
	id = off - GICD_ITARGETSR;
	if (vgic_is_private(id))
		return 1u << vcpu;	/* the reading vCPU's own interface */
	return id < d->nr_irqs ? d->spi[id - VGIC_NR_PRIVATE].targets : 0;
}

static uint32_t write_targets(struct vgic *d, unsigned int id, uint8_t val)
{
	struct vgic_irq *spi;

	/* Private targets are read-only; forwarded SPIs stay on their CPU */
	if (vgic_is_private(id) || id >= d->nr_irqs)
		return 0;
	spi = &d->spi[id - VGIC_NR_PRIVATE];
	if (spi->hw)
		return 0;
	spi->targets = val & vgic_all_vcpus(d);
	return vgic_retarget(d, id);
}

static uint32_t write_sgi_sources(struct vgic *d, unsigned int vcpu, uint32_t off,
				  uint8_t val)
{
	struct vgic_irq *sgi = &d->cpu[vcpu].priv[off & 0xf];

	val &= vgic_all_vcpus(d);
	if (in(off, GICD_CPENDSGIR, 0x10)) {
		sgi->sources &= ~val;
		return 0;
	}
	if (!(val & ~sgi->sources))
		return 0;
	sgi->sources |= val;
	return vgic_queue(d, vcpu, off & 0xf);
}

static uint32_t write_byte(struct vgic *d, unsigned int vcpu, uint32_t off, uint8_t val)
{
	unsigned int id;

	if (in(off, GICD_CPENDSGIR, 0x20))
		return write_sgi_sources(d, vcpu, off, val);
	if (in(off, GICD_ITARGETSR, 0x400))
		return write_targets(d, off - GICD_ITARGETSR, val);
	id = off - GICD_IPRIORITYR;
	if (id < d->nr_irqs)
		vgic_irq(d, vcpu, id)->priority = val & VGIC_PRIO_BITS_MASK;
	return 0;
}

/* ---- two bits per interrupt: the trigger ------------------------------- */

#define ICFGR_EDGE		2u

static uint32_t read_config(struct vgic *d, unsigned int vcpu, unsigned int first)
{
	uint32_t val = 0;

	for (unsigned int i = 0; i < 16 && first + i < d->nr_irqs; i++)
		if (!(vgic_irq(d, vcpu, first + i)->flags & VGIC_LEVEL))
			val |= ICFGR_EDGE << (2 * i);
	return val;
}

/* Only SPIs are configurable, and not those forwarded from hardware. */
static uint32_t write_config(struct vgic *d, unsigned int first, uint32_t val)
{
	uint32_t kick = 0;

	for (unsigned int i = 0; i < 16 && first + i < d->nr_irqs; i++) {
		unsigned int id = first + i;
		struct vgic_irq *spi;

		if (vgic_is_private(id))
			continue;
		spi = &d->spi[id - VGIC_NR_PRIVATE];
		/* GICv2: changing the trigger of a listed or active interrupt is
		 * UNPREDICTABLE; ignoring it keeps the pending state whole */
		if (spi->hw || (spi->flags & (VGIC_LISTED | VGIC_ACTIVE)))
			continue;
		spi->flags &= ~VGIC_LEVEL;
		if (!(val & (ICFGR_EDGE << (2 * i))))
			spi->flags |= VGIC_LEVEL;
		kick |= vgic_queue(d, 0, id);	/* a high line is pending now */
	}
	return kick;
}

/* ---- SGIR --------------------------------------------------------------- */

static uint32_t send_sgi(struct vgic *d, unsigned int vcpu, uint32_t val)
{
	unsigned int id = val & 0xf;
	uint32_t targets, kick = 0;

	switch ((val >> 24) & 3) {
	case SGIR_FILTER_LIST:
		targets = (val >> 16) & 0xff;
		break;
	case SGIR_FILTER_OTHERS:
		targets = ~(1u << vcpu);
		break;
	case SGIR_FILTER_SELF:
		targets = 1u << vcpu;
		break;
	default:
		return 0;
	}
	for (targets &= vgic_all_vcpus(d); targets; targets &= targets - 1) {
		unsigned int t = __builtin_ctz(targets);
		struct vgic_irq *sgi = &d->cpu[t].priv[id];

		/* Pending from this source already: the same interrupt */
		if (sgi->sources & (1u << vcpu))
			continue;
		sgi->sources |= 1u << vcpu;
		kick |= vgic_queue(d, t, id);
	}
	return kick;
}

/* ---- dispatch ------------------------------------------------------------ */

/*
 * CTLR, TYPER, IIDR, the group registers (every interrupt is Group 0) and
 * the reserved words below ISENABLER: constants, or CTLR's one flag that
 * a writer stores at once, so read without the lock.
 */
static uint32_t read_global(const struct vgic *d, uint32_t off)
{
	if (off == GICD_CTLR)
		return __atomic_load_n(&d->enabled, __ATOMIC_RELAXED);
	if (off == GICD_TYPER)
		return (d->nr_irqs / 32 - 1) | (d->nvcpus - 1) << 5;
	return off == GICD_IIDR ? GICD_IIDR_GIC400 : 0;
}

static uint32_t read_word(struct vgic *d, unsigned int vcpu, uint32_t off)
{
	if (in(off, GICD_ISENABLER, 0x300))
		return read_bits(d, vcpu, (off - GICD_ISENABLER) / 0x80,
				 (off & 0x7f) * 8);
	if (in(off, GICD_ICFGR, 0x100))
		return read_config(d, vcpu, (off - GICD_ICFGR) * 4);
	if (off >= GICD_PIDR4)
		return id_regs[(off - GICD_PIDR4) / 4];
	return 0;	/* NSACR, SGIR (write-only) and reserved */
}

static uint32_t write_word(struct vgic *d, unsigned int vcpu, uint32_t off, uint32_t val)
{
	if (off == GICD_CTLR) {
		bool was = d->enabled;

		__atomic_store_n(&d->enabled, val & 1, __ATOMIC_RELAXED);
		return d->enabled && !was ? vgic_queued_vcpus(d) : 0;
	}
	if (in(off, GICD_ISENABLER, 0x300))
		return write_bits(d, vcpu, (off - GICD_ISENABLER) / 0x80,
				  (off & 0x7f) * 8, val);
	if (in(off, GICD_ICFGR, 0x100))
		return write_config(d, (off - GICD_ICFGR) * 4, val);
	if (off == GICD_SGIR)
		return send_sgi(d, vcpu, val);
	return 0;
}

/* Everything but read_global()'s registers; kept apart so those stay cheap */
static __attribute__((noinline)) uint32_t read_locked(struct vgic *d, unsigned int vcpu,
						      uint32_t off, unsigned int size)
{
	uint32_t val = 0;

	spin_lock(&d->lock);
	if (byte_accessible(off)) {
		for (unsigned int i = 0; i < size; i++)
			val |= (uint32_t)read_byte(d, vcpu, off + i) << (8 * i);
	} else {
		val = read_word(d, vcpu, off);
	}
	spin_unlock(&d->lock);
	return val;
}

int vgic_dist_read(struct vgic *d, unsigned int vcpu, uint32_t off,
		   unsigned int size, uint32_t *val)
{
	if (!access_ok(off, size))
		return -1;
	*val = off < GICD_ISENABLER ? read_global(d, off) : read_locked(d, vcpu, off, size);
	return 0;
}

int vgic_dist_write(struct vgic *d, unsigned int vcpu, uint32_t off,
		    unsigned int size, uint32_t val, uint32_t *kick)
{
	if (!access_ok(off, size))
		return -1;
	spin_lock(&d->lock);
	if (byte_accessible(off)) {
		for (unsigned int i = 0; i < size; i++)
			*kick |= write_byte(d, vcpu, off + i, val >> (8 * i));
	} else {
		*kick |= write_word(d, vcpu, off, val);
	}
	spin_unlock(&d->lock);
	return 0;
}
