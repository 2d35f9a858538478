// SPDX-License-Identifier: MIT
/*
 * Console multiplexer. Partitions write character by character into
 * their own line buffer under its lock (a partition may have several
 * vCPUs); completed lines go to the UART under one more lock, so lines
 * from different CPUs never interleave.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <bulkhead/console.h>
#include <bulkhead/port.h>
#include <bulkhead/spinlock.h>

static spinlock_t console_lock = SPINLOCK_INIT;

static void write_line(const char *prefix, const char *text, size_t len)
{
	uart_write("[", 1);
	uart_write(prefix, strlen(prefix));
	uart_write("] ", 2);
	uart_write(text, len);
	uart_write("\n", 1);
}

static void emit_line(const char *prefix, const char *text, size_t len)
{
	spin_lock(&console_lock);
	write_line(prefix, text, len);
	spin_unlock(&console_lock);
}

void console_guest_write(struct console_line *line, const char *name,
			 const char *s, size_t len)
{
	spin_lock(&line->lock);
	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (c == '\n') {
			emit_line(name, line->buf, line->len);
			line->len = 0;
			continue;
		}
		if (c == '\r')
			continue;
		/* Keep terminal control sequences of a guest off the board console */
		if ((c < ' ' && c != '\t') || c == 0x7f)
			c = '?';
		line->buf[line->len++] = c;
		if (line->len == CONSOLE_LINE_MAX) {
			emit_line(name, line->buf, line->len);
			line->len = 0;
		}
	}
	spin_unlock(&line->lock);
}

void console_guest_flush(struct console_line *line, const char *name)
{
	spin_lock(&line->lock);
	if (line->len)
		emit_line(name, line->buf, line->len);
	line->len = 0;
	spin_unlock(&line->lock);
}

static void hv_vprintf(const char *fmt, va_list ap)
{
	char buf[256];
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	const char *start = buf;

	if (n < 0)
		return;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	for (const char *p = buf; p <= buf + n; p++) {
		if (p == buf + n || *p == '\n') {
			if (p > start || p < buf + n)
				emit_line("bulkhead", start, p - start);
			start = p + 1;
		}
	}
}

void hv_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	hv_vprintf(fmt, ap);
	va_end(ap);
}

/*
 * On the way down the calling CPU may hold the console lock already (a
 * panic inside the console): take it only if it is free, never wait.
 */
static void emergency_lines(const char *second, const char *fmt, va_list ap)
{
	bool locked = spin_trylock(&console_lock);
	char buf[256];

	if (vsnprintf(buf, sizeof(buf), fmt, ap) < 0)
		buf[0] = '\0';
	write_line("bulkhead", buf, strlen(buf));
	if (second)
		write_line("bulkhead", second, strlen(second));
	if (locked)
		spin_unlock(&console_lock);
}

void hv_emergency_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emergency_lines(NULL, fmt, ap);
	va_end(ap);
}

void hv_panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emergency_lines("panic: powering off", fmt, ap);
	va_end(ap);
	port_system_off(SYSTEM_FAILED);
}
