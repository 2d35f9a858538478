// SPDX-License-Identifier: MIT
/*
 * The hypervisor's interrupts on Book E. Until the MPIC driver is wired
 * in, a CPU has no kick to wait for: idling returns at once (port.h
 * allows spurious returns) and a kicked CPU notices at its next trap.
 */
#include <bulkhead/port.h>
#include <asm/irq.h>
#include <asm/vcpu.h>

void ppc_irq_init(void)
{
}

void ppc_irq_cpu_init(unsigned int cpu)
{
	(void)cpu;
}

void ppc_irq_idle(void)
{
}

void ppc_irq_kick(unsigned int cpu)
{
	(void)cpu;
}

void ppc_handle_irq(struct vcpu *v)
{
	(void)v;
}

int port_irq_passthrough(struct partition *p, unsigned int irq, bool level)
{
	(void)p, (void)irq, (void)level;
	return -1;
}

void port_virq_raise(struct partition *p, unsigned int irq)
{
	(void)p, (void)irq;
}

void port_virq_set_level(struct partition *p, unsigned int irq, bool level)
{
	(void)p, (void)irq, (void)level;
}

bool port_virq_usable(struct partition *p, unsigned int irq)
{
	(void)p, (void)irq;
	return false;
}
