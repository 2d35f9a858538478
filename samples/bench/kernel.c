// SPDX-License-Identifier: MIT
/*
 * The CPU and memory kernel behind guest_overhead: the same object file
 * is linked into the benchmark guest (run in a partition) and into the
 * native image (run on QEMU without the hypervisor), so the two counts
 * differ only by what the hypervisor adds while it runs.
 *
 * A multiply of two KERNEL_N x KERNEL_N matrices, then KERNEL_COPIES
 * memcpy() of the result, each into the next buffer; KERNEL_PASSES times.
 * The inputs are made here from their indices, so nothing depends on what
 * was in RAM. The callers run it with tick.h's 1 kHz tick.
 */
#include <string.h>

#include "pmu.h"

#define KERNEL_N		32
#define KERNEL_COPIES		16
/* About 23 ms of virtual time: 23 ticks of tick.c */
#define KERNEL_PASSES		100

typedef uint32_t matrix_t[KERNEL_N][KERNEL_N];

/*
 * Cache-line aligned so that both links place them alike: newlib's memcpy
 * takes a different path for differently aligned buffers, and that alone
 * once made the partition's count 272 instructions larger than native's.
 */
static __attribute__((aligned(64))) matrix_t a, b, product, copy[2];

static void fill_inputs(void)
{
	for (unsigned int i = 0; i < KERNEL_N; i++)
		for (unsigned int j = 0; j < KERNEL_N; j++) {
			a[i][j] = i * 7 + j + 1;
			b[i][j] = (i ^ j) + 3;
		}
}

static void multiply(void)
{
	for (unsigned int i = 0; i < KERNEL_N; i++)
		for (unsigned int j = 0; j < KERNEL_N; j++) {
			uint32_t sum = 0;

			for (unsigned int k = 0; k < KERNEL_N; k++)
				sum += a[i][k] * b[k][j];
			product[i][j] = sum;
		}
}

static uint32_t one_pass(void)
{
	uint32_t sum = 0;

	fill_inputs();
	multiply();
	memcpy(copy[0], product, sizeof(product));
	for (unsigned int i = 1; i < KERNEL_COPIES; i++)
		memcpy(copy[i % 2], copy[(i - 1) % 2], sizeof(product));
	for (unsigned int i = 0; i < KERNEL_N; i++)
		sum = sum * 31 + copy[(KERNEL_COPIES - 1) % 2][i][i];
	return sum;
}

uint32_t compute_kernel(uint32_t *checksum)
{
	uint32_t start = pmu_cycles(), sum = 0;

	for (unsigned int pass = 0; pass < KERNEL_PASSES; pass++)
		sum = sum * 33 + one_pass();
	*checksum = sum;
	return pmu_cycles() - start;
}
