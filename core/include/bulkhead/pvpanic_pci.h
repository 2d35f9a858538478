/* SPDX-License-Identifier: MIT */
/*
 * QEMU's pvpanic-pci device (drivers/pvpanic_pci.c): how the hypervisor
 * tells the emulator that it failed, so that QEMU's exit status says so.
 */
#ifndef BULKHEAD_PVPANIC_PCI_H
#define BULKHEAD_PVPANIC_PCI_H

#include <bulkhead/types.h>

struct board_pci;

/*
 * Find the device on bus 0 of the PCI host @pci, put its register page at
 * the start of the host's 32-bit memory window and let it decode; every
 * other function on bus 0 stops decoding memory. Boot CPU, from
 * bsp_discover(), before the console is up. Returns 0, or -1 when there
 * is no such device or it cannot be set up (then pvpanic_pci_signal()
 * reports false).
 *
 * pvpanic_pci_probe(): a generic ECAM host (drivers/pci_ecam.c).
 * pvpanic_fsl_pci_probe(): a Freescale e500 SoC's PCI controller whose
 * registers are at @regs (drivers/pci_fsl.c, CONFIG_PCI_FSL); it opens an
 * outbound window onto @pci's 32-bit memory window first, which then must
 * be a naturally aligned power of two. @pci's ECAM fields are unused.
 */
int pvpanic_pci_probe(const struct board_pci *pci);
int pvpanic_fsl_pci_probe(paddr_t regs, const struct board_pci *pci);

/*
 * Report a panic: one register write. Any CPU, any locks held, prints
 * nothing. False when no probe found the device.
 */
bool pvpanic_pci_signal(void);

#endif
