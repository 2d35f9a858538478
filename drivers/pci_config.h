/* SPDX-License-Identifier: MIT */
/*
 * Configuration space of bus 0 of a PCI host, for the pvpanic-pci driver
 * (pvpanic_pci.c): each host kind (pci_ecam.c, pci_fsl.c) gives the
 * accessors, the device logic is shared. Boot CPU, from bsp_discover()
 * through a host's probe, before the console is up; no locks.
 */
#ifndef DRIVERS_PCI_CONFIG_H
#define DRIVERS_PCI_CONFIG_H

#include <bulkhead/types.h>

struct board_pci;

/* Register @reg (naturally aligned) of function @devfn on bus 0 */
struct pci_config {
	uint32_t (*read32)(const struct pci_config *cfg, unsigned int devfn,
			   unsigned int reg);
	void (*write32)(const struct pci_config *cfg, unsigned int devfn,
			unsigned int reg, uint32_t val);
	uint16_t (*read16)(const struct pci_config *cfg, unsigned int devfn,
			   unsigned int reg);
	void (*write16)(const struct pci_config *cfg, unsigned int devfn,
			unsigned int reg, uint16_t val);
	volatile uint8_t *regs;		/* the host's: ECAM, or its address/data pair */
};

/*
 * The first page of the host's 32-bit memory window, mapped for good,
 * where the pvpanic register goes; NULL when the window cannot hold it.
 * Map it before any other window: a later mapping may reuse the one a
 * temporary mapping (an ECAM) needs.
 */
volatile uint8_t *pvpanic_pci_window(const struct board_pci *pci);

/*
 * Find the pvpanic device on bus 0, make every other function stop
 * decoding memory (firmware may have put a BAR where ours goes), move
 * the device's BAR 0 to bus address @bus, seen by the CPU at @page, and
 * let it decode. 0, or -1 when there is no device or it does not answer.
 */
int pvpanic_pci_setup(const struct pci_config *cfg, volatile uint8_t *page,
		      uint64_t bus);

#endif
