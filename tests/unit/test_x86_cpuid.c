// SPDX-License-Identifier: MIT
/* The CPUID a guest sees (ports/x86/cpuid_filter.c), from made-up host answers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include <asm/cpuid.h>

static const struct cpuid_vcpu vcpu1_of_2 = { .index = 1, .count = 2, .cr4 = 0 };

static void test_hypervisor_leaves(void **state)
{
	struct cpuid_regs r = { 0xdead, 0xbeef, 0xcafe, 0xf00d };
	char sig[13] = "";

	(void)state;
	cpuid_filter(0x40000000, &vcpu1_of_2, &r);
	assert_int_equal(r.eax, 0x40000000);
	memcpy(sig, &r.ebx, 4);
	memcpy(sig + 4, &r.ecx, 4);
	memcpy(sig + 8, &r.edx, 4);
	assert_string_equal(sig, "Bulkhead");
	r = (struct cpuid_regs){ 1, 2, 3, 4 };
	cpuid_filter(0x40000001, &vcpu1_of_2, &r);
	assert_int_equal(r.eax | r.ebx | r.ecx | r.edx, 0);
	r = (struct cpuid_regs){ 1, 2, 3, 4 };
	cpuid_filter(0x4fffffff, &vcpu1_of_2, &r);
	assert_int_equal(r.eax | r.ebx | r.ecx | r.edx, 0);
}

static void test_no_svm(void **state)
{
	struct cpuid_regs r = { 0, 0, 0xffffffff, 0xffffffff };

	(void)state;
	cpuid_filter(0x80000001, &vcpu1_of_2, &r);
	assert_int_equal(r.ecx, 0xfffffffb);	/* bit 2, SVM */
	assert_int_equal(r.edx, 0xffffffff);
	r = (struct cpuid_regs){ 1, 16, 0, 1 };
	cpuid_filter(0x8000000a, &vcpu1_of_2, &r);
	assert_int_equal(r.eax | r.ebx | r.ecx | r.edx, 0);
}

static void test_basic_features(void **state)
{
	struct cpuid_regs r = { 0x663, 0x07020800, 0x80a02209, 0x0788fbff };
	const struct cpuid_vcpu alone = { .index = 0, .count = 1, .cr4 = 1ull << 18 };

	(void)state;
	cpuid_filter(1, &vcpu1_of_2, &r);
	assert_int_equal(r.eax, 0x663);
	/* APIC ID 1, 2 logical CPUs, CLFLUSH and brand kept */
	assert_int_equal(r.ebx, 0x01020800);
	/* MONITOR (3) gone, hypervisor (31) set, x2APIC (21), SSE3 (0) kept */
	assert_int_equal(r.ecx, 0x80a02201);
	/* APIC (9) kept, HTT (28) for two vCPUs */
	assert_int_equal(r.edx, 0x1788fbff);

	r = (struct cpuid_regs){ 0, 0, 1u << 5 | 1u << 24, 1u << 28 };
	cpuid_filter(1, &alone, &r);
	/* VMX and TSC deadline gone; OSXSAVE as the guest's CR4 says; x2APIC set */
	assert_int_equal(r.ecx, 0x80000000u | 1u << 27 | 1u << 21);
	assert_int_equal(r.edx, 1u << 28 | 1u << 9);	/* HTT as the host says, APIC set */
	assert_int_equal(r.ebx >> 16, 1);
}

static void test_topology_and_others(void **state)
{
	struct cpuid_regs r = { 1, 2, 0x100, 7 };

	(void)state;
	cpuid_filter(0xb, &vcpu1_of_2, &r);
	assert_int_equal(r.edx, 1);
	assert_int_equal(r.ecx, 0x100);
	r = (struct cpuid_regs){ 0xd, 0x68747541, 0x444d4163, 0x69746e65 };
	cpuid_filter(0, &vcpu1_of_2, &r);
	assert_int_equal(r.eax, 0xd);
	assert_int_equal(r.ebx, 0x68747541);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hypervisor_leaves),
		cmocka_unit_test(test_no_svm),
		cmocka_unit_test(test_basic_features),
		cmocka_unit_test(test_topology_and_others),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
