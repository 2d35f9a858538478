// SPDX-License-Identifier: MIT
/*
 * Descriptor tables. Each CPU has its own GDT (null, 64-bit code, data,
 * its TSS), whose TSS gives the double fault, NMI and machine check a
 * stack of their own (IST 1): one that cannot be the stack that just
 * overflowed. One IDT serves every CPU: the exceptions, the kick IPI and
 * the local APIC's spurious vector, all interrupt gates (interrupts stay
 * masked in the handler).
 */
#include <string.h>
#include <bulkhead/port.h>
#include <asm/cpu.h>
#include <asm/x86.h>

#define GDT_CODE64	0x00209a0000000000ull	/* present, DPL 0, long mode, execute/read */
#define GDT_DATA	0x0000920000000000ull	/* present, DPL 0, read/write */
#define TSS_AVAILABLE	0x89ull			/* present, 64-bit TSS, available */
#define GATE_INTERRUPT	0x8e			/* present, DPL 0, 64-bit interrupt gate */
#define IST_SPECIAL	1

struct idt_gate {
	uint16_t offset_low;
	uint16_t selector;
	uint8_t ist;
	uint8_t type;
	uint16_t offset_mid;
	uint32_t offset_high;
	uint32_t reserved;
} __attribute__((packed));

struct desc_ptr {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

extern const uint64_t x86_vector_table[X86_NR_EXCEPTIONS + 2];
static struct idt_gate idt[256] __attribute__((aligned(16)));

static void set_gate(unsigned int vector, uint64_t handler, uint8_t ist)
{
	idt[vector] = (struct idt_gate){
		.offset_low = (uint16_t)handler,
		.selector = SEL_CODE64,
		.ist = ist,
		.type = GATE_INTERRUPT,
		.offset_mid = (uint16_t)(handler >> 16),
		.offset_high = (uint32_t)(handler >> 32),
	};
}

/* Once, on the boot CPU, before any CPU loads it */
static void idt_build(void)
{
	for (unsigned int v = 0; v < X86_NR_EXCEPTIONS; v++)
		set_gate(v, x86_vector_table[v],
			 v == 2 || v == 8 || v == 18 ? IST_SPECIAL : 0);
	set_gate(VECTOR_KICK, x86_vector_table[X86_NR_EXCEPTIONS], 0);
	set_gate(VECTOR_SPURIOUS, x86_vector_table[X86_NR_EXCEPTIONS + 1], 0);
}

/* The two GDT slots of a 64-bit TSS descriptor */
static void set_tss(uint64_t *gdt, const struct tss *tss)
{
	uint64_t base = (uintptr_t)tss, limit = sizeof(*tss) - 1;

	gdt[0] = (limit & 0xffff) | (base & 0xffffff) << 16 | TSS_AVAILABLE << 40 |
		 (limit >> 16 & 0xf) << 48 | (base >> 24 & 0xff) << 56;
	gdt[1] = base >> 32;
}

void x86_cpu_init(unsigned int cpu)
{
	struct x86_cpu *c = &x86_cpus[cpu];
	struct desc_ptr gdtr = { sizeof(c->gdt) - 1, (uintptr_t)c->gdt };
	struct desc_ptr idtr = { sizeof(idt) - 1, (uintptr_t)idt };

	if (!cpu)
		idt_build();
	c->self = c;
	c->index = cpu;
	c->gdt[0] = 0;
	c->gdt[1] = GDT_CODE64;
	c->gdt[2] = GDT_DATA;
	memset(&c->tss, 0, sizeof(c->tss));
	c->tss.ist[IST_SPECIAL - 1] = (uintptr_t)c->ist_stack + sizeof(c->ist_stack);
	c->tss.iomap_base = sizeof(c->tss);	/* no I/O bitmap */
	set_tss(&c->gdt[SEL_TSS / 8], &c->tss);
	__asm__ volatile("lgdt %0\n\t"
			 "pushq %1\n\t"
			 "leaq 1f(%%rip), %%rax\n\t"
			 "pushq %%rax\n\t"
			 "lretq\n"
			 "1:\tmov %2, %%ds\n\t"
			 "mov %2, %%es\n\t"
			 "mov %2, %%ss\n\t"
			 "ltr %w3\n\t"
			 "lidt %4"
			 : : "m"(gdtr), "i"(SEL_CODE64), "r"(SEL_DATA), "r"(SEL_TSS),
			   "m"(idtr) : "rax", "memory");
	wrmsr(MSR_GS_BASE, (uintptr_t)c);
}
