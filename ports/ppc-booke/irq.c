// SPDX-License-Identifier: MIT
/*
 * The hypervisor's interrupts on Book E, through the physical MPIC
 * (mpic.c): IPI 0 kicks a CPU out of its guest or its sleep, and the
 * sources of passthrough devices go to the partition that owns them.
 * Such a source is masked on the MPIC from its arrival until its owner
 * has EOIed it in its vMPIC (vmpic.h's hw_eoi hook), so a level line the
 * device still drives comes once per guest acknowledgement, not forever.
 */
#include <bulkhead/board.h>
#include <bulkhead/console.h>
#include <bulkhead/irqchip.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <asm/cpu.h>
#include <asm/irq.h>
#include <asm/mpic.h>
#include <asm/mpic_regs.h>
#include <asm/vcpu.h>
#include <asm/vmpic.h>

/* The partition each passthrough source belongs to; written at creation */
static struct partition *source_owner[MPIC_NR_SOURCES];

void ppc_irq_init(void)
{
	volatile void *regs = port_device_map(board.intc.distributor.base, MPIC_SIZE, true);

	if (!regs || mpic_init(regs))
		hv_panic("cannot set up the MPIC at 0x%llx",
			 (unsigned long long)board.intc.distributor.base);
}

void ppc_irq_cpu_init(unsigned int cpu)
{
	(void)cpu;
	mpic_cpu_init();
}

/* vmpic.h's vCPU index (or VMPIC_NO_VCPU) as irqchip.h's set of vCPUs */
static uint32_t vcpu_set(int vcpu)
{
	return vcpu == VMPIC_NO_VCPU ? 0 : 1u << vcpu;
}

void ppc_handle_irq(void)
{
	for (;;) {
		uint32_t vec = mpic_ack();
		struct partition *p;

		if (vec == MPIC_VEC_SPURIOUS)
			return;
		if (vec == MPIC_VEC_KICK || vec >= MPIC_NR_SOURCES || !source_owner[vec]) {
			mpic_eoi();
			continue;
		}
		p = source_owner[vec];
		mpic_mask(vec);
		mpic_eoi();
		irqchip_kick(p, vcpu_set(vmpic_raise(&p->arch->mpic, vec)));
	}
}

void ppc_irq_idle(void)
{
	ppc_cpu_sleep(this_cpu()->core == &e500v2_core);
	ppc_handle_irq();
}

void ppc_irq_kick(unsigned int cpu)
{
	mpic_send_ipi(cpu);
}

static int route(struct partition *p, unsigned int irq, bool level)
{
	if (irq >= MPIC_NR_SOURCES || source_owner[irq] ||
	    mpic_route(irq, p->vcpu[0].cpu, level ? MPIC_SENSE_LEVEL_HIGH : MPIC_SENSE_EDGE_RISING))
		return -1;
	source_owner[irq] = p;
	mpic_unmask(irq);
	return 0;
}

static uint32_t raise(struct partition *p, unsigned int irq)
{
	return vcpu_set(vmpic_raise(&p->arch->mpic, irq));
}

static uint32_t set_level(struct partition *p, unsigned int irq, bool level)
{
	return vcpu_set(vmpic_set_level(&p->arch->mpic, irq, level));
}

static bool usable(struct partition *p, unsigned int irq)
{
	return vmpic_soft_source(&p->arch->mpic, irq);
}

/* The vMPIC as the core's interrupt controller (irqchip.h) */
const struct irqchip_ops port_irqchip = {
	.route = route,
	.raise = raise,
	.set_level = set_level,
	.usable = usable,
	.kick = irqchip_kick_cpu,
};
