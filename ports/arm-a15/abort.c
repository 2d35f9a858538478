// SPDX-License-Identifier: MIT
/*
 * Taking a synchronous external abort to guest PL1 Abort mode, worked out
 * from the guest's state alone (no register access: inject.c does that).
 * The guest sees what a bus with nothing at the address would give it,
 * the status KVM and Xen inject for the same case.
 */
#include <asm/abort.h>
#include <asm/arm.h>
#include <asm/decode.h>

#define PSR_J		(1u << 24)
#define PSR_E		(1u << 9)

void arm_abort_entry(const struct arm_abort_cause *c, struct arm_abort_entry *e)
{
	uint32_t base = (c->sctlr & SCTLR_V) ? HIGH_VECTORS : c->vbar;
	bool lpae = c->ttbcr & TTBCR_EAE;
	uint32_t cpsr = c->cpsr;

	/* IT, J, T and E are the exception's; F stays as it was */
	cpsr &= ~(PSR_MODE_MASK | SPSR_IT_MASK | PSR_J | PSR_T | PSR_E);
	cpsr |= PSR_MODE_ABT | PSR_I | PSR_A;
	if (c->sctlr & SCTLR_TE)
		cpsr |= PSR_T;
	if (c->sctlr & SCTLR_EE)
		cpsr |= PSR_E;

	e->cpsr = cpsr;
	e->spsr_abt = c->cpsr;
	e->fsr = lpae ? FSR_EXTABT_LPAE : FSR_EXTABT_SHORT;
	if (c->prefetch) {
		e->pc = base + VECTOR_PREFETCH_ABORT;
		e->lr_abt = c->pc + 4;
	} else {
		e->pc = base + VECTOR_DATA_ABORT;
		e->lr_abt = c->pc + 8;
		if (c->write)
			e->fsr |= DFSR_WNR;
	}
}
