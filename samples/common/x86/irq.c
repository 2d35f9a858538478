// SPDX-License-Identifier: MIT
/*
 * Interrupts for x86 sample guests (arch/irq.h): the x2APIC's registers
 * by RDMSR and WRMSR, the IDT's gates for vectors 32-255 (irq_vectors.S)
 * and their dispatch to the handlers of irq.h, and vtimer_arm() on the
 * APIC timer. The APIC has no per-source mask without an IOAPIC: a pin
 * irq_enable() has not enabled is acknowledged and dropped.
 */
#include <stdbool.h>
#include <libfdt.h>

#include "guest.h"
#include "irq.h"

#define MSR_APIC_BASE		0x1b
#define X2APIC_TPR		0x808
#define X2APIC_EOI		0x80b
#define X2APIC_SVR		0x80f
#define X2APIC_LVT_TIMER	0x832
#define X2APIC_TIMER_INITIAL	0x838
#define X2APIC_TIMER_DIVIDE	0x83e
#define APIC_BASE_X2APIC	(1u << 10)
#define APIC_BASE_ENABLED	(1u << 11)
#define SVR_ENABLE		(1u << 8)
#define LVT_MASKED		(1u << 16)
#define DIVIDE_1		0xb
#define CPUID1_ECX_X2APIC	(1u << 21)
#define GATE_INTERRUPT		0x8e00	/* present, DPL 0, 64-bit interrupt gate */
#define SEL_CODE64		0x08
#define FIRST_IRQ_VECTOR	32
#define MAX_VCPUS		8

/* irq_vectors.S's entries and vectors.S's IDT */
extern const uint64_t irq_vector_table[256 - FIRST_IRQ_VECTOR];
extern uint64_t guest_idt[256 * 2];
void irq_dispatch(unsigned int vector);

static irq_handler_t handlers[IRQ_MAX];
static volatile bool enabled[IRQ_MAX];
static uint64_t deadline[MAX_VCPUS];	/* each vCPU's vtimer_arm(), 0: none */

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return (uint64_t)hi << 32 | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t val)
{
	__asm__ volatile("wrmsr" : : "c"(msr), "a"((uint32_t)val),
			 "d"((uint32_t)(val >> 32)) : "memory");
}

static unsigned int this_vcpu(void)
{
	return read_mpidr() % MAX_VCPUS;
}

/* ---- set-up ------------------------------------------------------------------ */

static bool has_x2apic(void)
{
	uint32_t eax = 1, ebx, ecx = 0, edx;

	__asm__ volatile("cpuid" : "+a"(eax), "=b"(ebx), "+c"(ecx), "=d"(edx));
	return ecx & CPUID1_ECX_X2APIC;
}

static void irq_install_vectors(void)
{
	for (unsigned int v = FIRST_IRQ_VECTOR; v < 256; v++) {
		uint64_t handler = irq_vector_table[v - FIRST_IRQ_VECTOR];

		guest_idt[2 * v] = (handler & 0xffff) | (uint64_t)SEL_CODE64 << 16 |
				   (uint64_t)GATE_INTERRUPT << 32 | (handler >> 16 & 0xffff) << 48;
		guest_idt[2 * v + 1] = handler >> 32;
	}
}

/* The APIC must be in x2APIC mode already: Bulkhead's always is */
int irq_init(void)
{
	uint64_t base = rdmsr(MSR_APIC_BASE);

	if (!has_x2apic() || (base & (APIC_BASE_X2APIC | APIC_BASE_ENABLED)) !=
			     (APIC_BASE_X2APIC | APIC_BASE_ENABLED))
		return -1;
	irq_install_vectors();
	irq_cpu_init();
	return 0;
}

void irq_cpu_init(void)
{
	wrmsr(X2APIC_SVR, SVR_ENABLE | IRQ_SPURIOUS_VECTOR);
	wrmsr(X2APIC_TPR, 0);
	wrmsr(X2APIC_TIMER_DIVIDE, DIVIDE_1);
	wrmsr(X2APIC_TIMER_INITIAL, 0);
	wrmsr(X2APIC_LVT_TIMER, LVT_MASKED | IRQ_TIMER_VECTOR);
	deadline[this_vcpu()] = 0;
}

/* ---- enabling ---------------------------------------------------------------- */

void irq_set_handler(unsigned int irq, irq_handler_t handler)
{
	if (irq < IRQ_MAX)
		handlers[irq] = handler;
}

void irq_enable(unsigned int irq, uint8_t priority)
{
	(void)priority;
	if (irq >= IRQ_MAX)
		return;
	enabled[irq] = true;
	if (irq == IRQ_PPI_VTIMER)
		wrmsr(X2APIC_LVT_TIMER, IRQ_TIMER_VECTOR);
}

void irq_disable(unsigned int irq)
{
	if (irq >= IRQ_MAX)
		return;
	enabled[irq] = false;
	if (irq == IRQ_PPI_VTIMER)
		wrmsr(X2APIC_LVT_TIMER, LVT_MASKED | IRQ_TIMER_VECTOR);
}

/* ---- the timer ---------------------------------------------------------------- */

/* The APIC timer towards the vCPU's deadline, in 32-bit steps */
static void timer_count_down(uint64_t when)
{
	uint64_t now = timer_count();
	uint64_t left = when > now ? when - now : 1;

	wrmsr(X2APIC_TIMER_INITIAL, left > UINT32_MAX ? UINT32_MAX : left);
}

void vtimer_arm(uint64_t when)
{
	deadline[this_vcpu()] = when ? when : 1;
	timer_count_down(when);
}

void vtimer_stop(void)
{
	wrmsr(X2APIC_TIMER_INITIAL, 0);
	deadline[this_vcpu()] = 0;
}

/* A timer interrupt before the deadline is a step of a long count */
static bool timer_due(void)
{
	uint64_t when = deadline[this_vcpu()];

	if (!when)
		return false;
	if (timer_count() < when) {
		timer_count_down(when);
		return false;
	}
	return true;
}

/* ---- dispatch ----------------------------------------------------------------- */

void irq_dispatch(unsigned int vector)
{
	unsigned int irq = vector == IRQ_TIMER_VECTOR ? IRQ_PPI_VTIMER :
			   vector - FIRST_IRQ_VECTOR;

	if (vector == IRQ_SPURIOUS_VECTOR)
		return;	/* a spurious interrupt takes no EOI */
	if (irq < IRQ_MAX && enabled[irq] && handlers[irq] &&
	    (irq != IRQ_PPI_VTIMER || timer_due()))
		handlers[irq](irq, 0);
	wrmsr(X2APIC_EOI, 0);
}
