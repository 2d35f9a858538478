/* SPDX-License-Identifier: MIT */
/* PSCI function IDs (ARM DEN 0022) and the SMC conduit to firmware. */
#ifndef ASM_PSCI_H
#define ASM_PSCI_H

#include <stdbool.h>
#include <stdint.h>

#define PSCI_VERSION			0x84000000u
#define PSCI_CPU_OFF			0x84000002u
#define PSCI_CPU_ON			0x84000003u
#define PSCI_AFFINITY_INFO		0x84000004u
#define PSCI_MIGRATE_INFO_TYPE		0x84000006u
#define PSCI_SYSTEM_OFF			0x84000008u
#define PSCI_SYSTEM_RESET		0x84000009u
#define PSCI_FEATURES			0x8400000au
#define PSCI_64BIT			0x40000000u	/* SMC64 flavour of a function */

#define PSCI_SUCCESS			0
#define PSCI_NOT_SUPPORTED		(-1)
#define PSCI_INVALID_PARAMETERS		(-2)
#define PSCI_ALREADY_ON			(-4)

/* Call the machine's PSCI firmware (QEMU's, for the virt board) from HYP. */
static inline int32_t psci_firmware_call(uint32_t fn, uint32_t a1, uint32_t a2, uint32_t a3)
{
	register uint32_t r0 __asm__("r0") = fn;
	register uint32_t r1 __asm__("r1") = a1;
	register uint32_t r2 __asm__("r2") = a2;
	register uint32_t r3 __asm__("r3") = a3;

	__asm__ volatile(".arch_extension sec\n\tsmc #0"
			 : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) :: "memory");
	return (int32_t)r0;
}

struct vcpu;
struct vm_exit;
/*
 * Serve a guest's trapped SMC. True when the call is a power event for
 * the core, filled into @e (EXIT_POWER: CPU_OFF, SYSTEM_OFF,
 * SYSTEM_RESET); false when answered in the guest's r0.
 */
bool psci_guest_call(struct vcpu *v, struct vm_exit *e);

#endif
