/* SPDX-License-Identifier: MIT */
/*
 * The local APIC each x86 guest vCPU sees (vlapic.c, pure code, unit test
 * test_x86_vlapic): an x2APIC, reached through its MSRs 0x800-0x8ff, in
 * x2APIC mode from the vCPU's reset (docs/porting.md, "x86 interrupts").
 * It has the registers a guest needs to take interrupts and run its
 * timer: ID, version, TPR, PPR, EOI, LDR, SVR, ISR, TMR, IRR, ESR, the
 * LVT entries, the timer's initial and current count and divide
 * configuration, SELF IPI. The timer counts at the TSC's rate divided
 * by the divide configuration, one-shot or periodic.
 *
 * Only the vCPU's own CPU touches it, except IRR, which vlapic_set_irr()
 * sets atomically from any CPU (a doorbell from another partition's CPU).
 */
#ifndef ASM_VLAPIC_H
#define ASM_VLAPIC_H

#include <stdbool.h>
#include <stdint.h>

#define X2APIC_MSR_FIRST	0x800
#define X2APIC_MSR_LAST		0x8ff
#define VLAPIC_NO_VECTOR	0

/* The vector each IOAPIC pin of the config's binding arrives as: 32 + pin */
#define VLAPIC_PIN_VECTOR(pin)	(32 + (pin))

enum vlapic_lvt {
	LVT_TIMER, LVT_THERMAL, LVT_PERF, LVT_LINT0, LVT_LINT1, LVT_ERROR, LVT_COUNT
};

struct vlapic {
	uint64_t irr[4];	/* requested vectors, bit v of word v / 64 */
	uint64_t isr[4];	/* in service */
	uint32_t id;
	uint32_t tpr;
	uint32_t svr;
	uint32_t esr;
	uint32_t lvt[LVT_COUNT];
	uint32_t timer_initial;
	uint32_t timer_divide;	/* the divide configuration register */
	uint64_t timer_start;	/* TSC when the count last started at initial */
	bool timer_armed;
};

/* The state after a reset of vCPU @id: everything masked, the APIC software-disabled */
void vlapic_reset(struct vlapic *l, uint32_t id);

/*
 * A RDMSR or WRMSR of x2APIC register @msr at TSC @now: 0, or -1 for
 * one the guest may not access so (the CPU's #GP).
 */
int vlapic_read(struct vlapic *l, uint32_t msr, uint64_t now, uint64_t *val);
int vlapic_write(struct vlapic *l, uint32_t msr, uint64_t val, uint64_t now);

/* Request @vector; true if it was not requested already. Any CPU. */
bool vlapic_set_irr(struct vlapic *l, unsigned int vector);

/* The vector the guest should take now (above its priority), or VLAPIC_NO_VECTOR */
unsigned int vlapic_deliverable(const struct vlapic *l);
/* The guest takes @vector (vlapic_deliverable()'s): from requested to in service */
void vlapic_ack(struct vlapic *l, unsigned int vector);

/*
 * Bring the timer up to TSC @now: an expiry since the last call requests
 * the timer's vector (unless masked) and restarts a periodic count.
 */
void vlapic_timer_update(struct vlapic *l, uint64_t now);
/* The TSC of the timer's next expiry, or 0 when it is stopped */
uint64_t vlapic_timer_deadline(const struct vlapic *l);

#endif
