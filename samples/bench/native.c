// SPDX-License-Identifier: MIT
/*
 * The native twin of the benchmark guest: the compute kernel (kernel.c)
 * booted straight on QEMU's virt machine without virtualization, so no
 * hypervisor, counted with the same cycle counter. scripts/bench.sh sets
 * its count beside the partition's for guest_overhead.
 *
 * Nothing of the sample runtime: no device tree to read (QEMU gives a bare
 * ELF none in r2), only the PL011 and the GIC (for the tick) at their
 * fixed virt addresses, the PL011 polled, and
 * PSCI SYSTEM_OFF to end the run. Without virtualization=on QEMU handles
 * PSCI itself with hvc as the conduit.
 */
#include <stdlib.h>
#include <string.h>

#include "pmu.h"
#include "tick.h"

#define VIRT_PL011		0x09000000u
#define VIRT_GICD		0x08000000u
#define VIRT_GICC		0x08010000u
#define PL011_DR		0x00
#define PL011_FR		0x18
#define PL011_FR_TXFF		(1u << 5)
#define PSCI_SYSTEM_OFF		0x84000008u

void native_main(void);

static void uart_puts(const char *s)
{
	volatile uint32_t *uart = (volatile uint32_t *)VIRT_PL011;

	for (; *s; s++) {
		while (uart[PL011_FR / 4] & PL011_FR_TXFF)
			;
		uart[PL011_DR / 4] = (unsigned char)*s;
	}
}

static void __attribute__((noreturn)) system_off(void)
{
	register uint32_t fn __asm__("r0") = PSCI_SYSTEM_OFF;

	__asm__ volatile(".arch_extension virt\n\thvc #0" : "+r"(fn) :: "memory");
	for (;;)
		__asm__ volatile("wfi");
}

/* "native: result <metric> <value> <unit>", as the guest prints its own. */
static void result(const char *metric, uint32_t value, const char *unit)
{
	char digits[11];

	uart_puts("native: result ");
	uart_puts(metric);
	uart_puts(" ");
	uart_puts(utoa(value, digits, 10));
	uart_puts(" ");
	uart_puts(unit);
	uart_puts("\n");
}

void native_main(void)
{
	uint32_t checksum, count, ticks;
	char digits[11];

	pmu_start();
	tick_start(VIRT_GICD, VIRT_GICC);
	count = compute_kernel(&checksum);
	ticks = tick_stop();
	result("compute_kernel", count, "instructions");
	uart_puts("native: compute_checksum ");
	uart_puts(utoa(checksum, digits, 10));
	uart_puts(" ticks ");
	uart_puts(utoa(ticks, digits, 10));
	uart_puts("\n");
	uart_puts("native: done\n");
	system_off();
}
