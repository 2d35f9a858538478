// SPDX-License-Identifier: MIT
/*
 * The 1 kHz tick of tick.h. Deadlines advance by exactly one period from
 * the first, whatever the handler's latency, so the partition and the
 * native run take their ticks at the same points of virtual time.
 */
#include "tick.h"

#define PPI_VTIMER		27
#define GICD_CTLR		0x000
#define GICD_ISENABLER0		0x100
#define GICD_ICENABLER0		0x180
#define GICD_IPRIORITYR		0x400
#define GICC_CTLR		0x000
#define GICC_PMR		0x004
#define GICC_IAR		0x00c
#define GICC_EOIR		0x010
#define GIC_ENABLE		1u
#define GICC_PMR_ALL		0xf8u
#define CNTV_CTL_ENABLE		1u
#define IRQ_STACK_WORDS		64

void tick_irq(void);
extern const char tick_vectors[];
void tick_set_irq_stack(void *top);

static uintptr_t tick_gicd, tick_gicc;
static uint64_t deadline;
static uint32_t period, ticks, saved_vbar;
static uint64_t irq_stack[IRQ_STACK_WORDS / 2];

static inline uint32_t read32(uintptr_t addr)
{
	return *(volatile uint32_t *)addr;
}

static inline void write32(uintptr_t addr, uint32_t val)
{
	*(volatile uint32_t *)addr = val;
}

static void write_cntv_cval(uint64_t cval)
{
	__asm__ volatile("mcrr p15, 3, %Q0, %R0, c14\n\tisb" :: "r"(cval) : "memory");
}

static void write_cntv_ctl(uint32_t ctl)
{
	__asm__ volatile("mcr p15, 0, %0, c14, c3, 1\n\tisb" :: "r"(ctl) : "memory");
}

/* From tick_vectors.S: the timer's interrupt, completed at the GIC. */
void tick_irq(void)
{
	uint32_t iar = read32(tick_gicc + GICC_IAR);

	if ((iar & 0x3ff) == PPI_VTIMER) {
		deadline += period;
		write_cntv_cval(deadline);
		ticks++;
	}
	write32(tick_gicc + GICC_EOIR, iar);
}

void tick_start(uintptr_t gicd, uintptr_t gicc)
{
	uint32_t freq, lo, hi;

	tick_gicd = gicd;
	tick_gicc = gicc;
	ticks = 0;
	__asm__ volatile("mrc p15, 0, %0, c14, c0, 0" : "=r"(freq));	/* CNTFRQ */
	period = freq / TICK_HZ;
	write32(gicd + GICD_CTLR, GIC_ENABLE);
	*(volatile uint8_t *)(gicd + GICD_IPRIORITYR + PPI_VTIMER) = 0;
	write32(gicd + GICD_ISENABLER0, 1u << PPI_VTIMER);
	write32(gicc + GICC_PMR, GICC_PMR_ALL);
	write32(gicc + GICC_CTLR, GIC_ENABLE);
	__asm__ volatile("mrc p15, 0, %0, c12, c0, 0" : "=r"(saved_vbar));
	__asm__ volatile("mcr p15, 0, %0, c12, c0, 0\n\tisb" :: "r"(tick_vectors) : "memory");
	tick_set_irq_stack(irq_stack + IRQ_STACK_WORDS / 2);
	__asm__ volatile("isb\n\tmrrc p15, 1, %0, %1, c14" : "=r"(lo), "=r"(hi));	/* CNTVCT */
	deadline = ((uint64_t)hi << 32 | lo) + period;
	write_cntv_cval(deadline);
	write_cntv_ctl(CNTV_CTL_ENABLE);
	__asm__ volatile("cpsie i" ::: "memory");
}

uint32_t tick_stop(void)
{
	__asm__ volatile("cpsid i" ::: "memory");
	write_cntv_ctl(0);
	write32(tick_gicd + GICD_ICENABLER0, 1u << PPI_VTIMER);
	__asm__ volatile("mcr p15, 0, %0, c12, c0, 0\n\tisb" :: "r"(saved_vbar) : "memory");
	return ticks;
}
