// SPDX-License-Identifier: MIT
/*
 * Cortex-A15 boot flow: from head.S to the core, on the boot CPU and on
 * every secondary, plus the CPU-level porting hooks.
 */
#include <bulkhead/board.h>
#include <bulkhead/console.h>
#include <bulkhead/core.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <libfdt.h>
#include <asm/arm.h>
#include <asm/lpae.h>
#include <asm/psci.h>
#include <asm/sysreg_trap.h>
#include <asm/sysregs.h>

/* HCPTR: trap nothing (bits 13:12 and 9:0 are RES1) */
#define HCPTR_NO_TRAPS	0x000033ffu
/*
 * CNTHCTL: guests may read the physical count (PL1PCTEN) but not touch
 * the physical timer (PL1PCEN clear: CNTP_* accesses trap to HYP and are
 * reported as faults). They use the virtual timer; HYP keeps its own.
 */
#define CNTHCTL_PL1PCTEN	(1u << 0)

static void cpu_virt_init(unsigned int cpu)
{
	write_htpidr(cpu);
	write_vtcr(LPAE_S2_VTCR);
	write_hcptr(HCPTR_NO_TRAPS);
	sysreg_cpu_init();	/* HDCR, HSTR; debug state inert */
	write_vpidr(read_midr());
	write_cnthctl(CNTHCTL_PL1PCTEN);
	write_cntvoff(0);
	write_cntv_ctl(0);	/* no virtual timer ticks before a guest runs here */
	isb();
}

void __attribute__((noreturn)) arm_boot_main(uintptr_t fdt)
{
	if (!fdt || fdt_magic((const void *)fdt) != FDT_MAGIC)
		fdt = CONFIG_QEMU_DTB_ADDR;
	write_htpidr(0);
	hyp_mmu_build();
	hyp_mmu_enable(0);
	board_setup((void *)fdt);
	cpu_virt_init(0);
	gic_init_distributor();
	gic_init_cpu();
	core_main();
}

void __attribute__((noreturn)) arm_secondary_main(unsigned int cpu)
{
	write_htpidr(cpu);
	hyp_mmu_enable(cpu);
	cpu_virt_init(cpu);
	gic_init_cpu();
	core_secondary_main(cpu);
}

/* An exception taken in HYP itself is a hypervisor bug: report and stop. */
void __attribute__((noreturn)) arm_hyp_fatal(uint32_t vector, uint32_t elr)
{
	hv_panic("HYP exception at vector 0x%02x pc=0x%08x hsr=0x%08x hdfar=0x%08x",
		 (unsigned int)vector, (unsigned int)elr, (unsigned int)read_hsr(),
		 (unsigned int)read_hdfar());
}

unsigned int port_cpu_index(void)
{
	return read_htpidr();
}

int port_cpu_start(unsigned int cpu)
{
	extern char secondary_entry[];
	int32_t ret = psci_firmware_call(PSCI_CPU_ON, (uint32_t)board.cpu_hwid[cpu],
					 (uint32_t)(uintptr_t)secondary_entry, cpu);

	return ret == PSCI_SUCCESS ? 0 : -1;
}

/*
 * QEMU stops the machine from its main loop, shortly after the device
 * write: give the supervisor a second before deciding it did not listen
 * (a QEMU started without the device, or with another -action panic=).
 */
static void signal_failure(void)
{
	if (bsp_signal_failure()) {
		uint64_t start = read_cntpct(), second = read_cntfrq();

		while (read_cntpct() - start < second)
			;
	}
	hv_emergency_printf("the failure could not be signalled: powering off normally");
}

void port_system_off(enum system_status status)
{
	if (status == SYSTEM_FAILED)
		signal_failure();
	psci_firmware_call(PSCI_SYSTEM_OFF, 0, 0, 0);
	for (;;)
		__asm__ volatile("wfi");
}
