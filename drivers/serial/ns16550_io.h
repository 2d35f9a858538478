/* SPDX-License-Identifier: MIT */
/*
 * How ns16550.c reaches the 16550's registers, one implementation linked
 * in (drivers/serial/Kbuild): memory-mapped (ns16550_mmio.c) or in the
 * x86 I/O space (ns16550_pio.c, CONFIG_UART_NS16550_PIO), where @base is
 * the first register's I/O port.
 */
#ifndef DRIVERS_NS16550_IO_H
#define DRIVERS_NS16550_IO_H

#include <bulkhead/types.h>

/* From uart_init(), boot CPU, once: 0, or -1 when the registers are out of reach */
int ns16550_io_init(paddr_t base, uint64_t size);
/* Register @reg (offset 0-7). Any CPU, under the console lock or in an emergency */
uint8_t ns16550_in(unsigned int reg);
void ns16550_out(unsigned int reg, uint8_t val);

#endif
