// SPDX-License-Identifier: MIT
/*
 * What the config validator needs of the x86 port: the interrupt
 * binding the config's `interrupts` and `doorbell` properties would be
 * written in, the IOAPIC's <pin sense> as Linux's x86 device-tree binding
 * has it (#interrupt-cells = 2; sense 0 rising edge, 1 active-low level,
 * 2 active-high level, 3 falling edge), pins 0-23; nested paging's
 * 48-bit guest-physical and 52-bit physical addresses and its 1 GiB and
 * 2 MiB leaves; the boot data (page tables, GDT) at the top of each
 * partition's first region. Pure code: the hypervisor and the host tool
 * `bulkhead check` link this same file.
 *
 * There is no virtual IOAPIC: pin N reaches the partition's first vCPU as
 * vector 32 + N of its emulated local APIC (vlapic_hw.c), and the
 * hypervisor refuses a passthrough device's interrupts at boot, after
 * this check (no physical pin is routed to a guest yet).
 */
#include <stdio.h>
#include <libfdt.h>
#include <bulkhead/pio.h>
#include <bulkhead/port.h>
#include <asm/guest_boot.h>
#include <asm/npt.h>

#define IOAPIC_PINS		24
#define X86_SPEC_CELLS		2

const struct port_limits port_limits = {
	.guest_addr_bits = NPT_INPUT_BITS,
	.phys_addr_bits = NPT_OUTPUT_BITS,
	.nr_irqs = IOAPIC_PINS,
	.block_sizes = { 1ull << 30, 2ull << 20, 0 },
	.guest_boot_area = GUEST_BOOT_AREA,
	.io_ports = PIO_PORTS,
};

/* What a PC wires to the ISA interrupts (the IOAPIC's first 16 pins) */
static const char *pin_user(unsigned int pin)
{
	switch (pin) {
	case 0: return "the PIT timer";
	case 1: return "the keyboard controller";
	case 2: return "the 8259 cascade";
	case 3: return "COM2";
	case 4: return "COM1, the hypervisor's console";
	case 8: return "the RTC";
	case 9: return "ACPI's SCI";
	case 12: return "the PS/2 mouse";
	case 14: case 15: return "the IDE controllers";
	default: return NULL;
	}
}

int port_irq_decode(const uint32_t *cells_be, struct irq_desc *d, char *why, size_t len)
{
	uint32_t pin = fdt32_to_cpu(cells_be[0]);
	uint32_t sense = fdt32_to_cpu(cells_be[1]);

	if (pin >= IOAPIC_PINS) {
		snprintf(why, len, "pin %u is beyond the board's IOAPIC, whose last is pin %u",
			 (unsigned int)pin, IOAPIC_PINS - 1);
		return -1;
	}
	if (sense > 3) {
		snprintf(why, len,
			 "sense %u: 0 or 3 (rising, falling edge), 1 or 2 (level, active low, high)",
			 (unsigned int)sense);
		return -1;
	}
	d->irq = pin;
	d->level = sense == 1 || sense == 2;
	d->per_cpu = false;
	d->used_by = pin_user(pin);
	d->kind = "pin";
	d->number = pin;
	return 0;
}

unsigned int port_irq_spec_cells(void)
{
	return X86_SPEC_CELLS;
}
