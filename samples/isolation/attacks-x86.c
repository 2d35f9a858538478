// SPDX-License-Identifier: MIT
/*
 * isolation on x86 (AMD SVM): the hostile partition's attempts and the
 * quitter's try at switching the PC off. Its guests run on the
 * hypervisor's initial tables, which map guest-physical [0, 4 GiB) at
 * itself, so each address below is the guest-physical one it names.
 *
 * Some attempts must not end the boot by themselves: what the PC's bus
 * does with a port nobody decodes (reads all ones, drops writes) or what
 * a CPU without an MSR does (#GP). Those run under a #GP and #UD handler
 * of their own that counts the exception and steps over the instruction
 * (skip_faulting below), print what they saw, and end with a write
 * outside their RAM, which is reported like any other.
 *
 * The hostile partition's console is an emulated 16550 at guest-physical
 * CONSOLE_UART: every line it prints goes through the hypervisor's
 * decoding of its mov instructions.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest.h"
#include "hypercall.h"
#include "isolation.h"

/* The victim's RAM: phys-base of its memory node in this sample's configs. */
#define VICTIM_RAM_PHYS		0x08000000u
/* The victim's passthrough HPET, and the local APIC the hypervisor keeps */
#define VICTIM_HPET		0xfed00000u
#define LAPIC_ICR_LOW		0xfee00300u
#define ICR_INIT_ALL_BUT_SELF	0x000c4500u
/* The hostile partition's emulated 16550 (console reg in the configs) */
#define CONSOLE_UART		0xf0000000u

#define MSR_APIC_BASE		0x0000001bu
#define MSR_EFER		0xc0000080u
#define MSR_LSTAR		0xc0000082u
#define MSR_VM_CR		0xc0010114u
#define MSR_VM_HSAVE_PA		0xc0010117u
#define EFER_LME		(1u << 8)
#define EFER_SVME		(1u << 12)
#define CR0_PG			(1ull << 31)
#define CR4_PAE			(1ull << 5)
#define CR4_VMXE		(1ull << 13)
#define CR4_RESERVED_31		(1ull << 31)

/* The ports a PC decodes that no partition here is given */
#define PORT_COM2_LSR		0x2fdu
#define PORT_PIC1_DATA		0x21u
#define PORT_PIT_CMD		0x43u
#define PORT_KBC_CMD		0x64u
#define PORT_DEBUG_EXIT		0xf4u	/* QEMU's isa-debug-exit: ends QEMU */
#define PORT_RESET_CONTROL	0xcf9u
#define PORT_ACPI_PM1A_CNT	0x604u	/* SeaBIOS's PM block at 0x600 */
#define PORT_CMOS_INDEX		0x70u	/* the RTC's: passed through to the victim */
#define PORT_CMOS_DATA		0x71u
#define CMOS_STATUS_D		0x0du
#define PM1_SLP_EN_S5		0x2000u

#define STR(x)			#x
#define XSTR(x)			STR(x)

#define VECTOR_UD		6
#define VECTOR_GP		13
#define GATE_BYTES		16

/* Counted by skip_faulting, which steps over skip_bytes of the instruction */
volatile unsigned int trapped;
volatile uint64_t skip_bytes;

/* #GP pushes an error code, #UD none: one stub each, the same step */
__asm__(".text\n"
	".align 16\n"
	"skip_gp:\n"
	"	add	$8, %rsp\n"
	"skip_ud:\n"
	"	incl	trapped(%rip)\n"
	"	push	%rax\n"
	"	mov	skip_bytes(%rip), %rax\n"
	"	add	%rax, 8(%rsp)\n"
	"	pop	%rax\n"
	"	iretq\n");
void skip_gp(void);
void skip_ud(void);

static uint8_t idt[32 * GATE_BYTES] __attribute__((aligned(16)));

static void set_gate(unsigned int vector, void (*handler)(void))
{
	uint64_t at = (uint64_t)(uintptr_t)handler;
	uint8_t *g = idt + vector * GATE_BYTES;

	g[0] = at & 0xff, g[1] = (at >> 8) & 0xff;
	g[2] = 0x08, g[3] = 0;		/* the 64-bit code selector */
	g[4] = 0, g[5] = 0x8e;		/* present, DPL 0, interrupt gate */
	g[6] = (at >> 16) & 0xff, g[7] = (at >> 24) & 0xff;
	memcpy(g + 8, &(uint32_t){ (uint32_t)(at >> 32) }, 4);
}

/* The runtime's IDT with #GP and #UD stepping over what raised them */
static void catch_faults(void)
{
	struct __attribute__((packed)) { uint16_t limit; uint64_t base; } d;

	__asm__ volatile("sidt %0" : "=m"(d));
	memcpy(idt, (const void *)(uintptr_t)d.base, sizeof(idt));
	set_gate(VECTOR_UD, skip_ud);
	set_gate(VECTOR_GP, skip_gp);
	d.limit = sizeof(idt) - 1;
	d.base = (uint64_t)(uintptr_t)idt;
	__asm__ volatile("lidt %0" : : "m"(d) : "memory");
}

static void read_victim_ram(void)
{
	mmio_read32(VICTIM_RAM_PHYS);
}

static void read_victim_hpet(void)
{
	mmio_read32(VICTIM_HPET);
}

/* An INIT to every other CPU would stop the other partitions' vCPUs */
static void init_other_cpus(void)
{
	mmio_write32(LAPIC_ICR_LOW, ICR_INIT_ALL_BUT_SELF);
}

/* A read-modify-write of its UART's scratch register: no mov, not decoded */
static void add_to_uart(void)
{
	__asm__ volatile("addb $1, 7(%0)" : : "r"((uintptr_t)CONSOLE_UART) : "memory");
}

/* Its 16550 takes byte accesses only: the model refuses the dword */
static void dword_uart_read(void)
{
	mmio_read32(CONSOLE_UART);
}

static void fetch_from_uart(void)
{
	((void (*)(void))(uintptr_t)CONSOLE_UART)();
}

static void io_write16(uint16_t port, uint16_t val)
{
	__asm__ volatile("outw %0, %1" : : "a"(val), "Nd"(port) : "memory");
}

/*
 * Ports of the machine's COM2, PIC, PIT, keyboard controller, reset
 * control, QEMU's isa-debug-exit and the victim's RTC: none is the
 * partition's, each read is all ones and each write dropped, and the
 * machine runs on.
 */
static void foreign_ports(void)
{
	uint8_t com2 = io_read8(PORT_COM2_LSR), pic = io_read8(PORT_PIC1_DATA), rtc;

	io_write8(PORT_CMOS_INDEX, CMOS_STATUS_D);
	rtc = io_read8(PORT_CMOS_DATA);

	io_write8(PORT_PIC1_DATA, 0);
	io_write8(PORT_PIT_CMD, 0x30);
	io_write8(PORT_KBC_CMD, 0xfe);
	io_write8(PORT_RESET_CONTROL, 0x0e);
	io_write32(PORT_DEBUG_EXIT, 0);
	printf("%s: COM2 LSR 0x%02x, PIC mask 0x%02x, the victim's RTC 0x%02x; still running "
	       "after the PIC, PIT, keyboard-reset, 0xcf9 and isa-debug-exit writes\n",
	       guest.name, com2, pic, rtc);
	attack_write_outside_ram();
}

static bool rdmsr_traps(uint32_t msr, uint64_t *val)
{
	unsigned int before = trapped;
	uint32_t lo = 0, hi = 0;

	skip_bytes = 2;
	__asm__ volatile("rdmsr" : "+a"(lo), "+d"(hi) : "c"(msr) : "memory");
	*val = (uint64_t)hi << 32 | lo;
	return trapped != before;
}

static bool wrmsr_traps(uint32_t msr, uint64_t val)
{
	unsigned int before = trapped;

	skip_bytes = 2;
	__asm__ volatile("wrmsr" : : "a"((uint32_t)val), "d"((uint32_t)(val >> 32)), "c"(msr)
			 : "memory");
	return trapped != before;
}

static const char *gp(bool trapped_it)
{
	return trapped_it ? "#GP" : "done";
}

/*
 * The hypervisor's MSRs: its host save area, SVM's VM_CR; and the local
 * APIC's base, which reads the vCPU's emulated x2APIC's and refuses a
 * change (the physical APIC is never reached). LSTAR is the guest's own: it keeps its value across a
 * hypercall. EFER.SVME stays hidden; clearing LME under paging is #GP.
 */
static void foreign_msrs(void)
{
	uint64_t hsave = 0, vmcr = 0, apic = 0, efer = 0, lstar = 0;
	const char *r_hsave, *w_hsave, *r_vmcr, *w_apic, *w_lme;

	catch_faults();
	r_hsave = gp(rdmsr_traps(MSR_VM_HSAVE_PA, &hsave));
	w_hsave = gp(wrmsr_traps(MSR_VM_HSAVE_PA, 0x1000));
	r_vmcr = gp(rdmsr_traps(MSR_VM_CR, &vmcr));
	rdmsr_traps(MSR_APIC_BASE, &apic);
	w_apic = gp(wrmsr_traps(MSR_APIC_BASE, 0xfee00000u));
	rdmsr_traps(MSR_EFER, &efer);
	wrmsr_traps(MSR_EFER, efer | EFER_SVME);
	rdmsr_traps(MSR_EFER, &efer);
	w_lme = gp(wrmsr_traps(MSR_EFER, efer & ~(uint64_t)EFER_LME));
	wrmsr_traps(MSR_LSTAR, 0xffffffff8badf00dull);
	hv_version();
	rdmsr_traps(MSR_LSTAR, &lstar);
	printf("%s: VM_HSAVE_PA read %s, write %s; VM_CR read %s; APIC_BASE 0x%" PRIx64
	       " (the emulated x2APIC's), write %s\n", guest.name, r_hsave, w_hsave, r_vmcr,
	       apic, w_apic);
	printf("%s: EFER 0x%" PRIx64 " after setting SVME, clearing LME %s; LSTAR 0x%"
	       PRIx64 "\n", guest.name, efer, w_lme, lstar);
	attack_write_outside_ram();
}

static bool mov_cr_traps(unsigned int cr, uint64_t val)
{
	unsigned int before = trapped;

	skip_bytes = 3;		/* 0F 22 /r */
	if (cr == 0)
		__asm__ volatile("mov %0, %%cr0" : : "r"(val) : "memory");
	else
		__asm__ volatile("mov %0, %%cr4" : : "r"(val) : "memory");
	return trapped != before;
}

/* Paging off in 64-bit code, PAE off in long mode, CR4 bits it has not */
static void control_registers(void)
{
	uint64_t cr0, cr4;
	const char *pg, *pae, *vmxe, *reserved;

	catch_faults();
	__asm__ volatile("mov %%cr0, %0\n\tmov %%cr4, %1" : "=r"(cr0), "=r"(cr4));
	pg = gp(mov_cr_traps(0, cr0 & ~CR0_PG));
	pae = gp(mov_cr_traps(4, cr4 & ~CR4_PAE));
	vmxe = gp(mov_cr_traps(4, cr4 | CR4_VMXE));
	reserved = gp(mov_cr_traps(4, cr4 | CR4_RESERVED_31));
	printf("%s: CR0.PG off %s, CR4.PAE off %s, CR4.VMXE %s, CR4 bit 31 %s\n",
	       guest.name, pg, pae, vmxe, reserved);
	attack_write_outside_ram();
}

static void cpuid(uint32_t leaf, uint32_t *r)
{
	__asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
			 : "a"(leaf), "c"(0));
}

/* CPUID offers no SVM; VMRUN anyway, with EFER.SVME set as it needs */
static void vmrun(void)
{
	uint32_t ext[4], svm[4];
	uint64_t efer;

	cpuid(0x80000001u, ext);
	cpuid(0x8000000au, svm);
	printf("%s: CPUID 0x80000001 ECX.SVM %" PRIu32 ", leaf 0x8000000a %08" PRIx32
	       " %08" PRIx32 "\n", guest.name, (ext[2] >> 2) & 1, svm[0], svm[1]);
	catch_faults();
	rdmsr_traps(MSR_EFER, &efer);
	wrmsr_traps(MSR_EFER, efer | EFER_SVME);
	__asm__ volatile("vmrun" : : "a"(0ull) : "memory");
}

static void vmload(void)
{
	__asm__ volatile("vmload" : : "a"(0ull) : "memory");
}

static void vmsave(void)
{
	__asm__ volatile("vmsave" : : "a"(0ull) : "memory");
}

static void stgi(void)
{
	__asm__ volatile("stgi" ::: "memory");
}

static void clgi(void)
{
	__asm__ volatile("clgi" ::: "memory");
}

static void skinit(void)
{
	__asm__ volatile("skinit" : : "a"(0u) : "memory");
}

static void invlpga(void)
{
	__asm__ volatile("invlpga" : : "a"(0ull), "c"(0u) : "memory");
}

/* No IDT at all: the #UD cannot be delivered, nor the #DF after it */
static void triple_fault(void)
{
	struct __attribute__((packed)) { uint16_t limit; uint64_t base; } none = { 0, 0 };

	__asm__ volatile("lidt %0\n\tud2" : : "m"(none) : "memory");
}

const struct attempt attempts[] = {
	{ "write outside its RAM", attack_write_outside_ram },
	{ "read the victim's RAM at physical 0x08000000", read_victim_ram },
	{ "write hypervisor memory at " XSTR(CONFIG_HV_LOAD_ADDR), attack_write_hypervisor },
	{ "read the victim's HPET at 0xfed00000", read_victim_hpet },
	{ "INIT to every other CPU through the local APIC's ICR", init_other_cpus },
	{ "an add to its UART's scratch register", add_to_uart },
	{ "a dword read of its UART", dword_uart_read },
	{ "fetch from its UART", fetch_from_uart },
	{ "the machine's I/O ports, then a write outside its RAM", foreign_ports },
	{ "the hypervisor's MSRs, then a write outside its RAM", foreign_msrs },
	{ "control register games, then a write outside its RAM", control_registers },
	{ "VMRUN", vmrun },
	{ "VMLOAD", vmload },
	{ "VMSAVE", vmsave },
	{ "STGI", stgi },
	{ "CLGI", clgi },
	{ "SKINIT", skinit },
	{ "INVLPGA", invlpga },
	{ "hypercall with a bad number", attack_bad_hypercall },
	{ "console-write hypercall with a bad pointer", attack_bad_console_pointer },
	{ "a triple fault", triple_fault },
};
const unsigned int nr_attempts = sizeof(attempts) / sizeof(attempts[0]);

/*
 * ACPI S5 through the PM block's control register, then the same resets
 * as the hostile partition's: on a PC a port nobody decodes drops the
 * write, so nothing here can fail loudly. The quitter says it still runs
 * and switches its own partition off.
 */
int power_off(void)
{
	printf("%s: writing ACPI S5 to PM1a_CNT, resets to 0xcf9 and 0x64, "
	       "0 to isa-debug-exit\n", guest.name);
	io_write16(PORT_ACPI_PM1A_CNT, PM1_SLP_EN_S5);
	io_write8(PORT_RESET_CONTROL, 0x0e);
	io_write8(PORT_KBC_CMD, 0xfe);
	io_write32(PORT_DEBUG_EXIT, 0);
	printf("%s: still running: switching its partition off\n", guest.name);
	for (;;)
		hv_shutdown_self();
}
