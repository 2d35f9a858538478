/* SPDX-License-Identifier: MIT */
/*
 * The Cortex-A15 side of samples/common/hypercall.h: hv_call() makes a
 * hypercall with HVC, psci_call() a PSCI call with SMC (which the
 * hypervisor traps). Both follow the SMC Calling Convention: function ID
 * in r0, arguments in r1..r3, results in r0 and r1; r4 and up are
 * preserved.
 */
#ifndef SAMPLES_ARCH_HYPERCALL_H
#define SAMPLES_ARCH_HYPERCALL_H

#include <stdint.h>

/* PSCI 0.2 function IDs (SMC32) and return codes, ARM DEN 0022 */
#define PSCI_0_2_FN_PSCI_VERSION	0x84000000u
#define PSCI_0_2_FN_CPU_OFF		0x84000002u
#define PSCI_0_2_FN_CPU_ON		0x84000003u
#define PSCI_0_2_FN_AFFINITY_INFO	0x84000004u
#define PSCI_0_2_FN_SYSTEM_OFF		0x84000008u
#define PSCI_0_2_FN_SYSTEM_RESET	0x84000009u

#define PSCI_RET_SUCCESS		0
#define PSCI_RET_NOT_SUPPORTED		(-1)
#define PSCI_RET_INVALID_PARAMETERS	(-2)
#define PSCI_RET_ALREADY_ON		(-4)
#define PSCI_RET_ON_PENDING		(-5)

/* AFFINITY_INFO results */
#define PSCI_AFFINITY_ON		0
#define PSCI_AFFINITY_OFF		1
#define PSCI_AFFINITY_ON_PENDING	2

struct hv_result {
	int32_t r0;
	uint32_t r1;
};

/*
 * The asm statements name r0..r3 as both inputs and outputs because the
 * callee may leave any of them changed; "memory" because a call may read
 * a guest buffer (console write).
 */
static inline struct hv_result hv_call(uint32_t fn, uint32_t a1, uint32_t a2,
				       uint32_t a3)
{
	register uint32_t r0 __asm__("r0") = fn;
	register uint32_t r1 __asm__("r1") = a1;
	register uint32_t r2 __asm__("r2") = a2;
	register uint32_t r3 __asm__("r3") = a3;

	__asm__ volatile(".arch_extension virt\n\thvc #0"
			 : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) : : "memory");
	return (struct hv_result){ .r0 = (int32_t)r0, .r1 = r1 };
}

static inline int32_t psci_call(uint32_t fn, uint32_t a1, uint32_t a2,
				uint32_t a3)
{
	register uint32_t r0 __asm__("r0") = fn;
	register uint32_t r1 __asm__("r1") = a1;
	register uint32_t r2 __asm__("r2") = a2;
	register uint32_t r3 __asm__("r3") = a3;

	__asm__ volatile(".arch_extension sec\n\tsmc #0"
			 : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) : : "memory");
	return (int32_t)r0;
}

/* (major << 16) | minor */
static inline uint32_t psci_version(void)
{
	return (uint32_t)psci_call(PSCI_0_2_FN_PSCI_VERSION, 0, 0, 0);
}

/*
 * Start the vCPU whose MPIDR is @mpidr at guest address @entry, in SVC
 * mode with the MMU off and r0 = @context. PSCI_RET_*.
 */
static inline int32_t psci_cpu_on(uint32_t mpidr, uintptr_t entry,
				  uint32_t context)
{
	return psci_call(PSCI_0_2_FN_CPU_ON, mpidr, entry, context);
}

/* Only returns on failure, with a PSCI error code. */
static inline int32_t psci_cpu_off(void)
{
	return psci_call(PSCI_0_2_FN_CPU_OFF, 0, 0, 0);
}

/* PSCI_AFFINITY_* of the vCPU @mpidr, or a negative PSCI_RET_* code. */
static inline int32_t psci_affinity_info(uint32_t mpidr)
{
	return psci_call(PSCI_0_2_FN_AFFINITY_INFO, mpidr, 0, 0);
}

/* The runtime's end of a secondary vCPU (runtime.c): PSCI CPU_OFF. */
static inline void vcpu_power_off(void)
{
	psci_cpu_off();
}

/* Only returns on failure, with a PSCI error code. */
static inline int32_t psci_system_off(void)
{
	return psci_call(PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);
}

/* Reboots the partition; only returns on failure, with a PSCI error code. */
static inline int32_t psci_system_reset(void)
{
	return psci_call(PSCI_0_2_FN_SYSTEM_RESET, 0, 0, 0);
}

#endif
