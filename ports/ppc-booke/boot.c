// SPDX-License-Identifier: MIT
/*
 * Book E boot flow: from head.S to the core on the boot CPU and on every
 * secondary, and the CPU-level porting hooks.
 */
#include <stddef.h>
#include <bulkhead/board.h>
#include <bulkhead/console.h>
#include <bulkhead/core.h>
#include <bulkhead/port.h>
#include <asm/cpu.h>
#include <asm/irq.h>
#include <asm/ppc.h>

#define FATAL_STACK_SIZE	0x1000

struct ppc_cpu ppc_cpus[CONFIG_NR_CPUS];
static uint8_t fatal_stacks[CONFIG_NR_CPUS][FATAL_STACK_SIZE] __attribute__((aligned(16)));

_Static_assert(offsetof(struct ppc_cpu, guest) == PPC_CPU_GUEST &&
	       offsetof(struct ppc_cpu, scratch) == PPC_CPU_SCRATCH_R3 &&
	       offsetof(struct ppc_cpu, hv_sp) == PPC_CPU_HV_SP &&
	       offsetof(struct ppc_cpu, srr1) == PPC_CPU_SRR1 &&
	       offsetof(struct ppc_cpu, guest_msr) == PPC_CPU_GUEST_MSR &&
	       offsetof(struct ppc_cpu, fatal_sp) == PPC_CPU_FATAL_SP &&
	       offsetof(struct ppc_cpu, scratch_cr) == PPC_CPU_SCRATCH_CR &&
	       offsetof(struct ppc_cpu, scratch_r5) == PPC_CPU_SCRATCH_R5 &&
	       offsetof(struct ppc_cpu, fetch_ea) == PPC_CPU_FETCH_EA &&
	       offsetof(struct ppc_cpu, fetch_page) == PPC_CPU_FETCH_PAGE &&
	       offsetof(struct ppc_cpu, tlb0_victim) == PPC_CPU_TLB0_VICTIM &&
	       offsetof(struct ppc_cpu, trap_insn) == PPC_CPU_TRAP_INSN &&
	       offsetof(struct ppc_cpu, trap_insn_read) == PPC_CPU_TRAP_INSN_READ &&
	       offsetof(struct ppc_cpu, shadow_cache) == PPC_CPU_SHADOW_CACHE &&
	       sizeof(struct shadow_cache_entry) == 1 << SHADOW_CACHE_SHIFT &&
	       offsetof(struct shadow_cache_entry, key) == SHADOW_CACHE_KEY &&
	       offsetof(struct shadow_cache_entry, mas1) == SHADOW_CACHE_MAS1 &&
	       offsetof(struct shadow_cache_entry, mas2) == SHADOW_CACHE_MAS2 &&
	       offsetof(struct shadow_cache_entry, mas3) == SHADOW_CACHE_MAS3 &&
	       offsetof(struct shadow_cache_entry, mas7) == SHADOW_CACHE_MAS7,
	       "entry.S's view of struct ppc_cpu");
_Static_assert(offsetof(struct booke_vcpu, gpr) == BOOKE_GPR(0) &&
	       offsetof(struct booke_vcpu, pc) == BOOKE_PC &&
	       offsetof(struct booke_vcpu, cr) == BOOKE_CR &&
	       offsetof(struct booke_vcpu, lr) == BOOKE_LR &&
	       offsetof(struct booke_vcpu, ctr) == BOOKE_CTR &&
	       offsetof(struct booke_vcpu, xer) == BOOKE_XER &&
	       offsetof(struct booke_vcpu, msr) == BOOKE_MSR,
	       "entry.S's view of struct booke_vcpu");

/* IVORs 0-15 and 32-37 point at the vector of the same number (entry.S) */
extern char ppc_vector_0[], ppc_vector_1[], ppc_vector_2[], ppc_vector_3[];
extern char ppc_vector_4[], ppc_vector_5[], ppc_vector_6[], ppc_vector_7[];
extern char ppc_vector_8[], ppc_vector_9[], ppc_vector_10[], ppc_vector_11[];
extern char ppc_vector_12[], ppc_vector_13[], ppc_vector_14[], ppc_vector_15[];
extern char ppc_vector_32[], ppc_vector_33[], ppc_vector_34[], ppc_vector_35[];
extern char ppc_vector_36[], ppc_vector_37[];
extern char ppc_vectors[];

#define IVOR_OFFSET(v)	((uint32_t)((uintptr_t)(v) - (uintptr_t)ppc_vectors))

static void set_vectors(void)
{
	mtspr(SPR_IVPR, (uintptr_t)ppc_vectors);
	mtspr(SPR_IVOR(0), IVOR_OFFSET(ppc_vector_0));
	mtspr(SPR_IVOR(1), IVOR_OFFSET(ppc_vector_1));
	mtspr(SPR_IVOR(2), IVOR_OFFSET(ppc_vector_2));
	mtspr(SPR_IVOR(3), IVOR_OFFSET(ppc_vector_3));
	mtspr(SPR_IVOR(4), IVOR_OFFSET(ppc_vector_4));
	mtspr(SPR_IVOR(5), IVOR_OFFSET(ppc_vector_5));
	mtspr(SPR_IVOR(6), IVOR_OFFSET(ppc_vector_6));
	mtspr(SPR_IVOR(7), IVOR_OFFSET(ppc_vector_7));
	mtspr(SPR_IVOR(8), IVOR_OFFSET(ppc_vector_8));
	mtspr(SPR_IVOR(9), IVOR_OFFSET(ppc_vector_9));
	mtspr(SPR_IVOR(10), IVOR_OFFSET(ppc_vector_10));
	mtspr(SPR_IVOR(11), IVOR_OFFSET(ppc_vector_11));
	mtspr(SPR_IVOR(12), IVOR_OFFSET(ppc_vector_12));
	mtspr(SPR_IVOR(13), IVOR_OFFSET(ppc_vector_13));
	mtspr(SPR_IVOR(14), IVOR_OFFSET(ppc_vector_14));
	mtspr(SPR_IVOR(15), IVOR_OFFSET(ppc_vector_15));
	/* A core without some of these ignores the write */
	mtspr(SPR_IVOR32, IVOR_OFFSET(ppc_vector_32));
	mtspr(SPR_IVOR33, IVOR_OFFSET(ppc_vector_33));
	mtspr(SPR_IVOR34, IVOR_OFFSET(ppc_vector_34));
	mtspr(SPR_IVOR35, IVOR_OFFSET(ppc_vector_35));
	mtspr(SPR_IVOR36, IVOR_OFFSET(ppc_vector_36));
	mtspr(SPR_IVOR37, IVOR_OFFSET(ppc_vector_37));
	isync();
}

/*
 * This CPU's state before anything can trap: SPRG0, the vectors, the
 * core's variant, and the timers the loader may have left running
 * (U-Boot leaves the decrementer enabled and pending).
 */
static void cpu_init(unsigned int cpu)
{
	struct ppc_cpu *c = &ppc_cpus[cpu];
	uint32_t pvr = mfspr(SPR_PVR);

	mtmsr(0);
	mtspr(SPR_TCR, 0);
	mtspr(SPR_TSR, 0xffffffffu);
	c->index = cpu;
	c->core = PVR_VERSION(pvr) == PVR_E500MC ? &e500mc_core : &e500v2_core;
	c->fatal_sp = (uintptr_t)&fatal_stacks[cpu][FATAL_STACK_SIZE];
	mtspr(SPR_SPRG0, c);
	if (c->core == &e500v2_core)
		mtspr(SPR_HID0, mfspr(SPR_HID0) | HID0_DOZE);
	set_vectors();
	mtmsr(MSR_ME);
}

void __attribute__((noreturn)) ppc_boot_main(uintptr_t fdt)
{
	cpu_init(0);
	hyp_mmu_init();
	board_setup((void *)fdt);
	ppc_irq_init();
	core_main();
}

void __attribute__((noreturn)) ppc_secondary_main(unsigned int cpu)
{
	cpu_init(cpu);
	hyp_mmu_secondary_init();
	ppc_irq_cpu_init(cpu);
	core_secondary_main(cpu);
}

void ppc_fatal_trap(unsigned int exc)
{
	hv_panic("hypervisor interrupt IVOR%u: srr0=0x%08x srr1=0x%08x csrr0=0x%08x mcsrr0=0x%08x mcsr=0x%08x esr=0x%08x dear=0x%08x",
		 exc, (unsigned int)mfspr(SPR_SRR0), (unsigned int)mfspr(SPR_SRR1),
		 (unsigned int)mfspr(SPR_CSRR0), (unsigned int)mfspr(SPR_MCSRR0),
		 (unsigned int)mfspr(SPR_MCSR), (unsigned int)mfspr(SPR_ESR),
		 (unsigned int)mfspr(SPR_DEAR));
}

unsigned int port_cpu_index(void)
{
	return this_cpu()->index;
}

/*
 * ePAPR spin table: entry address (64-bit), r3 (64-bit), a reserved
 * word and the PIR, big-endian. Writing the entry address's low word
 * releases the CPU; QEMU then maps the 64 MiB around it at 0.
 */
struct spin_table {
	uint32_t entry_hi, entry_lo;
	uint32_t r3_hi, r3_lo;
	uint32_t reserved;
	uint32_t pir;
};

int port_cpu_start(unsigned int cpu)
{
	extern char secondary_entry[];
	volatile struct spin_table *t;

	if (!board.cpu_release_addr[cpu])
		return -1;
	t = port_device_map(board.cpu_release_addr[cpu], sizeof(*t), true);
	if (!t)
		return -1;
	t->r3_hi = 0;
	t->r3_lo = cpu;
	t->pir = (uint32_t)board.cpu_hwid[cpu];
	t->entry_hi = 0;
	msync();
	t->entry_lo = (uint32_t)(uintptr_t)secondary_entry;
	msync();
	return 0;
}

void port_cpu_idle(void)
{
	ppc_irq_idle();
}

void port_cpu_kick(unsigned int cpu)
{
	if (cpu != port_cpu_index())
		ppc_irq_kick(cpu);
}

void port_system_off(enum system_status status)
{
	if (status == SYSTEM_FAILED && !bsp_signal_failure())
		hv_emergency_printf("the failure could not be signalled: powering off normally");
	bsp_power_off();
	for (;;)
		ppc_cpu_sleep(this_cpu()->core == &e500v2_core);
}
