// SPDX-License-Identifier: MIT
/*
 * QEMU's pvpanic-pci device (PCI ID 1b36:0011). A one-byte write of
 * PVPANIC_PANICKED to its register makes QEMU treat the machine as
 * panicked; with `-action panic=exit-failure` QEMU then exits with status
 * 1. Guests cannot reach the device: the whole PCI host is the
 * hypervisor's (docs/security.md explains why this and not semihosting).
 *
 * All configuration-space work happens at boot, through the accessors of
 * the board's host (pci_ecam.c, pci_fsl.c): find the device on bus 0,
 * silence every other function, move its memory BAR 0 to the first page
 * of the 32-bit window and turn on memory decoding. At failure only the
 * register write is left, which is safe on any CPU in any state.
 */
#include <bulkhead/board.h>
#include <bulkhead/port.h>
#include <bulkhead/pvpanic_pci.h>
#include "pci_config.h"

#define PVPANIC_VENDOR		0x1b36u		/* Red Hat: QEMU's own devices */
#define PVPANIC_DEVICE		0x0011u
#define PVPANIC_PANICKED	0x01		/* event bit; reads give the supported ones */

/* Type 0 configuration header (PCI Local Bus Specification 3.0, 6.1) */
#define PCI_ID			0x00		/* vendor ID, device ID above it */
#define PCI_ID_NONE		0xffffffffu	/* what an absent function reads */
#define PCI_COMMAND		0x04		/* 16 bits */
#define PCI_COMMAND_MEMORY	0x0002
#define PCI_BAR0		0x10
#define PCI_BAR1		0x14
#define PCI_BAR_IO		0x1
#define PCI_BAR_TYPE		0x6
#define PCI_BAR_TYPE_64		0x4
#define PCI_BAR_FLAGS		0xfu

#define PCI_FUNCTIONS		256		/* 32 devices x 8 functions */
#define DEVFN_NONE		PCI_FUNCTIONS

static volatile uint8_t *pvpanic_reg;

static void memory_decoding(const struct pci_config *cfg, unsigned int devfn, bool on)
{
	uint16_t command = cfg->read16(cfg, devfn, PCI_COMMAND) & ~PCI_COMMAND_MEMORY;

	cfg->write16(cfg, devfn, PCI_COMMAND, command | (on ? PCI_COMMAND_MEMORY : 0));
}

/*
 * The pvpanic function on bus 0, or DEVFN_NONE. Every other function
 * stops decoding memory: the hypervisor owns the bus, and firmware may
 * have given another BAR the bus address ours gets (U-Boot on qemu-ppce500
 * puts the host bridge's, an alias of the SoC registers, there).
 */
static unsigned int find_device(const struct pci_config *cfg)
{
	unsigned int devfn, found = DEVFN_NONE;
	uint32_t id;

	for (devfn = 0; devfn < PCI_FUNCTIONS; devfn++) {
		id = cfg->read32(cfg, devfn, PCI_ID);
		if (id == PCI_ID_NONE || !id)
			continue;
		if (id == (PVPANIC_DEVICE << 16 | PVPANIC_VENDOR) && found == DEVFN_NONE)
			found = devfn;
		else
			memory_decoding(cfg, devfn, false);
	}
	return found;
}

/*
 * Size of memory BAR 0 by the all-ones probe (memory decoding off), 0 for
 * an I/O BAR. Only the low 32 bits are probed: a register page does not
 * need more.
 */
static uint64_t bar0_size(const struct pci_config *cfg, unsigned int devfn)
{
	uint32_t mask;

	if (cfg->read32(cfg, devfn, PCI_BAR0) & PCI_BAR_IO)
		return 0;
	cfg->write32(cfg, devfn, PCI_BAR0, ~0u);
	mask = cfg->read32(cfg, devfn, PCI_BAR0) & ~PCI_BAR_FLAGS;
	return mask ? (uint64_t)(uint32_t)(~mask + 1) : 0;
}

/* Give BAR 0 the bus address @bus and let the device decode it. */
static int place_bar0(const struct pci_config *cfg, unsigned int devfn, uint64_t bus)
{
	uint32_t type = cfg->read32(cfg, devfn, PCI_BAR0) & PCI_BAR_TYPE;
	uint64_t size;

	memory_decoding(cfg, devfn, false);
	size = bar0_size(cfg, devfn);
	if (!size || size > PAGE_SIZE)
		return -1;
	cfg->write32(cfg, devfn, PCI_BAR0, (uint32_t)bus);
	if (type == PCI_BAR_TYPE_64)
		cfg->write32(cfg, devfn, PCI_BAR1, 0);
	memory_decoding(cfg, devfn, true);
	return 0;
}

volatile uint8_t *pvpanic_pci_window(const struct board_pci *pci)
{
	if (pci->mem32_size < PAGE_SIZE || !IS_ALIGNED(pci->mem32_bus, PAGE_SIZE) ||
	    pci->mem32_bus >= 1ull << 32)
		return NULL;
	return port_device_map(pci->mem32_base, PAGE_SIZE, true);
}

int pvpanic_pci_setup(const struct pci_config *cfg, volatile uint8_t *page, uint64_t bus)
{
	unsigned int devfn = find_device(cfg);

	if (devfn == DEVFN_NONE || place_bar0(cfg, devfn, bus))
		return -1;
	/* It answers with the events it supports: proof the page is it. */
	if (!(*page & PVPANIC_PANICKED)) {
		memory_decoding(cfg, devfn, false);
		return -1;
	}
	pvpanic_reg = page;
	return 0;
}

bool pvpanic_pci_signal(void)
{
	if (!pvpanic_reg)
		return false;
	*pvpanic_reg = PVPANIC_PANICKED;
	return true;
}
