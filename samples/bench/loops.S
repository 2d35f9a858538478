/* SPDX-License-Identifier: MIT */
/*
 * The measured code of the benchmark guest, in assembly so that the
 * instructions between two reads of the cycle counter are exactly these,
 * whatever the compiler does. Under QEMU -icount shift=0 the cycle counter
 * (PMCCNTR) advances once per instruction, in the guest and (PMCCFILTR.NSH,
 * set by bench.c) in the hypervisor.
 *
 * Each loop comes in two forms that differ only in the one instruction
 * under test; bench.c subtracts their counts. Every loop function is
 * uint32_t f(uint32_t n, uintptr_t reg, uint32_t hypercall): n (at least
 * 1) iterations; the counted instructions.
 */
#define GICC_IAR	0x00c
#define GICC_EOIR	0x010

	.syntax	unified
	.arm
	.arch_extension virt
	.text

	.macro	read_pmccntr reg
	mrc	p15, 0, \reg, c9, c13, 0
	.endm

	/*
	 * loop_begin NAME ... loop_end: a function of r0 iterations of what
	 * stands between them, with the device register address (r1) in r7,
	 * the hypercall number (r2) in r6 and r3 = 0 for loop_str to write.
	 * r0-r3 are the hypercall's to change; r4-r7 survive it.
	 */
	.macro	loop_begin name
	.global	\name
	.type	\name, %function
\name:
	push	{r4-r7, lr}
	mov	r4, r0
	mov	r6, r2
	mov	r7, r1
	mov	r3, #0
	read_pmccntr r5
1:	mov	r0, r6
	.endm

	.macro	loop_end name
	subs	r4, r4, #1
	bne	1b
	read_pmccntr r0
	sub	r0, r0, r5
	pop	{r4-r7, pc}
	.size	\name, . - \name
	.endm

	/* The baseline: the loop with nothing under test. */
	loop_begin loop_empty
	loop_end loop_empty

	/* One hypercall: r0 = the hypercall number. */
	loop_begin loop_hvc
	hvc	#0
	loop_end loop_hvc

	/* One load from the device register. */
	loop_begin loop_ldr
	ldr	r2, [r7]
	loop_end loop_ldr

	/* One store of 0 to the device register. */
	loop_begin loop_str
	str	r3, [r7]
	loop_end loop_str

	/*
	 * uint32_t vtimer_latency(void): the instructions from the moment
	 * the virtual timer fires to the IRQ vector's first instruction,
	 * plus the fixed few counted around them (bench.c takes those off).
	 *
	 * CNTV_CVAL is 0, in the past, so enabling the timer (the mcr) is
	 * the moment it fires. The hypervisor takes the physical interrupt
	 * and forwards it; with IRQs unmasked the guest takes the virtual one
	 * at bench_vectors + 0x18, which reads the counter at once. The
	 * handler runs in IRQ mode on no stack and changes only r1-r3 and
	 * r12, all of them this function's to clobber.
	 */
	.global	vtimer_latency
	.type	vtimer_latency, %function
vtimer_latency:
	mov	r1, #1			@ CNTV_CTL: enabled, not masked
	mov	r3, #0			@ set to 1 by the handler
	cpsie	i
	read_pmccntr r0
	mcr	p15, 0, r1, c14, c3, 1	@ the timer fires here
2:	cmp	r3, #0
	beq	2b
	cpsid	i
	sub	r0, r1, r0		@ r1 = the handler's count
	bx	lr
	.size	vtimer_latency, . - vtimer_latency

	/*
	 * Installed (VBAR) only while vtimer_latency() runs. Every other
	 * exception goes on to the runtime's vectors (samples/common/arm-a15), which
	 * report it.
	 */
	.balign	32
	.global	bench_vectors
bench_vectors:
	b	irq_vectors + 0x00
	b	irq_vectors + 0x04
	b	irq_vectors + 0x08
	b	irq_vectors + 0x0c
	b	irq_vectors + 0x10
	b	irq_vectors + 0x14
	read_pmccntr r1			@ 0x18: the handler's first instruction
	b	bench_irq		@ 0x1c: FIQ is never used, the slot is free

	/*
	 * Stop the timer before completing its interrupt: it is forwarded
	 * as a hardware interrupt, so the guest's EOI deactivates it, and a
	 * timer still firing would interrupt again at once.
	 */
bench_irq:
	mov	r3, #0
	mcr	p15, 0, r3, c14, c3, 1	@ CNTV_CTL: disabled
	isb
	ldr	r12, =bench_gicc
	ldr	r12, [r12]
	ldr	r2, [r12, #GICC_IAR]
	str	r2, [r12, #GICC_EOIR]
	mov	r3, #1
	subs	pc, lr, #4
	.ltorg
