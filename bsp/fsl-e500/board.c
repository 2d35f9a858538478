// SPDX-License-Identifier: MIT
/*
 * Boards with a Freescale e500 SoC as QEMU builds them (ppce500,
 * mpc8544ds): everything comes from the board device tree. The SoC's
 * registers (CCSR) sit behind the `soc` node's ranges (36-bit on
 * ppce500). The hypervisor keeps the CCSR's first page (CCSRBAR and the
 * local access windows, which would let whoever writes them move memory
 * and devices around), the DUART, the MPIC, the GPIO and global
 * utilities it powers off with and the PCI controller; another CCSR
 * device (the I2C controller) may be passed through.
 * Secondary CPUs wait in the ePAPR spin table their cpu-release-addr
 * names (a page of its own, also the hypervisor's).
 *
 * Power-off: a "gpio-poweroff" node (ppce500: GPIO 0 of the QorIQ GPIO
 * block ends QEMU with status 0), else a reset request through the
 * global utilities' RSTCR, which QEMU started with -no-reboot also ends
 * with status 0. Failures: QEMU's pvpanic-pci device behind the SoC's PCI
 * controller, when the machine has one (CONFIG_QEMU_EXTRA_ARGS), makes
 * QEMU exit with status 1 instead.
 */
#include <string.h>
#include <bulkhead/board.h>
#include <bulkhead/board_fdt.h>
#include <bulkhead/port.h>
#include <bulkhead/pvpanic_pci.h>

#define GPIO_DIR		0x00	/* QorIQ GPIO: direction, 1 = output */
#define GPIO_DAT		0x08	/* data */
#define GPIO_PIN(n)		(0x80000000u >> (n))
#define GUTS_RSTCR		0xb0	/* reset control */
#define RSTCR_HRESET_REQ	0x2
#define SPIN_TABLE_PAGE		0x1000
#define CCSR_MAP_PAGE		0x1000	/* CCSRBAR and the local access windows */
/* PCI address space code: bits 25:24 of a ranges entry's first cell */
#define PCI_SPACE(hi)		((fdt32_to_cpu(hi) >> 24) & 3)
#define PCI_SPACE_MEM32		2

static volatile uint32_t *poweroff_gpio;
static unsigned int poweroff_pin;
static volatile uint32_t *guts;

/* Map a device node's first reg as a lasting hypervisor device */
static volatile uint32_t *map_node(const void *fdt, int node, struct board_info *info)
{
	uint64_t base, size;

	if (node < 0 || board_fdt_bus_reg(fdt, node, 0, &base, &size))
		return NULL;
	board_add_hv_mmio(info, base, size);
	return port_device_map(base, size, true);
}

static void discover_power_off(const void *fdt, struct board_info *info)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "gpio-poweroff"), len;
	const fdt32_t *gpios = node < 0 ? NULL : fdt_getprop(fdt, node, "gpios", &len);

	if (gpios && len >= 8) {
		poweroff_gpio = map_node(fdt, fdt_node_offset_by_phandle(fdt, fdt32_to_cpu(gpios[0])),
					 info);
		poweroff_pin = fdt32_to_cpu(gpios[1]);
	}
	node = fdt_node_offset_by_prop_value(fdt, -1, "fsl,has-rstcr", NULL, 0);
	guts = map_node(fdt, node, info);
}

/*
 * The whole CCSR, what the soc node's ranges map: one lasting mapping
 * that every SoC device the hypervisor drives then comes out of. Its
 * first page (CCSRBAR, the local access windows) is the hypervisor's.
 */
static void discover_ccsr(const void *fdt, struct board_info *info)
{
	int soc = fdt_node_offset_by_compatible(fdt, -1, "fsl,mpc8544-immr");
	const fdt32_t *r = soc < 0 ? NULL : fdt_getprop(fdt, soc, "ranges", NULL);
	int pac = fdt_address_cells(fdt, 0);
	uint64_t base, size;

	if (!r || pac < 1 || pac > 2)
		return;
	base = board_fdt_cells(r + 1, pac);
	size = fdt32_to_cpu(r[1 + pac]);
	board_add_hv_mmio(info, base, CCSR_MAP_PAGE);
	port_device_map(base, size, true);
}

/* The buses whose windows are devices: the PCI host and the platform bus */
static const char *const window_buses[] = { "fsl,mpc8540-pci", "qemu,platform" };

/* Each CPU-side window of @node's ranges, handed to @add */
static void add_windows(const void *fdt, int node, struct board_info *info,
			void (*add)(struct board_info *, uint64_t, uint64_t))
{
	int cac = fdt_address_cells(fdt, node), pac = fdt_address_cells(fdt, 0);
	int sc = fdt_size_cells(fdt, node), entry = cac + pac + sc, len;
	const fdt32_t *r = node < 0 ? NULL : fdt_getprop(fdt, node, "ranges", &len);

	if (!r || cac < 1 || cac > 3 || pac < 1 || pac > 2 || sc < 1 || sc > 2)
		return;
	for (; len >= entry * 4; r += entry, len -= entry * 4)
		add(info, board_fdt_cells(r + cac, pac), board_fdt_cells(r + cac + pac, sc));
}

/* The PCI controller's registers and every bus window: the hypervisor's */
static void discover_buses(const void *fdt, struct board_info *info)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(window_buses); i++) {
		int node = fdt_node_offset_by_compatible(fdt, -1, window_buses[i]);
		uint64_t base, size;

		if (node < 0)
			continue;
		if (!board_fdt_bus_reg(fdt, node, 0, &base, &size))
			board_add_hv_mmio(info, base, size);
		add_windows(fdt, node, info, board_add_hv_mmio);
	}
}

/*
 * The SoC's PCI controller and its 32-bit memory window, the first
 * ranges entry <PCI address (3 cells), CPU address, size> of that space
 * (discover_buses() made all of it the hypervisor's), and the pvpanic-pci
 * device behind it, where QEMU was given one.
 */
static void discover_pci(const void *fdt, struct board_info *info)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "fsl,mpc8540-pci");
	int pac = fdt_address_cells(fdt, 0), sc = fdt_size_cells(fdt, node), len;
	const fdt32_t *r = node < 0 ? NULL : fdt_getprop(fdt, node, "ranges", &len);
	struct board_pci *pci = &info->pci;
	uint64_t regs, size;

	if (!r || board_fdt_bus_reg(fdt, node, 0, &regs, &size) || pac < 1 || pac > 2 ||
	    sc < 1 || sc > 2)
		return;
	for (; len >= (3 + pac + sc) * 4; r += 3 + pac + sc, len -= (3 + pac + sc) * 4) {
		if (PCI_SPACE(r[0]) == PCI_SPACE_MEM32) {
			pci->mem32_bus = board_fdt_cells(r + 1, 2);
			pci->mem32_base = board_fdt_cells(r + 3, pac);
			pci->mem32_size = board_fdt_cells(r + 3 + pac, sc);
			break;
		}
	}
	pvpanic_fsl_pci_probe(regs, pci);	/* absent: failures power off like success */
}

int bsp_discover(const void *fdt, struct board_info *info)
{
	int mpic = fdt_node_offset_by_compatible(fdt, -1, "fsl,mpic");

	memset(info, 0, sizeof(*info));
	discover_ccsr(fdt, info);
	board_fdt_memory(fdt, info);
	board_fdt_cpus(fdt, info);
	for (unsigned int i = 0; i < info->ncpus; i++)
		if (info->cpu_release_addr[i])
			board_add_hv_mmio(info, info->cpu_release_addr[i] & ~(SPIN_TABLE_PAGE - 1),
					  SPIN_TABLE_PAGE);
	if (!board_fdt_bus_reg(fdt, board_fdt_stdout_node(fdt, "ns16550"), 0, &info->uart.base,
			   &info->uart.size))
		board_add_hv_mmio(info, info->uart.base, info->uart.size);
	if (mpic >= 0 && !board_fdt_bus_reg(fdt, mpic, 0, &info->intc.distributor.base,
					&info->intc.distributor.size))
		board_add_hv_mmio(info, info->intc.distributor.base, info->intc.distributor.size);
	discover_power_off(fdt, info);
	discover_buses(fdt, info);
	discover_pci(fdt, info);
	return info->nram && info->uart.size && info->intc.distributor.size ? 0 : -1;
}

/*
 * What masters the bus here: the PCI host's devices (its memory and I/O
 * windows) and whatever QEMU puts on the platform bus.
 */
void bsp_find_dma_masters(const void *fdt, struct board_info *info)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(window_buses); i++)
		add_windows(fdt, fdt_node_offset_by_compatible(fdt, -1, window_buses[i]), info,
			    board_add_dma_master);
}

bool bsp_signal_failure(void)
{
	return pvpanic_pci_signal();
}

void bsp_power_off(void)
{
	if (poweroff_gpio) {
		poweroff_gpio[GPIO_DIR / 4] = GPIO_PIN(poweroff_pin);
		poweroff_gpio[GPIO_DAT / 4] = GPIO_PIN(poweroff_pin);
	}
	if (guts)
		guts[GUTS_RSTCR / 4] = RSTCR_HRESET_REQ;
}
