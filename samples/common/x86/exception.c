// SPDX-License-Identifier: MIT
/*
 * The default exception vectors' C side (vectors.S): an exception the
 * guest has no handler for is a bug in it. Report which vector it was
 * and where, then shut the partition down rather than run on.
 */
#include "guest.h"
#include "hypercall.h"
#include "runtime.h"

/* What the CPU pushed (and the stub's error code of 0 where it pushes none) */
struct exception_frame {
	uint64_t error, rip, cs, rflags, rsp, ss;
};

void __attribute__((noreturn)) exception_report(unsigned int vector,
						const struct exception_frame *f);

void exception_report(unsigned int vector, const struct exception_frame *f)
{
	/*
	 * An exception while reporting one: only stop. In .data, which every
	 * boot loads afresh, since the exception may come before .bss is
	 * cleared and .bss keeps the last boot's values.
	 */
	static volatile int reporting __attribute__((section(".data")));
	uint64_t cr2;

	if (reporting++)
		for (;;)
			hv_shutdown_self();
	__asm__ volatile("mov %%cr2, %0" : "=r"(cr2));
	runtime_report_and_stop("runtime: unexpected exception %u rip=0x%llx error=0x%llx cr2=0x%llx rsp=0x%llx\n",
			vector, (unsigned long long)f->rip, (unsigned long long)f->error,
			(unsigned long long)cr2, (unsigned long long)f->rsp);
}
