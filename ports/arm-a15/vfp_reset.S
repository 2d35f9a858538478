/* SPDX-License-Identifier: MIT */
/*
 * void vfp_reset(void): the guest's VFP and Advanced SIMD registers as
 * at reset (vcpu_reset.c). The registers are accessible from HYP only
 * with FPEXC.EN set (HCPTR does not trap them, boot.c; CPACR does not
 * apply to HYP), so it is set while d0-d31 and FPSCR are zeroed, then
 * FPEXC is left as the CPU resets it: all zero, the unit disabled. The
 * hypervisor itself is built soft-float and never uses them.
 */
	.syntax	unified
	.arm
	.fpu	neon
	.text

#define FPEXC_EN	(1 << 30)

	.global	vfp_reset
	.type	vfp_reset, %function
vfp_reset:
	mov	r0, #FPEXC_EN
	vmsr	fpexc, r0
	isb
	vmov.i64 q0, #0
	vmov.i64 q1, #0
	vmov.i64 q2, #0
	vmov.i64 q3, #0
	vmov.i64 q4, #0
	vmov.i64 q5, #0
	vmov.i64 q6, #0
	vmov.i64 q7, #0
	vmov.i64 q8, #0
	vmov.i64 q9, #0
	vmov.i64 q10, #0
	vmov.i64 q11, #0
	vmov.i64 q12, #0
	vmov.i64 q13, #0
	vmov.i64 q14, #0
	vmov.i64 q15, #0
	mov	r0, #0
	vmsr	fpscr, r0
	vmsr	fpexc, r0
	isb
	bx	lr
	.size	vfp_reset, . - vfp_reset
