// SPDX-License-Identifier: MIT
/*
 * Emulated ARM PL011 UART: transmit-only, always ready. Enough for a
 * polling driver (write DR, watch FR) and for Linux's amba-pl011 probe
 * (identification registers, control registers that read back).
 * Received data never arrives: partitions have no console input.
 * Each instance is a struct vuart (vuart.h); vpl011_fdt.c describes it
 * in the guest's device tree.
 */
#include <string.h>
#include <bulkhead/console.h>
#include <bulkhead/irqchip.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <bulkhead/vuart.h>

#define UARTDR		0x000
#define UARTFR		0x018
#define UARTRIS		0x03c
#define UARTIMSC	0x038
#define UARTMIS		0x040
#define UARTICR		0x044
#define UARTPERIPHID0	0xfe0
#define UART_REGS_END	0x1000

#define FR_RXFE		(1u << 4)
#define FR_TXFE		(1u << 7)
#define INT_TX		(1u << 5)

/* PL011 r1p5 identification: PeriphID0-3 then PCellID0-3 */
static const uint8_t id_regs[8] = { 0x11, 0x10, 0x34, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

/*
 * Registers that simply hold what was written: ILPR 0x20 .. IMSC 0x38
 * take slots 0..6 of the instance's registers, DMACR 0x48 slot 7.
 */
#define SLOT_IMSC	6
#define SLOT_DMACR	7
_Static_assert(SLOT_DMACR < VUART_REGS, "struct vuart too small for the PL011");

static uint32_t *plain_register(struct vuart *u, uint32_t off)
{
	if (off >= 0x020 && off <= 0x038)
		return &u->reg[(off - 0x020) / 4];
	return off == 0x048 ? &u->reg[SLOT_DMACR] : NULL;
}

static void vpl011_reset(struct io_device *dev)
{
	struct vuart *u = dev->priv;

	/* A line left high by the previous boot would be an interrupt the
	 * new one cannot clear (its IMSC reads 0) */
	if (u->irq >= 0)
		irqchip_set_level(u->part, u->irq, false);
	memset(u->reg, 0, sizeof(u->reg));
	*plain_register(u, 0x030) = 0x300;	/* CR: TXE and RXE */
	*plain_register(u, 0x034) = 0x12;	/* IFLS: half full */
}

static int vpl011_read(struct io_device *dev, struct vcpu *v, uint32_t off,
		       unsigned int size, uint64_t *val)
{
	struct vuart *u = dev->priv;
	uint32_t *reg;

	(void)v;
	if (size > 4 || (off & 3))
		return -1;
	if (off == UARTFR)	/* first: drivers poll it before every byte */
		*val = FR_TXFE | FR_RXFE;
	else if (off == UARTRIS)
		*val = INT_TX;
	else if (off == UARTMIS)
		*val = INT_TX & u->reg[SLOT_IMSC];
	else if ((reg = plain_register(u, off)))
		*val = *reg;
	else if (off >= UARTPERIPHID0 && off < UART_REGS_END)
		*val = id_regs[(off - UARTPERIPHID0) / 4];
	else
		*val = 0;	/* DR (no input), RSR, reserved: read as zero */
	return 0;
}

static int vpl011_write(struct io_device *dev, struct vcpu *v, uint32_t off,
			unsigned int size, uint64_t val)
{
	struct vuart *u = dev->priv;
	struct partition *p = u->part;
	uint32_t *reg = plain_register(u, off);
	char c = (char)val;

	(void)v;
	if (size > 4 || (off & 3))
		return -1;
	if (off == UARTDR)
		console_guest_write(&p->console, p->name, &c, 1);
	else if (reg)
		*reg = (uint32_t)val;
	/* The transmitter is always ready: the line is high while unmasked */
	if (off == UARTIMSC && u->irq >= 0)
		irqchip_set_level(p, u->irq, u->reg[SLOT_IMSC] & INT_TX);
	return 0;	/* ICR, RSR and read-only registers ignore writes */
}

const struct io_ops vpl011_ops = {
	.read = vpl011_read,
	.write = vpl011_write,
	.reset = vpl011_reset,
};
