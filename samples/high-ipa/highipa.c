// SPDX-License-Identifier: MIT
/*
 * high-ipa: one image, two partitions.
 *
 * "highipa" (unmapped-access = "abort") turns its stage-1 MMU on with long
 * descriptors and maps windows of virtual addresses onto guest-physical
 * addresses (IPAs) above 4 GiB that its partition does not map: 4 GiB +
 * its UART, its GIC distributor and its RAM, the top of the 40 bits, and
 * 0xff << 32 + its UART. It loads from and stores to each, and fetches
 * from one: each must come back as an external abort at its own vector,
 * the hypervisor naming the full IPA. Were the IPA cut to 32 bits the
 * access would reach the device at the low address, which answers it
 * (no abort) or prints what was stored. A window onto its second RAM
 * region, at IPA 4 GiB, must work as memory. Then the same with short
 * descriptors, through supersections, whose output has 40 bits too.
 *
 * "strict" (bootargs mode=strict, the default unmapped-access) stores to
 * 4 GiB + its UART once: a fault, and its policy halts it.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "../unmapped-abort/probes.h"
#include "guest.h"
#include "stage1.h"

/* Stored through the windows onto the UART: printed, were they done */
#define LEAK_HIGHIPA		'X'
#define LEAK_STRICT		'Z'

/* One probe: an access to @va, which the guest's stage 1 maps to @ipa */
struct probe {
	const char *what;
	uint32_t va;
	uint64_t ipa;
	uint32_t kind;
	bool write;
};

static uint32_t probe_lr(const struct probe *p)
{
	if (p->kind == ABORT_PREFETCH)
		return p->va + 4;
	return (uint32_t)(uintptr_t)(p->write ? probe_store_insn : probe_load_insn) + 8;
}

/* Make the access; one line: the abort it must have given, or what it did */
static bool run_probe(const struct probe *p, bool lpae)
{
	uint32_t fsr = (lpae ? FSR_EXTABT_LPAE : FSR_EXTABT) | (p->write ? DFSR_WNR : 0);
	uint32_t before = seen.count, value = LOAD_UNTOUCHED;
	bool ok;

	if (p->kind == ABORT_PREFETCH)
		probe_fetch(p->va);
	else if (p->write)
		probe_store(p->va, LEAK_HIGHIPA);
	else
		value = probe_load(p->va);
	ok = seen.count == before + 1 && seen.kind == p->kind && seen.fsr == fsr &&
	     seen.far == p->va && seen.lr == probe_lr(p) && value == LOAD_UNTOUCHED;
	if (ok)
		printf("highipa: %s 0x%08" PRIx32 " (IPA 0x%llx): abort at its "
		       "vector, FSR 0x%03" PRIx32 ", FAR 0x%08" PRIx32 "\n", p->what, p->va,
		       p->ipa, seen.fsr, seen.far);
	else
		printf("highipa: %s 0x%08" PRIx32 " (IPA 0x%llx): NOT as expected: "
		       "%" PRIu32 " aborts, FSR 0x%03" PRIx32 ", FAR 0x%08" PRIx32
		       ", LR_abt 0x%08" PRIx32 ", loaded 0x%08" PRIx32 "\n", p->what, p->va,
		       p->ipa, seen.count - before, seen.fsr, seen.far, seen.lr, value);
	return ok;
}

static int run_probes(const struct probe *p, unsigned int n, bool lpae)
{
	int failed = 0;

	for (; n; n--, p++)
		failed += !run_probe(p, lpae);
	return failed;
}

/* The partition's RAM at IPA 4 GiB, through its window: plain memory */
static int high_ram_check(void)
{
	volatile uint32_t *w = (volatile uint32_t *)LONG_VA(RAM_HIGH);
	uint32_t i, bad = 0;

	for (i = 0; i < 1024; i++)
		w[i] = 0x1000u * i ^ 0x5a5a5a5au;
	for (i = 0; i < 1024; i++)
		bad += w[i] != (0x1000u * i ^ 0x5a5a5a5au);
	printf("highipa: its RAM at IPA 0x%llx through 0x%08" PRIx32 ": %s\n",
	       RAM_HIGH_IPA, LONG_VA(RAM_HIGH), bad ? "NOT read back" : "4 KiB read back");
	return bad != 0;
}

static int long_descriptor_probes(void)
{
	const struct probe probes[] = {
		{ "load from", LONG_VA(UART_HIGH) + 0x18, UART_HIGH_IPA + 0x18, ABORT_DATA, false },
		{ "store to", LONG_VA(UART_HIGH), UART_HIGH_IPA, ABORT_DATA, true },
		{ "load from", LONG_VA(GICD_HIGH) + 0x4, GICD_HIGH_IPA + 0x4, ABORT_DATA, false },
		{ "load from", LONG_VA(RAM_ALIAS) + 0x1230, RAM_ALIAS_IPA + 0x1230, ABORT_DATA, false },
		{ "store to", LONG_VA(RAM_ALIAS) + 0x1234, RAM_ALIAS_IPA + 0x1234, ABORT_DATA,
		  true },
		{ "fetch from", LONG_VA(RAM_ALIAS) + 0x100, RAM_ALIAS_IPA + 0x100,
		  ABORT_PREFETCH, false },
		{ "load from", LONG_VA(TOP) + 0x1ff000, TOP_IPA + 0x1ff000, ABORT_DATA, false },
		{ "store to", LONG_VA(TOP) + 0x1ffffc, TOP_IPA + 0x1ffffc, ABORT_DATA, true },
		{ "store to", LONG_VA(UART_TOP), UART_TOP_IPA, ABORT_DATA, true },
	};
	int failed;

	stage1_long_on();
	printf("highipa: stage 1 on, long descriptors\n");
	failed = high_ram_check();
	failed += run_probes(probes, sizeof(probes) / sizeof(probes[0]), true);
	stage1_off();
	return failed;
}

static int supersection_probes(void)
{
	const struct probe probes[] = {
		{ "load from", SHORT_VA(SS_UART_HIGH) + 0x18, UART_HIGH_IPA + 0x18, ABORT_DATA, false },
		{ "store to", SHORT_VA(SS_UART_TOP), UART_TOP_IPA, ABORT_DATA, true },
	};
	int failed;

	stage1_short_on();
	printf("highipa: stage 1 on, short descriptors with supersections\n");
	failed = run_probes(probes, sizeof(probes) / sizeof(probes[0]), false);
	stage1_off();
	return failed;
}

static int strict(void)
{
	stage1_long_on();
	printf("strict: store to 0x%08" PRIx32 " (IPA 0x%llx"
	       "), unmapped-access default\n", LONG_VA(UART_HIGH), UART_HIGH_IPA);
	probe_store(LONG_VA(UART_HIGH), LEAK_STRICT);
	printf("strict: store to IPA 0x%llx NOT contained\n", UART_HIGH_IPA);
	return EXIT_FAILURE;
}

int main(void)
{
	int failed;

	if (bootarg_is("mode", "strict"))
		return strict();
	probes_install();
	failed = long_descriptor_probes() + supersection_probes();
	if (failed) {
		printf("highipa: %d probes NOT as expected\n", failed);
		return EXIT_FAILURE;
	}
	printf("highipa: %" PRIu32 " aborts taken at its own vectors, restart count %" PRIu32
	       ": no fault policy applied\n", seen.count, guest.restarts);
	return EXIT_SUCCESS;
}
