// SPDX-License-Identifier: MIT
/*
 * x86-64 boot flow, from head.S to the core on the boot CPU and on every
 * secondary, and the CPU-level porting hooks. The hypervisor never runs
 * with interrupts enabled: only port_cpu_idle() and the run loop (vcpu.c)
 * open them, for an instant, to take a kick.
 */
#include <bulkhead/board.h>
#include <bulkhead/console.h>
#include <bulkhead/core.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <asm/cpu.h>
#include <asm/lapic.h>
#include <asm/x86.h>

/* How long port_system_off() waits for the board to report a failure */
#define FAILURE_SIGNAL_SPINS	(1u << 26)

struct x86_cpu x86_cpus[CONFIG_NR_CPUS];
uint8_t x86_stacks[CONFIG_NR_CPUS][X86_STACK_SIZE] __attribute__((aligned(16)));

/*
 * No x87 or SSE in the hypervisor (CR0.EM, CR4.OSFXSR clear): such an
 * instruction faults rather than change a register a guest owns. The
 * guests get their own CR0 and CR4 from the VMCB.
 */
static void cpu_control_init(void)
{
	write_cr(0, (read_cr(0) | CR0_EM | CR0_NE) & ~(uint64_t)CR0_MP);
	write_cr(4, read_cr(4) & ~(uint64_t)(CR4_OSFXSR | CR4_OSXMMEXCPT));
}

void __attribute__((noreturn)) x86_boot_main(uint32_t mbi)
{
	x86_cpu_init(0);
	cpu_control_init();
	board_setup_info((const void *)(uintptr_t)mbi);
	lapic_cpu_init();
	x86_cpus[0].apic_id = lapic_id();
	svm_cpu_init(&x86_cpus[0]);
	x86_cpus[0].online = true;
	core_main();
}

void __attribute__((noreturn)) x86_secondary_main(unsigned int cpu)
{
	x86_cpu_init(cpu);
	cpu_control_init();
	lapic_cpu_init();
	svm_cpu_init(&x86_cpus[cpu]);
	__atomic_store_n(&x86_cpus[cpu].online, true, __ATOMIC_RELEASE);
	core_secondary_main(cpu);
}

unsigned int port_cpu_index(void)
{
	unsigned int index;

	__asm__ volatile("movl %%gs:%c1, %0" : "=r"(index)
			 : "i"(__builtin_offsetof(struct x86_cpu, index)));
	return index;
}

/* sti; hlt: a kick that arrived before the sti is taken by the hlt */
void port_cpu_idle(void)
{
	__asm__ volatile("sti\n\thlt\n\tcli" ::: "memory");
}

void port_cpu_kick(unsigned int cpu)
{
	if (cpu != port_cpu_index())
		lapic_send_ipi(x86_cpus[cpu].apic_id, VECTOR_KICK);
}

void port_system_off(enum system_status status)
{
	if (status == SYSTEM_FAILED) {
		bool signalled = bsp_signal_failure();

		for (unsigned int spins = 0; signalled && spins < FAILURE_SIGNAL_SPINS; spins++)
			cpu_relax();
		hv_emergency_printf("the failure could not be signalled: powering off normally");
	}
	bsp_power_off();
	for (;;)
		__asm__ volatile("cli\n\thlt");
}
