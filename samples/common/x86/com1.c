// SPDX-License-Identifier: MIT
/* COM1, the PC's first 16550, in port-I/O space: the x86 guests' console. */
#include "guest.h"

#define COM1		0x3f8
#define UART_THR	0
#define UART_LSR	5
#define UART_SCR	7
#define LSR_THRE	0x20
#define PROBE_VALUE	0x5a

static void com1_putc(char c)
{
	while (!(io_read8(COM1 + UART_LSR) & LSR_THRE))
		;
	io_write8(COM1 + UART_THR, (uint8_t)c);
}

console_putc_t arch_console_fallback(void)
{
	io_write8(COM1 + UART_SCR, PROBE_VALUE);
	return io_read8(COM1 + UART_SCR) == PROBE_VALUE ? com1_putc : NULL;
}
