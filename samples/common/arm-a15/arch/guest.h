/* SPDX-License-Identifier: MIT */
/*
 * The Cortex-A15 side of samples/common/guest.h: the instructions the
 * runtime and the samples need one by one.
 */
#ifndef SAMPLES_ARCH_GUEST_H
#define SAMPLES_ARCH_GUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* MPIDR of the running vCPU: Aff0 (bits 7:0) is its index in the partition. */
static inline uint32_t read_mpidr(void)
{
	uint32_t mpidr;

	__asm__ volatile("mrc p15, 0, %0, c0, c0, 5" : "=r"(mpidr));
	return mpidr;
}

/*
 * Device registers with one plain LDR/STR each: an emulated device's
 * access must be a single load or store the hypervisor can decode.
 */
static inline uint32_t mmio_read32(uintptr_t addr)
{
	uint32_t val;

	__asm__ volatile("ldr %0, [%1]" : "=r"(val) : "r"(addr) : "memory");
	return val;
}

static inline void mmio_write32(uintptr_t addr, uint32_t val)
{
	__asm__ volatile("str %0, [%1]" : : "r"(val), "r"(addr) : "memory");
}

static inline uint8_t mmio_read8(uintptr_t addr)
{
	uint8_t val;

	__asm__ volatile("ldrb %0, [%1]" : "=r"(val) : "r"(addr) : "memory");
	return val;
}

static inline void mmio_write8(uintptr_t addr, uint8_t val)
{
	__asm__ volatile("strb %0, [%1]" : : "r"(val), "r"(addr) : "memory");
}

/* Sleep until an interrupt is pending (WFI). */
static inline void cpu_wait(void)
{
	__asm__ volatile("wfi");
}

/* Every memory access before it completes before any after it (DSB). */
static inline void mem_barrier(void)
{
	__asm__ volatile("dsb" ::: "memory");
}

/* Other CPUs see every memory access before it before any after it (DMB). */
static inline void mem_order(void)
{
	__asm__ volatile("dmb" ::: "memory");
}

/*
 * Make [base, base + size) of the device tree's addresses reachable
 * before the first access: device registers (the address to use for
 * @base, 0 when they cannot be reached) or memory (true when it is
 * reachable at its own addresses). Guests run with the MMU off: every
 * address below 4 GiB is reachable already, at itself.
 */
static inline uintptr_t arch_map_device(uint64_t base, uint64_t size)
{
	(void)size;
	return base > UINTPTR_MAX ? 0 : (uintptr_t)base;
}

static inline bool arch_map_memory(uint64_t base, uint64_t size)
{
	return base <= UINTPTR_MAX && size <= UINTPTR_MAX - base + 1;
}

/*
 * The console when the device tree names no UART (syscalls.c): none on
 * this port, whose runtime then uses BH_HC_CONSOLE_WRITE.
 */
typedef void (*console_putc_t)(char c);
static inline console_putc_t arch_console_fallback(void)
{
	return NULL;
}

#endif
