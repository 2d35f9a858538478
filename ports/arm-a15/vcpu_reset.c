// SPDX-License-Identifier: MIT
/*
 * The registers a vCPU boots with on the Cortex-A15, at every boot of its
 * partition. Each CPU runs one vCPU and the guest owns its PL1&0 state in
 * the CPU itself (nothing is saved or restored on exits), so whatever the
 * previous boot left there stays until it is written here: every register
 * a guest can write at PL1 or PL0 without a trap. Each gets its Cortex-A15
 * reset value where the architecture defines one, zero where it says
 * UNKNOWN. docs/config.md, "What a partition boots with", lists them.
 *
 * Reset elsewhere: r0-r12, LR_usr, the PC and the CPSR (vcpu.c, through
 * struct arm_regs), the PMU (sysreg_trap.c), the GIC virtual CPU
 * interface, the virtual timer's enable and its interrupt (vgic_hw.c).
 * Nothing to reset because a guest cannot write them: ACTLR (HCR.TAC),
 * the debug registers (HDCR, emulated as disabled: sysreg_class.c), the
 * PMU under pmu = "none", the IMPLEMENTATION DEFINED c9-c11 and c15, the
 * physical timer (CNTHCTL), CNTFRQ (Secure only) and the ID registers.
 */
#include <bulkhead/types.h>
#include <asm/arm.h>
#include <asm/sysregs.h>

/* MMU, caches, alignment checks, TEX remap off; low vectors; ARM, little-endian exceptions */
#define SCTLR_RESET	0x00c50078u

/*
 * Written in this order: TTBCR before c10 c2, whose two registers its
 * EAE bit makes PRRR and NMRR or MAIR0 and MAIR1 (the same storage).
 */
static const struct {
	void (*write)(uint32_t value);
	uint32_t value;
} reset32[] = {
	{ write_sctlr, SCTLR_RESET },
	{ write_ttbcr, 0 },		/* short-descriptor format, TTBR0 only */
	{ write_cpacr, 0 },		/* CP10/CP11 (VFP, Advanced SIMD) UNDEFINED */
	{ write_dacr, 0 },
	{ write_dfsr, 0 },
	{ write_ifsr, 0 },
	{ write_adfsr, 0 },
	{ write_aifsr, 0 },
	{ write_dfar, 0 },
	{ write_ifar, 0 },
	{ write_prrr, 0 },
	{ write_nmrr, 0 },
	{ write_amair0, 0 },
	{ write_amair1, 0 },
	{ write_vbar, 0 },
	{ write_fcseidr, 0 },
	{ write_contextidr, 0 },
	{ write_tpidrurw, 0 },
	{ write_tpidruro, 0 },
	{ write_tpidrprw, 0 },
	{ write_csselr, 0 },
	{ write_cntkctl, 0 },		/* no PL0 timer access, no event stream */
	{ write_teecr, 0 },		/* PL0 may use TEEHBR */
	{ write_teehbr, 0 },
};

static void (*const reset64[])(uint64_t value) = {
	write_ttbr0,
	write_ttbr1,
	write_par,
	write_cntv_cval,	/* vgic_hw_vcpu_reset() has disabled the timer */
};

/* The guest modes' banked registers, which guest entry and exit never switch */
static void banked_regs_reset(void)
{
	__asm__ volatile(
		"msr	sp_usr, %0\n\t"
		"msr	sp_svc, %0\n\tmsr lr_svc, %0\n\tmsr spsr_svc, %0\n\t"
		"msr	sp_abt, %0\n\tmsr lr_abt, %0\n\tmsr spsr_abt, %0\n\t"
		"msr	sp_und, %0\n\tmsr lr_und, %0\n\tmsr spsr_und, %0\n\t"
		"msr	sp_irq, %0\n\tmsr lr_irq, %0\n\tmsr spsr_irq, %0\n\t"
		"msr	sp_fiq, %0\n\tmsr lr_fiq, %0\n\tmsr spsr_fiq, %0\n\t"
		"msr	r8_fiq, %0\n\tmsr r9_fiq, %0\n\tmsr r10_fiq, %0\n\t"
		"msr	r11_fiq, %0\n\tmsr r12_fiq, %0"
		:: "r"(0u));
}

void guest_cpu_reset(void)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(reset32); i++)
		reset32[i].write(reset32[i].value);
	for (unsigned int i = 0; i < ARRAY_SIZE(reset64); i++)
		reset64[i](0);
	banked_regs_reset();
	vfp_reset();
	/* A reset CPU holds no exclusive reservation */
	__asm__ volatile("clrex" ::: "memory");
}
