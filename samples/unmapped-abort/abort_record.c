// SPDX-License-Identifier: MIT
/*
 * unmapped-abort: the C side of probes.S's handlers, which record what
 * each abort showed them (probes.h). samples/high-ipa builds it too.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "guest.h"
#include "probes.h"

volatile struct abort_seen seen;
volatile uint32_t thumb_entries;

static uint64_t abort_stack[256];

/* DFSR and DFAR of a data abort, IFSR and IFAR of a prefetch abort */
static void read_fault_regs(uint32_t kind, uint32_t *fsr, uint32_t *far)
{
	if (kind == ABORT_DATA)
		__asm__ volatile("mrc p15, 0, %0, c5, c0, 0\n\tmrc p15, 0, %1, c6, c0, 0"
				 : "=r"(*fsr), "=r"(*far));
	else
		__asm__ volatile("mrc p15, 0, %0, c5, c0, 1\n\tmrc p15, 0, %1, c6, c0, 2"
				 : "=r"(*fsr), "=r"(*far));
}

void probes_install(void)
{
	__asm__ volatile("cps #0x17\n\tmov sp, %0\n\tcps #0x13"	/* SP_abt */
			 :: "r"(abort_stack + sizeof(abort_stack) / sizeof(abort_stack[0]))
			 : "memory");
	__asm__ volatile("mcr p15, 0, %0, c12, c0, 0\n\tisb"		/* VBAR */
			 :: "r"(probe_vectors) : "memory");
}

void abort_record(uint32_t kind, uint32_t lr, uint32_t spsr, uint32_t cpsr)
{
	uint32_t fsr, far;

	read_fault_regs(kind, &fsr, &far);
	seen.kind = kind;
	seen.lr = lr;
	seen.spsr = spsr;
	seen.cpsr = cpsr;
	seen.fsr = fsr;
	seen.far = far;
	seen.count++;
}

void unexpected_exception(uint32_t vector, uint32_t lr)
{
	printf("%s: unexpected exception, vector 0x%02" PRIx32 ", lr 0x%08" PRIx32
	       ": NOT as expected\n", guest.name, vector, lr);
	exit(EXIT_FAILURE);
}
