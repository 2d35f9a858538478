// SPDX-License-Identifier: MIT
/*
 * What the hypervisor's own interrupts and exceptions come to (traps.S).
 * A kick only needs its EOI: the CPU took it to leave hlt or to clear a
 * pending interrupt before VMRUN; a spurious interrupt needs nothing. Any
 * exception is a bug in the hypervisor: one line with what the CPU says
 * about it, then a panic.
 */
#include <bulkhead/console.h>
#include <asm/cpu.h>
#include <asm/desc.h>
#include <asm/lapic.h>
#include <asm/x86.h>

static const char *const exception_names[X86_NR_EXCEPTIONS] = {
	[0] = "divide error", [1] = "debug", [2] = "NMI", [3] = "breakpoint",
	[4] = "overflow", [5] = "bound range", [6] = "invalid opcode",
	[7] = "device not available", [8] = "double fault", [10] = "invalid TSS",
	[11] = "segment not present", [12] = "stack fault", [13] = "general protection",
	[14] = "page fault", [16] = "x87 error", [17] = "alignment check",
	[18] = "machine check", [19] = "SIMD error", [29] = "VMM communication",
	[30] = "security",
};

void x86_trap(struct trap_frame *f)
{
	const char *name = f->vector < X86_NR_EXCEPTIONS ? exception_names[f->vector] : NULL;

	if (f->vector == VECTOR_KICK) {
		lapic_eoi();
		return;
	}
	if (f->vector == VECTOR_SPURIOUS)
		return;
	hv_panic("hypervisor exception %llu (%s) on CPU %u: rip=0x%llx error=0x%llx cr2=0x%llx rsp=0x%llx rflags=0x%llx",
		 (unsigned long long)f->vector, name ? name : "reserved", this_cpu()->index,
		 (unsigned long long)f->rip, (unsigned long long)f->error,
		 (unsigned long long)read_cr(2), (unsigned long long)f->rsp,
		 (unsigned long long)f->rflags);
}
