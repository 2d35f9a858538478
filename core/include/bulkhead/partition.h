/* SPDX-License-Identifier: MIT */
/*
 * Partitions and vCPUs. Assignment is static: each vCPU belongs to one
 * physical CPU for the life of the system, and each physical CPU runs at
 * most one vCPU, so there is no scheduler; a CPU without a runnable vCPU
 * idles.
 */
#ifndef BULKHEAD_PARTITION_H
#define BULKHEAD_PARTITION_H

#include <bulkhead/types.h>
#include <bulkhead/config.h>
#include <bulkhead/spinlock.h>
#include <bulkhead/mmio.h>
#include <bulkhead/console.h>

#define MAX_PARTITIONS		CFG_MAX_PARTITIONS
#define MAX_GUEST_REGIONS	(CFG_MAX_REGIONS + CFG_MAX_DEVICES + CFG_MAX_SHM)
#define GUEST_FDT_SIZE		CFG_GUEST_FDT_SIZE

/*
 * The port's part of a vCPU and of a partition (registers, translation,
 * interrupt controller): its layout is the port's alone, and so is its
 * storage. port_partition_init() points p->arch and each v->arch of the
 * partition at it; until then, and in the host tool, they are NULL.
 */
struct arch_vcpu;
struct arch_partition;

enum vcpu_state {
	VCPU_OFF,		/* not started (secondary before CPU_ON) or stopped */
	VCPU_RUNNABLE,		/* reset pending: port_vcpu_reset() then run */
	VCPU_RUNNING,
};

struct vcpu {
	struct partition *part;
	unsigned int index;		/* within the partition */
	unsigned int cpu;		/* physical CPU that runs it */
	volatile enum vcpu_state state;
	volatile bool busy;		/* its CPU runs its guest code or handles its exit */
	gpaddr_t entry;			/* for the next reset */
	uint64_t context;
	struct arch_vcpu *arch;
};

enum partition_state {
	PART_RUNNING,
	PART_HALTED,		/* stopped by its fault policy */
	PART_OFF,		/* shut itself down */
	PART_BOOTING,		/* not started yet, or between stop and boot: counts as running */
};

/* One contiguous piece of a partition's guest-physical map. */
enum guest_region_kind { REGION_RAM, REGION_DEVICE, REGION_SHARED };

/* A shared-memory region, as the hypervisor runs it. */
struct shared_region {
	const struct cfg_shm *cfg;
	paddr_t pa;
	int doorbell_irq;		/* interrupt a peer gets when another rings, or -1 */
};

struct guest_region {
	gpaddr_t gpa;
	paddr_t pa;
	uint64_t size;
	enum guest_region_kind kind;
	const struct shared_region *shm;	/* REGION_SHARED: which one */
};

struct partition {
	unsigned int id;
	const char *name;
	const struct cfg_partition *cfg;
	const void *cfg_fdt;		/* the config blob cfg's node offsets refer to */
	spinlock_t lock;		/* state changes, reboot */
	volatile enum partition_state state;
	unsigned int restarts;		/* by the fault policy */
	unsigned int boot_count;	/* boots so far, restarts of any kind included */
	struct guest_region region[MAX_GUEST_REGIONS];
	unsigned int nregions;
	struct mmio_bus mmio;
	struct console_line console;
	struct vuart vuart;
	int console_irq;		/* the emulated UART's interrupt, or -1 */
	paddr_t fdt_pa;			/* generated device tree, in guest RAM */
	gpaddr_t fdt_gpa;
	struct vcpu vcpu[CFG_MAX_CPUS];
	unsigned int nvcpus;
	struct arch_partition *arch;
};

extern struct partition partitions[MAX_PARTITIONS];
extern unsigned int npartitions;
extern struct vcpu *cpu_vcpu[CFG_MAX_CPUS];	/* the vCPU each physical CPU runs */
extern struct shared_region shared_regions[CFG_MAX_SHM];

struct placement;
/*
 * Fill @p (partition @id of @cfg) with its identity, vCPUs and guest map
 * of RAM at @pl's addresses, devices and shared memory (@shared: one
 * entry per shared region of @cfg, filled too). Touches no hardware.
 * Boot CPU before any partition runs; the host tool.
 */
void partition_layout(struct partition *p, const struct config *cfg, unsigned int id,
		      const struct placement *pl, struct shared_region *shared);
/*
 * Boot CPU: lay out every partition, build its stage-2 map, interrupts
 * and device models. Prints why and returns -1 if the port refuses.
 */
int partitions_create(const struct config *cfg, const struct placement *pl);
/* Load image and device tree and start vCPU 0. Any CPU, no vCPU of @p in guest. */
void partition_boot(struct partition *p);
/* @p cannot boot (load failed, its CPU did not start): halt it. Any CPU. */
void partition_abandon(struct partition *p, const char *why);
/* Stop every vCPU of @p; powers the machine off once nothing runs. Any CPU. */
void partition_stop(struct partition *p, enum partition_state why);
/* Stop and boot @p again (restart policy, the guest's reset call). Any CPU. */
void partition_reboot(struct partition *p);
/* Apply @p's fault policy after the health monitor reported a fault. */
void partition_fault_policy(struct partition *p);

#define VCPU_ERR_INVALID	(-1)
#define VCPU_ERR_ALREADY_ON	(-2)
/* Start a stopped vCPU of its partition at @entry (the guest's CPU-start call). */
int vcpu_power_on(struct vcpu *v, gpaddr_t entry, uint64_t context);
/* The calling vCPU stops (its CPU-off call); the last one stops the partition. */
void vcpu_power_off_self(struct vcpu *v);

/* [pa, pa+len) lies in RAM or shared memory of @p. */
bool partition_owns_ram(const struct partition *p, paddr_t pa, uint64_t len);

/* Guest-physical -> physical for RAM the partition owns; 0 on success. */
int guest_ram_translate(const struct partition *p, gpaddr_t gpa, uint64_t len, paddr_t *pa);

/* Build @p's device tree into @buf (@size bytes); 0 or a libfdt error. */
int guest_fdt_build(struct partition *p, void *buf, size_t size);

/* The run loop every CPU ends in. */
void __attribute__((noreturn)) core_cpu_loop(unsigned int cpu);
/* Entry of secondary CPUs, called by the port once they have a stack. */
void __attribute__((noreturn)) core_secondary_main(unsigned int cpu);

#endif
