// SPDX-License-Identifier: MIT
/*
 * smp-sgi, the "timer-thief" partition: the physical count is readable,
 * the physical timer is not the guest's to program. Its write to CNTP_CTL
 * traps to the hypervisor, which reports it and applies fault policy
 * "halt"; the line after it must never appear.
 */
#include <stdio.h>
#include <stdlib.h>

#include "irq.h"

int main(void)
{
	uint64_t before = timer_physical_count();
	uint64_t after = timer_physical_count();

	printf("timer-thief: the physical count %s\n",
	       after > before ? "is readable and counts" : "does NOT count");
	printf("timer-thief: enabling the physical timer (CNTP_CTL)\n");
	__asm__ volatile("mcr p15, 0, %0, c14, c2, 1\n\tisb" :: "r"(1u) : "memory");
	printf("timer-thief: physical timer write NOT contained\n");
	return EXIT_FAILURE;
}
