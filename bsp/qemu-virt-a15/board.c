// SPDX-License-Identifier: MIT
/*
 * qemu-virt-a15: read RAM, CPUs, UART and GIC from the board device tree
 * (QEMU generates it; U-Boot passes it on), falling back to defconfig
 * values where the tree has nothing.
 */
#include <string.h>
#include <libfdt.h>
#include <bulkhead/board.h>
#include <bulkhead/port.h>

/* Read the idx-th (address, size) pair of @node's reg, using the root's cells. */
static int read_reg(const void *fdt, int node, int idx, uint64_t *base, uint64_t *size)
{
	int ac = fdt_address_cells(fdt, 0), sc = fdt_size_cells(fdt, 0), len;
	const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);
	uint64_t v[2] = { 0, 0 };

	if (!reg || ac < 1 || ac > 2 || sc < 0 || sc > 2 ||
	    len < (idx + 1) * (ac + sc) * 4)
		return -1;
	reg += idx * (ac + sc);
	for (int i = 0; i < ac + sc; i++) {
		int which = i < ac ? 0 : 1;

		v[which] = (v[which] << 32) | fdt32_to_cpu(reg[i]);
	}
	*base = v[0];
	*size = v[1];
	return 0;
}

static void discover_memory(const void *fdt, struct board_info *info)
{
	int node;

	fdt_for_each_subnode(node, fdt, 0) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);
		uint64_t base, size;

		if (!type || strcmp(type, "memory"))
			continue;
		for (int i = 0; info->nram < CFG_MAX_BANKS &&
				!read_reg(fdt, node, i, &base, &size); i++) {
			info->ram[info->nram].base = base;
			info->ram[info->nram].size = size;
			info->nram++;
		}
	}
}

static uint64_t total_ram(const struct board_info *info)
{
	uint64_t sum = 0;

	for (unsigned int i = 0; i < info->nram; i++)
		sum += info->ram[i].size;
	return sum;
}

/*
 * QEMU always leaves the tree it generated at the start of RAM. Debian's
 * U-Boot for qemu_arm has no LPAE and rewrites /memory in the tree it
 * passes to what it can address itself (2 GiB with `-m 6G`), so the RAM
 * beyond comes from QEMU's own tree when that one knows more.
 */
static void discover_memory_beyond_firmware(struct board_info *info)
{
	const void *qemu_fdt = (const void *)(uintptr_t)CONFIG_QEMU_DTB_ADDR;
	struct board_info qemu = { .nram = 0 };

	if (fdt_check_header(qemu_fdt))
		return;
	discover_memory(qemu_fdt, &qemu);
	if (total_ram(&qemu) > total_ram(info)) {
		memcpy(info->ram, qemu.ram, sizeof(info->ram));
		info->nram = qemu.nram;
	}
}

static void discover_cpus(const void *fdt, struct board_info *info)
{
	int cpus = fdt_path_offset(fdt, "/cpus"), node;

	if (cpus < 0)
		return;
	fdt_for_each_subnode(node, fdt, cpus) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);
		const fdt32_t *reg = fdt_getprop(fdt, node, "reg", NULL);

		if (type && !strcmp(type, "cpu") && reg && info->ncpus < CFG_MAX_CPUS)
			info->cpu_hwid[info->ncpus++] = fdt32_to_cpu(*reg);
	}
}

/* The UART /chosen/stdout-path names, or the first PL011. */
static int uart_node(const void *fdt)
{
	const char *path = fdt_getprop(fdt, fdt_path_offset(fdt, "/chosen"), "stdout-path", NULL);
	int node = -1;

	if (path) {
		size_t len = strcspn(path, ":");

		node = fdt_path_offset_namelen(fdt, path, len);
	}
	if (node < 0)
		node = fdt_node_offset_by_compatible(fdt, -1, "arm,pl011");
	return node;
}

static void add_hv_mmio(struct board_info *info, uint64_t base, uint64_t size)
{
	if (size && info->nhv_mmio < ARRAY_SIZE(info->hv_mmio)) {
		info->hv_mmio[info->nhv_mmio].base = base;
		info->hv_mmio[info->nhv_mmio].size = size;
		info->nhv_mmio++;
	}
}

int bsp_discover(const void *fdt, struct board_info *info)
{
	int gic = fdt_node_offset_by_compatible(fdt, -1, "arm,cortex-a15-gic");
	uint64_t size;

	memset(info, 0, sizeof(*info));
	discover_memory(fdt, info);
	discover_memory_beyond_firmware(info);
	discover_cpus(fdt, info);
	if (read_reg(fdt, uart_node(fdt), 0, &info->uart_base, &size)) {
		info->uart_base = CONFIG_FALLBACK_UART_BASE;
		size = 0x1000;
	}
	add_hv_mmio(info, info->uart_base, size);
	for (int i = 0; i < 4; i++)
		if (!read_reg(fdt, gic, i, &info->intc_base[i], &size))
			add_hv_mmio(info, info->intc_base[i], size);
	if (!info->ncpus) {
		info->cpu_hwid[0] = 0;
		info->ncpus = 1;
	}
	return info->nram && info->intc_base[0] ? 0 : -1;
}
