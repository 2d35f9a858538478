// SPDX-License-Identifier: MIT
/*
 * The pvpanic-pci device behind a generic ECAM host (qemu-virt-a15's
 * "pci-host-ecam-generic"): configuration space is memory-mapped, 4 KiB
 * per function, bus 0 first. Little-endian registers read natively: the
 * CPUs of the boards with such a host are little-endian.
 */
#include <bulkhead/board.h>
#include <bulkhead/port.h>
#include <bulkhead/pvpanic_pci.h>
#include "pci_config.h"

#define ECAM_BUS_SIZE		0x100000	/* 256 functions x 4 KiB */
#define ECAM_FUNCTION(devfn)	((devfn) << 12)

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
	       "native ECAM accesses need a little-endian CPU");

static volatile uint8_t *ecam_reg(const struct pci_config *cfg, unsigned int devfn,
				  unsigned int reg)
{
	return cfg->regs + ECAM_FUNCTION(devfn) + reg;
}

static uint32_t ecam_read32(const struct pci_config *cfg, unsigned int devfn, unsigned int reg)
{
	return *(volatile uint32_t *)ecam_reg(cfg, devfn, reg);
}

static void ecam_write32(const struct pci_config *cfg, unsigned int devfn, unsigned int reg,
			 uint32_t val)
{
	*(volatile uint32_t *)ecam_reg(cfg, devfn, reg) = val;
}

static uint16_t ecam_read16(const struct pci_config *cfg, unsigned int devfn, unsigned int reg)
{
	return *(volatile uint16_t *)ecam_reg(cfg, devfn, reg);
}

static void ecam_write16(const struct pci_config *cfg, unsigned int devfn, unsigned int reg,
			 uint16_t val)
{
	*(volatile uint16_t *)ecam_reg(cfg, devfn, reg) = val;
}

int pvpanic_pci_probe(const struct board_pci *pci)
{
	struct pci_config cfg = {
		.read32 = ecam_read32, .write32 = ecam_write32,
		.read16 = ecam_read16, .write16 = ecam_write16,
	};
	volatile uint8_t *page;

	if (pci->ecam_size < ECAM_BUS_SIZE)
		return -1;
	page = pvpanic_pci_window(pci);
	cfg.regs = port_device_map(pci->ecam_base, ECAM_BUS_SIZE, false);
	if (!page || !cfg.regs)
		return -1;
	return pvpanic_pci_setup(&cfg, page, pci->mem32_bus);
}
