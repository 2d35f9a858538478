// SPDX-License-Identifier: MIT
/*
 * The board's 16550 (byte registers, no shift), polled: the hypervisor's
 * console. Its registers are reached through ns16550_io.h: memory-mapped
 * (ns16550_mmio.c) on SoCs, in I/O space (ns16550_pio.c) on a PC.
 */
#include <bulkhead/console.h>
#include "ns16550_io.h"

#define UART_THR	0	/* transmit holding */
#define UART_LSR	5	/* line status */
#define LSR_THRE	0x20	/* THR empty */

static bool ready;

/* Firmware (U-Boot, the BIOS or QEMU's reset state) already configured it. */
void uart_init(paddr_t base, uint64_t size)
{
	ready = !ns16550_io_init(base, size);
}

bool uart_ready(void)
{
	return ready;
}

void uart_putc_raw(char c)
{
	while (!(ns16550_in(UART_LSR) & LSR_THRE))
		;
	ns16550_out(UART_THR, (uint8_t)c);
}
