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
#define GICD_TYPER		0x08000004	/* dom0 sees the board's GIC */
#define TICK_INSTRUCTIONS	16	/* CNTVCT at 62.5 MHz, 1 ns per instruction */
#define ITERATIONS		1600
#define RUNS			8
#define TICKS_PER_OP		(ITERATIONS / TICK_INSTRUCTIONS)
#define STACK_SIZE		4096

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
	adr	r0, str_pmu
	bl	putz
	mov	r0, r4
	bl	putu
	adr	r0, str_nl
	bl	putz
	b	finish

1:	adr	r0, loop_hvc
	mov	r1, #0
	adr	r2, str_hypercall_null
	bl	measure
	adr	r0, loop_ldr
	ldr	r1, =GICD_TYPER
	adr	r2, str_mmio_read
	bl	measure
	cmp	r11, #0
	adreq	r0, str_done
	beq	2f
finish:
	adr	r0, str_failed
2:	bl	putz
	adr	r1, shutdown_reason
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
	adr	r0, str_prefix
	bl	putz
	mov	r0, r6
	bl	putz
	mov	r1, #TICKS_PER_OP
	add	r0, r7, r1, lsr #1
	udiv	r8, r0, r1		@ rounded to whole instructions
	mls	r2, r8, r1, r7		@ ticks - r8 * TICKS_PER_OP
	add	r2, r2, #2
	cmp	r2, #4			@ within +-2 ticks
	cmpls	r7, #0x80000000		@ and not negative
	blo	2f
	add	r11, r11, #1
	adr	r0, str_unsteady
	bl	putz
	mov	r8, r7
2:	adr	r0, str_space
	bl	putz
	mov	r0, r8
	bl	putu
	adr	r0, str_nl
	bl	putz
	pop	{r4-r10, pc}

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
str_done:
	.asciz	"XENBENCH done\n"
	.balign	4
str_failed:
	.asciz	"XENBENCH FAILED\n"

	.balign	8
	.space	STACK_SIZE
stack_top:
image_end:
