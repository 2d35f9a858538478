// SPDX-License-Identifier: MIT
/*
 * What the config validator needs of the Cortex-A15 port: the GICv2
 * interrupt binding the config's `interrupts` properties are written in,
 * and the address widths of LPAE. Pure code: the hypervisor and the host
 * tool `bulkhead check` link this same file, so both refuse the same
 * specifiers with the same words.
 */
#include <stdio.h>
#include <libfdt.h>
#include <bulkhead/port.h>
#include <asm/vgic.h>

/* Linux's arm,gic binding: <type number flags> */
#define GIC_SPEC_CELLS		3
#define GIC_SPEC_SPI		0
#define GIC_SPEC_PPI		1
#define GIC_NR_PPIS		16
#define GIC_FIRST_PPI_ID	VGIC_NR_SGIS
#define GIC_FIRST_SPI_ID	VGIC_NR_PRIVATE
#define GIC_NR_IDS		VGIC_MAX_IRQS	/* the board's GIC */
#define GIC_FLAGS_TRIGGER	0xfu		/* 1, 2 edge; 4, 8 level */
#define GIC_FLAGS_PPI_CPUS	0xff00u		/* PPIs: the CPUs they go to */

const struct port_limits port_limits = {
	.guest_addr_bits = 40,	/* VTCR.T0SZ = 24: the stage-2 input size */
	.phys_addr_bits = 40,	/* LPAE output addresses */
	.block_sizes = { SZ_1G, SZ_2M, 0 },	/* level 1 and level 2 blocks */
};

/* What each PPI is for on this board: none can be handed to a guest. */
static const char *ppi_user(unsigned int ppi)
{
	switch (ppi) {
	case 9: return "the GIC maintenance interrupt";
	case 10: return "the hypervisor timer";
	case 11: return "the virtual timer";
	case 13: return "the secure physical timer";
	case 14: return "the physical timer";
	default: return NULL;
	}
}

static int decode_trigger(uint32_t flags, bool *level, char *why, size_t len)
{
	switch (flags & GIC_FLAGS_TRIGGER) {
	case 1:
	case 2:
		*level = false;
		return 0;
	case 4:
	case 8:
		*level = true;
		return 0;
	default:
		snprintf(why, len, "flags 0x%x: the trigger must be 1 or 2 (edge), 4 or 8 (level)",
			 (unsigned int)flags);
		return -1;
	}
}

int port_irq_decode(const uint32_t *cells_be, struct irq_desc *d, char *why, size_t len)
{
	uint32_t type = fdt32_to_cpu(cells_be[0]);
	uint32_t number = fdt32_to_cpu(cells_be[1]);
	uint32_t flags = fdt32_to_cpu(cells_be[2]);
	uint32_t extra = flags & ~GIC_FLAGS_TRIGGER;

	d->used_by = NULL;
	d->number = number;
	if (type == GIC_SPEC_SPI) {
		if (number >= GIC_NR_IDS - GIC_FIRST_SPI_ID) {
			snprintf(why, len, "SPI %u is beyond the board's GIC, whose last is SPI %u",
				 (unsigned int)number, GIC_NR_IDS - GIC_FIRST_SPI_ID - 1);
			return -1;
		}
		if (extra) {
			snprintf(why, len, "flags 0x%x: only a PPI takes a CPU mask",
				 (unsigned int)flags);
			return -1;
		}
		d->irq = GIC_FIRST_SPI_ID + number;
		d->per_cpu = false;
		d->kind = "SPI";
	} else if (type == GIC_SPEC_PPI) {
		if (number >= GIC_NR_PPIS || (extra & ~GIC_FLAGS_PPI_CPUS)) {
			snprintf(why, len, "PPI %u, flags 0x%x: there are PPIs 0-15, flags 0x%x at most",
				 (unsigned int)number, (unsigned int)flags,
				 GIC_FLAGS_PPI_CPUS | GIC_FLAGS_TRIGGER);
			return -1;
		}
		d->irq = GIC_FIRST_PPI_ID + number;
		d->per_cpu = true;
		d->used_by = ppi_user(number);
		d->kind = "PPI";
	} else {
		snprintf(why, len, "type %u is neither 0 (SPI) nor 1 (PPI)", (unsigned int)type);
		return -1;
	}
	return decode_trigger(flags, &d->level, why, len);
}

unsigned int port_irq_spec_cells(void)
{
	return GIC_SPEC_CELLS;
}
