/* SPDX-License-Identifier: MIT */
/*
 * The runtime every sample guest links (samples/common): start-up, newlib's
 * system calls (console on the UART of /chosen/stdout-path, heap, exit =
 * BH_HC_SHUTDOWN_SELF) and what the partition's device tree says about it.
 *
 * A sample provides int main(void); returning from it, or exit(), shuts
 * the partition down.
 */
#ifndef SAMPLES_GUEST_H
#define SAMPLES_GUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * read_mpidr(), mmio_read32(), mmio_write32(), mmio_read8(), mmio_write8(),
 * cpu_wait(), mem_barrier(), mem_order(), and arch_map_device() and
 * arch_map_memory(), which make an address of the device tree reachable
 * before its first access where the guest runs with translation on (Book
 * E; nothing on the Cortex-A15, whose guests run with the MMU off): the
 * port's, in samples/common/<port>/arch/guest.h.
 */
#include "arch/guest.h"

#define MiB		(1024u * 1024u)

/* This partition, from the device tree the hypervisor generated for it. */
struct guest_info {
	const void *fdt;
	const char *name;	/* /chosen/bulkhead,partition-name */
	uint32_t id;		/* /chosen/bulkhead,partition-id */
	uint32_t restarts;	/* /chosen/bulkhead,restart-count */
	uint32_t vcpu;		/* index of the vCPU that runs main() (MPIDR Aff0) */
	uint32_t host_cpu;	/* physical CPU under it, /chosen/bulkhead,host-cpus */
	const char *bootargs;	/* /chosen/bootargs, "" when there are none */
	uint64_t ram_base;	/* first memory node */
	uint64_t ram_size;
};

extern struct guest_info guest;

/*
 * Secondary vCPUs. vCPU 0 starts vCPU i at secondary_entry the port's
 * way: on ARM with PSCI CPU_ON (hypercall.h), target MPIDR i, the context
 * id in r0; on Book E from the ePAPR spin table its cpu node names
 * (arch/spin_table.h), the context in r3. That vCPU gets
 * its own stack (and on ARM alignment checking, on Book E vCPU 0's TLB1
 * entries, default vectors and idle mode) like vCPU 0, then runs
 * secondary_main() with the context; when that returns, the vCPU powers
 * itself off (vcpu_power_off(): PSCI CPU_OFF on ARM, idling for good on
 * Book E). A sample that starts secondary vCPUs defines secondary_main();
 * the others need not (--gc-sections drops secondary_entry with it).
 *
 * The runtime is not thread-safe: newlib's printf() and malloc() share
 * state, and a partition's console collects one line from all its vCPUs.
 * Let one vCPU at a time print or allocate.
 */
void secondary_entry(void);
void secondary_main(uint32_t context);

/* Linker symbols (guest.lds): the image's unchanging part. */
extern const char __image_start[], __rodata_end[];

/*
 * Value of "@key=value" in the bootargs: a pointer into them, the value
 * ending at a space or the end; NULL when @key is absent.
 */
const char *bootarg(const char *key);

/* true when the bootargs hold exactly "@key=@value". */
bool bootarg_is(const char *key, const char *value);

/*
 * First "reg" entry of @node, read with its parent's #address-cells and
 * #size-cells. 0 or a negative libfdt error.
 */
int dt_reg(const void *fdt, int node, uint64_t *base, uint64_t *size);

/*
 * All RAM from the heap's end up to the device tree, for a sample that
 * wants to fill it; malloc() gets nothing more afterwards. Sets *@size.
 */
void *ram_claim_rest(size_t *size);

/* CRC-32 as zlib/gzip compute it: crc32(0, buf, len) for a whole buffer. */
uint32_t crc32(uint32_t crc, const void *buf, size_t len);

/* Fill @n words with a pseudo-random sequence (xorshift32) seeded by @seed. */
void pattern_fill(uint32_t *words, size_t n, uint32_t seed);

#endif
