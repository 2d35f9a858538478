/* SPDX-License-Identifier: MIT */
/* Cortex-A15 port internals shared between its files. */
#ifndef ASM_ARM_H
#define ASM_ARM_H

#include <stdbool.h>
#include <stdint.h>

#define HCR_VM		(1u << 0)
#define HCR_SWIO	(1u << 1)
#define HCR_FMO		(1u << 3)
#define HCR_IMO		(1u << 4)
#define HCR_AMO		(1u << 5)
#define HCR_TWI		(1u << 13)
#define HCR_TWE		(1u << 14)
#define HCR_TSC		(1u << 19)
#define HCR_TIDCP	(1u << 20)
#define HCR_TAC		(1u << 21)

#define PSR_MODE_MASK	0x1fu
#define PSR_MODE_USR	0x10u
#define PSR_MODE_FIQ	0x11u
#define PSR_MODE_IRQ	0x12u
#define PSR_MODE_SVC	0x13u
#define PSR_MODE_ABT	0x17u
#define PSR_MODE_UND	0x1bu
#define PSR_MODE_SYS	0x1fu

#define SCTLR_M		(1u << 0)	/* stage-1 MMU on */
#define SCTLR_V		(1u << 13)	/* vectors at 0xffff0000 */
#define PSR_T		(1u << 5)
#define PSR_F		(1u << 6)
#define PSR_I		(1u << 7)
#define PSR_A		(1u << 8)

/*
 * What arm_guest_enter() returns (entry.S): the vector offset of the
 * exit, or EXIT_VECTOR_DONE for a trap entry.S had completed.
 */
#define EXIT_VECTOR_DONE	0x01	/* not a vector offset */
#define EXIT_VECTOR_TRAP	0x14
#define EXIT_VECTOR_IRQ		0x18
#define EXIT_VECTOR_FIQ		0x1c

struct arm_regs;
struct partition;
struct vcpu;
uint32_t arm_guest_enter(struct arm_regs *regs);

/*
 * From port_vcpu_reset(), on the vCPU's CPU: the guest's CP15, ThumbEE,
 * banked, VFP and Advanced SIMD registers and its exclusive monitor as
 * at a CPU reset (vcpu_reset.c; vfp_reset.S does VFP and Advanced SIMD).
 */
void guest_cpu_reset(void);
void vfp_reset(void);

void hyp_mmu_build(void);
void hyp_mmu_enable(unsigned int cpu);

/* The physical GIC (gicv2.c); gic_init_distributor() maps its registers */
struct gic_regs {
	volatile uint8_t *dist;		/* distributor */
	volatile uint8_t *cpu;		/* CPU interface, banked per CPU */
	volatile uint8_t *hyp;		/* virtual interface control (GICH), banked */
};
extern struct gic_regs gic;
void gic_init_distributor(void);
void gic_init_cpu(void);
int gic_route_spi(unsigned int irq, unsigned int cpu, bool level, struct partition *owner);
void gic_deactivate(unsigned int irq);
/* Acknowledge and dispatch; @v just left the guest, NULL when idle. */
void gic_handle_irqs(struct vcpu *v);

/* The virtual GIC's hardware side (vgic_hw.c) */
int vgic_hw_init(struct partition *p, unsigned int nr_irqs);
void vgic_hw_vcpu_reset(struct vcpu *v);
/*
 * Around each guest entry, on the vCPU's CPU: flush refills the list
 * registers and enables the virtual interface, sync folds back what the
 * guest did with them. Only needed while something is listed or queued
 * (struct arch_vcpu), which vcpu.c checks inline: most exits (MMIO,
 * hypercalls) happen with no interrupt in flight.
 */
void vgic_hw_flush(struct vcpu *v);
void vgic_hw_sync(struct vcpu *v);
void vgic_hw_inject(struct partition *p, unsigned int vcpu, unsigned int irq);
/* Physical SPI @irq to @p's vGIC (partition.c): port_irqchip's route */
int vgic_hw_route(struct partition *p, unsigned int irq, bool level);

#endif
