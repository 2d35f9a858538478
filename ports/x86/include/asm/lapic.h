/* SPDX-License-Identifier: MIT */
/*
 * The local APIC in xAPIC mode (memory-mapped, at IA32_APIC_BASE): each
 * CPU's own, for kicking other CPUs and starting secondaries. Any CPU once
 * lapic_cpu_init() ran on it; no locks (the ICR is per CPU).
 */
#ifndef ASM_LAPIC_H
#define ASM_LAPIC_H

#include <stdbool.h>
#include <stdint.h>

uint32_t lapic_id(void);
void lapic_eoi(void);
/* Fixed interrupt @vector to the CPU with local APIC ID @apic_id */
void lapic_send_ipi(uint32_t apic_id, uint8_t vector);
/* INIT, then two startup IPIs for the real-mode code at @page << 12 */
void lapic_start_cpu(uint32_t apic_id, uint8_t page);
/*
 * This CPU's timer: raise the kick's vector once about @tsc_ticks of the
 * TSC have passed (its rate against the TSC is measured, so possibly a
 * little early; beyond its range, sooner than asked), or stop it for 0.
 * Callers check the time when it fires, and set it again.
 */
void lapic_timer_set(uint64_t tsc_ticks);
/* Whether the timer still counts towards its expiry */
bool lapic_timer_running(void);

#endif
