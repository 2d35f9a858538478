// SPDX-License-Identifier: MIT
/*
 * The vMPIC's registers (asm/vmpic.h lists them) on the state of
 * vmpic.c: each guest access is decoded to one register first, so an
 * access that names none is refused before anything happens, then done
 * as one change under the vMPIC's lock.
 */
#include "vmpic_internal.h"

enum vmpic_reg {
	REG_BRR1, REG_FRR, REG_GCR, REG_VIR, REG_PIR, REG_SVR, REG_TIMER,
	REG_IPIVPR,			/* index: the IPI */
	REG_IPIDR,			/* index: the IPI; vcpu: whose block */
	REG_CTPR, REG_WHOAMI, REG_IACK, REG_EOI,	/* vcpu: whose */
	REG_IVPR, REG_IDR,		/* index: the source */
};

struct reg_ref {
	enum vmpic_reg reg;
	unsigned int index;
	unsigned int vcpu;
};

/* A per-CPU register at offset @off of a CPU block. */
static int decode_cpu(uint32_t off, unsigned int vcpu, struct reg_ref *r)
{
	r->vcpu = vcpu;
	if (off >= MPIC_IPIDR(0) && off < MPIC_IPIDR(MPIC_NR_IPIS)) {
		r->reg = REG_IPIDR;
		r->index = (off - MPIC_IPIDR(0)) / 0x10;
		return 0;
	}
	switch (off) {
	case MPIC_CTPR: r->reg = REG_CTPR; return 0;
	case MPIC_WHOAMI: r->reg = REG_WHOAMI; return 0;
	case MPIC_IACK: r->reg = REG_IACK; return 0;
	case MPIC_EOI: r->reg = REG_EOI; return 0;
	default: return -1;
	}
}

static int decode_global(uint32_t off, struct reg_ref *r)
{
	if (off >= MPIC_IPIVPR(0) && off < MPIC_IPIVPR(MPIC_NR_IPIS)) {
		r->reg = REG_IPIVPR;
		r->index = (off - MPIC_IPIVPR(0)) / 0x10;
		return 0;
	}
	if (off >= MPIC_TIMER_BLOCK && off < MPIC_TIMER_END) {
		r->reg = REG_TIMER;
		return 0;
	}
	switch (off) {
	case MPIC_BRR1: r->reg = REG_BRR1; return 0;
	case MPIC_FRR: r->reg = REG_FRR; return 0;
	case MPIC_GCR: r->reg = REG_GCR; return 0;
	case MPIC_VIR: r->reg = REG_VIR; return 0;
	case MPIC_PIR: r->reg = REG_PIR; return 0;
	case MPIC_SVR: r->reg = REG_SVR; return 0;
	default: return -1;
	}
}

/* Which register @off is for vCPU @self; -1 for none. */
static int decode(const struct vmpic *m, uint32_t off, unsigned int size,
		  unsigned int self, struct reg_ref *r)
{
	if (size != 4 || (off & 0xf))
		return -1;
	if (off < MPIC_CPU_REGS_END && decode_cpu(off, self, r) == 0)
		return 0;
	if (off < MPIC_SRC_BASE)
		return decode_global(off, r);
	if (off < MPIC_IVPR(MPIC_NR_SOURCES)) {
		/* 16-byte aligned in a source's 32 bytes: IVPR or IDR */
		r->index = (off - MPIC_SRC_BASE) / MPIC_SRC_STRIDE;
		r->reg = off == MPIC_IVPR(r->index) ? REG_IVPR : REG_IDR;
		return 0;
	}
	if (off >= MPIC_CPU_BASE(0) && off < MPIC_CPU_BASE(m->nvcpus))
		return decode_cpu((off - MPIC_CPU_BASE(0)) % MPIC_CPU_STRIDE,
				  (off - MPIC_CPU_BASE(0)) / MPIC_CPU_STRIDE, r);
	return -1;
}

/* Source @n's slot, or NULL when the partition does not own it. */
static struct vmpic_slot *source(struct vmpic *m, unsigned int n)
{
	return m->slot_of[n] == VMPIC_NO_SLOT ? NULL : &m->slot[m->slot_of[n]];
}

static uint32_t frr(const struct vmpic *m)
{
	return (MPIC_NR_SOURCES - 1) << MPIC_FRR_NIRQ_SHIFT |
	       (m->nvcpus - 1) << MPIC_FRR_NCPU_SHIFT | MPIC_FRR_VID;
}

static uint32_t read_reg(struct vmpic *m, const struct reg_ref *r)
{
	const struct vmpic_slot *s;

	switch (r->reg) {
	case REG_BRR1: return MPIC_BRR1_V2_0;
	case REG_FRR: return frr(m);
	case REG_GCR: return m->gcr;
	case REG_SVR: return m->svr;
	case REG_IPIVPR: return vmpic_ivpr(m, r->index);
	case REG_CTPR: return m->ctpr[r->vcpu];
	case REG_WHOAMI: return r->vcpu;
	case REG_IACK: return vmpic_iack(m, r->vcpu);
	case REG_IVPR:
		s = source(m, r->index);
		/* Not the partition's: masked, and routed nowhere */
		return s ? vmpic_ivpr(m, s - m->slot) : MPIC_IVPR_MSK;
	case REG_IDR:
		s = source(m, r->index);
		return s ? s->dest : 0;
	default:
		return 0;	/* VIR, PIR, timers; IPIDR and EOI are write-only */
	}
}

/* IVPR writes keep the activity bit and, for sources, sense and polarity. */
static void write_ivpr(struct vmpic_slot *s, uint32_t val)
{
	const uint32_t writable = MPIC_IVPR_MSK | MPIC_IVPR_PRIO_MASK | MPIC_IVPR_VECTOR_MASK;

	s->ivpr = (s->ivpr & ~writable) | (val & writable);
}

static void ipi_dispatch(struct vmpic *m, unsigned int ipi, uint32_t vcpus)
{
	m->slot[ipi].ipi_pending |= vcpus & vmpic_all_vcpus(m);
}

static void write_reg(struct vmpic *m, const struct reg_ref *r, uint32_t val,
		      struct vmpic_change *c)
{
	struct vmpic_slot *s;

	switch (r->reg) {
	case REG_GCR:
		if (val & MPIC_GCR_RESET)
			vmpic_reset_locked(m, c);
		else
			m->gcr = val & MPIC_GCR_MIXED;
		break;
	case REG_SVR:
		m->svr = val & MPIC_IVPR_VECTOR_MASK;
		break;
	case REG_IPIVPR:
		write_ivpr(&m->slot[r->index], val);
		break;
	case REG_IPIDR:
		ipi_dispatch(m, r->index, val);
		break;
	case REG_CTPR:
		m->ctpr[r->vcpu] = val & MPIC_CTPR_MASK;
		break;
	case REG_EOI:
		vmpic_eoi(m, r->vcpu, c);
		break;
	case REG_IVPR:
		if ((s = source(m, r->index)))
			write_ivpr(s, val);
		break;
	case REG_IDR:
		if ((s = source(m, r->index)))
			s->dest = val & vmpic_all_vcpus(m);
		break;
	default:
		break;	/* read-only, PIR, timers: ignored */
	}
}

/* Kick the vCPUs in @vcpus whose output rose, but the accessing one. */
static void kick(struct vmpic *m, uint8_t vcpus, unsigned int self)
{
	vcpus &= ~(1u << self);
	for (; vcpus; vcpus &= vcpus - 1)
		m->hooks->kick(m, __builtin_ctz(vcpus));
}

static int vmpic_read(struct io_device *dev, struct vcpu *v, uint32_t off,
		      unsigned int size, uint64_t *val)
{
	struct vmpic *m = dev->priv;
	unsigned int self = m->hooks->current_vcpu(m);
	struct vmpic_change c;
	struct reg_ref r;

	(void)v;	/* the hooks say which vCPU, also to the unit tests */
	if (decode(m, off, size, self, &r))
		return -1;
	vmpic_begin(m, &c);
	*val = read_reg(m, &r);
	kick(m, vmpic_end(m, &c), self);
	return 0;
}

static int vmpic_write(struct io_device *dev, struct vcpu *v, uint32_t off,
		       unsigned int size, uint64_t val)
{
	struct vmpic *m = dev->priv;
	unsigned int self = m->hooks->current_vcpu(m);
	struct vmpic_change c;
	struct reg_ref r;

	(void)v;
	if (decode(m, off, size, self, &r))
		return -1;
	vmpic_begin(m, &c);
	write_reg(m, &r, (uint32_t)val, &c);
	kick(m, vmpic_end(m, &c), self);
	return 0;
}

const struct io_ops vmpic_mmio_ops = {
	.read = vmpic_read,
	.write = vmpic_write,
};
