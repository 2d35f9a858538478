// SPDX-License-Identifier: MIT
/* The guests' time base on x86: the TSC, at the rate /cpus gives it. */
#include <libfdt.h>

#include "guest.h"
#include "irq.h"

uint32_t timer_freq(void)
{
	static uint32_t hz;
	int cpu;
	const fdt32_t *prop;

	if (hz)
		return hz;
	cpu = fdt_path_offset(guest.fdt, "/cpus/cpu@0");
	prop = cpu < 0 ? NULL : fdt_getprop(guest.fdt, cpu, "timebase-frequency", NULL);
	hz = prop ? fdt32_ld(prop) : 0;
	return hz;
}
