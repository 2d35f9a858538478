/* SPDX-License-Identifier: MIT */
/*
 * The Book E (e500mc, e500v2) side of samples/common/guest.h: the
 * instructions the runtime and the samples need one by one, the guest's
 * own TLB entries for what its device tree names, and its exception
 * vectors.
 *
 * A guest runs in its (virtual) supervisor state with translation always
 * on: at entry only TLB1 entry 0, the ePAPR initial mapped area, maps
 * guest-virtual 0 onto guest-physical 0 (guest RAM starts at 0). Whatever
 * lies outside it must get a TLB entry before the first access:
 * arch_map_device() and arch_map_memory() write the next free TLB1
 * entries (mmu.c). The runtime calls them for the device tree, RAM and
 * the console; a sample calls them for any other address its device tree
 * gives it (the shared memory of doorbell_find() is mapped already).
 *
 * Exception vectors: IVPR is the image's first byte (__image_start, 64
 * KiB aligned since guest RAM starts at 0) and every IVOR an offset from
 * it, so every vector must lie in the image's first 64 KiB: code for
 * vectors goes in a section named .text.vectors.<name>, which guest.lds
 * places right after the start code (and checks). start.S points every
 * IVOR the cores have (0-15, 32-37) at a default that reports the
 * exception (IVOR, SRR0, SRR1, ESR, DEAR) with BH_HC_CONSOLE_WRITE and
 * shuts the partition down (vectors.S, exception.c). A driver that takes
 * an interrupt over (the external input and the decrementer: the
 * interrupt controller's irq_init()) writes its own vector with
 * ivor_set(IVOR_EXTERNAL, handler) after the defaults are in place.
 */
#ifndef SAMPLES_ARCH_GUEST_H
#define SAMPLES_ARCH_GUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* SPRs the runtime uses; the privileged ones trap and are emulated. */
#define SPR_SRR0	26
#define SPR_SRR1	27
#define SPR_CSRR0	58
#define SPR_CSRR1	59
#define SPR_DEAR	61
#define SPR_ESR		62
#define SPR_IVPR	63
#define SPR_PIR		286	/* the vCPU's index in its partition */
#define SPR_PVR		287
#define SPR_MCSRR0	570
#define SPR_MCSRR1	571
#define SPR_MCSR	572
#define SPR_MAS0	624
#define SPR_MAS1	625
#define SPR_MAS2	626
#define SPR_MAS3	627
#define SPR_TLB1CFG	689
#define SPR_MAS7	944

/* Interrupt vector offsets: IVOR0-15 are SPRs 400-415, IVOR32-37 528-533. */
#define IVOR_CRITICAL		0
#define IVOR_MACHINE_CHECK	1
#define IVOR_DATA_STORAGE	2
#define IVOR_INSN_STORAGE	3
#define IVOR_EXTERNAL		4
#define IVOR_ALIGNMENT		5
#define IVOR_PROGRAM		6
#define IVOR_FP_UNAVAILABLE	7
#define IVOR_SYSCALL		8
#define IVOR_AP_UNAVAILABLE	9
#define IVOR_DECREMENTER	10
#define IVOR_FIXED_INTERVAL	11
#define IVOR_WATCHDOG		12
#define IVOR_DATA_TLB_MISS	13
#define IVOR_INSN_TLB_MISS	14
#define IVOR_DEBUG		15
#define IVOR_SPE_UNAVAILABLE	32
#define IVOR_SPE_DATA		33
#define IVOR_SPE_ROUND		34
#define IVOR_PERF_MONITOR	35
#define IVOR_DOORBELL		36
#define IVOR_DOORBELL_CRITICAL	37
#define SPR_IVOR(n)		((n) < 16 ? 400 + (n) : 528 + (n) - 32)

#define MSR_WE		0x00040000u	/* wait enable (e500v2 idle) */
#define MSR_EE		0x00008000u	/* external and decrementer interrupts */

#define mfspr(spr) ({							\
	uint32_t __val;							\
	__asm__ volatile("mfspr %0, %1" : "=r"(__val) : "i"(spr));	\
	__val;								\
})
#define mtspr(spr, val)							\
	__asm__ volatile("mtspr %0, %1" : : "i"(spr), "r"((uint32_t)(val)) : "memory")

/*
 * Vector @n runs @handler, which must be in a .text.vectors.* section
 * (see above). The IVOR holds its offset from IVPR; isync makes the
 * change take effect before the next interrupt.
 */
extern const char __image_start[];
#define ivor_set(n, handler) do {					\
	mtspr(SPR_IVOR(n), (uintptr_t)(handler) - (uintptr_t)__image_start); \
	__asm__ volatile("isync" ::: "memory");				\
} while (0)

/*
 * The common code's name for the vCPU's identity (MPIDR on ARM, whose Aff0
 * is the vCPU index): PIR here, which the hypervisor sets to the index.
 */
static inline uint32_t read_mpidr(void)
{
	return mfspr(SPR_PIR);
}

/*
 * Device registers with one plain load or store each (the hypervisor
 * decodes it for an emulated device), on pages mapped caching-inhibited
 * and guarded (arch_map_device()). A load completes before anything after
 * it runs (twi on the loaded value, then isync); mbar keeps a store in
 * order with the device accesses after it.
 */
static inline uint32_t mmio_read32(uintptr_t addr)
{
	uint32_t val;

	__asm__ volatile("lwz %0, 0(%1)\n\ttwi 0, %0, 0\n\tisync"
			 : "=r"(val) : "b"(addr) : "memory");
	return val;
}

static inline void mmio_write32(uintptr_t addr, uint32_t val)
{
	__asm__ volatile("stw %0, 0(%1)\n\tmbar" : : "r"(val), "b"(addr) : "memory");
}

static inline uint8_t mmio_read8(uintptr_t addr)
{
	uint32_t val;

	__asm__ volatile("lbz %0, 0(%1)\n\ttwi 0, %0, 0\n\tisync"
			 : "=r"(val) : "b"(addr) : "memory");
	return val;
}

static inline void mmio_write8(uintptr_t addr, uint8_t val)
{
	__asm__ volatile("stb %0, 0(%1)\n\tmbar" : : "r"(val), "b"(addr) : "memory");
}

/*
 * Sleep until an interrupt comes: `wait` on e500mc (unprivileged: the
 * core halts until an interrupt, which goes to the hypervisor), MSR[WE]
 * through mtmsr on e500v2, which lacks `wait` (the hypervisor emulates it
 * as idle until the guest can take an interrupt, in the doze mode
 * cpu_init() selects in HID0: with MSR[EE] clear, for good). cpu.c tells
 * them apart by the PVR, read once.
 */
void cpu_wait(void);

/* Every memory access before it completes before any after it (msync). */
static inline void mem_barrier(void)
{
	__asm__ volatile("msync" ::: "memory");
}

/*
 * Other CPUs see every memory access before it before any after it:
 * msync too, since e500v2 has no lwsync.
 */
static inline void mem_order(void)
{
	__asm__ volatile("msync" ::: "memory");
}

/*
 * Map [base, base + size) of the guest-physical space at the same virtual
 * addresses, for supervisor read and write (no execute): device registers
 * caching-inhibited and guarded, memory cacheable and coherent. Parts an
 * entry maps already are left alone (entries never overlap); the rest
 * takes the fewest naturally aligned power-of-4 pages (4 KiB to 4 GiB)
 * inside the range rounded to 4 KiB. It fails when the range does not
 * lie below 4 GiB or needs more TLB1 entries than are left (then nothing
 * more of it is mapped): arch_map_device() returns the address to reach
 * @base at, 0 when it fails (no device sits at 0, where RAM starts);
 * arch_map_memory() true when the memory is reachable at itself.
 */
uintptr_t arch_map_device(uint64_t base, uint64_t size);
bool arch_map_memory(uint64_t base, uint64_t size);

/*
 * From start.S, before guest_start(): tlb_init() records that TLB1 entry
 * 0 maps the first @ima_size bytes (r7 at entry); vectors_init() points
 * IVPR and every IVOR at the default vectors; cpu_init() selects doze as
 * the mode MSR[WE] enters on e500v2 (HID0[DOZE]), for cpu_wait() and
 * irq_wait(). A secondary vCPU calls tlb_secondary_init() instead of
 * tlb_init(): it writes the TLB1 entries vCPU 0 has into its own TLB, so
 * it starts with what vCPU 0 had mapped when it released it; then the
 * other two, which act on its own registers.
 */
void tlb_init(uint32_t ima_size);
void tlb_secondary_init(void);
void vectors_init(void);
void cpu_init(void);

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
