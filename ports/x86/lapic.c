// SPDX-License-Identifier: MIT
/*
 * The local APIC, xAPIC mode: its registers through head.S's uncached
 * identity mapping of the 3-4 GiB hole, where firmware leaves it
 * (IA32_APIC_BASE, 0xfee00000 on every PC). The 8259 PICs are masked once:
 * the hypervisor takes no device interrupt, and an unmasked 8259 would
 * deliver its timer the first time interrupts are let in.
 *
 * Each CPU's APIC timer is its vCPU's: one-shot, divide by 1, raising
 * the kick's vector (all the hypervisor needs is to look at the vCPU
 * again). Its rate against the TSC, in which the guests' timers count,
 * is measured once at boot.
 */
#include <bulkhead/port.h>
#include <asm/cpu.h>
#include <asm/lapic.h>
#include <asm/x86.h>

#define APIC_BASE_MASK		0xfffff000ull
#define APIC_BASE_ENABLE	(1u << 11)
#define APIC_ID			0x020
#define APIC_TPR		0x080
#define APIC_EOI		0x0b0
#define APIC_SVR		0x0f0
#define APIC_LVT_TIMER		0x320
#define APIC_TIMER_INITIAL	0x380
#define APIC_TIMER_CURRENT	0x390
#define APIC_TIMER_DIVIDE	0x3e0
#define TIMER_DIVIDE_1		0xb
#define TIMER_MASKED		(1u << 16)
#define CALIBRATION_TSC		(1ull << 22)	/* TSC ticks the rate is measured over */
#define APIC_ICR_LOW		0x300
#define APIC_ICR_HIGH		0x310
#define SVR_ENABLE		(1u << 8)
#define ICR_FIXED		(0u << 8)
#define ICR_INIT		(5u << 8)
#define ICR_STARTUP		(6u << 8)
#define ICR_PENDING		(1u << 12)
#define ICR_ASSERT		(1u << 14)
#define PIC1_DATA		0x21
#define PIC2_DATA		0xa1
#define POST_PORT		0x80	/* writing it takes about 1 us on a PC */

static volatile uint32_t *lapic;
/* APIC timer counts per TSC tick, in 32.32 fixed point */
static uint64_t counts_per_tsc;

static uint32_t lapic_read(unsigned int reg)
{
	return lapic[reg / 4];
}

static void lapic_write(unsigned int reg, uint32_t v)
{
	lapic[reg / 4] = v;
}

/* Count the APIC timer down, masked, over CALIBRATION_TSC ticks of the TSC */
static void calibrate_timer(void)
{
	uint64_t start;
	uint32_t counted;

	lapic_write(APIC_LVT_TIMER, TIMER_MASKED | VECTOR_KICK);
	lapic_write(APIC_TIMER_INITIAL, UINT32_MAX);
	start = rdtsc();
	while (rdtsc() - start < CALIBRATION_TSC)
		cpu_relax();
	counted = UINT32_MAX - lapic_read(APIC_TIMER_CURRENT);
	lapic_write(APIC_TIMER_INITIAL, 0);
	counts_per_tsc = ((uint64_t)counted << 32) / (rdtsc() - start);
	if (!counts_per_tsc)
		counts_per_tsc = 1;
}

void lapic_cpu_init(void)
{
	uint64_t base = rdmsr(MSR_APIC_BASE);

	if (!lapic) {
		outb(PIC1_DATA, 0xff);
		outb(PIC2_DATA, 0xff);
		lapic = port_device_map(base & APIC_BASE_MASK, PAGE_SIZE, true);
	}
	wrmsr(MSR_APIC_BASE, base | APIC_BASE_ENABLE);
	lapic_write(APIC_TPR, 0);
	lapic_write(APIC_SVR, SVR_ENABLE | VECTOR_SPURIOUS);
	lapic_write(APIC_TIMER_DIVIDE, TIMER_DIVIDE_1);
	if (!counts_per_tsc)
		calibrate_timer();
	lapic_write(APIC_LVT_TIMER, VECTOR_KICK);
}

void lapic_timer_set(uint64_t tsc_ticks)
{
	uint64_t counts = tsc_ticks ? (tsc_ticks * counts_per_tsc >> 32) + 1 : 0;

	if (tsc_ticks > UINT32_MAX || counts > UINT32_MAX)
		counts = UINT32_MAX;	/* it will be set again when it fires */
	lapic_write(APIC_TIMER_INITIAL, (uint32_t)counts);
}

bool lapic_timer_running(void)
{
	return lapic_read(APIC_TIMER_CURRENT) != 0;
}

uint32_t lapic_id(void)
{
	return lapic_read(APIC_ID) >> 24;
}

void lapic_eoi(void)
{
	lapic_write(APIC_EOI, 0);
}

static void send(uint32_t apic_id, uint32_t command)
{
	while (lapic_read(APIC_ICR_LOW) & ICR_PENDING)
		cpu_relax();
	lapic_write(APIC_ICR_HIGH, apic_id << 24);
	lapic_write(APIC_ICR_LOW, command);
}

void lapic_send_ipi(uint32_t apic_id, uint8_t vector)
{
	send(apic_id, ICR_FIXED | ICR_ASSERT | vector);
}

static void delay_us(unsigned int us)
{
	while (us--)
		outb(POST_PORT, 0);
}

/* The MultiProcessor Specification's sequence: INIT, 10 ms, SIPI, 200 us, SIPI */
void lapic_start_cpu(uint32_t apic_id, uint8_t page)
{
	send(apic_id, ICR_INIT | ICR_ASSERT);
	delay_us(10000);
	send(apic_id, ICR_STARTUP | page);
	delay_us(200);
	send(apic_id, ICR_STARTUP | page);
}
