// SPDX-License-Identifier: MIT
/* What every UART driver shares: console text with CR LF line ends. */
#include <bulkhead/console.h>

void uart_write(const char *s, size_t len)
{
	if (!uart_ready())
		return;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			uart_putc_raw('\r');
		uart_putc_raw(s[i]);
	}
}
