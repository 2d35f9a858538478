/* SPDX-License-Identifier: MIT */
/*
 * The vector table of the benchmark tick (tick.c): IRQs call tick_irq()
 * on their own stack; any other exception stops here, which the run's
 * timeout turns into a failure.
 */
	.syntax	unified
	.arm
	.text

#define PSR_MODE_IRQ	0x12

	.balign	32
	.global	tick_vectors
tick_vectors:
	b	.			@ reset
	b	.			@ undefined instruction
	b	.			@ supervisor call
	b	.			@ prefetch abort
	b	.			@ data abort
	b	.			@ hypervisor trap (unused at PL1)
	b	tick_irq_entry		@ IRQ
	b	.			@ FIQ

tick_irq_entry:
	sub	lr, lr, #4
	push	{r0-r3, r12, lr}	@ 24 bytes: the stack stays 8-aligned
	bl	tick_irq
	ldm	sp!, {r0-r3, r12, pc}^	@ and CPSR from SPSR_irq

/* void tick_set_irq_stack(void *top), with IRQs masked */
	.global	tick_set_irq_stack
	.type	tick_set_irq_stack, %function
tick_set_irq_stack:
	mrs	r1, cpsr
	cps	#PSR_MODE_IRQ
	mov	sp, r0
	msr	cpsr_c, r1
	bx	lr
	.size	tick_set_irq_stack, . - tick_set_irq_stack
