// SPDX-License-Identifier: MIT
/*
 * isolation on Book E (e500mc, e500v2): the hostile partition's attempts
 * and the quitter's try at resetting the board.
 *
 * A Book E guest reaches an address only through its own TLB, so each
 * memory attempt first forges a TLB1 entry (tlbwe; MAS7 holds the bits
 * of a 36-bit address above 32) that maps the page of its target at
 * FORGED_EA, then touches it there. The hypervisor folds every guest
 * entry with the partition's regions into the entries the hardware gets
 * (ports/ppc-booke/shadow_tlb.c), so a guest-physical address of none of
 * its regions must end in a report, never in memory or a device.
 *
 * The CCSR's base, the one number that differs between the boards, comes
 * from the bootargs ("ccsr=<address>", qemu-ppce500.dts: 36-bit
 * 0xf_e000_0000; qemu-mpc8544ds.dts: 0xe000_0000).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "guest.h"
#include "hypercall.h"
#include "isolation.h"

/* The victim's RAM: phys-base of its memory node in this sample's configs. */
#define VICTIM_RAM_PHYS		0x08000000u
/* Every partition's emulated 16550, the console node of the configs. */
#define CONSOLE_UART		0xf0000000u
/* No entry of the runtime's maps it (RAM from 0, devices from 0xe0000000). */
#define FORGED_EA		0x80000000u

/* The CCSR's registers the attempts aim at (MPC8544ERM, QEMU's e500 machines). */
#define CCSR_LAWBAR0		0x00c08u	/* local access window 0: where RAM decodes */
#define CCSR_I2C		0x03000u	/* the victim's I2C controller */
#define CCSR_DUART_THR		0x04500u	/* the hypervisor's console UART */
#define CCSR_RSTCR		0xe00b0u	/* global utilities' reset control */
#define RSTCR_HRESET_REQ	0x00000002u

#define MPIC_FRR		0x01000u	/* feature reporting register */

#define STR(x)			#x
#define XSTR(x)			STR(x)

#define SPR_PID0		48
#define SPR_SPRG0		272
#define SPR_SPRG1		273
#define SPR_SPRG2		274
#define SPR_DBCR0		308
#define SPR_TCR			340
#define SPR_MCAR		573
#define SPR_HID0		1008
#define SPR_L1CSR0		1010

#define TLB1CFG_NENTRY_MASK	0xfffu
#define MAS0_TLBSEL1		0x10000000u
#define MAS0_ESEL(n)		((uint32_t)(n) << 16)
#define MAS1_V			0x80000000u
#define MAS1_TS			0x00001000u
#define MAS1_TSIZE(t)		((uint32_t)(t) << 8)	/* 4^t KiB */
#define TSIZE_4K		1
#define TSIZE_4G		11
#define TSIZE_1T		15	/* the field's largest: no e500 has it */
#define MAS2_I			0x00000008u
#define MAS2_M			0x00000004u
#define MAS2_G			0x00000002u
#define MAS3_SX			0x00000010u
#define MAS3_SW			0x00000004u
#define MAS3_SR			0x00000001u

#define MSR_IS			0x00000020u
#define MSR_DS			0x00000010u

#define DBCR0_IDM		0x40000000u	/* internal debug mode */
#define DBCR0_ICMP		0x08000000u	/* instruction complete events */
#define L1CSR0_CFI		0x00000002u	/* flash invalidate the data cache */
#define L1CSR0_CE		0x00000001u
#define TCR_WP(n)		((((n) & 3u) << 30) | (((n) >> 2) << 17))
#define TCR_WRC_RESET		(2u << 28)	/* the final time-out resets the chip */
/* Time base bit 23 (IBM 40): a time-out every 2^24 ticks, 42 ms at 400 MHz */
#define WDT_PERIOD_BIT		40

static uint32_t mfmsr(void)
{
	uint32_t msr;

	__asm__ volatile("mfmsr %0" : "=r"(msr));
	return msr;
}

static void mtmsr(uint32_t msr)
{
	__asm__ volatile("mtmsr %0\n\tisync" : : "r"(msr) : "memory");
}

static uint64_t ccsr(void)
{
	const char *v = bootarg("ccsr");

	if (!v) {
		printf("%s: bootargs \"%s\" lack ccsr=<address>\n", guest.name, guest.bootargs);
		exit(EXIT_FAILURE);
	}
	return strtoull(v, NULL, 0);
}

/* TLB1 entry @esel: the runtime writes its few from entry 0 up */
static void forge_entry(unsigned int esel, uint32_t mas1, uint32_t ea, uint64_t gpa,
			uint32_t wimg, uint32_t perms)
{
	mtspr(SPR_MAS0, MAS0_TLBSEL1 | MAS0_ESEL(esel));
	mtspr(SPR_MAS1, MAS1_V | mas1);
	mtspr(SPR_MAS2, ea | wimg);
	mtspr(SPR_MAS3, ((uint32_t)gpa & ~0xfffu) | perms);
	mtspr(SPR_MAS7, (uint32_t)(gpa >> 32));
	__asm__ volatile("isync\n\ttlbwe\n\tisync" ::: "memory");
}

static unsigned int last_entry(void)
{
	return (mfspr(SPR_TLB1CFG) & TLB1CFG_NENTRY_MASK) - 1;
}

static void forge_tlb1(uint32_t mas1, uint32_t ea, uint64_t gpa, uint32_t wimg,
		       uint32_t perms)
{
	forge_entry(last_entry(), mas1, ea, gpa, wimg, perms);
}

/* FORGED_EA's 4 KiB page onto @gpa's; returns where @gpa is reached */
static uintptr_t forge(uint64_t gpa, uint32_t wimg, uint32_t perms)
{
	forge_tlb1(MAS1_TSIZE(TSIZE_4K), FORGED_EA, gpa & ~0xfffull, wimg, perms);
	return FORGED_EA + (uintptr_t)(gpa & 0xfff);
}

static uintptr_t forge_memory(uint64_t gpa)
{
	return forge(gpa, MAS2_M, MAS3_SR | MAS3_SW);
}

static uintptr_t forge_device(uint64_t gpa)
{
	return forge(gpa, MAS2_I | MAS2_G, MAS3_SR | MAS3_SW);
}

static void write_outside_ram(void)
{
	mmio_write32(forge_memory(guest.ram_base + guest.ram_size + 0x1000), 0xbad0bad0u);
}

static void read_victim_ram(void)
{
	mmio_read32(forge_memory(VICTIM_RAM_PHYS));
}

/* CONFIG_HV_LOAD_ADDR comes from the board's defconfig (generated/autoconf.h). */
static void write_hypervisor(void)
{
	mmio_write32(forge_memory(CONFIG_HV_LOAD_ADDR), 0xbad0bad0u);
}

static void write_duart(void)
{
	mmio_write8(forge_device(ccsr() + CCSR_DUART_THR), '!');
}

/* Moving window 0 would take RAM away from every partition and the hypervisor. */
static void write_law(void)
{
	mmio_write32(forge_device(ccsr() + CCSR_LAWBAR0), 0);
}

static void read_victim_i2c(void)
{
	mmio_read8(forge_device(ccsr() + CCSR_I2C));
}

static void fetch_unmapped(void)
{
	void (*code)(void) = (void (*)(void))forge(guest.ram_base + guest.ram_size + 0x2000,
						     MAS2_M, MAS3_SR | MAS3_SX);

	code();
}

static void fetch_emulated(void)
{
	void (*code)(void) = (void (*)(void))forge(CONSOLE_UART, MAS2_I | MAS2_G,
						     MAS3_SR | MAS3_SX);

	code();
}

/*
 * A word store whose first half goes to the last page of its RAM, its
 * second to its UART: no device access the hypervisor could emulate.
 */
static void store_across_ram_and_uart(void)
{
	forge_entry(last_entry() - 1, MAS1_TSIZE(TSIZE_4K), FORGED_EA,
		    guest.ram_base + guest.ram_size - 0x1000, MAS2_M, MAS3_SR | MAS3_SW);
	forge_entry(last_entry(), MAS1_TSIZE(TSIZE_4K), FORGED_EA + 0x1000, CONSOLE_UART,
		    MAS2_I | MAS2_G, MAS3_SR | MAS3_SW);
	mmio_write32(FORGED_EA + 0xffe, 0x21212121u);
}

/*
 * One 4 GiB page in address space 1 maps every guest-physical address
 * below 4 GiB at itself; with MSR[IS] and MSR[DS] set, code, stack and
 * the write all go through it. The hardware entries made from it must
 * each stay inside one region of the partition.
 */
static void huge_page(void)
{
	forge_tlb1(MAS1_TS | MAS1_TSIZE(TSIZE_4G), 0, 0, MAS2_M,
		   MAS3_SR | MAS3_SW | MAS3_SX);
	mtmsr(mfmsr() | MSR_IS | MSR_DS);
	mmio_write32(VICTIM_RAM_PHYS, 0xbad0bad0u);
}

/* A page size the field encodes and no e500 has: the tlbwe is refused. */
static void oversized_page(void)
{
	forge_tlb1(MAS1_TSIZE(TSIZE_1T), 0, 0, MAS2_M, MAS3_SR | MAS3_SW);
}

/*
 * The watchdog, armed to reset the chip at its final time-out and never
 * serviced: only the partition may be reset, its fault policy applied.
 */
static void watchdog_reset(void)
{
	mtspr(SPR_TCR, TCR_WRC_RESET | TCR_WP(WDT_PERIOD_BIT));
	for (;;)
		cpu_wait();
}

/* r30 and r31 into the THR and IER of its UART: one access of 8 bytes */
static void store_multiple_to_uart(void)
{
	uintptr_t uart = arch_map_device(CONSOLE_UART, 0x1000);

	__asm__ volatile("stmw 30, 0(%0)" : : "b"(uart) : "memory");
}

/* Its emulated MPIC (CONFIG_GUEST_MPIC_BASE) takes 32-bit accesses only. */
static void halfword_mpic_read(void)
{
	uintptr_t frr = arch_map_device(CONFIG_GUEST_MPIC_BASE + MPIC_FRR, 4);
	uint32_t val;

	__asm__ volatile("lhz %0, 0(%1)\n\ttwi 0, %0, 0\n\tisync"
			 : "=r"(val) : "b"(frr) : "memory");
}

/* Data in address space 1, instructions in 0: the port runs neither split. */
static void split_address_spaces(void)
{
	mtmsr(mfmsr() | MSR_DS);
}

/*
 * Registers the hypervisor keeps for itself in the hardware: SPRG0 points
 * at its per-CPU data, SPRG1 holds r1 on its trap entry, IVPR places its
 * vectors, PID0 tags the hardware TLB entries it makes, DBCR0 would
 * debug-trap each of its instructions, L1CSR0[CFI] would discard its
 * unwritten data, HID0 = 0 would stop the time base on e500v2. A guest's
 * write must only change its own copy: the hypercall that follows runs
 * through the hypervisor's vectors, the guest reads back what it wrote,
 * and the access after it is reported as any other.
 */
static void hypervisor_sprs(void)
{
	uint32_t version;

	mtspr(SPR_SPRG0, 0xbad00000u);
	mtspr(SPR_SPRG1, 0xbad00001u);
	mtspr(SPR_SPRG2, 0xbad00002u);
	mtspr(SPR_IVPR, 0xbad00000u);
	mtspr(SPR_PID0, 0x5a);
	mtspr(SPR_DBCR0, DBCR0_IDM | DBCR0_ICMP);
	mtspr(SPR_L1CSR0, L1CSR0_CFI | L1CSR0_CE);
	mtspr(SPR_HID0, 0);
	version = hv_version();
	printf("%s: version 0x%08" PRIx32 "; SPRG0-2 0x%08" PRIx32 " 0x%08" PRIx32
	       " 0x%08" PRIx32 ", IVPR 0x%08" PRIx32 ", PID0 0x%" PRIx32
	       ", DBCR0 0x%08" PRIx32 ", L1CSR0 0x%" PRIx32 ", HID0 0x%" PRIx32 "\n",
	       guest.name, version, mfspr(SPR_SPRG0), mfspr(SPR_SPRG1), mfspr(SPR_SPRG2),
	       mfspr(SPR_IVPR), mfspr(SPR_PID0), mfspr(SPR_DBCR0), mfspr(SPR_L1CSR0),
	       mfspr(SPR_HID0));
	mmio_write32(forge_memory(guest.ram_base + guest.ram_size + 0x3000), 0xbad0bad0u);
}

const struct attempt attempts[] = {
	{ "write outside its RAM", write_outside_ram },
	{ "read the victim's RAM at physical 0x08000000", read_victim_ram },
	{ "write hypervisor memory at " XSTR(CONFIG_HV_LOAD_ADDR), write_hypervisor },
	{ "write the board's DUART at CCSR+0x4500", write_duart },
	{ "write local access window 0 at CCSR+0xc08", write_law },
	{ "read the victim's I2C controller at CCSR+0x3000", read_victim_i2c },
	{ "fetch from a page beyond its RAM", fetch_unmapped },
	{ "fetch from its UART", fetch_emulated },
	{ "a word store across its RAM and its UART", store_across_ram_and_uart },
	{ "a 4 GiB page over everything, then a write to the victim's RAM", huge_page },
	{ "a TLB1 page of 1 TiB", oversized_page },
	{ "its watchdog armed to reset the chip", watchdog_reset },
	{ "hypercall with a bad number", attack_bad_hypercall },
	{ "console-write hypercall with a bad pointer", attack_bad_console_pointer },
	{ "stmw to its UART", store_multiple_to_uart },
	{ "halfword read of its MPIC's FRR", halfword_mpic_read },
	{ "MSR[DS] without MSR[IS]", split_address_spaces },
	{ "the hypervisor's SPRs, then a write outside its RAM", hypervisor_sprs },
};
const unsigned int nr_attempts = sizeof(attempts) / sizeof(attempts[0]);

/*
 * The quitter's partition takes an access to what it does not map as a
 * machine check (unmapped-access = "abort"): this is its vector, in the
 * 64 KiB IVPR reaches (arch/guest.h). It runs on the stack of the code
 * it interrupted, never returns, and shuts the partition down.
 */
static void __attribute__((section(".text.vectors.isolation"), aligned(16), noreturn))
bus_error(void)
{
	printf("%s: machine check at pc=0x%08" PRIx32 ", MCSR 0x%08" PRIx32
	       ", MCAR 0x%08" PRIx32 ": shutting down\n", guest.name, mfspr(SPR_MCSRR0),
	       mfspr(SPR_MCSR), mfspr(SPR_MCAR));
	for (;;)
		hv_shutdown_self();
}

/* The board's reset request, through a forged entry: only its partition may stop. */
int power_off(void)
{
	uintptr_t rstcr = forge_device(ccsr() + CCSR_RSTCR);

	ivor_set(IVOR_MACHINE_CHECK, bus_error);
	printf("%s: requesting a board reset through RSTCR at CCSR+0xe00b0\n", guest.name);
	mmio_write32(rstcr, RSTCR_HRESET_REQ);
	printf("%s: RSTCR write returned\n", guest.name);
	return EXIT_FAILURE;
}
