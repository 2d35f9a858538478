// SPDX-License-Identifier: MIT
/*
 * QEMU's pvpanic-pci device (PCI ID 1b36:0011). A one-byte write of
 * PVPANIC_PANICKED to its register makes QEMU treat the machine as
 * panicked; with `-action panic=exit-failure` QEMU then exits with status
 * 1. Guests cannot reach the device: the whole PCIe host is the
 * hypervisor's (docs/security.md explains why this and not semihosting).
 *
 * All configuration-space work happens at boot, through the host's ECAM
 * (memory-mapped configuration space, 4 KiB per function): find the
 * device on bus 0, move its memory BAR 0 to the first page of the 32-bit
 * window and turn on memory decoding. At failure only the register write
 * is left, which is safe on any CPU in any state.
 */
#include <bulkhead/board.h>
#include <bulkhead/port.h>
#include <bulkhead/pvpanic_pci.h>

#define PVPANIC_VENDOR		0x1b36u		/* Red Hat: QEMU's own devices */
#define PVPANIC_DEVICE		0x0011u
#define PVPANIC_PANICKED	0x01		/* event bit; reads give the supported ones */

/* Type 0 configuration header (PCI Local Bus Specification 3.0, 6.1) */
#define PCI_ID			0x00		/* vendor ID, device ID above it */
#define PCI_COMMAND		0x04		/* 16 bits */
#define PCI_COMMAND_MEMORY	0x0002
#define PCI_BAR0		0x10
#define PCI_BAR1		0x14
#define PCI_BAR_IO		0x1
#define PCI_BAR_TYPE		0x6
#define PCI_BAR_TYPE_64		0x4
#define PCI_BAR_FLAGS		0xfu

#define ECAM_BUS_SIZE		0x100000	/* 32 devices x 8 functions x 4 KiB */
#define ECAM_DEVICE(dev)	((dev) << 15)
#define PCI_DEVICES		32

static volatile uint8_t *pvpanic_reg;

static volatile uint32_t *config32(volatile uint8_t *fn, unsigned int reg)
{
	return (volatile uint32_t *)(fn + reg);
}

static volatile uint16_t *config16(volatile uint8_t *fn, unsigned int reg)
{
	return (volatile uint16_t *)(fn + reg);
}

/* Function 0 of the pvpanic device on bus 0, or NULL. */
static volatile uint8_t *find_device(volatile uint8_t *bus0)
{
	for (unsigned int dev = 0; dev < PCI_DEVICES; dev++) {
		volatile uint8_t *fn = bus0 + ECAM_DEVICE(dev);

		if (*config32(fn, PCI_ID) == (PVPANIC_DEVICE << 16 | PVPANIC_VENDOR))
			return fn;
	}
	return NULL;
}

/*
 * Size of memory BAR 0 by the all-ones probe (memory decoding off), 0 for
 * an I/O BAR. Only the low 32 bits are probed: a register page does not
 * need more.
 */
static uint64_t bar0_size(volatile uint8_t *fn)
{
	volatile uint32_t *bar = config32(fn, PCI_BAR0);
	uint32_t mask;

	if (*bar & PCI_BAR_IO)
		return 0;
	*bar = ~0u;
	mask = *bar & ~PCI_BAR_FLAGS;
	return mask ? (uint64_t)(uint32_t)(~mask + 1) : 0;
}

/* Give BAR 0 the bus address @bus and let the device decode it. */
static int place_bar0(volatile uint8_t *fn, uint64_t bus)
{
	volatile uint16_t *command = config16(fn, PCI_COMMAND);
	uint32_t type = *config32(fn, PCI_BAR0) & PCI_BAR_TYPE;
	uint64_t size;

	*command &= ~PCI_COMMAND_MEMORY;
	size = bar0_size(fn);
	if (!size || size > PAGE_SIZE)
		return -1;
	*config32(fn, PCI_BAR0) = (uint32_t)bus;
	if (type == PCI_BAR_TYPE_64)
		*config32(fn, PCI_BAR1) = 0;
	*command |= PCI_COMMAND_MEMORY;
	return 0;
}

int pvpanic_pci_probe(const struct board_pci *pci)
{
	volatile uint8_t *bus0, *fn, *reg;

	if (pci->ecam_size < ECAM_BUS_SIZE || pci->mem32_size < PAGE_SIZE ||
	    !IS_ALIGNED(pci->mem32_bus, PAGE_SIZE) || pci->mem32_bus >= 1ull << 32)
		return -1;
	/* The register page first: a mapping may reuse the window ECAM needs. */
	reg = port_device_map(pci->mem32_base, PAGE_SIZE, true);
	bus0 = port_device_map(pci->ecam_base, ECAM_BUS_SIZE, false);
	if (!reg || !bus0)
		return -1;
	fn = find_device(bus0);
	if (!fn || place_bar0(fn, pci->mem32_bus))
		return -1;
	/* It answers with the events it supports: proof the page is it. */
	if (!(*reg & PVPANIC_PANICKED)) {
		*config16(fn, PCI_COMMAND) &= ~PCI_COMMAND_MEMORY;
		return -1;
	}
	pvpanic_reg = reg;
	return 0;
}

bool pvpanic_pci_signal(void)
{
	if (!pvpanic_reg)
		return false;
	*pvpanic_reg = PVPANIC_PANICKED;
	return true;
}
