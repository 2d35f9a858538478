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

#endif
