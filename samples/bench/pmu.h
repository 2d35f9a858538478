/* SPDX-License-Identifier: MIT */
/*
 * The cycle counter, at one per instruction under QEMU -icount, for the
 * benchmark guest (bench.c) and its native twin (native.c) alike: both
 * run at PL1 and program the PMU directly (the partition's config says
 * pmu = "owned": the hypervisor does not trap it). PMCCFILTR.NSH makes it count HYP too, so a partition's count
 * includes whatever the hypervisor runs in between; natively there is no
 * HYP code to count.
 */
#ifndef SAMPLES_BENCH_PMU_H
#define SAMPLES_BENCH_PMU_H

#include <stdint.h>

/* PMCR: enable all counters, reset the cycle counter; PMCCFILTR.NSH: count HYP too. */
#define PMCR_E			(1u << 0)
#define PMCR_C			(1u << 2)
#define PMCNTEN_CYCLES		(1u << 31)
#define PMSELR_CYCLES		31
#define PMCCFILTR_NSH		(1u << 27)

static inline void pmu_start(void)
{
	__asm__ volatile("mcr p15, 0, %0, c9, c12, 5\n\t"	/* PMSELR */
			 "isb\n\t"
			 "mcr p15, 0, %1, c9, c13, 1\n\t"	/* PMXEVTYPER = PMCCFILTR */
			 "mcr p15, 0, %2, c9, c12, 0\n\t"	/* PMCR */
			 "mcr p15, 0, %3, c9, c12, 1\n\t"	/* PMCNTENSET */
			 "isb"
			 :: "r"(PMSELR_CYCLES), "r"(PMCCFILTR_NSH),
			    "r"(PMCR_E | PMCR_C), "r"(PMCNTEN_CYCLES) : "memory");
}

static inline uint32_t pmu_cycles(void)
{
	uint32_t count;

	__asm__ volatile("isb\n\tmrc p15, 0, %0, c9, c13, 0" : "=r"(count) :: "memory");
	return count;
}

/*
 * The compute kernel (kernel.c): matrix multiplies and copies of their
 * result, the same object in the partition and natively. Returns the
 * instructions it took, interrupts included; *@checksum proves both did
 * the same work.
 */
uint32_t compute_kernel(uint32_t *checksum);

#endif
