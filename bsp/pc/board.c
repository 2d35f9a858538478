// SPDX-License-Identifier: MIT
/*
 * PC boards as QEMU builds them (pc, q35) with SeaBIOS, booted through
 * multiboot: no device tree. RAM comes from the multiboot memory map (the
 * BIOS's e820 ranges of type RAM above 1 MiB: below it are the BIOS's
 * data, the real-mode trampoline for secondary CPUs and the legacy
 * windows), the CPUs, the local APIC and the IOAPIC from ACPI's MADT.
 * The console is COM1's 16550 in I/O space (CONFIG_X86_COM1_PORT), which
 * every PC has where firmware left it.
 *
 * Power-off: ACPI S5 through the FADT's PM1a control register (QEMU's
 * PIIX4 and ICH9 PM take sleep type CONFIG_X86_ACPI_S5_SLP_TYP as soft
 * off and exit with status 0), else a reset through the keyboard
 * controller, which QEMU started with -no-reboot also ends with status 0.
 * Failures: QEMU's isa-debug-exit at CONFIG_X86_DEBUG_EXIT_PORT
 * (CONFIG_QEMU_EXTRA_ARGS), where writing 0 makes QEMU exit with status 1.
 */
#include <string.h>
#include <bulkhead/board.h>
#include <bulkhead/board_fdt.h>
#include <bulkhead/port.h>
#include <asm/x86.h>
#include <asm/x86_board.h>
#include "acpi.h"
#include "multiboot.h"

#define LOW_MEMORY_END		0x100000ull
#define COM1_SIZE		8
#define COM1_LSR		5
#define COM1_LSR_THRE		0x20
#define LAPIC_SIZE		0x1000
#define IOAPIC_SIZE		0x1000
#define HPET_BASE		0xfed00000ull
#define HPET_SIZE		0x1000
#define PM1_SLP_EN		(1u << 13)
#define PM1_SLP_TYP_SHIFT	10
#define PM_TIMER_HZ		3579545u
#define KBC_COMMAND		0x64
#define KBC_RESET		0xfe
#define TSC_MEASURE_TICKS	(PM_TIMER_HZ / 20)	/* 50 ms */

static uint16_t pm1a_control;

static void add_ram(struct board_info *info, uint64_t base, uint64_t len)
{
	uint64_t end = base + len;

	if (end <= LOW_MEMORY_END || info->nram == CFG_MAX_BANKS)
		return;
	if (base < LOW_MEMORY_END)
		base = LOW_MEMORY_END;
	info->ram[info->nram++] = (struct cfg_range){ base, end - base };
}

static void discover_ram(const struct multiboot_info *mbi, struct board_info *info)
{
	if (mbi->flags & MB_INFO_MMAP) {
		uint64_t at = mbi->mmap_addr, end = at + mbi->mmap_length;
		size_t len = sizeof(struct multiboot_mmap);

		while (at + sizeof(struct multiboot_mmap) <= end) {
			const struct multiboot_mmap *m = port_phys_map(at, &len);

			if (!m || len < sizeof(*m))
				return;
			if (m->type == MB_MMAP_RAM)
				add_ram(info, m->addr, m->len);
			at += m->size + sizeof(m->size);
		}
	} else if (mbi->flags & MB_INFO_MEMORY) {
		add_ram(info, LOW_MEMORY_END, (uint64_t)mbi->mem_upper << 10);
	}
}

/* The boot CPU first: its index is 0 (CPUID's initial APIC ID says which) */
static void discover_cpus(const struct acpi_facts *acpi, struct board_info *info)
{
	uint32_t boot = cpuid(1, 0).ebx >> 24;

	info->cpu_hwid[info->ncpus++] = boot;
	for (unsigned int i = 0; i < acpi->ncpus && info->ncpus < CFG_MAX_CPUS; i++)
		if (acpi->apic_id[i] != boot)
			info->cpu_hwid[info->ncpus++] = acpi->apic_id[i];
}

static uint32_t pm_timer_read(const struct acpi_facts *acpi)
{
	return inl(acpi->pm_timer) & (acpi->pm_timer_32bit ? 0xffffffffu : 0xffffffu);
}

/* TSC ticks during TSC_MEASURE_TICKS of the ACPI PM timer */
static void measure_tsc(const struct acpi_facts *acpi)
{
	uint32_t mask = acpi->pm_timer_32bit ? 0xffffffffu : 0xffffffu;
	uint32_t start = pm_timer_read(acpi);
	uint64_t tsc = rdtsc();

	while (((pm_timer_read(acpi) - start) & mask) < TSC_MEASURE_TICKS)
		cpu_relax();
	x86_board_tsc_hz = (rdtsc() - tsc) * (PM_TIMER_HZ / TSC_MEASURE_TICKS);
}

/*
 * SeaBIOS's last words on COM1, "Booting from ROM..", have no line end:
 * end them, so that the hypervisor's first line is a line of its own.
 */
static void end_firmware_line(void)
{
	for (const char *s = "\r\n"; *s; s++) {
		while (!(inb(CONFIG_X86_COM1_PORT + COM1_LSR) & COM1_LSR_THRE))
			cpu_relax();
		outb(CONFIG_X86_COM1_PORT, *s);
	}
}

int bsp_discover(const void *boot_info, struct board_info *info)
{
	struct acpi_facts acpi;

	memset(info, 0, sizeof(*info));
	discover_ram(boot_info, info);
	acpi_read(&acpi);
	discover_cpus(&acpi, info);
	info->uart.base = CONFIG_X86_COM1_PORT;
	info->uart.size = COM1_SIZE;
	info->intc.cpu_interface.base = rdmsr(MSR_APIC_BASE) & ~0xfffull;
	info->intc.cpu_interface.size = LAPIC_SIZE;
	board_add_hv_mmio(info, info->intc.cpu_interface.base, LAPIC_SIZE);
	if (acpi.ioapic_base) {
		info->intc.distributor.base = acpi.ioapic_base;
		info->intc.distributor.size = IOAPIC_SIZE;
		board_add_hv_mmio(info, acpi.ioapic_base, IOAPIC_SIZE);
	}
	pm1a_control = acpi.pm1a_control;
	if (acpi.pm_timer)
		measure_tsc(&acpi);
	end_firmware_line();
	return info->nram ? 0 : -1;
}

/*
 * The PCI devices' windows are masters: everything from the top of RAM
 * below 4 GiB up, but for the HPET's page at the PC's fixed 0xfed00000
 * (a timer: it masters nothing), which a partition may be given.
 */
void bsp_find_dma_masters(const void *fdt, struct board_info *info)
{
	uint64_t low_top = 0;

	(void)fdt;
	for (unsigned int i = 0; i < info->nram; i++)
		if (info->ram[i].base < (1ull << 32) &&
		    info->ram[i].base + info->ram[i].size > low_top)
			low_top = info->ram[i].base + info->ram[i].size;
	if (low_top > HPET_BASE) {
		board_add_dma_master(info, low_top, (1ull << 32) - low_top);
		return;
	}
	board_add_dma_master(info, low_top, HPET_BASE - low_top);
	board_add_dma_master(info, HPET_BASE + HPET_SIZE, (1ull << 32) - HPET_BASE - HPET_SIZE);
}

bool bsp_signal_failure(void)
{
	outl(CONFIG_X86_DEBUG_EXIT_PORT, 0);
	return true;
}

void bsp_power_off(void)
{
	if (pm1a_control)
		outw(pm1a_control, PM1_SLP_EN | CONFIG_X86_ACPI_S5_SLP_TYP << PM1_SLP_TYP_SHIFT);
	outb(KBC_COMMAND, KBC_RESET);
}
