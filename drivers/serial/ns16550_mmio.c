// SPDX-License-Identifier: MIT
/* A memory-mapped 16550's registers, mapped for good (any CPU may print). */
#include <bulkhead/port.h>
#include "ns16550_io.h"

static volatile uint8_t *regs;

int ns16550_io_init(paddr_t base, uint64_t size)
{
	regs = port_device_map(base, size, true);
	return regs ? 0 : -1;
}

uint8_t ns16550_in(unsigned int reg)
{
	return regs[reg];
}

void ns16550_out(unsigned int reg, uint8_t val)
{
	regs[reg] = val;
}
