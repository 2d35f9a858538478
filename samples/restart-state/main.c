// SPDX-License-Identifier: MIT
/*
 * restart-state, the "restarter" partition: one image on two vCPUs,
 * restarted once by its fault policy (fault-policy "restart",
 * max-restarts 1).
 *
 * Boot 0: each vCPU checks that it starts from the state a partition
 * boots with (docs/config.md), then fills every register it can write
 * with markers (regs.c): CP15, ThumbEE, the banked registers, VFP and
 * Advanced SIMD, the PMU counting, the virtual timer armed, the debug
 * registers, the core registers, the CPSR's flags and endianness. vCPU 1
 * then waits in WFI; vCPU 0 writes outside its RAM.
 *
 * Boot 1: each vCPU prints one line per register group, "reset ok" or
 * one "KEPT" line per register still holding something of boot 0.
 *
 * vCPU 0 starts vCPU 1 with PSCI CPU_ON at both boots, so that the reset
 * of a secondary vCPU is checked too. One vCPU prints at a time: vCPU 0
 * waits until vCPU 1 is done.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "guest.h"
#include "hypercall.h"
#include "irq.h"
#include "restart_state.h"

#define VCPU1_MPIDR	1u
#define MAX_WAIT_S	10u

/* Where vCPU 1 stands; only ever moves forward */
enum vcpu1_state { VCPU1_OFF, VCPU1_MARKED, VCPU1_DONE };

static struct {
	uint32_t state;		/* enum vcpu1_state, written by vCPU 1 */
	uint32_t groups_kept;	/* its check_reset_state() */
} vcpu1;

static void vcpu1_set(enum vcpu1_state state)
{
	__atomic_store_n(&vcpu1.state, state, __ATOMIC_SEQ_CST);
}

static bool vcpu1_reached(enum vcpu1_state state)
{
	uint64_t end = timer_count() + (uint64_t)timer_freq() * MAX_WAIT_S;

	while (__atomic_load_n(&vcpu1.state, __ATOMIC_SEQ_CST) < state)
		if (timer_count() > end)
			return false;
	return true;
}

/* Check the calling vCPU at this boot: every group's line at boot 1 */
static unsigned int check_self(void)
{
	unsigned int boot = guest.restarts, vcpu = read_mpidr() & 0xff;
	unsigned int kept = check_reset_state(boot, boot > 0);

	printf("restart-state: boot %u vCPU %u: %u of %u register groups in their reset state\n",
	       boot, vcpu, register_groups() - kept, register_groups());
	return kept;
}

/* vCPU 1, from entry_secondary (CPU_ON context 0, as for vCPU 0) */
void secondary_main(uint32_t context)
{
	(void)context;
	vcpu1.groups_kept = check_self();
	if (guest.restarts) {
		vcpu1_set(VCPU1_DONE);
		return;
	}
	write_markers();
	vcpu1_set(VCPU1_MARKED);
	mark_core_and_park();
}

static bool run_vcpu1(enum vcpu1_state until)
{
	int32_t ret = psci_cpu_on(VCPU1_MPIDR, (uintptr_t)entry_secondary, 0);

	if (ret != PSCI_RET_SUCCESS) {
		printf("restart-state: CPU_ON(vCPU 1) = %" PRId32 "\n", ret);
		return false;
	}
	if (!vcpu1_reached(until)) {
		printf("restart-state: vCPU 1 did not finish\n");
		return false;
	}
	return true;
}

int main(void)
{
	unsigned int kept = check_self();

	if (!guest.restarts) {
		if (!run_vcpu1(VCPU1_MARKED))
			return EXIT_FAILURE;
		write_markers();
		printf("restart-state: boot 0: writing outside its RAM\n");
		mark_core_and_fault(guest.ram_base + guest.ram_size);
	}
	if (!run_vcpu1(VCPU1_DONE))
		return EXIT_FAILURE;
	if (kept || vcpu1.groups_kept) {
		printf("restart-state: boot %" PRIu32 ": registers KEPT from boot 0\n",
		       guest.restarts);
		return EXIT_FAILURE;
	}
	printf("restart-state: boot %" PRIu32 ": both vCPUs started from the reset state\n",
	       guest.restarts);
	return EXIT_SUCCESS;
}
