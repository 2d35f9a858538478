/* SPDX-License-Identifier: MIT */
/*
 * The ePAPR spin table a Book E partition starts its secondary vCPUs
 * through (ePAPR 1.1, 5.5): one entry per vCPU in an emulated window of
 * the partition's guest-physical space (CONFIG_GUEST_SPIN_TABLE_BASE,
 * which every board's board.dtsi lists in guest-reserved), each cpu node
 * but vCPU 0's naming its entry in cpu-release-addr (guest_fdt.c).
 *
 * An entry, big-endian like the core: entry_addr (64 bits) at 0, r3 (64
 * bits) at 8, a reserved word at 16, pir at 20; entries lie
 * SPIN_TABLE_ENTRY_SIZE bytes apart, vCPU i's at i * SPIN_TABLE_ENTRY_SIZE.
 * At each boot of the partition every secondary's entry holds entry_addr
 * = 1 (held), r3 = 0, pir = its index; vCPU 0's holds entry_addr = 0 (it
 * runs). The boot CPU writes r3 and pir, then entry_addr's high word,
 * then its low word, and that last write releases the vCPU: the release
 * hook starts it at entry_addr with the entry's r3. From then on the
 * entry is the running vCPU's: it reads back what it held at the release
 * and ignores writes, a second release included, until the partition's
 * next boot holds it again. pir is storage only: a vCPU's PIR is its
 * index whatever the field says (the value the entry starts with).
 *
 * Accesses: reads of an aligned byte, halfword or word; writes of an
 * aligned word only (one ePAPR field half each). An entry's bytes past
 * pir read 0 and ignore writes. Refused (the health monitor reports
 * them): other sizes or alignments, offsets past the last vCPU's entry,
 * and a release whose entry_addr is not word-aligned or lies at or above
 * 4 GiB, where no 1:1 initial mapping can reach.
 *
 * Pure C without hardware access, unit-tested on the host
 * (test_ppc_spin_table); partition.c gives it the release hook. Locking:
 * t->lock, taken by every entry point below and never held across the
 * hook, which therefore may take p->lock (vcpu_power_on()).
 */
#ifndef ASM_SPIN_TABLE_H
#define ASM_SPIN_TABLE_H

#include <bulkhead/types.h>
#include <bulkhead/config.h>
#include <bulkhead/mmio.h>
#include <bulkhead/spinlock.h>

#define SPIN_TABLE_ENTRY_SIZE	64	/* one cache line of e500mc per vCPU */
#define SPIN_TABLE_SIZE		0x1000	/* the window: one page */
#define SPIN_TABLE_HELD		1	/* entry_addr of a vCPU not released yet */

/* Byte offsets of the fields in an entry */
#define SPIN_ADDR_HI		0
#define SPIN_ADDR_LO		4
#define SPIN_R3_HI		8
#define SPIN_R3_LO		12
#define SPIN_RSVD		16
#define SPIN_PIR		20
#define SPIN_FIELDS_END		24

_Static_assert(CFG_MAX_CPUS * SPIN_TABLE_ENTRY_SIZE <= SPIN_TABLE_SIZE,
	       "every vCPU's entry fits the window");

struct spin_entry {
	uint64_t entry_addr;
	uint64_t r3;
	uint32_t rsvd;
	uint32_t pir;
	/* Not in the table: the vCPU waits for its release (entry_addr's high
	 * word may change before the release) */
	bool held;
};

struct spin_table;

/*
 * Start vCPU @vcpu at guest-physical @entry with r3 = @r3. Called by the
 * CPU of the vCPU whose write released it, t->lock not held.
 */
typedef void (*spin_release_fn)(struct spin_table *t, unsigned int vcpu,
				uint64_t entry, uint64_t r3);

struct spin_table {
	spinlock_t lock;
	unsigned int nvcpus;
	struct spin_entry e[CFG_MAX_CPUS];
	spin_release_fn release;
	void *ctx;			/* for the hook: the partition */
};

/* Boot CPU, while the partition is created: @nvcpus entries, all reset. */
void spin_table_init(struct spin_table *t, unsigned int nvcpus,
		     spin_release_fn release, void *ctx);

/* Every entry as at a boot of the partition (above). Any CPU. */
void spin_table_reset(struct spin_table *t);

/*
 * The guest's accesses at byte @off of the window: 0, or -1 when refused
 * (nothing changed then). A write that releases a vCPU calls the hook
 * before it returns. Any CPU, no lock held.
 */
int spin_table_read(struct spin_table *t, uint32_t off, unsigned int size, uint64_t *val);
int spin_table_write(struct spin_table *t, uint32_t off, unsigned int size, uint64_t val);

/* The window's device model for mmio_register(), priv = the struct spin_table */
extern const struct io_ops spin_table_mmio_ops;

#endif
