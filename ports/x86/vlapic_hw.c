// SPDX-License-Identifier: MIT
/*
 * The x86 guests' interrupts: each vCPU's x2APIC model (vlapic.c) in the
 * run loop, and the partition's interrupt controller for the core
 * (irqchip.h). There is no virtual IOAPIC: the config's pins (the
 * IOAPIC binding of config_facts.c) arrive at the partition's first vCPU
 * as vector 32 + pin, edge or level as the source drives them, and no
 * physical interrupt is passed through yet.
 *
 * Interrupts reach the guest by EVENTINJ when its RFLAGS.IF is set and no
 * interrupt shadow holds it off; otherwise a V_IRQ request with the
 * VINTR intercept makes the guest exit as soon as it could take one.
 * Its timer runs on the CPU's own APIC timer, which only makes the CPU
 * look at the vCPU again (the kick's vector).
 */
#include <bulkhead/irqchip.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <asm/lapic.h>
#include <asm/vcpu.h>
#include <asm/vlapic.h>
#include <asm/vlapic_hw.h>
#include <asm/x86.h>

#define IOAPIC_PINS		24
#define LEN_HLT			1
#define APIC_BASE_GUEST		0xfee00000ull
#define APIC_BASE_BSP		(1u << 8)
#define APIC_BASE_X2APIC	(1u << 10)
#define APIC_BASE_ENABLED	(1u << 11)
#define X2APIC_EOI		0x80b

/* ---- the partition's controller ----------------------------------------------- */

static struct vlapic *first_lapic(struct partition *p)
{
	return &p->vcpu[0].arch->lapic;
}

static int pin_route(struct partition *p, unsigned int irq, bool level)
{
	(void)p, (void)irq, (void)level;
	return -1;
}

static uint32_t pin_raise(struct partition *p, unsigned int irq)
{
	if (irq >= IOAPIC_PINS)
		return 0;
	return vlapic_set_irr(first_lapic(p), VLAPIC_PIN_VECTOR(irq)) ? 1 : 0;
}

/*
 * A level pin is requested while it is high and again at each EOI it is
 * still high; lowered, its request is withdrawn if not yet taken.
 */
static uint32_t pin_set_level(struct partition *p, unsigned int irq, bool level)
{
	struct vlapic *l;

	if (irq >= IOAPIC_PINS)
		return 0;
	if (level) {
		__atomic_fetch_or(&p->arch->pins_high, 1u << irq, __ATOMIC_RELEASE);
		return pin_raise(p, irq);
	}
	__atomic_fetch_and(&p->arch->pins_high, ~(1u << irq), __ATOMIC_RELEASE);
	l = first_lapic(p);
	__atomic_fetch_and(&l->irr[VLAPIC_PIN_VECTOR(irq) / 64],
			   ~(1ull << (VLAPIC_PIN_VECTOR(irq) % 64)), __ATOMIC_RELEASE);
	return 0;
}

static bool pin_usable(struct partition *p, unsigned int irq)
{
	(void)p;
	return irq < IOAPIC_PINS;
}

/* The emulated local APICs as the core's interrupt controller (irqchip.h) */
const struct irqchip_ops port_irqchip = {
	.route = pin_route,
	.raise = pin_raise,
	.set_level = pin_set_level,
	.usable = pin_usable,
	.kick = irqchip_kick_cpu,
};

/* ---- the vCPU's side ------------------------------------------------------------ */

void vlapic_hw_reset(struct vcpu *v)
{
	vlapic_reset(&v->arch->lapic, v->index);
	v->arch->timer_set = 0;
	lapic_timer_set(0);
}

/* The CPU's timer at the guest timer's next expiry, unless it already is */
static void set_timer(struct arch_vcpu *a, uint64_t now)
{
	uint64_t deadline = vlapic_timer_deadline(&a->lapic);

	if (deadline == a->timer_set && (!deadline || lapic_timer_running()))
		return;
	a->timer_set = deadline;
	lapic_timer_set(deadline ? (deadline > now ? deadline - now : 1) : 0);
}

void vlapic_hw_entry(struct vcpu *v)
{
	struct arch_vcpu *a = v->arch;
	struct vmcb_control *c = &a->vmcb->control;
	uint64_t now = rdtsc();
	unsigned int vector;

	vlapic_timer_update(&a->lapic, now);
	set_timer(a, now);
	c->int_control &= ~(V_IRQ | V_IGN_TPR | 0xfull << V_INTR_PRIO_SHIFT);
	c->intercept_misc1 &= ~INTERCEPT_VINTR;
	vector = vlapic_deliverable(&a->lapic);
	if (vector == VLAPIC_NO_VECTOR)
		return;
	if (!(c->event_inj & EVENT_VALID) && (a->vmcb->save.rflags & RFLAGS_IF) &&
	    !(c->int_shadow & INT_SHADOW)) {
		c->event_inj = EVENT_VALID | EVENT_TYPE_INTR | vector;
		vlapic_ack(&a->lapic, vector);
		return;
	}
	c->int_control |= V_IRQ | V_IGN_TPR | 0xfull << V_INTR_PRIO_SHIFT;
	c->intercept_misc1 |= INTERCEPT_VINTR;
}

bool vlapic_hw_halt(struct vcpu *v, struct vm_exit *exit)
{
	struct arch_vcpu *a = v->arch;

	if (!(a->vmcb->save.rflags & RFLAGS_IF)) {
		exit->kind = EXIT_HALT;
		exit->halt.why = "HLT with interrupts masked";
		return true;
	}
	a->vmcb->save.rip += LEN_HLT;
	a->vmcb->control.int_shadow = 0;
	for (;;) {
		uint64_t now = rdtsc();

		vlapic_timer_update(&a->lapic, now);
		if (vlapic_deliverable(&a->lapic) != VLAPIC_NO_VECTOR)
			return false;
		if (v->state != VCPU_RUNNING)
			return true;	/* EXIT_NONE: the run loop looks at it */
		set_timer(a, now);
		port_cpu_idle();
	}
}

/* ---- its registers -------------------------------------------------------------- */

static uint64_t apic_base(const struct vcpu *v)
{
	return APIC_BASE_GUEST | APIC_BASE_ENABLED | APIC_BASE_X2APIC |
	       (v->index ? 0 : APIC_BASE_BSP);
}

bool vlapic_hw_msr_read(struct vcpu *v, uint32_t msr, uint64_t *val)
{
	if (msr == MSR_APIC_BASE) {
		*val = apic_base(v);
		return true;
	}
	return msr >= X2APIC_MSR_FIRST && msr <= X2APIC_MSR_LAST &&
	       !vlapic_read(&v->arch->lapic, msr, rdtsc(), val);
}

/* After an EOI, the level pins still high are requested again */
static void eoi_done(struct partition *p)
{
	uint32_t high = __atomic_load_n(&p->arch->pins_high, __ATOMIC_ACQUIRE);

	for (; high; high &= high - 1)
		vlapic_set_irr(first_lapic(p), VLAPIC_PIN_VECTOR(__builtin_ctz(high)));
}

/* IA32_APIC_BASE keeps its value: the APIC stays enabled, in x2APIC mode */
bool vlapic_hw_msr_write(struct vcpu *v, uint32_t msr, uint64_t val)
{
	if (msr == MSR_APIC_BASE)
		return val == apic_base(v);
	if (msr < X2APIC_MSR_FIRST || msr > X2APIC_MSR_LAST ||
	    vlapic_write(&v->arch->lapic, msr, val, rdtsc()))
		return false;
	if (msr == X2APIC_EOI && !v->index)
		eoi_done(v->part);
	return true;
}
