// SPDX-License-Identifier: MIT
/*
 * Starting the secondary CPUs: INIT-SIPI-SIPI through the local APIC to
 * the real-mode trampoline (trampoline.S), copied below 1 MiB where a
 * startup IPI can point, one CPU at a time (one set of parameters).
 */
#include <string.h>
#include <bulkhead/board.h>
#include <bulkhead/port.h>
#include <asm/cpu.h>
#include <asm/lapic.h>
#include <asm/x86.h>

/* How long a CPU may take from the startup IPI to its first C code */
#define START_SPINS	(1u << 26)

_Static_assert(!(CONFIG_X86_AP_TRAMPOLINE & 0xfff) && CONFIG_X86_AP_TRAMPOLINE < 0x100000,
	       "a startup IPI names a page below 1 MiB");

struct trampoline_params {
	uint64_t cr3;
	uint64_t stack;
	uint64_t entry;
	uint32_t cpu;
};

extern const char x86_trampoline[], x86_trampoline_params[], x86_trampoline_end[];
extern char x86_secondary_entry[];

static struct trampoline_params *copy_trampoline(void)
{
	size_t size = x86_trampoline_end - x86_trampoline;
	uint8_t *dst = port_phys_map(CONFIG_X86_AP_TRAMPOLINE, &size);

	if (size != (size_t)(x86_trampoline_end - x86_trampoline))
		return NULL;
	memcpy(dst, x86_trampoline, size);
	return (struct trampoline_params *)(dst + (x86_trampoline_params - x86_trampoline));
}

int port_cpu_start(unsigned int cpu)
{
	struct trampoline_params *params = copy_trampoline();

	if (!params || cpu >= CONFIG_NR_CPUS)
		return -1;
	params->cr3 = read_cr(3);
	params->stack = (uintptr_t)x86_stacks[cpu] + X86_STACK_SIZE;
	params->entry = (uintptr_t)x86_secondary_entry;
	params->cpu = cpu;
	x86_cpus[cpu].apic_id = (uint32_t)board.cpu_hwid[cpu];
	lapic_start_cpu(x86_cpus[cpu].apic_id, CONFIG_X86_AP_TRAMPOLINE >> 12);
	for (unsigned int spins = 0; spins < START_SPINS; spins++)
		if (__atomic_load_n(&x86_cpus[cpu].online, __ATOMIC_ACQUIRE))
			return 0;
	return -1;
}
