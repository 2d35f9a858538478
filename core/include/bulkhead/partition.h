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
#include <bulkhead/pgtable.h>
#include <bulkhead/console.h>
#include <bulkhead/vuart.h>

#define MAX_PARTITIONS		CFG_MAX_PARTITIONS
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

/* A shared-memory region, as the hypervisor runs it. */
struct shared_region {
	const struct cfg_shm *cfg;
	paddr_t pa;
	int doorbell_irq;		/* interrupt a peer gets when another rings, or -1 */
};

/*
 * What a guest region is: exactly one of these, in guest_region.flags
 * beside the PT_* access and memory-type bits (pgtable.h: PT_READ,
 * PT_WRITE, PT_EXEC; PT_DEVICE for device memory, else normal cacheable
 * memory) the port maps it with. Whoever creates the region sets both.
 */
#define GUEST_RAM		(1u << 8)	/* the partition's own memory, zeroed at each boot */
#define GUEST_DEVICE		(1u << 9)	/* registers passed through: a config device, a port's */
#define GUEST_SHARED		(1u << 10)	/* shared memory, @shm says which */
#define GUEST_EMULATED		(1u << 11)	/* a device model's window: no @pa, never mapped */
#define GUEST_KIND_MASK		(GUEST_RAM | GUEST_DEVICE | GUEST_SHARED | GUEST_EMULATED)
_Static_assert(!(GUEST_KIND_MASK & PT_ATTR_MASK), "region kinds and PT_* bits share a bit");

/* One contiguous piece of a partition's guest-physical map. */
struct guest_region {
	gpaddr_t gpa;
	paddr_t pa;				/* 0 for GUEST_EMULATED */
	uint64_t size;
	unsigned int flags;			/* a GUEST_* kind | PT_* attributes */
	const struct shared_region *shm;	/* GUEST_SHARED: which one */
};

/* Mappings a port adds itself (arm-a15: its GIC's virtual CPU interface). */
#define MAX_PORT_REGIONS	2
#define MAX_GUEST_REGIONS	(CFG_MAX_REGIONS + CFG_MAX_DEVICES + CFG_MAX_SHM + \
				 MMIO_MAX_DEVICES + MAX_PORT_REGIONS)

struct partition {
	unsigned int id;
	const char *name;
	const struct cfg_partition *cfg;
	const struct config *config;	/* the whole config cfg is part of */
	const void *cfg_fdt;		/* the config blob cfg's node offsets refer to */
	spinlock_t lock;		/* state changes, reboot */
	volatile enum partition_state state;
	unsigned int restarts;		/* by the fault policy */
	unsigned int boot_count;	/* boots so far, restarts of any kind included */
	bool stop_reported;		/* stopped for good, and the console says so */
	/*
	 * The whole guest-physical map, sorted by gpa, no two overlapping:
	 * written only while the partition is created (boot CPU, before any
	 * of its vCPUs runs; the host tool), read-only afterwards, so any
	 * CPU reads it without a lock. @region_hint is the index
	 * guest_region_find() found last, tried first: any vCPU may set it
	 * (relaxed atomics), and a stale one only costs the binary search.
	 */
	struct guest_region region[MAX_GUEST_REGIONS];
	unsigned int nregions;
	unsigned int region_hint;
	struct io_bus mmio;		/* emulated devices by guest-physical address */
	struct io_bus pio;		/* emulated devices by port (x86 port I/O) */
	struct console_line console;
	struct vuart console_uart;	/* the config's console, if it has one */
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
 * Fill @p, partition @id of @cfg, with its identity and vCPUs and an
 * empty guest map. Touches no hardware. Boot CPU before any partition
 * runs; the host tool.
 */
void partition_layout(struct partition *p, const struct config *cfg, unsigned int id);
/*
 * Hand @add each region of @p's guest map that its config names: RAM at
 * @pl's addresses, devices, shared memory (@shared: one entry per shared
 * region of @cfg, filled too), with their attributes. Returns 0, or the
 * first error of @add. partitions_create() passes partition_map_region(),
 * the host tool guest_region_insert(); config_validate() refused overlaps.
 */
int partition_layout_regions(struct partition *p, const struct config *cfg,
			     const struct placement *pl, struct shared_region *shared,
			     int (*add)(struct partition *p, const struct guest_region *r));
/*
 * Boot CPU: lay out every partition, build its guest map, interrupts
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
/*
 * What the guest on @v asked of its platform's power control (EXIT_POWER,
 * the shutdown and restart hypercalls): @v off, or its partition off or
 * rebooted, after the line "<partition>: <source>: <result>" when @source
 * is not NULL. On @v's CPU, no locks held. Returns EXIT_RESCHEDULE.
 */
enum exit_action partition_power_event(struct vcpu *v, enum power_event event,
				       const char *source);
/*
 * EXIT_HALT: @v halted with nothing that can wake it (e->halt.why says
 * how): one line, then @v off as by its CPU-off call. On @v's CPU, no
 * locks held. Returns EXIT_RESCHEDULE.
 */
enum exit_action vcpu_halted(struct vcpu *v, const struct vm_exit *e);

#define GUEST_REGION_EMPTY	(-1)	/* size 0, or it wraps past the top */
#define GUEST_REGION_FULL	(-2)	/* MAX_GUEST_REGIONS recorded already */
#define GUEST_REGION_OVERLAP	(-3)	/* it overlaps a region recorded already */

/*
 * Record a copy of @r in @p's guest map, keeping it sorted by gpa: 0, or
 * one of the above with nothing recorded. Maps nothing. While @p is
 * created (boot CPU), or in the host tool.
 */
int guest_region_insert(struct partition *p, const struct guest_region *r);
/* The region of @p that overlaps [gpa, gpa+size) at the lowest address, or NULL. */
const struct guest_region *guest_region_clash(const struct partition *p, gpaddr_t gpa,
					      uint64_t size);
/*
 * Record @r in @p's guest map and, unless it is GUEST_EMULATED, have the
 * port map it (port_guest_map() with its PT_* bits): the one way a
 * region enters a running hypervisor's guest map, for the config's
 * regions, the port's own (from port_partition_init()) and emulated
 * devices (from mmio_register()). Prints why and returns -1 when it
 * overlaps a region already there or the port cannot map it (which
 * fails the boot). Boot CPU, while partitions are created; a region the
 * port maps only once port_partition_init() has set up @p's translation
 * (the port may call it from there).
 */
int partition_map_region(struct partition *p, const struct guest_region *r);
/*
 * The region of @p holding guest-physical @gpa, or NULL: the one found
 * last if it still fits, else a binary search. Any CPU, no lock.
 */
const struct guest_region *guest_region_find(struct partition *p, gpaddr_t gpa);
/* What @flags' kind is called in messages: "RAM", "device", ... */
const char *guest_region_kind(unsigned int flags);

/* [pa, pa+len) lies in RAM or shared memory of @p. */
bool partition_owns_ram(const struct partition *p, paddr_t pa, uint64_t len);

/* Guest-physical -> physical for RAM or shared memory of @p; 0 on success. */
int guest_ram_translate(struct partition *p, gpaddr_t gpa, uint64_t len, paddr_t *pa);

/* Build @p's device tree into @buf (@size bytes); 0 or a libfdt error. */
int guest_fdt_build(struct partition *p, void *buf, size_t size);

/* The run loop every CPU ends in. */
void __attribute__((noreturn)) core_cpu_loop(unsigned int cpu);
/* Entry of secondary CPUs, called by the port once they have a stack. */
void __attribute__((noreturn)) core_secondary_main(unsigned int cpu);

#endif
