// SPDX-License-Identifier: MIT
/*
 * The core's side of the guest interrupt controller (irqchip.h): each
 * call is the port's op, and an injection is followed by a kick of the
 * vCPUs it concerns, unless the vCPU is the caller's own (it looks at
 * its interrupts before it enters the guest again).
 */
#include <bulkhead/irqchip.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>

void irqchip_kick(struct partition *p, uint32_t vcpus)
{
	unsigned int self = port_cpu_index();

	for (; vcpus; vcpus &= vcpus - 1) {
		struct vcpu *v = &p->vcpu[__builtin_ctz(vcpus)];

		if (v->cpu != self)
			port_irqchip.kick(v);
	}
}

int irqchip_route(struct partition *p, unsigned int irq, bool level)
{
	return port_irqchip.route(p, irq, level);
}

void irqchip_raise(struct partition *p, unsigned int irq)
{
	uint32_t vcpus = port_irqchip.raise(p, irq);

	if (vcpus)
		irqchip_kick(p, vcpus);
}

void irqchip_set_level(struct partition *p, unsigned int irq, bool level)
{
	uint32_t vcpus = port_irqchip.set_level(p, irq, level);

	if (vcpus)
		irqchip_kick(p, vcpus);
}

bool irqchip_usable(struct partition *p, unsigned int irq)
{
	return port_irqchip.usable(p, irq);
}
