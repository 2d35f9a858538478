/* SPDX-License-Identifier: MIT */
/*
 * Calls from a sample guest to the hypervisor (numbers in
 * <bulkhead/abi.h>). The port's arch/hypercall.h (samples/common/<port>/)
 * makes them: hv_call(fn, a1, a2, a3) returns struct hv_result { r0, r1 };
 * it also has the architecture's own firmware calls (PSCI on ARM).
 */
#ifndef SAMPLES_HYPERCALL_H
#define SAMPLES_HYPERCALL_H

#include <stddef.h>
#include <stdint.h>
#include <bulkhead/abi.h>

#include "arch/hypercall.h"

/* (major << 16) | minor, see BH_ABI_VERSION */
static inline uint32_t hv_version(void)
{
	return (uint32_t)hv_call(BH_HC_VERSION, 0, 0, 0).r0;
}

/* Bytes written (at most BH_CONSOLE_WRITE_MAX) or a negative BH_E_ code. */
static inline int32_t hv_console_write(const void *buf, size_t len)
{
	return hv_call(BH_HC_CONSOLE_WRITE, (uint32_t)(uintptr_t)buf, len, 0).r0;
}

/* BH_STATE_* of partition @id, its restart count in *@restarts. */
static inline int32_t hv_partition_state(uint32_t id, uint32_t *restarts)
{
	struct hv_result res = hv_call(BH_HC_PARTITION_STATE, id, 0, 0);

	*restarts = res.r1;
	return res.r0;
}

/* "running", "halted", "off" for a BH_HC_PARTITION_STATE state. */
static inline const char *hv_state_name(int32_t state)
{
	switch (state) {
	case BH_STATE_RUNNING:
		return "running";
	case BH_STATE_HALTED:
		return "halted";
	case BH_STATE_OFF:
		return "off";
	default:
		return "unknown";
	}
}

/* Stops this partition; the caller must not rely on it returning. */
static inline void hv_shutdown_self(void)
{
	hv_call(BH_HC_SHUTDOWN_SELF, 0, 0, 0);
}

#endif
