// SPDX-License-Identifier: MIT
/*
 * The vMPIC (vmpic.c) as a partition's device tree describes it: the node
 * QEMU's ppce500 tree has for its MPIC, at the guest's address, and the
 * root's interrupt-parent pointing at it. Pure libfdt code, linked into
 * the host tool too.
 */
#include <stdio.h>
#include <libfdt.h>
#include <asm/vmpic.h>

int vmpic_fdt_node(void *fdt, gpaddr_t base)
{
	static const char compat[] = "fsl,mpic\0chrp,open-pic";
	/* The root has #address-cells = #size-cells = 2 */
	fdt64_t reg[2] = { cpu_to_fdt64(base), cpu_to_fdt64(MPIC_SIZE) };
	char name[32];
	uint32_t phandle;
	int node, err;

	snprintf(name, sizeof(name), "pic@%llx", (unsigned long long)base);
	node = fdt_add_subnode(fdt, 0, name);
	if (node < 0)
		return node;
	/*
	 * big-endian and single-cpu-affinity tell Linux's mpic driver what
	 * its platform code would otherwise pass: the registers' byte order,
	 * and that a source goes to one CPU (no multicast but for IPIs).
	 */
	if ((err = fdt_generate_phandle(fdt, &phandle)) ||
	    (err = fdt_setprop(fdt, node, "compatible", compat, sizeof(compat))) ||
	    (err = fdt_setprop_string(fdt, node, "device_type", "open-pic")) ||
	    (err = fdt_setprop(fdt, node, "reg", reg, sizeof(reg))) ||
	    (err = fdt_setprop_empty(fdt, node, "interrupt-controller")) ||
	    (err = fdt_setprop_u32(fdt, node, "#interrupt-cells", MPIC_SPEC_CELLS)) ||
	    (err = fdt_setprop_u32(fdt, node, "#address-cells", 0)) ||
	    (err = fdt_setprop_empty(fdt, node, "big-endian")) ||
	    (err = fdt_setprop_empty(fdt, node, "single-cpu-affinity")) ||
	    (err = fdt_setprop_u32(fdt, node, "phandle", phandle)))
		return err;
	return fdt_setprop_u32(fdt, 0, "interrupt-parent", phandle);
}
