// SPDX-License-Identifier: MIT
/*
 * The virtual GICv2's state machine: what is pending or active for which
 * vCPU, and which of it goes into the list registers. No hardware access
 * here (asm/vgic.h explains the model and the locking); the list register
 * format is GICv2's (IHI 0048B, GICH_LRn).
 *
 * Every interrupt that is pending or active sits on exactly one vCPU's
 * queue, a bitmap by ID: its own for private IDs, its target's for SPIs.
 * vgic_flush() walks that bitmap, drops what is neither pending nor active
 * any more, moves SPIs whose target changed, and lists the best ones.
 */
#include <string.h>

#include "vgic_internal.h"

struct candidate {
	uint32_t key;
	unsigned int id;
};

struct vgic_irq *vgic_irq(struct vgic *d, unsigned int vcpu, unsigned int id)
{
	if (vgic_is_private(id))
		return &d->cpu[vcpu].priv[id];
	return &d->spi[id - VGIC_NR_PRIVATE];
}

bool vgic_irq_pending(const struct vgic_irq *irq, unsigned int id)
{
	if (vgic_is_sgi(id))
		return irq->sources;
	if (irq->flags & VGIC_LATCH)
		return true;
	/* A forwarded interrupt is pending only once the hypervisor took it */
	return !irq->hw && (irq->flags & (VGIC_LEVEL | VGIC_LINE)) == (VGIC_LEVEL | VGIC_LINE);
}

static bool deliverable(const struct vgic *d, const struct vgic_irq *irq, unsigned int id)
{
	return d->enabled && (irq->flags & VGIC_ENABLED) && vgic_irq_pending(irq, id);
}

/* Lowest vCPU among the SPI's targets: GICv2's 1-of-N delivery. */
static unsigned int spi_target(const struct vgic *d, const struct vgic_irq *irq)
{
	uint32_t mask = irq->targets & vgic_all_vcpus(d);

	return mask ? (unsigned int)__builtin_ctz(mask) : VGIC_NO_VCPU;
}

uint32_t vgic_queue(struct vgic *d, unsigned int vcpu, unsigned int id)
{
	struct vgic_irq *irq = vgic_irq(d, vcpu, id);

	if (!vgic_irq_pending(irq, id) && !(irq->flags & VGIC_ACTIVE))
		return 0;
	if (!vgic_is_private(id)) {
		if (irq->vcpu == VGIC_NO_VCPU)
			irq->vcpu = spi_target(d, irq);
		if (irq->vcpu == VGIC_NO_VCPU)
			return 0;	/* no target: it waits, pending */
		vcpu = irq->vcpu;
	}
	d->cpu[vcpu].queued[id / 32] |= 1u << (id % 32);
	d->cpu[vcpu].queued_words |= 1u << (id / 32);
	return deliverable(d, irq, id) ? 1u << vcpu : 0;
}

static void dequeue(struct vgic *d, unsigned int vcpu, unsigned int id)
{
	struct vgic_cpu *c = &d->cpu[vcpu];

	c->queued[id / 32] &= ~(1u << (id % 32));
	if (!c->queued[id / 32])
		c->queued_words &= ~(1u << (id / 32));
	if (!vgic_is_private(id))
		d->spi[id - VGIC_NR_PRIVATE].vcpu = VGIC_NO_VCPU;
}

uint32_t vgic_retarget(struct vgic *d, unsigned int id)
{
	struct vgic_irq *irq = &d->spi[id - VGIC_NR_PRIVATE];

	if (irq->vcpu != VGIC_NO_VCPU) {
		/* Its vCPU may be taking it right now: its next flush moves it */
		if (irq->flags & (VGIC_LISTED | VGIC_ACTIVE))
			return 0;
		dequeue(d, irq->vcpu, id);
	}
	return vgic_queue(d, 0, id);
}

uint32_t vgic_queued_vcpus(const struct vgic *d)
{
	uint32_t mask = 0;

	for (unsigned int v = 0; v < d->nvcpus; v++)
		if (d->cpu[v].queued_words)
			mask |= 1u << v;
	return mask;
}

/* ---- reset ------------------------------------------------------------- */

/* A vCPU's banked interrupts after reset; forwarding (hw) survives. */
static void reset_bank(struct vgic_cpu *c)
{
	for (unsigned int id = 0; id < VGIC_NR_PRIVATE; id++) {
		struct vgic_irq *irq = &c->priv[id];
		uint16_t hw = irq->hw;

		memset(irq, 0, sizeof(*irq));
		irq->hw = hw;
		irq->vcpu = VGIC_NO_VCPU;
		/* SGIs are always enabled and edge-triggered; PPIs level */
		irq->flags = vgic_is_sgi(id) ? VGIC_ENABLED : VGIC_LEVEL;
	}
	c->queued[0] = 0;
	c->queued_words &= ~1u;
	memset(c->lr, 0, sizeof(c->lr));
}

void vgic_reset(struct vgic *d)
{
	spin_lock(&d->lock);
	d->enabled = false;
	for (unsigned int i = 0; i < VGIC_MAX_SPIS; i++) {
		struct vgic_irq *irq = &d->spi[i];
		/* The input line and a forwarded SPI's trigger are not guest state */
		uint8_t keep = irq->flags & (VGIC_LINE | (irq->hw ? VGIC_LEVEL : 0));
		uint16_t hw = irq->hw;

		memset(irq, 0, sizeof(*irq));
		irq->hw = hw;
		/* Level-sensitive and routed to vCPU 0 until the guest says otherwise */
		irq->flags = hw ? keep : keep | VGIC_LEVEL;
		irq->targets = 1u << VGIC_HW_SPI_VCPU;
		irq->vcpu = VGIC_NO_VCPU;
	}
	for (unsigned int v = 0; v < VGIC_MAX_VCPUS; v++) {
		memset(d->cpu[v].queued, 0, sizeof(d->cpu[v].queued));
		d->cpu[v].queued_words = 0;
		reset_bank(&d->cpu[v]);
	}
	spin_unlock(&d->lock);
}

void vgic_init(struct vgic *d, unsigned int nvcpus, unsigned int nr_irqs,
	       unsigned int nr_lrs)
{
	memset(d, 0, sizeof(*d));
	d->lock = (spinlock_t)SPINLOCK_INIT;
	d->nvcpus = nvcpus;
	d->nr_irqs = nr_irqs;
	d->nr_lrs = nr_lrs < VGIC_MAX_LRS ? nr_lrs : VGIC_MAX_LRS;
	vgic_reset(d);
}

uint32_t vgic_vcpu_reset(struct vgic *d, unsigned int vcpu)
{
	struct vgic_cpu *c = &d->cpu[vcpu];
	uint32_t kick = 0;

	spin_lock(&d->lock);
	/* SPIs on its queue: what it had active is gone, the rest requeued */
	for (unsigned int w = 1; w < d->nr_irqs / 32; w++)
		for (uint32_t bits = c->queued[w]; bits; bits &= bits - 1) {
			unsigned int id = w * 32 + __builtin_ctz(bits);
			struct vgic_irq *irq = &d->spi[id - VGIC_NR_PRIVATE];

			irq->flags &= ~(VGIC_ACTIVE | VGIC_LISTED);
			/* Its physical interrupt is deactivated: a live line fires again */
			if (irq->hw)
				irq->flags &= ~VGIC_LATCH;
			dequeue(d, vcpu, id);
			kick |= vgic_queue(d, vcpu, id);
		}
	reset_bank(c);
	spin_unlock(&d->lock);
	return kick;
}

int vgic_bind_hw(struct vgic *d, unsigned int irq, bool level)
{
	int ret = 0;

	if (irq < VGIC_NR_SGIS || irq >= d->nr_irqs)
		return -1;
	spin_lock(&d->lock);
	if (vgic_is_private(irq)) {
		for (unsigned int v = 0; v < VGIC_MAX_VCPUS; v++)
			d->cpu[v].priv[irq].hw = irq;
	} else if (d->spi[irq - VGIC_NR_PRIVATE].hw) {
		ret = -1;
	} else {
		struct vgic_irq *spi = &d->spi[irq - VGIC_NR_PRIVATE];

		spi->hw = irq;
		spi->flags = (spi->flags & ~VGIC_LEVEL) | (level ? VGIC_LEVEL : 0);
		spi->targets = 1u << VGIC_HW_SPI_VCPU;
	}
	spin_unlock(&d->lock);
	return ret;
}

/* ---- interrupt sources -------------------------------------------------- */

/* A software source: an SPI that is not forwarded from hardware. */
static struct vgic_irq *soft_spi(struct vgic *d, unsigned int irq)
{
	struct vgic_irq *spi;

	if (irq < VGIC_NR_PRIVATE || irq >= d->nr_irqs)
		return NULL;
	spi = &d->spi[irq - VGIC_NR_PRIVATE];
	return spi->hw ? NULL : spi;
}

/* An edge on top of a pending one is the same interrupt: no second kick. */
static uint32_t latch(struct vgic *d, struct vgic_irq *irq, unsigned int vcpu, unsigned int id)
{
	if (irq->flags & VGIC_LATCH)
		return 0;
	irq->flags |= VGIC_LATCH;
	return vgic_queue(d, vcpu, id);
}

uint32_t vgic_raise(struct vgic *d, unsigned int irq)
{
	struct vgic_irq *spi = soft_spi(d, irq);
	uint32_t kick;

	if (!spi)
		return 0;
	spin_lock(&d->lock);
	kick = latch(d, spi, 0, irq);
	spin_unlock(&d->lock);
	return kick;
}

uint32_t vgic_set_level(struct vgic *d, unsigned int irq, bool level)
{
	struct vgic_irq *spi = soft_spi(d, irq);
	uint32_t kick = 0;
	bool rising;

	if (!spi)
		return 0;
	spin_lock(&d->lock);
	rising = level && !(spi->flags & VGIC_LINE);
	spi->flags = (spi->flags & ~VGIC_LINE) | (level ? VGIC_LINE : 0);
	if (rising)
		kick = spi->flags & VGIC_LEVEL ? vgic_queue(d, 0, irq) : latch(d, spi, 0, irq);
	spin_unlock(&d->lock);
	return kick;
}

uint32_t vgic_inject_hw(struct vgic *d, unsigned int vcpu, unsigned int irq)
{
	struct vgic_irq *hw;
	uint32_t kick = 0;

	if (irq < VGIC_NR_SGIS || irq >= d->nr_irqs || vcpu >= d->nvcpus)
		return 0;
	spin_lock(&d->lock);
	hw = vgic_irq(d, vcpu, irq);
	if (hw->hw)
		kick = latch(d, hw, vcpu, irq);
	spin_unlock(&d->lock);
	return kick;
}

/* ---- list registers ------------------------------------------------------ */

/* What the guest did to one listed interrupt, from its LR's state now. */
static void fold_one(struct vgic *d, unsigned int vcpu, uint32_t lr, uint32_t state)
{
	unsigned int id = lr & GICH_LR_VIRT_ID_MASK;
	struct vgic_irq *irq = vgic_irq(d, vcpu, id);

	if (!vgic_is_private(id) && irq->vcpu != vcpu)
		return;
	irq->flags &= ~(VGIC_LISTED | VGIC_ACTIVE);
	if (state & GICH_LR_ACTIVE)
		irq->flags |= VGIC_ACTIVE;
	if (vgic_is_sgi(id)) {
		unsigned int src = (lr >> GICH_LR_CPUID_SHIFT) & 7;

		if (state & GICH_LR_PENDING)
			irq->sources |= 1u << src;
		if (state & GICH_LR_ACTIVE)
			irq->active_src = src;
	} else if ((irq->flags & VGIC_LEVEL) && !irq->hw) {
		/*
		 * Still pending in the LR: keep the event that listed it (a
		 * doorbell); a pending line speaks for itself. Events raised
		 * since the listing are in VGIC_LATCH already.
		 */
		if ((state & GICH_LR_PENDING) && (irq->flags & VGIC_LISTED_LATCH))
			irq->flags |= VGIC_LATCH;
	} else if (state & GICH_LR_PENDING) {
		irq->flags |= VGIC_LATCH;
	}
}

void vgic_fold(struct vgic *d, unsigned int vcpu, const uint32_t *hw_lr)
{
	struct vgic_cpu *c = &d->cpu[vcpu];

	spin_lock(&d->lock);
	for (unsigned int i = 0; i < d->nr_lrs; i++)
		if (c->lr[i])
			fold_one(d, vcpu, c->lr[i], hw_lr[i] & GICH_LR_STATE_MASK);
	spin_unlock(&d->lock);
}

/* Active ones first (they must stay listed), then priority, then ID. */
static uint32_t sort_key(const struct vgic_irq *irq, unsigned int id)
{
	return (irq->flags & VGIC_ACTIVE ? 0 : 1u << 20) | (uint32_t)irq->priority << 10 | id;
}

/* Keep @best sorted, at most @max long; true when something did not fit. */
static bool keep_best(struct candidate *best, unsigned int *n, unsigned int max,
		      uint32_t key, unsigned int id)
{
	unsigned int i = *n;
	bool dropped = false;

	if (i == max) {
		if (!max || key > best[max - 1].key)
			return true;
		i = max - 1;		/* the worst one falls out */
		dropped = true;
	} else {
		(*n)++;
	}
	for (; i > 0 && best[i - 1].key > key; i--)
		best[i] = best[i - 1];
	best[i] = (struct candidate){ key, id };
	return dropped;
}

/* One queued interrupt of @vcpu: drop it, move it, or make it a candidate. */
static uint32_t consider(struct vgic *d, unsigned int vcpu, unsigned int id,
			 struct candidate *best, unsigned int *n, bool *overflow)
{
	struct vgic_irq *irq = vgic_irq(d, vcpu, id);
	bool active = irq->flags & VGIC_ACTIVE;

	if (!active && !vgic_irq_pending(irq, id)) {
		dequeue(d, vcpu, id);
		return 0;
	}
	if (!active && !vgic_is_private(id) && spi_target(d, irq) != vcpu) {
		dequeue(d, vcpu, id);
		return vgic_queue(d, vcpu, id);
	}
	if (active || deliverable(d, irq, id))
		*overflow |= keep_best(best, n, d->nr_lrs, sort_key(irq, id), id);
	return 0;
}

/* The list register for @irq; what it takes over leaves the software state. */
static uint32_t make_lr(struct vgic_irq *irq, unsigned int id)
{
	uint32_t lr = id | (uint32_t)(irq->priority >> 3) << GICH_LR_PRIO_SHIFT;

	if (irq->flags & VGIC_ACTIVE)
		lr |= GICH_LR_ACTIVE;
	if (vgic_is_sgi(id)) {
		/* One source at a time: an ID appears in one list register only */
		unsigned int src = irq->flags & VGIC_ACTIVE ? irq->active_src :
				   (unsigned int)__builtin_ctz(irq->sources);

		if (irq->sources & (1u << src))
			lr |= GICH_LR_PENDING;
		irq->sources &= ~(1u << src);
		/* Others wait: come back when the guest completes this one */
		return lr | src << GICH_LR_CPUID_SHIFT | (irq->sources ? GICH_LR_EOI : 0);
	}
	if (vgic_irq_pending(irq, id))
		lr |= GICH_LR_PENDING;
	if (irq->hw) {
		irq->flags &= ~VGIC_LATCH;
		return lr | GICH_LR_HW | (uint32_t)irq->hw << GICH_LR_PHYS_SHIFT;
	}
	/*
	 * A level line is sampled again when the guest completes it. A latched
	 * event moves into the LR, so that one raised while the guest handles
	 * this one latches anew (and kicks) instead of being lost.
	 */
	if (irq->flags & VGIC_LEVEL) {
		irq->flags &= ~VGIC_LISTED_LATCH;
		if (irq->flags & VGIC_LATCH)
			irq->flags |= VGIC_LISTED_LATCH;
		irq->flags &= ~VGIC_LATCH;
		return lr | GICH_LR_EOI;
	}
	irq->flags &= ~VGIC_LATCH;
	return lr;
}

uint32_t vgic_flush(struct vgic *d, unsigned int vcpu, bool *underflow)
{
	struct vgic_cpu *c = &d->cpu[vcpu];
	struct candidate best[VGIC_MAX_LRS];
	unsigned int n = 0;
	bool overflow = false;
	uint32_t kick = 0;

	spin_lock(&d->lock);
	for (unsigned int w = 0; w < d->nr_irqs / 32; w++)
		for (uint32_t bits = c->queued[w]; bits; bits &= bits - 1)
			kick |= consider(d, vcpu, w * 32 + __builtin_ctz(bits), best, &n,
					 &overflow);
	for (unsigned int i = 0; i < d->nr_lrs; i++) {
		struct vgic_irq *irq;

		if (i >= n) {
			c->lr[i] = 0;
			continue;
		}
		irq = vgic_irq(d, vcpu, best[i].id);
		irq->flags |= VGIC_LISTED;
		c->lr[i] = make_lr(irq, best[i].id);
	}
	spin_unlock(&d->lock);
	*underflow = overflow;
	return kick;
}
