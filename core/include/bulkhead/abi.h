/* SPDX-License-Identifier: MIT */
/*
 * The guest-visible hypercall ABI (docs/hypercalls.md). Included by guests
 * as well as by the hypervisor, so it holds numbers only.
 *
 * Calls follow the SMC Calling Convention (fast calls, 32-bit, owner 6 =
 * "vendor specific hypervisor service"): function ID in r0, arguments in
 * r1..r3, results in r0 (status or value) and r1. On ARM: HVC #0.
 */
#ifndef BULKHEAD_ABI_H
#define BULKHEAD_ABI_H

#define BH_HC_BASE		0x86000000u
#define BH_HC(n)		(BH_HC_BASE | (n))

#define BH_HC_VERSION		BH_HC(0)	/* -> r0 = (major << 16) | minor */
#define BH_HC_CONSOLE_WRITE	BH_HC(1)	/* r1 = guest-physical buffer, r2 = length -> r0 = bytes written */
#define BH_HC_YIELD		BH_HC(2)	/* -> r0 = 0 */
#define BH_HC_SHUTDOWN_SELF	BH_HC(3)	/* does not return */
#define BH_HC_RESTART_SELF	BH_HC(4)	/* does not return */
#define BH_HC_PARTITION_STATE	BH_HC(5)	/* r1 = partition id -> r0 = state, r1 = restart count */
#define BH_HC_DOORBELL_RING	BH_HC(6)	/* r1 = doorbell number -> r0 = 0 */
#define BH_HC_COUNT		7

#define BH_ABI_VERSION		0x00010000u	/* 1.0 */

/* Status codes returned in r0 (SMCCC-style negative values). */
#define BH_E_NOT_SUPPORTED	(-1)
#define BH_E_INVALID		(-2)

/* Partition states returned by BH_HC_PARTITION_STATE. */
#define BH_STATE_RUNNING	1
#define BH_STATE_HALTED		2	/* stopped by its fault policy */
#define BH_STATE_OFF		3	/* shut itself down */

/* Largest buffer one BH_HC_CONSOLE_WRITE accepts. */
#define BH_CONSOLE_WRITE_MAX	256

#endif
