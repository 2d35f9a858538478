// SPDX-License-Identifier: MIT
/*
 * Host tests of the emulated ns16550A (core/devices/vns16550.c): each
 * register's reads and writes, the divisor latch behind LCR[DLAB], THR
 * bytes reaching the console, the THR-empty interrupt raised and cleared
 * through IER writes, THR writes and IIR reads as a 16550 does it, the
 * line driven only on a change, refused accesses and the reset state.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <bulkhead/console.h>
#include <bulkhead/irqchip.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <bulkhead/vuart.h>

#define RBR_THR	0
#define IER	1
#define IIR_FCR	2
#define LCR	3
#define MCR	4
#define LSR	5
#define MSR	6
#define SCR	7

#define CONSOLE_IRQ	37

static struct partition part;
static struct vcpu vcpu = { .part = &part };
static struct vuart uart;
static struct io_device dev = { .ops = &vns16550_ops, .priv = &uart };

/* What the console and the interrupt controller saw */
static char out[64];
static size_t out_len;
static unsigned int line_calls;
static bool line_level;

void console_guest_write(struct console_line *line, const char *name,
			 const char *s, size_t len)
{
	assert_ptr_equal(line, &part.console);
	assert_string_equal(name, "alpha");
	assert_true(out_len + len <= sizeof(out));
	memcpy(out + out_len, s, len);
	out_len += len;
}

static uint32_t fake_set_level(struct partition *p, unsigned int irq, bool level)
{
	assert_ptr_equal(p, &part);
	assert_int_equal(irq, CONSOLE_IRQ);
	line_calls++;
	line_level = level;
	return 0;
}

/* The port's controller, as far as the code under test reaches it */
const struct irqchip_ops port_irqchip = { .set_level = fake_set_level };

unsigned int port_cpu_index(void)
{
	return 0;
}

static int setup(void **state)
{
	(void)state;
	memset(&part, 0, sizeof(part));
	memset(out, 0, sizeof(out));
	part.name = "alpha";
	vuart_init(&uart, &part, CONSOLE_IRQ);
	/* Left over from a previous boot: reset must forget it */
	memset(uart.reg, 0x5a, sizeof(uart.reg));
	line_level = true;
	dev.ops->reset(&dev);
	out_len = 0;
	line_calls = 0;
	return 0;
}

static uint8_t rd(uint32_t off)
{
	uint64_t val = 0xdead;

	assert_int_equal(dev.ops->read(&dev, &vcpu, off, 1, &val), 0);
	assert_true(val <= 0xff);
	return (uint8_t)val;
}

static void wr(uint32_t off, uint8_t val)
{
	assert_int_equal(dev.ops->write(&dev, &vcpu, off, 1, val), 0);
}

static void test_reset_state(void **state)
{
	(void)state;
	assert_false(line_level);	/* lowered by the reset */
	assert_int_equal(rd(RBR_THR), 0);
	assert_int_equal(rd(IER), 0);
	assert_int_equal(rd(IIR_FCR), 0x01);
	assert_int_equal(rd(LCR), 0);
	assert_int_equal(rd(MCR), 0);
	assert_int_equal(rd(LSR), 0x60);
	assert_int_equal(rd(MSR), 0xb0);
	assert_int_equal(rd(SCR), 0);
	wr(LCR, 0x80);
	assert_int_equal(rd(RBR_THR), 0);
	assert_int_equal(rd(IER), 0);
}

static void test_plain_registers(void **state)
{
	(void)state;
	wr(LCR, 0x1b);			/* 8 data bits, even parity, no DLAB */
	assert_int_equal(rd(LCR), 0x1b);
	wr(MCR, 0xff);			/* only DTR, RTS, OUT1, OUT2, LOOP */
	assert_int_equal(rd(MCR), 0x1f);
	wr(SCR, 0xa5);
	assert_int_equal(rd(SCR), 0xa5);
	wr(IER, 0xf0);			/* the 16550A has four enables */
	assert_int_equal(rd(IER), 0);
	wr(IER, 0x0d);
	assert_int_equal(rd(IER), 0x0d);
	/* LSR and MSR are read-only; RBR has nothing to give */
	wr(LSR, 0x00);
	wr(MSR, 0x00);
	assert_int_equal(rd(LSR), 0x60);
	assert_int_equal(rd(MSR), 0xb0);
	assert_int_equal(rd(RBR_THR), 0);
	assert_int_equal(out_len, 0);
}

static void test_divisor_latch(void **state)
{
	(void)state;
	wr(IER, 0x05);
	wr(LCR, 0x83);			/* DLAB: offsets 0 and 1 are DLL, DLM */
	wr(RBR_THR, 0x0c);
	wr(IER, 0x01);
	assert_int_equal(rd(RBR_THR), 0x0c);
	assert_int_equal(rd(IER), 0x01);
	assert_int_equal(out_len, 0);	/* DLL is not THR */
	assert_int_equal(rd(LCR), 0x83);
	/* IIR/FCR, LSR, SCR do not move with DLAB */
	assert_int_equal(rd(IIR_FCR), 0x01);
	assert_int_equal(rd(LSR), 0x60);
	wr(LCR, 0x03);
	assert_int_equal(rd(IER), 0x05);
	assert_int_equal(rd(RBR_THR), 0);
	wr(LCR, 0x83);
	assert_int_equal(rd(RBR_THR), 0x0c);
	assert_int_equal(rd(IER), 0x01);
}

static void test_thr_reaches_console(void **state)
{
	(void)state;
	wr(RBR_THR, 'o');
	wr(RBR_THR, 'k');
	wr(RBR_THR, '\n');
	assert_int_equal(out_len, 3);
	assert_memory_equal(out, "ok\n", 3);
	assert_int_equal(rd(LSR), 0x60);	/* sent at once */
	assert_int_equal(line_calls, 0);	/* no interrupt enabled */
	assert_int_equal(rd(IIR_FCR), 0x01);
}

static void test_fifo_bits_in_iir(void **state)
{
	(void)state;
	wr(IIR_FCR, 0x07);		/* enable, reset both FIFOs */
	assert_int_equal(rd(IIR_FCR), 0xc1);
	wr(IER, 0x02);
	assert_int_equal(rd(IIR_FCR), 0xc2);
	assert_int_equal(rd(IIR_FCR), 0xc1);
	wr(IIR_FCR, 0xc6);		/* trigger and resets without enable */
	assert_int_equal(rd(IIR_FCR), 0x01);
}

/* Linux's 8250 start-up test: enable, read IIR, disable, enable, read IIR */
static void test_thre_interrupt(void **state)
{
	(void)state;
	wr(IER, 0x02);
	assert_true(line_level);
	assert_int_equal(line_calls, 1);
	assert_int_equal(rd(IIR_FCR), 0x02);
	assert_false(line_level);	/* the IIR read acknowledged it */
	assert_int_equal(rd(IIR_FCR), 0x01);
	assert_int_equal(line_calls, 2);
	wr(IER, 0x02);			/* no toggle: stays acknowledged */
	assert_int_equal(rd(IIR_FCR), 0x01);
	wr(IER, 0x00);
	wr(IER, 0x02);			/* a toggle raises it again */
	assert_true(line_level);
	assert_int_equal(rd(IIR_FCR), 0x02);
	assert_false(line_level);
}

static void test_thr_write_raises_again(void **state)
{
	(void)state;
	wr(IER, 0x02);
	assert_int_equal(rd(IIR_FCR), 0x02);
	wr(RBR_THR, 'a');
	assert_true(line_level);
	wr(RBR_THR, 'b');		/* the line is already high: no call */
	wr(RBR_THR, 'c');
	assert_int_equal(line_calls, 3);
	assert_int_equal(rd(IIR_FCR), 0x02);
	assert_false(line_level);
	/* Pending but disabled: IIR shows nothing and does not acknowledge */
	wr(RBR_THR, 'd');
	wr(IER, 0x0d);
	assert_false(line_level);
	assert_int_equal(rd(IIR_FCR), 0x01);
	assert_int_equal(out_len, 4);
}

static void test_other_enables_raise_nothing(void **state)
{
	(void)state;
	wr(IER, 0x0d);			/* receive, line status, modem status */
	wr(RBR_THR, 'x');
	assert_int_equal(rd(IIR_FCR), 0x01);
	assert_int_equal(line_calls, 0);
}

static void test_no_console_irq(void **state)
{
	(void)state;
	uart.irq = -1;
	dev.ops->reset(&dev);
	wr(IER, 0x02);
	wr(RBR_THR, 'z');
	assert_int_equal(rd(IIR_FCR), 0x02);	/* still visible to a poller */
	assert_int_equal(line_calls, 0);
}

static void test_refused_accesses(void **state)
{
	uint64_t val = 0x77;

	(void)state;
	for (unsigned int size = 2; size <= 8; size *= 2) {
		assert_int_equal(dev.ops->read(&dev, &vcpu, RBR_THR, size, &val), -1);
		assert_int_equal(dev.ops->read(&dev, &vcpu, LSR, size, &val), -1);
		assert_int_equal(dev.ops->write(&dev, &vcpu, RBR_THR, size, 'w'), -1);
		assert_int_equal(dev.ops->write(&dev, &vcpu, IER, size, 0x02), -1);
	}
	/* reg-shift 2 would put SCR at 0x1c: past the eight registers */
	assert_int_equal(dev.ops->read(&dev, &vcpu, 8, 1, &val), -1);
	assert_int_equal(dev.ops->read(&dev, &vcpu, 0x1c, 1, &val), -1);
	assert_int_equal(dev.ops->write(&dev, &vcpu, 0x14, 1, 0), -1);
	assert_int_equal(dev.ops->write(&dev, &vcpu, 0xfff, 1, 0), -1);
	/* Refused before any effect */
	assert_int_equal(val, 0x77);
	assert_int_equal(out_len, 0);
	assert_int_equal(line_calls, 0);
	assert_int_equal(rd(IER), 0);
}

static void test_reset_after_use(void **state)
{
	(void)state;
	wr(IER, 0x0f);
	wr(IIR_FCR, 0x01);
	wr(MCR, 0x0b);
	wr(SCR, 0x42);
	wr(LCR, 0x80);
	wr(RBR_THR, 0x01);
	assert_true(line_level);
	dev.ops->reset(&dev);
	assert_false(line_level);
	test_reset_state(state);
	/* The reset left the line low and says so: enabling raises it */
	wr(LCR, 0x00);
	wr(IER, 0x02);
	assert_true(line_level);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_reset_state, setup),
		cmocka_unit_test_setup(test_plain_registers, setup),
		cmocka_unit_test_setup(test_divisor_latch, setup),
		cmocka_unit_test_setup(test_thr_reaches_console, setup),
		cmocka_unit_test_setup(test_fifo_bits_in_iir, setup),
		cmocka_unit_test_setup(test_thre_interrupt, setup),
		cmocka_unit_test_setup(test_thr_write_raises_again, setup),
		cmocka_unit_test_setup(test_other_enables_raise_nothing, setup),
		cmocka_unit_test_setup(test_no_console_irq, setup),
		cmocka_unit_test_setup(test_refused_accesses, setup),
		cmocka_unit_test_setup(test_reset_after_use, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
