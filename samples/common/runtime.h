/* SPDX-License-Identifier: MIT */
/* Between the runtime's start-up (runtime.c) and its system calls (syscalls.c). */
#ifndef SAMPLES_RUNTIME_H
#define SAMPLES_RUNTIME_H

#include <stdint.h>

/*
 * Send stdout and stderr to the UART (a PL011 or an ns16550A with byte
 * registers) named by /chosen/stdout-path of @fdt, or to the console
 * hypercall when @fdt is NULL or names none.
 */
void console_init(const void *fdt);

/* The heap runs from the end of the stack up to @limit. */
void heap_init(uintptr_t limit);

/*
 * One line (printf format) through BH_HC_CONSOLE_WRITE, then the
 * partition shut down: the default exception vectors' report.
 */
void __attribute__((noreturn, format(printf, 1, 2)))
runtime_report_and_stop(const char *fmt, ...);

#endif
