// SPDX-License-Identifier: MIT
/*
 * The vMPIC's state machine: what is pending for which vCPU, what each
 * vCPU has in service, and whether its INT output is asserted. No
 * hardware access here; asm/vmpic.h explains the model and the locking.
 *
 * A partition owns a handful of sources, so everything is a scan of its
 * slots (the four IPIs, then its sources by number): no per-vCPU queues
 * to keep consistent. After every change vmpic_end() recomputes each
 * vCPU's output and says whose rose, which is whom to kick.
 */
#include <string.h>

#include "vmpic_internal.h"

#define VMPIC_CTPR_RESET	MPIC_PRIO_MAX	/* nothing interrupts until lowered */

static unsigned int prio(const struct vmpic_slot *s)
{
	return (s->ivpr & MPIC_IVPR_PRIO_MASK) >> MPIC_IVPR_PRIO_SHIFT;
}

static bool source_pending(const struct vmpic_slot *s)
{
	return (s->flags & VMPIC_LATCH) ||
	       (s->flags & (VMPIC_LEVEL | VMPIC_LINE)) == (VMPIC_LEVEL | VMPIC_LINE);
}

/* A source goes to the lowest vCPU its destination names, if any. */
static int source_target(const struct vmpic *m, const struct vmpic_slot *s)
{
	uint8_t dest = s->dest & vmpic_all_vcpus(m);

	return dest ? __builtin_ctz(dest) : VMPIC_NO_VCPU;
}

/* Slot @i may interrupt @vcpu, priorities aside. */
static bool pending_for(const struct vmpic *m, unsigned int i, unsigned int vcpu)
{
	const struct vmpic_slot *s = &m->slot[i];
	uint8_t bit = 1u << vcpu;

	if ((s->ivpr & MPIC_IVPR_MSK) || (s->in_service & bit))
		return false;
	if (vmpic_is_ipi(i))
		return s->ipi_pending & bit;
	return source_pending(s) && source_target(m, s) == (int)vcpu;
}

/* The slot @vcpu has in service at the highest priority, or VMPIC_NO_SLOT. */
static unsigned int top_in_service(const struct vmpic *m, unsigned int vcpu)
{
	unsigned int top = VMPIC_NO_SLOT;

	for (unsigned int i = 0; i < m->nslots; i++)
		if ((m->slot[i].in_service & (1u << vcpu)) &&
		    (top == VMPIC_NO_SLOT || prio(&m->slot[i]) > prio(&m->slot[top])))
			top = i;
	return top;
}

/*
 * The interrupt @vcpu's output presents: the highest priority pending for
 * it above its CTPR and above what it has in service (the first slot of
 * equal ones), or VMPIC_NO_SLOT.
 */
static unsigned int presented(const struct vmpic *m, unsigned int vcpu)
{
	unsigned int top = top_in_service(m, vcpu);
	unsigned int floor = m->ctpr[vcpu], best = VMPIC_NO_SLOT;

	if (top != VMPIC_NO_SLOT && prio(&m->slot[top]) > floor)
		floor = prio(&m->slot[top]);
	for (unsigned int i = 0; i < m->nslots; i++)
		if (prio(&m->slot[i]) > floor && pending_for(m, i, vcpu)) {
			best = i;
			floor = prio(&m->slot[i]);
		}
	return best;
}

static uint8_t outputs(const struct vmpic *m)
{
	uint8_t mask = 0;

	for (unsigned int v = 0; v < m->nvcpus; v++)
		if (presented(m, v) != VMPIC_NO_SLOT)
			mask |= 1u << v;
	return mask;
}

/* ---- changes ------------------------------------------------------------- */

void vmpic_begin(struct vmpic *m, struct vmpic_change *c)
{
	memset(c->hw_done, 0, sizeof(c->hw_done));
	spin_lock(&m->lock);
	c->before = m->asserted;
}

uint8_t vmpic_end(struct vmpic *m, struct vmpic_change *c)
{
	uint8_t now = outputs(m);

	__atomic_store_n(&m->asserted, now, __ATOMIC_RELEASE);
	spin_unlock(&m->lock);
	for (unsigned int w = 0; w < ARRAY_SIZE(c->hw_done); w++)
		for (uint32_t bits = c->hw_done[w]; bits; bits &= bits - 1)
			m->hooks->hw_eoi(m, w * 32 + __builtin_ctz(bits));
	return now & ~c->before;
}

/* Passthrough slot @s is done with: vmpic_end() tells the port. */
static void hw_done(struct vmpic_change *c, const struct vmpic_slot *s)
{
	if (s->flags & VMPIC_HW)
		c->hw_done[s->irq / 32] |= 1u << (s->irq % 32);
}

/* ---- the guest's side ------------------------------------------------------ */

uint32_t vmpic_ivpr(const struct vmpic *m, unsigned int i)
{
	const struct vmpic_slot *s = &m->slot[i];
	bool requested = vmpic_is_ipi(i) ? s->ipi_pending : source_pending(s);

	if ((requested && !(s->ivpr & MPIC_IVPR_MSK)) || s->in_service)
		return s->ivpr | MPIC_IVPR_A;
	return s->ivpr;
}

uint32_t vmpic_iack(struct vmpic *m, unsigned int vcpu)
{
	unsigned int i = presented(m, vcpu);
	struct vmpic_slot *s;

	if (i == VMPIC_NO_SLOT)
		return m->svr;
	s = &m->slot[i];
	s->in_service |= 1u << vcpu;
	if (vmpic_is_ipi(i))
		s->ipi_pending &= ~(1u << vcpu);
	else
		s->flags &= ~VMPIC_LATCH;	/* a level line stays pending */
	return s->ivpr & MPIC_IVPR_VECTOR_MASK;
}

void vmpic_eoi(struct vmpic *m, unsigned int vcpu, struct vmpic_change *c)
{
	unsigned int i = top_in_service(m, vcpu);

	if (i == VMPIC_NO_SLOT)
		return;
	m->slot[i].in_service &= ~(1u << vcpu);
	hw_done(c, &m->slot[i]);
}

/* ---- reset ------------------------------------------------------------------ */

void vmpic_reset_locked(struct vmpic *m, struct vmpic_change *c)
{
	m->gcr = 0;
	m->svr = VMPIC_SPURIOUS_RESET;
	memset(m->ctpr, VMPIC_CTPR_RESET, sizeof(m->ctpr));
	for (unsigned int i = 0; i < m->nslots; i++) {
		struct vmpic_slot *s = &m->slot[i];

		if ((s->flags & VMPIC_LATCH) || s->in_service)
			hw_done(c, s);
		s->ivpr = MPIC_IVPR_MSK | (s->ivpr & (MPIC_IVPR_S | MPIC_IVPR_P));
		/* The input line is the device's, not guest state */
		s->flags &= VMPIC_LEVEL | VMPIC_HW | VMPIC_LINE;
		s->dest = vmpic_is_ipi(i) ? 0 : 1;	/* sources: vCPU 0, as QEMU's */
		s->ipi_pending = 0;
		s->in_service = 0;
	}
}

void vmpic_reset(struct vmpic *m)
{
	struct vmpic_change c;

	vmpic_begin(m, &c);
	vmpic_reset_locked(m, &c);
	vmpic_end(m, &c);
}

void vmpic_vcpu_reset(struct vmpic *m, unsigned int vcpu)
{
	struct vmpic_change c;

	if (vcpu >= m->nvcpus)
		return;
	vmpic_begin(m, &c);
	m->ctpr[vcpu] = VMPIC_CTPR_RESET;
	for (unsigned int i = 0; i < m->nslots; i++) {
		struct vmpic_slot *s = &m->slot[i];

		if (s->in_service & (1u << vcpu))
			hw_done(&c, s);
		s->in_service &= ~(1u << vcpu);
		s->ipi_pending &= ~(1u << vcpu);
	}
	vmpic_end(m, &c);
}

/* Slot @s of source @src: its sense is the config's, read-only. */
static void init_source(struct vmpic_slot *s, const struct vmpic_source *src)
{
	s->irq = src->irq;
	s->ivpr = mpic_sense_bits(src->sense);
	s->flags = (s->ivpr & MPIC_IVPR_S ? VMPIC_LEVEL : 0) | (src->hw ? VMPIC_HW : 0);
}

/* The slot source @irq goes to, keeping slots sorted by source number. */
static struct vmpic_slot *insert_source(struct vmpic *m, unsigned int irq)
{
	unsigned int i = m->nslots++;

	for (; i > MPIC_NR_IPIS && m->slot[i - 1].irq > irq; i--) {
		m->slot[i] = m->slot[i - 1];
		m->slot_of[m->slot[i].irq] = i;
	}
	m->slot_of[irq] = i;
	return &m->slot[i];
}

int vmpic_init(struct vmpic *m, unsigned int nvcpus, const struct vmpic_source *src,
	       unsigned int nsrc, const struct vmpic_hooks *hooks, void *ctx)
{
	memset(m, 0, sizeof(*m));
	memset(m->slot_of, VMPIC_NO_SLOT, sizeof(m->slot_of));
	m->lock = (spinlock_t)SPINLOCK_INIT;
	m->hooks = hooks;
	m->ctx = ctx;
	if (!nvcpus || nvcpus > VMPIC_MAX_VCPUS || nsrc > VMPIC_MAX_SOURCES)
		return -1;
	m->nvcpus = nvcpus;
	for (unsigned int i = 0; i < MPIC_NR_IPIS; i++)
		m->slot[i].irq = i;
	m->nslots = MPIC_NR_IPIS;
	for (unsigned int i = 0; i < nsrc; i++) {
		if (src[i].irq >= MPIC_NR_SOURCES || m->slot_of[src[i].irq] != VMPIC_NO_SLOT ||
		    (src[i].hw && !hooks->hw_eoi))
			return -1;
		init_source(insert_source(m, src[i].irq), &src[i]);
	}
	vmpic_reset(m);
	return 0;
}

/* ---- sources inside the hypervisor ----------------------------------------- */

static int first_vcpu(uint8_t mask)
{
	return mask ? __builtin_ctz(mask) : VMPIC_NO_VCPU;
}

int vmpic_raise(struct vmpic *m, unsigned int irq)
{
	struct vmpic_change c;
	unsigned int i = irq < MPIC_NR_SOURCES ? m->slot_of[irq] : VMPIC_NO_SLOT;

	if (i == VMPIC_NO_SLOT)
		return VMPIC_NO_VCPU;
	vmpic_begin(m, &c);
	m->slot[i].flags |= VMPIC_LATCH;
	return first_vcpu(vmpic_end(m, &c));
}

int vmpic_set_level(struct vmpic *m, unsigned int irq, bool level)
{
	struct vmpic_change c;
	unsigned int i = irq < MPIC_NR_SOURCES ? m->slot_of[irq] : VMPIC_NO_SLOT;
	struct vmpic_slot *s;

	if (i == VMPIC_NO_SLOT)
		return VMPIC_NO_VCPU;
	s = &m->slot[i];
	vmpic_begin(m, &c);
	/* An edge source latches the rising line; a level one follows it */
	if (level && !(s->flags & (VMPIC_LINE | VMPIC_LEVEL)))
		s->flags |= VMPIC_LATCH;
	s->flags = (s->flags & ~VMPIC_LINE) | (level ? VMPIC_LINE : 0);
	return first_vcpu(vmpic_end(m, &c));
}

bool vmpic_soft_source(const struct vmpic *m, unsigned int irq)
{
	unsigned int i = irq < MPIC_NR_SOURCES ? m->slot_of[irq] : VMPIC_NO_SLOT;

	return i != VMPIC_NO_SLOT && !(m->slot[i].flags & VMPIC_HW);
}
