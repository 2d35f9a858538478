// SPDX-License-Identifier: MIT
/*
 * The pvpanic-pci device behind the PCI controller of Freescale's e500
 * SoCs ("fsl,mpc8540-pci"; QEMU's ppce500 and mpc8544ds). Its registers
 * sit in the CCSR at the node's reg: configuration space goes through an
 * address/data pair, CFG_ADDR (big-endian like every CCSR register) and
 * CFG_DATA (little-endian: what the PCI function holds), and the CPU
 * reaches PCI memory only through the outbound address translation
 * windows (ATMU). U-Boot programs those; QEMU's -kernel boot leaves them
 * all disabled, so the hypervisor sets window 1 to the 32-bit memory
 * window of the device tree itself, as U-Boot does.
 */
#include <bulkhead/board.h>
#include <bulkhead/port.h>
#include <bulkhead/pvpanic_pci.h>
#include <asm/ppc.h>
#include "pci_config.h"

#define FSL_PCI_REGS_SIZE	0x1000
#define CFG_ADDR		0x000
#define CFG_ADDR_ENABLE		0x80000000u
#define CFG_ADDR_DEVFN(devfn)	((uint32_t)(devfn) << 8)	/* bus 0 */
#define CFG_DATA		0x004

/* Outbound window 1: translation (bus address), base (CPU address), attributes */
#define POTAR1			0xc20
#define POTEAR1			0xc24
#define POWBAR1			0xc28
#define POWAR1			0xc30
#define POWAR_EN		0x80000000u
#define POWAR_MEM_READ		0x00040000u	/* read transaction type: memory read */
#define POWAR_MEM_WRITE		0x00004000u	/* write transaction type: memory write */
#define POWAR_SIZE(bytes)	((uint32_t)__builtin_ctzll(bytes) - 1)	/* 2^(n+1) bytes */
#define ATMU_SHIFT		12		/* addresses in 4 KiB units */

_Static_assert(__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__,
	       "the CCSR's registers are read natively, big-endian");

static volatile uint32_t *fsl_reg(const struct pci_config *cfg, unsigned int offset)
{
	return (volatile uint32_t *)(cfg->regs + offset);
}

/* CFG_DATA's byte for @reg, once CFG_ADDR selects its word */
static volatile uint8_t *select(const struct pci_config *cfg, unsigned int devfn,
				unsigned int reg)
{
	*fsl_reg(cfg, CFG_ADDR) = CFG_ADDR_ENABLE | CFG_ADDR_DEVFN(devfn) | (reg & ~3u);
	mbar();		/* the address reaches the controller before the data access */
	return cfg->regs + CFG_DATA + (reg & 3);
}

static uint32_t fsl_read32(const struct pci_config *cfg, unsigned int devfn, unsigned int reg)
{
	return __builtin_bswap32(*(volatile uint32_t *)select(cfg, devfn, reg));
}

static void fsl_write32(const struct pci_config *cfg, unsigned int devfn, unsigned int reg,
			uint32_t val)
{
	*(volatile uint32_t *)select(cfg, devfn, reg) = __builtin_bswap32(val);
	mbar();
}

static uint16_t fsl_read16(const struct pci_config *cfg, unsigned int devfn, unsigned int reg)
{
	return __builtin_bswap16(*(volatile uint16_t *)select(cfg, devfn, reg));
}

static void fsl_write16(const struct pci_config *cfg, unsigned int devfn, unsigned int reg,
			uint16_t val)
{
	*(volatile uint16_t *)select(cfg, devfn, reg) = __builtin_bswap16(val);
	mbar();
}

/* Window 1: CPU addresses of the 32-bit memory window onto its bus addresses */
static int open_outbound_window(const struct pci_config *cfg, const struct board_pci *pci)
{
	uint64_t size = pci->mem32_size;

	if (size & (size - 1) || !IS_ALIGNED(pci->mem32_base, size) ||
	    !IS_ALIGNED(pci->mem32_bus, size))
		return -1;
	*fsl_reg(cfg, POWAR1) = 0;
	mbar();
	*fsl_reg(cfg, POTAR1) = (uint32_t)(pci->mem32_bus >> ATMU_SHIFT);
	*fsl_reg(cfg, POTEAR1) = 0;		/* bus addresses below 4 GiB: pvpanic_pci_window() */
	*fsl_reg(cfg, POWBAR1) = (uint32_t)(pci->mem32_base >> ATMU_SHIFT);
	mbar();
	*fsl_reg(cfg, POWAR1) = POWAR_EN | POWAR_MEM_READ | POWAR_MEM_WRITE | POWAR_SIZE(size);
	msync();
	return 0;
}

int pvpanic_fsl_pci_probe(paddr_t regs, const struct board_pci *pci)
{
	struct pci_config cfg = {
		.read32 = fsl_read32, .write32 = fsl_write32,
		.read16 = fsl_read16, .write16 = fsl_write16,
	};
	volatile uint8_t *page = pvpanic_pci_window(pci);

	cfg.regs = port_device_map(regs, FSL_PCI_REGS_SIZE, true);
	if (!page || !cfg.regs || open_outbound_window(&cfg, pci))
		return -1;
	return pvpanic_pci_setup(&cfg, page, pci->mem32_bus);
}
