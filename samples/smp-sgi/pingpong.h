/* SPDX-License-Identifier: MIT */
/* smp-sgi, the "pingpong" partition: between pingpong.c and rtc.c. */
#ifndef SMP_SGI_PINGPONG_H
#define SMP_SGI_PINGPONG_H

#include <stdbool.h>
#include <stdint.h>

/* Far longer than any wait needs, yet a hang ends. */
#define MAX_WAIT_S	10u

/*
 * Sleep (WFI, interrupts taken meanwhile) until *@counter reaches @value
 * or the virtual count reaches @deadline; whether the counter got there.
 */
bool wait_for(const uint32_t *counter, uint32_t value, uint64_t deadline);
/* The virtual count @seconds from now. */
uint64_t deadline_s(uint32_t seconds);

/*
 * The passthrough PL031's alarm interrupt, twice: a forwarded physical
 * SPI that the guest's EOI deactivates, so the second alarm arrives too.
 */
void rtc_alarms(void);

#endif
