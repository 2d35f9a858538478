// SPDX-License-Identifier: MIT
/*
 * Unit tests of the health monitor (core/health.c): the one-line report,
 * and what the guest gets: the fault policy, or with unmapped-access =
 * "abort" an abort for accesses to addresses its partition does not map
 * (and only those).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>
#include <bulkhead/config.h>
#include <bulkhead/health.h>
#include <bulkhead/partition.h>

static struct cfg_partition cfg;
static struct partition part = { .name = "probe", .cfg = &cfg };
static struct vcpu vcpu = { .part = &part };

static char line[256];
static int policies;

void hv_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
}

void partition_fault_policy(struct partition *p)
{
	assert_ptr_equal(p, &part);
	policies++;
}

static int setup(void **state)
{
	(void)state;
	cfg.unmapped_access = UNMAPPED_FAULT;
	policies = 0;
	line[0] = 0;
	return 0;
}

static enum exit_action fault(enum fault_kind kind, const char *detail)
{
	return health_fault(&vcpu, kind, detail, 0x40000120, 0x30000000, 0x93800046);
}

/* The default: every fault is reported and gets the policy */
static void test_fault_policy(void **state)
{
	(void)state;
	assert_int_equal(fault(FAULT_UNMAPPED_ACCESS, "read"), EXIT_RESCHEDULE);
	assert_string_equal(line, "probe: access to unmapped address (read) pc=0x40000120 "
			    "addr=0x30000000 syndrome=0x93800046");
	assert_int_equal(fault(FAULT_INSTRUCTION_FETCH, NULL), EXIT_RESCHEDULE);
	assert_string_equal(line, "probe: instruction fetch from unmapped address "
			    "pc=0x40000120 addr=0x30000000 syndrome=0x93800046");
	assert_int_equal(policies, 2);
}

/* "abort": unmapped data and instruction accesses go back to the guest */
static void test_abort_unmapped(void **state)
{
	(void)state;
	cfg.unmapped_access = UNMAPPED_ABORT;
	assert_int_equal(fault(FAULT_UNMAPPED_ACCESS, "write"), EXIT_ABORT);
	assert_string_equal(line, "probe: access to unmapped address (write) pc=0x40000120 "
			    "addr=0x30000000 syndrome=0x93800046, abort delivered to the guest");
	assert_int_equal(fault(FAULT_INSTRUCTION_FETCH, NULL), EXIT_ABORT);
	assert_int_equal(policies, 0);
}

/* ... but nothing else: the address is there, or it is no access at all */
static void test_abort_only_unmapped(void **state)
{
	static const enum fault_kind others[] = {
		FAULT_UNDECODABLE_ACCESS, FAULT_UNHANDLED_EXCEPTION,
		FAULT_TRAPPED_INSTRUCTION, FAULT_BAD_HYPERCALL, FAULT_BAD_HYPERCALL_ARG,
	};

	(void)state;
	cfg.unmapped_access = UNMAPPED_ABORT;
	for (unsigned int i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		assert_int_equal(fault(others[i], NULL), EXIT_RESCHEDULE);
		assert_null(strstr(line, "abort delivered"));
	}
	assert_int_equal(policies, 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_fault_policy, setup),
		cmocka_unit_test_setup(test_abort_unmapped, setup),
		cmocka_unit_test_setup(test_abort_only_unmapped, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
