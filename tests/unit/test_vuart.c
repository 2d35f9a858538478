// SPDX-License-Identifier: MIT
/*
 * Host tests of emulated UARTs as instances (core/devices/, vuart.h):
 * several in one partition, of both models and on both buses (an
 * ns16550A at COM1's ports and one at a guest address, a PL011 at
 * another), each with its own registers and interrupt line, reached
 * through the partition's buses as a port delivers accesses, and all of
 * them reset by the partition's boot (io_bus_reset()).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <bulkhead/console.h>
#include <bulkhead/health.h>
#include <bulkhead/irqchip.h>
#include <bulkhead/mmio.h>
#include <bulkhead/partition.h>
#include <bulkhead/pio.h>
#include <bulkhead/port.h>
#include <bulkhead/vuart.h>

#define COM1		0x3f8
#define NS_BASE		0xfe004500ull
#define PL011_BASE	0x09000000ull
#define COM1_IRQ	4
#define NS_IRQ		42

/* ns16550 registers */
#define THR	0
#define IER	1
#define IIR	2
#define LCR	3
#define SCR	7
/* PL011 registers */
#define UARTDR		0x000
#define UARTCR		0x030
#define UARTIMSC	0x038

static struct partition part;
static struct vcpu vcpu = { .part = &part };
static struct vuart com1, ns, pl011;

static char out[64];
static size_t out_len;
static bool line[64];

/* Every instance writes into its partition's console line */
void console_guest_write(struct console_line *l, const char *name, const char *s, size_t len)
{
	assert_true(l == &part.console && !strcmp(name, "multi") && out_len + len <= sizeof(out));
	memcpy(out + out_len, s, len);
	out_len += len;
}

static uint32_t fake_set_level(struct partition *p, unsigned int irq, bool level)
{
	assert_true(p == &part && irq < 64);
	line[irq] = level;
	return 0;
}

/* The port's controller, as far as the code under test reaches it */
const struct irqchip_ops port_irqchip = { .set_level = fake_set_level };

unsigned int port_cpu_index(void)
{
	return 0;
}

/* The emulated windows are never the port's to map */
int port_guest_map(struct partition *p, gpaddr_t gpa, paddr_t pa, uint64_t size,
		   unsigned int attrs)
{
	(void)p; (void)gpa; (void)pa; (void)size; (void)attrs;
	fail();
	return -1;
}
void hv_printf(const char *fmt, ...) { (void)fmt; }
/* Every access here is one the models take */
enum exit_action health_fault(struct vcpu *v, enum fault_kind kind, const char *detail,
			      uint64_t pc, uint64_t addr, uint64_t syndrome)
{
	(void)v; (void)kind; (void)detail; (void)pc; (void)addr; (void)syndrome;
	fail();
	return EXIT_RESCHEDULE;
}

static int setup(void **state)
{
	(void)state;
	memset(&part, 0, sizeof(part));
	part.name = "multi";
	vuart_init(&com1, &part, COM1_IRQ);
	vuart_init(&ns, &part, NS_IRQ);
	vuart_init(&pl011, &part, -1);
	assert_int_equal(pio_register(&part, COM1, 8, &vns16550_ops, &com1), 0);
	assert_int_equal(mmio_register(&part, NS_BASE, 0x100, &vns16550_ops, &ns), 0);
	assert_int_equal(mmio_register(&part, PL011_BASE, 0x1000, &vpl011_ops, &pl011), 0);
	io_bus_reset(&part.pio);
	io_bus_reset(&part.mmio);
	memset(out, 0, sizeof(out));
	out_len = 0;
	return 0;
}

static uint32_t inb(uint16_t port)
{
	struct pio_access a = { .port = port, .size = 1 };

	assert_int_equal(pio_emulate(&vcpu, &part.pio, &a), 0);
	return a.value;
}

static void outb(uint16_t port, uint8_t val)
{
	struct pio_access a = { .port = port, .size = 1, .write = true, .value = val };

	assert_int_equal(pio_emulate(&vcpu, &part.pio, &a), 0);
}

static uint64_t mmio_rd(gpaddr_t addr, unsigned int size)
{
	struct mmio_access a = { .addr = addr, .size = size };

	assert_int_equal(mmio_emulate(&vcpu, &part.mmio, &a), 0);
	return a.value;
}

static void mmio_wr(gpaddr_t addr, unsigned int size, uint64_t val)
{
	struct mmio_access a = { .addr = addr, .size = size, .write = true, .value = val };

	assert_int_equal(mmio_emulate(&vcpu, &part.mmio, &a), 0);
}

/* What one instance is told changes no other's registers */
static void test_separate_registers(void **state)
{
	(void)state;
	outb(COM1 + LCR, 0x03);
	outb(COM1 + SCR, 0x11);
	mmio_wr(NS_BASE + LCR, 1, 0x1b);
	mmio_wr(NS_BASE + SCR, 1, 0x22);
	mmio_wr(PL011_BASE + UARTCR, 4, 0x301);
	assert_int_equal(inb(COM1 + LCR), 0x03);
	assert_int_equal(inb(COM1 + SCR), 0x11);
	assert_int_equal(mmio_rd(NS_BASE + LCR, 1), 0x1b);
	assert_int_equal(mmio_rd(NS_BASE + SCR, 1), 0x22);
	assert_int_equal(mmio_rd(PL011_BASE + UARTCR, 4), 0x301);
	/* The divisor latch of one: the other's offset 0 stays THR */
	outb(COM1 + LCR, 0x83);
	outb(COM1 + THR, 0x0c);
	mmio_wr(NS_BASE + THR, 1, 'n');
	assert_int_equal(inb(COM1 + THR), 0x0c);
	assert_int_equal(out_len, 1);
	assert_memory_equal(out, "n", 1);
}

/* Each drives its own interrupt line, from its own IER */
static void test_separate_interrupts(void **state)
{
	(void)state;
	outb(COM1 + IER, 0x02);
	assert_true(line[COM1_IRQ]);
	assert_false(line[NS_IRQ]);
	assert_int_equal(mmio_rd(NS_BASE + IIR, 1), 0x01);	/* nothing pending there */
	assert_int_equal(inb(COM1 + IIR), 0x02);
	assert_false(line[COM1_IRQ]);
	mmio_wr(NS_BASE + IER, 1, 0x02);
	assert_true(line[NS_IRQ]);
	assert_false(line[COM1_IRQ]);
	mmio_wr(PL011_BASE + UARTIMSC, 4, 0x20);	/* no line: nothing driven */
	assert_true(line[NS_IRQ]);
}

/* All write to the partition's console, in the order they are written */
static void test_output(void **state)
{
	(void)state;
	outb(COM1 + THR, 'a');
	mmio_wr(PL011_BASE + UARTDR, 4, 'b');
	mmio_wr(NS_BASE + THR, 1, 'c');
	outb(COM1 + THR, '\n');
	assert_int_equal(out_len, 4);
	assert_memory_equal(out, "abc\n", 4);
}

/* The partition's boot resets every instance on both buses */
static void test_reset_all(void **state)
{
	(void)state;
	outb(COM1 + SCR, 0x55);
	outb(COM1 + IER, 0x02);
	mmio_wr(NS_BASE + IER, 1, 0x02);
	mmio_wr(PL011_BASE + UARTCR, 4, 0);
	assert_true(line[COM1_IRQ] && line[NS_IRQ]);
	io_bus_reset(&part.pio);
	io_bus_reset(&part.mmio);
	assert_false(line[COM1_IRQ] || line[NS_IRQ]);
	assert_int_equal(inb(COM1 + SCR), 0);
	assert_int_equal(inb(COM1 + IER), 0);
	assert_int_equal(mmio_rd(NS_BASE + IER, 1), 0);
	assert_int_equal(mmio_rd(PL011_BASE + UARTCR, 4), 0x300);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_separate_registers, setup),
		cmocka_unit_test_setup(test_separate_interrupts, setup),
		cmocka_unit_test_setup(test_output, setup),
		cmocka_unit_test_setup(test_reset_all, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
