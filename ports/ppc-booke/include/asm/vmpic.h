/* SPDX-License-Identifier: MIT */
/*
 * The MPIC a Book E partition sees: an emulated Freescale MPIC 2.0 (the
 * OpenPIC register layout of asm/mpic_regs.h) whose every register access
 * traps to the hypervisor and lands here through the MMIO registry. Pure
 * C without hardware access (vmpic.c, vmpic_regs.c, vmpic_fdt.c), so the
 * host unit tests run the same code; the port wires it to the vCPUs.
 *
 * What the guest gets:
 * - the global registers BRR1, FRR (256 sources, the partition's vCPUs,
 *   OpenPIC 1.2), GCR (reset, mixed mode), VIR (0), PIR (reads 0, writes
 *   ignored: vCPUs start and reset through the hypervisor), the spurious
 *   vector;
 * - the four IPIs: vector/priority registers, dispatch registers taking
 *   a vCPU mask, each target vCPU taking and completing its own copy;
 * - per source, vector/priority (mask, activity, priority, vector; sense
 *   and polarity read-only, as the partition's config gives them) and
 *   destination (the vCPU mask; critical-interrupt and external-pin bits
 *   read as 0), for the sources the partition owns. The other sources up
 *   to 255 read as masked and unrouted and ignore writes: a driver that
 *   initialises every source, as Linux's does, keeps working;
 * - per vCPU, at MPIC_CPU_BASE(n) and for the accessing vCPU also at the
 *   global block's 0x40-0xb0: the IPI dispatch registers, CTPR, WHOAMI,
 *   IACK and EOI;
 * - the global timers' registers read as 0 and ignore writes: the timers
 *   never count (Linux's driver only masks them);
 * - nothing else: the MSI and summary registers, the 4.x interrupt level
 *   registers and every hole are refused, as are accesses that are not
 *   one aligned 32-bit word, so the health monitor reports them.
 *
 * Delivery: a source goes to the lowest vCPU its destination names (no
 * multicast but for IPIs). A vCPU's INT output is asserted while an
 * interrupt is pending for it, unmasked, not in service there, with a
 * priority above both its CTPR and every interrupt it has in service
 * (priority 0 never interrupts; equal priorities: the lowest source
 * first, IPIs before sources). IACK takes that interrupt into service and
 * returns its vector, or the spurious vector when the output is not
 * asserted; EOI completes the highest-priority one in service. An edge
 * (or a raise) is latched until IACK; a level source is pending while its
 * line is high, so a device still asserting it interrupts again after
 * EOI.
 *
 * Locking: one spinlock per vMPIC (m->lock), taken by every entry point
 * below and never held across a hook, a kick or any other lock, so the
 * callers may hold theirs (p->lock). The per-vCPU output is kept as a
 * mask updated under the lock and read without it.
 */
#ifndef ASM_VMPIC_H
#define ASM_VMPIC_H

#include <bulkhead/types.h>
#include <bulkhead/config.h>
#include <bulkhead/mmio.h>
#include <bulkhead/spinlock.h>
#include <asm/mpic_regs.h>

#define VMPIC_MAX_VCPUS		CFG_MAX_CPUS
/* Every source a config can give one partition: devices, console, doorbells */
#define VMPIC_MAX_SOURCES	(CFG_MAX_DEVICES * CFG_MAX_DEVICE_IRQS + 1 + CFG_MAX_SHM)
#define VMPIC_NO_VCPU		(-1)
/* The guest's vector registers hold 16 bits; the spurious vector's reset value */
#define VMPIC_SPURIOUS_RESET	0xffffu
_Static_assert(VMPIC_MAX_VCPUS <= 8, "vCPU masks are 8 bits");

/* One source the partition owns, as vmpic_init() takes them. */
struct vmpic_source {
	uint16_t irq;		/* MPIC source number, below MPIC_NR_SOURCES */
	uint8_t sense;		/* MPIC_SENSE_*, from the config's specifier */
	bool hw;		/* passed through: the port is told of its EOIs */
};

struct vmpic;

/* What the vMPIC asks of the port; each is called without m->lock. */
struct vmpic_hooks {
	/*
	 * The vCPU making the current register access (the one the calling
	 * CPU runs): whose registers the global block's per-CPU alias
	 * reaches, and who is never kicked (the port looks at its output
	 * before it resumes it anyway).
	 */
	unsigned int (*current_vcpu)(struct vmpic *m);
	/*
	 * A register access of another vCPU asserted @vcpu's output (an
	 * IPI, a source unmasked or routed to it): make its CPU look
	 * (port_cpu_kick()).
	 */
	void (*kick)(struct vmpic *m, unsigned int vcpu);
	/*
	 * Passthrough source @irq is done with for now: the guest's EOI
	 * completed it, or a reset dropped it pending or in service. A port
	 * that masks a level source on the physical MPIC until its owner has
	 * handled it unmasks it here. May be NULL without hw sources.
	 */
	void (*hw_eoi)(struct vmpic *m, unsigned int irq);
};

/* struct vmpic_slot.flags */
#define VMPIC_LEVEL		(1u << 0)	/* level-sensitive, else edge */
#define VMPIC_HW		(1u << 1)	/* passed through */
#define VMPIC_LINE		(1u << 2)	/* the input line is high (level sources) */
#define VMPIC_LATCH		(1u << 3)	/* an edge or a raise, until IACK */

/* An IPI or an owned source. Slots 0-3 are the IPIs, then sources by number. */
struct vmpic_slot {
	uint32_t ivpr;		/* MSK, priority, vector; P and S for sources */
	uint16_t irq;		/* source number (IPIs: their number) */
	uint8_t flags;		/* VMPIC_* above */
	uint8_t dest;		/* sources: IDR, a vCPU mask */
	uint8_t ipi_pending;	/* IPIs: the vCPUs it is pending for */
	uint8_t in_service;	/* the vCPUs that have it in service */
};

#define VMPIC_NO_SLOT		0xff
#define VMPIC_MAX_SLOTS		(MPIC_NR_IPIS + VMPIC_MAX_SOURCES)
_Static_assert(VMPIC_MAX_SLOTS < VMPIC_NO_SLOT, "slot numbers are bytes");

struct vmpic {
	spinlock_t lock;
	unsigned int nvcpus;
	unsigned int nslots;
	uint32_t gcr, svr;
	uint8_t ctpr[VMPIC_MAX_VCPUS];
	uint8_t asserted;			/* vCPUs whose output is asserted */
	uint8_t slot_of[MPIC_NR_SOURCES];	/* VMPIC_NO_SLOT: not the partition's */
	struct vmpic_slot slot[VMPIC_MAX_SLOTS];
	const struct vmpic_hooks *hooks;
	void *ctx;				/* the port's: its partition */
};

/*
 * Boot CPU, while partitions are created (port_partition_init()): a vMPIC
 * for @nvcpus vCPUs owning the @nsrc sources @src (any order), in its
 * reset state. 0, or -1 for a vCPU count or source list it cannot hold
 * (no vCPU or too many, a source beyond the MPIC's, one listed twice, more
 * than VMPIC_MAX_SOURCES). The port then registers &vmpic_mmio_ops with
 * priv @m over MPIC_SIZE bytes at the guest base it chose.
 */
int vmpic_init(struct vmpic *m, unsigned int nvcpus, const struct vmpic_source *src,
	       unsigned int nsrc, const struct vmpic_hooks *hooks, void *ctx);

/*
 * The partition boots again (also the guest's GCR reset): every register
 * to its reset value, every interrupt forgotten (hw ones through hw_eoi).
 * What is not guest state stays: the sources, their sense, their input
 * lines. Any CPU, typically the one resetting vCPU 0.
 */
void vmpic_reset(struct vmpic *m);
/*
 * vCPU @vcpu starts afresh (a secondary's start): its CTPR back to 15,
 * what it had in service or pending as IPIs forgotten. On its CPU.
 */
void vmpic_vcpu_reset(struct vmpic *m, unsigned int vcpu);

/*
 * Interrupt sources inside the hypervisor (device models, doorbells, and
 * the port forwarding a passthrough source it acknowledged): an event,
 * latched until the guest's IACK whatever the sense; or the input line of
 * a source (level: pending while high; edge: a rising line latches). Any
 * CPU, possibly holding p->lock. Returns the vCPU whose output this
 * asserted (the port kicks its CPU unless it is the caller's), or
 * VMPIC_NO_VCPU. A source the partition does not own is ignored.
 */
int vmpic_raise(struct vmpic *m, unsigned int irq);
int vmpic_set_level(struct vmpic *m, unsigned int irq, bool level);

/*
 * Whether vCPU @vcpu's INT output is asserted: the run loop then gives
 * the guest an external input interrupt once its MSR[EE] allows, and
 * looks again after every exit. Any CPU, no lock.
 */
static inline bool vmpic_output(const struct vmpic *m, unsigned int vcpu)
{
	return __atomic_load_n(&m->asserted, __ATOMIC_ACQUIRE) & (1u << vcpu);
}

/* Whether @irq is one of the partition's sources not passed through (port_virq_usable()). */
bool vmpic_soft_source(const struct vmpic *m, unsigned int irq);

/*
 * The guest's register accesses (priv: the struct vmpic), on the CPU of
 * the accessing vCPU, no locks held (struct io_ops).
 */
extern const struct io_ops vmpic_mmio_ops;

/*
 * The partition's device tree node for a vMPIC at guest @base: pic@<base>
 * under the root, "fsl,mpic" and "chrp,open-pic" with #interrupt-cells 2,
 * and the root's interrupt-parent, so every `interrupts` the config
 * copied into the tree resolves to it. From port_guest_fdt(), like it
 * holding p->lock, or in the host tool. 0 or a libfdt error.
 */
int vmpic_fdt_node(void *fdt, gpaddr_t base);

#endif
