/* SPDX-License-Identifier: MIT */
/*
 * Emulated UARTs (core/devices/): transmit-only device models whose bytes
 * join their partition's console output. Each UART is an instance, a
 * struct vuart with its own register file, served by its model's
 * struct io_ops: registered with mmio_register() or pio_register() with
 * the instance as priv, on either bus and as many times as the
 * partition has UARTs. io_bus_reset() resets it at each boot.
 */
#ifndef BULKHEAD_VUART_H
#define BULKHEAD_VUART_H

#include <bulkhead/iobus.h>
#include <bulkhead/types.h>

struct partition;

/* One emulated UART: its partition, its interrupt, its registers. */
#define VUART_REGS	16
struct vuart {
	struct partition *part;		/* whose console its output joins */
	int irq;			/* its interrupt in @part, or -1 */
	uint32_t reg[VUART_REGS];	/* interpreted by its model */
};

/*
 * Make @u a UART of @p raising @irq (-1: none); its registers are set
 * by its model's reset, at the partition's first boot and every boot
 * after. Boot CPU while partitions are created.
 */
static inline void vuart_init(struct vuart *u, struct partition *p, int irq)
{
	*u = (struct vuart){ .part = p, .irq = irq };
}

/* The models: ARM's PL011 (vpl011.c) and the ns16550A (vns16550.c). */
extern const struct io_ops vpl011_ops;
extern const struct io_ops vns16550_ops;

/*
 * The model of the partitions' consoles, the board's choice
 * (CONFIG_VUART_PL011 or CONFIG_VUART_NS16550: core/devices/Kbuild links
 * console_pl011.c or console_ns16550.c).
 */
extern const struct io_ops *const console_vuart_ops;

/*
 * The console model as the guest's device tree describes it; apart from
 * the registers so that the host tool, which builds every partition's
 * tree to check that it fits, links no device model. Chosen with it
 * (vpl011_fdt.c or vns16550_fdt.c).
 */
struct vuart_fdt {
	const char *node_name;
	const char *compatible;		/* NUL-separated list */
	size_t compatible_len;
	/* Add what the model's guest drivers need beyond compatible and
	 * reg (e.g. clocks) to its node at @path; 0 or a libfdt error. */
	int (*fdt_props)(void *fdt, const char *path);
};
extern const struct vuart_fdt vuart_fdt;

#endif
