/* SPDX-License-Identifier: MIT */
/*
 * The guest interrupt controller behind one interface: each port's
 * virtual controller (arm-a15: the vGIC; ppc-booke: the vMPIC; x86: the
 * emulated local APIC) fills in port_irqchip, and the core reaches it
 * only through the irqchip_*() calls below (core/irqchip.c), which do
 * the part every port shares: kicking the vCPUs an injection concerns.
 * docs/porting.md, "The interrupt controller", has who calls what.
 *
 * Ends of interrupt are not here: a guest's EOI is an access to its
 * controller's registers, which the port's model serves itself.
 */
#ifndef BULKHEAD_IRQCHIP_H
#define BULKHEAD_IRQCHIP_H

#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <bulkhead/types.h>

struct irqchip_ops {
	/*
	 * Hand physical interrupt @irq to @p: routed to the CPU of its
	 * first vCPU and forwarded as the same virtual interrupt number.
	 * Boot CPU, while partitions are created, after
	 * port_partition_init(p), no locks. 0 or -1 (also for a port that
	 * cannot pass interrupts through).
	 */
	int (*route)(struct partition *p, unsigned int irq, bool level);
	/*
	 * Make @irq pending in @p's controller (an edge), or drive its level
	 * line: the guest's controller state decides whether and where it
	 * is delivered. Returns the vCPUs (bit i: p->vcpu[i]) that must look
	 * at their interrupts again. Any CPU; the caller may hold p->lock,
	 * so the port takes only its own controller's lock inside.
	 */
	uint32_t (*raise)(struct partition *p, unsigned int irq);
	uint32_t (*set_level)(struct partition *p, unsigned int irq, bool level);
	/*
	 * Whether @irq can be raised by the hypervisor in @p: one its
	 * controller has and that is not forwarded from hardware. Boot CPU,
	 * while partitions are created, after their passthrough setup.
	 */
	bool (*usable)(struct partition *p, unsigned int irq);
	/*
	 * Make @v, which runs on another CPU, see its new interrupt state
	 * soon (leave the guest or its idle wait). Any CPU, any locks held;
	 * never blocks.
	 */
	void (*kick)(struct vcpu *v);
};

/* The port's controller (ports/<arch>/) */
extern const struct irqchip_ops port_irqchip;

/* A kick op for a port whose vCPUs are woken by port_cpu_kick() of their CPU */
void irqchip_kick_cpu(struct vcpu *v);

/* The core's calls at set-up (core/irqchip.c): the op */
int irqchip_route(struct partition *p, unsigned int irq, bool level);
bool irqchip_usable(struct partition *p, unsigned int irq);

/*
 * Kick the vCPUs in @vcpus (bit i: p->vcpu[i]), except one on the calling
 * CPU, which looks at its interrupts before it enters the guest again.
 * Inline, as the injections below: they are on the interrupt paths
 * `make bench` measures.
 */
static inline void irqchip_kick(struct partition *p, uint32_t vcpus)
{
	unsigned int self;

	if (!vcpus)
		return;
	self = port_cpu_index();
	for (; vcpus; vcpus &= vcpus - 1) {
		struct vcpu *v = &p->vcpu[__builtin_ctz(vcpus)];

		if (v->cpu != self)
			port_irqchip.kick(v);
	}
}

/* The op, then a kick of every vCPU it names */
static inline void irqchip_raise(struct partition *p, unsigned int irq)
{
	irqchip_kick(p, port_irqchip.raise(p, irq));
}

static inline void irqchip_set_level(struct partition *p, unsigned int irq, bool level)
{
	irqchip_kick(p, port_irqchip.set_level(p, irq, level));
}

#endif
