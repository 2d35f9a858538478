// SPDX-License-Identifier: MIT
/*
 * Boot: board discovery, config, partitions, secondary CPUs, then every
 * CPU enters the run loop.
 */
#include <string.h>
#include <libfdt.h>
#include <bulkhead/board.h>
#include <bulkhead/console.h>
#include <bulkhead/core.h>
#include <bulkhead/page_alloc.h>
#include <bulkhead/partition.h>
#include <bulkhead/placement.h>
#include <bulkhead/port.h>

#define BOARD_FDT_MAX	0x10000

struct board_info board;
static uint8_t board_fdt[BOARD_FDT_MAX] __attribute__((aligned(8)));
static struct config config;
static struct placement placement;

/*
 * What board_setup() and board_setup_info() share: @boot_info is for
 * bsp_discover(), @fdt the board tree kept for later (NULL: none).
 */
static void board_start(const void *boot_info, const void *fdt)
{
	uint64_t ram = 0;
	bool ok;

	ok = !bsp_discover(boot_info, &board);
	board.fdt = fdt;
	uart_init(board.uart.base, board.uart.size);
	if (!ok)
		hv_panic("the board device tree lacks RAM or the interrupt controller");
	for (unsigned int i = 0; i < board.nram; i++)
		ram += board.ram[i].size;
	hv_printf("Bulkhead hypervisor on %s: %u CPUs, %llu MiB RAM", CONFIG_BOARD,
		  board.ncpus, (unsigned long long)(ram >> 20));
	if (board.ncpus > CONFIG_NR_CPUS) {
		hv_printf("using the first %u CPUs (CONFIG_NR_CPUS)", CONFIG_NR_CPUS);
		board.ncpus = CONFIG_NR_CPUS;
	}
}

void board_setup(void *fdt)
{
	/* QEMU pads its tree to 1 MiB: pack it in place (the memory is ours)
	 * before taking a copy of just what it holds. */
	if (fdt_check_header(fdt) || fdt_pack((void *)fdt) ||
	    fdt_move(fdt, board_fdt, sizeof(board_fdt)))
		fdt_create_empty_tree(board_fdt, sizeof(board_fdt));
	board_start(board_fdt, board_fdt);
}

void board_setup_info(const void *boot_info)
{
	board_start(boot_info, NULL);
}

static bool overlaps_any(const struct cfg_range *r, unsigned int n, uint64_t base, uint64_t size)
{
	for (unsigned int i = 0; i < n; i++)
		if (ranges_overlap(r[i].base, r[i].size, base, size))
			return true;
	return false;
}

/*
 * The validator knew the board only from the config; the device tree we
 * booted with is the truth. A passthrough device must not be the RAM we
 * hand out, nor a device the hypervisor itself drives, nor a DMA master
 * the config does not say it trusts. Each trusted one is reported: with
 * no IOMMU, what it reads and writes is not contained.
 */
static void check_passthrough(const void *pkg, const struct cfg_partition *c,
			      const struct cfg_device *d)
{
	unsigned long long first = d->phys_base, last = d->phys_base + d->size - 1;
	char path[CFG_PATH_MAX];

	if (fdt_get_path(pkg, d->node, path, sizeof(path)))
		strcpy(path, "a passthrough device");
	if (overlaps_any(board.ram, board.nram, d->phys_base, d->size) ||
	    overlaps_any(board.hv_mmio, board.nhv_mmio, d->phys_base, d->size))
		hv_panic("config: %s: reg: 0x%llx-0x%llx is RAM or a device of the hypervisor",
			 path, first, last);
	if (d->dma == DMA_TRUSTED)
		hv_printf("%s: warning: %s has dma = \"trusted\": its DMA is not contained, it can reach all physical memory",
			  c->name, path);
	else if (overlaps_any(board.dma_masters, board.ndma_masters, d->phys_base, d->size))
		hv_panic("config: %s: reg: 0x%llx-0x%llx is a DMA master on this board: passing it through needs dma = \"trusted\"",
			 path, first, last);
}

static bool passes_devices_through(const struct config *cfg)
{
	for (unsigned int i = 0; i < cfg->npart; i++)
		if (cfg->part[i].ndev)
			return true;
	return false;
}

static const void *load_config(void)
{
	const void *pkg = (const void *)(uintptr_t)CONFIG_PACKAGE_ADDR;
	struct config_error err;

	if (fdt_check_header(pkg))
		hv_panic("no partition config at 0x%x: was the package loaded?",
			 CONFIG_PACKAGE_ADDR);
	if (config_parse(pkg, &config, &err) || config_validate(&config, &err))
		hv_panic("config: %s: %s: %s", err.path, err.prop, err.msg);
	if (passes_devices_through(&config))
		bsp_find_dma_masters(board.fdt, &board);
	for (unsigned int i = 0; i < config.npart; i++) {
		const struct cfg_partition *c = &config.part[i];

		if (!c->image.staged)
			hv_panic("config: partition %s: image was not packed (bulkhead pack)",
				 c->name);
		for (unsigned int j = 0; j < c->ncpus; j++)
			if (c->cpus[j] >= board.ncpus)
				hv_panic("config: partition %s wants CPU %u; the board has %u",
					 c->name, c->cpus[j], board.ncpus);
		for (unsigned int j = 0; j < c->ndev; j++)
			check_passthrough(pkg, c, &c->dev[j]);
	}
	/* The board's RAM as we found it, which the validator could only assume */
	if (config_place(&config, board.ram, board.nram, &placement, &err))
		hv_panic("config: %s: %s: %s", err.path, err.prop, err.msg);
	return pkg;
}

/* Returns the set of CPUs that did not start. */
static uint32_t start_secondaries(void)
{
	uint32_t failed = 0;

	for (unsigned int cpu = 1; cpu < board.ncpus; cpu++)
		if (port_cpu_start(cpu)) {
			hv_printf("CPU %u did not start", cpu);
			failed |= 1u << cpu;
		}
	return failed;
}

static bool uses_cpus(const struct partition *p, uint32_t cpus)
{
	for (unsigned int i = 0; i < p->nvcpus; i++)
		if (cpus & (1u << p->vcpu[i].cpu))
			return true;
	return false;
}

void core_main(void)
{
	extern char __hv_end[];
	uintptr_t pool = (uintptr_t)__hv_end;
	uint32_t dead_cpus;

	page_pool_init(&hv_pool, pool, __hv_end, CONFIG_HV_LOAD_ADDR + CONFIG_HV_SIZE - pool);
	load_config();
	if (partitions_create(&config, &placement))
		hv_panic("cannot create the partitions (see above)");
	dead_cpus = start_secondaries();
	for (unsigned int i = 0; i < npartitions; i++) {
		if (uses_cpus(&partitions[i], dead_cpus))
			partition_abandon(&partitions[i], "one of its CPUs did not start");
		else
			partition_boot(&partitions[i]);
	}
	core_cpu_loop(0);
}
