// SPDX-License-Identifier: MIT
/*
 * The emulated ns16550A (vns16550.c) as a partition's device tree
 * describes it: what Linux's of_serial and U-Boot's ns16550 driver need
 * to probe it. Pure libfdt code, linked into the host tool too.
 */
#include <libfdt.h>
#include <bulkhead/vuart.h>

static const char vns16550_compatible[] = "ns16550a";

/*
 * Both drivers refuse a port whose input clock they cannot find. Nothing
 * is clocked (transmission is immediate): the classic 1.8432 MHz crystal
 * makes the divisor for 115200 baud 1, a value every driver computes.
 */
#define VNS16550_CLOCK_HZ	1843200
#define VNS16550_BAUD		115200

static int vns16550_fdt_props(void *fdt, const char *path)
{
	int node = fdt_path_offset(fdt, path);
	int err;

	if (node < 0)
		return node;
	/* reg-shift and reg-io-width are the drivers' defaults; stated
	 * because the model refuses any other access */
	if ((err = fdt_setprop_u32(fdt, node, "clock-frequency", VNS16550_CLOCK_HZ)) ||
	    (err = fdt_setprop_u32(fdt, node, "current-speed", VNS16550_BAUD)) ||
	    (err = fdt_setprop_u32(fdt, node, "reg-shift", 0)))
		return err;
	return fdt_setprop_u32(fdt, node, "reg-io-width", 1);
}

const struct vuart_fdt vuart_fdt = {
	.node_name = "serial",
	.compatible = vns16550_compatible,
	.compatible_len = sizeof(vns16550_compatible),
	.fdt_props = vns16550_fdt_props,
};
