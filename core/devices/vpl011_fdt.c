// SPDX-License-Identifier: MIT
/*
 * The emulated PL011 (vpl011.c) as a partition's device tree describes
 * it: what Linux's amba-pl011 driver needs to probe it. Pure libfdt code,
 * linked into the host tool too.
 */
#include <libfdt.h>
#include <bulkhead/vuart.h>

static const char vpl011_compatible[] = "arm,pl011\0arm,primecell";
static const char vpl011_clock_names[] = "uartclk\0apb_pclk";

/*
 * Linux's AMBA bus only probes a PrimeCell whose "apb_pclk" it can enable,
 * and amba-pl011 wants "uartclk": give both one fixed 24 MHz clock.
 */
static int vpl011_fdt_props(void *fdt, const char *path)
{
	int clk = fdt_subnode_offset(fdt, 0, "apb-pclk");
	uint32_t phandle;
	fdt32_t clocks[2];
	int node, err;

	if (clk < 0) {
		clk = fdt_add_subnode(fdt, 0, "apb-pclk");
		if (clk < 0)
			return clk;
		if ((err = fdt_generate_phandle(fdt, &phandle)) ||
		    (err = fdt_setprop_string(fdt, clk, "compatible", "fixed-clock")) ||
		    (err = fdt_setprop_u32(fdt, clk, "#clock-cells", 0)) ||
		    (err = fdt_setprop_u32(fdt, clk, "clock-frequency", 24000000)) ||
		    (err = fdt_setprop_u32(fdt, clk, "phandle", phandle)))
			return err;
	}
	phandle = fdt_get_phandle(fdt, clk);
	node = fdt_path_offset(fdt, path);	/* adding a node moved offsets */
	if (node < 0)
		return node;
	clocks[0] = clocks[1] = cpu_to_fdt32(phandle);
	if ((err = fdt_setprop(fdt, node, "clocks", clocks, sizeof(clocks))))
		return err;
	return fdt_setprop(fdt, node, "clock-names", vpl011_clock_names,
			   sizeof(vpl011_clock_names));
}

const struct vuart_fdt vuart_fdt = {
	.node_name = "pl011",
	.compatible = vpl011_compatible,
	.compatible_len = sizeof(vpl011_compatible),
	.fdt_props = vpl011_fdt_props,
};
