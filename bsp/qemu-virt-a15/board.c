// SPDX-License-Identifier: MIT
/*
 * qemu-virt-a15: read RAM, CPUs, UART, GIC, the PCIe host and the DMA
 * masters from the board device tree (QEMU generates it; U-Boot passes it
 * on), falling back to defconfig values where the tree has nothing, and
 * set up the pvpanic-pci device that reports the hypervisor's failures to
 * QEMU.
 */
#include <string.h>
#include <libfdt.h>
#include <bulkhead/board.h>
#include <bulkhead/board_fdt.h>
#include <bulkhead/port.h>
#include <bulkhead/pvpanic_pci.h>

/* PCI address space code: bits 25:24 of a ranges entry's first cell */
#define PCI_SPACE(hi)		((fdt32_to_cpu(hi) >> 24) & 3)
#define PCI_SPACE_MEM32		2

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
	board_fdt_memory(qemu_fdt, &qemu);
	if (total_ram(&qemu) > total_ram(info)) {
		memcpy(info->ram, qemu.ram, sizeof(info->ram));
		info->nram = qemu.nram;
	}
}

/*
 * The PCIe host: QEMU puts its ECAM at 0x3f000000 when firmware (U-Boot)
 * runs first and at 0x40_1000_0000 otherwise. The ECAM and every window
 * (I/O, 32- and 64-bit memory) are the hypervisor's, never a partition's.
 * Each ranges entry is <PCI address (3 cells), CPU address, size>.
 */
static void discover_pci(const void *fdt, struct board_info *info)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "pci-host-ecam-generic");
	int ac = fdt_address_cells(fdt, 0), sc, len;
	struct board_pci *pci = &info->pci;
	const fdt32_t *r;

	if (node < 0 || board_fdt_reg(fdt, node, 0, &pci->ecam_base, &pci->ecam_size))
		return;
	board_add_hv_mmio(info, pci->ecam_base, pci->ecam_size);
	sc = fdt_size_cells(fdt, node);
	r = fdt_getprop(fdt, node, "ranges", &len);
	if (!r || ac < 1 || ac > 2 || sc < 1 || sc > 2)
		return;
	for (; len >= (3 + ac + sc) * 4; r += 3 + ac + sc, len -= (3 + ac + sc) * 4) {
		uint64_t cpu = board_fdt_cells(r + 3, ac), size = board_fdt_cells(r + 3 + ac, sc);

		board_add_hv_mmio(info, cpu, size);
		if (PCI_SPACE(r[0]) == PCI_SPACE_MEM32 && !pci->mem32_size) {
			pci->mem32_base = cpu;
			pci->mem32_bus = board_fdt_cells(r + 1, 2);
			pci->mem32_size = size;
		}
	}
}

/*
 * The devices that master the bus: QEMU's virt marks each dma-coherent
 * (fw-cfg, every virtio-mmio transport, the PCIe host, an SMMU), all
 * directly under the root. Each reg is read in one go: board_fdt_reg()
 * would look the root's cells up again for every entry.
 */
void bsp_find_dma_masters(const void *fdt, struct board_info *info)
{
	int ac = fdt_address_cells(fdt, 0), sc = fdt_size_cells(fdt, 0), node, len;
	const fdt32_t *reg;

	if (ac < 1 || ac > 2 || sc < 1 || sc > 2)
		return;
	fdt_for_each_subnode(node, fdt, 0) {
		if (!fdt_getprop(fdt, node, "dma-coherent", NULL))
			continue;
		reg = fdt_getprop(fdt, node, "reg", &len);
		for (; reg && len >= (ac + sc) * 4; reg += ac + sc, len -= (ac + sc) * 4)
			board_add_dma_master(info, board_fdt_cells(reg, ac), board_fdt_cells(reg + ac, sc));
	}
}

bool bsp_signal_failure(void)
{
	return pvpanic_pci_signal();
}

int bsp_discover(const void *fdt, struct board_info *info)
{
	int gic = fdt_node_offset_by_compatible(fdt, -1, "arm,cortex-a15-gic");
	struct board_mmio *gic_regs[] = {
		&info->intc.distributor, &info->intc.cpu_interface,
		&info->intc.hyp_control, &info->intc.virtual_cpu,
	};

	memset(info, 0, sizeof(*info));
	board_fdt_memory(fdt, info);
	discover_memory_beyond_firmware(info);
	board_fdt_cpus(fdt, info);
	if (board_fdt_reg(fdt, board_fdt_stdout_node(fdt, "arm,pl011"), 0, &info->uart.base,
			  &info->uart.size)) {
		info->uart.base = CONFIG_FALLBACK_UART_BASE;
		info->uart.size = 0x1000;
	}
	board_add_hv_mmio(info, info->uart.base, info->uart.size);
	/* The binding's reg order: distributor, CPU, hyp control, virtual CPU */
	for (unsigned int i = 0; i < ARRAY_SIZE(gic_regs); i++)
		if (!board_fdt_reg(fdt, gic, i, &gic_regs[i]->base, &gic_regs[i]->size))
			board_add_hv_mmio(info, gic_regs[i]->base, gic_regs[i]->size);
	discover_pci(fdt, info);
	pvpanic_pci_probe(&info->pci);	/* absent: failures power off like success */
	return info->nram && info->intc.distributor.size ? 0 : -1;
}
