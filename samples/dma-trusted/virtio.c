// SPDX-License-Identifier: MIT
/*
 * dma-trusted: the partition owns a page of virtio-mmio transports, passed
 * through with dma = "trusted". It finds the page in its device tree and
 * reads each transport's identification registers, which only the real
 * device answers: had the hypervisor not mapped the page, the first read
 * would fault and the partition would be halted. Without a -device
 * virtio-* in them the transports have no device behind them (device ID
 * 0), so nothing here starts any DMA.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include <libfdt.h>

#include "guest.h"

#define VIRTIO_MMIO_MAGIC	0x000
#define VIRTIO_MMIO_VERSION	0x004
#define VIRTIO_MMIO_DEVICE_ID	0x008
#define VIRTIO_MMIO_VENDOR_ID	0x00c
#define VIRTIO_MAGIC		0x74726976u	/* "virt", little-endian */
#define TRANSPORT_SIZE		0x200u		/* each of QEMU virt's transports */

/* Transport @t of the page at @base: 0 if it answers as virtio-mmio. */
static int probe(uintptr_t base, unsigned int t)
{
	uintptr_t regs = base + t * TRANSPORT_SIZE;
	uint32_t magic = mmio_read32(regs + VIRTIO_MMIO_MAGIC);
	uint32_t version = mmio_read32(regs + VIRTIO_MMIO_VERSION);

	if (t == 0)
		printf("virtio: transport 0 at 0x%08lx: magic 0x%08" PRIx32
		       ", version %" PRIu32 ", device id %" PRIu32 ", vendor 0x%08" PRIx32 "\n",
		       (unsigned long)regs, magic, version,
		       mmio_read32(regs + VIRTIO_MMIO_DEVICE_ID),
		       mmio_read32(regs + VIRTIO_MMIO_VENDOR_ID));
	if (magic == VIRTIO_MAGIC && (version == 1 || version == 2))
		return 0;
	printf("virtio: transport %u at 0x%08lx is NOT virtio-mmio: magic 0x%08" PRIx32
	       ", version %" PRIu32 "\n", t, (unsigned long)regs, magic, version);
	return -1;
}

int main(void)
{
	int node = fdt_node_offset_by_compatible(guest.fdt, -1, "virtio,mmio");
	unsigned int t, n, bad = 0;
	uint64_t base, size;

	if (node < 0 || dt_reg(guest.fdt, node, &base, &size)) {
		printf("virtio: passthrough FAILED, no virtio,mmio node\n");
		return EXIT_FAILURE;
	}
	n = size / TRANSPORT_SIZE;
	for (t = 0; t < n; t++)
		bad += probe(base, t) != 0;
	if (bad)
		return EXIT_FAILURE;
	printf("virtio: %u transports passed through at 0x%08llx\n", n,
	       (unsigned long long)base);
	return EXIT_SUCCESS;
}
