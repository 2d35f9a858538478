// SPDX-License-Identifier: MIT
/*
 * The firmware's ACPI tables, as SeaBIOS leaves them on QEMU's pc and q35
 * machines: the RSDP in the BIOS area, the RSDT, the MADT (CPUs, local
 * APIC, IOAPIC) and the FADT (power management I/O ports). Every table's
 * checksum is verified; a table that fails it is ignored.
 */
#include <string.h>
#include <bulkhead/port.h>
#include "acpi.h"

#define BIOS_AREA		0xe0000
#define BIOS_AREA_SIZE		0x20000
#define RSDP_ALIGN		16
#define RSDP_SIZE_V1		20
#define SDT_HEADER_SIZE		36
#define MADT_LAPIC_ADDR		36	/* offsets in the MADT */
#define MADT_ENTRIES		44
#define MADT_LOCAL_APIC		0	/* entry types */
#define MADT_IOAPIC		1
#define LAPIC_ENABLED		(1u << 0)
#define FADT_PM1A_CNT		64	/* offsets in the FADT */
#define FADT_PM_TMR		76
#define FADT_FLAGS		112
#define FADT_TMR_VAL_EXT	(1u << 8)

/* @len bytes of physical memory at @pa, or NULL where the port maps none */
static const uint8_t *phys(paddr_t pa, size_t len)
{
	size_t got = len;
	const uint8_t *p = port_phys_map(pa, &got);

	return p && got == len ? p : NULL;
}

static uint32_t le32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static bool checksum_ok(const uint8_t *p, size_t len)
{
	uint8_t sum = 0;

	while (len--)
		sum += *p++;
	return !sum;
}

static paddr_t find_rsdp(void)
{
	const uint8_t *area = phys(BIOS_AREA, BIOS_AREA_SIZE);

	for (size_t off = 0; area && off + RSDP_SIZE_V1 <= BIOS_AREA_SIZE; off += RSDP_ALIGN)
		if (!memcmp(area + off, "RSD PTR ", 8) && checksum_ok(area + off, RSDP_SIZE_V1))
			return BIOS_AREA + off;
	return 0;
}

/* A whole table with a valid checksum at @pa, its length in *@len */
static const uint8_t *table_at(paddr_t pa, uint32_t *len)
{
	const uint8_t *hdr = phys(pa, SDT_HEADER_SIZE), *t;

	if (!hdr)
		return NULL;
	*len = le32(hdr + 4);
	t = *len >= SDT_HEADER_SIZE ? phys(pa, *len) : NULL;
	return t && checksum_ok(t, *len) ? t : NULL;
}

static void read_madt(const uint8_t *t, uint32_t len, struct acpi_facts *f)
{
	f->lapic_base = le32(t + MADT_LAPIC_ADDR);
	for (uint32_t off = MADT_ENTRIES; off + 2 <= len && t[off + 1] >= 2; off += t[off + 1]) {
		const uint8_t *e = t + off;

		if (e[0] == MADT_LOCAL_APIC && e[1] >= 8 && (le32(e + 4) & LAPIC_ENABLED) &&
		    f->ncpus < CFG_MAX_CPUS)
			f->apic_id[f->ncpus++] = e[3];
		else if (e[0] == MADT_IOAPIC && e[1] >= 12 && !f->ioapic_base)
			f->ioapic_base = le32(e + 4);
	}
}

static void read_fadt(const uint8_t *t, uint32_t len, struct acpi_facts *f)
{
	if (len < FADT_FLAGS + 4)
		return;
	f->pm1a_control = (uint16_t)le32(t + FADT_PM1A_CNT);
	f->pm_timer = (uint16_t)le32(t + FADT_PM_TMR);
	f->pm_timer_32bit = le32(t + FADT_FLAGS) & FADT_TMR_VAL_EXT;
}

int acpi_read(struct acpi_facts *f)
{
	paddr_t rsdp = find_rsdp();
	const uint8_t *rsdt;
	uint32_t len, tlen;

	memset(f, 0, sizeof(*f));
	rsdt = rsdp ? table_at(le32(phys(rsdp, RSDP_SIZE_V1) + 16), &len) : NULL;
	if (!rsdt)
		return -1;
	for (uint32_t off = SDT_HEADER_SIZE; off + 4 <= len; off += 4) {
		const uint8_t *t = table_at(le32(rsdt + off), &tlen);

		if (t && !memcmp(t, "APIC", 4))
			read_madt(t, tlen, f);
		else if (t && !memcmp(t, "FACP", 4))
			read_fadt(t, tlen, f);
	}
	return 0;
}
