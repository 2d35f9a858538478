// SPDX-License-Identifier: MIT
/*
 * smp-sgi, "pingpong": the PL031 RTC is passed through with its interrupt
 * (config: interrupts = <0 2 4>, SPI 2, level). Its alarm fires when the
 * match register equals the seconds counter; the physical SPI goes to
 * vCPU 0's CPU, the hypervisor forwards it HW-linked, and the guest's EOI
 * deactivates it. A second alarm can only arrive if that worked.
 */
#include <inttypes.h>
#include <stdio.h>
#include <libfdt.h>

#include "guest.h"
#include "irq.h"
#include "pingpong.h"

#define PL031_DR	0x00		/* seconds counter */
#define PL031_MR	0x04		/* match */
#define PL031_IMSC	0x10		/* interrupt mask set/clear */
#define PL031_RIS	0x14		/* raw interrupt status */
#define PL031_ICR	0x1c		/* interrupt clear */
#define PRIO_RTC	0x90
#define ALARMS		2u

static uintptr_t rtc;
static uint32_t alarms;

static void on_alarm(unsigned int irq, unsigned int source)
{
	(void)irq;
	(void)source;
	mmio_write32(rtc + PL031_ICR, 1);	/* the line drops */
	__atomic_store_n(&alarms, alarms + 1, __ATOMIC_SEQ_CST);
}

/* Match the current second: the alarm fires at once. Retry if it just ticked. */
static void alarm_now(void)
{
	uint32_t now;

	do {
		now = mmio_read32(rtc + PL031_DR);
		mmio_write32(rtc + PL031_MR, now);
	} while (mmio_read32(rtc + PL031_DR) != now && !mmio_read32(rtc + PL031_RIS));
}

/* The RTC's interrupt ID from its one <type number flags> specifier. */
static int rtc_irq(int node, unsigned int *irq)
{
	int len;
	const fdt32_t *spec = fdt_getprop(guest.fdt, node, "interrupts", &len);

	if (!spec || len != 3 * sizeof(*spec) || fdt32_ld(spec) != 0)
		return -1;
	*irq = 32 + fdt32_ld(spec + 1);
	return 0;
}

void rtc_alarms(void)
{
	int node = fdt_node_offset_by_compatible(guest.fdt, -1, "arm,pl031");
	uint64_t base, size;
	unsigned int irq;
	uint32_t n;

	if (node < 0 || dt_reg(guest.fdt, node, &base, &size) || rtc_irq(node, &irq)) {
		printf("pingpong: no PL031 with an SPI in the device tree\n");
		return;
	}
	rtc = base;
	irq_set_handler(irq, on_alarm);
	irq_enable(irq, PRIO_RTC);
	mmio_write32(rtc + PL031_IMSC, 1);
	for (n = 0; n < ALARMS; n++) {
		alarm_now();
		if (!wait_for(&alarms, n + 1, deadline_s(MAX_WAIT_S)))
			break;
	}
	mmio_write32(rtc + PL031_IMSC, 0);
	irq_disable(irq);
	printf("pingpong: RTC alarm interrupts (passthrough, ID %u): %" PRIu32 " of %u\n",
	       irq, n, ALARMS);
}
