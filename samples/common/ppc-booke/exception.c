// SPDX-License-Identifier: MIT
/*
 * The default exception vectors' C side (vectors.S): an interrupt the
 * guest has no handler for is a bug in it. Report which vector it was
 * and where, then shut the partition down rather than run on.
 */
#include "guest.h"
#include "hypercall.h"
#include "runtime.h"

void __attribute__((noreturn)) exception_report(unsigned int ivor);

/*
 * The critical class (critical input, watchdog, critical doorbell,
 * debug: no sample enables debug events, which e500mc saves in DSRR0/1
 * instead) saves the PC and MSR in CSRR0/1, a machine check in
 * MCSRR0/1; the rest in SRR0/1.
 */
void exception_report(unsigned int ivor)
{
	/*
	 * An exception while reporting one: only stop. In .data, which every
	 * boot loads afresh, since the exception may come before .bss is
	 * cleared and .bss keeps the last boot's values.
	 */
	static volatile int reporting __attribute__((section(".data")));
	uint32_t pc, msr;

	if (reporting++)
		for (;;)
			hv_shutdown_self();
	switch (ivor) {
	case IVOR_CRITICAL:
	case IVOR_WATCHDOG:
	case IVOR_DEBUG:
	case IVOR_DOORBELL_CRITICAL:
		pc = mfspr(SPR_CSRR0);
		msr = mfspr(SPR_CSRR1);
		break;
	case IVOR_MACHINE_CHECK:
		pc = mfspr(SPR_MCSRR0);
		msr = mfspr(SPR_MCSRR1);
		break;
	default:
		pc = mfspr(SPR_SRR0);
		msr = mfspr(SPR_SRR1);
		break;
	}
	runtime_report_and_stop("runtime: unexpected exception IVOR%u pc=0x%08lx msr=0x%08lx esr=0x%08lx dear=0x%08lx\n",
		    ivor, (unsigned long)pc, (unsigned long)msr,
		    (unsigned long)mfspr(SPR_ESR), (unsigned long)mfspr(SPR_DEAR));
}
