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

/*
 * What of a guest's bytes reaches the board console (docs/config.md,
 * "Console output"): printable ASCII, tab and valid UTF-8 that encodes no
 * control character pass as they are; CR and LF end lines; every other
 * byte is shown as \xNN. So a guest can neither move the terminal's cursor
 * nor start a line that does not begin with its own "[name] " prefix.
 */
static void line_end(struct console_line *line, const char *name)
{
	emit_line(name, line->buf, line->len);
	line->len = 0;
}

/* Append @n bytes that stay on one line: a full line is written first. */
static void line_put(struct console_line *line, const char *name,
		     const char *s, unsigned int n)
{
	if (line->len + n > CONSOLE_LINE_MAX)
		line_end(line, name);
	memcpy(line->buf + line->len, s, n);
	line->len += n;
	if (line->len == CONSOLE_LINE_MAX)
		line_end(line, name);
}

static void put_escaped(struct console_line *line, const char *name, uint8_t byte)
{
	static const char hex[] = "0123456789abcdef";
	const char esc[4] = { '\\', 'x', hex[byte >> 4], hex[byte & 0xf] };

	line_put(line, name, esc, sizeof(esc));
}

/* Bytes of a UTF-8 sequence that starts with @lead; 0 if none may. */
static unsigned int utf8_length(uint8_t lead)
{
	if (lead >= 0xc2 && lead <= 0xdf)
		return 2;
	if (lead >= 0xe0 && lead <= 0xef)
		return 3;
	if (lead >= 0xf0 && lead <= 0xf4)
		return 4;
	return 0;
}

/*
 * A code point shown as it is: in its shortest form, no surrogate, none
 * beyond U+10FFFF, and none a terminal acts on: the C1 controls, the line
 * and paragraph separators and the bidirectional formatting characters
 * (which reorder how the rest of the line is displayed).
 */
static bool utf8_shown(uint32_t cp, unsigned int len)
{
	static const uint32_t shortest[5] = { [2] = 0x80, [3] = 0x800, [4] = 0x10000 };

	if (cp < shortest[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return false;
	return !(cp <= 0x9f || cp == 0x61c || cp == 0x200e || cp == 0x200f ||
		 (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069));
}

/* The pending sequence is not shown as text: each of its bytes escaped. */
static void seq_reject(struct console_line *line, const char *name)
{
	for (unsigned int i = 0; i < line->seq_len; i++)
		put_escaped(line, name, line->seq[i]);
	line->seq_len = 0;
}

static void seq_complete(struct console_line *line, const char *name)
{
	unsigned int len = line->seq_len;
	uint32_t cp = line->seq[0] & (0x7f >> len);

	for (unsigned int i = 1; i < len; i++)
		cp = cp << 6 | (line->seq[i] & 0x3f);
	if (!utf8_shown(cp, len)) {
		seq_reject(line, name);
		return;
	}
	line_put(line, name, (const char *)line->seq, len);
	line->seq_len = 0;
}

/*
 * CR and LF each end a line, CR LF (a line ended by CR, then LF) ends
 * one; a CR on an empty line ends nothing, so LF CR is one line end too.
 */
static void put_line_end(struct console_line *line, const char *name, uint8_t c)
{
	if (c == '\r') {
		if (line->len) {
			line_end(line, name);
			line->ended_by_cr = true;
		}
		return;
	}
	if (!line->ended_by_cr)
		line_end(line, name);
	line->ended_by_cr = false;
}

static void put_byte(struct console_line *line, const char *name, uint8_t c)
{
	if (line->seq_len) {
		if ((c & 0xc0) == 0x80) {
			line->seq[line->seq_len++] = c;
			if (line->seq_len == utf8_length(line->seq[0]))
				seq_complete(line, name);
			return;
		}
		seq_reject(line, name);
	}
	if (c == '\n' || c == '\r') {
		put_line_end(line, name, c);
		return;
	}
	line->ended_by_cr = false;
	if ((c >= ' ' && c < 0x7f) || c == '\t') {
		line_put(line, name, (const char *)&c, 1);
		return;
	}
	if (utf8_length(c)) {
		line->seq[0] = c;
		line->seq_len = 1;
		return;
	}
	put_escaped(line, name, c);
}

void console_guest_write(struct console_line *line, const char *name,
			 const char *s, size_t len)
{
	spin_lock(&line->lock);
	for (size_t i = 0; i < len; i++)
		put_byte(line, name, (uint8_t)s[i]);
	spin_unlock(&line->lock);
}

void console_guest_flush(struct console_line *line, const char *name)
{
	spin_lock(&line->lock);
	seq_reject(line, name);
	if (line->len)
		line_end(line, name);
	line->ended_by_cr = false;
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
