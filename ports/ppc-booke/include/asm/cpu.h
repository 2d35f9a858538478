/* SPDX-License-Identifier: MIT */
/*
 * Per-CPU state of the Book E hypervisor. SPRG0 holds each CPU's struct
 * ppc_cpu for the whole run: the guest cannot read it (SPRG0-2 are
 * supervisor registers, so a guest's mfspr of them traps and is
 * emulated), and the trap vectors find the register file of the vCPU
 * they interrupted through it. SPRG1 is the vectors' scratch register.
 *
 * The first words are laid out for entry.S: keep PPC_CPU_* in step.
 */
#ifndef ASM_CPU_H
#define ASM_CPU_H

#define PPC_CPU_GUEST		0	/* struct booke_vcpu * of the vCPU running here */
#define PPC_CPU_SCRATCH_R3	4	/* the guest's r3 and r4 while a vector saves them */
#define PPC_CPU_SCRATCH_R4	8
#define PPC_CPU_HV_SP		12	/* ppc_guest_enter()'s stack pointer */
#define PPC_CPU_SRR1		16	/* SRR1 of the trap that ended the guest's run */
#define PPC_CPU_GUEST_MSR	20	/* the real MSR the guest runs with */
#define PPC_CPU_FATAL_SP	24	/* a stack of its own for ppc_fatal_trap() */
#define PPC_CPU_SCRATCH_CR	28	/* the interrupted CR while a vector tests SRR1 */
#define PPC_CPU_SCRATCH_R5	32	/* fast_trap.S's third register */
/* The last page an instruction was fetched from for emulation (trap.c) */
#define PPC_CPU_FETCH_EA	36	/* its effective page; 1: none */
#define PPC_CPU_FETCH_PAGE	40	/* the hypervisor's pointer to it */
#define PPC_CPU_TLB0_VICTIM	44	/* the TLB0 way the next shadow entry replaces */
/*
 * The trapped instruction, when the vector read it through that page
 * before it left for the run loop (fast_trap.S); 0 in TRAP_INSN_READ:
 * not read, and so at every entry to the guest.
 */
#define PPC_CPU_TRAP_INSN	48
#define PPC_CPU_TRAP_INSN_READ	52
#define PPC_CPU_SHADOW_CACHE	56	/* struct shadow_cache_entry[SHADOW_CACHE_SIZE] */

/*
 * The shadow entries made last, direct-mapped by effective page: a
 * hardware TLB miss whose entry is here is served in its vector
 * (fast_trap.S), the others by storage.c, which fills it (context.c).
 */
#define SHADOW_CACHE_SIZE	256
#define SHADOW_CACHE_SHIFT	5	/* bytes per entry: 1 << 5 */
#define SHADOW_CACHE_KEY	0	/* effective page | hardware TID; 0: empty */
#define SHADOW_CACHE_MAS1	4
#define SHADOW_CACHE_MAS2	8
#define SHADOW_CACHE_MAS3	12
#define SHADOW_CACHE_MAS7	16

/* Offsets into struct booke_vcpu, checked in cpu.c */
#define BOOKE_GPR(n)		(4 + 4 * (n))
#define BOOKE_PC		132
#define BOOKE_CR		136
#define BOOKE_LR		140
#define BOOKE_CTR		144
#define BOOKE_XER		148
#define BOOKE_MSR		152

/*
 * The privileged SPRs that are plain storage in struct booke_vcpu: no
 * effect beyond the value, on every core. Indexed by SPR number, the
 * byte offset of the guest's copy, 0 for the others (trap.c).
 */
#ifndef __ASSEMBLY__
extern const unsigned char booke_plain_spr[1024];
#endif

/* Physical memory below this is mapped 1:1 for the hypervisor (hyp_mmu.c) */
#define HV_LOW_RAM_END		0x80000000u

#ifndef __ASSEMBLY__
#include <bulkhead/types.h>
#include <asm/booke_vcpu.h>
#include <asm/shadow_pid.h>

struct ppc_cpu {
	struct booke_vcpu *guest;
	uint32_t scratch[2];
	uint32_t hv_sp;
	uint32_t srr1;
	uint32_t guest_msr;
	uint32_t fatal_sp;
	uint32_t scratch_cr;
	uint32_t scratch_r5;
	uint32_t fetch_ea;
	const uint32_t *fetch_page;
	/* Shadow entries live in TLB0 only: the way the next one replaces */
	unsigned int tlb0_victim;
	uint32_t trap_insn;
	uint32_t trap_insn_read;
	struct shadow_cache_entry {
		uint32_t key, mas1, mas2, mas3, mas7, pad[3];
	} shadow_cache[SHADOW_CACHE_SIZE];
	/* Above: entry.S's and fast_trap.S's. Below: C only. */
	unsigned int index;
	const struct booke_core *core;	/* what the PVR says this CPU is */
	struct shadow_pid_map pids;	/* guest contexts -> hardware TIDs */
};

extern struct ppc_cpu ppc_cpus[];

static inline struct ppc_cpu *this_cpu(void)
{
	struct ppc_cpu *c;

	__asm__ volatile("mfspr %0, 272" : "=r"(c));
	return c;
}

/*
 * Run the guest whose registers c->guest holds, with MSR c->guest_msr,
 * until it traps: returns the interrupt's IVOR number (enum booke_exc)
 * with the guest's registers saved back and SRR1 in c->srr1 (entry.S).
 */
unsigned int ppc_guest_enter(struct ppc_cpu *c);

/*
 * An interrupt the hypervisor cannot have taken (one of its own faults,
 * a critical or machine check interrupt), from entry.S on its own stack:
 * reports it and stops the machine.
 */
void __attribute__((noreturn)) ppc_fatal_trap(unsigned int exc);

/*
 * Sleep until an external, decrementer or doorbell interrupt is pending;
 * returns with MSR[EE] clear and the interrupt still pending (entry.S
 * returns from it to the end of the sleep). @doze_with_we: the e500v2's
 * MSR[WE], else e500mc's `wait`.
 */
void ppc_cpu_sleep(bool doze_with_we);

/* Hypervisor TLB1 mappings (hyp_mmu.c) */
void hyp_mmu_init(void);
void hyp_mmu_secondary_init(void);
#endif

#endif
