// SPDX-License-Identifier: MIT
/* A 16550 in the x86 I/O space (a PC's COM port): @base is its first port. */
#include <asm/x86.h>
#include "ns16550_io.h"

#define IO_SPACE_SIZE	0x10000

static uint16_t first_port;

int ns16550_io_init(paddr_t base, uint64_t size)
{
	if (!size || base >= IO_SPACE_SIZE || size > IO_SPACE_SIZE - base)
		return -1;
	first_port = (uint16_t)base;
	return 0;
}

uint8_t ns16550_in(unsigned int reg)
{
	return inb(first_port + reg);
}

void ns16550_out(unsigned int reg, uint8_t val)
{
	outb(first_port + reg, val);
}
