// SPDX-License-Identifier: MIT
/*
 * unmapped-abort: one image, two partitions.
 *
 * "prober" (unmapped-access = "abort") installs its own abort handlers
 * (probes.S) and touches addresses its partition does not map: a load, a
 * store, instruction fetches, a Thumb load, then the same with Thumb
 * exception entry (SCTLR.TE) and with the high vectors (SCTLR.V). Each
 * must arrive at its own vector as an external abort with the right
 * status, fault address, return address and saved PSR, and the partition
 * goes on with no fault policy. Last it points VBAR at unmapped memory,
 * so that the abort's vector itself faults: that is a crash, and its
 * policy "restart" restarts it once; the second boot only says so.
 *
 * "strict" (bootargs mode=strict, the default unmapped-access) makes the
 * first load only: it gets a fault, and its policy halts it.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest.h"
#include "probes.h"

#define UNMAPPED		0x30000000u	/* nothing of the partition's here */
#define UNMAPPED_VBAR		0x30100000u
#define HIGH_VECTORS		0xffff0000u	/* a RAM region of its own (config) */

#define SCTLR_V			(1u << 13)
#define SCTLR_TE		(1u << 30)
#define TTBCR_EAE		(1u << 31)
#define PSR_MODE_ABT		0x17u
#define PSR_T			(1u << 5)
#define PSR_F			(1u << 6)
#define PSR_I			(1u << 7)
#define PSR_A			(1u << 8)
#define PSR_CONTROL		0x1ffu		/* A I F T and the mode */

#define CP15_RW(name, crn, opc1, crm, opc2)					\
static inline uint32_t read_##name(void)					\
{										\
	uint32_t v;								\
										\
	__asm__ volatile("mrc p15, " #opc1 ", %0, " #crn ", " #crm ", " #opc2	\
			 : "=r"(v));						\
	return v;								\
}										\
static inline void write_##name(uint32_t v)					\
{										\
	__asm__ volatile("mcr p15, " #opc1 ", %0, " #crn ", " #crm ", " #opc2	\
			 "\n\tisb" :: "r"(v) : "memory");			\
}

CP15_RW(sctlr, c1, 0, c0, 0)
CP15_RW(ttbcr, c2, 0, c0, 2)
CP15_RW(vbar, c12, 0, c0, 0)

static uint32_t read_cpsr(void)
{
	uint32_t v;

	__asm__ volatile("mrs %0, cpsr" : "=r"(v));
	return v;
}

/* What one probe must have produced */
struct expected {
	const char *what;
	uint32_t kind;
	uint32_t lr;		/* LR_abt */
	bool thumb;		/* the probing code ran in Thumb state */
	uint32_t fsr;
	uint32_t far;
};

static const char *const kind_names[] = { "data abort", "prefetch abort" };

/* One line: what arrived, and whether it is what the architecture says */
static bool check(const struct expected *x, uint32_t count_before)
{
	uint32_t probe_psr = (read_cpsr() & (PSR_A | PSR_I | PSR_F)) | MODE_SVC |
			     (x->thumb ? PSR_T : 0);
	uint32_t handler_psr = PSR_MODE_ABT | PSR_I | PSR_A | (probe_psr & PSR_F);
	bool ok = seen.count == count_before + 1 && seen.kind == x->kind &&
		  seen.lr == x->lr && (seen.spsr & PSR_CONTROL) == probe_psr &&
		  (seen.cpsr & (PSR_CONTROL & ~PSR_T)) == handler_psr &&
		  seen.fsr == x->fsr && seen.far == x->far;
	const char *fsr = x->kind == ABORT_DATA ? "DFSR" : "IFSR";
	const char *far = x->kind == ABORT_DATA ? "DFAR" : "IFAR";

	if (ok) {
		printf("prober: %s: %s at its vector, %s 0x%03" PRIx32 ", %s 0x%08" PRIx32
		       ", LR_abt 0x%08" PRIx32 ", SPSR_abt mode 0x%02" PRIx32 "%s\n",
		       x->what, kind_names[x->kind], fsr, seen.fsr, far, seen.far,
		       seen.lr, seen.spsr & 0x1f, x->thumb ? " Thumb" : "");
		return true;
	}
	printf("prober: %s: NOT as expected: %" PRIu32 " aborts, kind %" PRIu32
	       ", LR_abt 0x%08" PRIx32 " (want 0x%08" PRIx32 "), SPSR 0x%08" PRIx32
	       ", CPSR 0x%08" PRIx32 ", FSR 0x%03" PRIx32 " (want 0x%03" PRIx32
	       "), FAR 0x%08" PRIx32 "\n", x->what, seen.count - count_before, seen.kind,
	       seen.lr, x->lr, seen.spsr, seen.cpsr, seen.fsr, x->fsr, seen.far);
	return false;
}

static uint32_t insn_addr(const char *label)
{
	return (uint32_t)(uintptr_t)label & ~1u;
}

/* Short-descriptor status first, then LPAE's (TTBCR.EAE: MMU off, still honoured) */
static int data_probes(void)
{
	const struct expected load = {
		"load from 0x30000000", ABORT_DATA, insn_addr(probe_load_insn) + 8,
		false, FSR_EXTABT, UNMAPPED,
	}, store = {
		"store to 0x30000004, LPAE format", ABORT_DATA,
		insn_addr(probe_store_insn) + 8, false,
		FSR_EXTABT_LPAE | DFSR_WNR, UNMAPPED + 4,
	}, thumb = {
		"Thumb load from 0x30000010", ABORT_DATA,
		insn_addr(probe_load_thumb_insn) + 8, true, FSR_EXTABT, UNMAPPED + 0x10,
	};
	uint32_t n = seen.count, value;
	int failed = 0;

	value = probe_load(load.far);
	failed += !check(&load, n) || value != LOAD_UNTOUCHED;
	n = seen.count;
	write_ttbcr(TTBCR_EAE);
	probe_store(store.far, 0xdeadbeefu);
	write_ttbcr(0);
	failed += !check(&store, n);
	n = seen.count;
	value = probe_load_thumb(thumb.far);
	failed += !check(&thumb, n) || value != LOAD_UNTOUCHED;
	return failed;
}

static int fetch_probes(void)
{
	const struct expected fetch = {
		"instruction fetch from 0x30000008", ABORT_PREFETCH, UNMAPPED + 0xc,
		false, FSR_EXTABT, UNMAPPED + 8,
	}, fetch_lpae = {
		"instruction fetch from 0x3000000c, LPAE format", ABORT_PREFETCH,
		UNMAPPED + 0x10, false, FSR_EXTABT_LPAE, UNMAPPED + 0xc,
	};
	uint32_t n = seen.count;
	int failed = 0;

	probe_fetch(fetch.far);
	failed += !check(&fetch, n);
	n = seen.count;
	write_ttbcr(TTBCR_EAE);
	probe_fetch(fetch_lpae.far);
	write_ttbcr(0);
	failed += !check(&fetch_lpae, n);
	return failed;
}

/* SCTLR.TE: the abort enters its vector in Thumb state */
static int thumb_vector_probe(void)
{
	const struct expected load = {
		"load from 0x30000014, SCTLR.TE set", ABORT_DATA,
		insn_addr(probe_load_insn) + 8, false, FSR_EXTABT, UNMAPPED + 0x14,
	};
	uint32_t n = seen.count, thumb_before = thumb_entries, sctlr = read_sctlr(), value;
	bool ok;

	write_vbar((uintptr_t)probe_thumb_vectors);
	write_sctlr(sctlr | SCTLR_TE);
	value = probe_load(load.far);
	write_sctlr(sctlr);
	write_vbar((uintptr_t)probe_vectors);
	ok = check(&load, n) && value == LOAD_UNTOUCHED;
	if (thumb_entries != thumb_before + 1) {
		printf("prober: the Thumb vector ran %" PRIu32 " times: NOT as expected\n",
		       thumb_entries - thumb_before);
		ok = false;
	}
	return !ok;
}

/*
 * SCTLR.V: the vectors at 0xffff0000 (a copy of probe_vectors), whatever
 * VBAR says; VBAR meanwhile points where nothing is, so that vectors
 * taken from it would fault.
 */
static int high_vector_probe(void)
{
	const struct expected load = {
		"load from 0x30000018, SCTLR.V set", ABORT_DATA,
		insn_addr(probe_load_insn) + 8, false, FSR_EXTABT, UNMAPPED + 0x18,
	};
	uint32_t n = seen.count, sctlr = read_sctlr(), value;

	memcpy((void *)HIGH_VECTORS, probe_vectors, probe_vectors_end - probe_vectors);
	__asm__ volatile("dsb\n\tmcr p15, 0, %0, c7, c5, 0\n\tisb"	/* ICIALLU */
			 :: "r"(0) : "memory");
	write_vbar(UNMAPPED_VBAR);
	write_sctlr(sctlr | SCTLR_V);
	value = probe_load(load.far);
	write_sctlr(sctlr);
	write_vbar((uintptr_t)probe_vectors);
	return !check(&load, n) || value != LOAD_UNTOUCHED;
}

/* Its abort vector unmapped: the hypervisor must apply the fault policy. */
static int abort_without_vector(void)
{
	printf("prober: %" PRIu32 " aborts taken at its own vectors, restart count %" PRIu32
	       ": no fault policy applied\n", seen.count, guest.restarts);
	printf("prober: VBAR at 0x%08x, where nothing is mapped; loading from 0x%08x\n",
	       UNMAPPED_VBAR, UNMAPPED);
	write_vbar(UNMAPPED_VBAR);
	probe_load(UNMAPPED);
	printf("prober: abort with no vector NOT contained\n");
	return EXIT_FAILURE;
}

static int strict(void)
{
	printf("strict: load from 0x%08x, unmapped-access default\n", UNMAPPED);
	probe_load(UNMAPPED);
	printf("strict: load from an unmapped address NOT contained\n");
	return EXIT_FAILURE;
}

int main(void)
{
	int failed;

	if (bootarg_is("mode", "strict"))
		return strict();
	if (guest.restarts) {
		printf("prober: restarted after its abort vector faulted, restart count %"
		       PRIu32 "\n", guest.restarts);
		return EXIT_SUCCESS;
	}
	probes_install();
	failed = data_probes() + fetch_probes() + thumb_vector_probe() + high_vector_probe();
	if (failed) {
		printf("prober: %d probes NOT as expected\n", failed);
		return EXIT_FAILURE;
	}
	return abort_without_vector();
}
