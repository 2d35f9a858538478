// SPDX-License-Identifier: MIT
/*
 * restart-storm: all vCPUs of one partition fault together, every boot.
 *
 * vCPU 0 prints which boot this is (the restart count from the device
 * tree), starts vCPUs 1 and 2 with PSCI CPU_ON and waits until both spin
 * on the start line; then it lets them go and all three store outside the
 * partition's RAM at once, each at its own address, so the hypervisor's
 * reports show which vCPUs got to fault before the partition was stopped.
 * The test checks that each reboot counts as exactly one restart.
 */
#include <inttypes.h>
#include <stdio.h>

#include "guest.h"
#include "hypercall.h"
#include "irq.h"

#define NR_VCPUS		3u
/* Outside the partition's 16 MiB of RAM: vCPU i stores at + i pages. */
#define UNMAPPED_BASE		0x50000000u
/* Far longer than any wait needs, yet a hang ends. */
#define MAX_WAIT_S		10u

/* In .bss, zeroed at every boot: the RAM all vCPUs share. */
static uint32_t arrived;
static uint32_t go;

static void fault_now(uint32_t vcpu)
{
	mmio_write32(UNMAPPED_BASE + vcpu * 0x1000u, vcpu);
}

void secondary_main(uint32_t context)
{
	__atomic_add_fetch(&arrived, 1, __ATOMIC_SEQ_CST);
	while (!__atomic_load_n(&go, __ATOMIC_SEQ_CST))
		;
	fault_now(context);
}

static bool wait_arrived(void)
{
	uint64_t end = timer_count() + (uint64_t)timer_freq() * MAX_WAIT_S;

	while (__atomic_load_n(&arrived, __ATOMIC_SEQ_CST) < NR_VCPUS - 1)
		if (timer_count() > end)
			return false;
	return true;
}

int main(void)
{
	printf("%s: boot %" PRIu32 "\n", guest.name, guest.restarts);
	for (uint32_t i = 1; i < NR_VCPUS; i++) {
		int32_t ret = psci_cpu_on(i, (uintptr_t)secondary_entry, i);

		if (ret != PSCI_RET_SUCCESS) {
			printf("%s: CPU_ON(vCPU %" PRIu32 ") = %" PRId32 ", FAILED\n",
			       guest.name, i, ret);
			return 1;
		}
	}
	if (!wait_arrived()) {
		printf("%s: secondary vCPUs never arrived, FAILED\n", guest.name);
		return 1;
	}
	__atomic_store_n(&go, 1, __ATOMIC_SEQ_CST);
	fault_now(0);
	printf("%s: store outside RAM NOT contained\n", guest.name);
	return 1;
}
