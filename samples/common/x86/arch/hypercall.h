/* SPDX-License-Identifier: MIT */
/*
 * The x86-64 side of samples/common/hypercall.h. A hypercall is VMMCALL:
 * function number in EAX, arguments in RDI, RSI, RDX, results in RAX and
 * RDX; every other register is preserved. There is no firmware
 * interface like PSCI on this port.
 */
#ifndef SAMPLES_ARCH_HYPERCALL_H
#define SAMPLES_ARCH_HYPERCALL_H

#include <stdint.h>

#include "arch/guest.h"

struct hv_result {
	int32_t r0;	/* RAX */
	uint32_t r1;	/* RDX */
};

/* "memory" because a call may read a guest buffer (console write). */
static inline struct hv_result hv_call(uint32_t fn, uint32_t a1, uint32_t a2,
				       uint32_t a3)
{
	uint64_t rax = fn, rdx = a3;

	__asm__ volatile("vmmcall"
			 : "+a"(rax), "+d"(rdx)
			 : "D"((uint64_t)a1), "S"((uint64_t)a2)
			 : "memory");
	return (struct hv_result){ .r0 = (int32_t)rax, .r1 = (uint32_t)rdx };
}

/*
 * The runtime's end of a secondary vCPU (runtime.c). No sample starts
 * one on this port yet, and there is no call that stops a single vCPU:
 * it halts for good.
 */
static inline void vcpu_power_off(void)
{
	for (;;)
		cpu_wait();
}

#endif
