// SPDX-License-Identifier: MIT
/*
 * What the config validator needs of the Book E (e500) port: the
 * Freescale MPIC interrupt binding the config's `interrupts` and
 * `doorbell` properties are written in, which sources the hypervisor's
 * own devices raise, the e500's 36-bit physical addresses and TLB1 page
 * sizes, and the emulated MPIC's window in every partition
 * (CONFIG_GUEST_MPIC_BASE). Pure code: the hypervisor and the host tool
 * `bulkhead check` link this same file, so both refuse the same
 * specifiers with the same words.
 *
 * The binding is the one QEMU's ppce500 and mpc8544ds trees use for
 * their MPIC ("fsl,mpic", #interrupt-cells = <2>): <source sense>, the
 * source being the index of the interrupt source configuration
 * registers (0-11 the external IRQ pins, 16 and up the SoC's internal
 * sources, MSIs at 224-231). The MPIC's IPIs and global timers have no
 * source number in this form (only the 4-cell form's types 2 and 3 name
 * them), so no specifier can reach them.
 */
#include <stdio.h>
#include <libfdt.h>
#include <bulkhead/port.h>
#include <asm/mas.h>
#include <asm/mpic_regs.h>
#include <asm/spin_table.h>

const struct port_limits port_limits = {
	.guest_addr_bits = 36,	/* the guest TLB's MAS7:MAS3 page numbers */
	.phys_addr_bits = 36,	/* e500v2 and e500mc physical addresses */
	.nr_irqs = MPIC_NR_SOURCES,	/* the vMPIC's; the board's: /board irqs */
	.guest_windows = {
		{ CONFIG_GUEST_MPIC_BASE, MPIC_SIZE, "the partition's emulated MPIC" },
		{ CONFIG_GUEST_SPIN_TABLE_BASE, SPIN_TABLE_SIZE, "the partition's spin table" },
	},
	/* TLB1 pages, 4^TSIZE KiB: 4 GiB down to 4 KiB */
	.block_sizes = {
		TSIZE_BYTES(11), TSIZE_BYTES(10), TSIZE_BYTES(9), TSIZE_BYTES(8),
		TSIZE_BYTES(7), TSIZE_BYTES(6), TSIZE_BYTES(5), TSIZE_BYTES(4),
		TSIZE_BYTES(3), TSIZE_BYTES(2), TSIZE_BYTES(1), 0
	},
};

/*
 * What QEMU's ppce500 board wires to each source (its device tree and
 * hw/ppc/e500.c); mpc8544ds is the same without the GPIO block. All but
 * the I2C controller are the hypervisor's: its console, the power-off
 * GPIO, the MPIC itself, and the PCI host and platform bus, whose windows
 * are its devices too (bsp/fsl-e500/board.c).
 */
static const struct source_user {
	uint16_t first, last;
	bool hypervisors;
	const char *what;
} source_users[] = {
	{ 1, 4, true, "the PCI slots' INTA-INTD" },
	{ 5, 14, true, "QEMU's platform bus devices" },
	{ 24, 24, true, "the PCI host bridge" },
	{ 42, 42, true, "the DUART, the hypervisor's console" },
	{ 43, 43, false, "the I2C controller" },
	{ 47, 47, true, "the GPIO controller" },
	{ 224, 231, true, "the MPIC's shared MSI registers" },
};

static void describe_source(unsigned int source, struct irq_desc *d)
{
	d->used_by = NULL;
	d->hypervisors = false;
	for (unsigned int i = 0; i < ARRAY_SIZE(source_users); i++)
		if (source >= source_users[i].first && source <= source_users[i].last) {
			d->used_by = source_users[i].what;
			d->hypervisors = source_users[i].hypervisors;
		}
}

int port_irq_decode(const uint32_t *cells_be, struct irq_desc *d, char *why, size_t len)
{
	uint32_t source = fdt32_to_cpu(cells_be[0]);
	uint32_t sense = fdt32_to_cpu(cells_be[1]);

	if (source >= MPIC_NR_SOURCES) {
		snprintf(why, len, "source %u is beyond the board's MPIC, whose last is source %u",
			 (unsigned int)source, MPIC_NR_SOURCES - 1);
		return -1;
	}
	switch (sense) {
	case MPIC_SENSE_EDGE_RISING:
	case MPIC_SENSE_EDGE_FALLING:
		d->level = false;
		break;
	case MPIC_SENSE_LEVEL_LOW:
	case MPIC_SENSE_LEVEL_HIGH:
		d->level = true;
		break;
	default:
		snprintf(why, len,
			 "sense %u: 0 or 3 (rising, falling edge), 1 or 2 (level, active low, high)",
			 (unsigned int)sense);
		return -1;
	}
	d->irq = source;
	d->per_cpu = false;
	describe_source(source, d);
	d->kind = "source";
	d->number = source;
	return 0;
}

unsigned int port_irq_spec_cells(void)
{
	return MPIC_SPEC_CELLS;
}
