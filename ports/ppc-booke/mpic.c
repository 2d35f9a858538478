// SPDX-License-Identifier: MIT
/*
 * The physical MPIC as the hypervisor drives it (asm/mpic.h). Registers
 * checked against QEMU 7.2's hw/intc/openpic.c, the model both e500
 * boards use (MPIC 4.2 on ppce500, 2.0 on mpc8544ds): GCR's reset
 * (openpic_gcr_write(): the whole state reset, reading 0 after) and mode
 * bit, FRR's last-source field, the spurious vector at 0x10e0, the IPI
 * vector/priority registers at 0x10a0, the per-CPU registers through the
 * global block's alias (0x40-0xb0: the accessing CPU's IPI dispatch,
 * CTPR, IACK, EOI), and each source's IVPR (mask, priority, sense,
 * polarity, vector) and IDR (one bit per CPU) at 0x10000 + 0x20 * n.
 *
 * Accesses are big-endian words, like the core. Each one is preceded by
 * msync, so that it is ordered after everything the CPU did before (the
 * state a kicked CPU reads, a mask before an EOI); a load is followed by
 * a dependent trap and isync, so that nothing after it runs before its
 * value arrived (what the kicker wrote is read after the IACK).
 */
#include <bulkhead/spinlock.h>
#include <asm/mpic.h>

#define PRIO_KICK		MPIC_PRIO_MAX
#define PRIO_SOURCE		8
#define RESET_POLLS		1000000

static volatile uint8_t *mpic;
static unsigned int nr_sources;		/* FRR: the sources the MPIC has */
static unsigned int nr_cpus;		/* FRR: the CPUs it delivers to */
static spinlock_t ivpr_lock = SPINLOCK_INIT;	/* mask and unmask are read-modify-writes */

static uint32_t mpic_read(uint32_t off)
{
	volatile uint32_t *reg = (volatile uint32_t *)(mpic + off);
	uint32_t val;

	__asm__ volatile("msync\n\tlwz%U1%X1 %0, %1\n\ttwi 0, %0, 0\n\tisync"
			 : "=r"(val) : "m"(*reg) : "memory");
	return val;
}

static void mpic_write(uint32_t off, uint32_t val)
{
	volatile uint32_t *reg = (volatile uint32_t *)(mpic + off);

	__asm__ volatile("msync\n\tstw%U0%X0 %1, %0" : "=m"(*reg) : "r"(val) : "memory");
}

void mpic_cpu_init(void)
{
	mpic_write(MPIC_CTPR, 0);
}

/*
 * The reset masks every source, IPI and global timer and sets every CTPR
 * to 15; the sources are masked again all the same, each with its
 * vector, so that nothing depends on the reset values.
 */
int mpic_init(volatile void *regs)
{
	unsigned int polls = RESET_POLLS;
	uint32_t frr;

	mpic = regs;
	mpic_write(MPIC_GCR, MPIC_GCR_RESET);
	while (mpic_read(MPIC_GCR) & MPIC_GCR_RESET)
		if (!--polls)
			return -1;
	mpic_write(MPIC_GCR, MPIC_GCR_MIXED);
	frr = mpic_read(MPIC_FRR);
	nr_sources = ((frr & MPIC_FRR_NIRQ_MASK) >> MPIC_FRR_NIRQ_SHIFT) + 1;
	nr_cpus = ((frr & MPIC_FRR_NCPU_MASK) >> MPIC_FRR_NCPU_SHIFT) + 1;
	if (nr_sources > MPIC_NR_SOURCES)
		nr_sources = MPIC_NR_SOURCES;
	for (unsigned int n = 0; n < nr_sources; n++)
		mpic_write(MPIC_IVPR(n), MPIC_IVPR_MSK | n);
	for (unsigned int i = 1; i < MPIC_NR_IPIS; i++)
		mpic_write(MPIC_IPIVPR(i), MPIC_IVPR_MSK | (MPIC_VEC_KICK + i));
	mpic_write(MPIC_IPIVPR(0), PRIO_KICK << MPIC_IVPR_PRIO_SHIFT | MPIC_VEC_KICK);
	mpic_write(MPIC_SVR, MPIC_VEC_SPURIOUS);
	mpic_cpu_init();
	return 0;
}

void mpic_send_ipi(unsigned int cpu)
{
	mpic_write(MPIC_IPIDR(0), 1u << cpu);
}

uint32_t mpic_ack(void)
{
	return mpic_read(MPIC_IACK) & MPIC_IVPR_VECTOR_MASK;
}

/* Read back: the EOI has reached the MPIC before interrupts are enabled again. */
void mpic_eoi(void)
{
	mpic_write(MPIC_EOI, 0);
	(void)mpic_read(MPIC_WHOAMI);
}

int mpic_route(unsigned int irq, unsigned int cpu, unsigned int sense)
{
	uint32_t ivpr = mpic_sense_bits(sense) | PRIO_SOURCE << MPIC_IVPR_PRIO_SHIFT | irq;

	if (irq >= nr_sources || cpu >= nr_cpus)
		return -1;
	spin_lock(&ivpr_lock);
	mpic_write(MPIC_IVPR(irq), MPIC_IVPR_MSK | ivpr);
	mpic_write(MPIC_IDR(irq), 1u << cpu);
	mpic_write(MPIC_IVPR(irq), ivpr);
	spin_unlock(&ivpr_lock);
	return 0;
}

static void set_mask(unsigned int irq, bool masked)
{
	uint32_t ivpr;

	if (irq >= nr_sources)
		return;
	spin_lock(&ivpr_lock);
	ivpr = mpic_read(MPIC_IVPR(irq)) & ~(MPIC_IVPR_A | MPIC_IVPR_MSK);
	mpic_write(MPIC_IVPR(irq), ivpr | (masked ? MPIC_IVPR_MSK : 0));
	spin_unlock(&ivpr_lock);
}

void mpic_mask(unsigned int irq)
{
	set_mask(irq, true);
}

void mpic_unmask(unsigned int irq)
{
	set_mask(irq, false);
}
