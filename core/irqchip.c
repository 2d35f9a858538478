// SPDX-License-Identifier: MIT
/*
 * The core's set-up calls of the guest interrupt controller (irqchip.h):
 * the port's op; and the kick op every port has used so far. The
 * injections and kicks are inline in irqchip.h.
 */
#include <bulkhead/irqchip.h>

void irqchip_kick_cpu(struct vcpu *v)
{
	port_cpu_kick(v->cpu);
}

int irqchip_route(struct partition *p, unsigned int irq, bool level)
{
	return port_irqchip.route(p, irq, level);
}

bool irqchip_usable(struct partition *p, unsigned int irq)
{
	return port_irqchip.usable(p, irq);
}
