// SPDX-License-Identifier: MIT
/*
 * Host tests of interrupt delivery to a Book E guest
 * (ports/ppc-booke/reflect.c): for every interrupt, on e500v2 and
 * e500mc, which save registers it uses, the MSR it leaves, the vector,
 * and whether it sets ESR and DEAR; and when an asynchronous one may be
 * taken.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <asm/booke_vcpu.h>

#define PC	0x00100000u
#define OLD_MSR	(MSR_PR | MSR_EE | MSR_CE | MSR_ME | MSR_DE | MSR_IS | MSR_DS | \
		 MSR_FP | MSR_WE | MSR_UCLE)
#define ESR_IN	0x00800000u
#define DEAR_IN	0xdeadb000u

enum save { SRR, CSRR, MCSRR, DSRR };

struct exc_case {
	enum booke_exc exc;
	enum save save;
	uint32_t kept;		/* MSR bits of OLD_MSR the interrupt keeps */
	bool esr, dear;
};

#define BASE	(MSR_CE | MSR_ME | MSR_DE)

static const struct exc_case common[] = {
	{ BOOKE_EXC_DSI, SRR, BASE, true, true },
	{ BOOKE_EXC_ISI, SRR, BASE, true, false },
	{ BOOKE_EXC_EXTERNAL, SRR, BASE, false, false },
	{ BOOKE_EXC_ALIGNMENT, SRR, BASE, true, true },
	{ BOOKE_EXC_PROGRAM, SRR, BASE, true, false },
	{ BOOKE_EXC_FP_UNAVAIL, SRR, BASE, false, false },
	{ BOOKE_EXC_SYSCALL, SRR, BASE, false, false },
	{ BOOKE_EXC_AP_UNAVAIL, SRR, BASE, false, false },
	{ BOOKE_EXC_DECREMENTER, SRR, BASE, false, false },
	{ BOOKE_EXC_FIT, SRR, BASE, false, false },
	{ BOOKE_EXC_DTLB, SRR, BASE, true, true },
	{ BOOKE_EXC_ITLB, SRR, BASE, false, false },
	{ BOOKE_EXC_PERFMON, SRR, BASE, false, false },
};

/* Without E.ED, critical class interrupts clear DE too */
static const struct exc_case v2_only[] = {
	{ BOOKE_EXC_CRITICAL, CSRR, MSR_ME, false, false },
	{ BOOKE_EXC_WATCHDOG, CSRR, MSR_ME, false, false },
	{ BOOKE_EXC_DEBUG, CSRR, MSR_ME, false, false },
	{ BOOKE_EXC_MCHECK, MCSRR, 0, false, false },
	{ BOOKE_EXC_SPE_UNAVAIL, SRR, BASE, true, false },
	{ BOOKE_EXC_SPE_DATA, SRR, BASE, true, false },
	{ BOOKE_EXC_SPE_ROUND, SRR, BASE, true, false },
};

static const struct exc_case mc_only[] = {
	{ BOOKE_EXC_CRITICAL, CSRR, MSR_ME | MSR_DE, false, false },
	{ BOOKE_EXC_WATCHDOG, CSRR, MSR_ME | MSR_DE, false, false },
	{ BOOKE_EXC_DOORBELL_CRIT, CSRR, MSR_ME | MSR_DE, false, false },
	{ BOOKE_EXC_DEBUG, DSRR, MSR_CE | MSR_ME, false, false },
	{ BOOKE_EXC_MCHECK, MCSRR, MSR_DE, false, false },
	{ BOOKE_EXC_DOORBELL, SRR, BASE, false, false },
};

/* The SPE interrupts set ESR[SPV] whatever else the caller passes */
static uint32_t spv(enum booke_exc exc)
{
	return exc >= BOOKE_EXC_SPE_UNAVAIL && exc <= BOOKE_EXC_SPE_ROUND ? ESR_SPV : 0;
}

static void check(const struct booke_core *core, const struct exc_case *c)
{
	struct booke_vcpu v;
	uint32_t *saved[] = { &v.srr0, &v.csrr0, &v.mcsrr0, &v.dsrr0 };
	uint32_t *saved1[] = { &v.srr1, &v.csrr1, &v.mcsrr1, &v.dsrr1 };
	unsigned int i;

	booke_vcpu_reset(&v, core, 0, 0, 0);
	v.ivpr = 0xc0000000;
	for (i = 0; i < BOOKE_NR_IVOR; i++)
		v.ivor[i] = 0x100 + 0x10 * i;
	v.pc = PC;
	v.msr = OLD_MSR & core->msr_bits;
	v.esr = 1;
	v.dear = 2;
	booke_reflect(&v, c->exc, ESR_IN, DEAR_IN);

	assert_int_equal(v.pc, 0xc0000100 + 0x10 * c->exc);
	assert_int_equal(v.msr, OLD_MSR & core->msr_bits & c->kept);
	for (i = 0; i < ARRAY_SIZE(saved); i++) {
		assert_int_equal(*saved[i], i == c->save ? PC : 0);
		assert_int_equal(*saved1[i], i == c->save ? (OLD_MSR & core->msr_bits) : 0);
	}
	if (c->save == MCSRR) {
		assert_int_equal(v.mcsr, ESR_IN);
		assert_int_equal(v.mcar, DEAR_IN);
	}
	assert_int_equal(v.esr, c->esr ? ESR_IN | spv(c->exc) : 1);
	assert_int_equal(v.dear, c->dear ? DEAR_IN : 2);
}

static void check_all(const struct booke_core *core, const struct exc_case *cases,
		      size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		print_message("%s exception %d\n", core->name, cases[i].exc);
		check(core, &cases[i]);
	}
}

static void test_classes_v2(void **state)
{
	(void)state;
	check_all(&e500v2_core, common, ARRAY_SIZE(common));
	check_all(&e500v2_core, v2_only, ARRAY_SIZE(v2_only));
}

static void test_classes_mc(void **state)
{
	(void)state;
	check_all(&e500mc_core, common, ARRAY_SIZE(common));
	check_all(&e500mc_core, mc_only, ARRAY_SIZE(mc_only));
}

/* E500CORERM 2.7.1.6: SPE unavailable leaves ESR = SPV even when passed 0 */
static void test_spe_sets_spv(void **state)
{
	struct booke_vcpu v;

	(void)state;
	booke_vcpu_reset(&v, &e500v2_core, 0, 0, 0);
	v.esr = ESR_ST;
	booke_reflect(&v, BOOKE_EXC_SPE_UNAVAIL, 0, 0);
	assert_int_equal(v.esr, ESR_SPV);
}

/*
 * A bus error's machine check as each core reports it: e500v2's bus
 * address error bits, e500mc's error reports with MCAR valid and
 * effective (the bits Linux's machine_check_e500/_e500mc decode).
 */
static void test_bus_error_mcsr(void **state)
{
	static const uint32_t v2[] = { 0x40, 0x20, 0x80 };
	static const uint32_t mc[] = { 0x000c8000, 0x000c4000, 0x000d0000 };
	struct booke_vcpu v;
	unsigned int i;

	(void)state;
	for (i = 0; i < BOOKE_NR_ACCESS; i++) {
		assert_int_equal(e500v2_core.mcsr_bus_error[i], v2[i]);
		assert_int_equal(e500mc_core.mcsr_bus_error[i], mc[i]);
	}
	booke_vcpu_reset(&v, &e500mc_core, 0, 0, 0);
	v.msr = MSR_ME;
	booke_reflect(&v, BOOKE_EXC_MCHECK, v.core->mcsr_bus_error[BOOKE_ACCESS_STORE], DEAR_IN);
	assert_int_equal(v.mcsr, MCSR_ST | MCSR_MAV | MCSR_MEA);
	assert_int_equal(v.mcar, DEAR_IN);
}

/* A vector is IVPR[0:15] | IVORn[16:27]: the low bits of each are ignored */
static void test_vector(void **state)
{
	struct booke_vcpu v;

	(void)state;
	booke_vcpu_reset(&v, &e500mc_core, 0, 0, 0);
	v.ivpr = 0xc000ffff;
	v.ivor[BOOKE_EXC_SYSCALL] = 0xffff0c0f;
	booke_reflect(&v, BOOKE_EXC_SYSCALL, 0, 0);
	assert_int_equal(v.pc, 0xc0000c00);
}

static void test_may_take(void **state)
{
	struct booke_vcpu v;

	(void)state;
	booke_vcpu_reset(&v, &e500mc_core, 0, 0, 0);
	assert_false(booke_irq_may_take(&v, BOOKE_EXC_EXTERNAL));
	assert_false(booke_irq_may_take(&v, BOOKE_EXC_DECREMENTER));
	assert_false(booke_irq_may_take(&v, BOOKE_EXC_WATCHDOG));
	assert_true(booke_irq_may_take(&v, BOOKE_EXC_PROGRAM));
	v.msr = MSR_EE;
	assert_true(booke_irq_may_take(&v, BOOKE_EXC_EXTERNAL));
	assert_true(booke_irq_may_take(&v, BOOKE_EXC_DECREMENTER));
	assert_true(booke_irq_may_take(&v, BOOKE_EXC_DOORBELL));
	assert_false(booke_irq_may_take(&v, BOOKE_EXC_CRITICAL));
	v.msr = MSR_CE;
	assert_true(booke_irq_may_take(&v, BOOKE_EXC_CRITICAL));
	assert_true(booke_irq_may_take(&v, BOOKE_EXC_WATCHDOG));
	assert_false(booke_irq_may_take(&v, BOOKE_EXC_FIT));
	assert_false(booke_irq_may_take(&v, BOOKE_EXC_MCHECK));
	v.msr = MSR_ME | MSR_DE;
	assert_true(booke_irq_may_take(&v, BOOKE_EXC_MCHECK));
	assert_true(booke_irq_may_take(&v, BOOKE_EXC_DEBUG));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_classes_v2),
		cmocka_unit_test(test_classes_mc),
		cmocka_unit_test(test_spe_sets_spv),
		cmocka_unit_test(test_bus_error_mcsr),
		cmocka_unit_test(test_vector),
		cmocka_unit_test(test_may_take),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
