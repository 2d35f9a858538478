// SPDX-License-Identifier: MIT
/*
 * smp-psci, the "duo" partition: one image on two vCPUs.
 *
 * vCPU 0 asks PSCI about vCPU 1, starts it with CPU_ON, tries the calls
 * that must fail (CPU_ON again at once and once it runs: ALREADY_ON),
 * and meets it in memory both share; vCPU 1 reports what
 * it booted with and powers itself off with CPU_OFF. Then vCPU 0 checks how
 * the hypervisor completes MMIO accesses that trap without a syndrome
 * (writeback.c). The first boot ends with PSCI SYSTEM_RESET, the second
 * with a write outside the partition's RAM: fault policy "poweroff" must
 * then power the whole machine off while "ticker" still runs, which duo
 * checks first in the memory the two share (shared.h).
 *
 * Only one vCPU prints at a time (guest.h): vCPU 1 waits for vCPU 0's go
 * before it prints, and vCPU 0 waits for vCPU 1 to be done.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libfdt.h>

#include "guest.h"
#include "hypercall.h"
#include "duo.h"
#include "shared.h"

/* CPU_ON names a vCPU by MPIDR affinity: Aff0 is the vCPU index. */
#define VCPU1_MPIDR		1u
#define NO_SUCH_MPIDR		5u
#define VCPU1_CONTEXT		0xc0ffee01u
/* Far longer than any wait needs, yet a hang ends. */
#define MAX_WAIT_S		10u
/* Ticks of ticker to see before the fault. */
#define TICKER_TICKS		3u

/* Where vCPU 1 stands; only ever moves forward. */
enum meeting_state { MEET_NONE, MEET_UP, MEET_GO, MEET_DONE };

/* In .bss: the RAM both vCPUs share. Each field has a single writer. */
static struct {
	uint32_t state;		/* enum meeting_state */
	uint32_t context;	/* what vCPU 1 found in r0 */
	uint32_t mpidr;		/* and in its MPIDR */
} meeting;

/* Sequentially consistent: every field written before is visible after. */
static void meeting_set(enum meeting_state state)
{
	__atomic_store_n(&meeting.state, state, __ATOMIC_SEQ_CST);
}

static bool meeting_wait(enum meeting_state state)
{
	uint64_t end = counter_after_s(MAX_WAIT_S);

	while (__atomic_load_n(&meeting.state, __ATOMIC_SEQ_CST) < state)
		if (timer_count() > end)
			return false;
	return true;
}

static const char *psci_ret_name(int32_t ret)
{
	switch (ret) {
	case PSCI_RET_SUCCESS:
		return "SUCCESS";
	case PSCI_RET_NOT_SUPPORTED:
		return "NOT_SUPPORTED";
	case PSCI_RET_INVALID_PARAMETERS:
		return "INVALID_PARAMETERS";
	case PSCI_RET_ALREADY_ON:
		return "ALREADY_ON";
	case PSCI_RET_ON_PENDING:
		return "ON_PENDING";
	default:
		return "unexpected";
	}
}

static const char *affinity_name(int32_t state)
{
	switch (state) {
	case PSCI_AFFINITY_ON:
		return "ON";
	case PSCI_AFFINITY_OFF:
		return "OFF";
	case PSCI_AFFINITY_ON_PENDING:
		return "ON_PENDING";
	default:
		return psci_ret_name(state);
	}
}

static void print_affinity(int32_t state, const char *when)
{
	printf("duo: AFFINITY_INFO(vCPU 1) = %" PRId32 " (%s)%s\n", state,
	       affinity_name(state), when);
}

static void print_psci(const char *call, int32_t ret)
{
	printf("duo: %s = %" PRId32 " (%s)\n", call, ret, psci_ret_name(ret));
}

/* vCPU 1: says who it is once vCPU 0 lets it print, then CPU_OFF. */
void secondary_main(uint32_t context)
{
	meeting_set(MEET_UP);
	if (!meeting_wait(MEET_GO))
		return;
	meeting.context = context;
	meeting.mpidr = read_mpidr();
	printf("duo: vCPU %" PRIu32 " up, context 0x%08" PRIx32 ", MPIDR 0x%08" PRIx32 "\n",
	       meeting.mpidr & 0xff, context, meeting.mpidr);
	meeting_set(MEET_DONE);
}

/* After CPU_OFF, vCPU 1 turns OFF once it has left the guest. */
static int32_t poll_until_off(void)
{
	uint64_t end = counter_after_s(MAX_WAIT_S);
	int32_t state = psci_affinity_info(VCPU1_MPIDR);

	while (state != PSCI_AFFINITY_OFF && timer_count() <= end)
		state = psci_affinity_info(VCPU1_MPIDR);
	return state;
}

static void wait_affinity_on(void)
{
	uint64_t end = counter_after_s(MAX_WAIT_S);

	while (psci_affinity_info(VCPU1_MPIDR) != PSCI_AFFINITY_ON &&
	       timer_count() <= end)
		;
}

static int32_t cpu_on_vcpu1(void)
{
	return psci_cpu_on(VCPU1_MPIDR, (uintptr_t)secondary_entry, VCPU1_CONTEXT);
}

static void start_vcpu1(void)
{
	uint32_t version = psci_version();
	int32_t first, at_once, state;
	char call[48];

	printf("duo: PSCI_VERSION %" PRIu32 ".%" PRIu32 "\n", version >> 16,
	       version & 0xffff);
	print_affinity(psci_affinity_info(VCPU1_MPIDR), "");
	/*
	 * The second call follows the first at once, before vCPU 1's CPU
	 * has usually even woken up: it must answer ALREADY_ON whether
	 * vCPU 1 is still pending or already running. Printing comes after,
	 * so as not to give vCPU 1 time.
	 */
	first = cpu_on_vcpu1();
	at_once = cpu_on_vcpu1();
	state = psci_affinity_info(VCPU1_MPIDR);
	snprintf(call, sizeof(call), "CPU_ON(vCPU 1, context 0x%08x)", VCPU1_CONTEXT);
	print_psci(call, first);
	print_psci("CPU_ON(vCPU 1) at once again", at_once);
	print_affinity(state, " right after");
	/* Once it runs (no longer ON_PENDING) it cannot be off again yet:
	 * it waits for MEET_GO. */
	wait_affinity_on();
	print_psci("CPU_ON(vCPU 1) once it runs", cpu_on_vcpu1());
	print_psci("CPU_ON(MPIDR 5)", psci_cpu_on(NO_SUCH_MPIDR,
			(uintptr_t)secondary_entry, VCPU1_CONTEXT));
}

static void meet_vcpu1(void)
{
	if (!meeting_wait(MEET_UP)) {
		printf("duo: vCPU 1 never came up\n");
		return;
	}
	print_affinity(psci_affinity_info(VCPU1_MPIDR), "");
	meeting_set(MEET_GO);
	if (!meeting_wait(MEET_DONE)) {
		printf("duo: vCPU 1 never finished\n");
		return;
	}
	printf("duo: shared memory holds vCPU 1's context 0x%08" PRIx32
	       " and MPIDR 0x%08" PRIx32 "\n", meeting.context, meeting.mpidr);
	print_affinity(poll_until_off(), " after its CPU_OFF");
}

/* The emulated PL011 of /chosen/stdout-path; 0 when there is none. */
static uintptr_t console_uart(void)
{
	int chosen = fdt_path_offset(guest.fdt, "/chosen");
	const char *path;
	uint64_t base, size;
	int node, len;

	path = chosen < 0 ? NULL : fdt_getprop(guest.fdt, chosen, "stdout-path", &len);
	if (!path || strnlen(path, len) == (size_t)len)
		return 0;
	node = fdt_path_offset_namelen(guest.fdt, path, strcspn(path, ":"));
	if (node < 0 || dt_reg(guest.fdt, node, &base, &size))
		return 0;
	return base;
}

static int reset_partition(void)
{
	int32_t ret;

	printf("duo: calling PSCI SYSTEM_RESET\n");
	ret = psci_system_reset();
	printf("duo: SYSTEM_RESET returned %" PRId32 "\n", ret);
	return EXIT_FAILURE;
}

/* ticker's count reaching @ticks: it is alive, and has printed that tick. */
static bool ticker_reached(uint32_t ticks)
{
	uint32_t *published = shared_tick_count();
	uint64_t end = counter_after_s(MAX_WAIT_S);

	if (!published)
		return false;
	while (__atomic_load_n(published, __ATOMIC_SEQ_CST) < ticks)
		if (timer_count() > end)
			return false;
	return true;
}

/* Policy "poweroff": the hypervisor must switch the machine off here. */
static int fault_on_purpose(void)
{
	uintptr_t outside = guest.ram_base + guest.ram_size;

	if (!ticker_reached(TICKER_TICKS)) {
		printf("duo: ticker never reached tick %u\n", TICKER_TICKS);
		return EXIT_FAILURE;
	}
	printf("duo: ticker is running (tick %u or later)\n", TICKER_TICKS);
	printf("duo: writing outside its RAM at 0x%08" PRIxPTR "\n", outside);
	mmio_write32(outside, 0xdeadbeefu);
	printf("duo: write outside its RAM NOT contained\n");
	return EXIT_FAILURE;
}

int main(void)
{
	uintptr_t uart = console_uart();

	if (!guest.restarts)
		printf("duo: first boot on vCPU %" PRIu32 ", physical CPU %" PRIu32 "\n",
		       guest.vcpu, guest.host_cpu);
	else
		printf("duo: rebooted, restart count %" PRIu32 "\n", guest.restarts);
	start_vcpu1();
	meet_vcpu1();
	if (uart)
		check_mmio_writeback(uart);
	else
		printf("duo: no PL011 at /chosen/stdout-path\n");
	return guest.restarts ? fault_on_purpose() : reset_partition();
}
