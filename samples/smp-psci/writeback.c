// SPDX-License-Identifier: MIT
/*
 * smp-psci, duo: MMIO accesses that reach the hypervisor without a
 * syndrome. A load or store that writes its base register back traps with
 * HSR.ISV = 0, so the hypervisor must fetch and decode the instruction
 * itself, in ARM or Thumb state, emulate the device access and update the
 * base. Each check does one such access to the emulated PL011, whose
 * register values are fixed, and compares both the data and the base.
 *
 * Each access is written out in asm: the compiler must not choose another
 * form, and the destination stays apart from the base and offset registers
 * (a loaded base or offset is a different, UNPREDICTABLE or corner case).
 */
#include <inttypes.h>
#include <stdio.h>

#include "duo.h"

#define PL011_DR		0x000
#define PL011_FR		0x018
#define PL011_PERIPHID0		0xfe0
/* Values the emulated PL011 always has: TXFE | RXFE, and part number 0x011. */
#define FR_IDLE			0x90u
#define PERIPHID0		0x11u

static void report(const char *access, uint32_t value, uint32_t want,
		   uintptr_t moved, uintptr_t want_moved)
{
	if (value == want && moved == want_moved)
		printf("duo: mmio writeback ok (%s)\n", access);
	else
		printf("duo: mmio %s: read 0x%" PRIx32 ", expected 0x%" PRIx32
		       "; base moved by 0x%" PRIxPTR ", expected 0x%" PRIxPTR "\n",
		       access, value, want, moved, want_moved);
}

static void arm_ldr_pre_indexed(uintptr_t uart)
{
	uintptr_t base = uart;
	uint32_t value;

	__asm__ volatile("ldr %0, [%1, %2]!"
			 : "=&r"(value), "+r"(base) : "i"(PL011_FR) : "memory");
	report("arm ldr pre-indexed", value, FR_IDLE, base - uart, PL011_FR);
}

static void __attribute__((noinline, target("thumb")))
thumb_ldr_pre_indexed(uintptr_t uart)
{
	uintptr_t base = uart;
	uint32_t value;

	__asm__ volatile("ldr %0, [%1, %2]!"
			 : "=&r"(value), "+r"(base) : "i"(PL011_FR) : "memory");
	report("thumb ldr pre-indexed", value, FR_IDLE, base - uart, PL011_FR);
}

/* The register offset form: the hypervisor adds Rm to the base. */
static void arm_ldrh_register_pre_indexed(uintptr_t uart)
{
	uintptr_t base = uart;
	uint32_t value;

	__asm__ volatile("ldrh %0, [%1, %2]!"
			 : "=&r"(value), "+r"(base) : "r"(PL011_PERIPHID0) : "memory");
	report("arm ldrh register pre-indexed", value, PERIPHID0, base - uart,
	       PL011_PERIPHID0);
}

/* The stored byte lands in the middle of this line on the console. */
static void arm_strb_post_indexed(uintptr_t uart)
{
	uintptr_t dr = uart + PL011_DR, base = dr;

	printf("duo: mmio strb post-indexed wrote '");
	__asm__ volatile("strb %1, [%0], #1" : "+r"(base) : "r"('*') : "memory");
	if (base - dr == 1)
		printf("', writeback ok\n");
	else
		printf("'; base moved by 0x%" PRIxPTR ", expected 0x1\n", base - dr);
}

void check_mmio_writeback(uintptr_t uart)
{
	arm_ldr_pre_indexed(uart);
	thumb_ldr_pre_indexed(uart);
	arm_ldrh_register_pre_indexed(uart);
	arm_strb_post_indexed(uart);
}
