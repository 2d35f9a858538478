/* SPDX-License-Identifier: MIT */
/*
 * The Book E side of samples/common/hypercall.h. A hypercall is `sc 1`
 * (LEV = 1; a plain `sc` is the guest's own system call, which the
 * hypervisor reflects to the guest's IVOR8): function number in r11,
 * arguments in r3, r4, r5, results in r3 and r4. r0 and r12 are
 * clobbered; every other GPR, CR and LR are preserved. There is no
 * firmware interface like PSCI on this port: secondary vCPUs start from
 * the ePAPR spin table (arch/spin_table.h).
 */
#ifndef SAMPLES_ARCH_HYPERCALL_H
#define SAMPLES_ARCH_HYPERCALL_H

#include <stdint.h>

#include "arch/guest.h"

struct hv_result {
	int32_t r0;	/* r3 */
	uint32_t r1;	/* r4 */
};

/* "memory" because a call may read a guest buffer (console write). */
static inline struct hv_result hv_call(uint32_t fn, uint32_t a1, uint32_t a2,
				       uint32_t a3)
{
	register uint32_t r11 __asm__("r11") = fn;
	register uint32_t r3 __asm__("r3") = a1;
	register uint32_t r4 __asm__("r4") = a2;
	register uint32_t r5 __asm__("r5") = a3;

	__asm__ volatile("sc 1"
			 : "+r"(r3), "+r"(r4)
			 : "r"(r5), "r"(r11)
			 : "r0", "r12", "memory");
	return (struct hv_result){ .r0 = (int32_t)r3, .r1 = r4 };
}

/*
 * The runtime's end of a secondary vCPU (runtime.c), started from the
 * spin table (arch/spin_table.h). There is no call that stops a single
 * vCPU on this port: it idles for good, with interrupts off, until the
 * partition stops or reboots.
 */
static inline void vcpu_power_off(void)
{
	for (;;)
		cpu_wait();
}

#endif
