// SPDX-License-Identifier: MIT
/*
 * Host tests of exit dispatch (core/run.c) and of power events and halts
 * (core/power.c): each exit kind reaches its handler; EXIT_PIO completes
 * like EXIT_MMIO; EXIT_POWER turns the vCPU off or stops or reboots its
 * partition, with the line its source asks for; EXIT_HALT turns the vCPU
 * off with a line saying why. EXIT_PIO and EXIT_HALT have no producer
 * yet (the x86 port will be the first); PSCI's calls on the Cortex-A15
 * and the shutdown and restart hypercalls are EXIT_POWER's.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <bulkhead/health.h>
#include <bulkhead/hypercall.h>
#include <bulkhead/partition.h>
#include <bulkhead/pio.h>
#include <bulkhead/port.h>

struct vcpu *cpu_vcpu[CFG_MAX_CPUS];
static struct partition part = { .name = "duo" };
static struct vcpu vcpu = { .part = &part, .index = 1, .state = VCPU_RUNNING };

/* What the handlers and the life cycle were asked to do */
static const char *handled;
static unsigned int completed, vcpus_off, stops, reboots;
static enum partition_state stopped_as;
static char log_line[160];
static unsigned int lines;

enum exit_action mmio_handle_exit(struct vcpu *v, struct vm_exit *e)
{
	(void)v; (void)e;
	handled = "mmio";
	return EXIT_RESUME;
}

enum exit_action pio_handle_exit(struct vcpu *v, struct vm_exit *e)
{
	assert_ptr_equal(v, &vcpu);
	handled = "pio";
	e->pio.value = 0x42;
	return EXIT_RESUME;
}

enum exit_action hypercall_handle(struct vcpu *v, struct vm_exit *e)
{
	(void)v; (void)e;
	handled = "hypercall";
	return EXIT_RESUME;
}

enum exit_action health_fault(struct vcpu *v, enum fault_kind kind, const char *detail,
			      uint64_t pc, uint64_t addr, uint64_t syndrome)
{
	(void)v; (void)kind; (void)detail; (void)pc; (void)addr; (void)syndrome;
	handled = "fault";
	return EXIT_RESCHEDULE;
}

void port_vcpu_complete_exit(struct vcpu *v, const struct vm_exit *e)
{
	(void)v;
	assert_int_equal(e->kind, EXIT_PIO);
	assert_int_equal(e->pio.value, 0x42);
	completed++;
}

void port_vcpu_inject_abort(struct vcpu *v, const struct vm_exit *e) { (void)v; (void)e; fail(); }
void port_vcpu_reset(struct vcpu *v, gpaddr_t entry, gpaddr_t fdt, uint64_t context)
{
	(void)v; (void)entry; (void)fdt; (void)context;
}
void port_vcpu_run(struct vcpu *v) { (void)v; }
void port_cpu_idle(void) { }

void vcpu_power_off_self(struct vcpu *v)
{
	assert_ptr_equal(v, &vcpu);
	vcpus_off++;
}

void partition_stop(struct partition *p, enum partition_state why)
{
	assert_ptr_equal(p, &part);
	stopped_as = why;
	stops++;
}

void partition_reboot(struct partition *p)
{
	assert_ptr_equal(p, &part);
	reboots++;
}

void hv_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(log_line, sizeof(log_line), fmt, ap);
	va_end(ap);
	lines++;
}

static int setup(void **state)
{
	(void)state;
	handled = NULL;
	completed = vcpus_off = stops = reboots = lines = 0;
	log_line[0] = '\0';
	return 0;
}

static void test_pio_is_dispatched_and_completed(void **state)
{
	struct vm_exit e = { .kind = EXIT_PIO, .pio = { .port = 0x3fd, .size = 1 } };

	(void)state;
	assert_true(core_exit_resumes(&vcpu, &e));
	assert_string_equal(handled, "pio");
	assert_int_equal(completed, 1);
	e.kind = EXIT_MMIO;
	assert_int_equal(core_handle_exit(&vcpu, &e), EXIT_RESUME);
	assert_string_equal(handled, "mmio");
}

static void test_power_events(void **state)
{
	struct vm_exit e = { .kind = EXIT_POWER,
			     .power = { .event = POWER_OFF, .source = "PSCI SYSTEM_OFF" } };

	(void)state;
	assert_false(core_exit_resumes(&vcpu, &e));	/* not completed: rescheduled */
	assert_int_equal(stops, 1);
	assert_int_equal(stopped_as, PART_OFF);
	assert_string_equal(log_line, "duo: PSCI SYSTEM_OFF: partition off");

	e.power.event = POWER_RESET;
	e.power.source = "PSCI SYSTEM_RESET";
	assert_int_equal(core_handle_exit(&vcpu, &e), EXIT_RESCHEDULE);
	assert_int_equal(reboots, 1);
	assert_string_equal(log_line, "duo: PSCI SYSTEM_RESET: rebooting partition");

	/* No source: no line of its own (PSCI CPU_OFF, the hypercalls) */
	e.power.event = POWER_VCPU_OFF;
	e.power.source = NULL;
	assert_int_equal(core_handle_exit(&vcpu, &e), EXIT_RESCHEDULE);
	assert_int_equal(vcpus_off, 1);
	assert_int_equal(lines, 2);
	assert_int_equal(partition_power_event(&vcpu, POWER_OFF, NULL), EXIT_RESCHEDULE);
	assert_int_equal(stops, 2);
	assert_int_equal(lines, 2);
	assert_int_equal(completed, 0);
	assert_int_equal(reboots + stops + vcpus_off, 4);
}

static void test_halt_turns_the_vcpu_off(void **state)
{
	struct vm_exit e = { .kind = EXIT_HALT, .pc = 0x100234,
			     .halt = { .why = "HLT with interrupts masked" } };

	(void)state;
	assert_false(core_exit_resumes(&vcpu, &e));
	assert_int_equal(vcpus_off, 1);
	assert_int_equal(stops + reboots + completed, 0);
	assert_string_equal(log_line,
			    "duo: vCPU 1 halted (HLT with interrupts masked) pc=0x00100234: vCPU off");
}

static void test_other_kinds(void **state)
{
	struct vm_exit e = { .kind = EXIT_HYPERCALL };

	(void)state;
	assert_int_equal(core_handle_exit(&vcpu, &e), EXIT_RESUME);
	assert_string_equal(handled, "hypercall");
	e.kind = EXIT_FAULT;
	assert_int_equal(core_handle_exit(&vcpu, &e), EXIT_RESCHEDULE);
	assert_string_equal(handled, "fault");
	e.kind = EXIT_NONE;
	handled = NULL;
	assert_false(core_exit_resumes(&vcpu, &e));
	assert_null(handled);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_pio_is_dispatched_and_completed, setup),
		cmocka_unit_test_setup(test_power_events, setup),
		cmocka_unit_test_setup(test_halt_turns_the_vcpu_off, setup),
		cmocka_unit_test_setup(test_other_kinds, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
