// SPDX-License-Identifier: MIT
/*
 * A small MPIC driver for sample guests (the Freescale MPIC of the
 * partition's "fsl,mpic" node) and the C side of the interrupt entries
 * (irq_vectors.S): the external input's acknowledge loop and the
 * decrementer. Under Bulkhead the MPIC is emulated, so every register
 * access is one plain load or store that traps; the guest reaches its
 * own vCPU's registers through the global block's alias (0x40-0xb0) and
 * needs no CPU number for them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <libfdt.h>

#include "guest.h"
#include "irq.h"

/* MPIC registers (offsets from its base) */
#define MPIC_IPIDR(n)		(0x040 + 0x10 * (n))	/* the accessing vCPU's */
#define MPIC_CTPR		0x080
#define MPIC_WHOAMI		0x090
#define MPIC_IACK		0x0a0
#define MPIC_EOI		0x0b0
#define MPIC_GCR		0x1020
#define MPIC_IPIVPR(n)		(0x10a0 + 0x10 * (n))
#define MPIC_SVR		0x10e0
#define MPIC_IVPR(n)		(0x10000 + 0x20 * (n))
#define MPIC_IDR(n)		(MPIC_IVPR(n) + 0x10)
#define GCR_RESET		0x80000000u
#define GCR_MIXED		0x20000000u
#define IVPR_MSK		0x80000000u
#define IVPR_SENSE_BITS		0x00c00000u	/* polarity, sense: the source's */
#define IVPR_PRIO_SHIFT		16
#define SPURIOUS		0xffffu

/* Book E SPRs (privileged: each access traps to the hypervisor) */
#define SPR_SRR0		26
#define SPR_SRR1		27
#define SPR_PIR			286
#define SPR_PVR			287
#define SPR_DEC			22
#define SPR_TSR			336
#define SPR_TCR			340
#define TSR_DIS			0x08000000u
#define TSR_FIS			0x04000000u
#define TCR_DIE			0x04000000u
#define MSR_WE			0x00040000u
#define PVR_E500V1		0x8020
#define PVR_E500V2		0x8021
#define DEC_MAX			UINT32_MAX
#define MAX_VCPUS		8

#define get_spr(spr) ({ uint32_t v_; \
	__asm__ volatile("mfspr %0, %1" : "=r"(v_) : "i"(spr)); v_; })
#define set_spr(spr, val) \
	__asm__ volatile("mtspr %0, %1" : : "i"(spr), "r"((uint32_t)(val)) : "memory")

/*
 * Map device registers at guest-physical @base for @size bytes and return
 * their address, 0 if it cannot: the runtime's, in arch/guest.h once it
 * has it (the guest's TLB maps RAM only).
 */
uintptr_t arch_map_device(uint64_t base, uint64_t size);

/* irq_vectors.S's, and what its entries call */
extern const char irq_wait_insn[], irq_wait_doze[];
void irq_install_vectors(void);
void irq_dispatch_external(void);
void irq_dispatch_decrementer(void);
void __attribute__((noreturn)) irq_unexpected(uint32_t ivor);

/* Read by irq_wait(): the core dozes with MSR[WE] (e500v2), else it has wait */
uint32_t irq_idle_by_we;

static uintptr_t mpic;
static irq_handler_t handlers[IRQ_MAX];
static uint64_t deadline[MAX_VCPUS];	/* each vCPU's vtimer_arm(), 0: none */

/* PIR: the vCPU's index in the partition, as the hypervisor sets it */
static unsigned int this_vcpu(void)
{
	return get_spr(SPR_PIR) % MAX_VCPUS;
}

/* ---- set-up ------------------------------------------------------------------ */

int irq_init(void)
{
	int node = fdt_node_offset_by_compatible(guest.fdt, -1, "fsl,mpic");
	uint64_t base, size;

	if (node < 0 || dt_reg(guest.fdt, node, &base, &size) ||
	    !(mpic = arch_map_device(base, size)))
		return -1;
	mmio_write32(mpic + MPIC_GCR, GCR_RESET);	/* every source masked */
	while (mmio_read32(mpic + MPIC_GCR) & GCR_RESET)
		;
	mmio_write32(mpic + MPIC_GCR, GCR_MIXED);
	mmio_write32(mpic + MPIC_SVR, SPURIOUS);
	irq_cpu_init();
	return 0;
}

void irq_cpu_init(void)
{
	unsigned int version = get_spr(SPR_PVR) >> 16;

	irq_idle_by_we = version == PVR_E500V1 || version == PVR_E500V2;
	irq_install_vectors();
	/* The decrementer stopped, no auto-reload, nothing pending */
	set_spr(SPR_TCR, 0);
	set_spr(SPR_DEC, 0);
	set_spr(SPR_TSR, TSR_DIS | TSR_FIS);
	deadline[this_vcpu()] = 0;
	mmio_write32(mpic + MPIC_CTPR, 0);
}

/* ---- enabling ---------------------------------------------------------------- */

void irq_set_handler(unsigned int irq, irq_handler_t handler)
{
	if (irq < IRQ_MAX)
		handlers[irq] = handler;
}

/* irq.h's priorities, 0 highest, into the MPIC's 15 (highest) to 1 */
static uint32_t mpic_priority(uint8_t priority)
{
	uint32_t p = 15 - (priority >> 4);

	return (p ? p : 1) << IVPR_PRIO_SHIFT;
}

/* The IVPR of @irq (an IPI or a source), or 0 for neither */
static uint32_t ivpr_of(unsigned int irq)
{
	if (irq < IRQ_NR_SGIS)
		return MPIC_IPIVPR(irq);
	if (irq >= IRQ_MPIC_SOURCE(0) && irq < IRQ_MAX)
		return MPIC_IVPR(irq - IRQ_MPIC_SOURCE(0));
	return 0;
}

void irq_enable(unsigned int irq, uint8_t priority)
{
	uint32_t ivpr = ivpr_of(irq);

	if (irq == IRQ_PPI_VTIMER) {
		set_spr(SPR_TCR, get_spr(SPR_TCR) | TCR_DIE);
		return;
	}
	if (!ivpr)
		return;
	if (irq >= IRQ_MPIC_SOURCE(0))
		mmio_write32(mpic + MPIC_IDR(irq - IRQ_MPIC_SOURCE(0)),
			     1u << mmio_read32(mpic + MPIC_WHOAMI));
	/* The sense bits are the source's: keep them */
	mmio_write32(mpic + ivpr, (mmio_read32(mpic + ivpr) & IVPR_SENSE_BITS) |
		     mpic_priority(priority) | irq);
}

void irq_disable(unsigned int irq)
{
	uint32_t ivpr = ivpr_of(irq);

	if (irq == IRQ_PPI_VTIMER)
		set_spr(SPR_TCR, get_spr(SPR_TCR) & ~TCR_DIE);
	else if (ivpr)
		mmio_write32(mpic + ivpr, mmio_read32(mpic + ivpr) | IVPR_MSK);
}

void irq_send_sgi(unsigned int sgi, uint32_t vcpus)
{
	/* The IPI must not overtake what the caller wrote before it */
	mem_barrier();
	mmio_write32(mpic + MPIC_IPIDR(sgi % IRQ_NR_SGIS), vcpus);
}

/* ---- the interrupt entries ------------------------------------------------------ */

/* An interrupt that came while irq_wait() was about to sleep or slept: see there. */
static void leave_wait(void)
{
	uint32_t srr0 = get_spr(SPR_SRR0);

	if (srr0 == (uintptr_t)irq_wait_insn)
		set_spr(SPR_SRR0, srr0 + 4);
	else if (srr0 == (uintptr_t)irq_wait_doze && irq_idle_by_we)
		set_spr(SPR_SRR1, get_spr(SPR_SRR1) & ~MSR_WE);
}

/* Everything the MPIC presents, each ended after its handler. */
void irq_dispatch_external(void)
{
	uint32_t vector;

	leave_wait();
	while ((vector = mmio_read32(mpic + MPIC_IACK)) != SPURIOUS) {
		if (vector < IRQ_MAX && handlers[vector])
			handlers[vector](vector, 0);
		mmio_write32(mpic + MPIC_EOI, 0);
	}
}

/* The decrementer reached 0: the deadline, or a step on the way there. */
void irq_dispatch_decrementer(void)
{
	uint64_t *due = &deadline[this_vcpu()], now;

	leave_wait();
	set_spr(SPR_TSR, TSR_DIS);
	if (!*due)
		return;		/* stopped since */
	now = timer_count();
	if (now < *due) {
		set_spr(SPR_DEC, *due - now > DEC_MAX ? DEC_MAX : *due - now);
		return;
	}
	*due = 0;
	if (handlers[IRQ_PPI_VTIMER])
		handlers[IRQ_PPI_VTIMER](IRQ_PPI_VTIMER, 0);
}

/* Any other interrupt: a sample bug. Say which, and stop the partition. */
void irq_unexpected(uint32_t ivor)
{
	printf("runtime: unexpected interrupt, IVOR%u, srr0 0x%08x\n",
	       (unsigned int)ivor, (unsigned int)get_spr(SPR_SRR0));
	exit(EXIT_FAILURE);
}

/* ---- the timers ------------------------------------------------------------------- */

uint32_t timer_freq(void)
{
	static uint32_t freq;
	const fdt32_t *prop;
	int cpus, cpu;

	if (freq)
		return freq;
	cpus = fdt_path_offset(guest.fdt, "/cpus");
	cpu = cpus < 0 ? cpus : fdt_first_subnode(guest.fdt, cpus);
	prop = cpu < 0 ? NULL : fdt_getprop(guest.fdt, cpu, "timebase-frequency", NULL);
	if (!prop && cpus >= 0)
		prop = fdt_getprop(guest.fdt, cpus, "timebase-frequency", NULL);
	if (!prop) {
		printf("runtime: no timebase-frequency in the device tree's /cpus\n");
		exit(EXIT_FAILURE);
	}
	freq = fdt32_ld(prop);
	return freq;
}

/*
 * DEC = 0 (a write raises nothing), then TSR[DIS] cleared: an expiry of
 * the old count cannot fire the new deadline early.
 */
static void dec_stop(void)
{
	set_spr(SPR_DEC, 0);
	set_spr(SPR_TSR, TSR_DIS);
}

void vtimer_arm(uint64_t when)
{
	uint64_t now = timer_count();
	uint64_t left = when > now ? when - now : 1;

	dec_stop();
	deadline[this_vcpu()] = when ? when : 1;
	set_spr(SPR_DEC, left > DEC_MAX ? DEC_MAX : left);
}

void vtimer_stop(void)
{
	dec_stop();
	deadline[this_vcpu()] = 0;
}
