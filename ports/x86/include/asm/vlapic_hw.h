/* SPDX-License-Identifier: MIT */
/*
 * A vCPU's emulated local APIC in the run loop (vlapic_hw.c): all on the
 * vCPU's CPU, in hypervisor context, no locks.
 */
#ifndef ASM_VLAPIC_HW_H
#define ASM_VLAPIC_HW_H

#include <bulkhead/exit.h>

struct vcpu;

/* From port_vcpu_reset(): the APIC as at a reset, its timer stopped */
void vlapic_hw_reset(struct vcpu *v);
/*
 * Before each VMRUN: the timer brought up to now (the CPU's own timer set
 * for its next expiry), the interrupt the guest should take injected,
 * or, when its RFLAGS.IF or an interrupt shadow keeps it out, a virtual
 * interrupt request whose VINTR exit comes once the guest can take it.
 */
void vlapic_hw_entry(struct vcpu *v);
/*
 * A HLT exit: with interrupts enabled the vCPU waits here, past the HLT,
 * until it has an interrupt to take (false: run on) or must stop
 * (EXIT_NONE); with them masked nothing can wake it (EXIT_HALT).
 */
bool vlapic_hw_halt(struct vcpu *v, struct vm_exit *exit);
/* The x2APIC's MSRs and IA32_APIC_BASE: false for any other MSR or a refused access */
bool vlapic_hw_msr_read(struct vcpu *v, uint32_t msr, uint64_t *val);
bool vlapic_hw_msr_write(struct vcpu *v, uint32_t msr, uint64_t val);

#endif
