// SPDX-License-Identifier: MIT
/*
 * smp-spin-table, the "duo" partition: one image on two vCPUs.
 *
 * vCPU 0 finds vCPU 1's spin table entry through its cpu node, sees it
 * held, releases it at spin_entry (entry.S) with a context in r3 and at
 * once releases it again at wrong_entry, which the table must ignore;
 * the two meet in memory they share and vCPU 0 prints what vCPU 1
 * entered with (r3-r7, MSR, its initial TLB1 entry) and its PIR. Then
 * the TLB shootdown check (shootdown.c), and duo restarts itself. At the
 * second boot the entry is held again and vCPU 1 starts once more with
 * another context; then, once "ticker" is seen ticking in the memory the
 * two partitions share, duo stores a halfword to its spin table, which
 * the table refuses: the fault halts duo while ticker keeps running.
 *
 * Only one vCPU prints at a time (guest.h): vCPU 1 waits for vCPU 0's
 * go before it prints, and vCPU 0 waits for vCPU 1 to be done.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "guest.h"
#include "hypercall.h"
#include "doorbell.h"
#include "arch/spin_table.h"
#include "duo.h"

#define VCPU1			1u
#define CONTEXT(boot)		(0xc0ffee01u + (boot))
#define WRONG_CONTEXT		0xbadu
#define TICKER_TICKS		3u

struct entry_regs vcpu1_entry;
uint32_t wrong_entries;

/* In .bss: the RAM both vCPUs share. Each field has a single writer. */
static struct {
	uint32_t state;		/* enum meeting_state */
	uint32_t starts;	/* times secondary_main() ran */
	uint32_t context;	/* what it got */
	uint32_t pir;		/* and its PIR */
	bool shootdown;		/* vCPU 0 asks for the shootdown check */
} meeting;

/* Sequentially consistent: every field written before is visible after. */
void meeting_set(enum meeting_state state)
{
	__atomic_store_n(&meeting.state, state, __ATOMIC_SEQ_CST);
}

bool meeting_reached(enum meeting_state state)
{
	return __atomic_load_n(&meeting.state, __ATOMIC_SEQ_CST) >= state;
}

bool meeting_wait(enum meeting_state state)
{
	uint64_t end = wait_deadline();

	while (!meeting_reached(state))
		if (timer_count() > end)
			return false;
	return true;
}

/* vCPU 1: says who it is once vCPU 0 lets it print, then the shootdown */
void secondary_main(uint32_t context)
{
	meeting.starts++;
	meeting.context = context;
	meeting.pir = read_mpidr();
	meeting_set(MEET_UP);
	if (!meeting_wait(MEET_GO))
		return;
	printf("duo: vCPU %" PRIu32 " in secondary_main, context 0x%08" PRIx32 "\n",
	       meeting.pir, context);
	meeting_set(MEET_DONE);
	if (meeting.shootdown)
		shootdown_secondary();
}

static uint32_t entry_word(uintptr_t entry, uint32_t field)
{
	return mmio_read32(entry + field);
}

/* A 64-bit field, high word first */
static uint64_t entry_dword(uintptr_t entry, uint32_t field)
{
	return (uint64_t)entry_word(entry, field) << 32 | entry_word(entry, field + 4);
}

static void print_entry(uintptr_t entry, const char *when)
{
	printf("duo: vCPU 1's spin table entry%s: entry_addr 0x%" PRIx64 ", r3 0x%" PRIx64
	       ", pir %" PRIu32 "\n", when, entry_dword(entry, SPIN_ENTRY_ADDR_HI),
	       entry_dword(entry, SPIN_ENTRY_R3_HI), entry_word(entry, SPIN_ENTRY_PIR));
}

/* Release vCPU 1 twice in a row; the second must change nothing */
static bool release_vcpu1(uintptr_t entry)
{
	uint32_t context = CONTEXT(guest.restarts);

	print_entry(entry, "");
	spin_table_release(entry, VCPU1, (uintptr_t)spin_entry, context);
	spin_table_release(entry, VCPU1, (uintptr_t)wrong_entry, WRONG_CONTEXT);
	printf("duo: released vCPU 1 with r3 0x%08" PRIx32 ", then again at another entry\n",
	       context);
	if (!meeting_wait(MEET_UP)) {
		printf("duo: vCPU 1 never came up\n");
		return false;
	}
	printf("duo: entry_addr reads %s\n",
	       entry_word(entry, SPIN_ENTRY_ADDR_LO) == (uintptr_t)spin_entry ?
	       "spin_entry, the first release's" : "NOT the first release's");
	print_entry(entry, " now");
	return true;
}

static void print_vcpu1(void)
{
	const struct entry_regs *r = &vcpu1_entry;

	printf("duo: vCPU 1 entered with r3 0x%08" PRIx32 " r4 %" PRIu32 " r5 %" PRIu32
	       " r6 %" PRIu32 " r7 0x%08" PRIx32 " MSR 0x%08" PRIx32 ", PIR %" PRIu32 "\n",
	       r->r3, r->r4, r->r5, r->r6, r->r7, r->msr, meeting.pir);
	printf("duo: vCPU 1's TLB1 entry 0: MAS1 0x%08" PRIx32 " MAS2 0x%08" PRIx32
	       " MAS3 0x%08" PRIx32 "\n", r->mas1, r->mas2, r->mas3);
}

static bool meet_vcpu1(void)
{
	meeting_set(MEET_GO);
	if (!meeting_wait(MEET_DONE)) {
		printf("duo: vCPU 1 never finished\n");
		return false;
	}
	print_vcpu1();
	return true;
}

/* ticker's count reaching @ticks: it is alive, and has printed that tick. */
static bool ticker_reached(uint32_t ticks)
{
	struct doorbell db;
	uint64_t end = wait_deadline();

	if (doorbell_find(&db, sizeof(uint32_t)))
		return false;
	while (__atomic_load_n((uint32_t *)db.base, __ATOMIC_SEQ_CST) < ticks)
		if (timer_count() > end)
			return false;
	return true;
}

/* Policy "halt": the refused store stops duo here, and only duo. */
static int fault_on_purpose(uintptr_t entry)
{
	if (!ticker_reached(TICKER_TICKS)) {
		printf("duo: ticker never reached tick %u\n", TICKER_TICKS);
		return EXIT_FAILURE;
	}
	printf("duo: ticker is running (tick %u or later)\n", TICKER_TICKS);
	printf("duo: a halfword store to its spin table\n");
	__asm__ volatile("sth %0, 0(%1)\n\tmbar" : : "r"(0), "b"(entry + SPIN_ENTRY_ADDR_LO)
			 : "memory");
	printf("duo: the halfword store was NOT refused\n");
	return EXIT_FAILURE;
}

int main(void)
{
	uintptr_t entry = spin_table_entry(VCPU1);

	printf("duo: boot %" PRIu32 " on vCPU %" PRIu32 ", physical CPU %" PRIu32 "\n",
	       guest.restarts, guest.vcpu, guest.host_cpu);
	if (!entry) {
		printf("duo: vCPU 1's cpu node names no spin table\n");
		return EXIT_FAILURE;
	}
	printf("duo: vCPU 1 waits in the spin table at 0x%08" PRIxPTR "\n", entry);
	meeting.shootdown = !guest.restarts;
	if (!release_vcpu1(entry) || !meet_vcpu1())
		return EXIT_FAILURE;
	if (guest.restarts)
		return fault_on_purpose(entry);
	shootdown_boot();
	printf("duo: secondary_main ran %" PRIu32 " time%s, wrong_entry %" PRIu32 " times\n",
	       meeting.starts, meeting.starts == 1 ? "" : "s", wrong_entries);
	printf("duo: restarting itself\n");
	hv_call(BH_HC_RESTART_SELF, 0, 0, 0);
	printf("duo: BH_HC_RESTART_SELF returned\n");
	return EXIT_FAILURE;
}
