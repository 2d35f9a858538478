// SPDX-License-Identifier: MIT
/*
 * The e500 cores' supervisor state as data (struct booke_core) and the
 * state a vCPU starts from. Sources: the e500 core reference manual
 * (E500CORERM) for e500v2 and the e500mc reference manual.
 */
#include <string.h>
#include <asm/booke_vcpu.h>

/* Bits both cores implement */
#define MSR_COMMON	(MSR_UCLE | MSR_CE | MSR_EE | MSR_PR | MSR_FP | MSR_ME | \
			 MSR_FE0 | MSR_DE | MSR_FE1 | MSR_IS | MSR_DS | MSR_PMM)

/*
 * MSR[GS] is in neither: the guest believes it runs on bare hardware, and
 * without the hypervisor category there is no guest state to report.
 */
const struct booke_core e500v2_core = {
	.name = "e500v2",
	.mmu = &e500v2_mmu,
	/*
	 * e500v2 idles by setting MSR[WE]; SPE replaces the classic FPU;
	 * UBLE lets user mode lock BTB entries (E500CORERM 4.4.1.3.2)
	 */
	.msr_bits = MSR_COMMON | MSR_SPE | MSR_WE | MSR_UBLE,
	.spe = true,
	.hid1 = true,
	.mas7_update_in_hid0 = true,
	.mcsr_bus_error = {
		[BOOKE_ACCESS_LOAD] = MCSR_BUS_RAERR,
		[BOOKE_ACCESS_STORE] = MCSR_BUS_WAERR,
		[BOOKE_ACCESS_FETCH] = MCSR_BUS_IAERR,
	},
};

const struct booke_core e500mc_core = {
	.name = "e500mc",
	.mmu = &e500mc_mmu,
	/* e500mc idles with the (unprivileged) wait instruction: no MSR[WE] */
	.msr_bits = MSR_COMMON | MSR_RI,
	.debug_class = true,
	.doorbell = true,
	.tlbilx = true,
	.l2csr = true,
	.mcsr_bus_error = {
		[BOOKE_ACCESS_LOAD] = MCSR_LD | MCSR_MAV | MCSR_MEA,
		[BOOKE_ACCESS_STORE] = MCSR_ST | MCSR_MAV | MCSR_MEA,
		[BOOKE_ACCESS_FETCH] = MCSR_IF | MCSR_MAV | MCSR_MEA,
	},
};

void booke_vcpu_reset(struct booke_vcpu *v, const struct booke_core *core,
		      uint32_t pir, uint32_t pvr, uint32_t svr)
{
	memset(v, 0, sizeof(*v));
	v->core = core;
	v->pir = pir;
	v->pvr = pvr;
	v->svr = svr;
}
