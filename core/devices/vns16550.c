// SPDX-License-Identifier: MIT
/*
 * Emulated ns16550A UART: transmit-only, always ready, byte registers
 * at consecutive addresses or ports (reg-shift 0, as on e500 SoCs and at
 * a PC's COM ports: the same model on the MMIO or the port-I/O bus). Enough for a polling driver (write THR, watch LSR) and for
 * Linux's 8250 driver with interrupts, whose start-up test wants the
 * THR-empty interrupt raised again each time IER enables it.
 *
 * Transmission is immediate: LSR always reads THR empty and transmitter
 * empty, and the divisor latch only reads back. Received data never
 * arrives (partitions have no console input), so LSR's data-ready and
 * error bits and MSR's delta bits never set, and the receive, line and
 * modem status interrupts never fire: THR empty is the only source.
 * Loopback (MCR bit 4) reads back but is not emulated: bytes written
 * still reach the console and MSR still shows the modem lines.
 * No lock: vCPUs of one partition racing on one UART can only confuse
 * that UART of their own partition (a guest's driver serializes its
 * accesses). Each instance is a struct vuart (vuart.h); vns16550_fdt.c
 * describes it in the guest's device tree.
 */
#include <string.h>
#include <bulkhead/console.h>
#include <bulkhead/irqchip.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <bulkhead/vuart.h>

/* Register offsets; 0 and 1 are the divisor latch while LCR[DLAB] is set */
#define UART_RBR_THR	0
#define UART_IER	1
#define UART_IIR_FCR	2
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5
#define UART_MSR	6
#define UART_SCR	7
#define UART_NREGS	8

#define IER_ETBEI	0x02	/* THR empty interrupt enabled */
#define IER_MASK	0x0f	/* the 16550A's four enables; the rest reads 0 */
#define IIR_NO_INT	0x01
#define IIR_THRE	0x02
#define IIR_FIFO	0xc0	/* both "FIFOs enabled" bits */
#define FCR_ENABLE	0x01
#define LCR_DLAB	0x80
#define MCR_MASK	0x1f	/* DTR, RTS, OUT1, OUT2, LOOP */
#define LSR_THRE	0x20
#define LSR_TEMT	0x40
/*
 * Carrier detect, data set ready and clear to send: a terminal that is
 * always there and ready, so a driver doing flow control on CTS (Linux's
 * UPF_CONS_FLOW) never waits.
 */
#define MSR_LINES	0xb0

/* Slots of the instance's registers; zero in each is the 16550's reset state */
enum {
	SLOT_DLL, SLOT_DLM, SLOT_IER, SLOT_LCR, SLOT_MCR, SLOT_SCR,
	SLOT_FIFO,		/* FCR[0]: FCR itself is write-only */
	SLOT_THRE_PENDING,	/* THR empty not yet acknowledged by an IIR read */
	SLOT_LINE,		/* the level the line was last driven to */
	SLOT_COUNT
};
_Static_assert(SLOT_COUNT <= VUART_REGS, "struct vuart too small for the ns16550");

/*
 * The line follows IER[ETBEI] and the pending THR-empty source. Only a
 * change goes to the interrupt controller: a driver writing a burst of
 * bytes with the interrupt enabled keeps the line high all along.
 */
static void vns16550_update_line(struct vuart *u)
{
	uint32_t *reg = u->reg;
	bool level = (reg[SLOT_IER] & IER_ETBEI) && reg[SLOT_THRE_PENDING];

	if (u->irq < 0 || reg[SLOT_LINE] == level)
		return;
	reg[SLOT_LINE] = level;
	irqchip_set_level(u->part, u->irq, level);
}

static void vns16550_reset(struct io_device *dev)
{
	struct vuart *u = dev->priv;

	/* A line left high by the previous boot would be an interrupt the
	 * new one cannot clear (its IER reads 0) */
	if (u->irq >= 0)
		irqchip_set_level(u->part, u->irq, false);
	memset(u->reg, 0, sizeof(u->reg));
}

static uint8_t vns16550_iir(struct vuart *u)
{
	uint8_t fifo = u->reg[SLOT_FIFO] ? IIR_FIFO : 0;

	if ((u->reg[SLOT_IER] & IER_ETBEI) && u->reg[SLOT_THRE_PENDING])
		return fifo | IIR_THRE;
	return fifo | IIR_NO_INT;
}

static int vns16550_read(struct io_device *dev, struct vcpu *v, uint32_t off,
			 unsigned int size, uint64_t *val)
{
	struct vuart *u = dev->priv;
	bool dlab = u->reg[SLOT_LCR] & LCR_DLAB;

	(void)v;
	/* A driver assuming another reg-shift or width is reported, not
	 * left talking to the wrong registers */
	if (size != 1 || off >= UART_NREGS)
		return -1;
	switch (off) {
	case UART_LSR:		/* first: drivers poll it before every byte */
		*val = LSR_THRE | LSR_TEMT;
		break;
	case UART_RBR_THR:
		*val = dlab ? u->reg[SLOT_DLL] : 0;	/* RBR: no input */
		break;
	case UART_IER:
		*val = dlab ? u->reg[SLOT_DLM] : u->reg[SLOT_IER];
		break;
	case UART_IIR_FCR:
		*val = vns16550_iir(u);
		/* Reading IIR that names THR empty acknowledges it */
		if ((*val & 0x0f) == IIR_THRE) {
			u->reg[SLOT_THRE_PENDING] = 0;
			vns16550_update_line(u);
		}
		break;
	case UART_LCR:
		*val = u->reg[SLOT_LCR];
		break;
	case UART_MCR:
		*val = u->reg[SLOT_MCR];
		break;
	case UART_MSR:
		*val = MSR_LINES;
		break;
	default:
		*val = u->reg[SLOT_SCR];
		break;
	}
	return 0;
}

/*
 * IER: enabling the THR-empty interrupt while THR is empty (always)
 * raises it again even after an IIR read acknowledged it, as a 16550
 * does; disabling it forgets it.
 */
static void vns16550_write_ier(struct vuart *u, uint8_t val)
{
	uint32_t old = u->reg[SLOT_IER];

	u->reg[SLOT_IER] = val & IER_MASK;
	if ((old ^ u->reg[SLOT_IER]) & IER_ETBEI)
		u->reg[SLOT_THRE_PENDING] = !!(val & IER_ETBEI);
}

static void vns16550_write_thr(struct vuart *u, uint8_t val)
{
	struct partition *p = u->part;
	char c = (char)val;

	console_guest_write(&p->console, p->name, &c, 1);
	/* Sent at once: THR is empty again, a new interrupt */
	u->reg[SLOT_THRE_PENDING] = 1;
}

static int vns16550_write(struct io_device *dev, struct vcpu *v, uint32_t off,
			  unsigned int size, uint64_t val)
{
	struct vuart *u = dev->priv;
	bool dlab = u->reg[SLOT_LCR] & LCR_DLAB;
	uint8_t byte = (uint8_t)val;

	(void)v;
	if (size != 1 || off >= UART_NREGS)
		return -1;
	switch (off) {
	case UART_RBR_THR:
		if (dlab)
			u->reg[SLOT_DLL] = byte;
		else
			vns16550_write_thr(u, byte);
		break;
	case UART_IER:
		if (dlab)
			u->reg[SLOT_DLM] = byte;
		else
			vns16550_write_ier(u, byte);
		break;
	case UART_IIR_FCR:
		/* The FIFO-reset and trigger bits act on FIFOs that are
		 * always empty: only the enable shows, in IIR */
		u->reg[SLOT_FIFO] = byte & FCR_ENABLE;
		break;
	case UART_LCR:
		u->reg[SLOT_LCR] = byte;
		break;
	case UART_MCR:
		u->reg[SLOT_MCR] = byte & MCR_MASK;
		break;
	case UART_SCR:
		u->reg[SLOT_SCR] = byte;
		break;
	default:
		break;	/* LSR and MSR: read-only, writes ignored */
	}
	vns16550_update_line(u);
	return 0;
}

const struct io_ops vns16550_ops = {
	.read = vns16550_read,
	.write = vns16550_write,
	.reset = vns16550_reset,
};
