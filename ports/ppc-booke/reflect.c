// SPDX-License-Identifier: MIT
/*
 * Delivery of an interrupt to a Book E guest, as the core would take it
 * (Power ISA 2.06 Book III-E, "Interrupt Processing" and the table of the
 * MSR setting due to an interrupt; the e500 manuals for MCSR/MCAR and
 * the e500 interrupts IVOR32-37).
 */
#include <asm/booke_vcpu.h>

/* The register pairs an interrupt saves into, and rfi/rfci/rfmci/rfdi restore */
enum booke_class {
	CLASS_BASE,		/* SRR0/1 */
	CLASS_CRITICAL,		/* CSRR0/1 */
	CLASS_MCHECK,		/* MCSRR0/1 */
	CLASS_DEBUG,		/* DSRR0/1: only with E.ED */
};

static enum booke_class exc_class(const struct booke_core *c, enum booke_exc exc)
{
	switch (exc) {
	case BOOKE_EXC_CRITICAL:
	case BOOKE_EXC_WATCHDOG:
	case BOOKE_EXC_DOORBELL_CRIT:
		return CLASS_CRITICAL;
	case BOOKE_EXC_MCHECK:
		return CLASS_MCHECK;
	case BOOKE_EXC_DEBUG:
		/* Without E.ED (e500v2) debug is a critical class interrupt */
		return c->debug_class ? CLASS_DEBUG : CLASS_CRITICAL;
	default:
		return CLASS_BASE;
	}
}

/*
 * The MSR bits an interrupt keeps; it clears all others (WE, EE, PR, FP,
 * FE0, FE1, IS, DS, SPE, UCLE, UBLE, PMM...). A base class interrupt
 * keeps CE, ME and DE (E500CORERM Tables 5-19, 5-20). A critical one
 * clears CE, and DE too unless the core has a debug class of its own
 * (E.ED) to protect; a machine check also clears ME; a debug interrupt of
 * the E.ED class clears only DE (Power ISA 2.06 Book III-E; the e500mc
 * manual was not checked). Debug is critical class on e500v2 (E500CORERM
 * Table 5-6). KVM keeps only ME for critical and debug interrupts on
 * either core; QEMU 7.2 keeps only ME for every interrupt, so a guest run
 * natively there loses CE and DE on a base class interrupt too.
 */
static uint32_t msr_kept(const struct booke_core *c, enum booke_class cls)
{
	uint32_t ed_de = c->debug_class ? MSR_DE : 0;

	switch (cls) {
	case CLASS_CRITICAL:
		return MSR_ME | ed_de;
	case CLASS_MCHECK:
		return ed_de;
	case CLASS_DEBUG:
		return MSR_CE | MSR_ME;
	default:
		return MSR_CE | MSR_ME | MSR_DE;
	}
}

/* The interrupts that record a syndrome in ESR, and those that set DEAR */
static bool sets_esr(enum booke_exc exc)
{
	switch (exc) {
	case BOOKE_EXC_DSI:
	case BOOKE_EXC_ISI:
	case BOOKE_EXC_ALIGNMENT:
	case BOOKE_EXC_PROGRAM:
	case BOOKE_EXC_DTLB:
	case BOOKE_EXC_SPE_UNAVAIL:
	case BOOKE_EXC_SPE_DATA:
	case BOOKE_EXC_SPE_ROUND:
		return true;
	default:
		return false;
	}
}

/* E500CORERM 2.7.1.6: every SPE and embedded FP interrupt sets ESR[SPV] */
static bool spe_exc(enum booke_exc exc)
{
	return exc == BOOKE_EXC_SPE_UNAVAIL || exc == BOOKE_EXC_SPE_DATA ||
	       exc == BOOKE_EXC_SPE_ROUND;
}

static bool sets_dear(enum booke_exc exc)
{
	return exc == BOOKE_EXC_DSI || exc == BOOKE_EXC_ALIGNMENT || exc == BOOKE_EXC_DTLB;
}

void booke_reflect(struct booke_vcpu *v, enum booke_exc exc, uint32_t esr, uint32_t dear)
{
	enum booke_class cls = exc_class(v->core, exc);

	switch (cls) {
	case CLASS_CRITICAL:
		v->csrr0 = v->pc;
		v->csrr1 = v->msr;
		break;
	case CLASS_MCHECK:
		v->mcsrr0 = v->pc;
		v->mcsrr1 = v->msr;
		/* MCSR accumulates: software clears the bits it handled */
		v->mcsr |= esr;
		v->mcar = dear;
		break;
	case CLASS_DEBUG:
		v->dsrr0 = v->pc;
		v->dsrr1 = v->msr;
		break;
	default:
		v->srr0 = v->pc;
		v->srr1 = v->msr;
		break;
	}
	if (sets_esr(exc))
		v->esr = esr | (spe_exc(exc) ? ESR_SPV : 0);
	if (sets_dear(exc))
		v->dear = dear;
	v->msr &= msr_kept(v->core, cls);
	/* IVPR gives the 64 KiB-aligned base, IVORn a 16-byte aligned offset */
	v->pc = (v->ivpr & IVPR_MASK) | (v->ivor[exc] & IVOR_MASK);
}

bool booke_irq_may_take(const struct booke_vcpu *v, enum booke_exc exc)
{
	switch (exc) {
	case BOOKE_EXC_EXTERNAL:
	case BOOKE_EXC_DECREMENTER:
	case BOOKE_EXC_FIT:
	case BOOKE_EXC_DOORBELL:
	case BOOKE_EXC_PERFMON:
		return v->msr & MSR_EE;
	case BOOKE_EXC_CRITICAL:
	case BOOKE_EXC_WATCHDOG:
	case BOOKE_EXC_DOORBELL_CRIT:
		return v->msr & MSR_CE;
	case BOOKE_EXC_DEBUG:
		return v->msr & MSR_DE;
	case BOOKE_EXC_MCHECK:
		return v->msr & MSR_ME;
	default:
		return true;
	}
}
