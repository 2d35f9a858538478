// SPDX-License-Identifier: MIT
/* What a guest's long-mode entry runs on (asm/guest_boot.h). */
#include <string.h>
#include <asm/guest_boot.h>
#include <asm/x86.h>

#define PAGE		0x1000u
#define PML4_PAGE	0
#define PDPT_PAGE	1
#define PD_PAGE		2
#define GDT_PAGE	(GUEST_BOOT_PAGES - 1)
#define GDT_ENTRIES	3

static const uint64_t guest_gdt[GDT_ENTRIES] = {
	0,
	0x00209a0000000000ull,	/* 64-bit code, DPL 0 */
	0x0000920000000000ull,	/* data, DPL 0 */
};

void guest_boot_layout(uint64_t area_gpa, struct guest_boot *out)
{
	out->cr3 = area_gpa + PML4_PAGE * PAGE;
	out->gdt_base = area_gpa + GDT_PAGE * PAGE;
	out->gdt_limit = sizeof(guest_gdt) - 1;
}

void guest_boot_build(void *area, uint64_t area_gpa)
{
	uint64_t *pml4 = (uint64_t *)((uint8_t *)area + PML4_PAGE * PAGE);
	uint64_t *pdpt = (uint64_t *)((uint8_t *)area + PDPT_PAGE * PAGE);
	uint64_t *pd = (uint64_t *)((uint8_t *)area + PD_PAGE * PAGE);
	unsigned int gib = GUEST_BOOT_MAPPED >> 30;

	memset(area, 0, GUEST_BOOT_AREA);
	pml4[0] = (area_gpa + PDPT_PAGE * PAGE) | PTE_P | PTE_W;
	for (unsigned int i = 0; i < gib; i++)
		pdpt[i] = (area_gpa + (PD_PAGE + i) * PAGE) | PTE_P | PTE_W;
	for (uint64_t i = 0; i < gib * 512ull; i++)
		pd[i] = (i << 21) | PTE_P | PTE_W | PTE_PS;
	memcpy((uint8_t *)area + GDT_PAGE * PAGE, guest_gdt, sizeof(guest_gdt));
}
