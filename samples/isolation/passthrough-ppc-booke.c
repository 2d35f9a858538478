// SPDX-License-Identifier: MIT
/*
 * isolation, the victim's passthrough device on Book E: the SoC's I2C
 * controller (compatible "fsl-i2c"), in its device tree only because the
 * config passes it through. Its address register I2CADR holds what is
 * written to bits 7:1, so a value that reads back proves the accesses
 * reach the controller; I2CSR shows its idle state.
 */
#include <stdio.h>

#include <libfdt.h>

#include "guest.h"
#include "isolation.h"

#define I2CADR		0x00
#define I2CSR		0x0c
#define I2CADR_TEST	0x5a

void check_passthrough(void)
{
	uint64_t base, size;
	uintptr_t i2c;
	uint8_t adr, sr;
	int node = fdt_node_offset_by_compatible(guest.fdt, -1, "fsl-i2c");

	if (node < 0 || dt_reg(guest.fdt, node, &base, &size)) {
		printf("victim: i2c passthrough FAILED, no fsl-i2c node\n");
		return;
	}
	i2c = arch_map_device(base, size);
	if (!i2c) {
		printf("victim: i2c passthrough FAILED, cannot map 0x%llx\n",
		       (unsigned long long)base);
		return;
	}
	mmio_write8(i2c + I2CADR, I2CADR_TEST);
	adr = mmio_read8(i2c + I2CADR);
	sr = mmio_read8(i2c + I2CSR);
	if (adr == I2CADR_TEST)
		printf("victim: i2c passthrough ok, I2CADR 0x%02x read back, I2CSR 0x%02x\n",
		       adr, sr);
	else
		printf("victim: i2c passthrough FAILED, I2CADR 0x%02x read back, not 0x%02x\n",
		       adr, I2CADR_TEST);
}
