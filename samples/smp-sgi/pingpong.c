// SPDX-License-Identifier: MIT
/*
 * smp-sgi, the "pingpong" partition: one image on two vCPUs that
 * interrupt each other through the virtual GIC.
 *
 * vCPU 0 checks that its virtual time starts near 0, starts vCPU 1 with
 * PSCI CPU_ON and sends it SGI 1 (ping) 1000 times; vCPU 1's handler
 * answers each with SGI 2 (pong), and vCPU 0 waits for the pong before
 * the next ping. Then, while vCPU 1 has interrupts masked, vCPU 0 sends it
 * twelve SGIs of different priorities at once, three times what the list
 * registers hold: vCPU 1 must take them highest priority first. vCPU 0
 * sends itself SGI 15 a hundred times: each must be taken right after
 * the write that sends it, before the next instruction. vCPU 0
 * takes two alarm interrupts of its passthrough RTC (rtc.c). All along
 * each vCPU runs its virtual timer every 10 ms and counts the ticks, which
 * must match the virtual time that passed. Both sleep with WFI while they
 * wait: the interrupts wake them.
 *
 * Only vCPU 0 prints (guest.h); vCPU 1 reports through memory.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "guest.h"
#include "hypercall.h"
#include "irq.h"
#include "pingpong.h"

#define ROUND_TRIPS	1000u
#define SGI_WAKE	0	/* no handler: it only ends a WFI */
#define SGI_PING	1
#define SGI_PONG	2
#define SGI_BURST_FIRST	3	/* SGIs 3..14: the burst */
#define BURST		12u
#define SGI_SELF	15
#define SELF_SGIS	100u
#define PRIO_SGI	0x80
#define PRIO_TIMER	0xa0
#define TICK_MS		10u
#define MIN_TICKING_MS	300u	/* the timers run at least this long */
#define NEAR_ZERO_MS	1000u	/* virtual time at main(): the time to get there */
#define VCPU1_MPIDR	1u
/* Ticks a late handler may not have counted yet when its timer stops */
#define TICK_SLACK	3u

/* One vCPU's periodic virtual timer; only that vCPU writes it. */
struct ticker {
	uint32_t ticks;
	uint64_t period, next;	/* counter ticks; the next deadline */
	uint64_t start, stop;
};

static struct ticker tickers[2];
static uint32_t pings, pongs;	/* received by vCPU 1, by vCPU 0 */
static uint32_t vcpu1_up, stop_vcpu1, vcpu1_done;
static uint64_t vcpu1_first_count;
/* The burst: vCPU 0 goes, vCPU 1 is ready (masked), vCPU 0 has sent it */
static uint32_t burst_go, burst_ready, burst_sent, burst_taken;
static uint8_t burst_order[BURST];
static uint32_t self_taken;

static unsigned int this_vcpu(void)
{
	return read_mpidr() & 0xff;
}

static uint32_t load(const uint32_t *p)
{
	return __atomic_load_n(p, __ATOMIC_SEQ_CST);
}

static void store(uint32_t *p, uint32_t v)
{
	__atomic_store_n(p, v, __ATOMIC_SEQ_CST);
}

static uint32_t ms(uint64_t counts)
{
	return counts * 1000 / timer_freq();
}

static void on_tick(unsigned int irq, unsigned int source)
{
	struct ticker *t = &tickers[this_vcpu()];

	(void)irq;
	(void)source;
	t->ticks++;
	t->next += t->period;
	vtimer_arm(t->next);
}

static void on_ping(unsigned int irq, unsigned int source)
{
	(void)irq;
	store(&pings, load(&pings) + 1);
	irq_send_sgi(SGI_PONG, 1u << source);
}

static void on_pong(unsigned int irq, unsigned int source)
{
	(void)irq;
	(void)source;
	store(&pongs, load(&pongs) + 1);
}

static void on_burst(unsigned int irq, unsigned int source)
{
	uint32_t n = load(&burst_taken);

	(void)source;
	if (n < BURST)
		burst_order[n] = irq;
	store(&burst_taken, n + 1);
}

static void on_self(unsigned int irq, unsigned int source)
{
	(void)irq;
	(void)source;
	store(&self_taken, load(&self_taken) + 1);
}

/* Burst SGI @i of 0..BURST-1: the later, the higher its priority. */
static unsigned int burst_sgi(unsigned int i)
{
	return SGI_BURST_FIRST + i;
}

static uint8_t burst_priority(unsigned int i)
{
	return 0x10 + (BURST - 1 - i) * 8;
}

static void ticker_start(void)
{
	struct ticker *t = &tickers[this_vcpu()];

	t->period = (uint64_t)timer_freq() * TICK_MS / 1000;
	t->start = timer_count();
	t->next = t->start + t->period;
	vtimer_arm(t->next);
	irq_enable(IRQ_PPI_VTIMER, PRIO_TIMER);
}

static void ticker_stop(void)
{
	struct ticker *t = &tickers[this_vcpu()];

	irq_mask();
	t->stop = timer_count();
	vtimer_stop();
	irq_disable(IRQ_PPI_VTIMER);
	irq_unmask();
}

bool wait_for(const uint32_t *counter, uint32_t value, uint64_t deadline)
{
	bool reached;

	irq_mask();
	while (!(reached = load(counter) >= value) && timer_count() < deadline) {
		irq_wait();
		irq_unmask();	/* the handler runs here */
		irq_mask();
	}
	irq_unmask();
	return reached;
}

/* Sleep until the virtual count @deadline; interrupts are taken meanwhile. */
static void sleep_until(uint64_t deadline)
{
	const uint32_t never = 0;

	wait_for(&never, 1, deadline);
}

uint64_t deadline_s(uint32_t seconds)
{
	return timer_count() + (uint64_t)timer_freq() * seconds;
}

/* vCPU 1, masked until vCPU 0 has sent the whole burst. */
static void take_burst(void)
{
	for (unsigned int i = 0; i < BURST; i++)
		irq_enable(burst_sgi(i), burst_priority(i));
	irq_mask();
	store(&burst_ready, 1);
	while (!load(&burst_sent))
		;
	irq_unmask();
}

/* vCPU 1: answer pings while its timer ticks, until vCPU 0 says stop. */
void secondary_main(uint32_t context)
{
	(void)context;
	vcpu1_first_count = timer_count();
	irq_cpu_init();
	irq_enable(SGI_PING, PRIO_SGI);
	ticker_start();
	irq_unmask();
	store(&vcpu1_up, 1);
	if (wait_for(&burst_go, 1, deadline_s(2 * MAX_WAIT_S)))
		take_burst();
	wait_for(&stop_vcpu1, 1, deadline_s(4 * MAX_WAIT_S));
	ticker_stop();
	store(&vcpu1_done, 1);
}

static bool start_vcpu1(void)
{
	uint64_t before = timer_count();
	int32_t ret = psci_cpu_on(VCPU1_MPIDR, (uintptr_t)secondary_entry, 0);

	if (ret != PSCI_RET_SUCCESS || !wait_for(&vcpu1_up, 1, deadline_s(MAX_WAIT_S))) {
		printf("pingpong: vCPU 1 did not come up (CPU_ON %" PRId32 ")\n", ret);
		return false;
	}
	/* Both vCPUs of a partition share its virtual time */
	if (vcpu1_first_count < before || ms(vcpu1_first_count - before) > NEAR_ZERO_MS)
		printf("pingpong: vCPU 1 does NOT agree on the virtual time\n");
	else
		printf("pingpong: vCPU 1 is up and agrees on the virtual time\n");
	return true;
}

static void ping_pong(void)
{
	uint64_t deadline = deadline_s(MAX_WAIT_S), start = timer_count();
	uint32_t i;

	for (i = 0; i < ROUND_TRIPS; i++) {
		irq_send_sgi(SGI_PING, 1u << 1);
		if (!wait_for(&pongs, i + 1, deadline))
			break;
	}
	printf("pingpong: %" PRIu32 " SGI round trips (%" PRIu32 " pings, %" PRIu32
	       " pongs) in %" PRIu32 " ms\n", i, load(&pings), load(&pongs),
	       ms(timer_count() - start));
}

/* vCPU 0: twelve SGIs to a masked vCPU 1, which must take the best first. */
static void burst(void)
{
	uint32_t taken;
	bool ordered = true;

	store(&burst_go, 1);
	irq_send_sgi(SGI_WAKE, 1u << 1);
	if (!wait_for(&burst_ready, 1, deadline_s(MAX_WAIT_S))) {
		printf("pingpong: vCPU 1 never got ready for the burst\n");
		return;
	}
	for (unsigned int i = 0; i < BURST; i++)
		irq_send_sgi(burst_sgi(i), 1u << 1);
	store(&burst_sent, 1);
	wait_for(&burst_taken, BURST, deadline_s(MAX_WAIT_S));
	taken = load(&burst_taken);
	for (unsigned int i = 0; i < BURST && i < taken; i++)
		ordered &= burst_order[i] == burst_sgi(BURST - 1 - i);
	printf("pingpong: burst of %u SGIs to vCPU 1: %" PRIu32 " taken, %s\n", BURST,
	       taken, ordered ? "highest priority first" : "NOT in priority order");
}

/*
 * vCPU 0, interrupts unmasked: the hypervisor emulates the GICD_SGIR
 * write and must deliver the SGI before the guest's next instruction.
 */
static void self_sgis(void)
{
	uint32_t at_once = 0;

	for (unsigned int i = 0; i < SELF_SGIS; i++) {
		uint32_t before = load(&self_taken);

		irq_send_sgi(SGI_SELF, 1u << this_vcpu());
		at_once += load(&self_taken) == before + 1;
	}
	printf("pingpong: %u SGIs to itself, %" PRIu32 " taken right after their write\n",
	       SELF_SGIS, at_once);
}

static void report_ticks(unsigned int vcpu)
{
	const struct ticker *t = &tickers[vcpu];
	uint32_t expected = (t->stop - t->start) / t->period;
	bool ok = t->ticks <= expected && t->ticks + TICK_SLACK >= expected;

	printf("pingpong: vCPU %u timer ticks %" PRIu32 " in %" PRIu32 " ms, expected %"
	       PRIu32 ": %s\n", vcpu, t->ticks, ms(t->stop - t->start), expected,
	       ok ? "ok" : "OUT OF RANGE");
}

int main(void)
{
	uint64_t now = timer_count();

	printf("pingpong: virtual time %s at main()\n",
	       ms(now) < NEAR_ZERO_MS ? "starts near 0" : "does NOT start near 0");
	if (irq_init()) {
		printf("pingpong: no GIC in the device tree\n");
		return EXIT_FAILURE;
	}
	irq_set_handler(SGI_PING, on_ping);
	irq_set_handler(SGI_PONG, on_pong);
	irq_set_handler(IRQ_PPI_VTIMER, on_tick);
	for (unsigned int i = 0; i < BURST; i++)
		irq_set_handler(burst_sgi(i), on_burst);
	irq_set_handler(SGI_SELF, on_self);
	irq_enable(SGI_PONG, PRIO_SGI);
	irq_enable(SGI_SELF, PRIO_SGI);
	ticker_start();
	irq_unmask();
	if (!start_vcpu1())
		return EXIT_FAILURE;
	ping_pong();
	burst();
	self_sgis();
	rtc_alarms();
	/* Let the timers run long enough for the tick counts to mean something */
	sleep_until(tickers[0].start + (uint64_t)timer_freq() * MIN_TICKING_MS / 1000);
	store(&stop_vcpu1, 1);
	irq_send_sgi(SGI_WAKE, 1u << 1);
	if (!wait_for(&vcpu1_done, 1, deadline_s(MAX_WAIT_S)))
		printf("pingpong: vCPU 1 never stopped\n");
	ticker_stop();
	report_ticks(0);
	report_ticks(1);
	return EXIT_SUCCESS;
}
