/* SPDX-License-Identifier: MIT */
/*
 * The supervisor state a Book E (e500v2, e500mc) guest believes it has.
 * The guest really runs with MSR[PR]=1 (QEMU lacks the embedded
 * hypervisor category), so its MSR, its interrupt registers and its
 * privileged SPRs live here; emulate.c applies its trapped privileged
 * instructions to this state and reflect.c delivers exceptions to it the
 * way the hardware would. Pure data: the port copies the trapped
 * registers in and out, nothing here touches the hardware.
 *
 * Bits are given as 32-bit masks (bit 0 least significant); the Book E
 * (Power ISA 2.06 Book III-E) bit numbers are beside them.
 */
#ifndef ASM_BOOKE_VCPU_H
#define ASM_BOOKE_VCPU_H

#include <bulkhead/types.h>
#include <asm/guest_tlb.h>

/* The vector address of interrupt n: IVPR[0:15] | IVORn[16:27] */
#define IVPR_MASK	0xffff0000u
#define IVOR_MASK	0x0000fff0u

/* HID0 (e500v2): DOZE, NAP, SLEEP (bits 40-42), EN_MAS7_UPDATE (bit 56) */
#define HID0_POWER_SAVE		0x00e00000u
#define HID0_EN_MAS7_UPDATE	0x00000080u

/* MSR */
#define MSR_GS		0x10000000u	/* 35: guest state (E.HV): always 0 here */
#define MSR_UCLE	0x04000000u	/* 37: user cache locking enable */
#define MSR_SPE		0x02000000u	/* 38: SPE available (e500v2) */
#define MSR_WE		0x00040000u	/* 45: wait enable (e500v2): idle */
#define MSR_CE		0x00020000u	/* 46: critical interrupts enabled */
#define MSR_EE		0x00008000u	/* 48: external/decrementer enabled */
#define MSR_PR		0x00004000u	/* 49: user mode */
#define MSR_FP		0x00002000u	/* 50: floating point available */
#define MSR_ME		0x00001000u	/* 51: machine check enabled */
#define MSR_FE0		0x00000800u	/* 52: FP exception mode */
#define MSR_UBLE	0x00000400u	/* 53: user BTB lock enable (e500v2) */
#define MSR_DE		0x00000200u	/* 54: debug interrupts enabled */
#define MSR_FE1		0x00000100u	/* 55 */
#define MSR_IS		0x00000020u	/* 58: instruction address space */
#define MSR_DS		0x00000010u	/* 59: data address space */
#define MSR_PMM		0x00000004u	/* 61: performance monitor mark */
#define MSR_RI		0x00000002u	/* 62: recoverable interrupt (e500mc) */

/* ESR: what a program, storage or TLB interrupt records */
#define ESR_PIL		0x08000000u	/* 36: illegal instruction */
#define ESR_PPR		0x04000000u	/* 37: privileged instruction */
#define ESR_PTR		0x02000000u	/* 38: trap */
#define ESR_FP		0x01000000u	/* 39: floating-point operation */
#define ESR_ST		0x00800000u	/* 40: store operation */
#define ESR_DLK		0x00200000u	/* 42: data cache locking */
#define ESR_ILK		0x00100000u	/* 43: instruction cache locking */
#define ESR_AP		0x00080000u	/* 44: auxiliary processor operation */
#define ESR_PUO		0x00040000u	/* 45: unimplemented operation */
#define ESR_BO		0x00020000u	/* 46: byte ordering */
#define ESR_PIE		0x00010000u	/* 47: imprecise */
#define ESR_SPV		0x00000080u	/* 56: SPE operation (e500v2) */
#define ESR_EPID	0x00000040u	/* 57: external PID operation */

/*
 * MCSR, as the port's bus errors use it. e500v2 (E500CORERM 2.7.2.4; the
 * bit names of Linux's reg_booke.h): a bus error in the address phase of
 * an instruction fetch, a read or a write. e500mc has none of those: it
 * reports a failed access as an error report, LD, ST or IF, with MCAR
 * valid (MAV) and holding an effective address (MEA); Linux's
 * machine_check_e500mc() decodes exactly these, and would find nothing
 * it knows (and resume the guest at the access) in the e500v2 bits.
 */
#define MCSR_BUS_IAERR	0x00000080u	/* e500v2: instruction fetch */
#define MCSR_BUS_RAERR	0x00000040u	/* e500v2: read */
#define MCSR_BUS_WAERR	0x00000020u	/* e500v2: write */
#define MCSR_MAV	0x00080000u	/* e500mc: MCAR holds the address */
#define MCSR_MEA	0x00040000u	/* e500mc: ... an effective one */
#define MCSR_IF		0x00010000u	/* e500mc: instruction fetch error report */
#define MCSR_LD		0x00008000u	/* e500mc: load error report */
#define MCSR_ST		0x00004000u	/* e500mc: store error report */

/* What a failed access was, for the core's bus error syndrome */
enum booke_access {
	BOOKE_ACCESS_LOAD,
	BOOKE_ACCESS_STORE,
	BOOKE_ACCESS_FETCH,
	BOOKE_NR_ACCESS,
};

/*
 * The interrupts, numbered by the IVOR that holds their vector offset
 * (IVOR0-15 are Book E's, 32-37 the e500's).
 */
enum booke_exc {
	BOOKE_EXC_CRITICAL = 0,		/* critical input */
	BOOKE_EXC_MCHECK = 1,
	BOOKE_EXC_DSI = 2,		/* data storage: permission */
	BOOKE_EXC_ISI = 3,		/* instruction storage */
	BOOKE_EXC_EXTERNAL = 4,
	BOOKE_EXC_ALIGNMENT = 5,
	BOOKE_EXC_PROGRAM = 6,
	BOOKE_EXC_FP_UNAVAIL = 7,
	BOOKE_EXC_SYSCALL = 8,
	BOOKE_EXC_AP_UNAVAIL = 9,
	BOOKE_EXC_DECREMENTER = 10,
	BOOKE_EXC_FIT = 11,
	BOOKE_EXC_WATCHDOG = 12,
	BOOKE_EXC_DTLB = 13,		/* data TLB error (miss) */
	BOOKE_EXC_ITLB = 14,
	BOOKE_EXC_DEBUG = 15,
	BOOKE_EXC_SPE_UNAVAIL = 32,	/* e500v2 */
	BOOKE_EXC_SPE_DATA = 33,	/* e500v2 embedded FP data */
	BOOKE_EXC_SPE_ROUND = 34,	/* e500v2 embedded FP round */
	BOOKE_EXC_PERFMON = 35,
	BOOKE_EXC_DOORBELL = 36,	/* e500mc */
	BOOKE_EXC_DOORBELL_CRIT = 37,	/* e500mc */
};
#define BOOKE_NR_IVOR	38

/* What differs between the cores for the supervisor state, as data */
struct booke_core {
	const char *name;
	const struct e500_mmu_variant *mmu;
	uint32_t msr_bits;	/* the MSR bits the core has: all others read 0 */
	bool debug_class;	/* E.ED: debug uses DSRR0/1 and rfdi (e500mc) */
	bool spe;		/* IVOR32-34 (e500v2) */
	bool doorbell;		/* msgsnd/msgclr, IVOR36/37 (e500mc) */
	bool tlbilx;		/* tlbilx (e500mc: Power ISA 2.06) */
	bool hid1;		/* HID1 (e500v2) */
	bool l2csr;		/* backside L2: L2CSR0/1 (e500mc) */
	/* tlbre and tlbsx load MAS7 only with HID0[EN_MAS7_UPDATE] (e500v2) */
	bool mas7_update_in_hid0;
	/*
	 * The MCSR of a machine check for a bus error on each kind of
	 * access, with MCAR the access's effective address:
	 * booke_reflect(v, BOOKE_EXC_MCHECK, mcsr_bus_error[kind], ea).
	 */
	uint32_t mcsr_bus_error[BOOKE_NR_ACCESS];
};

extern const struct booke_core e500v2_core;
extern const struct booke_core e500mc_core;

/*
 * One vCPU's registers as the guest sees them. The user registers (GPRs,
 * PC, CR, LR, CTR, XER) are what the trap saved: the port copies them
 * in before emulation and back before it resumes the guest. PID0-2 and
 * MAS0-7 live in the guest TLB model (struct guest_tlb), next to it.
 *
 * SPRG3-7 and USPRG0 have unprivileged read numbers (259-263, 256) that
 * run on the hardware without a trap: the port loads sprg[3..7] and
 * usprg0 into the real registers on every guest entry.
 */
struct booke_vcpu {
	const struct booke_core *core;

	uint32_t gpr[32];
	uint32_t pc;		/* the instruction the trap stopped at */
	uint32_t cr, lr, ctr, xer;

	uint32_t msr;		/* the guest's MSR: PR, EE, IS, DS... as it set them */
	uint32_t srr0, srr1;	/* base class interrupts */
	uint32_t csrr0, csrr1;	/* critical class */
	uint32_t mcsrr0, mcsrr1;	/* machine check */
	uint32_t dsrr0, dsrr1;	/* debug class (e500mc) */
	uint32_t dear, esr;
	uint32_t mcsr, mcar;	/* machine check syndrome and address */

	uint32_t sprg[8];
	uint32_t usprg0;
	uint32_t ivpr;
	uint32_t ivor[BOOKE_NR_IVOR];

	uint32_t pir, pvr, svr;	/* read-only, given at reset */
	uint32_t hid0, hid1, bucsr;
	uint32_t l1csr0, l1csr1, l2csr0, l2csr1;
	uint32_t dbcr0, dbcr1, dbcr2, dbsr;
	uint32_t iac1, iac2, dac1, dac2;
};

/*
 * The state after a core reset: everything 0 (MSR too: supervisor,
 * interrupts masked, address space 0) but the identification registers.
 */
void booke_vcpu_reset(struct booke_vcpu *v, const struct booke_core *core,
		      uint32_t pir, uint32_t pvr, uint32_t svr);

/*
 * Deliver interrupt @exc to the guest as the core would: save v->pc in
 * the class's SRR0 and the MSR in its SRR1, set the new MSR and branch
 * to IVPR | IVORn. v->pc must be the address the guest returns to, which
 * is what the hardware put in SRR0 when it trapped to the hypervisor:
 * the faulting instruction for program, storage, TLB, alignment and
 * unavailable interrupts, the one after for sc, the next to run for
 * asynchronous ones. @esr goes to ESR and @dear to DEAR for the classes
 * that set them (machine check: MCSR |= @esr, MCAR = @dear); the others
 * leave ESR and DEAR as they were. The SPE interrupts (IVOR32-34) add
 * ESR[SPV] themselves, as the core always sets it for them.
 */
void booke_reflect(struct booke_vcpu *v, enum booke_exc exc, uint32_t esr, uint32_t dear);

/*
 * Whether the guest would take asynchronous interrupt @exc now: MSR[EE]
 * for external, decrementer, FIT, doorbell and performance monitor,
 * MSR[CE] for critical input, watchdog and critical doorbell, MSR[DE]
 * for debug, MSR[ME] for machine check (a machine check with ME=0 is a
 * checkstop: the port's fault policy). Synchronous ones are always taken.
 */
bool booke_irq_may_take(const struct booke_vcpu *v, enum booke_exc exc);

#endif
