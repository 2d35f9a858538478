/* SPDX-License-Identifier: MIT */
/*
 * The Xen side of `make bench`: a bare-metal dom0 that counts, with the
 * same method as samples/bench, what Xen's paths cost in instructions.
 *
 * Xen boots it as a 32-bit zImage (magic at 0x24, start 0 = position
 * independent), in SVC mode with the MMU off, somewhere in dom0's 1:1
 * mapped RAM; so everything here is PC-relative. It prints
 * "XENBENCH <metric> <value>" lines through console_io and powers the
 * machine off with SCHEDOP_shutdown, which makes QEMU exit.
 *
 * The counter is the virtual count (CNTVCT), not the PMU as in
 * samples/bench: Xen 4.17 traps dom0's PMU accesses and makes them read as
 * zero. Under QEMU -icount shift=0 CNTVCT is virtual time, one tick per
 * TICK_INSTRUCTIONS instructions of the guest and of Xen alike. Each
 * figure is a loop of ITERATIONS with the operation minus the same loop
 * without it; one instruction per operation of difference is TICKS_PER_OP
 * ticks, so the tick quantisation (one at each end of each loop) stays far
 * below one instruction per operation.
 *
 * virq_latency is one event, not a loop: the instructions from the
 * virtual timer firing to the first instruction of dom0's IRQ vector. A
 * single tick difference would only bound it within 16, so the event is
 * made at each of the 16 phases of the counter against its ticks, and the
 * tick differences of the 16 add up to the exact instruction count (see
 * phase_sum).
 */
#define XEN_HYPERCALL_TAG	0xea1
#define HYPERVISOR_xen_version	17
#define HYPERVISOR_console_io	18
#define HYPERVISOR_sched_op	29
#define XENVER_version		0
#define CONSOLEIO_write		0
#define SCHEDOP_shutdown	2
#define SHUTDOWN_poweroff	0

#define ZIMAGE_MAGIC		0x016f2818
/* dom0 sees the board's GICv2: Xen's vGIC, and its GICV mapped at GICC. */
#define GICD_BASE		0x08000000
#define GICD_CTLR		0x000
#define GICD_TYPER		0x004
#define GICD_ISENABLER0		0x100
#define GICC_BASE		0x08010000
#define GICC_CTLR		0x000
#define GICC_PMR		0x004
#define GICC_IAR		0x00c
#define GICC_EOIR		0x010
#define VTIMER_PPI		27
#define TICK_INSTRUCTIONS	16	/* CNTVCT at 62.5 MHz, 1 ns per instruction */
#define ITERATIONS		1600
#define RUNS			8
#define TICKS_PER_OP		(ITERATIONS / TICK_INSTRUCTIONS)
#define STACK_SIZE		4096
/*
 * probe_nops' count between its two counter reads: its nops, its second
 * isb and one of its two mrrc (each read counts itself). Not a multiple of
 * TICK_INSTRUCTIONS, so a phase_sum that sampled the phases unevenly would
 * miss it.
 */
#define PROBE_NOPS		37
#define PROBE_NOPS_COUNT	(PROBE_NOPS + 2)
/*
 * Counted, not calibrated: what probe_vtimer counts beside the latency,
 * as samples/bench does (LATENCY_FIXED), is the mcr that fires the timer
 * and one counter read; exception entry itself counts no instruction
 * under icount.
 */
#define VIRQ_FIXED		2

	.syntax	unified
	.arm
	.arch	armv7-a
	.arch_extension virt
	.arch_extension idiv
	.text

	.global	_start
_start:
	b	entry
	.org	0x24
	.word	ZIMAGE_MAGIC
	.word	0			@ start: position independent
	.word	image_end - _start	@ end: the whole image, stack included

	/* The low word of CNTVCT; r3 takes the high word. */
	.macro	read_counter reg
	isb
	mrrc	p15, 1, \reg, r3, c14
	.endm

	.macro	hypercall nr
	mov	r12, #\nr
	hvc	#XEN_HYPERCALL_TAG
	.endm

entry:
	adr	r4, _start
	ldr	r0, stack_offset
	add	sp, r4, r0
	mov	r11, #0			@ failures
	/*
	 * The empty loop is 3 instructions an iteration plus the 2 of the
	 * second counter read: 300 ticks, or 301 by where the ticks fall.
	 * Anything else means the counter does not count instructions (no
	 * icount, or something else ran during the loop).
	 */
	mov	r0, #ITERATIONS
	bl	loop_empty
	ldr	r1, =3 * TICKS_PER_OP
	sub	r1, r0, r1
	cmp	r1, #1
	bls	1f
	mov	r4, r0
	adrl	r0, str_pmu
	bl	putz
	mov	r0, r4
	bl	putu
	adrl	r0, str_nl
	bl	putz
	b	finish

1:	adr	r0, loop_hvc
	mov	r1, #0
	adrl	r2, str_hypercall_null
	bl	measure
	adr	r0, loop_ldr
	ldr	r1, =GICD_BASE + GICD_TYPER
	adrl	r2, str_mmio_read
	bl	measure
	bl	measure_virq
	cmp	r11, #0
	adrleq	r0, str_done
	beq	2f
finish:
	adrl	r0, str_failed
2:	bl	putz
	adrl	r1, shutdown_reason
	mov	r0, #SCHEDOP_shutdown
	hypercall HYPERVISOR_sched_op
3:	wfi
	b	3b

/*
 * measure(loop r0, register r1, metric name r2): print the instructions
 * per iteration that @loop adds to the empty loop, or NOT steady when the
 * tick difference is further than the quantisation (2 ticks) from a
 * whole number of instructions per iteration. Each loop runs RUNS times
 * and its fewest ticks count: Xen's own timer interrupts land in some
 * runs, and would otherwise be charged to the operation.
 */
measure:
	push	{r4-r10, lr}
	mov	r4, r0
	mov	r5, r1
	mov	r6, r2
	mvn	r7, #0			@ fewest ticks with the operation
	mvn	r8, #0			@ and without
	mov	r9, #RUNS
1:	mov	r0, #ITERATIONS
	mov	r1, r5
	blx	r4
	cmp	r0, r7
	movlo	r7, r0
	mov	r0, #ITERATIONS
	mov	r1, r5
	bl	loop_empty
	cmp	r0, r8
	movlo	r8, r0
	subs	r9, r9, #1
	bne	1b
	sub	r7, r7, r8		@ with - without, in ticks
	mov	r1, #TICKS_PER_OP
	add	r0, r7, r1, lsr #1
	udiv	r8, r0, r1		@ rounded to whole instructions
	mls	r2, r8, r1, r7		@ ticks - r8 * TICKS_PER_OP
	add	r2, r2, #2
	mov	r0, r6
	mov	r1, r8
	cmp	r2, #4			@ within +-2 ticks
	cmpls	r7, #0x80000000		@ and not negative
	movlo	r2, #1
	movhs	r2, #0
	movhs	r1, r7			@ unsteady: the raw ticks
	bl	result
	pop	{r4-r10, pc}

/*
 * result(metric name r0, value r1, steady r2): "XENBENCH <name> <value>",
 * or with NOT steady before the value, counted as a failure, when r2 is 0.
 */
result:
	push	{r4-r6, lr}
	mov	r4, r0
	mov	r5, r1
	mov	r6, r2
	adrl	r0, str_prefix
	bl	putz
	mov	r0, r4
	bl	putz
	cmp	r6, #0
	bne	1f
	add	r11, r11, #1
	adrl	r0, str_unsteady
	bl	putz
1:	adrl	r0, str_space
	bl	putz
	mov	r0, r5
	bl	putu
	adrl	r0, str_nl
	bl	putz
	pop	{r4-r6, pc}

/*
 * Loops of r0 iterations (at least 1) returning the ticks they took;
 * r1 is the device register. The hypercall's number and argument are set
 * outside the count; r0 is set again each iteration because Xen returns
 * its result there. The counter and the start count live in r4 and r5,
 * which a hypercall preserves.
 */
	.macro	loop_begin name
\name:
	push	{r4-r7, lr}
	mov	r4, r0
	mov	r7, r1
	mov	r6, #XENVER_version
	mov	r1, #0
	mov	r12, #HYPERVISOR_xen_version
	read_counter r5
1:	mov	r0, r6
	.endm

	.macro	loop_end
	subs	r4, r4, #1
	bne	1b
	read_counter r0
	sub	r0, r0, r5
	pop	{r4-r7, pc}
	.endm

	loop_begin loop_empty
	loop_end

	loop_begin loop_hvc
	hvc	#XEN_HYPERCALL_TAG
	loop_end

	loop_begin loop_ldr
	ldr	r2, [r7]
	loop_end

/*
 * measure_virq(): virq_latency, after checking phase_sum on probe_nops,
 * whose count is known. The GIC setup lets PPI 27, the virtual timer,
 * through the distributor and the CPU interface at any priority;
 * CNTV_CVAL = 0 is a deadline in the past, so that enabling the timer
 * fires it. IRQs stay masked except inside probe_vtimer.
 */
measure_virq:
	push	{r4, r5, lr}
	adr	r0, probe_nops
	bl	phase_sum
	cmp	r0, #PROBE_NOPS_COUNT
	cmpeq	r1, #1
	beq	1f
	add	r11, r11, #1
	mov	r4, r0
	mov	r5, r1
	adrl	r0, str_phase
	bl	putz
	mov	r0, r4
	bl	putu
	cmp	r5, #0
	adrleq	r0, str_unsteady
	bleq	putz
	adrl	r0, str_nl
	bl	putz
	pop	{r4, r5, pc}

1:	ldr	r0, =GICD_BASE
	mov	r1, #1 << VTIMER_PPI
	str	r1, [r0, #GICD_ISENABLER0]
	mov	r1, #1
	str	r1, [r0, #GICD_CTLR]
	ldr	r0, =GICC_BASE
	mov	r1, #0xff
	str	r1, [r0, #GICC_PMR]
	mov	r1, #1
	str	r1, [r0, #GICC_CTLR]
	adr	r0, vectors
	mcr	p15, 0, r0, c12, c0, 0	@ VBAR
	mov	r0, #0
	mov	r1, #0
	mcr	p15, 0, r0, c14, c3, 1	@ CNTV_CTL: disabled
	mcrr	p15, 3, r0, r1, c14	@ CNTV_CVAL = 0
	isb
	adr	r0, probe_vtimer
	bl	phase_sum
	mov	r2, r1
	sub	r1, r0, #VIRQ_FIXED
	adrl	r0, str_virq_latency
	bl	result
	pop	{r4, r5, pc}

/*
 * phase_sum(probe r0): the instructions between the probe's two counter
 * reads (see probe_ticks), exactly, in r0; in r1 1 if steady, else 0.
 *
 * If the first read falls at phase p of its tick (p instructions after
 * the tick) and the second L instructions later, they differ by
 * floor((p + L) / 16) ticks; over p = 0..15 that adds up to L. The probe
 * runs at 16 pads that move its first read to each phase in turn, RUNS
 * times at each, and the fewest ticks of a pad count: Xen's own timer
 * interrupts land in some runs. Steady: the pads' fewest differ by one
 * tick at most, as a constant L makes them, and no run took exactly one
 * tick more than its pad's fewest, which no interrupt would cost but a
 * first read away from the pad's phase would.
 */
phase_sum:
	push	{r0, r4-r10, lr}	@ the probe stays at [sp]
	mov	r4, #0			@ pad
	mov	r5, #0			@ sum
	mvn	r6, #0			@ fewest of the pads' fewest
	mov	r7, #0			@ most of them
1:	mov	r8, #RUNS
	mvn	r9, #0			@ this pad's fewest
	mvn	r10, #0			@ and next fewest
2:	ldr	r0, [sp]
	mov	r1, r4
	bl	probe_ticks
	cmp	r0, r9
	movlo	r10, r9
	movlo	r9, r0
	cmphi	r10, r0
	movhi	r10, r0
	subs	r8, r8, #1
	bne	2b
	add	r5, r5, r9
	sub	r10, r10, r9
	cmp	r10, #1
	mvneq	r7, #0			@ unsteady
	cmp	r9, r6
	movlo	r6, r9
	cmp	r9, r7
	movhi	r7, r9
	add	r4, r4, #1
	cmp	r4, #TICK_INSTRUCTIONS
	bne	1b
	mov	r0, r5
	sub	r1, r7, r6
	cmp	r1, #1
	movls	r1, #1
	movhi	r1, #0
	add	sp, sp, #4
	pop	{r4-r10, pc}

/*
 * probe_ticks(probe r0, pad r1): call the probe with its first counter
 * read at phase pad + c of its tick, c the same for every call, and return
 * the ticks it measured.
 *
 * The xen_version hypercall comes first so that Xen tidies up after the
 * previous run's interrupt here rather than in the next measurement, as
 * samples/bench does. Then the loop reads the counter every 15
 * instructions, one fewer than a tick, so each read falls one phase
 * earlier than the one before; two reads see the same count only when
 * the first was at phase 0, and the loop stops there, whatever the phase
 * it began at. From there a fixed path of instructions and pad nops leads
 * to the probe. A hypercall preserves r5 and r6.
 */
probe_ticks:
	push	{r5, r6, lr}
	mov	r5, r0
	adr	r6, pad_end
	sub	r6, r6, r1, lsl #2
	mov	r0, #XENVER_version
	mov	r1, #0
	hypercall HYPERVISOR_xen_version
	read_counter r0
	nop				@ the first two reads 15 apart as well
	nop
1:	mov	r1, r0			@ 15 instructions from here to the bne
	.rept	10
	nop
	.endr
	read_counter r0
	cmp	r0, r1
	bne	1b
	bx	r6
	.rept	TICK_INSTRUCTIONS - 1
	nop
	.endr
pad_end:
	blx	r5
	pop	{r5, r6, pc}

/*
 * Probes: called by probe_ticks, they return in r0 the second counter
 * read minus the first and change only r0-r3 and r12.
 */

/* The known count: PROBE_NOPS_COUNT instructions. */
probe_nops:
	read_counter r1
	.rept	PROBE_NOPS
	nop
	.endr
	read_counter r0
	sub	r0, r0, r1
	bx	lr

/*
 * Enabling the timer (the mcr) is the moment it fires: Xen takes the
 * physical PPI 27, masks the timer and injects the virtual one, and dom0
 * takes that at vectors + 0x18, whose first instruction reads the counter
 * into r0; the handler returns with r12 not 0.
 */
probe_vtimer:
	mov	r2, #1			@ CNTV_CTL: enabled, not masked
	mov	r12, #0
	cpsie	i
	read_counter r1
	mcr	p15, 0, r2, c14, c3, 1	@ the timer fires here
1:	cmp	r12, #0
	beq	1b
	cpsid	i
	sub	r0, r0, r1
	bx	lr

/*
 * The exception vectors: nothing but the IRQ is expected. Exception entry
 * synchronises the context, so the IRQ vector reads the counter without
 * an isb, in its first instruction.
 */
	.balign	32
vectors:
	b	stray
	b	stray
	b	stray
	b	stray
	b	stray
	b	stray
	mrrc	p15, 1, r0, r3, c14	@ 0x18: IRQ, the end of the latency
	b	vtimer_irq		@ 0x1c: FIQ is never used, the slot is free

/*
 * Stop the timer, then acknowledge and complete its interrupt, in IRQ
 * mode and on no stack: the interrupted probe_vtimer lets r3 and r12
 * change. The timer is the only interrupt enabled; any other ID (1023,
 * spurious) means the measurement is not what it claims.
 */
vtimer_irq:
	mov	r3, #0
	mcr	p15, 0, r3, c14, c3, 1	@ CNTV_CTL: disabled
	isb
	ldr	r3, =GICC_BASE
	ldr	r12, [r3, #GICC_IAR]
	str	r12, [r3, #GICC_EOIR]
	cmp	r12, #VTIMER_PPI
	bne	stray
	subs	pc, lr, #4

stray:
	adrl	r0, str_stray
	bl	putz
	b	finish

/* putz(string r0): CONSOLEIO_write of a NUL-terminated string. */
putz:
	mov	r2, r0
	mov	r1, #0
1:	ldrb	r3, [r2, r1]
	cmp	r3, #0
	addne	r1, r1, #1
	bne	1b
	mov	r0, #CONSOLEIO_write
	hypercall HYPERVISOR_console_io
	bx	lr

/* putu(value r0): the value in decimal. */
putu:
	push	{r4, lr}
	sub	sp, sp, #16
	add	r4, sp, #15
	mov	r1, #0
	strb	r1, [r4]
	mov	r2, #10
1:	udiv	r3, r0, r2
	mls	r1, r3, r2, r0
	add	r1, r1, #'0'
	strb	r1, [r4, #-1]!
	movs	r0, r3
	bne	1b
	mov	r0, r4
	bl	putz
	add	sp, sp, #16
	pop	{r4, pc}

	.ltorg
	.balign	4
stack_offset:
	.word	stack_top - _start
shutdown_reason:
	.word	SHUTDOWN_poweroff
	.balign	4
str_prefix:
	.asciz	"XENBENCH "
	.balign	4
str_hypercall_null:
	.asciz	"hypercall_null"
	.balign	4
str_mmio_read:
	.asciz	"mmio_read"
	.balign	4
str_virq_latency:
	.asciz	"virq_latency"
	.balign	4
str_unsteady:
	.asciz	" NOT steady"
	.balign	4
str_space:
	.asciz	" "
	.balign	4
str_nl:
	.asciz	"\n"
	.balign	4
str_pmu:
	.asciz	"XENBENCH the counter does NOT count instructions: 300 ticks expected, got "
	.balign	4
str_phase:
	.asciz	"XENBENCH the phase sum does NOT count instructions: 39 expected, got "
	.balign	4
str_stray:
	.asciz	"XENBENCH unexpected exception or interrupt\n"
	.balign	4
str_done:
	.asciz	"XENBENCH done\n"
	.balign	4
str_failed:
	.asciz	"XENBENCH FAILED\n"

	.balign	8
	.space	STACK_SIZE
stack_top:
image_end:
