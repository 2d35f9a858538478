/* SPDX-License-Identifier: MIT */
/*
 * The virtual GICv2 of a partition: distributor state shared by its
 * vCPUs, each vCPU's private interrupts (SGIs, PPIs) and what its list
 * registers should hold. Pure C without hardware access (vgic.c,
 * vgic_dist.c), so the host unit tests run the same code; vgic_hw.c moves
 * list register values between this state and the GICH interface.
 *
 * Model: between a guest exit and the next entry the software state is
 * the truth. After an exit, vgic_fold() takes back what the guest did to
 * the list registers (acknowledged, completed); before an entry,
 * vgic_flush() chooses what to list: active interrupts first, then the
 * pending ones by priority. What does not fit waits in the queue, and the
 * maintenance interrupt (GICH_HCR.UIE) brings the vCPU back once the guest
 * has completed enough of the listed ones.
 *
 * Locking: one spinlock per partition (vgic.lock) guards everything in
 * struct vgic, taken by every entry point below and never held across a
 * kick or any other lock. The list registers themselves (hardware) belong
 * to the physical CPU that runs the vCPU; only that CPU calls vgic_fold(),
 * vgic_flush() and vgic_vcpu_reset() for its vCPU. Functions that make an
 * interrupt deliverable return a mask of vCPU indices whose CPUs the
 * caller must kick once the lock is dropped (port_cpu_kick()).
 */
#ifndef ASM_VGIC_H
#define ASM_VGIC_H

#include <bulkhead/types.h>
#include <bulkhead/config.h>
#include <bulkhead/spinlock.h>

#define VGIC_NR_SGIS		16
#define VGIC_NR_PRIVATE		32	/* SGIs and PPIs, banked per vCPU */
#define VGIC_MAX_IRQS		288	/* the board's GIC: ITLinesNumber 8 */
#define VGIC_MAX_SPIS		(VGIC_MAX_IRQS - VGIC_NR_PRIVATE)
#define VGIC_MAX_VCPUS		CFG_MAX_CPUS	/* GICv2 has 8 CPU interfaces */
#define VGIC_MAX_LRS		16
_Static_assert(VGIC_MAX_IRQS / 32 <= 32, "struct vgic_cpu.queued_words has a bit a word");
#define VGIC_NO_VCPU		0xff
/* A partition's vGIC at CONFIG_GUEST_GICD_BASE and CONFIG_GUEST_GICC_BASE:
 * the emulated distributor, and the GICV pages up to GICC_DIR at 0x1000 */
#define VGIC_GUEST_GICD_SIZE	0x1000
#define VGIC_GUEST_GICC_SIZE	0x2000
#define VGIC_PRIO_BITS_MASK	0xf8	/* 5 priority bits, as the list registers hold */
/*
 * Interrupts forwarded from hardware (passthrough SPIs) are delivered to
 * vCPU 0, whose physical CPU they are routed to: the list register that
 * lets the guest deactivate the physical interrupt must be on the CPU that
 * acknowledged it (QEMU 7.2's GICv2 keeps an SPI's active state per CPU).
 */
#define VGIC_HW_SPI_VCPU	0

/* The virtual timer's PPI (ID 27): forwarded from the physical one. */
#define VGIC_PPI_VTIMER		27

/* GICv2 list register fields (IHI 0048B, GICH_LRn) */
#define GICH_LR_VIRT_ID_MASK	0x3ffu
#define GICH_LR_PHYS_SHIFT	10	/* HW = 1: physical ID, bits [19:10] */
#define GICH_LR_CPUID_SHIFT	10	/* HW = 0, SGI: source CPU, bits [12:10] */
#define GICH_LR_EOI		(1u << 19)	/* HW = 0: maintenance interrupt on EOI */
#define GICH_LR_PRIO_SHIFT	23	/* priority[7:3] in bits [27:23] */
#define GICH_LR_PENDING		(1u << 28)
#define GICH_LR_ACTIVE		(2u << 28)
#define GICH_LR_STATE_MASK	(3u << 28)
#define GICH_LR_HW		(1u << 31)

/* struct vgic_irq.flags */
#define VGIC_ENABLED		(1u << 0)	/* GICD_ISENABLER */
#define VGIC_LATCH		(1u << 1)	/* pending: an edge, a software set, a forwarded event */
#define VGIC_LINE		(1u << 2)	/* level input high (port_virq_set_level) */
#define VGIC_LEVEL		(1u << 3)	/* GICD_ICFGR: level-sensitive, else edge */
#define VGIC_ACTIVE		(1u << 4)
#define VGIC_LISTED		(1u << 5)	/* in a list register since the last flush */
#define VGIC_LISTED_LATCH	(1u << 6)	/* level: listed because of a latched event */

struct vgic_irq {
	uint8_t flags;		/* VGIC_* above */
	uint8_t priority;	/* GICD_IPRIORITYR, VGIC_PRIO_BITS_MASK bits */
	uint8_t targets;	/* SPIs: GICD_ITARGETSR, a mask of vCPUs */
	uint8_t vcpu;		/* SPIs: whose queue holds it, or VGIC_NO_VCPU */
	uint8_t sources;	/* SGIs: pending from these vCPUs */
	uint8_t active_src;	/* SGIs: the source of the active one */
	uint16_t hw;		/* physical ID it is forwarded from, 0 for none */
};

struct vgic_cpu {
	struct vgic_irq priv[VGIC_NR_PRIVATE];
	/* Interrupts pending or active for this vCPU, by ID */
	uint32_t queued[VGIC_MAX_IRQS / 32];
	/* Bit w set: queued[w] is not 0 (one look on every exit) */
	uint32_t queued_words;
	/* What vgic_flush() put in the list registers (0: empty) */
	uint32_t lr[VGIC_MAX_LRS];
};

struct vgic {
	spinlock_t lock;
	bool enabled;			/* GICD_CTLR.Enable */
	unsigned int nvcpus;
	unsigned int nr_irqs;		/* 32 * (GICD_TYPER.ITLinesNumber + 1) */
	unsigned int nr_lrs;		/* list registers of the physical interface */
	struct vgic_irq spi[VGIC_MAX_SPIS];
	struct vgic_cpu cpu[VGIC_MAX_VCPUS];
};

/* Boot CPU, while partitions are created: sizes, then the reset state. */
void vgic_init(struct vgic *d, unsigned int nvcpus, unsigned int nr_irqs,
	       unsigned int nr_lrs);
/* The partition boots again: everything back to reset, forwarding kept. */
void vgic_reset(struct vgic *d);
/*
 * Forward physical interrupt @irq as the same virtual ID: a PPI in every
 * vCPU's bank, or an SPI (to vCPU VGIC_HW_SPI_VCPU; its ITARGETSR is then
 * read-only). 0, or -1 for an ID out of range or forwarded twice.
 */
int vgic_bind_hw(struct vgic *d, unsigned int irq, bool level);

/* Sources inside the hypervisor, SPIs only: an edge, or a level line. */
uint32_t vgic_raise(struct vgic *d, unsigned int irq);
uint32_t vgic_set_level(struct vgic *d, unsigned int irq, bool level);
/*
 * The hypervisor acknowledged forwarded physical interrupt @irq (its
 * priority dropped, still active until the guest's EOI deactivates it
 * through the list register): make it pending for @vcpu (PPIs) or for
 * the SPI's vCPU.
 */
uint32_t vgic_inject_hw(struct vgic *d, unsigned int vcpu, unsigned int irq);

/*
 * After a guest exit: @hw_lr[i] is what list register i holds now, for
 * every i whose d->cpu[vcpu].lr[i] is not 0 (the others are not read).
 */
void vgic_fold(struct vgic *d, unsigned int vcpu, const uint32_t *hw_lr);
/*
 * Before entering the guest: fill d->cpu[vcpu].lr[0 .. nr_lrs-1];
 * *@underflow says that more interrupts wait than fit (set GICH_HCR.UIE).
 */
uint32_t vgic_flush(struct vgic *d, unsigned int vcpu, bool *underflow);
/* The vCPU (re)starts: its private interrupts reset, its others requeued. */
uint32_t vgic_vcpu_reset(struct vgic *d, unsigned int vcpu);

/*
 * Guest access to the distributor at offset @off by vCPU @vcpu: 0, or -1
 * for an access of a size the register does not allow. Writes add the
 * vCPUs to kick to *@kick.
 */
int vgic_dist_read(struct vgic *d, unsigned int vcpu, uint32_t off,
		   unsigned int size, uint32_t *val);
int vgic_dist_write(struct vgic *d, unsigned int vcpu, uint32_t off,
		    unsigned int size, uint32_t val, uint32_t *kick);

#endif
