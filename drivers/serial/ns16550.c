// SPDX-License-Identifier: MIT
/* The board's 16550 (byte registers, no shift), polled: the hypervisor's console. */
#include <bulkhead/console.h>
#include <bulkhead/port.h>

#define UART_THR	0	/* transmit holding */
#define UART_LSR	5	/* line status */
#define LSR_THRE	0x20	/* THR empty */

static volatile uint8_t *uart;

/* Firmware (U-Boot or QEMU's reset state) already configured it. */
void uart_init(paddr_t base, uint64_t size)
{
	uart = port_device_map(base, size, true);
}

bool uart_ready(void)
{
	return uart;
}

void uart_putc_raw(char c)
{
	while (!(uart[UART_LSR] & LSR_THRE))
		;
	uart[UART_THR] = (uint8_t)c;
}
