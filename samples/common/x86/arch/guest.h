/* SPDX-License-Identifier: MIT */
/*
 * The x86-64 side of samples/common/guest.h. A guest enters in 64-bit
 * mode at CPL 0 with paging on: the hypervisor's initial tables map
 * guest-physical [0, 4 GiB) to itself (docs/porting.md, "x86 guests"),
 * so everything the device tree names below 4 GiB is reachable as it is
 * and arch_map_device() and arch_map_memory() only check that. Device
 * registers take one plain mov each, which the hypervisor can decode;
 * port I/O takes one in or out, which exits to it.
 *
 * Exception vectors: start.S loads an IDT whose 32 exception vectors
 * report the vector, RIP, error code and CR2 with BH_HC_CONSOLE_WRITE
 * and shut the partition down (vectors.S, exception.c).
 */
#ifndef SAMPLES_ARCH_GUEST_H
#define SAMPLES_ARCH_GUEST_H

#include <stdbool.h>
#include <stdint.h>

/* What the hypervisor's initial tables map */
#define GUEST_MAPPED_END	(4ull << 30)

/*
 * The common code's name for the vCPU's identity (MPIDR on ARM, whose
 * Aff0 is the vCPU index): the initial APIC ID of CPUID leaf 1, which
 * the hypervisor makes the vCPU's index in its partition.
 */
static inline uint32_t read_mpidr(void)
{
	uint32_t eax = 1, ebx, ecx = 0, edx;

	__asm__ volatile("cpuid" : "+a"(eax), "=b"(ebx), "+c"(ecx), "=d"(edx));
	return ebx >> 24;
}

static inline uint32_t mmio_read32(uintptr_t addr)
{
	uint32_t val;

	__asm__ volatile("movl (%1), %0" : "=r"(val) : "r"(addr) : "memory");
	return val;
}

static inline void mmio_write32(uintptr_t addr, uint32_t val)
{
	__asm__ volatile("movl %0, (%1)" : : "r"(val), "r"(addr) : "memory");
}

static inline uint8_t mmio_read8(uintptr_t addr)
{
	uint8_t val;

	__asm__ volatile("movb (%1), %0" : "=q"(val) : "r"(addr) : "memory");
	return val;
}

static inline void mmio_write8(uintptr_t addr, uint8_t val)
{
	__asm__ volatile("movb %0, (%1)" : : "q"(val), "r"(addr) : "memory");
}

/* Port I/O: one IN or OUT of the size named */
static inline uint8_t io_read8(uint16_t port)
{
	uint8_t val;

	__asm__ volatile("inb %1, %0" : "=a"(val) : "Nd"(port) : "memory");
	return val;
}

static inline void io_write8(uint16_t port, uint8_t val)
{
	__asm__ volatile("outb %0, %1" : : "a"(val), "Nd"(port) : "memory");
}

static inline uint32_t io_read32(uint16_t port)
{
	uint32_t val;

	__asm__ volatile("inl %1, %0" : "=a"(val) : "Nd"(port) : "memory");
	return val;
}

static inline void io_write32(uint16_t port, uint32_t val)
{
	__asm__ volatile("outl %0, %1" : : "a"(val), "Nd"(port) : "memory");
}

/* HLT: the hypervisor idles the vCPU until it must look at it again */
static inline void cpu_wait(void)
{
	__asm__ volatile("hlt" ::: "memory");
}

static inline void mem_barrier(void)
{
	__asm__ volatile("mfence" ::: "memory");
}

/* x86 keeps stores in order but may pass a load ahead of an older store */
static inline void mem_order(void)
{
	__asm__ volatile("mfence" ::: "memory");
}

static inline uintptr_t arch_map_device(uint64_t base, uint64_t size)
{
	return base < GUEST_MAPPED_END && size <= GUEST_MAPPED_END - base ? (uintptr_t)base : 0;
}

static inline bool arch_map_memory(uint64_t base, uint64_t size)
{
	return base < GUEST_MAPPED_END && size <= GUEST_MAPPED_END - base;
}

/* From start.S, before guest_start(): the default exception vectors */
void vectors_init(void);

/*
 * The console when the device tree names no UART (syscalls.c): COM1's
 * 16550 at port 0x3f8 when one answers there (com1.c: its scratch
 * register keeps what is written, where a port with no device reads all
 * ones), as a PC's software finds it; else NULL, and the runtime uses
 * BH_HC_CONSOLE_WRITE. A console at io-ports has no device-tree node.
 */
typedef void (*console_putc_t)(char c);
console_putc_t arch_console_fallback(void);

#endif
