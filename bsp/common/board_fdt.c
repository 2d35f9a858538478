// SPDX-License-Identifier: MIT
/* Reading a board device tree into struct board_info (board_fdt.h). */
#include <string.h>
#include <bulkhead/board_fdt.h>

uint64_t board_fdt_cells(const fdt32_t *cell, int n)
{
	uint64_t v = 0;

	for (int i = 0; i < n; i++)
		v = (v << 32) | fdt32_to_cpu(cell[i]);
	return v;
}

/*
 * @addr, an address on the bus @node, as its parent bus sees it: one
 * `ranges` entry <child address, parent address, size> must hold it; an
 * empty `ranges` is the identity.
 */
static int translate_up(const void *fdt, int node, uint64_t *addr)
{
	int parent = fdt_parent_offset(fdt, node), len;
	int cac = fdt_address_cells(fdt, node), sc = fdt_size_cells(fdt, node);
	int pac = fdt_address_cells(fdt, parent), entry = cac + pac + sc;
	const fdt32_t *r = fdt_getprop(fdt, node, "ranges", &len);

	if (!r || parent < 0 || cac < 1 || cac > 2 || pac < 1 || pac > 2 || sc < 1 || sc > 2)
		return -1;
	if (!len)
		return 0;
	for (; len >= entry * 4; r += entry, len -= entry * 4) {
		uint64_t child = board_fdt_cells(r, cac), size = board_fdt_cells(r + cac + pac, sc);

		if (*addr >= child && *addr - child < size) {
			*addr = board_fdt_cells(r + cac, pac) + (*addr - child);
			return 0;
		}
	}
	return -1;
}

/* The @idx-th pair of @node's reg, read with the cells of @bus */
static int read_reg(const void *fdt, int bus, int node, int idx, uint64_t *base,
		    uint64_t *size)
{
	int ac = fdt_address_cells(fdt, bus), sc = fdt_size_cells(fdt, bus), len;
	const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);

	if (!reg || bus < 0 || ac < 1 || ac > 2 || sc < 0 || sc > 2 ||
	    len < (idx + 1) * (ac + sc) * 4)
		return -1;
	reg += idx * (ac + sc);
	*base = board_fdt_cells(reg, ac);
	*size = board_fdt_cells(reg + ac, sc);
	return 0;
}

int board_fdt_reg(const void *fdt, int node, int idx, uint64_t *base, uint64_t *size)
{
	return read_reg(fdt, 0, node, idx, base, size);
}

int board_fdt_bus_reg(const void *fdt, int node, int idx, uint64_t *base, uint64_t *size)
{
	int bus = fdt_parent_offset(fdt, node);

	if (read_reg(fdt, bus, node, idx, base, size))
		return -1;
	for (; bus > 0; bus = fdt_parent_offset(fdt, bus))
		if (translate_up(fdt, bus, base))
			return -1;
	return 0;
}

void board_fdt_memory(const void *fdt, struct board_info *info)
{
	int node;

	fdt_for_each_subnode(node, fdt, 0) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);
		uint64_t base, size;

		if (!type || strcmp(type, "memory"))
			continue;
		for (int i = 0; info->nram < CFG_MAX_BANKS &&
				!board_fdt_reg(fdt, node, i, &base, &size); i++) {
			info->ram[info->nram].base = base;
			info->ram[info->nram].size = size;
			info->nram++;
		}
	}
}

void board_fdt_cpus(const void *fdt, struct board_info *info)
{
	int cpus = fdt_path_offset(fdt, "/cpus"), node, len;

	fdt_for_each_subnode(node, fdt, cpus) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);
		const fdt32_t *reg = fdt_getprop(fdt, node, "reg", NULL);
		const fdt32_t *release = fdt_getprop(fdt, node, "cpu-release-addr", &len);

		if (!type || strcmp(type, "cpu") || !reg || info->ncpus == CFG_MAX_CPUS)
			continue;
		if (release && len == 8)
			info->cpu_release_addr[info->ncpus] = board_fdt_cells(release, 2);
		info->cpu_hwid[info->ncpus++] = fdt32_to_cpu(*reg);
	}
	if (!info->ncpus) {
		info->cpu_hwid[0] = 0;
		info->ncpus = 1;
	}
}

int board_fdt_stdout_node(const void *fdt, const char *compat)
{
	const char *path = fdt_getprop(fdt, fdt_path_offset(fdt, "/chosen"), "stdout-path", NULL);
	int node = -1;

	if (path)
		node = fdt_path_offset_namelen(fdt, path, strcspn(path, ":"));
	if (node < 0)
		node = fdt_node_offset_by_compatible(fdt, -1, compat);
	return node;
}

void board_add_hv_mmio(struct board_info *info, uint64_t base, uint64_t size)
{
	for (unsigned int i = 0; i < info->nhv_mmio; i++)
		if (info->hv_mmio[i].base == base && info->hv_mmio[i].size == size)
			return;
	if (size && info->nhv_mmio < ARRAY_SIZE(info->hv_mmio)) {
		info->hv_mmio[info->nhv_mmio].base = base;
		info->hv_mmio[info->nhv_mmio].size = size;
		info->nhv_mmio++;
	}
}

void board_add_dma_master(struct board_info *info, uint64_t base, uint64_t size)
{
	unsigned int i, max = ARRAY_SIZE(info->dma_masters);
	uint64_t end = base + size;
	struct cfg_range *r;

	for (i = 0; i < info->ndma_masters; i++) {
		r = &info->dma_masters[i];
		if (r->base <= end && base <= r->base + r->size)
			break;
	}
	if (i == info->ndma_masters && i < max) {
		info->dma_masters[info->ndma_masters++] = (struct cfg_range){ base, size };
		return;
	}
	r = &info->dma_masters[i < info->ndma_masters ? i : max - 1];
	if (r->base + r->size > end)
		end = r->base + r->size;
	if (r->base < base)
		base = r->base;
	r->base = base;
	r->size = end - base;
}
