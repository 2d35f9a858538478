// SPDX-License-Identifier: MIT
/* The board's PL011, polled: the hypervisor's console output. */
#include <bulkhead/console.h>
#include <bulkhead/port.h>

#define UARTDR		0x00
#define UARTFR		0x18
#define FR_TXFF		(1u << 5)

static volatile uint32_t *uart;

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
	while (uart[UARTFR / 4] & FR_TXFF)
		;
	uart[UARTDR / 4] = (uint8_t)c;
}
