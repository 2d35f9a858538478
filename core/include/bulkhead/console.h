/* SPDX-License-Identifier: MIT */
/*
 * Console multiplexer: guest output becomes whole lines on the board UART,
 * each prefixed "[<partition>] "; hypervisor messages are prefixed
 * "[bulkhead] ". One lock keeps lines from different CPUs whole.
 */
#ifndef BULKHEAD_CONSOLE_H
#define BULKHEAD_CONSOLE_H

#include <bulkhead/types.h>
#include <bulkhead/spinlock.h>

#define CONSOLE_LINE_MAX	160

/* A partition's pending, not yet complete, output line. All vCPUs of
 * the partition write into it, under its lock. */
struct console_line {
	spinlock_t lock;
	char buf[CONSOLE_LINE_MAX];
	unsigned int len;
	uint8_t seq[4];		/* a UTF-8 sequence still arriving */
	unsigned int seq_len;
	bool ended_by_cr;	/* the last line ended with CR: an LF now ends none */
};

/*
 * Physical UART driver (drivers/serial/), chosen at link time. uart_init()
 * maps the registers at physical [base, base+size) (port_device_map(),
 * lasting: any CPU may print); until then, or if that fails, output is
 * dropped. Boot CPU, once, before anything prints.
 */
void uart_init(paddr_t base, uint64_t size);
void uart_write(const char *s, size_t len);
/*
 * The driver's part of uart_write() (drivers/serial/uart.c, which turns
 * LF into CR LF): whether uart_init() mapped the UART, and one byte out,
 * waiting for room. Any CPU, under the console lock or in an emergency.
 */
bool uart_ready(void);
void uart_putc_raw(char c);

/*
 * Append @len bytes of guest output to @line; every completed line (on
 * CR or LF, or when the buffer fills) is written as "[<name>] <text>\n",
 * bytes that could control the terminal shown as \xNN (console.c).
 * Called by a CPU running one of the partition's vCPUs; takes line->lock,
 * then the console lock.
 */
void console_guest_write(struct console_line *line, const char *name,
			 const char *s, size_t len);
/* Write out a partial line, e.g. when its partition stops. */
void console_guest_flush(struct console_line *line, const char *name);

/* Hypervisor message, printf format, one or more whole lines. Any CPU. */
void hv_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Fatal hypervisor error: print it and "panic: powering off" as two
 * adjacent lines (make run reports the first as the reason) and power off
 * with SYSTEM_FAILED. Any CPU, any locks held.
 */
void __attribute__((noreturn)) hv_panic(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/*
 * One hypervisor line on the way down (port_system_off()): does not wait
 * for the console lock, whichever CPU holds it. Any CPU, any locks held.
 */
void hv_emergency_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
