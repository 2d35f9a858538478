/* SPDX-License-Identifier: MIT */
/*
 * The hypervisor's own interrupts on Book E (irq.c): kicks between CPUs
 * and the sources it forwards to guests.
 */
#ifndef ASM_IRQ_H
#define ASM_IRQ_H

struct vcpu;

/* Boot CPU, after board_setup(): the interrupt controller, quiet */
void ppc_irq_init(void);
/* Each secondary, before it runs a guest */
void ppc_irq_cpu_init(unsigned int cpu);
/* Wait for a kick or anything else for this CPU (port_cpu_idle()) */
void ppc_irq_idle(void);
/* Make @cpu leave its guest or its idle wait (port_cpu_kick()) */
void ppc_irq_kick(unsigned int cpu);

#endif
