// SPDX-License-Identifier: MIT
/*
 * The virtual GIC's hardware side: moving list register values between
 * the vGIC state (vgic.c) and the GICH virtual interface control block,
 * the guest's distributor as an MMIO device, vCPU and partition reset, and
 * the core's virtual interrupt hooks.
 *
 * Each physical CPU runs one vCPU for good, so that vCPU's virtual CPU
 * interface state (list registers, GICH_VMCR, GICH_APR) simply stays in
 * the hardware, like its CP15 registers; nothing is saved on exits. After
 * an exit with list registers in use they are folded back into the vGIC
 * state and GICH_HCR is cleared, which also drops a pending maintenance
 * interrupt; before the next entry they are refilled and the interface
 * enabled again. Exits with nothing listed and nothing queued (most
 * hypercalls and MMIO accesses) skip both: with empty list registers
 * GICH_HCR has nothing to signal.
 */
#include <string.h>
#include <bulkhead/board.h>
#include <bulkhead/partition.h>
#include <bulkhead/irqchip.h>
#include <bulkhead/port.h>
#include <asm/arm.h>
#include <asm/sysregs.h>
#include <asm/vcpu.h>
#include <asm/vgic.h>

#define GICH_HCR		0x000
#define GICH_VTR		0x004
#define GICH_VMCR		0x008
#define GICH_APR		0x0f0
#define GICH_LR(i)		(0x100 + 4 * (i))
#define GICH_HCR_EN		(1u << 0)
#define GICH_HCR_UIE		(1u << 1)	/* maintenance when at most one LR is in use */

/* What this CPU's list registers hold, as last read or written. */
static uint32_t hw_lr[CONFIG_NR_CPUS][VGIC_MAX_LRS];

static inline uint32_t gich_read(unsigned int off)
{
	return *(volatile uint32_t *)(gic.hyp + off);
}

static inline void gich_write(unsigned int off, uint32_t v)
{
	*(volatile uint32_t *)(gic.hyp + off) = v;
}

/* ---- the guest's distributor ------------------------------------------- */

/* The accessing vCPU's index is its CPU interface, for the banked registers. */
static int dist_read(struct io_device *dev, struct vcpu *v, uint32_t off,
		     unsigned int size, uint64_t *val)
{
	uint32_t word;
	int err = vgic_dist_read(dev->priv, v->index, off, size, &word);

	*val = word;
	return err;
}

static int dist_write(struct io_device *dev, struct vcpu *v, uint32_t off,
		      unsigned int size, uint64_t val)
{
	uint32_t vcpus = 0;
	int err = vgic_dist_write(dev->priv, v->index, off, size, val, &vcpus);

	irqchip_kick(v->part, vcpus);
	return err;
}

static const struct io_ops dist_ops = {
	.read = dist_read,
	.write = dist_write,
};

/*
 * Boot CPU, from port_partition_init(): a vGIC with @nr_irqs interrupt
 * IDs, the virtual timer forwarded, the distributor at the guest's GICD.
 */
int vgic_hw_init(struct partition *p, unsigned int nr_irqs)
{
	struct vgic *d = &p->arch->vgic;

	vgic_init(d, p->cfg->ncpus, nr_irqs, (gich_read(GICH_VTR) & 0x3f) + 1);
	if (vgic_bind_hw(d, VGIC_PPI_VTIMER, true))
		return -1;
	/* No boot yet: the first vCPU reset resets the vGIC */
	p->arch->vgic_boot = ~0u;
	return mmio_register(p, CONFIG_GUEST_GICD_BASE, VGIC_GUEST_GICD_SIZE, &dist_ops, d);
}

/* ---- entry and exit ------------------------------------------------------ */

void vgic_hw_sync(struct vcpu *v)
{
	struct vgic *d = &v->part->arch->vgic;
	uint32_t *hw = hw_lr[port_cpu_index()];

	for (unsigned int i = 0; i < d->nr_lrs; i++)
		if (d->cpu[v->index].lr[i])
			hw[i] = gich_read(GICH_LR(i));
	/* No maintenance interrupt while the hypervisor runs */
	gich_write(GICH_HCR, 0);
	vgic_fold(d, v->index, hw);
}

void vgic_hw_flush(struct vcpu *v)
{
	struct vgic *d = &v->part->arch->vgic;
	const uint32_t *lr = d->cpu[v->index].lr;
	uint32_t *hw = hw_lr[port_cpu_index()];
	bool underflow, listed = false;
	uint32_t vcpus;

	vcpus = vgic_flush(d, v->index, &underflow);
	for (unsigned int i = 0; i < d->nr_lrs; i++) {
		if (lr[i] != hw[i]) {
			gich_write(GICH_LR(i), lr[i]);
			hw[i] = lr[i];
		}
		listed |= lr[i] != 0;
	}
	v->arch->listed = listed;
	gich_write(GICH_HCR, GICH_HCR_EN | (underflow ? GICH_HCR_UIE : 0));
	irqchip_kick(v->part, vcpus);
}

/* ---- reset ----------------------------------------------------------------- */

/*
 * The first vCPU reset of a boot (vCPU 0; the others are off): the
 * distributor back to reset, and the partition's virtual time restarted
 * from about 0 for all its vCPUs.
 */
static void partition_boot_reset(struct partition *p)
{
	p->arch->vgic_boot = p->boot_count;
	vgic_reset(&p->arch->vgic);
	isb();
	p->arch->cntvoff = read_cntpct();
}

/* From port_vcpu_reset(), on @v's CPU. */
void vgic_hw_vcpu_reset(struct vcpu *v)
{
	struct partition *p = v->part;
	struct vgic *d = &p->arch->vgic;
	uint32_t *hw = hw_lr[port_cpu_index()];
	uint32_t vcpus;

	if (p->arch->vgic_boot != p->boot_count)
		partition_boot_reset(p);
	v->arch->vgic_cpu = &d->cpu[v->index];
	vcpus = vgic_vcpu_reset(d, v->index);
	/* Forwarded SPIs it had pending or active are forgotten: a live line fires again */
	if (v->index == VGIC_HW_SPI_VCPU)
		for (unsigned int i = 0; i < VGIC_MAX_SPIS; i++)
			if (d->spi[i].hw)
				gic_deactivate(d->spi[i].hw);
	gich_write(GICH_HCR, 0);
	for (unsigned int i = 0; i < d->nr_lrs; i++)
		gich_write(GICH_LR(i), 0);
	memset(hw, 0, sizeof(hw_lr[0]));
	v->arch->listed = false;
	gich_write(GICH_APR, 0);
	gich_write(GICH_VMCR, 0);
	/* The timer is off now: a still-active forwarded tick is over */
	write_cntv_ctl(0);
	write_cntvoff(p->arch->cntvoff);
	isb();
	gic_deactivate(VGIC_PPI_VTIMER);
	irqchip_kick(p, vcpus);
}

/* ---- interrupt sources --------------------------------------------------- */

void vgic_hw_inject(struct partition *p, unsigned int vcpu, unsigned int irq)
{
	irqchip_kick(p, vgic_inject_hw(&p->arch->vgic, vcpu, irq));
}

static bool vgic_usable(struct partition *p, unsigned int irq)
{
	const struct vgic *d = &p->arch->vgic;

	return irq >= VGIC_NR_PRIVATE && irq < d->nr_irqs &&
	       !d->spi[irq - VGIC_NR_PRIVATE].hw;
}

static uint32_t vgic_hw_raise(struct partition *p, unsigned int irq)
{
	return vgic_raise(&p->arch->vgic, irq);
}

static uint32_t vgic_hw_set_level(struct partition *p, unsigned int irq, bool level)
{
	return vgic_set_level(&p->arch->vgic, irq, level);
}

/* The vGIC as the core's interrupt controller (irqchip.h) */
const struct irqchip_ops port_irqchip = {
	.route = vgic_hw_route,
	.raise = vgic_hw_raise,
	.set_level = vgic_hw_set_level,
	.usable = vgic_usable,
	.kick = irqchip_kick_cpu,
};
