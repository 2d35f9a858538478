/* SPDX-License-Identifier: MIT */
/*
 * Partition configuration, parsed from a flattened device tree with libfdt.
 *
 * The same code runs in the hypervisor (on the packed config found at
 * CONFIG_PACKAGE_ADDR) and in the host tool `bulkhead check`, so it prints
 * nothing and allocates nothing: errors land in a struct config_error,
 * everything else in fixed-size arrays.
 * docs/config.md describes every node and property. In short:
 *
 *   / {
 *     compatible = "bulkhead,config";
 *     board {                                  facts for the host validator
 *       memory = <base-hi base-lo size-hi size-lo ...>;   board RAM banks
 *       reserved = <base-hi base-lo size-hi size-lo ...>; firmware/hypervisor/package
 *       hypervisor-devices = <...>;            MMIO ranges never passed through
 *       guest-reserved = <...>;                guest ranges emulated in every partition
 *       dma-masters = <...>;                   MMIO of devices that can master the bus
 *       hypervisor-io-ports = <base count ...>; ports never passed through (x86)
 *       cpus = <N>;
 *     };
 *     images {
 *       hello: hello {
 *         file = "hello.bin";                  raw binary, looked up in the image dirs
 *         load = <hi lo>; size = <hi lo>;     added by `bulkhead pack`: where it was staged
 *       };
 *     };
 *     partitions {
 *       alpha {                                node name = partition name
 *         cpus = <0 ...>;                      physical CPUs, one vCPU each
 *         image = <&hello>;
 *         load-address = <hi lo>;              optional, default: first memory region
 *         entry = <hi lo>;                     optional, default: load-address
 *         initrd = <&ramdisk>;                 optional, with initrd-address:
 *         initrd-address = <hi lo>;            copied there, announced in /chosen
 *         bootargs = "...";                    optional, copied to the guest's /chosen
 *         fault-policy = "halt" | "restart" | "poweroff";
 *         max-restarts = <N>;                  optional, with "restart"; absent = unlimited
 *         unmapped-access = "fault" | "abort"; optional, default "fault"
 *         pmu = "none" | "owned";              optional, default "none"
 *         memory@40000000 {
 *           reg = <gpa-hi gpa-lo size-hi size-lo>;
 *           phys-base = <hi lo>;              optional fixed physical placement
 *         };
 *         console {                            emulated UART
 *           reg = <gpa-hi gpa-lo size-hi size-lo>;
 *           io-ports = <base count>;          instead of reg: in port-I/O space (x86)
 *           interrupts = <...>;               optional, in the port's binding
 *         };
 *         device@9010000 {                     passthrough device
 *           reg = <gpa-hi gpa-lo size-hi size-lo>;
 *           io-ports = <base count>;          ports, beside or instead of reg (x86)
 *           phys-base = <hi lo>;              optional, default: same as guest address
 *           compatible = "...";               copied into the guest's device tree
 *           interrupts = <...>;               copied into the guest's device tree
 *           dma = "none" | "trusted";         optional, default "none": "trusted" lets
 *                                             a DMA master through, uncontained
 *         };
 *       };
 *     };
 *     shared-memory {
 *       ring@50000000 {
 *         reg = <gpa-hi gpa-lo size-hi size-lo>;   same guest address in every peer
 *         phys-base = <hi lo>;                       optional
 *         partitions = <&alpha &beta>;
 *         doorbell = <...>;                          optional: interrupt a peer gets when another rings
 *       };
 *     };
 *   };
 *
 * All addresses and sizes are two cells (64 bits); port numbers and
 * counts one.
 */
#ifndef BULKHEAD_CONFIG_H
#define BULKHEAD_CONFIG_H

#include <bulkhead/types.h>

#define CFG_MAX_PARTITIONS	8
#define CFG_MAX_CPUS		8
#define CFG_MAX_REGIONS		8	/* memory regions per partition */
#define CFG_MAX_DEVICES		8	/* passthrough devices per partition */
#define CFG_MAX_SHM		8
#define CFG_MAX_DEVICE_IRQS	8	/* interrupt specifiers per passthrough device */
#define CFG_MAX_BANKS		4	/* board RAM banks and reserved ranges */
#define CFG_MAX_DMA_MASTERS	8	/* board ranges of bus-mastering devices */
#define CFG_NAME_MAX		32
#define CFG_PATH_MAX		128
/* The hypervisor writes each partition's device tree into the top of its
 * first memory region: that much of it is not free for images. */
#define CFG_GUEST_FDT_SIZE	0x4000

enum fault_policy {
	FAULT_HALT,
	FAULT_RESTART,
	FAULT_POWEROFF,
};

/* What a guest access to an address its partition does not map does. */
enum unmapped_access {
	UNMAPPED_FAULT,		/* a fault: reported, then the fault policy */
	UNMAPPED_ABORT,		/* reported, then an external abort at the guest's vector */
};

/* Who has the performance monitors of the partition's CPUs. */
enum cfg_pmu {
	PMU_NONE,		/* trapped: the partition sees no PMU */
	PMU_OWNED,		/* the partition programs them itself */
};

/*
 * Whether a passthrough device may master the bus. Without an IOMMU its
 * DMA uses physical addresses that no guest-physical translation limits.
 */
enum cfg_dma {
	DMA_NONE,		/* it must not: a board DMA master is refused */
	DMA_TRUSTED,		/* it may: the partition can reach all memory through it */
};

#define CFG_UNLIMITED_RESTARTS	0xffffffffu

struct cfg_range {
	uint64_t base;
	uint64_t size;
};

struct cfg_region {
	int node;		/* offset of the memory node in the config blob */
	gpaddr_t guest_base;
	uint64_t size;
	paddr_t phys_base;	/* valid when phys_fixed */
	bool phys_fixed;
};

struct cfg_device {
	int node;		/* offset of the device node in the config blob */
	gpaddr_t guest_base;
	uint64_t size;		/* 0: no MMIO, ports only */
	paddr_t phys_base;
	struct cfg_range io;	/* its ports (io-ports); size 0: none */
	enum cfg_dma dma;
};

/* A file from /images, as a partition uses it. */
struct cfg_blob {
	int node;		/* offset of the image node */
	bool staged;		/* the node has load/size (packed config) */
	paddr_t phys;		/* where `bulkhead pack` staged it */
	uint64_t size;
};

struct cfg_partition {
	char name[CFG_NAME_MAX];
	int node;		/* offset of the partition node */
	uint8_t cpus[CFG_MAX_CPUS];
	unsigned int ncpus;
	struct cfg_region mem[CFG_MAX_REGIONS];
	unsigned int nmem;
	bool has_console;
	int console_node;	/* offset of the console node */
	gpaddr_t console_base;
	uint64_t console_size;	/* 0: it is in port-I/O space, at console_io */
	struct cfg_range console_io;	/* its ports (io-ports); size 0: at reg */
	struct cfg_device dev[CFG_MAX_DEVICES];
	unsigned int ndev;
	struct cfg_blob image;
	gpaddr_t load_addr;
	gpaddr_t entry;
	struct cfg_blob initrd;	/* initrd.node is 0 when there is none */
	gpaddr_t initrd_addr;
	enum fault_policy policy;
	uint32_t max_restarts;
	enum unmapped_access unmapped_access;
	enum cfg_pmu pmu;
};

struct cfg_shm {
	unsigned int id;	/* index in config.shm: the doorbell number */
	char name[CFG_NAME_MAX];	/* node name, with its unit address */
	int node;		/* offset of the shared-memory node */
	gpaddr_t guest_base;
	uint64_t size;
	paddr_t phys_base;
	bool phys_fixed;
	uint8_t parts[CFG_MAX_PARTITIONS];	/* indices into config.part */
	unsigned int nparts;
};

/* Whether partition @part (an index into config.part) is one of @shm's peers. */
static inline bool cfg_shm_has_peer(const struct cfg_shm *shm, unsigned int part)
{
	for (unsigned int i = 0; i < shm->nparts; i++)
		if (shm->parts[i] == part)
			return true;
	return false;
}

struct cfg_board {
	struct cfg_range ram[CFG_MAX_BANKS];
	unsigned int nram;
	struct cfg_range reserved[CFG_MAX_BANKS];
	unsigned int nreserved;
	struct cfg_range hv_devices[CFG_MAX_BANKS];	/* MMIO the hypervisor drives */
	unsigned int nhv_devices;
	struct cfg_range guest_reserved[CFG_MAX_BANKS];	/* guest addresses it emulates */
	unsigned int nguest_reserved;
	struct cfg_range dma_masters[CFG_MAX_DMA_MASTERS];	/* devices that do DMA */
	unsigned int ndma_masters;
	struct cfg_range hv_io_ports[CFG_MAX_BANKS];	/* ports the hypervisor drives */
	unsigned int nhv_io_ports;
	uint32_t ncpus;
};

struct config {
	const void *fdt;
	struct cfg_board board;
	struct cfg_partition part[CFG_MAX_PARTITIONS];
	unsigned int npart;
	struct cfg_shm shm[CFG_MAX_SHM];
	unsigned int nshm;
};

/* Where and why a config was rejected: node path, property, message. */
struct config_error {
	char path[CFG_PATH_MAX];
	char prop[CFG_NAME_MAX];
	char msg[256];
};

/*
 * Parse the config tree into @cfg. Checks syntax: known nodes and
 * properties, cell counts, value ranges, references. Returns 0 or -1 with
 * @err filled. Called at boot on CPU 0 before other CPUs start, and by the
 * host tool.
 */
int config_parse(const void *fdt, struct config *cfg, struct config_error *err);

/*
 * Check the parsed config against itself and the board facts: overlaps,
 * regions outside RAM or inside reserved ranges, alignment, CPUs given twice
 * or beyond the board, DMA masters passed through without dma = "trusted".
 * Returns 0 or -1 with @err filled.
 */
int config_validate(const struct config *cfg, struct config_error *err);

/*
 * Part of config_validate(): decode every interrupt specifier with the
 * port's binding and refuse interrupts used twice. 0 or -1 with @err.
 */
int config_check_irqs(const struct config *cfg, struct config_error *err);

/*
 * Part of config_validate(): the io-ports of consoles and devices and the
 * board's hypervisor-io-ports against the port's port I/O (none outside
 * x86: refused), the hypervisor's ports and each other. 0 or -1 with @err.
 */
int config_check_io(const struct config *cfg, struct config_error *err);

#endif
